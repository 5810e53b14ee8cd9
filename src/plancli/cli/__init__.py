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
from plancli.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
