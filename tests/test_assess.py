"""The status rules and derived figures of DESIGN §3–§4, case by case, computed by hand.

The plan is tests/fixtures/assess.toml: targets of the 2022 report (5G 310, GDP ≥ 7 % on
1441.37 亿元, external funds 125 亿元, FAI 正增长, unemployment ≤ 4.8 %, …).
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from plancli.assess import (
    Assessment,
    PlanAssessment,
    assess_plan,
    assessment_out,
    expected_share,
    parse_statuses,
    required_growth_rest,
    round_half_up,
    round_keeping_side,
    worst_first,
)
from plancli.errors import InputError
from plancli.history import history
from plancli.model import Plan, Record
from plancli.output import dump_json, plain_data
from plancli.periods import parse_period
from plancli.plan import load_plan_file

FIXTURE = Path(__file__).parent / "fixtures" / "assess.toml"
T0 = datetime(2022, 7, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan_file(FIXTURE)


def rec(target: str, period: str, value: str, amount: str | None = None, n: int = 0) -> Record:
    return Record(
        target=target,
        period=period,
        value=Decimal(value),
        amount=Decimal(amount) if amount is not None else None,
        recorded_at=T0 + timedelta(minutes=n),
        batch=f"b{n}",
    )


def judge(plan: Plan, as_of: str | None, *records: Record) -> PlanAssessment:
    return assess_plan(plan, list(records), parse_period(as_of) if as_of else None)


def one(plan: Plan, target: str, as_of: str | None, *records: Record) -> Assessment:
    return judge(plan, as_of, *records).get(target)


def shown(a: Assessment) -> dict[str, object]:
    """The JSON view (rounded at the output boundary)."""
    data: dict[str, object] = plain_data(assessment_out(a))
    return data


# ------------------------------------------------------------------ the issue's own cases


def test_5g_120_of_310_in_june(plan: Plan) -> None:
    a = one(plan, "new_5g_base_stations", "2022-06", rec("new_5g_base_stations", "2022-06", "120"))
    assert a.status == "behind"
    assert a.completion == Fraction(12, 31)  # exact, not 0.38709677…
    assert a.pace_gap_pp == (Fraction(12, 31) - Fraction(1, 2)) * 100
    out = shown(a)
    assert out["completion"] == 0.3871
    assert out["pace_gap_pp"] == -11.29
    assert out["time_progress"] == 0.5
    assert out["projection"] == 240
    assert out["required_per_month"] == 31.67
    assert out["gap"] == 190
    assert out["months_left"] == 6
    assert out["tolerance_pp"] == 10


def test_gdp_5_percent_with_700_needs_8_72_in_h2(plan: Plan) -> None:
    a = one(plan, "gdp", "2022-06", rec("gdp", "2022-Q2", "5.0", "700"))
    assert a.status == "behind"  # 2.0 pp short, more than the 1.0 pp tolerance
    assert a.gap == Decimal("2.0")
    out = shown(a)
    assert out["gap"] == 2
    assert out["required_growth_rest"] == 8.72
    assert out["amount"] == 700
    assert out["completion"] is None and out["pace_gap_pp"] is None  # growth: no pacing


def test_required_growth_rest_formula() -> None:
    # T = 1441.37 × 1.07 = 1542.2659; Bt = 700 / 1.05; (T − 700) / (1441.37 − Bt) − 1
    rest = required_growth_rest(Decimal(700), Decimal("5.0"), Decimal("1441.37"), Decimal(7))
    assert rest is not None
    expected = (
        (Fraction("1542.2659") - 700) / (Fraction("1441.37") - Fraction(700) / Fraction("1.05")) - 1
    ) * 100
    assert rest == expected
    assert round_half_up(rest, 2) == Decimal("8.72")
    # Nothing left of last year to grow from: no figure rather than a division by zero.
    assert required_growth_rest(Decimal(1441), Decimal(0), Decimal(1441), Decimal(7)) is None
    assert required_growth_rest(Decimal(1), Decimal(-100), Decimal(10), Decimal(7)) is None


def test_external_funds_50_of_125_is_at_risk_on_the_boundary(plan: Plan) -> None:
    a = one(plan, "external_funds", "2022-06", rec("external_funds", "2022-06", "50"))
    assert a.pace_gap_pp == -10  # exactly the tolerance: −10 ≤ p < 0
    assert a.status == "at_risk"
    assert shown(a)["pace_gap_pp"] == -10
    assert shown(a)["required_per_month"] == 12.5


def test_unemployment_4_2_is_on_track(plan: Plan) -> None:
    a = one(plan, "unemployment_rate", "2022-06", rec("unemployment_rate", "2022-Q2", "4.2"))
    assert a.status == "on_track"
    assert a.gap == 0


def test_fai_growth_zero_is_not_positive_growth(plan: Plan) -> None:
    mid = one(
        plan, "fixed_asset_investment", "2022-06", rec("fixed_asset_investment", "2022-06", "0.0")
    )
    assert mid.status != "on_track"
    assert mid.status == "at_risk"  # short of "> 0" by less than the growth tolerance
    assert mid.gap == 0  # a strict bound met with equality: any increase would do
    end = one(
        plan, "fixed_asset_investment", "2022-12", rec("fixed_asset_investment", "2022-12", "0.0")
    )
    assert end.status == "missed"
    up = one(
        plan, "fixed_asset_investment", "2022-06", rec("fixed_asset_investment", "2022-06", "0.1")
    )
    assert up.status == "on_track"


def test_year_end_verdicts(plan: Plan) -> None:
    done = one(
        plan, "new_5g_base_stations", "2022-12", rec("new_5g_base_stations", "2022-12", "310")
    )
    assert done.status == "met"
    assert shown(done)["completion"] == 1
    assert shown(done)["required_per_month"] is None  # no month left
    assert one(plan, "gdp", "2022", rec("gdp", "2022", "6.5")).status == "missed"
    assert one(plan, "gdp", "2022-Q4", rec("gdp", "2022-Q4", "7.0")).status == "met"
    short = one(
        plan, "new_5g_base_stations", "2022-12", rec("new_5g_base_stations", "2022-12", "309")
    )
    assert short.status == "missed"


# --------------------------------------- year end: only a year-end figure decides met/missed


def test_year_end_growth_from_a_q3_figure_is_not_yet_decided(plan: Plan) -> None:
    # GDP 7.5 % at Q3 satisfies ≥ 7 %, but the year's growth is not known before Q4's figure.
    for as_of in ("2022-12", "2022-Q4", "2022"):
        a = one(plan, "gdp", as_of, rec("gdp", "2022-Q3", "7.5", "1100"))
        assert (a.status, a.stale, str(a.period)) == ("on_track", True, "2022-Q3")
        # no month is left at the year's end: nothing to require of "the rest of the year"
        # (the year-end audit: 余下月份需增长… in the annual report), as required_per_month
        assert a.required_growth_rest is None
    november = one(plan, "gdp", "2022-11", rec("gdp", "2022-Q3", "7.5", "1100"))
    assert november.required_growth_rest is not None  # what Q4 must grow: still useful
    assert one(plan, "gdp", "2022-12", rec("gdp", "2022-Q3", "6.2")).status == "at_risk"
    assert one(plan, "gdp", "2022-12", rec("gdp", "2022-Q3", "5")).status == "behind"
    # the Q4 figure decides, either way
    assert one(plan, "gdp", "2022-12", rec("gdp", "2022-Q4", "7.5")).status == "met"
    assert one(plan, "gdp", "2022-12", rec("gdp", "2022-Q4", "6.2")).status == "missed"
    # both in the ledger: the Q4 figure is the latest and decides
    both = one(plan, "gdp", "2022-12", rec("gdp", "2022-Q3", "7.5"), rec("gdp", "2022-Q4", "6.9"))
    assert (both.status, both.stale) == ("missed", False)
    fai = rec("fixed_asset_investment", "2022-06", "0.0")
    assert one(plan, "fixed_asset_investment", "2022-12", fai).status == "at_risk"


def test_year_end_level_from_an_earlier_figure_is_not_yet_decided(plan: Plan) -> None:
    high = one(plan, "unemployment_rate", "2022-12", rec("unemployment_rate", "2022-Q3", "4.9"))
    assert (high.status, high.stale) == ("behind", True)
    low = one(plan, "unemployment_rate", "2022-12", rec("unemployment_rate", "2022-Q3", "4.5"))
    assert (low.status, low.stale) == ("on_track", True)
    zero = rec("zero_employment_families", "2022-11", "0")
    assert one(plan, "zero_employment_families", "2022-12", zero).status == "on_track"


def test_year_end_cumulative_from_a_march_figure_is_behind_not_missed(plan: Plan) -> None:
    a = one(plan, "new_5g_base_stations", "2022-12", rec("new_5g_base_stations", "2022-03", "100"))
    assert (a.status, a.stale, str(a.period)) == ("behind", True, "2022-03")
    # judged against the full year: 100/310 of an expected 1
    assert a.time_progress == 1 and a.expected_share == 1 and str(a.progress_period) == "2022-12"
    assert a.pace_gap_pp == (Fraction(10, 31) - 1) * 100  # −67.74 pp
    assert (a.months_left, a.required_per_month) == (0, None)
    near = one(
        plan, "new_5g_base_stations", "2022-12", rec("new_5g_base_stations", "2022-03", "290")
    )
    # (29/31 − 1) × 100 = −6.45 pp: within the pace tolerance, but at the year's end no months
    # are left for it to cover: behind, not at risk (session 43, yearend)
    assert near.status == "behind"
    assert near.pace_gap_pp == (Fraction(29, 31) - 1) * 100
    # delivered in March is delivered: met, whenever it happened
    done = one(
        plan, "new_5g_base_stations", "2022-12", rec("new_5g_base_stations", "2022-03", "310")
    )
    assert (done.status, done.stale) == ("met", True)


def test_year_end_milestone_from_an_earlier_figure(plan: Plan) -> None:
    late = one(plan, "service_centre", "2022-12", rec("service_centre", "2022-Q3", "80"))
    assert (late.status, late.stale, late.pace_gap_pp) == ("behind", True, -20)
    near = one(plan, "service_centre", "2022-12", rec("service_centre", "2022-Q3", "95"))
    assert near.status == "behind"  # −5 pp, no tolerance at the year's end (session 43)
    done = one(plan, "service_centre", "2022-12", rec("service_centre", "2022-Q3", "100"))
    assert done.status == "met"
    final = one(plan, "service_centre", "2022-12", rec("service_centre", "2022-12", "80"))
    assert (final.status, final.stale) == ("missed", False)


def test_year_end_relative_needs_both_year_end_figures(plan: Plan) -> None:
    gdp_q3, gdp_q4 = rec("gdp", "2022-Q3", "7.5"), rec("gdp", "2022-Q4", "7.5")
    # both final: decided (≥ 7.5 − 1.0)
    met = one(plan, "urban_income", "2022-12", gdp_q3, gdp_q4, rec("urban_income", "2022-Q4", "7"))
    assert (met.status, met.stale) == ("met", False)
    short = one(plan, "urban_income", "2022-12", gdp_q4, rec("urban_income", "2022-Q4", "6"))
    assert short.status == "missed"
    # the reference has no Q4 figure yet: not decided, nor judged on the superseded Q3 pair
    own = [rec("urban_income", "2022-Q3", "5"), rec("urban_income", "2022-Q4", "5")]
    a = one(plan, "urban_income", "2022-12", gdp_q3, *own)
    assert (a.status, a.reason, a.stale, str(a.period)) == (
        "no_data",
        "no_reference_record",
        False,
        "2022-Q4",
    )
    # its own figure is from Q3: not decided either
    b = one(plan, "urban_income", "2022-12", gdp_q3, gdp_q4, rec("urban_income", "2022-Q3", "7"))
    assert (b.status, b.stale, str(b.period)) == ("on_track", True, "2022-Q3")


def test_year_end_rollup_is_decided_only_by_year_end_parts(plan: Plan) -> None:
    roads, education = rec("invest_roads", "2022-12", "10"), rec("invest_education", "2022-Q3", "7")
    a = one(plan, "investment_total", "2022-12", roads, education)
    assert (a.status, a.actual, a.stale) == ("behind", 17, True)  # 17 of 29.45: −42.28 pp
    final = one(plan, "investment_total", "2022-12", roads, rec("invest_education", "2022-12", "7"))
    assert final.status == "missed"
    partial = one(plan, "investment_total", "2022-12", roads)  # education never reported
    assert partial.status == "behind" and partial.parts_missing == ("invest_education",)
    delivered = rec("invest_education", "2022-Q3", "20")
    assert one(plan, "investment_total", "2022-12", roads, delivered).status == "met"


# -------------------------------------------------------------------- status boundaries


@pytest.mark.parametrize(
    ("target", "period", "as_of", "value", "status"),
    [
        # cumulative, 310 at June (t = 0.5): 155 is on pace, 124 is −10 pp, 123 is −10.32 pp
        ("new_5g_base_stations", "2022-06", "2022-06", "155", "on_track"),
        ("new_5g_base_stations", "2022-06", "2022-06", "124", "at_risk"),
        ("new_5g_base_stations", "2022-06", "2022-06", "123", "behind"),
        ("new_5g_base_stations", "2022-06", "2022-06", "310", "met"),  # met before year end
        ("new_5g_base_stations", "2022-06", "2022-06", "400", "met"),
        # growth ≥ 7 with 1.0 pp tolerance
        ("gdp", "2022-Q2", "2022-06", "7", "on_track"),
        ("gdp", "2022-Q2", "2022-06", "6.0", "at_risk"),
        ("gdp", "2022-Q2", "2022-06", "5.99", "behind"),
        ("gdp", "2022-Q2", "2022-06", "-3", "behind"),
        # level ≤ 4.8: no tolerance, no pacing
        ("unemployment_rate", "2022-Q2", "2022-06", "4.8", "on_track"),
        ("unemployment_rate", "2022-Q2", "2022-06", "4.81", "behind"),
        ("unemployment_rate", "2022-Q4", "2022-12", "4.81", "missed"),
        ("unemployment_rate", "2022-Q4", "2022-12", "4.8", "met"),
        # a ceiling of zero (零就业家庭动态清零)
        ("zero_employment_families", "2022-06", "2022-06", "0", "on_track"),
        ("zero_employment_families", "2022-06", "2022-06", "3", "behind"),
        ("zero_employment_families", "2022-12", "2022-12", "0", "met"),
        # milestone due 2022-06: at March half the time to due has passed
        ("service_centre", "2022-03", "2022-03", "50", "on_track"),
        ("service_centre", "2022-03", "2022-03", "40", "at_risk"),
        ("service_centre", "2022-03", "2022-03", "39", "behind"),
        ("service_centre", "2022-06", "2022-06", "95", "at_risk"),  # due now: 5 pp short
        ("service_centre", "2022-06", "2022-06", "100", "met"),
        ("service_centre", "2022-12", "2022-12", "90", "missed"),
    ],
)
def test_status_boundaries(
    plan: Plan, target: str, period: str, as_of: str, value: str, status: str
) -> None:
    assert one(plan, target, as_of, rec(target, period, value)).status == status


def test_zero_ceiling_never_divides(plan: Plan) -> None:
    a = one(
        plan, "zero_employment_families", "2022-06", rec("zero_employment_families", "2022-06", "3")
    )
    assert a.gap == 3
    out = shown(a)
    assert out["completion"] is None and out["pace_gap_pp"] is None


def test_milestone_figures(plan: Plan) -> None:
    a = one(plan, "service_centre", "2022-03", rec("service_centre", "2022-03", "40"))
    out = shown(a)
    assert out["due"] == "2022-06"
    assert out["expected_share"] == 0.5  # 3 of the 6 months to due
    assert out["time_progress"] == 0.25
    assert out["completion"] == 0.4
    assert out["pace_gap_pp"] == -10
    assert out["required_per_month"] == 20  # 60 points in the 3 months to due
    late = shown(one(plan, "service_centre", "2022-09", rec("service_centre", "2022-09", "80")))
    assert late["expected_share"] == 1  # past due
    assert late["status"] == "behind"
    assert late["required_per_month"] is None  # no month left before due


# -------------------------------------------------------------------- relative targets


def test_relative_compares_with_the_reference_at_the_same_period(plan: Plan) -> None:
    gdp = rec("gdp", "2022-Q2", "5.0")
    ok = one(plan, "urban_income", "2022-06", gdp, rec("urban_income", "2022-Q2", "4.0"))
    assert ok.status == "on_track"  # 4.0 ≥ 5.0 − 1.0
    assert ok.reference_actual == Decimal("5.0")
    low = one(plan, "urban_income", "2022-06", gdp, rec("urban_income", "2022-Q2", "3.9"))
    assert low.status == "behind"
    assert low.gap == Decimal("0.1")
    high = one(plan, "urban_income", "2022-06", gdp, rec("urban_income", "2022-Q2", "9.2"))
    assert high.status == "on_track"


def test_relative_without_the_reference_figure_is_no_data(plan: Plan) -> None:
    a = one(
        plan,
        "urban_income",
        "2022-06",
        rec("gdp", "2022-Q1", "4.0"),
        rec("urban_income", "2022-Q2", "6.0"),
    )
    # GDP reports Q1 only, income Q2 only: no period that both report.
    assert a.status == "no_data"
    assert a.reason == "no_reference_record"
    assert a.actual == Decimal("6.0")  # what it has is still shown


def test_relative_is_judged_at_its_own_latest_period(plan: Plan) -> None:
    older_pair = (rec("gdp", "2022-Q1", "4.0"), rec("urban_income", "2022-Q1", "3.5"))
    a = one(plan, "urban_income", "2022-06", *older_pair, rec("urban_income", "2022-Q2", "6.0"))
    # Q2 incomes are in, Q2 GDP is not: the Q1 pair is superseded, not the latest (audit C §1)
    assert (a.status, a.reason, str(a.period), a.actual) == (
        "no_data",
        "no_reference_record",
        "2022-Q2",
        Decimal("6.0"),
    )
    assert not a.stale  # the income figure is not late: its reference is
    # the income late, GDP in: judged at the income's own (older) period, and stale
    b = one(plan, "urban_income", "2022-06", *older_pair, rec("gdp", "2022-Q2", "5.0"))
    assert (b.status, str(b.period), b.reference_actual, b.stale) == (
        "on_track",
        "2022-Q1",
        Decimal("4.0"),
        True,
    )


# ----------------------------------------------------------------- profile, roll-ups


def test_expected_share_interpolates_the_profile() -> None:
    profile = [Decimal("0.15"), Decimal("0.4"), Decimal("0.7"), Decimal("1.0")]
    assert expected_share(profile, 3) == Fraction(15, 100)
    assert expected_share(profile, 1) == Fraction(5, 100)
    assert expected_share(profile, 5) == Fraction(15, 100) + Fraction(25, 100) * Fraction(2, 3)
    assert expected_share(profile, 6) == Fraction(4, 10)
    assert expected_share(profile, 12) == 1
    assert expected_share(None, 6) == Fraction(1, 2)


def test_profile_replaces_time_progress(plan: Plan) -> None:
    a = one(plan, "invest_roads", "2022-06", rec("invest_roads", "2022-06", "5"))
    out = shown(a)
    assert out["expected_share"] == 0.4 and out["time_progress"] == 0.5
    assert out["completion"] == 0.3141  # 5 / 15.92
    assert out["pace_gap_pp"] == -8.59  # (0.314070… − 0.4) × 100
    assert out["projection"] == 12.5  # 5 / 0.4
    assert a.status == "at_risk"
    may = shown(one(plan, "invest_roads", "2022-05", rec("invest_roads", "2022-05", "5")))
    assert may["expected_share"] == 0.3167


def test_rollup_sums_its_parts(plan: Plan) -> None:
    a = one(
        plan,
        "investment_total",
        "2022-06",
        rec("invest_roads", "2022-06", "5"),
        rec("invest_education", "2022-06", "7"),
    )
    assert a.actual == 12
    assert a.parts_used == ("invest_roads", "invest_education") and a.parts_missing == ()
    out = shown(a)
    assert out["completion"] == 0.4075  # 12 / 29.45
    assert out["gap"] == 17.45
    assert out["parts"] == ["invest_roads", "invest_education"]


def test_rollup_with_a_missing_part_is_flagged(plan: Plan) -> None:
    a = one(plan, "investment_total", "2022-06", rec("invest_roads", "2022-06", "5"))
    assert a.actual == 5
    assert a.parts_missing == ("invest_education",)
    assert shown(a)["parts_missing"] == ["invest_education"]
    none = one(plan, "investment_total", "2022-06", rec("gdp", "2022-Q2", "5"))
    assert none.status == "no_data" and none.reason == "no_parts_record"


def test_rollup_own_record_wins(plan: Plan) -> None:
    a = one(
        plan,
        "investment_total",
        "2022-06",
        rec("invest_roads", "2022-06", "5"),
        rec("investment_total", "2022-06", "20"),
    )
    assert a.actual == 20 and a.parts_used == ()


# ----------------------------------------------------------------- records and periods


def test_stale_per_frequency(plan: Plan) -> None:
    # monthly, last reported in March, as of June: stale, and judged against June's clock
    a = one(plan, "new_5g_base_stations", "2022-06", rec("new_5g_base_stations", "2022-03", "100"))
    assert a.stale
    assert a.time_progress == Fraction(1, 2)
    assert a.status == "behind"  # 100/310 = 0.3226 vs 0.5
    # quarterly, Q1 figure as of May: the latest there can be; judged against March
    q1 = rec("parking_spaces", "2022-Q1", "625")
    may = one(plan, "parking_spaces", "2022-05", q1)
    assert not may.stale
    assert may.time_progress == Fraction(1, 4)
    assert may.status == "on_track"
    assert str(may.progress_period) == "2022-03"
    june = one(plan, "parking_spaces", "2022-06", q1)
    assert june.stale and june.time_progress == Fraction(1, 2)


def test_a_later_revision_supersedes(plan: Plan) -> None:
    a = one(
        plan,
        "external_funds",
        "2022-06",
        rec("external_funds", "2022-06", "50", n=0),
        rec("external_funds", "2022-06", "70", n=1),
    )
    assert a.actual == 70


# ------------------------------------------- one position, one figure: the one recorded last


def test_a_month_recorded_after_its_quarter_supersedes_it(plan: Plan) -> None:
    quarter = rec("new_5g_base_stations", "2022-Q2", "160", n=0)
    month = rec("new_5g_base_stations", "2022-06", "170", n=1)  # a correction
    result = judge(plan, None, quarter, month)
    a = result.get("new_5g_base_stations")
    assert (a.actual, str(a.period), str(result.as_of)) == (170, "2022-06", "2022-06")
    assert [o.value for o in result.index.series("new_5g_base_stations")] == [170]
    # the other way round: the quarter was recorded last, and is in force
    result = judge(plan, None, month, quarter)
    a = result.get("new_5g_base_stations")
    assert (a.actual, str(a.period), str(result.as_of)) == (160, "2022-Q2", "2022-Q2")
    # a later revision of the quarter supersedes the month again
    revised = rec("new_5g_base_stations", "2022-Q2", "165", n=2)
    a = one(plan, "new_5g_base_stations", "2022-06", quarter, month, revised)
    assert (a.actual, str(a.period)) == (165, "2022-Q2")


def test_a_quarter_recorded_after_the_half_year_supersedes_it(plan: Plan) -> None:
    half, quarter = rec("gdp", "2022-H1", "7", n=0), rec("gdp", "2022-Q2", "5.0", "700", n=1)
    a = one(plan, "gdp", "2022-06", half, quarter)
    assert (a.status, a.actual, a.amount, str(a.period)) == ("behind", 5, 700, "2022-Q2")
    a = one(plan, "gdp", "2022-06", quarter, half)
    assert (a.status, a.actual, a.amount, str(a.period)) == ("on_track", 7, None, "2022-H1")


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_history_marks_current_what_the_assessment_judges(
    plan: Plan, order: tuple[int, ...]
) -> None:
    """2022-06, 2022-Q2 and 2022-H1 all end in June: whichever was recorded last is in force,
    in the assessment and in `history` alike."""
    figures = [("2022-06", "170"), ("2022-Q2", "160"), ("2022-H1", "165")]
    records = [rec("new_5g_base_stations", *figures[i], n=n) for n, i in enumerate(order)] + [
        rec("new_5g_base_stations", "2022-03", "90", n=9),
        rec("gdp", "2022-Q2", "5", n=10),
    ]
    judged = one(plan, "new_5g_base_stations", "2022-06", *records)
    revisions = history(records, "new_5g_base_stations")
    assert [r.record for r in revisions] == records[:4]  # oldest first, this target only
    current = [r.record for r in revisions if r.current]
    assert [(c.period, c.value) for c in current] == [
        (figures[order[-1]][0], Decimal(figures[order[-1]][1])),
        ("2022-03", 90),
    ]
    assert (str(judged.period), judged.actual) == (current[0].period, current[0].value)
    # all targets: the GDP figure is in force too
    assert sum(r.current for r in history(records)) == 3


def test_records_after_as_of_are_ignored(plan: Plan) -> None:
    a = one(
        plan,
        "external_funds",
        "2022-03",
        rec("external_funds", "2022-03", "30"),
        rec("external_funds", "2022-06", "70"),
    )
    assert a.actual == 30 and str(a.period) == "2022-03"


def test_as_of_defaults_to_the_latest_period_with_a_record(plan: Plan) -> None:
    result = judge(plan, None, rec("gdp", "2022-Q2", "5"), rec("external_funds", "2022-06", "50"))
    assert str(result.as_of) == "2022-06"  # same end as 2022-Q2; the month is more precise
    assert result.time_progress == Fraction(1, 2)
    result = judge(plan, None, rec("external_funds", "2022-04", "30"), rec("gdp", "2022-Q1", "4"))
    assert str(result.as_of) == "2022-04"


def test_nothing_recorded_means_no_data_everywhere(plan: Plan) -> None:
    result = judge(plan, None)
    assert result.as_of is None and result.time_progress is None
    assert {a.status for a in result.assessments} == {"no_data"}
    assert {a.reason for a in result.assessments} == {"no_records"}


def test_records_of_other_years_and_unknown_targets_are_ignored(plan: Plan) -> None:
    result = judge(plan, None, rec("gdp", "2021", "0.3"), rec("not_in_plan", "2022-06", "1"))
    assert result.as_of is None


def test_as_of_outside_the_plan_year(plan: Plan) -> None:
    with pytest.raises(InputError, match="outside the plan year"):
        judge(plan, "2021-06")


# --------------------------------------------------------------- rounding and ordering


def test_rounding_is_half_away_from_zero() -> None:
    assert round_half_up(Fraction(5, 1000), 2) == Decimal("0.01")
    assert round_half_up(Fraction(-5, 1000), 2) == Decimal("-0.01")
    assert round_half_up(Fraction(12, 31), 4) == Decimal("0.3871")
    assert round_half_up(Fraction(95, 3), 2) == Decimal("31.67")


def test_rounding_never_crosses_a_status_boundary(plan: Plan) -> None:
    # 309.99 / 310 = 0.99997: not met, so it must not show as 1
    a = one(
        plan, "new_5g_base_stations", "2022-06", rec("new_5g_base_stations", "2022-06", "309.99")
    )
    assert a.status == "on_track"
    assert shown(a)["completion"] == 0.9999
    # 154.99 / 310 − 0.5 = −0.0032 pp: at risk, so it must not show as 0
    b = one(
        plan, "new_5g_base_stations", "2022-06", rec("new_5g_base_stations", "2022-06", "154.99")
    )
    assert b.status == "at_risk"
    assert shown(b)["pace_gap_pp"] == -0.01
    assert round_keeping_side(Fraction(-10001, 1000), 2, [Fraction(-10)]) == Decimal("-10.01")
    assert round_keeping_side(Fraction(-10, 1), 2, [Fraction(-10)]) == Decimal("-10.00")


def test_no_float_noise_in_output(plan: Plan) -> None:
    a = one(plan, "new_urban_jobs", "2022-06", rec("new_urban_jobs", "2022-06", "1.1"))
    out = dump_json(assessment_out(a))
    assert '"gap": 1.2,' in out  # 2.3 − 1.1, exact
    assert "0000000" not in out and "9999999" not in out


def test_worst_first(plan: Plan) -> None:
    result = judge(
        plan,
        "2022-06",
        rec("new_5g_base_stations", "2022-06", "120"),  # behind, −11.29
        rec("external_funds", "2022-06", "50"),  # at risk, −10
        rec("gdp", "2022-Q2", "5"),  # behind (growth: no pace gap)
        rec("unemployment_rate", "2022-Q2", "4.2"),  # on track
        rec("service_centre", "2022-06", "100"),  # met
        rec("new_urban_jobs", "2022-06", "0.2"),  # behind, −41.3
    )
    order = [a.target.id for a in worst_first(result.assessments, plan)]
    assert order[:5] == [
        "new_urban_jobs",
        "new_5g_base_stations",
        "gdp",
        "external_funds",
        "fixed_asset_investment",  # the first no_data, in plan order
    ]
    assert order[-2:] == ["unemployment_rate", "service_centre"]


def test_parse_statuses() -> None:
    assert parse_statuses("behind,at_risk") == ("at_risk", "behind")
    assert parse_statuses("on-track") == ("on_track",)
    with pytest.raises(InputError, match=r"unknown status late; valid: met, on_track"):
        parse_statuses("behind,late")
    with pytest.raises(InputError, match="--fail-on"):
        parse_statuses("", "--fail-on")


def test_cumulative_range_over_fulfilled_is_met() -> None:
    """开展1-2个普惠性托育服务试点: three pilots exceed the range and meet the target."""
    from plancli.assess import assess_plan
    from plancli.periods import parse_period
    from plancli.plan import load_plan

    plan = load_plan("guandu-2022")
    pilots = plan.target("childcare_pilots")
    assert pilots is not None and (pilots.min, pilots.max) == (1, 2)
    records = [rec("childcare_pilots", "2022-12", "3")]
    judged = assess_plan(plan, records, parse_period("2022-12")).get("childcare_pilots")
    # completion beyond a range is by its top (3 of 1–2: 150 %), no longer 300 % (session 24)
    assert (judged.status, judged.gap, judged.completion) == ("met", 0, Fraction(3, 2))
    mid_year = assess_plan(plan, [rec("childcare_pilots", "2022-06", "0")], parse_period("2022-06"))
    assert mid_year.get("childcare_pilots").status == "behind"  # 0 of 1 at half-time: −50 pp
