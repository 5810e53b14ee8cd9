"""A schedule over several years: "改革试点任务第一年完成70%，第二年完成90%，第三年完成100%".

Its figure is the share of the whole done since the start: a stock. The report does not say
which year of the schedule the plan year is, so the last figure is taken (and the review
asks). Where the report says the rate reached so far, once, below it (共完成改革试点任务128项，
完成率为90.8%), that rate is the stock at the year's start: the draft is cumulative with
`opening` (forms.md), its completion the part of the rest done, paced like every year's work;
else a level to reach."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import WorkSection
from plancli.extract.work_forms import NUM, SCHEDULE_RUN, Clause
from plancli.i18n import _


class Drafting(Protocol):
    parse: str

    def _new(
        self, section: WorkSection, name: str, kind: str, unit: str, where: Clause
    ) -> DraftTarget: ...


def opening_rate(parse: str, name: str, before: int, last: Decimal) -> Decimal | None:
    """The rate the report says `name` has reached, stated before the schedule (at `before`)
    once, in one sentence with the name (…改革试点任务128项，完成率为90.8%); None if not
    stated, stated differently twice, or not below the schedule's last figure."""
    rates = {
        Decimal(m.group(1))
        for m in re.finditer(
            rf"{re.escape(name)}[^。;；]{{0,24}}?完成率(?:为|达到|达)?\s*({NUM})\s*%",
            parse[:before],
        )
    }
    if len(rates) != 1:
        return None
    (rate,) = rates
    return rate if 0 < rate < last else None


def schedules(reader: Drafting, section: WorkSection, start: int, end: int) -> None:
    """One target per schedule in the section's text: the last figure, a stock."""
    text = reader.parse[start:end]
    for match in SCHEDULE_RUN.finditer(text):
        last = Decimal(re.findall(rf"第[一二三四五]年[^,;。\n]*?({NUM})%", match.group(0))[-1])
        where = Clause(start + match.start(), start + match.end(), match.group(0))
        name = re.sub(r"第[一二三四五]年.*$", "", match.group(0)).strip("“ ") or "任务"
        target = reader._new(section, f"{name}完成率", "level", "%", where)
        target.min = last
        target.review.append(
            _("a schedule over several years: which year is the plan year? the last is taken")
        )
        opening = opening_rate(reader.parse, name, start + match.start(), last)
        if opening is not None:
            target.kind, target.opening = "cumulative", opening
            target.notes.append(
                _("the rate reached before the year, {rate}%, is its opening stock").format(
                    rate=opening
                )
            )
