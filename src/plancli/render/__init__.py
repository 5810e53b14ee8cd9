"""Rich renderers: functions that return Rich objects; user text always goes in `Text`.

One module per domain (plan, ledger, assessment); this module holds what they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:  # not imported at run time: printing a cached view needs no models
    from plancli.i18n import Lang
    from plancli.model import Target


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits 1 on a closed pipe (`plancli status | head`); exit 1 means "--fail-on
        # matched" here, so hand the broken pipe to the CLI's boundary, which stops quietly.
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr); Rich decides colour from the terminal and NO_COLOR.

    No `:emoji:` codes: plancli's text never uses them, and looking them up imports a 3 ms
    table on every run."""
    return _Console(stderr=stderr, emoji=False)


def target_name(target: Target, lang: Lang) -> str:
    return target.name if lang == "zh" else target.name_en
