"""The summary's words once the year is over (年终, the 计划执行情况报告): results, not pace.

At the year's final period nothing is "due by now" or "behind pace": a target is 完成 or
未完成, a shortfall is the amount still missing (差500个), and the targets met are named, with
超额完成 where completion passed 100 % (新建5G基站320个，超额完成310个的年度目标). A milestone
past its due date says so (已过节点时间2022年6月) in any month, not only at the year's end.
Used by `summary`, which keeps the mid-year sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from plancli.assess import AssessmentOut
from plancli.fmt import num
from plancli.i18n import Lang
from plancli.periods import parse_period
from plancli.report.model import Report
from plancli.report.phrases import bound_phrase, difference, en_period, percent, unit_of
from plancli.report.text import zh_period

# Targets met are named per section, those exceeded first, at most this many each ("…等12项").
MET_NAMED_AT_MOST = 8


def overdue(a: AssessmentOut, report: Report) -> bool:
    """A milestone not done whose due date (节点时间) has passed by the report's as-of period:
    due 2022-06, as of 2022-09. One due at the year's end is never overdue within the year."""
    if a.kind != "milestone" or not a.due or a.status == "met" or report.as_of is None:
        return False
    due, now = parse_period(a.due), parse_period(report.as_of)
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


def counted_result(paced: int, done: int, zh: bool) -> str:
    """The overview's 时间过半 sentence at the year's end: 完成7项、未完成7项, no pace."""
    short = paced - done
    if zh:
        parts = [f"完成{done}项" if done else "", f"未完成{short}项" if short else ""]
        return f"按完成率计的{paced}项目标中，{'、'.join(p for p in parts if p)}。"
    if paced == 1:  # not "Of the 1 targets …, 1 was completed and 0 were not"
        return f"The one target measured by completion was {'' if done else 'not '}completed."
    were = "was" if done == 1 else "were"
    return (
        f"Of the {paced} targets measured by completion, {done} {were} completed and "
        f"{short} {'was' if short == 1 else 'were'} not."
    )


def _goal(a: AssessmentOut, zh: bool) -> str:
    """The year's target of an amount: 310个, 1—2个 (a range as the plan states it)."""
    goal = a.around if a.around is not None else a.min
    if a.max is None and goal is not None:
        return f"{num(goal)}{unit_of(a, zh)}"
    if a.min is not None and a.max is not None and a.min != a.max:  # 1—2个, not 1个—2个
        return f"{num(a.min)}{'—' if zh else '–'}{num(a.max)}{unit_of(a, zh)}"
    return bound_phrase(a, zh)


def missed_item(a: AssessmentOut, name: str, change: str, zh: bool, late: bool) -> str:
    """A target short at the year's end (or a milestone past its due date, `late`) in the
    attention list, by its result: `新增机动车泊位（2000个，为年度目标2500个的80%，差500个）`;
    a milestone by how far it got: `…（完成60%，差40个百分点）`, `…（完成50%，已过节点时间
    2022年6月）`. `change` is the adjustment clause (；目标由2500个调整为2600个)."""
    assert a.actual is not None
    if a.kind == "milestone":
        lead = f"完成{num(a.actual)}%" if zh else f"{num(a.actual)}% done"
        rest = overdue_phrase(a, zh) if late else shortfall(a, zh)
    else:
        figure = f"{num(a.actual)}{unit_of(a, zh)}".strip()
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
    a: AssessmentOut, name: str, sentence: Callable[[AssessmentOut], str], zh: bool
) -> str:
    """A target met, by its result: 新建5G基站320个，超额完成310个的年度目标; a milestone
    已完成; any other target as its own sentence says it (空气质量优良率为98.2%，高于目标…)."""
    if a.kind == "milestone":  # a name is often a clause (… lands in Guandu): not "… is done"
        return f"{name}已完成" if zh else f"{name} (done)"
    if a.kind in ("cumulative", "ongoing") and a.completion is not None and a.actual is not None:
        over = a.completion > 1
        figure = f"{num(a.actual)}{unit_of(a, zh)}"
        if zh:
            return f"{name}{figure}，{'超额完成' if over else '完成'}{_goal(a, zh)}的年度目标"
        verb = "exceeding" if over else "meeting"
        # "reached", not a colon: the section's title before it already ends in one
        return (
            f"{name} reached {figure.strip()}, {verb} the year's target of {_goal(a, zh).strip()}"
        )
    return sentence(a).removesuffix("。" if zh else ".")


def exceeded(a: AssessmentOut) -> bool:
    return a.completion is not None and Decimal(a.completion) > 1


def achieved(
    report: Report,
    named: set[str],
    sentence: Callable[[AssessmentOut], str],
    zh: bool,
) -> list[str]:
    """The targets met in the year, those the headline sentences have not named: how many (of
    them 超额完成), then one sentence per plan section, those exceeded first."""
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
        items = [met_item(a, a.name if zh else a.name_en, sentence, zh) for a in shown]
        title = report.section_name(section, lang)
        if zh:
            more = f"等{len(group)}项" if len(group) > len(shown) else ""
            sentences.append(f"{title}：{'；'.join(items)}{more}。")
        else:
            more = f"; and {len(group) - len(shown)} more" if len(group) > len(shown) else ""
            sentences.append(f"{title}: {'; '.join(items)}{more}.")
    return sentences
