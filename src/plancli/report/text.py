"""Cell texts shared by the Markdown and HTML reports, so both show a figure the same way.

Plain strings, not escaped: each renderer escapes for its own format (Markdown backslashes,
HTML entities through Jinja2's autoescape).
"""

from __future__ import annotations

from decimal import Decimal

from plancli.assess import AssessmentOut, Status
from plancli.assess.band_side import band_side
from plancli.fmt import bound_text, num, relation_sign, stated_text, zh_cell
from plancli.fmt import (
    stated as as_stated,
)
from plancli.i18n import Lang, t
from plancli.judged_edges import edge_cell
from plancli.need_text import gap_text, need_unit, per_month_figure, whole_need
from plancli.part_year import UNJUDGED_PARTS
from plancli.periods import applies_from
from plancli.periods import zh_period as zh_period  # where the report modules import it
from plancli.report.model import AdjustmentOut, Report
from plancli.report.rest_pace import rest_text
from plancli.report.when import other_period, other_period_en
from plancli.to_date import cumulative_to_date, figure_period
from plancli.unit_words import class_text

DASH = "—"


def label(key: str, lang: Lang) -> str:
    """A column heading: the interface's word, capitalised in English (`Completion`)."""
    word = t(key, lang)
    return word[:1].upper() + word[1:] if lang == "en" else word


def name(a: AssessmentOut, lang: Lang) -> str:
    return a.name if lang == "zh" else a.name_en


def status_word(status: Status, lang: Lang) -> str:
    return t(f"status.{status}", lang)


def percent(share: Decimal | None) -> str:
    """A share as a percentage with the places it has: 0.3871 → 38.71%, 0.5 → 50%."""
    return DASH if share is None else f"{num(share * 100)}%"


def signed(value: Decimal | None) -> str:
    if value is None:
        return DASH
    text = num(value)
    return f"+{text}" if value > 0 else text


def in_percent(a: AssessmentOut) -> bool:
    """Is the target's value a percentage (growth, level in %, percent done)?"""
    return a.kind in ("growth", "relative", "milestone") or a.unit.strip() == "%"


def value(
    a: AssessmentOut, figure: Decimal | None, lang: Lang = "en", recorded: bool = False
) -> str:
    """A figure in the target's terms: `5%`, `120 个` (`120个` in Chinese), `4.2%`; a
    `recorded` one with its places as stated (`3.0%`: `fmt.stated`)."""
    if figure is None:
        return DASH
    shown = as_stated(figure) if recorded else num(figure)
    if in_percent(a):
        return f"{shown}%"
    if (water_class := class_text(figure, a.unit)) is not None:  # Ⅲ类: the table said 3 类
        return water_class
    return f"{shown}{'' if lang == 'zh' else ' '}{a.unit}"


def actual(a: AssessmentOut, lang: Lang) -> str:
    """The figure judged, with the year-to-date amount of a growth target: `5% (700 亿元)`,
    in Chinese `5%（700亿元）`, and a partial sum's caveat: `11.1亿元（4项构成尚无数据）`."""
    stated = stated_text(a, a.actual, lang) if a.actual is not None else None
    text = value(a, a.actual, recorded=True) if stated is None else stated  # -2.1%, 下降2.1%
    if a.amount is not None:
        text += f" ({as_stated(a.amount)} {a.unit})"
    text = zh_cell(text) if lang == "zh" else text
    if a.actual is not None:
        text += parts_note(a, lang, compact=True)
    if a.reason == "year_figure" and a.period is not None:  # 2%（41.8亿元，2022年9月）
        # a monthly growth's is the year to date: 2%（41.8亿元，2022年1-9月）
        when = figure_period(a.period, lang, cumulative_to_date(a.kind, a.frequency))
        if lang == "zh" and text.endswith("）"):
            text = f"{text[:-1]}，{when}）"
        else:
            text += f"（{when}）" if lang == "zh" else f" ({when})"
    if a.reason in UNJUDGED_PARTS and a.actual is not None and a.period is not None:
        # A figure for part of the year, not judged: dated in its cell (760.5亿斤（2026年上半年）)
        text += f"（{zh_period(a.period)}）" if lang == "zh" else f" ({a.period})"
    return f"{text} *" if a.stale and a.actual is not None else text


def parts_note(a: AssessmentOut, lang: Lang, compact: bool = False) -> str:
    """A roll-up summed without some of its parts (the sum can only understate): the
    sentence's `（6项构成中4项尚无数据）`, a table cell's `（4项构成尚无数据）`; "" for a
    full sum."""
    n, total = len(a.parts_missing), len(a.parts)
    if not n:
        return ""
    if lang == "zh":
        return f"（{n}项构成尚无数据）" if compact else f"（{total}项构成中{n}项尚无数据）"
    return (
        f" ({n} of {total} parts no data)"
        if compact
        else (f" ({n} of its {total} parts {'has' if n == 1 else 'have'} no figure yet)")
    )


def stale_note(a: AssessmentOut, report: Report, lang: Lang) -> str:
    """How old a stale figure is, after its sentence: `（数据截至2022年6月）`. A sum whose parts
    run to different periods names the parts that run only to the oldest, the sum's `period`
    (其中5项构成数据截至2022年6月): the latest part's month would pass the others off as
    current. "" for a figure that is not stale."""
    if not (a.stale and a.period and a.actual is not None):
        return ""
    behind, used = _stale_parts(a, report)
    if behind in (0, used):
        return f"（数据{zh_as_of(a.period)}）" if lang == "zh" else f" (figure of {a.period})"
    if lang == "zh":
        return f"（其中{behind}项构成数据{zh_as_of(a.period)}）"
    return f" ({behind} of its {len(a.parts)} parts' figures of {a.period})"


def _stale_parts(a: AssessmentOut, report: Report) -> tuple[int, int]:
    """(parts whose figure is of the sum's stale period, parts with a figure) of a sum of
    its parts; (0, 0) for a figure of its own."""
    summed = bool(a.parts) and all(record.target != a.id for record in report.records)
    parts = [p for p in report.assessments if p.id in a.parts] if summed else []
    used = [p for p in parts if p.period is not None]
    return sum(p.period == a.period for p in used), len(used)


def figure_notes(a: AssessmentOut, report: Report, lang: Lang) -> str:
    """A sentence's notes on its figure, in one bracket where a sum is both stale and partial
    (audit M, D6): `（6项构成中3项尚无数据，2项数据截至2022年6月）`, never two brackets in a row
    that read as if the stale parts were among the missing ones."""
    stale, parts = stale_note(a, report, lang), parts_note(a, lang)
    if not (stale and parts):
        return stale + parts
    behind, used = _stale_parts(a, report)
    n = behind or used
    assert a.period is not None
    if lang == "zh":
        return f"{parts[:-1]}，{n}项数据{zh_as_of(a.period)}）"
    return f"{parts[:-1]}; {n} {'part' if n == 1 else 'parts'}' figures of {a.period})"


def dated(item: str, a: AssessmentOut, lang: Lang) -> str:
    """A list item (`name（…）`) whose figure is older than its frequency allows, its period
    closing the parentheses, without the report's year (all its figures are of it):
    `…落后进度55个百分点；数据截至6月）`, `…; figure of 2022-06)`. A list in a September report
    otherwise states June's figures as September's."""
    if not (a.stale and a.period and a.actual is not None):
        return item
    if lang == "zh":
        clause = "；数据" + zh_as_of(a.period).replace(f"{a.period[:4]}年", "", 1)
    else:
        clause = f"; figure of {a.period}"
    return f"{item[:-1]}{clause}{item[-1]}"  # every item ends in its parentheses: ） or )


AMENDED_MARK = "†"


def reference_name(report: Report, target_id: str | None, lang: Lang) -> str:
    """The name of the target `target_id` in the report's language (its id if the plan has
    no such target)."""
    for a in report.assessments:
        if a.id == target_id:
            return a.name if lang == "zh" else (a.name_en or a.name)
    return target_id or DASH


def target(a: AssessmentOut, lang: Lang, report: Report) -> str:
    """The bound as the report states it; a relative target shows the growth it must match,
    or, before that growth has a figure, names the target it is compared with (≥
    全国固定资产投资增速: its id means nothing to a reader). `†` marks a bound adjusted
    mid-year (the report lists the adjustments)."""
    if a.kind == "relative":
        if a.reference_actual is None:
            reference = reference_name(report, a.reference, lang)
            if a.actual is not None:  # the figure is in, its reference is not (audit C §1)
                # as `gap` and `status` say it (render/amended.py: awaiting_reference)
                reference += (
                    "（同期尚无数据）" if lang == "zh" else f" (not yet out for {a.period})"
                )
            return f"{relation_sign(a.relation)} {reference}"
        # the reference's figure named, and its period where it is not the report's: the
        # table shows no GDP of the first three quarters (audit R, D6: `≈ 4.7%` alone)
        # (of the report's period, the reference's row shows it: the figure alone, as before)
        shown = f"{as_stated(a.reference_actual)}%"
        if part := (other_period if lang == "zh" else other_period_en)(a, report.as_of):
            reference = reference_name(report, a.reference, lang)
            shown = (
                f"{reference}{part}{shown}" if lang == "zh" else f"{reference} {shown} in {part}"
            )
        text = f"{relation_sign(a.relation)} {shown}"
        if a.tolerance_pp and (a.relation or "same") in ("same", "not_below"):
            # 同步 within 1 pp is met from 4 % up: the floor the 差距 column is measured to
            floor = num(Decimal(a.reference_actual) - Decimal(a.tolerance_pp))
            text += f"（不低于{floor}%）" if lang == "zh" else f" (at least {floor}%)"
        return text
    mark = AMENDED_MARK if a.amended_from is not None else ""
    if a.status == "dropped":  # no bound in force
        return t("status.dropped", lang) + mark
    if a.kind == "cumulative" and a.max is None and not a.exclusive and a.min is not None:
        # a stock from its opening: its completion (45.65 % beside 95 % / 100 %) is the year's
        # part, which the opening beside the bound explains
        opening = ""
        if a.base is not None and a.base != 0:
            start = value(a, a.base, lang)
            opening = f"（年初{start}）" if lang == "zh" else f" (opening {start})"
        # a floor reads as one, as `status` and `gap` write it: ≥ 110万人 (山东's 新增就业
        # 110万人以上 was `110万人` here alone, session 40's walk)
        return "≥ " + value(a, a.min, lang, recorded=True) + opening + edge_cell(a, lang) + mark
    # an X左右 names the edge its 差距 is measured from, as the terminal's tables do: ≈5.5%（≥5%）
    edge = edge_cell(a, lang).replace(" %", "%")
    # 力争比去年实现更多增长: ≥ 1300亿斤（力争高于上年1350.97亿斤）, as the terminal writes it
    # (`fmt.bound_text`, by the assessment's `stretch_exceeds`)
    if lang == "zh":  # 下降, 争取, 待下达: ≥ 39个（推进中）
        return zh_cell(bound_text(a, lang=lang).replace(" %", "%")) + edge + mark
    if a.kind == "trend":  # the band in force, as the terminal's (`cells.target_text`)
        return bound_text(a).replace(" %", "%") + edge + mark
    return a.bound.replace(" %", "%") + edge + mark


def adjustment_line(adjustment: AdjustmentOut, lang: Lang) -> str:
    """`GDP: from 2022-07, ≥ 6% (plan: ≥ 7%); 年中调整` — one adjusted bound, for the report."""
    name = adjustment.name if lang == "zh" else adjustment.name_en
    key = "report.dropped" if adjustment.dropped else "report.adjustment"
    bound, plan = adjustment_bounds(adjustment, lang)
    line = t(key, lang).format(
        name=name,
        period=zh_period(applies_from(adjustment.period))
        if lang == "zh"
        else applies_from(adjustment.period),
        bound=_after_word(bound, lang),
        plan=_after_word(plan, lang),
    )
    if adjustment.note:
        line += ("；" if lang == "zh" else "; ") + adjustment.note
    return line


_SIGNS = frozenset("≥≤≈<>=±")
"""The signs a bound can begin with (`≥ 4.2万吨`, `≈ 5.5%`, `< 8%`)."""


def _after_word(bound: str, lang: Lang) -> str:
    """A bound after a Chinese word of the line (调整为, 原计划): a sign stands apart from the word,
    as in `按 ≥ 5% 考核` and as `下降 ≥ 2.5%` has it: `调整为 ≥ 4.2万吨` beside `调整为下降 ≥ 2.5%`
    (it was `调整为≥ 4.2万吨`). A word (下降, 待国家下达) joins it, as Chinese words do."""
    return f" {bound}" if lang == "zh" and bound[:1] in _SIGNS else bound


def adjustment_bounds(adjustment: AdjustmentOut, lang: Lang) -> tuple[str, str]:
    """An adjusted bound and the plan's, written as the tables write a bound: `下降 ≥ 3.8%`,
    `≥ 2500个` in Chinese, `fall ≥ 3.8%` in English — the report's list of adjustments and the
    workbook's 年中调整 sheet (which wrote `下降 ≥ 3.8 %` until session 41)."""
    if lang == "zh":
        return _bound(adjustment.bound_zh, lang), _bound(adjustment.plan_bound_zh, lang)
    return _bound(adjustment.bound, lang), _bound(adjustment.plan_bound, lang)


def _bound(bound: str, lang: Lang) -> str:
    """A bound in the list of adjustments, written as the tables write it (≥ 2500个 in Chinese)."""
    bound = bound.replace(" %", "%")
    return zh_cell(bound) if lang == "zh" else bound


def headline_notes(report: Report, lang: Lang) -> list[str]:
    """The notes under a headline table that has no section of its own to explain its marks
    (the xlsx summary sheet): `*` a stale figure, `†` the bounds adjusted mid-year and how,
    every one as the Markdown report lists them (a dropped target too, not only the headline
    table's); last, in English, what the workbook's Chinese units mean (`units_line`)."""
    notes = []
    if any(a.stale and a.actual is not None for a in report.headline):
        notes.append(f"* {t('stale_note', lang)}")
    adjusted = [adjustment_line(adj, lang) for adj in report.adjustments]
    units = units_line(report, lang)
    return (
        notes
        + ([t("report.adjustments", lang), *adjusted] if adjusted else [])
        + ([units] if units else [])
    )


def gap(a: AssessmentOut, lang: Lang) -> str:
    """What is still missing, in the target's unit (percentage points for growth and %);
    nothing (—) for a target that lacks nothing, not `0 个百分点`, and for one with no gap."""
    return gap_text(a, lang) or DASH


def needs(a: AssessmentOut, lang: Lang) -> str:
    """What it takes: per remaining month, or the growth the rest of the year needs."""
    if a.status in ("met", "missed", "no_data"):
        return ""
    if a.required_per_month is not None:
        if a.kind == "milestone":
            return t("report.needs_month_pp", lang).format(value=num(a.required_per_month))
        need = whole_need(a)  # a count of whole things: 月均需完成12个, 后6个月需完成2个
        if need is not None and not need.monthly:
            key, value = "report.needs_rest", str(need.number)
        else:
            key, value = "report.needs_month", per_month_figure(a)
            if a.months_left == 1:  # 月均 of one month: 最后1个月需完成50万人 (audit R, D14)
                key = "report.needs_last_month"
        return t(key, lang).format(value=value, unit=need_unit(a, lang), months=a.months_left)
    if a.required_growth_rest is not None:
        return rest_text(a, lang)  # 余下月份增长4.82%即可达到5%, 余下月份需增长5.88%方能达到5.5%
    return ""


def as_of_line(as_of: str | None, time_progress: Decimal | None, lang: Lang) -> str:
    progress = percent(time_progress)
    if lang == "zh" and as_of is not None:  # dated as the summary is: 截至2022年6月
        return f"{zh_as_of(as_of)}，时间进度{progress}。"
    return t("report.as_of", lang).format(as_of=as_of or DASH, time_progress=progress)


def zh_as_of(as_of: str) -> str:
    """截至2022年6月, 截至2022年二季度末, 截至2022年上半年, 2022年全年: a period as a bureau's
    report dates itself."""
    from plancli.periods import parse_period

    period = parse_period(as_of)
    if period.is_final:
        return f"{period.year}年全年"
    return f"截至{zh_period(as_of)}{'末' if period.granularity == 'Q' else ''}"


def year_over(report: Report) -> bool:
    """Is the report as of the year's final period (time progress 100 %)? Its words then give
    results, not pace: 执行情况, 全年完成, 完成/未完成, 差500个 (docs/report.md)."""
    from plancli.periods import parse_period

    return report.as_of is not None and parse_period(report.as_of).is_final


def title(plan_name: str, lang: Lang, year_end: bool = False) -> str:
    """执行进度报告 during the year, 执行情况报告 once it is over (the bureau's 计划执行情况)."""
    word = t("report.title_year_end" if year_end else "report.title", lang)
    return f"{plan_name}{word}" if lang == "zh" else f"{plan_name}: {word}"


def investment_heading(unit: str, lang: Lang) -> str:
    word = t("investment", lang)
    return f"{word}（{unit}）" if lang == "zh" else f"{word} ({unit})"


def milestones_line(report: Report, lang: Lang) -> str:
    """`节点目标27项，已完成3项：A；B；C。`, the done ones named in the plan's order (before
    session 43 only counted: `节点目标已完成3项，共27项。`, and the table lists those not done, so
    no output of the report said which were); with none done, `27项节点目标尚无一项完成。` only
    when some have a figure: when none has, it says so (`27项节点目标尚无进度数据。`), as the
    summary does, not that 27 are not done; every one done, said once:
    `节点目标27项，均已完成：A；B；…。`."""
    if report.milestones_total == 1:  # not 1项节点目标尚无一项完成, nor 均已完成 of one
        state = "done" if report.milestones_done else "due"
        if _no_milestone_data(report):
            state = "no_data"
        return closed(t(f"report.one_milestone_{state}", lang), report, lang)
    key = "report.milestones_done" if report.milestones_done else "report.no_milestone_done"
    every = not report.milestones and report.milestones_done == report.milestones_total
    if every:  # said once: never `已完成27项：…。 节点目标均已完成。` (session 43)
        key = "report.milestones_all_done"
    if _no_milestone_data(report):
        key = "report.no_milestone_data"
    done = t(key, lang).format(
        done=report.milestones_done, total=report.milestones_total, names=_done_names(report, lang)
    )
    line = done if report.milestones or every else f"{done} {t('report.no_milestones', lang)}"
    return closed(line, report, lang)


def _done_names(report: Report, lang: Lang) -> str:
    """The milestones done, in the plan's order, joined by ；(a name may hold a 、 of its own),
    one done after its 节点时间 saying so: `区人民医院迁建新院区投用（逾期，节点时间2022年6月，
    2022年三季度完成）`."""
    from plancli.report.overview_words import done_late

    done = [
        name(a, lang) + done_late(a, lang == "zh", report.done_in)
        for a in report.assessments
        if a.kind == "milestone" and a.status == "met"
    ]
    return ("；" if lang == "zh" else "; ").join(done)


def _no_milestone_data(report: Report) -> bool:
    """No milestone is done and none has a figure: nothing is known of any."""
    return not report.milestones_done and all(a.status == "no_data" for a in report.milestones)


def milestones_without_data(report: Report, lang: Lang) -> str:
    """The milestones not done that have no figure yet, in one line rather than a grey row
    each: `25项节点目标尚无进度数据：A、B（节点2022-Q2）、…`. Empty when there are none."""
    missing = [a for a in report.milestones if a.status == "no_data"]
    if not missing:
        return ""
    year_end = str(report.year)
    names = []
    for a in missing:
        shown = name(a, lang)
        if a.due and a.due != year_end:
            shown += f"（节点{zh_period(a.due)}）" if lang == "zh" else f" (due {a.due})"
        names.append(shown)
    # ；not 、: a name may hold a 、 of its own (大罗家营366号民居、向旭庵等文物修缮…)
    listed = ("；" if lang == "zh" else "; ").join(names)
    if _no_milestone_data(report):  # the line above gave the count: 分别是：A；B；…
        return t("report.milestones_no_data_all", lang).format(names=listed)
    line = t("report.milestones_no_data", lang).format(count=len(missing), names=listed)
    return closed(line, report, lang)


def milestones_heading(report: Report, lang: Lang) -> str:
    """待完成的节点目标 during the year; 未完成的节点目标 once it is over (none is still due)."""
    return t("report.milestones_closed" if year_over(report) else "report.milestones", lang)


def closed(line: str, report: Report, lang: Lang) -> str:
    """A line about what has no figure or is not done, without 尚 / yet once the year is over:
    nothing is still to come (24项节点目标无进度数据, not 尚无)."""
    if not year_over(report):
        return line
    if lang == "zh":
        return line.replace("尚无", "无").replace("尚未", "未")
    return line.replace(" yet", "")


def milestones_with_data(report: Report) -> list[AssessmentOut]:
    """The milestones not done that have a figure: the rows of the milestones table."""
    return [a for a in report.milestones if a.status != "no_data"]


def units_line(report: Report, lang: Lang) -> str:
    """Under an English report, what the Chinese units it shows mean (万人 = 10,000 people:
    `unit_words.legend`); the figures stay in the data's units. "" in Chinese."""
    from plancli.unit_words import english_legend, shown_units

    # the rows the tables and sentences show a figure or a bound of; at the year's end, the
    # targets met, each said in a sentence (`yearend.achieved`)
    met = [a for a in report.assessments if a.status == "met"] if year_over(report) else []
    shown = [*report.headline, *report.investment, *report.attention, *met]
    return english_legend(shown_units(shown), lang)


def generated_line(report: Report, lang: Lang) -> str:
    assert report.generated is not None
    key = "report.generated_one" if len(report.records) == 1 else "report.generated"
    return t(key, lang).format(
        date=report.generated.isoformat(), records=len(report.records), plan=report.plan
    )


def attention_heading(report: Report, lang: Lang) -> str:
    """At the year's end some targets are missed; before it, none can be. The year over,
    the heading asks what was missed, none missed too (audit R, D8). A band target off its
    band is listed there as 偏高 / 偏低, neither behind nor missed: the heading names
    偏离目标区间 too."""
    missed = year_over(report) or any(a.status == "missed" for a in report.attention)
    band = "_band" if any(band_side(a) for a in report.attention) else ""
    return t(("report.attention_missed" if missed else "report.attention") + band, lang)


def no_attention(report: Report, lang: Lang) -> str:
    """Under that heading, nothing in it: 没有滞后或存在风险的目标; the year over, nothing is
    at risk, the question is what was missed: 没有未完成的目标 (audit R, D8)."""
    return t("report.no_attention_year" if year_over(report) else "report.no_attention", lang)
