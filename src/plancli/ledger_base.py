"""What every ledger store shares, free of the models: the stores' constants, the lock's
error and message, the rule for periods, and the shapes a ledger's contents come in.

`ledger.py` (the TOML store and the rules for figures) validates with the Pydantic models;
`ledger_sqlite.py` reads a ledger without them on the read path (issue 15). Both import what
they share from here, so the SQLite store's read path imports neither `ledger.py` nor Pydantic,
and neither store imports the other at module level. `ledger.py` re-exports every name, for the
code that imports them from there.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plancli.errors import InputError, LedgerFileError
from plancli.i18n import N_, _
from plancli.periods import Period, parse_period

if TYPE_CHECKING:
    from plancli.model import Amendment, Record

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
    return message.format(path=path, seconds=f"{timeout:g}", sqlite=sqlite_name(path))


def shown(raw: object, limit: int = 40) -> str:
    """`repr` of a value from a file or the command line, for a message: a figure of 5,000
    digits or a cell of 32,767 characters is shown by its beginning."""
    text = repr(raw)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…({len(str(raw)):,} characters)"


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
