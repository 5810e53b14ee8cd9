"""`plancli extract` on reports written or copied differently from the corpus (issue 11).

Each general fix has a test on a short synthetic report: the lead worded otherwise, a headline
paragraph of several sentences or set as a list, a copy's line breaks, CRLF and indentation,
spaces around figures, 第一部分 headings, web-page buttons above the title. A property checks
that such rewritings leave the draft as it is; a fuzz checks that no text raises anything but
an input error (exit 2, one line).
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.errors import InputError, PlanError
from plancli.extract import compare_plans, decode_report, extract_plan
from plancli.extract.flow import reflow
from plancli.extract.sections import Span, locate
from plancli.extract.text import MAX_CHARS, parse_form

LEAD = "今年经济社会发展主要预期目标是："
TARGETS = (
    "地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇调查失业率5.5%左右；"
    "居民消费价格涨幅2%左右；粮食产量730亿斤以上。"
)
WORK = (
    "（一）着力扩大内需，增强发展动力。深入实施提振消费专项行动，新建5G基站3000个，"
    "新增城镇就业60万人以上，改造城镇老旧小区1200个。\n"
    "（二）加快建设现代化产业体系。培育科技型中小企业2000家，建成投用东部数据中心，"
    "完成交通投资800亿元。\n"
)


def report(lead: str = LEAD, targets: str = TARGETS, *, heading: str = "一、") -> str:
    """A small report: title, a review that states figures, the plan part, two sections."""
    second = {"一、": "二、", "第一部分 ": "第二部分 "}[heading]
    return (
        "2026年某省政府工作报告\n各位代表：\n"
        f"{heading}2025年工作回顾\n"
        "过去一年，地区生产总值增长5.2%，新建5G基站2500个，城镇调查失业率5.1%。\n"
        f"{second}2026年重点工作\n"
        f"今年是“十五五”开局之年。{lead}{targets}\n"
        "围绕实现上述目标，重点抓好以下工作：\n" + WORK
    )


def headline(text: str) -> dict[str, dict[str, Any]]:
    plan = extract_plan(text).plan
    return {t["id"]: t for t in plan["targets"] if t["section"] == "headline"}


def signature(text: str) -> list[tuple[Any, ...]]:
    """What a draft says, quotes aside: each target's id, section and bounds and form."""
    keys = ("id", "section", "kind", "min", "max", "around", "stretch", "pending", "decline")
    return sorted(tuple(str(t.get(k)) for k in keys) for t in extract_plan(text).plan["targets"])


def quotes_verbatim(text: str) -> None:
    for target in extract_plan(text).plan["targets"]:
        assert target["quote"] in text, target


def test_the_small_report_reads_as_expected() -> None:
    found = headline(report())
    assert list(found) == ["gdp", "surveyed_unemployment_rate", "cpi", "grain_output"]
    assert found["gdp"]["around"] == 5
    work = [t for t in extract_plan(report()).plan["targets"] if t["section"] != "headline"]
    assert {t["quote"] for t in work} >= {"新建5G基站3000个", "完成交通投资800亿元"}
    assert not any("2500" in t["quote"] for t in work)  # the review's figure is no target


# ------------------------------------------------------------------ the headline lead


@pytest.mark.parametrize(
    "lead",
    [
        "主要预期目标是：",
        "经济社会发展的主要预期目标为：",
        "今年发展的主要目标：",  # the plainer wording: taken because figures follow
        "2026年主要预期目标建议如下：",
        "全省主要预期目标安排是：",
        "主要预期目标是：\n",  # the targets on a line of their own
    ],
)
def test_the_lead_may_be_worded_as_reports_word_it(lead: str) -> None:
    assert list(headline(report(lead=lead))) == [
        "gdp",
        "surveyed_unemployment_rate",
        "cpi",
        "grain_output",
    ]


def test_a_plain_main_goals_lead_of_a_five_year_goal_is_not_the_headline() -> None:
    text = report(lead="主要目标：", targets="到2030年地区生产总值年均增长5%左右。") + (
        "今年经济社会发展主要预期目标是：地区生产总值增长4.5%左右。\n"
    )
    found = headline(text)
    assert [t["around"] for t in found.values()] == [Decimal("4.5")]


def test_the_headline_paragraph_goes_on_past_its_first_sentence() -> None:
    # 贵州's form: "…增长5%左右，其中…。规模以上工业增加值增长7.5%左右；…。"
    targets = (
        "地区生产总值增长5%左右，其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。"
        "规模以上工业增加值增长7.5%左右；城镇调查失业率5.5%左右。"
    )
    found = headline(report(targets=targets))
    assert "industrial_value_added" in found and "surveyed_unemployment_rate" in found
    assert len(found) == 6


@pytest.mark.parametrize(
    "after",
    ["这样的目标，是综合考虑各方面因素提出来的。", "确定5%左右的增长目标，兼顾了需要与可能。"],
)
def test_a_sentence_about_the_targets_does_not_continue_them(after: str) -> None:
    found = headline(report(targets="地区生产总值增长5%左右。" + after))
    assert list(found) == ["gdp"]


@pytest.mark.parametrize("label", ["——", "{n}.", "{n}、", "（{cn}）", "{circled}"])
def test_headline_targets_set_as_a_list_of_any_label(label: str) -> None:
    items = ["地区生产总值增长5%左右；", "城镇调查失业率5.5%左右；", "居民消费价格涨幅2%左右。"]
    lines = "".join(
        "\n" + label.format(n=n, cn="一二三"[n - 1], circled="①②③"[n - 1]) + item
        for n, item in enumerate(items, start=1)
    )
    text = report(targets=lines)
    assert list(headline(text)) == ["gdp", "surveyed_unemployment_rate", "cpi"]
    quotes_verbatim(text)
    # Items labelled （一） are not taken for work sections: the first section stays work_1.
    sections = {t["section"] for t in extract_plan(text).plan["targets"]}
    assert "work_1" in sections and "work_3" not in sections


# ------------------------------------------------------------------ a copy's typesetting


def wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        out.append("\n".join(line[i : i + width] for i in range(0, len(line), width)) or "")
    return "\n".join(out)


def test_a_break_after_a_clause_is_inside_the_paragraph() -> None:
    text = report().replace("，", "，\n").replace("；", "；\n")
    assert signature(text) == signature(report())
    quotes_verbatim(text)
    assert (
        "\n" not in reflow("今年主要预期目标是：地区生产总值增长5%左右，\n城镇调查失业率5%。").text
    )


def test_a_figure_cut_by_a_break_is_read_whole() -> None:
    flow = reflow("城镇调查失业率5.\n5%左右，居民消费价格涨幅2\n%左右。")
    assert flow.text == "城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。"
    # An appendix label above a title is no cut figure: 附件1 / 2026年省十件民生实事.
    assert reflow("附件1\n2026年省十件民生实事\n").text == "附件1\n2026年省十件民生实事"
    start = flow.text.index("5.5")
    assert flow.span(start, start + 4) == (7, 12)  # the break stays inside the quote


@pytest.mark.parametrize("width", [24, 31, 38, 57])
def test_a_text_wrapped_at_a_fixed_width_drafts_the_same(width: int) -> None:
    text = wrap(report(), width)
    assert signature(text) == signature(report())
    quotes_verbatim(text)


@pytest.mark.parametrize("number", ["— 2 —", "- 2 -", "第2页", "第 2 页 共 9 页"])
def test_a_pdfs_page_number_inside_a_paragraph_is_left_out(number: str) -> None:
    """pdftotext's page break (the page's number, a form feed) wherever it falls: between the
    wrapped lines of a paragraph, inside a figure's clause (…增长5%左 / — 2 — / 右)."""
    wrapped = wrap(report(), 24).split("\n")
    for cut in range(2, len(wrapped) - 1, 3):  # a page break after every third line
        text = "\n".join([*wrapped[:cut], number, "\f" + wrapped[cut], *wrapped[cut + 1 :]])
        assert signature(text) == signature(report()), cut
        quotes_verbatim(text)
    assert reflow("增长5%左\n— 18 —\n\f右").text == "增长5%左\n右"  # no wrap here: kept apart
    assert "18" in reflow("附表\n指标\n18\n20").text  # a table's cell a line is no page number


TABLE = (
    "2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年，全区经济平稳运行。\n"
    "二、2024年主要预期目标\n2024年全区经济社会发展的主要预期目标是：地区生产总值增长6%，"
    "固定资产投资正增长，社会消费品零售总额增长7%。\n附表\n"
    "序号 | 指标 | 单位 | 2023年计划 | 2023年完成 | 增长 | 2024年计划 |\n"
    "1 | 地区生产总值 | 亿元 | 6 | 700 | 5.5 | 6 |\n"
    "2 | 固定资产投资 | 亿元 | 正增长 | 605.02 | —— | 正增长 |\n"
    "3 | 社会消费品零售总额 | 亿元 | 6 | 671.85 | 11.6 | 7 |\n"
)


def test_a_table_row_a_pdf_wrapped_keeps_its_cells() -> None:
    """A PDF's copy wraps a row after a cell (…| 605.02 | / —— | 正增长 |): the remainder is the
    row's, and the rows after it still take their baselines from the table. (Before: the row
    read as a merged-cell row, 605.02 as last year's growth and the row above's 6 as its plan;
    and the rows after it, cut from the table's header, took none.)"""
    wrapped = TABLE.replace("605.02 | ——", "605.02 |\n——")
    expected = {t["id"]: t.get("baseline") for t in extract_plan(TABLE).plan["targets"]}
    assert expected["fixed_asset_investment"] == {
        "year": 2023, "value": Decimal("605.02"), "plan": 0, "plan_text": "正增长"
    }  # fmt: skip
    assert {t["id"]: t.get("baseline") for t in extract_plan(wrapped).plan["targets"]} == expected
    # a row cut inside, whatever else: no baseline rather than a wrong one
    cut = TABLE.replace("| 正增长 | 605.02 | —— | 正增长 |", "| 正增长 | 605.02 |")
    targets = {t["id"]: t for t in extract_plan(cut).plan["targets"]}
    assert "baseline" not in targets["fixed_asset_investment"]
    assert targets["retail_sales"]["baseline"]["growth"] == Decimal("11.6")


def test_a_wrapped_line_ending_inside_a_clause_goes_on_over_a_dash() -> None:
    """LibreOffice's PDF, copied out, broke …启动昆明跨境合作先行区 / —太和·1903、大树营…
    before the dash of a place's name: the next line is the sentence's, not a list item (a
    milestone was lost and another cut short); a —— item after a full line stays an item."""
    line = "全力提速片区开发建设。有序推进城市更新三年行动计划，启动昆明跨境合作先行区"
    body = "\n".join(
        [
            "有序推进城市更新三年行动计划有序推进城市更新三年行动计划有序推进城市更新三",
            "年行动计划有序推进城市更新三年行动计划有序推进城市更新三年行动计划有序推进",
            line,
            "—太和·1903、大树营“三旧”连片开发改造项目，继续推进关上国际会展中心",
            "收回项目。",
        ]
    )
    assert len({len(x) for x in body.split("\n")[:4]}) == 1  # a wrap of one width
    assert "先行区—太和·1903" in reflow(body).text
    listed = body.replace("\n—太和", "\n——太和")
    assert "先行区\n——太和" in reflow(listed).text


def test_a_wrapped_text_keeps_its_parts_headings_and_joins_a_numeral_that_goes_on() -> None:
    """LibreOffice's PDF of 福建's report, copied out: a full line closed by 。 ran into the next
    part's heading (…加以解决。二、一张蓝图绘到底…: a heading opening with 一 is no list marker)
    and a heading of almost the full width into its first paragraph, so three of the four
    parts were lost (37 work targets → 1). And 陕西's …建成通车，西 / 十、康渝等4条高铁… (the 西十
    railway) is one sentence, not a part titled 康渝等4条高铁."""
    width = "我们将加大工作力度努力在发展中加以解决我们将加大工作力度努"  # 30 characters
    body = "\n".join(
        [
            width,
            width[:-1] + "。",
            "二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章福建",
            "“十五五”时期是基本实现社会主义现代化夯实基础全面发力",
            width,
            width[:-1] + "西",
            "十、康渝等4条高铁加快建设，西安地铁15号线通车运营东",
            width[:-1] + "。",
        ]
    )
    assert len({len(line) for line in body.split("\n")}) <= 3  # a wrap: 30, 28, 27
    lines = reflow(body).text.split("\n")
    assert "二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章福建" in lines  # a line of its own
    assert any("西十、康渝等4条高铁" in line for line in lines)


def test_a_line_a_few_characters_short_that_stops_mid_sentence_goes_on() -> None:
    """A PDF's justified lines hold different counts of characters (narrow digits, compressed
    、): 贵州's …政务移动应用整合分别完成 / 25%、50%、20%。 stopped three short of the width and was
    cut from its figures (three targets lost). A line three or four short of the width that
    stops mid-sentence goes on; six short, it is a line of its own."""
    full = "加快夯实政务云政务网等一体化数智底座加快夯实政务云政务网等"  # 30 characters
    short = "统、自建非涉密业务专网、政务移动应用整合工作的进"  # 24: six short
    body = "\n".join([full, full, full, full, short, "度要加快。"])
    assert "的进\n度要加快" in reflow(body).text
    body = body.replace(short, "统、自建非涉密业务专网、省级政务移动应用整合工作的进")  # 26
    assert "的进度要加快" in reflow(body).text


def test_a_typesetters_space_between_chinese_and_latin_is_not_the_reports() -> None:
    """LibreOffice's PDF sets a space between Chinese and Latin: 算力规模突破 15 万 P reads as
    算力规模突破15万P (unit 万P), as the text does."""
    text = report().replace("新建5G基站3000个", "算力规模突破 15 万 P")
    work = [t for t in extract_plan(text).plan["targets"] if t["section"] != "headline"]
    assert any(t["unit"] == "万P" and t.get("min") == 15 for t in work), work
    quotes_verbatim(text)


def test_a_figures_verb_at_a_lines_end_goes_on_to_its_figure() -> None:
    """A short page printed and copied out, too few lines to tell its width: …地方一般公共预算
    收入增长 / 10%,固定资产投资增长8%左右… is one clause."""
    body = "“地区生产总值增长9%左右,地方一般公共预算收入增长\n10%,固定资产投资增长8%左右……”"
    assert "收入增长10%," in reflow(body).text
    assert "\n1." in reflow("全年主要指标增长\n1.地区生产总值增长6%。").text  # a list item


def test_a_pdfs_radicals_for_characters_are_read_as_the_characters() -> None:
    """Text copied out of many Chinese PDFs gives radicals for whole characters: 地区⽣产总值
    增⻓ (KANGXI RADICAL LIFE for 生, CJK RADICAL C-SIMPLIFIED LONG for 长), ⼈⺠, ⸺ for ——.
    (Before: over the 29 blind sets so copied, 51 % of the targets found; 146 pages refused.)"""
    radicals = {"生": "⽣", "长": "⻓", "人": "⼈", "民": "⺠", "工": "⼯", "一": "⼀", "入": "⼊"}
    text = "".join(radicals.get(c, c) for c in report())
    assert "地区⽣产总值增⻓5%左右" in text
    assert parse_form("地区⽣产总值增⻓，⼈⺠⸺") == "地区生产总值增长,人民—"
    assert signature(text) == signature(report())
    quotes_verbatim(text)
    assert {t["name"] for t in extract_plan(text).plan["targets"]} == {
        t["name"] for t in extract_plan(report()).plan["targets"]
    }  # names in the characters the radicals stand for


def test_a_saved_pages_scripts_and_style_sheet_are_not_its_text() -> None:
    """A page saved whole keeps its <style> (LibreOffice's HTML opens with one: its CSS was taken
    for the title) and its <script>s, whose strings may hold figures."""
    page = (
        "<html><head><style>p { margin-bottom: 0.1in; line-height: 115% }\n"
        "td p { orphans: 0 }</style><title></title></head><body>"
        '<script type="text/javascript">var hot = ["地区生产总值增长10%以上", "城镇调查失业率3%"];'
        "\nfunction f(a) { return a < 2 && a > 0; }</script>"
        + "".join(f"<p>{line}</p>\n" for line in report().split("\n") if line)
        + "<SCRIPT>document.write('<p>粮食产量600亿斤</p>');</SCRIPT></body></html>"
    )
    drafted = extract_plan(page).plan
    assert drafted["plan"]["source"].startswith("2026年某省政府工作报告")  # the title, not the CSS
    assert signature(page) == signature(report())
    quotes_verbatim(page)
    # an opening tag never closed is only a tag: the text after it is read
    assert signature("<script>" + report()) == signature(report())


def test_a_table_of_tab_separated_cells_is_read_row_by_row() -> None:
    """A Word table saved as plain text, or pasted into a text file, sets its cells apart by
    tabs. (Before: a row ending in a figure ran into the next row starting with one — 5.2\t2
    and 3\t固定资产投资 read 23 — and no row was read.)"""
    tabbed = "\n".join(
        "\t".join(c.strip() for c in line.split("|")).rstrip("\t") if " | " in line else line
        for line in TABLE.split("\n")
    )
    assert "\n2\t固定资产投资\t亿元\t正增长\t605.02\t——\t正增长\n" in tabbed
    drafted = extract_plan(tabbed).plan["targets"]
    assert [t.get("baseline") for t in drafted] == [
        t.get("baseline") for t in extract_plan(TABLE).plan["targets"]
    ]
    assert drafted[0]["baseline"]["plan"] == 6


def test_a_web_pages_table_is_read_as_rows_of_cells() -> None:
    """附表1 published as an HTML <table> (as government sites do), each cell a paragraph: its
    rows read as the text copy's " | " rows, so the baselines still come from it. (Before:
    cells ran together, 81441.370.37以上, and no row was read.)"""
    rows = [line for line in TABLE.split("\n") if " | " in line]
    cells = "".join(
        "<tr>"
        + "".join(
            f'<td width="80"><p class="MsoNormal">{c.strip()}</p></td>' for c in row.split("|")
        )
        + "</tr>\n"
        for row in rows
    )
    prose = "".join(f"<p>{line}</p>\n" for line in TABLE.split("\n") if line and " | " not in line)
    page = f"<html><body>{prose}<table border=1>\n{cells}</table></body></html>"
    drafted = extract_plan(page).plan["targets"]
    expected = extract_plan(TABLE).plan["targets"]
    assert [{k: v for k, v in t.items() if k != "quote"} for t in drafted] == [
        {k: v for k, v in t.items() if k != "quote"} for t in expected
    ]
    assert drafted[0]["baseline"]["plan"] == 6  # 2023年计划, from the table
    quotes_verbatim(page)
    # An old site's page laid out in a table, the whole article in one cell, minified (no line
    # ends in the source): its paragraphs are still paragraphs.
    layout = (
        '<html><body><table><tr><td class="nav">首页 | 政务公开</td></tr><tr><td><div>'
        f"{prose}<table border=1>{cells}</table></div></td></tr></table></body></html>"
    ).replace("\n", "")
    assert [t["id"] for t in extract_plan(layout).plan["targets"]] == [t["id"] for t in expected]
    assert extract_plan(layout).plan["targets"][0]["baseline"] == expected[0]["baseline"]


def test_crlf_indentation_and_empty_lines_change_nothing() -> None:
    text = "\u3000\u3000" + report().replace("\n", "\r\n\r\n\u3000\u3000")
    assert signature(text) == signature(report())
    quotes_verbatim(text)
    # A "——" list of targets set apart by empty lines is still one list.
    listed = report(targets="\n——地区生产总值增长5%左右；\n——城镇调查失业率5.5%左右。")
    text = listed.replace("\n", "\r\n\r\n\u3000\u3000")
    assert list(headline(text)) == ["gdp", "surveyed_unemployment_rate"]
    assert signature(text) == signature(listed)


def test_spaces_between_chinese_and_figures_are_not_the_reports() -> None:
    base = report().replace("完成交通投资800亿元", "研发投入强度达到3.25%左右")
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])", " ", base)
    assert "增长 5% 左右" in text and "达到 3.25% 左右" in text
    assert signature(text) == signature(base)  # 3.25 about (around), not at least (min)
    quotes_verbatim(text)


def test_full_width_figures_and_gb18030_draft_the_same() -> None:
    full = report().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.%"})
    assert signature(full) == signature(report())
    assert decode_report(report().encode("gb18030")) == report()


def test_headings_numbered_as_parts_keep_the_review_apart() -> None:
    text = report(heading="第一部分 ")
    assert signature(text) == signature(report())
    parse = parse_form(text)
    layout = locate(parse, Span(0, len(parse)))
    assert [(p.kind, p.title) for p in layout.parts] == [
        ("front", ""),
        ("review", "2025年工作回顾"),
        ("plan", "2026年重点工作"),
    ]


def test_share_buttons_above_the_title_do_not_end_the_report() -> None:
    text = (
        "分享到：微信 微博\n字号：大 中 小 打印本页\n" + report() + "相关链接：\n新建5G基站9999个\n"
    )
    assert signature(text) == signature(report())


def test_a_markdown_copy_drafts_the_same() -> None:
    text = re.sub(r"(?m)^(?=[一二]、)", "## ", report())
    text = re.sub(r"(?m)^(?=（[一二]）)", "### ", text).replace(LEAD, f"**{LEAD}**")
    assert signature(text) == signature(report())
    quotes_verbatim(text)


def test_html_a_scrape_left_is_not_the_reports() -> None:
    text = "<p>&nbsp;&nbsp;" + report().replace("\n", "<br/></p>\n<p>&nbsp;&nbsp;")
    assert signature(text) == signature(report())
    quotes_verbatim(text)
    flow = reflow("<p>增长5%&nbsp;左右&ldquo;十五五&rdquo;</p>")
    assert flow.text == "增长5%左右“十五五”"
    assert flow.span(2, 5) == (5, 14)  # "5%左" stands for "5%&nbsp;左"


def test_counts_with_a_thousands_separator_read_as_one_figure() -> None:
    text = report().replace("3000个", "3,000个").replace("2000家", "2,000家")
    assert signature(text) == signature(report())
    quotes = {t["quote"] for t in extract_plan(text).plan["targets"]}
    assert "新建5G基站3,000个" in quotes  # the quote as the report writes it


@pytest.mark.parametrize(
    "opening", ["今年是“十五五”开局之年。", "2025年是“十四五”收官之年。2026年是“十五五”开局之年。"]
)
def test_a_copy_without_its_title_still_has_its_plan_year(opening: str) -> None:
    body = report().split("各位代表：\n", 1)[1]
    text = "各位代表：\n" + body.replace("2025年工作回顾", "过去一年工作回顾").replace(
        "2026年重点工作", "今年重点工作"
    ).replace("今年是“十五五”开局之年。", opening)
    assert extract_plan(text).plan["plan"]["year"] == 2026


def test_paragraphs_a_scrape_ran_into_one_line_are_read_apart() -> None:
    filler = "坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。" * 70
    long_report = report().replace("今年是“十五五”开局之年。", filler)
    text = long_report.replace("\n", "  ")
    assert "\n" not in text
    assert signature(text) == signature(long_report)
    quotes_verbatim(text)


def test_a_label_in_straight_quotes_is_no_figure() -> None:
    labelled = report().replace("深入实施提振消费专项行动", "加快推进“3个100”重点工程")
    text = labelled.replace("“", '"').replace("”", '"')
    assert signature(text) == signature(labelled)
    assert not any(t.get("min") == 3 for t in extract_plan(text).plan["targets"])


def test_compare_matches_a_quote_a_copy_breaks_over_lines() -> None:
    text = report(targets="地区生产总值增长5%左右，城镇调查失业率\n5.5%左右。")
    draft = extract_plan(text).plan
    gold = {
        "targets": [
            {
                "id": "surveyed_unemployment_rate",
                "section": "headline",
                "kind": "level",
                "max": 5.5,
                "quote": "城镇调查失业率5.5%左右",
            }
        ]
    }
    comparison = compare_plans(draft, gold, text)
    assert comparison.groups["headline"].matched_gold == 1


# ------------------------------------------------------------------ properties


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(
    breaks=st.one_of(st.none(), st.just("clauses"), st.integers(20, 70)),
    crlf=st.booleans(),
    spaces=st.booleans(),
    fullwidth=st.booleans(),
)
def test_rewritten_as_copies_differ_the_draft_is_the_same(
    breaks: str | int | None, crlf: bool, spaces: bool, fullwidth: bool
) -> None:
    """A copy breaks lines at its clauses (a web page) or at a width (a PDF), not both."""
    text = report()
    if fullwidth:
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.%"})
    if spaces:
        text = re.sub(r"(?<=[\u4e00-\u9fff])(?=[\d０-９])", " ", text)
    if breaks == "clauses":
        text = text.replace("，", "，\n")
    elif isinstance(breaks, int):
        text = wrap(text, breaks)
    if crlf:
        text = text.replace("\n", "\r\n")
    assert signature(text) == signature(report())
    quotes_verbatim(text)


FRAGMENTS = [
    "主要预期目标是：",
    "主要目标：",
    "增长",
    "下降",
    "5.5",
    "5",
    "%",
    "左右",
    "以上",
    "以内",
    "，",
    "；",
    "。",
    "、",
    "\n",
    "\r\n",
    "（一）",
    "一、",
    "1.",
    "——",
    "2026年",
    "2025年",
    "工作回顾",
    "重点工作",
    "附表",
    " | ",
    "新建",
    "个",
    "万人",
    "亿元",
    "国家下达",
    "同步",
    "十五五",
    "年均",
    "建成",
    "地区生产总值",
    "城镇调查失业率",
    "“",
    "”",
    "的发展和工作",
    "分享到",
    "相关报道",
    "\u3000",
    " ",
    "０",
    "％",
]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=120))
def test_no_text_raises_anything_but_an_input_error(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        draft = extract_plan(text)
    except InputError:
        return
    for target in draft.plan["targets"]:
        assert target["quote"] in text


@settings(max_examples=60)
@given(st.binary(max_size=400))
def test_no_bytes_raise_anything_but_an_input_error(data: bytes) -> None:
    try:
        text = decode_report(data)
    except InputError:
        return
    with contextlib.suppress(PlanError):
        extract_plan(text)


# ------------------------------------------------------------------ the command


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            # Only a review: last year's figures, no 主要预期目标, no work of this year.
            "2025年某省政府工作报告\n一、2025年工作回顾\n地区生产总值增长5.2%，新建5G基站"
            "2500个，城镇调查失业率5.1%。过去一年的发展和工作成绩来之不易。\n",
            "no targets found",
        ),
        ("十" * (MAX_CHARS + 1), "more than any report"),
        ("The government work report. GDP will grow by about 5 percent.\n" * 50, "not a Chinese"),
    ],
    ids=["review-only", "huge", "english"],
)
def test_what_is_not_one_report_exits_2_with_one_line(
    invoke,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    content: str,
    message: str,
) -> None:
    path = tmp_path / "x.txt"
    path.write_text(content, encoding="utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_report_cut_mid_sentence_drafts_what_it_holds(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = report()
    cut = text.index("城镇调查失业率5.5") + 9  # inside the figure
    path = tmp_path / "cut.txt"
    path.write_bytes(text[:cut].encode("utf-8")[:-1])  # and inside a character's bytes
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert 'id = "gdp"' in result.stdout
