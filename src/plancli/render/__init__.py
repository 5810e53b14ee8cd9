"""Rich renderers: functions that return Rich objects; user text always goes in `Text`.

One module per domain (plan, ledger, assessment); this module holds what they share.

Text from a file (a name, a note, a source, a batch, a path) is shown with its control
characters made visible (`safe.visible`, issue 14): the renderers build it with `shown`, so
tables are laid out for what is printed, and every console this module gives checks each
segment once more before it is written, whatever a renderer forgot. Markup in user text
stays literal: it is never parsed (`Text`, not str).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from plancli.render.slash import BreaksAfterSlash
from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.i18n import Lang
    from plancli.plain import AnyTarget


# Terminal encodings not Unicode's with the tables' box-drawing characters (─): on them Rich
# drew a grid of ASCII `|` and `-`, some columns boxed and the rest run together.
_BOX_DRAWING = frozenset({"gbk", "gb2312", "gb18030", "big5", "big5hkscs", "cp950"})


class _Console(Console):
    @property
    def options(self) -> ConsoleOptions:
        options = super().options
        if options.ascii_only and codecs.lookup(self.encoding).name in _BOX_DRAWING:
            # Rich reads `ascii_only` off the options' encoding alone: the tables are laid out
            # as on a UTF-8 terminal, and `_Encodable` writes what the encoding lacks as near
            # characters (░ as -), as before.
            options.encoding = "utf-8"
        return options

    def on_broken_pipe(self) -> None:
        # Rich exits 1 on a closed pipe (`plancli status | head`); exit 1 means "--fail-on
        # matched" here, so hand the broken pipe to the CLI's boundary, which stops quietly.
        raise BrokenPipeError

    def _check_buffer(self) -> None:
        try:
            super()._check_buffer()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk: no bug of plancli's (exit 74, errors.py)
            from plancli.errors import OutputError

            raise OutputError(exc) from None


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr); Rich decides colour from the terminal and NO_COLOR.

    No `:emoji:` codes: plancli's text never uses them, and looking them up imports a 3 ms
    table on every run. On a terminal whose encoding cannot show every character (GBK), what
    it lacks is written as a near character or `?` (`_Encodable`)."""
    stream = sys.stderr if stderr else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    whole = codecs.lookup(encoding).name in _WHOLE
    file = None if whole else cast("IO[str]", _Encodable(stream))
    out = _Console(stderr=stderr, emoji=False, file=file)
    out.push_render_hook(_VisibleHook())
    return out


_WHOLE = frozenset({"utf-8", "utf-16", "utf-32", "gb18030"})  # encodings of all Unicode
# Characters of plancli's tables some terminal encodings lack (GBK: the bar's ░, the † of
# an adjusted bound), written as the nearest they have.
_NEAR = str.maketrans({"░": "-", "†": "+", "✓": "v", "┃": "|", "█": "#"})


def _nearest(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    lacking = error.object[error.start : error.end]
    return "".join(c if c in "-+v|#" else "?" for c in lacking.translate(_NEAR)), error.end


codecs.register_error("plancli-near", _nearest)


class _Encodable:
    """A text stream for a console on a terminal that cannot encode every character (a
    zh_CN.GBK locale): what the encoding lacks is written as a near character or `?`, not
    raised (an UnicodeEncodeError was `internal error`, exit 70, from `status`)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except UnicodeEncodeError:
            near = text.encode(self.encoding, "plancli-near")
            return self.stream.write(near.decode(self.encoding))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


class _Visible:
    """Renders a renderable with every control character in its text shown as an escape:
    the last line of defence at the terminal, after the renderers' own `shown`. Rich's own
    control segments (none in plancli's output) and the line breaks it lays out pass as is."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = self._visible(console, options)
        # Off a terminal, the blanks Rich pads a table's lines with are dropped: a file, a
        # pipe or a document gets lines that end where their text does. A terminal keeps
        # them (a blank may carry a background colour there).
        yield from segments if console.is_terminal else _unpadded(segments)

    def _visible(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.inner, options):
            text = segment.text if segment.control else visible(segment.text, newlines=True)
            yield segment if text == segment.text else Segment(text, segment.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


def _unpadded(segments: Iterable[Segment]) -> Iterator[Segment]:
    """The segments' text with the blanks at the end of each line left out, as one segment
    (between Rich's control segments, which plancli's output has none of). Only used off a
    terminal, where Rich writes no style: the text is all there is. Blanks at the very end
    (no line break after them) are kept: the next print may continue the line. One join and
    rstrip a line: a segment at a time cost 17 ms on a table of 11,000 segments, this 1."""
    texts: list[str] = []
    for segment in segments:
        if segment.control:
            if texts:
                yield Segment(_rstripped("".join(texts)))
                texts.clear()
            yield segment
        else:
            texts.append(segment.text)
    if texts:
        yield Segment(_rstripped("".join(texts)))


def _rstripped(text: str) -> str:
    """Each line but the last without its trailing blanks."""
    *lines, last = text.split("\n")
    return "\n".join([*(line.rstrip(" ") for line in lines), last])


class _VisibleHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Visible(renderable) for renderable in renderables]


def settle(table: Table) -> Table:
    """Give each no-wrap column of plain text cells the width Rich would measure for it (its
    widest line), so that Rich does not measure every cell when it prints the table.

    A no-wrap column is never narrowed to make room, and one of fixed width is laid out the
    same way, so the table prints the same characters; measuring is about a third of printing
    a table, and read commands print one on every run (issue 15: an 80-row `gap` table is
    most of what `gap` does besides importing). A column with any other cell is left alone."""
    for column in table.columns:
        if not column.no_wrap or column.width is not None:
            continue
        widest = 0
        for cell in (column.header, *column.cells):
            if isinstance(cell, Text):
                text = cell.plain
            elif isinstance(cell, str) and "[" not in cell and ":" not in cell:
                text = cell  # no markup, no emoji code: printed as it is
            else:
                break
            if "\t" in text:  # tabs expand to the next tab stop: let Rich measure
                break
            widest = max(widest, *(cell_len(line) for line in text.splitlines() or [""]))
        else:
            column.width = widest
    return table


def shown(value: str | None, style: str = "", *, newlines: bool = False) -> Text:
    """Text from a file (plan, ledger, import) as a table cell or title: control characters
    shown as escapes (ESC as `\\x1b`); `newlines=True` where a cell may span lines (a note)."""
    return Text(visible(value or "", newlines=newlines), style=style)


def target_name(target: AnyTarget, lang: Lang) -> str:
    return target.name if lang == "zh" else target.name_en


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
        lines = [header, *(line for cell in self.cells for line in cell.plain.splitlines())]
        return max((cell_len(line) for line in lines), default=0)


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
    above, below = columns[at - 1], columns[at]
    others = sum(column.width() for column in columns if column is not below)
    least = int(below.options.get("min_width") or 1)
    if others + least + gap * (len(columns) - 1) + EDGES <= width:
        return columns
    style = str(above.options.get("style") or "")
    cells = []
    for top, bottom in zip(above.cells, below.cells, strict=True):
        cell = Text()
        cell.append_text(top if isinstance(top, Text) else Text(top))
        cell.stylize(style)
        cell.append("\n")
        cell.append_text(bottom if isinstance(bottom, Text) else Text(bottom))
        cells.append(cell)
    header = Text(f"{_plain(above.header)} / {_plain(below.header)}")
    stacked = Column(header, cells, 0, {"overflow": "fold"})
    stacked.options["width"] = max(above.width(), cell_len(header.plain))
    rest = [
        Column(c.header, c.cells, c.drop, {**c.options, "no_wrap": False, "overflow": "ellipsis"})
        if c.narrows
        else c
        for c in columns
    ]
    return [*rest[: at - 1], stacked, *rest[at + 1 :]]


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


def _least(column: Column) -> int:
    """The narrowest a column is laid out: a column that `keeps_words` its widest word (or
    header), once the name beside it has gone under the id; any other its `width`."""
    if not column.keeps_words:
        return column.width()
    words = max((_widest_word(cell) for cell in column.cells), default=1)
    return max(words, cell_len(_plain(column.header)))


def _widest_word(cell: Text) -> int:
    """The narrowest a cell can be without folding a word (after a `/` too, for a figure
    against its bound)."""
    if isinstance(cell, BreaksAfterSlash):
        return cell.least_width()
    return max((cell_len(word) for word in cell.plain.split()), default=0)


def _plain(header: str | Text) -> str:
    return header.plain if isinstance(header, Text) else header


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
        kept = [c for c in self.columns if any(cell.plain for cell in c.cells) or not c.drop]
        # Two cells between columns with collapsed padding, else three (a cell each side).
        gap = GAP if self.table_options.get("collapse_padding") else GAP + 1
        for level in sorted({c.drop for c in kept if c.drop}, reverse=True):
            if sum(c.width() for c in kept) + gap * (len(kept) - 1) <= width:
                break
            if any(c.stacks and c.drop == level for c in kept):
                under = _stacked(kept, 0, gap)  # the name under the id, whatever the width
                if sum(map(_least, under)) + gap * (len(under) - 1) + EDGES <= width:
                    break
            kept = [c for c in kept if c.drop != level]
        kept = _stacked(kept, width, gap)
        kept = _words_kept(kept, width, gap)
        if self.table_options.get("collapse_padding") and self.table_options.get("padding") == (
            0,
            1,
        ):
            kept = _joined(kept)
        table = Table(**self.table_options)
        for column in kept:
            table.add_column(column.header, **column.options)
        rows = len(self.columns[0].cells) if self.columns else 0
        for i in range(rows):
            style = self.row_styles[i] if self.row_styles else None
            table.add_row(*(column.cells[i] for column in kept), style=style)
        return settle(table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.fitted(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.fitted(options.max_width))
