"""A bulletin's figure header written after its period (session 39, the 广东 walk's leftovers):
`1-7月累计值（亿元）`, `1-7月绝对值`, `1-7月累计数`, `1-7月增长（%）`. A 统计局 bulletin's 累计值,
绝对值 and 累计数 are the year-to-date amount, as 本年累计 and `1-7月（亿元）` are, and its 增长
(增速, 累计增长…) the growth in percent: each such cell is read as its period heading that
figure alone is (`period_words`), so a table of one period, a series of periods across the
columns and a lone column read it exactly as they read `1-7月（亿元）` or `1-7月（%）`.

Two columns naming one period (`1-6月（亿元）,1-6月增长（%）`) are that period's amount and its
growth, not a series (`one_period_labels`); a series whose columns carry different units or
figures (`1-2月（亿元）,一季度（%）`) is refused naming them (`mixed_series`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _, join_list
from plancli.period_numerals import period_words as numeral_words
from plancli.period_since import SINCE, last_month
from plancli.periods import bulletin_form
from plancli.safe import cell_shown, clip_path

if TYPE_CHECKING:
    from plancli.bulletin import Header

# The words a bulletin writes after a period for the year-to-date amount, and for its growth
# (folded: NFKC, no spaces); the longest first, so `累计增长` is not read as `增长`.
AMOUNT_WORDS = frozenset(
    "本年累计值 累计完成值 累计完成 累计值 累计数 绝对值 绝对额 本年累计 止累计".split()  # noqa: SIM905
)  # (止累计: 1-7月止累计, to July's end)
GROWTH_WORDS = frozenset(  # and the growths a header reads alone (bulletin.HEADERS)
    "累计增长率 累计增长 累计增速 增长率 增长 增速 增幅 同比增长 同比增速 比上年同期增长 "  # noqa: SIM905
    "比上年增长 比去年同期增长".split()
)
_WORDS = sorted(AMOUNT_WORDS | GROWTH_WORDS, key=lambda word: (-len(word), word))
_BRACKET = re.compile(r"^(.+?)(\([^()]*\))$")


def _folded(cell: str) -> str:
    return "".join(unicodedata.normalize("NFKC", cell).split())


# `截至7月累计`, `截至7月末累计`, `截止到7月底累计增长` (session 40): a 统计局 bulletin's "to the
# end of July, cumulatively", the year to date as `1-7月止累计` / `1-7月累计增长` say it; its month
# in numerals or with its year too (`截至七月末累计`, `截至2026年7月末累计`: `2026年1-7月止累计`,
# a year other than the import's then refused as 2025年1-7月 is). Without 累计 (`截至7月末`) it is
# no such header: a balance at the month's end (存款余额) is written so, and the cell stays an
# unknown column (`header_hints`: what to write).
# A quarter's or the first half's end is its last month's (`截至二季度末累计`, `截至上半年末累计`
# are 1-6月's, and so is `截至二季度累计`, the quarter to its end (session 41); `前三季度`: 1-9月);
# a span not from January (`截至4-6月累计`, `4-6月累计` without 截至: session 41) is refused,
# naming it.
_SINCE = re.compile(rf"^{SINCE}累计(.*)$")  # the rule a typed period reads too
_SPAN = re.compile(r"^(.+?(?:月|季度))累计")  # 4-6月累计（亿元）, 2-3季度累计值: refused
SINCE_ALONE = re.compile(  # (截至七月末, 截至2026年7月末 too: the hint says what to write)
    r"^(?:截至|截止)到?(?:[0-9]{4}年|[〇○零一二三四五六七八九]{4}年)?"
    r"(?:0?(?:[1-9]|1[0-2])|[一二三四五六七八九]|十[一二]?)月(?:末|底)?$"
)


def since_january(text: str) -> str:
    """A folded header without its bracket, `截至7月末累计` written as `1-7月止累计` (and
    `截至7月累计增长` as `1-7月累计增长`, `截至二〇二六年七月末累计` as `2026年1-7月止累计`); any
    other text as it is."""
    found = _SINCE.match(text)
    form = bulletin_form(numeral_words(found.group(1))) if found else None
    if found is None and (bare := _SPAN.match(text)) is not None:
        _span_from_january(bare.group(1))
    if found is None or form is None:
        return text
    month, year, rest = last_month(*form), form[1].get("year"), found.group(2)
    if not 1 <= month <= 12:
        return text
    start = form[1].get("start")
    if start is not None and int(start) != 1:  # 截至4-6月累计: a span, not the year to date
        span_refusal(found.group(1), int(start), month, form[0] == "R", "截至")
    span = (f"{year}年" if year else "") + (f"1-{month}月" if month > 1 else "1月")
    return span + ("累计" + rest if rest else "止累计")


def _span_from_january(span: str) -> None:
    """`span_refusal` for a header `4-6月累计` (`2-3季度累计`) without 截至: a span's own
    total, not the year to date, as `截至4-6月累计` is refused; nothing for any other."""
    form = bulletin_form(numeral_words(span))
    start = form[1].get("start") if form else None
    if form is not None and start is not None and int(start) != 1:
        month = last_month(*form)
        if 1 <= month <= 12:
            span_refusal(span, int(start), month, form[0] == "R", "")


def span_refusal(span: str, start: int, month: int, quarters: bool, since: str) -> None:
    """InputError for a header `截至4-6月累计` (`截至2-3季度累计`; `4-6月累计`, `since` ""): a
    span not from January, which plancli records only as an increment added to the figure
    before it (`record --add`)."""
    first = (start - 1) * 3 + 1 if quarters else start
    raise InputError(
        _(
            "header {since}{span}累计: {span} does not start in January, and plancli records "
            "figures from January (1-{month}月); for the increment over {span} alone, record "
            "it with `plancli record ID FIGURE -p {span} --add`: it is added to the figure of "
            "1-{before}月"
        ).format(since=since, span=span, month=month, before=first - 1)
    )


def period_part(cell: str) -> str:
    """A header cell's period without its figure's word (`1-7月累计值` → `1-7月`, `截至7月末累计`
    → `1-7月`), folded; any other cell folded (the notice of a period read from the header)."""
    from plancli.fall_columns import FALL_HEADERS

    text = since_january(_folded(cell))
    words = (*_WORDS, *sorted(FALL_HEADERS, key=lambda w: (-len(w), w)))  # and 1-6月下降
    word = next((w for w in words if text.endswith(w) and len(text) > len(w)), "")
    return text[: len(text) - len(word)]


def split_word(cell: str, period: Callable[[str], str | None]) -> tuple[str, str, str] | None:
    """(period, word, bracket) of a header cell that is a period then a figure's header
    (`1-7月累计值（亿元）` → `1-7月`, `累计值`, `(亿元)`; `截至7月末累计（亿元）` → `1-7月`,
    `止累计`, `(亿元)`), `period` being the layout's reading of a cell (its code; "" or None
    for no period from January); None for any other cell."""
    text = _folded(cell)
    found = _BRACKET.match(text)
    text, bracket = (found.group(1), found.group(2)) if found else (text, "")
    text = since_january(text)
    for word in _WORDS:
        if text.endswith(word) and len(text) > len(word) and period(text[: -len(word)]):
            return text[: -len(word)], word, bracket
    return None


def located_words(
    row: Sequence[str], period: Callable[[str], str | None], name: str, line: int
) -> list[str]:
    """`period_words` of a header row on `line` of the file `name`, the refusal of a span's
    header (`截至4-6月累计`: `span_refusal`) naming the file and line."""
    try:
        return period_words(row, period)
    except InputError as exc:
        raise InputError(
            _("{file}:{line}: {reason}").format(file=clip_path(name), line=line, reason=exc)
        ) from None


def period_words(row: Sequence[str], period: Callable[[str], str | None]) -> list[str]:
    """The header row with each period-and-figure cell written as its period alone heading
    that figure (the readings `bulletin_series` and the layout know): an amount's
    `1-7月累计值（亿元）` as `1-7月（亿元）` (本年累计 in 亿元), `1-7月绝对值` as `1-7月`; a
    growth's
    `1-7月增长（%）` or `1-7月增长` as `1-7月（%）` (the figure in %). A growth in another unit
    (`1-7月增长（亿元）`) is left as written: refused as an unknown column."""
    rewritten = []
    for cell in row:
        split = split_word(cell, period)
        if split is None:
            rewritten.append(cell)
            continue
        text, word, bracket = split
        if word in AMOUNT_WORDS:
            rewritten.append(text + bracket)
        elif bracket in ("", "(%)"):
            rewritten.append(text + "(%)")
        else:
            rewritten.append(cell)
    return rewritten


_Layout = tuple[
    Callable[[str], str | None],
    re.Pattern[str],
    Callable[[Sequence[str], Mapping[str, str], str, int], list[str]],
]


def period_headers(
    header: Header, name: str, line: int, layout: _Layout
) -> tuple[list[str], list[str], Header | None]:
    """A one-row header naming its periods (the layout's `_one_row`): its row as
    `period_words` writes it, as the file has it, and the header when it is one period's
    amount and growth (`one_period`) or a series across the columns (`series_header`)."""
    import dataclasses

    from plancli.bulletin_series import series_header

    written = [cell or "" for cell in header.row]
    row = located_words(written, layout[0], name, line)  # 1-7月累计值（亿元）as 1-7月（亿元）
    read = dataclasses.replace(header, row=tuple(row)) if row != written else header
    found = one_period(read, written, name, line, layout)
    if found is None:
        found = series_header(read, name, line, layout[0], layout[2], written)
    return row, written, found


def one_period(
    header: Header, written: Sequence[str], name: str, line: int, layout: _Layout
) -> Header | None:
    """The header of a one-row header (its `row` as `period_words` writes it, `written` as the
    file has it) whose period cells name one period in two columns or more, each with its
    own unit (`1-6月（亿元）,1-6月增长（%）`: that period's amount and its growth), read as
    `本年累计（亿元）` and `数值（%）` of a table of that period, each column named as written;
    None for any other (a series, a month beside its span: 4月, 1-4月). `layout`: the
    layout's reading of a period cell, its month alone, its check of the title's period."""
    import dataclasses

    from plancli.bulletin import MONTH, read_header

    period, one_month, with_period = layout
    found = _one_period_labels(header.row, period, one_month)
    if found is None:
        return None
    labels, over = found
    row = header.row
    twice = [p for p, label in enumerate(labels) if label != row[p] and labels.count(label) > 1]
    if twice:  # 1-6月（亿元）beside 1-6月累计值（亿元）: one figure twice
        raise InputError(
            _("{file}:{line}: columns {first} and {second} both mean {column}; keep one").format(
                file=clip_path(name),
                line=line,
                first=cell_shown(written[twice[0]]),
                second=cell_shown(written[twice[1]]),
                column=f"{over} {labels[twice[0]]}",
            )
        )
    titles = with_period(header.titles, {over: "ytd"}, name, line)
    one = read_header(labels, name, line, titles)
    shown = {c: written[p] for c, p in one.positions.items() if labels[p] != row[p]}
    if one.month is not None:  # 4月 beside 1-4月: the month alone, read past
        shown[MONTH] = written[one.month]
    passed = tuple(written[p] for p in one.ignored if labels[p] in one.passed)  # 9月增长(%)
    labels_shown = {**one.labels, **shown}
    return dataclasses.replace(one, labels=labels_shown, passed=passed, data_row=True)


def _one_period_labels(
    row: Sequence[str | None], period: Callable[[str], str | None], one_month: re.Pattern[str]
) -> tuple[list[str], str] | None:
    """The headers plancli reads (`本年累计（亿元）`, `数值（%）`, `本月` for its last month alone
    beside it) of such a row, and its period."""
    found: dict[int, tuple[str, str, str]] = {}
    months: dict[int, tuple[str, str]] = {}  # 4月 beside 1-4月: position → (code, label)
    falls: dict[int, str] = {}  # 1-6月下降（%）: position → its fall column's header (下降(%))
    for position, cell in enumerate(row):
        folded = _folded(cell or "")
        split = _BRACKET.match(folded)
        text, bracket = (split.group(1), split.group(2)) if split else (folded, "")
        if (fall := _period_fall(text, bracket, period)) is not None:
            found[position], falls[position] = fall
            continue
        own = _MONTH_OWN_GROWTH.match(text)  # 9月增长(%) beside 1-9月增长(%): 本月增长(%)
        if own is not None and one_month.match(own.group(1)) and period(own.group(1)):
            months[position] = (period(own.group(1)) or "", "本月" + own.group(2) + bracket)
            continue
        code = period(text) if not text.isascii() else None
        if code and one_month.match(text):  # 9月(%) as period_words writes 9月增长(%): its own
            months[position] = (code, "本月增长(%)" if bracket == "(%)" else "本月")
        elif code:
            found[position] = (text, bracket, code)
    codes = {code for _t, _b, code in found.values()}
    if len(found) < (1 if falls else 2) or len(codes) > 1:  # a fall column alone: its period
        return None
    if any(c not in codes for c, _l in months.values()):
        return None
    labels = [cell or "" for cell in row]
    for position, (_text, bracket, _code) in found.items():
        labels[position] = ("数值" if bracket == "(%)" else "本年累计") + bracket
        labels[position] = falls.get(position, labels[position])
    for position, (_code, label) in months.items():
        labels[position] = label
    return labels, next(iter(found.values()))[0]


def _period_fall(
    text: str, bracket: str, period: Callable[[str], str | None]
) -> tuple[tuple[str, str, str], str] | None:
    """((period, bracket, code), the fall column's header) of a header cell that is a period
    then a fall's word (`1-6月下降`, `1-6月比上年同期下降` in % or without a unit: session 42, was
    an unknown column while `累计下降（%）` under a title's period was read); None for any
    other. Read as `fall_columns` reads `下降（%）`, beside a rise column or alone."""
    from plancli.fall_columns import FALL_HEADERS

    if bracket not in ("", "(%)"):
        return None
    for word in sorted(FALL_HEADERS, key=lambda w: (-len(w), w)):
        if text.endswith(word) and len(text) > len(word):
            code = period(text[: -len(word)])
            return ((text[: -len(word)], bracket, code), word + bracket) if code else None
    return None


def period_fall(cell: str, period: Callable[[str], str | None]) -> bool:
    """Is a header cell a period then a fall's word (`1-6月下降（%）`: `_period_fall`)?"""
    split = _BRACKET.match(folded := _folded(cell))
    text, bracket = (split.group(1), split.group(2)) if split else (folded, "")
    return _period_fall(text, bracket, period) is not None


# A month's own growth beside its span (`9月增长(%)`, `9月比上年同月增长(%)` beside `1-9月…`):
# read as `本月增长(%)` is, a column read past (session 40: walk2 found the 统计月报 layout
# `9月,1-9月,9月增长(%),1-9月增长(%)` refused as two columns of one figure).
_MONTH_OWN_GROWTH = re.compile(r"^((?:[0-9]{4}年)?0?(?:[2-9]|1[0-2])月)份?((?:同比|比|较|增).*)$")


def mixed_series(name: str, line: int, cells: Sequence[tuple[str, str]]) -> InputError:
    """The refusal of a series across the columns (`cells`: each column's header as written
    and its unit bracket) whose columns carry different units."""
    by_unit: dict[str, list[str]] = {}
    for cell, bracket in cells:
        by_unit.setdefault(bracket[1:-1], []).append(cell_shown(cell))
    groups = [
        _("{columns} (in {unit})").format(columns=join_list(shown), unit=unit)
        if unit
        else _("{columns} (no unit)").format(columns=join_list(shown))
        for unit, shown in by_unit.items()
    ]
    return InputError(
        _(
            "{file}:{line}: the header's columns are a series of periods, and they disagree "
            "on the unit: {groups}; a series imports one figure a column, all in one unit: "
            "keep one figure's columns (each 增长（%）, or each 累计值), or import each figure "
            "from a file of its own"
        ).format(file=clip_path(name), line=line, groups=_("; ").join(groups))
    )
