"""Session 43's walk of the bundled 甘肃 and 陕西 2026 plans in Chinese: each plan checked figure
by figure and word by word against its report (甘肃 line 54 and the reviews, lines 22-36; 陕西
line 46 and the reviews, lines 24-34), then a 统计局 analyst's half year on each: the 1-6月
主要经济指标 sheet (xlsx: a title, a 单位 line, 指标名称 | 计量单位 | 1-6月 | 比上年同期增长(%), a
注 under it; and the same as CSV) imported, status, gap, show and the 时间过半 report. The two
plan guards pass on the base as well (the walk found every figure right); the others pin what
the walk changed."""

from __future__ import annotations

import csv
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.conftest import CORPUS

DATA = Path(__file__).parent.parent / "data" / "2026"
GANSU = DATA / "gansu.toml"
SHAANXI = DATA / "shaanxi.toml"
GANSU_REPORT = CORPUS / "甘肃省.txt"
SHAANXI_REPORT = CORPUS / "陕西省.txt"


def _plan(path: Path) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in tomllib.loads(path.read_text(encoding="utf-8"))["targets"]}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_gansu_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (line 54): seventeen targets, each bound, kind, unit and
    direction as the paragraph words it, nothing missing, nothing else; the baselines are the
    2025 paragraph's (line 36) and the 十四五 review's end-of-period levels (lines 22, 30)."""
    by_id = _plan(GANSU)
    lines = _lines(GANSU_REPORT)
    paragraph = lines[53]
    assert paragraph.startswith("经济社会发展的主要预期目标是：")
    for target in by_id.values():
        assert target["quote"] in paragraph, target["id"]
    # every figure of the paragraph is a target's (5.5 twice: GDP and 三产, budget revenue and
    # the unemployment rate)
    figures = sorted(float(f) for f in re.findall(r"(\d+(?:\.\d+)?)(?:%|个百分点|万吨)", paragraph))
    bounds = sorted(
        float(t.get("around", t.get("min", 0)))
        for t in by_id.values()
        if not t.get("pending") and ("around" in t or "min" in t)
    )
    assert figures == bounds, (figures, bounds)
    around = {i: t["around"] for i, t in by_id.items() if "around" in t}
    assert around == {
        "gdp": 5.5,
        "primary_value_added": 6,
        "secondary_value_added": 6,
        "tertiary_value_added": 5.5,
        "industrial_value_added": 8,
        "fixed_asset_investment": 4.5,
        "retail_sales": 4,
        "budget_revenue": 5.5,
        "surveyed_unemployment_rate": 5.5,
        "urban_income": 5,  # 分别增长5%、6.5%左右: 左右 governs both
        "rural_income": 6.5,
        "cpi": 2,
    }
    assert {i: t["min"] for i, t in by_id.items() if "min" in t} == {
        "foreign_trade": 10,
        "urbanization_rate": 1,
        "grain_output": 1300,
    }
    assert not any("max" in t or "stretch" in t for t in by_id.values())
    assert by_id["urbanization_rate"]["kind"] == "change"
    assert by_id["grain_output"]["unit"] == "万吨"
    assert by_id["surveyed_unemployment_rate"]["direction"] == "down"
    assert by_id["cpi"]["direction"] == "band"
    assert by_id["co2_intensity"]["decline"] is True
    assert {i for i, t in by_id.items() if t.get("pending")} == {
        "co2_intensity",
        "eco_binding_indicators",
    }
    baselines = {i: t["baseline"] for i, t in by_id.items() if "baseline" in t}
    assert baselines == {
        "gdp": {"year": 2025, "value": 13697.5, "growth": 5.8},
        "industrial_value_added": {"year": 2025, "growth": 9.5},
        "retail_sales": {"year": 2025, "growth": 2.5},
        "budget_revenue": {"year": 2025, "value": 1112.4, "growth": 5.7},
        "urbanization_rate": {"year": 2025, "value": 58.08},
    }
    for words in (
        "地区生产总值增长5.8%",
        "规模以上工业增加值增长9.5%",
        "一般公共预算收入增长5.7%",
        "社会消费品零售总额增长2.5%",
    ):
        assert words in lines[35], words
    assert "全省地区生产总值达到13697.5亿元" in lines[21]
    assert "一般公共预算收入从874.6亿元增加到1112.4亿元" in lines[21]
    assert "常住人口城镇化率由52.23%提高到58.08%" in lines[29]


def test_shaanxi_every_headline_figure_is_the_reports() -> None:
    """The paragraph (line 46, full-width ％): twelve targets (two relations of 居民收入, two
    outside series, two pending), and the 2025 figures of lines 24 and 28; no GDP level, as the
    review states none (跨过3万亿元, line 34)."""
    by_id = _plan(SHAANXI)
    lines = _lines(SHAANXI_REPORT)
    paragraph = lines[45]
    assert paragraph.startswith("经济社会发展的主要预期目标是：")
    for target in by_id.values():
        assert target["quote"] in paragraph, target["id"]
    assert by_id["gdp"]["around"] == 5
    assert by_id["budget_revenue"]["min"] == 3 and "around" not in by_id["budget_revenue"]
    assert by_id["new_urban_jobs"]["min"] == 40 and by_id["new_urban_jobs"]["kind"] == "cumulative"
    assert by_id["surveyed_unemployment_rate"]["around"] == 5.5
    assert by_id["surveyed_unemployment_rate"]["direction"] == "down"
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    relations = {
        i: (t["reference"], t["relation"]) for i, t in by_id.items() if t["kind"] == "relative"
    }
    assert relations == {
        "fixed_asset_investment": ("national_fai_growth", "not_below"),  # 保持在…以上
        "resident_income": ("gdp", "above"),
        "resident_income_national": ("national_income_growth", "above"),
    }
    assert {i for i, t in by_id.items() if t.get("pending")} == {"grain_output", "co2_intensity"}
    assert by_id["co2_intensity"]["decline"] is True
    baselines = {i: t["baseline"] for i, t in by_id.items() if "baseline" in t}
    assert baselines == {
        "gdp": {"year": 2025, "growth": 5.1},
        "resident_income": {"year": 2025, "growth": 5.6},
        "resident_income_national": {"year": 2025, "growth": 5.6},
        "new_urban_jobs": {"year": 2025, "value": 44.1},
        "surveyed_unemployment_rate": {"year": 2025, "value": 5.3},
        "grain_output": {"year": 2025, "value": 1347},
    }
    for words in ("地区生产总值增长5.1％", "城镇新增就业44.1万人", "居民人均可支配收入增长5.6％"):
        assert words in lines[23], words
    assert "粮食产量1347万吨" in lines[23]
    assert "城镇调查失业率5.3％" in lines[27]
    # the review's only GDP level is a threshold: no figure for a `baseline.value`
    review = "\n".join(lines[:45])
    levels = re.findall(r"生产总值[^，。；、]{0,8}?\d+(?:\.\d+)?万?亿元", review)
    assert levels == ["生产总值跨过3万亿元"] and "地区生产总值跨过3万亿元" in lines[33]
    assert "value" not in by_id["gdp"]["baseline"]


def test_gansu_cpi_note_gives_the_bands_reason_as_the_other_plans_do() -> None:
    """居民消费价格涨幅2% (no 左右) is read as a band: the note said only that it was forced;
    every other plan's CPI note gives why a band (the national 2% is an aim, not a ceiling)."""
    by_id = _plan(GANSU)
    reason = "自2025年起，国家的CPI目标是预期达到的水平，不是上限"
    assert by_id["cpi"]["note"].startswith("强制解读：报告写2%，未带“左右”")
    assert reason in by_id["cpi"]["note"]
    assert "an aim to reach, not a ceiling" in by_id["cpi"]["note_en"]
    assert reason in _plan(DATA / "guizhou.toml")["cpi"]["note"]


@pytest.mark.parametrize(
    ("path", "reasons"),
    [
        (
            GANSU,
            {
                "primary_value_added": "第一产业增加值增速连续19个季度居全国前5位",
                "fixed_asset_investment": "扣除房地产开发投资后，固定资产投资增长2.7%",
                "foreign_trade": "外贸进出口总值首次突破700亿元、年均增长13.2%",
                "surveyed_unemployment_rate": "No baseline: the report gives no 2025 rate",
                "urban_income": "全体居民人均可支配收入增长6.1%",
                "grain_output": "粮食总产量突破1300万吨，创历史新高",
            },
        ),
        (
            SHAANXI,
            {
                "gdp": 'No level: the "十四五" review says only "地区生产总值跨过3万亿元"',
                "fixed_asset_investment": "民间投资: line 26",
                "budget_revenue": "一般公共预算收入年均增长7.8％",
            },
        ),
    ],
)
def test_each_absent_baseline_says_why_citing_the_reports_line(
    path: Path, reasons: dict[str, str]
) -> None:
    """As the recent walks' plans (贵州, 江苏, 湖北): the comment above a target without a
    baseline (or without a level) says what the review gives instead, and the header names the
    figures the review does not give; the comments cite the report's lines."""
    text = path.read_text(encoding="utf-8")
    report = (GANSU_REPORT if path == GANSU else SHAANXI_REPORT).read_text(encoding="utf-8")
    blocks = text.split("[[targets]]")
    for target_id, reason in reasons.items():
        at = next(i for i, b in enumerate(blocks[1:], 1) if f'id = "{target_id}"' in b)
        above = "\n".join(line for line in blocks[at - 1].splitlines() if line.startswith("#"))
        assert reason in above, (target_id, above)
        quoted = re.findall(r"\"([^\"]*[\u4e00-\u9fff][^\"]*)\"", reason)
        for words in quoted:
            if words != "十四五":
                assert words in report, words
    assert "session 43's walk" in text.split("[plan]")[0]
    assert re.search(r"line \d+", text.split("[plan]")[0])


# ------------------------------------------------------------------ the analyst's half year


_GANSU_ROWS: list[list[Any]] = [
    ["地区生产总值", "亿元", 6512.3, 5.7],
    ["第一产业增加值", "亿元", 520.1, 6.2],
    ["第二产业增加值", "亿元", 2310.4, 6.1],
    ["第三产业增加值", "亿元", 3681.8, 5.3],
    ["规模以上工业增加值", "亿元", "—", 8.4],
    ["固定资产投资", "亿元", "—", 3.1],
    ["社会消费品零售总额", "亿元", 2015.6, 4.3],
    ["进出口总值", "亿元", 398.2, 12.5],
    ["一般公共预算收入", "亿元", 612.7, 5.2],
    ["城镇调查失业率", "%", 5.4, "—"],
    ["城镇居民人均可支配收入", "元", 21480, 4.8],
    ["农村居民人均可支配收入", "元", 6320, 6.6],
    ["居民消费价格指数", "%", "—", 0.4],
]

_SHAANXI_ROWS: list[list[Any]] = [
    ["地区生产总值", "亿元", 16420.5, 5.3],
    ["规模以上工业增加值", "亿元", "—", 6.8],
    ["固定资产投资", "亿元", "—", 2.1],
    ["社会消费品零售总额", "亿元", 5480.2, 4.6],
    ["一般公共预算收入", "亿元", 1768.4, 3.4],
    ["全体居民人均可支配收入", "元", 17215, 5.6],
    ["城镇新增就业", "万人", 22.6, "—"],
    ["城镇调查失业率", "%", 5.2, "—"],
    ["居民消费价格指数", "%", "—", 0.3],
]

_HEADER = ["指标名称", "计量单位", "1-6月", "比上年同期增长(%)"]


def _sheet(path: Path, place: str, rows: list[list[Any]]) -> Path:
    """The bureau's 1-6月 sheet as Excel exports it, or as CSV (the table alone)."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(_HEADER)
            writer.writerows(rows)
        return path
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"2026年1-6月{place}主要经济指标"])
    sheet.append(["", "", "", "单位：亿元、%"])
    sheet.append(_HEADER)
    for row in rows:
        sheet.append(row)
    sheet.append(["注：地区生产总值、规模以上工业增加值增速按可比价格计算。"])
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_gansu_half_year_sheet_lands_on_every_target(
    invoke: Any, tmp_path: Path, suffix: str
) -> None:
    """All thirteen rows as the bureau names them (第一产业增加值 for 一产增加值, 进出口总值 for
    外贸进出口总值, 居民消费价格指数's rise in the growth column), each on its target, GDP's
    and the incomes' in the quarterly rhythm; the half-year report says what the rest of the
    year needs where the plan has last year's level (GDP 13697.5, budget revenue 1112.4)."""
    plan = ["--lang", "zh", "--plan", "gansu-2026", "--ledger", str(tmp_path / "gs.toml")]
    sheet = _sheet(tmp_path / f"甘肃2026年1-6月主要经济指标{suffix}", "甘肃省", _GANSU_ROWS)
    result = invoke(*plan, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "新增 13" in result.stderr, result.stderr
    gap = json.loads(invoke(*plan, "gap", "--json", "--as-of", "2026-06").stdout)
    by_id = {t["id"]: t for t in gap["targets"]}
    assert {i: t["actual"] for i, t in by_id.items() if t["actual"] is not None} == {
        "gdp": 5.7,
        "primary_value_added": 6.2,
        "secondary_value_added": 6.1,
        "tertiary_value_added": 5.3,
        "industrial_value_added": 8.4,
        "fixed_asset_investment": 3.1,
        "retail_sales": 4.3,
        "foreign_trade": 12.5,
        "budget_revenue": 5.2,
        "surveyed_unemployment_rate": 5.4,
        "urban_income": 4.8,
        "rural_income": 6.6,
        "cpi": 0.4,
    }
    assert by_id["gdp"]["period"] == "2026-Q2" and by_id["cpi"]["period"] == "2026-06"
    report = invoke(*plan, "report", "--as-of", "1-6月")
    assert report.exit_code == 0, report.output
    text = report.stdout
    counts = "正常推进11项、存在风险1项、偏离目标区间1项、待下达目标2项、尚无数据2项"
    assert f"17项目标中，{counts}" in text
    assert "地区生产总值累计增长5.7%，达到5.5%左右的目标，余下月份增长5.34%即可达到5.5%" in text
    assert "余下月份需增长5.83%方能达到5.5%" in text  # 一般公共预算收入 5.2% of 5.5%左右
    assert "固定资产投资累计增长3.1%，低于4.5%左右的目标（按4%以上考核）0.9个百分点" in text
    assert "常住人口城镇化率；粮食产量（均为年度指标，年底报送）" in text


def test_shaanxi_half_year_sheet_and_its_two_relations(invoke: Any, tmp_path: Path) -> None:
    """陕西's sheet: 地区生产总值 is the plan's 生产总值, 全体居民人均可支配收入 its 居民收入;
    the two rows the plan does not track are refused by name unless skipped; with the national
    figures recorded, the report weighs FAI against 全国 and income against GDP, and says
    时间过半 with 城镇新增就业 past half its 40万人."""
    plan = ["--lang", "zh", "--plan", "shaanxi-2026", "--ledger", str(tmp_path / "sx.toml")]
    sheet = _sheet(tmp_path / "陕西2026年1-6月主要经济指标.xlsx", "陕西省", _SHAANXI_ROWS)
    refused = invoke(*plan, "import", str(sheet))
    assert refused.exit_code == 2
    assert "没有目标 '规模以上工业增加值'" in refused.stderr
    assert "--skip-unknown" in refused.stderr
    result = invoke(*plan, "import", "--skip-unknown", str(sheet))
    assert result.exit_code == 0, result.output
    assert "新增 7" in result.stderr, result.stderr
    for target, value, period in (
        ("national_fai_growth", "2.8", "1-6月"),
        ("national_income_growth", "5.2", "上半年"),
    ):
        recorded = invoke(*plan, "record", target, value, "-p", period)
        assert recorded.exit_code == 0, recorded.output
    report = invoke(*plan, "report", "--as-of", "上半年").stdout
    assert "生产总值累计增长5.3%，达到5%左右的目标。" in report
    assert "固定资产投资累计增长2.1%，低于全国固定资产投资增速（2.8%）0.7个百分点" in report
    assert "居民收入累计增长5.6%，高于生产总值增长（5.3%）" in report
    assert "时间过半，按完成率计的1项目标（城镇新增就业）任务已过半" in report
    assert "城镇新增就业累计完成22.6万人，完成年度目标（40万人）的56.5%" in report
