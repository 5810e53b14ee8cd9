"""How a plancli command line is parsed and its help laid out: the root group and the command
classes.

The root help lists the commands under HELP_GROUPS' headings; a usage error (unknown option,
missing argument) is one `error: …` line, exit 2 (`GroupedHelp.main`); the global options may
follow the command (`hoist_global_options`); Click's fixed words (`Usage:`, the help option's
text) are in the chosen language.
"""

import os
import sys
from typing import Any

import typer
from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click

from plancli.cli.boundary import say
from plancli.cli.click_words import usage_message
from plancli.cli.helpformat import PlanContext, is_wide, shorten
from plancli.cli.option_parser import plan_parser
from plancli.i18n import N_, _, lang_from_argv

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

    def make_parser(self, ctx: Any) -> Any:
        return plan_parser(self, ctx)  # `-n5`: refused by name (option_parser)

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
