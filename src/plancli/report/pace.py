"""Where a count or a milestone stands against the year's time (`summary`): 落后时间进度11.29个
百分点，后6个月月均需完成32个; at the year's end, what it lacked."""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.fmt import num
from plancli.need_text import per_month_figure, whole_need
from plancli.report.model import Report
from plancli.report.phrases import unit_of
from plancli.report.yearend import overdue, overdue_phrase, shortfall


def pace_phrase(a: AssessmentOut, report: Report, zh: bool, over: bool) -> str:
    """落后时间进度11.29个百分点, 后6个月月均需完成32个 (fewer than one a month:
    后6个月需完成2个, `whole_need`); 差500个 at the year's end."""
    if overdue(a, report):
        return overdue_phrase(a, zh)
    if over:
        return shortfall(a, zh)
    if a.pace_gap_pp is None:
        return ""
    measure_zh = "时间进度" if a.expected_share == a.time_progress else "应完成进度"
    measure_en = "time progress" if a.expected_share == a.time_progress else "the pace expected"
    pace = a.pace_gap_pp
    if zh:
        if pace > 0:
            text = f"，超{measure_zh}{num(pace)}个百分点"
        elif pace < 0:
            text = f"，落后{measure_zh}{num(-pace)}个百分点"
        else:
            text = f"，与{measure_zh}持平"
    elif pace > 0:
        text = f", {num(pace)} pp ahead of {measure_en}"
    elif pace < 0:
        text = f", {num(-pace)} pp behind {measure_en}"
    else:
        text = f", level with {measure_en}"
    if a.status in ("at_risk", "behind") and a.required_per_month is not None:
        months = a.months_left
        if a.kind == "milestone":
            need = (
                f"{num(a.required_per_month)}个百分点" if zh else f"{num(a.required_per_month)} pp"
            )
        elif a.unit.strip() == "%":  # a stock in %: it rises by points, not by 4.67%
            pp = "个百分点" if zh else " pp"
            need = f"{per_month_figure(a)}{pp}"
        else:
            need = f"{per_month_figure(a)}{unit_of(a, zh)}"
        rest = whole_need(a)  # fewer whole things than months left: the count, not 0.33个
        if rest is not None and not rest.monthly:
            need = f"{rest.number}{unit_of(a, zh)}"
            text += (
                f"，后{months}个月需完成{need}"
                if zh
                else f"; it needs {need} in the remaining {months} months"
            )
        elif zh and months == 1:  # 月均 of one month (audit R, D14): 最后1个月需完成50万人
            verb = "推进" if a.kind == "milestone" else "完成"
            text += f"，最后1个月需{verb}{need}"
        elif zh:
            text += (
                f"，后{months}个月月均需完成{need}"
                if a.kind != "milestone"
                else f"，后{months}个月月均需推进{need}"
            )
        else:
            if months == 1:  # a month's pace over one month is its need (audit R, D14)
                text += f"; it needs {need} in the remaining month"
            else:
                text += f"; it needs {need} a month in the remaining {months} months"
    return text
