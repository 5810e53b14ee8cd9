"""Work targets a clause states in words, not figures (docs/extract.md, "What it finds"):
完成国家下达粮食播种面积和产量目标任务 (a pending target per indicator, as the headline reader
drafts one), 实现…涉农乡镇服务全覆盖 (a coverage of 100 %), 保持千亿级投资规模 (at least
1000 亿元 a year) and 确保长江干流江苏段水质保持Ⅱ类 (a class, tracked as the headline tracks
one)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from plancli.extract.draft import DraftTarget
from plancli.extract.forms import CLASS_NUMBERS
from plancli.extract.pending import PENDING, pending_subjects
from plancli.extract.sections import WorkSection
from plancli.extract.vocabulary import INDICATORS
from plancli.extract.work_forms import LEAD, UNIT, VERB, Clause
from plancli.extract.work_names import PLACES_RATE
from plancli.i18n import N_, _


class Drafting(Protocol):
    parse: str
    headline: list[DraftTarget]
    targets: list[DraftTarget]
    _seen_names: set[str]

    def _new(
        self, section: WorkSection, name: str, kind: str, unit: str, where: Clause
    ) -> DraftTarget: ...


def worded(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    """Draft the target `clause` states in words, if it states one; whether it did."""
    text = clause.text
    if re.search(r"\d", text):
        return False  # (实现882个义务教育学区…全覆盖: what the figures count is the target)
    return (
        _allotted(reader, section, clause)
        or _full_coverage(reader, section, clause)
        or _grade(reader, section, clause)
        or _water_class(reader, section, clause)
    )


# 完成国家下达粮食播种面积和产量目标任务, 确保完成省下达的…任务: the task opens the clause (a
# pending form the headline reads in other words is a clause of its paragraph, not of the work)
_ALLOTTED = re.compile(
    r"^(?:确保|力争|全面|超额)*完成(?:国家|省)(?:[、和]省)?下达的?[^,;。]{2,30}?"
    r"(?:目标任务|目标|任务|指标)$"
    # 确保地表水水质优良率完成国家下达任务: the indicator first
    r"|^(?:确保|力争)?[^,;。]{2,30}?完成(?:国家|省)(?:[、和]省)?下达的?(?:目标任务|目标|任务|指标)$"
)
_FALL = re.compile(r"(?:下降|降低|减少|削减)$")
_PENDING_NOTE = N_(
    "国家下达/国家要求: the bound is the national allocation, not in the report; "
    "pending until amended"
)


def _allotted(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    match = PENDING.search(clause.text)
    if match is None or not _ALLOTTED.match(clause.text):
        return False
    _subjects, found = pending_subjects(clause.text, match)
    for words, indicator_id in found:
        name = LEAD.sub("", words)  # (确保地表水水质优良率完成国家下达任务)
        indicator = next((i for i in INDICATORS if i.id == indicator_id), None)
        if indicator is not None and indicator.pending_decline:
            # 单位地区生产总值二氧化碳排放下降完成国家下达目标: the fall is decline = true, its
            # name the indicator's, as the headline's and every bundled plan's (verify C)
            name = _FALL.sub("", name) if len(_FALL.sub("", name)) >= 2 else name
        drafted = indicator_id is not None and any(
            re.fullmatch(rf"{indicator_id}(?:_\d+)?", t.id) for t in reader.headline
        )
        if drafted or f"pending|{name}" in reader._seen_names:
            continue  # the headline's pending target, said again in the work
        reader._seen_names.add(f"pending|{name}")
        if indicator is None:
            target = reader._new(section, name, "level", "%", clause)
        else:
            target = reader._new(
                section, name, indicator.pending_kind, indicator.pending_unit, clause
            )
            target.direction = indicator.pending_direction
            target.decline = indicator.pending_decline and target.kind == "growth"
            if not any(t.id == indicator.id for t in (*reader.headline, *reader.targets)):
                target.id, target.name_en, target.shared = indicator.id, indicator.name_en, True
        target.pending, target.frequency = True, "annual"
        target.notes.append(_(_PENDING_NOTE))
    return bool(found)


# 实现农业特色优势产业科技特派员涉农乡镇服务全覆盖, 公平竞争审查制度实现市区全覆盖: all of it,
# reached this year (not 基本实现…, nor effort towards it: 推动…全覆盖, 促进…全覆盖)
_FULL_COVERAGE = re.compile(r"(?<![“\"个健])全覆盖$")
_TOWARDS = re.compile(r"基本|推动|推进|促进|加快|逐步|力争|争取|探索")


def _full_coverage(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    text = clause.text
    ending = _FULL_COVERAGE.search(text)
    if ending is None or _TOWARDS.search(text):
        return False
    words = LEAD.sub("", text[: ending.start()])
    said = re.match(r"(?:实现|做到)", words) or re.search(r"(?:实现|做到)", words)
    if said is None:
        return False
    name = words[: said.start()] + words[said.end() :]
    if not 2 <= len(name) <= 30 or VERB.match(name):
        return False
    if PLACES_RATE.fullmatch(f"{name}覆盖率"):
        # 举办名中医惠老医养健体服务活动1000场，实现市县全覆盖: what the clause before counts
        before = reader.parse[max(0, clause.start - 40) : clause.start].rstrip(" ,，")
        counted = _COUNTED.search(before)
        name = counted.group("thing") + name if counted else name
    target = reader._new(section, f"{name}覆盖率", "level", "%", clause)
    target.min = Decimal(100)
    target.notes.append(_(_FULL_NOTE))
    return True


# a set the report counts before its coverage (全省320家…中小学食堂、40家学生集体用餐配送单位
# 实现…全覆盖): each item so many things of a kind, the size of what is covered
_COVERED_SET = re.compile(
    r"^(?:全省|全市|全区|全县|全州)?(?P<count>\d+(?:\.\d+)?)(?P<unit>家|个|所|座|处|条|户|项|支|名)"
    # (20个以上县: a floor, no set; 16个区: a set of places, one character)
    r"(?P<thing>(?!以上|以下|左右|以内)(?:[^\d,;。、]{2,20}|[区县市镇乡村]))$"
)
# a set of places covered, named after what covers them (养老服务驿站区覆盖率)
_PLACES = re.compile(
    r"[区县市镇乡村]|乡镇|街道|县区|区县|县[（(]市[、,]?区?[）)]|行政村|社区|村[（(]社区[）)]"
)
_SET_NOTE = N_(
    "全覆盖 of a set the report counts ({count}): read as a coverage of 100 %, the count its size"
)


def counted_coverage(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    """Draft the coverage a clause states of sets it counts before 实现/做到…全覆盖 (广东's
    全省320家承包或委托经营的中小学食堂、40家学生集体用餐配送单位实现全流程检查评价及供餐质量
    安全监测全覆盖): a coverage of 100 % of each set, named by its things and what covers them,
    not a count of 320 and of 40 things delivered (the sets exist; reaching all of them is the
    year's work); whether it did."""
    text = clause.text
    ending = _FULL_COVERAGE.search(text)
    said = (
        re.search(r"(?:实现|做到)(?!.*(?:实现|做到))", text[: ending.start()]) if ending else None
    )
    if ending is None or said is None or _TOWARDS.search(text):
        return False
    what = text[said.end() : ending.start()]  # (全流程检查评价及供餐质量安全监测; "" for all)
    lead = LEAD.match(text)
    offset = lead.end() if lead else 0
    items = re.split(r"、|，", text[offset : said.start()])
    found = [_COVERED_SET.match(item) for item in items]
    if not items or any(f is None for f in found) or len(what) > 24 or VERB.match(what):
        return False
    at = clause.start + offset
    for item, match in zip(items, found, strict=True):
        assert match is not None
        thing = match.group("thing").removeprefix("的")
        # (全市16个区实现养老服务驿站全覆盖: the stations' coverage of the districts)
        places = _PLACES.fullmatch(thing) and what
        name = f"{what}{thing}覆盖率" if places else f"{thing}{what}覆盖率"
        quote = Clause(at, clause.end, reader.parse[at : clause.end])
        target = reader._new(
            section, name, "level", "%", clause if at == clause.start + offset else quote
        )
        target.min = Decimal(100)
        target.notes.append(
            _(_SET_NOTE).format(count=f"{match.group('count')} {match.group('unit')}")
        )
        at += len(item) + 1
    return True


# a count whose things a clause names after its verb, its figure last (举办…活动1000场)
_COUNTED = re.compile(
    rf"(?:^|[,，;；。:：\n])(?:{LEAD.pattern[1:]})?(?:{VERB.pattern})+"
    rf"(?P<thing>[\u4e00-\u9fff“”]{{2,16}}?)\d+(?:\.\d+)?(?:{UNIT})$"
)
_FULL_NOTE = N_("全覆盖: read as a coverage of 100 %")
# 保持千亿级投资规模, …收入达万亿级规模: a size of money of that grade, at least so much
_GRADE = re.compile(
    r"^(?P<subject>[^,;。]{0,16}?)(?:保持|达到|达|实现|突破)"
    r"(?P<grade>[十百千]|[一两二三四五]?万)亿级(?P<what>投资规模|投资|规模)$"
)
_GRADES = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_TIMES = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
# the thing a programme the clause before enacts (实施北京城市副中心条例): the work's place
_ENACTED = re.compile(r"(?:实施|落实|贯彻)([\u4e00-\u9fff]{2,10}?)(?:条例|规划|方案|建设)$")


def _grade(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    found = _GRADE.match(LEAD.sub("", clause.text))
    if found is None:
        return False
    grade = found.group("grade")
    value = _GRADES[grade[-1]] * _TIMES.get(grade[:-1], 1)
    subject = found.group("subject")
    where = clause
    if not subject:
        base = max(0, clause.start - 40)
        before = reader.parse[base : clause.start].rstrip(" ,，")
        words = re.search(r"[^,，;；。:：\n]*$", before)
        enacted = _ENACTED.fullmatch(LEAD.sub("", words.group().strip())) if words else None
        if enacted and words is not None:
            subject = enacted.group(1)
            opening = base + words.start() + len(words.group()) - len(words.group().lstrip())
            where = Clause(opening, clause.end, reader.parse[opening : clause.end])
    what = found.group("what")
    name = subject + (what if what.startswith("投资") or not subject else "")
    target = reader._new(section, name, "cumulative", "亿元", where)
    target.min = Decimal(value)
    target.review.append(_(_GRADE_REVIEW).format(grade=f"{grade}亿级", value=value))
    return True


_GRADE_REVIEW = N_(
    "{grade} read as at least {value} 亿元 in the year: check the bound and whose amount it is"
)


# 确保长江干流江苏段水质保持Ⅱ类 (江苏), 保持黄河干流Ⅱ类水质 (陕西): a water-quality class held or
# reached this year (before: no target, the clause has no digit). Held or reached, that class or
# better: a level in 类, at most the class, as the headline reader drafts 确保某湖水质稳定保持Ⅲ类
# (session 43); 优于Ⅲ类 and a class with 以上 (a share of sections at it) stay indicators.
_CLASS = r"(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)类"
_WATER_CLASS = re.compile(
    rf"^(?P<named>[^,;。]{{2,20}}?水质)(?:稳定)?(?P<verb>保持在?|达到|优于|稳定在)(?P<one>{_CLASS})"
    r"(?P<share>及以上|以上)?(?:标准)?$"
    rf"|^(?:保持|达到)(?P<place>[^,;。]{{2,16}}?)(?P<other>{_CLASS})水质$"
)


def _water_class(reader: Drafting, section: WorkSection, clause: Clause) -> bool:
    found = _WATER_CLASS.match(LEAD.sub("", clause.text))
    if found is None:
        return False
    name = found.group("named") or f"{found.group('place')}水质"
    if f"class|{name}" in reader._seen_names:
        return True
    reader._seen_names.add(f"class|{name}")
    held = found.group("other") or (found.group("verb") != "优于" and not found.group("share"))
    if held:
        target = reader._new(section, name, "level", "类", clause)
        target.frequency = "annual"
        target.max = Decimal(CLASS_NUMBERS[(found.group("one") or found.group("other"))[:-1]])
        target.notes.append(
            _("{clause}: this class or better (a lower class is better water)").format(
                clause=clause.text
            )
        )
        return True
    target = reader._new(section, name, "indicator", "类", clause)  # (Ⅱ类 recorded as 2 类)
    target.frequency = "annual"
    target.notes.append(
        _("forced: {clause} states no figure or direction; tracked without a bound").format(
            clause=found.group("one") or found.group("other")
        )
    )
    target.review.append(_("no figure: tracked as an indicator"))
    return True
