"""A report's top-level parts: the headings that open them and what kind each is (the review of
last year, the five-year plan, this year's work, the investment plan, the appendices), read from
the title or, where the title says it only in a figure of speech, from the part's first
sentence. `sections.locate` lays the report out with them."""

from __future__ import annotations

import re
from typing import Literal

from plancli.extract.text import Line, split_lines

PartKind = Literal["front", "review", "fiveyear", "plan", "investment", "appendix"]

# A top-level heading: 一、… or 第一部分 …/第一章 … (reports and their copies number them
# either way).
NUMBERED = re.compile(
    r"^\s*(?:([一二三四五六七八九十]{1,3})、|第([一二三四五六七八九十]{1,3})(?:部分|章)[、:\s]*)"
    r"\s*(\S.{0,80})$"
)
UNNUMBERED = re.compile(
    r"(工作回顾|主要目标任务|目标任务|重点工作|工作安排|主要任务|政府自身建设|执行情况|计划草案)"
)
SUBSECTION = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[）)]\s*")
FIVE_YEAR_TITLE = re.compile(r"十[一二三四五六]五|五年|规划|远景")
# An appendix: 附件1, 附表 on a line of their own, or a glossary or notes after the speech
# (四川's 名词解释 after 各位代表！…: "6.六大科技专项：…要实施…等6个重大科技专项" explains a
# term, it sets no target), whose heading stands alone without an 附件 above it.
APPENDIX = re.compile(r"^\s*(?:(附表|附件)\s*\d*|名词(?:解释|注释)|注释|附注|注解)\s*[:：]?\s*$")


# An appendix that lists this year's commitments (广东's 附件1 2026年省十件民生实事): read as
# this year's work, its items (一、…) as parts of their own.
_COMMITMENTS = re.compile(r"^\s*(?:20\d\d年)?[^。,;]{0,12}(?:民生实事|为民办实事|惠民实事)\s*$")


def headings(parse: str, start: int, end: int) -> list[tuple[Line, str]]:
    """Top-level headings (一、… or a bare 2026年重点工作) in `parse[start:end]` until the first
    appendix, past an appendix of this year's commitments (titled by the line under it)."""
    found: list[tuple[Line, str]] = []
    lines = split_lines(parse, start, end)
    for index, line in enumerate(lines):
        text = line.stripped
        if APPENDIX.match(text):
            title = lines[index + 1].stripped if index + 1 < len(lines) else ""
            if _COMMITMENTS.match(title):
                found.append((line, title))
                continue
            found.append((line, text))
            break
        match = NUMBERED.match(text)
        if match and "。" not in text[:-1] and len(text) <= 70 and text[-1] not in ",;":
            found.append((line, match.group(3).strip().rstrip("。；;")))
        elif (
            4 <= len(text) <= 30
            and not SUBSECTION.match(text)
            and not re.search(r"[,，。;；:：!！]", text)
            and UNNUMBERED.search(text)
        ):
            found.append((line, text))
    return found


def classify(title: str, year: int, opening: str = "") -> PartKind:
    """A part's kind from its title; where the title says it only in a figure of speech (福建's
    一年接着一年干，…取得新进展新成效, 一张蓝图绘到底，…, 一鼓作气勇争先，全力推动“十五五”开好局),
    from its opening sentence: 2025年是…/一年来 a review, “十五五”时期是… the five years, 2026年
    是“十五五”开局之年 this year's work."""
    if APPENDIX.match(title):
        return "appendix"
    if re.search(r"投资", title) and re.search(r"项目", title) and re.search(r"计划", title):
        return "investment"
    this_year = f"{year}年" in title or "今年" in title
    if this_year and not re.search(r"回顾|执行情况|成就", title):
        return "plan"
    if re.search(r"回顾|执行情况|成就|主要工作", title):
        return "review"
    opens = opening_year(opening, year)
    if FIVE_YEAR_TITLE.search(title):  # (“十三五”时期主要目标任务…)
        return "plan" if opens == "plan" else "fiveyear"
    return opens or "plan"


def this_years_start(parse: str, start: int, end: int, year: int) -> int:
    """Where a part naming the five-year plan and this year (“十五五”时期目标任务和2026年工作安排)
    turns to this year: its first paragraph after the heading that opens with the plan year
    (今年是“十五五”开局之年, 2026年是…); `start` (the whole part is this year's) where its first
    paragraph does, or none does."""
    lines = [line for line in split_lines(parse, start, end) if line.stripped][1:]
    for index, line in enumerate(lines):
        if opening_year(line.text, year) == "plan":
            return start if index == 0 else line.start
    return start


def opening_year(opening: str, year: int) -> PartKind | None:
    """What a part's first sentence speaks of: the plan year (2026年是…, 今年…), the year
    before (2025年是…, 一年来, 过去一年), the five-year span (“十五五”时期…), or None."""
    first = re.split(r"[。！？]", opening, maxsplit=1)[0][:60]
    if re.match(rf"\s*(?:{year}年|今年|新的一年)", first):
        return "plan"
    if re.match(rf"\s*(?:{year - 1}年|一年来|过去一年|去年)", first) or "一年来" in first:
        return "review"
    if re.match(r"\s*“?(?:十[一二三四五六]五|未来五年)", first):
        return "fiveyear"
    return None
