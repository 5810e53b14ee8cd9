"""Command-line interface: commands only (parse, call the core, render, map errors)."""

from __future__ import annotations

from plancli.cli import (
    assess_cmds,  # noqa: F401  (registers commands)
    ledger_cmds,  # noqa: F401  (registers commands)
    ledger_file_cmds,  # noqa: F401  (registers the `ledger` sub-app)
    plan_cmds,  # noqa: F401  (registers commands)
    report_cmds,  # noqa: F401  (registers commands)
)
from plancli.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
