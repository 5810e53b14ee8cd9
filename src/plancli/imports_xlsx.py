"""`plancli import FILE.xlsx`: rows of an Excel sheet, fed to the same checks as a CSV import.

The sheet has the CSV import's columns in its first row (`target,period,value[,amount,note,
source]`, any order, any case; the helper columns of `plancli template` are ignored). Each row
becomes the same `ImportRow` a CSV line becomes, so the rules are the CSV import's: all or
nothing, re-importing changes nothing, one batch. Problems are reported as `FILE:SHEET:ROW`,
ROW being the row number Excel shows.

Cells are read as Excel shows them, because that is what the person filling the sheet saw:
- a number is read to 15 significant digits, Excel's display precision (5.2 stays 5.2, not
  5.2000000000000002);
- a number formatted as a percentage (the cell shows 5.2%, Excel stores 0.052) is read as
  `5.2%`: accepted for percentage figures (growth, percent done), refused for the others;
- a date in the period column (Excel turns a typed 2022-06 into 1 June 2022) is read as its
  month, 2022-06;
- a formula is read by the value Excel saved with it; a workbook saved by a program that does
  not compute formulas has none, and the row is reported as having no value.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from plancli.errors import InputError
from plancli.fmt import num
from plancli.imports import REQUIRED, ImportRow, Problem, _check_header
from plancli.ledger import Entry

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) format
SIGNIFICANT_DIGITS = 15


def is_workbook(data: bytes) -> bool:
    """An .xlsx (a zip archive) or an old .xls: not CSV or JSON."""
    return data.startswith((ZIP_MAGIC, OLE_MAGIC))


def excel_number(value: int | float) -> Decimal:
    """The number as Excel displays it: at most 15 significant digits, no float noise."""
    if isinstance(value, int):
        return Decimal(value)
    exact = Decimal(repr(value))  # the shortest decimal that reads back as this float
    if not exact.is_finite() or exact.is_zero():
        return exact
    quantum = Decimal(1).scaleb(exact.adjusted() + 1 - SIGNIFICANT_DIGITS)
    exponent, limit = exact.as_tuple().exponent, quantum.as_tuple().exponent
    if isinstance(exponent, int) and isinstance(limit, int) and exponent < limit:
        exact = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    return Decimal(num(exact))


def _text(value: Any, number_format: str) -> str | Decimal | None:
    """A cell as the import reads it: text, an exact number, or None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # the value check rejects it, naming the cell text
    if isinstance(value, int | float):
        number = excel_number(value)
        if "%" in number_format:
            return f"{num(number * 100)}%"
        return number
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _period(value: Any, number_format: str) -> str | None:
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return num(excel_number(value))  # 2022 typed as a number
    cell = _text(value, number_format)
    return None if cell is None else str(cell)


def _plain(cell: str | Decimal | None) -> str | None:
    if cell is None:
        return None
    return num(cell) if isinstance(cell, Decimal) else cell


def parse_xlsx(
    data: bytes, name: str, sheet: str | None = None
) -> tuple[str, list[ImportRow], list[Problem]]:
    """(FILE:SHEET, rows, problems) of the sheet (default: the workbook's first sheet).

    A file that cannot be read as a workbook, or that lacks the sheet or a good header row,
    raises InputError.
    """
    if data.startswith(OLE_MAGIC):
        raise InputError(
            f"{name}: an old .xls workbook; save it as .xlsx (Excel Workbook) and import that"
        )
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError… on a bad file
        raise InputError(f"{name}: not a readable .xlsx workbook ({exc})") from None
    try:
        names = workbook.sheetnames
        if sheet is None:
            if not names:
                raise InputError(f"{name}: the workbook has no sheet")
            sheet = names[0]
        elif sheet not in names:
            listed = ", ".join(repr(n) for n in names)
            raise InputError(f"{name}: no sheet {sheet!r}; the workbook has {listed}")
        worksheet = workbook[sheet]
        located = f"{name}:{sheet}"
        rows, problems = _parse_sheet(worksheet.iter_rows(), located)
    finally:
        workbook.close()
    return located, rows, problems


def _parse_sheet(cells_by_row: Any, name: str) -> tuple[list[ImportRow], list[Problem]]:
    iterator = iter(cells_by_row)
    header_cells = next(iterator, None)
    if header_cells is None:
        raise InputError(f"{name}: the sheet is empty; expected a header row target,period,value")
    header = [_plain(_text(c.value, "General")) for c in header_cells]
    while header and header[-1] is None:  # formatting can reach past the last column
        header.pop()
    columns = [h.strip().lower() if h is not None else None for h in header]
    # The CSV import's own header check: a sheet and a CSV file accept the same columns.
    _check_header([c for c in columns if c is not None], name)
    rows: list[ImportRow] = []
    problems: list[Problem] = []
    for line, cells in enumerate(iterator, start=2):
        values: dict[str, str | Decimal | None] = {}
        stray: list[str] = []
        for position, cell in enumerate(cells):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            number_format = getattr(cell, "number_format", None) or "General"
            column = columns[position] if position < len(columns) else None
            if column == "period":
                values[column] = _period(value, number_format)
            elif column is not None:
                values[column] = _text(value, number_format)
            elif _text(value, number_format) is not None:
                stray.append(_column_letter(position))
        if not any(v is not None for v in values.values()) and not stray:
            continue  # an empty row
        if stray:
            problems.append(
                Problem(line, f"a value in column(s) {', '.join(stray)}, which have no header")
            )
            continue
        missing = [c for c in REQUIRED if values.get(c) is None]
        if missing:
            problems.append(Problem(line, f"no {', '.join(missing)}"))
            continue
        value = values["value"]
        amount = values.get("amount")
        assert value is not None
        rows.append(
            ImportRow(
                line,
                Entry(
                    target=_plain(values["target"]) or "",
                    period=_plain(values["period"]) or "",
                    value=value,
                    amount=amount,
                    note=_plain(values.get("note")),
                    source=_plain(values.get("source")),
                ),
            )
        )
    return rows, problems


def _column_letter(position: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(position + 1)
