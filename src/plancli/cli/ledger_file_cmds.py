"""`plancli ledger …`: commands about the ledger file itself (its format), not its figures."""

from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import PlanGroup, app, command, say
from plancli.i18n import _, ngettext

ledger_app = typer.Typer(
    name="ledger",
    cls=PlanGroup,
    help=_("The ledger file: convert between TOML and SQLite."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app)


@command(
    "convert",
    on=ledger_app,
    help=_(
        "Copy a ledger into the other format: every revision, batch, time, note and source, "
        "and every amendment."
    ),
)
def convert_cmd(
    source: Annotated[Path, typer.Argument(metavar="FROM", help=_("The ledger to read."))],
    destination: Annotated[
        Path,
        typer.Argument(
            metavar="TO",
            help=_("The ledger to write: SQLite if it ends in .sqlite or .db, else TOML."),
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the records of an existing TO ledger."))
    ] = False,
) -> None:
    from plancli.ledger import copy_ledger
    from plancli.locations import ledger_format

    copied = copy_ledger(source, destination, force=force)
    count = len(copied.records)
    what = ngettext("{n} record", "{n} records", count).format(n=count)
    if copied.amendments:
        n = len(copied.amendments)
        amendments = ngettext("{n} amendment", "{n} amendments", n).format(n=n)
        what = _("{records} and {amendments}").format(records=what, amendments=amendments)
    say(
        _("converted {what}: {source} ({source_format}) -> {destination} ({format})").format(
            what=what,
            source=source,
            source_format=ledger_format(source),
            destination=destination,
            format=ledger_format(destination),
        )
    )
