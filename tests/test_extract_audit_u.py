"""Audit U (session 26): a province's report copied out of a PDF — page furniture between
lines, spaces inside words, ragged line breaks, other encodings. Each case transforms a real
report of the corpus as the copy did and expects the clean report's draft."""

from __future__ import annotations

import random
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, REPO
from tests.extract_reports import work_targets

from plancli.extract import extract_plan
from plancli.extract.flow import reflow
from plancli.extract.furniture import Line, page_furniture

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@cache
def corpus(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def drafted(text: str) -> list[dict[str, Any]]:
    """The targets drafted, each without its quote (a copy's quote keeps what the copy
    added), after checking every quote is verbatim in `text`."""
    targets = extract_plan(text).plan["targets"]
    assert all(t["quote"] in text for t in targets)
    return [{k: v for k, v in t.items() if k != "quote"} for t in targets]


@cache
def clean(name: str) -> tuple[str, ...]:
    return tuple(repr(t) for t in drafted(corpus(name)))


def assert_clean(name: str, text: str) -> None:
    assert text != corpus(name)
    copy = tuple(repr(t) for t in drafted(text))
    assert copy == clean(name)


# ------------------------------------------------- D3–D6: a space inside a word, read without


@needs_corpus
@pytest.mark.parametrize(
    ("name", "words", "spaced"),
    [
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增 长5%左右"),  # D3
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增\u3000长5%左右"),
        ("广东省", "\n主要预期目标\n", "\n主要预期目 标\n"),  # D4: the lead on its own line
        ("陕西省", "一、2025年工作回顾", "一、2025年工作回 顾"),  # D5
        ("陕西省", "一、2025年工作回顾", "一、2025年工作回\u3000顾"),
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增长5%左 右"),  # D6
        ("福建省", "城镇调查失业率控制在5%左右", "城镇调查失业率控制在5%左\u3000右"),
        ("陕西省", "高于全国平均水平", "高于 全国平均水平"),
    ],
)
def test_a_space_inside_a_word_is_read_without(name: str, words: str, spaced: str) -> None:
    """Before: 增 长 made GDP a level target of 5 % (the draft did not load), 主要预期 目标 took
    the five-year goals for the year's, 工作回 顾 drafted 2025's results as 2026 targets (69 →
    214), 左 右 read around 5 as min 5 / max 5, 高于 全国 lost its relation."""
    assert corpus(name).count(words) == 1
    assert_clean(name, corpus(name).replace(words, spaced))


def test_a_summary_cards_spaces_still_set_its_items_apart() -> None:
    """No prose punctuation and several spaces: a card's items, not a word's characters."""
    text = (
        "今年工作安排\n摘要：主要预期目标 地区生产总值增长6%左右 城镇新增就业50万人 粮食产量稳定\n"
    )
    flow_text = reflow(text).text
    assert "目标 地区" in flow_text and "左右 城镇" in flow_text


# ------------------------------------------- D1, D2: a PDF's page furniture between lines


def wrapped(text: str, width: int = 35) -> list[str]:
    """The report as a PDF's lines: each paragraph indented two characters (首行缩进) and
    wrapped at `width` characters (the source line of the corpus file kept whole)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph or paragraph.startswith("SOURCE:"):
            lines.extend([paragraph] if paragraph else [])
            continue
        rest = "\u3000\u3000" + paragraph
        while rest:
            lines.append(rest[:width])
            rest = rest[width:]
    return lines


def paginated(lines: list[str], furniture: Any, every: int = 28) -> str:
    """`lines` cut into pages of `every` lines, `furniture(n)` (the lines a page break leaves:
    page n's number, the next page's head) between them."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            out.extend(furniture(index // every))
        out.append(line)
    return "\n".join(out) + "\n"


HEADS = {"陕西省": "陕西省2026年政府工作报告", "广东省": "2026年广东省政府工作报告"}


@needs_corpus
@pytest.mark.parametrize("name", ["陕西省", "广东省"])
def test_a_running_head_at_every_page_break_is_left_out(name: str) -> None:
    """Before: 陕西's …油气当量达到54 / — 11 — / 陕西省2026年政府工作报告 / 00万吨 lost 油气当量
    5400万吨; 广东's 重点抓好以下14个方 / — N — / head / 面工作 made a section work_0 of its own."""
    text = paginated(wrapped(corpus(name)), lambda n: ["", f"— {n} —", HEADS[name]])
    assert_clean(name, text)
    # pdftotext's: the footer, an empty line, the next page's head after a form feed
    text = paginated(wrapped(corpus(name)), lambda n: [f"— {n} —", "", f"\f{HEADS[name]}", ""])
    assert_clean(name, text)


@needs_corpus
@pytest.mark.parametrize("name", ["陕西省", "广东省"])
def test_a_bare_page_number_is_left_out(name: str) -> None:
    """Before: 陕西's …油气当量达到54 / 11 / (empty) / \\f00万吨 drafted 油气当量 min = 541100."""
    lines = wrapped(corpus(name))
    assert_clean(name, paginated(lines, lambda n: [str(n), "", "\f"]))  # before a form feed
    assert_clean(name, paginated(lines, lambda n: [str(n)]))  # counting the pages up


@needs_corpus
def test_one_page_break_with_the_title_for_head_in_the_targets_paragraph() -> None:
    """Before: …城镇调查失业率5.5％ / — 11 — / 陕西省2026年政府工作报告 / 左右 made the rate a
    ceiling (max 5.5); a break after …固定资产投资增 lost its relation to the national growth."""
    lines = wrapped(corpus("陕西省"))
    start = next(i for i, line in enumerate(lines) if "主要预期目标是" in line)
    for at in range(start, start + 6):  # a page break after each line of the paragraph
        copy = [*lines[: at + 1], "", "— 11 —", HEADS["陕西省"], *lines[at + 1 :]]
        assert_clean("陕西省", "\n".join(copy))


def test_a_tables_numbers_and_a_lone_number_stay() -> None:
    """A table copied a cell a line, and one bare number in prose, are no page's furniture."""
    table = "附表\n序号\n指标\n1\n地区生产总值增长\n2\n粮食产量\n3\n城镇新增就业\n"
    assert "\n1\n" in reflow(table).text and "\n3\n" in reflow(table).text
    assert "18" in reflow("全年投资增长5%左右。\n18\n粮食产量稳定。\n").text


def furniture_of(text: str) -> list[str]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        words = raw.strip(" \t\r\u3000\f")
        if words:
            start = pos + raw.index(words)
            lines.append(Line(start, start + len(words), "\f" in raw[: raw.index(words)]))
        pos += len(raw) + 1
    return [text[lines[i].start : lines[i].stop] for i in sorted(page_furniture(text, lines))]


@needs_corpus
def test_no_corpus_report_has_page_furniture() -> None:
    """The clean reports (web pages' text) hold no line the page rules leave out; a copy's do."""
    for path in sorted(CORPUS.glob("*.txt")):
        assert furniture_of(path.read_text(encoding="utf-8")) == [], path.name
    copy = paginated(wrapped(corpus("广东省")), lambda n: ["", f"— {n} —", HEADS["广东省"]])
    assert set(furniture_of(copy)) >= {"— 1 —", HEADS["广东省"]}


# ----------------------------------------- D7: a ragged copy's figure cut before its unit


def ragged(text: str, cut_after: str) -> str:
    """The report wrapped at widths varying 30–40 (a viewer that reflows, hand-typed breaks),
    the line that holds the end of `cut_after` (a figure) ending there, 25 characters at least,
    and the next opening with its unit."""
    widths = [31, 37, 33, 39, 30, 36, 34, 40, 32, 38]
    for shift in range(10):
        lines: list[str] = []
        for paragraph in text.split("\n"):
            rest = paragraph.strip()
            cut = rest.find(cut_after) + len(cut_after) if cut_after in rest else -1
            for n in range(len(rest)):
                if not rest:
                    break
                width = widths[(n + shift) % 10]
                if 25 <= cut <= 40:
                    width = cut
                lines.append(rest[:width])
                rest, cut = rest[width:], cut - width
        copy = "\n".join(lines) + "\n"
        if cut_after + "\n" in copy:
            return copy
    raise AssertionError(cut_after)


@needs_corpus
def test_a_ragged_lines_figure_joins_its_unit_on_the_next() -> None:
    """Before: …确保粮食种植面积4510 / 万亩以上 ended a paragraph at 4510: the target was lost."""
    text = ragged(corpus("陕西省"), "确保粮食种植面积4510")
    assert "确保粮食种植面积4510\n万亩以上" in text
    targets = extract_plan(text).plan["targets"]
    assert [t["min"] for t in targets if t["name"].endswith("粮食种植面积")] == [4510]


def uneven(text: str, seed: int, indent: bool, widths: tuple[int, int] = (28, 40)) -> str:
    """The report as a viewer that re-flows a PDF copies it: every paragraph cut into lines of
    28–40 characters (`widths`), each width drawn at random (seeded), its first line indented two
    characters (首行缩进) or not; the source line and a table's rows (its cells set apart by |)
    kept whole."""
    draw = random.Random(seed)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        rest = paragraph.strip()
        if rest.startswith("SOURCE:") or "|" in rest:
            lines.append(rest)
            continue
        rest = ("\u3000\u3000" if indent and rest else "") + rest
        while rest:
            width = draw.randint(*widths)
            lines.append(rest[:width])
            rest = rest[width:]
    return "\n".join(lines) + "\n"


@needs_corpus
@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
@pytest.mark.parametrize(
    ("name", "seed"), [("陕西省", 1), ("广东省", 2), ("福建省", 3), ("江苏省", 4), ("贵州省", 5)]
)
def test_lines_of_uneven_width_draft_the_clean_reports_targets(
    name: str, seed: int, indent: bool
) -> None:
    """Before, 10–60 targets of a report were lost or changed: a line of the wrap that stopped
    mid-sentence short of the widest lines ended its paragraph (…确保粮食种植面积4510 / 万亩以上,
    …最低标准从每人每 / 月2375元提高到2423元: two targets, the figures crossed), and a line that
    ended a sentence near the width ran on into the next paragraph."""
    assert_clean(name, uneven(corpus(name), seed, indent))


@needs_corpus
def test_a_part_heading_a_narrow_wrap_cut_goes_on_into_its_tail() -> None:
    """Lines of 20–30 characters: 上海's 二、关于《上海市国民经济和社会发展第十五 / 个五年规划纲要
    （草案）》的说明 is one heading (before, its tail of 16 characters, longer than half a line,
    was read as the next paragraph: the part went unread and 41 targets moved section)."""
    assert_clean("上海市", uneven(corpus("上海市"), 22, False, (20, 30)))


@needs_corpus
@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
def test_the_seeds_lists_and_table_in_lines_of_uneven_width(indent: bool) -> None:
    """The seed's investment plan, one item a line (1.城市道路建设项目45项…), and its 附表 rows
    stay items and rows of their own: the draft is the clean seed's."""
    seed = (CORPUS.parent.parent / "seed" / "000_00f01ebf3f7ca338.txt").read_text(encoding="utf-8")
    copy = uneven(seed, 6, indent)
    assert "\n2.市政工程项目8项" in copy.replace("\u3000", "")
    plain = [
        {k: v for k, v in t.items() if k != "quote"} for t in extract_plan(seed).plan["targets"]
    ]
    assert drafted(copy) == plain


# ------------------------------- D8: validate reads a quote's figures as extract reads them


def test_a_figure_a_copy_broke_over_lines_is_a_figure_of_its_quote() -> None:
    """Before: validate warned `min = 4.5 is not a figure of its quote '地区生产总值增长4.\\n5%…'`
    for every figure a copy broke (75 false warnings for 广东's)."""
    from decimal import Decimal

    from plancli.plan_checks import quoted_figures

    assert Decimal("4.5") in quoted_figures(
        "地区生产总值增长4.\n5%—5%，在实际工作中全力争取更好结果", "%"
    )
    assert Decimal(2500) in quoted_figures("新建低空起降设施25\n\n— 7 —\n\n00个", "个")
    assert Decimal(5400) in quoted_figures("油气当量达到54\n11\n\n\f00万吨", "万吨")
    assert Decimal(2500) in quoted_figures("新建低空起降设施25\n\n第7页 共40页\n00个", "个")


# ------------------------------------------------- D10: a UTF-16 text (Word's "Unicode")


@needs_corpus
def test_a_utf16_text_with_its_bom_is_read(tmp_path: Path) -> None:
    """Before: extract called Word's/Notepad's "Unicode" save a binary file, and validate
    --source showed `'utf-8' codec can't decode byte 0xff in position 0`."""
    from plancli.errors import InputError
    from plancli.extract.text import decode_report
    from plancli.source_checks import read_report

    data = corpus("陕西省").encode("utf-16")  # with its BOM, little-endian, as Windows writes it
    assert decode_report(data) == corpus("陕西省")
    (tmp_path / "sx.txt").write_bytes(data)
    assert read_report(tmp_path / "sx.txt") == corpus("陕西省")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xff\x80" + "增长".encode("utf-16-le"))
    with pytest.raises(InputError) as caught:
        read_report(tmp_path / "bad.txt")
    assert "codec" not in str(caught.value) and "neither UTF-8 nor GB18030" in str(caught.value)


# ------------------------------------------- D9: --compare over a page number inside a quote


@needs_corpus
@pytest.mark.parametrize("page", ["\n\n— 7 —\n\n", "\n7\n\n\f", "\n第7页 共40页\n"])
def test_compare_matches_a_quote_a_page_break_cut(page: str) -> None:
    """Before: 广东's GDP (增长4.\\n\\n— 7 —\\n\\n5%) was `missed` and `extra` against the bundled
    plan though drafted exactly (headline 67 %)."""

    from plancli.extract.compare import compare_plans

    text = corpus("广东省").replace("地区生产总值增长4.5%", f"地区生产总值增长4.{page}5%", 1)
    gold = tomllib.loads((REPO / "data" / "2026" / "guangdong.toml").read_text(encoding="utf-8"))
    comparison = compare_plans(extract_plan(text).plan, gold, text)
    assert comparison.groups["headline"].matched_gold == 3
    assert not comparison.missed


# ---------------------------------------- D11: a quote shown without a copy's \r, \f, page


@needs_corpus
def test_show_prints_a_quote_without_the_copys_page_break(
    tmp_path: Path, isolated_cli: Any
) -> None:
    """Before: `show w18_t03` printed `\\x0c` and `— 37 —` inside 散居孤儿…'s quote (and `\\r` from
    a CRLF copy); the draft's quote keeps them verbatim, the screen reads past them."""
    words = "散居孤儿（含艾滋病病毒感染儿童）"
    text = corpus("广东省").replace(words, words.replace("儿童", "儿\r\n— 37 —\r\n\r\n\f童"), 1)
    (tmp_path / "gd.txt").write_text(text, encoding="utf-8")
    draft = tmp_path / "gd.toml"
    with isolated_cli() as invoke:
        assert invoke("extract", str(tmp_path / "gd.txt"), "-o", str(draft)).exit_code == 0
        quote = next(
            t["quote"]
            for t in tomllib.loads(draft.read_text())["targets"]
            if "散居孤儿" in t["quote"]
        )
        assert "— 37 —" in quote  # verbatim
        # (w18_t04 since s28-forms drafts the 1.6倍 before it as w18_t02)
        shown = invoke("--plan", str(draft), "show", "w18_t04").output
    assert "散居孤儿" in shown and "1567" in shown
    assert "37 —" not in shown and "\\x0c" not in shown and "\\r" not in shown


# ------------------------------------------- D13: extract's "does not load" in validate's words


@needs_corpus
def test_a_draft_that_does_not_load_is_told_in_validates_words() -> None:
    """Before: `the draft does not load as a plan yet: : Value error, target resident_income: …
    (1 problems)` — pydantic's words, English under --lang zh."""
    from plancli.cli.extract_cmds import _model_problem, _toml
    from plancli.i18n import set_language

    plan = extract_plan(corpus("福建省")).plan
    gdp = next(t for t in plan["targets"] if t["id"] == "gdp")
    gdp["kind"], gdp["unit"] = "level", "%"  # as 增 长 made it before the spaces were read
    gdp.pop("baseline", None)
    problem = _model_problem(plan, _toml(plan, "fj.txt"))
    assert problem is not None and "Value error" not in problem and "problems)" not in problem
    assert problem.startswith("line ") and "resident_income" in problem
    set_language("zh")
    try:
        problem = _model_problem(plan, _toml(plan, "fj.txt"))
    finally:
        set_language("en")
    assert problem is not None and problem.startswith("第 ") and "目标 resident_income" in problem


# ------------------------------------- D12: a standard raised 从X提高到Y is one target, at Y


@pytest.mark.parametrize(
    "sentence",
    [
        "集中供养孤儿基本生活保障省定最低标准从每人每月2375元提高到2423元。",
        "集中供养孤儿基本生活保障省定最低标准由每人每月2375元提高到2423元。",
        "集中供养孤儿基本生活保障省定最低标准每人每月2375元提高到2423元。",  # no 从
        "集中供养孤儿基本生活保障省定最低标准2375元提高到2423元。",
    ],
)
def test_a_standard_raised_from_one_figure_to_another_is_one_level_named_for_it(
    sentence: str,
) -> None:
    """Before, without 从 (a copy's break before 月2375元…, or a report's 标准每人每月X元提高到Y元)
    the two figures drafted two cumulative targets, crossed: `…月提高到2423元` min 2375 and
    `…2375元` min 2423. The old standard is the baseline, last year's level."""
    (target,) = work_targets(sentence)
    assert target["name"] == "集中供养孤儿基本生活保障省定最低标准"
    assert (target["kind"], target["min"], target["unit"]) == ("level", 2423, "元")
    assert target["baseline"] == {"year": 2025, "value": 2375}


@pytest.mark.parametrize(
    "fragment",
    ["月2375元提高到2423元。", "每人每月2375元提高到2423元。", "从每人每月2375元提高到2423元。"],
)
def test_a_raise_cut_from_its_subject_is_one_target_without_the_verb_in_its_name(
    fragment: str,
) -> None:
    """A fragment a copy cut from its subject (…省定最低标准从每人每 / 月2375元提高到2423元
    where the break is not joined) is still one target at 2423, not two crossed ones, and its
    name keeps neither 提高到 nor the old figure."""
    (target,) = work_targets(fragment)
    assert (target["kind"], target["min"]) == ("level", 2423)
    assert not re.search(r"提高|2375|从", target["name"])


def test_a_pair_raised_from_two_figures_gets_each_its_own_baseline() -> None:
    """广东's 分别从…209元、280元提高到217元、290元: each standard's baseline is its own old one."""
    targets = work_targets(
        "困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月209元、280元提高到217元、290元。"
    )
    assert [(t["name"], t["min"], t["baseline"]["value"]) for t in targets] == [
        ("困难残疾人生活补贴标准", 217, 209),
        ("重度残疾人护理补贴标准", 290, 280),
    ]


def test_a_count_widened_from_one_figure_to_another_is_named_without_the_old_one() -> None:
    """Before: 广东's name `县中托管帮扶从15个县（市）扩大到县（市）` kept the old count and
    the verb."""
    (target,) = work_targets("推动县中托管帮扶从15个县（市）扩大到57个县（市）。")
    assert (target["name"], target["kind"], target["min"]) == ("县中托管帮扶县（市）", "level", 57)
    assert target["baseline"] == {"year": 2025, "value": 15}


@needs_corpus
def test_a_tables_rows_in_lines_of_uneven_width_stay_rows() -> None:
    """A 附表 copied a row a line, its cells set apart by single spaces, inside a report wrapped
    at uneven widths: each row stays a line of its own (before, the rows ran into one line)."""
    rows = [
        "1 地区生产总值增长 % 5.5 5左右 全省统计局口径数据",
        "2 一般公共预算收入增长 % 3.2 4左右 全省财政厅口径",
        "3 城镇新增就业人数 万人 45.6 42以上 全省人社厅口径数据",
        "4 城镇调查失业率 % 5.1 5.5左右 全省统计局口径数据",
    ]
    lines = uneven(corpus("陕西省"), 3, False).split("\n")
    text = "\n".join(
        [*lines[:60], "附表", "序号 指标 单位 2025年 2026年目标 备注", *rows, *lines[60:]]
    )
    paragraphs = reflow(text).text.split("\n")
    assert [p for p in paragraphs if p.endswith(("口径", "口径数据"))] == [
        "1地区生产总值增长 % 5.5 5左右全省统计局口径数据",
        "2一般公共预算收入增长 % 3.2 4左右全省财政厅口径",
        "3城镇新增就业人数万人45.6 42以上全省人社厅口径数据",
        "4城镇调查失业率 % 5.1 5.5左右全省统计局口径数据",
    ]


@needs_corpus
def test_a_hand_typed_break_after_a_figure_does_not_end_its_paragraph() -> None:
    """A short line that ends in a figure, its word on the next (…力争到2030 / 年…), in a copy
    wrapped at uneven widths without indentation: one paragraph (before, two)."""
    lines = uneven(corpus("陕西省"), 1, False).split("\n")
    at, cut = next(
        (i, m.end())
        for i, line in enumerate(lines)
        if i > 40 and (m := re.search(r"\d{2,4}(?=年)", line)) and 8 <= m.end() <= 20
    )
    joined = lines[at]
    text = "\n".join([*lines[:at], joined[:cut], joined[cut:], *lines[at + 1 :]])
    assert joined[:cut] + "\n" + joined[cut:] in text
    assert joined in reflow(text).text
