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

if TYPE_CHECKING:
    from plancli.locations import LedgerLocation, PlanSource
    from plancli.model import Plan

Lang = Literal["en", "zh"]

# `plancli --help` lists the commands by what an analyst is doing, like `gh` and `git` do,
# rather than in the order the modules register them. A command left out of every group is
# listed under "Other", so a new command is never hidden.
HELP_GROUPS: dict[str, tuple[str, ...]] = {
    "Where we stand": ("status", "gap", "show", "report"),
    "Recording progress": ("record", "import", "template", "history", "undo"),
    "The plan": ("targets", "validate", "schema", "init"),
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

# Exit codes: 0 ok, 1 only `gap --fail-on`, 2 usage or input error, 3 plan or ledger file
# invalid, 130 interrupted. An exception no rule foresaw is a bug in plancli; it is reported as
# one `error: internal error: …` line with EX_SOFTWARE from sysexits.h, so a script can tell
# it from a verdict (1) or from bad input (2, 3).
INTERNAL_ERROR_EXIT = 70


def is_typer_exception(exc: BaseException) -> bool:
    """Typer's exits and Click's usage errors, which Typer reports itself (Typer vendors Click
    from 0.26, so its ClickException is found by name, not imported from one place)."""
    return isinstance(exc, typer.Exit | typer.Abort) or any(
        cls.__name__ == "ClickException" for cls in type(exc).__mro__
    )


def internal_error_message(exc: BaseException) -> str:
    """One line, whatever the exception holds (its text may come from a file: no control
    characters, no second line)."""
    detail = " ".join(str(exc).split())[:300]
    detail = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in detail)
    name = type(exc).__name__
    return (
        f"error: internal error: {name}{': ' + detail if detail else ''} "
        f"(plancli {__version__}; please report it with the command that caused it)"
    )


# Command parameters that are file names given as text (`import FILE`, `report --output FILE`).
_FILE_ARGUMENTS = frozenset({"file", "output"})


def check_text_arguments(arguments: dict[str, Any]) -> None:
    """Refuse a text argument holding a byte that is not UTF-8 (Python passes it on as a lone
    surrogate, which crashes whatever writes it: a ledger, a cache key, the terminal). File
    names are not checked: on Linux a file name may be any bytes."""
    from plancli.texts import text_problem

    for key, value in arguments.items():
        if key in _FILE_ARGUMENTS or not isinstance(value, str):
            continue
        if (problem := text_problem(value, key)) is not None:
            ctx = arguments.get("ctx")
            params = {p.name: p for p in getattr(getattr(ctx, "command", None), "params", [])}
            param = params.get(key)
            if param is not None:
                label = (
                    param.opts[0]
                    if getattr(param, "param_type_name", "") == "option"
                    else param.human_readable_name
                )
                problem = text_problem(value, label)
            raise InputError(problem or key)


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """`app.command` (or `on.command`, a sub-app's), with the error boundary around it."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*call_args: Any, **call_kwargs: Any) -> Any:
            try:
                check_text_arguments(call_kwargs)
                return func(*call_args, **call_kwargs)
            except PlanError as exc:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(exc.exit_code) from None
            except BrokenPipeError:  # `plancli targets | head`: stop quietly, exit 0
                # Point stdout at /dev/null so the interpreter's final flush does not fail too.
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                raise typer.Exit(0) from None
            except KeyboardInterrupt:
                typer.echo("interrupted", err=True)
                raise typer.Exit(130) from None
            except Exception as exc:  # a bug: never a traceback, and never exit 1 (--fail-on)
                if is_typer_exception(exc):
                    raise  # Typer's own: usage errors (exit 2) and the exits commands ask for
                typer.echo(internal_error_message(exc), err=True)
                raise typer.Exit(INTERNAL_ERROR_EXIT) from None

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
    ledger: Path | None = None
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

    def ledger_location_for(self, source: "PlanSource") -> "LedgerLocation":
        """Where the ledger of that plan is, by the same rules (e.g. for a plan `init` wrote)."""
        from plancli.locations import resolve_ledger

        return resolve_ledger(
            self.ledger,
            source,
            app_dir=Path(typer.get_app_dir("plancli")),
            env_value=os.environ.get("PLANCLI_LEDGER"),
        )

    @property
    def ledger_path(self) -> Path:
        """Where recorded figures of this plan are read from and written to."""
        return self.ledger_location.path


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
        Path | None,
        typer.Option(
            "--ledger",
            metavar="FILE",
            envvar="PLANCLI_LEDGER",
            help="Ledger file of recorded progress (default: beside the plan, or the app dir).",
            dir_okay=False,
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
    """Data on stdout, ending with one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
