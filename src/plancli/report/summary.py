"""The report's written summary (文字说明): sentences a director reads before the tables.

Generated from the report model's figures, never judged again: each sentence says in words what
one row of the assessment says in numbers ("地区生产总值累计增长5%，低于目标2个百分点，余下月份
需增长8.72%。"). Chinese is written as the bureau writes it (full-width punctuation, no spaces
between figures and Chinese units, 项 for counts); English follows the same order.

The summary is data: paragraphs of plain sentences, unescaped. Markdown, HTML and the xlsx
summary sheet render it as they are; no template decides anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from plancli.assess import HEADLINE_SECTION, AssessmentOut
from plancli.assess.band_side import attention_groups, counts_in_order
from plancli.fmt import halfway_clause, num, stated
from plancli.i18n import Lang, t
from plancli.part_year import UNJUDGED_PARTS
from plancli.periods import parse_period
from plancli.report.around_margin import beyond_stated, with_plan
from plancli.report.fall_points import change_falls
from plancli.report.model import Report
from plancli.report.overview_words import (
    COUNT_ORDER,
    done_late,
    milestones_sentence,
    paced_sentence_en,
    paced_sentence_zh,
    status_verb,
    status_word_zh,
)
from plancli.report.pace import pace_phrase
from plancli.report.pending import pending_judgement, pending_sentence
from plancli.report.phrases import (
    MONTHS_EN,
    RATE_NAMES,
    aim_phrase,
    and_,
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
from plancli.report.text import dated, figure_notes, no_attention, year_over, zh_as_of, zh_period
from plancli.report.unreported import listed_without_figure, without_figure_sentence
from plancli.report.when import other_period, other_period_en, rate_figure
from plancli.report.yearend import (
    achieved,
    all_alike,
    counted_result,
    done_lead,
    exceeded,
    judged_goal,
    missed_item,
    opened,
    overdue,
    partial_counted,
)
from plancli.report.yearfigure import unjudged_growth, year_figure_note, year_figure_sentence


def _year_figure(a: AssessmentOut, named: set[str]) -> bool:
    """Is `a` a target without the year's figure (`yearfigure`) no headline sentence names?"""
    return a.reason == "year_figure" and a.id not in named and a.kind != "milestone"


# Targets needing attention are named in groups, at most this many each ("…等12项").
NAMED_AT_MOST = 8


@dataclass(frozen=True, slots=True)
class Summary:
    """Paragraphs: where things stand, the headline targets one sentence each (and the
    investment plan's total), at the year's end the other targets met, then the targets
    needing attention and the milestones."""

    overview: list[str]
    headline: list[str]
    attention: list[str]
    achieved: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[list[str]]:
        return [p for p in (self.overview, self.headline, self.achieved, self.attention) if p]

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]


def joined(sentences: Sequence[str], lang: Lang) -> str:
    """A paragraph: Chinese sentences follow each other directly, English ones after a space."""
    return ("" if lang == "zh" else " ").join(sentences)


def build_summary(report: Report, lang: Lang) -> Summary:
    if report.as_of is None:
        from plancli.ledger_read import no_figures_line

        return Summary([no_figures_line(report.strays, report.year, lang)], [], [])
    writer = _Writer(report, lang)
    # A reference without a figure that a relative target's sentence has just named
    # (固定资产投资累计增长5%，全国固定资产投资增速同期尚无数据。) is not said again on its own.
    named = {
        a.reference
        for a in report.headline
        if a.kind == "relative" and a.actual is not None and a.reference_actual is None
    }
    # A target without a figure is named once, in the list of those (`without_figure_sentence`),
    # not also alone ("No figure for the year for X." then X again: audit E, D12).
    headline = [
        writer.sentence(a)
        for a in (*report.headline, *(a for a in report.investment if a.parts))
        if a.actual is not None or (a.id not in named and not listed_without_figure(a))
    ]
    overview = [writer.overview(), partial_counted(report, writer.half(), writer.zh)]
    met: list[str] = []
    if year_over(report):  # the annual report names what was achieved (超额完成)
        said = {a.id for a in report.headline} | {a.id for a in report.investment if a.parts}
        met = achieved(report, said, writer.sentence, writer.zh, writer.plan_goal)
    return Summary([s for s in overview if s], headline, writer.attention(), met)


class _Writer:
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

    # ------------------------------------------------------------------------ overview

    def overview(self) -> str:
        report = self.report
        total = sum(report.counts.values())
        counts = counts_in_order(COUNT_ORDER, report.counts, report.assessments)  # 偏离目标区间
        progress = percent(report.time_progress)
        when = self._as_of_phrase()
        if len(counts) == 1 and total > 1:  # 3项目标全部完成, not 3项目标中，完成3项 (audit R, D8)
            return all_alike(when, progress, total, counts[0][0], self.zh, self.over)
        if self.zh:
            listed = "、".join(f"{status_word_zh(s, self.over)}{n}项" for s, n in counts)
            return f"{when}（时间进度{progress}），{total}项目标中，{listed}。"
        if total == 1:  # not "of the 1 targets 1 is behind"
            verb = status_verb(counts[0][0], 1, self.over)
            return f"{when} (time progress {progress}), the one target {verb}."
        listed = and_([f"{n} {status_verb(s, n, self.over)}" for s, n in counts])
        return f"{when} (time progress {progress}), of the {total} targets {listed}."

    def half(self) -> str:
        """时间过半、任务过半: of the targets measured by completion (amounts, milestones), how
        many have done the share due by now; at mid-year in the genre's own words. A roll-up's
        parts in its section count through it, as in the section table's 计入平均: the
        investment plan once, not seven times (its six categories beside their total)."""
        sections = {a.id: a.section for a in self.report.assessments}
        partial = {p for s in self.report.sections for p in s.partial}  # counted by their parts
        summed = {
            part
            for a in self.report.assessments
            for part in a.parts
            if sections.get(part) == a.section and a.id not in partial
        }
        paced = [
            a
            for a in self.report.assessments
            if a.id not in summed | partial
            and a.completion is not None
            and (a.status == "met" or a.pace_gap_pp is not None)
        ]
        if not paced:
            return ""
        n = sum(a.status == "met" or (a.pace_gap_pp or 0) >= 0 for a in paced)
        if self.over:
            return counted_result(paced, self.zh)
        mid = self.report.time_progress == Decimal("0.5")
        if self.zh:
            return paced_sentence_zh(paced, n, mid)
        return paced_sentence_en(len(paced), n, mid)

    def _as_of_phrase(self) -> str:
        assert self.report.as_of is not None
        period = parse_period(self.report.as_of)
        year = period.year
        if self.zh:
            return zh_as_of(self.report.as_of)
        if period.is_final:
            return f"For the whole of {year}"
        if period.granularity == "M":
            return f"As of {MONTHS_EN[period.index - 1]} {year}"
        if period.granularity == "Q":
            return f"As of the end of Q{period.index} {year}"
        return f"As of the first half of {year}"

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

    # ---------------------------------------------------------------------- attention

    def attention(self) -> list[str]:
        report = self.report
        has_headline = any(a.section == HEADLINE_SECTION for a in report.assessments)
        named = {a.id for a in report.headline} | {a.id for a in report.investment if a.parts}
        sentences: list[str] = []
        shown = [a for a in report.attention if a.id not in named]
        for key, group in attention_groups(shown):  # CPI off its band: 偏离目标区间, not 滞后
            sentences.append(self._group(key, group, other=has_headline))
        if not report.attention:
            sentences.append(no_attention(report, self.lang))
        dropped = [a for a in report.assessments if a.status == "dropped" and a.id not in named]
        sentences += [self.sentence(a) for a in dropped]
        milestones = milestones_sentence(report.assessments, self.zh, self.over, report.done_in)
        unknown = without_figure_sentence(
            report.assessments, self.zh, self.over, NAMED_AT_MOST, report.as_of
        )
        old = year_figure_sentence(
            [self._dated_item(a) for a in report.assessments if _year_figure(a, named)], self.zh
        )
        return sentences + [s for s in (milestones, unknown, old) if s]

    def _dated_item(self, a: AssessmentOut) -> str:
        """装灯率（100%；数据截至6月）: a target named with its latest figure, dated."""
        name = a.name if self.zh else a.name_en
        figure = self._movement(a)
        figure = figure.removeprefix("为") if self.zh else figure.removeprefix(f"{self._is} ")
        item = f"{name}（{figure}）" if self.zh else f"{name} ({figure})"
        return dated(item, replace(a, stale=True), self.lang)

    def _group(self, key: str, group: Sequence[AssessmentOut], other: bool) -> str:
        items = [dated(self._item(a), a, self.lang) for a in group[:NAMED_AT_MOST]]
        more = len(group) - len(items)
        word = t(key, self.lang)
        if self.zh:
            # ；between the items: a name may hold a 、 of its own
            listed = "；".join(items) + (f"等{len(group)}项" if more else "")
            lead = f"{'其他' if other else ''}{word}的目标{len(group)}项"
            return f"{lead}：{listed}。"
        listed = "; ".join(items) + (f"; and {more} more" if more else "")
        lead = f"{'Other targets' if other else 'Targets'} {word} ({len(group)})"
        return f"{lead}: {listed}."

    def _item(self, a: AssessmentOut) -> str:
        """A target in a list, with the one figure that says why: `新建5G基站(完成38.71%，落后
        时间进度11.29个百分点)`."""
        name = a.name if self.zh else a.name_en
        adjusted, was = self._adjusted(a)
        late = overdue(a, self.report)
        if a.completion is not None and a.pace_gap_pp is not None and a.pace_gap_pp < 0:
            done = done_lead(a, self.zh)  # 完成45.65%, or 由年初90.8%提高到95%…: its opening
            behind = num(-a.pace_gap_pp)
            if adjusted and a.kind in ("cumulative", "ongoing"):  # 目标由310个调整为330个
                goal = "around" if a.around is not None else "min"
                now = f"{num(getattr(a, goal))}{unit_of(a, self.zh)}"
                was = self._was(a, goal)
            else:
                now = bound_phrase(a, self.zh)
            if self.zh:
                change = f"；目标由{was}调整为{now}" if was else ""
            else:
                change = f"; target adjusted from {was} to {now}" if was else ""
            if self.over or late:  # 新增机动车泊位（2000个，为年度目标2500个的80%，差500个）
                return missed_item(a, name, change, self.zh, late)
            if self.zh:
                return f"{name}（{done}，落后进度{behind}个百分点{change}）"
            return f"{name} ({done}, {behind} pp behind pace{change})"
        figure = self._movement(a) if a.actual is not None else ("无数据" if self.zh else "no data")
        if a.kind == "relative" and a.reference_actual is not None:
            target = (
                f"参照{stated(a.reference_actual)}%"
                if self.zh
                else f"reference {stated(a.reference_actual)}%"
            )
        else:
            target = f"{adjusted}目标" if self.zh else f"{adjusted}target "
            target += self._bound(a)
            if was:
                target += f"，原计划{was}" if self.zh else f"; plan: {was}"
        figure = figure.removeprefix("为") if self.zh else figure.removeprefix("is ")
        return f"{name}（{figure}，{target}）" if self.zh else f"{name} ({figure}, {target})"
