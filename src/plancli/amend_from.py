"""`amend --from`: the period an adjustment applies from, as typed.

A period applies from its end (`--from 2026-H1` → 自2026年6月期末起), and so did a bare year:
`--from 2026` was stored as 2026 and applied from 2026-12, so `status` in July still judged
the plan's bound, where an analyst had meant "all of 2026" (session 35's walk). Both readings
are reasonable and they judge different months, so a whole year typed as such (`2026`,
`2026年`, `全年`) is refused naming both; its end written as such (`年末`, `2026年底`, `12月`,
`2026-12`) is taken, and stored as 2026-12, the month `show` then lists. Ledgers keep their
meaning: an amendment stored from `2026` still applies from 2026-12 (`periods.applies_from`);
only what is typed is checked here.

A half or a quarter alone (`下半年`, `三季度`: what a 人大 adjustment says, 下半年起) reads two
ways as well, its first month or its end, where plancli's record periods refuse it as no
position from January and named `年末` or `2026` (which `--from` refuses) instead: refused
naming both months (session 37's walk).

Pure: no printing; the refusal is an `InputError` (exit 2).
"""

from __future__ import annotations

import re
import unicodedata

from plancli.errors import InputError
from plancli.i18n import _
from plancli.periods import Period, parse_plan_period
from plancli.safe import clip

# 下半年, 2026年下半年, 三季度, 第三季度, 2026年第4季度: a part of the year not from January
_PART_ALONE = re.compile(r"(?:(?P<year>\d{4})\s*年?)?\s*(?:下半年|第?(?P<quarter>[二三四234])季度)")


def amend_from_period(text: str, plan_year: int) -> Period:
    """The period `--from TEXT` names, in the plan year; a whole year typed as one refused,
    and a half or quarter alone (`下半年`). 起 (from), as Chinese says it, is the period it
    follows (`7月起`, `7月份起`, `自7月起`, `从7月起` are `7月`: session 40's walk; so are `从7月`
    and `自7月`: session 41)."""
    text = _without_from_words(text)
    _refuse_part_alone(text, plan_year)
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


# 自7月起, 从2026年7月起, 7月份起: the period between 自/从 and 起, what a notice of an
# adjustment writes (调整后的目标自7月起执行); 从7月, 自7月 without 起 say the same (session 41)
_FROM_WORDS = re.compile(r"(?:自|从)\s*(?P<since>.+?)\s*起?|(?P<period>.+?)\s*起")


def _without_from_words(text: str) -> str:
    """`text` without the 自/从 before it and the 起 after it (`自7月起`, `从7月`, `7月起` are
    `7月`); as it is when it has neither."""
    found = _FROM_WORDS.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return text if found is None else found["since"] or found["period"]


def _refuse_part_alone(text: str, plan_year: int) -> None:
    """`--from 下半年` (`三季度`): from its first month, or from its end? Refused naming both."""
    written = unicodedata.normalize("NFKC", text).strip()
    found = _PART_ALONE.fullmatch(written)
    if found is None:
        return
    year = int(found["year"] or plan_year)
    quarter = "一二三四1234".index(found["quarter"]) % 4 + 1 if found["quarter"] else None
    first, last = (3 * quarter - 2, 3 * quarter) if quarter else (7, 12)
    end = f"{'一二三四'[quarter - 1]}季度末" if quarter else "年末"
    raise InputError(
        _(
            "--from {text} names a part of the year alone, which reads two ways: from its "
            "first month give --from {year}-{first:02d}; from its end only, --from "
            "{year}-{last:02d} ({end})"
        ).format(text=clip(written, 40), year=year, first=first, last=last, end=end)
    )
