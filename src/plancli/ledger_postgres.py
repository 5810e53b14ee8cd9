"""The progress ledger in PostgreSQL: one database for a whole bureau (issue 13).

A ledger named by a libpq connection string (`--ledger postgresql://host/plans`, `postgres://…`,
`service=bureau`, or PLANCLI_LEDGER) is kept in a PostgreSQL database, through psycopg 3 (the
optional extra `pip install 'plancli[postgres]'`, imported only here and only when used).
psycopg uses libpq, so its PG* variables (PGHOST, PGUSER…), service file and `.pgpass` work as
for psql. The same records, commands and guarantees as the TOML and SQLite stores, and more:

- **Many plans in one database.** Every row carries its plan's id (`[plan] id`); a plancli
  command reads and writes only the rows of the plan it was given.
- **Schema `plancli`, versioned.** Table `schema_version` lists the migrations applied;
  `MIGRATIONS` are applied in order by `plancli ledger init` (or by the first write into a
  database without the schema, as SQLite creates its file). A database whose schema is newer
  than this plancli is refused, never written.
- **Exact figures, UTC times.** Figures are `numeric` (5.0 stays 5.0; the domain `figure` refuses
  what `Record.figure_problem` refuses), times `timestamptz` read in UTC.
- **One transaction per batch.** A `record`, an `import` (every row), an `amend`, an `undo` or a
  `convert` commits whole or not at all: a server stopped or a connection lost mid-batch leaves
  nothing of it. Writers of one plan queue on a transaction-scoped advisory lock (as SQLite's
  writers queue on its write lock), so a decision taken on the ledger as read (`--add`, undo's
  last batch, an import's revisions) holds when it is written.
- **Departments (牵头单位).** A plan's targets may name an `owner`. The plan's owners are pushed
  to table `target_owner` by `ledger init` and by each write of the ledger's owner;
  `plancli ledger grant DEPARTMENT ROLE` maps a database role (or a group role whose members
  log in) to a department. Row-level security policies let a role insert (and undo) only
  records and amendments of targets its department owns; reading is open to every granted
  role. Each row records `recorded_by` (the database user, `current_user`). The ledger's owner
  (who ran `ledger init`) and superusers are not bound by the policies (PostgreSQL's rule for
  a table's owner). A refused write names the target and its owner, and nothing of the batch
  is written: the check before the insert says why; the policies make it so.
- **Work in the database.** `gap` reads only the figures it judges (`figures_for`): per target
  the one in force at its latest position, selected by SQL (DISTINCT ON over an index).
"""

from __future__ import annotations

import hashlib
import os
import random
import time
import weakref
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from plancli import plain
from plancli.errors import InputError, LedgerFileError, LedgerUnavailableError
from plancli.i18n import _, ngettext
from plancli.locations import MASK, LedgerLocation, passwords_in
from plancli.plain import Figure, FigureQuery, figure_problem
from plancli.plain import Record as PlainRecord
from plancli.stores.base import (
    AMENDMENT_FIELDS,
    LOCK_TIMEOUT_SECONDS,
    RECORD_FIELDS,
    LedgerBusyError,
    LedgerContents,
    PlacedAmendment,
    period_problems,
)

if TYPE_CHECKING:  # the models are imported where a write or a full read needs them
    from plancli.model import Amendment, Record

SCHEMA = "plancli"
SCHEMA_VERSION = 1
# A server that does not answer within this many seconds is unreachable (exit 4), unless the
# connection string or PGCONNECT_TIMEOUT says otherwise.
CONNECT_TIMEOUT_SECONDS = 10
# Key of the advisory lock taken while creating or migrating the schema; writers of a plan lock
# hashtextextended('plancli:' || plan id).
_MIGRATION_LOCK = 0x706C6E31  # "pln1", as the SQLite ledger's application_id
# Rows are inserted `unnest`-ed from arrays, this many per statement (COPY is refused to a role
# bound by row-level security).
_CHUNK = 20_000

_V1 = """
CREATE SCHEMA plancli;
COMMENT ON SCHEMA plancli IS 'plancli progress ledger: records and amendments of plans';
CREATE TABLE plancli.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
);
-- A figure as Record.figure_problem accepts it: finite, at most 10^15, at most 10 decimal places
-- and 15 significant digits (NaN and infinities fail abs(VALUE) <= 1e15).
CREATE DOMAIN plancli.figure AS numeric CHECK (
    abs(VALUE) <= 1e15
    AND scale(VALUE) <= 10
    AND length(rtrim(ltrim(replace(abs(VALUE)::text, '.', ''), '0'), '0')) <= 15
);
-- A period as plancli writes it: 2022, 2022-06, 2022-Q2, 2022-H1.
CREATE DOMAIN plancli.period AS text
    CHECK (VALUE ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$');
CREATE TABLE plancli.records (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id text NOT NULL CHECK (plan_id <> ''),
    target text NOT NULL CHECK (target <> ''),
    period plancli.period NOT NULL,
    value plancli.figure NOT NULL,
    amount plancli.figure,
    note text,
    source text,
    recorded_at timestamptz NOT NULL,
    batch text NOT NULL CHECK (batch <> ''),
    recorded_by text DEFAULT current_user,
    -- The position a figure describes (DESIGN §3): the year and month its period ends.
    period_year integer GENERATED ALWAYS AS (substr(period, 1, 4)::integer) STORED,
    end_month integer GENERATED ALWAYS AS (
        CASE
            WHEN length(period) = 4 THEN 12
            WHEN substr(period, 6, 1) = 'Q' THEN substr(period, 7, 1)::integer * 3
            WHEN substr(period, 6, 1) = 'H' THEN substr(period, 7, 1)::integer * 6
            ELSE substr(period, 6, 2)::integer
        END
    ) STORED
);
-- Covering: `gap`'s selection reads the index alone (an index-only scan, once vacuumed).
CREATE INDEX records_position ON plancli.records (plan_id, target, period_year, end_month, seq)
    INCLUDE (period, value, amount);
CREATE INDEX records_order ON plancli.records (plan_id, seq);
CREATE INDEX records_batch ON plancli.records (plan_id, batch);
CREATE TABLE plancli.amendments (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id text NOT NULL CHECK (plan_id <> ''),
    after_records bigint NOT NULL CHECK (after_records >= 0),
    target text NOT NULL CHECK (target <> ''),
    period plancli.period NOT NULL,
    min numeric,
    max numeric,
    around numeric,
    tolerance numeric CHECK (tolerance >= 0),
    stretch numeric,
    note text,
    recorded_at timestamptz NOT NULL,
    batch text NOT NULL CHECK (batch <> ''),
    recorded_by text DEFAULT current_user
);
CREATE INDEX amendments_order ON plancli.amendments (plan_id, seq);
-- Departments: the plan's 牵头单位 per target, and the roles that record for each department.
CREATE TABLE plancli.target_owner (
    plan_id text NOT NULL,
    target text NOT NULL,
    department text NOT NULL CHECK (department <> ''),
    PRIMARY KEY (plan_id, target)
);
CREATE TABLE plancli.plan_owners (
    plan_id text PRIMARY KEY,
    digest text NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by text NOT NULL DEFAULT current_user
);
CREATE TABLE plancli.department_role (
    department text NOT NULL CHECK (department <> ''),
    role text NOT NULL CHECK (role <> ''),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, role)
);
CREATE FUNCTION plancli.may_write(p_plan text, p_target text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1
        FROM plancli.target_owner o
        JOIN plancli.department_role d ON d.department = o.department
        JOIN pg_catalog.pg_roles r ON r.rolname = d.role
        WHERE o.plan_id = p_plan AND o.target = p_target
          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
    )
$$;
ALTER TABLE plancli.records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_read ON plancli.records FOR SELECT USING (true);
CREATE POLICY records_write ON plancli.records FOR INSERT
    WITH CHECK (recorded_by = current_user::text AND plancli.may_write(plan_id, target));
CREATE POLICY records_undo ON plancli.records FOR DELETE
    USING (plancli.may_write(plan_id, target));
ALTER TABLE plancli.amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY amendments_read ON plancli.amendments FOR SELECT USING (true);
CREATE POLICY amendments_write ON plancli.amendments FOR INSERT
    WITH CHECK (recorded_by = current_user::text AND plancli.may_write(plan_id, target));
CREATE POLICY amendments_undo ON plancli.amendments FOR DELETE
    USING (plancli.may_write(plan_id, target));
"""
# Ordered migrations: (version, SQL). A database at version N gets every later one, in one
# transaction, and a row in plancli.schema_version for each. Add schema 2 as (2, "ALTER …").
MIGRATIONS: tuple[tuple[int, str], ...] = ((1, _V1),)

_RECORD_COLUMNS = (*RECORD_FIELDS, "recorded_by")
_RECORD_TYPES = (
    "text",
    "text",
    "numeric",
    "numeric",
    "text",
    "text",
    "timestamptz",
    "text",
    "text",
)
_AMENDMENT_COLUMNS = (*AMENDMENT_FIELDS, "recorded_by")
_SELECT_RECORDS = f"SELECT seq, {', '.join(_RECORD_COLUMNS)} FROM plancli.records"
_SELECT_AMENDMENTS = (
    f"SELECT seq, after_records, {', '.join(_AMENDMENT_COLUMNS)} FROM plancli.amendments"
)
# The figures `gap` judges (FigureQuery): per target, the figure in force at its latest position
# up to the as-of month (of the positions, the last end month; of the figures there, the last
# recorded), and the year before's year-end one; every position of the `series` targets. The
# first DISTINCT ON walks records_position backwards, so each target costs one index descent.
_FIGURES_FOR = """
WITH latest AS (
    SELECT DISTINCT ON (target, period_year) seq, target, period, value, amount
    FROM plancli.records
    WHERE plan_id = %(plan)s
      AND ((period_year = %(year)s AND end_month <= %(month)s)
           OR (period_year = %(year)s - 1 AND end_month = 12))
    ORDER BY target DESC, period_year DESC, end_month DESC, seq DESC
), series AS (
    SELECT DISTINCT ON (target, end_month) seq, target, period, value, amount
    FROM plancli.records
    WHERE plan_id = %(plan)s AND target = ANY(%(series)s)
      AND period_year = %(year)s AND end_month <= %(month)s
    ORDER BY target, end_month, seq DESC
)
SELECT * FROM latest UNION ALL SELECT * FROM series ORDER BY seq
"""
# Every figure in force: per target and period, the last recorded.
_FIGURES = """
SELECT seq, target, period, value, amount FROM (
    SELECT DISTINCT ON (target, period) seq, target, period, value, amount
    FROM plancli.records WHERE plan_id = %(plan)s
    ORDER BY target, period, seq DESC
) AS in_force ORDER BY seq
"""
# Every record in force (as `_FIGURES`, whole): what an import checks its rows against.
_RECORDS_IN_FORCE = f"""
SELECT * FROM (
    SELECT DISTINCT ON (target, period) seq, {", ".join(_RECORD_COLUMNS)}
    FROM plancli.records WHERE plan_id = %(plan)s
    ORDER BY target, period, seq DESC
) AS in_force ORDER BY seq
"""
# Of `targets` (in batch order), the first this role may not write, its owner, how many are
# refused, and the departments the role records for.
_REFUSED = """
SELECT t.target, o.department, count(*) OVER (),
    (SELECT string_agg(DISTINCT d.department, ', ')
     FROM plancli.department_role d JOIN pg_catalog.pg_roles r ON r.rolname = d.role
     WHERE pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))
FROM unnest(%(targets)s::text[]) WITH ORDINALITY AS t(target, n)
LEFT JOIN plancli.target_owner o ON o.plan_id = %(plan)s AND o.target = t.target
WHERE NOT plancli.may_write(%(plan)s, t.target)
ORDER BY t.n LIMIT 1
"""


class MissingDriverError(InputError):
    """psycopg (the `postgres` extra) is not installed."""


class DepartmentRefusedError(InputError):
    """A write the departments' rules refuse (exit 2): nothing of the batch was written."""


def _psycopg() -> Any:
    """psycopg, imported on first use: only a PostgreSQL ledger pays for it (0.1-0.2 s of CPU)."""
    try:
        import psycopg
    except ImportError:
        raise MissingDriverError(
            _("a PostgreSQL ledger needs psycopg: pip install 'plancli[postgres]'")
        ) from None
    return psycopg


def _one_line(text: str) -> str:
    """libpq's messages span lines (`…failed: Connection refused\\n\\tIs the server running…`)."""
    return " ".join(str(text).split())


@dataclass(frozen=True, slots=True)
class InitResult:
    """What `plancli ledger init` did."""

    before: int  # the schema version found (0: none)
    after: int
    owners_pushed: bool
    owners: int  # targets with an owner in the plan


@dataclass(frozen=True, slots=True)
class Grant:
    department: str
    role: str


@dataclass(frozen=True, slots=True)
class _Probe:
    """What a connection finds of the ledger: its schema version (0: none), whether this role
    may use it, and whether row-level security binds this role."""

    version: int
    usable: bool
    restricted: bool
    owners_digest: str | None


class PostgresLedgerStore:
    """The ledger as rows of one plan in a PostgreSQL database; each change one transaction."""

    def __init__(
        self,
        location: LedgerLocation,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
    ) -> None:
        if location.url is None:  # pragma: no cover - open_store routes by the location
            raise ValueError("not a database ledger")
        self.location = location
        self.lock_timeout = lock_timeout
        self.connect_timeout = connect_timeout
        self._connection: Any = None

    # ------------------------------------------------------------------ naming and errors

    @property
    def path(self) -> Path:
        return self.location.path

    @property
    def shown(self) -> str:
        return self.location.shown

    @property
    def plan_id(self) -> str:
        if not self.location.plan_id:
            raise InputError(
                _(
                    "{ledger}: a PostgreSQL ledger keeps each plan's records apart by the "
                    "plan's id; give the plan (--plan) whose records to use"
                ).format(ledger=self.shown)
            )
        return self.location.plan_id

    def _scrub(self, text: str) -> str:
        """`text` with every password of the connection string (and PGPASSWORD) masked."""
        url = self.location.url or ""
        text = text.replace(url, self.shown) if url else text
        secrets = passwords_in(url)
        env_password = os.environ.get("PGPASSWORD")
        if env_password:
            secrets.append(env_password)
        for secret in sorted(secrets, key=len, reverse=True):
            if len(secret) >= 3:  # a shorter one would mask letters of ordinary words
                text = text.replace(secret, MASK)
        return text

    def _error(self, exc: BaseException, stage: str = "read") -> Exception:
        """The PlanError for a psycopg error: one line, no password, the documented exit."""
        psycopg = _psycopg()
        errors = psycopg.errors
        message = self._scrub(_one_line(str(exc)))
        connection = self._connection
        lost = connection is not None and (connection.closed or connection.broken)
        if isinstance(exc, errors.LockNotAvailable):
            return LedgerBusyError(
                _(
                    "{ledger}: other plancli processes held the plan's ledger for {seconds} s; "
                    "nothing was written: run the command again"
                ).format(ledger=self.shown, seconds=f"{self.lock_timeout:g}")
            )
        if isinstance(exc, errors.InsufficientPrivilege):
            return DepartmentRefusedError(
                _(
                    "{ledger}: the database refused it: {message}; nothing was written (the "
                    "ledger's owner grants a role with plancli ledger grant DEPARTMENT ROLE)"
                ).format(ledger=self.shown, message=message)
            )
        if isinstance(exc, psycopg.OperationalError) or lost:
            if stage == "commit":
                return LedgerUnavailableError(
                    _(
                        "lost the connection to {ledger} while committing ({message}): the "
                        "batch may or may not have been written; `plancli history` shows which "
                        "(importing the same file again records only what is missing)"
                    ).format(ledger=self.shown, message=message)
                )
            if stage == "write":
                return LedgerUnavailableError(
                    _(
                        "lost the connection to {ledger} ({message}); nothing of this batch "
                        "was written: run the command again when the server is back"
                    ).format(ledger=self.shown, message=message)
                )
            return LedgerUnavailableError(
                _("lost the connection to {ledger}: {message}").format(
                    ledger=self.shown, message=message
                )
            )
        return LedgerFileError(_("{ledger}: {message}").format(ledger=self.shown, message=message))

    # -------------------------------------------------------------------------- connection

    def _connect(self) -> Any:
        """The store's connection (autocommit: transactions are explicit), opened on first use.

        A server that refuses for lack of connection slots (`too many clients`) is asked again
        until the lock timeout: a queue of writers waits for a slot as it waits for the lock.
        """
        if self._connection is not None and not self._connection.closed:
            return self._connection
        psycopg = _psycopg()
        url = self.location.url or ""
        try:
            params = psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise InputError(
                _("--ledger {ledger}: not a connection string libpq reads: {message}").format(
                    ledger=self.shown, message=self._scrub(_one_line(str(exc)))
                )
            ) from None
        options = [params.get("options") or os.environ.get("PGOPTIONS") or ""]
        options += ["-c TimeZone=UTC", f"-c lock_timeout={int(self.lock_timeout * 1000)}"]
        extra: dict[str, Any] = {"options": " ".join(o for o in options if o)}
        if "connect_timeout" not in params and not os.environ.get("PGCONNECT_TIMEOUT"):
            extra["connect_timeout"] = self.connect_timeout
        if "application_name" not in params and not os.environ.get("PGAPPNAME"):
            extra["application_name"] = "plancli"
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        while True:
            try:
                connection = psycopg.connect(url, autocommit=True, **extra)
                break
            except psycopg.OperationalError as exc:
                text = str(exc)
                full = "too many clients" in text or "remaining connection slots" in text
                if full and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                raise LedgerUnavailableError(
                    _("cannot connect to the ledger {ledger}: {message}").format(
                        ledger=self.shown, message=self._scrub(_one_line(text))
                    )
                ) from None
            except psycopg.Error as exc:
                raise InputError(
                    _("--ledger {ledger}: {message}").format(
                        ledger=self.shown, message=self._scrub(_one_line(str(exc)))
                    )
                ) from None
        self._connection = connection
        weakref.finalize(self, connection.close)
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _probe(self, connection: Any) -> _Probe:
        row = connection.execute(
            "SELECT pg_catalog.has_schema_privilege(n.oid, 'USAGE') "
            "FROM pg_catalog.pg_namespace n WHERE n.nspname = %s",
            (SCHEMA,),
        ).fetchone()
        if row is None:
            return _Probe(0, True, False, None)
        if not row[0]:
            return _Probe(-1, False, True, None)
        version, restricted, digest = connection.execute(
            "SELECT (SELECT max(version) FROM plancli.schema_version), "
            "pg_catalog.row_security_active('plancli.records'), "
            "(SELECT digest FROM plancli.plan_owners WHERE plan_id = %s)",
            (self.location.plan_id or "",),
        ).fetchone()
        return _Probe(int(version or 0), True, bool(restricted), digest)

    def _readable(self, probe: _Probe) -> bool:
        """True when there is a ledger to read; False for a database without one (it reads as
        an empty ledger, as a missing file does)."""
        if not probe.usable:
            raise DepartmentRefusedError(
                _(
                    "{ledger}: role {role} may not read the ledger (no USAGE on schema "
                    "plancli); its owner grants it: plancli ledger grant DEPARTMENT ROLE"
                ).format(ledger=self.shown, role=self._user())
            )
        if probe.version > SCHEMA_VERSION:
            raise LedgerFileError(
                _(
                    "{ledger}: ledger schema version {version}; this plancli knows up to "
                    "{known}: upgrade plancli"
                ).format(ledger=self.shown, version=probe.version, known=SCHEMA_VERSION)
            )
        return probe.version > 0

    def _user(self) -> str:
        connection = self._connection
        try:
            return str(connection.info.user) if connection is not None else "?"
        except Exception:  # pragma: no cover - a closed connection
            return "?"

    # ----------------------------------------------------------------------------- reading

    @contextmanager
    def _snapshot(self) -> Iterator[Any]:
        """A read-only, repeatable-read transaction on the ledger. A database without one is
        an error: a database ledger is always named explicitly, and a mistyped name must not
        read as an empty ledger (issue 12)."""
        with self._snapshot_if_any() as connection:
            if connection is None:
                raise InputError(
                    _(
                        "{ledger} holds no plancli ledger; `plancli ledger init {ledger}` "
                        "creates it (or a first record or import)"
                    ).format(ledger=self.shown)
                )
            yield connection

    @contextmanager
    def _snapshot_if_any(self) -> Iterator[Any | None]:
        """`_snapshot`, or None when the database holds no ledger."""
        psycopg = _psycopg()
        connection = self._connect()
        try:
            connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                probe = self._probe(connection)
                yield connection if self._readable(probe) else None
            finally:
                if not connection.closed:
                    connection.execute("COMMIT")
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def read(self) -> list[Record]:
        with self._snapshot() as connection:
            rows = connection.execute(
                f"{_SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        return self._records(rows)

    def contents(self) -> LedgerContents:
        with self._snapshot() as connection:
            rows = connection.execute(
                f"{_SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
            amendment_rows = connection.execute(
                f"{_SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        return LedgerContents(self._records(rows), self._amendments(amendment_rows))

    def amendments(self) -> list[Amendment]:
        with self._snapshot() as connection:
            rows = connection.execute(
                f"{_SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        return [placed.amendment for placed in self._amendments(rows)]

    def figures(self) -> list[Figure]:
        """The figure in force per target and period (the last recorded), in the order they
        were recorded: DISTINCT ON in the database."""
        with self._snapshot() as connection:
            return self._select_figures(connection, None)

    def figures_for(self, query: FigureQuery) -> list[Figure]:
        """What `gap` at `query` judges, selected in the database (`_FIGURES_FOR`)."""
        with self._snapshot() as connection:
            return self._select_figures(connection, query)

    def _select_figures(self, connection: Any, query: FigureQuery | None) -> list[Figure]:
        # The selection sorts ~a row per target: in memory, and without JIT compilation
        # (50 ms of LLVM for a query that does not gain from it).
        connection.execute("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off")
        if query is None:
            rows = connection.execute(_FIGURES, {"plan": self.plan_id}).fetchall()
        else:
            parameters = {
                "plan": self.plan_id,
                "year": query.year,
                "month": query.end_month,
                "series": sorted(query.series),
            }
            rows = connection.execute(_FIGURES_FOR, parameters).fetchall()
        return self._figures(rows)

    def _figures(self, rows: Sequence[tuple[Any, ...]]) -> list[Figure]:
        figures = []
        last_seq = None
        for seq, target, period, value, amount in rows:
            if seq == last_seq:
                continue  # a series target's latest figure comes twice (UNION ALL)
            last_seq = seq
            problem = figure_problem(value) or (amount is not None and figure_problem(amount))
            if problem:
                raise self._row_error("record", seq, target, period, "value", str(problem))
            figures.append(Figure(target, period, value, amount))
        self._check_periods(rows, "record", 2)
        return figures

    def _check_periods(self, rows: Sequence[tuple[Any, ...]], what: str, column: int) -> None:
        """Refuse a period not written as plancli writes it (the domain `period` lets 2022-6
        through as little as a hand-edited file does)."""
        from plancli.stores.plain_rows import canonical_period

        periods = {row[column] for row in rows}
        if all(type(p) is str and canonical_period(p) for p in periods):
            return
        bad_periods = period_problems(periods)
        row = next(row for row in rows if row[column] in bad_periods)
        seq, target, period = row[0], row[column - 1], row[column]
        raise self._row_error(what, seq, target, period, "period", bad_periods[period])

    def read_plain(
        self, query: FigureQuery | None, *, whole: bool = False
    ) -> tuple[list[Figure], list[plain.Record], list[plain.Amendment]]:
        """What read commands read, as plain data and in one snapshot, without the models
        (`ledger_read`): the figures in force (all, or those `gap` judges at `query`), with
        `whole` every record too (`history`, `show`), and the amendments. A row the quick
        checks cannot vouch for is read by the models, which say what is wrong with it."""
        with self._snapshot() as connection:
            records: list[plain.Record] = []
            figures: list[Figure] = []
            if whole:
                rows = connection.execute(
                    f"{_SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
                ).fetchall()
                records = self._plain_records(rows)
            else:
                figures = self._select_figures(connection, query)
            amendment_rows = connection.execute(
                f"{_SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        return figures, records, self._plain_amendments(amendment_rows)

    def _plain_records(self, rows: Sequence[tuple[Any, ...]]) -> list[plain.Record]:
        from plancli.stores.plain_rows import quick_record

        records = []
        for row in rows:
            record = quick_record(
                {k: v for k, v in zip(_RECORD_COLUMNS, row[1:], strict=True) if v is not None}
            )
            if record is None:  # the models say what is wrong (or read it as they read it)
                return [plain.plain_record(r) for r in self._records(rows)]
            records.append(record)
        self._check_periods(rows, "record", 2)
        return records

    def _plain_amendments(self, rows: Sequence[tuple[Any, ...]]) -> list[plain.Amendment]:
        from plancli.stores.plain_rows import quick_amendment

        amendments = []
        for row in rows:
            amendment = quick_amendment(
                {k: v for k, v in zip(_AMENDMENT_COLUMNS, row[2:], strict=True) if v is not None}
            )
            if amendment is None:
                return [plain.plain_amendment(p.amendment) for p in self._amendments(rows)]
            amendments.append(amendment)
        self._check_periods(rows, "amendment", 3)
        return amendments

    def _records(self, rows: Sequence[tuple[Any, ...]]) -> list[Record]:
        from plancli.stores.rows import records_adapter, validated_rows

        raw = [dict(zip(_RECORD_COLUMNS, row[1:], strict=True)) for row in rows]
        records, problem = validated_rows(records_adapter(), raw)
        if problem is not None:
            index, field_name, message = problem
            seq, target, period = rows[index][:3]
            raise self._row_error("record", seq, target, period, field_name, message)
        return records

    def _amendments(self, rows: Sequence[tuple[Any, ...]]) -> list[PlacedAmendment]:
        from plancli.stores.rows import amendments_adapter, validated_rows

        raw = [dict(zip(_AMENDMENT_COLUMNS, row[2:], strict=True)) for row in rows]
        amendments, problem = validated_rows(amendments_adapter(), raw)
        if problem is not None:
            index, field_name, message = problem
            seq, _, target, period = rows[index][:4]
            raise self._row_error("amendment", seq, target, period, field_name, message)
        return [PlacedAmendment(a, int(row[1])) for a, row in zip(amendments, rows, strict=True)]

    def _row_error(
        self, what: str, seq: object, target: object, period: object, field: str, message: str
    ) -> LedgerFileError:
        label = (
            _("record seq {seq} ({target} {period})")
            if what == "record"
            else _("amendment seq {seq} ({target} {period})")
        )
        return LedgerFileError(
            _("{ledger}: {label}: {field}: {message}").format(
                ledger=self.shown,
                label=label.format(seq=seq, target=target, period=period),
                field=field,
                message=message,
            )
        )

    # ----------------------------------------------------------------------------- writing

    def check_writable(self) -> Path:
        return self.location.path  # the database decides, in the transaction

    def advice(self) -> str | None:
        return None

    @contextmanager
    def transaction(self) -> Iterator[_PostgresSession]:
        """One transaction: the schema made current, the plan's writers' lock taken, the plan's
        owners pushed; yield; COMMIT. Any error rolls everything back."""
        psycopg = _psycopg()
        plan_id = self.plan_id
        connection = self._connect()
        stage: Literal["write", "commit"] = "write"
        try:
            connection.execute("BEGIN")
            try:
                probe = self._ready_to_write(connection)
                connection.execute(
                    "SELECT pg_catalog.pg_advisory_xact_lock("
                    "pg_catalog.hashtextextended('plancli:' || %s, 0))",
                    (plan_id,),
                )
                self._push_owners(connection, probe)
                yield _PostgresSession(self, connection, plan_id, probe.restricted)
            except BaseException:
                if not connection.closed:
                    connection.execute("ROLLBACK")
                raise
            stage = "commit"
            connection.execute("COMMIT")
        except psycopg.Error as exc:
            if not connection.closed and connection.info.transaction_status != 0:
                with suppress(psycopg.Error):
                    connection.execute("ROLLBACK")
            raise self._error(exc, stage) from None

    def _ready_to_write(self, connection: Any) -> _Probe:
        """The probe of a ledger at the current schema version, creating or migrating it first
        (in this transaction) when this role may."""
        probe = self._probe(connection)
        if probe.usable and probe.version == SCHEMA_VERSION:
            return probe
        self._readable(probe)  # refuses a role without USAGE and a newer schema
        return self._migrate(connection)

    def _migrate(self, connection: Any) -> _Probe:
        psycopg = _psycopg()
        connection.execute("SELECT pg_catalog.pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        probe = self._probe(connection)  # another process may have migrated meanwhile
        self._readable(probe)
        try:
            for version, sql in MIGRATIONS:
                if version > probe.version:
                    connection.execute(sql)
                    connection.execute(
                        "INSERT INTO plancli.schema_version (version) VALUES (%s)", (version,)
                    )
        except psycopg.errors.InsufficientPrivilege:
            what = (
                _(
                    "{ledger} holds no plancli ledger, and role {role} may not create it; the "
                    "database's owner runs: plancli ledger init {ledger}"
                )
                if probe.version == 0
                else _(
                    "{ledger} holds an older ledger schema, and role {role} may not migrate it; "
                    "the ledger's owner runs: plancli ledger init {ledger}"
                )
            )
            raise DepartmentRefusedError(
                what.format(ledger=self.shown, role=self._user())
            ) from None
        return self._probe(connection)

    def _push_owners(self, connection: Any, probe: _Probe) -> bool:
        """Make target_owner hold the plan's owners, if they changed and this role may."""
        owners = self.location.owners
        if owners is None or probe.restricted:
            return False  # a department's role never pushes: the database's owners stand
        digest = owners_digest(owners)
        if probe.owners_digest == digest:
            return False
        may = connection.execute(
            "SELECT pg_catalog.has_table_privilege('plancli.target_owner', 'INSERT') "
            "AND pg_catalog.has_table_privilege('plancli.target_owner', 'DELETE') "
            "AND pg_catalog.has_table_privilege('plancli.plan_owners', 'INSERT') "
            "AND pg_catalog.has_table_privilege('plancli.plan_owners', 'UPDATE')"
        ).fetchone()[0]
        if not may:
            return False  # a department's copy of the plan: the database's owners stand
        plan_id = self.plan_id
        connection.execute("DELETE FROM plancli.target_owner WHERE plan_id = %s", (plan_id,))
        if owners:
            connection.execute(
                "INSERT INTO plancli.target_owner (plan_id, target, department) "
                "SELECT %s, t, d FROM unnest(%s::text[], %s::text[]) AS o(t, d)",
                (plan_id, [t for t, _ in owners], [d for _, d in owners]),
            )
        connection.execute(
            "INSERT INTO plancli.plan_owners (plan_id, digest) VALUES (%s, %s) "
            "ON CONFLICT (plan_id) DO UPDATE SET digest = excluded.digest, pushed_at = now(), "
            "pushed_by = current_user",
            (plan_id, digest),
        )
        return True

    # ------------------------------------------------------------------ ledger init, grant

    def init(self) -> InitResult:
        """`plancli ledger init`: create or migrate the schema, push the plan's owners."""
        psycopg = _psycopg()
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            try:
                before = self._probe(connection)
                self._readable(before)
                probe = self._migrate(connection) if before.version < SCHEMA_VERSION else before
                pushed = self._push_owners(connection, probe)
            except BaseException:
                if not connection.closed:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except psycopg.Error as exc:
            raise self._error(exc, "write") from None
        owners = len(self.location.owners or ())
        return InitResult(before.version, SCHEMA_VERSION, pushed, owners)

    def grant(self, department: str, role: str, *, revoke: bool = False) -> None:
        """Map `role` to `department` (its members record that department's targets), with the
        privileges to read the ledger and write records; or take the mapping away."""
        psycopg = _psycopg()
        sql = psycopg.sql
        department, role = department.strip(), role.strip()
        if not department or not role:
            raise InputError(_("give a department (e.g. 工信局) and a database role"))
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            try:
                probe = self._probe(connection)
                if not self._readable(probe):
                    raise InputError(
                        _(
                            "{ledger} holds no plancli ledger yet: plancli ledger init {ledger} "
                            "first"
                        ).format(ledger=self.shown)
                    )
                exists = connection.execute(
                    "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (role,)
                ).fetchone()
                if exists is None:
                    raise InputError(
                        _(
                            "no role {role!r} in the database; create it first, e.g. CREATE "
                            'ROLE "{name}" LOGIN (or a group role its users are members of)'
                        ).format(role=role, name=role)
                    )
                who = sql.Identifier(role)
                if revoke:
                    connection.execute(
                        "DELETE FROM plancli.department_role WHERE department = %s AND role = %s",
                        (department, role),
                    )
                else:
                    for statement in (
                        "GRANT USAGE ON SCHEMA plancli TO {}",
                        "GRANT SELECT ON ALL TABLES IN SCHEMA plancli TO {}",
                        "GRANT INSERT, DELETE ON plancli.records, plancli.amendments TO {}",
                    ):
                        connection.execute(sql.SQL(statement).format(who))
                    connection.execute(
                        "INSERT INTO plancli.department_role (department, role) "
                        "VALUES (%s, %s) ON CONFLICT DO NOTHING",
                        (department, role),
                    )
            except BaseException:
                if not connection.closed:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except psycopg.Error as exc:
            raise self._error(exc, "write") from None

    def holds_anything(self) -> bool:
        """Does the database hold records or amendments of the plan (a ledger to overwrite)?"""
        with self._snapshot_if_any() as connection:
            if connection is None:
                return False
            row = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM plancli.records WHERE plan_id = %s) "
                "OR EXISTS (SELECT 1 FROM plancli.amendments WHERE plan_id = %s)",
                (self.plan_id, self.plan_id),
            ).fetchone()
        return bool(row[0])

    def grants(self) -> list[Grant]:
        """Every department and the roles that record for it."""
        with self._snapshot() as connection:
            rows = connection.execute(
                "SELECT department, role FROM plancli.department_role ORDER BY department, role"
            ).fetchall()
        return [Grant(department, role) for department, role in rows]

    def owners(self) -> dict[str, str]:
        """The plan's owners as the database holds them (target → department)."""
        with self._snapshot() as connection:
            rows = connection.execute(
                "SELECT target, department FROM plancli.target_owner WHERE plan_id = %s",
                (self.plan_id,),
            ).fetchall()
        return dict(rows)


def _no_nul(texts: Iterable[tuple[str, str, str]]) -> None:
    """PostgreSQL's text cannot hold the NUL character (a TOML ledger can): refuse the batch,
    naming the figure, rather than fail on the server."""
    for target, period, text in texts:
        if "\x00" in text or "\x00" in target:
            raise InputError(
                _(
                    "{target} {period}: its note, source or batch holds a NUL character "
                    "(\\x00), which PostgreSQL cannot store; remove it"
                ).format(target=target, period=period)
            )


# Arrays are sent as PostgreSQL array literals built here: psycopg adapts a list element by
# element in Python, which took half of an import's time (3.4 s of 6.9 s for 100,000 rows).
def _texts(values: Sequence[str | None]) -> str:
    """`{"a","b",NULL}`: every element quoted, `\\` and `"` escaped."""
    if None not in values:
        joined = '","'.join(values)  # type: ignore[arg-type]
        if "\\" not in joined and '"' not in joined:  # the usual case, checked in C
            return '{"' + joined + '"}' if values else "{}"
    return "{" + ",".join(_quoted(v) for v in values) + "}"


def _quoted(value: str | None) -> str:
    if value is None:
        return "NULL"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _numbers(values: Sequence[Decimal | None]) -> str:
    """`{5.0,700.50,NULL}`: a Decimal's text is a numeric literal as it stands (plain notation:
    figures are normalised out of exponents before they are recorded; `1E+2` is read alike)."""
    return "{" + ",".join("NULL" if v is None else str(v) for v in values) + "}"


def owners_digest(owners: Iterable[tuple[str, str]]) -> str:
    """A fingerprint of a plan's owners, in plan order (a plan reordered is pushed once more,
    which changes nothing): compared with the database's before pushing, on every write."""
    text = "\n".join(f"{target}\t{department}" for target, department in owners)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class _PostgresSession:
    store: PostgresLedgerStore
    connection: Any
    plan_id: str
    restricted: bool  # row-level security binds this role: check writes first, to say why

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is None:
            rows = self.connection.execute(
                f"{_SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        else:
            rows = self.connection.execute(
                f"{_SELECT_RECORDS} WHERE plan_id = %s AND target = ANY(%s) ORDER BY seq",
                (self.plan_id, list(targets)),
            ).fetchall()
        return self.store._records(rows)

    def records_in_force(self) -> list[plain.Record]:
        """The latest revision of each target and period, in the order they were recorded
        (what an import checks its rows against): selected in the database, read as plain
        records, so an import into a ledger of a million records holds the figures in force,
        not a model of every record. The models read them only when the quick checks cannot
        vouch for a row, and say what is wrong with it."""
        rows = self.connection.execute(_RECORDS_IN_FORCE, {"plan": self.plan_id}).fetchall()
        return self.store._plain_records(rows)

    def append(self, batch: Sequence[Record | PlainRecord]) -> None:
        if not batch:
            return
        self._check_allowed([record.target for record in batch])
        self._insert_records(batch, keep_writer=False)

    def _insert_records(self, batch: Sequence[Record | PlainRecord], *, keep_writer: bool) -> None:
        """Insert in ledger order (seq follows the array order). `keep_writer`: copy each
        record's `recorded_by` (convert); otherwise the database sets it (current_user)."""
        columns = _RECORD_COLUMNS if keep_writer else _RECORD_COLUMNS[:-1]
        names = ", ".join(columns)
        arrays = ", ".join(f"%s::{kind}[]" for kind in _RECORD_TYPES[: len(columns)])
        sql = (
            f"INSERT INTO plancli.records (plan_id, {names}) "
            f"SELECT %s, {', '.join('r.' + c for c in columns)} "
            f"FROM unnest({arrays}) WITH ORDINALITY AS r({names}, n) ORDER BY r.n"
        )
        _no_nul((r.target, r.period, f"{r.note or ''}{r.source or ''}{r.batch}") for r in batch)
        for start in range(0, len(batch), _CHUNK):
            chunk = batch[start : start + _CHUNK]
            values = [
                _texts([r.target for r in chunk]),
                _texts([r.period for r in chunk]),
                _numbers([r.value for r in chunk]),
                _numbers([r.amount for r in chunk]),
                _texts([r.note for r in chunk]),
                _texts([r.source for r in chunk]),
                _texts([r.recorded_at.isoformat() for r in chunk]),
                _texts([r.batch for r in chunk]),
            ]
            if keep_writer:
                values.append(_texts([r.recorded_by for r in chunk]))
            self.connection.execute(sql, (self.plan_id, *values))

    def _check_allowed(self, targets: Sequence[str]) -> None:
        """Refuse, naming the target and its owner, a batch with a target this role's
        departments do not own. The policies would refuse the insert anyway, without saying
        which row."""
        if not self.restricted:
            return
        ordered = list(dict.fromkeys(targets))
        row = self.connection.execute(
            _REFUSED, {"targets": ordered, "plan": self.plan_id}
        ).fetchone()
        if row is None:
            return
        target, owner, count, departments = row
        user = self.store._user()
        more = (
            ngettext(" (and {n} more target)", " (and {n} more targets)", count - 1).format(
                n=count - 1
            )
            if count > 1
            else ""
        )
        if departments:
            mine = _("{user} records for {departments}").format(user=user, departments=departments)
        else:
            mine = _(
                "{user} records for no department (plancli ledger grant DEPARTMENT {user})"
            ).format(user=user)
        if owner is None:
            whose = _("{target} has no owner (牵头单位) in plan {plan}").format(
                target=target, plan=self.plan_id
            )
        else:
            whose = _("{target} is owned by {owner} (牵头单位)").format(target=target, owner=owner)
        raise DepartmentRefusedError(
            _("refused: {whose}{more}; {mine}; nothing of this batch was written").format(
                whose=whose, more=more, mine=mine
            )
        )

    def amendments(self) -> list[PlacedAmendment]:
        rows = self.connection.execute(
            f"{_SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
        ).fetchall()
        return self.store._amendments(rows)

    def append_amendment(self, amendment: Amendment) -> None:
        self._check_allowed([amendment.target])
        count = self.connection.execute(
            "SELECT count(*) FROM plancli.records WHERE plan_id = %s", (self.plan_id,)
        ).fetchone()[0]
        self._insert_amendments([PlacedAmendment(amendment, int(count))], keep_writer=False)

    def _insert_amendments(self, placed: Sequence[PlacedAmendment], *, keep_writer: bool) -> None:
        columns = _AMENDMENT_COLUMNS if keep_writer else _AMENDMENT_COLUMNS[:-1]
        marks = ", ".join(["%s"] * (len(columns) + 2))
        rows = []
        for p in placed:
            a = p.amendment
            row: list[Any] = [self.plan_id, p.after, a.target, a.period, a.min, a.max]
            row += [a.around, a.tolerance, a.stretch, a.note, a.recorded_at, a.batch]
            if keep_writer:
                row.append(a.recorded_by)
            rows.append(row)
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO plancli.amendments (plan_id, after_records, {', '.join(columns)}) "
                f"VALUES ({marks})",
                rows,
            )

    def replace(
        self, records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
    ) -> None:
        """Make these the plan's whole ledger (`ledger convert`), each row's writer kept."""
        self._check_allowed([r.target for r in records] + [p.amendment.target for p in amendments])
        for table in ("records", "amendments"):
            self.connection.execute(
                f"DELETE FROM plancli.{table} WHERE plan_id = %s", (self.plan_id,)
            )
        self._insert_records(records, keep_writer=True)
        if amendments:
            self._insert_amendments(amendments, keep_writer=True)

    def remove_batch(self, batch_id: str) -> list[Record]:
        rows = self.connection.execute(
            f"{_SELECT_RECORDS} WHERE plan_id = %s AND batch = %s ORDER BY seq",
            (self.plan_id, batch_id),
        ).fetchall()
        targets = [row[1] for row in rows]
        targets += [
            row[0]
            for row in self.connection.execute(
                "SELECT target FROM plancli.amendments WHERE plan_id = %s AND batch = %s",
                (self.plan_id, batch_id),
            ).fetchall()
        ]
        self._check_allowed(targets)
        for table in ("records", "amendments"):
            self.connection.execute(
                f"DELETE FROM plancli.{table} WHERE plan_id = %s AND batch = %s",
                (self.plan_id, batch_id),
            )
        return self.store._records(rows)
