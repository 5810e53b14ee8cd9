"""Session 43's draft wording the blind score does not see (docs/extract.md, "Session 43: names
and quotes an analyst renamed").

Each sentence is written for its test, in the forms set QQ's pages used (none of its texts is
pinned here):
1. A place before an indicator's name (全县地区生产总值, 重庆地区生产总值) is the plan's place,
   no part of the name; a year, or 全年, with a place after it starts no quote: the quote starts at
   the indicator, as the name does, and stays the report's words. 单位地区生产总值能耗 and
   全年完成…亿元 are as before.
2. A trade listed without its measure (限上批发) is named by it: 限上批发销售额.
"""

from __future__ import annotations

from typing import Any

from extract_drafts import page
from plancli.extract import extract_plan


def _heads(body: str, year: int = 2024) -> list[dict[str, Any]]:
    targets = extract_plan(page(body, year), year=year).plan["targets"]
    return [t for t in targets if t["section"] == "headline"]


def _by_id(targets: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in targets}


# ---------------------------------------------------------------- 1. a place before a name

_COUNTY = (
    "今年经济社会发展主要预期目标是：全县地区生产总值增长7%左右，一般公共预算收入增长6%左右，"
    "单位地区生产总值能耗下降2.5%，城镇调查失业率控制在5.5%以内。"
)


def test_a_place_before_the_indicator_is_the_plans_not_the_names() -> None:
    found = _by_id(_heads(_COUNTY))
    gdp = found["gdp"]
    assert gdp["name"] == "地区生产总值"
    assert gdp["quote"] == "全县地区生产总值增长7%左右"  # the report's words, the subject's own
    assert found["energy_intensity"]["name"] == "单位地区生产总值能耗"  # 单位 is no place


_CITY_YEAR = (
    "对于今年政府工作，会议提出，2024年江城地区生产总值增长6%，固定资产投资增长5%左右，"
    "城镇新增就业30万人以上，城镇调查失业率5.5%左右。"
)


def test_a_year_and_a_place_before_the_first_indicator_start_no_quote() -> None:
    gdp = _by_id(_heads(_CITY_YEAR))["gdp"]
    assert (gdp["name"], gdp["quote"]) == ("地区生产总值", "地区生产总值增长6%")
    assert gdp["quote"] in _CITY_YEAR  # still the report's words


_WHOLE_YEAR = (
    "主要预期目标是：全年地区生产总值增长8%-10%，固定资产投资增长10%，"
    "社会消费品零售总额增长10%，一般公共预算收入增长15%。"
)


def test_the_whole_year_before_the_first_indicator_starts_no_quote() -> None:
    gdp = _by_id(_heads(_WHOLE_YEAR))["gdp"]
    assert (gdp["name"], gdp["quote"]) == ("地区生产总值", "地区生产总值增长8%-10%")


def test_the_whole_years_amount_keeps_its_verb_in_the_quote() -> None:
    text = (
        "主要预期目标是：全年完成一般预算收入11000万元以上，固定资产投资增长10%，"
        "城镇调查失业率控制在5.5%以内。"
    )
    quotes = [t["quote"] for t in _heads(text)]
    assert "全年完成一般预算收入11000万元以上" in quotes  # as before: 全年完成 one phrase


# ---------------------------------------------------------------- 2. a trade without its measure


def test_a_trade_listed_without_its_measure_is_named_by_it() -> None:
    text = (
        "今年主要预期目标是：规上工业总产值、限上批发、进出口总额等主要经济指标实现两位数增长，"
        "限上餐饮业增长9%，城镇调查失业率控制在5.5%以内。"
    )
    names = [t["name"] for t in _heads(text)]
    assert "限上批发销售额" in names
    assert "限上餐饮业营业额" in names
    assert "限上批发" not in names and "进出口总额" in names
    wholesale = next(t for t in _heads(text) if t["name"] == "限上批发销售额")
    assert wholesale["quote"].startswith("规上工业总产值、限上批发、")  # the report's words


# ---------------------------------------------------------------- 3. a class held in the work


def _work(body: str) -> list[dict[str, Any]]:
    text = (
        "2026年政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
        "今年重点抓好以下工作：\n" + body
    )
    targets = extract_plan(text, year=2026).plan["targets"]
    return [t for t in targets if t["section"].startswith("work")]


def test_a_class_held_in_the_work_is_a_level_as_in_the_headline() -> None:
    found = {
        t["quote"]: t
        for t in _work(
            "（一）推进生态建设。确保清河干流水质稳定保持Ⅲ类，持续改善城区空气质量。"
            "推动南湖水质优于Ⅳ类，完成10个湿地修复。\n"
        )
    }
    held = found["确保清河干流水质稳定保持Ⅲ类"]
    assert (held["kind"], held["unit"], held["max"]) == ("level", "类", 3)
    assert "review" not in held
    better = found["推动南湖水质优于Ⅳ类"]  # better than Ⅳ类: left to the analyst, as before
    assert (better["kind"], "max" in better) == ("indicator", False)
