"""Session 41's walk of the bundled 北京 2026 plan in Chinese (地区生产总值增长5%左右;
一般公共预算收入增长4%左右; 城镇调查失业率控制在5%以内; 居民消费价格涨幅2%左右; 居民收入增长和
经济增长同步; 细颗粒物年均浓度控制在29微克/立方米左右; 能源、水资源、碳排放等指标达到国家要求),
a 统计局 analyst's year: a workspace begun, the 1-3月 and 1-6月 bulletins (xlsx, a title, a
单位 line, 指标 | 单位 | 1-3月 | 比上年同期增长(%)) and the 1-9月 one (CSV) imported, figures
recorded, amended and undone by hand, the reports. Each test is a slip the walk met, or the
plan's figures checked against the report."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.conftest import CORPUS

PLAN = Path(__file__).parent.parent / "data" / "2026" / "beijing.toml"
REPORT = CORPUS / "北京市.txt"


@pytest.fixture
def beijing(tmp_path: Path) -> list[str]:
    return ["--plan", "beijing-2026", "--ledger", str(tmp_path / "bj.progress.toml")]


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 50) and the 2025 review (lines 22 and 27),
    figure by figure: the plan holds each of the paragraph's seven clauses (能源、水资源、碳排放
    read as three pending targets), nothing else, and the review's baselines. A guard: the
    walk found them right (it passes on the base as well)."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    by_id = {t["id"]: t for t in plan["targets"]}
    assert list(by_id) == [
        "gdp",
        "budget_revenue",
        "surveyed_unemployment_rate",
        "cpi",
        "resident_income",
        "pm25",
        "energy_intensity",
        "water_intensity",
        "co2_intensity",
    ]
    paragraph = lines[49]
    assert paragraph.startswith("今年经济社会发展主要预期目标是：")
    for target in plan["targets"]:
        assert target["quote"] in paragraph, target["id"]
    assert by_id["gdp"]["around"] == 5 and "地区生产总值增长5%左右，" in paragraph
    assert by_id["gdp"]["baseline"] == {  # 全市地区生产总值5.2万亿元 (since session 42)
        "year": 2025,
        "value": 52000,
        "value_text": "5.2万亿元",
        "growth": 5.4,
    }
    assert "全市地区生产总值5.2万亿元、增长5.4%" in lines[21]
    assert by_id["budget_revenue"]["around"] == 4
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "growth": 4.8}
    assert "一般公共预算收入增长4.8%" in lines[21]
    assert by_id["surveyed_unemployment_rate"]["max"] == 5
    assert by_id["surveyed_unemployment_rate"]["baseline"] == {"year": 2025, "value": 4.1}
    assert "城镇调查失业率4.1%" in lines[21]
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    assert "baseline" not in by_id["cpi"] and "居民消费价格总体平稳" in lines[21]
    assert by_id["resident_income"]["relation"] == "same"
    assert by_id["resident_income"]["baseline"] == {"year": 2025, "growth": 4.4}
    assert "居民人均可支配收入实际增长4.4%" in lines[21]
    assert by_id["pm25"]["around"] == 29 and by_id["pm25"]["direction"] == "down"
    assert by_id["pm25"]["baseline"] == {"year": 2025, "value": 27, "growth": -11.5}
    assert "细颗粒物年均浓度27微克/立方米、下降11.5%" in lines[26]
    for pending in ("energy_intensity", "water_intensity", "co2_intensity"):
        assert by_id[pending]["pending"] is True


def _bulletin(path: Path, period: str, rows: list[list[Any]]) -> Path:
    """A 统计局 主要经济指标 sheet as Excel exports it: a title, a 单位 line, one header row,
    a 注 under the table."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"2026年{period}北京市主要经济指标"])
    sheet.append(["", "", "", "单位：亿元、%"])
    sheet.append(["指标", "单位", period, "比上年同期增长(%)"])
    for row in rows:
        sheet.append(row)
    sheet.append(["注：地区生产总值、居民收入增速按可比价格计算。"])
    book.save(path)
    return path


@pytest.mark.parametrize("name", ["细颗粒物（PM2.5）年均浓度", "细颗粒物(PM2.5)年均浓度"])
def test_the_bulletins_pm25_row_is_the_plans(
    invoke: Any, beijing: list[str], tmp_path: Path, name: str
) -> None:
    """生态环境 bulletins and 统计局 sheets name 北京's PM2.5 target 细颗粒物（PM2.5）年均浓度, the
    abbreviation bracketed inside the name; the plan says 细颗粒物年均浓度. The walk's 1-3月
    sheet was refused, exit 2: 计划 beijing-2026 中没有目标 '细颗粒物(PM2.5)年均浓度', though a
    trailing （GDP） was read past."""
    path = _bulletin(
        tmp_path / "2026年1-3月主要经济指标.xlsx",
        "1-3月",
        [["地区生产总值", "亿元", 12840.6, 5.1], [name, "微克/立方米", 38, "—"]],
    )
    result = invoke("--lang", "zh", *beijing, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "新增 2" in result.stderr, result.stderr
    gap = {t["id"]: t for t in json.loads(invoke(*beijing, "gap", "--json").stdout)["targets"]}
    assert gap["pm25"]["actual"] == 38 and gap["gdp"]["actual"] == 5.1


def test_only_an_abbreviation_inside_a_name_is_read_past() -> None:
    """The names compared: an abbreviation between a name's Chinese words goes (R&D too); a
    unit so bracketed stays (装机（MW）容量 is not 装机容量), and a bracket ending the name is
    left to the qualifier rule, as before."""
    from plancli.bulletin_names import name_key

    assert name_key("细颗粒物（PM2.5）年均浓度") == name_key("细颗粒物年均浓度")
    assert name_key("研究与试验发展（R&D）经费") == name_key("研究与试验发展经费")
    assert name_key("新增装机（MW）容量") != name_key("新增装机容量")
    assert name_key("地区生产总值（GDP）") == "地区生产总值(gdp)"
    assert name_key("可吸入颗粒物（PM10）浓度") == name_key("可吸入颗粒物浓度")


def test_undo_keeps_a_figures_unit_whole_at_80_columns(invoke: Any, beijing: list[str]) -> None:
    """`undo` of the walk's 1-9月 import at 80 columns (a 26-cell id beside four figure
    columns): Rich narrowed the widest figure columns alike, below a word, and pm25's
    `28 微克/立方米` showed as `28` over `微克/立方…`: the unit was cut. Now each figure keeps
    its words; the amounts wrap between number and unit instead."""
    rows = [
        ("gdp", "4.9", "39502.7", "2026-Q3"),
        ("budget_revenue", "4.1", "5010.6", "2026-09"),
        ("surveyed_unemployment_rate", "4.2", None, "2026-09"),
        ("resident_income", "4.8", "68210", "2026-Q3"),
        ("pm25", "28", None, "2026-09"),
    ]
    lines = ["target,period,value,amount"]
    lines += [f"{t},{p},{v},{a or ''}" for t, v, a, p in rows]
    result = invoke(*beijing, "import", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    undo = invoke("--lang", "zh", *beijing, "undo", "--dry-run")
    assert undo.exit_code == 0, undo.output
    assert "…" not in undo.stdout, undo.stdout
    assert "微克/立方米" in undo.stdout, undo.stdout
    assert "surveyed_unemployment_rate" in undo.stdout  # the id whole, as before
    assert max(len(line) for line in undo.stdout.splitlines()) <= 80


def test_import_table_keeps_a_figures_unit_whole_at_80_columns(
    invoke: Any, beijing: list[str], tmp_path: Path
) -> None:
    """The import table (row, id, period, now, new) at 80 columns: a revision of pm25 whose
    now/new figures both carry 微克/立方米 beside a 26-cell id keeps every unit whole. A guard
    on the import table's new widths (Rich already laid this one out whole: passes on the base)."""
    first = "target,period,value\npm25,2026-06,31\nsurveyed_unemployment_rate,2026-06,4.4\n"
    assert invoke(*beijing, "import", "-", input=first).exit_code == 0
    again = "target,period,value\npm25,2026-06,30.5\nsurveyed_unemployment_rate,2026-06,4.5\n"
    result = invoke("--lang", "zh", *beijing, "import", "-", "--dry-run", input=again)
    assert result.exit_code == 0, result.output
    table = result.stdout + result.stderr
    assert "…" not in table and table.count("微克/立方米") == 2, table


def _income_sheet(path: Path, header: str, row: str) -> Path:
    title = "2026年一季度北京市居民收支情况"
    path.write_text(f"{title},,,,\n指标,单位,1-3月,{header}\n{row}\n", encoding="utf-8")
    return path


def test_an_income_tables_real_growth_is_read_and_its_nominal_passed(
    invoke: Any, beijing: list[str], tmp_path: Path
) -> None:
    """北京's 居民收支 table gives 全市居民人均可支配收入 25460 元, 名义增长 4.6 and 实际增长
    4.2; the plan's note says to record the real growth (GDP's is at constant prices). Both
    columns were unknown (无法识别的列 '名义增长(%)', '实际增长(%)'), exit 2; now the real
    growth is the figure and the nominal one is read past, named."""
    path = _income_sheet(
        tmp_path / "收支.csv", "名义增长(%),实际增长(%)", "全市居民人均可支配收入,元,25460,4.6,4.2"
    )
    result = invoke("--lang", "zh", *beijing, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "跳过 '名义增长(%)' 列" in result.stderr, result.stderr
    gap = {t["id"]: t for t in json.loads(invoke(*beijing, "gap", "--json").stdout)["targets"]}
    assert gap["resident_income"]["actual"] == 4.2
    assert gap["resident_income"]["amount"] == 25460
    alone = _income_sheet(
        tmp_path / "收支2.csv", "比上年同期实际增长（%）", "全市居民人均可支配收入,元,25460,4.1"
    )
    assert invoke(*beijing, "import", str(alone)).exit_code == 0


def test_an_income_rows_nominal_growth_alone_is_refused_saying_so(
    invoke: Any, beijing: list[str], tmp_path: Path
) -> None:
    """Only the nominal growth: refused, exit 2, the message naming it and the column to add
    (not a bare 'add a 累计增长 column' while the file has a growth column)."""
    path = _income_sheet(
        tmp_path / "收支.csv", "名义增长(%)", "全市居民人均可支配收入,元,25460,4.6"
    )
    result = invoke("--lang", "zh", *beijing, "import", str(path))
    assert result.exit_code == 2
    assert (
        "resident_income 是相对类目标：应录入实际增速%，而文件只给出其总量 '1-3月' "
        "和名义增速 '名义增长(%)'（名义增速不读）；请增加“实际增长”列"
    ) in result.stderr, result.stderr
    assert not (tmp_path / "bj.progress.toml").exists()


def test_the_year_end_bulletins_intensity_rows_are_the_plans(
    invoke: Any, beijing: list[str], tmp_path: Path
) -> None:
    """北京 writes its intensities 万元地区生产总值能耗、水耗 (review, report line 22) and so
    does its 统计公报; the plan names them 能源指标, 水资源指标, 碳排放指标, and only
    单位地区生产总值能耗 was read (a shared name). The walk's year-end rows were refused,
    exit 2, 计划 beijing-2026 中没有目标 '万元地区生产总值能耗' (水耗, 二氧化碳排放 alike);
    the plan's aliases now name them."""
    path = tmp_path / "2026年统计公报.csv"
    path.write_text(
        "北京市2026年国民经济和社会发展统计公报主要指标,,,\n"
        "指标,单位,全年,比上年增长（%）\n"
        "万元地区生产总值能耗,吨标准煤,,-3.2\n"
        "万元地区生产总值水耗,立方米,,-2.5\n"
        "万元地区生产总值二氧化碳排放,吨,,-3.1\n",
        encoding="utf-8",
    )
    for target, bound in (
        ("energy_intensity", "3"),
        ("water_intensity", "2"),
        ("co2_intensity", "3.5"),
    ):
        amended = invoke(*beijing, "amend", target, "--min", bound, "--from", "2026-01")
        assert amended.exit_code == 0, amended.output
    result = invoke("--lang", "zh", *beijing, "import", str(path))
    assert result.exit_code == 0, result.output
    gap = {t["id"]: t for t in json.loads(invoke(*beijing, "gap", "--json").stdout)["targets"]}
    assert [gap[t]["status"] for t in ("energy_intensity", "water_intensity", "co2_intensity")] == [
        "met",
        "met",
        "missed",
    ]
    assert gap["co2_intensity"]["actual_text"] == "-3.1%"
