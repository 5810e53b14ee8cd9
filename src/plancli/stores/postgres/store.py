"""The progress ledger in PostgreSQL: one database for a whole bureau (issue 13).

The store (`PostgresLedgerStore`) reads and writes the rows of one plan. The same records,
commands and guarantees as the TOML and SQLite stores, and more:

- **Many plans in one database.** Every row carries its plan's id (`[plan] id`); a plancli
  command reads and writes only the rows of the plan it was given.
- **One transaction per batch.** A `record`, an `import` (every row), an `amend`, an `undo` or a
  `convert` commits whole or not at all: a server stopped or a connection lost mid-batch leaves
  nothing of it. Writers of one plan queue on a transaction-scoped advisory lock (as SQLite's
  writers queue on its write lock), so a decision taken on the ledger as read (`--add`, undo's
  last batch, an import's revisions) holds when it is written.
- **Departments (牵头单位).** Each row records `recorded_by` (the database user, `current_user`).
  A refused write names the target and its owner, and nothing of the batch is written: the
  check before the insert says why; the policies (`schema`) make it so.
- **Work in the database.** `gap` reads only the figures it judges (`figures_for`): per target
  the one in force at its latest position, selected by SQL (DISTINCT ON over an index).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from plancli import plain
from plancli.errors import LedgerFileError
from plancli.i18n import _, tight
from plancli.plain import Figure, FigureQuery, figure_problem
from plancli.safe import Clipped, clip_path
from plancli.stores.base import LedgerContents, PlacedAmendment, period_problems, unstorable_text
from plancli.stores.postgres.admin import PostgresAdministration
from plancli.stores.postgres.connection import DepartmentRefusedError, fetch_many, fetch_rows
from plancli.stores.postgres.libpq import text_array
from plancli.stores.postgres.lost import convert_stage
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
    FIGURE_ROW,
    RECORD_COLUMNS,
    RECORD_ROW,
    SELECT_AMENDMENTS,
    SELECT_RECORDS,
)
from plancli.stores.postgres.writes import PostgresSession

if TYPE_CHECKING:  # the models are imported where a write or a full read needs them
    from plancli.model import Amendment, Record

# The figures `gap` judges (FigureQuery): per target, the figure in force at its latest position
# up to the as-of month (of the positions, the last end month; of the figures there, the last
# recorded), and the year before's year-end one; every position of the `series` targets. The
# first DISTINCT ON walks records_position backwards, so each target costs one index descent.
# `{share}`: nothing, or a condition on `target` (`split`: one process's share of the targets).
_FIGURES_FOR = """
WITH latest AS (
    SELECT DISTINCT ON (target, period_year) seq, target, period, value, amount
    FROM plancli.records
    WHERE plan_id = %(plan)s{share}
      AND ((period_year = %(year)s AND end_month <= %(month)s)
           OR (period_year = %(year)s - 1 AND end_month = 12))
    ORDER BY target DESC, period_year DESC, end_month DESC, seq DESC
), series AS (
    SELECT DISTINCT ON (target, end_month) seq, target, period, value, amount
    FROM plancli.records
    WHERE plan_id = %(plan)s{share} AND target = ANY(%(series)s)
      AND period_year = %(year)s AND end_month <= %(month)s
    ORDER BY target, end_month, seq DESC
)
SELECT * FROM latest UNION ALL SELECT * FROM series ORDER BY seq
"""
# The selection sorts ~a row per target: in memory, and without JIT compilation (50 ms of LLVM
# for a query that does not gain from it), nor parallel workers: the plan's one large part (the
# DISTINCT ON over the index) runs in one process anyway, so workers would only take the small
# `series` branch beside it, each a process the server starts for the query (at 10,000 targets,
# 15-20 ms of the server's CPU per read, more in all than the branch they take).
_SETTINGS = (
    ("SET LOCAL work_mem = '64MB'", None, None),
    ("SET LOCAL jit = off", None, None),
    ("SET LOCAL max_parallel_workers_per_gather = 0", None, None),
)
# Every figure in force: per target and period, the last recorded.
_FIGURES = """
SELECT seq, target, period, value, amount FROM (
    SELECT DISTINCT ON (target, period) seq, target, period, value, amount
    FROM plancli.records WHERE plan_id = %(plan)s
    ORDER BY target, period, seq DESC
) AS in_force ORDER BY seq
"""


# A figure's text `figure_problem` passes without a look: at most 12 characters, no exponent,
# finite (`str(Decimal)` of NaN and Infinity ends in a letter); any other is looked at.
_LOOK_AT = re.compile(r"[^ ]{13,}|[^ ]*[^-0-9. ][^ ]*")


def _unfit(figures: Sequence[Decimal | None]) -> int | None:
    """The index of the first figure `figure_problem` refuses, or None: every figure's text
    checked at once in C, and only the few long or unusual ones one by one."""
    for match in _LOOK_AT.finditer(" ".join(map(str, figures)).replace("None", "")):
        text = match.group(0)
        if figure_problem(Decimal(text)):
            return next(n for n, f in enumerate(figures) if str(f) == text)
    return None


class PostgresLedgerStore(PostgresAdministration):
    """The ledger as rows of one plan in a PostgreSQL database; each change one transaction."""

    # (stores.base.LedgerStore) the row-level security policies refuse a department's write
    # of another's target; every row carries the role that wrote it
    refuses_targets: ClassVar[bool] = True
    stamps_writers: ClassVar[bool] = True
    keeps_writers: ClassVar[bool] = True

    def read(self) -> list[Record]:
        with self._snapshot() as connection:
            rows = self._all_records(connection)
        return self._records(rows)

    def contents(self) -> LedgerContents:
        with self._snapshot() as connection:
            rows = self._all_records(connection)
            amendment_rows = self._all_amendments(connection)
        return LedgerContents(self._records(rows), self._amendments(amendment_rows))

    def amendments(self) -> list[Amendment]:
        with self._snapshot() as connection:
            rows = self._all_amendments(connection)
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
        *_, columns = fetch_many(connection, [*_SETTINGS, self._figures_read(query)], True)
        return self._figures(columns)

    def _figures_read(self, query: FigureQuery | None, share: str = "") -> tuple[str, Any, Any]:
        """The statement selecting the figures in force (at `query`: those `gap` judges; with
        `share`, a condition on `target`, only those of the targets it holds)."""
        if query is None:
            return _FIGURES, {"plan": self.plan_id}, FIGURE_ROW
        parameters = {
            "plan": self.plan_id,
            "year": query.year,
            "month": query.end_month,
            "series": sorted(query.series),
        }
        sql = _FIGURES_FOR.format(share=f" AND ({share})" if share else "")
        return sql, parameters, FIGURE_ROW

    def _all_records(self, connection: Any) -> list[tuple[Any, ...]]:
        sql = f"{SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq"
        return fetch_rows(connection, sql, (self.plan_id,), RECORD_ROW)

    def _all_amendments(self, connection: Any) -> list[tuple[Any, ...]]:
        sql = f"{SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq"
        return fetch_rows(connection, sql, (self.plan_id,), AMENDMENT_ROW)

    def _figures(self, columns: Sequence[Sequence[Any]]) -> list[Figure]:
        """The figures of `_FIGURES`'s or `_FIGURES_FOR`'s columns (seq, target, period, value,
        amount), each figure checked as `figure_problem` checks it, in bulk (`_unfit`)."""
        from plancli.stores.plain_rows import canonical_period

        seqs, targets, periods, values, amounts = columns
        if len(set(seqs)) != len(seqs):  # a series target's latest figure twice (UNION ALL)
            keep = [n for n, seq in enumerate(seqs) if n == 0 or seqs[n - 1] != seq]
            seqs, targets, periods, values, amounts = (
                [column[n] for n in keep] for column in columns
            )
        for column in (values, amounts):
            bad = _unfit(column)
            if bad is not None:
                from plancli.model import shorten

                problem = f"{shorten(column[bad])} {_(str(figure_problem(column[bad])))}"
                raise self._row_error(
                    "record", seqs[bad], targets[bad], periods[bad], "value", problem
                )
        if not all(type(p) is str and canonical_period(p) for p in set(periods)):
            self._check_periods(list(zip(seqs, targets, periods, strict=True)), "record", 2)
        return list(map(Figure, targets, periods, values, amounts))

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
        amendments = f"{SELECT_AMENDMENTS} WHERE plan_id = %s ORDER BY seq"
        reads: list[tuple[str, Any, Any]] = [(amendments, (self.plan_id,), AMENDMENT_ROW)]
        if whole:
            records = f"{SELECT_RECORDS} WHERE plan_id = %s ORDER BY seq"
            reads.append((records, (self.plan_id,), RECORD_ROW))
        else:
            reads = [*_SETTINGS, *reads, self._figures_read(query)]
        with self._snapshot() as connection:  # the reads in one message, on libpq's connection
            *_, amendment_rows, found = fetch_many(connection, reads, columnar=not whole)
        if whole:
            return [], self._plain_records(found), self._plain_amendments(amendment_rows)
        return self._figures(found), [], self._plain_amendments(amendment_rows)

    def _plain_records(self, rows: Sequence[tuple[Any, ...]]) -> list[plain.Record]:
        from plancli.stores.plain_rows import quick_record

        records = []
        for row in rows:
            record = quick_record(
                {k: v for k, v in zip(RECORD_COLUMNS, row[1:], strict=True) if v is not None}
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
                {k: v for k, v in zip(AMENDMENT_COLUMNS, row[2:], strict=True) if v is not None}
            )
            if amendment is None:
                return [plain.plain_amendment(p.amendment) for p in self._amendments(rows)]
            amendments.append(amendment)
        self._check_periods(rows, "amendment", 3)
        return amendments

    def _records(self, rows: Sequence[tuple[Any, ...]]) -> list[Record]:
        from plancli.stores.rows import records_adapter, validated_rows

        raw = [dict(zip(RECORD_COLUMNS, row[1:], strict=True)) for row in rows]
        records, problem = validated_rows(records_adapter(), raw)
        if problem is not None:
            index, field_name, message = problem
            seq, target, period = rows[index][:3]
            raise self._row_error("record", seq, target, period, field_name, message)
        return records

    def _amendments(self, rows: Sequence[tuple[Any, ...]]) -> list[PlacedAmendment]:
        from plancli.stores.rows import amendments_adapter, validated_rows

        raw = [dict(zip(AMENDMENT_COLUMNS, row[2:], strict=True)) for row in rows]
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
                ledger=clip_path(self.shown),
                label=label.format(
                    seq=seq, target=Clipped(str(target)), period=Clipped(str(period))
                ),
                field=field,
                message=message,
            )
        )

    # ----------------------------------------------------------------------------- writing

    def check_writable(self) -> Path:
        return self.location.path  # the database decides, in the transaction

    def advice(self) -> str | None:
        return None

    def check_allowed(
        self, targets: Sequence[str], *, undoing: str | None = None, moving: str | None = None
    ) -> None:
        """A dry run's department check, in a read-only snapshot: the refusal the write would
        meet (`refusals`) for a target this role's departments do not own, or (`undoing`) a
        batch their roles did not write; nothing for
        the ledger's owner, whom row-level security does not bind, or a database without a
        ledger yet (the write would say what it needs)."""
        if not targets:
            return
        with self._snapshot_if_any() as connection:
            if connection is None:
                return
            bound = connection.execute(
                "SELECT pg_catalog.row_security_active('plancli.records')"
            ).fetchone()[0]
            if not bound:
                return
            if undoing is not None:
                found = connection.execute(
                    UNDO_REFUSED, {"plan": self.plan_id, "batch": undoing}
                ).fetchone()
                if found is not None:
                    raise undo_refusal(found, undoing, self.plan_id)
            row = connection.execute(
                REFUSED,
                {"targets": text_array(list(dict.fromkeys(targets))), "plan": self.plan_id},
            ).fetchone()
        if row is not None:
            raise refusal(row, self.plan_id, undoing=undoing is not None)
        if moving is not None:
            raise moving_refusal(moving)

    @contextmanager
    def transaction(self) -> Iterator[PostgresSession]:
        """One transaction: the schema made current, the plan's writers' lock taken, the plan's
        owners pushed; yield; COMMIT. Any error rolls everything back. It starts on the light
        connection (`libpq`, no psycopg to import), which a session that reads many rows
        trades for psycopg's before reading anything (`PostgresSession.begin`)."""
        session = PostgresSession(self, None, self.plan_id, restricted=False)
        stage: Literal["write", "commit"] = "write"
        try:
            try:
                session.begin(light=True)
                yield session
            except BaseException:
                if session.connection is not None and not session.connection.closed:
                    session.drain()
                    session.connection.execute("ROLLBACK")
                raise
            stage = "commit"
            session.commit()
        except self.database_errors as exc:
            # The server refused a pending insert sent with COMMIT: COMMIT was not run.
            failed = getattr(exc, "failed", None)
            if (
                failed is not None
                and failed < session.pending_count
                and getattr(exc, "sqlstate", None)
            ):
                stage = "write"
            connection = session.connection
            if (
                connection is not None
                and not connection.closed
                and connection.info.transaction_status != 0
            ):
                with suppress(*self.database_errors):
                    session.drain()
                    connection.execute("ROLLBACK")
            converting = session.replacing  # `ledger convert`: no batch, the plan's records
            raise self._error(exc, convert_stage(stage) if converting else stage) from None
        except UnicodeEncodeError as exc:  # a lone surrogate in any other statement's text
            raise unstorable_text(self.shown, exc) from None

    def check_may_replace(self) -> None:
        """`ledger convert … URL` replaces the plan's records: only the ledger's owner (whom
        row-level security does not bind) may. A department's role is told so, in one line,
        before it is asked for --force or the database refuses a row."""
        with self._snapshot_if_any() as connection:
            if connection is None:
                return  # no ledger yet: creating it says what this role may do
            bound, owner, role, login = connection.execute(
                "SELECT pg_catalog.row_security_active('plancli.records'), "
                "pg_catalog.pg_get_userbyid(n.nspowner), current_user::text, "
                "session_user::text FROM pg_catalog.pg_namespace n WHERE n.nspname = 'plancli'"
            ).fetchone()
        if bound:
            message = _(
                "{ledger}: only the ledger's owner, role {owner}, may convert a ledger into "
                "it (that replaces the plan's records); role {role} enters its "
                "department's figures with plancli import or plancli record"
            )
            shown = self._role_shown(role, login)
            raise DepartmentRefusedError(
                tight(message.format(ledger=clip_path(self.shown), owner=owner, role=shown))
            )

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

    def plans_held(self) -> list[str]:
        """The plans the database holds records or amendments of, in order: what a convert
        out of it names when --plan's plan has none there (a backup of nothing, refused)."""
        with self._snapshot_if_any() as connection:
            if connection is None:
                return []
            rows = connection.execute(
                "SELECT plan_id FROM plancli.records UNION "
                "SELECT plan_id FROM plancli.amendments ORDER BY 1"
            ).fetchall()
        return [str(row[0]) for row in rows]
