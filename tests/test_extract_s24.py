"""Session 24's extract fixes, in the corpus reports' own sentences: a count of times written
with its unit (60万亩次), names completed from their sentence where it says what a list's
item lacks (水果、蔬菜、茶叶产量分别…; 12个百亿元、70个30亿元以上项目建设), and an old
national report's lead (1981年国民经济计划的主要指标安排如下。) over its lines of targets."""

from __future__ import annotations

from typing import Any

from plancli.extract import extract_plan

SHORT_NAME = "the name may not say what is counted"


def report(*work: str) -> str:
    """A 2026 government work report whose one work section says `work`, a sentence a line."""
    lines = "\n".join(work)
    return f"""贵州省2026年政府工作报告

一、2025年工作回顾

过去一年，全省地区生产总值增长5%。

二、2026年主要目标任务

2026年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上。

三、2026年重点工作

（一）加快推进农业现代化。
{lines}
"""


def work_targets(*work: str) -> dict[str, dict[str, Any]]:
    targets = extract_plan(report(*work), year=2026).plan["targets"]
    return {t["name"]: t for t in targets if t["section"].startswith("work_")}


# ------------------------------------------------------------------ 1: a count of times


def test_a_count_of_times_keeps_its_unit_whole_and_out_of_the_name() -> None:
    """贵州's line 82: 农机作业服务面积60万亩次以上 (before: named 农机作业服务面积次以上, in 万亩,
    and not flagged); 浙江's 1万户次 (before: 万户, the name ending in 次)."""
    found = work_targets(
        "在30个县建设运营现代农事综合服务中心，农机作业服务面积60万亩次以上。",
        "为未成年人家庭提供一对一公益家庭教育指导服务1万户次。",
    )
    area = found["农机作业服务面积"]
    assert (area["unit"], area["min"]) == ("万亩次", 60)
    assert area["quote"] == "农机作业服务面积60万亩次以上"
    assert "review" not in area
    served = found["为未成年人家庭提供一对一公益家庭教育指导服务"]
    assert (served["unit"], served["min"]) == ("万户次", 1)


def test_a_name_left_with_an_unknown_units_qualifier_is_flagged() -> None:
    """A unit the extractor does not know, read short (300亿吨 of 300亿吨公里): the name keeps
    what the unit left with the qualifier (…公里以上), so the analyst is told to check it."""
    found = work_targets("铁路货物周转量达到300亿吨公里以上。")
    (name,) = [n for n in found if n.endswith("以上")]
    assert SHORT_NAME in found[name]["review"]


# ------------------------------------------------------------------ 2: names completed


def test_an_amount_word_the_last_subject_says_is_each_ones() -> None:
    """广东's 水果、蔬菜、茶叶产量分别达… and 生猪、家禽年出栏量…, 江苏's 交通、水利、能源领域
    投资额…, 甘肃's 原煤、原油、天然气产量…: each subject's amount (before: 水果, 生猪, 交通,
    原煤… flagged; only the last named whole)."""
    found = work_targets(
        "水果、蔬菜、茶叶产量分别达2050万吨、4200万吨、19万吨以上。",
        "生猪、家禽年出栏量分别稳定在3900万头、13.5亿只以上。",
        "力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。",
        "原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米。",
    )
    expected = {
        "水果产量": ("万吨", 2050),
        "蔬菜产量": ("万吨", 4200),
        "茶叶产量": ("万吨", 19),
        "生猪年出栏量": ("万头", 3900),
        "家禽年出栏量": ("亿只", 13.5),
        "交通领域投资额": ("亿元", 2400),
        "水利领域投资额": ("亿元", 450),
        "能源领域投资额": ("亿元", 1700),
        "原煤产量": ("万吨", 7000),
        "原油产量": ("万吨", 1280),
        "天然气产量": ("亿立方米", 10),
    }
    for name, (unit, low) in expected.items():
        assert (found[name]["unit"], found[name]["min"]) == (unit, low), name
        assert "review" not in found[name], name
    # subjects that each say their amount keep their names (化学需氧量、氨氮排放量…)
    kept = work_targets("化学需氧量、氨氮排放量分别下降2%、3%。")
    assert {"化学需氧量下降", "氨氮排放量下降"} <= set(kept) or {"化学需氧量", "氨氮排放量"} <= set(
        kept
    )


def test_standards_raised_respectively_are_the_figures_raised_to() -> None:
    """广东: …补贴标准分别从每人每月209元、280元提高到217元、290元 (before: 提高到217元 at 280
    and 280元提高到 at 217, flagged): each standard at the figure it is raised to."""
    found = work_targets(
        "困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月209元、280元提高到217元、290元。"
    )
    living, care = found["困难残疾人生活补贴标准"], found["重度残疾人护理补贴标准"]
    assert (living["kind"], living["unit"], living["min"]) == ("level", "元", 217)
    assert (care["kind"], care["unit"], care["min"]) == ("level", "元", 290)
    assert len(found) == 2


def test_a_size_of_money_takes_the_things_the_list_names_after_it() -> None:
    """贵州: …贵州能源大方燃煤发电等12个百亿元、70个30亿元以上项目建设 (before: named
    贵州能源大方燃煤发电等百亿元, flagged): the 12 projects of 百亿元."""
    found = work_targets(
        "加快推进瓮福—江山新材料及电子化学品产业园、贵州能源大方燃煤发电等12个百亿元、"
        "70个30亿元以上项目建设，推动一批重大项目落地建设。"
    )
    assert found["百亿元项目建设"]["min"] == 12
    assert "review" not in found["百亿元项目建设"]
    assert found["30亿元以上项目建设"]["min"] == 70


def test_an_output_after_the_crops_sown_area_is_the_crops() -> None:
    """广东's 实现粮食播种面积3320万亩、产量1285万吨以上 and 浙江's 确保粮食播种面积1530万亩、
    总产量125亿斤 (before: 产量, 总产量, flagged)."""
    found = work_targets("实现粮食播种面积3320万亩、产量1285万吨以上。")
    assert found["粮食产量"]["min"] == 1285
    assert "review" not in found["粮食产量"]
    found = work_targets("严守耕地红线，确保粮食播种面积1530万亩、总产量125亿斤。")
    assert (found["粮食总产量"]["unit"], found["粮食总产量"]["min"]) == ("亿斤", 125)


def test_an_amount_word_alone_whose_sentence_names_no_thing_stays_flagged() -> None:
    """山东's 力争产量突破120万辆 and 贵州's 26条产业路: nothing in the list says whose, so the
    flag stays."""
    found = work_targets(
        "推动新能源汽车产业提质扩量，加快做强电机电控、智能网联等关键部件，力争产量突破120万辆。"
    )
    assert SHORT_NAME in found["产量"]["review"]


# ------------------------------------------------------------------ 3: the 1981 lead

# The State Council's report of 1980 on the next year's plan, as the national reports of the
# time wrote it: the lead a sentence of its own, the targets a line each, over last year's.
PLAN_1981 = """关于1980、1981年国民经济计划安排的报告

一、1980年国民经济计划的执行情况

今年以来，国民经济继续调整，农业生产保持稳定，轻工业增长较快，预计全年工农业总产值
比上年增长7%左右。

二、1981年国民经济计划的主要安排

1981年，要继续贯彻执行调整、改革、整顿、提高的方针，进一步做好国民经济的调整工作。
1981年国民经济计划的主要指标安排如下。
农业总产值比上年增长4%。
工业总产值比上年增长3%。
粮食产量32500万吨。
基本建设投资总额300亿元。

三、为完成1981年计划而奋斗

各地区、各部门要认真贯彻执行国务院的各项决定，保证计划的实现。
"""


def test_an_old_national_reports_lead_ending_in_a_full_stop_opens_the_headline() -> None:
    """1981年国民经济计划的主要指标安排如下。 and its lines (before: no headline target, and
    the plan year unread — its years are not 20xx)."""
    plan = extract_plan(PLAN_1981).plan
    assert plan["plan"]["year"] == 1981
    headline = {t["name"]: t for t in plan["targets"] if t["section"] == "headline"}
    assert (headline["农业总产值"]["kind"], headline["农业总产值"]["min"]) == ("growth", 4)
    assert (headline["工业总产值"]["kind"], headline["工业总产值"]["min"]) == ("growth", 3)
    assert headline["工业总产值"]["quote"] == "工业总产值比上年增长3%"
    assert headline["粮食产量"]["min"] == 32500
    assert len(headline) >= 4


def test_the_leads_other_wordings_open_it_too() -> None:
    """主要预期目标如下： and 主要指标是： (a colon) over the same lines."""
    for lead in ("1981年主要预期目标如下：", "1981年国民经济计划的主要指标是："):
        text = PLAN_1981.replace("1981年国民经济计划的主要指标安排如下。", lead)
        plan = extract_plan(text).plan
        assert plan["plan"]["year"] == 1981, lead
        headline = [t for t in plan["targets"] if t["section"] == "headline"]
        assert {"农业总产值", "工业总产值"} <= {t["name"] for t in headline}, lead
