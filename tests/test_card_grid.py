"""A card's line (`CardGrid`) prints what Rich's own grid prints, byte for byte, colours
included, and the cards' memo of rendered cells (`Cards`) changes nothing but the time."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from plancli.render.card_grid import CardGrid, Cards
from plancli.render.runs import keeping_runs

COLUMNS: list[dict[str, Any]] = [
    {"width": 6, "justify": "left", "style": "bold", "no_wrap": True, "overflow": "fold"},
    {"width": 9, "justify": "right", "style": None, "no_wrap": False, "overflow": "fold"},
    {"width": 12, "justify": "left", "style": "cyan", "no_wrap": False, "overflow": "fold"},
]


def _cells() -> list[Any]:
    return [
        Text("behind", style="red"),
        Text.assemble(("25%", "bold"), "/100%"),  # spans
        keeping_runs(Text("城镇常住居民人均可支配收入 增长")),  # wraps, a subclass
    ]


def _printed(renderable: Any, width: int) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system="truecolor", force_terminal=True, emoji=False
    )
    console.print(renderable, crop=False, soft_wrap=False)
    return out.getvalue()


def _grids(gap: int, vertical: str, cells: list[Any]) -> tuple[Table, CardGrid]:
    rich_grid = Table.grid(padding=(0, gap, 0, 0), pad_edge=False)
    card_grid = CardGrid.of(gap, None)
    for grid in (rich_grid, card_grid):
        for options in COLUMNS:
            grid.add_column(vertical=vertical, **options)  # type: ignore[arg-type]
        grid.add_row(*cells)
    return rich_grid, card_grid


@pytest.mark.parametrize("vertical", ["top", "middle", "bottom"])
@pytest.mark.parametrize("width", [20, 31, 33, 60])
def test_a_card_line_prints_as_richs_grid(vertical: str, width: int) -> None:
    rich_grid, card_grid = _grids(2, vertical, _cells())
    printed = _printed(card_grid, width)
    assert printed == _printed(rich_grid, width)
    assert "\x1b[" in printed and "城镇常住" in printed  # (colours, the wrapped name)
    # narrower than its columns (31 cells with their gaps), Rich's grid prints it, narrowed
    assert ("behind" in printed) == (width >= 31)


def test_the_cards_memo_changes_nothing_but_the_time() -> None:
    """A hundred cards of few different cells: printed with the memo and without it, the
    same bytes; the memo empty once printed (nothing kept between prints)."""
    statuses = ["behind", "on track", "met"]
    memo: dict[tuple[Any, ...], Any] = {}
    cards, plain = Cards(memo=memo, show_header=False), Table(show_header=False)
    for table in (cards, plain):
        table.add_column(width=40)
    for i in range(100):
        cells = [Text(statuses[i % 3], style="red" if i % 2 else "green"), Text(f"{i % 7}%"), ""]
        lines = []
        for shared in (memo, None):
            grid = CardGrid.of(2, shared)
            for options in COLUMNS:
                grid.add_column(**options)
            grid.add_row(*cells)
            lines.append(grid)
        cards.add_row(Group(lines[0]))
        plain.add_row(Group(lines[1]))
    printed = _printed(cards, 44)
    assert printed == _printed(plain, 44)
    assert printed.count("met") == 33 and not memo
