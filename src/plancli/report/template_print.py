"""The input template's page setup (`template_workbook`): an analyst prints the sheet for the
meeting that goes through the month's figures. Before session 33 it had none: LibreOffice
printed its 77 rows of the bundled plan on 9 portrait pages, the columns cut apart (an id on
one page, its name three pages later) and no header row after the first page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# The helper columns whose text is long (a target's name, its unit with the amount's): wrapped,
# so that the page's width goes to the columns to fill in.
WRAPPED = ("name", "unit")


def template_page_setup(sheet: Worksheet, columns: Sequence[str], notes: Worksheet) -> None:
    """A4: the input sheet landscape, every column on the page's width, the header row on
    every page (print titles), the long names wrapped and the helper headers narrowed to their
    figures; the notes sheet portrait."""
    from openpyxl.utils import get_column_letter

    from plancli.report.xlsx_cells import a4, narrow_headers, wrap

    letters = [get_column_letter(columns.index(c) + 1) for c in WRAPPED if c in columns]
    wrap(sheet, letters)
    narrow_headers(sheet)
    a4(sheet, landscape=True)
    a4(notes, landscape=False, title_rows=None)
