"""What the twenty-first round taught (docs/extract.md, "Set T and round 21").

Round 21 studied set T (10 web pages, 2016–2025, three in traditional characters), run blind
first after round 20 (67 %). Two pages, 嘉兴's task-division tables of 2023 and 2024 (序号 |
主要工作任务 | 责任单位 |), were refused: their first rows are the year's targets, with no lead
and no year. The rest of T's faults were forms: 增长超20%, 7%至於7.5% (a copy's slip for 至),
稳中有进. Each is tested here on T's own clauses.
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, lead

# 嘉兴 2023 (set T's 285): the table as the page gives it, the task rows after the targets'.
JIAXING = """序号 | 主 要 工 作 任 务 | 责任单位 |
1 | 地区生产总值增长6%左右。 | 市发展改革委 |
2 | 研发投入强度达到3.5%。 | 市科技局 |
3 | 一般公共预算收入增长5%左右。 | 市财政局 |
4 | 固定资产投资增长10%。 | 市发展改革委 |
5 | 规上工业增加值增长7%。 | 市经信局 |
6 | 城乡居民人均可支配收入与经济增长基本同步。 | 市发展改革委 |
7 | 居民消费价格指数涨幅控制在3%以内。 | 市发展改革委 |
8 | 城镇调查失业率控制在5%以内。 | 市人力社保局 |
9 | 完成省下达的环境和能源计划目标。 | 市发展改革委、市生态环境局 |
10 | 扎实开展服务企业专项行动，及时解决企业问题诉求，做到企业办事无忧、政府无事不扰。 | 市经信局 |
11 | 深化减证便企服务，推进电子营业执照和电子证照互通应用，实现企业年报“多报合一”。 | 市市场监管局 |
"""


def test_a_task_division_table_whose_first_rows_are_the_targets() -> None:
    """A row's number and its department are no clause of the targets; a cell's full stop
    does not end the run, and a row of a target's words (…基本同步, 完成省下达…) goes on with it
    (before: refused, no targets found)."""
    found = heads(JIAXING, 2023)
    assert [t["quote"] for t in found][:5] == [
        "地区生产总值增长6%左右",
        "研发投入强度达到3.5%",
        "一般公共预算收入增长5%左右",
        "固定资产投资增长10%",
        "规上工业增加值增长7%",
    ]
    unemployment = next(t for t in found if "失业率" in t["quote"])
    assert unemployment["max"] == Decimal(5)
    assert any(t["kind"] == "relative" for t in found)
    assert any(t.get("pending") for t in found)
    assert not any("发展改革委" in t["quote"] or "服务企业" in t["quote"] for t in found)


def test_set_t_forms() -> None:
    """增长超20% is at least 20 (before: a level); 7%至於7.5% a range; 稳中有进 a trend up."""
    found = {
        t["quote"]: t
        for t in heads(
            lead(
                "地区生产总值增长7%至於7.5%，全社会固定资产投资稳中有进，实际使用外资增长超20%，"
                "社会消费品零售总额增长9.5%以上。"
            ),
            2025,
        )
    }
    gdp = found["地区生产总值增长7%至於7.5%"]
    assert (gdp["min"], gdp["stretch"]) == (Decimal(7), Decimal("7.5"))  # (session 43: stretch)
    assert found["全社会固定资产投资稳中有进"]["direction"] == "up"
    fdi = found["实际使用外资增长超20%"]
    assert (fdi["kind"], fdi["min"]) == ("growth", Decimal(20))


# 江门 2011 (set V's 310): a compilation page, the digest's list under its heading, then the
# report's own lead, cut by the page's end after two figures.
JIANGMEN = """第一篇:江门市2011年政府工作报告
2011年工作安排
今年经济社会发展主要预期目标
生产总值增长15%;
人均生产总值增长14%;
全社会固定资产投资增长25%;
社会消费品零售总额增长18%;
城镇登记失业率控制在3.2%以内;
2011年是“十二五”规划的开局之年。全市经济社会发展的主要预期目标是:生产总值增长15%,人均生产总值增长14%,"""


def test_a_lead_the_page_cuts_short_gives_way_to_the_full_list() -> None:
    """The lead 主要预期目标是: holds two figures before the page ends: a copy cut short, so the
    digest's full list above it is taken (before: two targets of five, set V blind 13 %)."""
    found = heads(JIANGMEN, 2011)
    assert [t["quote"] for t in found] == [
        "生产总值增长15%",
        "人均生产总值增长14%",
        "全社会固定资产投资增长25%",
        "社会消费品零售总额增长18%",
        "城镇登记失业率控制在3.2%以内",
    ]


# 深圳 2010 (set W's 331), simplified: the five years' goal stated first after a lead of its
# own (…立下了这样一个目标:到2015年,…), then this year's list.
SHENZHEN = """未来5年发展计划——
到2015年,GDP超1.5万亿元
为此,王荣书记给深圳立下了这样一个目标:到2015年,全市生产总值超过1.5万亿元,接近新加坡的总量水准;每人平均生产总值超过2万美元;居民每人平均可支配收入达到4.9万元。
今年目标——
全市生产总值增长11%
今年是深圳经济特区建立30周年。王荣在政府工作报告中为今年的工作立下了具体的“指标”:全市生产总值增长11%左右,地方财政一般预算收入增长10.1%左右,城镇登记失业率控制在3%以内。
"""


def test_a_lead_whose_figures_are_a_five_year_goal_is_no_lead() -> None:
    """目标:到2015年,… is the five years' goal: the check that says so never ran (its pattern was
    anchored at the text's start, and a lead is never there), so the goal was drafted as 2010's
    targets and the year's list as work."""
    found = heads(SHENZHEN, 2010)
    assert [t["quote"] for t in found] == [
        "全市生产总值增长11%左右",
        "地方财政一般预算收入增长10.1%左右",
        "城镇登记失业率控制在3%以内",
    ]
