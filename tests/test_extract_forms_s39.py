"""Session 39's three forms of `plancli extract`, on made-up variants of the tuning reports'
sentences (江苏, 湖北, 天津, 陕西, 四川, 河南 2026 state none of them: their reviews give no
CPI and no aim reported as met, their 主要预期目标 no rise in 百分点):

1. last year's aim reported as met (城镇新增就业60万人的目标任务全面完成): no baseline, but the
   review's outcome where it states one;
2. last year's CPI as 上涨N% under its bracketed abbreviation or as CPI涨幅: the cpi baseline;
3. a level stated only as 提高N个百分点: a `change` (a share's 比重提高… too, never a margin
   over 重提), and none where the rise is held over years, on another base or a five-year goal.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancli.extract import extract_plan
from plancli.extract.baselines import NO_CHANGE_BASE_REVIEW
from plancli.extract.estimates import APPROXIMATE_REVIEW
from plancli.i18n import _

# (the minimal report of session 35's shared-baseline tests, and its reader of a draft's targets)
from test_extract_shared_baselines import report, targets

JOBS = "城镇新增就业60万人以上"
CPI = "居民消费价格涨幅2%左右"
RATE = "城镇调查失业率5.5%左右"


@pytest.mark.parametrize(
    "review",
    [
        "城镇新增就业60万人的目标任务全面完成",
        "城镇新增就业60万人目标任务全面完成",
        "城镇新增就业60万人的年度目标顺利完成",
        "城镇新增就业60万人的预期目标如期实现",
        # a list's aim: its 等/的 目标 after the last figure
        "城镇新增就业60万人、城镇调查失业率5.5%左右的目标任务全面完成",
        "城镇新增就业60万人、居民消费价格涨幅2%左右等目标任务全面完成",
    ],
)
def test_last_years_aim_reported_as_met_is_no_baseline(review: str) -> None:
    drafted = targets(report(review, f"{JOBS}，{CPI}"))
    assert "baseline" not in drafted["new_urban_jobs"]
    assert "baseline" not in drafted["cpi"]


def test_a_list_of_outcomes_beside_an_aim_met_keeps_its_figures() -> None:
    # 60万人 is the outcome here: the aim it exceeded is said after, not the list's 的目标
    review = "城镇新增就业60万人、超额完成年度目标任务，居民消费价格上涨0.3%"
    drafted = targets(report(review, f"{JOBS}，{CPI}"))
    assert drafted["new_urban_jobs"]["baseline"] == {"year": 2025, "value": 60}
    assert drafted["cpi"]["baseline"] == {"year": 2025, "value": Decimal("0.3")}


def test_the_outcome_beside_a_met_aim_is_the_baseline() -> None:
    for review in (
        "城镇新增就业60万人的目标任务全面完成，全年城镇新增就业65.3万人",
        "城镇新增就业65.3万人。城镇新增就业60万人的目标任务全面完成",
    ):
        jobs = targets(report(review, JOBS))["new_urban_jobs"]
        assert jobs["baseline"] == {"year": 2025, "value": Decimal("65.3")}, review
        assert "“城镇新增就业65.3万人”" in jobs["note"]
    # 陕西's result as it is, unchanged
    plain = targets(report("城镇新增就业44.1万人", JOBS))["new_urban_jobs"]
    assert plain["baseline"] == {"year": 2025, "value": Decimal("44.1")}


@pytest.mark.parametrize(
    ("review", "value"),
    [
        ("居民消费价格指数（CPI）上涨0.3%", "0.3"),
        ("居民消费价格指数(CPI)同比上涨0.3%", "0.3"),
        ("居民消费价格指数（CPI）涨幅为0.3%", "0.3"),
        ("CPI上涨0.3%", "0.3"),
        ("CPI涨幅0.3%", "0.3"),
        ("全省CPI同比下降0.1%", "-0.1"),
        ("居民消费价格比上年上涨0.3%", "0.3"),
        # one figure said twice is one
        ("居民消费价格上涨0.3%，居民消费价格指数（CPI）上涨0.3%", "0.3"),
    ],
)
def test_last_years_cpi_in_its_other_spellings_is_the_baseline(review: str, value: str) -> None:
    for paragraph in (CPI, "居民消费价格上涨2%左右"):  # the target's two spellings
        cpi = targets(report(review, paragraph))["cpi"]
        assert cpi["baseline"] == {"year": 2025, "value": Decimal(value)}, (review, paragraph)
        assert "review" not in cpi


def test_an_estimated_cpi_is_taken_with_a_review() -> None:
    cpi = targets(report("居民消费价格指数（CPI）上涨0.3%左右", CPI))["cpi"]
    assert cpi["baseline"] == {"year": 2025, "value": Decimal("0.3")}
    assert cpi["review"] == _(APPROXIMATE_REVIEW).format(
        value="0.3", unit="%", quote="居民消费价格指数（CPI）上涨0.3%左右"
    )


@pytest.mark.parametrize(
    "review",
    [
        "居民消费价格上涨3%左右的目标顺利实现",  # last year's aim
        "居民消费价格指数（CPI）上涨3%左右的预期目标全面完成",
        "CPI保持上涨1%",  # held
        "“十四五”时期居民消费价格年均上涨1.2%",  # over years
        "居民消费价格比2020年上涨5%",  # on another base
        "规划纲要提出居民消费价格上涨3%左右",  # a five-year goal
        "居民消费价格上涨0.3%，CPI上涨0.5%",  # two figures: not unambiguous
    ],
)
def test_a_cpi_aimed_held_or_of_other_years_is_no_baseline(review: str) -> None:
    assert "baseline" not in targets(report(review, CPI))["cpi"], review


def test_a_cpi_rise_around_a_figure_is_the_ceiling_form_as_its_growth() -> None:
    # 居民消费价格上涨2%左右 is the target 居民消费价格涨幅2%左右 is: the cpi, a band around 2
    for paragraph in (CPI, "居民消费价格上涨2%左右"):
        cpi = targets(report("全省经济运行稳中有进", paragraph))["cpi"]
        assert (cpi["kind"], cpi["direction"], cpi["around"]) == ("level", "band", 2), paragraph


def _drafted(paragraph: str, work: str = "扎实推进各项工作") -> list[dict[str, object]]:
    plan = extract_plan(report("全省经济运行稳中有进", paragraph, work)).plan
    return [t for t in plan["targets"] if t["id"] not in ("gdp", "surveyed_unemployment_rate")]


def test_a_rise_in_points_is_a_change_asking_for_the_level() -> None:
    for clause in ("研发经费投入强度提高0.1个百分点", "研发经费投入强度比上年提高0.1个百分点"):
        (rd,) = _drafted(clause)
        assert (rd["id"], rd["kind"], rd["unit"], rd["min"]) == (
            "rd_intensity",
            "change",
            "%",
            Decimal("0.1"),
        )
        assert "baseline" not in rd
        assert rd["review"] == _(NO_CHANGE_BASE_REVIEW).format(clause=clause)


@pytest.mark.parametrize(
    ("work", "points"),
    [
        ("数字经济核心产业增加值占地区生产总值比重提高1个百分点", 1),
        ("高技术制造业增加值占规上工业比重提高1个百分点", 1),
        ("新能源装机比例提高3个百分点", 3),
    ],
)
def test_a_shares_rise_in_points_is_its_own_change_not_a_margin(work: str, points: int) -> None:
    (share,) = _drafted(RATE, work)
    assert (share["kind"], share["unit"], share["min"], share["name"]) == (
        "change",
        "%",
        points,
        work.split(str(points))[0],
    )
    assert "pending" not in share
    assert share["review"] == _(NO_CHANGE_BASE_REVIEW).format(clause=work)


def test_a_margin_over_another_series_is_still_one() -> None:
    # a share's name before 比 (占比比全省平均高…) leaves the margin's own 比 to read
    for work in ("研发投入增速比全省平均高2个百分点", "研发投入占比比全省平均高2个百分点"):
        (margin,) = _drafted(RATE, work)
        assert (margin["kind"], margin.get("pending")) == ("growth", True), work
        assert "全省平均" in str(margin["review"])


@pytest.mark.parametrize(
    "clause",
    [
        "常住人口城镇化率年均提高1个百分点",
        "常住人口城镇化率每年提高1个百分点",
        "常住人口城镇化率累计提高5个百分点",
        "常住人口城镇化率比2020年提高5个百分点",
        "常住人口城镇化率较“十四五”末提高5个百分点",
        "到2030年常住人口城镇化率提高5个百分点",
        "“十五五”期间常住人口城镇化率提高5个百分点",
    ],
)
def test_a_rise_in_points_over_years_or_another_base_is_no_target(clause: str) -> None:
    assert _drafted(clause) == [], clause  # in the headline
    assert _drafted(RATE, clause) == [], clause  # in a work section
