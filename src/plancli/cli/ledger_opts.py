"""What the commands that write a ledger share: their options, and the store's advice after
a write."""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import say
from plancli.cli.completion import complete_target
from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.stores.base import LedgerStore

DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help=_("Check and show what would change; write nothing.")),
]
WrittenJsonOpt = Annotated[
    bool,
    typer.Option("--json", help=_("Print what was written as JSON on stdout (`plancli schema`).")),
]
TargetArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help=_("Target id (see `plancli targets`)."),
        autocompletion=complete_target,
    ),
]


def advise(store: "LedgerStore") -> None:
    """The store's word on its fitness: a large TOML ledger is advised to move to SQLite."""
    advice = store.advice()
    if advice is not None:
        say(_("note: {message}").format(message=advice))
