"""Choosing and ordering assessments: `--status` filters, worst first, counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from fractions import Fraction
from typing import Any, Literal

from plancli.assess.core import STATUSES, WORST_FIRST, Assessment, Status
from plancli.assess.engine import PlanAssessment
from plancli.errors import InputError
from plancli.i18n import _
from plancli.part_year import no_year_figure
from plancli.plain import Plan, Target, plan_ids
from plancli.safe import clip

# The interface words (band.*) a table writes for a band target off its band: 偏高, 偏低,
# 偏离区间, 偏离目标区间; and off_band, the key `status --json` counts them under.
BAND_WORDS = ("above", "below", "off", "group")


# What `--status` and `--fail-on` choose, one table for both, their help and completion: each
# status by its JSON name, and `year_average`, the no_data targets whose figure is a year's
# average for part of the year (PM2.5's 45 at 1-3月, reason `year_average`), by the word their
# row shows (无全年数据 / seasonal). Each is taken as its JSON name, its English word and its
# Chinese one (`status.<choice>`: at_risk, at risk, 存在风险). `no_data` (无数据) takes them
# too, as their JSON's status says.
Choice = Literal[
    "met",
    "on_track",
    "at_risk",
    "behind",
    "missed",
    "no_data",
    "year_average",
    "pending",
    "tracked",
    "dropped",
]
CHOICES: tuple[Choice, ...] = (*STATUSES[:6], "year_average", *STATUSES[6:])


def choice_words() -> dict[str, Choice]:
    """Every word `--status` takes, to its choice: `no_data`, `no data`, `无数据`, `seasonal`,
    `year_average`, `无全年数据`… (the table above)."""
    from plancli.i18n import t

    words: dict[str, Choice] = {c: c for c in CHOICES}
    for c in CHOICES:
        for lang in ("en", "zh"):
            words.setdefault(t(f"status.{c}", lang), c)
    return words


def choice_names(zh: bool) -> str:
    """The choices as the help and the refusal list them: `met, on_track, … no_data,
    seasonal, pending…`; in Chinese each with its word, `met（完成）…seasonal（无全年数据）`."""
    from plancli.i18n import join_list, t

    def name(c: Choice) -> str:
        shown = t(f"status.{c}", "en") if c == "year_average" else c
        return f"{shown}（{t(f'status.{c}', 'zh')}）" if zh else shown

    return join_list(name(c) for c in CHOICES)


def takes(a: Assessment, choices: Collection[Choice]) -> bool:
    """Whether one of `choices` takes the assessment: its status, or `year_average` for a
    year's average not yet judged (a no_data of reason `year_average`)."""
    return a.status in choices or ("year_average" in choices and no_year_figure(a.status, a.reason))


def choice_counts(chosen: Iterable[Assessment]) -> list[int]:
    """How many of `chosen` each choice takes, in `CHOICES`' order: a status's, and of no_data
    the year's averages not yet judged (`year_average`, for `--fail-on seasonal`)."""
    counts = dict.fromkeys(CHOICES, 0)
    for a in chosen:
        counts[a.status] += 1
        counts["year_average"] += no_year_figure(a.status, a.reason)
    return list(counts.values())


def parse_statuses(text: str, option: str = "--status") -> tuple[Choice, ...]:
    """`behind,at_risk` (or as a table shows them: `滞后、存在风险`, `at risk`, `无全年数据`) →
    the choices (`CHOICES`); anything else is bad input listing the valid ones."""
    from plancli.i18n import join_list, language, t

    words = choice_words()
    typed = [name.strip() for name in re.split(r"[,，、]", text) if name.strip()]
    found = [words.get(name, words.get(name.lower().replace("-", "_"))) for name in typed]
    unknown = [typed[i] for i, name in enumerate(found) if name is None]
    if unknown or not found:
        shown = join_list(clip(u) for u in unknown) if unknown else clip(text, quote=True)
        zh = language() == "zh"
        band = {t(f"band.{w}", lang).lower() for w in BAND_WORDS for lang in ("zh", "en")}
        band.add("off band")
        if unknown and all(u.lower().replace("_", " ") in band for u in unknown):
            raise InputError(  # 偏低 as gap's table shows CPI off its band (session 41's walk)
                _(
                    "{option}: {status} is what a table says of a band target (a CPI of about 2"
                    " percent) off its band, not a status of its own: such a target is behind"
                    " (missed at the year's end); use {option} behind,missed"
                ).format(option=option, status=shown)
            )
        raise InputError(
            _("{option}: unknown status {status}; valid: {valid}").format(
                option=option, status=shown, valid=choice_names(zh)
            )
        )
    return tuple(c for c in CHOICES if c in found)


def complete_status(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of `--status` / `--fail-on`: the last word after a comma completed to
    a choice's JSON name (seasonal for year_average), its Chinese word as the help."""
    from plancli.i18n import t

    head, sep, last = incomplete.rpartition(",")
    prefix = f"{head}," if sep else ""
    names = [(t(f"status.{c}", "en") if c == "year_average" else c, c) for c in CHOICES]
    return [
        (prefix + name, t(f"status.{c}", "zh"))
        for name, c in names
        if name.startswith(last) or t(f"status.{c}", "zh").startswith(last)
    ]


_NO_PACE = Fraction(0)


def worst_first(
    assessments: Iterable[Assessment], plan: Plan, year_end: bool = False
) -> list[Assessment]:
    """Missed, behind, at risk, no data, on track, met; within a status the furthest behind
    the pace first (paced targets before the others), then plan order. `year_end`: missed and
    behind as one, furthest behind first (the dashboard's worst ten at the year's final period,
    where a target behind is one whose year-end figure has not come: 10 % of a milestone left
    at Q3 is further behind than a 94.88 % missed, and the one to chase; audit Y, D4)."""
    return sorted(assessments, key=order_key(plan, "worst", year_end))


def order_key(
    plan: Plan, order: Literal["worst", "plan"] = "worst", year_end: bool = False
) -> Callable[[Assessment], tuple[Any, ...]]:
    """The sort key of `worst_first` (or of plan order): unique to each target (its place in
    the plan is its last item), so two sorted halves merge into the order of the whole."""
    places = {target_id: i for i, target_id in enumerate(plan_ids(plan))}
    if order == "plan":
        return lambda a: (places[a.target.id],)
    rank = {status: i for i, status in enumerate(WORST_FIRST)}
    if year_end:
        rank["behind"] = rank["missed"]

    def key(a: Assessment) -> tuple[int, int, float, Fraction, int]:
        pace = a.pace_gap_pp
        if pace is None:  # one Fraction object for all: equal at once (`is`), not by __eq__
            return (rank[a.status], 1, 0.0, _NO_PACE, places[a.target.id])
        # The float of the pace (the same division Fraction's float does) orders as the exact
        # pace wherever the floats differ, and comparing floats is far cheaper than comparing
        # Fractions (sorting 10,000 targets: 0.1 s → 0.01 s); equal floats fall through to
        # the exact pace.
        return (
            rank[a.status],
            0,
            pace.numerator / pace.denominator,
            pace,
            places[a.target.id],
        )

    return key


def select(
    assessment: PlanAssessment,
    targets: Sequence[Target],
    statuses: Sequence[Choice] | None = None,
    order: Literal["worst", "plan"] = "worst",
) -> list[Assessment]:
    """The assessments of `targets` (already filtered by section or kind), of those choices
    (`takes`: statuses, and `year_average`)."""
    wanted = {t.id for t in targets}
    chosen = [
        a
        for a in assessment.assessments
        if a.target.id in wanted and (statuses is None or takes(a, statuses))
    ]
    return worst_first(chosen, assessment.plan) if order == "worst" else chosen


def status_counts(assessments: Iterable[Assessment]) -> dict[Status, int]:
    counts = Counter(a.status for a in assessments)
    return {status: counts[status] for status in STATUSES}
