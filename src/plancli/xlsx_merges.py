"""A sheet's merged cells (`<mergeCell ref="A2:A3"/>`), which Excel shows as one cell: a
target's name merged down over two rows (新建5G基站 for 5月 and 6月) is that name on each row,
as Excel shows it, though the file holds it in the top cell only.

The merges come after the rows in the sheet's XML, so a row whose target or period cell is
empty waits (`imports_xlsx`) until the sheet is read, then takes the top cell's text when
its cell lies in a merge under it (`Merges.top`). A value stored under a merge other than its
top-left cell (a script-written or crafted file: Excel drops them when it merges) is not what
Excel shows, and the sheet is refused naming it (`Filled.hidden`)."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Collection

from plancli.i18n import _
from plancli.safe import clip_path, visible

MAX_MERGES = 100_000
"""Merges read from a sheet; a bulletin has a few dozen."""

_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7}):\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


def column_letter(position: int) -> str:
    """A (0-based) column's letters: 0 → A, 26 → AA."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
        self._areas: list[tuple[int, int, int, int, str]] | None = None

    def areas(self) -> list[tuple[int, int, int, int, str]]:
        """(first column, top row, last column, bottom row, ref) of each merge of more than
        one cell that plancli reads."""
        if self._areas is None:
            self._areas = []
            for ref in self.refs:
                match = _RANGE.match(ref.strip())
                if match is not None:
                    first, top, last, bottom = match.groups()
                    area = (column_index(first), int(top), column_index(last), int(bottom))
                    if area[2] > area[0] or area[3] > area[1]:
                        self._areas.append((*area, ref.strip()))
        return self._areas

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


class Filled:
    """The rows in which the columns plancli reads hold a value, kept until the merges, which
    come after the rows, are read: the rows of each set of columns (a sheet's rows nearly all
    fill the same ones) as a byte a row, the gap from the last (255 and four bytes for a longer
    one), so a million rows take a megabyte and cost one call a row. Past `_SETS` sets of
    columns (a crafted sheet), each column is kept on its own."""

    _SETS = 256

    def __init__(self) -> None:
        self._gaps: dict[tuple[int, ...], bytearray] = {}
        self._last: dict[tuple[int, ...], int] = {}

    def add(self, row: int, columns: tuple[int, ...]) -> None:
        if columns not in self._gaps and len(self._gaps) >= self._SETS and len(columns) > 1:
            for column in columns:
                self.add(row, (column,))
            return
        gaps = self._gaps.get(columns)
        if gaps is None:
            gaps = self._gaps[columns] = bytearray()
        gap = row - self._last.get(columns, 0)
        self._last[columns] = row
        if gap < 255:
            gaps.append(gap)
        else:
            gaps.append(255)
            gaps += gap.to_bytes(4, "little")

    def _rows(self, columns: tuple[int, ...]) -> array[int]:
        rows, row, gaps, at = array("I"), 0, self._gaps[columns], 0
        while at < len(gaps):
            gap = gaps[at]
            if gap == 255:
                gap = int.from_bytes(gaps[at + 1 : at + 5], "little")
                at += 4
            row += gap
            rows.append(row)
            at += 1
        return rows

    def hidden(self, merges: Merges) -> tuple[int, int, str] | None:
        """(row, column, merge) of the first cell holding a value under a merge other than its
        top-left cell, or None."""
        areas = merges.areas()
        found: tuple[int, int, str] | None = None
        for columns in self._gaps if areas else ():
            over = [
                (column, area)
                for area in areas
                for column in columns
                if area[0] <= column <= area[2]
            ]
            if not over:
                continue
            rows = self._rows(columns)
            for column, (first, top, _last, bottom, ref) in over:
                at = bisect.bisect_left(rows, top + 1 if column == first else top)
                below = at < len(rows) and rows[at] <= bottom
                if below and (found is None or (rows[at], column) < found[:2]):
                    found = (rows[at], column, ref)
        return found


def merge_refusal(
    name: str, merges: Merges, filled: Filled, header_row: int, strays: Collection[int]
) -> str | None:
    """Why a sheet is refused for its merges, or None: a header cell merged over two columns
    or more (`数值` over C1:D1) names the first of them only, so the values under the others
    were refused row by row as being "in a column with no header", which did not say that
    the header is there, merged; a value under a merge other than its top-left cell is not
    what Excel shows."""
    for column in sorted(strays):
        for first, top, last, bottom, ref in merges.areas():
            if top <= header_row <= bottom and first < column <= last:
                return _(
                    "{file}:{line}: the header cell {cell} is merged into {top} ({merge}), so "
                    "column {column} has values but no header of its own; unmerge {merge} and "
                    "give each column its own header"
                ).format(
                    file=clip_path(name),
                    line=header_row,
                    cell=f"{column_letter(column)}{header_row}",
                    top=f"{column_letter(first)}{top}",
                    merge=visible(ref),
                    column=column_letter(column),
                )
    hidden = filled.hidden(merges)
    if hidden is None:
        return None
    row, position, merge = hidden
    return _(
        "{file}: cell {cell} holds a value under the merged cell {merge}, where Excel "
        "shows only {top}'s; plancli reads what Excel shows: clear {cell}, or unmerge "
        "the cells"
    ).format(
        file=clip_path(name),
        cell=f"{column_letter(position)}{row}",
        merge=visible(merge),
        top=visible(merge.split(":")[0].replace("$", "")),
    )
