"""Assessment: which targets are met, on track, at risk or behind, and what it takes
(DESIGN §3–§4, docs/forms.md).

Pure: a plan, its records (and amendments) and an as-of period in; one `Assessment` per target
out. No I/O, no Rich, no printing. The rules themselves are in `plancli.assess.rules`, one
module per kind.

Year-end verdicts need year-end figures. At the year's final period only a figure for the final
period (…-12, -Q4, -H2, the year) decides `met` or `missed`: for growth, level and relative
targets (a relative target's own figure and its reference's), and for the `missed` side of
cumulative targets (a roll-up: every part's figure) and milestones. A cumulative target or
milestone that has reached its amount or 100 is `met` whenever it did (delivery is not undone).
Otherwise, judged at year end from an earlier figure, a target gets the status the rules give
before year end (pacing against the full year, t = 1) and is `stale`.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from plancli.assess.core import Assessment, Context
from plancli.assess.records import AmendmentIndex, Recorded, RecordIndex, unjudged_ids
from plancli.assess.rules import rule_for
from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_ends import as_of_period
from plancli.periods import Period
from plancli.plain import AnyAmendment, AnyPlan, FigureQuery, Plan, plain_amendment


class PlanAssessment:
    """Every target of a plan judged at one as-of period, with the figures it was judged on."""

    __slots__ = ("amendments", "as_of", "assessments", "index", "plan")

    def __init__(
        self,
        plan: Plan,
        as_of: Period | None,
        assessments: list[Assessment],
        index: RecordIndex,
        amendments: AmendmentIndex | None = None,
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.assessments = assessments
        self.index = index
        self.amendments = amendments

    @property
    def time_progress(self) -> Fraction | None:
        return self.as_of.time_progress if self.as_of is not None else None

    def get(self, target_id: str) -> Assessment:
        for assessment in self.assessments:
            if assessment.target.id == target_id:
                return assessment
        raise KeyError(target_id)


def figure_query(plan: AnyPlan, as_of: Period | str | None = None) -> FigureQuery:
    """What an assessment of `plan` at `as_of` reads of the ledger (a database selects only
    that): each target's latest figure up to then, the base year's, and the whole series of
    the relations and their references (a relation compares month for month)."""
    year = plan.plan.year
    if isinstance(as_of, str):
        as_of = as_of_period(as_of, year)
    if isinstance(plan, Plan):  # the columns: a plan's targets not built for this
        kinds = zip(plan.ids(), plan.column("kind"), strict=True)
        series = {target_id for target_id, kind in kinds if kind == "relative"}
        series |= set(filter(None, plan.column("reference")))
        series |= set(filter(None, plan.column("figures_of")))
    else:
        series = {t.id for t in plan.targets if t.kind == "relative"}
        series |= {t.reference for t in plan.targets if t.reference is not None}
        series |= {t.figures_of for t in plan.targets if t.figures_of is not None}
    end_month = as_of.end_month if as_of is not None and as_of.year == year else 12
    return FigureQuery(year, end_month, frozenset(series))


def assess_plan(
    plan: AnyPlan,
    records: Iterable[Recorded],
    as_of: Period | str | None = None,
    amendments: Iterable[AnyAmendment] = (),
) -> PlanAssessment:
    """Judge every target of the plan at `as_of` (default: the latest period with a record).

    `as_of` may be a period as users type it (2022-06, 2022-Q2, 2022-H1, 2022). The plan and
    the amendments are read as plain data (`plain.py`); the models are taken too, and made so.
    """
    context = plan_context(plan, records, as_of, amendments)
    assessments = [context.assess(t) for t in context.plan.targets]
    return PlanAssessment(
        context.plan, context.as_of, assessments, context.index, context.amendments
    )


def plan_context(
    plan: AnyPlan,
    records: Iterable[Recorded],
    as_of: Period | str | None = None,
    amendments: Iterable[AnyAmendment] = (),
) -> Context:
    """What judging any target of the plan at `as_of` reads (`assess_plan`): the figures and
    amendments in force, indexed, and the as-of period (the latest recorded by default)."""
    if not isinstance(plan, Plan):
        from plancli.compiled import plain_plan

        plan = plain_plan(plan)
    if isinstance(as_of, str):
        as_of = as_of_period(as_of, plan.plan.year)
    index = RecordIndex(plan, records)
    if as_of is not None and as_of.year != plan.plan.year:
        raise InputError(
            _("as-of period {period} is outside the plan year {year}").format(
                period=as_of, year=plan.plan.year
            )
        )
    amended = AmendmentIndex(plan, [plain_amendment(amendment) for amendment in amendments])
    if as_of is None:  # the latest figure of a judged target (a pending one's sets nothing)
        as_of = index.default_as_of(unjudged_ids(plan, amended))
    return Context(plan, index, amended, as_of, rule_for)
