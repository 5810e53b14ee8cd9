"""`plancli ledger …`: commands about the ledger file itself (its format), not its figures."""

from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app, command, say

ledger_app = typer.Typer(
    name="ledger",
    help="The ledger file: convert between TOML and SQLite.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app)


@command("convert", on=ledger_app)
def convert_cmd(
    source: Annotated[Path, typer.Argument(metavar="FROM", help="The ledger to read.")],
    destination: Annotated[
        Path,
        typer.Argument(
            metavar="TO",
            help="The ledger to write: SQLite if it ends in .sqlite or .db, else TOML.",
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the records of an existing TO ledger.")
    ] = False,
) -> None:
    """Copy a ledger into the other format: every revision, batch, time, note and source, and
    every amendment."""
    from plancli.ledger import copy_ledger
    from plancli.locations import ledger_format

    copied = copy_ledger(source, destination, force=force)
    count = len(copied.records)
    what = f"{count} record{'s' if count != 1 else ''}"
    if copied.amendments:
        amendments = len(copied.amendments)
        what += f" and {amendments} amendment{'s' if amendments != 1 else ''}"
    say(
        f"converted {what}: {source} "
        f"({ledger_format(source)}) -> {destination} ({ledger_format(destination)})",
    )
