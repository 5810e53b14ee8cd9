"""Session 38's walk of the bundled 广东 2026 plan (居民收入增长与经济增长同步; 地区生产总值增长
4.5%—5%; 地方一般公共预算收入增长3%左右), an analyst's half year recorded by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def guangdong(invoke: Any, tmp_path: Path) -> list[str]:
    """GDP up 4.4 % in the first half, incomes 3.3 %: 1.1 pp behind, 0.1 pp past the 1 pp that
    同步 allows (`relative_tolerance`)."""
    args = ["--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.progress.toml")]
    for target, value in [("gdp", "4.4"), ("resident_income", "3.3")]:
        assert invoke(*args, "record", target, value, "-p", "2026-Q2").exit_code == 0
    assert invoke(*args, "record", "budget_revenue", "2.4", "-p", "2026-06").exit_code == 0
    return args


def _row(output: str, target: str) -> str:
    rows = [" ".join(line.split()) for line in output.splitlines()]
    rows = [row for row in rows if row.startswith(target + " ")]
    assert len(rows) == 1, output
    return rows[0]


@pytest.mark.parametrize(
    ("lang", "cell", "gap"),
    [
        ("zh", "3.3%/≈4.4%（≥3.4%）", "0.1个百分点"),
        ("en", "3.3%/≈4.4% (≥3.4%)", "0.1 pp"),
    ],
)
def test_gap_names_the_edge_a_relations_gap_is_measured_from(
    invoke: Any, guangdong: list[str], lang: str, cell: str, gap: str
) -> None:
    """Before: `3.3%/≈4.4%  0.1个百分点` — GDP's 4.4 % beside a 差距 of 0.1 pp, measured from
    3.4 % (同步 within 1 pp), which the row never named; 左右's row beside it did (≈3%（≥2.5%）)."""
    result = invoke("--lang", lang, *guangdong, "gap")
    assert result.exit_code == 0, result.output
    row = _row(result.stdout, "resident_income")
    assert cell in row and row.endswith(gap), row
    assert "≈3%（≥2.5%）" in _row(result.stdout, "budget_revenue") or lang == "en"


def test_status_names_it_too(invoke: Any, guangdong: list[str]) -> None:
    result = invoke("--lang", "zh", *guangdong, "status")
    assert result.exit_code == 0, result.output
    assert "≈ 4.4%（≥3.4%）" in _row(result.stdout, "resident_income")


def test_a_relation_in_step_needs_no_edge(invoke: Any, tmp_path: Path) -> None:
    """No 差距 to explain: `4.4%/≈4.5%`, the column no wider (guandu-2021's incomes, met)."""
    args = ["--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.progress.toml")]
    for target, value in [("gdp", "4.5"), ("resident_income", "4.4")]:
        assert invoke(*args, "record", target, value, "-p", "2026-Q3").exit_code == 0
    result = invoke("--lang", "zh", *args, "gap")
    assert result.exit_code == 0, result.output
    row = _row(result.stdout, "resident_income")
    assert "4.4%/≈4.5%" in row and "（" not in row, row


def test_a_relation_judged_at_its_reference_itself_names_no_edge(
    invoke: Any, tmp_path: Path
) -> None:
    """陕西's 居民收入增速高于经济增速 (`above`, no tolerance): the cell's 5 % is the edge."""
    args = ["--plan", "shaanxi-2026", "--ledger", str(tmp_path / "sx.progress.toml")]
    for target, value in [("gdp", "5"), ("resident_income", "4.9")]:
        assert invoke(*args, "record", target, value, "-p", "2026-Q2").exit_code == 0
    result = invoke("--lang", "zh", *args, "gap")
    assert result.exit_code == 0, result.output
    row = _row(result.stdout, "resident_income")
    assert "4.9%/>5%" in row and "（" not in row, row


def test_a_late_correction_lists_the_later_periods_with_a_dunhao(
    invoke: Any, tmp_path: Path
) -> None:
    """Before: `以后各期保留各自的数值（2026-Q2, 2026-Q3）`, an English comma in a Chinese line."""
    args = ["--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.progress.toml")]
    for period, value in [("2026-Q1", "4.6"), ("2026-Q2", "4.4"), ("2026-Q3", "4.5")]:
        assert invoke(*args, "record", "gdp", value, "-p", period).exit_code == 0
    result = invoke("--lang", "zh", *args, "record", "gdp", "4.7", "-p", "一季度")
    assert result.exit_code == 0, result.output
    assert "以后各期保留各自的数值（2026-Q2、2026-Q3）" in result.stderr


def _section(report: str, heading: str) -> str:
    return next(part for part in report.split("\n## ") if part.startswith(heading))


def test_the_report_of_growth_targets_alone_shows_no_empty_average(
    invoke: Any, guangdong: list[str]
) -> None:
    """广东's three targets are growths and a relation: the section table's 计入平均 0, 平均完成率 —
    and 应完成进度 —, its paragraph on 平均完成率, and the attention table's 完成率, 应完成进度,
    快慢 and 尚需 columns of — said nothing; they are left out, as the headline table leaves out
    a figure that applies to none of its rows."""
    report = invoke("--lang", "zh", *guangdong, "report").stdout
    sections = _section(report, "分领域情况")
    assert "| 部分 | 目标数 | 存在风险 | 滞后 |" in sections
    assert "| 主要预期目标 | 3 | 2 | 1 |" in sections
    assert "计入平均" not in sections and "平均完成率" not in sections
    attention = _section(report, "滞后和存在风险的目标")
    assert "| 目标 | 部分 | 状态 | 完成值 / 目标 |\n" in attention
    rows = [line for line in attention.splitlines() if line.startswith("| 居民收入")]
    assert rows == ["| 居民收入 | 主要预期目标 | 滞后 | 3.3% / ≈ 4.4%（不低于3.4%） |"], attention


def test_a_report_with_a_count_keeps_its_average(invoke: Any, tmp_path: Path) -> None:
    """Guandu's 5G base stations, a count: 120 of 310 at June is averaged, as before."""
    args = ["--plan", "guandu-2022", "--ledger", str(tmp_path / "g.progress.toml")]
    assert invoke(*args, "record", "new_5g_base_stations", "120", "-p", "2022-06").exit_code == 0
    report = invoke("--lang", "zh", *args, "report").stdout
    assert "计入平均" in _section(report, "分领域情况")
    assert "平均完成率：" in _section(report, "分领域情况")
    attention = _section(report, "滞后和存在风险的目标")
    assert "| 完成率 | 应完成进度 | 快慢（百分点） | 尚需 |" in attention


def test_the_workbooks_summary_says_what_the_relations_figure_is(
    invoke: Any, guangdong: list[str], tmp_path: Path
) -> None:
    """The summary sheet's headline table shows 居民收入 `≈ 4.4%（不低于3.4%）` as the Markdown
    and HTML reports do, which say under it whose growth 4.4 % is; the workbook did not."""
    from openpyxl import load_workbook

    book = tmp_path / "h1.xlsx"
    result = invoke("--lang", "zh", *guangdong, "report", "-o", str(book))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(book).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "≈ 4.4%（不低于3.4%）" in cells
    assert "≈地区生产总值增速：居民收入与之同步。" in cells
