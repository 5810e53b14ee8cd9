"""What the nineteenth round taught (docs/extract.md, "Set R and round 19").

Round 19 studied set R (9 web pages, 2014–2026, three in traditional characters), run blind
first after rounds 14–18 (98 %). Its faults, each tested here on the real clauses of R's pages
(the figures of R's gold plans): a steady rise worded 稳中有增, and a clause whose actor and
verb stand around the name (昆山将经济增长目标设为6%以上, 一般公共预算收入计划增长6%左右,
并努力实现居民人均可支配收入和经济增长基本同步).
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, page

# 浦东新区 2026 (set R's 269), as the page words it.
PUDONG = (
    "会议透露，2026年浦东新区经济社会发展的主要预期目标是：地区生产总值增长5%以上，"
    "规模以上工业总产值力争增长5%，一般公共预算收入增长2%，全社会固定资产投资稳中有增，"
    "居民人均可支配收入增长与经济增长基本同步。"
)


def test_steady_and_rising_is_a_trend_up() -> None:
    """全社会固定资产投资稳中有增: a rise, a trend up (before: the clause was dropped)."""
    found = {t["quote"]: t for t in heads(page(PUDONG, 2026), 2026)}
    investment = found["全社会固定资产投资稳中有增"]
    assert (investment["kind"], investment["direction"]) == ("trend", "up")
    assert investment["id"] == "fixed_asset_investment"
    assert len(found) == 5


# 昆山 2021 (set R's 263), simplified here: the actor before 将, 目标设为, 计划增长, 并努力实现.
KUNSHAN = (
    "昨天，昆山市第十七届人民代表大会第五次会议召开，2021年，昆山将经济增长目标设为6%以上，"
    "一般公共预算收入计划增长6%左右，规上工业产值计划增长3%左右，"
    "并努力实现居民人均可支配收入和经济增长基本同步。"
)


def test_the_actor_and_the_verb_are_no_part_of_the_name() -> None:
    """经济增长目标设为6%以上 is the economy's growth (before: a level named 昆山将经济增长目标设);
    计划 and 并努力实现 are the clause's words, not the indicator's."""
    found = heads(page(KUNSHAN, 2021), 2021)
    by_id = {t["id"]: t for t in found}
    gdp = by_id["gdp"]
    assert (gdp["kind"], gdp["min"], gdp["name"]) == ("growth", Decimal("6"), "经济增长")
    assert by_id["budget_revenue"]["name"] == "一般公共预算收入"
    assert by_id["budget_revenue"]["around"] == Decimal("6")
    assert any(t["name"] == "规上工业产值" and t["around"] == Decimal("3") for t in found)
    income = by_id["resident_income"]
    assert (income["name"], income["kind"], income["reference"]) == (
        "居民人均可支配收入",
        "relative",
        "gdp",
    )
