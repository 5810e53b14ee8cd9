"""Session 42's forms of `plancli extract`, from blind set PP's misses (docs/extract.md, "Set PP").

Each sentence is written for its test, in the forms set PP's pages used (none of its texts is
pinned here):
1. A news page's lede restating some of the list's targets (…主要预期目标，努力实现地区生产总值
   增长7%以上，…) was taken for the headline because its lead is stronger than the list's
   (…预期奋斗目标是：); the list's other targets were drafted as work, its relation (城乡居民
   收入增长与经济增长基本同步) missed. A later lead's paragraph that restates every figure of
   the lede and states more is the headline now.
2. 经济发展质量和效益进一步提高, a qualitative aim the list opens with, was drafted as a trend
   up (进一步提高 after any subject is one); no series measures development's quality and
   returns, so it is no target, in a simplified copy or a converter's traditional one with
   pinyin in brackets.
3. A clause ending in ！ (…增长6.5%左右！) ends there: its quote kept the mark, and the clause
   after it ran into it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from extract_drafts import heads, page
from plancli.extract import extract_plan

# ---------------------------------------------------------------- 1. a lede, then the list

_LEDE = (
    "今年，某区经济社会发展主要预期目标，努力实现地区生产总值增长6%以上，固定资产投资增长"
    "10%以上，着力做好产业升级、城市更新等六个方面工作，为全市发展作出新的贡献。"
)
_REVIEW = "2023年，某区扎实开展各项活动，全区经济社会保持稳中向好的发展态势。"
_LIST = (
    "今年，某区预期奋斗目标是：地区生产总值增长6%以上，固定资产投资增长10%以上，"
    "规模以上工业增加值增长8.5%以上，地方财政一般公共预算收入增长4%以上，"
    "城乡居民收入增长与经济增长基本同步，不断开创高质量发展新局面。"
)
_WORK = "围绕奋斗目标，某区将谋划实施重点项目120个，年度完成投资300亿元以上。"


def _drafted(*paragraphs: str) -> list[dict[str, Any]]:
    return extract_plan(page("\n".join(paragraphs)), year=2024).plan["targets"]


def test_a_ledes_summary_gives_way_to_the_fuller_list_below_it() -> None:
    drafted = _drafted(_LEDE, _REVIEW, _LIST, _WORK)
    headline = {t["id"]: t for t in drafted if t["section"] == "headline"}
    assert list(headline) == [
        "gdp",
        "fixed_asset_investment",
        "industrial_value_added",
        "budget_revenue",
        "resident_income",
    ]
    # the list's words quoted, not the lede's (努力实现地区生产总值增长6%以上)
    assert headline["gdp"]["quote"] == "地区生产总值增长6%以上"
    assert headline["industrial_value_added"]["min"] == Decimal("8.5")
    assert headline["budget_revenue"]["min"] == 4
    income = headline["resident_income"]
    assert (income["kind"], income["relation"], income["reference"]) == ("relative", "same", "gdp")
    assert income["quote"] == "城乡居民收入增长与经济增长基本同步"
    # the work after the list is still work; nothing of the list is drafted twice
    work = [t for t in drafted if t["section"] != "headline"]
    assert [t["min"] for t in work] == [120, 300]
    assert not any(t.get("aliases") and "规上工业增加值" in t["aliases"] for t in work)


def test_a_later_list_that_does_not_restate_the_ledes_figures_is_not_taken() -> None:
    """A later lead whose paragraph states another figure for the economy (增长7%) is no list
    the lede sums up: the first lead's paragraph stays the headline."""
    other = _LIST.replace("地区生产总值增长6%以上", "地区生产总值增长7%以上")
    found = heads(page("\n".join([_LEDE, _REVIEW, other])), 2024)
    assert [t["quote"] for t in found] == [
        "努力实现地区生产总值增长6%以上",
        "固定资产投资增长10%以上",
    ]


def test_a_later_paragraph_of_no_more_targets_is_not_taken() -> None:
    """A later lead restating the same two figures and nothing more leaves the first."""
    later = "今年，某区预期奋斗目标是：地区生产总值增长6%以上，固定资产投资增长10%以上。"
    found = heads(page("\n".join([_LEDE, _REVIEW, later])), 2024)
    assert [t["quote"] for t in found] == [
        "努力实现地区生产总值增长6%以上",
        "固定资产投资增长10%以上",
    ]


# ---------------------------------------------------------------- 2. quality and returns


@pytest.mark.parametrize(
    "aim",
    [
        "经济发展质量和效益进一步提高",
        "发展质量效益明显提升",
        "經(jīng)濟(jì)發(fā)展質(zhì)量和效益進(jìn)一步提高",
    ],
)
def test_developments_quality_and_returns_is_no_target(aim: str) -> None:
    text = page(f"建议今年全市经济社会发展的主要预期目标是：{aim}，全市生产总值增长6.5%左右。")
    found = heads(text, 2017)
    assert [t["id"] for t in found] == ["gdp"]
    assert found[0]["around"] == 6.5


def test_a_series_improving_is_still_a_trend() -> None:
    """Only development's quality and returns: 发展的协调性进一步增强 stays a trend up."""
    text = page(
        "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，发展的协调性进一步增强。"
    )
    found = heads(text, 2013)
    assert [t["kind"] for t in found] == ["growth", "trend"]


# ---------------------------------------------------------------- 3. a clause ending in ！


def test_an_exclamation_mark_ends_a_clause() -> None:
    text = page(
        "市长表示：“今年的主要预期目标是：全市生产总值增长6.5%左右！城镇登记失业率控制在4.4%以内。"
    )
    found = {t["id"]: t for t in heads(text, 2017)}
    assert found["gdp"]["quote"] == "全市生产总值增长6.5%左右"
    assert found["unemployment_rate"]["quote"] == "城镇登记失业率控制在4.4%以内"
    assert found["unemployment_rate"]["max"] == Decimal("4.4")


# ---------------------------------------------------------------- 4. the sentence's words


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        (
            "报告提出，2020年，全市经济社会发展力争实现地区生产总值增长6.5%左右，"
            "全社会固定资产投资增长8%左右。",
            "地区生产总值增长6.5%左右",
        ),
        (
            "据介绍，2016年某省社会发展主要目标定为GDP增长8.5%左右，居民人均可支配收入增长8.5%左右。",
            "GDP增长8.5%左右",
        ),
    ],
)
def test_the_sentences_words_before_the_subject_are_no_part_of_name_or_quote(
    paragraph: str, quote: str
) -> None:
    """全市经济社会发展力争实现…, …主要目标定为…: the words before the resolve are the
    sentence's, not the target's (before: named 全市经济社会发展力争实现地区生产总值)."""
    year = int(paragraph.split("年", 1)[0][-4:])
    gdp = {t["id"]: t for t in heads(page(paragraph, year), year)}["gdp"]
    assert gdp["quote"] == quote
    assert gdp["name"] == quote.split("增长")[0]


def test_a_clause_opening_with_its_resolve_is_quoted_whole() -> None:
    """努力实现地区生产总值增长7%以上: no words before the verb, the clause quoted as before."""
    text = page(
        "今年全县经济社会发展的主要预期目标是：努力实现地区生产总值增长7%以上，固定资产投资增长8%以上。"
    )
    gdp = {t["id"]: t for t in heads(text, 2024)}["gdp"]
    assert gdp["quote"] == "努力实现地区生产总值增长7%以上"
    assert gdp["name"] == "地区生产总值"
