"""A JSON list or JSON Lines import file read chunk by chunk from `imports_text.TextReader`:
each object a row (target, period, value, amount, note, source), its type checked, a
duplicated key or a number too large refused naming the row."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from plancli.bulletin import maybe_fraction, plain_number
from plancli.bulletin_blanks import refuse_missing
from plancli.errors import InputError
from plancli.i18n import N_, _
from plancli.imports import (
    COLUMNS,
    REQUIRED,
    ImportLimits,
    ImportRow,
    Problems,
)
from plancli.imports_text import _CHUNK, TextReader, _Rows
from plancli.json_decode import DECODER, Duplicated, NumberTooLarge, json_error, json_reason
from plancli.ledger import Entry
from plancli.read_notes import ReadNotes
from plancli.safe import cell_shown, clip_path

_JSON_SPACE = " \t\n\r"
_SPACE = re.compile(r"[ \t\n\r]*")


def json_no_data(item: dict[str, Any], notes: ReadNotes) -> bool:
    """A JSON row whose figures are JSON's "no data", counted in `notes`: `value` null, and
    `amount` null or absent (pandas writes NaN so), for a target and period given. A period
    given as a whole number (`"period": 2022`, formats.md) is made its digits first."""
    period = item.get("period")
    if isinstance(period, Decimal) and period == period.to_integral_value():
        item["period"] = period = str(int(period))
    given = item.get("target") and period and "value" in item
    if given and item["value"] is None and item.get("amount") is None:
        notes.no_data_rows += 1
        return True
    return False


def _decode(text: str, pos: int) -> tuple[Any, int]:
    """raw_decode, with what json lets escape turned into JSONDecodeError."""
    try:
        return DECODER.raw_decode(text, pos)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, pos) from None
    except NumberTooLarge as exc:
        raise json.JSONDecodeError(
            _("the number {number} is too large to read").format(number=cell_shown(exc.text, 30)),
            text,
            pos,
        ) from None


_TOO_LONG = "too long"


class _JsonList:
    """The text of a JSON list, read chunk by chunk; `buffer` holds the item being read."""

    def __init__(self, reader: TextReader, name: str, limits: ImportLimits) -> None:
        self._chunks = reader.chunks()
        self._name = name
        self._limits = limits
        self.buffer = ""
        self.eof = False
        self._line0 = 0  # line breaks in the text dropped from the front of the buffer

    def more(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def skip_space(self, pos: int) -> int:
        while True:
            match = _SPACE.match(self.buffer, pos)
            pos = match.end() if match else pos
            if pos < len(self.buffer) or self.eof or not self.more():
                return pos
            if pos > _CHUNK:  # a file of white space: keep the buffer small
                pos = self.drop_before(pos)

    def drop_before(self, pos: int) -> int:
        """Forget the text before `pos` (read already); the new position of `pos`."""
        self._line0 += self.buffer.count("\n", 0, pos)
        self.buffer = self.buffer[pos:]
        return 0

    def error(self, pos: int, message: str) -> InputError:
        return json_error(self._name, self.buffer, pos, self._line0, message)

    def line(self, pos: int) -> int:
        return self._line0 + self.buffer.count("\n", 0, pos) + 1

    def item(self, pos: int) -> tuple[Any, int]:
        """(item, end) of the JSON value at `pos`, reading more text until it is complete;
        or (JSONDecodeError, pos) when it is invalid, or longer than the limit (_TOO_LONG).

        A number may end at the buffer's end and go on in the next chunk, so a value is taken
        only with text after it (or at the end of the file); an error may be the text running
        out, so it is tried again with more text, up to the limit."""
        limit = self._limits.line_chars
        while True:
            try:
                item, end = _decode(self.buffer, pos)
            except json.JSONDecodeError as exc:
                if len(self.buffer) - pos <= limit and not self.eof and self.more():
                    continue
                running_out = exc.pos >= len(self.buffer) - 64 or exc.msg.startswith("Unterminated")
                if running_out and not self.eof:
                    return json.JSONDecodeError(_TOO_LONG, self.buffer, pos), pos
                return exc, pos
            if end < len(self.buffer) or self.eof or not self.more():
                if end - pos > limit:
                    return json.JSONDecodeError(_TOO_LONG, self.buffer, pos), pos
                return item, end


def _parse_json_list(
    reader: TextReader, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    """A JSON list, item by item: memory holds the item being read, not the list."""
    kept = _Rows(name, limits, notes)
    problems = Problems()
    text = _JsonList(reader, name, limits)
    pos = text.skip_space(text.skip_space(0) + 1)  # past the [ that parse_text saw
    position = 0
    if pos < len(text.buffer) and text.buffer[pos] == "]":
        pos = text.skip_space(pos + 1)
        if pos < len(text.buffer):
            raise text.error(pos, "Extra data")
        return kept.rows, problems
    while True:
        if pos >= len(text.buffer):
            raise text.error(pos, "Expecting value")
        position += 1
        item, end = text.item(pos)
        if isinstance(item, json.JSONDecodeError):
            if item.msg == _TOO_LONG:
                raise InputError(
                    _(
                        "{file}:{line}: item {n} of the list is longer than {limit} characters"
                    ).format(
                        file=clip_path(name),
                        line=text.line(pos),
                        n=f"{position:,}",
                        limit=f"{limits.line_chars:,}",
                    )
                )
            raise text.error(item.pos, item.msg)
        _add_json_row(item, position, kept, problems, limits)
        pos = text.skip_space(end)
        if pos >= len(text.buffer):
            raise text.error(pos, "the list is not closed with ]")
        if text.buffer[pos] == "]":
            pos = text.skip_space(pos + 1)
            if pos < len(text.buffer):
                raise text.error(pos, "Extra data")
            return kept.rows, problems
        if text.buffer[pos] != ",":
            raise text.error(pos, "Expecting ',' delimiter")
        pos = text.skip_space(pos + 1)
        if pos > _CHUNK:
            pos = text.drop_before(pos)


def _parse_json_lines(
    reader: TextReader, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    kept = _Rows(name, limits, notes)
    problems = Problems()
    for number, line in enumerate(reader.lines(), start=1):
        if not line.strip():
            continue
        start = len(line) - len(line.lstrip(_JSON_SPACE))
        try:
            item, end = _decode(line, start)
            rest = line[end:]
            if rest.strip(_JSON_SPACE):
                raise json.JSONDecodeError(
                    "Extra data", line, end + len(rest) - len(rest.lstrip(_JSON_SPACE))
                )
        except json.JSONDecodeError as exc:
            kept.counted()
            problems.add(
                number,
                _("invalid JSON: {reason} (column {column})").format(
                    reason=json_reason(exc.msg, line, exc.pos), column=exc.colno
                ),
            )
            continue
        _add_json_row(item, number, kept, problems, limits)
    return kept.rows, problems


_NONE = type(None)
_JSON_TYPES: tuple[tuple[str, tuple[type, ...], str], ...] = (
    ("target", (str,), N_("text")),
    ("period", (str,), N_("text")),
    ("value", (str, int, Decimal), N_("a number")),
    ("amount", (str, int, Decimal, _NONE), N_("a number")),
    ("note", (str, _NONE), N_("text")),
    ("source", (str, _NONE), N_("text")),
)


def _add_json_row(
    item: Any, row: int, kept: _Rows, problems: Problems, limits: ImportLimits
) -> None:
    kept.counted()
    if not isinstance(item, dict):
        problems.add(row, _("expected an object with {keys}").format(keys=", ".join(REQUIRED)))
        return
    if isinstance(item, Duplicated):
        listed = ", ".join(cell_shown(k) for k in dict.fromkeys(item.twice))
        problems.add(
            row,
            _("key(s) {keys} given twice in one object; give each once").format(keys=listed),
            given=item.get("target"),
        )
        return
    unknown = [key for key in item if key not in COLUMNS]
    if unknown:
        listed = ", ".join(cell_shown(k) for k in unknown[:10])
        problems.add(
            row,
            _("unknown key(s) {keys}; keys are {known}").format(
                keys=listed, known=", ".join(COLUMNS)
            ),
            given=item.get("target"),
        )
        return
    if json_no_data(item, kept.notes):  # `"value": null`, a CSV's —: skipped and counted
        return
    missing = [key for key in REQUIRED if item.get(key) is None or item.get(key) == ""]
    if missing:
        refuse_missing(problems, row, missing, item.get("target"), kept.notes)  # 合计: read past
        return
    wrong = [
        _("{key} must be {kind}").format(key=key, kind=_(word))
        for key, allowed, word in _JSON_TYPES
        if key in item and (isinstance(item[key], bool) or not isinstance(item[key], allowed))
    ]
    if wrong:
        problems.add(row, "; ".join(wrong), given=item.get("target"))
        return
    long = [
        key
        for key, value in item.items()
        if isinstance(value, str) and len(value) > limits.cell_chars
    ]
    if long:
        problems.add(
            row,
            _("{keys} longer than {limit} characters (the most a spreadsheet cell holds)").format(
                keys=", ".join(long), limit=f"{limits.cell_chars:,}"
            ),
            given=item.get("target"),
        )
        return
    if kept.drop(item["target"]):
        return
    value, amount = item["value"], item.get("amount")
    if maybe_fraction(value):
        kept.notes.fractions.append(len(kept.rows))
    kept.rows.append(
        ImportRow(
            row,
            Entry(
                target=kept.target(item["target"]),
                period=kept.period(item["period"]),
                value=plain_number(value) if isinstance(value, str) else value,
                amount=plain_number(amount) if isinstance(amount, str) else amount,
                note=item.get("note"),
                source=item.get("source"),
            ),
        )
    )


def parse_json(
    reader: TextReader, start: str, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    """Rows of a JSON list (`start` is `[`) or of JSON Lines (`{`)."""
    if start == "[":
        return _parse_json_list(reader, name, limits, notes)
    return _parse_json_lines(reader, name, limits, notes)
