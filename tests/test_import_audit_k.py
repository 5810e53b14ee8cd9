"""Audit K: a 甘肃省统计局 统计月报 workbook imported as the bureau exports it into the bundled
gansu-2026 plan. A rate given under 当月 with `—` in the 累计 cells (D1); a CPI row whose
计量单位 says 上年同期=100 (D2); a footnote (注：…) and a section heading (（一）工业生产)
below the header (D3); quarter-only rows left blank in a month that is no quarter's end (D4);
names with a qualifier bracket (（上年同期=100）, （同口径）, （可比价）) and 居民消费价格总指数
(D5, D8). The figures are the audit's (甘肃 2026年1月, 5月 and 1-10月)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger

GANSU = ("--plan", "gansu-2026")
FOOTNOTE = (
    "注：1.地区生产总值、居民人均可支配收入为季度数据，非季末月份不发布。"
    "2.一般公共预算收入增速按同口径计算。3.居民消费价格指数以上年同期为100。"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "gansu.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return invoke(*GANSU, "--ledger", str(ledger), "--lang", lang, "import", str(path), *args)


def _figures(ledger: Path) -> dict[str, tuple[str, str]]:
    return {r.target: (r.period, str(r.value)) for r in read_toml_ledger(ledger).records}


def _bulletin(
    path: Path,
    title: str,
    rows: list[tuple[object, ...]],
    *,
    over: str = "累计",
    footnote: bool = True,
) -> Path:
    """A sheet as the bureau exports it: a title merged over the table, 指标 and 计量单位 merged
    down over a two-row header (`over` merged over 本月止累计 | 比上年同期增长(%)), the rows,
    and a 注 merged across the bottom."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "1月"
    sheet.append([title])
    sheet.append(["指标", "计量单位", over, None])
    sheet.append([None, None, "本月止累计", "比上年同期增长(%)"])
    for merge in ("A1:D1", "A2:A3", "B2:B3", "C2:D2"):
        sheet.merge_cells(merge)
    for row in rows:
        sheet.append(list(row))
    if footnote:
        sheet.append([FOOTNOTE])
        sheet.merge_cells(f"A{sheet.max_row}:D{sheet.max_row}")
    book.save(path)
    return path


JANUARY = [  # 2026年1月: the quarter's rows (4, 5, 10, 11) blank, as the 注 says
    ("一、地区生产总值", "亿元", None, None),
    ("其中：第一产业增加值", "亿元", None, None),
    ("二、规模以上工业增加值", "%", "—", 8.6),
    ("三、固定资产投资（不含农户）", "%", "—", 5.0),
    ("四、社会消费品零售总额", "亿元", 420.5, 4.6),
    ("五、一般公共预算收入", "亿元", 105.3, 6.1),
    ("六、城镇居民人均可支配收入", "元", None, None),
    ("    农村居民人均可支配收入", "元", None, None),
    ("七、居民消费价格", "%", 0.6, "—"),
    ("八、城镇调查失业率", "%", 5.4, "—"),
]


# ------------------------------- D3, D4: a footnote, a heading, a quarter's rows left blank


def test_a_bureau_january_with_blank_quarter_rows_and_a_footnote_imports(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Seven months of ten leave 地区生产总值 and the incomes blank (非季末月份不发布), and every
    月报 ends with a 注 row: the file imports as exported, the blank rows named, the 注 counted."""
    pytest.importorskip("openpyxl")
    path = _bulletin(tmp_path / "2026年1月.xlsx", "甘肃省2026年1月主要经济指标", JANUARY)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert (
        f"{path}:1月: 4 rows of a target with no figure skipped (not published yet?): gdp, "
        "primary_value_added, urban_income, rural_income" in result.stderr
    )
    assert f"{path}:1月: 1 footnote row (注：…) read past" in result.stderr
    assert _figures(ledger) == {
        "industrial_value_added": ("2026-01", "8.6"),
        "fixed_asset_investment": ("2026-01", "5"),
        "retail_sales": ("2026-01", "4.6"),
        "budget_revenue": ("2026-01", "6.1"),
        "cpi": ("2026-01", "0.6"),
        "surveyed_unemployment_rate": ("2026-01", "5.4"),
    }
    zh = _import(invoke, ledger, path, "--dry-run", lang="zh")
    assert zh.exit_code == 0, zh.output
    assert (
        f"{path}:1月：跳过4个没有数值的目标行（尚未公布？）：gdp、primary_value_added、"
        "urban_income、rural_income"
    ) in zh.stderr
    assert f"{path}:1月：跳过1个注释行（注：…）" in zh.stderr


def test_json_counts_the_rows_read_past(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    path = _bulletin(tmp_path / "2026年1月.xlsx", "甘肃省2026年1月主要经济指标", JANUARY)
    result = _import(invoke, ledger, path, "--json", "--dry-run")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["no_data_rows"] == 5  # 4 blank target rows and the 注


def test_a_section_heading_is_read_past_and_counted(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    rows = [
        ("一、地区生产总值", "亿元", "—", "—"),
        ("（一）工业生产", None, None, None),
        ("二、规模以上工业增加值", "%", "—", 7.0),
        ("三、固定资产投资（不含农户）", "%", "—", 1.5),
        ("（二）消费和财政", None, None, None),
        ("四、社会消费品零售总额", "亿元", 4110.8, 3.2),
        ("五、一般公共预算收入", "亿元", 905, 4.2),
    ]
    path = _bulletin(tmp_path / "10月.xlsx", "甘肃省2026年1-10月主要经济指标", rows, over="1-10月")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert "2 section heading rows (no figures, no target) read past" in result.stderr
    assert "1 row marked — (no data) skipped" in result.stderr
    assert _figures(ledger)["budget_revenue"] == ("2026-10", "4.2")
    zh = _import(invoke, ledger, path, "--dry-run", lang="zh")
    assert "跳过2个分组标题行（无数值，不是目标）" in zh.stderr


def test_a_row_with_one_figure_of_two_contradicting_is_still_refused(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Only a row with no figure at all is skipped: 社零's amount with its growth `—` is not."""
    pytest.importorskip("openpyxl")
    rows = [
        ("四、社会消费品零售总额", "亿元", 420.5, "—"),
        ("一、地区生产总值", "亿元", None, None),
    ]
    path = _bulletin(tmp_path / "2026年1月.xlsx", "甘肃省2026年1月主要经济指标", rows)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2, result.output
    assert "retail_sales" in result.stderr and ":1月:4:" in result.stderr
    assert ":1月:5:" not in result.stderr
    assert not ledger.exists()


def test_a_plain_file_row_without_a_value_is_still_refused(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Outside a bulletin's columns a target with no value stays an error (formats.md)."""
    path = tmp_path / "june.csv"
    path.write_text("target,period,value\ngdp,2026-06,\n", encoding="utf-8")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert "no value for gdp" in result.stderr


# ----------------------------------------- D1: a rate under 当月 with — in the 累计 cells


def _month_and_total(path: Path, rows: list[tuple[object, ...]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    sheet.append(["甘肃省2026年10月主要经济指标"])
    sheet.append(["指标", "计量单位", "当月", None, "累计", None])
    sheet.append([None, None, "绝对值", "增长(%)", "绝对值", "增长(%)"])
    for merge in ("A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:F2"):
        sheet.merge_cells(merge)
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_a_rate_under_month_with_dashes_in_the_total_cells_is_recorded(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    path = _month_and_total(
        tmp_path / "h3.xlsx",
        [
            ("规模以上工业增加值", "%", "—", 6.5, "—", 7),
            ("城镇调查失业率", "%", 5.9, "—", "—", "—"),
        ],
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert "no data" not in result.stderr
    assert _figures(ledger)["surveyed_unemployment_rate"] == ("2026-10", "5.9")


def test_a_flow_under_month_with_dashes_in_the_total_cells_stays_no_data(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A growth target's month figure is not its year-to-date one: `—` there is still 无数据."""
    pytest.importorskip("openpyxl")
    path = _month_and_total(
        tmp_path / "h3.xlsx",
        [
            ("一般公共预算收入", "亿元", 78.9, 3.1, "—", "—"),
            ("城镇调查失业率", "%", 5.9, "—", "—", "—"),
        ],
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert "1 row marked — (no data) skipped" in result.stderr
    assert _figures(ledger) == {"surveyed_unemployment_rate": ("2026-10", "5.9")}


# ------------------------------------------ D2, D5: an index said by the unit or a bracket


def test_a_cpi_row_whose_unit_says_the_index_base_is_refused(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    rows = [
        ("五、一般公共预算收入", "亿元", 905, 4.2),
        ("七、居民消费价格", "上年同期=100", 102.9, "—"),
    ]
    path = _bulletin(
        tmp_path / "10月.xlsx",
        "甘肃省2026年1-10月主要经济指标",
        rows,
        over="1-10月",
        footnote=False,
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2, result.output
    assert (
        f"{path}:1月:5: cpi: '七、居民消费价格' is given as an index (上年同期=100), and the "
        "target's figure is a rise in %: 102.9 is a rise of 2.9 %; plancli does not convert: "
        "give 2.9"
    ) in result.stderr
    assert not ledger.exists()
    zh = _import(invoke, ledger, path, lang="zh")
    assert "cpi：'七、居民消费价格' 以指数（上年同期=100）计" in zh.stderr
    assert "请填写 2.9" in zh.stderr


@pytest.mark.parametrize(("total", "growth"), [(2.1, "—"), ("—", 2.1), ("—", -0.3)])
def test_a_rise_beside_a_unit_saying_the_index_base_is_no_unit_slip(
    invoke, ledger: Path, tmp_path: Path, total: object, growth: object
) -> None:  # type: ignore[no-untyped-def]
    """Session 25: the CPI row's 计量单位 says 上年同期=100 (the bureau's index) but the figure
    given is the rise, 2.1: it was imported with `the file's unit is 上年同期=100 and the
    plan's %; check the figure`, a warning about nothing. Only a figure near 100 is the index
    (refused above); one that is neither (60) keeps the warning."""
    pytest.importorskip("openpyxl")
    rows = [
        ("五、一般公共预算收入", "亿元", 905, 4.2),
        ("七、居民消费价格", "上年同期=100", total, growth),
    ]
    path = _bulletin(
        tmp_path / "10月.xlsx",
        "甘肃省2026年1-10月主要经济指标",
        rows,
        over="1-10月",
        footnote=False,
    )
    for lang in ("en", "zh"):
        result = _import(invoke, ledger, path, "--dry-run", lang=lang)
        assert result.exit_code == 0, result.output
        assert "上年同期=100" not in result.stderr, result.stderr
    _import(invoke, ledger, path)
    assert _figures(ledger)["cpi"] == ("2026-10", str(total if growth == "—" else growth))
    ids = tmp_path / "ids.csv"  # a file of ids with a unit column: the same
    ids.write_text("target,period,value,unit\ncpi,2026-09,1.9,上年同期=100\n", "utf-8")
    result = _import(invoke, ledger, ids)
    assert result.exit_code == 0 and "上年同期=100" not in result.stderr, result.output
    ids.write_text("target,period,value,unit\ncpi,2026-08,60,上年同期=100\n", "utf-8")
    result = _import(invoke, ledger, ids, "--dry-run")
    assert "cpi: the file's unit is 上年同期=100 and the plan's %; check the figure" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "name", ["七、居民消费价格指数（上年同期=100）", "七、居民消费价格（上年同期=100）"]
)
def test_a_cpi_name_with_the_index_base_is_matched_and_refused(
    invoke, ledger: Path, tmp_path: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    """Every 统计月报 labels the CPI row so: matched to cpi (not dropped under --skip-unknown)
    and refused as the index it is."""
    pytest.importorskip("openpyxl")
    rows = [("五、一般公共预算收入", "亿元", 105.3, 6.1), (name, "%", 100.6, "—")]
    path = _bulletin(
        tmp_path / "2026年1月.xlsx", "甘肃省2026年1月主要经济指标", rows, footnote=False
    )
    result = _import(invoke, ledger, path, "--skip-unknown")
    assert result.exit_code == 2, result.output
    assert f"{path}:1月:5: cpi: '{name}' is an index" in result.stderr
    assert "give 0.6" in result.stderr
    assert "skipped" not in result.stderr or "no target" not in result.stderr


@pytest.mark.parametrize(
    ("name", "target", "figure"),
    [
        ("五、一般公共预算收入（同口径）", "budget_revenue", "4.2"),
        ("二、规模以上工业增加值（可比价）", "industrial_value_added", "7"),
        ("一、地区生产总值（可比价）", "gdp", "4.8"),
        ("七、居民消费价格总指数", "cpi", None),  # matched, then refused as an index
    ],
)
def test_a_name_with_a_qualifier_bracket_is_matched(
    invoke, ledger: Path, tmp_path: Path, name: str, target: str, figure: str | None
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    values = {
        "budget_revenue": (905, 4.2),
        "industrial_value_added": ("—", 7.0),
        "gdp": (9870.1, 4.8),
        "cpi": (102.9, "—"),
    }[target]
    path = _bulletin(
        tmp_path / "9月.xlsx",
        "甘肃省2026年1-9月主要经济指标",
        [(name, "亿元" if target != "cpi" else "%", *values)],
        over="1-9月",
        footnote=False,
    )
    result = _import(invoke, ledger, path, "--skip-unknown")
    if figure is None:
        assert result.exit_code == 2, result.output
        assert f"cpi: '{name}' is an index" in result.stderr
        return
    assert result.exit_code == 0, result.output
    assert "no target" not in result.stderr
    in_rhythm = "2026-Q3" if target == "gdp" else "2026-09"  # 1-9月: quarterly gdp's Q3
    assert _figures(ledger)[target] == (in_rhythm, figure)
