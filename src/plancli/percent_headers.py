"""Growth headers that say their unit is a percent change (`bulletin.header_key`): the 统计局's
Excel bulletins head the year-on-year growth column `同比±%`, `比上年同期±%` or `累计同比(%)`, where
plancli knew only `比上年同期增长(%)` and refused the file (`unknown column '同比±%'`).

Decided in session 33: a header naming a year-on-year comparison (同比, 比上年同期, 比去年同期,
比上年) that says `%` (±%, (%), (±%), a bare %) is the growth rate in percent, whatever word
joins them (增长, 增减): `比上年同期增减(%)` is a change in percent of last year's figure, which
is the growth.
Without the `%`, `比上年同期增减` stays read past (bulletin_blanks.UNUSED_COLS): it can be the
change in the figure's own unit (`比上年同期增减（亿元）`, 万人 more than last year). A wrong
reading is still caught row by row: a growth typed for a count or a rate is refused
(`figure_slips.growth_for_figure`), as under `比上年同期增长(%)`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from plancli.i18n import _

# On the header as `header_key` folds it (NFKC: full-width brackets and ％ are ASCII; no spaces;
# lower case): an optional 累计/本年累计 or 1-6月, the comparison, an optional 增长/增减/增速,
# then the percent.
_PERCENT_GROWTH = re.compile(
    r"^(?:累计|本年累计|本月止累计|1-\d{1,2}月)?"
    r"(?:同比|比上年同期|比去年同期|比上年|比去年|较上年同期|较去年同期)"
    r"(?:增长|增减|增速|增幅)?"
    r"(?:±%|\(±%\)|\(%\)|%|±\(%\)|\(±\)%|\+/-%|\(\+/-%\))$"
)
GROWTH_KEY = "同比增长"
"""What such a header is read as: the `value` column's growth (bulletin.HEADERS)."""


# A growth word plancli reads with its `(%)` (`增长（%）`, `增速(%)`) written with a bare % instead
# (`增长%`, `增速%`, `增长 %`: session 38's 广东 walk found `增长%` refused as an unknown column).
# Only the growth words: `累计%` is no header a bulletin writes, and stays unknown.
_BARE_PERCENT = re.compile(r"^(增长|增速|增幅|增长率|累计增长|累计增速)±?%$")


# One month's own growth (session 40, the 辽宁 walk): a 统计月报's `本月 | 本年累计 | 本月增长(%) |
# 累计增长(%)` was refused (unknown column '本月增长(%)'), where `增速（当月）` was read past. Not
# `本月止累计…`, the year to date.
_MONTH_GROWTH = re.compile(
    r"^(?:本月|当月)(?=同比|比|较|增)(?:同比|比上年同月|比去年同月|比上年同期|比去年同期|较上年同月)?"
    r"(?:增长率|增长|增速|增幅|增减)?(?:±%|\(±%\)|\(%\)|%)?$"
)
MONTH_GROWTH_KEY = "当月增长"
"""What such a header is read as: a column read past (bulletin_blanks.UNUSED_COLS), as 本月."""


def percent_growth(text: str) -> str:
    """The folded header `text` as `header_key` reads it: GROWTH_KEY for a year-on-year growth
    in percent (`同比±%`, `比上年同期±%`, `累计同比(%)`), MONTH_GROWTH_KEY for one month's
    (`本月增长(%)`, `当月同比`), the growth word of `增长%` (as of `增长(%)`), else `text`."""
    if _PERCENT_GROWTH.match(text) is not None:
        return GROWTH_KEY
    if _MONTH_GROWTH.match(text) is not None:
        return MONTH_GROWTH_KEY
    bare = _BARE_PERCENT.match(text)
    return bare.group(1) if bare is not None else text


# The same comparison with no unit said (`同比`, `累计同比`, `比上年同期`): refused as unknown, as
# it may be a growth in % or a change in the figure's unit; the refusal says how to mark it.
_UNSAID = re.compile(
    r"^(?:累计|本年累计|本月止累计|1-\d{1,2}月)?"
    r"(?:同比|比上年同期|比去年同期|比上年|比去年|较上年同期|较去年同期)(?:增减)?$"
)


def unsaid_percent_hint(unknown: Sequence[str]) -> str:
    """For a refused header that names a year-on-year comparison without its unit (`同比`), what
    to write for plancli to read it as the growth; "" when none does."""
    for header in unknown:
        text = "".join(unicodedata.normalize("NFKC", header).split())
        if _UNSAID.match(text):
            return _(
                " ({header} does not say its unit: if it is the growth in percent, head it "
                "{header}(%) or {header}±%)"
            ).format(header=text)  # only the words the pattern allows: nothing to escape
    return ""


def one_key_twice(first: str | None, second: str, column: str, at: Mapping[str, object]) -> None:
    """Two header cells read as one column (`read_header`): written differently (比上年增长（%）
    beside 同比增长（%）, both `GROWTH_KEY`), refused naming both, as two columns meaning one
    are; the same header twice is left to the caller's `appear twice`."""
    from plancli.errors import InputError
    from plancli.safe import cell_shown

    def folded(cell: str | None) -> str:
        return "".join(unicodedata.normalize("NFKC", cell or "").split()).lower()

    if folded(first) != folded(second):
        message = _("{file}:{line}: columns {first} and {second} both mean {column}; keep one")
        raise InputError(
            message.format(
                **at,
                first=cell_shown((first or "").strip()),
                second=cell_shown(second),
                column=column,
            )
        )
