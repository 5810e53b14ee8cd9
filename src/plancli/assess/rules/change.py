"""change: a level's change in percentage points against a base level (城镇化率提升1个百分点以上).

A record holds the level (67.8 %); the base is the plan's `baseline.value`, or the figure
recorded for the end of the year before the plan year when the report does not state it
(`plancli record urbanization_rate 66.3 --period 2025`). The change, level − base, is judged
against the bound like a growth figure: short by at most the growth tolerance → at risk.
"""

from __future__ import annotations

from plancli.assess.core import Assessment, Context, against_bound, pending
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    bound = ctx.bound(target, as_of)
    if bound is None:
        return pending(target, as_of, ctx)
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "no_data", as_of, reason="no_record", bound=bound)
    stated = target.baseline.value if target.baseline is not None else None
    recorded_base = ctx.index.base(target.id)
    base = stated if stated is not None else (recorded_base.value if recorded_base else None)
    stale = ctx.stale(target, observation.period, as_of)
    if base is None:
        return Assessment(
            target,
            "no_data",
            as_of,
            period=observation.period,
            recorded=observation.value,
            stale=stale,
            reason="no_base",
            bound=bound,
        )
    return against_bound(
        ctx,
        target,
        as_of,
        bound,
        observation,
        observation.value - base,
        ctx.rules.growth_tolerance,
        recorded=observation.value,
        base=base,
    )
