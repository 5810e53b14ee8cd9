"""What the blind measurement on web-page excerpts taught (docs/extract.md, session 5).

Each test is a short sentence written for the test, of a kind a copy of a report on the web
brings and the extractor once missed: a copy in traditional characters or with a converter's
pinyin, a lead worded otherwise, a clause form.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from plancli.extract import extract_plan


def page(lead_and_targets: str, year: int = 2024) -> str:
    """A news page around a lead and its targets: a dateline before, a footer after."""
    return (
        f"本报讯 {year}年1月20日，某市第十届人民代表大会第三次会议开幕，市长作政府工作报告。\n"
        "报告在回顾工作的同时，提出了新一年的发展思路和工作安排。\n"
        f"{lead_and_targets}\n"
        "（责任编辑：某某）\n"
    )


def heads(text: str, year: int = 2024) -> list[dict[str, Any]]:
    draft = extract_plan(text, year=year)
    return [t for t in draft.plan["targets"] if t["section"] == "headline"]


def brief(target: dict[str, Any]) -> tuple[Any, ...]:
    return (
        target["kind"],
        target.get("min"),
        target.get("max"),
        target.get("around"),
        target.get("direction"),
    )


# ---------------------------------------------------------------------------- copies


def test_a_copy_in_traditional_characters_reads_as_the_simplified_report() -> None:
    text = page(
        "報告提出，今年全市經濟社會發展的主要預期目標是：地區生產總值增長6%左右；城鎮調查失業率5.5%以內；糧食產量穩定在250萬噸以上。"
    )
    targets = heads(text)
    assert [(t["id"], brief(t)) for t in targets] == [
        ("gdp", ("growth", None, None, 6, None)),
        ("surveyed_unemployment_rate", ("level", None, Decimal("5.5"), None, "down")),
        ("grain_output", ("level", 250, None, None, None)),
    ]
    assert [t["quote"] for t in targets] == [
        "地區生產總值增長6%左右",
        "城鎮調查失業率5.5%以內",
        "糧食產量穩定在250萬噸以上",
    ]


def test_a_garbled_copy_with_pinyin_after_characters_is_read_and_quoted_as_it_stands() -> None:
    text = page(
        "主要預(yù)期目標(biāo)是:地區(qū)生產(chǎn)總值增長(zhǎng)7%以上,一般公共預(yù)算收入增長(zhǎng)4%左右。"
    )
    targets = heads(text)
    assert [(t["id"], brief(t)) for t in targets] == [
        ("gdp", ("growth", 7, None, None, None)),
        ("budget_revenue", ("growth", None, None, 4, None)),
    ]
    assert targets[0]["quote"] == "地區(qū)生產(chǎn)總值增長(zhǎng)7%以上"


# ---------------------------------------------------------------------------- leads


@pytest.mark.parametrize(
    "lead",
    [
        "今年全市经济社会发展的主要预期目标是，",  # a comma for the colon
        "市长提出今年的主要预期目标——",  # a dash
        "今年主要预期目标为",  # run into the first target
        "该市确定了今年的发展预期目标，",
        "报告提出了今年高质量发展指标体系安排，具体为：",
        "— 主要目标 —\n",  # a heading line above the targets
        "■ 今年预期目标\n",
    ],
)
def test_leads_a_copy_words_otherwise(lead: str) -> None:
    text = page(f"{lead}地区生产总值增长6%左右，一般公共预算收入增长5%。")
    assert [(t["id"], brief(t)) for t in heads(text)] == [
        ("gdp", ("growth", None, None, 6, None)),
        ("budget_revenue", ("growth", 5, None, None, None)),
    ]


def test_a_sentence_opening_预期_leads_its_targets() -> None:
    text = page("2024年，预期全市地区生产总值增长6%以上，城镇登记失业率控制在4%以内。")
    assert [(t["id"], brief(t)) for t in heads(text)] == [
        ("gdp", ("growth", 6, None, None, None)),
        ("unemployment_rate", ("level", None, 4, None, "down")),
    ]
