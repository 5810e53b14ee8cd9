"""Last year's figure of a target with a shared id, wherever the report states the target, as
the review states it once (陕西 2026: 城镇新增就业44.1万人, 居民人均可支配收入增长5.6％,
城镇调查失业率5.3％ for the headline; 社会消费品零售总额增长6％ for work_1's 社会消费品零售总额增长
6％左右), never a five-year figure, a bound or one of a list; a work section's bare 工业增加值 read
as the shared series, flagged; a work growth's series name as its alias (民间投资)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import compare_plans, extract_plan
from plancli.extract.compare import read_gold
from plancli.extract.vocabulary import BARE_INDUSTRY_REVIEW
from plancli.i18n import _

REPO = Path(__file__).resolve().parents[1]
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


def report(review: str, paragraph: str, work: str = "扎实推进各项工作") -> str:
    """A minimal 2026 report: `review` the review's paragraphs, `paragraph` the targets after
    地区生产总值增长5%左右, `work` the first work section's text."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        f"过去一年，全省地区生产总值增长5.1%，{review}\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：地区生产总值增长5%左右，{paragraph}。\n"
        f"（一）扎实推进经济发展\n{work}。\n"
    )


def targets(text: str) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in extract_plan(text).plan["targets"]}


@needs_corpus
def test_shaanxi_baselines_the_review_states_are_drafted_as_the_bundled_plan_has_them() -> None:
    text = (CORPUS / "陕西省.txt").read_text(encoding="utf-8")
    plan = extract_plan(text).plan
    drafted = {t["id"]: t for t in plan["targets"]}
    # 城镇新增就业44.1万人，居民人均可支配收入增长5.6％ … 城镇调查失业率5.3％ (the 2025 review)
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": Decimal("44.1")}
    assert drafted["resident_income"]["baseline"] == {"year": 2025, "growth": Decimal("5.6")}
    assert drafted["surveyed_unemployment_rate"]["baseline"] == {
        "year": 2025,
        "value": Decimal("5.3"),
    }
    # work_1's 社会消费品零售总额增长6％左右: the review's …，社会消费品零售总额增长6％。
    retail = drafted["retail_sales"]
    assert (retail["section"], retail["around"]) == ("work_1", 6)
    assert retail["baseline"] == {"year": 2025, "growth": Decimal("6")}
    # work_3's 工业增加值增长6.5％: the shared series, its review's 规模以上工业增加值增长7.3％
    # (not 能源工业增加值增长8.1％, nor the five years' 规模以上工业增加值年均增长7％)
    industry = drafted["industrial_value_added"]
    assert (industry["section"], industry["name"], industry["min"]) == ("work_3", "工业增加值", 6.5)
    assert industry["baseline"] == {"year": 2025, "growth": Decimal("7.3")}
    assert industry["aliases"] == ["规模以上工业增加值", "规上工业增加值"]
    assert industry["review"] == _(BARE_INDUSTRY_REVIEW)
    energy = next(t for t in plan["targets"] if t["quote"] == "能源工业增加值增长7％")
    assert energy["id"].startswith("w3_t") and "baseline" not in energy
    # the bulletin's rows 其中：民间投资, 网上零售额 name these growths
    private = next(t for t in plan["targets"] if t["quote"] == "民间投资增长6％")
    online = next(t for t in plan["targets"] if t["quote"] == "网上零售额增长10％以上")
    assert (private["aliases"], online["aliases"]) == (["民间投资"], ["网上零售额"])
    # the bundled plan agrees on every baseline drafted
    comparison = compare_plans(plan, read_gold(REPO / "data" / "2026" / "shaanxi.toml"), text)
    for target_id in ("new_urban_jobs", "resident_income", "surveyed_unemployment_rate"):
        pair = next(p for p in comparison.pairs if p.draft_id == target_id)
        assert pair.differences == [], target_id


@needs_corpus
def test_shandongs_five_year_income_rise_is_not_last_years() -> None:
    # ——人民生活水平实现新跃升。…居民人均可支配收入增长34.3%: the five years' (五年来，…)
    text = (CORPUS / "山东省.txt").read_text(encoding="utf-8")
    assert "居民人均可支配收入增长34.3%" in text
    drafted = targets(text)
    assert "baseline" not in drafted["resident_income"]
    # 就业方面，城镇新增就业124.9万人 (2025), as the bundled plan has it
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": Decimal("124.9")}


@pytest.mark.parametrize(
    ("review", "paragraph", "target_id", "baseline"),
    [
        # 陕西's review and headline
        ("城镇新增就业44.1万人。", "城镇新增就业40万人以上", "new_urban_jobs", {"value": "44.1"}),
        (
            "城镇调查失业率5.3％。",
            "城镇调查失业率5.5％左右",
            "surveyed_unemployment_rate",
            {"value": "5.3"},
        ),
        (
            "居民人均可支配收入增长5.6％。",
            "居民收入增速高于经济增速",
            "resident_income",
            {"growth": "5.6"},
        ),
        # a bound is no result (every year's 城镇新增就业40万人以上 of 陕西's five years)
        ("城镇新增就业40万人以上。", "城镇新增就业40万人以上", "new_urban_jobs", None),
        # the villages' income is not the whole population's
        ("农村居民人均可支配收入增长6.5%。", "居民收入增长5%", "resident_income", None),
        # figures of a list: 4.5 is the towns', not the villages'; the list's second, 6.5, is
        # theirs (review_lists, session 37)
        (
            "城镇、农村居民人均可支配收入分别增长4.5%、6.5%。",
            "农村居民人均可支配收入增长6%",
            "rural_income",
            {"growth": "6.5"},
        ),
        # two figures: not unambiguous
        (
            "城镇新增就业44.1万人，城镇新增就业45万人。",
            "城镇新增就业40万人以上",
            "new_urban_jobs",
            None,
        ),
        # the five years' passage and the dashed paragraph that goes on with it (山东)
        (
            "城镇新增就业44.1万人。\n各位代表！五年来，我们砥砺奋进。\n"
            "——人民生活水平实现新跃升。城镇新增就业220万人。",
            "城镇新增就业40万人以上",
            "new_urban_jobs",
            {"value": "44.1"},
        ),
    ],
)
def test_last_years_figure_of_a_shared_indicator(
    review: str, paragraph: str, target_id: str, baseline: dict[str, str] | None
) -> None:
    target = targets(report(review, paragraph))[target_id]
    if baseline is None:
        assert "baseline" not in target
    else:
        expected = {"year": 2025, **{k: Decimal(v) for k, v in baseline.items()}}
        assert target["baseline"] == expected


def test_a_work_sections_shared_growth_takes_the_reviews_figure() -> None:
    # 辽宁: 社会消费品零售总额增长1.4% in the review, 社会消费品零售总额增长4%左右 in work_1
    text = report(
        "社会消费品零售总额增长1.4%，限上单位网上零售额增长18.1%。",
        "居民收入增长5%",
        "社会消费品零售总额增长4%左右",
    )
    retail = targets(text)["retail_sales"]
    assert retail["section"] == "work_1"
    assert retail["baseline"] == {"year": 2025, "growth": Decimal("1.4")}


def test_a_work_growths_series_is_its_alias_where_it_says_enough() -> None:
    # 陕西: 民间投资增长6％; 广东: 全年投资增长5%左右 (投资 alone says too little; since session
    # 36 the target is the shared fixed_asset_investment, with the bulletins' names of it)
    text = report(
        "居民人均可支配收入增长5.6％。", "居民收入增长5%", "民间投资增长6％，全年投资增长5%左右"
    )
    drafted = extract_plan(text).plan["targets"]
    private = next(t for t in drafted if t["quote"] == "民间投资增长6％")
    other = next(t for t in drafted if t["quote"] == "全年投资增长5%左右")
    assert private["aliases"] == ["民间投资"]
    assert other["id"] == "fixed_asset_investment" and "投资" not in other["aliases"]
    assert other["aliases"] == ["固定资产投资", "固定资产投资(不含农户)"]
