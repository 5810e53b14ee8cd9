"""The overview's sentences of counts by status: each status's Chinese word and English
verb, 时间过半 (the targets measured by completion), the milestones by status (those done late
named)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from plancli.assess import AssessmentOut, Status
from plancli.report.phrases import and_, en_period

# The overview's order of the statuses: the judged ones, then those without a judgement (a
# bound to come, indicators), then the unknown; each one's Chinese word (无数据 at year end).
COUNT_ORDER: tuple[Status, ...] = (
    "met",
    "on_track",
    "at_risk",
    "behind",
    "missed",
    "pending",
    "tracked",
    "dropped",
    "no_data",
)
STATUS_WORDS_ZH: dict[str, str] = {
    "met": "完成",
    "on_track": "正常推进",
    "at_risk": "存在风险",
    "behind": "滞后",
    "missed": "未完成",
    "off_band": "偏离目标区间",
    "pending": "待下达目标",
    "tracked": "跟踪指标",
    "dropped": "不再考核",
    "no_data": "尚无数据",
}


def status_word_zh(status: str, year_over: bool) -> str:
    """完成, 滞后, 尚无数据 (无数据 once the year is over): a count's word in the overview."""
    return "无数据" if status == "no_data" and year_over else STATUS_WORDS_ZH[status]


# The English overview's verb for each status, (singular, plural), in one tense: the present
# during the year, the past at its end ("5 were met and 5 were missed", where it read "5 are met
# and 5 were missed": audit P, D10).
STATUS_VERBS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "met": (("is met", "are met"), ("was met", "were met")),
    "on_track": (("is on track", "are on track"), ("was on track", "were on track")),
    "at_risk": (("is at risk", "are at risk"), ("was at risk", "were at risk")),
    "behind": (("is behind", "are behind"), ("was behind", "were behind")),
    "missed": (("is missed", "are missed"), ("was missed", "were missed")),
    "off_band": (("is off its band", "are off band"), ("was off its band", "were off band")),
    "pending": (
        ("awaits its target (pending)", "await their targets (pending)"),
        ("awaited its target (pending)", "awaited their targets (pending)"),
    ),
    "tracked": (
        ("is a tracked indicator", "are tracked indicators"),
        ("was a tracked indicator", "were tracked indicators"),
    ),
    "dropped": (
        ("is no longer judged (dropped)", "are no longer judged (dropped)"),
        ("was no longer judged (dropped)", "were no longer judged (dropped)"),
    ),
    "no_data": (("has no data yet", "have no data yet"), ("had no data", "had no data")),
}


def status_verb(status: str, count: int, year_over: bool) -> str:
    """`are on track`, `were missed`: a count's verb in the overview (`STATUS_VERBS`)."""
    return STATUS_VERBS[status][1 if year_over else 0][0 if count == 1 else 1]


def en_is(n: int, singular: str, plural: str) -> str:
    """The English verb (or noun) agreeing with a count: `1 is`, `0 are`, `3 are`."""
    return singular if n == 1 else plural


def paced_sentence_en(paced: int, done: int, mid: bool) -> str:
    """The 时间过半 sentence in English, its verbs agreeing with each count: `Of the 4 targets
    measured by completion, 1 has done the share due by now and 3 are short of it`; of one
    target, `The one target … is short of the share due by now`, never `Of the 1 targets`."""
    share = " (half the year's work at mid-year)" if mid else ""
    if paced == 1:
        state = "has done the share" if done else "is short of the share"
        return f"The one target measured by completion {state} due by now{share}."
    short = paced - done
    return (
        f"Of the {paced} targets measured by completion, {done} {en_is(done, 'has', 'have')} "
        f"done the share due by now{share} and {short} {en_is(short, 'is', 'are')} short of it."
    )


def paced_sentence_zh(paced: Sequence[AssessmentOut], done: int, mid: bool) -> str:
    """时间过半 in Chinese, never a class of 0 nor "1项中…1项" (audit R, D2): of one target, it
    named (按完成率计的1项目标（城镇新增就业）任务未过半); of several all alike, 均; else
    the two counts (任务过半的3项、未过半的1项)."""
    total, short = len(paced), len(paced) - done
    lead = f"按完成率计的{total}项目标"
    if total == 1:
        lead += f"（{paced[0].name}）"
    alike = "均" if total > 1 else ""
    if mid:
        if total > 1 and done and short:
            return f"时间过半，{lead}中，任务过半的{done}项、未过半的{short}项。"
        return f"时间过半，{lead}任务{alike}{'已' if done else '未'}过半。"
    if total > 1 and done and short:
        return f"{lead}中，{done}项达到应完成进度、{short}项落后。"
    return f"{lead}{alike}{'达到' if done else '落后于'}应完成进度。"


def milestones_sentence(
    assessments: Sequence[AssessmentOut], zh: bool, over: bool, done_in: Mapping[str, str]
) -> str:
    """The milestones by status in one sentence: 节点目标27项中，已完成1项、…; at the year's
    end without 尚 (无进度数据); those done late named (`done_in`: `Report.done_in`)."""
    milestones = [a for a in assessments if a.kind == "milestone"]
    if not milestones:
        return ""
    counts: dict[Status, int] = {}
    for a in milestones:
        counts[a.status] = counts.get(a.status, 0) + 1
    order: tuple[Status, ...] = ("met", "on_track", "at_risk", "behind", "missed", "no_data")
    present = [(s, counts[s]) for s in order if counts.get(s)]
    if zh:
        words = {
            "met": "已完成",
            "on_track": "正常推进",
            "at_risk": "存在风险",
            "behind": "滞后",
            "missed": "未完成",
            "no_data": "无进度数据" if over else "尚无进度数据",
        }
        if len(milestones) == 1 and present:  # one is not 均 (all of them)
            return f"节点目标1项，{words[present[0][0]]}。" + _late_ones(milestones, zh, done_in)
        if len(present) == 1:  # 27项节点目标均尚无进度数据, not 27项中，尚无进度数据27项
            return f"{len(milestones)}项节点目标均{words[present[0][0]]}。" + _late_ones(
                milestones, zh, done_in
            )
        listed = "、".join(f"{words[s]}{n}项" for s, n in present)
        return f"节点目标{len(milestones)}项中，{listed}。" + _late_ones(milestones, zh, done_in)
    words_en = {
        "met": ("is done", "are done"),
        "on_track": ("is on track", "are on track"),
        "at_risk": ("is at risk", "are at risk"),
        "behind": ("is behind", "are behind"),
        "missed": ("was missed", "were missed"),
        "no_data": ("has no progress figure yet", "have no progress figures yet"),
    }
    if over:  # the year-end report in one tense, the past (audit Y, D8)
        words_en |= {
            "met": ("was done", "were done"),
            "on_track": ("was on track", "were on track"),
            "at_risk": ("was at risk", "were at risk"),
            "behind": ("was behind", "were behind"),
            "no_data": ("had no progress figure", "had no progress figures"),
        }
    if len(milestones) == 1 and present:  # not "Of the 1 milestones, 1 is at risk."
        return f"The one milestone {words_en[present[0][0]][0]}." + _late_ones(
            milestones, zh, done_in
        )
    if len(present) == 1 and len(milestones) > 1:
        return f"All {len(milestones)} milestones {words_en[present[0][0]][1]}." + _late_ones(
            milestones, zh, done_in
        )
    listed = and_([f"{n} {words_en[s][0 if n == 1 else 1]}" for s, n in present])
    return f"Of the {len(milestones)} milestones, {listed}." + _late_ones(milestones, zh, done_in)


def _late_ones(milestones: Sequence[AssessmentOut], zh: bool, done_in: Mapping[str, str]) -> str:
    """The milestones done after their due date, named (audit Y D3): 其中逾期完成1项：区人民医院
    迁建新院区投用（逾期，节点时间2022年6月，2022年三季度完成）。"""
    late = [(a, text) for a in milestones if (text := done_late(a, zh, done_in))]
    late = [(a, t.replace("（逾期，", "（").replace(" (done late: ", " (")) for a, t in late]
    if not late:
        return ""
    if zh:
        return f"其中逾期完成{len(late)}项：" + "；".join(a.name + t for a, t in late) + "。"
    named = "; ".join(a.name_en + t for a, t in late)
    return f" {len(late)} {'was' if len(late) == 1 else 'were'} done late: {named}."


def done_late(a: AssessmentOut, zh: bool, done_in: Mapping[str, str]) -> str:
    """A milestone done (`Report.done_in`: its first 100) after its 节点时间: （逾期，节点时间
    2022年6月，2022年三季度完成） / (done late: due June 2022, done in Q3 2022); else "" (Y D3)."""
    from plancli.periods import parse_period, zh_period

    if a.kind != "milestone" or a.status != "met" or not a.due or not a.period:
        return ""
    when = done_in.get(a.id, a.period)
    due, done = parse_period(a.due), parse_period(when)
    if (done.year, done.end_month) <= (due.year, due.end_month):
        return ""
    if zh:
        return f"（逾期，节点时间{zh_period(a.due)}，{zh_period(when)}完成）"
    return f" (done late: due {en_period(a.due)}, done in {en_period(when)})"
