"""The Typer application, its global options and the one error boundary.

Only the `plancli.cli` package knows Typer and exit codes. Commands are registered with
`@command()`, which wraps each in the boundary: a `PlanError` becomes `error: …` on stderr and
its documented exit code, never a traceback. Heavy modules (Rich, the plan models, the
assessment) are imported inside the commands that need them, to keep start-up fast.
"""

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer

from plancli import __version__
from plancli.errors import InputError, PlanError
from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.locations import LedgerLocation, PlanSource
    from plancli.model import Plan

Lang = Literal["en", "zh"]

# `plancli --help` lists the commands by what an analyst is doing, like `gh` and `git` do,
# rather than in the order the modules register them. A command left out of every group is
# listed under "Other", so a new command is never hidden.
HELP_GROUPS: dict[str, tuple[str, ...]] = {
    "Where we stand": ("status", "gap", "show", "report"),
    "Recording progress": ("record", "import", "amend", "template", "history", "undo"),
    "The plan": ("targets", "plans", "validate", "schema", "init", "extract"),
    "Files": ("ledger",),
}


class GroupedHelp(typer.core.TyperGroup):
    """The root command: its help lists the commands under the headings of HELP_GROUPS."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        shown = {
            name: command
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        }
        if not shown:
            return
        widest = max(len(name) for name in shown)
        limit = formatter.width - 6 - widest
        grouped = [name for names in HELP_GROUPS.values() for name in names]
        groups = [*HELP_GROUPS.items(), ("Other", tuple(n for n in shown if n not in grouped))]
        for title, names in groups:  # names padded alike: one column across the sections
            rows = [
                (n.ljust(widest), shown[n].get_short_help_str(limit)) for n in names if n in shown
            ]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    name="plancli",
    cls=GroupedHelp,
    help="Track a government's annual development plan against its targets.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """`app.command` (or `on.command`, a sub-app's), with the error boundary around it."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*call_args: Any, **call_kwargs: Any) -> Any:
            try:
                return func(*call_args, **call_kwargs)
            except PlanError as exc:
                say(f"error: {exc}")
                raise typer.Exit(exc.exit_code) from None
            except BrokenPipeError:  # `plancli targets | head`: stop quietly, exit 0
                # Point stdout at /dev/null so the interpreter's final flush does not fail too.
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                raise typer.Exit(0) from None
            except KeyboardInterrupt:
                say("interrupted")
                raise typer.Exit(130) from None

        (on or app).command(*args, **kwargs)(wrapper)
        return func

    return decorate


def default_lang() -> Lang:
    """zh when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@dataclass
class State:
    """Global options, and the plan loaded once on first use."""

    plan_ref: str | None = None
    ledger: str | None = None  # a file's path or a database's connection string
    lang: Lang = "en"
    _plan: "Plan | None" = field(default=None, repr=False)
    _source: "PlanSource | None" = field(default=None, repr=False)

    @property
    def source(self) -> "PlanSource":
        if self._source is None:
            from plancli.locations import resolve_plan

            self._source = resolve_plan(self.plan_ref)
        return self._source

    @property
    def plan(self) -> "Plan":
        if self._plan is None:
            from plancli.plan import load_plan_file

            self._plan = load_plan_file(self.source.path)
        return self._plan

    @property
    def ledger_location(self) -> "LedgerLocation":
        """DESIGN §5: --ledger > PLANCLI_LEDGER > beside a plan file > the app dir."""
        return self.ledger_location_for(self.source)

    def ledger_location_for(
        self, source: "PlanSource", plan: "Plan | None" = None
    ) -> "LedgerLocation":
        """Where the ledger of that plan is, by the same rules (e.g. for a plan `init` wrote,
        whose content is `plan`). A database ledger holds many plans: it is told the plan's id
        and the plan's owners (牵头单位), so it reads and writes only that plan's records."""
        from plancli.locations import resolve_ledger

        location = resolve_ledger(
            self.ledger,
            source,
            app_dir=Path(typer.get_app_dir("plancli")),
            env_value=os.environ.get("PLANCLI_LEDGER"),
        )
        if location.url is None:
            return location
        import dataclasses

        from plancli.ledger import plan_owners

        if plan is None:
            plan = self.plan if source == self.source else _load(source)
        return dataclasses.replace(location, plan_id=plan.plan.id, owners=plan_owners(plan))

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


def _load(source: "PlanSource") -> "Plan":
    from plancli.plan import load_plan_file

    return load_plan_file(source.path)


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


@app.callback()
def root(
    ctx: typer.Context,
    plan: Annotated[
        str | None,
        typer.Option(
            "--plan",
            metavar="PATH|ID",
            envvar="PLANCLI_PLAN",
            help="Plan file path, or a bundled plan id (guandu-2022, guandu-2021).",
            show_default="guandu-2022",
        ),
    ] = None,
    ledger: Annotated[
        str | None,
        typer.Option(
            "--ledger",
            metavar="FILE|URL",
            envvar="PLANCLI_LEDGER",
            help="Ledger of recorded progress: a file (.toml, .sqlite), or a PostgreSQL "
            "database (postgresql://…, service=…) shared by a bureau (default: beside the "
            "plan, or the app dir).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|zh",
            help="Language of tables, the dashboard and reports: en or zh (default: LANG).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Track a government's annual development plan against its targets."""
    if lang is not None and lang not in ("en", "zh"):
        raise typer.BadParameter(f"{lang!r} is not one of en, zh", param_hint="--lang")
    chosen: Lang = lang if lang in ("en", "zh") else default_lang()  # type: ignore[assignment]
    ctx.obj = State(plan_ref=plan, ledger=ledger, lang=chosen)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (UTF-8) on stdout.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV on stdout.")]
SectionOpt = Annotated[str | None, typer.Option("--section", "-s", help="Only this section id.")]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind", "-k", help="Only this kind: growth, level, cumulative, milestone, relative."
    ),
]


def one_format(json_out: bool, csv_out: bool) -> None:
    """--json and --csv exclude each other."""
    if json_out and csv_out:
        raise InputError("choose one of --json and --csv")


def emit(text: str) -> None:
    """Data on stdout, ending with one newline. JSON and CSV come here already safe for a
    terminal: `output.dump_json` and `output.csv_text` make them so (issue 14)."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def say(text: str) -> None:
    """Talk on stderr (confirmations, warnings, `error: …`). Messages quote paths, batches and
    values from files: their control characters are shown as escapes (issue 14)."""
    typer.echo(visible(text, newlines=True), err=True)
