"""The summary's words once the year is over (年终, the 计划执行情况报告): results, not pace.

At the year's final period nothing is "due by now" or "behind pace": a target is 完成 or
未完成, a shortfall is the amount still missing (差500个), and the targets met are named, with
超额完成 where completion passed 100 % (新建5G基站320个，超额完成310个的年度目标). A milestone
past its due date says so (已过节点时间2022年6月) in any month, not only at the year's end.
Used by `summary`, which keeps the mid-year sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from plancli.assess import AssessmentOut
from plancli.fmt import num, stated
from plancli.i18n import Lang
from plancli.periods import parse_period
from plancli.report.model import Report
from plancli.report.overview_words import COUNT_ORDER, done_late, status_verb, status_word_zh
from plancli.report.phrases import (
    and_,
    bound_phrase,
    difference,
    en_period,
    percent,
    percent_unit,
    unit_of,
)
from plancli.report.text import zh_period

# Targets met are named per section, those exceeded first, at most this many each ("…等12项").
MET_NAMED_AT_MOST = 8


def overdue(a: AssessmentOut, report: Report) -> bool:
    """A milestone not done whose due date (节点时间) has passed by the report's as-of period:
    due 2022-06, as of 2022-09. One due at the year's end is never overdue within the year."""
    if a.kind != "milestone" or not a.due or a.status == "met" or report.as_of is None:
        return False
    due, now = parse_period(a.due), parse_period(report.as_of)
    if (due.year, due.end_month) == (now.year, now.end_month) and due.end_month < 12:
        return True  # as of the due month's end: not done by its date (audit Y D3)
    return (due.year, due.end_month) < (now.year, now.end_month)


def overdue_phrase(a: AssessmentOut, zh: bool) -> str:
    """，已过节点时间2022年6月 / , past its June 2022 due date."""
    assert a.due is not None
    return f"，已过节点时间{zh_period(a.due)}" if zh else f", past its {en_period(a.due)} due date"


def shortfall(a: AssessmentOut, zh: bool) -> str:
    """What a target measured by completion still lacked at the year's end, instead of the pace
    (落后时间进度20个百分点): ，差500个 / , 500 short. "" when nothing is missing."""
    if a.gap is None or a.gap <= 0:
        return ""
    gap = difference(a.gap, a, zh)
    return f"，差{gap}" if zh else f", {gap} short"


def all_alike(when: str, progress: str, total: int, status: str, zh: bool, over: bool) -> str:
    """The overview of targets all of one status: 3项目标全部完成 / all 3 targets were met, never
    3项目标中，完成3项 (audit R, D8); 均正常推进 / all 3 targets are on track."""
    if zh:
        word = status_word_zh(status, over)
        alike = "全部完成" if status == "met" and over else f"均{word}"
        return f"{when}（时间进度{progress}），{total}项目标{alike}。"
    verb = status_verb(status, total, over)
    return f"{when} (time progress {progress}), all {total} targets {verb}."


def counted_result(paced: Sequence[AssessmentOut], zh: bool) -> str:
    """The overview's 时间过半 sentence at the year's end: 完成7项、未完成7项, no pace; by the
    statuses the overview's first sentence counts, in its order, so a target without its
    year-end figure (滞后) is 滞后 in both sentences, not 未完成 in the second
    (完成40项、滞后4项、未完成11项)."""
    counts = [(s, sum(a.status == s for a in paced)) for s in COUNT_ORDER]
    counts = [(s, n) for s, n in counts if n]
    if zh and len(counts) == 1:  # never 1项中…1项: 按完成率计的1项目标（X）未完成 (audit R, D2)
        (status, _), total = counts[0], len(paced)
        word = status_word_zh(status, True)
        if total == 1:
            return f"按完成率计的1项目标（{paced[0].name}）{word}。"
        return f"按完成率计的{total}项目标{'全部完成' if status == 'met' else '均' + word}。"
    if zh:
        listed = "、".join(f"{status_word_zh(s, True)}{n}项" for s, n in counts)
        return f"按完成率计的{len(paced)}项目标中，{listed}。"
    if len(paced) == 1:  # not "Of the 1 targets …, 1 was met"
        return f"The one target measured by completion {status_verb(counts[0][0], 1, True)}."
    listed = and_([f"{n} {status_verb(s, n, True)}" for s, n in counts])
    return f"Of the {len(paced)} targets measured by completion, {listed}."


def _goal(a: AssessmentOut, zh: bool) -> str:
    """The year's target of an amount: 310个, 1—2个 (a range as the plan states it)."""
    goal = a.around if a.around is not None else a.min
    if a.max is None and goal is not None:
        return f"{stated(goal)}{unit_of(a, zh)}"
    if a.min is not None and a.max is not None and a.min != a.max:  # 1—2个, not 1个—2个
        return f"{stated(a.min)}{'—' if zh else '–'}{stated(a.max)}{unit_of(a, zh)}"
    return bound_phrase(a, zh)


def opened(a: AssessmentOut) -> bool:
    """A stock counted from its level at the year's start (`opening`: 累计建成…, 自贸试验区改革
    试点任务完成率 from 90.8 %): its completion is the year's part, (actual − opening) ÷
    (target − opening), not actual ÷ target."""
    return a.kind == "cumulative" and a.base is not None and a.base != 0


def opening_lead(a: AssessmentOut, goal: str, zh: bool) -> str:
    """A stock's figure with what its completion is of: 由年初90.8%提高到95%，年度目标100%，
    完成年度提升任务的45.65% / up from 90.8% at the year's start to 95%, target 100%: 45.65% of
    the year's rise done. Never "95%，为年度目标100%的45.65%", which says 95 ÷ 100 = 45.65 %.
    A stock in %, a rate, rises (提高, 提升任务); one of things grows (增加, 新增任务)."""
    assert a.actual is not None and a.base is not None
    unit = unit_of(a, zh)
    start, figure = f"{num(a.base)}{unit}".strip(), f"{stated(a.actual)}{unit}".strip()
    done = percent(a.completion)
    rate = percent_unit(a)
    if zh:
        moved = ("提高到" if rate else "增加到") if a.actual >= a.base else "降至"
        task = "提升任务" if rate else "新增任务"
        return f"由年初{start}{moved}{figure}，年度目标{goal}，完成年度{task}的{done}"
    moved = "up from" if a.actual >= a.base else "down from"
    return (
        f"{moved} {start} at the year's start to {figure}, target {goal}: {done} of the "
        f"year's {'rise' if rate else 'increase'} done"
    )


def done_lead(a: AssessmentOut, zh: bool) -> str:
    """What of the year's target is done, in a list item during the year: 完成38.71% / 38.71%
    done; a stock counted from its opening says so, as at the year's end (`opening_lead`)."""
    if opened(a) and a.actual is not None:
        return opening_lead(a, _goal(a, zh).strip(), zh)
    return f"完成{percent(a.completion)}" if zh else f"{percent(a.completion)} done"


def missed_item(a: AssessmentOut, name: str, change: str, zh: bool, late: bool) -> str:
    """A target short at the year's end (or a milestone past its due date, `late`) in the
    attention list, by its result: `新增机动车泊位（2000个，为年度目标2500个的80%，差500个）`;
    a milestone by how far it got: `…（完成60%，差40个百分点）`, `…（完成50%，已过节点时间
    2022年6月）`. `change` is the adjustment clause (；目标由2500个调整为2600个)."""
    assert a.actual is not None
    if a.kind == "milestone":
        lead = f"完成{stated(a.actual)}%" if zh else f"{stated(a.actual)}% done"
        rest = overdue_phrase(a, zh) if late else shortfall(a, zh)
    elif opened(a):
        lead = opening_lead(a, _goal(a, zh).strip(), zh)
        rest = shortfall(a, zh)
    else:
        figure = f"{stated(a.actual)}{unit_of(a, zh)}".strip()
        done = percent(a.completion)
        goal = _goal(a, zh).strip()
        lead = (
            f"{figure}，为年度目标{goal}的{done}"
            if zh
            else f"{figure}, {done} of the year's {goal}"
        )
        rest = shortfall(a, zh)
    if not zh:
        rest = rest.replace(", ", "; ", 1)
    return f"{name}（{lead}{rest}{change}）" if zh else f"{name} ({lead}{rest}{change})"


def met_item(
    a: AssessmentOut,
    name: str,
    sentence: Callable[[AssessmentOut], str],
    zh: bool,
    done_in: Mapping[str, str],
    was: str = "",
) -> str:
    """A target met, by its result: 新建5G基站320个，超额完成310个的年度目标 (完成 within a range:
    普惠性托育服务试点2个，完成1—2个的年度目标); a bound adjusted mid-year says so and gives
    the plan's (`was`), as the headline sentences do: 老旧小区改造109个，超额完成调整后105个的
    年度目标（原计划115个）; a milestone 已完成 (late, by when it was done: `Report.done_in`);
    any other target as its own sentence says it (空气质量优良率为98.2%，高于目标…)."""
    if a.kind == "milestone":  # a name is often a clause (… lands in Guandu): not "… is done"
        late = done_late(a, zh, done_in)  # done after its 节点时间 (audit Y D3)
        return f"{name}已完成{late}" if zh else f"{name}{late or ' (done)'}"
    if a.kind in ("cumulative", "ongoing") and a.completion is not None and a.actual is not None:
        over = exceeded(a)
        figure = f"{stated(a.actual)}{unit_of(a, zh)}"
        if zh:
            adjusted = "调整后" if was else ""
            plan = f"（原计划{was}）" if was else ""
            verb = "超额完成" if over else "完成"
            return f"{name}{figure}，{verb}{adjusted}{_goal(a, zh)}的年度目标{plan}"
        verb = "exceeding" if over else "meeting"
        adjusted = "adjusted " if was else ""
        plan = f" (plan: {was})" if was else ""
        # "reached", not a colon: the section's title before it already ends in one
        return (
            f"{name} reached {figure.strip()}, {verb} the year's {adjusted}target of "
            f"{_goal(a, zh).strip()}{plan}"
        )
    return sentence(a).removesuffix("。" if zh else ".")


def exceeded(a: AssessmentOut) -> bool:
    """超额完成: completion over 100 %, and for a range (开展1-2个: `min` 1, `max` 2) over its
    top: 2 pilots are within the target (completion 200 % of its lower end), 3 exceed it."""
    if a.completion is None or Decimal(a.completion) <= 1:
        return False
    if a.around is not None:  # 57.5 of 60万人左右 is met at its edge (57), not exceeded
        return a.actual is not None and a.actual > a.around
    if a.min is None or a.max is None or a.max <= a.min:
        return True
    return a.actual is not None and a.actual > a.max


def achieved(
    report: Report,
    named: set[str],
    sentence: Callable[[AssessmentOut], str],
    zh: bool,
    was: Callable[[AssessmentOut], str],
) -> list[str]:
    """The targets met in the year, those the headline sentences have not named: how many (of
    them 超额完成), then one sentence per plan section, those exceeded first. `was` gives the
    plan's figure of a bound adjusted mid-year ("" for one that was not)."""
    met = [a for a in report.assessments if a.status == "met" and a.id not in named]
    if not met:
        return []
    over = sum(exceeded(a) for a in met)
    lang: Lang = "zh" if zh else "en"
    if zh:
        lead = ("除上述目标外，" if named else "") + f"全年完成目标{len(met)}项"
        lead += f"，其中超额完成{over}项。" if over else "。"
    else:
        lead = ("Besides those above, " if named else "") + (
            f"{len(met)} {'target was' if len(met) == 1 else 'targets were'} met"
        )
        lead = lead[:1].upper() + lead[1:] + (f", {over} of them exceeded." if over else ".")
    sentences = [lead]
    sections: dict[str, list[AssessmentOut]] = {s.id: [] for s in report.sections}
    for a in met:
        sections.setdefault(a.section, []).append(a)
    for section, group in sections.items():
        if not group:
            continue
        ordered: Sequence[AssessmentOut] = sorted(group, key=lambda a: not exceeded(a))
        shown = ordered[:MET_NAMED_AT_MOST]
        items = [
            met_item(a, a.name if zh else a.name_en, sentence, zh, report.done_in, was(a))
            for a in shown
        ]
        title = report.section_name(section, lang)
        if zh:
            more = f"等{len(group)}项" if len(group) > len(shown) else ""
            sentences.append(f"{title}：{'；'.join(items)}{more}。")
        else:
            more = f"; and {len(group) - len(shown)} more" if len(group) > len(shown) else ""
            sentences.append(f"{title}: {'; '.join(items)}{more}.")
    return sentences


def judged_goal(a: AssessmentOut, goal_text: str, zh: bool) -> str:
    """The year's goal a cumulative target's completion is measured against, as judged: X左右
    at its edge (60万人左右，按57万人以上考核), a roll-up at its parts' sum (docs/forms.md)."""
    if a.low is None or (a.around is None and a.parts_sum is None):
        return goal_text
    edge = f"{num(a.low)}{unit_of(a, zh)}"
    if a.parts_sum is not None:
        if zh:
            return f"{goal_text}，按分项目标之和{edge}考核，其差为报告的舍入差"
        return f"{goal_text}, judged at its parts' targets' sum, {edge}: the report's rounding"
    return (
        f"{goal_text}左右，按{edge}以上考核"
        if zh
        else f"about {goal_text} (judged as at least {edge})"
    )


def partial_counted(report: Report, sentence: str, zh: bool) -> str:
    """The 任务过半 count's sentence, saying which roll-ups it counts by their parts reported,
    their sum being partial (docs/report.md): （…仅部分构成有数据，按已有数据的构成项计）."""
    partial = {p for s in report.sections for p in s.partial}
    names = [(a.name if zh else a.name_en) for a in report.assessments if a.id in partial]
    if not sentence or not names:
        return sentence
    listed = "、".join(names) if zh else "; ".join(names)
    if zh:
        return f"{sentence[:-1]}（{listed}仅部分构成有数据，按已有数据的构成项计）。"
    return f"{sentence[:-1]} ({listed}: only some parts reported, counted by those parts)."
