"""Level figures that cannot, or are unlikely to, be the period's level (audit W D9): the
clerk's 比上年同期 column (−0.2 个百分点) typed where the unemployment rate belongs.

- Refused, as never true: a negative figure of a `level` target that is a rate or a share
  (`never_negative`: unit %, a plan bound and none below 0, and no word of a rise, a change or
  a balance in its name: 失业率, 优良率, 覆盖率, 研发投入强度; not 居民消费价格涨幅, which
  falls in a deflation), and a negative count or measure (户, 个, 万人, 万吨).
- Warned about, as unlikely: a share above 100 % (`share_bound`: unit %, a plan bound and none
  above 100: 覆盖率 ≥ 95, 优良率 ≥ 98). A 巩固率 or 毛入学率 can pass 100 % (pupils move in),
  and a rate of 完成 above the plan is 超额, so it is taken as given.

A `change` target (城镇化率提升1个百分点以上) is judged on the rise over a base level, but its
records are LEVELS (58.38 %), so the checks above are asked of it too (its plan figures, for a
share, are the stated base plus its bounds). And a figure of it that looks like the rise
typed as the level (0.3 beside a base of 58.08, which the dashboard reads as a fall of 57.78
points: audit N D6) is warned about (`rise_as_level`), as is a base recorded below figures
already recorded that look so. Growth and decline targets are never shares: their figures are
signed changes. The tests are asked of a target once; a row asks one comparison
(`import_stream`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.figure_slips import growth_is_figure
from plancli.i18n import _
from plancli.need_text import WHOLE_UNITS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from plancli.ledger import Figures
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget

_HUNDRED = Decimal(100)
_PERCENT = ("%", "％")
# Words of a figure that is a change or a balance, which may be below 0.
_SIGNED_WORDS = re.compile("涨|增|降|减|变|改善|差|净|盈|亏|利润|收支|余额")
# Units of a count: the things `need_text.WHOLE_UNITS` counts whole (户, 个, 人), and the events
# and cases counted (人次, 例, 起); with 万 or 千 before them (万人, 万户).
_COUNTS = WHOLE_UNITS | frozenset({"人次", "户次", "次", "例", "起", "期", "篇"})
_SCALES = "十百千万亿"


# The kinds whose records are levels: a `change` target's too (its bounds are the rise).
_LEVELS = ("level", "change")
# A change target's figure within this many times its rise (5 for a rise of 1 point) may be
# the rise typed as the level: a level moves by about its rise in a year, not by its size.
_RISE_SCALE = Decimal(5)


def _bounds(target: AnyTarget) -> list[Decimal]:
    return [f for f in (target.around, target.min, target.max) if f is not None]


def _levels(target: AnyTarget) -> list[Decimal]:
    """The plan's figures of a target's level: a level's bounds; a change target's base
    stated in the plan plus each bound (none without a stated base)."""
    if target.kind == "level":
        return _bounds(target)
    base = target.baseline.value if target.baseline is not None else None
    return [] if base is None else [base + bound for bound in _bounds(target)]


def _is_percent(target: AnyTarget) -> bool:
    return target.kind in _LEVELS and target.unit.strip() in _PERCENT


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
    module's text), or a `level` count or measure (户, 万人, 万吨); a `change` target's level
    alike (a rate: 城镇化率), whatever the sign of its rise (下降0.5个百分点)."""
    if target.kind not in _LEVELS:
        return False
    if _is_percent(target):
        if target.kind == "change":
            return not _signed_name(target)
        bounds = _bounds(target)
        return bool(bounds) and min(bounds) >= 0 and not _signed_name(target)
    return _is_count(target.unit) and not _signed_name(target)


def share_bound(target: AnyTarget) -> Decimal | None:
    """The plan's largest figure for a share (unit %, every figure of its level at most 100:
    `_levels`), whose figure above 100 % is warned about; None for any other target."""
    if not _is_percent(target) or _signed_name(target):
        return None
    levels = _levels(target)
    return max(levels) if levels and max(levels) <= _HUNDRED and min(levels) >= 0 else None


def level_rules(plan: AnyPlan) -> tuple[dict[str, Decimal], set[str], set[str]]:
    """(target id → `share_bound` of the shares, the ids `never_negative`, the ids of the
    change targets whose figures `change_slips` looks at), asked once per import, each target
    once (a 100,000-target plan: only its levels and changes are looked at)."""
    shares: dict[str, Decimal] = {}
    never: set[str] = set()
    changes: set[str] = set()
    for target in plan.targets:
        if target.kind not in _LEVELS:
            continue
        if never_negative(target):
            never.add(target.id)
        bound = share_bound(target) if _is_percent(target) else None
        if bound is not None:
            shares[target.id] = bound
        if _rise_scale(target):
            changes.add(target.id)
    return shares, never, changes


# The figures of a class in 类: Ⅰ类–Ⅴ类 and 劣Ⅴ类 (unit_words.class_text), for an import's loop.
CLASSES = frozenset(Decimal(n) for n in range(1, 7))


def is_class(target: AnyTarget) -> bool:
    """Are the target's figures water classes (its unit 类, not a rate)?"""
    from plancli.unit_words import is_class_unit

    return is_class_unit(target.unit) and not _is_percent(target)


def no_class(target: AnyTarget, value: Decimal) -> str | None:
    """The refusal of a figure in 类 that is no water class (2.5 was recorded as one, shown
    `2.5 类`), or None: a class is Ⅰ类–Ⅴ类 (1–5) or 劣Ⅴ类 (6)."""
    if not is_class(target) or value in CLASSES:
        return None
    from plancli.fmt import stated

    return _(
        "{target}: {value} is no water class: a figure in 类 is Ⅰ类–Ⅴ类 (1–5) or 劣Ⅴ类 (6)"
    ).format(target=target.id, value=stated(value))


def negative_level(target: AnyTarget, period: str, value: Decimal) -> str | None:
    """The refusal of a negative figure of a target for which it is never true, or of a figure
    in 类 that is no class (`no_class`), or None."""
    if value >= 0 or not never_negative(target):
        return no_class(target, value)
    from plancli.fmt import stated
    from plancli.safe import visible

    fields = {"target": target.id, "period": visible(period), "value": stated(value)}
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
    from plancli.fmt import num, stated
    from plancli.safe import visible

    message = _(
        "{target} {period} = {value} %: a share above 100 % (the plan's figure: {bound} %); "
        "check the figure (read as {value} %)"
    )
    return [
        message.format(
            target=target.id,
            period=visible(record.period),
            value=stated(record.value),
            bound=num(bound),
        )
    ]


def level_warnings(plan: AnyPlan, record: AnyRecord, figures: Figures) -> list[str]:
    """`share_warning` and `change_slips` of a record of any target, `figures` the ledger as
    it will be (`ledger.change_warnings`)."""
    target = plan.target(record.target)
    if target is None or target.kind not in _LEVELS:
        return []
    bound = share_bound(target) if record.value > _HUNDRED else None
    shares = [] if bound is None else share_warning(target, record, bound)
    return [*shares, *change_slips(plan, target, record, figures)]


def _rise_scale(target: AnyTarget) -> Decimal:
    """How large a change target's rise is likely to be (`_RISE_SCALE` times its bound's
    largest size); 0 for any other target, or one without a bound (pending)."""
    if target.kind != "change":
        return Decimal(0)
    return _RISE_SCALE * max((abs(bound) for bound in _bounds(target)), default=Decimal(0))


def change_slips(
    plan: AnyPlan, target: AnyTarget, record: AnyRecord, figures: Figures
) -> list[str]:
    """The warnings of a change target's figure that looks like the rise typed as the level:
    within the rise's scale (`_rise_scale`) and far below the base level (the plan's stated
    `baseline.value`, else the year before's year-end figure in `figures`, as the status rule
    reads it), or with no base level at all; and of a base level recorded with figures of the
    plan year (not of its own batch) that look so beside it. Recorded as given."""
    scale = _rise_scale(target)
    if not scale:
        return []
    from plancli.periods import Period, parse_period

    year = plan.plan.year
    stated = target.baseline.value if target.baseline is not None else None
    period = parse_period(record.period)
    if period.year != year:  # the base level itself (2025, for a 2026 plan)
        if stated is not None:
            return []  # the plan's stated base is the one judged on
        later = [
            other
            for when, other in figures.of_target(target.id)
            if when.year == year
            and other.batch != record.batch
            and _looks_like_rise(other.value, record.value, scale)
        ]
        return [_base_above(target, record, later)] if later else []
    if stated is not None:
        base: Decimal | None = stated
    else:
        recorded = figures.at(target.id, Period(year - 1, "Y", 1))
        base = None if recorded is None else recorded.value
    if base is None:
        if _signed_name(target) or not 0 <= record.value <= scale:
            return []  # a balance or a change may well be near 0
        return [_rise_without_base(target, record, scale, year - 1)]
    if not _looks_like_rise(record.value, base, scale):
        return []
    return [_rise_below_base(target, record, base, stated is not None)]


def change_row_slips(
    plan: AnyPlan, current: Figures, rows: Sequence[tuple[int, int, AnyRecord]]
) -> list[tuple[int, int, str]]:
    """`change_slips` of an import's rows of change targets (1 if unchanged, row, record), as
    `import_stream` keeps its warnings: against the ledger as the import leaves it (`current`
    and the rows), so a base level given in the file counts, as `check_import` reads it."""
    if not rows:
        return []

    from plancli.ledger import Figures

    ids = {record.target for _, _, record in rows}
    merged = Figures(
        [
            *(record for target in ids for _, record in current.of_target(target)),
            *(record for _, _, record in rows),
        ]
    )
    found: list[tuple[int, int, str]] = []
    for unchanged, row, record in rows:
        target = plan.target(record.target)
        if target is not None:
            found.extend(
                (unchanged, row, slip) for slip in change_slips(plan, target, record, merged)
            )
    return found


def _looks_like_rise(value: Decimal, base: Decimal, scale: Decimal) -> bool:
    """A figure within the rise's scale and far below the base level: more than the scale."""
    return abs(value) <= scale and base - value > scale


def _rise_below_base(target: AnyTarget, record: AnyRecord, base: Decimal, stated: bool) -> str:
    from plancli import fmt
    from plancli.fmt import num
    from plancli.safe import visible

    message = (
        _(
            "{target} {period} = {value} {unit}: far below the base level {base} {unit} (the "
            "plan's baseline); a change target takes the level, not the rise: if {value} is "
            "the rise, type the level {level} ({base} + {value})"
        )
        if stated
        else _(
            "{target} {period} = {value} {unit}: far below the base level {base} {unit} "
            "(recorded for the year before); a change target takes the level, not the rise: "
            "if {value} is the rise, type the level {level} ({base} + {value})"
        )
    )
    return message.format(
        target=target.id,
        period=visible(record.period),
        value=fmt.stated(record.value),
        unit=target.unit.strip(),
        base=fmt.stated(base),
        level=num(base + record.value),
    )


def _rise_without_base(target: AnyTarget, record: AnyRecord, scale: Decimal, before: int) -> str:
    from plancli.fmt import num, stated
    from plancli.safe import visible

    message = _(
        "{target} {period} = {value} {unit}: no base level yet, and the figure is of the "
        "size of the rise (the plan's: {rise}); a change target takes the level, not the "
        "rise: if {value} is the rise, type last year's level + {value}; record the base "
        "level too (--period {before}) or set baseline.value in the plan"
    )
    rise = num(scale / _RISE_SCALE)
    if target.unit.strip() in _PERCENT:
        rise = _("{rise} percentage points").format(rise=rise)
    else:
        rise = f"{rise} {target.unit.strip()}"
    return message.format(
        target=target.id,
        period=visible(record.period),
        value=stated(record.value),
        unit=target.unit.strip(),
        rise=rise,
        before=before,
    )


def _base_above(target: AnyTarget, record: AnyRecord, later: list[AnyRecord]) -> str:
    from plancli.fmt import num, stated
    from plancli.safe import visible

    first = later[0]
    message = _(
        "{target} {period} = {base} {unit}, the base level: figures recorded far below it "
        "({figures}); a change target takes the level, not the rise: if they are the rise, "
        "record the level again (e.g. {first} = {level}, {base} + {value})"
    )
    return message.format(
        target=target.id,
        period=visible(record.period),
        base=stated(record.value),
        unit=target.unit.strip(),
        figures=", ".join(f"{visible(r.period)} = {stated(r.value)}" for r in later),
        first=visible(first.period),
        level=num(record.value + first.value),
        value=stated(first.value),
    )
