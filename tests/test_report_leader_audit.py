"""The 时间过半 report a district's planning section sends its leaders (a user audit of
`plancli report`): real figures of guandu-2022's first half and September (tests/fixtures/
leader-audit-h1.csv, -q3.csv), with a decline target (单位地区生产总值能耗下降3%) added to a
copy of the plan, as the audit did."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
EPOCH = "1664582400"  # 2022-10-01 00:00 UTC: the report's date, fixed

ENERGY = """
[[targets]]
id = "energy_intensity"
section = "ecology"
name = "单位地区生产总值能耗"
name_en = "Energy consumption per unit of GDP"
kind = "growth"
unit = "%"
decline = true
min = 3
frequency = "quarterly"
quote = "单位生产总值能耗下降3.3%"

"""


def plan_with_a_decline(folder: Path) -> Path:
    """guandu-2022 with the decline target the bundled plan lacks, in `folder`."""
    plan = folder / "plan2022.toml"
    text = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    at = text.index("# " + "=" * 77 + " milestones")
    plan.write_text(text[:at] + ENERGY + text[at:], encoding="utf-8")
    return plan


@pytest.fixture(scope="module")
def audited_built(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> Path:
    """The audit's ledger: the first half, a correction, two mid-year adjustments,
    September's five figures."""
    folder = tmp_path_factory.mktemp("audit")
    plan = plan_with_a_decline(folder)
    with pytest.MonkeyPatch.context() as monkeypatch, isolated_cli() as invoke:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for args in (
            ("import", str(FIXTURES / "leader-audit-h1.csv")),
            ("record", "new_5g_base_stations", "158", "--period", "2022-06", "--note", "更正"),
            ("amend", "retail_sales", "--min", "6", "--from", "2022-06", "--note", "年中调整"),
            ("amend", "new_parking_spaces", "--drop", "--from", "2022-06", "--note", "不再考核"),
            ("import", str(FIXTURES / "leader-audit-q3.csv")),
        ):
            result = invoke("--plan", str(plan), *args)
            assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def audited(audited_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    shutil.copytree(audited_built, tmp_path, dirs_exist_ok=True)
    return tmp_path / "plan2022.toml"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The plan with the decline target and an empty ledger."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return plan_with_a_decline(tmp_path)


def run(invoke: Callable[..., Any], plan: Path, lang: str, *args: str) -> str:
    result = invoke("--plan", str(plan), "--lang", lang, *args)
    assert result.exit_code == 0, result.output
    return result.stdout  # type: ignore[no-any-return]


def without_figure_spans(html: str) -> str:
    """The page with the spans that keep a figure and its unit on one line taken out."""
    return re.sub(r'<span class="fig">([^<]*)</span>', r"\1", html)


def line_with(text: str, needle: str) -> str:
    [line] = [line for line in text.splitlines() if needle in line and line.startswith("|")]
    return line


def sheet_rows(path: Path, sheet: str) -> list[list[Any]]:
    from openpyxl import load_workbook

    return [list(row) for row in load_workbook(path)[sheet].iter_rows(values_only=True)]


# ------------------------------------------------- 1: a decline's figure keeps its sense


def test_a_decline_figure_is_shown_as_the_bulletin_writes_it_in_every_table(
    invoke, audited: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Recorded −2.1 (下降2.1%): the tables said `2.1% / 下降 ≥ 3%` and `show` said 完成值
    2.1% beside a history of −2.1 %: one figure, two signs on one screen."""
    zh = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "| 存在风险 | 下降2.1% / 下降 ≥ 3% |" in line_with(zh, "单位地区生产总值能耗")
    en = run(invoke, audited, "en", "report", "--as-of", "2022-06", "-f", "md")
    assert "| at risk | -2.1% / fall ≥ 3% |" in line_with(en, "Energy consumption")
    html = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "html")
    assert "下降2.1% / 下降 ≥ 3%" in without_figure_spans(html)
    workbook = tmp_path / "june.xlsx"
    run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-o", str(workbook))
    # the assessments sheet is the JSON's data: the fall judged, and the figure recorded
    [record] = [r for r in sheet_rows(workbook, "执行情况") if r[0] == "energy_intensity"]
    assert (record[7], record[41]) == (2.1, -2.1)
    show = run(invoke, audited, "zh", "show", "energy_intensity", "--as-of", "2022-06")
    assert re.search(r"\n完成值 +下降2.1%\n", show)
    # the record in the history too as the bulletin writes it (forms.md; s24 audit A D6)
    assert re.search(r"\n \* +2022-Q2 +下降2.1% ", show) and "-2.1" not in show
    gap = run(invoke, audited, "en", "gap", "--as-of", "2022-06")
    assert "-2.1%/fall ≥3%" in gap
    # the JSON as documented: `actual` the fall, `recorded` the figure as recorded
    [row] = [
        t
        for t in json.loads(run(invoke, audited, "en", "gap", "--as-of", "2022-06", "--json"))[
            "targets"
        ]
        if t["id"] == "energy_intensity"
    ]
    assert (row["actual"], row["recorded"], row["status"]) == (2.1, -2.1, "at_risk")


def test_a_decline_target_that_rose_is_shown_as_a_rise(invoke, fresh: Path) -> None:  # type: ignore[no-untyped-def]
    """Energy use per GDP rose 1 %: the summary said 累计增长1% and the table `-1% / 下降 ≥ 3%`,
    which every reader takes for a fall of 1 %."""
    for args in (
        ("record", "energy_intensity", "1.0", "--period", "2022-Q2"),
        ("record", "gdp", "5", "--period", "2022-Q2"),
    ):
        run(invoke, fresh, "en", *args)
    zh = run(invoke, fresh, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "单位地区生产总值能耗（累计增长1.0%，目标下降3%）" in zh
    assert "| 滞后 | 增长1.0% / 下降 ≥ 3% |" in line_with(zh, "单位地区生产总值能耗")
    en = run(invoke, fresh, "en", "report", "--as-of", "2022-06", "-f", "md")
    assert "| behind | +1.0% / fall ≥ 3% |" in line_with(en, "Energy consumption")
    show = run(invoke, fresh, "en", "show", "energy_intensity", "--as-of", "2022-06")
    assert "+1.0%" in show


# ------------------------------------------ 2: a roll-up's figure is as old as its oldest part


def test_a_summed_roll_up_runs_only_to_its_oldest_part(invoke, audited: Path) -> None:  # type: ignore[no-untyped-def]
    """At 2022-09 the investment total is September's roads (11.2) and five June categories:
    the summary said （数据截至2022年9月） and the JSON `period` 2022-09 beside `stale: true`."""
    zh = run(invoke, audited, "zh", "report", "--as-of", "2022-09", "-f", "md")
    assert (
        "政府投资重点项目年度计划投资累计完成32.37亿元，完成年度目标（58.72亿元）的55.13%，"
        "落后时间进度19.87个百分点，后3个月月均需完成8.78亿元（其中5项构成数据截至2022年6月）。"
    ) in zh
    assert "数据截至2022年9月" not in zh
    en = run(invoke, audited, "en", "report", "--as-of", "2022-09", "-f", "md")
    assert (
        "8.78 亿元 a month in the remaining 3 months (5 of its 6 parts' figures of 2022-06)" in en
    )
    planned = line_with(zh, "| 政府投资重点项目年度计划投资 | 2022")
    assert "| 32.37亿元 \\* / ≥ 58.72亿元 |" in planned
    [total] = [
        t
        for t in json.loads(run(invoke, audited, "en", "gap", "--as-of", "2022-09", "--json"))[
            "targets"
        ]
        if t["id"] == "investment_total"
    ]
    # the sum's period is its oldest part's; its pace is judged on September's clock (75%)
    assert {k: total[k] for k in ("actual", "period", "stale", "progress_period")} == {
        "actual": 32.37,
        "period": "2022-06",
        "stale": True,
        "progress_period": "2022-09",
    }
    assert (total["status"], total["pace_gap_pp"], total["expected_share"]) == (
        "behind",
        -19.87,
        0.75,
    )
    # at 2022-06 every part is June's: the sum is June's and current, as before
    june = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "后6个月月均需完成5.12亿元。" in june


# ------------------------------------ 5: a partial sum says so on its table rows, not only in prose


def test_a_partial_roll_up_says_so_on_its_table_rows(invoke, audited: Path) -> None:  # type: ignore[no-untyped-def]
    """In May only roads (5.1) and education (6.0) have reported: the sentence said （6项构成中
    4项尚无数据）, the two table rows a bare 11.1 and 滞后."""
    zh = run(invoke, audited, "zh", "report", "--as-of", "2022-05", "-f", "md")
    assert "后7个月月均需完成6.8亿元（6项构成中4项尚无数据）。" in zh  # the sentence, as before
    assert (
        "| **政府投资重点项目年度计划投资** | 91（45/46） | 11.1（4项构成尚无数据） | 58.72 "
        "| 18.9% |" in zh
    )
    assert "| 滞后 | 11.1亿元（4项构成尚无数据） / ≥ 58.72亿元 | 18.9% |" in line_with(
        zh, "| 政府投资重点项目年度计划投资 | 2022"
    )
    html = without_figure_spans(
        run(invoke, audited, "zh", "report", "--as-of", "2022-05", "-f", "html")
    )
    assert '<td class="right long" data-label="完成值">11.1（4项构成尚无数据）</td>' in html
    assert (
        '<td class="right long" data-label="完成值 / 目标">'
        "11.1亿元（4项构成尚无数据） / ≥ 58.72亿元</td>"
    ) in html
    en = run(invoke, audited, "en", "report", "--as-of", "2022-05", "-f", "md")
    assert "| 11.1 (4 of 6 parts no data) | 58.72 |" in en
    assert "| behind | 11.1 亿元 (4 of 6 parts no data) / ≥ 58.72 亿元 |" in en
    # every part reported: no caveat
    june = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "| **政府投资重点项目年度计划投资** | 91（45/46） | 28.02 | 58.72 | 47.72% |" in june
    assert "尚无数据）" not in june.split("## ")[2]  # past the summary: no caveat in any table


# ------------------------------------------- 4: a list's June figures say they are June's


def test_the_summary_lists_say_which_figures_are_old(invoke, audited: Path) -> None:  # type: ignore[no-untyped-def]
    """As of September 17 of the 18 targets behind are June figures (the table marks them
    `*`); the list stated them as September's position."""
    zh = run(invoke, audited, "zh", "report", "--as-of", "2022-09", "-f", "md")
    assert (
        "其他滞后的目标18项：引进培育龙头企业（完成20%，落后进度55个百分点；数据截至6月）；"
        "医疗和养老项目（完成25.22%，落后进度49.78个百分点；数据截至6月）；"
        "昆明市“元宇宙”产业示范基地落地（完成30%，落后进度45个百分点；数据截至二季度末）；"
    ) in zh
    assert (
        "其他存在风险的目标3项：引进培育专精特新“小巨人”企业（完成66.67%，落后进度8.33个百分点；"
        "数据截至6月）；城市道路建设项目（完成70.35%，落后进度4.65个百分点）；"  # September's
        "单位地区生产总值能耗（累计下降2.1%，目标下降3%；数据截至二季度末）。"
    ) in zh
    en = run(invoke, audited, "en", "report", "--as-of", "2022-09", "-f", "md")
    assert (
        "Other targets behind (18): Leading enterprises attracted or fostered (20% done, 55 pp "
        "behind pace; figure of 2022-06);"
    ) in en
    assert "Urban road projects (70.35% done, 4.65 pp behind pace);" in en
    # in June nothing is old: the lists as before
    june = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "引进培育龙头企业（完成20%，落后进度30个百分点）；" in june
    assert "数据截至" not in june


# ------------------------------- 6: rounding keeps a completion on its side of the pace


def test_a_completion_just_short_of_the_pace_is_not_shown_on_it(invoke, fresh: Path) -> None:  # type: ignore[no-untyped-def]
    """62.4999 of 125 亿元 (0.4999992) at June's 50 %: at risk, and it read 完成50%，落后进度
    0.01个百分点 (JSON completion 0.5 = expected_share 0.5)."""
    run(invoke, fresh, "en", "record", "external_funds", "62.4999", "--period", "2022-06")
    zh = run(invoke, fresh, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert "其他存在风险的目标1项：引进市外到位资金（完成49.99%，落后进度0.01个百分点）。" in zh
    assert "| 存在风险 | 62.4999亿元 / ≥ 125亿元 | 49.99% | 50% | -0.01 |" in line_with(
        zh, "引进市外到位资金"
    )
    gap = json.loads(run(invoke, fresh, "en", "gap", "--as-of", "2022-06", "--json"))
    [row] = [t for t in gap["targets"] if t["id"] == "external_funds"]
    assert (row["status"], row["completion"], row["pace_gap_pp"], row["expected_share"]) == (
        "at_risk",
        0.4999,
        -0.01,
        0.5,
    )
    show = json.loads(
        run(invoke, fresh, "en", "show", "external_funds", "--as-of", "2022-06", "--json")
    )
    assert show["assessment"]["completion"] == 0.4999
    # exactly on the pace: on track, 50 % as before
    run(invoke, fresh, "en", "record", "external_funds", "62.5", "--period", "2022-06")
    gap = json.loads(run(invoke, fresh, "en", "gap", "--as-of", "2022-06", "--json"))
    [row] = [t for t in gap["targets"] if t["id"] == "external_funds"]
    assert (row["status"], row["completion"], row["pace_gap_pp"]) == ("on_track", 0.5, 0)


# ------------------------------------------- the 时间过半、任务过半 verdict of the summary


def test_the_summary_says_how_many_targets_are_half_done_at_mid_year(invoke, audited: Path) -> None:  # type: ignore[no-untyped-def]
    """The report the genre is named after never said it: of the targets measured by
    completion, how many have done the share due (任务过半) at mid-year."""
    gap = json.loads(run(invoke, audited, "en", "gap", "--as-of", "2022-06", "--json"))
    section = {t["id"]: t["section"] for t in gap["targets"]}
    # a roll-up's parts in its section count through it, as in the section table (audit C §8)
    through = {p for t in gap["targets"] for p in t["parts"] if section[p] == t["section"]}
    paced = [
        t
        for t in gap["targets"]
        if t["id"] not in through
        and t["completion"] is not None
        and (t["status"] == "met" or t["pace_gap_pp"] is not None)
    ]
    done = [t for t in paced if t["status"] == "met" or t["pace_gap_pp"] >= 0]
    assert 0 < len(done) < len(paced)
    zh = run(invoke, audited, "zh", "report", "--as-of", "2022-06", "-f", "md")
    assert (
        f"时间过半，按完成率计的{len(paced)}项目标中，任务过半的{len(done)}项、"
        f"未过半的{len(paced) - len(done)}项。"
    ) in zh.split("\n\n")[2]  # the overview paragraph, after the title and its heading
    en = run(invoke, audited, "en", "report", "--as-of", "2022-06", "-f", "md")
    assert (
        f"Of the {len(paced)} targets measured by completion, {len(done)} have done the share "
        f"due by now (half the year's work at mid-year) and {len(paced) - len(done)} are short"
    ) in en
    may = run(invoke, audited, "zh", "report", "--as-of", "2022-05", "-f", "md")
    assert "时间过半" not in may and "项达到应完成进度、" in may
