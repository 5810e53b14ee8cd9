"""Read commands on the fast path (issue 15): the plan from its compiled form, the ledger read
plainly, no Pydantic; every answer computed from the files on every run."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, kept_unchanged

import plancli

JUNE = (
    "target,period,value,amount\n"
    "gdp,2022-Q1,4.1,330\ngdp,2022-Q2,5.0,700\n"
    "new_5g_base_stations,2022-05,95,\nnew_5g_base_stations,2022-06,120,\n"
    "external_funds,2022-06,50,\ninvest_roads,2022-06,5,\n"
)
READS = (
    ("status",),
    ("status", "--json"),
    ("--lang", "zh", "status"),
    ("status", "--as-of", "2022-05", "--json"),
    ("gap",),
    ("gap", "--json"),
    ("gap", "--csv"),
    ("--lang", "zh", "gap", "--sort", "plan"),
    ("targets",),
    ("targets", "--json"),
    ("targets", "--csv"),
    ("show", "gdp"),
    ("show", "gdp", "--json"),
    ("show", "new_5g_base_stations", "--json"),
    ("history",),
    ("history", "--json"),
    ("history", "--csv"),
    ("report",),
    ("--lang", "zh", "report", "-f", "html"),
)


@pytest.fixture
def workspace(invoke, tmp_path: Path, file_ledger_suffix: str) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The assessment fixture plan with June's figures and an amendment, in either store."""
    return make_workspace(invoke, tmp_path, file_ledger_suffix)


def make_workspace(invoke, tmp_path: Path, file_ledger_suffix: str) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    ledger = tmp_path / f"assess{file_ledger_suffix}"
    figures = tmp_path / "june.csv"
    figures.write_text(JUNE, encoding="utf-8")
    base = ("--plan", str(plan), "--ledger", str(ledger))
    result = invoke(*base, "import", str(figures))
    assert result.exit_code == 0, result.output
    result = invoke(*base, "amend", "gdp", "--from", "2022-06", "--min", "4.5", "--note", "调整")
    assert result.exit_code == 0, result.output
    return plan, ledger


def run(invoke, plan: Path, ledger: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_a_plan_seen_before_gives_the_same_answers(
    invoke, workspace: tuple[Path, Path], isolated_env: Path
) -> None:
    """Every read command prints the same bytes whether the plan was validated from its file
    (no compiled form kept) or built from the compiled form."""
    plan, ledger = workspace
    plans = isolated_env / ".cache" / "plancli" / "plans"
    for args in READS:
        shutil.rmtree(plans, ignore_errors=True)
        cold = run(invoke, plan, ledger, *args)
        assert list(plans.iterdir()), args  # kept
        assert run(invoke, plan, ledger, *args) == cold, args
    show = json.loads(run(invoke, plan, ledger, "show", "gdp", "--json"))
    assert (show["assessment"]["min"], show["assessment"]["amended_from"]) == (4.5, "2022-06")
    assert [a["note"] for a in show["amendments"]] == ["调整"]


def test_a_new_figure_is_shown_at_once(invoke, workspace: tuple[Path, Path]) -> None:
    plan, ledger = workspace
    before = json.loads(run(invoke, plan, ledger, "status", "--json"))
    assert before["worst"][0]["id"] == "new_5g_base_stations"
    # June's 5G figure corrected to 160: 51.61% done against 50% of the year, on track
    run(invoke, plan, ledger, "record", "new_5g_base_stations", "160", "-p", "2022-06")
    after = json.loads(run(invoke, plan, ledger, "status", "--json"))
    assert "new_5g_base_stations" not in [w["id"] for w in after["worst"]]
    assert "160/310" in run(invoke, plan, ledger, "gap")
    run(invoke, plan, ledger, "undo", "--yes")
    assert json.loads(run(invoke, plan, ledger, "status", "--json")) == before


def test_sqlite_figures_still_in_the_write_ahead_log_are_seen(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """While another program reads the SQLite ledger, a new record stays in the `-wal` file
    and the database file keeps its bytes."""
    plan, ledger = make_workspace(invoke, tmp_path, ".progress.sqlite")
    assert "120/310" in run(invoke, plan, ledger, "gap")
    reader = sqlite3.connect(ledger, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM records").fetchone()  # holds its snapshot
        database = ledger.read_bytes()
        run(invoke, plan, ledger, "record", "new_5g_base_stations", "160", "-p", "2022-06")
        assert ledger.read_bytes() == database  # the new figure is in the -wal file only
        after = json.loads(run(invoke, plan, ledger, "status", "--json"))
        assert "new_5g_base_stations" not in [w["id"] for w in after["worst"]]
    finally:
        reader.close()


def test_the_ledger_is_named_as_it_was_given(
    invoke, workspace: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = workspace
    assert json.loads(run(invoke, plan, ledger, "status", "--json"))["ledger"] == str(ledger)
    monkeypatch.chdir(ledger.parent)
    relative = Path(ledger.name)
    data = json.loads(run(invoke, Path(plan.name), relative, "status", "--json"))
    assert data["ledger"] == ledger.name  # the same files, named another way


def test_an_edited_plan_is_read_again(invoke, workspace: tuple[Path, Path]) -> None:
    plan, ledger = workspace
    assert "官渡区2022年计划(测试)" in run(invoke, plan, ledger, "--lang", "zh", "status")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("官渡区2022年计划(测试)", "官渡区2022年计划(修订)"), "utf-8")
    assert "官渡区2022年计划(修订)" in run(invoke, plan, ledger, "--lang", "zh", "status")
    plan.write_text(text.replace('kind = "cumulative"', 'kind = "cumulativ"', 1), "utf-8")
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "status")
    assert result.exit_code == 3 and "cumulativ" in result.stderr


@pytest.mark.parametrize("command", ["status", "gap", "history", "show gdp"])
def test_a_broken_ledger_is_reported(
    invoke, workspace: tuple[Path, Path], file_ledger_suffix: str, command: str
) -> None:
    plan, ledger = workspace
    run(invoke, plan, ledger, "status")
    if file_ledger_suffix.endswith(".toml"):
        ledger.write_text(ledger.read_text("utf-8").replace("value = 120", "value = 12x0"), "utf-8")
    else:
        with sqlite3.connect(ledger) as db:
            db.execute("UPDATE records SET value = 'NaN' WHERE value = '120'")
        db.close()
    result = invoke("--plan", str(plan), "--ledger", str(ledger), *command.split())
    assert result.exit_code == 3
    assert str(ledger) in result.stderr


HEAVY = ("pydantic", "plancli.model", "plancli.ledger", "plancli.stores.sqlite")
PROBE = (
    "import sys\n"
    "from plancli.__main__ import main\n"
    "sys.argv = ['plancli', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
    f"heavy = {HEAVY!r}\n"
    "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
    "    or m in heavy)))\n"
)


def _probe_env(folder: Path) -> dict[str, str]:
    """plancli's environment as a real process: its plan cache in `folder`, this plancli."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PLANCLI_", "XDG_"))},
        "XDG_CACHE_HOME": str(folder / "cache"),
        "HOME": str(folder),
        "COLUMNS": "80",
        "PYTHONPATH": str(Path(plancli.__file__).parents[1]),  # this plancli, not an install
    }


def _probe(probe: str, folder: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", probe, *argv], env=_probe_env(folder), capture_output=True, text=True
    )


def _seen_before(folder: Path, suffix: str, isolated_cli) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """A workspace whose plan a first real process has validated and kept: that cold run once
    for a module's warm runs (each a fresh process of its own), which must leave the workspace
    and the plan cache as they found them. Yields the options naming the plan and ledger."""
    with isolated_cli() as invoke:
        plan, ledger = make_workspace(invoke, folder, suffix)
    where = ["--plan", str(plan), "--ledger", str(ledger)]
    cold = _probe(PROBE, folder, [*where, "status"])
    assert cold.returncode == 0, cold.stderr
    assert "pydantic" in cold.stderr.split()  # the first time, the plan was validated
    assert "5G" in cold.stdout
    with kept_unchanged(folder):
        yield where


@pytest.fixture(scope="module")
def toml_seen_before(tmp_path_factory, isolated_cli):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("toml-seen-before")
    yield from _seen_before(folder, ".progress.toml", isolated_cli)


@pytest.fixture(scope="module")
def sqlite_seen_before(tmp_path_factory, isolated_cli):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("sqlite-seen-before")
    yield from _seen_before(folder, ".sqlite", isolated_cli)


@pytest.mark.parametrize("command", ["status", "gap", "status --json", "gap --json", "report"])
def test_status_and_gap_import_no_pydantic_on_a_plan_seen_before(
    invoke, toml_seen_before: list[str], command: str
) -> None:
    """The point of issue 15: with the plan's compiled form kept, `status` and `gap` import
    neither Pydantic nor the models nor the ledger stores, and still compute from the files:
    the same bytes as the models' path (in-process, in a home where the plan was never seen)."""
    argv = [*toml_seen_before, *command.split()]
    warm = _probe(PROBE, Path(argv[1]).parent, argv)
    assert warm.returncode == 0, warm.stderr
    assert warm.stderr == ""  # none of them imported
    assert "5G" in warm.stdout and warm.stdout == invoke(*argv).stdout


@pytest.mark.parametrize(
    "command", ["status", "gap --json", "history", "show gdp --json", "report -f html"]
)
def test_read_commands_on_a_sqlite_ledger_import_no_pydantic(
    invoke, sqlite_seen_before: list[str], command: str
) -> None:
    """As on a TOML ledger: the SQLite store's plain readers, no Pydantic, no models, not
    `ledger.py`; and the answer is the one the models' path gave (the same bytes)."""
    argv = [*sqlite_seen_before, *command.split()]
    probe = PROBE.replace(repr(HEAVY), repr(("pydantic", "plancli.model", "plancli.ledger")))
    warm = _probe(probe, Path(argv[1]).parent, argv)
    assert warm.returncode == 0, warm.stderr
    assert warm.stderr == ""  # none of them imported
    assert warm.stdout == invoke(*argv).stdout


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["status"], "status"),
        (["--plan", "p.toml", "--ledger", "l.toml", "--lang", "zh", "gap", "--json"], "gap"),
        (["--plan=p.toml", "history", "gdp"], "history"),
        (["--plan", "status", "targets"], "targets"),  # a plan file named status
        (["--help"], None),
        (["--version"], None),
        (["--plan"], None),
        (["--verbose", "status"], None),  # an option plancli does not have: Typer says so
        ([], None),
    ],
)
def test_the_command_run_is_known_from_the_command_line(
    argv: list[str], command: str | None
) -> None:
    from plancli.cli import invoked_command

    assert invoked_command(argv) == command


def test_a_command_line_builds_only_its_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """`plancli status` builds the status command alone; a mistyped one still gets the full
    list of suggestions, and `--help` every command."""
    import plancli.cli as cli

    def main(argv: list[str]) -> tuple[int, list[str]]:
        monkeypatch.setattr(sys, "argv", ["plancli", *argv])
        monkeypatch.setattr(cli.app, "registered_commands", list(registered))
        monkeypatch.setattr(cli.app, "registered_groups", list(groups))
        try:
            cli.main()
        except SystemExit as exit:
            code = int(exit.code or 0)
        return code, [info.name or "" for info in cli.app.registered_commands]

    registered, groups = cli.app.registered_commands, cli.app.registered_groups
    code, left = main(["schema", "status"])
    assert (code, left) == (0, ["schema"])
    code, left = main(["stauts"])
    assert code == 2 and "status" in left and "gap" in left


@pytest.mark.parametrize("suffix", [".sqlite", ".progress.toml"])
def test_a_record_into_a_sqlite_ledger_imports_no_pydantic(
    invoke, tmp_path: Path, suffix: str
) -> None:
    """A `record` checks its figure on plain data: the plan's compiled form and its target's
    figures read plainly, so with the plan seen before it imports no Pydantic and no models on
    SQLite (the models' import was a quarter of a `record`). The TOML store writes its file
    from the models and still imports them; what is written is the same either way."""
    plan, ledger = make_workspace(invoke, tmp_path, suffix)
    where = ["--plan", str(plan), "--ledger", str(ledger)]
    probe = PROBE.replace(repr(HEAVY), repr(("pydantic", "plancli.model")))
    # the first record validates the plan and keeps it where the real process looks
    first = _probe(probe, tmp_path, [*where, "record", "gdp", "5.3", "-p", "2022-12"])
    assert first.returncode == 0, first.stderr
    assert "pydantic" in first.stderr.split()
    second = _probe(probe, tmp_path, [*where, "record", "gdp", "5.4", "-p", "2022-12"])
    assert second.returncode == 0, second.stderr
    imported = second.stderr.split()
    assert ("pydantic" in imported) == (suffix != ".sqlite"), imported
    history = json.loads(invoke(*where, "history", "gdp", "--json").stdout)
    assert [(r["period"], r["value"]) for r in history["records"]][-2:] == [
        ("2022-12", 5.3),
        ("2022-12", 5.4),
    ]
