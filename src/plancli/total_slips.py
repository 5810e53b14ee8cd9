"""A year-to-date total far above what the plan makes likely, with no earlier figure of the
year to compare it with (`sequence_slips.jumps` does that): a cumulative total more than FAR
times its annual target (112 亿元 of road investment against a plan of 15.92: a slipped
decimal point), or a growth target's amount beyond what the months explain of the baseline
year's whole amount (400 亿元 of revenue to October against 2021's 52.24). Recorded or imported
as given, with a warning; the report would print it as 超额完成 (audit Y D2). A total hundreds
of times the plan's figures is `bulletin_units.scale_warning`'s (万元 for 亿元?), not this."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.fmt import num, stated
from plancli.i18n import _
from plancli.sequence_slips import jumps
from plancli.stores.base import cached_period as _period

if TYPE_CHECKING:
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget

FAR = 5
"""A cumulative total more than FAR times its annual target is warned about: no plan's figure
is exceeded fivefold, and a slipped decimal point (10×) is beyond it."""


def far_limits(plan: AnyPlan) -> dict[str, tuple[bool, Decimal]]:
    """Target id → (cumulative?, its reference: the annual target, or the baseline year's
    amount) of the targets `far_warning` may warn about; asked once per import."""
    found: dict[str, tuple[bool, Decimal]] = {}
    for target in plan.targets:
        reference = _reference(target)
        if reference is not None:
            found[target.id] = (target.kind == "cumulative", reference)
    return found


def _reference(target: AnyTarget) -> Decimal | None:
    if target.kind == "cumulative" and target.opening is None:
        bound = next((f for f in (target.around, target.min, target.max) if f is not None), None)
        return bound if bound is not None and bound > 0 else None
    baseline = target.baseline
    amount = None if baseline is None or not target.has_amount else baseline.value
    if target.kind != "cumulative" and amount is not None and amount > 0:
        return Decimal(amount)
    return None


def is_far(cumulative: bool, reference: Decimal, figure: Decimal, period: str) -> bool:
    """Is `figure` far above `reference` (see the module)?"""
    if cumulative:
        return figure > FAR * reference
    return jumps(reference, 12, figure, _period(period).end_month)


def slipped(figure: Decimal, reference: Decimal) -> Decimal:
    """The figure its decimal point slipped from: a tenth of it, a hundredth where it is nearer
    100 times its reference (112 against 15.92, 7 times: 11.2; 1592: 15.92) — not a label
    `(10×)` on any ratio (verify C: `is 7 times … (10×)?`)."""
    places = max(1, round(math.log10(figure / reference)))
    return figure.scaleb(-places)


def far_warning(plan: AnyPlan, record: AnyRecord) -> list[str]:
    """The warning of a record's total or amount far above its reference, as a list."""
    target = plan.target(record.target)
    reference = None if target is None else _reference(target)
    if target is None or reference is None:
        return []
    cumulative = target.kind == "cumulative"
    figure = record.value if cumulative else record.amount
    if figure is None or not is_far(cumulative, reference, figure, record.period):
        return []
    unit = target.unit.strip()
    fields = {
        "target": target.id,
        "period": record.period,
        "figure": stated(figure),
        "unit": unit,
        "times": num(figure / reference, 1),
        "reference": num(reference),
        "slipped": num(slipped(figure, reference)),
    }
    if cumulative:
        message = _(
            "{target} {period} = {figure} {unit} is {times} times the annual target "
            "({reference} {unit}): a slipped decimal point ({slipped} {unit}?) or a unit slip? "
            "check the figure"
        )
        return [message.format(**fields)]
    message = _(
        "{target} {period}: the amount {figure} {unit} is {times} times {year}'s whole-year "
        "{reference} {unit}, for {months} months: a slipped decimal point ({slipped} {unit}?) "
        "or a unit slip? check the figure"
    )
    assert target.baseline is not None
    year, months = target.baseline.year, _period(record.period).end_month
    return [message.format(**fields, year=year, months=months)]
