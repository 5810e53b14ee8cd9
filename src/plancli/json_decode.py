"""JSON as an import reads it (imports_text streams the file; this decodes its items):
numbers as exact decimals, one a Decimal cannot hold flagged with its text, NaN and Infinity
kept for the value check to refuse, an object giving a key twice flagged (JSON would keep the
last value silently), and an error naming the file, line and column."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from plancli.errors import InputError
from plancli.i18n import _


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
            file=name, line=line, column=column, reason=message
        )
    )
