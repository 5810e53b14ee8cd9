"""What the twenty-fourth round taught (docs/extract.md, "Set X and round 24").

Set X (12 pages of provinces, 2022–2025) ran blind at 94 %: one page was refused, 海南日报's
keyword feature, which quotes the year's figures first (“地區生產總值增長9%左右,…”) and says
only in its next sentence what they are (…提出2022年經濟社會發展的主要預期目標). The same
session measured the blind pages with no lead at all (`blind.py --leads`, the '' row), which
lost whole pages to one clause: a list with 、 whose last part says 同比 was read as a result.
A third fault was in the draft's name: a cut page's sentence about the report taken as its
title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract_drafts import heads, lead
from plancli.errors import InputError
from plancli.extract import extract_plan

# 海南 2022 (set X's 351), in simplified characters: the figures quoted, then named.
QUOTED_FIRST = """海南日报记者 金昌波
“地区生产总值增长9%左右,地方一般公共预算收入增长10%,固定资产投资增长8%左右,社会消费品零售总额增长11%……”
新蓝图振奋人心,新征程催人奋进。在省六届人大五次会议上,省长代表省政府向大会作政府工作报告,提出2022年经济社会发展的主要预期目标,令全省上下备受鼓舞。
如何实现这一目标?本报梳理了政府工作报告中高频出现的“关键字”。
2021年
上缴税收增长33.4%
"""


def test_figures_quoted_before_the_words_that_name_them_this_years_targets() -> None:
    """Four clauses of figures, two of them qualified, no year before them: this year's
    targets because the next sentence says so (before: refused, no targets found)."""
    found = heads(QUOTED_FIRST, 2022)
    assert [t["quote"] for t in found] == [
        "地区生产总值增长9%左右",
        "地方一般公共预算收入增长10%",
        "固定资产投资增长8%左右",
        "社会消费品零售总额增长11%",
    ]
    assert found[0]["around"] == Decimal(9)
    assert found[1]["min"] == Decimal(10)
    assert not any("33.4" in t["quote"] for t in found)


def test_figures_named_last_years_results_after_them_stay_out() -> None:
    """The same figures followed by words of last year's results are no targets: the page
    states none, and is refused as before."""
    text = QUOTED_FIRST.replace("提出2022年经济社会发展的主要预期目标", "回顾了2021年的工作")
    with pytest.raises(InputError, match="no targets found"):
        heads(text, 2022)


# 鄂州市鄂城区 2023 (set A's 47) with its lead taken out, as `blind.py --leads` does.
LISTED_WITH_A_SAME_PERIOD = """鄂城区十届人大二次会议开幕。
当天出炉的政府工作报告指出,2023年是贯彻党的二十大精神开局之年。
实现GDP增速高于全市平均水平,各项主要经济指标超出全市平均水平、稳居前列,努力争取最好的结果。
力争固定资产投资增幅16%以上、规上工业产值增幅13%以上、工业技改投资增幅20%以上、限上社零额同比增长15%以上、高新技术产业增加值增幅15%以上,财政总收入达到20亿元、增幅12%以上,完成城镇就业市定目标任务,城乡居民可支配收入增长高于经济增长。
"""


def test_a_list_whose_last_part_says_same_period_is_this_years() -> None:
    """The parts of a 、 list count one by one: 同比 in one part no longer makes the whole
    clause a result (before: refused, no targets found)."""
    quotes = [t["quote"] for t in heads(LISTED_WITH_A_SAME_PERIOD, 2023)]
    assert "规上工业产值增幅13%以上" in quotes
    assert "工业技改投资增幅20%以上" in quotes
    assert any(q.startswith("力争固定资产投资增幅16%以上") for q in quotes)


def test_a_sentence_about_the_report_is_not_the_drafts_name() -> None:
    """A cut page's sentence naming the report (此外,政府工作报告还明确了…:到2027年,…) is
    not the title; a news headline with commas is."""
    body = (
        "王浩表示,2023年浙江省经济社会发展主要预期目标为:地区生产总值增长5%以上,"
        "城镇调查失业率控制在5%以内,居民消费价格指数涨幅控制在3%以内。\n"
    )
    cut = (
        "当前位置:网站首页 > 头条 > 正文\n"
        + body
        + "此外,政府工作报告还明确了浙江今后五年的目标:到2027年\n"
    )
    # (the title is the draft's `source`; its name is the bundled plans' kind since audit D10)
    assert "source" not in extract_plan(cut, year=2023).plan["plan"]
    headline = "省十四届人大一次会议开幕,省长作政府工作报告,GDP目标增长5%以上\n" + body
    assert (
        extract_plan(headline, year=2023).plan["plan"]["source"]
        == "省十四届人大一次会议开幕,省长作政府工作报告,GDP目标增长5%以上"
    )


def test_set_y_forms() -> None:
    """Set Y's forms: a list's last clause closing with 等 (…贫困县全部摘帽等。: before, the
    clause was lost, and …增长17%等 kept its 等 in the quote); a range named the target
    (增长目标设定为6%-6.5%: before, the top was lost); a concentration's unit before its
    figure (每立方米60微克左右: before, no target)."""
    found = {
        t["quote"]: t
        for t in heads(
            lead(
                "地区生产总值预期增长目标设定为6%-6.5%,细颗粒物年均浓度力争控制在每立方米60微克左右,"
                "规模以上工业增加值增长7%等,现行标准下剩余的农村贫困人口全部脱贫、贫困县全部摘帽等。"
            ),
            2020,
        )
    }
    gdp = found["地区生产总值预期增长目标设定为6%-6.5%"]
    # a growth floor's range: min + stretch, as the bundled plans (session 43; before min + max)
    assert (gdp["min"], gdp["stretch"], "max" in gdp) == (Decimal(6), Decimal("6.5"), False)
    pm25 = found["细颗粒物年均浓度力争控制在每立方米60微克左右"]
    assert (pm25["around"], pm25["unit"], pm25["direction"]) == (60, "微克/立方米", "down")
    assert found["规模以上工业增加值增长7%"]["min"] == Decimal(7)
    assert found["贫困县全部摘帽"]["max"] == 0
    assert found["现行标准下剩余的农村贫困人口全部脱贫"]["max"] == 0


# 甘肃 2020 (set Y's 364), simplified: last year's results detailed in a sentence of 其中,
# with 左右 and 以上, and this year's targets after 今年 below.
DETAILED_RESULTS = """\
【香港商报讯】记者报道:昨日上午,甘肃省十三届人大三次会议正式开幕,省长向大会作了政府工作报告。报告显示,2019年,甘肃省经济运行难中守稳、稳中有进,预计全省生产总值能够实现6%左右的预期目标。

其中,固定资产投资增长6%以上,社会消费品零售总额增长7.4%左右,一般公共预算收入同口径增长5.2%,城乡居民人均可支配收入分别增长8%和9%左右。

今年GDP拟增6%

报告指出,今年是全面决胜小康社会的收官之年,甘肃省将着力实现剩余17.5万贫困人口脱贫,8个贫困县摘帽退出,务必确保如期全面完成脱贫攻坚任务。同时,实现生产总值增长6%,固定资产投资增长6%以上,单位生产总值能耗和主要污染物排放完成国家下"""


def test_a_sentence_of_qizhong_details_last_years_results() -> None:
    """其中, after a sentence of 2019's results, goes on in 2019: its 左右 and 以上 are no
    targets of 2020 (before: drafted as the headline, and this year's GDP a work target)."""
    quotes = [t["quote"] for t in heads(DETAILED_RESULTS, 2020)]
    assert "实现生产总值增长6%" in quotes
    assert "固定资产投资增长6%以上" in quotes
    assert not any("7.4%" in q or "8%和9%" in q or "5.2%" in q for q in quotes)


def test_set_aa_relations_to_the_citys_averages() -> None:
    """资阳雁江 2023 (set AA's 405, a district): 增速高于全市1个百分点 is a growth above the
    city's, by a margin (before: a change of 1 point); 城镇、农村居民…增速高于全市平均水平 is two
    targets, each against its own city series (before: one, named 城镇、农村…); each outside
    series is named by what the analyst records (全市规模以上工业增加值增速, not 全市平均水平);
    revenue left to the city (完成市下目标任务) is a pending growth, not a fall."""
    found = heads(
        lead(
            "区属地区生产总值增速高于全市平均水平,规模以上工业增加值增速高于全市1个百分点,"
            "全社会固定资产投资增长10%,地方一般公共预算收入完成市下目标任务,"
            "城镇、农村居民人均可支配收入增速高于全市平均水平。"
        ),
        2023,
    )
    by_id = {t["id"]: t for t in found}
    industry = by_id["industrial_value_added"]
    assert (industry["kind"], industry["relation"]) == ("relative", "above")
    assert by_id[industry["reference"]]["name"] == "全市规模以上工业增加值增速"
    assert by_id[by_id["gdp"]["reference"]]["name"] == "全市地区生产总值增速"
    incomes = [t for t in found if t["kind"] == "relative" and "居民" in t["name"]]
    assert [t["name"] for t in incomes] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert [by_id[t["reference"]]["name"] for t in incomes] == [
        "全市城镇居民人均可支配收入增速",
        "全市农村居民人均可支配收入增速",
    ]
    revenue = by_id["budget_revenue"]
    assert revenue["pending"] is True
    assert "decline" not in revenue


def test_the_outline_of_the_years_work_does_not_go_on_with_the_targets() -> None:
    """四川 2025 (set X's 343): after the list, 报告指出,四川要重点做好9个方面工作:一是… — who
    speaks is no heading of more targets, and nine aspects of work are the outline, not a
    count to deliver (before: drafted as a headline target of 9 个)."""
    text = (
        "四川省人民政府省长代表省人民政府作工作报告。\n"
        "今年是“十四五”规划收官之年。报告提出了今年发展主要预期目标:地区生产总值增长5.5%以上;"
        "城镇新增就业85万人,城镇调查失业率5.5%左右;完成国家下达的节能减排和环境保护等任务。\n"
        "报告指出,四川要重点做好9个方面工作:一是全方位扩大内需,稳住经济大盘。二是建设现代化产业体系。\n"
    )
    quotes = [t["quote"] for t in heads(text, 2025)]
    assert "地区生产总值增长5.5%以上" in quotes
    assert not any("9个方面" in q for q in quotes)


def test_set_bb_forms() -> None:
    """Set BB's forms: 再次实现翻番 is a growth of at least 100 % (土默特右旗 2023: before,
    missed); 减排完成省定指标 a pending task, as 省定目标 and 省定任务 (长沙 2023: missed)."""
    found = {
        t["quote"]: t
        for t in heads(lead("地区生产总值增长8%,规上工业产值再次实现翻番,减排完成省定指标。"), 2023)
    }
    doubled = found["规上工业产值再次实现翻番"]
    assert (doubled["kind"], doubled["min"]) == ("growth", Decimal(100))
    assert found["减排完成省定指标"]["pending"] is True


def test_set_dd_forms() -> None:
    """Set DD's forms: amounts in 万美元 (实际利用外资4600万美元, 外贸进出口总额1800万美元: before,
    missed), foreign investment a shared indicator, and a county's income in step with its
    league's (与全盟保持同步: before, missed), against an outside series named for it."""
    found = heads(
        lead(
            "地区生产总值增长6%,确保实际利用外资10207万美元、内资118亿元,"
            "确保完成外贸进出口总额1800万美元,城乡常住居民人均可支配收入增速与全盟保持同步。"
        ),
        2012,
    )
    by_quote = {t["quote"]: t for t in found}
    fdi = by_quote["确保实际利用外资10207万美元"]
    assert (fdi["id"], fdi["kind"], fdi["min"], fdi["unit"]) == (
        "foreign_investment",
        "cumulative",
        Decimal(10207),
        "万美元",
    )
    trade = by_quote["确保完成外贸进出口总额1800万美元"]
    assert (trade["min"], trade["unit"]) == (Decimal(1800), "万美元")
    income = by_quote["城乡常住居民人均可支配收入增速与全盟保持同步"]
    assert (income["kind"], income["relation"]) == ("relative", "same")
    league = next(t for t in found if t["id"] == income["reference"])
    assert (league["kind"], league["name"]) == ("indicator", "全盟城乡常住居民人均可支配收入增速")


def test_a_relation_to_a_prefectures_average() -> None:
    """高于全州平均水平 (a county of an autonomous prefecture): a relation to the prefecture's
    series, as 全市 is the city's."""
    found = heads(lead("地区生产总值增速高于全州平均水平,固定资产投资增长10%。"), 2012)
    gdp = found[0]
    assert (gdp["kind"], gdp["relation"], gdp["reference"]) == (
        "relative",
        "above",
        "prefecture_gdp",
    )
    assert found[1]["name"] == "全州地区生产总值增速"


# 宁乡偕乐桥镇 2012 (set EE's 480): a town's work conference, its aims in one sentence after the
# year's strategy, no lead.
TOWN = """2月11日,偕乐桥镇经济工作大会召开,大会表彰奖励了一批先进单位和个人。
2011年,偕乐桥镇完成工业总产值78690万元,全社会固定资产投资21114万元,财税总收入479万元。
2012年,偕乐桥镇以“融入大灰汤、提速大发展”为发展战略,加快推进经济和社会各项事业全面发展。\
力争完成镇域生产总值7.3亿元,实现财政收入600万元,农民人均收入比上年增长16%。
"""


def test_a_rise_over_last_year_in_a_sentence_of_aims_is_this_years() -> None:
    """比上年增长16% in a sentence opening 力争 is this year's target, not a word of the past
    (before: the page refused, its three aims not counted as a run); 2011's results stay out."""
    found = heads(TOWN, 2012)
    assert [t["quote"] for t in found] == [
        "力争完成镇域生产总值7.3亿元",
        "实现财政收入600万元",
        "农民人均收入比上年增长16%",
    ]
    assert found[2]["min"] == Decimal(16)
