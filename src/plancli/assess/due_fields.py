"""A milestone's due date in the output rows (`AssessmentOut`, `gap --json`): where it
comes from, the plan or `amend --due` (节点时间 set at 任务分解, session 43), and that
amendment's note."""

from __future__ import annotations

from typing import Literal

from plancli.assess.core import Assessment

DueSource = Literal["plan", "amendment"]


def due_source(a: Assessment) -> tuple[DueSource | None, str | None]:
    """`due_source` and `due_note`: a milestone's due date, the plan's or set by `amend --due`."""
    if a.target.kind != "milestone":
        return None, None
    if a.due_set is None:
        return "plan", None
    return "amendment", a.due_set.note
