"""Session 37's baselines, each on the real sentence of a tuning report (北京, 贵州, 上海 2026)
and on a made-up variant another province's review might write: a ratio's, a concentration's
or a price's level (review_ratios), a list's growths (review_lists: 分别增长3.9%和5.7%), and a
monthly rate's year average (城镇调查失业率平均为4.2%)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import compare_plans, extract_plan
from plancli.extract.compare import read_gold
from plancli.extract.review_ratios import APPROXIMATE_REVIEW
from plancli.i18n import _

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import REPO, report
from test_extract_shared_baselines import targets as by_id

PINYIN = {"北京市": "beijing", "贵州省": "guizhou", "上海市": "shanghai"}


@pytest.fixture(scope="module")
def drafts() -> dict[str, tuple[str, dict[str, Any]]]:
    if not CORPUS.exists():
        pytest.skip("the corpus is not here")
    out = {}
    for name in PINYIN:
        text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = (text, extract_plan(text).plan)
    return out


def drafted(drafts: dict[str, tuple[str, dict[str, Any]]], name: str, target_id: str) -> Any:
    return next(t for t in drafts[name][1]["targets"] if t["id"] == target_id)


def test_the_tuning_reports_baselines_are_the_bundled_plans(
    drafts: dict[str, tuple[str, dict[str, Any]]],
) -> None:
    expected = {
        # 细颗粒物年均浓度27微克/立方米、下降11.5%
        ("北京市", "pm25"): {"year": 2025, "value": 27, "growth": Decimal("-11.5")},
        # 城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%
        ("贵州省", "urban_income"): {"year": 2025, "growth": Decimal("3.9")},
        ("贵州省", "rural_income"): {"year": 2025, "growth": Decimal("5.7")},
        # 常住人口城镇化率从2020年的53.2%提升到2025年的57.7% (in the five years' account, dated)
        ("贵州省", "urbanization_rate"): {"year": 2025, "value": Decimal("57.7")},
        # 全社会研发经费支出相当于全市生产总值的比例达到4.5%左右
        ("上海市", "rd_intensity"): {"year": 2025, "value": Decimal("4.5")},
        # 居民消费价格上涨0.1%，城镇调查失业率平均为4.2%
        ("上海市", "cpi"): {"year": 2025, "value": Decimal("0.1")},
        ("上海市", "surveyed_unemployment_rate"): {"year": 2025, "value": Decimal("4.2")},
    }
    for (name, target_id), baseline in expected.items():
        assert drafted(drafts, name, target_id)["baseline"] == baseline, (name, target_id)
    for name, pinyin in PINYIN.items():
        text, plan = drafts[name]
        comparison = compare_plans(plan, read_gold(REPO / "data" / "2026" / f"{pinyin}.toml"), text)
        wrong = [p for p in comparison.pairs if any("baseline" in d.field for d in p.differences)]
        assert wrong == [], name


def test_an_estimate_is_taken_with_a_review_and_its_words(
    drafts: dict[str, tuple[str, dict[str, Any]]],
) -> None:
    rd = drafted(drafts, "上海市", "rd_intensity")
    quote = "全社会研发经费支出相当于全市生产总值的比例达到4.5%左右"
    assert f"“{quote}”" in rd["note"]
    assert rd["review"] == _(APPROXIMATE_REVIEW).format(value="4.5", unit="%", quote=quote)
    # a figure stated as it is gets no such flag
    assert "review" not in drafted(drafts, "上海市", "cpi")


def test_a_concentration_and_its_change_in_another_spelling() -> None:
    got = by_id(
        report(
            "全省PM2.5平均浓度为31微克每立方米、下降3.1%，优良天数比例88%",
            "细颗粒物平均浓度控制在30微克/立方米以内",
        )
    )
    assert got["pm25"]["baseline"] == {"year": 2025, "value": 31, "growth": Decimal("-3.1")}
    # a part of the place's (国考10市), or a bound (低于), is not the place's level
    for review in ("国考10市PM2.5浓度32微克/立方米", "全省PM2.5浓度低于35微克/立方米"):
        got = by_id(report(review, "细颗粒物平均浓度控制在30微克/立方米以内"))
        assert "baseline" not in got["pm25"], review


def test_a_lists_growths_one_member_each() -> None:
    paragraph = "城乡居民人均可支配收入分别增长5%和6.5%"
    got = by_id(report("城乡居民人均可支配收入分别增长4.6%、6.1%", paragraph))
    assert got["urban_income"]["baseline"] == {"year": 2025, "growth": Decimal("4.6")}
    assert got["rural_income"]["baseline"] == {"year": 2025, "growth": Decimal("6.1")}
    # five years' figures, or a list whose figures do not match its members, give none
    for review in (
        "城乡居民人均可支配收入年均分别增长4.6%、6.1%",
        "城镇、农村和全体居民人均可支配收入分别增长4.6%、6.1%",
    ):
        got = by_id(report(review, paragraph))
        assert "baseline" not in got["urban_income"], review
        assert "baseline" not in got["rural_income"], review


def test_a_ratios_level_dated_or_not() -> None:
    paragraph = "常住人口城镇化率达到63%左右，研发经费投入强度达到2.9%"
    got = by_id(report("常住人口城镇化率达到61.2%，研发经费投入强度2.8%", paragraph))
    assert got["urbanization_rate"]["baseline"] == {"year": 2025, "value": Decimal("61.2")}
    assert got["rd_intensity"]["baseline"] == {"year": 2025, "value": Decimal("2.8")}
    assert "review" not in got["rd_intensity"]
    # the end of another year, a bound, the coming years' goal: none
    for review in (
        "常住人口城镇化率从2015年的55%提高到2020年的60.5%，研发经费投入强度突破3%",
        "“十五五”时期，常住人口城镇化率达到65%左右，研发经费投入强度达到3.2%左右",
    ):
        got = by_id(report(review, paragraph))
        assert "baseline" not in got["urbanization_rate"], review
        assert "baseline" not in got["rd_intensity"], review


def test_a_fall_in_prices_is_a_negative_level_and_an_average_rate_the_years() -> None:
    paragraph = "城镇调查失业率5.5%左右，居民消费价格涨幅2%左右"
    got = by_id(report("居民消费价格同比下降0.2%，城镇调查失业率平均5.1%", paragraph))
    assert got["cpi"]["baseline"] == {"year": 2025, "value": Decimal("-0.2")}
    assert got["surveyed_unemployment_rate"]["baseline"] == {"year": 2025, "value": Decimal("5.1")}
    # 平均 before the name is a span's average, not last year's
    got = by_id(report("五年平均城镇调查失业率5.2%", paragraph))
    assert "baseline" not in got["surveyed_unemployment_rate"]
