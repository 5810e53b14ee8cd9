"""Periods written nearly as plancli writes them, each named with the form it takes: a
quarter or half padded with a 0 (`2022-Q02`, `2022-H01`), a month with a letter (`2022-M6`),
plancli's month with a bulletin's 月 (`2022-6月`). They were told `malformed … use YYYY-MM,
YYYY-Qn …`, which left the user to find the one character that was wrong (session 33). Session
34: a month padded to three digits (`2022-006`), and the year written last (`Q2 2022`,
`H1-2022`), as an English table heads its columns.

The text comes here folded as `periods.no_such_month` folds it (NFKC: `２０２２-Ｑ０２` too),
and only a period that is nearly right with a month (quarter, half) that is real: `2022-Q05`
is no quarter 5 (`no_such_month`), `2022-M13` no period at all. Numbers are bounded (a
30,000-character cell is no number to convert).
"""

from __future__ import annotations

import re

from plancli.errors import InputError
from plancli.i18n import _

_PADDED = re.compile(r"^(?P<year>[0-9]{4})[-年]?(?P<letter>[QqHh])0{1,9}(?P<number>[1-9])$")
_PADDED_MONTH = re.compile(r"^(?P<year>[0-9]{4})[-/.]0{1,9}(?P<month>[0-9]{2})$")
_YEAR_LAST = re.compile(r"^(?P<letter>[QqHh])(?P<number>[0-9])[-/]?(?P<year>[0-9]{4})$")
_LETTER_MONTH = re.compile(r"^(?P<year>[0-9]{4})-?[Mm](?P<month>[0-9]{1,2})$")
_DASH_MONTH = re.compile(r"^(?P<year>[0-9]{4})[-/.](?P<month>[0-9]{1,2})月$")
_LAST = {"Q": 4, "H": 2}


def period_slip(normal: str, period: object) -> InputError | None:
    """The error of a period nearly written right (`normal`, folded), naming what is wrong
    and the form to write; `period` is the text as typed, clipped for the message."""
    if (found := _PADDED.match(normal)) is not None:
        letter, number = found["letter"].upper(), int(found["number"])
        if number > _LAST[letter]:
            return None  # 2022-H03: there is no half 3 (`no_such_month`)
        message = _(
            "malformed period {period!r}: {letter} takes one digit, without a 0; write {written}"
        )
        written = f"{found['year']}-{letter}{number}"
        return InputError(message.format(period=period, letter=letter, written=written))
    if (found := _YEAR_LAST.match(normal)) is not None:
        letter, number = found["letter"].upper(), int(found["number"])
        if not 1 <= number <= _LAST[letter]:
            return None
        message = _("malformed period {period!r}: the year comes first; write {written}")
        written = f"{found['year']}-{letter}{number}"
        return InputError(message.format(period=period, written=written))
    if (found := _PADDED_MONTH.match(normal)) is not None and 1 <= int(found["month"]) <= 12:
        message = _("malformed period {period!r}: a month takes two digits; write {written}")
        written = f"{found['year']}-{found['month']}"
        return InputError(message.format(period=period, written=written))
    found = _LETTER_MONTH.match(normal) or _DASH_MONTH.match(normal)
    if found is None or not 1 <= (month := int(found["month"])) <= 12:
        return None
    year = found["year"]
    if found.re is _LETTER_MONTH:
        message = _(
            "malformed period {period!r}: a month is written without M; write {written} or "
            "{chinese}"
        )
    else:
        message = _(
            "malformed period {period!r}: a month is written {chinese} with 月, {written} "
            "without it"
        )
    return InputError(
        message.format(period=period, written=f"{year}-{month:02d}", chinese=f"{year}年{month}月")
    )
