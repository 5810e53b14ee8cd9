"""A bad row of an import as its refusal lists it (F5 of the session 30 walk): a value that is
not a number was named by file and line alone (`t6.csv:8：数值 '六点五' 不是数字…`), and the
analyst counted rows to learn it was retail_sales."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plancli.i18n import _, colon_join
from plancli.safe import Clipped

if TYPE_CHECKING:
    from plancli.imports import Problem
    from plancli.model import Record
    from plancli.periods import Period
    from plancli.plain import Record as PlainRecord


def named_problem(where: str, problem: Problem) -> str:
    """A bad row as a message lists it: FILE:ROW, the target when the row names one of the
    plan's and the message does not name it already (`value '六点五' is not a number` names no
    target), then the message; `t6.csv:8: target retail_sales: …`, `t6.csv:8：目标
    retail_sales：…` in Chinese, as a plan's errors name a target (`p.toml:25：目标 gdp：min：…`).
    The one place every import's row problems are put in words."""
    target = problem.target
    if target and not _id_pattern(target).search(problem.message):
        return colon_join(where, _("target {id}").format(id=Clipped(target)), problem.message)
    return colon_join(where, problem.message)


def _id_pattern(target: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(target)}(?![A-Za-z0-9_])")


def _twice(record: PlainRecord | Record, period: Period, row: int, earlier: str) -> str:
    """The problem of a row giving a position an earlier row gave (as `check_import` says it)."""
    if earlier == record.period:
        twice = _("{target} {period} is also on row {row}; give one figure per target and period")
    else:
        twice = _(
            "{target} {period} is also on row {row} as {earlier} (both stand for the "
            "position at the end of {month}); give one figure per target and period"
        )
    return twice.format(
        target=record.target,
        period=record.period,
        row=row,
        earlier=earlier,
        month=f"{period.year}-{period.end_month:02d}",
    )
