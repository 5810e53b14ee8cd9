"""Invariants of the assessment, for any figure and any month (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.assess import (
    WORST_FIRST,
    Assessment,
    assess_plan,
    assessment_out,
    round_keeping_side,
)
from plancli.model import Plan, Record
from plancli.periods import Period

# Better status = larger rank. Before year end: behind < at_risk < on_track < met;
# at year end: missed < met.
GOODNESS = {"missed": 0, "behind": 1, "at_risk": 2, "on_track": 3, "met": 4}


def make_plan(**target: Any) -> Plan:
    base = {"id": "x", "section": "s", "name": "指标", "name_en": "X", "unit": "个"}
    return Plan.model_validate(
        {
            "plan": {"id": "p", "name": "计划", "name_en": "Plan", "year": 2022},
            "sections": [{"id": "s", "name": "部分", "name_en": "Section"}],
            "targets": [{**base, **target}],
        }
    )


def judge(plan: Plan, value: Decimal, month: int) -> Assessment:
    record = Record(
        target="x",
        period=f"2022-{month:02d}",
        value=value,
        recorded_at=datetime(2022, 12, 31, tzinfo=UTC),
        batch="b",
    )
    return assess_plan(plan, [record], Period.month(2022, month)).get("x")


def _cents(units: int) -> Decimal:
    return Decimal(units).scaleb(-2)


# Figures of two places, -1000.00 to 100000.00, and goals of 0.01 to 100000.00: what
# `st.decimals(min_value=…, max_value=…, places=2)` gives, which is these whole numbers of
# hundredths mapped to decimals of exponent -2 (Hypothesis's own construction; the same value
# and digits for each, checked over the range): the same space, drawn without its wrapping,
# which cost more than each property's own work (2.5 against 1 ms an example for three figures).
values = st.integers(min_value=-100_000, max_value=10_000_000).map(_cents)
months = st.integers(min_value=1, max_value=12)
goals = st.integers(min_value=1, max_value=10_000_000).map(_cents)

PLANS = {
    "cumulative": lambda goal: make_plan(kind="cumulative", min=goal),
    "growth": lambda goal: make_plan(kind="growth", min=goal, unit="亿元"),
    "level": lambda goal: make_plan(kind="level", min=goal, unit="%"),
    "milestone": lambda goal: make_plan(kind="milestone", unit="%"),
}
kinds = st.sampled_from(sorted(PLANS))


@settings(max_examples=300)
@given(kind=kinds, goal=goals, a=values, b=values, month=months)
def test_status_is_monotone_in_the_actual(
    kind: str, goal: Decimal, a: Decimal, b: Decimal, month: int
) -> None:
    plan = PLANS[kind](goal)
    low, high = sorted((a, b))
    worse, better = judge(plan, low, month), judge(plan, high, month)
    assert GOODNESS[worse.status] <= GOODNESS[better.status]


@settings(max_examples=300)
@given(kind=kinds, goal=goals, value=values, month=months)
def test_gap_is_never_negative_and_zero_when_satisfied(
    kind: str, goal: Decimal, value: Decimal, month: int
) -> None:
    a = judge(PLANS[kind](goal), value, month)
    assert a.gap is not None and a.gap >= 0
    # Inclusive bounds here: the gap is 0 exactly when the bound is satisfied, which is
    # "met" for cumulative targets and milestones, and "on_track" or "met" for the others.
    satisfied = a.status == "met" or (kind in ("growth", "level") and a.status == "on_track")
    assert (a.gap == 0) == satisfied
    out = assessment_out(a)
    assert out.gap is not None and out.gap >= 0


@settings(max_examples=300)
@given(goal=goals, value=values, month=months)
def test_cumulative_completion_of_one_or_more_iff_met(
    goal: Decimal, value: Decimal, month: int
) -> None:
    a = judge(PLANS["cumulative"](goal), value, month)
    assert a.completion is not None
    assert (a.completion >= 1) == (a.status == "met")
    shown = assessment_out(a).completion  # rounded to 4 places, still on the right side
    assert shown is not None
    assert (shown >= 1) == (a.status == "met")


@settings(max_examples=300)
@given(goal=goals, value=values, month=st.integers(min_value=1, max_value=11))
def test_shown_pace_gap_agrees_with_the_status(goal: Decimal, value: Decimal, month: int) -> None:
    a = judge(PLANS["cumulative"](goal), value, month)
    pace = assessment_out(a).pace_gap_pp
    assert pace is not None
    if a.status == "on_track":
        assert pace >= 0
    elif a.status == "at_risk":
        assert -10 <= pace < 0
    elif a.status == "behind":
        assert pace < -10


@given(
    numerator=st.integers(min_value=-(10**9), max_value=10**9),
    denominator=st.integers(min_value=1, max_value=10**6),
    places=st.integers(min_value=0, max_value=6),
    boundary=st.integers(min_value=-100, max_value=100),
)
def test_rounding_stays_within_one_unit_and_on_its_side(
    numerator: int, denominator: int, places: int, boundary: int
) -> None:
    value = Fraction(numerator, denominator)
    shown = Fraction(round_keeping_side(value, places, [Fraction(boundary)]))
    assert abs(shown - value) <= Fraction(1, 10**places)
    assert (value < boundary) == (shown < boundary)


def test_worst_first_orders_every_status() -> None:
    unjudged = {"no_data", "pending", "tracked", "dropped"}
    assert set(WORST_FIRST) == {*GOODNESS, *unjudged}
    # worst first is the reverse of goodness; a figure or bound still to come (no_data, then
    # pending) sits between at_risk and on_track, an indicator (tracked) with the fine ones,
    # and a target dropped at the mid-year adjustment (不再考核) last, out of the way
    known = [s for s in WORST_FIRST if s not in unjudged]
    assert known == sorted(GOODNESS, key=GOODNESS.__getitem__)
    position = WORST_FIRST.index
    assert position("at_risk") < position("no_data") < position("pending") < position("on_track")
    assert position("on_track") < position("tracked") < position("met")
    assert WORST_FIRST[-1] == "dropped"


@settings(max_examples=300)
@given(kind=kinds, goal=goals, value=values, month=st.integers(min_value=1, max_value=11))
def test_at_year_end_only_a_year_end_figure_decides(
    kind: str, goal: Decimal, value: Decimal, month: int
) -> None:
    """A figure from before December, judged at year end: never missed, met only when
    delivered (cumulative, milestone), otherwise the before-year-end status, and stale —
    except a milestone done (100), which has no later figure due."""
    plan = PLANS[kind](goal)
    record = Record(
        target="x",
        period=f"2022-{month:02d}",
        value=value,
        recorded_at=datetime(2022, 12, 31, tzinfo=UTC),
        batch="b",
    )
    for as_of in (Period.month(2022, 12), Period(2022, "Q", 4), Period(2022, "Y", 1)):
        a = assess_plan(plan, [record], as_of).get("x")
        assert a.status != "missed"
        assert a.stale == (kind != "milestone" or value < 100)
        if kind in ("growth", "level"):  # no pacing: the status of the figure's own month
            assert a.status == judge(plan, value, month).status
        else:
            delivered = value >= (goal if kind == "cumulative" else 100)
            assert (a.status == "met") == delivered
            assert a.time_progress == 1 and a.months_left == 0
