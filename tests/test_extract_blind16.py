"""What the sixteenth round taught (docs/extract.md, "Round 16").

Round 16 studied set O (12 web pages, 2007–2026, four in traditional characters), run blind
first after rounds 14 and 15 (86 %). Its general faults, each tested here on the real clauses of
O's pages (the figures of O's gold plans): a fall narrowing as a trend up (236: 一般公共预算收入
降幅继续收窄), a task handed down worded task-first (236: 节能减排降碳完成进度目标), a page's
summary line repeating a target of its list (238), a copy's stray space inside a name (238:
研究与试 验发展经费), and `--compare` pairing the three targets of one clause by their kind.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extract_drafts import heads, page
from plancli.extract import compare_plans, extract_plan

# 天津 2019 (set O's 236): the list as the page writes it.
TIANJIN = (
    "2019年,天津市经济社会发展的主要预期目标是:地区生产总值增长4.5%左右;在持续大幅清费减负的同时,"
    "一般公共预算收入降幅继续收窄;固定资产投资增长8%以上;社会消费品零售总额增长5%;新增就业48万人;"
    "居民人均可支配收入增速高于地区生产总值增速;城市居民消费价格涨幅控制在3%左右;"
    "节能减排降碳完成进度目标。"
)


def _by_quote(targets: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for target in targets:
        found.setdefault(target["quote"], []).append(target)
    return found


def test_a_fall_narrowing_is_a_trend_up() -> None:
    """一般公共预算收入降幅继续收窄: budget revenue recovering, a trend up (before: down, the
    narrowing read as the revenue's)."""
    [revenue] = _by_quote(heads(page(TIANJIN, 2019), 2019))["一般公共预算收入降幅继续收窄"]
    assert (revenue["id"], revenue["kind"], revenue["direction"]) == (
        "budget_revenue",
        "trend",
        "up",
    )


def test_a_task_handed_down_worded_task_first() -> None:
    """节能减排降碳完成进度目标: the three pending targets of 完成节能减排降碳 (before: missed)."""
    tasks = _by_quote(heads(page(TIANJIN, 2019), 2019))["节能减排降碳完成进度目标"]
    assert [(t["id"], t["kind"], t["pending"]) for t in tasks] == [
        ("energy_intensity", "growth", True),
        ("emission_reduction", "cumulative", True),
        ("co2_intensity", "growth", True),
    ]


# 大连 2021 (set O's 238): a summary line over the list, the page's stray spaces kept.
DALIAN = (
    "大连市第十六届人民代表大会第四次会议今天上午开幕，市长代表市政府向大会作工作报告。"
    "2021年是“十四五”开局之年。\n\n"
    "城镇新增就业人数9. 6万人\n\n"
    "全市地区生产总值增长6.5 %左右。全员劳动生产率增长6%。研究与试 验发展经费占地区生产总值比重3%。"
    "一般公共预算收入增长1%。城镇登记失业率控制在4. 5%以内。城镇新增就业人数9. 6万人。"
    "居民消费价格涨幅控制在3%左右。\n"
)


def test_a_summary_line_repeating_a_target_of_the_list() -> None:
    """城镇新增就业人数9. 6万人 on a line of its own above the list that states it again: one
    target, the list's, under the shared id (before: two, new_urban_jobs and new_urban_jobs_2)."""
    draft = extract_plan(DALIAN, year=2021)
    jobs = [t for t in draft.plan["targets"] if t["name"].startswith("城镇新增就业")]
    assert [(t["id"], t["min"]) for t in jobs] == [("new_urban_jobs", Decimal("9.6"))]
    assert draft.targets[-2].start > DALIAN.index("城镇登记失业率")  # the list's clause


def test_a_stray_space_inside_a_name() -> None:
    """研究与试 验发展经费占地区生产总值比重3%: R&D intensity (before: gdp_2)."""
    draft = extract_plan(DALIAN, year=2021)
    [rd] = [t for t in draft.plan["targets"] if t["quote"].startswith("研究与试")]
    assert (rd["id"], rd["kind"], rd["min"]) == ("rd_intensity", "level", Decimal("3"))


def test_the_targets_of_one_clause_pair_by_kind() -> None:
    """Three gold targets quoting 完成年度节能减排降碳任务 (decline, decline, cumulative, in
    another order than the draft's) pair with the draft's of the same kind: all exact (before:
    two pairs crossed, counted as wrong form)."""
    text = page("今年主要预期目标是：地区生产总值增长8%左右，完成年度节能减排降碳任务。", 2017)
    draft = extract_plan(text, year=2017).plan
    clause = "完成年度节能减排降碳任务"
    gold = {
        "plan": {"id": "gold", "name": "gold", "year": 2017},
        "targets": [
            {"id": "gdp", "section": "headline", "kind": "growth", "around": 8,
             "quote": "地区生产总值增长8%左右"},
            {"id": "t1", "section": "headline", "kind": "growth", "decline": True,
             "pending": True, "quote": clause},
            {"id": "t2", "section": "headline", "kind": "growth", "decline": True,
             "pending": True, "quote": clause},
            {"id": "t3", "section": "headline", "kind": "cumulative", "pending": True,
             "quote": clause},
        ],
    }  # fmt: skip
    comparison = compare_plans(draft, gold, text)
    assert len(comparison.pairs) == 4
    assert [p.gold_id for p in comparison.pairs if p.differences] == []


def test_a_lead_naming_its_targets_code() -> None:
    """全会建议2007年经济工作的目标为“1123”，即在2006年的基础上，…净增…以上 (柳州 2007, set O's
    233): the code name's lead opens the list (before: the page was refused)."""
    text = page(
        "全会建议2007年经济工作的目标为“1123”,即在2006年的基础上,地区生产总值净增100亿元以上;"
        "全社会固定资产投资净增100亿元以上;财政收入净增20亿元以上;工业总产值净增300亿元以上。",
        2007,
    )
    assert [(t["kind"], t["min"]) for t in heads(text, 2007)] == [
        ("cumulative", Decimal("100")),
        ("cumulative", Decimal("100")),
        ("cumulative", Decimal("20")),
        ("cumulative", Decimal("300")),
    ]
