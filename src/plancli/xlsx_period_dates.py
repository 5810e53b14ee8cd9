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
"""

from __future__ import annotations

from datetime import date, datetime

from plancli.i18n import _
from plancli.imports import ImportRow, Problems


def _midnight(value: date) -> bool:
    return not isinstance(value, datetime) or value.time() == datetime.min.time()


def _ambiguous(value: date) -> bool:
    """Could the date be Excel's cell for a typed `YEAR-M-N`, N a later month?"""
    return _midnight(value) and value.month < value.day <= 12


class PeriodDates:
    """The date cells of one sheet's period column, told apart once the sheet is read."""

    def __init__(self) -> None:
        self.suspects: list[tuple[int, str, date]] = []  # (row, cell, date)
        self.real = False  # the column holds a date no typed range makes

    def seen(self, column: str | None, value: object, ref: str, number: int) -> None:
        """A cell of `column` as the reader found it (`ref`, on row `number`): a date in the
        period column is noted."""
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
        refused = {number: (ref, value) for number, ref, value in self.suspects}
        kept: list[ImportRow] = []
        for row in rows:
            found = refused.get(row.row)
            if found is None:
                kept.append(row)
            else:
                problems.add(row.row, _message(*found), given=row.entry.target)
        return kept


def _message(ref: str, value: date) -> str:
    year, start, end = value.year, value.month, value.day
    values = {
        "ref": ref,
        "date": value.isoformat()[:10],
        "month": f"{year}-{start:02d}",
        "typed": f"{year}-{start}-{end}",
        "span": f"{year}年{start}-{end}月",
        "code": f"{year}-{end:02d}",
        "from_january": f"{year}年1-{end}月",
    }
    if start == 1:
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
