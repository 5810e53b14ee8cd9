"""Read-only places and busy ledgers (issue 14, item 9).

A ledger in a folder plancli may not write must still be readable: SQLite's readers want to
create a `-shm` index beside a WAL database, and failed with "attempt to write a readonly
database". The tests make the folder read-only with chmod. They run as root here, and root
ignores permissions, so plancli then runs in a child process under `setpriv --bounding-set=-all`:
root without any capability (no CAP_DAC_OVERRIDE), to which a 0555 folder is as read-only as to
any user. Run as a normal user, chmod alone does it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from plancli.ledger import Entry, record_entry
from plancli.locations import LedgerLocation
from plancli.plan import load_plan_file
from plancli.stores import open_store
from plancli.stores import toml as toml_store
from plancli.stores.base import LedgerBusyError
from plancli.stores.toml import exclusive_lock

JUNE = "target,period,value\ng5,2022-05,95\ng5,2022-06,120\ninvest_a,2022-06,3\n"

SETPRIV = shutil.which("setpriv")
AS_ROOT = os.geteuid() == 0
needs_a_way_to_drop_root = pytest.mark.skipif(
    AS_ROOT and SETPRIV is None, reason="as root, read-only folders need setpriv to drop caps"
)


def without_write_access(*args: str) -> subprocess.CompletedProcess[str]:
    """plancli in a child process to which read-only permissions apply, even as root."""
    prefix = [SETPRIV, "--bounding-set=-all"] if AS_ROOT and SETPRIV else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "plancli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "share"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)  # let pytest clean up


def filled(invoke, plan: Path, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    figures = plan.with_name("june.csv")
    figures.write_text(JUNE, encoding="utf-8")
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "import", str(figures))
    assert result.exit_code == 0, result.output


@needs_a_way_to_drop_root
def test_the_child_process_really_cannot_write(read_only_folder: Path) -> None:
    """The premise of the tests below: the folder is read-only for the child process."""
    read_only_folder.chmod(0o555)
    prefix = [SETPRIV, "--bounding-set=-all"] if AS_ROOT and SETPRIV else []
    probe = "import sys; open(sys.argv[1], 'w')"
    attempt = subprocess.run(
        [*prefix, sys.executable, "-c", probe, str(read_only_folder / "x")],
        capture_output=True,
        text=True,
    )
    assert "PermissionError" in attempt.stderr


@needs_a_way_to_drop_root
@pytest.mark.parametrize("suffix", [".sqlite", ".progress.toml"])
def test_a_ledger_in_a_read_only_folder_can_be_read(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    read_only_folder: Path,
    suffix: str,
) -> None:
    ledger = read_only_folder / f"mini{suffix}"
    filled(invoke, mini_plan, ledger)
    before = sorted(read_only_folder.iterdir())
    read_only_folder.chmod(0o555)
    where = ["--plan", str(mini_plan), "--ledger", str(ledger)]
    history = without_write_access(*where, "history", "--json")
    assert history.returncode == 0, history.stderr
    assert [r["value"] for r in json.loads(history.stdout)["records"]] == [95, 120, 3]
    gap = without_write_access(*where, "gap", "--json")
    assert gap.returncode == 0, gap.stderr
    g5 = next(t for t in json.loads(gap.stdout)["targets"] if t["id"] == "g5")
    assert g5["actual"] == 120
    assert sorted(read_only_folder.iterdir()) == before


@needs_a_way_to_drop_root
def test_changes_still_in_the_write_ahead_log_are_read(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    read_only_folder: Path,
) -> None:
    """A writer holds the database open (its -wal and -shm exist): the read sees its figures."""
    ledger = read_only_folder / "mini.sqlite"
    filled(invoke, mini_plan, ledger)
    with closing(sqlite3.connect(ledger, isolation_level=None)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE records SET value = '130' WHERE value = '120'")
        read_only_folder.chmod(0o555)
        result = without_write_access(
            "--plan", str(mini_plan), "--ledger", str(ledger), "history", "g5", "--json"
        )
        assert result.returncode == 0, result.stderr
        assert [r["value"] for r in json.loads(result.stdout)["records"]] == [95, 130]


@needs_a_way_to_drop_root
def test_a_write_ahead_log_that_cannot_be_read_is_named(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    read_only_folder: Path,
) -> None:
    """A `-wal` holding changes without its `-shm` (a crashed writer, a copy made without it)
    cannot be read from a read-only folder: refused, not read as if the changes were not
    there."""
    ledger = read_only_folder / "mini.sqlite"
    filled(invoke, mini_plan, ledger)
    crash = (
        "import os, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "db.execute(\"UPDATE records SET value = '130' WHERE value = '120'\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(ledger)], check=True)
    ledger.with_name("mini.sqlite-shm").unlink()
    assert ledger.with_name("mini.sqlite-wal").stat().st_size > 0
    read_only_folder.chmod(0o555)
    result = without_write_access("--plan", str(mini_plan), "--ledger", str(ledger), "gap")
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(f"error: {ledger}: its write-ahead log mini.sqlite-wal")
    assert "PRAGMA wal_checkpoint" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_sqlite_ledger_linked_from_another_folder_is_read_without_files_beside_it(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    """Read through a link to another folder, a SQLite ledger is opened immutable: SQLite
    would otherwise create its -wal and -shm beside the real file."""
    real = tmp_path / "elsewhere" / "mini.sqlite"
    real.parent.mkdir()
    filled(invoke, mini_plan, real)
    before = sorted(real.parent.iterdir())
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    result = invoke("--plan", str(mini_plan), "--ledger", str(link), "history", "--json")
    assert result.exit_code == 0, result.output
    assert [r["value"] for r in json.loads(result.stdout)["records"]] == [95, 120, 3]
    assert sorted(real.parent.iterdir()) == before


# ------------------------------------------------------------------- busy and large ledgers


def test_a_writer_that_gives_up_says_what_to_do(mini_plan: Path, file_ledger_suffix: str) -> None:
    plan = load_plan_file(mini_plan)
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    store = open_store(LedgerLocation(ledger, "option"))
    store.lock_timeout = 0.2  # type: ignore[attr-defined]
    record_entry(store, plan, Entry("g5", "2022-05", "120"))
    if file_ledger_suffix.endswith(".toml"):
        holder = exclusive_lock(ledger.with_name(ledger.name + ".lock"))
    else:
        holder = _sqlite_writer(ledger)
    with holder, pytest.raises(LedgerBusyError) as caught:
        record_entry(store, plan, Entry("g5", "2022-06", "150"))
    message = str(caught.value)
    assert message.startswith(f"{ledger}: other plancli processes held the ledger's lock for 0.2 s")
    assert "nothing was written: run the command again" in message
    if file_ledger_suffix.endswith(".toml"):
        sqlite = mini_plan.with_name("mini.progress.sqlite")
        assert "move the ledger to SQLite, which writes only the change: plancli ledger " in message
        assert message.endswith(f"plancli ledger convert {ledger} {sqlite}")
    else:
        assert "convert" not in message


def _sqlite_writer(ledger: Path):  # type: ignore[no-untyped-def]
    from contextlib import contextmanager

    @contextmanager
    def hold() -> Iterator[None]:
        with closing(sqlite3.connect(ledger, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            yield
            connection.execute("ROLLBACK")

    return hold()


def test_a_large_toml_ledger_advises_sqlite(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    monkeypatch: pytest.MonkeyPatch,
    file_ledger_suffix: str,
) -> None:
    """Past TOML_ADVICE_RECORDS (10,000; lowered here) writes advise SQLite on stderr."""
    monkeypatch.setattr(toml_store, "TOML_ADVICE_RECORDS", 3)
    ledger = mini_plan.with_name("mini" + file_ledger_suffix)
    where = ["--plan", str(mini_plan), "--ledger", str(ledger)]
    filled(invoke, mini_plan, ledger)  # 3 records: not past the limit
    first = invoke(*where, "record", "g5", "130", "-p", "2022-07")
    assert first.exit_code == 0, first.output
    if file_ledger_suffix.endswith(".sqlite"):
        assert "note:" not in first.stderr  # SQLite fits any size
        return
    assert first.stderr.splitlines()[-1] == (
        f"note: {ledger} holds 4 records; past 3 a TOML ledger is slow to rewrite on every "
        "change and makes other writers queue for its lock: move it to SQLite with "
        f"`plancli ledger convert {ledger} {ledger.with_suffix('.sqlite')}` and use that "
        "file as --ledger"
    )
    undo = invoke(*where, "undo", "--yes")
    assert undo.exit_code == 0 and "note:" not in undo.stderr  # back to 3 records
    shown = invoke(*where, "gap")
    assert "note:" not in shown.stderr  # reads are not where it is said


def test_the_advice_threshold_is_the_documented_one() -> None:
    assert toml_store.TOML_ADVICE_RECORDS == 10_000
    docs = (Path(__file__).resolve().parents[1] / "docs" / "security-files.md").read_text("utf-8")
    assert "10,000 records" in docs


def test_reads_create_no_file_beside_the_plan(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A read creates nothing in the plan's folder (no lock, no cache, no ledger)."""
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    before = sorted(tmp_path.iterdir())
    for command in (["status"], ["gap"], ["history"]):
        assert invoke("--plan", str(plan), *command).exit_code == 0
    assert sorted(tmp_path.iterdir()) == before
