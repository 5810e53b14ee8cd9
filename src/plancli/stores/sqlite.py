"""The progress ledger as a SQLite file (`.sqlite` / `.db`): same records, same guarantees.

TOML is the ledger people read and diff; at a city's scale (120,000 records) parsing it takes
seconds, so a ledger whose name ends in `.sqlite` or `.db` is kept in SQLite instead
(`plancli ledger convert` moves a ledger between the two without losing anything).

Format: table `records`, one row per record in ledger order (`seq`, oldest first). Figures are
stored as the decimal text they were recorded with (`5.0` stays `5.0`), `recorded_at` as ISO
8601 text. Table `amendments` (schema 2) holds the mid-year adjustments of bounds (`plancli
amend`), each with `after_records`, how many records the ledger held when it was written (its
place in ledger order, for `undo`). `PRAGMA application_id` marks the file as a plancli ledger
and `PRAGMA user_version` is the schema version, so a foreign or newer database is refused
rather than written. A schema-1 ledger (before amendments) reads with no amendments and is
migrated to schema 2 by its first write (the table is created in the writing transaction).

Durability: WAL journal with `synchronous=FULL`; every change is one `BEGIN IMMEDIATE`
transaction, which takes SQLite's write lock and re-reads under it, exactly as the TOML store
re-reads under its flock. Concurrent writers wait up to the lock timeout; a writer killed
mid-transaction leaves the ledger as it was (SQLite rolls the torn transaction back).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from plancli.locations import LedgerLocation
from plancli.plain import Figure, FigureQuery, latest_in_order
from plancli.plain import Record as PlainRecord
from plancli.stores.base import (
    CRASH_HOOK,
    LOCK_TIMEOUT_SECONDS,
    LedgerContents,
    PlacedAmendment,
    after_removal,
    make_folder,
    period_problems,
    unstorable_text,
)
from plancli.stores.sqlite_db import (
    _AMENDMENT_COLUMNS,
    _COLUMNS,
    _FIGURE_COLUMNS,
    _MAX_TARGETS_IN_QUERY,
    _SCHEMA,
    _SELECT,
    _SELECT_AMENDMENTS,
    _begin_writing,
    _check_file,
    _connect,
    _database_error,
    _read_rows,
    _read_snapshot,
    _when_free,
    create_ledger_file,
    remove_stale_temps,
)
from plancli.stores.sqlite_read import (
    _all_rows,
    _amendments,
    _figures,
    _plain_record,
    _plain_records,
    _records,
)
from plancli.stores.sqlite_text import sqlite_message_error

if TYPE_CHECKING:
    from plancli.model import Amendment, Record

# The records' indexes by name, as the schema creates them. An import into an empty ledger
# of at least _BULK_ROWS records drops them and builds them after its rows, in the same
# transaction: SQLite then sorts the keys once, where inserting 1,200,000 of them in the
# file's order cost half the import (issue 15).
_RECORD_INDEXES = {
    statement.split()[2]: statement.strip()
    for statement in _SCHEMA.split(";")
    if statement.strip().startswith("CREATE INDEX")
}
_BULK_ROWS = 1_000


# How a record's row is inserted, by which optional fields it has: a None bound to a statement
# costs Python's sqlite3 an adapter look-up that fails, twice (a `__conform__` and an
# `__adapt__` raised and cleared): about 1,200 instructions for each, three for a bare
# figure, 2-3 s of the 1,200,000-row import (issue 15). A field left out of the statement is
# NULL, as a None bound to it was. Each shape's rows keep their order (`_row_groups`).
_BARE = ("target", "period", "value", "recorded_at", "batch")
_WITH_AMOUNT = ("target", "period", "value", "amount", "recorded_at", "batch")
_INSERTS = tuple(
    f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for columns in (_BARE, _WITH_AMOUNT, _COLUMNS)
)
# A bare figure or one with an amount whose time and batch are plain text (an import's
# records share one of each) is inserted with the two written into the statement: each text
# bound costs SQLite a copy made and freed (some 800 instructions), two of five a row.
_PLAIN_TEXT = re.compile(r"[0-9A-Za-z:.+_-]{1,64}")
_ROW = tuple[str | None, ...]


def _insert(shape: int, time: str, batch: str) -> str | None:
    """The insert of a bare figure (shape 0) or one with an amount (1) with this time and
    batch written in, when both are plain text; else None (they are bound)."""
    if shape == 2 or _PLAIN_TEXT.fullmatch(time) is None or _PLAIN_TEXT.fullmatch(batch) is None:
        return None
    columns = _BARE if shape == 0 else _WITH_AMOUNT
    marks = ", ".join("?" * (len(columns) - 2))
    return f"INSERT INTO records ({', '.join(columns)}) VALUES ({marks}, '{time}', '{batch}')"


def _row_groups(batch: Sequence[Record | PlainRecord]) -> list[tuple[str, list[_ROW]]]:
    """The stored rows of the records, in order, as runs of one insert statement each
    (`_INSERTS`: a bare figure, a figure and an amount, any other; `_insert` for the first
    two where it can): a time's text made once (an import's records share one time, and
    one batch: each is compared when it is another object); a plain record is unpacked, not
    read field by field (a million of them in an import)."""
    times: dict[datetime, str] = {}
    inserts: dict[tuple[int, str, str], str | None] = {}
    groups: list[tuple[str, list[_ROW]]] = []
    shape = -1
    rows: list[_ROW] = []
    last_at: datetime | None = None
    time = batch_text = ""
    last_batch: str | None = None
    written = False  # the time and batch are in the statement of the run
    for record in batch:
        if type(record) is PlainRecord:
            target, period, value, amount, note, source, at, batch_id, _by = record
        else:
            target, period, value, amount = (
                record.target,
                record.period,
                record.value,
                record.amount,
            )
            note, source, at, batch_id = (
                record.note,
                record.source,
                record.recorded_at,
                record.batch,
            )
        if at is not last_at:
            last_at = at
            text = times.get(at)
            if text is None:
                text = times[at] = at.isoformat()
            if text != time:
                time, shape = text, -1
        if batch_id is not last_batch:
            last_batch = batch_id
            if batch_id != batch_text:
                batch_text, shape = batch_id, -1
        now = (0 if amount is None else 1) if note is None and source is None else 2
        if now != shape:
            shape, rows = now, []
            key = (now, time, batch_text)
            insert = inserts.get(key, "")
            if insert == "":
                insert = inserts[key] = _insert(*key)
            written = insert is not None
            groups.append((insert or _INSERTS[now], rows))
        row: _ROW
        if now == 0:
            row = (
                (target, period, str(value))
                if written
                else (target, period, str(value), time, batch_id)
            )
        elif now == 1:
            row = (
                (target, period, str(value), str(amount))
                if written
                else (target, period, str(value), str(amount), time, batch_id)
            )
        else:
            amount_text = None if amount is None else str(amount)
            row = (target, period, str(value), amount_text, note, source, time, batch_id)
        rows.append(row)
    return groups


def _amendment_row(placed: PlacedAmendment) -> tuple[object, ...]:
    a = placed.amendment

    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return (
        placed.after,
        a.target,
        a.period,
        text(a.min),
        text(a.max),
        text(a.around),
        text(a.tolerance),
        text(a.stretch),
        a.note,
        a.recorded_at.isoformat(),
        a.batch,
    )


# ------------------------------------------------------------------ read as plain data


@dataclass
class _SqliteSession:
    connection: sqlite3.Connection
    path: Path
    # The records' indexes, dropped while a large batch fills an empty table and built again
    # by `finish` before the commit (one sort, not a million inserts in file order).
    indexes_dropped: bool = False
    appended: bool = False

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is not None and len(targets) <= _MAX_TARGETS_IN_QUERY:
            return _records(self.path, self._rows_of(targets))
        else:
            rows = self.connection.execute(f"{_SELECT} ORDER BY seq").fetchall()
            if targets is not None:
                wanted = set(targets)
                rows = [row for row in rows if row[1] in wanted]
        return _records(self.path, rows)

    def records_of(
        self, targets: Collection[str], meanwhile: Callable[[], object] | None = None
    ) -> list[Record] | list[PlainRecord]:
        if meanwhile is not None:  # read here, by this process: nothing to overlap
            meanwhile()
        if len(targets) > _MAX_TARGETS_IN_QUERY:
            return self.records(targets)
        rows = self._rows_of(targets)
        plain = _plain_records(rows)  # the models read them only when a row is not plain
        return _records(self.path, rows) if plain is None else plain

    def _rows_of(self, targets: Collection[str]) -> list[tuple[Any, ...]]:
        marks = ", ".join("?" * len(targets))
        query = f"{_SELECT} WHERE target IN ({marks}) ORDER BY seq"
        return self.connection.execute(query, list(targets)).fetchall()

    def records_in_force(self) -> list[Record] | list[PlainRecord]:
        """The latest revision of each target and period, in the order they were recorded:
        read as a stream and kept as plain records, so an import into a ledger of a million
        records holds the figures in force, not a model of every record. Every record is
        checked as `records()` checks it; a ledger with any record not written as this
        store writes it is read by `records()`, which reports what is wrong as always."""
        times: dict[object, datetime | None] = {}
        latest: dict[tuple[object, object], PlainRecord] = {}
        periods: set[object] = set()
        cursor = self.connection.execute(f"{_SELECT} ORDER BY seq")
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                record = _plain_record(row, times)
                if record is None:
                    cursor.close()
                    return list(
                        latest_in_order(self.records(), attrgetter("target", "period")).values()
                    )
                key = (record.target, record.period)
                latest.pop(key, None)
                latest[key] = record
                periods.add(record.period)
        if period_problems(periods):
            return list(latest_in_order(self.records(), attrgetter("target", "period")).values())
        return list(latest.values())

    def append(self, batch: Sequence[Record | PlainRecord]) -> None:
        if not self.appended:
            self.appended = True
            empty = self.connection.execute("SELECT 1 FROM records LIMIT 1").fetchone() is None
            if len(batch) >= _BULK_ROWS and empty:
                for name in _RECORD_INDEXES:
                    self.connection.execute(f"DROP INDEX {name}")
                self.indexes_dropped = True
        try:
            for insert, rows in _row_groups(batch):
                self.connection.executemany(insert, rows)
        except UnicodeEncodeError as exc:  # a lone surrogate: refused, named by its field
            raise unstorable_text(self.path, exc, batch) from None

    def finish(self) -> None:
        """Before the commit: the indexes `append` dropped, built again as the schema has them."""
        if self.indexes_dropped:
            for statement in _RECORD_INDEXES.values():
                self.connection.execute(statement)
            self.indexes_dropped = False

    def amendments(self) -> list[PlacedAmendment]:
        rows = self.connection.execute(f"{_SELECT_AMENDMENTS} ORDER BY seq").fetchall()
        return _amendments(self.path, rows)

    def append_amendment(self, amendment: Amendment) -> None:
        count = self.connection.execute("SELECT count(*) FROM records").fetchone()[0]
        self._insert_amendments([PlacedAmendment(amendment, count)])

    def _insert_amendments(self, placed: Sequence[PlacedAmendment]) -> None:
        columns = ("after_records", *_AMENDMENT_COLUMNS)
        try:
            self.connection.executemany(
                f"INSERT INTO amendments ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [_amendment_row(p) for p in placed],
            )
        except UnicodeEncodeError as exc:
            raise unstorable_text(self.path, exc, [p.amendment for p in placed]) from None

    def replace(
        self, records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
    ) -> None:
        self.connection.execute("DELETE FROM records")
        self.connection.execute("DELETE FROM amendments")
        self.append(records)
        self._insert_amendments(amendments)

    def remove_batch(self, batch_id: str) -> list[Record]:
        rows = self.connection.execute(
            f"{_SELECT} WHERE batch = ? ORDER BY seq", (batch_id,)
        ).fetchall()
        later = self.connection.execute(
            "SELECT seq, after_records FROM amendments WHERE batch <> ? AND after_records > 0",
            (batch_id,),
        ).fetchall()
        if rows and later:  # a batch from the middle of the ledger: move the later ones back
            positions = [
                row[0]
                for row in self.connection.execute(
                    "SELECT position FROM (SELECT batch, row_number() OVER (ORDER BY seq) - 1 "
                    "AS position FROM records) WHERE batch = ? ORDER BY position",
                    (batch_id,),
                )
            ]
            moved = [(after_removal(after, positions), seq, after) for seq, after in later]
            self.connection.executemany(
                "UPDATE amendments SET after_records = ? WHERE seq = ?",
                [(after, seq) for after, seq, was in moved if after != was],
            )
        self.connection.execute("DELETE FROM records WHERE batch = ?", (batch_id,))
        self.connection.execute("DELETE FROM amendments WHERE batch = ?", (batch_id,))
        return _records(self.path, rows)


@dataclass
class SqliteLedgerStore:
    """The ledger as a SQLite database; each change is one IMMEDIATE transaction."""

    refuses_targets: ClassVar[bool] = False  # (stores.base.LedgerStore)
    stamps_writers: ClassVar[bool] = False
    keeps_writers: ClassVar[bool] = False

    location: LedgerLocation
    lock_timeout: float = LOCK_TIMEOUT_SECONDS
    created: bool = field(default=False, repr=False)  # this process's write made the file

    @property
    def path(self) -> Path:
        return self.location.path

    def _query(self, sql: str, since_version: int = 1) -> list[tuple[Any, ...]]:
        """Rows of a read-only query; none when the ledger does not exist yet, or its schema
        is older than `since_version` (a schema-1 ledger has no amendments)."""
        if not _check_file(self.path):
            return []
        return _read_rows(self.path, sql, self.lock_timeout, since_version)

    def read(self) -> list[Record]:
        return _records(self.path, self._query(f"{_SELECT} ORDER BY seq"))

    def amendments(self) -> list[Amendment]:
        rows = self._query(f"{_SELECT_AMENDMENTS} ORDER BY seq", since_version=2)
        return [placed.amendment for placed in _amendments(self.path, rows)]

    def contents(self) -> LedgerContents:
        if not _check_file(self.path):
            return LedgerContents([], [])

        rows, amendment_rows = _read_snapshot(self.path, self.lock_timeout, _all_rows)
        return LedgerContents(_records(self.path, rows), _amendments(self.path, amendment_rows))

    def figures(self) -> list[Figure]:
        """The figure in force per target and period: the latest revision (highest seq)."""
        rows = self._query(f"SELECT {_FIGURE_COLUMNS} FROM records ORDER BY seq")
        return _figures(self.path, rows)

    def figures_for(self, query: FigureQuery) -> list[Figure]:
        return self.figures()  # one scan of every row is what SQLite does fastest (see above)

    def check_writable(self) -> Path:
        from plancli.stores.base import check_writable_location

        return check_writable_location(self.location)

    def check_allowed(
        self, targets: Sequence[str], *, undoing: str | None = None, moving: str | None = None
    ) -> None:
        """A file has no departments: whoever may write the file may write every target."""

    def advice(self) -> str | None:
        return None  # SQLite fits every size plancli is used at (120,000 records measured)

    @contextmanager
    def transaction(self) -> Iterator[_SqliteSession]:
        """BEGIN IMMEDIATE (SQLite's write lock, waiting up to the timeout), yield, COMMIT."""
        path = self.check_writable()  # the file itself, or a same-folder link's target
        remove_stale_temps(path)  # a first writer killed mid-creation left its temp
        if not _check_file(path):
            make_folder(path)
            self.created = create_ledger_file(path)
        connection = _connect(path, read_only=False, timeout=self.lock_timeout)
        try:
            with closing(connection):
                try:
                    _when_free(lambda: _begin_writing(connection, path), self.lock_timeout)
                    session = _SqliteSession(connection, path)
                    yield session
                    session.finish()
                    if os.environ.get(CRASH_HOOK):  # test hook: die with the change unsaved
                        os._exit(9)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            raise _database_error(self.path, exc, self.lock_timeout) from None
        except UnicodeEncodeError as exc:  # a lone surrogate: never stored
            raise unstorable_text(self.path, exc) from None
        except UnicodeDecodeError as exc:  # SQLite's message about a damaged schema
            raise _database_error(self.path, sqlite_message_error(exc), self.lock_timeout) from None
