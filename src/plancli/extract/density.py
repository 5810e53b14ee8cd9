"""Finding the targets paragraph without a lead: a news copy or a digest may state the year's
targets in a paragraph no lead introduces (…对2019年仍确定了较高的预期目标。其中，地区生产总值
预期增长6.5%…; 今年，…。争取实现财政总收入11亿元，比增7%；…). Failing every lead, the run of
clauses with the most indicator figures of the plan year is taken, when it holds enough.

The year a clause speaks of is carried from clause to clause and line to line, as a reader
carries it: 2019年 or 今年 (the plan year), 去年, 过去一年, 今年以来 (results), 到2025年, 今后五
年, 十四五时期 (goals of another span); a clause counts only in the plan year's context, with
an indicator's name before a figure of a target's form, and without a word of the past (同比,
预计, 年均, 累计…). A page of no such run is refused as before; last year's results and
five-year goals never count, whatever their figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plancli.extract.clauses import INDICATOR_NOUN
from plancli.extract.forms import INCREMENT
from plancli.extract.paragraph import more_targets
from plancli.extract.pending import PENDING
from plancli.extract.text import split_lines
from plancli.extract.vocabulary import lookup

# What sets the year a clause speaks of, in the order they appear: a year (到2025年: a goal of
# another span; 2024年1月18日 a page's date or 2024年1-11月 results so far, neither this year's
# targets), 今年, the past (not 力争比上年增长50亿元: a target's rise over last year, nor
# 在去年11302元基础上增长12%: last year's figure the target's base), a
# five-year span (十四五时期, 十五五期间; not a bare mention such as 确保十五五开好局 or
# …开局之年, which speak of this year).
_CONTEXT = re.compile(
    r"(?P<until>到|至)?(?P<year>20\d\d)\s*年(?P<so_far>以来|上半年|前三季度|一季度|\s*\d{1,2}\s*[月-])?"
    r"|(?P<this>今年|新的一年)(?P<this_so_far>以来|上半年|前三季度|一季度|前)?"
    r"|(?P<next>明年)(?!\s*\d|[一二三四五六七八九十]+月)"
    r"|(?P<past>(?<![力争确保取]比)(?:去年|上年)(?![^,;。]{0,14}?基础上)"  # …在去年N元基础上增长
    r"|过去一年|过去的一年|一年来|过去五年|五年来|本届政府)"
    r"|(?P<span>今后五年|未来五年|十[一二三四五六]五[”\"]?(?:规划)?(?:时期|期间|末|以来|规划期))"
)
# A figure of a target's form: a rate, an amount, a count of people, with its qualifier.
# Counts of the genre's other units too (新增限额以上企业10家, 引进项目15个, 突破30个亿).
_FIGURE = re.compile(
    r"(?:增长|比增|增速|增幅|下降|降低|控制在|达到|稳定在|保持在|突破|超过|实现|完成|为)?\s*"
    r"\d+(?:\.\d+)?\s*(?:%|‰|亿元|万亿元|亿美元|万美元|万元|元|个亿|万人次|人次|万人|人|"
    r"万吨|吨|亿斤|万亿斤|万亩|亩|家|个(?!百分点)|项|户|所|座|套|辆|台|件|名|"
    r"(?:万)?(?:平方)?(?:公里|千米|米)|万千瓦|亿千瓦时|亿立方米|万标箱|标箱)"
)
_GROWTH_ALONE = re.compile(r"^(?:同比|比)?(?:增长|比增|增速|增幅)\s*\d")
# An amount without a name after a target (…增长20%，达到1.32亿元): that series' amount.
_AMOUNT_ALONE = re.compile(r"^(?:力争|确保|争取)?(?:达到|达|突破|超过|实现)\s*\d")
# Words of a result or an estimate, never of a target (but 比上年 in a sentence of aims).
_PAST = re.compile(r"同比|比上年|比去年|预计|实现了|完成了|年均|累计|已经|已达|达到了|可比价")
_PAST_AIMED = re.compile(r"同比|预计|实现了|完成了|年均|累计|已经|已达|达到了|可比价")
_AIMS = re.compile(r"\s*(?:力争|确保|争取)")
_OVER_LAST_YEAR = re.compile(r"比(?:上年|去年)")


def _aimed(parse: str, position: int) -> bool:
    """Whether the sentence holding `position` opens with 力争, 确保 or 争取."""
    start = max(parse.rfind("。", 0, position), parse.rfind("\n", 0, position)) + 1
    return _AIMS.match(parse, start) is not None


# What makes a single figure a target: the economy's growth, stated as expected or qualified.
_GDP_TARGET = re.compile(
    r"(?:生产总值|GDP|经济增长)[^,;。]{0,8}?(?:预期|目标|力争|确保)?[^,;。]{0,4}?(?:增长|增速)"
    r"[^,;。]{0,6}?\d"
)
# …or as a range (增长6%—6.5%: never a result).
_MARKED = re.compile(r"预期|目标|左右|以上|以内|力争|确保|争取|\d\s*%?\s*(?:—+|-+|–|~|至)\s*\d")
# …or an amount named as the year's goal (瞄准规模工业产值200亿元目标).
_AMOUNT_GOAL = re.compile(r"\d\s*(?:亿元|万亿元|万元)\s*(?:的)?(?:目标|大关)")
# a clause, or a table's cell (任务分工 tables: 序号 | 主要工作任务 | 责任单位 |)
# (a clause quoted opens after its quotation mark: “地区生产总值增长9%左右,…”)
_CLAUSE = re.compile(r"[^,;。\n|\s“「\"][^,;。\n|]*")
# what closes a quoted list after its last figure (…增长11%……”)
_CLOSING = '…”」" '
_ROW_NUMBER = re.compile(r"\s*\d{1,3}\s*\|")  # a table row's number cell


# A sentence that details the one before it, in its time (其中,…; 具体来看,…).
_GOES_ON = re.compile(r"\s*(?:其中|具体(?:来看|而言|说)|分(?:项|领域)看)")


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    count: int  # clauses of target figures of the plan year


@lru_cache(maxsize=4096)
def _indicator_before(words: str) -> bool:
    words = words.strip()
    return bool(words) and (
        lookup(words) is not None
        or INDICATOR_NOUN.search(words.rstrip("的")) is not None
        or words.endswith(("产值", "税收", "就业", "企业", "项目", "资金", "人口", "面积"))
    )


# A page of a meeting late in the year that states next year's targets (明年全市…增长6%, 明年的
# 奋斗目标是…): its 明年 is the plan year, its 今年 the year of the results.
NEXT_YEAR = re.compile(
    r"明年(?!\s*\d|[一二三四五六七八九十]+月)[^。;\n]{0,24}?(?:目标|预期|增长|力争)"
)


def speaks_of_next_year(parse: str, start: int, end: int) -> bool:
    """Whether the page states next year's targets (so 今年 is the year before the plan's)."""
    return NEXT_YEAR.search(parse, start, end) is not None


def _context(clause: str, year: int, current: str | None, next_year: bool = False) -> str | None:
    """The span a clause speaks of after it: "plan", "other", or None (not yet said)."""
    for match in _CONTEXT.finditer(clause):
        if match.group("year"):
            same = int(match.group("year")) == year
            current = "plan" if same and not match.group("until") else "other"
            if match.group("so_far"):
                current = "other"
        elif match.group("this"):
            current = "other" if match.group("this_so_far") or next_year else "plan"
        elif match.group("next"):
            current = "plan" if next_year else "other"
        else:
            current = "other"
    return current


def best_run(
    parse: str,
    start: int,
    end: int,
    year: int,
    skip: list[tuple[int, int]],
    unmarked: bool = False,
) -> Run | None:
    """The run of this year's target clauses that holds the most, or None when no run holds
    three (or one: the economy's growth stated as a target).

    `unmarked`, the last resort: a sentence that names no year may be this year's (a copy that
    dropped the lead and its 今年: 地区生产总值增长5%左右，…), when three of its clauses have a
    target's qualifier (左右, 以上, 力争…) — results are not worded so."""
    context: str | None = None
    best: Run | None = None
    # Runs go on from line to line (a digest's targets, one a line, without a lead) but not
    # across the parts left out.
    groups: list[list[tuple[re.Match[str], str | None]]] = [[]]
    next_year = speaks_of_next_year(parse, start, end)
    for line in split_lines(parse, start, end):
        if any(a <= line.start < b for a, b in skip):
            context = None
            groups.append([])
            continue
        if (
            unmarked
            and parse[start : line.start].rstrip().endswith(("。", "!", "?", "！", "？"))
            and not _GOES_ON.match(parse, line.start)
        ):
            # a sentence's time ends with it; a heading's (展望2035年) goes on over its lines,
            # and so does a sentence's into the next that details it (…2019年…实现6%左右的
            # 预期目标。\n其中,固定资产投资增长6%以上,…: last year's)
            context = None
        row = _ROW_NUMBER.match(parse, line.start, line.end)
        for clause in _CLAUSE.finditer(parse, row.end() if row else line.start, line.end):
            if (
                unmarked
                and parse[clause.start() - 1 : clause.start()] == "。"
                and not _GOES_ON.match(clause.group())
            ):
                context = None
            words = clause.group()
            if "比" in words and _aimed(parse, clause.start()):
                words = _OVER_LAST_YEAR.sub("", words)  # 力争…,农民人均收入比上年增长16%
            context = _context(words, year, context, next_year)
            groups[-1].append((clause, "plan" if unmarked and context is None else context))
    for group in groups:
        clauses = [c for c, _ in group]
        contexts = [c for _, c in group]
        index = 0
        while index < len(clauses):
            run, index = _run_at(parse, clauses, contexts, index, year, unmarked)
            if run is not None and (best is None or run.count > best.count):
                best = run
    return best


def _counts(clause: str, after_target: bool, aimed: bool = False) -> bool:
    """Whether a clause states a target figure: an indicator's name before it (or, just after
    such a clause, a growth without a name: 财政总收入11亿元，比增7%), no word of the past —
    but in a sentence of aims (力争完成…,实现…,农民人均收入比上年增长16%) a rise over last
    year is this year's."""
    if (_PAST_AIMED if aimed else _PAST).search(clause):
        return after_target and INCREMENT.match(clause) is not None
    figure = _FIGURE.search(clause)
    if figure is None:
        return False
    if _GROWTH_ALONE.match(clause.strip()) or _AMOUNT_ALONE.match(clause.strip()):
        return after_target
    return _indicator_before(_OVER_LAST_YEAR.sub("", clause[: figure.start()]))


def _tally(clause: str, after_target: bool, aimed: bool = False) -> tuple[int, int]:
    """How many target figures a clause states, and how many of them with a target's
    qualifier: its parts listed with 、 one each (力争固定资产投资增幅16%以上、…、限上社零额同比
    增长15%以上: four targets and a 同比, not a clause of the past), or the clause whole."""
    whole = _counts(clause, after_target, aimed)
    counted = qualified = 0
    if "、" in clause:
        after = after_target
        for part in clause.split("、"):
            after = _counts(part, after, aimed)
            counted += after
            qualified += after and _MARKED.search(part) is not None
    if whole and not counted:
        return 1, int(_MARKED.search(clause) is not None)
    return counted, qualified


def _run_at(
    parse: str,
    clauses: list[re.Match[str]],
    contexts: list[str | None],
    index: int,
    year: int,
    unmarked: bool = False,
) -> tuple[Run | None, int]:
    """The run starting at clause `index` (None if that clause does not count or the run is
    too weak) and the index to look from next: past the run, since a run starting inside it
    holds less."""
    first = clauses[index]
    if contexts[index] != "plan" or not _tally(first.group(), False)[0]:
        return None, index + 1
    count, last_end, after, economy, idle = 0, first.end(), False, False, 0
    marked = 0  # counted clauses with a target's qualifier
    position = index
    while position < len(clauses):
        clause = clauses[position]
        text = clause.group()
        aimed = _aimed(parse, clause.start())
        if position > index:
            past = (_PAST_AIMED if aimed else _PAST).search(text)
            if contexts[position] != "plan" or (past and not INCREMENT.match(text)):
                break
            gap = parse[clauses[position - 1].end() : clause.start()]
            if "\n" in gap:
                # the next line goes on only with a target of its own (a table's next row, with
                # a target's words: 城乡居民人均可支配收入与经济增长基本同步)
                row = gap.rstrip().endswith("|") or "|" in gap.split("\n")[-1]
                if not _tally(text, after, aimed)[0] and not (row and _target_words(text)):
                    break
            elif (
                "。" in gap
                and "|" not in gap
                and not more_targets(  # (a table's cell)
                    parse, clauses[position - 1].end() + 1, len(parse), year
                )
            ):
                break
        counted, qualified = _tally(text, after, aimed)
        if counted:
            count += counted
            marked += qualified
            after = True
            economy = (
                economy
                or bool(_GDP_TARGET.search(text) and _MARKED.search(text))
                or bool(_AMOUNT_GOAL.search(text))
            )
            idle = 0
        else:
            after = False
            idle = 0 if _target_words(text) else idle + 1
            if idle == 2:
                # Two clauses of work in prose (…将进一步深化改革开放，深度融入…): the
                # targets have ended before them.
                break
        if idle == 0:
            last_end = clause.start() + len(text.rstrip(_CLOSING))
        position += 1
    if unmarked:
        # ranked by its qualified clauses; most of them qualified (a year's results in the
        # review, 全年地区生产总值增长4.8%，总量达…, hold a 以上 or two at most) — or named
        # this year's targets by the words just after them
        if marked >= 3 and 2 * marked >= count:
            count = marked
        elif count < 3 or not _named_after(parse, last_end, year):
            return None, position
    elif count < 3 and not economy:
        return None, position
    return Run(first.start(), last_end, count), position


# Words after a run that name it this year's targets: a news page opens with the figures
# quoted (“地区生产总值增长9%左右,…”) and says in its next sentence what they are (…作政府
# 工作报告,提出2022年经济社会发展的主要预期目标).
_NAMED_AFTER = r"(?:今年|{year}年)[^。\n\d]{{0,16}}?(?:主要)?(?:预期)?(?:目标|指标)"


def _named_after(parse: str, end: int, year: int) -> bool:
    """Whether the words after a run, to the end of the next line, name this year's targets
    before any other figure."""
    line_end = parse.find("\n", end)
    if line_end >= 0:
        following = parse.find("\n", line_end + 1)
        line_end = following if following >= 0 else len(parse)
    window = parse[end : line_end if line_end >= 0 else len(parse)][:300]
    named = re.search(_NAMED_AFTER.format(year=year), window)
    return named is not None and not re.search(r"\d", window[: named.start()])


# A clause of a target without a counted figure: a trend, a relation, a task a higher level
# sets, a higher aim (力争更好, 大幅下降, 与经济增长同步, 完成省下达任务).
_TARGET_WORDS = re.compile(
    r"力争|争取|下达|同步|高于|不低于|持平|稳定|下降|降低|提高|提升|改善|增长|国家要求|目标"
)


def _target_words(clause: str) -> bool:
    """Whether a clause that does not count may still be a target's (a figure of another
    form, 新增亿元企业2家; words of a target; a task a higher level sets, 完成节能减排): not
    work in prose."""
    if re.search(r"\d", clause):
        return True
    words = clause.strip()
    if len(words) <= 60 and PENDING.search(words):
        # 全面完成国家、省下达的年度节能减排降碳约束性指标和环境质量改善目标: long, a target
        return True
    return len(words) <= 30 and _TARGET_WORDS.search(clause) is not None


def target_clauses(parse: str, start: int, end: int) -> int:
    """How many clauses of `parse[start:end]` state a target figure (whatever year); clauses
    listed with 、 (工业增加值增长24%以上、地方财政收入增长15%) count one each."""
    count, after = 0, False
    for clause in _CLAUSE.finditer(parse, start, end):
        for part in clause.group().split("、"):
            after = _counts(part, after)
            count += after
    return count
