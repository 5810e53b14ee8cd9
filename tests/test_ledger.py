"""The ledger core: file format, reading errors, location, figures, supersede, --add, undo."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ledgers import Ledger, snapshot, store_of
from plancli.errors import InputError, LedgerFileError
from plancli.history import history
from plancli.ledger import Entry, Figures, check_entry, record_entry
from plancli.ledger_values import new_batch_id, parse_number
from plancli.locations import BUNDLED_LEDGERS, LedgerLocation, PlanSource, data_dir, resolve_ledger
from plancli.model import Plan, Record, current_records, decimal_to_json
from plancli.periods import Period, parse_period, parse_plan_period
from plancli.plain import plain_record
from plancli.plan import load_plan_file
from plancli.stores import read_records
from plancli.stores.base import LedgerStore
from plancli.stores.toml import TomlLedgerStore, dump_ledger
from plancli.undo import LedgerChangedError, batch_plan, last_batch, undo_batch
from strategies import finite_decimals

JULY_5 = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
NONE = Figures([])  # an empty ledger


@pytest.fixture
def plan(mini_plan: Path) -> Plan:
    return load_plan_file(mini_plan)


@pytest.fixture
def store(mini_plan: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> LedgerStore:
    """A TOML, SQLite or PostgreSQL store: every ledger test runs on each."""
    return store_of(ledger_at(mini_plan.with_name("mini" + ledger_suffix)))


@pytest.fixture
def toml_store(mini_plan: Path) -> TomlLedgerStore:
    return TomlLedgerStore(LedgerLocation(mini_plan.with_name("mini.progress.toml"), "option"))


def record(store: LedgerStore, plan: Plan, *args: str, **kwargs: object) -> Record:
    target, value, period = args
    entry = Entry(target, period, value, **kwargs)  # type: ignore[arg-type]
    return record_entry(store, plan, entry).record


# ------------------------------------------------------------------------ the file format


def test_file_format_is_version_1_and_records_tables(toml_store: LedgerStore, plan: Plan) -> None:
    store = toml_store
    record(store, plan, "g5", "150", "2022-06", note='统计局 "月报"')
    record(store, plan, "gdp", "5.0", "2022-Q2", amount="700.50")
    text = store.path.read_text(encoding="utf-8")
    assert "\nversion = 1\n" in text
    assert text.count("\n[[records]]\n") == 2
    assert "\nvalue = 150\n" in text  # a whole number stays an integer, not 150.0
    assert "\nvalue = 5.0\n" in text  # and 5.0 stays as it was typed
    assert "\namount = 700.50\n" in text
    assert "amount" not in text.split("\n[[records]]\n")[1]  # None is left out, not written
    [first, second] = store.read()
    assert first.note == '统计局 "月报"'
    assert second.value == Decimal("5.0") and second.amount == Decimal("700.50")
    assert first.recorded_at.tzinfo is not None


def test_missing_ledger_reads_as_empty(tmp_path: Path) -> None:
    assert read_records(tmp_path / "none.progress.toml") == []


def test_the_bundled_2021_ledger_reads_through_the_same_code() -> None:
    path = data_dir() / BUNDLED_LEDGERS["guandu-2021"]
    if not path.exists():
        pytest.skip("the bundled 2021 ledger is not in this checkout yet")
    records = read_records(path)
    gdp = current_records(records)[("gdp", "2021")]
    assert gdp.value == Decimal("0.3")  # 附表1: 2021 GDP growth 0.3 %
    assert gdp.amount == Decimal("1441.37")  # 1441.37 亿元
    plan = load_plan_file(data_dir() / "plan2021.toml")
    assert {r.target for r in records} <= {t.id for t in plan.targets}


BAD_LEDGERS = [
    ("version = 1\n\n[[records]]\ntarget = \n", r":4:\d+: invalid TOML"),
    (
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n',
        r":3: record 1 \(g5 2022-06\): value: missing",
    ),
    (
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-13"\nvalue = 1\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n',
        r":5: record 1 \(g5 2022-13\): period: malformed period",
    ),
    (
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\nvalue = 1\n'
        'recorded_at = 2022-07-05T08:30:00\nbatch = "b"\n',
        r"record 1 \(g5 2022-06\): recorded_at: needs a UTC offset",
    ),
    (
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\nvalue = "many"\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n',
        r"record 1 \(g5 2022-06\): value: ",
    ),
    (
        'version = 1\n\n[[records]]\ntaget = "g5"\nperiod = "2022-06"\nvalue = 1\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n',
        r"record 1: taget: unknown field",
    ),
    ("version = 2\n", r"ledger version 2"),
    ('version = 1\nrecord = "x"\n', r"unknown key 'record'"),
]


@pytest.mark.parametrize(("text", "message"), BAD_LEDGERS)
def test_bad_ledger_names_file_line_record_and_field(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.progress.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LedgerFileError, match=message) as info:
        read_records(path)
    assert str(info.value).startswith(str(path))


def test_a_record_error_names_the_line_of_its_key(tmp_path: Path) -> None:
    """`recorded_at = 1` on line 7 of a record opening on line 3 is named at line 7, as a
    plan's errors name a key's line; a key that is missing, at the record's `[[records]]`."""
    path = tmp_path / "bad.progress.toml"
    record = (
        'version = 1\n\n[[records]]\ntarget = "g5"\nperiod = "2022-06"\n# note\n'
        'recorded_at = {at}\nvalue = 1\nbatch = "b"\n'
    )
    path.write_text(record.format(at="1"), encoding="utf-8")
    with pytest.raises(LedgerFileError) as info:
        read_records(path)
    assert str(info.value).startswith(f"{path}:7: record 1 (g5 2022-06): recorded_at: 1 is a")
    path.write_text(record.format(at="2022-07-05T08:30:00Z").replace("value = 1\n", ""))
    with pytest.raises(LedgerFileError) as info:
        read_records(path)
    assert str(info.value) == f"{path}:3: record 1 (g5 2022-06): value: missing"
    path.write_text(record.format(at="2022-07-05T08:30:00Z").replace("value", "vaule"))
    with pytest.raises(LedgerFileError) as info:
        read_records(path)
    assert str(info.value).startswith(f"{path}:8: record 1 (g5 2022-06): vaule: unknown field")


def test_second_record_error_points_at_its_line(tmp_path: Path) -> None:
    good = (
        '[[records]]\ntarget = "g5"\nperiod = "2022-05"\nvalue = 1\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b"\n'
    )
    path = tmp_path / "bad.progress.toml"
    path.write_text(f"version = 1\n\n{good}\n{good.replace('value = 1', 'value = -')}")
    with pytest.raises(LedgerFileError, match=r":13:9: invalid TOML"):
        read_records(path)
    path.write_text(f"version = 1\n\n{good}\n{good.replace('2022-05', '2022-5')}")
    with pytest.raises(LedgerFileError, match=r"bad.progress.toml:12: record 2 \(g5 2022-5\)"):
        read_records(path)


# ------------------------------------------------------------------------------ location


def test_ledger_location_order(tmp_path: Path) -> None:
    by_path = PlanSource(tmp_path / "plan2022.toml", None)
    bundled = PlanSource(data_dir() / "plan2022.toml", "guandu-2022")
    app_dir = tmp_path / "app"
    explicit = tmp_path / "mine.toml"
    assert resolve_ledger(explicit, by_path, app_dir, "env.toml").path == explicit
    assert resolve_ledger(None, by_path, app_dir, str(tmp_path / "env.toml")).path == (
        tmp_path / "env.toml"
    )
    beside = resolve_ledger(None, by_path, app_dir)
    assert beside.path == tmp_path / "plan2022.progress.toml"
    assert beside.origin == "beside-plan"
    in_app_dir = resolve_ledger(None, bundled, app_dir)
    assert in_app_dir.path == app_dir / "guandu-2022.progress.toml"
    assert not in_app_dir.read_only


def test_bundled_2021_plan_reads_its_bundled_ledger_read_only(tmp_path: Path) -> None:
    source = PlanSource(data_dir() / "plan2021.toml", "guandu-2021")
    location = resolve_ledger(None, source, tmp_path)
    assert location.path == data_dir() / "plan2021.progress.toml"
    assert location.read_only
    with pytest.raises(InputError, match=r"read-only.*plancli --plan guandu-2021 init DIR"):
        TomlLedgerStore(location).check_writable()
    # An explicit ledger still wins and is writable.
    assert not resolve_ledger(tmp_path / "l.toml", source, tmp_path).read_only


# -------------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "expected"),
    [("310", "310"), (" 5.2 ", "5.2"), ("-0.3", "-0.3"), ("1e3", "1000"), ("1E-5", "0.00001")],
)
def test_numbers_are_exact_decimals(text: str, expected: str) -> None:
    value = parse_number(text, "value")
    assert str(value) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "is not a number"),
        ("", "is empty"),
        ("NaN", "not a finite number"),
        ("-Infinity", "not a finite number"),
        ("inf", "not a finite number"),
        ("1e999", "too large"),
        ("1e999999999999", "too large"),
        ("1,441.37", "without thousands separators"),
        ("4,8", "without thousands separators"),
        ("１２", "is not a number"),  # full-width digits: not silently accepted
        ("1_000", "is not a number"),
        ("0.00000000001", "more than 10 decimal places"),
        ("5%", "not a percentage"),
        ("123456789012345.12", "more than 15 significant digits"),
        ("1234567890.123456", "more than 15 significant digits"),
        ("0.1234567890123456", "more than 10 decimal places"),
    ],
)
def test_bad_numbers(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_number(text, "value")


@pytest.mark.parametrize(
    "text", ["123456789012345", "-12345678901234.5", "123456789012345.000", "1e15", "0.0000000001"]
)
def test_fifteen_significant_digits_are_enough(text: str) -> None:
    # Trailing zeros cost a double nothing: 123456789012345.000 is 15 significant digits.
    assert parse_number(text, "value") == Decimal(text)


# The refusals `record` makes, as read back from a ledger: text, and the message after `value: `.
UNFIT = [
    ("1e400", "1E+400 is too large (at most 10^15 in magnitude)"),
    ("-1000000000000000.5", "-1000000000000000.5 is too large (at most 10^15 in magnitude)"),
    ("NaN", "NaN is not a finite number"),
    ("-Infinity", "-Infinity is not a finite number"),
    ("0.00000000001", "1E-11 has more than 10 decimal places"),
    ("123456789012345.12", "123456789012345.12 has more than 15 significant digits"),
]


@pytest.mark.parametrize(("text", "message"), UNFIT)
def test_a_record_refuses_what_record_refuses(text: str, message: str) -> None:
    for field in ("value", "amount"):
        fields = {"value": 1, field: text}
        with pytest.raises(ValidationError, match=rf"{field}\n.*{re.escape(message)}"):
            Record(target="gdp", period="2022-06", recorded_at=JULY_5, batch="b", **fields)
    with pytest.raises(InputError, match=re.escape(message.split(" ", 1)[1])):
        parse_number(text, "value")  # one rule, Record.figure_problem, for both


def test_a_record_keeps_its_time_in_utc() -> None:
    def at(when: datetime | str) -> datetime:
        return Record(target="g5", period="2022", value=1, recorded_at=when, batch="b").recorded_at

    beijing = timezone(timedelta(hours=8))
    for when in (datetime(2022, 7, 5, 16, 30, tzinfo=beijing), "2022-07-05T16:30:00+08:00"):
        assert at(when) == JULY_5 and at(when).utcoffset() == timedelta(0)
    assert at("2022-07-05T08:30:00Z") == JULY_5
    with pytest.raises(ValidationError, match=r"recorded_at\n.*needs a UTC offset"):
        at("2022-07-05T08:30:00")


def test_batch_ids_sort_by_time_and_are_unique() -> None:
    ids = {new_batch_id(JULY_5) for _ in range(200)}
    assert len(ids) == 200
    assert all(i.startswith("20220705T083000Z-") for i in ids)
    assert new_batch_id(JULY_5) < new_batch_id(datetime(2022, 7, 5, 8, 30, 1, tzinfo=UTC))


# ------------------------------------------------------------------- supersede and --add


def test_recording_again_supersedes_and_history_keeps_both(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    record(store, plan, "g5", "160", "2022-06", note="revised")
    records = store.read()
    assert [r.value for r in records] == [150, 160]
    assert current_records(records)[("g5", "2022-06")].value == 160
    assert [rev.current for rev in history(records, "g5")] == [False, True]


def test_same_figure_again_is_a_no_op(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    before = snapshot(store)
    change = record_entry(store, plan, Entry("g5", "2022-06", "150"))
    assert change.unchanged
    assert snapshot(store) == before
    # 150.0 is the figure stated otherwise, which every view would show: a revision (s41)
    assert not record_entry(store, plan, Entry("g5", "2022-06", "150.0"), dry_run=True).unchanged


def test_add_builds_on_the_latest_earlier_period(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "100", "2022-04")
    record(store, plan, "g5", "120", "2022-05")
    change = record_entry(store, plan, Entry("g5", "2022-06", "30", add=True))
    assert change.record.value == 150
    assert change.base is not None and change.base.period == "2022-05"
    # A quarter ends in June like 2022-06: it adds to May, not to June (the same moment).
    quarter = record_entry(store, plan, Entry("g5", "2022-Q2", "30", add=True), dry_run=True)
    assert quarter.record.value == 150


def test_add_in_the_first_month_starts_from_zero(store: LedgerStore, plan: Plan) -> None:
    assert record(store, plan, "g5", "12", "2022-01", add=True).value == 12


@pytest.mark.parametrize(
    ("target", "period", "message"),
    [
        ("g5", "2022-03", "no record of g5 for a period before 2022-03"),
        ("g5", "2022-Q1", "record the year-to-date total instead"),
        ("unemployment", "2022-06", "only for cumulative targets"),
        ("centre", "2022-06", "only for cumulative targets"),
    ],
)
def test_add_errors(store: LedgerStore, plan: Plan, target: str, period: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        record_entry(store, plan, Entry(target, period, "5", add=True))
    assert store.read() == []
    if isinstance(store, TomlLedgerStore):  # SQLite may keep the empty ledger it created
        assert not store.path.exists()


def test_add_may_not_make_a_total_negative(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "10", "2022-05")
    with pytest.raises(InputError, match=r"2022-05's 10 \+ -20 = -10 for g5 is negative"):
        record_entry(store, plan, Entry("g5", "2022-06", "-20", add=True))


@pytest.mark.parametrize(
    ("increment", "message"),
    [
        ("99999999999999.9", "new total '100000000000009.9' has more than 15 significant digits"),
        ("999999999999999", "new total '1000000000000009' is too large"),
    ],
)
def test_add_may_not_make_a_total_record_would_refuse(
    store: LedgerStore, plan: Plan, increment: str, message: str
) -> None:
    # Each part is fit to record; their sum is not, and is refused as typed input (exit 2).
    record(store, plan, "g5", "10", "2022-05")
    with pytest.raises(InputError, match=rf"--add: g5's {message}"):
        record_entry(store, plan, Entry("g5", "2022-06", increment, add=True))
    assert [r.value for r in store.read()] == [10]


def test_late_correction_is_allowed_and_names_later_periods(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    record(store, plan, "g5", "170", "2022-07")
    change = record_entry(store, plan, Entry("g5", "2022-05", "160"))
    assert change.later == ("2022-06", "2022-07")
    assert any("above 2022-06's 150" in w for w in change.warnings)
    assert current_records(store.read())[("g5", "2022-07")].value == 170


def test_a_total_below_the_previous_month_warns(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    change = record_entry(store, plan, Entry("g5", "2022-07", "20"))
    assert change.warnings and "use --add" in change.warnings[0]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (Entry("g6", "2022-06", "1"), r"unknown target 'g6'.*did you mean g5"),
        (Entry("g5", "2022-13", "1"), "malformed period '2022-13'"),
        (Entry("g5", "2022-Q5", "1"), "malformed period '2022-Q5'"),
        (Entry("g5", "22-06", "1"), "malformed period '22-06'"),
        (Entry("g5", "2021-12", "1"), "outside the plan year 2022"),
        (Entry("g5", "2022-06", "lots"), "is not a number"),
        (Entry("g5", "2022-06", "-1"), "cumulative target.*cannot be below 0"),
        (Entry("centre", "2022-06", "101"), "outside 0–100"),
        (Entry("centre", "2022-06", "-5"), "outside 0–100"),
        (Entry("g5", "2022-06", "done"), "is not a number"),
        (Entry("g5", "2022-06", "1", amount="3"), "has no amount"),
        (Entry("unemployment", "2022-06", "4", amount="3"), "has no amount"),
        (Entry("gdp", "2022-06", "5", amount="-3"), "amount -3 for gdp is negative"),
        (Entry("gdp", "2022-06", "5", amount="NaN"), "amount 'NaN' is not a finite number"),
    ],
)
def test_bad_entries(plan: Plan, entry: Entry, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_entry(plan, entry, NONE, batch="b", recorded_at=JULY_5)


def test_good_entries(plan: Plan) -> None:
    def value(entry: Entry) -> Decimal:
        return check_entry(plan, entry, NONE, batch="b", recorded_at=JULY_5).record.value

    assert value(Entry("centre", "2022-06", "done")) == 100
    assert value(Entry("centre", "2022-06", "DONE")) == 100
    assert value(Entry("gdp", "2022-Q2", "-2.5")) == Decimal("-2.5")  # growth may fall
    assert value(Entry("gdp", "2022-Q2", "5.2%")) == Decimal("5.2")
    assert value(Entry("unemployment", "2022-06", "4.5 %")) == Decimal("4.5")
    assert value(Entry("g5", " 2022-06 ", "310")) == 310


# ---------------------------------------------------------------------------------- undo


def test_undo_reverts_exactly_the_last_batch(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    record(store, plan, "g5", "160", "2022-06")
    undo = last_batch(store.read())
    assert undo is not None
    [step] = undo.steps
    assert step.record.value == 160 and step.restored is not None and step.restored.value == 150
    undo_batch(store, undo)
    records = store.read()
    assert [r.value for r in records] == [150]
    assert last_batch([]) is None


def test_undo_refuses_when_another_batch_arrived_meanwhile(store: LedgerStore, plan: Plan) -> None:
    record(store, plan, "g5", "150", "2022-06")
    shown = last_batch(store.read())
    assert shown is not None
    record(store, plan, "g5", "170", "2022-07")  # another analyst, while we were asked
    before = snapshot(store)
    with pytest.raises(LedgerChangedError, match="nothing was reverted"):
        undo_batch(store, shown)
    assert snapshot(store) == before


def test_undo_batch_refuses_when_a_later_batch_changed_what_it_does(
    store: LedgerStore, plan: Plan
) -> None:
    """`undo --batch`: a batch from the middle of the ledger may be reverted while others are
    written, but not once they change what the user was shown (or revert the batch)."""
    record(store, plan, "g5", "150", "2022-06")
    wrong = store.read()[0].batch
    record(store, plan, "gdp", "5.2", "2022-Q2")
    contents = store.contents()
    shown = batch_plan(contents.records, contents.amendments, wrong)
    assert shown is not None and [s.in_force for s in shown.steps] == [True]
    record(store, plan, "g5", "160", "2022-06")  # supersedes it while we were asked
    before = snapshot(store)
    with pytest.raises(LedgerChangedError, match=r"undo --batch \S+` again"):
        undo_batch(store, shown, last=False)
    assert snapshot(store) == before
    contents = store.contents()
    now = batch_plan(contents.records, contents.amendments, wrong)
    assert now is not None and [s.in_force for s in now.steps] == [False]
    record(store, plan, "income", "5", "2022-06")  # a batch that changes nothing of it
    assert undo_batch(store, now, last=False) == now
    assert batch_plan(store.contents().records, store.contents().amendments, wrong) is None
    assert [r.value for r in store.read()] == [Decimal("5.2"), 160, 5]


# ---------------------------------------------------------------------------- hypothesis


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=finite_decimals, note=st.text(max_size=40), as_text=st.booleans())
def test_record_then_read_gives_the_same_figure(
    tmp_path: Path, plan: Plan, value: Decimal, note: str, as_text: bool
) -> None:
    # gdp is a growth target: any finite figure, negative too.
    entry = Entry("gdp", "2022-06", format(value, "f") if as_text else value, note=note)
    change = check_entry(plan, entry, NONE, batch="b", recorded_at=JULY_5)
    path = tmp_path / "roundtrip.progress.toml"
    path.write_text(dump_ledger([change.record]), encoding="utf-8")
    [back] = read_records(path)
    assert back.value == value
    assert str(back.value) == str(change.record.value)  # exactly as given: 5.0 stays 5.0
    assert back.note == (note.strip() or None)
    assert plain_record(back) == change.record


@given(
    granularity=st.sampled_from(["M", "Q", "H", "Y"]),
    index=st.integers(1, 12),
    year=st.integers(1900, 2200),
)
def test_period_strings_round_trip(granularity: str, index: int, year: int) -> None:
    limit = {"M": 12, "Q": 4, "H": 2, "Y": 1}[granularity]
    period = Period(year, granularity, (index - 1) % limit + 1)  # type: ignore[arg-type]
    assert parse_period(str(period)) == period
    assert parse_plan_period(str(period), year) == period


@given(st.text(max_size=12))
def test_period_parsing_never_fails_otherwise_than_with_input_error(text: str) -> None:
    try:
        period = parse_period(text)
    except InputError:
        return
    assert parse_period(str(period)) == period
    assert str(period) == text.strip()


@given(st.text(max_size=20))
def test_number_parsing_gives_a_finite_bounded_decimal_or_input_error(text: str) -> None:
    try:
        value = parse_number(text, "value", percent=True)
    except InputError:
        return
    assert value.is_finite()
    assert abs(value) <= 10**15


@given(
    st.builds(
        lambda digits, exponent: Decimal(digits).scaleb(exponent),
        st.integers(-(10**18), 10**18),
        st.integers(-12, 3),
    )
)
@example(Decimal("123456789012345.123"))  # was shown as 123456789012345.12
@example(Decimal("0.1234567891"))
def test_every_figure_accepted_is_exact_in_json(number: Decimal) -> None:
    try:
        value = parse_number(format(number, "f"), "value")
    except InputError:  # refused for one of the rule's reasons only
        significant = len(number.normalize().as_tuple().digits)
        places = -number.as_tuple().exponent  # type: ignore[operator]
        assert significant > 15 or places > 10 or abs(number) > 10**15
        return
    shown = json.loads(json.dumps(decimal_to_json(value)))
    assert Decimal(str(shown)) == value == number


def test_copy_of_the_plan_keeps_its_own_ledger(tmp_path: Path, mini_plan: Path) -> None:
    # Two workspaces never share a ledger by accident: it goes beside each plan file.
    other = tmp_path / "other" / "mini.toml"
    other.parent.mkdir()
    shutil.copyfile(mini_plan, other)
    a = resolve_ledger(None, PlanSource(mini_plan, None), tmp_path)
    b = resolve_ledger(None, PlanSource(other, None), tmp_path)
    assert a.path != b.path


def test_figures_in_force_by_target_and_period() -> None:
    def rec(target: str, period: str, value: int, batch: str) -> Record:
        return Record(
            target=target, period=period, value=Decimal(value), recorded_at=JULY_5, batch=batch
        )

    figures = Figures(
        [
            rec("g5", "2022-04", 90, "a"),
            rec("g5", "2022-05", 100, "a"),
            rec("g5", "2022-05", 120, "b"),  # supersedes 100
            rec("g5", "2022-Q2", 150, "b"),
            rec("g5", "2021-12", 300, "b"),  # another year never counts
            rec("centre", "2022-03", 50, "b"),
        ]
    )
    before_june = figures.latest_before("g5", parse_period("2022-06"))
    assert before_june is not None and before_june.value == 120
    assert figures.latest_before("g5", parse_period("2022-04")) is None
    assert [r.period for r in figures.later("g5", parse_period("2022-04"))] == [
        "2022-05",
        "2022-Q2",
    ]
    assert figures.get("g5", "2022-05") is not None
    more = figures.with_records([rec("g5", "2022-07", 160, "c")])
    assert [r.period for r in more.later("g5", parse_period("2022-06"))] == ["2022-07"]
    assert figures.later("g5", parse_period("2022-06")) == []
