"""Session 29: a 主要预期目标 table in the forms other copies give it. Rows without their
numbers (the 序号 column left out or empty, cells set apart by " | " or by tabs), a table under
a plain heading (2022年主要指标计划表, no 附表 line), a second table (附表2, 续表), and a header
that names its columns otherwise (2021年完成 in one column, no 单位 column) give the headline
targets the baselines the bundled plan holds; a line of prose with " | " or tabs, the
investment list and the 2021 review are no table. Every table is the seed's 附表1 transformed."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from tests.conftest import REPO, REPORT

from plancli.extract import extract_plan
from plancli.extract.flow import reflow
from plancli.extract.numerals import spell_figures
from plancli.extract.sections import Span, locate
from plancli.extract.text import body_span, parse_form
from plancli.plan import load_plan_file

pytestmark = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")


@cache
def _seed() -> tuple[str, ...]:
    return tuple(REPORT.read_text(encoding="utf-8").split("\n"))


def _parts() -> tuple[list[str], list[str], list[str]]:
    """The seed before 附表1, 附表1's two header lines, and its seven rows."""
    lines = list(_seed())
    at = lines.index("附表1")
    rows = [line for line in lines[at:] if re.match(r"^[1-7] \| ", line)]
    assert len(rows) == 7
    return lines[:at], lines[at + 2 : at + 4], rows


def _unnumbered(line: str) -> str:
    """A line of 附表1 without its 序号 cell (序号 in the header, the row's number)."""
    return line.split(" | ", 1)[1]


def _tabbed(line: str) -> str:
    return "\t".join(cell.strip() for cell in line.split("|")).rstrip("\t")


def _join(*lines: str | list[str]) -> str:
    out: list[str] = []
    for item in lines:
        out.extend([item] if isinstance(item, str) else item)
    return "\n".join(out)


def _no_numbers() -> str:
    body, header, rows = _parts()
    return _join(body, "附表1", "官渡区2022年经济社会发展主要预期目标",
                 [_unnumbered(header[0]), header[1]], [_unnumbered(r) for r in rows])  # fmt: skip


def _empty_numbers() -> str:
    body, header, rows = _parts()
    return _join(body, "附表1", "官渡区2022年经济社会发展主要预期目标", header,
                 [re.sub(r"^\d ", " ", r) for r in rows])  # fmt: skip


def _tabs_no_numbers() -> str:
    body, header, rows = _parts()
    table = [_unnumbered(header[0]), header[1], *(_unnumbered(r) for r in rows)]
    return _join(body, "附表1", "官渡区2022年经济社会发展主要预期目标", [_tabbed(t) for t in table])


def _tabs_empty_numbers() -> str:
    body, header, rows = _parts()
    table = [*header, *(re.sub(r"^\d ", "", r) for r in rows)]
    return _join(body, "附表1", "官渡区2022年经济社会发展主要预期目标", [_tabbed(t) for t in table])


def _plain_heading(numbers: bool = True, title: str = "2022年主要指标计划表") -> str:
    body, header, rows = _parts()
    if not numbers:
        header, rows = [_unnumbered(header[0]), header[1]], [_unnumbered(r) for r in rows]
    return _join(body, title, header, rows)


def _second_table(title: str, *, repeat_header: bool = True) -> str:
    """附表1 with rows 1-4; rows 5-7 (the incomes, the unemployment rate) a second table."""
    body, header, rows = _parts()
    return _join(body, "附表1", "官渡区2022年经济社会发展主要预期目标", header, rows[:4], title,
                 header if repeat_header else [], rows[4:])  # fmt: skip


_VARIANTS: dict[str, Callable[[], str]] = {
    "no 序号 column": _no_numbers,
    "序号 cells empty": _empty_numbers,
    "tabs, no 序号 column": _tabs_no_numbers,
    "tabs, 序号 cells empty": _tabs_empty_numbers,
    "under a plain heading": _plain_heading,
    "under a plain heading, no 序号": lambda: _plain_heading(numbers=False),
    "under a plain heading and its unit": lambda: _plain_heading(
        title="官渡区2022年国民经济和社会发展主要指标计划（草案）\n单位：亿元、元、%"
    ),
    "附表2": lambda: _second_table("附表2\n官渡区2022年居民收入和就业主要指标"),
    "a second table under a plain heading": lambda: _second_table("2022年民生主要指标计划表"),
    "two tables under plain headings": lambda: _second_table("2022年民生主要指标计划表").replace(
        "附表1\n官渡区2022年经济社会发展主要预期目标", "2022年主要指标计划表"
    ),
    "续表 without its header": lambda: _second_table("续表", repeat_header=False),
    "附表1（续） without its header": lambda: _second_table("附表1（续）", repeat_header=False),
}


@cache
def _baselines(text: str) -> dict[str, Any]:
    plan = extract_plan(text).plan
    return {t["id"]: t.get("baseline") for t in plan["targets"] if t["section"] == "headline"}


@cache
def _bundled() -> dict[str, Any]:
    """The baselines of data/plan2022.toml, checked against the report's 附表1."""
    plan = load_plan_file(REPO / "data" / "plan2022.toml")
    return {
        t.id: t.baseline.model_dump(exclude_none=True)
        for t in plan.targets
        if t.section == "headline" and t.baseline is not None
    }


def _as_bundled(baselines: dict[str, Any]) -> dict[str, Any]:
    return {
        key: {k: float(v) if isinstance(v, Decimal | int) and k != "year" else v
              for k, v in value.items()}
        for key, value in baselines.items() if value is not None
    }  # fmt: skip


def test_the_bundled_baselines_are_the_seeds() -> None:
    """The reference every variant is held to: the seed's 附表1 read as the bundled plan has it."""
    bundled = _bundled()
    assert set(bundled) == {"gdp", "budget_revenue", "fixed_asset_investment", "retail_sales",
                            "urban_income", "rural_income", "unemployment_rate"}  # fmt: skip
    assert bundled["gdp"]["value"] == Decimal("1441.37")
    assert bundled["rural_income"]["growth"] == Decimal("9.3")
    assert _as_bundled(_baselines("\n".join(_seed()))) == _as_bundled(bundled)


@pytest.mark.parametrize("variant", list(_VARIANTS))
def test_a_copys_table_gives_the_bundled_baselines(variant: str) -> None:
    """Before: without row numbers only the review's figures (GDP 1441.37/0.3, no 2021 plan),
    urban and rural income one target with no baseline, the unemployment rate none; under a
    plain heading the same."""
    text = _VARIANTS[variant]()
    assert _as_bundled(_baselines(text)) == _as_bundled(_bundled())
    assert len(extract_plan(text).plan["targets"]) == 80  # the seed's 80, no row a target


def test_a_header_of_one_result_column_reads_it_as_the_rows_growth_or_value() -> None:
    """指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划 (another district's form): a growth
    row's result is its growth (地区生产总值增速 | % | 8 | 0.3 | 7以上), a level's its value;
    before, 8 read as last year's value and 0.3 as its growth."""
    body, _, _ = _parts()
    table = [
        "指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划",
        "地区生产总值增速 | % | 8 | 0.3 | 7以上",
        "地方一般公共预算收入 | 亿元 | 3.5 | 52.24 | 2",
        "社会消费品零售总额增速 | % | 6 | 11.6 | 7",
        "城镇登记失业率 | % | 5以内 | 3.02 | 4.8以内",
    ]
    for rows in (table, [_tabbed(r) for r in table]):
        drafted = _baselines(_join(body, "2022年主要指标计划表", rows))
        assert drafted["gdp"] == {
            "year": 2021,
            "growth": Decimal("0.3"),
            "plan": 8,
            "plan_text": "8",
        }
        assert drafted["budget_revenue"] == {
            "year": 2021, "value": Decimal("52.24"), "plan": Decimal("3.5"), "plan_text": "3.5"
        }  # fmt: skip
        assert drafted["retail_sales"] == {
            "year": 2021, "growth": Decimal("11.6"), "plan": 6, "plan_text": "6"
        }  # fmt: skip
        assert drafted["unemployment_rate"] == _baselines("\n".join(_seed()))["unemployment_rate"]


def test_a_header_without_a_unit_column_and_a_growth_column_of_its_own() -> None:
    """序号 | 指标 | 2021年计划 | 2021年完成 | 增长(%) | 2022年计划: no 单位 column, last
    year's growth a column of its own after its result."""
    body, _, _ = _parts()
    table = [
        "序号 | 指标 | 2021年计划 | 2021年完成 | 增长(%) | 2022年计划",
        "1 | 地区生产总值(亿元) | 8 | 1441.37 | 0.3 | 7以上",
        "2 | 社会消费品零售总额(亿元) | 6 | 671.85 | 11.6 | 7",
    ]
    drafted = _baselines(_join(body, "附表1", "官渡区2022年经济社会发展主要预期目标", table))
    assert drafted["gdp"] == _bundled_decimal("gdp")
    assert drafted["retail_sales"] == _bundled_decimal("retail_sales")


def _bundled_decimal(key: str) -> dict[str, Any]:
    return _baselines("\n".join(_seed()))[key]


def _wrapped(text: str, width: int) -> str:
    lines = []
    for line in text.split("\n"):
        while ("|" in line or "\t" in line) and len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("width", [20, 26, 33, 40])
@pytest.mark.parametrize("variant", ["no 序号 column", "under a plain heading, no 序号"])
def test_rows_without_numbers_cut_by_a_copy_give_no_wrong_baseline(
    variant: str, width: int
) -> None:
    """Re-wrapped at 20–40 characters, a row's remainder (a figure, a plan's words) stays its
    row's; a baseline is the bundled one or none, never another."""
    drafted = _baselines(_wrapped(_VARIANTS[variant](), width))
    clean = _baselines("\n".join(_seed()))
    for key, baseline in drafted.items():
        if baseline is not None and key in clean and baseline.get("plan_text") is not None:
            assert baseline == clean[key], key


def _layout(text: str) -> list[str]:
    """The tables `locate` finds in `text`, as their text."""
    parse = spell_figures(parse_form(reflow(text).text))
    layout = locate(parse, Span(*body_span(parse)))
    return [parse[span.start : span.end] for span in layout.tables]


def test_the_seeds_table_and_the_variants_tables_are_found() -> None:
    assert len(_layout("\n".join(_seed()))) == 1
    assert len(_layout(_plain_heading())) == 1
    assert len(_layout(_VARIANTS["附表2"]())) == 2
    assert len(_layout(_VARIANTS["a second table under a plain heading"]())) == 2


_PROSE = "重点抓好 | 城市更新 | 产业升级 | 民生改善 | 社会治理"


@pytest.mark.parametrize(
    "where",
    [
        "after the headline paragraph",
        "in the 2021 review",
        "a source line first",
        "the investment list",
    ],
)
@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_what_is_no_table_is_not_read_as_one(where: str, separator: str) -> None:
    """Prose cut by " | " or tabs, a page's source line, the investment list as cells, and the
    2021 review's lines: no table (none outside an appendix without a table's title above it),
    and the seed's baselines as they were."""
    body, header, rows = _parts()
    lines = list(body)
    prose = _PROSE.replace(" | ", separator)
    if where == "after the headline paragraph":
        at = next(i for i, line in enumerate(lines) if line.startswith("为实现上述目标"))
        lines[at + 1 : at + 1] = [prose, prose]
    elif where == "in the 2021 review":
        at = next(i for i, line in enumerate(lines) if line.startswith("一、"))
        review = "地区生产总值 | 1441.37亿元 | 增长0.3% | 社会消费品零售总额 | 671.85亿元"
        lines[at + 2 : at + 2] = [review.replace(" | ", separator)]
    elif where == "a source line first":
        source = (
            "SOURCE: https://example.org/a.html | 2022年官渡区政府工作报告 | 官渡区 | published"
        )
        lines.insert(0, source.replace(" | ", separator))
    else:
        for i, line in enumerate(lines):
            if re.match(r"^[1-6]\.\S+项目\d+项", line):
                lines[i] = separator.join(re.split(r"[,:;]", line.rstrip("。;")))
    assert _layout(_join(lines)) == []
    text = _join(lines, "附表1", "官渡区2022年经济社会发展主要预期目标", header, rows)
    assert len(_layout(text)) == 1
    assert _baselines(text) == _baselines("\n".join(_seed()))


def test_a_table_naming_no_past_year_gives_no_baseline() -> None:
    """A titled run whose header names no 2021 column (a 2022 task list set out in cells) is
    read for no baseline: the headline keeps the review's figures only."""
    body, _, rows = _parts()
    table = [
        "序号 | 指标名称 | 单位 | 2022年计划",
        *(" | ".join([*r.split(" | ")[:3], "7"]) for r in rows),
    ]
    drafted = _baselines(_join(body, "2022年主要指标计划表", table))
    assert "plan" not in (drafted.get("gdp") or {})
    assert drafted["gdp"] == {"year": 2021, "value": Decimal("1441.37"), "growth": Decimal("0.3")}


_STATED = {
    "gdp": "——地区生产总值增长7%以上;\n",
    "budget_revenue": "——地方一般公共预算收入增长2%;\n",
    "fixed_asset_investment": "——固定资产投资(不含农户)实现正增长;\n",
    "retail_sales": "——社会消费品零售总额增长7%;\n",
    "urban_income,rural_income": "——城乡居民收入与经济增长基本同步;\n",
}
_BOUNDS = ("kind", "unit", "min", "max", "exclusive", "relation", "reference")


def _bounds(target: dict[str, Any]) -> dict[str, Any]:
    """A target's kind, unit and bounds (exclusive False and absent alike)."""
    return {k: target[k] for k in _BOUNDS if target.get(k) not in (None, False)}


@pytest.mark.parametrize("ids", list(_STATED))
def test_a_row_the_paragraph_does_not_state_is_a_target_of_its_own(ids: str) -> None:
    """The paragraph without one of its lines (a report whose table has a row more than its
    paragraph): the row is a headline target, read from this year's cell as the paragraph
    words it (7以上 under 增长率(%): 增长7%以上; 正增长; 与经济增长基本同步, merged over the rural
    row too), with the bounds the paragraph gives (which `--compare` finds exact against the
    bundled plan) and the bundled plan's baseline, its quote the table's row, and a
    `review` saying where it came from. Before: no target."""
    text = "\n".join(_seed()).replace(_STATED[ids], "")
    assert text != "\n".join(_seed())
    drafted = {t["id"]: t for t in extract_plan(text).plan["targets"]}
    gold = {
        t.id: t.model_dump(exclude_none=True)
        for t in load_plan_file(REPO / "data" / "plan2022.toml").targets
    }
    clean = {t["id"]: t for t in extract_plan("\n".join(_seed())).plan["targets"]}
    for key in ids.split(","):
        target = drafted[key]
        assert _bounds(target) == _bounds(clean[key])
        assert _as_bundled({key: target["baseline"]}) == _as_bundled({key: gold[key]["baseline"]})
        assert re.match(r"^[1-7] \| ", target["quote"]) and target["quote"] in text
        assert "table only" in str(target["review"])
    assert sum(t["section"] == "headline" for t in drafted.values()) == 7


def test_the_unemployment_row_as_a_level_and_an_unlabelled_amount_as_none() -> None:
    """城镇登记失业率 | % | … | 4.8以内: 控制在4.8%以内 (max 4.8). A row whose column does not say
    what its figure is (城镇新增就业 | 万人 | … | 1.3 under a bare 2022年计划) is no target."""
    lines = "\n".join(_seed()).split("\n")
    at = lines.index("——城镇登记失业率控制在4.8%以内。")
    lines[at - 1] = lines[at - 1].rstrip(";") + "。"
    del lines[at]
    drafted = {t["id"]: t for t in extract_plan("\n".join(lines)).plan["targets"]}
    assert drafted["unemployment_rate"]["max"] == Decimal("4.8")
    assert drafted["unemployment_rate"]["kind"] == "level"
    assert drafted["unemployment_rate"]["baseline"]["value"] == Decimal("3.02")
    body, _, _ = _parts()
    table = [
        "指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划",
        "地区生产总值增速 | % | 8 | 0.3 | 7以上",
        "城镇新增就业 | 万人 | 1.2 | 1.5 | 1.3",
    ]

    def headline(text: str) -> list[str]:
        return [t["id"] for t in extract_plan(text).plan["targets"] if t["section"] == "headline"]

    assert headline(_join(body, "2022年主要指标计划表", table)) == headline(_join(body))


def test_a_row_of_a_series_the_paragraph_states_as_a_whole_is_no_target_of_its_own() -> None:
    """居民收入与经济增长基本同步 in the paragraph (one series, `resident_income`) covers 附表1's
    城镇 and 农村 income rows: no urban and rural targets beside it."""
    text = "\n".join(_seed()).replace(
        "——城乡居民收入与经济增长基本同步;", "——居民收入与经济增长基本同步;"
    )
    plan = extract_plan(text).plan
    headline = [t["id"] for t in plan["targets"] if t["section"] == "headline"]
    assert headline == ["gdp", "budget_revenue", "fixed_asset_investment", "retail_sales",
                        "resident_income", "unemployment_rate"]  # fmt: skip
