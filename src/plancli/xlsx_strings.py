"""An .xlsx workbook's shared strings (xl/sharedStrings.xml) read for an import: the text of
each <si>, its rich-text runs joined, its phonetic guide left out, no cell longer than Excel
allows; kept compactly (`SharedStrings`)."""

from __future__ import annotations

import re
from array import array
from typing import TYPE_CHECKING

from plancli.i18n import N_, _
from plancli.safe_xml import local as _local
from plancli.safe_xml import parser as _parser

if TYPE_CHECKING:
    from plancli.imports_xlsx import _Workbook as Workbook


class SharedStrings:
    """The workbook's shared strings, compactly: groups of strings joined into one, with the
    offsets in an array. A million short strings take a few megabytes instead of the ~60
    bytes of a Python string object each."""

    GROUP = 256

    def __init__(self) -> None:
        self._groups: list[str] = []
        self._bounds = array("I")  # GROUP + 1 offsets per group
        self._current: list[str] = []
        self.count = 0

    def append(self, text: str) -> None:
        self._current.append(text)
        self.count += 1
        if len(self._current) == self.GROUP:
            offset = 0
            self._bounds.append(0)
            for item in self._current:
                offset += len(item)
                self._bounds.append(offset)
            self._groups.append("".join(self._current))
            self._current = []

    def get(self, index: int) -> str | None:
        if not 0 <= index < self.count:
            return None
        group, within = divmod(index, self.GROUP)
        if group == len(self._groups):
            return self._current[within]
        base = group * (self.GROUP + 1) + within
        return self._groups[group][self._bounds[base] : self._bounds[base + 1]]


# OOXML's string type (ECMA-376 ST_Xstring) writes a character XML cannot carry as `_xHHHH_`
# (Excel: a cell's CR as `_x000D_`), and a literal `_x` that would read as one as `_x005F_x…`;
# a character beyond the BMP as its UTF-16 pair. Only that exact form is decoded, as Excel does.
_XSTRING = re.compile(r"_x(D[89AB][0-9A-F]{2})__x(D[C-F][0-9A-F]{2})_|_x([0-9A-F]{4})_", re.I)


def _xstring_char(match: re.Match[str]) -> str:
    if match[3] is None:  # a surrogate pair: one character
        high, low = int(match[1], 16), int(match[2], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = int(match[3], 16)
    return match[0] if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone half: kept as written


def unescape_xstring(text: str) -> str:
    """A cell's or a sheet name's text as a spreadsheet shows it: `a_x000D_b` is `a\rb`,
    `lit_x005F_x0041_` is `lit_x0041_` (openpyxl.utils.escape.unescape, with `_x005F_`)."""
    return _XSTRING.sub(_xstring_char, text) if "_x" in text or "_X" in text else text


def read_shared_strings(book: Workbook, part: str | None) -> SharedStrings:
    strings = SharedStrings()
    if part is None or book.info(part) is None:
        return strings
    pieces: list[str] = []
    depth = {"si": 0, "t": 0, "rPh": 0}
    length = [0]  # characters of the string being read
    limit = book.limits.cell_chars

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local in depth:
            depth[local] += 1
            if local == "si":
                pieces.clear()
                length[0] = 0

    def end(tag: str) -> None:
        local = _local(tag)
        if local in depth:
            depth[local] -= 1
            if local == "si":
                strings.append(unescape_xstring("".join(pieces)))

    def text(data: str) -> None:
        # Text of <t> elements, in <si> or in its rich-text runs; not the phonetic guide.
        if depth["t"] and depth["si"] and not depth["rPh"]:
            pieces.append(data)
            length[0] += len(data)
            if length[0] > limit:
                raise book.unreadable(
                    _(
                        "shared string {n} holds more than {limit} characters, the most a cell "
                        "holds in Excel"
                    ).format(n=f"{strings.count:,}", limit=f"{limit:,}")
                )

    book.feed(
        part, _parser(start, end, text), book.limits.shared_strings_bytes, N_("shared strings")
    )
    return strings
