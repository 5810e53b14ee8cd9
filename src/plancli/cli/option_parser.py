"""The parser of every plancli command line: a flag run together with a number (`undo -n5`,
`import -n5 FILE`, `gap -h5`) is refused by name, as `record -n5` is (`figure_args`), rather
than read as the flag and an option `-5` nobody typed (Click said `no such option: -5`)."""

from typing import Any

from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click
from typer._click.parser import _OptionParser

from plancli.figure_tokens import run_together
from plancli.i18n import _
from plancli.safe import Clipped


def command_name(ctx: Any) -> str:
    """The command as typed after `plancli` (`undo`, `ledger convert`); `plancli` itself."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names)) or "plancli"


class PlanParser(_OptionParser):
    def _process_opts(self, arg: str, state: Any) -> None:
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


def plan_parser(command: Any, ctx: Any, parser_class: type[PlanParser] = PlanParser) -> Any:
    """`command`'s parser, Click's `Command.make_parser` with `parser_class`."""
    parser = parser_class(ctx)
    for param in command.get_params(ctx):
        param.add_to_parser(parser, ctx)
    return parser
