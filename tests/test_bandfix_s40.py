"""Session 40's leftovers of CPI's band (a band target outside 1.5–2.5 % is 偏高 / 偏低, counted
偏离目标区间: assess/band_side.py) and small report defects of a walk of 山东, with the bundled
2026 plans' figures:

1. The report's heading 滞后和存在风险的目标 listed CPI as 偏高: it names 偏离目标区间 too.
2. The HTML report coloured CPI off its band as behind (its chip, its status cells, its chart,
   whose caption said 滞后): it has a colour of its own, the 偏离区间 chip's.
3. `status`'s by-section table counted 偏离区间 only in the headline and investment sections
   (the dashboard's rows): a band target of a work section was 滞后 there, and the report's
   summary named it among 其他滞后的目标.
4. The report's headline table wrote 山东's 新增就业 (110万人以上) as `110万人`: it is `≥ 110万人`.
5. `gap --csv` wrote a decline's actual_text `'-1.2 %`: a plain negative figure is no formula.
6. The bulletin template's CPI hint said 增速: a price index's rise is 涨幅.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest


def _run(invoke: Any, plan: str, ledger: Path, *args: str) -> Any:
    result = invoke("--plan", plan, "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return result


# A plan of two sections with a band target in the work section, as a county's 民生实事 list
# might hold one (no bundled plan has one: every 2026 CPI is a headline target).
BAND_IN_WORK = """\
[plan]
id = "band-work"
name = "某区2026年目标"
year = 2026

[[sections]]
id = "headline"
name = "主要预期目标"

[[sections]]
id = "livelihood"
name = "民生实事"

[[targets]]
id = "gdp"
section = "headline"
name = "地区生产总值"
kind = "growth"
unit = "亿元"
min = 5
frequency = "quarterly"
quote = "地区生产总值增长5%以上"

[[targets]]
id = "vegetable_prices"
section = "livelihood"
name = "蔬菜价格涨幅"
kind = "level"
unit = "%"
around = 2
direction = "band"
frequency = "monthly"
quote = "蔬菜价格涨幅2%左右"
"""


# ---------------------------------------------------------------------- 1. the heading


@pytest.mark.parametrize(
    ("figure", "period", "zh", "en"),
    [
        (
            "2.8",
            "2026-06",
            "## 滞后、偏离目标区间和存在风险的目标",
            "## Targets behind, off their band or at risk",
        ),
        (
            "0.4",
            "2026-12",
            "## 未完成、滞后、偏离目标区间和存在风险的目标",
            "## Targets missed, behind, off their band or at risk",
        ),
    ],
)
def test_the_attention_heading_names_a_band_target_off_its_band(
    invoke, tmp_path: Path, figure: str, period: str, zh: str, en: str
) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "beijing.progress.toml"
    _run(invoke, "beijing-2026", ledger, "record", "cpi", figure, "--period", period)
    report = _run(invoke, "beijing-2026", ledger, "--lang", "zh", "report").stdout
    assert zh in report
    side = "偏高" if figure == "2.8" else "偏低"
    assert f"| 居民消费价格涨幅 | 主要预期目标 | {side} |" in report.split(zh)[1]
    assert en in _run(invoke, "beijing-2026", ledger, "report").stdout


def test_the_attention_heading_without_a_band_target_is_as_it_was(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "shandong.progress.toml"
    _run(invoke, "shandong-2026", ledger, "record", "budget_revenue", "-1.2", "--period", "2026-06")
    report = _run(invoke, "shandong-2026", ledger, "--lang", "zh", "report").stdout
    assert "## 滞后和存在风险的目标" in report and "偏离目标区间" not in report


# ---------------------------------------------------------------------- 2. the HTML colours


def test_the_html_report_colours_cpi_off_its_band_as_its_count(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "beijing.progress.toml"
    _run(invoke, "beijing-2026", ledger, "record", "cpi", "2.8", "--period", "2026-06")
    page_path = tmp_path / "beijing.html"
    _run(invoke, "beijing-2026", ledger, "--lang", "zh", "report", "--format", "html",
         "-o", str(page_path))  # fmt: skip
    page = page_path.read_text(encoding="utf-8")
    assert '<li class="chip s-off_band">偏离区间 <b>1</b></li>' in page
    assert "--off_band:" in page and ".s-off_band {" in page  # a colour of its own
    # the chart's caption said 滞后, in behind's red
    assert (
        '<span class="chart-title">居民消费价格涨幅</span> <span class="status s-off_band">偏高'
        in page
    )
    assert '<path class="line s-off_band"' in page and '<circle class="dot s-off_band"' in page
    assert page.count('<span class="status s-off_band">偏高</span>') == 3  # table, chart, list
    assert "s-behind" not in page.split("</style>")[1] and "滞后</span>" not in page


# ---------------------------------------------------------------------- 3. by-section counts


def test_status_counts_a_work_sections_band_target_off_its_band(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "band.toml"
    plan.write_text(BAND_IN_WORK, encoding="utf-8")
    ledger = tmp_path / "band.progress.toml"
    _run(invoke, str(plan), ledger, "record", "gdp", "5.1", "--period", "2026-Q2")
    _run(invoke, str(plan), ledger, "record", "vegetable_prices", "3.1", "--period", "2026-06")
    status = _run(invoke, str(plan), ledger, "--lang", "zh", "status").stdout
    by_section = status[status.index("分领域情况") :]
    lines = [line.split() for line in by_section.splitlines()]
    assert ["部分", "正常推进", "偏离区间", "合计"] in lines  # no 滞后 column
    assert ["民生实事", "·", "1", "1"] in lines and ["合计", "1", "1", "2"] in lines
    english = _run(invoke, str(plan), ledger, "status").stdout
    assert "behind" not in english[english.index("By section") :].split("\n\n")[0]
    data = json.loads(_run(invoke, str(plan), ledger, "status", "--json").stdout)
    sections = {s["id"]: s for s in data["sections"]}
    assert sections["livelihood"]["off_band"] == {"behind": 1}
    assert sections["livelihood"]["counts"]["behind"] == 1  # DESIGN §4's status kept
    assert sections["headline"]["off_band"] == {}
    report = _run(invoke, str(plan), ledger, "--lang", "zh", "report").stdout
    assert "| 民生实事 | 1 | · | 1 |" in report
    # the summary named it among 其他滞后的目标
    assert "其他偏离目标区间的目标1项：蔬菜价格涨幅（3.1%，目标2%左右）。" in report
    assert "滞后的目标" not in report
    english = _run(invoke, str(plan), ledger, "report").stdout
    assert "Other targets off their band (1): 蔬菜价格涨幅 (3.1%, target about 2%)." in english


# ---------------------------------------------------------------------- 4. a floor reads ≥


def test_the_report_writes_a_cumulative_floor_as_status_does(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "shandong.progress.toml"
    _run(invoke, "shandong-2026", ledger, "record", "new_urban_jobs", "60", "--period", "2026-06")
    status = _run(invoke, "shandong-2026", ledger, "--lang", "zh", "status").stdout
    assert "≥ 110万人  60万人" in status  # 城镇新增就业110万人以上
    report = _run(invoke, "shandong-2026", ledger, "--lang", "zh", "report").stdout
    assert "| 城镇新增就业 | ≥ 110万人 | 60万人 | 54.55% | 50% | 50万人 | 正常推进 |" in report
    english = _run(invoke, "shandong-2026", ledger, "report").stdout
    assert "| New urban jobs | ≥ 110 万人 | 60 万人 |" in english
    # the other bounds of that table as status writes them: ≥ 5% (GDP), ≈ 5.5%（≤6%）
    assert "| 地区生产总值 | ≥ 5% |" in report and "| 城镇调查失业率 | ≈ 5.5%（≤6%） |" in report


def test_the_attention_table_writes_a_cumulative_floor_so_too(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "guandu.progress.toml"  # the seed: 新增机动车泊位2500个, a work target
    _run(invoke, "guandu-2022", ledger, "record", "new_parking_spaces", "500", "--period",
         "2022-06")  # fmt: skip
    report = _run(invoke, "guandu-2022", ledger, "--lang", "zh", "report").stdout
    assert "| 新增机动车泊位 | 坚持建管并重，优化城市品质功能 | 滞后 | 500个 / ≥ 2500个 |" in report


# ---------------------------------------------------------------------- 5. gap --csv's -1.2 %


def test_gap_csv_writes_a_decline_as_its_figure(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "shandong.progress.toml"
    _run(invoke, "shandong-2026", ledger, "record", "budget_revenue", "-1.2", "--period", "2026-06")
    rows = list(csv.DictReader(io.StringIO(_run(invoke, "shandong-2026", ledger, "gap", "--csv")
                                           .stdout)))  # fmt: skip
    budget = next(r for r in rows if r["id"] == "budget_revenue")
    assert (budget["actual"], budget["actual_text"]) == ("-1.2", "-1.2 %")  # was '-1.2 %
    data = json.loads(_run(invoke, "shandong-2026", ledger, "gap", "--json").stdout)
    assert next(t for t in data["targets"] if t["id"] == "budget_revenue")["actual_text"] == (
        "-1.2 %"
    )


def test_the_formula_guard_stays_for_anything_after_a_sign() -> None:
    from plancli.safe import csv_cell, formula_like

    assert not formula_like("-1.2 %") and not formula_like("-1.2%")
    for cell in ("-1.2 %+1", "-1.2 万人", "+0.42 pp", "-A1", "=1", "@SUM(A1)", "-2+3"):
        assert csv_cell(cell) == "'" + cell


# ---------------------------------------------------------------------- 6. CPI's 涨幅


def test_the_template_says_a_price_indexs_rise_is_its_rise(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from plancli.plan import load_plan
    from plancli.template_units import unit_text

    cpi = next(t for t in load_plan("shandong-2026").targets if t.id == "cpi")  # 保持合理水平
    assert unit_text(cpi, "zh") == "涨幅%（比上年同期，非指数）"  # was 增速%（…，非总量）
    assert unit_text(cpi, "en") == "rise % (on last year, not the index)"
    fai = next(t for t in load_plan("tianjin-2026").targets if t.id == "fixed_asset_investment")
    assert unit_text(fai, "zh") == "增速%（比上年同期，非总量）"  # a growth stays 增速
    sheet = invoke("--plan", "shandong-2026", "--lang", "zh", "template", "-", "--period",
                   "2026-07").stdout  # fmt: skip
    assert "cpi,2026-07,,,,,居民消费价格涨幅,涨幅%（比上年同期，非指数）,," in sheet
    # filled in, the sheet imports with no unit warning, and so does one made before
    header = "target,period,value,amount,note,source,name,unit,last_value,last_period\n"
    for unit in ("涨幅%（比上年同期，非指数）", "增速%（比上年同期，非总量）"):
        filled = tmp_path / "filled.csv"
        filled.write_text(f"{header}cpi,2026-07,0.3,,,,居民消费价格涨幅,{unit},,\n", "utf-8")
        ledger = tmp_path / f"{len(unit)}-{unit[:2]}.toml"
        result = _run(invoke, "shandong-2026", ledger, "--lang", "zh", "import", str(filled))
        assert "警告" not in result.stderr and "新增 1" in result.stderr, result.stderr
