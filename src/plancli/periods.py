"""Reporting periods: `2022-06` (month), `2022-Q2`, `2022-H1`, `2022` (year).

A period stands for the position at its END, cumulative from January 1st; time progress
is the share of the year's months elapsed at that end (2022-06 → 1/2, 2022-Q3 → 3/4).
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Literal

from plancli.errors import InputError
from plancli.i18n import _

Granularity = Literal["M", "Q", "H", "Y"]

_MONTHS_PER = {"M": 1, "Q": 3, "H": 6, "Y": 12}
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})|-Q(\d)|-H(\d))?$")


class Period:
    """A period, compared and hashed by what it names (year, granularity, index). Written out
    rather than a dataclass: every read command imports it, and a dataclass compiles its
    methods at import (issue 15). Not to be changed once made."""

    __slots__ = ("end_month", "granularity", "index", "sort_key", "year")

    year: int
    granularity: Granularity
    index: int  # month 1-12, quarter 1-4, half 1-2, or 1 for the year
    # Derived once: the assessment reads them hundreds of thousands of times at 10,000 targets.
    end_month: int
    """Months elapsed in the year at the end of this period (1-12)."""
    sort_key: tuple[int, int, int]
    """Same end month: the longer period sorts last (2022-06 < 2022-Q2 < 2022-H1)."""

    def __init__(self, year: int, granularity: Granularity, index: int) -> None:
        length = _MONTHS_PER[granularity]
        self.year = year
        self.granularity = granularity
        self.index = index
        self.end_month = index * length
        self.sort_key = (year, self.end_month, length)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Period:
            return NotImplemented
        assert isinstance(other, Period)
        return (self.year, self.granularity, self.index) == (
            other.year,
            other.granularity,
            other.index,
        )

    def __hash__(self) -> int:
        return hash((self.year, self.granularity, self.index))

    def __repr__(self) -> str:
        return f"Period(year={self.year!r}, granularity={self.granularity!r}, index={self.index!r})"

    @property
    def start_month(self) -> int:
        return self.end_month - _MONTHS_PER[self.granularity] + 1

    @property
    def months_left(self) -> int:
        return 12 - self.end_month

    @property
    def time_progress(self) -> Fraction:
        """Share of the year elapsed at the end of the period (exact)."""
        return Fraction(self.end_month, 12)

    @property
    def is_final(self) -> bool:
        """True for the year's last period (2022-12, 2022-Q4, 2022-H2, 2022)."""
        return self.end_month == 12

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        if self.granularity == "M":
            return f"{self.year}-{self.index:02d}"
        if self.granularity == "Y":
            return str(self.year)
        return f"{self.year}-{self.granularity}{self.index}"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(year, "M", month)


def malformed_period(text: str, year: int = 2022) -> str:
    """The message for a period that is none, its examples in `year` (the plan's)."""
    return _(
        "malformed period {period!r}: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, "
        "e.g. {year}-06, {year}-Q2, {year}-H1, {year}"
    ).format(period=text, year=year)


def parse_period(text: str, year: int = 2022) -> Period:
    """Parse a period string; raise InputError with a hint (examples in `year`) on anything
    malformed."""
    match = _PATTERN.match(text.strip())
    if match is None:
        raise InputError(malformed_period(text, year))
    year = int(match.group(1))
    month, quarter, half = match.group(2), match.group(3), match.group(4)
    if month is not None:
        index, granularity, limit = int(month), "M", 12
    elif quarter is not None:
        index, granularity, limit = int(quarter), "Q", 4
    elif half is not None:
        index, granularity, limit = int(half), "H", 2
    else:
        return Period(year, "Y", 1)
    if not 1 <= index <= limit:
        raise InputError(malformed_period(text, year))
    return Period(year, granularity, index)  # type: ignore[arg-type]


def parse_plan_period(text: str, plan_year: int) -> Period:
    """Parse a period and check that it lies in the plan year."""
    period = parse_period(text, plan_year)
    if period.year != plan_year:
        raise InputError(
            _("period {period!r} is outside the plan year {year}").format(
                period=text, year=plan_year
            )
        )
    return period
