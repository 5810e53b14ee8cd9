"""The PostgreSQL ledger's schema: tables, policies, versions and migrations (`ledger init` and
`grant` are `admin`'s; issue 13).

Everything is in the schema `plancli`. Table `schema_version` lists the migrations applied;
`MIGRATIONS` are applied in order by `plancli ledger init` (or by the first write into a
database without the schema, as SQLite creates its file). A database whose schema is newer than
this plancli is refused, never written. Figures are `numeric` (the domain `figure` refuses what
`Record.figure_problem` refuses), times `timestamptz`. A plan's targets may name an `owner`
(牵头单位): the plan's owners are pushed to table `target_owner` by `ledger init` and by each
write of the ledger's owner; `ledger grant DEPARTMENT ROLE` maps a database role (or a group
role whose members log in) to a department of one plan; row-level security policies let a role
insert only rows of targets its department owns in the row's plan, stamped by the server (its
role, the time, the ledger order), and delete or update none: a department's undo is
`plancli.undo_batch`'s (schema_v2.sql); a batch is one writer's (`plancli.batches`,
schema_v3.sql). The ledger's owner and superusers are not bound by the policies (PostgreSQL's
rule for a table's owner).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from plancli.errors import InputError, LedgerFileError
from plancli.i18n import _, tight
from plancli.safe import clip_path
from plancli.stores.base import AMENDMENT_FIELDS, RECORD_FIELDS
from plancli.stores.postgres.connection import (
    INSUFFICIENT_PRIVILEGE,
    DepartmentRefusedError,
    PostgresConnection,
)
from plancli.stores.postgres.libpq import LibpqConnection, LibpqError, is_operational
from plancli.texts import shell_word

SCHEMA = "plancli"
SCHEMA_VERSION = 3
# Key of the advisory lock taken while creating or migrating the schema; writers of a plan lock
# hashtextextended('plancli:' || plan id).
_MIGRATION_LOCK = 0x706C6E31  # "pln1", as the SQLite ledger's application_id

# Ordered migrations: (version, SQL). A database at version N gets every later one, in one
# transaction, and a row in plancli.schema_version for each: schema_v1.sql, then schema_v2.sql
# (grants per plan; a department's rows stamped by the server, and its undo through
# plancli.undo_batch), then schema_v3.sql (each batch's writer kept in plancli.batches, checked
# once a statement: a department's import was quadratic in its batch's size).
MIGRATIONS: tuple[tuple[int, str], ...] = tuple(
    (version, Path(__file__).with_name(f"schema_v{version}.sql").read_text(encoding="utf-8"))
    for version in (1, 2, 3)
)

RECORD_COLUMNS = (*RECORD_FIELDS, "recorded_by")
RECORD_TYPES = (
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
AMENDMENT_COLUMNS = (*AMENDMENT_FIELDS, "recorded_by")
SELECT_RECORDS = f"SELECT seq, {', '.join(RECORD_COLUMNS)} FROM plancli.records"
SELECT_AMENDMENTS = (
    f"SELECT seq, after_records, {', '.join(AMENDMENT_COLUMNS)} FROM plancli.amendments"
)
# The kinds of the columns those select, for libpq's bulk reads (`LibpqConnection.bulk`).
RECORD_ROW = (("seq", "int"), *zip(RECORD_COLUMNS, RECORD_TYPES, strict=True))
AMENDMENT_ROW = (
    ("seq", "int"),
    ("after_records", "int"),
    *zip(
        AMENDMENT_COLUMNS,
        ("text", "text", *["numeric"] * 5, "text", "timestamptz", "text", "text"),
        strict=True,
    ),
)
FIGURE_ROW = (
    ("seq", "int"),
    ("target", "text"),
    ("period", "text"),
    ("value", "numeric"),
    ("amount", "numeric"),
)


_READ_ONLY = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


# NamedTuples, not dataclasses: every database command imports this module, and a frozen
# dataclass is built (by generated code) at import, about a millisecond each.
class OwnerChange(NamedTuple):
    """A target whose owner (牵头单位) the database and the plan name differently (None: none)."""

    target: str
    held: str | None  # the database's
    planned: str | None  # the plan's


class InitResult(NamedTuple):
    """What `plancli ledger init` did."""

    before: int  # the schema version found (0: none)
    after: int
    owners_pushed: bool  # this role may set the owners (the ledger's owner), and did
    owners: int  # targets with an owner in the plan
    # Every target whose owner in the database differs from the plan's (before init, for the
    # ledger's owner: what it changed).
    changes: tuple[OwnerChange, ...] = ()
    ledger_owner: str = ""  # the role owning the schema plancli (the ledger's owner)
    owner_is_superuser: bool = False
    database_owner: str = ""
    # Migrated from version 1: its database-wide grants, kept for each plan naming the
    # department (schema_v2.sql): how many grants there are now, for how many plans.
    spread_grants: tuple[int, int] = (0, 0)


class Grant(NamedTuple):
    department: str
    role: str
    # whether the role still exists, and may read the ledger (USAGE on schema plancli): a role
    # the administrator dropped, or dropped and made again, records for nobody (audit V D2)
    exists: bool = True
    usable: bool = True


class Probe(NamedTuple):
    """What a connection finds of the ledger: its schema version (0: none), whether this role
    may use it, and whether row-level security binds this role."""

    version: int
    usable: bool
    restricted: bool
    owners_digest: str | None
    schema_owner: str = ""  # a role without USAGE: who owns the ledger (to grant it)
    # No ledger yet: whether this role may create it, and the database's owner (who may).
    may_create: bool = True
    database_owner: str = ""
    # The role acting (current_user, the one SET ROLE chose) and the one that logged in
    # (session_user); "" when not asked (`_probe_found` alone).
    role: str = ""
    login: str = ""
    # A role without USAGE: whether the ledger's records table holds any (the size of its
    # file, in the catalog anyone reads): a restored ledger, not one to drop (audit V D3).
    holds_records: bool = False
    # … and whether it looks restored with `pg_restore --no-owner` for this role to own: owned
    # by a superuser (the restore's) and this role may create in the database (a department's
    # member who lacks a grant may not: it is told to ask for one, not to take the ledger over).
    restored: bool = False


def owners_digest(owners: Iterable[tuple[str, str]]) -> str:
    """A fingerprint of a plan's owners, in plan order (a plan reordered is pushed once more,
    which changes nothing): compared with the database's before pushing, on every write."""
    text = "\n".join(f"{target}\t{department}" for target, department in owners)
    return hashlib.sha256(text.encode()).hexdigest()


class PostgresSchema(PostgresConnection):
    """The ledger's schema as a connection finds it, made current, and administered."""

    def _probe(self, connection: Any, lock_plan: str | None = None) -> Probe:
        """What the connection finds of the ledger. With `lock_plan` (a plan id), a writer's:
        the plan's writers' lock is taken in the same statement, once the schema is found."""
        # The role acting (current_user: the one SET ROLE chose) and the one that logged in
        # (session_user), asked now: a refusal names them after its transaction has failed.
        found, usable, owner, role, login = connection.execute(
            "SELECT n.oid IS NOT NULL, pg_catalog.has_schema_privilege(n.oid, 'USAGE'), "
            "pg_catalog.pg_get_userbyid(n.nspowner), current_user::text, session_user::text "
            "FROM (SELECT 1) AS one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = %s",
            (SCHEMA,),
        ).fetchone()
        if not found:
            creator = connection.execute(
                "SELECT pg_catalog.has_database_privilege(d.oid, 'CREATE'), "
                "pg_catalog.pg_get_userbyid(d.datdba) FROM pg_catalog.pg_database d "
                "WHERE d.datname = pg_catalog.current_database()"
            ).fetchone()
            return Probe(
                0,
                True,
                False,
                None,
                may_create=bool(creator[0]),
                database_owner=creator[1],
                role=role,
                login=login,
            )
        if not usable:
            held = connection.execute(
                "SELECT pg_catalog.pg_relation_size(c.oid) > 0, (SELECT r.rolsuper FROM "
                "pg_catalog.pg_roles r WHERE r.oid = n.nspowner) AND "
                "pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE') "
                "FROM pg_catalog.pg_class c "
                "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relname = 'records'",
                (SCHEMA,),
            ).fetchone()
            return Probe(
                -1,
                False,
                True,
                None,
                str(owner),
                role=role,
                login=login,
                holds_records=bool(held and held[0]),
                restored=bool(held and held[0] and held[1]),
            )
        row = connection.execute(*self._probe_statement(lock_plan)).fetchone()
        return self._probe_found(row)._replace(role=role, login=login)

    def _probe_statement(self, lock_plan: str | None = None) -> tuple[str, dict[str, Any]]:
        """The probe of a ledger whose schema exists (`_probe`): its version, whether
        row-level security binds this role, the plan's owners' digest; with `lock_plan`, the
        plan's writers' lock taken."""
        lock = (
            ", pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended("
            "'plancli:' || %(lock)s, 0))"
            if lock_plan is not None
            else ""
        )
        sql = (
            "SELECT (SELECT max(version) FROM plancli.schema_version), "
            "pg_catalog.row_security_active('plancli.records'), "
            f"(SELECT digest FROM plancli.plan_owners WHERE plan_id = %(plan)s){lock}"
        )
        return sql, {"plan": self.location.plan_id or "", "lock": lock_plan}

    def _probe_found(self, row: Any) -> Probe:
        version, restricted, digest, *_ = row
        return Probe(int(version or 0), True, bool(restricted), digest)

    def _current(self, probe: Probe) -> bool:
        """A ledger this plancli writes as it stands (else `_ready_to_write` says what to do)."""
        return probe.usable and probe.version == SCHEMA_VERSION

    def _readable(self, probe: Probe) -> bool:
        """True when there is a ledger to read; False for a database without one (it reads as
        an empty ledger, as a missing file does)."""
        if not probe.usable:
            raise DepartmentRefusedError(
                tight(
                    _(
                        "{ledger}: role {role} may not read the ledger (no USAGE on schema "
                        "plancli); the ledger's owner, role {owner}, grants it: plancli ledger "
                        "grant DEPARTMENT ROLE"
                    ).format(
                        ledger=clip_path(self.shown),
                        role=self._acting(probe),
                        owner=probe.schema_owner,
                    )
                    + (
                        _(
                            "; if role {role} is to own the ledger (restored with pg_restore "
                            "--no-owner?), plancli ledger init says how"
                        ).format(role=self._acting(probe))
                        if probe.restored  # not to a department's member (audit V D3)
                        else ""
                    )
                )
            )
        if probe.version > SCHEMA_VERSION:
            raise LedgerFileError(
                _(
                    "{ledger}: ledger schema version {version}; this plancli knows up to "
                    "{known}: upgrade plancli"
                ).format(ledger=clip_path(self.shown), version=probe.version, known=SCHEMA_VERSION)
            )
        return probe.version > 0

    # --------------------------------------------------------------------- snapshots

    @contextmanager
    def _snapshot(self) -> Iterator[Any]:
        """A read-only, repeatable-read transaction on the ledger. A database without one is
        an error: a database ledger is always named explicitly, and a mistyped name must not
        read as an empty ledger (issue 12)."""
        with self._snapshot_probed() as (connection, probe):
            if probe.version == 0:
                if not probe.may_create:
                    raise DepartmentRefusedError(self._not_creatable(probe))
                raise InputError(
                    _(
                        "{ledger} holds no plancli ledger; `plancli --plan {plan} ledger init "
                        "{quoted}` creates it (or a first record or import)"
                    ).format(
                        ledger=clip_path(self.shown),
                        plan=self.location.plan_arg or "PLAN",
                        quoted=shell_word(self.shown),  # pasted whole: `&port=…` kept (V D1)
                    )
                )
            yield connection

    def _acting(self, probe: Probe) -> str:
        """The role a refusal names: the one acting (`probe.role`), with the one that logged in
        when SET ROLE chose another (a pooler's)."""
        return self._role_shown(probe.role, probe.login)

    def _not_creatable(self, probe: Probe) -> str:
        """A database without the ledger, to a role that may not create it (a department's):
        whom to ask, without handing it its own connection string for `ledger init`."""
        return tight(
            _(
                "{ledger} holds no plancli ledger, and role {role} may not create it: ask the "
                "database's owner, role {owner}, to run plancli ledger init"
            ).format(
                ledger=clip_path(self.shown), role=self._acting(probe), owner=probe.database_owner
            )
        )

    @contextmanager
    def _snapshot_if_any(self) -> Iterator[Any | None]:
        """`_snapshot`, or None when the database holds no ledger. On libpq's own connection
        where it loads (`libpq`): a read command imports no psycopg."""
        with self._snapshot_probed() as (connection, probe):
            yield connection if probe.version > 0 else None

    @contextmanager
    def _snapshot_probed(self) -> Iterator[tuple[Any, Probe]]:
        """The snapshot's connection and what its probe found (version 0: no ledger), a role
        without USAGE and a newer schema refused (`_readable`)."""
        connection = self._connect(light=True)
        try:
            probe = self._began_reading(connection)
            try:
                self._readable(probe)
                yield connection, probe
            finally:
                if not connection.closed:
                    connection.execute("COMMIT")
        except self.database_errors as exc:
            raise self._error(exc) from None

    def _began_reading(self, connection: Any) -> Probe:
        """BEGIN a read-only snapshot, and the probe. On libpq's connection both in one message
        when the ledger is there to read (else, as on psycopg's, one after the other, which
        tells a database without the schema from a role that may not read it)."""
        if isinstance(connection, LibpqConnection):
            try:
                begun = connection.execute_all([(_READ_ONLY, None), self._probe_statement()])
                return self._probe_found(begun[1].fetchone())
            except LibpqError as exc:
                if is_operational(exc.sqlstate) or exc.failed == 0:
                    raise
                connection.execute("ROLLBACK")
        connection.execute(_READ_ONLY)
        return self._probe(connection)

    def _ready_to_write(self, connection: Any, plan_id: str) -> Probe:
        """The probe of a ledger at the current schema version, creating or migrating it first
        (in this transaction) when this role may; the plan's writers' lock taken."""
        probe = self._probe(connection, lock_plan=plan_id)
        if self._current(probe):
            return probe
        self._readable(probe)  # refuses a role without USAGE and a newer schema
        migrated, found = self._migrate(connection, lock_plan=plan_id)
        if 0 < found < 2:
            # Version 1's grants now apply plan by plan, as `ledger init` would have said:
            # the write says it too (after its own lines; nothing if it fails, rolled back).
            from plancli.notices import notice
            from plancli.shared_ledger import spread_grants_warning

            warning = spread_grants_warning(*self._spread_grants(connection))
            if warning is not None:
                notice(warning)
        return migrated

    def _spread_grants(self, connection: Any) -> tuple[int, int]:
        """Just migrated from version 1: how many grants its database-wide ones became, in how
        many plans (schema_v2.sql keeps each for every plan naming its department)."""
        counted = connection.execute(
            "SELECT count(*), count(DISTINCT plan_id) FROM plancli.department_role"
        ).fetchone()
        return int(counted[0]), int(counted[1])

    def _migrate(self, connection: Any, lock_plan: str | None = None) -> tuple[Probe, int]:
        """The schema made current in this transaction; the probe after, and the version found
        under the migration's lock (another process may have migrated meanwhile)."""
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
        except self.database_errors as exc:
            if getattr(exc, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
                raise
            if probe.version == 0:
                raise DepartmentRefusedError(self._not_creatable(probe)) from None
            raise DepartmentRefusedError(
                tight(
                    _(
                        "{ledger} holds an older ledger schema, and role {role} may not migrate "
                        "it: ask the ledger's owner to run plancli ledger init"
                    ).format(ledger=clip_path(self.shown), role=self._acting(probe))
                )
            ) from None
        return self._probe(connection, lock_plan), probe.version

    def _push_owners(self, connection: Any, probe: Probe) -> None:
        """An ordinary write by the ledger's owner: add the plan's owners of targets the
        database has no owner for. It never removes or moves one: a plan file without owners
        (the bundled plan is `--plan`'s default) or an older copy would otherwise take every
        department's targets away unseen; `ledger init` does that, deliberately (`_set_owners`).
        The plan's owners' digest is kept, so the same plan is offered once."""
        listed = self.location.owners
        if listed is None or probe.restricted:
            return  # a department's role never pushes: the database's owners stand
        owners = listed()
        digest = owners_digest(owners)
        if probe.owners_digest == digest or not self._may_push(connection):
            return
        plan_id = self.plan_id
        if owners:
            connection.execute(
                "INSERT INTO plancli.target_owner (plan_id, target, department) "
                "SELECT %s, t, d FROM unnest(%s::text[], %s::text[]) AS o(t, d) "
                "ON CONFLICT (plan_id, target) DO NOTHING",
                (plan_id, [t for t, _ in owners], [d for _, d in owners]),
            )
        differ = connection.execute(
            "SELECT count(*) FROM (SELECT target, department FROM plancli.target_owner "
            "WHERE plan_id = %s) AS h FULL JOIN unnest(%s::text[], %s::text[]) AS o(t, d) "
            "ON h.target = o.t WHERE h.department IS DISTINCT FROM o.d",
            (plan_id, [t for t, _ in owners], [d for _, d in owners]),
        ).fetchone()[0]
        if differ:
            from plancli.shared_ledger import owners_differ_warning

            owners_differ_warning(plan_id, differ)
        self._keep_digest(connection, digest)

    def _may_push(self, connection: Any) -> bool:
        return bool(
            connection.execute(
                "SELECT pg_catalog.has_table_privilege('plancli.target_owner', 'INSERT') "
                "AND pg_catalog.has_table_privilege('plancli.target_owner', 'DELETE') "
                "AND pg_catalog.has_table_privilege('plancli.plan_owners', 'INSERT') "
                "AND pg_catalog.has_table_privilege('plancli.plan_owners', 'UPDATE')"
            ).fetchone()[0]
        )

    def _keep_digest(self, connection: Any, digest: str) -> None:
        connection.execute(
            "INSERT INTO plancli.plan_owners (plan_id, digest) VALUES (%s, %s) "
            "ON CONFLICT (plan_id) DO UPDATE SET digest = excluded.digest, pushed_at = now(), "
            "pushed_by = current_user",
            (self.plan_id, digest),
        )
