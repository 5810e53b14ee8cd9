"""`record -p 6月` for a target whose figure is year to date: refused, naming `1-6月` (session 40).

A bulletin's `6月` (`2026年6月`, `六月`, `6月份`) beside `1-6月` is June alone: CPI 6月 0.4 %
is June's rise over June last year, CPI 1-6月 0.5 % the year's to June; the same holds for a
growth (规上工业增加值 6月 vs 1-6月), a relative target's growth and a monthly level (调查失业率,
空气质量优良率). `import` refuses a column headed `6月` alone for that reason (本年累计 or
本月?); `record -p 6月` read it as 2026-06, the year to June, and silently superseded the
1-6月 figure with June's. Which figure the typist meant cannot be told, so it is refused, the
`1-6月` it takes named, nothing written.

Left as before: a cumulative total (`-p 6月` is the total at June's end, as `template` and
`test_period_forms` have it; with `--add` the figure is June's increment, its right reading),
a point in time (`6月末`, `6月底`: the position at June's end), January (`1月` is 1-1月), a
quarterly or annual target (gdp's `6月` is its 2026-Q2: no June of its own is published), a
milestone, and plancli's own `2026-06`, which names the year to June by the data contract
(DESIGN.md §3). `amend --from`, `template -p` and `--as-of` name no figure, so a month alone
is the point it ends there.
"""

from __future__ import annotations

import re
import unicodedata

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import period_words
from plancli.plain import AnyPlan
from plancli.safe import Clipped

_MONTH_ALONE = re.compile(r"^(?:[0-9]{4}年)?(?P<month>[0-9]{1,2})月份?$")

# Kinds whose figure is a growth to date (YTD growth %), whatever their rhythm.
GROWTHS = ("growth", "relative", "indicator", "trend")


def year_to_date(kind: str, frequency: str) -> bool:
    """Is a figure of this target a year-to-date one that a month alone may also name (the
    month's own growth or level): a monthly growth or level (CPI, 社会消费品零售总额)? A quarterly
    or annual one has no June of its own: its `6月` is the year to June (gdp 2026-Q2)."""
    return frequency == "monthly" and (kind in GROWTHS or kind == "level")


def month_alone(typed: str) -> int | None:
    """The month of a period typed as a bulletin names one month alone (`6月`, `2026年6月`,
    `六月`, `6月份`), February to December; None for any other period (1-6月, 6月末, 2026-06)."""
    folded = period_words("".join(unicodedata.normalize("NFKC", typed).split()))
    found = _MONTH_ALONE.match(folded)
    month = int(found["month"]) if found else 0
    return month if 2 <= month <= 12 else None


def refuse_month_alone(plan: AnyPlan, target_id: str, typed: str) -> None:
    """InputError when `record -p` names a month alone for a year-to-date target."""
    target = plan.target(target_id.strip())
    month = month_alone(typed)
    if target is None or month is None or not year_to_date(target.kind, target.frequency):
        return  # an unknown target or period: record's own checks name it
    raise InputError(
        _(
            "{target}: period {period!r} may name {month}月 alone or the year to its end, "
            "and {target}'s figures are year to date; write -p 1-{month}月"
        ).format(target=target.id, period=Clipped(typed), month=month)
    )
