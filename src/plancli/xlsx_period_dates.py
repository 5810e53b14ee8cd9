"""A date cell of a sheet's period column that Excel may have made of a range of months.

Excel turns `2022-1-6` typed in a cell into the date 6 January 2022: the analyst meant
1-6月, the year to date at June's end, and until session 36 the import read the cell as
January (2022-01) without a word, while the same text in a CSV is refused naming both
readings (`period_ranges.date_or_span`). A date cell whose month and day could be a range of
months (month < day <= 12: 2022-01-06, 2022-01-12, 2022-04-06) at midnight is now refused the
same way, naming the cell and both readings, unless the same column holds a date that is no
such typing: one whose day is past 12 or not past its month but not the 1st (2022-06-30,
2022-03-02), or has a time of day. Such a column is a column of real dates (an analyst who
writes month ends), and its 2022-01-06 is the 6th of January, read as its month as before. A
day of 1 is what Excel makes of a typed month (`2022-6` → 2022-06-01): it is read as its month
and tells neither way.

Session 36: `1-6` typed without a year is the date in the year it was typed (2026-01-06 in a
2022 bulletin), and the refusal named 2026年1-6月, the typing year. Where the file's year is
another (its title's or its name's, `bulletin_periods.default_year`; else the row's 年份
column; else the plan's), the refusal names the months of that year, and the `1-6` typed in
2026 that made the date; a row whose 年份 column contradicts the date's year is refused so too,
not as a period "in 2026" the year column contradicts.

Session 37: such a date in the header row (`header_spans`) is the `1-6` typed, which heads the
year to date as a CSV's header `1-6` does; it was read as the month 2026-01. A CSV's header
cell Excel wrote for that date (`2026/1/6`, `2026/1/6 0:00`, `2026-01-06`) is read by the same
rule (`text_header_spans`, bulletin3): it was `missing column(s) period`.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

from plancli.errors import InputError
from plancli.i18n import _
from plancli.imports import ImportRow, Problems
from plancli.read_notes import ReadNotes


def _midnight(value: date) -> bool:
    return not isinstance(value, datetime) or value.time() == datetime.min.time()


def _ambiguous(value: date) -> bool:
    """Could the date be Excel's cell for a typed `YEAR-M-N`, N a later month?"""
    return _midnight(value) and value.month < value.day <= 12


class PeriodDates:
    """The date cells of one sheet's period column, told apart once the sheet is read."""

    def __init__(
        self, name: str = "", titles: Sequence[str] = (), notes: ReadNotes | None = None
    ) -> None:
        self.suspects: list[tuple[int, str, date]] = []  # (row, cell, date)
        self.real = False  # the column holds a date no typed range makes
        # the file's name and title rows (the reader's list, filled before the header), and
        # the notes whose plan_year gives the plan's: the year a typed `1-6` is of
        self.name, self.titles, self.notes = name, titles, notes
        self.years: dict[int, int] = {}  # row → its 年份 column's year

    def seen(self, column: str | None, value: object, ref: str, number: int) -> None:
        """A cell of `column` as the reader found it (`ref`, on row `number`): a date in the
        period column is noted, and a row's 年份."""
        if column == "year" and value is not None:
            found = re.match(r"[0-9]{4}", unicodedata.normalize("NFKC", str(value)).strip())
            if found is not None:
                self.years[number] = int(found.group(0))
        if column != "period" or not isinstance(value, date):
            return
        if _ambiguous(value):
            self.suspects.append((number, ref, value))
        elif value.day != 1 or not _midnight(value):
            self.real = True

    def kept(self, rows: list[ImportRow], problems: Problems) -> list[ImportRow]:
        """`rows` without the suspect rows, each refused in `problems`; all of them when the
        column holds real dates or no suspect."""
        if self.real or not self.suspects:
            return rows
        refused = {n: _message(ref, value, self._year(n)) for n, ref, value in self.suspects}
        for at, problem in enumerate(problems.kept):  # 2026-01-06 against a 年份 of 2022
            if problem.row in refused and problem.row in self.years:
                problems.kept[at] = dataclasses.replace(problem, message=refused[problem.row])
        kept: list[ImportRow] = []
        for row in rows:
            found = refused.get(row.row)
            if found is None:
                kept.append(row)
            else:
                problems.add(row.row, found, given=row.entry.target)
        return kept

    def _year(self, number: int) -> int | None:
        """The year of the file's figures: its title's or name's, row `number`'s 年份, the
        plan's; None when none is known."""
        from plancli.bulletin_periods import default_year

        try:
            titled = default_year(self.name, self.titles)
        except InputError:  # a name and a title of two years: refused elsewhere
            titled = None
        if titled is not None:
            return titled
        if number in self.years:
            return self.years[number]
        plan_year = self.notes.plan_year if self.notes is not None else None
        return plan_year() if plan_year is not None else None


def _message(ref: str, value: date, year: int | None) -> str:
    start, end = value.month, value.day
    typed = value.year if year is None else year
    values = {
        "ref": ref,
        "date": value.isoformat()[:10],
        "month": f"{value.year}-{start:02d}",
        "typed": f"{value.year}-{start}-{end}",
        "span": f"{typed}年{start}-{end}月",
        "code": f"{typed}-{end:02d}",
        "from_january": f"{typed}年1-{end}月",
        "bare": f"{start}-{end}",
        "typed_year": value.year,
    }
    if typed != value.year and start == 1:  # 1-6 typed in 2026 into a 2022 bulletin
        message = _(
            "cell {ref} is the date {date}, which is what Excel makes of {bare} typed in "
            "{typed_year} for the months {span} ({code}, year to date): type {span}"
        )
    elif typed != value.year:
        message = _(
            "cell {ref} is the date {date}, which is what Excel makes of {bare} typed in "
            "{typed_year} for the months {span}, which are not year to date: type "
            "{from_january} ({code}) for the months from January"
        )
    elif start == 1:
        message = _(
            "cell {ref} is the date {date} ({month}), which is what Excel makes of {typed} "
            "typed for the months {span} ({code}, year to date): type {span} for the months, "
            "or {month} for the month"
        )
    else:
        message = _(
            "cell {ref} is the date {date} ({month}), which is what Excel makes of {typed} "
            "typed for the months {span}, which are not year to date: type {from_january} "
            "({code}) for the months from January, or {month} for the month"
        )
    return message.format(**values)


def header_spans(
    cells: Mapping[int, tuple[object, object]], text: Callable[[object], str | None]
) -> list[str | None]:
    """A header row's texts (`text` of each of its `cells`' values, by position, None where
    the row has no cell), with a date cell Excel made of a typed range of months (`1-6`
    typed in 2026 → 2026-01-06) as the range typed, `1-6`, which the header then reads as a
    bare span is, 1-6月 of the bulletin's year (`period_ranges`:
    the title's, the file name's, a 年份 column's, else the plan's), as session 36 reads that
    text typed in a period cell (session 37: it was read as the month 2026-01). Only where
    the row otherwise names its columns (指标, 期间, or a period: 6月) and holds no date that
    no typed range makes (2022-06-30: a header of real dates); as they are otherwise."""
    values = [cells[i][0] if i in cells else None for i in range(max(cells, default=-1) + 1)]
    texts = [text(value) if i in cells else None for i, value in enumerate(values)]
    spans = _spans(values, texts)
    # A date of a month's 1st at midnight is Excel's of a typed month (`2022-6`): shown as
    # typed, 2022-06, not 2022-06-01t00:00:00, and read as a CSV's `2022-06` header is; any
    # other date at midnight as its day, 2022-06-30 (s38)
    return [
        _typed(value) if isinstance(value, date) and _midnight(value) and span == texts[i] else span
        for i, (value, span) in enumerate(zip(values, spans, strict=True))
    ]


def _typed(value: date) -> str:
    return f"{value:%Y-%m}" if value.day == 1 else f"{value:%Y-%m-%d}"


# How Excel writes a header date cell when it saves a sheet as CSV (`2026/1/6`, `2026/1/6 0:00`)
# or an ISO date (`2026-01-06`, `2026-01-06 00:00:00`): one separator twice.
_TEXT_DATE = re.compile(
    r"^([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$"
)


def _text_date(cell: str) -> datetime | None:
    found = _TEXT_DATE.match(unicodedata.normalize("NFKC", cell).strip())
    if found is None:
        return None
    year, _sep, month, day, hour, minute, second = found.groups()
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:  # 2026/2/30: no date, the header's to refuse
        return None


def text_header_spans(cells: Sequence[str]) -> list[str]:
    """A CSV header row with a date cell Excel wrote for a typed range of months (`1-6` typed
    in 2026 → `2026/1/6`, `2026/1/6 0:00`, `2026-01-06`) as the range typed, `1-6`, under the
    conditions `header_spans` reads a sheet's date cell so (session 37, bulletin3: it was
    `missing column(s) period`); the other cells as they are."""
    values: list[object] = [_text_date(cell) or cell for cell in cells]
    return [cell or "" for cell in _spans(values, list(cells))]


def _spans(values: Sequence[object], texts: list[str | None]) -> list[str | None]:
    """`texts` with each date of `values` that a typed range of months makes as that range,
    where the row otherwise names its columns and holds no date no typed range makes."""
    from plancli.bulletin import unknown_header
    from plancli.periods import bulletin_period

    dated = [i for i, value in enumerate(values) if isinstance(value, date)]
    if not dated or any(not _ambiguous(values[i]) for i in dated):  # type: ignore[arg-type]
        return texts

    def named(cell: str | None) -> bool:
        if not cell:
            return False
        if not unknown_header(cell):
            return True
        try:
            return bulletin_period(cell, 9999) is not None
        except InputError:
            return True  # 4-6月: a period, refused as the header's

    if not any(named(cell) for i, cell in enumerate(texts) if i not in dated):
        return texts
    spans = list(texts)
    for i in dated:
        value = values[i]
        assert isinstance(value, date)
        spans[i] = f"{value.month}-{value.day}"
    return spans
