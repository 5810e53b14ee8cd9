"""Runs of blank rows in a sheet's XML, passed over before expat calls Python for each of them.

A sheet whose used range runs to the bottom (somebody gave whole columns a border or a fill)
holds a `<row r="N"><c r="AN" s="1"/>…</row>` for each of Excel's 1,048,576 rows: a few rows of
figures, then a million rows of styled, empty cells. The reader calls Python for every element,
so such a sheet took 15 CPU seconds (six cells a row; 62 s on a busy machine) to find it holds
nothing past row 30.

Here a run of such rows is blanked out of each chunk before expat parses it: one regular
expression, in C, over the chunk. What is blanked is exactly what the reader would skip once
the header is read: rows whose cells are all empty elements (`<c …/>`, no value, formula or
text), each row numbered (`r="N"`) so no row after them changes number. The last row of each
run is kept, so the reader's row count (`after row N` in messages) stays where it was; every
byte blanked becomes a space, so expat's line and column of a damage later in the part are the
ones an editor shows. A chunk is passed as it is:
- before the header row is read (a blank row above it is a title's gap: the reader reads it);
- once a CDATA section has opened anywhere in the part: text in it that looks like rows is
  a cell's text, not rows.
A run cut by a chunk's end is blanked up to its last whole row; the rest is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# The forms Excel, WPS, LibreOffice and openpyxl write (one space before each attribute, double
# quotes, no namespace prefix): a row of another form is read as any row is, one call a cell.
# Possessive (`*+`, `++`): a run a million rows long is matched without keeping a million
# places to backtrack to (Python 3.11); Python's re then runs at about 100 MB a second.
_ATTRIBUTE = rb' [\w:.-]++="[^"<]*+"'
_EMPTY_CELL = rb"<c(?:" + _ATTRIBUTE + rb")*+/>"
_BLANK_ROW = (
    rb'<row r="\d{1,7}"(?:' + _ATTRIBUTE + rb")*+"
    rb"(?:/>|>(?:\s*+" + _EMPTY_CELL + rb")*+\s*+</row>)"
)
_RUN = re.compile(rb"(?:" + _BLANK_ROW + rb"\s*+){2,}+")
_ROW_START = b"<row "
_CDATA = b"<![CDATA["
_PIECE = 16 * 1024


class BlankRowSkipper:
    """Wraps an expat parser: `Parse(data, final)` blanks the runs of blank rows in `data`
    (once `ready()` says the header is read) and hands the rest to the parser."""

    def __init__(self, parser: Any, ready: Callable[[], bool]) -> None:
        self.parser = parser
        self.ready = ready
        self.cdata = False
        self.tail = b""  # the previous chunk's last bytes: a CDATA marker cut in two

    def Parse(self, data: bytes, final: bool = False) -> int:  # (expat's name)
        # Until the header is read, in small pieces: the blank rows under it in the first
        # chunk are passed over too.
        while len(data) > _PIECE and not self.ready():
            self._parse(data[:_PIECE], False)
            data = data[_PIECE:]
        return self._parse(data, final)

    def _parse(self, data: bytes, final: bool) -> int:
        if not self.cdata and (_CDATA in data or _CDATA in self.tail + data[: len(_CDATA)]):
            self.cdata = True
        self.tail = data[-len(_CDATA) :]
        if data and not self.cdata and self.ready():
            data = blank_runs(data)
        return int(self.parser.Parse(data, final))


def blank_runs(data: bytes) -> bytes:
    """`data` with each run of blank rows, but its last row, turned into spaces."""
    return _RUN.sub(_spaces, data)


def _spaces(match: re.Match[bytes]) -> bytes:
    run = match.group(0)
    last = run.rfind(b"<")  # back to the last row's start tag: past its empty cells
    while not run.startswith(_ROW_START, last):
        last = run.rfind(b"<", 0, last)
    return b" " * last + run[last:]
