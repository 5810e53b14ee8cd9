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
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from typing import IO, Any

from plancli.bulletin import (
    BLANK,
    FRACTION_START,
    MONTH,
    NO_DATA,
    TITLE_ROWS,
    Header,
    ReadNotes,
    build_row,
    is_title,
    json_no_data,
    maybe_fraction,
    plain_number,
    read_header,
    refuse_missing,
    unmarked,
)
from plancli.bulletin_layout import second_header
from plancli.bulletin_periods import file_year, kept_period
from plancli.errors import InputError, decode_reason
from plancli.figure_slips import maybe_index
from plancli.i18n import N_, _
from plancli.imports import (
    COLUMNS,
    OPTIONAL,
    REQUIRED,
    ImportLimits,
    ImportRow,
    Problems,
)
from plancli.json_decode import DECODER, Duplicated, NumberTooLarge, json_error
from plancli.ledger import Entry
from plancli.safe import NAME_CHARS, clip

_INDEX_FIRST = frozenset("189")  # how `maybe_index`'s figures begin (asked of every row)

_CHUNK = 1024 * 1024
_SHARED = 100_000  # distinct figure texts a reader shares between rows
_CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
_JSON_SPACE = " \t\n\r"
_SPACE = re.compile(r"[ \t\n\r]*")


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
            raise InputError(
                _(
                    '{file}: UTF-16 text (Excel\'s "Unicode Text"); save the sheet as "CSV UTF-8 '
                    '(Comma delimited)", or import the .xlsx workbook itself'
                ).format(file=self._name)
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
                    file=self._name, line=line, reason=decode_reason(exc), offset=f"{where:,}"
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
            try:
                text = gb.decode(data, final)
            except UnicodeDecodeError:
                raise exc from None
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
            ).format(file=self._name, line=line, limit=f"{self._limits.line_chars:,}")
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
            _("{file}: the file is empty; expected a CSV header or JSON").format(file=name)
        )
    if start == "[":
        found = _parse_json_list(reader, name, limits, notes)
    elif start == "{":
        found = _parse_json_lines(reader, name, limits, notes)
    else:
        found = _parse_csv(reader, name, limits, notes)
    notes.encoding = reader.encoding
    return found


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
                ).format(file=self._name, limit=f"{self.limit:,}")
            )

    def target(self, text: str) -> str:
        return self.targets.setdefault(text, text)

    def period(self, text: str) -> str:
        """The period as the row keeps it: a bulletin's with its own year (`2022年6月`) as
        plancli's (2022-06), mapped once per distinct text, so it costs a dict lookup a row."""
        found = self.periods.get(text)
        if found is None:
            found = self.periods[text] = kept_period(text, self.year)
        return found

    def add(self, row: int, entry: Entry) -> None:
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
                    file=name, reason=_csv_reason(exc, limits)
                )
            ) from None
        header = read_header(first or [], name, max(reader.line_num, 1), titles)
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
    new = tuple.__new__
    figures: dict[str, str] = {}
    amount_at, note_at, source_at = (None if i >= width else i for i in optional)
    limit = kept.limit
    last = kept.last_line
    joined = kept.joined
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
                )
                keep(new(ImportRow, (line, new(Entry, entry))))
                continue
        if not "".join(cells).strip():
            continue
        kept.counted()
        count = len(cells)
        if count > width:
            problems.add(line, _too_many(count, width))
            continue
        if unlabelled:
            stray = [i for i in unlabelled if i < count and cells[i].strip()]
            if stray:
                problems.add(line, _no_header([_column_number(i) for i in stray]))
                continue
        given = [cells[i].strip() if i < count else "" for i in (target, period, value)]
        amount, note, source = ((cells[i].strip() or None) if i < count else None for i in optional)
        given[2], amount, marked = unmarked(given[2], amount)
        if not all(given):
            missing = [c for c, g in zip(REQUIRED, given, strict=True) if not g]
            # Skipped and counted: a row marked "no data" (—), a template's row left blank.
            blank = header.template and note is None and source is None
            if missing == ["value"] and amount is None and (marked or blank):
                notes.no_data_rows += marked
                notes.blank_rows += not marked
                continue
            filled = [c for c, cell in zip(OPTIONAL, (amount, note, source), strict=True) if cell]
            refuse_missing(problems, line, missing, given[0], notes, filled)  # 合计: read past
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


def _csv_bulletin_rows(reader: Any, header: Header, kept: _Rows, problems: Problems) -> None:
    """The rows of a file with Chinese columns (累计值, 年份) or Excel's empty column; the first
    may be a second header row (merged 当月/累计 over 绝对值/增长: `second_header`)."""
    width, columns, unlabelled = _layout(header)
    notes = kept.notes
    header_line, first = kept.last_line, True
    for cells in reader:
        line = kept.row_number(reader.line_num)
        if not "".join(cells).strip():
            continue
        if first:
            first, two = False, second_header(header, cells, kept._name, header_line, line)
            if two is not None:
                header = notes.header = two
                width, columns, unlabelled = _layout(header)
                continue
        kept.counted()
        count = len(cells)
        if count > width:
            problems.add(line, _too_many(count, width))
            continue
        stray = [i for i in unlabelled if i < count and cells[i].strip()]
        if stray:
            problems.add(line, _no_header([_column_number(i) for i in stray]))
            continue
        values = {c: (cells[i].strip() or None) if i < count else None for c, i in columns}
        built = build_row(header, values, line, notes)  # BLANK: skipped, counted
        if isinstance(built, Entry):
            kept.add(line, built)
        elif built != BLANK:
            problems.add(line, built)


def _layout(header: Header) -> tuple[int, list[tuple[str, int]], tuple[int, ...]]:
    """A bulletin header's width, columns read (by position; 本月 for a row's message), and
    empty header cells."""
    month = [] if header.month is None else [(MONTH, header.month)]
    columns = sorted([*header.positions.items(), *month], key=lambda item: item[1])
    return header.width, columns, header.unlabelled


def _column_number(position: int) -> str:
    from plancli.imports_xlsx import column_letter

    return column_letter(position)


def _no_header(columns: list[str]) -> str:
    return _("a value in column(s) {columns}, which have no header").format(
        columns=", ".join(columns[:10])
    )


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


def _shown(text: str, limit: int = NAME_CHARS) -> str:
    """`repr` of text from a file for a message, cut short: a cell may hold 32,767 characters."""
    return clip(text, limit, quote=True)


# ------------------------------------------------------------------------------ JSON


def _decode(text: str, pos: int) -> tuple[Any, int]:
    """raw_decode, with what json lets escape turned into JSONDecodeError."""
    try:
        return DECODER.raw_decode(text, pos)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, pos) from None
    except NumberTooLarge as exc:
        raise json.JSONDecodeError(
            f"the number {_shown(exc.text, 30)} is too large to read", text, pos
        ) from None


_TOO_LONG = "too long"


class _JsonList:
    """The text of a JSON list, read chunk by chunk; `buffer` holds the item being read."""

    def __init__(self, reader: TextReader, name: str, limits: ImportLimits) -> None:
        self._chunks = reader.chunks()
        self._name = name
        self._limits = limits
        self.buffer = ""
        self.eof = False
        self._line0 = 0  # line breaks in the text dropped from the front of the buffer

    def more(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def skip_space(self, pos: int) -> int:
        while True:
            match = _SPACE.match(self.buffer, pos)
            pos = match.end() if match else pos
            if pos < len(self.buffer) or self.eof or not self.more():
                return pos
            if pos > _CHUNK:  # a file of white space: keep the buffer small
                pos = self.drop_before(pos)

    def drop_before(self, pos: int) -> int:
        """Forget the text before `pos` (read already); the new position of `pos`."""
        self._line0 += self.buffer.count("\n", 0, pos)
        self.buffer = self.buffer[pos:]
        return 0

    def error(self, pos: int, message: str) -> InputError:
        return json_error(self._name, self.buffer, pos, self._line0, message)

    def line(self, pos: int) -> int:
        return self._line0 + self.buffer.count("\n", 0, pos) + 1

    def item(self, pos: int) -> tuple[Any, int]:
        """(item, end) of the JSON value at `pos`, reading more text until it is complete;
        or (JSONDecodeError, pos) when it is invalid, or longer than the limit (_TOO_LONG).

        A number may end at the buffer's end and go on in the next chunk, so a value is taken
        only with text after it (or at the end of the file); an error may be the text running
        out, so it is tried again with more text, up to the limit."""
        limit = self._limits.line_chars
        while True:
            try:
                item, end = _decode(self.buffer, pos)
            except json.JSONDecodeError as exc:
                if len(self.buffer) - pos <= limit and not self.eof and self.more():
                    continue
                running_out = exc.pos >= len(self.buffer) - 64 or exc.msg.startswith("Unterminated")
                if running_out and not self.eof:
                    return json.JSONDecodeError(_TOO_LONG, self.buffer, pos), pos
                return exc, pos
            if end < len(self.buffer) or self.eof or not self.more():
                if end - pos > limit:
                    return json.JSONDecodeError(_TOO_LONG, self.buffer, pos), pos
                return item, end


def _parse_json_list(
    reader: TextReader, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    """A JSON list, item by item: memory holds the item being read, not the list."""
    kept = _Rows(name, limits, notes)
    problems = Problems()
    text = _JsonList(reader, name, limits)
    pos = text.skip_space(text.skip_space(0) + 1)  # past the [ that parse_text saw
    position = 0
    if pos < len(text.buffer) and text.buffer[pos] == "]":
        pos = text.skip_space(pos + 1)
        if pos < len(text.buffer):
            raise text.error(pos, "Extra data")
        return kept.rows, problems
    while True:
        if pos >= len(text.buffer):
            raise text.error(pos, "Expecting value")
        position += 1
        item, end = text.item(pos)
        if isinstance(item, json.JSONDecodeError):
            if item.msg == _TOO_LONG:
                raise InputError(
                    _(
                        "{file}:{line}: item {n} of the list is longer than {limit} characters"
                    ).format(
                        file=name,
                        line=text.line(pos),
                        n=f"{position:,}",
                        limit=f"{limits.line_chars:,}",
                    )
                )
            raise text.error(item.pos, item.msg)
        _add_json_row(item, position, kept, problems, limits)
        pos = text.skip_space(end)
        if pos >= len(text.buffer):
            raise text.error(pos, "the list is not closed with ]")
        if text.buffer[pos] == "]":
            pos = text.skip_space(pos + 1)
            if pos < len(text.buffer):
                raise text.error(pos, "Extra data")
            return kept.rows, problems
        if text.buffer[pos] != ",":
            raise text.error(pos, "Expecting ',' delimiter")
        pos = text.skip_space(pos + 1)
        if pos > _CHUNK:
            pos = text.drop_before(pos)


def _parse_json_lines(
    reader: TextReader, name: str, limits: ImportLimits, notes: ReadNotes
) -> tuple[list[ImportRow], Problems]:
    kept = _Rows(name, limits, notes)
    problems = Problems()
    for number, line in enumerate(reader.lines(), start=1):
        if not line.strip():
            continue
        start = len(line) - len(line.lstrip(_JSON_SPACE))
        try:
            item, end = _decode(line, start)
            rest = line[end:]
            if rest.strip(_JSON_SPACE):
                raise json.JSONDecodeError(
                    "Extra data", line, end + len(rest) - len(rest.lstrip(_JSON_SPACE))
                )
        except json.JSONDecodeError as exc:
            kept.counted()
            problems.add(
                number,
                _("invalid JSON: {reason} (column {column})").format(
                    reason=exc.msg, column=exc.colno
                ),
            )
            continue
        _add_json_row(item, number, kept, problems, limits)
    return kept.rows, problems


_NONE = type(None)
_JSON_TYPES: tuple[tuple[str, tuple[type, ...], str], ...] = (
    ("target", (str,), N_("text")),
    ("period", (str,), N_("text")),
    ("value", (str, int, Decimal), N_("a number")),
    ("amount", (str, int, Decimal, _NONE), N_("a number")),
    ("note", (str, _NONE), N_("text")),
    ("source", (str, _NONE), N_("text")),
)


def _add_json_row(
    item: Any, row: int, kept: _Rows, problems: Problems, limits: ImportLimits
) -> None:
    kept.counted()
    if not isinstance(item, dict):
        problems.add(row, _("expected an object with {keys}").format(keys=", ".join(REQUIRED)))
        return
    if isinstance(item, Duplicated):
        listed = ", ".join(_shown(k) for k in dict.fromkeys(item.twice))
        problems.add(
            row, _("key(s) {keys} given twice in one object; give each once").format(keys=listed)
        )
        return
    unknown = [key for key in item if key not in COLUMNS]
    if unknown:
        listed = ", ".join(_shown(k) for k in unknown[:10])
        problems.add(
            row,
            _("unknown key(s) {keys}; keys are {known}").format(
                keys=listed, known=", ".join(COLUMNS)
            ),
        )
        return
    if json_no_data(item, kept.notes):  # `"value": null`, a CSV's —: skipped and counted
        return
    missing = [key for key in REQUIRED if item.get(key) is None or item.get(key) == ""]
    if missing:
        refuse_missing(problems, row, missing, item.get("target"), kept.notes)  # 合计: read past
        return
    wrong = [
        _("{key} must be {kind}").format(key=key, kind=_(word))
        for key, allowed, word in _JSON_TYPES
        if key in item and (isinstance(item[key], bool) or not isinstance(item[key], allowed))
    ]
    if wrong:
        problems.add(row, "; ".join(wrong))
        return
    long = [
        key
        for key, value in item.items()
        if isinstance(value, str) and len(value) > limits.cell_chars
    ]
    if long:
        problems.add(
            row,
            _("{keys} longer than {limit} characters (the most a spreadsheet cell holds)").format(
                keys=", ".join(long), limit=f"{limits.cell_chars:,}"
            ),
        )
        return
    value, amount = item["value"], item.get("amount")
    if maybe_fraction(value):
        kept.notes.fractions.append(len(kept.rows))
    kept.rows.append(
        ImportRow(
            row,
            Entry(
                target=kept.target(item["target"]),
                period=kept.period(item["period"]),
                value=plain_number(value) if isinstance(value, str) else value,
                amount=plain_number(amount) if isinstance(amount, str) else amount,
                note=item.get("note"),
                source=item.get("source"),
            ),
        )
    )
