"""The marks of the tables' figures and their legends (gap, status): the † of a bound adjusted
mid-year (年中调整) or a target dropped (不再考核) and the footnote that says from when, the `*`
of a stale figure, the `+` of a sum without some of its parts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from plancli.assess import AssessmentOut
from plancli.fmt import num
from plancli.i18n import Lang, t
from plancli.judged_edges import reference_lines
from plancli.periods import applies_from, zh_period
from plancli.render.runs import ItemLines, KeepsRuns
from plancli.safe import visible
from plancli.to_date import zh_to_date


def display_name(a: AssessmentOut, lang: Lang) -> str:
    return a.name if lang == "zh" else a.name_en


AMENDED_MARK = "†"


def amended_mark(a: AssessmentOut) -> str:
    """† after a bound adjusted mid-year (年中调整); the footnote says from when."""
    return AMENDED_MARK if a.amended_from is not None else ""


def amended_footnote(
    rows: Sequence[AssessmentOut], lang: Lang, plan_ids: Iterable[str] = ()
) -> Text | None:
    """`† adjusted mid-year (年中调整): GDP from 2022-07`, for the rows whose bound was (a
    target in two tables once), in the plan's order (`plan_ids`) whatever the table's, so that
    `gap` and `status` list them alike; `目标经年中调整：地区生产总值自2022年上半年起` in Chinese,
    the period as the report writes it."""
    amended = {a.id: a for a in rows if a.amended_from is not None}
    if not amended:
        return None
    rank = {id_: n for n, id_ in enumerate(plan_ids) if id_ in amended}
    ordered = sorted(amended.values(), key=lambda a: rank.get(a.id, len(rank)))
    return amended_list([_amended_entry(a, lang) for a in ordered], lang)


def amended_list(entries: Sequence[str], lang: Lang) -> Text:
    """`† 目标经年中调整：A自2022年6月起；B…`, broken between its entries (`ItemLines`)."""
    colon, separator = ("：", "；") if lang == "zh" else (": ", "; ")
    lead = f"{AMENDED_MARK} {t('amended_note', lang)}{colon}"
    items = [visible(entry) + separator for entry in entries[:-1]] + [visible(entries[-1])]
    return ItemLines([lead, *items], style="dim")


def entry_period(period: str, lang: Lang) -> str:
    """An amendment's period in the footnote: 2022年6月, 2022年二季度, 2022年上半年 in Chinese,
    as the report writes it (2022-Q2 read as a code in a Chinese sentence); 2022-06 in English."""
    return zh_period(period) if lang == "zh" else period


def listed_from(period: str) -> str:
    """An amendment's period as `show` and `history` list it: as stored, but a bare year (an
    older ledger's `from = "2022"`, which `amend --from` now refuses) as the month it applies
    from, 2022-12 (`periods.applies_from`, `amend_from`): listed `2022`, it read as all of
    2022 beside the caption's `* 现行，自起始期起适用`, where it judges December's figure on."""
    applied = applies_from(period)
    return applied if period.isdigit() and applied != period else period


def _amended_entry(a: AssessmentOut, lang: Lang) -> str:
    """`GDP from 2022-07`; a drop with its note: `FAI dropped from 2022-06 (区人大常委会…)`."""
    assert a.amended_from is not None
    period = entry_period(applies_from(a.amended_from), lang)  # 2026-H1: from June
    if a.status != "dropped":
        return t("amended_from", lang).format(name=display_name(a, lang), period=period)
    entry = t("dropped_from", lang).format(name=display_name(a, lang), period=period)
    if a.amendment_note:
        entry += f"（{a.amendment_note}）" if lang == "zh" else f" ({a.amendment_note})"
    return entry


PARTIAL_MARK = "+"  # a roll-up summed without some of its parts: at least this much


def partial_mark(a: AssessmentOut, text: str) -> str:
    """A roll-up's figure summed without some of its parts, marked `+` (`6.2+`): the sum can
    only understate, and the verdict on it is provisional (`partial_note`, the legend)."""
    return f"{text}{PARTIAL_MARK}" if a.parts_missing and a.actual is not None else text


# A relative target's reference, by id: its name in the table's language (`reference_names`).
Names = Mapping[str, str]


def awaiting_reference(a: AssessmentOut) -> bool:
    """A relative target whose own figure is in and whose reference's for the same period is
    not (`no_reference_record`): its cell says `≈ 参照` (`≈ ref.`), the legend which target
    that is and that its figure is not out yet (docs/status-rules.md)."""
    return a.kind == "relative" and a.reason == "no_reference_record" and bool(a.reference)


def reference_names(rows: Iterable[AssessmentOut], find: Callable[[str], Any], lang: Lang) -> Names:
    """The names of the rows' relations' references (地区生产总值, Gross regional product (GDP)),
    awaited or not: an id means nothing to a reader. `find` gives a plan's target by id, or
    None."""
    names: dict[str, str] = {}
    for a in rows:
        if a.kind == "relative" and a.reference and a.reference not in names:
            assert a.reference is not None
            target = find(a.reference)
            shown = [] if target is None else [target.name_en] if lang == "en" else []
            shown += [target.name] if target is not None else []
            names[a.reference] = next((n.strip() for n in shown if n.strip()), a.reference)
    return names


# The widest reference name a target cell takes (全国固定资产投资增速: 20 cells); a longer one
# would widen the narrow target column past the names' room at 80 columns.
_REFERENCE_CELLS = 20
_ABBREVIATION = re.compile(r"\(([A-Z][A-Z0-9]{1,7})\)\s*$")


def short_reference(name: str, reference: str) -> str:
    """A relative target's reference in a target cell, short as the column is narrow: its
    name (≈ 地区生产总值), the abbreviation an English name ends in (Gross regional product
    (GDP) → ≈ GDP), else, for a name longer than the column takes, its id `reference` (`show`
    and the report's sentences name it in full)."""
    if (abbreviation := _ABBREVIATION.search(name)) is not None:
        return abbreviation.group(1)
    return name if name and cell_len(name) <= _REFERENCE_CELLS else reference


def marks_legend(
    rows: Sequence[AssessmentOut], lang: Lang, names: Names | None = None
) -> Text | None:
    """What the figures' marks mean, a line each, for the marks the rows carry; and for each
    reference awaited (`≈ 参照`), which target it is and that its figure for the row's period is
    not out yet, by `names` (`reference_names`)."""
    lines = []
    if any(a.stale and a.actual is not None for a in rows):
        lines.append(f"* {t('stale_note', lang)}")
    if any(a.parts_missing and a.actual is not None for a in rows):
        lines.append(f"{PARTIAL_MARK} {t('partial_note', lang)}")
    for a in {a.id: a for a in rows if _opened(a)}.values():
        # 45.65 % beside 95 %/100 %: the year's rise from 90.8 %, said so (audit Y, D2)
        lines.append(_opening_line(a, lang))
    lines += reference_lines(rows, lang, names or {})
    awaited = {(a.reference or "", a.period or ""): None for a in rows if awaiting_reference(a)}
    for reference, period in awaited:
        name = visible((names or {}).get(reference, reference))  # the plan's words
        lines.append(
            t("awaiting_reference", lang).format(
                mark=t("reference_cell", lang),
                name=name,  # 同期（2022年上半年）: a quarter's figure is the year to date
                period=zh_to_date(period) if lang == "zh" else period,
            )
        )
    if not lines:
        return None
    legend = KeepsRuns("\n".join(lines), style="dim")  # our words, not a file's
    # broken as a name is, between its phrases and words first: the 同步 line at 40 columns
    # put `…人均可支` over `配收入…` and left `同步` alone on a line (session 41)
    legend.phrases = legend.words = True
    return legend


def _opened(a: AssessmentOut) -> bool:
    """A stock with a completion counted from its opening (`base`), not from zero."""
    return (
        a.kind == "cumulative" and a.base is not None and a.base != 0 and a.completion is not None
    )


def _opening_line(a: AssessmentOut, lang: Lang) -> str:
    """`自贸试验区改革试点任务完成率：完成率自年初90.8%起计，(95% − 90.8%) ÷ (100% − 90.8%) =
    45.65%`: how the completion beside a stock's figure and bound is reckoned."""
    goal = a.around if a.around is not None else a.min
    unit = "%" if a.unit.strip() == "%" else ""  # 6100 − 5200: a count's unit is the bound's

    def figure(value: Decimal | None) -> str:
        return f"{num(value)}{unit}"

    assert a.completion is not None
    return t("opening_note", lang).format(
        name=visible(display_name(a, lang)),
        opening=figure(a.base),
        actual=figure(a.actual),
        target=figure(goal),
        completion=f"{num(a.completion * 100)}%",
    )
