"""What a blind gold of work targets taught (docs/extract.md, "Work targets of unseen
reports", session 14).

The work targets of two 2026 provincial reports, 辽宁 and 福建, were encoded by hand by a
helper who never saw the extractor or its output; then the extractor was run once. Quantified
work targets: 71 % recall, 42 % precision. 福建's parts are titled in figures of speech (一年接着
一年干，… / 一张蓝图绘到底，… / 一鼓作气勇争先，全力推动“十五五”开好局), so its review was read as
this year's work and its work as the five-year plan. Each general fault is tested here on the
reports' own clauses.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plancli.extract import extract_plan

HEADLINE = (
    "今年经济社会发展的主要预期目标是：全省地区生产总值增长4.5%左右，在实际工作中努力争取更好"
    "结果，一般公共预算收入增长2.5%左右，城镇新增就业45万人以上，城镇调查失业率5.5%左右。"
)


def _work(body: str) -> list[dict[str, Any]]:
    draft = extract_plan(body, year=2026)
    return [t for t in draft.plan["targets"] if t["section"] not in ("headline", "investment")]


# 福建 2026's outline, each part's first sentence and one figure of its own.
FUJIAN = f"""福建省2026年政府工作报告
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、一年接着一年干，新福建建设持续取得新进展新成效
2025年是“十四五”收官之年。一年来，我们坚持稳中求进工作总基调。
（一）着力推进向新向优发展，产业转型升级步伐加快。新增9家国家卓越级智能工厂、38家国家级5G工厂。
二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章
“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。
《纲要（草案）》提出，到2030年新建改造城市地下管网5000公里。
三、一鼓作气勇争先，全力推动“十五五”开好局、起好步
2026年是“十五五”开局之年。{HEADLINE}
（一）壮大实体经济，推动高质量发展。滚动实施1500个以上省重点技改项目，新引进落地总投资超10亿元项目50个以上。
（二）提升城市品质。新建改造地下管网1250公里以上，更新住宅老旧电梯5000部。
"""


def test_parts_titled_in_figures_of_speech_are_read_by_their_first_sentence() -> None:
    """2025年是… is the review, “十五五”时期是… the five years, 2026年是“十五五”开局之年 this
    year's work, whatever the titles say (before: the review's 9家 and 38家 factories were drafted
    as this year's work, and this year's work as the five-year plan)."""
    quotes = [t["quote"] for t in _work(FUJIAN)]
    assert not any("智能工厂" in q or "5G工厂" in q or "5000公里" in q for q in quotes)
    assert "新建改造地下管网1250公里以上" in quotes


def test_counts_before_their_noun_rolling_programmes_and_sizes() -> None:
    """滚动实施1500个以上省重点技改项目 is 1500 projects, a rolling programme (before: passed over
    as a size); 总投资超10亿元项目50个以上 is 50 projects, 10亿元 their size (before: two
    targets); 更新…电梯5000部 counts lifts (部 was no unit)."""
    by_quote = {t["quote"]: t for t in _work(FUJIAN)}
    rolling = by_quote["滚动实施1500个以上省重点技改项目"]
    assert (rolling["kind"], rolling["min"], rolling["unit"]) == ("ongoing", Decimal(1500), "个")
    projects = [t for q, t in by_quote.items() if "总投资超10亿元" in q]
    assert [(t["min"], t["unit"]) for t in projects] == [(Decimal(50), "个")]
    assert by_quote["更新住宅老旧电梯5000部"]["min"] == Decimal(5000)


# 辽宁 2026: clauses of its work sections.
LIAONING = f"""辽宁省2026年政府工作报告
二、“十五五”时期目标任务和2026年工作安排
《纲要（草案）》安排了18个领域的重点任务。
{HEADLINE}
确定4.5%左右的增长目标，兼顾了需要与可能。
（一）统筹促消费和扩投资。组织产业链供需对接活动100场以上，离境退税店达到1000家。
（二）建设科技强省。开放共享科研设施和科研仪器1万台（套）以上，优质本科高校扩招1500人。
（三）发展海洋经济。海洋药物和生物制品、海洋电力、海洋旅游增速保持在10%以上。
"""


def test_work_clauses_the_gold_found_missed() -> None:
    """组织…100场, 扩招1500人, 开放共享…1万台（套）以上 (a unit in brackets after the unit),
    and the stock 离境退税店达到1000家 a level, not a number added."""
    by_quote = {t["quote"]: t for t in _work(LIAONING)}
    assert by_quote["组织产业链供需对接活动100场以上"]["min"] == Decimal(100)
    assert by_quote["优质本科高校扩招1500人"]["min"] == Decimal(1500)
    instruments = by_quote["开放共享科研设施和科研仪器1万台（套）以上"]
    assert (instruments["min"], instruments["unit"]) == (Decimal(1), "万台")
    stores = by_quote["离境退税店达到1000家"]
    assert (stores["kind"], stores["min"]) == ("level", Decimal(1000))


def test_one_growth_rate_of_several_series_is_each_ones() -> None:
    """海洋药物和生物制品、海洋电力、海洋旅游增速保持在10%以上: three growth targets of 10 %
    (before: none, 增速 was not read as a rate)."""
    rates = [t for t in _work(LIAONING) if t.get("min") == Decimal(10) and t["kind"] == "growth"]
    assert [t["name"] for t in rates] == ["海洋药物和生物制品增速", "海洋电力增速", "海洋旅游增速"]


def test_the_outline_and_the_headline_spoken_of_are_no_work_targets() -> None:
    """《纲要（草案）》安排了18个领域的重点任务 (the five-year outline's content) and 确定4.5%
    左右的增长目标 (the headline's figure explained) are no promises of this year's work."""
    quotes = [t["quote"] for t in _work(LIAONING)]
    assert not any("纲要" in q or "18个领域" in q or "增长目标" in q for q in quotes)


def test_more_of_something_and_bottlenecks_are_no_milestones() -> None:
    """推动创建更多5A级旅游景区、国家级旅游度假区、休闲街区 and 着力打通制约经济循环的堵点卡点
    (福建) have no end a report defines (before: four milestones, three of them list
    fragments), while 推动福州长乐国际机场二期通航 is one."""
    body = FUJIAN + (
        "（三）扩大有效需求。推动创建更多5A级旅游景区、国家级旅游度假区、休闲街区，"
        "着力打通制约经济循环的堵点卡点，推动福州长乐国际机场二期通航。\n"
    )
    milestones = [t["name"] for t in _work(body) if t["kind"] == "milestone"]
    assert not any(
        word in name for name in milestones for word in ("景区", "度假区", "街区", "堵点")
    )
    assert any("长乐国际机场二期" in name for name in milestones)


def test_a_count_of_projects_to_see_through() -> None:
    """抓好550个省重大项目 (江苏 2026): 抓好 delivers as 实施 does (before: passed over)."""
    body = FUJIAN + "（三）扩大有效投资。抓好550个省重大项目，完成年度投资计划。\n"
    projects = [t for t in _work(body) if t["quote"] == "抓好550个省重大项目"]
    assert [(t["kind"], t["min"]) for t in projects] == [("cumulative", Decimal(550))]
