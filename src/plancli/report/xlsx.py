"""Excel workbooks: the report (assessments and records) and the blank input sheet (template).

openpyxl is imported inside the functions. Numbers are written as numbers (exact decimals, as
the JSON has them), shares with a percentage format, statuses coloured; the header row is
frozen and filtered, and column widths count a Chinese character as two.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from plancli.assess import CSV_COLUMNS, Status
from plancli.i18n import Lang, t
from plancli.report import text
from plancli.report.model import Report
from plancli.report.template import TEMPLATE_COLUMNS, TemplateRow, helper_cells
from plancli.safe import formula_like, sheet_text

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# Columns of the assessment sheet that are shares (0.3871): shown as 38.71%.
SHARE_COLUMNS = frozenset({"completion", "time_progress", "expected_share"})
RECORD_COLUMNS = (
    "target",
    "name",
    "period",
    "value",
    "amount",
    "note",
    "source",
    "recorded_at",
    "batch",
    "current",
)
# Fill and font colours per status (the HTML report's colours).
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    "met": ("1A7F37", "FFFFFF"),
    "on_track": ("DAFBE1", "116329"),
    "at_risk": ("FFF1C2", "7D4E00"),
    "behind": ("FFEBE9", "A40E26"),
    "missed": ("82071E", "FFFFFF"),
    "no_data": ("EAEEF2", "57606A"),
    "pending": ("F3E8FF", "6E2B9E"),
    "tracked": ("DDF4FF", "0A5A8F"),
}
HEADER_FILL = "DDE4EC"
HELPER_FILL = "F0F0F0"
MAX_WIDTH = 60


def display_width(value: object) -> int:
    """Columns a cell needs: a wide (Chinese) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def _save(workbook: Workbook, created: datetime | None) -> bytes:
    """The workbook's bytes. Dated `created` (the report's date, or SOURCE_DATE_EPOCH), not
    the clock: openpyxl's own `save` stamps the document properties and every zip entry with
    the time of saving, so the same report would never give the same bytes."""
    from openpyxl.writer.excel import ExcelWriter

    moment = created or datetime.now(UTC)
    if moment.tzinfo is not None:  # naive: already the report's date, as UTC
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = "plancli"
    buffer = io.BytesIO()
    ExcelWriter(workbook, _DatedZip(buffer, moment)).save()
    return buffer.getvalue()


class _DatedZip(zipfile.ZipFile):
    """A zip being written whose entries all carry one date (zip dates start in 1980)."""

    def __init__(self, file: io.BytesIO, moment: datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._date_time = max(moment, datetime(1980, 1, 1)).timetuple()[:6]

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16  # what ZipFile gives a named entry
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """openpyxl writes each worksheet to a temporary file first: its time is not wanted."""
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(str(arcname or filename), data, compress_type, compresslevel)


def _header(sheet: Worksheet, columns: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    _append(sheet, columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    sheet.freeze_panes = "A2"


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    """A row of cells, its text written as text that no spreadsheet evaluates (issue 14).

    openpyxl turns a string starting with `=` into a formula: each text cell is set to a
    string cell explicitly, and one a spreadsheet would take for a formula gets quotePrefix
    (Excel's leading apostrophe), so editing the cell keeps it text. Control characters,
    which XML cannot hold (openpyxl raised IllegalCharacterError), are shown as escapes
    (`safe.sheet_text`); numbers, dates and booleans are written as they are."""
    sheet.append([sheet_text(value) if isinstance(value, str) else value for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if formula_like(cell.value):
                cell.quotePrefix = True


def _fit_columns(sheet: Worksheet) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            shown = f"{cell.value:.2%}" if cell.number_format == "0.00%" else cell.value
            widths[cell.column] = max(widths.get(cell.column, 0), display_width(shown))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)


def _excel_value(value: Any) -> Any:
    """A JSON-contract value as a cell: lists joined with ;, everything else as is."""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, datetime):  # Excel has no time zones: UTC, as the column name says
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def report_workbook(report: Report, lang: Lang, created: datetime | None = None) -> bytes:
    """Sheets `assessments` (every target, the JSON contract's fields as columns) and
    `records` (the figures up to the as-of period, every revision)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "assessments"
    _header(sheet, CSV_COLUMNS)
    status_column = CSV_COLUMNS.index("status") + 1
    for a in report.assessments:
        _append(sheet, [_excel_value(getattr(a, column)) for column in CSV_COLUMNS])
        row = sheet.max_row
        for position, column in enumerate(CSV_COLUMNS, start=1):
            if column in SHARE_COLUMNS:
                sheet.cell(row, position).number_format = "0.00%"
        fill, font = STATUS_COLOURS[a.status]
        cell = sheet.cell(row, status_column)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font, bold=True)
    sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet)

    records = workbook.create_sheet("records")
    _header(records, [*RECORD_COLUMNS[:7], "recorded_at (UTC)", *RECORD_COLUMNS[8:]])
    names = {a.id: text.name(a, lang) for a in report.assessments}
    for record in report.records:
        _append(
            records,
            [
                record.target,
                names.get(record.target),
                record.period,
                record.value,
                record.amount,
                record.note,
                record.source,
                _excel_value(record.recorded_at),
                record.batch,
                record.current,
            ],
        )
        records.cell(records.max_row, 8).number_format = "yyyy-mm-dd hh:mm:ss"
    records.auto_filter.ref = records.dimensions
    _fit_columns(records)
    for column in ("H",):  # the date's text is shorter than what Excel shows
        records.column_dimensions[column].width = 21
    if report.adjustments:
        _adjustments_sheet(workbook, report, lang)
    return _save(workbook, _created(report.generated, created))


ADJUSTMENT_COLUMNS = ("target", "name", "from", "bound", "plan_bound", "note", "recorded_at (UTC)")


def _adjustments_sheet(workbook: Workbook, report: Report, lang: Lang) -> None:
    """Sheet `adjustments`: the targets judged on a mid-year adjustment (年中调整) of their bound
    (also in the assessments sheet's `amended_from` and `amendment_note` columns)."""
    sheet = workbook.create_sheet("adjustments")
    _header(sheet, ADJUSTMENT_COLUMNS)
    for adjustment in report.adjustments:
        sheet.append(
            [
                adjustment.id,
                adjustment.name if lang == "zh" else adjustment.name_en,
                adjustment.period,
                adjustment.bound,
                adjustment.plan_bound,
                adjustment.note,
                _excel_value(adjustment.recorded_at),
            ]
        )
        sheet.cell(sheet.max_row, 7).number_format = "yyyy-mm-dd hh:mm:ss"
    _fit_columns(sheet)
    sheet.column_dimensions["G"].width = 21


def _created(generated: date | None, created: datetime | None) -> datetime | None:
    if created is not None:
        return created
    return datetime(generated.year, generated.month, generated.day) if generated else None


def template_workbook(
    rows: Sequence[TemplateRow], lang: Lang, created: datetime | None = None
) -> bytes:
    """A sheet `input` with a row per figure due: target and period given, value, amount,
    note and source to fill in, grey helper columns the import ignores; then `notes`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "input"
    _header(sheet, TEMPLATE_COLUMNS)
    helper_fill = PatternFill("solid", fgColor=HELPER_FILL)
    helper_font = Font(color="57606A", italic=True)
    first_helper = TEMPLATE_COLUMNS.index("name") + 1
    amount_column = TEMPLATE_COLUMNS.index("amount") + 1
    for row in rows:
        helpers = helper_cells(row, lang)
        _append(
            sheet,
            [
                row.target.id,
                str(row.period),
                None,
                None,
                None,
                None,
                *(helpers[column] for column in TEMPLATE_COLUMNS[first_helper - 1 :]),
            ],
        )
        line = sheet.max_row
        sheet.cell(line, 2).number_format = "@"  # text: Excel must not turn 2022-06 into a date
        for position in range(first_helper, len(TEMPLATE_COLUMNS) + 1):
            sheet.cell(line, position).fill = helper_fill
            sheet.cell(line, position).font = helper_font
        if not row.target.has_amount:  # the import refuses an amount here
            sheet.cell(line, amount_column).fill = helper_fill
    for position in range(first_helper, len(TEMPLATE_COLUMNS) + 1):
        sheet.cell(1, position).font = Font(bold=True, italic=True, color="57606A")
    _fit_columns(sheet)
    for letter in ("C", "D"):  # room to type a figure
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 12)
    for letter in ("E", "F"):
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 20)

    notes = workbook.create_sheet("notes")
    notes.column_dimensions["A"].width = 100
    _append(notes, [t("report.sheet_note", lang)])
    _append(notes, ["plancli import FILE.xlsx"])
    notes["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    return _save(workbook, created)
