"""One target of the report's summary in words: its figure, against what bound (the plan's,
or an adjusted one beside it: 原计划), and what it takes (余下月份需增长…), in both languages.
`summary` builds its paragraphs of these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from plancli.assess import AssessmentOut
from plancli.fmt import halfway_clause, num, stated
from plancli.i18n import Lang
from plancli.part_year import UNJUDGED_PARTS
from plancli.periods import parse_period
from plancli.report.around_margin import beyond_stated, with_plan
from plancli.report.fall_points import change_falls
from plancli.report.model import Report
from plancli.report.overview_words import done_late
from plancli.report.pace import pace_phrase
from plancli.report.pending import pending_judgement, pending_sentence
from plancli.report.phrases import (
    RATE_NAMES,
    aim_phrase,
    bound_phrase,
    difference,
    dropped_phrase,
    en_lead,
    figure_of,
    judged_phrase,
    own_bound,
    part_year_phrase,
    percent,
    percent_unit,
    points,
    range_phrase,
    range_top,
    rate_fall,
    stated_bound,
    trend_phrase,
    unit_of,
)
from plancli.report.relations import relation_info, relation_phrase
from plancli.report.rest_pace import rest_text
from plancli.report.text import figure_notes, year_over, zh_period
from plancli.report.when import other_period, other_period_en, rate_figure
from plancli.report.yearend import exceeded, judged_goal, opened, overdue
from plancli.report.yearfigure import unjudged_growth, year_figure_note


class SentenceWriter:
    """The sentences of one report's targets, one each (`sentence`), in one language."""

    def __init__(self, report: Report, lang: Lang) -> None:
        self.report = report
        self.lang = lang
        self.zh = lang == "zh"
        self.by_id = {a.id: a for a in report.assessments}
        self.adjusted = {adjustment.id: adjustment for adjustment in report.adjustments}
        self.over = year_over(report)  # the year's final period: results, not pace
        self.alone = set(report.alone)  # quotes stating a bare figure (增长2%)

    def _plan(self, a: AssessmentOut) -> AssessmentOut | None:
        """`a` with the plan's own bound, where a mid-year adjustment (年中调整) is in force."""
        adjustment = self.adjusted.get(a.id)
        if adjustment is None or a.amended_from is None:
            return None
        return replace(
            a,
            min=adjustment.plan_min,
            max=adjustment.plan_max,
            around=adjustment.plan_around,
            stretch=adjustment.plan_stretch,
            stretch_is_range_top=adjustment.plan_stretch_is_range_top,
        )

    def _was(self, a: AssessmentOut, bare: str = "") -> str:
        """An adjusted target's plan bound as stated; `bare`: the min, max or around wanted."""
        plan, adjustment = self._plan(a), self.adjusted.get(a.id)
        assert plan is not None and adjustment is not None
        issuer = self.report.issuers.get(a.id)  # 原计划待省下达
        return stated_bound(plan, adjustment.plan_alone, bare, self.zh, issuer)

    def plan_goal(self, a: AssessmentOut) -> str:
        """The plan's amount of a target whose amount was adjusted mid-year (115个), else ""."""
        if self._plan(a) is None:
            return ""
        return self._was(a, "around" if a.around is not None else "min")

    def _adjusted(self, a: AssessmentOut) -> tuple[str, str]:
        """(调整后 / adjusted , the plan's bound after 原计划 / plan:) for an adjusted bound."""
        if self._plan(a) is None:
            return "", ""
        return ("调整后" if self.zh else "adjusted "), self._was(a)

    # ----------------------------------------------------------------- one target each

    def sentence(self, a: AssessmentOut) -> str:
        """One target in words: its figure, against what, and what it takes."""
        name = a.name if self.zh else a.name_en
        if a.reason in UNJUDGED_PARTS:  # 夏粮 for 粮食产量, PM2.5 for 1-3月: shown, not judged
            return self._end(part_year_phrase(a, name, self.zh))
        if a.reason == "year_figure" or unjudged_growth(a, self.over):  # no year-end result
            known = a.kind == "relative" and a.reference_actual is not None  # compared, unjudged
            info = self._relation(a, relation_info) if known else ""
            return self._end(self._lead(a, name) + info + year_figure_note(a, self.zh))
        if a.actual is None:
            return self._without_figure(a, name)
        if a.kind == "milestone":
            body = self._milestone(a, name)
        elif a.kind in ("cumulative", "ongoing") and a.completion is not None:
            body = self._cumulative(a, name)
        else:
            body = self._lead(a, name) + self._judgement(a)
        # how old the figure is and, for a partial sum, that it is one (the leader cannot see it)
        notes = figure_notes(a, self.report, self.lang)
        if a.status == "tracked" and notes.startswith(
            ("（", " (")
        ):  # one bracket: （跟踪指标，数据截至…） (audit R, D10)
            body, notes = body[:-1], ("，" if self.zh else "; ") + notes.lstrip(" (（")
        return self._end(body + notes)

    def _lead(self, a: AssessmentOut, name: str) -> str:
        """The name and its figure: 地区生产总值累计增长5%, New urban jobs: 52 万人."""
        movement = self._movement(a)
        if self.zh and (fall := rate_fall(a, name)):  # 居民消费价格下降0.3%, not 涨幅为-0.3%
            return fall
        if self.zh:
            return name + movement
        if movement.startswith(f"{self._is} "):  # any name's number: "New urban jobs: 52"
            return en_lead(name) + movement.removeprefix(f"{self._is} ")
        return f"{name} {movement}"

    def _end(self, body: str) -> str:
        if self.zh:
            return body + "。"
        return body[:1].upper() + body[1:] + "."

    def _without_figure(self, a: AssessmentOut, name: str) -> str:
        if a.status == "dropped":  # 社会消费品零售总额自2022年6月起不再考核（年中调整：…）
            return self._end(f"{name}{'' if self.zh else ': '}{dropped_phrase(a, self.zh)}")
        if a.status == "pending":  # at the year's end, never given: 全年未下达目标 (audit T, D3)
            issuer = self.report.issuers.get(a.id)
            return self._end(pending_sentence(name, issuer, self.zh, self.over))
        if self.over:  # a closed year: no figure came, none is "yet" to come
            return self._end(
                f"{name}全年无数据" if self.zh else f"no figure for the year for {name}"
            )
        return self._end(f"{name}尚无数据" if self.zh else f"no data yet for {name}")

    # What the figure is: 累计增长5%, 为4.2%, …
    def _movement(self, a: AssessmentOut) -> str:
        value = a.actual
        assert value is not None
        year_end = a.period is not None and parse_period(a.period).is_final
        if a.kind in ("growth", "relative", "trend") or (a.kind == "indicator" and percent_unit(a)):
            # A decline's `actual` is the fall (下降3.8% judged on 3.8); others are the growth.
            rising = value < 0 if a.decline else value >= 0
            size = stated(abs(value))
            # The year's amount, as the bureau states a result: 地区生产总值1505亿元，增长4.5%
            held = a.amount if year_end and not a.name.endswith(RATE_NAMES) else None
            # a quarterly figure in a monthly report: its own period (前三季度), not 累计
            part = "" if a.stale else other_period(a, self.report.as_of)
            signed = size if rising else f"-{size}"
            if rate := rate_figure(a, self.report.as_of, self.zh, self._is, signed):
                return rate  # 经济增长为5.3%, not 经济增长累计增长5.3%
            if self.zh:
                lead = part or ("" if year_end else "累计")
                lead = f"{stated(held)}{a.unit}，" if held is not None else lead
                return f"{lead}{'增长' if rising else '下降'}{size}%"
            verb = "grew" if rising else "fell"
            to = f" to {stated(held)} {a.unit}" if held is not None else ""
            part = "" if a.stale else other_period_en(a, self.report.as_of)
            return f"{verb} {size}%{to}" + (
                f" in {part}" if part else ("" if year_end else " year to date")
            )
        if a.kind == "change":
            level = a.recorded if a.recorded is not None else value
            up = value >= 0
            change = num(abs(value))
            if self.zh:
                moved = "提高" if up else "下降"
                return f"为{num(level)}{unit_of(a, self.zh)}，比上年{moved}{change}个百分点"
            moved = "up" if up else "down"
            level_text = f"{num(level)}{unit_of(a, self.zh)}"
            return f"{self._is} {level_text}, {moved} {change} pp on the year before"
        figure = figure_of(a, value, self.zh)  # (为Ⅱ类, not 为2类)
        return f"为{figure}" if self.zh else f"{self._is} {figure}"

    @property
    def _is(self) -> str:  # the year-end report is in the past, as grew and fell (audit Y, D8)
        return "was" if self.over else "is"

    # Against what: 低于目标2个百分点, 达到5%—5.5%的目标并实现争取目标, …
    def _judgement(self, a: AssessmentOut) -> str:
        if a.status == "pending":
            return pending_judgement(self.report.issuers.get(a.id), self.zh, self.over)
        if a.status == "tracked":
            return "（跟踪指标）" if self.zh else " (a tracked indicator, not judged)"
        if a.status == "dropped":
            return ("，" if self.zh else "; ") + dropped_phrase(a, self.zh)
        if a.kind == "relative":
            return self._relation(a)
        if a.kind == "trend":
            return trend_phrase(a, self.zh)
        satisfied = a.status in ("met", "on_track")
        bound = self._bound(a)
        text = ""
        if satisfied:
            text = self._satisfied(a, bound)
        elif a.gap is not None and a.gap > 0:
            text = self._short(a, bound)
        else:
            adjusted, was = self._adjusted(a)
            if self.zh:
                text = f"，未实现{adjusted}{bound}的目标" + (f"（原计划{was}）" if was else "")
            else:
                text = f", short of the {adjusted}target ({bound}" + (
                    f"; plan: {was})" if was else ")"
                )
        if a.required_growth_rest is not None:
            rest = rest_text(a, self.lang, "sentence")  # 即可达到5% ahead, else 需增长…
            text += f"，{rest}" if self.zh else f"; {rest}"
        return text

    def _bound(self, a: AssessmentOut) -> str:
        """The bound as the plan states it (`own_bound`); an adjusted one as `bound_phrase`."""
        if self._plan(a) is not None:
            return bound_phrase(a, self.zh)
        return own_bound(a, a.id in self.alone, self.zh)

    def _satisfied(self, a: AssessmentOut, bound: str) -> str:
        assert a.actual is not None
        plain_floor = (
            a.direction == "up" and a.around is None and a.stretch is None and a.min is not None
        )
        plain_ceiling = (
            a.direction == "down" and a.around is None and a.stretch is None and a.max is not None
        )
        pts = points(a, self.zh)
        adjusted, was = self._adjusted(a)
        if plain_floor and not a.decline and a.min is not None and a.actual > a.min:
            margin = num(a.actual - a.min)
            if bound in ("正增长", "positive growth") and not adjusted:  # no figure to be above
                return "，实现正增长" if self.zh else ", positive growth achieved"
            if not adjusted:
                return (
                    f"，高于目标{margin}{pts}"
                    if self.zh
                    else f", {difference(a.actual - a.min, a, False)} above the target ({bound})"
                )
            if self.zh:  # 高于调整后目标（6%以上，原计划7%）0.5个百分点: as when below it
                return f"，高于调整后目标（{bound}，原计划{was}）{margin}{pts}"
            margin = difference(a.actual - a.min, a, False)
            return f", {margin} above the adjusted target ({bound}; plan: {was})"
        if plain_ceiling and not a.decline and a.max is not None and not change_falls(a):
            ceiling = figure_of(a, a.max, self.zh)
            if adjusted:
                was = self._was(a, "max")
            if a.max == 0 and not adjusted and not percent_unit(a):  # 动态清零: no 0户的控制目标
                return "，保持清零" if self.zh else ", kept at zero"
            if self.zh:  # 5% at a ceiling of 5%: not 低于 it, there is no headroom left
                below = "低于" if a.actual < a.max else "未超过"
                return f"，{below}{adjusted}{ceiling}的控制目标" + (
                    f"（原计划{was}）" if was else ""
                )
            return f", within the {adjusted}ceiling of {ceiling}" + (
                f" (plan: {was})" if was else ""
            )
        text = (
            f"，达到{adjusted}{bound}的目标"
            if self.zh
            else f", meeting the {adjusted}target of {bound}"
        )
        if range_top(a):  # 5%—5.5%，努力争取更好结果: 5.5 is no 争取 line
            text = range_phrase(a, bound, adjusted, self.zh)
        elif (beyond := beyond_stated(a, bound, adjusted, self.zh)) is not None:
            text = beyond  # 失业率5.8% for 5.5%左右: 高于…0.3个百分点，在合理区间内（按6%以内考核）
        elif a.around is not None and a.direction == "down":  # 5.5% or below for 5.5%左右: 符合
            # beyond the tolerance, 3.4% is not 4.5%左右: 低于, as under a plain ceiling
            under = a.tolerance is not None and a.actual < a.around - a.tolerance
            text = (
                f"，{'低于' if under else '符合'}{adjusted}{bound}的控制目标"
                if self.zh
                else f", {'below' if under else 'in line with'} the {adjusted}ceiling of {bound}"
            )
        elif a.around is not None and (a.direction == "band" or a.actual < a.around):
            in_line = f"in line with the {adjusted}target of {bound}"  # CPI 2.3% for 2%左右
            text = f"，符合{adjusted}{bound}的目标" if self.zh else f", {in_line}"  # not 达到
            if a.id in self.alone and not adjusted:  # 2%的目标（按1.5%—2.5%考核）: no 左右
                judged = judged_phrase(a, self.zh)
                text += f"（按{judged}考核）" if self.zh else f" (judged as {judged})"
        # 并实现争取目标…
        text += aim_phrase(a, self.zh, a.id in self.report.stretch_over, self.over)
        return with_plan(text, was, self.zh)  # （按3.5%以上考核，原计划5%左右）: one bracket

    def _short(self, a: AssessmentOut, bound: str) -> str:
        assert a.actual is not None and a.gap is not None
        gap = difference(a.gap, a, self.zh)
        below = a.low is not None and a.actual < a.low
        adjusted, was = self._adjusted(a)
        stated = f"{bound}; plan: {was}" if was else bound
        if a.around is not None:
            return self._off_around(a, bound, adjusted, was)
        if bound in ("正增长", "positive growth"):  # 下降1.5%: not "低于目标1.5个百分点"
            return "，未实现正增长的目标" if self.zh else ", short of the target (positive growth)"
        if a.decline or a.direction == "band":
            return self._short_of(gap, adjusted, bound, was, stated)
        if range_top(a) and below:  # 4.4 for 4.5%—5%: from the range's bottom (audit S D10)
            plan = (f"（原计划{was}）" if self.zh else f" (plan: {was})") if was else ""
            if self.zh:
                return f"，低于{adjusted}{bound}的目标区间下沿{plan}{gap}"
            return f", {gap} below the bottom of the {adjusted}target range of {bound}{plan}"
        if self.zh and a.kind == "level" and a.direction == "down" and a.max and not below:
            plan = f"（原计划{self._was(a, 'max')}）" if adjusted else ""  # not a floor's 高于目标
            return f"，高于{adjusted}{figure_of(a, a.max, True)}的控制目标{plan}{gap}"
        if self.zh:
            which = f"调整后目标（{bound}，原计划{was}）" if was else "目标"
            return f"，{'低于' if below else '高于'}{which}{gap}"
        return f", {gap} {'below' if below else 'above'} the {adjusted}target ({stated})"

    def _short_of(self, gap: str, adjusted: str, bound: str, was: str, stated: str) -> str:
        """，距调整后下降3%以上的目标（原计划…）差1.5个百分点 / , 1.5 pp short of the target."""
        if self.zh:
            return f"，距{adjusted}{bound}的目标" + (f"（原计划{was}）" if was else "") + f"差{gap}"
        return f", {gap} short of the {adjusted}target ({stated})"

    def _off_around(self, a: AssessmentOut, bound: str, adjusted: str, was: str) -> str:
        """Outside a 左右 target's tolerance: the tables' gap, to the edge it is judged at, named
        (4.8% against 5.5%左右: 低于5.5%左右的目标（按5%以上考核）0.2个百分点; not 0.7, to 5.5)."""
        assert a.actual is not None and a.gap is not None
        gap = difference(a.gap, a, self.zh)
        judged, why = judged_phrase(a, self.zh), halfway_clause(a, self.zh)
        if self.zh:
            note = f"（按{judged}考核{why}" + (f"，原计划{was}" if was else "") + "）"
        else:
            note = f"{bound}, judged as {judged}{why}" + (f"; plan: {was}" if was else "")
        if a.decline:  # 下降3.8%左右: the fall is short of it
            if self.zh:
                return f"，距{adjusted}{bound}的目标{note}差{gap}"
            return f", {gap} short of the {adjusted}target ({note})"
        below = a.low is not None and a.actual < a.low
        # a ceiling (失业率5.5%左右) is a 控制目标 / ceiling in every sentence, over it too
        ceiling = a.direction == "down"
        if self.zh:
            which = f"{adjusted}{bound}的{'控制' if ceiling else ''}目标"
            return f"，{'低于' if below else '高于'}{which}{note}{gap}"
        what = "ceiling" if ceiling else "target"
        return f", {gap} {'below' if below else 'above'} the {adjusted}{what} ({note})"

    def _relation(self, a: AssessmentOut, phrase: Callable[..., str] = relation_phrase) -> str:
        reference = self.by_id.get(a.reference or "")
        ref_name = a.reference or ""
        if reference is not None:
            ref_name = reference.name if self.zh else reference.name_en
        if a.reference_actual is None:
            return (
                f"，{ref_name}同期尚无数据"
                if self.zh
                else f"; {ref_name} is not yet out for {a.period}"  # as the tables say it
            )
        if part := other_period(a, self.report.as_of):  # not the report's: 同期（前三季度）
            ref_name = f"同期（{part}）{ref_name}" if self.zh else ref_name
        if part and not self.zh:
            ref_name += f" in {other_period_en(a, self.report.as_of)}"
        return phrase(a, ref_name, self.zh)

    def _cumulative(self, a: AssessmentOut, name: str) -> str:
        assert a.actual is not None
        unit = unit_of(a, self.zh)
        goal = a.around if a.around is not None else a.min
        goal_text = judged_goal(a, f"{num(goal)}{unit}" if goal is not None else "—", self.zh)
        completion = percent(a.completion)
        opening = a.base if opened(a) else None  # a stock's level at the year's start
        adjusted, was = self._adjusted(a)
        if adjusted:
            was = self._was(a, "around" if a.around is not None else "min")
        # the year's own figure: 完成60亿元, not 累计; over 100 % at the year's end, 超额完成
        full = a.period is not None and parse_period(a.period).is_final
        over = self.over and exceeded(a)
        if self.zh:
            goal_text += f"，原计划{was}" if was else ""
            if opening is not None:  # the year's rise from 90.8: not 完成年度目标（100%）的45.65%
                start, rate = f"{num(opening)}{unit}", percent_unit(a)
                task = f"{adjusted}年度{'提升' if rate else '新增'}任务（目标{goal_text}）"
                moved = "提高到" if rate else "增加到"
                text = f"{name}由年初{start}{moved}{stated(a.actual)}{unit}，完成{task}的"
            else:
                verb = "完成" if full else "累计完成"
                text = (
                    f"{name}{verb}{stated(a.actual)}{unit}，完成{adjusted}年度目标（{goal_text}）的"
                )
            text += completion
            if a.status == "met":
                return text + ("，超额完成全年目标" if over else "，已完成全年目标")
        else:
            # after a colon, which agrees with any name ("New urban jobs stands at": audit E, D6)
            text = f"{en_lead(name)}{stated(a.actual)}{unit}"
            if opening is not None:  # the year's rise from the opening stock, not of the level
                rise = "rise" if percent_unit(a) else "increase"
                text += f", up from {num(opening)}{unit} "
                text += f"at the year's start: {completion} of the year's {rise} to the "
            else:
                text += " for the year" if full else ("" if self.over else " so far")
                text += f", {completion} of the year's "
            text += f"{adjusted}{goal_text}" + (f" (plan: {was})" if was else "")
            if a.status == "met":
                return text + (
                    ", the year's target exceeded"
                    if over
                    else f", {'' if self.over else 'already '}meeting the year's target"  # D11
                )
        return text + pace_phrase(a, self.report, self.zh, self.over)

    def _milestone(self, a: AssessmentOut, name: str) -> str:
        assert a.actual is not None
        if a.status == "met":
            # a name is often a clause (… lands in Guandu, … started): not "… is done"
            late = done_late(a, self.zh, self.report.done_in)  # 节点时间 (audit Y D3)
            return f"{name}已完成{late}" if self.zh else f"{name}{late or ' (done)'}"
        done = f"{stated(a.actual)}%"
        text = f"{name}完成{done}" if self.zh else f"{en_lead(name)}{done} done"
        text += pace_phrase(a, self.report, self.zh, self.over)
        if a.due and not overdue(a, self.report):
            text += f"（节点{zh_period(a.due)}）" if self.zh else f" (due {a.due})"
        return text
