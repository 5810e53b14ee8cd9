"""The import's fast paths (issue 15: a million rows in a quarter of the time) give what the
full checks give: `quick_number` what `parse_number` gives, `EntryChecker` what `check_entry`
gives or refuses, the warnings only for targets out of order what `sequence_warnings` says for
every row, and a file of ordinary rows with unusual ones among them the same ledger, counts,
warnings and refusals as the import that checks every row with `check_entry`."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from plancli import entry_checker, import_stream, ledger
from plancli.entry_checker import EntryChecker, quick_number
from plancli.errors import InputError
from plancli.import_order import _disordered, _in_order
from plancli.import_stream import _warnings
from plancli.imports import ImportRejected, import_rows, parse_import
from plancli.ledger import Entry, Figures, check_entry, sequence_warnings
from plancli.ledger_values import parse_number
from plancli.locations import LedgerLocation
from plancli.periods import parse_period
from plancli.plain import Record as PlainRecord
from plancli.plan import load_plain_plan
from plancli.sequence_slips import amount_sequence_warnings
from plancli.stores import open_store

NOW = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
BATCH = "20220705T083000Z-abcdef"

# A change target (its base level may be recorded for the end of the year before) beside the
# fixture's growth, level, cumulative and milestone targets.
CHANGE = """
[[targets]]
id = "urbanization"
section = "urban"
name = "城镇化率"
name_en = "Urbanisation rate"
kind = "change"
unit = "%"
min = 1
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("plan") / "plan.toml"
    path.write_text((FIXTURES / "assess.toml").read_text("utf-8") + CHANGE, "utf-8")
    return load_plain_plan(path)


# ------------------------------------------------------------------------------ numbers

# The strings of the regex -?[0-9]{1,14}(\.[0-9]{0,12})? built from its parts: a minus sign or
# none, 1-14 ASCII digits, then a point and 0-12 digits or nothing. The same language as
# `st.from_regex(..., fullmatch=True)` gave (every string of it, nothing else), drawn without
# the regex machinery: a third of this test's CPU.
DIGITS = "0123456789"
plain_numbers = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "-"]),
        st.text(DIGITS, min_size=1, max_size=14),
        st.one_of(st.just(""), st.text(DIGITS, max_size=12).map(".".__add__)),
    ),
)

number_texts = st.one_of(
    plain_numbers,
    st.text(alphabet="0123456789-+.eE%,， ", max_size=16),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
)


@settings(max_examples=400, deadline=None)
@given(number_texts)
@example("-0")
@example("-0.0")
@example("0.0000001")  # str() of its Decimal is 1E-7
@example("123456789012")
@example("1234567890123")
@example("12345678901.5")
@example("007")
@example("5.")
@example(".5")
@example("+5")
@example("0.12345678901")
def test_quick_number_reads_what_parse_number_reads(text: str) -> None:
    quick = quick_number(text)
    try:
        full = parse_number(text, "value")
    except InputError:
        assert quick is None
        return
    if quick is not None:
        assert str(quick) == str(full)  # same value, same digits kept
        assert quick.is_signed() == full.is_signed()


@pytest.mark.parametrize("text", ["5.9", "-3", "0", "-0.0", "150", "0.992", "123456789012"])
def test_quick_number_takes_the_plain_figures(text: str) -> None:
    assert quick_number(text) == Decimal(text)


@pytest.mark.parametrize("text", ["5.2%", "1e3", "007", "+5", "1,441", " 5", "1234567890123"])
def test_quick_number_leaves_the_rest_to_the_full_parser(text: str) -> None:
    assert quick_number(text) is None


# ------------------------------------------------------------------------------ entries

TARGETS = [
    "gdp",
    " gdp ",
    "gpd",
    "地区生产总值",
    "unemployment_rate",
    "new_5g_base_stations",
    "service_centre",
    "urbanization",
]
PERIODS = [
    "2022-06",
    "2022-Q2",
    "2022",
    "2021",
    "2021-12",
    "2021-06",
    "2023-01",
    "2022-13",
    " 2022-06",
]
VALUES: list[str | Decimal | int] = [
    "5.9",
    "-3",
    "-0.0",
    "150",
    "101",
    "5.2%",
    "下降4.0",
    "增长5",
    "done",
    "1,441",
    "1e3",
    "abc",
    "",
    "0.0000001",
    Decimal("4.1"),
    7,
]
AMOUNTS: list[str | Decimal | None] = [None, "330", "-1", "1e2", "x", "", "12.5", Decimal("3")]
TEXTS = [None, "x", " y ", "", "\ud800"]
CURRENT = [
    PlainRecord("gdp", "2022-06", Decimal("5.9"), Decimal("330"), None, None, NOW, "b"),
    PlainRecord("new_5g_base_stations", "2022-05", Decimal(150), None, "x", None, NOW, "b"),
]

entries = st.builds(
    Entry,
    st.sampled_from(TARGETS),
    st.sampled_from(PERIODS),
    st.sampled_from(VALUES),
    st.sampled_from(AMOUNTS),
    st.sampled_from(TEXTS),
    st.sampled_from(TEXTS),
)


def _checked(plan, entry: Entry) -> tuple[object, ...] | str:  # type: ignore[no-untyped-def]
    """What check_entry makes of the entry: the record's fields and what it supersedes."""
    try:
        change = check_entry(plan, entry, Figures(CURRENT), batch=BATCH, recorded_at=NOW)
    except InputError as exc:
        return str(exc)
    record = change.record
    fields = tuple(getattr(record, name) for name in PlainRecord._fields)
    return (*fields, change.previous)


@settings(max_examples=300, deadline=None)
@given(st.lists(entries, min_size=1, max_size=6))
def test_the_entry_checker_checks_as_check_entry(plan, given_entries: list[Entry]) -> None:  # type: ignore[no-untyped-def]
    checker = EntryChecker(plan, Figures(CURRENT), batch=BATCH, recorded_at=NOW)
    for entry in given_entries:  # one checker for several rows: what it keeps must not leak
        try:
            record, target, previous = checker.check(entry)
        except InputError as exc:
            assert _checked(plan, entry) == str(exc)
            continue
        assert (*record, previous) == _checked(plan, entry)
        assert type(record.value) is Decimal
        assert target.id == record.target


def test_ordinary_rows_do_not_go_through_check_entry(plan, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[Entry] = []
    full = ledger.check_entry

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[1])
        return full(*args, **kwargs)

    monkeypatch.setattr(entry_checker, "check_entry", counted)
    checker = EntryChecker(plan, Figures(CURRENT), batch=BATCH, recorded_at=NOW)
    ordinary = [
        Entry("gdp", "2022-Q3", "5.1", "700"),
        Entry("new_5g_base_stations", "2022-06", "160", None, "note"),
        Entry("urbanization", "2021", "58.08"),
        Entry("service_centre", "2022-06", "100"),
    ]
    for entry in ordinary:
        checker.check(entry)
    assert calls == []
    unusual = Entry("gdp", "2022-Q3", "5.1%")
    record, _, _ = checker.check(unusual)
    assert calls == [unusual] and record.value == Decimal("5.1")


def test_a_period_fit_for_a_change_target_is_not_taken_for_another(plan) -> None:  # type: ignore[no-untyped-def]
    """2021 is a change target's base level in a 2022 plan, and outside the year for the rest:
    the checker keeps a period's verdict per kind."""
    checker = EntryChecker(plan, Figures([]), batch=BATCH, recorded_at=NOW)
    record, _, _ = checker.check(Entry("urbanization", "2021", "58.08"))
    assert record.period == "2021"
    with pytest.raises(InputError) as caught:
        checker.check(Entry("gdp", "2021", "5"))
    assert str(caught.value) == _checked(plan, Entry("gdp", "2021", "5"))


# ------------------------------------------------------------------------------ warnings

MONTHS = ["2022-01", "2022-02", "2022-03", "2022-Q1", "2022-04", "2022-06", "2022-H1", "2022"]
CUMULATIVE = ["new_5g_base_stations", "parking_spaces"]


def _all_warnings(
    plan, current: Figures, checked: list[tuple[str, str, Decimal, int]]
) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """The warnings as the import gave them before: `sequence_warnings` for every row."""
    records = [
        PlainRecord(target, period, value, None, None, None, NOW, BATCH)
        for target, period, value, _ in checked
    ]
    merged = current.with_records(records)
    warned = [
        (packed & 1, packed >> 1, warning)
        for (_, _, _, packed), record in zip(checked, records, strict=True)
        for warning in sequence_warnings(plan, record, merged, importing=True)
    ]
    return [(row, warning) for _, row, warning in sorted(warned, key=itemgetter(0))]


# A figure (target, period, value 0-9) is one draw from every such triple (160; 320 with the
# flag an imported figure carries for its row), not three or four draws: the same triples,
# each as likely as with a draw per field (checked: Hypothesis draws the index of a list of a
# few hundred evenly), for a third of Hypothesis's own work per figure, which, not the
# property, was most of these tests' CPU.
figures = st.sampled_from(list(itertools.product(CUMULATIVE, MONTHS, range(10))))
flagged_figures = st.sampled_from(list(itertools.product(CUMULATIVE, MONTHS, range(10), (0, 1))))


@settings(max_examples=300, deadline=None)
@given(st.lists(figures, max_size=8), st.lists(flagged_figures, max_size=10))
def test_warnings_asked_only_out_of_order_are_those_of_every_row(  # type: ignore[no-untyped-def]
    plan, stored: list[tuple[str, str, int]], imported: list[tuple[str, str, int, int]]
) -> None:
    current = Figures(
        PlainRecord(t, p, Decimal(v), None, None, None, NOW, "old") for t, p, v in stored
    )
    unique = list({(t, p): (t, p, v, f) for t, p, v, f in imported}.values())  # one a position
    checked = [
        (t, p, Decimal(v), (row + 2) << 1 | flag) for row, (t, p, v, flag) in enumerate(unique)
    ]
    asked = _asked(current, checked)
    assert _warnings(plan, current, asked, BATCH, NOW) == _all_warnings(plan, current, checked)


GROWTH = ["gdp", "fixed_asset_investment"]
amount_figures = st.sampled_from(list(itertools.product(GROWTH, MONTHS, (*range(10), None))))
flagged_amounts = st.sampled_from(
    list(itertools.product(GROWTH, MONTHS, (*range(10), None), (0, 1)))
)


@settings(max_examples=300, deadline=None)
@given(st.lists(amount_figures, max_size=8), st.lists(flagged_amounts, max_size=10))
# Two figures of one month (the ledger's 2022-H1, the file's 2022-06): the jump from March's 1
# to June's 7 was missed, the month's first figure (1) taken as the only one (CI, session 24).
@example(
    stored=[("fixed_asset_investment", "2022-H1", 1)],
    imported=[
        ("fixed_asset_investment", "2022-03", 1, 0),
        ("fixed_asset_investment", "2022-06", 7, 0),
    ],
)
@example(  # and the month before's 0 beside its 1: the jump is from the 1
    stored=[("gdp", "2022-H1", 1)],
    imported=[("gdp", "2022-06", 0, 0), ("gdp", "2022", 7, 0)],
)
@example(  # two figures of June in the file (2022-H1's 1, 2022-06's 5) after April's 1 (session 25)
    stored=[],
    imported=[("gdp", "2022-04", 1, 0), ("gdp", "2022-H1", 1, 0), ("gdp", "2022-06", 5, 0)],
)
@example(  # a row without an amount takes April's 2 out of force: June's 7 is against March's 1
    stored=[("gdp", "2022-Q1", 1), ("gdp", "2022-04", 2)],  # (hypothesis, session 43)
    imported=[("gdp", "2022-04", None, 0), ("gdp", "2022-H1", 7, 0)],
)
def test_amount_warnings_asked_only_out_of_order_are_those_of_every_row(  # type: ignore[no-untyped-def]
    plan,
    stored: list[tuple[str, str, int | None]],
    imported: list[tuple[str, str, int | None, int]],
) -> None:
    """A growth target's year-to-date amounts (audit W D6): the rows `import_stream` keeps
    (an amount given, or one in force changed), asked only of targets out of order, warn as
    `amount_sequence_warnings` of every row against the ledger as the import leaves it."""
    current = Figures(
        PlainRecord(t, p, Decimal(1), None if v is None else Decimal(v), None, None, NOW, "old")
        for t, p, v in stored
    )
    unique = list({(t, p): (t, p, v, f) for t, p, v, f in imported}.values())
    kept = [
        (t, p, None if v is None else Decimal(v), (row + 2) << 1 | flag)
        for row, (t, p, v, flag) in enumerate(unique)
        if v is not None or any(r.amount is not None for r in _in_force(current, t, p))
    ]
    ids = list(dict.fromkeys(t for t, _, _, _ in kept))
    names = list(dict.fromkeys(p for _, p, _, _ in kept))
    keys = [ids.index(t) << 16 | names.index(p) for t, p, _, _ in kept]
    asked = import_stream._amount_rows(
        current, ids, names, keys, [a for _, _, a, _ in kept], [f for _, _, _, f in kept]
    )
    records = [PlainRecord(t, p, Decimal(0), a, None, None, NOW, BATCH) for t, p, a, _ in kept]
    merged = current.with_records(records)
    every = [
        (packed & 1, packed >> 1, warning)
        for (_, _, _, packed), record in zip(kept, records, strict=True)
        for warning in amount_sequence_warnings(plan, record, merged)
    ]
    expected = [(row, warning) for _, row, warning in sorted(every, key=itemgetter(0))]
    assert _warnings(plan, current, [], BATCH, NOW, (), asked) == expected


def _in_force(current: Figures, target: str, period: str) -> list[PlainRecord]:
    found = current.at(target, parse_period(period))
    return [] if found is None else [found]  # type: ignore[list-item]


def _asked(
    current: Figures, checked: list[tuple[str, str, Decimal, int]]
) -> list[tuple[str, str, Decimal, int]]:
    """The rows `import_stream` asks `_warnings` about: those of `_disordered`'s targets."""
    ids = list(dict.fromkeys(target for target, _, _, _ in checked))
    names = list(dict.fromkeys(period for _, period, _, _ in checked))
    keys = [ids.index(target) << 16 | names.index(period) for target, period, _, _ in checked]
    found = _disordered(current, ids, names, keys, [value for _, _, value, _ in checked])
    return [row for row, key in zip(checked, keys, strict=True) if key >> 16 in found]


def _disordered_before(current: Figures, checked: list[tuple[str, str, Decimal, int]]) -> set[str]:
    """The targets `_warnings` asked `sequence_warnings` about before session 8: `_in_order`
    of each target's figures in force and the import's, listed and sorted per target."""
    given: dict[str, dict[str, Decimal]] = {}
    for target, period, value, _ in checked:
        given.setdefault(target, {})[period] = value
    return {
        target
        for target, figures_of in given.items()
        if not _in_order(
            [
                *(
                    (p.year, p.end_month, record.value)
                    for p, record in current.of_target(target)
                    if record.period not in figures_of
                ),
                *(
                    (parse_period(period).year, parse_period(period).end_month, value)
                    for period, value in figures_of.items()
                ),
            ]
        )
    }


# Here a figure's target and period are one choice among their 55 pairs, its value a second:
# the 715 triples as one choice would be drawn unevenly (Hypothesis draws a large list's
# index from a distribution that favours its start; up to a few hundred, evenly).
many_figures = st.builds(
    lambda placed, value: (*placed, value),
    st.sampled_from(
        list(
            itertools.product(
                ["a", "b", "c", *CUMULATIVE], [*MONTHS, "2021-12", "2021-Q4", "2023-01"]
            )
        )
    ),
    st.integers(-3, 9),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(many_figures, max_size=8), st.lists(many_figures, max_size=24))
def test_disordered_targets_are_those_found_before(
    stored: list[tuple[str, str, int]], imported: list[tuple[str, str, int]]
) -> None:
    """Session 8: the targets out of order are found by one sort of every figure's target and
    position and one pass (those without figures in force) or `_in_order` (those with), and
    are those the lists sorted per target found (several years; periods of one month, as
    2022-03 and 2022-Q1, among them)."""
    current = Figures(
        PlainRecord(t, p, Decimal(v), None, None, None, NOW, "old") for t, p, v in stored
    )
    unique = list({(t, p): (t, p, v) for t, p, v in imported}.values())
    checked = [(t, p, Decimal(v), row) for row, (t, p, v) in enumerate(unique)]
    asked = {target for target, _, _, _ in _asked(current, checked)}
    assert asked == _disordered_before(current, checked)


@pytest.mark.parametrize(
    ("figures_given", "in_order"),
    [
        ([(2022, 1, 5), (2022, 2, 5), (2022, 3, 9)], True),
        ([(2022, 3, 9), (2022, 1, 5), (2022, 3, 5)], True),  # same month: not compared
        ([(2022, 1, 5), (2022, 3, 4)], False),
        ([(2022, 1, 5), (2022, 2, 9), (2022, 3, 6)], False),  # below an earlier month's top
        ([(2021, 12, 9), (2022, 1, 1)], True),  # another year
    ],
)
def test_in_order(figures_given: list[tuple[int, int, int]], in_order: bool) -> None:
    figures_in = [(y, m, Decimal(v)) for y, m, v in figures_given]
    assert _in_order(figures_in) is in_order


# ------------------------------------------------------------------------------ imports

ORDINARY = [
    "gdp,2022-Q1,4.1,330,",
    "new_5g_base_stations,2022-04,80,,",
    "parking_spaces,2022-03,900,,first",
    "retail_sales,2022-06,3.8,,",
    "unemployment_rate,2022-06,5.1,,",
    "new_5g_base_stations,2022-06,150,,",
]
UNUSUAL = [
    "gdp,2022-Q2,5.2%,700,",  # a percent sign
    "retail_sales,2022-03,下降1.5,,",  # the bulletin's words
    "fixed_asset_investment,2022-06,-0.0,,",  # a signed zero
    "service_centre,2022-06,done,,",  # a milestone done
    "parking_spaces,2022-06,1E3,,",  # an exponent
    "new_5g_base_stations,2022-05,0070,,  spaced note  ",  # leading zeros; below April
    "urban_income,2022-06,+6.0,,",
    "external_funds,2022-06,12.50,,",
    "new_urban_jobs,2022-06,1.2345678901,,",
]
HEADER = "target,period,value,amount,note\n"


def _contents(location: LedgerLocation) -> list[tuple[object, ...]]:
    records = open_store(location).contents().records
    return [r.model_dump(exclude={"batch", "recorded_at"}) for r in records]  # type: ignore[misc]


def _import(tmp_path: Path, text: str, suffix: str, keep: bool):  # type: ignore[no-untyped-def]
    plan = load_plain_plan(FIXTURES / "assess.toml")
    location = LedgerLocation(tmp_path / f"keep-{keep}{suffix}", "option")
    rows, problems = parse_import(text.encode(), "file.csv")
    try:
        result = import_rows(
            open_store(location), plan, "file.csv", rows, problems, now=NOW, keep=keep
        )
    except ImportRejected as exc:
        return str(exc), _contents(location) if location.path.exists() else []
    counts = (result.new, result.revised, result.unchanged_count, result.rows)
    return counts, result.row_warnings(), _contents(location)


@pytest.mark.parametrize("suffix", [".progress.sqlite", ".progress.toml"])
@pytest.mark.parametrize("order", ["mixed", "unusual first", "unusual last"])
def test_unusual_rows_among_ordinary_ones_import_as_check_entry_reads_them(
    tmp_path: Path, suffix: str, order: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_stream, "_CHUNK", 2)
    if order == "mixed":
        lines = [line for pair in zip(ORDINARY, UNUSUAL, strict=False) for line in pair]
        lines += UNUSUAL[len(ORDINARY) :]
    elif order == "unusual first":
        lines = UNUSUAL + ORDINARY
    else:
        lines = ORDINARY + UNUSUAL
    text = HEADER + "\n".join(lines) + "\n"
    streamed = _import(tmp_path, text, suffix, keep=False)
    kept = _import(tmp_path, text, suffix, keep=True)  # check_import: check_entry per row
    assert streamed == kept
    counts, warnings, records = streamed
    assert counts == (15, 0, 0, 15)
    values = {(r["target"], r["period"]): r["value"] for r in records}  # type: ignore[index]
    assert values[("gdp", "2022-Q2")] == Decimal("5.2")
    assert values[("retail_sales", "2022-03")] == Decimal("-1.5")
    assert str(values[("fixed_asset_investment", "2022-06")]) == "0.0"
    assert values[("service_centre", "2022-06")] == 100
    assert values[("new_5g_base_stations", "2022-05")] == 70
    assert any("2022-05 = 70 is below 2022-04's 80" in w for _, w in warnings)


@pytest.mark.parametrize(
    "bad",
    [
        "gdp,2022-13,5,,",
        "nowhere,2022-06,1,,",
        "gdp,2022-06,1,441,,",
        "gdp,2022-06,abc,,",
        "new_5g_base_stations,2022-06,-5,,",
        "unemployment_rate,2022-06,5,3,",
        "gdp,2023-06,5,,",
        "gdp,2022-06,5,-3,",
        "service_centre,2022-06,101,,",
        "service_centre,2022-06,100.01,,",  # compared with Decimal bounds, not ints
        "service_centre,2022-06,-0.5,,",
        "gdp,2022-Q1,4.2,,",  # row 2 gave it
    ],
)
def test_a_bad_row_among_ordinary_ones_is_refused_as_check_entry_refuses_it(
    tmp_path: Path, bad: str
) -> None:
    text = HEADER + "\n".join([*ORDINARY[:3], bad, *ORDINARY[3:]]) + "\n"
    streamed = _import(tmp_path, text, ".progress.sqlite", keep=False)
    kept = _import(tmp_path, text, ".progress.sqlite", keep=True)
    assert streamed == kept
    message, records = streamed
    assert message.splitlines()[0] == "file.csv: 1 bad row; nothing was imported"
    assert message.splitlines()[1].startswith("file.csv:5: ")
    assert records == []


def _schema(path: Path) -> set[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(path) as db:
        found = set(db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    return found


def test_an_import_filling_an_empty_sqlite_ledger_builds_the_indexes_after_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.stores import sqlite as ledger_sqlite

    monkeypatch.setattr(import_stream, "_CHUNK", 2)
    text = HEADER + "\n".join(ORDINARY) + "\n"
    plan = load_plain_plan(FIXTURES / "assess.toml")
    small = LedgerLocation(tmp_path / "small.sqlite", "option")  # below the bulk size
    rows, problems = parse_import(text.encode(), "file.csv")
    import_rows(open_store(small), plan, "file.csv", rows, problems, now=NOW, keep=False)
    monkeypatch.setattr(ledger_sqlite, "_BULK_ROWS", 2)
    dropped: list[str] = []
    real_finish = ledger_sqlite._SqliteSession.finish

    def finish(session) -> None:  # type: ignore[no-untyped-def]
        dropped.append(str(session.indexes_dropped))
        real_finish(session)

    monkeypatch.setattr(ledger_sqlite._SqliteSession, "finish", finish)
    bulk = LedgerLocation(tmp_path / "bulk.sqlite", "option")
    rows, problems = parse_import(text.encode(), "file.csv")
    import_rows(open_store(bulk), plan, "file.csv", rows, problems, now=NOW, keep=False)
    assert dropped == ["True"]
    assert _schema(bulk.path) == _schema(small.path)
    names = {name for name, _ in _schema(bulk.path)}
    assert "records_by_target" in names and "records_by_batch" not in names
    assert _contents(bulk) == _contents(small)
    # Into a ledger that holds records, the indexes stay as they are.
    more = HEADER + "gdp,2022-Q2,5.0,700,\nretail_sales,2022-03,3.0,,\n"
    rows, problems = parse_import(more.encode(), "more.csv")
    import_rows(open_store(bulk), plan, "more.csv", rows, problems, now=NOW, keep=False)
    assert dropped == ["True", "False"]
    # A refused import into an empty ledger leaves nothing, indexes included, half done.
    broken = LedgerLocation(tmp_path / "broken.sqlite", "option")
    rows, problems = parse_import((text + "nowhere,2022-06,1,,\n").encode(), "file.csv")
    with pytest.raises(ImportRejected):
        import_rows(open_store(broken), plan, "file.csv", rows, problems, keep=False)
    assert not broken.path.exists() or _contents(broken) == []


def test_a_position_given_twice_is_refused_in_chinese_without_json_too(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """The streamed import said this one refusal in English whatever the language."""
    plan = tmp_path / "assess.toml"
    plan.write_text((FIXTURES / "assess.toml").read_text("utf-8"), "utf-8")
    path = tmp_path / "twice.csv"
    path.write_text(HEADER + "gdp,2022-Q2,5.0,700,\ngdp,2022-06,5.1,,\n", "utf-8")
    said = {}
    for json in ([], ["--json"]):
        result = invoke("--plan", str(plan), "--lang", "zh", "import", str(path), *json)
        assert result.exit_code == 2
        said[bool(json)] = result.stderr
    assert said[False] == said[True]
    assert "gdp 2022-06" in said[False] and "2022-Q2" in said[False]
    assert "also on row" not in said[False]


@pytest.mark.parametrize("slots", [1, 16])
def test_positions_past_the_index_slots_are_kept_apart_too(
    tmp_path: Path, slots: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from array import array

    monkeypatch.setattr(import_stream, "_SLOTS", slots)
    monkeypatch.setattr(import_stream, "_NO_ROWS", array("q", bytes(8 * slots)))
    lines = [*ORDINARY, "gdp,2022-Q2,5.0,700,", "gdp,2022-06,5.1,,"]
    text = HEADER + "\n".join(lines) + "\n"
    streamed = _import(tmp_path, text, ".progress.sqlite", keep=False)
    assert streamed == _import(tmp_path, text, ".progress.sqlite", keep=True)
    assert "file.csv:9: gdp 2022-06 is also on row 8 as 2022-Q2" in streamed[0]


def test_the_checker_keeps_a_bounded_number_of_texts(plan, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Past KEEP distinct texts the checker works each out again: the same records."""
    monkeypatch.setattr(EntryChecker, "KEEP", 2)
    checker = EntryChecker(plan, Figures(CURRENT), batch=BATCH, recorded_at=NOW)
    given = [
        Entry(target, period, value)
        for target in (" gdp", "gdp ", "gdp", "retail_sales", "nowhere", "gdp")
        for period, value in (("2022-Q3", "5.1"), ("2022-06", "5.2%"), ("2022-13", "5"))
    ]
    for entry in given:
        try:
            record, _, previous = checker.check(entry)
        except InputError as exc:
            assert _checked(plan, entry) == str(exc)
        else:
            assert (*record, previous) == _checked(plan, entry)
    assert max(map(len, (checker._targets, checker._periods, checker._numbers))) == 2


JSON_ROWS = [
    '{"target": "gdp", "period": "2022-Q1", "value": "4.1", "amount": "330"}',
    '{"target": " gdp", "period": "2022-Q3", "value": 5.3}',  # a JSON number, a spaced name
    '{"target": "retail_sales", "period": "2022-06", "value": "3.8", "note": " \\u0007bell "}',
    '{"target": "new_5g_base_stations", "period": "2022-04", "value": "80", "source": "月报"}',
    '{"target": "new_5g_base_stations", "period": "2022-05", "value": "70"}',  # below April
    '{"target": "unemployment_rate", "period": "2022-06", "value": "5.1", "note": "=SUM(A1)"}',
]
# An amount for a target that takes none: refused by `check_entry`'s words.
AMOUNT_ROW = '{"target": "parking_spaces", "period": "2022-03", "value": "900", "amount": "12"}'


@pytest.mark.parametrize("keep_texts", [1, 100_000])
@pytest.mark.parametrize("bad", [None, '"\\ud800"', '"\\udc80x"', AMOUNT_ROW])
def test_json_rows_through_the_streamed_loop_import_as_check_entry_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep_texts: int, bad: str | None
) -> None:
    """The streamed import's own reading of plain rows (import_stream) and its fall-back to
    `EntryChecker.check` give what `check_entry` gives, row for row: figures given as JSON
    numbers, a target named with spaces, notes and sources with control characters and
    formulas, an amount for a target without one, a lone surrogate in a note; with every text
    remembered, and with one of each (past it, each row is worked out again)."""
    monkeypatch.setattr(EntryChecker, "KEEP", keep_texts)
    monkeypatch.setattr(import_stream, "_CHUNK", 2)
    lines = list(JSON_ROWS)
    if bad == AMOUNT_ROW:
        lines.insert(3, AMOUNT_ROW)
    elif bad is not None:
        lines.insert(3, '{"target": "gdp", "period": "2022-Q2", "value": "5", "note": ' + bad + "}")
    text = "\n".join(lines) + "\n"
    plan = load_plain_plan(FIXTURES / "assess.toml")
    said = []
    for keep in (False, True):
        location = LedgerLocation(tmp_path / f"keep-{keep}-{keep_texts}.sqlite", "option")
        rows, problems = parse_import(text.encode(), "file.jsonl")
        try:
            result = import_rows(
                open_store(location), plan, "file.jsonl", rows, problems, now=NOW, keep=keep
            )
        except ImportRejected as exc:
            said.append((str(exc), location.path.exists() and _contents(location)))
            continue
        counts = (result.new, result.revised, result.unchanged_count)
        said.append((counts, result.row_warnings(), _contents(location)))
    assert said[0] == said[1]
    if bad is None:
        counts, warnings, records = said[0]
        assert counts == (6, 0, 0)
        assert [row for row, _ in warnings] == [4, 5]  # April above May, May below April
        assert "2022-05 = 70 is below 2022-04's 80" in warnings[1][1]
        notes = {(r["target"], r["period"]): (r["note"], r["source"]) for r in records}  # type: ignore[index]
        assert notes["retail_sales", "2022-06"] == ("\abell", None)
        assert notes["unemployment_rate", "2022-06"] == ("=SUM(A1)", None)
        assert notes["new_5g_base_stations", "2022-04"] == (None, "月报")
        assert [str(r["value"]) for r in records if r["target"] == "gdp"] == ["4.1", "5.3"]  # type: ignore[index]
    else:
        message, records = said[0]
        assert message.splitlines()[0] == "file.jsonl: 1 bad row; nothing was imported"
        expected = "amount" if bad == AMOUNT_ROW else "note is not"
        assert message.splitlines()[1].startswith("file.jsonl:4: ")
        assert expected in message.splitlines()[1]
        assert records == []


@settings(max_examples=300)
@given(st.text(alphabet='ab,"é\r\n\x0b\x0c\x1c\x85\u2028', max_size=40))
@example("a\r\nb\rc\n")
@example("a\x0bb\nc\r")
def test_lines_are_split_as_the_csv_reader_splits_them(text: str) -> None:
    """Issue 15: str.splitlines, where it splits as the regular expression does (only at \\n,
    \\r\\n and \\r: none of the other characters it breaks at in the text), else the
    expression; a line end the text ends on is a line's."""
    from plancli.imports_text import _LINE, _split_lines

    end = max(text.rfind("\n"), text.rfind("\r")) + 1
    if end:
        assert _split_lines(text, end) == _LINE.findall(text, 0, end)
        assert "".join(_split_lines(text, end)) == text[:end]
