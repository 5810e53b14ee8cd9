"""The dashboard's drawings in text: completion bars and sparklines."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.text import Text

SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 20
SPARK_WIDTH = 8  # the last eight recorded periods


def sparkline(values: Sequence[Decimal], width: int = SPARK_WIDTH) -> str:
    """▁▂▃▄▅▆▇█ scaled between the lowest and highest of the last `width` values."""
    last = list(values)[-width:]
    if not last:
        return ""
    low, high = min(last), max(last)
    if low == high:
        return SPARKS[3] * len(last)
    top = len(SPARKS) - 1
    return "".join(SPARKS[round((v - low) / (high - low) * top)] for v in last)


def bar(share: Decimal | None, marker: Decimal | None, style: str, width: int = BAR_WIDTH) -> Text:
    """A completion bar: █ done, ░ to do, ┃ where time progress says it should be by now.

    The cells round to the nearest, except where rounding up would mislead: a share below 1
    never fills the last cell, and a share below the marker stops a ░ short of the ┃, so a
    bar running up to the ┃ means "where it should be" and a full bar means done (87.91 %
    against a year-end ┃ is drawn short, not like 100.5 %)."""
    mark = None if marker is None else max(0, min(width - 1, round(marker * width) - 1))
    filled = 0 if share is None else max(0, min(width, round(share * width)))
    if share is not None and share < 1:
        filled = min(filled, width - 1)
    if share is not None and marker is not None and mark is not None and share < marker:
        filled = max(0, min(filled, mark - 1))  # the ┃ replaces cell `mark`: one ░ before it
    cells = ["█"] * filled + ["░"] * (width - filled)
    text = Text()
    for i, cell in enumerate(cells):
        if i == mark:
            text.append("┃", style="bold")
        else:
            text.append(cell, style=style if cell == "█" else "dim")
    return text
