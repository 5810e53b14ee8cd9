"""relative: a growth judged against another figure of the same period (docs/forms.md).

`relation` says how: same (同步, 基本同步) — not more than the tolerance below (default
`relative_tolerance`, 1.0 pp); above (高于) — strictly above; not_below (不低于, 以上) — at or
above; below (低于) — strictly below. The tolerance of above, not_below and below is 0 unless
the target gives one. The reference is another target (GDP) or an outside series recorded as an
`indicator` (全国平均水平); the two are compared month for month, at the target's own latest
period: with no reference figure for that period yet, the target is `no_data`
(`no_reference_record`), its figure shown, never judged on an older pair it has superseded.
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
    # Month for month, at the target's latest figure: an older pair (Q1 incomes beside Q1 GDP,
    # when Q2 incomes are in and Q2 GDP is not) would present a superseded figure as the
    # latest and star the target as late when its reference is the one still to come.
    observation = own[-1]
    reference = ctx.index.at_month(target.reference, observation.period.end_month)
    if reference is None:
        return Assessment(
            target,
            "no_data",
            as_of,
            period=observation.period,
            actual=observation.value,
            amount=observation.amount,
            stale=ctx.stale(target, observation.period, as_of),
            tolerance=tolerance,
            reason="no_reference_record",
        )
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
        reference_period=reference.period,
        bound=bound,
    )
