"""The genre's target forms (docs/forms.md, issue 10) judged with the real 2026 plans.

Each form is recorded through the command line into a temp ledger (`--ledger`) and read back
with `gap --json`, at mid-year and at the year's end: 上海 GDP 5%左右 and CPI 2%左右, 浙江 GDP
5%—5.5%, 北京 PM2.5 29左右, 甘肃 城镇化率提升1个百分点以上, 陕西's relations, 江苏 粮食产量保持稳定,
上海 二氧化碳排放量进一步下降, the pending and indicator targets. Forms no bundled plan has (a
decline with a figure, an opening stock, ongoing work) use a small plan in tmp_path.
Below them: the arithmetic of `assess/bounds.py`, and the plan keys that contradict each other.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, REPORTS

from ledgers import start_ledger
from plancli.assess.bounds import Bound, bound_of
from plancli.i18n import Lang
from plancli.model import Amendment, Kind, StatusRules, Target
from plancli.plan import load_plan

D = Decimal


@dataclass
class Ledger:
    """A plan and a temp ledger, driven through the command line as an analyst would."""

    invoke: Callable[..., Any]
    plan: str
    path: Path

    def record(self, target_id: str, value: str, period: str) -> None:
        result = self.invoke(
            "--plan", self.plan, "--ledger", str(self.path), "record", target_id, value,
            "--period", period,
        )  # fmt: skip
        assert result.exit_code == 0, result.output

    def gap(self, as_of: str | None = None) -> dict[str, dict[str, Any]]:
        args = ["--plan", self.plan, "--ledger", str(self.path), "gap", "--json"]
        if as_of is not None:
            args += ["--as-of", as_of]
        result = self.invoke(*args)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        return {t["id"]: t for t in json.loads(result.stdout)["targets"]}

    def judge(self, target_id: str, value: str, period: str) -> dict[str, Any]:
        """Record one figure and return the target's assessment as of that period."""
        self.record(target_id, value, period)
        return self.gap(as_of=period)[target_id]


@pytest.fixture
def ledger(tmp_path: Path, invoke) -> Callable[[str | Path], Ledger]:  # type: ignore[no-untyped-def]
    count = iter(range(1000))

    def open_ledger(plan: str | Path) -> Ledger:
        path = tmp_path / f"ledger{next(count)}.progress.toml"
        start_ledger(path)  # one named by --ledger must exist to be read (issue 12)
        return Ledger(invoke, str(plan), path)

    return open_ledger


PLAN_HEADER = """\
[plan]
id = "test-2026"
name = "测试计划"
name_en = "Test plan"
year = 2026

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline targets"
"""


def write_plan(tmp_path: Path, targets: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN_HEADER + targets, encoding="utf-8")
    return path


# =============================================================== 左右: around with a tolerance


@pytest.mark.parametrize(
    ("growth", "mid_year", "year_end"),
    [
        ("4.9", "on_track", "met"),  # 5%左右: 4.9 is what any bureau calls done
        ("4.5", "on_track", "met"),  # 5 − 0.5, the default tolerance of a % figure
        ("4.4", "at_risk", "missed"),  # short by 0.1 pp: within the growth tolerance mid-year
        ("3.4", "behind", "missed"),
        ("6.1", "on_track", "met"),  # over-delivery is never missed
    ],
)
def test_shanghai_gdp_around_5(ledger, growth: str, mid_year: str, year_end: str) -> None:  # type: ignore[no-untyped-def]
    shanghai = ledger("shanghai-2026")
    gdp = shanghai.judge("gdp", growth, "2026-Q2")
    assert (gdp["status"], gdp["around"], gdp["tolerance"], gdp["low"], gdp["high"]) == (
        mid_year,
        5,
        0.5,
        4.5,
        None,
    )
    assert gdp["direction"] == "up"
    assert gdp["bound"] == "≈ 5 %"
    assert shanghai.judge("gdp", growth, "2026-Q4")["status"] == year_end


def test_shanghai_gdp_gap_is_to_the_bottom_of_the_tolerance(ledger) -> None:  # type: ignore[no-untyped-def]
    gdp = ledger("shanghai-2026").judge("gdp", "4.2", "2026-Q2")
    assert (gdp["status"], gdp["gap"]) == ("at_risk", 0.3)


@pytest.mark.parametrize(
    ("cpi", "satisfied", "gap"),
    [
        ("2.3", True, 0),
        ("2.5", True, 0),  # the top of the band is in it
        ("1.9", True, 0),  # a band: below 2 is fine down to 1.5
        ("1.5", True, 0),
        ("2.8", False, 0.3),  # above the band
        ("1.4", False, 0.1),  # below it: CPI 2%左右 is an aim, not only a ceiling
    ],
)
def test_shanghai_cpi_is_a_band_around_2(ledger, cpi: str, satisfied: bool, gap: float) -> None:  # type: ignore[no-untyped-def]
    shanghai = ledger("shanghai-2026")
    mid = shanghai.judge("cpi", cpi, "2026-06")
    assert (mid["direction"], mid["low"], mid["high"]) == ("band", 1.5, 2.5)
    assert mid["status"] == ("on_track" if satisfied else "behind")
    assert mid["gap"] == gap
    end = shanghai.judge("cpi", cpi, "2026-12")
    assert end["status"] == ("met" if satisfied else "missed")


@pytest.mark.parametrize(
    ("pm25", "satisfied", "gap"),
    [("27", True, 0), ("30", True, 0), ("30.45", True, 0), ("31", False, 0.55)],
)
def test_beijing_pm25_around_29_down(ledger, pm25: str, satisfied: bool, gap: float) -> None:  # type: ignore[no-untyped-def]
    # 控制在29微克/立方米左右: lower is better; 左右 of a figure that is not a % is 5 % of X.
    beijing = ledger("beijing-2026")
    mid = beijing.judge("pm25", pm25, "2026-06")
    assert (mid["direction"], mid["tolerance"], mid["low"], mid["high"]) == (
        "down",
        1.45,
        None,
        30.45,
    )
    # a year's average (year_average, session 42): above its bound at June it is not behind,
    # shown unjudged (no_data, reason year_average, no gap); the year's figure decides
    assert (mid["status"], mid["gap"]) == ("on_track", gap) if satisfied else ("no_data", None)
    end = beijing.judge("pm25", pm25, "2026-12")
    assert (end["status"], end["gap"]) == ("met" if satisfied else "missed", gap)


# =============================================================== stretch: 争取更好结果


@pytest.mark.parametrize(
    ("growth", "year_end", "stretch_met"),
    [("5.8", "met", True), ("5.5", "met", True), ("5.2", "met", False), ("4.9", "missed", False)],
)
def test_zhejiang_gdp_5_to_5_5_with_a_stretch(  # type: ignore[no-untyped-def]
    ledger, growth: str, year_end: str, stretch_met: bool
) -> None:
    zhejiang = ledger("zhejiang-2026")
    end = zhejiang.judge("gdp", growth, "2026-Q4")
    assert (end["status"], end["stretch_met"]) == (year_end, stretch_met)
    assert (end["min"], end["max"], end["stretch"], end["direction"]) == (5, None, 5.5, "up")
    # the range the plan states (增长5%—5.5%), not a 争取 line it does not set (audit R, D1;
    # before: "≥ 5 % (aim 5.5 %)", audit P D6's aim with its unit)
    assert (end["bound"], end["stretch_is_range_top"]) == ("5 %–5.5 %", True)


def test_zhejiang_stretch_met_mid_year_is_still_only_on_track(ledger) -> None:  # type: ignore[no-untyped-def]
    gdp = ledger("zhejiang-2026").judge("gdp", "5.8", "2026-Q2")
    assert (gdp["status"], gdp["stretch_met"]) == ("on_track", True)


# =============================================================== change: 提升N个百分点


def test_gansu_urbanization_rises_1_point_from_its_2025_level(ledger) -> None:  # type: ignore[no-untyped-def]
    # 常住人口城镇化率提升1个百分点以上; the review gives the base: 由52.23%提高到58.08%.
    gansu = ledger("gansu-2026")
    mid = gansu.judge("urbanization_rate", "58.5", "2026-06")
    assert (mid["status"], mid["base"], mid["recorded"], mid["actual"], mid["gap"]) == (
        "at_risk",  # +0.42 so far: 0.58 short, within the 1 pp tolerance
        58.08,
        58.5,
        0.42,
        0.58,
    )
    assert mid["bound"] == "rise ≥ 1 pp"
    end = gansu.judge("urbanization_rate", "59.1", "2026")
    assert (end["status"], end["actual"], end["gap"]) == ("met", 1.02, 0)
    exactly = gansu.judge("urbanization_rate", "59.08", "2026")
    assert (exactly["status"], exactly["actual"]) == ("met", 1)  # 以上: 1 point is enough
    short = gansu.judge("urbanization_rate", "58.9", "2026")
    assert (short["status"], short["actual"], short["gap"]) == ("missed", 0.82, 0.18)


CHANGE_WITHOUT_BASE = """
[[targets]]
id = "urbanization_rate"
section = "headline"
name = "常住人口城镇化率"
name_en = "Urbanization rate"
kind = "change"
unit = "%"
min = 1
frequency = "annual"
"""


def test_a_change_without_its_base_is_judged_once_the_base_is_recorded(  # type: ignore[no-untyped-def]
    ledger, tmp_path: Path
) -> None:
    # The report may not state the base level: it is recorded for the end of the year before.
    plan = ledger(write_plan(tmp_path, CHANGE_WITHOUT_BASE))
    waiting = plan.judge("urbanization_rate", "59.1", "2026")
    assert (waiting["status"], waiting["reason"], waiting["recorded"]) == (
        "no_data",
        "no_base",
        59.1,
    )
    plan.record("urbanization_rate", "58.08", "2025")
    judged = plan.gap(as_of="2026")["urbanization_rate"]
    assert (judged["status"], judged["base"], judged["actual"]) == ("met", 58.08, 1.02)


# =============================================================== relations: 高于, 不低于, 同步


@pytest.mark.parametrize(
    ("income", "mid_year", "year_end"),
    [("5.1", "on_track", "met"), ("5.0", "behind", "missed"), ("4.6", "behind", "missed")],
)
def test_shaanxi_income_above_gdp_growth(  # type: ignore[no-untyped-def]
    ledger, income: str, mid_year: str, year_end: str
) -> None:
    # 居民收入增速高于经济增速: strictly above; equal growth is NOT satisfied.
    shaanxi = ledger("shaanxi-2026")
    shaanxi.record("gdp", "5.0", "2026-Q2")
    mid = shaanxi.judge("resident_income", income, "2026-Q2")
    assert (mid["status"], mid["relation"], mid["reference_actual"]) == (mid_year, "above", 5)
    assert mid["bound"] == "> gdp"
    shaanxi.record("gdp", "5.0", "2026-Q4")
    assert shaanxi.judge("resident_income", income, "2026-Q4")["status"] == year_end


@pytest.mark.parametrize(
    ("fai", "mid_year", "year_end"),
    [("3.6", "on_track", "met"), ("3.5", "on_track", "met"), ("3.4", "behind", "missed")],
)
def test_shaanxi_fai_not_below_the_national_average(  # type: ignore[no-untyped-def]
    ledger, fai: str, mid_year: str, year_end: str
) -> None:
    # 固定资产投资增速保持在全国平均水平以上: at or above; equal IS satisfied. The national
    # figure is an indicator recorded in the ledger like any figure.
    shaanxi = ledger("shaanxi-2026")
    shaanxi.record("national_fai_growth", "3.5", "2026-06")
    mid = shaanxi.judge("fixed_asset_investment", fai, "2026-06")
    assert (mid["status"], mid["relation"], mid["reference_actual"]) == (mid_year, "not_below", 3.5)
    national = shaanxi.gap(as_of="2026-06")["national_fai_growth"]
    assert (national["status"], national["actual"]) == ("tracked", 3.5)
    shaanxi.record("national_fai_growth", "3.5", "2026-12")
    assert shaanxi.judge("fixed_asset_investment", fai, "2026-12")["status"] == year_end


def test_a_relation_waits_for_its_reference(ledger) -> None:  # type: ignore[no-untyped-def]
    income = ledger("shaanxi-2026").judge("resident_income", "5.5", "2026-Q2")
    assert (income["status"], income["reason"]) == ("no_data", "no_reference_record")


def test_shanghai_income_in_step_with_gdp_has_a_tolerance(ledger) -> None:  # type: ignore[no-untyped-def]
    # 与经济增长保持基本同步: same, 1 pp below GDP growth is still in step.
    shanghai = ledger("shanghai-2026")
    shanghai.record("gdp", "5.0", "2026-Q2")
    assert shanghai.judge("resident_income", "4.0", "2026-Q2")["status"] == "on_track"
    assert shanghai.judge("resident_income", "3.9", "2026-Q2")["status"] == "behind"


# =============================================================== trend: direction only


@pytest.mark.parametrize(
    ("growth", "mid_year", "year_end"),
    [("0.3", "on_track", "met"), ("-0.5", "on_track", "met"), ("-1.2", "behind", "missed")],
)
def test_jiangsu_grain_output_stays_stable(  # type: ignore[no-untyped-def]
    ledger, growth: str, mid_year: str, year_end: str
) -> None:
    # 粮食产量保持稳定: a band of ±0.5 % around last year's output.
    jiangsu = ledger("jiangsu-2026")
    mid = jiangsu.judge("grain_output", growth, "2026-06")
    assert (mid["status"], mid["direction"], mid["low"], mid["high"]) == (
        mid_year,
        "band",
        -0.5,
        0.5,
    )
    assert jiangsu.judge("grain_output", growth, "2026")["status"] == year_end


@pytest.mark.parametrize(
    ("growth", "mid_year", "year_end"),
    [
        ("-2.0", "on_track", "met"),
        ("下降2.0", "on_track", "met"),  # as the bulletin writes it
        ("0", "behind", "missed"),
        ("0.5", "behind", "missed"),
    ],
)
def test_shanghai_co2_intensity_falls_further(  # type: ignore[no-untyped-def]
    ledger, growth: str, mid_year: str, year_end: str
) -> None:
    # 单位生产总值二氧化碳排放量进一步下降: any fall; no change is not a fall.
    shanghai = ledger("shanghai-2026")
    mid = shanghai.judge("co2_intensity", growth, "2026-06")
    assert (mid["status"], mid["direction"], mid["high"]) == (mid_year, "down", 0)
    assert shanghai.judge("co2_intensity", growth, "2026")["status"] == year_end


# =============================================================== pending, indicator


@pytest.mark.parametrize(
    ("plan", "target_id", "figure", "actual", "recorded"),
    [
        ("shanghai-2026", "emission_reduction", "12", 12, None),  # 完成国家下达目标 (cumulative)
        ("gansu-2026", "eco_binding_indicators", "95", 95, None),  # level
        ("shaanxi-2026", "grain_output", "1350", 1350, None),  # 完成国家下达的粮食生产…目标任务
        # 碳排放强度…完成国家下达控制目标, a decline: shown as the fall it will be judged on
        ("gansu-2026", "co2_intensity", "-3.0", 3, -3),
    ],
)
def test_a_pending_target_stays_pending_whatever_is_recorded(  # type: ignore[no-untyped-def]
    ledger, plan: str, target_id: str, figure: str, actual: float, recorded: float | None
) -> None:
    figures = ledger(plan)
    before = figures.gap(as_of="2026-06")  # nothing recorded: still pending, not no_data
    assert before[target_id]["status"] == "pending"
    for period in ("2026-06", "2026"):
        judged = figures.judge(target_id, figure, period)
        assert (judged["status"], judged["pending"], judged["bound"]) == (
            "pending",
            True,
            "pending",
        )
        assert (judged["gap"], judged["actual"], judged["recorded"]) == (None, actual, recorded)


def test_tianjin_fai_quality_is_tracked_not_judged(ledger) -> None:  # type: ignore[no-untyped-def]
    # 固定资产投资提质增效 states no figure: an indicator, shown with its figure, never judged.
    tianjin = ledger("tianjin-2026")
    tianjin.record("budget_revenue", "2.5", "2026-06")
    assert tianjin.gap()["fixed_asset_investment"]["status"] == "no_data"
    for figure, period in (("-3.1", "2026-06"), ("12.0", "2026-12")):
        fai = tianjin.judge("fixed_asset_investment", figure, period)
        assert (fai["status"], fai["actual"], fai["gap"]) == ("tracked", float(figure), None)
        assert fai["bound"] == "—"


# =============================================================== decline: 下降3.8%

DECLINE = """
[[targets]]
id = "energy_intensity"
section = "headline"
name = "单位地区生产总值能耗"
name_en = "Energy use per unit of GDP"
kind = "growth"
unit = "%"
decline = true
min = 3.8
frequency = "quarterly"
quote = "单位地区生产总值能耗下降3.8%"
"""


@pytest.mark.parametrize(
    ("recorded", "fall", "mid_year", "year_end", "gap"),
    [
        ("-4.0", 4, "on_track", "met", 0),
        ("-3.8", 3.8, "on_track", "met", 0),
        ("-3.0", 3, "at_risk", "missed", 0.8),
        ("0.5", -0.5, "behind", "missed", 4.3),  # it rose: no fall at all
        ("下降4.0", 4, "on_track", "met", 0),  # as the bulletin writes it
        ("下降3.0", 3, "at_risk", "missed", 0.8),
    ],
)
def test_a_decline_is_stated_and_judged_as_a_fall(  # type: ignore[no-untyped-def]
    ledger, tmp_path: Path, recorded: str, fall: float, mid_year: str, year_end: str, gap: float
) -> None:
    plan = ledger(write_plan(tmp_path, DECLINE))
    mid = plan.judge("energy_intensity", recorded, "2026-Q2")
    assert (mid["status"], mid["actual"], mid["gap"], mid["decline"]) == (mid_year, fall, gap, True)
    assert mid["recorded"] == -fall  # the signed growth, as the bulletin gives it
    assert mid["bound"] == "fall ≥ 3.8 %"
    assert plan.judge("energy_intensity", recorded, "2026-Q4")["status"] == year_end


def test_a_fall_is_shown_as_a_fall(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = write_plan(tmp_path, DECLINE)
    result = invoke("--plan", str(plan), "targets")
    assert result.exit_code == 0
    assert "fall ≥ 3.8 %" in result.stdout
    result = invoke("--plan", str(plan), "--lang", "zh", "targets")
    assert "下降 ≥ 3.8 %" in result.stdout


@pytest.mark.parametrize("word", ["下降-4", "上升x", "下降"])
def test_a_fall_written_in_words_still_needs_a_plain_number(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, word: str
) -> None:
    plan = write_plan(tmp_path, DECLINE)
    result = invoke(
        "--plan", str(plan), "record", "energy_intensity", word, "--period", "2026-Q2"
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")


# =============================================================== opening stock: 累计建成…

OPENING = """
[[targets]]
id = "charging_piles"
section = "headline"
name = "累计建成充电桩"
name_en = "Charging piles built (stock)"
kind = "cumulative"
unit = "个"
opening = 5200
min = 7000
frequency = "quarterly"
quote = "累计建成充电桩7000个以上"
"""


def test_an_opening_stock_paces_from_the_stock(ledger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = ledger(write_plan(tmp_path, OPENING))
    june = plan.judge("charging_piles", "6100", "2026-Q2")
    # (6100 − 5200) ÷ (7000 − 5200) = 0.5 at time progress 0.5: on pace, 900 still to build.
    assert (june["status"], june["completion"], june["time_progress"], june["pace_gap_pp"]) == (
        "on_track",
        0.5,
        0.5,
        0,
    )
    assert (june["actual"], june["base"], june["gap"], june["projection"]) == (
        6100,
        5200,
        900,
        7000,
    )
    assert june["required_per_month"] == 150
    slow = plan.judge("charging_piles", "5650", "2026-Q3")  # 0.25 done at 0.75
    assert (slow["status"], slow["completion"], slow["pace_gap_pp"]) == ("behind", 0.25, -50)
    assert plan.judge("charging_piles", "7000", "2026-Q4")["status"] == "met"
    assert plan.judge("charging_piles", "6999", "2026-Q4")["status"] == "missed"


# =============================================================== ongoing: 继续推进…N个续建项目

ONGOING = """
[[targets]]
id = "road_projects_continuing"
section = "headline"
name = "推进续建道路项目"
name_en = "Continuing road projects pushed on"
kind = "ongoing"
unit = "个"
min = 39
frequency = "quarterly"
quote = "继续推进官渡4号路、西亮塘路等39个续建项目"
"""


@pytest.mark.parametrize(
    ("under_way", "period", "status"),
    [
        ("39", "2026-03", "on_track"),  # every project under way after one quarter: not "met"
        ("45", "2026-Q3", "on_track"),  # more than promised, still only on track
        ("30", "2026-06", "behind"),
        ("39", "2026-12", "met"),  # the year's work is done only at its end
        ("39", "2026", "met"),
        ("38", "2026-Q4", "missed"),
    ],
)
def test_ongoing_work_is_never_met_before_the_year_end(  # type: ignore[no-untyped-def]
    ledger, tmp_path: Path, under_way: str, period: str, status: str
) -> None:
    plan = ledger(write_plan(tmp_path, ONGOING))
    judged = plan.judge("road_projects_continuing", under_way, period)
    assert judged["status"] == status
    assert judged["bound"] == "≥ 39 个 (under way)"


def test_ongoing_without_a_year_end_figure_is_not_met_at_the_year_end(  # type: ignore[no-untyped-def]
    ledger, tmp_path: Path
) -> None:
    plan = ledger(write_plan(tmp_path, ONGOING))
    plan.record("road_projects_continuing", "39", "2026-Q3")
    assert plan.gap(as_of="2026-12")["road_projects_continuing"]["status"] == "on_track"


def test_guandu_roads_and_schools_are_ongoing(ledger) -> None:  # type: ignore[no-untyped-def]
    guandu = ledger("guandu-2022")
    roads = guandu.judge("road_projects_continuing", "39", "2022-03")
    schools = guandu.judge("schools_under_construction", "16", "2022-03")
    assert (roads["kind"], roads["status"]) == ("ongoing", "on_track")
    assert (schools["kind"], schools["status"]) == ("ongoing", "on_track")
    assert guandu.judge("schools_under_construction", "16", "2022-Q4")["status"] == "met"


# =============================================================== the bundled plans


def test_plans_lists_the_17_bundled_plans(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("plans", "--json")
    assert result.exit_code == 0
    ids = [plan["id"] for plan in json.loads(result.stdout)["plans"]]
    assert ids == ["guandu-2022", "guandu-2021"] + [f"{place}-2026" for place in sorted(REPORTS)]


@pytest.mark.parametrize("place", sorted(REPORTS))
def test_every_bundled_2026_plan_validates_against_its_report(invoke, place: str) -> None:  # type: ignore[no-untyped-def]
    report = CORPUS / f"{REPORTS[place]}.txt"
    if not report.exists():
        pytest.skip(f"the corpus report is not here ({report})")
    result = invoke("--plan", f"{place}-2026", "validate", "--json", "--source", str(report))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["plan"], data["valid"], data["findings"]) == (f"{place}-2026", True, [])
    # The plan cites the address its report was read from (the report's first line).
    cited = load_plan(f"{place}-2026").plan.source
    assert cited is not None
    address = report.read_text(encoding="utf-8").splitlines()[0].split(" | ")[0]
    assert cited.endswith(" " + address.removeprefix("SOURCE: "))


# =============================================================== bounds.py arithmetic


def target(kind: Kind = "growth", unit: str = "%", **keys: Any) -> Target:
    return Target(
        id="t", section="headline", name="指标", name_en="t", kind=kind, unit=unit, **keys
    )


RULES = StatusRules()


def bound(kind: Kind = "growth", unit: str = "%", **keys: Any) -> Bound:
    result = bound_of(target(kind, unit, **keys), RULES)
    assert result is not None
    return result


def test_around_up_is_satisfied_from_x_minus_the_tolerance() -> None:
    b = bound(around=D(5))
    assert (b.direction, b.tolerance, b.low, b.high, b.goal) == (
        "up",
        D("0.5"),
        D("4.5"),
        None,
        D(5),
    )
    assert b.satisfied(D("4.5")) and b.satisfied(D(9))
    assert not b.satisfied(D("4.49"))
    assert (b.gap(D("4.2")), b.gap(D(6))) == (D("0.3"), D(0))


def test_around_down_is_satisfied_up_to_x_plus_the_tolerance() -> None:
    b = bound(kind="level", unit="微克/立方米", around=D(29), direction="down")
    assert (b.tolerance, b.low, b.high) == (D("1.45"), None, D("30.45"))  # 5 % of 29
    assert b.satisfied(D(30)) and b.satisfied(D("30.45")) and b.satisfied(D(10))
    assert not b.satisfied(D(31))
    assert b.gap(D(31)) == D("0.55")


def test_around_band_is_satisfied_within_the_tolerance_either_side() -> None:
    b = bound(kind="level", around=D(2), direction="band")
    assert (b.low, b.high, b.goal) == (D("1.5"), D("2.5"), D(2))
    assert [b.satisfied(D(x)) for x in ("1.4", "1.5", "2.3", "2.5", "2.8")] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert (b.gap(D("1.4")), b.gap(D("2.8")), b.gap(D("2.1"))) == (D("0.1"), D("0.3"), D(0))


@pytest.mark.parametrize(
    ("kind", "unit", "around", "tolerance"),
    [
        ("growth", "亿元", "5", "0.5"),  # a growth is a % whatever the amount's unit
        ("level", "%", "4.6", "0.5"),
        ("level", "％", "5.5", "0.5"),  # the full-width sign the reports use
        ("change", "%", "1", "0.5"),
        ("level", "万吨", "1300", "65"),  # 5 % of X
        ("cumulative", "万人", "60", "3"),
        ("level", "微克/立方米", "29", "1.45"),
    ],
)
def test_default_tolerance_is_pp_for_a_percentage_else_a_share(
    kind: Kind, unit: str, around: str, tolerance: str
) -> None:
    assert bound(kind, unit, around=D(around)).tolerance == D(tolerance)


def test_a_stated_tolerance_and_the_plans_status_table_override_the_defaults() -> None:
    assert bound(around=D(5), tolerance=D("0.2")).low == D("4.8")
    rules = StatusRules(around_tolerance=D("0.3"), around_share=D("0.1"))
    growth = bound_of(target(around=D(5)), rules)
    level = bound_of(target("level", "万吨", around=D(1300)), rules)
    assert growth is not None and level is not None
    assert (growth.tolerance, level.tolerance, level.low) == (D("0.3"), D(130), D(1170))


def test_directions_derived_from_the_bounds() -> None:
    assert bound(min=D(7)).direction == "up"
    assert bound("level", max=D("4.8")).direction == "down"
    assert bound(min=D(5), max=D("5.5")).direction == "band"
    # A range of amounts is reached at its bottom: 开展1-2个试点, three is 超额完成.
    pilots = bound("cumulative", "个", min=D(1), max=D(2))
    assert (pilots.direction, pilots.low, pilots.high) == ("up", D(1), None)
    assert pilots.satisfied(D(3))


def test_min_and_max_band_and_ceiling() -> None:
    band = bound(min=D(5), max=D("5.5"))
    assert [band.satisfied(D(x)) for x in ("4.9", "5", "5.5", "5.6")] == [False, True, True, False]
    assert (band.gap(D("4.9")), band.gap(D("5.6"))) == (D("0.1"), D("0.1"))
    ceiling = bound("level", max=D("4.8"))
    assert ceiling.satisfied(D("4.8")) and not ceiling.satisfied(D("4.9"))
    assert ceiling.gap(D("5.0")) == D("0.2")


def test_exclusive_positive_growth() -> None:
    b = bound(min=D(0), exclusive=True)  # 正增长
    assert not b.satisfied(D(0)) and b.satisfied(D("0.1"))
    assert b.gap(D(0)) == 0  # no distance left, and still not satisfied: any growth is needed
    assert b.gap(D("-1.2")) == D("1.2")


def test_stretch_met() -> None:
    up = bound(min=D(5), stretch=D("5.5"))
    assert (up.stretch_met(D("5.5")), up.stretch_met(D("5.49")), up.stretch_met(None)) == (
        True,
        False,
        None,
    )
    down = bound("level", max=D(5), stretch=D("4.5"))
    assert (down.stretch_met(D("4.5")), down.stretch_met(D("4.6"))) == (True, False)
    assert bound(min=D(5)).stretch_met(D(9)) is None  # no stretch aim


def test_decline_bounds_are_the_size_of_the_fall() -> None:
    b = bound(min=D("3.8"), decline=True)
    assert (b.direction, b.low) == ("up", D("3.8"))  # a fall of 4.0 satisfies it, 3.0 does not
    assert b.satisfied(D("4.0")) and not b.satisfied(D("3.0"))


def test_an_amendment_replaces_the_plans_bound() -> None:
    from datetime import UTC, datetime

    amendment = Amendment(
        target="t",
        period="2026-06",
        around=D("4.5"),
        recorded_at=datetime(2026, 7, 1, tzinfo=UTC),
        batch="b",
    )
    b = bound_of(target(around=D(5)), RULES, amendment)
    assert b is not None
    assert (b.around, b.low, b.amendment) == (D("4.5"), D(4), amendment)


def test_a_pending_target_or_an_indicator_has_no_bound() -> None:
    assert bound_of(target("level", pending=True), RULES) is None
    assert bound_of(target("indicator"), RULES) is None


@pytest.mark.parametrize(
    ("relation", "tolerance", "satisfied"),
    [
        # income growth 4.0 … 5.1 against GDP growth 5.0
        ("same", None, {"3.9": False, "4.0": True, "5.0": True, "5.1": True}),  # 同步: −1 pp
        ("same", "0.5", {"4.4": False, "4.5": True}),
        ("above", None, {"5.0": False, "5.1": True}),  # 高于: strictly
        ("not_below", None, {"4.9": False, "5.0": True}),  # 不低于 / 以上
        ("below", None, {"5.0": False, "4.9": True}),  # 低于: strictly
    ],
)
def test_relation_bounds(relation: str, tolerance: str | None, satisfied: dict[str, bool]) -> None:
    from plancli.assess.rules.relative import relation_bound, relation_tolerance

    keys: dict[str, Any] = {"relation": relation, "reference": "gdp"}
    if tolerance is not None:
        keys["tolerance"] = D(tolerance)
    income = target("relative", "元", **keys)
    b = relation_bound(income, D(5), relation_tolerance(income, RULES))
    assert {figure: b.satisfied(D(figure)) for figure in satisfied} == satisfied


# =============================================================== contradictory plan keys


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (
            'kind = "growth"\naround = 5\nmin = 5',
            "`around` (X左右) and `min`/`max` are alternatives",
        ),
        ('kind = "growth"\nmin = 5\nstretch = 4.5', "stretch (4.5) is not beyond the bound (5)"),
        ('kind = "level"\nmax = 5\nstretch = 5.5', "stretch (5.5) is not beyond the bound (5)"),
        ('kind = "level"\nmax = 5\ndecline = true', "`decline` (下降…%) is only for growth"),
        ('kind = "cumulative"\nmin = 10\npending = true', "a pending target has no bound yet"),
        ('kind = "growth"\nmin = 5\nrelation = "above"', "`relation` is only for relative"),
        ('kind = "growth"\nmin = 5\nreference = "gdp"', "`reference` is only for relative"),
        ('kind = "level"\naround = 2\ndirection = "band"\nstretch = 2.5', "not for a band"),
        ('kind = "level"\nmax = 5\ntolerance = 0.5', "`tolerance` applies to"),
        ('kind = "trend"', "a trend target needs `direction`"),
        ('kind = "trend"\ndirection = "down"\nmax = 0', "a trend target takes no"),
        ('kind = "indicator"\nmin = 0', "a indicator target takes no"),
        ('kind = "cumulative"\nopening = 7000\nmin = 7000', "opening (7000) must be below"),
        ('kind = "growth"\nopening = 5\nmin = 7', "`opening` (the stock at the year's start)"),
        ('kind = "growth"', "a growth target needs `min`, `max` or `around`"),
        ('kind = "ongoing"\nmax = 39', "a ongoing target needs `min`"),
        ('kind = "ongoing"\nmin = 1\nmax = 2\ndirection = "band"', "never a band"),
        ('kind = "level"\nmin = 5\ndirection = "down"', "direction down needs `max` or `around`"),
        ('kind = "level"\nmax = 5\ndirection = "up"', "direction up needs `min` or `around`"),
        ('kind = "growth"\nmin = 5\ndirection = "band"', "a band needs `around` or both"),
        ('kind = "growth"\naround = 5\nexclusive = true', "`exclusive` is for `min`/`max`"),
        ('kind = "trend"\ndirection = "down"\ntolerance = 0.5', "a trend's `tolerance` is"),
    ],
)
def test_contradictory_keys_are_one_line_errors_naming_the_target(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, keys: str, message: str
) -> None:
    plan = write_plan(
        tmp_path,
        f'\n[[targets]]\nid = "odd_one"\nsection = "headline"\nname = "指标"\nname_en = "x"\n'
        f'unit = "%"\n{keys}\n',
    )
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: {plan}: line ")
    assert "target odd_one: " in result.stderr
    assert message in result.stderr


RELATIONS = """
[[targets]]
id = "unemployment"
section = "headline"
name = "城镇调查失业率"
name_en = "Unemployment"
kind = "level"
unit = "%"
max = 5

[[targets]]
id = "income"
section = "headline"
name = "居民收入"
name_en = "Income"
kind = "relative"
unit = "元"
reference = "{reference}"
{extra}
"""


@pytest.mark.parametrize(
    ("reference", "extra", "message"),
    [
        ("unemployment", "", "target income: reference 'unemployment' is a level target"),
        ("nowhere", "", "target income: unknown reference 'nowhere'"),
        ("income", "", "target income: refers to itself"),
        ("unemployment", "min = 5", "target income: a relative target is judged against its"),
        ("unemployment", "pending = true", "target income: a relative target cannot be pending"),
    ],
)
def test_relations_refer_to_a_growth_figure(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, reference: str, extra: str, message: str
) -> None:
    plan = write_plan(tmp_path, RELATIONS.format(reference=reference, extra=extra))
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert message in lines[0]
    # a bound or `pending` on a relation to a level target is two mistakes: since audit W D14
    # both in one run (before, the level target only once the bound was deleted)
    also = ["target income: reference 'unemployment' is a level target"] if extra else []
    assert [line.split(": ", 2)[-1][:57] for line in lines[1:]] == also


# =============================================================== names of the new kinds


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_kind_and_status_has_a_name(lang: Lang) -> None:
    from plancli.assess.core import STATUSES
    from plancli.i18n import t
    from plancli.model import KINDS

    for key in [f"kind.{kind}" for kind in KINDS] + [f"status.{status}" for status in STATUSES]:
        assert t(key, lang) != key, f"{key} has no {lang} name"


def test_show_names_the_kind_and_states_the_bound_in_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", "gansu-2026", "--lang", "zh", "show", "urbanization_rate")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "类型       百分点变动" in lines
    assert "目标       提高 ≥ 1 个百分点" in lines


def test_tables_show_how_a_relation_compares(ledger) -> None:  # type: ignore[no-untyped-def]
    # 高于 at equal growth is behind: the table must say "> 5%", not "≈ 5%", or it reads wrong.
    shaanxi = ledger("shaanxi-2026")
    shaanxi.record("gdp", "5.0", "2026-Q2")
    shaanxi.record("resident_income", "5.0", "2026-Q2")
    shaanxi.record("national_fai_growth", "3.5", "2026-06")
    shaanxi.record("fixed_asset_investment", "3.5", "2026-06")
    args = ("--plan", shaanxi.plan, "--ledger", str(shaanxi.path))
    gap = shaanxi.invoke(*args, "gap", "--section", "headline").stdout
    assert "5.0%/>5.0%" in gap and "3.5%/≥3.5%" in gap
    report = shaanxi.invoke(*args, "report").stdout
    assert "| Resident income | \\> 5.0% | 5.0% |" in report
    assert "| Fixed-asset investment | ≥ 3.5% | 3.5% |" in report
