"""A Chinese analyst's walk through the bundled 福建省 2026 plan (session 37, helper walk4):
`show`, `history` and the report as the province's planning division reads them at 80
columns, with the plan's own figures (data/2026/fujian.toml, checked against the report)."""

from __future__ import annotations

from typing import Any

import pytest

from plancli.render.runs import breaks


@pytest.fixture
def fujian(invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """plancli on the bundled plan, at 80 columns: stdout (exit 0)."""
    monkeypatch.setenv("COLUMNS", "80")

    def call(*args: str) -> str:
        result = invoke("--plan", "fujian-2026", *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return call


def test_show_note_fills_its_line_after_a_space(fujian: Any) -> None:
    """The CPI note has one space (`“CPI 2%左右”…`): the Chinese after it went whole to the
    next line, `“CPI` alone on the first (`备注      “CPI` over `2%左右”按区间处理…`)."""
    out = fujian("--lang", "zh", "show", "cpi")
    note = [line for line in out.splitlines() if line.startswith("备注")]
    first = "备注      “CPI 2%左右”按区间处理：自2025年起，国家的CPI目标是预期达到的水平，不"
    assert note == [first]
    assert "          是上限" in out.splitlines()


def test_fill_breaks_a_chinese_word_where_the_line_is() -> None:
    text = "“CPI 2%左右”按区间处理：自2025年起"
    assert breaks(text, 30) == [5]  # as before: the word whole on the next line
    # the line filled, the year kept with its 年: `“CPI 2%左右”按区间处理：自` over `2025年起`
    assert breaks(text, 30, fills=True) == [text.index("2025")]
    assert breaks("plan CPI target", 8, fills=True) == breaks("plan CPI target", 8)  # no Chinese
