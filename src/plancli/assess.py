"""Assessment: which targets are met, on track, at risk or behind, and what it takes (DESIGN §3–§4).

Pure: a plan, its records and an as-of period in; one `Assessment` per target out. No I/O, no
Rich, no printing.

Which figure: one per position (target and end month, `in_force`): of 2022-06, 2022-Q2 and
2022-H1, the one recorded last, which `ledger.history` marks current.

Year-end verdicts need year-end figures. At the year's final period only a figure for the final
period (…-12, -Q4, -H2, the year) decides `met` or `missed`: for growth, level and relative
targets (a relative target's own figure and its reference's), and for the `missed` side of
cumulative targets (a roll-up: every part's figure) and milestones. A cumulative target or
milestone that has reached its amount or 100 is `met` whenever it did (delivery is not undone).
Otherwise, judged at year end from an earlier figure, a target gets the status the rules give
before year end (pacing against the full year, t = 1) and is `stale`.

Arithmetic is exact. Recorded figures stay `Decimal` (as typed in the ledger), ratios are
`Fraction` (120/310 is not 0.387096774193548…), and figures are rounded only where they leave
the module, in the output models (`gap_output`, `status_output`), to fixed places:

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

import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from plancli.errors import InputError, LedgerFileError, PlanFileError
from plancli.fmt import bound_text, num
from plancli.model import (
    Figure,
    Frequency,
    Kind,
    Number,
    Plan,
    Record,
    StatusRules,
    Target,
)
from plancli.output import SCHEMA_VERSION, HistoryRecord
from plancli.periods import Period, parse_period, parse_plan_period

Status = Literal["met", "on_track", "at_risk", "behind", "missed", "no_data"]
STATUSES: tuple[Status, ...] = ("met", "on_track", "at_risk", "behind", "missed", "no_data")
# "Worst first": a known failure before a risk, and a risk before an unknown; an unknown
# (no_data) before the targets that are fine, because somebody has to go and get the figure.
WORST_FIRST: tuple[Status, ...] = ("missed", "behind", "at_risk", "no_data", "on_track", "met")
PROBLEMS: frozenset[Status] = frozenset({"missed", "behind", "at_risk"})

# Why a target is no_data (machine-readable, in the JSON as `reason`).
NoDataReason = Literal[
    "no_records",  # the ledger holds nothing for the plan year: there is no as-of period
    "no_record",  # nothing recorded for this target at or before the as-of period
    "no_reference_record",  # relative: the reference has no record for the same period
    "no_parts_record",  # roll-up: neither it nor any of its parts has a record
]

# The dashboard's blocks are plan sections by convention (DESIGN §1: 预期目标 and 附表1 are
# the headline targets; 三、政府投资重点项目计划 is the investment plan).
HEADLINE_SECTION = "headline"
INVESTMENT_SECTION = "investment"

COMPLETION_PLACES = 4  # completion, time progress, expected share
PP_PLACES = 2  # percentage points and percent growth
AMOUNT_PLACES = 2  # at least; more when the target's own figures have more


# ------------------------------------------------------------------------------ the records


@dataclass(frozen=True, slots=True)
class Observation:
    """A target's record in force for one period, with the period parsed."""

    period: Period
    value: Decimal
    amount: Decimal | None


AnyRecord = TypeVar("AnyRecord", bound=Record | Figure)
Position = tuple[str, int, int]
"""What a figure describes: its target, and the year and month its period ends (DESIGN §3: a
record holds the position at the END of its period). 2022-06 and 2022-Q2 are one position."""


def in_force(records: Iterable[AnyRecord]) -> dict[Position, AnyRecord]:
    """The figure in force at each position: the one recorded last.

    `records` are in ledger order, oldest first. A later revision of the same period
    supersedes an earlier one, and so does a later figure for another period that ends the
    same month (2022-06 recorded after 2022-Q2, as a correction, or the other way round): one
    position has one figure. The assessment reads these, and `ledger.history` marks them
    current, so what is shown as in force is what is judged. A malformed period: InputError.
    """
    result: dict[Position, AnyRecord] = {}
    for record in records:
        try:
            year, end_month = _end(record.period)
        except InputError as exc:
            raise InputError(f"record of {record.target}: {exc}") from None
        result[record.target, year, end_month] = record
    return result


class RecordIndex:
    """The figures in force (`in_force`: the one recorded last at each position), per target.

    `records` are in ledger order; figures already reduced to one per period (a store's
    `figures()`) must come in the order their revisions in force were recorded, or a month and
    a quarter ending together cannot be told apart. Records of targets the plan does not have,
    or of another year, are ignored.
    """

    def __init__(self, plan: Plan, records: Iterable[Record | Figure]) -> None:
        ids = {target.id for target in plan.targets}
        year = plan.plan.year
        try:
            figures = in_force([record for record in records if record.target in ids])
        except InputError as exc:
            raise LedgerFileError(str(exc)) from None
        by_month: dict[str, dict[int, Observation]] = {}
        for (target_id, figure_year, end_month), record in figures.items():
            if figure_year == year:
                observation = Observation(_period(record.period), record.value, record.amount)
                by_month.setdefault(target_id, {})[end_month] = observation
        # One observation per end month (and one year): ordered by end month is period order.
        self._series = {
            target_id: [months[end_month] for end_month in sorted(months)]
            for target_id, months in by_month.items()
        }

    @property
    def latest_period(self) -> Period | None:
        """The latest period that has any record (the default as-of period, DESIGN §3)."""
        periods = [series[-1].period for series in self._series.values() if series]
        if not periods:
            return None
        # Figures in force of two targets for 2022-06 and 2022-Q2 end together; the month is
        # the more precise name for the date.
        return max(periods, key=lambda p: (p.year, p.end_month, p.start_month))

    def series(self, target_id: str, as_of: Period | None = None) -> list[Observation]:
        """The target's observations, oldest first, up to the end of `as_of`."""
        series = self._series.get(target_id, [])
        if as_of is None:
            return list(series)
        return [o for o in series if o.period.end_month <= as_of.end_month]

    def latest(self, target_id: str, as_of: Period) -> Observation | None:
        end_month = as_of.end_month
        for observation in reversed(self._series.get(target_id, ())):
            if observation.period.end_month <= end_month:
                return observation
        return None

    def at_month(self, target_id: str, end_month: int) -> Observation | None:
        for observation in self._series.get(target_id, []):
            if observation.period.end_month == end_month:
                return observation
        return None


@functools.lru_cache(maxsize=4096)
def _period(text: str) -> Period:
    # A ledger has few distinct periods (~19 a year) and may hold 100,000 records.
    return parse_period(text)


@functools.lru_cache(maxsize=4096)
def _end(text: str) -> tuple[int, int]:
    """The year and month a period ends: with the target, a figure's position."""
    period = _period(text)
    return period.year, period.end_month


# ------------------------------------------------------------------------- the assessment


@dataclass(frozen=True, slots=True)
class Assessment:
    """One target judged at the as-of period; exact figures (see the module docstring).

    Only the figures that apply to the target's kind are set; the others stay None.
    """

    target: Target
    status: Status
    as_of: Period | None
    period: Period | None = None  # period of the record judged (roll-up: its latest part's)
    actual: Decimal | None = None  # the value judged: growth %, level, YTD amount, percent done
    amount: Decimal | None = None  # growth targets: the YTD amount recorded with the growth
    gap: Decimal | None = None  # still missing to satisfy the bound, own unit; 0 when satisfied
    completion: Fraction | None = None  # cumulative and milestone: actual ÷ goal
    time_progress: Fraction | None = None  # months elapsed at `progress_period` ÷ 12
    expected_share: Fraction | None = None  # the share judged against (t, profile, or to due)
    progress_period: Period | None = None  # the period whose time progress is used
    pace_gap_pp: Fraction | None = None  # (completion − expected share) × 100
    projection: Fraction | None = None  # cumulative: actual ÷ expected share (year-end run rate)
    required_per_month: Fraction | None = None  # (goal − actual) ÷ months left
    months_left: int | None = None
    required_growth_rest: Fraction | None = None  # growth: % the rest of the year must grow
    stale: bool = False
    tolerance: Decimal | None = None  # pp: pace, growth or relative tolerance applied
    reference_actual: Decimal | None = None  # relative: the reference's growth, same period
    due: Period | None = None  # milestone
    parts_used: tuple[str, ...] = ()  # roll-up summed from these parts
    parts_missing: tuple[str, ...] = ()  # roll-up parts without a record (sum is partial)
    reason: NoDataReason | None = None  # why no_data


@dataclass(frozen=True)
class PlanAssessment:
    plan: Plan
    as_of: Period | None
    assessments: list[Assessment]
    index: RecordIndex = field(repr=False)

    @property
    def time_progress(self) -> Fraction | None:
        return self.as_of.time_progress if self.as_of is not None else None

    def get(self, target_id: str) -> Assessment:
        for assessment in self.assessments:
            if assessment.target.id == target_id:
                return assessment
        raise KeyError(target_id)


def assess_plan(
    plan: Plan, records: Iterable[Record | Figure], as_of: Period | str | None = None
) -> PlanAssessment:
    """Judge every target of the plan at `as_of` (default: the latest period with a record).

    `as_of` may be a period as users type it (2022-06, 2022-Q2, 2022-H1, 2022).
    """
    if isinstance(as_of, str):
        as_of = parse_plan_period(as_of, plan.plan.year)
    index = RecordIndex(plan, records)
    if as_of is None:
        as_of = index.latest_period
    elif as_of.year != plan.plan.year:
        raise InputError(f"as-of period {as_of} is outside the plan year {plan.plan.year}")
    assessor = _Assessor(plan, index, as_of)
    return PlanAssessment(plan, as_of, [assessor.assess(t) for t in plan.targets], index)


def satisfies(value: Decimal, target: Target, low: Decimal | None = None) -> bool:
    """Does `value` satisfy the target's bounds? (`low` overrides `min`: relative targets.)"""
    low = target.min if low is None else low
    high = target.max
    if low is not None and (value <= low if target.exclusive else value < low):
        return False
    return not (high is not None and (value >= high if target.exclusive else value > high))


def bound_gap(value: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    """Distance to the bound in the target's unit, 0 when inside it (never negative).

    A strict bound (正增长: > 0) met with equality has gap 0 and still fails: any increase
    is enough, and the status says it is needed.
    """
    if low is not None and value < low:
        return low - value
    if high is not None and value > high:
        return value - high
    return Decimal(0)


def required_report_month(frequency: Frequency, as_of: Period) -> int:
    """End month of the latest period a target of this frequency must have reported by `as_of`.

    monthly: the as-of month; quarterly: the last quarter ended by then (2022-05 → 3);
    annual: nothing before year end (0), the year at the final period (12).
    """
    month = as_of.end_month
    if frequency == "monthly":
        return month
    if frequency == "quarterly":
        return month // 3 * 3
    return 12 if month == 12 else 0


def expected_share(profile: Sequence[Decimal] | None, end_month: int) -> Fraction:
    """Share of the annual amount expected by the end of `end_month`.

    Without a profile, time progress (months ÷ 12); with one, the quarter-end shares,
    interpolated linearly within the quarter (profile [0.15, 0.4, …] at May: 0.15 + 0.25 × 2/3).
    """
    if profile is None:
        return Fraction(end_month, 12)
    quarter = (end_month + 2) // 3
    start = Fraction(profile[quarter - 2]) if quarter > 1 else Fraction(0)
    end = Fraction(profile[quarter - 1])
    return start + (end - start) * Fraction(end_month - 3 * (quarter - 1), 3)


def required_growth_rest(
    amount: Decimal, growth: Decimal, baseline_value: Decimal, target_growth: Decimal
) -> Fraction | None:
    """Growth (%) the rest of the year needs for the whole year to grow `target_growth` %.

    T = B × (1 + g/100) is the year's target amount; Bt = A ÷ (1 + r/100) last year's amount
    for the same months; the rest must grow (T − A) ÷ (B − Bt) − 1. None when last year's rest
    of the year (B − Bt) is not positive, which leaves nothing to grow from.
    """
    a, r, b, g = (
        Fraction(amount),
        Fraction(growth),
        Fraction(baseline_value),
        Fraction(target_growth),
    )
    if r <= -100:
        return None
    target_amount = b * (1 + g / 100)
    last_year_same_months = a / (1 + r / 100)
    last_year_rest = b - last_year_same_months
    if last_year_rest <= 0:
        return None
    return ((target_amount - a) / last_year_rest - 1) * 100


class _Assessor:
    def __init__(self, plan: Plan, index: RecordIndex, as_of: Period | None) -> None:
        self.plan = plan
        self.rules: StatusRules = plan.plan.status
        self.index = index
        self.as_of = as_of
        self._done: dict[str, Assessment] = {}
        self._visiting: set[str] = set()

    def assess(self, target: Target) -> Assessment:
        if target.id in self._done:
            return self._done[target.id]
        if target.id in self._visiting:
            raise PlanFileError(f"target {target.id}: its parts refer back to it (a cycle)")
        self._visiting.add(target.id)
        try:
            if self.as_of is None:
                result = Assessment(target, "no_data", None, reason="no_records")
            elif target.kind == "cumulative":
                result = self._cumulative(target, self.as_of)
            elif target.kind == "milestone":
                result = self._milestone(target, self.as_of)
            elif target.kind == "relative":
                result = self._relative(target, self.as_of)
            else:
                result = self._growth_or_level(target, self.as_of)
        finally:
            self._visiting.discard(target.id)
        self._done[target.id] = result
        return result

    def _stale(self, target: Target, period: Period, as_of: Period) -> bool:
        return period.end_month < required_report_month(target.frequency, as_of)

    def _progress_month(self, target: Target, period: Period, as_of: Period) -> int:
        # Judge against the clock of the latest period the target should have reported: a
        # quarterly figure for Q1 is the latest there is in May and is judged against March;
        # a monthly figure for March, as of June, is stale and judged against June.
        return max(period.end_month, required_report_month(target.frequency, as_of))

    # growth and level: the latest record, no pacing ------------------------------------
    def _growth_or_level(self, target: Target, as_of: Period) -> Assessment:
        observation = self.index.latest(target.id, as_of)
        if observation is None:
            return Assessment(target, "no_data", as_of, reason="no_record")
        actual = observation.value
        gap = bound_gap(actual, target.min, target.max)
        ok = satisfies(actual, target)
        rest: Fraction | None = None
        tolerance: Decimal | None = None
        if target.kind == "growth":
            tolerance = self.rules.growth_tolerance
            base = target.baseline
            if (
                observation.amount is not None
                and base is not None
                and base.value is not None
                and target.min is not None
                and not observation.period.is_final
            ):
                rest = required_growth_rest(observation.amount, actual, base.value, target.min)
        if as_of.is_final and observation.period.is_final:
            status: Status = "met" if ok else "missed"
        elif ok:
            status = "on_track"
        elif tolerance is not None and gap <= tolerance:
            status = "at_risk"
        else:
            status = "behind"
        return Assessment(
            target,
            status,
            as_of,
            period=observation.period,
            actual=actual,
            amount=observation.amount,
            gap=gap,
            required_growth_rest=rest,
            stale=self._stale(target, observation.period, as_of),
            tolerance=tolerance,
        )

    # relative: growth vs the reference's growth at the same period --------------------
    def _relative(self, target: Target, as_of: Period) -> Assessment:
        assert target.reference is not None  # the model guarantees it
        own = self.index.series(target.id, as_of)
        if not own:
            return Assessment(target, "no_data", as_of, reason="no_record")
        tolerance = self.rules.relative_tolerance
        # The latest period both report: incomes and GDP are compared month for month.
        for observation in reversed(own):
            reference = self.index.at_month(target.reference, observation.period.end_month)
            if reference is not None:
                break
        else:
            latest = own[-1]  # the target reported, its reference did not
            return Assessment(
                target,
                "no_data",
                as_of,
                period=latest.period,
                actual=latest.value,
                amount=latest.amount,
                stale=self._stale(target, latest.period, as_of),
                tolerance=tolerance,
                reason="no_reference_record",
            )
        assert reference is not None
        low = reference.value - tolerance
        actual = observation.value
        ok = satisfies(actual, target, low=low)
        # The reference's figure ends the same month: both are year-end figures, or neither.
        if as_of.is_final and observation.period.is_final:
            status: Status = "met" if ok else "missed"
        else:
            status = "on_track" if ok else "behind"
        return Assessment(
            target,
            status,
            as_of,
            period=observation.period,
            actual=actual,
            amount=observation.amount,
            gap=bound_gap(actual, low, target.max),
            stale=self._stale(target, observation.period, as_of),
            tolerance=tolerance,
            reference_actual=reference.value,
        )

    # cumulative: completion against time progress (or the profile) ---------------------
    def _cumulative(self, target: Target, as_of: Period) -> Assessment:
        assert target.min is not None  # the model guarantees it
        observation = self.index.latest(target.id, as_of)
        parts_used: tuple[str, ...] = ()
        parts_missing: tuple[str, ...] = ()
        if observation is not None:
            actual, period = observation.value, observation.period
            stale = self._stale(target, period, as_of)
            final = period.is_final
        elif target.parts:
            # A roll-up without its own figure is the sum of its parts' figures. Parts without
            # a record are left out and listed: the sum can only understate, never flatter.
            parts = [self.assess(self._target(part_id)) for part_id in target.parts]
            used = [p for p in parts if p.actual is not None and p.period is not None]
            parts_missing = tuple(p.target.id for p in parts if p not in used)
            if not used:
                return Assessment(
                    target, "no_data", as_of, parts_missing=parts_missing, reason="no_parts_record"
                )
            parts_used = tuple(p.target.id for p in used)
            actual = sum((p.actual for p in used if p.actual is not None), Decimal(0))
            period = max((p.period for p in used if p.period is not None), key=lambda x: x.sort_key)
            stale = any(p.stale for p in used)
            # The sum is a year-end figure only when every part's figure is one.
            final = not parts_missing and all(p.period.is_final for p in used if p.period)
        else:
            return Assessment(target, "no_data", as_of, reason="no_record")

        goal = target.min
        progress_month = self._progress_month(target, period, as_of)
        share = expected_share(target.profile, progress_month)
        completion = Fraction(actual) / Fraction(goal) if goal > 0 else None
        pace_gap_pp = (completion - share) * 100 if completion is not None else None
        months_left = 12 - progress_month
        remaining = max(goal - actual, Decimal(0))
        # The annual amount is `min`; a `max` is the top of a planned range ("1-2个试点"), and
        # delivering more than the range is over-fulfilment (超额完成), not a failure: the
        # target is met once `min` is reached (DESIGN §4: completion ≥ 1 → met).
        ok = actual > goal if target.exclusive else actual >= goal
        if ok:  # delivered, whenever: delivery is not undone
            status: Status = "met"
        elif as_of.is_final and final:
            status = "missed"
        elif pace_gap_pp is None:
            status = "behind"
        else:
            status = self._paced_status(pace_gap_pp)
        return Assessment(
            target,
            status,
            as_of,
            period=period,
            actual=actual,
            gap=bound_gap(actual, goal, None),
            completion=completion,
            time_progress=Fraction(progress_month, 12),
            expected_share=share,
            progress_period=_month_period(as_of, progress_month),
            pace_gap_pp=pace_gap_pp,
            projection=Fraction(actual) / share if share > 0 else None,
            required_per_month=Fraction(remaining) / months_left if months_left > 0 else None,
            months_left=months_left,
            stale=stale,
            tolerance=self.rules.pace_tolerance,
            parts_used=parts_used,
            parts_missing=parts_missing,
        )

    # milestone: percent done against time progress to the due period ------------------
    def _milestone(self, target: Target, as_of: Period) -> Assessment:
        due = self._due(target)
        observation = self.index.latest(target.id, as_of)
        if observation is None:
            return Assessment(target, "no_data", as_of, due=due, reason="no_record")
        done = observation.value
        progress_month = self._progress_month(target, observation.period, as_of)
        share = min(Fraction(1), Fraction(progress_month, due.end_month))
        completion = Fraction(done) / 100
        pace_gap_pp = (completion - share) * 100
        months_left = max(due.end_month - progress_month, 0)
        remaining = max(100 - done, Decimal(0))
        ok = done >= 100
        if ok:
            status: Status = "met"
        elif as_of.is_final and observation.period.is_final:
            status = "missed"
        else:
            status = self._paced_status(pace_gap_pp)
        return Assessment(
            target,
            status,
            as_of,
            period=observation.period,
            actual=done,
            gap=remaining,
            completion=completion,
            time_progress=Fraction(progress_month, 12),
            expected_share=share,
            progress_period=_month_period(as_of, progress_month),
            pace_gap_pp=pace_gap_pp,
            required_per_month=Fraction(remaining) / months_left if months_left > 0 else None,
            months_left=months_left,
            stale=self._stale(target, observation.period, as_of),
            tolerance=self.rules.pace_tolerance,
            due=due,
        )

    def _paced_status(self, pace_gap_pp: Fraction) -> Status:
        if pace_gap_pp >= 0:
            return "on_track"
        if pace_gap_pp >= -Fraction(self.rules.pace_tolerance):
            return "at_risk"
        return "behind"

    def _due(self, target: Target) -> Period:
        if target.due is None:
            return Period(self.plan.plan.year, "Y", 1)
        try:
            return parse_plan_period(target.due, self.plan.plan.year)
        except InputError as exc:
            raise PlanFileError(f"target {target.id}: due: {exc}") from None

    def _target(self, target_id: str) -> Target:
        target = self.plan.target(target_id)
        assert target is not None  # the plan model checks that parts exist
        return target


def _month_period(as_of: Period, end_month: int) -> Period:
    """The as-of period itself when it ends that month, else the month."""
    return as_of if as_of.end_month == end_month else Period.month(as_of.year, end_month)


# ------------------------------------------------------------------ choosing and ordering


def parse_statuses(text: str, option: str = "--status") -> tuple[Status, ...]:
    """`behind,at_risk` → the statuses; anything else is bad input listing the valid ones."""
    names = [name.strip().replace("-", "_") for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in STATUSES]
    if unknown or not names:
        shown = ", ".join(unknown) if unknown else repr(text)
        raise InputError(f"{option}: unknown status {shown}; valid: {', '.join(STATUSES)}")
    return tuple(name for name in STATUSES if name in names)


def worst_first(assessments: Iterable[Assessment], plan: Plan) -> list[Assessment]:
    """Missed, behind, at risk, no data, on track, met; within a status the furthest behind
    the pace first (paced targets before the others), then plan order."""
    order = {target.id: i for i, target in enumerate(plan.targets)}

    def key(a: Assessment) -> tuple[int, int, float, Fraction, int]:
        pace = a.pace_gap_pp if a.pace_gap_pp is not None else Fraction(0)
        # float(pace) orders as the exact pace wherever the floats differ, and comparing floats
        # is far cheaper than comparing Fractions (sorting 10,000 targets: 0.1 s → 0.01 s); equal
        # floats fall through to the exact pace.
        return (
            WORST_FIRST.index(a.status),
            0 if a.pace_gap_pp is not None else 1,
            float(pace),
            pace,
            order[a.target.id],
        )

    return sorted(assessments, key=key)


def select(
    assessment: PlanAssessment,
    targets: Sequence[Target],
    statuses: Sequence[Status] | None = None,
    order: Literal["worst", "plan"] = "worst",
) -> list[Assessment]:
    """The assessments of `targets` (already filtered by section or kind), of those statuses."""
    wanted = {t.id for t in targets}
    chosen = [
        a
        for a in assessment.assessments
        if a.target.id in wanted and (statuses is None or a.status in statuses)
    ]
    return worst_first(chosen, assessment.plan) if order == "worst" else chosen


def status_counts(assessments: Iterable[Assessment]) -> dict[Status, int]:
    counts = Counter(a.status for a in assessments)
    return {status: counts[status] for status in STATUSES}


# ---------------------------------------------------------------- output (the JSON contract)


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


def assessment_out(a: Assessment) -> AssessmentOut:
    target = a.target
    tolerance = Fraction(a.tolerance) if a.tolerance is not None else None
    pace_boundaries = [Fraction(0)] + ([-tolerance] if tolerance is not None else [])
    places = _places(target.min, target.max, a.actual)
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
        min=target.min,
        max=target.max,
        exclusive=target.exclusive,
        bound=bound_text(target),
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
