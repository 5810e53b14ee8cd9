"""User audit N (a city or county 发改局 analyst drafting a plan from their own report): what
`extract` got wrong on 宁乡偕乐桥镇 2012 (set EE's 480), 临汾 2020 (set KK's 737) and the 1981
national plan's indicator list (set JJ's 641), in their own sentences (docs/extract.md, "Audit
N").
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from extract_drafts import heads
from plancli.extract import extract_plan
from plancli.extract.assemble import plan_toml
from plancli.extract.text import clean

# 宁乡偕乐桥镇 2012: a town's aims in one sentence after the year's strategy, no lead.
TOWN = """2月11日,偕乐桥镇经济工作大会召开,大会表彰奖励了一批先进单位和个人。
2011年,偕乐桥镇完成工业总产值78690万元,全社会固定资产投资21114万元,财税总收入479万元。
2012年,偕乐桥镇以“融入大灰汤、提速大发展”为发展战略,加快推进经济和社会各项事业全面发展。\
力争完成镇域生产总值7.3亿元,实现财政收入600万元,农民人均收入比上年增长16%。
"""


def by_quote(targets: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["quote"]: t for t in targets}


# ---------------------------------------------------------------------- D1: an amount's id


def test_a_gdp_stated_as_an_amount_never_takes_the_growths_shared_id() -> None:
    """完成镇域生产总值7.3亿元: `gdp_amount`, without the bulletin's 地区生产总值 (the growth every
    bundled plan's `gdp` takes, so a bulletin's 12.5 % was recorded as 12.5 亿元); 实现财政收入
    600万元 the same rule (`budget_revenue_amount`); a growth keeps the shared id."""
    found = by_quote(heads(TOWN, 2012))
    gdp = found["力争完成镇域生产总值7.3亿元"]
    assert (gdp["id"], gdp["kind"], gdp["unit"], gdp["min"]) == (
        "gdp_amount",
        "cumulative",
        "亿元",
        Decimal("7.3"),
    )
    assert "aliases" not in gdp
    assert "an amount: gdp" in gdp["note"] and "亿元" in gdp["note"]
    revenue = found["实现财政收入600万元"]
    assert (revenue["id"], revenue["unit"]) == ("budget_revenue_amount", "万元")
    assert "aliases" not in revenue
    assert found["农民人均收入比上年增长16%"]["id"] == "rural_income"


def test_an_amount_before_its_own_growth_later_in_the_list_leaves_it_the_shared_id() -> None:
    """The amount stated first, its growth a clause further on (drafted `gdp_2` before the
    amount was set apart): the growth takes `gdp` back."""
    text = TOWN.replace(
        "力争完成镇域生产总值7.3亿元,实现财政收入600万元,",
        "力争完成镇域生产总值7.3亿元,实现财政收入600万元,镇域生产总值增长12%,",
    )
    found = by_quote(heads(text, 2012))
    assert found["力争完成镇域生产总值7.3亿元"]["id"] == "gdp_amount"
    growth = found["镇域生产总值增长12%"]
    assert (growth["id"], growth["kind"]) == ("gdp", "growth")
    assert "地区生产总值" in growth["aliases"]


def test_an_amount_with_its_growth_still_pairs_as_before() -> None:
    """地区生产总值达到13.9亿元，增长16%: the amount `gdp_amount`, the growth `gdp` (unchanged)."""
    text = TOWN.replace("力争完成镇域生产总值7.3亿元,", "地区生产总值达到13.9亿元,增长16%,")
    found = by_quote(heads(text, 2012))
    assert found["地区生产总值达到13.9亿元"]["id"] == "gdp_amount"
    assert found["增长16%"]["id"] == "gdp"


# ---------------------------------------------------------------------- D3: names


def test_names_lose_the_verb_and_the_comparison() -> None:
    """完成镇域生产总值 → 镇域生产总值, 农民人均收入比上年 → 农民人均收入 (the names every status
    screen and report show, and import compares a bulletin's row with)."""
    names = {t["quote"]: t["name"] for t in heads(TOWN, 2012)}
    assert names == {
        "力争完成镇域生产总值7.3亿元": "镇域生产总值",
        "实现财政收入600万元": "财政收入",
        "农民人均收入比上年增长16%": "农民人均收入",
    }


def test_a_clause_of_the_verb_alone_keeps_it() -> None:
    """全年完成20万人 keeps 完成 as its words (no name to strip it from)."""
    from plancli.extract.clauses import subject_of

    assert subject_of("全年完成") == "完成"
    assert subject_of("力争完成镇域生产总值") == "镇域生产总值"
    assert subject_of("农民人均收入同比") == "农民人均收入"


def test_a_towns_sheet_imports_under_its_own_names(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The bureau's rows 镇域生产总值 and 农民人均纯收入 (2012's name for rural income, an alias
    of the draft) import into the draft's targets; a bulletin's 地区生产总值 (the growth) is
    not taken for the town's amount."""
    draft = extract_plan(TOWN, year=2012, plan_id="xieleqiao-2012")
    rural = next(t for t in draft.plan["targets"] if t["id"] == "rural_income")
    assert "农民人均纯收入" in rural["aliases"]
    del draft.plan["plan"]["review"]
    plan = tmp_path / "xlq.toml"
    plan.write_text(plan_toml(draft.plan), encoding="utf-8")
    sheet = tmp_path / "h1.csv"
    sheet.write_text(
        "指标,期间,数值,来源\n镇域生产总值,2012年上半年,3.4,镇统计站\n"
        "农民人均纯收入,2012年上半年,15.8,镇统计站\n",
        encoding="utf-8",
    )
    result = invoke("--plan", str(plan), "import", str(sheet))
    assert result.exit_code == 0, result.stderr
    shown = invoke("--plan", str(plan), "show", "gdp_amount", "--json")
    assert json.loads(shown.stdout)["history"][0]["value"] in (3.4, "3.4")
    growth = tmp_path / "growth.csv"
    growth.write_text("指标,期间,数值,来源\n地区生产总值,2012年上半年,12.5,镇统计站\n", "utf-8")
    refused = invoke("--plan", str(plan), "import", str(growth))
    assert refused.exit_code != 0 and "地区生产总值" in refused.stderr


# ---------------------------------------------------------------------- D4: the place


LINFEN = """各地相继公布今年经济增长目标:部分地区高于去年实际增速
4月18日上午,山西临汾市四届人大七次会议在临汾市会议中心主会场开幕。临汾市2020年主要预期目标:\
全市地区生产总值增长6.1%左右,一般公共预算收入增长2%,全社会固定资产投资增长7%,\
社会消费品零售总额增长7%,规模以上工业增加值增长4%左右,城镇新增就业4.7万人。
"""


def test_the_place_the_targets_lead_names_is_in_the_plans_name() -> None:
    """临汾市2020年主要预期目标: the plan 临汾市2020年经济社会发展主要预期目标, its `review`
    asking for 临汾市's English name (the draft cannot spell it)."""
    plan = extract_plan(LINFEN, year=2020).plan["plan"]
    assert plan["name"] == "临汾市2020年经济社会发展主要预期目标"
    assert plan["name_en"].startswith("2020 ")
    assert "name_en names no place: add 临汾市's English name" in plan["review"]


def test_a_lead_without_a_place_names_none() -> None:
    """全市2020年主要预期目标 (no place named) and a congress's city are no name's place."""
    text = LINFEN.replace("。临汾市2020年主要预期目标", "。全市2020年主要预期目标")
    assert extract_plan(text, year=2020).plan["plan"]["name"].startswith("2020年")


def test_validate_warns_of_a_place_in_name_and_none_in_name_en(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The analyst put the place in `name` and deleted the review: `validate` says the English
    title still names none; with Linfen in it, nothing."""
    draft = extract_plan(LINFEN.replace("。临汾市2020年", "。2020年"), year=2020)
    plan = draft.plan["plan"]
    assert "临汾" not in plan["name"]
    del plan["review"]
    plan["name"] = "临汾市" + plan["name"]
    path = tmp_path / "m-name.toml"
    path.write_text(plan_toml(draft.plan), encoding="utf-8")
    checked = invoke("--plan", str(path), "validate", "--json")
    assert checked.exit_code == 0
    codes = [f["code"] for f in json.loads(checked.stdout)["findings"]]
    assert codes.count("name_en_no_place") == 1
    plan["name_en"] = "Linfen " + plan["name_en"]
    path.write_text(plan_toml(draft.plan), encoding="utf-8")
    checked = invoke("--plan", str(path), "validate", "--json")
    assert "name_en_no_place" not in [f["code"] for f in json.loads(checked.stdout)["findings"]]


# ---------------------------------------------------------------------- D2: the 1981 list


LIST_1981 = """1980年中华人民共和国国务院政府工作报告

一、关于1981年国民经济计划

根据上述要求，1981年国民经济计划主要指标安排如下。

工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％，工业总产值增长6％。

农业，粮食产量34，250万吨，比1980年预计增加1，000万吨；棉花产量255万吨，比1980年预计增加25万吨。

能源工业，煤炭产量62，000万吨，比1980年预计增加1，000万吨；石油产量10，600万吨，保持近两年的水平。

计划生育，人口自然增长率为1％。
"""


def targets_1981(year: int = 1981) -> dict[str, dict[str, Any]]:
    return by_quote(extract_plan(LIST_1981, year=year).plan["targets"])


def test_a_full_width_comma_between_groups_of_three_is_a_thousands_separator() -> None:
    """粮食产量34，250万吨 is 34250 万吨 (before: never drafted), the quote as written."""
    found = targets_1981()
    assert found["粮食产量34，250万吨"]["min"] == 34250
    assert found["煤炭产量62，000万吨"]["min"] == 62000
    assert found["石油产量10，600万吨"]["min"] == 10600


def test_a_full_width_comma_between_clauses_stays_one() -> None:
    """A year, a decimal or a figure not of three digits before the unit: the clause's comma."""
    for text in ("1981年，250万吨", "增长5.5，250万吨", "增长4％，250万吨", "产量34，25万吨"):
        assert "，" in clean(text)[0], text
    assert clean("自行车1，484万辆")[0] == "自行车1484万辆"
    assert clean("产量1，234，567吨")[0] == "产量1234567吨"


def test_a_rise_over_the_year_before_is_not_the_years_amount() -> None:
    """比1980年预计增加25万吨 after 棉花产量255万吨: the rise, no target of its own (before: a
    second target of 25 万吨, as the year's amount)."""
    found = targets_1981(1980)
    assert "比1980年预计增加25万吨" not in found
    assert "比1980年预计增加1，000万吨" not in found
    assert found["棉花产量255万吨"]["min"] == 255


def test_a_natural_growth_rate_is_a_rates_ceiling_not_a_growth() -> None:
    """人口自然增长率为1％: a level in %, held at most at 1 (before: a growth ≥ 1 in 亿元)."""
    rate = targets_1981()["人口自然增长率为1％"]
    assert (rate["kind"], rate["unit"], rate.get("min"), rate["max"]) == ("level", "%", None, 1)


def test_a_rate_per_mille_in_a_work_section_is_a_level_in_per_mille() -> None:
    text = LIST_1981.replace("人口自然增长率为1％", "人口自然增长率控制在6‰以内")
    rate = by_quote(extract_plan(text, year=1981).plan["targets"])["人口自然增长率控制在6‰以内"]
    assert (rate["kind"], rate["unit"], rate["max"]) == ("level", "‰", 6)


def test_a_growth_over_the_year_before_is_this_years_and_named_without_it() -> None:
    """比1980年预计增长 in 1981's list: this year's figure against last year's, not another
    year's (before: dropped); 总产值比1980年预计增长8% is named without the comparison."""
    found = targets_1981()
    assert found["农业总产值增长4％"]["min"] == 4
    # (session 24: the lead 主要指标安排如下。 is read, so the list's first item is a headline
    # target and its name the clause before it says; before: 比1980年预计增长5.5％ alone, named
    # 增长 and flagged)
    whole = found["工农业总产值，比1980年预计增长5.5％"]
    assert (whole["section"], whole["name"], whole["min"]) == (
        "headline",
        "工农业总产值",
        Decimal("5.5"),
    )
    text = LIST_1981.replace("其中，农业总产值", "轻工业总产值比1980年预计增长8％，农业总产值")
    named = by_quote(extract_plan(text, year=1981).plan["targets"])
    # (a headline target now, named as the list's others are, its kind saying it grows)
    light = named["轻工业总产值比1980年预计增长8％"]
    assert (light["name"], light["kind"], light["min"]) == ("轻工业总产值", "growth", 8)
