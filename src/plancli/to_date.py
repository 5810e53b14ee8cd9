"""A period in the words a bureau uses for it, where plancli's code (2026-Q2) would read as a
code in a Chinese line. A figure is from January (periods.py), so a quarter's or a half's is
named as the bulletins and the report name the year to date: 2026年上半年, not 2026年二季度,
which is April to June alone (贵州 walk, session 42: an import's summary; since then the
line under `gap` and `status` of a reference not yet out, and `show`'s 截至). A monthly
growth's 2026-06 is the year to June too (DESIGN.md §3), which `figure_period` writes as the
bulletins do, 2026年1-6月 / Jan–Jun 2026, where 2026年6月 read as June alone (session 43)."""

from __future__ import annotations

from plancli.month_alone import GROWTHS
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


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def cumulative_to_date(kind: str, frequency: str) -> bool:
    """Is a figure of this target a growth to date whose month's code names the year to that
    month (社会消费品零售总额, 一般公共预算收入: 1-6月 增长2%)? A monthly growth's, a relation's,
    an indicator's or a trend's; never a level (调查失业率 6月 is June's own) nor a quarterly or
    annual target's (its quarter's words say it already: 上半年)."""
    return frequency == "monthly" and kind in GROWTHS


def figure_period(code: str, lang: str, to_date: bool = False) -> str:
    """A figure's period in words: `to_date` (`cumulative_to_date`) and a month after January,
    the year to it as the bulletins write it, 2026年1-6月 / Jan–Jun 2026; else `zh_to_date`'s
    words in Chinese (2026年上半年, 2026年6月) and the code in English (2026-Q2, 2026-06)."""
    period = parse_period(code)
    if to_date and period.granularity == "M" and period.end_month > 1:
        end = period.end_month
        if lang == "zh":
            return f"{period.year}年1-{end}月"
        return f"Jan–{_MONTHS_EN[end - 1]} {period.year}"
    return zh_to_date(code) if lang == "zh" else code
