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
import functools
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, cast

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

from plancli.fmt import ASCII_SIGNS
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
    out = _Console(stderr=stderr, emoji=False, file=file, width=columns())
    out.push_render_hook(_VisibleHook())
    return out


# The narrowest width a table is laid out for: a stacked id column keeps every id whole at it
# (the longest bundled id, compulsory_education_retention_rate, is 35 characters).
MIN_COLUMNS = 40


def columns() -> int | None:
    """The width to lay tables out for, from `COLUMNS` made usable; None where it is unset
    (Rich then asks the terminal, or takes 80). A CI runner or a container that exports
    `COLUMNS=0` made every table print nothing (Rich took the 0 as is), and `COLUMNS=1` cut
    each id to a character a line: a value that is not a positive whole number is ignored, as
    GNU ls and git ignore it (the terminal's width, or 80), and a smaller one than
    `MIN_COLUMNS` is raised to it, so an id, a status or a figure is never cut."""
    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        wanted = int(raw.strip())
    except ValueError:
        wanted = 0
    if wanted <= 0:
        wanted = _terminal_width() or 80
    return max(wanted, MIN_COLUMNS)


def _terminal_width() -> int:
    for fd in (0, 1, 2):  # Rich's own order: whichever standard stream is the terminal
        try:
            return os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
    return 0


_WHOLE = frozenset({"utf-8", "utf-16", "utf-32", "gb18030"})  # encodings of all Unicode
# Characters of plancli's tables some terminal encodings lack (GBK: the bar's ░, the † of
# an adjusted bound), written as the nearest they have.
_NEAR = str.maketrans(
    {"░": "-", "†": "+", "✓": "v", "┃": "|", "█": "#", "–": "-", "—": "-"}  # 1.5–2.5 %: 1.5-2.5
)


def _nearest(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    lacking = error.object[error.start : error.end]
    # a `?` a cell: the table was laid out with a wide character's two (`??` for 万人's 万)
    near = lacking.translate(_NEAR)
    return "".join(c if c in "-+v|#" else "?" * max(1, cell_len(c)) for c in near), error.end


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
    rstrip a line: a segment at a time cost 17 ms on a table of 11,000 segments, this 1. A
    segment a line, not one for the whole: Rich splits what it prints at each line break by
    copying the rest of the segment, so 18,000 warnings of `validate` (100,000 lines) took
    minutes (session 32)."""
    texts: list[str] = []
    for segment in segments:
        if segment.control:
            if texts:
                yield from _rstripped("".join(texts))
                texts.clear()
            yield segment
        else:
            texts.append(segment.text)
    if texts:
        yield from _rstripped("".join(texts))


def _rstripped(text: str) -> Iterator[Segment]:
    """Each line but the last without its trailing blanks, a segment each (with its break)."""
    *lines, last = text.split("\n")
    for line in lines:
        yield Segment(line.rstrip(" ") + "\n")
    if last:
        yield Segment(last)


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
    shown as escapes (ESC as `\\x1b`); `newlines=True` where a cell may span lines (a note).
    On a terminal that cannot write ≈, ≥ and ≤ (an ASCII one) they are `~`, `>=` and `<=`
    before the table is laid out, not three alike `?` (≈ 2 % read as ≥ 2 %)."""
    text = visible(value or "", newlines=newlines)
    if _lacks_signs(getattr(sys.stdout, "encoding", None) or "utf-8"):
        text = text.translate(_ASCII_SIGNS)
    return Text(text, style=style)


_ASCII_SIGNS = str.maketrans(ASCII_SIGNS)


@functools.cache
def _lacks_signs(encoding: str) -> bool:
    try:
        "≈≥≤±".encode(encoding)
    except (UnicodeError, LookupError):
        return True
    return False


def zh_brackets(text: str) -> str:
    """A bound in a Chinese line of `show` with full-width brackets, as status and the report
    write it (`≥ 5 %（争取 5.5 %）`, never `≥ 5 % (争取 5.5 %)`); English keeps ASCII ones."""
    return text.replace(" (", "（").replace("(", "（").replace(")", "）")


def zh_bound(text: str, lang: str) -> str:
    """A bound as a line in `lang` writes it: `zh_brackets` in Chinese (`amend`'s message,
    history's and undo's 年中调整 tables: `≥ 4.5 %（争取 5 %）`, session 39), as is in English."""
    return zh_brackets(text) if lang == "zh" else text


def target_name(target: AnyTarget, lang: Lang) -> str:
    return target.name if lang == "zh" else target.name_en
