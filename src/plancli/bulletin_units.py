"""A bulletin's 计量单位 column against the plan's unit: plancli never converts a figure, so
a figure in another scale of the plan's unit (万元 where the plan counts 亿元) is refused, and
a unit plancli cannot match is imported with a warning to check the figure."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.plain import AnyTarget

_SCALES = "十百千万亿"  # 万元, 亿元: the same unit counted in another scale
_PERCENT = frozenset({"%", "百分比", "百分点", "pp"})


def _folded(unit: str) -> str:
    return "".join(unicodedata.normalize("NFKC", unit).split()).casefold()


def unit_check(target: AnyTarget, given: str) -> tuple[bool, str] | None:
    """None when the file's unit is the plan's (or a percentage, for a target whose figure is
    one); else (refused, message): refused for another scale of the plan's unit."""
    from plancli.fmt import value_is_percent

    file_unit, plan_unit = _folded(given), _folded(target.unit)
    if not file_unit or file_unit == plan_unit:
        return None
    if file_unit in _PERCENT and (value_is_percent(target) or plan_unit == "%"):
        return None
    if file_unit.lstrip(_SCALES) == plan_unit.lstrip(_SCALES) and file_unit.lstrip(_SCALES):
        message = _(
            "{target}: the file's unit is {given} and the plan's {unit}; plancli does not "
            "convert: give the figure in {unit}"
        )
        return True, message.format(target=target.id, given=given.strip(), unit=target.unit)
    message = _("{target}: the file's unit is {given} and the plan's {unit}; check the figure")
    return False, message.format(target=target.id, given=given.strip(), unit=target.unit)
