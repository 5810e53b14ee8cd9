"""A table's notes listed under it, keyed by row (session 39): where a note column beside the
others would leave it less than its widest phrase, the rows became cards, so one record's note
(`record … --note`) turned every record of `history` into a card at 80 columns. The note
column (`Column.keyed`) gives way instead to a column of keys, 1, 2…, under its header (备注),
and the notes are listed under the table, each beside its key, on the terminal's whole width:
a long note (200 characters, markup shown as typed, control characters escaped by `shown`)
reads as a paragraph, not seven characters a line. `FittedTable` asks for it only where the
rows would be cards, or where a note beside the others would take more than `NOTE_LINES` lines
(at 100 columns a 200-character note took 14, a few characters a line), and keeps the cards
where the table cannot fit without the notes either."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from plancli.render.widths import Column

NOTE_LINES = 4
"""A note longer than this many lines of the room beside the others is listed under the table."""


class NoteKey(Text):
    """A note's key in its row (1, 2…): where its note is, not a figure of the row."""


class NotedTable(Table):
    """A table whose notes are listed under it (`keyed_notes`): printed after its rows, before
    its caption (the legend `* 现行数值；…` ends the output, as before)."""

    notes: Table | None = None

    @classmethod
    def of(cls, notes: Table, options: dict[str, Any]) -> NotedTable:
        table = cls(**options)
        table.notes = notes
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from super().__rich_console__(console, options)
        if self.notes is not None:
            yield from console.render(self.notes, options)
            yield Segment.line()  # (a line before the caption, as under the rows)


class Keyed(NamedTuple):
    """The columns with the note column's keys in its place, the notes to print under them."""

    columns: list[Column]
    notes: Table
    key: Column


def keyed_notes(columns: list[Column]) -> Keyed | None:
    """`columns` with the keyed note column as its keys, and the notes under their header as
    a table to print under them; None where there is no such column or no note in it."""
    at = next((i for i, column in enumerate(columns) if column.keyed), None)
    if at is None:
        return None
    column = columns[at]
    keys: list[Text] = []
    notes: list[tuple[Text, Text]] = []
    for cell in column.cells:
        if not cell.plain.strip():
            keys.append(Text(""))
            continue
        key = NoteKey(str(len(notes) + 1))
        keys.append(key)
        notes.append((key, cell))
    if not notes:
        return None
    # (left out where the notes would be; not no_wrap, so never joined into its neighbours'
    # cells: a key is no word of the row, `NoteKey`)
    key_column = replace(column, cells=keys, options={}, room=None, phrase=0)
    key_column.keyed = False
    listed = Table(box=box.SIMPLE_HEAD, show_edge=False, collapse_padding=True, padding=(0, 1))
    listed.add_column("", no_wrap=True)
    listed.add_column(column.header, overflow="fold")
    for number, note in notes:
        listed.add_row(number, note)
    return Keyed([*columns[:at], key_column, *columns[at + 1 :]], listed, key_column)


def too_long(keyed: Keyed, with_keys: Table, width: int) -> bool:
    """Would a note take more than `NOTE_LINES` lines in its column, which has about the room
    the table with its keys leaves (measured: a throwaway console of `width`) and its key's?"""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    used = Measurement.get(console, console.options, with_keys).maximum
    room = width - used + keyed.key.width()
    longest = max(cell_len(str(cell)) for cell in keyed.notes.columns[1].cells)
    return longest > NOTE_LINES * max(room, 1)
