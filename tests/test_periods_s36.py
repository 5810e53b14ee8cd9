"""Session 36: periods as statistics-bureau analysts type them into sheets, heads and titles.

On main (57185114): a `2022-1-6` typed in an Excel cell (the date 2022-01-06) went into
January with no word, while the same text in a CSV is refused naming both readings; the year
written at both ends of a range (`2022.1-2022.6`, `2022年1月-2022年6月`) and a bare `1-6` were
told `malformed period`; a title's `1至6月` was read as `6月`, its `二季度末` as `二季度` (and
refused as the quarter alone), its `第2季` not at all. The seed plan's figures: 新建5G基站 (its
target 310 个, quarterly), 引进市外到位资金 (its target 125 亿元, monthly).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from ledgers import read_records
from plancli.bulletin_titles import title_period
from plancli.errors import InputError
from plancli.periods import bulletin_period, read_period
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name


def _stored(run: Callable[..., Any]) -> list[tuple[str, str, str]]:
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    return sorted((r.target, r.period, str(r.value)) for r in records)


def _workbook(tmp_path: Path, *periods: object, name: str = "月报.xlsx") -> Path:
    """A sheet of 新建5G基站 rows, one per period cell (a datetime is a date cell)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "期间", "本年累计"])
    for number, period in enumerate(periods):
        sheet.append(
            ["新建5G基站", period, 150] if number == 0 else ["引进市外到位资金", period, 62.5]
        )
    path = tmp_path / name
    book.save(path)
    return path


# ------------------------------------------------------- 1. Excel's date for a typed 2022-1-6


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: 月报.xlsx:Sheet: 1 bad row; nothing was imported\n"
            "月报.xlsx:Sheet:2: target new_5g_base_stations: cell B2 is the date 2022-01-06 "
            "(2022-01), which is what Excel makes of 2022-1-6 typed for the months 2022年1-6月 "
            "(2022-06, year to date): type 2022年1-6月 for the months, or 2022-01 for the "
            "month\n",
        ),
        (
            "zh",
            "错误：月报.xlsx:Sheet：1 行有误；未导入任何数据\n"
            "月报.xlsx:Sheet:2：目标 new_5g_base_stations：单元格 B2 是日期 2022-01-06（即 "
            "2022-01），而 Excel 会把为 2022年1-6月 输入的 2022-1-6 变成这个日期（2022年1-6月 即 "
            "2022-06，年初至今累计）：如指这几个月，请输入 2022年1-6月；如指该月，请输入 2022-01\n",
        ),
    ],
)
def test_a_date_cell_excel_makes_of_a_typed_range_is_refused(
    run: Callable[..., Any], tmp_path: Path, lang: str, said: str
) -> None:
    """On main: imported as 2022-01, 150 5G stations in January, exit 0."""
    path = _workbook(tmp_path, datetime(2022, 1, 6))
    result = run("import", str(path), lang=lang)
    assert (result.exit_code, result.stderr.replace(f"{tmp_path}/", "")) == (
        2,
        said,
    )  # exit 2, as the CSV's refusal
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_the_csv_refuses_the_same_text_with_the_same_exit(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    csv = tmp_path / "月报.csv"
    csv.write_text("指标,期间,本年累计\n新建5G基站,2022-1-6,150\n", encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 2
    assert "could be the date 2022-01-06 (2022-01) or the months 2022年1-6月" in result.stderr


def test_a_column_of_one_suspect_date_is_refused_on_every_row(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    path = _workbook(tmp_path, datetime(2022, 1, 6), datetime(2022, 1, 6))
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "2 bad rows" in result.stderr
    assert "cell B2 is the date 2022-01-06" in result.stderr
    assert "cell B3 is the date 2022-01-06" in result.stderr


def test_a_later_month_s_range_names_the_year_to_date(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    path = _workbook(tmp_path, datetime(2022, 4, 6))  # 2022-4-6 typed: 4-6月, not from January
    result = run("import", str(path))
    assert result.exit_code == 2
    assert (
        "cell B2 is the date 2022-04-06 (2022-04), which is what Excel makes of 2022-4-6 typed "
        "for the months 2022年4-6月, which are not year to date: type 2022年1-6月 (2022-06) for "
        "the months from January, or 2022-04 for the month"
    ) in result.stderr


@pytest.mark.parametrize(
    ("cells", "stored"),
    [
        # a column of real dates: a month's end beside it, 2022-01-06 is 6 January
        (
            (datetime(2022, 1, 6), datetime(2022, 6, 30)),
            [("external_funds", "2022-06", "62.5"), ("new_5g_base_stations", "2022-01", "150")],
        ),
        # Excel's date for a typed 2022-6 (the 1st): a month, as before; tells neither way
        ((datetime(2022, 6, 1),), [("new_5g_base_stations", "2022-06", "150")]),
        # a time of day is no typed range
        ((datetime(2022, 1, 6, 9, 30),), [("new_5g_base_stations", "2022-01", "150")]),
        # no range ends before it starts, and day 13 is no month
        ((datetime(2022, 6, 5),), [("new_5g_base_stations", "2022-06", "150")]),
        ((datetime(2022, 1, 13),), [("new_5g_base_stations", "2022-01", "150")]),
    ],
)
def test_a_date_no_typed_range_makes_is_its_month(
    run: Callable[..., Any], tmp_path: Path, cells: tuple[datetime, ...], stored: list[Any]
) -> None:
    result = run("import", str(_workbook(tmp_path, *cells)))
    assert result.exit_code == 0, result.stderr
    assert _stored(run) == stored


# ------------------------------------------------------- 2. the year at both ends of a range

BOTH_YEARS = {
    "2022.1-2022.6": "2022-06",
    "2022年1月-2022年6月": "2022-06",
    "2022年1月至2022年6月": "2022-06",
    "2022年1月-2022年6月累计": "2022-06",
    "2022/01-2022/06": "2022-06",
    "2022/1~2022/6": "2022-06",
    "2022-01-2022-06": "2022-06",
    "2022.1—2022.9": "2022-09",
    "２０２２．１－２０２２．６": "2022-06",
}


@pytest.mark.parametrize(("text", "period"), BOTH_YEARS.items())
def test_a_range_with_its_year_at_both_ends_is_the_year_to_date(text: str, period: str) -> None:
    """Each was `malformed period … use YYYY-MM` on main."""
    assert str(read_period(text, 2022)) == period
    assert bulletin_period(text, None) == period  # import's reader alike


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "2022.4-2022.6",
            "period '2022.4-2022.6' is not year to date: plancli records figures from January "
            "(1-6月, 2022-06)",
        ),
        (
            "2021.7-2022.6",
            "period '2021.7-2022.6' spans two years, 2021-07 to 2022-06: plancli records "
            "figures from January of one year; write 2022年1-6月 (2022-06) for the months from "
            "January",
        ),
        (
            "2022年1月-2022年13月",
            "malformed period '2022年1月-2022年13月': there is no month 13 (a month is 1-12)",
        ),
    ],
)
def test_a_range_not_from_january_or_over_two_years_is_refused(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == said


def test_a_range_over_two_years_is_refused_in_chinese(run: Callable[..., Any]) -> None:
    result = run("record", "new_5g_base_stations", "150", "-p", "2021.7-2022.6", lang="zh")
    assert (result.exit_code, result.stderr) == (
        2,
        "错误：期间 '2021.7-2022.6' 跨两个年度（2021-07 至 2022-06）：plancli 的数据自某一年的1月起"
        "累计；如指自1月起的各月，请写 2022年1-6月（2022-06）\n",
    )
    assert not run.ledger.exists()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "bulletin",
    [
        "指标,期间,本年累计\n新建5G基站,2022年1月-2022年6月,150\n",  # the period column
        "官渡区2022.1-2022.6主要经济指标\n指标,本年累计\n新建5G基站,150\n",  # the title
    ],
)
def test_a_bulletin_s_range_with_both_years_goes_into_june(
    run: Callable[..., Any], tmp_path: Path, bulletin: str
) -> None:
    csv = tmp_path / "月报.csv"
    csv.write_text(bulletin, encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 0, result.stderr
    assert _stored(run) == [("new_5g_base_stations", "2022-Q2", "150")]  # June's end, quarterly


# ------------------------------------------------------- 3. 1-6 without a year or 月


@pytest.mark.parametrize(
    ("text", "period"),
    [("1-6", "2022-06"), ("1~6", "2022-06"), ("1至6", "2022-06"), ("１－６", "2022-06")],
)
def test_a_bare_range_is_read_as_1_6月(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period == str(read_period("1-6月", 2022))


def test_a_bare_range_is_refused_as_1_6月_is() -> None:
    with pytest.raises(InputError) as caught:
        read_period("4-6", 2022)
    assert str(caught.value) == (
        "period '4-6' is not year to date: plancli records figures from January (1-6月, 2022-06)"
    )
    with pytest.raises(InputError, match="malformed period '6-1': use YYYY-MM"):
        read_period("6-1", 2022)  # no span of months


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("", None),  # the plan's year, 2022
        # a title's year, as for 1-6月: refused naming the title
        (
            "官渡区2021年主要经济指标\n",
            "period '2021-06' is outside the plan year 2022: '{text}' names no year, and the "
            "title '官渡区2021年主要经济指标' gives 2021",
        ),
    ],
)
@pytest.mark.parametrize("text", ["1-6", "1-6月"])
def test_a_bare_range_in_a_bulletin_takes_the_year_1_6月_takes(
    run: Callable[..., Any], tmp_path: Path, title: str, said: str | None, text: str
) -> None:
    csv = tmp_path / "月报.csv"
    csv.write_text(f"{title}指标,期间,本年累计\n引进市外到位资金,{text},62.5\n", "utf-8")
    result = run("import", str(csv))
    if said is None:
        assert result.exit_code == 0, result.stderr
        assert _stored(run) == [("external_funds", "2022-06", "62.5")]
    else:
        assert result.exit_code == 2
        assert said.format(text=text) in result.stderr


# ------------------------------------------------------- 4. a title's period


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("官渡区2022年1至6月主要经济指标", "2022年1至6月"),  # 6月 on main
        ("官渡区1至6月主要经济指标", "1至6月"),  # 6月 on main
        ("官渡区2022年1—6月份主要经济指标", "2022年1-6月"),
        ("官渡区2022年第2季主要经济指标", "2022年第2季"),  # none on main
        ("官渡区2022年第2季度末主要经济指标", "2022年第2季度末"),  # none on main
        ("官渡区2022年二季度末主要经济指标", "2022年二季度末"),  # 2022年二季度 on main
        ("官渡区2022年前3季主要经济指标", "2022年前3季"),  # none on main
        ("官渡区2022.1-2022.6主要经济指标", "2022.1-2022.6"),  # none on main
        ("官渡区2022年13季度报告", None),  # no quarter 13, and no 3季度 inside it
        ("官渡区四季花城统一季报表", None),  # 四季, 统一季: words, no quarter
        ("官渡区2022年一季主要经济指标", None),  # 一季 alone: a word as often (统一季)
        ("官渡区2022年1季主要经济指标", "2022年1季"),
    ],
)
def test_a_title_s_period_is_read_as_written(title: str, found: str | None) -> None:
    assert title_period([title]) == found


@pytest.mark.parametrize(
    ("title", "stored"),
    [
        ("官渡区2022年1至6月主要经济指标", "2022-Q2"),
        ("官渡区1—6月份主要经济指标", "2022-Q2"),
        ("官渡区2022年二季度末主要经济指标", "2022-Q2"),  # refused as the quarter alone on main
        ("官渡区2022年第1季主要经济指标", "2022-Q1"),  # no period column, on main
    ],
)
def test_a_title_s_period_is_every_row_s(
    run: Callable[..., Any], tmp_path: Path, title: str, stored: str
) -> None:
    csv = tmp_path / "月报.csv"
    csv.write_text(f"{title}\n指标,本年累计\n新建5G基站,150\n", encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 0, result.stderr
    assert _stored(run) == [("new_5g_base_stations", stored, "150")]


@pytest.mark.parametrize("quarter", ["二季度", "第2季"])
def test_a_title_s_quarter_alone_is_refused_as_in_a_period_column(
    run: Callable[..., Any], tmp_path: Path, quarter: str
) -> None:
    """第2季 was `missing column(s) period` on main; now told what 二季度 is told."""
    csv = tmp_path / "月报.csv"
    csv.write_text(f"官渡区2022年{quarter}主要经济指标\n指标,本年累计\n新建5G基站,150\n", "utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 2
    assert (
        f"period '2022年{quarter}' is the quarter alone (its own growth is not year to date)"
        in result.stderr
    )
    assert not run.ledger.exists()  # type: ignore[attr-defined]


# ------------------------------------------------------- 5. one June written two ways


@pytest.mark.parametrize(
    ("first", "second", "said"),
    [
        ("2022-06", "2022-06", "new_5g_base_stations 2022-06 is also on row 2; give one"),
        ("2022年6月", "2022-06", "new_5g_base_stations 2022-06 is also on row 2; give one"),
        (
            "1-6月",
            "2022-06",
            "new_5g_base_stations 2022-06 is also on row 2 as 2022-Q2 (both stand for the "
            "position at the end of 2022-06); give one",
        ),
    ],
)
@pytest.mark.parametrize("values", [("150", "160"), ("150", "150")])
def test_one_june_written_two_ways_is_one_period(
    run: Callable[..., Any],
    tmp_path: Path,
    first: str,
    second: str,
    said: str,
    values: tuple[str, str],
) -> None:
    """Two rows of one target and June's end are refused as two rows of one spelling are
    (already on main: pinned so no spelling of June slips past the duplicate check)."""
    csv = tmp_path / "月报.csv"
    rows = f"新建5G基站,{first},{values[0]}\n新建5G基站,{second},{values[1]}\n"
    csv.write_text("指标,期间,本年累计\n" + rows, encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 2
    assert f"月报.csv:3: {said}" in result.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]
