"""Command-line interface: commands only (parse, call the core, render, map errors).

The modules of this package do not use `from __future__ import annotations`: Typer resolves
string annotations of every command's parameters with `get_type_hints` on each run, and
building the commands for `plancli --help` took 15 ms that way against 5 ms with real
annotations (issue 5's `--help` goal). Names imported only for type checking are quoted.
"""

import contextlib
import errno
import os
import sys

from typer._click.exceptions import NoArgsIsHelpError, UsageError  # Typer vendors Click

# The commands are registered in the order these modules are imported, which is the order
# Click lists them (shell completion's candidates): kept as it is, not sorted.
# isort: off
from plancli.cli import (
    completion,  # noqa: F401  (registers `completion`)
    record_cmds,  # noqa: F401  (registers record and import)
    ledger_cmds,  # noqa: F401  (registers history and undo)
    amend_cmds,  # noqa: F401  (registers commands)
    assess_cmds,  # noqa: F401  (registers commands)
    extract_cmds,  # noqa: F401  (registers commands)
    init_cmds,  # noqa: F401  (registers `init`)
    plan_cmds,  # noqa: F401  (registers commands)
    report_cmds,  # noqa: F401  (registers commands)
    ledger_file_cmds,  # noqa: F401  (registers the `ledger` sub-app)
)

# isort: on
from plancli.cli import inputs, streams
from plancli.cli.app import app
from plancli.cli.boundary import (
    INTERNAL_ERROR_EXIT,
    internal_error_message,
    interrupted_message,
    is_typer_exception,
)
from plancli.cli.click_words import usage_message
from plancli.errors import OutputError
from plancli.i18n import _

OUTPUT_ERROR_EXIT = OutputError.exit_code  # 74: a message or the output could not be written

# How writing help or the version on stdout fails, before any command runs: a full disk (or
# quota, or file size limit), an I/O error, a reader gone (EPIPE).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE}

# Global options that take a value (the root callback's); any other option before the command
# (--help, --version, a mistyped one) leaves the command unknown.
_GLOBAL_VALUES = ("--plan", "--ledger", "--lang")


def invoked_command(argv: list[str]) -> str | None:
    """The command a command line runs (`status` in `--plan p.toml status --json`), or None
    when it is not plain to see."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_VALUES:
            next(args, None)
        elif arg.split("=", 1)[0] not in _GLOBAL_VALUES or "=" not in arg:
            return None if arg.startswith("-") else arg
    return None


def only(name: str) -> None:
    """Leave `name` the app's only command, when it is one: Typer builds every registered
    command's parameters (signatures, type hints, converters) on every run, which `plancli
    status` would pay for twenty commands it does not run. The process runs one command;
    `plancli --help` and anything not plainly a command keep them all."""
    commands = [info for info in app.registered_commands if info.name == name]
    groups = [
        info
        for info in app.registered_groups
        if info.typer_instance is not None and info.typer_instance.info.name == name
    ]
    if commands or groups:
        app.registered_commands = commands
        app.registered_groups = groups


def main() -> None:
    """`plancli`: the app, with every way out mapped to a documented exit code.

    Run outside Typer's standalone mode, because that mode turns three things into exit 1,
    which is `gap --fail-on`'s verdict alone: end of input (Abort), a closed pipe while Typer
    prints help or usage, and any exception that escapes (with a traceback). Commands map
    their own errors (`command` in app.py); this covers what happens around them.
    """
    inputs.guard_closed_stdin()  # `plancli import - <&-`: exit 2, not 70 (first: fd 0)
    streams.guard_closed_stdout()  # `plancli gap --json >&-`: an error, not exit 70
    streams.guard_stderr()  # `2>/dev/full`: exit 74, never 1 (--fail-on's) from a traceback
    name = invoked_command(sys.argv[1:])
    if name is not None:
        only(name)
    try:
        code = app(standalone_mode=False)
    except SystemExit as exc:  # Typer's closed-pipe branch exits 1 itself: stop quietly
        code = 0 if exc.code == 1 else exc.code
    except KeyboardInterrupt as stop:  # Ctrl-C 130, SIGTERM 143 (stopping.py)
        from plancli.stopping import stop_code

        sys.stderr.write(interrupted_message(stop) + "\n")
        code = stop_code(stop)
    except OutputError as exc:  # `--help`, `--version` with stdout closed: 74, one line,
        code = _output_lost(exc)  # not "internal error" (session 42)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:  # not a write that failed: a bug, as before
            sys.stderr.write(internal_error_message(exc) + "\n")
            code = INTERNAL_ERROR_EXIT
        else:  # `--help >/dev/full`, `--version | head -c0`
            code = _output_lost(exc)
    except Exception as exc:
        if not is_typer_exception(exc):
            sys.stderr.write(internal_error_message(exc) + "\n")
            code = INTERNAL_ERROR_EXIT
        elif isinstance(exc, UsageError) and not isinstance(exc, NoArgsIsHelpError):
            # One line, in plancli's words and language, like every other error (issue 12.5).
            sys.stderr.write(_("error: {message}").format(message=usage_message(exc)) + "\n")
            code = 2
        elif hasattr(exc, "show"):  # `plancli` alone: the help, exit 2
            exc.show()
            code = max(int(getattr(exc, "exit_code", 2)), 2)
        else:  # Abort: end of input where a command line option was asked for
            sys.stderr.write(_("error: {message}").format(message=_("no input")) + "\n")
            code = 2
    code = code if isinstance(code, int) else 0
    if code == 0 and streams.stderr_lost() is not None:
        # A message was lost (the log's disk is full): "the output could not be written", and
        # for a write command the ledger was written, as when stdout fails. A failure's own
        # code (2, 3, 4, 130, 143, gap's verdict 1) says more, and is kept.
        code = OUTPUT_ERROR_EXIT
    sys.exit(code)


def _output_lost(exc: "OutputError | OSError") -> int:
    """Help or the version printed before any command ran, and stdout failed: a reader that
    closed the pipe is no error (0), a full disk or a closed stdout is 74, as for a command."""
    with contextlib.suppress(OSError):  # the interpreter's final flush must not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    if isinstance(exc, BrokenPipeError):
        return 0
    lost = exc if isinstance(exc, OutputError) else OutputError(exc)
    sys.stderr.write(_("error: {message}").format(message=lost) + "\n")
    return OUTPUT_ERROR_EXIT


__all__ = ["app", "main"]
