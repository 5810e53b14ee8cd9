"""Figures that are most likely something other than the target's figure (audit B): a
bulletin's growth taken for a total or a level, an index (上年同期=100) for a rise in %, a
unit of the same quantity in another measure (公顷 for 平方公里), and `record`'s share of the
likely-slip warnings `import` gives. plancli never converts a figure: what it can tell is wrong
is refused; what is only likely wrong is taken as given, with a warning saying the slip."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

from plancli.i18n import _, kind_word

if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import ImportRow
    from plancli.ledger import Entry
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget
    from plancli.read_notes import ReadNotes

# ------------------------------------------------------- a growth where the total belongs

NEUTRAL_VALUES = frozenset(("value", "数值", "本期", "本期值", "本期数值", "完成值", "实际值"))
"""The `value` headers that name no growth: every other (增长, 累计增长, 比上年同期增长…) is a
growth or change on last year, which is a growth target's figure and no other's."""
_GROWTH_HEADERS: dict[str, bool] = {}


def growth_header(header: Header) -> bool:
    """Does the header's `value` column name a growth (累计增长), not a figure (数值)?"""
    label = header.labels.get("value")
    if label is None:
        return False
    found = _GROWTH_HEADERS.get(label)
    if found is None:
        from plancli.bulletin import header_key

        found = header_key(label) not in NEUTRAL_VALUES
        if len(_GROWTH_HEADERS) < 1000:
            _GROWTH_HEADERS[label] = found
    return found


_RISES = ("涨幅", "上涨", "增长", "增速", "增幅")


_PERCENT = ("%", "％")
_Figure = TypeVar("_Figure")
_RECORDS = re.compile(r"录入[:：]([^）)；;。]*)")
"""A note's 「录入：累计增速%」: what the plan says a tracked indicator records."""


def growth_indicator(target: AnyTarget) -> bool:
    """Is the target a tracked indicator in % whose figure is a growth (固定资产投资, 进出口:
    「录入：累计增速%」), as the report reads it (累计增长2.4%)? The plan has no field for it:
    its unit is %, and its name, or its note's 录入 clause (the whole note where it has none),
    says a growth (增速, 增长, 涨幅…). Its figure is a bulletin's growth column; its 累计值
    (亿元) is a total it has no room for (`paired_figure`, `total_only_problem`)."""
    if target.kind != "indicator" or target.unit.strip() not in _PERCENT:
        return False
    note = target.note or ""
    said = _RECORDS.search(note)
    return any(word in text for word in _RISES for text in (target.name, said[1] if said else note))


def growth_figure(target: AnyTarget) -> bool:
    """Is the target's figure a growth % with no room for an amount: a `growth_indicator`, or a
    trend (粮食产量保持稳定: its signed growth, docs/forms.md)? A bulletin's 累计值 beside it
    (粮食总产量 762.4 亿斤) is a total, not its figure (江苏 walk, session 42: 增长762.4%)."""
    return target.kind == "trend" or growth_indicator(target)


def growth_is_figure(target: AnyTarget) -> bool:
    """Is a growth column's figure the target's own? A growth (or relative) target's, a level
    whose figure is itself a rise on last year: a CPI's 涨幅 (`cpi`, 居民消费价格涨幅), which a
    bulletin gives in its 比上年同期增长 column with no 累计值, and a `growth_indicator`; a
    trend's, whose figure is its signed growth (docs/forms.md: 单位生产总值二氧化碳排放量下降2.0
    under 比上年增长 was refused as if the growth were not its figure, session 41)."""
    if target.has_amount or target.id == "cpi" or target.kind == "trend":
        return True
    return any(word in target.name for word in _RISES) or growth_indicator(target)


def totals_unit(target: AnyTarget, notes: ReadNotes, row: int) -> bool:
    """Is a row's 计量单位 cell (亿元) its 累计值's, passed over for a `growth_indicator` whose
    figure came from the growth column? Then it says nothing of the figure (a % growth)."""
    header = notes.header
    growth = row in notes.growth_only or row in notes.paired
    return growth and header is not None and growth_header(header) and growth_figure(target)


def total_for_growth(
    target: AnyTarget, notes: ReadNotes, row: int, total: object, entry: Entry, period: str
) -> str | None:
    """Why a `growth_indicator`'s row whose only figure is its 累计值 is refused: that is a
    total (2100.5 亿元), and its figure is a growth % (audit T, D1: 累计增长2100.5%). None
    for another target, or when the row's 计量单位 or the column's unit says % (the growth
    itself given under 累计值: 固定资产投资增速,%,-2.4). A row named an index is refused as
    one: 山东's cpi took 居民消费价格总指数（上年同期=100）'s 100.3 for a total (s40 walk)."""
    from plancli.bulletin import TOTAL, column_label
    from plancli.safe import cell_shown

    header = notes.header
    column = header.units.get(TOTAL) if header is not None else None
    units = [notes.units.get(row), column.unit if column is not None else None]
    if not growth_figure(target) or any(u and u.strip() in _PERCENT for u in units):
        return None
    slip = index_slip(target, entry.target, period, total, index_said(notes, row))
    if slip is not None and slip[0]:
        return slip[1]

    fields = {
        "target": target.id,
        "kind": kind_word(target.kind),
        "total": column_label(notes, TOTAL),
        "amount": cell_shown(total),
        "value": column_label(notes, "value"),
    }
    if header is not None and "value" in header.positions:
        message = _(
            "{target} is a {kind} target whose figure is a growth %: its figure is the {value} "
            "column, empty or — here; the {total} column's {amount} is a total, not a growth: "
            "give the growth in {value}, or leave the row out"
        )
    else:
        message = _(
            "{target} is a {kind} target whose figure is a growth %: the file gives only "
            "{total} ({amount}), a total, not a growth; add a 累计增长 column"
        )
    return message.format(**fields)


def paired_figure(
    target: AnyTarget, notes: ReadNotes, row: int, value: _Figure, amount: _Figure | None
) -> tuple[_Figure, None]:
    """The figure of a row with both a growth and a 累计值, for a target with no amount: a
    `growth_indicator`'s growth (its 累计值, a total, passed over: audit T, D1), any other's
    累计值; the column not recorded said in a warning."""
    from plancli.bulletin import TOTAL, column_label
    from plancli.safe import cell_shown

    fields = {
        "target": target.id,
        "kind": kind_word(target.kind),
        "total": column_label(notes, TOTAL),
        "amount": cell_shown(amount),
        "value": column_label(notes, "value"),
        "growth": cell_shown(value),
    }
    if growth_figure(target):
        message = _(
            "{target} is a {kind} target whose figure is a growth %: its figure is the {value} "
            "column ({growth}); the {total} column ({amount}) is a total, not recorded"
        )
        notes.warnings.append((row, message.format(**fields)))
        return value, None
    message = _(
        "{target} is a {kind} target: its figure is the {total} column ({amount}); the {value} "
        "column ({growth}) is not recorded"
    )
    notes.warnings.append((row, message.format(**fields)))
    return amount if amount is not None else value, None


def growth_for_figure(target: AnyTarget, notes: ReadNotes, row: int, growth: object) -> str:
    """Why a row of a cumulative, level or other non-growth target is refused when its 累计值
    cell is blank or `—` and only the growth column (累计增长, 比上年同期增长) has a figure:
    that figure is the target's growth or change on last year, never its total or level."""
    from plancli.bulletin import TOTAL, column_label
    from plancli.safe import cell_shown

    mark = notes.growth_only.get(row, "")
    fields = {
        "target": target.id,
        "kind": kind_word(target.kind),
        "total": column_label(notes, TOTAL),
        "value": column_label(notes, "value"),
        "growth": cell_shown(growth),
        "mark": cell_shown(mark),
    }
    what = _("its year-to-date total") if target.kind == "cumulative" else _("its level")
    if notes.header is not None and TOTAL not in notes.header.positions:
        message = _(
            "{target} is a {kind} target: the file's only figure column, {value}, is a growth "
            "or change on last year ({growth}), not {what}: give {what} in a 累计值 column, or "
            "leave the row out"
        )
    elif mark:
        message = _(
            "{target} is a {kind} target: its figure is the {total} column, which holds {mark} "
            "(no data) here; the {value} column's {growth} is a growth or change on last year, "
            "not {what}: give {what} in {total}, or leave the row out"
        )
    else:
        message = _(
            "{target} is a {kind} target: its figure is the {total} column, empty here; the "
            "{value} column's {growth} is a growth or change on last year, not {what}: give "
            "{what} in {total}, or leave the row out"
        )
    return message.format(**fields, what=what)


# ------------------------------------------------------------- an index for a rise in %

INDEX_RANGE = (Decimal(85), Decimal(115))
"""An index on the same period last year (上年同期=100) as bulletins publish it: a CPI of
100.8 for a 0.8 % rise, a GDP index of 105.2 for 5.2 % growth. Prices and output rarely move
more than 15 % a year, so an index falls in this range."""
INDEX_SCALE = Decimal(20)
"""A target whose plan figure (`bulletin_units.percent_scale`) is at most this many % (a CPI
rise of 2左右, a growth of 5) is never near 100: a figure in INDEX_RANGE for it is warned about."""
_INDEX = "指数"
INDEX_BASE = re.compile(r"(?:以)?(?:上年同期|上年同月|去年同期|上年)(?:=|为)100")
"""An index's base as a bulletin writes it (NFKC, no spaces): in a 计量单位 cell, a header's
bracket or a name's (`居民消费价格（上年同期=100）`), it says the figure is an index."""


def index_said(notes: ReadNotes, row: int) -> str | None:
    """The row's 计量单位 cell, or a figure column's header, that says the figures are an index
    (上年同期=100), as written; None when neither says so."""
    header = notes.header
    labels: list[str | None] = [notes.units.get(row)]
    if header is not None:
        labels += [header.labels.get(c) for c in ("value", "total")]
    for text in labels:
        if text and INDEX_BASE.search("".join(unicodedata.normalize("NFKC", text).split())):
            return text.strip()
    return None


def _number(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if not isinstance(value, str) or not value[:1].isdigit():
        return None  # an index is positive; a cheap test for the many other figures
    try:
        number = Decimal(value.rstrip("%").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


RISE_LIMIT = Decimal(50)
"""A figure of less than this, up or down, beside an index's base (上年同期=100) is the rise
itself, not the index, which is near 100 (INDEX_RANGE): a CPI row's 计量单位 says 上年同期=100
for the bulletin's index, and the figure given is its rise (2.1)."""


def rise_beside_index_base(target: AnyTarget, value: object, given: str | None) -> bool:
    """Is `given` (a row's 计量单位 cell, a figure column's or a name's unit) an index's base
    (上年同期=100) beside a figure that reads as a rise in %, for a target whose figure is one
    (`index_watch`)? Then the unit names the bulletin's index and says nothing against the
    figure: no unit warning. A figure near 100 is the index (`index_slip` refuses it); one
    neither a rise nor an index (60, 140) keeps the unit warning."""
    if not given or not INDEX_BASE.search("".join(unicodedata.normalize("NFKC", given).split())):
        return False
    if isinstance(value, Decimal):
        number = value
    else:
        try:
            number = Decimal(str(value).strip().rstrip("%").replace(",", ""))
        except InvalidOperation:
            return False  # 下降0.3: the unit warning as before
    return number.is_finite() and abs(number) < RISE_LIMIT and index_watch(target)


def maybe_index(text: str) -> bool:
    """Might `index_slip` have something to say about a figure so written: 85.x to 99.x or
    100 to 119.x? (cheap: a reader asks it of a million rows, with `bulletin.maybe_fraction`)"""
    if text[:1] not in ("1", "8", "9"):
        return False
    if text[2:3] == ".":
        return "85" <= text[:2] <= "99"
    return text[:2] in ("10", "11") and len(text) >= 3 and text[3:4] in (".", "")


def index_watch(target: AnyTarget) -> bool:
    """May a figure of this target be an index given for it? Its figure is a % (a rise, a
    growth, a rate), not percent done, and its own name is no index. An alias that is a
    bulletin's name of a shared indicator (居民消费价格指数, 居民消费价格总指数: `extract` writes
    them for every CPI target, so that the bulletin's row is read as it) names the row where
    the index comes from, not the target's figure: it does not make the target an index (a
    drafted 居民消费价格涨幅 took 100.6 as a rise of 100.6 %, where the bundled plan refused it),
    unless the plan's own figure for it is an index's size (居民消费价格涨幅控制在103%以内: the
    index is its figure)."""
    from plancli.bulletin_units import percent_scale
    from plancli.fmt import value_is_percent
    from plancli.indicator_names import STANDARD_NAMES

    if not value_is_percent(target) or target.kind == "milestone":
        return False
    bulletins = STANDARD_NAMES.get(target.id, ())
    own = [target.name, *(name for name in target.aliases if name not in bulletins)]
    if any(_INDEX in name for name in own):
        return False
    if any(_INDEX in name for name in target.aliases if name in bulletins):
        scale = percent_scale(target)
        return scale is None or scale < INDEX_RANGE[0]
    return True


def index_slip(
    target: AnyTarget, name: str, period: str, value: object, said: str | None = None
) -> tuple[bool, str] | None:
    """(refused, message) for a figure in INDEX_RANGE given for a target whose figure is a %
    rise or growth (`index_watch`): refused when the row's own name says it is an index
    (居民消费价格指数 for 居民消费价格涨幅, 居民消费价格（上年同期=100）) or its unit cell or column
    does (`said`: `index_said`; the index's base quoted as the name writes it: 上年同月=100),
    warned about when the plan's figure for the target is at most
    INDEX_SCALE (a CPI rise of 2左右: 100.8 is not a 100.8 % rise); None otherwise."""
    number = _number(value)
    if number is None or not INDEX_RANGE[0] <= number <= INDEX_RANGE[1]:
        return None
    from plancli.bulletin_units import percent_scale

    folded = "".join(unicodedata.normalize("NFKC", name).split())
    named = _INDEX in folded or INDEX_BASE.search(folded) is not None
    refused = named or said is not None
    if not refused:  # asked first: most figures in the range are no index (a rate of 98 %)
        scale = percent_scale(target)
        if scale is None and target.id == "cpi":  # 山东's, tracked: a CPI rise is never 100 %
            scale = Decimal(0)
        if scale is None or scale > INDEX_SCALE:
            return None
    from plancli.fmt import num
    from plancli.safe import visible

    fields = {
        "target": target.id,
        "period": visible(period),
        "value": num(number),
        "rise": num(number - 100),
        "name": visible(name.strip()),
    }
    if refused and not named:
        return True, _(
            "{target}: '{name}' is given as an index ({said}), and the target's figure is a "
            "rise in %: {value} is a rise of {rise} %; plancli does not convert: give {rise}"
        ).format(**fields, said=visible(said or ""))
    base = INDEX_BASE.search(folded)
    if refused and base is not None:  # quoted as the row says it: 上年同月=100, 上年=100
        return True, _(
            "{target}: '{name}' is an index ({base}), and the target's figure is a rise in %: "
            "{value} is a rise of {rise} %; plancli does not convert: give {rise}"
        ).format(**fields, base=base.group())
    if refused:
        return True, _(
            "{target}: '{name}' is an index (the same period last year = 100), and the target's "
            "figure is a rise in %: {value} is a rise of {rise} %; plancli does not convert: "
            "give {rise}"
        ).format(**fields)
    return False, _(
        "{target} {period} = {value}: an index (the same period last year = 100) where the "
        "figure is a rise in %? did you mean {rise} %? (read as {value} %)"
    ).format(**fields)


# --------------------------------------------------- another measure of the same quantity

_SCALE_WORDS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
# A base unit → (the quantity it measures, its size in that quantity's smallest unit here).
# 千米, 千克 and 千瓦时 are 千 × 米, 克, 瓦时 (so 公里, 公斤 and 度 are the same units).
_MEASURES: dict[str, tuple[str, Fraction | None]] = {
    "平方米": ("area", Fraction(1)),
    "平方公里": ("area", Fraction(1_000_000)),
    "平方千米": ("area", Fraction(1_000_000)),
    "公顷": ("area", Fraction(10_000)),
    "亩": ("area", Fraction(10_000, 15)),
    "克": ("mass", Fraction(1)),
    "公斤": ("mass", Fraction(1000)),
    "斤": ("mass", Fraction(500)),
    "吨": ("mass", Fraction(1_000_000)),
    "米": ("length", Fraction(1)),
    "公里": ("length", Fraction(1000)),
    "瓦时": ("energy", Fraction(1)),
    "度": ("energy", Fraction(1000)),
    "立方米": ("volume", Fraction(1000)),
    "升": ("volume", Fraction(1)),
    # Money in another currency is the same quantity with no fixed rate: never the plan's.
    "元": ("money", Fraction(1)),
    "美元": ("money", None),
    "欧元": ("money", None),
    "港元": ("money", None),
}


def _measure(unit: str) -> tuple[str, Fraction | None] | None:
    size = Fraction(1)
    rest = unit
    while rest not in _MEASURES and rest[:1] in _SCALE_WORDS and len(rest) > 1:
        size *= _SCALE_WORDS[rest[0]]
        rest = rest[1:]
    found = _MEASURES.get(rest)
    if found is None:
        return None
    quantity, each = found
    return quantity, None if each is None else size * each


def same_quantity(given: str, planned: str) -> bool | None:
    """Do two units (folded: NFKC, no spaces) measure the same quantity? True in another
    measure (公顷 and 平方公里, 万吨 and 亿斤, 元 and 美元: a figure in one is not one in the
    other, so it is refused, plancli never converting); False when they are the same unit
    spelled otherwise (平方千米 and 平方公里, 千克 and 公斤); None when plancli cannot tell
    (different quantities, or a unit it does not know: imported with a warning)."""
    first, second = _measure(given), _measure(planned)
    if first is None or second is None or first[0] != second[0]:
        return None
    return first[1] is None or second[1] is None or first[1] != second[1]


# ------------------------------------------------------------------ `record`'s warnings


def record_warnings(plan: AnyPlan, entry: Entry, record: AnyRecord) -> list[str]:
    """The likely slips `import` warns about, for a figure recorded by hand: a % written as a
    fraction (0.041 for 4.1 %) and an index for a rise in % (100.8 for 0.8 %)."""
    from plancli.bulletin_units import fraction_warning, percent_scale

    target = plan.target(record.target)
    if target is None:
        return []
    warnings: list[str] = []
    scale = percent_scale(target)
    text = entry.value if isinstance(entry.value, str) else record.value
    if scale is not None:
        warning = fraction_warning(target, record.period, text, scale)
        if warning is not None:
            warnings.append(warning)
    if index_watch(target):
        slip = index_slip(target, "", record.period, record.value)
        if slip is not None:
            warnings.append(slip[1])
    return warnings


def index_warnings(rows: Sequence[ImportRow], watched: IndexWatch, notes: ReadNotes) -> None:
    """`index_slip`'s warnings for the rows of a file of ids (`bulletin.resolve_rows`' fast
    case) whose targets `watched` says may be given an index: only the rows the readers noted
    (`notes.fractions`: `bulletin.maybe_fraction`, `maybe_index`)."""
    for position in notes.fractions:
        row = rows[position]
        entry = row.entry
        given = entry.target.strip()
        if watched(given):
            slip = index_slip(watched.by_id[given], "", entry.period, entry.value)
            if slip is not None:
                notes.warnings.append((row.row, slip[1]))


class IndexWatch:
    """`index_watch` of a plan's targets, asked once a target and only of those a file's rows
    make it ask (a 100,000-target plan: 0.45 s when asked of every target up front). Given
    `scales` (`bulletin_units.percent_scale` by id), for rows that name no index (a file of
    ids), only a target whose figure is small enough to be warned of (`index_slip`) is
    watched, told by a set before anything else is asked."""

    def __init__(
        self, by_id: Mapping[str, AnyTarget], scales: Mapping[str, Decimal] | None = None
    ) -> None:
        self.by_id = by_id
        self.known: dict[str, bool] = {}
        self.small = (
            None
            if scales is None
            else {i for i, scale in scales.items() if scale <= INDEX_SCALE} | {"cpi"}
        )

    def __call__(self, target_id: str) -> bool:
        if self.small is not None and target_id not in self.small:
            return False  # the common case in a file of ids
        found = self.known.get(target_id)
        if found is None:
            target = self.by_id.get(target_id)
            found = self.known[target_id] = target is not None and index_watch(target)
        return found
