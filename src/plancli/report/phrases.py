"""The summary's words for a bound, unit, relation: 7%以上, 5%左右, 个百分点, 基本同步."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from plancli import unit_words
from plancli.assess import AssessmentOut
from plancli.fmt import num, stated
from plancli.periods import applies_from
from plancli.report.fall_points import as_fall, change_unit
from plancli.report.pending import pending_words


def bound_phrase(a: AssessmentOut, zh: bool, issuer: str | None = None) -> str:
    """The bound as the report words it: 7%以上, 5%左右, 5%—5.5%, 4.8%以内, 正增长; a pending
    one as waiting for the level its quote names (`issuer`: 待省下达)."""
    a = as_fall(a)  # 下降0.2个百分点, not -0.2个百分点以内
    unit = change_unit(a, zh) or unit_of(a, zh)

    def figure(value: Decimal) -> str:
        return unit_words.class_text(value, a.unit) or f"{num(value)}{unit}"  # (Ⅱ类)

    low, high, around, stretch = a.min, a.max, a.around, a.stretch
    if low is None and high is None and around is None:
        return pending_words(issuer, zh)
    if around is not None:
        text = f"{figure(around)}左右" if zh else f"about {figure(around)}"
        if stretch is not None:
            text += f"（争取{figure(stretch)}）" if zh else f" (aiming at {figure(stretch)})"
    elif low is not None and high is not None:
        dash = "—" if zh else "–"
        text = figure(low) if low == high else f"{figure(low)}{dash}{figure(high)}"
    elif range_top(a) and low is not None and stretch is not None:  # 5%—5.5%，努力争取更好结果
        text = f"{figure(low)}—{figure(stretch)}" if zh else f"{figure(low)}–{figure(stretch)}"
    elif low is not None:
        if a.exclusive and low == 0 and a.kind == "growth" and not a.decline:
            text = "正增长" if zh else "positive growth"
        elif a.exclusive:
            text = f"高于{figure(low)}" if zh else f"above {figure(low)}"
        elif full_share(a, low):  # 装灯率达100%: a share cannot pass it, never 100%以上
            text = figure(low)
        else:
            text = f"{figure(low)}以上" if zh else f"at least {figure(low)}"
    else:
        assert high is not None
        if a.exclusive:
            text = f"低于{figure(high)}" if zh else f"below {figure(high)}"
        else:
            text = f"{figure(high)}以内" if zh else f"at most {figure(high)}"
        if stretch is not None:
            text += f"（争取{figure(stretch)}）" if zh else f" (aiming at {figure(stretch)})"
    if a.decline:
        text = f"下降{text}" if zh else f"a fall of {text}"
    return text


def full_share(a: AssessmentOut, low: Decimal) -> bool:
    """Is a floor all of a share (装灯率 min = 100 %)? Reached, never passed: 达到100%的目标."""
    return low == 100 and percent_unit(a) and a.kind != "change" and not a.decline


def stated_bound(
    plan: AssessmentOut, alone: bool, bare: str, zh: bool, issuer: str | None = None
) -> str:
    """The plan's bound of an adjusted target (`plan`: the assessment with the plan's own
    bound) as the plan states it, in every sentence: its one figure alone where its quote writes
    it so (`alone`: 社零 增长7% → 原计划7%), else as the report words a bound (GDP 增长7%以上 →
    原计划7%以上; 7%左右); never the one for the other (audit Y, D6); `bare`: min or max."""
    plan = as_fall(plan)
    figure = plan.min if plan.max is None else (plan.max if plan.min is None else None)
    if (
        alone
        and figure is not None
        and (not bare or figure == getattr(plan, bare))
        and plan.around is None
        and plan.stretch is None
        and not plan.exclusive
    ):
        text = figure_of(plan, figure, zh, change_unit(plan, zh))
        return (f"下降{text}" if zh else f"a fall of {text}") if plan.decline else text
    return bound_phrase(plan, zh, issuer)


def own_bound(a: AssessmentOut, alone: bool, zh: bool) -> str:
    """A bound not adjusted, as the plan states it (audit M, D8; audit K, D10): its one figure
    alone where the quote writes it so (增长2% → 达到2%的目标, never 2%以上), a band around a bare
    figure too (居民消费价格涨幅2% → 2%, its edges said beside it: `judged_phrase`); else as
    `bound_phrase` words it (7%以上, 5%左右)."""
    a = as_fall(a)
    if alone and a.around is not None and a.stretch is None and not a.exclusive:
        text = figure_of(a, a.around, zh, change_unit(a, zh))
        return (f"下降{text}" if zh else f"a fall of {text}") if a.decline else text
    return stated_bound(a, alone, "", zh)


def range_top(a: AssessmentOut) -> bool:
    """Is the stretch the top of a range the plan states (浙江 增长5%—5.5%，努力争取更好结果 →
    min 5, stretch 5.5; forms.md), not a 争取X% of its own (7%以上，力争8%; 5%左右（争取6%）;
    4%以内（争取3.5%）)? The plan's quote says which (`stretch_is_range_top`, carried by the
    assessment). `bound_phrase` writes such a bound as the range (5%—5.5%)."""
    return (
        a.stretch_is_range_top
        and a.around is None
        and a.max is None
        and a.min is not None
        and a.stretch is not None
    )


def range_phrase(a: AssessmentOut, bound: str, adjusted: str, zh: bool) -> str:
    """Where a figure stands in a range with 争取更好结果, as the plan states it: 处于5%—5.5%的目标
    区间内 (5.2), 达到…的目标区间上沿 (5.5), 超过…的目标区间上沿0.3个百分点 (5.8); never "5.5%的
    争取目标", which the plan does not set (audit P, D6)."""
    assert a.actual is not None and a.stretch is not None
    over = a.actual - a.stretch
    if zh:
        where = f"{adjusted}{bound}的目标区间"
        if over < 0:
            return f"，处于{where}内"
        return f"，达到{where}上沿" if over == 0 else f"，超过{where}上沿{difference(over, a, zh)}"
    where = f"the {adjusted}target range of {bound}"
    if over < 0:
        return f", within {where}"
    return (
        f", at the top of {where}"
        if over == 0
        else f", {difference(over, a, zh)} beyond the top of {where}"
    )


def rest_goal(a: AssessmentOut) -> str | None:
    """What the rest of the year's growth (`required_growth_rest`) reaches where it is not the
    bound the figure is judged at: an X左右's X (湖北 5.5%左右, judged from 5%: 方能达到5.5%)."""
    if a.around is None or a.required_growth_rest is None or a.kind != "growth":
        return None
    return f"{stated(a.around)}%"


def aim_phrase(a: AssessmentOut, zh: bool, over: bool = False, year_over: bool = False) -> str:
    """A 争取X% the plan states, after a satisfied bound: 并实现争取目标, or ，尚未实现6%的争取目标;
    nothing for the top of a range (`range_top`: `range_phrase` says where the figure is). An
    aim `over` its figure (`stretch_exclusive`: 力争比去年实现更多增长) is 高于1350.97亿斤. The
    year over (`year_over`), no aim is "not yet" one: ，未实现… / but not its higher aim
    (audit R, D13)."""
    if range_top(a) or a.stretch is None or a.stretch_met is None:
        return ""
    if a.stretch_met:
        return "并实现争取目标" if zh else " and its higher aim"
    aim = f"{'高于' if zh else 'more than '}{stated(a.stretch)}{unit_of(a, zh)}" if over else ""
    aim = aim or f"{stated(a.stretch)}{unit_of(a, zh)}"
    if year_over:
        return f"，未实现{aim}的争取目标" if zh else f", but not its higher aim of {aim}"
    return f"，尚未实现{aim}的争取目标" if zh else f", not yet its higher aim of {aim}"


def judged_phrase(a: AssessmentOut, zh: bool) -> str:
    """Where a 左右 target is judged: the edges of its tolerance as a bound, 5%以上 (5.5%左右
    as a floor), 6%以内 (as a ceiling), 1.5%—2.5% (CPI 2%左右), 下降3.3%以上 (下降3.8%左右)."""
    edges = replace(a, min=a.low, max=a.high, around=None, stretch=None, exclusive=False)
    return bound_phrase(edges, zh)


def percent_unit(a: AssessmentOut) -> bool:
    return a.unit.strip() in ("%", "％")


# Chinese measure words (量词) that plans give as a count's unit: English prose writes the
# count alone ("36, target at least 39"), never "36 个". Real units (亿元, 万人, km, %) stay.
# Kept in the one table of units (`unit_words`), with their English glosses.
MEASURE_WORDS = unit_words.MEASURE_WORDS


def english_unit(a: AssessmentOut) -> str:
    """The target's unit in English prose: none for a count in Chinese measure words."""
    unit = a.unit.strip()
    return "" if unit in MEASURE_WORDS else unit


def unit_of(a: AssessmentOut, zh: bool) -> str:
    """`%` for percentage figures, else the target's unit (a space before it in English, and
    none for a count in measure words: 36, not 36 个)."""
    if a.kind in ("growth", "relative", "trend", "milestone") or percent_unit(a):
        return "%"
    if zh:
        return a.unit
    return f" {english_unit(a)}" if english_unit(a) else ""


def figure_of(a: AssessmentOut, value: Decimal, zh: bool, unit: str | None = None) -> str:
    """`value` with its unit (`unit`, else `unit_of`); a water class as reports write it, Ⅱ类
    (the summary said 2 类 beside a bound of ≤ Ⅲ类)."""
    return unit_words.class_text(value, a.unit) or f"{stated(value)}{unit or unit_of(a, zh)}"


def points(a: AssessmentOut, zh: bool) -> str:
    """The unit of a difference: percentage points for percentages, else the unit (none in
    English for a count in measure words)."""
    if a.kind in ("growth", "relative", "trend", "change") or percent_unit(a):
        return "个百分点" if zh else "pp"
    return a.unit if zh else english_unit(a)


def difference(value: Decimal, a: AssessmentOut, zh: bool) -> str:
    """A difference with its unit: 0.8个百分点, 0.8 pp, 3 万人, 5 (a count in English)."""
    unit = points(a, zh)
    return f"{num(value)}{unit}" if zh or not unit else f"{num(value)} {unit}"


def en_lead(name: str) -> str:
    """A name before its figure in English, after which no verb must agree with it (`New urban
    jobs: 52 万人`, never `New urban jobs stands at`: audit E, D6); a dash after a name that
    holds a colon of its own (`…projects: 2022 planned investment — 22.9 亿元`)."""
    return f"{name} — " if ":" in name else f"{name}: "


def en_period(code: str) -> str:
    """June 2022, Q2 2022, the first half of 2022, 2022: a period in English prose."""
    from plancli.periods import parse_period

    period = parse_period(code)
    if period.granularity == "M":
        return f"{MONTHS_EN[period.index - 1]} {period.year}"
    if period.granularity == "Q":
        return f"Q{period.index} {period.year}"
    if period.granularity == "H":
        return f"the {'first' if period.index == 1 else 'second'} half of {period.year}"
    return str(period.year)


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def percent(share: Decimal | None) -> str:
    return "—" if share is None else f"{num(share * 100)}%"


def rate_fall(a: AssessmentOut, name: str) -> str:
    """A level's or tracked indicator's rate below zero as the bulletin writes it (涨幅 -0.3:
    居民消费价格下降0.3%, never 涨幅为-0.3%: audit R, D3; 山东's CPI); "" for other figures."""
    rate = name.endswith(("涨幅", "增幅")) and a.kind in ("level", "indicator") and percent_unit(a)
    if not rate or a.actual is None or a.actual >= 0:
        return ""
    return f"{name[:-2]}下降{stated(-a.actual)}%"


def and_(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def dropped_phrase(a: AssessmentOut, zh: bool) -> str:
    """A target dropped at the mid-year adjustment (`amend --drop`): 自2022年6月起不再考核（年中
    调整：区人大常委会批准）."""
    from plancli.report.text import zh_period

    period, note = applies_from(a.amended_from or ""), a.amendment_note
    if zh:
        return f"自{zh_period(period)}起不再考核（年中调整" + (f"：{note}）" if note else "）")
    why = f" (mid-year adjustment: {note})" if note else " (mid-year adjustment)"
    return f"no longer judged from {en_period(period) if period else period}{why}"


def part_year_phrase(a: AssessmentOut, name: str, zh: bool) -> str:
    """A figure for part of the year not judged (reason part_year, year_average), dated: 粮食产量
    2026年上半年为760.5亿斤（年内阶段数据），目标1300亿斤以上按全年数据考核; a year's average
    as the year so far, and when its year's figure comes: 细颗粒物年均浓度2026年1-3月累计为
    45微克/立方米，目标29微克/立方米左右按全年数据考核，全年数据待年底发布 (尚未发布 once
    a later period is reported: docs/report.md)."""
    from plancli.report.text import zh_period

    assert a.actual is not None and a.period is not None
    shown, bound = f"{stated(a.actual)}{unit_of(a, zh)}", bound_phrase(a, zh)
    if a.reason == "year_average":
        return _so_far(a, name, shown, bound, zh)
    if zh:
        return f"{name}{zh_period(a.period)}为{shown}（年内阶段数据），目标{bound}按全年数据考核"
    return (
        f"{en_lead(name)}{shown} in {en_period(a.period)}, a figure for part of the year; its "
        f"target ({bound}) is judged on the year's figure"
    )


def _so_far(a: AssessmentOut, name: str, shown: str, bound: str, zh: bool) -> str:
    """A year's average (PM2.5, 优良率) for the year so far: 2026年1-3月累计为45微克/立方米."""
    from plancli.periods import parse_period
    from plancli.report.text import zh_period

    assert a.period is not None
    period = parse_period(a.period)
    if zh:
        months = period.granularity == "M" and period.index > 1
        when = f"{period.year}年1-{period.index}月" if months else zh_period(a.period)
        due = "全年数据尚未发布" if a.stale else "全年数据待年底发布"
        return f"{name}{when}累计为{shown}，目标{bound}按全年数据考核，{due}"
    due = "not yet published" if a.stale else "due after the year's end"
    return (
        f"{en_lead(name)}{shown} in {en_period(a.period)}, the average so far; its "
        f"target ({bound}) is judged on the year's figure, {due}"
    )


# Names that are a rate already (经济增长, 全国固定资产投资增速, 居民消费价格涨幅): their figure is
# written 为5.3%, not 增长5.3%.
RATE_NAMES = ("增长", "增速", "涨幅", "增幅")
# …and in English (National fixed-asset investment growth is 2.8%, never "growth grew 2.8%").
RATE_NAMES_EN = (" growth", " rise", " increase")


def trend_phrase(a: AssessmentOut, zh: bool) -> str:
    """A trend target's verdict: ，实现继续下降 / ，未能保持稳定; as planned (a fall)."""
    direction = a.direction or "band"
    satisfied = a.status in ("met", "on_track")
    if zh:
        aim = {"up": "继续增长", "down": "继续下降", "band": "保持稳定"}[direction]
        return f"，实现{aim}" if satisfied else f"，未能{aim}"
    aim = {"up": "a rise", "down": "a fall", "band": "stability"}[direction]
    return f", as planned ({aim})" if satisfied else f", not the {aim.removeprefix('a ')} planned"
