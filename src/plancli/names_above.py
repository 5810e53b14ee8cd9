"""A target's name written once over its rows in a CSV (docs/formats.md, "Merged cells down
the rows"): a sheet's name merged down over its months, saved as CSV, keeps the name on the
first row and leaves the cells below it empty, since a CSV keeps no merges.

Such a row takes the name above only where the file's layout shows the name goes on: the
row right above it was read, the row gives a figure and a period, and its period is not
one the name's rows have had (one row per month: 5月, 6月). Any other empty name is
refused, saying where plancli reads the name above, never guessed: a row of another target
whose name was deleted would otherwise add its figure to the target above."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from plancli.bulletin_periods import kept_period
from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.imports import ImportRow


class NamesAbove:
    """The name the rows without one took, and the periods its rows have had."""

    def __init__(self, year: int | None) -> None:
        self.year = year  # the file name's, for a period without a year
        self.line = 0  # the last row that took the name above
        self.periods: set[str] = set()

    def name(self, rows: Sequence[ImportRow], line: int, period: str | None) -> str | None:
        """The name above for the row on `line` whose name cell is empty (`rows`: the rows
        read before it), or None when the layout does not show it is that name's row."""
        if period is None or not rows or rows[-1].row != line - 1:
            return None
        above = rows[-1].entry
        if self.line != line - 1:  # the first row without a name under this one
            self.periods = {above.period}
        key = kept_period(period, self.year)
        if key in self.periods:
            return None
        self.periods.add(key)
        self.line = line
        return above.target

    def refusal(self, rows: Sequence[ImportRow], line: int) -> str:
        """What a row without a name that does not take the one above is told."""
        from plancli.safe import cell_shown

        if not rows or rows[-1].row != line - 1:
            return _("no {columns}").format(columns="target")
        return _(
            "no target: the name cell is empty, and plancli reads it as the name above "
            "({name}) only where each of that name's rows has a period of its own (one row a "
            "month); write the name on this row"
        ).format(name=cell_shown(rows[-1].entry.target))
