"""Session 43 (narrow): `status`, `gap`, `targets`, `history` and `show` on a narrow terminal
(40–60 columns: a split screen, a 40-column tmux pane), in both languages.

Before, with 北京's ledger holding its pm25 figure (细颗粒物年均浓度, 微克/立方米) and a few
others, `status`'s cards (40–45 columns) parted pm25's bound and figure from their unit
(`≈ 29` and `31.5` over `微克/立方米`; `31.5微克/立方` over `米` in Chinese), cut the statuses
(`on trac`, `below ban`, `seasona`; `无全年数`), and the counts by section cut theirs
(`outside ban`, `pendin`); `targets` parted the bound (`≈ 29` over `微克/立方米`, `(≤30.45`
over `微克/立方米)`) in English and cut its edge in Chinese; `gap`'s legend broke `待下达`
over its count. Now a card too narrow for its figures side by side lists them a line each
(docs/dashboard.md, "On a narrow terminal"), a count's header wraps between its words, and
the legend breaks between its counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from tests.test_spacing_s42 import GUANDU, _june

BEIJING = "beijing-2026"
WIDTHS = [*range(40, 61), 72, 80, 100, 120, 140]

# Every status a row or a count of these ledgers has (北京's at 2026-06: seasonal pm25, CPI
# below its band; 官渡's after its June)
STATUS_WORDS = {
    "en": ["on track", "behind", "below band", "outside band", "seasonal", "no data", "pending"],
    "zh": ["正常推进", "滞后", "偏低", "偏离区间", "无全年数据", "无数据", "待下达"],
}
# The tail of a unit left alone at the start of a cell (`微克/立方米` under `≈ 29`)
_UNIT_START = re.compile(r"^(?:微克|立方米|米|方米|亿元|万人)")


@pytest.fixture
def beijing(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """`beijing(*args, lang=, columns=)`: plancli on 北京's bundled plan and a ledger holding
    the June figures of pm25 (31.5, against ≈29 judged ≤30.45), GDP, CPI (below its band) and
    unemployment; its stdout."""
    ledger = tmp_path / "bj.progress.toml"
    at = ("--plan", BEIJING, "--ledger", str(ledger))
    monkeypatch.setenv("COLUMNS", "120")
    for target, value in [
        ("pm25", "31.5"),
        ("gdp", "5.4"),
        ("cpi", "0.5"),
        ("surveyed_unemployment_rate", "4.1"),
    ]:
        done = invoke(*at, "record", target, value, "-p", "1-6月")
        assert done.exit_code == 0, done.output

    def call(*args: str, lang: str = "en", columns: int = 120) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        done = invoke("--lang", lang, *at, *args)
        assert done.exit_code == 0, done.output
        return str(done.stdout)

    return call


def _cells(line: str) -> list[str]:
    return [cell for cell in re.split(r"\s{2,}", line.strip()) if cell]


# What a figure parted from its unit ends in on the line above it: a digit, or a piece of
# the unit (`31.5微克/立方` over `米`)
_FIGURE_END = re.compile(r"\S*(?:\d|微克/?|立方|/)(?=\s|$)")


def faults(text: str, columns: int, lang: str) -> list[str]:
    """What a reader would trip on: a line wider than the terminal, a status cut (a cell that
    is a status's beginning, or ends in `…`), a unit parted from its figure (a cell that
    starts with it, under a figure, or a piece of its unit, in the same columns)."""
    found = []
    words = STATUS_WORDS[lang]
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if cell_len(line) > columns:
            found.append(f"wider than {columns}: {line!r}")
        for cell in _cells(line):
            if cell.endswith("…"):
                found.append(f"cut: {line!r}")
            # (a status's first word over the rest, `outside` over `band`, is wrapped, not cut)
            cut = [w for w in words if w != cell and w.startswith(cell) and w[len(cell)] != " "]
            if cut and cell_len(cell) >= 2:
                found.append(f"status cut: {line!r}")
        for cell in re.finditer(r"\S+(?: \S+)*", line):
            if i == 0 or not _UNIT_START.match(cell.group()):
                continue
            start = cell_len(line[: cell.start()])
            end = start + cell_len(cell.group())
            above = lines[i - 1]
            for figure in _FIGURE_END.finditer(above):
                left = cell_len(above[: figure.start()])
                if left < end and left + cell_len(figure.group()) > start:
                    found.append(f"unit parted: {above!r} over {line!r}")
    return found


def _on_a_line(text: str, *figures: str) -> list[str]:
    lines = text.splitlines()
    return [figure for figure in figures if not any(figure in line for line in lines)]


def _pm25(lang: str, bound: str = "≈ 29") -> tuple[str, ...]:
    """pm25's figure, bound and edge as a table writes them (the unit beside, as `fmt`'s)."""
    unit = "微克/立方米" if lang == "zh" else " 微克/立方米"
    if lang == "zh":
        bound = bound.replace(" ", "")
    return (f"31.5{unit}", f"{bound}{unit}", f"30.45{unit}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_status_keeps_pm25s_figures_whole_and_its_statuses_uncut(
    beijing: Callable[..., str], lang: str
) -> None:
    """`status` at 40–60 columns (and wider): pm25's `31.5 微克/立方米`, `≈ 29 微克/立方米` and
    its edge `30.45 微克/立方米` each on one line; `on track`, `below band`, `seasonal`,
    `outside band`, `pending` (正常推进, 偏低, 无全年数据, 偏离区间, 待下达) whole. At 40–45
    columns the cards wrote `≈ 29` and `31.5` over `微克/立方米` and `on trac`, `below ban`;
    the counts `outside ban`, `pendin` (40–41); in Chinese `31.5微克/立方` over `米` and
    `无全年数`."""
    for columns in WIDTHS:
        text = beijing("status", lang=lang, columns=columns)
        assert faults(text, columns, lang) == [], (columns, text)
        figure, bound, edge = _pm25(lang)
        # (in Chinese the table writes the bound `≈ 29微克/立方米`, a card `≈29…` or `≈ 29…`)
        bound = bound if lang == "en" else "29微克/立方米"
        assert _on_a_line(text, figure, bound, edge) == [], (columns, text)
        seasonal = "seasonal" if lang == "en" else "无全年数据"
        below = "below band" if lang == "en" else "偏低"
        assert _on_a_line(text, seasonal, below) == [], (columns, text)


def test_status_at_40_columns_lists_a_cards_figures_a_line_each(
    beijing: Callable[..., str],
) -> None:
    """The rule docs/dashboard.md gives: where the figures and the status do not fit side by
    side, each card lists them a line each, under its header."""
    text = beijing("status", columns=40)
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("pm25")
    assert lines[at + 1 : at + 6] == [
        "Annual average PM2.5 concentration",
        "target  ≈ 29 微克/立方米",
        "(≤30.45 微克/立方米)",
        "actual  31.5 微克/立方米",
        "status  seasonal",
    ], text
    zh = [line.strip() for line in beijing("status", lang="zh", columns=40).splitlines()]
    at = next(i for i, line in enumerate(zh) if line.startswith("pm25"))
    assert [" ".join(line.split()) for line in zh[at : at + 5]] == [
        "pm25 细颗粒物年均浓度",
        "目标 ≈ 29微克/立方米",
        "（≤30.45微克/立方米）",
        "完成值 31.5微克/立方米",
        "状态 无全年数据",
    ], zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gap_keeps_pm25s_bound_whole_and_its_counts_with_their_statuses(
    beijing: Callable[..., str], lang: str
) -> None:
    """`gap`: pm25's bound and edge whole, the statuses whole, each count beside its status
    (`待下达 3`, which broke as `待下达` over `3` at 40 columns)."""
    for columns in WIDTHS:
        text = beijing("gap", lang=lang, columns=columns)
        assert faults(text, columns, lang) == [], (columns, text)
        _figure, bound, edge = _pm25(lang, "≈29")
        assert _on_a_line(text, bound, edge) == [], (columns, text)
        # pm25's 31.5 is counted apart since seasonal2 (session 43): no data 2, seasonal 1
        en, zh = ["pending 3", "no data 2", "seasonal 1"], ["待下达 3", "无数据 2", "无全年数据 1"]
        counts = en if lang == "en" else zh
        assert _on_a_line(text, *counts) == [], (columns, text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_targets_keeps_pm25s_bound_with_its_unit(beijing: Callable[..., str], lang: str) -> None:
    """`targets`: `≈ 29 微克/立方米`, its edge `30.45 微克/立方米` and the baseline `27 微克/立方
    米` each on one line; at 40 columns in English it wrote `≈ 29` over `微克/立方米` over
    `(≤30.45` over `微克/立方米)`, in Chinese cut the edge at `（≤30.45`."""
    for columns in WIDTHS:
        text = beijing("targets", lang=lang, columns=columns)
        assert faults(text, columns, lang) == [], (columns, text)
        squeezed = "\n".join(" ".join(line.split()) for line in text.splitlines())
        edge = "30.45 微克/立方米" if lang == "en" else "30.45微克/立方米"
        missing = _on_a_line(squeezed, "≈ 29 微克/立方米", edge, "27 微克/立方米")
        assert missing == [], (columns, text)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", [("history",), ("history", "pm25"), ("show", "pm25")])
def test_history_and_show_keep_pm25s_figure_with_its_unit(
    beijing: Callable[..., str], lang: str, command: tuple[str, ...]
) -> None:
    for columns in WIDTHS:
        text = beijing(*command, lang=lang, columns=columns)
        assert faults(text, columns, lang) == [], (columns, text)
        squeezed = "\n".join(" ".join(line.split()) for line in text.splitlines())
        together = lang == "zh" and command[0] == "history"  # (show writes `31.5 微克/立方米`)
        figure = "31.5微克/立方米" if together else "31.5 微克/立方米"
        assert _on_a_line(squeezed, figure) == [], (columns, text)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["status", "gap", "targets", "history"])
def test_the_seeds_plan_has_no_status_cut_nor_unit_parted(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, command: str
) -> None:
    """官渡's plan (the seed) after its June figures (GDP 5.0%, 40 个 compounds, 50 亿元
    of external funds): at 40–60 columns and wider, no status cut, no unit parted, no line
    wider than the terminal; its history's figures whole with their units."""
    ledger = tmp_path / "guandu.progress.toml"
    at = ("--plan", GUANDU, "--ledger", str(ledger))
    monkeypatch.setenv("COLUMNS", "120")
    assert invoke(*at, "import", _june(tmp_path)).exit_code == 0
    for columns in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(columns))
        done = invoke("--lang", lang, *at, command)
        assert done.exit_code == 0, done.output
        text = done.stdout
        assert faults(text, columns, lang) == [], (columns, text)
        if command == "history":
            figures = ["5.0%", "40 个", "50 亿元"] if lang == "en" else ["5.0%", "40个", "50亿元"]
            assert _on_a_line(text, *figures) == [], (columns, text)
