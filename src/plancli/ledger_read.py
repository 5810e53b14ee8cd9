"""A ledger as read commands read it: plain records, figures and amendments (`plain.py`).

The stores (`ledger.py`, `ledger_sqlite.py`) read a ledger with the Pydantic models, which
read commands do not import (issue 15). So a TOML ledger is read here first, by a quick reader
that accepts only what it can vouch for: every table with the exact types the models take
(strings, integers or decimals, times with a UTC offset), no unknown key, figures that pass
`plain.figure_problem`, periods written as plancli writes them, amendments with a bound. What
it accepts, the models accept too, and read as the same values (tests/test_ledger_read.py);
where it is stricter, it is only slower. Anything else, invalid or merely unusual (a figure
written as a string, a time without an offset), is left to the store: it validates with the
models and reports an invalid ledger exactly as it always has, or accepts what they accept.

When a rule of `model.Record` or `model.Amendment` changes, this reader must be as strict.

A SQLite ledger is read by its store's plain readers (`ledger_sqlite.read_plain_figures`,
`read_plain_contents`), which leave to the models only what is not written as the store
writes it. A PostgreSQL ledger's rows are checked by the same quick checks
(`ledger_postgres.read_plain`, one snapshot), and read by the models only when they cannot vouch
for a row.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from plancli.errors import InputError, LedgerFileError
from plancli.i18n import N_
from plancli.locations import LedgerLocation
from plancli.paths import check_readable, read_bytes
from plancli.periods import parse_period
from plancli.plain import (
    Amendment,
    Figure,
    FigureQuery,
    Record,
    figure_problem,
    latest_in_order,
    plain_amendment,
    plain_record,
)
from plancli.plan import parse_toml


class LedgerRead(NamedTuple):
    """Everything a ledger holds, in ledger order."""

    records: list[Record]
    amendments: list[Amendment]


def read_ledger(location: LedgerLocation) -> LedgerRead:
    """Every record and amendment of the ledger, as plain data (`history`, `show`)."""
    kind = location.format
    if kind == "toml":
        quick = _quick_toml(location)
        if quick is not None:
            return quick
    elif kind == "sqlite":
        from plancli.ledger_sqlite import read_plain_contents

        return LedgerRead(*read_plain_contents(location))
    elif kind == "postgres":
        from plancli.ledger_postgres import PostgresLedgerStore

        _, records, amendments = PostgresLedgerStore(location).read_plain(None, whole=True)
        return LedgerRead(records, amendments)
    from plancli.ledger import open_store

    contents = open_store(location).contents()
    return LedgerRead(
        [plain_record(record) for record in contents.records],
        [plain_amendment(amendment) for amendment in contents.plain_amendments],
    )


def read_figures(
    location: LedgerLocation, query: FigureQuery | None = None
) -> tuple[list[Figure], list[Amendment]]:
    """The figures in force (the latest revision of each target and period, in the order they
    were recorded) and the amendments: what `gap` and `status` judge. With `query` (`gap`),
    a store that can select in its database reads only the figures judged at it."""
    kind = location.format
    if kind == "toml":
        quick = _quick_toml(location)
        if quick is not None:
            return figures_in_force(quick.records), quick.amendments
    elif kind == "sqlite":
        from plancli.ledger_sqlite import read_plain_figures

        return read_plain_figures(location, query)
    elif kind == "postgres":
        from plancli.ledger_postgres import PostgresLedgerStore

        figures, _, amendments = PostgresLedgerStore(location).read_plain(query)
        return figures, amendments
    from plancli.ledger import open_store

    store = open_store(location)
    figures = store.figures() if query is None else store.figures_for(query)
    return figures, [plain_amendment(amendment) for amendment in store.amendments()]


def figures_in_force(records: list[Record]) -> list[Figure]:
    """A store's `figures()`: the latest revision of each target and period."""
    latest = latest_in_order(records, lambda record: (record.target, record.period))
    return [Figure(r.target, r.period, r.value, r.amount) for r in latest.values()]


# ---------------------------------------------------------------------- the quick reader

LEDGER = N_("the ledger")  # as `ledger.LEDGER`: what the path is, in messages
_LEDGER_KEYS = frozenset({"version", "records", "amendments"})
_RECORD_KEYS = frozenset(
    {"target", "period", "value", "amount", "note", "source", "recorded_at", "batch"}
    | {"recorded_by"}  # kept by a ledger converted from a database one (issue 13)
)
_RECORD_NEEDS = frozenset({"target", "period", "value", "recorded_at", "batch"})
_AMENDMENT_KEYS = frozenset(
    {"target", "period", "min", "max", "around", "tolerance", "stretch", "note"}
    | {"recorded_at", "batch", "recorded_by"}
)
_AMENDMENT_NEEDS = frozenset({"target", "period", "recorded_at", "batch"})


def _quick_toml(location: LedgerLocation) -> LedgerRead | None:
    """The TOML ledger, when every part of it is plainly valid; None: ask the store."""
    path = location.path
    if path.is_dir():
        return None  # the store says what is wrong
    if not check_readable(path, LEDGER):  # a FIFO or a device: exit 2, never opened
        return LedgerRead([], [])
    raw = read_bytes(path, LEDGER, LedgerFileError)  # as the store reads it
    data = _plancli_toml(raw)
    if data is None:  # written otherwise: the TOML reader, and its errors, as the store's
        data, _ = parse_toml(raw, path, LedgerFileError)
    if not data.keys() <= _LEDGER_KEYS or data.get("version", 1) != 1:
        return None
    raw_records, raw_amendments = data.get("records", []), data.get("amendments", [])
    if type(raw_records) is not list or type(raw_amendments) is not list:
        return None
    records: list[Record] = []
    for item in raw_records:
        record = _record(item)
        if record is None:
            return None
        records.append(record)
    amendments: list[Amendment] = []
    for item in raw_amendments:
        amendment = _amendment(item)
        if amendment is None:
            return None
        amendments.append(amendment)
    periods = {record.period for record in records} | {a.period for a in amendments}
    if not all(_canonical(period) for period in periods):
        return None
    return LedgerRead(records, amendments)


# A line of a ledger as plancli writes it (tomli_w): `key = value`, the value a string with
# nothing to unescape, a decimal or integer, or a date-time at UTC.
_LINE = re.compile(
    r'([a-z_]+) = (?:"([^"\\\x00-\x1f\x7f]*)"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)|'
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|\+00:00)))$"
)


def _plancli_toml(raw: bytes) -> dict[str, Any] | None:
    """The ledger's TOML as tomli reads it, when it is written as plancli writes it: comment
    lines, `version = 1`, then `[[records]]` and `[[amendments]]` tables of `_LINE`s. Anything
    else (a line in another form, a key twice, a date that does not exist): None.

    Twice tomli's speed (a year of monthly figures for 80 targets: 18.6 -> 8.2 ms), for the
    ledgers plancli writes; tests/test_ledger_read.py checks it reads what tomli reads."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    data: dict[str, Any] = {}
    arrays: dict[str, list[dict[str, Any]]] = {"records": [], "amendments": []}
    table = data
    times: dict[str, datetime] = {}  # a batch shares one time
    match = _LINE.match
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            array = arrays.get(line[2:-2]) if line in ("[[records]]", "[[amendments]]") else None
            if array is None:
                return None
            table = {}
            array.append(table)
            continue
        found = match(line)
        if found is None:
            return None
        key, string, number, moment = found.groups()
        if key in table or (table is data and key != "version"):
            return None
        if string is not None:
            table[key] = string
        elif number is not None:
            if "." in number:
                table[key] = Decimal(number)
            elif len(number) < 20:  # tomli refuses an integer of more digits than Python reads
                table[key] = int(number)
            else:
                return None
        else:
            when = times.get(moment)
            if when is None:
                try:
                    when = datetime.fromisoformat(moment.replace("Z", "+00:00"))
                except ValueError:  # 2022-02-30: tomli says what is wrong
                    return None
                times[moment] = when
            table[key] = when
    data.update((name, array) for name, array in arrays.items() if array)
    return data


def _record(item: object) -> Record | None:
    if type(item) is not dict or not _RECORD_NEEDS <= item.keys() <= _RECORD_KEYS:
        return None
    target, period, batch = item["target"], item["period"], item["batch"]
    note, source = item.get("note"), item.get("source")
    value, amount = _figure(item["value"]), _figure(item.get("amount"))
    recorded_at = _utc(item["recorded_at"])
    writer = item.get("recorded_by")
    if (
        type(target) is not str
        or type(period) is not str
        or type(batch) is not str
        or not (note is None or type(note) is str)
        or not (source is None or type(source) is str)
        or not (writer is None or type(writer) is str)
        or value is None
        or (amount is None and item.get("amount") is not None)
        or recorded_at is None
    ):
        return None
    return Record(target, period, value, amount, note, source, recorded_at, batch, writer)


def _amendment(item: object) -> Amendment | None:
    if type(item) is not dict or not _AMENDMENT_NEEDS <= item.keys() <= _AMENDMENT_KEYS:
        return None
    target, period, batch, note = item["target"], item["period"], item["batch"], item.get("note")
    writer = item.get("recorded_by")
    given = [item.get(name) for name in ("min", "max", "around", "tolerance", "stretch")]
    numbers = [_figure(value) for value in given]
    low, high, around, tolerance, stretch = numbers
    recorded_at = _utc(item["recorded_at"])
    if (
        type(target) is not str
        or type(period) is not str
        or type(batch) is not str
        or not (note is None or type(note) is str)
        or not (writer is None or type(writer) is str)
        or any(n is None and g is not None for n, g in zip(numbers, given, strict=True))
        or recorded_at is None
        or (low is None and high is None and around is None)
        or (around is not None and (low is not None or high is not None))
        or (low is not None and high is not None and low > high)
        or (tolerance is not None and tolerance < 0)
    ):
        return None
    return Amendment(
        target, period, low, high, around, tolerance, stretch, note, recorded_at, batch, writer
    )


def plain_amendment_of(item: dict[str, Any]) -> Amendment | None:
    """An amendment's fields (typed values: decimals, a time) as a plain amendment, when they
    are plainly valid; None: let the models judge them. The SQLite store reads with this."""
    return _amendment(item)


def _figure(value: Any) -> Decimal | None:
    """A figure the models read as this Decimal, or None (absent, or not plainly valid)."""
    kind = type(value)
    if kind is Decimal:
        number: Decimal = value
    elif kind is int:
        number = Decimal(value)
    else:
        return None
    return None if figure_problem(number) else number


def _utc(value: Any) -> datetime | None:
    """A time as the models keep it, in UTC; None when it is not a time with an offset."""
    if type(value) is not datetime:
        return None
    offset = value.utcoffset()
    if offset is None:
        return None
    return value.astimezone(UTC) if offset else value


# The quick checks, for a database's rows too (ledger_postgres.read_plain).
quick_record = _record
quick_amendment = _amendment


_CANONICAL: dict[str, bool] = {}


def _canonical(period: str) -> bool:
    """Written as plancli writes it (2022-06, not 2022-6): a ledger has few distinct periods."""
    known = _CANONICAL.get(period)
    if known is None:
        try:
            known = str(parse_period(period)) == period
        except InputError:
            known = False
        _CANONICAL[period] = known
    return known


canonical_period = _canonical
