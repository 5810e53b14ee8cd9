"""Last year's level of a shared ratio, concentration or price drafted as a level: the review's
细颗粒物年均浓度27微克/立方米、下降11.5% for 细颗粒物年均浓度控制在29微克/立方米左右
(北京 2026: value 27 and its change, growth -11.5), 常住人口城镇化率从2020年的53.2%提升到
2025年的57.7% for 常住人口城镇化率达59%左右 (贵州: 57.7, the end dated last year),
全社会研发经费支出相当于全市生产总值的比例达到4.5%左右 (上海: 4.5, an estimate, flagged),
居民消费价格上涨0.1% for 居民消费价格涨幅2%左右 (上海: 0.1; 下降 makes it negative), as the
bundled plans write them.

A figure is taken only where the review states it once, under the indicator's name (the
target's own, or one of `_NAMES`; of the whole place: not 国考10市PM2.5浓度), in the target's
unit, as a result: not a bound (以上, 以内… after it; 突破, 超过, 近… before it), not a span's
(年均, 累计, 连续…), not in a five-year passage unless dated last year (…提升到2025年的57.7%),
nor in a paragraph of the coming years' goals (十五五, 今后五年, 纲要, 到2030年). A figure with
左右 is last year's estimate (the bureau's figure comes later in the year): taken, with a
`review` asking to check it against the bulletin."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.estimates import APPROXIMATE_REVIEW, not_last_years
from plancli.extract.review_levels import five_year_passages, in_passages
from plancli.extract.sections import Layout
from plancli.i18n import _

NUM = r"\d+(?:\.\d+)?"
# the names a review gives these indicators, beside the target's own
_NAMES: dict[str, tuple[str, ...]] = {
    "pm25": (
        "细颗粒物年均浓度",
        "细颗粒物平均浓度",
        "细颗粒物浓度",
        "PM2.5年均浓度",
        "PM2.5平均浓度",
        "PM2.5浓度",
    ),
    "urbanization_rate": ("常住人口城镇化率",),
    "rd_intensity": (
        "研发经费投入强度",
        "研发投入强度",
        "研究与试验发展经费投入强度",
        "R&D经费投入强度",
    ),
    "cpi": ("居民消费价格总水平", "居民消费价格指数", "居民消费价格", "CPI"),
}
# a name's abbreviation in brackets: 居民消费价格指数（CPI）上涨0.3%
_ABBREVIATION = r"(?:\s*[（(]\s*CPI\s*[）)])?"
# a unit's other spellings in reports (四川: 28.5微克每立方米)
_UNITS = {"%": "[%％]", "微克/立方米": r"微克(?:/|每)立方米"}
_FROM = rf"(?:由|从)(?:\d{{4}}年(?:底|末)?的?)?{NUM}\s*(?:[%％]|微克(?:/|每)立方米)?\s*"
_REACH = r"(?:为|是|达到|达|(?:提高|提升|上升|增长|增加|下降|降低|回落|降|增|升)(?:到|至))"
# a price's change: 居民消费价格上涨0.1% (同比, 比上年, 涨幅为…); 下降 is a fall, a negative level
_PRICE = r"(?:同比|比上年|较上年)?(?P<verb>上涨|涨幅为?|上升|增长|下降|下跌|降幅为?)"
_CHANGE_AFTER = re.compile(
    rf"\s*[、,，]\s*(?:同比)?(?P<verb>下降|降低|上升|增长)\s*(?P<by>{NUM})\s*[%％]"
)
_BOUND_AFTER = re.compile(r"\s*(?:以上|以下|以内|多|余|上下|之内)")
_AROUND = re.compile(r"\s*左右")
_BOUND_BEFORE = re.compile(r"突破|超过|超|逾|近|接近|约|不到|不足|低于|高于|控制")
_SPAN_WORDS = re.compile(r"年均|累计|五年|每年|十四五|十三五|连续|分别")
_FUTURE = re.compile(r"十五五|今后五年|纲要|到20[3-9]\d年")
_SENTENCE_END = re.compile(r"[。；;！!？?\n，,]")
_FALLS = ("下降", "下跌", "降幅", "降幅为", "降低")


def _pattern(target: DraftTarget) -> re.Pattern[str] | None:
    names = {*_NAMES.get(target.id, ()), target.name} - {""}
    spelled = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # the whole place's: after a mark, a digit's end or 全省/全市… (not 国考10市PM2.5浓度)
    place = r"(?:(?<=全[省市区县州盟])|(?<![\u4e00-\u9fff\w.]))"
    if target.id == "cpi":
        return re.compile(
            rf"{place}(?:{spelled}){_ABBREVIATION}{_PRICE}\s*(?P<value>{NUM})\s*[%％]"
        )
    unit = _UNITS.get(target.unit)
    if unit is None:
        return None
    return re.compile(
        rf"{place}(?:{spelled})(?P<between>[^,，;；。\d由从]{{0,4}}?)(?:{_FROM})?{_REACH}?\s*"
        rf"(?:(?P<year>\d{{4}})年(?:底|末)?的?)?(?P<value>{NUM})\s*{unit}"
    )


def _paragraph(parse: str, position: int) -> str:
    start = parse.rfind("\n", 0, position) + 1
    end = parse.find("\n", position)
    return parse[start : len(parse) if end == -1 else end]


def review_ratios(parse: str, layout: Layout, targets: list[DraftTarget], words: str) -> None:
    """Give a level target of `_NAMES`' ids with no baseline last year's level where the
    review states it once (see the module's doc); a note quotes `words`, the report's text at
    the parse form's offsets."""
    for target in targets:
        if target.id not in _NAMES or target.baseline or target.kind != "level":
            continue
        pattern = _pattern(target)
        if pattern is None:
            continue
        found: dict[Decimal, tuple[Decimal | None, str, bool]] = {}
        for span in layout.review_spans():
            passages = five_year_passages(parse, span)
            for match in pattern.finditer(parse, span.start, span.end):
                groups = match.groupdict()
                dated = groups.get("year") is not None
                if dated and int(groups["year"]) != layout.year - 1:
                    continue  # 从2015年的45%提升到2020年的52.23%: not last year's level
                head = parse[max(span.start, match.start() - 20) : match.start()]
                sentence = _SENTENCE_END.split(head)[-1] + (groups.get("between") or "")
                if (
                    (not dated and in_passages(match.start(), passages))
                    or _BOUND_AFTER.match(parse, match.end())
                    or _BOUND_BEFORE.search(groups.get("between") or "")
                    or _SPAN_WORDS.search(sentence)
                    or _FUTURE.search(_paragraph(parse, match.start()))
                ):
                    continue
                approximate = _AROUND.match(parse, match.end())
                end = match.end() if approximate is None else approximate.end()
                if target.id == "cpi" and not_last_years(parse, sentence, end):
                    continue  # last year's aim (上涨3%左右的目标), a price held (保持…)
                value = Decimal(match.group("value"))
                if groups.get("verb") in _FALLS:
                    value = -value
                change = _CHANGE_AFTER.match(parse, match.end())
                growth = None
                if change is not None and target.id != "cpi":
                    by = Decimal(change.group("by"))
                    growth = -by if change.group("verb") in ("下降", "降低") else by
                end = change.end() if change is not None and growth is not None else match.end()
                end = approximate.end() if approximate is not None else end
                found.setdefault(value, (growth, words[match.start() : end], bool(approximate)))
        if len(found) != 1:
            continue  # none, or several figures: not unambiguous
        ((value, (growth, quote, around)),) = found.items()
        baseline: dict[str, object] = {"year": layout.year - 1, "value": toml_number(value)}
        if growth is not None:
            baseline["growth"] = toml_number(growth)
        target.baseline = baseline
        target.notes.append(_("baseline from the review: “{quote}”").format(quote=quote))
        if around:
            target.review.append(
                _(APPROXIMATE_REVIEW).format(
                    value=toml_number(value), unit=target.unit, quote=quote
                )
            )
