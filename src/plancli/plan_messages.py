"""A plan's validation errors in the user's words: plan rules by their msgid, pydantic's
common messages by their type, a figure typed as text with the figure to write; a key the
plan does not know with the key meant, a key missing with the line to write."""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from plancli.errors import PlanFileError, PlanProblem
from plancli.i18n import N_, _, at_line, colon_join, ngettext

# pydantic's own messages for the mistakes a hand-written plan makes, in the user's language.
_PYDANTIC_MESSAGES = {
    "string_type": N_("must be text (in quotes)"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "list_type": N_("must be a list ([…])"),
    "decimal_parsing": N_("must be a number"),
    "finite_number": N_("is not a finite number"),  # (inf, nan: pydantic's English before)
    "decimal_type": N_("must be a number"),
    "string_too_short": N_("must not be empty"),
    "float_type": N_("must be a number"),
    "float_parsing": N_("must be a number"),
    "int_from_float": N_("must be a whole number"),
    "dict_type": N_("must be a table ({…})"),
    "model_type": N_("must be a table ({…})"),
    "model_attributes_type": N_("must be a table ({…})"),
    "datetime_type": N_("must be a date and time (2022-07-15T09:30:00+08:00)"),
    "datetime_parsing": N_("must be a date and time (2022-07-15T09:30:00+08:00)"),
    "datetime_from_date_parsing": N_("must be a date and time (2022-07-15T09:30:00+08:00)"),
    "date_type": N_("must be a date (2022-07-15)"),
    "date_parsing": N_("must be a date (2022-07-15)"),
    "date_from_datetime_parsing": N_("must be a date (2022-07-15)"),
    "date_from_datetime_inexact": N_("must be a date (2022-07-15)"),
}

# pydantic's bounds (`Input should be less than or equal to 2200`), by the type and the key of
# its context that holds the bound.
_PYDANTIC_BOUNDS = {
    "greater_than_equal": ("ge", N_("must be {bound} or more")),
    "greater_than": ("gt", N_("must be more than {bound}")),
    "less_than_equal": ("le", N_("must be {bound} or less")),
    "less_than": ("lt", N_("must be less than {bound}")),
    "string_too_long": ("max_length", N_("must be at most {bound} characters")),
    "too_long": ("max_length", N_("must have at most {bound} entries")),
    "too_short": ("min_length", N_("must have at least {bound} entries")),
}


def pydantic_words(error: Any) -> str | None:
    """pydantic's English for a common mistake in the Chinese interface's words (a plan's or
    a ledger's); None in English, which keeps pydantic's own words (docs and scripts quote
    them), and for a type plancli does not know."""
    from plancli.i18n import language

    if language() == "en":
        return None
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _PYDANTIC_MESSAGES:
        return _(_PYDANTIC_MESSAGES[kind])
    if kind in _PYDANTIC_BOUNDS and _PYDANTIC_BOUNDS[kind][0] in ctx:
        key, message = _PYDANTIC_BOUNDS[kind]
        return _(message).format(bound=ctx[key])
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"])  # plancli's own (translated where raised), without `Value error, `
    return None


def _validation_message(error: Any, english: str, field: str = "") -> str:
    """One pydantic error in the user's language: a plan rule (model.PlanRule) by its msgid,
    a key unknown or missing in words of the plan file (in English too: pydantic's `Extra
    inputs are not permitted` and `Field required` say nothing of what to write), pydantic's
    common messages by their type, anything else as pydantic says it. `field`: the key's
    dotted path as the error shows it (`plan.year`, `baseline.valu`)."""
    from plancli.model import PlanRule
    from plancli.safe import clip

    if error.get("type") == "is_instance_of" and (error.get("ctx") or {}).get("class") == "Decimal":
        # text that is no figure, in strict mode (a plan file's): as lax mode says it
        error, english = {**error, "type": "decimal_parsing"}, "Input should be a valid decimal"
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, PlanRule):
        return _(cause.msgid).format(**_clipped(cause.fields))
    if error.get("type") == "extra_forbidden":
        return unknown_key_message(list(error.get("loc", ())), field)
    if error.get("type") == "missing":
        return missing_key_message(list(error.get("loc", ())))
    from plancli.file_types import text_type_hint
    from plancli.i18n import language

    # `min = "5%"`: the figure to write; `name = 5`: the value and its type (as a ledger's)
    hint = text_figure_hint(error) + text_type_hint(error) + literal_hint(error)
    loc = list(error.get("loc", ()))
    if error.get("type") == "string_pattern_mismatch" and loc[-1:] == ["id"] and loc[0] != "plan":
        return _(  # a regex is no explanation; the value quoted, so a trailing space shows
            "{value} is not an id: an id is ASCII lower-case letters, digits and _, starting "
            "with a letter (old_compounds); the Chinese name goes in name"
        ).format(value=clip(str(error.get("input")), quote=True))  # (100,000 characters: 60)
    if language() == "en":  # else English keeps pydantic's own words (docs and scripts quote them)
        return english + hint
    said = pydantic_words(error)
    if said is not None:
        return said + hint
    kind = error.get("type", "")
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        # pydantic's list ends in English: 'indicator' or 'ongoing' (W D11): 'indicator'、'ongoing'
        listed = re.sub(r"(['\"]), (?=['\"])|(['\"]) or (?=['\"])", r"\1\2、", expected)
        return _("must be one of {expected}").format(expected=listed) + hint
    if kind == "string_pattern_mismatch":
        return _("{value!r} is not a valid id (the pattern is {pattern})").format(
            value=error.get("input"), pattern=(error.get("ctx") or {}).get("pattern", "")
        )
    return english


# A figure typed as text: refused as a decimal, or (a year, in strict mode) as an integer.
_FIGURE_TYPES = ("decimal_parsing", "decimal_type", "int_type", "int_parsing")


# A figure typed with its unit: `"6000人"`, `"4.8%"`, `"1,053.8亿元"` (a unit of at most 12
# characters and no digit, so the value shown stays short).
_SCALES = frozenset(("十", "百", "千", "万", "亿", "十万", "百万", "千万", "万亿"))
_WITH_UNIT = re.compile(r"\s*(-?\d[\d,，]*(?:\.\d+)?)\s*([^\d\s.,，+\-][^\d]{0,11}?)\s*")


def text_figure_hint(error: Any, *, unit_key: bool = True) -> str:
    """A figure typed as text (`min = "5%"`, `"1,053.8"`): the value, and the figure to write.
    With its unit (`min = "6000人"`), in a plan (`unit_key`): that the unit goes in `unit` and
    the figure is written bare (`min = 6000`); it said only `should be a number`."""
    value = error.get("input")
    if error.get("type") not in _FIGURE_TYPES or not isinstance(value, str):
        return ""
    from plancli.safe import Clipped

    loc = list(error.get("loc", ()))
    key = loc[-1] if loc and isinstance(loc[-1], str) else None
    from plancli.unit_words import class_figure

    if unit_key and key and (number := class_figure(value, "类")) != value:
        # `max = "Ⅲ类"` (as the report writes it) was told only that it is no decimal
        return _(
            ": {value!r} is a water class; a plan writes its number, in unit 类: {key} = {figure}"
        ).format(value=Clipped(value), key=key, figure=number)
    with_unit = _WITH_UNIT.fullmatch(value)
    if (
        unit_key
        and key
        and with_unit
        and error.get("type") in _FIGURE_TYPES[:2]
        and with_unit[2] not in _SCALES  # `"1.2万"`: 1.2 or 12000? the figure is not told
    ):
        return _(
            ": {value!r} is text with its unit; the unit goes in unit, the figure is written "
            "bare: {key} = {figure}"
        ).format(value=Clipped(value), key=key, figure=Clipped(re.sub(r"[,，]", "", with_unit[1])))
    figure = re.sub(r"[\s,，%％]", "", value)
    if not re.fullmatch(r"-?\d+(\.\d+)?", figure):
        return ""
    # (the value and the figure clipped: a 100,000-digit `min = "1…%"` is one short line)
    return _(": {value!r} is text; write the figure without quotes: {figure}").format(
        value=Clipped(value), figure=Clipped(figure)
    )


def literal_hint(error: Any) -> str:
    """` (did you mean cumulative?)` after a choice typed nearly right (`kind = "cumulativ"`,
    `frequency = "monthy"`): the choices were listed, the one meant was not, where a key typed
    nearly right (`arround`) is told it."""
    value = error.get("input")
    if error.get("type") != "literal_error" or not isinstance(value, str):
        return ""
    choices = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
    from plancli.interface_words import WORDS

    # (kind = "增速", frequency = "季度": the word `targets` and `show` print for it, in Chinese)
    shown = {
        WORDS[key][1]: choice
        for choice in choices
        for key in (f"kind.{choice}", f"freq.{choice}")
        if key in WORDS
    }
    if value.strip() in shown:
        return _(" (did you mean {meant}?)").format(meant=shown[value.strip()])
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return _(" (did you mean {meant}?)").format(meant=close[0]) if close else ""


def unknown_key_message(loc: list[Any], field: str) -> str:
    """`unknown key (did you mean around?)`, after the key the error names: the key of the
    table it is in spelled nearly so (difflib), if one is."""
    key = str(loc[-1]) if loc else field
    model = _model_at(loc[:-1])
    known = list(model.model_fields) if model is not None else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not close:
        return _("unknown key (a typo?)")
    return _("unknown key (did you mean {meant}?)").format(meant=close[0])


def missing_key_message(loc: list[Any]) -> str:
    """`required, and missing: add a line year = … under [plan]`: what to write, and where."""
    key = str(loc[-1]) if loc else ""
    tables = {"plan": "[plan]", "targets": "[[targets]]", "sections": "[[sections]]"}
    named = [str(part) for part in loc[:-1] if not isinstance(part, int)]
    if len(named) == 1 and named[0] in tables:
        return _("required, and missing: add a line {key} = … under {table}").format(
            key=key, table=tables[named[0]]
        )
    if named and named[-1] not in tables:  # an inline table: baseline = { year = … }
        return _("required, and missing: write {key} = … in {table} = {{ … }}").format(
            key=key, table=named[-1]
        )
    if not named and key in tables:  # a table, not a line: [plan], [[targets]] (audit W D10)
        return _("required, and missing: add the table {table}").format(table=tables[key])
    return _("required, and missing: add a line {key} = …").format(key=key)


def _model_at(loc: list[Any]) -> Any:
    """The model of the table at `loc` (`["targets", 3, "baseline"]`: Baseline), from Plan
    down through its fields' types; None where the path leaves the models."""
    from pydantic import BaseModel

    from plancli.model import Plan

    model: Any = Plan
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        model = _inner_model(field.annotation, BaseModel)
        if model is None:
            return None
    return model


def _inner_model(annotation: Any, base: type) -> Any:
    """The model class inside a field's type (`list[Target]`, `Baseline | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    for argument in typing.get_args(annotation):
        found = _inner_model(argument, base)
        if found is not None:
            return found
    return None


# The fields of a plan's rules that name something from the file (an id, a section): echoed by
# their first 60 characters, a 100,000-character one with its length (audit P D7).
_NAMES = frozenset(
    (
        "id",
        "section",
        "part",
        "reference",
        "figures_of",
        "further",
        "source_unit",
        "own_unit",
        "item",
        "owner",
    )
)


def _clipped(fields: dict[str, Any]) -> dict[str, Any]:
    from plancli.i18n import join_list
    from plancli.safe import Clipped

    return {  # (a tuple, ids: in a list of the reader's language, 、 in Chinese)
        key: Clipped(value)
        if key in _NAMES and isinstance(value, str)
        else join_list(value)
        if isinstance(value, tuple)
        else value
        for key, value in fields.items()
    }


def ordered_errors(exc: Any) -> list[Any]:
    """A ValidationError's errors, an unknown top-level key (`[paln]`, `[[target]]`) before the
    rest: its "did you mean plan?" is the cause of the `plan: required, and missing` after it,
    and `targets` or `status` show only the first error (audit W D10)."""
    errors = list(exc.errors())
    return sorted(errors, key=lambda e: not (e["type"] == "extra_forbidden" and len(e["loc"]) == 1))


# A plan's errors listed, each with its line (`validate`, one a line; `validate --json`): the
# first this many. Each is located by searching the file; a target of 100,000 unknown keys
# took minutes per thousand keys to be told about, every one of them listed.
LISTED_ERRORS = 100


def said(problem: PlanProblem, file: str = "") -> str:
    """One located error as `FILE: line N: target ID: field: message`."""
    line, where, _target, message = problem
    head = at_line(file, line) if file else _("line {n}").format(n=line) if line else ""
    return colon_join(head, where, message)


def plan_file_error(located: list[PlanProblem], count: int, file: str) -> PlanFileError:
    """The error of a plan that does not load: its first error and how many more (`count` in
    all, `located` the first LISTED_ERRORS of them); its details list those, then the rest
    counted in one line."""
    more = count - 1
    suffix = ngettext(" (and {n} more error)", " (and {n} more errors)", more).format(n=more)
    error = PlanFileError(said(located[0], file) + (suffix if more else ""))
    unlisted = count - len(located)
    rest = ngettext("… and {n} more error", "… and {n} more errors", unlisted).format(
        n=f"{unlisted:,}"
    )
    error.details = tuple(said(problem, file) for problem in located) + (rest,) * bool(unlisted)
    error.located = tuple(located) + (PlanProblem(None, "", None, rest),) * bool(unlisted)
    return error
