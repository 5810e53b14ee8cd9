"""`gap` on a wider terminal never shows fewer columns (session 29): with the bundled Guandu
plan's 35-character ids and a few figures, 72 columns gave cards keeping 差距, 完成率 and 快慢
while 80 gave a table without them. For widths w < w', the columns at w' include those at w."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plancli.render.fitted import FittedTable
from widening import header_text, printed_tables

# The optional columns and the name, as their headers read
HEADERS = {
    "zh": ("名称", "差距", "完成率", "快慢", "尚需"),
    "en": ("name", "gap", "done", "vs pace", "needs"),
}

FEW = [("gdp", "2.5", "2022-Q2"), ("new_5g_base_stations", "120", "2022-Q2")]
MANY = [
    *FEW,
    ("budget_revenue", "1.5", "2022-06"),
    ("old_compounds_renovated", "40", "2022-06"),
    ("childcare_pilots", "0", "2022-06"),
    ("new_parking_spaces", "900", "2022-06"),
    ("provincial_service_platform_access", "25", "2022-06"),
]
GUANGDONG = [("gdp", "4.496", "2026-Q3"), ("resident_income", "3.6", "2026-Q3")]


def _shown(table: FittedTable, width: int, lang: str) -> set[str]:
    text = header_text(table, width)
    return {header for header in HEADERS[lang] if header in text}


def _gap_table(invoke: Any, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> FittedTable:
    """The `gap` command's FittedTable, kept as it is printed."""
    [table] = printed_tables(invoke, monkeypatch, [*args, "gap"])
    return table


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("plan", "figures"),
    [("guandu-2022", FEW), ("guandu-2022", MANY), ("guangdong-2026", GUANGDONG)],
    ids=["guandu-few", "guandu-many", "guangdong"],
)
def test_a_wider_terminal_never_shows_fewer_gap_columns(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, plan: str, figures: Any
) -> None:
    ledger = str(tmp_path / "w.progress.toml")
    for target, value, period in figures:
        recorded = invoke("--plan", plan, "--ledger", ledger, "record", target, value, "-p", period)
        assert recorded.exit_code == 0, recorded.output
    monkeypatch.setenv("COLUMNS", "140")
    table = _gap_table(invoke, monkeypatch, ["--lang", lang, "--plan", plan, "--ledger", ledger])
    before: set[str] = set()
    for width in range(40, 141):
        shown = _shown(table, width, lang)
        assert before <= shown, (width, sorted(before - shown))
        before = shown
    # the gap at 72 columns stays at 80 and 100 (the table left 差距 out at 80)
    gap = HEADERS[lang][1]
    assert gap in _shown(table, 72, lang)
    assert _shown(table, 72, lang) <= _shown(table, 80, lang) <= _shown(table, 100, lang)
