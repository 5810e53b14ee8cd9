"""Rich renderers: functions that return Rich objects; user text always goes in `Text`.

One module per domain (plan, ledger, assessment); this module holds what they share.

Text from a file (a name, a note, a source, a batch, a path) is shown with its control
characters made visible (`safe.visible`, issue 14): the renderers build it with `shown`, so
tables are laid out for what is printed, and every console this module gives checks each
segment once more before it is written, whatever a renderer forgot. Markup in user text
stays literal: it is never parsed (`Text`, not str).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.i18n import Lang
    from plancli.plain import AnyTarget


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits 1 on a closed pipe (`plancli status | head`); exit 1 means "--fail-on
        # matched" here, so hand the broken pipe to the CLI's boundary, which stops quietly.
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr); Rich decides colour from the terminal and NO_COLOR.

    No `:emoji:` codes: plancli's text never uses them, and looking them up imports a 3 ms
    table on every run."""
    out = _Console(stderr=stderr, emoji=False)
    out.push_render_hook(_VisibleHook())
    return out


class _Visible:
    """Renders a renderable with every control character in its text shown as an escape:
    the last line of defence at the terminal, after the renderers' own `shown`. Rich's own
    control segments (none in plancli's output) and the line breaks it lays out pass as is."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            text = segment.text if segment.control else visible(segment.text, newlines=True)
            yield segment if text == segment.text else Segment(text, segment.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


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
