"""growth: year-to-date growth % against the bound, no pacing (DESIGN §4).

Satisfied → on track; short by at most the growth tolerance → at risk; else behind. A
`decline` target (下降3.8%) is judged on the fall: a recorded growth of −4.0 is a fall of 4.0.
"""

from __future__ import annotations

from fractions import Fraction

from plancli.assess.core import (
    Assessment,
    Context,
    against_bound,
    pending,
    required_growth_rest,
    rest_range,
)
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    bound = ctx.bound(target, as_of)
    if bound is None:
        return pending(target, as_of, ctx)
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "no_data", as_of, reason="no_record", bound=bound)
    recorded = observation.value
    rest: Fraction | None = None
    rest_ends: tuple[Fraction, Fraction] | None = None
    base = target.baseline
    goal = bound.goal
    if (
        not target.decline
        and bound.direction == "up"
        and goal is not None
        and observation.amount is not None
        and base is not None
        and base.value is not None
        and not observation.period.is_final
        # No month left (as of the year's end, with an earlier figure): nothing to require
        # of "the rest of the year", as `required_per_month` is null then. Otherwise the rest
        # is the year after the figure's period: growth to date is all there is to go on.
        and as_of.end_month < 12
    ):
        rest = required_growth_rest(observation.amount, recorded, base.value, goal)
        rest_ends = rest_range(observation.amount, recorded, base, goal, target.unit)
    return against_bound(
        ctx,
        target,
        as_of,
        bound,
        observation,
        -recorded if target.decline else recorded,
        ctx.rules.growth_tolerance,
        required_growth_rest=rest,
        required_growth_rest_range=rest_ends,
        recorded=recorded if target.decline else None,
    )
