"""relative: a growth judged against another figure of the same period (docs/forms.md).

`relation` says how: same (同步, 基本同步) — not more than the tolerance below (default
`relative_tolerance`, 1.0 pp); above (高于) — strictly above; not_below (不低于, 以上) — at or
above; below (低于) — strictly below. The tolerance of above, not_below and below is 0 unless
the target gives one. The reference is another target (GDP) or an outside series recorded as an
`indicator` (全国平均水平); the two are compared month for month, at the latest period both
report.
"""

from __future__ import annotations

from decimal import Decimal

from plancli.assess.bounds import Bound
from plancli.assess.core import Assessment, Context, judged
from plancli.periods import Period
from plancli.plain import StatusRules, Target


def relation_tolerance(target: Target, rules: StatusRules) -> Decimal:
    if target.tolerance is not None:
        return target.tolerance
    return rules.relative_tolerance if (target.relation or "same") == "same" else Decimal(0)


def relation_bound(target: Target, reference: Decimal, tolerance: Decimal) -> Bound:
    relation = target.relation or "same"
    if relation == "below":
        high = reference + tolerance
        return Bound("down", None, high, None, None, None, True, None, high)
    low = reference - tolerance
    return Bound("up", low, None, None, None, None, relation == "above", low, None)


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    assert target.reference is not None  # the model guarantees it
    own = ctx.index.series(target.id, as_of)
    if not own:
        return Assessment(target, "no_data", as_of, reason="no_record")
    tolerance = relation_tolerance(target, ctx.rules)
    # The latest period both report: incomes and GDP are compared month for month.
    for observation in reversed(own):
        reference = ctx.index.at_month(target.reference, observation.period.end_month)
        if reference is not None:
            break
    else:
        latest = own[-1]  # the target reported, its reference did not
        return Assessment(
            target,
            "no_data",
            as_of,
            period=latest.period,
            actual=latest.value,
            amount=latest.amount,
            stale=ctx.stale(target, latest.period, as_of),
            tolerance=tolerance,
            reason="no_reference_record",
        )
    assert reference is not None
    bound = relation_bound(target, reference.value, tolerance)
    actual = observation.value
    ok = bound.satisfied(actual)
    # The reference's figure ends the same month: both are year-end figures, or neither.
    final = as_of.is_final and observation.period.is_final
    return Assessment(
        target,
        judged(ok, final, Decimal(0), None),
        as_of,
        period=observation.period,
        actual=actual,
        amount=observation.amount,
        gap=bound.gap(actual),
        stale=ctx.stale(target, observation.period, as_of),
        tolerance=tolerance,
        reference_actual=reference.value,
        bound=bound,
    )
