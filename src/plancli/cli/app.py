"""The Typer application, its global options and the one error boundary.

Only the `plancli.cli` package knows Typer and exit codes. Commands are registered with
`@command()`, which wraps each in the boundary: a `PlanError` becomes `error: …` on stderr and
its documented exit code, never a traceback; a usage error (unknown option, missing
argument) is the same one line, exit 2 (`GroupedHelp.main`). The global options may follow
the command (`hoist_global_options`). Messages go through gettext (`plancli.i18n`). Heavy
modules (Rich, the plan models, the assessment) are imported inside the commands that need
them, to keep start-up fast.
"""

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click

from plancli import __version__
from plancli.cli import streams
from plancli.cli.click_words import usage_message
from plancli.cli.helpformat import PlanContext, is_wide, shorten
from plancli.errors import InputError, OutputError, PlanError, name_too_long
from plancli.i18n import N_, Lang, _, default_lang, env_lang, lang_from_argv, set_language
from plancli.locations import hide_passwords
from plancli.safe import Clipped, clip_path, visible

if TYPE_CHECKING:
    from plancli import plain
    from plancli.locations import LedgerLocation, PlanSource
    from plancli.model import Plan

__all__ = ["Lang", "default_lang"]

# `plancli --help` lists the commands by what an analyst is doing, like `gh` and `git` do,
# rather than in the order the modules register them. A command left out of every group is
# listed under "Other", so a new command is never hidden.
HELP_GROUPS: dict[str, tuple[str, ...]] = {
    N_("Where we stand"): ("status", "gap", "show", "report"),
    N_("Recording progress"): ("record", "import", "amend", "template", "history", "undo"),
    N_("The plan"): ("targets", "plans", "validate", "schema", "init", "extract"),
    N_("Files"): ("ledger",),
    N_("Shell completion"): ("completion",),
}
OTHER_GROUP = N_("Other")
ARGV_LANG = "plancli.argv_lang"  # ctx.meta key: the --lang found anywhere on the line

# Typer's own words in help screens (it looks them up with the stdlib's gettext, in no
# catalog of its own): listed here so that `pybabel extract` puts them in plancli's.
TYPER_WORDS = (
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("No such command {name!r}."),
    N_("Missing command."),
)


# Typer words its help screens with the stdlib's `gettext.gettext`, which knows no catalog of
# plancli's: it is given plancli's (`_` returns English untouched when English is chosen).
typer.core._ = _  # type: ignore[attr-defined]


class _Translated:
    """What the root group and every command share: Click's fixed English words of a help
    screen (`Usage:`, the help option's text) in the chosen language. Their contexts wrap
    Chinese by the columns it takes (`helpformat.PlanContext`)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option


class PlanCommand(_Translated, typer.core.TyperCommand):
    """Every plancli command (see `command()`)."""

    context_class = PlanContext


class PlanGroup(_Translated, typer.core.TyperGroup):
    """A group of commands (`plancli ledger`)."""

    context_class = PlanContext


class GroupedHelp(PlanGroup):
    """The root command: its help lists the commands under the headings of HELP_GROUPS, and
    a usage error (unknown option, missing argument) is one `error: …` line like any other."""

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
        groups = [
            *HELP_GROUPS.items(),
            (OTHER_GROUP, tuple(n for n in shown if n not in grouped)),
        ]
        for title, names in groups:  # names padded alike: one column across the sections
            rows = [(n.ljust(widest), _short_help(shown[n], limit)) for n in names if n in shown]
            if rows:
                with formatter.section(_(title)):
                    formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # `--lang` after the command counts from the start (`plancli gap --help --lang zh`:
        # the help, and any error found while parsing, in Chinese), as in __main__.
        ctx.meta[ARGV_LANG] = lang_from_argv(args)
        return super().parse_args(ctx, hoist_global_options(self, ctx, args))

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        formatter.write_paragraph()
        formatter.write_text(
            _(
                "The options above may also follow the command (plancli status --lang zh). "
                "`plancli COMMAND --help` tells more."
            )
        )

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if os.environ.get("_PLANCLI_COMPLETE"):  # the shell asks for candidates
            from typer._completion_classes import completion_init

            completion_init()  # Typer's shells, registered only when they are needed
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            returned = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except click_exceptions.NoArgsIsHelpError as exc:  # `plancli` alone: the help
            exc.show()
            sys.exit(exc.exit_code)
        except click_exceptions.UsageError as exc:
            say(_("error: {message}").format(message=usage_message(exc)))
            sys.exit(2)
        except typer.Abort:
            say(_("aborted"))
            sys.exit(1)
        sys.exit(returned if isinstance(returned, int) else 0)


def _short_help(command: Any, limit: int) -> str:
    """A command's one-line help in the root help: Click's, or for Chinese the first sentence
    cut by display width (Click cuts at `. ` and counts characters)."""
    text = command.help or ""
    if is_wide(text):
        return shorten(text, limit)
    return str(command.get_short_help_str(limit))


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
    detail = " ".join(hide_passwords(str(exc)).split())[:300]
    detail = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in detail)
    name = type(exc).__name__
    return _(
        "error: internal error: {error} (plancli {version}; please report it with the command "
        "that caused it)"
    ).format(error=f"{name}{': ' + detail if detail else ''}", version=__version__)


def interrupted_message() -> str:
    """Ctrl-C's line: an `error:` line (`错误：`), as every error is, not a bare word."""
    return _("error: {message}").format(message=_("interrupted"))


# Command parameters that are file names given as text (`import FILE`, `report --output FILE`).
_FILE_ARGUMENTS = frozenset({"file", "output", "report", "from_ledger", "to_ledger"})


def check_text_arguments(arguments: dict[str, Any]) -> None:
    """Refuse a text argument holding a byte that is not UTF-8 (Python passes it on as a lone
    surrogate, which crashes whatever writes it: a ledger, a cache key, the terminal). File
    names (FILE, -o, REPORT, FROM, TO) are not: on Linux a file name may be any bytes."""
    from plancli.texts import text_problem

    for key, value in arguments.items():
        if key in _FILE_ARGUMENTS or not isinstance(value, str):
            continue
        if (problem := text_problem(value, key)) is not None:
            ctx = arguments.get("ctx")
            params = {p.name: p for p in getattr(getattr(ctx, "command", None), "params", [])}
            param = params.get(key)
            if param is not None:
                label = param.opts[0] if getattr(param, "param_type_name", "") == "option" else None
                problem = text_problem(value, label or param.human_readable_name)
            raise InputError(problem or key)


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """`app.command` (or `on.command`, a sub-app's), with the error boundary around it."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*call_args: Any, **call_kwargs: Any) -> Any:
            from plancli.notices import taken

            taken()  # a notice of an earlier command in this process is not this one's
            streams.reset()
            try:
                check_text_arguments(call_kwargs)
                try:
                    result = func(*call_args, **call_kwargs)
                except typer.Exit:
                    streams.flush_stdout()  # a full disk is found here, not at the exit
                    raise
                except OSError as exc:  # a file name too long (ENAMETOOLONG): exit 2, no bug
                    raise name_too_long(exc) or exc from None
                streams.flush_stdout()
                if (summary := streams.said()) is not None:  # the output is out: say it
                    say(summary)
                for line in taken():
                    say(line)
                return result
            except OutputError as exc:  # a full disk, a closed stdout: exit 74, not a bug
                _drop_stdout()
                say(_("error: {message}").format(message=streams.output_message(exc)))
                raise typer.Exit(exc.exit_code) from None
            except PlanError as exc:
                say(_("error: {message}").format(message=exc))
                raise typer.Exit(exc.exit_code) from None
            except BrokenPipeError:  # `plancli targets | head`: stop quietly
                _drop_stdout()  # the interpreter's final flush must not fail too
                if (summary := streams.said()) is not None:  # no error: what was written
                    say(summary)
                # 0, or the verdict settled before printing (`gap --fail-on … | head -1`: 1)
                raise typer.Exit(streams.verdict()) from None
            except KeyboardInterrupt:
                say(interrupted_message())
                raise typer.Exit(130) from None
            except Exception as exc:  # a bug: never a traceback, and never exit 1 (--fail-on)
                if is_typer_exception(exc):
                    raise  # Typer's own: usage errors (exit 2) and the exits commands ask for
                typer.echo(internal_error_message(exc), err=True)
                raise typer.Exit(INTERNAL_ERROR_EXIT) from None

        kwargs.setdefault("cls", PlanCommand)
        (on or app).command(*args, **kwargs)(wrapper)
        return func

    return decorate


def _drop_stdout() -> None:
    """Point descriptor 1 at /dev/null: what stdout still holds could not be written, and the
    interpreter's final flush would fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


# The global options, accepted after the command too (`plancli status --lang zh`, `plancli
# gap --plan zhejiang-2026`), as `gh --repo` is: moved before the command when the line is
# parsed, after those given there, so the one after the command wins.
GLOBAL_OPTIONS = ("--plan", "--ledger", "--lang")


def hoist_global_options(group: Any, ctx: Any, args: list[str]) -> list[str]:
    """`args` with the global options found after the command moved before it. A value of
    one of the command's own options (`--note --lang`) and anything after `--` stay."""
    root_values = {
        name for param in group.params if not getattr(param, "is_flag", True) for name in param.opts
    }
    position = 0
    while position < len(args):
        arg = args[position]
        if arg == "--" or not arg.startswith("-"):
            break
        position += 2 if arg in root_values else 1
    if position >= len(args) or args[position] == "--":
        return args
    command = group.get_command(ctx, args[position])
    if command is None:
        return args
    takes_value = _value_options(command)
    moved: list[str] = []
    kept: list[str] = []
    rest = args[position + 1 :]
    i = 0
    while i < len(rest):
        arg = rest[i]
        name = arg.split("=", 1)[0]
        if arg == "--":
            kept += rest[i:]
            break
        if name in GLOBAL_OPTIONS:
            step = 1 if "=" in arg else 2
            if i + step > len(rest):
                raise click_exceptions.BadOptionUsage(
                    name, f"Option '{name}' requires an argument.", ctx
                )
            moved += rest[i : i + step]
        else:
            step = 2 if arg in takes_value else 1
            kept += rest[i : i + step]
        i += step
    if not moved:
        return args
    return [*args[:position], *moved, args[position], *kept]


def _value_options(command: Any) -> set[str]:
    """The option names of a command (and of a group's commands) that take a value."""
    names = {
        name
        for param in command.params
        if getattr(param, "param_type_name", "") == "option" and not param.is_flag
        for name in param.opts
    }
    for sub in getattr(command, "commands", {}).values():
        names |= _value_options(sub)
    return names


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


def fail(message: str) -> NoReturn:
    """A usage error found before a command runs: `error: …`, exit 2."""
    say(_("error: {message}").format(message=message))
    raise typer.Exit(2)


JsonOpt = Annotated[bool, typer.Option("--json", help=_("Print JSON (UTF-8) on stdout."))]
CsvOpt = Annotated[bool, typer.Option("--csv", help=_("Print CSV on stdout."))]
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


def say(text: str) -> None:
    """Talk on stderr (confirmations, warnings, `error: …`): control characters of files'
    strings shown as escapes (issue 14), passwords typed in a connection string masked."""
    typer.echo(visible(hide_passwords(text), newlines=True), err=True)
