"""Text from files, made safe to show: on a terminal, and in a spreadsheet (issue 14).

plancli shows what other people wrote (a bureau's CSV, a department's workbook, a plan from
another office). Two rules, one place (docs/security.md, "Output: terminals and spreadsheets"):

- `visible`: control characters are shown as escapes (ESC as `\\x1b`), never written raw, so
  no string from a file can move the cursor, clear the screen, set the window title, write the
  clipboard (OSC 52), plant a hyperlink (OSC 8) or reorder what is shown (bidi overrides).
- `csv_cell` / `formula_like`: a text cell that a spreadsheet would take for a formula gets
  OWASP's leading apostrophe (CSV) or is written as a string cell with quotePrefix (xlsx).
  Numbers stay numbers.

`--json` keeps the exact text: `json_text` only \\u-escapes the characters JSON itself leaves
raw, so a parser reads back the same string. Pure and cheap: str.translate and isprintable
run in C, and no regex is compiled before one is needed (start-up time).
"""

from __future__ import annotations

import functools
import re

# The invisible format characters (Unicode category Cf): the bidirectional formatting characters
# (U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069
# isolates: "Trojan Source"), the zero-width ones (U+200B space, U+200C/U+200D non-joiner and
# joiner, U+2060 word joiner, U+2061–U+2064 invisible operators, U+FEFF BOM: `统计\u200b局`
# reads as `统计局`, audit 3 D7), the soft hyphen, Arabic number signs, interlinear
# annotations, the tag characters U+E0001 and U+E0020–U+E007F, and the rest of the category.
FORMAT: tuple[int, ...] = (
    0x00AD,
    *range(0x0600, 0x0606),
    0x061C,
    0x06DD,
    0x070F,
    0x0890,
    0x0891,
    0x08E2,
    0x180E,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x2070),
    0xFEFF,
    *range(0xFFF9, 0xFFFC),
    0x110BD,
    0x110CD,
    *range(0x13430, 0x13440),
    *range(0x1BCA0, 0x1BCA4),
    *range(0x1D173, 0x1D17B),
    0xE0001,
    *range(0xE0020, 0xE0080),
)
# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters a renderer
# shows as nothing when it lacks a glyph for them. Beyond the format characters: U+034F
# COMBINING GRAPHEME JOINER, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the
# Mongolian and other variation selectors (U+180B–U+180F, U+FE00–U+FE0F, U+E0100–U+E01EF), the
# Khmer inherent vowels, U+FFF0–U+FFF8 and the rest of U+E0000–U+E0FFF. `统计\u3164局` and
# `统计局\u034f` print as 统计局 and would be other departments (audit P D5).
DEFAULT_IGNORABLE: tuple[int, ...] = (
    0x00AD,
    0x034F,
    0x061C,
    0x115F,
    0x1160,
    0x17B4,
    0x17B5,
    *range(0x180B, 0x1810),
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2070),
    0x3164,
    *range(0xFE00, 0xFE10),
    0xFEFF,
    0xFFA0,
    *range(0xFFF0, 0xFFF9),
    *range(0x1BCA0, 0x1BCA4),
    *range(0x1D173, 0x1D17B),
    *range(0xE0000, 0xE1000),
)
# White space other than the ASCII space (str.isspace): a name holding one reads as another.
OTHER_SPACES: tuple[int, ...] = (
    *range(0x09, 0x0E),
    *range(0x1C, 0x20),
    0x85,
    0xA0,
    0x1680,
    *range(0x2000, 0x200B),
    0x2028,
    0x2029,
    0x202F,
    0x205F,
    0x3000,
)
# C0 controls, DEL, the C1 controls (U+0080–U+009F: U+009B is the 8-bit CSI, U+009D the 8-bit
# OSC), the Unicode line and paragraph separators (U+2028, U+2029), which some terminals break
# lines at, the noncharacters U+FFFE and U+FFFF, which XML forbids (a note holding one made
# `report --format xlsx` write a sheet no spreadsheet opens: session 28), and every format
# character above.
CONTROLS: tuple[int, ...] = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    0xFFFE,
    0xFFFF,
    *FORMAT,
)
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _escape(code: int) -> str:
    if code in _NAMED:
        return _NAMED[code]
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Lone surrogates: what a file name's byte that is not UTF-8 becomes in Python
# (surrogateescape: `sur\xff.csv` is `sur\udcff.csv`). Written raw, each is that byte again (a
# raw 0x9b is CSI to a terminal reading Latin-1), and no UTF-8 output can hold one: a JSON
# document naming such a file stopped with an internal error (session 28).
SURROGATES = range(0xD800, 0xE000)

# Translation tables (str.translate runs in C; no regex to compile at start-up).
_ONE_LINE = {code: _escape(code) for code in (*CONTROLS, *SURROGATES)}  # \n shown too
_LINES = {code: shown for code, shown in _ONE_LINE.items() if code != 0x0A}  # \n kept


def visible(text: str, *, newlines: bool = False) -> str:
    """`text` with every control character shown as a Python-style escape: ESC → `\\x1b`,
    U+009B → `\\x9b`, U+202E → `\\u202e`, tab → `\\t`, CR → `\\r`.

    `newlines=True` keeps "\\n" for text that may span lines (a note in a table cell, an error
    message, a CSV or spreadsheet cell); otherwise it is shown as `\\n` too. Everything else,
    Chinese included, is left as it is. Applying it twice changes nothing more.
    """
    if text.isprintable():  # the usual case, checked in C: no control character at all
        return text
    return text.translate(_LINES if newlines else _ONE_LINE)


NAME_CHARS = 60
"""How much of a name from a file a message shows (README: "the name never past 60
characters"): Excel caps a sheet name at 31 characters and a real indicator or department name
is shorter still, so anything longer was made to flood the terminal (a cell holds 32,767)."""


def clip(text: str, limit: int = NAME_CHARS, *, quote: bool = False) -> str:
    """A name from a file, the plan or the command line, for a one-line message: visible
    (`visible`), and past `limit` characters cut, saying how long it was:
    `封封…封…(5,000 characters)`; `quote=True` gives it as `repr` (`'封封…'…(5,000 characters)`).
    The one rule for every message that echoes such a name (sheet, target, owner)."""
    if len(text) <= limit:
        return repr(text) if quote else visible(text)
    if "@" in text or "=" in text:  # a connection string typed for a name: cut after masking
        from plancli.locations import hide_passwords

        text = hide_passwords(text)  # (a cut before its `@` would no longer show a password)
        if len(text) <= limit:
            return repr(text) if quote else visible(text)
    head = repr(text[:limit]) if quote else visible(text[:limit])
    return head + length_note(len(text))


def cell_shown(text: object, limit: int = NAME_CHARS) -> str:
    """A cell, header or figure from an import file as a message quotes it: `repr`, cut short
    (`clip`): a cell may hold 32,767 characters."""
    return clip(str(text), limit, quote=True)


PATH_CHARS = 255  # a path echoed whole up to this many characters (a file name's limit)


def clip_path(path: object) -> str:
    """A path (or a ledger's connection string) as every message names it: on one line, its
    control characters shown as `visible` shows them (a line feed as `\\n`, ESC as `\\x1b`,
    U+202E as `\\u202e`, a byte that is not UTF-8 as `\\udcff`), so a file name typed on the
    command line cannot print a line plancli did not write (`x\\nerror: …`, session 28); whole
    up to 255 characters, which every real file's name fits; longer (a pasted paragraph, a
    100,000-character PLANCLI_PLAN), clipped as a name is. Only for messages: a path is opened,
    and `--json` names it, by its exact text."""
    text = str(path)
    return visible(text) if len(text) <= PATH_CHARS else clip(text)


class Clipped:
    """A name from a file as a message's field: `{name}` formats as `clip(name)`, `{name!r}`
    as `clip(name, quote=True)`: a 100,000-character section id or period is echoed by its
    first 60 characters and its length, wherever a message names it (audit P D7)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __format__(self, spec: str) -> str:
        return format(clip(self.text), spec)

    def __str__(self) -> str:
        return clip(self.text)

    def __repr__(self) -> str:
        return clip(self.text, quote=True)


def length_note(length: int) -> str:
    """`…(5,000 characters)`, in the interface's language (`…（共5,000个字符）` in a Chinese
    message, audit K D11): what a cut name, figure or cell says of its length."""
    from plancli.i18n import _  # lazily: i18n's catalog is read only when a name is this long

    return _("…({count} characters)").format(count=f"{length:,}")


# A spreadsheet evaluates a cell starting with one of these (OWASP "CSV injection"): `=`, `+`,
# `-`, `@`, tab, CR; and, as a precaution, their full-width forms, which CJK input methods type.
FORMULA_START = frozenset("=+-@\t\r＝＋－＠")


@functools.cache
def _number() -> re.Pattern[str]:
    """A plain number (-0.5, +3, 1e5) or percentage (-1.2 %, -1.2%): what a spreadsheet reads
    as that number, never a formula (at worst `=-1.2 %`, the same figure: `%` is its percent
    operator). `gap --csv`'s actual_text of a decline, `-1.2 %`, was written `'-1.2 %` (session
    40's walk). A sign before anything else (`-1.2 万人`, `+0.42 pp`, `-A1`) is still guarded.
    Compiled on first use: most runs never write a cell that needs it."""
    return re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?: ?%)?")


def formula_like(text: str) -> bool:
    """Would a spreadsheet take this text cell for a formula? True when its first character
    (after any spaces) is one of = + - @ tab CR (or ＝ ＋ － ＠), unless it is a plain number
    or percentage."""
    start = text.lstrip(" ")
    return bool(start) and start[0] in FORMULA_START and _number().fullmatch(text) is None


def sheet_text(text: str) -> str:
    """A text cell's characters in a spreadsheet: control characters shown (they are illegal
    in xlsx XML, and a terminal shows a CSV), line breaks kept."""
    return visible(text, newlines=True)


def csv_cell(value: object) -> object:
    """A CSV cell no spreadsheet evaluates: text made visible and, where it would be taken for
    a formula, prefixed with `'` (OWASP). Anything that is not text (numbers) is left as is."""
    if not isinstance(value, str):
        return value
    if value.isprintable() and value[:1] not in _CHECK_START:  # most cells: one C-level test
        return value
    text = sheet_text(value)
    return f"'{text}" if formula_like(text) else text


_CHECK_START = FORMULA_START | {" "}


def tsv_cell(text: str) -> str:
    """A field of a tab-separated line (`ledger grants`): one line (tab and line feed shown as
    `\\t`, `\\n`) and, like a CSV cell, no live formula (OWASP's leading apostrophe)."""
    return str(csv_cell(visible(text)))


def json_text(document: str) -> str:
    """A JSON document with DEL, the C1 controls and the bidi characters \\u-escaped.

    JSON serialisers escape C0 controls but leave these raw, and a terminal would act on
    them. They can only occur inside strings, where `\\u` escapes mean the same characters:
    a parser reads back the exact text. A lone surrogate (a file name's byte that is not
    UTF-8) is no character UTF-8 can write or a strict parser accepts, even escaped: it is
    written as U+FFFD, the replacement character (`sur\\ufffd.csv`)."""
    if document.isascii():  # checked in C; English output usually is
        return document
    return _json_raw().sub(lambda m: _json_escape(ord(m.group())), document)


def _json_escape(code: int) -> str:
    """JSON's `\\u` escape: a character beyond U+FFFF as its UTF-16 surrogate pair; a lone
    surrogate as U+FFFD."""
    if code in SURROGATES:
        return "\\ufffd"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


@functools.cache
def _json_raw() -> re.Pattern[str]:
    """What JSON leaves raw in a string (it escapes C0 itself): every control above 0x7E, and
    the lone surrogates."""
    raw = "".join(chr(code) for code in CONTROLS if code > 0x7E)
    return re.compile(f"[{raw}\ud800-\udfff]")


# A terminal's escape sequences (ECMA-48), each as a whole: CSI (ESC [ or the 8-bit U+009B,
# parameters, a final byte: `\x9b2J` clears the screen), the strings OSC, DCS, SOS, PM and APC
# (ESC ] P X ^ _ or U+009D U+0090 U+0098 U+009E U+009F) up to their BEL or ST (`\x1b]0;PWNED\x07`
# sets the window's title: its payload is the attacker's text, not the report's), and ESC with
# one character (ESC c resets the terminal).
_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# What is left of a report's text once its sequences are gone: the line breaks written as
# controls (VT, NEL, U+2028, U+2029) as line feeds, every other control and format character
# dropped. Tab, line feed, CR and form feed (a PDF's page break) are the text's own.
_READ_TABLE = {
    code: ("\n" if code in (0x0B, 0x85, 0x2028, 0x2029) else None)
    for code in CONTROLS
    if code not in (0x09, 0x0A, 0x0C, 0x0D)
}


@functools.cache
def _sequences() -> re.Pattern[str]:
    return re.compile(_SEQUENCE)


@functools.cache
def _unread() -> re.Pattern[str]:
    """Any character `readable` drops or changes (a search in C: most reports have none)."""
    ranges: list[list[int]] = []
    for code in sorted(_READ_TABLE):  # as ranges: a class of 300 single characters is slow
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


def readable(text: str) -> str:
    """A document's text as a reader sees it: terminal escape sequences dropped whole (with an
    OSC's payload), line-break controls as line feeds, and every other control and invisible
    format character (C1 controls, bidi overrides, zero-width spaces: `visible`'s list) dropped.

    `extract` drafts from it and `validate --source` compares quotes with it, so a quote is a
    verbatim substring of the same text on both sides, and no draft carries a character a
    terminal would act on or an editor would not show (docs/security-input.md)."""
    if text.isprintable() or _unread().search(text) is None:
        return text
    if "\x1b" in text or any(ch in text for ch in "\x9b\x9d\x90\x98\x9e\x9f"):
        text = _sequences().sub("", text)
    return text.translate(_READ_TABLE)


def toml_text(document: str) -> str:
    """A TOML document with DEL, the C1 controls and the format characters as `\\u` escapes
    (`\\U` beyond U+FFFF), as `json_text` does for JSON: tomli-w escapes C0 controls only, and
    they can occur only inside its basic strings, where the escapes mean the same characters."""
    if document.isascii():
        return document
    return _json_raw().sub(lambda m: _toml_escape(ord(m.group())), document)


def _toml_escape(code: int) -> str:
    if code in SURROGATES:  # TOML's escapes name Unicode scalar values: never a surrogate
        return "\\ufffd"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@functools.cache
def _name_escapes() -> dict[int, str]:
    table = {code: _escape(code) for code in (*DEFAULT_IGNORABLE, *OTHER_SPACES)}
    table.update(_ONE_LINE)
    return table


def name_shown(name: str) -> str:
    """A department's (or any compared name's) text with every character that does not show
    escaped: controls and format characters as `visible` does, and every other default-ignorable
    code point and white space but the ASCII space (`统计局\\u034f`, `统计\\u3164局`)."""
    return name.translate(_name_escapes())


def N_(message: str) -> str:  # marks a message for the catalog, as plancli.i18n's N_
    return message


# Why a department's name would be another that prints the same (untranslated, with {owner}).
INVISIBLE_IN_NAME = N_("{owner}: a department's name with an invisible character in it")
SPACE_IN_NAME = N_(
    "'{owner}': a department's name with a space at its start or end, or a space that is not "
    "an ASCII one: it would be another department than the one it reads as"
)


def name_problem(name: str) -> str | None:
    """Why a department's name would be another that prints the same, or None: a
    Default_Ignorable_Code_Point or a control in it (`INVISIBLE_IN_NAME`), a space at either
    end or white space other than the ASCII space (`SPACE_IN_NAME`)."""
    unseen = _unseen()
    if any(ord(ch) in unseen for ch in name):
        return INVISIBLE_IN_NAME
    if name != name.strip() or any(ch.isspace() and ch != " " for ch in name):
        return SPACE_IN_NAME
    return None


# A name (a target's, a section's, the plan's, an alias) that shows nothing on any screen.
NAME_SHOWS_NOTHING = N_(
    "'{name}': a name that shows nothing (only white space or invisible characters); write "
    "the name as the report gives it"
)


def shows_nothing(text: str) -> bool:
    """Is `text` empty, or only white space, controls and default-ignorable characters (the
    zero-width space, the BOM, U+3164…), so that a table, a sheet or a page shows it blank?"""
    unseen = _unseen()
    return all(ch.isspace() or ord(ch) in unseen for ch in text)


@functools.cache
def _unseen() -> frozenset[int]:
    return frozenset((*CONTROLS, *DEFAULT_IGNORABLE))
