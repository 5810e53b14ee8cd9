"""`gap --json`'s rounded figures written without a boundary (`gap_json._rounded_text`): the
same text as the general rounding (`_units_keeping_side` then `_units_text`), on halves,
negatives, tiny and huge values, at the places the JSON uses."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from plancli.assess.gap_json import _pace_edges, _rounded_text, _units_text
from plancli.assess.output import _pace_boundaries
from plancli.assess.rounding import _units_keeping_side

VALUES = [
    Fraction(0),
    Fraction(1, 2),
    Fraction(-1, 2),
    Fraction(7, 12),
    Fraction(-7, 12),
    Fraction(5, 1000),  # 0.005: half up at 2 places → 0.01
    Fraction(-5, 1000),
    Fraction(1, 3),
    Fraction(2, 3) - 1,
    Fraction(123456789, 7),
    Fraction(1, 10**9),
    Fraction(10**20, 3),
    Fraction(-(10**20), 3),
]


@pytest.mark.parametrize("places", [0, 2, 4, 6])
@pytest.mark.parametrize("value", VALUES)
def test_rounded_text_is_the_general_rounding(value: Fraction, places: int) -> None:
    general = _units_text(_units_keeping_side(value, 10**places, ()), places)
    assert _rounded_text(value, places) == general


def test_rounded_text_values() -> None:
    assert _rounded_text(Fraction(5, 1000), 2) == "0.01"
    assert _rounded_text(Fraction(-5, 1000), 2) == "-0.01"
    assert _rounded_text(Fraction(7, 12), 4) == "0.5833"
    assert _rounded_text(Fraction(-1, 3), 0) == "0"


def test_pace_edges_are_the_boundaries_made_once() -> None:
    tolerance = Decimal("0.5")
    assert _pace_edges(tolerance) == _pace_boundaries(tolerance) == (0, Fraction(-1, 2))
    assert _pace_edges(Decimal("0.50")) is _pace_edges(tolerance)  # one entry per value
    assert _pace_edges(None) == (0,)
