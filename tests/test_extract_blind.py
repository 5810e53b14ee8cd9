"""What the blind measurement on web-page excerpts taught (docs/extract.md, session 5).

Each test is a short sentence written for the test, of a kind a copy of a report on the web
brings and the extractor once missed: a copy in traditional characters or with a converter's
pinyin, a lead worded otherwise, a clause form.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from plancli.errors import InputError
from plancli.extract import extract_plan


def page(lead_and_targets: str, year: int = 2024) -> str:
    """A news page around a lead and its targets: a dateline before, a footer after."""
    return (
        f"本报讯 {year}年1月20日，某市第十届人民代表大会第三次会议开幕，市长作政府工作报告。\n"
        "报告在回顾工作的同时，提出了新一年的发展思路和工作安排。\n"
        f"{lead_and_targets}\n"
        "（责任编辑：某某）\n"
    )


def heads(text: str, year: int = 2024) -> list[dict[str, Any]]:
    draft = extract_plan(text, year=year)
    return [t for t in draft.plan["targets"] if t["section"] == "headline"]


def brief(target: dict[str, Any]) -> tuple[Any, ...]:
    return (
        target["kind"],
        target.get("min"),
        target.get("max"),
        target.get("around"),
        target.get("direction"),
    )


# ---------------------------------------------------------------------------- copies


def test_a_copy_in_traditional_characters_reads_as_the_simplified_report() -> None:
    text = page(
        "報告提出，今年全市經濟社會發展的主要預期目標是：地區生產總值增長6%左右；城鎮調查失業率5.5%以內；糧食產量穩定在250萬噸以上。"
    )
    targets = heads(text)
    assert [(t["id"], brief(t)) for t in targets] == [
        ("gdp", ("growth", None, None, 6, None)),
        ("surveyed_unemployment_rate", ("level", None, Decimal("5.5"), None, "down")),
        ("grain_output", ("level", 250, None, None, None)),
    ]
    assert [t["quote"] for t in targets] == [
        "地區生產總值增長6%左右",
        "城鎮調查失業率5.5%以內",
        "糧食產量穩定在250萬噸以上",
    ]


def test_a_garbled_copy_with_pinyin_after_characters_is_read_and_quoted_as_it_stands() -> None:
    text = page(
        "主要預(yù)期目標(biāo)是:地區(qū)生產(chǎn)總值增長(zhǎng)7%以上,一般公共預(yù)算收入增長(zhǎng)4%左右。"
    )
    targets = heads(text)
    assert [(t["id"], brief(t)) for t in targets] == [
        ("gdp", ("growth", 7, None, None, None)),
        ("budget_revenue", ("growth", None, None, 4, None)),
    ]
    assert targets[0]["quote"] == "地區(qū)生產(chǎn)總值增長(zhǎng)7%以上"


# ---------------------------------------------------------------------------- leads


@pytest.mark.parametrize(
    "lead",
    [
        "今年全市经济社会发展的主要预期目标是，",  # a comma for the colon
        "市长提出今年的主要预期目标——",  # a dash
        "今年主要预期目标为",  # run into the first target
        "该市确定了今年的发展预期目标，",
        "报告提出了今年高质量发展指标体系安排，具体为：",
        "— 主要目标 —\n",  # a heading line above the targets
        "■ 今年预期目标\n",
    ],
)
def test_leads_a_copy_words_otherwise(lead: str) -> None:
    text = page(f"{lead}地区生产总值增长6%左右，一般公共预算收入增长5%。")
    assert [(t["id"], brief(t)) for t in heads(text)] == [
        ("gdp", ("growth", None, None, 6, None)),
        ("budget_revenue", ("growth", 5, None, None, None)),
    ]


def test_a_sentence_opening_预期_leads_its_targets() -> None:
    text = page("2024年，预期全市地区生产总值增长6%以上，城镇登记失业率控制在4%以内。")
    assert [(t["id"], brief(t)) for t in heads(text)] == [
        ("gdp", ("growth", 6, None, None, None)),
        ("unemployment_rate", ("level", None, 4, None, "down")),
    ]


# ---------------------------------------------------------------------------- clause forms


def paragraph(targets: str) -> list[dict[str, Any]]:
    return heads(page(f"今年主要预期目标是：{targets}。"))


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # no figure: tracked indicators and trends
        ("国际收支保持基本平衡", [("indicator", None, None, None, None)]),
        ("进出口量稳质升", [("indicator", None, None, None, None)]),
        ("生态环境质量稳定改善", [("trend", None, None, None, "up")]),
        ("实际利用外资稳步增加", [("trend", None, None, None, "up")]),
        ("一般公共预算收入总量与上年持平", [("trend", None, None, None, "band")]),
        # units
        ("粮食产量稳定在1.4万亿斤以上", [("level", Decimal("1.4"), None, None, None)]),
        ("人口自然增长率控制在5‰以内", [("level", None, 5, None, None)]),
        ("城镇新增就业目标80万", [("cumulative", 80, None, None, None)]),
        ("固定资产投资总额6000亿元以上", [("cumulative", 6000, None, None, None)]),
        # 控制在 without 以内, and a bare figure of what should fall: ceilings
        ("居民消费价格涨幅控制在3%", [("level", None, 3, None, None)]),
        ("居民消费价格涨幅控制在3%左右", [("level", None, None, 3, "down")]),
        ("PM2.5平均浓度35微克/立方米", [("level", None, 35, None, "down")]),
        # a figure a copy set with spaces
        ("地区生产总值增长5 . 5%左右", [("growth", None, None, Decimal("5.5"), None)]),
    ],
)
def test_clause_forms_of_other_places(clause: str, expected: list[tuple[Any, ...]]) -> None:
    assert [
        brief(t)
        for t in paragraph(clause)
        if t["kind"] != "indicator" or not t["id"].startswith(("gdp", "national_", "province_"))
    ] == expected


@pytest.mark.parametrize(
    ("clause", "count"),
    [
        ("单位生产总值能耗和主要污染物排放量持续下降", 2),
        ("单位生产总值能耗、单位生产总值二氧化碳排放量、主要污染物排放量进一步下降", 3),
        ("城镇调查失业率和城镇登记失业率均控制在5%以内", 2),
        ("城镇居民人均可支配收入和农村居民人均可支配收入均增长6%左右", 2),
        ("城乡居民人均可支配收入均增长6%左右", 2),
    ],
)
def test_one_predicate_for_subjects_listed_together(clause: str, count: int) -> None:
    targets = paragraph(clause)
    assert len(targets) == count
    assert len({brief(t) for t in targets}) == 1  # one form for every subject
    assert len({t["id"] for t in targets}) == count


@pytest.mark.parametrize(
    "clause",
    [
        "一般公共预算收入、居民收入增长和经济增长基本同步",
        "城镇、农村居民人均可支配收入与经济增长基本保持同步",
        "财政收入和居民人均可支配收入与地区生产总值同步增长",
    ],
)
def test_relations_of_subjects_listed_together(clause: str) -> None:
    targets = [t for t in paragraph(clause) if t["kind"] == "relative"]
    assert [(t["relation"], t["reference"]) for t in targets] == [("same", "gdp")] * 2


def test_a_relation_to_the_provinces_average_gets_its_outside_series() -> None:
    targets = paragraph("固定资产投资增速高于全省平均水平")
    fai = next(t for t in targets if t["kind"] == "relative")
    outside = next(t for t in targets if t["id"] == fai["reference"])
    assert fai["relation"] == "above"
    assert outside["kind"] == "indicator" and outside["quote"] == "全省平均水平"


@pytest.mark.parametrize(
    ("clause", "ids"),
    [
        ("单位地区生产总值二氧化碳排放降幅完成省下达目标", ["co2_intensity"]),
        (
            "完成国家下达的节能减排和环境保护等任务",
            ["energy_intensity", "emission_reduction", "environment_quality"],
        ),
        ("节能减排指标控制在省政府下达的范围之内", ["energy_intensity", "emission_reduction"]),
        (
            "全面完成国家、省下达的年度节能减排降碳约束性指标",
            ["energy_intensity", "emission_reduction", "co2_intensity"],
        ),
        ("能耗强度目标在规划期内统筹考核", ["energy_intensity"]),
    ],
)
def test_tasks_set_by_the_province_or_over_the_plan_period_are_pending(
    clause: str, ids: list[str]
) -> None:
    targets = paragraph(clause)
    assert [t["id"] for t in targets] == ids
    assert all(t.get("pending") for t in targets)


def test_the_paragraph_goes_on_after_a_heading_clause_or_a_national_task() -> None:
    targets = heads(
        page(
            "今年主要预期目标是：地区生产总值增长6%左右。结构指标方面，研发经费支出占地区生产总值"
            "比重达到3%，高技术制造业增加值占规上工业比重达到20%左右。全面完成国家下达的节能减排"
            "目标。确定这一目标，主要考虑是稳定就业。"
        )
    )
    assert [t["quote"] for t in targets] == [
        "地区生产总值增长6%左右",
        "研发经费支出占地区生产总值比重达到3%",
        "高技术制造业增加值占规上工业比重达到20%左右",
        "全面完成国家下达的节能减排目标",
        "全面完成国家下达的节能减排目标",
    ]


def test_a_news_copy_without_a_lead_gives_the_paragraph_of_this_years_figures() -> None:
    targets = heads(
        page(
            "报告指出，今年要把稳就业放在突出位置；城镇新增就业50万人以上，城镇调查失业率5.5%左右，"
            "居民消费价格涨幅2%左右。"
        )
    )
    assert [(t["id"], brief(t)) for t in targets] == [
        ("new_urban_jobs", ("cumulative", 50, None, None, None)),
        ("surveyed_unemployment_rate", ("level", None, None, Decimal("5.5"), "down")),
        ("cpi", ("level", None, None, 2, "band")),
    ]


def test_without_a_lead_this_years_results_so_far_are_no_targets() -> None:
    text = page(
        "今年前三季度，全市地区生产总值同比增长5.2%左右，规上工业增加值同比增长6%以上，"
        "社会消费品零售总额同比增长4%以上。"
    )
    with pytest.raises(InputError):
        extract_plan(text, year=2024)


def test_a_garbled_copys_doubled_punctuation_does_not_end_the_paragraph() -> None:
    targets = heads(
        page("今年主要预期目标是：地区生产总值增长6%左右。,;规上工业增加值增长7%以上。")
    )
    assert [t["id"] for t in targets] == ["gdp", "industrial_value_added"]
