"""A `change` target's base level recorded where the plan states one (audit W D6).

forms.md tells an analyst to `record urbanization_rate 86.1 --period 2025` to give a change
target its base; when the plan also states `baseline.value` (86.3), the status rule judges on
the plan's figure (`assess.rules.change`), so the recorded one — a revision by the bureau — was
taken without a word and never used: 86.7 was judged +0.4 (未完成) where the analyst meant
+0.6. `record` and `import` now say so; a figure equal to the plan's base changes nothing and
is not warned of (gansu's doc example records 58.08, its stated base)."""

from __future__ import annotations

from plancli.fmt import num
from plancli.i18n import _
from plancli.periods import parse_period
from plancli.plain import AnyPlan, AnyRecord


def stated_base_warnings(plan: AnyPlan, record: AnyRecord) -> list[str]:
    """The warning of a base level recorded for a change target whose plan states another, as a
    list (empty for any other figure)."""
    target = plan.target(record.target)
    if target is None or target.kind != "change" or target.baseline is None:
        return []
    base = target.baseline.value
    if base is None or base == record.value:
        return []
    if parse_period(record.period).year >= plan.plan.year:
        return []
    return [
        _(
            "{target} {period} = {value}: the plan states the {year} base {base} "
            "(baseline.value), which the change is judged from; this figure is not used: edit "
            "baseline.value in the plan to revise the base"
        ).format(
            target=target.id,
            period=record.period,
            value=num(record.value),
            year=target.baseline.year,
            base=num(base),
        )
    ]
