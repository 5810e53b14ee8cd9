"""Command-line interface: commands only (parse, call the core, render, map errors).

The modules of this package do not use `from __future__ import annotations`: Typer resolves
string annotations of every command's parameters with `get_type_hints` on each run, and
building the commands for `plancli --help` took 15 ms that way against 5 ms with real
annotations (issue 5's `--help` goal). Names imported only for type checking are quoted.
"""

from plancli.cli import (
    amend_cmds,  # noqa: F401  (registers commands)
    assess_cmds,  # noqa: F401  (registers commands)
    completion,  # noqa: F401  (registers `completion`)
    extract_cmds,  # noqa: F401  (registers commands)
    ledger_cmds,  # noqa: F401  (registers commands)
    ledger_file_cmds,  # noqa: F401  (registers the `ledger` sub-app)
    plan_cmds,  # noqa: F401  (registers commands)
    report_cmds,  # noqa: F401  (registers commands)
)
from plancli.cli.app import (
    INTERNAL_ERROR_EXIT,
    app,
    internal_error_message,
    is_typer_exception,
)


def main() -> None:
    """`plancli`: the app, with every way out mapped to a documented exit code.

    Run outside Typer's standalone mode, because that mode turns three things into exit 1,
    which is `gap --fail-on`'s verdict alone: end of input (Abort), a closed pipe while Typer
    prints help or usage, and any exception that escapes (with a traceback). Commands map
    their own errors (`command` in app.py); this covers what happens around them.
    """
    import sys

    try:
        code = app(standalone_mode=False)
    except SystemExit as exc:  # Typer's closed-pipe branch exits 1 itself: stop quietly
        code = 0 if exc.code == 1 else exc.code
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        code = 130
    except Exception as exc:
        if not is_typer_exception(exc):
            sys.stderr.write(internal_error_message(exc) + "\n")
            code = INTERNAL_ERROR_EXIT
        elif hasattr(exc, "show"):  # a usage error: Typer's message, exit 2
            exc.show()
            code = max(int(getattr(exc, "exit_code", 2)), 2)
        else:  # Abort: end of input where a command line option was asked for
            sys.stderr.write("error: no input\n")
            code = 2
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["app", "main"]
