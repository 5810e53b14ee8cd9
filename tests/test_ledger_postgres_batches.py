"""A batch is one writer's (schema version 3, session 24, audit G D7 and D8): a department adds no
row to a batch another role wrote, checked once a statement against plancli.batches rather
than once a row against every row of the batch (a department's import was quadratic in its
size), also between two writers at once; a version-2 database migrates; rows copied in by
`ledger convert` keep their writer. Against the throwaway server of tests/pgcluster.py, as
test_ledger_postgres.py (whose fixtures these use)."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg
else:
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger, read_records
from plancli.stores.postgres import MIGRATIONS, SCHEMA_VERSION
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)

Denied = psycopg.errors.InsufficientPrivilege
INSERT = (
    "INSERT INTO plancli.records (plan_id, target, period, value, batch) "
    "VALUES ('mini-2022', %s, '2022-06', 1, %s)"
)
ANOTHERS = "a department adds no row to a batch another role wrote"


def _buffers(ledger: PgLedger, rows: int) -> int:
    """Pages bob's insert of `rows` rows of one batch touched (EXPLAIN's count, rolled back):
    the work of its checks, which a timing would measure only as well as the load allows."""
    insert = (
        "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) "
        "INSERT INTO plancli.records (plan_id, target, period, value, batch) "
        "SELECT 'mini-2022', 'g5', '2022-06', i, 'big' FROM generate_series(1, %s) AS i"
    )
    with psycopg.connect(ledger.as_user("bob").url) as connection:
        plan = [line for (line,) in connection.execute(insert, (rows,)).fetchall()]
        connection.rollback()
    counts = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", "\n".join(plan))
    assert counts is not None, plan
    return int(counts.group(1)) + int(counts.group(2) or 0)


def test_a_departments_batch_costs_the_same_per_row_however_large(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """Audit G D8: 20,000 rows took a department 393 s against the owner's 29 s, each row's
    check reading every row of its batch already inserted, and every target of the plan. 8
    times the rows now cost about 8 times the work (version 2: 565,165 pages for 8,000 rows
    against 22,611 for 1,000, in a plan of 3 targets)."""
    assert bureau("bureau", "record", "gdp", "5", "-p", "2022-06").exit_code == 0
    # A plan of 20,000 targets: version 2's may_write_as, called with current_user::text
    # (collation "C"), could not use target_owner's key and read every target for each row.
    ledger.sql(
        "INSERT INTO plancli.target_owner (plan_id, target, department) "
        "SELECT 'mini-2022', 'more_' || i, '工信局' FROM generate_series(1, 20000) AS i",
        user="bureau",
    )
    ledger.sql("ANALYZE plancli.target_owner", user="bureau")
    small, large = _buffers(ledger, 1_000), _buffers(ledger, 8_000)
    assert large < 12 * small, (small, large)
    assert small < 40 * 1_000, small  # pages a row: about 12 (a sequential scan: 190 more)


def _waiting(ledger: PgLedger, user: str) -> None:
    """Until `user`'s statement waits for a lock (another transaction's)."""
    deadline = time.monotonic() + 60
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock' "
        "AND datname = current_database()"
    )
    while ledger.sql(query, (user,)) != [(1,)]:
        assert time.monotonic() < deadline, f"{user} never waited for the other writer"
        time.sleep(0.05)


def _at_once(ledger: PgLedger, first: str, second: str, batch: str, *, commit: bool) -> Any:
    """`first` inserts a row of `batch` and, while its transaction is open, `second` inserts
    one of the same batch; `first` commits (or rolls back) once `second` waits. What
    `second`'s insert raised, or None."""
    targets = {"bob": "g5", "alice": "gdp", "bureau": "gdp"}
    outcome: dict[str, Any] = {}

    def write() -> None:
        try:
            with psycopg.connect(ledger.as_user(second).url, autocommit=True) as connection:
                connection.execute(INSERT, (targets[second], batch))
            outcome["error"] = None
        except psycopg.Error as exc:
            outcome["error"] = exc

    with psycopg.connect(ledger.as_user(first).url) as connection:
        connection.execute(INSERT, (targets[first], batch))
        other = threading.Thread(target=write)
        other.start()
        try:
            _waiting(ledger, second)
        finally:
            connection.commit() if commit else connection.rollback()
            other.join(60)
    return outcome["error"]


def test_two_writers_of_one_batch_at_once(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """Neither transaction sees the other's rows before it commits: version 2's check let both
    in. The second now waits for the first (the batch's key in plancli.batches), then is
    refused, nothing of it written."""
    refused = _at_once(ledger, "bureau", "bob", "office-race", commit=True)
    assert isinstance(refused, Denied) and ANOTHERS in str(refused), refused
    refused = _at_once(ledger, "bob", "alice", "bob-race", commit=True)
    assert isinstance(refused, Denied) and "written by bob" in str(refused), refused
    # A writer that rolls back leaves no claim: the batch is the next one's.
    assert _at_once(ledger, "bob", "alice", "alice-race", commit=False) is None
    # The ledger's owner is not refused; the batch is then no department's to undo.
    assert _at_once(ledger, "alice", "bureau", "shared-race", commit=True) is None
    rows = ledger.sql("SELECT batch, recorded_by FROM plancli.records ORDER BY seq")
    assert rows == [
        ("office-race", "bureau"),
        ("bob-race", "bob"),
        ("alice-race", "alice"),
        ("shared-race", "alice"),
        ("shared-race", "bureau"),
    ]
    assert ledger.sql("SELECT batch, writer FROM plancli.batches ORDER BY batch") == [
        ("alice-race", "alice"),
        ("bob-race", "bob"),
        ("office-race", "bureau"),
        ("shared-race", None),
    ]
    refused_undo = bureau("alice", "undo", "--batch", "shared-race", "--yes")
    assert refused_undo.exit_code == 2 and "written by bureau" in refused_undo.stderr
    # In one statement too: a department's rows of its own new batch and of another's.
    with pytest.raises(Denied, match=ANOTHERS):
        ledger.sql(
            "INSERT INTO plancli.records (plan_id, target, period, value, batch) VALUES "
            "('mini-2022', 'gdp', '2022-07', 1, 'new'), ('mini-2022', 'gdp', '2022-07', 1, "
            "'bob-race')",
            user="alice",
        )
    # An undone batch is forgotten: its id is a new batch again.
    assert bureau("bob", "undo", "--batch", "bob-race", "--yes").exit_code == 0
    ledger.sql(INSERT, ("gdp", "bob-race"), user="alice")
    assert ledger.sql("SELECT writer FROM plancli.batches WHERE batch = 'bob-race'") == [("alice",)]


# ------------------------------------------------------------------- the migration from 2


def _made_at_version_2(ledger: PgLedger) -> None:
    """A ledger as schema version 2 left it: bob (gongxin, 工信局) granted, a batch of the
    office's, one of bob's, one copied from a file (no writer), one of two writers."""
    for version, sql in MIGRATIONS:
        if version <= 2:
            ledger.sql(sql, user="bureau")
            ledger.sql(
                "INSERT INTO plancli.schema_version (version) VALUES (%s)",
                (version,),
                user="bureau",
            )
    ledger.sql(
        "INSERT INTO plancli.target_owner (plan_id, target, department) VALUES "
        "('mini-2022', 'g5', '工信局'), ('mini-2022', 'gdp', '统计局')",
        user="bureau",
    )
    for statement in (
        "GRANT USAGE ON SCHEMA plancli TO gongxin",
        "GRANT SELECT ON ALL TABLES IN SCHEMA plancli TO gongxin",
        "GRANT INSERT ON plancli.records, plancli.amendments TO gongxin",
        "GRANT SELECT ON SEQUENCE plancli.records_seq_seq, plancli.amendments_seq_seq TO gongxin",
        "GRANT EXECUTE ON FUNCTION plancli.undo_batch(text, text) TO gongxin",
        "INSERT INTO plancli.department_role (plan_id, department, role) "
        "VALUES ('mini-2022', '工信局', 'gongxin')",
    ):
        ledger.sql(statement, user="bureau")
    row = (
        "INSERT INTO plancli.records (plan_id, target, period, value, recorded_at, batch, "
        "recorded_by) VALUES ('mini-2022', 'g5', %s, 1, now(), %s, %s)"
    )
    for period, batch, writer in (
        ("2022-01", "v2-office", "bureau"),
        ("2022-02", "v2-bob", "bob"),
        ("2022-03", "v2-file", None),
        ("2022-04", "v2-mixed", "bob"),
        ("2022-05", "v2-mixed", "alice"),
    ):
        ledger.sql(row, (period, batch, writer), user="bureau")


def test_a_version_2_database_migrates_keeping_each_batchs_writer(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    ledger.drop_schema()
    try:
        _made_at_version_2(ledger)
        plan = ("--plan", str(owned_plan), "--ledger")
        migrated = invoke(*plan, ledger.as_user("bureau").url, "ledger", "init")
        assert migrated.exit_code == 0, migrated.stderr
        assert f"from version 2 to {SCHEMA_VERSION}" in migrated.stderr, migrated.stderr
        assert "grants made before schema version 2" not in migrated.stderr
        assert ledger.sql("SELECT version FROM plancli.schema_version ORDER BY version") == [
            (1,),
            (2,),
            (3,),
        ]
        assert ledger.sql("SELECT batch, writer FROM plancli.batches ORDER BY batch") == [
            ("v2-bob", "bob"),
            ("v2-file", None),
            ("v2-mixed", None),
            ("v2-office", "bureau"),
        ]
        for batch in ("v2-office", "v2-file", "v2-mixed"):
            with pytest.raises(Denied, match=ANOTHERS):
                ledger.sql(INSERT, ("g5", batch), user="bob")
        ledger.sql(INSERT, ("g5", "v2-bob"), user="bob")
        # bob's grant of version 2 reads the new table, as a grant made now does.
        assert ledger.sql("SELECT count(*) FROM plancli.batches", user="bob") == [(4,)]
        wrote = invoke(*plan, ledger.as_user("bob").url, "record", "g5", "7", "-p", "2022-09")
        assert wrote.exit_code == 0, wrote.stderr
        undone = invoke(*plan, ledger.as_user("bob").url, "undo", "--batch", "v2-bob", "--yes")
        assert undone.exit_code == 0, undone.stderr
        assert "v2-bob" not in {b for (b,) in ledger.sql("SELECT batch FROM plancli.batches")}
    finally:
        ledger.drop_schema()


def test_the_owners_write_migrates_a_version_2_database(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    ledger.drop_schema()
    try:
        _made_at_version_2(ledger)
        url = ledger.as_user("bureau").url
        # A department may not migrate: told to ask the ledger's owner, nothing changed.
        bob = ledger.as_user("bob").url
        refused = one_line_error(
            invoke(
                "--plan", str(owned_plan), "--ledger", bob, "record", "g5", "1", "-p", "2022-08"
            ),
            2,
        )
        assert "may not migrate it: ask the ledger's owner" in refused, refused
        assert ledger.sql("SELECT max(version) FROM plancli.schema_version") == [(2,)]
        wrote = invoke(
            "--plan", str(owned_plan), "--ledger", url, "record", "gdp", "5", "-p", "2022-09"
        )
        assert wrote.exit_code == 0, wrote.stderr
        assert ledger.sql("SELECT max(version) FROM plancli.schema_version") == [(3,)]
        written = read_records(ledger)[-1].batch
        assert ledger.sql("SELECT writer FROM plancli.batches WHERE batch = %s", (written,)) == [
            ("bureau",)
        ]
    finally:
        ledger.drop_schema()


# ------------------------------------------------ rows copied in keep their writer (D7)


def test_rows_converted_back_keep_their_writer_and_so_their_undo(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Audit G D7: the docs said a department never undoes rows copied from a file, but a
    backup made by `ledger convert URL backup.toml` keeps each row's writer, and converted back
    a department could undo its batch the office restored. A restore is the ledger as it was,
    writers included (who entered a figure is on record): the docs now say so, and the
    office's batches stay the office's."""
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    assert bureau("bureau", "record", "g5", "151", "-p", "2022-07").exit_code == 0
    plan = ("--plan", str(owned_plan))
    owner = ledger.as_user("bureau").url
    backup = tmp_path / "backup.progress.toml"
    assert invoke(*plan, "ledger", "convert", owner, str(backup)).exit_code == 0
    assert 'recorded_by = "bob"' in backup.read_text(encoding="utf-8")
    back = invoke(*plan, "ledger", "convert", str(backup), owner, "--force")
    assert back.exit_code == 0, back.stderr
    bobs, office = [r.batch for r in read_records(ledger)]
    assert ledger.sql("SELECT batch, writer FROM plancli.batches ORDER BY writer") == [
        (bobs, "bob"),
        (office, "bureau"),
    ]
    with pytest.raises(Denied, match=ANOTHERS):
        ledger.sql(INSERT, ("g5", office), user="bob")
    refused = bureau("bob", "undo", "--batch", office, "--yes")
    assert refused.exit_code == 2 and "written by bureau, the ledger's owner" in refused.stderr
    assert bureau("bob", "undo", "--batch", bobs, "--yes").exit_code == 0
    # A ledger file plancli wrote names no writer: its rows copied in are no department's.
    plain = tmp_path / "plain.progress.toml"
    assert (
        invoke(*plan, "--ledger", str(plain), "record", "g5", "5", "-p", "2022-08").exit_code == 0
    )
    assert invoke(*plan, "ledger", "convert", str(plain), owner, "--force").exit_code == 0
    [copied] = [r.batch for r in read_records(ledger)]
    assert ledger.sql("SELECT writer FROM plancli.batches") == [(None,)]
    refused = bureau("bob", "undo", "--batch", copied, "--yes")
    assert refused.exit_code == 2 and "no one on record" in refused.stderr, refused.stderr
    with pytest.raises(Denied, match=ANOTHERS):
        ledger.sql(INSERT, ("g5", copied), user="bob")
    docs = " ".join(
        (Path(__file__).parents[1] / "docs" / "shared-ledger.md")
        .read_text(encoding="utf-8")
        .split()
    )
    assert "**Rows copied into the database keep the writer they name**" in docs
    assert "nor rows copied from a file that name no writer" in docs
