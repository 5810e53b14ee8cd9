"""The government investment plan as the plan states it, beside its progress: how many
projects (续建, 新开工) each category holds and the whole plan's total investment (官渡区2022:
91项，续建45项、新开工46项，总投资415.05亿元, audit Y D5). The amounts' progress is the
investment table's; the plan records no progress of the projects themselves (how many
started, finished)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from plancli.assess import AssessmentOut
from plancli.fmt import num, stated
from plancli.i18n import Lang, t
from plancli.plain import ProjectCount
from plancli.safe import visible


def projects_cell(projects: ProjectCount | None, lang: Lang) -> str:
    """`45（31/14）`: a category's projects, continuing and new, under the column's heading."""
    if projects is None:
        return "—"
    split = f"{projects.continuing}/{projects.new}"
    return f"{projects.total}（{split}）" if lang == "zh" else f"{projects.total} ({split})"


def projects_column(rows: Sequence[AssessmentOut], projects: Mapping[str, ProjectCount]) -> bool:
    """Does any row of the table have its projects stated?"""
    return any(a.id in projects for a in rows)


def plan_line(
    rows: Sequence[AssessmentOut], projects: Mapping[str, ProjectCount], lang: Lang
) -> str | None:
    """`计划实施项目91项，其中续建45项、新开工46项，总投资415.05亿元，年度计划投资58.72亿元。`: the
    roll-up's projects (the categories' total), its total investment where the plan states one
    and its planned amount for the year; None where no row has projects."""
    total = next((a for a in reversed(rows) if a.id in projects and a.parts), None)
    if total is None:
        return None
    count = projects[total.id]
    line = t("investment_plan.projects", lang).format(
        total=count.total, continuing=count.continuing, new=count.new
    )
    unit = visible(total.unit.strip())
    if count.total_investment is not None:
        line += t("investment_plan.total_investment", lang).format(
            amount=num(count.total_investment), unit=unit
        )
    if total.min is not None:
        line += t("investment_plan.planned", lang).format(amount=stated(total.min), unit=unit)
    return line + ("。" if lang == "zh" else ".")
