"""Import checks of a bulletin's figures against the plan (audits of Excel bulletins): a unit
stated in a header's brackets or a 单位 line, a figure wildly out of scale, a percentage kept as
a fraction, the period of a title against the file name's, a 合计 row."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.ledger import Record
from plancli.stores.toml import read_toml_ledger

BUNDLED = Path(__file__).parent.parent / "data" / "plan2022.toml"


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


@pytest.fixture
def imports(invoke, ledger: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write FILE as GBK (Excel's CSV on a Chinese Windows), import it into the bundled plan."""

    def run(name: str, lines: list[str], *args: str):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
        return invoke("--ledger", str(ledger), "import", str(path), *args)

    return run


def records(ledger: Path) -> dict[tuple[str, str], Record]:
    if not ledger.exists():
        return {}
    return {(r.target, r.period): r for r in read_toml_ledger(ledger).records}


# ------------------------------------------------------------------ units (audit win D1)

WAN_HEADER = [
    "官渡区2022年1-6月主要经济指标,,,",
    "指标,本年累计（万元）,累计增长（%）,备注",
    '地方一般公共预算收入,"274,000",3.1,',
    '引进市外到位资金,"520,000",,',
]


def test_a_header_bracket_in_another_scale_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`本年累计（万元）`: the bracket was dropped and 274,000 万元 stored as 274000 亿元. Since
    session 40 a growth target's amount in 万元 beside its growth no longer refuses its row
    (the growth is taken, the amount left out: bulletin_s40); a total's still does."""
    result = imports("万元表头.csv", WAN_HEADER)
    assert result.exit_code == 2, result.output
    assert "1 bad row; nothing was imported" in result.stderr
    assert (
        ":4: external_funds: column '本年累计（万元）' is in 万元 and the plan counts 亿元; "
        "plancli does not convert: give the figure in 亿元"
    ) in result.stderr
    assert "budget_revenue" not in result.stderr
    assert records(ledger) == {}


def test_a_unit_line_in_another_scale_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [WAN_HEADER[0], "单位：万元,,,", "指标,本年累计,累计增长,备注", *WAN_HEADER[2:]]
    result = imports("单位行万元.csv", lines)
    assert result.exit_code == 2, result.output
    assert (
        ":5: external_funds: column '本年累计' (by '单位：万元') is in 万元 and the plan counts "
        "亿元; plancli does not convert: give the figure in 亿元"
    ) in result.stderr
    assert "budget_revenue" not in result.stderr  # its growth taken (session 40)
    assert records(ledger) == {}


def test_people_where_the_plan_counts_ten_thousands_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = ["官渡区2022年1-6月就业情况,,", "指标,本年累计（人）,备注", '新增城镇就业,"11,000",']
    result = imports("就业人.csv", lines, "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert "new_urban_jobs" in result.stderr and "万人" in result.stderr
    assert records(ledger) == {}


def test_a_unit_line_naming_the_amounts_and_a_percentage(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`单位：亿元，%`: 亿元 is the 累计值 column's, % the growth's, whatever the columns' order;
    a count target's figure in the 亿元 column is imported with a warning."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "单位：亿元，%,,,",
        "指标,累计增长,本年累计,备注",
        "地方一般公共预算收入,3.1,27.4,",
        "引进市外到位资金,,52,",
        "新建5G基站,,150,",
    ]
    result = imports("单位行亿元.csv", lines)
    assert result.exit_code == 0, result.output
    assert (
        "6: new_5g_base_stations: column '本年累计' (by '单位：亿元，%') is in 亿元 and the plan "
        "counts 个; check the figure"
    ) in result.stderr
    assert result.stderr.count("warning") == 1
    got = records(ledger)
    assert got[("budget_revenue", "2022-06")].amount == Decimal("27.4")
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


@pytest.mark.parametrize("separator", ["、", "，", ",", "；", "/", "／"])
def test_a_unit_line_naming_two_units_gives_each_row_its_own(
    imports, ledger: Path, separator: str
) -> None:  # type: ignore[no-untyped-def]
    """`单位：亿元、万人` (or ，；/): 亿元 is the money rows', 万人 the people rows'; a row in
    neither is warned about, as with `单位：亿元，%`."""
    line = f"单位：亿元{separator}万人"
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        f'"{line}",,,',
        "指标,本年累计,累计增长,备注",
        "地方一般公共预算收入,27.4,3.1,",
        "新增城镇就业,1.1,,",
        "新建5G基站,150,,",
    ]
    result = imports("单位行两个.csv", lines)
    assert result.exit_code == 0, result.output
    shown = line.replace("／", "/")  # as NFKC reads it
    assert (
        f"6: new_5g_base_stations: column '本年累计' (by '{line}') is in 亿元、万人 and the plan "
        "counts 个; check the figure"
    ) in result.stderr.replace(shown, line)
    assert result.stderr.count("warning") == 1
    got = records(ledger)
    assert got[("budget_revenue", "2022-06")].amount == Decimal("27.4")
    assert got[("new_urban_jobs", "2022-06")].value == Decimal("1.1")


def test_a_unit_line_naming_two_units_in_another_scale_is_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`单位：万元、人`: 274,000 万元 and 11,000 人 were read as 亿元 and 万人, warned about
    only as out of scale; each row is refused naming its unit, as `单位：万元` is."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "单位：万元、人,,,",
        "指标,本年累计,累计增长,备注",
        '地方一般公共预算收入,"274,000",3.1,',
        '新增城镇就业,"11,000",,',
    ]
    result = imports("单位行万元人.csv", lines)
    assert result.exit_code == 2, result.output
    assert "budget_revenue" not in result.stderr  # its growth taken (session 40)
    assert (
        ":5: new_urban_jobs: column '本年累计' (by '单位：万元、人') is in 人 and the plan counts "
        "万人; plancli does not convert: give the figure in 万人"
    ) in result.stderr
    assert records(ledger) == {}


@pytest.mark.parametrize("header", ["本年累计（不含农户）", "累计（不含农户）", "本年累计（现价）"])
def test_a_bracket_that_names_no_unit_is_no_unit(imports, ledger: Path, header: str) -> None:  # type: ignore[no-untyped-def]
    """`本年累计（不含农户）` qualifies the figure (固定资产投资 without rural households): it
    was read as the unit 不含农户 and every row warned about."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        f"指标,{header},累计增长（%）,备注",
        "固定资产投资(不含农户),320.5,12.5,",
        "新建5G基站,150,,",
    ]
    result = imports("不含农户.csv", lines)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    got = records(ledger)
    assert got[("fixed_asset_investment", "2022-06")].amount == Decimal("320.5")
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


def test_a_bracket_with_a_unit_and_a_qualifier_checks_the_unit(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "官渡区2022年1-6月主要经济指标,,",
        "指标,本年累计（万元，不含农户）,累计增长（%）",
        '固定资产投资(不含农户),"3,205,000",12.5',
    ]
    result = imports("万元不含农户.csv", lines)
    assert result.exit_code == 0, result.output  # a growth target: its growth (session 40)
    assert (
        "fixed_asset_investment: the amount '3205000' is in 万元 (column "
        "'本年累计（万元，不含农户）') and the plan counts 亿元"
    ) in " ".join(result.stderr.split())
    got = records(ledger)[("fixed_asset_investment", "2022-06")]
    assert (got.value, got.amount) == (Decimal("12.5"), None)


@pytest.mark.parametrize(
    ("total", "growth"),
    [("本年累计（亿元）", "增速(%)(累计)"), ("本年累计(不含农户)(亿元)", "累计增长（%）"),
     ("本月止累计（亿元）（现价）", "比上年同期增长(%)(可比价)"), ("本年累计(亿元)(亿元)", "增速")],
)  # fmt: skip
def test_a_unit_and_a_qualifier_in_two_brackets_are_read(  # type: ignore[no-untyped-def]
    imports, ledger: Path, total: str, growth: str
) -> None:
    """`增速(%)(累计)`: two brackets at a header's end were one too many, and the column was
    refused as unknown. A unit in one bracket and a qualifier in the other say one thing."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        f"指标,{total},{growth},备注",
        "地方一般公共预算收入,27.4,3.1,",
        "新建5G基站,150,,",
    ]
    result = imports("两个括号.csv", lines)
    assert result.exit_code == 0, result.output
    # the bracket's unit is the column's: 亿元 passes for 收入, and 个 are checked against it
    assert result.stderr.count("warning") == 1
    assert f":4: new_5g_base_stations: column '{total}' is in 亿元" in result.stderr
    got = records(ledger)
    assert got[("budget_revenue", "2022-06")].value == Decimal("3.1")
    assert got[("budget_revenue", "2022-06")].amount == Decimal("27.4")
    assert got[("new_5g_base_stations", "2022-Q2")].value == 150


def test_two_brackets_checks_the_unit_of_the_one_naming_it(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = ["官渡区2022年1-6月主要经济指标,,", "指标,本年累计（不含农户）（万元）,累计增长（%）",
             '地方一般公共预算收入,"274,000",3.1']  # fmt: skip
    result = imports("万元两个括号.csv", lines)
    assert result.exit_code == 0, result.output  # a growth target: its growth (session 40)
    said = " ".join(result.stderr.split())
    assert (
        ":3: budget_revenue: the amount '274000' is in 万元 (column '本年累计（不含农户）（万元）')"
        in said
    )
    assert records(ledger)[("budget_revenue", "2022-06")].amount is None


@pytest.mark.parametrize("header", ["本月止累计（亿元）（%）", "本年累计(万元)(亿元)"])
def test_two_brackets_naming_two_units_are_refused(imports, ledger: Path, header: str) -> None:  # type: ignore[no-untyped-def]
    """Which unit are the figures in? (A two-row header pasted into one cell, perhaps.)"""
    lines = ["官渡区2022年1-6月主要经济指标,,", f"指标,{header},备注", "地方一般公共预算收入,27.4,"]
    result = imports("两个单位.csv", lines, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f":2: column '{header}' names a unit in two brackets" in result.stderr
    assert "plancli cannot tell which its figures are in" in result.stderr
    assert records(ledger) == {}


def test_a_column_of_one_months_figures_is_read_past(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`增速(%)(当月)` is the month's growth, not the year's: read past like a `本月` column,
    not recorded as the year-to-date growth."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "指标,本年累计（亿元）,增速(%)(当月),增速(%)(累计)",
        "地方一般公共预算收入,27.4,9.9,3.1",
    ]
    result = imports("当月.csv", lines)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("budget_revenue", "2022-06")].value == Decimal("3.1")


@pytest.mark.parametrize("cell", ["亿元/%", "亿元、%", "%，亿元", "亿元"])
def test_a_rows_unit_cell_may_list_a_percentage_beside_its_unit(  # type: ignore[no-untyped-def]
    imports, ledger: Path, cell: str
) -> None:
    """`亿元/%`: the growth's % and the amount's 亿元, as a 单位 line lists them; the whole
    cell was compared with the plan's 亿元 and every row warned about."""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "指标,单位,本月止累计,比上年同期增长(%)",
        f"地方一般公共预算收入,{cell},27.4,3.1",
        "新建5G基站,个/%,150,",
        "城镇登记失业率,%、万人,3.5,",
    ]
    result = imports("单位列.csv", lines)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert records(ledger)[("budget_revenue", "2022-06")].amount == Decimal("27.4")


def test_a_rows_unit_cell_of_another_scale_and_a_percentage(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = ["官渡区2022年1-6月主要经济指标,,,", "指标,单位,本月止累计,比上年同期增长(%)",
             '地方一般公共预算收入,万元/%,"274,000",3.1']  # fmt: skip
    result = imports("万元单位列.csv", lines)
    assert result.exit_code == 0, result.output  # a growth target: its growth (session 40)
    assert (
        ":3: budget_revenue: the amount '274000' is in 万元 and the plan counts 亿元; plancli "
        "does not convert, so the amount was not used: the growth '3.1' is imported alone"
    ) in " ".join(result.stderr.split())
    got = records(ledger)[("budget_revenue", "2022-06")]
    assert (got.value, got.amount) == (Decimal("3.1"), None)


@pytest.mark.parametrize("cell", ["亿元、万元", "亿元/万人", "个；亿元"])
def test_a_rows_unit_cell_naming_two_units_is_refused(imports, ledger: Path, cell: str) -> None:  # type: ignore[no-untyped-def]
    """A row has one figure that is not a %: with two units for it, which one is it in?"""
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "指标,单位,本月止累计,比上年同期增长(%)",
        f"地方一般公共预算收入,{cell},27.4,3.1",
    ]
    result = imports("两个单位列.csv", lines)
    assert result.exit_code == 2, result.output
    assert (
        f":3: budget_revenue: the row's unit '{cell}' names more than one unit; its figure is in "
        "one of them and plancli cannot tell which: give the unit it is in"
    ) in result.stderr
    assert records(ledger) == {}


@pytest.mark.parametrize(
    ("text", "unit"),
    [("万元", True), ("%", True), ("万人", True), ("个", True), ("万平方米", True),
     ("元/人", True), ("吨标准煤/万元", True), ("不含农户", False), ("现价", False),
     ("可比价", False), ("亿元/万人", False)],
)  # fmt: skip
def test_is_unit(text: str, unit: bool) -> None:
    from plancli.bulletin_units import is_unit, listed_units

    assert is_unit(text) is unit
    assert listed_units("亿元；万人") == listed_units("亿元, 万人") == ["亿元", "万人"]
    assert listed_units("元/人") == ["元/人"]
    assert listed_units("亿元/%") == ["亿元", "%"]


def test_a_slash_lists_units_and_a_rate_per_ten_thousand_is_still_one() -> None:
    """`单位：亿元/万人` lists two units; `件/万人` (patents per 10,000 people) may be a plan's
    unit, which the line matches as a whole."""
    from plancli.bulletin import TOTAL
    from plancli.bulletin_units import column_check, column_units
    from plancli.plan import load_plan_file

    plan = load_plan_file(BUNDLED)
    jobs, revenue, stations = (
        plan.target(i) for i in ("new_urban_jobs", "budget_revenue", "new_5g_base_stations")
    )
    assert jobs is not None and revenue is not None and stations is not None

    def check(line: str, target):  # type: ignore[no-untyped-def]
        units = column_units({"target": 0, TOTAL: 1}, {TOTAL: "本年累计"}, [line])
        return column_check(target, TOTAL, units[TOTAL])

    assert check("单位：亿元/万人", jobs) is None and check("单位：亿元/万人", revenue) is None
    assert check("单位：亿元/万人", stations) == (
        False,
        "new_5g_base_stations: column '本年累计' (by '单位：亿元/万人') is in 亿元、万人 and the "
        "plan counts 个; check the figure",
    )
    patents = jobs.model_copy(update={"unit": "件/万人"})
    assert check("单位：件/万人", patents) is None


def test_the_plans_unit_in_the_header_imports_without_a_word(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "官渡区2022年1-6月主要经济指标,,,",
        "指标,本年累计（亿元）,累计增长（%）,备注",
        "地方一般公共预算收入,27.4,3.1,",
    ]
    result = imports("亿元.csv", lines)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert records(ledger)[("budget_revenue", "2022-06")].amount == Decimal("27.4")


def test_a_rows_own_unit_cell_wins_over_the_unit_line(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "官渡区2022年1-6月主要经济指标",
        "单位：亿元，%",
        "指标名称,计量单位,本月止累计,比上年同期增长(%)",
        "地区生产总值,亿元,700,5.0",
        "新建5G基站,个,150,",
    ]
    result = imports("主要指标.csv", lines)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_a_header_unit_in_a_plain_file_is_checked(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports("june.csv", ["target,period,value（万元）", "investment_roads,2022-06,62000"])
    assert result.exit_code == 2, result.output
    assert ":2: investment_roads: column 'value（万元）' is in 万元" in result.stderr


# ------------------------------------------------ figures out of scale (audit rep D3, win D1)

ROADS_SLIP = (
    "investment_roads 2022-06: 68500 亿元 is 4,302 times the annual target (15.92 亿元); given "
    "in 万元? (68500 万元 is 6.85 亿元; plancli does not convert, so it is read as 68500 亿元)"
)


@pytest.mark.parametrize("args", [(), ("--dry-run",), ("--json",)])
def test_a_total_thousands_of_times_its_target_is_warned(
    invoke, imports, ledger: Path, args
) -> None:  # type: ignore[no-untyped-def]
    """A revision from 6.85 to 68500 亿元 (a 万元 figure) was imported without a word and the
    report said 完成 430276%; warned (and imported as given), written as a stream or not."""
    invoke("--ledger", str(ledger), "record", "investment_roads", "6.85", "--period", "2022-06")
    result = imports(
        "wan2.csv", ["target,period,value,note", "investment_roads,2022-06,68500,万元"], *args
    )
    assert result.exit_code == 0, result.output
    assert f"warning: {ledger.parent / 'wan2.csv'}:2: {ROADS_SLIP}\n" in result.stderr


def test_a_recorded_amount_thousands_of_times_the_baseline_is_warned(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--ledger",
        str(ledger),
        "--lang",
        "zh",
        "record",
        "gdp",
        "5.2",
        "--period",
        "2022-06",
        "--amount",
        "7000000",
    )
    assert result.exit_code == 0, result.output
    assert (
        "警告：gdp 2022-06：总量 7000000 亿元是2021年 1441.37 亿元的 4,856 倍；是否以万元填写？"
        "（7000000 万元即 700 亿元；plancli 不换算，按 7000000 亿元 录入）\n"
    ) in result.stderr
    assert records(ledger)[("gdp", "2022-06")].amount == 7000000


def test_people_for_ten_thousands_is_warned_on_record(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--ledger", str(ledger), "record", "new_urban_jobs", "11000", "--period", "2022-06"
    )
    assert "given in 人? (11000 人 is 1.1 万人" in result.stderr


def test_figures_of_the_plans_scale_are_not_warned(invoke, imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """Far above the target is not out of scale (万元 for 亿元?): 100 times the annual target
    is not said to be in another unit, and a first figure of a target the plan gives no figure
    for passes. (Since audit Y of session 26, D2, a total five times its annual target is
    warned about as a likely slipped decimal point: said here, but as no unit slip.)"""
    lines = [
        "target,period,value,amount",
        "investment_roads,2022-06,1592,",
        "gdp,2022-06,5.2,720",
        "new_5g_base_stations,2022-06,150,",
    ]
    result = imports("june.csv", lines)
    assert result.exit_code == 0, result.output
    assert "given in" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "investment_roads 2022-06 = 1592 亿元 is 100 times the annual target" in warnings[0]


# ----------------------------------------------- a growth kept as a fraction (audit win D3)


def test_a_growth_kept_as_a_fraction_is_warned(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """A 累计增长 column computed in the sheet holds 0.052 for 5.2 %: a growth target's figure is
    a % whatever its unit (亿元), as a relative target's is (its baseline's growth, 9.2)."""
    lines = [
        "指标,期间,累计增长,累计值,来源,备注,",
        "地区生产总值,2022年6月,0.052,700,区统计局,,",
        "城镇常住居民人均可支配收入,2022年6月,0.055,26000,区统计局,,",
        "城镇登记失业率,2022年6月,,0.042,区人社局,,",  # a level: its 累计值, not its 累计增长
        "社会消费品零售总额,2022年6月,5.2,330.8,区统计局,,",
    ]
    result = imports("小数.csv", lines, "--dry-run")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "a fraction" in line]
    assert [line.split("小数.csv:", 1)[1].split(":", 1) for line in warned] == [
        [
            "2",
            " gdp 2022-Q2 = 0.052: a fraction where the figure is in %; did you mean 5.2 %? "
            "(read as 0.052 %)",
        ],
        [
            "3",
            " urban_income 2022-Q2 = 0.055: a fraction where the figure is in %; did you mean "
            "5.5 %? (read as 0.055 %)",
        ],
        [
            "4",
            " unemployment_rate 2022-Q2 = 0.042: a fraction where the figure is in %; did you "
            "mean 4.2 %? (read as 0.042 %)",
        ],
    ]


def test_a_growth_near_its_bound_is_not_warned(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """Ten times: 0.8 against ≥ 7 is nearer 7 than 80 is (on a log scale); 1.2 likewise. And a
    growth as bulletins publish it, one decimal, is never a fraction: 2022's national GDP grew
    0.4 % in 二季度, which against ≥ 7 was asked "did you mean 40 %?"."""
    result = imports(
        "june.csv",
        [
            "target,period,value",
            "gdp,2022-06,0.4",
            "retail_sales,2022-06,1.2",
            "budget_revenue,2022-06,-0.3",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


# ------------------------------------- the title's period against the file name's (win D2)

JUNE_TABLE = [
    "官渡区2022年1-6月主要经济指标,,",
    "指标,本月止累计,比上年同期增长(%)",
    "地区生产总值,820,5.6",
    "新建5G基站,180,",
]


def test_a_title_and_a_file_name_naming_two_periods_are_refused(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """Last month's table copied and renamed 2022年7月月报.csv, its title still 1-6月: July's
    figures were imported as June's, revising them."""
    result = imports("2022年7月月报.csv", JUNE_TABLE)
    assert result.exit_code == 2, result.output
    assert result.stderr.endswith(
        "2022年7月月报.csv:2: the title says 2022年1-6月 and the file name 2022年7月; which "
        "period are the figures for? Add a period column, or correct the title or rename the "
        "file\n"
        # the file is GB18030: its refusal says so last (session 35)
        f"{result.stderr.splitlines()[-1].split('2022年7月月报.csv')[0]}2022年7月月报.csv: read as "
        "GB18030 text (Excel's CSV on a Chinese Windows)\n"
    )
    assert records(ledger) == {}


@pytest.mark.parametrize("name", ["2022年6月月报.csv", "2022年二季度.csv", "6月.csv", "月报.csv"])
def test_a_title_and_a_file_name_naming_one_period_import(imports, ledger: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    result = imports(name, JUNE_TABLE)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-Q2")].value == 180


def test_a_period_column_says_which(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    lines = ["官渡区2022年1-6月主要经济指标,,", "指标,期间,本月止累计", "新建5G基站,2022年7月,190"]
    result = imports("2022年7月月报.csv", lines)
    assert result.exit_code == 0, result.output
    assert records(ledger)[("new_5g_base_stations", "2022-07")].value == 190


# ------------------------------------------------------------ a 合计 row (audit win D8)


def test_a_total_row_is_read_past_and_counted(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """Nearly every 统计表 has a 合计 row; it was refused as an unknown target '合计', and one
    with no figure as `no period, value`."""
    lines = [
        "指标,期间,单位,数值,累计值,来源,备注,",
        "城市道路建设项目,2022/6/1,亿元,,6.5,区发改局,,",
        "合计,2022/6/1,亿元,,8.5,,,",
        "合 计,,,,,,,",
        "（一）小计,2022-06,,,,,,",
    ]
    result = imports("合计行.csv", lines)
    assert result.exit_code == 0, result.output
    assert (
        "合计行.csv: 3 total rows (合计, 总计, 小计: the table's, not a target) skipped\n"
        in result.stderr
    )
    assert "1 new, 0 revised, 0 unchanged of 1 row" in result.stderr
    assert list(records(ledger)) == [("investment_roads", "2022-06")]


def test_total_rows_of_a_plain_file_and_json(imports, invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(
        "june.csv", ["target,period,value", "总计,2022-06,8.5", "investment_roads,2022-06,6.5"]
    )
    assert result.exit_code == 0, result.output
    assert "1 total row (合计" in result.stderr
    path = tmp_path / "june.json"
    path.write_text(
        '[{"target": "合计", "period": "2022-06", "value": null},'
        ' {"target": "investment_roads", "period": "2022-06", "value": 6.6}]',
        encoding="utf-8",
    )
    result = invoke("--ledger", str(ledger), "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["no_data_rows"] == 1


def test_a_total_row_of_a_sheet_is_read_past(imports, invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["指标", "期间", "累计值"])
    sheet.append(["城市道路建设项目", "2022-06", 6.5])
    sheet.append(["合计", "2022-06", None])
    sheet.append(["合计", "2022-06", 6.5])
    book.save(tmp_path / "june.xlsx")
    result = invoke("--ledger", str(ledger), "import", str(tmp_path / "june.xlsx"))
    assert result.exit_code == 0, result.output
    assert "2 total rows (合计" in result.stderr


def test_a_target_the_plan_names_合计_is_imported(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan2022.toml"
    text = BUNDLED.read_text(encoding="utf-8")
    plan.write_text(
        text.replace(
            'id = "investment_roads"\n', 'id = "investment_roads"\naliases = ["合计"]\n', 1
        ),
        encoding="utf-8",
    )
    path = tmp_path / "june.csv"
    path.write_text("指标,期间,累计值\n合计,2022-06,8.5\n合计,2022-05,\n", encoding="utf-8")
    args = ("--plan", str(plan), "--ledger", str(ledger), "import", str(path))
    result = invoke(*args)  # the blank row is the target's, left blank (audit K D4): named
    assert result.exit_code == 0, result.output
    assert "1 row of a target with no figure skipped (not published yet?): investment_roads" in (
        result.stderr
    )
    assert "total row" not in result.stderr
    path.write_text("指标,期间,累计值\n合计,2022-06,8.5\n", encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "total row" not in result.stderr


def test_a_total_row_named_by_two_targets_is_refused(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan2022.toml"
    text = BUNDLED.read_text(encoding="utf-8")
    for target in ("investment_roads", "new_5g_base_stations"):
        text = text.replace(f'id = "{target}"\n', f'id = "{target}"\naliases = ["合计"]\n', 1)
    plan.write_text(text, encoding="utf-8")
    path = tmp_path / "june.csv"
    path.write_text("指标,期间,累计值\n合计,2022-06,\n合计,2022-06,8\n", encoding="utf-8")
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 2, result.output
    assert ":2:" not in result.stderr  # no figure: a blank row, skipped (audit K D4)
    assert ":3: target name '合计' fits 2 targets" in result.stderr
