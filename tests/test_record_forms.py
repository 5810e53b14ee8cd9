"""Records in the forms' own words (docs/forms.md): growth as the bulletin writes it (下降4.0%
is −4.0), and the base level of a percentage-point change recorded for the year before."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ledgers import start_ledger
from plancli.errors import InputError
from plancli.fmt import value_is_percent
from plancli.ledger import entry_period
from plancli.ledger_values import parse_value
from plancli.locations import data_dir
from plancli.plan import load_plan


@pytest.fixture
def run(invoke, tmp_path: Path, ledger_suffix: str, ledger_at):  # type: ignore[no-untyped-def]
    ledger = ledger_at(tmp_path / f"work{ledger_suffix}")

    def call(plan: str, *args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(ledger), *args)

    return call


# ------------------------------------------------------------------ 下降, 增长: signed growth


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("下降4.0", "-4.0"),
        ("下降4.0%", "-4.0"),
        ("下降 4.0 ％", "-4.0"),
        ("降低4", "-4"),
        ("减少0.8", "-0.8"),
        ("同比下降3.8%", "-3.8"),
        ("增长5.2%", "5.2"),
        ("同比增长 5.2", "5.2"),
        ("-4.0", "-4.0"),
        ("5.2%", "5.2"),
    ],
)
def test_growth_is_read_as_the_bulletin_writes_it(typed: str, stored: str) -> None:
    fujian = load_plan("fujian-2026")
    for target_id in ("co2_intensity", "gdp"):  # a decline target and a growth one alike
        target = fujian.target(target_id)
        assert target is not None
        value = parse_value(typed, target)
        assert value == Decimal(stored) and str(value) == stored


def test_no_fall_is_zero_not_minus_zero() -> None:
    target = load_plan("fujian-2026").target("co2_intensity")
    assert target is not None
    assert str(parse_value("下降0", target)) == "0"


def test_trend_and_relative_targets_take_the_words_too() -> None:
    trend = load_plan("shanghai-2026").target("co2_intensity")  # 进一步下降: kind trend
    income = load_plan("guandu-2022").target("urban_income")  # kind relative
    assert trend is not None and income is not None
    assert parse_value("下降2.1%", trend) == Decimal("-2.1")
    assert parse_value("增长6.1%", income) == Decimal("6.1")


@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "message"),
    [
        ("fujian-2026", "gdp", "下降-1", "write 下降1 or a signed number, not both"),
        ("fujian-2026", "gdp", "下降", "is not a number"),
        ("guandu-2022", "unemployment_rate", "下降0.2", "下降 is for growth figures"),
        ("guandu-2022", "new_5g_base_stations", "增长10", "增长 is for growth figures"),
    ],
)
def test_words_that_do_not_fit_are_refused(
    plan: str, target_id: str, typed: str, message: str
) -> None:
    target = load_plan(plan).target(target_id)
    assert target is not None
    with pytest.raises(InputError, match=message):
        parse_value(typed, target)


def test_change_and_trend_figures_are_percentages_whatever_the_unit() -> None:
    """粮食产量保持稳定 is judged on the YTD growth %, even where the plan keeps the grain's unit;
    a change target's level (城镇化率) is a percentage too."""
    grain = load_plan("jiangsu-2026").target("grain_output")
    urban = load_plan("gansu-2026").target("urbanization_rate")
    assert grain is not None and urban is not None
    grain, urban = (
        grain.model_copy(update={"unit": "万吨"}),
        urban.model_copy(update={"unit": "个百分点"}),
    )
    assert value_is_percent(grain) and value_is_percent(urban)
    assert parse_value("下降0.4%", grain) == Decimal("-0.4")
    assert parse_value("58.08%", urban) == Decimal("58.08")


def test_record_stores_下降_as_a_negative_growth(run) -> None:  # type: ignore[no-untyped-def]
    result = run("fujian-2026", "record", "co2_intensity", "下降3.8%", "--period", "2026")
    assert result.exit_code == 0, result.stderr
    assert "co2_intensity 2026 = -3.8%" in result.stderr  # as the tables write it (fall_text)
    [record] = json.loads(run("fujian-2026", "history", "--json").stdout)["records"]
    assert record["value"] == -3.8


def test_import_reads_the_words_too(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "bulletin.csv"
    csv.write_text(
        "target,period,value\ngdp,2026-03,增长5.4%\nco2_intensity,2026,下降4.0\n",
        encoding="utf-8",
    )
    result = run("fujian-2026", "import", str(csv))
    assert result.exit_code == 0, result.stderr
    records = json.loads(run("fujian-2026", "history", "--json").stdout)["records"]
    assert [(r["target"], r["value"]) for r in records] == [("gdp", 5.4), ("co2_intensity", -4)]


# ---------------------------------------------------- change: the base level, the year before


@pytest.fixture
def gansu_without_base(tmp_path: Path) -> Path:
    """甘肃 2026 as a plan that does not state the base level of 城镇化率提升1个百分点以上."""
    path = tmp_path / "gansu.toml"
    shutil.copyfile(data_dir() / "2026" / "gansu.toml", path)
    text = path.read_text(encoding="utf-8")
    stated = "baseline = { year = 2025, value = 58.08 }\n"
    assert stated in text
    path.write_text(text.replace(stated, ""), encoding="utf-8")
    return path


@pytest.mark.parametrize("period", ["2025", "2025-Q4"])
def test_a_change_targets_base_is_recorded_for_the_end_of_the_year_before(
    run, gansu_without_base: Path, period: str, ledger_suffix: str
) -> None:  # type: ignore[no-untyped-def]
    plan = str(gansu_without_base)
    # The ledger is named (--ledger) before anything is recorded: an empty ledger, since a
    # named ledger that does not exist is an error for `show` (issue 12).
    start_ledger(gansu_without_base.parent / f"work{ledger_suffix}")
    no_base = json.loads(
        run(plan, "show", "urbanization_rate", "--as-of", "2026", "--json").stdout
    )["assessment"]
    assert (no_base["status"], no_base["reason"]) == ("no_data", "no_record")
    result = run(plan, "record", "urbanization_rate", "58.08", "--period", period)
    assert result.exit_code == 0, result.stderr
    assert run(plan, "record", "urbanization_rate", "59.2", "--period", "2026").exit_code == 0
    shown = json.loads(run(plan, "show", "urbanization_rate", "--json").stdout)
    judged = shown["assessment"]
    assert (judged["status"], judged["actual"], judged["base"], judged["recorded"]) == (
        "met",
        1.12,
        58.08,
        59.2,
    )
    assert shown["as_of"] == "2026"


@pytest.mark.parametrize("period", ["2025", "2025-12", "2025-Q4", "2025-H2"])
def test_every_name_of_the_year_end_before_is_a_base_period(period: str) -> None:
    plan = load_plan("gansu-2026")
    target = plan.target("urbanization_rate")
    assert target is not None
    assert str(entry_period(plan, target, period)) == period


def test_without_the_base_the_change_has_no_data(run, gansu_without_base: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(gansu_without_base)
    assert run(plan, "record", "urbanization_rate", "59.2", "--period", "2026").exit_code == 0
    judged = json.loads(run(plan, "show", "urbanization_rate", "--json").stdout)["assessment"]
    assert (judged["status"], judged["reason"]) == ("no_data", "no_base")


@pytest.mark.parametrize(
    ("target_id", "period", "message"),
    [
        ("urbanization_rate", "2025-06", "the base level of a change target is recorded for"),
        ("urbanization_rate", "2024", "is outside the plan year 2026"),
        ("urbanization_rate", "2027", "is outside the plan year 2026"),
        ("gdp", "2025", "period '2025' is outside the plan year 2026"),
    ],
)
def test_other_periods_outside_the_plan_year_stay_errors(
    invoke, tmp_path: Path, target_id: str, period: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "one.progress.toml"  # refused before any store is opened
    result = invoke(
        "--plan",
        "gansu-2026",
        "--ledger",
        str(ledger),
        "record",
        target_id,
        "58.08",
        "--period",
        period,
    )
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


# ------------------------------------------------------------ milestones: 已完成 is done


@pytest.mark.parametrize("typed", ["done", "完成", "已完成", "全部完成", " 已完成 "])
def test_a_milestone_done_in_the_bulletins_words(typed: str) -> None:
    """A bureau's progress table says 已完成; plancli took done and 完成 only, and refused
    已完成 as "not a number (e.g. 310, 5.2, -0.3)", a hint that fits no milestone."""
    guandu = load_plan("guandu-2022")
    milestone = guandu.target("metaverse_demo_base_landed")
    assert milestone is not None and milestone.kind == "milestone"
    assert parse_value(typed, milestone, "value") == 100


def test_a_milestone_says_what_it_takes_when_a_word_is_not_one() -> None:
    milestone = load_plan("guandu-2022").target("metaverse_demo_base_landed")
    assert milestone is not None
    with pytest.raises(InputError) as refused:
        parse_value("进行中", milestone, "value")
    assert str(refused.value) == (
        "value '进行中' is not a number: a milestone takes its percent done, 0 to 100, or done "
        "(完成, 已完成)"
    )


def test_a_malformed_period_is_shown_the_plans_own_year(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A 2026 plan's analyst typing a malformed period was shown e.g. 2022-06, 2022-Q2:
    typed as shown, refused again (outside the plan year). (A bulletin's 2026年3月 or 2026.03
    is read as import reads it: tests/test_period_forms.py.)"""
    ledger = tmp_path / "hubei.progress.toml"
    invoke("--plan", "hubei-2026", "--ledger", str(ledger), "record", "cpi", "1.2", "-p", "2026-03")
    # (2026-Q5 and 2026-13 were the malformed periods here; since session 32 they name the
    # quarter and month that are none, and forms that are none stand in for them)
    for args in (["record", "cpi", "1.3", "-p", "2026-Q"], ["status", "--as-of", "26-03"]):
        result = invoke("--plan", "hubei-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 2
        assert result.stderr.endswith(
            "use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (e.g. 2026-06, 2026-Q2, 2026-H1, 2026), or "
            "a bulletin's 1-6月, 一季度, 上半年, 前三季度, 截至6月末, 全年\n"  # since session 42
        ), result.stderr
    quarter = invoke(
        "--plan", "hubei-2026", "--ledger", str(ledger), "record", "cpi", "1.3", "-p", "2026-Q5"
    )
    assert (
        quarter.stderr
        == "error: malformed period '2026-Q5': there is no quarter 5 (a quarter is 1-4)\n"
    )
    csv = tmp_path / "march.csv"
    # (2026-M03 was the form that is none here; since session 33 it is told to write 2026-03
    # or 2026年3月, tests/test_period_slips_s33.py; 2026-003 since session 34 to write 2026-03,
    # tests/test_period_spellings_s34.py)
    csv.write_text("target,period,value\ncpi,2026--03,1.3\n", encoding="utf-8")
    imported = invoke("--plan", "hubei-2026", "--ledger", str(ledger), "import", str(csv))
    assert imported.stderr.endswith(  # with the bulletin's forms, which a cell takes: session 42
        "(e.g. 2026-06, 2026-Q2, 2026-H1, 2026), or a bulletin's 1-6月, 一季度, 上半年, 前三季度, "
        "截至6月末, 全年\n"
    ), imported.stderr
