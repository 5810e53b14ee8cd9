"""`plancli import` without --json checks and writes its rows as a stream, in chunks inside
the one transaction (issue 15: a million rows without a model of each in memory). It must
write the same ledger and say the same things as the import that keeps every row: the same
records in the same order, the same counts and warnings, the same errors, nothing written
when a row is bad, however far into the file it is."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from plancli import import_stream
from plancli.imports import ImportRejected, import_rows, parse_import
from plancli.locations import LedgerLocation
from plancli.plan import load_plain_plan
from plancli.stores import open_store

NOW = datetime(2022, 7, 5, 8, 30, tzinfo=UTC)
BEFORE = (
    "target,period,value,amount,note\n"
    "gdp,2022-Q1,4.1,330,\n"
    "new_5g_base_stations,2022-04,80,,\n"
    "new_5g_base_stations,2022-06,150,,\n"
    "parking_spaces,2022-03,900,,first\n"
    "retail_sales,2022-06,3.8,,\n"
)
# New, revised and unchanged figures; 5G's May figure above June's and below April's (two
# warnings), parking's March figure unchanged but now above its new February total (warned
# after the changes, as an unchanged row).
FILE = (
    "target,period,value,amount,note\n"
    "new_5g_base_stations,2022-05,70,,\n"
    "gdp,2022-Q1,4.1,330,\n"
    "parking_spaces,2022-03,900,,first\n"
    "gdp,2022-Q2,5.0,700,\n"
    "parking_spaces,2022-02,1000,,\n"
    "retail_sales,2022-06,3.5,,revised below\n"
    "external_funds,2022-06,50,,\n"
    "unemployment_rate,2022-06,5.1,,\n"
)


def ledger(tmp_path: Path, suffix: str, name: str) -> LedgerLocation:
    location = LedgerLocation(tmp_path / f"{name}{suffix}", "option")
    rows, problems = parse_import(BEFORE.encode(), "before.csv")
    plan = load_plain_plan(FIXTURES / "assess.toml")
    import_rows(open_store(location), plan, "before.csv", rows, problems, now=NOW)
    return location


def contents(location: LedgerLocation) -> list[tuple[object, ...]]:
    """Every record, its batch named by its place (batch ids are random)."""
    records = open_store(location).contents().records
    batches = list(dict.fromkeys(r.batch for r in records))
    return [(*r.model_dump(exclude={"batch"}).values(), batches.index(r.batch)) for r in records]


@pytest.fixture(params=[".progress.sqlite", ".progress.toml"])
def suffix(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("chunk", [1, 2, 5000])
def test_a_streamed_import_writes_and_says_what_the_kept_one_does(
    tmp_path: Path, suffix: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_stream, "_CHUNK", chunk)
    plan = load_plain_plan(FIXTURES / "assess.toml")
    rows, problems = parse_import(FILE.encode(), "file.csv")
    results = {}
    for keep in (True, False):
        location = ledger(tmp_path, suffix, f"keep-{keep}")
        result = import_rows(
            open_store(location), plan, "file.csv", list(rows), problems, now=NOW, keep=keep
        )
        results[keep] = (
            result.new,
            result.revised,
            result.unchanged_count,
            result.rows,
            result.written,
            result.row_warnings(),
            contents(location),
        )
    assert results[False] == results[True]
    new, revised, unchanged, _, written, warnings, _ = results[False]
    assert (new, revised, unchanged, written) == (5, 1, 2, True)
    assert [row for row, _ in warnings] == [2, 6, 4]  # the unchanged row's warning last
    assert "below 2022-04's 80" in warnings[0][1] and "revise 2022-03" in warnings[1][1]
    assert "is below 2022-02's 1000" in warnings[2][1]


@pytest.mark.parametrize("bad", ["the last row", "a parse problem", "a position twice"])
def test_a_bad_row_after_written_chunks_leaves_the_ledger_as_it_was(
    tmp_path: Path, suffix: str, bad: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_stream, "_CHUNK", 1)
    plan = load_plain_plan(FIXTURES / "assess.toml")
    last = {
        "the last row": "nowhere,2022-06,1,,\n",
        "a parse problem": "gdp,2022-06\n",
        "a position twice": "gdp,2022-06,5.1,,\n",  # row 5 gave 2022-Q2
    }
    text = FILE + last[bad]
    rows, problems = parse_import(text.encode(), "file.csv")
    messages = {}
    for keep in (True, False):
        location = ledger(tmp_path, suffix, f"keep-{keep}")
        before = contents(location)
        with pytest.raises(ImportRejected) as caught:
            import_rows(open_store(location), plan, "file.csv", list(rows), problems, keep=keep)
        messages[keep] = str(caught.value)
        assert contents(location) == before
    assert messages[False] == messages[True]
    assert "file.csv:10:" in messages[False]
    if bad == "a position twice":
        assert "is also on row 5 as 2022-Q2 (both stand for" in messages[False]


def test_a_streamed_import_reads_a_ledger_it_did_not_write_through_the_models(
    tmp_path: Path,
) -> None:
    """A stored figure written otherwise (1E+2) is read by the models, as `records()` reads
    it; a broken one is reported as before."""
    plan = load_plain_plan(FIXTURES / "assess.toml")
    rows, problems = parse_import(FILE.encode(), "file.csv")
    location = ledger(tmp_path, ".sqlite", "odd")
    with sqlite3.connect(location.path) as db:
        db.execute("UPDATE records SET value = '1.5E+1' WHERE value = '150'")
    db.close()
    broken = tmp_path / "broken.sqlite"
    shutil.copyfile(location.path, broken)
    kept = tmp_path / "kept.sqlite"
    shutil.copyfile(location.path, kept)
    result = import_rows(open_store(location), plan, "file.csv", list(rows), problems, keep=False)
    assert result.row_warnings()[1][0] == 2
    assert "above 2022-06's 15; revise 2022-06 too" in result.row_warnings()[1][1]
    again = import_rows(
        open_store(LedgerLocation(kept, "option")), plan, "file.csv", rows, problems
    )
    assert result.row_warnings() == again.row_warnings()
    with sqlite3.connect(broken) as db:
        db.execute("UPDATE records SET value = 'NaN' WHERE target = 'gdp'")
    db.close()
    with pytest.raises(Exception, match=r"broken.sqlite: record seq 1 \(gdp 2022-Q1\): value"):
        import_rows(
            open_store(LedgerLocation(broken, "option")), plan, "f", rows, problems, keep=False
        )


def test_the_cli_says_the_same_with_and_without_json(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    (tmp_path / "before.csv").write_text(BEFORE, "utf-8")
    (tmp_path / "file.csv").write_text(FILE, "utf-8")
    said = {}
    for how in ("stream", "json"):
        base = ("--plan", str(plan), "--ledger", str(tmp_path / f"{how}.sqlite"))
        assert invoke(*base, "import", str(tmp_path / "before.csv")).exit_code == 0
        json_out = ["--json"] if how == "json" else []
        result = invoke(*base, "import", str(tmp_path / "file.csv"), *json_out)
        assert result.exit_code == 0, result.output
        said[how] = result.stderr.replace(f"{how}.sqlite", "L").split("(batch")[0]
    assert said["stream"] == said["json"]
    assert said["stream"].count("warning:") == 3
    assert "5 new, 1 revised, 2 unchanged of 8 rows" in said["stream"]
