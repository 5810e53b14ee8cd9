"""Session 38's forms of last year's figure, each on the real sentence of a tuning report
(河南, 湖北, 天津, 北京 2026) and a made-up variant another province's review might write: a
concentration stated only as its change (全省PM2.5浓度下降13.7%), an estimate of a count or a
rate (城镇新增就业65万人左右), a price index (居民消费价格指数为100.1); and the measure of
benchmarks/targets.py (the bound of each shared target, the headline targets a draft misses)."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from types import ModuleType

import pytest
from tests.conftest import CORPUS

from plancli.extract.estimates import APPROXIMATE_REVIEW
from plancli.extract.review_changes import CHANGE_ONLY_REVIEW, INDEX_NOTE
from plancli.i18n import _

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import REPO, report, targets

PM25 = "细颗粒物平均浓度控制在30微克/立方米以内"


def test_a_concentration_stated_only_as_its_change_is_the_baselines_growth() -> None:
    # 河南 2026's review, word for word (no level of PM2.5 anywhere in it)
    henan = (
        "大力推进污染防治攻坚，全省PM2.5浓度下降13.7%，优良天数增加25天，信阳市实现空气质量二级达标"
    )
    pm25 = targets(report(henan, PM25))["pm25"]
    assert pm25["baseline"] == {"year": 2025, "growth": Decimal("-13.7")}
    assert "“PM2.5浓度下降13.7%”" in pm25["note"]
    assert pm25["review"] == _(CHANGE_ONLY_REVIEW).format(
        name="细颗粒物平均浓度", quote="PM2.5浓度下降13.7%", unit="微克/立方米"
    )
    # another spelling: 同比降低 (a fall), and a rise is positive
    made_up = "全市细颗粒物年均浓度同比降低4.2%，空气质量优良天数比例86.5%"
    assert targets(report(made_up, PM25))["pm25"]["baseline"] == {
        "year": 2025,
        "growth": Decimal("-4.2"),
    }
    rise = targets(report("全省细颗粒物浓度上升1.5%", PM25))["pm25"]
    assert rise["baseline"] == {"year": 2025, "growth": Decimal("1.5")}


def test_a_change_over_another_base_or_span_is_not_last_years() -> None:
    for review in (
        "PM2.5年均浓度较2020年下降25%",  # 天津 2026's review, word for word: over five years
        "“十四五”以来PM2.5浓度累计下降20%",
        "国考10市PM2.5浓度下降5%",  # a part of the place's
        "全省PM2.5浓度下降5%以上",  # a bound
        "完成PM2.5浓度下降5%的目标",  # last year's aim
        "“十五五”时期，全省PM2.5浓度下降10%",  # the coming years' goal
        "全省PM2.5浓度下降5%，全市PM2.5浓度下降6%",  # two figures: not unambiguous
    ):
        assert "baseline" not in targets(report(review, PM25))["pm25"], review
    # a level beside the change is review_ratios', as before: value and growth
    both = targets(report("全省PM2.5浓度31微克/立方米、下降13.7%", PM25))["pm25"]
    assert both["baseline"] == {"year": 2025, "value": 31, "growth": Decimal("-13.7")}
    assert "review" not in both


def test_an_estimate_of_a_count_or_a_rate_is_taken_with_a_review() -> None:
    paragraph = "城镇新增就业60万人以上，城镇调查失业率5.5%左右"
    got = targets(report("城镇新增就业65万人左右，城镇调查失业率5.1%左右", paragraph))
    jobs, rate = got["new_urban_jobs"], got["surveyed_unemployment_rate"]
    assert jobs["baseline"] == {"year": 2025, "value": 65}
    assert rate["baseline"] == {"year": 2025, "value": Decimal("5.1")}
    assert jobs["review"] == _(APPROXIMATE_REVIEW).format(
        value="65", unit="万人", quote="城镇新增就业65万人左右"
    )
    assert "“城镇新增就业65万人左右”" in jobs["note"]
    # a figure as it is gets no flag (陕西's 城镇新增就业44.1万人)
    plain = targets(report("城镇新增就业44.1万人", paragraph))["new_urban_jobs"]
    assert plain["baseline"] == {"year": 2025, "value": Decimal("44.1")}
    assert "review" not in plain


def test_a_figure_held_over_years_or_bounded_is_no_estimate() -> None:
    # 湖北 2026's review, word for word: kept at, not last year's output (the plan has none)
    hubei = "高标准农田达到4808万亩，粮食总产量稳定在550亿斤左右"
    assert "baseline" not in targets(report(hubei, "粮食产量继续保持500亿斤以上"))["grain_output"]
    paragraph = "城镇新增就业60万人以上"
    for review in (
        "城镇新增就业保持在60万人左右",
        "城镇新增就业65万人以上",
        "城镇新增就业约65万人",
        # last year's aim, not its result; a coming years' goal the review quotes
        "城镇新增就业60万人左右的目标任务全面完成",
        "规划纲要提出，城镇新增就业60万人左右",
    ):
        assert "baseline" not in targets(report(review, paragraph))["new_urban_jobs"], review


def test_a_price_index_is_the_change_of_prices() -> None:
    paragraph = "居民消费价格涨幅2%左右"
    cpi = targets(report("居民消费价格指数为100.1", paragraph))["cpi"]
    assert cpi["baseline"] == {"year": 2025, "value": Decimal("0.1")}
    quote = "居民消费价格指数为100.1"
    assert _(INDEX_NOTE).format(quote=quote, value="0.1") in cpi["note"]
    # another wording, a fall
    fall = targets(report("全省居民消费价格总指数（上年=100）99.8", paragraph))["cpi"]
    assert fall["baseline"] == {"year": 2025, "value": Decimal("-0.2")}
    # an index with a bound, or 北京's words without a figure, give none
    for review in ("居民消费价格指数102左右", "居民消费价格总体平稳"):
        assert "baseline" not in targets(report(review, paragraph))["cpi"], review


def _benchmark() -> ModuleType:
    name = "benchmarks_targets"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (its dataclass looks its module up)
    spec.loader.exec_module(module)
    return module


def test_the_measure_names_each_kind_of_bound() -> None:
    bound_kind = _benchmark().bound_kind
    assert bound_kind({"kind": "growth", "around": 5}) == "growth 左右"
    assert bound_kind({"kind": "cumulative", "min": 120}) == "cumulative 以上"
    assert bound_kind({"kind": "level", "max": 5}) == "level 以内"
    assert bound_kind({"kind": "growth", "min": 5, "max": 6}) == "growth span"
    assert bound_kind({"kind": "change", "min": 1}) == "change 提高N个百分点 以上"
    assert (
        bound_kind({"kind": "growth", "decline": True, "pending": True})
        == "growth 完成国家下达 下降"
    )
    assert (
        bound_kind({"kind": "relative", "relation": "same", "reference": "gdp"})
        == "relative same gdp (同步/高于)"
    )
    assert bound_kind({"kind": "trend"}) == "trend none"


@pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
def test_the_tuning_drafts_bound_every_bundled_target_as_the_plan() -> None:
    module = _benchmark()
    tally = module.Tally()
    for name in module.SETS["tuning-38"]:
        module.measure(name, tally)
    # 江苏, 湖北, 天津: 27 headline targets, each drafted under its id with the plan's bound
    assert (tally.headline, tally.shared, tally.alike, tally.missing) == (27, 27, 27, 0)
    assert tally.notes == []
