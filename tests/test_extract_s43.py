"""Session 43's forms of `plancli extract`, from blind set QQ's misses (docs/extract.md, "Set QQ").

Each sentence is written for its test, in the forms set QQ's pages used (none of its texts is
pinned here):
1. A growth floor's range (地区生产总值增长5.5-6%) drafts min + stretch, as the bundled plans
   encode 广东's 4.5%—5%: above the top is not off target. A range of what is no floor
   (能源消费总量) stays min + max, for review; 争取更好 after a floor's range reads as before.
2. Indicators listed before 等主要经济指标 share its growth, each a target, whatever their names'
   last words (营收, 批发); 两位数增长 is a growth of 10 % or more.
3. 主要经济指标按照高于全市2个百分点以上来安排，一般公共预算收入高于全市7个百分点以上: a
   paragraph no stronger lead opens is found (before: the page was refused), the indicators all
   at once are no target, the named one a relation above the city's.
4. A water-quality class held (水质保持国家Ⅱ类标准) is a level in 类, at most that class.
5. 各项约束性指标达到上级规定要求: the binding indicators' task handed down, pending (before: no
   target, read as all the indicators at once).
6. Names: a district's name of five before 将 (镇江高新区将力争GDP), and 继续保持全国一流水平's
   words, are no part of the indicator's name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from extract_drafts import page
from plancli.errors import PlanError
from plancli.extract import extract_plan


def _heads(body: str, year: int = 2024) -> list[dict[str, Any]]:
    targets = extract_plan(page(body, year), year=year).plan["targets"]
    return [t for t in targets if t["section"] == "headline"]


def _by_name(targets: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in targets}


# ---------------------------------------------------------------- 1. a growth floor's range

_RANGES = (
    "今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5-6%，固定资产投资增长8%-10%，"
    "能源消费总量增长2%-3%，村集体经济收入增长5-8%，城镇调查失业率控制在5.5%以内。"
)


def test_a_growth_floors_range_is_its_floor_and_stretch() -> None:
    found = _by_name(_heads(_RANGES))
    gdp, investment = found["地区生产总值"], found["固定资产投资"]
    assert (gdp["id"], gdp["min"], gdp["stretch"], "max" in gdp) == (
        "gdp",
        Decimal("5.5"),
        6,
        False,
    )
    assert (investment["min"], investment["stretch"], "max" in investment) == (8, 10, False)
    assert "review" not in gdp  # the bundled plans' reading, no call left to make
    assert "above the top is not off target" in gdp["note"]
    assert gdp["quote"] == "地区生产总值增长5.5-6%"


def test_a_range_of_what_is_no_floor_stays_min_and_max() -> None:
    found = _by_name(_heads(_RANGES))
    energy, village = found["能源消费总量"], found["村集体经济收入"]
    # energy use held in a band, and a series no shared indicator names: the analyst's call
    assert (energy["min"], energy["max"], "stretch" in energy) == (2, 3, False)
    assert (village["min"], village["max"], "stretch" in village) == (5, 8, False)
    assert "a range: min and max" in energy["review"]


def test_better_still_after_a_floors_range_reads_as_before() -> None:
    found = _by_name(
        _heads(
            "今年主要预期目标是：地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果，"
            "规模以上工业增加值增长6%。"
        )
    )
    gdp = found["地区生产总值"]
    assert (gdp["min"], gdp["stretch"]) == (5, Decimal("5.5"))
    assert gdp["note"] == (
        "5%—5.5% with 在实际工作中努力争取更好结果: 5.5 is a higher aim, never a ceiling"
    )
    assert gdp["quote"] == "地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果"


# ---------------------------------------------------------------- 2. 等主要经济指标, 两位数增长

_LISTED = (
    "2025年，某区将力争GDP增长6.5%以上，保持全市第一方阵，争取更好成绩，规上工业总产值、"
    "规上工业增加值、制造业投资、核算服务业营收、限上批发、进出口总额等主要经济指标实现两位数增长。"
)


def test_indicators_listed_before_main_indicators_share_its_growth() -> None:
    heads = _heads(_LISTED, 2025)
    names = [t["name"] for t in heads]
    assert names == [
        "GDP",
        "规上工业总产值",
        "规上工业增加值",
        "制造业投资",
        "核算服务业营收",
        "限上批发销售额",  # a trade named by its measure (extract11; the quote keeps 限上批发)
        "进出口总额",
    ]
    clause = (
        "规上工业总产值、规上工业增加值、制造业投资、核算服务业营收、限上批发、进出口总额"
        "等主要经济指标实现两位数增长"
    )
    for target in heads[1:]:
        assert (target["kind"], target["min"], target["quote"]) == ("growth", 10, clause)
        assert "两位数增长: a double-digit growth" in target["note"]
        assert "等主要经济指标: the figure is each listed indicator's" in target["note"]
    ids = {t["name"]: t["id"] for t in heads}
    assert (ids["规上工业增加值"], ids["进出口总额"]) == ("industrial_value_added", "foreign_trade")


def test_a_figure_listed_before_indicators_and_a_double_digit_growth_alone() -> None:
    found = _by_name(
        _heads(
            "今年主要预期目标是：地区生产总值增长6%，规上工业增加值、固定资产投资等指标增长8%以上，"
            "工业投资保持两位数增长。"
        )
    )
    assert found["规上工业增加值"]["min"] == found["固定资产投资"]["min"] == 8
    assert found["固定资产投资"]["quote"] == "规上工业增加值、固定资产投资等指标增长8%以上"
    assert (found["工业投资"]["min"], found["工业投资"]["quote"]) == (10, "工业投资保持两位数增长")


# ---------------------------------------------------------------- 3. 主要经济指标按照…安排

_ARRANGED = (
    "2024年是某新区发展的关键一年。我们将落实市委部署，主要经济指标按照高于全市2个百分点以上"
    "来安排，一般公共预算收入高于全市7个百分点以上，统筹高质量发展和高水平安全。"
)


def test_main_indicators_arranged_above_the_citys_lead_the_named_one() -> None:
    heads = _heads(_ARRANGED)
    revenue = heads[0]
    assert [t["id"] for t in heads] == ["budget_revenue", "city_budget_revenue"]
    assert (revenue["kind"], revenue["relation"], revenue["reference"]) == (
        "relative",
        "above",
        "city_budget_revenue",
    )
    assert revenue["quote"] == "一般公共预算收入高于全市7个百分点以上"


def test_main_indicators_at_once_are_no_target_in_a_list() -> None:
    heads = _heads(
        "今年主要预期目标是：地区生产总值增长6%，主要经济指标按照高于全市2个百分点以上来安排，"
        "固定资产投资增长8%。"
    )
    assert [t["id"] for t in heads] == ["gdp", "fixed_asset_investment"]


def test_a_page_of_no_lead_and_no_arrangement_is_still_refused() -> None:
    with pytest.raises(PlanError, match="no targets found"):
        _heads("2024年是关键一年。我们将落实部署，一般公共预算收入高于全市7个百分点以上。")


# ---------------------------------------------------------------- 4. a water class held


def test_a_water_class_held_is_a_ceiling_in_class() -> None:
    found = _by_name(
        _heads(
            "今年主要预期目标是：地区生产总值增长6%，汉江出境断面水质保持国家Ⅱ类标准，"
            "出境断面水质稳定达到Ⅲ类，国考断面水质优于Ⅲ类。"
        )
    )
    held, reached = found["汉江出境断面水质"], found["出境断面水质"]
    assert (held["kind"], held["unit"], held["max"], "min" in held) == ("level", "类", 2, False)
    assert held["quote"] == "汉江出境断面水质保持国家Ⅱ类标准"
    assert (reached["kind"], reached["max"]) == ("level", 3)
    # better than a class: left an indicator, as before
    assert found["国考断面水质"]["kind"] == "indicator"


# ---------------------------------------------------------------- 5. the binding indicators


def test_the_binding_indicators_task_is_pending_but_all_indicators_no_target() -> None:
    found = _by_name(
        _heads(
            "今年主要预期目标是：地区生产总值增长6%，各项约束性指标达到上级规定要求，"
            "各项经济指标超出全市平均水平。"
        )
    )
    assert list(found) == ["地区生产总值", "各项约束性指标"]
    assert found["各项约束性指标"]["pending"] is True
    assert found["各项约束性指标"]["quote"] == "各项约束性指标达到上级规定要求"


# ---------------------------------------------------------------- 6. names


def test_a_districts_name_before_its_resolve_is_no_part_of_the_indicators() -> None:
    """镇江高新区将力争GDP增长6.5%以上 was named 镇江高新区将力争GDP (a place of five
    characters before 将; four were read as the actor before)."""
    heads = _heads("2025年，某某高新区将力争GDP增长6.5%以上，规上工业增加值增长10%。", 2025)
    assert (heads[0]["id"], heads[0]["name"], heads[0]["min"]) == ("gdp", "GDP", Decimal("6.5"))


def test_a_first_class_level_is_the_aims_words_not_the_subjects() -> None:
    """生态环境质量继续保持全国一流水平 was named 生态环境质量继续保持全国."""
    found = _by_name(
        _heads("今年主要预期目标是：地区生产总值增长6%，生态环境质量继续保持全国一流水平。")
    )
    quality = found["生态环境质量"]
    assert (quality["kind"], quality["quote"]) == ("indicator", "生态环境质量继续保持全国一流水平")
