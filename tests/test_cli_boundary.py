"""The one error boundary of the CLI: closed pipes, and what reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["status"], ["gap"], ["targets"], ["gap", "--json"]])
def test_closed_pipe_exits_0_quietly(tmp_path: Path, command: list[str]) -> None:
    """`plancli status | head -1`: a reader that goes away is not an error (exit 1 is --fail-on)."""

    proc = subprocess.Popen(
        [sys.executable, "-m", "plancli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before plancli writes a byte
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in stderr and b"Error" not in stderr
