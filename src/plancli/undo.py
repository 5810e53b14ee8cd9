"""`plancli undo`: the last batch, what reverting it brings back into force, and the revert."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from plancli.errors import PlanError
from plancli.i18n import _
from plancli.model import Amendment, Record, current_records
from plancli.stores.base import LedgerStore, PlacedAmendment
from plancli.stores.base import cached_period as _period

# ------------------------------------------------------------------------------- undo


@dataclass(frozen=True, slots=True)
class UndoStep:
    """One record of the batch to revert, and the revision in force after reverting it."""

    record: Record
    restored: Record | None


@dataclass(frozen=True, slots=True)
class AmendmentUndoStep:
    """An amendment to revert, and the amendment in force from its period on afterwards
    (None: the plan's bound)."""

    amendment: Amendment
    restored: Amendment | None


@dataclass(frozen=True, slots=True)
class UndoPlan:
    batch: str
    steps: tuple[UndoStep, ...]
    amendment_steps: tuple[AmendmentUndoStep, ...] = ()

    @property
    def records(self) -> list[Record]:
        return [step.record for step in self.steps]

    @property
    def amendments(self) -> list[Amendment]:
        return [step.amendment for step in self.amendment_steps]

    @property
    def recorded_at(self) -> datetime:
        first = self.steps[0].record if self.steps else self.amendment_steps[0].amendment
        return first.recorded_at


def last_batch(
    records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
) -> UndoPlan | None:
    """The batch of the last record or amendment written, or None if the ledger is empty."""
    if not records and not amendments:
        return None
    after_every_record = [p for p in amendments if p.after >= len(records)]
    batch = after_every_record[-1].amendment.batch if after_every_record else records[-1].batch
    kept = [r for r in records if r.batch != batch]
    after = current_records(kept)
    steps = tuple(UndoStep(r, after.get((r.target, r.period))) for r in records if r.batch == batch)
    kept_amendments = [p.amendment for p in amendments if p.amendment.batch != batch]
    amendment_steps = tuple(
        AmendmentUndoStep(p.amendment, amendment_in_force(kept_amendments, p.amendment))
        for p in amendments
        if p.amendment.batch == batch
    )
    return UndoPlan(batch, steps, amendment_steps)


def amendment_in_force(amendments: Sequence[Amendment], at: Amendment) -> Amendment | None:
    """Of `amendments`, the one in force for `at`'s target from `at`'s period on (the rule of
    the assessment: of those from a period ending by then, the one recorded last)."""
    period = _period(at.period)
    found = None
    for amendment in amendments:
        if amendment.target != at.target:
            continue
        other = _period(amendment.period)
        if other.year == period.year and other.end_month <= period.end_month:
            found = amendment
    return found


class LedgerChangedError(PlanError):
    """The last batch changed between showing it and reverting it (another writer)."""

    exit_code = 2


def undo_batch(store: LedgerStore, expected: UndoPlan) -> UndoPlan:
    """Remove the records (or the amendment) of `expected.batch`, if it is still the last batch.

    The user was shown `expected` and said yes without holding the lock (a question must not
    block other writers); if another writer has added a batch since, nothing is reverted.
    """
    with store.transaction() as session:
        now = last_batch(session.records(), session.amendments())
        if now is None or now.batch != expected.batch:
            latest = _("batch {batch}").format(batch=now.batch) if now else _("nothing")
            raise LedgerChangedError(
                _(
                    "the ledger changed while you were asked (its last batch is now {latest}); "
                    "nothing was reverted: run `plancli undo` again"
                ).format(latest=latest)
            )
        session.remove_batch(expected.batch)
        return now


def check_undo_allowed(store: LedgerStore, undo: UndoPlan) -> None:
    """A dry run's check that this role may revert the batch: a database refuses another
    department's batch, as `undo_batch` would."""
    targets = [r.target for r in undo.records] + [a.target for a in undo.amendments]
    store.check_allowed(targets, undoing=True)
