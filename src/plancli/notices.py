"""Warnings a core module finds in the middle of a command, said by the command line when the
command has done its work (`cli.boundary.guarded`): a store cannot print, and the commands that
write need not each ask it. No Pydantic, no Rich imported here."""

from __future__ import annotations

_pending: list[str] = []


def notice(text: str) -> None:
    """Say `text` (one line, translated) after the command's own lines; once per command."""
    if text not in _pending:
        _pending.append(text)


def taken() -> list[str]:
    """The notices so far, forgotten."""
    found = list(_pending)
    _pending.clear()
    return found
