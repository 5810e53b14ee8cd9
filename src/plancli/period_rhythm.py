"""A period as a bulletin writes it, stored in its target's rhythm (session 34's decision).

A bulletin's period (`1-6月`, `2022年6月`, `上半年`, `二季度末`, `2022Q2`) names a position:
the end of a month, counted from January. It is stored as the period its target reports
then, the one `plancli template` writes for it: a quarterly target's 1-6月 is its 2022-Q2, a
monthly one's 2022-06, an annual one's 全年 2022. So one figure has one spelling in `history`,
whether it came from the 月报, the template or `record -p 2022-Q2`. plancli's own codes
(`2022-06`, `2022-Q2`, full-width or not) are stored as typed: the user chose that spelling;
so is a date in the period column (`2022/6/1`, Excel's cell for a typed 2022-06), as a date
cell of a sheet is. A month that ends no quarter is refused for a quarterly growth
target (`quarter_end`: gdp's 1-7月, session 41). Only in the plan year: a 2021 bulletin's 1-6月
stays 2021-06 and is refused under that name, never as a 2021-Q2 nobody wrote; a change
target's base 2021年12月 stays 2021-12.

The ledger finds a figure by its position (target, year, end month), not by its spelling, so
a record an older plancli stored as 2022-06 for a quarterly target is still the one a new
2022-Q2 figure supersedes (docs/recording.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Protocol

from plancli.errors import InputError
from plancli.i18n import _
from plancli.month_alone import GROWTHS
from plancli.period_numerals import period_words
from plancli.period_ranges import as_months
from plancli.periods import DATE_CELL, PERIOD_DASHES, Period, parse_period, read_period
from plancli.safe import Clipped


def in_rhythm(frequency: str, period: Period, plan_year: int) -> Period:
    """`period` (a position, the end of its last month) said in the rhythm of a target of this
    frequency where it reports then; as it is outside the plan year, or where the target does
    not report (an annual target's 上半年, 2022-H1; a quarterly target's 1-5月, 2022-05, which
    `quarter_end` refuses for a growth)."""
    if period.year != plan_year:
        return period
    end = period.end_month
    if frequency == "monthly":
        return period if period.granularity == "M" else Period.month(period.year, end)
    if frequency == "quarterly" and end % 3 == 0:
        return Period(period.year, "Q", end // 3)
    if frequency == "annual" and end == 12:
        return Period(period.year, "Y", 1)
    return period


def is_code(text: str) -> bool:
    """Whether `text` is a period as plancli writes it (2022-06, 2022-Q2, 2022-H1, 2022; in
    full-width digits too) or a date (Excel's cell for a typed 2022-06): stored as typed."""
    folded = "".join(unicodedata.normalize("NFKC", text).split())
    if as_months(folded) != folded:
        return False  # 2022.1-6, 2022/1~6: a bulletin's months (`period_ranges`), no date
    normal = period_words(folded.translate(PERIOD_DASHES))  # 二〇二二年六月三十日: a date too
    if DATE_CELL.match(normal):  # 2022/6/1, 2022-06-30 00:00:00: the reader's own pattern
        return True
    try:
        parse_period(normal)
    except InputError:
        return False
    return True


def written_period(text: str, frequency: str, plan_year: int) -> Period:
    """The period of a figure typed `text` (`record -p`, a JSON import's row): read as
    `read_period` reads it, in the target's rhythm unless it is plancli's code."""
    period = read_period(text, plan_year)
    return period if is_code(text) else in_rhythm(frequency, period, plan_year)


class _Target(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def frequency(self) -> str: ...


class Rhythm:
    """The periods of a file's rows that a bulletin wrote its way (`1-6月`, `2022年6月`, made
    2022-06 by the readers or `bulletin.resolve_rows`), each said in its row's target's rhythm.
    A held period the file also writes as plancli does (2022-06 typed in another row) is left
    as it is: which row wrote which is not kept."""

    def __init__(
        self, periods: Mapping[str, str], mapped: Mapping[str, object], plan_year: int
    ) -> None:
        """`periods`: each distinct text of the file → the period its rows hold (the readers');
        `mapped`: a held text → plancli's period for it, when `resolve_rows` mapped it."""
        codes: set[str] = set()
        written: set[str] = set()
        for text, held in periods.items():
            (codes if is_code(text) else written).add(held)
        written |= {held for held, found in mapped.items() if isinstance(found, str)}
        self.written = frozenset(written - codes)
        self._year = plan_year
        self._said: dict[tuple[str, str], str] = {}

    def __call__(self, target: _Target | None, held: str, period: str) -> str:
        """`period` (the row's, plancli's code) in `target`'s rhythm when the row holds `held`
        as a bulletin wrote it; else `period`."""
        if target is None or held not in self.written:
            return period
        key = (target.frequency, period)
        said = self._said.get(key)
        if said is None:
            try:
                said = str(in_rhythm(target.frequency, parse_period(period), self._year))
            except InputError:  # the period check says why
                said = period
            self._said[key] = said
        return said


# What a bulletin writes for a quarterly target's figure at each quarter's end (its periods).
_QUARTER_ENDS = {3: "1-3月", 6: "1-6月", 9: "1-9月", 12: "全年"}


# A growth to date of a target published quarterly (GDP, 居民收入) exists only at a quarter's
# end (month_alone.GROWTHS): a quarterly count or level (新建5G基站, 调查失业率) may be counted
# by a department monthly.


class _Judged(_Target, Protocol):
    @property
    def kind(self) -> str: ...


def quarter_end(target: _Judged, typed: str, period: Period, plan_year: int) -> Period:
    """`period` when it is one a growth target published by quarter reports (gdp: 1-3月,
    1-6月, 1-9月, 全年); InputError for a month in the plan year that ends no quarter (gdp `-p
    2026-07`, a 1-7月 row: session 41), naming the quarters either side of it. `6月` and
    `2026-06` end the second quarter: taken."""
    end = period.end_month
    if target.frequency != "quarterly" or target.kind not in GROWTHS:
        return period
    if period.year != plan_year or end % 3 == 0:
        return period
    near = [q for q in (end - end % 3, end - end % 3 + 3) if q]
    takes = _(" or ").join(
        _("{span} ({code})").format(span=_QUARTER_ENDS[q], code=Period(period.year, "Q", q // 3))
        for q in near
    )
    raise InputError(
        _(
            "{target} is published by quarter (1-3月, 1-6月, 1-9月, 全年): period {period!r} "
            "(1-{month}月) ends no quarter; write {takes}"
        ).format(target=target.id, period=Clipped(typed), month=end, takes=takes)
    )
