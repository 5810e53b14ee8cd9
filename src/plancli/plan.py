"""Loading plans: bundled ones by id, others by path; validation and its warnings.

Every failure becomes a `PlanFileError` naming the file and line (TOML syntax) or the target
id and field (validation), so the CLI can print one line and exit 3.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import tomli  # 3x faster than tomllib (compiled); see ledger.py
from pydantic import ValidationError

from plancli.cache import entry_path, fingerprint, read_entry, write_entry
from plancli.errors import InputError, PlanError, PlanFileError
from plancli.fmt import num
from plancli.i18n import N_, _, ngettext
from plancli.locations import resolve_plan
from plancli.model import KINDS, Plan, Target
from plancli.paths import read_bytes


def read_toml(
    path: Path, error: type[PlanError] = PlanFileError, what: str = N_("the plan")
) -> tuple[dict[str, Any], str]:
    """Read a TOML file with exact decimals; return the data and the text (for line lookups).

    Only a regular file is read (`paths.read_bytes`: a FIFO or a device is refused, never
    opened blocking); its newlines are read as text mode reads them (CRLF and CR are LF)."""
    data = read_bytes(path, what, error)
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise error(
            _("{file}: not UTF-8 text ({reason} at byte {position})").format(
                file=path, reason=exc.reason, position=exc.start
            )
        ) from None
    try:
        return tomli.loads(text, parse_float=Decimal), text
    except tomli.TOMLDecodeError as exc:
        raise error(
            _("{file}:{line}: invalid TOML: {reason}").format(
                file=path, line=_toml_error_line(exc), reason=_toml_reason(exc)
            )
        ) from None
    # Valid TOML that Python cannot hold: tomli lets these through (issue 14).
    except ValueError:  # int(): more digits than sys.get_int_max_str_digits()
        where = _line_of_match(text, rf"[0-9_]{{{_MAX_INT_DIGITS},}}")
        raise error(
            f"{path}{where}: invalid TOML: an integer of more than {_MAX_INT_DIGITS} digits"
        ) from None
    except ArithmeticError:  # Decimal(): an exponent beyond what a decimal can hold
        where = _line_of_match(text, r"[eE][+-]?[0-9_]{16,}")
        raise error(f"{path}{where}: invalid TOML: a number too large to read") from None
    except RecursionError:
        raise error(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


# Python refuses to read integers longer than this (CVE-2020-10735); no figure comes close.
_MAX_INT_DIGITS = 4300


def _line_of_match(text: str, pattern: str) -> str:
    """`:LINE` of the first match of `pattern` in `text`, or "" when it is not found."""
    match = re.search(pattern, text)
    return f":{text.count(chr(10), 0, match.start()) + 1}" if match else ""


def _toml_error_line(exc: tomli.TOMLDecodeError) -> str:
    match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    return f"{match.group(1)}:{match.group(2)}" if match else "?"


def _toml_reason(exc: tomli.TOMLDecodeError) -> str:
    return re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))


def load_plan(ref: str | None = None) -> Plan:
    return load_plan_file(resolve_plan(ref).path)


def load_plan_file(path: Path) -> Plan:
    cache = _cache_entry(path)
    if cache is not None:
        cached = read_entry(*cache)
        if isinstance(cached, Plan):
            return cached
    data, text = read_toml(path)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError(f"{path}: {describe_validation_error(exc, data, text)}") from None
    if cache is not None:
        write_entry(*cache, plan)
    return plan


# ------------------------------------------------------------------------------ plan cache
# A plan file of a whole city (10,000 targets, 3 MB) takes 0.27 s to parse and validate at
# every command; unpickling the validated plan takes 0.06 s. Plans that large are kept in
# plancli's cache (see cache.py: used only while the file's bytes, plancli and Pydantic are
# unchanged). Smaller plans, such as the bundled ones (8 ms), are not worth a cache and never
# touch it.
CACHE_MIN_BYTES = 256 * 1024


def _cache_entry(path: Path) -> tuple[Path, bytes] | None:
    """Where a large plan's cache entry is, and the key it must carry to be used."""
    try:
        if path.stat().st_size < CACHE_MIN_BYTES:
            return None
        resolved = path.resolve()
        key = fingerprint([resolved], [], ["pydantic", "pydantic_core"])
    except OSError:
        return None  # unreadable: reading it for real reports why
    return entry_path("plans", str(resolved)), key


def describe_validation_error(exc: ValidationError, data: dict[str, Any], text: str) -> str:
    """First error as `line N: target ID: field: message` (+ how many more)."""
    first = exc.errors()[0]
    loc = list(first["loc"])
    where = ""
    line: int | None = None
    if len(loc) >= 2 and loc[0] in ("targets", "sections") and isinstance(loc[1], int):
        items = data.get(str(loc[0]), [])
        item = items[loc[1]] if loc[1] < len(items) else {}
        item_id = item.get("id") if isinstance(item, dict) else None
        if loc[0] == "targets":
            where = (
                _("target {id}").format(id=item_id)
                if item_id
                else _("target #{n}").format(n=loc[1] + 1)
            )
        else:
            where = (
                _("section {id}").format(id=item_id)
                if item_id
                else _("section #{n}").format(n=loc[1] + 1)
            )
        line = _line_of_item(text, str(loc[0]), loc[1], loc[2] if len(loc) > 2 else None)
        loc = loc[2:]
    field = ".".join(str(part) for part in loc)
    message = first["msg"].removeprefix("Value error, ")
    named = re.match(r"target (\w+):|duplicate \w+ id '(\w+)'", message)
    if line is None and named:  # a plan-wide rule about one target: point at its (last) id
        item_id = named.group(1) or named.group(2)
        ids = list(re.finditer(rf'^[ \t]*id[ \t]*=[ \t]*"{item_id}"', text, re.MULTILINE))
        line = text.count("\n", 0, ids[-1].start()) + 1 if ids else None
    parts = [p for p in (_("line {n}").format(n=line) if line else "", where, field) if p]
    more = len(exc.errors()) - 1
    suffix = (
        ngettext(" (and {n} more error)", " (and {n} more errors)", more).format(n=more)
        if more
        else ""
    )
    return ": ".join([*parts, message]) + suffix


def _line_of_item(text: str, table: str, index: int, field: object) -> int | None:
    """Line of `field = …` inside the index-th `[[table]]` entry, else of the entry's header."""
    headers = list(re.finditer(rf"^[ \t]*\[\[\s*{table}\s*\]\]", text, re.MULTILINE))
    if index >= len(headers):
        return None
    start = headers[index].start()
    block_end = re.compile(r"^[ \t]*\[", re.MULTILINE).search(text, headers[index].end())
    end = block_end.start() if block_end else len(text)
    if isinstance(field, str):
        key = re.compile(rf"^[ \t]*{re.escape(field)}[ \t]*=", re.MULTILINE).search(
            text, start, end
        )
        if key:
            start = key.start()
    return text.count("\n", 0, start) + 1


def find_target(plan: Plan, target_id: str) -> Target:
    """The target of that id, or an InputError suggesting close ids."""
    target = plan.target(target_id)
    if target is None:
        raise InputError(unknown_target_message(plan, target_id))
    return target


def unknown_target_message(plan: Plan, target_id: str) -> str:
    ids = [t.id for t in plan.targets]
    close = difflib.get_close_matches(target_id, ids, n=3, cutoff=0.5)
    if not close:  # e.g. `5g` for `new_5g_base_stations`
        close = [i for i in ids if target_id and target_id.lower() in i][:3]
    if close:
        return _("unknown target {id!r} in plan {plan}; did you mean {ids}?").format(
            id=target_id, plan=plan.plan.id, ids=", ".join(close)
        )
    return _("unknown target {id!r} in plan {plan}; see `plancli targets`").format(
        id=target_id, plan=plan.plan.id
    )


# ---------------------------------------------------------------------------- validation


@dataclass(frozen=True, slots=True)
class Finding:
    """A validation warning: the plan loads, but something deserves a look."""

    level: Literal["warning"]
    code: str
    target: str | None
    message: str


def check_plan(plan: Plan, report_text: str | None = None) -> list[Finding]:
    """Warnings about a valid plan: roll-ups that do not add up, quotes missing or not found."""
    findings: list[Finding] = []
    by_id = {t.id: t for t in plan.targets}
    for target in plan.targets:
        if target.parts:
            findings.extend(_rollup_findings(target, [by_id[p] for p in target.parts]))
        if target.quote is None:
            findings.append(
                Finding(
                    "warning",
                    "no_quote",
                    target.id,
                    _("no quote: cannot be traced to the report"),
                )
            )
        elif report_text is not None and _normalise(target.quote) not in _normalise(report_text):
            findings.append(
                Finding(
                    "warning",
                    "quote_not_found",
                    target.id,
                    _("quote not found in the report: {quote!r}").format(quote=target.quote),
                )
            )
    return findings


def _rollup_findings(target: Target, parts: list[Target]) -> list[Finding]:
    findings = []
    for bound in ("min", "max"):
        own = getattr(target, bound)
        values = [getattr(p, bound) for p in parts]
        if own is None or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))
        if total != own:
            findings.append(
                Finding(
                    "warning",
                    "rollup_mismatch",
                    target.id,
                    _("{bound} {own} ≠ {total}, the sum of its parts ({parts})").format(
                        bound=bound,
                        own=num(own),
                        total=num(total),
                        parts=", ".join(p.id for p in parts),
                    ),
                )
            )
    if target.projects is not None and all(p.projects is not None for p in parts):
        for field in ("total", "continuing", "new"):
            own_count = getattr(target.projects, field)
            total_count = sum(getattr(p.projects, field) for p in parts)
            if own_count != total_count:
                findings.append(
                    Finding(
                        "warning",
                        "rollup_mismatch",
                        target.id,
                        _("projects.{field} {own} ≠ {total}, the sum of its parts").format(
                            field=field, own=own_count, total=total_count
                        ),
                    )
                )
    return findings


def _normalise(text: str) -> str:
    # The report mixes full- and half-width punctuation; quotes are compared without spaces.
    return re.sub(r"\s+", "", text)


def filter_targets(
    plan: Plan,
    section: str | None = None,
    kind: str | None = None,
    search: str | None = None,
) -> list[Target]:
    """Targets of a section and kind whose id, Chinese or English name contains `search`."""
    if section is not None and plan.section(section) is None:
        known = ", ".join(s.id for s in plan.sections)
        raise InputError(
            _("unknown section {section!r}; sections are: {known}").format(
                section=section, known=known
            )
        )
    if kind is not None and kind not in KINDS:
        raise InputError(
            _("unknown kind {kind!r}; kinds are: {known}").format(kind=kind, known=", ".join(KINDS))
        )
    needle = search.casefold() if search else None
    return [
        target
        for target in plan.targets
        if (section is None or target.section == section)
        and (kind is None or target.kind == kind)
        and (
            needle is None
            or needle in target.id
            or needle in target.name.casefold()
            or needle in target.name_en.casefold()
        )
    ]


@dataclass(frozen=True, slots=True)
class BundledPlan:
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
                name_en=str(meta.get("name_en", "")),
                year=int(meta.get("year", 0)),
                targets=len(data.get("targets", [])),
                path=path,
            )
        )
    return catalog
