"""The columns of plancli's fitted tables (`render.fitted`, `render.cards`): a column's cells
and options, and the widths a layout reckons with — its whole width, its width with a
reference's period set apart, the least it can be given without folding a word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from plancli.render import shown
from plancli.render.figure_runs import after_slash, figure_words, least_words
from plancli.render.runs import BreaksAfterSlash, KeepsRuns


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
    # A folding column's widest phrase (a note's `(区工信局)`, at most 16 cells): beside ids
    # that leave it less, the rows become cards, whose note has the line's room, rather than
    # the note break inside it, a record over three lines (`history` at 100 columns).
    phrase: int = 0
    # A note column that, where beside the others it would turn the rows into cards, gives
    # way to a column of keys (1, 2…) under its header, its notes listed under the table
    # (`keyed_notes`: `history` kept its table at 80 columns when one record had a note).
    keyed: bool = False
    # (`width`'s last count, by the texts counted: not compared, shown nor given to `replace`)
    _widest: tuple[tuple[str, ...], int] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def width(self) -> int:
        """Columns it needs: a folding column its room, any other its widest line."""
        if self.room is not None:
            return self.room
        if self.options.get("width") is not None:  # a stacked column: as wide as its ids
            return int(self.options["width"])
        header = self.header.plain if isinstance(self.header, Text) else self.header
        # Counted once for the texts it was counted for: a table fitted at each width asked
        # again for the same cells (365,000 times over the widening sweeps, a tenth of them).
        texts = (header, *(cell.plain for cell in self.cells))
        if self._widest is not None and self._widest[0] == texts:
            return self._widest[1]
        cells = (line for cell in texts[1:] for line in cell.splitlines())
        lines = [*header.splitlines(), *cells]  # a header's unit may be under it (快慢 / 百分点)
        widest = max((cell_len(line) for line in lines), default=0)
        self._widest = (texts, widest)
        return widest


_FIGURE_WORD = figure_words(")）")  # `31.5 微克/立方米`, `≥ 4.5 %` whole


class FigureAndUnit(BreaksAfterSlash):
    """A figure with its unit (`status`'s `31.5 微克/立方米`) that a narrow column never parts:
    its least width is its widest figure word (the figure, the space and the unit), not its
    widest word between spaces; `31.5` broke over `微克/立方米` in `status`'s card at 40–65
    columns in English (北京's pm25, session 42), `least_width` giving the column 11 cells."""

    def least_width(self) -> int:
        return max((cell_len(m.group()) for m in _FIGURE_WORD.finditer(self.plain)), default=0)


def id_column(header: str | Text, ids: list[str]) -> Column:
    """Ids (what `show ID` takes), never cut: too narrow, each goes on a line of its own."""
    cells = [shown(i) for i in ids]
    return Column(header, cells, 0, {"no_wrap": True, "style": "cyan"}, whole=True)


# A wide (Chinese) character: a word with one breaks between its characters (`KeepsRuns`)
_WIDE = re.compile("[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]")

# Between two columns of plancli's tables (padding (0, 1), collapsed): at most two cells.
GAP = 2
# The edges of a table's box (SIMPLE_HEAD: a blank cell each side).
EDGES = 2


# A figure no wider than this is kept on one line beside a folding id: a bound (`≤ 4.8 %`).
SHORT_FIGURE = 8


def shown_width(column: Column) -> int:
    """Its width when columns are left out: a reference's period (`（前三季度）`) not counted,
    which goes under its bound rather than leave a column out (`gap`'s 差距 at 80 columns)."""
    cells = [c for c in column.cells if not getattr(c, "label_width", 0)]
    if len(cells) == len(column.cells) or column.room or column.options.get("width"):
        return column.width()
    labelled = [cell_len(c.plain) - w for c in column.cells if (w := getattr(c, "label_width", 0))]
    return max(Column(column.header, cells).width(), *labelled)


def widest_text_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def least_width(column: Column) -> int:
    """What a column beside the stacked id / name needs at the least: a figure that keeps
    its words its widest word, a column that may narrow (`narrows`) a few cells, one Rich may
    wrap its widest word; a no-wrap one, a status among them, all of its width."""
    if column.keeps_words:  # its header may wrap too (`actual /` over `target`)
        words = [*plain_text(column.header).split(), ""]
        widest = max((widest_word(cell) for cell in column.cells), default=1)
        return max(widest, *(cell_len(word) for word in words))
    if column.room is not None:  # a name, which folds
        return int(column.options.get("min_width") or 1)
    if column.narrows:  # a long bound wraps between its words, never ends in "…"
        texts = [plain_text(column.header), *(cell.plain for cell in column.cells)]
        # (a figure whole with its sign and unit: `≈ 29 微克/立方米`, not `≈ 29` over its unit,
        # `targets` at 40 columns in English, 北京's pm25: session 43)
        figures = [cell_len(m.group()) for text in texts for m in _FIGURE_WORD.finditer(text)]
        most = max([*(widest_text_word(text) for text in texts), *figures], default=1)
        return min(column.width(), most)
    if not column.options.get("no_wrap") and column.options.get("width") is None:
        # A figure Rich may wrap between its words (`≥ 40` over `万人`), a short one kept
        # whole (`≥ 7 %`, not `≥ 7` over `%`).
        texts = [plain_text(column.header), *(cell.plain for cell in column.cells)]
        kept = [c.least_width() for c in column.cells if isinstance(c, FigureAndUnit)]
        return max(
            [
                *(
                    cell_len(text) if cell_len(text) <= SHORT_FIGURE else widest_text_word(text)
                    for text in texts
                ),
                *kept,  # a figure with its unit whole (`31.5 微克/立方米`: `FigureAndUnit`)
            ],
            default=1,
        )
    return column.width()


def least_runs_width(column: Column) -> int:
    """What a column needs at the very least in a card (`cards`): a figure against its bound,
    a Chinese bound broken between its characters, never inside a number
    (`BreaksAfterSlash.least_runs`: 河南's `≥1300亿斤（力争高于上年1350.97亿斤）` 13 cells, not
    36); any other column its `least_width`."""
    if not column.keeps_words:
        return least_width(column)
    words = [cell_len(word) for word in plain_text(column.header).split()]
    cells = [
        _least_runs(cell) if isinstance(cell, BreaksAfterSlash) else widest_word(cell)
        for cell in column.cells
    ]
    return max([*words, *cells], default=1)


def _least_runs(cell: BreaksAfterSlash) -> int:
    """The narrowest a figure against its bound can be without breaking a number or a run of
    letters: a Chinese word (`≥1300亿斤（力争高于上年1350.97亿斤）`) between its characters as
    `KeepsRuns` breaks it (`BreaksAfterSlash.wrap`), its widest unit (`1350.97亿斤）`); any
    other word whole, the text on either side of the `/` counted apart."""
    plain = cell.plain
    if "\n" in plain:
        return cell.least_width()
    if cell.whole:  # a bound alone, whole where short (`≤ 4.8%`), its edge whole on its line
        bound, *_ = _apart(cell)  # (`（≤30.45微克/立方米）`, 北京's pm25), under the card's
        if cell_len(bound) <= WHOLE_BOUND:  # figures where the column is narrower (`cards`:
            return cell_len(bound)  # session 42); a long aim breaks
        return _least_runs(BreaksAfterSlash(bound))
    at = after_slash(plain)
    # (a figure with its unit one word, `125 亿元`: never `125` over `亿元`, session 43)
    words = [word for part in (plain[:at], plain[at:]) for word in least_words(part)]
    return max(
        (
            KeepsRuns(word).least_width()
            if _WIDE.search(word) and " " not in word
            else cell_len(word)
            for word in words
        ),
        default=0,
    )


# A bound alone no wider than this stays whole in a card (`≈ 5.5% (≥5%)`, `≥ 110 万人`);
# a longer one (河南's 粮食产量 with its aim, 49 cells) breaks rather than crush the status
# beside it (`beh` over nothing, `status` at 40 columns in English).
WHOLE_BOUND = 16


def _apart(cell: BreaksAfterSlash) -> tuple[str, ...]:
    """A bound and its edge (`EdgeApart._apart`), or the whole text."""
    apart = getattr(cell, "_apart", lambda: None)()
    return tuple(apart) if apart else (cell.plain,)


def widest_word_of(column: Column) -> int:
    return max((widest_word(cell) for cell in column.cells), default=1)


def widest_word(cell: Text) -> int:
    """The narrowest a cell can be without folding a word (after a `/` too, for a figure
    against its bound)."""
    if isinstance(cell, BreaksAfterSlash):
        return cell.least_width()
    return max((cell_len(word) for word in cell.plain.split()), default=0)


def plain_text(header: str | Text) -> str:
    return header.plain if isinstance(header, Text) else header


def word_short(column: Column, columns: list[Column], width: int, gap: int) -> int:
    """The cells a figure column that fits whole gives the name folding beside it, so that the
    name's widest word is whole on its line: down to the figure's widest word, its header
    wrapped (`actual /` over `target`). At 40 columns the investment table's `actual / target`
    kept its 15 cells beside `—/5.88` and broke `environmenta` over `l` (guandu's `status`)."""
    folding = [c for c in columns if c.room is not None and c.options.get("width") is None]
    if len(folding) != 1 or folding[0] is column:
        return 0
    name = folding[0]
    others = sum(c.width() for c in columns if c is not name)
    given = width - EDGES - gap * (len(columns) - 1) - others
    # (its widest run: an English word, a Chinese name's character or figure with its unit)
    texts = [plain_text(name.header), *(cell.plain for cell in name.cells)]
    widest = max((KeepsRuns(text).least_width() for text in texts), default=0)
    if given >= widest or given < 1:
        return 0
    header = max((cell_len(word) for word in plain_text(column.header).split()), default=0)
    least = max(widest_word_of(column), header)
    return max(0, min(widest - given, column.width() - least))
