"""level: the current level against the bound (unemployment ≤ 5.5 %, PM2.5 29左右), no pacing:
satisfied → on track, else behind (DESIGN §4)."""

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
    return against_bound(ctx, target, as_of, bound, observation, observation.value)
