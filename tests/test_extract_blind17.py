"""What the seventeenth round taught (docs/extract.md, "Round 17").

Round 17 studied set P (11 web pages, 2008–2026, four in traditional characters), run blind
first after rounds 14–16 (89 %). Its general faults, each tested here on the real clauses of
P's pages (the figures of P's gold plans): a list that says it has ended (…增长17%等。), tasks a
province sets worded 省定任务 and 省控目标, 节水 as a task's water target, a bare 持平 as a steady
trend, and an adverb before a comparison with the province (略高于全省增速).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extract_drafts import heads, page


def _quotes(targets: list[dict[str, Any]]) -> list[str]:
    return [t["quote"] for t in targets]


# 泉州 2009 (set P's 246), simplified here: the list ends with 等, the work follows.
QUANZHOU = (
    "全年经济社会发展主要预期目标为:地区生产总值增长11%,财政总收入增长15%,其中一般预算收入增长14%,"
    "规模以上工业产值增长17%等。项目带动战略将进一步强化实施,全年计划实施167个在建重点项目,"
    "实现年度投资300亿元以上。"
)


def test_a_list_that_says_it_has_ended() -> None:
    """…增长17%等。: the list ends there (before: the next sentence's 167个项目 and 300亿元
    were drafted as headline targets)."""
    found = heads(page(QUANZHOU, 2009), 2009)
    assert [t["min"] for t in found] == [Decimal(n) for n in ("11", "15", "14", "17")]
    assert not any("项目" in quote or "投资" in quote for quote in _quotes(found))


# 襄阳 2025 (set P's 252), 郑州-style 省控 and 鄂尔多斯 2023 (251) in one list written for the test.
TASKS = (
    "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%，能耗强度目标完成省定任务，"
    "节能减排等完成省控目标，节能节水减排指标完成自治区下达任务。"
)


def test_tasks_a_province_sets_in_other_words() -> None:
    """能耗强度目标完成省定任务, 节能减排等完成省控目标: pending (before: missed); 节能节水减排:
    energy, water and emissions (before: water missed)."""
    found = heads(page(TASKS, 2025), 2025)
    by_quote: dict[str, list[str]] = {}
    for target in found[1:]:
        assert target["pending"] is True
        by_quote.setdefault(target["quote"], []).append(target["id"].rstrip("_23"))
    assert by_quote == {
        "能耗强度目标完成省定任务": ["energy_intensity"],
        "节能减排等完成省控目标": ["energy_intensity", "emission_reduction"],
        "节能节水减排指标完成自治区下达任务": [
            "energy_intensity",
            "water_intensity",
            "emission_reduction",
        ],
    }


# 泉州 2026 (set P's 255): the clauses as the page writes them.
QUANZHOU_2026 = (
    "今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右、略高于全省增速，"
    "固定资产投资增长3%，实际利用外资、出口总额持平，社会消费品零售总额增长5%。"
)


def test_a_bare_flat_is_a_steady_trend_for_each_subject() -> None:
    """实际利用外资、出口总额持平: two steady trends (before: missed); 与2006年持平 after an
    amount is still no target of its own."""
    found = heads(page(QUANZHOU_2026, 2026), 2026)
    flat = [t for t in found if t["quote"].endswith("出口总额持平")]
    assert [(t["kind"], t["direction"]) for t in flat] == [("trend", "band")] * 2
    text = page("今年主要预期目标是：合同利用外资20亿美元,与2006年持平;财政收入增长8%。", 2007)
    assert [t["kind"] for t in heads(text, 2007)] == ["cumulative", "growth"]


def test_an_adverb_before_a_comparison_with_the_province() -> None:
    """略高于全省增速: GDP above the province's growth (before: a relation of 略, its outside
    series province_indicator)."""
    found = heads(page(QUANZHOU_2026, 2026), 2026)
    [above] = [t for t in found if t["kind"] == "relative"]
    assert (above["id"], above["relation"], above["reference"]) == (
        "gdp_province",
        "above",
        "province_gdp",
    )
    assert found[0]["around"] == Decimal("5")


# 天津 2024 (set Q's 259): the page's title and its first sentence state the GDP target, the
# list below does not.
TIANJIN = (
    "天津经济运行整体向好 2024年GDP预期增长目标4.5%左右\n发布时间:2024-11-23 15:23:00\n"
    "23日，天津市第十八届人民代表大会第二次会议开幕，天津市市长在作政府工作报告时透露，2024年，"
    "天津市地区生产总值预期目标增长4.5%左右。\n"
    "报告提出，2024年主要预期目标是：一般公共预算收入、居民人均可支配收入增长与经济增长同步，"
    "社会消费品零售总额增长6%，城镇新增就业35万人。\n"
)


def test_the_economys_target_summed_up_before_the_list() -> None:
    """天津市地区生产总值预期目标增长4.5%左右, in the sentence nearest the list (the title states
    it too): the GDP target, the relations' reference (before: missed, and the relation's words
    drafted as an outside series gdp)."""
    found = heads(TIANJIN, 2024)
    assert (found[0]["id"], found[0]["around"], found[0]["quote"]) == (
        "gdp",
        Decimal("4.5"),
        "天津市地区生产总值预期目标增长4.5%左右",
    )
    relations = [t for t in found if t["kind"] == "relative"]
    assert [t["reference"] for t in relations] == ["gdp", "gdp"]
    assert len(found) == 5
