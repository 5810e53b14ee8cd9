"""Excel workbooks: the report (assessments and records) and the blank input sheet (template).

openpyxl is imported inside the functions. Numbers are written as numbers (exact decimals, as
the JSON has them), shares with a percentage format, statuses coloured; the header row is
frozen and filtered, and column widths count a Chinese character as two.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from plancli.assess import CSV_COLUMNS, AssessmentOut, Status
from plancli.assess.band_side import band_side, status_key
from plancli.errors import temporary_file_failed
from plancli.fmt import stated_text, table_cell
from plancli.i18n import Lang, t
from plancli.report import text
from plancli.report.headers import ZH_HEADERS
from plancli.report.model import AdjustmentOut, Report
from plancli.report.template import TemplateRow, helper_cells, sheet_headers, template_columns
from plancli.report.xlsx_cells import (
    HEADER_FILL,
    STATUS_COLOURS,
    a4,
    append,
    class_format,
    display_width,
    excel_value,
    fit_columns,
    header,
    narrow_headers,
    share_format,
    wrap,
    wrapped_lines,
)

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
HELPER_FILL = "F0F0F0"
# Printing (issue 12): the assessments sheet prints its first columns, id to
# required_growth_rest (what a reader of a printout compares); the rest of the JSON contract's
# columns are for filtering and formulas.
PRINT_LAST_COLUMN = "required_growth_rest"
# The summary sheet: its width (in characters) and the points a wrapped line of text takes
# (11-point text, CJK fonts included).
SUMMARY_WIDTH = 102  # characters across a portrait A4 page at 100%
# Its headline table: names wrap within 16 to 30, what a target needs (last) in 20 at least.
NAME_MIN_WIDTH, NAME_WIDTH, NEEDS_MIN_WIDTH, FIGURE_MIN_WIDTH = 16, 30, 20, 8
LINE_HEIGHT = 16.0


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
    header(sheet, headers)
    status_column = CSV_COLUMNS.index("status") + 1
    for a in report.assessments:
        data = {column: getattr(a, column) for column in CSV_COLUMNS}
        data["status"] = status_word(a.status, lang) if lang != "zh" else t(status_key(a), lang)
        if lang == "zh":  # the bound as the summary sheet writes it (下降 ≥ 2.5%)
            data["bound"] = _bound_zh(a, report)
            data["actual_text"] = _actual_text_zh(a)
            data["direction"] = _direction_zh(a)
            zh_row(data, report.section_name(a.section, "zh"))  # 增速, 季度, 是: no codes
        row = append(sheet, [excel_value(data[column]) for column in CSV_COLUMNS])
        for position, column in enumerate(CSV_COLUMNS, start=1):
            if column in SHARE_COLUMNS:
                sheet.cell(row, position).number_format = share_format(data[column])
            elif column in ("actual", "min", "max"):  # 6 in 类 shows 劣Ⅴ类, 2 Ⅱ类: still a number
                class_format(sheet.cell(row, position), data[column], a.unit, column == "actual")
            elif column == "amount":  # 48500.0亿元 as the report writes it, not 48500
                class_format(sheet.cell(row, position), data[column], "")
        fill, font = STATUS_COLOURS["off_band" if band_side(a) else a.status]  # CPI 偏高
        cell = sheet.cell(row, status_column)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font, bold=True)
    sheet.auto_filter.ref = sheet.dimensions
    fit_columns(sheet)
    narrow_headers(sheet)
    wrap(sheet, ["C", "D"])  # name, name_en
    last = get_column_letter(CSV_COLUMNS.index(PRINT_LAST_COLUMN) + 1)
    a4(sheet, landscape=True, print_area=f"A1:{last}{sheet.max_row}")

    records = workbook.create_sheet(t("sheet.records", lang))
    header(
        records,
        column_headers([*RECORD_COLUMNS[:7], "recorded_at (UTC)", *RECORD_COLUMNS[8:]], lang),
    )
    names = {a.id: text.name(a, lang) for a in report.assessments}
    units = {a.id: a.unit for a in report.assessments}
    for record in report.records:
        row = append(
            records,
            [
                record.target,
                names.get(record.target),
                record.period,
                record.value,
                record.amount,
                record.note,
                record.source,
                excel_value(record.recorded_at),
                record.batch,
                zh_word("current", record.current) if lang == "zh" else record.current,
            ],
        )
        records.cell(row, 8).number_format = "yyyy-mm-dd hh:mm:ss"
        class_format(records.cell(row, 4), record.value, units.get(record.target, ""))
        class_format(records.cell(row, 5), record.amount, "")  # 48500.0, as recorded
    records.auto_filter.ref = records.dimensions
    fit_columns(records)
    for column in ("H",):  # the date's text is shorter than what Excel shows
        records.column_dimensions[column].width = 21
    wrap(records, ["B", "F", "G"])  # name, note, source
    a4(records, landscape=True)
    if report.adjustments:
        _adjustments_sheet(workbook, report, lang)
    return _save(workbook, _created(report.generated, created))


ACTUAL_ZH = "完成值（下降型目标为降幅）"
DIRECTION_ZH = {"up": "越高越好", "down": "越低越好", "band": "在区间内"}


def _bound_zh(a: AssessmentOut, report: Report) -> str:
    """The `bound` cell in Chinese, as the summary sheet writes it (下降 ≥ 2.5%, not `fall ≥
    2.5 %`); a relative target's names its reference before the figure it must match: `≈
    地区生产总值 5.4%（不低于4.4%）`, not the id `≈ gdp` (audit S D3)."""
    bound = text.target(a, "zh", report)
    if a.kind == "relative" and a.reference_actual is not None:
        sign, rest = bound.split(" ", 1)
        bound = f"{sign} {text.reference_name(report, a.reference, 'zh')} {rest}"
    return bound


def _actual_text_zh(a: AssessmentOut) -> str | None:
    """The `actual_text` cell in Chinese, written as the 目标 cell beside it (`≥ 7%`): `5.0%`,
    `40个`, `下降2.1%`, `Ⅱ类`. It was the JSON's English field, `5.0 %`, `40 个`, `-2.1%`, beside
    `≥ 7%` (session 42); the English sheet keeps the JSON's, as its `bound` does."""
    if a.actual is None or a.actual_text is None:
        return a.actual_text
    stated = stated_text(a, a.actual, "zh")  # a decline's fall, a change in 个百分点
    return stated if stated is not None else table_cell(a.actual_text, "zh")


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
    header(sheet, column_headers(ADJUSTMENT_COLUMNS, lang))
    for adjustment in report.adjustments:
        row = append(  # text as text: a note is the user's (=HYPERLINK…, control characters)
            sheet,
            [
                adjustment.id,
                adjustment.name if lang == "zh" else adjustment.name_en,
                adjustment.period,
                *_adjusted_bounds(adjustment, lang),
                adjustment.note,
                excel_value(adjustment.recorded_at),
            ],
        )
        sheet.cell(row, 7).number_format = "yyyy-mm-dd hh:mm:ss"
    fit_columns(sheet)
    sheet.column_dimensions["G"].width = 21
    a4(sheet, landscape=True)


def _adjusted_bounds(adjustment: AdjustmentOut, lang: Lang) -> tuple[str, str]:
    """The adjustments sheet's bound and plan's bound, as the report's list of adjustments
    writes them (`text.adjustment_bounds`: 下降 ≥ 3.8%, not `gap --json`'s 下降 ≥ 3.8 %); a
    dropped target's 不再考核 under `--lang zh`, where `dropped` was English."""
    bound, plan = text.adjustment_bounds(adjustment, lang)
    return (t("status.dropped", lang) if adjustment.dropped and lang == "zh" else bound), plan


def _summary_sheet(sheet: Worksheet, report: Report, lang: Lang) -> None:
    """The report's first page: title, the written summary (a sentence a row, wrapped across
    the page), the headline table and, as the Markdown and HTML reports have them, the
    section table (分领域情况), the investment plan, the targets needing attention and the
    milestones (the last two since session 43). Portrait A4; texts are the Markdown report's."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from plancli.report import tables
    from plancli.report.sheet_blocks import Block, investment_block, milestones_block, tables_of
    from plancli.report.summary import build_summary

    table = tables.headline(report, lang) if report.headline else None
    by_section = tables.sections(report, lang)
    attention = tables.attention(report, lang) if report.attention else None
    investment, milestones = investment_block(report, lang), milestones_block(report, lang)
    widths = _summary_widths(table or by_section)
    span = len(widths)  # the texts' width: the first table's
    more = tables_of(investment, milestones)
    widths = _wider(widths, table or by_section, by_section, attention, *more)
    last = get_column_letter(span)
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    wrapped = Alignment(wrap_text=True, vertical="top")

    def line(value: str, font: Font | None = None, gap_before: bool = False) -> None:
        """A text across the page: merged over the table's columns, its height set for the
        lines it wraps to (neither Excel nor LibreOffice fits a merged row by itself)."""
        if gap_before:
            sheet.append([])
        row = append(sheet, [value])
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row, 1)
        cell.alignment = wrapped
        size = 11.0
        if font is not None:
            cell.font = font
            size = float(font.sz or size)
        lines = wrapped_lines(value, sum(widths[:span]) * 11 / size)
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT * size / 11 + 4

    heading, note = Font(bold=True, size=12), Font(color="57606A", size=9)
    plan_name = report.plan_name if lang == "zh" else report.plan_name_en
    line(text.title(plan_name, lang, text.year_over(report)), Font(bold=True, size=14))
    line(text.as_of_line(report.as_of, report.time_progress, lang), Font(color="57606A"))
    line(t("report.summary", lang), heading, gap_before=True)
    for number, paragraph in enumerate(build_summary(report, lang).paragraphs):
        for position, sentence in enumerate(paragraph):
            line(sentence, gap_before=number > 0 and position == 0)
    if table is not None:
        line(t("headline", lang), heading, gap_before=True)
        _table(sheet, table, widths)
        # whose growth a relation's ≈ 4.4% is, as under the Markdown and HTML tables; then the
        # `*` and `†` the table marks
        for text_ in [*filter(None, [table.note]), *text.headline_notes(report, lang)]:
            line(text_, note)
    # 分领域情况 and the targets needing attention, which the workbook left out until
    # session 41 (a leader saw 偏离区间 counted, 平均完成率 and the list only in md / html)
    line(t("by_section", lang), heading, gap_before=True)
    _table(sheet, by_section, widths)
    if by_section.note:
        line(by_section.note, note)

    def block(part: Block | None, small: Font | None = None) -> None:
        if part is not None:
            for number, text_ in enumerate([part.heading, *part.before]):
                line(text_, None if number else heading, gap_before=not number)
            if part.table is not None:
                _table(sheet, part.table, widths)
            for text_ in part.after:
                line(text_, small)

    block(investment, note)  # before session 43: no 91项 line, category or milestone table
    line(text.attention_heading(report, lang), heading, gap_before=True)
    if attention is not None:
        _table(sheet, attention, widths)
    else:
        line(text.no_attention(report, lang))
    block(milestones)
    if report.generated is not None:
        line(text.generated_line(report, lang), note, gap_before=True)
    a4(sheet, landscape=False, title_rows=None)


def _table(sheet: Worksheet, table: Table, widths: Sequence[int]) -> None:
    """One of the report's tables on the summary sheet: a header row, then its rows wrapped in
    the sheet's columns, each as high as its longest cell, statuses in their colours."""
    from openpyxl.styles import Alignment, Font, PatternFill

    labels = append(sheet, [column.label for column in table.columns])
    for heading, column in zip(sheet[labels], table.columns, strict=False):
        heading.font = Font(bold=True)
        heading.fill = PatternFill("solid", fgColor=HEADER_FILL)
        heading.alignment = Alignment(wrap_text=True, vertical="top", horizontal=column.align)
    lines = max(wrapped_lines(c.label, w) for c, w in zip(table.columns, widths, strict=False))
    if lines > 1:
        sheet.row_dimensions[labels].height = lines * LINE_HEIGHT + 4
    for cells in table.rows:
        row = append(sheet, [cell.text for cell in cells])
        lines = max(
            wrapped_lines(cell.text, width) for cell, width in zip(cells, widths, strict=False)
        )
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT + 4
        for position, (cell, column) in enumerate(zip(cells, table.columns, strict=True), 1):
            target = sheet.cell(row, position)
            target.alignment = Alignment(
                wrap_text=True,
                vertical="top",
                horizontal="center" if cell.status is not None else column.align,
            )
            if cell.strong:
                target.font = Font(bold=True)
            if cell.status is not None:
                fill, ink = STATUS_COLOURS["off_band" if cell.band else cell.status]
                target.fill = PatternFill("solid", fgColor=fill)
                target.font = Font(color=ink, bold=True)


def _wider(widths: list[int], first: Table, *others: Table | None) -> list[int]:
    """`widths` with a column of figures for each column of a table wider than the first (the
    section table's 偏离区间, 待下达 past 北京's five headline columns), taken out of the
    first's last column, which has the rest of the page, down to what its cells need."""
    extra = max(len(other.columns) for other in (first, *others) if other) - len(widths)
    if extra <= 0:
        return widths
    cells = [first.columns[-1].label, *(row[-1].text for row in first.rows)]
    needed = max(map(display_width, cells)) + 2
    last = max(needed, widths[-1] - extra * (FIGURE_MIN_WIDTH + 2))
    return [*widths[:-1], last, *[FIGURE_MIN_WIDTH + 2] * extra]


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
    header(sheet, headers := sheet_headers(columns := template_columns(rows), lang))
    helper_fill = PatternFill("solid", fgColor=HELPER_FILL)
    helper_font = Font(color="57606A", italic=True)
    first_helper = columns.index("name") + 1
    amount_column = columns.index("amount") + 1
    for row in rows:
        helpers = helper_cells(row, lang, amount=headers[amount_column - 1])
        line = append(
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
    fit_columns(sheet)
    for letter in ("C", "D"):  # room to type a figure
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 12)
    for letter in ("E", "F"):
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, 20)

    notes = workbook.create_sheet(t("sheet.notes", lang))
    notes.column_dimensions["A"].width = 100
    append(notes, [t("report.sheet_note", lang)])
    append(notes, ["plancli import FILE.xlsx"])
    notes["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    from plancli.report.template_print import template_page_setup

    template_page_setup(sheet, columns, notes)
    return _save(workbook, created)
