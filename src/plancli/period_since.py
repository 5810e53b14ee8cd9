"""`截至3月`, `截至3月末`, `截止到6月底`, `截至三季度`, `截至上半年末`: a period written as "to the
end of", the year to date at that month's end — one rule for a bulletin's header
(`截至7月末累计（亿元）`, `bulletin_period_words`, sessions 40-41) and a period typed on the
command line (`record cpi 0.3 -p 截至3月`, session 42: it was refused as malformed, though
`1-3月` and `一季度` were taken).

A quarter's or the first half's end is its last month's: `截至二季度` (末) and `截至上半年` (末)
are 1-6月, `截至三季度` 1-9月; `截至下半年` names the half alone (none). A span not from
January (`截至4-6月`) is the span's own, refused where it is read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import period_words
from plancli.safe import Clipped

Form = tuple[str, dict[str, str | None]]

# The words before the span (截至, 截止, 截止到, 截至到) and the span to its end (7月, 7月末,
# 二季度末, 上半年底); after it a header writes 累计 (`bulletin_period_words`), a period nothing.
SINCE = r"(?:截至|截止)到?(.+?(?:月|季度|半年)(?:末|底)?)"
_ALONE = re.compile(rf"^{SINCE}$")


def last_month(granularity: str, parts: dict[str, str | None]) -> int:
    """The month a form's period ends in (`7月末`: 7; `二季度末`, `上半年`: 6; `二季度` in
    `截至二季度`: its end, 6); 0 for none a 截至 reads (`下半年`: the half's own)."""
    if granularity in ("M", "B"):
        return int(parts["month"] or 0)
    if granularity in ("Q", "R") or (granularity == "A" and parts.get("quarter")):
        return 3 * int(parts["quarter"] or 0)
    if granularity == "H" or (granularity == "A" and parts.get("half") == "上"):
        return 6
    return 0


def since_written(text: str, form_of: Callable[[str], Form | None]) -> str:
    """A period typed `截至…` as a bulletin writes its span (`form_of`: `periods.bulletin_form`
    reads it): `截至3月末` → `1-3月`, `截至二〇二六年三季度` → `2026年1-9月`, `截至4-6月` →
    `4-6月` (to be refused as that span is, in the words typed: `since_period`); any other
    text as it is."""
    found = _ALONE.match(period_words("".join(unicodedata.normalize("NFKC", text).split())))
    form = form_of(found.group(1)) if found else None
    month = last_month(*form) if form else 0
    if form is None or not 1 <= month <= 12:
        return text
    year, start = form[1].get("year"), int(form[1].get("start") or 1)
    first = (start - 1) * 3 + 1 if form[0] == "R" else start  # 截至2-3季度: 4-9月
    return (f"{year}年" if year else "") + (f"{first}-{month}月" if month > 1 else "1月")


def since_period(text: str, plan_year: int, point: bool = False) -> str | None:
    """`periods.bulletin_period` of a period typed (`since_written`: `截至3月末` as 1-3月), its
    refusal quoting the words typed: `period '截至4-6月' is not year to date`, not the `4-6月`
    read from them (nor `截至2-3季度`'s `4-9月`, session 43)."""
    from plancli.periods import bulletin_form, bulletin_period

    written = since_written(text, bulletin_form)
    try:
        return bulletin_period(written, plan_year, point)
    except InputError as exc:
        if written == text:
            raise
        said = str(exc).replace(repr(Clipped(written)), repr(Clipped(text)), 1)
        raise InputError(said) from None


def malformed_written(text: str, year: int) -> str:
    """The message for a period typed (`-p`, `--as-of`) or in an import's cell that is none,
    its examples in `year` (the plan's): plancli's codes and the forms a bulletin writes,
    which are read there too (a ledger takes the codes alone: `periods.malformed_period`)."""
    return _(
        "malformed period {period!r}: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (e.g. {year}-06, "
        "{year}-Q2, {year}-H1, {year}), or a bulletin's 1-6月, 一季度, 上半年, 前三季度, "
        "截至6月末, 全年"
    ).format(period=Clipped(text), year=year)
