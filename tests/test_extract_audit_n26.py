"""Session 25's audit N of `extract` on the 2026 reports of 湖北, 甘肃 and 辽宁 (a 市发改委
analyst's first plan): D1 a baseline of another scope, D2 a milestone from the reasons for
confidence, D3 fixed sets worked on (建强), D4 a counted list's later items without its verb,
D5 numbering and leads in names, D8 flags on the wrong names, D9 a name cut short — each on the
reports' own sentences (docs/extract.md, "Audit N of 2026")."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan
from plancli.extract.compare import compare_plans

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@cache
def corpus_plan(name: str) -> dict[str, Any]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return extract_plan(text).plan


def by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in plan["targets"]}


def report(review: str, targets: str, work: str = "") -> str:
    """A minimal 2026 report: `review` in last year's review, `targets` the year's aims."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        f"过去一年，全省经济社会发展取得新的成绩。{review}\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：{targets}\n"
        f"（一）扎实推进经济发展和民生工作\n{work}\n"
    )


def works(text: str) -> list[dict[str, Any]]:
    return [t for t in extract_plan(text).plan["targets"] if t["section"] != "headline"]


# ------------------------------------------------------------------ D1: another scope's growth


@needs_corpus
def test_gansu_fixed_asset_investment_takes_no_baseline_of_another_scope() -> None:
    # 扣除房地产开发投资后，固定资产投资增长2.7%: FAI without real estate, not the total
    targets = by_id(corpus_plan("甘肃省"))
    assert "baseline" not in targets["fixed_asset_investment"]
    # the province's other review figures are still taken
    assert targets["gdp"]["baseline"] == {"year": 2025, "growth": Decimal("5.8")}
    assert targets["retail_sales"]["baseline"] == {"year": 2025, "growth": Decimal("2.5")}


@pytest.mark.parametrize(
    "review",
    [
        "扣除房地产开发投资后，固定资产投资增长2.7%。",
        "剔除大项目因素，固定资产投资增长2.7%。",
        "除房地产开发投资外，固定资产投资增长2.7%。",
        "不含房地产开发的固定资产投资增长2.7%。",
        "固定资产投资（不包括房地产开发）增长2.7%。",
    ],
)
def test_a_review_figure_of_a_narrower_scope_is_no_baseline(review: str) -> None:
    plan = extract_plan(report(review, "固定资产投资增长4.5%。")).plan
    assert "baseline" not in by_id(plan)["fixed_asset_investment"]


def test_the_standard_scope_and_a_qualifier_of_another_sentence_keep_the_baseline() -> None:
    # 不含农户 is how the statistics bureau defines the series itself; a 扣除 in the sentence
    # before qualifies another figure
    for review in (
        "固定资产投资（不含农户）增长2.7%。",
        "扣除价格因素，居民收入增长5%。固定资产投资增长2.7%。",
    ):
        plan = extract_plan(report(review, "固定资产投资增长4.5%。")).plan
        assert by_id(plan)["fixed_asset_investment"]["baseline"] == {
            "year": 2025,
            "growth": Decimal("2.7"),
        }, review


def test_compare_counts_a_drafted_baseline_the_plan_does_not_state() -> None:
    # the draft of before: 2.7 beside a plan with no baseline for the target; a baseline the
    # draft leaves out (the plan's amount 13697.5 beside the draft's growth) is no difference
    text = "固定资产投资增长4.5%。地区生产总值增长5.5%左右。"
    gold = {
        "targets": [
            {"id": "fixed_asset_investment", "kind": "growth", "min": 4.5, "quote": text[:11]},
            {
                "id": "gdp",
                "kind": "growth",
                "around": 5.5,
                "quote": text[12:],
                "baseline": {"year": 2025, "value": 13697.5, "growth": 5.8},
            },
        ]
    }
    draft = {"targets": [dict(t) for t in gold["targets"]]}
    draft["targets"][0]["baseline"] = {"year": 2025, "growth": 2.7}
    draft["targets"][1]["baseline"] = {"year": 2025, "growth": 5.8}
    comparison = compare_plans(draft, gold, text)
    assert comparison.total.exact == 1
    (wrong,) = [p for p in comparison.pairs if p.differences]
    assert wrong.gold_id == "fixed_asset_investment"
    assert [(d.field, d.gold, d.draft) for d in wrong.differences] == [
        ("baseline.growth", None, 2.7)
    ]
