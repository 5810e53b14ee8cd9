"""A range of months written after the year with a dot, a slash or a dash (`2022.1-6`,
`2022.1—6`, `2022/1~6`, `2022-1至6`, `2022年1-6`), as Chinese bulletins head a year-to-date
column (1—6月累计): read as `2022年1-6月`, the position at June's end (session 35).

Until session 35 `2022.1-6`, `2022/1-6`, `2022.1—6` and `2022-1-6` were read as the date 6
January, so a 1–6月 figure went into January's slot; `2022.1~6` and `2022.1至6` were told
`malformed period`. Which reading a spelling gets:

- a range: the separator after the year differs from the one between the months (`2022.1-6`,
  `2022/1-6`, `2022年1-6`, `2022-1—6`), or that one is no date's (`~`, `〜`, `至`, `到`), or
  月 follows (`2022-1-6月`): a date repeats its separator (2022/1/6, 2022.1.6, 2022-01-06);
- a date: the same dash twice, padded as ISO writes a date (`2022-01-06`), or whose "months"
  can be no span (`2022-1-31`, `2022-6-1`; `2022-1-1` is January either way);
- refused, both readings named (`date_or_span`): the same dash twice, unpadded, the second
  number a later month (`2022-1-6`: 6 January or 1-6月? `２０２２－１－６`, `2022-01-6` too).

What the range then is, is `periods.bulletin_period`'s rule for `2022年1-6月`: from January it
is the year to date; `2022.4-6` is refused as not year to date (it was read as April).

Session 37: `2022.1-13` (`2022/1-31`: a separator after the year no date repeats) was read as
the date 13 (31) January; it is a range from a month to none, refused as `1-13` is (there is
no month 13). `2022-1-31`, the same dash twice, stays a date.

Session 36: the year written at both ends (`2022.1-2022.6`, `2022年1月-2022年6月`,
`2022/01-2022/06`), told `malformed period` before, is the same range; one from a year into
the next (`2021.7-2022.6`) is refused naming both ends (`two_years`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from plancli.errors import InputError
from plancli.i18n import _

# The dashes a folded (NFKC) period may hold: NFKC makes － and ﹣ an ASCII hyphen, ‑ a ‐.
_DASHES = r"\-‐‒–—―−"  # the hyphen escaped: a set's range otherwise
_SPAN = re.compile(
    rf"^(?P<year>[0-9]{{4}})(?P<sep>[./年{_DASHES}])(?P<start>[0-9]{{1,2}})"
    rf"(?P<to>[{_DASHES}~〜至到])(?P<end>[0-9]{{1,2}})(?P<unit>月份?)?(?:累计)?$"
)

# The year written at both ends (session 36): 2022.1-2022.6, 2022年1月-2022年6月, 2022/01-2022/06,
# 2022年1月至2022年6月累计; no date repeats its year, so none is read as one.
_YEARS = re.compile(
    rf"^(?P<year>[0-9]{{4}})[./年{_DASHES}](?P<start>[0-9]{{1,2}})月?[{_DASHES}~〜至到]"
    rf"(?P<last>[0-9]{{4}})[./年{_DASHES}](?P<end>[0-9]{{1,2}})(?:月份?)?(?:累计)?$"
)


def as_months(folded: str) -> str:
    """`folded` (NFKC, no spaces, dashes as typed) as `2022年1-6月` when it is a range of months
    after the year (`2022.1-6`, `2022.1-2022.6`); as it is otherwise."""
    both = _YEARS.match(folded)
    if both is not None and both["year"] == both["last"]:
        return f"{both['year']}年{both['start']}-{both['end']}月"
    found = _SPAN.match(folded)
    if found is None or _dated(found):
        return folded
    start, end = int(found["start"]), int(found["end"])
    if found["unit"] is None and found["to"] == "-" and not start <= end <= 12:
        if 1 <= start <= 12 < end:  # 2022.1-13: from a month to none, as `1-13` (session 37)
            return f"{found['year']}年{found['start']}-{found['end']}月"
        return folded  # 2022/6-1: no span of months; a date, as before
    return f"{found['year']}年{found['start']}-{found['end']}月"


# A header cell `1-6` over figures, without 月 (session 36): `指标,1-6,6月` was told `missing
# column(s) period` while `指标,1-6月,6月` was read. Beside another period of the row (6月,
# 1-6月) it is the months 1-6月; session 37: alone (`指标,1-6`) too, as the bare `1-6` of a
# period cell is (its year the title's, the file name's, a 年份 column's, else the plan's); it
# was an unknown column.
_BARE_SPAN = re.compile(rf"^[0-9]{{1,2}}[{_DASHES}~〜至到][0-9]{{1,2}}$")


def _bare(cell: str) -> bool:
    return _BARE_SPAN.match("".join(unicodedata.normalize("NFKC", cell).split())) is not None


def layout_spans(codes: Mapping[str, str | None]) -> dict[str, str]:
    """A header row's cells that are periods (cell → code; None: no period), a bare span of
    months (`1-6`) among them."""
    return {cell: code for cell, code in codes.items() if code is not None}


# A header cell that is a year alone (`2026年`: a 统计公报's `指标,单位,2026年,比上年增长（%）`)
# heads the year's figures; a title's bare year names no period (`2026年主要经济指标`), so the
# header gives it as the year's, `2026年全年` (session 42's 江苏/湖北 walk: it was refused as
# `missing column(s) period`).
_YEAR_ALONE = re.compile(r"^[0-9]{4}年$")


def span_months(cell: str) -> str:
    """A header's period as a title names it: `1-6` as `1-6月`, `2026年` as `2026年全年`, any
    other as it is."""
    if _YEAR_ALONE.match("".join(unicodedata.normalize("NFKC", cell).split())):
        return f"{cell.strip()}全年"
    return f"{cell.strip()}月" if _bare(cell) else cell


def _dated(found: re.Match[str]) -> bool:
    """Is the text written as a date is, one separator twice and no 月 (`2022-1-6`)?"""
    return found["unit"] is None and found["sep"] == found["to"]


def two_years(folded: str, text: object) -> InputError | None:
    """The error of a range of months from one year into the next (`2021.7-2022.6`, a
    twelve months' total): plancli's periods run from January of one year; None for any
    other. `text` is the period as typed, clipped for the message."""
    found = _YEARS.match(folded)
    if found is None or found["year"] == found["last"]:
        return None
    year, end = found["last"], int(found["end"])
    message = _(
        "period {period!r} spans two years, {first} to {last}: plancli records figures from "
        "January of one year; write {year}年1-{end}月 ({code}) for the months from January"
    )
    return InputError(
        message.format(
            period=text,
            first=f"{found['year']}-{int(found['start']):02d}",
            last=f"{year}-{end:02d}",
            year=year,
            end=end,
            code=f"{year}-{end:02d}",
        )
    )


def date_or_span(folded: str, text: object) -> InputError | None:
    """The error of a period that is a date or a range of months alike (`2022-1-6`: 6 January,
    or 1-6月?), naming both and what to write for each; None for any other. `text` is the
    period as typed, clipped for the message."""
    found = _SPAN.match(folded)
    if found is None or not _dated(found):
        return None
    year, start, end = found["year"], int(found["start"]), int(found["end"])
    if len(found["start"]) == 2 and len(found["end"]) == 2:
        return None  # 2022-01-06: ISO's date
    if not 1 <= start < end <= 12:
        return None  # 2022-1-31, 2022-6-1: a date only; 2022-1-1: January either way
    date = f"{year}-{start:02d}-{end:02d}"
    month = f"{year}-{start:02d}"
    if start == 1:
        message = _(
            "period {period!r} could be the date {date} ({month}) or the months {span} "
            "({code}, year to date): write {date} or {span}"
        )
    else:
        message = _(
            "period {period!r} could be the date {date} ({month}) or the months {start}-{end}月, "
            "which are not year to date: write {date}, or {year}年1-{end}月 ({code}) for the "
            "months from January"
        )
    return InputError(
        message.format(
            period=text,
            date=date,
            month=month,
            span=f"{year}年{start}-{end}月",
            code=f"{year}-{end:02d}",
            start=start,
            end=end,
            year=year,
        )
    )
