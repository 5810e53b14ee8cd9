"""What the fourteenth round taught (docs/extract.md, "Round 14").

Round 14 studied set M (6 web pages, 2003–2019, three in traditional characters), run blind
first (91 %). Its misses were general faults, each tested here on the real clauses of M's pages
(the figures of M's gold plans) and on other members of its family written for the test: a
Japanese form of a character in a Chinese page (224: 全省生产总值増长8-8.5%, 増 for 增), 削减 as
a fall (222: 主要污染物排放总量削减百分之二), the economy named alone in a relation (222: 地方
财政收入与经济保持同步增长), 继续较快增长 as a rising trend and 保持百分之十的增长速度 as a
growth (223).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from extract_drafts import heads, page


def _by_quote(targets: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["quote"]: t for t in targets}


# 福建 2019 (set M's 224), the list as the page writes it: 増 (U+5897) twice.
FUJIAN = (
    "2019年,福建发展的主要预期目标是:全省生产总值増长8-8.5%;一般公共预算总收入增长4.5%左右,"
    "地方一般公共预算收入增长3%左右;固定资产投资增长10%左右;进出口增长3%,实际使用外资增长3%;"
    "社会消费品零售总额增长10.5%,居民消费价格总水平涨幅3%左右;城镇登记失业率控制在4.2%以内;"
    "城镇居民人均可支配收入增长8%,农村居民人均可支配收入増长8.5%。"
)


def test_a_japanese_form_of_a_character_reads_as_the_chinese() -> None:
    """増长8-8.5%: a growth range, as 增长8-8.5% (before: a level of 8.5 and up)."""
    found = _by_quote(heads(page(FUJIAN, 2019), 2019))
    gdp = found["全省生产总值増长8-8.5%"]
    assert (gdp["id"], gdp["kind"], gdp["min"], gdp["stretch"]) == (  # (session 43: stretch)
        "gdp",
        "growth",
        Decimal("8"),
        Decimal("8.5"),
    )
    rural = found["农村居民人均可支配收入増长8.5%"]
    assert (rural["kind"], rural["min"]) == ("growth", Decimal("8.5"))
    assert len(found) == 11


@pytest.mark.parametrize(
    ("clause", "indicator"),
    [
        ("一般公共预算収入增长5%", "budget_revenue"),
        ("居民消费価格涨幅3%左右", "cpi"),
        ("地区生产総值增长6%", "gdp"),
    ],
)
def test_other_japanese_forms(clause: str, indicator: str) -> None:
    """収入, 価格, 総值 read as 收入, 价格, 总值: the shared indicator, the page's quote."""
    text = f"今年全市的主要预期目标是：城镇新增就业1万人，{clause}。"
    found = heads(page(text, 2024), 2024)
    assert [(t["id"], t["quote"]) for t in found][1] == (indicator, clause)


# 上海 2007 (set M's 222), the page's clauses with its pinyin clutter.
SHANGHAI = (
    "今年上海主要預期目標是:全市生產(chǎn)總值增長(cháng)百分之九以上,"
    "地方財政收入與經(jīng)濟保持同步增長(cháng),萬(wàn)元生產(chǎn)總值綜合能耗下降百分之四,"
    "主要污染物排放總量削減百分之二。"
)


def test_cut_by_a_share_is_a_fall() -> None:
    """主要污染物排放总量削减百分之二: a growth falling by at least 2 (before: a level of 2)."""
    found = _by_quote(heads(page(SHANGHAI, 2007), 2007))
    cut = found["主要污染物排放總量削減百分之二"]
    assert (cut["kind"], cut.get("decline"), cut["min"]) == ("growth", True, Decimal("2"))


def test_in_step_with_the_economy_named_alone() -> None:
    """地方财政收入与经济保持同步增长: relation same with GDP (before: missed)."""
    found = _by_quote(heads(page(SHANGHAI, 2007), 2007))
    step = found["地方財政收入與經(jīng)濟保持同步增長"]
    assert (step["kind"], step["relation"], step["reference"]) == ("relative", "same", "gdp")


# 四川 2008 (set M's 223): the year's targets after 今年预计.
SICHUAN = (
    "今年主要预期目标是：今年预计GDP保持百分之十的增长速度，城乡居民收入继续较快增长，"
    "其中农民人均纯收入力争增长百分之八，城镇登记失业率控制在百分之五以内。"
)


def test_growth_stated_as_the_rate_kept() -> None:
    """GDP保持百分之十的增长速度: a growth of at least 10, named GDP (before: a level named
    预计GDP)."""
    found = _by_quote(heads(page(SICHUAN, 2008), 2008))
    gdp = found["今年预计GDP保持百分之十的增长速度"]
    assert (gdp["id"], gdp["name"], gdp["kind"], gdp["min"]) == (
        "gdp",
        "GDP",
        "growth",
        Decimal("10"),
    )


def test_continued_fast_growth_is_a_rising_trend() -> None:
    """城乡居民收入继续较快增长: a trend up (before: missed)."""
    found = _by_quote(heads(page(SICHUAN, 2008), 2008))
    trend = found["城乡居民收入继续较快增长"]
    assert (trend["kind"], trend["direction"]) == ("trend", "up")
