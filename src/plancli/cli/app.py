"""The Typer application, its global options and the state they set.

Only the `plancli.cli` package knows Typer and exit codes. Commands are registered with
`@command()`, which wraps each in the error boundary (`boundary.guarded`): a `PlanError`
becomes `error: …` on stderr and its documented exit code, never a traceback; a usage error
(unknown option, missing argument) is the same one line, exit 2 (`root_group.GroupedHelp`).
The global options may follow the command (`root_group.hoist_global_options`). Messages go
through gettext (`plancli.i18n`). Heavy modules (Rich, the plan models, the assessment) are
imported inside the commands that need them, to keep start-up fast.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plancli import __version__
from plancli.cli.boundary import (
    INTERNAL_ERROR_EXIT,
    F,
    fail,
    guarded,
    internal_error_message,
    interrupted_message,
    is_typer_exception,
    say,
)
from plancli.cli.root_group import ARGV_LANG, HELP_GROUPS, GroupedHelp, PlanCommand, PlanGroup
from plancli.errors import InputError
from plancli.i18n import Lang, _, default_lang, env_lang, set_language
from plancli.safe import Clipped, clip_path

if TYPE_CHECKING:
    from plancli import plain
    from plancli.locations import LedgerLocation, PlanSource
    from plancli.model import Plan

# What the command modules import from here, though it is defined elsewhere.
__all__ = [
    "HELP_GROUPS",
    "INTERNAL_ERROR_EXIT",
    "Lang",
    "PlanCommand",
    "PlanGroup",
    "default_lang",
    "fail",
    "internal_error_message",
    "interrupted_message",
    "is_typer_exception",
    "say",
]


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """`app.command` (or `on.command`, a sub-app's), with the error boundary around it."""

    def decorate(func: F) -> F:
        kwargs.setdefault("cls", PlanCommand)
        (on or app).command(*args, **kwargs)(guarded(func))
        return func

    return decorate


def check_env_lang() -> None:
    """A `PLANCLI_LANG` that names no language is refused, as a bad `--lang` is (not ignored:
    the user set it to be obeyed)."""
    value = os.environ.get("PLANCLI_LANG", "").strip()
    if value and env_lang() is None:
        fail(_("PLANCLI_LANG={value}: choose en or zh").format(value=value))


def check_lang(value: str) -> Lang:
    from plancli.i18n import lang_named

    if (named := lang_named(value)) is not None:  # ZH, zh_CN: as PLANCLI_LANG's
        return named
    raise InputError(_("--lang {value}: choose en or zh").format(value=Clipped(value)))


@dataclass
class State:
    """Global options, and the plan loaded once on first use: `plan`, the validated models,
    for commands that write and `validate`; `plain_plan`, plain data from the plan's compiled
    form, for read commands (no Pydantic on their path: issue 15)."""

    plan_ref: str | None = None
    ledger: str | None = None  # a file's path or a database's connection string
    lang: Lang = "en"
    # Who named the ledger: "--ledger", "PLANCLI_LEDGER", or None (the default place).
    ledger_from: str | None = None
    plan_from_env: bool = False  # the plan named by PLANCLI_PLAN, not --plan
    discover: bool = True  # without either, the workspace's plan (`.plancli.toml`); not init
    _plan: "Plan | None" = field(default=None, repr=False)
    _plain: "plain.Plan | None" = field(default=None, repr=False)
    _source: "PlanSource | None" = field(default=None, repr=False)
    _location: "LedgerLocation | None" = field(default=None, repr=False)

    @property
    def source(self) -> "PlanSource":
        if self._source is None:
            from plancli.cli.workspace_notes import say_source_note
            from plancli.locations import bundled_hint, resolve_plan
            from plancli.workspace import env_wins_note

            try:
                self._source = resolve_plan(self.plan_ref, self.discover)
            except InputError:
                ref = self.plan_ref
                if not self.plan_from_env or ref is None or os.path.lexists(ref):
                    raise
                # The user gave no --plan: name where the name came from, and the folder it
                # was looked for in (a profile's PLANCLI_PLAN, cron's $HOME).
                raise InputError(
                    _(
                        "PLANCLI_PLAN={ref}: no such file in {folder} and no bundled plan of "
                        "that id ({known})"
                    ).format(
                        ref=clip_path(ref), folder=clip_path(os.getcwd()), known=bundled_hint(ref)
                    )
                    + env_wins_note(self.discover)
                ) from None
            say_source_note(self)  # PLANCLI_PLAN over a marker; a folder's ledger left unused
        return self._source

    @property
    def plan(self) -> "Plan":
        if self._plan is None:
            from plancli.plan import load_plan_file

            self._plan = load_plan_file(self.source.path)
        return self._plan

    @property
    def plain_plan(self) -> "plain.Plan":
        if self._plain is None:
            from plancli.plan import load_plain_plan

            self._plain = load_plain_plan(self.source.path)
        return self._plain

    @property
    def ledger_location(self) -> "LedgerLocation":
        """DESIGN §5: --ledger > PLANCLI_LEDGER > beside a plan file > the app dir. Resolved
        once (a database ledger's carries the plan's owners: 100,000 of them in a city's)."""
        if self._location is None:
            self._location = self.ledger_location_for(self.source)
        return self._location

    def ledger_location_for(
        self, source: "PlanSource", plan: "Plan | plain.Plan | None" = None
    ) -> "LedgerLocation":
        """Where the ledger of that plan is, by the same rules (e.g. for a plan `init` wrote,
        whose content is `plan`). A database ledger holds many plans: it is told the plan's id
        and the plan's owners (牵头单位), so it reads and writes only that plan's records."""
        from plancli.locations import app_dir, resolve_ledger

        location = resolve_ledger(
            self.ledger,
            source,
            app_dir=app_dir(),
            env_value=os.environ.get("PLANCLI_LEDGER"),
        )
        if location.url is None:
            return location
        from functools import partial

        from plancli.plain import plan_owners

        if plan is None and source == self.source:
            # The plan as loaded already: a write has its model; a read command, plain data
            # (it then needs no Pydantic). Loading the other form too would cost a 100,000-
            # target plan's load again.
            plan = self._plan if self._plan is not None else self.plain_plan
        elif plan is None:
            plan = _load(source)
        from plancli.texts import shell_word

        return location._replace(
            plan_id=plan.plan.id,
            owners=partial(plan_owners, plan),
            plan_arg=source.bundled_id or shell_word(str(source.path)),
        )

    @property
    def ledger_path(self) -> Path:
        """Where recorded figures of this plan are read from and written to (a file ledger;
        a database ledger's `path` is only its name, see `ledger_shown`)."""
        return self.ledger_location.path

    @property
    def ledger_shown(self) -> str:
        """The ledger as messages name it: its path, or its connection string, password
        masked."""
        return self.ledger_location.shown

    def _named_by(self) -> str | None:
        if self.ledger is not None:
            return self.ledger_from or "--ledger"
        return "PLANCLI_LEDGER" if os.environ.get("PLANCLI_LEDGER") else None

    def read_ledger(self) -> "LedgerLocation":
        """The ledger to read. One named explicitly (--ledger, PLANCLI_LEDGER) must exist: a
        mistyped name must not read as an empty ledger and turn a monthly check green (issue
        12). The default place (beside the plan, the app dir) reads as empty until written."""
        location = self.ledger_location
        named_by = self._named_by()
        if location.url is not None:
            return location  # a database: reading one without a plancli ledger says so
        if named_by is not None and not os.path.lexists(location.path):
            raise InputError(
                _(
                    "ledger {path} does not exist (named by {by}); record or import create it"
                ).format(path=clip_path(location.path), by=named_by)
            )
        return location

    def ledger_to_create(self) -> str | None:
        """Before a write: who named the ledger, when it was named explicitly and does not
        exist yet (the write will create it); else None."""
        named_by = self._named_by()
        location = self.ledger_location
        if location.url is None and named_by is not None and not os.path.lexists(location.path):
            return named_by
        return None


def _load(source: "PlanSource") -> "plain.Plan":
    from plancli.plan import load_plain_plan

    return load_plain_plan(source.path)


def say_created(
    path: Path, named_by: str | None, written: bool, dry_run: bool, store: object = None
) -> None:
    """After a write: a ledger named explicitly that did not exist is said to be created, so
    a mistyped name is seen at once (issue 12) — by the process whose write created it, when
    two first writers raced (`store.created`; a store that cannot tell, PostgreSQL, says so)."""
    if named_by is None or not (dry_run or getattr(store, "created", True)):
        return
    if dry_run:
        say(
            _("note: {path} does not exist (named by {by}); it would be created").format(
                path=clip_path(path), by=named_by
            )
        )
    elif written:
        say(_("created {path} (named by {by})").format(path=clip_path(path), by=named_by))


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):  # a command invoked without the root callback (tests)
        obj = State(lang=default_lang())
        ctx.find_root().obj = obj
    return obj


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancli {__version__}")
        raise typer.Exit()


def complete_plan(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of --plan: the bundled plans' ids."""
    from plancli.locations import bundled_plans

    return [(plan_id, "") for plan_id in bundled_plans() if plan_id.startswith(incomplete)]


app = typer.Typer(
    name="plancli",
    cls=GroupedHelp,
    help=_("Track a government's annual development plan against its targets."),
    no_args_is_help=True,
    add_completion=False,  # `plancli completion SHELL`: Typer's options cost start-up time
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    plan: Annotated[
        str | None,
        typer.Option(
            "--plan",
            metavar="PATH|ID",
            envvar="PLANCLI_PLAN",
            help=_("Plan file path, or a bundled plan id (`plancli plans` lists them)."),
            show_default=_("the workspace's (.plancli.toml), else guandu-2022"),
            autocompletion=complete_plan,
        ),
    ] = None,
    ledger: Annotated[
        str | None,
        typer.Option(
            "--ledger",
            metavar="FILE|URL",
            envvar="PLANCLI_LEDGER",
            help=_(
                "Ledger of recorded progress: a file (.toml, .sqlite), or a PostgreSQL database "
                "shared by a bureau (postgresql://…, service=…; docs/shared-ledger.md). "
                "Default: beside the plan, or the app dir."
            ),
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|zh",
            help=_(
                "Language of messages, tables and reports: en or zh (default: PLANCLI_LANG, "
                "else the locale)."
            ),
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version.")),
    ] = False,
) -> None:
    chosen: Lang = ctx.meta.get(ARGV_LANG) or default_lang()
    set_language(chosen)  # for the error about a --lang that is neither en nor zh
    if lang is not None:
        chosen = check_lang_option(lang)
    else:
        check_env_lang()
    set_language(chosen)
    ledger_from = None
    if ledger is not None:
        source = ctx.get_parameter_source("ledger")
        from_env = source is not None and source.name == "ENVIRONMENT"
        ledger_from = "PLANCLI_LEDGER" if from_env else "--ledger"
    plan_source = ctx.get_parameter_source("plan") if plan is not None else None
    ctx.obj = State(
        plan_ref=plan,
        ledger=ledger,
        lang=chosen,
        ledger_from=ledger_from,
        plan_from_env=plan_source is not None and plan_source.name == "ENVIRONMENT",
    )


def check_lang_option(value: str) -> Lang:
    try:
        return check_lang(value)
    except InputError as exc:
        fail(str(exc))


JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON (UTF-8) on stdout."))]
# the encoding said where the option is: a UTF-8 terminal's CSV opened in a Chinese Excel,
# which reads a file without the BOM as GBK, was mojibake (session 37's walk)
CsvOpt = Annotated[
    bool,
    typer.Option(
        "--csv",
        help=_(
            "Print CSV on stdout, in the terminal's encoding; for Excel from a UTF-8 system, "
            "set PLANCLI_CSV_BOM=1 (UTF-8 with the BOM Excel needs)."
        ),
    ),
]
SectionOpt = Annotated[str | None, typer.Option("--section", "-s", help=_("Only this section id."))]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind", "-k", help=_("Only this kind: growth, level, cumulative, milestone, relative, …")
    ),
]


def one_format(json_out: bool, csv_out: bool) -> None:
    """--json and --csv exclude each other."""
    if json_out and csv_out:
        raise InputError(_("choose one of --json and --csv"))
