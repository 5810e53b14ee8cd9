"""A plan's rules across its tables, and the names a hand-written plan may leave out.

The rules between targets (ids unique, sections, parts and references that name a target,
roll-ups without cycles, a milestone due in the plan year) are checked by `Plan` on the
validated models, and by `plan._validate` on the file as read when some target does not
validate: a user then sees every error of the plan in one run, not the targets' first and
these after they are fixed (audit W D14).

A plan written by hand in Chinese needs no English and no `[[sections]]` (audit W D12):
a table without `name_en` has its Chinese name as English name (`english_name`), and a plan
without `[[sections]]` has a section for each `section` its targets name, in their order
(`with_sections`, each section's id derived from its title, not its place); a target may
name a declared section by its id or by its name.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple

from plancli.errors import InputError
from plancli.file_types import PlanRule
from plancli.i18n import N_
from plancli.periods import parse_plan_period
from plancli.plain import KINDS, REFERENCE_KINDS
from plancli.plan_links import figures_of_problems
from plancli.safe import clip, shows_nothing

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_ID = re.compile(r"[a-z][a-z0-9_]*")  # model.ID_PATTERN
# A section's title as reports write the two `status` sets apart (assess.output's ids).
_KNOWN_TITLES = (
    ("headline", re.compile(r"^主要(?:预期)?(?:目标|指标)")),  # 主要预期目标 (附表1)
    ("investment", re.compile(r"投资.*(?:项目|计划)")),  # 2022年政府投资重点项目计划
)


def english_name(data: Any) -> Any:
    """A plan's, section's or target's table with `name_en` its Chinese `name` where the file
    gives none (or one that shows nothing: blank, or only zero-width characters): every English
    screen then shows the Chinese name, and every JSON, CSV and xlsx output keeps a `name_en`
    that is text, never empty (docs/plans.md)."""
    if isinstance(data, dict):
        given = data.get("name_en")
        if given is None or (isinstance(given, str) and shows_nothing(given)):
            name = data.get("name")  # (none: `name` is the error, "" keeps it the only one)
            return {**data, "name_en": name if isinstance(name, str) else ""}
    return data


def with_sections(data: Any) -> Any:
    """The plan's tables with its sections: without `[[sections]]`, one section for each
    `section` its targets name, in the order they first name it (an id as written, 主要预期目标
    as `headline`, another title `section_` and a digest of it: `_derived_sections`); a target
    naming a declared section by its name, by its id."""
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        return data
    targets = data["targets"]
    sections = data.get("sections")
    if sections is None and "sections" not in data:
        sections = _derived_sections(targets)
        data = {**data, "sections": sections}
    if not isinstance(sections, list):
        return data
    ids = {s.get("id") for s in sections if isinstance(s, dict)}
    titled: dict[str, list[Any]] = {}
    for section in sections:
        if isinstance(section, dict) and isinstance(section.get("name"), str):
            titled.setdefault(section["name"].strip(), []).append(section.get("id"))
    # a name two sections have is neither's: the target is told to give the id (_problems)
    by_name = {name: found[0] for name, found in titled.items() if len(found) == 1}
    renamed = None
    for index, target in enumerate(targets):
        named = target.get("section") if isinstance(target, dict) else None
        if isinstance(named, str) and named not in ids and named.strip() in by_name:
            renamed = renamed if renamed is not None else list(targets)
            renamed[index] = {**target, "section": by_name[named.strip()]}
    return data if renamed is None else {**data, "targets": renamed}


def _derived_sections(targets: list[Any]) -> list[dict[str, str]]:
    """One section for each `section` the targets name, in the order they first name it. Its
    id is derived from its text alone, never from its place, so moving a target or adding a
    section renames no other section (session 30: `section_N`, N its place in that order, was
    renamed by any edit that moved a target, and with it the `section` of every JSON, CSV and
    xlsx output): an id as written; 主要预期目标 `headline`, a government-investment title
    `investment`; any other title `section_` and the start of its name's SHA-256. A title whose
    id a target writes (主要预期目标 beside `section = "headline"`) is that same section."""
    named: dict[str, None] = {}  # (in order; a list's `in` took 89 s for 50,000 sections)
    for target in targets:
        section = target.get("section") if isinstance(target, dict) else None
        if isinstance(section, str) and section.strip():
            named.setdefault(section.strip())
    titles = [name for name in named if not _ID.fullmatch(name)]
    ids = {name: name for name in named if _ID.fullmatch(name)}
    for known, pattern in _KNOWN_TITLES:  # the title most like the report's has the known id
        matching = [title for title in titles if pattern.search(title)]
        if matching:
            ids[min(matching, key=lambda title: (title != _HEADLINE_TITLE, title))] = known
    hashed = {title: _hashed_id(title, 6) for title in titles if title not in ids}
    count = Counter(hashed.values())
    for title, section_id in hashed.items():  # two titles of one id (1 in 16 million): longer
        ids[title] = _hashed_id(title, 16) if count[section_id] > 1 else section_id
    sections: dict[str, dict[str, str]] = {}
    for name in named:
        section = sections.setdefault(ids[name], {"id": ids[name], "name": name})
        if section["name"] == section["id"]:  # written as its id: the title names it
            section["name"] = name
    return list(sections.values())


_HEADLINE_TITLE = "主要预期目标"


def _hashed_id(title: str, digits: int) -> str:
    from hashlib import sha256

    return f"section_{sha256(title.encode('utf-8')).hexdigest()[:digits]}"


def every_error(errors: list[Any], parsed: dict[str, Any]) -> list[Any]:
    """A plan file's errors (pydantic's, `errors`), then every rule across targets broken,
    checked on the file as read (`parsed`): found in this run, not in the next once the
    targets validate (audit W D14)."""
    read = raw_targets(parsed)
    if read is None:
        return errors
    meta = parsed.get("plan")
    rules = reference_problems(meta.get("year") if isinstance(meta, dict) else None, *read)
    listed = {str(rule) for rule in rules}
    own = [  # the first rule across targets `Plan` found is one of `rules`
        error
        for error in errors
        if error["loc"] != () or str((error.get("ctx") or {}).get("error")) not in listed
    ]
    across = [{"type": "value_error", "loc": (), "msg": str(r), "ctx": {"error": r}} for r in rules]
    return own + across


# The key a rule across targets is about, by the field naming its value.
_RULE_KEYS = (
    ("figures_of", "figures_of"),
    ("reference", "reference"),
    ("part", "parts"),
    ("cycle", "parts"),
    ("section", "section"),
)


def rule_about(error: Any, english: str) -> tuple[str, str] | None:
    """The id a rule across targets is about and its table (`targets`, `sections`), from the
    rule's own fields: an id that is no id (`GDP growth`) too, which a pattern of the English
    message missed, leaving the error with no line."""
    rule = (error.get("ctx") or {}).get("error")
    if not isinstance(rule, PlanRule):
        named = re.match(r"target (\w+):|duplicate (\w+) id '(\w+)'", english)
        if named is None:
            return None
        table = "sections" if named.group(2) == "section" else "targets"
        return named.group(1) or named.group(3), table
    if "section id" in rule.msgid and isinstance(rule.fields.get("item"), str):
        return str(rule.fields["item"]), "sections"
    item = rule.fields.get("item") if "target id" in rule.msgid else rule.fields.get("id")
    return (item, "targets") if isinstance(item, str) else None


def rule_line(error: Any, text: str, id_at: int) -> int | None:
    """The line of the key a rule across targets is about (`reference = "gpd"`) in the
    target whose `id = …` is at `id_at` of the plan's `text`; None for another error."""
    rule = (error.get("ctx") or {}).get("error")
    if not isinstance(rule, PlanRule):
        return None
    keys = [key for field, key in _RULE_KEYS if field in rule.fields]
    key = keys[0] if keys else "due" if "due" in rule.msgid else None
    if key is None:
        return None
    header = re.compile(r"^[ \t]*\[", re.MULTILINE)
    starts = [m.start() for m in header.finditer(text, 0, id_at)]
    start = starts[-1] if starts else 0
    after = header.search(text, id_at)
    found = re.compile(rf"^[ \t]*{key}[ \t]*=", re.MULTILINE).search(
        text, start, after.start() if after else len(text)
    )
    return text.count("\n", 0, found.start()) + 1 if found else None


class _IdList(tuple[str, ...]):
    """Ids in a sentence: `a, b` in English, `a、b` in Chinese (`str` at the English message
    PlanRule builds; the translated one joins them with `i18n.join_list`)."""

    def __str__(self) -> str:
        return ", ".join(self)


class RawTarget(NamedTuple):
    """A target's fields the rules across targets read, as the file gives them."""

    id: str
    section: object
    kind: object
    unit: object
    parts: list[str]
    reference: object
    due: object
    figures_of: object = None


def raw_targets(data: Any) -> tuple[list[str], list[RawTarget], list[object]] | None:
    """The section ids and the targets of a plan file as read (after `with_sections`), for
    the rules across targets; None where the file has no list of targets to check."""
    data = with_sections(data)
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        return None
    sections = data.get("sections")
    declared = [s for s in (sections if isinstance(sections, list) else []) if _has_id(s)]
    section_ids, names = [s["id"] for s in declared], [s.get("name") for s in declared]
    targets = []
    for item in data["targets"]:
        if not _has_id(item):
            continue
        parts = item.get("parts", [])
        targets.append(
            RawTarget(
                item["id"],
                item.get("section"),
                item.get("kind"),
                item.get("unit"),
                [p for p in parts if isinstance(p, str)] if isinstance(parts, list) else [],
                item.get("reference"),
                item.get("due"),
                item.get("figures_of"),
            )
        )
    return section_ids, targets, names


def _has_id(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str)


def reference_problems(
    year: object,
    section_ids: Sequence[str],
    targets: Sequence[Any],
    names: Sequence[object] = (),
    every: bool = True,
) -> list[PlanRule]:
    """The rules across targets broken, in the plan's order (the first only, unless `every`):
    `targets` are models or `RawTarget`s, `names` the sections' names beside their ids; a
    field of another type is left to its own error."""
    problems: list[PlanRule] = []
    for rule in _problems(year, section_ids, targets, names):
        problems.append(rule)
        if not every:
            break
    return problems


def _problems(
    year: object, section_ids: Sequence[str], targets: Sequence[Any], names: Sequence[object]
) -> Iterable[PlanRule]:
    yield from _duplicates(N_("duplicate section id {item!r}"), section_ids)
    ids = [t.id for t in targets]
    twice = list(_duplicates(N_("duplicate target id {item!r}"), ids))
    yield from twice
    known_sections, by_id = set(section_ids), {t.id: t for t in targets}
    for rule in twice:  # which of the two a part or a reference means is not known
        by_id.pop(str(rule.fields["item"]), None)
    ids_given = set(ids)
    for target in targets:
        if isinstance(target.section, str) and target.section not in known_sections:
            yield _section_problem(target, section_ids, names)
        yield from _part_problems(target, by_id, ids_given)
        # (a reference on another kind is its own error: `reference` is only for relative)
        if isinstance(target.reference, str) and target.kind == "relative":
            ref = by_id.get(target.reference)
            if ref is None and target.reference in ids_given:
                pass  # an id given twice: said above
            elif ref is None:
                yield _unknown(
                    N_("target {id}: unknown reference {reference!r}"),
                    N_("target {id}: unknown reference {reference!r} (did you mean {meant}?)"),
                    by_id,
                    id=target.id,
                    reference=target.reference,
                )
            elif ref.kind not in REFERENCE_KINDS and ref.kind in KINDS:
                yield PlanRule(
                    N_(
                        "target {id}: reference {reference!r} is a {kind} target; a "
                        "relation compares with a growth, relative or indicator one"
                    ),
                    id=target.id,
                    reference=target.reference,
                    kind=ref.kind,
                )
            elif ref.id == target.id:
                # (`reference` named: the error is at its line, rule_line)
                yield PlanRule(
                    N_("target {id}: refers to itself"), id=target.id, reference=target.reference
                )
        if isinstance(target.figures_of, str):
            yield from figures_of_problems(target, by_id, ids_given, _unknown)
        if isinstance(target.due, str) and type(year) is int:
            yield from _due_problems(target, year)
    yield from _part_cycles(targets, by_id)


def _section_problem(target: Any, section_ids: Sequence[str], names: Sequence[object]) -> PlanRule:
    """A target's `section` naming no section: blank, a name two sections share, or unknown."""
    if not target.section.strip():
        return PlanRule(
            N_(
                "target {id}: section is blank: write the title of its section "
                "(主要预期目标) or its id"
            ),
            id=target.id,
            section=target.section,
        )
    named = _IdList(
        i
        for i, name in zip(section_ids, names, strict=False)
        if isinstance(name, str) and name.strip() == target.section.strip() and _ID.fullmatch(i)
    )
    if len(named) > 1:
        return PlanRule(
            N_(
                "target {id}: section {section!r} is the name of more than one section "
                "({known}): give its id"
            ),
            id=target.id,
            section=target.section,
            known=named,
        )
    # (a tuple: joined in the reader's language, 、 in Chinese, plan_messages._clipped)
    known = _IdList(i for i in section_ids[:10] if _ID.fullmatch(i)) or _IdList("—")
    return PlanRule(
        N_(
            "target {id}: unknown section {section!r}; the [[sections]] are {known}: "
            "give one's id or name, or add a [[sections]] table with id and name"
        ),
        id=target.id,
        section=target.section,
        known=known,
    )


def _part_problems(target: Any, by_id: dict[str, Any], ids: set[str]) -> Iterable[PlanRule]:
    for part in target.parts:
        if part not in by_id and part in ids:
            continue  # an id given twice: said as such
        if part not in by_id:
            yield _unknown(
                N_("target {id}: unknown part {part!r}"),
                N_("target {id}: unknown part {part!r} (did you mean {meant}?)"),
                by_id,
                id=target.id,
                part=part,
            )
        elif part == target.id:
            # (`part` named: at the line of `parts =`; not a cycle of one too, _part_cycles)
            yield PlanRule(N_("target {id}: lists itself as a part"), id=target.id, part=part)
        elif _differ(by_id[part], target):
            yield PlanRule(
                N_("target {id}: part {part!r} has another kind or unit"),
                id=target.id,
                part=part,
            )


def _differ(part: Any, target: Any) -> bool:
    """A part of another kind or unit than its roll-up's: a kind or unit that is no kind or
    no text is its own error, not this one too (`kind = "cumulativ"`: mended, it is none)."""
    if part.kind in KINDS and target.kind in KINDS and part.kind != target.kind:
        return True
    return isinstance(part.unit, str) and isinstance(target.unit, str) and part.unit != target.unit


def _unknown(message: str, close: str, by_id: dict[str, Any], **fields: str) -> PlanRule:
    """An id naming no target, with the target's id it is closest to, if one is (gpd: gdp)."""
    import difflib

    named = fields.get("reference", fields.get("part", fields.get("figures_of", "")))
    # never the target itself, nor a part it already lists (invest_b is not invest_total)
    taken = {fields.get("id"), *getattr(by_id.get(fields.get("id", "")), "parts", ())}
    ids = [i for i in by_id if i not in taken and len(i) <= 60 and _ID.fullmatch(i)]
    meant = difflib.get_close_matches(named, ids, 1, 0.6)
    if meant:
        return PlanRule(close, meant=meant[0], **fields)
    return PlanRule(message, **fields)


def _due_problems(target: Any, year: int) -> Iterable[PlanRule]:
    """A milestone's due period parses and lies in the plan year (checked at load, not at use)."""
    if target.kind != "milestone":
        if target.kind in KINDS:  # (a misspelt kind is its own error: mended, it may be one)
            yield PlanRule(N_("target {id}: `due` is only for milestones"), id=target.id)
        return
    try:
        parse_plan_period(target.due, year)
    except InputError as exc:
        yield PlanRule(N_("target {id}: due: {problem}"), id=target.id, problem=str(exc))


def _part_cycles(targets: Sequence[Any], by_id: dict[str, Any]) -> Iterable[PlanRule]:
    """Roll-ups sum their parts, so a part may not contain (directly or not) its roll-up: each
    cycle once, named from the first target on it. Walked with a stack of its own, not by
    recursion: a chain of 1,200 roll-ups (t0 ← t1 ← …) stopped every command with a
    RecursionError, exit 70 (session 30)."""
    done: set[str] = set()
    found: list[PlanRule] = []
    for target in targets:
        if target.id in done or target.id not in by_id:
            continue
        done.add(target.id)  # (before its parts: a cycle is named once)
        path, at = [target.id], {target.id: 0}  # the walk's targets, and where each is on it
        walks = [iter(by_id[target.id].parts)]
        while walks:
            part = next(walks[-1], None)
            if part is None:  # every part of path[-1] walked
                walks.pop()
                del at[path.pop()]
            elif part in at:
                if path[-1] == part:
                    continue  # a part that is its roll-up: "lists itself as a part" says it
                on_it = [*path[at[part] :], part]
                # ids as read (any text, any length), and a cycle of thousands: one line
                cycle = clip(" → ".join(clip(i) for i in on_it), 240)
                found.append(
                    PlanRule(
                        N_("target {id}: its parts form a cycle ({cycle})"),
                        id=part,
                        cycle=cycle,
                    )
                )
            elif part not in done and part in by_id:
                done.add(part)
                at[part] = len(path)
                path.append(part)
                walks.append(iter(by_id[part].parts))
    return found


def _duplicates(message: str, ids: Iterable[str]) -> Iterable[PlanRule]:
    seen: set[str] = set()
    told: set[str] = set()  # (an id three times was told twice, each naming every line)
    for item in ids:
        if item in seen and item not in told:
            told.add(item)
            yield PlanRule(message, item=item)
        seen.add(item)
