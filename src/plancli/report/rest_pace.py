"""What the rest of the year's growth (`required_growth_rest`) asks, in a report's sentence or
table: all it takes where the year so far grew faster (余下月份增长4.82%即可达到5%), what it must
reach where it grew slower (余下月份需增长5.88%方能达到5.5%)."""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.i18n import Lang
from plancli.report.phrases import rest_goal
from plancli.rest_precision import rest_shown


def rest_ahead(a: AssessmentOut) -> bool:
    """Does the rest of the year's pace ask less than the year so far grew (福建 5.2% in 上半年,
    4.82% for the rest)? It is then all it takes (即可), not a demand (需…方能)."""
    rest, actual = a.required_growth_rest, a.actual
    return rest is not None and actual is not None and 0 <= rest < actual


def rest_text(a: AssessmentOut, lang: Lang, form: str = "needs") -> str:
    """`required_growth_rest` (not None) as the report writes it: `form` `needs` (the table's
    cell) or `sentence` (the summary's, after a comma)."""
    assert a.required_growth_rest is not None
    goal, ahead = rest_goal(a), rest_ahead(a)
    # as precise as last year's level allows: 约5.4%, a range, or withheld (rest_precision)
    return rest_shown(a, lang, form, goal, ahead)
