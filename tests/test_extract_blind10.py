"""What the tenth round taught (docs/extract.md, "Round 10 (learning from set J)").

Set J, measured once and on record (84 % recall; simplified 77 %, traditional 100 %, two pages
refused), was studied after its measurement. Each test is a short text written for it, in words
of its own (not set J's), that the extractor read wrongly before the fix.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract_drafts import heads, lead, page

# ------------------------------------------------------------------ 目标，即… / “N个突破”，即…


@pytest.mark.parametrize(
    "words", ["明确了全年工作的具体目标，即", "围绕实现“四个提升”，即", "锁定年度目标，即"]
)
def test_a_list_after_ji_is_the_years_targets(words: str) -> None:
    """…具体目标，即… / 实现“四个提升”，即…: 即 opens the year's list after the goal or the
    slogan that counts it (refused before: no lead)."""
    text = page(
        f"今年，园区{words}完成工业总产值80亿元、税收收入3亿元，引进项目20个，真抓实干。", 2024
    )
    targets = heads(text)
    assert [(t["kind"], t.get("min")) for t in targets] == [
        ("cumulative", Decimal("80")),
        ("cumulative", Decimal("3")),
        ("cumulative", Decimal("20")),
    ]


def test_the_first_year_of_a_five_year_plan_is_no_five_year_goal() -> None:
    """2024年是“十五五”开局之年，…主要目标是：…: 开局之年 names the plan year; the list is
    the year's (refused before: read as the five-year plan's)."""
    text = page(
        "2024年是“十五五”开局之年，园区的主要目标是：产值突破50亿元、投资突破20亿元、"
        "税收突破4亿元，奋力实现良好开局。",
        2024,
    )
    assert [t.get("min") for t in heads(text)] == [Decimal("50"), Decimal("20"), Decimal("4")]


# ------------------------------------------------------------------ 分别较上年增长a%、b%


@pytest.mark.parametrize("compared", ["较上年", "比2023年", ""])
def test_growths_after_amounts_belong_to_the_amounts_listed_before(compared: str) -> None:
    """完成产值80亿元、税收3亿元，分别较上年增长12%和15%: each growth is the growth of an
    amount listed before it in the sentence (before: the first read as a growth of nothing
    named, the others as bare levels)."""
    text = lead(f"工业总产值80亿元、税收收入3亿元，分别{compared}增长12.5%和15%。")
    targets = heads(text)
    assert [(t["name"], t["kind"], t.get("min")) for t in targets] == [
        ("工业总产值", "cumulative", Decimal("80")),
        ("税收收入", "cumulative", Decimal("3")),
        ("工业总产值", "growth", Decimal("12.5")),
        ("税收收入", "growth", Decimal("15")),
    ]


# ------------------------------------------------------------------ A产值和B增加值增长N%


def test_two_sectors_outputs_sharing_one_growth_are_two_targets() -> None:
    """规上工业总产值和服务业增加值增长10%: each sector's output named in full, one figure for
    both (before: one target named by both, the first sector lost)."""
    targets = heads(lead("规上工业总产值和服务业增加值增长10%以上；城镇新增就业3000人。"))
    assert [(t["name"], t["kind"], t.get("min")) for t in targets[:2]] == [
        ("规上工业总产值", "growth", Decimal("10")),
        ("服务业增加值", "growth", Decimal("10")),
    ]


# ------------------------------------------------------------------ a list over paragraphs


def test_a_list_broken_over_paragraphs_ends_a_clause_at_each_empty_line() -> None:
    """…，力争突破40亿元 / (an empty line) / 固定资产投资增长6%…: a line ending in a figure before
    an empty line ends its clause (before: joined to the next paragraph, the amount lost);
    a sentence opening A、B稳中提质 goes on with the list (before: the list ended)."""
    text = page(
        "今年全县主要预期目标为：地区生产总值增长7%；税收收入增长9%、力争突破40亿元\n\n"
        "固定资产投资增长6%，规上工业总产值增长12%，社会消费品零售总额实现180亿元\n\n"
        "实际利用外资、外贸进出口稳中提质，生产安全事故死亡人数持续下降。"
    )
    targets = heads(text)
    assert [(t["kind"], t.get("min")) for t in targets] == [
        ("growth", Decimal("7")),
        ("growth", Decimal("9")),
        ("cumulative", Decimal("40")),
        ("growth", Decimal("6")),
        ("growth", Decimal("12")),
        ("cumulative", Decimal("180")),
        ("indicator", None),
        ("indicator", None),
        ("trend", None),
    ]


# ------------------------------------------------ 达到X亿元，增长N%，力争突破Y亿元


def test_a_higher_amount_aimed_at_after_the_growth_is_the_amounts_stretch() -> None:
    """税收收入达到4.6亿元，增长9%，力争突破5亿元: 5 is the amount's higher aim (before: a
    second amount of its own, an extra target)."""
    targets = heads(lead("税收收入达到4.6亿元，增长9%，力争突破5亿元；城镇新增就业3000人。"))
    assert [(t["kind"], t.get("min"), t.get("stretch")) for t in targets] == [
        ("cumulative", Decimal("4.6"), Decimal("5")),
        ("growth", Decimal("9"), None),
        ("cumulative", Decimal("3000"), None),
    ]
