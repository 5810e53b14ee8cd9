"""The command of `record` and `amend`, whose figures may be negative: its parser takes a word
that reads as a figure (`-2.5`, `-Infinity`: `plancli.figure_tokens`) for a value, never for
options, and refuses a flag run together with a figure (`-n5`) instead of guessing."""

import difflib
from typing import Any

from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click
from typer._click.parser import _OptionParser

from plancli.cli.app import PlanCommand
from plancli.figure_tokens import reads_as_figure, run_together
from plancli.i18n import _
from plancli.safe import Clipped


class _FigureParser(_OptionParser):
    def _match_long_opt(self, opt: str, explicit_value: str | None, state: Any) -> None:
        try:
            super()._match_long_opt(opt, explicit_value, state)
        except click_exceptions.NoSuchOption as exc:
            # The options a slip away, as close as `record` named them before (`--sourc`:
            # --source, not --json too, Click's looser default).
            exc.possibilities = difflib.get_close_matches(opt, self._long_opt, cutoff=0.75)
            raise

    def _process_opts(self, arg: str, state: Any) -> None:
        if reads_as_figure(arg):
            state.largs.append(arg)
            return
        flags = frozenset(
            name[1]
            for name, option in self._short_opt.items()
            if not option.takes_value and len(name) == 2
        )
        found = run_together(arg, flags)
        if found is not None:
            flag, figure = found
            option = self._short_opt[flag]
            long_name = next((name for name in option._long_opts), flag)
            raise click_exceptions.UsageError(
                _(
                    "{word!r} runs an option and a figure together: {flag} is {option}, which "
                    "takes no value; write them apart ({flag} {figure})"
                ).format(word=Clipped(arg), flag=flag, option=long_name, figure=Clipped(figure)),
                ctx=self.ctx,
            )
        super()._process_opts(arg, state)


class FigureCommand(PlanCommand):
    """`record` and `amend`: a command line with figures that may be negative."""

    def make_parser(self, ctx: Any) -> Any:
        parser = _FigureParser(ctx)
        for param in self.get_params(ctx):
            param.add_to_parser(parser, ctx)
        return parser
