"""level: the current level against the bound (unemployment ≤ 5.5 %, PM2.5 29左右), no pacing:
satisfied → on track, else behind (DESIGN §4). An annual total's figure for part of the year
(夏粮 for 粮食产量) is not judged (`part_year_figure`), nor is a year's average short of its bound
before the year's figure (PM2.5 at 1-3月: `season_figure`)."""

from __future__ import annotations

from plancli.assess.core import (
    Assessment,
    Context,
    against_bound,
    part_year_figure,
    pending,
    season_figure,
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
    unjudged = part_year_figure(ctx, target, as_of, bound, observation)
    if unjudged is not None:
        return unjudged
    judged = against_bound(ctx, target, as_of, bound, observation, observation.value)
    return season_figure(judged, observation)  # PM2.5's winter 45 at 1-3月: no 滞后
