"""A year's average not yet judged (无全年数据 / seasonal), taken and counted (session 43).

Session 42 shows 北京's 细颗粒物年均浓度 (`pm25`, 29微克/立方米左右, ≤ 30.45) at 1-3月's winter 45
as 无全年数据 (no_data, reason `year_average`), but `gap --status 无全年数据` (or `seasonal`,
the word its row shows) was refused as an unknown status, and every line of counts put it
under 无数据 (无数据 5 beside a row saying 无全年数据). Now `--status` and `--fail-on` take it
(one table of choices: assess/select.CHOICES), the counts take it apart as 偏离区间 is taken
from 滞后, and the report says the year so far and when the year's figure comes. The seed's
空气质量优良率 (官渡 2022, 98%以上, `year_average = true`) judged at 1-3月, 1-6月 and 12月 on
audit-y's monthly figures (97.8, 99.1, 97.3)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def beijing(invoke: Any, tmp_path: Path) -> Any:
    """北京 2026 with pm25 45 at 2026-03 (1-3月's average) and gdp 5.0 at 2026-03."""

    def run(*args: str) -> Any:
        return invoke("--plan", "beijing-2026", "--ledger", str(tmp_path / "bj.toml"), *args)

    for target, value in (("pm25", "45"), ("gdp", "5.0")):
        assert run("record", target, value, "--period", "2026-03").exit_code == 0
    return run


def ids(result: Any) -> list[str]:
    assert result.exit_code == 0, result.output
    return [t["id"] for t in json.loads(result.stdout)["targets"]]


@pytest.mark.parametrize("word", ["无全年数据", "seasonal", "year_average", "Seasonal"])
def test_status_takes_the_rows_word(beijing: Any, word: str) -> None:
    assert ids(beijing("gap", "--json", "--status", word)) == ["pm25"]


def test_status_words_mix_and_no_data_takes_them_too(beijing: Any) -> None:
    assert ids(beijing("gap", "--json", "--status", "滞后、无全年数据")) == ["pm25"]
    assert ids(beijing("gap", "--json", "--status", "正常推进,seasonal")) == ["pm25", "gdp"]
    shown = ids(beijing("gap", "--json", "--status", "无数据"))  # as the JSON's status says
    assert "pm25" in shown and len(shown) == 5
    table = beijing("--lang", "zh", "gap", "--status", "无全年数据")
    assert table.exit_code == 0
    assert "pm25" in table.stdout and "budget_revenue" not in table.stdout


def test_fail_on_seasonal(beijing: Any) -> None:
    assert beijing("gap", "--fail-on", "seasonal").exit_code == 1
    assert beijing("gap", "--json", "--fail-on", "无全年数据").exit_code == 1
    assert beijing("gap", "--fail-on", "behind,missed").exit_code == 0


def test_fail_on_seasonal_when_split(beijing: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gap --json` judged by two processes (a plan of 100,000 targets) counts the seasonal."""
    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "always")
    assert beijing("gap", "--json", "--fail-on", "seasonal").exit_code == 1
    assert ids(beijing("gap", "--json", "--status", "seasonal")) == ["pm25"]
    assert beijing("gap", "--json", "--fail-on", "behind").exit_code == 0


def test_the_refusal_and_the_help_list_it(beijing: Any) -> None:
    result = beijing("--lang", "zh", "gap", "--status", "季节性")
    assert result.exit_code == 2
    assert "no_data（无数据）、seasonal（无全年数据）、pending（待下达）" in result.stderr
    result = beijing("gap", "--status", "nodata")
    assert "valid: met, on_track, at_risk, behind, missed, no_data, seasonal, pending" in (
        result.stderr
    )
    help_text = " ".join(beijing("gap", "--help").stdout.split())
    assert "missed, no_data, seasonal, pending, tracked, dropped" in help_text
    from plancli.assess.select import choice_names

    # the help lists the table's choices, in its order (the table is what the parse takes)
    assert f"Only these statuses: {choice_names(False)} (or" in help_text


def test_completion_lists_it() -> None:
    from plancli.cli.completion import complete_status

    assert complete_status("sea") == [("seasonal", "无全年数据")]
    assert complete_status("无全") == [("seasonal", "无全年数据")]
    assert complete_status("behind,se") == [("behind,seasonal", "无全年数据")]
    assert [name for name, _zh in complete_status("")][5:7] == ["no_data", "seasonal"]


def test_the_counts_take_it_apart(beijing: Any) -> None:
    gap = beijing("--lang", "zh", "gap").stdout
    assert "正常推进 1  无数据 4  无全年数据 1  待下达 3" in gap
    assert "seasonal 1" in beijing("gap").stdout
    status = beijing("--lang", "zh", "status").stdout
    header = next(line for line in status.splitlines() if "部分" in line and "合计" in line)
    assert header.split() == ["部分", "正常推进", "无数据", "无全年数据", "待下达", "合计"]
    row = next(line for line in status.splitlines() if line.strip().startswith("主要预期目标 "))
    assert row.split() == ["主要预期目标", "1", "4", "1", "3", "9"]
    out = json.loads(beijing("status", "--json").stdout)
    assert (out["counts"]["no_data"], out["counts"]["behind"], out["counts"]["met"]) == (5, 0, 0)
    assert out["sections"][0]["year_average"] == 1


def test_the_report_counts_and_says_it(beijing: Any, tmp_path: Path) -> None:
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert "正常推进1项、待下达目标3项、尚无数据4项、尚无全年数据1项。" in zh
    assert (
        "细颗粒物年均浓度2026年1-3月累计为45微克/立方米，目标29微克/立方米左右按全年数据考核，"
        "全年数据待年底发布。"
    ) in zh
    assert "| 部分 | 目标数 | 正常推进 | 无数据 | 无全年数据 | 待下达 |" in zh
    assert "| 主要预期目标 | 9 | 1 | 4 | 1 | 3 |" in zh
    en = beijing("report", "--format", "md").stdout
    assert "4 have no data yet and 1 awaits the year's figure (seasonal)" in en
    assert "is judged on the year's figure, due after the year's end." in en
    html = beijing("--lang", "zh", "report", "--format", "html").stdout
    assert '<li class="chip s-year_average">无全年数据 <b>1</b>' in html
    assert '<li class="chip s-no_data">无数据 <b>4</b>' in html
    path = tmp_path / "r.xlsx"
    assert beijing("--lang", "zh", "report", "--format", "xlsx", "-o", str(path)).exit_code == 0
    book = load_workbook(io.BytesIO(path.read_bytes()))
    rows = [
        [c for c in row if c is not None] for row in book.worksheets[0].iter_rows(values_only=True)
    ]
    assert ["部分", "目标数", "正常推进", "无数据", "无全年数据", "待下达"] in rows


def test_at_the_years_end_the_figure_has_not_come(beijing: Any) -> None:
    assert beijing("record", "gdp", "5.2", "--period", "2026-12").exit_code == 0
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert "完成1项、待下达目标3项、无数据4项、无全年数据1项。" in zh
    assert "按全年数据考核，全年数据尚未发布。" in zh


def test_show_says_why_under_its_word(beijing: Any) -> None:
    show = beijing("--lang", "zh", "show", "pm25").stdout
    assert "无全年数据  年内累计平均值，该目标按全年数据考核" in show
    assert "无数据  年内" not in show


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path) -> Any:
    """官渡 2022 with audit-y's ledger: a monthly 空气质量优良率 all year."""
    ledger = tmp_path / "y.progress.toml"
    shutil.copyfile(FIXTURES / "audit-y-2022.progress.toml", ledger)

    def run(*args: str) -> Any:
        return invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)

    return run


@pytest.mark.parametrize(
    ("month", "actual", "status", "reason", "gap"),
    [
        ("03", 97.8, "no_data", "year_average", None),  # spring's 97.8: was 滞后 before s42
        ("06", 99.1, "on_track", None, 0),
        ("12", 97.3, "missed", None, 0.7),  # the year's figure decides
    ],
)
def test_the_seeds_air_quality_through_the_year(
    guandu: Any, month: str, actual: float, status: str, reason: str | None, gap: float | None
) -> None:
    text = (Path(__file__).parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    at = text.index('id = "air_quality_good_rate"')
    assert "year_average = true" in text[at : text.index("[[targets]]", at)]
    result = guandu("gap", "--json", "--as-of", f"2022-{month}")
    a = next(t for t in json.loads(result.stdout)["targets"] if t["id"] == "air_quality_good_rate")
    assert (a["actual"], a["status"], a["reason"], a["gap"], a["min"]) == (
        actual,
        status,
        reason,
        gap,
        98,
    )
    chosen = ids(guandu("gap", "--json", "--as-of", f"2022-{month}", "--status", "seasonal"))
    assert chosen == (["air_quality_good_rate"] if reason else [])


def test_the_seeds_report_at_1_3_names_it(guandu: Any) -> None:
    zh = guandu("--lang", "zh", "report", "--format", "md", "--as-of", "2022-03").stdout
    assert "滞后25项、尚无数据4项、尚无全年数据1项。" in zh
    assert (
        "空气质量优良率2022年1-3月累计为97.8%，目标98%以上按全年数据考核，全年数据待年底发布。"
    ) in zh
    assert "| 无数据 | 无全年数据 |" in zh
