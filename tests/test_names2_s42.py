"""Session 42, round 2: bulletin names the walks found unread.

1. A 统计局 quarterly GDP sheet gives GDP's rows by sector, `第一产业`, `第二产业`, `第三产业`
   right under `地区生产总值`: refused, `unknown target '第一产业' in plan guizhou-2026; did you
   mean 第一产业增加值 (primary_value_added)…`, a name guizhou-2026 does not use (一产增加值). Read
   as the plan's sector targets where they sit under GDP (`gdp_sectors`); not under
   固定资产投资 (investment by sector). Every suggestion names the plan's own target name.
2. The plan's own place before a name (`上海市生产总值`, `贵州省地区生产总值`, `本市生产总值`) is
   the same statistic; another place's (`浦东新区生产总值` in 上海's plan) is refused as such,
   not answered with `did you mean 全市生产总值 (gdp)?` (`place_names`).
3. 海南's 地区总值 (gdp) and PM2.5平均浓度 / 细颗粒物（PM2.5）平均浓度 (pm25) are standard names;
   extract drafts 海南's 地区总值增长8%左右 as gdp.
4. A fall column with its period (`1-6月下降（%）`, beside `1-6月增长（%）` or alone) was an
   unknown column while `累计下降（%）` under a title's period was read.

Figures: 贵州's GDP growth 4.9 is its 2025 review's (corpus 贵州省.txt: 全年地区生产总值增长4.9%);
the sectors' 3.6, 5.2, 5.0, 上海's 5.1, 北京's PM2.5 38 (test_names_s42) and 天津's 5.3 and 2.7
(energy intensity, the 天津 walk's row) are made up or reused for the tests.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger
from sheets import sheet_file


def _records(ledger: Path) -> dict[tuple[str, str], Decimal]:
    return {(r.target, r.period): r.value for r in read_toml_ledger(ledger).records}


def _write(tmp_path: Path, name: str, rows: list[list[Any]], form: str = "csv") -> Path:
    if form == "xlsx":
        return sheet_file(tmp_path, rows, name + ".xlsx")
    path = tmp_path / (name + ".csv")
    path.write_text("".join(",".join(str(c) for c in row) + "\n" for row in rows), "utf-8")
    return path


def _import(invoke: Any, tmp_path: Path, plan: str, sheet: Path, *more: str) -> Any:
    ledger = str(tmp_path / "p.progress.toml")
    return invoke(*more, "--plan", plan, "--ledger", ledger, "import", str(sheet))


# ------------------------------------------------------ 1. 第一产业 under 地区生产总值

_GDP_SHEET: list[list[Any]] = [
    ["指标", "单位", "1-3月", "比上年同期增长（%）"],
    ["地区生产总值", "亿元", "5000", "4.9"],
    ["第一产业", "亿元", "300", "3.6"],
    ["第二产业", "亿元", "1800", "5.2"],
    ["第三产业", "亿元", "2900", "5.0"],
]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize("sector", ["第一产业", "其中：第一产业", "  第一产业"])
def test_sectors_under_gdp_are_the_plans_sector_targets(
    invoke: Any, tmp_path: Path, form: str, sector: str
) -> None:
    rows = [list(row) for row in _GDP_SHEET]
    rows[2][0] = sector
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "2026年一季度", rows, form))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == {
        ("gdp", "2026-Q1"): Decimal("4.9"),
        ("primary_value_added", "2026-Q1"): Decimal("3.6"),
        ("secondary_value_added", "2026-Q1"): Decimal("5.2"),
        ("tertiary_value_added", "2026-Q1"): Decimal("5.0"),
    }


def test_sectors_under_investment_are_not_value_added(invoke: Any, tmp_path: Path) -> None:
    """固定资产投资's 第一产业 (investment by sector) is another statistic: refused as before
    (a blank row between it and GDP's is read past since session 43); the suggestions name
    guizhou-2026's own 一产增加值, not the bulletins' 第一产业增加值."""
    rows: list[list[Any]] = [
        ["指标", "单位", "1-3月", "比上年同期增长（%）"],
        ["地区生产总值", "亿元", "5000", "4.9"],
        ["固定资产投资", "亿元", "—", "3.1"],
        ["第一产业", "亿元", "—", "-5.3"],
    ]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "2026年一季度", rows))
    assert result.exit_code == 2
    assert (
        "2026年一季度.csv:4: unknown target '第一产业' in plan guizhou-2026; did you mean "
        "一产增加值 (primary_value_added), 二产增加值 (secondary_value_added), 三产增加值 "
        "(tertiary_value_added)?"
    ) in result.stderr
    assert "第一产业增加值" not in result.stderr
    zh = _import(invoke, tmp_path, "guizhou-2026", tmp_path / "2026年一季度.csv", "--lang", "zh")
    assert "是否想找 一产增加值（primary_value_added）、二产增加值" in zh.stderr


def test_a_sector_after_a_gap_is_read_and_in_a_plan_without_it_refused(
    invoke: Any, tmp_path: Path
) -> None:
    """A blank row between GDP's row and the sectors' is read past since session 43
    (test_names3_s43): it was refused here, `gap.csv:4: unknown target '第一产业'`."""
    gap = [*_GDP_SHEET[:2], ["", "", "", ""], _GDP_SHEET[2]]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "gap", gap))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml")[("primary_value_added", "2026-Q1")] == Decimal(
        "3.6"
    )
    beijing = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "bj", _GDP_SHEET))
    assert beijing.exit_code == 2  # 北京's plan tracks no sector: nothing to read it as
    assert "bj.csv:3: unknown target '第一产业' in plan beijing-2026" in beijing.stderr


def test_suggestions_name_the_plans_own_name(invoke: Any, tmp_path: Path) -> None:
    """A name nearest a bulletin's name (生产总量 → 生产总值) is answered with the plan's name
    for that target: 上海's 全市生产总值."""
    result = invoke("--plan", "shanghai-2026", "record", "生产总量", "5", "-p", "2026-Q1")
    assert result.exit_code == 2
    assert "did you mean 全市生产总值 (gdp)?" in result.stderr


# ------------------------------------------------------------ 2. the plan's own place


@pytest.mark.parametrize(
    ("plan", "name"),
    [
        ("shanghai-2026", "上海市生产总值"),
        ("shanghai-2026", "上海地区生产总值"),
        ("shanghai-2026", "本市生产总值"),
        ("shanghai-2026", "全市生产总值"),
        ("guizhou-2026", "贵州省地区生产总值"),
        ("guizhou-2026", "全省生产总值"),
        ("guizhou-2026", "贵州省第一产业增加值"),
        ("guandu-2022", "官渡区地区生产总值"),
    ],
)
def test_the_plans_own_place_before_a_name_is_the_same_statistic(
    invoke: Any, tmp_path: Path, plan: str, name: str
) -> None:
    year = plan[-4:]
    rows = [["指标", "单位", "1-3月", "比上年同期增长（%）"], [name, "亿元", "12000", "5.1"]]
    result = _import(invoke, tmp_path, plan, _write(tmp_path, f"{year}年一季度", rows))
    assert result.exit_code == 0, result.output
    target = "primary_value_added" if "第一产业" in name else "gdp"
    assert _records(tmp_path / "p.progress.toml") == {(target, f"{year}-Q1"): Decimal("5.1")}


@pytest.mark.parametrize(
    ("plan", "name", "place", "own"),
    [
        ("shanghai-2026", "浦东新区生产总值", "浦东新区", "全市生产总值 (gdp)"),
        ("shanghai-2026", "上海市浦东新区生产总值", "上海市浦东新区", "全市生产总值 (gdp)"),
        ("guizhou-2026", "贵阳市地区生产总值", "贵阳市", "地区生产总值 (gdp)"),
        ("guizhou-2026", "全国居民消费价格", "全国", "居民消费价格涨幅 (cpi)"),
    ],
)
def test_another_places_name_is_refused_as_another_place(
    invoke: Any, tmp_path: Path, plan: str, name: str, place: str, own: str
) -> None:
    rows = [["指标", "单位", "1-3月", "比上年同期增长（%）"], [name, "%", "—", "5.1"]]
    result = _import(invoke, tmp_path, plan, _write(tmp_path, "t", rows))
    assert result.exit_code == 2
    assert (
        f"t.csv:2: unknown target '{name}' in plan {plan}: {place} is not the plan's place, "
        f"and its figure is not that of {own}; see `plancli targets`"
    ) in result.stderr
    assert "did you mean" not in result.stderr


def test_another_places_row_is_skipped_with_no_suggestion(invoke: Any, tmp_path: Path) -> None:
    """--skip-unknown lists it plainly: not `did you mean 全市生产总值 (gdp)? If it is that
    target, write its name…`, which would have Pudong's figure recorded as Shanghai's."""
    rows = [["指标", "1-3月增长（%）"], ["浦东新区生产总值", "5.1"], ["上海市生产总值", "5.4"]]
    sheet = _write(tmp_path, "t", rows)
    ledger = str(tmp_path / "p.progress.toml")
    result = invoke(
        "--plan", "shanghai-2026", "--ledger", ledger, "import", str(sheet), "--skip-unknown"
    )
    assert result.exit_code == 0, result.output
    assert "skipped: " in result.stderr and "t.csv:2: 浦东新区生产总值\n" in result.stderr
    assert "did you mean" not in result.stderr
    assert _records(tmp_path / "p.progress.toml") == {("gdp", "2026-Q1"): Decimal("5.4")}


def test_another_places_refusal_in_chinese(invoke: Any, tmp_path: Path) -> None:
    rows = [["指标", "1-3月增长（%）"], ["浦东新区生产总值", "5.1"]]
    result = _import(invoke, tmp_path, "shanghai-2026", _write(tmp_path, "t", rows), "--lang", "zh")
    assert result.exit_code == 2
    assert (
        "t.csv:2：计划 shanghai-2026 中没有目标 '浦东新区生产总值'：浦东新区不是本计划的地区，"
        "其数据不是 全市生产总值（gdp）的；见 `plancli targets`"
    ) in result.stderr


def test_scope_words_are_no_place(invoke: Any, tmp_path: Path) -> None:
    """城镇 (a scope, not a town) and 地区 keep their refusals (`name_qualifiers`)."""
    rows = [["指标", "1-3月增长（%）"], ["城镇居民人均可支配收入", "5.1"]]
    result = _import(invoke, tmp_path, "liaoning-2026", _write(tmp_path, "t", rows))
    assert result.exit_code == 2
    assert "not the same statistic" in result.stderr
    assert "not the plan's place" not in result.stderr


# ---------------------------------------------------- 3. 地区总值, PM2.5平均浓度


@pytest.mark.parametrize("name", ["地区总值", "全省地区总值", "海南省地区总值"])
def test_hainans_word_for_gdp_is_gdp(invoke: Any, tmp_path: Path, name: str) -> None:
    rows = [["指标", "1-3月增长（%）"], [name, "5.1"]]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "t", rows))
    if name.startswith("海南"):  # another province's: not guizhou-2026's
        assert result.exit_code == 2
        assert "海南省 is not the plan's place" in result.stderr
        return
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == {("gdp", "2026-Q1"): Decimal("5.1")}


@pytest.mark.parametrize(
    "name", ["PM2.5平均浓度", "细颗粒物（PM2.5）平均浓度", "细颗粒物平均浓度", "PM2.5年平均浓度"]
)
def test_an_average_concentration_is_beijings_pm25(invoke: Any, tmp_path: Path, name: str) -> None:
    rows = [["指标", "单位", "1-3月"], [name, "微克/立方米", "38"]]
    result = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "2026年1-3月", rows))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == {("pm25", "2026-03"): Decimal("38")}


def test_hainans_report_drafts_its_gdp_as_gdp(invoke: Any, tmp_path: Path) -> None:
    report = tmp_path / "海南.txt"
    report.write_text(
        "海南省2024年政府工作报告\n2024年经济社会发展的主要预期目标是：2024年实现地区总值增长"
        "8%左右，地方一般公共预算收入增长7%左右，固定资产投资增长10%左右。\n",
        "utf-8",
    )
    draft = tmp_path / "hn.toml"
    made = invoke("extract", str(report), "-o", str(draft))
    assert made.exit_code == 0, made.output
    text = draft.read_text("utf-8")
    assert 'id = "gdp"\nsection = "headline"\nname = "地区总值"' in text
    assert "headline_1" not in text


# ------------------------------------------------------- 4. 1-6月下降（%）


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("rise", "fall"),
    [
        ("1-6月增长（%）", "1-6月下降（%）"),
        ("1-6月比上年同期增长（%）", "1-6月比上年同期下降（%）"),
        ("1-6月累计增长（%）", "1-6月累计下降（%）"),
    ],
)
def test_a_fall_column_with_its_period_beside_the_rise(
    invoke: Any, tmp_path: Path, form: str, rise: str, fall: str
) -> None:
    rows: list[list[Any]] = [
        ["指标", "单位", rise, fall],
        ["地区生产总值", "亿元", "5.3", "—"],
        ["单位地区生产总值能耗", "%", "—", "2.7"],
    ]
    result = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "t", rows, form))
    assert result.exit_code == 0, result.output
    assert "every row is for 1-6月, read from the header" in result.stderr
    assert _records(tmp_path / "p.progress.toml") == {
        ("gdp", "2026-Q2"): Decimal("5.3"),
        ("energy_intensity", "2026-06"): Decimal("-2.7"),
    }


def test_a_fall_column_with_its_period_alone_or_with_the_amount(
    invoke: Any, tmp_path: Path
) -> None:
    alone = [["指标", "1-6月下降（%）"], ["单位地区生产总值能耗", "2.7"]]
    result = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "a", alone))
    assert result.exit_code == 0, result.output
    assert "every row is for 1-6月, read from the header" in result.stderr
    assert _records(tmp_path / "p.progress.toml") == {
        ("energy_intensity", "2026-06"): Decimal("-2.7")
    }
    rows = [
        ["指标", "单位", "1-6月（亿元）", "1-6月增长（%）", "1-6月下降（%）"],
        ["地区生产总值", "亿元", "8000", "5.3", "—"],
    ]
    both = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "b", rows))
    assert both.exit_code == 0, both.output
    assert _records(tmp_path / "p.progress.toml")[("gdp", "2026-Q2")] == Decimal("5.3")


def test_a_fall_column_with_its_period_keeps_the_fall_rules(invoke: Any, tmp_path: Path) -> None:
    """GDP's figure under it and a row with figures in both are refused, naming the column as
    the sheet heads it; a fall in 亿元 stays an unknown column."""
    rows = [
        ["指标", "单位", "1-6月增长（%）", "1-6月下降（%）"],
        ["单位地区生产总值能耗", "%", "1.0", "2.7"],
    ]
    both = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "b", rows))
    assert both.exit_code == 2
    assert (
        "b.csv:2: target energy_intensity: a figure under both '1-6月增长（%）' (1.0) and "
        "'1-6月下降（%）' (2.7)"
    ) in both.stderr
    gdp = [["指标", "1-6月下降（%）"], ["地区生产总值", "2.7"]]
    refused = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "g", gdp))
    assert refused.exit_code == 2
    assert "g.csv:2: column '1-6月下降（%）' gives the size of a fall (2.7)" in refused.stderr
    other = [["指标", "1-6月下降（亿元）"], ["单位地区生产总值能耗", "2.7"]]
    unit = _import(invoke, tmp_path, "tianjin-2026", _write(tmp_path, "u", other))
    assert unit.exit_code == 2
    assert "unknown column(s) '1-6月下降（亿元）'" in unit.stderr
