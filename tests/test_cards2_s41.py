"""Session 41 (cards2): narrow output that parted what reads as one. A figure and its unit
(`≥ 4.5` over `%`, `show gdp` at 40 and 60 columns); an English word in a name column that
could be wider (`environmenta` over `l`, the investment table at 40); a unit with a slash
(`…/立` over `方米）`, 北京's pm25); and the HTML report's bar labels in Chinese punctuation."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from plancli.render.runs import KeepsRuns, breaks


@pytest.fixture
def plancli(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """`plancli(plan, *args, lang=, columns=, figures=)`: its stdout, on a ledger of its own
    (with `figures`, recorded first at 120 columns; else the test's empty one), every line
    within `columns`."""
    recorded: set[str] = set()

    def call(
        plan: str,
        *args: str,
        lang: str = "en",
        columns: int = 120,
        figures: tuple[tuple[str, str, str], ...] = (),
    ) -> str:
        ledger = tmp_path / f"{plan}.progress.toml"
        if figures and plan not in recorded:
            recorded.add(plan)
            monkeypatch.setenv("COLUMNS", "120")
            for target, value, period in figures:
                done = invoke(
                    "--plan", plan, "--ledger", str(ledger), "record", target, value, "-p", period
                )
                assert done.exit_code == 0, done.output
        monkeypatch.setenv("COLUMNS", str(columns))
        kept = ("--ledger", str(ledger)) if figures else ()
        done = invoke("--lang", lang, "--plan", plan, *kept, *args)
        assert done.exit_code == 0, done.output
        text: str = done.stdout
        assert max(cell_len(line) for line in text.splitlines()) <= columns, text
        return text

    return call


# ------------------------------------------------------------- 1. a figure and its unit


@pytest.mark.parametrize("columns", [40, 60])
@pytest.mark.parametrize("plan", ["henan-2026", "beijing-2026", "guandu-2022"])
def test_a_figure_and_its_unit_stay_together(
    plancli: Callable[..., str], plan: str, columns: int
) -> None:
    """`≈ 5 %, judged ≥ 4.5` over `%` (河南, 北京 at 40 columns), `plan 8` over `%` (官渡's
    baseline at 40 and 60): a line never starts with the unit its figure left behind."""
    text = plancli(plan, "show", "gdp", columns=columns)
    assert not [line for line in text.splitlines() if re.match(r"\s*%", line)], text
    if plan != "guandu-2022":  # the judged edge whole, its sign with it
        assert any("≥ 4.5 %" in line for line in text.splitlines()), text
    else:
        assert any(line.rstrip().endswith("8 %") for line in text.splitlines()), text


@pytest.mark.parametrize(
    ("plain", "whole"),
    [
        ("≈ 5 %, judged ≥ 4.5 %", "≥ 4.5 %"),
        ("value 1441.37 亿元; growth 0.3 %; plan 8 %", "1441.37 亿元;"),
        ("≈ 29 微克/立方米，按 ≤ 30.45 微克/立方米 考核", "≤ 30.45 微克/立方米"),
    ],
)
def test_breaks_never_part_a_sign_a_figure_and_a_unit(plain: str, whole: str) -> None:
    """At every width where `whole` fits a line, it is on one line."""
    for width in range(cell_len(whole), cell_len(plain)):
        cuts = [0, *breaks(plain, width), len(plain)]
        lines = [plain[a:b].strip() for a, b in pairwise(cuts)]
        assert any(whole in line for line in lines), (width, lines)


# --------------------------------------------------- 2. an English word in a name column


@pytest.mark.parametrize("columns", [40, 41, 42])
def test_an_english_name_breaks_at_its_spaces(plancli: Callable[..., str], columns: int) -> None:
    """官渡's investment table at 40 columns: `Ecology and environmental protection projects`
    broke as `environmenta` over `l`, beside an `actual / target` column 15 cells wide for
    figures of 7: the header wraps (`actual /` over `target`), the word is whole."""
    text = plancli("guandu-2022", "status", columns=columns)
    table = text[text.index("Investment plan") :]
    words = {word for line in table.splitlines() for word in line.split()}
    assert "environmental" in words, table
    assert not {"environmenta", "l", "undertaking", "s"} & words, table


# ------------------------------------------------------------- 3. a unit with a slash

BEIJING = (
    ("gdp", "4.8", "上半年"),
    ("budget_revenue", "1.5", "1-6月"),
    ("cpi", "0.3", "1-6月"),
    ("surveyed_unemployment_rate", "4.3", "1-6月"),
)


def _slash_unit_whole(text: str) -> None:
    for line in text.splitlines():
        assert line.count("微") == line.count("微克/立方米"), text
        assert line.count("方米") == line.count("微克/立方米"), text


@pytest.mark.parametrize("columns", [40, 44, 50])
def test_a_unit_with_a_slash_is_one_run_in_a_card(
    plancli: Callable[..., str], columns: int
) -> None:
    """北京's `gap` at 40 columns in Chinese, with the first half's figures: pm25's edge
    `（≤30.45微克/立方米）` broke as `（≤30.45微克/立` over `方米）`; 差距 stays."""
    text = plancli("beijing-2026", "gap", lang="zh", columns=columns, figures=BEIJING)
    assert "差距" in text
    _slash_unit_whole(text)


@pytest.mark.parametrize("columns", [40, 50, 60])
def test_a_unit_with_a_slash_is_one_run_in_a_quote(
    plancli: Callable[..., str], columns: int
) -> None:
    """`show pm25` at 40 columns in Chinese: the quote broke as `…控制在29微克/` over
    `立方米左右`."""
    _slash_unit_whole(plancli("beijing-2026", "show", "pm25", lang="zh", columns=columns))


@pytest.mark.parametrize("unit", ["微克/立方米", "元/吨", "万元/人"])
def test_keeps_runs_never_breaks_inside_a_slash_unit(unit: str) -> None:
    """Alone or after its figure, in a Chinese line at every width it fits."""
    plain = f"全年平均价格控制在12.5{unit}左右，单位为{unit}。"
    console = Console(width=80)
    for width in range(cell_len(f"12.5{unit}"), cell_len(plain)):
        lines = [line.plain for line in KeepsRuns(plain).wrap(console, width)]
        assert sum(line.count(unit) for line in lines) == 2, (width, lines)


# ------------------------------------------------------------- 4. the HTML report


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bar_labels_use_the_languages_colon(invoke: Any, june: Path, lang: str) -> None:
    """`aria-label="主要预期目标: 84.29% / 75%"`: an ASCII colon in Chinese; `：` in Chinese,
    `: ` in English."""
    result = invoke(
        "--plan", str(june), "--lang", lang, "report", "--as-of", "2022-06", "--format", "html"
    )
    assert result.exit_code == 0, result.output
    labels = re.findall(r'class="bar" [^>]*aria-label="([^"]*)"', result.stdout)
    assert labels
    for label in labels:
        if lang == "zh":
            assert "：" in label and ":" not in label, label
        else:
            assert ": " in label and "：" not in label, label
