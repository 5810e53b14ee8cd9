"""The report's tables as plain text cells, shared by the Markdown and HTML renderers.

Both formats render these same tables, so they cannot disagree on a figure or a column. Cells
are unescaped text; each renderer escapes for its format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from plancli.assess import STATUSES, AssessmentOut, Status
from plancli.assess.band_side import (
    band_side,
    column_key,
    off_by_section,
    section_columns,
    status_key,
    year_average_by_section,
)
from plancli.due_words import due_shown
from plancli.fmt import stated
from plancli.i18n import Lang, t
from plancli.judged_edges import edge_cell, reference_lines
from plancli.plain import ProjectCount
from plancli.report import text
from plancli.report.investment_plan import projects_cell, projects_column
from plancli.report.model import Report

Align = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    status: Status | None = None  # a status word: coloured in HTML
    band: bool = False  # 偏高 / 偏低: coloured as the 偏离区间 count, not as its status (behind)
    strong: bool = False  # a total or roll-up row


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Table:
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str | None = None  # a sentence under the table


def _table(columns: Sequence[tuple[str, Align, list[Cell]]]) -> Table:
    return Table(
        [Column(label, align) for label, align, _ in columns],
        [list(row) for row in zip(*(cells for _, _, cells in columns), strict=True)],
    )


def _figured(
    columns: Sequence[tuple[str, Align, list[Cell]]],
) -> list[tuple[str, Align, list[Cell]]]:
    """The columns with a figure in some row: completion, time progress or a monthly need that
    applies to none of the rows (growth targets alone) is left out."""
    return [c for c in columns if any(cell.text not in ("", text.DASH) for cell in c[2])]


def _status(a: AssessmentOut, lang: Lang) -> Cell:
    if a.reason == "year_figure":  # a figure, but not the year's: 无全年数据, not 无数据
        return Cell(t("report.no_year_figure", lang), status=a.status)
    # 偏高 for CPI over its band, in the 偏离区间 chip's colour
    return Cell(t(status_key(a), lang), status=a.status, band=band_side(a) is not None)


def headline(report: Report, lang: Lang) -> Table:
    """Target, year-to-date figure, completion, time progress, gap, status and what it takes.
    A figure that applies to none of the rows (completion of growth targets) is left out."""
    rows = report.headline
    ytd = "report.full_year" if text.year_over(report) else "report.ytd"  # 全年完成 at year end
    columns: list[tuple[str, Align, list[Cell]]] = [
        (text.label("report.indicator", lang), "left", [Cell(text.name(a, lang)) for a in rows]),
        (text.label("target", lang), "right", [Cell(text.target(a, lang, report)) for a in rows]),
        (text.label(ytd, lang), "right", [Cell(text.actual(a, lang)) for a in rows]),
        (
            text.label("completion", lang),
            "right",
            [Cell(text.percent(a.completion)) for a in rows],
        ),
        (
            text.label("time_progress", lang),
            "right",
            [Cell(text.percent(a.expected_share)) for a in rows],
        ),
        (text.label("gap", lang), "right", [Cell(text.gap(a, lang)) for a in rows]),
        (text.label("status", lang), "left", [_status(a, lang) for a in rows]),
        (text.label("needs", lang), "left", [Cell(text.needs(a, lang)) for a in rows]),
    ]
    shown = _table(_figured(columns))
    return replace(shown, note=references_note(report, rows, lang))


def references_note(report: Report, rows: Sequence[AssessmentOut], lang: Lang) -> str | None:
    """Under the headline table, what the figure after a relation's ≈ (>, ≥) is the growth of
    (`≈ 地区生产总值增速：城镇居民人均可支配收入与之同步`), as under `gap` and `status`: the cell
    shows `≈ 6.5%`, the reader needs the target it is of."""
    names = {
        a.reference: text.reference_name(report, a.reference, lang) for a in rows if a.reference
    }
    lines = reference_lines(rows, lang, names)
    if not lines:
        return None
    return "；".join(lines) + "。" if lang == "zh" else "; ".join(lines) + "."


def sections(report: Report, lang: Lang) -> Table:
    """Per section: targets per status (the statuses that occur), and average completion —
    left out, with the note that explains it, where no section averages any target (a plan of
    growth targets alone, 广东's: three columns of 0, — and — under a paragraph on 平均完成率,
    session 38's walk)."""
    statuses: list[Status] = [s for s in STATUSES if report.counts[s]] or ["no_data"]
    shown, counted = section_columns(  # 偏离区间, 无全年数据
        statuses,
        report.counts,
        off_by_section(report.assessments),
        year_average_by_section(report.assessments),
    )
    averaged = any(s.paced for s in report.sections)
    columns = [
        Column(text.label("section", lang)),
        Column(text.label("targets", lang), "right"),
        *(Column(text.label(column_key(s), lang), "right") for s in shown),
    ]
    if averaged:
        columns += [
            Column(text.label("report.with_figures", lang), "right"),
            Column(text.label("report.avg_completion", lang), "right"),
            Column(text.label("expected_share", lang), "right"),
        ]
    rows = [
        [
            Cell(s.name if lang == "zh" else s.name_en),
            Cell(str(s.total)),
            *(Cell(str(n) if (n := counted(s.id, s.counts)[status]) else "·") for status in shown),
            *(
                [
                    Cell(str(s.paced)),
                    Cell(text.percent(s.completion)),
                    Cell(text.percent(s.expected_share)),
                ]
                if averaged
                else []
            ),
        ]
        for s in report.sections
    ]
    if len(report.sections) < 2:  # a 合计 under the only section repeats it (session 40)
        return Table(columns, rows, note=_section_note(report, averaged, lang))
    rows.append(
        [
            Cell(text.label("total", lang), strong=True),
            Cell(str(sum(report.counts.values())), strong=True),
            *(Cell(str(counted(None, report.counts)[status]), strong=True) for status in shown),
            *(
                [Cell(str(sum(s.paced for s in report.sections)), strong=True), Cell(""), Cell("")]
                if averaged
                else []
            ),
        ]
    )
    return Table(columns, rows, note=_section_note(report, averaged, lang))


def _section_note(report: Report, averaged: bool, lang: Lang) -> str | None:
    note = (t("report.section_note", lang) if averaged else "") + partial_note(report, lang)
    return note or None


def partial_note(report: Report, lang: Lang) -> str:
    """The roll-ups the averages and counts leave out as partial sums, named with how many of
    their parts have reported (docs/report.md): 政府投资重点项目年度计划投资仅6项构成中1项有数据…"""
    names = {a.id: a.name if lang == "zh" else a.name_en for a in report.assessments}
    partial = [a for a in report.assessments if any(a.id in s.partial for s in report.sections)]
    return "".join(
        t("report.partial_note", lang).format(
            name=names[a.id], parts=len(a.parts), reported=len(a.parts) - len(a.parts_missing)
        )
        for a in partial
    )


def investment(
    rows: Sequence[AssessmentOut], lang: Lang, projects: Mapping[str, ProjectCount] | None = None
) -> Table:
    """The categories and their total: the projects where the plan states them (45（31/14）),
    the amount done against the year's, completion and pace."""
    projects = projects or {}
    shown = projects_column(rows, projects)
    columns = [
        Column(text.label("report.category", lang)),
        *([Column(text.label("report.projects", lang), "right")] if shown else []),
        Column(text.label("actual", lang), "right"),
        Column(text.label("target", lang), "right"),
        Column(text.label("completion", lang), "right"),
        Column(text.label("expected_share", lang), "right"),
        Column(text.label("report.pace", lang), "right"),
        Column(text.label("status", lang)),
    ]
    body = [
        [
            Cell(text.name(a, lang), strong=bool(a.parts)),
            *([Cell(projects_cell(projects.get(a.id), lang))] if shown else []),
            Cell(
                # `*` a stale figure, as in every other table (audit M, D3)
                stated(a.actual)
                + text.parts_note(a, lang, compact=True)
                + (" *" if a.stale else "")
                if a.actual is not None
                else text.DASH
            ),
            # the plan's figure as printed (2.30, not 2.3: session 43); 58.72（按分项合计58.71考核）
            Cell(stated(a.min) + edge_cell(a, lang)),
            Cell(text.percent(a.completion)),
            Cell(text.percent(a.expected_share)),
            Cell(text.signed(a.pace_gap_pp)),
            _status(a, lang),
        ]
        for a in rows
    ]
    from plancli.rollup_sums import judged_mismatch, judged_note

    notes = [
        judged_note(text.name(a, lang), *found, a.unit.strip(), lang)
        for a in rows
        if (found := judged_mismatch(a, rows)) is not None
    ]  # the total's own figure beside parts that add up to another (audit Y D1)
    return Table(columns, body, note=" ".join(notes) or None)


def attention(report: Report, lang: Lang) -> Table:
    """Every target missed, behind or at risk, worst first, and what it needs. A figure that
    applies to none of its rows is left out, as in the headline table: growth targets alone
    have no completion, expected share, pace or monthly need (four columns of — under 广东's
    GDP, session 38's walk)."""
    rows = report.attention
    columns: list[tuple[str, Align, list[Cell]]] = [
        (text.label("target", lang), "left", [Cell(text.name(a, lang)) for a in rows]),
        (
            text.label("section", lang),
            "left",
            [Cell(report.section_name(a.section, lang)) for a in rows],
        ),
        (text.label("status", lang), "left", [_status(a, lang) for a in rows]),
        (
            f"{text.label('actual', lang)} / {t('target', lang)}",
            "right",
            [Cell(f"{text.actual(a, lang)} / {text.target(a, lang, report)}") for a in rows],
        ),
    ]
    optional: list[tuple[str, Align, list[Cell]]] = [
        (
            text.label("completion", lang),
            "right",
            [Cell(text.percent(a.completion)) for a in rows],
        ),
        (
            text.label("expected_share", lang),
            "right",
            [Cell(text.percent(a.expected_share)) for a in rows],
        ),
        (
            text.label("report.pace", lang),
            "right",
            [Cell(text.signed(a.pace_gap_pp)) for a in rows],
        ),
        (text.label("needs", lang), "left", [Cell(text.needs(a, lang)) for a in rows]),
    ]
    columns += _figured(optional)
    return _table(columns)


def _due(a: AssessmentOut, lang: Lang) -> str:
    """A milestone's 节点时间 as the report's text writes a period: 2022年, 2022年6月 (before
    session 43 the code: 2022, 2022-06, under a Chinese heading); one `amend --due` set says
    so, with its note: 2022年9月（任务分解调整：区商务局任务分解）."""
    if not a.due:
        return text.DASH
    return due_shown(a, lang) or text.DASH


def milestones(report: Report, lang: Lang) -> Table:
    """Milestones not yet done that have a figure, the soonest due first; those without one
    are named in one line (`text.milestones_without_data`), not a grey row each."""
    columns = [
        Column(text.label("target", lang)),
        Column(text.label("section", lang)),
        Column(text.label("due", lang)),
        Column(text.label("done", lang), "right"),
        Column(text.label("status", lang)),
        Column(text.label("needs", lang)),
    ]
    body = [
        [
            Cell(text.name(a, lang)),
            Cell(report.section_name(a.section, lang)),
            Cell(_due(a, lang)),
            Cell(text.value(a, a.actual)),
            _status(a, lang),
            Cell(text.needs(a, lang)),
        ]
        for a in text.milestones_with_data(report)
    ]
    return Table(columns, body)
