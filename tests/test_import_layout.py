"""Bulletins laid out as bureaus lay them out (the bulletin audit B, §3, §6-9, §11, §12):
formulas read as their cells show them, two-row headers, a period and 单位 line under the
title, a unit in a target's name, a cover sheet, and the messages of a refusal."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger
from plancli.xlsx_formats import parse_number_format


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--ledger", str(ledger), "import", str(path), *args)


def _values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}


def _saved(book, path: Path, values: dict[str, str]) -> Path:  # type: ignore[no-untyped-def]
    """Save an openpyxl workbook with the values Excel would save with its formulas
    (openpyxl saves none): `values` maps a cell of the first sheet (D2) to its value."""
    plain = path.with_suffix(".tmp.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in values.items():
                    data = re.sub(
                        rb'(<c r="' + ref.encode() + rb'"[^>]*>)<f>(.*?)</f>(<v\s*/>|<v></v>)?',
                        rb"\1<f>\2</f><v>" + value.encode() + rb"</v>",
                        data,
                    )
            target.writestr(item, data)
    return path


# ------------------------------------------------------------ §3: formulas as Excel shows them


@pytest.mark.parametrize(
    ("code", "decimals"),
    [
        ("0.0", 1),
        ("#,##0.00", 2),
        ("0.0%", 1),
        ('0.0"%"', 1),
        ("0_ ", 0),
        ("#,##0.0_);(#,##0.0)", 1),
        ("General", None),
        ("0.00E+00", None),  # its significant digits: 3 (test_import_xlsx_shown.py)
        ("0.0,", 1),  # one decimal of the thousands
        ("yyyy-mm", None),
        ("@", None),
    ],
)
def test_the_decimals_a_number_format_shows(code: str, decimals: int | None) -> None:
    assert parse_number_format(code).sections[0].decimals == decimals


def _growth_sheet(formula: str, number_format: str):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "进度"
    sheet.append(["指标", "期间", "累计值", "累计增长"])
    sheet.append(["社会消费品零售总额", "2022年6月", 330.8, formula])
    sheet["D2"].number_format = number_format
    return book


@pytest.mark.parametrize(
    ("formula", "number_format", "saved"),
    [
        ("=C2/310.6*100-100", "0.0", "6.5041854475209"),  # the audit's sheet
        ("=C2/310.6-1", "0.0%", "6.5041854475209E-2"),  # a growth as a percentage
        ('=TEXT(1,"0")*6.5041854475209', '0.0"%"', "6.5041854475209"),  # a literal %
    ],
)
def test_a_formulas_value_is_read_as_its_format_shows_it(
    invoke, ledger: Path, tmp_path: Path, formula: str, number_format: str, saved: str
) -> None:  # type: ignore[no-untyped-def]
    """Excel saves a formula's value in full (6.5041854475209) and shows it by the cell's
    format (`0.0`: 6.5). It was refused: '6.5041854475209' has more than 10 decimals."""
    path = _saved(_growth_sheet(formula, number_format), tmp_path / "f.xlsx", {"D2": saved})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger)[("retail_sales", "2022-06")] == (Decimal("6.5"), Decimal("330.8"))


def test_a_typed_number_is_read_as_its_format_shows_it_like_a_formula(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """One rule for a value and a formula: the figure the sheet shows (audit S D8). A table
    pasted as values keeps its formulas' full digits, and a reviewer checks the 6.6 the cell
    shows, not the 6.55 of the formula bar (it was read as 6.55, a formula as shown)."""
    book = _growth_sheet("", "0.0")
    sheet = book.active
    sheet["D2"] = 6.55
    sheet["D2"].number_format = "0.0"
    book.save(tmp_path / "typed.xlsx")
    result = _import(invoke, ledger, tmp_path / "typed.xlsx")
    assert result.exit_code == 0, result.output
    assert _values(ledger)[("retail_sales", "2022-06")][0] == Decimal("6.6")


def test_a_formula_shown_in_full_with_too_many_decimals_is_refused_naming_it(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Under General, which of 13 decimals the table means is not known: the refusal names
    the cell and the formula, and says how to round it (it said only '6.5041854475209 has
    more than 10 decimal places')."""
    book = _growth_sheet("=C2/310.6*100-100", "General")
    path = _saved(book, tmp_path / "g.xlsx", {"D2": "6.5041854475209"})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:进度:2: target retail_sales: cell D2 holds the formula =C2/310.6*100-100, "
        "whose value "
        "6.5041854475209 has more than 10 decimals and a format that shows every one "
        "(General); give the cell a number format with the decimals the table shows (0.0), "
        "or round it: =ROUND(C2/310.6*100-100,1)"
    )
    assert not ledger.exists()


# ------------------------------------------------------------ §12: a mistyped --plan


@pytest.mark.parametrize(
    ("ref", "hint"),
    [
        ("jiangsu-2026.toml", "did you mean jiangsu-2026? `plancli plans` lists all 17"),
        ("sichuan-2022", "did you mean sichuan-2026, guandu-2022, shaanxi-2026? `plancli plans`"),
        ("budget.toml", "17 are bundled: `plancli plans` lists them"),
    ],
)
def test_a_mistyped_plan_names_the_closest_bundled_ids(invoke, ref: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    """It named guandu-2022 and guandu-2021 as if they were all, for 17 bundled plans: a
    provincial user concluded theirs was not bundled."""
    result = invoke("--plan", ref, "targets")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: --plan {ref}: no such file and no bundled plan of that id ({hint}"
    ), result.stderr


def test_a_long_name_is_echoed_cut_short(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A 20,000-character name was echoed whole: 60 KB of stderr for one row."""
    path = tmp_path / "long.csv"
    path.write_text("指标,期间,数值\n" + "新" * 20_000 + ",2022年6月,1\n", encoding="utf-8")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    # a few lines (the refusal, the row, the --skip-unknown hint), never the name whole
    assert len(result.stderr) < 1000, len(result.stderr)
    assert f"'{'新' * 60}'…(20,000 characters)" in result.stderr
    assert "新" * 61 not in result.stderr


# ------------------------------------------------------------ §6: a two-row header


def _two_row_sheet(tmp_path: Path, child: str = "增长（%）") -> Path:  # type: ignore[no-untyped-def]
    """The audit's 统计月报 layout: merged 当月 and 累计 over 绝对值 | 增长（%）."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    sheet["A1"] = "官渡区2022年1-7月主要经济指标"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "单位：亿元，%"
    sheet.append(["指标", "单位", "当月", None, "累计", None])
    for cells in ("C3:D3", "E3:F3", "A3:A4", "B3:B4"):
        sheet.merge_cells(cells)
    sheet.append([None, None, "绝对值", child, "绝对值", child])
    sheet.append(["地方一般公共预算收入", "亿元", 4.1, 1.2, 31.5, 2.8])
    sheet.append(["社会消费品零售总额", "亿元", 60.2, 5.0, 391.0, 6.3])
    path = tmp_path / "d_7月.xlsx"
    book.save(path)
    return path


def test_a_two_row_header_is_read_as_its_merged_cells_show_it(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """累计 over 绝对值 is the 本年累计, 累计 over 增长（%） the 累计增长, 当月 read past. Row 4
    was read as data: 'columns D, F have values but no header' on every row."""
    result = _import(invoke, ledger, _two_row_sheet(tmp_path))
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {
        ("budget_revenue", "2022-07"): (Decimal("2.8"), Decimal("31.5")),
        ("retail_sales", "2022-07"): (Decimal("6.3"), Decimal("391")),
    }


def test_a_two_row_header_in_a_csv_is_read_the_same(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "7月.csv"
    path.write_text(
        "官渡区2022年1-7月主要经济指标,,,,,\n单位：亿元，%,,,,,\n指标,单位,当月,,累计,\n"
        ",,绝对值,增长（%）,绝对值,增长（%）\n社会消费品零售总额,亿元,60.2,5.0,391.0,6.3\n",
        encoding="utf-8",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {("retail_sales", "2022-07"): (Decimal("6.3"), Decimal("391.0"))}


def test_a_second_header_row_plancli_cannot_combine_is_refused_once(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """累计 over 上年同期 makes no column plancli knows: refused once, naming row 4 as a
    second header row and what to do, not as data on every row."""
    path = _two_row_sheet(tmp_path, child="上年同期")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {path}:主要指标:4: row 4 is a second header row ('绝对值', '上年同期', '绝对值', "
        "'上年同期') under the header of row 3, and plancli reads a header of one row and "
        "knows no column '累计/上年同期'; give each column one header in row 3 (本年累计, "
        "累计增长（%）, docs/formats.md) and delete row 4"
    ]


def test_a_name_merged_down_over_two_rows_is_the_name_of_both(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Excel shows 新建5G基站 on both rows of A2:A3; the file holds it in A2 only, and row 3 was
    refused: 'no target'."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "期间", "累计值"])
    sheet.append(["新建5G基站", "2022年5月", 120])
    sheet.append([None, "2022年6月", 150])
    sheet.append([None, "2022年6月", 7])  # not merged: still no target
    sheet.merge_cells("A2:A3")
    book.save(tmp_path / "merged.xlsx")
    result = _import(invoke, ledger, tmp_path / "merged.xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [f"{tmp_path / 'merged.xlsx'}:Sheet:4: no target"]
    sheet.delete_rows(4)
    book.save(tmp_path / "merged.xlsx")
    result = _import(invoke, ledger, tmp_path / "merged.xlsx")
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {
        ("new_5g_base_stations", "2022-05"): (Decimal(120), None),  # between its quarters
        ("new_5g_base_stations", "2022-Q2"): (Decimal(150), None),  # 2022年6月: its Q2
    }


# ------------------------------------------------------------ §7: a period and 单位 line


def test_a_period_and_unit_row_under_the_title_is_read_past(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`2026年1-6月 | | | 单位：亿元、%` was taken for the header: 'unknown columns'. Its period
    is every row's, its units are checked."""
    plan = ("--plan", "jiangsu-2026", "--ledger", str(tmp_path / "js.progress.toml"))
    path = tmp_path / "js.csv"
    path.write_text(
        "江苏省主要统计指标,,,\n2026年1-6月,,,单位：亿元、%\n指标,本年累计,比上年同期增长（%）\n"
        '地区生产总值,"66,967.8",5.3\n',
        encoding="utf-8",
    )
    result = invoke(*plan, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "every row is for 2026年1-6月" in result.stderr
    records = read_toml_ledger(tmp_path / "js.progress.toml").records
    assert [(r.target, r.period, r.value, r.amount) for r in records] == [
        ("gdp", "2026-Q2", Decimal("5.3"), Decimal("66967.8"))  # quarterly: 1-6月 its Q2
    ]
    path.write_text(path.read_text("utf-8").replace("单位：亿元、%", "单位：万元、%"), "utf-8")
    result = invoke(*plan, "import", str(path))
    # the line's 万元 is checked: gdp's growth is taken, its amount not (session 40)
    assert result.exit_code == 0, result.output
    assert "the amount '66967.8' is in 万元" in " ".join(result.stderr.split())
    assert "plancli does not convert" in result.stderr


# ------------------------------------------------------------ §8: a unit in a target's name


def test_a_name_with_its_unit_in_brackets_names_its_target(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`社会消费品零售总额（亿元）` was 'no such target'; its bracket is the row's unit, checked:
    万元 against the plan's 亿元 is still refused."""
    path = tmp_path / "s.csv"
    rows = (
        "指标,期间,本年累计,累计增长（%）\n社会消费品零售总额（亿元）,2022年6月,330.8,6.5\n"
        "新增城镇就业（万人）,2022年6月,1.1,\n"
    )
    path.write_text(rows + '引进市外到位资金（万元）,2022年6月,"500,000",\n', encoding="utf-8")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{path}:4: external_funds: the file's unit is 万元 and the plan's 亿元; plancli does "
        "not convert: give the figure in 亿元 (the row's figures: '500000'; 500000万元 is "
        "50亿元)"  # (the figure in the plan's unit since session 41)
    ]
    path.write_text(rows, encoding="utf-8")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {
        ("retail_sales", "2022-06"): (Decimal("6.5"), Decimal("330.8")),
        ("new_urban_jobs", "2022-06"): (Decimal("1.1"), None),
    }


# ------------------------------------------------------------ §9: a cover sheet


def test_a_cover_sheet_without_a_header_names_the_sheets(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Its fifth row, one cell, was taken for the header: 'unknown column 官渡区统计局编'. The
    data sheet after the cover is read, saying so (test_import_flattened); --sheet naming the
    cover, or a workbook with no header on any sheet, is refused naming the sheets."""
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "封面"
    cover["A1"], cover["A3"], cover["A5"] = "官渡区统计月报", "2022年第6期", "官渡区统计局编"
    sheet = book.create_sheet("主要指标")
    sheet.append(["官渡区2022年1-6月主要经济指标"])
    path = tmp_path / "u_cover.xlsx"
    book.save(path)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:封面: no header row (its rows hold one cell at most: a cover?); the "
        "workbook's sheets are '封面', '主要指标': choose one with --sheet, e.g. --sheet 主要指标\n"
    )
    sheet.append(["指标", "期间", "累计值"])
    sheet.append(["新增城镇就业", "2022年6月", 1.1])
    book.save(path)
    result = _import(invoke, ledger, path, "--sheet", "封面")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:封面:5: unknown column(s) '官渡区统计局编'")
    result = _import(invoke, ledger, path, "--sheet", "主要指标")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------ §11: what a refusal says


def test_a_row_with_only_its_month_figure_says_so(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """It said 'no value', in a file with no value column, naming neither 本月 nor the target."""
    path = tmp_path / "k.csv"
    path.write_text(
        "官渡区2022年1-6月主要经济指标,,,\n指标,本月,本年累计,累计增长（%）\n新建5G基站,30,,\n"
        "新增城镇就业,,,\n",
        encoding="utf-8",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{path}:3: target new_5g_base_stations: '新建5G基站': no year-to-date figure ('本年累计', "
        "'累计增长（%）' empty); the "
        "'本月' column's '30' is the month's alone, not recorded",
    ]  # row 4, with no figure at all, is a target's row left blank: skipped (audit K D4)


def test_a_growth_cell_holding_a_dash_is_not_called_empty(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g2.csv"
    path.write_text(
        "指标,期间,本年累计,累计增长（%）\n地区生产总值,2022年前三季度,1100,—\n", encoding="utf-8"
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:2: gdp is a growth target: its figure is the growth % (the '累计增长（%）' "
        "column, which holds — (no data) here); the '本年累计' column is its amount"
    )
