"""A figure for part of the year given to a target judged on the year's figure (audit D12).

Henan's 粮食产量1300亿斤以上 is `frequency = "annual"`, kind `level`: the year's output. The
统计局 publishes 夏粮 in July and an analyst types it in (`--period 上半年`); 760.5 亿斤 against
1300 is no shortfall, only half a harvest. Such a figure is kept (a note of progress) and never
judged: the assessment shows it as `no_data` with reason `part_year` (assess.core), and
`record` and `import` warn once per target (docs/status-rules.md, docs/recording.md).

Which targets: frequency `annual` and a figure that is a level for the year, `level` or
`change` (a level against the year before's). A cumulative target's year-to-date total, a
growth's year-to-date growth are paced or judged as the year goes: not these.
"""

from __future__ import annotations

from plancli.i18n import _
from plancli.periods import Period, parse_period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget, Plan

YEAR_LEVEL_KINDS = frozenset({"level", "change"})


def year_level(target: AnyTarget) -> bool:
    """Is the target judged on the year's figure only: annual, its figure a level?"""
    return target.frequency == "annual" and target.kind in YEAR_LEVEL_KINDS


def year_level_ids(plan: AnyPlan) -> set[str]:
    """The ids of the plan's targets judged on the year's figure (a plain plan's read from its
    columns, without building its targets)."""
    if not isinstance(plan, Plan):
        return {target.id for target in plan.targets if year_level(target)}
    columns = zip(plan.ids(), plan.column("frequency"), plan.column("kind"), strict=True)
    return {
        id_
        for id_, frequency, kind in columns
        if frequency == "annual" and kind in YEAR_LEVEL_KINDS
    }


def part_year(target: AnyTarget, period: Period) -> bool:
    """A figure for `period` of such a target that is not the year's: it ends before December
    (2026-06, 2026-Q2, 2026-H1). A figure for 2026-12, -Q4 or -H2 is the year's position."""
    return not period.is_final and year_level(target)


def part_year_warnings(plan: AnyPlan, record: AnyRecord, said: set[str] | None = None) -> list[str]:
    """The warning of a record for part of the year of a target judged on the year's figure,
    as a list; once per target of `said` (the ids warned about already, updated), where given."""
    target = plan.target(record.target)
    if target is None or not year_level(target) or (said is not None and target.id in said):
        return []
    period = parse_period(record.period)
    if period.is_final:
        return []
    if said is not None:
        said.add(target.id)
    return [
        _(
            "{target} {period}: a figure for part of the year; {target} is an annual target "
            "judged on the year's figure, so this one is kept but not judged (shown as no "
            "data): record the year's figure at the year's end (--period {year})"
        ).format(target=target.id, period=record.period, year=period.year)
    ]
