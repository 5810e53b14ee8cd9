"""What a script or a cron job gets from plancli: ids that exist, exit codes that do not depend
on the reader, and a full disk or a closed stdout reported as what it is (audit 4).

Real processes where the process is the point (an exit code beside a closed pipe, /dev/full,
a closed stdout, a umask); the rest run in-process (docs/testing.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FULL = Path("/dev/full")


def _env(tmp_path: Path) -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": src,
        "PLANCLI_PLAN": "plan2022.toml",
        "LANG": "C.UTF-8",
    }


def _plancli(tmp_path: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "plancli", *args],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output="stdout" not in kwargs,
        timeout=120,
        **kwargs,
    )


@pytest.fixture
def workspace(tmp_path: Path, invoke, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """`plancli init .` in tmp_path, PLANCLI_PLAN naming its plan, the current folder (the
    in-process commands') there too."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCLI_PLAN", raising=False)
    assert invoke("init", ".").exit_code == 0
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")
    (tmp_path / "p.csv").write_text("target,period,value\nnew_parking_spaces,2022-06,500\n")
    return tmp_path


def test_records_not_written_have_no_batch_nor_time(workspace: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """Defect 1: an unchanged row, or a dry run, names no batch `undo --batch` would refuse."""
    assert invoke("import", "p.csv").exit_code == 0
    again = json.loads(invoke("import", "p.csv", "--json").stdout)
    assert again["written"] is False
    [unchanged] = again["records"]
    assert unchanged["change"] == "unchanged"
    assert (unchanged["batch"], unchanged["recorded_at"]) == (None, None)
    assert unchanged["previous"]["batch"] is not None  # the figure in force's, where it is
    record = ("record", "new_parking_spaces", "700", "-p", "2022-08", "--json")
    dry = json.loads(invoke(*record, "--dry-run").stdout)
    assert [(r["batch"], r["recorded_at"]) for r in dry["records"]] == [(None, None)]
    wrote = json.loads(invoke(*record).stdout)
    assert wrote["records"][0]["batch"] == wrote["batch"] is not None


@pytest.mark.parametrize("args", [["gap", "--json"], ["gap"], ["gap", "--csv"], ["status"]])
def test_a_full_disk_is_one_line_and_exit_74(workspace: Path, args: list[str]) -> None:
    """Defect 2: ENOSPC on stdout is no bug of plancli's (70 says so)."""
    with FULL.open("wb") as full:
        done = _plancli(workspace, *args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 74
    assert done.stderr.decode() == "error: cannot write the output: No space left on device\n"


_CLOSED = "import os, sys; os.close(1); os.execv(sys.argv[1], sys.argv[1:])"  # `>&-`


def test_a_closed_stdout_is_one_line_and_exit_74(workspace: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CLOSED, sys.executable, "-m", "plancli", "gap", "--json"],
        cwd=workspace,
        env=_env(workspace),
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert done.returncode == 74
    assert done.stderr.decode() == "error: cannot write the output: stdout is closed\n"


def test_an_import_whose_output_is_lost_says_it_was_written(workspace: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (workspace / "p7.csv").write_text("target,period,value\nnew_parking_spaces,2022-07,600\n")
    with FULL.open("wb") as full:
        done = _plancli(
            workspace, "import", "p7.csv", "--json", stdout=full, stderr=subprocess.PIPE
        )
    assert done.returncode == 74
    last = done.stderr.decode().splitlines()[-1]
    assert last.startswith("error: imported p7.csv: 1 new")
    assert last.endswith("; could not write the output: No space left on device")
    history = invoke("history", "new_parking_spaces", "--json")
    assert "2022-07" in [r["period"] for r in json.loads(history.stdout)["records"]]


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--csv"]])
def test_fail_on_exits_1_even_when_the_reader_leaves_early(workspace: Path, fmt: list[str]) -> None:
    """Defect 10: `gap --fail-on … | head -1`: the verdict does not depend on the reader."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "plancli", "gap", "--fail-on", "no_data", *fmt],
        cwd=workspace,
        env=_env(workspace),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before plancli writes a byte
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert b"error" not in stderr


@pytest.mark.parametrize("args", [["gap", "--fail-on", "behind", "--json"], ["status"]])
def test_a_ledger_of_ids_the_plan_lacks_is_warned_not_called_empty(
    workspace: Path, invoke, args: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """Defect 3: figures all under ids the plan lacks (renamed by hand) are no "no figures yet"."""
    assert invoke("record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    ledger = workspace / "plan2022.progress.toml"
    ledger.write_text(ledger.read_text().replace('target = "gdp"', 'target = "gdpx"'))
    done = invoke(*args)
    assert done.stderr.splitlines() == [
        "warning: the 1 figure in plan2022.progress.toml is for no target of this plan in 2022 "
        "(gdpx): another plan's ledger, or a target renamed? (plancli validate)"
    ]


def test_another_plans_ledger_is_warned(workspace: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    done = invoke("--plan", "zhejiang-2026", "--ledger", "plan2022.progress.toml", "gap")
    assert "are for no target" in done.stderr or "is for no target" in done.stderr
    assert "(gdp 2022-Q2)" in done.stderr
    assert "no figures yet" not in done.stderr


def test_json_null_figures_are_no_data_and_a_year_may_be_a_number(workspace: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """Defect 12: `null` is JSON's `—`; formats.md: values may be numbers or strings."""
    (workspace / "n.json").write_text(
        '[{"target":"gdp","period":"2022-Q2","value":null,"amount":null},'
        '{"target":"new_parking_spaces","period":"2022-06","value":120},'
        '{"target":"tcm_hospital_lakeside_landed","period":2022,"value":"done"}]'
    )
    done = invoke("import", "n.json", "--json")
    assert done.exit_code == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["no_data_rows"] == 1
    assert [(r["target"], r["period"]) for r in out["records"]] == [
        ("new_parking_spaces", "2022-06"),
        ("tcm_hospital_lakeside_landed", "2022"),
    ]
    (workspace / "bad.jsonl").write_text(
        '{"target":"gdp","period":"2022-Q2","value":null,"amount":5}\n'
        '{"target":"gdp","period":2022.5,"value":3}\n'
    )
    bad = invoke("import", "bad.jsonl")
    assert bad.exit_code == 2
    assert bad.stderr.splitlines()[1:] == [
        "bad.jsonl:1: no value for gdp",
        "bad.jsonl:2: target gdp: period must be text",  # named since session 31
    ]


def test_a_missing_plan_named_by_plancli_plan_says_so(
    tmp_path: Path, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Defect 13: no --plan was given; the error names PLANCLI_PLAN and the folder searched."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")  # and no plan in tmp_path
    done = invoke("gap")
    assert done.exit_code == 2
    assert done.stderr == (
        f"error: PLANCLI_PLAN=plan2022.toml: no such file in {tmp_path} and no bundled plan "
        "of that id (did you mean guandu-2022? `plancli plans` lists all 17)\n"
    )
    flag = invoke("gap", "--plan", "plan2022.toml")
    assert flag.stderr.startswith("error: --plan plan2022.toml: no such file and")


def test_invalid_toml_at_the_end_of_the_ledger_gives_its_line(workspace: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """Defect 6: tomli says "at end of document" for a list left open on the last line."""
    assert invoke("record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    ledger = workspace / "plan2022.progress.toml"
    lines = len(ledger.read_text().splitlines())
    with ledger.open("a") as file:
        file.write("garbage = [\n\n")
    done = invoke("gap")
    assert done.exit_code == 3
    assert done.stderr == (
        f"error: plan2022.progress.toml:{lines + 1}:12: invalid TOML: Invalid value\n"
    )


_RECORD_GDP = ("record", "gdp", "5", "-p", "2022-Q2")


@pytest.mark.parametrize("suffix", ["toml", "sqlite"])
def test_a_new_ledger_gets_the_permissions_the_umask_allows(workspace: Path, suffix: str) -> None:
    """Defect 11: under umask 002 a group's shared ledger is group-writable, SQLite's too."""
    done = subprocess.run(
        [sys.executable, "-m", "plancli", "--ledger", f"new.{suffix}", *_RECORD_GDP],
        cwd=workspace,
        env=_env(workspace),
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o002),  # the child's umask only
    )
    assert done.returncode == 0, done.stderr
    assert (workspace / f"new.{suffix}").stat().st_mode & 0o777 == 0o664


def test_formats_md_names_every_change_and_count_of_record_json() -> None:
    """Defect 8: a script written from the docs meets every value the program writes."""
    from typing import get_args, get_type_hints

    from plancli.output_writes import WriteCounts, WrittenRecord

    docs = (Path(__file__).resolve().parents[1] / "docs" / "formats.md").read_text()
    [row] = [line for line in docs.splitlines() if line.startswith("| `record --json`")]
    changes = get_args(get_type_hints(WrittenRecord)["change"])
    assert [c for c in changes if f"`{c}`" not in row] == []
    assert "`counts` (" + ", ".join(f"`{c}`" for c in WriteCounts.__dataclass_fields__) in row
    assert "`<stdin>`" in row and "`./a.xlsx:Sheet`" in row
