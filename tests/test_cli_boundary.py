"""The one error boundary of the CLI: closed pipes, and what reaches the terminal."""

from __future__ import annotations

import io
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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "no_color", "coloured"),
    [(_Terminal, None, True), (_Terminal, "1", False), (io.StringIO, None, False)],
    ids=["terminal", "terminal-NO_COLOR", "pipe"],
)
def test_colour_only_on_a_terminal_and_never_under_no_color(
    monkeypatch: pytest.MonkeyPatch, stream: type[io.StringIO], no_color: str | None, coloured: bool
) -> None:
    """plancli's console (every table goes through it) colours a status only where it should."""
    from rich.text import Text

    from plancli.render import console

    out = stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setenv("TERM", "xterm-256color")
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    console().print(Text("behind", style="red"))
    assert ("\x1b[31m" in out.getvalue()) is coloured
    assert "behind" in out.getvalue()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("C.UTF-8", "error: no such option: --bogus; see `plancli status --help`\n"),
        ("zh_CN.UTF-8", "错误：没有这个选项：--bogus；见 `plancli status --help`\n"),
    ],
)
def test_a_usage_error_is_one_line_in_a_real_process(lang: str, expected: str) -> None:
    """The test runner goes through Typer's standalone mode; `plancli` itself does not, and
    printed Click's three-line Usage/Try/Error form in English (issue 12.5)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv[0] = 'plancli'; from plancli.__main__ import main; main()",
            "status",
            "--bogus",
        ],
        capture_output=True,
        env={**os.environ, "LANG": lang},
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode() == expected


def test_an_option_of_a_command_named_alike_is_pointed_at(invoke) -> None:  # type: ignore[no-untyped-def]
    """Audit A §11: `ledger grants --revoke` said only "no such option", pointing at `ledger
    grants --help`, which lists no --revoke: it is `ledger grant`'s, one letter away. The
    error names that command as it is typed, and its help; a command of another purpose that
    happens to take the option is not offered (`init --force` is not `convert --force`)."""
    slipped = invoke("ledger", "grants", "--revoke", "统计局", "tongji")
    assert slipped.exit_code == 2
    assert slipped.stderr == (
        "error: no such option: --revoke (did you mean plancli ledger grant --revoke "
        "DEPARTMENT ROLE?); see `plancli ledger grant --help`\n"
    )
    chinese = invoke("--lang", "zh", "ledger", "grants", "--revoke", "统计局", "tongji")
    assert "plancli ledger grant --revoke DEPARTMENT ROLE" in chinese.stderr
    assert chinese.stderr.startswith("错误：没有这个选项：--revoke（"), chinese.stderr
    unrelated = invoke("ledger", "init", "--force")
    assert unrelated.stderr == "error: no such option: --force; see `plancli ledger init --help`\n"
    # A near miss of the command's own option is still its own.
    near = invoke("ledger", "grant", "--revok", "统计局", "tongji")
    assert near.stderr.startswith("error: no such option: --revok (did you mean --revoke?)")
