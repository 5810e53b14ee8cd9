"""`PLANCLI_CSV_BOM=1`: a CSV for Excel made on a UTF-8 system (a server, WSL, a Mac). Excel
reads a CSV as UTF-8 only with the byte-order mark; without it a Chinese Excel reads GBK, and
every name came out as mojibake (地区生产总值 as 鍦板尯鐢熶骇鎬诲��)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
COMMANDS = [
    ["gap", "--csv"],
    ["targets", "--csv"],
    ["history", "--csv"],
    ["template", "-", "--period", "2022-06"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_plancli_csv_bom_writes_utf8_with_the_mark(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    plan = tmp_path / "ws" / "plan2022.toml"
    assert invoke("init", str(tmp_path / "ws")).exit_code == 0
    assert invoke("--plan", str(plan), "record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    plain = invoke("--lang", "zh", "--plan", str(plan), *command)
    assert plain.exit_code == 0, plain.stderr
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")  # scripts get no mark unasked
    monkeypatch.setenv("PLANCLI_CSV_BOM", "1")
    marked = invoke("--lang", "zh", "--plan", str(plan), *command)
    assert marked.exit_code == 0, marked.stderr
    assert marked.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert marked.stdout_bytes[3:] == plain.stdout_bytes  # the same CSV after the mark
    rows = list(csv.reader(io.StringIO(marked.stdout_bytes.decode("utf-8-sig"))))
    gdp = next(row for row in rows if "gdp" in row)  # a row Excel reads, in UTF-8
    assert command[0] == "history" or "地区生产总值" in gdp
    monkeypatch.setenv("PLANCLI_CSV_BOM", "0")
    assert invoke("--lang", "zh", "--plan", str(plan), *command).stdout_bytes == plain.stdout_bytes


def test_the_mark_makes_the_csv_utf8_on_a_gbk_terminal_too(tmp_path: Path) -> None:
    """A BOM says UTF-8: on a GBK terminal the CSV is then UTF-8, not GBK behind a UTF-8 mark."""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING="gbk", PYTHONPATH=str(REPO / "src"), HOME=str(tmp_path))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), PLANCLI_CSV_BOM="1")
    run = subprocess.run(
        [sys.executable, "-m", "plancli", "--lang", "zh", "targets", "--csv"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode("gbk", "replace")
    assert run.stdout.startswith(b"\xef\xbb\xbf")
    assert "地区生产总值".encode() in run.stdout
