"""Session 28 verification: a relation's reference period (`（前三季度）`), added after its bound
in `gap` and `status`, made the bound column wider by a label and, at the usual 80 columns,
left out the 差距 column that was shown without it. Real values: the bundled 广东 2026 plan."""

from __future__ import annotations

from pathlib import Path

import pytest

# 广东 as of December: incomes of the first three quarters against GDP of the same quarters
GD = [
    "gdp,2026-Q3,4.7,103500",
    "gdp,2026-Q4,4.496,146000",
    "resident_income,2026-Q2,4.8,",
    "resident_income,2026-Q3,3.6,",
]


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "gd.progress.toml"
    figures = tmp_path / "f.csv"
    figures.write_text("target,period,value,amount\n" + "\n".join(GD) + "\n", encoding="utf-8")

    def call(*args: str) -> str:
        result = invoke("--plan", "guangdong-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    call("import", str(figures))
    return call


def _rows(text: str, id_: str) -> list[str]:
    lines = text.splitlines()
    [at] = [i for i, line in enumerate(lines) if id_ in line]
    return lines[at : at + 2]


@pytest.mark.parametrize(("lang", "gap_header", "gap"), [("zh", "差距", "0.1个百分点")])
def test_the_reference_period_leaves_no_column_out_at_80_columns(  # type: ignore[no-untyped-def]
    run, lang: str, gap_header: str, gap: str
) -> None:
    """80 columns (conftest): `gap` and `status` keep 差距 (0.1个百分点 for the incomes, 0.004
    for GDP) as before the label; the label stays whole: under the bound in `gap`, beside it
    in `status`, whose names go under the ids to keep the trend too (session 30)."""
    for command in ("gap", "status"):
        text = run("--lang", lang, command, "--as-of", "2026-12")
        assert gap_header in text, text
        first, under = _rows(text, "resident_income")
        assert gap in first, text
        if command == "gap":
            assert "（前三季度）" in under and "（前三" not in first, text
        else:
            assert "≈ 4.7%（前三季度）" in first and under.strip() == "居民收入", text
        assert "0.004个百分点" in _rows(text, "gdp")[0], text


def test_the_english_gap_keeps_its_gap_column_at_72_columns(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """At 72 columns the English `gap` showed `gap` before the label `(Q1–Q3)` and lost it."""
    monkeypatch.setenv("COLUMNS", "72")
    text = run("gap", "--as-of", "2026-12")
    assert " gap" in text.splitlines()[3], text
    assert "0.1 pp" in _rows(text, "resident_income")[0], text
    assert "(Q1–Q3)*" in "".join(_rows(text, "resident_income")), text
