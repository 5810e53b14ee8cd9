"""Exact rounding of the outputs' figures (四舍五入, half away from zero), from the exact
fractions the rules compute, with the guard `assess.output` describes: a figure strictly on
one side of a status boundary never prints on or across it. Moved out of assess/output.py
(session 42) to give the JSON contract room; `assess.output` imports them as before."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Exact 四舍五入: half away from zero, from the exact fraction (no float on the way)."""
    return Decimal(_half_up_units(value, 10**places)).scaleb(-places)


def _half_up_units(value: Fraction, scale: int) -> int:
    # floor(|value| × scale + 1/2), in integers: Fraction arithmetic was a third of `gap`'s
    # time at 1,000 targets.
    numerator, denominator = value.numerator, value.denominator
    units = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return units if numerator >= 0 else -units


def round_keeping_side(value: Fraction, places: int, boundaries: Iterable[Fraction]) -> Decimal:
    """`round_half_up`, except that the result stays on the same side of each boundary."""
    return Decimal(_units_keeping_side(value, 10**places, boundaries)).scaleb(-places)


def _units_keeping_side(value: Fraction, scale: int, boundaries: Iterable[Fraction]) -> int:
    # In integers (value = n/d, boundary = bn/bd, shown = units/scale, every d > 0): comparing
    # Fractions was most of the rounding's time at 10,000 targets.
    n, d = value.numerator, value.denominator
    units = (2 * abs(n) * scale + d) // (2 * d)
    if n < 0:
        units = -units
    for boundary in boundaries:
        bn, bd = boundary.numerator, boundary.denominator
        # Kept off the boundary as printed (7/12: 0.5833); exactly on it, printed as it is.
        printed = (2 * abs(bn) * scale + bd) // (2 * bd)
        if bn < 0:
            printed = -printed
        if n * bd < bn * d:  # value < boundary
            units = min(units, printed - 1)
        elif bn * d < n * bd:  # boundary < value
            units = max(units, printed + 1)
    return units


def outward(ends: tuple[Fraction, Fraction], places: int) -> tuple[Decimal, Decimal]:
    """A range (low, high) to `places`, widened, never narrowed: low down, high up (a range of
    the growth still needed, `required_growth_rest_low` / `_high`, holds its ends as printed)."""
    scale = 10**places
    low, high = ends
    return (
        Decimal(low.numerator * scale // low.denominator).scaleb(-places),
        Decimal(-(-high.numerator * scale // high.denominator)).scaleb(-places),
    )
