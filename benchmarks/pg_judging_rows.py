"""The probe `pg_judging.py` (issue 13): what only Python knows of each row of `gap --json`,
for a database that would judge and write the rows (`pg_judging_sql.py`). Per target,
computed from the validated plan by the assessment's own code: the text of every field that
does not depend on the figures (id, names, bound, frequency…, exactly as `gap_json` writes
them, escaped), as a template of PostgreSQL's `format()`; and the numbers its status is
decided by (the bound as `bounds.bound_of` makes it, the tolerance the rule applies, the goal
and opening stock, the profile's shares as `core.expected_share` gives them, the places
amounts are shown with).

A target the database cannot judge exactly (a roll-up, a bound still to come, a `change`,
`trend`, `ongoing` or `indicator` target, a growth target whose required growth could be
asked for) is marked `python`: a real path would judge it by the rules and merge it in.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from plancli.assess.bounds import bound_of
from plancli.assess.core import TWELFTHS, expected_share
from plancli.assess.gap_json import _escaped, _figure
from plancli.assess.output import ASSESSMENT_FIELDS, _places
from plancli.assess.rules.relative import relation_tolerance
from plancli.errors import InputError
from plancli.fmt import bound_text
from plancli.output import row_template, value_json
from plancli.periods import Period, parse_plan_period
from plancli.plain import Plan, StatusRules, Target
from plancli.ranges import stretch_is_range_top
from plancli.safe import _json_raw

try:
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import py_encode_basestring as _string

# Bump when the rows' layout or meaning changes: a database keeps rows per plan digest and
# version, and rows of another version are never read.
VERSION = 1
KINDS = {"cumulative": "c", "milestone": "m", "level": "l", "growth": "g", "relative": "r"}
FREQUENCIES = {"monthly": "m", "quarterly": "q", "annual": "a"}

# The fields the database writes (their text depends on the figures); the others are the
# plan's, written here. `low` and `high` are the database's for a relation with a figure.
DYNAMIC = (
    "status",
    "actual",
    "amount",
    "period",
    "gap",
    "completion",
    "time_progress",
    "pace_gap_pp",
    "projection",
    "required_per_month",
    "required_growth_rest",
    "stale",
    "expected_share",
    "progress_period",
    "months_left",
    "tolerance_pp",
    "reference_actual",
    "parts_missing",
    "reason",
    "stretch_met",
    "recorded",
    "base",
)
_BOUND_FIELDS = ("direction", "around", "tolerance", "low", "high", "stretch")
_MARK = "\x00"

# One row of the plan's table (`COLUMNS`, in order).
COLUMNS = (
    "place",  # plan order
    "target",
    "python",  # judged in Python (merged)
    "kind",  # KINDS
    "frequency",  # FREQUENCIES
    "low",
    "high",
    "strict",
    "goal",
    "opening",
    "tolerance",  # the rule's: pace (cumulative, milestone), growth, a relation's
    "stretch",
    "stretch_down",
    "decline",
    "profile",  # a place in the shares table, or none (time progress)
    "due_month",
    "places",  # amounts shown with at least these places (`output._places` of the bound)
    "reference",
    "rel_below",
    "rel_strict",
    "template",  # the row's text, the database's fields left to `format()`
    "relation",  # the same of a relation with a figure (its bound is its reference's)
)


def format_template(values: dict[str, str]) -> str:
    """The row as a template of PostgreSQL's `format()`: the plan's texts (each `%` doubled),
    the database's fields as `%N$s` (N: their place in `DYNAMIC`, then `EXTRA`)."""
    template = row_template(ASSESSMENT_FIELDS, "\n    ")
    filled = []
    for name in ASSESSMENT_FIELDS:
        text = values.get(name)
        if text is None:
            filled.append(f"%{DYNAMIC.index(name) + 1}$s")
        elif text in _EXTRA_MARKS:
            filled.append(f"%{len(DYNAMIC) + _EXTRA_MARKS.index(text) + 1}$s")
        else:
            filled.append(text.replace("%", "%%"))
    return template % tuple(filled)


# A relation's bound with a figure (`relative.relation_bound`): the database's `min` (or `max`,
# below), `low` and `high`, after the `DYNAMIC` fields.
EXTRA = ("bound", "low", "high")
_EXTRA_MARKS = ("\x00bound", "\x00low", "\x00high")


def _static(target: Target, rules: StatusRules, due: Period | None) -> tuple[str, str | None]:
    """The texts of the target's fields that do not depend on the figures (the database's as
    `_MARK`), its bound fields as without a figure; for a relation, also the texts around its
    bound's `low` and `high` with a figure (`relative.relation_bound`: the reference's)."""
    bound = None if target.kind in ("milestone", "relative") else bound_of(target, rules)
    if bound is None:  # `output.bound_in_force` of an assessment without a bound
        minimum, maximum, direction, around = (
            target.min,
            target.max,
            target.direction,
            target.around,
        )
        tolerance, low, high, stretch = target.tolerance, None, None, target.stretch
    else:
        minimum, maximum, direction, around = bound.min, bound.max, bound.direction, bound.around
        tolerance = bound.tolerance if bound.around is not None else target.tolerance
        low, high, stretch = bound.low, bound.high, bound.stretch
    indent = "\n      "
    values: dict[str, str] = {
        "id": _string(target.id),
        "section": _string(target.section),
        "name": _string(target.name),
        "name_en": _string(target.name_en),
        "kind": _string(target.kind),
        "unit": _string(target.unit),
        "min": _figure(minimum, indent),
        "max": _figure(maximum, indent),
        "exclusive": "true" if target.exclusive else "false",
        "bound": _string(bound_text(target, None)),
        "frequency": _string(target.frequency),
        "reference": "null" if target.reference is None else _string(target.reference),
        "due": "null" if due is None else _string(str(due)),
        "parts": value_json(list(target.parts), indent) if target.parts else "[]",
        "direction": "null" if direction is None else _string(direction),
        "around": _figure(around, indent),
        "tolerance": _figure(tolerance, indent),
        "low": _figure(low, indent),
        "high": _figure(high, indent),
        "stretch": _figure(stretch, indent),
        "decline": "true" if target.decline else "false",
        "relation": _string(target.relation or "same") if target.kind == "relative" else "null",
        "pending": "true" if target.pending else "false",
        "amended_from": "null",
        "amendment_note": "null",
        "stretch_is_range_top": "true"
        if stretch_is_range_top((target.quote,), minimum, maximum, around, stretch)
        else "false",
    }
    escape = _json_raw().sub
    for name, text in values.items():
        if not text.isprintable():
            values[name] = _escaped(text, escape)
    template = format_template(values)
    relation = None
    if target.kind == "relative":
        below = target.relation == "below"
        with_figure = dict(values, around="null", stretch="null", stretch_is_range_top="false")
        with_figure.update(low=_EXTRA_MARKS[1], high=_EXTRA_MARKS[2])
        with_figure["direction"] = '"down"' if below else '"up"'
        with_figure["max" if below else "min"] = _EXTRA_MARKS[0]
        with_figure["min" if below else "max"] = "null"
        relation = format_template(with_figure)
    return template, relation


def plan_rows(plan: Plan) -> tuple[list[tuple[Any, ...]], dict[tuple[Decimal, ...], int]]:
    """The rows of `COLUMNS` of every target of `plan`, and the profiles they name."""
    rules = plan.plan.status
    year = plan.plan.year
    profiles: dict[tuple[Decimal, ...], int] = {}
    rows: list[tuple[Any, ...]] = []
    for place, target in enumerate(plan.targets):
        kind = KINDS.get(target.kind)
        python = (
            kind is None
            or bool(target.parts)
            or target.pending
            or target.frequency not in FREQUENCIES
        )
        bound = None
        if not python and kind in ("c", "l", "g"):
            bound = bound_of(target, rules)
            python = bound is None
        if not python and kind == "c":
            assert bound is not None
            python = (bound.goal if bound.goal is not None else bound.low) is None
        if not python and kind == "r":  # a relation's bound is its reference's alone
            python = any(
                v is not None for v in (target.min, target.max, target.around, target.stretch)
            )
        if not python and kind == "g":
            base = target.baseline
            # the required growth of the rest of the year: left to the rules (growth.py)
            python = (
                not target.decline
                and bound is not None
                and bound.direction == "up"
                and bound.goal is not None
                and base is not None
                and base.value is not None
            )
        due: Period | None = None
        if not python and kind == "m":  # `Context.due`; one it refuses: the rules say why
            try:
                due = (
                    Period(year, "Y", 1)
                    if target.due is None
                    else parse_plan_period(target.due, year)
                )
            except InputError:
                python = True
        if python:
            rows.append((place, target.id, True, *([None] * (len(COLUMNS) - 3))))
            continue
        texts, relation_texts = _static(target, rules, due)
        low = high = goal = opening = tolerance = stretch = None
        strict = stretch_down = rel_below = rel_strict = False
        profile = due_month = None
        places = _places(target.min, target.max, target.around)
        if bound is not None:
            low, high, stretch = bound.low, bound.high, bound.stretch
            strict = bound.exclusive and bound.around is None
            stretch_down = bound.direction == "down"
        if kind == "c":
            assert bound is not None
            goal = bound.goal if bound.goal is not None else bound.low
            opening = target.opening
            tolerance = rules.pace_tolerance
            if target.profile is not None:
                key = tuple(target.profile)
                profile = profiles.setdefault(key, len(profiles))
        elif kind == "m":
            tolerance = rules.pace_tolerance
            assert due is not None
            due_month = due.end_month
        elif kind == "g":
            tolerance = rules.growth_tolerance
        elif kind == "r":
            tolerance = relation_tolerance(target, rules)
            relation = target.relation or "same"
            rel_below = relation == "below"
            rel_strict = relation in ("above", "below")
        rows.append((
            place,
            target.id,
            False,
            kind,
            FREQUENCIES[target.frequency],
            low,
            high,
            strict,
            goal,
            opening,
            tolerance,
            stretch,
            stretch_down,
            target.decline,
            profile,
            due_month,
            places,
            target.reference,
            rel_below,
            rel_strict,
            texts,
            relation_texts,
        ))  # fmt: skip
    return rows, profiles


def share_rows(profiles: dict[tuple[Decimal, ...], int]) -> Iterator[tuple[int, int, int, int]]:
    """(profile, month, numerator, denominator) of every profile's expected share at the end
    of each month (`core.expected_share`); profile -1: time progress."""
    for month in range(13):
        share = TWELFTHS[month]
        yield (-1, month, share.numerator, share.denominator)
    for profile, index in profiles.items():
        for month in range(13):
            share = expected_share(list(profile), month) if month else Fraction(0)
            yield (index, month, share.numerator, share.denominator)
