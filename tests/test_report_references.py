"""The report's headline table names the target a relation's figure is the growth of (session
30): `居民收入 | ≈ 4.496%（不低于3.496%）` alone left the reader to guess that 4.496 % is the
GDP's growth; `gap` and `status` say it under their tables (session 29), the report now too,
by the same code (`judged_edges.reference_lines`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

LINE = {
    "zh": "≈地区生产总值增速：居民收入与之同步。",
    "en": "≈ Gross regional product (GDP) growth: Residents' income in step with it.",
}


@pytest.fixture
def guangdong(invoke: Any, tmp_path: Path) -> list[str]:
    """The bundled Guangdong 2026 plan with its GDP and income of the first three quarters."""
    args = ["--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.progress.toml")]
    for target, value in [("gdp", "4.496"), ("resident_income", "3.6")]:
        assert invoke(*args, "record", target, value, "-p", "2026-Q3").exit_code == 0
    return args


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_markdown_headline_table_names_the_reference(  # type: ignore[no-untyped-def]
    invoke, guangdong: list[str], lang: str
) -> None:
    result = invoke("--lang", lang, *guangdong, "report")
    assert result.exit_code == 0, result.output
    headline = result.stdout.split("\n## ")[2]  # the summary, then the headline table
    rows = [line for line in headline.splitlines() if line.startswith("| ")]
    assert any("4.496%" in row for row in rows)  # the figure the line explains
    assert headline.rstrip().endswith(LINE[lang])


def test_the_html_headline_table_names_the_reference(  # type: ignore[no-untyped-def]
    invoke, guangdong: list[str], tmp_path: Path
) -> None:
    page = tmp_path / "r.html"
    assert invoke("--lang", "zh", *guangdong, "report", "-o", str(page)).exit_code == 0
    assert f'<p class="note">{LINE["zh"]}</p>' in page.read_text(encoding="utf-8")


def test_two_rows_of_one_reference_are_one_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The bundled Guandu plan: both incomes in step with the district's GDP, one line."""
    args = ["--plan", "guandu-2022", "--ledger", str(tmp_path / "g.progress.toml")]
    assert invoke(*args, "record", "gdp", "2.5", "-p", "2022-Q2").exit_code == 0
    headline = invoke("--lang", "zh", *args, "report").stdout.split("\n## ")[2]
    assert "| ≈ 地区生产总值 |" in headline  # no figure yet: the cell names it, the line says how
    line = "≈地区生产总值增速：城镇常住居民人均可支配收入、农村常住居民人均可支配收入与之同步。"
    assert headline.rstrip().endswith(line)
