"""What the fifteenth round taught (docs/extract.md, "Round 15").

Round 15 studied set N (8 web pages, 2004–2024, three in traditional characters), run blind
first (67 %: one page refused, one list taken as work). Its general faults, each tested here on
the real clauses of N's pages (the figures of N's gold plans) and on others written for the
test: a digest's heading 2022主要任务 over the year's figures one a line (228), a gap closing
(收入倍差持续缩小) as a falling trend, and a task 国家和省下达 as pending (229).
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, page

# 南京 2022 (set N's 228): a digest, last year's figures under 2021重点回顾, this year's under
# 2022主要任务, one a line, in traditional characters with the page's pinyin clutter.
NANJING = (
    "2022年4月8日上午,南京市十六屆人大五次會議開幕,代市長夏心旻作政府工作報告。\n"
    "2021重點回顧\nGDP突破1.6萬億元、增長7.5%\n一般公共預(yù)算收入增長5.6%\n"
    "社會消費品零售總額增長9.7%\n"
    "2022主要任務(wù)\n地區(qū)生產(chǎn)總值增長6.5%左右\n一般公共預(yù)算收入增長5%\n"
    "固定資產(chǎn)投資增長6%左右\n社會消費品零售總額增長7%\n"
    "全社會研發(fā)經(jīng)費支出占GDP比重達(dá)3.7%\n全體居民人均可支配收入與經(jīng)濟(jì)增長同步\n"
    "2022年十項重點工作\n創(chuàng)新\n鍛造國家戰(zhàn)略科技力量;激發(fā)科創(chuàng)載體發(fā)展活力。\n"
)


def test_a_digests_heading_of_the_years_tasks_over_its_figures() -> None:
    """2022主要任务 (no 年) over six lines: six headline targets (before: five as work, the
    relation missed), none of 2021重点回顾's."""
    found = heads(NANJING, 2022)
    assert [(t["id"], t.get("min", t.get("around"))) for t in found] == [
        ("gdp", Decimal("6.5")),
        ("budget_revenue", Decimal("5")),
        ("fixed_asset_investment", Decimal("6")),
        ("retail_sales", Decimal("7")),
        ("rd_intensity", Decimal("3.7")),
        ("resident_income", None),
    ]
    assert found[-1]["relation"] == "same"


def test_a_heading_of_the_years_work_is_no_lead() -> None:
    """2024年主要任务 over a report's work (（一）…新增规上工业企业100家) is no lead: the
    paragraph's own lead is."""
    text = page(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，财政收入增长5%。\n"
        "2024年主要任务\n（一）加快建设现代化产业体系，全年新增规上工业企业100家。\n"
    )
    assert [t["quote"] for t in heads(text)] == ["地区生产总值增长6%左右", "财政收入增长5%"]


# 杭州 2022 (set N's 229): the list as the page writes it.
HANGZHOU = (
    "今年全市经济社会发展的主要预期目标是：全市生产总值增长6.5%以上;城乡居民人均可支配收入高于"
    "GDP增速,收入倍差持续缩小;研发投入强度3.7%左右;固定资产投资增长6%;社会消费品零售总额增长7%;"
    "完成国家和省下达的能源环境指标计划目标。"
)


def test_a_gap_closing_is_a_falling_trend() -> None:
    """收入倍差持续缩小: a trend down (before: missed)."""
    found = {t["quote"]: t for t in heads(page(HANGZHOU, 2022), 2022)}
    gap = found["收入倍差持续缩小"]
    assert (gap["kind"], gap["direction"]) == ("trend", "down")


def test_a_task_the_state_and_the_province_hand_down_is_pending() -> None:
    """完成国家和省下达的能源环境指标计划目标: pending, an energy decline (before: missed);
    国家、省 and 省市 were read already."""
    found = {t["quote"]: t for t in heads(page(HANGZHOU, 2022), 2022)}
    task = found["完成国家和省下达的能源环境指标计划目标"]
    assert (task["id"], task["pending"], task["decline"]) == ("energy_intensity", True, True)
    assert len(found) == 7


# 成都 2004 (set N's 225): a highlights page, last year's under 2003年:, this year's under 2004年:.
CHENGDU = (
    "市政府昨日向市十四届人大二次会议作的政府工作报告、计划报告和财政报告，显示出了去年我市经济"
    "社会发展和今年工作安排的新亮点。2003年:\n"
    "地方财政收入首破百亿大关:全市地方财政收入完成108亿3038万元,增长17.2%。\n2004年:\n"
    "城镇居民人均可支配收入首超万元:城镇居民人均可支配收入计划达到10374元,增长7.6%。\n"
)


def test_a_heading_of_the_plan_year_alone_over_its_figures() -> None:
    """2004年: over this year's line (after 2003年: over last year's): its figures are drafted
    (before: the page was refused)."""
    found = heads(page(CHENGDU, 2004), 2004)
    assert [t.get("min") for t in found] == [Decimal("10374"), Decimal("7.6")]
