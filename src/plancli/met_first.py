"""When a cumulative target was met, or a milestone done: the first period of the run of figures
in force that met the bound in force at their period, up to the as-of one (session 36; milestones
since session 37).

`show` named the period of the figure judged, its latest: 新建5G基站310个 with 420 by 2022-Q2
and 430 by 2022-07 said `完成于 2022-07`, read as "completed in July", while the Q2 figure met
it (analysts write 提前完成 from this line). Each period where the figure or the bound changes
(a record's, an amendment's) is judged as the assessment judges it at that as-of period; from
the as-of period back, the run of periods met ends at the first one not met. An amendment
raising the bound from September breaks the run there (430 short of 450): the figure that met
it is the first to meet the raised bound, not Q2's, which met only the bound it replaced.

Session 37: a milestone recorded done (100) in 2022-03 and again in 2022-05 said `完成于 2022-05`,
and the report called one due in June and restated 100 in Q3 done late (逾期); it was done in
March. The same rule: a revision below 100 between them breaks the run, and the later 100 is
when it was done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from plancli.assess.engine import plan_context
from plancli.assess.records import Recorded
from plancli.periods import Period, parse_period
from plancli.plain import AnyAmendment, Plan, Target

# The kinds whose figure, once it meets the bound, stays meeting it: a running total, a percent
# done. The first figure of the run is when it was met (完成于), not the latest restating it.
FIRST_MET_KINDS = frozenset({"cumulative", "milestone"})


def first_met_period(
    plan: Plan,
    records: Sequence[Recorded],
    amendments: Iterable[AnyAmendment],
    target: Target,
    as_of: Period | None,
) -> str | None:
    """The period of the figure that first met `target`, met at `as_of`, in the run of
    periods met that reaches `as_of` (see the module); None when it is not met there, or is
    neither cumulative nor a milestone (a growth or level target is met by its year's figure,
    not by a running total)."""
    if target.kind not in FIRST_MET_KINDS or as_of is None:
        return None
    year = plan.plan.year
    ids = {target.id, *target.parts}  # a roll-up's sum reads its parts' figures
    own = [r for r in records if r.target in ids]
    adjusted = [a for a in amendments if a.target == target.id]
    points = {as_of}
    for text in [r.period for r in own] + [a.period for a in adjusted]:
        period = parse_period(text, year)
        if period.year == year and period.sort_key < as_of.sort_key:
            points.add(period)
    met: str | None = None
    for point in sorted(points, key=lambda p: p.sort_key, reverse=True):
        judged = plan_context(plan, own, point, adjusted).assess(target)
        if judged.status != "met":
            break
        met = None if judged.period is None else str(judged.period)
    return met
