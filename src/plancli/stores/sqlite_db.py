"""The SQLite store's file: recognising a plancli ledger, connecting, the schema and its
version, one snapshot for a read, the write lock and the waits for it (`stores.sqlite`)."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from plancli.errors import InputError, LedgerFileError, os_reason, sqlite_reason
from plancli.i18n import _
from plancli.paths import check_readable, open_regular
from plancli.safe import clip_path
from plancli.stores.base import (
    AMENDMENT_FIELDS,
    LEDGER,
    RECORD_FIELDS,
    LedgerBusyError,
    busy_message,
    empty_ledger_error,
)
from plancli.stores.sqlite_check import check_pages

if TYPE_CHECKING:
    pass

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


# Dropped by the first write since (`_begin_writing`): the one query by batch, `undo`'s, reads
# the whole ledger anyway, and building the index cost 0.7-1.0 s of a 1,200,000-row import and
# 40 MB of the file (issue 15). Readers never needed it; a ledger with it reads as before.
_OLD_INDEXES = ("records_by_batch",)

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
    """True when `path` holds a ledger; False when it is missing (a new ledger).

    Anything else, an empty file (plancli creates a ledger with its schema, never empty: see
    `create_ledger_file`), a text file or another program's database, is an error and never touched
    (`_check_schema` refuses a database without plancli's mark). A FIFO or a device is refused
    (exit 2) without being opened.
    """
    if path.is_dir():
        raise InputError(_("{path}: is a folder, not a ledger file").format(path=clip_path(path)))
    if not check_readable(path, LEDGER, LedgerFileError):
        return False
    try:
        header = _file_header(path)
    except OSError as exc:
        raise LedgerFileError(
            _("{path}: cannot read: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ) from None
    if not header:
        raise empty_ledger_error(path)
    if not header.startswith(_HEADER):
        raise LedgerFileError(
            _(
                "{path}: not a SQLite database; a ledger named .sqlite or .db is kept in SQLite "
                "(name a TOML ledger .toml)"
            ).format(path=clip_path(path))
        )
    return True


STALE_TEMP_SECONDS = 60
"""A creation temp (`.NAME.<pid>.<ns>.new`) this old whose process is gone is a leftover:
creating a ledger's schema takes milliseconds. The age guards a writer mid-creation that the
pid cannot see: one on another host or in another container sharing the folder."""

_TEMP_NAME = re.compile(r"\.(?P<ledger>.+)\.(?P<pid>[0-9]+)\.[0-9]+\.new")


def remove_stale_temps(path: Path) -> None:
    """Remove the `create_ledger_file` temps a writer killed mid-creation left beside `path`:
    each whose process (its name's pid) is no longer running here, and at least
    STALE_TEMP_SECONDS old. A temp of a live process is never touched (a pid reused since
    looks alive: its leftover is kept, harmless, as its name is never taken again)."""
    prefix = f".{path.name}."
    try:
        entries = [e for e in os.scandir(path.parent) if e.name.startswith(prefix)]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or match["ledger"] != path.name:
            continue
        with suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_TEMP_SECONDS:
                continue
            if not _process_running(int(match["pid"])):
                os.unlink(entry.path)


def _process_running(pid: int) -> bool:
    if pid == os.getpid() or sys.platform == "win32":
        return True  # Windows: os.kill(pid, 0) would end the process; its leftovers are kept
    try:
        os.kill(pid, 0)  # signal 0: is there such a process? (nothing is sent)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a pid we cannot ask about: keep its file
    return True


def create_ledger_file(path: Path) -> bool:
    """Create a new ledger whole: its schema written in a temp file beside it, then linked
    into place. False when a concurrent first writer's link won: it created the ledger, and
    only it says so (two jobs both said "created").

    SQLite itself would create the file empty and fill it in the first write's transaction: a
    reader or a second writer in between saw an empty file, and a refused first write left one
    behind, which is why an empty file could not be told from a copy cut short. Linked, the
    name holds a full ledger or nothing; a concurrent first writer's link wins and is used.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.new")
    try:
        # The permissions the umask allows (0664 under umask 002, a group's shared ledger),
        # as a TOML ledger gets: SQLite would create it 0644 whatever the umask.
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        with closing(sqlite3.connect(temp, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            _create_schema(connection, _SCHEMA + _AMENDMENTS_SCHEMA)
            connection.execute("COMMIT")
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:
            return False  # another first writer was quicker: its ledger is the one written to
        except OSError:
            # A file system without hard links (some network shares): the old way, SQLite
            # creating the file, empty until the first write commits.
            return True
    except (OSError, sqlite3.Error) as exc:
        raise LedgerFileError(
            _("{path}: cannot create: {reason}").format(
                path=clip_path(path),
                reason=os_reason(exc) if isinstance(exc, OSError) else sqlite_reason(exc),
            )
        ) from None
    finally:
        with suppress(OSError):
            os.unlink(temp)
    with suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return True


def _connect(
    path: Path, *, read_only: bool, timeout: float, immutable: bool = False
) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    if immutable:
        uri += "&immutable=1"
    if not read_only:
        # A new ledger gets the permissions the umask allows (0664 under umask 002, a group's
        # shared ledger), as a TOML one does: SQLite would create it 0644 whatever the umask.
        # Its -wal and -shm files take the database file's permissions.
        with suppress(OSError):  # it exists, or SQLite says below what is wrong
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE … COMMIT).
        connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise LedgerFileError(
            _("{path}: cannot open: {reason}").format(
                path=clip_path(path), reason=sqlite_reason(exc)
            )
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
            _("{path}: a SQLite database, but not a plancli ledger").format(path=clip_path(path))
        )
    if version not in READABLE_VERSIONS:
        raise LedgerFileError(
            _(
                "{path}: ledger schema version {version}; this plancli reads versions "
                "{first} to {last}"
            ).format(
                path=clip_path(path),
                version=version,
                first=READABLE_VERSIONS[0],
                last=SCHEMA_VERSION,
            )
        )
    return int(version)


# What SQLite says when a write fails for want of room (a full disk, a quota): its `-shm`
# index cannot grow (every reader needs it), or a page, the log or its sync cannot be written.
_DISK_FULL = frozenset(
    {
        "SQLITE_FULL",
        "SQLITE_IOERR_SHMSIZE",
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
    }
)


def _database_error(path: Path, exc: sqlite3.Error, timeout: float) -> LedgerFileError:
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return LedgerBusyError(busy_message(path, timeout, "sqlite"))
    if "Could not decode to UTF-8" in str(exc):  # a hand-edited row: named, with its bytes
        from plancli.stores.sqlite_text import not_utf8_row

        found = not_utf8_row(path)
        if found is not None:
            return found
    if getattr(exc, "sqlite_errorname", "") in _DISK_FULL:  # not "unreadable": a full disk
        message = _(
            "{path}: SQLite could not write the ledger or its -wal and -shm files beside it: "
            "{reason}; make room on the disk, then run the command again (the ledger is as it was)"
        )
        return LedgerFileError(message.format(path=clip_path(path), reason=sqlite_reason(exc)))
    if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY"):  # a write refused:
        message = _("{path}: cannot write the SQLite ledger: {reason}")  # not "unreadable"
        return LedgerFileError(message.format(path=clip_path(path), reason=sqlite_reason(exc)))
    return LedgerFileError(
        _("{path}: unreadable SQLite ledger: {reason}").format(
            path=clip_path(path), reason=sqlite_reason(exc)
        )
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
                    ).format(path=clip_path(path), name=clip_path(path.name))
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
            _("{path}: changed each time it was read; try again").format(path=clip_path(path))
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
        try:
            connection.execute("BEGIN")
            try:
                return read(connection, _check_schema(connection, path))
            finally:
                connection.execute("COMMIT")
        except UnicodeDecodeError as exc:
            from plancli.stores.sqlite_text import sqlite_message_error

            raise sqlite_message_error(exc) from None


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
    check_pages(connection, path)  # damaged pages the write would not read: refused
    if version == 0:
        _create_schema(connection, _SCHEMA + _AMENDMENTS_SCHEMA)
    elif version == 1:  # a ledger from before `plancli amend`
        _create_schema(connection, _AMENDMENTS_SCHEMA)
    for name in _OLD_INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {name}")


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
