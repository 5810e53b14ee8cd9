"""Shared fixtures. No test touches the developer's real files, environment or terminal."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

from plancli.cli import app
from plancli.i18n import language, set_language

# Properties are checked, not timed: Hypothesis's 200 ms deadline per example failed a file
# store's example on a loaded machine. Speed is the benchmark's business (benchmarks/).
settings.register_profile("plancli", deadline=None)
settings.load_profile("plancli")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
# The report the bundled plan is read from; tests that need it skip where it is absent.
REPORT = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"


def _built_once(build: Any) -> Any:
    """Typer's CliRunner builds the Click command of every registered command on each invoke
    (signatures, type hints, converters): two thirds of an in-process command's time in the
    suite. The same app, language and commands give the same Click command: build it once."""
    built: dict[tuple[int, str, tuple[int, ...], tuple[int, ...]], Any] = {}

    def get_command(app: typer.Typer) -> Any:
        key = (
            id(app),
            language(),
            tuple(map(id, app.registered_commands)),
            tuple(map(id, app.registered_groups)),
        )
        if key not in built:
            built[key] = build(app)
        return built[key]

    return get_command


typer.testing._get_command = _built_once(typer.testing._get_command)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point the app dir at a temp folder; fixed width, no colour, English, no plan override."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # the plan cache
    for var in ("PLANCLI_PLAN", "PLANCLI_LEDGER", "LC_ALL", "LC_MESSAGES", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    set_language("en")  # the language is process-wide: each test starts in English
    yield home
    set_language("en")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    """Run plancli with arguments; returns the click Result (stdout and stderr apart)."""

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input)

    return run


@pytest.fixture
def mini_plan(tmp_path: Path) -> Path:
    """A copy of the small test plan in a temp folder (its ledger goes beside it)."""
    path = tmp_path / "mini.toml"
    shutil.copyfile(FIXTURES / "mini.toml", path)
    return path


@pytest.fixture(params=["toml", "sqlite"])
def ledger_suffix(request: pytest.FixtureRequest) -> str:
    """The ledger tests run against both stores, chosen by the file name (issue 5)."""
    return ".progress.toml" if request.param == "toml" else ".progress.sqlite"


@pytest.fixture
def report_text() -> str:
    if not REPORT.exists():
        pytest.skip(f"the seed report is not here ({REPORT})")
    return REPORT.read_text(encoding="utf-8")
