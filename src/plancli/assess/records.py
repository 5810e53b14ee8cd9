"""The figures in force, per target, as the status rules read them (DESIGN §3).

Which figure: one per position (target and end month, `in_force`): of 2022-06, 2022-Q2 and
2022-H1, the one recorded last, which `ledger.history` marks current.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from decimal import Decimal
from typing import NamedTuple, Protocol, TypeVar

from plancli.errors import InputError, LedgerFileError
from plancli.i18n import _
from plancli.milestone_due import milestone_ids
from plancli.periods import Period, parse_period
from plancli.plain import Amendment, AnyPlan, Plan, plan_ids


class Observation(NamedTuple):
    """A target's record in force for one period, with the period parsed."""

    period: Period
    value: Decimal
    amount: Decimal | None


class Recorded(Protocol):
    """What the assessment reads of a figure: a `plain.Figure`, or a whole record (plain or
    the model's)."""

    @property
    def target(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def amount(self) -> Decimal | None: ...


AnyRecord = TypeVar("AnyRecord", bound=Recorded)
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
            year, end_month = period_end(record.period)
        except InputError as exc:
            raise InputError(
                _("record of {target}: {reason}").format(target=record.target, reason=exc)
            ) from None
        result[record.target, year, end_month] = record
    return result


class RecordIndex:
    """The figures in force (`in_force`: the one recorded last at each position), per target.

    `records` are in ledger order; figures already reduced to one per period (a store's
    `figures()`) must come in the order their revisions in force were recorded, or a month and
    a quarter ending together cannot be told apart. Records of targets the plan does not have,
    or of another year, are ignored.
    """

    def __init__(self, plan: AnyPlan, records: Iterable[Recorded]) -> None:
        ids = set(plan_ids(plan))
        year = plan.plan.year
        # `in_force` and the split by year in one pass (100,000 targets: 160,000 figures):
        # the record recorded last at each position kept, each period text parsed once.
        where: dict[str, tuple[int, int, Period]] = {}  # a period text: its year, end month
        by_month: dict[str, dict[int, Recorded]] = {}
        # The year before the plan year's year-end figures: the base level of a `change`
        # target ("提升1个百分点") when the report does not state it.
        base: dict[str, Recorded] = {}
        for record in records:
            target_id = record.target
            if target_id not in ids:
                continue
            text = record.period
            position = where.get(text)
            if position is None:
                try:
                    period = _period(text)
                except InputError as exc:
                    raise LedgerFileError(
                        _("record of {target}: {reason}").format(target=target_id, reason=exc)
                    ) from None
                position = where[text] = (period.year, period.end_month, period)
            if position[0] == year:
                months = by_month.get(target_id)
                if months is None:
                    by_month[target_id] = {position[1]: record}
                else:
                    months[position[1]] = record
            elif position[0] == year - 1 and position[1] == 12:
                base[target_id] = record
        new = tuple.__new__  # the named tuple made in C (its own `__new__` is Python)
        self._base = {
            target_id: new(Observation, (where[record.period][2], record.value, record.amount))
            for target_id, record in base.items()
        }
        # One observation per end month (and one year): ordered by end month is period order.
        series: dict[str, list[Observation]] = {}
        for target_id, months in by_month.items():
            if len(months) == 1:  # most targets, at the first months of a year or at its end
                (record,) = months.values()
                series[target_id] = [
                    new(Observation, (where[record.period][2], record.value, record.amount))
                ]
            else:
                series[target_id] = [
                    new(Observation, (where[record.period][2], record.value, record.amount))
                    for record in map(months.__getitem__, sorted(months))
                ]
        # One series judged as two targets (`figures_of`): the second reads the first's figures.
        for target_id, source in figure_links(plan).items():
            series.pop(target_id, None)
            self._base.pop(target_id, None)
            if source in series:
                series[target_id] = series[source]
            if source in self._base:
                self._base[target_id] = self._base[source]
        self._series = series

    @property
    def latest_period(self) -> Period | None:
        """The latest period that has any record."""
        return self.latest_of(())

    def latest_of(self, unjudged: Collection[str]) -> Period | None:
        """The latest period with a record of a target not in `unjudged`."""
        periods = [
            series[-1].period
            for target_id, series in self._series.items()
            if series and target_id not in unjudged
        ]
        if not periods:
            return None
        # Figures in force of two targets for 2022-06 and 2022-Q2 end together; the month is
        # the more precise name for the date.
        return max(periods, key=later_key)

    def default_as_of(self, unjudged: Collection[str]) -> Period | None:
        """The default as-of period (DESIGN §3): the latest with a figure of a judged target,
        not of one of `unjudged` (`unjudged_ids`: a bound still to come, whose figure is
        never judged, so 下降3 for 2026 does not move the dashboard to the year's end); the
        latest of any figure when only those have figures (they are then shown)."""
        return self.latest_of(unjudged) or self.latest_period

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

    def base(self, target_id: str) -> Observation | None:
        """The figure recorded for the end of the year before the plan year, if any."""
        return self._base.get(target_id)

    def at_month(self, target_id: str, end_month: int) -> Observation | None:
        for observation in self._series.get(target_id, []):
            if observation.period.end_month == end_month:
                return observation
        return None


def figure_links(plan: AnyPlan) -> dict[str, str]:
    """Each target judged on another's figures (`figures_of`): its id, the other's id."""
    if isinstance(plan, Plan):  # the columns: its targets not built for this
        return {
            target_id: source
            for target_id, source in zip(plan.ids(), plan.column("figures_of"), strict=True)
            if source is not None
        }
    # (a target of another shape, as a test's, has no `figures_of`: none)
    links = ((t.id, getattr(t, "figures_of", None)) for t in plan.targets)
    return {target_id: source for target_id, source in links if source is not None}


@functools.lru_cache(maxsize=4096)
def _period(text: str) -> Period:
    # A ledger has few distinct periods (~19 a year) and may hold 100,000 records.
    return parse_period(text)


@functools.lru_cache(maxsize=4096)
def period_end(text: str) -> tuple[int, int]:
    """The year and month a period ends: with the target, a figure's position (2022-06,
    2022-Q2 and 2022-H1 are one). A malformed period: InputError."""
    period = _period(text)
    return period.year, period.end_month


def later_key(period: Period) -> tuple[int, int, int]:
    """The order of latest periods: by the end, then a month before a quarter ending with it."""
    return period.year, period.end_month, period.start_month


def unjudged_ids(plan: AnyPlan, amendments: AmendmentIndex) -> set[str]:
    """The targets whose bound is still to come (`pending`, no amendment has given it): their
    figures are shown, never judged, and do not set the default as-of (`default_as_of`)."""
    if isinstance(plan, Plan):  # the columns: a plan's targets not built for this
        flags = zip(plan.ids(), plan.column("pending"), strict=True)
        waiting = [target_id for target_id, pending in flags if pending]
    else:
        waiting = [target.id for target in plan.targets if target.pending]
    return {target_id for target_id in waiting if not amendments.all(target_id)}


class AmendmentIndex:
    """Mid-year adjustments per target, in ledger order (docs/forms.md: `plancli amend`)."""

    def __init__(self, plan: AnyPlan, amendments: Iterable[Amendment]) -> None:
        self._by_target: dict[str, list[tuple[int, Amendment]]] = {}
        # A milestone's amendment with a bound sets its due date (节点时间, `milestone_due`):
        # never a bound in force, the latest recorded wins whatever its period.
        self._due: dict[str, Amendment] = {}
        milestones = milestone_ids(plan)
        year = plan.plan.year
        for amendment in amendments:
            try:
                period = _period(amendment.period)
            except InputError as exc:
                raise LedgerFileError(
                    _("amendment of {target}: {reason}").format(target=amendment.target, reason=exc)
                ) from None
            if period.year != year:
                continue
            if amendment.target in milestones and not amendment.drops:
                self._due[amendment.target] = amendment
            self._by_target.setdefault(amendment.target, []).append((period.end_month, amendment))

    def in_force(self, target_id: str, as_of: Period) -> Amendment | None:
        """The amendment in force at `as_of`: of those from a period ending by then, the one
        recorded last."""
        found = None
        for end_month, amendment in self._by_target.get(target_id, ()):
            sets_due = target_id in self._due and not amendment.drops  # (a milestone's)
            if end_month <= as_of.end_month and not sets_due:
                found = amendment
        return found

    def due(self, target_id: str) -> Amendment | None:
        """The due date (节点时间) set for a milestone by `amend --due`: the latest recorded."""
        return self._due.get(target_id)

    def all(self, target_id: str) -> list[Amendment]:
        return [amendment for _, amendment in self._by_target.get(target_id, ())]
