"""A period in the words a bureau uses for it, where plancli's code (2026-Q2) would read as a
code in a Chinese line. A figure is from January (periods.py), so a quarter's or a half's is
named as the bulletins and the report name the year to date: 2026年上半年, not 2026年二季度,
which is April to June alone (贵州 walk, session 42: an import's summary; since then the
line under `gap` and `status` of a reference not yet out, and `show`'s 截至)."""

from __future__ import annotations

from plancli.periods import parse_period, zh_period

_TO_DATE_ZH = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}


def zh_to_date(code: str) -> str:
    """A figure's period: 2026年一季度, 2026年上半年, 2026年前三季度, 2026年全年 for a quarter's
    or a half's code; 2026年6月, 2026年 for a month's or the year's (`zh_period`)."""
    period = parse_period(code)
    if period.granularity in ("Q", "H"):
        return f"{period.year}年{_TO_DATE_ZH[period.end_month]}"
    return zh_period(code)


def zh_period_end(code: str) -> str:
    """A point in time (an as-of): 2026年三季度末, 2026年上半年, 2026年6月, 2026年, as the
    report dates itself (`report.text.zh_as_of`, 截至2026年三季度末) without its 截至."""
    period = parse_period(code)
    return zh_period(code) + ("末" if period.granularity == "Q" else "")
