"""The headline targets: one per clause of the 主要预期目标 paragraph, in the forms of the genre
(docs/forms.md): 左右, ranges and 争取更好, 下降, 百分点, 同步/高于/不低于, 国家下达 → pending,
保持稳定/进一步下降, and the forced readings (提质增效 → a tracked indicator)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.builder import STRETCH_NOTE, bound
from plancli.extract.clauses import (
    TASK_ALONE,
    Piece,
    bare_subject,
    listed_subjects,
    named_only,
    never,
    segments,
    subject_of,
    subpieces,
)
from plancli.extract.draft import DraftTarget
from plancli.extract.forms import (
    ABOVE_GDP,
    ABOVE_SERIES,
    AMOUNT_AFTER,
    CHANGE,
    CUT,
    CUT_TASK,
    DECLINE,
    DOUBLED,
    FLAT,
    GROWTH,
    GROWTH_AFTER,
    HIGHER_AIM,
    INCOME_IN_STEP,
    INCREMENT,
    INDICATOR,
    KEEP_LAST_YEAR,
    LEVEL,
    MARGIN,
    MONEY_UNITS,
    MULTI,
    MULTI_LEVEL,
    NATIONAL,
    NO_INDICATOR,
    NONE_POOR,
    NOT_THE_YEARS_CHANGE,
    OWN_GROWTH,
    POSITIVE,
    RANGE,
    RESPECTIVE_LEVEL,
    SAME,
    SAME_SERIES,
    TREND,
    aspiration_only,
)
from plancli.extract.lists import EACH, ListReader, bare_list, each_subject
from plancli.extract.pending import PENDING
from plancli.extract.ranges import indicator_form, range_target
from plancli.extract.vocabulary import lookup
from plancli.i18n import _

_CELLS = str.maketrans("|｜", "  ")


class HeadlineReader(ListReader):
    """Reads the clauses of one 主要预期目标 paragraph into draft targets."""

    def __init__(self, parse: str) -> None:
        # A table row's cell separators (| 地区生产总值增长 | 6%左右 |) stand between a clause's
        # words: read as spaces (the same length, so every offset holds).
        super().__init__(parse.translate(_CELLS))

    # ------------------------------------------------------------------ entry point
    def read(self, start: int, end: int) -> list[DraftTarget]:
        amount: str | None = None  # the subject of an amount just read (投资1200亿元)
        listed: list[Piece] = []  # indicators named one a clause before a task of them all
        last_made: list[DraftTarget] = []  # the targets of the segment before
        heading: re.Match[str] | None = None  # 在A、B、C方面, before 分别…
        # indicators named a clause each before a predicate that says it is each one's
        # (交通投资，生态环保投资，民间项目投资均增长12%以上)
        bare: list[Piece] = []
        aim: Piece | None = None  # 经济增长速度的宏观调控目标, before its figure's clause
        for segment in segments(self.parse, start, end):
            if aim is not None and _NAMED_AFTER.match(segment.text):
                # …宏观调控目标，定为百分之八至九: the name and its figure are one clause
                segment = Piece(aim.start, segment.end, self.parse[aim.start : segment.end])
            aim = segment if _AIM_NAMED.search(segment.text) else None
            if heading is not None and segment.text.startswith("分别"):
                # 在固定资产投资、社会消费品零售总额方面，分别保持增长20%和13%: the heading's
                # indicators are the subjects, the quote is both clauses
                segment = Piece(heading.start(), segment.end, heading.group(1) + segment.text)
            heading = _IN_RESPECT.fullmatch(segment.text)
            if heading is not None:
                heading = _IN_RESPECT.match(self.parse, segment.start, segment.end)
                continue
            before = len(self.targets)
            if listed and TASK_ALONE.match(segment.text):
                # 包括A比例，B比例，C、D减排幅度，完成国家下达任务: the task is each one's.
                for named in listed:
                    words = re.sub(r"^包括", "", named.text)
                    text = words + segment.text
                    span = Piece(named.start, segment.end, text)
                    self._pending(span, PENDING.search(text, len(words)) or never(text))
                listed, amount = [], None
                continue
            if self._per_capita(segment, last_made):
                last_made, listed, amount = [], [], None
                continue
            if self._relation_of_last(segment, last_made) or self._outside_again(
                segment, last_made, NATIONAL.match(segment.text)
            ):
                last_made, listed, amount = [], [], None
                continue
            if self._increment(segment, last_made):
                last_made, listed, amount = [], [], None
                continue
            # 全社会固定资产投资1200亿元，增长20%: the growth is the amount's; 财政收入增长10%，
            # 达到8亿元: the amount is the growth's.
            growth = OWN_GROWTH.match(segment.text)
            grown = [t for t in last_made if t.kind == "growth"]
            reached = AMOUNT_AFTER.match(segment.text)
            after = grown if reached and len(grown) == 1 else []
            if after and reached and reached.group("whole"):
                cut = len(reached.group("whole"))
                segment = Piece(segment.start + cut, segment.end, segment.text[cut:])
            self._segment(segment, amount if growth else after[0].name if after else None)
            made = self._amount_stretch(segment, after, self.targets[before:])
            if made and bare and EACH.search(segment.text):
                for subject in bare:
                    self.share(subject, segment, made[:1])
            bare = [*bare, segment] if not made and bare_list(segment.text) else []
            last_made = made
            listed = [*listed, segment] if not made and named_only(segment.text) else []
            # An amount, then its growth: in clauses of their own (…1200亿元，增长20%) or in one
            # (…突破3600亿元、增长10%以上).
            pair = None
            if growth and amount and len(made) == 1:
                pair = (self.targets[before - 1], made[0])
            elif len(made) == 2 and made[0].unit in MONEY_UNITS and made[1].kind == "growth":
                pair = (made[0], made[1])
            if after and len(made) == 1 and made[0].id == f"{after[0].id}_2":
                made[0].id = self._unique(f"{after[0].id}_amount")  # the amount's own id
            if pair is not None and pair[1].id == f"{pair[0].id}_2":
                # The indicator's shared id (gdp: a growth) goes to the growth, not the amount.
                whole, rate = pair
                whole.id, rate.id = self._unique(f"{whole.id}_amount"), whole.id
            amount = made[-1].name if len(made) == 1 and made[0].unit in MONEY_UNITS else None
        return self.amounts_apart()

    def _increment(self, segment: Piece, last: list[DraftTarget]) -> bool:
        """…产值200亿元，力争比上年增长50亿元: the amount's rise over last year's, a sum of its
        own to reach (净增50亿元)."""
        match = INCREMENT.match(segment.text)
        whole = [t for t in last if t.kind == "cumulative" and t.unit in MONEY_UNITS]
        if match is None or len(whole) != 1:
            return False
        target = self._new(f"{whole[0].name}增量", segment, "cumulative")
        target.unit = match.group(2)
        bound(target, Decimal(match.group(1)), None, up=True)
        target.notes.append(_("比上年增长N亿元: the rise over last year's amount"))
        return True

    def _per_capita(self, segment: Piece, last: list[DraftTarget]) -> bool:
        """地区生产总值达到13.9亿元，增长16%，人均达到4382元: the per-head amount of the amount
        the segment before stated (人均地区生产总值)."""
        whole = [t for t in last if t.kind == "cumulative" and t.unit in MONEY_UNITS]
        if not whole and last and last[-1].kind == "growth":
            # the amount's growth came between: the amount is the target before it
            before = self.targets[: -len(last)][-1:] if len(self.targets) > len(last) else []
            whole = [t for t in before if t.kind == "cumulative" and t.unit in MONEY_UNITS]
        level = LEVEL.match(segment.text, 2) if segment.text.startswith("人均") else None
        if not whole or level is None or level.group(3) not in ("元", "万元"):
            return False
        self._level(f"人均{whole[-1].name}", segment, level)
        return True

    def _relation_of_last(self, segment: Piece, last: list[DraftTarget]) -> bool:
        """…实际增长9%以上，力争与经济增长同步 (a segment of its own, no subject): the relation of
        each growth the segment before stated (two incomes sharing a figure: two relations)."""
        growths = [t for t in last if t.kind == "growth"]
        words = segment.text.rstrip().rstrip('”"’')
        match = _SUBJECTLESS_RELATION.match(words.strip())
        if not growths or match is None:
            return False
        segment = Piece(segment.start, segment.start + len(words), words)
        above = ABOVE_GDP.search(segment.text)
        word = above.group(1) if above else ""
        relation = {"高于": "above", "快于": "above", "不低于": "not_below"}.get(word, "same")
        for target in growths:
            self._relative(target.name, segment, relation, "gdp", segment.text)
        return True

    def _higher_aim(self, piece: Piece) -> bool:
        """增长7%以上，力争8% (or 、力争达到8%): 8 is the last target's higher aim, never a
        ceiling; False when the piece is no such aim."""
        higher = HIGHER_AIM.match(piece.text)
        last = self.targets[-1] if self.targets else None
        if (
            higher
            and last is not None
            and last.kind == "growth"
            and last.min is not None
            and last.max is None
            and last.stretch is None
            and Decimal(higher.group(1)) > last.min
        ):
            last.stretch = Decimal(higher.group(1))
            aim = piece.text.rstrip('…. ”"’')
            last.notes.append(_(STRETCH_NOTE).format(clause=aim, aim=last.stretch))
            last.end = piece.start + len(aim)
            return True
        return False

    def _segment(self, seg: Piece, inherited: str | None = None) -> None:
        if self._higher_aim(seg):
            return
        if aspiration_only(seg.text):
            self.aspiration(seg)
            return
        pending = PENDING.search(seg.text)
        if pending and not NO_INDICATOR.match(seg.text):
            self._pending(seg, pending)
            return
        cut = CUT_TASK.search(seg.text)
        if cut and not self.parse[seg.end :].strip():
            before = len(self.targets)
            self._pending(seg, cut)
            for target in self.targets[before:]:
                target.review.append(_("the copy ends inside the task: check who sets its bound"))
            return
        multi = MULTI.search(seg.text)
        if multi:
            self.multi(seg, multi)
            return
        multi = MULTI_LEVEL.search(seg.text)
        if multi and self.multi_level(seg, multi):
            return
        multi = RESPECTIVE_LEVEL.search(seg.text)
        if multi and self.multi_level(seg, multi, respective=True):
            return
        if self.listed(seg, self._piece):
            return
        previous_subject: str | None = inherited
        held: list[Piece] = []  # 单位生产总值能耗、主要污染物排放量进一步下降: subjects the
        # predicate of a later piece governs too
        for piece in subpieces(seg):
            if held == [] and previous_subject is not None and self._higher_aim(piece):
                continue  # 增速超过7%、力争达到8%: one target
            if aspiration_only(piece.text):
                self.aspiration(piece)
                held = []
                continue
            before = len(self.targets)
            subject = self._piece(piece, previous_subject, seg)
            if subject:
                previous_subject = subject
                made = self.targets[before:]
                for subject_piece in held:
                    self.share(subject_piece, piece, made)
                held = []
            elif bare_subject(piece.text) or (
                # 文化产业、旅游产业、…增加值增速均高于GDP增速: each one's, 均 says so
                EACH.search(seg.text[piece.end - seg.start :])
                and len(piece.text) <= 16
                and not re.search(r"\d|增长|下降|提高|达到|控制", piece.text)
            ):
                held.append(piece)
            else:
                held = []

    # ------------------------------------------------------------------ forms
    def _piece(self, piece: Piece, inherited: str | None, seg: Piece) -> str | None:
        """Read one clause; returns its subject (for a following clause without one)."""
        text = piece.text
        if NO_INDICATOR.match(text):
            return None
        match = MARGIN.search(text)
        if match:
            # without a subject of its own: the growth the clause before stated
            last = self.targets[-1] if self.targets else None
            before = last.name if last is not None and last.kind == "growth" else None
            subject = subject_of(text[: match.start()]) or inherited or before
            if not subject:
                return None
            way = match.group("way") or match.group("way_to")
            self._national(subject, piece, "below" if way == "低" else "above", match)
            self.targets[-1 if self.targets[-1].kind == "relative" else -2].notes.append(
                _("{clause}: a margin of {points} points, kept in the quote only").format(
                    clause=match.group(0), points=match.group("points")
                )
            )
            return subject
        for pattern in (SAME, ABOVE_GDP, INCOME_IN_STEP):
            match = pattern.search(text)
            if match:
                subject = subject_of(text[: match.start()]) or inherited
                if not subject:
                    return None
                relation = "above" if pattern is ABOVE_GDP else "same"
                if pattern is ABOVE_GDP and match.group(1) == "不低于":
                    relation = "not_below"  # 不低于经济增速: at least the economy's growth
                self._relative(subject, piece, relation, "gdp", match.group(0))
                if pattern is INCOME_IN_STEP:
                    self.targets[-1].review.append(_("同步 names no series: read as the economy's"))
                return subject
        match = FLAT.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if not subject:
                return None
            if match.group(1) in ("上年", "去年"):
                target = self._new(subject, piece, "trend")
                target.unit, target.direction, target.frequency = "%", "band", "annual"
                target.notes.append(_("与上年持平: read as a steady trend"))
            else:
                self._national(subject, piece, "same", match)
            return subject
        match = NONE_POOR.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if not subject:
                return None
            target = self._new(subject, piece, "level")
            target.unit = "个" if subject.endswith(("县", "村")) else "人"
            target.max, target.direction = Decimal(0), "down"
            target.notes.append(
                _("{clause}: none left, a ceiling of 0").format(clause=match.group(0))
            )
            return subject
        match = DOUBLED.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if not subject:
                return None
            target = self._new(subject, piece, "growth")
            target.min = Decimal(300 if match.group(1) in ("两", "二") else 100)
            target.notes.append(
                _("{clause}: doubled, a growth of {rate}%").format(
                    clause=match.group(0), rate=target.min
                )
            )
            return subject
        match = KEEP_LAST_YEAR.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if not subject:
                return None
            target = self._new(subject, piece, "trend")
            target.unit, target.direction, target.frequency = "%", "band", "annual"
            target.notes.append(_("保持上年水平: read as a steady trend"))
            return subject
        match = NATIONAL.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                word, over = match.group(1), match.group(3)
                relation = {"高于": "above", "快于": "above", "低于": "below"}.get(
                    word or "", "not_below" if (word == "不低于" or over) else "same"
                )
                self._national(subject, piece, relation, match)
                return subject
            return None
        match = ABOVE_SERIES.search(text) or SAME_SERIES.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                self._above_series(subject, piece, match)
            return subject
        match = RANGE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                range_target(self, subject, piece, match.group(1), match.group(2))
                return subject
        match = POSITIVE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "growth")
                target.min, target.exclusive = Decimal(0), True
                target.notes.append(_("正增长: growth must be above 0; 0.0 is not met"))
                return subject
        match = CHANGE.search(text)
        if match and not NOT_THE_YEARS_CHANGE.search(text[: match.start()]):
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "change")
                target.unit = "%"
                fall = match.group(1) in ("下降", "降低", "减少", "削减")
                bound(target, match.group(2), match.group(3), up=True, fall=fall)
                if fall:
                    target.review.append(_("a fall in 百分点: check the bound's sign"))
                return subject
        match = DECLINE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                each, names = each_subject(text[: match.start()], subject)
                for name in names:
                    target = self._new(name, piece, "growth")
                    target.decline = True
                    bound(target, Decimal(match.group(1)), match.group(2), up=True)
                    target.notes.extend(each)
                return subject
        match = GROWTH_AFTER.search(text)
        if match:
            # …7100亿元以上，实现20%以上的增长 (the amount's series); GDP保持10%的增长速度 (its own)
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "growth")
                bound(target, Decimal(match.group(1)), match.group(2), up=True)
                return subject
        match = GROWTH.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject and self._price_rise(subject, piece, match):
                return subject
            if subject:
                each, names = each_subject(text[: match.start()], subject)
                for name in names:
                    target = self._new(name, piece, "growth")
                    bound(target, Decimal(match.group(1)), match.group(2), up=True)
                    if text.startswith("按") or "按增长" in text:
                        target.notes.append(_("按增长X%安排 is read as min X"))
                    if "同口径" in text:
                        target.notes.append(_("同口径: growth on a comparable basis"))
                    target.notes.extend(each)
                return subject
        match = LEVEL.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                for name in listed_subjects(subject):
                    self._level(name, piece, match)
                return subject
        if CUT.search(text) and not self.parse[piece.end :].strip():
            return self._cut(piece, inherited)
        for pattern, direction in TREND:
            match = pattern.search(text)
            if match:
                subject = subject_of(text[: match.start()]) or inherited
                if subject and _WORK_VERB.match(subject):
                    return None  # 完善促进消费持续增长: work in prose, no indicator
                if subject:
                    for name in listed_subjects(subject):
                        target = self._new(name, piece, "trend")
                        target.unit, target.direction = "%", direction
                        target.frequency = "annual"
                    return subject
        match = INDICATOR.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                indicator_form(self, subject, piece, match.group(0))
                return subject
        return None

    def _cut(self, piece: Piece, inherited: str | None) -> str | None:
        """The copy ends after a figure without its unit (…涨幅控制在3, …收入增长5): a growth's
        figure or a rate's, read in % (the only unit either is given in), for review; a level of
        anything else, nothing."""
        whole = Piece(piece.start, piece.end, piece.text + "%")
        for pattern in (GROWTH, LEVEL):
            match = pattern.search(whole.text)
            if match is None:
                continue
            subject = subject_of(whole.text[: match.start()]) or inherited
            indicator = lookup(subject) if subject else None
            rate = indicator is not None and indicator.unit == "%"
            if subject is None or not (pattern is GROWTH or rate):
                return None
            before = len(self.targets)
            if pattern is GROWTH:
                target = self._new(subject, piece, "growth")
                bound(target, Decimal(match.group(1)), match.group(2), up=True)
            else:
                self._level(subject, piece, match)
            for target in self.targets[before:]:
                target.review.append(_("the copy ends after the figure: unit read as %"))
            return subject
        return None


_WORK_VERB = re.compile(r"(?:完善|加强|推进|促进|扩大|推动|加快|强化|深化)")
_IN_RESPECT = re.compile(r"在([^,;。]{2,40}?)方面")
# A clause naming a growth's target without its figure, and the next clause giving it.
_AIM_NAMED = re.compile(r"(?:增长|增速)[^,;。\d]{0,10}?目标$|^[\u4e00-\u9fff]{2,10}(?:产值|产量)$")
_NAMED_AFTER = re.compile(r"^(?:确|设)?定为\s*\d|^比(?:上年|(?:19|20)\d\d年)(?:预计)?增长\s*\d")
_SUBJECTLESS_RELATION = re.compile(
    rf"^(?:力争|争取|努力)+(?:实现)?(?:{SAME.pattern}|{ABOVE_GDP.pattern})$"
)
