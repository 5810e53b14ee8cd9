"""`validate`'s check of a plan's years (audit W D7): a baseline is the year before the plan's
or earlier, so `baseline = { year = 2026, … }` in the 2026 plan (a year typo), or 2027, was
taken silently and shown as the base (`2026: 4.8 %`); and a plan whose `year` is one off (2025
for the 2026 plan, every baseline then in the plan's own year) validated clean, to refuse
every 2026 figure later as "outside the plan year". Warnings, each naming the line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.i18n import _, colon_join, join_list
from plancli.plan_checks import Finding

if TYPE_CHECKING:
    from plancli.model import Plan

SHOWN = 5


def year_findings(plan: Plan, text: str | None) -> list[Finding]:
    """A baseline of the plan's year or later, one warning a target; when every baseline
    (two or more) is of the plan's own year, one warning for `[plan] year` instead."""
    from plancli.toml_lines import line_of_item

    year = plan.plan.year

    def at(message: str, table: str, index: int | None, key: str) -> str:
        line = None if text is None else line_of_item(text, table, index, key)
        return message if line is None else colon_join(_("line {n}").format(n=line), message)

    based = [(i, t) for i, t in enumerate(plan.targets) if t.baseline is not None]
    late = [(i, t) for i, t in based if t.baseline is not None and t.baseline.year >= year]
    if (
        len(based) >= 2
        and len(late) == len(based)
        and all(t.baseline is not None and t.baseline.year == year for _i, t in based)
    ):
        ids = [t.id for _i, t in based]
        shown = join_list(ids[:SHOWN] + (["…"] if len(ids) > SHOWN else []))
        message = _(
            "[plan] year = {year}, the year of every baseline ({ids}): a baseline is the year "
            "before the plan's; is the plan year {next}?"
        ).format(year=year, ids=shown, next=year + 1)
        return [
            Finding("warning", "plan_year_of_baselines", None, at(message, "plan", None, "year"))
        ]
    findings = []
    for index, target in late:
        assert target.baseline is not None
        message = _(
            "baseline year {baseline} is not before the plan year {year}: a baseline is the "
            "year before the plan's ({before}) or earlier"
        ).format(baseline=target.baseline.year, year=year, before=year - 1)
        located = at(message, "targets", index, "baseline")
        findings.append(Finding("warning", "baseline_year_not_before_plan", target.id, located))
    return findings
