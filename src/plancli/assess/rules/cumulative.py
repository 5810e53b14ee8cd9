"""cumulative: completion against time progress (or the plan's profile) (DESIGN §4).

completion = actual ÷ goal; with an `opening` stock (累计建成…), records are the stock and
completion = (actual − opening) ÷ (goal − opening). The goal is `min`, or X of X左右 (reached at
X − tolerance). A `max` is the top of a planned range ("1-2个试点"): delivering more is
over-fulfilment (超额完成), so the target is met once its bottom is reached. A roll-up without
its own figure is the sum of its parts' figures; with one, its own figure wins unless every part
has a later figure than it: then the parts' sum is the figure in force (a September total
recorded for the roll-up does not beat six December parts).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from plancli.assess.bounds import rounded_rollup
from plancli.assess.core import (
    TWELFTHS,
    Assessment,
    Context,
    Status,
    expected_share,
    fraction,
    month_period,
    pace_gap,
    pending,
    per_month,
)
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    bound = ctx.bound(target, as_of)
    if bound is None:
        return pending(target, as_of, ctx)
    observation = ctx.index.latest(target.id, as_of)
    parts_used: tuple[str, ...] = ()
    parts_missing: tuple[str, ...] = ()
    superseded_own = None
    summed = _parts_sum(ctx, target) if target.parts else None
    if (
        observation is not None
        and summed is not None
        and not summed.missing
        and summed.period.end_month > observation.period.end_month
    ):
        # Every part has a figure later than the roll-up's own (a September total beside
        # six December parts): the own figure is superseded by the parts' sum.
        superseded_own, observation = observation, None
    if observation is not None:
        actual, period = observation.value, observation.period
        clock = period
        stale = ctx.stale(target, period, as_of)
        final = period.is_final
    elif summed is not None:
        parts_used, parts_missing = summed.used, summed.missing
        actual, period, clock = summed.actual, summed.period, summed.clock
        stale, final = summed.stale, summed.final
    elif target.parts:
        return Assessment(
            target,
            "no_data",
            as_of,
            parts_missing=tuple(target.parts),
            reason="no_parts_record",
            bound=bound,
        )
    else:
        return Assessment(target, "no_data", as_of, reason="no_record", bound=bound)

    if target.parts and not bound.satisfied(actual):  # met at its parts' sum (rounding)
        rounded = rounded_rollup(bound, [ctx.bound(ctx.target(p), as_of) for p in target.parts])
        if rounded.parts_sum is not None and actual >= rounded.parts_sum:
            bound = rounded
    # Paced against the edge it is judged at: X − T of X左右 (60万人左右 at 57.5 is met, and so
    # not behind), the parts' sum of a roll-up over it by rounding; else `min`.
    edge = bound.around is not None or bound.parts_sum is not None
    goal = bound.low if edge or bound.goal is None else bound.goal
    assert goal is not None  # a cumulative target is `up`: it has min or around
    opening = target.opening if target.opening is not None else Decimal(0)
    progress_month = ctx.progress_month(target, clock, as_of)
    share = expected_share(target.profile, progress_month)
    # A range (1-2个试点) is done within it, and beyond it by its top (3 of 1–2: 150 %).
    top = bound.max if bound.around is None and bound.min is not None else None
    if top is not None and actual > goal:
        goal = min(actual, top)
    to_deliver = goal - opening
    # Ratios of the exact integers (done_n / done_d is actual − opening): one Fraction each.
    done_n, done_d = (actual - opening).as_integer_ratio()
    completion = None
    if to_deliver > 0:
        goal_n, goal_d = to_deliver.as_integer_ratio()
        completion = Fraction(done_n * goal_d, done_d * goal_n)
    pace_gap_pp = pace_gap(completion, share) if completion is not None else None
    # The months still available are counted from the as-of period, the report's time, not
    # from the figure's clock: as of August a Q2 figure (paced against June) leaves Sep–Dec,
    # 4 months, not 6 (audit M D2). The figure's age is marked stale where it is late.
    months_left = 12 - as_of.end_month
    remaining = max(goal - actual, Decimal(0))
    if bound.satisfied(actual):  # delivered, whenever: delivery is not undone
        status: Status = "met"
    elif as_of.is_final and final:
        status = "missed"
    elif pace_gap_pp is None:
        status = "behind"
    else:
        status = ctx.paced_status(pace_gap_pp, as_of)
    projection = None
    # The run rate of the figure's own months: March's 0.8 of a late department, as of June,
    # runs at 3.2 a year (0.8 ÷ 0.25), not 1.6 (0.8 ÷ June's 0.5, a forecast of failure).
    run = share if not stale else expected_share(target.profile, clock.end_month)
    if run.numerator > 0:  # actual ÷ share, of what was to deliver
        projection = Fraction(done_n * run.denominator, done_d * run.numerator)
        if opening:
            projection += fraction(opening)
        if top is not None:  # never past the range's top: 2 of 1-2 at mid-year is not 4
            projection = min(projection, fraction(top))
    return Assessment(
        target,
        status,
        as_of,
        period=period,
        actual=actual,
        gap=bound.gap(actual),
        completion=completion,
        time_progress=TWELFTHS[progress_month],
        expected_share=share,
        progress_period=month_period(as_of, progress_month),
        pace_gap_pp=pace_gap_pp,
        projection=projection,
        required_per_month=per_month(remaining, months_left),
        months_left=months_left,
        stale=stale,
        tolerance=ctx.rules.pace_tolerance,
        parts_used=parts_used,
        parts_missing=parts_missing,
        bound=bound,
        stretch_met=bound.stretch_met(actual),
        base=target.opening,
        superseded_own=superseded_own,
    )


class _Sum(NamedTuple):
    used: tuple[str, ...]
    missing: tuple[str, ...]
    actual: Decimal
    period: Period  # the oldest part's: the sum runs only to it
    clock: Period  # the latest part's: the pace is judged on it
    stale: bool
    final: bool


def _parts_sum(ctx: Context, target: Target) -> _Sum | None:
    """A roll-up's parts' figures summed (None when no part has one). Parts without a record
    are left out and listed: the sum can only understate, never flatter."""
    parts = [ctx.assess(ctx.target(part_id)) for part_id in target.parts]
    used = [p for p in parts if p.actual is not None and p.period is not None]
    if not used:
        return None
    missing = tuple(p.target.id for p in parts if p not in used)
    periods = [p.period for p in used if p.period is not None]
    # The sum runs only to its oldest part's period (September's roads and five June
    # categories are a June position, not September's): that is its `period`, which the
    # stale note says. It is paced against its latest part's clock, which the sum
    # includes: an older clock would flatter it.
    return _Sum(
        used=tuple(p.target.id for p in used),
        missing=missing,
        actual=sum((p.actual for p in used if p.actual is not None), Decimal(0)),
        period=min(periods, key=lambda x: x.sort_key),
        clock=max(periods, key=lambda x: x.sort_key),
        stale=any(p.stale for p in used),
        # The sum is a year-end figure only when every part's figure is one.
        final=not missing and all(p.period.is_final for p in used if p.period),
    )
