"""The quick checks of stored rows, without the models (issue 15): a record or amendment whose
fields have exactly the types the models take (strings; integer or decimal figures that pass
`plain.figure_problem`; times with a UTC offset) and no unknown field is read as plain data;
anything else gives None, and the store asks the models, which accept it or say what is wrong.
What these accept, the models accept too, as the same values (tests/test_ledger_read.py). The
TOML quick reader (`ledger_read`), the SQLite store's and the PostgreSQL store's plain readers
use them. When a rule of `model.Record` or `model.Amendment` changes, these must be as strict.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from plancli.errors import InputError
from plancli.periods import parse_period
from plancli.plain import Amendment, Record, figure_problem

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


def quick_record(item: object) -> Record | None:
    if type(item) is not dict or not _RECORD_NEEDS <= item.keys() <= _RECORD_KEYS:
        return None
    target, period, batch = item["target"], item["period"], item["batch"]
    note, source = item.get("note"), item.get("source")
    value, amount = plain_figure(item["value"]), plain_figure(item.get("amount"))
    recorded_at = plain_utc(item["recorded_at"])
    writer = item.get("recorded_by")
    if (
        type(target) is not str
        or not target  # (target = "": the store names it)
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


def quick_amendment(item: object) -> Amendment | None:
    if type(item) is not dict or not _AMENDMENT_NEEDS <= item.keys() <= _AMENDMENT_KEYS:
        return None
    target, period, batch, note = item["target"], item["period"], item["batch"], item.get("note")
    writer = item.get("recorded_by")
    given = [item.get(name) for name in ("min", "max", "around", "tolerance", "stretch")]
    numbers = [plain_figure(value) for value in given]
    low, high, around, tolerance, stretch = numbers
    recorded_at = plain_utc(item["recorded_at"])
    if (
        type(target) is not str
        or not target  # (target = "": the store names it)
        or type(period) is not str
        or type(batch) is not str
        or not (note is None or type(note) is str)
        or not (writer is None or type(writer) is str)
        or any(n is None and g is not None for n, g in zip(numbers, given, strict=True))
        or recorded_at is None
        or (  # a drop (no bound) carries no tolerance or stretch
            low is None
            and high is None
            and around is None
            and (tolerance is not None or stretch is not None)
        )
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
    return quick_amendment(item)


def plain_figure(value: Any) -> Decimal | None:
    """A figure the models read as this Decimal, or None (absent, or not plainly valid)."""
    kind = type(value)
    if kind is Decimal:
        number: Decimal = value
    elif kind is int:
        number = Decimal(value)
    else:
        return None
    return None if figure_problem(number) else number


def plain_utc(value: Any) -> datetime | None:
    """A time as the models keep it, in UTC; None when it is not a time with an offset."""
    if type(value) is not datetime:
        return None
    offset = value.utcoffset()
    if offset is None:
        return None
    if not offset:
        return value
    try:
        return value.astimezone(UTC)
    except OverflowError:  # past year 9999 in UTC: the models say so
        return None


_CANONICAL: dict[str, bool] = {}


def canonical_period(period: str) -> bool:
    """Written as plancli writes it (2022-06, not 2022-6): a ledger has few distinct periods."""
    known = _CANONICAL.get(period)
    if known is None:
        try:
            known = str(parse_period(period)) == period
        except InputError:
            known = False
        _CANONICAL[period] = known
    return known
