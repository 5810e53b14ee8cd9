"""Rich renderers: functions that return Rich objects; user text always goes in `Text`.

One module per domain (plan, ledger, assessment); this module holds what they share.
"""

from __future__ import annotations

from rich.console import Console

from plancli.i18n import Lang
from plancli.model import Target


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits 1 on a closed pipe (`plancli status | head`); exit 1 means "--fail-on
        # matched" here, so hand the broken pipe to the CLI's boundary, which stops quietly.
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr); Rich decides colour from the terminal and NO_COLOR."""
    return _Console(stderr=stderr)


def target_name(target: Target, lang: Lang) -> str:
    return target.name if lang == "zh" else target.name_en
