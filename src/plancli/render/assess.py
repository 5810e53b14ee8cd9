"""Rich renderers of assessments: the gap table and the status dashboard (a target's
assessment, `show ID`, is `render.detail`).

They render the output models of `plancli.assess` (already rounded), so a table and the JSON
of the same command always show the same figures. User text (names from the plan) goes in
`Text`; colour is a style, so Rich drops it off a terminal and under NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from plancli.assess import (
    HEADLINE_SECTION,
    INVESTMENT_SECTION,
    STATUSES,
    AssessmentOut,
    GapOutput,
    HeadlineOut,
    Status,
    StatusOutput,
)
from plancli.assess.band_side import band_side, column_key, section_columns, split_counts
from plancli.fmt import num, stated
from plancli.i18n import Lang, t
from plancli.judged_edges import edge_cell
from plancli.need_text import gap_text
from plancli.render import shown
from plancli.render.amended import (
    Names,
    amended_footnote,
    amended_mark,
    display_name,
    marks_legend,
    partial_mark,
)
from plancli.render.cells import (
    STATUS_STYLES,
    EdgeApart,
    actual_of_target,
    actual_with_unit,
    figure_of_bound,
    marked,
    needs_text,
    percent,
    signed,
    target_cell,
    target_status_text,
)
from plancli.render.fitted import FittedTable
from plancli.render.glyphs import BAR_WIDTH, bar, sparkline
from plancli.render.runs import BreaksAfterSlash, KeepsRuns
from plancli.render.widths import Column, FigureAndUnit, id_column
from plancli.safe import clip_path


def _pace_header(lang: Lang) -> str:
    """`快慢` over `百分点`, as narrow as the figures (a unit in each cell, or the report's
    `快慢（百分点）`, pushed the column out of a 100-column table)."""
    return f"{t('pace_gap_pp', lang)}\n{t('pace_gap_pp_unit', lang)}"


def _table_options(title: str | None = None) -> dict[str, Any]:
    return {
        "box": box.SIMPLE_HEAD,
        "title": shown(title, style="bold") if title else None,
        "title_justify": "left",
        "pad_edge": False,
        "padding": (0, 1),
        "collapse_padding": True,  # two cells between columns, not three: room for the names
    }


def _table(title: str | None = None) -> Table:
    return Table(**_table_options(title))


def _fitted(columns: list[Column], title: str | None = None) -> FittedTable:
    return FittedTable(columns, **_table_options(title))


_NO_WRAP = {"no_wrap": True}
_FIGURE = {"justify": "right", "no_wrap": True}


def _id_column(rows: Sequence[AssessmentOut], lang: Lang) -> Column:
    """The target's id: what `plancli show ID` and `record ID` take; never folded."""
    return id_column(t("id", lang), [a.id for a in rows])


def _name_column(rows: Sequence[AssessmentOut], lang: Lang) -> Column:
    """The name folds; eight Chinese characters (16 columns) are kept for it before any
    optional figure, so a name reads in a line or two. When the terminal leaves it less than
    four (long ids at 60 columns), it goes under the id."""
    return Column(
        t("name", lang),
        [shown(display_name(a, lang)) for a in rows],
        0,
        {"overflow": "fold", "ratio": 1, "min_width": 8},
        room=16,
        under=True,
    )


# ------------------------------------------------------------------------------- gap


def gap_table(
    out: GapOutput,
    plan_name: str,
    lang: Lang,
    plan_ids: Iterable[str] = (),
    names: Names | None = None,
    empty: str | None = None,
) -> RenderableType:
    """One row per target: status, actual against the bound, the gap and what it takes;
    `empty`, the line said when no figure is judged (`ledger_read.no_figures_line`)."""
    header = _header(plan_name, out.as_of_end, out.time_progress, lang)
    if not out.targets:
        return Group(header, shown(t("no_targets", lang)))
    rows = out.targets
    table = _fitted(
        [
            _id_column(rows, lang),
            _name_column(rows, lang),
            Column(t("status", lang), [target_status_text(a, lang) for a in rows], 0, _NO_WRAP),
            Column(
                f"{t('actual', lang)} / {t('target', lang)}",
                [figure_of_bound(a, lang, out.as_of, names) for a in rows],
                0,
                {"justify": "right", "overflow": "fold"},
                # breaks after the `/` and between words, never inside a bound's id
                keeps_words=True,
            ),
            # Left out when the terminal is narrow, pace first (the completion beside the
            # time progress in the header shows it), then the completion (the figure against
            # the target shows it: 120/310), then what it takes; a column empty in every row
            # (no cumulative target shown, or the year is over) is always left out: the room
            # goes to the names. The gap, the command's point, is never left out at 40
            # columns or more: rather, the name goes under the id, or the rows become cards
            # (session 41: the cards left it out, 河南 at 80 columns in English, 北京 and
            # 河南 at 60 in Chinese, while they kept what it takes).
            Column(
                t("gap", lang),
                [shown(gap_text(a, lang)) for a in rows],
                1,
                _FIGURE,
                stacks=True,
            ),
            Column(t("done", lang), [shown(percent(a.completion)) for a in rows], 3, _FIGURE),
            Column(_pace_header(lang), [shown(signed(a.pace_gap_pp)) for a in rows], 4, _FIGURE),
            # What it takes to recover goes after the completion (which reads from the figure
            # against the target beside it: 120/310), before the gap. Rather than leave it
            # out, the name goes under the id.
            Column(
                t("needs", lang),
                [shown(needs_text(a, lang)) for a in rows],
                2,
                _FIGURE,
                stacks=True,
            ),
        ],
    )
    parts: list[RenderableType] = [header, table, _legend(out.targets, lang, names)]
    footnote = amended_footnote(out.targets, lang, plan_ids)
    if footnote is not None:
        parts.append(footnote)
    if out.as_of is None:
        parts.append(shown(empty or t("no_records", lang), style="yellow"))
    return Group(*parts)


def _legend(rows: Sequence[AssessmentOut], lang: Lang, names: Names | None) -> Text:
    counts = KeepsRuns()  # a mark's line broken as read, never `同` over `步`
    counts.phrases = counts.words = True  # between its names first (`marks_legend`)
    tally = [(status, sum(1 for a in rows if a.status == status)) for status in STATUSES]
    for status, n in split_counts(tally, rows):  # CPI off its band: 偏离区间 1, not 滞后 1
        if counts:
            counts.append("  ")
        word, style = (
            ("band.off", STATUS_STYLES["behind"])
            if status == "off_band"
            else (f"status.{status}", STATUS_STYLES[status])
        )
        counts.append(f"{t(word, lang)} {n}", style=style)
    marks = marks_legend(rows, lang, names)
    if marks is not None:  # a line of its own, not read as one more count
        counts.append("\n")
        counts.append_text(marks)
    return counts


def as_of_heading(as_of_end: str | None, lang: Lang) -> str:
    """`截至2026年6月末` (`as of 2026-06`): the moment a table is as of, by the month it ends
    (`as_of_end`), so `--as-of 上半年`, `1-6月`, `二季度` and `2026-06` head it alike, as
    they judge alike; the year's end is 年末 (session 40: 上半年 headed it `截至 2026-H1`)."""
    if as_of_end is None:
        return f"{t('as_of', lang)} —"
    if lang != "zh":
        return f"{t('as_of', lang)} {as_of_end}"
    year, month = as_of_end.split("-")
    return f"{t('as_of', lang)}{year}年{'' if month == '12' else f'{int(month)}月'}末"


def _header(
    plan_name: str, as_of_end: str | None, time_progress: Decimal | None, lang: Lang
) -> RenderableType:
    title = shown(plan_name, style="bold")
    line = Text()
    line.append(f"{as_of_heading(as_of_end, lang)}   {t('time_progress', lang)} ")
    if time_progress is not None:
        line.append_text(bar(time_progress, None, "cyan"))
        line.append(f" {percent(time_progress)}")
    else:
        line.append("—")
    return Group(title, line)


# ------------------------------------------------------------------------- dashboard


def dashboard(
    out: StatusOutput,
    lang: Lang,
    plan_ids: Iterable[str] = (),
    names: Names | None = None,
    empty: str | None = None,
    workspace: tuple[str, str] | None = None,
) -> RenderableType:
    """The bureau head's page: header, headline indicators, sections, investment, worst ten;
    `names`, the references awaited (`reference_names`), for the legend; `empty`, the line
    said when no figure is judged (`ledger_read.no_figures_line`); `workspace`, the plan file
    and the marker it was found by (`workspace.py`), said above the ledger."""
    plan_name = out.plan_name if lang == "zh" else out.plan_name_en
    parts: list[RenderableType] = [_header(plan_name, out.as_of_end, out.time_progress, lang)]
    if workspace is not None:
        plan_file, marker = workspace
        line = t("plan.workspace", lang).format(plan=clip_path(plan_file), marker=clip_path(marker))
        parts.append(shown(line, style="dim"))
    if out.ledger is not None:
        label = t("ledger", lang)  # 台账： takes no space after its full-width colon
        parts.append(
            shown(f"{label}{'' if label.endswith('：') else ' '}{out.ledger}", style="dim")
        )
    if out.as_of is None:
        parts.append(shown(empty or t("no_records", lang), style="yellow"))
    if out.headline:
        parts.append(headline_table(out.headline, lang, out.as_of, names))
    parts.append(section_table(out, lang))
    if out.investment:
        parts.append(investment_table(out.investment, lang))
    blocks = (HEADLINE_SECTION, INVESTMENT_SECTION)
    if any(s.total for s in out.sections if s.id not in blocks):  # the plan has work targets
        parts.append(worst_table(out.worst, lang, out.as_of))
    marks = marks_legend([*out.headline, *out.investment, *out.worst], lang, names)
    if marks is not None:
        parts.append(marks)
    footnote = amended_footnote([*out.headline, *out.investment, *out.worst], lang, plan_ids)
    if footnote is not None:
        parts.append(footnote)
    return Group(*parts)


def headline_table(
    rows: Sequence[HeadlineOut], lang: Lang, as_of: str | None = None, names: Names | None = None
) -> FittedTable:
    """The headline indicators; `names`, their relations' references by name
    (`reference_names`). Before any figure is recorded the actual column, blank in every
    row, is left out: the status says 无数据, and its room goes to the names (甘肃's
    `地区生产` over `总值` beside an empty 完成值 at 72 columns, session 38)."""
    actuals: list[Text] = []
    for a in rows:  # `31.5 微克/立方米` whole in a narrow column (`FigureAndUnit`)
        cell = marked(a, partial_mark(a, actual_with_unit(a, lang)))
        actuals.append(FigureAndUnit(cell.plain, style=cell.style))
    return _fitted(
        [
            _id_column(rows, lang),
            _name_column(rows, lang),
            Column(
                t("target", lang),
                [target_cell(a, lang, as_of, names) for a in rows],
                0,
                {"justify": "right"},
                # a 左右's edge goes under its bound (`≈ 5%` over `(≥4.5%)`) before the
                # name beside it folds the more
                keeps_words=True,
            ),
            *(
                [Column(t("actual", lang), actuals, 0, {"justify": "right"})]
                if any(cell.plain for cell in actuals)
                else []
            ),
            Column(
                t("gap", lang),
                [shown(gap_text(a, lang)) for a in rows],
                1,  # a figure with its unit (2个百分点) before the sparkline
                {"justify": "right"},
            ),
            Column(t("status", lang), [target_status_text(a, lang) for a in rows], 0, _NO_WRAP),
            Column(
                t("trend", lang),
                [
                    shown(sparkline([p.value for p in a.series]), style=STATUS_STYLES[a.status])
                    for a in rows
                ],
                2,
                _NO_WRAP,
            ),
        ],
        t("headline", lang),
    )


def section_table(out: StatusOutput, lang: Lang) -> FittedTable:
    """Per section, how many targets are in each status. A status no target has is left out
    (before year end, nothing is missed): the room goes to the section names. The statuses
    head their columns whole; a narrow terminal loses the total column (the total row stays),
    then folds the section names (at 40 columns Rich cut "behind" to "behin" over "d"). The
    total row is for two sections or more: under the only one it repeated it (2026 plans)."""
    present: list[Status] = [s for s in STATUSES if out.counts[s]] or ["no_data"]
    # CPI off its band counted 偏离区间, not 滞后, in whichever section it is
    off: dict[tuple[str, str], int] = {
        (s.id, status): n for s in out.sections for status, n in s.off_band.items()
    }
    statuses, counted = section_columns(present, out.counts, off)
    sections = [
        (
            shown(section.name if lang == "zh" else section.name_en),
            counted(section.id, section.counts),
            section.total,
        )
        for section in out.sections
    ]
    if len(out.sections) > 1:  # one section's total would repeat its row (every 2026 plan)
        total = sum(out.counts.values())
        sections.append((shown(t("total", lang)), counted(None, out.counts), total))
    return FittedTable(
        [
            Column(
                t("section", lang),
                [name for name, _counts, _total in sections],
                0,
                {"overflow": "fold", "ratio": 1, "min_width": 4},
                room=8,
                # on a line of its own above its counts when they leave it too little room
                # (at 40 columns `trac` over `k`, and the last counts cut away)
                whole=True,
            ),
            *(
                Column(
                    shown(
                        t(column_key(status), lang),
                        style=STATUS_STYLES["behind" if status == "off_band" else status],
                    ),
                    [
                        shown(str(counts[status]) if counts[status] else "·")
                        for _n, counts, _t in sections
                    ],
                    0,
                    _FIGURE,
                )
                for status in statuses
            ),
            Column(t("total", lang), [shown(str(total)) for _n, _c, total in sections], 1, _FIGURE),
        ],
        row_styles=[None] * len(out.sections) + ["bold"] * (len(sections) - len(out.sections)),
        **_table_options(t("by_section", lang)),
    )


def investment_table(rows: Sequence[AssessmentOut], lang: Lang) -> FittedTable:
    """The investment categories: completion bars beside the figures. A narrow terminal
    loses the bars first, then the percentages (the figure against the target stays); the
    names fold, and the status stays whole (at 40 columns, Rich
    out of room cut it to "on t" / "at r" and every figure to "6.3…")."""
    unit = rows[0].unit
    word = t("investment", lang)
    options = _table_options(f"{word}（{unit}）" if lang == "zh" else f"{word} ({unit})")
    options["caption"] = shown(f"┃ = {t('expected_share', lang)}", style="dim")
    options["caption_justify"] = "left"
    return FittedTable(
        [
            Column(
                t("name", lang),
                [shown(display_name(a, lang), style="bold" if a.parts else "") for a in rows],
                0,
                {"overflow": "fold", "ratio": 1, "min_width": 8},
                room=8,
            ),
            Column(
                f"{t('actual', lang)} / {t('target', lang)}",
                [_investment_figure(a, lang) for a in rows],
                0,
                {"justify": "right", "overflow": "fold"},
                keeps_words=True,  # breaks after the `/`, never "6.368/15…"
            ),
            Column(
                t("completion", lang),
                [
                    bar(
                        a.completion,
                        a.expected_share,
                        STATUS_STYLES[a.status],
                        width=BAR_WIDTH // 2 + 2,
                    )
                    for a in rows
                ],
                2,
                _NO_WRAP,
            ),
            Column("", [shown(percent(a.completion)) for a in rows], 1, _FIGURE),
            Column(t("status", lang), [target_status_text(a, lang) for a in rows], 0, _NO_WRAP),
        ],
        **options,
    )


def _investment_figure(a: AssessmentOut, lang: Lang) -> BreaksAfterSlash:
    actual = partial_mark(a, stated(a.actual)) if a.actual is not None else "—"
    edge = edge_cell(a, lang)  # a total judged at its parts' sum: 58.72（按分项合计58.71考核）
    cell = marked(a, f"{actual}/{num(a.min)}{edge}{amended_mark(a)}")
    return EdgeApart(cell.plain, edge, style=cell.style)


def worst_table(
    rows: Sequence[AssessmentOut], lang: Lang, as_of: str | None = None
) -> RenderableType:
    if not rows:
        return Group(shown(t("worst", lang), style="bold"), shown(t("nothing_behind", lang)))
    return _fitted(
        [
            _id_column(rows, lang),
            _name_column(rows, lang),
            Column(t("status", lang), [target_status_text(a, lang) for a in rows], 0, _NO_WRAP),
            # A level or a growth has no completion: its figure against its bound, not a bare
            # 96.5% a reader would take for the share done
            Column(
                t(
                    "completion"
                    if all(a.completion is not None for a in rows)
                    else "done_or_actual",
                    lang,
                ),
                [
                    marked(a, partial_mark(a, percent(a.completion)) + amended_mark(a))
                    if a.completion is not None
                    else marked(a, actual_of_target(a, lang, as_of) if a.actual is not None else "")
                    for a in rows
                ],
                0,
                {"justify": "right"},
            ),
            Column(
                _pace_header(lang),
                [shown(signed(a.pace_gap_pp)) for a in rows],
                2,
                {"justify": "right"},
            ),
            # what it takes stays, as in `gap`: rather than leave it out, each row a card
            Column(
                t("needs", lang),
                [shown(needs_text(a, lang)) for a in rows],
                1,
                _FIGURE,
                stacks=True,
            ),
        ],
        t("worst_band" if any(band_side(a) for a in rows) else "worst", lang),
    )
