"""The series the report's headline charts draw beside a target's figures: a cumulative
target's stock on track month by month, an adjusted bound's steps, a relative target's
reference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from plancli.assess import HeadlineOut, PlanAssessment, Point, expected_share
from plancli.assess.bounds import bound_of
from plancli.periods import Period
from plancli.plain import Number


@dataclass(frozen=True, slots=True)
class BoundStep:
    """A headline target's bound from one month on, as its chart draws it: the plan's from the
    start, an amendment's from the end of its period on (年中调整, docs/amend.md)."""

    month: int  # the first month whose figure is judged on it (1: from the start)
    marks: tuple[Number, ...]  # X of X左右, else the bound's min and max; none once dropped
    low: Number | None  # the bound is satisfied from low to high (the chart's shaded band)
    high: Number | None


def pace_lines(
    assessment: PlanAssessment, headline: Sequence[HeadlineOut]
) -> dict[str, list[Number | None]]:
    """For each cumulative headline target, the stock on track at each month's end: where its
    chart shades 符合目标 (城镇新增就业 85万人: 42.5 at June, not ≥ 85 all year, audit S D5).
    The goal of a month is the edge judged by the bound in force then (X − T of X左右); a
    pending target's months before its bound came (减排 国家下达 from 2026-08) are None, the
    pace from the amendment on as the table judges it (15 of 20 due at September)."""
    as_of = assessment.as_of
    paces: dict[str, list[Number | None]] = {}
    if as_of is None:
        return paces
    rules = assessment.plan.plan.status
    for row in headline:
        if row.kind != "cumulative":
            continue
        target = assessment.get(row.id).target
        opening = target.opening if target.opening is not None else 0
        line: list[Number | None] = []
        for month in range(13):
            at = Period.month(as_of.year, min(max(month, 1), as_of.end_month))
            amendment = (
                assessment.amendments.in_force(row.id, at) if assessment.amendments else None
            )
            bound = bound_of(target, rules, amendment)
            if bound is None or bound.low is None:
                if target.pending and all(v is None for v in line):
                    line.append(None)  # no bound yet: the chart shades nothing there
                    continue
                break
            goal = bound.low
            share = expected_share(target.profile, month) if month else Fraction(0)
            line.append(opening + (goal - opening) * share.numerator / share.denominator)
        if len(line) == 13 and line[-1] is not None:
            paces[row.id] = line
    return paces


def bound_steps(
    assessment: PlanAssessment, headline: Sequence[HeadlineOut]
) -> dict[str, list[BoundStep]]:
    """For each headline target adjusted by as_of (not a relative one: its chart draws the
    reference), the bound in force month by month, a step each time it changes: the chart of
    社会消费品零售总额 lowered from 7 % to 4 % from 2022-06 drew 4 % from January, and March's
    6 %, below the 7 % then in force, inside the shaded 符合目标 band."""
    as_of, amendments = assessment.as_of, assessment.amendments
    steps: dict[str, list[BoundStep]] = {}
    if as_of is None or amendments is None:
        return steps
    rules = assessment.plan.plan.status
    for row in headline:
        if row.amended_from is None or row.kind == "relative":
            continue
        target = assessment.get(row.id).target
        found: list[BoundStep] = []
        for month in range(1, as_of.end_month + 1):
            bound = bound_of(
                target, rules, amendments.in_force(row.id, Period.month(as_of.year, month))
            )
            if bound is None:
                step = BoundStep(month, (), None, None)
            else:
                marks = (bound.around,) if bound.around is not None else (bound.min, bound.max)
                step = BoundStep(
                    month, tuple(m for m in marks if m is not None), bound.low, bound.high
                )
            if not found or (found[-1].marks, found[-1].low, found[-1].high) != (
                step.marks,
                step.low,
                step.high,
            ):
                found.append(step)
        if len(found) > 1:
            steps[row.id] = found
    return steps


def reference_series(
    assessment: PlanAssessment, headline: Sequence[HeadlineOut]
) -> dict[str, list[Point]]:
    series: dict[str, list[Point]] = {}
    if assessment.as_of is None:
        return series
    for row in headline:
        if row.reference is not None and row.reference not in series:
            series[row.reference] = [
                Point(period=str(o.period), value=o.value)
                for o in assessment.index.series(row.reference, assessment.as_of)
            ]
    return series
