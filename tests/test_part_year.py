"""A figure for part of the year of an annual target judged on the year's figure (audit D12).

Henan's 粮食产量1300亿斤以上 (`grain_output`, level, annual) took 夏粮, 760.5 亿斤 for
上半年, without a word, and was then 滞后 by 539.5 亿斤 in `show`, `gap` and the leaders'
report ("粮食产量为760.5亿斤，低于目标539.5亿斤。"): half a harvest judged as a year's. Now it
is kept with a warning (record, both import paths: once per target, not per row) and shown
as no data, reason `part_year`, with its figure (docs/status-rules.md). Only an annual level
in an amount (a year's output) is so: a % level is judged as it stands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

HENAN = ("--plan", "henan-2026")
WARNING = (
    "grain_output 2026-H1: a figure for part of the year; grain_output is an annual target "
    "judged on the year's figure, so this one is kept but not judged (shown as no data): "
    "record the year's figure at the year's end (--period 2026)"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "henan.progress.toml"


@pytest.fixture
def henan(invoke, ledger: Path):  # type: ignore[no-untyped-def]
    def run(*args: str):  # type: ignore[no-untyped-def]
        return invoke(*HENAN, "--ledger", str(ledger), *args)

    return run


def summer_grain(henan) -> None:  # type: ignore[no-untyped-def]
    result = henan("record", "grain_output", "760.5", "--period", "上半年", "--note", "夏粮")
    assert result.exit_code == 0, result.output


def grain(henan) -> dict[str, object]:  # type: ignore[no-untyped-def]
    result = henan("gap", "--json")
    assert result.exit_code == 0, result.output
    targets = json.loads(result.stdout)["targets"]
    return next(t for t in targets if t["id"] == "grain_output")


# ------------------------------------------------------------------------ the warning


def test_recording_summer_grain_is_kept_with_a_warning(henan, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = henan("record", "grain_output", "760.5", "--period", "上半年", "--note", "夏粮")
    assert result.exit_code == 0, result.output
    assert f"warning: {WARNING}\n" in result.stderr
    assert "recorded grain_output 2026-H1 = 760.5 亿斤" in result.stderr + result.stdout
    history = json.loads(henan("history", "grain_output", "--json").stdout)["records"]
    assert [(r["period"], r["value"], r["note"]) for r in history] == [("2026-H1", 760.5, "夏粮")]


def test_the_warning_in_chinese(henan) -> None:  # type: ignore[no-untyped-def]
    result = henan("--lang", "zh", "record", "grain_output", "760.5", "--period", "2026-06")
    assert result.exit_code == 0, result.output
    assert (
        "警告：grain_output 2026-06：为年内阶段数据，而 grain_output 是按全年数据考核的年度指标，"
        "此数保留备查、不作评估（显示为无数据）；请于年末录入全年数据（--period 2026）\n"
    ) in result.stderr


@pytest.mark.parametrize("period", ["2026", "2026-12", "2026-Q4"])
def test_the_years_figure_is_not_warned(henan, period: str) -> None:  # type: ignore[no-untyped-def]
    result = henan("record", "grain_output", "1320", "--period", period)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_other_targets_part_year_figures_are_not_warned(henan) -> None:  # type: ignore[no-untyped-def]
    """A growth's year-to-date growth, a cumulative target's year-to-date total and a monthly
    level are judged as the year goes: no warning."""
    for target, value in (("gdp", "5.1"), ("new_urban_jobs", "60"), ("cpi", "1.2")):
        result = henan("record", target, value, "--period", "2026-H1")
        assert result.exit_code == 0, result.output
        assert "warning" not in result.stderr, target


# Three part-year figures of grain_output (and GDP's, never warned): one warning, on the first.
GRAIN_ROWS = [
    "target,period,value,note",
    "grain_output,2026-Q1,120,",
    "gdp,2026-Q2,5.1,",
    "grain_output,2026-H1,760.5,夏粮",
    "grain_output,2026-09,770,秋粮未收",
]


@pytest.mark.parametrize("args", [(), ("--dry-run",), ("--json",)])
def test_an_import_warns_once_per_target(henan, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    """Written as a stream (no option) or checked whole (--dry-run, --json): one warning for
    the target, on its first part-year row, not one a row (a million rows, a million lines)."""
    path = tmp_path / "grain.csv"
    path.write_text("\n".join(GRAIN_ROWS) + "\n", encoding="utf-8")
    result = henan("import", str(path), *args)
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "part of the year" in line]
    assert warned == [f"warning: {path}:2: {WARNING.replace('2026-H1', '2026-Q1', 1)}"]


def test_a_bulletin_with_summer_grain_is_warned(henan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The bulletin path: names and periods as the 统计局 writes them (粮食产量, 2026年上半年)."""
    path = tmp_path / "上半年.csv"
    path.write_text(
        "指标,期间,数值\n粮食产量,2026年上半年,760.5\n地区生产总值,2026年上半年,5.1\n",
        encoding="utf-8",
    )
    result = henan("import", str(path))
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:2: {WARNING}\n" in result.stderr
    assert result.stderr.count("part of the year") == 1


def test_the_streamed_import_says_what_the_kept_one_does(tmp_path: Path) -> None:
    from plancli.imports import import_rows, parse_import
    from plancli.locations import LedgerLocation
    from plancli.plan import load_plan
    from plancli.stores import open_store

    rows, problems = parse_import(("\n".join(GRAIN_ROWS) + "\n").encode(), "grain.csv")
    said = {}
    for keep in (True, False):
        location = LedgerLocation(tmp_path / f"{keep}.progress.toml", "option")
        result = import_rows(
            open_store(location), load_plan("henan-2026"), "grain.csv", list(rows), problems,
            keep=keep,
        )  # fmt: skip
        said[keep] = result.row_warnings()
    assert said[True] == said[False] == [(2, WARNING.replace("2026-H1", "2026-Q1", 1))]


# --------------------------------------------------------------------- the assessment


def test_summer_grain_is_shown_not_judged(henan) -> None:  # type: ignore[no-untyped-def]
    summer_grain(henan)
    a = grain(henan)
    assert (a["status"], a["reason"], a["actual"], a["period"]) == (
        "no_data",
        "part_year",
        760.5,
        "2026-H1",
    )
    assert a["gap"] is None and a["min"] == 1300 and a["stale"] is False
    show = henan("show", "grain_output")
    # seasonal (无全年数据), as its row and counts say since session 43 (was `no data`)
    assert "status    seasonal" in show.stdout and "actual    760.5" in show.stdout
    assert "a figure for part of the year only" in show.stdout
    assert "gap" not in show.stdout and "behind" not in show.stdout
    status = henan("status", "--json")
    counts = json.loads(status.stdout)["counts"]
    assert counts.get("behind", 0) == 0


def test_the_report_says_it_is_half_a_harvest(henan) -> None:  # type: ignore[no-untyped-def]
    summer_grain(henan)
    zh = henan("--lang", "zh", "report", "--format", "md").stdout
    assert "粮食产量2026年上半年为760.5亿斤（年内阶段数据），目标1300亿斤以上按全年数据考核。" in zh
    assert "| 粮食产量 | ≥ 1300亿斤（力争高于上年1350.97亿斤） | 760.5亿斤（2026年上半年） |" in zh
    assert "低于目标539.5" not in zh and "| 滞后 |" not in zh and "没有滞后或存在风险的目标" in zh
    en = henan("report", "--format", "md").stdout
    assert (
        "Grain output: 760.5 亿斤 in the first half of 2026, a figure for part of the year; "
        "its target (at least 1300 亿斤) is judged on the year's figure."
    ) in en
    # the aim is more than last year's output (stretch_exclusive: audit S D11), as it says
    assert (
        "| Grain output | ≥ 1300 亿斤 (aim: above last year's 1350.97 亿斤) "
        "| 760.5 亿斤 (2026-H1) |"
    ) in en
    html = henan("--lang", "zh", "report", "--format", "html").stdout
    assert "目标1300亿斤以上按全年数据考核" in html and "低于目标539.5" not in html


def test_the_workbook_says_it_too(henan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    summer_grain(henan)
    path = tmp_path / "report.xlsx"
    result = henan("--lang", "zh", "report", "--format", "xlsx", "--output", str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(io.BytesIO(path.read_bytes()))
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert any("目标1300亿斤以上按全年数据考核" in cell for cell in cells)
    # the 无数据原因 cell in words since session 33 (it was the code `part_year`)
    assert "仅有年内阶段数据，该目标按全年数据考核" in cells and "滞后" not in cells
    assert "part_year" not in cells


def test_at_the_years_end_the_years_figure_decides(henan) -> None:  # type: ignore[no-untyped-def]
    summer_grain(henan)
    henan("record", "gdp", "5.2", "--period", "2026-12")
    a = grain(henan)  # as of 2026-12: the year's figure is due and missing
    assert (a["status"], a["reason"], a["actual"], a["stale"]) == (
        "no_data",
        "part_year",
        760.5,
        True,
    )
    henan("record", "grain_output", "1280", "--period", "2026")
    a = grain(henan)
    assert (a["status"], a["actual"], a["gap"], a["reason"]) == ("missed", 1280, 20, None)
    henan("record", "grain_output", "1320", "--period", "2026")
    assert grain(henan)["status"] == "met"


@pytest.mark.parametrize(
    ("plan", "target", "value", "status"),
    [
        # 常住人口城镇化率提升1个百分点 (change, annual): a mid-year level, judged (test_forms)
        ("gansu-2026", "urbanization_rate", "58.5", "at_risk"),
        # 公办园及普惠性民办园在园幼儿比85% (level in %, annual): a ratio at any moment
        ("guandu-2022", "public_kindergarten_share", "86", "on_track"),
    ],
)
def test_an_annual_level_in_percent_is_judged_as_it_stands(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, plan: str, target: str, value: str, status: str
) -> None:
    """Only a year's total (亿斤, 万吨) adds up over the year: a % level is a level at any
    moment (DESIGN §4), so its mid-year figure is judged and not warned about."""
    args = ("--plan", plan, "--ledger", str(tmp_path / "l.progress.toml"))
    year = plan[-4:]
    result = invoke(*args, "record", target, value, "--period", f"{year}-H1")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    targets = json.loads(invoke(*args, "gap", "--json").stdout)["targets"]
    a = next(t for t in targets if t["id"] == target)
    assert (a["status"], a["reason"]) == (status, None)
