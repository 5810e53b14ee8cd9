"""A PostgreSQL ledger read by two processes at once (`assess.gap_split`: `gap --json` at
100,000 targets), each through its own connection, each its share of the targets, both in ONE
snapshot of the database (issue 13).

The parent begins a read-only REPEATABLE READ transaction and exports its snapshot
(`pg_export_snapshot()`); the snapshot's identifier is its name (`PostgresShares.open`), sent to
the child, which begins its own transaction with `SET TRANSACTION SNAPSHOT`: PostgreSQL's own
guarantee that both see exactly the same rows (www.postgresql.org/docs/current/
sql-set-transaction.html), whatever was committed between. An import that fails (the parent's
transaction gone) names no snapshot, and the parent reads the child's share itself.

Each process then asks the server for the figures its share's targets are judged on (the
selection of `store._FIGURES_FOR`, for the share's targets only), so the two selections run on
two server processes at once, and each client splits and converts only its half of the rows.
The share's bounds are compared by code point (`COLLATE "C"`), as Python compares the ids
(`gap_shares.Share.holds`), whatever the database's collation.

The connections are opened after the fork: no libpq state is shared between the processes
(libpq itself is loaded before it, once: `cli.assess_cmds`). The child connects at once, while
the parent exports its snapshot, and takes the snapshot when its name comes. Each process sends
its selection (`request`) and builds its share's targets while the server selects, then reads
the rows (`read`).
Anything unusual (no ledger yet, a role that may not read it, a newer schema, psycopg without
libpq's own library) names no snapshot: the ledger is then read whole by one process, which
says what is wrong, as `gap` always does.
"""

from __future__ import annotations

from typing import Any

from plancli.errors import PlanError
from plancli.locations import LedgerLocation
from plancli.plain import Amendment, Figure, FigureQuery
from plancli.stores.base import ShareRange
from plancli.stores.postgres.connection import Reads, fetch_many, send_many
from plancli.stores.postgres.libpq import LibpqConnection, LibpqError
from plancli.stores.postgres.schema import _READ_ONLY, AMENDMENT_ROW, SELECT_AMENDMENTS
from plancli.stores.postgres.store import _SETTINGS, PostgresLedgerStore

# The seconds the child waits for a connection slot (a full server) before giving up; the parent
# then reads the child's share itself, in its own snapshot.
_CHILD_WAIT = 2.0


Share = ShareRange  # what a process reads (`gap_shares.Share`)


# Whether `target` is ordered by code point as it is stored (the collation of the column, or
# the database's default: "C" or "POSIX" of the C library), so a range of ids is a range of
# the index records_position. The OIDs are PostgreSQL's fixed ones: 100 the database's default,
# 950 "C", 951 "POSIX"; datlocprovider (PostgreSQL 15) says whether the default is ICU's.
_CODE_POINT_ORDER = """
SELECT CASE a.attcollation WHEN 950 THEN true WHEN 951 THEN true
    WHEN 100 THEN d.datcollate IN ('C', 'POSIX')
        AND coalesce(pg_catalog.to_jsonb(d) ->> 'datlocprovider', 'c') = 'c'
    ELSE false END
FROM pg_catalog.pg_attribute a, pg_catalog.pg_database d
WHERE a.attrelid = 'plancli.records'::pg_catalog.regclass AND a.attname = 'target'
  AND d.datname = pg_catalog.current_database()
"""


def share_condition(share: Share, indexed: bool = False) -> tuple[str, dict[str, Any]]:
    """The SQL condition on `target` holding `share`'s targets (by code point, as Python
    compares them), and its parameters. `indexed`: the column is ordered by code point
    (`_CODE_POINT_ORDER`), so the bounds are also written as a range the index can read (the
    same rows, a quarter of a second less of the server's time at 100,000 targets)."""
    bounds = []
    if share.low is not None:
        bounds.append('target COLLATE "C" >= %(low)s')
        if indexed:
            bounds.append("target >= %(low)s")
    if share.high is not None:
        bounds.append('target COLLATE "C" < %(high)s')
        if indexed:
            bounds.append("target < %(high)s")
    inside = " AND ".join(bounds) or "TRUE"
    parameters: dict[str, Any] = {"low": share.low, "high": share.high}
    if share.extra:
        parameters["extra"] = sorted(share.extra)
        return f"({inside}) OR target = ANY(%(extra)s)", parameters
    return inside, parameters


class PostgresShares:
    """One process's reading of a PostgreSQL ledger for `gap --json` split in two. Made in each
    process after the fork; `open` begins the transaction in the shared snapshot, `read`
    selects a share, `close` ends it."""

    def __init__(self, location: LedgerLocation, judged: FigureQuery) -> None:
        self.location = location
        self.judged = judged
        self.store = PostgresLedgerStore(location)
        self.connection: LibpqConnection | None = None
        self.indexed = False  # ids ordered by code point in the database too
        self.requested: Share | None = None  # the share whose selection is sent, not read
        self.refused = False  # `prepare` could not connect: `open` tries no second time

    def prepare(self) -> None:
        """The child's connection, opened while the parent exports its snapshot (it waits
        little for a connection slot: the parent reads its share when it does not come).
        Without libpq's own library, nothing: the parent names no snapshot then."""
        if not self.store.light_available():
            return
        self.store.lock_timeout = _CHILD_WAIT
        try:
            self.store._connect(light=True)
        except (LibpqError, PlanError):
            self.refused = True

    def open(self, name: bytes | None = None) -> bytes | None:
        """Begin this process's snapshot: a new one, exported (the parent: `name` None), or
        the parent's (`name`, its identifier). Its name, or None when the ledger is not
        plainly there to read in it (then it is read whole, by one process). The parent's
        connection errors are raised (a server unreachable is one process's error, after one
        connect timeout, not two)."""
        if name is None:  # a server unreachable: one process's error, after one wait
            connection = self.store._connect(light=True)
        try:
            if name is not None:  # the child waits little for a connection slot: the parent
                if self.refused:  # reads its share when it does not come (`prepare`)
                    raise LookupError
                self.store.lock_timeout = _CHILD_WAIT
                connection = self.store._connect(light=True)
            if not isinstance(connection, LibpqConnection):  # psycopg's: read whole
                raise LookupError
            self.connection = connection
            begin: list[tuple[str, Any]] = [(_READ_ONLY, None)]
            if name is not None:
                begin.append(("SET TRANSACTION SNAPSHOT %s", (name.decode(),)))
            probed = len(begin)
            begin += [self.store._probe_statement(), (_CODE_POINT_ORDER, None)]
            if name is None:
                begin.append(("SELECT pg_catalog.pg_export_snapshot()", None))
            found = connection.execute_all(begin)  # one message: one round trip
            if not self.store._current(self.store._probe_found(found[probed].rows[0])):
                raise LookupError
            self.indexed = found[probed + 1].rows[0][0] is True
            return str(found[-1].rows[0][0]).encode() if name is None else name
        except (LibpqError, PlanError, LookupError, IndexError, UnicodeDecodeError):
            pass
        self.close()
        return None

    def _reads(self, share: Share) -> Reads:
        store = self.store
        condition, extra = share_condition(share, self.indexed)
        sql, parameters, kinds = store._figures_read(self.judged, condition)
        amendments = f"{SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq"
        return [
            *_SETTINGS,
            (amendments, (store.plan_id,), AMENDMENT_ROW),
            (sql, {**parameters, **extra}, kinds),
        ]

    def request(self, share: Share) -> bool:
        """Send the selection of `share`'s figures (and the amendments) without waiting for
        it: True when sent, and `read` reads it; the process meanwhile builds the share's
        targets, while the server selects."""
        connection = self.connection
        if connection is None or self.requested is not None:
            return False
        try:
            send_many(connection, self._reads(share))
        except LibpqError:  # `read` finds the connection broken, and says None
            return False
        self.requested = share
        return True

    def read(self, share: Share) -> tuple[list[Figure], list[Amendment]] | None:
        """The figures `share`'s targets are judged on, and every amendment, from the
        snapshot (as `request` sent it, if it did); None when a row is not plainly fit (the
        ledger is then read whole, by one process, which says what is wrong)."""
        connection = self.connection
        assert connection is not None
        store = self.store
        reads = self._reads(share)
        requested, self.requested = self.requested, None
        try:
            if requested is not None and requested != share:  # pragma: no cover - not done
                connection.results(len(self._reads(requested)))
            sent = requested == share
            *_, amendment_rows, found = fetch_many(connection, reads, columnar=True, sent=sent)
            return store._figures(found), store._plain_amendments(amendment_rows)
        except (LibpqError, PlanError):  # one process reads it whole, and says what is wrong
            return None

    def whole(self) -> tuple[list[Figure], list[Amendment]]:
        """Everything `gap` reads, as one process reads it (`ledger_read.read_figures`)."""
        from plancli.ledger_read import read_figures

        self.close()
        return read_figures(self.location, self.judged)

    def close(self) -> None:
        self.connection = None
        self.requested = None
        self.store.close()
