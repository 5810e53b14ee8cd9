"""Year-to-date figures out of sequence: a cumulative target's total, or a growth target's
amount (累计值 beside 累计增长), below an earlier period's or above a later period's is most
likely a month's own figure typed where the year-to-date one belongs (July's 3.1 亿元 after
June's 27.4: audit W D6). A growth target's amount far above the one before, beyond what the
months between explain (27.4 亿元 to June after 3.5 to March), is a unit slip or the year's
total typed (`jumps`). Imported or recorded as given, with a warning; the amount's drives
"余下月份需增长", so a slip there reaches the report."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.fmt import num, stated
from plancli.i18n import _
from plancli.stores.base import cached_period as _period

if TYPE_CHECKING:
    from plancli.ledger import Figures
    from plancli.plain import AnyPlan, AnyRecord


def _below_hint(importing: bool) -> str:
    if importing:
        return _(
            "cumulative figures are year-to-date totals: give the total from the start of the "
            "year, not the month's own figure"
        )
    return _("cumulative figures are year-to-date totals (use --add to add a month's increment)")


def sequence_warnings(
    plan: AnyPlan, record: AnyRecord, current: Figures, *, importing: bool = False
) -> list[str]:
    """Cumulative figures are year-to-date totals: a figure below an earlier period's, or above
    a later period's, is most likely a monthly increment typed as a total. `importing`: said
    of a file's row, where `record --add` is no remedy."""
    target = plan.target(record.target)
    if target is None or target.kind not in ("cumulative", "milestone"):
        return []
    period = _period(record.period)
    warnings = []
    before = current.latest_before(record.target, period)
    if target.kind == "milestone":  # a stock of per cent done: it never falls (audit Y D6)
        falls = [] if before is None else milestone_fall(record, before)
        return falls + milestone_above_later(record, current)
    if before is not None and record.value < before.value:
        warnings.append(
            _("{target} {period} = {value} is below {before}'s {before_value}: {hint}").format(
                target=record.target,
                period=record.period,
                value=stated(record.value),
                before=before.period,
                before_value=stated(before.value),
                hint=_below_hint(importing),
            )
        )
    elif before is not None and (
        slip := decimal_slip(
            before.value, _period(before.period).end_month, record.value, period.end_month
        )
    ):  # 11.2 亿元 to September, then 112 to October: a slipped decimal point (audit Y D2)
        warnings.append(
            _(
                "{target} {period} = {value} is {times} times {before}'s {before_value}, for "
                "{months} months against {before_months}: a slipped decimal point or a unit "
                "slip ({slip}×)? check the figure"
            ).format(
                slip=slip,
                target=record.target,
                period=record.period,
                value=stated(record.value),
                times=num(record.value / before.value, 1),
                before=before.period,
                before_value=stated(before.value),
                months=period.end_month,
                before_months=_period(before.period).end_month,
            )
        )
    for after in current.later(record.target, period):
        if after.value < record.value:
            warnings.append(
                _(
                    "{target} {period} = {value} is above {after}'s {after_value}; "
                    "revise {after} too"
                ).format(
                    target=record.target,
                    period=record.period,
                    value=stated(record.value),
                    after=after.period,
                    after_value=stated(after.value),
                )
            )
            break
    return warnings


def milestone_fall(record: AnyRecord, before: AnyRecord) -> list[str]:
    """A milestone's per cent done below an earlier period's (100 % done in Q2, 80 in Q4):
    most likely another milestone's figure, or a stage's per cent typed into its row."""
    if record.value >= before.value:
        return []
    done = _(" (done)") if before.value >= 100 else ""
    return [
        _(
            "{target} {period} = {value} is below {before}'s {before_value}{done}: a "
            "milestone's progress does not go back; to correct it, revise {before}'s figure"
        ).format(
            target=record.target,
            period=record.period,
            value=f"{stated(record.value)}%",
            before=before.period,
            before_value=f"{stated(before.value)}%",
            done=done,
        )
    ]


def milestone_above_later(record: AnyRecord, current: Figures) -> list[str]:
    """A late figure above a later period's (60 % in Q3, then 70 given for Q2): the later one
    falls behind it, which `milestone_fall` says of a figure given in order (N12)."""
    for after in current.later(record.target, _period(record.period)):
        if after.value < record.value:
            return [
                _(
                    "{target} {period} = {value} is above {after}'s {after_value}; "
                    "revise {after} too"
                ).format(
                    target=record.target,
                    period=record.period,
                    value=f"{stated(record.value)}%",
                    after=after.period,
                    after_value=f"{stated(after.value)}%",
                )
            ]
    return []


def amount_sequence_warnings(plan: AnyPlan, record: AnyRecord, current: Figures) -> list[str]:
    """A growth target's year-to-date amount below the amount of an earlier period of its year
    (the latest that has one), or above a later period's: the month's own amount typed? Or
    far above the earlier one, beyond what the months between explain (`jumps`): a unit slip,
    or the year's total? (Said of the later figure, naming the earlier.)"""
    amount = record.amount
    if amount is None:
        return []
    target = plan.target(record.target)
    if target is None or not target.has_amount:
        return []
    period = _period(record.period)
    earlier: AnyRecord | None = None  # the latest earlier period's with an amount
    later: AnyRecord | None = None  # the earliest later period's with an amount below this one
    earlier_key = later_key = None
    for other, held in current.of_target(record.target):
        if held.amount is None or other.year != period.year:
            continue
        key = other.sort_key
        if other.end_month < period.end_month and (earlier_key is None or key > earlier_key):
            earlier, earlier_key = held, key
        elif (
            other.end_month > period.end_month
            and held.amount < amount
            and (later_key is None or key < later_key)
        ):
            later, later_key = held, key
    unit = target.unit.strip()
    fields = {
        "target": record.target,
        "period": record.period,
        "value": stated(amount),
        "unit": unit,
    }
    warnings = []
    if earlier is not None and amount < _amount(earlier):
        message = _(
            "{target} {period}: the amount {value} {unit} is below {before}'s {before_value}: "
            "the amount (累计值) is the year-to-date total, not the month's own figure"
        )
        warnings.append(
            message.format(**fields, before=earlier.period, before_value=stated(_amount(earlier)))
        )
    elif earlier is not None and jumps(
        _amount(earlier), _period(earlier.period).end_month, amount, period.end_month
    ):
        message = _(
            "{target} {period}: the amount {value} {unit} is {times} times {before}'s "
            "{before_value}, for {months} months against {before_months}: a unit slip, or the "
            "year's total? the amount (累计值) is the year-to-date total"
        )
        before_months = _period(earlier.period).end_month
        warnings.append(
            message.format(
                **fields,
                times=num(amount / _amount(earlier), 1),
                before=earlier.period,
                before_value=stated(_amount(earlier)),
                months=period.end_month,
                before_months=before_months,
            )
        )
    if later is not None:
        message = _(
            "{target} {period}: the amount {value} {unit} is above {after}'s {after_value}; "
            "revise {after} too"
        )
        warnings.append(
            message.format(**fields, after=later.period, after_value=stated(_amount(later)))
        )
    return warnings


JUMP = 3
"""A year-to-date amount more than JUMP times what its months explain (`jumps`) is warned about.
A bulletin's amounts grow about with the months elapsed: a quarter's GDP is a fifth to a quarter
of the year's, a month's revenue or retail sales a twelfth give or take a half, so March to June
is some 2× (6 months against 3) and January to February 2× to 3× (the Spring Festival month
small). Three times the months' ratio (6× in a quarter, 6× from January to February) is beyond
any of them, and a unit slip (千万元 for 亿元, 10×) or the year's total typed for the months'
(4× from 03, 2× from 06) reaches it from a quarter before."""


def jumps(before: Decimal, before_month: int, amount: Decimal, month: int) -> bool:
    """Is `amount` to `month` more than JUMP times what `before` to `before_month` and the
    months between explain? (amount / before > JUMP × month / before_month)"""
    return before > 0 and amount * before_month > JUMP * before * month


SLIP_PACE = 5
"""A cumulative total about 10^k times the one before (k ≥ 1, within a fifth) is a slipped
decimal point or unit only when it also runs SLIP_PACE times faster than the months between
explain: 11.2 亿元 to September then 112 to October (9×), 200 stations to Q3 then 2000 to Q4
(7.5×) or January's 1.2 then February's 12 (5×) are warned of, while February's 1.2 after
the Spring Festival then June's 12 (3.3×) is an ordinary slow start, and Q1's 10 then Q2's 130
(13×) no slip of a decimal point (N8, session 27)."""


def decimal_slip(before: Decimal, before_month: int, value: Decimal, month: int) -> int | None:
    """The power of ten (10, 100, …) that `value` to `month` is of `before` to `before_month`
    when it is a likely slip; None when the ratio is no power of ten or the months explain it."""
    if before <= 0 or value * before_month < SLIP_PACE * before * month:
        return None
    ratio = value / before
    power = 10
    while power * 10 <= ratio * Decimal("1.2"):
        power *= 10
    return power if power / Decimal("1.2") <= ratio <= power * Decimal("1.2") else None


def _amount(record: AnyRecord) -> Decimal:
    assert record.amount is not None
    return record.amount
