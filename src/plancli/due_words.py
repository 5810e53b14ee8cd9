"""A milestone's due date (节点时间) as `show` and the reports write it, with where it came
from when `amend --due` set it (milestone_due)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.i18n import Lang, t
from plancli.periods import zh_period
from plancli.safe import clip

if TYPE_CHECKING:
    from plancli.assess import AssessmentOut


def due_shown(a: AssessmentOut, lang: Lang) -> str | None:
    """A milestone's due date, and where it came from when an amendment set it (`amend --due`):
    `2022-09 (set by amend: 区商务局任务分解)`, 2022年9月（任务分解调整：区商务局任务分解）; the
    plan's alone, as before."""
    if a.due is None:
        return None
    due = zh_period(a.due) if lang == "zh" else a.due
    if a.due_source != "amendment":
        return due
    set_by = t("due_source.amendment", lang)
    colon = "：" if lang == "zh" else ": "
    said = set_by if a.due_note is None else set_by + colon + clip(a.due_note)
    return f"{due}（{said}）" if lang == "zh" else f"{due} ({said})"
