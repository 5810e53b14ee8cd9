"""A year's average judged before the year's figure (session 42, `year_average`).

北京's 细颗粒物年均浓度控制在29微克/立方米左右 (`pm25`, level, judged at ≤ 30.45) took 1-3月's
winter average, 45, as 滞后 by 14.55 in `gap`, `status`, `show` and the report: the season,
which every 生态环境局 analyst knows, read as a slip. The seed's 空气质量优良率98%以上 likewise
at a spring 96.5. Such a target (the plan's `year_average`, by default a level in 微克/立方米)
short of its bound before the year's figure is `no_data`, reason `year_average`, its figure
and bound shown (无全年数据); satisfied it is judged as before, and the year's figure (1-12月)
decides met or missed (docs/status-rules.md)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plancli.locations import data_dir


@pytest.fixture
def beijing(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str, plan: str = "beijing-2026"):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(tmp_path / "bj.progress.toml"), *args)

    return run


def record(run, target: str, value: str, period: str, **kw: str) -> None:  # type: ignore[no-untyped-def]
    result = run("record", target, value, "--period", period, **kw)
    assert result.exit_code == 0, result.output


def judged(run, target: str, *args: str, **kw: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    result = run("gap", "--json", *args, **kw)
    assert result.exit_code == 0, result.output
    return next(t for t in json.loads(result.stdout)["targets"] if t["id"] == target)


def test_a_winters_pm25_is_not_behind(beijing) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "45", "2026-03")
    a = judged(beijing, "pm25")
    assert (a["status"], a["reason"], a["actual"], a["period"]) == (
        "no_data",
        "year_average",
        45,
        "2026-03",
    )
    assert (a["around"], a["high"], a["gap"], a["stale"]) == (29, 30.45, None, False)
    rows = list(csv.DictReader(io.StringIO(beijing("gap", "--csv").stdout)))
    row = next(r for r in rows if r["id"] == "pm25")
    assert (row["status"], row["reason"], row["actual"], row["gap"]) == (
        "no_data",
        "year_average",
        "45",
        "",
    )
    counts = json.loads(beijing("status", "--json").stdout)["counts"]
    assert counts.get("behind", 0) == 0


def test_the_tables_show_the_figure_and_the_bound_not_behind(beijing) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "45", "2026-03")
    gap = beijing("--lang", "zh", "gap").stdout
    row = next(line for line in gap.splitlines() if "pm25" in line)
    assert "无全年数据" in row and "45/≈29微克/立方米" in row and "滞后" not in gap
    status = beijing("--lang", "zh", "status").stdout
    assert "无全年数据" in status and "滞后" not in status
    show = beijing("--lang", "zh", "show", "pm25").stdout
    # (session 43: the reason's line is headed by the row's word, 无全年数据, not 无数据)
    assert "状态        无全年数据" in show
    assert "无全年数据  年内累计平均值，该目标按全年数据考核" in show
    assert "差距" not in show
    assert "seasonal" in beijing("gap").stdout and "behind" not in beijing("gap").stdout


def test_the_report_says_it_is_the_average_so_far(beijing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "45", "2026-03")
    zh = beijing("--lang", "zh", "report", "--format", "md").stdout
    assert (
        "细颗粒物年均浓度2026年1-3月累计为45微克/立方米，"  # session 43: the year so far,
        "目标29微克/立方米左右按全年数据考核，全年数据待年底发布。"  # and when it comes
    ) in zh
    assert "| 45微克/立方米（2026年3月） | 无全年数据 |" in zh
    assert "| 滞后 |" not in zh and "高于目标" not in zh and "没有滞后或存在风险的目标" in zh
    en = beijing("report", "--format", "md").stdout
    assert "45 微克/立方米 in March 2026, the average so far; its target" in en
    html = beijing("--lang", "zh", "report", "--format", "html").stdout
    assert "2026年1-3月累计为45" in html and "没有滞后或存在风险的目标" in html
    path = tmp_path / "r.xlsx"
    assert (
        beijing("--lang", "zh", "report", "--format", "xlsx", "--output", str(path)).exit_code == 0
    )
    book = load_workbook(io.BytesIO(path.read_bytes()))
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "无全年数据" in cells and "滞后" not in cells


def test_within_the_bound_it_is_judged_as_before(beijing) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "28", "2026-06")
    a = judged(beijing, "pm25")
    assert (a["status"], a["reason"], a["gap"]) == ("on_track", None, 0)


@pytest.mark.parametrize(("value", "status", "gap"), [("31", "missed", 0.55), ("29.5", "met", 0)])
def test_the_years_figure_decides(beijing, value: str, status: str, gap: float) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "45", "2026-03")
    record(beijing, "pm25", value, "2026-12")
    a = judged(beijing, "pm25")
    assert (a["status"], a["reason"], a["gap"]) == (status, None, gap)


def test_at_the_years_end_an_early_figure_stays_unjudged_and_stale(beijing) -> None:  # type: ignore[no-untyped-def]
    record(beijing, "pm25", "45", "2026-03")
    record(beijing, "gdp", "5.2", "2026-12")
    a = judged(beijing, "pm25")
    assert (a["status"], a["reason"], a["stale"]) == ("no_data", "year_average", True)


def test_the_seeds_air_quality_in_spring(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """官渡 2022's 确保空气质量优良率达98%以上 (a share of the year's days so far): 96.5 at June was
    滞后 (worst ten); now shown, not judged. 98.9 (audit-c's June figure) is on track as before;
    96.5 for the year is missed."""
    ledger = str(tmp_path / "g.progress.toml")

    def run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "guandu-2022", "--ledger", ledger, *args)

    record(run, "air_quality_good_rate", "96.5", "2022-06")
    a = judged(run, "air_quality_good_rate")
    assert (a["status"], a["reason"], a["actual"], a["min"]) == (
        "no_data",
        "year_average",
        96.5,
        98,
    )
    assert "air_quality_good_rate" not in run("--lang", "zh", "status").stdout.split("滞后")[-1]
    record(run, "air_quality_good_rate", "98.9", "2022-06")
    assert judged(run, "air_quality_good_rate")["status"] == "on_track"
    record(run, "air_quality_good_rate", "96.5", "2022-12")
    assert judged(run, "air_quality_good_rate")["status"] == "missed"


def test_the_plan_says_it_and_may_say_otherwise(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (data_dir() / "2026" / "beijing.toml").read_text(encoding="utf-8")
    assert "year_average = true" in text
    targets = json.loads(invoke("--plan", "beijing-2026", "targets", "--json").stdout)["targets"]
    assert next(t for t in targets if t["id"] == "pm25")["year_average"] is True
    cases = {
        "default": text.replace("year_average = true\n", ""),  # 微克/立方米: a year's average
        "off": text.replace("year_average = true", "year_average = false"),
    }
    found = {}
    for name, plan_text in cases.items():
        plan = tmp_path / f"{name}.toml"
        plan.write_text(plan_text, encoding="utf-8")
        args = ("--plan", str(plan), "--ledger", str(tmp_path / f"{name}.progress.toml"))
        assert invoke(*args, "record", "pm25", "45", "-p", "2026-03").exit_code == 0
        found[name] = judged(lambda *a, args=args: invoke(*args, *a), "pm25")["status"]
    assert found == {"default": "no_data", "off": "behind"}


def test_only_a_level_is_a_years_average(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan2022.toml"
    shutil.copyfile(data_dir() / "plan2022.toml", plan)
    text = plan.read_text(encoding="utf-8")
    at = text.index('id = "gdp"')
    end = text.index("\n", text.index("frequency", at))
    plan.write_text(text[:end] + "\nyear_average = true" + text[end:], encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert "target gdp: `year_average`" in result.stderr
    assert "is only for level targets, not a growth one" in result.stderr
    assert "Traceback" not in result.output
