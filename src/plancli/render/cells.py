"""The cells of the assessment tables (`render.assess`) and of `show` (`render.detail`): a
status in its colour, a figure with its unit, a bound, a need. They read the output models of
`plancli.assess`, already rounded, so a cell and the JSON give the same figure."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.containers import Lines
from rich.style import Style
from rich.text import Text

from plancli.assess import AssessmentOut, Status
from plancli.fmt import (
    bound_text,
    halfway_note,
    num,
    percent_figure,
    relation_sign,
    stated,
    stated_text,
    table_cell,
)
from plancli.i18n import Lang, t
from plancli.judged_edges import edge_cell, judged_edges
from plancli.need_text import per_month_text, whole_need
from plancli.periods import earlier_part
from plancli.render import shown
from plancli.render.amended import (
    Names,
    amended_mark,
    awaiting_reference,
    partial_mark,
    short_reference,
)
from plancli.render.figure_runs import after_slash
from plancli.render.runs import BreaksAfterSlash, keeping_runs
from plancli.rest_precision import rest_shown
from plancli.unit_words import class_text

STATUS_STYLES: dict[Status, str] = {
    "met": "bold green",
    "on_track": "green",
    "at_risk": "yellow",
    "behind": "red",
    "missed": "bold red",
    "no_data": "dim",
    "pending": "magenta",
    "tracked": "cyan",
    "dropped": "dim",
}


# ---------------------------------------------------------------------------- cell texts


def status_text(status: Status, lang: Lang) -> Text:
    return shown(t(f"status.{status}", lang), style=STATUS_STYLES[status])


def target_status_text(a: AssessmentOut, lang: Lang) -> Text:
    """One target's status: 偏高 / 偏低 for a band target off its band (assess/band_side)."""
    from plancli.assess.band_side import status_key

    return shown(t(status_key(a), lang), style=STATUS_STYLES[a.status])


def percent(share: Decimal | None) -> str:
    """A share as a percentage with the places it has (0.3871 → 38.71%, 0.5 → 50%)."""
    return "" if share is None else f"{num(share * 100)}%"


def signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = num(value)
    return f"+{text}" if value > 0 else text


def in_percent(a: AssessmentOut) -> bool:
    return a.kind in ("growth", "relative", "milestone", "trend") or a.unit == "%"


def value_text(a: AssessmentOut, value: Decimal | None) -> str:
    if value is None:
        return ""
    if (water_class := class_text(value, a.unit)) is not None:  # Ⅱ类 in 2/≤Ⅲ类 was 2
        return water_class
    return percent_figure(value) if in_percent(a) else stated(value)


def actual_text(a: AssessmentOut, lang: Lang) -> str:
    """The figure judged; a decline's or a change's as the bulletin states it (`-2.1%`, 下降2.1%,
    增长1%, `+0.42 pp`, 提高0.42个百分点)."""
    if a.actual is not None and (stated := stated_text(a, a.actual, lang)) is not None:
        return stated
    return value_text(a, a.actual)


def actual_with_unit(a: AssessmentOut, lang: Lang) -> str:
    """The headline table's figure with its unit, as the bound beside it (`20万人` beside
    `≥ 40万人`; `5%` beside `≥ 7%`)."""
    text = actual_text(a, lang)
    if not text or in_percent(a) or a.kind == "change" or not a.unit.strip():
        return text
    if a.actual is not None and class_text(a.actual, a.unit) == text:  # Ⅱ类, not Ⅱ类 类
        return text
    return table_cell(f"{text} {a.unit}", lang)


def target_text(
    a: AssessmentOut, lang: Lang = "en", as_of: str | None = None, names: Names | None = None
) -> str:
    """The bound in force as a cell writes it; a relative target's, by `names`
    (`reference_names`), with its reference named (`≈ 地区生产总值`, `≈ GDP`), not by id."""
    if a.kind == "relative" and a.reference_actual is not None:
        # the reference's growth, same period, and how the target compares with it; that
        # period named where it is not `as_of`'s, as the report names it (≈ 4.7 %（前三季度）:
        # GDP's row beside it shows the year's 4.496 %)
        text = f"{relation_sign(a.relation)} {stated(a.reference_actual)} %"
        return text + reference_period_cell(a, lang, as_of)
    if awaiting_reference(a):  # ≈ 参照: the legend names it (GDP for Q2 not out yet)
        return f"{relation_sign(a.relation)} {t('reference_cell', lang)}"
    if a.kind == "relative" and a.reference and names and a.reference in names:
        # no figure of its reference yet: the reference by name, as `targets` and `show` name
        # it (`≈ gdp` meant nothing to a reader, session 32's walk)
        return f"{relation_sign(a.relation)} {short_reference(names[a.reference], a.reference)}"
    if a.status == "dropped":  # no bound in force: 不再考核
        return t("status.dropped", lang)
    if a.kind == "trend":  # the band in force, its default tolerance too: `stable ±0.5 %`
        return bound_text(a, lang=lang)  # (`a.bound` is the plan's: `stable`, no band)
    return a.bound if lang == "en" else bound_text(a, lang=lang)  # 下降, 争取, 待下达


def reference_period_cell(a: AssessmentOut, lang: Lang, as_of: str | None) -> str:
    """`（前三季度）`, ` (Q1–Q3)`: a relation's reference figure's period where it ends before
    `as_of`, else ""."""
    if a.kind != "relative" or a.reference_actual is None:
        return ""
    part = earlier_part(a.period, as_of, a.frequency, lang)
    return t("reference_period_cell", lang).format(period=part) if part else ""


def judged_target_text(a: AssessmentOut, lang: Lang = "en", as_of: str | None = None) -> str:
    """The bound, and for an X左右 the edge it is judged at, as `amend --around` says it:
    `≈ 5.5 %，按 ≥ 5 % 考核` (a floor), `按 ≤ 6 % 考核` (a ceiling), `1.5–2.5 %` (a band)."""
    text = target_text(a, lang, as_of)
    if a.parts_sum is not None and a.status != "dropped":  # 58.72, judged at its parts' 58.71
        edges = replace(a, min=a.low, max=None, stretch=None)
        judged = t("judged_edges", lang).format(bound=text, edges=bound_text(edges, lang=lang))
        return judged + t("parts_sum_why", lang)
    edge = judged_edges(a, lang)
    if edge is None:
        return text
    judged = t("judged_edges", lang).format(bound=text, edges=edge)
    if a.around_baseline is None or a.around is None:
        return judged
    return judged + halfway_note(a.around_baseline, a.around, a.unit, lang)


def target_cell(
    a: AssessmentOut, lang: Lang, as_of: str | None = None, names: Names | None = None
) -> EdgeApart:
    """The bound in a table cell (`≈ 5.5%（≥5%）`), its edge on a line of its own when narrow."""
    text = table_cell(target_text(a, lang, as_of, names), lang)
    label = reference_period_cell(a, lang, as_of)
    edge = edge_cell(a, lang, relation=not label) or label  # on a line of its own
    cell = shown(text + edge_cell(a, lang, relation=not label) + amended_mark(a))
    return EdgeApart(cell.plain, edge, style=cell.style, whole=True, label=edge == label)


def actual_of_target(
    a: AssessmentOut, lang: Lang = "en", as_of: str | None = None, names: Names | None = None
) -> str:
    """`120/310 个`, `5%/≥7%`, `4.2%/≤4.8%`: the figure against its bound, compactly, the
    bound's words in the table's language (`—/待下达`); `†` marks a bound adjusted mid-year,
    `+` a sum without some of its parts (`6.2+/58.72 亿元`)."""
    actual = partial_mark(a, actual_text(a, lang)) or "—"
    if a.kind == "cumulative" and a.max is None and not a.exclusive and a.min is not None:
        bound = table_cell(f"{stated(a.min)} {a.unit}", lang)
        return f"{actual}/{bound}{edge_cell(a, lang)}{amended_mark(a)}"  # （按分项合计58.71考核）
    # ≥ 39个（推进中）, as every Chinese cell
    compact = table_cell(target_text(a, lang, as_of, names), lang)
    for operator in ("≥ ", "≤ ", "> ", "< ", "≈ ", "= "):
        compact = compact.replace(operator, operator.strip())
    if a.actual is not None and not any(c.isdigit() for c in compact):
        # 待下达, 不再考核, —: no figure after the slash to carry the unit, so the figure does
        # (天津's 减排减污指标 1.3/待下达 said no 万吨 until session 41's walk)
        actual = partial_mark(a, actual_with_unit(a, lang))
    edge = edge_cell(a, lang, relation=not reference_period_cell(a, lang, as_of))
    return f"{actual}/{compact}{edge}{amended_mark(a)}"  # ≈5%（≥4.5%）


def needs_text(a: AssessmentOut, lang: Lang) -> str:
    """What it takes, with its unit: per remaining month (`31个/月`, `0.28亿元/月`, `2个/6个月`; a
    milestone's in points) or the rest's growth (`8.72%`)."""
    if a.status == "met":
        return ""
    need = whole_need(a)
    if need is not None and not need.monthly:  # 2个/6个月, not 0.33个/月 (docs/report.md)
        figure = table_cell(f"{need.number} {a.unit}", lang)
        return figure + t("in_months", lang).format(months=a.months_left)
    if a.required_per_month is not None:
        return f"{per_month_text(a, lang)}{t('per_month', lang)}"
    if a.required_growth_rest is not None:
        return rest_shown(a, lang, "compact")  # 约5.4%, 9.9%—10.4% (rest_precision.py)
    return ""


def marked(a: AssessmentOut, text: str) -> Text:
    """A figure, with * when the latest record is older than the target's frequency allows."""
    return shown(f"{text}*" if a.stale and text else text)


def figure_of_bound(
    a: AssessmentOut, lang: Lang, as_of: str | None = None, names: Names | None = None
) -> Text:
    """`120/310 个`, breaking after the `/` in a narrow column, never inside the bound."""
    cell = marked(a, actual_of_target(a, lang, as_of, names))
    label = reference_period_cell(a, lang, as_of)
    edge = edge_cell(a, lang, relation=not label) or label  # （前三季度） whole
    return EdgeApart(cell.plain, edge, style=cell.style, label=edge == label)


class EdgeApart(BreaksAfterSlash):
    """A bound with the edge it is judged at (`4.8%/≈5.5%（≥5%）`) that, too wide for its
    column, breaks after the `/` and then before the edge, which stays whole on its own line."""

    def __init__(
        self,
        text: str,
        edge: str,
        style: str | Style = "",
        whole: bool = False,
        label: bool = False,
    ) -> None:
        super().__init__(text, style=style)
        self.edge_at = text.rfind(edge) if edge else -1
        self.whole = whole  # a bound alone (`≤ 4.8%`): never `≤` over `4.8%`
        # A reference's period (`（前三季度）`) added after the bound: the table leaves no column
        # out for it (`FittedTable`), it goes on a line of its own first.
        self.label_width = cell_len(edge) if label and edge and self.edge_at > 0 else 0

    def _apart(self) -> tuple[str, str] | None:
        plain = self.plain
        if self.edge_at <= 0 or "\n" in plain or len(plain) <= self.edge_at:
            return None
        return plain[: self.edge_at], plain[self.edge_at :].strip()

    def parted(self, width: int) -> tuple[Text, Text] | None:
        """The bound without its edge and the edge, where the edge is wider than `width` (its
        column in a card): the card gives the edge a line of its own under the bound, as wide
        as the columns up to it (`cards`), the sign, the figure and the unit on one line; in
        the column alone 北京's pm25 broke as `（≤30.45` over `微克/立方米）` (`gap`, 40–45
        columns, session 42). A bound after its `/` wider than `width` too goes there with it,
        on the line above (`≈29微克/立方米`, not `≈29` over `微克/立方米`), the figure and its
        `/` left in the column. None where the edge fits (or there is none)."""
        apart = self._apart()
        if apart is None or cell_len(apart[1]) <= width:
            return None
        head, edge = apart[0].rstrip(), apart[1]
        slash = after_slash(head)
        if slash and cell_len(head[slash:]) > width:
            head, edge = head[:slash], f"{head[slash:]}\n{edge}"
        bound = EdgeApart(head, "", style=self.style, whole=self.whole)
        return bound, Text(edge, style=self.style)

    def least_width(self) -> int:
        apart = self._apart()
        if self.whole:
            return max(cell_len(part) for part in apart or (self.plain,))
        if apart is None:
            return super().least_width()
        return max(BreaksAfterSlash(apart[0]).least_width(), cell_len(apart[1]))

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        apart = self._apart()
        plain = self.plain
        if apart is None or cell_len(plain[after_slash(plain) :]) <= width:
            return super().wrap(console, width, **options)
        lines = BreaksAfterSlash(apart[0], style=self.style).wrap(console, width, **options)
        # an edge wider than its line breaks as `KeepsRuns`, a unit with a slash whole: Rich
        # folded 北京's pm25 `（≤30.45微克/立` over `方米）` (a `gap` card at 40 columns)
        edge = Text(apart[1], style=self.style)
        if cell_len(apart[1]) > width and not options.get("no_wrap"):
            edge = keeping_runs(edge, phrases=True)
        lines.extend(edge.wrap(console, width, **options))
        return lines
