"""`plancli ledger …`: commands about the ledger itself (its store), not its figures: convert
between TOML, SQLite and PostgreSQL; create a database ledger; map roles to departments."""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import State, app, command, say, state
from plancli.errors import InputError

if TYPE_CHECKING:
    from plancli.ledger_postgres import PostgresLedgerStore
    from plancli.locations import LedgerLocation

ledger_app = typer.Typer(
    name="ledger",
    help="The ledger itself: convert between TOML, SQLite and PostgreSQL; a shared database "
    "ledger's schema and departments.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app)


def _location(st: State, ledger: str) -> "LedgerLocation":
    """A ledger named on the command line; a database one is told the plan (--plan) whose
    records it holds, and that plan's owners."""
    import dataclasses

    from plancli.ledger import plan_owners
    from plancli.locations import location_of

    location = location_of(ledger)
    if location.url is None:
        return location
    plan = st.plan
    return dataclasses.replace(location, plan_id=plan.plan.id, owners=plan_owners(plan))


@command("convert", on=ledger_app)
def convert_cmd(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="The ledger to read (a file or a database).")
    ],
    destination: Annotated[
        str,
        typer.Argument(
            metavar="TO",
            help="The ledger to write: SQLite if it ends in .sqlite or .db, PostgreSQL if it is "
            "a connection string (postgresql://…, service=…), else TOML.",
        ),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace the records of an existing TO ledger (of a database: the plan's).",
        ),
    ] = False,
) -> None:
    """Copy a ledger into another store: every revision, batch, time, note, source and writer,
    and every amendment. A database ledger holds the records of the plan given by --plan."""
    from plancli.ledger import copy_ledger

    st = state(ctx)
    origin, target = _location(st, source), _location(st, destination)
    copied = copy_ledger(origin, target, force=force)
    count = len(copied.records)
    what = f"{count} record{'s' if count != 1 else ''}"
    if copied.amendments:
        amendments = len(copied.amendments)
        what += f" and {amendments} amendment{'s' if amendments != 1 else ''}"
    plan = f" of plan {target.plan_id or origin.plan_id}" if target.url or origin.url else ""
    say(
        f"converted {what}{plan}: {origin.shown} ({origin.format}) -> "
        f"{target.shown} ({target.format})",
    )


def _database(st: State, ledger: str | None, command_name: str) -> "PostgresLedgerStore":
    """The PostgreSQL store of LEDGER, else of --ledger / PLANCLI_LEDGER."""
    from plancli.ledger_postgres import PostgresLedgerStore

    location = _location(st, ledger) if ledger else st.ledger_location
    if location.url is None:
        raise InputError(
            f"`plancli ledger {command_name}` is for a PostgreSQL ledger (postgresql://…, "
            f"service=…); {location.shown} is a {location.format} file"
        )
    return PostgresLedgerStore(location)


@command("init", on=ledger_app)
def init_cmd(
    ctx: typer.Context,
    ledger: Annotated[
        str | None,
        typer.Argument(
            metavar="[URL]",
            help="The database: postgresql://…, postgres://… or service=… (default: --ledger "
            "or PLANCLI_LEDGER).",
        ),
    ] = None,
) -> None:
    """Create (or migrate) a PostgreSQL ledger's schema, and push the plan's owners (牵头单位)
    of its targets. Run it as the role that is to own the ledger."""
    st = state(ctx)
    store = _database(st, ledger, "init")
    done = store.init()
    shown = store.location.shown
    if done.before == 0:
        say(f"created the plancli ledger (schema version {done.after}) in {shown}")
    elif done.before < done.after:
        say(f"migrated the plancli ledger in {shown} from version {done.before} to {done.after}")
    else:
        say(f"the plancli ledger in {shown} is at schema version {done.after}; nothing to migrate")
    plan = store.location.plan_id
    if done.owners and done.owners_pushed:
        say(f"plan {plan}: {done.owners} targets with an owner (牵头单位) pushed to the database")
    elif done.owners:
        say(f"plan {plan}: its {done.owners} targets' owners are in the database already")
    else:
        say(
            f"plan {plan} names no owner (牵头单位) for its targets: only the ledger's owner "
            'may record (add `owner = "…"` to the plan\'s targets, then run init again)'
        )


@command("grant", on=ledger_app)
def grant_cmd(
    ctx: typer.Context,
    department: Annotated[
        str,
        typer.Argument(
            metavar="DEPARTMENT", help="The department, as the plan's `owner` names it."
        ),
    ],
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="A database role (a user, or a group whose members log in)."
        ),
    ],
    revoke: Annotated[
        bool, typer.Option("--revoke", help="Take the role away from the department.")
    ] = False,
) -> None:
    """Let ROLE record the targets DEPARTMENT owns in a PostgreSQL ledger (and read all)."""
    st = state(ctx)
    store = _database(st, None, "grant")
    store.grant(department, role, revoke=revoke)
    shown = store.location.shown
    if revoke:
        say(f"role {role} no longer records for {department} in {shown}")
    else:
        say(f"role {role} records for {department} in {shown}: the targets {department} owns")


@command("grants", on=ledger_app)
def grants_cmd(ctx: typer.Context) -> None:
    """List the departments of a PostgreSQL ledger and the roles that record for each."""
    from plancli.cli.app import emit

    st = state(ctx)
    store = _database(st, None, "grants")
    rows = store.grants()
    if not rows:
        say(f"no department has a role in {store.location.shown} (plancli ledger grant)")
        return
    from plancli.safe import visible

    emit("\n".join(f"{visible(g.department)}\t{visible(g.role)}" for g in rows))
