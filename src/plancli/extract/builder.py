"""The targets a headline clause makes: a new target under its shared id or a positional
one, a level with its unit and direction, relations to GDP, to another series or to an
outside average, and pending tasks (split from `headline`, which reads the clauses)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.clauses import (
    DOUBLE_DIGITS,
    Piece,
    listed_subjects,
    past_place,
    split_town_country,
)
from plancli.extract.draft import DraftTarget
from plancli.extract.forms import COUNT_UNITS, LAST_YEAR_AIM, MONEY_UNITS, NOT_THE_YEARS_CHANGE
from plancli.extract.numerals import change_figure
from plancli.extract.pending import AMOUNT, pending_subjects
from plancli.extract.ranges import FLOOR_RANGE_NOTE, RANGE_REVIEW
from plancli.extract.vocabulary import GROWTH_SERIES, INDICATORS, Indicator, lookup, national
from plancli.i18n import N_, _
from plancli.indicator_names import STANDARD_NAMES

_INTENSITIES = ("energy_intensity", "water_intensity", "co2_intensity")
_PER_OUTPUT = re.compile(r"\d\s*[\u4e00-\u9fff]{0,4}\s*(?:/|每)\s*万元")  # 0.34吨标准煤/万元


_STOCK = re.compile(r"(?:总数|保有量|存量|总户数)$")
# a higher figure the report asks for (争取更好, 力争): the note of a stretch
STRETCH_NOTE = N_("{clause}: {aim} is a higher aim, never a ceiling")
ASPIRATION_NOTE = N_("{clause}: an aspiration with no figure; not encoded as a bound")
AMOUNT_NOTE = N_(
    "an amount: {id} and the bulletin's names for it ({name}) are its growth's; record this "
    "target in {unit}"
)
DOUBLE_DIGITS_NOTE = N_("两位数增长: a double-digit growth, read as a floor of 10%")


# A trade named without its measure (限上批发 in a list of indicators): a trade's figure is its
# sales (批发, 零售) or its turnover (住宿, 餐饮), as the statistics name it
_TRADE_ALONE = re.compile(r"^(?:限上|限额以上)(?:(批发|零售|批零|批发零售)|(住宿|餐饮|住餐))业?$")


def _measured(name: str) -> str:
    """限上批发 → 限上批发销售额, 限上餐饮 → 限上餐饮营业额; any other name as it is."""
    match = _TRADE_ALONE.match(name)
    if match is None:
        return name
    return name + ("销售额" if match.group(1) else "营业额")


class TargetBuilder:
    """The targets drafted so far, and how a clause's reading becomes one."""

    def __init__(self, parse: str) -> None:
        self.parse = parse
        self.targets: list[DraftTarget] = []
        self._count = 0

    # ------------------------------------------------------------------ building
    def _new(
        self, subject: str, piece: Piece, kind: str, indicator_id: str | None = None
    ) -> DraftTarget:
        indicator: Indicator | None = lookup(subject)
        if indicator_id is not None and (indicator is None or indicator.id != indicator_id):
            indicator = _indicator(indicator_id)
        name = "经济增长" if subject == "经济" else subject
        if indicator is not None:
            name = past_place(name)  # 全县地区生产总值: the plan's place, not the name's
        name = _measured(name)
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
            target.review.append(_("not a shared indicator: check id and name_en"))
        if DOUBLE_DIGITS.search(self.parse, piece.start, piece.end):
            target.notes.append(_(DOUBLE_DIGITS_NOTE))
        self.targets.append(target)
        return target

    new_target = _new  # for the forms split out of this class (ranges)

    def amounts_apart(self) -> list[DraftTarget]:
        """An amount of a series whose shared id is its growth (完成镇域生产总值7.3亿元, 实现财政
        收入600万元): `gdp_amount`, `budget_revenue_amount`, as when the growth comes with it;
        the shared id, and the bulletin's names for it, stay the growth's (a growth stated later
        in the paragraph, drafted `gdp_2`, takes `gdp` back). The targets drafted."""
        for target in self.targets:
            base = re.sub(r"_\d+$", "", target.id)
            amount = target.kind == "cumulative" and target.unit in MONEY_UNITS
            if target.shared and amount and base in GROWTH_SERIES:
                target.id = self._unique(f"{base}_amount")
                names = "、".join(STANDARD_NAMES.get(base, ())[:2]) or target.name
                target.notes.append(_(AMOUNT_NOTE).format(id=base, name=names, unit=target.unit))
                growth = next((t for t in self.targets if t.id == f"{base}_2"), None)
                if growth is not None and not any(t.id == base for t in self.targets):
                    growth.id = base
        return self.targets

    def _unique(self, wanted: str) -> str:
        taken = {t.id for t in self.targets}
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}_{n}" in taken:
            n += 1
        return f"{wanted}_{n}"

    def _level(self, subject: str, piece: Piece, match: re.Match[str]) -> None:
        verb, value, unit, qualifier = match.groups()
        indicator = lookup(subject)
        if unit == "个百分点":
            if NOT_THE_YEARS_CHANGE.search(piece.text):
                return  # 年均提高1个百分点 (forms.NOT_THE_YEARS_CHANGE): no target of the year
            target = self._new(subject, piece, "change")
            target.unit = "%"
            bound(target, Decimal(value), qualifier, up=True)
            return
        kind = "level"
        jobs = indicator is not None and indicator.id == "new_urban_jobs"
        if unit in COUNT_UNITS or unit in MONEY_UNITS or jobs:
            kind = "cumulative"
            if unit in COUNT_UNITS and _STOCK.search(subject) and "新增" not in subject:
                # 企业总数突破100家, 汽车保有量达到130万辆: a stock the year ends at, not a
                # count it adds up
                kind = "level"
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
                    _(
                        "forced: the report gives {value}{unit} without 左右; read as a band "
                        "around {value} with the default 左右 tolerance"
                    ).format(value=value, unit=unit)
                )
                target.review.append(_("no 左右: read as a band"))
            else:
                target.notes.append(
                    _(
                        "CPI X%左右 is read as a band: the national CPI target is an aim to "
                        "reach, not a ceiling"
                    )
                )
            return
        if verb in ("不高于", "不超过", "控制在") and qualifier is None:
            qualifier = "以内"  # 控制在3%: at most 3
        bound(target, number, qualifier, up=True)
        # 单位地区生产总值能耗0.34吨标准煤/万元: a use per unit of output (…/万元) is held down
        lower_is_better = indicator is not None and (
            indicator.direction == "down"
            or (indicator.id in _INTENSITIES and _PER_OUTPUT.search(piece.text) is not None)
        )
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

    def aspiration(self, piece: Piece) -> None:
        """力争更好 after a target: a range's top becomes its higher aim, else a note."""
        if not self.targets:
            return
        target = self.targets[-1]
        ranged = _(FLOOR_RANGE_NOTE).format(min=target.min, top=target.stretch)
        if target.kind == "growth" and target.min is not None and ranged in target.notes:
            # a floor's range already read as min + stretch: 争取更好 says so again
            target.notes.remove(ranged)
            target.stretch, target.max = None, target.stretch
        if target.min is not None and target.max is not None and target.kind == "growth":
            target.stretch, target.max = target.max, None
            target.review = [r for r in target.review if r != _(RANGE_REVIEW)]
            target.notes.append(
                _("{min}%—{aim}% with {clause}: {aim} is a higher aim, never a ceiling").format(
                    min=target.min, aim=target.stretch, clause=piece.text
                )
            )
            if piece.start > target.end:
                target.end = piece.end
        elif LAST_YEAR_AIM.match(piece.text) and _above_a_floor(target):
            # 粮食产量1300亿斤以上、力争比去年实现更多增长: the quote takes the clause; its
            # figure, last year's, comes from the review (baselines.last_years_stretch)
            target.last_year_aim = piece.text
            target.end = max(target.end, piece.end)
        else:
            target.notes.append(_(ASPIRATION_NOTE).format(clause=piece.text))

    def _relative(
        self, subject: str, piece: Piece, relation: str, reference: str, words: str
    ) -> None:
        for name in _series_named(subject):
            target = self._new(name, piece, "relative")
            target.relation, target.reference = relation, reference
            if "基本同步" in words:
                target.notes.append(_("基本同步 is read as relation same"))

    def _above_series(self, subject: str, piece: Piece, match: re.Match[str]) -> None:
        """A growth above (below, in step with) another series: the reference is the series'
        target drafted before, its name completed by the subject's last words (城镇居民 →
        城镇居民收入), or an outside series of its own (全部投资, 劳动生产率); never last
        year's or the expected growth."""
        words = match.group(2)
        if re.search(r"上年|去年|往年|预期|历史", words):
            return  # faster than last year or than expected: no series of the plan's
        relation = {"低于": "below", "高于": "above", "快于": "above"}.get(match.group(1), "same")
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
        outside.notes.append(_("outside series compared with: recorded from its source"))
        outside.review.append(_("an outside series: check its id and name_en"))
        self.targets.append(outside)
        return outside.id

    def _national(self, subject: str, piece: Piece, relation: str, match: re.Match[str]) -> None:
        """A growth above (not below, the same as) the national, the province's or the city's:
        a relative target of each series the subject names (城镇、农村居民人均可支配收入增速高于
        全市平均水平: two), each against an outside series of its own."""
        for name in _series_named(subject):
            self._against_outside(name, piece, relation, match)

    def _against_outside(
        self, subject: str, piece: Piece, relation: str, match: re.Match[str]
    ) -> None:
        base = lookup(subject)
        base_id = base.id if base is not None else "indicator"
        nat_id, nat_name, nat_en = _outside(base_id, match.group(0), subject)
        taken = base is not None and any(t.id == base.id for t in self.targets)
        target = self._new(subject, piece, "relative")
        if taken and base is not None:
            target.id = self._unique(f"{base.id}_{nat_id.split('_', 1)[0]}")
            target.name = f"{subject}（与{nat_name}比较）"
            # (not the first relation's English name: English screens tell the two apart)
            target.name_en = f"{target.name_en} (compared with {nat_en[:1].lower()}{nat_en[1:]})"
        target.relation, target.reference = relation, nat_id
        if not any(t.id == nat_id for t in self.targets):
            # the outside series' words, its quote: 全国平均水平, 与全盟保持同步, 全国 (比全国
            # 高2个百分点), or the whole match
            words = (
                re.search(rf"(?:{_PLACES})(?:平均)?(?:水平|增速)", match.group(0))
                or re.search(r"与.+(?:持平|一致|同步)", match.group(0))
                or re.search(_PLACES, match.group(0))
            )
            first, last = words.span() if words is not None else (0, len(match.group(0)))
            start = piece.start + match.start() + first
            outside = DraftTarget(
                id=nat_id,
                section="headline",
                name=nat_name,
                kind="indicator",
                unit="%",
                start=start,
                end=start + last - first,
                name_en=nat_en,
                frequency="annual",
                shared=True,
            )
            outside.notes.append(
                _("outside series: recorded from the national bulletin")
                if nat_id.startswith("national_")
                else _("outside series compared with: recorded from its source")
            )
            self.targets.append(outside)

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
                _(
                    "国家下达/国家要求: the bound is the national allocation, not in the report; "
                    "pending until amended"
                )
            )
            if name.endswith("约束性指标"):  # 生态环境保护约束性指标: several, none named
                target.notes.append(_(GROUP_PLACEHOLDERS))
        if not found:
            name = subjects or text
            if AMOUNT.search(name):  # an amount the year adds up: the unit is the report's
                target = self._new(name, seg, "cumulative")
            else:
                target = self._new(name, seg, "level")
                target.unit = "%"
            target.pending, target.frequency = True, "annual"
            target.review.append(_("pending national task of an unknown indicator"))

    def _outside_again(
        self, segment: Piece, last: list[DraftTarget], match: re.Match[str] | None
    ) -> bool:
        """…生产总值高于全市平均增速10个百分点，高于全省平均增速5个百分点: a second outside
        average, no subject of its own, compared with the series the segment before compared
        (`match` is NATIONAL's at the segment's start)."""
        related = [
            t
            for t in last
            if t.kind == "relative"
            and (t.reference or "").startswith(("national_", "province_", "city_"))
        ]
        if match is None or match.start() != 0 or not match.group(1) or len(related) != 1:
            return False
        relation = {"高于": "above", "快于": "above", "低于": "below"}.get(match.group(1))
        self._national(related[0].name, segment, relation or "not_below", match)
        return True

    def _amount_stretch(
        self, seg: Piece, after: list[DraftTarget], made: list[DraftTarget]
    ) -> list[DraftTarget]:
        """收入达到5.68亿元，增长8%，力争突破6亿元: the amount before the growth, aimed higher
        (what the segment made, none when it was that aim)."""
        if not after or len(made) != 1 or after[0] not in self.targets:
            return made
        growth, aim = after[0], made[0]
        whole = self.targets[self.targets.index(growth) - 1]
        same = (whole.kind, whole.name, whole.unit) == ("cumulative", growth.name, aim.unit)
        aimed = re.match(r"力争|争取", seg.text) and same and whole.stretch is None
        if not aimed or aim.min is None or aim.min <= (whole.min or aim.min):
            return made
        whole.stretch = aim.min
        whole.notes.append(_(STRETCH_NOTE).format(clause=seg.text, aim=aim.min))
        self.targets.remove(aim)
        return []


def _series_named(subject: str) -> list[str]:
    """The series a relation's subject names: 城乡居民收入 one (the 城乡 compound, as every
    blind set's gold reads it); 城镇和农村居民收入, 城镇、农村居民收入 two (a report's 附表 with a
    row for each splits it again: tables.py)."""
    return [
        n
        for part in listed_subjects(subject)
        for n in ([part] if part.startswith("城乡") else split_town_country(part))
    ]


def _outside(base_id: str, words: str, subject: str) -> tuple[str, str, str]:
    """The outside series a relation compares with: the national average (全国), the
    province's (全省, 与省持平) or the city's (全市), named by the series it is of where the
    subject names one (全市规模以上工业增加值增速: what the analyst records)."""
    if "全国" in words:
        return national(base_id)
    place, key, english = next(
        (p for p in _PARENTS if p[0][-1] in words), ("全省", "province", "Provincial")
    )
    series = _OWN_PLACE.sub("", subject)
    name = f"{place}{series}增速" if base_id != "indicator" and series else f"{place}平均水平"
    return f"{key}_{base_id}", name, f"{english} average ({base_id})"


_PLACES = "全国|全省|全市|全州|全盟"
# the level above whose average a target is compared with (a district's city, a county's
# prefecture or league): its words, the id's prefix, the English
_PARENTS = (
    ("全市", "city", "City"),
    ("全州", "prefecture", "Prefecture"),
    ("全盟", "league", "League"),
)
# the place's own words before a series' name (区属地区生产总值: 全市地区生产总值增速)
_OWN_PLACE = re.compile(r"^(?:区属|县属|县域|全区|全县|本区|本县|全旗|本市|全市|全省)")


GROUP_PLACEHOLDERS = N_(
    "a group of indicators the report does not list one by one: its kind and unit are placeholders"
)


def _indicator(indicator_id: str) -> Indicator | None:
    return next((i for i in INDICATORS if i.id == indicator_id), None)


def bound(
    target: DraftTarget,
    value: Decimal | str,
    qualifier: str | None,
    *,
    up: bool,
    fall: bool = False,
) -> None:
    """左右 → around; 以上 → min; 以内/以下 → max; none → min (a floor, as the genre reads it).
    A `fall` in 百分点 (下降0.5个百分点) is a change of −0.5 at most (`max`, direction down; 以内,
    at least: `min`), as docs/forms.md writes one — min 0.5 with direction down did not load.
    `value` as a change form writes it too (`numerals.change_figure`: 提高半个百分点 is 0.5)."""
    value = change_figure(value) if isinstance(value, str) else value
    if fall:
        value, within = -value, qualifier in ("以内", "以下")
        qualifier = "以上" if within else "左右" if qualifier == "左右" else "以内"
        target.direction = None if within else "down"
    if qualifier == "左右":
        target.around = value
    elif qualifier in ("以内", "以下"):
        target.max = value
    else:
        target.min = value


def _above_a_floor(target: DraftTarget) -> bool:
    """A level or an amount (not a growth: its rise over last year is the target itself) held
    at or above a figure and not held down: one last year's figure can be the higher aim of."""
    return (
        target.kind in ("level", "cumulative")
        and target.unit != "%"
        and target.min is not None
        and target.max is None
        and target.around is None
        and target.stretch is None
        and target.direction != "down"
        and not target.pending
    )
