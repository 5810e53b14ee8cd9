"""`history` kept as a table when a record has a note (session 38's 广东 walk): at 80 columns
one record's note beside the others' columns turned every record into a card. The note now
gives way to its key (1, 2…) and is listed under the table, whole, on the terminal's width;
a note that fits beside the others stays in its column. Cards remain where the table cannot
fit without the notes either (35-character ids at 80 columns: test_table_leftovers_s31)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

HOSTILE = "[red]据省统计局快报[/red]\x1b[31m" + "上半年全省地区生产总值增长4.4%，" * 10 + "x" * 40
LONG = "据省统计局2026年前三季度主要经济指标快报数据"


@pytest.fixture(name="history")
def history_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """广东 2026: GDP by quarter (one with its amount), resident income with a note."""
    args = ("--lang", "zh", "--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.toml"))

    def record(*more: str) -> None:
        done = invoke(*args, "record", *more)
        assert done.exit_code == 0, done.output

    record("gdp", "4.1", "-p", "2026-Q1")
    record("gdp", "4.4", "-p", "2026-Q2", "--amount", "68000.5")

    def call(*command: str, columns: int) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke(*args, "history", *command)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= columns, result.stdout
        return lines

    call.record = record  # type: ignore[attr-defined]
    return call


def _row(lines: list[str], *words: str) -> str:
    [row] = [line for line in lines if all(word in line.split() for word in words)]
    return row


@pytest.mark.parametrize("columns", [80, 100])
def test_a_note_keeps_the_table_its_key_in_the_row(history: Any, columns: int) -> None:
    history.record("resident_income", "4.6", "-p", "2026-Q2", "--note", HOSTILE)
    history.record("gdp", "4.5", "-p", "2026-Q3", "--note", LONG)
    lines = history(columns=columns)
    header = next(line for line in lines if "期间" in line)
    assert "目标" in header and "批次" in header and "备注" in header, lines
    # a record a line: id, period, figure, batch and the note's key
    assert _row(lines, "resident_income", "2026-Q2").endswith(" 1"), lines
    gdp = _row(lines, "gdp", "2026-Q2")
    assert "68000.5" in gdp
    # the notes under the table, each whole on the terminal's room, the hostile one as typed
    # (its markup shown, not applied; its escape character visible)
    at = lines.index(next(line for line in lines if line.startswith(" 1  ")))
    assert lines[at].startswith(" 1  [red]据省统计局快报[/red]\\x1b[31m上半年"), lines
    listed = "".join(line[4:] for line in lines[at : at + 12])
    assert "x" * 40 in listed and listed.count("上半年全省地区生产总值增长4.4%，") == 10
    if columns == 80:
        assert f" 2  {LONG}" in lines
    assert not any(line.startswith(" *  2026") for line in lines)  # no card


def test_a_short_note_stays_in_its_column(history: Any) -> None:
    """A note that fits beside the others at 80 columns is kept in the row, as before."""
    history.record("resident_income", "4.6", "-p", "2026-Q2", "--note", "一季度回升")
    for columns in (80, 100):
        lines = history(columns=columns)
        assert _row(lines, "resident_income", "2026-Q2").endswith("一季度回升"), lines
        assert not any(line.startswith(" 1  ") for line in lines)


def test_one_targets_history_with_a_long_note_at_100_columns(history: Any) -> None:
    """`history gdp` at 100: the 200-character note, 14 lines of its column beside the rest,
    is listed under the table; the table of three records stays three lines."""
    history.record("gdp", "4.5", "-p", "2026-Q3", "--note", HOSTILE)
    lines = history("gdp", columns=100)
    rows = [line for line in lines if line.startswith(" *  2026-")]
    assert [row.split()[1] for row in rows] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert rows[2].endswith(" 1")
    assert any(line.startswith(" 1  [red]") for line in lines)
