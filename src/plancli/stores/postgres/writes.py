"""Writing a PostgreSQL ledger: one transaction's session (record, import, amend, undo,
convert), the department check that names a refused target and its owner, and the rows sent as
arrays (issue 13)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plancli import plain
from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.ledger_base import PlacedAmendment
from plancli.stores.postgres.connection import DepartmentRefusedError
from plancli.stores.postgres.schema import (
    AMENDMENT_COLUMNS,
    RECORD_COLUMNS,
    RECORD_TYPES,
    SELECT_AMENDMENTS,
    SELECT_RECORDS,
)

if TYPE_CHECKING:
    from plancli.model import Amendment, Record
    from plancli.stores.postgres.store import PostgresLedgerStore

# Rows are inserted `unnest`-ed from arrays, this many per statement (COPY is refused to a role
# bound by row-level security).
_CHUNK = 20_000
# Every record in force (per target and period, the last recorded): what an import checks its
# rows against.
_RECORDS_IN_FORCE = f"""
SELECT * FROM (
    SELECT DISTINCT ON (target, period) seq, {", ".join(RECORD_COLUMNS)}
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


@dataclass
class PostgresSession:
    store: PostgresLedgerStore
    connection: Any
    plan_id: str
    restricted: bool  # row-level security binds this role: check writes first, to say why

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is None:
            rows = self.connection.execute(
                f"{SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
            ).fetchall()
        else:
            rows = self.connection.execute(
                f"{SELECT_RECORDS} WHERE plan_id = %s AND target = ANY(%s) ORDER BY seq",
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

    def append(self, batch: Sequence[Record]) -> None:
        if not batch:
            return
        self._check_allowed([record.target for record in batch])
        self._insert_records(batch, keep_writer=False)

    def _insert_records(self, batch: Sequence[Record], *, keep_writer: bool) -> None:
        """Insert in ledger order (seq follows the array order). `keep_writer`: copy each
        record's `recorded_by` (convert); otherwise the database sets it (current_user)."""
        columns = RECORD_COLUMNS if keep_writer else RECORD_COLUMNS[:-1]
        names = ", ".join(columns)
        arrays = ", ".join(f"%s::{kind}[]" for kind in RECORD_TYPES[: len(columns)])
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
            f"{SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq", (self.plan_id,)
        ).fetchall()
        return self.store._amendments(rows)

    def append_amendment(self, amendment: Amendment) -> None:
        self._check_allowed([amendment.target])
        count = self.connection.execute(
            "SELECT count(*) FROM plancli.records WHERE plan_id = %s", (self.plan_id,)
        ).fetchone()[0]
        self._insert_amendments([PlacedAmendment(amendment, int(count))], keep_writer=False)

    def _insert_amendments(self, placed: Sequence[PlacedAmendment], *, keep_writer: bool) -> None:
        columns = AMENDMENT_COLUMNS if keep_writer else AMENDMENT_COLUMNS[:-1]
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
            f"{SELECT_RECORDS} WHERE plan_id = %s AND batch = %s ORDER BY seq",
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
