"""One verdict at the year's end for a figure not the year's (session 43, yearend).

官渡's 政府投资重点项目年度计划投资 (investment_total, 58.72亿元) as of 2022-12 with the year-end
audit's figures (tests/fixtures/year-end-2022.csv): five categories of December and 医疗和养老项目
of September (2.0亿元), so the sum, 58.0亿元, is a September position (period 2022-09, stale),
98.77 % of the year's target at t = 1 (−1.23 pp). The pace tolerance (10 pp) made it 存在风险 in
`gap`, `status` and the report's rows and counts, a pace verdict in the year's 执行情况报告 where
DESIGN §4 has none: at the year's final period the tolerance has no months left to cover, and
a shortfall on a figure older than the year's is 滞后 (behind until the year's figure), as the
report already said of 医疗和养老项目 itself (86.96 %, September). Every view now says 滞后.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def run(invoke, year_ledger: Path) -> Callable[..., str]:  # type: ignore[no-untyped-def]
    def cli(*args: str, lang: str = "zh") -> str:
        result = invoke(
            "--plan", "guandu-2022", "--ledger", str(year_ledger), "--lang", lang, *args
        )
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    return cli


def _assessment(text: str, target: str) -> dict[str, Any]:
    data = json.loads(text)
    rows = data if isinstance(data, list) else data["targets"]
    (row,) = (a for a in rows if a["id"] == target)
    return dict(row)


def test_gap_json_says_behind_for_the_investment_plan_at_the_years_end(run) -> None:  # type: ignore[no-untyped-def]
    a = _assessment(run("gap", "--as-of", "2022-12", "--json"), "investment_total")
    assert (a["status"], a["period"], a["stale"]) == ("behind", "2022-09", True)
    assert a["actual"] == 58 and a["completion"] == 0.9877 and a["pace_gap_pp"] == -1.23


def test_gap_and_status_rows_say_zhihou(run) -> None:  # type: ignore[no-untyped-def]
    gap = run("gap", "--as-of", "2022-12").splitlines()
    row = gap[next(i for i, line in enumerate(gap) if "investment_total" in line) + 1]
    assert row.split()[:2] == ["滞后", "58.0/58.72亿元*"]
    status = run("status", "--as-of", "2022-12")
    line = next(x for x in status.splitlines() if "政府投资重点项目年度计划投资" in x and "┃" in x)
    assert line.rstrip().endswith("98.77%  滞后")
    total = next(x for x in status.splitlines() if x.split()[:1] == ["合计"])
    assert total.split() == ["合计", "13", "1", "3", "5", "58", "80"]  # 完成 正常推进 滞后 …
    assert (
        "存在风险"
        not in status.split("最滞后的工作目标")[0].split("分领域情况")[1].split("合计")[1]
    )


def test_the_reports_rows_counts_and_sentences_agree(run) -> None:  # type: ignore[no-untyped-def]
    zh = run("report", "--as-of", "2022-12")
    assert (
        "80项目标中，完成13项、滞后3项、未完成5项、无数据58项、无全年数据1项。"
        "按完成率计的8项目标中，完成4项、滞后2项、未完成2项。"
    ) in zh
    assert (
        "| **政府投资重点项目年度计划投资** | 91（45/46） | 58.0 \\* | 58.72 | 98.77% | 100% "
        "| -1.23 | 滞后 |"
    ) in zh
    assert (
        "| 政府投资重点项目年度计划投资 | 2022年政府投资重点项目计划 | 滞后 "
        "| 58.0亿元 \\* / ≥ 58.72亿元 |"
    ) in zh
    assert "| 2022年政府投资重点项目计划 | 7 | 3 | 2 | 2 | · | · | 1 | 98.77% | 100% |" in zh
    assert "| **合计** | **80** | **13** | **3** | **5** | **58** | **1** | **8** |" in zh
    assert "完成年度目标（58.72亿元）的98.77%，差0.72亿元（其中1项构成数据截至2022年9月）" in zh
    assert "存在风险1项" not in zh and "| 存在风险 |" not in zh
    en = run("report", "--as-of", "2022-12", lang="en")
    assert (
        "Of the 8 targets measured by completion, 4 were met, 2 were behind and 2 were missed."
        in en
    )
    assert "at risk" not in en.split("## Headline")[0]


def test_a_milestone_short_on_an_old_figure_is_behind_at_the_years_end(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """The seed's 国际金融总部中心落户官渡 (quarterly) at 95 % in September: +20 pp against
    September's 75 % (on track), −5 pp against the year as of December: behind (its due is
    the year's end) until a December figure, where the tolerance made it at risk."""
    ledger = tmp_path / "m.progress.toml"
    plan = ("--plan", "guandu-2022", "--ledger", str(ledger))
    args = ("record", "intl_finance_hq_centre_landed", "95", "--period", "2022-09")
    assert invoke(*plan, *args).exit_code == 0
    for as_of, status in (("2022-09", "on_track"), ("2022-12", "behind")):
        out = invoke(*plan, "gap", "--as-of", as_of, "--json").stdout
        assert _assessment(out, "intl_finance_hq_centre_landed")["status"] == status
    zh = invoke(*plan, "--lang", "zh", "report", "--as-of", "2022-12").stdout
    assert "国际金融总部中心落户官渡（完成95%，差5个百分点；数据截至9月）" in zh
