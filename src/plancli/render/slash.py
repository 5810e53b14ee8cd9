"""A figure against its bound that breaks after its `/` (a Rich `Text`), for `gap`'s tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import JustifyMethod, OverflowMethod


class BreaksAfterSlash(Text):
    """A figure against its bound (`5%/≥national_fai_growth`) that, when its column is too
    narrow for it, breaks after the `/` rather than anywhere: a bound that names a target
    by its id stays whole on the next line (folded, `national_fai_gro` over `wth`, it could
    not be typed back). Only a part still too wide for the column is folded."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        plain = self.plain
        at = plain.find("/") + 1
        if not at or "\n" in plain or cell_len(plain) <= width:
            return super().wrap(
                console,
                width,
                justify=justify,
                overflow=overflow,
                tab_size=tab_size,
                no_wrap=no_wrap,
            )
        lines = Lines()
        for part in self.divide([at]):
            lines.extend(
                part.wrap(
                    console,
                    width,
                    justify=justify,
                    overflow=overflow,
                    tab_size=tab_size,
                    no_wrap=no_wrap,
                )
            )
        return lines

    def least_width(self) -> int:
        """The narrowest it can be without folding a word: its widest word, the text on
        either side of the `/` counted apart."""
        plain = self.plain
        at = plain.find("/") + 1
        parts = (plain[:at], plain[at:]) if at and "\n" not in plain else (plain,)
        return max((cell_len(word) for part in parts for word in part.split()), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = super().__rich_measure__(console, options)
        return Measurement(min(measured.minimum, self.least_width()), measured.maximum)
