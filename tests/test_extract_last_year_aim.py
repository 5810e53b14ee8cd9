"""A floor with 力争比去年实现更多增长 (河南's 粮食产量1300亿斤以上): the stretch is last year's
figure where the review states it, flagged for review; no figure, no stretch (issue 11)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import compare_plans, extract_plan
from plancli.extract.compare import read_gold
from plancli.extract.forms import aspiration_only
from plancli.i18n import _
from plancli.model import Plan
from plancli.plan_checks import check_plan

REPO = Path(__file__).resolve().parents[1]
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
HENAN_GRAIN = "粮食产量1300亿斤以上、力争比去年实现更多增长"


def report(paragraph: str, review: str = "") -> str:
    """A minimal 2026 report: `review` in the review section, `paragraph` the targets."""
    return (
        "2026年某某省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
        f"过去一年，全省经济社会发展取得新的成绩，地区生产总值增长5.1%{review}。\n"
        "二、2026年重点工作\n"
        f"今年经济社会发展主要预期目标是：{paragraph}。\n"
        "（一）扎实推进经济发展和民生工作\n"
    )


def head(paragraph: str, review: str = "", target: str = "grain_output") -> dict[str, Any]:
    plan = extract_plan(report(paragraph, review)).plan
    return next(t for t in plan["targets"] if t["id"] == target)


@needs_corpus
def test_henan_grain_stretch_is_2025s_output_the_review_states() -> None:
    text = (CORPUS / "河南省.txt").read_text(encoding="utf-8")
    assert HENAN_GRAIN in text and "粮食产量1350.97亿斤" in text
    plan = extract_plan(text).plan
    grain = next(t for t in plan["targets"] if t["id"] == "grain_output")
    assert (grain["kind"], grain["unit"], grain["min"], grain["stretch"]) == (
        "level",
        "亿斤",
        1300,
        Decimal("1350.97"),
    )
    assert grain["baseline"] == {"year": 2025, "value": Decimal("1350.97")}
    assert grain["stretch_exclusive"] is True  # 1350.97 again is no 更多增长, as the plan says
    assert grain["quote"] == HENAN_GRAIN  # the clause measuring against last year, quoted
    assert "“粮食产量1350.97亿斤”" in grain["review"]  # where the figure came from
    assert "“粮食产量1350.97亿斤”" in grain["note"]
    # the gold plan's bounds and form, all 12 headline targets exact
    gold = read_gold(REPO / "data" / "2026" / "henan.toml")
    score = compare_plans(plan, gold, text).groups["headline"]
    assert (score.gold, score.matched_gold, score.exact) == (12, 12, 12)
    # a draft reaching last year's figure again would be judged met: not the plan's form
    inclusive = {**plan, "targets": [{**t, "stretch_exclusive": False} for t in plan["targets"]]}
    assert compare_plans(inclusive, gold, text).groups["headline"].exact == 11
    # validate: the stretch is no figure of the quote, but the quote measures against 2025
    drafted = Plan.model_validate(plan)
    assert [f for f in check_plan(drafted) if f.code == "bound_not_in_quote"] == []


def test_the_reviews_figure_of_the_indicator_is_the_stretch() -> None:
    grain = head(HENAN_GRAIN, "，粮食产量1350.97亿斤")
    assert (grain["min"], grain["stretch"]) == (1300, Decimal("1350.97"))
    assert grain["baseline"] == {"year": 2025, "value": Decimal("1350.97")}
    assert grain["review"] == _(
        "stretch {value} is last year's figure, taken from the review (“{quote}”) for "
        "“{clause}”: check it is this indicator's, in the target's unit"
    ).format(value="1350.97", quote="粮食产量1350.97亿斤", clause="力争比去年实现更多增长")


@pytest.mark.parametrize(
    "aim",
    ["力争超过上年", "争取超过去年", "力争高于上年水平", "争取比上年有所增长", "力争比去年增产"],
)
def test_other_wordings_of_an_aim_above_last_year(aim: str) -> None:
    grain = head(f"粮食产量1300亿斤以上、{aim}", "，粮食总产量1350.97亿斤")
    assert grain["stretch"] == Decimal("1350.97")
    assert grain["quote"] == f"粮食产量1300亿斤以上、{aim}"


@pytest.mark.parametrize(
    "review",
    [
        "",  # the review names no grain figure
        "，粮食产量675.5亿公斤",  # another unit
        "，粮食总产量连续9年稳定在1300亿斤以上",  # a run of years, a floor
        "，五年来粮食产量累计6500亿斤",  # five years' sum
        "，粮食产量1350.97亿斤，夏粮丰收后粮食产量1340亿斤",  # two figures: not once
    ],
)
def test_no_figure_of_last_year_no_stretch_and_a_review_flag(review: str) -> None:
    grain = head(HENAN_GRAIN, review)
    assert "stretch" not in grain and "baseline" not in grain
    assert grain["min"] == 1300
    assert grain["review"] == _(
        "“{clause}” aims above last year's figure, which the review does not state once in "
        "{unit}: no stretch; add last year's figure as the stretch"
    ).format(clause="力争比去年实现更多增长", unit="亿斤")


def test_last_years_figure_below_the_floor_is_no_stretch() -> None:
    grain = head(HENAN_GRAIN, "，粮食产量1280亿斤")
    assert "stretch" not in grain
    assert "1280" in grain["review"] and "1300" in grain["review"]


@pytest.mark.parametrize(
    ("paragraph", "target"),
    [
        # a growth's rise over last year is the target itself, never a stretch
        ("地区生产总值增长5%左右、力争比上年有所增长", "gdp"),
        # an ordinary growth clause measured against last year
        ("粮食产量1300亿斤以上、农村居民人均可支配收入比上年增长7%", "grain_output"),
        # a floor without the aim: the review's figure is no stretch
        ("粮食产量1300亿斤以上", "grain_output"),
    ],
)
def test_ordinary_clauses_get_no_stretch(paragraph: str, target: str) -> None:
    found = head(paragraph, "，粮食产量1350.97亿斤", target)
    assert "stretch" not in found
    assert "last year's figure" not in found.get("review", "")


def test_the_aim_reads_as_an_aspiration_alone() -> None:
    # 争取超过去年 was no aspiration, 力争高于上年水平 a relation to a series (上年), dropped
    assert aspiration_only("争取超过去年")
    assert aspiration_only("力争高于上年水平")
    assert aspiration_only("力争比去年实现更多增长")
    assert not aspiration_only("力争比上年增长7%")
