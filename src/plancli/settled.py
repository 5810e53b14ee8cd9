"""`show ID` of a target whose verdict is settled, `met` (a milestone done, a count that
reached its amount, a year-end figure that satisfies the bound): which figure met it, and
which of the assessment's lines no longer say anything.

Before session 34 `show` of a milestone recorded `done` in September still listed its time
progress (75%), `vs pace +25 pp`, `months left 3` and the at-risk tolerance, as if it were
still under way; it now says when it was done and by which record, and leaves the pace out.
`show --json` keeps every field of the assessment (scripts read them) and names the record in
`met_by`.

Session 35: a target `missed` (the year over, its final figure short of the bound) likewise
listed `time progress 100%`, `vs pace -6.45 pp`, `months left 0` and the at-risk tolerance, a
pace for a year that has no months left; its pace lines go too (`pace_over`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

# The lines of `show`'s assessment that measure a pace towards a bound still to reach: none
# of them applies once the target is met, or missed at the year's end (`pace_over`).
# (`tolerance` stays: a relative target's 同步 is judged by it, met or not; so does the
# projection, the year's total at this pace: 2 of 1–2 pilots by June is 2 a year, capped at
# the range's top, not 4.)
PACE_LINES = frozenset(
    {
        "time_progress",
        "expected_share",
        "pace_gap_pp",
        "required_per_month",
        "required_rest",
        "required_growth_rest",
        "months_left",
        "at_risk_tolerance",
    }
)


class _Figure(Protocol):
    @property
    def period(self) -> str: ...


R = TypeVar("R", bound=_Figure)


def is_settled(status: str) -> bool:
    """Is a target of this status met: its pace lines said nothing more?"""
    return status == "met"


def pace_over(status: str) -> bool:
    """Is the pace of a target of this status no longer measured: met, or missed at the
    year's end (the assessment says `missed` at the year's final period only)?"""
    return status in ("met", "missed")


def met_by(status: str, period: str | None, revisions: Sequence[tuple[R, bool]]) -> R | None:
    """The record in force that met the target: its figure for `period`, the one it was judged
    at (the assessment's) or, for a cumulative target, the first that met it
    (`met_first.first_met_period`). None when it is not met, or when no figure of its own did
    (a roll-up met by its parts' sum)."""
    if not is_settled(status) or period is None:
        return None
    for record, current in revisions:
        if current and record.period == period:
            return record
    return None
