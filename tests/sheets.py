"""An .xlsx written as a bureau's Excel saves one: the rows given, on the first sheet, cells as
given (a `datetime` is a real date cell, as Excel makes of a typed `1-6`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def sheet_file(tmp_path: Path, rows: Sequence[Sequence[object]], name: str = "月报.xlsx") -> Path:
    """`tmp_path / name`, a workbook of one sheet holding `rows`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / name
    book.save(path)
    return path
