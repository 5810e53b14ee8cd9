"""Session 28's verifier (`verify2`): what the session's fixes left next to them.

- An import's bad rows and header were listed with the file's name raw (`f"{name}:{row}: …"`,
  bulletin's `**at`), so a name holding a line feed printed a line plancli never wrote, though
  the summary line above it showed the same name escaped (docs/security.md "Line breaks").
- A TOML ledger's `recorded_at` written as a TOML date or time (no date *and* time) was said to
  be "a number" by the session's new check of a time written as a number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "data" / "plan2022.toml"  # guandu-2022: gdp ≥ 7 %
HOSTILE = "x\nerror: forged"
SHOWN = "x\\nerror: forged"


def _one_line_each(result, exit_code: int) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    lines = (result.stdout + result.stderr).splitlines()
    assert not [line for line in lines if line.startswith("error: forged")], lines
    return lines


@pytest.mark.parametrize(
    ("suffix", "content", "problem"),
    [
        (
            ".csv",
            "target,period,value\ngdp,2022-Q3,abc\n",
            ":2: target gdp: value 'abc' is not a number",
        ),
        (".csv", "target,period\ngdp,2022-Q3\n", ":1: missing column(s) value"),
        (
            ".csv",
            "target,period,value,color\ngdp,2022-Q3,7.1,red\n",
            ":1: unknown column(s) 'color'",
        ),
        (
            ".csv",
            "target,period,value,value\ngdp,2022-Q3,7,7\n",
            ":1: column(s) value appear twice",
        ),
        (
            ".json",
            json.dumps([{"target": "gdp", "period": "2022-Q3", "value": "x"}]),
            ":1: target gdp: value 'x' is not a number",
        ),
    ],
)
def test_an_import_names_its_bad_rows_and_header_with_the_file_escaped(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, suffix: str, content: str, problem: str
) -> None:
    source = tmp_path / f"{HOSTILE}{suffix}"
    source.write_text(content, encoding="utf-8")
    ledger = tmp_path / "l.progress.toml"
    result = invoke("--plan", str(PLAN), "--ledger", str(ledger), "import", str(source))
    lines = _one_line_each(result, 2)
    assert [line for line in lines if f"{SHOWN}{suffix}{problem}" in line], lines
    assert not ledger.exists()


def _ledger(tmp_path: Path, recorded_at: str) -> Path:
    path = tmp_path / "l.progress.toml"
    path.write_text(
        'version = 1\n\n[[records]]\ntarget = "gdp"\nperiod = "2022-Q2"\nvalue = 7.2\n'
        f'recorded_at = {recorded_at}\nbatch = "20220705T083000Z-1a2b3c"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("recorded_at", ["2022-07-05", "08:30:00"])
def test_a_recorded_at_without_date_and_time_is_not_called_a_number(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, recorded_at: str
) -> None:
    ledger = _ledger(tmp_path, recorded_at)
    before = ledger.read_bytes()
    result = invoke("--plan", str(PLAN), "--ledger", str(ledger), "history", "gdp")
    assert result.exit_code == 3, (result.stdout, result.stderr)
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert message.startswith(f"error: {ledger}:7: record 1 (gdp 2022-Q2): recorded_at: ")
    assert "is a number" not in message
    assert "2022-07-05T08:30:00Z" in message  # what to write
    assert ledger.read_bytes() == before


def test_a_recorded_at_written_as_a_number_is_still_called_one(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    ledger = _ledger(tmp_path, "1")
    result = invoke("--plan", str(PLAN), "--ledger", str(ledger), "history", "gdp")
    assert result.exit_code == 3
    assert "recorded_at: 1 is a number, not a date and time (2022-07-05T08:30:00Z)" in result.stderr


def test_a_plan_that_does_not_validate_is_named_escaped(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / f"{HOSTILE}.toml"  # guandu-2022 with its gdp bound in quotes
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("min = 7\n", 'min = "7"\n', 1))
    for command in (["validate"], ["status"]):
        lines = _one_line_each(invoke("--plan", str(plan), *command), 3)
        assert [line for line in lines if f"{SHOWN}.toml: line " in line and "'7' is text" in line]


def test_a_sqlite_row_not_utf8_is_named_with_the_ledger_escaped(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    ledger = tmp_path / f"{HOSTILE}.sqlite"
    args = ("--plan", str(PLAN), "--ledger", str(ledger))
    assert invoke(*args, "record", "gdp", "7.1", "-p", "2022-Q1").exit_code == 0
    with sqlite3.connect(ledger) as db:
        db.execute("UPDATE records SET note = CAST(x'61ff62' AS TEXT)")
    db.close()
    lines = _one_line_each(invoke(*args, "history", "gdp"), 3)
    named = f"{SHOWN}.sqlite: record seq 1 (gdp 2022-Q1): note: b'a\\xffb' is not UTF-8 text"
    assert named in lines[0]


SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"


def _cut_seed() -> bytes:
    """The seed cut after the first byte of its last 内 (e5 86 85), then a newline."""
    data = SEED.read_bytes()
    return data[: data.rstrip().rfind("内".encode()) + 1] + b"\n"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", " is empty"),
        (b"a\x00b", " is a binary file, not a report's text"),
        (None, ": its last character is cut short (byte 43868 of 43870): read up to it"),
    ],
)
def test_a_report_is_named_escaped_by_extract_and_validate_source(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, content: bytes | None, says: str
) -> None:
    report = tmp_path / f"{HOSTILE}.txt"
    report.write_bytes(_cut_seed() if content is None else content)
    code = 0 if content is None else 2
    drafted = invoke("extract", str(report), "-o", str(tmp_path / "d.toml"))
    checked = invoke("--plan", str(PLAN), "validate", "--source", str(report))
    for result, prefix in ((drafted, ""), (checked, "--source ")):
        lines = _one_line_each(result, code)
        assert [line for line in lines if f"{prefix}{tmp_path}/{SHOWN}.txt{says}" in line], lines
