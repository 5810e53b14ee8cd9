"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, no URL.

Rendered with Jinja2 with autoescaping on, so every name from the plan or the ledger is
escaped (`<script>` shows as text). The page opens offline, names Chinese fonts that ship with
the common systems before the generic fallback, and has a print stylesheet for A4.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from plancli import __version__
from plancli.assess import STATUSES
from plancli.assess.band_side import column_key, split_counts
from plancli.i18n import Lang, t
from plancli.report import charts, tables, text
from plancli.report.investment_plan import plan_line
from plancli.report.model import Report
from plancli.report.summary import build_summary, joined
from plancli.safe import visible

if TYPE_CHECKING:
    import jinja2
    import markupsafe


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("plancli.report", "templates"),
        autoescape=True,  # every template, whatever its name: user text is always escaped
        undefined=jinja2.StrictUndefined,  # a misspelt variable fails, never renders empty
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_visible,
    )


def _visible(value: object) -> object:
    """Every `{{ value }}` of text with its control characters shown as escapes (ESC as
    `\\x1b`): the page may be printed to a terminal, and a browser shows no ESC either.
    Markup (a macro's output) was finalized piece by piece already; line breaks are kept."""
    import markupsafe

    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return visible(value, newlines=True)
    return value


def figure_spans(units: Iterable[str]) -> Callable[[str], markupsafe.Markup]:
    """A cell's text, escaped, with each figure and its unit (`≥ 7%`, `0.28亿元`, `2个百分点`,
    `1.4 pp`) in a `<span class="fig">` the stylesheet keeps on one line: a narrow column
    wraps between words, never inside `0.28亿` / `元`. `units` are the plan's units."""
    import markupsafe

    # a unit as the page shows it (`visible`), as the text it is looked for in
    words = {visible(u.strip()) for u in units if u.strip()} | {"%", t("pp", "zh"), t("pp", "en")}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    figure = re.compile(rf"(?:[≥≤><≈] ?)?[-+−]?\d[\d,]*(?:\.\d+)? ?(?:{alternatives})")

    def spans(text: str) -> markupsafe.Markup:
        text = visible(text, newlines=True)
        out, start = [], 0
        for match in figure.finditer(text):
            out.append(markupsafe.escape(text[start : match.start()]))
            out.append(markupsafe.Markup('<span class="fig">%s</span>') % match.group())
            start = match.end()
        out.append(markupsafe.escape(text[start:]))
        return markupsafe.Markup("").join(out)

    return spans


def render_html(report: Report, lang: Lang) -> str:
    plan_name = report.plan_name if lang == "zh" else report.plan_name_en
    milestones_table = tables.milestones(report, lang) if report.milestones else None
    if milestones_table is not None and not milestones_table.rows:
        milestones_table = None  # every milestone left is without data: named in one line
    template = _environment().get_template("report.html.j2")
    return template.render(
        lang=lang,
        html_lang="zh-CN" if lang == "zh" else "en",
        t=lambda key: t(key, lang),
        label=lambda key: text.label(key, lang),
        figures=figure_spans(a.unit for a in report.assessments),
        dash=text.DASH,
        title=text.title(plan_name, lang, text.year_over(report)),
        as_of_line=text.as_of_line(report.as_of, report.time_progress, lang),
        summary=[joined(p, lang) for p in build_summary(report, lang).paragraphs],
        time_progress=charts.share_of_track(report.time_progress),
        time_progress_text=text.percent(report.time_progress),
        counts=[  # CPI off its band a chip of its own, 偏离区间, in a colour of its own
            (status, t(column_key(status), lang), n)
            for status, n in split_counts(
                [(s, report.counts[s]) for s in STATUSES], report.assessments
            )
        ],
        total=sum(report.counts.values()),
        report=report,
        headline=tables.headline(report, lang) if report.headline else None,
        headline_charts=charts.headline_charts(report, lang),
        sections=tables.sections(report, lang),
        section_bars=charts.section_bars(report.sections, lang),
        investment_heading=(
            text.investment_heading(report.investment[0].unit, lang) if report.investment else ""
        ),
        investment=(
            tables.investment(report.investment, lang, report.projects)
            if report.investment
            else None
        ),
        investment_plan=plan_line(report.investment, report.projects, lang),
        investment_bars=charts.investment_bars(report.investment, lang),
        attention=tables.attention(report, lang) if report.attention else None,
        attention_heading=text.attention_heading(report, lang),
        no_attention=text.no_attention(report, lang),
        milestones_line=text.milestones_line(report, lang) if report.milestones_total else "",
        milestones=milestones_table,
        adjustments=[text.adjustment_line(adj, lang) for adj in report.adjustments],
        milestones_without_data=text.milestones_without_data(report, lang),
        milestones_heading=text.milestones_heading(report, lang),
        stale=any(a.stale for a in report.assessments if a.actual is not None),
        units=text.units_line(report, lang),
        generated=text.generated_line(report, lang) if report.generated else "",
        version=__version__,
    )
