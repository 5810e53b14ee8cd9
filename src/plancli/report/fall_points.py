"""A change target set as a fall in percentage points (城镇调查失业率比上年下降0.2个百分点,
`max = -0.2`) as the report's sentences word it: `下降0.2个百分点`, `a fall of 0.2 pp`, as the
tables' `下降 ≥ 0.2 个百分点` (`fmt.bound_text`), never `-0.2%` — a bare negative bound, and in
per cent where the change is in points (audit W D9, N6 of session 27)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.assess import AssessmentOut


def change_falls(a: AssessmentOut) -> bool:
    """Is `a` a change target (no `decline`) whose every bound is a fall (≤ 0, one below)?"""
    given = [v for v in (a.min, a.max, a.around, a.stretch) if v is not None]
    return (
        a.kind == "change"
        and not a.decline
        and all(v <= 0 for v in given)
        and min(given, default=Decimal(0)) < 0
    )


def as_fall(a: AssessmentOut) -> AssessmentOut:
    """`a` as a decline of the fall's size (max = -0.2 → 下降, min = 0.2), when `change_falls`."""
    if not change_falls(a):
        return a

    def size(value: Decimal | None) -> Decimal | None:
        return None if value is None else -value

    low, high, around, stretch = size(a.max), size(a.min), size(a.around), size(a.stretch)
    return replace(a, min=low, max=high, around=around, stretch=stretch, decline=True)


def change_unit(a: AssessmentOut, zh: bool) -> str | None:
    """个百分点 / ` pp`, the unit of a change target's bound; None for any other kind."""
    return ("个百分点" if zh else " pp") if a.kind == "change" else None
