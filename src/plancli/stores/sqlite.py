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

import functools
import gc
import os
import re
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from plancli.errors import LedgerFileError
from plancli.i18n import _
from plancli.locations import LedgerLocation
from plancli.paths import check_readable, open_regular
from plancli.plain import Amendment as PlainAmendment
from plancli.plain import Figure, FigureQuery, figure_problem, latest_in_order
from plancli.plain import Record as PlainRecord
from plancli.stores.base import (
    AMENDMENT_FIELDS,
    CRASH_HOOK,
    LEDGER,
    LOCK_TIMEOUT_SECONDS,
    RECORD_FIELDS,
    LedgerBusyError,
    LedgerContents,
    PlacedAmendment,
    busy_message,
    period_problems,
    shown,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from plancli.model import Amendment, Record

SCHEMA_VERSION = 2
# Schema 1 is schema 2 without the amendments table: read as is, migrated on write.
READABLE_VERSIONS = (1, 2)
APPLICATION_ID = 0x706C6E31  # "pln1": this file is a plancli ledger
_HEADER = b"SQLite format 3\x00"
_COLUMNS = RECORD_FIELDS
_SELECT = f"SELECT seq, {', '.join(_COLUMNS)} FROM records"
# What the assessment reads (`_figures`), and the time, which every read checks.
_FIGURE_COLUMNS = "seq, target, period, value, amount, recorded_at"
_AMENDMENT_COLUMNS = AMENDMENT_FIELDS
_BOUNDS = ("min", "max", "around", "tolerance", "stretch")
_SELECT_AMENDMENTS = f"SELECT seq, after_records, {', '.join(_AMENDMENT_COLUMNS)} FROM amendments"
# Up to this many targets are looked up with `IN (…)`; more read the whole table (one scan is
# then cheaper than the query, and SQLite limits the number of bound parameters).
_MAX_TARGETS_IN_QUERY = 500

_SCHEMA = f"""
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    target TEXT NOT NULL CHECK (length(target) > 0),
    period TEXT NOT NULL,
    value TEXT NOT NULL,
    amount TEXT,
    note TEXT,
    source TEXT,
    recorded_at TEXT NOT NULL,
    batch TEXT NOT NULL
);
CREATE INDEX records_by_target ON records (target, period);
CREATE INDEX records_by_batch ON records (batch);
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
"""
_AMENDMENTS_SCHEMA = f"""
CREATE TABLE amendments (
    seq INTEGER PRIMARY KEY,
    after_records INTEGER NOT NULL CHECK (after_records >= 0),
    target TEXT NOT NULL CHECK (length(target) > 0),
    period TEXT NOT NULL,
    min TEXT,
    max TEXT,
    around TEXT,
    tolerance TEXT,
    stretch TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL,
    batch TEXT NOT NULL
);
CREATE INDEX amendments_by_batch ON amendments (batch);
PRAGMA user_version = {SCHEMA_VERSION};
"""


_SCHEMA_STATE = (
    "SELECT (SELECT application_id FROM pragma_application_id),"
    " (SELECT user_version FROM pragma_user_version),"
    " (SELECT count(*) FROM sqlite_master)"
)

R = TypeVar("R")


def _file_header(path: Path) -> bytes:
    """The first 100 bytes of a regular file: SQLite's database header."""
    fd = open_regular(path)
    try:
        return os.read(fd, 100)
    finally:
        os.close(fd)


def is_sqlite_file(path: Path) -> bool:
    try:
        return _file_header(path).startswith(_HEADER)
    except OSError:
        return False


def _check_file(path: Path) -> bool:
    """True when `path` holds a ledger; False when it is missing or empty (a new ledger).

    Anything else, a text file or another program's database, is an error and never touched
    (`_check_schema` refuses a database without plancli's mark). A FIFO or a device is refused
    (exit 2) without being opened.
    """
    if path.is_dir():
        raise LedgerFileError(_("{path}: is a folder, not a ledger file").format(path=path))
    if not check_readable(path, LEDGER, LedgerFileError):
        return False
    try:
        header = _file_header(path)
    except OSError as exc:
        raise LedgerFileError(
            _("{path}: cannot read: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    if not header:
        return False
    if not header.startswith(_HEADER):
        raise LedgerFileError(
            _(
                "{path}: not a SQLite database; a ledger named .sqlite or .db is kept in SQLite "
                "(name a TOML ledger .toml)"
            ).format(path=path)
        )
    return True


def _connect(
    path: Path, *, read_only: bool, timeout: float, immutable: bool = False
) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    if immutable:
        uri += "&immutable=1"
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE … COMMIT).
        connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise LedgerFileError(
            _("{path}: cannot open: {reason}").format(path=path, reason=exc)
        ) from None
    return connection


def _check_schema(connection: sqlite3.Connection, path: Path) -> int:
    """The schema version of a plancli ledger (1 or 2), 0 for a blank database (no tables
    yet: a new ledger).

    Refuses another program's database and a schema this plancli does not know.
    """
    # One statement, so one snapshot: read apart, a first writer committing between them
    # would show an unmarked database that already has tables (a foreign one, wrongly).
    application_id, version, tables = connection.execute(_SCHEMA_STATE).fetchone()
    if application_id == 0 and version == 0 and tables == 0:
        return 0
    if application_id != APPLICATION_ID:
        raise LedgerFileError(
            _("{path}: a SQLite database, but not a plancli ledger").format(path=path)
        )
    if version not in READABLE_VERSIONS:
        raise LedgerFileError(
            _(
                "{path}: ledger schema version {version}; this plancli reads versions "
                "{first} to {last}"
            ).format(path=path, version=version, first=READABLE_VERSIONS[0], last=SCHEMA_VERSION)
        )
    return int(version)


def _database_error(path: Path, exc: sqlite3.Error, timeout: float) -> LedgerFileError:
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return LedgerBusyError(busy_message(path, timeout, "sqlite"))
    return LedgerFileError(
        _("{path}: unreadable SQLite ledger: {reason}").format(path=path, reason=exc)
    )


# What SQLite says when a reader cannot create the WAL's shared-memory index (`-shm`) beside
# the database, because the folder is read-only for it.
_NO_SHARED_MEMORY = {"SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT", "SQLITE_CANTOPEN"}


def _read_rows(
    path: Path, sql: str, timeout: float, since_version: int = 1
) -> list[tuple[Any, ...]]:
    def query(connection: sqlite3.Connection, version: int) -> list[tuple[Any, ...]]:
        return [] if version < since_version else connection.execute(sql).fetchall()

    return _read_snapshot(path, timeout, query)


def _read_snapshot(path: Path, timeout: float, read: Callable[[sqlite3.Connection, int], R]) -> R:
    """Rows of a read-only query on an existing ledger, wherever the file is readable, creating
    no file outside the ledger's own folder.

    A reader of a WAL database needs the `-shm` index beside it, and creates it (and an empty
    `-wal`) when they are not there. In a folder it may not write (a read-only share, another
    user's folder), SQLite then refuses to read at all; and a ledger that is a link to another
    folder would get them beside its target. With no `-wal` holding changes, the database file
    alone is the whole ledger: it is then read as immutable (no index, no locks, no files
    created), and checked to be unchanged after the read (read again if a writer changed it
    meanwhile). A `-wal` that holds changes cannot be read without its index; where that index
    cannot be made the read is refused, saying how to merge the log into the database.
    """
    linked_away = os.path.islink(path) and _real_folder(path) != _real_folder(path.parent, True)
    error: sqlite3.Error | None = None
    for _attempt in range(3):
        before = _file_state(path)
        if before[1] or not linked_away:
            try:
                return _when_free(
                    lambda: _on_snapshot(path, timeout, read, immutable=False), timeout
                )
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorname", "") not in _NO_SHARED_MEMORY:
                    raise _database_error(path, exc, timeout) from None
                error = exc
            except sqlite3.Error as exc:
                raise _database_error(path, exc, timeout) from None
            before = _file_state(path)
            if before[1]:
                raise LedgerFileError(
                    _(
                        "{path}: its write-ahead log {name}-wal holds changes not yet in the "
                        "database, and SQLite cannot read them from this read-only folder; "
                        "someone who may write the folder merges them with any plancli record, "
                        "or with `sqlite3 {path} 'PRAGMA wal_checkpoint(TRUNCATE)'`"
                    ).format(path=path, name=path.name)
                )
        try:
            rows = _on_snapshot(path, timeout, read, immutable=True)
        except sqlite3.Error as exc:
            error = exc
            continue
        if _file_state(path) == before:
            return rows
    if error is None:
        raise LedgerFileError(
            _("{path}: changed each time it was read; try again").format(path=path)
        )
    raise _database_error(path, error, timeout)


def _real_folder(path: Path, is_folder: bool = False) -> str:
    """The real folder of a file (links resolved), or of a folder itself."""
    real = os.path.realpath(path)
    return real if is_folder else os.path.dirname(real)


def _on_snapshot(
    path: Path,
    timeout: float,
    read: Callable[[sqlite3.Connection, int], R],
    *,
    immutable: bool,
) -> R:
    """`read(connection, schema version)` in one read transaction: one state of the file."""
    connection = _connect(path, read_only=True, timeout=timeout, immutable=immutable)
    with closing(connection):
        connection.execute("BEGIN")
        try:
            return read(connection, _check_schema(connection, path))
        finally:
            connection.execute("COMMIT")


def _file_state(path: Path) -> tuple[tuple[int, int, int], int]:
    """(inode, size, mtime) of the database, and the size of its `-wal` (0: none), which
    SQLite keeps beside the real file when the ledger is a link."""
    info = path.stat()
    real = os.path.realpath(path)
    try:
        wal = os.stat(real + "-wal").st_size
    except FileNotFoundError:
        wal = 0
    return (info.st_ino, info.st_size, info.st_mtime_ns), wal


# ----------------------------------------------------------------------------- reading


def _records(path: Path, rows: Sequence[tuple[Any, ...]]) -> list[Record]:
    """Validate rows as records in one call, with the checks a TOML read makes; errors name
    the file and the row's `seq`."""
    from plancli.stores.rows import records_adapter, validated_rows

    raw = [dict(zip(_COLUMNS, row[1:], strict=True)) for row in rows]
    # Validation allocates many objects that all survive; the cyclic collector would scan
    # them again and again (super-linear at 100,000 records) and find nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        records, problem = validated_rows(records_adapter(), raw)
    finally:
        if enabled:
            gc.enable()
    if problem is not None:
        index, field_name, message = problem
        raise _row_error(path, rows[index] if index < len(rows) else None, field_name, message)
    return records


def _stream_figures(path: Path, cursor: sqlite3.Cursor) -> list[Figure] | None:
    """The latest revision of each target and period, from a query of `_FIGURE_COLUMNS` in
    ledger order, read in chunks: memory holds the figures, not every row (a million rows
    of text are half a gigabyte). None when any row is not plainly fit (a figure, a time or
    a period a Record would refuse, or one not written as this store writes it): `_figures`
    then reads the rows again and reports the first, as it always has."""
    latest: dict[tuple[str, str], Figure] = {}
    names: dict[str, str] = {}  # one string object per target and period: less memory
    times: set[object] = set()
    periods: set[str] = set()
    pop = latest.pop
    share = names.setdefault
    try:
        while rows := cursor.fetchmany(20_000):
            for _seq, target, period, value, amount, recorded_at in rows:
                number = Decimal(value)
                amount_number = None if amount is None else Decimal(amount)
                # A short figure without an exponent is fit (figure_problem's own shortcut):
                # at most 11 characters hold at most 11 digits and 10 decimal places.
                if not (
                    (len(value) < 12 and "E" not in value and "e" not in value)
                    or not figure_problem(number)
                ) or (
                    amount_number is not None
                    and not (
                        (len(amount) < 12 and "E" not in amount and "e" not in amount)
                        or not figure_problem(amount_number)
                    )
                ):
                    return None
                if not number.is_finite() or not (
                    amount_number is None or amount_number.is_finite()
                ):
                    return None
                target = share(target, target)
                period = share(period, period)
                times.add(recorded_at)
                periods.add(period)
                key = (target, period)
                pop(key, None)
                latest[key] = Figure(target, period, number, amount_number)
    except (InvalidOperation, TypeError, ValueError):
        return None  # a stored figure that is not a number, or not text
    if _time_problems(times) or period_problems(periods):
        return None
    return list(latest.values())


def _figures(path: Path, rows: Sequence[tuple[Any, ...]]) -> list[Figure]:
    """The latest revision of each target and period, from rows of `_FIGURE_COLUMNS`.

    Every row is checked as `_records` checks it (figures, time, period) and errors read the
    same, so `gap` and `history` agree on whether a ledger is valid; only the models are
    skipped. A scan and a dict keep the latest revisions: twice as fast as SQL's GROUP BY
    here (0.14 s against 0.27 s at 120,000 rows).
    """
    bad_times = _time_problems(set(map(itemgetter(5), rows)))  # a batch shares one time
    latest = latest_in_order(rows, itemgetter(1, 2))
    figures: list[Figure] = []
    names: dict[str, str] = {}  # one string object per target and period: less memory
    try:  # the hot loop of `gap` only notices a problem; _row_problem says which, and where
        for _, target, period, value, amount, recorded_at in latest.values():
            number = Decimal(value)
            amount_number = None if amount is None else Decimal(amount)
            if (
                figure_problem(number)
                or (amount_number is not None and figure_problem(amount_number))
                or recorded_at in bad_times
            ):
                break
            figures.append(
                Figure(
                    names.setdefault(target, target),
                    names.setdefault(period, period),
                    number,
                    amount_number,
                )
            )
    except (InvalidOperation, TypeError, ValueError):
        pass  # a stored figure that is not a number: named below
    unfit = len(figures) < len(latest) or (
        # Superseded revisions are never assessed, but one Record would refuse is refused.
        len(latest) < len(rows)
        and any(latest[row[1], row[2]] is not row and _row_problem(row, bad_times) for row in rows)
    )
    if unfit:
        row, field_name, message = next(
            (row, *problem) for row in rows if (problem := _row_problem(row, bad_times))
        )
        raise _row_error(path, row, field_name, message)
    bad_periods = period_problems(set(map(itemgetter(2), rows)))
    if bad_periods:
        row = next(row for row in rows if row[2] in bad_periods)
        raise _row_error(path, row, "period", bad_periods[row[2]])
    return figures


def _row_problem(row: tuple[Any, ...], bad_times: dict[Any, str]) -> tuple[str, str] | None:
    """(field, message) of what a Record would refuse in a row of `_FIGURE_COLUMNS` but its
    period (checked once per period), in the order a Record checks its fields; or None."""
    from plancli.model import shorten

    for field_name, stored in (("value", row[3]), ("amount", row[4])):
        if stored is None and field_name == "amount":
            continue
        try:
            number = Decimal(stored)
        except (InvalidOperation, TypeError, ValueError):
            return field_name, f"{shown(stored)} is not a number"
        problem = figure_problem(number)
        if problem is not None:
            return field_name, f"{shorten(number)} {problem}"
    if row[5] in bad_times:
        return "recorded_at", bad_times[row[5]]
    return None


@functools.cache
def _time_adapter() -> TypeAdapter[datetime]:
    """A Record's `recorded_at` on its own: pydantic's reading of the text, then its rule."""
    from typing import Annotated

    from pydantic import AfterValidator, TypeAdapter

    from plancli.model import Record

    return TypeAdapter(Annotated[datetime, AfterValidator(Record.utc_time)])


# A time as this store writes it (`isoformat()` of a time in UTC): read without Pydantic.
_PLAIN_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?\+00:00"
)
# A figure as this store writes the usual ones (`str()` of a Decimal without exponent).
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


def _plain_time(stored: object) -> datetime | None:
    """A stored time as a Record reads it, when it is written as this store writes times;
    None for anything else (which the models then judge)."""
    if type(stored) is not str or _PLAIN_TIME.fullmatch(stored) is None:
        return None
    try:
        return datetime.fromisoformat(stored)
    except ValueError:  # 2022-02-30: the models say what is wrong
        return None


def _plain_number(stored: object) -> Decimal | None:
    """A stored figure as a Record reads it, when it is a plain decimal fit to be a figure;
    None for anything else (absent, or for the models to judge)."""
    if type(stored) is not str or _PLAIN_NUMBER.fullmatch(stored) is None:
        return None
    number = Decimal(stored)
    return None if figure_problem(number) else number


def _time_problems(times: Iterable[Any]) -> dict[Any, str]:
    """The stored times a Record would refuse (each distinct one checked once), with why.
    Times written as this store writes them are fine without asking Pydantic."""
    unusual = [stored for stored in times if _plain_time(stored) is None]
    if not unusual:
        return {}
    from pydantic import ValidationError

    adapter = _time_adapter()
    problems = {}
    for stored in unusual:
        try:
            adapter.validate_python(stored)
        except ValidationError as exc:
            problems[stored] = exc.errors()[0]["msg"].removeprefix("Value error, ")
    return problems


def _row_error(
    path: Path, row: tuple[Any, ...] | None, field_name: str, message: str
) -> LedgerFileError:
    """`FILE: record seq N (target period): field: message`, like a TOML ledger's errors."""
    label = _("record seq {n}").format(n="?")
    if row is not None:
        seq, target, period = row[:3]
        label = _("record seq {n}").format(n=seq)
        if isinstance(target, str):
            label += f" ({target} {period})"
    return LedgerFileError(f"{path}: {label}: {field_name}: {message}")


def _row(record: Record) -> tuple[str | None, ...]:
    return (
        record.target,
        record.period,
        str(record.value),
        None if record.amount is None else str(record.amount),
        record.note,
        record.source,
        record.recorded_at.isoformat(),
        record.batch,
    )


def _amendments(path: Path, rows: Sequence[tuple[Any, ...]]) -> list[PlacedAmendment]:
    """Validate rows of `_SELECT_AMENDMENTS` as amendments; errors name the file and `seq`."""
    from plancli.stores.rows import amendments_adapter, validated_rows

    raw = [dict(zip(_AMENDMENT_COLUMNS, row[2:], strict=True)) for row in rows]
    amendments, problem = validated_rows(amendments_adapter(), raw)
    if problem is not None:
        index, field_name, message = problem
        row = rows[index] if index < len(rows) else None
        raise _amendment_error(path, row, field_name, message)
    return [PlacedAmendment(a, int(row[1])) for a, row in zip(amendments, rows, strict=True)]


def _amendment_error(
    path: Path, row: tuple[Any, ...] | None, field_name: str, message: str
) -> LedgerFileError:
    label = _("amendment seq {n}").format(n="?")
    if row is not None:
        label = _("amendment seq {n}").format(n=row[0])
        if isinstance(row[2], str):
            label += f" ({row[2]} {row[3]})"
    return LedgerFileError(f"{path}: {label}: {field_name}: {message}")


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


def read_plain_figures(
    location: LedgerLocation, judged: FigureQuery | None = None
) -> tuple[list[Figure], list[PlainAmendment]]:
    """The figures in force and the amendments, as plain data, from one snapshot of the
    ledger: what `gap` and `status` read (`ledger_read.read_figures`). Pydantic is imported
    only when a stored value is not written as this store writes it, to judge it.

    With `judged` (`gap`), when every row is plainly fit (`_plainly_fit`), only the figures
    an assessment at it reads are selected, in SQL (`_judged_figures`); else every figure in
    force, as `status` reads them (the assessment reduces them the same way)."""
    path = location.path
    if not _check_file(path):
        return [], []

    def read(
        connection: sqlite3.Connection, version: int
    ) -> tuple[list[Figure], list[tuple[Any, ...]]]:
        if version == 0:
            return [], []
        figures = None
        if judged is not None:
            periods = _plainly_fit(connection)
            if periods is not None:
                figures = _judged_figures(connection, judged, periods)
        if figures is None:
            query = f"SELECT {_FIGURE_COLUMNS} FROM records ORDER BY seq"
            figures = _stream_figures(path, connection.execute(query))
        if figures is None:  # something to report: read again, as `figures()` reads
            figures = _figures(path, connection.execute(query).fetchall())
        amendment_rows = (
            connection.execute(f"{_SELECT_AMENDMENTS} ORDER BY seq").fetchall()
            if version >= 2
            else []
        )
        return figures, amendment_rows

    figures, amendment_rows = _read_snapshot(path, LOCK_TIMEOUT_SECONDS, read)
    return figures, _plain_amendments(path, amendment_rows)


# Every stored figure at once, joined by spaces (`_plainly_fit`), how many there are, and
# whether all are text: SQLite orders numbers before text and text before BLOBs, so the
# least and the greatest are text only when every one is (cheaper than asking each row).
_FIGURE_TEXTS = (
    "SELECT group_concat(value, ' '), group_concat(amount, ' '), count(*), count(amount),"
    " typeof(min(value)) || typeof(max(value)) || typeof(min(amount)) || typeof(max(amount))"
    " FROM records"
)
# In a run of figures written `-?digits[.digits]` or `-?digits.` or `-?.digits` (what Decimal
# reads as a finite number) and single spaces, what is not: another character, a sign inside
# a figure, two points in one, a point with no digit beside it (`.`, `-.`), a lone sign, an
# empty figure. Each a quick search on its own (together: one slow alternation).
_UNPLAIN_FIGURES = (
    re.compile(r"[^-0-9. ]"),
    re.compile(r"[^ ]-"),
    re.compile(r"\.[0-9]*\."),
    re.compile(r"(?<![0-9])\.(?![0-9])"),
    re.compile(r"-(?: |\Z)"),
)
# A figure of 12 characters or more: fit only if `figure_problem` says so (the shortcut
# `_stream_figures` takes holds below 12).
_LONG_FIGURE = re.compile(r"[^ ]{12,}")


def _plainly_fit(connection: sqlite3.Connection) -> set[str] | None:
    """The ledger's distinct periods when every record is one `_stream_figures` accepts
    (figures, times and periods as this store writes them), checked in bulk: the figures as
    one text in C (SQLite's group_concat, regular expressions), each distinct time and period
    once. None: some row may not be plainly fit; read every row, which says what is wrong.

    Every row is checked, superseded ones too, though `gap` selects only a few: a ledger is
    valid or not whatever reads it (`history` refuses the same rows)."""
    values, amounts, rows, with_amount, types = connection.execute(_FIGURE_TEXTS).fetchone()
    if not rows:
        return set()
    if types != ("texttexttexttext" if with_amount else "texttextnullnull"):
        return None
    for text, count in ((values, rows), (amounts, with_amount)):
        if not count:
            continue
        # As many figures as rows (a figure holding a space would make two), none empty.
        if (
            not text
            or text.count(" ") != count - 1
            or "  " in text
            or text[:1] == " "
            or text[-1:] == " "
            or any(pattern.search(text) for pattern in _UNPLAIN_FIGURES)
        ):
            return None
        for long in _LONG_FIGURE.findall(text):
            if figure_problem(Decimal(long)):  # plain: a finite number
                return None
    periods: set[str] = set()
    times: set[object] = set()
    for period, recorded_at in connection.execute(
        "SELECT DISTINCT period, recorded_at FROM records"
    ):
        periods.add(period)
        times.add(recorded_at)
    if period_problems(periods) or _time_problems(times):
        return None
    return periods


_POSITION_BITS = 40  # the selection's key: end month × 2^40 + seq (seq < 2^40)


def _judged_figures(
    connection: sqlite3.Connection, judged: FigureQuery, periods: set[str]
) -> list[Figure] | None:
    """What an assessment at `judged` reads of the figures in force, selected in SQL as the
    PostgreSQL store selects them: per target, the figure at its latest position (end month)
    up to `judged.end_month` of the plan year (of the figures there, the last recorded), and
    the year before's year-end one; every position of the `series` targets. In the order
    they were recorded. None when seq is too large for the selection's key."""
    from plancli.stores.base import cached_period

    (last_seq,) = connection.execute("SELECT max(seq) FROM records").fetchone()
    if last_seq is not None and last_seq >= 1 << _POSITION_BITS:
        return None
    year, month = judged.year, judged.end_month
    ends: dict[str, int] = {}  # the periods judged: their end month
    base: list[str] = []  # the year before's year-end periods
    for text in periods:
        period = cached_period(text)
        if period.year == year and period.end_month <= month:
            ends[text] = period.end_month
        elif period.year == year - 1 and period.end_month == 12:
            base.append(text)
    rows: dict[int, list[Any]] = {}
    select = "SELECT seq, target, period, value, amount FROM ("
    if ends:
        # Grouped by target alone, the covering index records_by_target is read in order.
        cases = " ".join("WHEN ? THEN ?" for _ in ends)
        marks = ", ".join("?" for _ in ends)
        parameters: list[object] = []
        for text, end in ends.items():
            parameters += (text, end)
        sql = (
            f"{select}SELECT max((CASE period {cases} END << {_POSITION_BITS}) + seq) AS k"
            f" FROM records WHERE period IN ({marks}) GROUP BY target"
            f") CROSS JOIN records ON seq = k & {(1 << _POSITION_BITS) - 1}"
        )
        for seq, *row in connection.execute(sql, [*parameters, *ends]):
            rows[seq] = row
    if base:  # one position: the last recorded
        sql = (
            f"{select}SELECT max(seq) AS k FROM records"
            f" WHERE period IN ({', '.join('?' for _ in base)}) GROUP BY target"
            ") CROSS JOIN records ON seq = k"
        )
        for seq, *row in connection.execute(sql, base):
            rows[seq] = row
    series = sorted(judged.series)
    if series and ends:
        months = list(ends)
        for start in range(0, len(series), _MAX_TARGETS_IN_QUERY):
            chunk = series[start : start + _MAX_TARGETS_IN_QUERY]
            sql = (
                f"{select}SELECT max(seq) AS k FROM records"
                f" WHERE target IN ({', '.join('?' for _ in chunk)})"
                f" AND period IN ({', '.join('?' for _ in months)}) GROUP BY target, period"
                ") CROSS JOIN records ON seq = k"
            )
            for seq, *row in connection.execute(sql, [*chunk, *months]):
                rows[seq] = row
    # In the order they were recorded: where two periods end the same month (2022-06 and
    # 2022-Q2), the assessment keeps the later one (`records.in_force`).
    figures: list[Figure] = []
    names: dict[str, str] = {}  # one string object per target and period: less memory
    share = names.setdefault
    for seq in sorted(rows):
        target, period, value, amount = rows[seq]
        figures.append(
            Figure(
                share(target, target),
                share(period, period),
                Decimal(value),
                None if amount is None else Decimal(amount),
            )
        )
    return figures


def _all_rows(
    connection: sqlite3.Connection, version: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows of records and of amendments, in ledger order (one read of `_read_snapshot`)."""
    if version == 0:
        return [], []
    rows = connection.execute(f"{_SELECT} ORDER BY seq").fetchall()
    amendment_rows = (
        connection.execute(f"{_SELECT_AMENDMENTS} ORDER BY seq").fetchall() if version >= 2 else []
    )
    return rows, amendment_rows


def read_plain_contents(
    location: LedgerLocation,
) -> tuple[list[PlainRecord], list[PlainAmendment]]:
    """Every record and amendment, in ledger order, as plain data (`history`, `show`), from
    one snapshot; rows not written as this store writes them are judged by the models, which
    report an invalid ledger exactly as the store's `contents()` does."""
    path = location.path
    if not _check_file(path):
        return [], []

    rows, amendment_rows = _read_snapshot(path, LOCK_TIMEOUT_SECONDS, _all_rows)
    records = _plain_records(rows)
    if records is None:
        from plancli.plain import plain_record

        records = [plain_record(record) for record in _records(path, rows)]
    return records, _plain_amendments(path, amendment_rows)


def _plain_records(rows: Iterable[tuple[Any, ...]]) -> list[PlainRecord] | None:
    """Rows of `_SELECT` as plain records, when every one is plainly valid (what a Record
    accepts, read as a Record reads it); None otherwise."""
    times: dict[object, datetime | None] = {}  # a batch shares one time
    records: list[PlainRecord] = []
    for row in rows:
        record = _plain_record(row, times)
        if record is None:
            return None
        records.append(record)
    if period_problems({record.period for record in records}):
        return None
    return records


def _plain_record(row: tuple[Any, ...], times: dict[object, datetime | None]) -> PlainRecord | None:
    """A row of `_SELECT` as a plain record when it is plainly valid but for its period
    (checked once per period by the caller); else None."""
    _seq, target, period, value, amount, note, source, recorded_at, batch = row
    number = _plain_number(value)
    amount_number = None if amount is None else _plain_number(amount)
    when = times.get(recorded_at)
    if when is None:
        when = times[recorded_at] = _plain_time(recorded_at)
    if (
        number is None
        or (amount is not None and amount_number is None)
        or when is None
        or type(target) is not str
        or type(period) is not str
        or type(batch) is not str
        or not (note is None or type(note) is str)
        or not (source is None or type(source) is str)
    ):
        return None
    return PlainRecord(target, period, number, amount_number, note, source, when, batch)


def _plain_amendments(path: Path, rows: Sequence[tuple[Any, ...]]) -> list[PlainAmendment]:
    """Rows of `_SELECT_AMENDMENTS` as plain amendments; the models judge them when any is not
    plainly valid (and report an invalid one as `amendments()` does)."""
    from plancli.stores.plain_rows import plain_amendment_of

    amendments: list[PlainAmendment] = []
    for row in rows:
        item: dict[str, Any] = dict(zip(_AMENDMENT_COLUMNS, row[2:], strict=True))
        numbers = {name: item[name] for name in _BOUNDS if item[name] is not None}
        item.update((name, _plain_number(stored)) for name, stored in numbers.items())
        item["recorded_at"] = _plain_time(item["recorded_at"])
        amendment = plain_amendment_of(item)
        if amendment is None or any(item[name] is None for name in numbers):
            break
        amendments.append(amendment)
    else:
        if not period_problems({a.period for a in amendments}):
            return amendments
    from plancli.plain import plain_amendment

    return [plain_amendment(placed.amendment) for placed in _amendments(path, rows)]


# -------------------------------------------------------------------------------- store


@dataclass
class _SqliteSession:
    connection: sqlite3.Connection
    path: Path

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is not None and len(targets) <= _MAX_TARGETS_IN_QUERY:
            marks = ", ".join("?" * len(targets))
            query = f"{_SELECT} WHERE target IN ({marks}) ORDER BY seq"
            rows = self.connection.execute(query, list(targets)).fetchall()
        else:
            rows = self.connection.execute(f"{_SELECT} ORDER BY seq").fetchall()
            if targets is not None:
                wanted = set(targets)
                rows = [row for row in rows if row[1] in wanted]
        return _records(self.path, rows)

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

    def append(self, batch: Sequence[Record]) -> None:
        placeholders = ", ".join("?" * len(_COLUMNS))
        self.connection.executemany(
            f"INSERT INTO records ({', '.join(_COLUMNS)}) VALUES ({placeholders})",
            [_row(record) for record in batch],
        )

    def amendments(self) -> list[PlacedAmendment]:
        rows = self.connection.execute(f"{_SELECT_AMENDMENTS} ORDER BY seq").fetchall()
        return _amendments(self.path, rows)

    def append_amendment(self, amendment: Amendment) -> None:
        count = self.connection.execute("SELECT count(*) FROM records").fetchone()[0]
        self._insert_amendments([PlacedAmendment(amendment, count)])

    def _insert_amendments(self, placed: Sequence[PlacedAmendment]) -> None:
        columns = ("after_records", *_AMENDMENT_COLUMNS)
        self.connection.executemany(
            f"INSERT INTO amendments ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [_amendment_row(p) for p in placed],
        )

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
        self.connection.execute("DELETE FROM records WHERE batch = ?", (batch_id,))
        self.connection.execute("DELETE FROM amendments WHERE batch = ?", (batch_id,))
        return _records(self.path, rows)


@dataclass
class SqliteLedgerStore:
    """The ledger as a SQLite database; each change is one IMMEDIATE transaction."""

    location: LedgerLocation
    lock_timeout: float = LOCK_TIMEOUT_SECONDS

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

    def advice(self) -> str | None:
        return None  # SQLite fits every size plancli is used at (120,000 records measured)

    @contextmanager
    def transaction(self) -> Iterator[_SqliteSession]:
        """BEGIN IMMEDIATE (SQLite's write lock, waiting up to the timeout), yield, COMMIT."""
        path = self.check_writable()  # the file itself, or a same-folder link's target
        _check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerFileError(
                _("{path}: cannot create: {reason}").format(path=path.parent, reason=exc.strerror)
            ) from None
        connection = _connect(path, read_only=False, timeout=self.lock_timeout)
        try:
            with closing(connection):
                try:
                    _when_free(lambda: _begin_writing(connection, path), self.lock_timeout)
                    yield _SqliteSession(connection, path)
                    if os.environ.get(CRASH_HOOK):  # test hook: die with the change unsaved
                        os._exit(9)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            raise _database_error(self.path, exc, self.lock_timeout) from None


def _begin_writing(connection: sqlite3.Connection, path: Path) -> None:
    """Take the write lock (BEGIN IMMEDIATE) on a ledger, creating or migrating its schema."""
    if connection.in_transaction:  # a busy answer came after BEGIN: start again
        connection.execute("ROLLBACK")
    _check_schema(connection, path)  # refuse a foreign database untouched
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    # Room for index pages while a large import writes: with SQLite's 2 MB, every chunk
    # spilled pages of the target index to the log again. Only the pages used take memory.
    connection.execute("PRAGMA cache_size = -16384")
    connection.execute("BEGIN IMMEDIATE")
    # Under the write lock: a concurrent first writer may have just created it.
    version = _check_schema(connection, path)
    if version == 0:
        _create_schema(connection, _SCHEMA + _AMENDMENTS_SCHEMA)
    elif version == 1:  # a ledger from before `plancli amend`
        _create_schema(connection, _AMENDMENTS_SCHEMA)


# SQLite's primary result codes for a lock held by another connection.
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def _when_free(step: Callable[[], R], timeout: float) -> R:
    """`step()`, run again while SQLite answers "busy" at once, until `timeout` has passed.

    SQLite waits for a lock up to the connection's timeout, except where waiting could
    deadlock: there it answers "busy" immediately (a WAL file being recovered or switched on
    by another process, a read snapshot gone stale). Thirty writers on a new ledger met that;
    a short pause and a new attempt is SQLite's own advice.
    """
    deadline = time.monotonic() + timeout
    pause = 0.001
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (_SQLITE_BUSY, _SQLITE_LOCKED) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _create_schema(connection: sqlite3.Connection, schema: str) -> None:
    # executescript would COMMIT the open transaction; the statements run inside it instead.
    for statement in schema.split(";"):
        if statement.strip():
            connection.execute(statement)
