"""The report's written summary (文字说明): sentences a director reads before the tables.

Generated from the report model's figures, never judged again: each sentence says in words what
one row of the assessment says in numbers ("地区生产总值累计增长5%，低于目标2个百分点，余下月份
需增长8.72%。"). Chinese is written as the bureau writes it (full-width punctuation, no spaces
between figures and Chinese units, 项 for counts); English follows the same order.

The summary is data: paragraphs of plain sentences, unescaped. Markdown, HTML and the xlsx
summary sheet render it as they are; no template decides anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from plancli.assess import HEADLINE_SECTION, AssessmentOut
from plancli.assess.band_side import apart, attention_groups, counts_in_order
from plancli.fmt import num, stated
from plancli.i18n import Lang, t
from plancli.periods import parse_period
from plancli.report.model import Report
from plancli.report.overview_words import (
    COUNT_ORDER,
    milestones_sentence,
    paced_sentence_en,
    paced_sentence_zh,
    status_verb,
    status_word_zh,
)
from plancli.report.phrases import MONTHS_EN, and_, bound_phrase, percent, unit_of
from plancli.report.summary_sentence import SentenceWriter
from plancli.report.text import dated, no_attention, year_over, zh_as_of
from plancli.report.unreported import listed_without_figure, without_figure_sentence
from plancli.report.yearend import (
    achieved,
    all_alike,
    counted_result,
    done_lead,
    missed_item,
    overdue,
    partial_counted,
)
from plancli.report.yearfigure import year_figure_sentence


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


class _Writer(SentenceWriter):
    """The summary's paragraphs around its targets' sentences: the overview and 时间过半, the
    targets needing attention, the milestones and the targets without a figure."""

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
        # a year's average shown for part of the year (官渡's 优良率 97.8 at 1-3月), named where
        # the overview counted it 尚无全年数据: its figure, dated, and when the year's comes
        # (a year-end report's old figure, `year_figure`, in the sentence of its own below)
        seasonal = [
            a
            for a in report.assessments
            if apart(a) == "year_average" and a.reason != "year_figure"
        ]
        sentences += [self.sentence(a) for a in seasonal if a.id not in named]
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
