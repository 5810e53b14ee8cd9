"""`figures_of` (session 43): one series compared two ways is two relative targets, the
second judged on the first's figures (陕西's "居民收入增速高于经济增速、高于全国平均水平":
`resident_income_national` on `resident_income`'s). The rules a plan's link must keep, checked
across targets with the others (`plan_refs`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from plancli.file_types import PlanRule
from plancli.i18n import N_
from plancli.plain import KINDS

FIGURES_OF = (
    "relative targets: id of the relative target whose figures this one is judged on (one "
    "series compared two ways: 高于经济增速、高于全国平均水平); it has no figures of its own"
)


def figures_of_problems(
    target: Any, by_id: dict[str, Any], ids: set[str], unknown: Callable[..., PlanRule]
) -> Iterable[PlanRule]:
    """`figures_of`: one series compared two ways (高于经济增速、高于全国平均水平) is judged
    on the figures of the target named, a relative one of the same unit that has figures of
    its own (no chain, so no cycle either). A `figures_of` on another kind is its own error."""
    named = target.figures_of
    source = by_id.get(named)
    fields = {"id": target.id, "figures_of": named}
    if target.kind != "relative":
        if target.kind in KINDS:  # (a misspelt kind is its own error)
            yield PlanRule(N_("target {id}: `figures_of` is only for relative targets"), **fields)
        return
    if source is None and named in ids:
        return  # an id given twice: said above
    if source is None:
        yield unknown(
            N_("target {id}: figures_of {figures_of!r} names no target"),
            N_("target {id}: figures_of {figures_of!r} names no target (did you mean {meant}?)"),
            by_id,
            **fields,
        )
    elif source.id == target.id:
        yield PlanRule(N_("target {id}: figures_of names itself"), **fields)
    elif source.kind in KINDS and source.kind != "relative":
        yield PlanRule(
            N_(
                "target {id}: figures_of {figures_of!r} is a {kind} target; both must be "
                "relative targets, one series compared two ways"
            ),
            kind=source.kind,
            **fields,
        )
    elif (
        isinstance(source.unit, str) and isinstance(target.unit, str) and source.unit != target.unit
    ):
        yield PlanRule(
            N_(
                "target {id}: figures_of {figures_of!r} has unit {source_unit!r}, this "
                "target {own_unit!r}: one series has one unit"
            ),
            source_unit=source.unit,
            own_unit=target.unit,
            **fields,
        )
    elif isinstance(getattr(source, "figures_of", None), str):
        yield PlanRule(
            N_(
                "target {id}: figures_of {figures_of!r} is judged on the figures of "
                "{further!r} itself: name {further!r}"
            ),
            further=source.figures_of,
            **fields,
        )


def judged_on_note(target_id: str, source: str) -> str:
    """What `history ID` says of a target judged on another's figures before it lists them
    (it has no records of its own: "no records of resident_income_national" sent an analyst
    nowhere, session 43)."""
    from plancli.i18n import _

    return _(
        "{target} has no records of its own: it is judged on {source}'s figures (figures_of "
        "in the plan), shown here"
    ).format(target=target_id, source=source)


def judged_too_notes(targets: Iterable[Any], reverted: Iterable[str]) -> list[str]:
    """What `undo` says where a record it reverts is the figure of another target too
    (`figures_of`), a line each: reverting resident_income's figure moves
    resident_income_national's verdict, which its table (one row, resident_income) does not
    show."""
    from plancli.i18n import _

    ids = set(reverted)
    return [
        _("{target} is judged on {source}'s figures: its verdict changes with them").format(
            target=t.id, source=t.figures_of
        )
        for t in targets
        if getattr(t, "figures_of", None) in ids
    ]
