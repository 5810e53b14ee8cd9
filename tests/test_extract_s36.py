"""Session 36's extract faults, each on real text: a pending grain output's and a second
relation's baselines from the review (陕西 2026), a bound word before the review's figure
(突破, 超过), English names distinct within a draft, the report's own unit per target, and
广东's bare 全年投资增长5%左右 under the shared `fixed_asset_investment` id."""

from __future__ import annotations

import collections
from decimal import Decimal
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import compare_plans, extract_plan
from plancli.extract.compare import read_gold
from plancli.extract.draft import DraftTarget
from plancli.extract.english_names import REPEATED_NAME_REVIEW, distinct_english_names
from plancli.extract.vocabulary import BARE_INVESTMENT_REVIEW
from plancli.i18n import _

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import REPO, needs_corpus, report
from test_extract_shared_baselines import targets as by_id


@pytest.fixture(scope="module")
def shaanxi() -> tuple[str, dict[str, Any]]:
    if not CORPUS.exists():
        pytest.skip("the corpus is not here")
    text = (CORPUS / "陕西省.txt").read_text(encoding="utf-8")
    return text, extract_plan(text).plan


def test_shaanxi_pending_grain_output_takes_the_reviews_figure(
    shaanxi: tuple[str, dict[str, Any]],
) -> None:
    # the review: …居民人均可支配收入增长5.6％，粮食产量1347万吨，…; the paragraph: 完成国家下达的
    # 粮食生产…目标任务 (pending: its bound is the national allocation)
    text, plan = shaanxi
    grain = next(t for t in plan["targets"] if t["id"] == "grain_output")
    assert (grain["pending"], grain["unit"]) == (True, "万吨")
    assert grain["baseline"] == {"year": 2025, "value": 1347}
    assert "“粮食产量1347万吨”" in grain["note"] and "粮食产量1347万吨" in text


def test_shaanxi_second_relation_takes_the_measures_growth(
    shaanxi: tuple[str, dict[str, Any]],
) -> None:
    # 居民收入增速高于经济增速、高于全国平均水平: two relations of one measure, the review's
    # 居民人均可支配收入增长5.6％ the baseline of both, as data/2026/shaanxi.toml has it
    text, plan = shaanxi
    drafted = {t["id"]: t for t in plan["targets"]}
    national = drafted["resident_income_national"]
    assert national["reference"] == "national_income_growth"
    assert national["baseline"] == {"year": 2025, "growth": Decimal("5.6")}
    assert drafted["resident_income"]["baseline"] == national["baseline"]
    comparison = compare_plans(plan, read_gold(REPO / "data" / "2026" / "shaanxi.toml"), text)
    for target_id in ("resident_income_national", "grain_output"):
        pair = next(p for p in comparison.pairs if p.draft_id == target_id)
        assert pair.differences == [], target_id


def test_shaanxi_english_names_are_distinct(shaanxi: tuple[str, dict[str, Any]]) -> None:
    _text, plan = shaanxi
    names = collections.Counter(t["name_en"] for t in plan["targets"])
    assert [name for name, n in names.items() if n > 1] == []
    drafted = {t["id"]: t for t in plan["targets"]}
    assert drafted["resident_income"]["name_en"] == "Per-capita disposable income of residents"
    assert drafted["resident_income_national"]["name_en"] == (
        "Per-capita disposable income of residents (compared with national growth of "
        "residents' income)"
    )


def test_shaanxi_units_are_the_reports_own_per_target(shaanxi: tuple[str, dict[str, Any]]) -> None:
    # 力争重点文旅产业收入超1万亿元、增长8％: the amount's bound in the report's 万亿元 (1, never
    # 10000 亿元 nor 1 亿元); its growth's amount in 亿元, as a bulletin states it (and as the
    # bundled plans' growth targets are where the report gives the level in 万亿元)
    _text, plan = shaanxi
    amount = next(t for t in plan["targets"] if t["quote"] == "力争重点文旅产业收入超1万亿元")
    growth = next(t for t in plan["targets"] if t["quote"] == "增长8％")
    assert (amount["kind"], amount["unit"], amount["min"]) == ("cumulative", "万亿元", 1)
    assert (growth["kind"], growth["unit"], growth["min"]) == ("growth", "亿元", 8)


@needs_corpus
def test_sichuan_grain_output_floor_takes_the_reviews_output() -> None:
    # 粮食产量达到732.5亿斤、创历史新高 (the review) for 粮食产量730亿斤以上, as the bundled plan;
    # not the five years' 粮食年产量稳定在700亿斤以上
    text = (CORPUS / "四川省.txt").read_text(encoding="utf-8")
    grain = next(t for t in extract_plan(text).plan["targets"] if t["id"] == "grain_output")
    assert (grain["unit"], grain["min"]) == ("亿斤", 730)
    assert grain["baseline"] == {"year": 2025, "value": Decimal("732.5")}


def test_a_pending_grain_output_takes_the_reviews_unit() -> None:
    # a review in 亿斤 for a pending target drafted in 万吨: the report's unit, not a conversion
    drafted = by_id(report("粮食产量1350.97亿斤。", "完成国家下达的粮食生产目标任务"))
    grain = drafted["grain_output"]
    assert grain["pending"] is True
    assert grain["unit"] == "亿斤"
    assert grain["baseline"] == {"year": 2025, "value": Decimal("1350.97")}


@pytest.mark.parametrize(
    "review",
    ["粮食总产量突破1300万吨，创历史新高。", "粮食产量超过1300万吨。", "粮食产量近1300万吨。"],
)
def test_a_bound_before_the_reviews_figure_is_no_baseline(review: str) -> None:
    # 突破/超过/近 1300万吨: above or below it, not last year's output
    drafted = by_id(report(review, "粮食产量稳定在1300万吨以上"))
    grain = drafted["grain_output"]
    assert grain["min"] == 1300 and "baseline" not in grain


def test_a_five_year_figure_after_a_bound_word_leaves_last_years_alone() -> None:
    # 江苏 2026's form: the five years' 城镇新增就业超690万人 beside the year's 141万人 made
    # the figure ambiguous; 超 is a bound, so the year's figure is the one
    drafted = by_id(
        report(
            "城镇新增就业超690万人、稳定在全国1/10以上。城镇新增就业141万人，城镇调查失业率4.6%。",
            "城镇新增就业120万人",
        )
    )
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": 141}


def test_guangdongs_bare_investment_growth_is_fixed_asset_investment() -> None:
    # 广东 2026's work section: 全年投资增长5%左右 (its headline states no investment target)
    drafted = by_id(report("", "居民消费价格涨幅2%左右", "全年投资增长5%左右"))
    investment = drafted["fixed_asset_investment"]
    assert (investment["section"], investment["kind"], investment["around"]) == (
        "work_1",
        "growth",
        5,
    )
    assert investment["name_en"] == "Fixed-asset investment"
    assert investment["quote"] == "全年投资增长5%左右"
    assert investment["review"] == _(BARE_INVESTMENT_REVIEW)
    assert "固定资产投资" in investment["aliases"]


def test_a_named_investment_is_not_the_whole_places() -> None:
    # 民间投资增长6％ (陕西), 工业投资增长10%: series of their own, never the shared total
    drafted = by_id(report("", "居民消费价格涨幅2%左右", "民间投资增长6%，工业投资增长10%"))
    assert "fixed_asset_investment" not in drafted


def test_repeated_english_names_are_told_apart() -> None:
    def target(id_: str, name: str, name_en: str = "") -> DraftTarget:
        return DraftTarget(id_, "work_1", name, "cumulative", "个", 0, 1, name_en=name_en)

    targets = [
        target("w1_t01", "新建5G基站"),
        target("w1_t02", "新建5G基站"),
        target("grain_output", "粮食产量", "Grain output"),
        target("grain_output_2", "粮食产量", "Grain output"),
    ]
    distinct_english_names(targets)
    assert [t.name_en for t in targets] == [
        "",
        "新建5G基站 (w1_t02)",
        "Grain output",
        "Grain output (grain_output_2)",
    ]
    assert targets[1].review == [_(REPEATED_NAME_REVIEW).format(name="新建5G基站")]
    assert targets[0].review == [] and targets[2].review == []


@needs_corpus
def test_henan_five_years_account_and_a_stated_growth_series() -> None:
    # 过去的五年极不寻常。… then a paragraph per topic (民生福祉不断增进。…城镇新增就业603.7万人)
    # up to 刚刚过去的2025年…: the five years', so the review's 城镇新增就业121.7万人 is the
    # one; 进出口稳量提质 (no figure) takes the review's 进出口总值增长14.1%, as the bundled plan
    text = (CORPUS / "河南省.txt").read_text(encoding="utf-8")
    drafted = by_id(text)
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": Decimal("121.7")}
    trade = drafted["foreign_trade"]
    assert (trade["kind"], trade["quote"]) == ("indicator", "进出口稳量提质")
    assert trade["baseline"] == {"year": 2025, "growth": Decimal("14.1")}


def test_a_five_years_account_runs_to_the_paragraph_of_last_year() -> None:
    review = (
        "居民收入稳步增长。\n过去的五年极不寻常。我们砥砺奋进。\n综合实力稳步提升。生产总值6.66万亿元。\n"
        "民生福祉不断增进。城镇新增就业603.7万人。\n刚刚过去的2025年很不平凡。\n"
        "（一）千方百计稳就业。城镇新增就业121.7万人。"
    )
    drafted = by_id(report(review, "城镇新增就业110万人以上"))
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": Decimal("121.7")}
    # a figure of last year's after the five years' paragraph ends the account: still read
    review = (
        "居民收入稳步增长。\n过去的五年极不寻常。城镇新增就业603.7万人。\n"
        "2025年，城镇新增就业121.7万人。"
    )
    drafted = by_id(report(review, "城镇新增就业110万人以上"))
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": Decimal("121.7")}
