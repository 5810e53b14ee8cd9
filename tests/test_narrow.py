"""Narrow terminals (a laptop's split screen, SSH from a phone: 40-60 columns): whole columns
are left out or rows stacked, never an id, a period, a figure or a status cut or folded, and
history's `*` (the figure in force) is never lost (the user audit's D2 and D3)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

PLAN = "guandu-2022"
WIDTHS = [40, 50, 60]
LANGS = ["zh", "en"]
FIGURES = """target,period,value,amount,note,source
gdp,2022-Q2,5.0,700,上半年,区统计局
budget_revenue,2022-06,3.1,27.4,,区财政局
fixed_asset_investment,2022-06,0.0,,,区统计局
retail_sales,2022-06,6.5,330.8,,区统计局
new_5g_base_stations,2022-06,120,,,区工信局
investment_health_elderly,2022-06,0.6,,,区发改局
"""


@pytest.fixture(name="cli")
def cli_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`cli(*args, lang=, columns=)`: plancli on guandu-2022 with a ledger in tmp_path, on a
    terminal `columns` wide."""
    monkeypatch.chdir(tmp_path)
    ledger = tmp_path / "work.progress.toml"

    def call(*args: str, lang: str = "zh", columns: int = 200) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", PLAN, "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return str(result.output)  # stderr too: validate's findings

    return call


@pytest.fixture(name="recorded")
def recorded_fixture(cli: Any, tmp_path: Path) -> Any:
    """The audit's setup: a month's figures, a correction, two adjustments of one target."""
    (tmp_path / "june.csv").write_text(FIGURES, encoding="utf-8")
    cli("import", "june.csv")
    cli("record", "new_5g_base_stations", "126", "-p", "2022-06", "--source", "区工信局")
    cli("amend", "retail_sales", "--min", "6", "--from", "2022-06", "--note", "区人大常委会批准")
    cli("amend", "retail_sales", "--min", "6.5", "--from", "2022-06", "--note", "第二次调整")
    return cli


def _fits(text: str, width: int) -> None:
    assert max(cell_len(line) for line in text.splitlines()) <= width, text


def _starting(text: str, word: str) -> int:
    """Lines whose first word (after a `*`) is `word`: an id printed whole where ids go."""
    return sum(1 for line in text.splitlines() if line.replace("*", " ").split()[:1] == [word])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_history_keeps_the_in_force_mark_ids_periods_and_figures(
    recorded: Any, width: int, lang: str
) -> None:
    """At 40 columns `*` was dropped from every row (its legend kept), periods printed as
    `2…`, figures `120…` and ids `fixed_asset_investme…`; the adjustments' headers `起始…`."""
    narrow, wide = recorded("history", lang=lang, columns=width), recorded("history", lang=lang)
    _fits(narrow, width)
    assert "…" not in narrow
    marks = [line for line in narrow.splitlines() if line.lstrip().startswith("* ")]
    assert len(marks) == sum(1 for line in wide.splitlines() if line.lstrip().startswith("* "))
    # six figures in force (the correction among them), an adjustment, and the two legends
    assert len(marks) == 6 + 1 + 2
    # (a zh figure with its unit together since session 41, the adjustments' bounds spaced)
    figures = ("120 个", "126 个", "0.6 亿元") if lang == "en" else ("120个", "126个", "0.6亿元")
    for figure in (*figures, "≥ 6 %", "≥ 6.5 %"):
        assert narrow.count(figure) == wide.count(figure) > 0, figure
    assert narrow.count("2022-06") == wide.count("2022-06")
    assert narrow.count("2022-Q2") == wide.count("2022-Q2")
    for target in ("investment_health_elderly", "fixed_asset_investment", "retail_sales"):
        assert _starting(narrow, target) == _starting(wide, target) > 0, target
    for header in ("起始期", "调整后目标") if lang == "zh" else ("from", "bound"):
        assert header in narrow


def test_history_at_80_columns_keeps_a_source_on_one_line(recorded: Any) -> None:
    """The note column was squeezed to 7 cells, every `(区统计局)` over two lines, while the
    target column kept blank space."""
    text = recorded("history", columns=80)
    _fits(text, 80)
    assert text.count("(区统计局)") == 3 and "(区统计\n" not in text


@pytest.mark.parametrize("plan", [PLAN, "zhejiang-2026", "shaanxi-2026"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_targets_keep_ids_bounds_and_baselines_whole(
    cli: Any, plan: str, width: int, lang: str
) -> None:
    """At 40 columns the target column was lost, the baseline header cut (`基数 20…`), figures
    cut (`3.0…` for 3.02) and ids folded (`fixed_asset_invest` over `ment`)."""
    narrow = cli("--plan", plan, "targets", lang=lang, columns=width)
    wide = cli("--plan", plan, "targets", lang=lang)
    _fits(narrow, width)
    assert narrow.count("…") == wide.count("…")  # in names, never a cut
    data = json.loads(cli("--plan", plan, "targets", "--json"))
    years = {t["baseline"]["year"] for t in data["targets"] if t["baseline"]}
    assert f"{'基数' if lang == 'zh' else 'baseline'} {years.pop()}" in narrow
    for target in data["targets"]:  # (an id is also a bound's word: `> national_fai_growth`)
        assert _starting(narrow, target["id"]) >= 1, target["id"]
        assert narrow.count(target["id"]) == wide.count(target["id"]), target["id"]
    words = narrow.split()
    for line in wide.splitlines():  # every bound and baseline, as wide (or wrapped at a space)
        for figure in (part for part in line.split("  ") if "%" in part):
            assert figure.strip() in narrow or all(w in words for w in figure.split()), figure


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_plans_keep_ids_and_years_whole(cli: Any, width: int, lang: str) -> None:
    """At 40 columns a plan's name folded two characters a line, its year split (`区202` over
    `2年`)."""
    narrow = cli("plans", lang=lang, columns=width)
    _fits(narrow, width)
    lines = narrow.splitlines()
    for above, below in itertools.pairwise(lines):
        assert not (above.rstrip()[-1:].isdigit() and below.strip()[:1].isdigit()), (above, below)
    for plan_id in ("guandu-2022", "zhejiang-2026", "shaanxi-2026"):
        assert _starting(narrow, plan_id) == 1
    name = "官渡区2022年国民经济和社会发展计划" if lang == "zh" else "Guandu"
    assert name in "".join(narrow.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_validate_keeps_ids_whole(cli: Any, invoke: Any, width: int) -> None:
    """At 40 columns the target was cut (`investment_t…`) and the ids in the message folded
    (`58.71（invest` over `ment_roads、`)."""
    narrow = cli("validate", columns=width)
    _fits("\n".join(line for line in narrow.splitlines() if "plan2022.toml" not in line), width)
    assert "…" not in narrow
    assert _starting(narrow, "investment_total") + _starting(narrow, "警告") >= 1
    assert "investment_total" in narrow.split()
    for part in ("investment_roads", "investment_municipal", "investment_health_elderly"):
        assert part in narrow, part
