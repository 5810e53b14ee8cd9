"""How an Excel number format shows a number: as a percentage, a date, or plainly, and to how
many decimals, so that `imports_xlsx` reads a cell as Excel shows it (docs/recording.md, "The
monthly sheet").

A formula's value is saved at full precision (`=C2/310.6*100-100` saves 6.5041854475209) and
shown by its cell's format (`0.0` shows 6.5): the person who filled the sheet saw, checked and
published 6.5, never the digits behind it, so a formula's figure is read rounded as its format
shows it (`shown_figure`). A number typed into a cell is the figure typed, and is read as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from plancli.fmt import num

SIGNIFICANT_DIGITS = 15


def excel_number(value: int | float) -> Decimal:
    """The number as Excel displays it: at most 15 significant digits, no float noise."""
    if isinstance(value, int):
        return Decimal(value)
    shortest = repr(value)  # the shortest decimal that reads back as this float
    if len(shortest) <= SIGNIFICANT_DIGITS and "e" not in shortest:
        # At most 14 digits: shown as it is (most figures; the quantizing below costs µs).
        return Decimal(shortest.removesuffix(".0"))
    exact = Decimal(shortest)
    if not exact.is_finite() or exact.is_zero():
        return exact
    quantum = Decimal(1).scaleb(exact.adjusted() + 1 - SIGNIFICANT_DIGITS)
    exponent, limit = exact.as_tuple().exponent, quantum.as_tuple().exponent
    if isinstance(exponent, int) and isinstance(limit, int) and exponent < limit:
        exact = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    return Decimal(num(exact))


# ------------------------------------------------------------------------ number formats


@dataclass(frozen=True, slots=True)
class _Shown:
    """How one section of a number format shows a number: as a percentage (scaled by 100
    for each `%`, or followed by a literal %), as a date, or plainly; and to how many
    decimals (`0.0` one, `#,##0` none; None for General, a scientific or a scaled format)."""

    percent_scale: int = 0
    literal_percent: bool = False
    date: bool = False
    decimals: int | None = None

    @property
    def percent(self) -> bool:
        return self.percent_scale > 0 or self.literal_percent


_PLAIN = _Shown()


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """A number format's sections: positive; negative; zero (a fourth is for text)."""

    sections: tuple[_Shown, ...]

    def shown(self, value: float) -> _Shown:
        count = len(self.sections)
        if count >= 3 and value == 0:
            return self.sections[2]
        if count >= 2 and value < 0:
            return self.sections[1]
        return self.sections[0]


GENERAL = NumberFormat((_PLAIN,))
# Built-in formats (ECMA-376 §18.8.30) that are not shown plainly: 9 and 10 are 0% and
# 0.00%; 14-22 and 45-47 dates and times; 27-36 and 50-58 the dates of the East Asian
# locales (a Chinese Excel writes yyyy"年"m"月" as built-in 31). 1-4 and 37-40 fix the
# decimals: 0, 0.00, #,##0, #,##0.00 and the accounting forms of the last two.
_BUILTIN_PERCENT = {9: "0%", 10: "0.00%"}
_BUILTIN_DATES = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_BUILTIN_DECIMALS = {1: 0, 2: 2, 3: 0, 4: 2, 37: 0, 38: 0, 39: 2, 40: 2}
_ELAPSED = re.compile(r"^(h+|m+|s+)$", re.IGNORECASE)
_PLACES = "0#?"


class _Section:
    """What is known of the section being read: its percent signs, dates and decimals."""

    def __init__(self) -> None:
        self.percent, self.literal, self.date = 0, False, False
        self.digits = False  # a digit placeholder seen: the section shows a number
        self.point = False  # the decimal point seen
        self.places = 0  # digit placeholders after it
        self.fixed = True  # False: scientific (0.0E+00) or scaled by a trailing comma (0.0,)
        self.last = ""  # the last character that was a format character

    def done(self) -> _Shown:
        decimals = self.places if self.digits and self.fixed and not self.date else None
        return _Shown(self.percent, self.literal, self.date, decimals)


def parse_number_format(code: str) -> NumberFormat:
    """What a format code does to the numbers it shows (sections split at unquoted `;`)."""
    sections: list[_Shown] = []
    section = _Section()
    i, length = 0, len(code)
    while i < length:
        char = code[i]
        if char == '"':  # a literal string: "%" is text, not a scaling percent
            end = code.find('"', i + 1)
            end = length if end < 0 else end
            section.literal = section.literal or "%" in code[i + 1 : end]
            i = end + 1
        elif char == "\\":  # one literal character
            section.literal = section.literal or code[i + 1 : i + 2] == "%"
            i += 2
        elif char in "_*":  # a space as wide as, or a fill with, the next character
            i += 2
        elif char == "[":  # a colour, a condition, a locale; [h] [mm] [ss] are elapsed time
            end = code.find("]", i + 1)
            end = length if end < 0 else end
            section.date = section.date or bool(_ELAPSED.match(code[i + 1 : end]))
            i = end + 1
        elif char == ";":
            sections.append(section.done())
            section = _Section()
            i += 1
        elif code.startswith(("General", "general", "GENERAL"), i):
            section.fixed = False
            i += 7
        else:
            if char == "%":
                section.percent += 1
            elif char in "eE" and code[i + 1 : i + 2] in ("+", "-"):
                section.fixed = False
            elif char in "dDmMyYhHsS":
                section.date = True
            elif char in _PLACES:
                section.digits = True
                section.places += section.point
            elif char == ".":
                section.point = True
            elif char == "," and section.last in _PLACES and code[i + 1 : i + 2] in ("", *"_ );"):
                section.fixed = False  # 0.0, shows thousands
            section.last = char
            i += 1
    sections.append(section.done())
    return NumberFormat(tuple(sections[:3]))


def _builtin_format(number_format_id: int) -> NumberFormat:
    if number_format_id in _BUILTIN_PERCENT:
        return parse_number_format(_BUILTIN_PERCENT[number_format_id])
    if number_format_id in _BUILTIN_DATES:
        return NumberFormat((_Shown(date=True),))
    if number_format_id in _BUILTIN_DECIMALS:
        return NumberFormat((_Shown(decimals=_BUILTIN_DECIMALS[number_format_id]),))
    return GENERAL


def shown_figure(value: float, shown: _Shown) -> Decimal | None:
    """A formula's value as its cell shows it: rounded to the format's decimals, half away
    from zero as Excel rounds (a percentage's two more: 0.0650418 under `0.0%` is 0.065,
    shown 6.5%); None when the format does not fix them (General)."""
    if shown.decimals is None:
        return None
    number = excel_number(value)
    places = shown.decimals + 2 * shown.percent_scale
    try:
        return Decimal(num(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)))
    except InvalidOperation:  # beyond a decimal's precision: far beyond any figure
        return None


MAX_PLACES = 10
"""The decimals a figure may have (docs/recording.md, "Numbers are exact decimals")."""


class Unrounded(float):
    """A formula's value with more decimals than plancli keeps (`MAX_PLACES`), in a cell whose
    format shows it in full (General): which of its digits the sheet means is not known, so a
    figure column refuses it naming the cell and the formula (`refusal`)."""

    __slots__ = ("formula",)
    formula: str

    def refusal(self, ref: str) -> str:
        from plancli.i18n import _
        from plancli.imports import visible

        formula = visible(self.formula)
        return _(
            "cell {ref} holds the formula ={formula}, whose value {value} has more than {places} "
            "decimals and a format that shows every one (General); give the cell a number "
            "format with the decimals the table shows (0.0), or round it: =ROUND({formula},1)"
        ).format(ref=ref, formula=formula, value=num(excel_number(self)), places=MAX_PLACES)


def formula_figure(value: float, shown: _Shown, formula: str) -> float:
    """A formula's number as its cell shows it (`shown_figure`); a value its format shows in
    full that has more decimals than plancli keeps is `Unrounded`."""
    figure = shown_figure(value, shown)
    if figure is not None:
        return float(figure)
    exponent = excel_number(value).as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        unrounded = Unrounded(value)
        unrounded.formula = formula
        return unrounded
    return value
