"""A fitted table's runs of adjacent no-wrap columns of plain cells made one column
(`FittedTable`, issue 15), each run joined once for the same cells (session 41)."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text

from plancli.render.widths import GAP, Column


def joined(columns: list[Column], joins: Joins | None = None) -> list[Column]:
    """Columns with each run of adjacent no-wrap columns of plain cells made one, its cells
    the run's cells padded to their columns' widths and GAP apart, as Rich would lay them out.

    The same characters on the screen, in a third of the cells: Rich renders every cell of a
    table through a dozen layers, and an 80-row `gap` table is most of what `gap` does besides
    importing (issue 15). A run of one column, or any other column, is left as it is.
    `joins`: the runs joined so far (`_join_once`)."""
    out: list[Column] = []
    run: list[Column] = []
    for column in [*columns, None]:
        if column is not None and column.options.get("no_wrap") and _one_line(column):
            run.append(column)
            continue
        if len(run) > 1:
            out.append(_join(run) if joins is None else _join_once(run, joins))
        else:
            out.extend(run)
        run = []
        if column is not None:
            out.append(column)
    return out


def _one_line(column: Column) -> bool:
    """Every cell and the header one line of plain text (a str header without markup)."""
    header = column.header
    if isinstance(header, str) and "[" in header:
        return False
    texts = [header.plain if isinstance(header, Text) else header]
    texts += [cell.plain for cell in column.cells]
    return column.room is None and not any("\n" in text or "\t" in text for text in texts)


# A run's joined column by what it was joined from (`_join_once`), with the run
Joins = dict[tuple[Any, ...], tuple[list[Column], Column]]

# The runs a table keeps joined: one a layout, the table's at each width alike or nearly
JOINS_KEPT = 8


def _join_once(run: list[Column], joins: Joins) -> Column:
    """`_join(run)`, joined once for a run of the same headers and cells (the same objects),
    widths and options: a table fitted at 90 columns joined the same run again at 91 to 140,
    0.19 CPU-s of the demo's `history` over 40–140 columns (session 41). The run is kept with
    its column, so that no object it was keyed by is freed and its id reused."""
    key = tuple(
        (
            id(column.header),
            id(column.cells),
            tuple(map(id, column.cells)),
            column.width(),
            column.options.get("justify"),
            str(column.options.get("style") or ""),
        )
        for column in run
    )
    kept = joins.get(key)
    if kept is None:
        kept = joins[key] = (run, _join(run))
        if len(joins) > JOINS_KEPT:
            del joins[next(iter(joins))]
    return kept[1]


def _join(run: list[Column]) -> Column:
    widths = [column.width() for column in run]

    def joined(cells: list[Text | str], styles: list[str]) -> Text:
        line = Text()
        parts = zip(cells, run, widths, styles, strict=True)
        for i, (cell, column, width, style) in enumerate(parts):
            text = cell if isinstance(cell, Text) else Text(cell)
            room = " " * (width - cell_len(text.plain))
            if i:
                line.append(" " * GAP)
            start = len(line)
            if column.options.get("justify") == "right":
                line.append(room)
                line.append_text(text)
            else:
                line.append_text(text)
                line.append(room)
            if style:
                line.stylize(style, start, len(line))
        return line

    column_styles = [str(column.options.get("style") or "") for column in run]
    rows = len(run[0].cells)
    return Column(
        joined([column.header for column in run], ["" for _ in run]),
        [joined([column.cells[i] for column in run], column_styles) for i in range(rows)],
        0,
        {"no_wrap": True},
    )
