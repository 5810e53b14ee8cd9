"""Bulletins exported without what Excel shows (the bulletin audit B's leftovers of §6 and §9):
a two-row header whose merges are gone from a CSV (a parent written once with blanks to its
right, or in each of its columns; a period over the figures), a name written once over its
months, and a workbook opening on a cover sheet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--ledger", str(ledger), "import", str(path), *args)


def _values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}


def _csv(tmp_path: Path, text: str, name: str = "月报.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------ a two-row header, unmerged

_JUNE = {
    ("new_urban_jobs", "2022-06"): (Decimal("1.1"), None),
    ("retail_sales", "2022-06"): (Decimal("6.5"), Decimal("330.8")),
}


def test_a_parent_written_in_each_of_its_columns_is_read_as_merged(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Excel's merges exported as their text in every cell they cover (当月,当月 / 累计,累计;
    指标 and 单位 in both rows) were 'columns 当月, 累计 appear twice'."""
    path = _csv(
        tmp_path,
        "官渡区2022年1-6月主要经济指标,,,,,\n指标,单位,当月,当月,累计,累计\n"
        "指标,单位,绝对值,增长（%）,绝对值,增长（%）\n新增城镇就业,万人,0.2,,1.1,\n"
        "社会消费品零售总额,亿元,60.2,5.0,330.8,6.5\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == _JUNE


def test_a_period_over_the_figure_columns_is_the_tables_period(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`1-6月` written once over 累计值 | 增长（%） was 'unknown column 1-6月'. A period from
    January says the columns under it are year to date; it is every row's period."""
    path = _csv(
        tmp_path,
        "指标,单位,1-6月,\n,,累计值,增长（%）\n新增城镇就业,万人,1.1,\n"
        "社会消费品零售总额,亿元,330.8,6.5\n",
        name="主要指标.csv",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == _JUNE
    assert "every row is for 1-6月" in result.stderr


def test_a_month_beside_its_year_to_date_is_read_past(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`6月 | 1-6月` over 绝对值 | 增长（%）: 6月 is the month alone, like 当月."""
    path = _csv(
        tmp_path,
        "指标,单位,6月,,1-6月,\n,,绝对值,增长（%）,绝对值,增长（%）\n"
        "新增城镇就业,万人,0.2,,1.1,\n社会消费品零售总额,亿元,60.2,5.0,330.8,6.5\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == _JUNE


def test_an_unclear_period_over_the_figures_is_refused_once(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`6月` alone may be the month's figures or the year's to date: refused once, naming the
    second header row (it was 'unknown column 6月')."""
    path = _csv(tmp_path, "指标,单位,6月,\n,,累计值,增长（%）\n新增城镇就业,万人,1.1,\n")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {path}:2: row 2 is a second header row ('累计值', '增长（%）') under the header "
        "of row 1, and plancli reads a header of one row and knows no column '6月/累计值', "
        "'6月/增长（%）'; give each column one header in row 1 (本年累计, 累计增长（%）, "
        "docs/formats.md) and delete row 2"
    ]


def test_a_repeated_parent_over_a_column_plancli_cannot_read_is_refused_once(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _csv(
        tmp_path, "指标,期间,累计,累计\n,,上年同期,增长（%）\n新增城镇就业,2022年6月,1.1,\n"
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert "row 2 is a second header row ('上年同期', '增长（%）')" in result.stderr
    assert "knows no column '累计/上年同期'" in result.stderr
    assert "appear twice" not in result.stderr


def test_a_period_over_the_figures_that_the_title_contradicts_is_refused(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Last month's title left over a table whose header says 1-6月."""
    path = _csv(
        tmp_path,
        "官渡区2022年1-5月主要经济指标,,,\n指标,单位,1-6月,\n,,累计值,增长（%）\n"
        "新增城镇就业,万人,1.1,\n",
        name="主要指标.csv",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:2: the title says 2022年1-5月 and the header 1-6月; which period are "
        "the figures for? Correct one of them\n"
    )


def test_a_repeated_column_over_data_keeps_its_error(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """No second header row under it: a column given twice is refused as before."""
    path = _csv(tmp_path, "指标,期间,累计值,累计值\n新增城镇就业,2022年6月,1.1,\n")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:1: column(s) 累计值 appear twice")
    path = _csv(tmp_path, "指标,期间,累计值,累计值\n")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:1: column(s) 累计值 appear twice")


def test_a_period_merged_over_the_figures_in_a_sheet(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    sheet.append(["官渡区2022年主要经济指标"])
    sheet.append(["指标", "单位", "1-6月", None])
    sheet.append([None, None, "累计值", "增长（%）"])
    for cells in ("A1:D1", "C2:D2", "A2:A3", "B2:B3"):
        sheet.merge_cells(cells)
    sheet.append(["新增城镇就业", "万人", 1.1, None])
    sheet.append(["社会消费品零售总额", "亿元", 330.8, 6.5])
    book.save(tmp_path / "x.xlsx")
    result = _import(invoke, ledger, tmp_path / "x.xlsx")
    assert result.exit_code == 0, result.output
    assert _values(ledger) == _JUNE


# ------------------------------------------------------------ a name written once over its rows


@pytest.mark.parametrize("figure", ["累计值", "数值"])  # a bulletin's columns; plancli's own
def test_a_name_written_once_over_its_months_names_each(
    invoke, ledger: Path, tmp_path: Path, figure: str
) -> None:  # type: ignore[no-untyped-def]
    """A sheet's name merged down over its months, saved as CSV: the rows under the name have
    an empty name cell and a period of their own. They were 'no target'."""
    path = _csv(
        tmp_path,
        f"指标,期间,{figure}\n新增城镇就业,2022年4月,0.7\n,2022年5月,0.9\n,2022年6月,1.1\n"
        "新建5G基站,2022年6月,150\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert set(_values(ledger)) == {
        ("new_urban_jobs", "2022-04"),
        ("new_urban_jobs", "2022-05"),
        ("new_urban_jobs", "2022-06"),
        ("new_5g_base_stations", "2022-Q2"),  # quarterly: 2022年6月 is its Q2
    }


@pytest.mark.parametrize(
    "rows",
    [
        "指标,期间,累计值\n新建5G基站,2022年6月,150\n,2022年6月,1.1\n",  # the same period again
        "官渡区2022年1-6月主要经济指标,,\n指标,本年累计,累计增长（%）\n新建5G基站,150,\n,330.8,6.5\n",
    ],
)
def test_an_empty_name_the_layout_does_not_explain_is_refused_saying_why(
    invoke, ledger: Path, tmp_path: Path, rows: str
) -> None:  # type: ignore[no-untyped-def]
    """Another target's row whose name was lost would add its figure to the target above:
    refused, saying when an empty name is read as the one above (it said 'no target')."""
    path = _csv(tmp_path, rows)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].endswith(
        ": no target: the name cell is empty, and plancli reads it as the name above "
        "('新建5G基站') only where each of that name's rows has a period of its own (one row a "
        "month); write the name on this row"
    )


def test_an_empty_name_after_a_blank_line_or_a_refused_row_is_no_target(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _csv(
        tmp_path,
        "指标,期间,累计值\n新建5G基站,2022年5月,120\n\n,2022年6月,150\n"
        "新增城镇就业,2022年5月,1,9\n,2022年6月,1.1\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{path}:4: no target" in lines
    assert f"{path}:6: no target" in lines


# ------------------------------------------------------------ a workbook opening on a cover


def _covered(tmp_path: Path, *before: str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "封面"
    cover["A1"], cover["A3"], cover["A5"] = "官渡区统计月报", "2022年第6期", "官渡区统计局编"
    for title in before:  # an empty sheet, a 说明 of one-cell rows
        book.create_sheet(title)["A1"] = "本月报数据为快报数" if title == "说明" else None
    sheet = book.create_sheet("主要指标")
    sheet.append(["指标", "期间", "累计值"])
    sheet.append(["新增城镇就业", "2022年6月", 1.1])
    book.create_sheet("附表").append(["指标", "期间", "累计值"])
    path = tmp_path / "u_cover.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("before", [(), ("空白",), ("说明", "空白")])
def test_the_sheet_after_a_cover_is_read_saying_so(
    invoke, ledger: Path, tmp_path: Path, before: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """A 统计月报 workbook opens on its 封面: it was refused, naming --sheet; the first sheet
    with a header row is read, and stderr says which."""
    path = _covered(tmp_path, *before)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {("new_urban_jobs", "2022-06"): (Decimal("1.1"), None)}
    assert (
        f"{path}: read the sheet '主要指标': the first sheet, '封面', has no header row (a "
        "cover?); choose another with --sheet"
    ) in result.stderr.splitlines()


def test_the_sheet_read_after_a_cover_is_said_in_chinese(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _covered(tmp_path)
    result = invoke("--lang", "zh", "--ledger", str(ledger), "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        f"{path}：第一张工作表 '封面' 没有表头行（是封面？），已读取工作表 '主要指标'；"
        "要读其他工作表请用 --sheet"
    ) in result.stderr.splitlines()
