"""Session 38: where a narrow `status` or `gap` table gives up room before a name breaks, and
a Chinese name that must break breaks between its words (docs/chinese.md, "The order in which
a narrow table gives up room", "Between words")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from plancli.demo import demo_records
from plancli.plan import load_plan
from plancli.render.runs import name_text
from plancli.stores.toml import dump_ledger

Run = Callable[..., str]


def lines_of(name: str, width: int) -> list[str]:
    """The lines a name takes in a column `width` cells wide, as a table wraps it."""
    console = Console(width=200, color_system=None)
    return [line.plain for line in name_text(Text(name)).wrap(console, width)]


@pytest.mark.parametrize(
    ("name", "width", "lines"),
    [
        ("地区生产总值", 8, ["地区", "生产总值"]),  # not 地区生产 over 总值
        ("城镇居民人均可支配收入", 16, ["城镇居民", "人均可支配收入"]),  # not …可支 / 配收入
        ("规模以上工业增加值", 16, ["规模以上", "工业增加值"]),  # not …工业增 / 加值
        ("单位地区生产总值二氧化碳排放", 26, ["单位地区生产总值", "二氧化碳排放"]),  # 江苏: …二
        ("地方一般公共预算收入", 14, ["地方一般公共", "预算收入"]),  # the terms' words
        ("社会消费品零售总额", 12, ["社会消费品", "零售总额"]),
        # one line more than between characters (…生 / 产总值二氧 / 化碳排放), never two
        ("单位地区生产总值二氧化碳排放", 10, ["单位地区", "生产总值", "二氧化碳", "排放"]),
        # 上海 at 80: not `…二氧化碳排` over `放量` (a lone last character given one back)
        ("单位生产总值二氧化碳排放量", 24, ["单位生产总值", "二氧化碳排放量"]),
        # no word known: between characters, as before
        ("甲乙丙丁戊己庚辛", 8, ["甲乙丙丁", "戊己庚辛"]),
    ],
)
def test_a_chinese_name_breaks_between_its_words(name: str, width: int, lines: list[str]) -> None:
    assert lines_of(name, width) == lines


def test_words_never_cost_a_name_two_lines_more_nor_widen_it() -> None:
    plans = ("gansu-2026", "guandu-2022", "sichuan-2026", "jiangsu-2026")
    names = {t.name for plan in plans for t in load_plan(plan).targets}
    for name in names:
        for width in range(8, 31, 2):
            worded = lines_of(name, width)
            assert "".join(worded) == name  # nothing lost
            apart = name_text(Text(name))
            apart.words = False
            count = len(apart.wrap(Console(width=200), width))
            assert len(worded) <= count + 1, (name, width, worded)
            if width >= apart.least_width():  # (a line as wide as the column, no wider)
                assert max(cell_len(line) for line in worded) <= width, (name, width, worded)


@pytest.fixture
def run(invoke: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(plan, lang, columns, figures=False)`: `status` on a bundled plan at `columns`, its
    ledger empty or a half-year of the plan's demo figures (`plancli init --demo`'s)."""

    def call(plan: str, lang: str, columns: int, figures: bool = False) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        when = datetime(2026, 7, 5, 8, 30, tzinfo=UTC)
        records = list(demo_records(load_plan(plan), when, "demo")) if figures else []
        ledger = tmp_path / f"{plan}-{figures}.progress.toml"
        ledger.write_text(dump_ledger(records), encoding="utf-8")
        result = invoke("--lang", lang, "--plan", plan, "--ledger", str(ledger), "status")
        assert result.exit_code == 0, result.output
        text: str = result.stdout
        assert max(cell_len(line) for line in text.splitlines()) <= columns
        return text

    return call


def test_status_before_any_figure_leaves_the_empty_actual_column_out_for_the_names(
    run: Run,
) -> None:
    # The lead's case (session 38): at 72 columns 甘肃's names got 8 cells beside an empty 完成值
    # (`地区生产` over `总值`, `规模以上` over `工业增` over `加值`)
    text = run("gansu-2026", "zh", 72)
    assert "完成值" not in text
    rows = {line.split()[0]: line for line in text.splitlines() if line.strip()}
    for target, name in [
        ("gdp", "地区生产总值"),
        ("fixed_asset_investment", "固定资产投资"),
        ("budget_revenue", "一般公共预算收入"),
        ("cpi", "居民消费价格涨幅"),
        ("urbanization_rate", "常住人口城镇化率"),
    ]:
        assert name in rows[target]
    # the ids whole, the widest too; a name too long breaks between its words
    assert "surveyed_unemployment_rate  城镇调查失业率" in text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(" industrial_value_added"))
    assert lines[at].split()[1] == "规模以上" and lines[at + 1].split()[0] == "工业增加值"


def test_status_with_figures_keeps_the_actual_column(run: Run) -> None:
    text = run("gansu-2026", "zh", 100, figures=True)
    assert "完成值" in text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(" gdp "))
    assert "5.8%" in lines[at]  # the demo's figure for GDP, its name whole beside or under
    assert "地区生产总值" in lines[at] or lines[at + 1].strip() == "地区生产总值"


def test_names_go_under_the_ids_where_they_break_beside_them_in_as_many_lines(run: Run) -> None:
    # 陕西 at 72, its empty 完成值 left out: beside the ids `全国` / `固定资产` / `投资增速`
    text = run("shaanxi-2026", "zh", 72)
    assert "编号 / 名称" in text
    lines = [line.strip() for line in text.splitlines()]
    for name in ("全国固定资产投资增速", "一般公共预算收入", "居民消费价格涨幅", "城镇调查失业率"):
        assert name in lines


def test_a_cards_name_stays_whole_rather_than_beside_a_wide_figure(run: Run) -> None:
    # 河南 in English at 80: beside the grain target's 49-cell aim `Gross regional` over
    # `product (GDP)`; on its id's line it is whole
    text = run("henan-2026", "en", 80)
    for name in (
        "Gross regional product (GDP)",
        "Value added of industry above designated size",
        "Total retail sales of consumer goods",
    ):
        assert name in text
    assert "≥ 1300 亿斤 (aim: above last year's 1350.97 亿斤)" in text
