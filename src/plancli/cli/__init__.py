"""Command-line interface: commands only (parse, call the core, render, map errors).

The modules of this package do not use `from __future__ import annotations`: Typer resolves
string annotations of every command's parameters with `get_type_hints` on each run, and
building the commands for `plancli --help` took 15 ms that way against 5 ms with real
annotations (issue 5's `--help` goal). Names imported only for type checking are quoted.
"""

import sys

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
from plancli.cli.app import app

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
    name = invoked_command(sys.argv[1:])
    if name is not None:
        only(name)
    app()


__all__ = ["app", "main"]
