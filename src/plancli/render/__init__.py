"""Rich renderers: functions that return Rich objects; user text always goes in `Text`.

One module per domain (plan, ledger, assessment); this module holds what they share.
"""

from __future__ import annotations

from rich.console import Console

from plancli.i18n import Lang
from plancli.model import Target


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr); Rich decides colour from the terminal and NO_COLOR."""
    return Console(stderr=stderr)


def target_name(target: Target, lang: Lang) -> str:
    return target.name if lang == "zh" else target.name_en
