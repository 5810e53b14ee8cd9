"""`show ID`'s assessment of one target: every figure on a line of its own, with its unit."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from plancli.assess import AssessmentOut
from plancli.due_words import due_shown
from plancli.fmt import bound_text, num, stated, stated_text
from plancli.i18n import Lang, _, t
from plancli.need_text import gap_text, per_month_text, whole_need
from plancli.part_year import no_year_figure
from plancli.periods import applies_from, parse_period
from plancli.plain import Record, Target
from plancli.render import shown, zh_brackets
from plancli.render.amended import entry_period
from plancli.render.cells import (
    actual_text,
    in_percent,
    judged_target_text,
    signed,
    target_status_text,
)
from plancli.render.runs import keeping_runs
from plancli.rest_precision import rest_shown
from plancli.safe import clip
from plancli.settled import PACE_LINES, is_settled, pace_over
from plancli.to_date import cumulative_to_date, figure_period, zh_period_end
from plancli.unit_words import class_text


def figure_with_unit(a: AssessmentOut, value: Decimal | None, recorded: bool = False) -> str:
    """A figure with its unit as `show` writes its lines (`126 个`, `5 %`, as `≥ 310 个`)."""
    if value is None:
        return ""
    shown = stated(value) if recorded else num(value)  # a figure recorded: 3.0 as stated
    if in_percent(a):  # (spaced as `show`'s bounds, `≈ 3 %`)
        return f"{shown} %"
    return class_text(value, a.unit) or f"{shown} {a.unit}".rstrip()  # (Ⅱ类, not 2 类)


def share_text(share: Decimal | None) -> str:
    """A share as `show` writes its lines, spaced as its figures (`完成率 100 %`, `50 %`);
    the tables' `percent` writes `100%`, figure and unit together (docs/chinese.md)."""
    return "" if share is None else f"{num(share * 100)} %"


def _tolerance_text(a: AssessmentOut, lang: Lang) -> str:
    """The tolerance applied; for 同步 (`≈` beside the reference), also the floor it makes:
    同步 is met by any figure down to the reference less the tolerance, and by any above it."""
    text = f"{num(a.tolerance_pp)} {t('pp', lang)}"
    if a.kind == "relative" and a.relation in (None, "same") and a.reference_actual is not None:
        floor = Decimal(a.reference_actual) - Decimal(a.tolerance_pp or 0)
        text += t("same_floor", lang).format(floor=num(floor))
    return text


def assessment_detail(
    a: AssessmentOut,
    as_of: str | None,
    lang: Lang,
    reference_name: str | None = None,
    own_superseded: tuple[Decimal, str] | None = None,
    planned: Target | None = None,
    met_by: Record | None = None,
) -> RenderableType:
    """The assessment of one target and the components it was judged on; `reference_name`, the
    name a relative target's reference is shown by (its id when not given); `own_superseded`,
    a roll-up's own figure and period that its parts' later sum superseded; `planned`, the
    plan's target, to say why a growth target's need is missing (no baseline amount);
    `met_by`, the record that met it (`settled.met_by`). A target met, or missed, has no pace
    lines."""
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold")
    rows.add_column(overflow="fold")
    settled = is_settled(a.status)
    paced = not pace_over(a.status)  # met, or missed at the year's end: no pace lines

    def add(key: str, value: str | Text | None) -> None:
        if value and (paced or key not in PACE_LINES):
            # broken between characters or at a space, never inside a date or a figure with
            # its unit (`区人大常委会7` over `月批准…` at 40 columns)
            text = value if isinstance(value, Text) else keeping_runs(shown(value))
            rows.add_row(t(key, lang), text)

    add("status", target_status_text(a, lang))
    zh = lang == "zh"  # 截至 2026年三季度末, 期间 2026年前三季度: words, not codes (session 42)
    add("as_of", (zh_period_end(as_of) if zh else as_of) if as_of else "—")
    # a monthly growth's 2026-06 is 1-6月 (session 43: it read 2026年6月, June alone)
    to_date = cumulative_to_date(a.kind, a.frequency)
    add("period", figure_period(a.period, lang, to_date) if a.period else a.period)
    if settled:  # done 2022-09 (recorded …, batch 3c7987): when, and by which record
        add("met_done" if a.kind == "milestone" else "met_on", met_text(a, met_by, lang))
    if a.stale:  # beside the figure's period, where gap and status put their `*`
        add("stale", shown(t("stale_note", lang), style="yellow"))
    if a.actual is not None and stated_text(a, a.actual, lang) is None:
        add("actual", figure_with_unit(a, a.actual, recorded=True))
    else:
        add("actual", actual_text(a, lang))
    if a.amount is not None:
        add("amount", f"{stated(a.amount)} {a.unit}")
    target = judged_target_text(a, lang, as_of)  # ≈ 5.5 %，按 ≥ 5 % 考核
    if a.kind == "relative" and a.reference_actual is None and reference_name:
        target = f"{target.split(' ', 1)[0]} {reference_name}"  # ≈ 地区生产总值, not ≈ gdp
    # `≥ 5 %（争取 5.5 %）` in a Chinese line, as status and the report write it
    add("target", zh_brackets(target) if lang == "zh" and a.kind != "relative" else target)
    if a.amended_from is not None:
        detail = "dropped_detail" if a.status == "dropped" else "amended_detail"
        # the month it applies from, as the footnotes of gap and status say it: 2022年6月
        # for 2022-H1 (自2022年上半年起 read as from January), 2022年12月 for an older
        # ledger's bare 2022 (自2022年起 read as all of 2022)
        period = entry_period(applies_from(a.amended_from), lang)
        adjusted = t(detail, lang).format(period=period)
        note = a.amendment_note
        if note:
            adjusted += f"（{note}）" if lang == "zh" else f" ({note})"
        add("amended", adjusted)
    if a.reference:
        named = reference_name or a.reference
        if a.reference_actual is None and a.actual is not None:  # the reference is missing
            named += "（同期尚无数据）" if lang == "zh" else " (no figure for the same period yet)"
        add("reference", f"{named} {figure_with_unit(a, a.reference_actual)}".strip())
    if a.gap is not None:
        add("gap", gap_text(a, lang, spaced=True))
    add("completion", share_text(a.completion))
    add("time_progress", share_text(a.time_progress))
    if a.expected_share is not None and a.expected_share != a.time_progress:
        add("expected_share", share_text(a.expected_share))
    if a.pace_gap_pp is not None:
        add("pace_gap_pp", f"{signed(a.pace_gap_pp)} {t('pp', lang)}")
    add("projection", figure_with_unit(a, a.projection))
    need = whole_need(a)
    # (a target met has none of these lines: `settled`, since session 34; session 32's walk
    # had it say `none: already met` rather than `0 个百分点` a month)
    if need is not None and not need.monthly:  # 2 个 in the months left, not 0.33 个 a month
        add("required_rest", f"{need.number} {a.unit}")
    else:
        add("required_per_month", per_month_text(a, lang, spaced=True))
    if a.required_growth_rest is not None:
        base = None if planned is None else planned.baseline
        level = None if base is None else base.value_text  # 5.2万亿元, where it is withheld
        add("required_growth_rest", rest_shown(a, lang, "detail", level=level))
    elif planned is not None:
        add("required_growth_rest", why_no_growth_need(a, planned))
    if a.months_left is not None:
        add("months_left", str(a.months_left))
    if a.tolerance_pp is not None:  # 同步's is where it is met; the others' where at risk
        label = "tolerance" if a.kind == "relative" else "at_risk_tolerance"
        add(label, _tolerance_text(a, lang))
    add("due", due_shown(a, lang))
    if a.parts_missing:
        add("parts_missing", ("、" if lang == "zh" else ", ").join(a.parts_missing))
    if own_superseded is not None:
        figure, period = own_superseded
        detail = t("own_superseded_detail", lang)
        add("own_superseded", detail.format(figure=figure_with_unit(a, figure), period=period))
    if a.reason:  # why, under the row's word: 无全年数据 (part_year.NO_YEAR_FIGURE), else 无数据
        label = "status.year_average" if no_year_figure(a.status, a.reason) else "status.no_data"
        add(label, t(f"reason.{a.reason}", lang))
    return Group(shown(t("assessment", lang), style="bold underline"), rows)


def met_text(a: AssessmentOut, record: Record | None, lang: Lang) -> str | None:
    """When a target met was met and by which record: `2022-09 (recorded 2026-12-03 19:27
    UTC, batch 3c7987, 区工信局)`; the period alone where no record of its own met it."""
    if record is None:
        return a.period
    more = ""
    if record.recorded_by:
        more += _(", by {login}").format(login=clip(record.recorded_by))
    if record.source:
        more += _(", source {source}").format(source=clip(record.source))
    return _("{period} (recorded {time} UTC, batch {batch}{more})").format(
        period=record.period,
        time=f"{record.recorded_at:%Y-%m-%d %H:%M}",
        batch=record.batch[-6:],
        more=more,
    )


def adjusted_bound(a: AssessmentOut, lang: Lang) -> str | None:
    """The bound of the amendment in force (`下降 ≥ 3.8 %`, `不再考核`), None when the plan's is."""
    if a.amended_from is None:
        return None
    return t("status.dropped", lang) if a.status == "dropped" else bound_text(a, lang=lang)


def why_no_growth_need(a: AssessmentOut, target: Target) -> str | None:
    """Why a growth target judged before the year's end shows no growth the rest of the year
    needs (status-rules.md: it takes the year-to-date amount and last year's): a drafted plan
    has no baseline amount unless the report states it, and nothing else says so."""
    if (
        a.kind != "growth"
        or a.decline
        or a.direction != "up"
        or a.actual is None
        or a.period is None
        or (a.min is None and a.around is None)
        or parse_period(a.period).is_final
    ):
        return None
    base = target.baseline
    if base is None:
        return _(
            "none: no baseline amount; add baseline = {{ year = {year}, value = … }} (last "
            "year's amount, {in_unit}) to get the growth the rest of the year needs"
        ).format(year=parse_period(a.period).year - 1, in_unit=_in_unit(a.unit))
    if base.value is None:
        return _(
            "none: no baseline amount; add value = … to baseline (the amount of {year}, "
            "{in_unit}) to get the growth the rest of the year needs"
        ).format(year=base.year, in_unit=_in_unit(a.unit))
    if a.amount is None:
        return _(
            "none: no year-to-date amount with the figure; record it with --amount "
            "({in_unit}) to get the growth the rest of the year needs"
        ).format(in_unit=_in_unit(a.unit))
    return None


def _in_unit(unit: str) -> str:
    """ "in 亿元", or where a growth's amount unit is left empty (unit = "", as the draft's
    review allows) "in the amount's unit": never "in )"."""
    return _("in {unit}").format(unit=unit) if unit else _("in the amount's unit")
