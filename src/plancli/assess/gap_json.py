"""`gap --json`'s targets written straight from the assessments (issue 15: 100,000 targets).

The text is `output.dump_json` of `AssessmentOut`s (tests compare them on every target form),
made with less work per target: each value goes to its JSON text by what the field holds
(a figure, a rounded ratio, a period, text) instead of through the generic writer's tests of
its type; the rounded ratios go from their integer units to text without a `Decimal` on the
way; a period's text is made once per period; and the characters a terminal would act on
are escaped once per batch of rows, not per string (`safe.json_text`: they can only be
inside strings, where the escape means the same character).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from plancli.assess.core import Assessment, Status
from plancli.assess.due_fields import due_source
from plancli.assess.engine import PlanAssessment
from plancli.assess.output import (
    _TWELFTHS_SHOWN,
    ASSESSMENT_FIELDS,
    COMPLETION_PLACES,
    PP_PLACES,
    _completion_boundaries,
    _pace_boundaries,
    _places,
    actual_from,
    bound_in_force,
    gap_output,
    judged_basis,
    month_end,
    pending_in_force,
    range_top_in_force,
    rest_ends,
)
from plancli.assess.rounding import _units_keeping_side
from plancli.assess.select import status_counts
from plancli.fmt import actual_words, bound_text, stretch_exceeds
from plancli.output import (
    WrittenRows,
    _number,
    dump_json_parts,
    row_template,
    value_json,
    with_fields,
)
from plancli.periods import Period
from plancli.safe import _json_escape, _json_raw

try:  # the json package's C string encoder (as `output._text`), without the package
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import py_encode_basestring as _string

_BATCH = 512  # rows escaped and joined at once
_NONE_BOUNDARIES: tuple[Fraction, ...] = ()
# A plan has a few tolerances: each one's boundaries (a Fraction of the Decimal) made once, not
# once per paced target (0.4 of 36 profiled seconds at 100,000 targets)
_pace_edges = functools.lru_cache(maxsize=256)(_pace_boundaries)


def _rounded_text(value: Fraction, places: int) -> str:
    """`_units_text(_units_keeping_side(value, 10**places, ()), places)`: half up, no
    boundary to keep a side of, the numerator and denominator read once."""
    n, d = value.as_integer_ratio()
    units = (2 * abs(n) * 10**places + d) // (2 * d)
    return _units_text(-units if n < 0 else units, places)


def _units_text(units: int, places: int) -> str:
    """`output._number(Decimal(units).scaleb(-places))`, from the integers: what
    `round_keeping_side` gives, as JSON writes it."""
    if units == 0:
        return "0"
    digits = str(-units if units < 0 else units)
    if places:
        if len(digits) <= places:
            if len(digits) <= places - 4:  # below 10^-4: the JSON number's own notation
                return _number(Decimal(units).scaleb(-places))
            digits = "0" * (places + 1 - len(digits)) + digits
        if len(digits) + (units < 0) >= 16:  # more than a double's digits: as `_number`
            return _number(Decimal(units).scaleb(-places))
        whole, fraction = digits[:-places], digits[-places:].rstrip("0")
        digits = f"{whole}.{fraction}" if fraction else whole
    elif len(digits) + (units < 0) > 16:
        return _number(Decimal(units))
    return "-" + digits if units < 0 else digits


def _share_text(value: Fraction) -> str:
    """`_shown_share(value)` as JSON text: a twelfth's once."""
    shown = _TWELFTHS_SHOWN.get(id(value))
    if shown is not None and shown[0] is value:
        return _TWELFTH_TEXTS[id(value)]
    return _rounded_text(value, COMPLETION_PLACES)


_TWELFTH_TEXTS = {key: _number(shown) for key, (_, shown) in _TWELFTHS_SHOWN.items()}


class _Texts:
    """JSON texts made once per run: of the periods (few objects, shared: `records._period`)."""

    __slots__ = ("ends", "periods")

    def __init__(self) -> None:
        self.periods: dict[int, tuple[Period, str]] = {}
        self.ends: dict[int, tuple[Period, str]] = {}

    def end(self, period: Period | None) -> str:
        """`month_end(period)` as JSON text."""
        if period is None:
            return "null"
        known = self.ends.get(id(period))
        if known is None or known[0] is not period:
            known = self.ends[id(period)] = (period, _string(month_end(period) or ""))
        return known[1]

    def period(self, period: Period | None) -> str:
        if period is None:
            return "null"
        known = self.periods.get(id(period))
        if known is None or known[0] is not period:
            known = self.periods[id(period)] = (period, _string(str(period)))
        return known[1]


def _figure(value: Any, indent: str) -> str:
    """A field holding a figure (a Decimal) or nothing; anything else as the writer writes it."""
    if value is None:
        return "null"
    if type(value) is Decimal:
        return _number(value)
    return value_json(value, indent)


def _row(a: Assessment, texts: _Texts, indent: str) -> tuple[str, ...]:
    """The JSON texts of `assess.output.assessment_values(a)`, in `ASSESSMENT_FIELDS` order.
    A figure's field is `_figure` written out (null, `_number` of a Decimal, else the
    writer's) in one comprehension: half a million calls fewer at 100,000 targets."""
    target = a.target
    amendment, low, high, minimum, maximum, direction, around, tolerance, stretch = bound_in_force(
        a
    )
    completion, time_progress, pace = a.completion, a.time_progress, a.pace_gap_pp
    projection, per_month, growth_rest = a.projection, a.required_per_month, a.required_growth_rest
    share = a.expected_share
    own = a.superseded_own
    shown_projection = shown_per_month = "null"
    if projection is not None or per_month is not None:
        places = _places(target.min, target.max, target.around, a.actual)
        if projection is not None:
            shown_projection = _rounded_text(projection, places)
        if per_month is not None:
            shown_per_month = _rounded_text(per_month, places)
    parts, missing = target.parts, a.parts_missing
    # figures (Decimals, most of them) written as `_figure` writes them, in one comprehension:
    # no call per field (half a million fewer at 100,000 targets)
    (
        f_actual,
        f_amount,
        f_gap,
        f_minimum,
        f_maximum,
        f_a_tolerance,
        f_reference_actual,
        f_around,
        f_tolerance,
        f_low,
        f_high,
        f_stretch,
        f_recorded,
        f_base,
    ) = [
        "null" if v is None else _number(v) if type(v) is Decimal else _figure(v, indent)
        for v in (
            a.actual,
            a.amount,
            a.gap,
            minimum,
            maximum,
            a.tolerance,
            a.reference_actual,
            around,
            tolerance,
            low,
            high,
            stretch,
            a.recorded,
            a.base,
        )
    ]
    return (
        _string(target.id),
        _string(target.section),
        _string(target.name),
        _string(target.name_en),
        _string(target.kind),
        _string(target.unit),
        _string(a.status),
        f_actual,
        f_amount,
        texts.period(a.period),
        f_gap,
        "null"
        if completion is None
        else _units_text(
            _units_keeping_side(
                completion,
                10**COMPLETION_PLACES,
                _completion_boundaries(None if pace is None else share, a.tolerance),
            ),
            COMPLETION_PLACES,
        ),
        "null" if time_progress is None else _share_text(time_progress),
        "null"
        if pace is None
        else _units_text(
            _units_keeping_side(pace, 10**PP_PLACES, _pace_edges(a.tolerance)), PP_PLACES
        ),
        shown_projection,
        shown_per_month,
        "null" if growth_rest is None else _rounded_text(growth_rest, PP_PLACES),
        "true" if a.stale else "false",
        f_minimum,
        f_maximum,
        "true" if target.exclusive else "false",
        _string(bound_text(target, amendment)),
        _string(target.frequency),
        "null" if share is None else _share_text(share),
        texts.period(a.progress_period),
        "null" if a.months_left is None else value_json(a.months_left, indent),
        f_a_tolerance,
        "null" if target.reference is None else _string(target.reference),
        f_reference_actual,
        texts.period(a.due),
        value_json(list(parts), indent) if parts else "[]",
        value_json(list(missing), indent) if missing else "[]",
        "null" if a.reason is None else _string(a.reason),
        "null" if direction is None else _string(direction),
        f_around,
        f_tolerance,
        f_low,
        f_high,
        f_stretch,
        "null" if a.stretch_met is None else ("true" if a.stretch_met else "false"),
        "true" if target.decline else "false",
        f_recorded,
        f_base,
        _string(target.relation or "same") if target.kind == "relative" else "null",
        "true" if pending_in_force(a) else "false",
        "null" if amendment is None else _string(amendment.period),
        "null" if amendment is None or amendment.note is None else _string(amendment.note),
        "null" if (source := actual_from(a)) is None else _string(source),
        "null" if own is None else _figure(own.value, indent),
        "null" if own is None else texts.period(own.period),
        "true" if range_top_in_force(a, minimum, maximum, around, stretch) else "false",
        *(
            "null" if v is None else _number(v) if type(v) is Decimal else _figure(v, indent)
            for v in judged_basis(a)
        ),
        texts.end(a.period),
        texts.end(a.progress_period),
        "null" if (exceeds := _exceeds(target, amendment)) is None else _string(exceeds),
        texts.period(a.reference_period),
        "null" if (words := actual_words(target, a.actual)) is None else _string(words),
        *(_NO_ENDS if a.required_growth_rest_range is None else _ends_texts(a)),
        "null" if target.figures_of is None else _string(target.figures_of),
        *(_NO_ENDS if target.kind != "milestone" else _due_texts(a)),
    )


def _due_texts(a: Assessment) -> tuple[str, str]:
    """`due_source` and `due_note` (`due_fields.due_source`) as JSON texts."""
    source, note = due_source(a)
    return (
        "null" if source is None else _string(source),
        "null" if note is None else _string(note),
    )


_NO_ENDS = ("null", "null")  # most targets: no range of the growth still needed


def _ends_texts(a: Assessment) -> tuple[str, str]:
    """`required_growth_rest_low` and `_high` (`output.rest_ends`) as JSON texts."""
    low, high = rest_ends(a)
    return ("null" if low is None else _number(low), "null" if high is None else _number(high))


def _exceeds(target: Any, amendment: Any) -> str | None:
    """`stretch_exceeds`, as `output.assessment_values` gives it."""
    return stretch_exceeds(target) if amendment is None else None


def gap_target_rows(chosen: Iterable[Assessment], indent: str) -> Iterator[str]:
    """The `targets` array of `gap --json` at `indent` (the newline and spaces of its line),
    as `output._write` writes a list of `AssessmentOut`: in batches of text."""
    return array_text(row_texts(chosen, indent), indent)


def row_texts(chosen: Iterable[Assessment], indent: str) -> Iterator[str]:
    """Each target's object of the `targets` array at `indent`, escaped (`safe.json_text`)."""
    template = row_template(ASSESSMENT_FIELDS, indent + "  ")
    value_indent = indent + "    "
    texts = _Texts()
    escape = _json_raw().sub
    for a in chosen:
        row = _row(a, texts, value_indent)
        if not "".join(row).isprintable():  # one test in C; most rows have nothing to escape
            row = tuple(_escaped(text, escape) for text in row)
        yield template % row


def array_text(rows: Iterable[str], indent: str) -> Iterator[str]:
    """A JSON array of these objects' texts at `indent`, in batches of `_BATCH` rows."""
    inner = indent + "  "
    between = "," + inner
    batch: list[str] = []
    first = True
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield ("[" + inner if first else between) + between.join(batch)
            first = False
            batch = []
    if batch:
        yield ("[" + inner if first else between) + between.join(batch)
        first = False
    yield "[]" if first else indent + "]"


def _escaped(text: str, escape: Any) -> str:
    if text.isascii() and "\x7f" not in text:
        return text
    # safe.json_text's escapes: a character beyond U+FFFF as its surrogate pair (`\\ue0041`
    # read back as U+E004 and "1"), a lone surrogate as U+FFFD (session 28)
    return escape(lambda m: _json_escape(ord(m.group())), text)  # type: ignore[no-any-return]


def gap_json_parts(assessment: PlanAssessment, chosen: Sequence[Assessment]) -> Iterator[str]:
    """`gap --json`: `dump_json(gap_output(assessment, chosen))`, the same text in pieces,
    each target written from its assessment (`gap_target_rows`) rather than an
    `AssessmentOut`."""
    return gap_document_parts(
        assessment, status_counts(chosen), lambda indent: gap_target_rows(chosen, indent)
    )


def gap_document_parts(
    assessment: PlanAssessment,
    counts: dict[Status, int],
    targets: Callable[[str], Iterable[str]],
) -> Iterator[str]:
    """`gap --json` in pieces, its `targets` array written by `targets(indent)` when its turn
    comes (`gap_target_rows`, or the rows of two processes: `gap_split`)."""
    document = gap_output(assessment, ())
    rows = WrittenRows(targets)
    return dump_json_parts(with_fields(document, counts=counts, targets=rows))
