"""The report's sentence on the targets without a figure (`3项目标尚无数据：…`): those a bureau
owes first, then those not due yet, said as such (an annual figure before the year's end, a
quarterly one before the first quarter's end), so the leader does not read them as late."""

from __future__ import annotations

from collections.abc import Sequence

from plancli.assess import AssessmentOut
from plancli.assess.core import required_report_month
from plancli.periods import parse_period


def listed_without_figure(a: AssessmentOut) -> bool:
    """Is the target named in `without_figure_sentence` (and so in no sentence of its own)?"""
    return a.status == "no_data" and a.actual is None and a.kind != "milestone"


def without_figure_sentence(
    assessments: Sequence[AssessmentOut],
    zh: bool,
    over: bool,
    named_at_most: int,
    as_of: str | None = None,
) -> str:
    """The targets other than milestones that have no figure, named in one sentence as the
    milestones without one are (`其他5项目标尚无数据：…`): the 尚无数据 of the overview, which
    bureau owes a figure. Those still owed come first; a figure not due yet by `as_of`
    (docs/status-rules.md: an annual one before the year's end, a quarterly one before the
    first quarter's end) comes last, and the sentence says how many of them are and when they
    are due (年度指标，年底报送; 季度指标，一季度后报送: audit S D4)."""
    missing = [a for a in assessments if listed_without_figure(a)]
    if not missing:
        return ""
    at = parse_period(as_of) if as_of is not None else None
    due_later = {
        f: [] if over else [a for a in missing if a.frequency == f] for f in ("quarterly", "annual")
    }
    if at is None or required_report_month("quarterly", at) > 0:
        due_later["quarterly"] = []  # the first quarter is over: its figure is owed
    later = due_later["quarterly"] + due_later["annual"]
    ordered = [a for a in missing if a not in later] + later
    names = [a.name if zh else a.name_en for a in ordered[:named_at_most]]
    more = len(ordered) - len(names)
    other = any(a.kind == "milestone" and a.status == "no_data" for a in assessments)
    n, q, k = len(ordered), len(due_later["quarterly"]), len(due_later["annual"])
    if zh:
        listed = "；".join(names) + (f"等{n}项" if more else "")
        kinds = [(q, "季度指标，一季度后报送"), (k, "年度指标，年底报送")]
        kinds = [(count, words) for count, words in kinds if count]
        note = ""
        if len(kinds) == 2:
            which = "" if q + k == n else "其中"
            note = f"（{which}{q}项为{kinds[0][1]}，{k}项为{kinds[1][1]}）"
        elif kinds:
            count, words = kinds[0]
            which = "均" if count == n else f"其中{'' if more else '后'}{count}项"
            note = f"（{'' if n == 1 else which}为{words}）"
        return f"{'其他' if other else ''}{n}项目标{'' if over else '尚'}无数据：{listed}{note}。"
    listed = "; ".join(names) + (f"; and {more} more" if more else "")
    note = ""
    if q and k:
        note = (
            f" ({q} {'is a quarterly figure' if q == 1 else 'are quarterly figures'}, due after "
            f"the first quarter, and {k} {'an annual figure' if k == 1 else 'annual figures'}, "
            "due at the year's end)"
        )
    elif q or k:
        count, kind = (q, "quarterly") if q else (k, "annual")
        article = "a quarterly" if q else "an annual"
        due = "due after the first quarter" if q else "due at the year's end"
        if count == n:
            note = f" ({article} figure" if n == 1 else f" (all are {kind} figures"
        elif more:
            note = f" ({count} of them are {kind} figures"
        else:
            note = (
                f" (the last is {article} figure"
                if count == 1
                else f" (the last {count} are {kind} figures"
            )
        note += f", {due})"
    lead = "Other targets" if other else "Targets"
    return f"{lead} without a figure{'' if over else ' yet'} ({n}): {listed}{note}."
