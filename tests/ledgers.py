"""Test ledgers of every store: a file's path (TOML, SQLite) or a database in the throwaway
PostgreSQL server (`PgLedger`), used alike by the parametrised ledger tests (`ledger_suffix`).

A `PgLedger` answers what the tests ask of a ledger file: `str()` is what `--ledger` is given,
`read_bytes()` a dump of every row (to check that nothing changed), `exists()`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pgcluster import Cluster
from plancli.locations import LedgerLocation, database_location, location_of
from plancli.model import Record
from plancli.stores import open_store
from plancli.stores import read_records as read_file_records
from plancli.stores.base import LedgerStore
from plancli.stores.postgres import PostgresLedgerStore
from plancli.stores.sqlite_db import create_ledger_file
from plancli.stores.toml import dump_ledger

# Marks a test ledger kept in the PostgreSQL server: `tmp_path / f"work{ledger_suffix}"`.
PG_SUFFIX = ".progress@postgres"
POOL = 4  # databases a test may use at once (a copy from one ledger to another needs two)
MINI = "mini-2022"  # the id of tests/fixtures/mini.toml, the usual test plan
TABLES = (
    "plancli.records",
    "plancli.amendments",
    "plancli.target_owner",
    "plancli.plan_owners",
    "plancli.department_role",
)


@dataclass
class PgLedger:
    """One of the pool's databases, holding the records of one plan (`plan_id`)."""

    cluster: Cluster
    dbname: str
    plan_id: str = MINI
    user: str = "postgres"

    @property
    def url(self) -> str:
        return self.cluster.url(self.dbname, self.user)

    def __str__(self) -> str:
        return self.url

    @property
    def name(self) -> str:
        return self.dbname

    suffix = ""

    def as_user(self, user: str) -> PgLedger:
        return dataclasses.replace(self, user=user)

    def of_plan(self, plan_id: str) -> PgLedger:
        return dataclasses.replace(self, plan_id=plan_id)

    def location(self, owners: tuple[tuple[str, str], ...] | None = None) -> LedgerLocation:
        listed = None if owners is None else (lambda: owners)
        return database_location(self.url)._replace(plan_id=self.plan_id, owners=listed)

    def store(self) -> LedgerStore:
        return open_store(self.location())

    def sql(self, statement: str, params: Any = None, user: str = "postgres") -> list[Any]:
        """Run a statement on the tests' own connection to this database, kept for the
        session (`Cluster.session`: a new connection per statement cost the server 7 ms of
        CPU, some 900 times a run); autocommit, as each statement was on its own before."""
        with self.cluster.session(self.dbname, user).cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else []

    def touch(self) -> None:
        """An empty ledger, as `Path.touch` makes an empty file: the schema, no rows."""
        if not self.exists():
            store = self.store()
            assert isinstance(store, PostgresLedgerStore)
            store.init()
            store.close()

    @contextlib.contextmanager
    def figure_check_dropped(self) -> Iterator[None]:
        """The domain `figure`'s check dropped by hand, for a test to store a figure the schema
        refuses (batch 'bad'); afterwards those rows deleted and the check put back as it was."""
        ((name, definition),) = self.sql(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contypid = 'plancli.figure'::regtype"
        )
        self.sql(f"ALTER DOMAIN plancli.figure DROP CONSTRAINT {name}")
        try:
            yield
        finally:
            self.sql("DELETE FROM plancli.records WHERE batch = 'bad'")
            self.sql(f"ALTER DOMAIN plancli.figure ADD CONSTRAINT {name} {definition}")

    def drop_schema(self) -> None:
        self.sql("DROP SCHEMA IF EXISTS plancli CASCADE")

    def exists(self) -> bool:
        return bool(self.sql("SELECT 1 FROM pg_namespace WHERE nspname = 'plancli'"))

    def read_bytes(self) -> bytes:
        """Every row of the ledger's tables, as text: equal dumps, an unchanged ledger."""
        if not self.exists():
            return b""
        rows = [
            *self.sql("SELECT * FROM plancli.records ORDER BY seq"),
            *self.sql("SELECT * FROM plancli.amendments ORDER BY seq"),
            *self.sql("SELECT * FROM plancli.target_owner ORDER BY plan_id, target"),
        ]
        return repr(rows).encode()


@dataclass
class PgLedgers:
    """The pool's databases a test uses, one per ledger name; emptied after the test."""

    cluster: Cluster
    used: dict[str, PgLedger] = field(default_factory=dict)

    def at(self, path: Path | str, plan_id: str = MINI) -> PgLedger:
        key = str(path)
        if key not in self.used:
            if len(self.used) >= POOL:
                raise RuntimeError(f"a test may use at most {POOL} PostgreSQL ledgers")
            ledger = PgLedger(self.cluster, f"plancli_t{len(self.used)}", plan_id)
            # A named ledger must exist to be read (issue 12): the tests' ledgers start
            # empty, as the file tests' named ledgers do.
            ledger.touch()
            self.used[key] = ledger
        return dataclasses.replace(self.used[key], plan_id=plan_id)

    def reset(self) -> None:
        """Empty the databases used. The schema stays (making it is most of a first write's
        time), with the rows of every table gone and the numbering started again (the next
        row's `seq` is 1, as in a new ledger); a test that needs a database without one drops
        it (`drop_schema`)."""
        for ledger in self.used.values():
            if ledger.exists():
                ledger.sql(_EMPTIED)
        self.used.clear()


# The rows deleted, not the tables truncated: TRUNCATE gives each table and index a new file
# and drops the old (7 ms of the server's CPU and the test's wait each time, against 0.4 for
# these few rows, after some 400 tests a run). The superuser deletes past row-level security;
# the schema has no triggers. One statement list, one round trip.
_EMPTIED = "; ".join(
    [f"DELETE FROM {table}" for table in TABLES]
    + [
        f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), 1, false)"
        for table in ("plancli.records", "plancli.amendments")
    ]
)


Ledger = Path | PgLedger


def start_ledger(ledger: Ledger) -> None:
    """An empty ledger that exists, for a test that names it (`--ledger`) before anything is
    recorded, made as plancli leaves one: a TOML file holding `version = 1` (what `undo`
    writes on reverting the only batch), a SQLite file with its schema (what a first write
    creates). Never a 0-byte file: plancli refuses one as a ledger cut short. A database
    ledger is empty already (`PgLedgers.at`)."""
    if isinstance(ledger, PgLedger) or str(ledger).endswith(PG_SUFFIX):
        return
    if ledger.suffix in (".sqlite", ".db"):
        create_ledger_file(ledger)
    else:
        ledger.write_text(dump_ledger([]), encoding="utf-8")


def read_records(ledger: Ledger) -> list[Record]:
    """The records of a test ledger, of any store."""
    if isinstance(ledger, PgLedger):
        return ledger.store().read()
    return read_file_records(ledger)


def store_of(ledger: Ledger) -> LedgerStore:
    if isinstance(ledger, PgLedger):
        return ledger.store()
    return open_store(location_of(ledger))


def snapshot(store: LedgerStore) -> bytes:
    """The state of a store's ledger, to compare before and after."""
    location = store.location
    if location.url is not None:
        return repr(store.contents()).encode()
    try:
        return location.path.read_bytes()
    except FileNotFoundError:
        return b""
