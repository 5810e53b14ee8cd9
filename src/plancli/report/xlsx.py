"""Excel workbooks: the report (assessments and records) and the blank input sheet (template).

openpyxl is imported inside the functions. Numbers are written as numbers (exact decimals, as
the JSON has them), shares with a percentage format, statuses coloured; the header row is
frozen and filtered, and column widths count a Chinese character as two.
"""

from __future__ import annotations

import io
import math
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from plancli.assess import CSV_COLUMNS, AssessmentOut, Status
from plancli.assess.band_side import status_key
from plancli.errors import temporary_file_failed
from plancli.i18n import Lang, t
from plancli.report import text
from plancli.report.headers import ZH_HEADERS
from plancli.report.model import AdjustmentOut, Report
from plancli.report.template import TemplateRow, helper_cells, sheet_headers, template_columns
from plancli.safe import formula_like, sheet_text

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from plancli.report.tables import Table

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
    "dropped": ("EEEEEE", "6E6E6E"),
}
HEADER_FILL = "DDE4EC"
HELPER_FILL = "F0F0F0"
MAX_WIDTH = 60
# Printing (issue 12): the assessments sheet prints its first columns, id to
# required_growth_rest (what a reader of a printout compares); the rest of the JSON contract's
# columns are for filtering and formulas. Long names wrap at this width instead of widening
# the page.
PRINT_LAST_COLUMN = "required_growth_rest"
WRAP_WIDTH = 30
# The summary sheet: its width (in characters) and the points a wrapped line of text takes
# (11-point text, CJK fonts included).
SUMMARY_WIDTH = 102  # characters across a portrait A4 page at 100%
# Its headline table: names wrap within 16 to 30, what a target needs (last) in 20 at least.
NAME_MIN_WIDTH, NAME_WIDTH, NEEDS_MIN_WIDTH, FIGURE_MIN_WIDTH = 16, 30, 20, 8
LINE_HEIGHT = 16.0
DATA_LINE_HEIGHT = 15.0  # a wrapped line in the data sheets
HEADER_MIN_WIDTH = 14


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
    try:  # openpyxl writes each sheet to a temporary file (TMPDIR) first
        ExcelWriter(workbook, _DatedZip(buffer, moment)).save()
    except OSError as exc:
        raise temporary_file_failed(exc) from None
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


def column_headers(columns: Sequence[str], lang: Lang) -> list[str]:
    """The sheet's header row: the field names in English, their Chinese names in Chinese."""
    return list(columns) if lang != "zh" else [ZH_HEADERS.get(c, c) for c in columns]


def status_word(status: Status, lang: Lang) -> str:
    """A status cell: the JSON's word in English (`behind`), the analyst's in Chinese (滞后)."""
    return status if lang != "zh" else t(f"status.{status}", lang)


def _header(sheet: Worksheet, columns: Sequence[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    _append(sheet, columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    sheet.freeze_panes = "A2"


def _append(sheet: Worksheet, values: Sequence[Any]) -> int:
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


def _a4(
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


def _wrap(sheet: Worksheet, letters: Sequence[str]) -> None:
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
                lines = max(lines, _wrapped_lines(cell.value, WRAP_WIDTH))
        if lines > 1 and row[0].row is not None:  # the other cells at the top too
            sheet.row_dimensions[row[0].row].height = lines * DATA_LINE_HEIGHT + 2
            for cell in row:
                if cell.column not in columns:
                    cell.alignment = top


def _narrow_headers(sheet: Worksheet) -> None:
    """A column as wide as its figures, not as its name: `required_growth_rest` above cells
    of `8.72` wraps to two lines in a column of 12, a page's width saved for print."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    values: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=2):
        for position, cell in enumerate(row, start=1):
            if cell.value is not None:
                shown = f"{cell.value:.2%}" if cell.number_format == "0.00%" else cell.value
                values[position] = max(values.get(position, 0), display_width(shown))
    lines = 1
    for position, cell in enumerate(sheet[1], start=1):
        letter = get_column_letter(position)
        needed = max(values.get(position, 0) + 2, HEADER_MIN_WIDTH)
        if (sheet.column_dimensions[letter].width or 0) > needed:
            sheet.column_dimensions[letter].width = needed
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, _wrapped_lines(str(cell.value), needed))
    if lines > 1:  # every name at the top of the taller row, not only the wrapped ones
        sheet.row_dimensions[1].height = lines * DATA_LINE_HEIGHT + 2
        for cell in sheet[1]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def report_workbook(report: Report, lang: Lang, created: datetime | None = None) -> bytes:
    """Sheets `summary` (the written summary and the headline table, for people), then
    `assessments` (every target, the JSON contract's fields as columns) and `records` (the
    figures up to the as-of period, every revision). Every sheet prints on A4. Under zh the
    sheets are named in Chinese: 文字说明, 执行情况, 录入记录 (and 年中调整)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from plancli.report.xlsx_words import zh_row, zh_word

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = t("report.summary_sheet", lang)
    _summary_sheet(summary, report, lang)

    sheet = workbook.create_sheet(t("sheet.assessments", lang))
    headers = column_headers(CSV_COLUMNS, lang)
    if lang == "zh":  # a decline's `actual` is its fall: 2.6 is 下降2.6%, −0.2 a rise (audit S D3)
        headers[CSV_COLUMNS.index("actual")] = ACTUAL_ZH
    _header(sheet, headers)
    status_column = CSV_COLUMNS.index("status") + 1
    for a in report.assessments:
        data = {column: getattr(a, column) for column in CSV_COLUMNS}
        data["status"] = status_word(a.status, lang) if lang != "zh" else t(status_key(a), lang)
        if lang == "zh":  # the bound as the summary sheet writes it (下降 ≥ 2.5%)
            data["bound"] = _bound_zh(a, report)
            data["direction"] = _direction_zh(a)
            zh_row(data, report.section_name(a.section, "zh"))  # 增速, 季度, 是: no codes
        row = _append(sheet, [_excel_value(data[column]) for column in CSV_COLUMNS])
        for position, column in enumerate(CSV_COLUMNS, start=1):
            if column in SHARE_COLUMNS:
                sheet.cell(row, position).number_format = "0.00%"
            elif column in ("actual", "min", "max"):  # 6 in 类 shows 劣Ⅴ类, 2 Ⅱ类: still a number
                _class_format(sheet.cell(row, position), data[column], a.unit, column == "actual")
        fill, font = STATUS_COLOURS[a.status]
        cell = sheet.cell(row, status_column)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font, bold=True)
    sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet)
    _narrow_headers(sheet)
    _wrap(sheet, ["C", "D"])  # name, name_en
    last = get_column_letter(CSV_COLUMNS.index(PRINT_LAST_COLUMN) + 1)
    _a4(sheet, landscape=True, print_area=f"A1:{last}{sheet.max_row}")

    records = workbook.create_sheet(t("sheet.records", lang))
    _header(
        records,
        column_headers([*RECORD_COLUMNS[:7], "recorded_at (UTC)", *RECORD_COLUMNS[8:]], lang),
    )
    names = {a.id: text.name(a, lang) for a in report.assessments}
    units = {a.id: a.unit for a in report.assessments}
    for record in report.records:
        row = _append(
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
                zh_word("current", record.current) if lang == "zh" else record.current,
            ],
        )
        records.cell(row, 8).number_format = "yyyy-mm-dd hh:mm:ss"
        _class_format(records.cell(row, 4), record.value, units.get(record.target, ""))
    records.auto_filter.ref = records.dimensions
    _fit_columns(records)
    for column in ("H",):  # the date's text is shorter than what Excel shows
        records.column_dimensions[column].width = 21
    _wrap(records, ["B", "F", "G"])  # name, note, source
    _a4(records, landscape=True)
    if report.adjustments:
        _adjustments_sheet(workbook, report, lang)
    return _save(workbook, _created(report.generated, created))


ACTUAL_ZH = "完成值（下降型目标为降幅）"
DIRECTION_ZH = {"up": "越高越好", "down": "越低越好", "band": "在区间内"}


def _class_format(cell: Any, value: object, unit: str, recorded: bool = True) -> None:
    """A water class's cell shown as the report writes it (Ⅱ类, 劣Ⅴ类: a literal number
    format), its value kept the number a formula or a sort reads (2, 6)."""
    from decimal import Decimal

    from plancli.unit_words import class_text

    if isinstance(value, Decimal | int) and (shown := class_text(Decimal(value), unit)):
        cell.number_format = f'"{shown}"'
    elif recorded and isinstance(value, Decimal) and (places := -int(value.as_tuple()[2])) > 0:
        cell.number_format = "0." + "0" * places  # a figure as recorded: 12.0 shows 12.0


def _bound_zh(a: AssessmentOut, report: Report) -> str:
    """The `bound` cell in Chinese, as the summary sheet writes it (下降 ≥ 2.5%, not `fall ≥
    2.5 %`); a relative target's names its reference before the figure it must match: `≈
    地区生产总值 5.4%（不低于4.4%）`, not the id `≈ gdp` (audit S D3)."""
    bound = text.target(a, "zh", report)
    if a.kind == "relative" and a.reference_actual is not None:
        sign, rest = bound.split(" ", 1)
        bound = f"{sign} {text.reference_name(report, a.reference, 'zh')} {rest}"
    return bound


def _direction_zh(a: AssessmentOut) -> str | None:
    """The `direction` cell in Chinese: `up` beside a 下降 target read as "a rise is better";
    it is the fall that is better larger (降幅越大越好)."""
    if a.direction is None:
        return None
    if a.decline and a.direction != "band":
        return "降幅越大越好" if a.direction == "up" else "降幅越小越好"
    return DIRECTION_ZH[a.direction]


ADJUSTMENT_COLUMNS = ("target", "name", "from", "bound", "plan_bound", "note", "recorded_at (UTC)")


def _adjustments_sheet(workbook: Workbook, report: Report, lang: Lang) -> None:
    """Sheet `adjustments`: the targets judged on a mid-year adjustment (年中调整) of their bound
    (also in the assessments sheet's `amended_from` and `amendment_note` columns)."""
    sheet = workbook.create_sheet(t("sheet.adjustments", lang))
    _header(sheet, column_headers(ADJUSTMENT_COLUMNS, lang))
    for adjustment in report.adjustments:
        row = _append(  # text as text: a note is the user's (=HYPERLINK…, control characters)
            sheet,
            [
                adjustment.id,
                adjustment.name if lang == "zh" else adjustment.name_en,
                adjustment.period,
                *_adjusted_bounds(adjustment, lang),
                adjustment.note,
                _excel_value(adjustment.recorded_at),
            ],
        )
        sheet.cell(row, 7).number_format = "yyyy-mm-dd hh:mm:ss"
    _fit_columns(sheet)
    sheet.column_dimensions["G"].width = 21
    _a4(sheet, landscape=True)


def _adjusted_bounds(adjustment: AdjustmentOut, lang: Lang) -> tuple[str, str]:
    """The adjustments sheet's bound and plan's bound: `gap --json`'s in English, the report's
    Chinese ones (不再考核, 下降 ≥ 3%) under `--lang zh`, where `dropped` was English."""
    if lang != "zh":
        return adjustment.bound, adjustment.plan_bound
    bound = t("status.dropped", lang) if adjustment.dropped else adjustment.bound_zh
    return bound, adjustment.plan_bound_zh


def _summary_sheet(sheet: Worksheet, report: Report, lang: Lang) -> None:
    """The report's first page: title, the written summary (a sentence a row, wrapped across
    the page) and the headline table. Portrait A4; texts are the Markdown report's."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from plancli.report import tables
    from plancli.report.summary import build_summary

    table = tables.headline(report, lang) if report.headline else None
    widths = _summary_widths(table)
    last = get_column_letter(len(widths))
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    wrapped = Alignment(wrap_text=True, vertical="top")

    def line(value: str, font: Font | None = None, gap_before: bool = False) -> None:
        """A text across the page: merged over the table's columns, its height set for the
        lines it wraps to (neither Excel nor LibreOffice fits a merged row by itself)."""
        if gap_before:
            sheet.append([])
        row = _append(sheet, [value])
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row, 1)
        cell.alignment = wrapped
        size = 11.0
        if font is not None:
            cell.font = font
            size = float(font.sz or size)
        lines = _wrapped_lines(value, sum(widths) * 11 / size)
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT * size / 11 + 4

    plan_name = report.plan_name if lang == "zh" else report.plan_name_en
    line(text.title(plan_name, lang, text.year_over(report)), Font(bold=True, size=14))
    line(text.as_of_line(report.as_of, report.time_progress, lang), Font(color="57606A"))
    line(t("report.summary", lang), Font(bold=True, size=12), gap_before=True)
    for number, paragraph in enumerate(build_summary(report, lang).paragraphs):
        for position, sentence in enumerate(paragraph):
            line(sentence, gap_before=number > 0 and position == 0)
    if table is not None:
        line(t("headline", lang), Font(bold=True, size=12), gap_before=True)
        labels = _append(sheet, [column.label for column in table.columns])
        for heading, column in zip(sheet[labels], table.columns, strict=True):
            heading.font = Font(bold=True)
            heading.fill = PatternFill("solid", fgColor=HEADER_FILL)
            heading.alignment = Alignment(wrap_text=True, vertical="top", horizontal=column.align)
        for cells in table.rows:
            row = _append(sheet, [cell.text for cell in cells])
            lines = max(
                _wrapped_lines(cell.text, width) for cell, width in zip(cells, widths, strict=True)
            )
            sheet.row_dimensions[row].height = lines * LINE_HEIGHT + 4
            for position, (cell, column) in enumerate(zip(cells, table.columns, strict=True), 1):
                target = sheet.cell(row, position)
                target.alignment = Alignment(
                    wrap_text=True,
                    vertical="top",
                    horizontal="center" if cell.status is not None else column.align,
                )
                if cell.status is not None:
                    fill, colour = STATUS_COLOURS[cell.status]
                    target.fill = PatternFill("solid", fgColor=fill)
                    target.font = Font(color=colour, bold=True)
        # whose growth a relation's ≈ 4.4% is, as under the Markdown and HTML tables; then the
        # `*` and `†` the table marks
        for note in [*filter(None, [table.note]), *text.headline_notes(report, lang)]:
            line(note, Font(color="57606A", size=9))
    if report.generated is not None:
        line(text.generated_line(report, lang), Font(color="57606A", size=9), gap_before=True)
    _a4(sheet, landscape=False, title_rows=None)


def _summary_widths(table: Table | None) -> list[int]:
    """Column widths of the summary sheet: each figure column of the headline table as wide as
    its widest cell or label (`4.1%（702.35亿元）` was cut in two in a column of 9); the name (at
    most NAME_WIDTH) and what a target needs, last, wrap, sharing the rest of an A4 page."""
    if table is None or len(table.columns) <= 2:
        return [SUMMARY_WIDTH // 2] * 2 if table and len(table.columns) == 2 else [SUMMARY_WIDTH]
    shown = [[c.label for c in table.columns], *([c.text for c in row] for row in table.rows)]
    needed = [max(map(display_width, column)) + 2 for column in zip(*shown, strict=True)]
    middle = [max(FIGURE_MIN_WIDTH, width) for width in needed[1:-1]]
    room = SUMMARY_WIDTH - sum(middle) - NEEDS_MIN_WIDTH
    first = max(min(needed[0], NAME_MIN_WIDTH), min(needed[0], NAME_WIDTH, room))
    return [first, *middle, max(NEEDS_MIN_WIDTH, SUMMARY_WIDTH - first - sum(middle))]


def _wrapped_lines(value: str, width: float) -> int:
    """Lines a text wraps to in a cell `width` characters wide. A width counts the digit 0 of
    the default font: a Chinese character takes up to two (Excel's 等线; LibreOffice fits
    about 10 % more), proportional Latin text a little under one. Rather a line too many
    (a blank line) than one too few (hidden text)."""
    text_width = sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 0.95 for ch in value)
    usable = max(width - 2, 1)
    return max(1, math.ceil(text_width / usable))


def _created(generated: date | None, created: datetime | None) -> datetime | None:
    if created is not None:
        return created
    return datetime(generated.year, generated.month, generated.day) if generated else None


def template_workbook(
    rows: Sequence[TemplateRow], lang: Lang, created: datetime | None = None
) -> bytes:
    """A sheet `input` with a row per figure due: target and period given, value, amount,
        note and source to fill in, grey helper columns the import ignores; then `notes`. Under
        zh they are `填报` and `说明`; an import reads either workbook (workbook_sheets). Both print
    on A4 (`template_print`): the input sheet landscape, its header row on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = t("sheet.input", lang)
    _header(sheet, headers := sheet_headers(columns := template_columns(rows), lang))
    helper_fill = PatternFill("solid", fgColor=HELPER_FILL)
    helper_font = Font(color="57606A", italic=True)
    first_helper = columns.index("name") + 1
    amount_column = columns.index("amount") + 1
    for row in rows:
        helpers = helper_cells(row, lang, amount=headers[amount_column - 1])
        line = _append(
            sheet,
            [
                row.target.id,
                str(row.period),
                None,
                None,
                None,
                None,
                *(helpers[column] for column in columns[first_helper - 1 :]),
            ],
        )
        sheet.cell(line, 2).number_format = "@"  # text: Excel must not turn 2022-06 into a date
        for position in range(first_helper, len(columns) + 1):
            sheet.cell(line, position).fill = helper_fill
            sheet.cell(line, position).font = helper_font
        if not row.target.has_amount:  # the import refuses an amount here
            sheet.cell(line, amount_column).fill = helper_fill
    for position in range(first_helper, len(columns) + 1):
        sheet.cell(1, position).font = Font(bold=True, italic=True, color="57606A")
    _fit_columns(sheet)
    for letter in ("C", "D"):  # room to type a figure
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 12)
    for letter in ("E", "F"):
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 20)

    notes = workbook.create_sheet(t("sheet.notes", lang))
    notes.column_dimensions["A"].width = 100
    _append(notes, [t("report.sheet_note", lang)])
    _append(notes, ["plancli import FILE.xlsx"])
    notes["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    from plancli.report.template_print import template_page_setup

    template_page_setup(sheet, columns, notes)
    return _save(workbook, created)
