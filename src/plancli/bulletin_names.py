"""A bulletin's target names (issue 12.1): a row names its target by id, by the plan's Chinese
name or alias, or by a bulletin's name of a shared indicator (`indicator_names`), compared as
`name_keys.name_key` folds them (numbering, 其中: and 全省 dropped, and an abbreviation
bracketed inside the name: 细颗粒物（PM2.5）年均浓度); a name of two targets is refused naming
both. Split out of bulletin.py (session 41); `name_key` out of it into name_keys.py (43). The
plan's own place before a name (上海市生产总值, 本市…) is read past since session 42
(`place_names`), another place's never (浦东新区生产总值)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _
from plancli.name_keys import name_key as name_key  # its callers' import
from plancli.place_names import own_place_rest
from plancli.safe import cell_shown

if TYPE_CHECKING:
    from plancli.plain import AnyPlan


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
    """The id of the target a file names by id, Chinese name or alias, with the plan's own place
    before it or not (`上海市生产总值`: `place_names`); None when it names none (the target
    check then suggests the closest); InputError when the name fits several."""
    stripped = text.strip()
    if plan.target(stripped) is not None:
        return stripped
    ids = index.get(key := name_key(stripped))
    if not ids and (rest := own_place_rest(plan, key)) is not None:
        ids = index.get(name_key(rest))  # 上海市生产总值: `place_names`
    if not ids:
        return None
    if len(ids) > 1:
        raise InputError(
            _("target name {name} fits {count} targets ({ids}); give the id instead").format(
                name=cell_shown(stripped), count=len(ids), ids=", ".join(ids)
            )
        )
    return ids[0]
