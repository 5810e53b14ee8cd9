"""When each milestone the report counts as done was done: the period `show` names 完成于, the
first of the run of figures of 100 up to the as-of period (`met_first`), not the latest
restating it (session 37).

A milestone recorded 100 in 2022-05 and again in 2022-Q3, due in June, was named done late
(逾期，节点时间2022年6月，2022年三季度完成) from the later record; it was done on time, in May.
"""

from __future__ import annotations

from collections.abc import Sequence

from plancli.assess.engine import PlanAssessment
from plancli.assess.records import Recorded
from plancli.met_first import first_met_period


def done_periods(assessment: PlanAssessment, records: Sequence[Recorded]) -> dict[str, str]:
    """Each milestone done at the assessment's as-of period, by id: the period it was done."""
    found: dict[str, str] = {}
    amended = assessment.amendments
    for judged in assessment.assessments:
        target = judged.target
        if target.kind != "milestone" or judged.status != "met":
            continue
        adjusted = [] if amended is None else amended.all(target.id)
        first = first_met_period(assessment.plan, records, adjusted, target, assessment.as_of)
        if first is not None:
            found[target.id] = first
    return found
