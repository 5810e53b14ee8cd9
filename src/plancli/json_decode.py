"""JSON as an import reads it (imports_text streams the file; this decodes its items):
numbers as exact decimals, one a Decimal cannot hold flagged with its text, NaN and Infinity
kept for the value check to refuse, an object giving a key twice flagged (JSON would keep the
last value silently), and an error naming the file, line and column."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from plancli.errors import InputError
from plancli.i18n import N_, _
from plancli.safe import clip_path


class NumberTooLarge(ValueError):
    """A number beyond what a Decimal can hold (1e99999999999999999), with its text."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _json_number(text: str) -> Decimal:
    # Exact decimals. Integers too: int() refuses more than 4,300 digits with a ValueError
    # that carries no position, and Decimal reads any length (the value check then says the
    # figure is too large).
    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent beyond what a Decimal can hold (1e99999999999999999)
        raise NumberTooLarge(text) from None


class Duplicated(dict[str, Any]):
    """A JSON object in which a key appears twice: JSON would keep the last value silently."""

    twice: list[str]


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    item = dict(pairs)
    if len(item) == len(pairs):
        return item
    seen: set[str] = set()
    twice: list[str] = []
    for key, _value in pairs:
        if key in seen:
            twice.append(key)
        seen.add(key)
    duplicated = Duplicated(item)
    duplicated.twice = twice
    return duplicated


DECODER = json.JSONDecoder(
    parse_float=_json_number,
    parse_int=_json_number,
    # NaN and Infinity literals become Decimal so the value check rejects them with the same
    # message as on the command line.
    parse_constant=Decimal,
    object_pairs_hook=_json_object,
)


def json_error(name: str, text: str, pos: int, line0: int, message: str) -> InputError:
    line = line0 + text.count("\n", 0, pos) + 1
    column = pos - text.rfind("\n", 0, pos)
    return InputError(
        _("{file}:{line}:{column}: invalid JSON: {reason}").format(
            file=clip_path(name), line=line, column=column, reason=json_reason(message, text, pos)
        )
    )


_CONTROL_NAMES = {"\t": (N_("tab"), "\\t")}


def json_reason(message: str, text: str, pos: int) -> str:
    """Python's JSON message in words that say what to write: its dangling `at` (the place is
    said before it) gone; a control character inside a text named, with the escape JSON needs
    (a tab pasted into a note: `\\t`); a text whose closing quote is missing (audit P D10)."""
    if message.startswith("Invalid control character"):
        char = text[pos : pos + 1] or "\x00"
        if char in "\r\n":  # a JSON Lines line ends inside a text; a document's line break
            return _(
                'a text whose closing quote is missing before the end of the line: "…" (a line '
                "break inside a text is written \\n)"
            )
        name, escape = _CONTROL_NAMES.get(char, ("", f"\\u{ord(char):04x}"))
        return _(
            "a control character ({name}U+{code:04X}) inside a text: write it as {escape}"
        ).format(name=f"{_(name)}, " if name else "", code=ord(char), escape=escape)
    if message.startswith("Unterminated string"):
        return _('a text whose closing quote is missing (it starts here): "…"')
    message = message.removesuffix(" at")
    for start, reason in _PYTHON_REASONS:
        if message.startswith(start):
            return _(reason) + message[len(start) :]
    return message


# Python's own reasons (English whatever the locale), by how each starts: said in the
# interface's language, the English unchanged; `Invalid \\escape: 'x'` by its start.
_PYTHON_REASONS = (
    ("Expecting value", N_("Expecting value")),
    (
        "Expecting property name enclosed in double quotes",
        N_("Expecting property name enclosed in double quotes"),
    ),
    ("Expecting ':' delimiter", N_("Expecting ':' delimiter")),
    ("Expecting ',' delimiter", N_("Expecting ',' delimiter")),
    ("Extra data", N_("Extra data")),
    ("Invalid \\uXXXX escape", N_("Invalid \\uXXXX escape")),
    ("Invalid \\escape", N_("Invalid \\escape")),
    (
        "Illegal trailing comma before end of object",
        N_("Illegal trailing comma before end of object"),
    ),
    (
        "Illegal trailing comma before end of array",
        N_("Illegal trailing comma before end of array"),
    ),
    ("nested too deeply", N_("nested too deeply")),
)
