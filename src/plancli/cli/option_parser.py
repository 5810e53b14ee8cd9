"""The parser of every plancli command line: a flag run together with a number (`undo -n5`,
`import -n5 FILE`, `gap -h5`) is refused by name, as `record -n5` is (`figure_args`), rather
than read as the flag and an option `-5` nobody typed (Click said `no such option: -5`).

A bare negative number where no figure is taken (`undo -5`, `history gdp -5`: the last five, as
`tail -5` means) was `no such option: -5` too: it is now told what the command takes instead,
and, where the command takes an argument, that `--` reaches one that starts with `-`
(`import -- -5.xlsx`). `record` and `amend` take such a word for a figure (`figure_args`)."""

from typing import Any

from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click
from typer._click.parser import _OptionParser

from plancli.figure_tokens import reads_as_figure, run_together
from plancli.i18n import N_, _
from plancli.safe import Clipped


def command_name(ctx: Any) -> str:
    """The command as typed after `plancli` (`undo`, `ledger convert`); `plancli` itself."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names)) or "plancli"


# What a command that takes no count does instead, for a count typed the way `tail -5` takes
# one: the whole message, after `'-5' is not an option: `.
_NO_COUNT = {
    "undo": N_(
        "undo takes no count, it reverts one batch (the last, or --batch ID: `plancli history` "
        "lists them); run it again for the one before"
    ),
    "history": N_(
        "history takes no count, it lists every revision (of one target: `plancli history ID`)"
    ),
}


class PlanParser(_OptionParser):
    def _process_opts(self, arg: str, state: Any) -> None:
        if reads_as_figure(arg) and arg not in self._short_opt:
            raise click_exceptions.UsageError(self.bare_number_message(arg), ctx=self.ctx)
        flags = frozenset(
            name[1]
            for name, option in self._short_opt.items()
            if not option.takes_value and len(name) == 2
        )
        found = run_together(arg, flags)
        if found is not None:
            flag, number = found
            option = self._short_opt[flag]
            long_name = next((name for name in option._long_opts), flag)
            raise click_exceptions.UsageError(
                self.run_together_message(arg, flag, long_name, number), ctx=self.ctx
            )
        super()._process_opts(arg, state)

    def run_together_message(self, word: str, flag: str, option: str, number: str) -> str:
        """A command that takes no figure: the number belongs to no option."""
        return _(
            "{word!r} runs an option and a number together: {flag} is {option}, which takes "
            "no value, and {command} takes no number; write {flag} on its own"
        ).format(word=Clipped(word), flag=flag, option=option, command=command_name(self.ctx))

    def bare_number_message(self, word: str) -> str:
        """`undo -5`: what the command takes instead of a number (`_NO_COUNT`); `--` for an
        argument that starts with `-` (`import -- -5.xlsx`), where the command takes one."""
        command = command_name(self.ctx)
        said = _("{word!r} is not an option").format(word=Clipped(word))
        if command in _NO_COUNT:
            return _("{said}: {instead}").format(said=said, instead=_(_NO_COUNT[command]))
        if self._args:
            return _(
                "{said}: {command} takes no number; for a file or argument of that name, "
                "write -- {word}"
            ).format(said=said, command=command, word=Clipped(word))
        return _("{said}: {command} takes no number").format(said=said, command=command)


def plan_parser(command: Any, ctx: Any, parser_class: type[PlanParser] = PlanParser) -> Any:
    """`command`'s parser, Click's `Command.make_parser` with `parser_class`."""
    parser = parser_class(ctx)
    for param in command.get_params(ctx):
        param.add_to_parser(parser, ctx)
    return parser
