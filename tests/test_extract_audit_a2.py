"""User audit A2 of session 26 (北京, 上海, 贵州 2026): work targets drafted from the reports'
own sentences (docs/extract.md, "Session 26: user audit A2").

D1 贵州's 粮食单产增长2%左右 was a growth of an amount in 亿元; D2 完成造林不低于20万亩 a level
named 完成造林不低于; D3 …等14条高速公路项目和黄百等4个在建铁路项目加快建设 one target of 4 named
with both lists; D4 北京's 累计达8000处 a level whose review asked for `opening`, which
validate refuses on a level.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError
from tests.extract_reports import drafted, work_targets

from plancli.extract import extract_plan
from plancli.model import Plan


def _by_quote(*sentences: str) -> dict[str, dict[str, Any]]:
    return {t["quote"]: t for t in work_targets(*sentences)}


def _shape(target: dict[str, Any]) -> tuple[Any, ...]:
    return (target["name"], target["kind"], target["unit"], target.get("min"))


# --------------------------------------------------------------------------- D1


def test_a_growth_of_a_yield_is_not_an_amount_in_yi_yuan() -> None:
    """贵州: 粮食单产增长2%左右 — the yield's amount is in 公斤/亩; a count's in 家/个; an amount
    of money still 亿元; a name saying no amount has none, flagged."""
    targets = _by_quote(
        "粮食单产增长2%左右。",
        "科技型中小企业数量增长10%。",
        "净外送电量增长5%。",
        "民间投资增长6%以上。",
        "高新技术增长8%。",
    )
    units = {quote: t["unit"] for quote, t in targets.items()}
    assert units == {
        "粮食单产增长2%左右": "公斤/亩",
        "科技型中小企业数量增长10%": "家",
        "净外送电量增长5%": "亿千瓦时",
        "民间投资增长6%以上": "亿元",
        "高新技术增长8%": "",
    }
    assert all(t["kind"] == "growth" for t in targets.values())
    assert "has no unit in the text" in targets["高新技术增长8%"]["review"]
    assert "review" not in targets["粮食单产增长2%左右"]


# --------------------------------------------------------------------------- D2


def test_a_floor_word_is_a_bound_not_a_level_nor_a_name() -> None:
    """北京: 完成造林不低于20万亩 is the year's 20 万亩 (cumulative, min 20) as 提供10万个… is;
    the floor word stays out of every name, and a stock stays a level."""
    targets = _by_quote(
        "完成造林不低于20万亩，提供不少于10万个高校毕业生就业岗位，新增停车位不少于3万个。",
        "面向民间资本推介重大项目总投资不低于2000亿元。",
        "确保耕地保有量不少于5028.04万亩、永久基本农田保护面积不少于4200万亩。",
    )
    shapes = {quote: _shape(t) for quote, t in targets.items()}
    assert shapes["完成造林不低于20万亩"] == ("完成造林", "cumulative", "万亩", 20)
    assert shapes["提供不少于10万个高校毕业生就业岗位"] == (
        "提供高校毕业生就业岗位",
        "cumulative",
        "万个",
        10,
    )
    assert shapes["新增停车位不少于3万个"] == ("新增停车位", "cumulative", "万个", 3)
    assert shapes["面向民间资本推介重大项目总投资不低于2000亿元"] == (
        "面向民间资本推介重大项目总投资",
        "cumulative",
        "亿元",
        2000,
    )
    assert shapes["确保耕地保有量不少于5028.04万亩"] == (
        "耕地保有量",
        "level",
        "万亩",
        Decimal("5028.04"),
    )
    assert shapes["永久基本农田保护面积不少于4200万亩"] == (
        "永久基本农田保护面积",
        "level",
        "万亩",
        4200,
    )


# --------------------------------------------------------------------------- D3

GUIZHOU_ROADS = "推动贵阳环高扩容工程等14条高速公路项目和黄百等4个在建铁路项目加快建设。"


def test_two_counts_paired_by_he_each_with_examples_are_two_targets() -> None:
    """贵州: the 14 highway projects and the 4 railway projects, each its own ongoing target
    named with its own examples and the work both share."""
    targets = work_targets(GUIZHOU_ROADS)
    assert [_shape(t) for t in targets] == [
        ("贵阳环高扩容工程等高速公路项目加快建设", "ongoing", "条", 14),
        ("黄百等在建铁路项目加快建设", "ongoing", "个", 4),
    ]


# --------------------------------------------------------------------------- D4

BEIJING_SIGNALS = "新增1000处信号灯联网、累计达8000处。"


def test_a_running_total_is_a_cumulative_its_review_asking_opening() -> None:
    """北京: 累计达8000处 is drafted a cumulative (min 8000), and following its review —
    setting `opening` — leaves a plan that validates."""
    plan = drafted(BEIJING_SIGNALS)
    total = next(t for t in plan["targets"] if t["quote"] == "累计达8000处")
    assert (total["kind"], total["unit"], total["min"]) == ("cumulative", "处", 8000)
    assert "set `opening` to the stock at the start of the year" in total["review"]
    Plan.model_validate(plan)
    reviewed = copy.deepcopy(plan)
    for target in reviewed["targets"]:
        target.pop("review", None)
        if target["quote"] == "累计达8000处":
            target["opening"] = 7000
    Plan.model_validate(reviewed)


# --------------------------------------------------------------------------- D5


def test_a_later_item_takes_the_whole_list_verb() -> None:
    """贵州: 新建改扩建及维修改造 governs the 500 schools and the 40 high schools too."""
    targets = work_targets(
        "新建改扩建及维修改造公办幼儿园200所以上、义务教育学校500所以上、普通高中40所以上。"
    )
    assert [_shape(t) for t in targets] == [
        ("新建改扩建及维修改造公办幼儿园", "cumulative", "所", 200),
        ("新建改扩建及维修改造义务教育学校", "cumulative", "所", 500),
        ("新建改扩建及维修改造普通高中", "cumulative", "所", 40),
    ]


# --------------------------------------------------------------------------- D9


def test_names_keep_neither_the_verb_a_level_is_raised_with_nor_the_old_level() -> None:
    """北京/贵州/广东: 提升至, 提高到, 下降至 and 从77%提高到 are in the bounds and the quote."""
    targets = _by_quote(
        "公交与轨道50米内换乘比例提升至93%，普惠托位占比提高到68%。",
        "社会物流总费用与地区生产总值的比率下降至13.8%。",
        "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上。",
    )
    shapes = {quote: (t["name"], t.get("min"), t.get("max")) for quote, t in targets.items()}
    assert shapes == {
        "公交与轨道50米内换乘比例提升至93%": ("公交与轨道50米内换乘比例", 93, None),
        "普惠托位占比提高到68%": ("普惠托位占比", 68, None),
        "社会物流总费用与地区生产总值的比率下降至13.8%": (
            "社会物流总费用与地区生产总值的比率",
            None,
            Decimal("13.8"),
        ),
        "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上": (
            "农村低保标准占城镇低保标准的最低比例",
            80,
            None,
        ),
    }


# --------------------------------------------------------------------------- D11


def test_slogans_and_ongoing_work_are_no_milestones_due_this_year() -> None:
    """北京/贵州: a standing function, a state kept improving, a shift and what 推进 works
    towards are not done by year end; a facility's opening still is."""
    milestones = [
        t["name"]
        for t in work_targets(
            "服务保障中央政务功能布局持续优化。",
            "做优做强现代服务业，服务保障国家金融管理中心功能。",
            "推进北护城河至北运河全线通航。",
            "招引项目和企业加快落地。",
            "推动创建文明城市向建设城市文明转变。",
            "推动昌平线南延一期建成通车。",
        )
        if t["kind"] == "milestone"
    ]
    assert milestones == ["昌平线南延一期建成通车"]


# --------------------------------------------------------------------------- D6, D7


def test_a_list_of_nouns_before_one_figure_is_one_name() -> None:
    """贵州: the 100 万人次 of care cover 留守儿童 too, and the name keeps the verb 开展."""
    targets = work_targets("开展留守儿童、流动儿童和困境儿童关爱服务100万人次。")
    assert [_shape(t) for t in targets] == [
        ("开展留守儿童、流动儿童和困境儿童关爱服务", "cumulative", "万人次", 100)
    ]
    assert targets[0]["quote"] == "开展留守儿童、流动儿童和困境儿童关爱服务100万人次"


def test_subjects_paired_by_fenbie_take_the_work_the_last_one_says() -> None:
    """贵州: 整合 is what 25 % of the 省级政务信息系统 is, not the systems themselves."""
    targets = work_targets(
        "省级政务信息系统、自建非涉密业务专网、政务移动应用整合分别完成25%、50%、20%。"
    )
    assert [(t["name"], t["min"]) for t in targets] == [
        ("省级政务信息系统整合", 25),
        ("自建非涉密业务专网整合", 50),
        ("政务移动应用整合", 20),
    ]


# --------------------------------------------------------------------------- D13


def test_pending_indicators_listed_before_deng_zhibiao_keep_zhibiao() -> None:
    """北京: 能源、水资源、碳排放等指标达到国家要求 — 能源指标, 水资源指标, 碳排放指标 (as the
    bundled plan names them), not 能源, 水资源, 碳排放."""
    report = (
        "某市2026年政府工作报告\n二、2026年工作安排\n今年经济社会发展主要预期目标是：地区生产总值"
        "增长5%左右，能源、水资源、碳排放等指标达到国家要求。\n"
    )
    plan = extract_plan(report, year=2026).plan
    named = {t["id"]: t["name"] for t in plan["targets"] if t.get("pending")}
    assert named == {
        "energy_intensity": "能源指标",
        "water_intensity": "水资源指标",
        "co2_intensity": "碳排放指标",
    }


def test_opening_on_a_level_says_how_to_fix_it() -> None:
    """北京 w6_t15 as the audit's user left it (a level with `opening`): the error says to make
    it cumulative or remove it, not only that `opening` is refused."""
    plan = drafted(BEIJING_SIGNALS)
    for target in plan["targets"]:
        if target["quote"] == "累计达8000处":
            target["kind"], target["opening"] = "level", 7000
    with pytest.raises(
        ValidationError, match='is only for cumulative: set kind = "cumulative" or remove it'
    ):
        Plan.model_validate(plan)
