"""The TOML store: the ledger as one TOML file (DESIGN §5).

A file of `version = 1`, then `[[records]]` and `[[amendments]]` tables in ledger order. Every
write takes an exclusive `fcntl.flock` on `<ledger>.lock`, re-reads the ledger under the lock,
applies the change and replaces the file atomically (temp file in the same folder, fsync,
`os.replace`, fsync of the folder): concurrent writers never lose each other's records, a crash
leaves the old file, and a ledger that does not parse or validate is reported
(`LedgerFileError`, exit 3) and never overwritten.
"""

from __future__ import annotations

import gc
import os
import re
import stat
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import tomli_w
from pydantic import ValidationError

from plancli.atomic import replace_file
from plancli.errors import InputError, LedgerFileError, os_reason
from plancli.file_types import FROM_FILE, toml_shown, type_reason
from plancli.i18n import _, colon_join
from plancli.locations import LedgerLocation
from plancli.model import Amendment, Figure, Record, current_records
from plancli.paths import check_readable, kind_of
from plancli.plain import FigureQuery
from plancli.plain import Record as PlainRecord
from plancli.plan import read_toml
from plancli.safe import Clipped, clip, clip_path, toml_text
from plancli.stores.base import (
    CRASH_HOOK,
    LEDGER,
    LOCK_TIMEOUT_SECONDS,
    LedgerBusyError,
    LedgerContents,
    PlacedAmendment,
    after_removal,
    blank_ledger_text,
    busy_message,
    check_writable_location,
    cut_after_opening,
    cut_ledger_error,
    empty_ledger_error,
    make_folder,
    sqlite_name,
    unstorable_text,
)
from plancli.stores.rows import (
    amendments_adapter,
    record_problem,
    records_adapter,
    validation_problem,
)
from plancli.texts import shell_word
from plancli.toml_lines import line_of_item

try:  # POSIX only; plancli is deployed on Linux. Reading works anywhere, writing needs a lock.
    import fcntl
except ImportError:  # pragma: no cover - exercised only on Windows
    fcntl = None  # type: ignore[assignment]

LEDGER_VERSION = 1


class _Bare(str):
    def __repr__(self) -> str:  # `{version!r}` of a figure as the file writes it
        return str(self)


_LOCK_FLAGS = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def read_toml_records(path: Path) -> list[Record]:
    """The TOML ledger's records in file order (oldest first); [] when the file does not exist.

    Raises LedgerFileError naming the file and line for bad TOML, and the file, line, record
    number and field for an invalid record.
    """
    return read_toml_ledger(path).records


def read_toml_ledger(path: Path) -> LedgerContents:
    """The TOML ledger's records and amendments, in ledger order; empty when there is no file.

    A ledger written before `plancli amend` has no [[amendments]] tables and reads as before.
    """
    if path.is_dir():
        raise InputError(_("{path}: is a folder, not a ledger file").format(path=clip_path(path)))
    if not check_readable(path, LEDGER):  # a FIFO or a device: exit 2, never opened
        return LedgerContents([], [])
    # The plan's reader: exact decimals, UTF-8 with or without BOM, `FILE:LINE:COL: invalid
    # TOML`. Its `error` is typed as a PlanFileError subclass; LedgerFileError, a sibling,
    # works the same (one-line fix in plan.py: `type[PlanError]`, then drop this ignore).
    data, text = read_toml(path, LedgerFileError, LEDGER)
    if blank_ledger_text(text):
        raise empty_ledger_error(path)
    if not data and cut_after_opening(text):
        raise cut_ledger_error(path)
    unknown = sorted(set(data) - {"version", "records", "amendments"})
    if unknown:
        raise LedgerFileError(
            _(
                "{path}: unknown key {key!r}; a ledger holds `version = 1`, [[records]] "
                "and [[amendments]]"
            ).format(path=clip_path(path), key=Clipped(unknown[0]))
        )
    version = data.get("version", LEDGER_VERSION)
    if isinstance(version, bool) or not isinstance(version, int | Decimal | float):
        # version = "1" (true) was `ledger version '1'; this plancli reads version 1` (accepted)
        raise LedgerFileError(
            _("{path}: version: {reason}; this plancli reads version {known}").format(
                path=clip_path(path), reason=type_reason(version), known=LEDGER_VERSION
            )
        )
    if version != LEDGER_VERSION:  # (2.5, not Decimal('2.5'))
        raise LedgerFileError(
            _("{path}: ledger version {version!r}; this plancli reads version {known}").format(
                path=clip_path(path), version=_Bare(toml_shown(version)), known=LEDGER_VERSION
            )
        )
    raw = data.get("records", [])
    if not isinstance(raw, list) or not all(type(item) is dict for item in raw):  # records = [1]
        raise LedgerFileError(
            _("{path}: `records` must be an array of [[records]] tables").format(
                path=clip_path(path)
            )
        )
    enabled = gc.isenabled()
    gc.disable()  # see stores.sqlite_read._records: the collector finds nothing to free here
    try:
        records = records_adapter().validate_python(raw, context=FROM_FILE)
    except ValidationError as exc:
        raise LedgerFileError(_describe_invalid_record(path, exc, raw, text)) from None
    finally:
        if enabled:
            gc.enable()
    problem = record_problem(records)
    if problem is not None:
        index, field_name, message = problem
        raise LedgerFileError(_record_error(path, text, index + 1, raw[index], field_name, message))
    amendments = _toml_amendments(path, data.get("amendments", []), text)
    return LedgerContents(records, _placed(amendments, len(records), text))


def _toml_amendments(path: Path, raw: object, text: str) -> list[Amendment]:
    if not isinstance(raw, list) or not all(type(item) is dict for item in raw):
        raise LedgerFileError(
            _("{path}: `amendments` must be an array of [[amendments]] tables").format(
                path=clip_path(path)
            )
        )
    if not raw:
        return []
    try:
        amendments = amendments_adapter().validate_python(raw, context=FROM_FILE)
    except ValidationError as exc:
        index, field_name, message = validation_problem(exc)
        item = raw[index] if index < len(raw) else None
        raise LedgerFileError(
            _record_error(path, text, index + 1, item, field_name, message, "amendments")
        ) from None
    problem = record_problem(amendments)
    if problem is not None:
        index, field_name, message = problem
        raise LedgerFileError(
            _record_error(path, text, index + 1, raw[index], field_name, message, "amendments")
        )
    return amendments


_TABLE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(records|amendments)[ \t]*\]\]", re.MULTILINE)


def _placed(amendments: list[Amendment], records: int, text: str) -> list[PlacedAmendment]:
    """Where each amendment stands among the records: plancli writes the tables in ledger
    order (an amendment between the records written before and after it), and a TOML reader
    keeps each array's order but not how the two interleave, so the headers tell. A file
    written otherwise (inline arrays, by hand) puts the amendments after every record."""
    if not amendments:
        return []
    after: list[int] = []
    seen = 0
    for match in _TABLE_HEADER.finditer(text):
        if match.group(1) == "records":
            seen += 1
        else:
            after.append(seen)
    if seen != records or len(after) != len(amendments):
        after = [records] * len(amendments)
    return [PlacedAmendment(a, n) for a, n in zip(amendments, after, strict=True)]


def _describe_invalid_record(path: Path, exc: ValidationError, raw: list[Any], text: str) -> str:
    index, field_name, message = validation_problem(exc)
    item = raw[index] if index < len(raw) else None
    return _record_error(path, text, index + 1, item, field_name, message)


def _record_error(
    path: Path,
    text: str,
    number: int,
    item: object,
    field_name: str,
    message: str,
    table: str = "records",
) -> str:
    # The key's own line when the record has it (`recorded_at = 1` on line 7), as a plan's
    # errors do; the `[[records]]` line for a missing key or a rule of the whole record.
    line = line_of_item(text, table, number - 1, field_name.partition(".")[0])
    where = f"{clip_path(path)}:{line}" if line else clip_path(path)
    label = (
        _("amendment {n}").format(n=number)
        if table == "amendments"
        else _("record {n}").format(n=number)
    )
    if isinstance(item, dict) and isinstance(item.get("target"), str):
        period = item.get("period", "?")
        label = _("{label} ({target} {period})").format(  # (a 100,000-character one: clipped)
            label=label, target=Clipped(item["target"]), period=Clipped(str(period))
        )
    return colon_join(where, label, clip(field_name), message)


# -------------------------------------------------------------------------------- writing

_HEADER = (  # its first line is LEDGER_OPENING
    "# plancli progress ledger. Each [[records]] table is one figure for a target and period;\n"
    "# a later table for the same target and period supersedes an earlier one (history).\n"
    "# [[amendments]] tables are mid-year adjustments (年中调整) of a target's bound.\n"
    "# plancli rewrites this file on every change: values are kept, other comments are not.\n"
)
_NUMBER_FIELDS = ("value", "amount", "min", "max", "around", "tolerance", "stretch")


def dump_ledger(
    records: Sequence[Record | PlainRecord], amendments: Sequence[PlacedAmendment] = ()
) -> str:
    """The ledger file's text: `version = 1`, then one `[[records]]` table per record and one
    `[[amendments]]` table per amendment, in ledger order (each amendment after the records
    written before it)."""
    chunks = [_HEADER, f"version = {LEDGER_VERSION}\n"]
    pending = sorted(amendments, key=lambda placed: placed.after)  # stable: ledger order kept
    next_amendment = 0
    for position, record in enumerate(records):
        while next_amendment < len(pending) and pending[next_amendment].after <= position:
            chunks.append(_table("amendments", pending[next_amendment].amendment))
            next_amendment += 1
        chunks.append(_table("records", record))
    for placed in pending[next_amendment:]:
        chunks.append(_table("amendments", placed.amendment))
    document = "".join(chunks)
    if not document.isascii():  # a lone surrogate (a byte that was no UTF-8): UnicodeEncodeError,
        document.encode("utf-8")  # refused by the transaction; toml_text would write U+FFFD
    # C1 controls (the 8-bit CSI), bidi overrides, zero-width characters and U+2028 as \u
    # escapes, as extract's drafts: a ledger is shared, diffed and `cat` (audit P D6)
    return toml_text(document)


def _table(name: str, item: Record | PlainRecord | Amendment) -> str:
    if isinstance(item, PlainRecord):  # a figure `record` checked (ledger.check_entry)
        row = {key: value for key, value in item._asdict().items() if value is not None}
    else:
        row = item.model_dump(mode="python", exclude_none=True)
    for key in _NUMBER_FIELDS:
        if key in row:
            row[key] = _toml_number(row[key])
    return f"\n[[{name}]]\n{tomli_w.dumps(row)}"


def _toml_number(value: Decimal) -> int | Decimal:
    # tomli-w writes every Decimal as a float (310 → 310.0); a whole number typed as such stays
    # an integer, and 5.0 stays 5.0: the file shows the figure as it was given.
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 else value


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` (`atomic.replace_file`: all of it or nothing, fsync'd)."""

    def crash() -> None:  # the crash tests' writer, killed before its rename
        if os.environ.get(CRASH_HOOK):
            os._exit(9)

    replace_file(
        path,
        text.encode("utf-8"),
        lambda exc: LedgerFileError(
            _("{path}: cannot write: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ),
        crash,
    )


def _remove_stale_temp_files(path: Path) -> None:
    # Temp files are written only under the lock, so any found while holding it were left by
    # a writer that died before its rename: never part of the ledger, safe to delete.
    for stale in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        with suppress(OSError):
            stale.unlink()


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


@contextmanager
def exclusive_lock(
    lock_path: Path, timeout: float = LOCK_TIMEOUT_SECONDS, busy: str | None = None
) -> Iterator[None]:
    """Hold an exclusive flock on `lock_path` (created if missing, never deleted); past the
    timeout raise LedgerBusyError with the message `busy` (what the user should do).

    The lock file is separate from the ledger because the ledger is replaced by rename: a lock
    on the ledger itself would be a lock on a file that is about to be unlinked. Closing the
    descriptor (also when the process dies) releases the lock.
    """
    if fcntl is None:  # pragma: no cover - Windows
        raise LedgerFileError(
            _("{path}: writing a ledger needs POSIX file locks (fcntl)").format(
                path=clip_path(lock_path)
            )
        )
    try:
        # Never through a link (a planted `.lock` link would create or open a file elsewhere),
        # never blocking on a FIFO; what was opened must be a regular file.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _LOCK_FLAGS, 0o666)
    except OSError as exc:
        if os.path.islink(lock_path):
            raise LedgerFileError(
                _("{path}: the ledger's lock file is a symbolic link; remove it").format(
                    path=clip_path(lock_path)
                )
            ) from None
        raise LedgerFileError(
            _("{path}: cannot create the lock file: {reason}").format(
                path=clip_path(lock_path), reason=os_reason(exc)
            )
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LedgerFileError(
                _("{path}: the ledger's lock file is {kind}; remove it").format(
                    path=clip_path(lock_path), kind=kind_of(mode)
                )
            )
        deadline = time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerBusyError(
                        busy
                        or _(
                            "{path}: another plancli process has held the ledger's lock "
                            "for {seconds} s; try again"
                        ).format(path=clip_path(lock_path), seconds=f"{timeout:g}")
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.025)
        yield
    finally:
        os.close(fd)


@dataclass
class _TomlSession:
    _records: list[Record]
    _amendments: list[PlacedAmendment] = field(default_factory=list)
    changed: bool = False

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        if targets is None:
            return list(self._records)
        wanted = set(targets)
        return [r for r in self._records if r.target in wanted]

    def records_of(
        self, targets: Collection[str], meanwhile: Callable[[], object] | None = None
    ) -> list[Record]:
        if meanwhile is not None:  # read already: nothing to overlap
            meanwhile()
        return self.records(targets)

    def records_in_force(self) -> list[Record]:
        return list(current_records(self._records).values())

    def append(self, batch: Sequence[Record | PlainRecord]) -> None:
        if batch:
            # The file is written from models; an import hands plain records, checked alike.
            self._records.extend(
                r if isinstance(r, Record) else Record(**r._asdict()) for r in batch
            )
            self.changed = True

    def amendments(self) -> list[PlacedAmendment]:
        return list(self._amendments)

    def append_amendment(self, amendment: Amendment) -> None:
        self._amendments.append(PlacedAmendment(amendment, len(self._records)))
        self.changed = True

    def remove_batch(self, batch_id: str) -> list[Record]:
        positions = [i for i, r in enumerate(self._records) if r.batch == batch_id]
        removed = [self._records[i] for i in positions]
        kept = [
            PlacedAmendment(p.amendment, after_removal(p.after, positions))
            for p in self._amendments
            if p.amendment.batch != batch_id
        ]
        if removed or kept != self._amendments:
            self._records = [r for r in self._records if r.batch != batch_id]
            self._amendments = kept
            self.changed = True
        return removed

    def replace(
        self, records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
    ) -> None:
        self._records = list(records)
        self._amendments = list(amendments)
        self.changed = True


@dataclass
class TomlLedgerStore:
    """The ledger as one TOML file, rewritten atomically under `<ledger>.lock`."""

    refuses_targets: ClassVar[bool] = False  # (stores.base.LedgerStore)
    stamps_writers: ClassVar[bool] = False
    keeps_writers: ClassVar[bool] = True

    location: LedgerLocation
    lock_timeout: float = LOCK_TIMEOUT_SECONDS
    # The last read, by the file's identity: `gap` asks for the figures and the amendments,
    # and parsing a large TOML ledger twice would double its cost.
    _last: tuple[tuple[int, int, int], LedgerContents] | None = field(
        default=None, repr=False, compare=False
    )
    # How many records the ledger held at the last read or write (for `advice`).
    size: int | None = field(default=None, repr=False)
    created: bool = field(default=False, repr=False)  # this process's write made the file

    @property
    def path(self) -> Path:
        return self.location.path

    def contents(self) -> LedgerContents:
        try:
            info = self.path.stat()
        except OSError:
            return read_toml_ledger(self.path)  # missing: empty; otherwise it says what is wrong
        identity = (info.st_mtime_ns, info.st_size, info.st_ino)
        if self._last is not None and self._last[0] == identity:
            return self._last[1]
        contents = read_toml_ledger(self.path)
        self._last = (identity, contents)
        return contents

    def read(self) -> list[Record]:
        records = list(self.contents().records)
        self.size = len(records)
        return records

    def amendments(self) -> list[Amendment]:
        return self.contents().plain_amendments

    def figures(self) -> list[Figure]:
        return [
            Figure(r.target, r.period, r.value, r.amount)
            for r in current_records(self.contents().records).values()
        ]

    def figures_for(self, query: FigureQuery) -> list[Figure]:
        return self.figures()

    def check_writable(self) -> Path:
        return check_writable_location(self.location)

    def check_allowed(
        self, targets: Sequence[str], *, undoing: str | None = None, moving: str | None = None
    ) -> None:
        """A file has no departments: whoever may write the file may write every target."""

    def advice(self) -> str | None:
        return toml_size_advice(self.path, self.size)

    @contextmanager
    def transaction(self) -> Iterator[_TomlSession]:
        """Lock, re-read, let the caller change the records, write them if changed.

        A ledger that is a link to a file in its own folder is written through (the link
        stays one); the lock and temp files go beside that file (paths.writable_target)."""
        path = self.check_writable()
        make_folder(path)
        busy = busy_message(self.path, self.lock_timeout, "toml")
        with exclusive_lock(path.with_name(path.name + ".lock"), self.lock_timeout, busy):
            contents = read_toml_ledger(path)
            session = _TomlSession(contents.records, contents.amendments)
            yield session
            if session.changed:
                _remove_stale_temp_files(path)
                self.created = not path.exists()  # under the lock: no other first writer
                try:
                    write_atomically(path, dump_ledger(session._records, session._amendments))
                except UnicodeEncodeError as exc:  # a lone surrogate: never stored
                    raise unstorable_text(
                        self.path,
                        exc,
                        [*session._records, *(a.amendment for a in session._amendments)],
                    ) from None
                self._last = None
            self.size = len(session._records)


# Past this many records a TOML ledger is advised to move to SQLite; see docs/security-files.md
# for the measurements behind it (one `record` into TOML, then into SQLite, at 1,000 to
# 120,000 records).
TOML_ADVICE_RECORDS = 10_000


def toml_size_advice(path: Path, size: int | None) -> str | None:
    """What to say about a TOML ledger of `size` records: None while TOML fits it."""
    if size is None or size <= TOML_ADVICE_RECORDS:
        return None
    return (
        f"{clip_path(path)} holds {size:,} records; past {TOML_ADVICE_RECORDS:,} a TOML ledger is "
        f"slow to rewrite on every change and makes other writers queue for its lock: move it to "
        f"SQLite with `plancli ledger convert {clip_path(shell_word(path))} "
        f"{clip_path(shell_word(sqlite_name(path)))}` and use that file as --ledger"
    )
