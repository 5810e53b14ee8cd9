"""Session 42's walk of plancli driven by a script (cron, the task scheduler): what a job that
pipes plancli's output, or imports every workbook of a folder, meets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def workspace(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init` of the bundled 2022 plan with the seed's June GDP (5.0, 700亿元)."""
    assert invoke("--plan", "guandu-2022", "init", str(tmp_path / "ws")).exit_code == 0
    plan = tmp_path / "ws" / "plan2022.toml"
    recorded = invoke(
        "--plan", str(plan), "record", "gdp", "5.0", "-p", "2022-Q2", "--amount", "700"
    )
    assert recorded.exit_code == 0
    return plan


def _closed_stderr_pipe(args: list[str], plan: Path) -> subprocess.CompletedProcess[bytes]:
    """plancli with its stderr a pipe whose reader has gone (`2>&1 | head -1` once head has
    its line): every write on stderr meets EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "plancli", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=write_end,
            env={**os.environ, "PLANCLI_PLAN": str(plan)},
        )
    finally:
        os.close(write_end)


def _history(invoke, plan: Path) -> set[tuple[str, str, object]]:  # type: ignore[no-untyped-def]
    done = invoke("--plan", str(plan), "history", "--json")
    return {(r["target"], r["period"], r["value"]) for r in json.loads(done.stdout)["records"]}


def test_a_reader_closing_the_stderr_pipe_is_no_error(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """`plancli record … 2>&1 | head -1` (a job's log line): the record was written, yet the
    job got exit 74, "the output could not be written", where `gap | head -1` exits 0: a
    reader that closes the pipe early is no error (docs/commands.md, exit codes)."""
    recorded = _closed_stderr_pipe(
        ["record", "new_5g_base_stations", "142", "-p", "2022-08"], workspace
    )
    assert recorded.returncode == 0
    assert ("new_5g_base_stations", "2022-08", 142) in _history(invoke, workspace)
    # validate lists its findings on stderr: `validate 2>&1 | head -1` was 74 as well
    assert _closed_stderr_pipe(["validate"], workspace).returncode == 0
    # a dry run's summary alone, on stderr
    csv = workspace.parent / "june.csv"
    csv.write_text("target,period,value\nbudget_revenue,2022-06,3.1\n", encoding="utf-8")
    assert _closed_stderr_pipe(["import", str(csv), "--dry-run"], workspace).returncode == 0


def test_a_closed_stderr_pipe_keeps_every_other_code(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """The verdict and a failure keep their codes, and stdout its data."""
    gap = _closed_stderr_pipe(["gap", "--fail-on", "behind", "--json"], workspace)
    assert gap.returncode == 1  # GDP 5.0 of ≥7
    assert json.loads(gap.stdout)["counts"]["behind"] == 1
    assert _closed_stderr_pipe(["gap", "--as-of", "2023"], workspace).returncode == 2
    assert _closed_stderr_pipe(["show", "gdpp"], workspace).returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_log_disk_is_still_74(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """`2>> update.log` on a full disk stays exit 74: that is a message lost, not a reader
    who took enough."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "plancli", "record", "gdp", "5.2", "-p", "2022-Q3"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=full,
            env={**os.environ, "PLANCLI_PLAN": str(workspace)},
        )
    assert done.returncode == 74
    assert ("gdp", "2022-Q3", 5.2) in _history(invoke, workspace)


# Excel's owner file of an open june.xlsx, as Excel 2016 writes it: a byte count, the user's
# name padded to 53 bytes, then the name again in UTF-16; 165 bytes in all.
_OWNER_FILE = bytes([5]) + b"admin".ljust(53, b" ") + "admin".encode("utf-16-le") + bytes(165 - 64)


def test_excel_s_lock_file_is_named_for_what_it_is(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """A job importing every *.xlsx of a shared folder meets `~$june.xlsx` while a colleague
    has june.xlsx open: it was told the file "starts with b'\\x05admin  …'"."""
    lock = workspace.parent / "~$june.xlsx"
    lock.write_bytes(_OWNER_FILE)
    done = invoke("--plan", str(workspace), "import", str(lock))
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        f"error: {lock}: the lock file Excel keeps beside a workbook while it is open, not a "
        "workbook; import the workbook itself, and leave ~$ files out when importing a "
        "folder's *.xlsx"
    ]
    assert done.stdout == ""
    zh = invoke("--plan", str(workspace), "--lang", "zh", "import", str(lock))
    assert "Excel 打开工作簿时在旁边生成的锁定文件" in zh.stderr


def test_an_empty_workbook_file_is_called_empty(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """A 0-byte june.xlsx (a copy cut short, a cloud drive's placeholder): it "starts with b''"."""
    empty = workspace.parent / "june.xlsx"
    empty.write_bytes(b"")
    done = invoke("--plan", str(workspace), "import", str(empty))
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        f"error: {empty}: the file is empty (0 bytes), not an .xlsx workbook: a copy cut short? "
        "Save or copy the workbook again"
    ]


def test_a_workbook_named_with_a_tilde_is_still_read(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """Only a file that is no zip archive is taken for the lock file: a real workbook whose
    name starts with ~$ imports as any other."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["target", "period", "value"])
    sheet.append(["new_5g_base_stations", "2022-06", 120])
    path = workspace.parent / "~$odd.xlsx"
    book.save(path)
    done = invoke("--plan", str(workspace), "import", str(path))
    assert done.exit_code == 0, done.stderr
    assert ("new_5g_base_stations", "2022-06", 120) in _history(invoke, workspace)


def test_amend_json_gives_no_batch_it_did_not_write(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """`amend --dry-run --json` gave the batch it would have written in, and `undo --batch`
    that batch then said there was none; so did an amendment already in force. As
    `record --json`'s figures: null where nothing was written, the one in force in
    `previous`."""
    plan = str(workspace)
    dry = invoke("--plan", plan, "amend", "gdp", "--from", "2022-07", "--min", "6", "-n", "--json")
    assert dry.exit_code == 0, dry.stderr
    out = json.loads(dry.stdout)
    assert (out["written"], out["unchanged"]) == (False, False)
    assert out["amendment"]["bound"] == "≥ 6 %"
    assert (out["amendment"]["batch"], out["amendment"]["recorded_at"]) == (None, None)

    done = json.loads(
        invoke("--plan", plan, "amend", "gdp", "--from", "2022-07", "--min", "6", "--json").stdout
    )
    batch = done["amendment"]["batch"]
    assert done["written"] is True and batch is not None
    assert done["amendment"]["recorded_at"] is not None

    again = json.loads(
        invoke("--plan", plan, "amend", "gdp", "--from", "2022-07", "--min", "6", "--json").stdout
    )
    assert (again["written"], again["unchanged"]) == (False, True)
    assert again["amendment"]["batch"] is None
    assert again["previous"]["batch"] == batch  # the one in force, which undo reverts

    undone = invoke("--plan", plan, "undo", "--batch", batch, "--yes")
    assert undone.exit_code == 0, undone.stderr


def test_amend_s_schema_says_the_batch_may_be_null(invoke) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(invoke("schema", "amend").stdout)
    amendment = schema["$defs"][schema["properties"]["amendment"]["$ref"].split("/")[-1]]
    assert {"type": "null"} in amendment["properties"]["batch"]["anyOf"]
    assert {"type": "null"} in amendment["properties"]["recorded_at"]["anyOf"]
    # history's amendments were written: their batch is never null
    history = json.loads(invoke("schema", "history").stdout)
    assert history["$defs"]["AmendmentOut"]["properties"]["batch"] == {
        "title": "Batch",
        "type": "string",
    }


def _shell(line: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """`plancli` run by sh with `line` after it (redirections, a pipe)."""
    plancli = f"{sys.executable} -m plancli"
    return subprocess.run(
        ["sh", "-c", line.replace("plancli", plancli, 1)],
        capture_output=True,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("args", ["--version", "--version --lang zh", "--help", "gap --help"])
def test_version_and_help_on_a_closed_stdout_are_74(args: str) -> None:
    """`plancli --version >&-` was a traceback and exit 1 (`gap --fail-on`'s), `--help >&-`
    "internal error" and exit 70: now the line and the code of every command."""
    done = _shell(f"plancli {args} >&-", {"PLANCLI_LANG": "en"})
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode().splitlines() == [
        "错误：无法写出输出：标准输出已关闭"
        if "zh" in args
        else "error: cannot write the output: stdout is closed"
    ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", ["--version", "--help", "gap --help"])
def test_version_and_help_on_a_full_disk_are_74(args: str) -> None:
    done = _shell(f"plancli {args} >/dev/full", {"PLANCLI_LANG": "en"})
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode().splitlines() == [
        "error: cannot write the output: No space left on device"
    ]


def test_version_to_a_reader_gone_is_no_error() -> None:
    """`plancli --version | head -c0`: a traceback (BrokenPipeError) and exit 1."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "plancli", "--version"], stdout=write_end, stderr=subprocess.PIPE
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    ["report -f xlsx", "report -f html", "completion bash", "completion powershell"],
)
@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
def test_binary_reports_and_completion_on_a_lost_stdout_are_74(
    workspace: Path, args: str, redirect: str
) -> None:
    """`report -f xlsx > /mnt/full/june.xlsx` was "internal error" (70) and `>&-` a usage
    error (2: "stdout cannot take binary data here"); `completion bash >/dev/full` 70."""
    done = _shell(
        f"plancli {args} {redirect}", {"PLANCLI_PLAN": str(workspace), "PLANCLI_LANG": "en"}
    )
    reason = "No space left on device" if redirect == ">/dev/full" else "stdout is closed"
    assert done.returncode == 74, done.stderr
    assert done.stderr.decode().splitlines() == [f"error: cannot write the output: {reason}"]
