"""Durability: concurrent writers lose nothing, a crash leaves the old file, a corrupt ledger
is reported and never overwritten, a held lock times out cleanly. Every test runs on the TOML
and the SQLite store (`file_ledger_suffix`); where the mechanism differs (a temp file and a
rename, or a transaction), the test says so. The PostgreSQL store's counterparts (a server
stopped mid-import, 200 concurrent writers) are in tests/test_ledger_postgres.py."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from forked import Forked
from ledgers import start_ledger
from plancli.errors import InputError, LedgerFileError
from plancli.ledger import Entry, record_entry
from plancli.locations import LedgerLocation
from plancli.plan import load_plan_file
from plancli.stores import open_store, read_records
from plancli.stores.base import CRASH_HOOK, LedgerBusyError
from plancli.stores.toml import exclusive_lock

WRITERS = 30


def plancli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A real `python -m plancli` process (not CliRunner: locks must cross processes)."""
    return subprocess.Popen(
        [sys.executable, "-m", "plancli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def test_concurrent_writers_lose_nothing(
    mini_plan: Path, tmp_path: Path, file_ledger_suffix: str
) -> None:
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    where = ["--plan", str(mini_plan), "--ledger", str(ledger)]
    june = tmp_path / "june.csv"
    june.write_text(
        "target,period,value\n" + "".join(f"invest_a,2022-{m:02d},{m}\n" for m in range(1, 6)),
        encoding="utf-8",
    )
    commands = [
        [*where, "record", "g5", str(n), "--period", "2022-06"] for n in range(1, WRITERS + 1)
    ]
    commands.insert(WRITERS // 2, [*where, "import", str(june)])
    writers = [Forked(args, tmp_path / f"err{n}") for n, args in enumerate(commands)]
    for writer in writers:
        code, err = writer.wait(timeout=120)
        assert code == 0, err
    records = read_records(ledger)
    g5 = [r for r in records if r.target == "g5"]
    assert sorted(int(r.value) for r in g5) == list(range(1, WRITERS + 1))
    assert sorted(int(r.value) for r in records if r.target == "invest_a") == [1, 2, 3, 4, 5]
    assert len({r.batch for r in records}) == WRITERS + 1  # one per command, one per import
    assert not list(tmp_path.glob(".mini.progress.toml.*.tmp"))


def test_a_writer_killed_before_the_rename_leaves_the_old_file(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    file_ledger_suffix: str,
) -> None:
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    where = ["--plan", str(mini_plan), "--ledger", str(ledger)]
    # The writers before and after the crash run in-process (a record as any other test's);
    # the one killed is a real process, which dies holding the lock mid-write.
    assert invoke(*where, "record", "g5", "120", "--period", "2022-05").exit_code == 0
    before = ledger.read_bytes()
    # TOML: os._exit(9) between the temp write and the rename. SQLite: os._exit(9) with the
    # INSERT done and the COMMIT not, the `kill -9` mid-transaction SQLite must survive.
    crashing = plancli(*where, "record", "g5", "150", "--period", "2022-06", env={CRASH_HOOK: "1"})
    assert crashing.wait(timeout=60) == 9
    assert [r.value for r in read_records(ledger)] == [120]
    if file_ledger_suffix.endswith(".toml"):
        assert ledger.read_bytes() == before
        [leftover] = list(ledger.parent.glob(".mini.progress.toml.*.tmp"))  # the torn-off write
    # The next writer takes the lock, ignores (TOML: removes) the leftover, and records.
    after = invoke(*where, "record", "g5", "150", "--period", "2022-06")
    assert after.exit_code == 0, after.stderr
    assert [r.value for r in read_records(ledger)] == [120, 150]
    if file_ledger_suffix.endswith(".toml"):
        assert not leftover.exists()


CORRUPT = 'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\nvalue = 15 0\n'


@pytest.mark.parametrize(
    "args",
    [
        ["record", "g5", "150", "--period", "2022-06"],
        ["import", "-"],
        ["undo", "--yes"],
        ["history"],
        ["history", "g5", "--json"],
    ],
)
def test_a_corrupt_ledger_exits_3_and_stays_byte_for_byte(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    args: list[str],
    file_ledger_suffix: str,
) -> None:
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    ledger.write_text(CORRUPT, encoding="utf-8")
    before = ledger.read_bytes()
    result = invoke(
        "--plan",
        str(mini_plan),
        "--ledger",
        str(ledger),
        *args,
        input="target,period,value\ng5,2022-06,150\n",
    )
    assert result.exit_code == 3
    if file_ledger_suffix.endswith(".toml"):
        assert result.stderr.startswith(f"error: {ledger}:6:")
        assert "invalid TOML" in result.stderr
    else:
        assert result.stderr.startswith(f"error: {ledger}: not a SQLite database")
    assert result.stdout == ""
    assert ledger.read_bytes() == before
    assert not list(ledger.parent.glob(".mini.progress.toml.*.tmp"))


@pytest.mark.parametrize(
    "args",
    [
        ["record", "g5", "150", "--period", "2022-06"],
        ["import", "-"],
        ["undo", "--yes"],
        ["gap", "--fail-on", "behind"],
        ["status"],
        ["history", "--json"],
    ],
)
def test_an_empty_ledger_file_is_a_broken_ledger_not_a_new_one(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    args: list[str],
    file_ledger_suffix: str,
) -> None:
    """A ledger cut to 0 bytes (a failed copy or sync) read as a ledger with no figures: every
    target "no data", `gap --fail-on` green, and the next write replaced what was lost.
    plancli never writes an empty ledger, so an empty file is refused like a corrupt one."""
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    ledger.write_bytes(b"")
    # The TOML one is the plan's default ledger, found beside it; the SQLite one is named.
    named = [] if file_ledger_suffix.endswith(".toml") else ["--ledger", str(ledger)]
    rows = "target,period,value\ng5,2022-06,150\n"
    result = invoke("--plan", str(mini_plan), *named, *args, input=rows)
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: {ledger}: the file is empty (a copy cut short?), and plancli never writes an "
        "empty ledger; restore it, or delete it to start a new ledger\n"
    )
    assert result.stdout == ""
    assert ledger.read_bytes() == b""
    zh = invoke("--lang", "zh", "--plan", str(mini_plan), *named, *args, input=rows)
    assert zh.exit_code == 3 and zh.stderr.startswith(f"错误：{ledger}：") and "空" in zh.stderr


_TOML_COMMANDS = [
    ["record", "g5", "150", "--period", "2022-06"],
    ["undo", "--yes"],
    ["gap", "--fail-on", "behind"],
    ["status"],
    ["history", "--json"],
]


@pytest.mark.parametrize("args", _TOML_COMMANDS)
@pytest.mark.parametrize("text", [b"\xef\xbb\xbf", b"\n\n", b" \t\r\n", b"\xef\xbb\xbf\r\n"])
def test_a_toml_ledger_of_blank_lines_or_a_bom_alone_is_an_empty_one(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    args: list[str],
    text: bytes,
) -> None:
    """Nothing but a BOM or blank lines is as empty as 0 bytes (an editor's save of an empty
    file, a sync that wrote its first bytes): refused by every command, left as it is."""
    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.write_bytes(text)
    result = invoke("--plan", str(mini_plan), *args)
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"error: {ledger}: the file is empty (a copy cut short?)")
    assert ledger.read_bytes() == text


@pytest.mark.parametrize("args", _TOML_COMMANDS)
def test_a_toml_ledger_cut_after_plancli_s_opening_comment_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    args: list[str],
) -> None:
    """plancli writes `version = 1` right after its opening comment, so a file holding the
    comment alone is a copy cut short; it read as a ledger with no figures, and the next
    write replaced what was lost."""
    from plancli.stores.toml import _HEADER

    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.write_text(_HEADER[: _HEADER.index("\n", 100) + 1], encoding="utf-8")
    before = ledger.read_bytes()
    result = invoke("--plan", str(mini_plan), *args)
    assert result.exit_code == 3, result.output
    assert result.stderr == (
        f"error: {ledger}: the file holds plancli's opening comment and nothing after it, not "
        "even `version = 1` (a copy cut short?); restore it, or delete it to start a new ledger\n"
    )
    assert ledger.read_bytes() == before


def test_a_toml_ledger_of_someone_s_comments_is_a_ledger_with_no_figures(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
) -> None:
    """Comments typed into a new ledger file are no damage (nothing in such a file was
    lost, and TOML reads it as an empty document): no figures yet, and the first write
    gives the file `version = 1` and its record."""
    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.write_bytes("\ufeff# 2022年进度台账\n\n# 数据来自统计局月报\n".encode())
    history = invoke("--plan", str(mini_plan), "history", "--json")
    assert history.exit_code == 0, history.output
    status = invoke("--plan", str(mini_plan), "gap", "--json")
    assert status.exit_code == 0, status.output
    record = invoke("--plan", str(mini_plan), "record", "g5", "150", "--period", "2022-06")
    assert record.exit_code == 0, record.output
    assert [r.value for r in read_records(ledger)] == [150]
    assert "version = 1" in ledger.read_text(encoding="utf-8")


def test_a_new_sqlite_ledger_is_never_an_empty_file(mini_plan: Path, tmp_path: Path) -> None:
    """SQLite created the file empty and filled it in the first write's transaction, so a
    reader in between, or the file a refused first write left, looked like a ledger cut to
    0 bytes. The schema is now written aside and linked into place whole."""
    ledger = tmp_path / "new.progress.sqlite"
    store = open_store(LedgerLocation(ledger, "option"))
    with pytest.raises(RuntimeError), store.transaction():
        assert ledger.stat().st_size > 0  # already whole while the first write runs
        raise RuntimeError("a refused first write")
    assert ledger.stat().st_size > 0
    assert read_records(ledger) == []  # an empty ledger, not a broken one
    assert not list(tmp_path.glob(".new.progress.sqlite.*"))  # no temp file left behind
    plan = load_plan_file(mini_plan)
    record_entry(store, plan, Entry("g5", "2022-06", "1"))
    assert [r.value for r in read_records(ledger)] == [1]


_STOPPED_MID_CREATION = """
import os, sys, time
from pathlib import Path
from plancli.stores import sqlite_db

def link(source, target):  # the schema is written in the temp: stop before linking it
    Path(sys.argv[2]).write_text("ready")
    time.sleep(600)

os.link = link
sqlite_db.create_ledger_file(Path(sys.argv[1]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows keeps such temps")
def test_a_first_writer_killed_mid_creation_leaves_a_temp_the_next_writer_removes(
    mini_plan: Path, tmp_path: Path
) -> None:
    """A first writer SIGKILLed while creating a new SQLite ledger left `.NAME.<pid>.<ns>.new`
    beside it for good. The next write removes it once its process is gone (and it is a
    minute old: a writer on another host sharing the folder is not seen by its pid), and
    never the temp of a process still running."""
    ledger = tmp_path / "new.progress.sqlite"
    ready = tmp_path / "ready"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", _STOPPED_MID_CREATION, str(ledger), str(ready)], env=env
    )
    try:
        for _wait in range(600):
            if ready.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), "the child never reached the link"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    (left,) = tmp_path.glob(".new.progress.sqlite.*.new")
    assert left.name.startswith(f".new.progress.sqlite.{child.pid}.")
    assert not ledger.exists()
    # a live process's temp (this one's), as old: never removed
    alive = tmp_path / f".new.progress.sqlite.{os.getpid()}.1.new"
    alive.write_bytes(b"")
    fresh = tmp_path / ".new.progress.sqlite.999999999.2.new"  # no such pid, but just written
    fresh.write_bytes(b"")
    old = time.time() - 120
    for path in (left, alive):
        os.utime(path, (old, old))
    store = open_store(LedgerLocation(ledger, "option"))
    record_entry(store, load_plan_file(mini_plan), Entry("g5", "2022-06", "1"))
    assert [r.value for r in read_records(ledger)] == [1]
    assert not left.exists()
    assert alive.exists() and fresh.exists()


def test_an_invalid_record_exits_3_naming_record_and_field(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.write_text(
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\nvalue = 1\n'
        "recorded_at = 2022-07-05T08:30:00Z\n",
        encoding="utf-8",
    )
    before = ledger.read_bytes()
    result = invoke("--plan", str(mini_plan), "record", "g5", "2", "--period", "2022-07")
    assert result.exit_code == 3
    assert result.stderr == f"error: {ledger}:3: record 1 (g5 2022-06): batch: missing\n"
    assert ledger.read_bytes() == before


@contextmanager
def another_writer(ledger: Path) -> Iterator[None]:
    """Hold the ledger's write lock as another plancli would: TOML's flock, SQLite's
    IMMEDIATE transaction."""
    if ledger.suffix == ".toml":
        with exclusive_lock(ledger.with_name(ledger.name + ".lock")):
            yield
        return
    with closing(sqlite3.connect(ledger, isolation_level=None)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")


def test_a_held_lock_times_out_without_writing(mini_plan: Path, file_ledger_suffix: str) -> None:
    plan = load_plan_file(mini_plan)
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    store = open_store(LedgerLocation(ledger, "option"))
    store.lock_timeout = 0.2  # type: ignore[attr-defined]
    record_entry(store, plan, Entry("g5", "2022-05", "120"))
    before = ledger.read_bytes()
    with (
        another_writer(ledger),
        pytest.raises(LedgerBusyError, match="held the ledger's lock"),
    ):
        record_entry(store, plan, Entry("g5", "2022-06", "150"))
    assert ledger.read_bytes() == before
    assert isinstance(LedgerBusyError("x"), LedgerFileError)


def test_writes_keep_permissions_and_symlinks_within_the_folder(
    mini_plan: Path, tmp_path: Path, file_ledger_suffix: str
) -> None:
    """A link to a ledger in its own folder is written through and stays a link; a link to
    another folder is read, but refused for writing (issue 14: plancli creates its lock and
    temp files only in the folder it is given), naming the real path to use instead."""
    plan = load_plan_file(mini_plan)
    real = tmp_path / ("mini-v2" + file_ledger_suffix)
    link = tmp_path / ("link" + file_ledger_suffix)
    store = open_store(LedgerLocation(link, "option"))
    start_ledger(real)
    real.chmod(0o640)
    link.symlink_to(real.name)  # relative, as `ln -s mini-v2.progress.toml link…` makes it
    record_entry(store, plan, Entry("g5", "2022-06", "150"))
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [r.value for r in read_records(link)] == [150]

    shared = tmp_path / "shared"
    shared.mkdir()
    far = shared / real.name
    real.rename(far)
    before = sorted(shared.iterdir())
    far_link = tmp_path / ("far" + file_ledger_suffix)
    far_link.symlink_to(far)
    assert [r.value for r in read_records(far_link)] == [150]  # reading follows it
    with pytest.raises(InputError, match=f"symbolic link to {far}, in another folder.*use {far}"):
        record_entry(
            open_store(LedgerLocation(far_link, "option")), plan, Entry("g5", "2022-07", "160")
        )
    assert sorted(shared.iterdir()) == before  # no lock, no temp file beside the target
    assert [r.value for r in read_records(far)] == [150]


def test_the_ledger_folder_is_created_on_first_write(
    mini_plan: Path, tmp_path: Path, file_ledger_suffix: str
) -> None:
    plan = load_plan_file(mini_plan)
    ledger = tmp_path / "app" / "dir" / ("x" + file_ledger_suffix)
    record_entry(open_store(LedgerLocation(ledger, "app-dir")), plan, Entry("g5", "2022-06", "1"))
    assert len(read_records(ledger)) == 1


def test_a_first_writer_committing_mid_check_is_not_a_foreign_database(tmp_path: Path) -> None:
    """CI caught this race (30 writers on a new SQLite ledger): the schema check read the mark,
    the version and the tables in separate statements, so a first writer committing between
    them showed an unmarked database with tables, refused as another program's. Here the
    other writer commits just before the check's second statement, if it has one."""
    from plancli.stores import sqlite_db as ledger_sqlite

    ledger = tmp_path / "new.progress.sqlite"
    # A blank database, as SQLite creates one: plancli's first writer links a whole ledger
    # into place, but where hard links are missing it lets SQLite create the file.
    sqlite3.connect(ledger).close()
    statements: list[str] = []

    def first_writer_commits() -> None:
        with closing(sqlite3.connect(ledger, isolation_level=None)) as first:
            first.execute("BEGIN IMMEDIATE")
            ledger_sqlite._create_schema(
                first, ledger_sqlite._SCHEMA + ledger_sqlite._AMENDMENTS_SCHEMA
            )
            first.execute("COMMIT")

    def on_statement(sql: str) -> None:
        if not sql.startswith("--"):  # "-- PRAGMA …": a part of the statement being run
            statements.append(sql)
            if len(statements) == 2:
                first_writer_commits()

    with closing(sqlite3.connect(ledger, isolation_level=None)) as checking:
        checking.set_trace_callback(on_statement)
        version = ledger_sqlite._check_schema(checking, ledger)
        checking.set_trace_callback(None)
        assert version in (0, ledger_sqlite.SCHEMA_VERSION)  # one state, before or after
        if len(statements) < 2:
            first_writer_commits()
        assert ledger_sqlite._check_schema(checking, ledger) == ledger_sqlite.SCHEMA_VERSION
