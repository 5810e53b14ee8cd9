"""At the year's end, a target judged on pace whose latest figure is not the year's (audit M,
D1): the year's 执行情况报告 has no pace to judge, so 正常推进 or 存在风险 on June's or
September's figure is no year-end result. Such a target is shown as 无数据 (reason
`year_figure`), its figure named and dated (数据截至2022年9月), and counted nowhere as done or
short. 滞后 on an old figure stays 滞后 (docs/status-rules.md: behind until a final figure);
the year's statuses of `status` and `gap` are unchanged: this is the report's reading.
"""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.assess.core import Assessment
from plancli.assess.engine import PlanAssessment
from plancli.periods import Period
from plancli.report.text import zh_as_of

# The pace verdicts a figure of part of the year gives: no year-end result.
PACE_ONLY = ("on_track", "at_risk")


def without_year_figure(assessment: PlanAssessment) -> PlanAssessment:
    """`assessment` with every pace verdict on a figure older than the year's final period
    turned into no data (reason `year_figure`); as it is before the year's final period."""
    as_of = assessment.as_of
    if as_of is None or not as_of.is_final:
        return assessment
    periods = {a.target.id: a.period for a in assessment.assessments}
    changed = [a if _part_final(a, periods) else _no_result(a) for a in assessment.assessments]
    if all(a is b for a, b in zip(changed, assessment.assessments, strict=True)):
        return assessment
    return PlanAssessment(assessment.plan, as_of, changed, assessment.index, assessment.amendments)


def _part_final(a: Assessment, periods: dict[str, Period | None]) -> bool:
    """Is `a` a roll-up with a part of the year's final period (5 of the investment plan's 6
    categories of December, 1 of September)? Its sum is mostly the year's: it keeps its
    verdict, the stale part named (其中1项构成数据截至2022年9月), not "数据截至2022年9月"."""
    parts = [periods.get(part) for part in a.parts_used]
    return any(p is not None and p.is_final for p in parts)


def _no_result(a: Assessment) -> Assessment:
    if a.status not in PACE_ONLY or a.period is None or a.period.is_final:
        return a
    return a._replace(
        status="no_data",
        reason="year_figure",
        gap=None,
        expected_share=None,
        pace_gap_pp=None,
        projection=None,
        required_per_month=None,
        months_left=None,
        required_growth_rest=None,
        required_growth_rest_range=None,
    )


def year_figure_note(a: AssessmentOut, zh: bool) -> str:
    """After the figure: （数据截至2022年9月，无全年数据，不作全年评价）."""
    assert a.period is not None
    if zh:
        return f"（数据{zh_as_of(a.period)}，无全年数据，不作全年评价）"
    return f" (figure of {a.period}; no figure for the year, not judged for the year)"


def year_figure_sentence(items: list[str], zh: bool) -> str:
    """The targets other than the headline ones without the year's figure, named with their
    latest figure, dated: 8项…（100%；数据截至
    6月）；…"""
    if not items:
        return ""
    if zh:
        lead = f"另有{len(items)}项目标无全年数据，以下为年内最新数据，不作全年评价"
        return f"{lead}：{'；'.join(items)}。"
    which = "target has" if len(items) == 1 else "targets have"
    return f"{len(items)} {which} no figure for the year, not judged on their latest: " + (
        "; ".join(items) + "."
    )


def unjudged_growth(a: AssessmentOut, over: bool) -> bool:
    """At the year's end, a growth target 滞后 on a figure of part of the year (June's
    固定资产投资 下降3.5%): its status stays 滞后 (behind until the year's figure), but its
    sentence is worded as a pace verdict's on an old figure is (`year_figure_note`): 不作全年
    评价, not `未实现正增长的目标`, a final result's words (audit Y D4, session 26). A relation
    too (居民收入 3.6% of the first three quarters, 1.1 pp below GDP's 4.7%): not `未能同步`,
    the year's verdict on a figure of part of the year (audit R, D5)."""
    if not over or a.kind not in ("growth", "relative") or a.status != "behind" or a.actual is None:
        return False
    from plancli.periods import parse_period

    return a.period is not None and not parse_period(a.period).is_final
