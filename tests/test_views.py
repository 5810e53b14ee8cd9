"""The cached status dashboard (issue 5): the same output as computing it, never stale."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FIXTURES

from plancli import views

JUNE = (
    "target,period,value,amount\n"
    "gdp,2022-Q1,4.1,330\ngdp,2022-Q2,5.0,700\n"
    "new_5g_base_stations,2022-05,95,\nnew_5g_base_stations,2022-06,120,\n"
    "external_funds,2022-06,50,\ninvest_roads,2022-06,5,\n"
)


@pytest.fixture
def status_cache(isolated_env: Path) -> Path:
    return isolated_env / ".cache" / "plancli" / "status"  # under conftest's XDG_CACHE_HOME


@pytest.fixture
def workspace(invoke, tmp_path: Path, file_ledger_suffix: str) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The assessment fixture plan with June's figures, in a TOML or a SQLite ledger."""
    return make_workspace(invoke, tmp_path, file_ledger_suffix)


def make_workspace(invoke, tmp_path: Path, file_ledger_suffix: str) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    ledger = tmp_path / f"assess{file_ledger_suffix}"
    figures = tmp_path / "june.csv"
    figures.write_text(JUNE, encoding="utf-8")
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "import", str(figures))
    assert result.exit_code == 0, result.output
    return plan, ledger


def status(invoke, plan: Path, ledger: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_a_cached_dashboard_is_what_computing_it_prints(
    invoke, workspace: tuple[Path, Path], status_cache: Path
) -> None:
    plan, ledger = workspace
    for args in (("status",), ("--lang", "zh", "status"), ("status", "--json")):
        first = status(invoke, plan, ledger, *args)
        entries = set(status_cache.iterdir())
        assert status(invoke, plan, ledger, *args) == first  # read back from the entry
        assert set(status_cache.iterdir()) == entries  # ...not computed and stored again
        shutil.rmtree(status_cache)
        assert status(invoke, plan, ledger, *args) == first  # computed again, the same
    data = json.loads(first)  # the 5G target: 120 of 310 by June
    five_g = next(w for w in data["worst"] if w["id"] == "new_5g_base_stations")
    assert (five_g["required_per_month"], five_g["status"]) == (31.67, "behind")
    assert data["ledger"] == str(ledger)


def test_a_new_figure_is_shown_at_once(invoke, workspace: tuple[Path, Path]) -> None:
    plan, ledger = workspace
    before = json.loads(status(invoke, plan, ledger, "status", "--json"))
    assert before["worst"][0]["id"] == "new_5g_base_stations"
    # June's 5G figure corrected to 160: 51.61% done against 50% of the year, on track
    status(invoke, plan, ledger, "record", "new_5g_base_stations", "160", "-p", "2022-06")
    after = json.loads(status(invoke, plan, ledger, "status", "--json"))
    assert "new_5g_base_stations" not in [w["id"] for w in after["worst"]]
    assert "160/310" in status(invoke, plan, ledger, "gap")


def test_each_language_and_period_is_its_own_view(
    invoke, workspace: tuple[Path, Path], status_cache: Path
) -> None:
    plan, ledger = workspace
    assert "as of 2022-06" in status(invoke, plan, ledger, "--lang", "en", "status")
    assert "截至 2022-06" in status(invoke, plan, ledger, "--lang", "zh", "status")
    assert "截至 2022-05" in status(
        invoke, plan, ledger, "--lang", "zh", "status", "--as-of", "2022-05"
    )
    assert len(list(status_cache.iterdir())) == 3
    for entry in status_cache.iterdir():
        assert entry.stat().st_mode & 0o077 == 0  # the user's alone
    status(invoke, plan, ledger, "record", "gdp", "5.2", "-p", "2022-Q2", "--amount", "705")
    status(invoke, plan, ledger, "--lang", "zh", "status")
    assert len(list(status_cache.iterdir())) == 3  # the changed view replaced its entry


def test_sqlite_figures_still_in_the_write_ahead_log_are_seen(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """While another program reads the SQLite ledger, a new record stays in the `-wal` file
    and the database file keeps its bytes: the cache must look at both."""
    plan, ledger = make_workspace(invoke, tmp_path, ".progress.sqlite")
    assert "120/310" in status(invoke, plan, ledger, "gap")
    status(invoke, plan, ledger, "status")
    reader = sqlite3.connect(ledger, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM records").fetchone()  # holds its snapshot
        database = ledger.read_bytes()
        status(invoke, plan, ledger, "record", "new_5g_base_stations", "160", "-p", "2022-06")
        assert ledger.read_bytes() == database  # the new figure is in the -wal file only
        after = json.loads(status(invoke, plan, ledger, "status", "--json"))
        assert "new_5g_base_stations" not in [w["id"] for w in after["worst"]]
    finally:
        reader.close()


def test_a_figure_recorded_while_status_computes_is_not_filed_under_the_old_bytes(
    invoke, tmp_path: Path, status_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = make_workspace(invoke, tmp_path, ".progress.toml")
    compute = views._compute

    def racing(*args: Any) -> views.StatusView:
        view = compute(*args)  # June's 5G figure, 120
        with ledger.open("a", encoding="utf-8") as handle:  # another process records 160
            handle.write(
                '\n[[records]]\ntarget = "new_5g_base_stations"\nperiod = "2022-06"\n'
                'value = 160\nrecorded_at = 2022-07-05 08:00:00+00:00\nbatch = "late"\n'
            )
        return view

    monkeypatch.setattr(views, "_compute", racing)
    assert "38.71%" in status(invoke, plan, ledger, "--lang", "zh", "status")  # 120 of 310
    assert not status_cache.exists() or not list(status_cache.iterdir())
    monkeypatch.setattr(views, "_compute", compute)
    assert "新建5G基站" not in status(invoke, plan, ledger, "--lang", "zh", "status")  # on track


def test_the_ledger_is_named_as_it_was_given(
    invoke, workspace: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = workspace
    assert json.loads(status(invoke, plan, ledger, "status", "--json"))["ledger"] == str(ledger)
    monkeypatch.chdir(ledger.parent)
    relative = Path(ledger.name)
    data = json.loads(status(invoke, Path(plan.name), relative, "status", "--json"))
    assert data["ledger"] == ledger.name  # the same files, named another way


def test_an_edited_plan_is_read_again(invoke, workspace: tuple[Path, Path]) -> None:
    plan, ledger = workspace
    assert "官渡区2022年计划(测试)" in status(invoke, plan, ledger, "--lang", "zh", "status")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("官渡区2022年计划(测试)", "官渡区2022年计划(修订)"), "utf-8")
    assert "官渡区2022年计划(修订)" in status(invoke, plan, ledger, "--lang", "zh", "status")


def test_a_broken_ledger_is_never_hidden_by_the_cache(
    invoke, workspace: tuple[Path, Path], file_ledger_suffix: str
) -> None:
    plan, ledger = workspace
    status(invoke, plan, ledger, "status")
    if file_ledger_suffix.endswith(".toml"):
        ledger.write_text(ledger.read_text("utf-8").replace("value = 120", "value = 12x0"), "utf-8")
    else:
        with sqlite3.connect(ledger) as db:
            db.execute("UPDATE records SET value = 'NaN' WHERE value = '120'")
        db.close()
    result = invoke("--plan", str(plan), "--ledger", str(ledger), "status")
    assert result.exit_code == 3
    assert str(ledger) in result.stderr


def test_a_damaged_entry_or_an_unwritable_cache_is_only_slower(
    invoke, workspace: tuple[Path, Path], status_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = workspace
    first = status(invoke, plan, ledger, "status")
    [entry] = status_cache.iterdir()
    entry.write_bytes(b"not a pickle")
    assert status(invoke, plan, ledger, "status") == first
    blocked = plan.parent / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert status(invoke, plan, ledger, "status") == first


def test_a_cached_status_imports_no_models(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The read-back path prints the dashboard without Pydantic, the models, the ledger code
    or the assessment: the point of the cache (issue 5's start-up goal, 1.3x the floor)."""
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    figures = tmp_path / "june.csv"
    figures.write_text(JUNE, encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    probe = (
        "import sys\n"
        "from plancli.__main__ import main\n"
        f"sys.argv = ['plancli', '--plan', {str(plan)!r}, 'status']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "heavy = ('pydantic', 'plancli.model', 'plancli.assess', 'plancli.ledger', 'tomli')\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path), "COLUMNS": "80"}
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    cold, warm = runs
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    assert "pydantic" in cold.stderr.split()  # computed: the models were loaded
    assert "5G" in cold.stdout and warm.stdout == cold.stdout
    assert warm.stderr == ""  # read back: none of them imported
