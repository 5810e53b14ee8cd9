"""A sheet's merged cells (`<mergeCell ref="A2:A3"/>`), which Excel shows as one cell: a
target's name merged down over two rows (新建5G基站 for 5月 and 6月) is that name on each row,
as Excel shows it, though the file holds it in the top cell only.

The merges come after the rows in the sheet's XML, so a row whose target or period cell is
empty waits (`imports_xlsx`) until the sheet is read, then takes the top cell's text when
its cell lies in a merge under it (`Merges.top`)."""

from __future__ import annotations

import bisect
import re

MAX_MERGES = 100_000
"""Merges read from a sheet; a bulletin has a few dozen."""

_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7}):\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


def column_index(letters: str) -> int:
    """A cell reference's column letters as a 0-based index: A is 0, Z 25, AA 26."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


class Merges:
    """A sheet's merges as written; the vertical extent of those over a column, when asked."""

    def __init__(self) -> None:
        self.refs: list[str] = []
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def add(self, ref: str | None) -> None:
        if ref is not None and len(self.refs) < MAX_MERGES:
            self.refs.append(ref)

    def _over(self, column: int) -> list[tuple[int, int]]:
        """(first row, last row) of each merge over the column and more than one row, sorted
        (read once per column asked for: the target's and the period's)."""
        spans = self._spans.get(column)
        if spans is None:
            spans = []
            for ref in self.refs:
                match = _RANGE.match(ref.strip())
                if match is None:
                    continue  # Excel writes none such; a merge plancli cannot read is no merge
                first, top, last, bottom = match.groups()
                if column_index(first) <= column <= column_index(last) and int(bottom) > int(top):
                    spans.append((int(top), int(bottom)))
            self._spans[column] = spans = sorted(spans)
        return spans

    def top(self, column: int, row: int) -> int | None:
        """The top row of the merge the cell (0-based column, row) lies in below its top."""
        spans = self._over(column)
        at = bisect.bisect_right(spans, (row, row)) - 1
        if at >= 0 and spans[at][0] < row <= spans[at][1]:
            return spans[at][0]
        return None
