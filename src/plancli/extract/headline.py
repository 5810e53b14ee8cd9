"""The headline targets: one per clause of the 主要预期目标 paragraph, in the forms of the genre
(docs/forms.md): 左右, ranges and 争取更好, 下降, 百分点, 同步/高于/不低于, 国家下达 → pending,
保持稳定/进一步下降, and the forced readings (提质增效 → a tracked indicator)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.clauses import (
    TASK_ALONE,
    Piece,
    bare_subject,
    listed_subjects,
    named_only,
    never,
    segments,
    split_town_country,
    subject_of,
    subpieces,
)
from plancli.extract.draft import DraftTarget
from plancli.extract.forms import (
    ABOVE_GDP,
    ABOVE_SERIES,
    ASPIRATION,
    CHANGE,
    COUNT_UNITS,
    DECLINE,
    FLAT,
    GROWTH,
    HIGHER_AIM,
    INDICATOR,
    LEVEL,
    MONEY_UNITS,
    MULTI,
    MULTI_LEVEL,
    NATIONAL,
    NO_INDICATOR,
    OWN_GROWTH,
    POSITIVE,
    RANGE,
    SAME,
    TREND,
)
from plancli.extract.pending import AMOUNT, PENDING, pending_subjects
from plancli.extract.vocabulary import INDICATORS, Indicator, lookup, national

ASPIRATION_NOTE = "an aspiration with no figure; not encoded as a bound"


class HeadlineReader:
    """Reads the clauses of one 主要预期目标 paragraph into draft targets."""

    def __init__(self, parse: str) -> None:
        self.parse = parse
        self.targets: list[DraftTarget] = []
        self._count = 0

    # ------------------------------------------------------------------ entry point
    def read(self, start: int, end: int) -> list[DraftTarget]:
        amount: str | None = None  # the subject of an amount just read (投资1200亿元)
        listed: list[Piece] = []  # indicators named one a clause before a task of them all
        for segment in segments(self.parse, start, end):
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
            # 全社会固定资产投资1200亿元，增长20%: the growth is the amount's.
            growth = OWN_GROWTH.match(segment.text)
            self._segment(segment, amount if growth else None)
            made = self.targets[before:]
            listed = [*listed, segment] if not made and named_only(segment.text) else []
            # An amount, then its growth: in clauses of their own (…1200亿元，增长20%) or in one
            # (…突破3600亿元、增长10%以上).
            pair = None
            if growth and amount and len(made) == 1:
                pair = (self.targets[before - 1], made[0])
            elif len(made) == 2 and made[0].unit in MONEY_UNITS and made[1].kind == "growth":
                pair = (made[0], made[1])
            if pair is not None and pair[1].id == f"{pair[0].id}_2":
                # The indicator's shared id (gdp: a growth) goes to the growth, not the amount.
                whole, rate = pair
                whole.id, rate.id = self._unique(f"{whole.id}_amount"), whole.id
            amount = made[-1].name if len(made) == 1 and made[0].unit in MONEY_UNITS else None
        return self.targets

    def _segment(self, seg: Piece, inherited: str | None = None) -> None:
        higher = HIGHER_AIM.match(seg.text)
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
            # 增长7%以上，力争8%: 8 is a higher aim, never a ceiling.
            last.stretch = Decimal(higher.group(1))
            last.notes.append(f"{seg.text}: {last.stretch} is a higher aim, never a ceiling")
            last.end = seg.end
            return
        if ASPIRATION.search(seg.text) and not re.search(r"\d", seg.text):
            self._aspiration(seg)
            return
        pending = PENDING.search(seg.text)
        if pending:
            self._pending(seg, pending)
            return
        multi = MULTI.search(seg.text)
        if multi:
            self._multi(seg, multi)
            return
        multi = MULTI_LEVEL.search(seg.text)
        if multi and self._multi_level(seg, multi):
            return
        previous_subject: str | None = inherited
        held: list[Piece] = []  # 单位生产总值能耗、主要污染物排放量进一步下降: subjects the
        # predicate of a later piece governs too
        for piece in subpieces(seg):
            if ASPIRATION.search(piece.text) and not re.search(r"\d", piece.text):
                self._aspiration(piece)
                held = []
                continue
            before = len(self.targets)
            subject = self._piece(piece, previous_subject, seg)
            if subject:
                previous_subject = subject
                made = self.targets[before:]
                for subject_piece in held:
                    self._share(subject_piece, piece, made)
                held = []
            elif bare_subject(piece.text):
                held.append(piece)
            else:
                held = []

    # ------------------------------------------------------------------ forms
    def _piece(self, piece: Piece, inherited: str | None, seg: Piece) -> str | None:
        """Read one clause; returns its subject (for a following clause without one)."""
        text = piece.text
        if NO_INDICATOR.match(text):
            return None
        for pattern in (SAME, ABOVE_GDP):
            match = pattern.search(text)
            if match:
                subject = subject_of(text[: match.start()]) or inherited
                if not subject:
                    return None
                relation = "same" if pattern is SAME else "above"
                self._relative(subject, piece, relation, "gdp", match.group(0))
                return subject
        match = FLAT.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if not subject:
                return None
            if match.group(1) in ("上年", "去年"):
                target = self._new(subject, piece, "trend")
                target.unit, target.direction, target.frequency = "%", "band", "annual"
                target.notes.append("与上年持平: read as a steady trend")
            else:
                self._national(subject, piece, "same", match)
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
        match = ABOVE_SERIES.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                self._above_series(subject, piece, match)
            return subject
        match = RANGE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "growth")
                target.min, target.max = Decimal(match.group(1)), Decimal(match.group(2))
                target.review.append(
                    "a range: min and max; if the report adds 争取更好, the top is a stretch"
                )
                return subject
        match = POSITIVE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "growth")
                target.min, target.exclusive = Decimal(0), True
                target.notes.append("正增长: growth must be above 0; 0.0 is not met")
                return subject
        match = CHANGE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "change")
                target.unit = "%"
                _bound(target, Decimal(match.group(2)), match.group(3), up=True)
                if match.group(1) in ("下降", "降低", "减少"):
                    target.direction = "down"
                    target.review.append("a fall in 百分点: check the bound's sign")
                return subject
        match = DECLINE.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                target = self._new(subject, piece, "growth")
                target.decline = True
                _bound(target, Decimal(match.group(1)), match.group(2), up=True)
                return subject
        match = GROWTH.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                both = re.search(r"[均都]\s*$", text[: match.start()]) is not None
                names = [n for part in listed_subjects(subject) for n in split_town_country(part)]
                for name in names if both else [subject]:
                    target = self._new(name, piece, "growth")
                    _bound(target, Decimal(match.group(1)), match.group(2), up=True)
                    if text.startswith("按") or "按增长" in text:
                        target.notes.append("按增长X%安排 is read as min X")
                    if "同口径" in text:
                        target.notes.append("同口径: growth on a comparable basis")
                    if both:
                        target.notes.append("均: one figure for each subject listed")
                return subject
        match = LEVEL.search(text)
        if match:
            subject = subject_of(text[: match.start()]) or inherited
            if subject:
                for name in listed_subjects(subject):
                    self._level(name, piece, match)
                return subject
        for pattern, direction in TREND:
            match = pattern.search(text)
            if match:
                subject = subject_of(text[: match.start()]) or inherited
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
                target = self._new(subject, piece, "indicator")
                target.unit = "%"
                target.notes.append(
                    f"forced: {match.group(0)} states no figure or direction; "
                    "tracked without a bound"
                )
                target.review.append("no figure: tracked as an indicator")
                return subject
        return None

    def _share(self, subject_piece: Piece, piece: Piece, made: list[DraftTarget]) -> None:
        """Targets for a subject listed before the piece whose predicate it shares: the same
        form, the quote from the subject to the predicate."""
        span = Piece(subject_piece.start, piece.end, "")
        for model in made:
            if model.kind == "indicator" and model.id.startswith(
                ("national_", "province_", "city_")
            ):
                continue  # the outside series a relation refers to: one is enough
            target = self._new(subject_piece.text, span, model.kind)
            for key in (
                "unit",
                "frequency",
                "min",
                "max",
                "around",
                "stretch",
                "direction",
                "exclusive",
                "decline",
                "pending",
                "relation",
                "reference",
            ):
                setattr(target, key, getattr(model, key))
            target.notes.append(f"shares the predicate of “{piece.text}”")

    def _level(self, subject: str, piece: Piece, match: re.Match[str]) -> None:
        verb, value, unit, qualifier = match.groups()
        indicator = lookup(subject)
        if unit == "个百分点":
            target = self._new(subject, piece, "change")
            target.unit = "%"
            _bound(target, Decimal(value), qualifier, up=True)
            return
        kind = "level"
        jobs = indicator is not None and indicator.id == "new_urban_jobs"
        if unit in COUNT_UNITS or unit in MONEY_UNITS or jobs:
            kind = "cumulative"
        target = self._new(subject, piece, kind)
        target.unit = unit
        number = Decimal(value)
        if (
            indicator is not None
            and indicator.direction == "band"
            and qualifier in (None, "左右")
            and verb not in ("控制在", "不高于", "不超过")
        ):
            target.around, target.direction = number, "band"
            if qualifier is None:
                target.notes.append(
                    f"forced: the report gives {value}{unit} without 左右; read as a band around "
                    f"{value} with the default 左右 tolerance"
                )
                target.review.append("no 左右: read as a band")
            else:
                target.notes.append(
                    "CPI X%左右 is read as a band: the national CPI target is an aim to reach, "
                    "not a ceiling"
                )
            return
        if verb in ("不高于", "不超过", "控制在") and qualifier is None:
            qualifier = "以内"  # 控制在3%: at most 3
        _bound(target, number, qualifier, up=True)
        lower_is_better = indicator is not None and indicator.direction == "down"
        if (
            lower_is_better
            and qualifier is None
            and verb not in ("不低于", "不少于", "超过", "突破")
        ):
            # PM2.5浓度37微克/立方米, 城镇登记失业率4%: a bare figure of what should fall is a
            # ceiling, not a floor
            target.min, target.max = None, number
        if lower_is_better or (qualifier == "左右" and verb == "控制在"):
            target.direction = "down"

    def _relative(
        self, subject: str, piece: Piece, relation: str, reference: str, words: str
    ) -> None:
        for name in [n for part in listed_subjects(subject) for n in split_town_country(part)]:
            target = self._new(name, piece, "relative")
            target.relation, target.reference = relation, reference
            if "基本同步" in words:
                target.notes.append("基本同步 is read as relation same")

    def _above_series(self, subject: str, piece: Piece, match: re.Match[str]) -> None:
        """A growth above (below) another series: the reference is the series' target drafted
        before, its name completed by the subject's last words (城镇居民 → 城镇居民收入), or
        an outside series of its own (全部投资); never last year's or the expected growth."""
        words = match.group(2)
        if re.search(r"上年|去年|往年|预期|历史", words):
            return  # faster than last year or than expected: no series of the plan's
        relation = "below" if match.group(1) == "低于" else "above"
        own = lookup(subject)
        names = [words] + [words + subject[-n:] for n in range(2, min(6, len(subject)) + 1)]
        found = [i for i in map(lookup, names) if i is not None and i is not own]
        if found:
            reference = found[0].id
            if not any(t.id == reference for t in self.targets) and reference != "gdp":
                # not drafted (yet): an outside series, never the shared id a later clause
                # of the paragraph may take
                reference = self._outside_series(words, piece, match, f"outside_{reference}")
        else:
            reference = self._outside_series(words, piece, match, None)
        target = self._new(subject, piece, "relative")
        target.relation, target.reference = relation, reference

    def _outside_series(
        self, words: str, piece: Piece, match: re.Match[str], wanted: str | None
    ) -> str:
        start = piece.start + match.start(2)
        outside = DraftTarget(
            id=self._unique(wanted or f"outside_{len(self.targets) + 1}"),
            section="headline",
            name=words,
            kind="indicator",
            unit="%",
            start=start,
            end=start + len(words),
            name_en=f"Outside series ({words})",
            frequency="annual",
        )
        outside.notes.append("outside series compared with: recorded from its source")
        outside.review.append("an outside series: check its id and name_en")
        self.targets.append(outside)
        return outside.id

    def _national(self, subject: str, piece: Piece, relation: str, match: re.Match[str]) -> None:
        base = lookup(subject)
        base_id = base.id if base is not None else "indicator"
        nat_id, nat_name, nat_en = _outside(base_id, match.group(0))
        taken = base is not None and any(t.id == base.id for t in self.targets)
        target = self._new(subject, piece, "relative")
        if taken and base is not None:
            target.id = self._unique(f"{base.id}_national")
            target.name = f"{subject}（与全国平均水平比较）"
        target.relation, target.reference = relation, nat_id
        if not any(t.id == nat_id for t in self.targets):
            words = re.search(r"(?:全国|全省|全市)(?:平均)?(?:水平|增速)", match.group(0))
            words = words or re.search(r"与.+(?:持平|一致)", match.group(0))
            assert words is not None
            start = piece.start + match.start() + words.start()
            outside = DraftTarget(
                id=nat_id,
                section="headline",
                name=nat_name,
                kind="indicator",
                unit="%",
                start=start,
                end=start + len(words.group(0)),
                name_en=nat_en,
                frequency="annual",
                shared=True,
            )
            outside.notes.append("outside series: recorded from the national bulletin")
            self.targets.append(outside)

    def _multi(self, seg: Piece, match: re.Match[str]) -> None:
        subject = subject_of(seg.text[: match.start()])
        values = [match.group(1), *re.findall(r"\d+(?:\.\d+)?", match.group(2))]
        qualifiers = re.findall(r"(\d+(?:\.\d+)?)\s*%?\s*(左右|以上)?", match.group(0)[2:])
        own = [q for _, q in qualifiers] if len(qualifiers) == len(values) else []
        if own and own[-1] and not any(own[:-1]):
            own = [own[-1]] * len(own)  # 分别增长5%、6.5%左右: the last 左右 governs both
        names = split_town_country(subject) if subject else []
        sectors = re.match(r"^([一二三]{2,3})产(.*)$", subject or "")
        if sectors:  # 一二三产增加值 → 一产增加值, 二产增加值, 三产增加值
            names = [f"{ch}产{sectors.group(2)}" for ch in sectors.group(1)]
        if len(names) != len(values):
            names = [n for n in re.split(r"[、和]", subject or "") if n]
        if len(names) != len(values):
            return
        for index, (name, value) in enumerate(zip(names, values, strict=True)):
            target = self._new(name, seg, "growth")
            qualifier = (own[index] if own and own[index] else None) or match.group(3)
            _bound(target, Decimal(value), qualifier, up=True)
            target.notes.append("分别: one clause, one target per figure")

    def _multi_level(self, seg: Piece, match: re.Match[str]) -> bool:
        """分别为4.8%左右和4.3%左右: a level per subject, each with its own figure."""
        verb, first, unit, qualifier, rest = match.groups()
        names = [n for n in re.split(r"[、和]", subject_of(seg.text[: match.start()])) if n]
        others = re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|‰)?\s*(左右|以上|以内)?", rest)
        figures = [(first, qualifier or ""), *others]
        if len(names) != len(figures) or len(names) < 2:
            return False
        last = figures[-1][1]
        for name, (value, own) in zip(names, figures, strict=True):
            level = LEVEL.fullmatch(f"{verb}{value}{unit}{own or last}")
            assert level is not None
            self._level(name, seg, level)
            self.targets[-1].notes.append("分别: one clause, one target per figure")
        return True

    def _pending(self, seg: Piece, match: re.Match[str]) -> None:
        text = seg.text
        subjects, found = pending_subjects(text, match)
        seen: set[str] = set()
        for name, indicator_id in found:
            if (indicator_id or name) in seen:
                continue
            seen.add(indicator_id or name)
            if indicator_id is None:  # a rate without a shared id (地表水达标率)
                target = self._new(name, seg, "level")
                target.unit = "%"
            else:
                target = self._new(name, seg, "trend", indicator_id=indicator_id)
                indicator = _indicator(indicator_id)
                if indicator is not None:
                    target.kind = indicator.pending_kind
                    target.unit = indicator.pending_unit
                    target.direction = indicator.pending_direction
                    target.decline = indicator.pending_decline and target.kind == "growth"
                else:
                    target.kind, target.unit, target.decline = "growth", "%", True
            target.pending = True
            target.frequency = "annual"
            target.notes.append(
                "国家下达/国家要求: the bound is the national allocation, not in the report; "
                "pending until amended"
            )
        if not found:
            name = subjects or text
            if AMOUNT.search(name):  # an amount the year adds up: the unit is the report's
                target = self._new(name, seg, "cumulative")
            else:
                target = self._new(name, seg, "level")
                target.unit = "%"
            target.pending, target.frequency = True, "annual"
            target.review.append("pending national task of an unknown indicator")

    def _aspiration(self, piece: Piece) -> None:
        if not self.targets:
            return
        target = self.targets[-1]
        if target.min is not None and target.max is not None and target.kind == "growth":
            target.stretch, target.max = target.max, None
            target.review = [r for r in target.review if not r.startswith("a range")]
            target.notes.append(
                f"{target.min}%—{target.stretch}% with {piece.text}: {target.stretch} is a higher "
                "aim, never a ceiling"
            )
            if piece.start > target.end:
                target.end = piece.end
        else:
            target.notes.append(f"{piece.text}: {ASPIRATION_NOTE}")

    # ------------------------------------------------------------------ building
    def _new(
        self, subject: str, piece: Piece, kind: str, indicator_id: str | None = None
    ) -> DraftTarget:
        indicator: Indicator | None = lookup(subject)
        if indicator_id is not None and (indicator is None or indicator.id != indicator_id):
            indicator = _indicator(indicator_id)
        name = "经济增长" if subject == "经济" else subject
        target = DraftTarget(
            id="",
            section="headline",
            name=name,
            kind=kind,
            unit=indicator.unit if indicator is not None else "亿元",
            start=piece.start,
            end=piece.end,
            frequency=indicator.frequency if indicator is not None else "annual",
        )
        if indicator is not None:
            target.id = self._unique(indicator.id)
            target.name_en = indicator.name_en
            target.shared = True
        else:
            self._count += 1
            target.id = self._unique(f"headline_{self._count}")
            target.review.append("not a shared indicator: check id and name_en")
        self.targets.append(target)
        return target

    def _unique(self, wanted: str) -> str:
        taken = {t.id for t in self.targets}
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}_{n}" in taken:
            n += 1
        return f"{wanted}_{n}"


def _outside(base_id: str, words: str) -> tuple[str, str, str]:
    """The outside series a relation compares with: the national average (全国), the
    province's (全省, 与省持平) or the city's (全市)."""
    if "全国" in words:
        return national(base_id)
    if "市" in words:
        return f"city_{base_id}", "全市平均水平", f"City average ({base_id})"
    return f"province_{base_id}", "全省平均水平", f"Provincial average ({base_id})"


def _indicator(indicator_id: str) -> Indicator | None:
    return next((i for i in INDICATORS if i.id == indicator_id), None)


def _bound(target: DraftTarget, value: Decimal, qualifier: str | None, *, up: bool) -> None:
    """左右 → around; 以上 → min; 以内/以下 → max; none → min (a floor, as the genre reads it)."""
    if qualifier == "左右":
        target.around = value
    elif qualifier in ("以内", "以下"):
        target.max = value
    else:
        target.min = value
