"""Paths that are not plain files (issue 14, item 6): refused with one line and exit 2, before
anything opens them; nothing created outside the folder plancli was given.

Before the fix a FIFO blocked forever and /dev/zero was read until memory ran out; a test
must fail on that code rather than hang the suite or the machine. So each FIFO has a watchdog
thread that keeps opening its write end: a reader blocked on it gets end-of-file at once (the
old code then fails an assertion), while plancli never opens it and the watchdog finds no
reader. /dev/zero cases run plancli in a child process with a memory cap and a deadline.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FIXTURES

DEADLINE = 60  # seconds; a refusal takes well under one, the old code never returned
MEMORY_CAP = 1 << 31  # 2 GB of address space: /dev/zero read to the end fails, not the machine


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """plancli in a child process (for paths that hung or exhausted the old code)."""
    try:
        result = subprocess.run(
            [sys.executable, "-m", "plancli", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            preexec_fn=_cap_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"plancli {' '.join(args)} still running after {DEADLINE} s")
    return result


def refused(result: Any, *words: str) -> None:
    """Exit 2, one line on stderr (no traceback), naming what the path is. `result`: a child
    process's, or CliRunner's."""
    code = (
        result.returncode if isinstance(result, subprocess.CompletedProcess) else result.exit_code
    )
    assert code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for word in words:
        assert word in result.stderr
    assert result.stdout == ""


@pytest.fixture
def make_fifo() -> Iterator[Callable[[Path], Path]]:
    """Makes FIFOs that cannot block a reader for long (see the module's docstring)."""
    made: list[Path] = []
    stop = threading.Event()

    def unblock_readers() -> None:
        while not stop.is_set():
            for path in made:
                with contextlib.suppress(OSError):  # ENXIO: no reader, nothing to unblock
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            time.sleep(0.02)

    watchdog = threading.Thread(target=unblock_readers, daemon=True)
    watchdog.start()

    def make(path: Path) -> Path:
        os.mkfifo(path)
        made.append(path)
        return path

    yield make
    stop.set()
    watchdog.join()


@pytest.fixture
def fifo(tmp_path: Path, make_fifo: Callable[[Path], Path]) -> Path:
    return make_fifo(tmp_path / "pipe.toml")


@pytest.mark.parametrize("command", [["status"], ["gap", "--json"]])
def test_a_fifo_as_the_plan_is_refused(invoke, fifo: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(fifo), *command)
    refused(result, str(fifo), "named pipe (FIFO)", "the plan")


@pytest.mark.parametrize(
    ("suffix", "command"),
    [
        (".toml", ["status"]),
        (".sqlite", ["history"]),
        (".toml", ["record", "g5", "1", "-p", "2022-06"]),
        (".sqlite", ["record", "g5", "1", "-p", "2022-06"]),
    ],
)
def test_a_fifo_as_the_ledger_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    make_fifo: Callable[[Path], Path],
    mini_plan: Path,
    tmp_path: Path,
    suffix: str,
    command: list[str],
) -> None:
    ledger = make_fifo(tmp_path / f"pipe{suffix}")
    result = invoke("--plan", str(mini_plan), "--ledger", str(ledger), *command)
    refused(result, str(ledger), "named pipe (FIFO)", "the ledger must be a regular file")
    assert stat.S_ISFIFO(ledger.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["mini.toml", ledger.name])


def test_dev_zero_as_the_plan_or_the_ledger_is_refused(mini_plan: Path) -> None:
    refused(run("--plan", "/dev/zero", "gap"), "/dev/zero", "character device")
    refused(run("--plan", str(mini_plan), "--ledger", "/dev/zero", "history"), "/dev/zero")


@pytest.mark.parametrize("source", ["fifo", "/dev/zero"])
def test_an_import_file_that_is_not_a_file_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    fifo: Path,
    source: str,
) -> None:
    path = str(fifo) if source == "fifo" else source
    args = ("--plan", str(mini_plan), "import", path)
    result = invoke(*args) if source == "fifo" else run(*args)
    refused(result, path, "an import file must be a regular file")
    if source == "fifo":
        assert "plancli import -" in result.stderr  # the way to read a stream
    assert not mini_plan.with_name("mini.progress.toml").exists()


def test_import_from_stdin_still_reads_a_stream(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "--plan", str(mini_plan), "import", "-", input="target,period,value\ng5,2022-06,150\n"
    )
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stderr


def test_validate_source_that_is_a_fifo_is_refused(invoke, mini_plan: Path, fifo: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(mini_plan), "validate", "--source", str(fifo))
    refused(result, "named pipe")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("suffix", [".toml", ".sqlite"])
def test_a_device_node_as_the_ledger_stays_a_device(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
    suffix: str,
) -> None:
    """As root, recording into a ledger path naming a device replaced it with a regular file."""
    ledger = tmp_path / f"device{suffix}"
    os.mknod(ledger, 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    result = invoke(
        "--plan", str(mini_plan), "--ledger", str(ledger), "record", "g5", "1", "-p", "2022-06"
    )
    refused(result, str(ledger), "character device")
    assert stat.S_ISCHR(ledger.lstat().st_mode)
    assert not list(tmp_path.glob("device*.lock")) and not list(tmp_path.glob(".device*"))


def test_a_ledger_linked_to_a_file_elsewhere_is_not_written_and_leaves_nothing_there(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    """A link to a system file (here: a stand-in in another folder) used to get a `.lock`
    created beside that file. Reading goes through the link; writing is refused."""
    system = tmp_path / "etc"
    system.mkdir()
    hostname = system / "hostname"
    hostname.write_text("build-host\n", encoding="utf-8")
    link = tmp_path / "work" / "plan.progress.toml"
    link.parent.mkdir()
    link.symlink_to(hostname)
    for command in (["record", "g5", "1", "-p", "2022-06"], ["undo", "--yes"]):
        result = invoke("--plan", str(mini_plan), "--ledger", str(link), *command)
        refused(result, str(link), f"symbolic link to {hostname}", f"use {hostname} instead")
    assert sorted(system.iterdir()) == [hostname]
    assert hostname.read_text(encoding="utf-8") == "build-host\n"


def test_a_planted_lock_link_creates_nothing_at_its_target(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    """`<ledger>.lock` planted as a link: the lock was opened with O_CREAT through it."""
    victim = tmp_path / "elsewhere" / "created-by-plancli"
    victim.parent.mkdir()
    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.with_name(ledger.name + ".lock").symlink_to(victim)
    result = invoke("--plan", str(mini_plan), "record", "g5", "1", "-p", "2022-06")
    assert result.exit_code == 3, result.output
    assert "lock file is a symbolic link; remove it" in result.stderr
    assert not victim.exists()
    assert not ledger.exists()


def test_init_does_not_write_through_a_link_out_of_the_workspace(
    invoke,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text("# not a plan of ours\n", encoding="utf-8")
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "plan2022.toml").symlink_to(outside)
    result = invoke("init", str(workspace), "--force")
    assert result.exit_code == 2, result.output
    assert f"symbolic link to {outside}" in result.stderr
    assert outside.read_text(encoding="utf-8") == "# not a plan of ours\n"


def test_a_link_to_a_plan_and_a_ledger_in_the_folder_still_works(
    invoke,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Links users make on purpose keep working: a plan anywhere, a ledger in its folder."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copyfile(FIXTURES / "mini.toml", plans / "mini.toml")
    work = tmp_path / "work"
    work.mkdir()
    (work / "plan.toml").symlink_to(plans / "mini.toml")
    (work / "v2.progress.toml").write_text("version = 1\n", encoding="utf-8")
    (work / "plan.progress.toml").symlink_to("v2.progress.toml")
    result = invoke("--plan", str(work / "plan.toml"), "record", "g5", "150", "-p", "2022-06")
    assert result.exit_code == 0, result.output
    assert (work / "plan.progress.toml").is_symlink()
    assert "value = 150" in (work / "v2.progress.toml").read_text(encoding="utf-8")
    assert sorted(p.name for p in plans.iterdir()) == ["mini.toml"]


def test_report_and_extract_never_write_over_a_fifo_or_through_a_far_link(
    invoke, tmp_path: Path, report_text: str
) -> None:  # type: ignore[no-untyped-def]
    """Files plancli makes (report -o, extract -o) follow the ledger's rule: a FIFO is
    refused (exit 2) and left a FIFO; a link to another folder is refused, its target kept."""
    fifo = tmp_path / "june.md"
    os.mkfifo(fifo)
    result = invoke("report", "-o", str(fifo))
    assert result.exit_code == 2, result.output
    assert "named pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kept.toml").write_text("kept\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    link = here / "draft.toml"
    link.symlink_to(elsewhere / "kept.toml")
    report = tmp_path / "report.txt"
    report.write_text(report_text, encoding="utf-8")  # the seed report
    result = invoke("extract", str(report), "-o", str(link), "--force")
    assert result.exit_code == 2, result.output
    assert "another folder" in result.stderr
    assert (elsewhere / "kept.toml").read_text(encoding="utf-8") == "kept\n"
