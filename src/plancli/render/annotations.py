"""A fitted table's title and caption (`FittedTable`), laid out on the terminal's room when
wider than the table: Rich lays them out at the table's width, so that a caption of 46 cells
under a table of 43 took two lines on a 100-column terminal (`show ID`'s amendments: `* 现行，
自起始期起适用；` over `无 * 者已被后来的调整取代`), and `history ID`'s title folded a 35-character
id under a table of 34 at 40 columns (`…initial_acceptanc` over `e`). One that fits the table
is laid out as Rich does; a title or caption given as a string (Rich's own style) is Rich's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from plancli.render.runs import KeepsRuns

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod


def annotated(table: Table, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
    """The table's lines, its title above and its caption below, each laid out at the table's
    width or wider (`_lines`): a line that fits the terminal is never broken, nor an id in
    it. Justified as the table says (`title_justify`), in that width."""
    title = table.title if isinstance(table.title, Text) else None
    caption = table.caption if isinstance(table.caption, Text) else None
    if title is None and caption is None:
        yield from console.render(table, options)
        return
    table.title = None if title is not None else table.title
    table.caption = None if caption is not None else table.caption
    try:
        body = console.render_lines(table, options, pad=False, new_lines=False)
    finally:  # (the table as it was: it may be printed again)
        table.title = title if title is not None else table.title
        table.caption = caption if caption is not None else table.caption
    width = max((Segment.get_line_length(line) for line in body), default=0)
    above = _lines(title, table.title_justify, width, console, options)
    below = _lines(caption, table.caption_justify, width, console, options)
    for line in [*above, *body, *below]:
        yield from line
        yield Segment.line()


def _lines(
    text: Text | None,
    justify: JustifyMethod,
    width: int,
    console: Console,
    options: ConsoleOptions,
) -> list[list[Segment]]:
    """`text`'s lines at the table's `width`; wider than the table, at its longest line's when
    that fits the terminal (`options.max_width`), else at its widest run's (an id, never
    folded where the terminal holds it), the rest broken as at the table's width."""
    if text is None or not text.plain:
        return []
    widest = max(cell_len(line) for line in text.plain.split("\n"))
    if widest <= width:
        room = width
    elif widest <= options.max_width:
        room = widest
    else:
        least = text.least_width() if isinstance(text, KeepsRuns) else 0
        room = max(width, min(least, options.max_width))
    laid = options.update(width=max(room, 1), justify=justify, height=None, highlight=False)
    return console.render_lines(text, laid, pad=False, new_lines=False)
