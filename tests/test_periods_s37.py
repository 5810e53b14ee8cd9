"""Session 37 (periods3): periods session 36 left, each reproduced on main (aec320ab).

- `2022.1-13` (a separator after the year no date repeats) was read as the date 13 January
  (`record … -p 2022.1-13` recorded 2022-01): it is refused as `1-13` is, no month 13;
- `二〇二二年一月至二〇二二年六月` (the year at both ends in numerals) and `○` typed for `〇`
  (`二○二二年上半年`) were `malformed period … use YYYY-MM`: read as the digits are;
- an .xlsx header cell `1-6` that Excel made the date 2026-01-06 was read as the month
  2026-01 (`column(s) 本年累计 appear twice`, or `missing column(s) period`): it is 1-6月 of
  the bulletin's year, as that text typed in a period cell;
- a CSV header `指标,1-6` alone was an unknown column: it is the year-to-date column 1-6月.

Figures: Guandu 2022's retail sales 1-6月 340.6 亿元, +3.2 % (tests/fixtures/audit-c-h1.csv),
its GDP 上半年 +5.0 % (700 亿元) and 一季度 +4.2 % (tests/fixtures/report-june.csv).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from plancli.errors import InputError
from plancli.periods import bulletin_period, read_period
from sheets import sheet_file as _sheet
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

# ------------------------------------------------------------- 1. 2022.1-13: no month 13


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2022.1-13", 13),
        ("2022/1-13", 13),
        ("2022.01-13", 13),
        ("２０２２．１－１３", 13),
        ("2022.1-31", 31),  # read as 31 January until session 37, as `1-31` is no month 31
        ("2022年1-13", 13),
    ],
)
def test_a_range_after_the_year_past_december_names_the_month(text: str, month: int) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)  # before: 2022-01 (the date), for 2022.1-13 and 2022/1-13
    assert str(caught.value) == (
        f"malformed period '{text}': there is no month {month} (a month is 1-12)"
    )
    assert bulletin_period(text, 2022) is None  # import's reader: the row's check names it


@pytest.mark.parametrize(("text", "period"), [("2022-1-13", "2022-01"), ("2022-1-31", "2022-01")])
def test_the_same_dash_twice_stays_a_date(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period  # 13 January: no range can be


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "error: malformed period '2022.1-13': there is no month 13 (a month is 1-12)"),
        ("zh", "错误：期间 '2022.1-13' 有误：没有13月（月份为1～12）"),
    ],
)
def test_record_refuses_2022_1_13(run: Callable[..., Any], lang: str, message: str) -> None:
    done = run("record", "retail_sales", "3.2", "-p", "2022.1-13", lang=lang)
    assert done.exit_code == 2  # before: recorded retail_sales 2022-01 = 3.2 %
    assert done.stderr.strip() == message
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_a_bulletin_row_of_2022_1_13_is_refused(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("指标,期间,本年累计,累计增长\n社会消费品零售总额,2022.1-13,340.6,3.2\n", "utf8")
    done = run("import", str(path))
    assert done.exit_code == 2
    assert (
        "m.csv:2: target retail_sales: malformed period '2022.1-13': there is no month 13"
    ) in done.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]


# ------------------------------------------------------------- 2. Chinese numerals


NUMERALS = {
    "二〇二二年一月至二〇二二年六月": "2022-06",  # malformed on main
    "二○二二年一月至二○二二年六月": "2022-06",  # ○ (U+25CB) typed for 〇
    "二零二二年一月至二零二二年六月": "2022-06",
    "二〇二二年一月-二〇二二年六月": "2022-06",
    "二〇二二年一月至二〇二二年三月累计": "2022-03",
    "二○二二年上半年": "2022-H1",  # malformed on main
    "二○二二年一季度": "2022-Q1",
    "二○二二年六月": "2022-06",
    # these read on main already: kept
    "二〇二二年1-6月": "2022-06",
    "二〇二二年上半年": "2022-H1",
    "二〇二二年一季度": "2022-Q1",
    "二零二二年一季度": "2022-Q1",
    "二〇二二年一至六月": "2022-06",
}


@pytest.mark.parametrize(("text", "period"), NUMERALS.items())
def test_a_period_in_chinese_numerals_reads_as_in_digits(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period
    assert bulletin_period(text, None) == period


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("二〇二二年一月至二〇二二年十三月", "there is no month 13 (a month is 1-12)"),
        ("二〇二一年七月至二〇二二年六月", "spans two years, 2021-07 to 2022-06"),
        ("二〇二二年四月至二〇二二年六月", "is not year to date"),
    ],
)
def test_a_range_in_numerals_is_refused_as_in_digits(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert f"'{text}'" in str(caught.value) and said in str(caught.value)


def test_record_and_import_in_numerals(run: Callable[..., Any], tmp_path: Path) -> None:
    done = run("record", "gdp", "4.2", "-p", "二○二二年一季度", "--amount", "330")
    assert done.exit_code == 0, done.stderr
    path = tmp_path / "h1.csv"
    path.write_text(
        "指标,期间,本年累计,累计增长\n"
        "地区生产总值,二○二二年上半年,700,5.0\n"
        "社会消费品零售总额,二〇二二年一月至二〇二二年六月,340.6,3.2\n",
        encoding="utf-8",
    )
    done = run("import", str(path), "--json")
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"], r["amount"]) for r in records] == [
        ("gdp", "2022-Q2", 5.0, 700),
        ("retail_sales", "2022-06", 3.2, 340.6),
    ]


# ------------------------------------------- 3. a header `1-6` Excel made a date (.xlsx)


TYPED = datetime(2026, 1, 6)  # what Excel makes of `1-6` typed in 2026


@pytest.mark.parametrize(
    ("rows", "name"),
    [
        # the title's year; beside 6月 (read past, the month alone): `本年累计 appear twice`
        ([["官渡区2022年主要经济指标"], ["指标", TYPED, "累计增长(%)", "6月"]], "月报.xlsx"),
        # the file name's; alone: `missing column(s) period` on main
        ([["指标", TYPED, "累计增长(%)"]], "官渡区2022年月报.xlsx"),
        # none: the plan's
        ([["指标", TYPED, "累计增长(%)"]], "月报.xlsx"),
        # typed in 2022: the same months
        ([["指标", datetime(2022, 1, 6), "累计增长(%)"]], "月报.xlsx"),
    ],
)
def test_a_header_date_excel_made_of_1_6_heads_the_year_to_date(
    run: Callable[..., Any], tmp_path: Path, rows: list[list[object]], name: str
) -> None:
    figures = ["社会消费品零售总额", 340.6, 3.2, 60.1][: len(rows[-1])]
    path = _sheet(tmp_path, [*rows, figures], name)
    done = run("import", str(path), "--json")
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"], r["amount"]) for r in records] == [
        ("retail_sales", "2022-06", 3.2, 340.6)
    ]


def test_a_header_date_takes_the_year_column_s_year(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    header = ["指标", "年份", TYPED, "累计增长(%)"]
    path = _sheet(tmp_path, [header, ["社会消费品零售总额", 2021, 340.6, 3.2]])
    done = run("import", str(path))
    assert done.exit_code == 2
    assert "period '2021-06' is outside the plan year 2022" in done.stderr


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        # 4-6 typed: not year to date, refused naming what was typed
        ([["指标", datetime(2026, 4, 6)]], "月报.xlsx:Sheet:1: unknown column(s) '4-6'"),
        # beside a real date: a header of dates, not read as months (session 38: a date at
        # midnight shown as its day; it was '2026-01-06t00:00:00')
        (
            [["指标", TYPED, datetime(2026, 6, 30)]],
            "月报.xlsx:Sheet:1: unknown column(s) '2026-01-06', '2026-06-30'",
        ),
    ],
)
def test_a_header_date_that_is_no_year_to_date_is_refused(
    run: Callable[..., Any], tmp_path: Path, rows: list[list[object]], said: str
) -> None:
    path = _sheet(tmp_path, [*rows, ["新建5G基站", 420, 1][: len(rows[-1])]])
    done = run("import", str(path))
    assert done.exit_code == 2
    assert said in done.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]


# ------------------------------------------------------- 4. a CSV header `1-6` alone


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("指标,1-6,累计增长\n社会消费品零售总额,340.6,3.2\n", "2022-06"),  # the plan's year
        ("官渡区2022年主要经济指标\n指标,1-6,累计增长\n社会消费品零售总额,340.6,3.2\n", "2022-06"),
        ("指标,1~3,累计增长\n地区生产总值,330,4.2\n", "2022-Q1"),
    ],
)
def test_a_bare_span_alone_heads_the_year_to_date(
    run: Callable[..., Any], tmp_path: Path, text: str, period: str
) -> None:
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    done = run("import", str(path), "--json")  # before: unknown column(s) '1-6'
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["period"], r["value"]) for r in records] == [
        (period, 3.2 if period == "2022-06" else 4.2)
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # the title's year outside the plan's: named
        (
            "官渡区2021年主要经济指标\n指标,1-6\n新建5G基站,420\n",
            "m.csv:3: target new_5g_base_stations: period '2021-06' is outside the plan year "
            "2022: '1-6月' names no year, and the title '官渡区2021年主要经济指标' gives 2021",
        ),
        ("指标,年份,1-6\n新建5G基站,2021,420\n", "period '2021-06' is outside the plan year"),
        ("指标,4-6\n新建5G基站,420\n", "m.csv:1: unknown column(s) '4-6'"),  # not from January
        ("指标,1-6,1-3\n新建5G基站,420,400\n", "m.csv:1: unknown column(s) '1-6', '1-3'"),
    ],
)
def test_a_bare_span_alone_that_is_no_year_to_date_is_refused(
    run: Callable[..., Any], tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    done = run("import", str(path))
    assert done.exit_code == 2
    assert said in " ".join(done.stderr.split())
    assert not run.ledger.exists()  # type: ignore[attr-defined]


# ------------------------------------------ 2b. a title or file name in Chinese numerals


@pytest.mark.parametrize(
    "title",
    ["官渡区二〇二二年一至六月主要经济指标", "官渡区二○二二年一月至二○二二年六月主要经济指标"],
)
def test_a_title_in_numerals_gives_the_period(
    run: Callable[..., Any], tmp_path: Path, title: str
) -> None:
    path = tmp_path / "m.csv"
    path.write_text(f"{title}\n指标,本年累计,累计增长\n社会消费品零售总额,340.6,3.2\n", "utf-8")
    done = run("import", str(path), "--json")  # before: missing column(s) period
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["period"], r["value"], r["amount"]) for r in records] == [("2022-06", 3.2, 340.6)]


@pytest.mark.parametrize(
    ("name", "title", "said"),
    [
        (
            "m.csv",
            "官渡区二〇二一年主要经济指标\n",
            "m.csv:3: target retail_sales: period '2021-06' is outside the plan year 2022: "
            "'1-6月' names no year, and the title '官渡区二〇二一年主要经济指标' gives 2021",
        ),
        ("二〇二一年月报.csv", "", "二〇二一年月报.csv:2: target retail_sales: period '2021-06'"),
    ],
)
def test_a_year_in_numerals_is_the_file_s_year(
    run: Callable[..., Any], tmp_path: Path, name: str, title: str, said: str
) -> None:
    """A 2021 bulletin whose title or name writes its year in numerals: on main its 1-6月 went
    in as 2022's (the plan's year), a year's figures in the wrong year without a word."""
    path = tmp_path / name
    path.write_text(
        f"{title}指标,期间,本年累计,累计增长\n社会消费品零售总额,1-6月,340.6,3.2\n", "utf-8"
    )
    done = run("import", str(path))
    assert done.exit_code == 2, done.stdout
    assert said in " ".join(done.stderr.split())
    assert not run.ledger.exists()  # type: ignore[attr-defined]
