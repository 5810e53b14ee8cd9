"""Session 31's table leftovers, on the bundled 2022 plan with figures recorded as a district
office would (the README's 120 of 310 5G base stations from 区工信局): a note breaks at a
space, after Chinese punctuation or before an opening bracket, a department's name in brackets
never split when it fits a line; a name under its id takes the room the table leaves; `history`
of long ids is one line a record only where each note's phrases fit beside them, else cards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from plancli.render.runs import KeepsRuns, NoteText, note_text

PLAN = "guandu-2022"
FIGURES = (
    ("new_5g_base_stations", "120", "--note", "上半年累计", "--source", "区工信局"),
    ("gdp", "5.4", "--amount", "705", "--note", "初步核算", "--source", "区统计局"),
    ("district_hospital_new_campus_opened", "60", "--note", "主体完工 (区卫健局)"),
    ("compulsory_education_retention_rate", "99.5", "--source", "区教体局"),
    (
        "carbon_sink_exchange_centre_landed",
        "30",
        "--note",
        "协议已签订，选址中",
        "--source",
        "区发展改革局",
    ),
)
DEPARTMENTS = ["(区工信局)", "(区统计局)", "(区卫健局)", "(区教体局)", "(区发展改革局)"]


def _wrapped(text: Text, width: int) -> list[str]:
    console = Console(width=200, color_system=None)
    return [line.plain for line in text.wrap(console, width)]


def test_a_note_breaks_after_punctuation_and_before_a_bracket() -> None:
    note = "协议已签订，选址中 (区发展改革局)"
    assert _wrapped(note_text(Text(note)), 14) == ["协议已签订，", "选址中", "(区发展改革局)"]
    # a name keeps breaking between characters, as before (`KeepsRuns`)
    assert _wrapped(KeepsRuns(note), 14) == ["协议已签订，选", "址中", "(区发展改革局)"]
    # no space before the bracket: it starts the next line, whole
    assert _wrapped(note_text(Text("更正(区工信局)")), 12) == ["更正", "(区工信局)"]
    assert _wrapped(KeepsRuns("更正(区工信局)"), 12) == ["更正(区工", "信局)"]
    # a phrase wider than the line breaks between characters, from where the line is
    assert _wrapped(note_text(Text("协议已签订，选址中")), 8) == ["协议已签", "订，", "选址中"]


def test_a_notes_widest_phrase() -> None:
    assert NoteText("上半年累计 (区工信局)").phrase_width() == 10
    assert NoteText("协议已签订，选址中 (区发展改革局)").phrase_width() == 14
    assert NoteText("").phrase_width() == 0


@pytest.fixture(name="cli")
def cli_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    ledger = tmp_path / "work.progress.toml"
    args = ("--lang", "zh", "--plan", PLAN, "--ledger", str(ledger))
    for target, value, *more in FIGURES:
        done = invoke(*args, "record", target, value, "-p", "2022-06", *more)
        assert done.exit_code == 0, done.output

    def call(*command: str, columns: int) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke(*args, *command)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= columns, result.stdout
        return lines

    return call


@pytest.mark.parametrize("columns", [50, 70, 100, 104, 105, 120])
def test_history_never_splits_a_department(cli: Any, columns: int) -> None:
    lines = cli("history", columns=columns)
    for department in DEPARTMENTS:
        assert sum(department in line for line in lines) == 1, (department, lines)
    assert not any(line.rstrip().endswith("(区工") for line in lines), lines


def test_history_of_long_ids_is_cards_until_the_notes_fit_beside_them(cli: Any) -> None:
    """At 100 columns the table left the notes 8 cells: `上半年累` over `计 (区工` over
    `信局)`, up to four lines a record where the cards of 99 columns had two. Since session
    39 the rows are cards only where the table cannot fit: at 99 columns it is a table, a
    record a line, each note keyed (1, 2…) and listed whole under it (render/keyed_notes.py);
    at 80 the 35-character ids leave no table, and the rows are cards, their notes in them.
    (Since session 41 the zh figures are a cell narrower, 120个 for 120 个: the table holds the
    notes beside the ids from 99 columns, so the keyed table is checked at 98.)"""
    cards = cli("history", columns=80)
    at = cards.index(" *  new_5g_base_stations")
    # (120个: a zh history's figure with its unit together since session 41, was 120 个)
    assert cards[at + 1].split() == [
        "2022-06", "120个", *cards[at + 1].split()[2:5], "上半年累计", "(区工信局)"
    ]  # fmt: skip
    keyed = cli("history", columns=98)
    [row] = [line for line in keyed if line.startswith(" *  new_5g_base_stations ")]
    assert row.split()[3] == "120个" and row.endswith(" 1"), keyed
    assert " 1  上半年累计 (区工信局)" in keyed and " 5  协议已签订，选址中 (区发展改革局)" in keyed
    table = cli("history", columns=100)
    [row] = [line for line in table if "compulsory_education_retention_rate" in line]
    assert row.split()[2:4] == ["2022-06", "99.5%"] and row.endswith("(区教体局)")
    [row] = [line for line in table if "carbon_sink_exchange_centre_landed" in line]
    assert row.endswith("协议已签订，"), table


def test_a_name_under_its_id_takes_the_room_the_table_leaves(cli: Any) -> None:
    """At 80 columns the headline table is 69 wide: 城镇常住居民人均可支配收入 (26 cells) went
    over two lines at its id column's 22 (`…可支配` over `收入`)."""
    lines = cli("status", columns=80)
    at = lines.index(next(line for line in lines if line.startswith(" urban_income ")))
    assert lines[at + 1].strip() == "城镇常住居民人均可支配收入", lines[at : at + 3]
    assert lines[at + 2].split()[0] == "rural_income"
