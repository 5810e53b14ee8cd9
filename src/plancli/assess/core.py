"""What the status rules share: the statuses, one target's `Assessment`, the `Context` a rule
reads the plan, the figures and the as-of period from, and the arithmetic of pacing.

Arithmetic is exact. Recorded figures stay `Decimal` (as typed in the ledger), ratios are
`Fraction` (120/310 is not 0.387096774193548…); figures are rounded only where they leave the
package, in the output models (`plancli.assess.output`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, NamedTuple

from plancli.assess.bounds import Bound, bound_of
from plancli.assess.records import AmendmentIndex, Observation, RecordIndex
from plancli.errors import InputError, PlanFileError
from plancli.i18n import _
from plancli.part_year import part_year, year_average
from plancli.periods import Period, parse_period, parse_plan_period
from plancli.plain import Amendment, Baseline, Frequency, Plan, StatusRules, Target

Status = Literal[
    "met", "on_track", "at_risk", "behind", "missed", "no_data", "pending", "tracked", "dropped"
]
STATUSES: tuple[Status, ...] = (
    "met",
    "on_track",
    "at_risk",
    "behind",
    "missed",
    "no_data",
    "pending",
    "tracked",
    "dropped",
)
# "Worst first": a known failure before a risk, and a risk before an unknown; an unknown
# (no_data, then a bound still to come) before the targets that are fine, because somebody has
# to go and get the figure. Indicators carry no judgement: they sit with the fine ones.
WORST_FIRST: tuple[Status, ...] = (
    "missed",
    "behind",
    "at_risk",
    "no_data",
    "pending",
    "on_track",
    "tracked",
    "met",
    "dropped",  # no longer judged (不再考核): last, out of the way
)
PROBLEMS: frozenset[Status] = frozenset({"missed", "behind", "at_risk"})

# Why a target is no_data (machine-readable, in the JSON as `reason`).
NoDataReason = Literal[
    "no_records",  # the ledger holds nothing for the plan year: there is no as-of period
    "no_record",  # nothing recorded for this target at or before the as-of period
    "no_reference_record",  # relative: the reference has no record for the same period
    "no_parts_record",  # roll-up: neither it nor any of its parts has a record
    "no_base",  # change: no base level, in the plan or recorded for the year before
    "part_year",  # an annual total's latest figure is for part of the year (part_year.py)
    "year_average",  # a year's average (PM2.5)'s latest figure is for part of the year (ditto)
    "year_figure",  # the year's report: a pace verdict on a figure not the year's (report/)
]


class Assessment(NamedTuple):
    """One target judged at the as-of period; exact figures.

    Only the figures that apply to the target's kind are set; the others stay None. A named
    tuple, like the plan's plain data: no methods to compile at every start-up (plain.py)."""

    target: Target
    status: Status
    as_of: Period | None
    period: Period | None = None  # period of the record judged (summed roll-up: its oldest part's)
    actual: Decimal | None = None  # the figure judged: growth % (a fall, for declines), level…
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
    reference_actual: Decimal | None = None  # relative: the reference's figure, same period
    due: Period | None = None  # milestone
    parts_used: tuple[str, ...] = ()  # roll-up summed from these parts
    parts_missing: tuple[str, ...] = ()  # roll-up parts without a record (sum is partial)
    reason: NoDataReason | None = None  # why no_data
    bound: Bound | None = None  # the bound judged against (the plan's, or an amendment's)
    stretch_met: bool | None = None  # the figure reaches the stretch aim (争取更好结果)
    recorded: Decimal | None = None  # the figure as recorded, where `actual` is derived from it
    base: Decimal | None = None  # change: the base level; cumulative with opening: the stock
    dropped_by: Amendment | None = None  # the drop in force (status dropped, 不再考核)
    due_set: Amendment | None = None  # milestone: the due date `amend --due` set (else the plan's)
    superseded_own: Observation | None = None  # roll-up: own figure older than every part's
    reference_period: Period | None = None  # relative: the period of `reference_actual`
    # growth: `required_growth_rest` at either end of the baseline level's stated precision
    required_growth_rest_range: tuple[Fraction, Fraction] | None = None


Rule = Callable[["Context", Target, Period], Assessment]


class Context:
    """What a status rule reads: the plan, its tolerances, the figures and amendments in force,
    the as-of period; and the assessment of other targets (a roll-up's parts)."""

    def __init__(
        self,
        plan: Plan,
        index: RecordIndex,
        amendments: AmendmentIndex,
        as_of: Period | None,
        rule_for: Callable[[Target], Rule],
    ) -> None:
        self.plan = plan
        self.rules: StatusRules = plan.plan.status
        self.index = index
        self.amendments = amendments
        self.as_of = as_of
        self._rule_for = rule_for
        self._pace_floor = -fraction(self.rules.pace_tolerance)  # at risk down to here
        self._done: dict[str, Assessment] = {}
        self._visiting: set[str] = set()

    def assess(self, target: Target) -> Assessment:
        done = self._done.get(target.id)
        if done is not None:
            return done
        if self.as_of is not None:
            amendment = self.amendments.in_force(target.id, self.as_of)
            if amendment is not None and amendment.drops:
                result = dropped(target, self.as_of, self, amendment)
                self._done[target.id] = result
                return result
        if not target.parts and self.as_of is not None:
            # Only a roll-up assesses others (its parts): a cycle passes through roll-ups
            # alone, and everything else is judged without the watch for one.
            result = self._rule_for(target)(self, target, self.as_of)
            self._done[target.id] = result
            return result
        if target.id in self._visiting:
            raise PlanFileError(
                _("target {id}: its parts refer back to it (a cycle)").format(id=target.id)
            )
        if self.as_of is not None:
            self._parts_first(target)
        self._visiting.add(target.id)
        try:
            if self.as_of is None and target.pending and not self.amendments.all(target.id):
                # A bound still to come is pending whatever the ledger holds, as it is once
                # any figure is in (it was `no_data` only while the ledger was empty)
                result = Assessment(target, "pending", None)
            elif self.as_of is None:
                # The bound is the plan's, figure or not (low/high/direction in the outputs)
                result = Assessment(
                    target, "no_data", None, reason="no_records", bound=bound_of(target, self.rules)
                )
            else:
                result = self._rule_for(target)(self, target, self.as_of)
        finally:
            self._visiting.discard(target.id)
        self._done[target.id] = result
        return result

    def _parts_first(self, target: Target) -> None:
        """Assess a roll-up's parts, theirs first, walked with a stack (post-order): each then
        finds its own parts assessed, so a chain of 1,200 roll-ups (t0 ← t1 ← …) is not 1,200
        rules deep (a RecursionError, exit 70, until session 30). A cycle is the plan's error
        (plan_refs); `assess` still names one if it gets here."""
        order: list[Target] = []
        seen = {target.id}
        stack: list[tuple[Target, bool]] = [(target, False)]
        while stack:
            each, expanded = stack.pop()
            if expanded:
                order.append(each)
                continue
            stack.append((each, True))
            for part_id in each.parts:
                part = self.plan.target(part_id)
                if part is not None and part.id not in seen and part.id not in self._done:
                    seen.add(part.id)
                    stack.append((part, False))
        for each in order[:-1]:  # (the last is `target` itself)
            if each.id not in self._visiting:
                self.assess(each)

    def bound(self, target: Target, as_of: Period) -> Bound | None:
        """The bound in force at `as_of`: the latest amendment's from then on, else the plan's."""
        return bound_of(target, self.rules, self.amendments.in_force(target.id, as_of))

    def stale(self, target: Target, period: Period, as_of: Period) -> bool:
        return period.end_month < required_report_month(target.frequency, as_of)

    def progress_month(self, target: Target, period: Period, as_of: Period) -> int:
        # Judge against the clock of the latest period the target should have reported: a
        # quarterly figure for Q1 is the latest there is in May and is judged against March;
        # a monthly figure for March, as of June, is stale and judged against June.
        return max(period.end_month, required_report_month(target.frequency, as_of))

    def paced_status(self, pace_gap_pp: Fraction, as_of: Period) -> Status:
        """On track, at risk within the pace tolerance, else behind; at the year's final
        period (a figure older than the year's, judged at t = 1), short is behind: the
        tolerance is a margin for the months left and none is (官渡's investment plan at 98.77 %
        with one category's September figure, as of 2022-12: 滞后, not 存在风险, in every view;
        docs/status-rules.md)."""
        if pace_gap_pp >= 0:
            return "on_track"
        if pace_gap_pp >= self._pace_floor and not as_of.is_final:
            return "at_risk"
        return "behind"

    def due(self, target: Target) -> Period:
        """A milestone's due period: the date `amend --due` set last, else the plan's `due`,
        else the year's end."""
        if (amended := self.amendments.due(target.id)) is not None:
            return parse_period(amended.period)  # (AmendmentIndex read it)
        if target.due is None:
            return Period(self.plan.plan.year, "Y", 1)
        try:
            return parse_plan_period(target.due, self.plan.plan.year)
        except InputError as exc:
            raise PlanFileError(
                _("target {id}: due: {reason}").format(id=target.id, reason=exc)
            ) from None

    def target(self, target_id: str) -> Target:
        target = self.plan.target(target_id)
        assert target is not None  # the plan model checks that parts and references exist
        return target


def pending(target: Target, as_of: Period, ctx: Context) -> Assessment:
    """A target whose bound has not come yet (完成国家下达目标): its latest figure is shown.

    A decline's figure is shown as the fall it will be judged on once a bound comes, as the
    growth rule shows it: `actual` does not change sign when `plancli amend` gives the bound.
    """
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "pending", as_of)
    recorded = observation.value
    return Assessment(
        target,
        "pending",
        as_of,
        period=observation.period,
        actual=-recorded if target.decline else recorded,
        amount=observation.amount,
        stale=ctx.stale(target, observation.period, as_of),
        recorded=recorded if target.decline else None,
    )


def part_year_figure(
    ctx: Context, target: Target, as_of: Period, bound: Bound, observation: Observation
) -> Assessment | None:
    """An annual target judged on the year's total (粮食产量1300亿斤以上) whose latest figure is
    for part of the year (夏粮, 2026-H1): not judged, as no figure for the year is there yet
    (`no_data`, reason `part_year`); the figure is shown. None for the others (part_year.py)."""
    if not part_year(target, observation.period):
        return None
    return Assessment(
        target,
        "no_data",
        as_of,
        period=observation.period,
        actual=observation.value,
        stale=ctx.stale(target, observation.period, as_of),
        reason="part_year",
        bound=bound,
    )


def season_figure(judged: Assessment, observation: Observation) -> Assessment:
    """A year's average or rate to date (`year_average`: 细颗粒物年均浓度29微克/立方米左右) judged
    on a figure for part of the year that does not satisfy its bound (1-3月's winter 45): the
    season, not 滞后 — `no_data`, reason `year_average`, its figure and bound shown, gap null.
    Satisfied, or a figure for the year's final period (1-12月): `judged` as it is."""
    target = judged.target
    if judged.status in ("on_track", "met") or observation.period.is_final:
        return judged
    if not year_average(target):
        return judged
    return judged._replace(status="no_data", gap=None, tolerance=None, reason="year_average")


def dropped(target: Target, as_of: Period, ctx: Context, amendment: Amendment) -> Assessment:
    """A target dropped at the mid-year adjustment (不再考核, `amend --drop`): not judged from
    the end of the drop's period on; its latest figure is still shown, as recorded."""
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(target, "dropped", as_of, dropped_by=amendment)
    return Assessment(
        target,
        "dropped",
        as_of,
        period=observation.period,
        actual=-observation.value if target.decline else observation.value,
        amount=observation.amount,
        recorded=observation.value if target.decline else None,
        dropped_by=amendment,
    )


def against_bound(
    ctx: Context,
    target: Target,
    as_of: Period,
    bound: Bound,
    observation: Observation,
    actual: Decimal,
    tolerance: Decimal | None = None,
    **figures: Any,
) -> Assessment:
    """The unpaced rule every bounded figure shares (growth, level, change, trend, ongoing):
    `actual` (the figure judged, derived from the observation) against `bound`, `judged` into a
    status; `figures` are the rule's own extra figures (required growth, base…)."""
    gap = bound.gap(actual)
    final = as_of.is_final and observation.period.is_final
    return Assessment(
        target,
        judged(bound.satisfied(actual), final, gap, tolerance),
        as_of,
        period=observation.period,
        actual=actual,
        amount=observation.amount,
        gap=gap,
        stale=ctx.stale(target, observation.period, as_of),
        tolerance=tolerance,
        bound=bound,
        stretch_met=bound.stretch_met(actual),
        **figures,
    )


def judged(ok: bool, final: bool, gap: Decimal, tolerance: Decimal | None) -> Status:
    """The status of a figure judged against a bound without pacing (growth, level, change…):
    at the year's final period, from a year-end figure, met or missed; before it, on track when
    satisfied, at risk when short by at most `tolerance`, else behind."""
    if final:
        return "met" if ok else "missed"
    if ok:
        return "on_track"
    if tolerance is not None and gap <= tolerance:
        return "at_risk"
    return "behind"


# Months elapsed ÷ 12 at the end of each month (0 to 12): time progress, shared.
TWELFTHS: tuple[Fraction, ...] = tuple(Fraction(month, 12) for month in range(13))


def fraction(value: Decimal) -> Fraction:
    """`Fraction(value)`, exactly, without `Fraction`'s check for any Rational (an abstract
    class's isinstance: most of the cost of making one from a Decimal)."""
    numerator, denominator = value.as_integer_ratio()
    return Fraction(numerator, denominator)


def pace_gap(completion: Fraction, share: Fraction) -> Fraction:
    """(completion − share) × 100, percentage points: one Fraction, from the integers."""
    n, d = completion.numerator, completion.denominator
    return Fraction((n * share.denominator - share.numerator * d) * 100, d * share.denominator)


def per_month(remaining: Decimal, months_left: int) -> Fraction | None:
    """What each month left must add: remaining ÷ months left (none left: None)."""
    if months_left <= 0:
        return None
    numerator, denominator = remaining.as_integer_ratio()
    return Fraction(numerator, denominator * months_left)


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
        return TWELFTHS[end_month]
    return _profile_share(tuple(profile), end_month)


@functools.lru_cache(maxsize=1024)
def _profile_share(profile: tuple[Decimal, ...], end_month: int) -> Fraction:
    # A plan has a few profiles, shared by many targets: each share is worked out once.
    quarter = (end_month + 2) // 3
    start = fraction(profile[quarter - 2]) if quarter > 1 else Fraction(0)
    end = fraction(profile[quarter - 1])
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
        fraction(amount),
        fraction(growth),
        fraction(baseline_value),
        fraction(target_growth),
    )
    if r <= -100:
        return None
    target_amount = b * (1 + g / 100)
    last_year_same_months = a / (1 + r / 100)
    last_year_rest = b - last_year_same_months
    if last_year_rest <= 0:
        return None
    return ((target_amount - a) / last_year_rest - 1) * 100


def rest_range(
    amount: Decimal, growth: Decimal, baseline: Baseline, target_growth: Decimal, unit: str
) -> tuple[Fraction, Fraction] | None:
    """`required_growth_rest` (low, high) over the baseline level as precise as the report
    states it (`baseline.value_text`: 5.67万亿元 is 56700 ± 50 亿元); None without it. The
    growth needed moves one way with the level (its derivative's sign is that of the growth
    to date less the target's), so the two ends of the level give the two ends of the range;
    None too where either end leaves no rest of last year to grow from."""
    from plancli.level_precision import stated_level

    stated = None if baseline.value_text is None else stated_level(baseline.value_text, unit)
    if stated is None:
        return None
    value, half = stated
    ends = [required_growth_rest(amount, growth, value + k, target_growth) for k in (-half, half)]
    if ends[0] is None or ends[1] is None:
        return None
    return min(ends[0], ends[1]), max(ends[0], ends[1])


def month_period(as_of: Period, end_month: int) -> Period:
    """The as-of period itself when it ends that month, else the month."""
    return as_of if as_of.end_month == end_month else Period.month(as_of.year, end_month)
