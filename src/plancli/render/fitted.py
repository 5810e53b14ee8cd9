"""Tables that fit the console they are printed on (`FittedTable`): optional columns left
out, least needed first, the name put under the id, figures kept to their words, so that a
status or a figure is never cut however narrow the terminal."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from plancli.render import settle, shown
from plancli.render.runs import BreaksAfterSlash, KeepsRuns, keeping_runs


@dataclass
class Column:
    """A column of a `FittedTable`: its header, its cells, Rich's options for it, and when it
    is left out: 0 never, else the higher the sooner (the least needed figure first)."""

    header: str | Text
    cells: list[Text]
    drop: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    room: int | None = None  # a folding column (names): the room kept for it before options
    # A folding column that goes under the column before it (the name under the id) when the
    # table is too narrow to give it its `min_width` beside it.
    under: bool = False
    # A no-wrap column that may wrap, or end in "…", once the name has gone under the id and
    # the table is still too wide (a long bound at 60 columns): ids and figures stay whole.
    narrows: bool = False
    # A folding column of figures (`5%/≥national_fai_growth`) kept as wide as its widest word
    # while the name beside it can fold: Rich narrows the widest folding columns alike, and
    # folded the figure's words with the name's (`national_fai_gro` over `wth`).
    keeps_words: bool = False
    # The id (what `show` and `record` take): never folded nor cut. On a terminal too narrow
    # for it beside the other columns, each row's id gets a line of its own, the columns after
    # it under it (`cards`).
    whole: bool = False
    # An optional column worth two lines a row: rather than leave it out, the name goes under
    # the id (`gap`'s needs at 80 columns, beside a plan's 35-column milestone ids).
    stacks: bool = False

    def width(self) -> int:
        """Columns it needs: a folding column its room, any other its widest line."""
        if self.room is not None:
            return self.room
        if self.options.get("width") is not None:  # a stacked column: as wide as its ids
            return int(self.options["width"])
        header = self.header.plain if isinstance(self.header, Text) else self.header
        cells = (line for cell in self.cells for line in cell.plain.splitlines())
        lines = [*header.splitlines(), *cells]  # a header's unit may be under it (快慢 / 百分点)
        return max((cell_len(line) for line in lines), default=0)


def id_column(header: str | Text, ids: list[str]) -> Column:
    """Ids (what `show ID` takes), never cut: too narrow, each goes on a line of its own."""
    cells = [shown(i) for i in ids]
    return Column(header, cells, 0, {"no_wrap": True, "style": "cyan"}, whole=True)


# Between two columns of plancli's tables (padding (0, 1), collapsed): at most two cells.
GAP = 2
# The edges of a table's box (SIMPLE_HEAD: a blank cell each side).
EDGES = 2


def _joined(columns: list[Column]) -> list[Column]:
    """Columns with each run of adjacent no-wrap columns of plain cells made one, its cells
    the run's cells padded to their columns' widths and GAP apart, as Rich would lay them out.

    The same characters on the screen, in a third of the cells: Rich renders every cell of a
    table through a dozen layers, and an 80-row `gap` table is most of what `gap` does besides
    importing (issue 15). A run of one column, or any other column, is left as it is."""
    out: list[Column] = []
    run: list[Column] = []
    for column in [*columns, None]:
        if column is not None and column.options.get("no_wrap") and _one_line(column):
            run.append(column)
            continue
        if len(run) > 1:
            out.append(_join(run))
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


def _stacked(columns: list[Column], width: int, gap: int = GAP) -> list[Column]:
    """The columns, with a column that goes `under` the one before it (the name under the id)
    made one with it when the others leave it less than its `min_width`: else Rich, out of
    room, crops every column alike (a status "on tra", a bound ">4"). The stacked column is as
    wide as the ids (never folded), the name folding under each; the rest keep their width."""
    at = next((i for i, column in enumerate(columns) if column.under and i), None)
    if at is None:
        return columns
    # Under the id (the column before it, or the one kept `whole` wherever it is)
    top = next((i for i, column in enumerate(columns) if column.whole), at - 1)
    above, below = columns[top], columns[at]
    others = sum(column.width() for column in columns if column is not below)
    # (beside the id, a name or message as wide as its widest run: an id it quotes kept whole)
    runs = [cell.least_width() for cell in below.cells if isinstance(cell, KeepsRuns)]
    least = max([int(below.options.get("min_width") or 1), *runs])
    if others + least + gap * (len(columns) - 1) + EDGES <= width:
        return columns
    style = str(above.options.get("style") or "")
    cells: list[Text] = []
    for first, bottom in zip(above.cells, below.cells, strict=True):
        cell = KeepsRuns()
        cell.append_text(first if isinstance(first, Text) else Text(first))
        cell.stylize(style)
        cell.append("\n")
        cell.append_text(bottom if isinstance(bottom, Text) else Text(bottom))
        cells.append(cell)
    header = Text(f"{_plain(above.header)} / {_plain(below.header)}")
    stacked = Column(header, cells, 0, {"overflow": "fold"})
    # As wide as the ids while the others keep their least width beside them (a figure its
    # widest word, a status whole); narrower, at 40 columns, a long id folds rather than the
    # status being cut ("beh…") or a figure crushed to a letter a line: Rich, out of room,
    # narrows every column alike, no-wrap ones too.
    room = (
        width
        - EDGES
        - gap * (len(columns) - 2)
        - sum(
            _least_width(column)
            for column in columns
            if column is not above and column is not below
        )
    )
    # (and as wide as the widest run of the name, so that an id in a message stays whole)
    whole = max(above.width(), cell_len(header.plain), *runs)
    stacked.options["width"] = max(min(whole, room), MIN_STACKED_WIDTH)
    rest = [
        Column(c.header, c.cells, c.drop, {**c.options, "no_wrap": False, "overflow": "ellipsis"})
        if c.narrows
        else c
        for c in columns
    ]
    if room < whole:
        # The ids fold: every other column gets the least width counted for it above, or
        # Rich, sharing the room out its own way, cut a header ("完成…") it had kept.
        rest = [
            Column(c.header, c.cells, c.drop, {**c.options, "width": _least_width(c)})
            if not c.keeps_words and c.options.get("width") is None and not c.options.get("no_wrap")
            else c
            for c in rest
        ]
    return [stacked if i == top else c for i, c in enumerate(rest) if i != at]


def _unbroken(columns: list[Column]) -> list[Column]:
    """The columns, a figure column none of whose cells Rich can wrap (no space in any:
    `1351.2345亿斤`) given its width while a name beside the id may fold: else Rich, out of
    room, takes it from every column it may wrap alike, the name and that figure, which it
    cuts (`1351.2345…` beside a wide Chinese bound, at 100-104 columns: audit D D4)."""
    if not any(c.room is not None and c.options.get("width") is None for c in columns):
        return columns
    out = []
    for column in columns:
        texts = [cell.plain for cell in column.cells if cell.plain]
        if (
            column.room is None
            and not column.keeps_words
            and not column.narrows
            and not column.options.get("no_wrap")
            and column.options.get("width") is None
            and texts
            and not any(" " in text or "\n" in text for text in texts)
        ):
            column = replace(column, options={**column.options, "width": column.width()})
        out.append(column)
    return out


# The narrowest the id / name column gets, however narrow the terminal: an id folded into
# lines of ten still reads; below that, the terminal is too narrow for the table anyway.
MIN_STACKED_WIDTH = 10


# A figure no wider than this is kept on one line beside a folding id: a bound (`≤ 4.8 %`).
SHORT_FIGURE = 8


def _shown_width(column: Column) -> int:
    """Its width when columns are left out: a reference's period (`（前三季度）`) not counted,
    which goes under its bound rather than leave a column out (`gap`'s 差距 at 80 columns)."""
    cells = [c for c in column.cells if not getattr(c, "label_width", 0)]
    if len(cells) == len(column.cells) or column.room or column.options.get("width"):
        return column.width()
    labelled = [cell_len(c.plain) - w for c in column.cells if (w := getattr(c, "label_width", 0))]
    return max(Column(column.header, cells).width(), *labelled)


def _widest_text_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _least_width(column: Column) -> int:
    """What a column beside the stacked id / name needs at the least: a figure that keeps
    its words its widest word, a column that may narrow (`narrows`) a few cells, one Rich may
    wrap its widest word; a no-wrap one, a status among them, all of its width."""
    if column.keeps_words:  # its header may wrap too (`actual /` over `target`)
        words = [*_plain(column.header).split(), ""]
        widest_word = max((_widest_word(cell) for cell in column.cells), default=1)
        return max(widest_word, *(cell_len(word) for word in words))
    if column.room is not None:  # a name, which folds
        return int(column.options.get("min_width") or 1)
    if column.narrows:  # a long bound wraps between its words, never ends in "…"
        texts = [_plain(column.header), *(cell.plain for cell in column.cells)]
        return min(column.width(), max((_widest_text_word(text) for text in texts), default=1))
    if not column.options.get("no_wrap") and column.options.get("width") is None:
        # A figure Rich may wrap between its words (`≥ 40` over `万人`), a short one kept
        # whole (`≥ 7 %`, not `≥ 7` over `%`).
        texts = [_plain(column.header), *(cell.plain for cell in column.cells)]
        return max(
            (
                cell_len(text) if cell_len(text) <= SHORT_FIGURE else _widest_text_word(text)
                for text in texts
            ),
            default=1,
        )
    return column.width()


def _words_kept(columns: list[Column], width: int, gap: int = GAP) -> list[Column]:
    """The columns, each that `keeps_words` given a width: all of it when the others leave
    the room (the name its `room`), else as narrow as the room left but never narrower than
    its widest word or its header, the name beside it folding the more. Once the name has
    gone under the id (nothing else can fold), it takes the room there is, and only a word
    wider than that folds."""
    out = []
    for column in columns:
        if not column.keeps_words:
            out.append(column)
            continue
        whole = column.width()
        spare = width - sum(c.width() for c in columns) - gap * (len(columns) - 1) - EDGES
        if spare >= 0:
            chosen = whole
        else:
            folding = any(c.room is not None and c is not column for c in columns)
            widest_word = max((_widest_word(cell) for cell in column.cells), default=1)
            least = max(widest_word, cell_len(_plain(column.header))) if folding else 1
            chosen = max(least, whole + spare)
        out.append(
            Column(column.header, column.cells, column.drop, {**column.options, "width": chosen})
        )
    return out


def _fits_stacked(columns: list[Column], width: int, gap: int = GAP) -> bool:
    """Do the columns fit with the name under the id, the ids whole, each other column at its
    least (a figure that keeps its words its widest word or header, any other its width)?"""
    at = next((i for i, column in enumerate(columns) if column.under and i), None)
    if at is None:
        return False
    above, below = columns[at - 1], columns[at]
    header = f"{_plain(above.header)} / {_plain(below.header)}"
    others = [c for c in columns if c is not above and c is not below]
    least = sum(
        max(_widest_word_of(c), cell_len(_plain(c.header))) if c.keeps_words else c.width()
        for c in others
    )
    whole = max(above.width(), cell_len(header))
    return whole + least + gap * len(others) + EDGES <= width


def _widest_word_of(column: Column) -> int:
    return max((_widest_word(cell) for cell in column.cells), default=1)


def _widest_word(cell: Text) -> int:
    """The narrowest a cell can be without folding a word (after a `/` too, for a figure
    against its bound)."""
    if isinstance(cell, BreaksAfterSlash):
        return cell.least_width()
    return max((cell_len(word) for word in cell.plain.split()), default=0)


def _plain(header: str | Text) -> str:
    return header.plain if isinstance(header, Text) else header


def _ids_fit(columns: list[Column], width: int, gap: int) -> bool:
    """Do the ids fit whole beside the other columns at their least (the name under its id,
    a figure its widest word, a status whole)?"""
    ids = next((c for c in columns if c.whole), None)
    if ids is None:
        return True
    others = [c for c in columns if c is not ids and not c.under]
    least = sum(_whole_figure(c) if c.keeps_words else _least_width(c) for c in others)
    return ids.width() + least + gap * len(others) + EDGES <= width


# A figure against its bound no wider than this (`40/115 个`, `5.6%/≥7%`) is read whole: rather
# than break it after its `/` beside the ids (`40/` over `115 个`), the rows become cards. A
# longer one (`5%/≥national_fai_growth`) may still break there.
WHOLE_FIGURE = 12


def _whole_figure(column: Column) -> int:
    """A figure column's least width beside the ids: its short cells whole (`WHOLE_FIGURE`),
    else its widest word; its header may wrap (`actual /` over `target`)."""
    cells = [cell_len(cell.plain) for cell in column.cells if "\n" not in cell.plain]
    short = max((n for n in cells if n <= WHOLE_FIGURE), default=0)
    return max(short, _least_width(column))


def _cards(
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
    at = next(i for i, c in enumerate(columns) if c.whole)
    # Under the id, the optional columns are left out as beside it, least needed first, until
    # the others fit whole on the line (the name, when there is one, may go under the id).
    for level in sorted({c.drop for c in columns if c.drop}, reverse=True):
        line = [c for i, c in enumerate(columns) if i != at and not c.under]
        if sum(c.width() for c in line) + gap * (len(line) - 1) <= width - EDGES:
            break
        columns = [c for c in columns if c.drop != level]
    lead, ids, rest = columns[:at], columns[at], columns[at + 1 :]
    name = next((c for c in rest if c.under), None)
    figures = [c for c in rest if c is not name]
    lead_widths = [c.width() for c in lead]
    room = width - EDGES - sum(lead_widths) - gap * len(lead)
    widths = [c.width() for c in figures]
    if sum(widths) + gap * (len(figures) - 1) > room:
        widths = [_least_width(c) for c in figures]
    spare = room - sum(widths) - gap * len(figures)
    beside = name is not None and spare >= int(name.options.get("min_width") or 1)
    notes = [i for i, c in enumerate(figures) if c.room is not None]
    if notes and not beside and spare > 0:  # a note takes the room the name did not
        widths[notes[0]] += spare + (gap if name is None else 0)
    below = [*zip(lead, lead_widths, strict=True)]
    below += [(name, spare)] if name is not None and beside else []
    below += [*zip(figures, widths, strict=True)]
    top = [*zip(lead, lead_widths, strict=True), (ids, room)]
    id_header = _plain(ids.header)
    if name is not None and not beside:
        id_header = f"{id_header} / {_plain(name.header)}"
    header = Group(
        _grid(top, [*(c.header for c in lead), id_header], gap),
        _grid(below, [*("" for _ in lead), *(c.header for c, _ in below[len(lead) :])], gap),
    )
    table = Table(**table_options)
    table.add_column(header, width=width - EDGES)
    for i in range(len(ids.cells)):
        first: Text = keeping_runs(ids.cells[i])
        first.stylize(str(ids.options.get("style") or ""))
        if name is not None and not beside:
            first = first + Text("\n") + keeping_runs(name.cells[i])
        cells = [*("" for _ in lead), *(c.cells[i] for c, _ in below[len(lead) :])]
        table.add_row(
            Group(_grid(top, [*(c.cells[i] for c in lead), first], gap), _grid(below, cells, gap)),
            style=row_styles[i] if row_styles else None,
        )
    return table


def _grid(columns: list[tuple[Column, int]], cells: list[Any], gap: int) -> Table:
    """One line of a card: `cells` in columns of the widths given, `gap` apart."""
    grid = Table.grid(padding=(0, gap, 0, 0), pad_edge=False)
    for column, width in columns:
        whole = width >= column.width()
        grid.add_column(
            justify=column.options.get("justify") or "left",
            style=None if column.whole else column.options.get("style"),
            width=max(width, 1),
            no_wrap=bool(column.options.get("no_wrap")) and whole and not column.whole,
            overflow="fold",
        )
    grid.add_row(*cells)
    return grid


class FittedTable:
    """A table whose optional columns are left out, least needed first, when the console is
    too narrow for all of them. Decided when printed, at the console's width: a dashboard kept
    in the cache fits whichever terminal prints it, and it holds only Rich objects (reading it
    back imports no models). The `id` column (what `show` and `record` take) is never folded:
    at 80 columns a table of long ids keeps id, name, status and the figure against the
    target, and `show ID` or `--json` has the rest."""

    def __init__(
        self,
        columns: list[Column],
        *,
        row_styles: list[str | None] | None = None,
        **table_options: Any,
    ) -> None:
        self.columns = columns
        self.row_styles = row_styles
        self.table_options = table_options

    def fitted(self, width: int) -> Table:
        kept = present = [
            replace(c, cells=[keeping_runs(cell) for cell in c.cells]) if c.room is not None else c
            for c in self.columns
            if any(cell.plain for cell in c.cells) or not c.drop
        ]
        # Two cells between columns with collapsed padding, else three (a cell each side).
        gap = GAP if self.table_options.get("collapse_padding") else GAP + 1
        for level in sorted({c.drop for c in kept if c.drop}, reverse=True):
            if sum(_shown_width(c) for c in kept) + gap * (len(kept) - 1) <= width:
                break
            if any(c.stacks and c.drop == level for c in kept):
                if _fits_stacked(kept, width, gap):
                    break  # the name goes under the id rather than this column out
                # Nor is it left out without a sign (`gap`'s needs at 41-59 columns): each
                # row becomes a card, which keeps it under the id, as at 40 columns.
                return _cards(present, width, gap, self._options(), self.row_styles)
            kept = [c for c in kept if c.drop != level]
        options = self._options()
        if not _ids_fit(kept, width, gap):
            return _cards(present, width, gap, options, self.row_styles)
        kept = _stacked(kept, width, gap)
        kept = _words_kept(kept, width, gap)
        kept = _unbroken(kept)
        if self.table_options.get("collapse_padding") and self.table_options.get("padding") == (
            0,
            1,
        ):
            kept = _joined(kept)
        table = Table(**options)
        for column in kept:
            table.add_column(column.header, **column.options)
        rows = len(self.columns[0].cells) if self.columns else 0
        for i in range(rows):
            style = self.row_styles[i] if self.row_styles else None
            table.add_row(*(column.cells[i] for column in kept), style=style)
        return settle(table)

    def _options(self) -> dict[str, Any]:
        options = dict(self.table_options)
        for key in ("title", "caption"):  # `* 现行数值；…` broken at `；`, not after `*`; a path
            if isinstance(options.get(key), Text):  # at a `/`, not inside its file's name
                options[key] = keeping_runs(options[key], paths=key == "title")
        return options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.fitted(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.fitted(options.max_width))
