"""Tables that fit the console they are printed on (`FittedTable`): optional columns left
out, least needed first, the name put under the id, figures kept to their words, so that a
status or a figure is never cut however narrow the terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from operator import is_not
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from plancli.render import settle
from plancli.render.annotations import annotated
from plancli.render.cards import as_cards, cards_kept
from plancli.render.edges_under import edges_under, short_names
from plancli.render.joined import Joins, joined
from plancli.render.keyed_notes import Keyed, NotedTable, keyed_notes, too_long
from plancli.render.runs import KeepsRuns, id_over_name, keeping_runs, name_text
from plancli.render.widths import (
    EDGES,
    GAP,
    Column,
    least_width,
    plain_text,
    shown_width,
    widest_word,
    widest_word_of,
    word_short,
)


def _stacked(
    columns: list[Column], width: int, gap: int = GAP, roomy: bool = False
) -> list[Column]:
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
    # (a figure its width without a reference's period, which goes under it: `（前三季度）`)
    others = sum(shown_width(column) for column in columns if column is not below)
    # (beside the id, a name or message as wide as its widest run: an id it quotes kept whole)
    runs = [cell.least_width() for cell in below.cells if isinstance(cell, KeepsRuns)]
    # (`roomy`: its room, when figures a table keeps for a wider terminal's sake leave it less)
    # (its widest phrase: `validate`'s `报告中找不到原文引用：` went over two lines beside ids)
    least = max(
        [int(below.options.get("min_width") or 1), *runs, (roomy and below.room) or 0, below.phrase]
    )
    if others + least + gap * (len(columns) - 1) + EDGES <= width and not _reads_under(
        columns, above, below, width, gap
    ):
        return columns
    style = str(above.options.get("style") or "")
    # (the name, as beside the id: `固定资产投资` over `(不含农户)`)
    cells: list[Text] = [
        id_over_name(first, bottom, style)
        for first, bottom in zip(above.cells, below.cells, strict=True)
    ]
    header = Text(f"{plain_text(above.header)} / {plain_text(below.header)}")
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
            least_width(column) for column in columns if column is not above and column is not below
        )
    )
    # (and as wide as the widest run of the name, so that an id in a message stays whole)
    whole = max(above.width(), cell_len(header.plain), *runs)
    stacked.options["width"] = max(min(whole, room), MIN_STACKED_WIDTH)
    # The names under the ids take the room the others leave at their whole width, up to the
    # widest name: at the ids' width alone `城镇常住居民人均可支配` went over `收入` in a table
    # 15 cells narrower than the 80-column terminal (`status`, session 31). Only as much of it
    # as saves a name a line, the rest left: a short id stays beside its figures.
    spare = (
        width
        - EDGES
        - gap * (len(columns) - 2)
        - sum(c.width() for c in columns if c is not above and c is not below)
    )  # (whole: a reference's period kept beside its bound, `≈ 4.7% (Q1–Q3)`)
    names = max((cell_len(line) for c in below.cells for line in c.plain.splitlines()), default=0)
    if spare > stacked.options["width"] and room >= whole:
        stacked.options["width"] = least_for_lines(
            below.cells, whole, min(max(whole, names), spare)
        )
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
            Column(c.header, c.cells, c.drop, {**c.options, "width": least_width(c)})
            if not c.keeps_words and c.options.get("width") is None and not c.options.get("no_wrap")
            else c
            for c in rest
        ]
    return [stacked if i == top else c for i, c in enumerate(rest) if i != at]


def _reads_under(columns: list[Column], above: Column, below: Column, width: int, gap: int) -> bool:
    """Do the names read better under the ids than beside them: a name that breaks beside them
    is whole under them, and the table takes no more lines so? 陕西's `status` at 72 columns
    (its empty 完成值 left out) put `全国` over `固定资产` over `投资增速` beside the ids in as
    many lines as each name whole under its id (session 38)."""
    beside = width - EDGES - gap * (len(columns) - 1)
    beside -= sum(c.width() for c in columns if c is not below)
    widths = [cell_len(line) for cell in below.cells for line in cell.plain.splitlines()]
    # (under them, as wide as the ids or the room the others leave, up to the widest name)
    room = width - EDGES - gap * (len(columns) - 2)
    room -= sum(c.width() for c in columns if c is not above and c is not below)
    header = f"{plain_text(above.header)} / {plain_text(below.header)}"
    under = max(above.width(), cell_len(header), min(max(widths, default=0), room))
    names = [name_text(cell) for cell in below.cells]
    if below.phrase or below.room is None or beside < 1:
        return False  # (names only: a message or a note, its `phrase` counted, as before)
    if not any(beside < n <= under for n in widths):
        return False
    lines_beside = sum(name.wrapping(beside)[0] for name in names)
    return sum(1 + name.wrapping(under)[0] for name in names) <= lines_beside


def _folding(cell: Text, phrase: int) -> KeepsRuns:
    """A folding column's cell as it breaks: a name between its words (`name_text`), a message
    or a note (a column with a `phrase`) between its phrases, as before session 38."""
    return keeping_runs(cell, phrases=True) if phrase else name_text(cell)


def least_for_lines(names: list[Text], least: int, most: int) -> int:
    """The narrowest width from `least` to `most` at which no name takes more lines than at
    `most`, nor breaks between characters where it did not: the room the names under the ids
    use, the rest left. Up to the widest name, in English (47 cells) a short id sat 39 blank
    cells from its figures at 80 columns (`gdp` … `≥ 6%`, `status`) for names that read in as
    many lines 5 cells narrower; a Chinese name keeps its lines (`城镇常住居民人均可支配收入`
    whole, `官渡区2022年国民经济和社会` over `发展计划`, not `…国民经` over `济…`)."""
    texts = [name_text(name) for name in names]  # (as they wrap under the ids)
    kept = [name.wrapping(most) for name in texts]

    def holds(width: int) -> bool:
        for name, (count, inside) in zip(texts, kept, strict=True):
            lines, breaks = name.wrapping(width)
            if lines > count or not breaks <= inside:
                return False
        return True

    low, high = least, most  # (halved while it holds: a narrower width seldom breaks less)
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if holds(middle) else (middle + 1, high)
    return high


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


# The cells a name (16 kept for it) gives a figure beside it before the figure breaks: its
# room less 4, twelve cells, six Chinese characters a line.
NAME_GIVES = 4


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
            chosen = whole - word_short(column, columns, width, gap)
        else:
            folding = any(c.room is not None and c is not column for c in columns)
            widest = max((widest_word(cell) for cell in column.cells), default=1)
            least = max(widest, cell_len(plain_text(column.header))) if folding else 1
            chosen = max(least, whole + spare)
            # a name beside gives up to `NAME_GIVES` of its room before a figure breaks after
            # its `/` (`4.496%/` over `4.5%—5%` beside 地区生产总值 at 72 columns); an edge
            # or a reference's period goes under it (`（前三季度）`) rather
            # (none of what its short names need: `全省地区生产总值` whole before `≈ 5%` over
            # `（≥4.5%）`, session 37)
            gives = sum(
                min(NAME_GIVES, c.room - short_names(c))
                for c in columns
                if c.room and c is not column
            )
            chosen = max(chosen, min(_before_edges(column), whole + spare + gives))
        out.append(
            Column(column.header, column.cells, column.drop, {**column.options, "width": chosen})
        )
    return out


def _before_edges(column: Column) -> int:
    """Its width with each cell's edge or reference's period on a line of its own
    (`3.6%/≈4.7%` over `（前三季度）`, `≈ 5%` over `(≥4.5%)`), its header whole."""
    widths = [cell_len(plain_text(column.header))]
    for cell in column.cells:
        at = int(getattr(cell, "edge_at", -1))
        plain = cell.plain
        core = plain[:at].rstrip() if at > 0 and "\n" not in plain else plain
        widths += [cell_len(line) for line in core.splitlines()]
    return max(widths)


def _fits_stacked(columns: list[Column], width: int, gap: int = GAP) -> bool:
    """Do the columns fit with the name under the id, the ids whole, each other column at its
    least (a figure that keeps its words its widest word or header, any other its width)?"""
    at = next((i for i, column in enumerate(columns) if column.under and i), None)
    if at is None:
        return False
    above, below = columns[at - 1], columns[at]
    header = f"{plain_text(above.header)} / {plain_text(below.header)}"
    others = [c for c in columns if c is not above and c is not below]
    least = sum(
        max(widest_word_of(c), cell_len(plain_text(c.header))) if c.keeps_words else c.width()
        for c in others
    )
    whole = max(above.width(), cell_len(header))
    return whole + least + gap * len(others) + EDGES <= width


def _ids_fit(columns: list[Column], width: int, gap: int) -> bool:
    """Do the ids fit whole beside the other columns at their least (the name under its id,
    a figure its widest word, a status whole, a note its widest phrase)?"""
    ids = next((c for c in columns if c.whole), None)
    if ids is None:
        return True
    others = [c for c in columns if c is not ids and not c.under]
    least = sum(
        _whole_figure(c) if c.keeps_words else max(least_width(c), c.phrase) for c in others
    )
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
    return max(short, least_width(column))


def _cards_keep_more(present: list[Column], kept: list[Column], width: int, gap: int) -> bool:
    """Would the cards keep a column the table leaves out (the least a layout keeps)?"""
    if not any(c.whole for c in present):
        return False
    return any(c not in kept for c in cards_kept(present, width, gap))


def _made(fit: Table | Callable[[], Table]) -> Table:
    """A fit's table, its cards laid out now where they were left to be (`FittedTable._fit`)."""
    return fit if isinstance(fit, Table) else fit()


# The cells of padding inside a table's edges when it pads them (Rich's `pad_edge`, padding
# (0, 1)): one each side.
PAD_EDGES = 2


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
        self._joins: Joins = {}  # (`_join_once`)
        self._keyed_for: tuple[tuple[Column, ...], Keyed | None] | None = None  # (`_keyed`)

    def fitted(self, width: int) -> Table:
        """The table at `width`; where a note column gives way to its keys (`Column.keyed`),
        with the notes listed under it (`NotedTable`): the rows are cards only where the table
        cannot fit without its notes either."""
        # (cards laid out only for the fit returned: each width of the demo's `history` laid
        # out its cards for both fits, with and without its notes' keys, one thrown away; 88 of
        # the 306 card layouts of its `history`, `gap` and `status` over 40–140 columns, zh)
        table, cards = self._fit(self.columns, width)
        keyed = self._keyed()
        if keyed is None:
            return _made(table)
        with_keys, keyed_cards = self._fit(keyed.columns, width, keyed)
        if keyed_cards or not (cards or too_long(keyed, _made(with_keys), width)):
            return _made(table)
        return _made(with_keys)

    def _keyed(self) -> Keyed | None:
        """`keyed_notes` of its columns, made once for the same columns (the same objects): it
        was made again at each width, 0.05-0.1 CPU-s of the demo's `history` over 40–140."""
        columns, kept = tuple(self.columns), self._keyed_for  # (kept, so no id is reused)
        if kept is None or len(kept[0]) != len(columns) or any(map(is_not, kept[0], columns)):
            kept = self._keyed_for = (columns, keyed_notes(self.columns))
        return kept[1]

    def _fit(
        self, columns: list[Column], width: int, keyed: Keyed | None = None
    ) -> tuple[Table | Callable[[], Table], bool]:
        """The table fitted to `width`, and whether its rows are cards (or, `keyed`, whether
        the table left its notes' keys out: no table for them either); cards as the call that
        lays them out (`_made`)."""
        # A table that pads its edges (`validate`'s) has a cell inside each edge too: laid out
        # for two cells less, as every count here reckons with the edges alone (`EDGES`). Else
        # its lines were two cells wider than the terminal where the message just stayed beside
        # the id (66-67 columns beside a 35-character id; Rich's console cut them), or its
        # names two cells narrower than the room (session 31's `padded`, in one count).
        if self.table_options.get("pad_edge", True) is not False:
            width -= PAD_EDGES
        kept = present = [
            replace(c, cells=[_folding(cell, c.phrase) for cell in c.cells])
            if c.room is not None
            else c
            for c in columns
            if any(cell.plain for cell in c.cells) or not c.drop
        ]
        # Two cells between columns with collapsed padding, else three (a cell each side).
        gap = GAP if self.table_options.get("collapse_padding") else GAP + 1
        stacked = False  # a column kept with the name under the id rather than left out
        for level in sorted({c.drop for c in kept if c.drop}, reverse=True):
            # the table's two edge cells counted: without them the investment table was two
            # cells wider than a 42-column terminal, its bars kept (session 30)
            if sum(shown_width(c) for c in kept) + gap * (len(kept) - 1) + EDGES <= width:
                break
            if any(c.stacks and c.drop == level for c in kept):
                if _fits_stacked(kept, width, gap):
                    stacked = True
                    break  # the name goes under the id rather than this column out
                # Nor is it left out without a sign (`gap`'s needs at 41-59 columns): each
                # row becomes a card, which keeps it under the id, as at 40 columns.
                cards = partial(as_cards, present, width, gap, self._options(), self.row_styles)
                return cards, True
            kept = [c for c in kept if c.drop != level]
        options = self._options()
        # A wider terminal never shows fewer columns, in every table (session 30; `gap` alone
        # in session 29): what the cards would keep stays, the name under the id if need be,
        # else the rows are cards. Without it `gap` at 80 columns lost the gap, the completion
        # and the pace the cards kept at 72 (long ids beside a few figures), `status`'s
        # headline table at 49 the gap and the trend the cards kept at 48.
        roomy = _cards_keep_more(present, kept, width, gap)
        # (the name given its room there too, as where the cards keep a column: kept so,
        # `gap`'s 差距 let 陕西's names fold beside the ids and broke `3.1%/` over its bound)
        stacked = stacked or roomy
        if roomy:
            kept = cards_kept(present, width, gap)
            if not _fits_stacked(kept, width, gap):
                return partial(as_cards, present, width, gap, options, self.row_styles), True
        if not _ids_fit(kept, width, gap):
            return partial(as_cards, present, width, gap, options, self.row_styles), True
        if keyed is not None and keyed.key not in kept:
            return Table(), True
        kept = _stacked(kept, width, gap, stacked)
        kept = edges_under(kept, width, gap)  # a short name whole before a bound's bracket
        kept = _words_kept(kept, width, gap)
        kept = _unbroken(kept)
        if self.table_options.get("collapse_padding") and self.table_options.get("padding") == (
            0,
            1,
        ):
            kept = joined(kept, self._joins)
        table = Table(**options) if keyed is None else NotedTable.of(keyed.notes, options)
        for column in kept:
            table.add_column(column.header, **column.options)
        rows = len(columns[0].cells) if columns else 0
        for i in range(rows):
            style = self.row_styles[i] if self.row_styles else None
            table.add_row(*(column.cells[i] for column in kept), style=style)
        return settle(table), False

    def _options(self) -> dict[str, Any]:
        options = dict(self.table_options)
        for key in ("title", "caption"):  # `* 现行数值；…` broken at `；`, not after `*`; a path
            if isinstance(options.get(key), Text):  # at a `/`, not inside its file's name
                options[key] = keeping_runs(
                    options[key], paths=key == "title", phrases=key == "title"
                )
        return options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # (its title and caption on the terminal's room where wider than the table)
        yield from annotated(self.fitted(options.max_width), console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.fitted(options.max_width))
