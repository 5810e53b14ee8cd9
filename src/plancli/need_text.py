"""What a target still lacks and needs a month, as tables and reports write it, with its unit:
the gap (2个百分点, 184个; — for nothing), the need a month (0.28亿元, points for a stock in %),
a count of things counted whole rounded up (12个 a month, not 11.5个)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple, Protocol

from plancli import unit_words
from plancli.fmt import SATISFIED, gap_num, num
from plancli.i18n import Lang, t


class GapFields(Protocol):
    """What `gap_text` and `per_month_text` read of an assessment (`AssessmentOut`)."""

    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def gap(self) -> Decimal | None: ...
    @property
    def required_per_month(self) -> Decimal | None: ...


def _in_points(a: GapFields) -> bool:
    """Is a gap of this target in percentage points (a growth, a level in %)?"""
    return a.kind in ("growth", "relative") or a.unit.strip() == "%"


def gap_text(a: GapFields, lang: Lang, spaced: bool = False) -> str:
    """What is still missing, with its unit: `184个`, `2个百分点`, `1.7亿元`, `> 0个百分点`
    (`184 个`, `2 pp` in English, or `spaced`, as `show` writes every figure); a milestone's
    in points of percent done (`70个百分点`). A target that lacks nothing has `SATISFIED` (—),
    not `0 个百分点`; a target with no gap (no data) nothing."""
    if a.gap is None:
        return ""
    if a.gap == 0 and a.status in ("met", "on_track"):
        return SATISFIED
    figure = gap_num(a.gap, a.status)
    space = " " if spaced or lang != "zh" else ""
    # A milestone's: the points of percent done it lacks (80 % of 100 % is 差20个百分点, as
    # the report and its need per month say), not `20%`.
    if a.kind == "milestone" or _in_points(a):
        return f"{figure}{space}{t('pp', lang)}"
    return f"{figure}{space}{a.unit}".rstrip()


def per_month_text(a: NeedFields, lang: Lang, spaced: bool = False) -> str:
    """What is needed a month, with its unit: `0.28亿元`, in points for a milestone and a stock
    in % (`12.5个百分点`: a rate's rise, never `12.5%`), a count of whole things in whole things
    (`31个`, `whole_need`); `31 个` in English or `spaced`. Empty when nothing is."""
    if a.required_per_month is None:
        return ""
    space = " " if spaced or lang != "zh" else ""
    return f"{per_month_figure(a)}{space}{need_unit(a, lang)}".rstrip()


def need_unit(a: GapFields, lang: Lang) -> str:
    """The unit of what is needed a month: points for a milestone and a stock in % (a rate
    rises by points: 月均需完成4.67个百分点, never 4.67%), else the target's."""
    return t("pp", lang) if a.kind == "milestone" or _in_points(a) else a.unit


def per_month_figure(a: NeedFields) -> str:
    """`required_per_month` as written: 0.28, a count of whole things' rounded up (`whole_need`:
    12 for 11.5个). What the months left need instead when that is below one a month is not a
    month's: the callers write it (`whole_need`)."""
    need = whole_need(a)
    return str(need.number) if need is not None and need.monthly else num(a.required_per_month)


# Units of things counted whole (个, 户, 所, 套…): a month's share of one (月均需完成0.33个, 0.5户
# 总部企业) is not something a 发改局 writes; 万人, 亿元 or 公里 are amounts, divided as they are.
# Kept in the one table of units (`unit_words`), with their English glosses.
WHOLE_UNITS = unit_words.WHOLE_UNITS


class WholeNeed(NamedTuple):
    number: int
    monthly: bool  # `number` a month, rounded up; else `number` still to do in the months left


class NeedFields(GapFields, Protocol):
    """What `whole_need` reads besides (`AssessmentOut`)."""

    @property
    def months_left(self) -> int | None: ...
    @property
    def actual(self) -> Decimal | None: ...
    @property
    def around(self) -> Decimal | None: ...
    @property
    def min(self) -> Decimal | None: ...


def whole_need(a: NeedFields) -> WholeNeed | None:
    """What a count of things counted whole (`WHOLE_UNITS`) needs, as a 发改局 writes it: a whole
    number a month, rounded up (11.5个 → 12个: 11 a month would fall short), or, when that is
    less than one a month, what is still to do in the months left (余下月份需完成2个, not
    月均需完成0.33个). None for any other target, and where nothing is needed: its figure as it
    is (`required_per_month`, which `gap --json` keeps exact)."""
    if a.kind != "cumulative" or a.unit.strip() not in WHOLE_UNITS:
        return None
    goal = a.around if a.around is not None else a.min
    if not a.required_per_month or not a.months_left or goal is None or a.actual is None:
        return None
    remaining = goal - a.actual
    if remaining <= 0:
        return None
    if remaining >= a.months_left:
        return WholeNeed(math.ceil(remaining / a.months_left), True)
    return WholeNeed(math.ceil(remaining), False)
