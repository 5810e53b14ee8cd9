"""Session 42's walk of the bundled 贵州 2026 plan in Chinese (地区生产总值增长5%左右，其中一二三产
增加值分别增长3.5%左右、6%左右、5%左右; 城镇新增就业60万人左右; 常住人口城镇化率达59%左右…), a
统计局 analyst's year: a workspace begun, the 1-3月, 1-6月 and 1-9月 bulletins (xlsx: a title, a
单位 line, 指标名称 | 计量单位 | 1-3月 | 比上年同期增长(%)) imported, figures recorded, amended
and undone by hand, the reports. Each test is a slip the walk met, or the plan's figures checked
against the report."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

PLAN = Path(__file__).parent.parent / "data" / "2026" / "guizhou.toml"
REPORT = CORPUS / "贵州省.txt"


@pytest.fixture
def guizhou(tmp_path: Path) -> list[str]:
    return ["--plan", "guizhou-2026", "--ledger", str(tmp_path / "gz.progress.toml")]


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 43) and the reviews (2025: lines 11, 12, 15; the
    five-year review: lines 17, 21), figure by figure: the plan holds each of the paragraph's
    fourteen figures, nothing else, and the review's baselines. A guard: the walk found them
    right (it passes on the base as well)."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    by_id = {t["id"]: t for t in plan["targets"]}
    paragraph = lines[42]
    assert paragraph.startswith("主要预期目标是：")
    bounds = {
        "gdp": 5,
        "primary_value_added": 3.5,
        "secondary_value_added": 6,
        "tertiary_value_added": 5,
        "industrial_value_added": 7.5,
        "fixed_asset_investment": 3,
        "retail_sales": 4,
        "budget_revenue": 2,
        "urban_income": 4,
        "rural_income": 6,
        "new_urban_jobs": 60,
        "surveyed_unemployment_rate": 5.5,
        "cpi": 2,
        "urbanization_rate": 59,
    }
    assert {i: t["around"] for i, t in by_id.items()} == bounds
    for target in plan["targets"]:
        assert target["quote"] in paragraph, target["id"]
    assert "分别增长3.5%左右、6%左右、5%左右" in paragraph
    assert by_id["gdp"]["baseline"] == {"year": 2025, "value": 23562, "growth": 4.9}
    assert "全年地区生产总值增长4.9%，一般公共预算收入增长2.5%" in lines[10]
    assert "全省地区生产总值突破2万亿元、达到23562亿元" in lines[16]
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "growth": 2.5}
    assert by_id["industrial_value_added"]["baseline"] == {"year": 2025, "growth": 7}
    assert "规模以上工业增加值增长7%" in lines[11]
    assert by_id["urban_income"]["baseline"] == {"year": 2025, "growth": 3.9}
    assert by_id["rural_income"]["baseline"] == {"year": 2025, "growth": 5.7}
    assert "城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%" in lines[14]
    assert by_id["new_urban_jobs"]["baseline"] == {"year": 2025, "value": 62.6}
    assert "城镇新增就业62.6万人" in lines[14]
    assert by_id["urbanization_rate"]["baseline"] == {"year": 2025, "value": 57.7}
    assert "常住人口城镇化率从2020年的53.2%提升到2025年的57.7%" in lines[20]
    assert by_id["surveyed_unemployment_rate"]["direction"] == "down"
    assert by_id["cpi"]["direction"] == "band"


def _jobs(invoke: Any, guizhou: list[str]) -> dict[str, Any]:
    gap = json.loads(invoke(*guizhou, "gap", "--json").stdout)["targets"]
    return {t["id"]: t for t in gap}["new_urban_jobs"]


@pytest.mark.parametrize(("period", "before"), [("6月", 5), ("2026-06", 5), ("5月", 4)])
def test_a_months_increment_is_not_added_across_missing_months(
    invoke: Any, guizhou: list[str], period: str, before: int
) -> None:
    """城镇新增就业 1-3月 14.6万人 and 1-6月 31.2万人 from the bulletins; the analyst then types
    June's own increment, `record new_urban_jobs 0.8 --add -p 6月`. It was added to 1-3月's
    14.6 (no 4月, 5月 recorded) and 1-6月 became 15.4万人, superseding 31.2 without a word
    but `（2026-03 的 14.6 + 0.8）`; the span `4-6月` was refused alike. Now a month's
    increment needs the month before it, as a span's does; nothing is written."""
    assert invoke(*guizhou, "record", "new_urban_jobs", "14.6", "-p", "1-3月").exit_code == 0
    if period != "5月":
        assert invoke(*guizhou, "record", "new_urban_jobs", "31.2", "-p", "1-6月").exit_code == 0
    result = invoke(
        "--lang", "zh", *guizhou, "record", "new_urban_jobs", "0.8", "--add", "-p", period
    )
    assert result.exit_code == 2, result.output
    assert (
        f"截至{before}月末的累计数（1-{before}月）上，但此前最近一期是 2026-03；"
        f"请先录入 1-{before}月" in result.stderr
    ), result.stderr
    assert _jobs(invoke, guizhou)["actual"] == (14.6 if period == "5月" else 31.2)


def test_a_months_increment_onto_the_month_before_and_a_span_still_add(
    invoke: Any, guizhou: list[str]
) -> None:
    """What stays: April's increment onto 1-3月, a span onto the month before it, a quarterly
    target's quarter onto the quarter before."""
    assert invoke(*guizhou, "record", "new_urban_jobs", "14.6", "-p", "1-3月").exit_code == 0
    april = invoke(*guizhou, "record", "new_urban_jobs", "5.2", "--add", "-p", "4月")
    assert april.exit_code == 0, april.output
    assert _jobs(invoke, guizhou)["actual"] == 19.8
    span = invoke(*guizhou, "record", "new_urban_jobs", "11.4", "--add", "-p", "5-6月")
    assert span.exit_code == 0, span.output
    assert _jobs(invoke, guizhou)["actual"] == 31.2


def test_a_quarterly_targets_quarter_adds_only_onto_the_quarter_before() -> None:
    """The same rule in a quarterly rhythm: 三季度's increment goes onto 1-6月, not 1-3月; a
    monthly target's quarter code keeps adding to the latest figure before it (as pinned in
    test_ledger)."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from plancli.add_spans import own_span
    from plancli.errors import InputError
    from plancli.periods import parse_period
    from plancli.plain import Record

    def base(period: str) -> Record:
        when = datetime(2026, 10, 1, tzinfo=UTC)
        return Record("jobs", period, Decimal(30), None, None, None, when, "b")

    q3 = parse_period("2026-Q3")
    span = own_span("quarterly", q3, "三季度末", base("2026-Q1"))
    assert span is not None
    with pytest.raises(InputError, match=r"at the end of 6月 \(1-6月\), but the latest before it"):
        span.check_base("jobs", base("2026-Q1"))
    span.check_base("jobs", base("2026-Q2"))
    assert own_span("monthly", q3, "2026-Q3", base("2026-06")) is None
    assert own_span("monthly", parse_period("2026-05"), "5月", None) is None


@pytest.mark.parametrize(
    ("period", "said"),
    [("1-3月", "2026年一季度"), ("1-6月", "2026年上半年"), ("1-9月", "2026年前三季度")],
)
def test_the_import_summary_names_a_quarterly_sheet_by_the_part_of_the_year(
    invoke: Any, guizhou: list[str], tmp_path: Path, period: str, said: str
) -> None:
    """A 统计局 sheet of the quarterly rows alone (GDP, 一二三产, incomes), as 贵州's 1-6月
    table gives them: its summary said `期间 2026年二季度` (1-9月: `2026年三季度`), which in a
    bulletin is April to June alone, the very reading `record -p 三季度` refuses as a single
    quarter. It names the year to date now, as the report does."""
    sheet = tmp_path / f"贵州省2026年{period}主要经济指标.csv"
    rows = [
        f"指标名称,计量单位,{period},比上年同期增长(%)",
        "地区生产总值,亿元,11320.5,4.6",
        "第一产业增加值,亿元,980.1,3.2",
        "城镇常住居民人均可支配收入,元,21980,3.8",
    ]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for dry in (("--dry-run",), ()):
        result = invoke("--lang", "zh", *guizhou, "import", str(sheet), *dry)
        assert result.exit_code == 0, result.output
        assert result.stderr.rstrip().endswith(f"；期间 {said}"), result.stderr
