"""Session 43's polish8: leftovers of the session's helpers, each with real values.

1. 无全年数据 is one rule (`part_year.NO_YEAR_FIGURE`): a year's target with a figure for part
   of the year only — the year-end report's old figure (`year_figure`: 官渡's 装灯率, 100% of
   June, at 12月), an annual total's part (`part_year`: 河南's 粮食产量, 夏粮 760.5亿斤 for
   上半年) and a year's average (`year_average`) — is shown, counted and chosen as 无全年数据;
   the year-end report counted 装灯率 under 无数据 beside its row's 无全年数据, and 粮食产量's row
   and counts said 无数据 beside its 760.5亿斤.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path) -> Any:
    """官渡 2022: 装灯率 100% for 2022-06 (on track then), 地区生产总值 5% for 2022-12."""

    def run(*args: str) -> Any:
        return invoke("--plan", "guandu-2022", "--ledger", str(tmp_path / "g.toml"), *args)

    for target, value, period in (
        ("street_lamp_installation_rate", "100", "2022-06"),
        ("gdp", "5", "2022-12"),
    ):
        assert run("record", target, value, "--period", period).exit_code == 0
    return run


@pytest.fixture
def henan(invoke: Any, tmp_path: Path) -> Any:
    """河南 2026: 粮食产量's 夏粮 760.5亿斤 for 上半年, 地区生产总值 5.2 for 2026-06."""

    def run(*args: str) -> Any:
        return invoke("--plan", "henan-2026", "--ledger", str(tmp_path / "h.toml"), *args)

    assert run("record", "grain_output", "760.5", "-p", "上半年", "--note", "夏粮").exit_code == 0
    assert run("record", "gdp", "5.2", "--period", "2026-06").exit_code == 0
    return run


def test_year_end_report_counts_an_old_figure_as_no_year_figure(guandu: Any) -> None:
    zh = guandu("--lang", "zh", "report", "--format", "md", "--as-of", "2022-12").stdout
    assert "80项目标中，未完成1项、无数据78项、无全年数据1项。" in zh
    assert "| 部分 | 目标数 | 未完成 | 无数据 | 无全年数据 |" in zh
    assert "| **合计** | **80** | **1** | **78** | **1** |" in zh
    # named once, in the sentence of the year's old figures, not again as a year's average
    assert zh.count("主次干道、背街小巷装灯率（100%；数据截至6月）") == 1
    assert "装灯率2022年" not in zh
    en = guandu("report", "--format", "md", "--as-of", "2022-12").stdout
    assert "78 had no data and 1 had no figure for the year (seasonal)" in en


def test_gap_keeps_its_pace_verdict_at_the_year_end(guandu: Any) -> None:
    """`gap` and `status` judge 装灯率 as they did (正常推进 on June's figure, marked stale):
    the year-end reading is the report's, so `--status 无全年数据` takes what gap's rows say."""
    out = json.loads(guandu("gap", "--json", "--as-of", "2022-12").stdout)
    lamp = next(t for t in out["targets"] if t["id"] == "street_lamp_installation_rate")
    assert (lamp["status"], lamp["reason"], lamp["actual"]) == ("on_track", None, 100)
    chosen = guandu("gap", "--json", "--as-of", "2022-12", "--status", "无全年数据")
    assert json.loads(chosen.stdout)["targets"] == []


def test_a_harvests_part_is_no_year_figure_everywhere(henan: Any) -> None:
    gap = henan("--lang", "zh", "gap").stdout
    assert "正常推进 1  无数据 9  无全年数据 1  待下达 1" in gap
    chosen = json.loads(henan("gap", "--json", "--status", "无全年数据").stdout)["targets"]
    assert [(t["id"], t["status"], t["reason"], t["actual"]) for t in chosen] == [
        ("grain_output", "no_data", "part_year", 760.5)
    ]
    assert henan("gap", "--fail-on", "seasonal").exit_code == 1
    status = json.loads(henan("status", "--json").stdout)
    assert status["sections"][0]["year_average"] == 1
    assert status["counts"]["no_data"] == 10  # the JSON's status is still no_data
    zh = henan("--lang", "zh", "report", "--format", "md").stdout
    assert "正常推进1项、待下达目标1项、尚无数据9项、尚无全年数据1项。" in zh
    assert (
        "| 粮食产量 | ≥ 1300亿斤（力争高于上年1350.97亿斤） | 760.5亿斤（2026年上半年） "
        "| 无全年数据 |" in zh
    )
    show = henan("--lang", "zh", "show", "grain_output").stdout
    assert "无全年数据  仅有年内阶段数据，该目标按全年数据考核" in show


# ------------------------------------------------- 2. a span of quarters in a bulletin's title


def _import(invoke: Any, tmp_path: Path, title: str) -> Any:
    sheet = tmp_path / "t.csv"
    rows = [title, "指标,单位,累计", "居民消费价格总水平,%,1.2"]
    sheet.write_text("".join(row + "\n" for row in rows), "utf-8")
    ledger = str(tmp_path / "bj.progress.toml")
    return invoke("--plan", "beijing-2026", "--ledger", ledger, "import", str(sheet))


_NOT_TO_DATE = "is not year to date: plancli records figures from January"


@pytest.mark.parametrize(
    ("title", "refused"),
    [
        # was '3季度' is the quarter alone
        ("2026年截至2-3季度主要指标", f"'截至2-3季度' {_NOT_TO_DATE} (1-9月, 2026-09)"),
        ("2026年截至二至三季度主要指标", f"'截至二至三季度' {_NOT_TO_DATE} (1-9月, 2026-09)"),
        # was '2026年2-3' (read as months 2-3)
        ("2026年2-3季度主要指标", f"'2026年2-3季度' {_NOT_TO_DATE} (1-3季度, 前三季度, 1-9月"),
    ],
)
def test_a_titles_quarter_span_is_refused_as_record_refuses_it(
    invoke: Any, tmp_path: Path, title: str, refused: str
) -> None:
    result = _import(invoke, tmp_path, title)
    assert result.exit_code == 2
    assert f"t.csv:3: target cpi: period {refused}" in result.stderr
    assert not (tmp_path / "bj.progress.toml").exists()


@pytest.mark.parametrize(
    "title", ["2026年1-3季度主要指标", "2026年截至1-3季度主要指标", "2026年一至三季度主要指标"]
)
def test_a_titles_quarters_from_the_first_are_the_first_three_quarters(
    invoke: Any, tmp_path: Path, title: str
) -> None:
    """2026年1-3季度 was read as 2026年1-3月: CPI's 1.2 recorded for March, not September."""
    from plancli.stores.toml import read_toml_ledger

    result = _import(invoke, tmp_path, title)
    assert result.exit_code == 0, result.output
    ledger = read_toml_ledger(tmp_path / "bj.progress.toml")
    assert [(r.target, r.period, str(r.value)) for r in ledger.records] == [
        ("cpi", "2026-09", "1.2")
    ]


# ------------------------------------------- 3. a 截至 header without 累计: what to write


def _header(invoke: Any, tmp_path: Path, header: str) -> Any:
    sheet = tmp_path / "2026年6月月报.csv"
    rows = ["2026年6月月报", f"指标,单位,{header}", "居民消费价格总水平,%,1.2"]
    sheet.write_text("".join(row + "\n" for row in rows), "utf-8")
    ledger = str(tmp_path / "bj.progress.toml")
    return invoke("--plan", "beijing-2026", "--ledger", ledger, "import", str(sheet))


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        (  # was the unknown column alone, no hint
            "截至4-6月",
            "('截至4-6月' is the figure of '4-6月' alone, which does not start in January, and "
            "plancli records figures from January (1-6月): head the column 1-6月 if it holds "
            "the year to date; record the increment over '4-6月' alone with `plancli record ID "
            "FIGURE -p '4-6月' --add`, added to the figure of 1-3月)",
        ),
        ("截至2-3季度（%）", "(1-9月): head the column 1-9月 if"),
        (  # a quarter's end: as 截至6月 (a balance at its end, or the year to date?)
            "截至二季度",
            "('截至二季度' does not say whether it is a balance at the month's end or the "
            "year's total to date: head it '截至二季度累计' if it is the year-to-date amount)",
        ),
    ],
)
def test_a_since_header_without_its_total_says_what_to_write(
    invoke: Any, tmp_path: Path, header: str, hint: str
) -> None:
    result = _header(invoke, tmp_path, header)
    assert result.exit_code == 2
    assert f"unknown column(s) '{header}'" in result.stderr
    assert hint in " ".join(result.stderr.split()).replace("( ", "(")
    assert not (tmp_path / "bj.progress.toml").exists()


def test_the_since_headers_that_read_still_read(invoke: Any, tmp_path: Path) -> None:
    """截至二季度累计 is 1-6月's (session 41); 截至6月 stays refused with s40's hint."""
    assert _header(invoke, tmp_path, "截至二季度累计").exit_code == 0
    result = _header(invoke, tmp_path, "截至6月")
    assert result.exit_code == 2 and "head it '截至6月累计'" in result.stderr


# ------------------------------------- 4. a target's name as a bulletin writes it, typed


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("PM_2.5年均浓度", "pm25"),  # was: did you mean 细颗粒物年均浓度 (pm25)?
        ("细颗粒物（PM2.5）年均浓度", "pm25"),  # was: unknown target
        ("北京市地区生产总值", "gdp"),  # the plan's own place before the name, as import reads it
        ("细颗粒物年均浓度", "pm25"),  # the plan's name: as before
    ],
)
@pytest.mark.parametrize("command", ["record", "show"])
def test_a_name_a_bulletin_reads_is_named_as_that_targets(
    invoke: Any, tmp_path: Path, typed: str, target: str, command: str
) -> None:
    ledger = str(tmp_path / "bj.progress.toml")
    args = (typed, "27", "-p", "2026-03") if command == "record" else (typed,)
    result = invoke("--plan", "beijing-2026", "--ledger", ledger, command, *args)
    assert result.exit_code == 2
    assert (
        f"error: '{typed}' is the name of target {target}; on the command line, give its id: "
        f"{target}"
    ) in result.stderr
    assert not (tmp_path / "bj.progress.toml").exists()
