"""Level figures that cannot, or are unlikely to, be the period's level (audit W D9): the
clerk's 比上年同期 column (−0.2 个百分点) typed where the unemployment rate belongs.

- Refused, as never true: a negative figure of a `level` target that is a rate or a share
  (`never_negative`: unit %, a plan bound and none below 0, and no word of a rise, a change or
  a balance in its name: 失业率, 优良率, 覆盖率, 研发投入强度; not 居民消费价格涨幅, which
  falls in a deflation), and a negative count or measure (户, 个, 万人, 万吨).
- Warned about, as unlikely: a share above 100 % (`share_bound`: unit %, a plan bound and none
  above 100: 覆盖率 ≥ 95, 优良率 ≥ 98). A 巩固率 or 毛入学率 can pass 100 % (pupils move in),
  and a rate of 完成 above the plan is 超额, so it is taken as given.

Growth, decline and change targets are never shares: their figures are signed changes. Both
tests are asked of a target once; a row asks one comparison (`import_stream`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.figure_slips import growth_is_figure
from plancli.fmt import WHOLE_UNITS
from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget

_HUNDRED = Decimal(100)
_PERCENT = ("%", "％")
# Words of a figure that is a change or a balance, which may be below 0.
_SIGNED_WORDS = re.compile("涨|增|降|减|变|改善|差|净|盈|亏|利润|收支|余额")
# Units of a count: the things `fmt.WHOLE_UNITS` counts whole (户, 个, 人), and the events and
# cases counted (人次, 例, 起); with 万 or 千 before them (万人, 万户).
_COUNTS = WHOLE_UNITS | frozenset({"人次", "户次", "次", "例", "起", "期", "篇"})
_SCALES = "十百千万亿"


def _bounds(target: AnyTarget) -> list[Decimal]:
    return [f for f in (target.around, target.min, target.max) if f is not None]


def _is_percent(target: AnyTarget) -> bool:
    return target.kind == "level" and target.unit.strip() in _PERCENT


def _signed_name(target: AnyTarget) -> bool:
    search = _SIGNED_WORDS.search
    return (
        growth_is_figure(target)
        or search(target.name) is not None
        or any(search(alias) for alias in target.aliases)
    )


def _is_count(unit: str) -> bool:
    from plancli.figure_slips import _measure

    unit = unit.strip()
    while len(unit) > 1 and unit[0] in _SCALES:
        unit = unit[1:]
    if unit in _COUNTS:
        return True
    measure = _measure(unit)  # 吨, 平方米, 立方米: a quantity; money may be a balance
    return measure is not None and measure[0] != "money"


def never_negative(target: AnyTarget) -> bool:
    """Is a negative figure of this target never true? A `level` rate or share (see the
    module's text), or a `level` count or measure (户, 万人, 万吨)."""
    if target.kind != "level":
        return False
    if _is_percent(target):
        bounds = _bounds(target)
        return bool(bounds) and min(bounds) >= 0 and not _signed_name(target)
    return _is_count(target.unit) and not _signed_name(target)


def share_bound(target: AnyTarget) -> Decimal | None:
    """The plan's largest figure for a `level` share (unit %, every bound at most 100), whose
    figure above 100 % is warned about; None for any other target."""
    if not _is_percent(target) or _signed_name(target):
        return None
    bounds = _bounds(target)
    return max(bounds) if bounds and max(bounds) <= _HUNDRED and min(bounds) >= 0 else None


def level_rules(plan: AnyPlan) -> tuple[dict[str, Decimal], set[str]]:
    """(target id → `share_bound` of the shares, the ids `never_negative`), asked once per
    import, each target once (a 100,000-target plan: only its levels are looked at)."""
    shares: dict[str, Decimal] = {}
    never: set[str] = set()
    for target in plan.targets:
        if target.kind != "level":
            continue
        if never_negative(target):
            never.add(target.id)
        bound = share_bound(target) if _is_percent(target) else None
        if bound is not None:
            shares[target.id] = bound
    return shares, never


def negative_level(target: AnyTarget, period: str, value: Decimal) -> str | None:
    """The refusal of a negative figure of a target for which it is never true, or None."""
    if value >= 0 or not never_negative(target):
        return None
    from plancli.fmt import num
    from plancli.safe import visible

    fields = {"target": target.id, "period": visible(period), "value": num(value)}
    if _is_percent(target):
        message = _(
            "{target} {period} = {value} %: a rate or share is never below 0; was the change on "
            "last year (比上年增减) typed? give the period's level"
        )
    else:
        message = _(
            "{target} {period} = {value} {unit}: a count or quantity is never below 0; was the "
            "change on last year (比上年增减) typed? give the period's level"
        )
    return message.format(**fields, unit=target.unit.strip())


def share_warning(target: AnyTarget, record: AnyRecord, bound: Decimal) -> list[str]:
    """The warning of a share above 100 % (`share_bound`), as a list."""
    if record.value <= _HUNDRED:
        return []
    from plancli.fmt import num
    from plancli.safe import visible

    message = _(
        "{target} {period} = {value} %: a share above 100 % (the plan's figure: {bound} %); "
        "check the figure (read as {value} %)"
    )
    return [
        message.format(
            target=target.id,
            period=visible(record.period),
            value=num(record.value),
            bound=num(bound),
        )
    ]


def level_warnings(plan: AnyPlan, record: AnyRecord) -> list[str]:
    """`share_warning` of a record of any target (`ledger.change_warnings`)."""
    if record.value <= _HUNDRED:
        return []
    target = plan.target(record.target)
    bound = share_bound(target) if target is not None else None
    return [] if bound is None or target is None else share_warning(target, record, bound)
