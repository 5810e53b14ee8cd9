"""Every drafted target has an English name of its own: English screens, the departments'
sheet and reports show `name_en` alone, so two targets under one English name read as one
(陕西 2026: `resident_income_national`, the second relation of 居民收入增速高于经济增速、高于全国
平均水平, had `resident_income`'s "Per-capita disposable income of residents"). A relation to an
outside series is named so where it is drafted (`builder`); any other repeat — the same Chinese
name of two work targets kept as their English one, a shared indicator drafted twice — gets its
id after the name, with a review asking for an English name, never a draft with one name twice."""

from __future__ import annotations

from plancli.extract.characters import tidy_name
from plancli.extract.draft import DraftTarget
from plancli.i18n import N_, _

REPEATED_NAME_REVIEW = N_(
    "its English name {name!r} was another target's too: the id is added to tell them apart; "
    "give it an English name of its own"
)


def english_name(target: DraftTarget) -> str:
    """The `name_en` the draft writes (the Chinese name where none is given: `to_toml`)."""
    return target.name_en or tidy_name(target.name)


def distinct_english_names(targets: list[DraftTarget]) -> None:
    """Give each target whose English name an earlier target has its id after it (ids are
    unique: `assemble._unique_ids` runs first), with a review flag."""
    taken = {english_name(t) for t in targets}
    seen: set[str] = set()
    for target in targets:
        name = english_name(target)
        if name in seen:
            distinct = f"{name} ({target.id})"
            n = 2
            while distinct in taken:
                distinct, n = f"{name} ({target.id}, {n})", n + 1
            target.name_en = distinct
            target.review.append(_(REPEATED_NAME_REVIEW).format(name=name))
            taken.add(distinct)
            name = distinct
        seen.add(name)
