"""`record --add` over a span a bulletin names on its own: `4-6月`, `二季度`, `下半年`.

A plain record is a position from January, so `-p 4-6月` is refused (`periods.bulletin_period`).
With `--add` the figure IS the increment, and a span is how a bureau says it: 二季度城镇新增就业
28万人 is added to the total at the end of March (1-3月) and recorded for 1-6月. The span's
first month must follow the figure it is added to: 4-6月 onto 1-2月 would leave March out,
so that is refused, naming the record it would have been added to (session 39, 河南 walk).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import period_words
from plancli.period_ranges import as_months
from plancli.periods import (
    PERIOD_DASHES,
    Period,
    bulletin_form,
    bulletin_period,
    parse_period,
)
from plancli.plain import AnyRecord
from plancli.safe import Clipped


class AddSpan(NamedTuple):
    """A span's first month, its end as a bulletin's period from January (1-6月: the end read
    in the target's rhythm) and the span as typed."""

    start: int
    text: str
    typed: str

    def check_base(self, target: str, base: AnyRecord | None) -> None:
        """Refuse a base that does not end in the month before the span starts."""
        before = self.start - 1
        if base is not None and parse_period(base.period).end_month == before:
            return
        raise InputError(
            _(
                "--add {span}: the increment from {start}月 is added to the year-to-date "
                "figure of {target} at the end of {before}月 (1-{before}月), but {found}; "
                "record 1-{before}月 first, or record the year-to-date total without "
                "--add"
            ).format(
                span=Clipped(self.typed),  # as typed: controls escaped
                start=self.start,
                target=target,
                before=before,
                found=(
                    _("there is no record before it")
                    if base is None
                    else _("the latest before it is for {period}").format(period=base.period)
                ),
            )
        )


def own_span(frequency: str, period: Period, typed: str, base: AnyRecord | None) -> AddSpan | None:
    """A month of a monthly target, a quarter of a quarterly one, as the span `--add`'s
    increment is over (6月 is 6-6月, 2026-Q3 is 7-9月), so its base must end the month before it
    starts, as a span's must: 6月's increment onto 1-3月 would leave April and May out (贵州
    walk, session 42). None for another period (a monthly target's quarter code), which adds
    to the latest figure before it, as before, and with no base (`nothing_before` decides)."""
    if base is None:
        return None
    if (period.granularity, frequency) == ("M", "monthly"):
        return AddSpan(period.end_month, str(period), typed)
    if (period.granularity, frequency) == ("Q", "quarterly"):
        return AddSpan(period.end_month - 2, str(period), typed)
    return None


def add_span(typed: str, year: int) -> AddSpan | None:
    """The span `typed` names when it does not start in January (`4-6月` → 4, `二季度` → 4,
    `下半年` → 7, `2-3季度` → 4); None for a period from January, plancli's codes or no period
    (the period check then says why)."""
    try:
        bulletin_period(typed, year)
        return None  # from January, a code or no period: the period check reads it
    except InputError:
        pass
    try:
        end = bulletin_period(typed, year, point=True)
    except InputError:
        return None
    if end is None:
        return None
    start = _start_month("".join(unicodedata.normalize("NFKC", typed).split()))
    if start is None or start == 1:
        return None
    end_month = parse_period(end).end_month
    return AddSpan(start, f"{end[:4]}年1-{end_month}月", typed)


def _start_month(folded: str) -> int | None:
    form = bulletin_form(as_months(period_words(folded)).translate(PERIOD_DASHES))
    if form is None:
        return None
    granularity, parts = form
    if parts.get("half") == "下":
        return 7
    start = parts.get("start")
    if start and granularity in ("M", "B"):
        return int(start)
    if start and granularity == "R":
        return (int(start) - 1) * 3 + 1
    if granularity == "A" and parts.get("quarter"):
        return (int(parts["quarter"] or 0) - 1) * 3 + 1
    return None


def record_span(typed: str, add: bool, kind: str, year: int) -> AddSpan | None:
    """`record -p`'s span: with --add, the one `add_span` reads; without, None, and for a
    cumulative target the refusal of a span (4-6月 is not year to date) says that --add takes
    it as the increment (二季度新增就业28万人), the likelier meaning of 28 for 二季度."""
    span = add_span(typed, year)
    if span is None or add:
        return span
    if kind == "cumulative":
        try:
            bulletin_period(typed, year)
        except InputError as refused:
            raise InputError(
                _(
                    "{refusal}; or, for the increment over {span} alone, add --add: it is added "
                    "to the figure of 1-{before}月"
                ).format(refusal=refused, span=Clipped(typed), before=span.start - 1)
            ) from None
    return None
