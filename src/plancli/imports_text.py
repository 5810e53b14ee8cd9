"""Reading CSV, JSON and JSON Lines imports as a stream (imports.py has the rules).

The file is decoded chunk by chunk — as UTF-8, or as GB18030 when the first chunk that is not
ASCII is not UTF-8 but is GB18030 — and split into lines the way the csv module does
(`\\n`, `\\r\\n` or `\\r`), so memory holds one chunk and the rows kept, never the file. Every
way a file can be unreadable is refused with one line naming the file and line:
- a byte that is neither (with the byte's offset);
- a line, JSON item or cell past `ImportLimits` (a quoted CSV cell left open runs into one);
- a quoted CSV cell never closed: without this, every following line would be read into it,
  and the file would import as one row;
- JSON nested too deeply, a number too large to read, a key given twice in one object.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import re
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import IO, Any

from plancli.bulletin import (
    BLANK,
    FRACTION_START,
    MONTH,
    NO_DATA,
    TITLE_ROWS,
    TOTAL,
    Header,
    is_title,
    maybe_fraction,
    plain_number,
    unmarked,
)
from plancli.bulletin_blanks import refuse_missing
from plancli.bulletin_layout import second_header, top_row
from plancli.bulletin_periods import file_year, kept_period
from plancli.bulletin_series import series_rows
from plancli.errors import InputError, decode_reason
from plancli.fall_columns import FALL
from plancli.figure_slips import maybe_index
from plancli.i18n import _
from plancli.imports import (
    OPTIONAL,
    REQUIRED,
    ImportLimits,
    ImportRow,
    Problems,
)
from plancli.ledger import Entry
from plancli.names_above import NamesAbove
from plancli.read_notes import ReadNotes
from plancli.safe import clip_path
from plancli.template_check import helper_positions, keep_cells
from plancli.xlsx_period_dates import text_header_spans

_INDEX_FIRST = frozenset("189")  # how `maybe_index`'s figures begin (asked of every row)

_CHUNK = 1024 * 1024
_SHARED = 100_000  # distinct figure texts a reader shares between rows
_CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
# GBK's user-defined areas, read as private-use characters: in text that GB18030 decodes, a
# sign of another encoding (Big5's 指標 reads as `\ue0b9?`), never of a bulletin's words.
_PRIVATE = re.compile("[\ue000-\uf8ff\ufffd]")


def _big5(data: bytes) -> bool:
    """Is this chunk Big5 text (a character split at its end aside)?"""
    try:
        codecs.getincrementaldecoder("big5")("strict").decode(data, False)
    except UnicodeDecodeError:
        return False
    return True


class TextReader:
    """The UTF-8 text of a binary stream, in chunks or in lines; the BOM Excel writes is
    dropped. A byte that is not UTF-8 is refused naming its line and offset."""

    def __init__(self, stream: IO[bytes], name: str, limits: ImportLimits) -> None:
        self._stream = stream
        self._name = name
        self._limits = limits
        # Chosen at the first chunk that is not ASCII (ASCII reads the same either way):
        # UTF-8 when that chunk is UTF-8, else GB18030 (the ANSI code page of a Chinese
        # Windows, which Excel's plain "CSV" writes) when it is that; else refused.
        self._decoder: codecs.IncrementalDecoder | None = None
        self.encoding = "UTF-8"
        self._offset = 0  # bytes read so far
        self._lines = 0  # line breaks decoded so far
        self._ended_with_cr = False
        self._started = False
        self._ahead: list[str] = []  # decoded by `first_char`, not yet given out

    def _decode(self) -> str | None:
        """The next chunk of text ("" while a character is split between chunks), or None."""
        data = self._stream.read(_CHUNK)
        final = not data
        if self._offset == 0 and data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's Unicode text
            if self._name.lower().endswith((".json", ".jsonl", ".ndjson")):  # not a sheet's
                raise InputError(
                    _("{file}: UTF-16 text; JSON is read as UTF-8: save it as UTF-8").format(
                        file=clip_path(self._name)
                    )
                )
            raise InputError(
                _(
                    '{file}: UTF-16 text (Excel\'s "Unicode Text"); save the sheet as "CSV UTF-8 '
                    '(Comma delimited)", or import the .xlsx workbook itself'
                ).format(file=clip_path(self._name))
            )
        try:
            if self._decoder is not None:
                text = self._decoder.decode(data, final)
            elif data.isascii():
                text = data.decode("ascii")
            else:
                text = self._choose(data, final)
        except UnicodeDecodeError as exc:
            carried = len(exc.object) - len(data)  # bytes of a character begun in the last chunk
            where = self._offset - carried + exc.start
            good = exc.object[: exc.start].decode(exc.encoding, "replace")
            line = self._lines + _line_breaks(good, self._ended_with_cr) + 1
            if self.encoding == "GB18030":
                message = _(
                    "{file}:{line}: not GB18030 text ({reason} at byte {offset}), though the "
                    'file began as GB18030; save it as UTF-8 (Excel: "CSV UTF-8")'
                )
            else:
                message = _(
                    "{file}:{line}: not UTF-8 text ({reason} at byte {offset}); save it as "
                    'UTF-8 (Excel: "CSV UTF-8")'
                )
            raise InputError(
                message.format(
                    file=clip_path(self._name),
                    line=line,
                    reason=decode_reason(exc),
                    offset=f"{where:,}",
                )
            ) from None
        self._offset += len(data)
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if text:
            self._lines += _line_breaks(text, self._ended_with_cr)
            self._ended_with_cr = text.endswith("\r")
        if final and not text:
            return None
        return text

    def _choose(self, data: bytes, final: bool) -> str:
        """The first chunk that is not ASCII decides the encoding: UTF-8 when it is UTF-8
        (a few Chinese characters in GBK are never valid UTF-8 by chance: GBK's lead bytes
        0x81-0xFE are followed by a trail byte that UTF-8 would need to be 0x80-0xBF, and
        Chinese text quickly breaks that), else GB18030 (a superset of GBK and GB2312)."""
        utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            text = utf8.decode(data, final)
        except UnicodeDecodeError as exc:
            # Chinese read as UTF-8 before the bad byte: a UTF-8 file with a damaged byte, not
            # GBK (whose bytes, read as UTF-8, never make a run of Chinese characters).
            if _CJK.search(data[: exc.start].decode("utf-8", "ignore")):
                raise
            gb = codecs.getincrementaldecoder("gb18030")("strict")
            # A UTF-8 BOM before GB18030 text (a tool that marks every file it saves): the
            # mark dropped, not read as GB18030's 锘 before the header (`锘縯arget`)
            marked = not self._started and data.startswith(b"\xef\xbb\xbf")
            try:
                text = gb.decode(data[3:] if marked else data, final)
            except UnicodeDecodeError:
                raise exc from None
            if _PRIVATE.search(text) and _big5(data):
                raise InputError(
                    _(
                        "{file}: not UTF-8 and not GB18030 text: Big5 (Traditional Chinese)? "
                        'Save it as "CSV UTF-8 (Comma delimited)", or convert it: iconv -f BIG5 '
                        "-t UTF-8"
                    ).format(file=clip_path(self._name))
                ) from None
            self._decoder, self.encoding = gb, "GB18030"
            return text
        self._decoder = utf8
        if not self._started and text.startswith("\ufeff"):
            self.encoding = "UTF-8 with BOM"
        return text

    def first_char(self) -> str:
        """The first character that is not white space ("" for an empty file)."""
        while True:
            for seen in self._ahead:
                stripped = seen.lstrip()
                if stripped:
                    return stripped[0]
            chunk = self._decode()
            if chunk is None:
                return ""
            self._ahead.append(chunk)
            if chunk.strip():
                continue
            if sum(map(len, self._ahead)) > self._limits.line_chars:
                return "?"  # a megabyte of white space: not JSON; the CSV reader will say why

    def chunks(self) -> Iterator[str]:
        while self._ahead:
            yield self._ahead.pop(0)
        while (chunk := self._decode()) is not None:
            if chunk:
                yield chunk

    def lines(self) -> Iterator[str]:
        """Lines with their ends, split at \\n, \\r\\n and \\r like csv's universal newlines;
        a line longer than the limit is refused. A chunk is split with one regular
        expression call (a Python loop per line cost a tenth of an import's time), and its
        lines are given by `chain` (C): a generator resumed for each of a million lines cost
        the CSV reader a second."""
        return chain.from_iterable(self._line_lists())

    def _line_lists(self) -> Iterator[list[str]]:
        """The lines of each chunk (`lines`), a list at a time."""
        limit = self._limits.line_chars
        number = 0
        pending = ""
        for chunk in self.chunks():
            text = pending + chunk if pending else chunk
            # A \r at the end may be the first half of \r\n: it waits for the next chunk.
            end = len(text) - 1 if text.endswith("\r") else len(text)
            # Up to the last line end only: a match attempt with no line end ahead would scan
            # to the end of the text from every position (a megabyte of NULs took minutes).
            end = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
            lines = _split_lines(text, end) if end else []
            if lines:
                if max(map(len, lines)) > limit:
                    long = next(i for i, line in enumerate(lines) if len(line) > limit)
                    raise self.line_too_long(number + long + 1)
                number += len(lines)
                yield lines
                pending = text[sum(map(len, lines)) :]
            else:
                pending = text
            if len(pending) > limit:
                raise self.line_too_long(number + 1)
        if pending:
            yield [pending]

    def line_too_long(self, line: int) -> InputError:
        return InputError(
            _(
                "{file}:{line}: a line longer than {limit} characters; a row of an import is "
                "far shorter (is this the right file?)"
            ).format(file=clip_path(self._name), line=line, limit=f"{self._limits.line_chars:,}")
        )


# What str.splitlines breaks a line at besides \n, \r\n and \r (csv's universal newlines).
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _split_lines(text: str, end: int) -> list[str]:
    """The lines of `text[:end]` (which ends at a line end) with their ends, split at \\n,
    \\r\\n and \\r: by str.splitlines where no other character it splits at is there (the
    regular expression's count of each line's characters was 2 % of an import), else `_LINE`."""
    head = text[:end]
    if any(other in head for other in _OTHER_BREAKS):
        return _LINE.findall(head)
    return head.splitlines(keepends=True)


def _line_breaks(text: str, after_cr: bool) -> int:
    count = text.count("\n") + text.count("\r") - text.count("\r\n")
    return count - 1 if after_cr and text.startswith("\n") else count


def parse_text(
    stream: IO[bytes], name: str, limits: ImportLimits, notes: ReadNotes | None = None
) -> tuple[list[ImportRow], Problems]:
    """Rows of a CSV, JSON or JSON Lines file read from `stream`; InputError for a file that
    cannot be read at all (neither UTF-8 nor GB18030, bad header, not JSON, a limit passed).
    `notes` receives the encoding read, the template rows left blank and the distinct
    targets and periods (`bulletin.resolve_rows` maps them)."""
    notes = notes if notes is not None else ReadNotes()
    reader = TextReader(stream, name, limits)
    start = reader.first_char()
    if not start:
        raise InputError(
            _("{file}: the file is empty; expected a CSV header or JSON").format(
                file=clip_path(name)
            )
        )
    try:
        if start in "[{":
            from plancli.imports_json import parse_json

            return parse_json(reader, start, name, limits, notes)
        return _parse_csv(reader, name, limits, notes)
    finally:  # a refused file too: its refusal says how it was read (a GBK header's garble)
        notes.encoding = reader.encoding


class _Rows:
    """The rows kept, with target and period strings shared between rows (a 1.2 million row
    import names a few thousand targets and a dozen periods; `targets` and `periods` are
    mapped once each by `bulletin.resolve_rows`), and the row limit."""

    def __init__(self, name: str, limits: ImportLimits, notes: ReadNotes | None = None) -> None:
        self.rows: list[ImportRow] = []
        self._name = name
        self.limit = limits.rows
        self.targets: dict[str, str] = {}
        self.periods: dict[str, str] = {}
        self.notes = notes if notes is not None else ReadNotes()
        self.notes.targets = self.targets
        self.notes.periods = self.periods
        self.year = file_year(name)  # a period without a year takes it, when the name gives one
        self.count = 0
        self.last_line = 0  # CSV: the line the last row read ended on
        # CSV: the lines past a row's first that cells with line breaks (Excel's Alt+Enter in a
        # 备注) took so far; a row is numbered as Excel shows it, one number a row.
        self.joined = 0
        self.unknown = 0  # rows naming no target of the plan (`ReadNotes.no_target`)
        self.verdicts: dict[str, bool] = {}  # text → names no target (known: all; unknown: 10,000)

    def row_number(self, end: int) -> int:
        """The row, as Excel numbers it, of the CSV row that ended on line `end`."""
        if end != self.last_line + 1:  # the row took more lines than one
            self.joined += end - self.last_line - 1
        self.last_line = end
        return end - self.joined

    def counted(self) -> None:
        """One more row that holds something; refused past the limit."""
        self.count += 1
        if self.count > self.limit:
            raise InputError(
                _(
                    "{file}: more than {limit} rows, the most plancli imports at once; split "
                    "the file"
                ).format(file=clip_path(self._name), limit=f"{self.limit:,}")
            )

    def target(self, text: str) -> str:
        return self.targets.setdefault(text, text)

    def _names_no_target(self, text: str) -> bool:
        found = self.verdicts.get(text)
        if found is None:
            assert self.notes.no_target is not None
            found = self.notes.no_target(text)
            # A text naming a target is one of the plan's (ids, names, aliases): kept, however
            # many; a hostile file names a million others, of which 10,000 are kept
            if not found or len(self.verdicts) < 10_000:
                self.verdicts[text] = found
        return found

    def period(self, text: str) -> str:
        """The period as the row keeps it: a bulletin's with its own year (`2022年6月`) as
        plancli's (2022-06), mapped once per distinct text, so it costs a dict lookup a row."""
        found = self.periods.get(text)
        if found is None:
            found = self.periods[text] = kept_period(text, self.year)
        return found

    def drop(self, text: str) -> bool:
        """Whether a row naming `text` is left out: it names no target of the plan and is
        past the first `Problems.KEEP` such rows — a bad row, counted, never kept."""
        if self.notes.no_target is None or not self._names_no_target(text):
            return False
        self.unknown += 1
        if self.unknown <= Problems.KEEP:
            return False
        self.notes.dropped += 1
        return True

    def add(self, row: int, entry: Entry) -> None:
        if self.drop(entry.target):
            return
        if maybe_fraction(entry.value):
            self.notes.fractions.append(len(self.rows))
        self.rows.append(
            ImportRow(
                row,
                Entry(
                    self.target(entry.target),
                    self.period(entry.period),
                    entry.value,
                    entry.amount,
                    entry.note,
                    entry.source,
                ),
            )
        )


# ------------------------------------------------------------------------------- CSV


@contextlib.contextmanager
def _field_limit(chars: int) -> Iterator[None]:
    previous = csv.field_size_limit(chars)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _parse_csv(
    text: TextReader, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    # strict: a quote that is never closed is an error at the end of the file instead of a
    # cell that swallows every line after it; so is a stray quote after a quoted cell.
    reader = csv.reader(text.lines(), strict=True)
    with _field_limit(limits.cell_chars):
        try:
            row = first = next(reader, None)
            titles: list[str] = []  # the period of a table without a period column
            while row is not None and is_title(row) and reader.line_num < TITLE_ROWS:
                titles.extend(cell for cell in row if cell.strip())
                first, row = row, next(reader, None)  # a title or a 单位 line above the header
            first = row if row is not None else first  # a file of titles: the last is refused
        except csv.Error as exc:
            raise InputError(
                _("{file}:1: invalid CSV: {reason}").format(
                    file=clip_path(name), reason=_csv_reason(exc, limits)
                )
            ) from None
        # a date Excel wrote for a typed `1-6` (2026/1/6) read as the range, as in a sheet
        header = top_row(text_header_spans(first or []), name, max(reader.line_num, 1), titles)
        notes.header = header
        kept = _Rows(name, limits, notes)
        problems = Problems()
        # A header as wide as the row Excel writes with a trailing empty column: its cells are
        # read (and must be empty), and rows as wide as the header are fine.
        kept.last_line = reader.line_num  # the row before the one being read
        try:
            if header.plain:
                _csv_rows(reader, header, kept, problems)
            else:
                _csv_bulletin_rows(reader, header, kept, problems)
        except csv.Error as exc:
            # The rest of the file cannot be told apart from the broken cell: stop here.
            starts = kept.last_line + 1
            problems.add(starts - kept.joined, _csv_error(exc, starts, reader.line_num, limits))
    return kept.rows, problems


def _csv_rows(reader: Any, header: Header, kept: _Rows, problems: Problems) -> None:
    """The rows of a file in plancli's own columns: the loop runs a million times, so cells
    are read by position, not through a dict per row."""
    width = header.width
    where = header.positions
    target, period, value = where["target"], where["period"], where["value"]
    optional = [where.get(column, width) for column in OPTIONAL]  # width: "no such cell"
    # Bound methods of dicts (C), not of _Rows: a Python call a row costs ~0.1 s a million.
    share_target, known_period, new_period = kept.targets.setdefault, kept.periods.get, kept.period
    rows = kept.rows
    keep = rows.append
    notes = kept.notes
    fractions = notes.fractions
    unlabelled = header.unlabelled
    # The common row, as wide as the header with target, period and value given, is read
    # by the first branch; any other row (blank, short, too wide, a value missing, a cell
    # under an empty header) by the general one below it, which says what is wrong.
    quick = not unlabelled
    # A template's rows keep their helper cells (template_check: changed where they should not be?)
    helpers = helper_positions(header) if header.template else None
    new = tuple.__new__
    figures: dict[str, str] = {}
    amount_at, note_at, source_at = (None if i >= width else i for i in optional)
    limit = kept.limit
    last = kept.last_line
    joined = kept.joined
    names = NamesAbove(kept.year)
    checking, verdicts, drop = notes.no_target is not None, kept.verdicts, kept.drop
    for cells in reader:
        end = reader.line_num  # kept.row_number, inline: the loop runs a million times
        if end != last + 1:
            joined = kept.joined = joined + end - last - 1
        last = kept.last_line = end
        line = end - joined
        if quick and len(cells) == width:
            given_target = cells[target].strip()
            given_period = cells[period].strip()
            figure = cells[value].strip()
            if given_target and given_period and figure and figure not in NO_DATA:
                kept.count += 1
                if kept.count > limit:
                    kept.counted()  # refuses
                if checking and verdicts.get(given_target) is not False and drop(given_target):
                    continue  # names no target, past the first 1,000 such rows: counted
                amount = None if amount_at is None else cells[amount_at].strip() or None
                if amount in NO_DATA:  # a bulletin's "no data" mark (—): no amount
                    amount = None
                note = None if note_at is None else cells[note_at].strip() or None
                source = None if source_at is None else cells[source_at].strip() or None
                if not figure.isascii() or "," in figure:
                    figure = plain_number(figure)
                if amount is not None and (not amount.isascii() or "," in amount):
                    amount = plain_number(amount)
                if figure.startswith(FRACTION_START) or (
                    figure[:1] in _INDEX_FIRST and maybe_index(figure)
                ):
                    fractions.append(len(rows))  # 0.992 or 100.8: see below
                # One text for each distinct figure (a bulletin's million figures have
                # some ten thousand): the rows kept hold it, not a copy of their own.
                shared = figures.get(figure)
                if shared is not None:
                    figure = shared
                elif len(figures) < _SHARED:
                    figures[figure] = figure
                if amount is not None:
                    shared = figures.get(amount)
                    if shared is not None:
                        amount = shared
                    elif len(figures) < _SHARED:
                        figures[amount] = amount
                # ImportRow(line, Entry(…)), made without the named tuples' Python __new__
                entry = (
                    share_target(given_target, given_target),
                    known_period(given_period) or new_period(given_period),
                    figure,
                    amount,
                    note,
                    source,
                    False,
                    None,
                )
                keep(new(ImportRow, (line, new(Entry, entry))))
                if helpers is not None:
                    _keep_cells(notes, helpers, line, cells, False)
                continue
        if not "".join(cells).strip():
            continue
        kept.counted()
        count = len(cells)
        named = cells[target] if target < count else None  # the row's target, as written
        if count > width:
            problems.add(line, _too_many(count, width), given=named)
            continue
        if unlabelled:
            stray = [i for i in unlabelled if i < count and cells[i].strip()]
            if stray:
                problems.add(line, _no_header(stray, unlabelled), given=named)
                continue
        given = [cells[i].strip() if i < count else "" for i in (target, period, value)]
        amount, note, source = ((cells[i].strip() or None) if i < count else None for i in optional)
        given[2], amount, marked = unmarked(given[2], amount)
        if not given[0] and given[1] and given[2]:  # a name written once over its months?
            given[0] = names.name(rows, line, given[1]) or ""
            if not given[0]:
                problems.add(line, names.refusal(rows, line))
                continue
        if not all(given):
            missing = [c for c, g in zip(REQUIRED, given, strict=True) if not g]
            # Skipped and counted: a row marked "no data" (—), a template's row left blank.
            blank = header.template and note is None and source is None
            if missing == ["value"] and amount is None and (marked or blank):
                notes.no_data_rows += marked
                notes.blank_rows += not marked
                if helpers is not None and not marked:
                    _keep_cells(notes, helpers, line, cells, True)
                continue
            filled = [c for c, cell in zip(OPTIONAL, (amount, note, source), strict=True) if cell]
            refuse_missing(problems, line, missing, given[0], notes, filled)  # 合计: read past
            continue
        if checking and drop(given[0]):
            continue
        figure = given[2]
        if not figure.isascii() or "," in figure:
            figure = plain_number(figure)
        if amount is not None and (not amount.isascii() or "," in amount):
            amount = plain_number(amount)
        if figure.startswith(FRACTION_START):  # 0.992 for 99.2 %? (bulletin.resolve_rows)
            fractions.append(len(rows))
        keep(
            ImportRow(
                line,
                Entry(
                    share_target(given[0], given[0]),
                    known_period(given[1]) or new_period(given[1]),
                    figure,
                    amount,
                    note,
                    source,
                ),
            )
        )
        if helpers is not None:
            _keep_cells(notes, helpers, line, cells, False)


def _keep_cells(
    notes: ReadNotes, helpers: dict[int, str], line: int, cells: list[str], blank: bool
) -> None:
    where = notes.header.positions if notes.header is not None else {}
    target, period = (cells[where[c]] if where[c] < len(cells) else None for c in REQUIRED[:2])

    def cell(i: int) -> str | None:
        return cells[i] if i < len(cells) else None

    keep_cells(notes, helpers, line, target, period, cell, blank)


def _csv_bulletin_rows(reader: Any, header: Header, kept: _Rows, problems: Problems) -> None:
    """The rows of a file with Chinese columns (累计值, 年份) or Excel's empty column; the first
    may be a second header row (merged 当月/累计 over 绝对值/增长: `second_header`)."""
    width, columns, unlabelled = _layout(header)
    notes = kept.notes
    header_line, first = kept.last_line, True
    names = NamesAbove(kept.year)
    for cells in reader:
        line = kept.row_number(reader.line_num)
        if not "".join(cells).strip():
            continue
        if first:
            first, two = False, second_header(header, cells, kept._name, header_line, line)
            if two is not None:
                header = notes.header = two
                width, columns, unlabelled = _layout(header)
                if not two.data_row:  # (a one-row header naming its period: this row is data)
                    continue
        kept.counted()
        count = len(cells)
        named = next((cells[i] for c, i in columns if c == "target" and i < count), None)
        if count > width:
            problems.add(line, _too_many(count, width), given=named)
            continue
        stray = [i for i in unlabelled if i < count and cells[i].strip()]
        if stray:
            problems.add(line, _no_header(stray, unlabelled), given=named)
            continue
        values = {c: (cells[i].strip() or None) if i < count else None for c, i in columns}
        if values.get("target") is None and any(
            values.get(c) for c in ("value", TOTAL, "amount", FALL)
        ):
            name = names.name(kept.rows, line, values.get("period"))  # written once above?
            if name is None:
                problems.add(line, names.refusal(kept.rows, line))
                continue
            values["target"] = name
        for built in series_rows(header, values, line, notes):  # BLANK: skipped, counted
            if isinstance(built, Entry):
                kept.add(line, built)
            elif built != BLANK:
                problems.add(line, built, given=values.get("target"))
    if header.refused is not None:  # a header row waiting for a second, and the file ends
        raise header.refused


def _layout(header: Header) -> tuple[int, list[tuple[str, int]], tuple[int, ...]]:
    """A bulletin header's width, columns read (by position; 本月 for a row's message), and
    empty header cells."""
    month = [] if header.month is None else [(MONTH, header.month)]
    series = [key for column in header.series for key in column.readers()]  # 1-2月…1-6月
    columns = sorted([*header.positions.items(), *month, *series], key=lambda item: item[1])
    return header.width, columns, header.unlabelled


def _column_number(position: int) -> str:
    from plancli.xlsx_merges import column_letter

    return column_letter(position)


def _no_header(columns: list[int], unlabelled: Sequence[int]) -> str:
    """Values under empty header cells; when the first such cell follows a header, it may be
    that header merged over two columns in the sheet the file was saved from (a CSV keeps
    the text in the first cell only): said, as a question, for the user to check."""
    message = _("a value in column(s) {columns}, which have no header").format(
        columns=", ".join(_column_number(i) for i in columns[:10])
    )
    left = columns[0] - 1
    if left >= 0 and left not in unlabelled:
        message += _(
            " (its header cell is empty: was it merged with column {left}'s in the sheet this "
            "file was saved from? Unmerge it there and give each column its own header)"
        ).format(left=_column_number(left))
    return message


def _too_many(count: int, width: int) -> str:
    return _("{count} cells, but the header has {width} columns").format(count=count, width=width)


def _csv_reason(exc: csv.Error, limits: ImportLimits) -> str:
    reason = str(exc)
    if reason.startswith("field larger than field limit"):
        return _("a cell longer than {limit} characters").format(limit=f"{limits.cell_chars:,}")
    return reason


def _csv_error(exc: csv.Error, starts: int, ends: int, limits: ImportLimits) -> str:
    reason = str(exc)
    if reason == "unexpected end of data":
        return _(
            'a quoted cell opens on this row and is never closed: its closing " is missing, '
            "so every line after it would be read into that cell; close it, and double any "
            'quote inside a cell ("")'
        )
    if reason.startswith("field larger than field limit"):
        return _(
            "a cell longer than {limit} characters from this row on; is a quoted cell never "
            'closed (a missing ")?'
        ).format(limit=f"{limits.cell_chars:,}")
    if ends > starts:
        return _(
            "invalid CSV in the row from line {starts} to line {ends}: {reason}; a quoted "
            'cell that opens on line {starts} may be missing its closing "'
        ).format(starts=starts, ends=ends, reason=reason)
    return _("invalid CSV: {reason}").format(reason=reason)
