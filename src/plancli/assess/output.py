"""The JSON contract of assessments (DESIGN §6): `gap`, `status` and `show` outputs, rounded.

Figures are rounded only here, to fixed places:

- completion, time progress and expected share: 4 places (0.3871);
- percentage points and percent growth (pace gap, required growth): 2 places (−11.29, 8.72);
- amounts (projection, required per month): 2 places, more when the target's own figures
  carry more (31.67);
- figures that are only added or subtracted (actual, gap) are exact and never rounded.

Rounding is half away from zero (四舍五入), with one guard: a figure strictly on one side of a
status boundary never prints on or across the boundary as printed. 0.99996 shows 0.9999, not
1 (not met); a pace gap of −0.001 pp −0.01, not 0 (not on track); 0.4999992 against an
expected 0.5 shows 0.4999. On a boundary, as the boundary prints: 70/120 in July 0.5833.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from plancli.assess.core import (
    TWELFTHS,
    Assessment,
    NoDataReason,
    Status,
)
from plancli.assess.due_fields import DueSource, due_source
from plancli.assess.engine import PlanAssessment
from plancli.assess.rounding import outward, round_half_up, round_keeping_side
from plancli.assess.select import status_counts
from plancli.fmt import actual_words, bound_text, num, stretch_exceeds
from plancli.output import (
    SCHEMA_VERSION,
    doc,
)
from plancli.periods import Period
from plancli.plain import Direction, Frequency, Kind, Number, Relation
from plancli.ranges import stretch_is_range_top

ActualFrom = Literal["own", "parts"]
StretchExceeds = Literal["figure", "last_year"]

# The dashboard's blocks are plan sections by convention (DESIGN §1: 预期目标 and 附表1 are
# the headline targets; 三、政府投资重点项目计划 is the investment plan).
HEADLINE_SECTION = "headline"
INVESTMENT_SECTION = "investment"

COMPLETION_PLACES = 4  # completion, time progress, expected share
PP_PLACES = 2  # percentage points and percent growth
AMOUNT_PLACES = 2  # at least; more when the target's own figures have more


def _places(*values: Decimal | None) -> int:
    """Decimal places to show amounts with: 2, or more when the figures have more."""
    places = AMOUNT_PLACES
    for value in values:
        if value is not None:
            places = max(places, _decimal_places(value))
    return places


def _decimal_places(value: Decimal) -> int:
    """−exponent: the places of 5.25 (2), 5 (0), 1E+1 (−1); 0 for an infinity or a NaN."""
    text = str(value)  # 0.3 µs; as_tuple() builds a tuple of digits (1 µs)
    point = text.find(".")
    if "E" not in text and "N" not in text and "n" not in text:  # not 1E+1, NaN, Infinity
        return 0 if point < 0 else len(text) - point - 1
    return -int(value.as_tuple().exponent) if value.is_finite() else 0


def _opt(
    value: Fraction | None, places: int, boundaries: Iterable[Fraction] = ()
) -> Decimal | None:
    return None if value is None else round_keeping_side(value, places, boundaries)


def _shown_share(value: Fraction) -> Decimal:
    """A share or time progress shown to 4 places; one of the twelfths (most are: the
    rules share one table, `core.TWELFTHS`) rounded once."""
    shown = _TWELFTHS_SHOWN.get(id(value))
    if shown is not None and shown[0] is value:
        return shown[1]
    return round_keeping_side(value, COMPLETION_PLACES, ())


_TWELFTHS_SHOWN = {
    id(twelfth): (twelfth, round_half_up(twelfth, COMPLETION_PLACES)) for twelfth in TWELFTHS
}
_ONE = (Fraction(1),)
_ZERO = Fraction(0)


@functools.lru_cache(maxsize=64)
def _pace_boundaries(tolerance: Decimal | None) -> tuple[Fraction, ...]:
    """A pace gap is shown on its side of 0 and of −tolerance (a plan has a few tolerances)."""
    return (_ZERO,) if tolerance is None else (_ZERO, -Fraction(tolerance))


@functools.lru_cache(maxsize=256)
def _completion_boundaries(
    share: Fraction | None, tolerance: Decimal | None
) -> tuple[Fraction, ...]:
    """A completion keeps its side of 1 (met) and, paced (`share`), of the expected share
    (on_track) and of it less the tolerance (at_risk): 0.4999992 at 0.5 shows 0.4999, not 0.5."""
    if share is None:
        return _ONE
    return (_ONE[0], share) + (() if tolerance is None else (share - Fraction(tolerance) / 100,))


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class AssessmentOut:
    """One target's assessment as `gap --json` writes it (DESIGN §6)."""

    id: str
    section: str
    name: str
    name_en: str
    kind: Kind
    unit: str
    status: Status
    actual: Number | None = field(
        metadata=doc("the value judged: YTD growth %, level, YTD amount or percent done")
    )
    amount: Number | None = field(metadata=doc("growth targets: YTD amount recorded, in `unit`"))
    period: str | None = field(
        metadata=doc("period of the record judged (a summed roll-up: its oldest part's)")
    )
    gap: Number | None = field(
        metadata=doc(
            "still missing to satisfy the bound, in the target's unit (pp for growth); "
            "0 when satisfied"
        )
    )
    completion: Number | None = field(metadata=doc("actual ÷ annual target (4 places)"))
    time_progress: Number | None = field(
        metadata=doc("months elapsed at progress_period ÷ 12 (4 places)")
    )
    pace_gap_pp: Number | None = field(
        metadata=doc("(completion − expected_share) × 100, percentage points (2 places)")
    )
    projection: Number | None = field(
        metadata=doc("cumulative: year-end run rate, actual ÷ expected_share")
    )
    required_per_month: Number | None = field(
        metadata=doc("(target − actual) ÷ months_left: what each remaining month must add")
    )
    required_growth_rest: Number | None = field(
        metadata=doc("growth: % the months left must grow to reach the target (none left: null)")
    )
    stale: bool = field(metadata=doc("the latest record is older than the frequency allows"))
    # the components it was judged on
    min: Number | None
    max: Number | None
    exclusive: bool
    bound: str = field(metadata=doc("the bound as text: ≥ 7 %, > 0 %, ≤ 4.8 %"))
    frequency: Frequency
    expected_share: Number | None = field(
        metadata=doc(
            "share of the target expected by now: time progress, the profile's share, "
            "or time progress to the due period (milestones)"
        )
    )
    progress_period: str | None = field(metadata=doc("period whose time progress is used"))
    months_left: int | None
    tolerance_pp: Number | None = field(metadata=doc("pace, growth or relative tolerance applied"))
    reference: str | None = field(metadata=doc("relative: the target compared with"))
    reference_actual: Number | None = field(metadata=doc("relative: its growth, same period"))
    due: str | None = field(metadata=doc("milestone: the period it is due"))
    parts: list[str] = field(metadata=doc("roll-up: ids of its parts"))
    parts_missing: list[str] = field(metadata=doc("roll-up: parts left out, without a record"))
    reason: NoDataReason | None = field(metadata=doc("no_data: why"))
    # the genre's forms (docs/forms.md)
    direction: Direction | None = field(metadata=doc("which way is better: up, down or band"))
    around: Number | None = field(metadata=doc("X of X左右, as in force (plan or amendment)"))
    tolerance: Number | None = field(
        metadata=doc("the 左右 tolerance applied, or a relation's tolerance, in the figure's unit")
    )
    low: Number | None = field(
        metadata=doc("the figure satisfies the bound at ≥ low (> if strict)")
    )
    high: Number | None = field(metadata=doc("… and at ≤ high (< if strict)"))
    stretch: Number | None = field(metadata=doc("the higher aim (争取更好结果), never a ceiling"))
    stretch_met: bool | None = field(metadata=doc("the figure reaches the stretch aim"))
    decline: bool = field(metadata=doc("stated as a fall (下降…): `actual` is the fall"))
    recorded: Number | None = field(
        metadata=doc(
            "the figure as recorded where `actual` is derived (a decline's growth, a "
            "change's level)"
        )
    )
    base: Number | None = field(
        metadata=doc("change: the base level; cumulative: the opening stock")
    )
    relation: Relation | None = field(metadata=doc("relative: same, above, not_below or below"))
    pending: bool = field(
        metadata=doc(
            "no bound in force yet: the plan leaves it to come (完成国家下达目标) and no "
            "amendment has given it (the plan's own flag: `target.pending`, `targets --json`)"
        )
    )
    amended_from: str | None = field(
        metadata=doc("a mid-year amendment (年中调整) in force: the period it applies from")
    )
    amendment_note: str | None = field(metadata=doc("the amendment's note"))
    actual_from: ActualFrom | None = field(
        metadata=doc(
            "roll-up with a figure: `actual` is its own recorded total (own) or its parts' "
            "sum (parts); null for other targets"
        )
    )
    superseded_own: Number | None = field(
        metadata=doc(
            "roll-up: its own figure, set aside as every part has a later one (their sum is "
            "`actual`)"
        )
    )
    superseded_own_period: str | None = field(metadata=doc("… and that figure's period"))
    stretch_is_range_top: bool = field(
        metadata=doc(
            "`stretch` is the top of a range the plan states (增长5%—5.5%，努力争取更好结果: min "
            "5, stretch 5.5), not a 争取 line of its own (增长7%以上，力争8%): read from the "
            "target's quote (or the amendment's note), both figures as `min` and `stretch`"
        )
    )
    around_baseline: Number | None = field(
        metadata=doc(
            "X左右 of a level moving from its baseline toward X (R&D 4.5 → 4.6%左右): the "
            "baseline level, as the default tolerance is capped at half the move (`low` 4.55); "
            "null otherwise"
        )
    )
    parts_sum: Number | None = field(
        metadata=doc(
            "roll-up: its parts' bounds' sum (58.71), at which it is judged (`low`) because its "
            "own bound (58.72) exceeds it only by the report's rounding; null otherwise"
        )
    )
    period_end: str | None = field(
        metadata=doc(
            "the month `period` ends, YYYY-MM: a figure is the position at its period's end, "
            "so 2022-06, 2022-Q2 and 2022-H1 are all 2022-06, and 2022 is 2022-12"
        )
    )
    progress_period_end: str | None = field(
        metadata=doc("the month `progress_period` ends, YYYY-MM")
    )
    stretch_exceeds: StretchExceeds | None = field(
        metadata=doc(
            "a stretch met only above its figure (the plan's `stretch_exclusive`): "
            "`last_year` where that figure is last year's, the baseline's value (力争比去年实现"
            "更多增长: 力争高于上年1350.97亿斤), else `figure`; null for a stretch reached at its "
            "figure and an amendment's"
        )
    )
    reference_period: str | None = field(
        metadata=doc(
            "relative: the period of `reference_actual`, the reference's figure judged against "
            "(it ends the month `period` does: 2026-Q3 for incomes of 2026-Q3); null without it"
        )
    )
    actual_text: str | None = field(  # (since session 31: `fmt.actual_words`)
        metadata=doc("`actual` in words, with its unit, in English: `劣Ⅴ类` for 6 in 类, `5.2 %`")
    )
    required_growth_rest_low: Number | None = field(
        metadata=doc(
            "`required_growth_rest` at the end of the range the baseline level's stated "
            "precision allows (`baseline.value_text`: 5.67万亿元 is 56700 ± 50 亿元), rounded down"
        )
    )
    required_growth_rest_high: Number | None = field(metadata=doc("… its other end, rounded up"))
    figures_of: str | None = field(
        metadata=doc(
            "relative: the target whose figures this one is judged on (the plan's "
            "`figures_of`: one series compared two ways), so `actual`, `period` and the "
            "record are that target's; null for a target judged on its own figures"
        )
    )
    due_source: DueSource | None = field(
        metadata=doc(
            "milestone: where `due` comes from: `plan` (its `due`, or the year's end) or "
            "`amendment` (`amend --due`, 节点时间 set at 任务分解); null for other targets"
        )
    )
    due_note: str | None = field(metadata=doc("… the note of the amendment that set it"))


ASSESSMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(AssessmentOut))


def assessment_out(a: Assessment) -> AssessmentOut:
    return AssessmentOut(**_assessment_fields(a))


def _assessment_fields(a: Assessment) -> dict[str, Any]:
    return dict(zip(ASSESSMENT_FIELDS, assessment_values(a), strict=True))


def bound_in_force(a: Assessment) -> tuple[Any, ...]:
    """The bound `a` was judged against, as the outputs show it: (amendment, low, high, min,
    max, direction, around, tolerance, stretch) — the amendment's where one is in force, the
    plan's otherwise (the amendment's tolerance only with its own 左右)."""
    t, b = a.target, a.bound
    if a.dropped_by is not None:  # no bound in force (不再考核)
        return (a.dropped_by, None, None, None, None, t.direction, None, None, None)
    if b is None:
        return (None, None, None, t.min, t.max, t.direction, t.around, t.tolerance, t.stretch)
    tolerance = b.tolerance if b.around is not None else t.tolerance
    return (b.amendment, b.low, b.high, b.min, b.max, b.direction, b.around, tolerance, b.stretch)


def range_top_in_force(
    a: Assessment, minimum: Any, maximum: Any, around: Any, stretch: Any
) -> bool:
    """`stretch_is_range_top` of the bound in force (`bound_in_force`): its range stated by the
    target's quote or, an amendment in force, by the amendment's note."""
    amendment = None if a.bound is None else a.bound.amendment
    texts = (a.target.quote, None if amendment is None else amendment.note)
    return stretch_is_range_top(texts, minimum, maximum, around, stretch)


def assessment_values(a: Assessment) -> tuple[Any, ...]:
    """`AssessmentOut`'s values for `a`, in its fields' order (`ASSESSMENT_FIELDS`): what
    `gap --json` writes of each target without building the dataclass (`gap_json_parts`)."""
    target = a.target
    amendment, low, high, minimum, maximum, direction, around, tolerance, stretch = bound_in_force(
        a
    )
    period, completion, time_progress = a.period, a.completion, a.time_progress
    pace, projection, per_month = a.pace_gap_pp, a.projection, a.required_per_month
    growth_rest, share, progress = a.required_growth_rest, a.expected_share, a.progress_period
    own = a.superseded_own
    shown_projection = shown_per_month = None
    edges = _completion_boundaries(None if pace is None else share, a.tolerance)
    if projection is not None or per_month is not None:
        places = _places(target.min, target.max, target.around, a.actual)
        if projection is not None:
            shown_projection = round_keeping_side(projection, places, ())
        if per_month is not None:
            shown_per_month = round_keeping_side(per_month, places, ())
    return (
        target.id,
        target.section,
        target.name,
        target.name_en,
        target.kind,
        target.unit,
        a.status,
        a.actual,
        a.amount,
        str(period) if period else None,
        a.gap,
        None if completion is None else round_keeping_side(completion, COMPLETION_PLACES, edges),
        None if time_progress is None else _shown_share(time_progress),
        None
        if pace is None
        else round_keeping_side(pace, PP_PLACES, _pace_boundaries(a.tolerance)),
        shown_projection,
        shown_per_month,
        None if growth_rest is None else round_keeping_side(growth_rest, PP_PLACES, ()),
        a.stale,
        minimum,
        maximum,
        target.exclusive,
        bound_text(target, amendment),
        target.frequency,
        None if share is None else _shown_share(share),
        str(progress) if progress else None,
        a.months_left,
        a.tolerance,
        target.reference,
        a.reference_actual,
        str(a.due) if a.due else None,
        list(target.parts),
        list(a.parts_missing),
        a.reason,
        direction,
        around,
        tolerance,
        low,
        high,
        stretch,
        a.stretch_met,
        target.decline,
        a.recorded,
        a.base,
        (target.relation or "same") if target.kind == "relative" else None,
        pending_in_force(a),
        amendment.period if amendment is not None else None,
        amendment.note if amendment is not None else None,
        actual_from(a),
        None if own is None else own.value,
        None if own is None else str(own.period),
        range_top_in_force(a, minimum, maximum, around, stretch),
        *judged_basis(a),
        month_end(period),
        month_end(progress),
        stretch_exceeds(target) if amendment is None else None,
        str(a.reference_period) if a.reference_period else None,
        actual_words(target, a.actual),
        *rest_ends(a),
        target.figures_of,
        *due_source(a),
    )


def rest_ends(a: Assessment) -> tuple[Decimal | None, Decimal | None]:
    """`required_growth_rest_low` and `_high`: null without a range, or where the figure is."""
    ends = a.required_growth_rest_range
    if ends is None or a.required_growth_rest is None:
        return None, None
    return outward(ends, PP_PLACES)


def month_end(period: Period | None) -> str | None:
    """The month a period ends, YYYY-MM (`2022-Q2` → `2022-06`, `2022` → `2022-12`): one
    spelling for one moment, whatever granularity a figure or `--as-of` was given in (a
    notebook's converters read 2022-Q2 as April, and 2022-H1 not at all)."""
    return None if period is None else f"{period.year:04d}-{period.end_month:02d}"


def judged_basis(a: Assessment) -> tuple[Decimal | None, Decimal | None]:
    """(around_baseline, parts_sum) of the bound in force: why its edge is where it is."""
    b = a.bound
    if b is None or a.dropped_by is not None:
        return (None, None)
    return (b.around_baseline, b.parts_sum)


def pending_in_force(a: Assessment) -> bool:
    """`pending` as the outputs show it: no bound in force yet. The plan's flag (完成国家下达
    目标) until `amend` gives a bound; a dropped target waits for none."""
    return a.target.pending and a.bound is None and a.dropped_by is None


def actual_from(a: Assessment) -> ActualFrom | None:
    """A roll-up's `actual`: its own total (own) or its parts' sum (parts); None otherwise."""
    if not a.target.parts or a.actual is None:
        return None
    return "parts" if a.parts_used else "own"


AS_OF_END = "the month as_of ends, YYYY-MM (2022-Q2 and 2022-H1: 2022-06; 2022: 2022-12)"


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class GapOutput:
    """`plancli gap --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    as_of: str | None = field(metadata=doc("the period judged; null when nothing is recorded"))
    as_of_end: str | None = field(default=None, metadata=doc(AS_OF_END))
    time_progress: Number | None = field(metadata=doc("months elapsed at as_of ÷ 12"))
    counts: dict[Status, int] = field(metadata=doc("how many of the targets shown per status"))
    targets: list[AssessmentOut]


def gap_output(assessment: PlanAssessment, chosen: Sequence[Assessment]) -> GapOutput:
    return GapOutput(
        schema_version=SCHEMA_VERSION,
        plan=assessment.plan.plan.id,
        as_of=str(assessment.as_of) if assessment.as_of else None,
        as_of_end=month_end(assessment.as_of),
        time_progress=_opt(assessment.time_progress, COMPLETION_PLACES),
        counts=status_counts(chosen),
        targets=[assessment_out(a) for a in chosen],
    )


# CSV: one row per target, the JSON fields as columns (lists joined with ";").
CSV_COLUMNS: tuple[str, ...] = ASSESSMENT_FIELDS


def csv_rows(out: GapOutput) -> list[list[str]]:
    """Cells as the JSON has them: exact numbers without exponent, true/false, ; for lists."""
    rows: list[list[str]] = []
    for target in out.targets:
        rows.append([_cell(getattr(target, column)) for column in CSV_COLUMNS])
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return str(value)
