"""What a refusal of unknown columns adds when the header says why it is none plancli reads
(`bulletin.read_header`): a file separated by `;` or tabs, a year-on-year comparison without
its unit (`percent_headers`), and a table by place.

A table by place (session 38's 广东 walk): a bureau's 各市主要经济指标 has one row per city and
the indicators across (`地区 | 地区生产总值（亿元）| 增长（%）`). plancli imports one row per
indicator, and a figure's row names its target: such a table stays refused, its refusal saying
what it is and what import expects, where it only listed the columns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

from plancli.i18n import _
from plancli.percent_headers import unsaid_percent_hint

# A place column's header, folded (NFKC, no spaces, a trailing bracket dropped: 县（市、区）).
PLACE_HEADERS = frozenset(
    "地区 地区名称 区域 各地 各地区 城市 各市 地市 地级市 市 市别 市州 县 县区 区县 县市区 "  # noqa: SIM905
    "省 省份 省市".split()
)
_BRACKET = re.compile(r"\([^()]*\)$")


_TOTAL_PERCENT = frozenset({"累计%", "累计±%", "本年累计%", "累计(±%)"})


def _folded(cell: str) -> str:
    return "".join(unicodedata.normalize("NFKC", cell).split())


def _place(cell: str) -> bool:
    return _BRACKET.sub("", _folded(cell)) in PLACE_HEADERS


def _since_alone(cell: str) -> bool:
    """`截至7月末（亿元）`, `截至7月`, `截至二季度`, `截至上半年末`: to a month's (a quarter's, the
    first half's) end from January, without 累计 (`bulletin_period_words`)."""
    from plancli.bulletin_period_words import SINCE_ALONE

    text = _BRACKET.sub("", _folded(cell))
    if SINCE_ALONE.match(text) is not None:
        return True
    span = _since_span(cell)
    return span is not None and span[1] == 1


def _since_span(cell: str) -> tuple[str, int, int, bool] | None:
    """(span, first month, last month, in quarters) of a header `截至…` without 累计 read as
    `record -p` reads it (`period_since`: `截至4-6月` → 4-6月, 4, 6; `截至2-3季度` → 2-3季度,
    4, 9; `截至二季度` → 二季度, 1, 6); None for any other cell (`截至下半年`: the half's own)."""
    from plancli.period_numerals import period_words
    from plancli.period_since import SINCE, last_month
    from plancli.periods import bulletin_form

    found = re.match(rf"^{SINCE}$", _BRACKET.sub("", _folded(cell)))
    form = bulletin_form(period_words(found.group(1))) if found else None
    month = last_month(*form) if form else 0
    if found is None or form is None or not 1 <= month <= 12:
        return None
    start = int(form[1].get("start") or 1)
    quarters = form[0] == "R"
    return found.group(1), (start - 1) * 3 + 1 if quarters else start, month, quarters


def unknown_hint(unknown: Sequence[str], read: Collection[str]) -> str:
    """The hint after `unknown column(s) …` for the header's `unknown` cells, `read` being the
    columns it does read (`target`, `value`…); "" when none applies."""
    from plancli.safe import cell_shown

    hint = ""
    if any(sep in c for c in unknown for sep in (";", "\t")):
        hint = _(" (the file seems separated by ';' or tabs; plancli reads comma-separated CSV)")
    hint += unsaid_percent_hint(unknown)  # 同比 with no %: say how to mark the growth
    total = next((cell for cell in unknown if _folded(cell) in _TOTAL_PERCENT), None)
    if total is not None:  # 累计%: the growth, or the amount? (session 39)
        hint += _(
            " ({header} does not say which figure it is: head it 累计增长（%） if it is the "
            "growth in percent, or 累计值 with its unit (累计值（亿元）) if it is the amount)"
        ).format(header=cell_shown(total))
    since = next((cell for cell in unknown if _since_alone(cell)), None)
    if since is not None:  # 截至7月末: a balance at the month's end, or the year to date? (s40)
        folded = _folded(since)
        bracket = _BRACKET.search(folded)
        at = bracket.start() if bracket is not None else len(folded)
        hint += _(
            " ({header} does not say whether it is a balance at the month's end or the year's "
            "total to date: head it {total} if it is the year-to-date amount)"
        ).format(header=cell_shown(since), total=cell_shown(folded[:at] + "累计" + folded[at:]))
    spans = ((cell, found) for cell in unknown if (found := _since_span(cell)))
    span = next(((cell, found) for cell, found in spans if found[1] != 1), None)
    if span is not None:  # 截至4-6月: the span's own, not the year to date (session 43)
        cell, (text, first, month, _quarters) = span
        hint += _(
            " ({header} is the figure of {span} alone, which does not start in January, and "
            "plancli records figures from January (1-{month}月): head the column 1-{month}月 if "
            "it holds the year to date; record the increment over {span} alone with `plancli "
            "record ID FIGURE -p {span} --add`, added to the figure of 1-{before}月)"
        ).format(header=cell_shown(cell), span=cell_shown(text), month=month, before=first - 1)
    place = next((cell for cell in unknown if _place(cell)), None)
    if place is not None and "target" not in read:
        hint += _(
            " (a table by place: {place} down the side, the indicators across; plancli imports "
            "a table with one row per indicator, 指标 then its figures (docs/formats.md): copy "
            "the figures of the place the plan is for into one)"
        ).format(place=cell_shown(place))
    return hint
