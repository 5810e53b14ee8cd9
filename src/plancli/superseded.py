"""An import does not put back a figure a later record corrected (docs/recording.md).

The daily job re-imports the unchanged bulletin (150) after an analyst corrected the figure by
hand (156): the row's figure is one its target already had at that position (the month its
period ends: 1-6月, 上半年 and 2022Q2 are one), and a later record superseded it, so the
row is kept out of the batch and reported, not written as a revision (which would undo the
correction every morning). A deliberate return to the old figure is a
hand `record`. Importing the same file twice stays a no-op: a row equal to the figure in force
is unchanged, and is never asked about here.

Pure core: no typer, no printing. The history is read only for the targets of rows that would
revise a figure, once each: a daily import of an unchanged bulletin reads none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.i18n import _, language
from plancli.plain import AnyPlan, AnyRecord
from plancli.record_text import figure_cell, in_force_text, recorded_time

if TYPE_CHECKING:
    from plancli.ledger import Change

_Figure = tuple[tuple[int, int], Decimal, Decimal | None]


def _figure(record: AnyRecord) -> _Figure:
    # The figure proper, value and amount (5 == 5.0: equal Decimals hash alike), at its
    # position, the month its period ends: 1-6月 (2022-06), 上半年 (2022-H1) and 2022Q2 are
    # one position (`assess.records.in_force`: a figure for another period ending the same
    # month supersedes it), so the 季报's 上半年 does not put back what a correction of the
    # 月报's 1-6月 superseded. A bulletin saved without its source column: the old figure too.
    from plancli.assess.records import period_end  # only for a row that would revise

    return (period_end(record.period), record.value, record.amount)


class Superseded:
    """Whether a row would put back a figure (value and amount) its target had at the row's
    position (the month its period ends, under any period label) before a later record
    superseded it: one that differs from the figure in force (a row
    changing only the note or source of the figure in force is a revision as ever).
    `load(target_ids)` gives their records (the import's own batch is skipped)."""

    def __init__(self, load: Callable[[list[str]], Iterable[AnyRecord]], batch: str) -> None:
        self._load = load
        self._batch = batch
        self._had: dict[str, set[_Figure]] = {}

    @classmethod
    def of_records(cls, records: Iterable[AnyRecord], batch: str) -> Superseded:
        """Over records at hand, grouped by target once, when first asked."""
        grouped: dict[str, list[AnyRecord]] = {}

        def load(target_ids: list[str]) -> list[AnyRecord]:
            if not grouped:
                for record in records:
                    grouped.setdefault(record.target, []).append(record)
                grouped.setdefault("", [])  # grouped once, even when there are no records
            return [record for target in target_ids for record in grouped.get(target, ())]

        return cls(load, batch)

    def reverts(self, previous: AnyRecord, record: AnyRecord) -> bool:
        """`previous`: the figure in force at the record's position."""
        if (record.value, record.amount) == (previous.value, previous.amount):
            return False
        figures = self._had.get(record.target)
        if figures is None:
            figures = self._had[record.target] = {
                _figure(earlier)
                for earlier in self._load([record.target])
                if earlier.batch != self._batch
            }
        return _figure(record) in figures


def kept_out(plan: AnyPlan, record: AnyRecord, in_force: AnyRecord) -> str:
    """The warning for a row kept out: target, period, the file's figure and the correction
    in force (with its period where another one ending the same month holds it)."""
    return _(
        "{target} {period}: the file's {figure} was superseded by a later record, and "
        "{current} (recorded {time}) stays in force; row not imported (to return to "
        "{figure}, record it by hand)"
    ).format(
        target=record.target,
        period=record.period,
        figure=figure_cell(record, plan.target(record.target), language()),  # 5.3%, as the rest
        current=in_force_text(plan, in_force, record),
        time=recorded_time(in_force.recorded_at),
    )


def kept_rows(
    plan: AnyPlan, changes: Iterable[tuple[int, Change]], records: Iterable[AnyRecord], batch: str
) -> dict[int, str]:
    """row → warning of the rows (row, its change) to keep out, against the ledger's
    `records` (every revision, at hand: `imports.check_import`)."""
    history = Superseded.of_records(records, batch)
    return {
        row: kept_out(plan, change.record, change.previous)
        for row, change in changes
        if change.previous is not None and history.reverts(change.previous, change.record)
    }
