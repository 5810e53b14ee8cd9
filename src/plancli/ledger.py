"""The progress ledger: where recorded figures live (DESIGN §5). Pure core: no typer, no printing.

A record is kept by a store (`plancli.stores`: a TOML file, SQLite, PostgreSQL): a later record
for the same target and period supersedes an earlier one, which stays as history, and `undo`
(`plancli.undo`) removes the records of the last batch (one `record` command or one `import`).

The rules for figures (decided here, documented in the README):
- A record for a period before an existing later one is allowed: it is a late correction of
  that period. Later periods keep their own figures (each is a year-to-date total on its own);
  the result lists them so the user can revise them too.
- `--add` (cumulative targets only) adds an increment to the target's figure for the latest
  period that ends before this one. With no such record the base is 0 only for the year's first
  month; otherwise it is an error, because the year-to-date total is unknown. A span (4-6月,
  二季度) is added to the figure at the end of the month before it (`add_spans`).
- Recording a figure equal to the one in force (value, amount, note and source) is a no-op, so
  a re-run script or a re-imported file changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from plancli.add_spans import own_span, record_span
from plancli.errors import InputError
from plancli.figure_words import footnotes_refusal
from plancli.fmt import num
from plancli.harvest_parts import annual_add, harvest_checked, nothing_before
from plancli.i18n import N_, _, kind_word
from plancli.ledger_values import (
    check_value,
    checked_number,
    clean_text,
    new_batch_id,
    parse_number,
    parse_value,
    utc_now,
)
from plancli.level_slips import negative_level
from plancli.period_rhythm import quarter_end
from plancli.periods import Period, parse_plan_period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget, Record, latest_in_order
from plancli.plan import find_target
from plancli.rollup_sums import family
from plancli.sequence_slips import amount_sequence_warnings, sequence_warnings
from plancli.stores.base import cached_period as _period
from plancli.stores.base import same_as_stated

if TYPE_CHECKING:
    from plancli.stores.base import LedgerStore


# -------------------------------------------------------------------------- the domain


class Entry(NamedTuple):
    """One figure as typed or imported, before it is checked against the plan and ledger.
    A named tuple: an import makes a million of them, at a third of a frozen dataclass's
    cost each."""

    target: str
    period: str
    value: str | Decimal | int | float
    amount: str | Decimal | int | float | None = None
    note: str | None = None
    source: str | None = None
    add: bool = False
    held: Decimal | None = None  # an import's amount in 万元, in 亿元: kept if so in force


@dataclass(frozen=True, slots=True)
class Change:
    """What recording one entry does: the new record and what it supersedes."""

    record: Record
    # The figure in force at the record's position now, superseded by `record`: its period's,
    # or another period's that ends the same month (2022-H1 under a 2022-Q2 record).
    previous: AnyRecord | None
    base: AnyRecord | None = None  # --add: the earlier period's record the increment is added to
    increment: Decimal | None = None  # --add: the increment as given
    later: tuple[str, ...] = ()  # later periods of the target already recorded (late correction)
    warnings: tuple[str, ...] = field(default=())
    typed: object = None  # the figure as given: 增长0.6 is a rise said so (growth_slips)

    @property
    def unchanged(self) -> bool:
        return is_unchanged(self.previous, self.record)


def is_unchanged(previous: AnyRecord | None, record: AnyRecord) -> bool:
    """`record` repeats the figure in force at its position (2022-06 = 5 % repeats 2022-Q2 =
    5 %: one position, one figure), so writing it would change nothing. A note or source it
    does not give is no change either: the bulletin re-imported without a 来源 column repeats
    the figures recorded from the template with 统计月报, and keeps that source (audit S D8:
    it counted 6 修订 and would have erased the sources). As stated: 12 is not 12.0 (s41)."""
    if previous is None or not same_as_stated(previous.value, record.value):
        return False
    if not same_as_stated(previous.amount, record.amount):
        return False
    return (record.note is None or record.note == previous.note) and (
        record.source is None or record.source == previous.source
    )


def same_figure(a: AnyRecord, b: AnyRecord) -> bool:
    """Equal as figures (5 == 5.0), whenever and by whichever batch they were recorded."""
    return (a.value, a.amount, a.note, a.source) == (b.value, b.amount, b.note, b.source)


class Figures:
    """The figures in force (one per target and period), indexed by target, periods parsed once.

    Checking an entry looks at its target's other periods (for `--add`, late corrections and
    warnings); the index keeps an import of N rows into a ledger of M records O(N + M).
    """

    def __init__(self, records: Iterable[AnyRecord]) -> None:
        self._current: dict[tuple[str, str], AnyRecord] = latest_in_order(
            records, lambda record: (record.target, record.period)
        )
        self._by_target: dict[str, list[tuple[Period, AnyRecord]]] = {}
        # The figure in force at each position (target, year, end month): the one recorded
        # last, as the assessment reads it (`_current` is in the order of the last records).
        self._position: dict[tuple[str, int, int], AnyRecord] = {}
        for (target_id, text), record in self._current.items():
            period = _period(text)
            self._by_target.setdefault(target_id, []).append((period, record))
            self._position[target_id, period.year, period.end_month] = record

    def get(self, target_id: str, period: str) -> AnyRecord | None:
        return self._current.get((target_id, period))

    def at(self, target_id: str, period: Period) -> AnyRecord | None:
        """The figure in force at the position `period` ends: its own, or that of another
        period ending the same month recorded after it (2022-Q2 after 2022-H1)."""
        return self._position.get((target_id, period.year, period.end_month))

    def with_records(self, records: Iterable[AnyRecord]) -> Figures:
        """These figures, then `records` recorded on top of them."""
        return Figures([*self._current.values(), *records])

    def of_target(self, target_id: str) -> list[tuple[Period, AnyRecord]]:
        """The target's figures in force, each with its period."""
        return self._by_target.get(target_id, [])

    def latest_before(self, target_id: str, period: Period) -> AnyRecord | None:
        """The target's figure for the latest period that ENDS before `period` ends.

        Periods ending in the same month (2022-06, 2022-Q2, 2022-H1) describe the same moment,
        so none of them is "before" another.
        """
        earlier = [
            (other.sort_key, record)
            for other, record in self._by_target.get(target_id, ())
            if other.year == period.year and other.end_month < period.end_month
        ]
        return max(earlier, key=lambda item: item[0])[1] if earlier else None

    def later(self, target_id: str, period: Period) -> list[AnyRecord]:
        """The target's figures for periods ending after `period` ends, in period order."""
        found = [
            (other.sort_key, record)
            for other, record in self._by_target.get(target_id, ())
            if other.year == period.year and other.end_month > period.end_month
        ]
        return [record for _, record in sorted(found, key=lambda item: item[0])]


def figures_elsewhere(target_id: str, source: str) -> str:
    """The refusal of a figure of a target judged on another's (`figures_of`): one series
    recorded once. Not recorded under the other's id instead: the figure typed may be the
    other side of the comparison (the national average), which would then replace the
    series' own figure."""
    return _(
        "{target} has no figures of its own: it is judged on {source}'s (figures_of in the "
        "plan); record the figure as {source}"
    ).format(target=target_id, source=source)


def check_entry(
    plan: AnyPlan,
    entry: Entry,
    current: Figures,
    *,
    batch: str,
    recorded_at: datetime,
) -> Change:
    """Validate an entry against the plan and the records in force; InputError if it is bad."""
    target = find_target(plan, entry.target.strip())
    if target.figures_of is not None:
        raise InputError(figures_elsewhere(target.id, target.figures_of))
    span = record_span(entry.period, entry.add, target.kind, plan.plan.year)  # -p 4-6月
    period = entry_period(plan, target, span.text if span else entry.period)
    period_text = str(period)
    base: AnyRecord | None = None
    increment: Decimal | None = None
    if entry.add:
        if target.kind != "cumulative":
            raise InputError(
                _(
                    "--add is only for cumulative targets; {target} is a {kind} target: "
                    "record its figure for the period without --add"
                ).format(target=target.id, kind=kind_word(target.kind))
            )
        increment = parse_number(entry.value, N_("increment"), unit=target.unit)
        base = current.latest_before(target.id, period)
        if (span := span or own_span(target.frequency, period, entry.period, base)) is not None:
            span.check_base(target.id, base)
        elif base is None and not nothing_before(target, period):  # 1-2月, 2026
            raise annual_add(target, period) or InputError(
                _(
                    "--add: no record of {target} for a period before {period} to add to; "
                    "record the year-to-date total instead (without --add)"
                ).format(target=target.id, period=period)
            )
        value = (base.value if base else Decimal(0)) + increment
        if base is not None:
            shown = f"{base.period}'s {num(base.value)} + {num(increment)} = {num(value)}"
            # Both parts are fit to record; their sum may not be (more digits, or above 10^15).
            checked_number(value, num(value), f"--add: {target.id}'s new total")
        else:
            shown = f"value {num(value)}"
        check_value(target, value, shown)
    else:
        footnotes_refusal(((_("value"), entry.value), (_("amount"), entry.amount)))  # 5.2¹, 120²
        value = parse_value(entry.value, target)
        check_value(target, value, f"value {num(value)}")
        if (refused := negative_level(target, period_text, value)) is not None:
            raise InputError(refused)
    kept = entry.held is not None and entry.held.is_finite()  # an amount in 万元 (Entry.held)
    held = current.at(target.id, period) if kept else None
    amount = held.amount if held is not None and held.amount == entry.held else None
    given_amount = entry.amount.strip() or None if isinstance(entry.amount, str) else entry.amount
    if given_amount is not None:
        if not target.has_amount:
            raise InputError(
                _(
                    "{target} is a {kind} target and has no amount; --amount is for "
                    "growth targets (the year-to-date amount beside the growth %)"
                ).format(target=target.id, kind=kind_word(target.kind))
            )
        amount = parse_number(given_amount, N_("amount"), unit=target.unit)
        if amount < 0:
            raise InputError(
                _("amount {value} for {target} is negative").format(
                    value=num(amount), target=target.id
                )
            )
    # A plain record: every field is checked above (the figure by the rule a ledger's figures
    # are read back with, the texts by clean_text, the time is the caller's UTC clock), so a
    # `record` imports no Pydantic (issue 15: the model classes are ~0.15 s of its start).
    record = Record(
        target.id,
        period_text,
        value,
        amount,
        clean_text(entry.note, "note"),
        clean_text(entry.source, "source"),
        recorded_at,
        batch,
    )
    return Change(
        record=record,
        previous=current.at(target.id, period),
        base=base,
        increment=increment,
        later=tuple(r.period for r in current.later(target.id, period)),
        typed=entry.value,
    )


def entry_period(plan: AnyPlan, target: AnyTarget, text: str) -> Period:
    """A figure's period: in the plan year (a bulletin's 1-6月 in the target's rhythm, gdp's
    2022-Q2: `period_rhythm`), or a `change` target's base at the year before's end (2025-Q4)."""
    year = plan.plan.year
    try:
        period = _period(text)  # parsed once per distinct text: an import names a dozen periods
    except InputError:
        period = harvest_checked(target, text, year)  # written_period's, or 夏粮 named
    period = quarter_end(target, text, period, year)  # gdp's 1-7月: no quarter's end
    if target.kind != "change":
        return period if period.year == year else parse_plan_period(text, year)
    if period.year == year or (period.year == year - 1 and period.is_final):
        return period
    raise InputError(
        _(
            "period {period!r} is outside the plan year {year}; the base level of a change "
            "target is recorded for the end of {before} ({before} or {before}-12)"
        ).format(period=text, year=year, before=year - 1)
    )


def with_warnings(change: Change, warnings: list[str]) -> Change:
    return replace(change, warnings=tuple(warnings))


def record_entry(
    store: LedgerStore,
    plan: AnyPlan,
    entry: Entry,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> Change:
    """Record one figure as its own batch. The decision is taken under the lock, on the ledger
    as it is then, so concurrent `--add`s build on each other instead of racing."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    store.check_writable()
    if dry_run:
        current = Figures(store.read())
        change = check_entry(plan, entry, current, batch=batch, recorded_at=recorded_at)
        if not change.unchanged:
            store.check_allowed([change.record.target])  # as the write would refuse it
        return with_warnings(change, change_warnings(plan, change, current))
    with store.transaction() as session:
        # Its own target's (and roll-up's) figures, read as the server builds the targets.
        tid = entry.target.strip()
        current = Figures(session.records_of(family(plan, tid), lambda: plan.target(tid)))
        change = check_entry(plan, entry, current, batch=batch, recorded_at=recorded_at)
        if not change.unchanged:
            session.append([change.record])
    return with_warnings(change, change_warnings(plan, change, current))


def change_warnings(
    plan: AnyPlan, change: Change, current: Figures, said: set[str] | None = None
) -> list[str]:
    """A figure's warnings: out of sequence, an amount out of force, a total far above its
    plan's, part of the year's figure (once per target of `said`), a growth most likely its
    amount, a rise for a 下降 target, a roll-up at odds with its parts (rollup_sums.py)."""
    from plancli.bulletin_units import out_of_scale
    from plancli.growth_slips import growth_warnings
    from plancli.level_slips import level_warnings
    from plancli.part_year import part_year_warnings
    from plancli.record_text import dropped_amount
    from plancli.rollup_sums import rollup_warnings
    from plancli.stated_base import stated_base_warnings

    return [
        *sequence_warnings(plan, change.record, current, importing=said is not None),
        *amount_sequence_warnings(plan, change.record, current),
        *level_warnings(plan, change.record, current),
        *dropped_amount(plan, change.previous, change.record),
        *out_of_scale(plan, change.record, change.previous),
        *part_year_warnings(plan, change.record, said),
        *growth_warnings(plan, change.record, change.previous, change.typed),
        *stated_base_warnings(plan, change.record),  # a change's base the plan states
        *rollup_warnings(plan, change.record, current, said),
    ]


# ---------------------------------------------------------------------------- history
