"""A bulletin's figures against the plan's units and scale. plancli never converts a
figure, so a figure in another scale of the plan's unit (万元 where the plan counts 亿元), or
in another measure of the same quantity (公顷 for 平方公里), is refused, and a unit plancli
cannot match is imported with a warning to check the figure. A unit is given by a 计量单位
column (each row's), by a figure column's header (`本年累计（万元）`) or by a `单位：万元` line
above the header (every row's, `column_units`). A total hundreds of times its target's figures
(`scale_warning`: 万元 for 亿元?) and a % kept as a fraction (`fraction_warning`: 0.992 for
99.2 %) are imported as given, with a warning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from plancli.i18n import _
from plancli.template_units import template_texts

if TYPE_CHECKING:
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget

_SCALES = "十百千万亿"  # 万元, 亿元: the same unit counted in another scale
_PERCENT = frozenset({"%", "百分比", "百分点", "pp"})


def _folded(unit: str) -> str:
    return "".join(unicodedata.normalize("NFKC", unit).split()).casefold()


def another_scale(given: str, plan: str) -> bool:  # the plan's unit scaled: 万元 for 亿元
    mine, theirs = _folded(given).lstrip(_SCALES), _folded(plan).lstrip(_SCALES)
    return bool(mine) and mine == theirs and _folded(given) != _folded(plan)


def percent_word(unit: str) -> bool:  # %, 百分比, 百分点, pp
    return _folded(unit) in _PERCENT


def unit_check(target: AnyTarget, given: str, column: str | None = None) -> tuple[bool, str] | None:
    """None when the file's unit is the plan's (or a percentage, for a target whose figure is
    one, or the plan's spelled otherwise: 平方千米 for 平方公里); else (refused, message):
    refused for another scale of the plan's unit, or another measure of the same quantity
    (公顷 for 平方公里, 万吨 for 亿斤: `figure_slips.same_quantity`). `column`:
    the column the unit is stated for (its header, or the 单位 line's), as the message says."""
    from plancli.fmt import value_is_percent

    file_unit, plan_unit = _folded(given), _folded(target.unit)
    if not file_unit or file_unit == plan_unit:
        return None
    if file_unit in _PERCENT and (value_is_percent(target) or plan_unit == "%"):
        return None
    fields = {"target": target.id, "given": given.strip(), "unit": target.unit, "column": column}
    if column is not None:
        refusal = _(
            "{target}: column {column} is in {given} and the plan counts {unit}; plancli "
            "does not convert: give the figure in {unit}"
        )
    else:
        refusal = _(
            "{target}: the file's unit is {given} and the plan's {unit}; plancli does not "
            "convert: give the figure in {unit}"
        )
    if another_scale(given, target.unit):
        return True, refusal.format(**fields)
    from plancli.figure_slips import same_quantity

    measure = same_quantity(file_unit, plan_unit)  # 公顷 for 平方公里, 万吨 for 亿斤
    if measure is not None:
        return (True, refusal.format(**fields)) if measure else None
    if column is not None:
        message = _(
            "{target}: column {column} is in {given} and the plan counts {unit}; check the figure"
        )
    else:
        message = _("{target}: the file's unit is {given} and the plan's {unit}; check the figure")
    return False, message.format(**fields)


def row_unit_check(target: AnyTarget, cell: str) -> tuple[bool, str] | None:
    """`unit_check` of a row's own 单位 cell. A row has one figure that is not a % (its total,
    or a growth target's amount) and maybe a growth %: a cell may list a % beside its unit
    (`亿元/%`, `亿元、%`: the growth's and the amount's), each checked; a cell naming two units
    that are not % (`亿元、万元`) is refused, as the figure is in one of them and plancli cannot
    tell which. A unit the plan counts in (`件/万人`) is one unit, whatever its slash. A
    template's own text in its `unit` column (`万人, year to date`: `unit_text`) is no unit."""
    if unit_check(target, cell) is None:
        return None
    own = template_texts(target)
    if _folded(cell) in {_folded(text) for text in own}:
        return None
    listed = list(dict.fromkeys(listed_units(cell)))
    if len(listed) < 2:
        return unit_check(target, cell)
    # `亿元/万人` lists 亿元, 万人 and the whole; the whole is no third unit here
    listed = [u for u in listed if not ("/" in u and set(u.split("/")) <= set(listed))]
    units = [u for u in listed if _folded(u) not in _PERCENT]
    if len(units) > 1:
        from plancli.safe import cell_shown

        return True, _(
            "{target}: the row's unit {cell} names more than one unit; its figure is in one of "
            "them and plancli cannot tell which: give the unit it is in"
        ).format(target=target.id, cell=cell_shown(cell.strip()))
    if len(units) < len(listed) and not target.has_amount and unit_check(target, "%") is None:
        return None  # a % target's figure, the % listed (`亿元、%` for a rate in %)
    return unit_check(target, units[0]) if units else None


@dataclass(frozen=True, slots=True)
class ColumnUnit:
    """The unit of a figure column, and how the file states it (for the message)."""

    unit: str
    column: str  # `'本年累计（万元）'`, or `'本年累计' (单位：万元)`
    table_wide: bool = False  # a 单位 line's units (no %): the amounts', not a growth figure's
    others: tuple[str, ...] = ()  # `单位：亿元、万人`: each row's figure is in one of them
    known: bool = True  # a unit `is_unit` knows; else a bracket's qualifier (`不含农户`)?


def column_check(target: AnyTarget, column: str, given: ColumnUnit) -> tuple[bool, str] | None:
    """`unit_check` of a figure of `column` (value, total, amount) in the unit its header or
    the 单位 line gives. A 单位 line without a % (`单位：万元`, `单位：亿元、万人`) gives the
    units of the table's amounts: a growth target's growth % (its value) is not in them. Of a
    line's several units (`亿元、万人`) the plan's is the target's; with none of them the plan's,
    one in another scale of it is refused, else the figure is warned about."""
    if given.table_wide and column == "value" and target.has_amount:
        return None
    if not given.known:  # `累计（不含农户）`: a unit only if it is the plan's, in some scale
        for unit in (given.unit, *given.others):
            check = unit_check(target, unit, given.column)
            if check is not None and check[0]:
                return check
        return None
    if not given.others:
        return unit_check(target, given.unit, given.column)
    checks = [unit_check(target, unit, given.column) for unit in (given.unit, *given.others)]
    if any(check is None for check in checks):
        return None
    refused = [check for check in checks if check is not None and check[0]]
    if refused:
        return refused[0]
    listed = (given.unit, *given.others)  # as the file lists them: 亿元、万人, not 亿元/万人 too
    shown = [u for u in listed if not (_rate_of_units(u) and set(u.split("/")) <= set(listed))]
    return unit_check(target, "、".join(shown), given.column)


# A unit in brackets at the end of a header (`本年累计（万元）`, `累计增长(%)`); none with a
# digit in it (`本期(2022年)` gives a period, not a unit), nor a qualifier (`累计（不含农户）`,
# `（现价）`): a bracket is a unit when `is_unit` knows it, or when it is the plan's unit.
_BRACKET = re.compile(r"\(([^()]*)\)$")
MAX_BRACKETS = 3
"""A header's trailing brackets read (`增速(%)(累计)` has two); more stay in its word."""
_UNIT_LINE = re.compile(r"^(?:计量)?单位:(.+)$")
_SCALE_WORDS = "(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千|百|十)"
_BASE_UNITS = (  # a statistical table's units, after a scale word or not
    "元|美元|人民币|人次|人|户次|户|个|家|项|件|辆|台|套|间|张|床|所|座|处|条|栋|头|只|株|册"
    "|次|亩|公顷|平方米|平方公里|立方米|吨标准煤|标准煤|吨|公斤|斤|千瓦时|千瓦|度|公里|千米"
    "|米|标箱|年|天|月|小时|倍|微克"
)
_KNOWN_UNIT = re.compile(
    rf"(?:%|‰|个百分点|百分点|pp|{_SCALE_WORDS}|{_SCALE_WORDS}?(?:{_BASE_UNITS}))"
    # a rate (元/人, 吨标准煤/万元, 微克/立方米), per one thing or per 万元: `亿元/万人` lists two
    rf"(?:/(?:万元|{_BASE_UNITS}))?"
)


def is_unit(text: str) -> bool:
    """A unit of a statistical table (%, 万元, 亿元, 万人, 个, 万平方米, 元/人…), not a
    qualifier such as 不含农户, 现价 or 可比价."""
    return _KNOWN_UNIT.fullmatch(_folded(text)) is not None


def listed_units(text: str) -> list[str]:
    """The units a 单位 line or a bracket lists, separated by 、，, ；; or / (NFKC folds the
    full-width forms): `亿元、万人` → [亿元, 万人]. A rate `is_unit` knows (`元/人`,
    `吨标准煤/万元`) is one unit; another slash gives its parts and, last, the whole: `亿元/万人`
    → [亿元, 万人, 亿元/万人], the whole being the plan's unit when the plan counts in a rate
    per 万人 (`件/万人`)."""
    units: list[str] = []
    for part in re.split(r"[,、;]", "".join(unicodedata.normalize("NFKC", text).split())):
        parts = [u for u in part.split("/") if u]
        if is_unit(part) or len(parts) < 2:
            units.append(part)
            continue
        units.extend(parts)
        if not any(_folded(unit) in _PERCENT for unit in parts):  # (亿元/% lists two)
            units.append(part)
    return [unit for unit in units if unit]


def _rate_of_units(text: str) -> bool:
    return "/" in text and all(is_unit(part) for part in text.split("/") if part)


def column_units(
    positions: Mapping[str, int], labels: Mapping[str, str], titles: Sequence[str]
) -> dict[str, ColumnUnit]:
    """The unit of each figure column (value, total, amount) a header's bracket or a 单位 line
    above the header states. A line naming a % and other units (`单位：亿元，%`) gives the % to
    the growth (value) column and the others to the total and amount columns, where the file
    has one; a line naming units without a % (`单位：万元`, `单位：亿元、万人`) gives them to
    every figure column, each row's figure being in the one its target counts in. A header's
    bracket wins; a bracket that names no unit (`累计（不含农户）`) is checked only against the
    plan's unit and its other scales."""
    from plancli.bulletin import TOTAL
    from plancli.safe import cell_shown

    figures = [c for c in ("value", TOTAL, "amount") if c in positions]
    units: dict[str, ColumnUnit] = {}
    for title in titles:
        line = _UNIT_LINE.match("".join(unicodedata.normalize("NFKC", title).split()))
        if line is None:
            continue
        named = list(dict.fromkeys(listed_units(line.group(1))))
        percent = [u for u in named if _folded(u) in _PERCENT]
        others = tuple(u for u in named if _folded(u) not in _PERCENT)
        amounts = [c for c in figures if c != "value"]
        given: dict[str, tuple[str, ...]] = dict.fromkeys(figures, tuple(named))
        if percent and others and amounts:
            given = {**dict.fromkeys(amounts, others), "value": (percent[0],)}
        for column, listed in given.items():
            if column in positions and listed:
                shown = _("{column} (by {line})").format(
                    column=cell_shown(labels[column]), line=cell_shown(title.strip())
                )
                units[column] = ColumnUnit(listed[0], shown, not percent, others=listed[1:])
        break
    for column in figures:
        brackets = header_brackets(labels[column])
        unit_lists = [units for _bracket, units in brackets if units]
        if unit_lists:  # one bracket naming units (`read_header` refused two that differ)
            listed = tuple(unit_lists[-1])
            units[column] = ColumnUnit(listed[0], cell_shown(labels[column]), others=listed[1:])
        elif brackets:  # qualifiers only: each is checked against the plan's other scales
            qualifiers = tuple(bracket for bracket, _units in reversed(brackets))
            units[column] = ColumnUnit(
                qualifiers[0], cell_shown(labels[column]), others=qualifiers[1:], known=False
            )
    return units


def header_brackets(label: str) -> list[tuple[str, list[str]]]:
    """The brackets at the end of a header (at most MAX_BRACKETS), in order, each with the
    units it names (none for a qualifier: `不含农户`, `现价`, `累计`): `增速(%)(累计)` →
    [(%, [%]), (累计, [])]. A bracket with a digit (`(2022年)`, a period) is left out."""
    text = "".join(unicodedata.normalize("NFKC", label).split())
    brackets: list[tuple[str, list[str]]] = []
    for _count in range(MAX_BRACKETS):
        bracket = _BRACKET.search(text)
        if bracket is None or bracket.start() == 0:
            break
        text = text[: bracket.start()]
        inner = bracket.group(1)
        if inner and not any(c.isdigit() for c in inner):
            named = [u for u in listed_units(inner) if is_unit(u) or _rate_of_units(u)]
            brackets.insert(0, (inner, list(dict.fromkeys(named))))
    return brackets


def two_unit_brackets(label: str) -> tuple[str, str] | None:
    """The first two brackets of a header that name different units (`本月止累计（亿元）（%）`):
    its figures are in one or the other, plancli cannot tell which (a two-row header pasted
    into one cell gives such a pair); None when at most one bracket names a unit (`增速(%)(累计)`:
    a unit and a qualifier) or they name the same."""
    named = [(bracket, units) for bracket, units in header_brackets(label) if units]
    for bracket, units in named[1:]:
        if set(units) != set(named[0][1]):
            return named[0][0], bracket
    return None


# ------------------------------------------------------------------ figures out of scale

SCALE_FACTOR = Decimal(500)
"""A year-to-date total (or a growth target's amount) more than this many times the largest
figure plancli knows for it (the annual target, the baseline, the figure it revises) is warned
about (`scale_warning`). A figure typed in 万元 for 亿元 (人 for 万人) is 10,000 times the
right one; the smallest a year-to-date total is, a year's first month, is about a twelfth of
the year's figures, so even then the slip is some 800 times them: 500 catches it. A genuine
total hundreds of times its year's target, or last year's whole total, is not seen."""


def scale_limit(target: AnyTarget) -> Decimal | None:
    """SCALE_FACTOR times the largest figure the plan gives for the target's total (or amount):
    a figure at most this large is not warned about, whatever the figure it revises; None for a
    target whose figure is no total (a level, a growth %); 0 when the plan gives none."""
    if target.kind != "cumulative" and not target.has_amount:
        return None  # asked for each target of a million-row import: the cheap test first
    baseline = target.baseline.value if target.baseline is not None else None
    figures: tuple[Decimal | None, ...]
    if target.kind == "cumulative":
        figures = (target.around, target.min, target.max, baseline)
    elif target.has_amount:
        figures = (baseline,)
    else:
        return None
    known = [abs(figure) for figure in figures if figure is not None]
    return SCALE_FACTOR * max(known) if known else Decimal(0)


def scale_warning(
    target: AnyTarget, period: str, figure: Decimal | None, revised: Decimal | None
) -> str | None:
    """A total (or amount) `figure` more than SCALE_FACTOR times the largest of the figures
    plancli knows for it — the plan's (`scale_limit`) and `revised`, the figure in force it
    revises — saying the likely slip (万元 for 亿元); imported or recorded as given."""
    limit = scale_limit(target)
    if limit is None or figure is None or figure <= limit:
        return None
    from plancli.fmt import num

    unit = target.unit.strip()
    baseline = target.baseline
    references: list[tuple[Decimal, str]] = []
    bound = next((f for f in (target.around, target.min, target.max) if f is not None), None)
    if target.kind == "cumulative" and bound is not None:
        text = _("the annual target ({figure} {unit})")
        references.append((abs(bound), text.format(figure=num(bound), unit=unit)))
    if baseline is not None and baseline.value is not None:
        text = _("{year}'s {figure} {unit}")
        shown = text.format(year=baseline.year, figure=num(baseline.value), unit=unit)
        references.append((abs(baseline.value), shown))
    if revised is not None:
        text = _("the figure it revises ({figure} {unit})")
        references.append((abs(revised), text.format(figure=num(revised), unit=unit)))
    if not references:
        return None
    largest, reference = max(references, key=lambda item: item[0])
    if largest.is_zero() or figure <= SCALE_FACTOR * largest:
        return None
    fields = {
        "target": target.id,
        "period": period,
        "figure": num(figure),
        "unit": unit,
        "times": f"{int(figure / largest):,}",
        "reference": reference,
    }
    if target.kind == "cumulative":
        fields["what"] = f"{num(figure)} {unit}"
    else:
        fields["what"] = _("the amount {figure} {unit}").format(figure=num(figure), unit=unit)
    # The unit 10,000 times smaller: 万元 for 亿元, 人 for 万人.
    smaller = (
        f"万{unit[1:]}" if unit.startswith("亿") else unit[1:] if unit.startswith("万") else ""
    )
    if smaller:
        message = _(
            "{target} {period}: {what} is {times} times {reference}; given in {smaller}? "
            "({figure} {smaller} is {converted} {unit}; plancli does not convert, so it is "
            "read as {figure} {unit})"
        )
        converted = num((figure / 10_000).normalize())
        return message.format(**fields, smaller=smaller, converted=converted)
    return _(
        "{target} {period}: {what} is {times} times {reference}; check the figure (read as "
        "{figure} {unit})"
    ).format(**fields)


def out_of_scale(plan: AnyPlan, record: AnyRecord, previous: AnyRecord | None) -> list[str]:
    """`bulletin_units.scale_warning` of a record's total (or amount), as a list; and a stock
    below its opening (`below_opening`)."""
    target = plan.target(record.target)
    if target is None:
        return []
    figure: Decimal | None
    opening = target.opening if target.kind == "cumulative" else None
    if opening is not None and record.value is not None and record.value < opening:
        return [below_opening(target, record.period, record.value)]
    if target.kind == "cumulative":
        figure, revised = record.value, previous.value if previous is not None else None
    elif target.has_amount:
        figure, revised = record.amount, previous.amount if previous is not None else None
    else:
        return []
    warning = scale_warning(target, record.period, figure, revised)
    if warning is None:  # far above the plan, not hundreds of times it (audit Y D2)
        from plancli.total_slips import far_warning

        return far_warning(plan, record)
    return [warning]


def below_opening(target: AnyTarget, period: str, figure: Decimal) -> str:
    """A stock (`opening`: the records are the stock, 累计建成…) below the stock at the year's
    start: most likely the year's own figure written for the stock (the share of the year's 13
    tasks, not of all 141); recorded as given."""
    from plancli.fmt import num

    unit = target.unit.strip()
    return _(
        "{target} {period}: {figure} {unit} is below the stock at the year's start ({opening} "
        "{unit}): its figures are the stock, not the year's own part; check the figure"
    ).format(
        target=target.id,
        period=period,
        figure=num(figure),
        unit=unit,
        opening=num(target.opening) if target.opening is not None else "",
    )


# ------------------------------------------------------------ a % kept as a fraction


def percent_scale(target: AnyTarget) -> Decimal | None:
    """The size a target's % figures have, from the plan (its bound, else its baseline's), for
    the fraction warning; None when its figure is no percentage or the plan says nothing. A
    growth (or relative) target's figure is a % whatever its unit (the amount's, 亿元): its
    baseline's figure is then its growth, not its amount. A bound below 1 (正增长 is > 0)
    gives no size: the baseline's figure does when it is 1 or more, else the bound (0)."""
    growth = target.kind in ("growth", "relative")
    if not growth and target.unit.strip() not in ("%", "％"):
        return None
    bound = next((f for f in (target.around, target.min, target.max) if f is not None), None)
    baseline = target.baseline
    known = None
    if baseline is not None:
        known = baseline.growth if growth else baseline.value
    if bound is not None and (abs(bound) >= 1 or known is None or abs(known) < 1):
        return abs(bound)
    if known is not None:  # a bound of 0 (正增长, 不下降) says no size: last year's figure does
        return abs(known)
    return Decimal(100) if target.kind == "milestone" else None


def fraction_warning(
    target: AnyTarget, period: str, value: str | Decimal | int | float, scale: Decimal
) -> str | None:
    """A % figure (a % target's, a growth's) given as a plain fraction below 1.5 (0.992, 0.052)
    where the plan's figures for it are more than ten times as large (优良率 ≥ 98, 增长 ≥ 7):
    most likely a share or a growth the sheet kept as a fraction, 99.2 %, 5.2 %. (Ten times:
    on a log scale, 100·v is then nearer the plan's figure than v is; a CPI rise of 0.8 %
    against 2 % is not warned.) A growth target whose plan gives no size (`scale` below 1:
    正增长 and no growth last year) is warned for a growth below 0.5 with two decimals or
    more (0.052), as bulletins publish growth to one. A negative figure of a target that is no
    growth is a change, not a share: not warned. Imported as given, with this warning."""
    if isinstance(value, str):
        # Cheap tests first: most % figures (95.3, 5%) fail them, and 100,000s are checked.
        if not value.lstrip("+-").startswith(("0.", "1.", ".")) or "%" in value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            return None
    elif isinstance(value, Decimal):
        number = value
        if number.as_tuple().exponent == 0 or not number.is_finite():
            return None
    else:
        return None
    if number.is_zero() or abs(number) >= Decimal("1.5") or number == number.to_integral():
        return None
    places = number.as_tuple().exponent
    from plancli.figure_words import rate_level

    # a rate of change kept as a level (居民消费价格涨幅, 2%左右) is published as a growth is:
    # CPI 0.1 % is a figure a bureau types, 10 % none (audit R, D12)
    growth = target.kind in ("growth", "relative") or rate_level(target)
    if growth and isinstance(places, int) and places > -2:
        return None  # a growth as published, one decimal: 2022's GDP grew 0.4 % in 二季度
    if number < 0 and not growth:
        return None  # a share or rate kept as a fraction is not negative: -0.2 is a change
    if growth and scale < 1:
        # The plan gives no size (正增长: > 0, and no growth last year): two decimals or more
        # below 0.5 is a fraction (0.052, from `=本期/上年同期-1`), as bulletins publish one.
        if abs(number) >= Decimal("0.5"):
            return None
    elif scale <= 10 * abs(number):
        return None
    from plancli.fmt import num
    from plancli.safe import visible

    return _(
        "{target} {period} = {value}: a fraction where the figure is in %; did you mean "
        "{percent} %? (read as {value} %)"
    ).format(target=target.id, period=visible(period), value=num(number), percent=num(number * 100))


def own_unit_column(
    position: int, positions: dict[str, int], labels: dict[str, str], at: Mapping[str, object]
) -> None:
    """A file's own English `unit` column read as its 单位 (`bulletin.read_header`); refused
    beside a 单位 column, as two columns would say one row's unit twice."""
    from plancli.bulletin import UNIT
    from plancli.errors import InputError
    from plancli.safe import cell_shown

    if UNIT in positions:
        raise InputError(
            _("{file}:{line}: columns {first} and {second} both mean {column}; keep one").format(
                **at, first=cell_shown(labels[UNIT]), second=cell_shown("unit"), column=UNIT
            )
        )
    positions[UNIT], labels[UNIT] = position, "unit"
