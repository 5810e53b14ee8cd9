"""Session 35: a range of months after the year (`2022.1-6`, `2022.1—6`, `2022.1~6`), as a
Chinese bulletin heads its 1—6月累计 column, is the year to date at June's end, 2022-06.

On main (0c892514) `status --as-of 2022.1-6` took it for the date 6 January: time progress
8.33 %, and an imported 1–6月 figure went into January's slot. `2022-1-6`, the same dash twice
and unpadded, is a date or a range alike: refused naming both readings. An ISO date
(`2022-01-06`), or one the months cannot be (`2022-1-31`), stays a date (`period_ranges`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import read_records
from plancli.errors import InputError
from plancli.periods import bulletin_period, read_period
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

# Each read on main as 2022-01 (the date 6 January) or refused as `malformed period`.
RANGES = {
    "2022.1-6": "2022-06",
    "2022.1—6": "2022-06",
    "2022.1–6": "2022-06",
    "2022.1~6": "2022-06",
    "2022.1～6": "2022-06",
    "2022.1〜6": "2022-06",
    "2022.1至6": "2022-06",
    "2022.1到6": "2022-06",
    "2022/1-6": "2022-06",
    "2022/1~6": "2022-06",
    "2022年1-6": "2022-06",
    "2022-1—6": "2022-06",
    "2022-1~6": "2022-06",
    "2022-1至6": "2022-06",
    "2022-1-6月": "2022-06",
    "2022.1-6月": "2022-06",
    "2022.1-6累计": "2022-06",
    "2022.01-06": "2022-06",
    "2022.1-12": "2022-12",
    "2022.1-9": "2022-09",
    "２０２２．１－６": "2022-06",
    "２０２２．１—６": "2022-06",
    "2022.1 - 6": "2022-06",
}


@pytest.mark.parametrize(("text", "period"), RANGES.items())
def test_a_range_of_months_after_the_year_is_the_year_to_date(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period
    assert bulletin_period(text, 2022) == period  # import's reader alike


# A date written as a date is: its month, as before.
DATES = {
    "2022-01-06": "2022-01",  # ISO
    "2022-06-30": "2022-06",
    "2022/1/6": "2022-01",  # Excel's CSV
    "2022.1.6": "2022-01",
    "2022-1-31": "2022-01",  # no month 31: a date only
    "2022-6-1": "2022-06",  # 6-1 is no range
    "2022-1-1": "2022-01",  # January either way
    # "2022.1-31": a date until session 37; now no month 31, as `1-31` (test_periods_s37)
    "2022年6月30日": "2022-06",
}


@pytest.mark.parametrize(("text", "period"), DATES.items())
def test_a_date_stays_a_date(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period


BOTH = (
    "period '{text}' could be the date 2022-01-{day} (2022-01) or the months 2022年1-{end}月 "
    "(2022-{day}, year to date): write 2022-01-{day} or 2022年1-{end}月"
)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2022-1-6", "06"), ("２０２２－１－６", "06"), ("2022-01-6", "06"), ("2022-1-12", "12")],
)
def test_a_date_or_a_range_alike_is_refused_naming_both(text: str, day: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == BOTH.format(text=text, day=day, end=int(day))
    with pytest.raises(InputError):
        bulletin_period(text, 2022)  # import's reader: the row refused, not put in January


def test_a_date_or_a_range_not_from_january_names_the_year_to_date() -> None:
    with pytest.raises(InputError) as caught:
        read_period("2022-4-6", 2022)
    assert str(caught.value) == (
        "period '2022-4-6' could be the date 2022-04-06 (2022-04) or the months 4-6月, which "
        "are not year to date: write 2022-04-06, or 2022年1-6月 (2022-06) for the months from "
        "January"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # read as April on main: a quarter's figure in April's slot
        ("2022.4-6", "period '2022.4-6' is not year to date: plancli records figures from "
         "January (1-6月, 2022-06)"),
        ("2022/4~6", "period '2022/4~6' is not year to date: plancli records figures from "
         "January (1-6月, 2022-06)"),
        ("2022.1~13", "malformed period '2022.1~13': there is no month 13 (a month is 1-12)"),
    ],
)  # fmt: skip
def test_a_range_not_from_january_or_past_december_is_refused(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == said


def test_every_told_spelling_is_read_as_told() -> None:
    """What the refusal tells the user to write is read as the reading it names."""
    assert str(read_period("2022-01-06", 2022)) == "2022-01"
    assert str(read_period("2022年1-6月", 2022)) == "2022-06"


# ------------------------------------------------------------------ on the command line


def test_status_as_of_a_dotted_range_is_at_june_s_end(run: Callable[..., Any]) -> None:
    """Time progress 50 %, not January's 8.33 %; GDP's 0.3 % (the seed report's 同比增长0.3%)
    recorded with the same spelling is June's figure."""
    assert run("record", "gdp", "0.3", "-p", "2022.1—6").exit_code == 0
    result = run("status", "--as-of", "2022.1-6", "--json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert (shown["as_of"], shown["time_progress"]) == ("2022-06", 0.5)
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    # gdp reports quarterly: June's end is its 2022-Q2, as `template` writes it (period_rhythm)
    assert [(r.period, str(r.value)) for r in records] == [("2022-Q2", "0.3")]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: period '2022-1-6' could be the date 2022-01-06 (2022-01) or the months "
            "2022年1-6月 (2022-06, year to date): write 2022-01-06 or 2022年1-6月\n",
        ),
        (
            "zh",
            "错误：期间 '2022-1-6' 既可能是日期 2022-01-06（即 2022-01），也可能是 2022年1-6月"
            "（2022-06，年初至今累计）：请写 2022-01-06 或 2022年1-6月\n",
        ),
    ],
)
def test_record_refuses_a_date_or_range_and_writes_nothing(
    run: Callable[..., Any], lang: str, said: str
) -> None:
    result = run("record", "new_5g_base_stations", "120", "-p", "2022-1-6", lang=lang)
    assert (result.exit_code, result.stderr) == (2, said)
    assert not run.ledger.exists()  # type: ignore[attr-defined]


# ------------------------------------------------------------------ in a bulletin


def _stored(run: Callable[..., Any]) -> list[tuple[str, str, str]]:
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    return sorted((r.target, r.period, str(r.value)) for r in records)


@pytest.mark.parametrize(
    "bulletin",
    [
        "指标,期间,本年累计\n新建5G基站,2022.1—6,120\n",  # the period column
        "指标,2022.1-6\n新建5G基站,120\n",  # the period over the figures
        "指标,2022.1~6,6月\n新建5G基站,120,20\n",  # with the month alone beside it
        "官渡区2022.1-6主要经济指标（2022-07-15发布）\n指标,本年累计\n新建5G基站,120\n",
    ],
)
def test_a_bulletin_s_1_6_figure_goes_into_june(
    run: Callable[..., Any], tmp_path: Path, bulletin: str
) -> None:
    """On main the first was stored as 2022-01 (120 5G base stations in January) and the others
    refused; the figure is 1—6月's, June's end: the quarterly target's 2022-Q2 (period_rhythm),
    whichever way the bulletin heads it."""
    csv = tmp_path / "月报.csv"
    csv.write_text(bulletin, encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 0, result.stderr
    assert _stored(run) == [("new_5g_base_stations", "2022-Q2", "120")]


def test_a_workbook_s_dotted_header_goes_into_june(run: Callable[..., Any], tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "2022.1—6", "6月"])
    sheet.append(["新建5G基站", 120, 20])
    path = tmp_path / "月报.xlsx"
    book.save(path)
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    # June's end in the quarterly target's rhythm (period_rhythm), as the CSV's headers give it
    assert _stored(run) == [("new_5g_base_stations", "2022-Q2", "120")]


def test_a_bulletin_row_dated_or_ranged_alike_is_refused(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    csv = tmp_path / "月报.csv"
    csv.write_text("指标,期间,本年累计\n新建5G基站,2022-1-6,120\n", encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 2
    assert "period '2022-1-6' could be the date 2022-01-06 (2022-01)" in result.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_a_title_s_publication_date_is_no_period(run: Callable[..., Any], tmp_path: Path) -> None:
    """A title's ISO date names no period: the table still needs one."""
    csv = tmp_path / "月报.csv"
    csv.write_text("发布日期2022-07-15\n指标,本年累计\n新建5G基站,120\n", encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 2
    assert "missing column(s) period" in result.stderr
