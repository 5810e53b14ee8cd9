"""A relative target against its reference's figure (与地区生产总值增长（5%）基本同步; 低于…1.1个
百分点，超出1个百分点的容差0.1个百分点，未能同步), and, where that figure is no year-end result,
the comparison alone (`relation_info`)."""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.fmt import num, stated
from plancli.report.phrases import RATE_NAMES


def _reference(a: AssessmentOut, ref_name: str, zh: bool) -> str:
    """The reference and its figure: 地区生产总值增长（5%）, 地区生产总值（下降1%）, GDP at 5%."""
    assert a.reference_actual is not None
    falls = a.reference_actual < 0
    if zh:
        rate = falls or ref_name.endswith((*RATE_NAMES, "水平"))
        named = ref_name if rate else f"{ref_name}增长"
        return f"{named}（{'下降' if falls else ''}{stated(abs(a.reference_actual))}%）"
    if falls:
        return f"{ref_name} (down {stated(-a.reference_actual)}%)"
    return f"{ref_name} at {stated(a.reference_actual)}%"


def relation_info(a: AssessmentOut, ref_name: str, zh: bool) -> str:
    """The comparison alone, no verdict, for a figure of part of the year at the year's end
    (居民收入 3.6% of Q3: 低于同期（前三季度）地区生产总值增长（4.7%）1.1个百分点, then 不作全年
    评价; never 未能同步, the year's verdict: audit R, D5)."""
    assert a.actual is not None and a.reference_actual is not None
    ref, difference = _reference(a, ref_name, zh), a.actual - a.reference_actual
    size = num(abs(difference))
    if zh:
        if difference == 0:
            return f"，与{ref}持平"
        return f"，{'低于' if difference < 0 else '高于'}{ref}{size}个百分点"
    if difference == 0:
        return f", level with {ref}"
    return f", {size} pp {'below' if difference < 0 else 'above'} {ref}"


def relation_phrase(a: AssessmentOut, ref_name: str, zh: bool) -> str:
    """How a relative target stands against its reference's figure (`ref_name`: 地区生产总值):
    与地区生产总值增长（5%）基本同步, 低于…1.1个百分点，超出1个百分点的容差0.1个百分点，未能同步.
    A fall of the reference is one, as the other sentences write it: 与地区生产总值（下降1%）,
    GDP (down 1%), not 地区生产总值增长（-1%） (audit T, D2)."""
    assert a.actual is not None and a.reference_actual is not None
    ref = _reference(a, ref_name, zh)
    difference = a.actual - a.reference_actual
    satisfied = a.status in ("met", "on_track")
    relation = a.relation or "same"
    if relation == "same" and satisfied and difference > (a.tolerance_pp or 0):
        # well ahead of its reference (9.3 % against 0.3 %): "in step" would belie it
        if zh:
            return f"，高于{ref}{num(difference)}个百分点"
        return f", {num(difference)} pp above {ref}"
    beyond = _beyond_tolerance(a, zh)
    if zh:
        if relation == "same":
            return (
                f"，与{ref}基本同步"
                if satisfied
                else f"，低于{ref}{num(-difference)}个百分点{beyond}，未能同步"
            )
        if relation == "above":
            return f"，高于{ref}" if satisfied else f"，未能高于{ref}"
        if relation == "not_below":
            return (
                f"，不低于{ref}" if satisfied else f"，低于{ref}{num(-difference)}个百分点{beyond}"
            )
        return f"，低于{ref}" if satisfied else f"，未能低于{ref}"
    if relation == "same":
        return (
            f", in step with {ref}"
            if satisfied
            else f", {num(-difference)} pp below {ref}{beyond}, not in step"
        )
    if relation == "above":
        return f", above {ref}" if satisfied else f", not above {ref}"
    if relation == "not_below":
        return f", not below {ref}" if satisfied else f", {num(-difference)} pp below {ref}{beyond}"
    return f", below {ref}" if satisfied else f", not below {ref}"


def _beyond_tolerance(a: AssessmentOut, zh: bool) -> str:
    """How far a relative target short of its reference is beyond its tolerance: the
    tables' 差距 (the gap to reference − tolerance), said beside the distance to the
    reference itself, so that 低于…1.1个百分点 and the table's 0.1 tell one story."""
    if not a.tolerance_pp or a.gap is None:
        return ""
    tolerance, gap = num(a.tolerance_pp), num(a.gap)
    if zh:
        return f"，超出{tolerance}个百分点的容差{gap}个百分点"
    return f", {gap} pp beyond the {tolerance} pp tolerance"
