"""Figures in 类 that are no water class, kept in a ledger from before plancli refused them.

Since session 30 a figure for a target in 类 must be a class: Ⅰ类–Ⅴ类 (1–5) or 劣Ⅴ类 (6);
`record`, `import` and `amend` refuse 2.5 (`level_slips.no_class`). A ledger written before
may still hold one: it was shown `2.5 类` and judged as a number, silently. The read commands
now say so (`gap`, `status`, `show`, `report`, `history`: one warning line on stderr;
`validate`: one finding per figure), naming the target and period, so the figure gets
corrected; the figure itself is still shown and judged as recorded (plancli never changes a
recorded figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from plancli.i18n import _, ngettext
from plancli.safe import clip
from plancli.texts import shell_word
from plancli.unit_words import is_class_unit, not_a_class

if TYPE_CHECKING:
    from plancli.plan_checks import Finding


class NotAClass(NamedTuple):
    """A figure in force for a target in 类 that is no class."""

    target: str
    period: str
    value: Decimal


def class_targets(plan: Any) -> frozenset[str]:
    """The ids of the plan's targets in 类 (most plans: none); a plain plan's targets are not
    built for it (`plain.Plan.column`: a city's 100,000)."""
    if not hasattr(plan, "column"):
        return frozenset(t.id for t in plan.targets if is_class_unit(t.unit))
    units = plan.column("unit")
    if not any(is_class_unit(unit) for unit in set(units)):  # (a few distinct units)
        return frozenset()
    pairs = zip(plan.column("id"), units, strict=True)
    return frozenset(target for target, unit in pairs if is_class_unit(unit))


def figures_not_classes(plan: Any, figures: Iterable[Any]) -> list[NotAClass]:
    """The figures in force (anything with `target`, `period`, `value`) of targets in 类 that
    are no class, in the order given."""
    ids = class_targets(plan)
    if not ids:
        return []
    return [
        NotAClass(f.target, f.period, f.value)
        for f in figures
        if f.target in ids and f.value is not None and not_a_class(f.value, "类")
    ]


def figures_warning(plan: Any, figures: Iterable[Any]) -> str | None:
    """`not_a_class_warning` of the figures in force read (`gap`, `status`)."""
    return not_a_class_warning(figures_not_classes(plan, figures))


def records_warning(plan: Any, records: Sequence[Any]) -> str | None:
    """`not_a_class_warning` of the ledger's records (revisions: only those in force count),
    for the commands that read every record (`show`, `report`, `history`)."""
    if not class_targets(plan):
        return None
    from plancli.ledger_read import figures_in_force

    return not_a_class_warning(figures_not_classes(plan, figures_in_force(list(records))))


def _one(found: NotAClass) -> str:
    return f"{clip(found.target)} {clip(found.period)} = {found.value}"


def not_a_class_warning(found: Sequence[NotAClass]) -> str | None:
    """The one warning line of `gap`, `status`, `show`, `report` and `history`; None when none
    is found."""
    if not found:
        return None
    first = found[0]
    listed = ", ".join(_one(f) for f in found[:3]) + (", …" if len(found) > 3 else "")
    return ngettext(
        "warning: {n} figure in 类 is no water class ({figures}), recorded before plancli "
        "refused such figures: it is shown and judged as that number; record the class the "
        "report gives (e.g. `plancli record {target} Ⅲ类 -p {period}`): Ⅰ类–Ⅴ类 are 1–5, "
        "劣Ⅴ类 6",
        "warning: {n} figures in 类 are no water class ({figures}), recorded before plancli "
        "refused such figures: they are shown and judged as those numbers; record the class "
        "the report gives (e.g. `plancli record {target} Ⅲ类 -p {period}`): Ⅰ类–Ⅴ类 are 1–5, "
        "劣Ⅴ类 6",
        len(found),
    ).format(
        n=len(found),
        figures=listed,
        target=shell_word(clip(first.target)),
        period=shell_word(clip(first.period)),
    )


def not_a_class_findings(found: Sequence[NotAClass], ledger: str) -> list[Finding]:
    """`validate`'s findings: one per figure, its target named."""
    from plancli.plan_checks import Finding
    from plancli.safe import clip_path

    return [
        Finding(
            "warning",
            "figure_not_a_class",
            f.target,
            _(
                "{period} = {value} in {ledger} is no water class (Ⅰ类–Ⅴ类 are 1–5, 劣Ⅴ类 6), "
                "recorded before plancli refused such figures: record the class the report "
                "gives (e.g. `plancli record {target} Ⅲ类 -p {period}`)"
            ).format(
                period=clip(f.period),
                value=f.value,
                ledger=clip_path(ledger),
                target=shell_word(clip(f.target)),
            ),
        )
        for f in found
    ]
