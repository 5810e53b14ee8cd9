"""Where the 主要预期目标 paragraph ends: the first 。 or line end after which no sentence or
line lists more of this year's targets (split from `sections`, which finds its lead)."""

from __future__ import annotations

import re

from plancli.extract.clauses import DECIDED, INDICATOR_NOUN, PURPOSE
from plancli.extract.forms import ABOVE_GDP, FLAT, INDICATOR, SAME, TREND
from plancli.extract.pending import PENDING
from plancli.extract.text import LIST_LABEL
from plancli.extract.vocabulary import lookup

_LABELLED = re.compile(rf"(?:^|(?<=[\n:]))(?:{LIST_LABEL.pattern})", re.M)


# A remark on the targets just listed (这些是指导性指标，可以根据形势适当调整; 以上为预期性指标),
# one sentence without a line break, before the list goes on (约束性指标为：…).
_REMARK = re.compile(
    r"\s*(?:这些|以上|上述)(?:指标|目标)?(?:是|为|均为|属于)?(?:指导性|预期性)(?:指标|目标)[^。\n]{0,40}。"
)


def paragraph_end(parse: str, start: int, stop: int, year: int | None = None) -> int:
    """The end of the targets after the lead: the first 。 or line end that no sentence or
    line of more targets follows (a list of targets — ——, 1., (一)… — runs over lines, and so
    do targets one a line under a heading, or a paragraph's next line of this year's figures:
    2013年，城镇登记失业率控制在…; 力争固定资产投资增长…)."""
    pos = start
    while pos < stop:
        full_stop = parse.find("。", pos, stop)
        newline = parse.find("\n", pos, stop)
        if full_stop >= 0 and (newline < 0 or full_stop < newline):
            if parse[full_stop - 1] == "等" and full_stop > start:
                return full_stop  # …规模以上工业产值增长17%等。: the list says it has ended
            if more_targets(parse, full_stop + 1, stop, year):
                pos = full_stop + 1
                continue
            remark = _REMARK.match(parse, full_stop + 1, stop) or _aside(
                parse, full_stop + 1, newline if newline >= 0 else stop
            )
            after = parse.find("。", full_stop + 1, stop) if remark else -1
            if after >= 0 and more_targets(parse, after + 1, stop, year):
                pos = after + 1  # 这些是指导性指标，…。约束性指标为：… goes on listing
                continue
            later = _later_in_item(parse, start, pos, full_stop + 1, newline, stop, year)
            if later is not None:
                pos = later
                continue
            return full_stop
        if newline < 0:
            return stop
        # A list goes on when the targets are one (1. …, —— …): a list after lines of
        # targets is something else (以下是…35条…: 1. …).
        listed = not parse[start:newline].strip() or _LABELLED.search(parse, start, newline)
        if (
            parse[pos:newline].strip()
            and not (listed and LIST_LABEL.match(parse, newline + 1, stop))
            and not more_targets(parse, newline + 1, stop, year)
        ):
            return newline
        pos = newline + 1
    return stop


def _aside(parse: str, start: int, end: int) -> bool:
    """A short sentence of guidance between two of targets on one line (…投资增长百分之八。投资
    要符合产业政策，避免盲目发展和重复建设。社会商品零售总额增长…): no figure, at most 24
    characters, and the sentence after it states two target figures or more."""
    stop = parse.find("。", start, end)
    if stop < 0 or stop - start > 24 or re.search(r"\d", parse[start:stop]):
        return False
    after = parse.find("。", stop + 1, end)
    sentence = parse[stop + 1 : after if after >= 0 else end]
    figures = [c for c in re.split(r"[,;，；]", sentence) if _TARGET_FIGURE.search(c)]
    return len(figures) >= 2 and not any(_NOT_THIS_YEAR.search(c) for c in figures)


def _later_in_item(
    parse: str, start: int, pos: int, after: int, newline: int, stop: int, year: int | None
) -> int | None:
    """Where a later sentence of the same list item lists targets, when the lead ends its line
    and its list's items open with a heading and prose (一是增强发展动能。以…为引领，…。预期
    地区生产总值增长6%左右；…): the item's targets come after its words; None if none do."""
    lead_line_end = parse.find("\n", start, stop)
    if lead_line_end < 0 or parse[start:lead_line_end].strip():
        return None  # the lead runs into its targets: a sentence of prose ends them
    line_start = parse.rfind("\n", start, after) + 1
    if line_start <= start or not LIST_LABEL.match(parse, line_start):
        return None
    end = newline if newline >= 0 else stop
    if not parse[after:end].strip():
        # the item ends here: the list goes on with its next item
        return end if newline >= 0 and LIST_LABEL.match(parse, newline + 1, stop) else None
    sentence = after
    while sentence < end:
        if more_targets(parse, sentence, stop, year):
            return sentence
        next_stop = parse.find("。", sentence, end)
        if next_stop < 0:
            return None
        sentence = next_stop + 1
    return None


# A sentence that goes on listing targets: its first clause states a figure of this year's
# (增长7.5%左右, 5.5%左右, 达59%左右, 城镇新增就业110万人), not a past one or a five-year goal,
# after the plan year, 今年 or 力争 perhaps; or a short heading clause without a figure comes
# first (质量结构型指标方面，…; 经济结构不断优化，…) and the second states a figure or a
# relation; or it is a national task (全面完成国家下达的…); or its first clause is a trend
# without a figure (进出口保持稳定, 生态环境质量持续改善).
_TARGET_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|左右|以上|以内|万人|亿元|万亿元|亿美元|万亿斤|亿斤|万吨)"
    r"|\d+(?:\.\d+)?\s*[^\d\s,;。]{1,6}?(?:左右|以上|以内|以下)"  # 35微克/立方米以内
    r"|(?:增长|下降|降低|控制在|达到|达|提高到|提升至|稳定在|保持在|不低于|不超过)\s*\d"
    r"|^\s*(?:全年)?完成\s*\d"  # 全年完成3000户…任务: a task of the year's count
)
_SECOND_TARGET = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|左右|以上|以内|亿元|亿美元|万人|个|家|项|万?套|微克)|同步|高于|持平"
)
_NATIONAL_TASK = re.compile(
    r"^根据(?:国家|上级|省)[^。]{0,4}下达"
    r"|^(?:全面)?完成(?:(?:国家|上级|省)[^。]{0,4}下达"
    r"|(?:年度)?[^。,]{0,24}?(?:节能|减排|降碳|能耗|煤炭)[^。,]{0,20}?任务$)"
)
# Past figures, five-year goals, results so far (今年以来, 前三季度, 预计全年) and talk about the
# targets (这样的目标, 确定…): no more targets.
_NOT_THIS_YEAR = re.compile(
    r"去年|上年|20\d\d年|年均|累计|十[四五]五|这|上述|我们|目标|确定|提出"
    r"|以来|截至|预计|上半年|季度|同比"
)
_TREND_CLAUSE = re.compile(
    r"^[\u4e00-\u9fff()]{2,14}?(?:保持|持续)?(?:总体|基本|相对)?(?:稳定|平稳|平衡)(?:增长)?$"
    r"|^[\u4e00-\u9fff()]{2,14}?(?:持续|稳步|进一步|继续)(?:改善|下降|降低|提升|提高|增长)$"
    r"|^[\u4e00-\u9fff()]{2,14}?(?:与|和|同)(?:经济增长|经济发展|地区生产总值增长)(?:保持)?(?:基本)?同步$"
    r"|^[\u4e00-\u9fff()]{2,14}?收入(?:保持|实现)?(?:基本)?同步增长$"
    r"|^[\u4e00-\u9fff()、]{2,20}?稳中(?:提质|有升|有进|向好)$"  # 实际利用外资、进出口稳中提质
)
_NAMED_FIGURE = re.compile(r"目标(?:为|是)(?=\s*(?:增长|下降|控制在|达到)?\s*\d)")
_OVER_LAST_YEAR = re.compile(
    r"(?:比|较)(?:上年|去年)(?=(?:增长|下降|增加|减少)\s*\d[^。\n]*。?\s*$)"
)
_TASK_CLAUSE = re.compile(r"下达|[市省]定目标|国家要求|\d+(?:\.\d+)?\s*(?:%|左右|以上|以内)")
_THIS_YEAR_OPENING = (
    r"^\s*(?:《?(?:(?:政府)?(?:工作)?报告|计划|规划)》?(?:中|还)?(?:提到|指出|提出|明确|称|说)"
    r"\s*[,，]?\s*"
    r"(?=今年|{year}年))?"
    r"(?:(?:[\u4e00-\u9fff]{{2,3}}(?=今年))?(?:今年|{year}年)(?!以来)(?:[\u4e00-\u9fff]{{2,4}}?(?=目标))?(?:的)?(?:目标|预期目标)?"
    r"\s*[,，]?\s*)?(?:力争|争取)?"
)


_SPEAKER = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}?(?:表示|指出|强调|说)\s*,\s*")
# (a speaker only after a connective: 殷勇表示，2025北京… alone may turn to last year's results)
_CONNECTIVE = re.compile(
    r"^\s*(?:(?:同时|此外|另外|并且|而且|还要)\s*,?\s*"
    r"(?:[\u4e00-\u9fff]{2,6}?(?:表示|指出|强调|介绍|说)\s*,\s*)?)?"
)


def _named_indicator(clause: str) -> bool:
    """Whether a clause is a known indicator in one of the headline's forms without a figure
    (进出口保稳提质, 国际收支基本平衡, 固定资产投资合理增长, 居民收入稳步增长, 城镇居民收入
    高于经济增速): a sentence of the list, whatever its wording of the form."""
    if len(clause) > 30:
        return False
    for form in (INDICATOR, SAME, ABOVE_GDP, FLAT, *(t for t, _ in TREND)):
        match = form.search(clause)
        if match is None or match.start() == 0:
            continue
        subject = re.sub(r"(?:保持|实现|要|总体|基本|继续)+$", "", clause[: match.start()])
        if lookup(subject) is not None or INDICATOR_NOUN.search(subject):
            return True
    return False


def more_targets(parse: str, start: int, stop: int, year: int | None = None) -> bool:
    """Whether the sentence at `start` (after a 。 or a line end in the headline paragraph)
    lists more targets: the paragraph of 贵州 and others goes on after its first sentence
    ("…分别增长3.5%左右、6%左右、5%左右。规模以上工业增加值增长7.5%左右；…")."""
    if parse.startswith("\n", start):
        start += 1
    ends = [p for p in (parse.find("。", start, stop), parse.find("\n", start, stop)) if p >= 0]
    sentence = parse[start : min(ends) if ends else stop]
    # A connective before the next targets (同时，…; 此外，…完成省下达任务) and a news page's
    # speaker (此外，市长表示，2010年…): read past them; so too a purpose clause restating a
    # target and a meeting's decision (为实现13%的增长目标，会议还确定了A增长10%、…等目标).
    sentence = _CONNECTIVE.sub("", sentence)
    purpose = re.match(rf"\s*{PURPOSE.pattern}\s*,\s*", sentence)
    decided = DECIDED.match(sentence, purpose.end() if purpose else 0)
    if decided:
        sentence = sentence[decided.end() :]
    speaker = _SPEAKER.match(sentence)
    if speaker and year is not None and re.match(rf"今年|{year}年", sentence[speaker.end() :]):
        # 李某表示，今年全省将集中精力抓项目，…，力争固定资产投资7100亿元以上，实现20%以上的
        # 增长；…力争社会消费品零售总额3540亿元: a news page's speaker on this year, two
        # clauses of this year's figures or more
        rest = sentence[speaker.end() :]
        figures = [
            c
            for c in re.split(r"[,;，；]", rest)
            if _TARGET_FIGURE.search(c) and not _NOT_THIS_YEAR.search(c)
        ]
        if len(figures) >= 2 and not re.search(r"去年|上年|同比", rest):
            return True
    opening = re.match(_THIS_YEAR_OPENING.format(year=year or "20\\d\\d"), sentence)
    if opening and year is not None:
        sentence = sentence[opening.end() :]
    sentence = _CONNECTIVE.sub("", sentence)
    # Empty clauses are a garbled copy's doubled punctuation (",;"): not clauses.
    clauses = [c for c in re.split(r"[,;，；、]", sentence) if c.strip()] or [""]
    clause = clauses[0]
    if _NATIONAL_TASK.match(clause.strip()):
        return True
    first = re.split(r"[,;，；]", sentence, maxsplit=1)[0]
    task = PENDING.search(first)
    if task and not _NOT_THIS_YEAR.search(first[: task.start()]):
        return True  # a task whose bound a higher level sets (…等指标按国家要求落实)
    if re.search(r"等(?:约束性|主要)?指标$", first.strip()) and PENDING.search(sentence):
        return True  # 人口自然增长率、…削减率等约束性指标，确保完成省政府下达的任务
    if re.match(r"\s*约束性指标", sentence):
        return True  # a 计划 report's binding targets after its 主要预期指标
    heading = first.strip()
    if heading.startswith("在") and heading.endswith("方面") and len(heading) <= 40:
        # 在固定资产投资、社会消费品零售总额、进出口方面，分别保持增长20%、13%和14%以上
        return bool(_SECOND_TARGET.search(sentence[len(first) :]))
    if _PROGRESS_IN.match(heading):
        # 同时，要在产业结构调整、自主创新、节能减排等方面取得新进展，城乡居民收入实际增长和
        # 经济增长保持同步: progress asked for in areas, then a target's figure or relation
        return bool(_SECOND_TARGET.search(sentence[len(first) :]))
    if clause.strip().endswith("方面") and len(clause.strip()) <= 16:
        # A heading clause (环境质量方面，…) over targets or tasks.
        return _TASK_CLAUSE.search(sentence) is not None or bool(_SECOND_TARGET.search(sentence))
    if _TARGET_FIGURE.search(clause):
        # 生产总值目标为增长10%左右: the target's own figure, not talk about the targets; nor a
        # target explained (经济增长预期7%左右，考虑了需要和可能，…: the paragraph after the list)
        explained = len(clauses) > 1 and _EXPLAINED.match(clauses[1].strip())
        if _OVER_LAST_YEAR.search(parse, max(0, start - 40), start):
            # an old national report's list, each item's figure stated over last year's (农业总
            # 产值比上年增长4%。/ 工业总产值比上年增长3%。): the next item's is this year's too
            clause = _OVER_LAST_YEAR.sub("", clause)
        return not explained and not _NOT_THIS_YEAR.search(_NAMED_FIGURE.sub("", clause))
    trend = _TREND_CLAUSE.match(clause.strip()) or _TREND_CLAUSE.match(first.strip())
    if trend and not _NOT_THIS_YEAR.search(clause):
        # A sentence of trends and tasks (粮食播种面积保持稳定，生态环境质量持续改善，空气优良
        # 天数完成市定目标), not of aims in prose (生态环境持续改善，特色产业不断发展，…).
        parts = [c.strip() for c in re.split(r"[,;，；]", sentence) if c.strip()]
        like = [c for c in parts if _TREND_CLAUSE.match(c) or _TASK_CLAUSE.search(c)]
        return len(like) * 2 > len(parts)
    if _named_indicator(clause.strip()) and not _NOT_THIS_YEAR.search(clause):
        return True
    second = clauses[1] if len(clauses) > 1 else ""
    return (
        0 < len(clause.strip()) <= 16
        and not re.search(r"\d", clause)
        and not _NOT_THIS_YEAR.search(clause + second)
        and not _ATTRIBUTION.match(clause.strip())
        and _SECOND_TARGET.search(second) is not None
        and not _OUTLINE.search(second)
    )


# A target's explanation after it (…，考虑了需要和可能，与…目标相衔接)
_EXPLAINED = re.compile(
    r"(?:主要)?考虑(?:了|到)|这是|是综合考虑|符合|与[^,;。]{0,20}相(?:衔接|适应)"
)
_PROGRESS_IN = re.compile(
    r"(?:要|力争|努力)?在[^,;。]{2,40}?方面取得(?:新的?|明显|积极|重大)?进展$"
)
# Words saying who speaks (报告指出, 会议强调) are no heading of targets; nor is the count of the
# year's tasks an outline gives (四川要重点做好9个方面工作:一是…).
_ATTRIBUTION = re.compile(r"[\u4e00-\u9fff]{0,8}(?:指出|提出|表示|强调|要求|明确|认为)$")
_OUTLINE = re.compile(r"\d+\s*(?:个)?方面|\d+\s*项(?:重点)?(?:工作|任务)")
