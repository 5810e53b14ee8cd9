"""What the lead perturbations taught (docs/extract.md, "Lead perturbations").

Every blind set's misses come mostly from one cause: a page whose list opens with a wording no
rule knows, so that the list is missed whole, taken as work, or another paragraph is taken for
it. benchmarks/perturb.py replaces the lead of each blind text with other wordings and measures
what is still found; the cases here are the general faults it showed, written for the test.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from extract_drafts import heads, page
from plancli.extract import extract_plan

REPO = Path(__file__).resolve().parents[1]

# A page of the 2024 report that reviews 2023 with the genre's own lead words (主要目标…：) and
# states 2024's targets after the plan year alone.
REVIEWED = (
    "2023年经济社会发展主要目标任务圆满完成，诸如：国内生产总值增长5.2%；城镇新增就业1244万人；"
    "居民消费价格上涨0.2%。\n2024年，国内生产总值增长5%左右；城镇新增就业1200万人以上；"
    "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。"
)


def test_a_lead_of_another_year_is_no_lead() -> None:
    """主要目标任务圆满完成，诸如：… of 2023 on the 2024 page: last year's results, never the
    year's targets (before: both lists, last year's first)."""
    assert [t["quote"] for t in heads(page(REVIEWED, 2024), 2024)] == [
        "国内生产总值增长5%左右",
        "城镇新增就业1200万人以上",
        "城镇调查失业率5.5%左右",
        "居民消费价格涨幅3%左右",
    ]


def test_a_lead_done_is_no_lead() -> None:
    """…主要目标全面完成，具体如下：… names no year but says the targets are done."""
    done = "经济社会发展主要目标全面完成"
    text = REVIEWED.replace("2023年经济社会发展主要目标任务圆满完成", done)
    quotes = [t["quote"] for t in heads(page(text, 2024), 2024)]
    assert "国内生产总值增长5.2%" not in quotes
    assert quotes[0] == "国内生产总值增长5%左右"


def test_the_plan_year_in_the_lead_clause_keeps_it() -> None:
    """A lead whose clause names the plan year, after a clause of another: still the lead."""
    text = "回顾2023年，成绩来之不易。2024年主要目标是：地区生产总值增长6%，固定资产投资增长8%。"
    quotes = [t["quote"] for t in heads(page(text, 2024), 2024)]
    assert quotes == ["地区生产总值增长6%", "固定资产投资增长8%"]


def test_a_copy_from_its_first_words_takes_the_plan_year_not_the_reviews() -> None:
    """A copy that starts at 各位代表 (the seed report without its title, a perturbation of
    benchmarks/perturb.py): its first heading, 一、2021年…计划执行情况, is the review's, and the
    plan year is 2022 (before: 2021, the plan drafted as the year before's)."""
    text = (
        "各位代表：\n受区人民政府委托，现将2021年计划执行情况与2022年计划草案提请审议。\n"
        "一、2021年国民经济和社会发展计划执行情况\n2021年，全区地区生产总值增长0.3%。\n"
        "二、2022年国民经济和社会发展计划草案\n"
        "2022年经济和社会发展主要预期目标建议为：地区生产总值增长7%以上，"
        "地方一般公共预算收入增长2%。\n"
    )
    draft = extract_plan(text)
    assert draft.plan["plan"]["year"] == 2022
    assert [t["quote"] for t in draft.plan["targets"] if t["section"] == "headline"] == [
        "地区生产总值增长7%以上",
        "地方一般公共预算收入增长2%",
    ]


# A list no known lead opens (新的一年，我们的任务是：), then the GDP target again in a sentence
# of its own, with its reasons.
NEW_YEAR = (
    "做好今年工作任务艰巨，意义重大。新的一年，我们的任务是：生产总值增长9.5%左右，"
    "地方财政收入增长12%左右，固定资产投资增长17%左右，城镇登记失业率控制在4%以内。\n"
    "今年经济增长目标确定为9.5%左右，主要考虑是，既不追求过高的增长速度，也不抑制合理的经济增长。"
)


def test_a_list_of_the_new_year_over_the_gdp_sentence_after_it() -> None:
    """新的一年 is this year, and a paragraph of one figure gives way to the list of four
    (before: only 今年经济增长目标确定为9.5%左右)."""
    found = heads(page(NEW_YEAR, 2013), 2013)
    assert [t["id"] for t in found] == [
        "gdp",
        "budget_revenue",
        "fixed_asset_investment",
        "unemployment_rate",
    ]
    assert found[-1]["quote"] == "城镇登记失业率控制在4%以内"


# A news page whose title states one target and whose list dropped its lead and its year.
TITLED = (
    "某省政府工作报告丨2024年某省地区生产总值预期增长6%左右\n2024年01月22日14:31 | 来源：某网\n"
    "1月22日，某省第十四届人民代表大会第二次会议开幕。省长代表省人民政府向大会报告工作。\n"
    "地区生产总值增长6%左右；城镇新增就业85万人，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；"
    "粮食产量保持在715亿斤以上。\n（责任编辑：某某）\n"
)


def test_a_title_of_one_figure_gives_way_to_a_list_without_lead_or_year() -> None:
    """The title's one figure gives way to the qualified list below, drafted for review (before:
    the title as the headline, two of the list as work)."""
    draft = extract_plan(TITLED, year=2024)
    found = [t for t in draft.plan["targets"] if t["section"] == "headline"]
    assert [t["quote"] for t in found] == [
        "地区生产总值增长6%左右",
        "城镇新增就业85万人",
        "城镇调查失业率5.5%左右",
        "居民消费价格涨幅3%左右",
        "粮食产量保持在715亿斤以上",
    ]
    assert all(t.get("review") for t in found)


def test_the_benchmarks_lead_rewording(monkeypatch: pytest.MonkeyPatch) -> None:
    """benchmarks/blind.py --leads: the words from the sentence's start to the list's first
    quote are replaced; a title repeating a target, far before the list, is passed over."""
    spec = importlib.util.spec_from_file_location("blind", REPO / "benchmarks" / "blind.py")
    assert spec is not None and spec.loader is not None
    blind = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "blind", blind)  # its dataclasses look their module up
    spec.loader.exec_module(blind)
    title = "今年地区生产总值增长6%左右\n" + "报告回顾了过去一年的工作。" * 200 + "\n"
    text = title + "会上，今年的主要预期目标是：地区生产总值增长6%左右，财政收入增长5%。\n"
    quotes = ["地区生产总值增长6%左右", "财政收入增长5%"]
    reworded = blind.reword_lead(text, quotes, "会议要求，2024年全市要实现：")
    listed = "地区生产总值增长6%左右，财政收入增长5%。\n"
    assert reworded == title + "会议要求，2024年全市要实现：" + listed


def test_a_long_task_handed_down_ends_a_list_a_lead_gave_way_to() -> None:
    """全面完成国家、省下达的年度节能减排降碳约束性指标和环境质量改善目标 (36 characters) is the
    list's last target when a lead over no figure gives way to the list (before: the run ended
    before it, as a clause of work in prose)."""
    listed = (
        "全市生产总值增长6%以上，一般公共预算收入增长5.5%左右，固定资产投资增长6.5%左右，"
        "全面完成国家、省下达的年度节能减排降碳约束性指标和环境质量改善目标。"
    )
    text = (
        "报告提出了今年的主要预期目标：稳字当头、稳中求进。\n做好今年政府工作，要凝心聚力，"
        "攻坚克难，努力实现经济平稳健康发展和社会和谐稳定。2022年，" + listed
    )
    found = heads(page(text, 2022), 2022)
    assert [t["id"] for t in found][:3] == ["gdp", "budget_revenue", "fixed_asset_investment"]
    assert len(found) == 7 and all(t.get("pending") for t in found[3:])
