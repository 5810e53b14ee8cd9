"""The marks of the tables' figures and their legends (gap, status): the † of a bound adjusted
mid-year (年中调整) or a target dropped (不再考核) and the footnote that says from when, the `*`
of a stale figure, the `+` of a sum without some of its parts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from plancli.assess import AssessmentOut
from plancli.i18n import Lang, t
from plancli.render import shown


def display_name(a: AssessmentOut, lang: Lang) -> str:
    return a.name if lang == "zh" else a.name_en


AMENDED_MARK = "†"


def amended_mark(a: AssessmentOut) -> str:
    """† after a bound adjusted mid-year (年中调整); the footnote says from when."""
    return AMENDED_MARK if a.amended_from is not None else ""


def amended_footnote(rows: Sequence[AssessmentOut], lang: Lang) -> Text | None:
    """`† adjusted mid-year (年中调整): GDP from 2022-07`, for the rows whose bound was (a
    target in two tables once); `：` in Chinese."""
    amended = {a.id: a for a in rows if a.amended_from is not None}
    if not amended:
        return None
    # Chinese, one word to Rich: folded where the line ends, not after a † left alone on it
    space, colon, separator = ("", "：", "；") if lang == "zh" else (" ", ": ", "; ")
    listed = separator.join(_amended_entry(a, lang) for a in amended.values())
    note = t("amended_note", lang)
    return shown(f"{AMENDED_MARK}{space}{note}{colon}{listed}", style="dim")


def _amended_entry(a: AssessmentOut, lang: Lang) -> str:
    """`GDP from 2022-07`; a drop with its note: `FAI dropped from 2022-06 (区人大常委会…)`."""
    if a.status != "dropped":
        return t("amended_from", lang).format(name=display_name(a, lang), period=a.amended_from)
    entry = t("dropped_from", lang).format(name=display_name(a, lang), period=a.amended_from)
    if a.amendment_note:
        entry += f"（{a.amendment_note}）" if lang == "zh" else f" ({a.amendment_note})"
    return entry


PARTIAL_MARK = "+"  # a roll-up summed without some of its parts: at least this much


def partial_mark(a: AssessmentOut, text: str) -> str:
    """A roll-up's figure summed without some of its parts, marked `+` (`6.2+`): the sum can
    only understate, and the verdict on it is provisional (`partial_note`, the legend)."""
    return f"{text}{PARTIAL_MARK}" if a.parts_missing and a.actual is not None else text


def marks_legend(rows: Sequence[AssessmentOut], lang: Lang) -> Text | None:
    """What the figures' marks mean, a line each, for the marks the rows carry."""
    lines = []
    if any(a.stale and a.actual is not None for a in rows):
        lines.append(f"* {t('stale_note', lang)}")
    if any(a.parts_missing and a.actual is not None for a in rows):
        lines.append(f"{PARTIAL_MARK} {t('partial_note', lang)}")
    return Text("\n".join(lines), style="dim") if lines else None  # our words, not a file's
