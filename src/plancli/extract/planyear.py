"""The plan year of a report or a copy of one: the year its title or its lead names, its work
heading's, the year after its review's, 今年是“十五五”开局之年, a title in Chinese numerals, and
for a news page that names none, its date (the year after where it states 明年's targets)."""

from __future__ import annotations

import re

from plancli.extract.density import speaks_of_next_year
from plancli.extract.numerals import chinese_integer
from plancli.extract.text import split_lines

YEAR = re.compile(r"(20\d\d)\s*年")


_PLAN_NUMBERS = ("十", "十一", "十二", "十三", "十四", "十五", "十六", "十七")
_THIS_YEAR_IS = re.compile(r"今年是[“\"]?(十[一二三四五六七]?)五[”\"]?(?:规划)?(开局|收官)之年")


def plan_year(parse: str, start: int, end: int, headings: list[str]) -> int | None:
    """The plan year the report states: the latest year in its title (a 计划草案 report names
    last year's 执行情况 and this year's 计划), else the latest year a lead names (2024年…主要
    预期目标是, 2024年工作总体要求), else the year of its work heading, else the year after its
    review's, else 今年是…之年, a title in Chinese numerals, the page's date; None if nothing
    says."""
    head = parse[start : min(end, start + 3000)]
    whole = parse[start:end]
    for line in split_lines(head):
        text = line.stripped
        if len(text) > 150 or not re.search(r"报告|计划|草案", text):
            continue
        if "。" in text:
            continue  # a news copy's sentence (报告晒出的…2023年…。), not a title
        if re.search(r"执行情况|回顾", text) and not re.search(r"草案|安排|预期|展望", text):
            # a copy that starts at 各位代表: its review's heading (一、2021年…计划执行情况),
            # not the title (…2021年…执行情况与2022年…计划草案的报告)
            continue
        years = [int(y) for y in YEAR.findall(text)]
        if years:
            return max(years)
    # The year a lead names (2025年预期目标是…, 2024年经济社会发展主要预期目标：): the latest.
    named = lead_year(parse, start, end)
    if named is not None:
        return named
    for title in headings:
        match = YEAR.search(title)
        planned = match and re.search(r"重点工作|工作安排|主要任务|计划|任务", title)
        if match and planned and not re.search(r"回顾|执行情况|成就", title):
            return int(match.group(1))
    for title in headings:
        match = YEAR.search(title)
        if match and re.search(r"回顾|执行情况", title):
            return int(match.group(1)) + 1
    # A copy without its title: 今年是“十五五”开局之年, 2026年是“十五五”开局之年 (the review
    # names last year so too: the latest year wins).
    match = _THIS_YEAR_IS.search(whole)
    if match:
        start = 1951 + 5 * (10 + _PLAN_NUMBERS.index(match.group(1)))  # 十四五: 2021
        return start + (4 if match.group(2) == "收官" else 0)
    years = [int(y) for y in re.findall(r"(20\d\d)\s*年是[^。]{0,20}?之年", whole)]
    if years:
        return max(years)
    # A title written in Chinese numerals: 二〇二六年.
    match = re.search(r"([二〇○零一三四五六七八九]{4})年", head)
    if match:
        year = chinese_integer(match.group(1))
        if year is not None and 1949 < year < 2200:
            return year
    # A news page that names no year but its date (2010-04-07, 发布时间：2015年1月17日): a
    # report of that year, or of the next where the page states next year's targets (a meeting
    # in December); never the date a page was viewed (今天是…).
    dates = [
        int(m.group(1))
        for m in _DATELINE.finditer(parse, 0, end)
        if not re.search(r"今天是\s*$", parse[max(0, m.start() - 6) : m.start()])
    ]
    if dates:
        return min(dates) + (1 if speaks_of_next_year(parse, start, end) else 0)
    # A page that names only its meeting (2013年经济社会发展工作会议透露，今年…): the
    # meeting's year, or the next where the page states next year's targets.
    meetings = [int(y) for y in _MEETING.findall(whole)]
    if meetings:
        return max(meetings) + (1 if speaks_of_next_year(parse, start, end) else 0)
    # Failing all, a sentence that names the report and a year (报告提出，2024年…).
    for line in split_lines(head):
        text = line.stripped
        if len(text) <= 150 and re.search(r"报告|计划|草案", text):
            years = [int(y) for y in YEAR.findall(text)]
            if years:
                return max(years)
    return None


def lead_year(parse: str, start: int, end: int) -> int | None:
    """The latest year a targets paragraph's lead names (2022年经济和社会发展主要预期目标建议
    为：…), not the five-year plan's; None where no lead names one."""
    whole = parse[start:end]
    named = [
        int(m.group(1))
        for m in _YEAR_OF_LEAD.finditer(whole)
        if not five_year_lead(whole, m.start())
    ]
    return max(named) if named else None


_MEETING = re.compile(
    r"(?<![到至])(20\d\d)\s*年(?:度)?[^。,;\n\d]{0,12}?(?:工作会议|工作大会|动员大会|部署会议?)"
)
_DATELINE = re.compile(
    r"(20\d\d)(?:(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})(?!\d)"
    r"|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)


# A lead naming its year: 2025年预期目标是…, 2024年全市经济社会发展的主要预期目标为：… (never
# 到2025年, 2024年以来, nor a year's targets reviewed: …目标完成情况).
_YEAR_OF_LEAD = re.compile(
    r"(?<![到至])((?:19|20)\d\d)\s*年(?!以来|底|末|前)\s*,?"
    r"(?:[^。;,\n]{0,24}?(?:主要)?预期(?:目标|指标)\s*(?:建议)?\s*(?:是|为|包括|如下|设定为|定为|:|——|,?\s*即)"
    r"|(?:的)?(?:政府)?工作(?:的)?总体要求"  # 提出了2024年工作总体要求和目标任务
    # an old national report's 1981年国民经济计划的主要指标安排如下。
    r"|[^。;,:\n\d]{0,16}?主要(?:预期)?(?:指标|目标)(?:安排)?\s*(?:如下|是|为)\s*[。:])"
)


def five_year_lead(parse: str, start: int) -> bool:
    """Whether the sentence of a lead speaks of the five-year plan (“十五五”时期…主要预期目标)."""
    opening = max(parse.rfind("。", 0, start), parse.rfind("\n", 0, start)) + 1
    # 2016年是“十三五”开局之年: a name of the plan year, not the five-year plan's span
    words = _YEAR_OF_PLAN.sub("", parse[opening:start])
    return re.search(r"十[一二三四五六七]?五|五年|规划|远景|到20\d\d年", words) is not None


_YEAR_OF_PLAN = re.compile(
    r"“?十[一二三四五六七]?五”?(?:规划)?(?:的)?(?:开局|起步|收官|决胜|关键|攻坚|承上启下)(?:之)?年"
)
