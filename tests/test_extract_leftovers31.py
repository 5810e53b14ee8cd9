"""Session 31: extract's known leftovers. A rate's negative baseline (the seed's 附表1 row of
城镇登记失业率 with -3.02), figures no plan holds read from a table or a clause (a draft always
loads: such a figure is left out with a `review`), counts of people stated without a verb or
without a digit (浙江's 民生实事), and a 附表 laid out by `pdftotext -layout` so narrow that one
space separates its cells."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPORT

from plancli.extract import extract_plan
from plancli.model import Plan

needs_seed = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")

# 附表1's rows as the seed writes them
GDP_ROW = "1 | 地区生产总值 | 亿元 | 8 | 1441.37 | 0.3 | 7以上 |"
REVENUE_ROW = "2 | 地方一般公共预算收入 | 亿元 | 3.5 | 52.24 | 5.2 | 2 |"
RETAIL_ROW = "4 | 社会消费品零售总额 | 亿元 | 6 | 671.85 | 11.6 | 7 |"
JOBLESS_ROW = "7 | 城镇登记失业率 | % | 5以内 | 3.02 | —— | 4.8以内 |"


def _seed(*swaps: tuple[str, str]) -> str:
    text = REPORT.read_text(encoding="utf-8")
    for old, new in swaps:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _targets(text: str) -> dict[str, dict[str, Any]]:
    draft = extract_plan(text, name="seed")
    Plan.model_validate(draft.plan)  # the draft loads as a plan, whatever the copy held
    return {t["id"]: t for t in draft.plan["targets"]}


@needs_seed
def test_a_rates_negative_baseline_is_left_out_for_review() -> None:
    """附表1's 城镇登记失业率 row with -3.02 (a dash read with the figure) was drafted as last
    year's rate, `value = -3.02`, which no unemployment rate is: left out, with a review; the
    plan (5以内) is kept."""
    jobless = _targets(_seed((JOBLESS_ROW, JOBLESS_ROW.replace("| 3.02 |", "| -3.02 |"))))[
        "unemployment_rate"
    ]
    assert jobless["baseline"] == {"year": 2021, "plan": 5, "plan_text": "5以内"}
    assert "baseline.value -3.02 left out: a rate's level is never negative" in jobless["review"]
    # the seed as it is: 3.02, no review
    clean = _targets(_seed())["unemployment_rate"]
    assert clean["baseline"] == {"year": 2021, "value": Decimal("3.02"), "plan": 5,
                                 "plan_text": "5以内"}  # fmt: skip
    assert "review" not in clean


@needs_seed
def test_a_negative_growth_or_price_change_is_kept() -> None:
    """A growth may be negative (社会消费品零售总额 fell 11.6 %): its baseline keeps it; so does a
    level that is a change (居民消费价格涨幅 -0.3)."""
    from plancli.extract.draft import DraftTarget
    from plancli.extract.unfit import leave_out_unfit, never_negative

    retail = _targets(_seed((RETAIL_ROW, RETAIL_ROW.replace("| 11.6 |", "| -11.6 |"))))[
        "retail_sales"
    ]
    assert retail["baseline"]["growth"] == Decimal("-11.6")
    assert "review" not in retail
    cpi = DraftTarget("cpi", "headline", "居民消费价格涨幅", "level", "%", 0, 1, direction="band")
    cpi.baseline = {"year": 2025, "value": Decimal("-0.3")}
    leave_out_unfit([cpi])
    assert cpi.baseline == {"year": 2025, "value": Decimal("-0.3")} and not cpi.review
    assert not never_negative(cpi)
    share = DraftTarget("x", "headline", "常住人口城镇化率", "change", "%", 0, 1)
    assert never_negative(share)


@needs_seed
@pytest.mark.parametrize(
    ("row", "cell", "key", "problem"),
    [
        (GDP_ROW, "| 1441.37 |", "value", "is too large (at most 10^15 in magnitude)"),
        (REVENUE_ROW, "| 5.2 |", "growth", "has more than 10 decimal places"),
        (RETAIL_ROW, "| 6 |", "plan", "is too large (at most 10^15 in magnitude)"),
    ],
)
def test_a_table_figure_no_plan_holds_is_left_out(
    row: str, cell: str, key: str, problem: str
) -> None:
    """附表1's cells run together or cut from another line (14413700000000000000,
    5.200000000000000001, 60000000000000000000) were drafted, and the draft's own load check
    then refused them: left out, with a review naming the figure; the rest of the row kept."""
    figure = {
        "value": "14413700000000000000",
        "growth": "5.200000000000000001",
        "plan": "60000000000000000000",
    }[key]
    clean = _targets(_seed())
    targets = _targets(_seed((row, row.replace(cell, f"| {figure} |"))))
    drafted = next(t for t in targets.values() if t["quote"] == clean_quote(clean, row))
    expected = {k: v for k, v in clean_baseline(clean, row).items() if k != key}
    if key == "plan":
        expected["plan_text"] = figure
    assert drafted["baseline"] == expected
    assert f"baseline.{key} {figure} {problem}: left out of the draft" in drafted["review"]


def clean_quote(clean: dict[str, dict[str, Any]], row: str) -> str:
    return clean[_ROW_IDS[row]]["quote"]


def clean_baseline(clean: dict[str, dict[str, Any]], row: str) -> dict[str, Any]:
    return dict(clean[_ROW_IDS[row]]["baseline"])


_ROW_IDS = {GDP_ROW: "gdp", REVENUE_ROW: "budget_revenue", RETAIL_ROW: "retail_sales"}


@needs_seed
def test_a_table_only_target_whose_bound_no_plan_holds_is_pending() -> None:
    """The seed without its GDP line: 附表1's row is the target; its 2022 cell run together
    (70000000000000000000以上) was the bound. The target stays, pending, its bound for `amend`."""
    text = _seed(
        ("——地区生产总值增长7%以上;\n", ""),
        (GDP_ROW, GDP_ROW.replace("| 7以上 |", "| 70000000000000000000以上 |")),
    )
    gdp = _targets(text)["gdp"]
    assert gdp["pending"] is True and "min" not in gdp
    assert gdp["baseline"]["value"] == Decimal("1441.37")
    assert "min 70000000000000000000 is too large" in gdp["review"]
    assert "give the bound with `plancli amend`" in gdp["review"]


@needs_seed
def test_a_clause_figure_no_plan_holds_leaves_the_target_pending() -> None:
    """新建5G基站310个 with its count run into other digits: the work target stays, pending."""
    targets = _targets(_seed(("新建5G基站310个", "新建5G基站3100000000000000000000个")))
    (base,) = [t for t in targets.values() if t["name"] == "新建5G基站"]
    assert base["pending"] is True and "min" not in base
    assert "min 3100000000000000000000 is too large" in base["review"]


@needs_seed
def test_extract_warns_of_no_load_problem_for_such_a_copy(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The command: the draft written loads (no "does not load" warning), the figure left out."""
    report = tmp_path / "seed.txt"
    report.write_text(
        _seed((GDP_ROW, GDP_ROW.replace("| 1441.37 |", "| 14413700000000000000 |"))),
        encoding="utf-8",
    )
    out = tmp_path / "draft.toml"
    result = invoke("extract", str(report), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "does not load" not in result.stderr
    plan = tomllib.loads(out.read_text(encoding="utf-8"))
    gdp = next(t for t in plan["targets"] if t["id"] == "gdp")
    assert gdp["baseline"] == {"year": 2021, "growth": 0.3, "plan": 8, "plan_text": "8"}


def test_a_count_of_those_a_policy_covers_is_drafted() -> None:
    """浙江's 民生实事 (言必信、行必果: firm commitments): 全省30万以上参保孕产妇…生育费用“零自付”
    states no verb, so no work was read; it is a count of beneficiaries, as 惠及超50万名… is."""
    from test_extract_work_kinds28 import _work

    sentence = "全省30万以上参保孕产妇产前检查、住院分娩等政策范围内生育费用“零自付”"
    found = _work(f"{sentence}。举办名中医惠老医养健体服务活动1000场。")
    covered = found[sentence]
    assert (covered["name"], covered["kind"], covered["unit"], covered["min"]) == (
        "参保孕产妇产前检查、住院分娩等政策范围内生育费用“零自付”",
        "cumulative",
        "万人",
        30,
    )
    assert "review" not in covered
    assert "举办名中医惠老医养健体服务活动1000场" in found  # (the sentence after it as before)


def test_a_round_wan_ming_after_a_verb_is_ten_thousand_people() -> None:
    """浙江's 带动万名青年入乡发展: 万名 is 10,000 people, with no digit (1 万名, for review); a
    programme's name is no count (河南's 实施…万名大学生助企服务专项计划)."""
    from test_extract_work_kinds28 import _work

    found = _work(
        "引育1000名乡村运营人才，带动万名青年入乡发展。",
        "接续实施乡村振兴村级协理员、万名大学生助企服务专项计划。",
    )
    youth = found["带动万名青年入乡发展"]
    assert (youth["name"], youth["kind"], youth["unit"], youth["min"]) == (
        "带动青年入乡发展",
        "cumulative",
        "万名",
        1,
    )
    assert youth["review"] == "a Chinese numeral: 万名 read as 1万名"
    assert found["引育1000名乡村运营人才"]["min"] == 1000
    assert not any("大学生" in quote for quote in found)


NARROW = Path(__file__).parent / "fixtures" / "layout-table" / "narrow.layout.txt"


def _narrow_seed() -> str:
    """The seed with its 附表1 as the narrow fixture: LibreOffice's PDF of the same table in
    narrow columns, copied out by `pdftotext -layout`."""
    text = REPORT.read_text(encoding="utf-8")
    return text[: text.index("附表1")] + NARROW.read_text(encoding="utf-8")


def test_the_narrow_fixture_sets_cells_one_space_apart() -> None:
    table = NARROW.read_text(encoding="utf-8")
    assert "|" not in table and "\t" not in table
    assert "1        亿元 8      1441.37 0.3     7 以上" in table  # one space: 1441.37 0.3
    assert "3   投资(不 亿元 正增长 605.02      ——     正增长" in table  # 605.02 set early
    # a name over four lines, the merged cell's lines between them
    assert "    城镇常住\n    居民人均\n5        元" in table
    assert "    可支配收\n             与经济                   与经济\n    入" in table


@needs_seed
def test_a_narrow_layout_table_reads_as_the_seeds_text() -> None:
    """Before, the narrow copy gave no table (the review's figures only: no 2021 plan, the
    incomes and 城镇登记失业率 no baseline, 79 targets); now its rows are the seed's."""
    from plancli.extract.layout_tables import layout_tables

    laid = layout_tables(_narrow_seed())
    assert laid is not None
    rows = laid[0].split("\n")
    seed_rows = REPORT.read_text(encoding="utf-8").split("\n")
    same = "与经济增长基本同步"
    for row in (GDP_ROW, REVENUE_ROW, RETAIL_ROW, JOBLESS_ROW):
        assert row in rows and row in seed_rows
    assert "3 | 固定资产投资(不含农户) | 亿元 | 正增长 | 605.02 | —— | 正增长 |" in rows
    assert f"5 | 城镇常住居民人均可支配收入 | 元 | {same} | 53505 | 9.2 | {same} |" in rows
    assert "6 | 农村常住居民人均可支配收入 | 元 | 26319 | 9.3 |" in rows
    assert "序号 | 指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划 |" in rows
    assert "增长率(%) | 绝对值 | 增长率(%) | 增长率(%) |" in rows


@needs_seed
def test_a_narrow_layout_table_gives_the_bundled_baselines() -> None:
    from tests.test_extract_tables_s29 import _as_bundled, _baselines, _bundled

    text = _narrow_seed()
    assert _as_bundled(_baselines(text)) == _as_bundled(_bundled())
    draft = extract_plan(text)
    assert len(draft.plan["targets"]) == 80  # 城乡居民收入 split into its two rows, as the seed
    for target in draft.plan["targets"]:
        assert target["quote"] in text


# 浙江's paragraph as pdftotext -layout copies its PDF: figures one space from the Chinese, in
# columns enough to look like cells
_PROSE = (
    "综合考虑各方面因素，今年经济社会发展主要预期目标为"
    "：全省生产总值增长 5%—5.5%，在实际工作中努力\n"
    "争取更好结果；城镇调查失业率 5%以内；居民消费价"
    "格涨幅 2%左右；居民人均可支配收入增长与经济增长同\n"
    "步。\n"
    "（一）着力提振市场信心增强社会预期\n"
    "放大经济政策实施效应。全力争取和用足用好中央预算"
    "内投资、“两重”“两新”超长期特别国债、新型政策\n"
    "性金融工具等政策资金，争取 100 个以上项目纳入国"
    "家用地保障范围。加力实施“8+4”经济政策体系，安排\n"
    "省级财政资金 1053.8 亿元，支持经济高质量发展。"
    "精准落实惠企政策，为经营主体减负 2500 亿元以上。迭\n"
    "代升级“凤凰行动”计划，支持优质科技企业上市。深"
    "入实施融资畅通工程，保持社会融资规模合理增长，新\n"
    "增无还本续贷 5000 亿元以上。健全预期管理机制"
    "，增强政策取向一致性，加强政策宣传解读，提高政策执行\n"
)


def test_prose_one_space_apart_under_a_title_is_no_narrow_table() -> None:
    """The same reading of 浙江's prose finds columns in it (its figures one space from the
    words); under a table's title it is still left as it is: no line a run of spaces, and a
    sentence's punctuation in each. The 16 reports exported to PDF and copied with -layout have
    three such blocks (四川, 浙江, 贵州), none read."""
    from plancli.extract.layout_tables import _blocks, _columns, _figures, _titled, layout_tables

    report = "2026年主要预期目标\n" + _PROSE + "\n\n附   注\n"
    (block,) = [b for b in _blocks(report, True) if sum(_figures(x) >= 2 for x in b) >= 3]
    assert _columns([line for line in block if _figures(line) >= 2]) is not None
    assert _titled(report, block[0].start)
    assert layout_tables(report) is None


@needs_seed
def test_a_narrow_grouped_header_reads_as_its_text() -> None:
    """The grouped header's table in narrow columns (make.py): `计划 完成 目标` one space apart,
    2022 over 年, 7以 / 上 and 5以 / 内 wrapped, 指标 and 单位 beside the header's rows. Its rows
    are the ` | ` table's and give that table's baselines."""
    from tests.test_extract_layout_tables import _grouped_expected
    from tests.test_extract_tables_s29 import _as_bundled, _baselines

    from plancli.extract.layout_tables import layout_tables

    table = (NARROW.parent / "narrow-grouped.layout.txt").read_text(encoding="utf-8")
    assert "计划 完成 目标" in table and "品零售总 %     6   11.6   7" in table
    text = REPORT.read_text(encoding="utf-8")
    text = text[: text.index("附表1")] + table
    laid = layout_tables(text)
    assert laid is not None
    rows = laid[0].split("\n")
    for row in (
        "指标 | 单位 | 2021年 | 2022年 |",
        "计划 | 完成 | 目标 |",
        "地区生产总值增速 | % | 8 | 0.3 | 7以上 |",
        "城镇登记失业率 | % | 5以内 | 3.02 | 4.8以内 |",
    ):
        assert row in rows
    drafted = _as_bundled(_baselines(text))
    expected = _grouped_expected()
    assert {key: drafted[key] for key in expected} == expected


def test_a_stretch_or_opening_no_plan_holds_is_left_out() -> None:
    """A stretch (力争…) or a stock's opening read from a copy's run-together figure: left out
    with a review naming it; the bound stays."""
    from plancli.extract.draft import DraftTarget
    from plancli.extract.unfit import leave_out_unfit

    gdp = DraftTarget("gdp", "headline", "地区生产总值", "growth", "亿元", 0, 1)
    gdp.min, gdp.stretch = Decimal(5), Decimal("55000000000000000000")
    stock = DraftTarget("w1_t01", "work_1", "信号灯联网", "cumulative", "处", 0, 1)
    stock.min, stock.opening = Decimal(8000), Decimal("7000.00000000001")
    leave_out_unfit([gdp, stock])
    assert (gdp.min, gdp.stretch, gdp.pending) == (Decimal(5), None, False)
    assert gdp.review == [
        "stretch 55000000000000000000 is too large (at most 10^15 in magnitude): left out; "
        "check the report's figure"
    ]
    assert (stock.min, stock.opening) == (Decimal(8000), None)
    assert stock.review == [
        "opening 7000.00000000001 has more than 10 decimal places: left out; check the "
        "report's figure"
    ]
