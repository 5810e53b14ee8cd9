"""User audit A2 of session 26 (北京, 上海, 贵州 2026), the two defects left open (docs/extract.md,
"Session 27: targets stated in words, names that say what is counted").

D10: quantified work targets the drafts lacked — 贵州's 完成国家下达粮食播种面积和产量目标任务 (two
national allocations), 实现…涉农乡镇服务全覆盖 (100 %), 北京's 保持千亿级投资规模 (≥ 1000 亿元)
and 轨道交通22号线红庙至平谷段基本具备开通条件 (a milestone). D8: names that did not say what is
counted — 区级覆盖率, a later list item without 立项培育, 立体绿化 without 新建, 在小区设置智能
回收机 (3000 个 小区, not machines).
"""

from __future__ import annotations

from typing import Any

from tests.extract_reports import HEADLINE, work_targets

from plancli.extract import extract_plan
from plancli.model import Plan

SHORT_NAME = "the name may not say what is counted"


def _shape(target: dict[str, Any]) -> tuple[Any, ...]:
    return (target["name"], target["kind"], target["unit"], target.get("min"))


# --------------------------------------------------------------------------- D10


GUIZHOU_GRAIN = (
    "毫不放松抓好粮食生产，深入实施粮食产能提升行动，粮食单产增长2%左右，"
    "完成国家下达粮食播种面积和产量目标任务。"
)


def test_national_allocations_in_the_work_are_pending_targets() -> None:
    """贵州: the grain sown area and the grain output the state allots, each a pending level
    with its shared id, as the headline reader drafts 完成国家下达…; the yield's growth kept."""
    targets = work_targets(GUIZHOU_GRAIN)
    pending = [t for t in targets if t.get("pending")]
    assert [(t["id"], t["name"], t["kind"], t["unit"]) for t in pending] == [
        ("grain_area", "粮食播种面积", "level", "万亩"),
        ("grain_output", "粮食产量", "level", "万吨"),
    ]
    assert all(t["quote"] == "完成国家下达粮食播种面积和产量目标任务" for t in pending)
    assert all("min" not in t and "max" not in t for t in pending)
    assert [t["name"] for t in targets if not t.get("pending")] == ["粮食单产增长"]


def test_an_indicator_named_first_then_the_allocation_is_pending_too() -> None:
    """广东: 确保地表水水质优良率完成国家下达任务 (a rate without a shared id: a pending level);
    贵州: 单位地区生产总值二氧化碳排放下降完成国家下达目标 (a pending fall)."""
    targets = work_targets(
        "巩固国考断面治理成效，确保地表水水质优良率完成国家下达任务。",
        "推动能耗“双控”向碳排放“双控”转变，单位地区生产总值二氧化碳排放下降完成国家下达目标。",
    )
    assert [(t["name"], t["kind"], t.get("pending")) for t in targets] == [
        ("地表水水质优良率", "level", True),
        ("单位地区生产总值二氧化碳排放", "growth", True),  # (no 下降: decline = true, verify C)
    ]
    assert targets[1]["decline"] is True


def test_the_headlines_pending_target_said_again_in_the_work_is_drafted_once() -> None:
    headline = HEADLINE.replace("。", "，单位地区生产总值二氧化碳排放下降完成国家下达目标。")
    report = (
        "某省2026年政府工作报告\n二、2026年工作安排\n"
        f"{headline}\n（一）推动绿色转型。单位地区生产总值二氧化碳排放下降完成国家下达目标。\n"
    )
    targets = extract_plan(report, year=2026).plan["targets"]
    assert [t["section"] for t in targets if t.get("pending")] == ["headline"]


def test_full_coverage_is_a_coverage_of_100_percent() -> None:
    """贵州 十件民生实事 (6): 实现…涉农乡镇服务全覆盖 — a level of 100 %; not 基本实现, nor an
    effort towards it (推动…全覆盖), nor a figure's clause (实现882个…全覆盖)."""
    targets = work_targets(
        "强化科技人才支撑，选派1200名以上科技特派员到基层开展科技服务，"
        "实现农业特色优势产业科技特派员涉农乡镇服务全覆盖。",
        "基本实现重点领域“信用+风险”分级分类监管全覆盖。",
        "推动市级未成年人救助保护机构全覆盖。",
        "健全覆盖城乡的养老服务网络。",
    )
    assert [_shape(t) for t in targets] == [
        ("选派科技特派员到基层开展科技服务", "cumulative", "名", 1200),
        ("农业特色优势产业科技特派员涉农乡镇服务覆盖率", "level", "%", 100),
    ]
    assert targets[1]["quote"] == "实现农业特色优势产业科技特派员涉农乡镇服务全覆盖"
    assert "review" not in targets[1]


def test_full_coverage_named_by_its_places_takes_what_the_clause_before_counts() -> None:
    """浙江: 举办…服务活动1000场，实现市县全覆盖 — the activities' coverage; with no count
    before it, the coverage of what the name does not say: flagged."""
    targets = work_targets(
        "举办名中医惠老医养健体服务活动1000场，实现市县全覆盖。",
        "完善基层服务网络，实现市县全覆盖。",
    )
    assert [(t["name"], t["min"]) for t in targets] == [
        ("举办名中医惠老医养健体服务活动", 1000),
        ("名中医惠老医养健体服务活动市县覆盖率", 100),
        ("市县覆盖率", 100),
    ]
    assert "review" not in targets[1]
    assert SHORT_NAME in targets[2]["review"]


def test_a_grade_of_investment_is_at_least_so_much() -> None:
    """北京: 实施北京城市副中心条例，保持千亿级投资规模 — the 副中心's investment, at least
    1000 亿元 in the year, named from the law it enacts and flagged to check."""
    targets = work_targets(
        "实施北京城市副中心条例，保持千亿级投资规模，推动轨道交通M102线规划建设。"
    )
    assert [_shape(t) for t in targets] == [
        ("北京城市副中心投资规模", "cumulative", "亿元", 1000),
    ]
    assert targets[0]["quote"] == "实施北京城市副中心条例，保持千亿级投资规模"
    assert "千亿级 read as at least 1000 亿元" in targets[0]["review"]


def test_a_grade_of_a_things_size_is_no_amount() -> None:
    """陕西, 山东: 千亿级 before 产业 or a count's projects is a kind of thing, not a bound."""
    targets = work_targets(
        "2个千亿级、11个百亿级投资规模的现代煤化工项目落地建设。",
        "壮大人工智能、生物医药等4个千亿级新兴潜力产业。",
    )
    assert all(t["unit"] != "亿元" for t in targets)


def test_ready_to_open_is_a_milestone() -> None:
    """北京: 轨道交通22号线红庙至平谷段基本具备开通条件 — an end state the year reaches."""
    targets = work_targets("促进通勤圈一体发展，轨道交通22号线红庙至平谷段基本具备开通条件。")
    assert [(t["name"], t["kind"], t.get("due")) for t in targets] == [
        ("轨道交通22号线红庙至平谷段基本具备开通条件", "milestone", "2026")
    ]


def test_the_new_targets_validate() -> None:
    report_targets = work_targets(
        GUIZHOU_GRAIN, "实现农业特色优势产业科技特派员涉农乡镇服务全覆盖。"
    )
    plan = extract_plan(
        "某省2026年政府工作报告\n二、2026年工作安排\n"
        f"{HEADLINE}\n（一）抓好粮食生产。{GUIZHOU_GRAIN}\n",
        year=2026,
    ).plan
    assert len(report_targets) == 4
    Plan.model_validate(plan)


# --------------------------------------------------------------------------- D8


def test_a_coverage_named_by_its_places_takes_the_things_the_item_before_counts() -> None:
    """北京: 新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上 — the groups' coverage."""
    targets = work_targets(
        "规范畅通医联体内双向转诊，新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上。"
    )
    assert [_shape(t) for t in targets] == [
        ("新建紧密型城市医疗集团", "cumulative", "个", 5),
        ("紧密型城市医疗集团区级覆盖率", "level", "%", 80),
    ]
    assert "review" not in targets[1]


def test_a_later_item_takes_liangxiang_peiyu() -> None:
    """贵州: 立项培育10所左右…院校、8个左右…共同体 — both 立项培育."""
    targets = work_targets(
        "立项培育10所左右省级“双高建设计划”院校、8个左右省级市域产教联合体和行业产教融合共同体。"
    )
    assert [t["name"] for t in targets] == [
        "立项培育省级“双高建设计划”院校",
        "立项培育省级市域产教联合体和行业产教融合共同体",
    ]


def test_greening_of_a_kind_takes_the_lists_verb() -> None:
    """上海: 新建绿道100公里、绿地500公顷、立体绿化10万平方米 — 10 万 m² of new 立体绿化."""
    targets = work_targets("新建绿道100公里、绿地500公顷、立体绿化10万平方米。")
    assert [t["name"] for t in targets] == ["新建绿道", "新建绿地", "新建立体绿化"]


def test_a_count_of_the_places_work_is_done_in_names_the_places() -> None:
    """北京: 在3000个小区设置智能回收机 counts 小区 (贵州: 在30个县建设运营…中心, 30 县)."""
    targets = work_targets(
        "在3000个小区设置智能回收机，为800个老旧小区引入物业服务。",
        "在30个县建设运营现代农事综合服务中心。",
        "在14个市州城区和兰州新区增补义务教育学位2万个。",
    )
    assert [(t["name"], t["min"]) for t in targets[:1] + targets[2:]] == [
        ("设置智能回收机的小区", 3000),
        ("建设运营现代农事综合服务中心的县", 30),
        ("在14个市州城区和兰州新区增补义务教育学位", 2),
    ]
