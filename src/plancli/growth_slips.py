"""A growth target's figure that is most likely its amount: the 累计值 typed into the 增速
column. A bureau's table puts 本月止累计 (社会消费品零售总额 340.6 亿元) beside 比上年同期增长
(3.2 %), and the slip reaches the report as 累计增长340.6% unless it is caught. Like the other
likely slips (a total in 万元 for 亿元, a % kept as a fraction), the figure is recorded or
imported as given, with a warning saying the slip (docs/recording.md), when:

- the growth equals an amount of its position: the one given with it, or the one in force
  (`record retail_sales 340.6 --period 2022-06` over 3.2 % with 340.6 亿元);
- the growth is beyond any likely year-to-date growth: above ten times the largest growth the
  plan gives for the target (its bound, its baseline year's growth) and above GROWTH_FLOOR %,
  or a fall of more than 100 % (an amount below nothing).

And a growth that is most likely a tenth of it, its decimal point slipped (4.5 typed as 45:
`tenfold_growth`): the figure ÷ 10 falls near what the plan gives for it while the figure is far
above all of that.

A growth (or relative) target's figure is its growth whatever its unit (`has_amount`); the
other kinds' figures are totals, levels and shares, with slips of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.i18n import _, join_list

if TYPE_CHECKING:
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget

GROWTH_FLOOR = Decimal(120)
"""No year-to-date growth up to this many % is warned about as beyond likely, whatever the plan
says: a district's investment or trade can double in a year (+100 %), and an index on last year
(上年同期=100: 85 to 115) is another slip, said as such."""
GROWTH_TIMES = 10
"""A growth more than this many times the plan's own figures for it (7 %, 2021's 11.6 %)."""
_FALL = Decimal(-100)  # a fall of more than 100 %: the amount would be below nothing


def growth_limit(target: AnyTarget) -> Decimal | None:
    """The largest year-to-date growth of a growth (or relative) target not warned about as
    beyond likely; None for a target whose figure is no growth. A trend's figure and a tracked
    growth indicator's are growths too (`figure_slips.growth_figure`: 江苏's 粮食产量保持稳定
    recorded as 762.4 %, the 统计公报's 亿斤, was not warned of before session 42)."""
    from plancli.figure_slips import growth_figure

    if not target.has_amount and not growth_figure(target):
        return None
    baseline = target.baseline
    known = [
        abs(figure)
        for figure in (
            target.around,
            target.min,
            target.max,
            baseline.growth if baseline is not None else None,
        )
        if figure is not None
    ]
    return max(GROWTH_FLOOR, GROWTH_TIMES * max(known, default=Decimal(0)))


TENFOLD_FLOOR = Decimal(20)
"""No growth below this many % is warned about as a slipped decimal point: 1.5 typed as 15 is a
likely slip, but 15 % is a plausible growth for too many series to say so."""
TENFOLD_FAR = 3
"""The figure must be more than this many times the largest of the plan's figures for it."""
TENFOLD_NEAR = Decimal(1)
"""How many points the figure ÷ 10 may lie outside the plan's figures (3.9 to 5 for 广东's GDP
is 2.9 to 6: 29 % to 60 % warn)."""


def tenfold_band(target: AnyTarget) -> tuple[Decimal, Decimal] | None:
    """The growths (low, high) of a growth (or relative) target warned about as ten times a
    likely one (`tenfold_growth`); None where there are none: a target whose figure is no
    growth, or one whose plan gives no baseline growth. The baseline (what the series did last
    year: 广东 GDP 3.9 %) is what tells a steady series from one that swings: a plan gives it
    for its GDP, revenue, income, and rarely for investment or trade, which can rise 30 % or
    45 % from a low base (甘肃's 固定资产投资 4.5 %, 进出口 10 % give none: never warned)."""
    baseline = target.baseline
    if not target.has_amount or baseline is None or baseline.growth is None:
        return None
    figures = [
        f
        for f in (target.around, target.min, target.max, target.stretch, baseline.growth)
        if f is not None and f > 0
    ]
    if not figures:
        return None
    low = max(
        TENFOLD_FLOOR,
        TENFOLD_FAR * max(figures),
        (min(figures) - TENFOLD_NEAR).scaleb(1),
    )
    high = (max(figures) + TENFOLD_NEAR).scaleb(1)
    return (low, high) if low <= high else None


def growth_bounds(plan: AnyPlan) -> dict[str, tuple[Decimal, tuple[Decimal, Decimal] | None]]:
    """Target id → (`growth_limit`, `tenfold_band`), for the growth (and relative) targets:
    asked once per import."""
    return {
        t.id: (limit, tenfold_band(t))
        for t in plan.targets
        if (limit := growth_limit(t)) is not None
    }


def growth_slip(
    target: AnyTarget,
    record: AnyRecord,
    previous: AnyRecord | None,
    limit: Decimal,
    band: tuple[Decimal, Decimal] | None,
) -> list[str]:
    """`amount_as_growth`, else `tenfold_growth`: one slip a growth, as a list."""
    return amount_as_growth(target, record, previous, limit) or tenfold_growth(target, record, band)


def tenfold_growth(
    target: AnyTarget, record: AnyRecord, band: tuple[Decimal, Decimal] | None
) -> list[str]:
    """The warning of a growth ten times a likely one (4.5 typed as 45), as a list; `band`:
    the target's `tenfold_band`. Recorded as given: a series can surge."""
    return _tenfold(target, record.period, record.value, band)


def tenfold_bounds(target: AnyTarget, period: str, bounds: Iterable[Decimal | None]) -> list[str]:
    """`tenfold_growth` of the bounds an amendment gives a growth target (`amend gdp --from
    2026-07 --min 45` where the plan says 4.5%—5%): the same rule against the plan's own
    figures, the same message, a bound each."""
    band = tenfold_band(target)
    return [
        text
        for bound in bounds
        if bound is not None
        for text in _tenfold(target, period, bound, band)
    ]


def _references(target: AnyTarget) -> list[str]:
    """The plan's figures a growth is likely near, as the warnings name them: the target's
    bound (`the target 4.5 %`) and its baseline year's growth (`2025: 3.9 %`)."""
    from plancli.fmt import num

    references = []
    bound = next((f for f in (target.around, target.min, target.max) if f is not None), None)
    if bound is not None:
        references.append(_("the target {figure} %").format(figure=num(bound)))
    baseline = target.baseline
    if baseline is not None and baseline.growth is not None:
        text = _("{year}: {figure} %")
        references.append(text.format(year=baseline.year, figure=num(baseline.growth)))
    return references


def _tenfold(
    target: AnyTarget, period: str, value: Decimal, band: tuple[Decimal, Decimal] | None
) -> list[str]:
    if band is None or not band[0] <= value <= band[1]:
        return []
    from plancli.fmt import num, stated
    from plancli.safe import visible

    references = _references(target)
    message = _(
        "{target} {period} = {value} %: ten times a likely growth ({references}); {tenth} "
        "typed as {value}? (read as a growth of {value} %)"
    )
    return [
        message.format(
            target=target.id,
            period=visible(period),
            value=stated(value),
            tenth=num(value.scaleb(-1)),
            references=join_list(references),
        )
    ]


def growth_limits(plan: AnyPlan) -> dict[str, Decimal]:
    """Target id → `growth_limit`, for the growth (and relative) targets: asked once per import."""
    return {t.id: limit for t in plan.targets if (limit := growth_limit(t)) is not None}


def amount_as_growth(
    target: AnyTarget, record: AnyRecord, previous: AnyRecord | None, limit: Decimal
) -> list[str]:
    """The warning of a growth that is most likely an amount (see the module's text), as a
    list; `limit`: the target's `growth_limit`. Cheap for the many growths that are none."""
    value = record.value
    in_force = previous.amount if previous is not None else None
    if _FALL <= value <= limit and value != record.amount and value != in_force:
        return []
    from plancli.fmt import stated
    from plancli.safe import visible

    fields = {
        "target": target.id,
        "period": visible(record.period),
        "value": stated(value),
        "unit": target.unit.strip(),
    }
    if value.is_zero():
        return []  # 0 % and an amount of 0: nothing was typed in the wrong column
    if value in (record.amount, in_force):
        given = value == record.amount
        what = _("the amount given with it") if given else _("the amount in force")
        message = _(
            "{target} {period} = {value} %: the growth equals {what} ({value} {unit}); the "
            "amount (累计值) typed as the growth (累计增长)? (read as a growth of {value} %)"
        )
        return [message.format(**fields, what=what)]
    if value < _FALL:
        message = _(
            "{target} {period}: a fall of more than 100 % ({value} %) would leave an amount "
            "below nothing; check the figure (read as a growth of {value} %)"
        )
        return [message.format(**fields)]
    if not target.has_amount:  # a trend's growth, an indicator's: no amount to name
        message = _(
            "{target} {period} = {value} %: a growth on last year beyond any likely one; the "
            "total (累计值) typed as the growth? (read as a growth of {value} %)"
        )
        return [message.format(**fields)]
    references = _references(target)
    if references:
        message = _(
            "{target} {period} = {value} %: a year-to-date growth beyond any likely one "
            "({references}); the amount (累计值, in {unit}) typed as the growth (累计增长)? "
            "(read as a growth of {value} %)"
        )
        return [message.format(**fields, references=join_list(references))]
    message = _(
        "{target} {period} = {value} %: a year-to-date growth beyond any likely one; the "
        "amount (累计值, in {unit}) typed as the growth (累计增长)? (read as a growth of "
        "{value} %)"
    )
    return [message.format(**fields)]


def falls(target: AnyTarget) -> bool:
    """Is the target's figure a signed change the plan wants to fall: a 下降 target (`decline`:
    单位地区生产总值能耗下降2.5%) or a trend down (单位生产总值二氧化碳排放量进一步下降)?"""
    return target.decline or (target.kind == "trend" and target.effective_direction == "down")


def fall_ids(plan: AnyPlan) -> frozenset[str]:
    """The ids of the targets that `falls`: asked once per import."""
    return frozenset(t.id for t in plan.targets if falls(t))


def rise_for_decline(target: AnyTarget, record: AnyRecord, typed: object = None) -> list[str]:
    """The warning of a rise recorded for a target that `falls`, as a list: 2.7 typed for a
    fall of 2.7 % is the classic sign slip, and judged as a rise of 2.7 % it makes the target
    missed. Recorded as given: a rise does happen. None where the figure was `typed` as a rise
    in words or by its sign (`增长0.6`, `+0.6`: `figure_words.rise_stated`): the bulletin says
    it rose (audit S D7)."""
    if record.value <= 0 or not falls(target):
        return []
    from plancli.figure_words import rise_stated

    if rise_stated(typed):
        return []
    from plancli.fmt import stated
    from plancli.safe import visible

    if target.decline:
        message = _(
            "{target} {period} = {value} %: a rise recorded for a 下降 (decline) target; if it "
            "was a fall, type 下降{value} or -{value}"
        )
    else:
        message = _(
            "{target} {period} = {value} %: a rise recorded for a trend target meant to fall "
            "(direction down); if it was a fall, type 下降{value} or -{value}"
        )
    return [
        message.format(target=target.id, period=visible(record.period), value=stated(record.value))
    ]


def growth_warnings(
    plan: AnyPlan, record: AnyRecord, previous: AnyRecord | None, typed: object = None
) -> list[str]:
    """`rise_for_decline` (`typed`: the figure as given) and `amount_as_growth` of a record of
    any target (`ledger.change_warnings`)."""
    target = plan.target(record.target)
    if target is None:
        return []
    limit = growth_limit(target)
    rise = rise_for_decline(target, record, typed)
    if limit is None:
        return rise
    return [*rise, *growth_slip(target, record, previous, limit, tenfold_band(target))]


def amount_slips(plan: AnyPlan, record: AnyRecord, previous: AnyRecord | None) -> list[str]:
    """`amount_as_growth` (or `tenfold_growth`) of a record of any target: what
    `imports.check_import` leaves out of a row whose figure a % cell's warning explains (4.1
    under 0.0%, read as 410 %: the cell's warning says why it is so large;
    `percent_cells.pasted_growth`), one thing a row."""
    target = plan.target(record.target)
    limit = None if target is None else growth_limit(target)
    if target is None or limit is None:
        return []
    return growth_slip(target, record, previous, limit, tenfold_band(target))
