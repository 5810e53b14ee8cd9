"""record, import, history and undo on the command line: messages, exit codes, files."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from ledgers import Ledger, PgLedger, read_records, start_ledger
from plancli.locations import data_dir
from plancli.model import current_records


@pytest.fixture
def ledger(mini_plan: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    """The default ledger beside the plan (TOML), or a SQLite or PostgreSQL one named with
    --ledger."""
    return ledger_at(mini_plan.with_name("mini" + ledger_suffix))


@pytest.fixture
def run(invoke, mini_plan: Path, ledger: Path):  # type: ignore[no-untyped-def]
    """plancli --plan <copy of mini.toml> [--ledger mini.progress.sqlite] ARGS…"""
    where = ["--plan", str(mini_plan)]
    if ledger.suffix != ".toml":
        where += ["--ledger", str(ledger)]

    def call(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return invoke(*where, *args, input=input)

    return call


def values(ledger: Path) -> dict[tuple[str, str], str]:
    return {k: str(r.value) for k, r in current_records(read_records(ledger)).items()}


# ---------------------------------------------------------------------------------- record


def test_record_confirms_on_stderr_with_the_ledger_path(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "g5", "150", "--period", "2022-06", "--source", "工信局")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    # A ledger named by --ledger (the SQLite runs) is said to be created by the first write.
    # (A database ledger's schema is made by `ledger init`, or was made by a first write.)
    named_file = isinstance(ledger, Path) and ledger.suffix != ".toml"
    created = f"created {ledger} (named by --ledger)\n" if named_file else ""
    [record] = read_records(ledger)
    # The batch is named, for `undo --batch` (a figure recorded for the wrong period).
    said = f"{created}recorded g5 2022-06 = 150 个 in {ledger} (batch {record.batch})\n"
    assert result.stderr == said
    assert (record.target, record.period, record.value, record.source) == (
        "g5",
        "2022-06",
        150,
        "工信局",
    )


def test_record_again_says_what_it_supersedes(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "150", "--period", "2022-06")
    result = run("record", "g5", "160", "-p", "2022-06", "--note", "revised")
    assert result.exit_code == 0
    batch = read_records(ledger)[-1].batch
    assert (
        f"recorded g5 2022-06 = 160 个 in {ledger} (batch {batch}); supersedes 150 个 recorded "
    ) in result.stderr
    same = run("record", "g5", "160", "-p", "2022-06", "--note", "revised")
    assert "is already the figure in force; nothing written" in same.stderr
    assert len(read_records(ledger)) == 2


def test_record_growth_with_amount_and_negative_value(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "gdp", "-2.5", "--period", "2022-Q1", "--amount", "330.1")
    assert result.exit_code == 0, result.stderr
    assert "gdp 2022-Q1 = -2.5% (amount 330.1 亿元)" in result.stderr
    result = run("record", "centre", "done", "--period", "2022-09")
    assert "centre 2022-09 = 100%" in result.stderr


def test_record_add_and_dry_run(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "120", "--period", "2022-05")
    before = ledger.read_bytes()
    dry = run("record", "g5", "30", "--period", "2022-06", "--add", "--dry-run")
    assert dry.exit_code == 0
    assert "would record g5 2022-06 = 150 个 (2022-05's 120 + 30); nothing written" in dry.stderr
    assert ledger.read_bytes() == before
    done = run("record", "g5", "30", "--period", "2022-06", "--add")
    assert "recorded g5 2022-06 = 150 个 (2022-05's 120 + 30)" in done.stderr
    assert values(ledger)[("g5", "2022-06")] == "150"


def test_late_correction_is_recorded_with_a_note(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "150", "--period", "2022-06")
    result = run("record", "g5", "120", "--period", "2022-05")
    assert result.exit_code == 0
    # session 39: May never recorded before is a late record, not a correction (补录, not 更正)
    assert "note: a late record; later periods keep their own figures (2022-06)" in (result.stderr)
    again = run("record", "g5", "125", "--period", "2022-05")
    assert "note: a late correction; later periods keep their own figures (2022-06)" in (
        again.stderr
    )


BAD_INPUT = [
    (["g6", "1", "--period", "2022-06"], "unknown target 'g6' in plan mini-2022; did you mean g5?"),
    (["g5", "1", "--period", "2022-13"], "malformed period '2022-13'"),
    (["g5", "1", "--period", "2022-Q5"], "malformed period '2022-Q5'"),
    (["g5", "1", "--period", "22-06"], "malformed period '22-06'"),
    (["g5", "1", "--period", "2023-01"], "period '2023-01' is outside the plan year 2022"),
    (["g5", "many", "--period", "2022-06"], "value 'many' is not a number"),
    (["g5", "NaN", "--period", "2022-06"], "value 'NaN' is not a finite number"),
    (["g5", "inf", "--period", "2022-06"], "value 'inf' is not a finite number"),
    (["g5", "1e999", "--period", "2022-06"], "value '1e999' is too large"),
    (["g5", "4,8", "--period", "2022-06"], "without thousands separators"),  # 1,000: 1000
    (["g5", "-5", "--period", "2022-06"], "value -5 for g5 is negative"),
    (["centre", "120", "--period", "2022-06"], "value 120 for centre is outside 0–100"),
    (["g5", "5", "--amount", "1", "--period", "2022-06"], "g5 is a cumulative target and has no"),
    (["invest_a", "5", "--add", "-p", "2022-09"], "--add: no record of invest_a for a period"),
    (["unemployment", "4", "--add", "--period", "2022-06"], "only for cumulative targets"),
    (  # JSON numbers are doubles: 16 digits would be shown as 123456789012345.12
        ["gdp", "5", "--amount", "123456789012345.123", "--period", "2022-06"],
        "amount '123456789012345.123' has more than 15 significant digits",
    ),
    (["g5", "1234567890.123456", "-p", "2022-06"], "more than 15 significant digits"),
    (["g5", "99999999999999.9", "--add", "-p", "2022-06"], "more than 15 significant digits"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_a_short_message_and_leaves_the_ledger(
    run,  # type: ignore[no-untyped-def]
    ledger: Path,
    args: list[str],
    message: str,
) -> None:
    run("record", "g5", "120", "--period", "2022-05")  # an earlier figure exists
    before = ledger.read_bytes()
    result = run("record", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2
    assert "Traceback" not in result.stderr
    assert ledger.read_bytes() == before


def test_period_is_required(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "g5", "150")
    assert result.exit_code == 2
    assert "--period" in result.stderr


# ---------------------------------------------------------------------------------- import

JUNE_CSV = (
    "target,period,value,amount,note,source\n"
    "g5,2022-06,150,,,工信局\n"
    "gdp,2022-Q2,5.2,700,统计局快报,\n"
    "centre,2022-06,done,,,\n"
    "unemployment,2022-06,4.5,,,\n"
)


def test_import_csv_with_bom_then_reimport_changes_nothing(
    run,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
) -> None:
    june = tmp_path / "june.csv"
    june.write_bytes(JUNE_CSV.encode("utf-8-sig"))  # Excel's "CSV UTF-8" starts with a BOM
    result = run("import", str(june))
    assert result.exit_code == 0, result.stderr
    assert f"imported {june}: 4 new, 0 revised, 0 unchanged of 4 rows into {ledger}" in (
        result.stderr
    )
    records = read_records(ledger)
    assert len({r.batch for r in records}) == 1  # one import, one batch
    assert values(ledger) == {
        ("g5", "2022-06"): "150",
        ("gdp", "2022-Q2"): "5.2",
        ("centre", "2022-06"): "100",
        ("unemployment", "2022-06"): "4.5",
    }
    gdp = current_records(records)[("gdp", "2022-Q2")]
    assert (gdp.amount, gdp.note, gdp.source) == (700, "统计局快报", None)
    before = ledger.read_bytes()
    again = run("import", str(june))
    assert again.exit_code == 0
    assert "nothing to import (0 new, 0 revised, 4 unchanged of 4 rows)" in again.stderr
    assert ledger.read_bytes() == before


def test_import_dry_run_shows_what_would_change(
    run,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
) -> None:
    run("record", "g5", "140", "--period", "2022-06")
    before = ledger.read_bytes()
    june = tmp_path / "june.csv"
    june.write_text(JUNE_CSV, encoding="utf-8")
    result = run("import", str(june), "--dry-run")
    assert result.exit_code == 0
    assert "would import" in result.stderr and "3 new, 1 revised" in result.stderr
    assert "140 个" in result.stdout and "150 个" in result.stdout  # now → new
    assert "5.2% (amount 700 亿元)" in result.stdout  # status's 5.2% (5.2 % before s42)
    zh = run("--lang", "zh", "import", str(june), "--dry-run")
    # a Chinese table's cell, figure and unit together (session 41: was `5.2 %（总量 700 亿元）`)
    assert "5.2%（总量700亿元）" in zh.stdout and "amount" not in zh.stdout
    assert ledger.read_bytes() == before


def test_import_json_list_jsonl_and_stdin(run, tmp_path: Path, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"target": "g5", "period": "2022-06", "value": 150},
        {"target": "gdp", "period": "2022-Q2", "value": 5.2, "amount": "700.25"},
    ]
    as_json = tmp_path / "june.json"
    as_json.write_text(json.dumps(rows), encoding="utf-8")
    assert run("import", str(as_json)).exit_code == 0
    assert str(current_records(read_records(ledger))[("gdp", "2022-Q2")].amount) == "700.25"
    jsonl = "\n".join(json.dumps(r | {"value": "155"}) for r in rows[:1]) + "\n"
    result = run("import", "-", input=jsonl)
    assert result.exit_code == 0, result.stderr
    assert "imported <stdin>: 0 new, 1 revised" in result.stderr
    assert values(ledger)[("g5", "2022-06")] == "155"
    # The JSON figure 5.2 is kept exact (not the float 5.2000000000000002).
    assert values(ledger)[("gdp", "2022-Q2")] == "5.2"


def test_import_csv_from_stdin(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", "-", input="target,period,value\r\ng5,2022-06,150\r\n")
    assert result.exit_code == 0, result.stderr
    assert values(ledger) == {("g5", "2022-06"): "150"}


def test_import_is_all_or_nothing_and_lists_every_bad_row(
    run,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
) -> None:
    run("record", "g5", "120", "--period", "2022-05")
    before = ledger.read_bytes()
    bad = tmp_path / "june.csv"
    bad.write_text(
        "target,period,value,amount\n"
        "g5,2022-06,150,\n"  # good
        "g6,2022-06,1,\n"  # unknown target
        "g5,2022-13,1,\n"  # malformed period
        "gdp,2022-Q2,NaN,\n"  # not finite
        "g5,2022-07,12,3\n"  # amount on a cumulative target
        "\n"  # blank lines are skipped but counted
        "centre,2022-06,150,\n"  # milestone above 100
        "g5,2022-06,151,\n",  # the same target and period twice
        encoding="utf-8",
    )
    result = run("import", str(bad))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {bad}: 6 bad rows; nothing was imported"
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [
        f"{bad}:{row}" for row in (3, 4, 5, 6, 8, 9)
    ]  # g6 is g5 misspelt (did you mean g5?): no --skip-unknown hint after the rows
    assert "did you mean g5" in lines[1]
    assert "is also on row 2" in lines[6]
    assert not [line for line in lines if "--skip-unknown" in line]  # it would drop g5's figure
    assert ledger.read_bytes() == before
    # --skip-unknown leaves out the unknown target's row only: the other bad rows still refuse.
    result = run("import", str(bad), "--skip-unknown")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {bad}: 5 bad rows; nothing was imported"
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [
        f"{bad}:{row}" for row in (4, 5, 6, 8, 9)
    ]
    assert ledger.read_bytes() == before


def test_import_caps_the_list_of_bad_rows(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value\n" + "g5,2022-06,x\n" * 25, encoding="utf-8")
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert "25 bad rows" in result.stderr
    assert result.stderr.rstrip().endswith("… and 5 more")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("target,period\ng5,2022-06\n", ":1: missing column(s) value"),
        ("target,period,value,remark\n", ":1: unknown column(s) 'remark'"),
        ("target;period;value\n", "separated by ';'"),
        ("", "the file is empty"),
        ("[1, 2", ":1:6: invalid JSON"),
        ('{"a": 1}', ":1: unknown key(s) 'a'"),
        ('"a"', ":1: unknown column(s) 'a'"),
    ],
)
def test_unreadable_import_files(
    run,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    ledger: Path,
    content: str,
    message: str,
) -> None:
    path = tmp_path / "in.txt"
    path.write_text(content, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert read_records(ledger) == []
    # TOML writes nothing; SQLite needs the file to lock, and may leave it blank.
    assert not ledger.exists() or ledger.suffix != ".toml"


def test_bad_json_rows_are_reported_by_position(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            [
                {"target": "g5", "period": "2022-06", "value": True},
                {"target": "g5", "period": "2022-06"},
                {"target": "g5", "period": "2022-06", "value": 1, "remark": "x"},
                "g5",
                {"target": "g5", "period": "2022-06", "value": "Infinity"},
            ]
        ),
        encoding="utf-8",
    )
    result = run("import", str(path))
    assert result.exit_code == 2
    # rows refused before they are read name their target too (session 31)
    assert f"{path}:1: target g5: value must be a number" in result.stderr
    assert f"{path}:2: no value" in result.stderr
    assert f"{path}:3: target g5: unknown key(s) 'remark'" in result.stderr
    assert f"{path}:4: expected an object" in result.stderr
    assert f"{path}:5: target g5: value 'Infinity' is not a finite number" in result.stderr


def test_jsonl_rows_are_reported_by_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"target": "g5", "period": "2022-06", "value": 1}\n\n{"target": "g5", oops}\n'
        '{"target": "g5", "period": "2022-07", "value": NaN}\n',
        encoding="utf-8",
    )
    result = run("import", str(path))
    assert result.exit_code == 2
    assert f"{path}:3: invalid JSON" in result.stderr
    assert f"{path}:4: target g5: value 'NaN' is not a finite number" in result.stderr


def test_import_header_only_and_missing_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.csv"
    path.write_text("target,period,value\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0
    assert "nothing to import (0 new, 0 revised, 0 unchanged of 0 rows)" in result.stderr
    missing = run("import", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2
    assert "nope.csv: cannot read: No such file or directory" in missing.stderr


def test_import_rejects_text_that_is_not_utf8(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # GBK/GB18030 is read (tests/test_import_bulletin.py); bytes that are neither are refused.
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"target,period,value,note\ng5,2022-06,1,\xff\xfe\n")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "not UTF-8 text" in result.stderr and "CSV UTF-8" in result.stderr


# ------------------------------------------------------------------------ history and undo


def test_history_json_csv_and_table(run, ledger: Path, ledger_suffix: str) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "150", "--period", "2022-06")
    run("record", "gdp", "5.2", "--period", "2022-Q2", "--amount", "700")
    run("record", "g5", "160", "--period", "2022-06", "--note", "修订")
    data = json.loads(run("history", "g5", "--json").stdout)
    assert data["schema_version"] == 1 and data["target"] == "g5"
    assert data["ledger"] == str(ledger)
    assert [(r["value"], r["current"], r["note"]) for r in data["records"]] == [
        (150, False, None),
        (160, True, "修订"),
    ]
    assert data["records"][0]["recorded_at"].endswith("Z")
    everything = json.loads(run("history", "--json").stdout)
    assert [r["target"] for r in everything["records"]] == ["g5", "gdp", "g5"]
    assert everything["records"][1]["amount"] == 700
    csv_lines = run("history", "--csv").stdout.splitlines()
    columns = "target,period,value,amount,note,source,recorded_at,batch,current"
    # A database keeps who recorded (录入人): its CSV ends with it; a file's columns stay fixed.
    writer = ",recorded_by" if ledger_suffix not in (".progress.toml", ".progress.sqlite") else ""
    assert csv_lines[0] == columns + writer
    assert csv_lines[2].startswith("gdp,2022-Q2,5.2,700,,,")
    table = run("history", "g5")
    assert table.exit_code == 0
    assert ledger.name in table.stdout and "修订" in table.stdout
    assert all(len(line) <= 80 for line in table.stdout.splitlines())


def test_history_of_an_unknown_target_and_of_nothing(run, ledger: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    start_ledger(ledger)  # empty (a named ledger that does not exist is an error)
    result = run("history", "g6")
    assert result.exit_code == 2 and "did you mean g5" in result.stderr
    # on a line as wide as the terminal since session 36, as `show` writes it (at 80 columns
    # a temporary folder's path went on a line of its own: test_no_records_s36.py)
    monkeypatch.setenv("COLUMNS", "300")
    empty = run("history", "g5")
    assert empty.exit_code == 0
    assert empty.stderr == f"no records of g5 in {ledger}\n"
    assert json.loads(run("history", "--json").stdout)["records"] == []


def test_undo_reverts_the_last_import_as_a_whole(run, tmp_path: Path, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "140", "--period", "2022-06")
    june = tmp_path / "june.csv"
    june.write_text(JUNE_CSV, encoding="utf-8")
    run("import", str(june))
    result = run("undo", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "reverted 4 records of batch" in result.stderr
    assert "140 个" in result.stderr  # g5 2022-06 is back to the hand-recorded figure
    assert values(ledger) == {("g5", "2022-06"): "140"}
    assert run("undo", "--yes").exit_code == 0
    assert read_records(ledger) == []
    nothing = run("undo", "--yes")
    assert nothing.exit_code == 0
    assert nothing.stderr == f"nothing to undo: {ledger} has no records\n"


def test_undo_without_a_terminal_needs_yes(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    run("record", "g5", "150", "--period", "2022-06")
    before = ledger.read_bytes()
    result = run("undo")
    assert result.exit_code == 2
    assert "stdin is not a terminal; pass --yes" in result.stderr
    assert ledger.read_bytes() == before
    dry = run("undo", "--dry-run")
    assert dry.exit_code == 0 and "would revert 1 record of batch" in dry.stderr
    assert ledger.read_bytes() == before


@pytest.mark.parametrize(
    ("answer", "reverted", "code"), [("y\n", True, 0), ("n\n", False, 0), ("", False, 2)]
)
def test_undo_asks_in_a_terminal(
    run,  # type: ignore[no-untyped-def]
    ledger: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    reverted: bool,
    code: int,
) -> None:
    from plancli.cli import ledger_cmds

    monkeypatch.setattr(ledger_cmds, "_interactive", lambda: True)
    run("record", "g5", "150", "--period", "2022-06")
    result = run("undo", input=answer)
    assert result.exit_code == code
    assert "Revert 1 record of batch " in result.stderr and "[y/N]" in result.stderr
    assert (read_records(ledger) == []) is reverted


# ---------------------------------------------------------------- a ledger edited by hand


def edit_by_hand(ledger: Ledger, column: str, toml: str, sqlite: str | float) -> None:
    """Change the ledger's first record as a person would: its TOML line, or with SQL."""
    if isinstance(ledger, PgLedger):
        ledger.sql(
            f"UPDATE plancli.records SET {column} = %s "
            "WHERE seq = (SELECT min(seq) FROM plancli.records)",
            (str(sqlite),),
        )
    elif ledger.suffix == ".toml":
        text, count = re.subn(
            rf"(?m)^{column} = .*$", f"{column} = {toml}", ledger.read_text(encoding="utf-8")
        )
        assert count == 1
        ledger.write_text(text, encoding="utf-8")
    else:
        with closing(sqlite3.connect(ledger)) as connection:
            connection.execute(f"UPDATE records SET {column} = ? WHERE seq = 1", (sqlite,))
            connection.commit()


# column, TOML literal, SQLite value, and the error after `record 1 (gdp …): `
BAD_STORED = [
    ("value", "1e400", "1e400", r"value: 1E\+400 is too large \(at most 10\^15"),
    ("value", "nan", "NaN", "value: NaN is not a finite number"),
    ("value", "-inf", float("-inf"), "value: -Infinity is not a finite number"),
    ("value", "0.00000000001", "0.00000000001", "value: 1E-11 has more than 10 decimal places"),
    (
        "amount",
        "123456789012345.123",
        "123456789012345.123",
        "amount: 123456789012345.123 has more than 15 significant digits",
    ),
    ("period", '"2022-6"', "2022-6", "period: malformed period '2022-6'"),
    ("recorded_at", "2022-07-05T08:30:00", "2022-07-05T08:30:00", "recorded_at: needs a UTC"),
]


@pytest.mark.parametrize(("column", "toml", "sqlite", "message"), BAD_STORED)
def test_a_bad_stored_record_exits_3_naming_the_ledger_for_every_command(
    run,  # type: ignore[no-untyped-def]
    ledger: Path,
    column: str,
    toml: str,
    sqlite: str | float,
    message: str,
) -> None:
    assert run("record", "gdp", "5.2", "--amount", "700", "--period", "2022-Q2").exit_code == 0
    if isinstance(ledger, PgLedger):
        # The database refuses these figures and periods at the door (its domains `figure`
        # and `period`); a time without an offset is read in the session's zone, UTC.
        if column == "recorded_at":
            pytest.skip("timestamptz stores an instant: there is no time without an offset")
        import psycopg

        with pytest.raises(psycopg.errors.CheckViolation):
            edit_by_hand(ledger, column, toml, sqlite)
        return
    edit_by_hand(ledger, column, toml, sqlite)
    before = ledger.read_bytes()
    # TOML errors give the line (`FILE:3: record 1 …`), SQLite ones the row (`record seq 1`).
    expected = rf"error: {re.escape(str(ledger))}(:\d+)?: record (seq )?1 \(gdp [^)]+\): {message}"
    for args in (
        ["gap", "--json"],
        ["status"],
        ["history", "--csv"],
        ["record", "gdp", "6", "--amount", "800", "--period", "2022-Q3"],
    ):
        result = run(*args)
        assert result.exit_code == 3, (args, result.output, result.exception)
        assert re.match(expected, result.stderr), (args, result.stderr)
        assert result.stdout == ""
    assert ledger.read_bytes() == before


def test_a_time_with_another_offset_is_shown_in_utc(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "g5", "150", "--period", "2022-06").exit_code == 0
    beijing = "2022-07-05T08:30:00+08:00"
    edit_by_hand(ledger, "recorded_at", beijing, beijing)
    [line] = csv.DictReader(io.StringIO(run("history", "--csv").stdout))
    assert line["recorded_at"] == "2022-07-05T00:30:00Z"  # 08:30 in Beijing is 00:30 UTC
    [row] = json.loads(run("history", "--json").stdout)["records"]
    assert row["recorded_at"] == "2022-07-05T00:30:00Z"
    table = run("history").stdout
    # (one year's times: the year in the header, session 31)
    assert "07-05 00:30" in table and "2022 (UTC)" in table and "08:30" not in table


# ------------------------------------------------------------------- location and bundles


def test_ledger_option_and_env(invoke, mini_plan: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    env_ledger = tmp_path / "env.progress.toml"
    monkeypatch.setenv("PLANCLI_LEDGER", str(env_ledger))
    invoke("--plan", str(mini_plan), "record", "g5", "1", "--period", "2022-06")
    assert len(read_records(env_ledger)) == 1
    option = tmp_path / "option.progress.toml"
    invoke("--plan", str(mini_plan), "--ledger", str(option), "record", "g5", "2", "-p", "2022-06")
    assert len(read_records(option)) == 1 and len(read_records(env_ledger)) == 1


def test_bundled_plan_records_into_the_app_dir(invoke, isolated_env: Path) -> None:  # type: ignore[no-untyped-def]
    if not (data_dir() / "plan2022.toml").exists():
        pytest.skip("the bundled 2022 plan is not in this checkout yet")
    result = invoke("record", "new_5g_base_stations", "150", "--period", "2022-06")
    assert result.exit_code == 0, result.stderr
    expected = isolated_env / ".config" / "plancli" / "guandu-2022.progress.toml"
    assert f"in {expected}" in result.stderr
    assert len(read_records(expected)) == 1


def test_bundled_2021_ledger_is_read_only_and_init_copies_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not (data_dir() / "plan2021.progress.toml").exists():
        pytest.skip("the bundled 2021 ledger is not in this checkout yet")
    bundled = data_dir() / "plan2021.progress.toml"
    before = bundled.read_bytes()
    history = invoke("--plan", "guandu-2021", "history", "gdp", "--json")
    assert json.loads(history.stdout)["records"][0]["value"] == 0.3
    for args in (
        ["record", "gdp", "1", "--period", "2021"],
        ["undo", "--yes"],
        ["import", "-"],
    ):
        result = invoke("--plan", "guandu-2021", *args, input="")
        assert result.exit_code == 2
        assert "read-only" in result.stderr
        assert "plancli --plan guandu-2021 init DIR" in result.stderr
    assert bundled.read_bytes() == before
    workspace = tmp_path / "ws"
    init = invoke("--plan", "guandu-2021", "init", str(workspace))
    assert init.exit_code == 0, init.stderr
    assert "copied the bundled ledger" in init.stderr
    copied = workspace / "plan2021.progress.toml"
    assert copied.read_bytes() == before
    plan = str(workspace / "plan2021.toml")
    result = invoke("--plan", plan, "record", "gdp", "0.4", "--period", "2021")
    assert result.exit_code == 0, result.stderr
    assert "supersedes 0.3%" in result.stderr
    # init again never overwrites a ledger that has figures
    invoke("--plan", "guandu-2021", "init", str(workspace), "--force")
    assert len(read_records(copied)) == len(read_records(bundled)) + 1


@pytest.mark.parametrize("width", [80, 60])
def test_history_of_long_ids_never_folds_an_id(
    invoke, tmp_path: Path, monkeypatch, width: int
) -> None:  # type: ignore[no-untyped-def]
    """A 2026 plan's ids at 80 columns folded in two (fixed_asset_inves / tment), and at 60
    the target column was one character wide (t / a / r / g / e / t). At 60 each record is a
    card: the id whole on a line of its own, its period, value, time recorded, batch and note
    under it (the table of one line a record left the time and the note out at 80, which the
    narrower cards keep: session 30). At 80, the times of one year written without it
    (`12-03 11:31`, the year in the header: session 31), the 22-character ids leave the room
    for all of them on one line a record, as cards took two."""
    from rich.cells import cell_len

    assert invoke("--plan", "shaanxi-2026", "init", "--demo", str(tmp_path / "sx")).exit_code == 0
    plan = str(tmp_path / "sx" / "shaanxi.toml")
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke("--plan", plan, "history")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    records = json.loads(invoke("--plan", plan, "history", "--json").stdout)["records"]
    if width == 60:
        card = re.compile(r"^ [* ] +(\S+)\n +(20[0-9]{2}(?:-[QH]?[0-9]+)?) .* \(demo\)$")
        pairs = [f"{a}\n{b}" for a, b in itertools.pairwise(lines)]
        shown = [m.groups() for m in map(card.match, pairs) if m is not None]
    else:  # period, value, the time recorded, the batch's end and the note on the id's line
        row = re.compile(
            r"^ [* ] +(\S+) +(20[0-9]{2}(?:-[QH]?[0-9]+)?) +[0-9.]+(?:%| 万人) +"
            r"\d\d-\d\d \d\d:\d\d +[0-9a-f]{6} +\(demo\)$"
        )
        shown = [m.groups() for m in map(row.match, lines) if m is not None]
        assert any("recorded" in line for line in lines), lines
    assert shown == [(r["target"], r["period"]) for r in records]


def test_the_import_preview_never_folds_an_id(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns `import --dry-run` showed compulsory_education_reten / tion_rate."""
    rows = tmp_path / "june.csv"
    rows.write_text(
        "target,period,value,amount\ncompulsory_education_retention_rate,2022-06,99.5,\n"
        "gdp,2022-06,5.1,712.3\n",
        encoding="utf-8",
    )
    result = invoke("--ledger", str(tmp_path / "l.toml"), "import", str(rows), "--dry-run")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "compulsory" in line)
    assert line.split()[:3] == ["2", "compulsory_education_retention_rate", "2022-06"]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_the_undo_preview_never_folds_an_id(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns `undo` showed compulsory_education_retention_r / ate: its wide headers
    (in force after undo) wrap instead."""
    ledger = str(tmp_path / "l.toml")
    invoke(
        "--ledger", ledger, "record", "compulsory_education_retention_rate", "99.6", "-p", "2022-07"
    )
    result = invoke("--ledger", ledger, "undo", "--yes")
    assert result.exit_code == 0, result.output
    shown = (result.stdout + result.stderr).splitlines()
    line = next(line for line in shown if "compulsory" in line)
    assert line.split()[:3] == ["compulsory_education_retention_rate", "2022-07", "99.6%"]
    assert max(len(line) for line in shown if line.startswith(" ")) <= 80  # the table


def test_undo_titles_its_batch_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    """The table of what undo reverts was titled `batch …, recorded … UTC` in a Chinese
    interface, the one English line between Chinese columns and a Chinese question."""
    run("record", "g5", "150", "--period", "2022-06")
    result = run("--lang", "zh", "undo", "--dry-run")
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.split())  # the title may wrap
    assert re.match(
        r"批次 \d{8}T\d{6}Z-[0-9a-f]{6}，录入于 \d{4}-\d\d-\d\d \d\d:\d\d UTC 目标", shown
    )
    english = run("undo", "--dry-run")
    assert "batch " in english.stdout and ", recorded " in english.stdout


def test_history_heads_the_amount_as_every_other_view_does(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """history headed a growth target's year-to-date amount 金额 (money), where show, import
    and the report say 总量: a grain output's or a population's amount is no sum of money."""
    ledger = tmp_path / "p.progress.toml"
    made = invoke("--ledger", str(ledger), "record", "gdp", "5", "-p", "2022-Q2", "--amount", "700")
    assert made.exit_code == 0, made.stderr
    result = invoke("--lang", "zh", "--ledger", str(ledger), "history", "gdp")
    assert "总量" in result.stdout and "金额" not in result.stdout


def test_a_note_longer_than_a_cell_is_refused_as_import_refuses_it(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    """`record --note` and `amend --note` take what `import` takes: at most 32,767 characters
    (a spreadsheet cell), else the report would cut it silently (audit 3, D8)."""
    from plancli.imports import ImportLimits
    from plancli.texts import CELL_CHARS

    assert ImportLimits().cell_chars == CELL_CHARS == 32_767  # the one limit, typed or imported
    long = "长" * 32_768
    for command in (
        ("record", "gdp", "5", "-p", "2022-Q2", "--note", long),
        ("record", "gdp", "5", "-p", "2022-Q2", "--source", long),
        ("amend", "gdp", "--min", "6", "--from", "2022-07", "--note", long),
    ):
        result = run(*command)
        assert result.exit_code == 2, (command[0], result.stderr[:200])
        assert result.stderr.count("\n") == 1 and "32,767" in result.stderr
        assert long not in result.stderr
        option = command[-2]  # the option named as typed, in Chinese too (not "note有…")
        assert result.stderr.startswith(f"error: {option} of 32,768 characters")
        chinese = run("--lang", "zh", *command)
        assert chinese.stderr.startswith(f"错误：{option} 有 32,768 个字符"), chinese.stderr[:80]
    history = json.loads(run("history", "--json").stdout)
    assert history["records"] == [] and history["amendments"] == []
    assert run("record", "gdp", "5", "-p", "2022-Q2", "--note", long[:-1]).exit_code == 0
