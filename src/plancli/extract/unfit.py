"""Figures a draft cannot hold, left out with a `review` the reviewer sees, so a draft always
loads as a plan (as a doubtful figure is flagged rather than guessed elsewhere in `extract`):

- a figure no plan can hold (`plain.figure_problem`, the one rule for every figure: more than
  10^15 in magnitude, more than 10 decimal places, more than 15 significant digits), read from
  a table's cell or a clause (a copy that lost a decimal point or ran two cells together:
  `14413700000000000000`, `5.200000000000000001`). A baseline's figure is left out; a bound
  leaves its target pending, its bound to be given by `plancli amend` once checked;
- a negative level of a rate that is never negative (城镇登记失业率 | % | 5以内 | -3.02: an
  unemployment rate, a share, a coverage; a change in %, 居民消费价格涨幅, may be negative):
  last year's figure and plan are left out of its baseline.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from plancli.extract.draft import DraftTarget, toml_number
from plancli.i18n import N_, _
from plancli.plain import figure_problem

UNFIT_BASELINE_REVIEW = N_(
    "baseline.{key} {value} {problem}: left out of the draft; check the report's figure"
)
UNFIT_BOUND_REVIEW = N_(
    "{key} {value} {problem}: left out, the target pending; check the report's figure and "
    "give the bound with `plancli amend`"
)
UNFIT_FIGURE_REVIEW = N_("{key} {value} {problem}: left out; check the report's figure")
UNFIT_INVESTMENT_REVIEW = N_(
    "projects.total_investment {value} {problem}: left out of the draft; check the report's figure"
)
NEGATIVE_RATE_REVIEW = N_(
    "baseline.{key} {value} left out: a rate's level is never negative (a dash or another "
    "column's figure read with it?); check the report's table"
)

_BOUNDS = ("min", "max", "around")
# a level in % that may fall below zero: a change (居民消费价格涨幅, 增速), a price index
_MAY_BE_NEGATIVE = re.compile(r"涨幅|增长|增速|增幅|降幅|下降|变化|变动|价格|物价|CPI|差|率差")


def leave_out_unfit(targets: list[DraftTarget]) -> None:
    """Take out of each target the figures a plan cannot hold, each with a `review` saying so."""
    for target in targets:
        _bounds(target)
        _baseline(target)
        if target.projects is not None:
            _projects(target)


def _shown(value: Decimal) -> str:
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…"


def _bounds(target: DraftTarget) -> None:
    for key in _BOUNDS:
        value: Decimal | None = getattr(target, key)
        problem = figure_problem(value) if value is not None else None
        if value is None or problem is None:
            continue
        target.review.append(
            _(UNFIT_BOUND_REVIEW).format(key=key, value=_shown(value), problem=_(problem))
        )
        # pending: no bound yet, given later (a stretch or a 正增长's exclusivity has no bound
        # to be beyond)
        target.min = target.max = target.around = target.stretch = None
        target.stretch_exclusive = target.exclusive = False
        target.pending = True
        break
    for key in ("stretch", "opening"):  # (a higher aim; a stock at the year's start)
        value = getattr(target, key)
        if value is not None and (problem := figure_problem(value)) is not None:
            target.review.append(
                _(UNFIT_FIGURE_REVIEW).format(key=key, value=_shown(value), problem=_(problem))
            )
            setattr(target, key, None)
            if key == "stretch":
                target.stretch_exclusive = False


def _baseline(target: DraftTarget) -> None:
    baseline: dict[str, Any] | None = target.baseline
    if not baseline:
        return
    for key in ("value", "growth", "plan"):
        value = baseline.get(key)
        if value is None:
            continue
        figure = Decimal(value)
        problem = figure_problem(figure)
        if problem is not None:
            del baseline[key]
            target.review.append(
                _(UNFIT_BASELINE_REVIEW).format(key=key, value=_shown(figure), problem=_(problem))
            )
        elif key in ("value", "plan") and figure < 0 and never_negative(target):
            del baseline[key]
            target.review.append(_(NEGATIVE_RATE_REVIEW).format(key=key, value=toml_number(figure)))
    if set(baseline) <= {"year"}:
        target.baseline = None  # (nothing of last year's left but the year)


def never_negative(target: DraftTarget) -> bool:
    """Whether the target's level is a rate that is never below zero: a level (or the base of
    a change) in %, not a change or a price (居民消费价格涨幅 may be negative)."""
    return (
        target.kind in ("level", "change")
        and target.unit in ("%", "％")
        and target.direction != "band"
        and _MAY_BE_NEGATIVE.search(target.name) is None
    )


def _projects(target: DraftTarget) -> None:
    projects = target.projects
    assert projects is not None
    value = projects.get("total_investment")
    if value is None:
        return
    problem = figure_problem(Decimal(value))
    if problem is not None:
        del projects["total_investment"]
        target.review.append(
            _(UNFIT_INVESTMENT_REVIEW).format(value=_shown(Decimal(value)), problem=_(problem))
        )
