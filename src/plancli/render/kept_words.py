"""Widths for the plain Rich tables of `undo` and `import` (an id, then figures that may wrap
between their words): whether the ids fit whole beside the figures at their narrowest, and
then the figures' widths, narrowed where it wraps the fewest cells, never below a word. Rich
narrows the widest wrapping columns alike, below a word's width too: at 80 columns `undo`'s
北京 pm25 figure `28 微克/立方米` was cut to `微克/立方…` while 39502.7 亿元 beside it had room
to give (session 41's 北京 walk). Moved out of render/ledger.py, at its ceiling."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

# A column: its header, its cells, and whether it wraps between words.
Columns = Sequence[tuple[str, Sequence[Text | str], bool]]
# A wide (Chinese) character, a place a header may fold at (`_parts`).
_WIDE = re.compile("([\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60])")
# Three cells between two columns (a space either side of a blank rule), and the edges'.
_GAP = 3


def _parts(header: str, cells: Sequence[Text | str], wraps: bool) -> list[str]:
    """The pieces a column cannot break: its words when it wraps, a Chinese header's between
    its characters (`撤销后生效` folds as `撤销后` over `生效`; its cells' figures never do)."""
    texts = [*(cell.plain if isinstance(cell, Text) else cell for cell in cells)]
    if not wraps:
        return [part for text in [header, *texts] for part in text.splitlines()]
    heads = [piece for word in header.split() for piece in _WIDE.split(word) if piece]
    return heads + [part for text in texts for part in text.split()]


def ids_fit(columns: Columns, width: int, edges: int) -> bool:
    """Do the ids fit whole, each other column at its narrowest (its longest word, or its
    widest line when it never wraps: `(header, cells, wraps)`)? Three cells between columns."""
    need = sum(max((cell_len(p) for p in _parts(*column)), default=1) for column in columns)
    return need + _GAP * (len(columns) - 1) + edges <= width


def words_kept(columns: Columns, width: int, edges: int) -> list[int | None]:
    """Each wrapping column's width where the columns at their widest overflow `width`: the
    one that wraps the fewest cells narrowed first (then the widest), a cell at a time, none
    below its widest word; None for a column
    left to Rich (all of them when the table fits, or when even the words do not)."""
    widest = [max((cell_len(p) for p in _parts(h, c, False)), default=1) for h, c, _ in columns]
    least = [max((cell_len(p) for p in _parts(*column)), default=1) for column in columns]
    excess = sum(widest) + _GAP * (len(columns) - 1) + edges - width
    if excess <= 0 or not ids_fit(columns, width, edges):
        return [None] * len(columns)
    lines = [_parts(h, c, False) for h, c, _ in columns]
    chosen = list(widest)
    while excess > 0:
        narrowing = [i for i, column in enumerate(columns) if column[2] and chosen[i] > least[i]]
        if not narrowing:
            break

        def cost(i: int) -> tuple[int, int]:  # the cells a cell less would wrap, then the widest
            return sum(cell_len(line) == chosen[i] for line in lines[i]), -chosen[i]

        chosen[min(narrowing, key=cost)] -= 1
        excess -= 1
    return [w if column[2] else None for w, column in zip(chosen, columns, strict=True)]
