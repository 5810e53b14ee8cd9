"""`plancli import FILE.xlsx`: rows of an Excel sheet, fed to the same checks as a CSV import.

The sheet has the CSV import's columns in its first row (`target,period,value[,amount,note,
source]`, any order, any case; the helper columns of `plancli template` are ignored). Each row
becomes the same `ImportRow` a CSV line becomes, so the rules are the CSV import's: all or
nothing, re-importing changes nothing, one batch. Problems are reported as `FILE:SHEET:ROW`,
ROW being the row number Excel shows.

Cells are read as Excel shows them, because that is what the person filling the sheet saw:
- a number is read to 15 significant digits, Excel's display precision (5.2 stays 5.2, not
  5.2000000000000002);
- a number shown as a percentage is read as `5.2%`: accepted for percentage figures (growth,
  percent done), refused for the others. That is a percentage format (`0.0%`: Excel stores
  0.052 and shows 5.2%) or a format that writes a literal % after the number (`0.0"%"` or
  `0.0\\%`: Excel stores 5.2 and shows 5.2%);
- a date in the period column (Excel turns a typed 2022-06 into 1 June 2022) is read as its
  month, 2022-06;
- a formula is read by the value Excel saved with it; a workbook saved by a program that does
  not compute formulas (openpyxl) has none, and its row is refused naming the cell;
- every row of the sheet is read, wherever the sheet's declared <dimension> says it ends.

Why not openpyxl, which writes plancli's xlsx reports and templates: reading other people's
workbooks must hold against hostile files (issue 14), and openpyxl's reader does not. It stops
at the declared <dimension> (rows past it are dropped without a word), keeps every shared
string as a Python object (a 512 MB shared-strings part in a 1 MB zip took 1.1 GB), raises
bare IndexError or ValueError from inside its row iterator for a bad shared-string index or a
number cell holding `abc` (no cell to name), and expands XML entities unless defusedxml is
installed. The subset of SpreadsheetML an import needs — the workbook's sheet list, shared
strings, number formats and one sheet's cells — is read here with the standard library's expat
parser: streaming, with a DTD refused outright (so no entity can expand), every part's size
checked against the zip directory before it is read, and every malformed cell reported by
its reference.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from math import isfinite
from operator import itemgetter
from typing import IO, Any
from xml.parsers import expat

from plancli import imports
from plancli.bulletin import (
    BLANK,
    IGNORE,
    MONTH,
    TITLE_ROWS,
    TOTAL,
    Header,
    is_title,
)
from plancli.bulletin_blanks import unread_header
from plancli.bulletin_layout import second_header, top_row
from plancli.bulletin_series import SERIES, series_rows
from plancli.errors import InputError, xml_reason, zip_reason
from plancli.fmt import num
from plancli.i18n import N_, _
from plancli.imports import (
    ImportLimits,
    ImportRow,
    Problems,
    too_large,
    visible,
)
from plancli.imports_text import _Rows
from plancli.percent_cells import PercentShown, percent_note
from plancli.read_notes import Located, ReadNotes
from plancli.safe import NAME_CHARS, cell_shown, clip, clip_path
from plancli.safe_xml import Refused
from plancli.safe_xml import feed as feed_xml
from plancli.safe_xml import local as _local
from plancli.safe_xml import parser as _parser
from plancli.template_check import helper_positions, keep_cells
from plancli.texts import shell_word
from plancli.workbook_sheets import one_table, same_sheet
from plancli.xlsx_blank_rows import BlankRowSkipper
from plancli.xlsx_formats import (
    _PLAIN,
    NumberFormat,
    Unrounded,
    Unshown,
    _builtin_format,
    _Shown,
    cell_figure,
    excel_date,
    excel_number,
    parse_number_format,
)
from plancli.xlsx_merges import Filled, Merges, column_index, column_letter, merge_refusal
from plancli.xlsx_period_dates import PeriodDates, header_spans
from plancli.xlsx_strings import SharedStrings, read_shared_strings, unescape_xstring

MAX_ROWS = 1_048_576  # Excel's last row
MAX_COLUMNS = 16_384  # Excel's last column, XFD
_READ_BYTES = 1024 * 1024

_REL_OFFICE_DOCUMENT = "/officeDocument"
_REL_SHARED_STRINGS = "/sharedStrings"
_REL_STYLES = "/styles"
_REL_WORKSHEET = "/worksheet"


# ------------------------------------------------------------------------------ cells


@dataclass(frozen=True, slots=True)
class Uncomputed:
    """A formula saved without its value: the figure it stands for is not in the file."""

    formula: str

    def refusal(self, ref: str) -> str:
        return _(
            "cell {ref} holds the formula ={formula} and no value saved with it; open and "
            "save the workbook in Excel or WPS, or type the figure"
        ).format(ref=ref, formula=visible(self.formula))


def _text(value: Any, shown: _Shown) -> str | Decimal | None:
    """A cell as the import reads it: text, an exact number, or None when empty."""
    if value is None or isinstance(value, Uncomputed):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # the value check rejects it, naming the cell text
    if isinstance(value, Decimal):  # the figure as the cell's format shows it
        return f"{num(value)}%" if shown.percent else value
    if isinstance(value, float):
        number = excel_number(value)
        if shown.percent:
            return f"{num(number.scaleb(2 * shown.percent_scale))}%"
        return number
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _period(value: Any, shown: _Shown) -> str | None:
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, float | Decimal) and not shown.percent:
        return num(excel_number(value) if isinstance(value, float) else value)  # 2022 typed
    return _plain(_text(value, shown))


def _plain(cell: str | Decimal | None) -> str | None:
    return num(cell) if isinstance(cell, Decimal) else cell


_CELL_REF = re.compile(r"^([A-Za-z]{1,3})([0-9]*)$")
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


# ------------------------------------------------------------------------------- XML


class _Workbook:
    """The parts of an .xlsx an import reads, each checked against the limits first."""

    def __init__(self, file: IO[bytes], name: str, limits: ImportLimits) -> None:
        self.name = clip_path(name)  # the file, as messages name it (no more is asked of it)
        self.limits = limits
        try:
            self.archive = zipfile.ZipFile(file)
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
            why = _("not a zip archive ({reason})").format(reason=zip_reason(exc))  # os_reason
            raise self.unreadable(why) from None
        except NotImplementedError as exc:  # a zip version beyond what zipfile reads
            raise self.unreadable(zip_reason(exc)) from None
        if len(infos) > limits.workbook_parts:
            raise InputError(
                _(
                    "{file}: a zip archive of {count} files; a workbook has a few dozen "
                    "(plancli reads at most {limit})"
                ).format(
                    file=self.name, count=f"{len(infos):,}", limit=f"{limits.workbook_parts:,}"
                )
            )
        total = sum(info.file_size for info in infos)
        if total > limits.workbook_bytes:
            raise too_large(
                name,
                limits.workbook_bytes,
                _("the workbook, uncompressed ({size} bytes),").format(size=f"{total:,}"),
            )
        self._parts = {info.filename: info for info in infos}
        self._folded = {info.filename.lower(): info for info in infos}

    def close(self) -> None:
        self.archive.close()

    def unreadable(self, why: str) -> InputError:
        return InputError(
            _("{file}: not a readable .xlsx workbook: {reason}").format(file=self.name, reason=why)
        )

    def info(self, part: str) -> zipfile.ZipInfo | None:
        return self._parts.get(part) or self._folded.get(part.lower())

    def feed(
        self, part: str, parser: Any, limit: int, what: str, where: Callable[[], str] = str
    ) -> None:
        """Parse one part as a stream, its declared size checked first. zipfile never gives
        more than the size the zip directory declares (and then checks the CRC), so the
        check holds even when the directory lies."""
        info = self.info(part)
        if info is None:
            raise self.unreadable(_("it has no {part}").format(part=part))
        if info.file_size > limit:
            raise too_large(
                self.name,
                limit,
                _("its {what} ({part}, {size} bytes)").format(
                    what=_(what), part=part, size=f"{info.file_size:,}"
                ),
            )
        try:
            with self.archive.open(info) as stream:
                feed_xml(stream, parser, _READ_BYTES)
        except Refused as exc:
            raise InputError(
                _("{file}: refused: {part} {reason}").format(file=self.name, part=part, reason=exc)
            ) from None
        except expat.ExpatError as exc:
            reason = xml_reason(exc.code)
            raise self.unreadable(
                _("{part} is damaged: {reason} at line {line}, column {column}").format(
                    part=part, reason=reason, line=exc.lineno, column=exc.offset + 1
                )
                + where()
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise self.unreadable(
                _("{part} is damaged ({reason})").format(part=part, reason=zip_reason(exc))
                + where()
            ) from None
        except (NotImplementedError, RuntimeError) as exc:  # compression method, encryption
            raise self.unreadable(
                _("{part} cannot be read ({reason})").format(part=part, reason=zip_reason(exc))
            ) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, part) of a part's relationships ({} when it has none)."""
        folder, file_name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", file_name + ".rels")
        found: dict[str, tuple[str, str]] = {}
        if self.info(rels_part) is None:
            return found

        def start(tag: str, attrs: dict[str, str]) -> None:
            if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(path))

        self.feed(rels_part, _parser(start), self.limits.part_bytes, N_("relationships"))
        return found


# ------------------------------------------------------------------------ shared strings


# ---------------------------------------------------------------------------- workbook


@dataclass(frozen=True, slots=True)
class _Sheets:
    names: list[str]
    hidden: set[str]  # sheets Excel does not show (state hidden or veryHidden)
    parts: dict[str, str | None]  # sheet name → its worksheet part (None: not a worksheet)
    date1904: bool
    shared_strings: str | None
    styles: str | None


def _read_workbook(book: _Workbook) -> _Sheets:
    root = book.relationships("")
    document = next(
        (target for kind, target in root.values() if kind.endswith(_REL_OFFICE_DOCUMENT)),
        "xl/workbook.xml",
    )
    if book.info(document) is None:
        raise book.unreadable(
            _("it has no {part} (an .ods, .xlsb or .numbers file? save it as .xlsx)").format(
                part=document
            )
        )
    sheets: list[tuple[str, str]] = []
    hidden: set[str] = set()
    settings = {"date1904": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "sheet":
            rel = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((unescape_xstring(attrs.get("name", "")), rel))
            if attrs.get("state", "visible") != "visible":
                hidden.add(unescape_xstring(attrs.get("name", "")))
        elif local == "workbookPr":
            settings["date1904"] = attrs.get("date1904", "").lower() in ("1", "true")

    book.feed(document, _parser(start), book.limits.part_bytes, N_("workbook part"))
    rels = book.relationships(document)

    def of_type(suffix: str) -> str | None:
        return next((target for kind, target in rels.values() if kind.endswith(suffix)), None)

    parts: dict[str, str | None] = {}
    for sheet_name, rel in sheets:
        kind, target = rels.get(rel, ("", ""))
        parts.setdefault(sheet_name, target if kind.endswith(_REL_WORKSHEET) else None)
    return _Sheets(
        [sheet_name for sheet_name, _ in sheets],
        hidden,
        parts,
        settings["date1904"],
        of_type(_REL_SHARED_STRINGS),
        of_type(_REL_STYLES),
    )


def _read_styles(book: _Workbook, part: str | None) -> list[NumberFormat]:
    """The number format of each cell style (cellXfs), by the style index cells refer to."""
    if part is None or book.info(part) is None:
        return []
    codes: dict[int, str] = {}
    style_format_ids: list[int] = []
    within = {"cellXfs": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "numFmt":
            format_id = _int(attrs.get("numFmtId"))
            if format_id is not None:
                codes[format_id] = attrs.get("formatCode", "General")
        elif local == "cellXfs":
            within["cellXfs"] += 1
        elif local == "xf" and within["cellXfs"]:
            style_format_ids.append(_int(attrs.get("numFmtId")) or 0)

    def end(tag: str) -> None:
        if _local(tag) == "cellXfs":
            within["cellXfs"] -= 1

    book.feed(part, _parser(start, end), book.limits.part_bytes, N_("styles"))
    formats: dict[int, NumberFormat] = {}
    result = []
    for format_id in style_format_ids:
        if format_id not in formats:
            code = codes.get(format_id)
            formats[format_id] = (
                parse_number_format(code) if code is not None else _builtin_format(format_id)
            )
        result.append(formats[format_id])
    return result


def _int(text: str | None) -> int | None:
    if text is None or not text.isascii() or not text.strip().isdigit() or len(text) > 9:
        return None
    return int(text)


# ------------------------------------------------------------------------------ sheet


class _Damaged(Exception):
    """A cell or row that no spreadsheet program writes: the workbook is refused."""


class _SheetReader:
    """The rows of one sheet, read as a stream of XML events, one row at a time."""

    def __init__(
        self,
        book: _Workbook,
        located: str,
        strings: SharedStrings,
        styles: list[NumberFormat],
        date1904: bool,
        on_row: Callable[[int, dict[int, tuple[Any, _Shown]]], None],
    ) -> None:
        self.located = located
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.on_row = on_row
        self.cell_chars = book.limits.cell_chars
        self.in_data = 0
        self.row = 0  # the current row's number (1-based)
        self.cells: dict[int, tuple[Any, _Shown]] = {}
        self.column = -1
        self.kind = "n"
        self.style = 0
        self.value: list[str] | None = None  # text of <v>
        self.inline: list[str] | None = None  # text of <is>
        self.formula: list[str] | None = None  # text of <f>
        self.collect: list[str] | None = None
        self.collected = 0  # characters collected for the cell
        self.phonetic = 0
        self.hidden: list[int] = []  # columns (0-based) the sheet hides: <col hidden="1">
        self.merges = Merges()  # <mergeCell>s, after the rows
        # Caches: a sheet names a handful of tags, columns and styles a million times over.
        self._names: dict[str, str] = {}
        self._columns: dict[str, int] = {}
        self._styles: dict[str, int] = {}

    @property
    def ref(self) -> str:
        """The current cell's reference (B7), for messages."""
        return f"{column_letter(self.column)}{self.row}"

    def parser(self) -> Any:
        return _parser(self.start, self.end, self.text)

    def _local(self, tag: str) -> str:
        local = self._names.get(tag)
        if local is None:
            local = _local(tag)
            if len(self._names) < 1000:  # a hostile sheet may use a million tag names
                self._names[tag] = local
        return local

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = self._names.get(tag) or self._local(tag)
        if local == "c" and self.in_data:
            self._start_cell(attrs)
        elif local == "v" and self.in_data:
            self.value = self.collect = []
            self.collected = 0
        elif local == "f" and self.in_data:
            self.formula = self.collect = []
        elif local == "is" and self.in_data:
            self.inline = []
            self.collected = 0
        elif local == "t" and self.inline is not None and not self.phonetic:
            self.collect = self.inline
        elif local == "rPh":
            self.phonetic += 1
        elif local == "row" and self.in_data:
            self._start_row(attrs.get("r"))
        elif local == "sheetData":
            self.in_data += 1
        elif local == "mergeCell":
            self.merges.add(attrs.get("ref"))
        elif local == "col" and attrs.get("hidden") in ("1", "true"):
            first, last = _int(attrs.get("min")), _int(attrs.get("max"))
            if first and last and len(self.hidden) < MAX_COLUMNS:  # (<col>s above the rows)
                self.hidden.extend(range(first - 1, min(last, MAX_COLUMNS)))

    def end(self, tag: str) -> None:
        local = self._names.get(tag) or self._local(tag)
        if local in ("v", "t", "f"):
            self.collect = None
        elif local == "c" and self.in_data:
            self._end_cell()
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "row" and self.in_data:
            self.on_row(self.row, self.cells)
            self.cells = {}
        elif local == "sheetData":
            self.in_data -= 1

    def text(self, data: str) -> None:
        if self.collect is not None:
            self.collect.append(data)
            self.collected += len(data)
            if self.collected > self.cell_chars:
                raise self._too_long()

    def _start_row(self, number: str | None) -> None:
        previous = self.row
        if number is None:
            self.row = previous + 1
        else:
            parsed = _int(number)
            if parsed is None or parsed < 1:
                raise _Damaged(
                    _("row number {number} is not a row number").format(number=cell_shown(number))
                )
            self.row = parsed
        if self.row <= previous:
            raise _Damaged(
                _("row {row} comes after row {previous}; rows go down the sheet").format(
                    row=self.row, previous=previous
                )
            )
        if self.row > MAX_ROWS:
            raise _Damaged(
                _("row {row} is past Excel's last row ({last})").format(
                    row=f"{self.row:,}", last=f"{MAX_ROWS:,}"
                )
            )
        self.column = -1

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref is None:
            self.column += 1
        else:
            letters = ref.rstrip("0123456789")  # the row's digits are not needed
            column = self._columns.get(letters)
            if column is None:
                match = _CELL_REF.match(ref)
                if match is None:
                    raise _Damaged(_("{ref} is not a cell reference").format(ref=cell_shown(ref)))
                column = column_index(match.group(1))
                if len(self._columns) < MAX_COLUMNS:
                    self._columns[letters] = column
            if column <= self.column:
                raise _Damaged(
                    _("cell {ref} comes after column {column}").format(
                        ref=ref, column=column_letter(self.column)
                    )
                )
            self.column = column
        if self.column >= MAX_COLUMNS:
            raise _Damaged(
                _("a cell past Excel's last column (XFD) in row {row}").format(row=self.row)
            )
        self.kind = attrs.get("t", "n")
        style = attrs.get("s")
        if style is None:
            self.style = 0
        else:
            index = self._styles.get(style)
            if index is None:
                index = _int(style)
                if index is None or index >= len(self.styles):
                    # Excel refuses such a file; openpyxl and LibreOffice show it plainly.
                    index = 0
                if len(self._styles) < 10_000:
                    self._styles[style] = index
            self.style = index
        self.value = self.inline = self.collect = self.formula = None

    def _too_long(self) -> _Damaged:
        return _Damaged(
            _(
                "cell {ref} holds more than {limit} characters, the most a cell holds in Excel"
            ).format(ref=self.ref, limit=f"{self.cell_chars:,}")
        )

    def _end_cell(self) -> None:
        value = self._cell_value()
        if value is None and self.formula is not None:  # a formula no program calculated
            value = Uncomputed("".join(self.formula))
        if value is not None:
            if isinstance(value, str) and len(value) > self.cell_chars:
                raise self._too_long()
            shown = _PLAIN
            if isinstance(value, float) and self.styles:
                shown = self.styles[self.style].shown(value)
            if isinstance(value, float) and not shown.date:  # as Excel shows it
                formula = None if self.formula is None else "".join(self.formula)
                value = cell_figure(value, shown, formula)
            if shown.date:
                moment = excel_date(value, self.date1904)
                if moment is None:
                    raise _Damaged(
                        _("cell {ref}: {value} is not a date Excel can show").format(
                            ref=self.ref, value=repr(value)
                        )
                    )
                value = moment
            self.cells[self.column] = (value, shown)
        self.value = self.inline = self.collect = None

    def _cell_value(self) -> Any:
        """The cell's value by its type (ECMA-376 §18.18.11), or None when it is empty."""
        kind = self.kind
        raw = None if self.value is None else "".join(self.value)
        if kind == "inlineStr":
            text = "".join(self.inline) if self.inline is not None else raw
            return None if text is None else unescape_xstring(text)
        if raw is None:
            return None
        if kind == "n":
            text = raw.strip()
            if not text:
                return None
            if not _NUMBER.match(text):
                raise _Damaged(
                    _("cell {ref} is a number cell holding {text}").format(
                        ref=self.ref, text=cell_shown(text)
                    )
                )
            number = float(text)
            if not isfinite(number):
                raise _Damaged(
                    _("cell {ref} holds {text}, beyond what Excel holds").format(
                        ref=self.ref, text=cell_shown(text)
                    )
                )
            return number
        if kind == "s":
            index = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None
            if index is None:
                index = _int(raw.strip())
            found = self.strings.get(index) if index is not None else None
            if found is None:
                raise _Damaged(
                    _(
                        "cell {ref} refers to shared string {index}, and the workbook has {count}"
                    ).format(ref=self.ref, index=cell_shown(raw), count=f"{self.strings.count:,}")
                )
            return found
        if kind in ("str", "e"):  # a formula's text result; an error such as #N/A
            return raw
        if kind == "b":
            if raw.strip() not in ("0", "1"):
                raise _Damaged(
                    _("cell {ref} is a TRUE/FALSE cell holding {text}").format(
                        ref=self.ref, text=cell_shown(raw)
                    )
                )
            return raw.strip() == "1"
        if kind == "d":
            try:
                return datetime.fromisoformat(raw.strip())
            except ValueError:
                raise _Damaged(
                    _("cell {ref} is a date cell holding {text}").format(
                        ref=self.ref, text=cell_shown(raw)
                    )
                ) from None
        raise _Damaged(
            _("cell {ref} has the unknown type {kind}").format(ref=self.ref, kind=cell_shown(kind))
        )


def parse_xlsx(
    file: IO[bytes],
    name: str,
    sheet: str | None = None,
    limits: ImportLimits | None = None,
    notes: ReadNotes | None = None,
) -> tuple[str, list[ImportRow], Problems]:
    """(FILE:SHEET, rows, problems) of the sheet (default: the workbook's first sheet);
    `notes` receives what `bulletin.resolve_rows` needs and the template rows left blank.
    A file that cannot be read as a workbook, breaks a limit, holds a cell no spreadsheet
    writes, or lacks the sheet or a good header row, raises InputError naming the file and,
    where it is known, the cell."""
    limits = limits or imports.LIMITS
    book = _Workbook(file, name, limits)
    try:
        sheets = _read_workbook(book)
        chosen = sheet
        if sheet is None:
            # The first sheet Excel shows: a hidden first sheet is not what the person who
            # filled the workbook saw (--sheet still reads it, by name).
            shown = [n for n in sheets.names if n not in sheets.hidden]
            if not shown:
                raise InputError(
                    _("{file}: the workbook has no sheet Excel shows").format(file=clip_path(name))
                )
            sheet = shown[0]
        elif sheet not in sheets.parts and (alias := same_sheet(sheet, sheets.parts)):
            sheet = alias  # --sheet input in a Chinese template (填报), or the other way round
        elif sheet not in sheets.parts:
            listed = ", ".join(cell_shown(n) for n in sheets.names)
            raise InputError(
                _("{file}: no sheet {sheet}; the workbook has {sheets}").format(
                    file=clip_path(name), sheet=cell_shown(sheet), sheets=listed
                )
            )
        strings = read_shared_strings(book, sheets.shared_strings)
        styles = _read_styles(book, sheets.styles)
        notes = notes if notes is not None else ReadNotes()

        def sheet_rows(other: str, fresh: ReadNotes) -> tuple[str, list[ImportRow], Problems]:
            return _read_sheet(book, sheets, other, name, limits, fresh, (strings, styles))

        try:
            read = sheet_rows(sheet, notes)
        except _NoHeader as exc:
            others = [n for n in sheets.names if n not in sheets.hidden and n != sheet]
            if chosen is not None or not others:
                raise
            first = exc
        else:  # several month sheets and no --sheet: refused (workbook_sheets)
            return read if chosen is not None else one_table(name, sheet, read, shown, sheet_rows)
        # A 封面 (or an empty sheet) before the table: the first sheet that has a header row.
        for other in others:
            try:
                read = _read_sheet(book, sheets, other, name, limits, notes, (strings, styles))
            except _NoHeader:
                continue
            notes.sheet = _(
                "{file}: read the sheet {sheet}: the first sheet, {cover}, has no header row "
                "(a cover?); choose another with --sheet"
            ).format(file=clip_path(name), sheet=cell_shown(other), cover=cell_shown(sheet))
            return one_table(name, other, read, others, sheet_rows)
        raise InputError(  # no sheet has one: say which there are
            _(
                "{sheet}: no header row (its rows hold one cell at most: a cover?); the "
                "workbook's sheets are {sheets}: choose one with --sheet, e.g. --sheet {other}"
            ).format(
                sheet=f"{clip_path(name)}:{clip(sheet)}",
                sheets=", ".join(cell_shown(n) for n in sheets.names),
                other=shell_word(o) if len(o := others[0]) <= NAME_CHARS else cell_shown(o),
            )
        ) from first
    finally:
        book.close()


class _NoHeader(InputError):
    """A sheet without a header row: its rows hold one cell at most (a cover), or none."""


def _read_sheet(
    book: _Workbook,
    sheets: _Sheets,
    sheet: str,
    name: str,
    limits: ImportLimits,
    notes: ReadNotes,
    looks: tuple[SharedStrings, list[NumberFormat]],
) -> tuple[str, list[ImportRow], Problems]:
    """(FILE:SHEET, rows, problems) of one sheet; _NoHeader when it has no header row."""
    part = sheets.parts[sheet]
    located = Located(name, sheet)  # a crafted 5,000-character name: its first 60
    if part is None:
        raise InputError(
            _("{sheet}: not a worksheet (a chart sheet?); choose one with --sheet").format(
                sheet=located
            )
        )
    collector = _RowCollector(located, limits, notes)
    reader = _SheetReader(book, located, *looks, sheets.date1904, collector.add)
    collector.hidden = reader.hidden  # read before the rows: <cols> precedes <sheetData>
    collector.merges = reader.merges  # read after them

    def where() -> str:
        return _(" (after row {row})").format(row=reader.row) if reader.row else ""

    try:
        parser = BlankRowSkipper(reader.parser(), lambda: collector.header is not None)
        book.feed(part, parser, limits.sheet_bytes, N_("sheet"), where)
        rows, problems = collector.finish()
    except _Damaged as exc:
        raise InputError(
            _("{sheet}: not a readable sheet: {reason}").format(sheet=located, reason=exc)
        ) from None
    except InputError as exc:
        if collector.cover:
            raise _NoHeader(*exc.args) from None
        raise
    return located, rows, problems


class _RowCollector:
    """Rows as the CSV import makes them: the first row is the header, after any title or
    单位 line above it (rows of one cell, `bulletin.is_title`)."""

    def __init__(self, name: str, limits: ImportLimits, notes: ReadNotes) -> None:
        self.name = name
        self.kept = _Rows(name, limits, notes)
        self.notes = notes
        self.problems = Problems()
        self.header: Header | None = None
        self.columns: list[str | None] = []
        self.helpers: dict[int, str] = {}  # a template's helper columns
        self.title: tuple[dict[int, tuple[Any, _Shown]], int] | None = None
        self.titles: list[str] = []  # the period of a table without a period column
        self.hidden: list[int] = []  # the reader's, filled before the first row
        self.hidden_columns: frozenset[int] = frozenset()  # the same, as a set once read
        self.header_line = 0
        self.second = False  # the next row with cells may be a second header row
        self.cover = False  # no header: its rows hold one cell at most (a cover sheet?)
        self.merges = Merges()  # the reader's, filled after the rows
        self.filled = Filled()  # the cells read that hold a value: under a merge?
        self.dates = PeriodDates(name, self.titles, notes)  # 2022-01-06: a typed 2022-1-6?
        self.strays: set[int] = set()  # columns with values and no header: merged into one?
        # Rows waiting for the merges (target or period empty): (row, cells, {column: (row, text)})
        self.waiting: list[tuple[int, dict[str, Any], dict[str, tuple[int, Any]]]] = []
        self.above: dict[str, tuple[int, Any]] = {}

    def add(self, number: int, cells: dict[int, tuple[Any, _Shown]]) -> None:
        if self.header is None:
            row = [_plain(_text(value, _PLAIN)) for value, _shown in cells.values()]
            if number >= TITLE_ROWS or not is_title(row):  # else a title or a 单位 line
                self.cover = is_title(row)
                self._header(cells, number)
            else:
                self.title = (cells, number)  # a sheet of titles: the last is refused as one
                self.titles.extend(cell for cell in row if cell)
            return
        if self.second and cells:  # merged 当月/累计 over 绝对值/增长?
            self.second = False
            row = [
                _plain(_text(cells[i][0], _PLAIN)) if i in cells else None
                for i in range(max(cells) + 1)
            ]
            two = second_header(self.header, row, self.name, self.header_line, number)
            if two is not None:
                self._use(two)
                if not two.data_row:  # (a one-row header naming its period: this row is data)
                    return
        header = self.header
        assert header is not None
        columns = self.columns
        formulas = [
            (p, v)
            for p, (v, _s) in cells.items()
            if isinstance(v, Uncomputed | Unrounded | Unshown)
        ]
        for position, formula in formulas:
            if position < len(columns) and columns[position] not in (None, IGNORE):
                figure = str(columns[position]).startswith(SERIES) or columns[position] in _FIGURES
                if isinstance(formula, Unrounded) and not figure:
                    continue  # a number read as text (a note): its digits are all there
                self.kept.counted()  # its figure or text is not in the file: refused
                cell = cells.get(columns.index("target") if "target" in columns else -1)
                refusal = formula.refusal(f"{column_letter(position)}{number}")
                self.problems.add(number, refusal, given=cell and _text(*cell))
                return
        values: dict[str, str | Decimal | None] = {}
        stray: list[str] = []
        filled: list[int] = []
        for position, (value, shown) in sorted(cells.items()):
            column = columns[position] if position < len(columns) else None
            if column == IGNORE:
                continue
            if column is not None:
                ref = f"{column_letter(position)}{number}"
                self.dates.seen(column, value, ref, number)
                read = _period(value, shown) if column == "period" else _text(value, shown)
                if isinstance(value, PercentShown):  # 4.1 under 0.0%: read 410, said so
                    percent_note(self.notes, value, ref, number, column)
                values[column] = read
                if read is not None:
                    filled.append(position)
            elif _text(value, shown) is not None:
                hidden = _(" (hidden)") if position in self.hidden_columns else ""
                stray.append(column_letter(position) + hidden)
                self.strays.add(position)
        if not any(v is not None for v in values.values()) and not stray:
            return  # an empty row
        self.filled.add(number, tuple(filled))
        self.kept.counted()
        if stray:
            self.problems.add(
                number,
                _("a value in column(s) {columns}, which have no header").format(
                    columns=", ".join(stray[:10])
                ),
                given=_plain(values.get("target")),
            )
            return
        text = {
            column: _plain(value) if column in _TEXT_COLUMNS else value
            for column, value in values.items()
        }
        if self.helpers:  # a template's row: its helper cells are checked (template_check)
            blank = all(text.get(c) is None for c in ("value", "amount", "note", "source"))
            got = {p: _text(v, s) for p, (v, s) in cells.items() if p in self.helpers}
            keep_cells(
                self.notes,
                self.helpers,
                number,
                text.get("target"),
                text.get("period"),
                got.get,
                blank,
            )
        merged: dict[str, tuple[int, Any]] = {}
        for column in _MERGED_DOWN:  # a cell merged down over rows?
            if text.get(column) is not None:
                self.above[column] = (number, text[column])
            elif column in self.above:
                merged[column] = self.above[column]
        if merged and len(self.waiting) < _WAITING:  # merged down? Known once the merges are read
            self.waiting.append((number, text, merged))
            return
        self._build(number, text)

    def _build(self, number: int, text: dict[str, Any]) -> None:
        assert self.header is not None
        for built in series_rows(self.header, text, number, self.notes):  # BLANK: counted
            if not isinstance(built, str):
                self.kept.add(number, built)
            elif built != BLANK:
                self.problems.add(number, built, given=_plain(text.get("target")))

    def _header(self, cells: dict[int, tuple[Any, _Shown]], number: int) -> None:
        header = header_spans(cells, lambda value: _plain(_text(value, _PLAIN)))  # 1-6 a date?
        width = len(header)
        self.hidden_columns = frozenset(self.hidden)
        hidden = sorted(i for i in self.hidden_columns if i < width)
        unknown = [(column_letter(i), header[i] or "") for i in hidden if unread_header(header[i])]
        if unknown:  # Excel does not show it: say so, else she looks for it in vain
            raise InputError(
                _(
                    "{file}:{line}: hidden column(s) {columns}, which plancli does not read; "
                    "unhide them in Excel (select the columns either side, right-click, Unhide) "
                    "and delete them, or give them a header of docs/formats.md"
                ).format(
                    file=clip_path(self.name),
                    line=number,
                    columns=", ".join(f"{letter} {cell_shown(text)}" for letter, text in unknown),
                )
            )
        # The CSV import's own header rules: a sheet and a CSV file accept the same columns.
        self._use(top_row(header, self.name, number, self.titles))
        self.header_line, self.second = number, True

    def _use(self, header: Header) -> None:
        self.header = self.notes.header = header
        self.helpers = helper_positions(header) if header.template else {}
        by_position = {position: column for column, position in header.positions.items()}
        by_position.update(dict.fromkeys(header.ignored, IGNORE))
        if header.month is not None:
            by_position[header.month] = MONTH  # read for a row's message only
        by_position.update((p, key) for column in header.series for key, p in column.readers())
        self.columns = [by_position.get(i) for i in range(header.width)]

    def finish(self) -> tuple[list[ImportRow], Problems]:
        if self.header is None and self.title is not None:
            self.cover = True
            self._header(*self.title)  # refuses it
        for number, text, merged in self.waiting:  # as Excel shows a merged cell: on each row
            assert self.header is not None
            for column, (top, given) in merged.items():
                if self.merges.top(self.header.positions[column], number) == top:
                    text[column] = given
            self._build(number, text)
        if self.waiting:  # the rows in the file's order again
            self.kept.rows.sort(key=itemgetter(0))
        if self.header is not None and self.header.refused is not None:
            raise self.header.refused  # a header row waiting for a second, and the sheet ends
        if self.header is None:
            self.cover = True  # no header row either
            message = _("{file}: the sheet is empty; expected a header row target,period,value")
            raise InputError(message.format(file=clip_path(self.name)))
        # A header cell merged over columns, a value Excel does not show under a merge
        refusal = merge_refusal(self.name, self.merges, self.filled, self.header_line, self.strays)
        if refusal is not None:
            raise InputError(refusal)
        return self.dates.kept(self.kept.rows, self.problems), self.problems  # 2022-01-06?


# Columns read as text (a number typed in them is its text); value and amount keep numbers.
_TEXT_COLUMNS = frozenset({"target", "period", "note", "source", "year", "单位"})
_FIGURES = frozenset({"value", "amount", TOTAL, "fall"})  # fall_columns.FALL: 比上年下降
_WAITING = 10_000  # rows kept for the merges at most (a bulletin has a few merged names)
# The text cells a sheet merges down over a block of rows: a target's name over its months, a
# period over its targets, a note (备注 快报数) or a source written once for the rows it spans.
_MERGED_DOWN = ("target", "period", "note", "source")
