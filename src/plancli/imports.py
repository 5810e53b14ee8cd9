"""`plancli import FILE`: figures from CSV, JSON or JSON Lines, all or nothing. Pure core.

Formats (detected from the content, so `-` for stdin needs no flag):
- CSV with a header row `target,period,value[,amount,note,source]` (any order, any case),
  UTF-8 with or without the BOM Excel writes; empty optional cells mean "none";
- JSON: a list of objects with the same keys; values may be numbers or strings;
- JSON Lines: one such object per line.

Every row is checked before anything is written, and every bad row is reported as
`FILE:ROW: reason` (ROW: the CSV line, counting the header as line 1; the JSON list position
from 1; the JSON Lines line). A file that names the same target and period twice is rejected:
a script that writes a figure twice has a bug, and guessing which one it meant would hide it.
A row equal to the figure in force is a no-op, so re-importing a file changes nothing. One
import is one batch, which `plancli undo` reverts as a whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.ledger import (
    Change,
    Entry,
    Figures,
    LedgerStore,
    check_entry,
    new_batch_id,
    sequence_warnings,
    utc_now,
    with_warnings,
)
from plancli.model import Plan, Record

REQUIRED = ("target", "period", "value")
OPTIONAL = ("amount", "note", "source")
COLUMNS = REQUIRED + OPTIONAL
# Read-only columns of the sheets `plancli template` writes, there for the person filling them
# in (which target, its unit, its last figure); CSV and xlsx imports accept and ignore them.
HELPER_COLUMNS = ("name", "unit", "last_value", "last_period")
MAX_SHOWN_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class ImportRow:
    row: int  # CSV line (header = 1), JSON list position (from 1) or JSON Lines line
    entry: Entry


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    row: int
    message: str


class ImportRejected(InputError):
    """Some rows are bad: all of them are listed, and nothing was written."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name = name
        self.problems = sorted(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        rows = len({p.row for p in self.problems})
        lines = [
            ngettext(
                "{file}: {n} bad row; nothing was imported",
                "{file}: {n} bad rows; nothing was imported",
                rows,
            ).format(file=self.name, n=rows),
            *(f"{self.name}:{p.row}: {p.message}" for p in self.problems[:MAX_SHOWN_PROBLEMS]),
        ]
        if count > MAX_SHOWN_PROBLEMS:
            lines.append(_("… and {n} more").format(n=count - MAX_SHOWN_PROBLEMS))
        return "\n".join(lines)


# ---------------------------------------------------------------------------- parsing


def parse_import(data: bytes, name: str) -> tuple[list[ImportRow], list[Problem]]:
    """Rows of a CSV, JSON or JSON Lines file, and the problems of rows that cannot be read.

    A file that cannot be read at all (not UTF-8, bad header, not JSON) raises InputError.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 "
            '(Excel: "CSV UTF-8")'
        ) from None
    start = text.lstrip()[:1]
    if not start:
        raise InputError(f"{name}: the file is empty; expected a CSV header or JSON")
    if start == "[":
        return _parse_json_list(text, name)
    if start == "{":
        return _parse_json_lines(text, name)
    return _parse_csv(text, name)


def _parse_csv(text: str, name: str) -> tuple[list[ImportRow], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"{name}:1: invalid CSV: {exc}") from None
    columns = [cell.strip().lower() for cell in header]
    _check_header(columns, name)
    rows: list[ImportRow] = []
    problems: list[Problem] = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(reader.line_num, f"invalid CSV: {exc}"))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            problems.append(
                Problem(line, f"{len(cells)} cells, but the header has {len(columns)} columns")
            )
            continue
        values = dict(zip(columns, cells, strict=False))
        missing = [c for c in REQUIRED if not values.get(c, "").strip()]
        if missing:
            problems.append(Problem(line, f"no {', '.join(missing)}"))
            continue
        rows.append(
            ImportRow(
                line,
                Entry(
                    target=values["target"].strip(),
                    period=values["period"].strip(),
                    value=values["value"].strip(),
                    amount=values.get("amount", "").strip() or None,
                    note=values.get("note", "").strip() or None,
                    source=values.get("source", "").strip() or None,
                ),
            )
        )
    return rows, problems


def _check_header(columns: list[str], name: str) -> None:
    expected = "the header must be target,period,value[,amount,note,source]"
    unknown = [c for c in columns if c not in COLUMNS and c not in HELPER_COLUMNS]
    if unknown:
        listed = ", ".join(repr(c) for c in unknown)
        hint = ""
        if any(sep in c for c in unknown for sep in (";", "\t")):
            hint = " (the file seems separated by ';' or tabs; plancli reads comma-separated CSV)"
        raise InputError(f"{name}:1: unknown column(s) {listed}; {expected}{hint}")
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    if duplicated:
        raise InputError(f"{name}:1: column(s) {', '.join(duplicated)} appear twice; {expected}")
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(f"{name}:1: missing column(s) {', '.join(missing)}; {expected}")


def _json_loads(text: str) -> Any:
    # Exact decimals; NaN and Infinity literals become Decimal so the value check rejects them
    # with the same message as on the command line.
    return json.loads(text, parse_float=Decimal, parse_constant=Decimal)


def _parse_json_list(text: str, name: str) -> tuple[list[ImportRow], list[Problem]]:
    try:
        items = _json_loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    if not isinstance(items, list):
        raise InputError(f"{name}: expected a JSON list of objects or JSON Lines")
    rows: list[ImportRow] = []
    problems: list[Problem] = []
    for position, item in enumerate(items, start=1):
        _add_json_row(item, position, rows, problems)
    return rows, problems


def _parse_json_lines(text: str, name: str) -> tuple[list[ImportRow], list[Problem]]:
    rows: list[ImportRow] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = _json_loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(number, f"invalid JSON: {exc.msg} (column {exc.colno})"))
            continue
        _add_json_row(item, number, rows, problems)
    return rows, problems


_NONE = type(None)
_JSON_TYPES: tuple[tuple[str, tuple[type, ...], str], ...] = (
    ("target", (str,), "text"),
    ("period", (str,), "text"),
    ("value", (str, int, Decimal), "a number"),
    ("amount", (str, int, Decimal, _NONE), "a number"),
    ("note", (str, _NONE), "text"),
    ("source", (str, _NONE), "text"),
)


def _add_json_row(item: Any, row: int, rows: list[ImportRow], problems: list[Problem]) -> None:
    if not isinstance(item, dict):
        problems.append(Problem(row, f"expected an object with {', '.join(REQUIRED)}"))
        return
    unknown = [key for key in item if key not in COLUMNS]
    if unknown:
        listed = ", ".join(repr(k) for k in unknown)
        problems.append(Problem(row, f"unknown key(s) {listed}; keys are {', '.join(COLUMNS)}"))
        return
    missing = [key for key in REQUIRED if item.get(key) is None or item.get(key) == ""]
    if missing:
        problems.append(Problem(row, f"no {', '.join(missing)}"))
        return
    wrong = [
        f"{key} must be {word}"
        for key, allowed, word in _JSON_TYPES
        if key in item and (isinstance(item[key], bool) or not isinstance(item[key], allowed))
    ]
    if wrong:
        problems.append(Problem(row, "; ".join(wrong)))
        return
    rows.append(
        ImportRow(
            row,
            Entry(
                target=item["target"],
                period=item["period"],
                value=item["value"],
                amount=item.get("amount"),
                note=item.get("note"),
                source=item.get("source"),
            ),
        )
    )


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

    @property
    def new(self) -> int:
        return sum(1 for rc in self.changes if rc.change.previous is None)

    @property
    def revised(self) -> int:
        return len(self.changes) - self.new


def check_import(
    plan: Plan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Sequence[Problem],
    records: Sequence[Record],
    *,
    batch: str,
    recorded_at: datetime,
) -> tuple[list[RowChange], list[RowChange]]:
    """(changes, unchanged) of the rows against the ledger; ImportRejected listing every bad row."""
    current = Figures(records)
    found = list(problems)
    first_row: dict[tuple[str, str], int] = {}
    checked: list[RowChange] = []
    for row in rows:
        try:
            change = check_entry(plan, row.entry, current, batch=batch, recorded_at=recorded_at)
        except InputError as exc:
            found.append(Problem(row.row, str(exc)))
            continue
        key = (change.record.target, change.record.period)
        if key in first_row:
            found.append(
                Problem(
                    row.row,
                    f"{key[0]} {key[1]} is also on row {first_row[key]}; "
                    "give one figure per target and period",
                )
            )
            continue
        first_row[key] = row.row
        checked.append(RowChange(row.row, change))
    if found:
        raise ImportRejected(name, found)
    # Warnings look at the ledger as it will be, so a file giving May and June is judged whole.
    merged = current.with_records(rc.change.record for rc in checked)
    changes: list[RowChange] = []
    unchanged: list[RowChange] = []
    for rc in checked:
        warned = RowChange(
            rc.row, with_warnings(rc.change, sequence_warnings(plan, rc.change.record, merged))
        )
        (unchanged if rc.change.unchanged else changes).append(warned)
    return changes, unchanged


def import_rows(
    store: LedgerStore,
    plan: Plan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Sequence[Problem],
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> ImportResult:
    """Check every row, then append the changed ones as one batch (unless `dry_run`)."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    store.check_writable()
    if dry_run:
        changes, unchanged = check_import(
            plan, name, rows, problems, store.read(), batch=batch, recorded_at=recorded_at
        )
        return ImportResult(name, batch, len(rows), changes, unchanged)
    with store.transaction() as session:
        changes, unchanged = check_import(
            plan, name, rows, problems, session.records(), batch=batch, recorded_at=recorded_at
        )
        session.append([rc.change.record for rc in changes])
    return ImportResult(name, batch, len(rows), changes, unchanged, written=bool(changes))
