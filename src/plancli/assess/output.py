"""The JSON contract of assessments (DESIGN §6): `gap`, `status` and `show` outputs, rounded.

Figures are rounded only here, to fixed places:

- completion, time progress and expected share: 4 places (0.3871);
- percentage points and percent growth (pace gap, required growth): 2 places (−11.29, 8.72);
- amounts (projection, required per month): 2 places, more when the target's own figures
  carry more (31.67);
- figures that are only added or subtracted (actual, gap) are exact and never rounded.

Rounding is half away from zero (四舍五入), with one guard: it never carries a figure across
a status boundary. A completion of 0.99996 shows 0.9999, not 1, because the target is not met;
a pace gap of −0.001 pp shows −0.01, not 0, because the target is not on track.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from plancli.assess.core import (
    PROBLEMS,
    Assessment,
    NoDataReason,
    Status,
)
from plancli.assess.engine import PlanAssessment
from plancli.assess.select import status_counts, worst_first
from plancli.fmt import bound_text, num
from plancli.model import Direction, Frequency, Kind, Number, Relation, Target
from plancli.output import SCHEMA_VERSION, AmendmentOut, HistoryRecord, dump_json

# The dashboard's blocks are plan sections by convention (DESIGN §1: 预期目标 and 附表1 are
# the headline targets; 三、政府投资重点项目计划 is the investment plan).
HEADLINE_SECTION = "headline"
INVESTMENT_SECTION = "investment"

COMPLETION_PLACES = 4  # completion, time progress, expected share
PP_PLACES = 2  # percentage points and percent growth
AMOUNT_PLACES = 2  # at least; more when the target's own figures have more


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Exact 四舍五入: half away from zero, from the exact fraction (no float on the way)."""
    return Decimal(_half_up_units(value, 10**places)).scaleb(-places)


def _half_up_units(value: Fraction, scale: int) -> int:
    # floor(|value| × scale + 1/2), in integers: Fraction arithmetic was a third of `gap`'s
    # time at 1,000 targets.
    numerator, denominator = value.numerator, value.denominator
    units = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return units if numerator >= 0 else -units


def round_keeping_side(value: Fraction, places: int, boundaries: Iterable[Fraction]) -> Decimal:
    """`round_half_up`, except that the result stays on the same side of each boundary."""
    scale = 10**places
    units = _half_up_units(value, scale)
    for boundary in boundaries:
        shown = Fraction(units, scale)
        if value < boundary <= shown:
            units = math.ceil(boundary * scale) - 1
        elif shown < boundary <= value:
            units = math.ceil(boundary * scale)
    return Decimal(units).scaleb(-places)


def _places(*values: Decimal | None) -> int:
    """Decimal places to show amounts with: 2, or more when the figures have more."""
    places = [-int(v.as_tuple().exponent) for v in values if v is not None and v.is_finite()]
    return max([AMOUNT_PLACES, *places])


def _opt(
    value: Fraction | None, places: int, boundaries: Iterable[Fraction] = ()
) -> Decimal | None:
    return None if value is None else round_keeping_side(value, places, boundaries)


class AssessmentOut(BaseModel):
    """One target's assessment as `gap --json` writes it (DESIGN §6)."""

    model_config = ConfigDict(frozen=True)

    id: str
    section: str
    name: str
    name_en: str
    kind: Kind
    unit: str
    status: Status
    actual: Number | None = Field(
        description="the value judged: YTD growth %, level, YTD amount or percent done"
    )
    amount: Number | None = Field(description="growth targets: YTD amount recorded, in `unit`")
    period: str | None = Field(description="period of the record judged")
    gap: Number | None = Field(
        description="still missing to satisfy the bound, in the target's unit (pp for growth); "
        "0 when satisfied"
    )
    completion: Number | None = Field(description="actual ÷ annual target (4 places)")
    time_progress: Number | None = Field(
        description="months elapsed at progress_period ÷ 12 (4 places)"
    )
    pace_gap_pp: Number | None = Field(
        description="(completion − expected_share) × 100, percentage points (2 places)"
    )
    projection: Number | None = Field(
        description="cumulative: year-end run rate, actual ÷ expected_share"
    )
    required_per_month: Number | None = Field(
        description="(target − actual) ÷ months_left: what each remaining month must add"
    )
    required_growth_rest: Number | None = Field(
        description="growth: % the rest of the year must grow for the year to reach the target"
    )
    stale: bool = Field(description="the latest record is older than the frequency allows")
    # the components it was judged on
    min: Number | None
    max: Number | None
    exclusive: bool
    bound: str = Field(description="the bound as text: ≥ 7 %, > 0 %, ≤ 4.8 %")
    frequency: Frequency
    expected_share: Number | None = Field(
        description="share of the target expected by now: time progress, the profile's share, "
        "or time progress to the due period (milestones)"
    )
    progress_period: str | None = Field(description="period whose time progress is used")
    months_left: int | None
    tolerance_pp: Number | None = Field(description="pace, growth or relative tolerance applied")
    reference: str | None = Field(description="relative: the target compared with")
    reference_actual: Number | None = Field(description="relative: its growth, same period")
    due: str | None = Field(description="milestone: the period it is due")
    parts: list[str] = Field(description="roll-up: ids of its parts")
    parts_missing: list[str] = Field(description="roll-up: parts left out, without a record")
    reason: NoDataReason | None = Field(description="no_data: why")
    # the genre's forms (docs/forms.md)
    direction: Direction | None = Field(description="which way is better: up, down or band")
    around: Number | None = Field(description="X of X左右, as in force (plan or amendment)")
    tolerance: Number | None = Field(
        description="the 左右 tolerance applied, or a relation's tolerance, in the figure's unit"
    )
    low: Number | None = Field(description="the figure satisfies the bound at ≥ low (> if strict)")
    high: Number | None = Field(description="… and at ≤ high (< if strict)")
    stretch: Number | None = Field(description="the higher aim (争取更好结果), never a ceiling")
    stretch_met: bool | None = Field(description="the figure reaches the stretch aim")
    decline: bool = Field(description="stated as a fall (下降…): `actual` is the fall")
    recorded: Number | None = Field(
        description="the figure as recorded where `actual` is derived (a decline's growth, a "
        "change's level)"
    )
    base: Number | None = Field(description="change: the base level; cumulative: the opening stock")
    relation: Relation | None = Field(description="relative: same, above, not_below or below")
    pending: bool = Field(description="the plan leaves the bound to come (完成国家下达目标)")
    amended_from: str | None = Field(
        description="a mid-year amendment (年中调整) in force: the period it applies from"
    )
    amendment_note: str | None = Field(description="the amendment's note")


def assessment_out(a: Assessment) -> AssessmentOut:
    target = a.target
    tolerance = Fraction(a.tolerance) if a.tolerance is not None else None
    pace_boundaries = [Fraction(0)] + ([-tolerance] if tolerance is not None else [])
    places = _places(target.min, target.max, target.around, a.actual)
    bound = a.bound
    amendment = bound.amendment if bound is not None else None
    return AssessmentOut(
        id=target.id,
        section=target.section,
        name=target.name,
        name_en=target.name_en,
        kind=target.kind,
        unit=target.unit,
        status=a.status,
        actual=a.actual,
        amount=a.amount,
        period=str(a.period) if a.period else None,
        gap=a.gap,
        completion=_opt(a.completion, COMPLETION_PLACES, [Fraction(1)]),
        time_progress=_opt(a.time_progress, COMPLETION_PLACES),
        pace_gap_pp=_opt(a.pace_gap_pp, PP_PLACES, pace_boundaries),
        projection=_opt(a.projection, places),
        required_per_month=_opt(a.required_per_month, places),
        required_growth_rest=_opt(a.required_growth_rest, PP_PLACES),
        stale=a.stale,
        min=bound.min if bound is not None else target.min,
        max=bound.max if bound is not None else target.max,
        exclusive=target.exclusive,
        bound=bound_text(target, amendment),
        frequency=target.frequency,
        expected_share=_opt(a.expected_share, COMPLETION_PLACES),
        progress_period=str(a.progress_period) if a.progress_period else None,
        months_left=a.months_left,
        tolerance_pp=a.tolerance,
        reference=target.reference,
        reference_actual=a.reference_actual,
        due=str(a.due) if a.due else None,
        parts=list(target.parts),
        parts_missing=list(a.parts_missing),
        reason=a.reason,
        direction=bound.direction if bound is not None else target.direction,
        around=bound.around if bound is not None else target.around,
        tolerance=bound.tolerance
        if bound is not None and bound.around is not None
        else (target.tolerance),
        low=bound.low if bound is not None else None,
        high=bound.high if bound is not None else None,
        stretch=bound.stretch if bound is not None else target.stretch,
        stretch_met=a.stretch_met,
        decline=target.decline,
        recorded=a.recorded,
        base=a.base,
        relation=(target.relation or "same") if target.kind == "relative" else None,
        pending=target.pending,
        amended_from=amendment.period if amendment is not None else None,
        amendment_note=amendment.note if amendment is not None else None,
    )


class GapOutput(BaseModel):
    """`plancli gap --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    as_of: str | None = Field(description="the period judged; null when nothing is recorded")
    time_progress: Number | None = Field(description="months elapsed at as_of ÷ 12")
    counts: dict[Status, int] = Field(description="how many of the targets shown per status")
    targets: list[AssessmentOut]


def gap_output(assessment: PlanAssessment, chosen: Sequence[Assessment]) -> GapOutput:
    return GapOutput(
        schema_version=SCHEMA_VERSION,
        plan=assessment.plan.plan.id,
        as_of=str(assessment.as_of) if assessment.as_of else None,
        time_progress=_opt(assessment.time_progress, COMPLETION_PLACES),
        counts=status_counts(chosen),
        targets=[assessment_out(a) for a in chosen],
    )


def gap_json(assessment: PlanAssessment, chosen: Sequence[Assessment]) -> Iterator[str]:
    """`dump_json(gap_output(…))`, byte for byte, in pieces: one target's JSON at a time.

    At 100,000 targets the whole `GapOutput` and its text took 0.8 GB on top of the plan and
    the assessment (issue 13's goal for `gap --json` is 1 GB); written a target at a time,
    each target's model and text are freed as soon as they are written.
    """
    whole = gap_output(assessment, [])
    head = dump_json(whole.model_copy(update={"counts": status_counts(chosen)}))
    empty = '"targets": []\n}'
    if not chosen or not head.endswith(empty):  # pragma: no cover - the model's last field
        yield dump_json(gap_output(assessment, chosen))
        return
    yield head[: -len("[]\n}")] + "[\n"
    last = len(chosen) - 1
    for index, one in enumerate(chosen):
        text = dump_json(assessment_out(one))
        yield "    " + text.replace("\n", "\n    ") + (",\n" if index < last else "\n")
    yield "  ]\n}"


# CSV: one row per target, the JSON fields as columns (lists joined with ";").
CSV_COLUMNS: tuple[str, ...] = tuple(AssessmentOut.model_fields)


def csv_rows(out: GapOutput) -> list[list[str]]:
    """Cells as the JSON has them: exact numbers without exponent, true/false, ; for lists."""
    rows: list[list[str]] = []
    for target in out.targets:
        data = target.model_dump(mode="python")
        rows.append([_cell(data[column]) for column in CSV_COLUMNS])
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


# ------------------------------------------------------------------------- the dashboard


class Point(BaseModel):
    period: str
    value: Number


class HeadlineOut(AssessmentOut):
    series: list[Point] = Field(description="the recorded figures up to as_of, oldest first")


class SectionSummary(BaseModel):
    id: str
    name: str
    name_en: str
    counts: dict[Status, int]
    total: int


class StatusOutput(BaseModel):
    """`plancli status --json`: the dashboard's content."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    plan_name: str
    plan_name_en: str
    as_of: str | None
    time_progress: Number | None
    counts: dict[Status, int] = Field(description="all targets, per status")
    headline: list[HeadlineOut] = Field(description=f"targets of section `{HEADLINE_SECTION}`")
    sections: list[SectionSummary]
    investment: list[AssessmentOut] = Field(
        description=f"targets of section `{INVESTMENT_SECTION}`, roll-ups last"
    )
    worst: list[AssessmentOut] = Field(
        description="the worst work targets (other sections) that are missed, behind or at risk"
    )
    ledger: str | None = Field(default=None, description="the ledger file the figures come from")


class ShowOutput(BaseModel):
    """`plancli show ID --json`: one target, its assessment and every recorded revision."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    target: Target
    as_of: str | None
    assessment: AssessmentOut
    ledger: str = Field(description="the ledger file the history was read from")
    history: list[HistoryRecord] = Field(description="every revision, oldest first")
    amendments: list[AmendmentOut] = Field(
        default_factory=list,
        description="mid-year adjustments (年中调整) of the target's bound, oldest first",
    )


def status_output(assessment: PlanAssessment, worst: int = 10) -> StatusOutput:
    plan = assessment.plan
    all_ = assessment.assessments
    headline = [_headline(assessment, a) for a in all_ if a.target.section == HEADLINE_SECTION]
    investment = [a for a in all_ if a.target.section == INVESTMENT_SECTION]
    investment.sort(key=lambda a: bool(a.target.parts))  # stable: roll-ups last
    work = [
        a
        for a in all_
        if a.target.section not in (HEADLINE_SECTION, INVESTMENT_SECTION) and a.status in PROBLEMS
    ]
    sections = []
    for section in plan.sections:
        members = [a for a in all_ if a.target.section == section.id]
        sections.append(
            SectionSummary(
                id=section.id,
                name=section.name,
                name_en=section.name_en,
                counts=status_counts(members),
                total=len(members),
            )
        )
    return StatusOutput(
        schema_version=SCHEMA_VERSION,
        plan=plan.plan.id,
        plan_name=plan.plan.name,
        plan_name_en=plan.plan.name_en,
        as_of=str(assessment.as_of) if assessment.as_of else None,
        time_progress=_opt(assessment.time_progress, COMPLETION_PLACES),
        counts=status_counts(all_),
        headline=headline,
        sections=sections,
        investment=[assessment_out(a) for a in investment],
        worst=[assessment_out(a) for a in worst_first(work, plan)[:worst]],
    )


def _headline(assessment: PlanAssessment, a: Assessment) -> HeadlineOut:
    """A headline row: the assessment, and the figures recorded up to the as-of period."""
    observations = (
        assessment.index.series(a.target.id, assessment.as_of) if assessment.as_of else []
    )
    return HeadlineOut(
        **assessment_out(a).model_dump(),
        series=[Point(period=str(o.period), value=o.value) for o in observations],
    )
