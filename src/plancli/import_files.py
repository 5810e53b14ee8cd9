"""Several files in one `plancli import` (a script's `import *.csv`, a department's three
sheets): one batch, all or nothing.

The files are checked in the order given, each against the ledger as the files before it
leave it (`check_import`, each row's change), inside one transaction: a bad row in any file,
or a target and period that two files both give, refuses them all and writes nothing; when all
pass, their changes are appended as one batch, which one `plancli undo` takes back whole. A
file re-imported is unchanged, as alone. The rows are checked whole per file, not streamed:
a month's files, not a million-row export (that one is imported alone).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, cast

from plancli.i18n import _
from plancli.import_problems import first_change_row, naming_rows
from plancli.imports import (
    ImportRejected,
    ImportResult,
    ImportRow,
    Problem,
    Problems,
    check_import,
)
from plancli.ledger_values import new_batch_id, utc_now
from plancli.periods import parse_period
from plancli.plain import AnyPlan, AnyRecord
from plancli.safe import clip_path
from plancli.stores.base import LedgerStore

if TYPE_CHECKING:
    from plancli.model import Record


@dataclass
class FileRows:
    """One file's rows as read (`read_import`, then `resolve_rows`)."""

    name: str
    rows: Sequence[ImportRow]
    problems: Problems | Sequence[Problem]
    pasted: Collection[int] = ()


def import_files(
    store: LedgerStore,
    plan: AnyPlan,
    files: Sequence[FileRows],
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> list[ImportResult]:
    """Each file's result, all of one batch; ImportRejected (of the first file refused) and
    nothing written when any row of any file is bad."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    store.check_writable()
    if dry_run:
        results = _checked(plan, files, list[AnyRecord](store.read()), batch, recorded_at)
        for result in results:
            with naming_rows(result.name, first_change_row(result.changes)):
                store.check_allowed([rc.change.record.target for rc in result.changes])
        return results
    with store.transaction() as session:
        results = _checked(plan, files, list[AnyRecord](session.records()), batch, recorded_at)
        for result in results:
            with naming_rows(result.name, first_change_row(result.changes)):
                session.append([rc.change.record for rc in result.changes])
    written = any(result.changes for result in results)
    return [replace(result, written=written) for result in results]


def _checked(
    plan: AnyPlan,
    files: Sequence[FileRows],
    records: list[AnyRecord],
    batch: str,
    recorded_at: datetime,
) -> list[ImportResult]:
    results: list[ImportResult] = []
    given: dict[tuple[str, int, int], tuple[str, int]] = {}  # position → (file, row)
    for file in files:
        count = len(file.rows)
        changes, unchanged, kept = check_import(
            plan,
            file.name,
            file.rows,
            file.problems,
            cast("list[Record]", records),  # check_import reads either kind
            batch=batch,
            recorded_at=recorded_at,
            pasted=file.pasted,
        )
        twice: list[Problem] = []
        mine: dict[tuple[str, int, int], tuple[str, int]] = {}
        for rc in [*changes, *unchanged, *kept]:
            record = rc.change.record
            period = parse_period(record.period)
            key = (record.target, period.year, period.end_month)
            if key in given:
                earlier, row = given[key]
                twice.append(
                    Problem(
                        rc.row,
                        _(
                            "{target} {period} is also in {file} (row {row}); give one figure "
                            "per target and period in the files of one import"
                        ).format(
                            target=record.target,
                            period=record.period,
                            file=clip_path(earlier),
                            row=row,
                        ),
                        record.target,
                    )
                )
            mine[key] = (file.name, rc.row)
        if twice:
            raise ImportRejected(file.name, twice)
        given.update(mine)
        records.extend(rc.change.record for rc in changes)
        results.append(ImportResult(file.name, batch, count, changes, unchanged, kept=kept))
    return results
