"""Session 42's walk of the bundled 上海 2026 plan in Chinese (全市生产总值增长5%左右;
地方一般公共预算收入增长2%; 研发经费支出相当于全市生产总值的比例达到4.6%左右; 城镇调查失业率
5%以内; 居民收入增长与经济增长保持基本同步; 居民消费价格涨幅2%左右; 单位生产总值二氧化碳排放量
进一步下降; 主要污染物重点工程减排量完成国家下达目标), a 统计局 analyst's year: a workspace begun,
the 1-3月 (xlsx), 1-6月 (GB18030 CSV) and 1-9月 (xlsx, two header rows) bulletins imported,
figures recorded, amended and undone by hand, the reports. Each test is a slip the walk met, or
the plan's figures checked against the report."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

PLAN = Path(__file__).parent.parent / "data" / "2026" / "shanghai.toml"
REPORT = CORPUS / "上海市.txt"


@pytest.fixture
def shanghai(tmp_path: Path) -> list[str]:
    return ["--lang", "zh", "--plan", "shanghai-2026", "--ledger", str(tmp_path / "sh.toml")]


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 64) and the 2025 review (line 21), figure by
    figure: the plan holds each of the paragraph's eight clauses, nothing else, and the
    review's baselines. A guard: the walk found them right (it passes on the base as well)."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    paragraph, review = lines[63], lines[20]
    assert paragraph.startswith("综合各方面因素，建议今年全市经济社会发展的主要预期目标是：")
    by_id = {t["id"]: t for t in plan["targets"]}
    assert list(by_id) == [
        "gdp",
        "budget_revenue",
        "rd_intensity",
        "surveyed_unemployment_rate",
        "resident_income",
        "cpi",
        "co2_intensity",
        "emission_reduction",
    ]
    clauses = paragraph.split("：", 1)[1].rstrip("。").split("，")
    assert [t["quote"] for t in plan["targets"]] == clauses
    assert by_id["gdp"]["around"] == 5
    assert by_id["gdp"]["baseline"] == {  # 全市生产总值达到5.67万亿元 (since session 42)
        "year": 2025,
        "value": 56700,
        "value_text": "5.67万亿元",
        "growth": 5.4,
    }
    assert "全市生产总值达到5.67万亿元、增长5.4%" in review
    assert by_id["budget_revenue"]["min"] == 2
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "value": 8500, "growth": 1.5}
    assert "地方一般公共预算收入达到8500亿元、增长1.5%" in review
    assert by_id["rd_intensity"]["around"] == 4.6
    assert by_id["rd_intensity"]["baseline"] == {"year": 2025, "value": 4.5}
    assert "全社会研发经费支出相当于全市生产总值的比例达到4.5%左右" in review
    assert by_id["surveyed_unemployment_rate"]["max"] == 5
    assert by_id["surveyed_unemployment_rate"]["baseline"] == {"year": 2025, "value": 4.2}
    assert "城镇调查失业率平均为4.2%" in review
    assert by_id["resident_income"]["relation"] == "same"
    assert by_id["resident_income"]["baseline"] == {  # 达到9.2万元 (since session 42)
        "year": 2025,
        "value": 92000,
        "value_text": "9.2万元",
        "growth": 4.1,
    }
    assert "居民人均可支配收入达到9.2万元、增长4.1%" in review
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    assert by_id["cpi"]["baseline"] == {"year": 2025, "value": 0.1}
    assert "居民消费价格上涨0.1%" in review
    assert by_id["co2_intensity"]["direction"] == "down"
    assert by_id["emission_reduction"]["pending"] is True


def test_amending_again_without_the_note_keeps_the_note(invoke: Any, shanghai: list[str]) -> None:
    """The national allocation of 主要污染物重点工程减排量 entered with `--note 国家下达`, then the
    same command re-run without the note (a script, a colleague checking): it wrote a second
    amendment with no note, said 已调整 … ≥ 1.2 万吨（原为 … ≥ 1.2 万吨…）, and the report's
    line of adjusted targets lost 国家下达. A note not given is no change, as for a figure."""
    amend = ("amend", "emission_reduction", "--from", "6月", "--min", "1.2")
    first = invoke(*shanghai, *amend, "--note", "国家下达")
    assert first.exit_code == 0, first.output
    again = invoke(*shanghai, *amend)
    assert again.exit_code == 0, again.output
    assert "已是现行的调整" in again.stderr, again.stderr
    assert "已调整" not in again.stderr
    dry = invoke(*shanghai, *amend, "--dry-run")
    assert "已是现行的调整" in dry.stderr, dry.stderr
    shown = json.loads(invoke(*shanghai, "gap", "--json", "--as-of", "2026-06").stdout)["targets"]
    row = next(t for t in shown if t["id"] == "emission_reduction")
    assert (row["amended_from"], row["amendment_note"]) == ("2026-06", "国家下达")
    report = invoke(*shanghai, "report", "--format", "md", "--as-of", "6月").stdout
    assert "自2026年6月起调整为 ≥ 1.2万吨（原计划待国家下达）；国家下达" in report
    # a new note is a change still (it says why, by whose decision), and a new bound
    noted = invoke(*shanghai, *amend, "--note", "生态环境部3月下达", "--dry-run")
    assert noted.stderr.startswith(
        "emission_reduction 自 2026-06 起：≥ 1.2 万吨（目标不变）：将把备注改为 生态环境部3月下达"
        "（原为 国家下达）；未写入 "
    ), noted.stderr
    noted = invoke(*shanghai, *amend, "--note", "生态环境部3月下达")
    assert (
        noted.exit_code == 0
        and "（目标不变）：备注改为 生态环境部3月下达（原为 国家下达），写入" in (noted.stderr)
    )  # not 已调整 … ≥ 1.2 万吨（原为 … ≥ 1.2 万吨…）, a change of bound that was none
    raised = invoke(*shanghai, "amend", "emission_reduction", "--from", "6月", "--min", "1.3")
    assert "已调整" in raised.stderr, raised.stderr


def _record(invoke: Any, where: list[str], *args: str) -> None:
    result = invoke(*where, "record", *args)
    assert result.exit_code == 0, result.output


def test_an_unemployment_rate_over_its_ceiling_is_not_above_the_target(
    invoke: Any, shanghai: list[str]
) -> None:
    """城镇调查失业率5%以内 at 5.3% for 1-6月: the report said 高于目标0.3个百分点, the words it
    uses for a floor passed (地方一般公共预算收入累计增长2.3%，高于目标0.3个百分点), which a
    leader reads as 超额完成; within the ceiling it says 低于5%的控制目标. Over it, now
    高于5%的控制目标0.3个百分点; adjusted, with the plan's bound, as the within sentence does."""
    _record(invoke, shanghai, "surveyed_unemployment_rate", "5.3", "-p", "1-6月")
    _record(invoke, shanghai, "budget_revenue", "2.3", "-p", "1-6月")
    text = invoke(*shanghai, "report", "--format", "md").stdout
    assert "城镇调查失业率为5.3%，高于5%的控制目标0.3个百分点。" in text, text
    assert "地方一般公共预算收入累计增长2.3%，高于目标0.3个百分点" in text
    amend = ("amend", "surveyed_unemployment_rate", "--max", "5.5", "--from", "7月")
    assert invoke(*shanghai, *amend).exit_code == 0
    _record(invoke, shanghai, "surveyed_unemployment_rate", "5.6", "-p", "1-12月")
    year = invoke(*shanghai, "report", "--format", "md").stdout
    assert "城镇调查失业率为5.6%，高于调整后5.5%的控制目标（原计划5%以内）0.1个百分点。" in year
    _record(invoke, shanghai, "surveyed_unemployment_rate", "4.3", "-p", "1-12月")
    within = invoke(*shanghai, "report", "--format", "md").stdout
    assert "城镇调查失业率为4.3%，低于调整后5.5%的控制目标（原计划5%以内）。" in within


def test_a_co2_rise_says_the_fall_planned_in_english(invoke: Any, tmp_path: Path) -> None:
    """单位生产总值二氧化碳排放量进一步下降 with a 1.2 % rise for the year: the English report
    said `not the a fall planned`."""
    where = ["--lang", "en", "--plan", "shanghai-2026", "--ledger", str(tmp_path / "sh.toml")]
    _record(invoke, where, "co2_intensity", "1.2", "-p", "2026")
    text = invoke(*where, "report", "--format", "md").stdout
    assert "CO2 emissions per unit of GDP grew 1.2%, not the fall planned." in text, text
    _record(invoke, where, "co2_intensity", "-3.1", "-p", "2026")
    fell = invoke(*where, "report", "--format", "md").stdout
    assert "CO2 emissions per unit of GDP fell 3.1%, as planned (a fall)." in fell, fell
