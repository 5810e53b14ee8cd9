"""Text that is not text: what invalid UTF-8 and lone surrogates become in Python.

Python hands a command-line byte that is not UTF-8 to the program as a lone surrogate
(U+DC80-U+DCFF, os.fsdecode's surrogateescape), and JSON may spell one (`"\\ud800"`). Neither
can be written as UTF-8: to a ledger, a cache key or a terminal it is a crash waiting. Light on
purpose (no imports): the CLI boundary checks every text argument with it.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# The longest note or source, typed or imported: a spreadsheet cell's limit (Excel's), which
# `import` applies to every cell (ImportLimits.cell_chars, the same number: a test checks) and
# past which a report cuts.
CELL_CHARS = 32_767


def text_problem(value: str, what: str) -> str | None:
    """Why `value` is not text (an error message naming `what`), or None when it is."""
    bad = _SURROGATE.search(value)
    if bad is None:
        return None
    from plancli.i18n import _  # only when refusing: the check itself stays light

    code = ord(bad.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one byte that was not UTF-8
        return _(
            "{what} is not UTF-8 text: byte 0x{byte:02x} at character {position}; set the "
            "terminal or script to UTF-8"
        ).format(what=what, byte=code - 0xDC00, position=bad.start() + 1)
    return _(
        "{what} is not text: character {position} is a lone surrogate ({character}); JSON's "
        "\\ud800-style escapes must come in pairs"
    ).format(what=what, position=bad.start() + 1, character=ascii(bad.group()))


# What a shell reads as more than one word, or as something else than a name: whitespace and
# the characters of sh, bash and cmd.exe syntax. Chinese, letters, digits and `/._-:@%+=,`
# need no quotes.
_SHELL_SPECIAL = re.compile(r"[\s'\"`$\\!&|;<>()*?#~{}\[\]^]")


def shell_word(value: object) -> str:
    """`value` (a path, usually) as one word of a command the user may paste: as it is when no
    shell would split or expand it, else in double quotes (read alike by sh, bash, zsh, cmd.exe
    and PowerShell: `"河南 2026/草案.toml"`), else — a `"`, `$`, backquote or `!` inside — in
    POSIX single quotes. A character `visible` would escape (a control character, a format
    character, a byte that is not UTF-8) makes it a `$'…'` word (`dollar_quoted`)."""
    text = str(value)
    if not text.isprintable():  # a line feed, ESC, U+202E, a byte that is not UTF-8
        return dollar_quoted(text)
    if text and _SHELL_SPECIAL.search(text) is None:
        return text
    if re.search(r"[\"$`!]", text) is None and ("\\" not in text or os.name == "nt"):
        return f'"{text}"'
    return "'" + text.replace("'", "'\\''") + "'"


_DOLLAR_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", "'": "\\'"}


def dollar_quoted(text: str) -> str:
    """`text` as one `$'…'` word (POSIX.1-2024's dollar-single-quotes; bash, zsh, ksh93,
    BusyBox sh): pasted, the shell reads back the exact name, and the hint holds no raw control
    character (a line feed in a folder's name printed raw splits the command; shown escaped
    by `visible`, `cd "a\\nb"` named another folder). A line feed, tab and carriage return as
    `\\n`, `\\t`, `\\r`; any other character that is not printable as its UTF-8 bytes
    in octal, three digits each (`\\033`; U+202E `\\342\\200\\256`; a byte that was
    not UTF-8 as that byte), which no digit after it can lengthen."""
    out: list[str] = []
    for char in text:
        escape = _DOLLAR_ESCAPES.get(char)
        if escape is not None:
            out.append(escape)
        elif char.isprintable():
            out.append(char)
        else:
            try:
                data = char.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:  # a lone surrogate of JSON's, not a byte: as UTF-8 would
                data = char.encode("utf-8", "surrogatepass")
            out.extend(f"\\{byte:03o}" for byte in data)
    return "$'" + "".join(out) + "'"
