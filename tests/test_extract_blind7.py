"""What the seventh round taught (docs/extract.md, "Round 7 (learning from set G)").

Set G, measured once and on record (86 % recall; simplified 82 %, traditional 92 %), was
studied after its measurement. Each test is a short text written for it, in words of its own
(not set G's), that the extractor read wrongly before the fix.
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, ids, lead, page
from plancli.extract import extract_plan

# ------------------------------------------------------------------ a town's amounts


def test_a_towns_amounts_in_yuan_and_wan_yuan_with_their_growth_without_a_lead() -> None:
    """A township's year: 财政收入860万元 and 人均纯收入5200元 are amounts of the year (the
    page has no lead, last year's results come first in the same paragraph)."""
    text = page(
        "会议回顾，该乡去年完成财政收入700万元，比上年增长10%。今年，该乡将突出产业发展，"
        "全年实现农业总产值2.5亿元，增长9%，农民人均纯收入达到5200元，增长11%，"
        "全年完成财政收入860万元，增长12%。",
        2011,
    )
    targets = heads(text, 2011)
    assert [(t["kind"], t["min"]) for t in targets] == [
        ("cumulative", Decimal("2.5")),
        ("growth", Decimal("9")),
        ("cumulative", Decimal("5200")),
        ("growth", Decimal("11")),
        ("cumulative", Decimal("860")),
        ("growth", Decimal("12")),
    ]
    assert targets[4]["unit"] == "万元"


def test_a_size_class_in_money_before_a_count_is_not_the_amount() -> None:
    """新增3000万元企业2家: 2 firms (3000万元 says which firms), not 3000."""
    targets = heads(lead("地区生产总值增长7%；新增亿元企业3家、3000万元企业2家。"))
    assert [t["min"] for t in targets] == [Decimal("7"), Decimal("3"), Decimal("2")]


def test_a_leadless_growth_target_ends_where_the_sentence_turns_to_work_in_prose() -> None:
    """2024年，全市地区生产总值预期增长6%，<work in prose>…，实施重点项目150个，投资300亿元:
    the GDP target alone; the project counts after the prose are work, not headline targets."""
    text = page(
        "2024年，全市地区生产总值预期增长6%，全市将持续深化营商环境改革，全面融入都市圈建设，"
        "在科技创新方面大胆探索；扎实推进城市更新，谋划一批重大项目，实施重点项目150个，"
        "投资300亿元；力争规上工业企业达900家。"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp"]
    assert targets[0]["min"] == Decimal("6")


def test_a_count_of_firms_between_amounts_does_not_end_a_leadless_run() -> None:
    """…增长9%；新增亿元企业2家；出口交货值3.2亿元: the clause of counts (a figure, not prose)
    keeps the run going to the export amount."""
    text = page(
        "今年，全镇将以项目建设为抓手，争取实现工业总产值30亿元，增长9%；新增亿元企业2家；"
        "出口交货值3.2亿元；农民人均纯收入增长9%以上。",
        2012,
    )
    targets = heads(text, 2012)
    assert Decimal("3.2") in [t.get("min") for t in targets]
    assert targets[-1]["min"] == Decimal("9")


# ------------------------------------------------------------------ clause forms


def test_a_garbled_copys_comma_doubling_a_pause_mark_inside_a_list_of_figures() -> None:
    """城镇、农村居民人均可支配收入分别增长6%,、7.5%,, (a converter's doubled punctuation):
    two targets, 6 and 7.5."""
    targets = heads(
        lead("地区生产总值增长6%,,城镇、农村居民人均可支配收入分别增长6%,、7.5%,,粮食产量稳定。")
    )
    assert [t["min"] for t in targets[1:3]] == [Decimal("6"), Decimal("7.5")]
    assert {t["name"] for t in targets[1:3]} == {"城镇居民人均可支配收入", "农村居民人均可支配收入"}


def test_two_falls_given_one_figure_with_jun_are_two_targets() -> None:
    """单位生产总值能耗和二氧化碳排放量均下降3%: two declines of 3, one each."""
    targets = heads(lead("地区生产总值增长6%；单位生产总值能耗和二氧化碳排放量均下降3%。"))
    assert ids(targets) == ["gdp", "energy_intensity", "co2_intensity"]
    assert targets[1]["quote"].endswith("3%")
    for fall in targets[1:]:
        assert fall["decline"] is True
        assert fall["min"] == Decimal("3")


def test_two_shared_indicators_joined_by_he_share_one_growth() -> None:
    """而城镇居民人均可支配收入和农民人均纯收入人均预期增长8% (no 均): two shared indicators,
    one target each; neither name keeps the 而 before it or the 人均 after it."""
    text = page(
        "报告提出，2024年，全县生产总值预期增长7%，"
        "而城镇居民人均可支配收入和农民人均纯收入人均预期增长8%。"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp", "urban_income", "rural_income"]
    assert [t["name"] for t in targets[1:]] == ["城镇居民人均可支配收入", "农民人均纯收入"]
    assert all(t["min"] == Decimal("8") for t in targets[1:])


def test_exceeding_the_cut_in_pollutants_is_a_pending_task() -> None:
    """超额完成主要污染物排放总量的削减目标 (no 下达 said): the cut is the allocation's, pending."""
    targets = heads(lead("地区生产总值增长6%，超额完成主要污染物排放总量的削减目标。"))
    assert len(targets) == 2
    assert targets[1]["pending"] is True
    assert targets[1]["id"] == "emission_reduction"


def test_a_pending_cut_is_not_read_where_the_report_gives_its_figure() -> None:
    """完成能耗下降3%的目标 states its figure: not a pending task (a guard for the rule above)."""
    targets = heads(lead("地区生产总值增长6%，完成单位生产总值能耗下降3%的目标。"))
    assert not any(t.get("pending") for t in targets)


def test_a_large_rise_or_fall_without_a_figure_is_a_trend() -> None:
    """城乡居民收入大幅度提高, 单位产值能耗大幅下降: trends up and down, the adverb no part of
    the name."""
    targets = heads(
        lead("地区生产总值增长6%，农民人均纯收入大幅度提高，单位生产总值能耗大幅下降。")
    )
    assert [(t["kind"], t.get("direction")) for t in targets[1:]] == [
        ("trend", "up"),
        ("trend", "down"),
    ]
    assert [t["name"] for t in targets[1:]] == ["农民人均纯收入", "单位生产总值能耗"]


def test_growth_kept_at_last_years_level_is_a_steady_trend() -> None:
    """财政收入增长保持上年水平: last year's growth again, a steady trend (as 与上年持平)."""
    targets = heads(lead("地区生产总值增长6%，地方财政收入增长保持上年水平，外贸进出口稳定。"))
    revenue = targets[1]
    assert revenue["kind"] == "trend"
    assert revenue["direction"] == "band"
    assert revenue["quote"] == "地方财政收入增长保持上年水平"


def test_the_poor_all_lifted_out_of_poverty_is_a_ceiling_of_zero() -> None:
    """现行标准下剩余贫困人口全部脱贫、贫困村全部出列: none left, each a ceiling of 0."""
    targets = heads(
        lead("地区生产总值增长7%，现行标准下剩余贫困人口全部脱贫、贫困村全部出列。"),
        2020,
    )
    assert len(targets) == 3
    for poor in targets[1:]:
        assert poor["kind"] == "level"
        assert poor["max"] == 0
        assert poor["direction"] == "down"


# ------------------------------------------------------------------ the year a page speaks of


def december_page(body: str) -> str:
    """A page of a December meeting: this year's results, then next year's targets."""
    return (
        "本报讯 12月26日，某市第八届人民代表大会第三次会议开幕，市长作政府工作报告。\n"
        "报告指出，今年全市地区生产总值预计增长6.2%，一般公共预算收入增长5%，"
        "城镇新增就业3.1万人。\n"
        f"{body}\n"
        "（责任编辑：某某）\n"
    )


def test_next_years_figures_without_a_lead_on_a_december_page() -> None:
    """明年全市地区生产总值增长6%…: 明年 is the plan year, and this year's results on the line
    before (今年…增长5%，城镇新增就业3.1万人) are not its targets."""
    text = december_page(
        "明年全市地区生产总值增长6%，固定资产投资增长7%，城乡居民人均可支配收入增长6.5%。"
    )
    targets = heads(text, 2025)
    assert [t["min"] for t in targets] == [Decimal("6"), Decimal("7"), Decimal("6.5")]
    assert targets[0]["name"] == "地区生产总值"  # 全市: the plan's place (session 43)


def test_this_years_estimate_is_no_target_on_a_december_page() -> None:
    """On a page about next year, 今年…预计增长6.2% is a result, even without any lead."""
    text = december_page("明年全市要坚持稳中求进，力争地区生产总值增长6%左右。")
    targets = heads(text, 2025)
    assert [t["min"] if "min" in t else t.get("around") for t in targets] == [Decimal("6")]


def test_this_years_growth_expected_then_striven_for_is_the_target() -> None:
    """报告称，今年全省生产总值预计增长7%，力争更好，…: in a paragraph of this year's targets
    (no lead) 预计 is the target's wording, as 预期 is; the results before it are not."""
    text = page(
        "报告称，去年全省生产总值增长6.8%，一般公共预算收入增长5.5%。"
        "今年全省生产总值预计增长7%，力争更好；一般公共预算收入增长6%；"
        "城镇登记失业率控制在4%以内；城镇居民人均可支配收入增长7%。"
    )
    targets = heads(text)
    assert ids(targets)[0] == "gdp"
    assert targets[0]["min"] == Decimal("7")
    assert len(targets) == 4


def test_growth_kept_a_margin_above_the_national_one_is_a_relation() -> None:
    """…增长7%，保持比全国高1个百分点以上的增幅: a relation above the national growth (the
    margin in a note), not a change of 1 point."""
    targets = heads(lead("全县生产总值增长7%，保持比全国高1个百分点以上的增幅；财政收入增长5%。"))
    assert ids(targets) == ["gdp", "gdp_national", "national_gdp_growth", "budget_revenue"]
    relation = targets[1]
    assert relation["kind"] == "relative"
    assert relation["relation"] == "above"
    assert relation["reference"] == "national_gdp_growth"
    assert "min" not in relation and "around" not in relation


def test_a_page_cut_inside_a_task_handed_down_is_still_the_task() -> None:
    """A copy that stops at …，节能减排等指标完成省 (the page's last words): the pending task of
    each indicator it names, for review."""
    text = (
        "某市人民代表大会开幕，市长作政府工作报告。报告回顾了过去五年的工作，"
        "全市经济社会发展取得新成绩，城乡面貌发生新变化，人民生活水平不断提高。\n"
        "2024年主要预期目标是：地区生产总值增长6%，一般公共预算收入增长5%，节能减排等指标完成省"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp", "budget_revenue", "energy_intensity", "emission_reduction"]
    assert all(t["pending"] for t in targets[2:])
    assert all("review" in t for t in targets[2:])


# ------------------------------------------------------------------ leads


def test_a_summarys_target_the_paragraph_below_does_not_repeat_is_kept() -> None:
    """报告提出，2024年主要预期目标包括地区生产总值增长6%左右。…主要预期目标是：<the rest>:
    the GDP target of the summary is drafted too (and the relation to it refers to it)."""
    text = page(
        "报告提出，2024年经济社会发展主要预期目标包括地区生产总值增长6%左右。\n"
        "报告提出，2024年经济社会发展主要预期目标是：一般公共预算收入增长5%左右，"
        "城镇调查失业率控制在5.5%以内，居民收入增长和经济增长同步。"
    )
    targets = heads(text)
    assert ids(targets) == [
        "gdp",
        "budget_revenue",
        "surveyed_unemployment_rate",
        "resident_income",
    ]
    assert targets[0]["around"] == Decimal("6")
    assert targets[3]["reference"] == "gdp"


def test_a_summary_repeated_in_the_paragraph_or_of_last_year_is_not_drafted_twice() -> None:
    """The summary's target stated again below is one target; last year's 预期目标 is none."""
    text = page(
        "去年预期目标是地区生产总值增长5%左右。报告提出，主要预期目标是：地区生产总值增长6%左右。\n"
        "报告提出，2024年经济社会发展主要预期目标是：地区生产总值增长6%左右，"
        "一般公共预算收入增长5%左右。"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp", "budget_revenue"]


# ------------------------------------------------------------------ the plan year of a page


def year_of(text: str) -> int:
    draft = extract_plan(text)
    year = draft.plan["plan"]["year"]
    assert isinstance(year, int)
    return year


_TARGETS = "地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业1.2万人以上。"
_PROSE = "会议听取和审议了政府工作报告，代表们围绕经济发展、城乡建设和民生保障建言献策。\n"


def test_the_year_a_lead_names_is_the_plan_year() -> None:
    """…2023年全县经济社会发展的主要预期目标是：… on a page with no title: 2023 (a news
    sentence about last year's results naming 报告 and 2022 does not decide it)."""
    text = (
        "报告晒出的数据展示了2022年全县发展的新成绩。地区生产总值增长4.1%。\n"
        + _PROSE
        + f"报告提出，2023年全县经济社会发展的主要预期目标是：{_TARGETS}"
    )
    assert year_of(text) == 2023


def test_a_page_that_names_no_year_takes_its_date() -> None:
    """发布时间：2013-02-20 above a paragraph of 今年's targets: 2013."""
    text = "发布时间：2013-02-20 09:30  来源：某县政府网\n" + _PROSE + f"今年全县{_TARGETS}"
    assert year_of(text) == 2013


def test_a_december_page_of_next_years_targets_takes_the_year_after_its_date() -> None:
    """2016年12月28日, and 明年的主要预期目标是：…: 2017."""
    text = (
        "2016年12月28日 来源：某区新闻网\n" + _PROSE + f"报告提出，明年的主要预期目标是：{_TARGETS}"
    )
    assert year_of(text) == 2017


def test_results_so_far_and_a_viewing_date_are_no_dateline() -> None:
    """今天是2025年05月13日 (the day the page was viewed) and 2014年1-11月 (results so far) say
    nothing; the page's own date 2014年12月30日 and 明年's targets do: 2015."""
    text = (
        "今天是2025年05月13日 星期二\n"
        "2014年12月30日 来源：某镇政府\n"
        "会议指出，2014年1-11月全镇工业总产值增长8%。\n"
        + _PROSE
        + f"会议提出，明年的主要目标是：{_TARGETS}"
    )
    assert year_of(text) == 2015


def test_striving_for_rural_income_to_outgrow_urban_income_is_a_relation() -> None:
    """力争农村居民人均可支配收入增速快于城镇居民: a relation above the urban income, not an
    aspiration without a figure."""
    targets = heads(
        lead(
            "地区生产总值增长6%；城镇居民人均可支配收入增长6%，"
            "力争农村居民人均可支配收入增速快于城镇居民。"
        )
    )
    assert ids(targets) == ["gdp", "urban_income", "rural_income"]
    rural = targets[2]
    assert rural["kind"] == "relative"
    assert rural["relation"] == "above"
    assert rural["reference"] == "urban_income"


def test_the_verb_a_figure_is_stated_with_is_no_part_of_the_name() -> None:
    """地方财政收入完成80亿元, 工业增加值、服务业增加值分别增长8%左右: names without 完成 or
    分别."""
    targets = heads(
        lead("地方财政收入完成80亿元，工业增加值、服务业增加值分别增长8%左右，出口实现30亿美元。")
    )
    names = [t["name"] for t in targets]
    assert sorted(names) == sorted(["地方财政收入", "工业增加值", "服务业增加值", "出口"]), names


def test_the_year_of_this_years_overall_requirements_or_a_lead_after_a_comma() -> None:
    """报告回顾了2023年工作，同时提出了2024年工作总体要求 (a sentence naming the report and last
    year is no title): 2024; 2025年，全县…主要预期目标建议为：…: 2025."""
    text = (
        "报告回顾了2023年工作，同时提出了2024年工作总体要求和目标任务。\n"
        + _PROSE
        + f"今年全县{_TARGETS}"
    )
    assert year_of(text) == 2024
    text = (
        "报告显示，2024年全县地区生产总值增长5.2%。\n"
        + _PROSE
        + f"2025年，全县经济社会发展的主要预期目标建议为：{_TARGETS}"
    )
    assert year_of(text) == 2025
