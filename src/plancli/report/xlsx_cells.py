"""A sheet's cells, for the report's workbook and the input template (`xlsx`): text written as
text no spreadsheet evaluates, the status colours, number formats, column widths, wrapping and
A4 printing."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from plancli.safe import formula_like, sheet_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from plancli.assess import Status

HEADER_FILL = "DDE4EC"
MAX_WIDTH = 60
WRAP_WIDTH = 30  # long names wrap at this width instead of widening the page
DATA_LINE_HEIGHT = 15.0  # a wrapped line in the data sheets
HEADER_MIN_WIDTH = 14


# Fill and font colours per status (the HTML report's colours), and `off_band`'s: a band target
# off its band (CPI 偏高 / 偏低, assess/band_side.colour) in the teal of the HTML's 偏离区间
# chip, not the red of 滞后 it held until session 41.
STATUS_COLOURS: dict[Status | Literal["off_band"], tuple[str, str]] = {
    "met": ("1A7F37", "FFFFFF"),
    "on_track": ("DAFBE1", "116329"),
    "at_risk": ("FFF1C2", "7D4E00"),
    "behind": ("FFEBE9", "A40E26"),
    "off_band": ("DDF3F4", "0E5A60"),
    "missed": ("82071E", "FFFFFF"),
    "no_data": ("EAEEF2", "57606A"),
    "pending": ("F3E8FF", "6E2B9E"),
    "tracked": ("DDF4FF", "0A5A8F"),
    "dropped": ("EEEEEE", "6E6E6E"),
}


def display_width(value: object) -> int:
    """Columns a cell needs: a wide (Chinese) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def header(sheet: Worksheet, columns: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    append(sheet, columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    sheet.freeze_panes = "A2"


def append(sheet: Worksheet, values: Sequence[Any]) -> int:
    """A row of cells, its text written as text that no spreadsheet evaluates (issue 14); the
    row's number.

    openpyxl turns a string starting with `=` into a formula: each text cell is set to a
    string cell explicitly, and one a spreadsheet would take for a formula gets quotePrefix
    (Excel's leading apostrophe), so editing the cell keeps it text. Control characters,
    which XML cannot hold (openpyxl raised IllegalCharacterError), are shown as escapes
    (`safe.sheet_text`); numbers, dates and booleans are written as they are.

    The cells are made here and appended as they are (openpyxl numbers them), so the row is
    known without `sheet.max_row` or `sheet[row]`, each a pass over every cell of the sheet:
    a row at a time, a report's workbook of 80 targets spent a third of its time in them."""
    from openpyxl.cell import Cell

    # placed at A1 until `append` gives each its row and column
    cells = [Cell(sheet, 1, 1, sheet_text(v) if isinstance(v, str) else v) for v in values]
    sheet.append(cells)
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if formula_like(cell.value):
                cell.quotePrefix = True
    row = cells[0].row
    assert row is not None
    return row


def share_format(value: object) -> str:
    """A share's number format with the places the report shows it with (`text.percent`):
    0.5 as 50%, 0.5455 as 54.55%, where every share read 50.00% (session 41)."""
    from decimal import Decimal

    if not isinstance(value, Decimal | int) or value == 0:
        return "0%"
    places = max(0, -int((Decimal(value) * 100).normalize().as_tuple()[2]))
    return "0." + "0" * places + "%" if places else "0%"


def fit_columns(sheet: Worksheet) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            shown = f"{cell.value:.2%}" if cell.number_format.endswith("%") else cell.value
            widths[cell.column] = max(widths.get(cell.column, 0), display_width(shown))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)


def excel_value(value: Any) -> Any:
    """A JSON-contract value as a cell: lists joined with ;, everything else as is."""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, datetime):  # Excel has no time zones: UTC, as the column name says
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def a4(
    sheet: Worksheet,
    landscape: bool,
    title_rows: str | None = "1:1",
    print_area: str | None = None,
) -> None:
    """Print on A4: the orientation given, scaled to the page's width (as many pages down as
    it takes), the header row repeated on every page, margins of 1.5 cm (1 cm at the sides),
    page numbers in the footer, centred across the page."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # 0: as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(
        left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3
    )  # inches
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    if print_area:
        sheet.print_area = print_area
    footer = HeaderFooterItem()
    footer.center.text = "&P / &N"
    footer.right.text = "&A"  # the sheet's name
    sheet.oddFooter = footer


def wrap(sheet: Worksheet, letters: Sequence[str]) -> None:
    """Wrap the long text of these columns at WRAP_WIDTH rather than widen the page, and give
    each row the height its wrapped text needs (LibreOffice keeps the default height of a
    row it did not write, and the text would run over the next row)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import column_index_from_string

    wrapped = Alignment(wrap_text=True, vertical="top")
    columns = []
    for letter in letters:
        dimension = sheet.column_dimensions[letter]
        if (dimension.width or 0) > WRAP_WIDTH:
            dimension.width = WRAP_WIDTH
            columns.append(column_index_from_string(letter))
    top = Alignment(vertical="top")
    for row in sheet.iter_rows(min_row=2):
        lines = 1
        for column in columns:
            cell = row[column - 1]
            cell.alignment = wrapped
            if isinstance(cell.value, str):
                lines = max(lines, wrapped_lines(cell.value, WRAP_WIDTH))
        if lines > 1 and row[0].row is not None:  # the other cells at the top too
            sheet.row_dimensions[row[0].row].height = lines * DATA_LINE_HEIGHT + 2
            for cell in row:
                if cell.column not in columns:
                    cell.alignment = top


def narrow_headers(sheet: Worksheet) -> None:
    """A column as wide as its figures, not as its name: `required_growth_rest` above cells
    of `8.72` wraps to two lines in a column of 12, a page's width saved for print."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    values: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=2):
        for position, cell in enumerate(row, start=1):
            if cell.value is not None:
                shown = f"{cell.value:.2%}" if cell.number_format.endswith("%") else cell.value
                values[position] = max(values.get(position, 0), display_width(shown))
    lines = 1
    for position, cell in enumerate(sheet[1], start=1):
        letter = get_column_letter(position)
        needed = max(values.get(position, 0) + 2, HEADER_MIN_WIDTH)
        if (sheet.column_dimensions[letter].width or 0) > needed:
            sheet.column_dimensions[letter].width = needed
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, wrapped_lines(str(cell.value), needed))
    if lines > 1:  # every name at the top of the taller row, not only the wrapped ones
        sheet.row_dimensions[1].height = lines * DATA_LINE_HEIGHT + 2
        for cell in sheet[1]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def class_format(cell: Any, value: object, unit: str, recorded: bool = True) -> None:
    """A water class's cell shown as the report writes it (Ⅱ类, 劣Ⅴ类: a literal number
    format), its value kept the number a formula or a sort reads (2, 6)."""
    from decimal import Decimal

    from plancli.unit_words import class_text

    if isinstance(value, Decimal | int) and (shown := class_text(Decimal(value), unit)):
        cell.number_format = f'"{shown}"'
    elif recorded and isinstance(value, Decimal) and (places := -int(value.as_tuple()[2])) > 0:
        cell.number_format = "0." + "0" * places  # a figure as recorded: 12.0 shows 12.0


def wrapped_lines(value: str, width: float) -> int:
    """Lines a text wraps to in a cell `width` characters wide. A width counts the digit 0 of
    the default font: a Chinese character takes up to two (Excel's 等线; LibreOffice fits
    about 10 % more), proportional Latin text a little under one. Rather a line too many
    (a blank line) than one too few (hidden text)."""
    text_width = sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 0.95 for ch in value)
    usable = max(width - 2, 1)
    return max(1, math.ceil(text_width / usable))
