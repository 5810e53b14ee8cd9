"""The growth the rest of the year needs, shown as precisely as its inputs allow.

`required_growth_rest` takes last year's level; a report states it rounded in its own scale
(上海's 5.67万亿元 is 56700 ± 50 亿元, 北京's 5.2万亿元 52000 ± 500), which the plan keeps as
`baseline.value_text`, and the rules give the needed growth at either end of it
(`required_growth_rest_low` / `_high`). Shown by the width of that range, in percentage
points (docs/assessing.md, "How precise the growth still needed is"):

- at most 0.02 (or no `value_text`): the figure, as ever (`余下月份需增长5.43%`);
- at most 0.2: rounded to one place, `约5.4%`;
- at most 1: the range at one place, its ends rounded outward, `9.9%—10.4%`;
- wider, or a range from a fall to a rise: withheld, saying why (the range is 1 pp or
  more of a target of a few per cent: no leader can act on either end).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Literal, Protocol

from plancli.fmt import growth_rest_text, num
from plancli.i18n import Lang, t

Reading = Literal["figure", "about", "range", "withheld"]

FIGURE_WIDTH = Decimal("0.02")  # pp: the figure is good to its last place
ABOUT_WIDTH = Decimal("0.2")  # to one place
RANGE_WIDTH = Decimal(1)  # a range a leader can act on


class _Rest(Protocol):
    @property
    def required_growth_rest(self) -> Decimal | None: ...
    @property
    def required_growth_rest_low(self) -> Decimal | None: ...
    @property
    def required_growth_rest_high(self) -> Decimal | None: ...
    @property
    def exclusive(self) -> bool: ...


def reading(low: Decimal | None, high: Decimal | None) -> Reading:
    """How a needed growth with this range (None: none, the level exact) is shown."""
    if low is None or high is None or high - low <= FIGURE_WIDTH:
        return "figure"
    if low < 0 < high or high - low > RANGE_WIDTH:
        return "withheld"
    return "about" if high - low <= ABOUT_WIDTH else "range"


def rest_shown(
    a: _Rest,
    lang: Lang,
    form: str = "needs",
    goal: str | None = None,
    ahead: bool = False,
    level: str | None = None,
) -> str:
    """`fmt.growth_rest_text` of `a`'s needed growth (not None), its figure as precise as the
    range allows (`reading`); `level`, the report's words for last year's level (5.2万亿元),
    names it where the figure is withheld."""
    value = a.required_growth_rest
    assert value is not None
    low, high = a.required_growth_rest_low, a.required_growth_rest_high
    how = reading(low, high)
    if how == "withheld":
        assert low is not None and high is not None
        ends = _ends(low, high, lang, " " if form == "detail" else "")
        key = f"growth_rest.withheld.{form}" + (".level" if level and form == "detail" else "")
        return t(key, lang).format(ends=ends, level=level)
    text = growth_rest_text(value, lang, form, a.exclusive, goal, ahead)
    if how == "figure":
        return text
    assert low is not None and high is not None
    spaced = " " if form == "detail" else ""
    if how == "about":
        tenth = Decimal(math.floor(abs(value) * 10 + Decimal("0.5"))).scaleb(-1)
        figure = t("growth_rest.about", lang).format(value=f"{tenth:.1f}", gap=spaced)
    else:
        figure = _ends(abs(low), abs(high), lang, spaced)
    # the figure and its % (`10.14%`, `10.14 %`) the first time it stands (before any goal)
    pattern = re.escape(num(abs(value))) + r" ?%"
    return re.sub(pattern, lambda _match: figure, text, count=1)


def _ends(low: Decimal, high: Decimal, lang: Lang, spaced: str) -> str:
    """A range at one place, its ends rounded outward: `9.9%—10.4%` (`9.9 %—10.4 %` spaced)."""
    low, high = sorted((low, high))
    shown = Decimal(math.floor(low * 10)).scaleb(-1), Decimal(math.ceil(high * 10)).scaleb(-1)
    return t("growth_rest.ends", lang).format(
        low=f"{shown[0]:.1f}", high=f"{shown[1]:.1f}", gap=spaced
    )
