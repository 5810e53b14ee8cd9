"""trend: a direction without a figure (保持稳定, 进一步下降, 稳步提升).

A record holds the movement against last year, the year-to-date growth % as the bulletin gives
it (下降2.1% is −2.1). up: growth > 0; down: growth < 0; band (保持稳定): |growth| ≤ the
target's tolerance (default `around_tolerance`, 0.5 pp).
"""

from __future__ import annotations

from decimal import Decimal

from plancli.assess.bounds import Bound
from plancli.assess.core import Assessment, Context, against_bound
from plancli.periods import Period
from plancli.plain import Target

ZERO = Decimal(0)


def trend_bound(target: Target, ctx: Context) -> Bound:
    direction = target.direction or "band"
    if direction == "band":
        tolerance = target.tolerance if target.tolerance is not None else ctx.rules.around_tolerance
        return Bound(direction, None, None, ZERO, tolerance, None, False, -tolerance, tolerance)
    if direction == "up":
        return Bound(direction, ZERO, None, None, None, None, True, ZERO, None)
    return Bound(direction, None, ZERO, None, None, None, True, None, ZERO)


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    bound = trend_bound(target, ctx)
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "no_data", as_of, reason="no_record", bound=bound)
    return against_bound(ctx, target, as_of, bound, observation, observation.value)
