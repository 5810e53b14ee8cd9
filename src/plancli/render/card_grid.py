"""One line of a card (`cards._grid`): a Rich grid of columns of fixed widths, one row, laid
out by the steps Rich's own `Table` takes for such a grid, without the rest: no column is
measured (each has its width), no box, header, footer, title nor row style is looked for.

The cards of the demo's `history` (195 rows, two grids each) took 0.4 s to print at 80
columns, half of it in Rich's table machinery around the cells (session 36); the segments
are Rich's own, cell by cell (`render_lines` of the padded cell, aligned and shaped as Rich
does), so the output is the same, byte for byte, colours included. A grid this does not
describe (one wider than the room: Rich would narrow its columns) is left to Rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from plancli.render.runs import KeepsRuns, NoteText

# A cell's lines as Rich renders them, by what they are rendered from (`_key`)
Lines = list[list[Segment]]
Memo = dict[tuple[Any, ...], Lines]


class Cards(Table):
    """The table of cards (`cards.as_cards`): while it is printed, its cards' lines share
    `memo`, where a plain text cell rendered once is not rendered again (`_key`): the demo's
    `history` has 1755 cells in its cards, 227 different ones (`*`, a period, a source)."""

    def __init__(self, *args: Any, memo: Memo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.memo = memo

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.memo.clear()  # (one print: one console, one theme, one set of options)
        try:
            yield from super().__rich_console__(console, options)
        finally:
            self.memo.clear()


# The `Text` classes whose lines are their attributes' alone: Rich's own, and plancli's that
# break a name, an id or a note (`runs`: their rule is their class's, its switches their
# attributes). The demo's `history` had 34,000 cells rendered again over 40–140 columns, of
# 77 different ones: its ids (`KeepsRuns`), the note `(demo)` (`NoteText`) on every card, and
# the blank under the `*` (session 39).
_LAID_OUT_BY_ATTRIBUTES = (Text, KeepsRuns, NoteText)


def _key(cell: Any, console: Console, *rest: Any) -> tuple[Any, ...] | None:
    """What a cell's lines are rendered from, where that is all there is to it: a `Text` of
    `_LAID_OUT_BY_ATTRIBUTES` (not another subclass, which may lay itself out its own way),
    its class, every one of its attributes (its `__slots__` and, a subclass's, its own), the
    console's tab size it may take, and `rest` (the column's options and the style Rich gives
    the cell); an empty string (a blank: no markup, emoji nor highlight in it), `rest`. None
    for any other cell: rendered each time."""
    if type(cell) is str and not cell:
        return ("", *rest)
    if type(cell) not in _LAID_OUT_BY_ATTRIBUTES:
        return None
    own = getattr(cell, "__dict__", None)  # (a subclass's switches: `paths`, `phrases`, …)
    try:
        switches = tuple(sorted(own.items())) if own else ()
        hash(switches)
    except TypeError:
        return None
    return (
        type(cell),
        switches,
        cell.plain,
        cell.style,
        cell.justify,
        cell.overflow,
        cell.no_wrap,
        cell.end,
        cell.tab_size,
        tuple(cell.spans),
        console.tab_size,
        *rest,
    )


class CardGrid(Table):
    """A `Table.grid` (`padding=(0, gap, 0, 0)`, `pad_edge=False`) of one row whose columns
    all have a width, rendered as Rich renders it (see the module's docstring); `memo`, the
    lines of the cells of the cards printed with it (`Cards`)."""

    memo: Memo | None = None

    @classmethod
    def of(cls, gap: int, memo: Memo | None) -> CardGrid:
        """The grid of a card's line: its columns `gap` apart, no padding at its edges."""
        grid = cls(
            box=None,
            padding=(0, gap, 0, 0),
            collapse_padding=True,
            show_header=False,
            show_footer=False,
            show_edge=False,
            pad_edge=False,
            expand=False,
        )
        grid.memo = memo
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = self.columns
        max_width = options.max_width
        last = len(columns) - 1
        gap = self.padding[1]
        widths = [int(c.width or 0) + (gap if i < last else 0) for i, c in enumerate(columns)]
        if not self._plain() or max_width < 1 or sum(widths) > max_width:
            yield from super().__rich_console__(console, options)
            return
        render_options = options.update(width=sum(widths), highlight=self.highlight, height=None)
        get_style = console.get_style
        row_style = get_style(self.get_row_style(console, 0))
        memo = self.memo
        cells: list[Lines] = []
        styles: list[Style] = []
        for i, (width, column) in enumerate(zip(widths, columns, strict=True)):
            style = get_style(get_style(column.style or "")) + row_style
            renderable = column._cells[0]
            right = gap if i < last else 0
            shown = (column.justify, column.no_wrap, column.overflow, column.highlight)
            key = (
                _key(renderable, console, width, right, *shown, style) if memo is not None else None
            )
            rendered = memo.get(key) if memo is not None and key is not None else None
            if rendered is None:
                rendered = console.render_lines(
                    Padding(renderable, (0, right, 0, 0)),
                    render_options.update(
                        width=width,
                        justify=column.justify,
                        no_wrap=column.no_wrap,
                        overflow=column.overflow,
                        height=None,
                        highlight=column.highlight,
                    ),
                    style=style,
                )
                if memo is not None and key is not None:
                    memo[key] = rendered
            cells.append([line[:] for line in rendered])
            styles.append(style)
        height = max(len(cell) for cell in cells)  # (Rich's `row_height`; its `max_height`,
        count = max(height, 1)  # a line at least)
        shaped = []
        for width, column, cell, style in zip(widths, columns, cells, styles, strict=True):
            vertical = getattr(column._cells[0], "vertical", None) or column.vertical
            if vertical == "top":
                aligned = Segment.align_top(cell, width, height, style)
            elif vertical == "middle":
                aligned = Segment.align_middle(cell, width, height, style)
            else:
                aligned = Segment.align_bottom(cell, width, height, style)
            shaped.append(Segment.set_shape(aligned, width, count))
        new_line = Segment.line()
        for line_no in range(count):
            for line in shaped:
                yield from line[line_no]
            yield new_line

    def _plain(self) -> bool:
        """Is it the grid this lays out: one row, every column a width, nothing around?"""
        return (
            len(self.rows) == 1
            and bool(self.columns)
            and self.padding[1] > 0  # (else Rich pads no cell)
            and self.box is None
            and not (self.show_header or self.show_footer or self.show_edge)
            and self.title is None
            and self.caption is None
            and self.width is None
            and not self.expand
            and self.min_width is None
            and self.collapse_padding
            and not self.pad_edge
            and self.padding[0] == self.padding[2] == self.padding[3] == 0
            and all(c.width is not None and c.width >= 1 for c in self.columns)
        )
