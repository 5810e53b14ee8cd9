"""Which part of the year a figure is of, where it is not the report's own period: a
quarterly figure in a monthly report (地区生产总值前三季度增长4.9% in October's: audit K, D10),
the reference a relative target is compared with (与同期（前三季度）地区生产总值增长（7%）: audit M,
D4). A stale figure is dated by its note instead (数据截至…)."""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.periods import earlier_part, parse_period
from plancli.report.phrases import MONTHS_EN, RATE_NAMES, RATE_NAMES_EN

_EN = {3: "the first quarter", 6: "the first half", 9: "the first three quarters"}


def other_period(a: AssessmentOut, as_of: str | None) -> str:
    """The part of the year `a`'s figure covers (前三季度 / the first three quarters, 1-9月),
    where it ends before the report's as-of period; "" where it is the report's."""
    return _words(a, as_of, "zh")


def other_period_en(a: AssessmentOut, as_of: str | None) -> str:
    return _words(a, as_of, "en")


def _words(a: AssessmentOut, as_of: str | None, lang: str) -> str:
    if a.period is None or as_of is None or a.actual is None:
        return ""
    end, now = parse_period(a.period).end_month, parse_period(as_of).end_month
    if end >= now:
        return ""
    if lang == "zh":  # the words `gap` and `status` give a relation's reference, too
        return earlier_part(a.period, as_of, a.frequency, "zh")
    quarterly = parse_period(a.period).granularity != "M" or a.frequency == "quarterly"
    if quarterly and end in _EN:
        return _EN[end]
    return f"January–{MONTHS_EN[end - 1]}"


def rate_figure(
    a: AssessmentOut, as_of: str | None, zh: bool, is_word: str, size: str
) -> str | None:
    """A name that is a rate already (经济增长, National fixed-asset investment growth): its
    figure as such, 为5.3% / is 5.3%, never 增长5.3% nor "growth grew 5.3%"; of a period before
    `as_of` (and not late), with its months, in both languages (1-6月为2.8% / is 2.8% in
    January–June: the Chinese had said 为2.8%, read as the report's month, until session 35).
    `size` is signed. None for any other name."""
    if not (a.name.endswith(RATE_NAMES) if zh else a.name_en.endswith(RATE_NAMES_EN)):
        return None
    part = "" if a.stale else _words(a, as_of, "zh" if zh else "en")
    if zh:
        return f"{part}为{size}%"
    return f"{is_word} {size}%" + (f" in {part}" if part else "")
