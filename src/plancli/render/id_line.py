"""`show ID`'s card with its id (`编号`) first: beside its label where the terminal holds both,
else whole on a line of its own under the label, as the tables' cards put a long id on a
line of its own. An id is one word a user copies: beside its label at 40 columns Rich folded
a 35-character id (`heritage_repairs_initial_accep` over `tance`)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

# Between a card's label and its value (`Table.grid(padding=(0, 2))`).
LABEL_GAP = 2


class IdFirst:
    """The id's row, then `rows` (the card's other rows, a grid of two columns whose labels
    are at most `label_width` cells): the id beside its label when they fit the terminal
    together, else the label alone and the id on the next line, whole; an id wider than the
    terminal itself folds there, on its own line, as in the tables' cards."""

    def __init__(self, label: str, target_id: Text, rows: Table, label_width: int) -> None:
        self.label = label
        self.target_id = target_id
        self.rows = rows
        self.label_width = max(label_width, cell_len(label))

    def beside(self, width: int) -> bool:
        """Does the id fit beside its label, the labels' column as wide as the card's?"""
        return self.label_width + LABEL_GAP + cell_len(self.target_id.plain) <= width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.beside(options.max_width):
            first = Table.grid(padding=(0, LABEL_GAP))
            first.add_column(style="bold", min_width=self.label_width)
            first.add_column(no_wrap=True)
            first.add_row(self.label, self.target_id)
            yield first
        else:
            yield Text(self.label, style="bold")
            yield Text(self.target_id.plain, style=self.target_id.style, overflow="fold")
        yield self.rows
