"""`amend --from`: the period an adjustment applies from, as typed.

A period applies from its end (`--from 2026-H1` → 自2026年6月期末起), and so did a bare year:
`--from 2026` was stored as 2026 and applied from 2026-12, so `status` in July still judged
the plan's bound, where an analyst had meant "all of 2026" (session 35's walk). Both readings
are reasonable and they judge different months, so a whole year typed as such (`2026`,
`2026年`, `全年`) is refused naming both; its end written as such (`年末`, `2026年底`, `12月`,
`2026-12`) is taken, and stored as 2026-12, the month `show` then lists. Ledgers keep their
meaning: an amendment stored from `2026` still applies from 2026-12 (`periods.applies_from`);
only what is typed is checked here.

Pure: no printing; the refusal is an `InputError` (exit 2).
"""

from __future__ import annotations

import unicodedata

from plancli.errors import InputError
from plancli.i18n import _
from plancli.periods import Period, parse_plan_period
from plancli.safe import clip


def amend_from_period(text: str, plan_year: int) -> Period:
    """The period `--from TEXT` names, in the plan year; a whole year typed as one refused."""
    try:
        period = parse_plan_period(text, plan_year)
    except InputError as exc:
        raise InputError(_("--from: {reason}").format(reason=exc)) from None
    written = unicodedata.normalize("NFKC", text).strip()
    if period.granularity == "Y" and not written.endswith(("末", "底")):
        raise InputError(
            _(
                "--from {text} names the whole year, which reads two ways: for every figure of "
                "{year} give --from {year}-01; for the year's figure only, --from {year}-12 (年末)"
            ).format(text=clip(written, 40), year=period.year)
        )
    if period.granularity == "Y":  # stored as the month it applies from, as `show` lists it
        return Period.month(period.year, period.end_month)
    return period
