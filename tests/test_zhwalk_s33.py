"""Session 33's Chinese walk: what session 32's walk left, and what this one met, each on the
bundled Guandu plan's or a corpus plan's own figures."""

from __future__ import annotations

from pathlib import Path

import pytest

# --------------------------------------- 1: a relation with no figure names its reference


@pytest.fixture
def june(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Guandu's GDP 5 % and retail sales 6.5 % for 2022-06; no income figure yet."""
    ledger = tmp_path / "g.progress.toml"

    def run(*args: str, lang: str = "zh") -> str:
        result = invoke("--ledger", str(ledger), "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "5", "-p", "2022-06")
    run("record", "retail_sales", "6.5", "-p", "2022-06")
    return run


@pytest.mark.parametrize("columns", ["80", "120"])
def test_a_relation_without_figures_names_its_reference(
    june, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:  # type: ignore[no-untyped-def]
    """urban_income's target (与经济增长基本同步) with no figure of its own was `≈ gdp` in
    `status` and `—/≈gdp` in `gap`: an id where `targets` and `show` name 地区生产总值."""
    monkeypatch.setenv("COLUMNS", columns)
    status = june("status")
    rows = [line.split() for line in status.splitlines() if line.startswith(" urban_income")]
    assert [row[-3:] for row in rows] == [["≈", "地区生产总值", "无数据"]]
    assert "≈ gdp" not in status
    gap = june("gap")
    assert "—/≈地区生产总值" in gap and "≈gdp" not in gap
    english = june("gap", lang="en")
    assert "—/≈GDP" in english and "≈gdp" not in english  # as `targets` abbreviates it
    assert "≈ GDP" in june("status", lang="en")
