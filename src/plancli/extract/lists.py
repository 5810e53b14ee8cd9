"""Clauses that list several subjects, a target for each: 分别增长a%、b% and 分别为a%、b%
(分别实现a亿元、b亿元), A和B均下降3.5% (a figure each one's), and subjects listed before the
predicate they share (split from `headline`, which reads the other forms)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from plancli.extract.builder import TargetBuilder, bound
from plancli.extract.clauses import (
    Piece,
    bare_subject,
    listed_subjects,
    split_town_country,
    subject_of,
    subpieces,
)
from plancli.extract.draft import DraftTarget
from plancli.extract.forms import LEVEL
from plancli.extract.vocabulary import lookup
from plancli.i18n import N_, _

# Indicators listed before 等(主要经济)指标 and the one growth they share (规上工业总产值、…、
# 进出口总额等主要经济指标实现两位数增长): the report names them indicators, whatever their
# last words (营收, 批发), and the figure is each one's.
LISTED_INDICATORS = re.compile(
    r"^(?P<names>[^,;。:等\d]{2,40}?(?:、[^,;。:等\d]{2,40}?)+)等(?:主要|各项|重要)?(?:经济)?指标"
    r"(?:均|都)?(?P<predicate>(?:实现|保持)?\s*(?:同比)?(?:增长|增速|增幅).*)$"
)


class ListReader(TargetBuilder):
    """The headline reader's forms of several subjects in one clause."""

    def listed(self, seg: Piece, read: Callable[[Piece, str | None, Piece], object]) -> bool:
        """Indicators listed before 等…指标 and their growth: each one's target (read by
        `read`, the headline reader's clause reader), each quoting the whole clause."""
        match = LISTED_INDICATORS.match(seg.text)
        if match is None:
            return False
        names = subpieces(Piece(seg.start, seg.start + match.end("names"), match["names"]))
        start = names[0].start
        for name in names:
            before = len(self.targets)
            read(Piece(start, seg.end, name.text + match["predicate"]), None, seg)
            for target in self.targets[before:]:
                target.notes.append(
                    _("{words}: the figure is each listed indicator's").format(
                        words=seg.text[match.end("names") : match.start("predicate")]
                    )
                )
        return True

    def share(self, subject_piece: Piece, piece: Piece, made: list[DraftTarget]) -> None:
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
            target.notes.append(_("shares the predicate of “{clause}”").format(clause=piece.text))

    def multi(self, seg: Piece, match: re.Match[str]) -> None:
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
        if len(names) != len(values) and not subject:
            # 实现产值6亿元、税收6000万元，分别较2010年增长56.76%和57.1%: the growths of the
            # amounts listed just before, in the same sentence, one each
            opening = self.parse.rfind("。", 0, seg.start) + 1
            amounts = [t for t in self.targets if t.start >= opening and t.kind == "cumulative"]
            if len(amounts) >= len(values):
                names = [t.name for t in amounts[-len(values) :]]
        if len(names) != len(values):
            return
        for index, (name, value) in enumerate(zip(names, values, strict=True)):
            target = self._new(name, seg, "growth")
            target.decline = re.match(r"分别(?:下降|降低|减少)", match.group(0)) is not None
            qualifier = (own[index] if own and own[index] else None) or match.group(3)
            bound(target, Decimal(value), qualifier, up=True)
            target.notes.append(_(RESPECTIVE_NOTE))

    def _price_rise(self, subject: str, piece: Piece, match: re.Match[str]) -> bool:
        """居民消费价格增长3.5%左右: a price's rise in % is its level, the 涨幅 (a band around
        3.5, as 居民消费价格上涨2%左右 and the bundled plans' cpi are), not a growth of the
        index; False for any other subject."""
        indicator = lookup(subject)
        if indicator is None or indicator.id != "cpi":
            return False
        level = LEVEL.fullmatch(f"{match.group(1)}%{match.group(2) or ''}")
        assert level is not None
        self._level(subject if subject.endswith("涨幅") else f"{subject}涨幅", piece, level)
        return True

    def multi_level(self, seg: Piece, match: re.Match[str], respective: bool = False) -> bool:
        """分别为4.8%左右和4.3%左右, 分别实现500亿元、100亿元: a level or an amount per
        subject, each with its own figure; `respective`: the list without 分别 (A、B控制在
        4.5%以内、6.5%以内), taken only when every subject is an indicator's name."""
        verb, first, unit, qualifier, rest = match.groups()
        names = [n for n in re.split(r"[、和]", subject_of(seg.text[: match.start()])) if n]
        figure = r"(\d+(?:\.\d+)?)\s*(%|‰|万亿元|亿元|亿美元|万元)?\s*(左右|以上|以内)?"
        others = re.findall(figure, rest)
        figures = [(first, unit, qualifier or ""), *others]
        if len(names) != len(figures) or len(names) < 2:
            return False
        if respective and not all(lookup(n) is not None for n in names):
            return False
        last = figures[-1][2]
        verb = "达到" if verb in ("实现", "完成") else verb  # an amount to reach, as 达到
        for name, (value, own_unit, own) in zip(names, figures, strict=True):
            level = LEVEL.fullmatch(f"{verb}{value}{own_unit or unit}{own or last}")
            assert level is not None
            self._level(name, seg, level)
            self.targets[-1].notes.append(
                _("one figure per subject listed, in order (分别 unsaid)")
                if respective
                else _("分别: one clause, one target per figure")
            )
        return True


ONE_EACH_NOTE = N_("均: one figure for each subject listed")
RESPECTIVE_NOTE = N_("分别: one clause, one target per figure")


def each_subject(words: str, subject: str) -> tuple[list[str], list[str]]:
    """The subjects one figure is given for: each listed when 均/都 says so (能耗和二氧化碳排放量
    均下降3.5%), or 分别 before one figure (城乡居民人均可支配收入分别增长6%以上: the town's and
    the country's, each 6%), or when each is an indicator's name and no two the same shared one
    (城镇居民人均可支配收入和农民人均纯收入增长10%); the note saying the figure is each one's
    ([] where it is not said)."""
    names = [n for part in listed_subjects(subject) for n in split_town_country(part)]
    if re.search(r"[均都]\s*$", words) is not None:
        return [_(ONE_EACH_NOTE)], names
    if re.search(r"分别\s*$", words) is not None and len(names) > 1:
        return [_(RESPECTIVE_NOTE)], names
    listed = listed_subjects(subject)
    known = [lookup(n) for n in listed]
    ids = [k.id for k in known if k]
    if (
        len(listed) > 1
        and len(set(ids)) == len(ids)
        and all(k is not None or len(n) >= 4 for n, k in zip(listed, known, strict=True))
    ):
        # each an indicator's name in full (listed_subjects), no shared one twice, an unknown
        # one not a fragment (进口和出口总额): 地区生产总值和财政一般预算收入增长10%以上,
        # 港口货物吞吐量和集装箱吞吐量增长12%
        return [_(ONE_EACH_NOTE)], names
    parts = re.split(r"和", subject)
    if len(parts) == 2 and any(known) and all(_OUTPUT.search(p) for p in parts):
        # 规上工业产值和服务业增加值增长12%: two sectors' outputs, each named in full
        return [_(ONE_EACH_NOTE)], parts
    return [], [subject]


_OUTPUT = re.compile(r"^[^、和]{2,8}(?:总产值|产值|增加值)$")


# 均/都/各 before the predicate (not 人均, 各类): the predicate is each one's
EACH = re.compile(
    r"(?<!人)(?:均|都|各)(?=\s*(?:增长|增速|高于|不低于|低于|达到|保持|控制|提高|下降|为|在|\d))"
)


def bare_list(text: str) -> bool:
    """Whether a clause only names indicators, one or several (生态环保、城市更新和水利设施投资)."""
    return bare_subject(text) or (
        "、" in text and bare_subject(re.split(r"[、和]", text)[-1]) and not re.search(r"\d", text)
    )
