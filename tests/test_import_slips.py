"""Figures that are most likely something other than the target's (audit B, §1 §2 §4 §5 §10):
a growth column's figure taken for a total or a level, an index (上年同期=100) for a CPI rise,
an area or a weight in another measure, `record` reading figures as `import` does, and a
growth kept as a fraction for a 正增长 target. Real values; the bundled plans' targets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plancli.figure_slips import maybe_index, same_quantity
from plancli.ledger import Record
from plancli.stores.toml import read_toml_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "progress.toml"


@pytest.fixture
def imports(invoke, ledger: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write FILE as UTF-8 and import it into a bundled plan (plan2022 unless `plan`)."""

    def run(name: str, lines: list[str], *args: str, plan: str | None = None):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        chosen = ("--plan", plan) if plan else ()
        return invoke(*chosen, "--ledger", str(ledger), "import", str(path), *args)

    return run


def records(ledger: Path) -> dict[tuple[str, str], Record]:
    if not ledger.exists():
        return {}
    return {(r.target, r.period): r for r in read_toml_ledger(ledger).records}


# ------------------------------------- §1: a growth where a total or a level belongs


def test_a_file_whose_only_figure_is_a_growth_gives_no_count_or_rate(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`指标,期间,增长` (or `累计增长（%）` alone): 新建5G基站 15.2 was recorded as 15.2 个 and
    失业率 -0.2 as a rate of -0.2 % (the file had no 累计值 column for §1's check to see)."""
    result = imports(
        "g.csv",
        ["指标,期间,增长", "新建5G基站,2022年6月,15.2", "城镇登记失业率,2022年二季度末,-0.2"],
    )
    assert result.exit_code == 2, result.output
    assert (
        "g.csv:2: new_5g_base_stations is a cumulative target: the file's only figure column, "
        "'增长', is a growth or change on last year ('15.2'), not its year-to-date total"
    ) in result.stderr
    assert "g.csv:3: unemployment_rate is a level target: the file's only figure" in result.stderr
    assert not ledger.exists()
    # A growth target's figure is its growth: imported as before.
    growth = imports("gdp.csv", ["指标,期间,累计增长（%）", "地区生产总值,2022年二季度末,5.1"])
    assert growth.exit_code == 0, growth.output
    assert records(ledger)[("gdp", "2022-Q2")].value == Decimal("5.1")


def test_a_cumulative_target_never_takes_its_growth_as_its_total(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """新建5G基站 went from 150 个 to 15.2 个 (its 累计增长), 引进市外到位资金 from 50 to 8.5 亿元,
    counted as revisions: a blank or `—` 累计值 left the growth column to be the total."""
    base = imports(
        "base.csv",
        ["指标,期间,本年累计", "新建5G基站,2022年6月,150", "引进市外到位资金,2022年6月,50"],
    )
    assert base.exit_code == 0, base.output
    before = ledger.read_bytes()
    result = imports(
        "o.csv",
        [
            "指标,期间,本年累计,累计增长（%）",
            "新建5G基站,2022年6月,,15.2",
            "引进市外到位资金,2022年6月,—,8.5",
        ],
    )
    assert result.exit_code == 2, result.output
    assert (
        "o.csv:2: new_5g_base_stations is a cumulative target: its figure is the '本年累计' "
        "column, empty here; the '累计增长（%）' column's '15.2' is a growth or change on last "
        "year, not its year-to-date total"
    ) in result.stderr
    assert (
        "o.csv:3: external_funds is a cumulative target: its figure is the '本年累计' column, "
        "which holds '—' (no data) here; the '累计增长（%）' column's '8.5' is a growth"
    ) in result.stderr
    assert ledger.read_bytes() == before
    # The header `增长` (one of the value headers) gave no sign at all.
    plain = imports("o2.csv", ["指标,期间,本年累计,增长", "新建5G基站,2022年6月,,15.2"])
    assert plain.exit_code == 2, plain.output
    assert "new_5g_base_stations is a cumulative target" in plain.stderr
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == 150  # its 2022年6月


def test_a_level_target_never_takes_its_change_as_its_level(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A rate's 比上年同期增长 is its change in points: −0.2 became the unemployment rate (with
    a hint of −20 %), 1.5 the air-quality rate whose target is ≥ 98 %."""
    result = imports(
        "t.csv",
        [
            "指标,期间,本年累计,比上年同期增长（%）",
            "城镇登记失业率,2022年二季度末,,-0.2",
            "空气质量优良率,2022年6月,—,1.5",
        ],
    )
    assert result.exit_code == 2, result.output
    assert (
        "t.csv:2: unemployment_rate is a level target: its figure is the '本年累计' column, "
        "empty here; the '比上年同期增长（%）' column's '-0.2' is a growth or change on last "
        "year, not its level"
    ) in result.stderr
    assert "t.csv:3: air_quality_good_rate is a level target" in result.stderr
    assert "-20 %" not in result.stderr
    assert not ledger.exists()


def test_a_growth_target_and_a_neutral_value_column_still_import(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """What is right stays: a growth target's figure is its growth (累计值 blank or not), and a
    `数值` column (no growth in its name) is any target's figure."""
    result = imports(
        "ok.csv",
        ["指标,期间,本年累计,累计增长（%）", "地区生产总值,2022年6月,—,5.2"],
    )
    assert result.exit_code == 0, result.output
    neutral = imports("n.csv", ["指标,期间,数值,累计值", "空气质量优良率,2022年6月,99.2,"])
    assert neutral.exit_code == 0, neutral.output
    got = records(ledger)
    assert got[("gdp", "2022-Q2")].value == Decimal("5.2")  # quarterly: 2022年6月 its Q2
    assert got[("air_quality_good_rate", "2022-06")].value == Decimal("99.2")


@pytest.mark.parametrize("plan", ["jiangsu-2026", "shandong-2026"])
def test_a_cpi_rise_in_the_growth_column_is_the_cpi_targets_figure(
    imports, ledger: Path, plan: str
) -> None:  # type: ignore[no-untyped-def]
    """A CPI target's figure is its rise (居民消费价格涨幅; 山东's 居民消费价格, id cpi): the
    bulletin's 比上年同期增长 of 居民消费价格指数 is that figure, 累计值 or not."""
    result = imports(
        "cpi.csv",
        ["指标,期间,本年累计,比上年同期增长（%）", "居民消费价格指数,2026年6月,—,0.8"],
        plan=plan,
    )
    assert result.exit_code == 0, result.output
    assert records(ledger)[("cpi", "2026-06")].value == Decimal("0.8")


def test_a_negative_figure_of_a_rate_gets_no_fraction_hint(imports, invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`是否应为 -20 %？` for an unemployment rate: a share kept as a fraction is never negative.
    A negative rate is refused since audit W D9 (the 比上年 change typed), with no fraction hint."""
    imported = imports(
        "r.csv", ["指标,期间,数值", "城镇登记失业率,2022年二季度末,-0.2"], "--dry-run"
    )
    assert imported.exit_code == 2, imported.output
    assert "a rate or share is never below 0" in imported.stderr
    assert "a fraction" not in imported.stderr and "-20 %" not in imported.stderr
    result = invoke(
        "--ledger", str(ledger), "record", "unemployment_rate", "-0.2", "--period", "2022-Q2"
    )
    assert result.exit_code == 2, result.output
    assert "a rate or share is never below 0" in result.stderr
    assert "a fraction" not in result.stderr and "-20 %" not in result.stderr


# ------------------------------------------------------- §2: an index for a rise in %


def test_a_cpi_index_named_so_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """居民消费价格指数 100.8 (上年同期=100) was stored as a 100.8 % rise for 江苏's CPI target
    (居民消费价格涨幅 2%左右), 滞后 by 98.3 points."""
    result = imports(
        "cpi.csv", ["指标,期间,数值", "居民消费价格指数,2026年6月,100.8"], plan="jiangsu-2026"
    )
    assert result.exit_code == 2, result.output
    assert (
        "cpi.csv:2: cpi: '居民消费价格指数' is an index (the same period last year = 100), and "
        "the target's figure is a rise in %: 100.8 is a rise of 0.8 %; plancli does not "
        "convert: give 0.8"
    ) in result.stderr
    assert not ledger.exists()
    # The index's rise, as the row under that name often gives it, is taken.
    rise = imports(
        "cpi.csv", ["指标,期间,数值", "居民消费价格指数,2026年6月,0.8"], plan="jiangsu-2026"
    )
    assert rise.exit_code == 0, rise.output
    assert "warning" not in rise.stderr
    assert records(ledger)[("cpi", "2026-06")].value == Decimal("0.8")


@pytest.mark.parametrize(
    "lines",
    [
        ["指标,期间,数值", "居民消费价格涨幅,2026年6月,100.8"],
        ["target,period,value", "cpi,2026-06,100.8"],  # a file of ids (the fast case)
    ],
    ids=["name", "id"],
)
def test_a_cpi_near_100_is_warned_as_an_index(imports, ledger: Path, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = imports("cpi.csv", lines, plan="jiangsu-2026")
    assert result.exit_code == 0, result.output
    assert (
        "cpi.csv:2: cpi 2026-06 = 100.8: an index (the same period last year = 100) where the "
        "figure is a rise in %? did you mean 0.8 %? (read as 100.8 %)"
    ) in result.stderr


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        *[("100.8", True), ("99.5", True), ("85.0", True), ("100", True), ("119.9", True)],
        *[("84.9", False), ("120", False), ("1000", False), ("10.5", False), ("9.2", False)],
        *[("1023.5", False), ("", False), ("5.2", False)],
    ],
)
def test_the_readers_note_every_figure_that_may_be_an_index(text: str, noted: bool) -> None:
    """The readers note these rows (as they note 0.x ones) for a file of ids, whose other rows
    are not looked at again: a million rows pay one cheap test each."""
    assert maybe_index(text) is noted


def test_record_warns_of_an_index_too(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--plan", "jiangsu-2026", "--ledger", str(ledger), "record", "cpi", "100.8",
        "--period", "2026-06", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "did you mean 0.8 %?" in result.stderr


# -------------------------------------------- §4: another measure of the same quantity


def test_an_area_in_another_measure_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """150 公顷 was stored as 150 平方公里 (the 2.8 km² sponge-city target 53 times over), 120 亩
    as 120 公顷, with a warning only."""
    result = imports(
        "m2.csv",
        [
            "指标,期间,单位,本年累计",
            "建设海绵城市,2022年6月,公顷,150",
            "新增城市绿地,2022年6月,亩,120",
        ],
    )
    assert result.exit_code == 2, result.output
    assert (
        "m2.csv:2: sponge_city_area: the file's unit is 公顷 and the plan's 平方公里; plancli "
        "does not convert: give the figure in 平方公里"
    ) in result.stderr
    assert "m2.csv:3: new_urban_green_space: the file's unit is 亩 and the plan's 公顷" in (
        result.stderr
    )
    assert not ledger.exists()


def test_a_weight_in_another_measure_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """四川 counts 粮食产量 in 亿斤 (730); 3650 万吨 (= 730 亿斤) was read as 3650 亿斤."""
    result = imports(
        "sc1.csv", ["指标,期间,单位,本年累计", "粮食产量,2026年,万吨,3650"], plan="sichuan-2026"
    )
    assert result.exit_code == 2, result.output
    assert "grain_output: the file's unit is 万吨 and the plan's 亿斤; plancli does not" in (
        result.stderr
    )


def test_the_same_unit_spelled_otherwise_passes_and_another_unit_is_warned(
    imports, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    result = imports(
        "m3.csv",
        [
            "指标,期间,单位,本年累计",
            "建设海绵城市,2022年6月,平方千米,1.5",
            "新建5G基站,2022年6月,亿元,150",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "sponge_city_area" not in result.stderr  # 平方千米 is 平方公里
    assert "new_5g_base_stations: the file's unit is 亿元 and the plan's 个; check the figure" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("given", "planned", "same"),
    [
        ("公顷", "平方公里", True),
        ("亩", "公顷", True),
        ("平方米", "公顷", True),
        ("万吨", "亿斤", True),
        ("吨", "公斤", True),
        ("万元", "亿美元", True),
        ("公里", "米", True),
        ("平方千米", "平方公里", False),
        ("千克", "公斤", False),
        ("万千瓦时", "万度", False),
        ("个", "亿元", None),
        ("万人次", "万人", None),
        ("吨标准煤", "吨", None),
        ("千瓦", "千瓦时", None),
    ],
)
def test_same_quantity(given: str, planned: str, same: bool | None) -> None:
    assert same_quantity(given, planned) is same


# ------------------------------------------------ §5: `record` reads figures as `import`


def test_record_warns_of_a_rate_written_as_a_fraction(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """An Excel cell showing 4.1% holds 0.041: `import` warned, `record` recorded it silently."""
    result = invoke(
        "--ledger", str(ledger), "record", "unemployment_rate", "0.041", "--period", "三季度末"
    )
    assert result.exit_code == 0, result.output
    assert (
        "unemployment_rate 2022-Q3 = 0.041: a fraction where the figure is in %; did you mean "
        "4.1 %? (read as 0.041 %)"
    ) in result.stderr
    given_as_percent = invoke(
        "--ledger", str(ledger), "record", "unemployment_rate", "0.041%", "--period", "2022-Q3"
    )
    assert "a fraction" not in given_as_percent.stderr


@pytest.mark.parametrize(
    ("target", "typed", "period", "value"),
    [
        ("unemployment_rate", "４.１", "2022-Q3", Decimal("4.1")),
        ("new_parking_spaces", "1,500", "2022-09", Decimal(1500)),
        ("new_parking_spaces", "1，500", "2022-09", Decimal(1500)),
        ("gdp", "５．２％", "2022-Q3", Decimal("5.2")),
        ("gdp", "－0.5", "2022-Q3", Decimal("-0.5")),
    ],
)
def test_record_reads_figures_as_import_does(  # type: ignore[no-untyped-def]
    invoke, ledger: Path, target: str, typed: str, period: str, value: Decimal
) -> None:
    result = invoke("--ledger", str(ledger), "record", target, typed, "--period", period)
    assert result.exit_code == 0, result.output
    assert records(ledger)[(target, period)].value == value


def test_record_still_refuses_a_decimal_comma(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--ledger", str(ledger), "record", "unemployment_rate", "4,1", "--period", "2022-Q3"
    )
    assert result.exit_code == 2, result.output
    assert not ledger.exists()


def test_record_reads_an_amount_as_import_does(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--ledger", str(ledger), "record", "gdp", "5.2", "--amount", "１,２３４.５６",
        "--period", "2022-Q2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert records(ledger)[("gdp", "2022-Q2")].amount == Decimal("1234.56")


# --------------------------------------- §10: a growth fraction for a 正增长 target


def test_a_growth_fraction_is_warned_for_a_positive_growth_target(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """固定资产投资（不含农户）: 正增长 (> 0 %) and no growth for 2021: 0.052 from
    `=本期/上年同期-1` was recorded as 0.052 % with no warning, as the zh guide promised one."""
    result = imports(
        "g.csv",
        [
            "指标名称,统计期,单位,本年累计,累计增长（%）",
            "其中：固定资产投资（不含农户）,2022年1—8月,亿元,—,0.052",
        ],
        "--dry-run",
    )
    assert result.exit_code == 0, result.output
    assert (
        "g.csv:2: fixed_asset_investment 2022-08 = 0.052: a fraction where the figure is in %; "
        "did you mean 5.2 %? (read as 0.052 %)"
    ) in result.stderr
    # A growth as bulletins publish it, one decimal, is not; nor a fraction of 0.5 or more.
    for figure in ("0.4", "0.8", "0.75"):
        published = imports(
            "g.csv",
            ["指标,期间,累计增长", f"固定资产投资(不含农户),2022年8月,{figure}"],
            "--dry-run",
        )
        assert published.exit_code == 0, published.output
        assert "a fraction" not in published.stderr, figure
