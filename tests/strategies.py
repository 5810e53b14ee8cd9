"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from decimal import Context, Decimal

from hypothesis import strategies as st

# Figures `record` accepts: finite, |x| ≤ 10^15, ≤ 10 decimal places, ≤ 15 significant digits
# (what a JSON number shows exactly).
finite_decimals = (
    st.decimals(
        min_value=Decimal(-(10**15)),
        max_value=Decimal(10**15),
        allow_nan=False,
        allow_infinity=False,
    )
    .filter(lambda d: d.as_tuple().exponent >= -10)  # type: ignore[operator]
    .map(lambda d: d if len(d.normalize().as_tuple().digits) <= 15 else Context(prec=15).plus(d))
)
