"""milestone: percent done against time progress to its due period (default: year end).

The due period is the plan's `due`, or the one `amend --due` set last (节点时间 set at 任务分解,
`Context.due`): either way the same pacing runs to it (DESIGN §4)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from plancli.assess.core import (
    TWELFTHS,
    Assessment,
    Context,
    Status,
    month_period,
    pace_gap,
    per_month,
)
from plancli.periods import Period
from plancli.plain import Target


def assess(ctx: Context, target: Target, as_of: Period) -> Assessment:
    due = ctx.due(target)
    observation = ctx.index.latest(target.id, as_of)
    if observation is None:
        return Assessment(
            target,
            "no_data",
            as_of,
            due=due,
            reason="no_record",
            due_set=ctx.amendments.due(target.id),
        )
    done = observation.value
    progress_month = ctx.progress_month(target, observation.period, as_of)
    if due.end_month == 12:  # the year's end (progress_month is at most 12)
        share = TWELFTHS[progress_month]
    else:
        share = min(Fraction(1), Fraction(progress_month, due.end_month))
    done_n, done_d = done.as_integer_ratio()
    completion = Fraction(done_n, done_d * 100)
    pace_gap_pp = pace_gap(completion, share)
    months_left = max(due.end_month - as_of.end_month, 0)  # from the as-of period, as cumulative
    remaining = max(100 - done, Decimal(0))
    if done >= 100:
        status: Status = "met"
    elif as_of.is_final and observation.period.is_final:
        status = "missed"
    else:
        status = ctx.paced_status(pace_gap_pp, as_of)
    return Assessment(
        target,
        status,
        as_of,
        period=observation.period,
        actual=done,
        gap=remaining,
        completion=completion,
        time_progress=TWELFTHS[progress_month],
        expected_share=share,
        progress_period=month_period(as_of, progress_month),
        pace_gap_pp=pace_gap_pp,
        required_per_month=per_month(remaining, months_left),
        months_left=months_left,
        # Done is done: a milestone at 100 has no later figure due (no `*` in December for
        # a base that landed in October, nothing for the 科长 to chase).
        stale=done < 100 and ctx.stale(target, observation.period, as_of),
        tolerance=ctx.rules.pace_tolerance,
        due=due,
        due_set=ctx.amendments.due(target.id),
    )
