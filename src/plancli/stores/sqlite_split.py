"""A SQLite ledger read by two processes at once (`assess.gap_split`: `gap --json` at 100,000
targets), each through its own connection and read transaction, each its share of the
targets; and how they make sure they read ONE state of the ledger.

Each process fixes its snapshot (`SqliteShares.open`) and names it by the header of the
write-ahead log's index (the first 48 bytes of the `-shm` file, sqlite.org/walformat.html
§2.2.1): a reader's snapshot is a copy of that header, and every commit changes it (it holds
the log's last frame and its salts, which a restart of the log changes). The header is read
before and after the transaction's first read; when both are the same (and both copies of the
header agree, so no writer was half-way), the snapshot is that state of the ledger. Two
processes whose names are equal read the same ledger; unequal, a `record`, `import` or `undo`
landed between their reads, and the parent reads the child's share itself, in its own
snapshot. A ledger not in WAL mode, or whose snapshot cannot be named, is not split.

The connections are opened after the fork: no SQLite state is shared between the processes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from plancli.errors import PlanError
from plancli.locations import LedgerLocation
from plancli.periods import Granularity, Period
from plancli.plain import Amendment, Figure, FigureQuery
from plancli.stores.base import LOCK_TIMEOUT_SECONDS, period_problems
from plancli.stores.sqlite_db import (
    _SELECT_AMENDMENTS,
    _check_file,
    _check_schema,
    _connect,
    _when_free,
)
from plancli.stores.sqlite_judged import TargetShare, judged_figures, plainly_fit

_GRANULARITIES: tuple[tuple[Granularity, int], ...] = (("M", 12), ("Q", 4), ("H", 2), ("Y", 1))
_HEADER = 48  # the WAL index's header; the file holds it twice (a writer writes both)


class Share(TargetShare, Protocol):
    @property
    def rows(self) -> int:
        """Which half of the ledger's rows (by seq) this process checks: 0 or 1."""
        ...


def wal_state(path: Path) -> bytes | None:
    """The header of the ledger's WAL index as it is now, or None: no index, or a writer
    between its two copies."""
    try:
        with open(os.path.realpath(path) + "-shm", "rb") as shm:
            data = shm.read(2 * _HEADER)
    except OSError:
        return None
    if len(data) < 2 * _HEADER or data[:_HEADER] != data[_HEADER:] or not data[12]:
        return None  # isInit (byte 12) unset: an index not yet built
    return data[:_HEADER]


def year_periods(year: int) -> set[str]:
    """Every period of `year` and of the year before, as a valid ledger writes them (a period
    is written only one way: `base.period_problems`)."""
    periods: set[str] = set()
    for each in (year - 1, year):
        for granularity, count in _GRANULARITIES:
            periods.update(str(Period(each, granularity, i)) for i in range(1, count + 1))
    return periods


class SqliteShares:
    """One process's reading of a SQLite ledger for `gap --json` split in two. Made in each
    process after the fork; `open` fixes the snapshot, `read` selects a share, `close` ends."""

    def __init__(self, location: LedgerLocation, judged: FigureQuery) -> None:
        self.location = location
        self.judged = judged
        self.connection: sqlite3.Connection | None = None
        self.version = 0

    def prepare(self) -> None:
        pass  # opened in `open`: a file, no server to wait for

    def request(self, share: Share) -> bool:
        return False  # read by this process, in `read`

    def open(self, name: bytes | None = None) -> bytes | None:
        """Fix this process's snapshot; its name (equal in two processes: the same state of
        the ledger), or None when it cannot be named (then the ledger is not split). The
        parent's `name` is not used: SQLite cannot take another connection's snapshot."""
        path = self.location.path
        try:
            if not _check_file(path):
                return None
            connection = self.connection = _connect(
                path, read_only=True, timeout=LOCK_TIMEOUT_SECONDS
            )
            for _attempt in range(3):
                before = wal_state(path)
                connection.execute("BEGIN")
                self.version = _when_free(lambda: _check_schema(connection, path), 5.0)
                (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
                after = wal_state(path)
                if mode == "wal" and before is not None and before == after:
                    return before
                connection.execute("COMMIT")  # a writer meanwhile (or a first reader): again
                if mode != "wal":
                    break
        except (sqlite3.Error, PlanError, OSError):
            pass
        self.close()
        return None

    def read(self, share: Share) -> tuple[list[Figure], list[Amendment]] | None:
        """The figures `share`'s targets are judged on, and every amendment, from the
        snapshot; None when its half of the rows is not plainly fit (or seq too large): the
        ledger is then read whole, by one process, which says what is wrong."""
        from plancli.stores.sqlite_read import _plain_amendments, _time_problems

        connection = self.connection
        assert connection is not None
        if self.version == 0:
            return [], []
        (last,) = connection.execute("SELECT max(seq) FROM records").fetchone()
        fit = plainly_fit(connection, share.rows, (last or 0) // 2)
        if fit is None or period_problems(fit[0]) or _time_problems(fit[1]):
            return None
        figures = judged_figures(connection, self.judged, year_periods(self.judged.year), share)
        if figures is None:
            return None
        rows: list[tuple[Any, ...]] = []
        if self.version >= 2:
            rows = connection.execute(f"{_SELECT_AMENDMENTS} ORDER BY seq").fetchall()
        return figures, _plain_amendments(self.location.path, rows)

    def whole(self) -> tuple[list[Figure], list[Amendment]]:
        """Everything `gap` reads, as one process reads it (`read_plain_figures`)."""
        from plancli.stores.sqlite_read import read_plain_figures

        self.close()
        return read_plain_figures(self.location, self.judged)

    def close(self) -> None:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            connection.close()
