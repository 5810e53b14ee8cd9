"""What the eighth round taught (docs/extract.md, "Round 8 (learning from set H)").

Set H, measured once and on record (73 % recall; simplified 81 %, traditional 54 %), was
studied after its measurement. Each test is a short text written for it, in words of its own
(not set H's), that the extractor read wrongly before the fix.
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, ids, lead, page
from plancli.extract import extract_plan
from plancli.extract.text import parse_form

# ------------------------------------------------------------------ a news wire's page

_WIRE = (
    "新华社某市一月二十日电 市长某某今日在市人民代表大会上作政府工作报告时表示，"
    "二〇一一年全市经济社会发展的主要目标包括，全市生产总值增长百分之九以上，"
    "地方财政收入增长百分之十，城镇登记失业率控制在百分之四点二左右。\n"
    "此外，某某表示，二〇一一年全市目标单位生产总值能耗进一步下降、"
    "完成“十二五”期间下降百分之十六左右的目标，"
    "城镇和农村居民人均可支配收入持续稳定增长。\n"
    "去年，全市地方财政收入达到二千一百三十点五亿元，比上年增长百分之八点三。\n"
)


def test_a_wires_lead_with_a_comma_after_baokuo_and_figures_spelled_out() -> None:
    """主要目标包括，全市生产总值增长百分之九以上，…: the year's list (refused before: no lead
    was read with a comma after 包括)."""
    targets = heads(_WIRE, 2011)
    assert [(t["id"], t.get("min"), t.get("around")) for t in targets[:3]] == [
        ("gdp", Decimal("9"), None),
        ("budget_revenue", Decimal("10"), None),
        ("unemployment_rate", None, Decimal("4.2")),
    ]


def test_a_next_paragraph_opening_with_a_connective_and_a_speaker_goes_on_listing() -> None:
    """此外，某某表示，二〇一一年全市目标…能耗进一步下降: the list goes on (a spelled year read as
    the plan year, the speaker read past)."""
    targets = heads(_WIRE, 2011)
    assert "energy_intensity" in ids(targets)
    assert next(t for t in targets if t["id"] == "energy_intensity")["direction"] == "down"


def test_a_five_year_spans_goal_in_the_years_list_is_left_out() -> None:
    """完成“十二五”期间下降百分之十六左右的目标: the five-year goal, not this year's."""
    targets = heads(_WIRE, 2011)
    assert not [t for t in targets if "十二五" in t["quote"]]


def test_town_and_country_incomes_sharing_their_noun_are_two_trends() -> None:
    """城镇和农村居民人均可支配收入持续稳定增长: two series, each a trend up."""
    targets = heads(_WIRE, 2011)
    incomes = [t for t in targets if "农村居民" in t["quote"]]
    assert [(t["kind"], t["direction"]) for t in incomes] == [("trend", "up"), ("trend", "up")]
    assert len({t["id"] for t in incomes}) == 2


def test_last_years_results_after_the_targets_are_no_work_targets() -> None:
    """去年，…收入达到二千一百三十点五亿元，比上年增长…: a result, not a work target."""
    draft = extract_plan(_WIRE, year=2011)
    assert not [t for t in draft.plan["targets"] if "2130.5" in str(t.get("min"))]
    assert not [t for t in draft.plan["targets"] if t["section"] != "headline"]


def test_a_spelled_year_with_a_digit_zero_is_the_plan_year() -> None:
    """二0一一年 (a copy's digit zero among the spelled digits) is 2011, so the lead of that
    year is this year's."""
    text = page(
        "二0一一年全县经济社会发展的主要目标包括，地区生产总值增长12%，财政收入增长15%。", 2011
    )
    assert [t["min"] for t in heads(text, 2011)] == [Decimal("12"), Decimal("15")]


# ------------------------------------------------------------------ a page's later sentences


def test_a_sentence_naming_the_place_before_this_year_and_the_targets_figure_goes_on() -> None:
    """…。某县今年的生产总值目标为增长8%左右，其中居民消费价格涨幅3%左右。: the list goes on
    (a place before 今年; 目标为 before the figure is the target, not talk about it)."""
    text = page(
        "针对2013年的发展目标，县长提到，“城镇居民人均可支配收入增长10%以上”。"
        "某县今年的生产总值目标为增长8%左右，其中居民消费价格涨幅3%左右。",
        2013,
    )
    targets = heads(text, 2013)
    assert [(t["id"], t.get("around")) for t in targets[-2:]] == [
        ("gdp", Decimal("8")),
        ("cpi", Decimal("3")),
    ]


def test_a_relation_without_a_subject_after_two_incomes_is_each_ones() -> None:
    """城镇居民人均可支配收入、农民人均纯收入实际增长9%以上，力争与经济增长同步: two growths and
    two relations to the economy's growth, one for each income."""
    targets = heads(
        lead(
            "地区生产总值增长7%，城镇居民人均可支配收入、农民人均纯收入实际增长9%以上，力争与经济增长同步。"
        )
    )
    relations = [t for t in targets if t["kind"] == "relative"]
    assert sorted((t["relation"], t["reference"]) for t in relations) == [
        ("same", "gdp"),
        ("same", "gdp"),
    ]
    assert all(t["quote"] == "力争与经济增长同步" for t in relations)


def test_another_years_goals_quoted_on_a_page_are_no_work_targets() -> None:
    """还提出了“2017年全县生产总值突破500亿元，财政总收入突破50亿元”的目标: another year's
    goals, not work targets of the plan year."""
    text = page(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长8%左右。\n"
        "该县还提出了“2017年全县生产总值突破500亿元，人均生产总值突破5万元，"
        "财政总收入突破50亿元”的目标。",
        2013,
    )
    draft = extract_plan(text, year=2013)
    assert [t["id"] for t in draft.plan["targets"]] == ["gdp"]


# ------------------------------------------------------------------ a plan notice's page


_NOTICE = page(
    "《计划》提出，今年全市GDP增长将保持9%的增幅，一般公共预算收入增长10%以上。\n"
    "《计划》还提出，今年全市居民消费价格涨幅控制在3%左右；城镇居民人均可支配收入增长9%。\n"
    "在规模以上工业增加值、社会消费品零售总额方面，分别保持增长11%和12%以上。"
    "今年，人口自然增长率、单位GDP能耗和主要污染物排放总量削减率等约束性指标，"
    "确保完成省政府下达的任务。",
    2014,
)


def test_growth_kept_at_a_rate_of_increase_is_a_growth() -> None:
    """GDP增长将保持9%的增幅: a growth of at least 9, not a level."""
    gdp = heads(_NOTICE, 2014)[0]
    assert (gdp["id"], gdp["kind"], gdp["min"]) == ("gdp", "growth", Decimal("9"))


def test_a_plan_notices_next_line_opening_with_the_plan_says_goes_on() -> None:
    """《计划》还提出，今年…: the list goes on (as 报告还提出 does)."""
    assert {"cpi", "urban_income"} <= set(ids(heads(_NOTICE, 2014)))


def test_a_heading_clause_of_indicators_before_respectively_gives_the_subjects() -> None:
    """在A、B方面，分别保持增长11%和12%以上: two growths, quoting both clauses."""
    targets = [t for t in heads(_NOTICE, 2014) if "分别" in t["quote"]]
    assert [(t["id"], t["min"]) for t in targets] == [
        ("industrial_value_added", Decimal("11")),
        ("retail_sales", Decimal("12")),
    ]
    assert targets[0]["quote"].startswith("在规模以上工业增加值")


def test_binding_indicators_named_before_a_task_set_above_are_each_pending() -> None:
    """人口自然增长率、单位GDP能耗和…削减率等约束性指标，确保完成省政府下达的任务: three
    pending targets, one quote."""
    targets = [t for t in heads(_NOTICE, 2014) if t.get("pending")]
    assert len(targets) == 3
    assert {t["kind"] for t in targets} == {"level", "growth", "cumulative"}
    assert len({t["quote"] for t in targets}) == 1


def test_binding_indicators_kept_within_the_range_province_and_city_set_are_pending() -> None:
    """主要约束性指标控制在省市规定范围以内: one pending target (the indicators unnamed)."""
    targets = heads(lead("地区生产总值增长7%，主要约束性指标控制在省市规定范围以内。"))
    assert [(t["kind"], t.get("pending")) for t in targets] == [
        ("growth", None),
        ("level", True),
    ]


def test_all_the_tasks_handed_down_at_once_name_no_indicator() -> None:
    """全面完成省市下达的各项目标任务 (a guard: with 省市 now read as who sets a bound, the
    clause still names no indicator and is no target)."""
    targets = heads(lead("地区生产总值增长7%，全面完成省市下达的各项目标任务，社会大局和谐稳定。"))
    assert ids(targets) == ["gdp"]


# ------------------------------------------------------------------ a quarter's meeting


_QUARTER = page(
    "会议透露，一季度我市有望实现“开门红”。初步预计，全市生产总值将达到98.5亿元左右，"
    "增长12%以上。\n"
    "今年我市经济预期增长目标为12%以上，工业增加值增长20%以上、地方公共财政收入增长14%、"
    "社会消费品零售总额增长15%以上。\n"
    "初步预计，一季度全市生产总值将达到98.5亿元左右，增长12%以上。其中：一产业增加值10.2亿元，"
    "增长3%以上；二产业增加值50.1亿元，增长18%以上。",
    2012,
)


def test_the_economys_growth_target_opening_a_list_listed_with_pause_marks() -> None:
    """今年我市经济预期增长目标为12%以上，A增长20%以上、B增长14%、C增长15%以上: the year's
    targets (the clauses set apart by 、 count one each), not the quarter's estimates."""
    targets = heads(_QUARTER, 2012)
    assert [(t["id"], t["min"]) for t in targets] == [
        ("gdp", Decimal("12")),
        ("industrial_value_added", Decimal("20")),
        ("budget_revenue", Decimal("14")),
        ("retail_sales", Decimal("15")),
    ]
    assert targets[0]["quote"] == "经济预期增长目标为12%以上"


def test_an_estimate_and_its_breakdown_are_no_work_targets() -> None:
    """初步预计，…将达到98.5亿元左右…。其中：一产业增加值10.2亿元…: estimates, not work."""
    draft = extract_plan(_QUARTER, year=2012)
    assert [t for t in draft.plan["targets"] if t["section"] != "headline"] == []


def test_a_goal_of_a_later_year_after_the_years_growth_target_is_left_out() -> None:
    """2012年生产总值预期增长目标为10%，到2016年…预计突破2500亿元，年均增长10%: the year's
    growth alone (a guard for the lead the quarter's page taught)."""
    text = page(
        "据报告，预计2011年全市实现生产总值1600亿元，增长10%；2012年生产总值预期增长目标为10%，"
        "到2016年全市生产总值预计突破2500亿元，年均增长10%。",
        2012,
    )
    assert [(t["id"], t["min"]) for t in heads(text, 2012)] == [("gdp", Decimal("10"))]


# ------------------------------------------------------------------ single wordings


def test_a_rate_spelled_per_mille_is_a_level_in_per_mille() -> None:
    """人口自然增长率控制在千分之四点五以内: a ceiling of 4.5 ‰."""
    targets = heads(lead("地区生产总值增长7%，人口自然增长率控制在千分之四点五以内。"))
    assert (targets[1]["kind"], targets[1]["max"], targets[1]["unit"]) == (
        "level",
        Decimal("4.5"),
        "‰",
    )


def test_disposable_revenue_sharing_a_growth_with_an_income_is_a_target_too() -> None:
    """可用财力、农民人均纯收入增长20%以上: two growths (可用财力 is a fiscal indicator)."""
    targets = heads(lead("地区生产总值增长7%，可用财力、农民人均纯收入增长20%以上。"))
    assert sorted(t["name"] for t in targets[1:]) == ["农民人均纯收入", "可用财力"]


def test_work_safety_among_indicators_a_higher_level_sets_is_pending_too() -> None:
    """城镇登记失业率、节能减排、安全生产等指标控制在市定目标内: four pending targets."""
    targets = heads(
        lead("地区生产总值增长7%。城镇登记失业率、节能减排、安全生产等指标控制在市定目标内。")
    )
    pending = [t for t in targets if t.get("pending")]
    assert len(pending) == 4
    assert "安全生产" in [t["name"] for t in pending]


def test_per_head_after_an_amount_and_its_growth_is_the_amounts_per_head() -> None:
    """地区生产总值达到13.9亿元，增长16%，人均达到4382元: GDP per head, 4382 元."""
    targets = heads(lead("地区生产总值达到13.9亿元，增长16%，人均达到4382元；财政收入增长10%。"))
    per_head = [t for t in targets if t["quote"] == "人均达到4382元"]
    assert [(t["id"], t["kind"], t["min"], t["unit"]) for t in per_head] == [
        ("gdp_per_capita", "cumulative", Decimal("4382"), "元")
    ]


def test_a_full_stop_for_a_decimal_point_inside_a_percentage() -> None:
    """城镇登记失业率4。6%以内 (a copy's 。 for the point): a ceiling of 4.6, quoted as written."""
    targets = heads(lead("地区生产总值增长8%，城镇登记失业率4。6%以内，居民消费价格涨幅4%左右。"))
    assert (targets[1]["max"], targets[1]["quote"]) == (Decimal("4.6"), "城镇登记失业率4。6%以内")
    assert targets[2]["around"] == Decimal("4")


# ------------------------------------------------------------------ 城乡居民收入: one or two


def test_town_and_country_income_in_a_relation_is_one_series() -> None:
    """城乡居民收入与经济增长基本同步: one relation (the 城乡 compound), as every blind set's
    gold reads it (sets A-H: 12 such clauses, none split)."""
    targets = heads(lead("地区生产总值增长6%，城乡居民收入与经济增长基本同步。"))
    relations = [t for t in targets if t["kind"] == "relative"]
    assert [(t["name"], t["relation"], t["reference"]) for t in relations] == [
        ("城乡居民收入", "same", "gdp")
    ]


def test_town_and_country_income_is_two_where_a_table_has_a_row_for_each() -> None:
    """The same clause with a 附表 of last year's figures that has an urban and a rural income
    row: two relations (the seed report's 附表1 reads so), each with its row's baseline."""
    text = (
        "2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年，全区经济平稳运行。\n"
        "二、2024年主要预期目标\n2024年全区经济社会发展的主要预期目标是：地区生产总值增长6%，"
        "城乡居民收入与经济增长基本同步。\n"
        "附表\n"
        "序号 | 指标 | 单位 | 2023年计划 | 2023年完成 | 增长 | 2024年计划 |\n"
        "1 | 地区生产总值 | 亿元 | 6 | 700 | 5.5 | 6 |\n"
        "2 | 城镇常住居民人均可支配收入 | 元 | 同步 | 50000 | 5 | 同步 |\n"
        "3 | 农村常住居民人均可支配收入 | 元 | 25000 | 7 | |\n"
    )
    relations = [t for t in heads(text) if t["kind"] == "relative"]
    assert [t["id"] for t in relations] == ["urban_income", "rural_income"]
    assert [t["baseline"]["value"] for t in relations] == [50000, 25000]


# ------------------------------------------------------------------ traditional characters


def test_traditional_characters_the_blind_copies_left_unmapped_are_read() -> None:
    """貴州, 剛性, 躋身… (nine characters of the blind copies the table lacked): read as
    simplified in the parse form, the same length."""
    written = "貴州剛性躋身駿馬驊磯籠倖擼"
    assert parse_form(written) == "贵州刚性跻身骏马骅矶笼幸撸"


# ------------------------------------------------------------------ a wire page on one line


_ONE_LINE = (
    "1月20日上午，某省第十二届人民代表大会第三次会议开幕。代省长某某在《政府工作报告》中提出，"
    "2013年，某省将力争GDP首次突破二万亿元人民币，全年生产总值增长11%以上。 某某表示，"
    "今年某省将集中精力抓项目，千方百计增投资，力争规模以上固定资产投资9100亿元以上，"
    "实现22%以上的增长；扩大消费需求，完善促进消费持续增长，力争实现社会消费品零售总额4200亿元，"
    "达到16%以上的增长。 据了解，共有600名代表出席本次会议。"
)


def test_a_speakers_sentence_of_this_years_figures_goes_on_after_the_plan_years() -> None:
    """2013年，…增长11%以上。 某某表示，今年…力争…9100亿元以上，实现22%以上的增长；…: one
    list (the page on one line, the plan year before 今年)."""
    targets = heads(_ONE_LINE, 2013)
    assert {Decimal("9100"), Decimal("4200")} <= {t.get("min") for t in targets}


def test_a_growth_stated_as_the_rate_an_amount_grows_at_is_the_amounts() -> None:
    """…9100亿元以上，实现22%以上的增长: the amount and its growth (min 22)."""
    targets = heads(_ONE_LINE, 2013)
    growth = next(t for t in targets if t["quote"] == "实现22%以上的增长")
    assert (growth["id"], growth["kind"], growth["min"]) == (
        "fixed_asset_investment",
        "growth",
        Decimal("22"),
    )


def test_an_amount_of_one_digit_before_wan_yi_yuan_is_a_figure() -> None:
    """突破二万亿元人民币: 2 (万亿元), not a word."""
    targets = heads(_ONE_LINE, 2013)
    first = targets[0]
    assert (first["kind"], first["min"], first["unit"]) == ("cumulative", Decimal("2"), "万亿元")


def test_a_work_verb_before_a_trend_is_prose_not_an_indicator() -> None:
    """完善促进消费持续增长 in a list: work in prose, no trend target."""
    targets = heads(
        lead("地区生产总值增长7%，扩大消费需求，完善促进消费持续增长，财政收入增长8%。")
    )
    assert ids(targets) == ["gdp", "budget_revenue"]
