"""Every table command on a wider terminal shows no fewer columns nor facts (session 30; `gap`
alone was checked in session 29, test_gap_widening): from 40 to 140 columns, in both
languages, on the demo ledger, the 2021 plan with its ledger and a 2026 province plan, the
words of the headers and cells shown only grow, nothing a narrower width showed whole is cut
(`…`), and no line is wider than the terminal (a Chinese character two cells)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import kept_unchanged

from widening import check_widening, printed_tables

DATA = Path(__file__).resolve().parent.parent / "data"

# The commands that print tables laid out for the terminal's width (`FittedTable`)
COMMANDS = [
    ["status"],
    ["gap"],
    ["history"],
    ["history", "gdp"],
    ["show", "gdp"],
    ["targets"],
    ["plans"],
]


def _demo(invoke: Any, tmp_path: Path) -> list[str]:
    """The bundled 2022 plan's demo workspace (`init --demo`): plan and ledger."""
    ws = tmp_path / "ws"
    done = invoke("--plan", "guandu-2022", "init", "--demo", str(ws))
    assert done.exit_code == 0, done.output
    [ledger] = ws.glob("*.progress.toml")
    [plan] = [path for path in ws.glob("*.toml") if path != ledger and path.name != ".plancli.toml"]
    # a mid-year adjustment, so that `history` lists amendments too
    amended = invoke(
        "--plan", str(plan), "--ledger", str(ledger), "amend", "gdp", "--from", "2022-06",
        "--min", "5", "--note", "区人大常委会 7月20日 年中调整",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.output
    return ["--plan", str(plan), "--ledger", str(ledger)]


def _plan2021(invoke: Any, tmp_path: Path) -> list[str]:
    """The bundled 2021 plan with its 2021 actuals."""
    ledger = tmp_path / "plan2021.progress.toml"
    shutil.copyfile(DATA / "plan2021.progress.toml", ledger)
    return ["--plan", str(DATA / "plan2021.toml"), "--ledger", str(ledger)]


def _guangdong(invoke: Any, tmp_path: Path) -> list[str]:
    """A 2026 province plan with a few figures (long ids, relations to GDP)."""
    ledger = str(tmp_path / "gd.progress.toml")
    args = ["--plan", "guangdong-2026", "--ledger", ledger]
    for target, value, period in [
        ("gdp", "4.496", "2026-Q3"),
        ("resident_income", "3.6", "2026-Q3"),
        ("gdp", "4.6", "2026-Q2"),
    ]:
        recorded = invoke(*args, "record", target, value, "-p", period)
        assert recorded.exit_code == 0, recorded.output
    return args


PLACES = {"demo": _demo, "plan2021": _plan2021, "guangdong": _guangdong}


@pytest.fixture(scope="module", params=sorted(PLACES))
def place_args(  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, isolated_cli
) -> Iterator[list[str]]:
    """Each place's files, built once for its commands in both languages (they only read
    them: `kept_unchanged` fails the module if one changed a file). One test a command, not
    one a place: demo-zh alone took two minutes, the last test running while the other worker
    waited (session 37)."""
    folder = tmp_path_factory.mktemp(f"widening-{request.param}")
    with isolated_cli() as invoke:
        args = PLACES[request.param](invoke, folder)
    with kept_unchanged(folder):
        yield args


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wider_terminal_never_shows_less(  # type: ignore[no-untyped-def]
    invoke, place_args: list[str], monkeypatch: pytest.MonkeyPatch, lang: str, command: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    tables = printed_tables(invoke, monkeypatch, ["--lang", lang, *place_args, *command])
    assert tables, command
    for i, table in enumerate(tables):
        try:
            check_widening(table)
        except AssertionError as failed:
            raise AssertionError(f"{command} table {i}: {failed}") from None
