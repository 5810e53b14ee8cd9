"""A figure for part of the year given to a target judged on the year's total (audit D12).

Henan's 粮食产量1300亿斤以上 is `frequency = "annual"`, kind `level`, in 亿斤: the year's
harvest. The 统计局 publishes 夏粮 in July and an analyst types it in (`--period 上半年`);
760.5 亿斤 against 1300 is no shortfall, only half a harvest. Such a figure is kept (a note of
progress) and never judged: the assessment shows it as `no_data` with reason `part_year`
(assess.core), and `record` and `import` warn, once per target (docs/status-rules.md).

Which targets: frequency `annual`, kind `level`, its figure an amount (亿斤, 万吨), not a %:
a year's output, which part of the year only adds up to. A %-level (覆盖率, 研发投入强度) or a
`change` in one (城镇化率提高1个百分点) is a level at any moment, judged as it stands (DESIGN
§4: "the current level"); a cumulative total or a growth is paced or judged as the year goes.

A year's average or rate to date (`year_average`: 细颗粒物年均浓度29微克/立方米左右, 空气质量优良率
98%以上) is recorded month by month and judged as it stands while it satisfies its bound; one
that does not, before the year's figure, is not judged either (reason `year_average`): 1-3月's
45 微克/立方米 is a winter, not 滞后 against the year's 29. No warning is given for it: a
monthly figure is how it is reported.
"""

from __future__ import annotations

from plancli.i18n import _
from plancli.periods import Period, parse_period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget, Plan

PERCENT_UNITS = ("%", "％")
UNJUDGED_PARTS = ("part_year", "year_average")
"""The `reason`s of a figure for part of the year shown and not judged (the assessment's)."""
NO_YEAR_FIGURE = ("part_year", "year_average", "year_figure")
"""The `no_data` reasons of a target with a figure for part of the year but not the year's
figure it is judged on: 无全年数据 (seasonal), one rule for the row's word, the counts (taken
apart from 无数据), `--status 无全年数据` and the report (session 43). `part_year`: an annual
total's part (河南's 粮食产量 with 夏粮 760.5亿斤 for 上半年); `year_average`: a year's average
for part of the year not satisfying its bound (PM2.5's winter 45); `year_figure`: the year's
report, a pace verdict on a figure older than the year's (官渡's 装灯率 100% of June at 12月)."""


def no_year_figure(status: str, reason: str | None) -> bool:
    """Is a target of that status and reason shown and counted as 无全年数据 (`NO_YEAR_FIGURE`)?"""
    return status == "no_data" and reason in NO_YEAR_FIGURE


JUDGED = ("level",)
"""The kinds judged on the year's total only (`year_total`)."""
WARNED = ("level", "cumulative")
"""The kinds whose figure for part of the year is warned about (`year_figure`): an annual
cumulative target (四川's emission_reduction, 万吨) is the year's total too, though its figure
to date is paced as any cumulative's (status-rules.md), not left unjudged."""


def year_total(target: AnyTarget) -> bool:
    """Is the target judged on the year's total only: annual, a level in an amount?"""
    return _year_total(target.frequency, target.kind, target.unit)


def year_figure(target: AnyTarget) -> bool:
    """Is the target's figure the year's total: annual, a level or cumulative in an amount
    (the rule of the part-year warning)?"""
    return _year_total(target.frequency, target.kind, target.unit, WARNED)


def _year_total(frequency: str, kind: str, unit: str, kinds: tuple[str, ...] = JUDGED) -> bool:
    return frequency == "annual" and kind in kinds and unit.strip() not in PERCENT_UNITS


def year_total_ids(plan: AnyPlan) -> set[str]:
    """The ids of the plan's targets whose figure is the year's total (`year_figure`), which
    an import warns about (a plain plan's read from its columns, without building targets)."""
    if not isinstance(plan, Plan):
        return {target.id for target in plan.targets if year_figure(target)}
    names = ("id", "frequency", "kind", "unit")
    columns = zip(*(plan.column(name) for name in names), strict=True)
    return {id_ for id_, freq, kind, unit in columns if _year_total(freq, kind, unit, WARNED)}


CONCENTRATION_UNITS = frozenset(
    {"微克/立方米", "毫克/立方米", "μg/m³", "μg/m3", "ug/m3", "µg/m³", "µg/m3", "mg/m³", "mg/m3"}
)
"""Units of a concentration: a level in one is a year's average (PM2.5 年均浓度) unless the
plan says `year_average = false`."""


def year_average(target: AnyTarget) -> bool:
    """Is the target's figure the year's average or rate to date (细颗粒物年均浓度, 空气质量优良率),
    judged against its bound only on the year's figure: the plan's `year_average`, else a
    level in a concentration unit (微克/立方米). A winter's 45 against the year's 29左右 is the
    season, not 滞后 (docs/status-rules.md)."""
    stated = target.year_average
    if stated is not None:
        return bool(stated) and target.kind == "level"
    return target.kind == "level" and target.unit.strip() in CONCENTRATION_UNITS


def part_year(target: AnyTarget, period: Period) -> bool:
    """A figure for `period` of such a target that is not the year's: it ends before December
    (2026-06, 2026-Q2, 2026-H1). A figure for 2026-12, -Q4 or -H2 is the year's position."""
    return not period.is_final and year_total(target)


def part_year_warnings(plan: AnyPlan, record: AnyRecord, said: set[str] | None = None) -> list[str]:
    """The warning of a record for part of the year of a target judged on the year's total,
    as a list; once per target of `said` (the ids warned about already, updated), where given."""
    target = plan.target(record.target)
    if target is None or not year_figure(target) or (said is not None and target.id in said):
        return []
    period = parse_period(record.period)
    if period.is_final:
        return []
    if said is not None:
        said.add(target.id)
    fields = {"target": target.id, "period": record.period, "year": period.year}
    if target.kind == "cumulative":  # its total to date, paced as the year goes
        return [
            _(
                "{target} {period}: a figure for part of the year; {target} is an annual "
                "target whose figure is the year's total, so this one is its total to "
                "{period}, not the year's: record the year's figure at the year's end "
                "(--period {year})"
            ).format(**fields)
        ]
    return [
        _(
            "{target} {period}: a figure for part of the year; {target} is an annual target "
            "judged on the year's figure, so this one is kept but not judged (shown as no "
            "data): record the year's figure at the year's end (--period {year})"
        ).format(**fields)
    ]
