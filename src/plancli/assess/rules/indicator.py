"""indicator: a series tracked without a bound (全国平均水平, the figure a relation compares
with; a headline clause that states no figure). Never judged: `tracked` once it has a figure."""

from __future__ import annotations

from plancli.assess.core import Assessment, Context
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "no_data", as_of, reason="no_record")
    return Assessment(
        target,
        "tracked",
        as_of,
        period=observation.period,
        actual=observation.value,
        amount=observation.amount,
        stale=ctx.stale(target, observation.period, as_of),
    )
