"""`show ID` writes every figure and its % apart, as its bound (`≥ 7 %`) and `完成值 5.4 %`:
session 35's walk found `参照 地区生产总值 5.3%` under `完成值 5.4 %`, and `完成率 40.65%`,
`余下月份需增长 8.46%` beside `差距 1.7 个百分点`. The tables (`gap`, `status`) keep theirs
together (`5.3%`, docs/chinese.md). Guandu 2022: urban income 5.4 % against GDP's 5.3 %."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def run(invoke, tmp_path: Path) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "work.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.stderr
        return result

    for target, figure, *amount in (
        ("gdp", "5.3", "--amount", "700"),
        ("urban_income", "5.4"),
        ("little_giant_enterprises", "1"),
    ):
        call("record", target, figure, "--period", "2022-06", *amount)
    return call


def _assessment(text: str) -> list[str]:
    """The assessment's lines of `show`, spaces squeezed."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line in ("assessment", "评估"))
    end = lines.index("", start)
    return lines[start + 1 : end]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "actual 5.4 %",
                "target ≈ 5.3 %",
                "reference Gross regional product (GDP) 5.3 %",
                "tolerance 1 pp (in step at 4.3 % or more)",
            ],
        ),
        (
            "zh",
            [
                "完成值 5.4 %",
                "目标 ≈ 5.3 %",
                "参照 地区生产总值 5.3 %",
                "容差 1 个百分点（不低于 4.3 % 即为同步）",
            ],
        ),
    ],
)
def test_the_reference_is_spaced_as_the_figure(run, lang: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    lines = _assessment(run("--lang", lang, "show", "urban_income").stdout)
    for line in expected:
        assert line in lines, (line, lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_figure_of_show_sits_against_its_percent(run, lang: str) -> None:  # type: ignore[no-untyped-def]
    gdp = _assessment(run("--lang", lang, "show", "gdp").stdout)
    need = "growth needed in the rest of the year" if lang == "en" else "余下月份需增长"
    assert f"{need} 8.46 %" in gdp
    count = _assessment(run("--lang", lang, "show", "little_giant_enterprises").stdout)
    share = ("completion 33.33 %", "time progress 50 %")
    assert all(
        line in count for line in (share if lang == "en" else ("完成率 33.33 %", "时间进度 50 %"))
    )
    for target in ("gdp", "urban_income", "little_giant_enterprises"):
        lines = _assessment(run("--lang", lang, "show", target).stdout)
        assert not [line for line in lines if re.search(r"[0-9]%", line)], (target, lines)


def test_the_tables_keep_figure_and_percent_together(run) -> None:  # type: ignore[no-untyped-def]
    table = run("--lang", "zh", "status", "--as-of", "2022-06").stdout
    assert re.search(r"≈ 5\.3%\s+5\.4%", table)
