"""`plancli undo`: the last batch (or, with `--batch`, any one), what reverting it brings back
into force, and the revert."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from plancli.errors import InputError, PlanError
from plancli.i18n import _, join_list
from plancli.model import Amendment, Record
from plancli.safe import Clipped, clip_path
from plancli.stores.base import LedgerContents, LedgerStore, PlacedAmendment
from plancli.stores.base import cached_period as _period

# ------------------------------------------------------------------------------- undo


@dataclass(frozen=True, slots=True)
class UndoStep:
    """One record of the batch to revert, and the figure in force at its position after
    reverting it: its period's, or another period's ending the same month (2022-Q2 for a
    2022-06 record: one position, one figure)."""

    record: Record
    restored: Record | None
    # False: a later batch had already superseded the record, which is not in force; reverting
    # it changes nothing in force (`restored` is that later figure, which stays).
    in_force: bool = True


@dataclass(frozen=True, slots=True)
class AmendmentUndoStep:
    """An amendment to revert, and the amendment in force from its period on afterwards
    (None: the plan's bound)."""

    amendment: Amendment
    restored: Amendment | None
    in_force: bool = True  # False: a later amendment had already superseded it


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
    return batch_plan(records, amendments, batch)


def batch_plan(
    records: Sequence[Record], amendments: Sequence[PlacedAmendment], batch: str
) -> UndoPlan | None:
    """What reverting `batch` (any batch, not only the last) changes, or None if the ledger
    holds nothing of it. A record still in force gives way to the latest remaining figure of
    its position (target and the month its period ends: 2022-06 and 2022-Q2 are one), or to
    none; one a later batch superseded, under its period or another ending the same month,
    changes nothing. The rule of the assessment (`assess.records.in_force`)."""
    if not any(r.batch == batch for r in records) and not any(
        p.amendment.batch == batch for p in amendments
    ):
        return None
    from plancli.assess.records import in_force, period_end

    now = in_force(records)
    after = in_force([r for r in records if r.batch != batch])
    steps = tuple(
        UndoStep(r, after.get(key), now.get(key) is r)
        for r in records
        if r.batch == batch
        for key in [(r.target, *period_end(r.period))]
    )
    every_amendment = [p.amendment for p in amendments]
    kept_amendments = [a for a in every_amendment if a.batch != batch]
    amendment_steps = tuple(
        AmendmentUndoStep(
            a,
            amendment_in_force(kept_amendments, a),
            amendment_in_force(every_amendment, a) is a,
        )
        for a in every_amendment
        if a.batch == batch
    )
    return UndoPlan(batch, steps, amendment_steps)


class UnknownBatchError(InputError):
    """`undo --batch ID` with an id the ledger has no record or amendment of."""


def find_batch(
    records: Sequence[Record], amendments: Sequence[PlacedAmendment], given: str, ledger: str
) -> str:
    """The batch id `given` names: a whole id, or its end as `history` shows it (the six
    characters after the time); UnknownBatchError if none or several match."""
    if not given.strip():
        raise UnknownBatchError(
            _(
                "--batch needs a batch id: `plancli history` shows each figure's and "
                "adjustment's batch (the end of its id)"
            )
        )
    ids = dict.fromkeys([r.batch for r in records] + [p.amendment.batch for p in amendments])
    if given in ids:
        return given
    ending = given.strip()
    matches = [b for b in ids if b.endswith(f"-{ending}")] if ending else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownBatchError(
            _("batch {batch} is ambiguous in {ledger}: it ends {ids}; give the whole id").format(
                batch=Clipped(given), ledger=clip_path(ledger), ids=join_list(matches)
            )
        )
    raise UnknownBatchError(
        _(
            "no batch {batch} in {ledger}; `plancli history` shows each figure's and "
            "adjustment's batch (the end of its id; `--json` the whole id), as `record`, "
            "`import` and `amend` do"
        ).format(batch=Clipped(given), ledger=clip_path(ledger))
    )


def planned_undo(contents: LedgerContents, batch: str | None, ledger: str) -> UndoPlan | None:
    """What `undo` reverts: the last batch (None: the ledger is empty), or `--batch`'s (an
    UnknownBatchError if the ledger has none of it)."""
    if batch is None:
        return last_batch(contents.records, contents.amendments)
    found = find_batch(contents.records, contents.amendments, batch, ledger)
    return batch_plan(contents.records, contents.amendments, found)


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


def with_due_dates(
    undo: UndoPlan, amendments: Sequence[Amendment], milestones: Collection[str]
) -> UndoPlan:
    """`undo` as shown: a milestone's due date (`amend --due`, milestone_due) gives way to the
    one set last before it, or the plan's (None), whatever their periods; a later one set
    already superseded it (not in force)."""
    steps = []
    for step in undo.amendment_steps:
        at = step.amendment
        if at.target not in milestones or at.drops:
            steps.append(step)
            continue
        dues = [a for a in amendments if a.target == at.target and not a.drops]
        kept = [a for a in dues if a.batch != undo.batch]
        steps.append(AmendmentUndoStep(at, kept[-1] if kept else None, dues[-1] is at))
    return replace(undo, amendment_steps=tuple(steps))


class LedgerChangedError(PlanError):
    """The last batch changed between showing it and reverting it (another writer)."""

    exit_code = 2


def undo_batch(store: LedgerStore, expected: UndoPlan, *, last: bool = True) -> UndoPlan:
    """Remove the records (or the amendment) of `expected.batch`, if it is still the last
    batch (`last`), or (`undo --batch`) if reverting it still changes what the user was shown.

    The user was shown `expected` and said yes without holding the lock (a question must not
    block other writers); if another writer has changed that since, nothing is reverted.
    """
    with store.transaction() as session:
        records, amendments = session.records(), session.amendments()
        if last:
            now = last_batch(records, amendments)
            if now is None or now.batch != expected.batch:
                latest = _("batch {batch}").format(batch=now.batch) if now else _("nothing")
                raise LedgerChangedError(
                    _(
                        "the ledger changed while you were asked (its last batch is now "
                        "{latest}); nothing was reverted: run `plancli undo` again"
                    ).format(latest=latest)
                )
        else:
            found = batch_plan(records, amendments, expected.batch)
            if found != expected:
                raise LedgerChangedError(
                    _(
                        "the ledger changed while you were asked (batch {batch} was reverted, "
                        "or a later batch changed what reverting it does); nothing was "
                        "reverted: run `plancli undo --batch {batch}` again"
                    ).format(batch=expected.batch)
                )
            now = expected
        session.remove_batch(expected.batch)
        return now


def check_undo_allowed(
    store: LedgerStore, undo: UndoPlan, contents: LedgerContents, *, last: bool = False
) -> None:
    """A dry run's check that this role may revert the batch: a database refuses a batch
    another department's or the ledger's owner's roles wrote, or holding another department's
    target, and a batch whose revert moves back a later amendment (the ledger's
    owner's), as `undo_batch` would.

    The plan's `last` batch refused (another department recorded after this one: two
    departments at work at once), the refusal ends with the latest batch this role may
    revert, and the command that does: session 36's walk, where bob's `undo` was refused for
    alice's import and said nothing of his own record a minute before it."""
    try:
        _check_batch(store, contents, undo.batch)
    except InputError as refused:
        if not last or not store.refuses_targets or not refused.args:
            raise
        own = _own_last_batch(store, contents, undo.batch)
        if own is not None:
            hint = _(
                "the last batch this role may revert is {batch}: plancli undo --batch {short}"
            ).format(batch=own, short=own.rsplit("-", 1)[-1])
            refused.args = (f"{refused.args[0]}\n  {hint}", *refused.args[1:])
        raise


def _check_batch(store: LedgerStore, contents: LedgerContents, batch: str) -> None:
    targets = [r.target for r in contents.records if r.batch == batch]
    targets += [p.amendment.target for p in contents.amendments if p.amendment.batch == batch]
    moving = batch if moves_amendments(contents, batch) else None
    store.check_allowed(targets, undoing=batch, moving=moving)


# How many of the latest batches written by someone on record a refused undo looks through
# for this role's own: each is asked of the database (one snapshot), on the refusal's path.
_OWN_BATCHES_LOOKED_AT = 10


def _own_last_batch(store: LedgerStore, contents: LedgerContents, refused: str) -> str | None:
    """The latest batch before `refused` that this role may revert and whose revert changes a
    figure or bound in force (a figure the office has since corrected is not offered), of the
    last few written by a role on record (rows copied from a file are no department's), or
    None."""
    placed = [((i, 1), r.batch, r.recorded_by) for i, r in enumerate(contents.records)]
    placed += [
        ((p.after, 0), p.amendment.batch, p.amendment.recorded_by) for p in contents.amendments
    ]
    latest: dict[str, bool] = {}
    for _place, batch, writer in sorted(placed, key=lambda row: row[0], reverse=True):
        latest[batch] = latest.get(batch, True) and bool(writer)
    candidates = [b for b, on_record in latest.items() if on_record and b != refused]
    for batch in candidates[:_OWN_BATCHES_LOOKED_AT]:
        found = batch_plan(contents.records, contents.amendments, batch)
        if found is None or not _changes_in_force(found):
            continue
        try:
            _check_batch(store, contents, batch)
        except InputError:
            continue
        return batch
    return None


def _changes_in_force(undo: UndoPlan) -> bool:
    return any(step.in_force for step in undo.steps) or any(
        step.in_force for step in undo.amendment_steps
    )


def moves_amendments(contents: LedgerContents, batch: str) -> bool:
    """Does reverting `batch` move back an amendment of another batch written after one of
    its records (a batch from the middle of the ledger)?"""
    first = next((i for i, r in enumerate(contents.records) if r.batch == batch), None)
    return first is not None and any(
        p.after > first for p in contents.amendments if p.amendment.batch != batch
    )
