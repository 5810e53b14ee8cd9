"""The dashboard's and one target's JSON contract (DESIGN §6): `status --json` and
`show --json`, built of `gap`'s assessments (`assess.output`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from plancli.assess.band_side import off_by_section
from plancli.assess.core import PROBLEMS, Assessment, Status
from plancli.assess.engine import PlanAssessment
from plancli.assess.output import (
    AS_OF_END,
    COMPLETION_PLACES,
    HEADLINE_SECTION,
    INVESTMENT_SECTION,
    AssessmentOut,
    _assessment_fields,
    _opt,
    assessment_out,
    month_end,
)
from plancli.assess.select import status_counts, worst_first
from plancli.output import SCHEMA_VERSION, doc
from plancli.output_history import AmendmentOut, HistoryRecord
from plancli.part_year import no_year_figure
from plancli.plain import Number, Target

# ------------------------------------------------------------------------- the dashboard


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class Point:
    period: str
    value: Number


@dataclass(slots=True, kw_only=True, eq=False, repr=False, init=False)
class HeadlineOut(AssessmentOut):
    series: list[Point] = field(metadata=doc("the recorded figures up to as_of, oldest first"))

    # AssessmentOut's __init__ and the series: a generated one would compile all 51 fields
    # when the module is imported, which every read command does (issue 15).
    def __init__(self, *, series: list[Point], **fields: Any) -> None:
        AssessmentOut.__init__(self, **fields)
        self.series = series


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class SectionSummary:
    id: str
    name: str
    name_en: str
    counts: dict[Status, int]
    total: int
    off_band: dict[Status, int] = field(
        default_factory=dict,
        metadata=doc(
            "of `counts`' behind / missed, the band targets outside their band (CPI 2%左右 "
            "at 2.8 %): the dashboard counts them 偏离区间 (off band), not 滞后"
        ),
    )
    year_average: int = field(
        default=0,
        metadata=doc(
            "of `counts`' no_data, the year's averages shown with a figure for part of the "
            "year, not judged (reason `year_average`: PM2.5 at 1-3月): counted 无全年数据 "
            "(seasonal)"
        ),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class StatusOutput:
    """`plancli status --json`: the dashboard's content."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    plan_name: str
    plan_name_en: str
    as_of: str | None
    as_of_end: str | None = field(default=None, metadata=doc(AS_OF_END))
    time_progress: Number | None
    counts: dict[Status, int] = field(metadata=doc("all targets, per status"))
    headline: list[HeadlineOut] = field(metadata=doc(f"targets of section `{HEADLINE_SECTION}`"))
    sections: list[SectionSummary]
    investment: list[AssessmentOut] = field(
        metadata=doc(f"targets of section `{INVESTMENT_SECTION}`, roll-ups last")
    )
    worst: list[AssessmentOut] = field(
        metadata=doc("the worst work targets (other sections) that are missed, behind or at risk")
    )
    ledger: str | None = field(default=None, metadata=doc("the ledger file the figures come from"))


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class ShowOutput:
    """`plancli show ID --json`: one target, its assessment and every recorded revision."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    target: Target
    as_of: str | None
    as_of_end: str | None = field(default=None, metadata=doc(AS_OF_END))
    assessment: AssessmentOut
    ledger: str = field(metadata=doc("the ledger file the history was read from"))
    history: list[HistoryRecord] = field(metadata=doc("every revision, oldest first"))
    amendments: list[AmendmentOut] = field(
        default_factory=list,
        metadata=doc("mid-year adjustments (年中调整) of the target's bound, oldest first"),
    )
    met_by: HistoryRecord | None = field(
        default=None,
        metadata=doc(
            "the record in force that met the target (a milestone done): its figure for the "
            "assessment's period; null when it is not met, or its parts' sum met it"
        ),
    )


def status_output(
    assessment: PlanAssessment, worst: int = 10, ledger: str | None = None
) -> StatusOutput:
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
    # at the year's final period the worst ten are the furthest behind, missed or still without
    # their year-end figure alike (docs/status-rules.md, the dashboard's blocks)
    year_end = assessment.as_of is not None and assessment.as_of.is_final
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
                off_band=_off_band(members),
                year_average=sum(1 for a in members if no_year_figure(a.status, a.reason)),
            )
        )
    return StatusOutput(
        schema_version=SCHEMA_VERSION,
        plan=plan.plan.id,
        plan_name=plan.plan.name,
        plan_name_en=plan.plan.name_en,
        as_of=str(assessment.as_of) if assessment.as_of else None,
        as_of_end=month_end(assessment.as_of),
        time_progress=_opt(assessment.time_progress, COMPLETION_PLACES),
        counts=status_counts(all_),
        headline=headline,
        sections=sections,
        investment=[assessment_out(a) for a in investment],
        worst=[assessment_out(a) for a in worst_first(work, plan, year_end)[:worst]],
        ledger=ledger,
    )


def _off_band(members: list[Assessment]) -> dict[Status, int]:
    """Per status, a section's band targets off their band (every section, not only the
    headline and investment rows the dashboard holds: a band target of a work section too)."""
    judged = [assessment_out(a) for a in members if a.status in ("behind", "missed")]
    return {cast("Status", status): n for (_section, status), n in off_by_section(judged).items()}


def _headline(assessment: PlanAssessment, a: Assessment) -> HeadlineOut:
    """A headline row: the assessment, and the figures recorded up to the as-of period."""
    observations = (
        assessment.index.series(a.target.id, assessment.as_of) if assessment.as_of else []
    )
    return HeadlineOut(
        **_assessment_fields(a),
        series=[Point(period=str(o.period), value=o.value) for o in observations],
    )
