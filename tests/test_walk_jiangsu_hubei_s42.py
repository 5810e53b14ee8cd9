"""Session 42's walk of the bundled 江苏 and 湖北 2026 plans in Chinese (江苏: 地区生产总值按增长5%
安排, 一般公共预算收入增长2%, 城镇新增就业120万人, 全社会研发投入强度3.42%左右, 粮食产量保持稳定…;
湖北: 经济增长5.5%左右, 城镇新增就业70万人以上, 粮食产量继续保持500亿斤以上…), a 统计局 analyst's
month: the 1-6月 sheet imported, status, gap, show and the report, then the year-end 统计公报
table. Each test is a slip the walk met, or the plans' figures checked against the reports."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

DATA = Path(__file__).parent.parent / "data" / "2026"


def _plan(name: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    plan = tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))
    return {t["id"]: t for t in plan["targets"]}, list(plan["targets"])


def _lines(province: str) -> list[str]:
    return (CORPUS / f"{province}.txt").read_text(encoding="utf-8").splitlines()


def test_jiangsu_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 48) and the reviews (2025: lines 32, 34; the
    "十四五" review: line 23), figure by figure: the plan holds each of the paragraph's ten
    targets, nothing else, with the bound, kind and unit the words give, and the baselines the
    reviews state. A guard: the walk found them right (it passes on the base as well)."""
    by_id, _targets = _plan("jiangsu")
    lines = _lines("江苏省")
    paragraph = lines[47]
    assert "今年经济社会发展主要预期目标是：" in paragraph
    assert list(by_id) == [
        "gdp",
        "budget_revenue",
        "new_urban_jobs",
        "surveyed_unemployment_rate",
        "cpi",
        "resident_income",
        "retail_sales",
        "rd_intensity",
        "grain_output",
        "co2_intensity",
    ]
    for target in by_id.values():
        assert target["quote"] in paragraph, target["id"]
    bounds = {
        "gdp": ("growth", "min", 5),
        "budget_revenue": ("growth", "min", 2),
        "new_urban_jobs": ("cumulative", "min", 120),
        "surveyed_unemployment_rate": ("level", "around", 5),
        "cpi": ("level", "around", 2),
        "retail_sales": ("growth", "around", 5),
        "rd_intensity": ("level", "around", 3.42),
    }
    for id_, (kind, key, bound) in bounds.items():
        assert (by_id[id_]["kind"], by_id[id_][key]) == (kind, bound), id_
    assert by_id["surveyed_unemployment_rate"]["direction"] == "down"
    assert by_id["cpi"]["direction"] == "band"
    assert by_id["resident_income"]["relation"] == "same"
    assert (by_id["grain_output"]["kind"], by_id["grain_output"]["direction"]) == ("trend", "band")
    co2 = by_id["co2_intensity"]
    assert co2["decline"] is True and co2["pending"] is True
    assert by_id["gdp"]["baseline"] == {
        "year": 2025,
        "value": 142000,
        "value_text": "14.2万亿元",
        "growth": 5.3,
    }  # the level since session 42's levels, as 上海's and 北京's (the "十四五" review's)
    assert "地区生产总值增长5.3%" in lines[31]
    assert "地区生产总值连续迈上4个万亿元台阶、达14.2万亿元" in lines[21]
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "growth": 2.1}
    assert by_id["new_urban_jobs"]["baseline"] == {"year": 2025, "value": 141}
    assert by_id["surveyed_unemployment_rate"]["baseline"] == {"year": 2025, "value": 4.6}
    assert "一般公共预算收入增长2.1%" in lines[33]
    assert "城镇新增就业141万人，城镇调查失业率4.6%" in lines[33]
    assert by_id["rd_intensity"]["baseline"] == {"year": 2025, "value": 3.38}
    assert "全社会研发投入强度达3.38%左右" in lines[22]
    for id_ in ("cpi", "resident_income", "retail_sales", "grain_output", "co2_intensity"):
        assert "baseline" not in by_id[id_], id_


def test_hubei_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 60) and the reviews (2025: line 31; the "十四五"
    review: line 21): the plan holds each of the paragraph's seven targets, nothing else. A
    guard (it passes on the base as well)."""
    by_id, _targets = _plan("hubei")
    lines = _lines("湖北省")
    paragraph = lines[59]
    assert "经济社会发展主要预期目标是：" in paragraph
    assert list(by_id) == [
        "gdp",
        "surveyed_unemployment_rate",
        "new_urban_jobs",
        "cpi",
        "resident_income",
        "grain_output",
        "co2_intensity",
    ]
    for target in by_id.values():
        assert target["quote"] in paragraph, target["id"]
    assert (by_id["gdp"]["kind"], by_id["gdp"]["around"]) == ("growth", 5.5)
    assert by_id["gdp"]["baseline"] == {"year": 2025, "value": 62661, "growth": 5.5}
    assert "地区生产总值增长5.5%" in lines[30]
    assert "地区生产总值迈上6万亿元台阶，达到62661亿元" in lines[20]
    unemployment = by_id["surveyed_unemployment_rate"]
    assert (unemployment["around"], unemployment["direction"]) == (5.5, "down")
    assert (by_id["new_urban_jobs"]["kind"], by_id["new_urban_jobs"]["min"]) == ("cumulative", 70)
    assert (by_id["cpi"]["around"], by_id["cpi"]["direction"]) == (2, "band")
    assert by_id["resident_income"]["relation"] == "same"
    grain = by_id["grain_output"]
    assert (grain["kind"], grain["unit"], grain["min"]) == ("level", "亿斤", 500)
    assert by_id["co2_intensity"]["decline"] is True and by_id["co2_intensity"]["pending"] is True
    for id_ in ("surveyed_unemployment_rate", "new_urban_jobs", "resident_income", "grain_output"):
        assert "baseline" not in by_id[id_], id_
    assert "城镇新增就业超额完成全年任务" in lines[31]  # no 2025 figure to take


def _actuals(invoke: Any, plan: list[str]) -> dict[str, Any]:
    result = invoke(*plan, "gap", "--json")
    assert result.exit_code == 0, result.output
    return {t["id"]: t for t in json.loads(result.stdout)["targets"]}


@pytest.fixture
def hubei(tmp_path: Path) -> list[str]:
    return ["--plan", "hubei-2026", "--ledger", str(tmp_path / "hb.progress.toml")]


@pytest.fixture
def jiangsu(tmp_path: Path) -> list[str]:
    return ["--plan", "jiangsu-2026", "--ledger", str(tmp_path / "js.progress.toml")]


@pytest.mark.parametrize("column", ["2026年", "2026年（亿元）"])
def test_a_column_headed_by_the_year_is_the_years_figures(
    invoke: Any, hubei: list[str], tmp_path: Path, column: str
) -> None:
    """The year-end 统计公报 table, `指标名称,计量单位,2026年,比上年增长(%)`: its column headed by
    the year alone was refused, exit 2, `缺少列 period`, though `全年`, `1-12月` and `2026年全年`
    were read. It is the year's figures: 湖北's GDP 66010.2亿元, 5.6 %, for 2026-Q4."""
    sheet = tmp_path / "湖北省统计公报主要指标.csv"
    rows = [f"指标名称,计量单位,{column},比上年增长(%)", "地区生产总值,亿元,66010.2,5.6"]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("--lang", "zh", *hubei, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "各行均按表头中的期间 2026年全年 录入" in result.stderr, result.stderr
    gdp = _actuals(invoke, hubei)["gdp"]
    assert (gdp["actual"], gdp["period"]) == (5.6, "2026-Q4")


def test_two_years_side_by_side_are_still_refused(
    invoke: Any, hubei: list[str], tmp_path: Path
) -> None:
    """What stays: last year's column beside this year's is no one period (exit 2, nothing
    written), and a bare ASCII 2026 heads no period."""
    for header in ("指标,2025年,2026年", "指标,单位,2026"):
        sheet = tmp_path / "years.csv"
        cells = "地区生产总值,5.5,5.6" if "2025年" in header else "地区生产总值,%,5.6"
        sheet.write_text(f"{header}\n{cells}\n", encoding="utf-8")
        result = invoke("--lang", "zh", *hubei, "import", str(sheet))
        assert result.exit_code == 2, result.output
        assert not (tmp_path / "hb.progress.toml").exists()


def test_a_trends_figure_is_the_growth_column_not_the_total(
    invoke: Any, jiangsu: list[str], tmp_path: Path
) -> None:
    """江苏's 粮食产量保持稳定 is a trend: its figure is the year's growth on last year. The
    统计公报's row `粮食总产量,亿斤,762.4,0.3` recorded 762.4 (the total, with only a unit
    warning), and the report said `粮食产量增长762.4%，未能保持稳定`. The growth column is its
    figure now, 0.3, within the band; the total is said to be passed over."""
    sheet = tmp_path / "江苏省2026年统计公报.csv"
    rows = ["指标名称,计量单位,全年,比上年增长(%)", "粮食总产量,亿斤,762.4,0.3"]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("--lang", "zh", *jiangsu, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert (
        "grain_output 是趋势类目标，其数值为增速%：录入 '比上年增长(%)' 列（'0.3'）；"
        "'全年' 列（'762.4'）是总量，不录入" in result.stderr
    ), result.stderr
    assert "计划的单位是 %" not in result.stderr
    grain = _actuals(invoke, jiangsu)["grain_output"]
    assert (grain["actual"], grain["status"]) == (0.3, "met")
    report = invoke("--lang", "zh", *jiangsu, "report")
    assert "762.4" not in report.stdout


def test_a_trends_total_alone_is_refused(invoke: Any, jiangsu: list[str], tmp_path: Path) -> None:
    """The total alone (`粮食总产量,亿斤,762.4` under `全年`) is no growth: refused, exit 2,
    nothing written, as a tracked growth indicator's total is."""
    sheet = tmp_path / "江苏省2026年统计公报.csv"
    sheet.write_text("指标名称,计量单位,全年\n粮食总产量,亿斤,762.4\n", encoding="utf-8")
    result = invoke("--lang", "zh", *jiangsu, "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert "grain_output 是趋势类目标，其数值为增速%：文件只有 '全年'（'762.4'），是总量" in (
        result.stderr
    ), result.stderr
    assert not (tmp_path / "js.progress.toml").exists()


def test_the_template_says_a_trend_takes_its_growth(
    invoke: Any, jiangsu: list[str], tmp_path: Path
) -> None:
    """The year-end template's unit for 粮食产量保持稳定 said `%`, under which an analyst types
    the 统计公报's 762.4 (亿斤); it says the growth on last year, not the total, as a tracked
    growth's does, and the sheet filled in is read back without a unit warning."""
    assert invoke(*jiangsu, "record", "gdp", "5.2", "-p", "2026-Q2").exit_code == 0
    sheet = tmp_path / "年报.csv"
    made = invoke("--lang", "zh", *jiangsu, "template", str(sheet), "-p", "全年")
    assert made.exit_code == 0, made.output
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    grain = next(row for row in rows if row.startswith("grain_output,"))
    assert grain == "grain_output,2026,,,,,粮食产量,增速%（比上年同期，非总量）,,"
    filled = [rows[0], grain.replace("grain_output,2026,,", "grain_output,2026,0.3,")]
    sheet.write_text("\n".join(filled) + "\n", encoding="utf-8")
    result = invoke("--lang", "zh", *jiangsu, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "警告" not in result.stderr, result.stderr
    assert _actuals(invoke, jiangsu)["grain_output"]["actual"] == 0.3


def test_a_trend_given_its_total_by_hand_is_warned_of(invoke: Any, jiangsu: list[str]) -> None:
    """`record grain_output 762.4 -p 2026`, the 统计公报's 亿斤 typed for the trend's growth, went
    in silently, and the report said 粮食产量增长762.4%. It is still recorded as given (a likely
    slip, not a sure one), with the warning a growth target's 累计值 typed as its growth gets;
    a real growth (0.3) is not warned of."""
    result = invoke("--lang", "zh", *jiangsu, "record", "grain_output", "762.4", "-p", "2026")
    assert result.exit_code == 0, result.output
    assert (
        "grain_output 2026 = 762.4 %：比上年增速远超任何可能的幅度；"
        "是否把总量（累计值）填进了增速栏？" in result.stderr
    ), result.stderr
    again = invoke("--lang", "zh", *jiangsu, "record", "grain_output", "0.3", "-p", "2026")
    assert again.exit_code == 0 and "警告" not in again.stderr, again.stderr
