"""Baselines from the review section: last year's growth (and amount, in the target's unit)
of a headline growth target, where the review states it once and unambiguously
("全市生产总值达到5.6万亿元左右、增长5.4%"); and last year's level, the stretch of a floor
whose clause aims above it (粮食产量1300亿斤以上、力争比去年实现更多增长 → 粮食产量1350.97亿斤).
Five-year figures (年均, 累计) are never taken."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.baseline_levels import review_gdp_amount
from plancli.extract.builder import ASPIRATION_NOTE
from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.review_levels import five_year_passages, in_passages
from plancli.extract.sections import Layout
from plancli.i18n import N_, _
from plancli.indicator_names import STANDARD_NAMES

ALIASES = {
    # not another series' 生产总值 (辽宁's review: 海洋生产总值增长6% beside 地区生产总值增长3.7%)
    "gdp": r"地区生产总值|全[省市区县州盟]生产总值|(?<![\u4e00-\u9fff])生产总值|经济总量",
    "budget_revenue": r"一般公共预算收入",
    "retail_sales": r"社会消费品零售总额",
    "fixed_asset_investment": r"固定资产投资",
    "industrial_value_added": r"规上工业增加值|规模以上工业增加值",
    "foreign_trade": r"进出口总值|进出口总额|外贸进出口",
    # the whole population's income, not the towns' or the villages' alone (城镇居民…, 农村…)
    "resident_income": r"(?<![镇村住])(?:全体)?居民人均可支配收入",
    "urban_income": r"城镇(?:常住)?居民人均可支配收入",
    "rural_income": r"农村(?:常住)?居民人均可支配收入",
}
# the measures whose growth a relation compares (居民收入增速高于经济增速): its baseline is the
# growth, as a growth target's is
_GROWTH_RELATIVES = frozenset({"resident_income", "urban_income", "rural_income"})
NUM = r"\d+(?:\.\d+)?"
_FIVE_YEAR = re.compile(r"年均|累计|五年|十四五|十三五")
# another scope of the measure: 扣除房地产开发投资后，固定资产投资增长2.7% is not the total's
# growth (甘肃 2026); nor 不含…, 剔除…, 除…外 (the standard 不含农户 scope is the measure itself)
_QUALIFIED = re.compile(r"扣除|剔除|排除|不含(?!农户)|不包括|除[^，,。；;]{1,24}(?:以)?外")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _qualified(parse: str, start: int, match: re.Match[str]) -> bool:
    """Whether the figure's sentence, up to the figure, narrows the measure to another scope."""
    head = parse[start : match.start()]
    ends = list(_SENTENCE_END.finditer(head))
    sentence = head[ends[-1].end() :] if ends else head
    return bool(_QUALIFIED.search(sentence + match.group(0)))


def review_baselines(
    parse: str, layout: Layout, targets: list[DraftTarget], words: str | None = None
) -> None:
    """The review's figures: last year's growth of a headline growth target, and last year's
    level a floor's 力争比去年… aims above (`last_years_stretch`). `words` is the report's
    text at the parse form's offsets: a note quotes the report's words (地区生产总值67665亿元，
    增长5.5%), not the parse form's (…亿元,增长…, which no search of the report finds)."""
    words = parse if words is None else words
    last_years_stretch(parse, layout, targets)
    review_growths(parse, layout, targets, words)


# a second relation of one measure (居民收入增速高于经济增速、高于全国平均水平): its own id, the
# measure's with the outside series' scope (builder._against_outside: resident_income_national)
_OUTSIDE_SUFFIX = re.compile(r"_(?:national|province|city)$")


def series_id(target: DraftTarget) -> str:
    """The id of the measure a target states: its own, or for a relation to an outside series
    the compared measure's (resident_income_national: resident_income, the same review growth)."""
    if target.kind == "relative" and (target.reference or "").startswith(
        ("national_", "province_", "city_")
    ):
        return _OUTSIDE_SUFFIX.sub("", target.id)
    return target.id


def compares_growth(target: DraftTarget) -> bool:
    """A growth, a relation of an income's growth, or a growth series the report states with
    no figure (河南's 进出口稳量提质: an indicator, recorded as the bulletin's growth)."""
    return (
        target.kind == "growth"
        or (target.kind == "relative" and series_id(target) in _GROWTH_RELATIVES)
        or (target.kind == "indicator" and target.shared and target.id in ALIASES)
    )


def review_growth_matches(
    parse: str, layout: Layout, target: DraftTarget
) -> list[tuple[re.Match[str], int]]:
    """The review's statements of the growth of `target`'s series, one a sentence (not a
    list's, a five-year figure's or another scope's), with their review span's start."""
    alias = ALIASES.get(series_id(target))
    if alias is None:
        return []
    pattern = re.compile(
        rf"(?:{alias})[^。;,]{{0,12}}?(?:({NUM})\s*(万亿元|亿元)[^。;]{{0,8}}?)?"
        rf"(?:同比|比上年)?增长\s*({NUM})\s*%"
    )
    found: list[tuple[re.Match[str], int]] = []
    for span in layout.review_spans():
        passages = five_year_passages(parse, span)
        for match in pattern.finditer(parse, span.start, span.end):
            window = parse[max(span.start, match.start() - 12) : match.end()]
            if "分别" in match.group(0) or in_passages(match.start(), passages):
                continue  # figures of a list (…分别增长: review_lists), or of the five years
            if not _FIVE_YEAR.search(window) and not _qualified(parse, span.start, match):
                found.append((match, span.start))
    return found


def review_growths(parse: str, layout: Layout, targets: list[DraftTarget], words: str) -> None:
    """Last year's growth of a target with a shared id, wherever the report states the target
    (the headline, or a work section's 社会消费品零售总额增长6％左右): the figure the review
    states once of the same indicator (社会消费品零售总额增长6％). A relation's measure
    (居民收入增速高于经济增速) takes its growth too."""
    if not layout.review_spans():
        return
    for target in targets:
        if not compares_growth(target) or target.baseline:
            continue
        found = review_growth_matches(parse, layout, target)
        growths = {m.group(3) for m, _ in found}
        if len(growths) != 1:
            continue  # none, or several figures: not unambiguous
        match = found[0][0]
        baseline: dict[str, object] = {"year": layout.year - 1}
        if match.group(1) and match.group(2) == target.unit:
            baseline["value"] = toml_number(Decimal(match.group(1)))
        baseline["growth"] = toml_number(Decimal(match.group(3)))
        target.baseline = baseline
        quote = words[match.start() : match.end()]
        target.notes.append(_("baseline from the review: “{quote}”").format(quote=quote))
        review_gdp_amount(parse, layout, target, words)


# a figure the review states of a span of years or of a run of them (粮食总产量连续9年稳定在
# 1300亿斤以上), not last year's
_NOT_LAST_YEARS = re.compile(r"年均|累计|五年|十四五|十三五|连续|稳定在|以上|以下|左右|多|余")
LAST_YEAR_STRETCH_NOTE = N_(
    "{clause}: above last year's {value}{unit} (the review: “{quote}”), the stretch; {floor}{unit} "
    "is the floor"
)
LAST_YEAR_STRETCH_REVIEW = N_(
    "stretch {value} is last year's figure, taken from the review (“{quote}”) for “{clause}”: "
    "check it is this indicator's, in the target's unit"
)
NO_LAST_YEAR_REVIEW = N_(
    "“{clause}” aims above last year's figure, which the review does not state once in {unit}: "
    "no stretch; add last year's figure as the stretch"
)
LOW_LAST_YEAR_REVIEW = N_(
    "“{clause}” aims above last year's figure, but the review's {value}{unit} (“{quote}”) is "
    "not above the floor {floor}{unit}: no stretch"
)


def last_years_stretch(parse: str, layout: Layout, targets: list[DraftTarget]) -> None:
    """粮食产量1300亿斤以上、力争比去年实现更多增长 (河南): the stretch is last year's output where
    the review states it once in the target's unit (粮食产量1350.97亿斤), its baseline too;
    else no stretch, and a review flag either way."""
    for target in targets:
        clause = target.last_year_aim
        if clause is None or target.min is None:
            continue
        found = _last_years_figures(parse, layout, target)
        values = {value for value, _ in found}
        if len(values) != 1:
            target.notes.append(_(ASPIRATION_NOTE).format(clause=clause))
            target.review.append(_(NO_LAST_YEAR_REVIEW).format(clause=clause, unit=target.unit))
            continue
        value, quote = found[0]
        shown, floor = toml_number(value), toml_number(target.min)
        if value <= target.min:
            target.notes.append(_(ASPIRATION_NOTE).format(clause=clause))
            target.review.append(
                _(LOW_LAST_YEAR_REVIEW).format(
                    clause=clause, value=shown, unit=target.unit, quote=quote, floor=floor
                )
            )
            continue
        target.stretch = value
        target.stretch_exclusive = True  # above last year: its figure again is no 更多增长
        if target.baseline is None:
            target.baseline = {"year": layout.year - 1, "value": shown}
        target.notes.append(
            _(LAST_YEAR_STRETCH_NOTE).format(
                clause=clause, value=shown, unit=target.unit, quote=quote, floor=floor
            )
        )
        target.review.append(
            _(LAST_YEAR_STRETCH_REVIEW).format(value=shown, quote=quote, clause=clause)
        )


def _last_years_figures(
    parse: str, layout: Layout, target: DraftTarget
) -> list[tuple[Decimal, str]]:
    """The review's figures of the target's indicator in its unit: 粮食产量1350.97亿斤."""
    names = {target.name, *STANDARD_NAMES.get(re.sub(r"_\d+$", "", target.id), ())}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    pattern = re.compile(
        rf"(?:{alternatives})[^,;。\d]{{0,6}}?(?:达到|达|为|实现|突破|超过)?\s*({NUM})\s*"
        rf"{re.escape(target.unit)}"
    )
    found: list[tuple[Decimal, str]] = []
    for span in layout.review_spans():
        for match in pattern.finditer(parse, span.start, span.end):
            before = parse[max(span.start, match.start() - 12) : match.start()]
            after = parse[match.end() : match.end() + 2]
            if _NOT_LAST_YEARS.search(match.group(0) + after) or _FIVE_YEAR.search(before):
                continue
            found.append((Decimal(match.group(1)), match.group(0)))
    return found


# a change target's base level: 常住人口城镇化率由52.23%提高到58.08% (its end), 达到67.5%,
# 达76.2%, 为60.5%, or the figure after the name (常住人口城镇化率60%)
_RISE = r"提高|提升|上升|增长|增加"
_RISE_TO = rf"(?:{_RISE}|升|增)(?:到|至)"
_REACHED = rf"(?:已经?)?(?:达到|达|为|{_RISE_TO})?"
_IN_YEAR = r"(?:(\d{4})年(?:底|末)?的?)?"
CHANGE_BASE_REVIEW = N_(
    "base level {value}{unit} is last year's, taken from the review (“{quote}”) for “{clause}”: "
    "check it is this indicator's level"
)
NO_CHANGE_BASE_REVIEW = N_(
    "“{clause}” is judged as the change from a base level the review does not state once: "
    "it cannot be judged until baseline.value (last year's level) is added"
)


def change_baselines(parse: str, layout: Layout, targets: list[DraftTarget]) -> None:
    """常住人口城镇化率提升1个百分点以上 (甘肃): a change target's records are levels, judged as
    the rise over its base level, last year's, where the review states it once (常住人口城镇化率
    由52.23%提高到58.08%: 58.08, never the five-year start); a review flag either way."""
    for target in targets:
        if target.kind != "change" or (target.baseline or {}).get("value") is not None:
            continue
        clause = parse[target.start : target.end]
        found = _last_years_levels(parse, layout, target)
        if len({value for value, _ in found}) != 1:
            target.review.append(_(NO_CHANGE_BASE_REVIEW).format(clause=clause))
            continue
        value, quote = found[0]
        shown = toml_number(value)
        target.baseline = {**(target.baseline or {}), "year": layout.year - 1, "value": shown}
        target.review.append(
            _(CHANGE_BASE_REVIEW).format(value=shown, unit=target.unit, quote=quote, clause=clause)
        )


def _last_years_levels(
    parse: str, layout: Layout, target: DraftTarget
) -> list[tuple[Decimal, str]]:
    """The review's levels of the target's indicator in its unit, stated as last year's: the
    end of 由X提高到Y (of 从2020年的X提升到2025年的Y where its year is last year's), 达到Y, 为Y."""
    # a work target's name may keep its verb (项目县耕种收综合机械化率提升)
    bare = re.sub(rf"(?:{_RISE})$", "", target.name)
    names = {target.name, bare, *STANDARD_NAMES.get(re.sub(r"_\d+$", "", target.id), ())}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    unit = "[%％]" if target.unit == "%" else re.escape(target.unit)
    pattern = re.compile(
        rf"(?:{alternatives})\s*(?:(?:由|从){_IN_YEAR}{NUM}\s*{unit}\s*{_RISE_TO}{_IN_YEAR}"
        rf"|{_REACHED})\s*({NUM})\s*{unit}"
    )
    found: list[tuple[Decimal, str]] = []
    for span in layout.review_spans():
        for match in pattern.finditer(parse, span.start, span.end):
            before = parse[max(span.start, match.start() - 12) : match.start()]
            before = _SENTENCE_END.split(before)[-1]
            after = parse[match.end() : match.end() + 2]
            end_year = match.group(2)
            if _NOT_LAST_YEARS.search(after) or _FIVE_YEAR.search(match.group(0)):
                continue
            if end_year is not None and int(end_year) != layout.year - 1:
                continue  # 从2015年的45%提升到2020年的52.23%: not last year's level
            if end_year is None and match.group(1) is None and _FIVE_YEAR.search(before):
                continue  # 年均…达到: a five-year figure
            found.append((Decimal(match.group(3)), match.group(0)))
    return found


# A standard raised from one figure to another (最低标准从每人每月2375元提高到2423元; 分别从
# 每人每月209元、280元提高到217元、290元; 标准每人每月2375元提高到2423元): the figures raised
# from, and those raised to.
_RAISE = re.compile(
    rf"(?:(?:从|由)(?P<olds>[^,，;；。从由]{{0,40}}?)|(?P<old>{NUM})\s*[^\d,，;；。、]{{0,3}}?)"
    r"(?:提高|提升|增加|扩大|上调|调整|降低|下降|减少)(?:到|至)(?P<news>[^,，;；。]{1,40})"
)


def raised_baselines(parse: str, layout: Layout, targets: list[DraftTarget]) -> None:
    """A level raised 从X提高到Y, its bound Y: X, the level now, is its baseline, last year's
    (the clause states it; a pair's 分别从X1、X2提高到Y1、Y2 gives each its own)."""
    for target in targets:
        bound = target.min if target.min is not None else target.max
        if target.kind != "level" or bound is None or target.baseline:
            continue
        for raise_ in _RAISE.finditer(parse, target.start, target.end):
            olds = re.findall(NUM, raise_.group("olds") or raise_.group("old"))
            news = [Decimal(n) for n in re.findall(NUM, raise_.group("news"))]
            if len(olds) == len(news) and bound in news:
                old = olds[news.index(bound)]
                target.baseline = {"year": layout.year - 1, "value": toml_number(Decimal(old))}
                break
