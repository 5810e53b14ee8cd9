"""The progress ledger: where recorded figures live (DESIGN §5). Pure core: no typer, no printing.

Storage: a TOML file of `version = 1` and `[[records]]`, one record per figure, oldest first.
A later record for the same target and period supersedes an earlier one; the earlier one stays
in the file as history. `undo` removes the records of the last batch (one `record` command or
one `import`), which brings the superseded revisions back into force.

Durability: every write takes an exclusive `fcntl.flock` on `<ledger>.lock`, re-reads the ledger
under the lock, applies the change and replaces the file atomically (temp file in the same
folder, fsync, `os.replace`, fsync of the folder). Concurrent writers therefore never lose each
other's records, a crash leaves the old file, and a ledger that does not parse or validate is
reported (`LedgerFileError`, exit 3) and never overwritten.

The rules for figures (decided here, documented in the README):
- A record for a period before an existing later one is allowed: it is a late correction of
  that period. Later periods keep their own figures (each is a year-to-date total on its own);
  the result lists them so the user can revise them too.
- `--add` (cumulative targets only) adds an increment to the target's figure for the latest
  period that ends before this one. With no such record the base is 0 only for the year's first
  month; otherwise it is an error, because the year-to-date total is unknown.
- Recording a figure equal to the one in force (value, amount, note and source) is a no-op, so
  a re-run script or a re-imported file changes nothing.
"""

from __future__ import annotations

import enum
import functools
import gc
import os
import re
import secrets
import stat
import tempfile
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import tomli_w
from pydantic import TypeAdapter, ValidationError

from plancli.errors import InputError, LedgerFileError, PlanError
from plancli.fmt import figure_text as figure_text  # moved to fmt; imported from here before
from plancli.fmt import num
from plancli.fmt import value_is_percent as value_is_percent
from plancli.history import Revision as Revision  # moved to history; imported from here before
from plancli.history import history as history
from plancli.i18n import N_, _, ngettext
from plancli.ledger_base import CRASH_HOOK as CRASH_HOOK
from plancli.ledger_base import LEDGER as LEDGER
from plancli.ledger_base import LOCK_TIMEOUT_SECONDS as LOCK_TIMEOUT_SECONDS
from plancli.ledger_base import LedgerBusyError as LedgerBusyError
from plancli.ledger_base import LedgerContents as LedgerContents
from plancli.ledger_base import PlacedAmendment as PlacedAmendment
from plancli.ledger_base import busy_message as busy_message
from plancli.ledger_base import cached_period as _period
from plancli.ledger_base import period_problems as period_problems
from plancli.ledger_base import shown as shown
from plancli.ledger_base import sqlite_name as sqlite_name
from plancli.locations import (
    BUNDLED_LEDGERS,
    LedgerLocation,
    PlanSource,
    data_dir,
    location_of,
)
from plancli.model import Amendment, Figure, Record, current_records
from plancli.paths import check_readable, kind_of, writable_target
from plancli.periods import Period, parse_plan_period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget, FigureQuery, latest_in_order
from plancli.plain import Record as PlainRecord
from plancli.plain import plan_owners as plan_owners
from plancli.plan import find_target, read_toml
from plancli.texts import text_problem

try:  # POSIX only; plancli is deployed on Linux. Reading works anywhere, writing needs a lock.
    import fcntl
except ImportError:  # pragma: no cover - exercised only on Windows
    fcntl = None  # type: ignore[assignment]

LEDGER_VERSION = 1
_LOCK_FLAGS = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)

# What a figure may be (finite, magnitude, decimal places, significant digits) is one rule,
# Record.figure_problem, applied to typed figures here and to every figure a ledger holds.
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_NOT_FINITE = {"nan", "snan", "inf", "infinity"}
_DONE_WORDS = {"done", "完成"}


@functools.cache
def records_adapter() -> TypeAdapter[list[Record]]:
    """Validates a whole ledger in one call; built on first use (it costs ms at start-up)."""
    return TypeAdapter(list[Record])


@functools.cache
def amendments_adapter() -> TypeAdapter[list[Amendment]]:
    return TypeAdapter(list[Amendment])


# -------------------------------------------------------------------------------- reading


def read_records(path: Path | LedgerLocation) -> list[Record]:
    """The ledger's records in ledger order (oldest first); [] when the file does not exist."""
    return open_store(path if isinstance(path, LedgerLocation) else location_of(path)).read()


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
        raise LedgerFileError(_("{path}: is a folder, not a ledger file").format(path=path))
    if not check_readable(path, LEDGER):  # a FIFO or a device: exit 2, never opened
        return LedgerContents([], [])
    # The plan's reader: exact decimals, UTF-8 with or without BOM, `FILE:LINE:COL: invalid
    # TOML`. Its `error` is typed as a PlanFileError subclass; LedgerFileError, a sibling,
    # works the same (one-line fix in plan.py: `type[PlanError]`, then drop this ignore).
    data, text = read_toml(path, LedgerFileError, LEDGER)
    unknown = sorted(set(data) - {"version", "records", "amendments"})
    if unknown:
        raise LedgerFileError(
            _(
                "{path}: unknown key {key!r}; a ledger holds `version = 1`, [[records]] "
                "and [[amendments]]"
            ).format(path=path, key=unknown[0])
        )
    version = data.get("version", LEDGER_VERSION)
    if version != LEDGER_VERSION:
        raise LedgerFileError(
            _("{path}: ledger version {version!r}; this plancli reads version {known}").format(
                path=path, version=version, known=LEDGER_VERSION
            )
        )
    raw = data.get("records", [])
    if not isinstance(raw, list):
        raise LedgerFileError(
            _("{path}: `records` must be an array of [[records]] tables").format(path=path)
        )
    enabled = gc.isenabled()
    gc.disable()  # see ledger_sqlite._records: the collector finds nothing to free here
    try:
        records = records_adapter().validate_python(raw)
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
    if not isinstance(raw, list):
        raise LedgerFileError(
            _("{path}: `amendments` must be an array of [[amendments]] tables").format(path=path)
        )
    if not raw:
        return []
    try:
        amendments = amendments_adapter().validate_python(raw)
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


def record_problem(records: Sequence[Record | Amendment]) -> tuple[int, str, str] | None:
    """(index, field, message) of the first record breaking a rule its model does not check
    (a canonical period), or None. Record's validators check figures and times; TOML and
    SQLite reads run both, so a ledger is as valid in one store as in the other."""
    bad_periods = period_problems(record.period for record in records)
    if bad_periods:
        for index, record in enumerate(records):
            if record.period in bad_periods:
                return index, "period", bad_periods[record.period]
    return None


def validated_rows(
    adapter: TypeAdapter[list[Any]], raw: list[dict[str, Any]]
) -> tuple[list[Any], tuple[int, str, str] | None]:
    """Stored rows of a database store validated by the models in one call: (the records or
    amendments, None), or ([], (index, field, message)) of the first row the models or the
    ledger's rules refuse (`validation_problem`, `record_problem`). Each store names the row."""
    try:
        items = adapter.validate_python(raw)
    except ValidationError as exc:
        return [], validation_problem(exc)
    return items, record_problem(items)


def validation_problem(exc: ValidationError) -> tuple[int, str, str]:
    """(index of the record, field, message) of the first error validating a list of records."""
    errors = exc.errors()
    # A typo (`taget = "g5"`) is both an unknown and a missing field: name the typo first.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = list(first["loc"])
    index = loc[0] if loc and isinstance(loc[0], int) else 0
    field_name = ".".join(str(part) for part in loc[1:]) or "record"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = _("missing")
    elif first["type"] == "extra_forbidden":
        message = _("unknown field")
    more = len(errors) - 1
    if more:
        message += ngettext(" (and {n} more error)", " (and {n} more errors)", more).format(n=more)
    return index, field_name, message


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
    line = _line_of_record(text, number, table)
    where = f"{path}:{line}" if line else str(path)
    label = (
        _("amendment {n}").format(n=number)
        if table == "amendments"
        else _("record {n}").format(n=number)
    )
    if isinstance(item, dict) and isinstance(item.get("target"), str):
        label += f" ({item['target']} {item.get('period', '?')})"
    return f"{where}: {label}: {field_name}: {message}"


def _line_of_record(text: str, number: int, table: str = "records") -> int | None:
    """Line of the number-th `[[records]]` (or other table's) header (1-based), if the file is
    written that way."""
    for count, match in enumerate(
        re.finditer(rf"^[ \t]*\[\[[ \t]*{table}[ \t]*\]\]", text, re.MULTILINE), start=1
    ):
        if count == number:
            return text.count("\n", 0, match.start()) + 1
    return None


# -------------------------------------------------------------------------------- writing

_HEADER = (
    "# plancli progress ledger. Each [[records]] table is one figure for a target and period;\n"
    "# a later table for the same target and period supersedes an earlier one (history).\n"
    "# [[amendments]] tables are mid-year adjustments (年中调整) of a target's bound.\n"
    "# plancli rewrites this file on every change: values are kept, other comments are not.\n"
)
_NUMBER_FIELDS = ("value", "amount", "min", "max", "around", "tolerance", "stretch")


def dump_ledger(records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()) -> str:
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
    return "".join(chunks)


def _table(name: str, item: Record | Amendment) -> str:
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


def _write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text`: temp file in the same folder, fsync, rename, fsync folder."""
    directory = path.parent
    mode = _file_mode(path)
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline="\n",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        ) as tmp:
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
    except BaseException as exc:
        # The temp file is never part of the ledger: remove it whatever stopped the write.
        with suppress(OSError, NameError):
            os.unlink(tmp.name)
        if isinstance(exc, OSError):
            raise LedgerFileError(_cannot_write(path, exc)) from None
        raise
    try:
        os.chmod(tmp.name, mode)
        if os.environ.get(CRASH_HOOK):
            os._exit(9)
        os.replace(tmp.name, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp.name)
        if isinstance(exc, OSError):
            raise LedgerFileError(_cannot_write(path, exc)) from None
        raise
    _fsync_directory(directory)


def _cannot_write(path: Path, exc: OSError) -> str:
    return _("{path}: cannot write: {reason}").format(path=path, reason=exc.strerror or exc)


def _file_mode(path: Path) -> int:
    """Keep the ledger's permissions (a group-shared ledger stays shared); new files: umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    # The rename is durable only once the folder's entry is on disk.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename has still happened
    finally:
        os.close(fd)


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
            _("{path}: writing a ledger needs POSIX file locks (fcntl)").format(path=lock_path)
        )
    try:
        # Never through a link (a planted `.lock` link would create or open a file elsewhere),
        # never blocking on a FIFO; what was opened must be a regular file.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _LOCK_FLAGS, 0o666)
    except OSError as exc:
        if os.path.islink(lock_path):
            raise LedgerFileError(
                _("{path}: the ledger's lock file is a symbolic link; remove it").format(
                    path=lock_path
                )
            ) from None
        raise LedgerFileError(
            _("{path}: cannot create the lock file: {reason}").format(
                path=lock_path, reason=exc.strerror
            )
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LedgerFileError(
                _("{path}: the ledger's lock file is {kind}; remove it").format(
                    path=lock_path, kind=kind_of(mode)
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
                        ).format(path=lock_path, seconds=f"{timeout:g}")
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.025)
        yield
    finally:
        os.close(fd)


# ---------------------------------------------------------------------- storage boundary


class LedgerSession(Protocol):
    """The ledger inside one exclusive transaction: read, then append and/or remove a batch."""

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        """The records (of these targets only, when given), in ledger order."""
        ...

    def records_in_force(self) -> Sequence[Record | PlainRecord]:
        """The latest revision of each target and period (every record checked as `records()`
        checks it), in the order they were recorded: what an import checks its rows against.
        The SQLite store reads them as plain records, not a model of every record; the
        PostgreSQL store selects them in the database (DISTINCT ON) and reads them plainly."""
        ...

    def append(self, batch: Sequence[AnyRecord]) -> None: ...

    def amendments(self) -> list[PlacedAmendment]:
        """The amendments, in ledger order, each placed among the records."""
        ...

    def append_amendment(self, amendment: Amendment) -> None:
        """Add an amendment after every record written so far."""
        ...

    def remove_batch(self, batch_id: str) -> list[Record]:
        """Remove the records and amendments of a batch; returns the records removed."""
        ...

    def replace(
        self, records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
    ) -> None:
        """Make `records` and `amendments` the whole ledger (`plancli ledger convert --force`)."""
        ...


class LedgerStore(Protocol):
    """Where records are kept: a TOML file (TomlLedgerStore), SQLite (ledger_sqlite) or a
    PostgreSQL database (ledger_postgres)."""

    @property
    def location(self) -> LedgerLocation: ...

    def read(self) -> list[Record]: ...

    def contents(self) -> LedgerContents:
        """Records and amendments, in ledger order (undo, convert, show)."""
        ...

    def amendments(self) -> list[Amendment]:
        """The mid-year amendments, in ledger order (what the assessment reads beside figures)."""
        ...

    def figures(self) -> list[Figure]:
        """The figure in force for each target and period (what the assessment reads)."""
        ...

    def figures_for(self, query: FigureQuery) -> list[Figure]:
        """The figures an assessment at `query` reads (`gap`): a database selects only those;
        a file store gives every figure in force (`figures()`), which comes to the same."""
        ...

    def check_writable(self) -> Path:
        """The file a write replaces (the ledger, or a same-folder link's target), or an
        InputError saying why this ledger cannot be written (paths.writable_target)."""
        ...

    def transaction(self) -> AbstractContextManager[LedgerSession]: ...

    def advice(self) -> str | None:
        """After a read or a write: a word on the store's fitness (a TOML ledger grown past
        TOML_ADVICE_RECORDS should move to SQLite), or None."""
        ...


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

    def records_in_force(self) -> list[Record]:
        return list(current_records(self._records).values())

    def append(self, batch: Sequence[AnyRecord]) -> None:
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
        removed = [r for r in self._records if r.batch == batch_id]
        if removed:
            self._records = [r for r in self._records if r.batch != batch_id]
            self.changed = True
        kept = [p for p in self._amendments if p.amendment.batch != batch_id]
        if len(kept) != len(self._amendments):
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

    location: LedgerLocation
    lock_timeout: float = LOCK_TIMEOUT_SECONDS
    # The last read, by the file's identity: `gap` asks for the figures and the amendments,
    # and parsing a large TOML ledger twice would double its cost.
    _last: tuple[tuple[int, int, int], LedgerContents] | None = field(
        default=None, repr=False, compare=False
    )
    # How many records the ledger held at the last read or write (for `advice`).
    size: int | None = field(default=None, repr=False)

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

    def advice(self) -> str | None:
        return toml_size_advice(self.path, self.size)

    @contextmanager
    def transaction(self) -> Iterator[_TomlSession]:
        """Lock, re-read, let the caller change the records, write them if changed.

        A ledger that is a link to a file in its own folder is written through (the link
        stays one); the lock and temp files go beside that file (paths.writable_target)."""
        path = self.check_writable()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerFileError(
                _("{path}: cannot create: {reason}").format(path=path.parent, reason=exc.strerror)
            ) from None
        busy = busy_message(self.path, self.lock_timeout, "toml")
        with exclusive_lock(path.with_name(path.name + ".lock"), self.lock_timeout, busy):
            contents = read_toml_ledger(path)
            session = _TomlSession(contents.records, contents.amendments)
            yield session
            if session.changed:
                _remove_stale_temp_files(path)
                _write_atomically(path, dump_ledger(session._records, session._amendments))
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
        f"{path} holds {size:,} records; past {TOML_ADVICE_RECORDS:,} a TOML ledger is slow "
        f"to rewrite on every change and makes other writers queue for its lock: move it to "
        f"SQLite with `plancli ledger convert {path} {sqlite_name(path)}` and use that file "
        f"as --ledger"
    )


def check_writable_location(location: LedgerLocation) -> Path:
    """The file a write to this ledger replaces; InputError (exit 2) when it may not be written:
    the bundled read-only ledger, a folder, a device or FIFO, a link out of its folder."""
    if location.read_only:
        plan_id = location.plan_id or _("this plan")
        raise InputError(
            _(
                "{path} is the ledger bundled with {plan}, read-only; start a workspace "
                "to record figures: plancli --plan {plan} init DIR"
            ).format(path=location.path, plan=plan_id)
        )
    if location.path.is_dir():
        raise InputError(
            _("--ledger {path}: is a folder; give the ledger's file name").format(
                path=location.path
            )
        )
    return writable_target(location.path, LEDGER)


def open_store(location: LedgerLocation) -> LedgerStore:
    """The store of the ledger at `location`: TOML, SQLite or PostgreSQL by its name
    (`LedgerLocation.format`: a connection string, `.sqlite`/`.db`, anything else)."""
    form = location.format
    if form == "postgres":
        from plancli.ledger_postgres import PostgresLedgerStore

        return PostgresLedgerStore(location)
    if form == "sqlite":
        from plancli.ledger_sqlite import SqliteLedgerStore

        return SqliteLedgerStore(location)
    return TomlLedgerStore(location)


# --------------------------------------------------------------------------------- values


def new_batch_id(now: datetime) -> str:
    """Unique and sortable by time: `20220705T083000Z-1a2b3c`."""
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# Kinds whose figure is a (signed) growth %: a record may be written as the bulletin writes it.
SIGNED_KINDS = frozenset({"growth", "relative", "trend", "indicator"})
# 下降4.0 is a growth of −4.0, 增长5.2% one of 5.2 (statistical bulletins, 统计公报 and 月报).
_FALL_WORDS = ("下降", "降低", "减少", "回落")
_RISE_WORDS = ("增长", "上升", "提高", "增加")
_SAME_PERIOD_WORDS = ("同比", "比上年")
assert all(w[0] >= "\x80" for w in (*_FALL_WORDS, *_RISE_WORDS, *_SAME_PERIOD_WORDS))


def signed_words(raw: str, target: AnyTarget, what: str = N_("value")) -> str:
    """A growth as the bulletin writes it, as a signed number's text: `下降4.0%` → `-4.0%`,
    `增长5.2` → `5.2`, `同比下降3` → `-3`; any other text unchanged.

    Only for targets whose figure is a signed growth (growth, relative, trend): a level or a
    total is never "下降" anything, so the word is refused there.
    """
    text = raw.strip()
    if not text or text[0] < "\x80":  # every word starts with a Chinese character
        return raw
    for prefix in _SAME_PERIOD_WORDS:
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip()
            break
    for words, sign in ((_FALL_WORDS, "-"), (_RISE_WORDS, "")):
        word = next((w for w in words if text.startswith(w)), None)
        if word is None:
            continue
        if target.kind not in SIGNED_KINDS:
            raise InputError(
                _(
                    "{what} {raw!r}: {word} is for growth figures (growth, relative and trend "
                    "targets); {target} is a {kind} target: record its figure as a number"
                ).format(what=_(what), raw=raw, word=word, target=target.id, kind=target.kind)
            )
        rest = text[len(word) :].strip()
        if rest[:1] in ("+", "-", "−"):
            raise InputError(
                _("{what} {raw!r}: write {words} or a signed number, not both").format(
                    what=_(what), raw=raw, words=f"{word}{rest[1:]}"
                )
            )
        return f"{sign}{rest}"
    return raw


def parse_number(raw: str | Decimal | int | float, what: str, percent: bool = False) -> Decimal:
    """An exact, plain decimal fit to record (`Record.figure_problem`: finite, at most 10^15,
    10 decimal places and 15 significant digits) from text (or a JSON number), or an InputError.

    Thousands separators are refused rather than guessed: in many locales `4,8` is 4.8, so
    reading `1,441` as 1441 could silently corrupt a figure. A trailing `%` is accepted where
    the figure is a percentage (5.2% growth).
    """
    if isinstance(raw, bool):
        raise InputError(
            _("{what} must be a number, not {raw}").format(what=_(what), raw=str(raw).lower())
        )
    if isinstance(raw, int | float | Decimal):
        text = str(raw)
        value = Decimal(text) if not isinstance(raw, Decimal) else raw
        return _checked_number(value, text, what)
    text = raw.strip()
    if not text:
        raise InputError(_("{what} is empty").format(what=_(what)))
    if text.endswith(("%", "％")):
        if not percent:
            raise InputError(
                _("{what} {raw!r}: this figure is not a percentage; drop the %").format(
                    what=_(what), raw=_Repr(shown(raw))
                )
            )
        text = text[:-1].rstrip()
    if text.lower().lstrip("+-") in _NOT_FINITE:
        raise InputError(
            _("{what} {raw!r} is not a finite number").format(what=_(what), raw=_Repr(shown(raw)))
        )
    if "," in text or "，" in text:
        raise InputError(
            _(
                "{what} {raw!r}: write it without thousands separators and with '.' as the "
                "decimal point, e.g. 1441.37"
            ).format(what=_(what), raw=_Repr(shown(raw)))
        )
    if not _NUMBER.match(text):
        raise InputError(
            _("{what} {raw!r} is not a number (e.g. 310, 5.2, -0.3)").format(
                what=_(what), raw=_Repr(shown(raw))
            )
        )
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        raise InputError(
            _("{what} {raw!r} is not a number").format(what=_(what), raw=_Repr(shown(raw)))
        ) from None
    return _checked_number(value, raw, what)


class _Repr(str):
    """A text whose repr is itself: `shown(raw)` in a message written with `{raw!r}`."""

    def __repr__(self) -> str:
        return str(self)


def _checked_number(value: Decimal, raw: object, what: str) -> Decimal:
    problem = Record.figure_problem(value)  # the rule a ledger's figures are read back with
    if problem is not None:
        raise InputError(
            _("{what} {raw!r} {problem}").format(
                what=_(what), raw=_Repr(shown(raw)), problem=_(problem)
            )
        )
    if "e" in str(value).lower():  # 1e3 and 1E-5 are stored as 1000 and 0.00001
        value = Decimal(format(value, "f"))
    if value.is_zero() and value.is_signed():
        # -0.0 is 0.0: a figure has no signed zero, and PostgreSQL's numeric cannot keep one
        # (a ledger copied there and back must come back as it was).
        value = value.copy_abs()
    return value


def parse_value(
    raw: str | Decimal | int | float, target: AnyTarget, what: str = N_("value")
) -> Decimal:
    """A target's figure: a number, `done` (= 100) for a milestone, or a growth as the bulletin
    writes it (`下降4.0%` is −4.0, `增长5.2%` is 5.2: `signed_words`); range-checked."""
    if isinstance(raw, str):
        if target.kind == "milestone" and raw.strip().lower() in _DONE_WORDS:
            return Decimal(100)
        worded = signed_words(raw, target, what)
        if worded is not raw:
            value = parse_number(worded, what, percent=value_is_percent(target))
            return value.copy_abs() if value.is_zero() else value  # 下降0 is 0, not −0
    return parse_number(raw, what, percent=value_is_percent(target))


def check_value(target: AnyTarget, value: Decimal, shown: str) -> None:
    """Kind rules: cumulative totals are ≥ 0, milestones are 0–100 percent done."""
    if target.kind == "cumulative" and value < 0:
        raise InputError(
            _(
                "{value} for {target} is negative; a cumulative target records the "
                "year-to-date total, which cannot be below 0"
            ).format(value=shown, target=target.id)
        )
    if target.kind == "milestone" and not 0 <= value <= 100:
        raise InputError(
            _(
                "{value} for {target} is outside 0–100; a milestone records percent done "
                "(or `done`)"
            ).format(value=shown, target=target.id)
        )


def clean_text(value: str | None, what: str = "text") -> str | None:
    """Text to keep with a figure: stripped, None when empty.

    Refused (InputError) when it is not Unicode text: a lone surrogate, which is what invalid
    UTF-8 on the command line becomes in Python (`--note $'\\xff'`) and what JSON may spell
    (`"\\ud800"`). No ledger can store it as UTF-8, so it must not get as far as a write.
    """
    if value is None:
        return None
    value = value.strip()
    problem = text_problem(value, what)
    if problem is not None:
        raise InputError(problem)
    return value or None


# -------------------------------------------------------------------------- the domain


class Entry(NamedTuple):
    """One figure as typed or imported, before it is checked against the plan and ledger.
    A named tuple: an import makes a million of them, at a third of a frozen dataclass's
    cost each."""

    target: str
    period: str
    value: str | Decimal | int | float
    amount: str | Decimal | int | float | None = None
    note: str | None = None
    source: str | None = None
    add: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """What recording one entry does: the new record and what it supersedes."""

    record: Record
    previous: AnyRecord | None  # the revision in force now, superseded by `record`
    base: AnyRecord | None = None  # --add: the earlier period's record the increment is added to
    increment: Decimal | None = None  # --add: the increment as given
    later: tuple[str, ...] = ()  # later periods of the target already recorded (late correction)
    warnings: tuple[str, ...] = field(default=())

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and same_figure(self.previous, self.record)


def same_figure(a: AnyRecord, b: AnyRecord) -> bool:
    """Equal as figures (5 == 5.0), whenever and by whichever batch they were recorded."""
    return (a.value, a.amount, a.note, a.source) == (b.value, b.amount, b.note, b.source)


class Figures:
    """The figures in force (one per target and period), indexed by target, periods parsed once.

    Checking an entry looks at its target's other periods (for `--add`, late corrections and
    warnings); the index keeps an import of N rows into a ledger of M records O(N + M).
    """

    def __init__(self, records: Iterable[AnyRecord]) -> None:
        self._current: dict[tuple[str, str], AnyRecord] = latest_in_order(
            records, lambda record: (record.target, record.period)
        )
        self._by_target: dict[str, list[tuple[Period, AnyRecord]]] = {}
        for (target_id, text), record in self._current.items():
            self._by_target.setdefault(target_id, []).append((_period(text), record))

    def get(self, target_id: str, period: str) -> AnyRecord | None:
        return self._current.get((target_id, period))

    def with_records(self, records: Iterable[AnyRecord]) -> Figures:
        """These figures, then `records` recorded on top of them."""
        return Figures([*self._current.values(), *records])

    def of_target(self, target_id: str) -> list[tuple[Period, AnyRecord]]:
        """The target's figures in force, each with its period."""
        return self._by_target.get(target_id, [])

    def latest_before(self, target_id: str, period: Period) -> AnyRecord | None:
        """The target's figure for the latest period that ENDS before `period` ends.

        Periods ending in the same month (2022-06, 2022-Q2, 2022-H1) describe the same moment,
        so none of them is "before" another.
        """
        earlier = [
            (other.sort_key, record)
            for other, record in self._by_target.get(target_id, ())
            if other.year == period.year and other.end_month < period.end_month
        ]
        return max(earlier, key=lambda item: item[0])[1] if earlier else None

    def later(self, target_id: str, period: Period) -> list[AnyRecord]:
        """The target's figures for periods ending after `period` ends, in period order."""
        found = [
            (other.sort_key, record)
            for other, record in self._by_target.get(target_id, ())
            if other.year == period.year and other.end_month > period.end_month
        ]
        return [record for _, record in sorted(found, key=lambda item: item[0])]


def check_entry(
    plan: AnyPlan,
    entry: Entry,
    current: Figures,
    *,
    batch: str,
    recorded_at: datetime,
) -> Change:
    """Validate an entry against the plan and the records in force; InputError if it is bad."""
    target = find_target(plan, entry.target.strip())
    period = entry_period(plan, target, entry.period)
    period_text = str(period)
    base: AnyRecord | None = None
    increment: Decimal | None = None
    if entry.add:
        if target.kind != "cumulative":
            raise InputError(
                _(
                    "--add is only for cumulative targets; {target} is a {kind} target: "
                    "record its figure for the period without --add"
                ).format(target=target.id, kind=target.kind)
            )
        increment = parse_number(entry.value, N_("increment"))
        base = current.latest_before(target.id, period)
        if base is None and not (period.granularity == "M" and period.index == 1):
            raise InputError(
                _(
                    "--add: no record of {target} for a period before {period} to add to; "
                    "record the year-to-date total instead (without --add)"
                ).format(target=target.id, period=period)
            )
        value = (base.value if base else Decimal(0)) + increment
        if base is not None:
            shown = f"{base.period}'s {num(base.value)} + {num(increment)} = {num(value)}"
            # Both parts are fit to record; their sum may not be (more digits, or above 10^15).
            _checked_number(value, num(value), f"--add: {target.id}'s new total")
        else:
            shown = f"value {num(value)}"
        check_value(target, value, shown)
    else:
        value = parse_value(entry.value, target)
        check_value(target, value, f"value {num(value)}")
    amount: Decimal | None = None
    given_amount = entry.amount.strip() or None if isinstance(entry.amount, str) else entry.amount
    if given_amount is not None:
        if not target.has_amount:
            raise InputError(
                _(
                    "{target} is a {kind} target and has no amount; --amount is for "
                    "growth targets (the year-to-date amount beside the growth %)"
                ).format(target=target.id, kind=target.kind)
            )
        amount = parse_number(given_amount, N_("amount"))
        if amount < 0:
            raise InputError(
                _("amount {value} for {target} is negative").format(
                    value=num(amount), target=target.id
                )
            )
    record = Record(
        target=target.id,
        period=period_text,
        value=value,
        amount=amount,
        note=clean_text(entry.note, "note"),
        source=clean_text(entry.source, "source"),
        recorded_at=recorded_at,
        batch=batch,
    )
    return Change(
        record=record,
        previous=current.get(target.id, period_text),
        base=base,
        increment=increment,
        later=tuple(r.period for r in current.later(target.id, period)),
    )


# A figure as nearly every imported row gives it: optional minus, digits without a leading
# zero, at most 10 decimals, at most 12 characters in all. Such a text reads as `Decimal(text)`
# under every rule of `parse_value` (no %, no words, no exponent, finite, ≤ 12 digits), so the
# import takes it without the full parser; anything else goes through `parse_value`.
_PLAIN_FIGURE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]{1,10})?")


def quick_number(text: str) -> Decimal | None:
    """`parse_number(text)` for a plain figure (`_PLAIN_FIGURE`), else None: the caller then
    asks the full parser, which gives the same value or says what is wrong."""
    if len(text) > 12 or _PLAIN_FIGURE.fullmatch(text) is None:
        return None
    value = Decimal(text)
    return value.copy_abs() if value.is_zero() else value  # -0.0 is 0.0, as parse_number


class _NotSeen(enum.Enum):
    """What EntryChecker's caches give for a text they have not seen yet."""

    NOT_SEEN = 0


_NOT_SEEN = _NotSeen.NOT_SEEN


class EntryChecker:
    """`check_entry` for the rows of an import, many at a time: the same record, the same
    refusals, with what the rows share worked out once. A file names a few thousand targets
    and a dozen periods in a million rows, so each distinct target text is looked up and
    each distinct period text parsed once; a plain figure (`quick_number`) is read without the
    full parser; and the record is a plain one (plain.Record), as the model would have made
    it: its figures are checked by the rule the model applies (`figure_problem`, inside
    `parse_number` and `quick_number`), its time is the batch's, made UTC once. A row that is
    not plain in every part goes through `check_entry` itself, so every refusal and its
    message is check_entry's."""

    NUMBERS = 100_000

    def __init__(
        self, plan: AnyPlan, current: Figures, *, batch: str, recorded_at: datetime
    ) -> None:
        self.plan = plan
        self.current = current
        self.batch = batch
        # The time as the model keeps it (UTC; refused without an offset), checked once.
        self.recorded_at = Record(
            target="-", period="-", value=Decimal(0), recorded_at=recorded_at, batch=batch
        ).recorded_at
        self._targets: dict[str, AnyTarget | None] = {}  # text as given → target, None: unknown
        # (period text, a change target?) → the period and its text, None: check_entry says why
        self._periods: dict[tuple[str, bool], tuple[Period, str] | None] = {}
        self._numbers: dict[str, Decimal | None] = {}
        self._current = current._current  # (target, period) → the figure in force

    def target(self, text: str) -> AnyTarget | None:
        """The target a row's text names, or None (unknown: check_entry says so)."""
        found = self._targets.get(text, _NOT_SEEN)
        if found is _NOT_SEEN:
            found = self._targets[text] = self.plan.target(text.strip())
        return found

    def period(self, target: AnyTarget, text: str) -> tuple[Period, str] | None:
        key = (text, target.kind == "change")
        found = self._periods.get(key, _NOT_SEEN)
        if found is _NOT_SEEN:
            try:
                period = entry_period(self.plan, target, text)
            except InputError:
                found = None
            else:
                found = (period, str(period))
            self._periods[key] = found
        return found

    def number(self, text: str) -> Decimal | None:
        """`quick_number(text)`, kept for the first `NUMBERS` distinct texts: a bulletin's
        million figures have some ten thousand distinct texts, and a kept figure is one
        Decimal shared by every record that gives it."""
        found = self._numbers.get(text, _NOT_SEEN)
        if found is _NOT_SEEN:
            found = quick_number(text)
            if len(self._numbers) < self.NUMBERS:
                self._numbers[text] = found
        return found

    def check(self, entry: Entry) -> tuple[PlainRecord, AnyTarget, AnyRecord | None]:
        """(record, its target, the figure in force it supersedes or repeats); InputError as
        `check_entry` raises it. Called a million times: what `target`, `period` and
        `number` keep is read here directly, and only a text not seen yet calls them."""
        target = self._targets.get(entry.target, _NOT_SEEN)
        if target is _NOT_SEEN:
            target = self.target(entry.target)
        if target is not None and not entry.add:
            kind = target.kind
            period = self._periods.get((entry.period, kind == "change"), _NOT_SEEN)
            if period is _NOT_SEEN:
                period = self.period(target, entry.period)
            raw = entry.value
            value: Decimal | None = None
            if isinstance(raw, str):
                seen = self._numbers.get(raw, _NOT_SEEN)
                value = self.number(raw) if seen is _NOT_SEEN else seen
            if period is not None and value is not None:
                fits = not (
                    (kind == "cumulative" and value < 0)
                    or (kind == "milestone" and not 0 <= value <= 100)
                )
                amount: Decimal | None = None
                given = entry.amount
                if given is not None:
                    if isinstance(given, str) and target.has_amount:
                        seen = self._numbers.get(given, _NOT_SEEN)
                        amount = self.number(given) if seen is _NOT_SEEN else seen
                    if amount is not None and amount < 0:
                        amount = None
                if fits and (given is None or amount is not None):
                    note, source = entry.note, entry.source
                    text = period[1]
                    record = _new_record(
                        PlainRecord,
                        (
                            target.id,
                            text,
                            value,
                            amount,
                            None if note is None else clean_text(note, "note"),
                            None if source is None else clean_text(source, "source"),
                            self.recorded_at,
                            self.batch,
                            None,
                        ),
                    )
                    current = self._current
                    return record, target, current.get((target.id, text)) if current else None
        change = check_entry(
            self.plan, entry, self.current, batch=self.batch, recorded_at=self.recorded_at
        )
        record = PlainRecord(*(getattr(change.record, name) for name in PlainRecord._fields))
        return record, find_target(self.plan, record.target), change.previous


# A named tuple made from its fields without its Python-level __new__ (a million records).
_new_record = tuple.__new__


def entry_period(plan: AnyPlan, target: AnyTarget, text: str) -> Period:
    """The period of a figure: in the plan year; for a `change` target (提升1个百分点) also the
    end of the year before, its base level when the report does not state it (2025, 2025-12,
    2025-Q4 or 2025-H2 for a 2026 plan), which the status rule reads (`RecordIndex.base`)."""
    year = plan.plan.year
    period = _period(text)  # parsed once per distinct text: an import names a dozen periods
    if target.kind != "change":
        return period if period.year == year else parse_plan_period(text, year)
    if period.year == year or (period.year == year - 1 and period.is_final):
        return period
    raise InputError(
        _(
            "period {period!r} is outside the plan year {year}; the base level of a change "
            "target is recorded for the end of {before} ({before} or {before}-12)"
        ).format(period=text, year=year, before=year - 1)
    )


def sequence_warnings(plan: AnyPlan, record: AnyRecord, current: Figures) -> list[str]:
    """Cumulative figures are year-to-date totals: a figure below an earlier period's, or above
    a later period's, is most likely a monthly increment typed as a total."""
    target = plan.target(record.target)
    if target is None or target.kind != "cumulative":
        return []
    period = _period(record.period)
    warnings = []
    before = current.latest_before(record.target, period)
    if before is not None and record.value < before.value:
        warnings.append(
            _(
                "{target} {period} = {value} is below {before}'s {before_value}: cumulative "
                "figures are year-to-date totals (use --add to add a month's increment)"
            ).format(
                target=record.target,
                period=record.period,
                value=num(record.value),
                before=before.period,
                before_value=num(before.value),
            )
        )
    for after in current.later(record.target, period):
        if after.value < record.value:
            warnings.append(
                _(
                    "{target} {period} = {value} is above {after}'s {after_value}; "
                    "revise {after} too"
                ).format(
                    target=record.target,
                    period=record.period,
                    value=num(record.value),
                    after=after.period,
                    after_value=num(after.value),
                )
            )
            break
    return warnings


def with_warnings(change: Change, warnings: list[str]) -> Change:
    return Change(
        change.record,
        change.previous,
        change.base,
        change.increment,
        change.later,
        tuple(warnings),
    )


def record_entry(
    store: LedgerStore,
    plan: AnyPlan,
    entry: Entry,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> Change:
    """Record one figure as its own batch. The decision is taken under the lock, on the ledger
    as it is then, so concurrent `--add`s build on each other instead of racing."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    store.check_writable()
    if dry_run:
        current = Figures(store.read())
        change = check_entry(plan, entry, current, batch=batch, recorded_at=recorded_at)
        return with_warnings(change, sequence_warnings(plan, change.record, current))
    with store.transaction() as session:
        # Checking a figure looks only at its own target's other figures.
        current = Figures(session.records([entry.target.strip()]))
        change = check_entry(plan, entry, current, batch=batch, recorded_at=recorded_at)
        if not change.unchanged:
            session.append([change.record])
    return with_warnings(change, sequence_warnings(plan, change.record, current))


# ---------------------------------------------------------------------------- history


# ------------------------------------------------------------------------------- undo


@dataclass(frozen=True, slots=True)
class UndoStep:
    """One record of the batch to revert, and the revision in force after reverting it."""

    record: Record
    restored: Record | None


@dataclass(frozen=True, slots=True)
class AmendmentUndoStep:
    """An amendment to revert, and the amendment in force from its period on afterwards
    (None: the plan's bound)."""

    amendment: Amendment
    restored: Amendment | None


@dataclass(frozen=True, slots=True)
class UndoPlan:
    batch: str
    steps: tuple[UndoStep, ...]
    amendment_steps: tuple[AmendmentUndoStep, ...] = ()

    @property
    def records(self) -> list[Record]:
        return [step.record for step in self.steps]

    @property
    def amendments(self) -> list[Amendment]:
        return [step.amendment for step in self.amendment_steps]

    @property
    def recorded_at(self) -> datetime:
        first = self.steps[0].record if self.steps else self.amendment_steps[0].amendment
        return first.recorded_at


def last_batch(
    records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
) -> UndoPlan | None:
    """The batch of the last record or amendment written, or None if the ledger is empty."""
    if not records and not amendments:
        return None
    after_every_record = [p for p in amendments if p.after >= len(records)]
    batch = after_every_record[-1].amendment.batch if after_every_record else records[-1].batch
    kept = [r for r in records if r.batch != batch]
    after = current_records(kept)
    steps = tuple(UndoStep(r, after.get((r.target, r.period))) for r in records if r.batch == batch)
    kept_amendments = [p.amendment for p in amendments if p.amendment.batch != batch]
    amendment_steps = tuple(
        AmendmentUndoStep(p.amendment, amendment_in_force(kept_amendments, p.amendment))
        for p in amendments
        if p.amendment.batch == batch
    )
    return UndoPlan(batch, steps, amendment_steps)


def amendment_in_force(amendments: Sequence[Amendment], at: Amendment) -> Amendment | None:
    """Of `amendments`, the one in force for `at`'s target from `at`'s period on (the rule of
    the assessment: of those from a period ending by then, the one recorded last)."""
    period = _period(at.period)
    found = None
    for amendment in amendments:
        if amendment.target != at.target:
            continue
        other = _period(amendment.period)
        if other.year == period.year and other.end_month <= period.end_month:
            found = amendment
    return found


class LedgerChangedError(PlanError):
    """The last batch changed between showing it and reverting it (another writer)."""

    exit_code = 2


def undo_batch(store: LedgerStore, expected: UndoPlan) -> UndoPlan:
    """Remove the records (or the amendment) of `expected.batch`, if it is still the last batch.

    The user was shown `expected` and said yes without holding the lock (a question must not
    block other writers); if another writer has added a batch since, nothing is reverted.
    """
    with store.transaction() as session:
        now = last_batch(session.records(), session.amendments())
        if now is None or now.batch != expected.batch:
            latest = _("batch {batch}").format(batch=now.batch) if now else _("nothing")
            raise LedgerChangedError(
                _(
                    "the ledger changed while you were asked (its last batch is now {latest}); "
                    "nothing was reverted: run `plancli undo` again"
                ).format(latest=latest)
            )
        session.remove_batch(expected.batch)
        return now


def convert_ledger(source: Path, destination: Path, *, force: bool = False) -> int:
    """Copy every record of one ledger into another; returns how many records were copied
    (`copy_ledger` says how many amendments too)."""
    return len(copy_ledger(source, destination, force=force).records)


def copy_ledger(
    source: Path | LedgerLocation, destination: Path | LedgerLocation, *, force: bool = False
) -> LedgerContents:
    """Copy a ledger into another, of any store (TOML, SQLite, PostgreSQL): every revision,
    batch, time, note, source and writer, and every amendment, in ledger order. Returns what
    was copied.

    An existing destination is replaced only with `force`, and only if it is a valid ledger
    (its store's transaction reads it first), so a file that is not a ledger is never lost. A
    database ledger "exists" when it holds records or amendments of the plan; `force` replaces
    those of that plan only.
    """
    source = source if isinstance(source, LedgerLocation) else LedgerLocation(source, "option")
    if not isinstance(destination, LedgerLocation):
        destination = LedgerLocation(destination, "option")
    if source.url is None and not source.path.exists():
        raise InputError(_("{path}: no such ledger").format(path=source.path))
    if _same_ledger(source, destination):
        same = (
            _("{source} and {destination} are the same ledger")
            if source.url is not None
            else _("{source} and {destination} are the same file")
        )
        raise InputError(same.format(source=source.shown, destination=destination.shown))
    target_store = open_store(destination)
    if not force and ledger_holds_anything(destination, target_store):
        raise InputError(
            _("{path} exists; pass --force to replace its records").format(path=destination.shown)
        )
    contents = open_store(source).contents()
    with target_store.transaction() as session:
        session.replace(contents.records, contents.amendments)
    return contents


def _same_ledger(a: LedgerLocation, b: LedgerLocation) -> bool:
    if a.url is not None or b.url is not None:
        return a.url == b.url and a.plan_id == b.plan_id
    return b.path.exists() and b.path.resolve() == a.path.resolve()


def ledger_holds_anything(location: LedgerLocation, store: LedgerStore) -> bool:
    """Is there a ledger to overwrite: a file, or a plan's records in a database?"""
    if location.url is None:
        return location.path.exists()
    from plancli.ledger_postgres import PostgresLedgerStore

    return isinstance(store, PostgresLedgerStore) and store.holds_anything()


def copy_bundled_ledger(plan: PlanSource, destination: Path | LedgerLocation) -> int | None:
    """`plancli init`: copy the ledger bundled with a plan (guandu-2021's 2021 actuals) into the
    new workspace. Returns how many records were copied; None when the plan ships no ledger or
    `destination` exists already (an existing ledger is never overwritten). A database ledger
    gets the records (`copy_ledger`) unless it holds some of the plan already."""
    if plan.bundled_id not in BUNDLED_LEDGERS:
        return None
    bundled = data_dir() / BUNDLED_LEDGERS[plan.bundled_id]
    if isinstance(destination, LedgerLocation):
        if destination.url is not None:
            target_store = open_store(destination)
            if ledger_holds_anything(destination, target_store):
                return None
            return len(copy_ledger(LedgerLocation(bundled, "bundled"), destination).records)
        destination = destination.path
    if destination.exists():
        return None
    records = read_records(bundled)  # refuse to spread a bundled file that does not validate
    try:
        text = bundled.read_text(encoding="utf-8")
    except OSError as exc:
        raise LedgerFileError(
            _("{path}: cannot read: {reason}").format(path=bundled, reason=exc.strerror or exc)
        ) from None
    _write_atomically(writable_target(destination, LEDGER), text)
    return len(records)
