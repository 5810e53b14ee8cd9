"""A bulletin's units against the plan's: plancli never converts a figure, so a figure in
another scale of the plan's unit (万元 where the plan counts 亿元) is refused, and a unit
plancli cannot match is imported with a warning to check the figure. A unit is given by a
计量单位 column (each row's), by a figure column's header (`本年累计（万元）`) or by a `单位：万元`
line above the header (every row's, `column_units`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.plain import AnyTarget

_SCALES = "十百千万亿"  # 万元, 亿元: the same unit counted in another scale
_PERCENT = frozenset({"%", "百分比", "百分点", "pp"})


def _folded(unit: str) -> str:
    return "".join(unicodedata.normalize("NFKC", unit).split()).casefold()


def unit_check(target: AnyTarget, given: str, column: str | None = None) -> tuple[bool, str] | None:
    """None when the file's unit is the plan's (or a percentage, for a target whose figure is
    one); else (refused, message): refused for another scale of the plan's unit. `column`:
    the column the unit is stated for (its header, or the 单位 line's), as the message says."""
    from plancli.fmt import value_is_percent

    file_unit, plan_unit = _folded(given), _folded(target.unit)
    if not file_unit or file_unit == plan_unit:
        return None
    if file_unit in _PERCENT and (value_is_percent(target) or plan_unit == "%"):
        return None
    fields = {"target": target.id, "given": given.strip(), "unit": target.unit, "column": column}
    if file_unit.lstrip(_SCALES) == plan_unit.lstrip(_SCALES) and file_unit.lstrip(_SCALES):
        if column is not None:
            message = _(
                "{target}: column {column} is in {given} and the plan counts {unit}; plancli "
                "does not convert: give the figure in {unit}"
            )
        else:
            message = _(
                "{target}: the file's unit is {given} and the plan's {unit}; plancli does not "
                "convert: give the figure in {unit}"
            )
        return True, message.format(**fields)
    if column is not None:
        message = _(
            "{target}: column {column} is in {given} and the plan counts {unit}; check the figure"
        )
    else:
        message = _("{target}: the file's unit is {given} and the plan's {unit}; check the figure")
    return False, message.format(**fields)


@dataclass(frozen=True, slots=True)
class ColumnUnit:
    """The unit of a figure column, and how the file states it (for the message)."""

    unit: str
    column: str  # `'本年累计（万元）'`, or `'本年累计' (单位：万元)`
    table_wide: bool = False  # a 单位 line's one unit: the amounts', not a growth figure's


def column_check(target: AnyTarget, column: str, given: ColumnUnit) -> tuple[bool, str] | None:
    """`unit_check` of a figure of `column` (value, total, amount) in the unit its header or
    the 单位 line gives. A 单位 line naming one unit (`单位：万元`) is the unit of the table's
    amounts: a growth target's growth % (its value) is not in it."""
    if given.table_wide and column == "value" and target.has_amount:
        return None
    return unit_check(target, given.unit, given.column)


# A unit in brackets at the end of a header (`本年累计（万元）`, `累计增长(%)`); none with a
# digit in it (`本期(2022年)` gives a period, not a unit).
_BRACKET = re.compile(r"\(([^()0-9]+)\)$")
_UNIT_LINE = re.compile(r"^(?:计量)?单位:(.+)$")
_UNIT_SEPARATORS = re.compile(r"[,、;]")


def column_units(
    positions: Mapping[str, int], labels: Mapping[str, str], titles: Sequence[str]
) -> dict[str, ColumnUnit]:
    """The unit of each figure column (value, total, amount) a header's bracket or a 单位 line
    above the header states. A line naming one unit (`单位：万元`) gives it to every figure
    column; a line naming a % and another (`单位：亿元，%`) gives the % to the growth (value)
    column and the other to the total and amount columns, where the file has one; a line that
    cannot be shared out so (two money units) is not checked. A header's bracket wins."""
    from plancli.bulletin import TOTAL
    from plancli.imports_text import _shown

    figures = [c for c in ("value", TOTAL, "amount") if c in positions]
    units: dict[str, ColumnUnit] = {}
    for title in titles:
        line = _UNIT_LINE.match("".join(unicodedata.normalize("NFKC", title).split()))
        if line is None:
            continue
        named = [u for u in _UNIT_SEPARATORS.split(line.group(1)) if u]
        percent = [u for u in named if _folded(u) in _PERCENT]
        others = list(dict.fromkeys(u for u in named if _folded(u) not in _PERCENT))
        amounts = [c for c in figures if c != "value"]
        given: dict[str, str] = {}
        if len(named) == 1:
            given = dict.fromkeys(figures, named[0])
        elif len(others) == 1 and percent and amounts:
            given = {**dict.fromkeys(amounts, others[0]), "value": percent[0]}
        for column, unit in given.items():
            if column in positions:
                shown = _("{column} (by {line})").format(
                    column=_shown(labels[column]), line=_shown(title.strip())
                )
                units[column] = ColumnUnit(unit, shown, table_wide=len(named) == 1)
        break
    for column in figures:
        bracket = _BRACKET.search("".join(unicodedata.normalize("NFKC", labels[column]).split()))
        if bracket is not None:
            units[column] = ColumnUnit(bracket.group(1), _shown(labels[column]))
    return units
