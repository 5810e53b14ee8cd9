from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancli.errors import InputError
from plancli.periods import Period, parse_period, parse_plan_period


@pytest.mark.parametrize(
    ("text", "end_month", "progress"),
    [
        ("2022-06", 6, Fraction(1, 2)),
        ("2022-01", 1, Fraction(1, 12)),
        ("2022-Q3", 9, Fraction(3, 4)),
        ("2022-H1", 6, Fraction(1, 2)),
        ("2022", 12, Fraction(1)),
    ],
)
def test_time_progress(text: str, end_month: int, progress: Fraction) -> None:
    period = parse_period(text)
    assert period.end_month == end_month
    assert period.time_progress == progress
    assert str(period) == text


@pytest.mark.parametrize(
    "text", ["2022-13", "2022-00", "2022-Q5", "2022-Q0", "2022-H3", "22-06", "2022-6", "june", ""]
)
def test_malformed_periods_are_input_errors(text: str) -> None:
    with pytest.raises(InputError, match="malformed period"):
        parse_period(text)


def test_period_outside_plan_year() -> None:
    with pytest.raises(InputError, match="outside the plan year 2022"):
        parse_plan_period("2021-12", 2022)


@pytest.mark.parametrize("text", ["2022-12", "2022-Q4", "2022-H2", "2022"])
def test_final_periods(text: str) -> None:
    assert parse_period(text).is_final


def test_ordering_same_end_month() -> None:
    assert parse_period("2022-06") < parse_period("2022-Q2") < parse_period("2022-H1")
    assert parse_period("2022-Q1") < parse_period("2022-04")


periods = st.one_of(
    st.builds(lambda y, m: Period(y, "M", m), st.integers(1990, 2100), st.integers(1, 12)),
    st.builds(lambda y, q: Period(y, "Q", q), st.integers(1990, 2100), st.integers(1, 4)),
    st.builds(lambda y, h: Period(y, "H", h), st.integers(1990, 2100), st.integers(1, 2)),
    st.builds(lambda y: Period(y, "Y", 1), st.integers(1990, 2100)),
)


@given(periods)
def test_period_text_round_trip(period: Period) -> None:
    assert parse_period(str(period)) == period
    assert 0 < period.time_progress <= 1
    assert period.months_left == 12 - period.end_month
