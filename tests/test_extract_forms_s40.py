"""Session 40's forms of `plancli extract`.

1. A change in 百分点 spelled in Chinese numerals (提高一个百分点, 提高两个百分点, 下降零点五个
   百分点) is read as its digits are (it drafted nothing); none of the 15 corpus reports nor the
   seed spells one, so the sentences are made-up variants of the tuning reports' forms.
2. A work section's aim stated against last year (2026年，…占比力争比上年提高0.1个百分点) is
   this year's change, not a past figure; a review's 比上年提高 without an aim's word stays past
   (no corpus report says 比上年 at all: made-up variants again).
3. 河南 (corpus): 数字经济规模2.5万亿元 a level, not a year-to-date sum; 生均经费增加1000元 a rise
   of a level whose base the report leaves unsaid, pending; 突破N above N (`exclusive`, 天津's
   技术合同成交额突破2300亿元 too); a lone 力争N kept as the floor with its note (docs/forms.md:
   a stretch is a higher aim beside a floor, and there is none).
Also a fall in 百分点 (下降0.5个百分点) is `max = -0.5`: min 0.5 with direction down did not load.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan
from plancli.model import Plan

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import report, targets

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


def draft(paragraph: str = "城镇调查失业率5.5%左右", work: str = "扎实推进各项工作") -> Any:
    return extract_plan(report("", paragraph, work)).plan


def work_targets(work: str) -> list[dict[str, Any]]:
    return [t for t in draft(work=work)["targets"] if t["section"].startswith("work_")]


# ---------------------------------------------------------------- 1. Chinese numerals


@pytest.mark.parametrize(
    ("spelled", "digits"),
    [
        ("研发经费投入强度提高一个百分点", "研发经费投入强度提高1个百分点"),
        ("常住人口城镇化率提高两个百分点", "常住人口城镇化率提高2个百分点"),
        ("常住人口城镇化率提升一点五个百分点以上", "常住人口城镇化率提升1.5个百分点以上"),
        ("城镇调查失业率下降零点五个百分点", "城镇调查失业率下降0.5个百分点"),
    ],
)
def test_a_change_in_chinese_numerals_drafts_as_its_digits_do(spelled: str, digits: str) -> None:
    got, want = targets(report("", spelled)), targets(report("", digits))
    assert set(got) == set(want) and len(got) == 2  # gdp and the change
    for key, target in got.items():
        expected = dict(want[key])
        if key != "gdp":
            assert target["quote"] == spelled  # verbatim, as the report writes it
            expected["quote"] = spelled
            expected["review"] = want[key]["review"].replace(digits, spelled)
            target = {**target, "review": target["review"].replace(digits, spelled)}
        assert target == expected


def test_the_spelled_figures_are_the_bounds() -> None:
    assert targets(report("", "研发经费投入强度提高一个百分点"))["rd_intensity"]["min"] == 1
    urban = targets(report("", "常住人口城镇化率提高两个百分点"))["urbanization_rate"]
    assert (urban["kind"], urban["unit"], urban["min"]) == ("change", "%", 2)
    jobless = targets(report("", "城镇调查失业率下降零点五个百分点"))["surveyed_unemployment_rate"]
    assert jobless["max"] == Decimal("-0.5") and "min" not in jobless


def test_a_work_change_in_chinese_numerals() -> None:
    (share,) = work_targets("数字经济核心产业增加值占比提高一个百分点")
    assert (share["kind"], share["unit"], share["min"]) == ("change", "%", 1)
    assert share["quote"] == "数字经济核心产业增加值占比提高一个百分点"


def test_a_numeral_before_points_without_a_verb_of_change_is_no_figure() -> None:
    # 每一个百分点: a rule's step, no change of the year's
    assert not work_targets("失业率每一个百分点的变化都要及时研判")


# ---------------------------------------------------------------- a fall in 百分点


@pytest.mark.parametrize(
    ("clause", "bounds"),
    [
        ("城镇调查失业率下降0.5个百分点", {"max": Decimal("-0.5")}),
        ("城镇调查失业率下降0.5个百分点以上", {"max": Decimal("-0.5")}),
        ("城镇调查失业率下降0.5个百分点左右", {"around": Decimal("-0.5")}),
        ("城镇调查失业率下降0.5个百分点以内", {"min": Decimal("-0.5")}),
    ],
)
def test_a_fall_in_points_is_a_negative_change_and_loads(
    clause: str, bounds: dict[str, Decimal]
) -> None:
    plan = draft(clause)
    jobless = next(t for t in plan["targets"] if t["id"] == "surveyed_unemployment_rate")
    assert jobless["kind"] == "change"
    assert {k: jobless[k] for k in ("min", "max", "around") if k in jobless} == bounds
    Plan.model_validate(plan)  # (min 0.5 with direction down: "direction down needs max")


def test_a_work_fall_in_points_is_a_negative_change() -> None:
    (energy,) = work_targets("单位生产总值能耗降低0.5个百分点")
    assert (energy["kind"], energy["max"]) == ("change", Decimal("-0.5"))
    assert "min" not in energy


# ---------------------------------------------------------------- 2. an aim against last year


@pytest.mark.parametrize(
    ("work", "name"),
    [
        (
            "2026年，全省数字经济核心产业增加值占比力争比上年提高0.1个百分点",
            "全省数字经济核心产业增加值占比提高",
        ),
        ("力争数字经济核心产业增加值占比比上年提高0.1个百分点", "数字经济核心产业增加值占比提高"),
        ("今年，数字经济核心产业增加值占比比上年提高0.1个百分点", "数字经济核心产业增加值占比提高"),
        ("数字经济核心产业增加值占比要比上年提高0.1个百分点", "数字经济核心产业增加值占比提高"),
    ],
)
def test_a_work_aim_against_last_year_is_this_years_change(work: str, name: str) -> None:
    (share,) = work_targets(work)
    assert (share["kind"], share["unit"], share["min"]) == ("change", "%", Decimal("0.1"))
    assert share["name"] == name
    assert "比上年提高0.1个百分点" in share["quote"]


@pytest.mark.parametrize(
    "work",
    [
        # a review of the past year in a work section: no aim's word, or last year named
        "数字经济核心产业增加值占比比上年提高0.1个百分点",
        "2025年，数字经济核心产业增加值占比比上年提高0.1个百分点",
        "去年，数字经济核心产业增加值占比力争比上年提高0.1个百分点",
    ],
)
def test_a_past_change_against_the_year_before_stays_past(work: str) -> None:
    assert not work_targets(work)


# ---------------------------------------------------------------- 3. 河南


@pytest.fixture(scope="module")
def henan() -> dict[str, dict[str, Any]]:
    text = (CORPUS / "河南省.txt").read_text(encoding="utf-8")
    return {t["quote"]: t for t in extract_plan(text).plan["targets"]}


@needs_corpus
def test_henan_digital_economy_size_is_a_level(henan: dict[str, dict[str, Any]]) -> None:
    size = henan["数字经济规模2.5万亿元"]
    assert (size["kind"], size["unit"], size["min"]) == ("level", "万亿元", Decimal("2.5"))
    assert size["frequency"] == "annual"
    # 新增社会融资规模 is the year's flow: still a sum
    assert henan["新增社会融资规模1万亿元"]["kind"] == "cumulative"


@needs_corpus
def test_henan_per_student_funding_rise_is_pending(henan: dict[str, dict[str, Any]]) -> None:
    funding = henan["省属公办普通高校生均经费增加1000元"]
    assert (funding["kind"], funding["unit"], funding["name"]) == (
        "level",
        "元",
        "省属公办普通高校生均经费",
    )
    assert funding["pending"] is True
    assert not {"min", "max", "around"} & set(funding)  # never 1000 as the level
    assert "by 1000元 over last year's" in funding["review"]
    assert "last year's level + 1000" in funding["review"]


@needs_corpus
def test_tupo_is_above_the_figure(henan: dict[str, dict[str, Any]]) -> None:
    power = henan["可再生能源发电装机突破1亿千瓦"]
    assert (power["kind"], power["min"], power.get("exclusive")) == ("level", 1, True)
    text = (CORPUS / "天津市.txt").read_text(encoding="utf-8")
    tianjin = {t["quote"]: t for t in extract_plan(text).plan["targets"]}
    deals = tianjin["全市技术合同成交额突破2300亿元"]
    assert (deals["min"], deals.get("exclusive")) == (2300, True)


def test_tupo_before_no_figure_is_no_bound_of_it() -> None:
    # 攻坚突破…11个难点问题: 突破 is the work, 11 not a figure it exceeds
    for target in work_targets("攻坚突破家政服务市场规范等11个难点问题"):
        assert "exclusive" not in target


@needs_corpus
def test_henan_lizheng_alone_is_the_floor_and_beside_a_floor_the_stretch(
    henan: dict[str, dict[str, Any]],
) -> None:
    # no floor beside it: the figure is the floor, noted (as the seed's plan has 力争年内引进培育
    # 总部企业3户以上: min = 3)
    deals = henan["力争技术合同成交额3000亿元"]
    assert (deals["min"], "stretch" in deals) == (3000, False)
    assert "worded as 力争/争取" in deals["note"]
    # beside a floor: the higher aim (docs/forms.md, stretch)
    grain = henan["粮食产量1300亿斤以上、力争比去年实现更多增长"]
    assert (grain["min"], grain["stretch"], grain["stretch_exclusive"]) == (
        1300,
        Decimal("1350.97"),
        True,
    )
