"""A milestone's due date (节点时间) as `plancli amend ID --due PERIOD` sets it.

The seed report dates none of its 27 milestones (`due = "2022"`), and the departments
(牵头单位) set each one's 节点时间 when the year's tasks are divided (任务分解): 办好慕尼黑啤酒节
is due in September, not paced through the year. plancli never writes the plan file, so the
date set is an amendment in the ledger, with its note, history and `undo`, in every store as
it is: an amendment of a milestone with a bound (`min = 100`: done) and `period` = the due,
the milestone to be 100 % done by the end of `period`. It is never a bound in force from its
period on (`AmendmentIndex.due`): the latest recorded sets the due from then on, whatever
its period; an amendment of a milestone without a bound is still a drop (不再考核).

A due is read as a period's end, as a 节点 is written: `2022-09`, `9月`, `9月底`, `9月底前`,
`2022-Q3`, `三季度` (its end: a node is a time, not a quarter's own figure), `上半年`, `年底`.

Pure: no printing; a refusal is an `InputError` (exit 2).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from plancli.errors import InputError
from plancli.i18n import _
from plancli.periods import Period, parse_plan_period
from plancli.plain import AnyPlan, Plan

DONE = Decimal(100)  # a due amendment's bound: the milestone done, by the end of its period

# 三季度, 第三季度, 2022年三季度: the quarter's end; 上半年 / 下半年: the half's end
_QUARTER_ALONE = re.compile(r"^(?P<year>\d{4}年)?第?(?P<quarter>[一二三四1-4])季度$")
_HALF_ALONE = re.compile(r"^(?P<year>\d{4}年)?(?P<half>[上下])半年$")


def due_period(text: str, plan_year: int) -> Period:
    """The period `--due TEXT` names, in the plan year: the milestone is due at its end."""
    written = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if written.endswith("前"):  # 9月底前, 三季度前: by then
        written = written[:-1]
    if (match := _QUARTER_ALONE.match(written)) is not None:
        written = f"{match['year'] or ''}{match['quarter']}季度末"
    elif (match := _HALF_ALONE.match(written)) is not None:
        written = f"{match['year'] or ''}{'上半年末' if match['half'] == '上' else '年末'}"
    try:
        return parse_plan_period(written, plan_year)
    except InputError as exc:
        raise InputError(_("--due: {reason}").format(reason=exc)) from None


def milestone_ids(plan: AnyPlan) -> set[str]:
    """The plan's milestones: their amendments with a bound are due dates, not bounds."""
    if isinstance(plan, Plan):  # the columns: a plan's targets not built for this
        kinds = zip(plan.ids(), plan.column("kind"), strict=True)
        return {target_id for target_id, kind in kinds if kind == "milestone"}
    return {target.id for target in plan.targets if target.kind == "milestone"}


def planned_due(due: str | None, plan_year: int) -> str:
    """The plan's due of a milestone as a period code (2022, 2022-Q3): the year's end without."""
    if due is None:
        return str(plan_year)
    try:
        return str(parse_plan_period(due, plan_year))
    except InputError:  # (the plan's checks name it)
        return due
