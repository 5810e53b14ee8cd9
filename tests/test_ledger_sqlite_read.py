"""The plain readers of SQLite ledgers (`ledger_sqlite.read_plain_figures`,
`read_plain_contents`, issue 15): read commands on a SQLite ledger import no Pydantic, and read
exactly what the store (the models) reads; whatever is not written as the store writes it is
left to the models, so an invalid ledger is reported word for word as before."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.errors import LedgerFileError, PlanError
from plancli.ledger_read import LedgerRead, read_figures, read_ledger
from plancli.locations import LedgerLocation
from plancli.model import Amendment, Record
from plancli.plain import plain_amendment, plain_record
from plancli.stores import open_store
from plancli.stores.sqlite_db import create_ledger_file

RECORDED = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)


def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    store = open_store(LedgerLocation(path, "option"))
    with store.transaction() as session:
        session.append(
            [
                Record(target="gdp", period="2022-05", value=Decimal("4.8"), **_when("a")),
                Record(
                    target="gdp",
                    period="2022-06",
                    value=Decimal("5.2"),
                    amount=Decimal("700.25"),
                    note="初步数",
                    source="统计局",
                    **_when("b"),
                ),
                Record(target="gdp", period="2022-06", value=Decimal("5.3"), **_when("c")),
            ]
        )
        session.append_amendment(
            Amendment(target="gdp", period="2022-06", min=Decimal("4.5"), **_when("d"))
        )
    return path


def _when(batch: str) -> dict[str, Any]:
    return {"recorded_at": RECORDED, "batch": batch}


def store_contents(location: LedgerLocation) -> LedgerRead | str:
    try:
        contents = open_store(location).contents()
    except PlanError as exc:
        return f"{type(exc).__name__}: {exc}"
    return LedgerRead(
        [plain_record(r) for r in contents.records],
        [plain_amendment(a) for a in contents.plain_amendments],
    )


def store_figures(location: LedgerLocation) -> object:
    store = open_store(location)
    try:
        return store.figures(), [plain_amendment(a) for a in store.amendments()]
    except PlanError as exc:
        return f"{type(exc).__name__}: {exc}"


def attempt(read: Any, location: LedgerLocation) -> object:
    try:
        return read(location)
    except PlanError as exc:
        return f"{type(exc).__name__}: {exc}"


def check(path: Path) -> None:
    location = LedgerLocation(path, "option")
    assert attempt(read_ledger, location) == store_contents(location)
    assert attempt(read_figures, location) == store_figures(location)


STORED: dict[str, tuple[str, object]] = {
    "a plain figure": ("value", "6.1"),
    "a figure with an exponent": ("value", "1E+1"),
    "a figure with spaces": ("value", " 5"),
    "a figure with a plus": ("value", "+5"),
    "a figure stored as a number": ("value", 6),
    "a figure as a word": ("value", "five"),
    "NaN": ("value", "NaN"),
    "too large": ("value", "1e20"),
    "11 places": ("amount", "0.00000000001"),
    "16 digits": ("amount", "1234567890.123456"),
    "no amount": ("amount", None),
    "a time at Z": ("recorded_at", "2022-07-05T08:30:00Z"),
    "a time at +08:00": ("recorded_at", "2022-07-05T16:30:00+08:00"),
    "a time with a space": ("recorded_at", "2022-07-05 08:30:00+00:00"),
    "a time without offset": ("recorded_at", "2022-07-05T08:30:00"),
    "a time with microseconds": ("recorded_at", "2022-07-05T08:30:00.000001+00:00"),
    "a day that does not exist": ("recorded_at", "2022-02-30T08:30:00+00:00"),
    "a time as a word": ("recorded_at", "yesterday"),
    "a note as a number": ("note", 5),
    "a note as bytes": ("note", b"\xff"),
    "a batch as bytes": ("batch", b"b"),
    "period 2022-6": ("period", "2022-6"),
    "period 2022-13": ("period", "2022-13"),
    "period 2022-Q2": ("period", "2022-Q2"),
}


@pytest.mark.parametrize("change", STORED.values(), ids=STORED.keys())
@pytest.mark.parametrize("seq", [1, 2])  # superseded, and in force
def test_each_stored_record_is_read_as_the_store_reads_it(
    tmp_path: Path, change: tuple[str, object], seq: int
) -> None:
    column, value = change
    path = ledger(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (value, seq))
    db.close()
    check(path)


AMENDMENTS: dict[str, dict[str, object]] = {
    "as written": {},
    "around and tolerance": {"min": None, "around": "5", "tolerance": "0.5"},
    "no bound": {"min": None},
    "min above max": {"max": "3"},
    "around with min": {"around": "5"},
    "a negative tolerance": {"min": None, "around": "5", "tolerance": "-1"},
    "a bound as a word": {"min": "low"},
    "a bound with an exponent": {"min": "4.5E+0"},
    "a time without offset": {"recorded_at": "2022-07-20T00:00:00"},
    "period 2022-6": {"period": "2022-6"},
}


@pytest.mark.parametrize("change", AMENDMENTS.values(), ids=AMENDMENTS.keys())
def test_each_stored_amendment_is_read_as_the_store_reads_it(
    tmp_path: Path, change: dict[str, object]
) -> None:
    path = ledger(tmp_path)
    with sqlite3.connect(path) as db:
        for column, value in change.items():
            db.execute(f"UPDATE amendments SET {column} = ?", (value,))
    db.close()
    check(path)


def test_a_ledger_as_plancli_writes_it_is_read_without_the_models(tmp_path: Path) -> None:
    """Nothing left to the models: what was written reads back as the same values."""
    import plancli.stores.sqlite_db as db
    import plancli.stores.sqlite_read as store

    path = ledger(tmp_path)
    location = LedgerLocation(path, "option")
    assert store._plain_records(db._read_rows(path, f"{db._SELECT}", 5)) is not None
    records, amendments = store.read_plain_contents(location)
    assert [(r.period, r.value, r.amount, r.batch) for r in records] == [
        ("2022-05", Decimal("4.8"), None, "a"),
        ("2022-06", Decimal("5.2"), Decimal("700.25"), "b"),
        ("2022-06", Decimal("5.3"), None, "c"),
    ]
    assert records[1].recorded_at == RECORDED and records[1].note == "初步数"
    assert [(a.target, a.min, a.batch) for a in amendments] == [("gdp", Decimal("4.5"), "d")]
    figures, _ = store.read_plain_figures(location)
    assert [(f.period, f.value) for f in figures] == [
        ("2022-05", Decimal("4.8")),
        ("2022-06", Decimal("5.3")),
    ]
    check(path)


def test_a_missing_or_new_ledger_reads_empty(tmp_path: Path) -> None:
    from plancli.stores.sqlite_read import read_plain_contents, read_plain_figures

    location = LedgerLocation(tmp_path / "none.sqlite", "option")
    assert read_plain_contents(location) == ([], [])
    assert read_plain_figures(location) == ([], [])
    # A new ledger is created with its schema (`create_ledger_file`), never as an empty file.
    create_ledger_file(tmp_path / "new.sqlite")
    new = LedgerLocation(tmp_path / "new.sqlite", "option")
    assert read_plain_contents(new) == ([], [])
    assert read_plain_figures(new) == ([], [])


def test_an_empty_file_is_refused_not_read_as_a_new_ledger(tmp_path: Path) -> None:
    """A 0-byte file is a ledger cut short (a failed copy), whatever SQLite makes of it."""
    from plancli.stores.sqlite_read import read_plain_contents, read_plain_figures

    (tmp_path / "empty.sqlite").write_bytes(b"")
    empty = LedgerLocation(tmp_path / "empty.sqlite", "option")
    for read in (read_plain_contents, read_plain_figures):
        with pytest.raises(LedgerFileError, match="the file is empty"):
            read(empty)
    assert (tmp_path / "empty.sqlite").read_bytes() == b""
