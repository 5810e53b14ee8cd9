"""`import --json`'s rows, each with its change, from the streamed import (`import_stream`).

`import --json` listed every row, so it took the import that keeps a model of each
(`imports.check_import`: each row through `ledger.check_entry` and `change_warnings`), 2.5x
the streamed import's CPU on 18,000 rows. The streamed import checks and warns the same (its
tests compare the two), so --json now streams too and keeps, for each row it accepts, the
record and the figure in force it revises or repeats (`Listed`); the JSON is built from those
and from the warnings the stream gives by row, as it was from each row's `Change`. A dry run
writes nothing and still checks with `check_import` (its table needs each row's change);
`import_checked` writes what that check finds, the reference the stream is tested against.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from plancli.import_problems import first_change_row, naming_rows
from plancli.imports import ImportResult, ImportRow, Problem, Problems, RowChange, check_import
from plancli.ledger import Change
from plancli.plain import AnyPlan, AnyRecord
from plancli.plain import Record as PlainRecord
from plancli.stores.base import LedgerStore

# A row the stream accepted: its line, its record, the figure in force at its position.
Listed = tuple[int, PlainRecord, "AnyRecord | None"]


def listed_result(result: ImportResult, listing: list[Listed]) -> ImportResult:
    """`result` (a streamed import's: counts and warnings) with a RowChange for each row in
    `listing`: changed (new or revised), unchanged, or kept out, each with its warnings. The
    rows kept out (superseded.py) are the ones the stream names (`ImportResult.kept_rows`),
    not read off the place of their warnings in its list."""
    warnings = result.row_warnings()
    kept_rows = result.kept_rows
    by_row: dict[int, list[str]] = {}
    for row, warning in warnings:
        by_row.setdefault(row, []).append(warning)
    changes: list[RowChange] = []
    unchanged: list[RowChange] = []
    kept: list[RowChange] = []
    for line, record, previous in listing:
        change = Change(record, previous, warnings=tuple(by_row.get(line, ())))
        row_change = RowChange(line, change)
        if line in kept_rows:
            kept.append(row_change)
        elif change.unchanged:
            unchanged.append(row_change)
        else:
            changes.append(row_change)
    return ImportResult(
        result.name,
        result.batch,
        result.rows,
        changes,
        unchanged,
        written=result.written,
        counts=result.counts,
        warnings=result.warnings,
        kept=kept,
        periods=result.periods,
    )


def import_checked(
    store: LedgerStore,
    plan: AnyPlan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Problems | Sequence[Problem],
    batch: str,
    recorded_at: datetime,
    pasted: Collection[int] = (),
) -> ImportResult:
    """The import that checks each row with `check_import` (a dry run's check: each row's
    `Change`), then writes: what the streamed import, with or without its listing, is tested
    to match (`import_rows(keep=True)`)."""
    written: list[RowChange] = []
    with naming_rows(name, first_change_row(written)), store.transaction() as session:
        checked = check_import(
            plan,
            name,
            rows,
            problems,
            session.records(),
            batch=batch,
            recorded_at=recorded_at,
            pasted=pasted,
        )
        changes, unchanged, kept = checked
        written += changes
        session.append([rc.change.record for rc in changes])
    return ImportResult(
        name, batch, len(rows), changes, unchanged, written=bool(changes), kept=kept
    )
