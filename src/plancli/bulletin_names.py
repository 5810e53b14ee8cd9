"""A bulletin's target names (issue 12.1): a row names its target by id, by the plan's Chinese
name or alias, or by a bulletin's name of a shared indicator (`indicator_names`), compared as
`name_key` folds them (numbering, 其中: and 全省 dropped, and an abbreviation bracketed inside
the name: 细颗粒物（PM2.5）年均浓度); a name of two targets is refused naming both. Split out of
bulletin.py (session 41). The plan's own place before a name (上海市生产总值, 本市…) is read past
since session 42 (`place_names`), another place's never (浦东新区生产总值)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _
from plancli.place_names import own_place_rest
from plancli.plan import fold_name
from plancli.safe import cell_shown

if TYPE_CHECKING:
    from plancli.plain import AnyPlan

# Before a name: numbering (一、 (三) 4.), 其中: (a part of the row above), 全省 (never 全国).
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十0-9]+\)|[0-9]+[、.](?![0-9])|其中:|全[省市区县](?=.))+"
)

# An ASCII abbreviation bracketed inside a name, between its Chinese words (folded, so lower
# case): 细颗粒物（PM2.5）年均浓度, as 生态环境 bulletins name 北京's pm25 (细颗粒物年均浓度),
# 研究与试验发展（R&D）经费; not a unit (装机容量（MW）, as bulletin_layout._ASCII_UNIT). A bracket
# that ends the name is `bulletin_layout.name_with_qualifier`'s.
_INNER_ABBREVIATION = re.compile(
    r"(?<=[^\x00-\x7f])\((?!(?:[kmgt]?wh?|teu|[kcm]m|kg|ha)\))(?:[a-z][a-z&]{1,5}|pm2\.5|pm10)\)"
    r"(?=[^\x00-\x7f()])"
)


def name_key(text: str) -> str:
    """A target's name as compared: NFKC (full-width brackets as ASCII), no spaces or
    quotation marks, no numbering or 其中: before it, no abbreviation bracketed inside it
    (细颗粒物（PM2.5）年均浓度 is 细颗粒物年均浓度), case folded."""
    return _INNER_ABBREVIATION.sub("", _NUMBERING.sub("", fold_name(text)))


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
