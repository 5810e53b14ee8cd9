"""Session 30: the seed's 附表1 as `pdftotext -layout` copies it out of a PDF (cells apart by
runs of spaces, no tabs, no `|`; a long name wrapped over two lines with the row's figures on a
line between them; the merged 与经济增长基本同步 cells between the two income rows). The fixture
is LibreOffice's PDF of the table copied out (tests/fixtures/layout-table/make.py makes it).
Before, such a table gave no baselines: the seed's 附表1 in this form drafted only the review's
figures. A paragraph with runs of spaces is no table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tests.test_extract_tables_s29 import _as_bundled, _baselines, _bundled, _seed

from plancli.extract import extract_plan
from plancli.extract.layout_tables import layout_tables

LAYOUT = Path(__file__).parent / "fixtures" / "layout-table" / "seed-table1.layout.txt"


def _body() -> str:
    lines = list(_seed())
    return "\n".join(lines[: lines.index("附表1")]) + "\n"


def _with(table: str) -> str:
    return _body() + table


def test_pdftotext_emits_the_table_laid_out() -> None:
    """What the fixture holds: the header's years over their columns, a name wrapped with its
    row's figures on the line between, the merged cell centred between rows 5 and 6."""
    table = LAYOUT.read_text(encoding="utf-8")
    assert "|" not in table and "\t" not in table
    assert "       城镇常住居民人均可支配\n5                  元                  53505" in table
    assert "       收入                  与经济增长基本同" in table


def test_a_layout_table_gives_the_bundled_baselines() -> None:
    text = _with(LAYOUT.read_text(encoding="utf-8"))
    assert _as_bundled(_baselines(text)) == _as_bundled(_bundled())
    plan = extract_plan(text).plan
    assert len(plan["targets"]) == 80  # the seed's 80, no row a target of its own


def test_the_rows_read_as_the_seeds_text_has_them() -> None:
    laid = layout_tables(_with(LAYOUT.read_text(encoding="utf-8")))
    assert laid is not None
    rows = laid[0].split("\n")
    same = "与经济增长基本同步"
    assert f"5 | 城镇常住居民人均可支配收入 | 元 | {same} | 53505 | 9.2 | {same} |" in rows
    # the merged cells the row above holds: left out, as in the seed's text
    assert "6 | 农村常住居民人均可支配收入 | 元 | 26319 | 9.3 |" in rows
    assert "序号 | 指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划 |" in rows
    assert "增长率(%) | 绝对值 | 增长率(%) | 增长率(%) |" in rows


def test_a_row_with_an_empty_cell_keeps_its_columns() -> None:
    """社会消费品零售总额's 2021 plan left empty: its result and growth stay in their columns
    (not read as the plan), and the row has no plan."""
    table = LAYOUT.read_text(encoding="utf-8")
    row = "4      社会消费品零售总额      亿元   6          671.85"
    assert row in table
    text = _with(table.replace(row, row.replace("   6   ", "       ")))
    drafted = _baselines(text)
    retail = _as_bundled({"r": drafted["retail_sales"]})["r"]
    assert retail == {"year": 2021, "value": 671.85, "growth": 11.6}
    assert _as_bundled(drafted)["gdp"] == _as_bundled(_bundled())["gdp"]


@pytest.mark.parametrize(
    "prose",
    [
        # a justified paragraph's runs of spaces, figures in it
        "全年地区生产总值  增长8%左右，  固定资产投资  增长10%，\n"
        "社会消费品零售总额  增长7%，  城镇新增就业  1.3万人，\n"
        "居民收入  增长8%，  粮食产量  稳定在50万吨，\n"
        "单位生产总值能耗  下降3%，  空气优良率  达到95%。\n",
        # a list set out in columns by spaces, its figures in its words
        "    1.新建学校3所      2.改造道路12公里      3.新增绿地5公顷\n"
        "    4.新建公园2个      5.改造管网8公里       6.新增车位300个\n"
        "    7.新建医院1所      8.改造小区15个        9.新增床位200张\n",
        # four items a line, under a heading that names no table
        "二、重点工作\n"
        "  新建学校3所    改造道路12公里    新增绿地5公顷    新建公园2个\n"
        "  改造管网8公里    新增车位300个    新建医院1所    改造小区15个\n"
        "  新增床位200张    新建养老院4家    新增停车场6个    改造厂房9处\n",
    ],
)
def test_prose_with_runs_of_spaces_is_no_table(prose: str) -> None:
    text = _body() + prose
    assert layout_tables(text) is None


# ------------------------------------------------------------ a two-row grouped header

_GROUPED = [
    "指标 | 单位 | 2021年 | 2022年",
    "计划 | 完成 | 目标",
    "地区生产总值增速 | % | 8 | 0.3 | 7以上",
    "地方一般公共预算收入 | 亿元 | 3.5 | 52.24 | 2",
    "社会消费品零售总额增速 | % | 6 | 11.6 | 7",
    "城镇登记失业率 | % | 5以内 | 3.02 | 4.8以内",
]


def _grouped_expected() -> dict[str, dict[str, float | int | str]]:
    return {
        "gdp": {"year": 2021, "growth": 0.3, "plan": 8.0, "plan_text": "8"},
        "budget_revenue": {"year": 2021, "value": 52.24, "plan": 3.5, "plan_text": "3.5"},
        "retail_sales": {"year": 2021, "growth": 11.6, "plan": 6.0, "plan_text": "6"},
        "unemployment_rate": {"year": 2021, "value": 3.02, "plan": 5.0, "plan_text": "5以内"},
    }


@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_a_year_over_its_columns_heads_each_of_them(separator: str) -> None:
    """2021年 over 计划 | 完成, 2022年 over 目标: before, the second row's 完成 read as 2022年's
    and the table fell back to the seed's columns (0.3 read as a value, 7以上 as a growth)."""
    rows = [separator.join(row.split(" | ")) for row in _GROUPED]
    drafted = _as_bundled(_baselines(_with("2022年主要指标计划表\n" + "\n".join(rows))))
    expected = _grouped_expected()
    assert {key: drafted[key] for key in expected} == expected


def test_a_year_over_its_result_and_growth() -> None:
    """序号 | 指标名称 | 单位 | 2021年 | 2022年 over 完成 | 增长(%) | 计划 | 目标: the growth is
    the result's, 计划 last year's plan (an order the seed's does not have)."""
    table = [
        "序号 | 指标名称 | 单位 | 2021年 | 2022年",
        "完成 | 增长(%) | 计划 | 目标",
        "1 | 地区生产总值 | 亿元 | 1441.37 | 0.3 | 8 | 7以上",
        "2 | 社会消费品零售总额 | 亿元 | 671.85 | 11.6 | 6 | 7",
    ]
    drafted = _as_bundled(_baselines(_with("附表1\n主要指标计划表\n" + "\n".join(table))))
    assert drafted["gdp"] == _as_bundled(_bundled())["gdp"]
    assert drafted["retail_sales"] == _as_bundled(_bundled())["retail_sales"]


def test_a_layout_tables_two_row_header() -> None:
    """The grouped header as pdftotext lays it out (LibreOffice's PDF, make.py): 2021年 centred
    over 计划 and 完成, 指标 and 单位 on a line of their own between the header's two rows, a
    name wrapped around its row's figures (社会消费品零售总额增 / 速)."""
    table = (LAYOUT.parent / "grouped-header.layout.txt").read_text(encoding="utf-8")
    laid = layout_tables(_with(table))
    assert laid is not None
    assert "指标 | 单位 | 2021年 | 2022年 |\n计划 | 完成 | 目标 |\n" in laid[0]
    assert "社会消费品零售总额增速 | % | 6 | 11.6 | 7 |" in laid[0]
    drafted = _as_bundled(_baselines(_with(table)))
    expected = _grouped_expected()
    assert {key: drafted[key] for key in expected} == expected


def test_a_row_the_paragraph_does_not_state_quotes_the_reports_line() -> None:
    """社会消费品零售总额 left out of the paragraph: its row is a target of its own, its quote the
    laid-out line as the report has it (so `validate --source` finds it)."""
    body = _body().replace("——社会消费品零售总额增长7%;\n", "")
    text = body + LAYOUT.read_text(encoding="utf-8")
    (retail,) = [t for t in extract_plan(text).plan["targets"] if t["id"] == "retail_sales"]
    line = "4      社会消费品零售总额      亿元   6          671.85     11.6     7"
    assert retail["quote"] == line
    assert retail["quote"] in text
    assert retail["min"] == 7


def test_a_tables_impossible_figures_do_not_replace_the_reviews() -> None:
    """(verify s30) A laid-out table (or a " | " one) whose row gives GDP's growth as -1441.37
    (the value's column a column early) and the budget's result as 1e400 drafted `baseline =
    { year = 2021, growth = -1441.37 }` (no growth falls below -100 %) and `baseline = { year =
    2021 }`: both threw away the review's baseline (地区生产总值1441.37亿元,同比增长0.3%) for
    nothing. A growth below -100 % is no growth; a row that gives no figure keeps the review's."""
    widths = [5, 14, 8, 14, 14]
    rows = [
        ["序号", "指标名称", "单位", "2021年完成", "2022年目标"],
        ["1", "地区生产总值增速", "%", "-1441.37", "99999999999"],
        ["2", "城镇登记失业率", "%", "3.02", "4.8以内"],
        ["3", "社会消费品零售总额", "亿元", "671.85", "7"],
        ["4", "地方一般公共预算收入", "亿元", "1e400", "2"],
    ]
    table = "\n".join(
        "".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
    )
    for text in (table, "\n".join(" | ".join(r) + " |" for r in rows)):
        drafted = _baselines(_body() + "\n附表2\n\n官渡区2022年主要指标\n\n" + text + "\n")
        assert drafted["gdp"]["year"] == 2021 and drafted["gdp"]["value"] == Decimal("1441.37")
        assert drafted["gdp"]["growth"] == Decimal("0.3")  # the review's
        assert drafted["budget_revenue"]["value"] == Decimal("52.24")
        assert drafted["unemployment_rate"] == {"year": 2021, "value": Decimal("3.02")}
