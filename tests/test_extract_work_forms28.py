"""Forms of work targets a blind gold of session 28 found drafted wrong or not at all (广东, 甘肃,
陕西; docs/extract.md, "Forms left by the blind gold"): a ratio to a standard (1.6倍), a
duration (2小时), a rate per head (每千人6.6批次), a capacity (万吨/年), a fund's size (设立10亿元
…基金), a subsidy's standard (一次性补助1万元) and a listed series without a thing of its own
(高新技术、科技型中小企业数量增长10%). Each is tested on its report's own sentence.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plancli.extract import extract_plan

HEADLINE = (
    "经济社会发展的主要预期目标是：生产总值增长5％左右，一般公共预算收入增长3％，"
    "城镇新增就业40万人以上，城镇调查失业率5.5％左右。"
)


def _work(*sentences: str) -> dict[str, dict[str, Any]]:
    body = "\n".join(sentences)
    report = (
        "2026年政府工作报告\n三、2026年重点工作\n今年是“十五五”开局之年。\n"
        f"{HEADLINE}\n（一）着力扩大有效需求，推动经济稳中向好\n{body}\n"
    )
    draft = extract_plan(report, year=2026)
    return {
        t["quote"]: t
        for t in draft.plan["targets"]
        if t["section"] not in ("headline", "investment")
    }


def test_a_ratio_to_a_standard_is_a_level_in_times() -> None:
    """广东: 特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍 was no target (倍 no
    unit); a growth told as a multiple (增长1.6倍) stays none."""
    found = _work(
        "特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍。",
        "力争跨境电商交易额增长1倍。",
    )
    ratio = found["特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍"]
    assert (ratio["kind"], ratio["unit"], ratio["min"]) == ("level", "倍", Decimal("1.6"))
    assert ratio["name"] == "特困人员基本生活保障标准与当地最低生活保障标准之比"
    assert not any(t["unit"] == "倍" for q, t in found.items() if "跨境电商" in q)
    from plancli.extract.work_amounts import ratio_name

    assert ratio_name("增长") == ""


def test_a_duration_is_a_level_in_hours_and_a_label_is_none() -> None:
    """广东: 每天综合体育活动时间不低于2小时 (before: none); 240小时过境免签, 1小时通勤圈 and
    24小时开放 name a policy, a circle and opening hours, never a target."""
    found = _work(
        "推动中小学生每天综合体育活动时间不低于2小时，保障学生体育锻炼时长。",
        "加快榆阳机场开放口岸建设，用好“240小时过境免签”政策，提升出入境便利化水平。",
        "完善济青都市圈联动发展机制，构建“圈内1小时、济青1.5小时”通勤圈。",
        "打造高品质公园城市，有序推动公园24小时开放。",
    )
    hours = found["推动中小学生每天综合体育活动时间不低于2小时"]
    assert (hours["kind"], hours["unit"], hours["min"]) == ("level", "小时", Decimal(2))
    assert hours["name"] == "中小学生每天综合体育活动时间"
    assert [t["unit"] for t in found.values() if t["unit"] == "小时"] == ["小时"]


def test_a_rate_per_head_keeps_the_head_in_its_unit() -> None:
    """广东: 食品抽检量超每千人6.6批次 (before: none, 超 not before the figure); the other
    counts of the sentence keep theirs."""
    found = _work(
        "加大校园食堂、连锁餐饮、超市等重点场所食品抽检力度，食品抽检量超每千人6.6批次，"
        "其中开展“你点我检”食品抽检超5万批次。"
    )
    rate = found["食品抽检量超每千人6.6批次"]
    # (cumulative since s28-wforms2: samples build up over the year, test_extract_work_kinds28)
    assert (rate["name"], rate["kind"], rate["unit"]) == ("食品抽检量", "cumulative", "批次/千人")
    assert rate["min"] == Decimal("6.6")
    assert found["其中开展“你点我检”食品抽检超5万批次"]["unit"] == "万批次"


def test_a_capacity_keeps_its_per_year() -> None:
    """陕西: 产能1400万吨/年建成试运转 was drafted in 万吨, named 产能/年建成试运转."""
    found = _work(
        "深化能源工业“稳控转”，加快释放煤炭优质产能，力争黄蒿界等6处煤矿、"
        "产能1400万吨/年建成试运转。"
    )
    capacity = found["产能1400万吨/年建成试运转"]
    assert (capacity["unit"], capacity["min"]) == ("万吨/年", Decimal(1400))
    assert capacity["name"] == "黄蒿界等煤矿产能建成试运转"  # (whose: s28-wforms2)
    assert capacity["kind"] == "cumulative"  # capacity brought into operation this year


def test_a_fund_set_up_with_its_size() -> None:
    """陕西: 设立10亿元绿色发展纵向补偿基金 was no target (设立 no verb of delivery)."""
    found = _work("设立10亿元绿色发展纵向补偿基金，完善生态环境补偿机制。")
    fund = found["设立10亿元绿色发展纵向补偿基金"]
    assert (fund["kind"], fund["unit"], fund["min"]) == ("cumulative", "亿元", Decimal(10))
    assert fund["name"] == "设立绿色发展纵向补偿基金"


def test_a_subsidy_standard_is_a_level_and_a_subsidy_paid_to_many_a_count() -> None:
    """甘肃: 录取到本科院校的一次性补助1万元、专科院校的一次性补助8000元 was no target; 广东's
    为超300万名婴幼儿发放育儿补贴 stays so many children (cumulative)."""
    found = _work(
        "五是继续对困难家庭子女普通高校入学给予资助，"
        "录取到本科院校的一次性补助1万元、专科院校的一次性补助8000元。",
        "实施育儿补贴制度，为超300万名婴幼儿发放育儿补贴，减轻育儿负担。",
    )
    first = found["录取到本科院校的一次性补助1万元"]
    second = found["专科院校的一次性补助8000元"]
    assert (first["kind"], first["unit"], first["min"]) == ("level", "万元", Decimal(1))
    assert (second["kind"], second["unit"], second["min"]) == ("level", "元", Decimal(8000))
    assert found["为超300万名婴幼儿发放育儿补贴"]["kind"] == "cumulative"


def test_a_listed_series_takes_the_last_ones_thing() -> None:
    """陕西: 高新技术、科技型中小企业数量增长10％以上 drafted its first series as 高新技术增长,
    with no unit; it is 高新技术企业数量增长, in 家 as the second."""
    found = _work(
        "狠抓优质企业梯度培育，新增单项冠军企业5家，高新技术、科技型中小企业数量增长10％以上。"
    )
    first = found["高新技术、科技型中小企业数量增长10％以上"]
    second = found["科技型中小企业数量增长10％以上"]
    assert (first["name"], first["unit"], first["min"]) == ("高新技术企业数量增长", "家", 10)
    assert (second["name"], second["unit"]) == ("科技型中小企业数量增长", "家")
    from plancli.extract.work_amounts import shared_head

    assert shared_head("海洋旅游", "海洋电力") == "海洋旅游"  # no thing to take


def test_a_debt_cleared_is_a_ceiling_of_zero_in_yi_yuan() -> None:
    """陕西: 力争实现存量隐性债务清零 was drafted in 个 (a count of debts); a debt is an amount."""
    found = _work("严防新增隐性债务，加快融资平台市场化转型，力争实现存量隐性债务清零。")
    debt = found["力争实现存量隐性债务清零"]
    assert (debt["name"], debt["kind"], debt["unit"]) == ("存量隐性债务清零", "level", "亿元")
    assert debt["max"] == 0
