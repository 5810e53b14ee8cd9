"""A lone surrogate (a byte that was no UTF-8, as Python hands on a file name or argument)
reaching a store's write, in every store alike: refused, exit 2 (InputError), one line naming
the ledger and the field, and nothing of the batch written.

Every way in that plancli knows refuses such a text sooner (`texts.text_problem`: `record
--note`, import's cells and file names, JSON's `\\udcff`; a TOML ledger cannot hold one and a
SQLite ledger's bytes that are no UTF-8 are named on reading), so this is the stores' last
line. PostgreSQL had none: libpq's parameters were encoded on the way out and the
UnicodeEncodeError was an internal error (exit 70, a traceback).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ledgers import read_records as read_records_of
from plancli.errors import InputError
from plancli.model import Amendment, Record

AT = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
GOOD = Record(target="gdp", period="2022-Q2", value=Decimal("5.2"), recorded_at=AT, batch="b1")
BAD_NOTE = "bad\udcffname.csv"  # import's note of a file named in GBK, read on a UTF-8 system
REASON = "is not UTF-8 text: byte 0xff at character 4; set the terminal or script to UTF-8"


def _stored(ledger: Any) -> tuple[list[Record], list[Amendment]]:
    store = _store(ledger)
    return store.read(), store.amendments()


def _store(ledger: Any) -> Any:
    from ledgers import PgLedger

    if isinstance(ledger, PgLedger):
        return ledger.store()
    from plancli.locations import location_of
    from plancli.stores import open_store

    return open_store(location_of(Path(ledger)))


@pytest.mark.parametrize(
    "write",
    ["append", "append one of two", "amendment", "replace"],
)
def test_a_lone_surrogate_is_refused_by_every_store(
    tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Any], write: str
) -> None:
    ledger = ledger_at(tmp_path / f"work{ledger_suffix}")
    with _store(ledger).transaction() as session:
        session.append([GOOD])
    before = _stored(ledger)
    bad = GOOD.model_copy(update={"period": "2022-Q3", "note": BAD_NOTE, "batch": "b2"})
    other = GOOD.model_copy(update={"period": "2022-Q4", "batch": "b2"})
    store = _store(ledger)
    with pytest.raises(InputError) as caught, store.transaction() as session:
        if write == "append":
            session.append([bad])
        elif write == "append one of two":
            session.append([other, bad])
        elif write == "amendment":
            amendment = Amendment(
                target="gdp",
                period="2022-Q3",
                min=Decimal(5),
                note=BAD_NOTE,
                recorded_at=AT,
                batch="b2",
            )
            session.append_amendment(amendment)
        else:  # ledger convert: the whole ledger replaced
            session.replace([GOOD, bad], [])
    message = str(caught.value)
    assert "\n" not in message
    from ledgers import PgLedger

    shown = ledger.location().shown if isinstance(ledger, PgLedger) else str(ledger)
    assert message.startswith(f"{shown}: nothing written: ")
    assert message.endswith(f"nothing written: note {REASON}")
    assert _stored(ledger) == before


@pytest.mark.parametrize(
    "command",
    [
        ["record", "gdp", "6", "-p", "2022-Q3", "--note", BAD_NOTE],
        ["undo", "--yes", "--batch", "20220705T083000Z-\udcff"],
        ["history", "gdp\udcff"],
    ],
    ids=lambda c: c[0],
)
def test_a_lone_surrogate_argument_never_reaches_a_database_as_an_internal_error(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, mini_plan: Path, ledger_suffix: str, ledger_at, command: list[str]
) -> None:
    """A byte that is no UTF-8 in an argument (a script's variable, a terminal in GBK):
    exit 2 and one line, in every store, and the ledger left as it was; then a write goes
    through (no lock or transaction left behind)."""
    ledger = ledger_at(tmp_path / f"work{ledger_suffix}")
    args = ["--plan", str(mini_plan), "--ledger", str(ledger)]
    assert invoke(*args, "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    before = _stored(ledger)
    result = invoke(*args, *command)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr
    assert _stored(ledger) == before
    assert invoke(*args, "record", "gdp", "6", "-p", "2022-Q3").exit_code == 0


def test_an_import_of_a_file_named_in_another_encoding_reaches_no_store_as_text_not_utf8(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, mini_plan: Path, ledger_suffix: str, ledger_at
) -> None:
    """A CSV named in GBK on a UTF-8 system (`os.fsdecode`: the byte as a lone surrogate):
    its name goes into no record (shown escaped), so the import is written, in every store."""
    import os

    ledger = ledger_at(tmp_path / f"work{ledger_suffix}")
    source = tmp_path / os.fsdecode(b"\xb9\xa4\xd7\xf7.csv")
    source.write_text("target,period,value\ngdp,2022-Q2,5.2\n", encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "--ledger", str(ledger), "import", str(source))
    assert result.exit_code == 0, result.output  # the name is shown escaped, not stored
    assert "\\udcb9" in result.stderr and "Traceback" not in result.output
    [record] = read_records_of(ledger)
    assert (record.target, record.period, record.value) == ("gdp", "2022-Q2", Decimal("5.2"))
    assert (record.note, record.source) == (None, None)


@pytest.mark.parametrize("source", ["sqlite", "toml"])
def test_a_ledger_convert_carries_no_text_that_is_not_utf8_into_a_database(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, mini_plan: Path, pg_ledgers, source: str
) -> None:
    """`ledger convert` into PostgreSQL from a SQLite ledger whose note holds a byte that is
    no UTF-8 (edited by hand), or from a TOML ledger with `\\udcff` in a note (no valid TOML):
    the source is an invalid ledger (exit 3, one line naming it), the database untouched."""
    import sqlite3
    from contextlib import closing

    target = pg_ledgers.at(tmp_path / "to.progress@postgres")
    path = tmp_path / f"from.progress.{source}"
    args = ["--plan", str(mini_plan)]
    assert (
        invoke(*args, "--ledger", str(path), "record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    )
    if source == "sqlite":
        with closing(sqlite3.connect(path)) as db:
            db.execute("UPDATE records SET note = CAST(x'61ff62' AS TEXT)")
            db.commit()
    else:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('batch = "', 'note = "a\\udcffb"\nbatch = "'), "utf-8")
    result = invoke(*args, "ledger", "convert", str(path), str(target))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"error: {path}") and result.stderr.count("\n") == 1
    assert _stored(target) == ([], [])


def test_any_other_statement_with_such_a_text_is_refused_and_leaves_no_lock(
    tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Any]
) -> None:
    """A batch id that is no UTF-8 reaching `remove_batch` (the store's API: the command line
    refuses it sooner): refused in one line, the transaction rolled back, and the next write
    goes through at once (PostgreSQL: the plan's writers' lock was left held, and the next
    transaction of the process waited its 120 s and gave up)."""
    ledger = ledger_at(tmp_path / f"work{ledger_suffix}")
    with _store(ledger).transaction() as session:
        session.append([GOOD])
    store = _store(ledger)
    if ledger_suffix.endswith(".toml"):  # looked up in memory: no such batch, nothing written
        with store.transaction() as session:
            assert session.remove_batch("b\udcff") == []
    else:
        with pytest.raises(InputError) as caught, store.transaction() as session:
            session.remove_batch("b\udcff")
        assert "\n" not in str(caught.value)
        reason = REASON.replace("character 4", "character 2")
        assert str(caught.value).endswith(f"nothing written: a text to record {reason}")
    later = GOOD.model_copy(update={"period": "2022-Q3", "batch": "b3"})
    with store.transaction() as session:
        session.append([later])
    assert [(r.period, r.batch) for r in _stored(ledger)[0]] == [
        ("2022-Q2", "b1"),
        ("2022-Q3", "b3"),
    ]
