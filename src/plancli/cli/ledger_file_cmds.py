"""`plancli ledger …`: commands about the ledger itself (its store), not its figures: convert
between TOML, SQLite and PostgreSQL; create a database ledger; map roles to departments."""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import PlanGroup, State, app, command, say, state
from plancli.cli.streams import emit
from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.safe import clip, clip_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from plancli.locations import LedgerLocation
    from plancli.stores.base import LedgerContents
    from plancli.stores.postgres import PostgresLedgerStore

ledger_app = typer.Typer(
    name="ledger",
    cls=PlanGroup,
    help=_(
        "The ledger itself: convert between TOML, SQLite and PostgreSQL; a shared database "
        "ledger's schema and departments."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app)


def _location(st: State, ledger: str) -> "LedgerLocation":
    """A ledger named on the command line; a database one is told the plan (--plan) whose
    records it holds, and that plan's owners."""
    from functools import partial

    from plancli.locations import location_of
    from plancli.plain import plan_owners

    location = location_of(ledger)
    if location.url is None:
        return location
    from plancli.texts import shell_word

    plan, source = st.plain_plan, st.source
    return location._replace(
        plan_id=plan.plan.id,
        owners=partial(plan_owners, plan),
        plan_arg=source.bundled_id or shell_word(str(source.path)),
    )


@command(
    "convert",
    on=ledger_app,
    help=_(
        "Copy a ledger into another store: every revision, batch, time, note, source and "
        "writer (a SQLite ledger keeps no writer: .toml does), and every amendment. A "
        "database ledger holds the records of the plan given by --plan."
    ),
)
def convert_cmd(
    ctx: typer.Context,
    from_ledger: Annotated[
        str,
        typer.Argument(metavar="FROM", help=_("The ledger to read (a file or a database).")),
    ],
    to_ledger: Annotated[
        str,
        typer.Argument(
            metavar="TO",
            help=_(
                "The ledger to write: TOML if it ends in .toml, SQLite in .sqlite or .db, "
                "PostgreSQL if it is a connection string (postgresql://…, service=…); another "
                "name is refused."
            ),
        ),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_("Replace the records of an existing TO ledger (of a database: the plan's)."),
        ),
    ] = False,
    allow_empty: Annotated[
        bool,
        typer.Option(
            "--allow-empty",
            help=_(
                "With --force, let a FROM ledger holding no records replace TO's (empty it); "
                "without it, an empty FROM is refused: a wrong file, more often than not."
            ),
        ),
    ] = False,
) -> None:
    from plancli.stores import store_class
    from plancli.stores.copy import copy_ledger

    st = state(ctx)
    origin, target = _location(st, from_ledger), _location(st, to_ledger)
    if target.url is None:  # the name chooses the format: `out.txt` was written as TOML
        from plancli.locations import unknown_ledger_name

        refusal = unknown_ledger_name(target.path)
        if refusal is not None:
            raise InputError(refusal)
    # Into a database, under the plan --plan names (a ledger file carries no plan id): a file
    # none of whose figures is for a target of that plan is another plan's, refused before
    # anything is written, never warned of after (audit V D7).
    check = _the_plans_figures(st, origin) if target.url is not None else None
    replaced: list[LedgerContents] = []  # a database's rows a forced copy replaced
    copied = copy_ledger(
        origin,
        target,
        force=force,
        allow_empty=allow_empty,
        check=check,
        replacing=replaced.append,
    )
    count = len(copied.records)
    what = ngettext("{n} record", "{n} records", count).format(n=count)
    if copied.amendments:
        n = len(copied.amendments)
        amendments = ngettext("{n} amendment", "{n} amendments", n).format(n=n)
        what = _("{records} and {amendments}").format(records=what, amendments=amendments)
    if target.url or origin.url:
        what = _("{what} of plan {plan}").format(what=what, plan=target.plan_id or origin.plan_id)
    say(
        _("converted {what}: {source} ({source_format}) -> {destination} ({format})").format(
            what=what,
            source=clip_path(origin.shown),
            source_format=origin.format,
            destination=clip_path(target.shown),
            format=target.format,
        )
    )
    written = [r.recorded_by for r in copied.records]
    lost = sum(1 for who in (*written, *(a.recorded_by for a in copied.plain_amendments)) if who)
    if lost and not store_class(target).keeps_writers:  # said when it matters, not only in docs
        say(
            ngettext(
                "warning: a SQLite ledger keeps no writer (recorded_by, 录入人): who entered "
                "{n} record or amendment is not in {destination}; convert to a .toml file to "
                "keep it",
                "warning: a SQLite ledger keeps no writer (recorded_by, 录入人): who entered "
                "{n} records and amendments is not in {destination}; convert to a .toml file "
                "to keep it",
                lost,
            ).format(n=lost, destination=clip_path(target.shown))
        )
    if replaced:  # a SQLite backup restored: the departments' batches no longer theirs
        from plancli.stores.writers_dropped import writers_dropped_warning

        dropped = writers_dropped_warning(replaced[0], copied, origin.shown)
        if dropped:
            say(dropped)


def _the_plans_figures(st: State, origin: "LedgerLocation") -> "Callable[[LedgerContents], None]":
    """The check of a convert into a database: the file's figures are for the plan's targets."""
    from plancli.ledger_read import ledger_strays

    plan = st.plain_plan

    def check(contents: "LedgerContents") -> None:
        known = {target.id for target in plan.targets}
        strays = ledger_strays(known, plan.plan.year, contents.records)
        if strays is None:
            return
        raise InputError(
            ngettext(
                "{source}: its {n} figure is for no target of plan {plan} in {year} "
                "({strays}): another plan's ledger? A ledger file names no plan: give its "
                "plan with --plan; nothing was written",
                "{source}: its {n} figures are for no target of plan {plan} in {year} "
                "({strays}): another plan's ledger? A ledger file names no plan: give its "
                "plan with --plan; nothing was written",
                strays.figures,
            ).format(
                source=clip_path(origin.shown),
                n=strays.figures,
                plan=plan.plan.id,
                year=plan.plan.year,
                strays=strays.shown,
            )
        )

    return check


def _database(st: State, ledger: str | None, command_name: str) -> "PostgresLedgerStore":
    """The PostgreSQL store of LEDGER, else of --ledger / PLANCLI_LEDGER."""
    from plancli.stores.postgres import PostgresLedgerStore

    location = _location(st, ledger) if ledger else st.ledger_location
    if location.url is None:
        raise InputError(
            _(
                "`plancli ledger {command}` is for a PostgreSQL ledger (postgresql://…, "
                "service=…); {ledger} is a {format} file"
            ).format(command=command_name, ledger=clip_path(location.shown), format=location.format)
        )
    return PostgresLedgerStore(location)


@command(
    "init",
    on=ledger_app,
    help=_(
        "Create (or migrate) a PostgreSQL ledger's schema, and push the plan's owners "
        "(牵头单位) of its targets. Run it as the role that is to own the ledger."
    ),
)
def init_cmd(
    ctx: typer.Context,
    ledger: Annotated[
        str | None,
        typer.Argument(
            metavar="[URL]",
            help=_(
                "The database: postgresql://…, postgres://… or service=… (default: --ledger "
                "or PLANCLI_LEDGER)."
            ),
        ),
    ] = None,
) -> None:
    st = state(ctx)
    store = _database(st, ledger, "init")
    done = store.init()
    shown = store.location.shown
    if done.before == 0:
        say(
            _("created the plancli ledger (schema version {version}) in {ledger}").format(
                version=done.after, ledger=clip_path(shown)
            )
        )
    elif done.before < done.after:
        say(
            _("migrated the plancli ledger in {ledger} from version {old} to {new}").format(
                ledger=clip_path(shown), old=done.before, new=done.after
            )
        )
    else:
        say(
            _(
                "the plancli ledger in {ledger} is at schema version {version}; nothing to migrate"
            ).format(ledger=clip_path(shown), version=done.after)
        )
    from plancli.shared_ledger import owner_lines, owners_lines, spread_grants_warning

    for line in [*owner_lines(done), *owners_lines(done, store.location.plan_id or "")]:
        say(line)
    spread = spread_grants_warning(*done.spread_grants)
    if spread is not None:
        say(spread)


@command(
    "grant",
    on=ledger_app,
    help=_(
        "Let ROLE record the targets DEPARTMENT owns in --plan's plan in a PostgreSQL ledger "
        "(and read all)."
    ),
)
def grant_cmd(
    ctx: typer.Context,
    department: Annotated[
        str,
        typer.Argument(
            metavar="DEPARTMENT", help=_("The department, as the plan's `owner` names it.")
        ),
    ],
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help=_("A database role (a user, or a group whose members log in).")
        ),
    ],
    revoke: Annotated[
        bool, typer.Option("--revoke", help=_("Take the role away from the department."))
    ] = False,
) -> None:
    from plancli.radicals import radical_free

    st = state(ctx)
    store = _database(st, None, "grant")
    department = radical_free(department.strip())  # as the plan's owners are pushed: 工信局
    from plancli.safe import name_shown, visible

    # `统计局\u034f` prints as 统计局 (audit P D5); a control or Cf character is shown escaped
    if name_shown(department) != visible(department):
        raise InputError(
            _(
                "{department}: a department's name with an invisible character or a space "
                "that is not an ASCII one in it: it reads as another department's"
            ).format(department=name_shown(department))
        )
    # a line feed, ESC, U+202E: no name shown or listed as it is written (`ledger grants`);
    # --revoke takes one, to undo a grant made before session 29
    if not revoke and not department.isprintable():
        raise InputError(
            _(
                "{department}: a department's name with a control or invisible character in "
                "it; nothing was granted"
            ).format(department=name_shown(department))
        )
    # (`CREATE ROLE "bo\nb"` was suggested with its line feed raw)
    if not revoke and not role.isprintable():
        raise InputError(
            _(
                "ROLE {role}: a role's name with a control or invisible character in it; name "
                "the role as the server lists it (\\du in psql); nothing was granted"
            ).format(role=clip(role, quote=True))
        )
    listed = store.location.owners
    if not revoke and listed is not None:  # (a mapping is revoked by the text it holds)
        from plancli.shared_ledger import owner_twin_refusal

        owner_twin_refusal(department, listed())
    store.grant(department, role, revoke=revoke)
    shown = store.location.shown
    if revoke:
        message = _("role {role} no longer records for {department} of plan {plan} in {ledger}")
    else:
        message = _(
            "role {role} records for {department} of plan {plan} in {ledger}: the targets it "
            "owns in that plan (a grant is per plan)"
        )
    plan = store.location.plan_id or ""
    say(
        message.format(
            role=clip(role), department=clip(department), plan=plan, ledger=clip_path(shown)
        )
    )
    if not revoke and listed is not None:
        from plancli.shared_ledger import grant_warning

        warning = grant_warning(department, store.location.plan_id or "", listed())
        if warning is not None:
            say(warning)


@command(
    "grants",
    on=ledger_app,
    help=_("List the departments of a PostgreSQL ledger and the roles that record for each."),
)
def grants_cmd(ctx: typer.Context) -> None:
    from plancli.safe import tsv_cell
    from plancli.shared_ledger import grants_listing

    st = state(ctx)
    store = _database(st, None, "grants")
    rows = store.grants()
    listed = store.location.owners
    owners = listed() if listed is not None else ()
    if not rows and not owners:
        say(
            _("no department has a role in {ledger} (plancli ledger grant)").format(
                ledger=clip_path(store.location.shown)
            )
        )
        return
    grants = [(g.department, g.role) for g in rows]
    lost = {g.role: "dropped" if not g.exists else "unusable" for g in rows if not g.usable}
    listing = grants_listing(
        store.location.plan_id or "", store.location.shown, grants, owners, lost
    )
    say(listing.header)
    emit("\n".join("\t".join(tsv_cell(field) for field in row) for row in listing.rows))
