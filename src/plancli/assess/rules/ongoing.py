"""ongoing: work promised to go on, not a deliverable (继续推进…39个续建项目, 加快推进16个学校建设).

A record holds how many of the items are under way. The promise is kept through the year, so
before its end the best a target can be is on track (all promised items under way), never met;
only a year-end figure makes it met or missed.
"""

from __future__ import annotations

from plancli.assess.core import Assessment, Context, judged, pending
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    bound = ctx.bound(target, as_of)
    if bound is None:
        return pending(target, as_of, ctx)
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "no_data", as_of, reason="no_record", bound=bound)
    actual = observation.value
    ok = bound.satisfied(actual)
    gap = bound.gap(actual)
    final = as_of.is_final and observation.period.is_final
    return Assessment(
        target,
        judged(ok, final, gap, None),
        as_of,
        period=observation.period,
        actual=actual,
        gap=gap,
        stale=ctx.stale(target, observation.period, as_of),
        bound=bound,
        stretch_met=bound.stretch_met(actual),
    )
