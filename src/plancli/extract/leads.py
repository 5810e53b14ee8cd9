"""The leads of the 主要预期目标 paragraph: the genre's wordings, one pattern each, strongest
first (split from `sections`, which finds the paragraph with them)."""

from __future__ import annotations

import re

from plancli.extract.planyear import YEAR, five_year_lead

# Leads of the headline paragraph, the genre's own first: 主要预期目标是/为/建议为/建议如下/
# 安排是：… (a copy may put a comma or a dash for the colon), then 预期目标…：, then weaker
# leads taken only where figures follow them: the plainer 主要目标…：, which reports also use
# for other goals; a heading line naming the targets (— 主要目标 —, ■ 今年预期目标) above them;
# 主要预期目标是 run into its first target; 预期目标，; a 指标体系安排…： of a 计划草案 report;
# a sentence opening 预期 and its first figure (2016年，预期全市地区生产总值增长7%以上), or a
# clause opening the plan year and 预期 (…支撑结构，2008年预期规模以上工业增加值增长15%).
HEADLINE_LEADS = (
    re.compile(r"主要预期(?:目标|指标)\s*(?:建议)?\s*(?:是|为)\s*[:,]"),
    re.compile(r"主要预期目标\s*(?::|—+)"),
    re.compile(r"主要预期目标[^。:;\n]{0,10}?:"),
    re.compile(r"预期目标\s*(?:建议)?\s*(?:是|为)\s*[:,]"),
    re.compile(r"预期目标[^。:;\n]{0,10}?:"),
    re.compile(r"主要目标\s*(?:建议)?\s*(?:是|为)?\s*:"),
    re.compile(r"主要目标[^。:;\n]{0,10}?:"),
    # 主要预期经济和社会目标：, 主要施政目标包括：
    re.compile(r"主要[^。:;,\n]{1,10}?目标\s*(?:包括|是|为|如下)?\s*:"),
    # a news wire's 主要目标包括，… (a comma after 包括, as after 是 and 为)
    re.compile(r"主要(?:预期)?目标\s*包括\s*,"),
    re.compile(
        r"^[ \t]*[—\-■●◆【\[]*[^。:;,\n]{0,20}?"
        r"(?:(?:主要预期|预期|主要)目标(?:任务)?(?:建议)?|任务清单|目标清单)"
        r"[ \t—\-】\]]*$",
        re.M,
    ),
    re.compile(r"主要(?:预期)?目标\s*—+"),
    # 主要目标，即…; 确定了今年发展的具体目标，即…; 实现“五个突破”，即… (a slogan's count);
    # 经济工作的目标为“1123”，即… (the targets' code name)
    re.compile(
        r"(?:(?:主要预期|预期|主要|具体|年度|奋斗|工作的?)目标|“[一二三四五六七八九十两]个[^”。,\n]{1,6}”)"
        r"\s*(?:是|为)?\s*(?:“[^”。,\n]{1,8}”)?\s*,?\s*即\s*,?"
    ),
    # A scraped summary card: the heading and the targets on one line, set apart by spaces.
    re.compile(r"(?:主要预期|预期|主要)目标[ \u3000]+(?=[^\s。,;:]{2,24}?\d[^ \n]*[ \u3000]+\S)"),
    re.compile(r"主要预期目标\s*(?:是|为)(?=[^\s,:;。\n])"),
    re.compile(r"预期目标\s*,"),
    re.compile(r"指标(?:体系)?安排[^。:;\n]{0,12}?:"),
    # 主要经济指标按照高于全市2个百分点以上来安排，一般公共预算收入高于全市7个百分点以上: the
    # indicators all at once set against the city's (no target: forms.NO_INDICATOR), the named
    # ones after it
    re.compile(r"主要经济指标\s*(?:按照|按|以)[^。:;,\n]{1,24}?(?:来|进行)?安排\s*,"),
    # an old national report's lead, a sentence of its own over the targets' lines (1981年国民
    # 经济计划的主要指标安排如下。 / 农业总产值比上年增长4%。 / …): its year, if it names one
    re.compile(
        r"(?:(?P<year>(?:19|20)\d\d)\s*年[^。:;,\n\d]{0,16}?)?主要(?:预期)?(?:指标|目标)"
        r"(?:安排)?\s*(?:如下|是|为)\s*[。:]"
    ),
    # 今年全市经济社会发展目标是：, 新的一年…发展的目标是：
    re.compile(r"(?:发展|工作|奋斗)(?:的)?目标\s*(?:是|为)\s*[:,]"),
    # The family's other wordings, where figures follow and the sentence speaks of no past:
    # 总体目标设定如下：, 目标任务确定为：, 各项指标安排如下，, 工作目标主要有：, 以下目标：
    re.compile(
        r"(?P<generic>(?:目标|指标)(?:任务)?)[”\"]?"  # (立下了具体的“指标”:)
        r"(?:[^。:;,\n]{0,8}?(?:是|为|如下|包括|主要有|有)\s*[:,]|\s*:)"
    ),
    # 今年的目标是：…; a heading 2024年目标任务 (the plan year's: checked in _find_lead)
    re.compile(r"(?:今年|(?P<year>20\d\d)年)(?:的)?(?:发展)?目标\s*(?:是|为)?\s*[:,]"),
    re.compile(
        r"^[ \t]*[—\-■●◆【\[]*[ \t]*(?:[一二三四五六七八九十]{1,3}、)?\s*"
        r"(?:(?P<year>20\d\d)年?|今年)(?:的)?(?:经济社会)?(?:发展|工作)?"
        r"目标(?:任务)?[ \t—\-】\]:]*$",
        re.M,
    ),
    # A digest's heading 2022主要任务 (2022年主要指标) over the year's figures, a line each: a
    # growth or a level on the next line (not a heading over a report's work: （一）…, 1.坚持…).
    re.compile(
        r"^[ \t]*[—\-■●◆【\[]*[ \t]*(?:(?P<year>20\d\d)年?|今年)(?:的)?(?:主要)?(?:任务|指标)"
        r"[ \t—\-】\]:]*$(?=\n[^\n。]{0,30}?(?:增长|下降|控制在|达到)\s*\d)",
        re.M,
    ),
    # A digest's heading over the year's figures, a line each: 展望2024年, 2024年展望.
    re.compile(
        r"^[ \t]*[—\-■●◆【\[]*[ \t]*(?:展望[ \t]*(?P<year>20\d\d)年?|(?P<later>20\d\d)年展望)"
        r"[ \t—\-】\]:]*$",
        re.M,
    ),
    # A digest's heading of the plan year alone (2004年: over this year's lines, after 2003年: over
    # last year's), a figure of a target's on the next line.
    re.compile(
        r"^[ \t]*[—\-■●◆【\[]*[ \t]*(?P<year>20\d\d)年[ \t—\-】\]:]*$"
        r"(?=\n[^\n。]{0,40}?(?:增长|下降|控制在|达到)\s*\d)",
        re.M,
    ),
    # The year's (预期)目标是 run into its first target, the weakest: never last year's
    # (去年预期目标是…), and a later lead of the same page first (a title repeating one target).
    re.compile(
        r"(?:(?<!去年)(?<!上年)(?<![去上]年的)(?<!增长的)(?<!增长)(?:主要)?预期|(?:今年|(?P<year>20\d\d)年)(?:的)?"
        r"(?:发展)?|(?<!去年的)(?<!上年的)主要)"
        r"目标\s*(?:是|为)(?=[^\s,:;。\n])"
    ),
    # 今年我市经济预期增长目标为14%以上，工业增加值增长…, 2009年某市生产总值增长的预期目标为
    # 9%、…: the list opens with the economy's growth target, its subject, so the lead is the
    # words before it
    re.compile(
        r"(?:今年|(?P<year>20\d\d)年)[^。,;:\n]{0,6}?"
        r"(?=(?:经济|GDP|地区生产总值|生产总值)(?:预期)?增长(?:的)?(?:预期)?目标(?:为|是)\s*\d)"
    ),
    re.compile(
        r"(?:^|(?<=[。\n])|(?<=,)(?=20\d\d年))(?:20\d\d年\s*,?\s*)?预期"
        r"(?=[^,;。\n]{2,24}?(?:增长|达到|控制在)\s*\d)",
        re.M,
    ),
    # The list as what a meeting decided, named after its figures (会议确定了今年全市生产总值
    # 增长13%、…外贸出口增长11%等一揽子目标; 提出了…等主要指标): the decision leads, the
    # sentence its targets; never a past one's (去年…确定的…等目标).
    re.compile(
        r"(?P<generic>确定|提出|明确|制定)了?\s*,?\s*(?:今年|(?P<year>20\d\d)年)?(?:的)?"
        r"(?=[^。\n]{2,200}?\d\s*(?:%|‰)?\s*(?:左右|以上|以内)?\s*等[^。,;\d]{0,10}?(?:目标|指标))"
    ),
)
WEAK_LEADS = 5  # leads from this index on need figures after them
# A work conference's one sentence: 会议提出，2011年开发区要坚持…的方针，努力实现大口径财政收入
# 7651万元，招商引资8亿元，… (the plan year or 今年 earlier in the sentence, its resolve — 努力,
# 力争, 确保 or 争取 — and the figures right after the verb). Tried only when no lead, no
# paragraph of this year's figures and no run of qualified ones is found: a work section says
# 力争完成投资2440亿元 too, and a page's summary 2025年，某市要实现GDP增长5%左右 (so not a bare
# 要实现), either of which would be taken before the list that no lead opens.
CONFERENCE_LEADS = (
    re.compile(
        r"(?:今年|(?P<year>20\d\d)年)[^。;\n]{0,80}?(?:努力|力争|确保|争取)(?:实现|完成|达到)"
        r"(?=[^,;。\n\d]{2,16}?\d)"
    ),
)
FIGURE_FOLLOWS = re.compile(r"[^。]{0,40}?(?:增长|下降|达到|控制在|左右|以上|以内)?\s*\d")
FIVE_YEAR_GOAL = re.compile(r"[^。;\n]{0,30}?(?:年均|累计|到20\d\d年|十五五|十四五)")


_PAST_LEAD = re.compile(r"去年|上年|过去|完成情况|执行情况|回顾|以来|五年|十[一二三四五六]五")


# A year named in the lead's sentence (not a horizon: 到2025年) and words of a year done.
_YEAR_NAMED = re.compile(r"(?<![到至])(20\d\d)\s*年")
_DONE = re.compile(r"圆满完成|全面完成|超额完成|顺利完成|完成情况|执行情况|已完成")


def another_years_lead(parse: str, start: int, end: int, year: int) -> bool:
    """Whether the lead at `start`–`end` is of a year other than the plan year: its clause
    names another year (2023年经济社会发展主要目标任务圆满完成，诸如：… on a page of the 2024
    report), or it says the targets are done."""
    opening = max(parse.rfind(c, 0, start) for c in "。\n!?,;") + 1
    named = [int(m.group(1)) for m in _YEAR_NAMED.finditer(parse, opening, end)]
    return bool(named and named[-1] != year) or _DONE.search(parse, start, end) is not None


def spoken_of_past(parse: str, pos: int) -> bool:
    """Whether the sentence before `pos` speaks of the past or another span (去年各项目标完成
    情况如下：, “十五五”时期的主要目标是：)."""
    opening = max(parse.rfind(c, 0, pos) for c in "。\n!?") + 1
    return _PAST_LEAD.search(parse, opening, pos) is not None


# The place a targets paragraph's lead names before its year (临汾市2020年主要预期目标:), at a
# sentence's start: not 全市, 本县, nor a clause's words before it.
_LEAD_PLACE = re.compile(
    r"(?<![\u4e00-\u9fff])(?![全本我该今])(?P<place>[\u4e00-\u9fff]{1,10}?(?:市|县|区|州|盟|旗|镇|乡))"
    r"\s*(?:19|20)\d\d\s*年[^。;,:\n\d]{0,24}?(?:目标|指标)[^。;,:\n]{0,8}?[:,]?\s*$"
)


def lead_place(parse: str, start: int) -> str | None:
    """The place the lead just before `start` (the targets paragraph's) names, or None."""
    found = _LEAD_PLACE.search(parse, max(0, start - 60), start)
    return found.group("place") if found is not None else None


# A clause's figure and its qualifier (7%以上, 4.4%以内, 390个): the last of the clause
_CLAUSE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰)?\s*(?:左右|以上|以内)?")


def restates(parse: str, first: tuple[int, int], later: tuple[int, int]) -> bool:
    """Whether the paragraph at `later` states every figure the clauses at `first` state, with
    the words just before each (生产总值增长7%以上): a lede summing up a list below it."""
    later_words = re.sub(r"\s", "", parse[later[0] : later[1]])
    stated = 0
    for clause in re.split(r"[,;。!]", parse[first[0] : first[1]]):
        words = re.sub(r"\s", "", clause)
        figures = list(_CLAUSE_FIGURE.finditer(words))
        if not figures:
            continue
        figure = figures[-1]
        if words[max(0, figure.start() - 6) : figure.end()] not in later_words:
            return False
        stated += 1
    return stated > 0


# A news page's summary before the paragraph: 报告提出，2026年主要预期目标包括地区生产总值增长
# 5%左右。 (one sentence, a figure in it).
_SUMMARY = re.compile(
    r"(?:主要)?预期目标(?:包括|是|为)\s*[:,]?|(?:主要)?预期目标\s*[:,]"
    # 2024年，天津市地区生产总值预期目标增长4.5%左右。: the economy's target named before it
    r"|(?P<gdp>(?:地区生产总值|生产总值|GDP)(?:增长)?(?:的)?预期(?:增长)?目标(?:为|是)?"
    r"(?=\s*(?:增长)?\s*\d))"
)


def summaries(
    parse: str, start: int, before: int, year: int, skipped: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentences from `start` to the lead at `before` that sum up a target of this year's (a
    page's summary of the paragraph below), outside the `skipped` spans (the review, the
    five-year plan, appendices): their figures, for targets the paragraph does not state."""
    found: list[tuple[int, int]] = []
    for match in _SUMMARY.finditer(parse, start, before):
        if any(low <= match.start() < high for low, high in skipped):
            continue
        opening = max(parse.rfind("。", 0, match.start()), parse.rfind("\n", 0, match.start())) + 1
        words = parse[opening : match.start()]
        years = {int(y) for y in YEAR.findall(words)}
        if five_year_lead(parse, match.start()) or re.search(r"去年|上年", words):
            continue
        if years - {year}:
            continue
        stops = [
            p
            for p in (parse.find("。", match.end(), before), parse.find("\n", match.end(), before))
            if p >= 0
        ]
        end = min(stops) if stops else before
        if FIGURE_FOLLOWS.match(parse, match.end()) and not FIVE_YEAR_GOAL.match(
            parse, match.end()
        ):
            # the economy's target read whole, its name and 预期目标 before the figure
            clause_start = max(opening, parse.rfind(",", 0, match.start()) + 1)
            found.append((clause_start if match.group("gdp") else match.end(), end))
    return found
