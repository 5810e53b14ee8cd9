"""JSON and CSV output: data on stdout, built from the output dataclasses, never scraped from
tables.

The outputs are plain dataclasses (`plain.Number` marks the decimals JSON writes as numbers)
and `dump_json` writes them with the json module, in the bytes Pydantic's `model_dump_json(
indent=2)` wrote when they were models: scripts see the same documents (issue 15). Pydantic
only documents them, in `plancli schema` (`schemas.json_schemas`), from the same dataclasses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from plancli.plain import decimal_to_json
from plancli.safe import csv_cell, json_text

SCHEMA_VERSION = 1


def doc(text: str) -> dict[str, str]:
    """A field's description, as `plancli schema` shows it (Pydantic reads `metadata`)."""
    return {"description": text}


# ------------------------------------------------------------------------------ JSON


def dump_json(document: object) -> str:
    """UTF-8 JSON (Chinese as is, not \\u-escaped), numbers as numbers, two-space indent.

    The exact text of every string: only the characters a terminal would act on and JSON
    leaves raw (DEL, C1 controls, bidi overrides) are \\u-escaped (`safe.json_text`, applied
    to each string as it is written: `_text`)."""
    out: list[str] = []
    _write_document(document, out)
    return "".join(out)


def dump_json_parts(document: object, parts: int = 65_536) -> Iterator[str]:
    """`dump_json(document)` in pieces, which joined are its text: a gap document of 100,000
    targets is 130 MB of text, never held whole: its targets (`WrittenRows`) are written as
    their writer yields them, when their turn comes, and the rest in joins of `parts` pieces."""
    out = _Deferred()
    _write_document(document, out)
    later = dict(out.later)
    batch: list[str] = []
    for at, piece in enumerate(out):
        rows = later.get(at)
        if rows is None:
            batch.append(piece)
            if len(batch) == parts:
                yield "".join(batch)
                batch = []
            continue
        if batch:
            yield "".join(batch)
            batch = []
        yield from rows
    if batch:
        yield "".join(batch)


class _Deferred(list[str]):
    """A document's pieces, where each `WrittenRows` array is its writer's iterator, kept
    (`later`: at which piece) to be run when `dump_json_parts` comes to it: the rows of 100,000
    targets are written out batch by batch, not held (260 MB as text) and then joined."""

    __slots__ = ("later",)

    def __init__(self) -> None:
        super().__init__()
        self.later: list[tuple[int, Iterable[str]]] = []

    def defer(self, rows: Iterable[str]) -> None:
        self.later.append((len(self), rows))
        self.append("")


def _write_document(document: object, out: list[str]) -> None:
    _write(document, out, "\n")


class WrittenRows:
    """A JSON array written by `write(indent)` (the newline and spaces of its line), in
    pieces: a writer that knows its rows (`assess.gap_json`) instead of `_write`."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], Iterable[str]]) -> None:
        self.write = write


def value_json(value: object, indent: str) -> str:
    """`value` as JSON text, as it is written on a line at `indent`."""
    out: list[str] = []
    _write(value, out, indent)
    return "".join(out)


class _Fields:
    """A dataclass's fields, some of them replaced (`with_fields`)."""

    __slots__ = ("names", "values")

    def __init__(self, names: tuple[str, ...], values: list[object]) -> None:
        self.names = names
        self.values = values


def with_fields(document: object, **values: object) -> object:
    """`document` (a dataclass) as JSON writes it, with these fields' values instead: an
    `WrittenRows` for a long list of objects, say."""
    names = _field_names(document)
    given = [values.pop(name) if name in values else getattr(document, name) for name in names]
    if values:
        raise TypeError(f"no fields {', '.join(values)} in {type(document).__name__}")
    return _Fields(names, given)


def _field_names(document: object) -> tuple[str, ...]:
    kind = type(document)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(document))  # type: ignore[arg-type]
    return names


def dumps(data: Any) -> str:
    import json

    return json_text(json.dumps(data, ensure_ascii=False, indent=2))


try:  # the json package's C string encoder, without importing the package (0.07x the floor)
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import py_encode_basestring as _string
_FIELDS: dict[type, tuple[str, ...]] = {}
_KEYS: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}


def _text(value: str) -> str:
    """A JSON string: the json module's encoding, with what a terminal would act on escaped
    (`safe.json_text`; most strings are ASCII without DEL, checked in C)."""
    text: str = _string(value)
    return text if text.isascii() and "\x7f" not in text else _escaped(text)


def _escaped(text: str) -> str:
    # json_text leaves a text that is all ASCII as it is; DEL is ASCII, and escaped here too.
    return json_text(text) if not text.isascii() else text.replace("\x7f", "\\u007f")


def _number(value: Decimal) -> str:
    """`number_text(decimal_to_json(value))`, from the decimal's own text where that is the
    same: without an exponent, at most 15 significant digits (which a double keeps, so its
    shortest text is the decimal's digits), not below 10^-4 (where the notations part)."""
    text = str(value)
    if (
        "E" in text
        or len(text) > 16
        or text.startswith(("0.0000", "-0.0000"))
        or not text[-1].isdigit()  # NaN, Infinity
    ):
        return number_text(decimal_to_json(value))
    if "." in text:
        text = text.rstrip("0")
        if text[-1] == ".":
            text = text[:-1]
    return "0" if text == "-0" else text


def _scalar(value: object) -> str | None:
    """The JSON text of a value that holds no other (most of a document), else None."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is str:
        return _text(value)  # type: ignore[arg-type]
    if kind is Decimal:
        return _number(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return number_text(value)  # type: ignore[arg-type]
    if isinstance(value, list | tuple) and not value:
        return "{}" if hasattr(value, "_fields") else "[]"
    return None


def _write(value: object, out: list[str], indent: str) -> None:
    """`value` as JSON text onto `out`; `indent` is the newline and spaces of its line."""
    text = _scalar(value)
    if text is not None:
        out.append(text)
    elif type(value) is WrittenRows:
        if type(out) is _Deferred:
            out.defer(value.write(indent))
        else:
            out.extend(value.write(indent))
    elif type(value) is _Fields:
        _write_object(value.names, value.values, out, indent)
    elif isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple: an object
        _write_object(value._fields, value, out, indent)
    elif isinstance(value, list | tuple):
        inner = indent + "  "
        out.append("[")
        for i, item in enumerate(value):
            out.append(inner if i == 0 else "," + inner)
            _write(item, out, inner)
        out.append(indent + "]")
    elif isinstance(value, dict):
        _write_object(tuple(value), list(value.values()), out, indent)
    elif isinstance(value, datetime):
        out.append(f'"{datetime_text(value)}"')
    elif isinstance(value, str | Decimal | int | float):  # subclasses: as their base
        out.append(_text(str(value)) if isinstance(value, str) else str(value))
    elif dataclasses.is_dataclass(value):
        names = _field_names(value)
        _write_object(names, [getattr(value, name) for name in names], out, indent)
    else:
        raise TypeError(f"no JSON for {type(value).__name__}")


_TEMPLATES: dict[tuple[tuple[str, ...], str], str] = {}


def row_template(names: tuple[str, ...], indent: str) -> str:
    """`_write_object`'s text of an object with these names at `indent`, its values `%s`: one
    `%` per row of a long array (`assess.gap_json`)."""
    template = _TEMPLATES.get((names, indent))
    if template is None:
        if not names:
            template = "{}"
        else:
            inner = indent + "  "
            keys = (f"{',' if i else '{'}{inner}{_text(name)}: " for i, name in enumerate(names))
            template = "".join(key.replace("%", "%%") + "%s" for key in keys) + indent + "}"
        _TEMPLATES[names, indent] = template
    return template


def _write_object(
    names: tuple[str, ...], values: Sequence[object], out: list[str], indent: str
) -> None:
    if not names:
        out.append("{}")
        return
    inner = indent + "  "
    keys = _KEYS.get((names, indent))
    if keys is None:  # `{\n    "id": `, `,\n    "name": `: once per shape and depth
        keys = tuple(f"{',' if i else '{'}{inner}{_text(name)}: " for i, name in enumerate(names))
        _KEYS[names, indent] = keys
    append = out.append
    value: Any
    text: str | None
    for key, value in zip(keys, values, strict=True):
        append(key)
        # `_scalar`'s cases inline: a gap document of 10,000 targets has 480,000.
        kind = type(value)
        if kind is str:
            text = _string(value)
            append(text if text.isascii() and "\x7f" not in text else _escaped(text))
        elif value is None:
            append("null")
        elif kind is Decimal:
            append(_number(value))
        elif kind is bool:
            append("true" if value else "false")
        else:
            text = _scalar(value)
            if text is None:
                _write(value, out, inner)
            else:
                append(text)
    append(indent + "}")


def number_text(value: int | float) -> str:
    """A JSON number as Pydantic (serde_json, ryu) writes it: integers as is; floats as the
    shortest text that reads back the same, in decimal notation from 1e-5 to below 1e16
    (0.00001, 12.5) and in exponent notation outside it (1.5e-7, 1e+16)."""
    if type(value) is int:
        return int.__repr__(value)
    text = float.__repr__(value)  # the same shortest digits; Python's notation differs
    if "e" not in text and abs(value) >= 1e-4:  # Python's decimal notation: 1e-4 to 1e16
        return text
    sign = "-" if text[0] == "-" else ""
    if value == 0:
        return f"{sign}0.0"
    mantissa, _, exponent = text.lstrip("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))
    digits = digits.rstrip("0") or "0"
    # value = 0.DIGITS × 10^point
    if -4 <= point <= 0:  # 0.00001234 (ryu: 10^-5 ≤ value < 1)
        return f"{sign}0.{'0' * -point}{digits}"
    if 0 < point <= 16:
        if point >= len(digits):
            return f"{sign}{digits}{'0' * (point - len(digits))}.0"
        return f"{sign}{digits[:point]}.{digits[point:]}"
    rest = f".{digits[1:]}" if len(digits) > 1 else ""
    return f"{sign}{digits[0]}{rest}e{point - 1:+d}"


def datetime_text(moment: datetime) -> str:
    """A time as Pydantic writes one: ISO 8601, `Z` for UTC (every time plancli keeps is)."""
    offset = moment.utcoffset()
    text = moment.replace(tzinfo=None).isoformat()
    if offset is None:
        return text
    if not offset:
        return text + "Z"
    return moment.isoformat()


def plain_data(value: object) -> Any:
    """`value` as JSON's plain values (numbers as `dump_json` writes them, times as text):
    what the CSV writers read; the same values `model_dump(mode="json")` gave."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, Decimal):
        return decimal_to_json(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: plain_data(item) for name, item in zip(value._fields, value, strict=True)}
    if isinstance(value, list | tuple):
        return [plain_data(item) for item in value]
    if isinstance(value, dict):
        return {key: plain_data(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value):
        return {f.name: plain_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return datetime_text(value)
    return value


# ------------------------------------------------------------------------------ CSV


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row; None becomes an empty cell. Text is written so that neither a
    terminal nor a spreadsheet runs it: control characters shown, and a cell a spreadsheet
    would take for a formula prefixed with `'` (`safe.csv_cell`); numbers stay numbers."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(column) for column in columns])
    for row in rows:
        writer.writerow(["" if cell is None else csv_cell(cell) for cell in row])
    return buffer.getvalue()
