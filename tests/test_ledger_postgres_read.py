"""A PostgreSQL ledger read through libpq itself (issue 13): the same bytes as through psycopg
and as from SQLite, whatever the rows hold; a `record` in two messages to the server.

Read commands read a database ledger on libpq's own connection (`stores/postgres/libpq.py`),
many rows as a few texts the server writes (`bulk_sql`), and import no psycopg. psycopg stays
the way in where that libpq does not load (`find_libpq` says None): both must read alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger, PgLedgers
from plancli.errors import InputError
from plancli.ledger import Entry, record_entry
from plancli.plan import load_plan_file

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
MINI = str(FIXTURES / "mini.toml")

# Texts a bulk read must bring back as they are: its separators (tab, newline), its escape
# (backslash, and `\N`, its NULL), control characters, formula-like cells, Chinese.
HOSTILE = [
    "tab\there",
    "two\nlines",
    "back\\slash",
    "\\N",
    "\\\\N",
    "\\t not a tab",
    "cr\rlf\r\n",
    "=SUM(A1:A9)",
    "+1",
    "-2",
    "@cmd",
    "=cmd|' /C calc'!A0",
    "\x01\x1f\x1e\x7f\x08",
    "统计局，第二季度：增长",
    "",
    "  spaces  ",
    "\"quoted\" and 'single'",
    "$1 %s %(x)s %%",
    "👍 emoji",
]


def _without_libpq(monkeypatch: pytest.MonkeyPatch) -> None:
    from plancli.stores.postgres import connection

    monkeypatch.setattr(connection, "find_libpq", lambda: None)


def _hostile_ledger(ledger: PgLedger) -> None:
    """Rows written by hand (as SQL may write them): figures of many digits, negative, no
    amount; notes, sources, batches and targets of every hostile text; an amendment."""
    h, at = HOSTILE, "2022-07-20 08:00:00+00"
    rows: list[tuple[Any, ...]] = [
        ("gdp", "2021", "8.3", "1441.37", None, None, "2022-01-20 08:00:00+00", "b0"),
        ("gdp", "2022-Q1", "4.8", "123456789012.345", h[0], h[7],
         "2022-04-20 08:00:00.123456+00", "b1"),
        ("gdp", "2022-Q2", "-0.0000000001", None, h[1], None, at, "b\t2"),
        ("gdp", "2022-Q2", "-12.3456789012", "-99999.9999999999", h[2], h[3],
         "2022-07-21 09:30:15+00", "b3"),
        ("income", "2022-Q1", "-1.5", None, h[11], h[12], "2022-04-20 08:00:00+00", "b1"),
        ("income", "2022-Q2", "3.1234567890", "45678.9", h[13], "", at, "b4"),
        ("unemployment", "2022-06", "4.1234567890", None, h[14], h[15], at, "b4"),
        ("g5", "2022-03", "100", None, None, h[16], "2022-04-01 00:00:00+00", "b5"),
        ("g5", "2022-06", "250", None, h[17], h[18], "2022-07-01 00:00:00+00", "b6"),
        ("g5", "2022-06", "260", None, h[4], h[5], "2022-07-02 00:00:00+00", "b\\7"),
        ("invest_a", "2022-Q2", "999999999999999", "0.0000000001", h[6], h[8], at, "b8"),
        ("invest_b", "2022-H1", "-0.5", None, h[9], h[10], at, "b8"),
        ("centre", "2022-06", "55", None, None, None, at, "b9"),
        ("not\tin the\nplan\\", "2022-06", "1", None, h[7], None, at, "b9"),
        ('=HYPERLINK("x")', "2022-06", "2", None, None, None, at, "b9"),
    ]  # fmt: skip
    for target, period, value, amount, note, source, at, batch in rows:
        ledger.sql(
            "INSERT INTO plancli.records (plan_id, target, period, value, amount, note, source, "
            "recorded_at, batch, recorded_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (ledger.plan_id, target, period, Decimal(value), amount and Decimal(amount), note,
             source, at, batch, "统计局的用户"),
        )  # fmt: skip
    ledger.sql(
        "INSERT INTO plancli.amendments (plan_id, after_records, target, period, min, max, "
        "around, tolerance, stretch, note, recorded_at, batch, recorded_by) VALUES "
        "(%s, 3, 'gdp', '2022-Q2', 6.5, NULL, NULL, NULL, 7.25, %s, '2022-07-01 00:00:00+00', "
        "%s, NULL)",
        (ledger.plan_id, HOSTILE[1] + HOSTILE[2] + HOSTILE[13], "a\t1"),
    )


def _outputs(invoke: Any, ledger: str, commands: list[list[str]]) -> list[str]:
    outputs = []
    for command in commands:
        result = invoke("--plan", MINI, "--ledger", ledger, *command)
        assert result.exit_code == 0, (command, result.stderr, result.exception)
        outputs.append(result.stdout)
    return outputs


def _without_writers(document: Any) -> Any:
    """A JSON document without what differs between stores: the ledger's name, and the
    writers (`recorded_by`: a SQLite ledger keeps none)."""
    if isinstance(document, dict):
        return {
            key: _without_writers(value)
            for key, value in document.items()
            if key not in ("ledger", "recorded_by")
        }
    if isinstance(document, list):
        return [_without_writers(value) for value in document]
    return document


READS = [
    ["gap", "--json"],
    ["gap", "--json", "--as-of", "2022-03"],
    ["status", "--json"],
    ["history", "--json"],
    ["show", "gdp", "--json"],
]


def test_libpq_psycopg_and_sqlite_read_hostile_rows_alike(
    invoke, pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ledger = pg_ledgers.at(tmp_path / "ledger")
    _hostile_ledger(ledger)
    libpq = _outputs(invoke, ledger.url, READS)
    with monkeypatch.context() as patched:
        _without_libpq(patched)
        through_psycopg = _outputs(invoke, ledger.url, READS)
    assert libpq == through_psycopg
    sqlite = tmp_path / "copy.sqlite"
    copied = invoke("--plan", MINI, "ledger", "convert", ledger.url, str(sqlite))
    assert copied.exit_code == 0, copied.stderr
    from_file = _outputs(invoke, str(sqlite), READS)
    for command, ours, theirs in zip(READS, libpq, from_file, strict=True):
        if command[0] in ("history", "show"):  # a SQLite ledger keeps no writer
            assert _without_writers(json.loads(ours)) == _without_writers(json.loads(theirs))
        else:  # the same bytes but the ledger's name (`status --json`'s "ledger")
            assert ours.replace(ledger.url, "LEDGER") == theirs.replace(str(sqlite), "LEDGER")
    # What the rows held, read back: not a test of equal mistakes.
    history = json.loads(libpq[3])
    notes = [record.get("note") for record in history["records"]]
    assert notes[1:4] == [HOSTILE[0], HOSTILE[1], HOSTILE[2]]
    assert HOSTILE[13] in notes and HOSTILE[14] in notes and HOSTILE[4] in notes
    targets = {record["target"] for record in history["records"]}
    assert {"not\tin the\nplan\\", '=HYPERLINK("x")'} <= targets
    assert [r["batch"] for r in history["records"]][2] == "b\t2"
    amendment = history["amendments"][0]
    assert amendment["note"] == HOSTILE[1] + HOSTILE[2] + HOSTILE[13]
    assert amendment.get("recorded_by") is None
    assert history["records"][0]["recorded_by"] == "统计局的用户"
    gap = {row["id"]: row for row in json.loads(libpq[0])["targets"]}
    assert (gap["gdp"]["actual"], gap["gdp"]["amount"]) == (-12.3456789012, -99999.9999999999)
    assert gap["gdp"]["amendment_note"] == HOSTILE[1] + HOSTILE[2] + HOSTILE[13]
    assert gap["invest_a"]["actual"] == 999999999999999 and gap["invest_b"]["actual"] == -0.5
    assert gap["g5"]["actual"] == 260 and gap["income"]["amount"] == 45678.9


def test_a_read_command_imports_no_psycopg(pg_ledgers: PgLedgers, tmp_path: Path) -> None:
    ledger = pg_ledgers.at(tmp_path / "ledger")
    _hostile_ledger(ledger)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", "COLUMNS": "200"}
    for command in (["gap", "--json"], ["status"], ["history", "--json"]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "plancli", "--plan", MINI,
             "--ledger", ledger.url, *command],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        imported = {
            line.split("|")[-1].strip()
            for line in done.stderr.splitlines()
            if "import time:" in line
        }
        assert "plancli.stores.postgres.libpq" in imported
        assert not {m for m in imported if m.split(".")[0] == "psycopg"}, command


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(
        # A database text holds neither NUL nor a lone surrogate (no UTF-8 for it): every text
        # a ledger is given is refused with them before it reaches a store.
        st.one_of(
            st.none(),
            st.text(
                st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                max_size=12,
            ),
        ),
        min_size=0,
        max_size=8,
    ),
    numbers=st.lists(
        st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=4)),
        min_size=0,
        max_size=8,
    ),
)
def test_a_bulk_read_gives_what_psycopg_gives(
    pg_ledgers: PgLedgers, tmp_path: Path, texts: list[str | None], numbers: list[Any]
) -> None:
    import psycopg

    from plancli.stores.postgres import bulk
    from plancli.stores.postgres.libpq import LibpqConnection, find_libpq, number_array, text_array

    ledger = pg_ledgers.at(tmp_path / "ledger")
    library = find_libpq()
    assert library is not None
    size = max(len(texts), len(numbers))
    select = (
        "SELECT n AS seq, t, x, now() AS at FROM unnest(%(t)s::text[], %(x)s::numeric[]) "
        "WITH ORDINALITY AS u(t, x, n) ORDER BY n"
    )
    params = {"t": text_array(texts + [None] * (size - len(texts))),
              "x": number_array(numbers + [None] * (size - len(numbers)))}  # fmt: skip
    columns = (("seq", "int"), ("t", "text"), ("x", "numeric"), ("at", "timestamptz"))
    light = LibpqConnection.connect(library, ledger.url, {"options": "-c TimeZone=UTC"})
    try:
        light.execute("BEGIN")
        read = bulk.read(light, select, params, columns)
        with patch.object(bulk, "_BULK_CHUNK", 3):  # texts of three rows, kept in order
            assert bulk.read(light, select, params, columns) == read
        one_by_one = light.execute(select, params).fetchall()
        light.execute("COMMIT")
    finally:
        light.close()
    with psycopg.connect(ledger.url, options="-c TimeZone=UTC") as connection:
        reference = connection.execute(select, params).fetchall()
    assert (
        [row[:3] for row in read]
        == [row[:3] for row in reference]
        == [row[:3] for row in one_by_one]
    )
    assert [row[1] for row in read] == texts + [None] * (size - len(texts))
    assert all(row[3] == read[0][3] for row in read)  # one transaction's now()


def test_literals_sent_in_one_message_are_the_values(pg_ledgers: PgLedgers, tmp_path: Path) -> None:
    from plancli.stores.postgres.libpq import LibpqConnection, LibpqError, find_libpq

    ledger = pg_ledgers.at(tmp_path / "ledger")
    library = find_libpq()
    assert library is not None
    light = LibpqConnection.connect(library, ledger.url, {})
    try:
        results = light.execute_all(
            [
                ("SELECT %s, %s, %s", (HOSTILE[17], HOSTILE[2], None)),
                ("SELECT %(a)s, %(b)s::numeric, %(a)s", {"a": "it's \\ '", "b": Decimal("-1.5")}),
                ("SELECT %s::text[]", (["a,b", '"', None, "\\"],)),
            ]
        )
        assert [r.fetchall() for r in results] == [
            [(HOSTILE[17], HOSTILE[2], None)],
            [("it's \\ '", Decimal("-1.5"), "it's \\ '")],
            [('{"a,b","\\"",NULL,"\\\\"}',)],
        ]
        with pytest.raises(LibpqError) as failed:
            light.execute_all([("SELECT 1", None), ("SELECT 1/0", None), ("SELECT 2", None)])
        assert failed.value.failed == 1 and failed.value.sqlstate == "22012"
    finally:
        light.close()


def test_a_message_sent_and_its_results_read_later_are_execute_alls(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    """`send_all` then `results` (the process works between them, the server selects): the
    same rows, and the same error at the same statement, as `execute_all`."""
    from plancli.stores.postgres.libpq import LibpqConnection, LibpqError, find_libpq

    ledger = pg_ledgers.at(tmp_path / "ledger")
    library = find_libpq()
    assert library is not None
    light = LibpqConnection.connect(library, ledger.url, {})
    statements = [
        ("SELECT %s, %s::numeric", (HOSTILE[17], Decimal("-1.5"))),
        ("SELECT n FROM generate_series(1, 3) AS n", None),
    ]
    try:
        light.send_all(statements)
        sent = [r.fetchall() for r in light.results(len(statements))]
        assert sent == [r.fetchall() for r in light.execute_all(statements)]
        assert sent == [[(HOSTILE[17], Decimal("-1.5"))], [(1,), (2,), (3,)]]
        light.send_all([("SELECT 1", None), ("SELECT 1/0", None), ("SELECT 2", None)])
        with pytest.raises(LibpqError) as failed:
            light.results(3)
        assert failed.value.failed == 1 and failed.value.sqlstate == "22012"
        assert light.execute("SELECT 3").fetchall() == [(3,)]  # ready for the next
    finally:
        light.close()


def test_a_record_is_two_messages_to_the_server(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BEGIN, the probe, the plan's lock and the target's figures in one message; the insert
    and COMMIT in another (issue 13: `record` within 50 ms of SQLite's). The plan's targets
    are built after the first is sent and before its results are read: while the server
    runs it."""
    from plancli.stores.postgres.libpq import LibpqConnection

    ledger = pg_ledgers.at(tmp_path / "ledger")
    plan = load_plan_file(FIXTURES / "mini.toml")
    record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.1"))
    sent: list[str] = []
    for name in ("execute", "execute_all", "send_all", "results"):
        method = getattr(LibpqConnection, name)

        def counted(self: Any, *args: Any, _method: Any = method, _name: str = name) -> Any:
            sent.append(_name)
            return _method(self, *args)

        monkeypatch.setattr(LibpqConnection, name, counted)
    target = type(plan).target
    monkeypatch.setattr(
        type(plan), "target", lambda *args: (sent.append("targets built"), target(*args))[1]
    )
    change = record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.3", note="二"))
    # execute_all is send_all and results: two messages in all (the target is found again by
    # the check, after the results).
    assert sent[:3] == ["send_all", "targets built", "results"]
    assert [s for s in sent[3:] if s != "targets built"] == ["execute_all", "send_all", "results"]
    assert change.previous is not None and change.previous.value == Decimal("5.1")
    assert ledger.sql("SELECT value, note FROM plancli.records ORDER BY seq") == [
        (Decimal("5.1"), None),
        (Decimal("5.3"), "二"),
    ]


def test_a_record_stopped_while_its_first_message_runs_writes_nothing(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped while the server runs the first message (the plan's targets being built): its
    results are read and dropped, the transaction rolled back, the lock let go; an unknown
    target is refused as before, after the read."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    plan = load_plan_file(FIXTURES / "mini.toml")
    record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.1"))

    def stopped(*_: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(type(plan), "target", stopped)
        with pytest.raises(KeyboardInterrupt):
            record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.2"))
    with pytest.raises(InputError, match="gpd"):
        record_entry(ledger.store(), plan, Entry("gpd", "2022-Q1", "5.2"))
    record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.3"))  # not locked out
    assert ledger.sql("SELECT value FROM plancli.records ORDER BY seq") == [
        (Decimal("5.1"),),
        (Decimal("5.3"),),
    ]


def test_gap_reads_in_three_messages(
    invoke, pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """BEGIN and the probe; the settings (three), the figures judged and the amendments;
    COMMIT."""
    from plancli.stores.postgres.libpq import LibpqConnection

    ledger = pg_ledgers.at(tmp_path / "ledger")
    _hostile_ledger(ledger)
    sent: list[int] = []
    execute_all, execute = LibpqConnection.execute_all, LibpqConnection.execute

    def counted_all(self: Any, statements: Any) -> Any:
        sent.append(len(statements))
        return execute_all(self, statements)

    def counted(self: Any, sql: str, params: Any = None) -> Any:
        sent.append(1)
        return execute(self, sql, params)

    monkeypatch.setattr(LibpqConnection, "execute_all", counted_all)
    monkeypatch.setattr(LibpqConnection, "execute", counted)
    result = invoke("--plan", MINI, "--ledger", ledger.url, "gap", "--json")
    assert result.exit_code == 0, result.stderr
    assert sent == [2, 5, 1]
    assert json.loads(result.stdout)["counts"]["behind"] == 2


def test_an_insert_the_server_refuses_with_commit_wrote_nothing_and_says_so(
    invoke, pg_ledgers: PgLedgers, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The insert and COMMIT go in one message: a failure of the insert (here a trigger
    raising a connection-class error) is "nothing written", not "may have been written"."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    ledger.sql(
        "CREATE FUNCTION plancli.no_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'inserts stopped' USING ERRCODE = '57P01'; END $$"
    )
    ledger.sql(
        "CREATE TRIGGER no_insert BEFORE INSERT ON plancli.records "
        "FOR EACH ROW EXECUTE FUNCTION plancli.no_insert()"
    )
    try:
        result = invoke(
            "--plan", MINI, "--ledger", ledger.url, "record", "gdp", "5", "-p", "2022-Q1"
        )
        assert result.exit_code == 4, result.stderr
        assert "inserts stopped" in result.stderr
        assert "nothing of this batch was written" in result.stderr
        assert "may or may not" not in result.stderr
    finally:
        ledger.sql("DROP TRIGGER no_insert ON plancli.records")
        ledger.sql("DROP FUNCTION plancli.no_insert()")
    assert ledger.sql("SELECT count(*) FROM plancli.records") == [(0,)]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("NaN", "is not a finite number"),
        ("2000000000000000", "is too large"),
        ("1.12345678901", "more than 10 decimal places"),
        ("1234567890.123456", "more than 15 significant digits"),
    ],
)
def test_a_figure_the_domain_no_longer_refuses_is_refused_when_read(
    invoke, pg_ledgers: PgLedgers, tmp_path: Path, value: str, problem: str
) -> None:  # type: ignore[no-untyped-def]
    """The domain `figure` refuses these; with its check dropped by hand, `gap` (whose figures
    are checked in bulk) and `status` say which record is wrong, as a file's reader does."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    _hostile_ledger(ledger)
    with ledger.figure_check_dropped():
        ledger.sql(
            "INSERT INTO plancli.records (plan_id, target, period, value, amount, recorded_at, "
            "batch) VALUES (%s, 'g5', '2022-09', 7, %s::numeric, now(), 'bad')",
            (ledger.plan_id, value),
        )
        for command in (["gap", "--json"], ["status"]):
            result = invoke("--plan", MINI, "--ledger", ledger.url, *command)
            assert result.exit_code == 3, (command, result.stderr)
            assert "(g5 2022-09)" in result.stderr and problem in result.stderr
