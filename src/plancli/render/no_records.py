"""The line a command prints when a ledger holds no record of what it was asked for (`no
records of gdp in PATH`), one code path for `show ID` and `history [ID]`: the path breaks at
a space or after a `/`, its file's name whole on a line of its own when the line is too
narrow for it (`path_text`), at the terminal's width. `history` wrote it with `typer.echo`,
unwrapped: the terminal folded it wherever its width fell (`…/官渡区2022` over `年计划台账…`),
where `show` had broken it after the `/` since session 35."""

from __future__ import annotations

from rich.console import Group

from plancli.i18n import _
from plancli.render import shown
from plancli.render.runs import path_text
from plancli.safe import clip_path


def no_records_text(target_id: str | None, ledger: str) -> str:
    """`no records of gdp in PATH` (`no records in PATH` for a whole ledger), the path as every
    message names it (`clip_path`)."""
    if target_id:
        return _("no records of {target} in {ledger}").format(
            target=target_id, ledger=clip_path(ledger)
        )
    return _("no records in {ledger}").format(ledger=clip_path(ledger))


def no_records(target_id: str | None, ledger: str) -> Group:
    """`no records_text` as printed, broken as `path_text` breaks a path. A `Group` of one: a
    bare `Text` handed to `Console.print` is copied into a plain `Text` first (Rich joins the
    texts it is given), which lost `path_text`'s breaks."""
    return Group(path_text(shown(no_records_text(target_id, ledger))))
