"""Where things are in a report: its parts (review, five-year plan, this year's work, the
investment plan, appendices), the work sections, the 主要预期目标 paragraph, the plan year.

Everything here works on the parse form (see `text.parse_form`) and returns offsets into it,
which are offsets into the report's text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plancli.errors import InputError
from plancli.extract.density import best_run, speaks_of_next_year, target_clauses
from plancli.extract.leads import (
    CONFERENCE_LEADS,
    FIGURE_FOLLOWS,
    FIVE_YEAR_GOAL,
    HEADLINE_LEADS,
    WEAK_LEADS,
    another_years_lead,
    restates,
    spoken_of_past,
    summaries,
)
from plancli.extract.paragraph import more_targets, paragraph_end
from plancli.extract.parts import (
    FIVE_YEAR_TITLE,
    NUMBERED,
    SUBSECTION,
    PartKind,
    classify,
    headings,
    this_years_start,
)
from plancli.extract.planyear import five_year_lead, plan_year
from plancli.extract.table_spans import table_runs
from plancli.extract.text import Line, split_lines
from plancli.i18n import _


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Part:
    kind: PartKind
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class WorkSection:
    number: int
    title: str
    start: int
    end: int


@dataclass
class Layout:
    year: int
    body: Span
    parts: list[Part] = field(default_factory=list)
    work_sections: list[WorkSection] = field(default_factory=list)
    headline: Span | None = None  # the targets of the 主要预期目标 paragraph (after its colon)
    headline_paragraph: Span | None = None  # the whole paragraph, left out of the work targets
    # a news page's summary lead of one target before the paragraph of the rest (its target
    # kept where the paragraph does not state it again)
    summaries: list[Span] = field(default_factory=list)
    # the headline found by the last resort: no lead, no year named (its targets to review)
    headline_unmarked: bool = False
    tables: list[Span] = field(default_factory=list)  # an appendix's tables, titled ones elsewhere
    investment: Part | None = None

    def kind_at(self, pos: int) -> PartKind:
        for part in self.parts:
            if part.start <= pos < part.end:
                return part.kind
        return "front"

    def review_spans(self) -> list[Span]:
        return [Span(p.start, p.end) for p in self.parts if p.kind == "review"]


def locate(parse: str, body: Span, year: int | None = None) -> Layout:
    """The layout of the report in `parse` (its parse form)."""
    found_headings = headings(parse, body.start, body.end)
    found_year = (
        year
        if year is not None
        else plan_year(parse, body.start, body.end, [t for _, t in found_headings])
    )
    if found_year is None:
        raise InputError(_("cannot tell the plan year from the report; give it with --year"))
    layout = Layout(year=found_year, body=body)
    # Parts: from each heading to the next.
    starts = [(line.start, title) for line, title in found_headings]
    if not starts or starts[0][0] > body.start:
        starts.insert(0, (body.start, ""))
    for index, (start, title) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else body.end
        opening = parse[parse.find("\n", start) + 1 : end][:200] if title else ""
        kind: PartKind = "front" if not title else classify(title, found_year, opening)
        if kind == "plan" and FIVE_YEAR_TITLE.search(title):
            # “十五五”时期目标任务和2026年工作安排: the 纲要's paragraphs, then the year's work
            # from the paragraph that opens it (今年是“十五五”开局之年…)
            year_start = this_years_start(parse, start, end, found_year)
            if year_start > start:
                layout.parts.append(Part("fiveyear", title, start, year_start))
                start = year_start
        layout.parts.append(Part(kind, title, start, end))
    _find_headline(parse, layout)
    for part in layout.parts:
        if part.kind == "plan":
            # Numbers: a part's lead (before its （一）) is 0, its （一） is 1…; a later part
            # goes on from there, so every number is unique.
            base = layout.work_sections[-1].number + 1 if layout.work_sections else 0
            layout.work_sections.extend(
                _work_sections(parse, part, base, layout.headline_paragraph)
            )
        elif part.kind == "investment" and layout.investment is None:
            layout.investment = part
    for part in layout.parts:
        # every run of rows in an appendix; elsewhere, a run under a table's title
        # (2022年主要指标计划表: a copy without the 附表 line)
        titled = part.kind != "appendix"
        runs = table_runs(parse, part.start, part.end, titled=titled)
        layout.tables.extend(Span(start, end) for start, end in runs)
    if not any(p.kind == "plan" for p in layout.parts) and layout.headline is not None:
        # A report without headings: its work follows the headline paragraph.
        rest = Part("plan", "", layout.headline.end, body.end)
        layout.work_sections.extend(_work_sections(parse, rest, 0))
    return layout


def _find_headline(parse: str, layout: Layout) -> None:
    """The first lead of a 主要预期目标 paragraph outside the review and the five-year plan;
    failing that (a report whose headings were misread), the last lead anywhere; failing that,
    a paragraph of this year's figures without a lead; failing all, a work conference's
    sentence (…努力实现A 7651万元，B 8亿元)."""
    if not _find_lead(parse, layout, skip=("review", "fiveyear", "appendix")) and not _find_lead(
        parse, layout, skip=("appendix",), last=True
    ):
        if not _find_leadless(parse, layout):
            _find_last_resort(parse, layout)
        else:
            _prefer_several(parse, layout)
        if layout.headline is None:
            skip = ("review", "fiveyear", "appendix")
            _find_lead(parse, layout, skip, leads=CONFERENCE_LEADS)
        return
    _prefer_fuller(parse, layout, ("review", "fiveyear", "appendix"))
    _prefer_several(parse, layout)


def _prefer_several(parse: str, layout: Layout) -> None:
    """A lead or a paragraph over one figure or none (a page's title 确定今年…主要预期目标 over
    its dateline; 今年经济增长目标确定为9.5%左右 after a list no known lead opens), or over two
    where the page is cut inside it, gives way to a run of this year's targets elsewhere on the
    page that holds three."""
    lead = layout.headline
    assert lead is not None and layout.headline_paragraph is not None
    held = target_clauses(parse, lead.start, lead.end)
    # (or two, where the page ends inside the paragraph: a copy cut short, 江门's
    # …主要预期目标是:生产总值增长15%,人均生产总值增长14%, at the page's end)
    if held <= 1 or (held == 2 and not parse[lead.end : layout.body.end].strip(" ,;\n")):
        found, paragraph = layout.headline, layout.headline_paragraph
        if not _find_densest(parse, layout, least=3) and not _find_densest(
            parse, layout, least=3, unmarked=True
        ):
            layout.headline, layout.headline_paragraph = found, paragraph


def _span(span: Span | None) -> tuple[int, int]:
    assert span is not None
    return span.start, span.end


def _find_last_resort(parse: str, layout: Layout) -> None:
    """The densest run of this year's figures; failing that, or where it holds less than half
    as many as a run of qualified figures with no year named (a work item's 粮食播种面积稳定在
    7万亩以上… against the page's list that dropped its lead and 今年), the latter."""
    found = _find_densest(parse, layout)
    run, paragraph = layout.headline, layout.headline_paragraph
    if not _find_densest(parse, layout, unmarked=True):
        return
    if run is not None and layout.headline is not None:
        kept = target_clauses(parse, run.start, run.end)
        if found and 2 * kept > target_clauses(parse, layout.headline.start, layout.headline.end):
            layout.headline, layout.headline_paragraph = run, paragraph
            layout.headline_unmarked = False


def _find_densest(parse: str, layout: Layout, least: int = 1, unmarked: bool = False) -> bool:
    """Failing every lead: the run of clauses with the most of this year's target figures
    (`density.best_run`), outside the review, the five-year plan and the appendices; failing
    that, in a part whose heading names the five-year plan (三、…全力推动“十五五”开好局 is this
    year's work: the year each clause speaks of still keeps five-year goals out)."""
    run = None
    for left_out in (("review", "fiveyear", "appendix"), ("review", "appendix")):
        skip = [(p.start, p.end) for p in layout.parts if p.kind in left_out]
        run = best_run(parse, layout.body.start, layout.body.end, layout.year, skip, unmarked)
        if run is not None and run.count >= least:
            break
    if run is None or run.count < least:
        return False
    line_start = parse.rfind("\n", layout.body.start, run.start) + 1
    layout.headline = Span(run.start, run.end)
    layout.headline_paragraph = Span(line_start, run.end + 1)
    layout.headline_unmarked = unmarked
    return True


def _find_lead(
    parse: str,
    layout: Layout,
    skip: tuple[str, ...],
    last: bool = False,
    leads: tuple[re.Pattern[str], ...] = HEADLINE_LEADS,
) -> bool:
    body = layout.body
    weak = WEAK_LEADS if leads is HEADLINE_LEADS else 0  # CONFERENCE_LEADS: all weak
    for index, lead in enumerate(leads):
        matches = _lead_matches(parse, layout, skip, lead, strong=index < weak)
        ordered = list(reversed(matches) if last else matches)
        if len(ordered) > 1:
            # A news page states the first target in its summary ("报告提出，主要预期目标：
            # 地区生产总值增长11%左右。") and all of them below: a lead of one clause gives way
            # to a later one of several.
            ends = [paragraph_end(parse, m.end(), body.end, layout.year) for m in ordered]
            several = [
                m
                for m, e in zip(ordered, ends, strict=True)
                if re.search(r"[,;]", parse[m.end() : e]) and not five_year_lead(parse, m.start())
            ]
            if several and several[0] is not ordered[0]:
                ordered = several
        if ordered:
            _take_lead(parse, layout, ordered[0])
            return True
    return False


def _lead_matches(
    parse: str, layout: Layout, skip: tuple[str, ...], lead: re.Pattern[str], strong: bool
) -> list[re.Match[str]]:
    """The lead's matches outside the parts skipped, of the plan year, not of the past; a weak
    lead's only where a figure (not a five-year goal) follows it."""
    return [
        m
        for m in lead.finditer(parse, layout.body.start, layout.body.end)
        if layout.kind_at(m.start()) not in skip
        and all(m.groupdict().get(g) in (None, str(layout.year)) for g in ("year", "later"))
        and not (m.groupdict().get("generic") and spoken_of_past(parse, m.start()))
        and not another_years_lead(parse, m.start(), m.end(), layout.year)
        and (
            strong
            or (
                FIGURE_FOLLOWS.match(parse, m.end())
                and not FIVE_YEAR_GOAL.match(parse, m.end())
                and not five_year_lead(parse, m.start())
            )
        )
    ]


def _lead_end(parse: str, layout: Layout, match: re.Match[str]) -> int:
    """Where the paragraph the lead opens ends: its paragraph's end, or a goal of another year."""
    stop = _next_part(parse, layout, match.end())
    end = paragraph_end(parse, match.end(), stop, layout.year)
    for other in _OTHER_YEAR_CLAUSE.finditer(parse, match.end(), end):
        if int(other.group(1)) != layout.year:
            # …增长目标为10%，到2016年…突破2500亿元，年均增长10%: a goal of another year
            return other.start()
    return end


def _take_lead(parse: str, layout: Layout, match: re.Match[str]) -> None:
    """The headline: the paragraph the lead opens."""
    body = layout.body
    end = _lead_end(parse, layout, match)
    line_start = parse.rfind("\n", body.start, match.start()) + 1
    # 广东 breaks the lead over lines ("今年经济社会发展的\n主要预期目标\n是："): the
    # paragraph starts at the line before when that line does not end a sentence.
    if line_start > body.start:
        previous = parse.rfind("\n", body.start, line_start - 1) + 1
        before = parse[previous : line_start - 1].strip()
        if before and before[-1] not in "。:；;！!":
            line_start = previous
    layout.headline = Span(match.end(), end)
    layout.headline_paragraph = Span(line_start, end + 1)
    skipped = [
        (p.start, p.end) for p in layout.parts if p.kind in ("review", "fiveyear", "appendix")
    ]
    found = summaries(parse, body.start, match.start(), layout.year, skipped)
    layout.summaries = [Span(start, end) for start, end in found]


def _prefer_fuller(parse: str, layout: Layout, skip: tuple[str, ...]) -> None:
    """A page's lede restating some of the list's targets (…主要预期目标，努力实现地区生产总值
    增长7%以上，固定资产投资增长8%以上…) gives way to a later lead's paragraph, whatever its
    lead's strength, that restates every one of them and states more (今年，某区预期奋斗目标是：
    …, six targets): the list is the headline, the lede its summary."""
    chosen, paragraph = _span(layout.headline), _span(layout.headline_paragraph)
    held = target_clauses(parse, *chosen)
    for index, lead in enumerate(HEADLINE_LEADS):
        for match in _lead_matches(parse, layout, skip, lead, strong=index < WEAK_LEADS):
            if match.start() < paragraph[1]:
                continue
            end = _lead_end(parse, layout, match)
            if target_clauses(parse, match.end(), end) > held and restates(
                parse, chosen, (match.end(), end)
            ):
                _take_lead(parse, layout, match)
                return


_OTHER_YEAR_CLAUSE = re.compile(r"[,;。](?:到|至)(20\d\d)年")


def _next_part(parse: str, layout: Layout, pos: int) -> int:
    """Where the part after `pos` begins, under a heading without a figure (三、2024年重点工作
    ends the targets listed under 二、2024年主要目标任务); the body's end if none does. A
    heading with a figure (一、地区生产总值增长6%左右) may be a list's item, and one without
    a number (●…完成国家下达的目标任务) a target."""
    for part in layout.parts:
        if (
            part.start > pos
            and part.title
            and not re.search(r"\d(?!\d*\s*年)", part.title)
            and NUMBERED.match(parse[part.start : part.end].split("\n", 1)[0])
        ):
            return part.start
    return layout.body.end


# A news copy may give the targets without a lead ("报告指出，今年要优先稳就业保民生，…；城镇
# 新增就业900万人以上，城镇调查失业率6%左右；…"): failing every lead, a paragraph that speaks
# of this year and then states three clauses of target figures, none of them a past one.
_THIS_YEAR = re.compile(r"今年(?!以来|上半年|前三季度|一季度|前)|新的一年|明年")
_NEXT_YEAR_ONLY = re.compile(r"明年")
_CLAUSE_FIGURE = re.compile(
    r"(?:增长|下降|降低|控制在|达到|保持在)?\s*\d+(?:\.\d+)?\s*(?:%|万人|万亿斤|亿斤|万吨)"
    r"\s*(?:左右|以上|以内)"
)
_PAST_WORDS = r"去年|上年|同比|比20\d\d年|完成了|实现了|年均|累计"
_PAST_NOT_ESTIMATE = re.compile(_PAST_WORDS)
_PAST = re.compile(rf"{_PAST_WORDS}|预计")  # 预计 too: an estimate of last year's result
_GDP = re.compile(r"生产总值|GDP|经济增长")
_GDP_GROWTH = re.compile(r"(?:生产总值|GDP|经济)(?:预期|力争|要|计划)?(?:增长|增速)")
_REPORT_SAYS = re.compile(r"报告(?:指出|明确|强调|称|提出|显示|要求|表示)")


def _find_leadless(parse: str, layout: Layout) -> bool:
    body = layout.body
    # On a page of next year's targets, 今年 is the year of the results.
    this_year_words = (
        _NEXT_YEAR_ONLY if speaks_of_next_year(parse, body.start, body.end) else _THIS_YEAR
    )
    candidates: list[tuple[int, int, int, int]] = []
    for line in split_lines(parse, body.start, body.end):
        if layout.kind_at(line.start) in ("review", "fiveyear", "appendix"):
            continue
        # each 今年 or plan year of the line, in order (…提出，2012年，…增长12%以上。 李某表示，
        # 今年…); not only the first (做好今年工作任务艰巨。今年，生产总值增长9.5%左右，…)
        found = sorted(
            [*this_year_words.finditer(line.text), *re.finditer(f"{layout.year}年", line.text)],
            key=lambda m: m.start(),
        )
        for this_year in found:
            candidate = _leadless_at(parse, layout, line, this_year)
            if candidate is not None:
                candidates.append(candidate)
                break
        if candidates and candidates[-1][2] >= 3:
            break
    if not candidates:
        return False
    # A title or summary of one figure (2024年四川地区生产总值预期增长6%左右) gives way to a
    # later paragraph of several, as a lead of one clause does.
    several = [c for c in candidates if c[2] >= 3]
    # (a plain figure of the economy's growth alone only where nothing else is found: a
    # title's 2019年…生产总值计划增长6% gives way to the paragraph that lists the year's)
    qualified = [c for c in candidates if c[2] > 0]
    chosen = several[0] if several else qualified[0] if qualified else candidates[0]
    start, end, _figures, paragraph_start = chosen
    layout.headline = Span(start, end)
    layout.headline_paragraph = Span(paragraph_start, end + 1)
    return True


def _leadless_at(
    parse: str, layout: Layout, line: Line, this_year: re.Match[str]
) -> tuple[int, int, int, int] | None:
    """The targets' paragraph starting at `this_year` (a 今年 or the plan year) of `line`, as
    (start, end, figures, paragraph start); None when none starts there."""
    start = line.start + this_year.start()
    end = paragraph_end(parse, start, line.end, layout.year)
    # A news copy whose paragraphs ran together: the next 报告指出/报告明确… is another.
    said = _REPORT_SAYS.search(parse, start + 1, end)
    end = said.start() if said else end
    clauses = re.split(r"[,;。]", parse[start:end])
    figures = [c for c in clauses if _CLAUSE_FIGURE.search(c)]
    # Three figures of this year's, or one when it is the economy's growth (报告提出，今年
    # 全市生产总值增长8%左右: a page of one target).
    past = _PAST
    enough = len(figures) >= 3 or (len(figures) >= 1 and _GDP_GROWTH.search(figures[0]))
    if this_year.group(0) in (f"{layout.year}年", "今年"):
        # A news rewrite naming the plan year ("报告称，2024年，地区生产总值预计增长5%以
        # 上，…"; 今年全省生产总值预计增长7%，力争更好，…): its 预计 is the target's
        # wording, and two figures, the GDP's first, do.
        shares = [c for c in clauses if re.search(r"\d\s*%", c)]
        if len(shares) >= 2 and _GDP.search(shares[0]):
            past, figures, enough = _PAST_NOT_ESTIMATE, shares, True
    if enough and not any(past.search(c) for c in figures):
        return _leadless_end(parse, layout, line, start, end, said, len(figures))
    named = next((i for i, c in enumerate(clauses[:3]) if _GDP_GROWTH.search(c)), None)
    if named is not None:
        # The economy's growth alone, its figure plain, in the clause naming it or the next,
        # among the first three (今年国民生产总值计划增长百分之八; 今年经济增长速度的宏观调控
        # 目标，定为百分之八至九; 今年要保持…发展，经济增长速度的调控目标定为8%): a candidate
        # of no qualified figure, taken only where no other is found, and only to the end of
        # that figure's clause (not a five-year goal after it)
        plain = [c for c in clauses[named : named + 2] if re.search(r"\d\s*%", c)]
        if plain and not any(_PAST.search(c) for c in clauses[: named + 1] + plain[:1]):
            return start, parse.find(plain[0], start) + len(plain[0]), 0, line.start
    return None


def _leadless_end(
    parse: str,
    layout: Layout,
    line: Line,
    start: int,
    end: int,
    said: re.Match[str] | None,
    figures: int,
) -> tuple[int, int, int, int]:
    """The candidate from `start`: (start, end, figures, paragraph start), its end where the
    next lines go on (《计划》还提出，今年…涨幅控制在3%左右；…) as a lead's paragraph does."""
    body = layout.body
    while (
        said is None
        and parse[end : line.end].strip(" 。\n") == ""
        and line.end < body.end
        and more_targets(parse, line.end + 1, body.end, layout.year)
    ):
        line_end = parse.find("\n", line.end + 1, body.end)
        line_end = body.end if line_end < 0 else line_end
        end = paragraph_end(parse, line.end + 1, line_end, layout.year)
        line = Line(line.end + 1, line_end, parse[line.end + 1 : line_end])
    return start, end, figures, line.start


def _work_sections(
    parse: str, part: Part, offset: int, headline: Span | None = None
) -> list[WorkSection]:
    """The part's work sections, at its (一), (二)…; items of a headline list numbered (一)
    are not sections."""
    sections: list[WorkSection] = []
    lines = split_lines(parse, part.start, part.end)
    marks: list[tuple[int, str]] = []
    for line in lines:
        if headline is not None and headline.start <= line.start < headline.end:
            continue
        match = SUBSECTION.match(line.text)
        if match:
            rest = line.text[match.end() :]
            title = re.split(r"[。]", rest, maxsplit=1)[0].strip()
            marks.append((line.start, title[:60]))
    if not marks:
        return [WorkSection(offset + 1, part.title, part.start, part.end)]
    if marks[0][0] > part.start:
        # The part's lead (before its first （一）) holds work too: a section of its own.
        sections.append(WorkSection(offset, part.title, part.start, marks[0][0]))
    for index, (start, title) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else part.end
        sections.append(WorkSection(offset + index + 1, title, start, end))
    return sections
