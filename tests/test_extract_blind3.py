"""What the third blind round taught (docs/extract.md, "Third round, session 6: learning from
set C").

Set C of session 5, measured once and on record, was studied after its measurement: its
misses were headline paragraphs cut after their first sentence, page layouts not read as a
report (a heading over short lines of targets), pending wordings and clause forms. Each test is
a short text written for it, in words of its own, that the extractor read wrongly before the
fix.
"""

from __future__ import annotations

from decimal import Decimal

from extract_drafts import heads, ids
from plancli.extract import extract_plan
from plancli.extract.flow import reflow


def page(lead_and_targets: str, year: int = 2024) -> str:
    """A news page around a lead and its targets: a dateline before, a footer after."""
    return (
        f"本报讯 {year}年1月20日，某市第十届人民代表大会第三次会议开幕，市长作政府工作报告。\n"
        "报告回顾了过去一年的工作，部署了新一年的重点任务。\n"
        f"{lead_and_targets}\n"
        "（编辑：某某）\n"
    )


# ------------------------------------------------------------------ page layouts


def test_short_lines_under_headings_are_no_fixed_width_wrap() -> None:
    """A summary card (headings over short lines, each closed by 。) is not a text wrapped at
    a fixed width: its lines stay apart, so the heading still leads the targets under it."""
    card = (
        "要点一览\n"
        "2023年工作回顾\n"
        "全市生产总值增长4.1%。\n"
        "城镇新增就业8.2万人。\n"
        "居民消费价格上涨0.4%。\n"
        "2024年主要预期目标\n"
        "全市生产总值增长5%左右。\n"
        "城镇新增就业8万人以上。\n"
        "居民消费价格涨幅3%左右。\n"
        "居民收入增长与经济增长同步\n"
        "国际收支保持基本平衡。\n"
        "城镇调查失业率5.5%以内。\n"
        "2024年重点工作\n"
        "新建口袋公园30个。\n"
    )
    assert "\n2024年主要预期目标\n" in reflow(card).text
    targets = heads(card)
    assert ids(targets) == [
        "gdp",
        "new_urban_jobs",
        "cpi",
        "resident_income",
        "headline_1",
        "surveyed_unemployment_rate",
    ]
    assert targets[4]["quote"] == "国际收支保持基本平衡"
    assert targets[0]["around"] == 5


# ------------------------------------------------------------------ the paragraph read whole


def test_a_sentence_of_counts_and_trends_goes_on_the_paragraph() -> None:
    """After the first sentence, one of counts (城镇新增就业6万人) and one of a bare trend
    (对外贸易保持稳定) are targets too, not work targets."""
    targets = heads(
        page(
            "2024年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。"
            "城镇新增就业6万人，城镇登记失业率控制在3.5%以内。对外贸易保持稳定。"
            "居民消费价格涨幅3%左右。"
        )
    )
    assert ids(targets) == [
        "gdp",
        "budget_revenue",
        "new_urban_jobs",
        "unemployment_rate",
        "foreign_trade",
        "cpi",
    ]
    assert targets[2]["min"] == 6
    assert (targets[4]["kind"], targets[4]["direction"]) == ("trend", "band")


def test_a_next_line_opening_with_the_plan_year_goes_on_the_paragraph() -> None:
    """A copy that set the paragraph's second sentence on a line of its own, opening with the
    plan year (2024年，…) or with 力争, still lists the year's targets."""
    targets = heads(
        page(
            "报告提出2024年全市经济社会发展的主要预期目标：地区生产总值增长6%左右；"
            "一般公共预算收入增长5%。\n"
            "2024年，城镇登记失业率控制在3.5%以内；社会消费品零售总额增长7%左右。\n"
            "力争规模以上工业增加值增长8%以上、外贸进出口增长5%以上。\n"
            "报告说，为实现上述目标，要抓好八个方面的工作。"
        )
    )
    assert ids(targets) == [
        "gdp",
        "budget_revenue",
        "unemployment_rate",
        "retail_sales",
        "industrial_value_added",
        "foreign_trade",
    ]
    assert [t.get("min") or t.get("max") or t.get("around") for t in targets] == [
        6,
        5,
        Decimal("3.5"),
        7,
        8,
        5,
    ]


def test_prose_aims_after_the_targets_are_not_targets() -> None:
    """A sentence of aims in prose after the paragraph (生态持续改善，产业不断壮大，…) stays out."""
    targets = heads(
        page(
            "2024年主要预期目标是：地区生产总值增长6%左右；居民消费价格涨幅控制在3%以内。"
            "城乡面貌持续改善，特色产业不断壮大，基础设施建设深入推进，民生福祉不断增进。"
        )
    )
    assert ids(targets) == ["gdp", "cpi"]


def test_a_plan_reports_expected_and_binding_indicators_are_one_paragraph() -> None:
    """A 计划 report's 主要预期指标是：… and, on the next line, 约束性指标是：… with heading
    clauses (资源节约方面，…; 民生方面，…) are all headline targets."""
    targets = heads(
        page(
            "2024年国民经济和社会发展计划的主要预期指标是：地区生产总值增长6%左右，"
            "一般公共预算收入增速由负转正，城镇新增就业5万人。\n"
            "约束性指标是：资源节约方面，单位地区生产总值能耗下降3%。"
            "民生方面，改造老旧小区住房2万套。"
        )
    )
    assert [t["quote"] for t in targets] == [
        "地区生产总值增长6%左右",
        "一般公共预算收入增速由负转正",
        "城镇新增就业5万人",
        "单位地区生产总值能耗下降3%",
        "改造老旧小区住房2万套",
    ]
    assert (targets[1]["kind"], targets[1]["direction"]) == ("trend", "band")
    assert (targets[4]["kind"], targets[4]["min"], targets[4]["unit"]) == ("cumulative", 2, "万套")


# ------------------------------------------------------------------ clause forms


def test_levels_listed_with_respectively_get_their_own_figures() -> None:
    """城镇调查失业率、城镇登记失业率分别为5.2%左右和3.8%以内: two levels, 5.2 and 3.8."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长5%左右，"
            "城镇调查失业率、城镇登记失业率分别为5.2%左右和3.8%以内。"
        )
    )
    assert ids(targets) == ["gdp", "surveyed_unemployment_rate", "unemployment_rate"]
    assert (targets[1]["around"], targets[2]["max"]) == (Decimal("5.2"), Decimal("3.8"))


def test_flat_with_last_year_worded_with_du_and_basically() -> None:
    """与上年度基本持平: the same as last year (a steady trend), as 与上年持平."""
    targets = heads(page("主要预期目标是：地区生产总值增长5%左右，固定资产投资与上年度基本持平。"))
    assert ids(targets) == ["gdp", "fixed_asset_investment"]
    assert (targets[1]["kind"], targets[1]["direction"]) == ("trend", "band")


# ------------------------------------------------------------------ pending wordings


def test_targets_the_city_sets_are_pending() -> None:
    """A district's report leaves bounds to the city (市定目标) or the state and province
    (国家和省定目标): 控制在市定目标内, 完成市定目标, 完成…市定目标任务 are pending."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长6%左右；城镇调查失业率控制在市定目标内；"
            "地表水断面水质、空气质量优良天数比例完成市定目标；完成城镇新增就业市定目标任务；"
            "节能降碳完成国家和省定目标。"
        )
    )
    assert [t["id"] for t in targets if t.get("pending")] == [
        "surveyed_unemployment_rate",
        "headline_1",
        "air_quality_good_rate",
        "new_urban_jobs",
        "energy_intensity",
        "co2_intensity",
    ]
    assert targets[1]["kind"] == "level" and "decline" not in targets[1]


def test_indicators_carried_out_as_the_state_requires_are_pending() -> None:
    """…等指标按国家要求落实 and 控制在国家下达目标之内: pending, one per indicator named."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长5%左右，能源、水资源等指标按国家要求落实，"
            "主要污染物排放控制在国家下达目标之内。"
        )
    )
    assert [t["id"] for t in targets if t.get("pending")] == [
        "energy_intensity",
        "water_intensity",
        "emission_reduction",
    ]


def test_a_big5_copys_small_semicolon_separates_clauses() -> None:
    """﹔ (a big5 page's small semicolon) ends a clause as ； does."""
    targets = heads(
        page("主要預期目標是：地區生產總值增長6%左右﹔居民消費價格漲幅3%左右﹔糧食產量保持穩定。")
    )
    assert ids(targets) == ["gdp", "cpi", "grain_output"]
    assert targets[1]["quote"] == "居民消費價格漲幅3%左右"


def test_a_pending_sentence_or_line_after_the_targets_goes_on_the_paragraph() -> None:
    """A sentence of its own (能源、水资源等指标按国家要求落实。) after the paragraph's 。, and a
    last line 节能降碳完成国家和省定目标 under a heading, are pending headline targets."""
    sentence = heads(
        page(
            "主要预期目标是：地区生产总值增长5%左右，居民收入稳定增长。"
            "能源、水资源等指标按国家要求落实。"
        )
    )
    assert [t["id"] for t in sentence if t.get("pending")] == [
        "energy_intensity",
        "water_intensity",
    ]
    lines = heads(
        page(
            "今年主要预期目标\n地区生产总值增长5%左右\n居民消费价格涨幅3%左右\n节能降碳完成国家和省定目标"
        )
    )
    assert [t["id"] for t in lines if t.get("pending")] == ["energy_intensity", "co2_intensity"]


def test_a_saving_task_naming_many_pollutants_is_pending_for_each() -> None:
    """完成单位生产总值能耗、化学需氧量、二氧化硫、氨氮、氮氧化物等年度节能减排任务: a long list
    of what the task names is still one pending target per indicator."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长7%左右；"
            "完成单位地区生产总值能耗、化学需氧量、二氧化硫、氨氮、氮氧化物等年度节能减排任务。"
        )
    )
    assert [t["id"] for t in targets if t.get("pending")] == [
        "energy_intensity",
        "cod_emissions",
        "so2_emissions",
        "ammonia_nitrogen_emissions",
        "nox_emissions",
    ]


def test_a_summary_lead_of_one_target_gives_way_to_the_full_paragraph() -> None:
    """A news page that states the first target in its summary and all of them below drafts
    the full paragraph."""
    text = (
        "本报讯 2024年1月20日，某省政府工作报告提出，全省主要预期目标：地区生产总值增长6%左右。\n"
        "报告回顾了过去一年的工作。\n"
        "报告提出了全省经济社会发展的主要预期目标：地区生产总值增长6%左右；"
        "一般公共预算收入增长5%；城镇调查失业率5.5%左右。\n"
        "（编辑：某某）\n"
    )
    targets = heads(text)
    assert ids(targets) == ["gdp", "budget_revenue", "surveyed_unemployment_rate"]
    gdp = extract_plan(text, year=2024).targets[0]
    assert gdp.start == text.index("地区生产总值增长6%左右；")  # the full paragraph's


def test_a_lead_with_words_inside_it() -> None:
    """主要预期经济社会发展目标： (words between 主要预期 and 目标) leads the targets."""
    targets = heads(
        page(
            "市长在报告中提出了今年的主要预期经济社会发展目标：全市生产总值增长5%，"
            "居民消费价格涨幅2%左右；城镇新增就业3万人以上。"
        )
    )
    assert ids(targets) == ["gdp", "cpi", "new_urban_jobs"]


# ------------------------------------------------------------------ figures spelled out


def test_a_wire_copys_spelled_figures_are_read_and_quoted_verbatim() -> None:
    """A news wire spells figures (增长百分之八点五, 控制在百分之四以内, 三千零五十亿元): read as
    figures, the quotes keep the report's characters."""
    text = page(
        "报告称，二〇〇六年的主要预期目标是：全区生产总值三千零五十亿元，增长百分之八点五；"
        "城镇登记失业率控制在百分之四以内；社会消费品零售总额增长百分之十二。",
        year=2006,
    )
    targets = heads(text, year=2006)
    assert ids(targets) == ["gdp_amount", "gdp", "unemployment_rate", "retail_sales"]
    amount, gdp, jobless, retail = targets
    assert (amount["kind"], amount["min"], amount["unit"]) == ("cumulative", 3050, "亿元")
    assert (gdp["kind"], gdp["min"]) == ("growth", Decimal("8.5"))
    assert gdp["quote"] == "增长百分之八点五"
    assert (jobless["max"], retail["min"]) == (4, 12)
    assert all(t["quote"] in text for t in targets)


def test_spelled_figures_keep_every_offset() -> None:
    """The spelled figure's digits stand in its place, padded: the text keeps its length, and
    numerals that are words (十四五, 一二三产) or too short for their digits stay."""
    from plancli.extract.numerals import spell_figures

    for words in ("增长百分之十点七", "投资一千二百亿元", "十四五规划", "一二三产", "增加一百元"):
        assert len(spell_figures(words)) == len(words)
    assert spell_figures("增长百分之十点七") == "增长 10.7%"
    assert spell_figures("投资一千二百亿元") == "投资1200亿元"
    assert spell_figures("十四五规划") == "十四五规划"
    assert spell_figures("增加一百元") == "增加一百元"


def test_indicators_named_one_a_clause_share_the_task_after_them() -> None:
    """环境方面，包括A比例，B浓度，C、D减排幅度，完成国家下达任务: the task is each indicator's —
    one pending target per indicator named, not one for the words 完成国家下达任务."""
    targets = heads(
        page(
            "主要预期指标是：地区生产总值增长6%左右。约束性指标是：环境方面，"
            "包括城市空气质量优良天数比例，地表水达标断面比例，二氧化硫、氨氮减排幅度，"
            "完成国家下达任务。"
        )
    )
    pending = [t for t in targets if t.get("pending")]
    assert [t["id"] for t in pending] == [
        "air_quality_good_rate",
        "headline_1",
        "so2_emissions",
        "ammonia_nitrogen_emissions",
    ]
    assert all(t["quote"].endswith("完成国家下达任务") for t in pending)


# ------------------------------------------------------------------ traditional characters


def test_variant_characters_of_a_traditional_copy_are_read() -> None:
    """産 (a variant of 產 some big5 pages set: 國內生産總值) and 説 are read as 产 and 说."""
    targets = heads(
        page("報告説，今年主要預期目標是：國內生産總值增長5%左右，居民消費價格漲幅3%左右。")
    )
    assert ids(targets) == ["gdp", "cpi"]
    assert targets[0]["quote"] == "國內生産總值增長5%左右"


def test_all_indicators_at_once_or_the_social_order_are_no_targets() -> None:
    """各项主要经济指标高于全市平均水平 and 社会大局和谐稳定 name no indicator to track."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长6%左右，各项主要经济指标高于全市平均水平，"
            "居民消费价格涨幅3%左右，社会大局和谐稳定。"
        )
    )
    assert ids(targets) == ["gdp", "cpi"]


def test_a_news_copys_next_paragraph_of_this_years_targets_goes_on() -> None:
    """A news copy gives the first target after the lead and the rest in its next paragraph
    (报告中提到，今年目标…): one headline paragraph; the commentary after it is not."""
    targets = heads(
        page(
            "市长在报告中表示，今年主要预期目标是地区生产总值增长5.5%以上，同时要统筹好发展和安全。\n"
            "报告中提到，今年目标城镇新增就业6万人以上，城镇调查失业率5.5%左右；"
            "居民消费价格涨幅3%左右。\n"
            "市长表示，经济增速是综合性指标，今年预期目标设定为5.5%以上，考虑了多方面因素。"
        )
    )
    assert ids(targets) == ["gdp", "new_urban_jobs", "surveyed_unemployment_rate", "cpi"]


def test_a_summary_card_on_one_line_set_apart_by_spaces() -> None:
    """A scraped summary card: the heading and its targets on one line, set apart by spaces
    (主要预期目标 地区生产总值增长6%左右 一般公共预算收入增长4% …): one target each."""
    targets = heads(
        page(
            "摘要：今年全市主要预期目标 地区生产总值增长6%左右 一般公共预算收入增长4% "
            "城镇调查失业率5.5%以内 居民消费价格涨幅3%左右"
        )
    )
    assert [t["quote"] for t in targets] == [
        "地区生产总值增长6%左右",
        "一般公共预算收入增长4%",
        "城镇调查失业率5.5%以内",
        "居民消费价格涨幅3%左右",
    ]


def test_results_so_far_after_the_paragraph_are_no_targets() -> None:
    """A next line of this year's results so far (今年以来，…增长5.1%) or last year's
    (2023年，…增长5.2%) or an estimate (预计全年…) does not go on the paragraph."""
    targets = heads(
        page(
            "2024年主要预期目标是：地区生产总值增长5.5%左右；居民消费价格涨幅3%左右。\n"
            "今年以来，全市生产总值增长5.1%，规模以上工业增加值增长6%。\n"
            "2023年，全市生产总值增长5.2%，一般公共预算收入增长4.5%。\n"
            "预计全年地区生产总值增长5%左右，城镇新增就业5万人。"
        )
    )
    assert ids(targets) == ["gdp", "cpi"]


def test_aims_without_a_figure_are_tracked_indicators() -> None:
    """进出口回稳向好 and 空气质量继续保持全国领先水平 state no figure: tracked indicators."""
    targets = heads(
        page(
            "主要预期目标是：地区生产总值增长5%左右，外贸进出口回稳向好，"
            "空气质量继续保持全国领先水平。"
        )
    )
    assert [(t["id"], t["kind"]) for t in targets] == [
        ("gdp", "growth"),
        ("foreign_trade", "indicator"),
        ("headline_1", "indicator"),
    ]


def test_card_lines_of_levels_with_units_and_verbs_go_on() -> None:
    """Under a heading, lines whose figure has a unit before its qualifier (35微克/立方米以内)
    or follows a verb (稳定在500万吨, 提高到45%) are targets too: the card is read to its end."""
    card = page(
        "2024年主要预期目标\n"
        "地区生产总值增长5%左右\n"
        "细颗粒物平均浓度控制在35微克/立方米以内\n"
        "粮食产量稳定在500万吨\n"
        "森林覆盖率提高到45%\n"
        "居民人均可支配收入增长与经济增长同步\n"
        "2024年重点工作\n"
        "新建学校3所。"
    )
    targets = heads(card)
    assert ids(targets) == ["gdp", "pm25", "grain_output", "headline_1", "resident_income"]
    assert targets[1]["max"] == 35


def test_explicit_bounds_and_a_higher_aim_after_a_floor() -> None:
    """增长不低于8% is a growth floor; 涨幅不超过3% a ceiling even for the CPI (no band);
    规模以上工业增加值增长7%以上，力争8%: a floor of 7 with 8 as a higher aim, quoted whole
    (规模以上 is part of the name, not a qualifier ending a clause)."""
    targets = heads(
        page(
            "主要预期目标是：全社会固定资产投资增长不低于8%，居民消费价格涨幅不超过3%，"
            "规模以上工业增加值增长7%以上，力争8%。"
        )
    )
    assert ids(targets) == ["fixed_asset_investment", "cpi", "industrial_value_added"]
    investment, cpi, industry = targets
    assert (investment["kind"], investment["min"]) == ("growth", 8)
    assert (cpi.get("max"), cpi.get("around")) == (3, None)
    assert (industry["min"], industry["stretch"]) == (7, 8)
    assert industry["quote"] == "规模以上工业增加值增长7%以上，力争8%"


def test_a_one_target_paragraph_does_not_give_way_to_five_year_goals() -> None:
    """A paragraph of one target keeps its place when the later lead of several is the
    five-year plan's (“十五五”时期主要预期目标是：…)."""
    text = page(
        "今年主要预期目标是：地区生产总值增长6%左右。\n"
        "“十五五”时期经济社会发展的主要预期目标是：地区生产总值年均增长5.5%左右，"
        "城镇调查失业率控制在5.5%以内。"
    )
    assert [t["quote"] for t in heads(text)] == ["地区生产总值增长6%左右"]
