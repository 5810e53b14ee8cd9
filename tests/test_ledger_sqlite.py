"""What only the SQLite ledger has: its file format, foreign databases, and `ledger convert`.

The behaviour every ledger shares (supersede, --add, undo, concurrency, crash, corrupt files)
is tested on every store in test_ledger*.py through the `ledger_suffix` fixture.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.errors import InputError, LedgerFileError
from plancli.ledger import Entry, record_entry
from plancli.locations import LedgerLocation, ledger_format
from plancli.model import Plan, Record
from plancli.plan import load_plan_file
from plancli.stores import open_store, read_records
from plancli.stores.copy import convert_ledger
from plancli.stores.sqlite import SqliteLedgerStore
from plancli.stores.sqlite_db import APPLICATION_ID, SCHEMA_VERSION
from plancli.stores.toml import dump_ledger
from plancli.undo import last_batch, undo_batch
from strategies import finite_decimals

JULY_5 = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)


@pytest.fixture
def plan(mini_plan: Path) -> Plan:
    return load_plan_file(mini_plan)


def sqlite_store(path: Path) -> SqliteLedgerStore:
    store = open_store(LedgerLocation(path, "option"))
    assert isinstance(store, SqliteLedgerStore)
    return store


def pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("x.sqlite", "sqlite"), ("x.DB", "sqlite"), ("x.progress.toml", "toml"), ("x", "toml")],
)
def test_the_name_chooses_the_store(name: str, expected: str) -> None:
    assert ledger_format(Path(name)) == expected


def test_schema_is_versioned_and_in_wal_mode(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    record_entry(sqlite_store(path), plan, Entry("g5", "2022-06", "150"))
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID
    assert pragma(path, "journal_mode") == "wal"


def test_figures_keep_their_digits_and_times_their_instant(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    store = sqlite_store(path)
    record_entry(store, plan, Entry("gdp", "2022-Q2", "5.0", amount="700.50", note="统计局"))
    [record] = read_records(path)
    assert str(record.value) == "5.0" and str(record.amount) == "700.50"
    eight = record.model_copy(
        update={"recorded_at": datetime(2022, 7, 5, 16, 30, tzinfo=timezone(timedelta(hours=8)))}
    )
    with store.transaction() as session:
        session.append([eight])
    # The same instant, read in UTC: every output labels times UTC (`…Z`, "recorded (UTC)").
    back = read_records(path)[1].recorded_at
    assert back == datetime(2022, 7, 5, 8, 30, tzinfo=UTC) and back.utcoffset() == timedelta(0)


def test_figures_are_the_records_in_force(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    store = sqlite_store(path)
    record_entry(store, plan, Entry("g5", "2022-05", "100"))
    record_entry(store, plan, Entry("g5", "2022-06", "150"))
    record_entry(store, plan, Entry("g5", "2022-05", "120"))  # supersedes 100
    figures = {(f.target, f.period): f.value for f in store.figures()}
    assert figures == {("g5", "2022-05"): 120, ("g5", "2022-06"): 150}
    assert sqlite_store(tmp_path / "none.sqlite").figures() == []


def test_session_reads_only_the_targets_asked_for(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    store = sqlite_store(path)
    record_entry(store, plan, Entry("g5", "2022-05", "100"))
    record_entry(store, plan, Entry("gdp", "2022-Q2", "5"))
    with store.transaction() as session:
        assert [r.target for r in session.records(["gdp"])] == ["gdp"]
        assert [r.target for r in session.records()] == ["g5", "gdp"]


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(LedgerFileError, match=r"other.db: a SQLite database, but not a plancli"):
        record_entry(sqlite_store(path), plan, Entry("g5", "2022-06", "150"))
    with pytest.raises(LedgerFileError, match="not a plancli ledger"):
        read_records(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    record_entry(sqlite_store(path), plan, Entry("g5", "2022-06", "150"))
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        connection.commit()
    newer = rf"schema version {SCHEMA_VERSION + 1}; this plancli reads versions 1 to 2"
    with pytest.raises(LedgerFileError, match=newer):
        read_records(path)


def test_a_damaged_database_exits_3_naming_the_file(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    path = mini_plan.with_name("l.sqlite")
    assert (
        invoke(
            "--plan", str(mini_plan), "--ledger", str(path), "record", "g5", "1", "-p", "2022-06"
        ).exit_code
        == 0
    )
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # header intact, every page garbage
    path.write_bytes(bytes(data))
    for args in (["history"], ["gap", "--json"], ["record", "g5", "2", "-p", "2022-07"]):
        result = invoke("--plan", str(mini_plan), "--ledger", str(path), *args)
        assert result.exit_code == 3, result.stderr
        assert result.stderr.startswith(f"error: {path}: ")
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == bytes(data)


def test_an_invalid_row_is_reported_with_its_seq(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "l.sqlite"
    record_entry(sqlite_store(path), plan, Entry("g5", "2022-06", "150"))
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE records SET value = 'many'")
        connection.commit()
    with pytest.raises(LedgerFileError, match=r"l.sqlite: record seq 1 \(g5 2022-06\): value: "):
        read_records(path)
    not_a_number = r"l.sqlite: record seq 1 \(g5 2022-06\): value: 'many' is not a number"
    with pytest.raises(LedgerFileError, match=not_a_number):
        sqlite_store(path).figures()


@pytest.mark.parametrize(
    ("column", "stored"),
    [
        ("value", "NaN"),
        ("value", "1e400"),
        ("value", float("inf")),  # a REAL: the TEXT column keeps it as 'Inf'
        ("amount", "123456789012345.123"),
        ("period", "2022-6"),
        ("recorded_at", "2022-07-05T08:30:00"),
        ("recorded_at", "5 July"),
    ],
)
def test_the_slim_read_checks_every_row_as_the_full_read(
    tmp_path: Path, plan: Plan, column: str, stored: str | float
) -> None:
    # `gap` reads figures without models; it refuses what `history` refuses, with the same
    # message, even in a revision that a later one superseded.
    path = tmp_path / "l.sqlite"
    store = sqlite_store(path)
    record_entry(store, plan, Entry("gdp", "2022-Q2", "5", amount="700"))
    record_entry(store, plan, Entry("gdp", "2022-Q2", "6", amount="710"))
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"UPDATE records SET {column} = ? WHERE seq = 1", (stored,))
        connection.commit()
    with pytest.raises(
        LedgerFileError, match=rf"l.sqlite: record seq 1 \(gdp [^)]+\): {column}: "
    ) as full:
        store.read()
    with pytest.raises(LedgerFileError) as slim:
        store.figures()
    assert str(slim.value) == str(full.value)


# --------------------------------------------------------------------------- convert


def busy_ledger(store_path: Path, plan: Plan) -> None:
    """Revisions, an import-sized batch, notes, sources, amounts, an undone batch."""
    store = open_store(LedgerLocation(store_path, "option"))
    record_entry(store, plan, Entry("g5", "2022-05", "120", source="工信局"))
    record_entry(store, plan, Entry("g5", "2022-06", "150", note='统计局 "月报"'))
    record_entry(store, plan, Entry("g5", "2022-06", "160", note="修订\n第二行"))
    record_entry(store, plan, Entry("gdp", "2022-Q2", "5.0", amount="700.50"))
    record_entry(store, plan, Entry("centre", "2022-06", "done"))
    undo = last_batch(store.read())
    assert undo is not None
    undo_batch(store, undo)
    with store.transaction() as session:  # one batch of several records, as an import writes
        session.append(
            [
                Record(
                    target=target,
                    period="2022-07",
                    value=Decimal(value),
                    recorded_at=JULY_5,
                    batch="import-1",
                )
                for target, value in (("g5", "170"), ("invest_a", "7.25"))
            ]
        )


def test_round_trip_toml_sqlite_toml_is_byte_equal(tmp_path: Path, plan: Plan) -> None:
    toml = tmp_path / "a.progress.toml"
    busy_ledger(toml, plan)
    sqlite = tmp_path / "a.sqlite"
    back = tmp_path / "b.progress.toml"
    assert convert_ledger(toml, sqlite) == 6
    assert convert_ledger(sqlite, back) == 6
    assert read_records(sqlite) == read_records(toml)
    assert back.read_bytes() == toml.read_bytes()


def test_round_trip_sqlite_toml_sqlite_keeps_every_record(tmp_path: Path, plan: Plan) -> None:
    sqlite = tmp_path / "a.db"
    busy_ledger(sqlite, plan)
    toml = tmp_path / "a.progress.toml"
    again = tmp_path / "b.db"
    convert_ledger(sqlite, toml)
    convert_ledger(toml, again)
    assert read_records(again) == read_records(sqlite)
    assert dump_ledger(read_records(again)) == toml.read_text(encoding="utf-8")


def test_convert_refuses_to_overwrite_without_force(tmp_path: Path, plan: Plan) -> None:
    toml = tmp_path / "a.progress.toml"
    busy_ledger(toml, plan)
    sqlite = tmp_path / "a.sqlite"
    record_entry(sqlite_store(sqlite), plan, Entry("g5", "2022-01", "1"))
    with pytest.raises(InputError, match="exists; pass --force"):
        convert_ledger(toml, sqlite)
    assert len(read_records(sqlite)) == 1
    convert_ledger(toml, sqlite, force=True)
    assert read_records(sqlite) == read_records(toml)
    with pytest.raises(InputError, match="same file"):
        convert_ledger(toml, toml, force=True)
    with pytest.raises(InputError, match="no such ledger"):
        convert_ledger(tmp_path / "none.toml", tmp_path / "x.sqlite")


def test_convert_with_force_never_overwrites_a_file_that_is_not_a_ledger(
    tmp_path: Path, plan: Plan
) -> None:
    toml = tmp_path / "a.progress.toml"
    busy_ledger(toml, plan)
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(LedgerFileError, match="not a SQLite database"):
        convert_ledger(toml, notes, force=True)
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_ledger_convert_command(invoke, tmp_path: Path, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    plan = load_plan_file(mini_plan)
    toml = tmp_path / "a.progress.toml"
    busy_ledger(toml, plan)
    sqlite = tmp_path / "a.sqlite"
    result = invoke("ledger", "convert", str(toml), str(sqlite))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"converted 6 records: {toml} (toml) -> {sqlite} (sqlite)\n"
    again = invoke("ledger", "convert", str(toml), str(sqlite))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("ledger", "convert", str(toml), str(sqlite), "--force").exit_code == 0
    # the commands read a SQLite ledger as they read a TOML one
    history = invoke("--plan", str(mini_plan), "--ledger", str(sqlite), "history", "--csv")
    same = invoke("--plan", str(mini_plan), "--ledger", str(toml), "history", "--csv")
    assert history.stdout == same.stdout and len(list(csv.reader(io.StringIO(history.stdout)))) == 7
    gap = invoke("--plan", str(mini_plan), "--ledger", str(sqlite), "gap", "--json")
    assert (
        gap.stdout
        == invoke("--plan", str(mini_plan), "--ledger", str(toml), "gap", "--json").stdout
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=finite_decimals, note=st.text(max_size=40), amount=st.none() | finite_decimals)
def test_any_record_survives_both_stores(
    tmp_path_factory: pytest.TempPathFactory, value: Decimal, note: str, amount: Decimal | None
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    record = Record(
        target="gdp",
        period="2022-06",
        value=value,
        amount=amount,
        note=note or None,
        recorded_at=JULY_5,
        batch="b",
    )
    toml = folder / "l.progress.toml"
    toml.write_text(dump_ledger([record]), encoding="utf-8")
    sqlite = folder / "l.sqlite"
    convert_ledger(toml, sqlite)
    [back] = read_records(sqlite)
    assert back == read_records(toml)[0]
    assert str(back.value) == str(read_records(toml)[0].value)


# The records table and its indexes as plancli wrote them before the batch index was dropped
# (issue 15): a ledger made then must read, take writes and undo as before.
_SCHEMA_WITH_BATCH_INDEX = f"""
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    target TEXT NOT NULL CHECK (length(target) > 0),
    period TEXT NOT NULL,
    value TEXT NOT NULL,
    amount TEXT,
    note TEXT,
    source TEXT,
    recorded_at TEXT NOT NULL,
    batch TEXT NOT NULL
);
CREATE INDEX records_by_target ON records (target, period);
CREATE INDEX records_by_batch ON records (batch);
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = 1;
"""


def test_a_ledger_with_the_old_batch_index_reads_and_loses_it_on_first_write(
    tmp_path: Path, plan: Plan
) -> None:
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(_SCHEMA_WITH_BATCH_INDEX)
        connection.execute(
            "INSERT INTO records (target, period, value, amount, note, source, recorded_at, batch)"
            " VALUES ('g5', '2022-03', '120', NULL, 'old', NULL, ?, 'b1')",
            (JULY_5.isoformat(),),
        )
        connection.commit()

    def indexes() -> set[str]:
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            return {name for (name,) in rows}

    store = sqlite_store(path)
    [old] = store.read()
    assert (old.target, old.value, old.note, old.batch) == ("g5", Decimal("120"), "old", "b1")
    assert "records_by_batch" in indexes()  # reading changes nothing
    record_entry(store, plan, Entry("g5", "2022-06", "150"), now=JULY_5 + timedelta(days=1))
    assert indexes() == {"records_by_target", "amendments_by_batch"}
    assert pragma(path, "user_version") == SCHEMA_VERSION  # migrated by the write, as before
    assert [r.value for r in store.read()] == [Decimal("120"), Decimal("150")]
    undo = last_batch(store.read(), store.amendments())
    assert undo is not None
    undo_batch(store, undo)
    assert [(r.value, r.batch) for r in store.read()] == [(Decimal("120"), "b1")]


def test_records_of_every_shape_are_written_in_order_without_binding_none(
    tmp_path: Path,
) -> None:
    """Issue 15: a None bound to a statement costs sqlite3 a failed adapter look-up, so a
    record's row leaves out the fields it lacks (NULL, as before); the records of every shape,
    interleaved, are stored and read back in ledger order, field for field."""
    from plancli.plain import Record as PlainRecord
    from plancli.stores.sqlite import _row_groups

    def record(n: int, amount: str | None, note: str | None, source: str | None) -> PlainRecord:
        return PlainRecord(
            "g5",
            f"2022-{n:02d}",
            Decimal(f"{n}.0"),
            None if amount is None else Decimal(amount),
            note,
            source,
            JULY_5,
            "b1",
        )

    records = [
        record(1, None, None, None),
        record(2, "7.50", None, None),
        record(3, "8", None, None),
        record(4, None, "说明", None),
        record(5, None, None, None),
        record(6, "1", None, "统计局"),
        record(7, None, None, None),
    ]
    groups = _row_groups(records)
    # A bare figure binds target, period and value (the time and batch are written into the
    # statement: plain text), one with an amount the amount too; any other binds all eight.
    assert [(len(rows[0]), len(rows)) for _sql, rows in groups] == [
        (3, 1),
        (4, 2),
        (8, 1),
        (3, 1),
        (8, 1),
        (3, 1),
    ]
    assert all(None not in row for sql, rows in groups if "note" not in sql for row in rows)
    path = tmp_path / "shapes.sqlite"
    store = sqlite_store(path)
    with store.transaction() as session:
        session.append(records)
    read = store.read()
    assert [(r.period, r.value, r.amount, r.note, r.source) for r in read] == [
        (r.period, r.value, r.amount, r.note, r.source) for r in records
    ]
    assert [str(r.value) for r in read] == ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0"]
    assert [None if r.amount is None else str(r.amount) for r in read][1:3] == ["7.50", "8"]
    with closing(sqlite3.connect(path)) as connection:
        nulls = connection.execute(
            "SELECT count(*) FROM records WHERE amount IS NULL AND note IS NULL"
        ).fetchone()
    assert nulls == (3,)


@pytest.mark.parametrize(
    "batch", ["b1", "b'1); DROP TABLE records; --", "批次", "b\x00", "x" * 65, ""]
)
def test_a_time_and_batch_are_written_into_the_insert_only_when_plain(
    tmp_path: Path, batch: str
) -> None:
    """Issue 15: an import's rows share one time and batch, written into the insert statement
    rather than bound for each row; a batch that is not plain text (a quote, a NUL, Chinese,
    too long, empty: a hand-edited TOML ledger converted to SQLite may hold any) is bound as
    before, and every one reads back as it was written."""
    from plancli.plain import Record as PlainRecord
    from plancli.stores.sqlite import _row_groups

    records = [
        PlainRecord("g5", "2022-01", Decimal("1.0"), None, None, None, JULY_5, batch),
        PlainRecord("g5", "2022-02", Decimal("2.0"), Decimal("3"), None, None, JULY_5, batch),
    ]
    groups = _row_groups(records)
    plain = batch == "b1"
    assert [len(rows[0]) for _sql, rows in groups] == ([3, 4] if plain else [5, 6])
    assert all(("'b1'" in sql) == plain for sql, _rows in groups)
    path = tmp_path / "batch.sqlite"
    store = sqlite_store(path)
    with store.transaction() as session:
        session.append(records)
    read = store.read()
    assert [(r.period, r.value, r.amount, r.batch, r.recorded_at) for r in read] == [
        ("2022-01", Decimal("1.0"), None, batch, JULY_5),
        ("2022-02", Decimal("2.0"), Decimal("3"), batch, JULY_5),
    ]
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT count(*) FROM records").fetchone() == (2,)
