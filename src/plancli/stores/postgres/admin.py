"""Administering a PostgreSQL ledger: `ledger init` (the schema made current, the plan's
owners set), `ledger grant` and `ledger grants` (issue 13).

A grant is per plan (schema version 2): `ledger grant DEPARTMENT ROLE`, run with `--plan`,
lets ROLE record the targets DEPARTMENT owns in that plan, and no other plan's; the role may
read every plan, insert rows (the policies check them), and call `plancli.undo_batch`, never
delete or update a row itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from plancli.errors import InputError
from plancli.i18n import _, join_list, tight
from plancli.safe import clip, clip_path
from plancli.stores.postgres import schema
from plancli.stores.postgres.connection import DepartmentRefusedError, driver
from plancli.stores.postgres.schema import (
    SCHEMA,
    Grant,
    InitResult,
    OwnerChange,
    PostgresSchema,
    Probe,
    owners_digest,
)
from plancli.texts import shell_word

# What `ledger grant` gives a role: reading the ledger (and the sequences, whose currval the
# insert policies compare a row's seq with), inserting rows (the policies decide which), and a
# department's undo; never DELETE or UPDATE.
_PRIVILEGES = (
    "GRANT USAGE ON SCHEMA plancli TO {}",
    "GRANT SELECT ON ALL TABLES IN SCHEMA plancli TO {}",
    "GRANT INSERT ON plancli.records, plancli.amendments TO {}",
    "GRANT SELECT ON SEQUENCE plancli.records_seq_seq, plancli.amendments_seq_seq TO {}",
    "GRANT EXECUTE ON FUNCTION plancli.undo_batch(text, text) TO {}",
)


def quote_ident(name: str) -> str:
    """`name` as PostgreSQL's quote_ident writes an identifier that needs quoting: in double
    quotes, each `"` doubled, so a statement suggested with it is one statement."""
    return '"' + name.replace('"', '""') + '"'


def _ident(name: str) -> str:
    """`name` in a suggested SQL statement: as it is when PostgreSQL reads it unquoted as
    itself, else quoted (`quote_ident`)."""
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else quote_ident(name)


class PostgresAdministration(PostgresSchema):
    """`ledger init`, `grant` and `grants` of a database ledger."""

    def _set_owners(self, connection: Any, probe: Probe) -> tuple[bool, list[OwnerChange]]:
        """`ledger init`: the database's owners made the plan's, when this role may (the
        ledger's owner); whether it did, and every target whose owner differs (changed, or
        that would change: a department's copy of the plan changes nothing), in plan order,
        then those it names no owner for. A plan naming none (a forgotten --plan) clears none."""
        listed = self.location.owners
        owners = dict(listed()) if listed is not None else {}
        held = dict(
            connection.execute(
                "SELECT target, department FROM plancli.target_owner WHERE plan_id = %s "
                "ORDER BY target",
                (self.plan_id,),
            ).fetchall()
        )
        changes = [
            OwnerChange(target, held.get(target), department)
            for target, department in owners.items()
            if held.get(target) != department
        ]
        changes += [OwnerChange(t, d, None) for t, d in held.items() if t not in owners]
        if not owners or probe.restricted or not self._may_push(connection):
            return False, changes
        if changes:
            connection.execute(
                "DELETE FROM plancli.target_owner WHERE plan_id = %s", (self.plan_id,)
            )
            connection.execute(
                "INSERT INTO plancli.target_owner (plan_id, target, department) "
                "SELECT %s, t, d FROM unnest(%s::text[], %s::text[]) AS o(t, d)",
                (self.plan_id, list(owners), list(owners.values())),
            )
        self._keep_digest(connection, owners_digest(owners.items()))
        return True, changes

    # ------------------------------------------------------------------ ledger init, grant

    @contextmanager
    def _administering(self) -> Iterator[Any]:
        """One transaction of `ledger init` or `grant`: committed when the block ends, rolled
        back when it raises, a server's error as one line."""
        psycopg = driver()
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            try:
                yield connection
            except BaseException:
                if not connection.closed:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except psycopg.Error as exc:
            raise self._error(exc, "write") from None

    def init(self) -> InitResult:
        """`plancli ledger init`: create or migrate the schema, push the plan's owners."""
        with self._administering() as connection:
            before = self._probe(connection)
            if not before.usable:
                raise self._not_the_owner(before)
            self._readable(before)
            probe, found = before, before.version
            if before.version < schema.SCHEMA_VERSION:
                probe, found = self._migrate(connection)
            pushed, changes = self._set_owners(connection, probe)
            # version 1's grants, kept for each plan (schema_v2)
            spread = self._spread_grants(connection) if 0 < found < 2 else (0, 0)
            owner, superuser, database_owner = connection.execute(
                "SELECT pg_catalog.pg_get_userbyid(n.nspowner), r.rolsuper, "
                "pg_catalog.pg_get_userbyid(d.datdba) FROM pg_catalog.pg_namespace n "
                "JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner "
                "JOIN pg_catalog.pg_database d ON d.datname = pg_catalog.current_database() "
                "WHERE n.nspname = %s",
                (SCHEMA,),
            ).fetchone()
        owners = len(self.location.owners()) if self.location.owners else 0
        return InitResult(
            before.version,
            schema.SCHEMA_VERSION,
            pushed,
            owners,
            tuple(changes),
            str(owner),
            bool(superuser),
            str(database_owner),
            spread,
        )

    def _not_the_owner(self, probe: Probe) -> DepartmentRefusedError:
        """`ledger init` by a role that may not use the ledger another role created (the
        administrator's mistaken init, the planning office's role then running its own): which
        role owns it, and the remedy of docs/shared-ledger.md, not a department's grant."""
        role, owner = self._acting(probe), probe.schema_owner
        if probe.holds_records and not probe.restored:  # a department's member, say
            return DepartmentRefusedError(
                tight(
                    _(
                        "{ledger}: the ledger is owned by role {owner}, and role {role} may not "
                        "use it (no USAGE on schema plancli): role {owner} grants it a "
                        "department: plancli ledger grant DEPARTMENT ROLE"
                    ).format(ledger=clip_path(self.shown), owner=clip(owner), role=clip(role))
                )
            )
        if probe.holds_records:  # a restore (`pg_restore --no-owner`): DROP SCHEMA would lose it
            return DepartmentRefusedError(
                tight(
                    _(
                        "{ledger}: the ledger is owned by role {owner}, and role {role} may not "
                        "use it (no USAGE on schema plancli); it holds records (restored with "
                        "pg_restore --no-owner?): if {role} is to own it, role {owner} gives it "
                        "the schema and every object in it (ALTER SCHEMA plancli OWNER TO "
                        "{role}, then ALTER … OWNER TO {role} for each table, function and "
                        'domain: docs/shared-ledger.md, "Backing up and restoring"), or it is '
                        "restored again with its owners kept; else {owner} grants it a "
                        "department: plancli ledger grant DEPARTMENT ROLE"
                    ).format(ledger=clip_path(self.shown), owner=clip(owner), role=clip(role))
                )
            )
        return DepartmentRefusedError(
            tight(
                _(
                    "{ledger}: the ledger is owned by role {owner}, and role {role} may not use "
                    "it (no USAGE on schema plancli): if {role} is to own it, while the ledger "
                    "holds nothing role {owner} runs DROP SCHEMA plancli CASCADE and {role} "
                    "runs plancli ledger init again; else {owner} grants it a department: "
                    "plancli ledger grant DEPARTMENT ROLE"
                ).format(ledger=clip_path(self.shown), owner=clip(owner), role=clip(role))
            )
        )

    def grant(self, department: str, role: str, *, revoke: bool = False) -> None:
        """Map `role` to `department` in this plan (its members record the targets the
        department owns in it), with the privileges to read the ledger, insert rows and undo
        its own batches; or take the mapping away (this plan's only)."""
        sql = driver().sql
        department, role = department.strip(), role.strip()
        if not department or not role:
            raise InputError(_("give a department (e.g. 工信局) and a database role"))
        with self._administering() as connection:
            probe = self._probe(connection)
            if not self._readable(probe):
                raise InputError(
                    _(
                        "{ledger} holds no plancli ledger yet: plancli --plan {plan} ledger "
                        "init {quoted} first"
                    ).format(
                        ledger=clip_path(self.shown),
                        plan=self.location.plan_arg or "PLAN",
                        quoted=shell_word(self.shown),  # pasted whole: `&port=…` kept (V D1)
                    )
                )
            if probe.restricted:  # a department's role: the server would refuse in English
                raise self._may_not_grant(connection, probe)
            if revoke:
                self._revoke(connection, department, role)
                return
            exists = connection.execute(
                "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (role,)
            ).fetchone()
            if exists is None:
                raise InputError(
                    _(
                        "no role {role!r} in the database; create it first, e.g. CREATE "
                        "ROLE {name} LOGIN (or a group role its users are members of)"
                    ).format(role=role, name=quote_ident(role))
                )
            who = sql.Identifier(role)
            for statement in _PRIVILEGES:
                connection.execute(sql.SQL(statement).format(who))
            connection.execute(
                "INSERT INTO plancli.department_role (plan_id, department, role) "
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                (self.plan_id, department, role),
            )

    def _may_not_grant(self, connection: Any, probe: Probe) -> DepartmentRefusedError:
        """`ledger grant` (or `--revoke`) by a role the ledger's policies bind (a department's):
        only the ledger's owner grants, and the message says who that is, not the server's
        `permission denied for table department_role` (English under zh, and its hint was a
        grant the role cannot make)."""
        (owner,) = connection.execute(
            "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace "
            "WHERE nspname = %s",
            (SCHEMA,),
        ).fetchone()
        return DepartmentRefusedError(
            tight(
                _(
                    "{ledger}: refused: only the ledger's owner, role {owner}, may grant or "
                    "revoke a department's role, not role {role}; nothing was changed"
                ).format(
                    ledger=clip_path(self.shown),
                    owner=clip(str(owner)),
                    role=clip(self._role_shown(probe.role, probe.login)),
                )
            )
        )

    def _revoke(self, connection: Any, department: str, role: str) -> None:
        """`ledger grant --revoke`: the plan's (department, role) mapping deleted; where there
        is none, nothing was revoked (exit 2), and why: the role records through a granted
        role it is a member of, or the department or the role is granted otherwise."""
        deleted = connection.execute(
            "DELETE FROM plancli.department_role "
            "WHERE plan_id = %s AND department = %s AND role = %s RETURNING 1",
            (self.plan_id, department, role),
        ).fetchall()
        if not deleted:
            raise InputError(self._nothing_revoked(connection, department, role))

    def _nothing_revoked(self, connection: Any, department: str, role: str) -> str:
        fields = {"role": role, "department": department, "plan": self.plan_id}
        found = connection.execute(
            "SELECT oid, rolsuper FROM pg_catalog.pg_roles WHERE rolname = %s", (role,)
        ).fetchone()
        if found is None:
            return _(
                "no role {role!r} in the database, and plan {plan} grants it nothing; nothing "
                "was revoked"
            ).format(**fields)
        granted = connection.execute(
            "SELECT d.role, NOT %s AND pg_catalog.pg_has_role(%s, r.oid, 'MEMBER') "
            "FROM plancli.department_role d "
            "LEFT JOIN pg_catalog.pg_roles r ON r.rolname = d.role "
            "WHERE d.plan_id = %s AND d.department = %s ORDER BY d.role",
            (found[1], found[0], self.plan_id, department),
        ).fetchall()
        through = [name for name, member in granted if member]
        if len(through) == 1:
            message = _(
                "role {role} has no grant for {department} in plan {plan}; it records for "
                "{department} as a member of {granted}: revoke that grant (plancli ledger grant "
                "--revoke {department} {granted}) or remove {role} from {granted} (REVOKE "
                "{group} FROM {member}); nothing was revoked"
            )
            group, member = _ident(through[0]), _ident(role)
            return message.format(granted=through[0], group=group, member=member, **fields)
        if through:
            message = _(
                "role {role} has no grant for {department} in plan {plan}; it records for "
                "{department} as a member of {granted}: revoke their grants (plancli ledger "
                "grant --revoke {department} ROLE) or remove {role} from them; nothing was "
                "revoked"
            )
            return message.format(granted=join_list(through), **fields)
        if granted:
            message = _(
                "role {role} has no grant for {department} in plan {plan} ({department} is "
                "granted to {roles}); nothing was revoked"
            )
            return message.format(roles=join_list(name for name, _member in granted), **fields)
        theirs = connection.execute(
            "SELECT department FROM plancli.department_role WHERE plan_id = %s AND role = %s "
            "ORDER BY department",
            (self.plan_id, role),
        ).fetchall()
        if theirs:
            message = _(
                "role {role} has no grant for {department} in plan {plan} (it is granted "
                "{departments}); nothing was revoked"
            )
            return message.format(departments=join_list(d for (d,) in theirs), **fields)
        return _(
            "role {role} has no grant for {department} in plan {plan}, nor any other in it "
            "(plancli ledger grants lists the plan's); nothing was revoked"
        ).format(**fields)

    def grants(self) -> list[Grant]:
        """Every department granted in this plan and the roles that record for it."""
        with self._snapshot() as connection:
            rows = connection.execute(
                "SELECT d.department, d.role, r.oid IS NOT NULL, r.oid IS NOT NULL AND "
                "pg_catalog.has_schema_privilege(r.oid, %s, 'USAGE') "
                "FROM plancli.department_role d "
                "LEFT JOIN pg_catalog.pg_roles r ON r.rolname = d.role "
                "WHERE d.plan_id = %s ORDER BY d.department, d.role",
                (SCHEMA, self.plan_id),
            ).fetchall()
        return [Grant(department, role, bool(e), bool(u)) for department, role, e, u in rows]

    def owners(self) -> dict[str, str]:
        """The plan's owners as the database holds them (target → department)."""
        with self._snapshot() as connection:
            rows = connection.execute(
                "SELECT target, department FROM plancli.target_owner WHERE plan_id = %s",
                (self.plan_id,),
            ).fetchall()
        return dict(rows)
