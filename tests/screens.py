"""What tests read off a table on the screen: its lines with their spaces squeezed, the row a
target starts, and plancli's stdout for a bundled plan with a ledger of its own (the `call`
fixtures of the display tests, test_render_s24 and test_gap_cells_s24)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def row(text: str, start: str) -> str:
    rows = [line for line in squeezed(text) if line.startswith(start)]
    assert rows, text
    return rows[0]


def caller(
    tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> Callable[..., str]:
    """`call(plan, *args, lang=, columns=)`: plancli's stdout, with a ledger per plan in
    `tmp_path` (the working folder); `lang` and `columns` the defaults."""
    monkeypatch.chdir(tmp_path)

    def run(plan: str, *args: str, lang: str = lang, columns: int = columns) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        ledger = tmp_path / f"{Path(plan).stem}.progress.toml"
        result = invoke("--lang", lang, "--plan", plan, "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return run
