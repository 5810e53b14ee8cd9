"""Session 38: a Chinese name that must break breaks between its words (docs/chinese.md,
"Between words")."""

from __future__ import annotations

import pytest
from plancli.plan import load_plan
from plancli.render.runs import name_text
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text


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
