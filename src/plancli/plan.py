"""Loading plans: bundled ones by id, others by path; validation and its warnings.

Every failure becomes a `PlanFileError` naming the file and line (TOML syntax) or the target
id and field (validation), so the CLI can print one line and exit 3.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from plancli import plain
from plancli.errors import InputError, PlanError, PlanFileError, PlanProblem
from plancli.i18n import N_, _, colon_join, join_list
from plancli.locations import resolve_plan
from plancli.name_keys import fold_name
from plancli.paths import read_bytes
from plancli.plain import KINDS
from plancli.plan_messages import (
    LISTED_ERRORS,
    _validation_message,
    ordered_errors,
    plan_file_error,
)
from plancli.safe import Clipped, clip, clip_path
from plancli.toml_lines import id_offsets, line_of_item

if TYPE_CHECKING:  # Pydantic is imported where a plan is validated, not by read commands
    import tomli
    from pydantic import ValidationError

    from plancli.model import Plan, Target


def read_toml(
    path: Path, error: type[PlanError] = PlanFileError, what: str = N_("the plan")
) -> tuple[dict[str, Any], str]:
    """Read a TOML file with exact decimals; return the data and the text (for line lookups):
    only a regular file is read (`paths.read_bytes`: a FIFO or a device is refused, never
    opened blocking); its newlines are read as text mode reads them (CRLF and CR are LF)."""
    return parse_toml(read_bytes(path, what, error), path, error)


def parse_toml(
    data: bytes, path: Path, error: type[PlanError] = PlanFileError
) -> tuple[dict[str, Any], str]:
    """`read_toml` of bytes already read from `path`."""
    import tomli  # 3x faster than tomllib (compiled); see ledger.py. Not needed on a warm run.

    shown = clip_path(path)  # as messages name the file

    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        from plancli.errors import decode_reason
        from plancli.toml_reasons import other_encoding

        if (named := other_encoding(data, path)) is not None:  # Notepad's "Unicode", "ANSI"
            raise error(named) from None
        raise error(
            _("{file}: not UTF-8 text ({reason} at byte {position})").format(
                file=shown,
                reason=decode_reason(exc),
                position=exc.start + 3 * data.startswith(b"\xef\xbb\xbf"),
            )
        ) from None
    try:
        parsed = tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as exc:
        raise error(
            _("{file}:{line}: invalid TOML: {reason}").format(
                file=shown, line=_toml_error_line(exc, text), reason=_toml_reason(exc, text)
            )
        ) from None
    # Valid TOML that Python cannot hold: tomli lets these through (issue 14).
    except ValueError:  # int(): more digits than sys.get_int_max_str_digits()
        where = _line_of_match(text, rf"[0-9_]{{{_MAX_INT_DIGITS},}}")
        raise error(
            _("{file}{where}: invalid TOML: an integer of more than {digits} digits").format(
                file=shown, where=where, digits=_MAX_INT_DIGITS
            )
        ) from None
    except ArithmeticError:  # Decimal(): an exponent beyond what a decimal can hold
        where = _line_of_match(text, r"[eE][+-]?[0-9_]{16,}")
        message = _("{file}{where}: invalid TOML: a number too large to read")
        raise error(message.format(file=shown, where=where)) from None
    except RecursionError:
        raise error(
            _("{file}: invalid TOML: arrays or tables nested too deeply").format(file=shown)
        ) from None
    huge = _huge_integer(parsed)
    if huge is not None:
        # Valid TOML, and a Decimal holds it, but Pydantic's integer check expands
        # `year = 2022e99999999` to an integer of 10^8 digits: minutes of CPU for one line.
        # Figures (min, value…) are checked by their own rules, which name the target.
        where = _line_of_match(text, rf"(?m)^\s*{huge}\s*=.*[eE][+-]?0*[0-9]{{4,}}")
        raise error(
            _(
                "{file}{where}: invalid TOML: {field}: a whole number with an exponent beyond "
                "{limit}"
            ).format(file=shown, where=where, field=huge, limit=_MAX_EXPONENT)
        )
    return parsed, text


# The whole-number fields of plans and ledgers; no count or year is beyond 10^1000.
_INTEGER_KEYS = frozenset({"year", "total", "continuing", "new", "version"})
_MAX_EXPONENT = 1000


def _huge_integer(value: object) -> str | None:
    """The key of a whole-number field given with an exponent beyond ±1000, if any."""
    if isinstance(value, dict):
        for key, item in value.items():
            if (
                key in _INTEGER_KEYS
                and isinstance(item, Decimal)
                and item.is_finite()
                and abs(item.adjusted()) > _MAX_EXPONENT
            ):
                return str(key)
            found = _huge_integer(item)
            if found is not None:
                return found
    elif isinstance(value, list):
        for item in value:
            found = _huge_integer(item)
            if found is not None:
                return found
    return None


# Python refuses to read integers longer than this (CVE-2020-10735); no figure comes close.
_MAX_INT_DIGITS = 4300


def _line_of_match(text: str, pattern: str) -> str:
    """`:LINE` of the first match of `pattern` in `text`, or "" when it is not found."""
    match = re.search(pattern, text)
    return f":{text.count(chr(10), 0, match.start()) + 1}" if match else ""


def _toml_error_line(exc: tomli.TOMLDecodeError, text: str) -> str:
    """LINE:COLUMN of the error. tomli says "at end of document" for an error at the end (a
    list left open on the last line): that is the end of the last line holding text."""
    match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if match:
        return f"{match.group(1)}:{match.group(2)}"
    pos = getattr(exc, "pos", None)
    if not isinstance(pos, int) or pos < 0:
        return "?"
    before = text[:pos].rstrip()
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def _toml_reason(exc: tomli.TOMLDecodeError, text: str) -> str:
    from plancli.toml_reasons import toml_hint, toml_reason

    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
    return toml_reason(reason) + toml_hint(text, getattr(exc, "pos", -1))


def load_plan(ref: str | None = None) -> Plan:
    return load_plan_file(resolve_plan(ref).path)


def load_plan_file(path: Path) -> Plan:
    """The plan at `path`, validated: the Pydantic models, for commands that write (record,
    import, amend) and for `validate`. A plan whose compiled form is kept (`compiled.py`) is
    validated from it, which skips parsing the TOML (most of the time a large plan takes)."""
    from plancli.compiled import compile_plan, keep_compiled, model_data, plan_key, read_compiled
    from plancli.model import Plan

    data = read_bytes(path, "the plan", PlanFileError)
    key = plan_key(data)
    compiled = read_compiled(path, key)
    if compiled is not None:
        try:
            return Plan.model_validate(model_data(compiled))
        except ValueError:  # a ValidationError: not one this code wrote; validate the file
            pass
    plan = _validate(path, data)
    keep_compiled(path, key, compile_plan(plan))
    return plan


def load_plain_plan(path: Path) -> plain.Plan:
    """The plan at `path` for read commands, as plain data (`plain.py`): built from its
    compiled form when one is kept for these bytes, without importing Pydantic; else validated
    by the models (errors as `load_plan_file` reports them), compiled and kept."""
    from plancli.compiled import (
        ASIDE_BYTES,
        compile_aside,
        compile_plan,
        keep_compiled,
        plan_from_compiled,
        plan_key,
        read_compiled,
    )

    data = read_bytes(path, "the plan", PlanFileError)
    key = plan_key(data)
    compiled = read_compiled(path, key)
    if compiled is None and len(data) >= ASIDE_BYTES:
        compiled = compile_aside(path, key)

    def validated() -> dict[str, Any]:
        fresh = compile_plan(_validate(path, data))
        keep_compiled(path, key, fresh)
        return fresh

    if compiled is not None:
        try:  # its targets built when used: should one not build, from the file
            return plan_from_compiled(compiled, lambda: plan_from_compiled(validated()).targets)
        except (KeyError, TypeError, ValueError, ArithmeticError):  # not one this code wrote
            pass
    return plan_from_compiled(validated())


def _validate(path: Path, data: bytes) -> Plan:
    """The plan file's bytes parsed and validated by the models; PlanFileError naming the line
    and the target otherwise."""
    from pydantic import ValidationError

    from plancli.ledger_as_plan import refuse_ledger
    from plancli.model import FROM_FILE, Plan
    from plancli.plan_refs import every_error

    parsed, text = refuse_ledger(*parse_toml(data, path), path)
    try:  # (`min = "7"` is text, not the figure 7: `file_types`)
        return Plan.model_validate(parsed, strict=True, context=FROM_FILE)
    except ValidationError as exc:
        shown = clip_path(path)
        errors = every_error(ordered_errors(exc), parsed)
        located = [PlanProblem(*_located(e, parsed, text)) for e in errors[:LISTED_ERRORS]]
        raise plan_file_error(located, len(errors), shown) from None


def describe_validation_error(
    exc: ValidationError, data: dict[str, Any], text: str, file: str = ""
) -> str:
    """First error as `FILE: line N: target ID: field: message` (+ N more); `FILE:N：…` in zh."""
    errors = ordered_errors(exc)
    return str(plan_file_error([PlanProblem(*_located(errors[0], data, text))], len(errors), file))


def _located(
    first: Any, data: dict[str, Any], text: str
) -> tuple[int | None, str, str | None, str]:
    """One pydantic error as (line, where, target id, `field: message`)."""
    loc = list(first["loc"])
    where = ""
    line: int | None = None
    item_id = None
    loc_table = None
    if len(loc) >= 2 and loc[0] in ("targets", "sections") and isinstance(loc[1], int):
        items = data.get(str(loc[0]), [])
        item = items[loc[1]] if loc[1] < len(items) else {}
        item_id = item.get("id") if isinstance(item, dict) else None
        if loc[0] == "targets":
            where = (
                _("target {id}").format(id=Clipped(str(item_id)))
                if item_id
                else _("target #{n}").format(n=loc[1] + 1)
            )
        else:
            where = (
                _("section {id}").format(id=Clipped(str(item_id)))
                if item_id
                else _("section #{n}").format(n=loc[1] + 1)
            )
        line = line_of_item(text, str(loc[0]), loc[1], loc[2] if len(loc) > 2 else None)
        loc_table, loc = loc[0], loc[2:]
    elif len(loc) >= 2 and loc[0] == "plan":  # [plan]: the key's line, else the table's
        line = line_of_item(text, "plan", None, loc[1])
    field = ".".join(str(part) for part in loc)
    english = first["msg"].removeprefix("Value error, ")
    message = _validation_message(first, english, field)
    from plancli.plan_refs import rule_about

    named = rule_about(first, english)
    if line is None and named:  # a plan-wide rule about one target: point at its (last) id
        item_id, table = named
        ids = id_offsets(data.get(table), text, table, item_id)
        line = text.count("\n", 0, ids[-1]) + 1 if ids else None
        if ids:  # the key the rule is about, where the target has it (`reference = "gpd"`)
            from plancli.plan_refs import rule_line

            line = rule_line(first, text, ids[-1]) or line
        if len(ids) > 1:  # an id given twice: the line of each (`GDP growth` had none)
            lines = [text.count("\n", 0, at) + 1 for at in ids[:-1]]
            n = ", ".join(map(str, lines))
            message = _("{message} (also at line {n})").format(message=message, n=n)
    target = item_id if loc_table == "targets" else named[0] if named else None
    shown = clip(field) if field else field  # an unknown key of 100,000 characters: 60
    return line, where, target, colon_join(shown, message)


@overload
def find_target(plan: plain.Plan, target_id: str) -> plain.Target: ...
@overload
def find_target(plan: Plan, target_id: str) -> Target: ...
def find_target(plan: plain.AnyPlan, target_id: str) -> plain.AnyTarget:
    """The target of that id, or an InputError suggesting close ids."""
    target = plan.target(target_id)
    if target is None:
        raise InputError(unknown_target_message(plan, target_id))
    return target


def repeated_header(text: str) -> bool:
    """Is a target cell the target column's header (`target`, `指标`): a header row repeated,
    as in two departments' CSV files pasted into one (audit W D10)?"""
    from plancli.bulletin import HEADERS, header_key

    return len(text) < 20 and HEADERS.get(header_key(text)) == "target"


def bulletin_ids(plan: plain.AnyPlan, text: str) -> list[str]:
    """The ids of the targets a bulletin's row naming `text` is read as (`bulletin_names`: the
    plan's name or alias, a shared indicator's name, folded as `name_keys.name_key` folds them,
    the plan's own place before it read past): PM_2.5年均浓度 and 细颗粒物（PM2.5）年均浓度 are
    北京's pm25 (细颗粒物年均浓度), as an import reads them (session 43: the command line's
    hint compared the exact names, and offered pm25 as a close id for its own name)."""
    from plancli.bulletin_names import names_index
    from plancli.name_keys import name_key
    from plancli.place_names import own_place_rest

    index = names_index(plan)
    key = name_key(text.strip())
    ids = index.get(key)
    if not ids and (rest := own_place_rest(plan, key)) is not None:
        ids = index.get(name_key(rest))
    return list(ids or [])


def unknown_target_message(plan: plain.AnyPlan, target_id: str) -> str:
    if not target_id.isascii():
        named = set(bulletin_ids(plan, target_id))
        if len(named) == 1:  # the name typed right, as `import` takes it
            return _(
                "{name!r} is the name of target {id}; on the command line, give its id: {id}"
            ).format(name=target_id, id=named.pop())
        if len(named) > 1:  # two targets of one name (a copy-paste slip: audit W D8)
            ids = [t.id for t in plan.targets if t.id in named]  # in the plan's order
            return _("target name {name} fits {count} targets ({ids}); give the id instead").format(
                name=clip(target_id.strip(), quote=True), count=len(ids), ids=join_list(ids)
            )
    if repeated_header(target_id):
        return _(
            "{id} is the target column's header: a header row repeated (two files pasted "
            "together?); delete the row"
        ).format(id=clip(target_id, quote=True))
    close = [shown for _id, shown in close_targets(plan, target_id)]
    # A name is echoed cut short: a cell may hold 32,767 characters (60 KB of stderr a row).
    shown = clip(target_id, quote=True)
    if close:
        return _("unknown target {id} in plan {plan}; did you mean {ids}?").format(
            id=shown, plan=plan.plan.id, ids=join_list(close)
        )
    if not target_id.isascii():  # close, but another scope's statistic (城镇居民 vs 居民)
        from plancli.name_qualifiers import close_names
        from plancli.place_names import other_message

        if elsewhere := other_message(plan, target_id):  # 浦东新区生产总值 in 上海's plan
            return elsewhere  # (never offered as its 全市生产总值: `close_names`)
        if other := [text for _id, text in close_names(plan, target_id)[1]]:
            return _(
                "unknown target {id} in plan {plan}; not the same statistic (a scope word "
                "such as 城镇, 农村 or 规上 differs): {ids}; see `plancli targets`"
            ).format(id=shown, plan=plan.plan.id, ids=join_list(other))
    return _("unknown target {id} in plan {plan}; see `plancli targets`").format(
        id=shown, plan=plan.plan.id
    )


def close_targets(plan: plain.AnyPlan, target_id: str) -> list[tuple[str, str]]:
    """(id, as shown) of the targets, at most three, closest to an unknown id, or to an unknown
    name (`城镇调查失业率` → 城镇登记失业率 (unemployment_rate)): the suggestions of a refusal."""
    ids = [t.id for t in plan.targets]
    if target_id.isascii():
        close = close_words(target_id, ids, 3)
        if not close:  # e.g. `5g` for `new_5g_base_stations`
            lowered = target_id.lower()  # (once, not once an id)
            close = [i for i in ids if target_id and lowered in i][:3]
        return [(i, i) for i in close]
    # A Chinese name (an import names targets as the bulletin does): the closest names of
    # the same scope (城镇居民 is not 居民: name_qualifiers).
    from plancli.name_qualifiers import close_names

    return close_names(plan, target_id)[0]


def close_words(word: str, choices: list[str], n: int) -> list[str]:
    """difflib's close matches (cutoff 0.5), among the choices `word` can be near: a ratio of
    0.5 needs the longer at most three times the shorter, and difflib indexes `word` before
    comparing (a 30,000-character cell's id took 0.13 s a row: session 31)."""
    import difflib

    near = [c for c in choices if len(word) <= 3 * len(c) and len(c) <= 3 * len(word)]
    return difflib.get_close_matches(word, near, n=n, cutoff=0.5) if near else []


def filter_targets(
    plan: plain.Plan,
    section: str | None = None,
    kind: str | None = None,
    search: str | None = None,
) -> list[plain.Target]:
    """Targets of a section and kind whose id, Chinese or English name, alias or name in the
    bulletins (`indicator_names`: 能耗 finds 天津's 节能指标) contains `search`."""
    from plancli.indicator_names import searched_names

    section, kind = check_filter(plan, section, kind)
    needle = fold_name(search) if search else None
    return [
        target
        for target in plan.targets
        if (section is None or target.section == section)
        and (kind is None or target.kind == kind)
        and (
            needle is None
            or needle in target.id
            or any(needle in fold_name(name) for name in searched_names(target))
        )
    ]


def check_filter(
    plan: plain.Plan, section: str | None, kind: str | None
) -> tuple[str | None, str | None]:
    """The section's id, given by id or by the name the tables show (主要预期目标), and the
    kind's, given by id or by the word the tables show (增速, as `targets` and `show` print
    it); an unknown section or kind, said (`filter_targets`)."""
    from plancli.i18n import LANGS, join_list, language, t

    words = {t(f"kind.{k}", lang).casefold(): k for k in KINDS for lang in LANGS}
    if kind is not None and (kind := words.get(kind.strip().casefold(), kind)) not in KINDS:
        zh = language() == "zh"
        known = join_list(f"{k}（{t(f'kind.{k}', 'zh')}）" if zh else k for k in KINDS)
        raise InputError(
            _("unknown kind {kind!r}; kinds are: {known}").format(kind=Clipped(kind), known=known)
        )
    if section is not None and plan.section(section) is None:
        named = [s.id for s in plan.sections if section.strip() in (s.name, s.name_en)]
        if len(named) == 1:
            return check_filter(plan, named[0], kind)
        zh = language() == "zh"
        # (the plan's titles clipped: a 100,000-character one is one line)
        known = join_list(
            f"{s.id}（{clip(s.name)}）"
            if zh
            # (a derived id, a digest, says nothing of which section it is: its title does)
            else f"{s.id} ({clip(s.name_en or s.name)})"
            if re.fullmatch(r"section_(?:[0-9a-f]{6}|[0-9a-f]{16})", s.id)
            else s.id
            for s in plan.sections
        )
        raise InputError(
            _("unknown section {section!r}; sections are: {known}").format(
                section=Clipped(section), known=known
            )
        )
    return section, kind


class BundledPlan(NamedTuple):
    """One line of `plancli plans`: a bundled plan as its file says, without validating it."""

    id: str
    name: str
    name_en: str
    year: int
    targets: int
    path: Path


def bundled_catalog() -> list[BundledPlan]:
    """The bundled plans, read (not validated: `plancli --plan ID validate` does that)."""
    from plancli.locations import bundled_plans

    catalog = []
    for plan_id, path in bundled_plans().items():
        data, _text = read_toml(path)
        meta = data.get("plan", {})
        catalog.append(
            BundledPlan(
                id=plan_id,
                name=str(meta.get("name", "")),
                name_en=str(meta.get("name_en") or meta.get("name", "")),  # (as `Plan` reads)
                year=int(meta.get("year", 0)),
                targets=len(data.get("targets", [])),
                path=path,
            )
        )
    return catalog
