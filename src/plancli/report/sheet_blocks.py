"""The report's sections after the section table that the workbook's summary sheet writes as
the Markdown report does (session 43; before, the sheet had neither): the investment plan by
category — its heading, the plan's projects (计划实施项目91项…), the table and its note — and the
milestones — the heading, the done ones named, the table of those with a figure, the line
naming those without."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancli.i18n import Lang
from plancli.report import tables, text
from plancli.report.investment_plan import plan_line
from plancli.report.model import Report
from plancli.report.tables import Table


@dataclass(slots=True)
class Block:
    heading: str
    before: list[str] = field(default_factory=list)
    table: Table | None = None
    after: list[str] = field(default_factory=list)  # notes, in the sheet's small grey


def investment_block(report: Report, lang: Lang) -> Block | None:
    if not report.investment:
        return None
    table = tables.investment(report.investment, lang, report.projects)
    projects = plan_line(report.investment, report.projects, lang)
    return Block(
        text.investment_heading(report.investment[0].unit, lang),
        [projects] if projects else [],
        table,
        [table.note] if table.note else [],
    )


def milestones_block(report: Report, lang: Lang) -> Block | None:
    if not report.milestones_total:
        return None
    table = tables.milestones(report, lang)
    without_data = text.milestones_without_data(report, lang)
    return Block(
        text.milestones_heading(report, lang),
        [text.milestones_line(report, lang)],
        table if table.rows else None,
        [without_data] if without_data else [],
    )


def tables_of(*blocks: Block | None) -> list[Table | None]:
    """The blocks' tables, for the sheet's column widths."""
    return [b.table if b is not None else None for b in blocks]
