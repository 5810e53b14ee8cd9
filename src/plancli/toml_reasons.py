"""The TOML parser's reasons (tomli's English) in the interface's language: an analyst who
edits a plan or a ledger by hand reads what is wrong on the line the error names."""

from __future__ import annotations

import re

from plancli.i18n import N_, _
from plancli.safe import clip_path

# tomli's own messages, word for word (its _parser.py); the English is unchanged.
_FIXED = {
    text: text
    for text in (
        N_("Invalid value"),
        N_("Expected newline or end of document after a statement"),
        N_("Cannot overwrite a value"),
        N_("Invalid statement"),
        N_("Expected '=' after a key in a key/value pair"),
        N_("Unterminated string"),
        N_("Invalid initial character for a key part"),
        N_("Unclosed array"),
        N_("Unclosed inline table"),
        N_("Invalid date or datetime"),
        N_("Invalid hex value"),
        N_("An object other than list found behind this key"),
        N_("Expected ']' at the end of a table declaration"),
        N_("Expected ']]' at the end of an array declaration"),
        N_("There is no nest behind this key"),
        N_("Unescaped '\\' in a string"),
        N_("Escaped character is not a Unicode scalar value"),
    )
}
_WITH_VALUE = (
    (re.compile(r"^Cannot declare (.+) twice$"), N_("Cannot declare {value} twice")),
    (
        re.compile(r"^Cannot mutate immutable namespace (.+)$"),
        N_("Cannot mutate immutable namespace {value}"),
    ),
    (re.compile(r"^Cannot redefine namespace (.+)$"), N_("Cannot redefine namespace {value}")),
    (re.compile(r"^Expected (.+)$"), N_("Expected {value}")),
    (re.compile(r"^Illegal character (.+)$"), N_("Illegal character {value}")),
    (re.compile(r"^Found invalid character (.+)$"), N_("Found invalid character {value}")),
    (re.compile(r"^Duplicate inline table key (.+)$"), N_("Duplicate inline table key {value}")),
)


def toml_reason(text: str) -> str:
    """tomli's reason (without its position) in the interface's language."""
    if text in _FIXED:
        return _(_FIXED[text])
    for pattern, message in _WITH_VALUE:
        match = pattern.match(text)
        if match:
            return _(message).format(value=_key_path(match.group(1)))
    return text


def _key_path(value: str) -> str:
    """tomli's key as Python writes a tuple, `('targets',)`, as the file writes it: [targets]."""
    parts = re.findall(r"'((?:[^'\\]|\\.)*)'", value)
    if not value.startswith("(") or not parts:
        return value
    return "[" + ".".join(parts) + "]"


_HEADER = re.compile(
    r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t]*(?:#.*)?$", re.MULTILINE
)


def _table_hint(text: str, pos: int) -> str:
    """`[targets]` beside `[[targets]]` (one target written as a single table): which line,
    and what each entry is written as, where tomli says `Cannot declare ('targets',) twice` or
    `Cannot overwrite a value` (audit W D10)."""
    line_start = text.rfind("\n", 0, pos) + 1
    here = _HEADER.match(text, line_start)
    if here is None:
        return ""
    name = here.group(2)
    singles = [m for m in _HEADER.finditer(text) if m.group(2) == name and m.group(1) == "["]
    if not singles or not any(
        m.group(1) == "[[" for m in _HEADER.finditer(text) if m.group(2) == name
    ):
        return ""
    line = text.count("\n", 0, singles[0].start()) + 1
    return _(
        " (line {line} declares [{name}], a single table; each entry of the list is written "
        "[[{name}]])"
    ).format(line=line, name=name)


# What a Chinese input method types where TOML wants ASCII, at the place the parser stops.
_FIGURE_TAIL = re.compile(r"[0-9０-９][0-9０-９,，、.．。%％]*[%％]?")
# A comma is a thousands separator only before a group of exactly three digits (1，053.8);
# 5，5 or 12，50 is a decimal typed with the IME's comma, never 55 or 1250 (audit W D5).
_SEPARATOR = re.compile(r"[,，、](?=[0-9]{3}(?![0-9]))")
_COMMA = re.compile(r"[,，、]")
_UNIT_WORD = re.compile(r"[\u4e00-\u9fff/]+")  # 2万, 310个, 2022年: a unit after the figure
_NOT_A_FIGURE = re.compile(r"[^0-9.\-]")
_CHINESE_QUOTES = "“”‘’「」"
_NO_VALUE = re.compile(r"[ \t]*([A-Za-z0-9_.-]+)[ \t]*=[ \t]*$")
_KEY_BEFORE = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*$")


def toml_hint(text: str, pos: int) -> str:
    """What to type instead, where the parser stopped at a reviewer's Chinese punctuation: a
    figure with a separator, a % or full-width digits (`1，053.8`, `5%`, `５`), text in Chinese
    quotation marks; a key left with no value (`review = `, its text deleted): write one or
    delete the line; "" when the stop is something else."""
    if not 0 <= pos <= len(text):
        return ""
    if table := _table_hint(text, pos):
        return table
    line_start = text.rfind("\n", 0, pos) + 1
    empty = _NO_VALUE.match(text[line_start:pos])
    if empty and text[pos : pos + 1] in ("", "\r", "\n", "#"):  # `review = ` and nothing
        return _(
            " (a key needs a value: write one after =, or delete the line to leave {key} out)"
        ).format(key=empty.group(1))
    if pos == len(text):
        return ""
    if text[pos] in "\r\n" and _open_quote(text[line_start:pos]):
        return _(' (a text is missing its closing quote: "…")')
    value_start = text.rfind("=", line_start, pos) + 1
    if value_start == 0:
        return ""
    value = text[value_start:].lstrip(" \t")
    if value[:1] in _CHINESE_QUOTES:
        return _(' (text is written in ASCII quotes: "…")')
    figure = _FIGURE_TAIL.match(value)
    if figure is None:
        return ""
    digits = figure.group().translate(_FULL_WIDTH_DIGITS)
    unit = _UNIT_WORD.match(text, pos)
    if unit is not None and text.endswith(figure.group(), 0, pos):  # 2万, 310个
        key = _KEY_BEFORE.search(text, line_start, value_start)
        headers = [m.group(2) for m in _HEADER.finditer(text, 0, line_start)]
        if key is not None and (key.group(1) == "year" or headers[-1:] != ["targets"]):
            # [plan] year = 2026年: no target, no unit to put 年 in (N3, session 27)
            return _(" (a figure is written without units: write {key} = {figure})").format(
                key=key.group(1), figure=_NOT_A_FIGURE.sub("", digits)
            )
        return _(
            " (a figure is written without units: {figure}{unit} is {figure} where the "
            "target's unit is {unit}; the unit goes in `unit`)"
        ).format(figure=_NOT_A_FIGURE.sub("", digits), unit=unit.group())
    if text[pos] not in ",，、%％０１２３４５６７８９．。":
        return ""
    if _COMMA.search(_SEPARATOR.sub("", digits)):  # 5，5: a decimal point, not a separator
        decimal = _NOT_A_FIGURE.sub("", _COMMA.sub(".", _SEPARATOR.sub("", digits), count=1))
        return _(
            " ({typed}: a comma stands before three digits only as a thousands separator; "
            "write {decimal} if it is a decimal point, {joined} if not)"
        ).format(
            typed=figure.group().rstrip("%％"),
            decimal=decimal,
            joined=_NOT_A_FIGURE.sub("", digits),
        )
    written = _NOT_A_FIGURE.sub("", digits)
    return _(" (a figure is written without separators or units: {figure})").format(figure=written)


def _open_quote(line: str) -> bool:
    """The line ends inside a one-line string: a `"` or `'` opened and not closed (a `#`
    outside any string starts a comment)."""
    quote = ""
    escaped = False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return False
    return bool(quote)


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．。", "0123456789..")


def is_gb18030(data: bytes) -> bool:
    """Chinese text in GB18030 (GBK), which is never valid UTF-8 by chance."""
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("gb18030")  # (a BOM too: Notepad++)
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def other_encoding(data: bytes, path: object) -> str | None:
    """Why a plan or ledger file that is not UTF-8 is refused, when its encoding is plain:
    UTF-16 with its BOM (Notepad's "Unicode") or GB18030 (Notepad's "ANSI" on a Chinese
    Windows, a BOM before it or not); None for bytes that are no known text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _(
            '{file}: UTF-16 text (Notepad\'s "Unicode"); plan and ledger files are UTF-8: save '
            "it with the encoding UTF-8"
        ).format(file=clip_path(path))
    if is_gb18030(data):
        return _(
            '{file}: GB18030 (GBK) text (Notepad\'s "ANSI"); plan and ledger files are '
            "UTF-8: save it with the encoding UTF-8"
        ).format(file=clip_path(path))
    return None
