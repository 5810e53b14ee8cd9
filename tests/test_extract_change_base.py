"""A change target (甘肃's 常住人口城镇化率提升1个百分点以上: its records are levels, judged as the
rise over the base level) takes its baseline.value from the review where it states the
indicator's level for last year once (常住人口城镇化率由52.23%提高到58.08%: the end, 58.08),
flagged for review; none found, a review flag that it cannot be judged without one (issue 11)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import compare_plans, extract_plan
from plancli.extract.compare import read_gold
from plancli.i18n import _

REPO = Path(__file__).resolve().parents[1]
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
GANSU_URBAN = "常住人口城镇化率提升1个百分点以上"
GANSU_REVIEW = "常住人口城镇化率由52.23%提高到58.08%"
TAKEN = (
    "base level {value}{unit} is last year's, taken from the review (“{quote}”) for “{clause}”: "
    "check it is this indicator's level"
)
NONE_FOUND = (
    "“{clause}” is judged as the change from a base level the review does not state once: "
    "it cannot be judged until baseline.value (last year's level) is added"
)


def report(paragraph: str, review: str = "") -> str:
    """A minimal 2026 report: `review` in the review section, `paragraph` the targets."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        f"过去一年，全省经济社会发展取得新的成绩，地区生产总值增长5.1%{review}。\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：地区生产总值增长5%左右；{paragraph}。\n"
        "（一）扎实推进经济发展和民生工作\n"
    )


def urban(review: str, paragraph: str = GANSU_URBAN) -> dict[str, Any]:
    plan = extract_plan(report(paragraph, review)).plan
    return next(t for t in plan["targets"] if t["id"] == "urbanization_rate")


@needs_corpus
def test_gansu_urbanization_base_is_2025s_level_the_review_states() -> None:
    text = (CORPUS / "甘肃省.txt").read_text(encoding="utf-8")
    assert GANSU_URBAN in text and GANSU_REVIEW in text
    plan = extract_plan(text).plan
    target = next(t for t in plan["targets"] if t["id"] == "urbanization_rate")
    assert (target["kind"], target["unit"], target["min"]) == ("change", "%", 1)
    # the end of 由52.23%提高到58.08%: 2025's level, as the bundled plan has it (not 52.23, 2020's)
    assert target["baseline"] == {"year": 2025, "value": Decimal("58.08")}
    assert target["review"] == _(TAKEN).format(
        value="58.08", unit="%", quote=GANSU_REVIEW, clause=GANSU_URBAN
    )
    gold = read_gold(REPO / "data" / "2026" / "gansu.toml")
    comparison = compare_plans(plan, gold, text)
    score = comparison.groups["headline"]
    assert (score.gold, score.matched_gold, score.exact) == (score.found, score.gold, score.gold)
    pair = next(p for p in comparison.pairs if p.draft_id == "urbanization_rate")
    assert pair.differences == []  # compare checks the drafted baseline: the plan's 58.08
    # the five-year start (2020's 52.23) as the base would be a difference
    start = {"year": 2025, "value": Decimal("52.23")}
    wrong = [{**t, "baseline": start} if t is target else t for t in plan["targets"]]
    pairs = compare_plans({**plan, "targets": wrong}, gold, text).pairs
    pair = next(p for p in pairs if p.draft_id == "urbanization_rate")
    assert [d.field for d in pair.differences] == ["baseline.value"]


@needs_corpus
def test_a_work_change_target_with_no_level_in_the_review_is_flagged() -> None:
    # 贵州: 项目县耕种收综合机械化率提升3个百分点左右; the review states no 机械化率
    text = (CORPUS / "贵州省.txt").read_text(encoding="utf-8")
    plan = extract_plan(text).plan
    quote = "项目县耕种收综合机械化率提升3个百分点左右"
    target = next(t for t in plan["targets"] if t["quote"] == quote)
    assert target["kind"] == "change" and "baseline" not in target
    assert target["review"] == _(NONE_FOUND).format(clause=target["quote"])


@pytest.mark.parametrize(
    ("review", "value", "quote"),
    [
        ("，" + GANSU_REVIEW, "58.08", GANSU_REVIEW),  # 甘肃: 由X提高到Y, the end
        # 山东: 达到Y, never the five years' rise after it
        (
            "，常住人口城镇化率达到67.5%、5年提高4.5个百分点",
            "67.5",
            "常住人口城镇化率达到67.5%",
        ),
        # 贵州: 从2020年的X提升到2025年的Y, the end in last year
        (
            "，常住人口城镇化率从2020年的53.2%提升到2025年的57.7%",
            "57.7",
            "常住人口城镇化率从2020年的53.2%提升到2025年的57.7%",
        ),
        ("，常住人口城镇化率提高到76.58%", "76.58", "常住人口城镇化率提高到76.58%"),  # 广东
        ("，常住人口城镇化率达76.2%", "76.2", "常住人口城镇化率达76.2%"),  # 江苏
        ("，常住人口城镇化率60%", "60", "常住人口城镇化率60%"),  # 河南's list of levels
        ("，常住人口城镇化率为60.5%", "60.5", "常住人口城镇化率为60.5%"),
    ],
)
def test_the_reviews_level_of_last_year_is_the_base(review: str, value: str, quote: str) -> None:
    target = urban(review)
    assert target["baseline"] == {"year": 2025, "value": Decimal(value)}
    assert target["review"] == _(TAKEN).format(
        value=value, unit="%", quote=quote, clause=GANSU_URBAN
    )


@pytest.mark.parametrize(
    "review",
    [
        "",  # the review states no level
        "，常住人口城镇化率年均提升1个百分点以上",  # a rise, and five years'
        "，五年来常住人口城镇化率累计提高5.85%",  # a five years' sum
        "，常住人口城镇化率突破60%",  # 四川: a bound, not the level
        "，常住人口城镇化率达到58%以上",  # a bound
        "，常住人口城镇化率从2015年的45%提升到2020年的52.23%",  # the end is 2020's, not 2025's
        "，常住人口城镇化率达到58.08%，其中城区常住人口城镇化率为60.1%",  # two levels: not once
    ],
)
def test_no_level_of_last_year_no_base_and_a_review_flag(review: str) -> None:
    target = urban(review)
    assert "baseline" not in target
    assert target["review"] == _(NONE_FOUND).format(clause=GANSU_URBAN)


def test_a_level_target_takes_no_base_from_the_review() -> None:
    # 贵州's 常住人口城镇化率达59%左右 is a level: the change rule gives it no base level, nor
    # its flag; the review's 57.7% is its baseline as a level's (review_ratios, session 37),
    # without a flag (stated as it is, dated last year)
    review = "，常住人口城镇化率从2020年的53.2%提升到2025年的57.7%"
    target = urban(review, "常住人口城镇化率达59%左右")
    assert target["kind"] == "level"
    assert target["baseline"] == {"year": 2025, "value": Decimal("57.7")}
    assert "review" not in target
