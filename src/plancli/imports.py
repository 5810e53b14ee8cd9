"""`plancli import FILE`: figures from CSV, JSON, JSON Lines or an .xlsx sheet, all or nothing.

Formats (detected from the content, so `-` for stdin needs no flag):
- CSV with a header row `target,period,value[,amount,note,source]` (any order, any case, or
  the Chinese headers of bulletin.py), UTF-8 with or without the BOM Excel writes or GB18030
  (Excel's plain CSV on a Chinese Windows); empty optional cells mean "none";
- JSON: a list of objects with the same keys; values may be numbers or strings;
- JSON Lines: one such object per line;
- an Excel workbook (imports_xlsx.py).

Every row is checked before anything is written, and every bad row is reported as
`FILE:ROW: reason` (ROW: the CSV line, counting the header as line 1; the JSON list position
from 1; the JSON Lines line). A file that gives the same position twice — the same target for
the same period, or for two periods ending the same month (2022-06 and 2022-Q2) — is rejected
naming both rows: a script that writes a figure twice has a bug, and guessing which one it
meant would hide it. A row equal to the figure in force is a no-op, so re-importing a file
changes nothing. One import is one batch, which `plancli undo` reverts as a whole.

Files come from other people, so they are read as hostile (docs/security-input.md): the size is
checked before reading (`ImportLimits`), rows are read as a stream (memory holds the compact
rows kept for the all-or-nothing check, not the file), and a file that breaks a limit, or that
cannot be read as its format, is refused with one line naming the file and row or cell.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.import_problems import _twice, first_change_row, given_text, named_problem, naming_rows
from plancli.ledger import Change, Entry, Figures, change_warnings, check_entry, with_warnings
from plancli.ledger_values import new_batch_id, utc_now
from plancli.model import Record
from plancli.periods import Period, parse_period
from plancli.plain import AnyPlan
from plancli.safe import clip_path
from plancli.stores.base import LedgerStore
from plancli.superseded import kept_rows

if TYPE_CHECKING:
    from plancli.read_notes import ReadNotes

REQUIRED = ("target", "period", "value")
OPTIONAL = ("amount", "note", "source")
COLUMNS = REQUIRED + OPTIONAL
# Read-only columns of the sheets `plancli template` writes, there for the person filling them
# in (which target, its unit, its last figure); CSV and xlsx imports accept and ignore them.
HELPER_COLUMNS = ("name", "unit", "last_value", "last_period")
MAX_SHOWN_PROBLEMS = 20

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """What one import file may hold (docs/security-input.md). Past a limit the file is
    refused with one line: before reading, where the size is known in advance (a file's size,
    the uncompressed sizes a workbook's zip directory declares), else as soon as it is passed.

    The defaults admit an import of 2 million rows (a year of 100,000 targets is 1.2 million)
    and cells as long as Excel allows; tests lower them to try the refusals at small scale."""

    file_bytes: int = 512 * MiB
    """The file as given: CSV or JSON text, or the .xlsx (zip) file."""
    rows: int = 2_000_000
    """Rows that hold something (blank lines and empty sheet rows are not counted)."""
    cell_chars: int = 32_767
    """One cell or JSON string: Excel's own limit for a cell."""
    line_chars: int = 1 * MiB
    """One CSV line, JSON Lines line or JSON list item."""
    workbook_bytes: int = 2048 * MiB
    """Every part of an .xlsx, uncompressed, together (as its zip directory declares)."""
    sheet_bytes: int = 1024 * MiB
    """The sheet's XML, uncompressed; read as a stream."""
    shared_strings_bytes: int = 256 * MiB
    """The workbook's shared strings, uncompressed: the one part held in memory."""
    part_bytes: int = 16 * MiB
    """Any other part read (workbook, relationships, styles), uncompressed."""
    workbook_parts: int = 10_000
    """Files inside the .xlsx zip archive."""


LIMITS = ImportLimits()


class ImportRow(NamedTuple):  # a named tuple: a million are made, cheaper than a dataclass
    row: int  # CSV line (header = 1), JSON list position (from 1), JSON Lines line, sheet row
    entry: Entry


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    row: int
    message: str
    target: str = ""  # the plan's id of the target the row names (import_problems.py)
    # The row's target cell as written, for a problem found before the plan is read (a JSON
    # key unknown, a cell with no header): `bulletin.resolve_rows` makes it `target`
    given: str = ""


@dataclass(slots=True)
class Problems:
    """The bad rows of an import, in the order they are found. The first KEEP are kept (more
    than any message shows) and the rest only counted, so a file of two million bad rows does
    not hold two million messages."""

    KEEP = 1000
    kept: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, row: int, message: str, target: str = "", given: object = None) -> None:
        """`given`: the row's target cell as written, when the plan's id is not known yet."""
        if self.kept and (self.kept[-1].row, self.kept[-1].message) == (row, message):
            return  # a series' row (1-2月…1-6月): said once, not for each period
        if len(self.kept) < self.KEEP:
            self.kept.append(Problem(row, message, target, given_text(given)))
        else:
            self.more += 1

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.KEEP

    def __len__(self) -> int:
        return len(self.kept) + self.more

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)

    @classmethod
    def of(cls, problems: Problems | Iterable[Problem]) -> Problems:
        if isinstance(problems, Problems):
            return problems
        found = cls()
        for problem in problems:
            found.add(problem.row, problem.message, problem.target, problem.given)
        return found


class ImportRejected(InputError):
    """Some rows are bad: all of them are counted, the first listed, and nothing was written."""

    def __init__(self, name: str, problems: Sequence[Problem], more: int = 0) -> None:
        self.name = name
        self.problems = sorted(problems)
        self.more = more  # bad rows beyond those in `problems`, counted only
        super().__init__(self._message())

    def _message(self) -> str:
        count, shown = len(self.problems) + self.more, clip_path(self.name)
        rows = len({p.row for p in self.problems}) + self.more
        said = ngettext(
            "{file}: {n} bad row; nothing was imported",
            "{file}: {n} bad rows; nothing was imported",
            rows,
        ).format(file=clip_path(self.name), n=f"{rows:,}")
        listed = self.problems[:MAX_SHOWN_PROBLEMS]  # `june.csv:3：…` in Chinese
        lines = [said, *(named_problem(f"{shown}:{p.row}", p) for p in listed)]
        if count > MAX_SHOWN_PROBLEMS:
            lines.append(_("… and {n} more").format(n=f"{count - MAX_SHOWN_PROBLEMS:,}"))
        return "\n".join(lines)


# ---------------------------------------------------------------------------- reading

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) format
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# A workbook from stdin is copied aside to be read (a zip archive is read from its end): in
# memory up to this size, in a temporary file beyond.
_SPOOL_BYTES = 16 * MiB


class LimitedReader(io.RawIOBase):
    """A binary stream giving at most `limit` bytes, checked as it is read (a pipe or a device
    has no size to check in advance); bytes read to look at the file's start can be pushed back."""

    def __init__(self, stream: IO[bytes], name: str, limit: int) -> None:
        super().__init__()
        self._stream = stream
        self._name = name
        self._limit = limit
        self._pushed = b""
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._pushed:
            data, self._pushed = self._pushed[: len(buffer)], self._pushed[len(buffer) :]
        else:
            data = self._stream.read(len(buffer))
            self.consumed += len(data)
            if self.consumed > self._limit:
                raise too_large(self._name, self._limit)
        buffer[: len(data)] = data
        return len(data)

    def head(self, count: int) -> bytes:
        """The next `count` bytes (fewer at the end of the file), pushed back to be read again."""
        data = b""
        while len(data) < count:
            chunk = self._stream.read(count - len(data))
            if not chunk:
                break
            data += chunk
        self.consumed += len(data)
        self._pushed = data + self._pushed
        return data


def visible(text: str) -> str:
    """Text from a file as a message shows it: control characters as escapes (a sheet named
    ESC]52;… must not reach a terminal as a clipboard write), every other character as is."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def too_large(name: str, limit: int, what: str | None = None) -> InputError:
    return InputError(
        _(
            "{file}: {what} is larger than {size}, the most plancli imports at once; split it "
            "into smaller files"
        ).format(file=clip_path(name), what=what or _("the file"), size=_size(limit))
    )


def _size(count: int) -> str:
    return f"{count // MiB:,} MiB" if count >= MiB and count % MiB == 0 else f"{count:,} bytes"


def read_import(
    stream: IO[bytes],
    name: str,
    *,
    size: int | None = None,
    sheet: str | None = None,
    limits: ImportLimits | None = None,
    notes: ReadNotes | None = None,
) -> tuple[str, list[ImportRow], Problems]:
    """(name, rows, problems) of an import file read from `stream`; `name` becomes FILE:SHEET
    for a workbook. `size` is the file's size when it is known (a regular file), so a file
    over the limit is refused before a byte is read. `notes` (bulletin.py) receives the
    encoding read, the template rows left blank and what `bulletin.resolve_rows` maps.

    A file that cannot be read at all (not UTF-8, bad header, not JSON, a damaged workbook, a
    limit passed) raises InputError; rows that are bad are returned as problems.
    """
    limits = limits or LIMITS
    if size is not None and size > limits.file_bytes:
        raise too_large(name, limits.file_bytes)
    raw = LimitedReader(stream, name, limits.file_bytes)
    head = raw.head(len(OLE_MAGIC))
    limited = io.BufferedReader(raw, 1 * MiB)
    if head.startswith(OLE_MAGIC):
        raise InputError(
            _(
                "{file}: an old .xls workbook; save it as .xlsx (Excel Workbook) and import that"
            ).format(file=clip_path(name))
        )
    if head.startswith(ZIP_MAGIC) or name.lower().endswith(WORKBOOK_SUFFIXES):
        if not head.startswith(ZIP_MAGIC):
            from plancli.not_workbooks import not_a_workbook

            raise not_a_workbook(name, head)
        from plancli.imports_xlsx import parse_xlsx

        with _seekable(stream, limited, size) as workbook:
            return parse_xlsx(workbook, name, sheet, limits, notes)
    if sheet is not None:
        message = _("--sheet is for .xlsx workbooks; {file} is CSV or JSON")
        raise InputError(message.format(file=clip_path(name)))
    from plancli.imports_text import parse_text

    rows, problems = parse_text(limited, name, limits, notes)
    return name, rows, problems


class _seekable:
    """The workbook as a seekable file: the file itself when it is one, else a copy."""

    def __init__(self, stream: IO[bytes], limited: IO[bytes], size: int | None) -> None:
        self._stream = stream
        self._limited = limited
        self._size = size
        self._copy: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if self._size is not None and self._stream.seekable():
            self._stream.seek(0)
            return self._stream
        copy = cast(IO[bytes], tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES))
        shutil.copyfileobj(self._limited, copy, 1 * MiB)
        copy.seek(0)
        self._copy = copy
        return copy

    def __exit__(self, *exc: object) -> None:
        if self._copy is not None:
            self._copy.close()


def parse_import(
    data: bytes, name: str, limits: ImportLimits | None = None
) -> tuple[list[ImportRow], Problems]:
    """Rows of CSV, JSON or JSON Lines text in memory, and the problems of rows that cannot be
    read (`read_import` reads a file as a stream; this is for text already at hand)."""
    from plancli.imports_text import parse_text

    limits = limits or LIMITS
    if len(data) > limits.file_bytes:
        raise too_large(name, limits.file_bytes)
    return parse_text(io.BytesIO(data), name, limits)


# ------------------------------------------------------------------------ checking


@dataclass(frozen=True, slots=True)
class RowChange:
    row: int
    change: Change


@dataclass(frozen=True, slots=True)
class ImportResult:
    name: str
    batch: str
    rows: int
    changes: list[RowChange] = field(default_factory=list)  # new or superseding figures
    unchanged: list[RowChange] = field(default_factory=list)  # equal to the figure in force
    written: bool = False
    # An import written as a stream keeps no RowChange: only how many of each (in all and by
    # period: new, revised, unchanged), and the warnings (row, message) as `row_warnings` says.
    counts: tuple[int, int, int, int] | None = None  # new, revised, unchanged, kept out
    warnings: list[tuple[int, str]] | None = None
    kept: list[RowChange] = field(default_factory=list)  # not written (superseded.py)
    periods: dict[str, tuple[int, int, int]] | None = None
    kept_rows: frozenset[int] = frozenset()  # a stream's: the lines of its rows kept out

    @property
    def new(self) -> int:
        if self.counts is not None:
            return self.counts[0]
        return sum(1 for rc in self.changes if rc.change.previous is None)

    @property
    def revised(self) -> int:
        if self.counts is not None:
            return self.counts[1]
        return len(self.changes) - self.new

    @property
    def unchanged_count(self) -> int:
        return self.counts[2] if self.counts is not None else len(self.unchanged)

    @property
    def kept_count(self) -> int:
        return self.counts[3] if self.counts is not None else len(self.kept)

    def row_warnings(self) -> list[tuple[int, str]]:
        """(row, warning): rows changing the ledger, unchanged, kept out; each in file order."""
        if self.warnings is not None:
            return self.warnings
        return [
            (rc.row, warning)
            for rc in [*self.changes, *self.unchanged, *self.kept]
            for warning in rc.change.warnings
        ]


def check_import(
    plan: AnyPlan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Problems | Sequence[Problem],
    records: Sequence[Record],
    *,
    batch: str,
    recorded_at: datetime,
    pasted: Collection[int] = (),
) -> tuple[list[RowChange], list[RowChange], list[RowChange]]:
    """(changes, unchanged, kept out) of the rows; ImportRejected listing every bad row.
    `pasted`: the rows whose figure a % cell's warning explains (`ReadNotes.pasted`)."""
    current = Figures(records)
    found = Problems()
    # One figure per target and position: a period stands for the position at its end, so
    # 2022-06, 2022-Q2 and 2022-H1 are one position, and the file may give only one of them.
    first_row: dict[tuple[str, int, int], tuple[int, str]] = {}
    periods: dict[str, Period] = {}  # a file names a dozen periods in a million rows
    checked: list[RowChange] = []
    for row in rows:
        if found.full and plan.target(row.entry.target.strip()) is None:
            found.add(row.row, "unknown target")  # counted only: no message is shown for it
            continue
        try:
            change = check_entry(plan, row.entry, current, batch=batch, recorded_at=recorded_at)
        except InputError as exc:
            found.add(row.row, str(exc), getattr(plan.target(row.entry.target.strip()), "id", ""))
            continue
        record = change.record
        period = periods.get(record.period) or periods.setdefault(
            record.period, parse_period(record.period)
        )
        key = (record.target, period.year, period.end_month)
        if key in first_row:
            earlier_row, earlier_period = first_row[key]
            found.add(row.row, _twice(record, period, earlier_row, earlier_period))
            continue
        first_row[key] = (row.row, record.period)
        checked.append(RowChange(row.row, change))
    if found or problems:
        parsed = Problems.of(problems)
        raise ImportRejected(name, [*parsed.kept, *found.kept], parsed.more + found.more)
    held = kept_rows(plan, [(rc.row, rc.change) for rc in checked], records, batch)
    kept = [
        RowChange(rc.row, with_warnings(rc.change, [held[rc.row]]))
        for rc in checked
        if rc.row in held
    ]
    checked = [rc for rc in checked if rc.row not in held] if held else checked
    # Warnings look at the ledger as it will be, so a file giving May and June is judged whole.
    merged = current.with_records(rc.change.record for rc in checked)
    changes: list[RowChange] = []
    unchanged: list[RowChange] = []
    said: set[str] = set()  # a figure for part of the year: warned once per target
    for rc in checked:
        warnings = change_warnings(plan, rc.change, merged, said)
        if rc.row in pasted:  # the % cell's warning says why: not the growth slip's too
            from plancli.growth_slips import amount_slips

            slips = amount_slips(plan, rc.change.record, rc.change.previous)
            warnings = [warning for warning in warnings if warning not in slips]
        warned = RowChange(rc.row, with_warnings(rc.change, warnings))
        (unchanged if rc.change.unchanged else changes).append(warned)
    return changes, unchanged, kept


def import_rows(
    store: LedgerStore,
    plan: AnyPlan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Problems | Sequence[Problem],
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    keep: bool = True,
    pasted: Collection[int] = (),
    listed: bool = False,
) -> ImportResult:
    """Check every row, then append the changed ones as one batch (unless `dry_run`).

    `keep=False`: the result keeps only the counts and the warnings, not a RowChange per row,
    and the rows are checked and written as a stream, in chunks, inside the one transaction
    (an error rolls all of it back): a million-row import then holds the figures in force
    and the rows, not a model of each (`plancli import` without --dry-run); `listed`: with a
    RowChange per row all the same, built from the stream's (--json: `import_listing`).
    `pasted`: the rows whose figure a % cell's warning explains (`ReadNotes.pasted`): their
    growth is not warned about as an amount too."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    at: dict[str, Any] = {"batch": batch, "recorded_at": recorded_at, "pasted": pasted}
    store.check_writable()
    if dry_run:
        changes, unchanged, kept = check_import(plan, name, rows, problems, store.read(), **at)
        with naming_rows(name, first_change_row(changes)):  # a database's refusal: its row
            store.check_allowed([rc.change.record.target for rc in changes])  # as a write would
        return ImportResult(name, batch, len(rows), changes, unchanged, kept=kept)
    from plancli.import_listing import Listed, import_checked, listed_result
    from plancli.import_stream import import_stream

    if keep:  # each row's model (check_import, a dry run's check): what the stream must match
        return import_checked(store, plan, name, rows, problems, batch, recorded_at, pasted)
    firsts: dict[str, int] = {}  # each target's first row written, where a database
    kept_firsts = firsts if store.refuses_targets else None  # may refuse one
    listing: list[Listed] | None = [] if listed else None  # --json: each row's record
    with naming_rows(name, firsts.get), store.transaction() as session:
        result = import_stream(
            session, plan, name, rows, problems, batch, recorded_at, pasted, kept_firsts, listing
        )
    return result if listing is None else listed_result(result, listing)
