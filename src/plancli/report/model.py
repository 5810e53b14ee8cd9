"""The report's content, built once from an assessment; every format renders this model.

Every per-target figure comes from the assessment's output models (`status_output`,
`assessment_out`), already rounded by their rules; nothing here judges a target again. The one
figure the report adds is a section's average completion, computed from the exact fractions of
the assessment and rounded like a completion.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import TYPE_CHECKING

from plancli.assess import (
    COMPLETION_PLACES,
    PROBLEMS,
    Assessment,
    AssessmentOut,
    HeadlineOut,
    PlanAssessment,
    Point,
    Status,
    assessment_out,
    in_force,
    round_keeping_side,
    select,
    status_counts,
    status_output,
)
from plancli.fmt import bound_text
from plancli.fmt import num as fmt_num
from plancli.history import history_record
from plancli.i18n import Lang
from plancli.output import SCHEMA_VERSION, doc
from plancli.output_history import HistoryRecord
from plancli.periods import Period, parse_period
from plancli.plain import AnyPlan, Number, ProjectCount
from plancli.ranges import states_alone, stretch_is_range_top
from plancli.report.chart_series import BoundStep, bound_steps, pace_lines, reference_series
from plancli.report.pending import issuer_of

if TYPE_CHECKING:
    from plancli.ledger_read import Strays
    from plancli.plain import AnyRecord


# Plain dataclasses, like the output contract's (`plancli.output`): built once from values the
# assessment already checked and rounded, so a report imports neither Pydantic nor the plan's
# models (0.2 s of every `report` before).


@dataclass(slots=True, kw_only=True)
class SectionProgress:
    """A plan section: its targets per status, and its average completion against pace."""

    id: str
    name: str
    name_en: str
    counts: dict[Status, int]
    total: int
    paced: int = field(
        metadata=doc("cumulative targets and milestones of the section that have a figure")
    )
    completion: Number | None = field(
        metadata=doc("mean completion of the paced targets, each capped at 1 (4 places)")
    )
    expected_share: Number | None = field(
        metadata=doc("mean share expected of the same targets by now (4 places)")
    )
    partial: list[str] = field(
        default_factory=list,
        metadata=doc(
            "roll-ups summed from only some of their parts: not averaged as a total (2.21 % of "
            "the investment plan from 1 of 6 categories), their reported parts are instead"
        ),
    )


@dataclass(slots=True, kw_only=True)
class AdjustmentOut:
    """A target judged on a mid-year adjustment (年中调整) of its bound at the as-of period."""

    id: str
    name: str
    name_en: str
    period: str = field(metadata=doc("the adjusted bound applies from the end of this period on"))
    bound: str = field(metadata=doc("the adjusted bound: ≥ 6 %"))
    plan_bound: str = field(metadata=doc("the plan's own bound (pending: none yet)"))
    bound_zh: str = field(metadata=doc("the adjusted bound in Chinese: 下降 ≥ 3.5 %"))
    plan_bound_zh: str = field(metadata=doc("the plan's own bound in Chinese: 待下达"))
    dropped: bool = field(
        default=False, metadata=doc("dropped (amend --drop, 不再考核): no longer judged")
    )
    note: str | None
    recorded_at: datetime
    # the plan's own bound, as numbers: what the summary says the bound was (原计划7%)
    plan_min: Number | None = None
    plan_max: Number | None = None
    plan_around: Number | None = None
    plan_stretch: Number | None = None
    plan_stretch_is_range_top: bool = False  # the plan's stretch tops its range (5%—5.5%)
    plan_alone: bool = False  # the plan states its one figure alone (增长7%, not 7%以上)


@dataclass(slots=True, kw_only=True)
class Report:
    """What a progress report says, in both languages (the renderer picks one)."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    plan_name: str
    plan_name_en: str
    year: int
    as_of: str | None
    time_progress: Number | None
    generated: date | None = field(metadata=doc("the day the report was made"))
    counts: dict[Status, int] = field(metadata=doc("all targets, per status"))
    headline: list[HeadlineOut]
    references: dict[str, list[Point]] = field(
        metadata=doc("relative headline targets: the series of the target each is compared with")
    )
    sections: list[SectionProgress]
    investment: list[AssessmentOut] = field(metadata=doc("investment categories, roll-ups last"))
    attention: list[AssessmentOut] = field(
        metadata=doc("every target missed, behind or at risk, worst first")
    )
    milestones: list[AssessmentOut] = field(
        metadata=doc("milestones not yet done, the soonest due first")
    )
    milestones_done: int
    done_in: dict[str, str] = field(
        default_factory=dict,
        metadata=doc("milestones done: the period each was first recorded done (show's 完成于)"),
    )
    milestones_total: int
    assessments: list[AssessmentOut] = field(metadata=doc("every target, in plan order"))
    records: list[HistoryRecord] = field(
        metadata=doc("every revision of the figures for periods up to as_of, oldest first")
    )
    adjustments: list[AdjustmentOut] = field(
        default_factory=list,
        metadata=doc("targets judged on a mid-year adjustment of their bound, in plan order"),
    )
    issuers: dict[str, str] = field(
        default_factory=dict,
        metadata=doc("targets whose quote names who hands them down (国家, 省, 市, 上级下达)"),
    )
    alone: list[str] = field(
        default_factory=list,
        metadata=doc(
            "targets whose quote states their one figure alone (增长2%, not 2%以上 or 2%左右): "
            "the report words their bound so"
        ),
    )

    bound_steps: dict[str, list[BoundStep]] = field(
        default_factory=dict,
        metadata=doc("headline targets whose bound changed by as_of: each bound and from when"),
    )
    strays: Strays | None = field(
        default=None,
        metadata=doc("no figure judged, yet the ledger holds some: of another year, or ids"),
    )

    stretch_over: list[str] = field(
        default_factory=list,
        metadata=doc("targets whose stretch is met only above it (力争比去年实现更多增长)"),
    )
    stretch_last_year: dict[str, Number] = field(
        default_factory=dict,
        metadata=doc(
            "targets of `stretch_over` whose stretch is last year's figure (the baseline's "
            "value: 力争比去年实现更多增长), each with it: the report's bound cell says so"
        ),
    )
    projects: dict[str, ProjectCount] = field(
        default_factory=dict,
        metadata=doc(
            "investment targets whose plan states their projects: how many, continuing (续建) "
            "and new (新开工), and the total investment where stated (亿元, all years)"
        ),
    )
    paces: dict[str, list[Number | None]] = field(
        default_factory=dict,
        metadata=doc(
            "cumulative headline targets: the stock on track at the end of each month, 0–12 "
            "(the opening stock plus the time progress's, or profile's, share of the goal); "
            "null for the months before a pending target's bound came (amend)"
        ),
    )

    def section_name(self, section_id: str, lang: Lang) -> str:
        for section in self.sections:
            if section.id == section_id:
                return section.name if lang == "zh" else section.name_en
        return section_id


def build_report(
    assessment: PlanAssessment, records: Sequence[AnyRecord], generated: date | None = None
) -> Report:
    """The report of `assessment` (judged from `records`), made on the day `generated`."""
    from plancli.report.done_periods import done_periods
    from plancli.report.yearfigure import without_year_figure

    assessment = without_year_figure(assessment)  # the year over: no pace on an old figure
    plan = assessment.plan
    dashboard = status_output(assessment)
    everything = assessment.assessments
    milestones = [a for a in everything if a.target.kind == "milestone"]
    pending = [a for a in milestones if a.status != "met"]
    pending.sort(
        key=lambda a: (
            a.due.end_month if a.due is not None else 12,
            0 if a.status in PROBLEMS else 1,  # the late ones before the unknown ones
            a.pace_gap_pp if a.pace_gap_pp is not None else Fraction(0),
        )
    )
    attention = select(assessment, plan.targets, tuple(PROBLEMS), order="worst")
    return Report(
        plan=plan.plan.id,
        plan_name=plan.plan.name,
        plan_name_en=plan.plan.name_en,
        year=plan.plan.year,
        as_of=dashboard.as_of,
        time_progress=dashboard.time_progress,
        generated=generated,
        counts=dashboard.counts,
        headline=dashboard.headline,
        references=reference_series(assessment, dashboard.headline),
        sections=[_section(assessment, s.id) for s in plan.sections],
        investment=dashboard.investment,
        projects={t.id: t.projects for t in plan.targets if t.projects is not None},
        attention=[assessment_out(a) for a in attention],
        milestones=[assessment_out(a) for a in pending],
        milestones_done=len(milestones) - len(pending),
        done_in=done_periods(assessment, records),
        milestones_total=len(milestones),
        assessments=[assessment_out(a) for a in everything],
        records=_records(plan, records, assessment.as_of),
        adjustments=_adjustments(everything),
        alone=[t.id for t in plan.targets if _alone(t)],
        issuers={t.id: who for t in plan.targets if (who := issuer_of(t.quote)) is not None},
        stretch_over=[t.id for t in plan.targets if t.stretch_exclusive],
        stretch_last_year={
            t.id: t.stretch
            for t in plan.targets
            if t.stretch is not None
            and t.stretch_exclusive
            and t.baseline is not None
            and t.stretch == t.baseline.value
        },
        bound_steps=bound_steps(assessment, dashboard.headline),
        paces=pace_lines(assessment, dashboard.headline),
    )


def _adjustments(assessments: Sequence[Assessment]) -> list[AdjustmentOut]:
    adjusted = []
    for a in assessments:
        amendment = a.bound.amendment if a.bound is not None else a.dropped_by
        if amendment is None:
            continue
        target = a.target
        adjusted.append(
            AdjustmentOut(
                id=target.id,
                name=target.name,
                name_en=target.name_en,
                period=amendment.period,
                bound=bound_text(target, amendment),
                plan_bound=_named_pending(bound_text(target), target.quote, "en"),
                bound_zh=bound_text(target, amendment, "zh"),
                plan_bound_zh=_named_pending(bound_text(target, None, "zh"), target.quote, "zh"),
                note=amendment.note,
                recorded_at=amendment.recorded_at,
                dropped=amendment.drops,
                plan_min=target.min,
                plan_max=target.max,
                plan_around=target.around,
                plan_stretch=target.stretch,
                plan_stretch_is_range_top=stretch_is_range_top(
                    (target.quote,), target.min, target.max, target.around, target.stretch
                ),
                plan_alone=states_alone(target.quote, _single(target.min, target.max)),
            )
        )
    return adjusted


def _named_pending(bound: str, quote: str | None, lang: str) -> str:
    """A plan's bound still to be set, by the level its quote names, as the summary says it
    (原计划待国家下达 / plan: still to be set by the State), never a bare 待下达 / pending in the
    list of adjustments beside it (audit R, D9)."""
    from plancli.report.pending import issuer_of, pending_words

    if bound not in ("待下达", "pending"):
        return bound
    return pending_words(issuer_of(quote), lang == "zh")


def _alone(target: object) -> bool:
    """Does the target's quote state its one figure alone (`states_alone`: 增长2%, 居民消费价格
    涨幅2% for a band around 2), not as 2%以上 or 2%左右?"""
    around = getattr(target, "around", None)
    figure = (
        around
        if around is not None
        else _single(getattr(target, "min", None), getattr(target, "max", None))
    )
    quote = getattr(target, "quote", None)
    return states_alone(quote, figure) and not _shared_word(quote, figure)


def _shared_word(quote: str | None, figure: Number | None) -> bool:
    """Does a 以上/左右 after a later figure of a list cover `figure` too (分别增长5%、6.5%左右:
    5%左右 as well as 6.5%左右)? Then the figure is not stated alone."""
    if quote is None or figure is None:
        return False
    text = unicodedata.normalize("NFKC", quote)
    for match in re.finditer(rf"(?<![0-9.]){re.escape(fmt_num(figure))}(?![0-9.])", text):
        rest = re.split(r"[，。；,;]", text[match.end() :], maxsplit=1)[0]
        if rest.lstrip("%个户万亿元").startswith("、") and any(
            w in rest for w in ("以上", "以内", "以下", "左右", "之内")
        ):
            return True
    return False


def _single(minimum: Number | None, maximum: Number | None) -> Number | None:
    """A bound's one figure: its floor or its ceiling, where it has only that one."""
    return maximum if minimum is None else (minimum if maximum is None else None)


def _section(assessment: PlanAssessment, section_id: str) -> SectionProgress:
    section = assessment.plan.section(section_id)
    assert section is not None  # from the plan's own list
    members = [a for a in assessment.assessments if a.target.section == section_id]
    completions: list[Fraction] = []
    expected_shares: list[Fraction] = []
    # A part whose roll-up is in the section is counted through it, weighed by its amount (the
    # investment plan's average is the total's completion, not a mean of six categories of
    # 2.3 to 16.53 亿元 beside their own total).
    # A roll-up summed from only some of its parts is no judged total: its reported parts
    # count instead (the investment plan at 2.21 % from 1 of 6 categories would read as late).
    partial = [a.target.id for a in members if a.parts_used and a.parts_missing]
    summed = {part for a in members if a.target.id not in partial for part in a.target.parts}
    for a in members:
        if a.target.id in summed or a.target.id in partial:
            continue
        if a.completion is not None and a.expected_share is not None:
            completions.append(min(a.completion, Fraction(1)))
            expected_shares.append(a.expected_share)
    completion = expected = None
    if completions:
        count = len(completions)
        # Shown like a completion: 100% only when every one of them is done.
        completion = round_keeping_side(
            sum(completions, Fraction(0)) / count, COMPLETION_PLACES, [Fraction(1)]
        )
        expected = round_keeping_side(
            sum(expected_shares, Fraction(0)) / count, COMPLETION_PLACES, []
        )
    return SectionProgress(
        id=section.id,
        name=section.name,
        name_en=section.name_en,
        counts=status_counts(members),
        total=len(members),
        paced=len(completions),
        completion=completion,
        expected_share=expected,
        partial=partial,
    )


def _records(
    plan: AnyPlan, records: Sequence[AnyRecord], as_of: Period | None
) -> list[HistoryRecord]:
    """Every revision of the plan year's figures up to the end of `as_of`, oldest first:
    the figures the report was judged from, and what they superseded."""
    if as_of is None:
        return []
    # The same rule as gap and history: one figure per position, the one recorded last.
    current = {id(r) for r in in_force(records).values()}
    kept: list[HistoryRecord] = []
    for record in records:
        period = parse_period(record.period)
        if period.year != plan.plan.year or period.end_month > as_of.end_month:
            continue
        kept.append(history_record(record, id(record) in current))
    return kept
