"""A ledger as read commands read it: plain records, figures and amendments (`plain.py`).

The stores (`stores.toml`, `stores.sqlite`) read a ledger with the Pydantic models, which
read commands do not import (issue 15). So a TOML ledger is read here first, by a quick reader
that accepts only what it can vouch for: every table with the exact types the models take
(strings, integers or decimals, times with a UTC offset), no unknown key, figures that pass
`plain.figure_problem`, periods written as plancli writes them, amendments with a bound. What
it accepts, the models accept too, and read as the same values (tests/test_ledger_read.py);
where it is stricter, it is only slower. Anything else, invalid or merely unusual (a figure
written as a string, a time without an offset), is left to the store: it validates with the
models and reports an invalid ledger exactly as it always has, or accepts what they accept.

When a rule of `model.Record` or `model.Amendment` changes, this reader must be as strict.

A SQLite ledger is read by its store's plain readers (`stores.sqlite_read.read_plain_figures`,
`read_plain_contents`), which leave to the models only what is not written as the store
writes it. A PostgreSQL ledger's rows are checked by the same quick checks
(`stores.postgres.store.read_plain`, one snapshot), and read by the models only when they
cannot vouch for a row.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from plancli.errors import LedgerFileError
from plancli.i18n import N_, ngettext
from plancli.locations import LedgerLocation
from plancli.paths import check_readable, read_bytes
from plancli.plain import (
    Amendment,
    Figure,
    FigureQuery,
    Record,
    latest_in_order,
    plain_amendment,
    plain_record,
)
from plancli.plan import parse_toml
from plancli.safe import clip_path
from plancli.stores.plain_rows import (
    canonical_period,
    plain_figure,
    plain_utc,
    quick_amendment,
    quick_record,
)


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
        from plancli.stores.sqlite_read import read_plain_contents

        return LedgerRead(*read_plain_contents(location))
    elif kind == "postgres":
        from plancli.stores.postgres import PostgresLedgerStore

        _, records, amendments = PostgresLedgerStore(location).read_plain(None, whole=True)
        return LedgerRead(records, amendments)
    from plancli.stores import open_store

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
        from plancli.stores.sqlite_read import read_plain_figures

        return read_plain_figures(location, query)
    elif kind == "postgres":
        from plancli.stores.postgres import PostgresLedgerStore

        figures, _, amendments = PostgresLedgerStore(location).read_plain(query)
        return figures, amendments
    from plancli.stores import open_store

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


def _quick_toml(location: LedgerLocation) -> LedgerRead | None:
    """The TOML ledger, when every part of it is plainly valid; None: ask the store."""
    path = location.path
    if path.is_dir():
        return None  # the store says what is wrong
    if not check_readable(path, LEDGER):  # a FIFO or a device: exit 2, never opened
        return LedgerRead([], [])
    raw = read_bytes(path, LEDGER, LedgerFileError)  # as the store reads it
    if not raw.removeprefix(b"\xef\xbb\xbf").strip(b" \t\r\n"):
        return None  # an empty file: the store refuses it (`stores.base.blank_ledger_text`)
    whole = _records_only(raw)
    if whole is not None:
        return whole
    data = _plancli_toml(raw)
    if data is None:  # written otherwise: the TOML reader, and its errors, as the store's
        data, _ = parse_toml(raw, path, LedgerFileError)
    version = data.get("version", 1) if data else None  # (true and 1.0 equal 1: not a version)
    if not data or not data.keys() <= _LEDGER_KEYS or type(version) is not int or version != 1:
        return None  # (comments alone: the store tells a copy cut short, `cut_after_opening`)
    raw_records, raw_amendments = data.get("records", []), data.get("amendments", [])
    if type(raw_records) is not list or type(raw_amendments) is not list:
        return None
    records: list[Record] = []
    for item in raw_records:
        record = quick_record(item)
        if record is None:
            return None
        records.append(record)
    amendments: list[Amendment] = []
    for item in raw_amendments:
        amendment = quick_amendment(item)
        if amendment is None:
            return None
        amendments.append(amendment)
    periods = {record.period for record in records} | {a.period for a in amendments}
    if not all(canonical_period(period) for period in periods):
        return None
    return LedgerRead(records, amendments)


# A line of a ledger as plancli writes it (tomli_w): `key = value`, the value a string with
# nothing to unescape, a decimal or integer, or a date-time at UTC.
_LINE = re.compile(
    r'([a-z_]+) = (?:"([^"\\\x00-\x1f\x7f]*)"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)|'
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|\+00:00)))$"
)


_COMMENT_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


_STRING = r'"([^"\\\x00-\x1f\x7f]*)"'
_FIGURE = r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)"
# One `[[records]]` table as plancli writes it: the model's fields in order, each optional one
# present or not, nothing else. Every figure, time and period is then checked as below.
_RECORD_TABLE = re.compile(
    rf"\n\[\[records\]\]\ntarget = {_STRING}\nperiod = {_STRING}\nvalue = {_FIGURE}\n"
    rf"(?:amount = {_FIGURE}\n)?(?:note = {_STRING}\n)?(?:source = {_STRING}\n)?"
    r"recorded_at = ([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|\+00:00))\n"
    rf"batch = {_STRING}\n(?:recorded_by = {_STRING}\n)?"
)
_PREAMBLE = re.compile(r"(?:#[^\n\x00-\x08\x0a-\x1f\x7f]*\n|\n)*version = 1\n")


def _records_only(raw: bytes) -> LedgerRead | None:
    """A ledger of records only, written exactly as plancli writes it, read table by table by
    one regular expression (issue 15: the default store's `gap` at 12,000 records); None for
    anything else (amendments, an edit by hand, a figure or time the checks refuse), which
    `_plancli_toml` and the quick checks then read as before. The same records either way
    (tests/test_ledger_read.py)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    preamble = _PREAMBLE.match(text)
    if preamble is None:
        return None
    position, end = preamble.end(), len(text)
    match = _RECORD_TABLE.match
    times: dict[str, datetime | None] = {}
    figures: dict[str, Decimal | None] = {}
    records: list[Record] = []
    append = records.append
    while position < end:
        found = match(text, position)
        if found is None:
            return None
        position = found.end()
        target, period, value, amount, note, source, moment, batch, writer = found.groups()
        number = figures.get(value) if value in figures else _plain_figure(value, figures)
        amount_number = None
        if amount is not None:
            amount_number = (
                figures.get(amount) if amount in figures else _plain_figure(amount, figures)
            )
            if amount_number is None:
                return None
        when = times.get(moment) if moment in times else _plain_time(moment, times)
        if number is None or when is None or not target:  # (target = "": the store says)
            return None
        append(Record(target, period, number, amount_number, note, source, when, batch, writer))
    if not all(canonical_period(period) for period in {record.period for record in records}):
        return None
    return LedgerRead(records, [])


def _plain_figure(text: str, seen: dict[str, Decimal | None]) -> Decimal | None:
    """A figure as tomli reads it (an integer as an int, so `-0` is 0; a decimal as
    parse_float=Decimal does), if the quick checks take it. An integer of 20 digits or more
    is left to tomli, as `_plancli_toml` leaves it."""
    if "." in text:
        number = plain_figure(Decimal(text))
    elif len(text.lstrip("-")) < 20:
        number = plain_figure(Decimal(int(text)))
    else:
        number = None
    seen[text] = number
    return number


def _plain_time(text: str, seen: dict[str, datetime | None]) -> datetime | None:
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:  # 2022-02-30: tomli says what is wrong
        seen[text] = None
        return None
    seen[text] = plain_time = plain_utc(when)
    return plain_time


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
    text = text.replace("\r\n", "\n")
    if "\r" in text:  # a carriage return alone: TOML refuses it, so tomli says where
        return None
    for line in text.split("\n"):
        if not line:
            continue
        if line[0] == "#":
            if _COMMENT_CONTROL.search(line):  # TOML allows no control character but tab
                return None
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


class Strays(NamedTuple):
    """A ledger none of whose figures is for a target of the plan in its year."""

    figures: int  # how many
    shown: str  # the first three ids (with their periods when an id is the plan's), then …
    # The year of the figures when every one is for a target of the plan and of the year
    # before: last year's ledger beside this year's plan (2021 figures, plan year 2022); a
    # ledger of 2022 beside a 2026 plan sharing the id gdp is another plan's. Else ().
    years: tuple[int, ...]


def ledger_strays(known: Collection[str], year: int, records: Iterable[Any]) -> Strays | None:
    """The ledger's figures when none is for a target of the plan in its year (another plan's
    ledger, ids renamed, last year's ledger): the read commands would otherwise say "no
    figures yet" and judge every target no_data, a check turned green. None when that is not
    so (some figure counts, or there is none)."""
    counts: dict[str, int] = {}
    years: set[int] | None = set()
    for record in records:
        if record.target not in known:
            stray = record.target
            years = None
        elif not record.period.startswith(str(year)):
            stray = record.target
            if years is not None:
                head = record.period[:4]
                years.add(int(head) if head.isdigit() else 0)  # (a period checked later)
        else:
            return None
        counts[stray] = counts.get(stray, 0) + 1
    if not counts:
        return None
    if years != {year - 1}:  # some id the plan lacks, or years apart: the periods say more
        counts = {}
        for record in records:
            stray = record.target
            if record.target in known:
                stray = f"{record.target} {record.period}"
            counts[stray] = counts.get(stray, 0) + 1
        years = set()
    shown = ", ".join(list(counts)[:3]) + (", …" if len(counts) > 3 else "")
    return Strays(sum(counts.values()), shown, tuple(sorted(years)))


def stray_ledger_note(
    known: Collection[str], year: int, records: Iterable[Any], ledger: str
) -> str | None:
    """The one warning of `ledger_strays`, its cause named: the year when the ids are the
    plan's, else another plan's ledger or ids renamed. None when no warning is due."""
    strays = ledger_strays(known, year, list(records))
    if strays is None:
        return None
    n = strays.figures
    if strays.years:
        return ngettext(
            "warning: the {n} figure in {ledger} is for {years}, the plan is for {year} "
            "({strays}): last year's ledger? The {year} figures go in a ledger of their own: "
            "`plancli record` or `plancli import` them there",
            "warning: the {n} figures in {ledger} are for {years}, the plan is for {year} "
            "({strays}): last year's ledger? The {year} figures go in a ledger of their own: "
            "`plancli record` or `plancli import` them there",
            n,
        ).format(
            n=n,
            ledger=clip_path(ledger),
            years=", ".join(map(str, strays.years)),
            year=year,
            strays=strays.shown,
        )
    return ngettext(
        "warning: the {n} figure in {ledger} is for no target of this plan in {year} "
        "({strays}): another plan's ledger, or a target renamed? (plancli validate)",
        "warning: the {n} figures in {ledger} are for no target of this plan in {year} "
        "({strays}): another plan's ledger, or targets renamed? (plancli validate)",
        n,
    ).format(n=n, ledger=clip_path(ledger), year=year, strays=strays.shown)


def no_figures_line(strays: Strays | None, year: int, lang: Any) -> str:
    """The line of a table or report where the figures would be: none recorded yet, or none
    for the plan year though the ledger holds figures (`ledger_strays`), said as it is."""
    from plancli.i18n import t

    if strays is None:
        return t("no_records", lang)
    if strays.years:
        years = ("、" if lang == "zh" else ", ").join(map(str, strays.years))
        return t("no_records_year", lang).format(year=year, years=years, n=strays.figures)
    return t("no_records_plan", lang).format(year=year, n=strays.figures)
