"""What a fitted table shows at each width (`test_gap_widening`, `test_table_widening`): the
tables a command prints, kept as printed; the words of the headers and cells a width keeps;
its lines as Rich renders them. A wider terminal never shows fewer columns (session 29, `gap`)
nor fewer facts (session 30, every table)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from plancli.render.fitted import FittedTable


def texts(thing: Any) -> list[str]:
    """Every header's and cell's text in a fitted table, or in its cards."""
    if isinstance(thing, str):
        return [thing]
    if isinstance(thing, Text):
        return [thing.plain]
    if isinstance(thing, Group):
        return [text for part in thing.renderables for text in texts(part)]
    if isinstance(thing, Table):  # a card's line (a grid: its cells) or the table (headers)
        parts = [c.header for c in thing.columns] + [
            cell for c in thing.columns for cell in c._cells
        ]
        return [text for part in parts for text in texts(part)]
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


def lines(table: FittedTable | Table, width: int) -> list[str]:
    """The table's lines as Rich prints them on a terminal `width` cells wide (a FittedTable,
    or the Table it fits at that width: what it prints there)."""
    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
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


def check_widening(table: FittedTable, widths: range = range(40, 141)) -> None:
    """From width to width, the words shown only grow, nothing is cut (`…`) that a narrower
    width showed whole, and no line is wider than the terminal (a CJK character two cells)."""
    before: set[str] = set()
    cut_before: int | None = None
    for width in widths:
        # (fitted once a width: what the table prints there is the Table `fitted` gives for
        # its width, rendered as it renders it, and its words are that Table's)
        fitted = table.fitted(width)
        shown = {word for text in texts(fitted) for word in _WORD.findall(text)}
        assert before <= shown, (width, sorted(before - shown))
        before = shown
        drawn = lines(fitted, width)
        widest = max((cell_len(line) for line in drawn), default=0)
        assert widest <= width, (width, widest, [li for li in drawn if cell_len(li) > width])
        cut = sum(line.count("…") for line in drawn)
        assert cut_before is None or cut <= cut_before, (width, cut, cut_before, drawn)
        cut_before = cut
