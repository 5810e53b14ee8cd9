"""The fixtures `ledger` and `run` of the tests on the bundled plan guandu-2022 in every ledger
store (`ledger_suffix`): a test module imports them (`from guandu import ledger_fixture,
run_fixture`) instead of writing them again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger

PLAN = "guandu-2022"


@pytest.fixture(name="ledger")
def ledger_fixture(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    """guandu-2022's test ledger: a file's path, or a database of the throwaway server."""
    return ledger_at(tmp_path / f"work{ledger_suffix}", PLAN)


@pytest.fixture(name="run")
def run_fixture(
    invoke: Any, ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Any]:
    """`run(*args, lang="en", files=None, columns=120)`: plancli --lang LANG --plan
    guandu-2022 --ledger LEDGER ARGS… in tmp_path, `files` (name → text) written there first,
    on a terminal `columns` wide; `run.ledger` is the ledger."""
    monkeypatch.chdir(tmp_path)

    def call(
        *args: str, lang: str = "en", files: dict[str, str] | None = None, columns: int = 120
    ) -> Any:
        monkeypatch.setenv("COLUMNS", str(columns))
        for name, text in (files or {}).items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        return invoke("--lang", lang, "--plan", PLAN, "--ledger", str(ledger), *args)

    call.ledger = ledger  # type: ignore[attr-defined]
    return call
