"""Session 41's walk of the bundled 天津 2026 plan in Chinese (地区生产总值增长4.5%;
一般公共预算收入增长2%; 固定资产投资提质增效; 城镇调查失业率5.5%左右, 城镇新增就业28万人;
居民消费价格涨幅2%左右; 居民收入增长和经济增长基本同步; 节能减排减污降碳指标完成国家下达目标),
a 统计局 analyst's year: a workspace begun, the 1-3月 (GB18030 CSV), 1-6月 (xlsx, two-row
header) and 1-9月 bulletins and the year-end 统计公报 imported, figures recorded, amended and
undone by hand, the reports. Each test is a slip the walk met, or the plan's figures checked
against the report."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

PLAN = Path(__file__).parent.parent / "data" / "2026" / "tianjin.toml"
REPORT = CORPUS / "天津市.txt"


@pytest.fixture
def tianjin(tmp_path: Path) -> list[str]:
    return ["--plan", "tianjin-2026", "--ledger", str(tmp_path / "tj.progress.toml")]


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 72) and the 2025 review (line 21), figure by
    figure: the plan holds each of the paragraph's eight clauses (节能减排减污降碳 read as three
    pending targets), nothing else, and the two baselines the review states. A guard: the walk
    found them right (it passes on the base as well)."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    by_id = {t["id"]: t for t in plan["targets"]}
    assert list(by_id) == [
        "gdp",
        "budget_revenue",
        "fixed_asset_investment",
        "surveyed_unemployment_rate",
        "new_urban_jobs",
        "cpi",
        "resident_income",
        "energy_intensity",
        "emission_reduction",
        "co2_intensity",
    ]
    paragraph = lines[71]
    assert paragraph.startswith("今年经济社会发展主要预期目标是：")
    for target in plan["targets"]:
        assert target["quote"] in paragraph, target["id"]
    assert by_id["gdp"]["min"] == 4.5 and "地区生产总值增长4.5%，" in paragraph
    assert by_id["gdp"]["baseline"] == {"year": 2025, "growth": 4.8}
    assert "全市地区生产总值增长4.8%" in lines[20]
    assert by_id["budget_revenue"]["min"] == 2 and "一般公共预算收入增长2%；" in paragraph
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "growth": 4.1}
    assert "一般公共预算收入增长4.1%" in lines[20]
    assert by_id["fixed_asset_investment"]["kind"] == "indicator"
    assert by_id["surveyed_unemployment_rate"]["around"] == 5.5
    assert by_id["new_urban_jobs"]["min"] == 28 and "baseline" not in by_id["new_urban_jobs"]
    assert "新增就业32.7万人" in REPORT.read_text(encoding="utf-8")  # not 城镇新增就业: none
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    assert by_id["resident_income"]["relation"] == "same"
    for pending in ("energy_intensity", "emission_reduction", "co2_intensity"):
        assert by_id[pending]["pending"] is True


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("能耗", ["energy_intensity"]),  # 单位地区生产总值能耗, the 统计公报's row
        ("单位地区生产总值能耗", ["energy_intensity"]),
        ("二氧化碳", ["co2_intensity"]),
        ("可支配收入", ["resident_income"]),  # 全市居民人均可支配收入
        ("收入", ["budget_revenue", "resident_income"]),  # as before
    ],
)
def test_search_finds_a_target_by_the_name_the_bulletins_give_it(
    invoke: Any, tianjin: list[str], typed: str, found: list[str]
) -> None:
    """天津's plan names its targets 节能指标, 降碳指标, 居民收入; the 统计公报 and `import`
    say 单位地区生产总值能耗, 单位地区生产总值二氧化碳排放, 全市居民人均可支配收入 (import
    read the walk's rows as those targets). `targets --search 能耗` said
    没有名称或编号含 '能耗' 的目标, and 可支配收入 the same: the analyst could not find the id
    to type for a bulletin's row."""
    result = invoke("--lang", "zh", *tianjin, "targets", "--search", typed, "--json")
    assert result.exit_code == 0, result.output
    assert [t["id"] for t in json.loads(result.stdout)["targets"]] == found
    table = invoke("--lang", "zh", *tianjin, "targets", "--search", typed)
    assert found[0] in table.stdout and "没有" not in table.stderr


def test_search_finds_a_target_by_its_alias(invoke: Any, tmp_path: Path) -> None:
    """A plan's `aliases` (the name a 月报 gives a target, docs/monthly-update-zh.md) are read by
    import but were not searched: an alias 新增就业 (天津's review's word) found nothing."""
    text = PLAN.read_text(encoding="utf-8").replace(
        'name_en = "New urban jobs"', 'name_en = "New urban jobs"\naliases = ["新增就业人数"]'
    )
    plan = tmp_path / "tianjin.toml"
    plan.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(plan), "targets", "--search", "新增就业人数", "--json")
    assert result.exit_code == 0, result.output
    assert [t["id"] for t in json.loads(result.stdout)["targets"]] == ["new_urban_jobs"]
    nothing = invoke("--plan", str(plan), "--lang", "zh", "targets", "--search", "基站")
    assert nothing.stderr.startswith("没有名称或编号含 '基站' 的目标")


def test_the_template_says_cpis_rise_not_its_index(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    """天津's CPI (居民消费价格涨幅2%左右, a level in a band, as in 13 of the 2026 plans) had the
    template unit `%`, where 山东's tracked CPI says 涨幅%（比上年同期，非指数）: the walk's 统计局
    row is 居民消费价格指数(上年同期=100) 100.6, and typed into the template it was only warned of.
    The filled template still imports without a unit warning."""
    from plancli.plan import load_plan
    from plancli.template_units import unit_text

    cpi = next(t for t in load_plan("tianjin-2026").targets if t.id == "cpi")
    assert unit_text(cpi, "zh") == "涨幅%（比上年同期，非指数）"
    assert unit_text(cpi, "en") == "rise % (on last year, not the index)"
    jobless = next(t for t in load_plan("tianjin-2026").targets if t.id.startswith("surveyed"))
    assert unit_text(jobless, "zh") == "%"  # a rate stays its unit
    assert invoke(*tianjin, "record", "new_urban_jobs", "4.1", "-p", "1-2月").exit_code == 0
    sheet = invoke("--lang", "zh", *tianjin, "template", "-", "--period", "2026-03").stdout
    assert "cpi,2026-03,,,,,居民消费价格涨幅,涨幅%（比上年同期，非指数）,," in sheet
    filled = tmp_path / "3月.csv"
    rows = [line for line in sheet.splitlines() if line.startswith(("指标代码,", "cpi,"))]
    filled.write_text("\n".join(rows).replace("cpi,2026-03,,", "cpi,2026-03,0.4,") + "\n", "utf-8")
    result = invoke("--lang", "zh", *tianjin, "import", str(filled))
    assert result.exit_code == 0, result.output
    assert "警告" not in result.stderr and "新增 1" in result.stderr, result.stderr


def test_the_half_year_bulletin_as_excel_exports_it(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    """The walk's 1-6月 sheet: a title, a period-and-unit line, 6月/1-6月 merged over 绝对值 |
    增长（%）, rows the plan does not track, a 注 line; 全市居民人均可支配收入 is 居民收入. Then the
    report's 时间过半、任务过半 sentence. A guard: it imports so on the base as well."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要经济指标"
    sheet.append(["2026年上半年天津市主要经济指标"])
    sheet.append(["2026年1-6月", None, None, None, None, "单位：亿元、%"])
    sheet.append(["指标名称", "计量单位", "6月", None, "1-6月", None])
    sheet.append([None, None, "绝对值", "增长（%）", "绝对值", "增长（%）"])
    for cells in ("C3:D3", "E3:F3", "A3:A4", "B3:B4"):
        sheet.merge_cells(cells)
    for row in (
        ["地区生产总值", "亿元", None, None, 9120.55, 4.6],
        ["社会消费品零售总额", "亿元", 172.3, 3.0, 1930.6, 3.2],
        ["一般公共预算收入", "亿元", 95.2, 1.1, 1105.8, 2.4],
        ["居民消费价格", "%", None, 0.8, None, 0.7],
        ["城镇新增就业", "万人", None, None, 15.8, None],
        ["全市居民人均可支配收入", "元", None, None, 29870, 4.8],
    ):
        sheet.append(row)
    sheet.append(["注：地区生产总值按不变价格计算增长速度。"])
    path = tmp_path / "天津市2026年上半年主要经济指标.xlsx"
    book.save(path)
    result = invoke("--lang", "zh", *tianjin, "import", str(path), "--skip-unknown")
    assert result.exit_code == 0, result.output
    assert "新增 5" in result.stderr
    gap = json.loads(invoke(*tianjin, "gap", "--json").stdout)
    actual = {t["id"]: (t["actual"], t["amount"], t["period"]) for t in gap["targets"]}
    assert actual["gdp"] == (4.6, 9120.55, "2026-Q2")
    assert actual["resident_income"] == (4.8, 29870, "2026-Q2")
    assert actual["new_urban_jobs"] == (15.8, None, "2026-06")
    report = invoke("--lang", "zh", *tianjin, "report").stdout
    assert "时间过半，按完成率计的1项目标（城镇新增就业）任务已过半。" in report
    assert "居民收入累计增长4.8%，与地区生产总值增长（4.6%）基本同步。" in report


def test_a_figure_against_a_bound_to_come_keeps_its_unit(invoke: Any, tianjin: list[str]) -> None:
    """天津's 减排减污指标 (the national allocation of 主要污染物减排量, in 万吨, pending): gap's
    完成值 / 目标 cell wrote the walk's 1.3 万吨 as `1.3/待下达`, no unit anywhere on the row, where
    a bound's figure carries it (`15.8/28万人`) and the report's table says 1.3万吨."""
    assert invoke(*tianjin, "record", "emission_reduction", "1.3", "-p", "2026").exit_code == 0
    assert invoke(*tianjin, "record", "energy_intensity", "下降2.7", "-p", "2026").exit_code == 0
    assert invoke(*tianjin, "record", "new_urban_jobs", "28.9", "-p", "2026-12").exit_code == 0
    zh = invoke("--lang", "zh", *tianjin, "gap", "--as-of", "2026").stdout
    assert "1.3万吨/待下达" in zh and "1.3/待下达" not in zh
    assert "下降2.7%/待下达" in zh  # a % figure as before
    assert "28.9/28万人" in zh  # the bound's figure carries the unit, as before
    en = invoke("--lang", "en", *tianjin, "gap", "--as-of", "2026").stdout
    assert "1.3 万吨/pending" in en
