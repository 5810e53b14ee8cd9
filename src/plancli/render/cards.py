"""A table too narrow for its ids beside the other columns, as one column of cards
(`FittedTable`): a row each, its id whole on a line of its own, the name under it or beside
the figures, the figures aligned from card to card."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.align import VerticalAlignMethod

from plancli.render.card_grid import CardGrid, Cards, Memo
from plancli.render.runs import id_over_name, keeping_runs, name_text
from plancli.render.widths import (
    EDGES,
    GAP,
    Column,
    least_runs_width,
    least_width,
    plain_text,
)


def as_cards(
    columns: list[Column],
    width: int,
    gap: int,
    table_options: dict[str, Any],
    row_styles: list[str | None] | None,
) -> Table:
    """The table as one column of cards, a row each: the columns before the id (the `*` of
    history) and the id on the first line, the id whole; under it the name, beside the
    figures when they leave it its `min_width`, else on a line of its own; then the figures,
    each whole or wrapped between its words, aligned from card to card."""
    columns = cards_kept(columns, width, gap)
    at = next(i for i, c in enumerate(columns) if c.whole)
    lead, ids, rest = columns[:at], columns[at], columns[at + 1 :]
    name = next((c for c in rest if c.under), None)
    figures = [c for c in rest if c is not name]
    lead_widths = [c.width() for c in lead]
    room = width - EDGES - sum(lead_widths) - gap * len(lead)
    widths = [c.width() for c in figures]
    if sum(widths) + gap * (len(figures) - 1) > room:
        widths = [least_width(c) for c in figures]
    if sum(widths) + gap * (len(figures) - 1) > room:
        # a Chinese bound breaks between its characters rather than the line be wider than
        # the terminal; the figures' column takes what the others leave (河南's 粮食产量 at 60
        # columns beside its 差距: `≥1300亿斤` over `（力争高于上年1350.97亿斤）`)
        widths = [least_runs_width(c) for c in figures]
        left = room - sum(widths) - gap * (len(figures) - 1)
        kept = next((i for i, c in enumerate(figures) if c.keeps_words), None)
        if kept is not None and left > 0:
            widths[kept] = min(figures[kept].width(), widths[kept] + left)
    if figures and sum(widths) + gap * (len(figures) - 1) > room:
        # too narrow for the figures and the status side by side even at their least (each
        # figure whole with its unit, the status whole): each card lists them a line each,
        # under its header (`stacked_cards`), rather than Rich cut them alike (`on trac`,
        # `31.5` over `微克/立方米`: 北京's pm25 in `status` at 40–43 columns, session 43)
        return stacked_cards(lead, ids, name, figures, width, gap, table_options, row_styles)
    spare = room - sum(widths) - gap * len(figures)
    # beside the figures only with the room kept for it (16 cells): narrower, an English name
    # went down a word a line (`Affordable` over `childcare` over `service`, 72 columns)
    beside = (
        name is not None
        and spare >= max(int(name.options.get("min_width") or 1), name.room or 0)
        and not _whole_under(ids, name, room, spare, gap)
    )
    short = [i for i, c in enumerate(figures) if c.keeps_words and widths[i] < c.width()]
    if short and not beside and spare > 0:
        # the figure against its target takes the room the name did not, up to its width:
        # at its widest word `40/` went over `115 个` in a 40-column card with room to spare
        at = short[0]
        given = min(spare, figures[at].width() - widths[at])
        widths[at] += given
        spare -= given
    notes = [i for i, c in enumerate(figures) if c.room is not None]
    if notes and not beside and spare > 0:  # a note takes the room the name did not
        widths[notes[0]] += spare + (gap if name is None else 0)
    below = [*zip(lead, lead_widths, strict=True)]
    below += [(name, spare)] if name is not None and beside else []
    below += [*zip(figures, widths, strict=True)]
    top = [*zip(lead, lead_widths, strict=True), (ids, room)]
    # (whether each column is whole at its width, once: per card, it read every cell of the
    # column again: 0.4 s to fit the demo's `history` at one width, 80 s over 40–140 columns)
    top_line, below_line = _line(top), _line(below)
    # a card's name beside its id where both fit whole on its first line, the names in a
    # column; any other card's under its id, as before
    at_column, alongside = (
        names_alongside(ids, name, room, gap) if name is not None and not beside else (0, set())
    )
    alongside_line = (
        _line([*top[:-1], (ids, at_column), (name, room - at_column - gap)])
        if name is not None and alongside
        else top_line
    )
    top_header, compact = _top_header(
        lead, ids, name if not beside else None, alongside, top_line, alongside_line, gap
    )
    header = CardHeader(
        top_header,
        _grid(
            below_line,
            [*("" for _ in lead), *(c.header for c, _ in below[len(lead) :])],
            gap,
            vertical="bottom",
        ),
        compact,
    )
    memo: Memo = {}
    table = Cards(**table_options, memo=memo)
    table.add_column(header, width=width - EDGES)
    for i in range(len(ids.cells)):
        style = str(ids.options.get("style") or "")
        line, beside_id = top_line, []
        if name is not None and i in alongside:
            first: Text = keeping_runs(ids.cells[i])
            first.stylize(style)
            line, beside_id = alongside_line, [name.cells[i]]
        elif name is not None and not beside:  # the name under the id as in a table (`_stacked`)
            first = id_over_name(ids.cells[i], name.cells[i], style)
        else:
            first = keeping_runs(ids.cells[i])
            first.stylize(style)
        cells = [*("" for _ in lead), *(c.cells[i] for c, _ in below[len(lead) :])]
        edge = _edge_under(below_line, cells, gap)  # (takes the edge out of its cell)
        table.add_row(
            Group(
                _grid(line, [*(c.cells[i] for c in lead), first, *beside_id], gap, memo=memo),
                _grid(below_line, cells, gap, memo=memo),
                *([edge] if edge is not None else []),
            ),
            style=row_styles[i] if row_styles else None,
        )
    return table


def stacked_cards(
    lead: list[Column],
    ids: Column,
    name: Column | None,
    figures: list[Column],
    width: int,
    gap: int,
    table_options: dict[str, Any],
    row_styles: list[str | None] | None,
) -> Table:
    """The cards of a table too narrow for its figures side by side (`as_cards`): the id (and
    the name, beside it where both fit whole, else under it) on the first lines, then each
    figure on a line of its own, its header before it, a blank one left out:

        pm25
        Annual average PM2.5 concentration
          target  ≈ 29 微克/立方米
                  (≤30.45 微克/立方米)
          actual  31.5 微克/立方米
          status  seasonal

    A figure keeps its unit and a status its words: the line's room is theirs."""
    lead_widths = [c.width() for c in lead]
    room = width - EDGES - sum(lead_widths) - gap * len(lead)
    labels = [" " * STACK_INDENT + plain_text(c.header).replace("\n", " ") for c in figures]
    label_width = min(max(map(cell_len, labels), default=0), max(1, room // 2))
    value_width = max(1, room - label_width - gap)
    label_line = _line([*zip(lead, lead_widths, strict=True), (Column("", []), label_width)])
    top = [*zip(lead, lead_widths, strict=True), (ids, room)]
    top_line = _line(top)
    at_column, alongside = names_alongside(ids, name, room, gap) if name else (0, set())
    alongside_line = (
        _line([*top[:-1], (ids, at_column), (name, room - at_column - gap)])
        if name is not None and alongside
        else top_line
    )
    heading = plain_text(ids.header)
    if name is not None:
        heading = f"{heading} / {plain_text(name.header)}"
    memo: Memo = {}
    table = Cards(**table_options, memo=memo)
    table.add_column(
        _grid(top_line, [*(c.header for c in lead), heading], gap), width=width - EDGES
    )
    style = str(ids.options.get("style") or "")
    for i in range(len(ids.cells)):
        line, beside_id = top_line, []
        if name is not None and i in alongside:
            first: Text = keeping_runs(ids.cells[i])
            first.stylize(style)
            line, beside_id = alongside_line, [name.cells[i]]
        elif name is not None:
            first = id_over_name(ids.cells[i], name.cells[i], style)
        else:
            first = keeping_runs(ids.cells[i])
            first.stylize(style)
        parts: list[Any] = [_grid(line, [*(c.cells[i] for c in lead), first, *beside_id], gap)]
        for column, label in zip(figures, labels, strict=True):
            cell = column.cells[i]
            if not cell.plain.strip():
                continue
            # (wrapping between its words, a figure whole with its unit and sign: `≈ 29 微克/
            # 立方米` over `（≤30.45微克/立方米）`, never `（≤30.45` over `微克/立方米）`)
            value = Column("", [], options={**column.options, "justify": "left", "no_wrap": False})
            shown = keeping_runs(cell, phrases=True) if type(cell) is Text else cell
            cells = [*("" for _ in lead), label, shown]
            parts.append(_grid([*label_line, (value, value_width, True)], cells, gap, memo=memo))
        table.add_row(Group(*parts), style=row_styles[i] if row_styles else None)
    return table


# A stacked card's figures are indented under its id by this many cells.
STACK_INDENT = 2


def _top_header(
    lead: list[Column],
    ids: Column,
    name: Column | None,
    alongside: set[int],
    top_line: list[tuple[Column, int, bool]],
    alongside_line: list[tuple[Column, int, bool]],
    gap: int,
) -> tuple[Table, Table | None]:
    """The header of the cards' first line, as their names are laid out, and the one label
    that may stand in for it (`CardHeader`): `编号 / 名称` where a name is under its id on any
    card (a name on a line of its own, or some beside and some under: the one label of the id
    and its name, wherever it goes); `编号` and `名称` over the names' column where every
    card's name is beside its id. With `编号 / 名称` over them all, the names beside the ids
    read as under them (`gap` at 88 columns, `status` at 60, zh)."""
    headers = [c.header for c in lead]
    if name is None:  # no name, or beside the figures (under its own header there)
        return _grid(top_line, [*headers, ids.header], gap), None
    label = _grid(
        top_line, [*headers, f"{plain_text(ids.header)} / {plain_text(name.header)}"], gap
    )
    named = {i for i, cell in enumerate(name.cells) if cell.plain.strip()}
    at_column = alongside_line[len(lead)][1]
    if (
        named
        and alongside == named
        and cell_len(plain_text(ids.header)) <= at_column
        and cell_len(plain_text(name.header)) <= alongside_line[-1][1]
    ):
        return _grid(alongside_line, [*headers, ids.header, name.header], gap), label
    return label, None


def _whole_under(ids: Column, name: Column, room: int, spare: int, gap: int) -> bool:
    """Do the names read better on the id's line or under it than beside the figures (`spare`
    cells): a name broken there is whole on the line, and the cards take no more lines so?
    河南's `status` at 80 columns, its empty `actual` left out, put `Gross regional` over
    `product (GDP)` beside a 49-cell aim where each name had been whole (session 38)."""
    names = [name_text(cell) for cell in name.cells]
    if name.phrase:
        return False  # (names only: `validate`'s messages, their `phrase` counted, as before)
    if not any(spare < cell_len(n.plain) <= room for n in names if "\n" not in n.plain):
        return False
    _, alongside = names_alongside(ids, name, room, gap)
    beside = sum(1 + n.wrapping(spare)[0] for n in names)
    under = sum(2 if i in alongside else 2 + n.wrapping(room)[0] for i, n in enumerate(names))
    return under <= beside


def names_alongside(ids: Column, name: Column, room: int, gap: int) -> tuple[int, set[int]]:
    """Where a card's name goes beside its id rather than under it: the column the names
    start at (`gap` cells past the widest of those ids) and the cards whose id and name both
    fit whole on that line, as many as can; every other card keeps its name under its id. A
    card so laid out is a line shorter, none longer: at 80 columns a 26-character id left the
    names a line of their own (`w1_t05` over `改造城镇老旧小区` over the figures, 甘肃's draft,
    `gap`). Session 34 put every card's name beside its id, in a column from the widest id:
    an English name then broke a word short (`Affordable childcare service` over `pilots`, 72
    columns) where under its id it was whole."""
    sizes = {
        i: (cell_len(ids_cell.plain), cell_len(name_cell.plain))
        for i, (ids_cell, name_cell) in enumerate(zip(ids.cells, name.cells, strict=True))
        if "\n" not in ids_cell.plain + name_cell.plain and name_cell.plain.strip()
    }
    best: tuple[int, set[int]] = (0, set())
    for at in sorted({id_width for id_width, _ in sizes.values()}):
        cards = {i for i, (id_width, names) in sizes.items() if id_width <= at}
        cards = {i for i in cards if at + gap + sizes[i][1] <= room}
        if len(cards) > len(best[1]):
            best = (at, cards)
    return best


def cards_kept(columns: list[Column], width: int, gap: int) -> list[Column]:
    """The columns the cards keep: under the id, the optional columns are left out as beside
    it, least needed first, until the others fit whole on the line (the name, when there is
    one, may go under the id)."""
    at = next(i for i, c in enumerate(columns) if c.whole)
    for level in sorted({c.drop for c in columns if c.drop}, reverse=True):
        line = [c for i, c in enumerate(columns) if i != at and not c.under]
        if sum(c.width() for c in line) + gap * (len(line) - 1) <= width - EDGES:
            break
        least = sum(least_runs_width(c) for c in line) + gap * (len(line) - 1)
        if any(c.stacks and c.drop == level for c in columns) and least <= width - EDGES:
            break  # `gap`'s gap and what it takes stay, the figures wrap: 50 columns in English
        columns = [c for c in columns if c.drop != level]
    return columns


def _edge_under(line: list[tuple[Column, int, bool]], cells: list[Any], gap: int) -> Table | None:
    """A bound's edge wider than its column (`EdgeApart.parted`), on a line of its own under
    the card's figures, from the card's left edge to the bound's column's right (the columns
    before it are blank there: the status is on the first line), aligned as the bound; the
    bound in `cells` without it. 北京's pm25 at 40–45 columns, its 差距 beside: `（≤30.45` over
    `微克/立方米）` in a column of 11–20 cells, now `（≤30.45微克/立方米）` whole under
    `31.5/≈29微克/立方米` (or under `≈29微克/立方米`, under `31.5/`, where that is wider than
    its column too). The first column's (`status`'s target, 40–48 columns) is under the
    whole line, from its left edge. None (`cells` as they were) where no edge is wider than
    its column, or the edge is wider than that line too (it breaks in its column, as before)."""
    for at, ((column, width, _), cell) in enumerate(zip(line, cells, strict=True)):
        parted = getattr(cell, "parted", None)
        apart = parted(width) if parted is not None else None
        upto = line[: at + 1] if at else line
        span = sum(w for _, w, _ in upto) + gap * (len(upto) - 1)
        if apart is None or max(map(cell_len, apart[1].plain.split("\n"))) > span:
            continue
        cells[at] = apart[0]
        grid = CardGrid.of(gap, None)
        grid.add_column(
            width=span,
            justify=(column.options.get("justify") or "left") if at else "left",
            overflow="fold",
            vertical="top",
        )
        grid.add_row(apart[1])
        return grid
    return None


def _line(columns: list[tuple[Column, int]]) -> list[tuple[Column, int, bool]]:
    """A card's line: each column, its width, and whether that width holds it whole."""
    return [(column, width, width >= column.width()) for column, width in columns]


def _grid(
    columns: list[tuple[Column, int, bool]],
    cells: list[Any],
    gap: int,
    vertical: VerticalAlignMethod = "top",
    memo: Memo | None = None,
) -> Table:
    """One line of a card: `cells` in columns of the widths given, `gap` apart (`memo`: the
    lines of the cells of the cards' table, `card_grid.Cards`)."""
    grid = CardGrid.of(gap, memo)
    for column, width, whole in columns:
        grid.add_column(
            vertical=vertical,
            justify=column.options.get("justify") or "left",
            style=None if column.whole else column.options.get("style"),
            width=max(width, 1),
            no_wrap=bool(column.options.get("no_wrap")) and whole and not column.whole,
            overflow="fold",
        )
    grid.add_row(*cells)
    return grid


class CardHeader(Group):
    """The cards' header: the id's (`编号 / 名称`), then the figures' headers, bottom-aligned,
    as a table's: a header of two lines (`快慢` over its unit `百分点`) has its unit on the
    line of the others, right over its figures, and its first line beside the id's header
    when that leaves it room, as a table's over the headers' line. Top-aligned, `百分点` hung
    alone on a line of its own under the headers, cut from the figures it is the unit of
    (`gap` at 80 columns). `compact`, the id's header as one label (`编号 / 名称`), stands in
    for `top` (`编号` and `名称` over their columns) where only it leaves that first line room:
    the header a line taller for its labels pushed `尚需` under `快慢` on a line of its own
    (`status`'s worst work targets at 44 columns, zh)."""

    def __init__(self, top: Table, below: Table, compact: Table | None = None) -> None:
        super().__init__(top, below)
        self.compact = compact

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        top, below = (console.render_lines(r, options, pad=False) for r in self.renderables)
        if self.compact is not None and _beside(top, below) is None:
            compact = console.render_lines(self.compact, options, pad=False)
            top = compact if _beside(compact, below) is not None else top
        if (merged := _beside(top, below)) is not None:
            top, below = [], [merged, *below[1:]]
        for line in [*top, *below]:
            yield from line
            yield Segment.line()


def _beside(top: list[list[Segment]], below: list[list[Segment]]) -> list[Segment] | None:
    """The id's header of one line with the first line of the figures' headers beside it,
    where they are two lines and that line leaves it room; else None."""
    if len(top) != 1 or len(below) < 2:
        return None
    ids = cell_len("".join(segment.text for segment in top[0]).rstrip())
    first = "".join(segment.text for segment in below[0])
    if ids + GAP > len(first) - len(first.lstrip(" ")):  # (blanks: one cell each)
        return None
    length = Segment.get_line_length(below[0])
    [mine, _], [_, theirs] = (
        Segment.divide(top[0], [ids, ids]),
        Segment.divide(below[0], [ids, length]),
    )
    return [*mine, *theirs]
