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


def page(body: str, year: int = 2024) -> str:
    """A news page around a paragraph: a dateline before, a footer after."""
    return (
        f"本报讯 {year}年1月18日，某县第九届人民代表大会第二次会议开幕，县长作政府工作报告。\n"
        "报告总结了过去一年的成绩，安排了新一年的工作。\n"
        f"{body}\n"
        "（责任编辑：某某）\n"
    )


def lead(targets: str) -> str:
    return page(f"今年全县经济社会发展的主要预期目标是：{targets}")
