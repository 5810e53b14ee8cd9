"""Session 40's walk of the bundled 辽宁 2026 plan in Chinese (地区生产总值增长4.5%左右;
一般公共预算收入增长2.5%左右; 城镇新增就业45万人以上; 城镇调查失业率5.5%左右; 居民消费价格涨幅
2%左右; 居民收入与经济增长基本同步; 单位GDP二氧化碳排放 国家下达), a 统计局 analyst's year: a
workspace begun, the 1-3月, 1-6月 and 1-9月 bulletins imported, the year-end 统计公报's 全年
column, the reports. Each test is a slip the walk met."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger

PLAN = Path(__file__).parent.parent / "data" / "2026" / "liaoning.toml"
REPORT = (
    Path(__file__).parent.parent.parent
    / "shared"
    / "corpus"
    / "gov-work-reports-2026"
    / "辽宁省.txt"
)


def _figures(ledger: Path) -> dict[tuple[str, str], Decimal]:
    return {(r.target, r.period): r.value for r in read_toml_ledger(ledger).records}


@pytest.fixture
def liaoning(tmp_path: Path) -> list[str]:
    return ["--plan", "liaoning-2026", "--ledger", str(tmp_path / "ln.progress.toml")]


# ------------------------------------------------ the year-end bulletin's 全年 column

YEAR_END = (
    "指标,单位,{header},比上年增长（%）\n地区生产总值,亿元,33120.7,4.6\n城镇新增就业,万人,46.3,\n"
)


@pytest.mark.parametrize("header", ["全年", "2026年全年"])
def test_a_bulletin_column_headed_the_whole_year_is_the_year(
    invoke: Any, liaoning: list[str], tmp_path: Path, header: str
) -> None:
    """A 统计公报's table heads the year's figures 全年; `import` read 1-12月, 上半年 and 前三季度
    so and refused 全年: `缺少列 period` (missing column(s) period), nothing saying the header
    named a period plancli takes everywhere else (`-p 全年`, `--as-of 全年`)."""
    sheet = tmp_path / "2026年辽宁统计公报.csv"
    sheet.write_text(YEAR_END.format(header=header), encoding="utf-8")
    result = invoke("--lang", "zh", *liaoning, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert f"各行均按表头中的期间 {header} 录入" in result.stderr
    figures = _figures(tmp_path / "ln.progress.toml")
    assert figures[("gdp", "2026-Q4")] == Decimal("4.6")
    assert figures[("new_urban_jobs", "2026-12")] == Decimal("46.3")


@pytest.mark.parametrize(
    "title", ["2026年全年目标完成情况", "全年计划执行情况", "2026年全年预算执行情况"]
)
def test_a_title_naming_the_years_target_names_no_period(
    invoke: Any, liaoning: list[str], tmp_path: Path, title: str
) -> None:
    """全年目标 / 全年计划 name the plan, not the period of the figures: a title so worded over
    a table of 1-9月 figures still gives the header's 1-9月, the file's figures not read as
    the year's."""
    sheet = tmp_path / "ln.csv"
    sheet.write_text(
        f"{title}\n指标,单位,1-9月,比上年同期增长（%）\n地区生产总值,亿元,22310.4,4.4\n",
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *liaoning, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "ln.progress.toml") == {("gdp", "2026-Q3"): Decimal("4.4")}


def test_a_title_naming_the_whole_year_gives_the_period(
    invoke: Any, liaoning: list[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "gb.csv"
    sheet.write_text(
        "2026年全年主要经济指标\n指标,单位,绝对值,比上年增长（%）\n地区生产总值,亿元,33120.7,4.6\n",
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *liaoning, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "ln.progress.toml") == {("gdp", "2026-Q4"): Decimal("4.6")}


# ------------------------------------------------------------ the plan against the report


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 42) and the 2025 review (line 21), figure by
    figure: the bundled plan holds each, and nothing else."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    text = REPORT.read_text(encoding="utf-8")
    by_id = {t["id"]: t for t in plan["targets"]}
    assert list(by_id) == [
        "gdp",
        "budget_revenue",
        "new_urban_jobs",
        "surveyed_unemployment_rate",
        "cpi",
        "resident_income",
        "co2_intensity",
    ]
    assert by_id["gdp"]["around"] == 4.5 and by_id["gdp"]["baseline"]["growth"] == 3.7
    assert by_id["budget_revenue"]["around"] == 2.5
    assert by_id["budget_revenue"]["baseline"]["growth"] == 0.4
    assert (
        by_id["new_urban_jobs"]["min"] == 45 and by_id["new_urban_jobs"]["baseline"]["value"] == 48
    )
    assert by_id["surveyed_unemployment_rate"]["around"] == 5.5
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    assert by_id["resident_income"]["relation"] == "same"
    assert by_id["co2_intensity"]["pending"] is True
    for target in plan["targets"]:
        assert target["quote"] in text, target["id"]
    assert "地区生产总值增长3.7%，一般公共预算收入增长0.4%，城镇新增就业48万人" in text


def test_basically_in_step_is_said_as_the_other_plans_say_it(
    invoke: Any, liaoning: list[str]
) -> None:
    """基本同步 is read as relation same, with the tolerance: 上海's and 天津's plans tell the
    user so in the target's note; 辽宁's said nothing, so show gave no reason why 3.6 % under
    GDP's 4.6 % is still 同步."""
    assert invoke(*liaoning, "record", "gdp", "4.6", "-p", "2026-Q4").exit_code == 0
    result = invoke("--lang", "zh", *liaoning, "show", "resident_income")
    assert result.exit_code == 0, result.output
    # since session 42 in the analyst's words, with the tolerance's figure
    assert "“基本同步”：居民收入增速不低于同期地区生产总值增速减1个百分点" in result.output
    english = invoke("--lang", "en", *liaoning, "show", "resident_income")
    flat = " ".join(english.output.split())
    assert "income growth no more than 1 percentage point below GDP growth" in flat


# ------------------------------------- a 统计月报's month growth beside the year-to-date one

MONTHLY = (
    "2026年1-9月辽宁省主要经济指标\n指标,单位,{month},{ytd},{month_growth},{ytd_growth}\n"
    "一般公共预算收入,亿元,220.1,2065.3,3.1,2.4\n居民消费价格,%,,,1.3,1.1\n"
)


@pytest.mark.parametrize(
    ("month", "ytd", "month_growth", "ytd_growth"),
    [
        ("本月", "本年累计", "本月增长（%）", "累计增长（%）"),
        ("本月", "本年累计", "本月增速(%)", "累计增速(%)"),
        ("当月", "累计", "当月同比（%）", "累计同比（%）"),
        ("本月", "本月止累计", "本月比上年同月增长（%）", "本月止累计比上年同期增长（%）"),
    ],
)
def test_a_months_own_growth_column_is_read_past(
    invoke: Any,
    liaoning: list[str],
    tmp_path: Path,
    month: str,
    ytd: str,
    month_growth: str,
    ytd_growth: str,
) -> None:
    """The 统计月报's four figures: the month, the year to date, and a growth each. The
    month's growth column (本月增长（%）) refused the file as an unknown column, exit 2, where
    `增速（当月）` was read past; now read past as 本月 is, and named so."""
    sheet = tmp_path / "ln.csv"
    sheet.write_text(
        MONTHLY.format(month=month, ytd=ytd, month_growth=month_growth, ytd_growth=ytd_growth),
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *liaoning, "import", str(sheet))
    assert result.exit_code == 0, result.output
    # The month's own amount is named beside its growth (session 41: it was read past unnamed)
    assert f"跳过 '{month}'、'{month_growth}' 列（plancli 不用）" in result.stderr
    figures = _figures(tmp_path / "ln.progress.toml")
    assert figures == {
        ("budget_revenue", "2026-09"): Decimal("2.4"),
        ("cpi", "2026-09"): Decimal("1.1"),
    }


def test_the_years_growth_after_its_total_is_still_read(
    invoke: Any, liaoning: list[str], tmp_path: Path
) -> None:
    """本月止累计比上年同期增长 begins with 本月 and is the year to date's growth: still read."""
    sheet = tmp_path / "ln.csv"
    sheet.write_text(
        "2026年1-9月\n指标,单位,本月止累计,本月止累计比上年同期增长（%）\n一般公共预算收入,亿元,2065.3,2.4\n",
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *liaoning, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "ln.progress.toml") == {
        ("budget_revenue", "2026-09"): Decimal("2.4")
    }
