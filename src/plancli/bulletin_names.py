"""A bulletin's target names (issue 12.1): a row names its target by id, by the plan's Chinese
name or alias, or by a bulletin's name of a shared indicator (`indicator_names`), compared as
`name_key` folds them (numbering, 其中: and 全省 dropped); a name of two targets is refused
naming both. Split out of bulletin.py (session 41)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _
from plancli.plan import fold_name
from plancli.safe import cell_shown

if TYPE_CHECKING:
    from plancli.plain import AnyPlan

# Before a name: numbering (一、 (三) 4.), 其中: (a part of the row above), 全省 (never 全国).
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十0-9]+\)|[0-9]+[、.](?![0-9])|其中:|全[省市区县](?=.))+"
)


def name_key(text: str) -> str:
    """A target's name as compared: NFKC (full-width brackets as ASCII), no spaces or
    quotation marks, no numbering or 其中: before it, case folded."""
    return _NUMBERING.sub("", fold_name(text))


def names_index(plan: AnyPlan) -> dict[str, list[str]]:
    """Name or alias (as `name_key` folds it) → ids of the targets that have it; then the
    bulletins' names of a shared indicator (indicator_names) for its target, where the plan gives
    the name to no target."""
    from plancli.indicator_names import plan_standard_names

    index: dict[str, list[str]] = {}
    for target in plan.targets:
        for name in (target.name, *target.aliases):
            ids = index.setdefault(name_key(name), [])
            if target.id not in ids:
                ids.append(target.id)
    for name, target_id in plan_standard_names(plan):
        index.setdefault(name_key(name), [target_id])
    return index


def target_id(plan: AnyPlan, text: str, index: dict[str, list[str]]) -> str | None:
    """The id of the target a file names by id, Chinese name or alias; None when it names none
    (the target check then suggests the closest); InputError when the name fits several."""
    stripped = text.strip()
    if plan.target(stripped) is not None:
        return stripped
    ids = index.get(name_key(stripped))
    if not ids:
        return None
    if len(ids) > 1:
        raise InputError(
            _("target name {name} fits {count} targets ({ids}); give the id instead").format(
                name=cell_shown(stripped), count=len(ids), ids=", ".join(ids)
            )
        )
    return ids[0]
