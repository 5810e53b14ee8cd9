"""What the eleventh round taught (docs/extract.md, "Round 11").

Round 11 studied sets A–J for what generalises: a page's lead in a wording no rule lists, a page
whose lead was dropped, a list in units the lead-less reader did not count, and two pending
tasks of set J. Each test is a short text written for it, in words of its own, that the
extractor read wrongly before the fix (the guard at the end excepted: it says so).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract_drafts import heads, page
from plancli.errors import InputError
from plancli.extract import extract_plan

LIST = "地区生产总值增长6%左右，一般公共预算收入增长5%左右，固定资产投资增长8%以上。"


def _figures(text: str) -> list[Decimal | None]:
    return [t.get("min", t.get("around", t.get("max"))) for t in heads(text)]


# ------------------------------------------------------------------ leads the rules never listed


@pytest.mark.parametrize(
    "words",
    [
        "全年发展的总体目标设定如下：",
        "目标任务确定为：",
        "各项指标安排如下，",
        "全县上下要努力实现以下目标：",
        "全县的奋斗目标：",
    ],
)
def test_the_lead_familys_other_wordings(words: str) -> None:
    """总体目标设定如下：, 目标任务确定为：, 以下目标：…: the family's wordings, a noun 目标/指标
    and a verb (or only a colon) before figures (refused before: no lead known)."""
    assert _figures(page(words + LIST)) == [Decimal("6"), Decimal("5"), Decimal("8")]


def test_a_lead_of_last_years_results_is_none() -> None:
    """去年各项目标完成情况如下：… is the past: its figures are no targets of the year. A guard
    for the new lead family (the page was refused before too, as it still is)."""
    text = page(
        "去年各项目标完成情况如下：地区生产总值增长5.2%，一般公共预算收入增长4.1%，固定资产投资增长3%。"
    )
    with pytest.raises(InputError):
        extract_plan(text, year=2024)


# ------------------------------------------------------------------ pages without a lead


def test_a_later_jinnian_of_the_line_opens_the_list() -> None:
    """…今年是…的关键一年…。做好今年工作任务艰巨。今年，…: the list opens at the line's third
    今年 (before: only the first was tried, and the next line's one figure was taken)."""
    text = page(
        "县长在报告中说，今年是全面推进乡村振兴的关键一年，也是机遇和挑战并存的一年。"
        "做好今年工作任务艰巨，意义重大。今年，"
        + LIST
        + "\n今年经济增长目标确定为6%左右，主要考虑是稳就业。"
    )
    assert _figures(text) == [Decimal("6"), Decimal("5"), Decimal("8")]


def test_a_title_of_one_figure_gives_way_to_the_list() -> None:
    """A title stating one target (2024年某县地区生产总值预期增长6%左右) gives way to the
    paragraph below of several, as a lead of one clause does (before: the title's one)."""
    text = "2024年某县地区生产总值预期增长6%左右\n" + page("今年，" + LIST)
    assert _figures(text) == [Decimal("6"), Decimal("5"), Decimal("8")]


def test_a_list_without_a_lead_or_a_year_is_drafted_for_review() -> None:
    """A copy that dropped its lead and 今年: the run of clauses qualified as targets (左右,
    以上) is drafted, each target marked for review (refused before)."""
    text = page("会议强调，要坚定信心。" + LIST + "努力实现质的有效提升和量的合理增长。")
    targets = heads(text)
    assert [t.get("min", t.get("around")) for t in targets] == [
        Decimal("6"),
        Decimal("5"),
        Decimal("8"),
    ]
    assert all("without a lead or a year" in t["review"] for t in targets)


def test_a_lead_less_list_counts_other_units_and_amounts() -> None:
    """今年，…增长20%，达到1.32亿元；…新增限额以上企业10家: amounts after their growth and counts
    in 家/个 count as targets of a lead-less list (refused before: two clauses counted)."""
    text = page(
        "今年，地方财政收入增长20%，达到1.32亿元；固定资产投资增长24%，达到18亿元；"
        "新增限额以上企业10家。同时，将全年工作重点细化分解。"
    )
    figures = _figures(text)
    assert Decimal("20") in figures and Decimal("1.32") in figures and Decimal("10") in figures


# ------------------------------------------------------------------ pending tasks


def test_a_provinces_target_said_short() -> None:
    """单位GDP能耗完成省下目标 (a copy dropped 达 of 省下达): pending (before: dropped)."""
    targets = heads(page("今年的主要预期目标是：" + LIST[:-1] + "，单位GDP能耗完成省下目标。"))
    assert [(t["id"], t.get("pending")) for t in targets][-1] == ("energy_intensity", True)


def test_each_item_of_a_higher_levels_task_is_one() -> None:
    """完成上级下达的能耗下降、水质改善等指标任务: two pending targets, energy and the water's
    quality by its words (before: the energy one only)."""
    text = page(
        "今年的主要预期目标是：" + LIST[:-1] + "，完成上级下达的能耗下降、水质改善等指标任务。"
    )
    pending = [(t["name"], t["kind"]) for t in heads(text) if t.get("pending")]
    assert len(pending) == 2
    assert pending[1] == ("水质改善", "level")


# ------------------------------------------------------------------ a stock, not a count


@pytest.mark.parametrize(
    ("subject", "kind"), [("入园企业总数", "level"), ("新增入园企业", "cumulative")]
)
def test_a_total_count_is_a_level(subject: str, kind: str) -> None:
    """园区入园企业总数突破120家: a stock the year ends at, a level (before: cumulative, as a
    count the year adds up is: 新增入园企业突破120家 stays so)."""
    targets = heads(page(f"今年的主要预期目标是：{LIST[:-1]}，{subject}突破120家。"))
    assert (targets[-1]["kind"], targets[-1]["min"]) == (kind, Decimal("120"))


# ------------------------------------------------------------------ one target a sentence


@pytest.mark.parametrize("clause", ["进出口保稳提质", "固定资产投资合理增长", "进出口回稳向好"])
def test_a_sentence_of_a_named_indicator_goes_on_with_the_list(clause: str) -> None:
    """…增长6%左右。进出口保稳提质。城镇新增就业1万人。: a sentence opening with a known
    indicator in a form without a figure goes on with the list, as one with a figure does
    (before: the list ended at it, the targets after it lost)."""
    text = page(
        f"今年的主要预期目标是：地区生产总值增长6%左右。{clause}。城镇新增就业1万人。"
        "我们将坚定信心，真抓实干。"
    )
    targets = heads(text)
    assert len(targets) == 3
    assert targets[-1]["id"] == "new_urban_jobs"
