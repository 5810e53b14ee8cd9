"""The year-end user audit (陈科长, 2022 full year): the real figures of its common setup.

A fresh guandu-2022 workspace with a full year of figures (FAI only to September, health and
elderly care only to September, the finance-centre milestone only to June), two mid-year
adjustments; each test reproduces one defect of the audit with its values.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

REPO = Path(__file__).resolve().parents[1]

YEAR = """\
target,period,value,amount,note,source
gdp,2022-06,3.0,,,
gdp,2022-09,4.0,,,
gdp,2022-12,4.5,1505,,统计局
budget_revenue,2022-12,3.0,53.8,,财政局
fixed_asset_investment,2022-06,8.0,300,,
fixed_asset_investment,2022-09,5.0,450,,
retail_sales,2022-12,6.2,713,,
urban_income,2022-Q4,5.0,56180,,
rural_income,2022-Q4,6.0,27900,,
unemployment_rate,2022-Q4,3.5,,,
new_5g_base_stations,2022-06,150,,,
new_5g_base_stations,2022-12,320,,,
new_parking_spaces,2022-12,2000,,,
childcare_pilots,2022-12,3,,,
new_urban_jobs,2022-12,2.5,,,
metaverse_demo_base_landed,2022-10,100,,,
cop15_phase2_service,2022-12,60,,,
intl_finance_hq_centre_landed,2022-06,50,,,
investment_roads,2022-12,16.0,,,
investment_municipal,2022-12,4.0,,,
investment_ecology,2022-12,6.0,,,
investment_education,2022-12,13.0,,,
investment_health_elderly,2022-09,2.0,,,
investment_social_other,2022-12,17.0,,,
air_quality_good_rate,2022-12,98.2,,,
"""


@pytest.fixture(scope="module")
def year_built(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> Path:
    folder = tmp_path_factory.mktemp("year_end")
    plan = folder / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    (folder / "year.csv").write_text(YEAR, encoding="utf-8")
    with isolated_cli() as invoke:
        for args in (
            ("import", str(folder / "year.csv")),
            ("amend", "unemployment_rate", "--around", "4.5", "--from", "2022-06"),
            ("amend", "retail_sales", "--min", "6", "--from", "2022-07"),
        ):
            result = invoke("--plan", str(plan), *args)
            assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def year(year_built: Path, tmp_path: Path) -> Path:
    shutil.copytree(year_built, tmp_path, dirs_exist_ok=True)
    return tmp_path / "plan2022.toml"


def run(invoke, plan: Path, lang: str, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "--lang", lang, *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def target_json(invoke, plan: Path, target: str, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    document = json.loads(run(invoke, plan, "en", "gap", "--json", *args))
    [found] = [t for t in document["targets"] if t["id"] == target]
    return dict(found)


# ------------------------- 1: a roll-up's own September figure beside six December parts


def test_a_roll_ups_own_figure_older_than_every_part_is_superseded_by_their_sum(
    invoke,  # type: ignore[no-untyped-def]
    year: Path,
) -> None:
    """The annual report said 40亿元 / 68.12% / 滞后 (the Q3 report's total) while its own
    table's six December parts add to 58.4亿元."""
    run(invoke, year, "en", "record", "investment_total", "40", "--period", "2022-09")
    run(invoke, year, "en", "record", "investment_health_elderly", "2.4", "--period", "2022-12")
    total = target_json(invoke, year, "investment_total")
    assert {k: total[k] for k in ("status", "actual", "period", "completion", "stale")} == {
        "status": "missed",
        "actual": 58.4,
        "period": "2022-12",
        "completion": 0.9946,
        "stale": False,
    }
    report = run(invoke, year, "zh", "report", "-f", "md")
    assert "完成58.4亿元，完成年度目标（58.72亿元）的99.46%" in report
    assert "68.12%" not in report
    show = run(invoke, year, "zh", "show", "investment_total")
    assert "40 亿元（2022-09），已被取代：各构成均有更新的数据，以其合计为准" in show
    en = run(invoke, year, "en", "show", "investment_total")
    assert "40 亿元 (2022-09), superseded" in en


def test_a_roll_ups_own_figure_as_recent_as_its_parts_sum_still_wins(
    invoke,  # type: ignore[no-untyped-def]
    year: Path,
) -> None:
    """One part is September's (health and elderly care): the sum runs only to September,
    so a September total of the roll-up's own is as recent and wins, as documented; so does
    a December total beside December parts."""
    run(invoke, year, "en", "record", "investment_total", "40", "--period", "2022-09")
    total = target_json(invoke, year, "investment_total")
    assert (total["actual"], total["period"], total["parts"] != []) == (40, "2022-09", True)
    assert "superseded" not in run(invoke, year, "en", "show", "investment_total")
    run(invoke, year, "en", "record", "investment_health_elderly", "2.4", "--period", "2022-12")
    run(invoke, year, "en", "record", "investment_total", "58.8", "--period", "2022-12")
    total = target_json(invoke, year, "investment_total")
    assert (total["status"], total["actual"], total["period"]) == ("met", 58.8, "2022-12")


# ------------------------------ 2: no "rest of the year" after the year is over (stale growth)


def test_a_stale_growth_needs_nothing_of_the_rest_of_the_year_at_its_end(
    invoke,  # type: ignore[no-untyped-def]
    year: Path,
) -> None:
    """FAI's latest figure is September's (5 %, 450亿元): as of 2022-12 every output said
    余下月份即使下降12.14%仍可完成; with GDP's Q3 alone, 余下月份需增长8.26%."""
    fai = target_json(invoke, year, "fixed_asset_investment", "--as-of", "2022-12")
    assert (fai["required_growth_rest"], fai["months_left"], fai["stale"]) == (None, None, True)
    csv = run(invoke, year, "en", "gap", "--csv", "--as-of", "2022-12")
    header, *rows = csv.splitlines()
    column = header.split(",").index("required_growth_rest")
    [row] = [r for r in rows if r.startswith("fixed_asset_investment,")]
    assert row.split(",")[column] == ""
    for lang, words in (("zh", "余下月份"), ("en", "rest of the year")):
        for args in (("report", "-f", "md"), ("gap",), ("show", "fixed_asset_investment")):
            out = run(invoke, year, lang, *args, "--as-of", "2022-12")
            assert words not in out and "12.14" not in out, (lang, args)
    book = year.parent / "year.xlsx"
    run(invoke, year, "zh", "report", "--as-of", "2022-12", "-f", "xlsx", "-o", str(book))
    sheet = openpyxl.load_workbook(book)["执行情况"]  # assessments, in Chinese under zh
    header = [cell.value for cell in sheet[1]]
    [fai_row] = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == fai["id"]]
    assert fai_row[header.index("余下月份需增长(%)")] is None  # was −12.14 beside no 剩余月数
    # Q3's GDP alone at the year's end: nothing required of the months gone; in November
    # the fourth quarter is still to come, and the requirement stands
    ledger = str(year.parent / "edge2.toml")
    run(invoke, year, "en", "--ledger", ledger, "record", "gdp", "6.5", "--period", "2022-Q3",
        "--amount", "1100")  # fmt: skip
    december = run(invoke, year, "zh", "--ledger", ledger, "report", "--as-of", "2022-12")
    # at risk on Q3's figure is no year-end result (audit M, D1): dated, not judged
    assert (
        "地区生产总值累计增长6.5%（数据截至2022年三季度末，无全年数据，不作全年评价）。" in december
    )
    assert "余下月份" not in december
    november = run(invoke, year, "zh", "--ledger", ledger, "report", "--as-of", "2022-11")
    assert "余下月份需增长8.26%" in november


# ----------------------- 7 (part): a milestone done in October is not stale in December


def test_a_done_milestone_carries_no_stale_mark(invoke, year: Path) -> None:  # type: ignore[no-untyped-def]
    """昆明市“元宇宙”产业示范基地落地 reached 100 in October: in December `gap` starred it
    最新数据早于应报送期, asking the 科长 to chase a bureau for nothing."""
    landed = target_json(invoke, year, "metaverse_demo_base_landed", "--as-of", "2022-12")
    assert (landed["status"], landed["period"], landed["stale"]) == ("met", "2022-10", False)
    lines = run(invoke, year, "zh", "gap", "--as-of", "2022-12").splitlines()
    [at] = [i for i, line in enumerate(lines) if "metaverse_demo_base_landed" in line]
    row = " ".join(lines[at : at + 3])  # a card at 80 columns: id, name, figures (session 29)
    assert "100%/100%" in row and "*" not in row
    # a milestone short of 100 is still stale: its figure is due
    half = target_json(invoke, year, "intl_finance_hq_centre_landed", "--as-of", "2022-12")
    assert (half["status"], half["stale"]) == ("behind", True)


def test_a_cumulative_target_met_early_keeps_its_date(invoke, year: Path) -> None:  # type: ignore[no-untyped-def]
    """Decided: a cumulative target met in September is met for good, but its amount is
    September's, not the year's: it stays `stale` (the `*`, （数据截至2022年9月）), so the
    annual report does not print September's 320 as the year's total."""
    ledger = str(year.parent / "early.toml")
    run(invoke, year, "en", "--ledger", ledger, "record", "new_5g_base_stations", "320",
        "--period", "2022-09")  # fmt: skip
    run(invoke, year, "en", "--ledger", ledger, "record", "gdp", "4.5", "--period", "2022-12")
    found = target_json(invoke, year, "new_5g_base_stations", "--ledger", ledger)
    assert (found["status"], found["period"], found["stale"]) == ("met", "2022-09", True)
