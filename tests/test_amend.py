"""`plancli amend`: mid-year adjustments (年中调整) of bounds, kept in the ledger (issue 10).

Real plans and figures: 福建 2026's CO2 intensity (完成国家下达的…降低目标: pending until the
national figure arrives), 上海 2026's emission reductions (pending, cumulative), and Guandu
2022's GDP (增长7%以上), adjusted to 6 % from July. Every test runs against both stores.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger, store_of
from plancli.amend import AmendRequest, amend_target, amendment_history, check_amendment
from plancli.assess import assess_plan
from plancli.errors import InputError
from plancli.ledger import Entry, record_entry
from plancli.locations import LedgerLocation
from plancli.model import Plan, Record
from plancli.plan import load_plan
from plancli.stores import open_store
from plancli.stores.copy import copy_ledger
from plancli.stores.sqlite_db import SCHEMA_VERSION
from plancli.stores.toml import read_toml_ledger
from plancli.undo import last_batch, undo_batch


@pytest.fixture
def ledger(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    return ledger_at(tmp_path / f"work{ledger_suffix}", "guandu-2022")


@pytest.fixture
def run(invoke, ledger: Path):  # type: ignore[no-untyped-def]
    """plancli --plan PLAN --ledger LEDGER ARGS… (the plan's id comes first)."""

    def call(plan: str, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(ledger), *args, input=input)

    return call


@pytest.fixture
def one_ledger(tmp_path: Path) -> Path:
    """A TOML ledger only: for refusals and output, which no store changes."""
    return tmp_path / "one.progress.toml"


@pytest.fixture
def run_one(invoke, one_ledger: Path):  # type: ignore[no-untyped-def]
    def call(plan: str, *args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(one_ledger), *args)

    return call


def gap_of(run, plan: str, target: str, as_of: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run(plan, "gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    [row] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == target]
    return row  # type: ignore[no-any-return]


# ------------------------------------------------------------------ pending → amended


def test_a_pending_decline_is_judged_on_its_amendment(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    fujian = "fujian-2026"
    assert run(fujian, "record", "co2_intensity", "下降3.8", "--period", "2026").exit_code == 0
    before = gap_of(run, fujian, "co2_intensity", "2026")
    assert (before["status"], before["bound"], before["amended_from"]) == (
        "pending",
        "pending",
        None,
    )

    result = run(
        fujian, "amend", "co2_intensity", "--min", "3.5", "--from", "2026-06", "--note", "国家下达"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(
        "amended co2_intensity from 2026-06: fall ≥ 3.5 % (was pending: the plan gives no bound)"
    )
    after = gap_of(run, fujian, "co2_intensity", "2026")
    assert after["status"] == "met"
    assert after["bound"] == "fall ≥ 3.5 %"
    assert (after["actual"], after["recorded"], after["gap"]) == (3.8, -3.8, 0)
    assert (after["amended_from"], after["amendment_note"]) == ("2026-06", "国家下达")


def test_the_amendment_applies_from_its_period_on_not_before(run) -> None:  # type: ignore[no-untyped-def]
    fujian = "fujian-2026"
    assert run(fujian, "record", "co2_intensity", "降低2", "--period", "2026-03").exit_code == 0
    assert run(fujian, "amend", "co2_intensity", "--min", "3.5", "--from", "2026-06").exit_code == 0
    assert gap_of(run, fujian, "co2_intensity", "2026-05")["status"] == "pending"
    june = gap_of(run, fujian, "co2_intensity", "2026-06")
    # A fall of 2 against 下降3.5%: 1.5 points short, beyond the 1-point growth tolerance.
    assert (june["status"], june["actual"], june["gap"]) == ("behind", 2, 1.5)


def test_a_pending_cumulative_target_gets_its_amount(run) -> None:  # type: ignore[no-untyped-def]
    shanghai = "shanghai-2026"
    assert (
        run(shanghai, "record", "emission_reduction", "3.1", "--period", "2026-06").exit_code == 0
    )
    assert gap_of(run, shanghai, "emission_reduction", "2026-06")["status"] == "pending"
    amended = run(shanghai, "amend", "emission_reduction", "--min", "5.6", "--from", "2026-06")
    assert amended.exit_code == 0, amended.stderr
    row = gap_of(run, shanghai, "emission_reduction", "2026-06")
    assert (row["bound"], row["completion"], row["pace_gap_pp"]) == ("≥ 5.6 万吨", 0.5536, 5.36)
    assert row["status"] == "on_track"


# ------------------------------------------------------------- a bound adjusted mid-year


def test_guandu_gdp_adjusted_from_july_changes_the_bound_from_then_on(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    guandu = "guandu-2022"
    for period in ("2022-06", "2022-09"):
        assert run(guandu, "record", "gdp", "6.5", "--period", period).exit_code == 0
    result = run(guandu, "amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "年中调整")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("amended gdp from 2022-07: ≥ 6 % (was ≥ 7 %, the plan's) in ")

    june = gap_of(run, guandu, "gdp", "2022-06")
    assert (june["status"], june["bound"], june["min"], june["gap"]) == ("at_risk", "≥ 7 %", 7, 0.5)
    assert june["amended_from"] is None
    september = gap_of(run, guandu, "gdp", "2022-09")
    assert (september["status"], september["bound"], september["min"], september["gap"]) == (
        "on_track",
        "≥ 6 %",
        6,
        0,
    )
    assert september["amended_from"] == "2022-07"

    table = run(guandu, "gap", "--as-of", "2022-09", "--section", "headline")
    assert "6.5%/≥6%†" in table.stdout
    assert "† bound adjusted mid-year (年中调整): Gross regional product (GDP) from 2022-07" in (
        table.stdout
    )
    dashboard = run(guandu, "status", "--as-of", "2022-09")
    assert "≥ 6%†" in dashboard.stdout  # the tables' typography: `≥ 6%` beside `5%`
    status = json.loads(run(guandu, "status", "--as-of", "2022-09", "--json").stdout)
    [gdp] = [row for row in status["headline"] if row["id"] == "gdp"]
    assert (gdp["status"], gdp["amended_from"]) == ("on_track", "2022-07")


def test_show_and_history_list_amendments(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    guandu = "guandu-2022"
    assert run(guandu, "record", "gdp", "6.5", "--period", "2022-09").exit_code == 0
    assert (
        run(guandu, "amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "省下达").exit_code
        == 0
    )
    shown = json.loads(run(guandu, "show", "gdp", "--json").stdout)
    [amendment] = shown["amendments"]
    assert {k: amendment[k] for k in ("target", "period", "min", "bound", "note", "current")} == {
        "target": "gdp",
        "period": "2022-07",
        "min": 6,
        "bound": "≥ 6 %",
        "note": "省下达",
        "current": True,
    }
    assert shown["assessment"]["status"] == "on_track"  # show judges with the amendment too
    table = run(guandu, "show", "gdp").stdout
    assert "mid-year adjustments (年中调整)" in table
    assert "2022-07" in table and "≥ 6 %" in table and "省下达" in table
    assert "bound adjusted from 2022-07 on (省下达)" in table

    history = json.loads(run(guandu, "history", "--json").stdout)
    assert [r["period"] for r in history["records"]] == ["2022-09"]
    assert [(a["target"], a["period"], a["min"]) for a in history["amendments"]] == [
        ("gdp", "2022-07", 6)
    ]
    assert amendment["batch"] == history["amendments"][0]["batch"]
    listing = run(guandu, "history").stdout
    assert listing.index("2022-09") < listing.index("mid-year adjustments")
    only_cpi = json.loads(run(guandu, "history", "retail_sales", "--json").stdout)
    assert only_cpi["amendments"] == []


def test_reports_name_the_adjusted_targets(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    guandu = "guandu-2022"
    assert run(guandu, "record", "gdp", "6.5", "--period", "2022-09").exit_code == 0
    assert (
        run(guandu, "amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "省下达").exit_code
        == 0
    )
    markdown = run(guandu, "report").stdout
    assert "| Gross regional product (GDP) | ≥ 6%† | 6.5%" in markdown
    assert "- Gross regional product (GDP): from 2022-07, ≥ 6% (plan: ≥ 7%); 省下达" in markdown
    html = run(guandu, "report", "--format", "html").stdout
    assert '<section id="adjustments">' in html
    assert "from 2022-07, ≥ 6% (plan: ≥ 7%); 省下达" in html
    workbook = tmp_path / "report.xlsx"
    assert run(guandu, "report", "-o", str(workbook)).exit_code == 0
    book = load_workbook(workbook)
    assert book.sheetnames == ["summary", "assessments", "records", "adjustments"]
    rows = list(book["adjustments"].iter_rows(values_only=True))
    assert rows[1][:6] == (
        "gdp",
        "Gross regional product (GDP)",
        "2022-07",
        "≥ 6%",  # as the report's list of adjustments writes it (session 41; was ≥ 6 %)
        "≥ 7%",
        "省下达",
    )
    header = [cell.value for cell in book["assessments"][1]]
    gdp = next(
        r for r in book["assessments"].iter_rows(min_row=2, values_only=True) if r[0] == "gdp"
    )
    assert gdp[header.index("amended_from")] == "2022-07"


def test_a_report_in_chinese_says_年中调整(invoke, one_ledger: Path) -> None:  # type: ignore[no-untyped-def]
    where = ["--plan", "guandu-2022", "--ledger", str(one_ledger), "--lang", "zh"]
    assert invoke(*where, "record", "gdp", "6.5", "--period", "2022-09").exit_code == 0
    assert invoke(*where, "amend", "gdp", "--min", "6", "--from", "2022-07").exit_code == 0
    markdown = invoke(*where, "report").stdout
    assert "## † 年中调整的目标" in markdown
    assert "- 地区生产总值：自2022年7月起调整为 ≥ 6%（原计划 ≥ 7%）" in markdown


def test_a_chinese_report_states_an_adjusted_bound_in_chinese(invoke, one_ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """福建's CO2 intensity, pending until the national figure (a fall of 3.5 %) arrives in
    June: the report's line of adjustments read `fall ≥ 3.5%(原计划pending)` in Chinese."""
    where = ["--plan", "fujian-2026", "--ledger", str(one_ledger), "--lang", "zh"]
    amend = ["amend", "co2_intensity", "--min", "3.5", "--from", "2026-06", "--note", "国家下达"]
    assert invoke(*where, *amend).exit_code == 0
    assert invoke(*where, "record", "gdp", "5.6", "--period", "2026-Q2").exit_code == 0
    markdown = invoke(*where, "report").stdout
    line = next(x for x in markdown.splitlines() if x.startswith("- 单位地区生产总值二氧化碳排放"))
    # the level the quote names, as the summary says it (audit R, D9; before: 原计划待下达)
    assert "调整为下降 ≥ 3.5%" in line and "原计划待国家下达" in line
    assert "fall" not in line and "pending" not in line
    english = invoke(*where[:-1], "en", "report").stdout
    assert "from 2026-06, fall ≥ 3.5% (plan: still to be set by the State); 国家下达" in english


# ----------------------------------------------------------------------------- undo


def test_undo_reverts_the_amendment_like_any_batch(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    guandu = "guandu-2022"
    assert run(guandu, "record", "gdp", "6.5", "--period", "2022-09").exit_code == 0
    assert run(guandu, "amend", "gdp", "--min", "6", "--from", "2022-07").exit_code == 0
    assert gap_of(run, guandu, "gdp", "2022-09")["status"] == "on_track"

    shown = run(guandu, "undo", "--dry-run")
    assert "amendment to revert" in shown.stdout and "≥ 7 % (plan)" in shown.stdout
    assert "would revert 1 amendment of batch" in shown.stderr
    result = run(guandu, "undo", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "reverted 1 amendment of batch" in result.stderr
    september = gap_of(run, guandu, "gdp", "2022-09")
    assert (september["status"], september["bound"]) == ("at_risk", "≥ 7 %")
    assert store_of(ledger).amendments() == []
    assert [r.period for r in store_of(ledger).read()] == ["2022-09"]  # the figure stays


def test_undo_takes_the_last_written_whether_record_or_amendment(ledger: Path) -> None:
    plan = load_plan("guandu-2022")
    store = store_of(ledger)
    amend_target(store, plan, AmendRequest("gdp", "2022-07", min="6"))
    record_entry(store, plan, Entry("gdp", "2022-09", "6.5"))
    amend_target(store, plan, AmendRequest("gdp", "2022-10", min="5.5"))
    record_entry(store, plan, Entry("gdp", "2022-12", "6.1"))
    reverted: list[str] = []
    while (contents := store.contents()).records or contents.amendments:
        undo = last_batch(contents.records, contents.amendments)
        assert undo is not None
        reverted += [f"record {r.period}" for r in undo.records]
        reverted += [f"amend {a.period}" for a in undo.amendments]
        undo_batch(store, undo)
    assert reverted == ["record 2022-12", "amend 2022-10", "record 2022-09", "amend 2022-07"]


# ------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gpd", "--min", "6"), "unknown target 'gpd' in plan guandu-2022; did you mean gdp"),
        (
            ("urban_income", "--min", "6"),
            "urban_income is a relative target and has no bound to amend",
        ),
        (
            ("metaverse_demo_base_landed", "--min", "1"),
            "is a milestone target and has no bound to amend",
        ),
        (("gdp", "--min", "6", "--max", "5"), "--min 6 is above --max 5"),
        (
            ("gdp", "--around", "6", "--min", "5"),
            "--around (X左右) and --min/--max are alternatives",
        ),
        (
            ("gdp", "--min", "6", "--tolerance", "0.5"),
            "--tolerance is the 左右 tolerance of --around",
        ),
        (("gdp", "--note", "no bound"), "give the new bound: --min, --max or --around"),
        (("gdp", "--min", "6", "--stretch", "5"), "--stretch 5 is not beyond the bound (6)"),
        (("gdp", "--min", "lots"), "--min 'lots' is not a number"),
    ],
)
def test_bad_amendments_exit_2_with_one_line(
    run_one, one_ledger: Path, args: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    ledger = one_ledger
    result = run_one("guandu-2022", "amend", *args, "--from", "2022-07")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not ledger.exists() or store_of(ledger).amendments() == []


def test_a_trend_target_has_no_bound_to_amend(run_one) -> None:  # type: ignore[no-untyped-def]
    result = run_one("shanghai-2026", "amend", "co2_intensity", "--max", "-3", "--from", "2026-06")
    assert result.exit_code == 2
    assert "co2_intensity is a trend target and has no bound to amend" in result.stderr


@pytest.mark.parametrize("period", ["2021-07", "2023", "2022-13"])
def test_from_outside_the_plan_year_is_refused(run_one, period: str) -> None:  # type: ignore[no-untyped-def]
    result = run_one("guandu-2022", "amend", "gdp", "--min", "6", "--from", period)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --from: ")


def test_the_same_amendment_again_is_a_no_op(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("guandu-2022", "amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "省下达")
    assert run(*args).exit_code == 0
    before = ledger.read_bytes()
    again = run(*args[:4], "6.0", *args[5:])  # 6.0 is 6
    assert again.exit_code == 0
    assert "is already the amendment in force; nothing written" in again.stderr
    assert ledger.read_bytes() == before
    assert len(store_of(ledger).amendments()) == 1
    # A different note is a different amendment, said as a new note (s42: `amended gdp … ≥ 6 %
    # (was ≥ 6 % …)` read as a change of bound that was none).
    noted = run(*args[:-1], "省政府常务会议").stderr
    assert "gdp from 2022-07: ≥ 6 %: note changed to 省政府常务会议 (was 省下达) in " in noted
    assert len(store_of(ledger).amendments()) == 2


def test_an_earlier_period_recorded_later_supersedes(ledger: Path) -> None:
    """In force at a period: of the amendments from a period ending by then, the last one
    recorded. Re-recording the July amendment after one from October is therefore a change."""
    plan = load_plan("guandu-2022")
    store = store_of(ledger)
    july = AmendRequest("gdp", "2022-07", min="6")
    amend_target(store, plan, july)
    amend_target(store, plan, AmendRequest("gdp", "2022-10", min="5.5"))
    again = amend_target(store, plan, july)
    assert not again.unchanged
    revisions = amendment_history(store.amendments())
    assert [(r.amendment.period, r.current) for r in revisions] == [
        ("2022-07", False),
        ("2022-10", False),
        ("2022-07", True),
    ]
    assessment = assess_plan(
        plan, [*store.read(), *_gdp(plan, "2022-12", "5.8")], "2022-12", store.amendments()
    )
    assert assessment.get("gdp").status == "missed"  # judged against 6, not 5.5


def _gdp(plan: Plan, period: str, value: str) -> list[Record]:
    return [
        Record(
            target="gdp",
            period=period,
            value=Decimal(value),
            recorded_at=datetime(2022, 12, 31, tzinfo=UTC),
            batch="b",
        )
    ]


def test_dry_run_and_json(run_one, one_ledger: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = one_ledger
    result = run_one(
        "guandu-2022",
        "amend",
        "gdp",
        "--around",
        "6",
        "--tolerance",
        "0.3",
        "--from",
        "2022-Q3",
        "--dry-run",
        "--json",
    )
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["written"], out["unchanged"], out["plan_bound"], out["previous"]) == (
        False,
        False,
        "≥ 7 %",
        None,
    )
    assert {k: out["amendment"][k] for k in ("period", "around", "tolerance", "bound")} == {
        "period": "2022-Q3",
        "around": 6,
        "tolerance": 0.3,
        "bound": "≈ 6 %",
    }
    assert "nothing written" in result.stderr
    assert not ledger.exists()


def test_a_negative_bound_is_a_value_not_an_option(run_one) -> None:  # type: ignore[no-untyped-def]
    result = run_one("guandu-2022", "amend", "gdp", "--min", "-1", "--from", "2022-07")
    assert result.exit_code == 0, result.stderr
    assert "≥ -1 %" in result.stderr


# --------------------------------------------------------------------------- storage


def test_toml_keeps_amendments_in_ledger_order(tmp_path: Path) -> None:
    path = tmp_path / "l.progress.toml"
    plan = load_plan("guandu-2022")
    store = store_of(path)
    record_entry(store, plan, Entry("gdp", "2022-06", "6.5"))
    amend_target(store, plan, AmendRequest("gdp", "2022-07", min="6", note="年中调整"))
    record_entry(store, plan, Entry("gdp", "2022-09", "6.4"))
    text = path.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("[[")]
    assert headers == ["[[records]]", "[[amendments]]", "[[records]]"]
    assert 'target = "gdp"\nperiod = "2022-07"\nmin = 6\nnote = "年中调整"\n' in text
    contents = read_toml_ledger(path)
    assert [p.after for p in contents.amendments] == [1]


def test_an_old_toml_ledger_without_amendments_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "old.progress.toml"
    path.write_text(
        'version = 1\n\n[[records]]\ntarget = "gdp"\nperiod = "2022-06"\nvalue = 6.5\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b1"\n',
        encoding="utf-8",
    )
    store = store_of(path)
    assert [r.value for r in store.read()] == [6.5]
    assert store.amendments() == []


def test_a_bad_amendment_in_a_toml_ledger_names_its_line(tmp_path: Path) -> None:
    from plancli.errors import LedgerFileError

    path = tmp_path / "bad.progress.toml"
    path.write_text(
        'version = 1\n\n[[amendments]]\ntarget = "gdp"\nperiod = "2022-07"\nmin = 8\nmax = 6\n'
        'recorded_at = 2022-07-05T08:30:00Z\nbatch = "b1"\n',
        encoding="utf-8",
    )
    with pytest.raises(LedgerFileError, match=r"bad.progress.toml:3: amendment 1 \(gdp 2022-07\)"):
        store_of(path).amendments()


def test_a_schema_1_sqlite_ledger_reads_and_migrates_on_write(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as connection:  # the schema of plancli before amend
        connection.executescript(
            """
            CREATE TABLE records (seq INTEGER PRIMARY KEY, target TEXT NOT NULL, period TEXT
            NOT NULL, value TEXT NOT NULL, amount TEXT, note TEXT, source TEXT,
            recorded_at TEXT NOT NULL, batch TEXT NOT NULL);
            INSERT INTO records (target, period, value, recorded_at, batch)
            VALUES ('gdp', '2022-06', '6.5', '2022-07-05T08:30:00+00:00', 'b1');
            PRAGMA application_id = 1886154289;
            PRAGMA user_version = 1;
            """
        )
    store = store_of(path)
    assert [r.value for r in store.read()] == [6.5]
    assert store.amendments() == []
    assert store.contents().amendments == []
    amend_target(store, load_plan("guandu-2022"), AmendRequest("gdp", "2022-07", min="6"))
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert [a.min for a in store.amendments()] == [6]
    assert [r.value for r in store.read()] == [6.5]


def test_convert_copies_amendments_in_place(
    tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]
) -> None:
    plan = load_plan("guandu-2022")

    def where(name: str) -> LedgerLocation:
        ledger = ledger_at(tmp_path / name, "guandu-2022")
        return store_of(ledger).location

    source = where(f"a{ledger_suffix}")
    store = open_store(source)
    amend_target(store, plan, AmendRequest("gdp", "2022-07", min="6", note="省下达"))
    record_entry(store, plan, Entry("gdp", "2022-09", "6.4"))
    other = ".progress.sqlite" if ledger_suffix.endswith(".toml") else ".progress.toml"
    copied = copy_ledger(source, tmp_path / f"b{other}")
    assert (len(copied.records), len(copied.amendments)) == (1, 1)
    back = copy_ledger(tmp_path / f"b{other}", where(f"c{ledger_suffix}"))
    assert back == store.contents()
    converted = store_of(tmp_path / f"b{other}").contents()
    undo = last_batch(converted.records, converted.amendments)
    assert undo is not None and [r.period for r in undo.records] == ["2022-09"]


def test_ledger_convert_says_how_many_amendments(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = load_plan("guandu-2022")
    source = tmp_path / "a.progress.toml"
    amend_target(store_of(source), plan, AmendRequest("gdp", "2022-07", min="6"))
    result = invoke("ledger", "convert", str(source), str(tmp_path / "b.sqlite"))
    assert result.exit_code == 0, result.stderr
    assert "converted 0 records and 1 amendment:" in result.stderr
    # in Chinese the two counts are spaced alike (it read 0 条记录和1 项调整)
    chinese = invoke("--lang", "zh", "ledger", "convert", str(source), str(tmp_path / "c.sqlite"))
    assert "已转换 0 条记录和 1 项调整：" in chinese.stderr, chinese.stderr


# ---------------------------------------------------------------------------- core


def test_check_amendment_refuses_what_the_plan_file_would() -> None:
    plan = load_plan("shanghai-2026")
    now = datetime(2026, 7, 20, tzinfo=UTC)
    with pytest.raises(InputError, match="give --min"):
        check_amendment(
            plan,
            AmendRequest("emission_reduction", "2026-06", max="5"),
            [],
            batch="b",
            recorded_at=now,
        )
    change = check_amendment(
        plan,
        AmendRequest("emission_reduction", "2026-06", min="5.6"),
        [],
        batch="b",
        recorded_at=now,
    )
    assert (change.previous, change.unchanged) == (None, False)
    assert change.amendment.min == Decimal("5.6")


def test_the_amendments_table_never_folds_an_id(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`history` listed compulsory_education_retention_rate's adjustment folded in three at
    80 columns: the id keeps its width, on a line of its own (a card: the time recorded and
    the note kept under it, as the narrower cards keep them)."""
    ledger = str(tmp_path / "l.toml")
    amended = invoke(
        "--ledger", ledger, "amend", "compulsory_education_retention_rate",
        "--from", "2022-07", "--min", "98.5", "--note", "市教育局年中调整",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.output
    result = invoke("--ledger", ledger, "history")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "compulsory" in line)
    assert lines[at].split() == ["*", "compulsory_education_retention_rate"]
    under = lines[at + 1]
    assert under.split()[:2] == ["2022-07", "≥"] and "98.5 %" in under
    assert under.rstrip().endswith("市教育局年中调整")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
