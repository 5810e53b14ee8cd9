"""An expat parser for XML other people wrote (an .xlsx's parts, a .docx's document): streaming,
and refusing any DTD, so no entity can be declared, let alone expanded (a "billion laughs"
document), and no external resource is ever fetched."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from plancli.i18n import _


class Refused(Exception):
    """Raised inside expat's handlers to stop reading a part."""


def parser(
    start: Callable[[str, dict[str, str]], None] | None = None,
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> Any:
    """An expat parser calling `start`, `end` and `text`; a DTD raises `Refused`."""
    made = expat.ParserCreate()

    def refuse(*_args: object) -> Any:
        raise Refused(
            _(
                "declares a DTD (<!DOCTYPE …>), which no Office document writes; its entities "
                'could expand to gigabytes (a "billion laughs" file)'
            )
        )

    made.StartDoctypeDeclHandler = refuse
    made.EntityDeclHandler = refuse
    made.ExternalEntityRefHandler = refuse
    made.buffer_text = True
    made.buffer_size = 64 * 1024
    if start is not None:
        made.StartElementHandler = start
    if end is not None:
        made.EndElementHandler = end
    if text is not None:
        made.CharacterDataHandler = text
    return made


def local(name: str) -> str:
    """An element's name without its namespace prefix (w:p → p)."""
    return name.rpartition(":")[2]
