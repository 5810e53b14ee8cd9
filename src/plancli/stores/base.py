"""The stores' contract and what every store shares, free of the models.

`LedgerStore` and `LedgerSession` are what the rest of plancli sees of a ledger; `stores.toml`,
`stores.sqlite` and the PostgreSQL store implement them. Beside them: the stores' constants,
the lock's error and message, the rule for periods, the shapes a ledger's contents come in,
and which paths may be written. No Pydantic here: the SQLite store's plain read path imports
this module and not the models (issue 15).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from plancli.errors import InputError, LedgerFileError, os_reason
from plancli.i18n import N_, _
from plancli.locations import LedgerLocation
from plancli.paths import writable_target
from plancli.periods import Period, parse_period
from plancli.safe import clip_path, length_note

if TYPE_CHECKING:
    from decimal import Decimal

    from plancli.model import Amendment, Figure, Record
    from plancli.plain import FigureQuery
    from plancli.plain import Record as PlainRecord

# flock is released by the kernel when its holder dies, so the wait only guards against a live
# but stuck writer. It is generous because writers queue: each rewrites the whole file under the
# lock (about 0.7 s at 12,000 records, 7.5 s at 120,000 until issue 5's faster store).
LOCK_TIMEOUT_SECONDS = 120.0


# Test hook: a writer exits abruptly after writing and fsyncing the temp file and before the
# rename, as a power cut or `kill -9` would. tests/test_ledger_durability.py sets it in a child
# process to prove that the old ledger survives intact.
CRASH_HOOK = "PLANCLI_TEST_CRASH_BEFORE_RENAME"


LEDGER = N_("the ledger")  # what a path is, in the messages about it


@dataclass(frozen=True, slots=True)
class PlacedAmendment:
    """An amendment and its place in ledger order: written after the first `after` records.

    Records and amendments are kept apart (a TOML table each, a SQLite table each); `undo`
    needs to know which of them was written last.
    """

    amendment: Amendment
    after: int


def after_removal(after: int, removed: Sequence[int]) -> int:
    """An amendment's place (after `after` records) once the records at `removed` (positions
    in ledger order, from 0, sorted) are removed: a batch reverted from the middle of the
    ledger (`undo --batch`) moves back the amendments written after it."""
    return after - bisect_left(removed, after)


@dataclass(frozen=True, slots=True)
class LedgerContents:
    """Everything a ledger holds, in ledger order: the figures and the mid-year amendments."""

    records: list[Record]
    amendments: list[PlacedAmendment]

    @property
    def plain_amendments(self) -> list[Amendment]:
        return [placed.amendment for placed in self.amendments]


def period_problems(periods: Iterable[object]) -> dict[object, str]:
    """The periods a ledger may not hold (each distinct one checked once), with the reason:
    a period must be written as plancli writes it (2022-06, not 2022-6), so records of the
    same period are recognised as revisions of each other."""
    problems: dict[object, str] = {}
    for text in set(periods):
        if not isinstance(text, str):
            problems[text] = _("{value!r} is not a period").format(value=text)
            continue
        try:
            period = cached_period(text)
        except InputError as exc:
            problems[text] = str(exc)
            continue
        if str(period) != text:
            problems[text] = _("write the period as {period!r}, not {value!r}").format(
                period=str(period), value=text
            )
    return problems


class LedgerBusyError(LedgerFileError):
    """Another process held the ledger's lock for longer than the timeout."""


def sqlite_name(path: Path) -> Path:
    """The SQLite ledger to suggest for a TOML one: `x.progress.toml` → `x.progress.sqlite`."""
    return path.with_suffix(".sqlite")


def busy_message(path: Path, timeout: float, store: str) -> str:
    """The one line of a writer that gave up waiting for the lock: what to do next."""
    if store == "toml":
        message = _(
            "{path}: other plancli processes held the ledger's lock for {seconds} s; nothing "
            "was written: run the command again; if many processes write at once, move the "
            "ledger to SQLite, which writes only the change: plancli ledger convert {path} "
            "{sqlite}"
        )
    else:
        message = _(
            "{path}: other plancli processes held the ledger's lock for {seconds} s; nothing "
            "was written: run the command again"
        )
    return message.format(
        path=clip_path(path), seconds=f"{timeout:g}", sqlite=clip_path(sqlite_name(path))
    )


def shown(raw: object, limit: int = 40) -> str:
    """`repr` of a value from a file or the command line, for a message: a figure of 5,000
    digits or a cell of 32,767 characters is shown by its beginning."""
    text = repr(raw)
    if len(text) <= limit:
        return text
    return text[:limit] + length_note(len(str(raw)))


def same_as_stated(a: Decimal | None, b: Decimal | None) -> bool:
    """Equal, and with the places `fmt.stated` shows (12 is not 12.0, session 41; 1.2E+3 is
    1200, as TOML gives it back). Every store gives back the places it was given, so a file
    imported again is unchanged. same_quantum first: 0.2 µs, where formatting both is 1.4."""
    if a is None or b is None:
        return a is b
    return a == b and (a.same_quantum(b) or format(a, "f") == format(b, "f"))


@functools.lru_cache(maxsize=4096)
def cached_period(text: str) -> Period:
    # A ledger has few distinct periods (at most ~19 a year) but may hold 100,000 records.
    return parse_period(text)


# The stored fields of a record and of an amendment, in the order every store keeps them
# (SQLite's and PostgreSQL's columns; the database adds who wrote each).
RECORD_FIELDS = ("target", "period", "value", "amount", "note", "source", "recorded_at", "batch")
AMENDMENT_FIELDS = (
    "target",
    "period",
    "min",
    "max",
    "around",
    "tolerance",
    "stretch",
    "note",
    "recorded_at",
    "batch",
)


# ---------------------------------------------------------------------- storage boundary


class ShareRange(Protocol):
    """Some of a plan's targets, as `gap --json`'s split gives a process to read
    (`gap_shares.Share`): those whose id is in [low, high) (None: open), compared by code
    point, and the `extra` ones outside the range that they read (parts, references)."""

    @property
    def low(self) -> str | None: ...
    @property
    def high(self) -> str | None: ...
    @property
    def extra(self) -> frozenset[str]: ...


class LedgerSession(Protocol):
    """The ledger inside one exclusive transaction: read, then append and/or remove a batch."""

    def records(self, targets: Collection[str] | None = None) -> list[Record]:
        """The records (of these targets only, when given), in ledger order."""
        ...

    def records_of(
        self, targets: Collection[str], meanwhile: Callable[[], object] | None = None
    ) -> Sequence[Record | PlainRecord]:
        """The records of these targets, in ledger order, as plain records where the store
        can vouch for every row (SQLite does, so a `record` imports no Pydantic): what a
        `record` checks its figure against. `meanwhile` is called while they are read where
        a server reads them (PostgreSQL), else before reading them."""
        ...

    def records_in_force(self) -> Sequence[Record | PlainRecord]:
        """The latest revision of each target and period (every record checked as `records()`
        checks it), in the order they were recorded: what an import checks its rows against.
        The SQLite store reads them as plain records, not a model of every record; the
        PostgreSQL store selects them in the database (DISTINCT ON) and reads them plainly."""
        ...

    def append(self, batch: Sequence[Record | PlainRecord]) -> None: ...

    def amendments(self) -> list[PlacedAmendment]:
        """The amendments, in ledger order, each placed among the records."""
        ...

    def append_amendment(self, amendment: Amendment) -> None:
        """Add an amendment after every record written so far."""
        ...

    def remove_batch(self, batch_id: str) -> list[Record]:
        """Remove the records and amendments of a batch (any batch: `undo --batch`), the
        amendments written after it moved back in ledger order; returns the records removed."""
        ...

    def replace(
        self, records: Sequence[Record], amendments: Sequence[PlacedAmendment] = ()
    ) -> None:
        """Make `records` and `amendments` the whole ledger (`plancli ledger convert --force`)."""
        ...


class LedgerStore(Protocol):
    """Where records are kept: a TOML file (stores.toml), SQLite (stores.sqlite) or a
    PostgreSQL database (stores/postgres)."""

    # What the store can do, asked by the callers that must not name a store (`store_class`):
    # a write refused target by target, as a database refuses a department another's target
    # (an import then keeps each target's first row, to name the row a refusal is about);
    refuses_targets: ClassVar[bool]
    # every record stamped with who wrote it (`recorded_by`: the database's user), so a
    # listing of the ledger has that column whatever its records hold.
    stamps_writers: ClassVar[bool]
    # a writer a record or amendment carries (`recorded_by`) kept when it is written here:
    # TOML and PostgreSQL keep it, SQLite has no column for it (convert warns it is dropped).
    keeps_writers: ClassVar[bool]

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

    def check_allowed(
        self, targets: Sequence[str], *, undoing: str | None = None, moving: str | None = None
    ) -> None:
        """A dry run's check of who may write `targets`: a database refuses, as the write
        would, a target the role's departments do not own; `undoing` (the batch an undo
        reverts): a batch the role's departments did not write; and (`moving`: that batch,
        reverted from the middle of the ledger) a later amendment's move (a file store:
        nothing to check)."""
        ...

    def transaction(self) -> AbstractContextManager[LedgerSession]: ...

    def advice(self) -> str | None:
        """After a read or a write: a word on the store's fitness (a TOML ledger grown past
        TOML_ADVICE_RECORDS should move to SQLite), or None."""
        ...


def empty_ledger_error(path: Path) -> LedgerFileError:
    """An existing ledger file with nothing in it. plancli never writes one: a TOML ledger
    always holds `version = 1`, and a SQLite ledger is created with its schema. So an empty
    file is a copy cut short or a sync that failed, and reading it as a ledger with no figures
    would turn every target to "no data" and let the next write replace what it lost."""
    return LedgerFileError(
        _(
            "{path}: the file is empty (a copy cut short?), and plancli never writes an empty "
            "ledger; restore it, or delete it to start a new ledger"
        ).format(path=clip_path(path))
    )


LEDGER_OPENING = "# plancli progress ledger."
"""The first line plancli writes in a TOML ledger, always followed by `version = 1`."""


def blank_ledger_text(text: str) -> bool:
    """A TOML ledger's text (its BOM removed) that holds nothing: no byte, or blank lines
    alone (TOML's spaces, tabs and line ends). plancli never writes one (`empty_ledger_error`).
    A file of comments is not blank: see `cut_after_opening`."""
    return not text.strip(" \t\r\n")


def cut_after_opening(text: str) -> bool:
    """A TOML ledger of comments alone whose first line is plancli's opening comment: plancli
    wrote it and always writes `version = 1` next, so the file is a copy cut short. Other
    comments alone (`# 2022年进度台账`, typed into a new file) are a ledger with no figures
    yet: nothing in such a file was lost."""
    return text.lstrip(" \t\r\n").startswith(LEDGER_OPENING)


def cut_ledger_error(path: Path) -> LedgerFileError:
    """A TOML ledger holding plancli's opening comment and nothing after it."""
    return LedgerFileError(
        _(
            "{path}: the file holds plancli's opening comment and nothing after it, not even "
            "`version = 1` (a copy cut short?); restore it, or delete it to start a new ledger"
        ).format(path=clip_path(path))
    )


def make_folder(path: Path) -> None:
    """The folder a ledger file is written into, created if missing (every file store)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerFileError(
            _("{path}: cannot create: {reason}").format(
                path=clip_path(path.parent), reason=os_reason(exc)
            )
        ) from None


def check_writable_location(location: LedgerLocation) -> Path:
    """The file a write to this ledger replaces; InputError (exit 2) when it may not be written:
    the bundled read-only ledger, a folder, a device or FIFO, a link out of its folder."""
    if location.read_only:
        plan_id = location.plan_id or _("this plan")
        raise InputError(
            _(
                "{path} is the ledger bundled with {plan}, read-only; start a workspace "
                "to record figures: plancli --plan {plan} init DIR"
            ).format(path=clip_path(location.path), plan=plan_id)
        )
    if location.path.is_dir():
        raise InputError(
            _("--ledger {path}: is a folder; give the ledger's file name").format(
                path=clip_path(location.path)
            )
        )
    if location.url is None and not location.path.exists():
        from plancli.locations import unknown_ledger_name

        # a new ledger's name says its format: `--ledger june.txt` wrote TOML under .txt
        refusal = unknown_ledger_name(location.path)
        if refusal is not None:
            raise InputError(refusal)
    return writable_target(location.path, LEDGER)


def unstorable_text(
    path: Path | str, exc: UnicodeEncodeError, items: Iterable[object] = ()
) -> InputError:
    """A text no ledger can keep as UTF-8 (a lone surrogate: a byte that was not UTF-8, in a
    file name or an argument, as Python hands it on) met at the write: refused, exit 2,
    nothing written (the transaction rolled back, the file not replaced). Named by its field
    where `items` (the records and amendments written) hold it. Every way in that plancli
    knows refuses it sooner (`texts.text_problem`); this is the last line, instead of an
    internal error."""
    from plancli.texts import text_problem

    for item in items:
        fields = (
            item.model_dump()
            if hasattr(item, "model_dump")
            else item._asdict()  # a plain record (a named tuple)
            if hasattr(item, "_asdict")
            else {}
        )
        for name, value in fields.items():
            if isinstance(value, str) and (problem := text_problem(value, name)):
                return InputError(
                    _("{path}: nothing written: {problem}").format(
                        path=clip_path(path), problem=problem
                    )
                )
    text = exc.object if isinstance(exc.object, str) else ""
    problem = text_problem(text, _("a text to record")) or exc.reason
    return InputError(
        _("{path}: nothing written: {problem}").format(path=clip_path(path), problem=problem)
    )
