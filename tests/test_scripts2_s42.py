"""Session 42's second script walk: a job stopped by SIGTERM (`timeout`, systemd, the task
scheduler), and a CSV asked of a terminal that cannot write Chinese. Real subprocesses: a
signal is the process's, not a test runner's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import REPO

import plancli

PLAN = REPO / "data" / "plan2022.toml"
SRC = Path(plancli.__file__).resolve().parents[1]  # the tree under test (PYTHONPATH)


def _env(home: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANCLI_")}
    env.update(HOME=str(home), PYTHONPATH=str(SRC), PYTHONDONTWRITEBYTECODE="1", LANG="C.UTF-8")
    env.update(more)
    return env


def _plancli(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plancli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=_env(home, **env),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def _big_plan(folder: Path, targets: int) -> tuple[Path, Path]:
    """A plan of `targets` monthly growth targets and a CSV of a figure for each a month:
    an import long enough to be stopped in the middle."""
    plan = folder / "plan.toml"
    lines = ["[plan]", 'id = "big-2022"', 'name = "测试计划"', "year = 2022", ""]
    lines += ["[[sections]]", 'id = "s"', 'name = "经济"', ""]
    for n in range(targets):
        lines += [
            "[[targets]]",
            f'id = "t{n}"',
            'section = "s"',
            f'name = "指标{n}增长"',
            'kind = "growth"',
            'unit = "亿元"',
            "min = 6",
            'frequency = "monthly"',
            "",
        ]
    plan.write_text("\n".join(lines), encoding="utf-8")
    rows = [
        f"t{n},2022-{m:02d},{6 + (n + m) % 7}.{m}" for m in range(1, 13) for n in range(targets)
    ]
    csv = folder / "big.csv"
    csv.write_text("target,period,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return plan, csv


def _terminated_mid_import(home: Path, args: list[str], wait: float) -> tuple[int, str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "plancli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(home),
    )
    time.sleep(wait)
    assert child.poll() is None, "the import ended before it could be stopped: a larger file"
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=120)
    return child.returncode, err.decode("utf-8")


def _wait_until_it_reads_its_pipe(child: subprocess.Popen[bytes]) -> None:
    """Until the process's main thread blocks reading a pipe (its stdin, the only pipe it
    reads), as /proc/PID/wchan names the wait (`anon_pipe_read`, `pipe_read`, `pipe_wait`),
    or at most the 3 s this test used to sleep, where /proc does not say (not Linux, or
    hidden): the process reads its input 0.3-0.5 s after it starts, and the fixed 3 s was
    the wait of one of the suite's longest tests (session 43)."""
    wchan = Path(f"/proc/{child.pid}/wchan")
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:
        assert child.poll() is None, "it ended before it read its input"
        try:
            if "pipe" in wchan.read_text(encoding="ascii"):
                return
        except (OSError, UnicodeDecodeError):
            pass
        time.sleep(0.02)


@pytest.mark.parametrize("suffix", [".toml", ".sqlite"])
def test_sigterm_mid_import_says_terminated_exits_143_and_writes_nothing(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, suffix: str
) -> None:
    """`timeout 5 plancli import big.csv` (240,000 rows): the process was killed silently with
    143; now one line `error: terminated`, exit 143, and the ledger as it was before: the
    one figure recorded first, no batch of the file, no temp file left. (The import stopped is
    a real process; the record before it and the histories after it read and write the same
    files in-process: three fresh interpreters reading the 20,000 targets' plan, session 43.)"""
    plan, csv = _big_plan(tmp_path, 20_000)
    ledger = tmp_path / f"ledger{suffix}"
    first = invoke(
        "--plan", str(plan), "--ledger", str(ledger), "record", "t1", "7.5", "-p", "2022-01"
    )
    assert first.exit_code == 0, first.output
    before = ledger.read_bytes()
    code, err = _terminated_mid_import(
        tmp_path, ["--plan", str(plan), "--ledger", str(ledger), "import", str(csv)], 2.0
    )
    assert code == 143
    assert err == "error: terminated\n"
    if suffix == ".toml":
        assert ledger.read_bytes() == before
    history = invoke("--plan", str(plan), "--ledger", str(ledger), "history", "t1")
    assert history.exit_code == 0, history.output
    assert "7.5" in history.stdout and "8.1" not in history.stdout  # the file's t1 2022-01
    listed = invoke("--plan", str(plan), "--ledger", str(ledger), "history", "t2")
    assert "no figures" in listed.stdout + listed.stderr or listed.stdout.count("2022-") == 0
    if suffix == ".toml":  # no temp file of the rewrite left beside it
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ledger"))
        assert left in ([f"ledger{suffix}"], [f"ledger{suffix}", f"ledger{suffix}.lock"]), left


def test_sigterm_while_waiting_on_stdin_in_chinese(tmp_path: Path) -> None:
    """`plancli --lang zh import -` stopped while it waits for its input: `错误：已终止`, 143,
    as Ctrl-C says `错误：已中断`, 130."""
    ledger = tmp_path / "l.toml"
    read_end, write_end = os.pipe()
    try:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "plancli",
                "--lang",
                "zh",
                "--plan",
                str(PLAN),
                "--ledger",
                str(ledger),
                "import",
                "-",
            ],
            stdin=read_end,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
        )
        _wait_until_it_reads_its_pipe(child)
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert child.returncode == 143
    assert err.decode("utf-8") == "错误：已终止\n"
    assert not ledger.exists()


def test_ascii_terminal_csv_names_plancli_csv_bom(tmp_path: Path) -> None:
    """`PYTHONIOENCODING=ascii plancli gap --csv` (a job under LANG=C on an old Python, a
    Windows task's cp1252): the error named a UTF-8 locale and --json; PLANCLI_CSV_BOM=1,
    which writes the CSV as UTF-8 whatever the encoding, is named too, and does it."""
    ledger = tmp_path / "l.toml"
    args = ["--plan", str(PLAN), "--ledger", str(ledger)]
    assert (
        _plancli(
            tmp_path, *args, "record", "gdp", "5.0", "-p", "2022-Q2", "--amount", "700"
        ).returncode
        == 0
    )
    refused = _plancli(tmp_path, *args, "gap", "--csv", PYTHONIOENCODING="ascii")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.startswith("error: the terminal's encoding ascii cannot write ")
    assert refused.stderr.rstrip().endswith(
        "; set a UTF-8 locale, set PLANCLI_CSV_BOM=1 (the CSV in UTF-8) or use --json"
    )
    bom = subprocess.run(
        [sys.executable, "-m", "plancli", *args, "gap", "--csv"],
        capture_output=True,
        env=_env(tmp_path, PYTHONIOENCODING="ascii", PLANCLI_CSV_BOM="1"),
        timeout=120,
    )
    assert bom.returncode == 0, bom.stderr
    text = bom.stdout.decode("utf-8-sig")
    assert "gdp,headline,地区生产总值" in text.replace("\r\n", "\n")


def test_ascii_terminal_template_names_plancli_csv_bom_not_json(tmp_path: Path) -> None:
    """`template -` has no --json: its hint names the locale and PLANCLI_CSV_BOM=1 alone."""
    refused = _plancli(
        tmp_path, "--plan", str(PLAN), "template", "-", "-p", "2022-06", PYTHONIOENCODING="ascii"
    )
    assert refused.returncode == 2
    assert refused.stderr.rstrip().endswith(
        "; set a UTF-8 locale or set PLANCLI_CSV_BOM=1 (the CSV in UTF-8)"
    )


def test_ascii_terminal_csv_hint_in_chinese(tmp_path: Path) -> None:
    refused = _plancli(
        tmp_path, "--lang", "zh", "--plan", str(PLAN), "targets", "--csv", PYTHONIOENCODING="ascii"
    )
    assert refused.returncode == 2
    # stderr under ascii writes the Chinese escaped; the message's tail is ASCII
    assert "PLANCLI_CSV_BOM=1" in refused.stderr
    assert "--json" in refused.stderr


# --------------------------------------------------------------------- several files, one batch
# In-process (`invoke`): what these check is the import's batch, its messages and its exit
# code, which the CliRunner gives as the process does; a fresh interpreter per command cost
# 0.3 s each, 13 of them (session 43). The signals and encodings above stay real processes.


@pytest.fixture
def month(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A month's two files of the seed's plan (官渡区 2022): the 统计局's GDP, the 商务局's
    retail sales; and the global options that import them into a fresh ledger."""
    a = tmp_path / "统计局.csv"
    a.write_text("target,period,value,amount\ngdp,2022-Q2,5.0,700\n", encoding="utf-8")
    b = tmp_path / "商务局.csv"
    b.write_text(
        "target,period,value\nretail_sales,2022-05,4.1\nretail_sales,2022-06,6.2\n",
        encoding="utf-8",
    )
    return a, b, ["--plan", str(PLAN), "--ledger", str(tmp_path / "l.toml")]


def test_several_files_one_batch_named_each_and_one_undo(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    """`plancli import a.csv b.csv` said `unexpected extra argument: b.csv`; now both are
    imported as one batch, the summary names each file, and one `undo` takes both back."""
    a, b, opts = month
    done = invoke(*opts, "import", str(a), str(b))
    assert done.exit_code == 0, done.stderr
    lines = done.stderr.splitlines()
    assert f"imported {a}: 1 new, 0 revised, 0 unchanged of 1 row; period 2022-Q2" in lines
    assert (
        f"imported {b}: 2 new, 0 revised, 0 unchanged of 2 rows; "
        "by period: 2022-05: 1 new; 2022-06: 1 new" in lines
    )
    last = lines[-1]
    assert last.startswith(f"2 files imported into {tmp_path / 'l.toml'} as one batch ")
    batch = last.split(" as one batch ")[1].split(" ")[0]
    ledger = (tmp_path / "l.toml").read_text(encoding="utf-8")
    assert ledger.count(f'batch = "{batch}"') == 3
    again = invoke(*opts, "import", str(a), str(b))
    assert again.exit_code == 0, again.stderr
    assert (
        again.stderr.splitlines()[-1]
        == f"2 files: nothing to import; {tmp_path / 'l.toml'} unchanged"
    )
    assert (tmp_path / "l.toml").read_text(encoding="utf-8") == ledger  # idempotent
    undone = invoke(*opts, "undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert f'batch = "{batch}"' not in (tmp_path / "l.toml").read_text(encoding="utf-8")
    status = invoke(*opts, "gap", "--json")
    assert '"actual": 5.0' not in status.stdout and '"actual": 6.2' not in status.stdout


def test_several_files_a_bad_row_in_one_writes_none(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    a, b, opts = month
    c = tmp_path / "c.csv"
    c.write_text("target,period,value\nfixed_asset_investment,2022-06,abc\n", encoding="utf-8")
    refused = invoke(*opts, "import", str(a), str(b), str(c))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        f"error: {c}: 1 bad row; nothing was imported",
        f"{c}:2: target fixed_asset_investment: value 'abc' is not a number (e.g. 310, 5.2, -0.3)",
        "nothing of the 3 files was imported (several files are one batch)",
    ]
    assert not (tmp_path / "l.toml").exists()


def test_several_files_giving_one_position_twice_are_refused(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    """商务局's 2022-06 and a second sheet's 2022-Q2 are one position (the end of June): as
    in one file, one figure per target and position, and nothing is written."""
    _, b, opts = month
    d = tmp_path / "d.csv"
    d.write_text("target,period,value\nretail_sales,2022-Q2,6.4\n", encoding="utf-8")
    refused = invoke(*opts, "import", str(b), str(d))
    assert refused.exit_code == 2
    assert (
        f"{d}:2: retail_sales 2022-Q2 is also in {b} (row 3); give one figure per target and "
        "period in the files of one import"
    ) in refused.stderr.splitlines()
    assert not (tmp_path / "l.toml").exists()


def test_several_files_dry_run_names_each_and_writes_nothing(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    a, b, opts = month
    shown = invoke(*opts, "import", "--dry-run", str(a), str(b))
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stderr.splitlines()
    assert f"would import {a}: 1 new, 0 revised, 0 unchanged of 1 row; period 2022-Q2" in lines
    assert lines[-1] == f"2 files, one batch; nothing written to {tmp_path / 'l.toml'} (--dry-run)"
    assert "700" in shown.stdout and "6.2" in shown.stdout  # each file's table
    assert not (tmp_path / "l.toml").exists()


def test_several_files_on_sqlite_one_batch(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = month
    opts = ["--plan", str(PLAN), "--ledger", str(tmp_path / "l.sqlite")]
    assert invoke(*opts, "import", str(a), str(b)).exit_code == 0
    history = invoke(*opts, "history", "--json")
    batches = {line.split('"')[3] for line in history.stdout.splitlines() if '"batch":' in line}
    assert len(batches) == 1, history.stdout
    assert invoke(*opts, "undo", "--yes").exit_code == 0
    gap = invoke(*opts, "gap", "--json")
    assert '"actual": 6.2' not in gap.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-"], "error: `-` (stdin) is imported alone, not with other files"),
        (["--json"], "error: import --json takes one file; import the files one by one"),
    ],
)
def test_several_files_refusals_of_the_command_line(  # type: ignore[no-untyped-def]
    invoke,
    tmp_path: Path,
    month,  # type: ignore[no-untyped-def]
    extra: list[str],
    message: str,
) -> None:
    a, b, opts = month
    refused = invoke(*opts, "import", str(a), *extra, str(b))
    assert refused.exit_code == 2
    assert refused.stderr == message + "\n"
    assert not (tmp_path / "l.toml").exists()


def test_several_files_one_named_twice(invoke, tmp_path: Path, month) -> None:  # type: ignore[no-untyped-def]
    a, _, opts = month
    again = a.parent / "." / a.name
    refused = invoke(*opts, "import", str(a), str(again))
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {again} is given twice (as {a}); name each file once\n"
