"""A baseline level as the report states it (`baseline.value_text`), and its precision.

Reports state last year's GDP in the scale a reader takes in at a glance: 上海's
"全市生产总值达到5.67万亿元", 北京's "5.2万亿元", while the target counts in 亿元. The plan
gives the level in its own unit (`value = 56700`, which `validate --source` finds as the
report's 5.67万亿元) and keeps the report's words beside it (`value_text = "5.67万亿元"`):
the places the report states it to, in its own scale. 5.67万亿元 is 56700 ± 50 亿元 (half
its last place, 0.005万亿), 5.2万亿元 52000 ± 500 亿元; the growth the rest of the year
needs is then a range (`assess.core.rest_range`), not one figure (docs/assessing.md)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from plancli.i18n import N_

_STATED = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(\S*)")


def stated_level(text: str, unit: str) -> tuple[Decimal, Decimal] | None:
    """(the level in `unit`, half its last stated place in `unit`) of the report's `text`:
    `5.67万亿元` for 亿元 is (56700, 50), `9.2万元` for 元 (92000, 500), `8500亿元` (8500, 0.5);
    None for text that is no figure of `unit` or of another scale of it (`5.67万吨` for 亿元)."""
    folded = unicodedata.normalize("NFKC", text).strip()
    match = _STATED.fullmatch(folded)
    if match is None:
        return None
    number, given = match.groups()
    own = "".join(unicodedata.normalize("NFKC", unit).split())
    figure = Decimal(number)
    exponent = figure.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite figure
    half = Decimal(5).scaleb(exponent - 1)
    if given in ("", own):
        return figure, half
    from plancli.figure_words import other_scale

    value, step = other_scale(number, given, own), other_scale(f"{half:f}", given, own)
    if value is None or step is None:
        return None
    return Decimal(value), Decimal(step)


def value_text_problem(value: Decimal | None, text: str | None, unit: str | None) -> None:
    """Raise the plan rule a baseline's `value_text` breaks: given without `value`, no figure
    of the target's unit, or another amount than `value` (5.67万亿元 beside value = 5670)."""
    if text is None or unit is None:
        return
    from plancli.file_types import PlanRule  # (pydantic's: the read commands do without it)

    if value is None:
        raise PlanRule(
            N_("value_text '{text}' needs value = … (the same level in {unit})"),
            text=text,
            unit=unit,
        )
    stated = stated_level(text, unit)
    if stated is None:
        raise PlanRule(
            N_(
                "value_text '{text}' is no level in {unit} (write it as the report "
                "does: 5.67万亿元)"
            ),
            text=text,
            unit=unit,
        )
    if stated[0] != value:
        raise PlanRule(
            N_("value_text '{text}' is {level} {unit}, not value = {value}"),
            text=text,
            level=f"{stated[0].normalize():f}",
            unit=unit,
            value=f"{value.normalize():f}",
        )
