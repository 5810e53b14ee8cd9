"""The report as Markdown: GitHub-flavoured pipe tables that paste cleanly into a document."""

from __future__ import annotations

import re

from plancli.i18n import Lang, t
from plancli.report import tables, text
from plancli.report.investment_plan import plan_line
from plancli.report.model import Report
from plancli.report.summary import build_summary, joined
from plancli.report.tables import Cell, Table
from plancli.safe import visible

# Characters that Markdown (or the HTML it may carry) would read as syntax.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(value: str) -> str:
    """User text as literal Markdown: `<script>` stays text, `|` does not split a cell, a
    line break does not end the table row, `&rlm;` stays five characters (not a bidi mark), and
    a control character is shown as an escape (`safe.visible`: ESC as `\\x1b`), as the report
    may go to a terminal."""
    shown = visible(" ".join(value.split()))
    # `&` first, as `&amp;`: every Markdown reader decodes a character reference in text
    # (`&rlm;` a live bidi mark, `&lt;b&gt;` a `<b>` shown), and Python-Markdown (MkDocs) does
    # not take `\&` as an escape, so `&amp;` is the one form all of them show as `&`.
    return _SPECIAL.sub(r"\\\1", shown.replace("&", "&amp;"))


def _cell(cell: Cell) -> str:
    if not cell.text:
        return " "
    shown = escape(cell.text)
    return f"**{shown}**" if cell.strong else shown


def table(data: Table) -> list[str]:
    rule = ["---:" if c.align == "right" else "---" for c in data.columns]
    lines = [
        _line([escape(c.label) for c in data.columns]),
        _line(rule),
        *(_line([_cell(cell) for cell in row]) for row in data.rows),
    ]
    if data.note:
        lines += ["", escape(data.note)]
    return lines


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: Report, lang: Lang) -> str:
    plan_name = report.plan_name if lang == "zh" else report.plan_name_en
    lines = [
        f"# {escape(text.title(plan_name, lang, text.year_over(report)))}",
        "",
        f"## {t('report.summary', lang)}",
    ]
    for paragraph in build_summary(report, lang).paragraphs:
        lines += ["", escape(joined(paragraph, lang))]
    if report.headline:
        lines += [
            "",
            f"## {t('headline', lang)}",
            "",
            *table(tables.headline(report, lang)),
        ]
    lines += ["", f"## {t('by_section', lang)}", "", *table(tables.sections(report, lang))]
    if report.investment:
        heading = text.investment_heading(report.investment[0].unit, lang)
        lines += [
            "",
            f"## {escape(heading)}",
            "",
        ]
        line = plan_line(report.investment, report.projects, lang)
        lines += [escape(line), ""] if line else []
        lines += table(tables.investment(report.investment, lang, report.projects))
    lines += ["", f"## {text.attention_heading(report, lang)}", ""]
    if report.attention:
        lines += table(tables.attention(report, lang))
    else:
        lines.append(escape(text.no_attention(report, lang)))
    if report.milestones_total:
        lines += [
            "",
            f"## {text.milestones_heading(report, lang)}",
            "",
            escape(text.milestones_line(report, lang)),
        ]
        milestones = tables.milestones(report, lang)
        if milestones.rows:
            lines += ["", *table(milestones)]
        without_data = text.milestones_without_data(report, lang)
        if without_data:
            lines += ["", escape(without_data)]
    if report.adjustments:
        lines += ["", f"## {escape(t('report.adjustments', lang))}", ""]
        lines += [f"- {escape(text.adjustment_line(adj, lang))}" for adj in report.adjustments]
    if any(a.stale for a in report.assessments if a.actual is not None):
        lines += ["", f"\\* {escape(t('stale_note', lang))}"]
    units = text.units_line(report, lang)
    if units:
        lines += ["", escape(units)]
    if report.generated is not None:
        lines += ["", "---", "", escape(text.generated_line(report, lang))]
    return "\n".join(lines) + "\n"
