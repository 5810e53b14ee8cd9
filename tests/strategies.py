"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import math
from decimal import Context, Decimal
from fractions import Fraction

from hypothesis import strategies as st

LIMIT = 10**15
_DENOMINATORS = st.integers(min_value=1)
_SPECIALS = ("Infinity", "-Infinity", "NaN", "-NaN", "sNaN", "-sNaN")


def decimals(
    min_value: int | None = None,
    max_value: int | None = None,
    *,
    allow_nan: bool = False,
    allow_infinity: bool = False,
) -> st.SearchStrategy[Decimal]:
    """What `st.decimals(min_value, max_value, allow_nan=…, allow_infinity=…)` (places None,
    whole bounds or none) draws, drawn as Hypothesis 6.x draws it (`fractions`, `decimals`):
    a denominator d >= 1, then a numerator between min_value·d and max_value·d, the fraction
    as a decimal at the precision of its digits, or one of the special values allowed, in
    Hypothesis's order. The same integer draws and the same arithmetic: the same space, and
    the same values for the same draws. Hypothesis makes a new `builds(Fraction, integers(…),
    just(d))` strategy for each draw (`flatmap`) and validates it: 2.3 ms a decimal against
    0.9 here (docs/testing.md, session 14)."""
    fractional = _fraction_decimals(min_value, max_value)
    specials = [
        Decimal(text) for text in _SPECIALS if (allow_infinity if "Inf" in text else allow_nan)
    ]
    return fractional | st.sampled_from(specials) if specials else fractional


@st.composite
def _fraction_decimals(draw: st.DrawFn, low: int | None, high: int | None) -> Decimal:
    denominator = draw(_DENOMINATORS)
    numerator = draw(
        st.integers(
            None if low is None else low * denominator, None if high is None else high * denominator
        )
    )
    fraction = Fraction(numerator, denominator)
    digits = math.log10(abs(fraction.numerator) or 1) + math.log10(fraction.denominator)
    precision = math.ceil(digits) + 1
    return Context(prec=precision or 1).divide(Decimal(fraction.numerator), fraction.denominator)


# Figures `record` accepts: finite, |x| ≤ 10^15, ≤ 10 decimal places, ≤ 15 significant digits
# (what a JSON number shows exactly).
finite_decimals = (
    decimals(-LIMIT, LIMIT)
    .filter(lambda d: d.as_tuple().exponent >= -10)  # type: ignore[operator]
    .map(lambda d: d if len(d.normalize().as_tuple().digits) <= 15 else Context(prec=15).plus(d))
)
