"""A period named as a point in time (`--as-of`): the end of the period, as a bulletin's words
name it, not a figure's period.

A figure of `三季度` alone is refused (`periods.bulletin_period`): its own growth is not year to
date, and plancli records the position from January. An as-of period names no figure, only
where the year stands: 三季度, 上半年, 一季度, 6月, 2026年9月, 前三季度 and 1-9月 each say which
period's end is meant, and so do 二季度, 下半年 (the year's end) and 4-6月 (June's). `status`,
`gap`, `show` and `report` read `--as-of` here; `record`, `import`, `amend` and `template` read a
figure's period (`parse_plan_period`) and keep refusing a quarter alone.
"""

from __future__ import annotations

from plancli.periods import Period, parse_plan_period


def as_of_period(text: str, plan_year: int) -> Period:
    """The period whose end `text` names, in the plan year: plancli's forms and a bulletin's
    as `parse_plan_period` reads them, and a quarter, half or span of months alone as its end
    (三季度 → YEAR-Q3, 下半年 → YEAR, 4-6月 → YEAR-06). InputError, one line, otherwise (a
    month or quarter that is none, a year outside the plan's)."""
    return parse_plan_period(text, plan_year, point=True)
