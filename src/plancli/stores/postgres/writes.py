"""Writing a PostgreSQL ledger: one transaction's session (record, import, amend, undo,
convert), the department check that names a refused target and its owner, and the rows sent as
arrays (issue 13)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from plancli import plain
from plancli.errors import InputError
from plancli.i18n import _
from plancli.plain import Record as PlainRecord
from plancli.stores.base import PlacedAmendment, after_removal, unstorable_text
from plancli.stores.postgres.bulk import bulk_rows, bulk_sql
from plancli.stores.postgres.connection import INSUFFICIENT_PRIVILEGE
from plancli.stores.postgres.libpq import (
    LibpqConnection,
    LibpqError,
    is_operational,
    number_array,
    text_array,
)
from plancli.stores.postgres.refusals import (
    REFUSED,
    UNDO_REFUSED,
    moving_refusal,
    refusal,
    undo_refusal,
)
from plancli.stores.postgres.schema import (
    AMENDMENT_COLUMNS,
    AMENDMENT_ROW,
    RECORD_COLUMNS,
    RECORD_ROW,
    RECORD_TYPES,
    SELECT_AMENDMENTS,
    SELECT_RECORDS,
)

if TYPE_CHECKING:
    from plancli.model import Amendment, Record
    from plancli.stores.postgres.store import PostgresLedgerStore


def _stamped(*, keep_writer: bool, restricted: bool) -> tuple[str, ...]:
    """The columns an insert leaves to the server's defaults: none for `ledger convert`
    (`keep_writer`: each row's own); the writer (current_user) for the ledger's owner, whose
    time is plancli's as in a file; the writer and the time for a department, whose rows the
    policies check are stamped so (`restricted`)."""
    if keep_writer:
        return ()
    return ("recorded_at", "recorded_by") if restricted else ("recorded_by",)


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


def _storable(ledger: str, items: Sequence[Any]) -> None:
    """A text that is no UTF-8 (a lone surrogate: a byte that was not UTF-8, as Python hands it
    on) refused before anything is sent, naming its field: libpq and psycopg encode each
    parameter on the way out and raised a UnicodeEncodeError (exit 70) in the middle of the
    transaction. The file stores refuse it alike (`base.unstorable_text`)."""
    texts = []
    for item in items:
        for text in (item.target, item.period, item.note, getattr(item, "source", None)):
            if text:
                texts.append(text)
        texts += [item.batch, item.recorded_by or ""]
    try:
        "".join(texts).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise unstorable_text(ledger, exc, items) from None


class PostgresSession:
    # A plain class (not a dataclass, built by generated code when a database command imports
    # this module: a millisecond).
    def __init__(
        self, store: PostgresLedgerStore, connection: Any, plan_id: str, restricted: bool
    ) -> None:
        self.store = store
        self.connection = connection
        self.plan_id = plan_id
        # Row-level security binds this role: check writes first, to say why.
        self.restricted = restricted
        self.light = False  # on libpq's connection (`libpq`), not psycopg's
        self.begun = False  # BEGIN, the probe and the plan's lock done
        # Light: the inserts sent with the next statement (`_started`) or with COMMIT
        # (`commit`), each with the targets `REFUSED` names if the policies refuse it (None:
        # not bound).
        self.pending: list[tuple[str, dict[str, Any], str | None]] = []
        self.pending_count = 0  # of them, sent with COMMIT
        self.replacing = False  # `ledger convert`'s: no batch, the plan's records replaced
        # Light: the first message (BEGIN, the probe, `first`) sent by `_request` and not read
        # yet: `first`, and how many statements.
        self.requested: tuple[tuple[str, Any], int] | None = None

    def begin(self, *, light: bool) -> None:
        """Start the transaction: the schema made current, the plan's writers' lock taken, the
        plan's owners pushed. On the light connection (libpq's, when `light` and it loads),
        that is sent with the session's first statement (`_started`): one round trip."""
        connection = self.store._connect(light=light)
        self.connection = connection
        self.light = isinstance(connection, LibpqConnection)
        if not self.light:
            self._begin()

    def _begin(self) -> None:
        """BEGIN, the probe and the lock, one statement after another: what finds and says
        what is unusual (no schema: created or migrated when this role may; a role that may
        not use it; a newer schema)."""
        store, connection = self.store, self.connection
        connection.execute("BEGIN")
        probe = store._ready_to_write(connection, self.plan_id)  # and the plan's lock
        store._push_owners(connection, probe)
        self.restricted = probe.restricted
        self.begun = True

    def _started(self, first: tuple[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """The transaction begun, and `first` run in it: its rows. On the light connection,
        a session's first statement goes with BEGIN and the probe (and the plan's lock) in one
        message; when the probe finds anything but a ledger at this schema version, or fails
        for it (no schema, no privilege), that is rolled back and `_begin` says what to do."""
        if self.begun:
            if first is None:
                return []
            if self.pending:  # in one message
                return list(self._sent([first])[0].fetchall())
            return list(self.connection.execute(*first).fetchall())
        statements = self._first_message(first)
        requested, self.requested = self.requested, None
        try:
            if requested is not None and requested == (first, len(statements)):
                results = self.connection.results(len(statements))  # sent by `_request`
            else:
                if requested is not None:  # pragma: no cover - `records_of` reads its own
                    self.requested = requested
                    self.drain()
                results = self.connection.execute_all(statements)
        except LibpqError as exc:
            if is_operational(exc.sqlstate) or exc.failed == 0:
                raise  # the connection, the lock's wait: the store's messages say so
            results = None
        probe = None if results is None else self.store._probe_found(results[1].fetchone())
        if probe is None or not self.store._current(probe):
            self.connection.execute("ROLLBACK")
            self._begin()
            return [] if first is None else list(self.connection.execute(*first).fetchall())
        self.store._push_owners(self.connection, probe)
        self.restricted = probe.restricted
        self.begun = True
        return [] if first is None else list(results[2].fetchall())

    def _first_message(self, first: tuple[str, Any] | None) -> list[tuple[str, Any]]:
        statements: list[tuple[str, Any]] = [("BEGIN", None)]
        statements.append(self.store._probe_statement(self.plan_id))
        if first is not None:
            statements.append(first)
        return statements

    def _request(self, first: tuple[str, Any]) -> None:
        """The session's first message (BEGIN, the probe, `first`) sent on the light connection
        and not waited for: `_started(first)` reads its results (the process works meanwhile,
        while the server runs it). Nothing where the transaction has begun."""
        if not self.light or self.begun or self.requested is not None:
            return
        statements = self._first_message(first)
        try:
            self.connection.send_all(statements)
        except LibpqError:  # `_started` finds the connection broken, and says so
            return
        self.requested = (first, len(statements))

    def drain(self) -> None:
        """A message `_request` sent and nothing read: its results read and dropped (the
        connection takes no other statement before), ahead of a ROLLBACK."""
        requested, self.requested = self.requested, None
        if requested is not None:
            with suppress(LibpqError):
                self.connection.results(requested[1])

    def _read(
        self, sql: str, params: Any, columns: Sequence[tuple[str, str]] | None = None
    ) -> list[tuple[Any, ...]]:
        """The rows of `sql` in this transaction; many rows (`columns` named) read in bulk on
        the light connection (`bulk`)."""
        if self.light and columns is not None:
            return bulk_rows(self._started((bulk_sql(sql, columns), params)), columns)
        return self._started((sql, params))

    def _sent(self, then: list[tuple[str, Any]]) -> list[Any]:
        """The pending inserts, then `then`, in one message. An insert the policies refuse
        (another department's target) is rolled back, and `REFUSED` says which target and
        whose: asked only then, as the insert alone costs the server half as much."""
        pending, self.pending = self.pending, []
        try:
            results: list[Any] = self.connection.execute_all(
                [*((sql, params) for sql, params, _ in pending), *then]
            )
        except LibpqError as exc:
            failed = exc.failed if exc.failed is not None else len(pending)
            if exc.sqlstate != INSUFFICIENT_PRIVILEGE or failed >= len(pending):
                raise
            targets = pending[failed][2]
            if targets is None:
                raise
            self.connection.execute("ROLLBACK")
            rows = self.connection.execute(
                REFUSED, {"targets": targets, "plan": self.plan_id}
            ).fetchall()
            self._refuse(rows[0] if rows else None)
            raise  # refused for another reason: the server's message says it
        return results[len(pending) :]

    def _flush(self) -> None:
        """The pending statements sent, before one run on its own."""
        if self.pending:
            self._sent([])

    def commit(self) -> None:
        """COMMIT, with the pending insert (one round trip for a `record`'s insert and commit).
        An insert that fails stops the message before COMMIT: the store tells that error
        (nothing written) from one of COMMIT's by `LibpqError.failed` and `pending_count`. A
        light session that did nothing has nothing to commit."""
        if not self.light:
            self.connection.execute("COMMIT")
        elif self.begun:
            self.pending_count = len(self.pending)
            self._sent([("COMMIT", None)])

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is None:
            sql = f"{SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq"
            rows = self._read(sql, (self.plan_id,), RECORD_ROW)
        else:
            rows = self._rows_of(targets)
        return self.store._records(rows)

    def records_of(
        self, targets: Collection[str], meanwhile: Callable[[], object] | None = None
    ) -> list[plain.Record]:
        # Plain records where every row is plainly valid (the models judge them otherwise), so
        # a department's `record` imports no Pydantic, as on SQLite. `meanwhile` runs while the
        # server reads them, when they are the session's first statement (a `record`'s).
        if meanwhile is not None:
            self._request(self._of(targets))
            meanwhile()
        return self.store._plain_records(self._rows_of(targets))

    def _of(self, targets: Collection[str]) -> tuple[str, Any]:
        return (
            f"{SELECT_RECORDS} WHERE plan_id = %s AND target = ANY(%s) ORDER BY seq",
            (self.plan_id, list(targets)),
        )

    def _rows_of(self, targets: Collection[str]) -> list[tuple[Any, ...]]:
        return self._read(*self._of(targets))

    def records_in_force(self) -> list[plain.Record]:
        """The latest revision of each target and period, in the order they were recorded
        (what an import checks its rows against): selected in the database, read as plain
        records, so an import into a ledger of a million records holds the figures in force,
        not a model of every record. The models read them only when the quick checks cannot
        vouch for a row, and say what is wrong with it."""
        rows = self._read(_RECORDS_IN_FORCE, {"plan": self.plan_id}, RECORD_ROW)
        return self.store._plain_records(rows)

    def append(self, batch: Sequence[Record | PlainRecord]) -> None:
        if not batch:
            return
        self._started()  # who this role is (`restricted`), the pending statements sent
        if len(batch) > _CHUNK:
            self._check_allowed([record.target for record in batch])
            self._insert_records(batch, keep_writer=False)
        else:  # one statement: the department check, and the insert if nothing is refused
            self._insert_records(batch, keep_writer=False, check=self.restricted)

    def _insert_records(
        self, batch: Sequence[Record | PlainRecord], *, keep_writer: bool, check: bool = False
    ) -> None:
        """Insert in ledger order (seq follows the array order). `keep_writer`: copy each
        record's `recorded_by` (convert); otherwise the database sets it (current_user).
        `check` (a batch of one chunk): the department check (`REFUSED`), in the same
        statement (psycopg), or after the policies refused the insert (libpq: `_sent`)."""
        # One record's insert goes with COMMIT (`record`: a round trip less). A batch's is sent
        # alone, so a connection lost while inserting is known to have written nothing.
        deferred = self.light and len(batch) == 1
        # The writer is the server's (current_user) but where convert keeps each row's own; so
        # is a department's time (the policies check both: schema_v2.sql).
        stamped = _stamped(keep_writer=keep_writer, restricted=self.restricted)
        kept = [i for i, c in enumerate(RECORD_COLUMNS) if c not in stamped]
        columns = [RECORD_COLUMNS[i] for i in kept]
        names = ", ".join(columns)
        arrays = ", ".join(f"%(c{i})s::{RECORD_TYPES[k]}[]" for i, k in enumerate(kept))
        sql = (
            f"INSERT INTO plancli.records (plan_id, {names}) "
            f"SELECT %(plan)s, {', '.join('r.' + c for c in columns)} "
            f"FROM unnest({arrays}) WITH ORDINALITY AS r({names}, n)"
        )
        if check and not deferred:
            sql = (
                f"WITH refused AS ({REFUSED}), inserted AS ({sql} "
                "WHERE NOT EXISTS (SELECT FROM refused) ORDER BY r.n) SELECT * FROM refused"
            )
        else:
            sql += " ORDER BY r.n"
        _no_nul((r.target, r.period, f"{r.note or ''}{r.source or ''}{r.batch}") for r in batch)
        _storable(self.store.shown, batch)
        for start in range(0, len(batch), _CHUNK):
            chunk = batch[start : start + _CHUNK]
            values = [
                text_array([r.target for r in chunk]),
                text_array([r.period for r in chunk]),
                number_array([r.value for r in chunk]),
                number_array([r.amount for r in chunk]),
                text_array([r.note for r in chunk]),
                text_array([r.source for r in chunk]),
                *(
                    [text_array([r.recorded_at.isoformat() for r in chunk])]
                    if "recorded_at" not in stamped
                    else []
                ),
                text_array([r.batch for r in chunk]),
            ]
            if keep_writer:
                values.append(text_array([r.recorded_by for r in chunk]))
            parameters = {f"c{i}": value for i, value in enumerate(values)}
            parameters["plan"] = self.plan_id
            if check:
                parameters["targets"] = text_array(list(dict.fromkeys(r.target for r in chunk)))
            if deferred:
                self.pending.append((sql, parameters, parameters.pop("targets", None)))
                continue
            self._flush()
            if check:
                self._refuse(self.connection.execute(sql, parameters).fetchone())
            else:
                self.connection.execute(sql, parameters)

    def _check_allowed(self, targets: Sequence[str], *, undoing: str | None = None) -> None:
        """Refuse, naming the target and its owner, a batch with a target this role's
        departments do not own; `undoing` (the batch an undo reverts): first, naming who wrote
        it, a batch not written by the role's departments. The policies (and
        `plancli.undo_batch`) would refuse anyway, without saying which row."""
        self._started()
        if not self.restricted:
            return
        if undoing is not None:
            rows = self._read(UNDO_REFUSED, {"plan": self.plan_id, "batch": undoing})
            if rows:
                raise undo_refusal(rows[0], undoing, self.plan_id)
        ordered = text_array(list(dict.fromkeys(targets)))
        rows = self._read(REFUSED, {"targets": ordered, "plan": self.plan_id})
        if rows:
            raise refusal(rows[0], self.plan_id, undoing=bool(undoing), converting=self.replacing)

    def _refuse(self, row: tuple[Any, ...] | None) -> None:
        """Refuse the batch for `REFUSED`'s row, if it found one."""
        if row is not None:
            raise refusal(row, self.plan_id, converting=self.replacing)

    def amendments(self) -> list[PlacedAmendment]:
        sql = f"{SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq"
        return self.store._amendments(self._read(sql, (self.plan_id,), AMENDMENT_ROW))

    def append_amendment(self, amendment: Amendment) -> None:
        self._check_allowed([amendment.target])
        count = self._read(
            "SELECT count(*) FROM plancli.records WHERE plan_id = %s", (self.plan_id,)
        )[0][0]
        self._insert_amendments([PlacedAmendment(amendment, int(count))], keep_writer=False)

    def _insert_amendments(self, placed: Sequence[PlacedAmendment], *, keep_writer: bool) -> None:
        _storable(self.store.shown, [p.amendment for p in placed])
        self._flush()
        stamped = _stamped(keep_writer=keep_writer, restricted=self.restricted)
        columns = [c for c in AMENDMENT_COLUMNS if c not in stamped]
        marks = ", ".join(["%s"] * (len(columns) + 2))
        rows = []
        for p in placed:
            a = p.amendment
            row: list[Any] = [self.plan_id, p.after, a.target, a.period, a.min, a.max]
            row += [a.around, a.tolerance, a.stretch, a.note]
            row += [] if "recorded_at" in stamped else [a.recorded_at]
            row += [a.batch] if "recorded_by" in stamped else [a.batch, a.recorded_by]
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
        self.replacing = True
        self._check_allowed([r.target for r in records] + [p.amendment.target for p in amendments])
        for table in ("records", "amendments"):
            self._read(f"DELETE FROM plancli.{table} WHERE plan_id = %s", (self.plan_id,))
        self._insert_records(records, keep_writer=True)
        if amendments:
            self._insert_amendments(amendments, keep_writer=True)

    def remove_batch(self, batch_id: str) -> list[Record]:
        rows = self._read(
            f"{SELECT_RECORDS} WHERE plan_id = %s AND batch = %s ORDER BY seq",
            (self.plan_id, batch_id),
            RECORD_ROW,
        )
        targets = [row[1] for row in rows]
        targets += [
            row[0]
            for row in self._read(
                "SELECT target FROM plancli.amendments WHERE plan_id = %s AND batch = %s",
                (self.plan_id, batch_id),
            )
        ]
        self._check_allowed(targets, undoing=batch_id)
        if rows:
            self._move_back(batch_id)
        if self.restricted:  # no DELETE for a department: the function checks, then deletes
            self._read("SELECT plancli.undo_batch(%s, %s)", (self.plan_id, batch_id))
            return self.store._records(rows)
        for table in ("records", "amendments"):
            self._read(
                f"DELETE FROM plancli.{table} WHERE plan_id = %s AND batch = %s",
                (self.plan_id, batch_id),
            )
        return self.store._records(rows)

    def _move_back(self, batch_id: str) -> None:
        """Move back, in ledger order, the amendments written after the records of a batch
        reverted from the middle of the ledger (`undo --batch`). A department updates and
        deletes no row (its undo is plancli.undo_batch's, which refuses such a batch too):
        the ledger's owner reverts it."""
        later = self._read(
            "SELECT seq, after_records FROM plancli.amendments "
            "WHERE plan_id = %s AND batch <> %s AND after_records > 0",
            (self.plan_id, batch_id),
        )
        if not later:
            return
        positions = [
            int(row[0])
            for row in self._read(
                "SELECT position FROM (SELECT batch, row_number() OVER (ORDER BY seq) - 1 AS "
                "position FROM plancli.records WHERE plan_id = %s) AS ordered "
                "WHERE batch = %s ORDER BY position",
                (self.plan_id, batch_id),
            )
        ]
        moved = [
            (after_removal(int(after), positions), seq)
            for seq, after in later
            if after_removal(int(after), positions) != int(after)
        ]
        if moved and self.restricted:
            raise moving_refusal(batch_id)
        for after, seq in moved:
            self._read(
                "UPDATE plancli.amendments SET after_records = %s WHERE seq = %s", (after, seq)
            )
