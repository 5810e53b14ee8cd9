"""Session 28, verify D-B: which line of a 附表 opens a row. A row numbered out of turn (a row
deleted, a number repeated, a second table counting from 1, rows numbered 10, 20, …) opens a
row as it did before 80bc9e8f, and a row cut inside a cell before a bare integer (a copy
re-wrapped at 20–40 characters) still goes on with its row. Every table is the seed's 附表1."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from tests.conftest import REPORT

from plancli.extract import extract_plan
from plancli.extract.tables import _rows as _table_rows
from plancli.extract.text import split_lines

pytestmark = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")

_ROW = re.compile(r"^([1-7]) \| ")


@cache
def _seed() -> list[str]:
    return REPORT.read_text(encoding="utf-8").split("\n")


def _rows() -> list[int]:
    """The line indexes of 附表1's rows 1–7."""
    rows = [i for i, line in enumerate(_seed()) if _ROW.match(line)]
    assert len(rows) == 7
    return rows


def _numbered(number: Callable[[int], str], *, second: bool = False) -> str:
    """The seed with 附表1's rows numbered `number(row)`; rows 5–7 a second table (under the
    table's header again) if `second`."""
    lines = list(_seed())
    for row, i in enumerate(_rows(), 1):
        lines[i] = number(row) + lines[i][1:]
    if second:
        first = _rows()[0]
        lines[_rows()[4] : _rows()[4]] = lines[first - 2 : first]
    return "\n".join(lines)


def _without(row: int) -> str:
    lines = list(_seed())
    del lines[_rows()[row - 1]]
    return "\n".join(lines)


_VARIANTS: dict[str, Callable[[], str]] = {
    # (verify D-B's repro: sed '98d', the rows run 1, 2, 4, 5, 6, 7)
    "row 3 deleted": lambda: _without(3),
    "row 2 deleted": lambda: _without(2),
    "row 5 numbered 4 again": lambda: _numbered(lambda n: "4" if n == 5 else str(n)),
    "rows 5-7 a second table": lambda: _numbered(lambda n: str(n - 4 if n > 4 else n), second=True),
    "rows 5-7 counted from 1": lambda: _numbered(lambda n: str(n - 4 if n > 4 else n)),
    "rows numbered 10, 20, …": lambda: _numbered(lambda n: f"{n}0"),
}
_DELETED = {"row 3 deleted": "fixed_asset_investment", "row 2 deleted": "budget_revenue"}


def _wrapped(text: str, width: int) -> str:
    """`text` with its table's lines cut every `width` characters (a copy re-wrapped)."""
    lines = []
    for line in text.split("\n"):
        while "|" in line and len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


@cache
def _baselines(text: str) -> dict[str, Any]:
    plan = extract_plan(text).plan
    return {t["id"]: t.get("baseline") for t in plan["targets"] if t["section"] == "headline"}


def _clean() -> dict[str, Any]:
    return _baselines("\n".join(_seed()))


@pytest.mark.parametrize("variant", list(_VARIANTS))
def test_a_row_numbered_out_of_turn_keeps_its_baselines(variant: str) -> None:
    """Rows 1, 2, 4, 5, …: 城镇/农村 income and 失业率 lost their baselines (53505/9.2,
    26319/9.3, 3.02/5以内) and 社会消费品零售总额 its plan 6, every row after the gap glued to
    the row before it."""
    clean = _clean()
    assert clean["urban_income"] == {
        "year": 2021,
        "value": 53505,
        "growth": Decimal("9.2"),
        "plan_text": "与经济增长基本同步",
    }
    assert clean["retail_sales"]["plan"] == 6
    assert clean["rural_income"]["value"] == 26319
    assert clean["unemployment_rate"]["value"] == Decimal("3.02")
    drafted = _baselines(_VARIANTS[variant]())
    deleted = _DELETED.get(variant)
    assert {k: v for k, v in drafted.items() if k != deleted} == {
        k: v for k, v in clean.items() if k != deleted
    }


@pytest.mark.parametrize("width", [20, 22, 23, 26, 30, 35, 40])
@pytest.mark.parametrize("variant", list(_VARIANTS))
def test_a_row_numbered_out_of_turn_and_cut_keeps_its_baselines(variant: str, width: int) -> None:
    """The same tables re-wrapped: a line `7 |` or `2 | —— |` is still the rest of its row,
    and `10 | 城镇常住居民人均可支配收入 | 元` (a name, then a unit) or a row after a full
    one opens a row, whatever its number."""
    text = _VARIANTS[variant]()
    assert _baselines(_wrapped(text, width)) == _baselines(text)


@pytest.mark.parametrize("width", range(20, 41))
def test_the_seed_cut_at_any_width_from_20_to_40_drafts_as_the_clean_seed(width: int) -> None:
    assert _baselines(_wrapped("\n".join(_seed()), width)) == _clean()


def test_a_plans_words_after_a_figure_are_no_row_of_their_own() -> None:
    """Row 5 numbered 1 (a second table's first row), cut inside its growth 9.2: the line
    `2 | 与经济增长基本同步 |` is the next row's number and words, but 与经济增长基本同步 is
    a plan's words, not a name — the row goes on and keeps 9.2. (In a whole report the
    flow rejoins a line ending `9.`; a copy cut otherwise would not be.)"""
    lines = list(_seed())
    first, i = _rows()[0], _rows()[4]
    row = "1" + lines[i][1:]
    cut = row.index("9.2 |") + 2
    assert row[cut:].startswith("2 | 与经济增长基本同步 |")
    text = "\n".join([*lines[first - 2 : first], row[:cut], row[cut:]])
    rows = _table_rows(split_lines(text))
    assert rows[2:] == [
        [
            "1",
            "城镇常住居民人均可支配收入",
            "元",
            "与经济增长基本同步",
            "53505",
            "9.2",
            "与经济增长基本同步",
        ]
    ]
