"""What the extract tests read from a draft: its headline targets and their ids."""

from __future__ import annotations

from typing import Any

from plancli.extract import extract_plan


def heads(text: str, year: int = 2024) -> list[dict[str, Any]]:
    """The headline targets `extract` drafts from `text` for `year`."""
    draft = extract_plan(text, year=year)
    return [t for t in draft.plan["targets"] if t["section"] == "headline"]


def ids(targets: list[dict[str, Any]]) -> list[str]:
    return [t["id"] for t in targets]
