"""Session 41, small leftovers found by the session's helpers (polish5), on 四川's bundled plan
(sichuan-2026):

1. `record emission_reduction 1.2 -p 上半年` (an annual cumulative target, the year's total in
   万吨) drew no warning where grain_output's half-year figure did: both are the year's total,
   one rule (part_year.year_figure) warns of both; the cumulative's figure is its total to date
   (paced as before), the level's kept and not judged (as before).
2. `record emission_reduction 5 --add -p 1-2月` was recorded as 2026-02 = 0 + 5: an annual
   target takes no 1-2月 figure to add to; refused as `--add -p 上半年` is.
3. An import whose period cell says 夏粮 (秋粮) got `record`'s message, `-p 2026`: it names the
   row's period column and the value to write there.
4. `--lang zh history` wrote `700 亿斤`, where every other zh table writes `700亿斤`.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import ledger_values

SICHUAN = "sichuan-2026"


def _at(ledger: Path, lang: str = "en", plan: str = SICHUAN) -> tuple[str, ...]:
    return ("--lang", lang, "--plan", plan, "--ledger", str(ledger))


# ------------------------------------------- 1. an annual cumulative target's half-year figure


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "warning: emission_reduction 2026-H1: a figure for part of the year; "
            "emission_reduction is an annual target whose figure is the year's total, so this "
            "one is its total to 2026-H1, not the year's: record the year's figure at the "
            "year's end (--period 2026)",
        ),
        (
            "zh",
            "警告：emission_reduction 2026-H1：为年内阶段数据，而 emission_reduction 是年度指标，"
            "记的是全年总数，此数为截至 2026-H1 的累计数，不是全年数；请于年末录入全年数据"
            "（--period 2026）",
        ),
    ],
)
def test_an_annual_cumulative_targets_half_year_figure_is_warned(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(*_at(ledger, lang), "record", "emission_reduction", "1.2", "-p", "上半年")
    assert result.exit_code == 0, result.output
    assert said in result.stderr.splitlines()
    assert ledger_values(ledger)[("emission_reduction", "2026-H1")][0] == Decimal("1.2")
    # the year's figure draws none
    year = invoke(*_at(ledger, lang), "record", "emission_reduction", "2", "-p", "2026")
    assert year.exit_code == 0, year.output
    assert "2026-H1" not in year.stderr and "part of the year" not in year.stderr


def test_an_import_warns_of_an_annual_cumulative_targets_part_once(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "e.csv"
    sheet.write_text(
        "target,period,value\nemission_reduction,2026-06,1.2\nemission_reduction,2026-09,1.5\n",
        "utf-8",
    )
    result = invoke(*_at(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "part of the year" in line]
    assert warned == [
        f"warning: {sheet}:2: emission_reduction 2026-06: a figure for part of the year; "
        "emission_reduction is an annual target whose figure is the year's total, so this one "
        "is its total to 2026-06, not the year's: record the year's figure at the year's end "
        "(--period 2026)"
    ]


def test_the_cumulative_figure_is_paced_as_before_and_grains_still_not_judged(
    invoke: Any, tmp_path: Path
) -> None:
    """The warning's rule is wider; the judging is as it was: an annual level's part is
    no data (part_year), an annual cumulative's total to date is paced (at risk at 1.2 of 3)."""
    ledger = tmp_path / "sc.progress.toml"
    at = _at(ledger)
    assert invoke(*at, "record", "emission_reduction", "1.2", "-p", "上半年").exit_code == 0
    assert invoke(*at, "record", "grain_output", "360", "-p", "上半年").exit_code == 0
    amended = invoke(*at, "amend", "emission_reduction", "--from", "2026-01", "--min", "3")
    assert amended.exit_code == 0, amended.output
    cut = invoke(*at, "show", "emission_reduction", "--as-of", "2026-H1", "--json")
    assert json.loads(cut.stdout)["assessment"]["status"] == "at_risk"
    grain = json.loads(invoke(*at, "show", "grain_output", "--as-of", "2026-H1", "--json").stdout)
    assert (grain["assessment"]["status"], grain["assessment"]["reason"]) == (
        "no_data",
        "part_year",
    )


def test_a_percent_or_monthly_cumulative_draws_no_part_year_warning(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    jobs = invoke(*_at(ledger), "record", "new_urban_jobs", "40", "-p", "1-6月")
    assert jobs.exit_code == 0, jobs.output
    assert "part of the year" not in jobs.stderr


# --------------------------------------------------- 2. --add -p 1-2月 on an annual target


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: --add: emission_reduction is an annual target: its figure is the year's total "
            "(2026), and no figure of it before 2026-02 is recorded to add to; record the year's "
            "total at the year's end (-p 2026)",
        ),
        (
            "zh",
            "错误：--add：emission_reduction 是年度指标，记的是全年总数（2026），在 2026-02 之前"
            "没有可累加的记录；请在年末录入全年总数（-p 2026）",
        ),
    ],
)
def test_add_for_jan_feb_of_an_annual_target_is_refused(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(*_at(ledger, lang), "record", "emission_reduction", "5", "--add", "-p", "1-2月")
    assert result.exit_code == 2
    assert result.stderr.strip() == said
    assert not ledger.exists()


@pytest.mark.parametrize("period", ["2026-01", "2026-02", "1月"])
def test_add_for_a_first_month_of_an_annual_target_is_refused(
    invoke: Any, tmp_path: Path, period: str
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(*_at(ledger), "record", "emission_reduction", "5", "--add", "-p", period)
    assert result.exit_code == 2
    assert "emission_reduction is an annual target: its figure is the year's total" in (
        result.stderr
    )
    assert not ledger.exists()


def test_add_for_the_year_and_a_monthly_targets_jan_feb_start_from_zero(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    year = invoke(*_at(ledger), "record", "emission_reduction", "5", "--add", "-p", "2026")
    assert year.exit_code == 0, year.output
    assert ledger_values(ledger)[("emission_reduction", "2026")][0] == Decimal("5")
    jobs = invoke(*_at(ledger), "record", "new_urban_jobs", "12", "--add", "-p", "1-2月")
    assert jobs.exit_code == 0, jobs.output
    assert ledger_values(ledger)[("new_urban_jobs", "2026-02")][0] == Decimal("12")


# ------------------------------------------------------ 3. 夏粮 in an import's period cell


@pytest.mark.parametrize(
    ("lang", "word", "said"),
    [
        (
            "en",
            "夏粮",
            "period '夏粮' is the summer grain harvest, a part of the year's grain output, not a "
            "period: grain_output records the whole year's output: write 2026 in the row's "
            "period column; to keep the summer harvest as a note of progress, write 上半年 there "
            "and 夏粮 in its note column (kept, not judged)",
        ),
        (
            "en",
            "秋粮",
            "period '秋粮' is the autumn grain harvest, a part of the year's grain output, not a "
            "period: grain_output records the whole year's output, as the year's bulletin gives "
            "it: write 2026 in the row's period column; the parts are not added up",
        ),
        (
            "zh",
            "夏粮",
            "期间 '夏粮' 是夏粮产量，为全年粮食产量的一部分，不是期间：grain_output 记的是全年"
            "产量：请在该行的期间列填写 2026；如要把夏粮留作进度记录，可在期间列填写 上半年，并在"
            "备注列写 夏粮（保留，不评判）",
        ),
    ],
)
def test_a_harvest_part_in_an_imports_period_cell_names_the_cell(
    invoke: Any, tmp_path: Path, lang: str, word: str, said: str
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "g.csv"
    sheet.write_text(f"target,period,value\ngrain_output,{word},360\n", "utf-8")
    result = invoke(*_at(ledger, lang), "import", str(sheet))
    assert result.exit_code == 2
    colon = "：" if lang == "zh" else ": "
    assert result.stderr.splitlines()[1] == f"{sheet}:2{colon}{said}"
    assert "-p" not in result.stderr
    assert not ledger.exists()


def test_a_harvest_part_in_a_json_import_and_record_keep_their_words(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "g.json"
    sheet.write_text('[{"target": "grain_output", "period": "夏粮", "value": 360}]', "utf-8")
    result = invoke(*_at(ledger), "import", str(sheet))
    assert result.exit_code == 2
    assert f"{sheet}:1: period '夏粮' is the summer grain harvest" in result.stderr
    assert "write 2026 in the row's period column" in result.stderr
    typed = invoke(*_at(ledger), "record", "grain_output", "360", "-p", "夏粮")
    assert "grain_output records the whole year's output (-p 2026)" in typed.stderr


# ------------------------------------------------------------ 4. zh history's figure cells


def test_zh_history_writes_a_figure_with_its_unit_together(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sc.progress.toml"
    at = _at(ledger)
    assert invoke(*at, "record", "grain_output", "700", "-p", "上半年").exit_code == 0
    assert invoke(*at, "record", "gdp", "5.3", "-p", "一季度").exit_code == 0
    assert invoke(*at, "record", "energy_intensity", "下降2.9", "-p", "2026").exit_code == 0
    zh = _at(ledger, "zh")
    one = invoke(*zh, "history", "grain_output")
    assert one.exit_code == 0, one.output
    assert "700亿斤" in one.stdout and "700 亿斤" not in one.stdout
    every = invoke(*zh, "history").stdout
    assert "700亿斤" in every and "5.3%" in every and "下降2.9%" in every
    assert "5.3 %" not in every
    # English keeps a unit of words spaced, a % with its figure as status (since session 42)
    en = invoke(*at, "history").stdout
    assert "700 亿斤" in en and "5.3%" in en and "5.3 %" not in en
