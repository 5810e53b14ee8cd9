"""A small 2026 provincial report for `extract` tests: a review, the 主要预期目标 paragraph and
work sections saying the sentences a test gives, one section each."""

from __future__ import annotations

from typing import Any

from plancli.extract import extract_plan

HEADLINE = (
    "今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右，一般公共预算收入增长4%左右，"
    "城镇新增就业100万人以上，城镇调查失业率5.5%左右。"
)


def report_with_work(*sentences: str) -> str:
    """The report's text, its work sections saying `sentences`."""
    work = "".join(
        f"（{'一二三四五六七八'[i]}）抓好第{i + 1}项工作。{s}\n" for i, s in enumerate(sentences)
    )
    return (
        "某省2026年政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        "2025年是“十四五”收官之年。一年来，我们坚持稳中求进工作总基调。\n"
        f"二、2026年工作安排\n2026年是“十五五”开局之年。{HEADLINE}\n{work}"
    )


def drafted(*sentences: str) -> dict[str, Any]:
    """The plan drafted from that report."""
    return extract_plan(report_with_work(*sentences), year=2026).plan


def work_targets(*sentences: str) -> list[dict[str, Any]]:
    """Its work targets (neither headline nor investment), in the draft's order."""
    targets = drafted(*sentences)["targets"]
    return [t for t in targets if t["section"] not in ("headline", "investment")]
