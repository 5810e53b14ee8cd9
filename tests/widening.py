"""What a fitted table shows at each width (`test_gap_widening`, `test_table_widening`): the
tables a command prints, kept as printed; the words of the headers and cells a width keeps;
its lines as Rich renders them. A wider terminal never shows fewer columns (session 29, `gap`)
nor fewer facts (session 30, every table)."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from plancli.render.annotations import annotated as annotated_lines
from plancli.render.fitted import FittedTable
from plancli.render.keyed_notes import NoteKey
from plancli.render.runs import BreaksAfterSlash, KeepsRuns


def texts(thing: Any) -> list[str]:
    """Every header's and cell's text in a fitted table, or in its cards."""
    if isinstance(thing, str):
        return [thing]
    if isinstance(thing, NoteKey):  # where its note is, listed under the table (`notes`)
        return []
    if isinstance(thing, Text):
        return [thing.plain]
    if isinstance(thing, Group):
        return [text for part in thing.renderables for text in texts(part)]
    if isinstance(thing, Table):  # a card's line (a grid: its cells) or the table (headers)
        parts = [c.header for c in thing.columns] + [
            cell for c in thing.columns for cell in c._cells
        ]
        notes = getattr(thing, "notes", None)  # listed under it, keyed by row (keyed_notes)
        return [text for part in [*parts, notes] for text in texts(part)]
    return []


def header_text(table: FittedTable, width: int) -> str:
    """The headers a width keeps, as one line (the cards' header among them)."""
    fitted = table.fitted(width)
    return " ".join(text for c in fitted.columns for text in texts(c.header))


_WORD = re.compile(r"[^\s/]+")


def words(table: FittedTable, width: int) -> set[str]:
    """The words of every header and cell a width keeps: a column left out loses its words,
    the name put under the id or the rows made cards keep them."""
    return {word for text in texts(table.fitted(width)) for word in _WORD.findall(text)}


def lines(table: FittedTable | Table | _AsPrinted, width: int) -> list[str]:
    """The table's lines as Rich prints them on a terminal `width` cells wide (a FittedTable,
    or the Table it fits at that width: what it prints there)."""
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as captured:
        console.print(table, crop=False, soft_wrap=False)
    return captured.get().splitlines()


def printed_tables(
    invoke: Any, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> list[FittedTable]:
    """The FittedTables a command prints, kept as they are printed."""
    seen: list[FittedTable] = []
    printed = FittedTable.__rich_console__

    def keep(self: FittedTable, console: Any, options: Any) -> Any:
        seen.append(self)
        return printed(self, console, options)

    monkeypatch.setattr(FittedTable, "__rich_console__", keep)
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(FittedTable, "__rich_console__", printed)
    return seen


# The Text classes whose measurement is their text's alone (Rich's: the longest line and the
# widest word; plancli's: the narrowest without breaking a run or a word), whatever the room.
_MEASURED_BY_TEXT = {
    Text.__rich_measure__,
    KeepsRuns.__rich_measure__,
    BreaksAfterSlash.__rich_measure__,
}


def _of_text(thing: Any) -> bool:
    return type(thing) is str or (
        isinstance(thing, Text) and type(thing).__rich_measure__ in _MEASURED_BY_TEXT
    )


def _laid_out_by_its_text(table: Table) -> bool:
    if table.expand or table.width is not None or table.min_width is not None:
        return False
    parts = [part for c in table.columns for part in (c.header, c.footer, *c._cells)]
    return all(_of_text(part) for part in parts)


def unbounded_width(table: Table) -> int | None:
    """The width Rich lays `table` out at wherever the terminal leaves it all the room it
    wants (every column at its widest cell), or None where the terminal's width may count
    for more than that: a table that expands or has a width of its own, or a cell, header
    or footer other than text (measured by its text alone, `_MEASURED_BY_TEXT`).

    On a terminal at least that wide, Rich measures the same columns, reduces none (the sum
    fits), widens none (no `expand`, no `min_width`) and renders each cell, the title and the
    caption at the same widths: the same lines, whatever the terminal's width beyond it."""
    if not _laid_out_by_its_text(table):
        return None
    console = Console(width=1 << 16, color_system=None, legacy_windows=False)
    return Measurement.get(console, console.options, table).maximum


def _annotations_width(table: Table) -> int:
    """The widest line of a title or caption given as Text, which a FittedTable lays out on
    the terminal's room where wider than the table (render/annotations.py)."""
    texts = [t for t in (table.title, table.caption) if isinstance(t, Text)]
    return max((cell_len(line) for t in texts for line in t.plain.split("\n")), default=0)


class _AsPrinted:
    """A width's fitted Table printed as `FittedTable.__rich_console__` prints it at that width
    (its title and caption laid out by `annotated`), without fitting it a second time: the
    annotated sweeps fitted each drawn width twice, once for the sweep and once in the print,
    a third of their `fitted` (session 43)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: Any) -> Iterator[Any]:
        yield from annotated_lines(self.table, console, options)


def _pickled(table: Table) -> bytes | None:
    try:
        return pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def sweep(
    table: FittedTable, widths: range, *, annotated: bool = False
) -> Iterator[tuple[int, Table, list[str]]]:
    """Each width's fitted Table and the lines printed at that width: of the Table itself,
    or (`annotated`) of the FittedTable as a command prints it, its title and caption laid
    out on the terminal's room where wider than the table.

    A width is not drawn again where it cannot print other lines than the last width drawn:
    its fitted Table the same, byte for byte pickled (every column, header, cell, span, style
    and option), as that width's, and that one laid out as on an unbounded terminal
    (`unbounded_width`; annotated, a title and caption no wider than the width drawn).
    A wide table fitted at 90 columns printed the same lines at 91 to 140: drawing each of
    them was a third of the sweeps' time (a Rich render of 80-195 rows each)."""
    assert widths.step > 0, widths  # (a wider width than the one drawn, never a narrower)
    drawn_key: bytes | None = None
    drawn_lines: list[str] = []
    unbounded = False
    for width in widths:
        fitted = table.fitted(width)
        key = _pickled(fitted) if _laid_out_by_its_text(fitted) else None
        if key is not None and key == drawn_key and unbounded:
            yield width, fitted, drawn_lines
            continue
        drawn_lines = lines(_AsPrinted(fitted) if annotated else fitted, width)
        drawn_key = key
        natural = unbounded_width(fitted) if key is not None else None
        # (a Table printed as such lays its title and caption out at its own width: Rich's)
        room = max(natural, _annotations_width(fitted)) if annotated and natural else natural
        unbounded = room is not None and room <= width
        yield width, fitted, drawn_lines


def check_widening(table: FittedTable, widths: range = range(40, 141)) -> None:
    """From width to width, the words shown only grow, nothing is cut (`…`) that a narrower
    width showed whole, and no line is wider than the terminal (a CJK character two cells)."""
    before: set[str] = set()
    cut_before: int | None = None
    # (what the table prints at a width is the Table `fitted` gives for its width, rendered
    # as it renders it, and its words are that Table's)
    for width, fitted, drawn in sweep(table, widths):
        shown = {word for text in texts(fitted) for word in _WORD.findall(text)}
        assert before <= shown, (width, sorted(before - shown))
        before = shown
        widest = max((cell_len(line) for line in drawn), default=0)
        assert widest <= width, (width, widest, [li for li in drawn if cell_len(li) > width])
        cut = sum(line.count("…") for line in drawn)
        assert cut_before is None or cut <= cut_before, (width, cut, cut_before, drawn)
        cut_before = cut
