"""The command of `record` and `amend`, whose figures may be negative: its parser takes a word
that reads as a figure (`-2.5`, `-Infinity`: `plancli.figure_tokens`) for a value, never for
options, and refuses a flag run together with a figure (`-n5`) instead of guessing."""

import difflib
from typing import Any

from typer._click import exceptions as click_exceptions  # Typer >= 0.26 vendors Click

from plancli.cli.option_parser import PlanParser, plan_parser
from plancli.cli.root_group import PlanCommand
from plancli.figure_tokens import reads_as_figure
from plancli.i18n import _
from plancli.safe import Clipped


class _FigureParser(PlanParser):
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
        super()._process_opts(arg, state)

    def run_together_message(self, word: str, flag: str, option: str, number: str) -> str:
        return _(
            "{word!r} runs an option and a figure together: {flag} is {option}, which "
            "takes no value; write them apart ({flag} {figure})"
        ).format(word=Clipped(word), flag=flag, option=option, figure=Clipped(number))


class FigureCommand(PlanCommand):
    """`record` and `amend`: a command line with figures that may be negative."""

    def make_parser(self, ctx: Any) -> Any:
        return plan_parser(self, ctx, _FigureParser)
