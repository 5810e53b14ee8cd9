"""How an Excel number format shows a number: as a percentage, a date, or plainly, and to how
many decimals, so that `imports_xlsx` reads a cell as Excel shows it (docs/recording.md, "The
monthly sheet").

A formula's value is saved at full precision (`=C2/310.6*100-100` saves 6.5041854475209) and
shown by its cell's format (`0.0` shows 6.5): the person who filled the sheet saw, checked and
published 6.5, never the digits behind it, so a figure is read as its format shows it
(`shown_figure`) — a formula's and a value's alike (a table pasted as values keeps the
formulas' full digits). A format that hides the number or shows it other than as a figure is
refused naming it (`Unshown`), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
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
    for each `%`, or followed by a literal %), as a date, or plainly; to how many decimals
    (`0.0` one, `#,##0` none; None for General); divided by 1000 for each scaling comma
    (`0.0,` shows thousands); its last `moved` digits after a literal point (`0!.0000` shows
    12345678 as 1234.5678: 万 as 亿); to `significant` digits (scientific, `0.0E+00`); or not
    as a figure at all (`unshown`: hidden by `;;;`, text only, or a layout plancli does not
    read), `code` naming the format in a refusal."""

    percent_scale: int = 0
    literal_percent: bool = False
    date: bool = False
    decimals: int | None = None  # (None and no `significant`, `unshown`: shown in full)
    commas: int = 0
    moved: int = 0
    significant: int | None = None
    unshown: str | None = None
    code: str = "General"

    @property
    def percent(self) -> bool:
        return self.percent_scale > 0 or self.literal_percent


_PLAIN = _Shown()
HIDDEN, TEXT, UNREAD = "hidden", "text", "unread"


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """A number format's sections: positive; negative; zero (a fourth is for text)."""

    sections: tuple[_Shown, ...]
    # [>=10000]0!.0,"万";0 — each section's condition, when the format has any
    conditions: tuple[tuple[str, float] | None, ...] = ()

    def shown(self, value: float) -> _Shown:
        if self.conditions:
            return self._conditional(value)
        count = len(self.sections)
        if count >= 3 and value == 0:
            return self.sections[2]
        if count >= 2 and value < 0:
            return self.sections[1]
        return self.sections[0]

    def _conditional(self, value: float) -> _Shown:
        """Excel's rule: the first section whose condition holds; a section without one takes
        the rest (the third, after two conditions). A negative number, or a layout plancli
        does not know (a condition past the second section or not in the first), is refused."""
        unread = replace(self.sections[0], unshown=UNREAD)
        first, second = (*self.conditions, None, None)[:2]
        if value < 0 or first is None or any(c is not None for c in self.conditions[2:]):
            return unread
        for index, condition in enumerate((first, second)):
            if index >= len(self.sections):
                break
            if condition is None or _holds(condition, value):
                return self.sections[index]
        return self.sections[2] if len(self.sections) > 2 else unread


_CONDITION = re.compile(r"^(<=|>=|<>|<|>|=)\s*([+-]?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)$")


def _holds(condition: tuple[str, float], value: float) -> bool:
    operator, threshold = condition
    return {
        "<": value < threshold,
        ">": value > threshold,
        "=": value == threshold,
        "<=": value <= threshold,
        ">=": value >= threshold,
        "<>": value != threshold,
    }[operator]


GENERAL = NumberFormat((_PLAIN,))
# Built-in formats (ECMA-376 §18.8.30) that are not shown plainly: 9 and 10 are 0% and
# 0.00%; 14-22 and 45-47 dates and times; 27-36 and 50-58 the dates of the East Asian
# locales (a Chinese Excel writes yyyy"年"m"月" as built-in 31). The others by their code.
_BUILTIN_DATES = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_BUILTIN_CODES = {
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);\\("$"#,##0\\)',
    6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
    7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
    8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
    48: "##0.0E+0",
    49: "@",
}
_ELAPSED = re.compile(r"^(h+|m+|s+)$", re.IGNORECASE)
_PLACES = "0#?"
_MAGNITUDES = ("万", "亿", "千", "百")
_AFTER_GENERAL = ';"[\\_*'  # what ends a General's name in another language


class _Section:
    """What is known of the section being read: its percent signs, dates, digits and what
    lies between them."""

    def __init__(self) -> None:
        self.percent, self.literal, self.date = 0, False, False
        self.empty = True  # nothing shown: `;;;` hides the number
        self.general = self.text = False  # General; @ (a number in a text format: General)
        self.digits = False  # a digit placeholder seen: the section shows a number
        self.point = False  # the decimal point seen
        self.integers = self.places = 0  # digit placeholders before and after it
        self.commas = 0  # scaling commas (0.0, shows thousands; 0.0,, millions)
        self.moved = 0  # digit placeholders after a literal point (0!.0000)
        self.moved_zeros = True  # …all of them 0 (# or ? would not show its zeros)
        self.literal_point = False
        self.exponent = self.scientific = False  # in the exponent of 0.0E+00
        self.gap = False  # text shown after a digit placeholder
        self.interleaved = False  # …and a digit placeholder after it (# ?/?, 000-0000)
        self.last = ""  # the last character that was a format character
        self.magnitude = False  # shows 万, 亿, 千 or 百 (0!.0,"万": a unit of its own)

    def shows(self, text: str) -> None:
        """Text the section shows as it is."""
        self.empty = self.empty and not text
        self.literal = self.literal or "%" in text
        self.magnitude = self.magnitude or any(word in text for word in _MAGNITUDES)
        if self.digits and not self.exponent and text:
            if text == "." and not self.point and not self.literal_point:
                self.literal_point = True  # 0!.0000: the digits shown with a point between
            else:
                self.gap = True

    def placeholder(self, char: str) -> None:
        self.empty = False
        if self.exponent:
            return  # the exponent's digits
        self.interleaved = self.interleaved or self.gap
        self.digits = True
        if self.point:
            self.places += 1
        elif self.literal_point:
            self.moved += 1
            self.moved_zeros = self.moved_zeros and char == "0"
        else:
            self.integers += 1

    def done(self, code: str) -> _Shown:
        def unshown(reason: str) -> _Shown:
            return _Shown(self.percent, self.literal, unshown=reason, code=code)

        if self.empty:
            return unshown(HIDDEN)
        if self.general or (self.text and not self.digits):
            return _Shown(self.percent, self.literal, code=code)
        if self.date:
            return _Shown(self.percent, self.literal, date=True, code=code)
        if not self.digits:
            return unshown(TEXT)
        if self.interleaved or (self.literal_point and (self.point or not self.moved_zeros)):
            return unshown(UNREAD)
        if self.magnitude and (self.commas or self.moved):  # 62.3万 of 元: not the column's unit
            return unshown(UNREAD)
        if self.scientific:
            if self.integers != 1 or self.commas or self.literal_point:
                return unshown(UNREAD)  # engineering notation (##0.0E+0) and the like
            return _Shown(self.percent, self.literal, significant=1 + self.places, code=code)
        return _Shown(
            self.percent,
            self.literal,
            decimals=self.places,
            commas=self.commas,
            moved=self.moved,
            code=code,
        )


def parse_number_format(code: str) -> NumberFormat:
    """What a format code does to the numbers it shows (sections split at unquoted `;`)."""
    sections: list[_Shown] = []
    conditions: list[tuple[str, float] | None] = []
    condition: tuple[str, float] | None = None
    section = _Section()
    i, length = 0, len(code)
    while i < length:
        char = code[i]
        if char == '"':  # a literal string: "%" is text, not a scaling percent
            end = code.find('"', i + 1)
            end = length if end < 0 else end
            section.shows(code[i + 1 : end])
            i = end + 1
        elif char in "\\!":  # one literal character
            section.shows(code[i + 1 : i + 2])
            i += 2
        elif char in "_*":  # a space as wide as, or a fill with, the next character
            section.shows(" ")
            i += 2
        elif char == "[":  # a colour, a condition, a locale; [h] [mm] [ss] are elapsed time
            end = code.find("]", i + 1)
            end = length if end < 0 else end
            inside = code[i + 1 : end]
            if _ELAPSED.match(inside):
                section.date = True
                section.empty = False
            elif inside.startswith("$"):  # [$€-407]: a currency symbol, shown
                section.shows(inside[1:].partition("-")[0])
            elif match := _CONDITION.match(inside.strip()):
                condition = (match.group(1), float(match.group(2)))
            i = end + 1
        elif char == ";":
            sections.append(section.done(code))
            conditions.append(condition)
            section, condition = _Section(), None
            i += 1
        elif code.startswith(("G/", "g/"), i):  # General in another language: G/通用格式
            section.general, section.empty = True, False
            i += 2
            while i < length and code[i] not in _AFTER_GENERAL:
                i += 1
        elif code.startswith(("General", "general", "GENERAL"), i):
            section.general, section.empty = True, False
            i += 7
        elif char in _PLACES:
            section.placeholder(char)
            section.last = char
            i += 1
        elif char == "," and section.last in _PLACES and section.digits:
            run = len(code[i:]) - len(code[i:].lstrip(","))
            following = code[i + run : i + run + 1]
            if following == ".":
                section.interleaved = True  # 0,.0: plancli does not guess which
            elif following not in _PLACES or following == "":
                section.commas += run  # 0.0, shows thousands; 0.0,, millions
            i += run
        elif char == "." and not section.exponent:
            if section.point or section.literal_point:
                section.shows(".")
            section.point, section.empty = True, False
            section.last = char
            i += 1
        elif char in "eE" and code[i + 1 : i + 2] in ("+", "-") and section.digits:
            section.scientific = section.exponent = True
            i += 2
        elif char == "%":
            section.percent += 1
            section.shows("")  # a scaling percent is shown after the digits
            section.empty = False
            section.gap = section.gap or section.digits
            i += 1
        elif char in "dDmMyYhHsS":
            section.date, section.empty = True, False
            i += 1
        elif char == "@":
            section.text, section.empty = True, False
            i += 1
        else:
            section.shows(char)  # $ - + / ( ) : space, and any other character shown
            section.last = char
            i += 1
    sections.append(section.done(code))
    conditions.append(condition)
    if not any(conditions):
        return NumberFormat(tuple(sections[:3]))
    return NumberFormat(tuple(sections[:3]), tuple(conditions[:4]))


def _builtin_format(number_format_id: int) -> NumberFormat:
    if number_format_id in _BUILTIN_DATES:
        return NumberFormat((_Shown(date=True),))
    code = _BUILTIN_CODES.get(number_format_id)
    return GENERAL if code is None else parse_number_format(code)


def shown_figure(value: float, shown: _Shown) -> Decimal | None:
    """A number as its cell shows it: a percentage's as a percentage (0.052 under `0.0%` is
    5.2); rounded to the format's decimals, half away from zero as Excel rounds; divided by
    1000 for each scaling comma (`#,##0.0,,`: 62345678901 is 62,345.7); its last digits after a
    literal point (`0!.0,`: 623456 is 62.3); to the significant digits of a scientific format
    (`0.0E+00`: 62345678901 is 6.2E+10). None when the format does not fix them (General)."""
    if shown.decimals is None and shown.significant is None:
        return None
    number = excel_number(value).scaleb(2 * shown.percent_scale - 3 * shown.commas)
    try:
        if shown.significant is not None:
            if number.is_zero():
                return Decimal(0)
            quantum = Decimal(1).scaleb(number.adjusted() + 1 - shown.significant)
        else:
            quantum = Decimal(1).scaleb(-(shown.decimals or 0))
        rounded = number.quantize(quantum, rounding=ROUND_HALF_UP).scaleb(-shown.moved)
        # the places it shows, as a figure typed or read from a CSV keeps them (12.0 under
        # `0.0`: it was 12, and 12.0 recorded from the CSV was then revised to 12; session 41)
        exponent = rounded.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:  # 6.2E+10: shown 62000000000
            return rounded.quantize(Decimal(1))
        return rounded.copy_abs() if rounded.is_zero() else rounded
    except InvalidOperation:  # beyond a decimal's precision: far beyond any figure
        return None


MAX_PLACES = 10
"""The decimals a figure may have (docs/recording.md, "Numbers are exact decimals")."""


class Unrounded(float):
    """A number with more decimals than plancli keeps (`MAX_PLACES`), in a cell whose format
    shows it in full (General): which of its digits the sheet means is not known, so a figure
    column refuses it naming the cell, and the formula if it is one (`refusal`)."""

    __slots__ = ("formula",)
    formula: str | None

    def refusal(self, ref: str) -> str:
        from plancli.i18n import _
        from plancli.imports import visible

        value = num(excel_number(self))
        if self.formula is None:
            return _(
                "cell {ref} holds {value}, which has more than {places} decimals and a format "
                "that shows every one (General); give the cell a number format with the "
                "decimals the table shows (0.0), or type the figure as the table shows it"
            ).format(ref=ref, value=value, places=MAX_PLACES)
        formula = visible(self.formula)
        return _(
            "cell {ref} holds the formula ={formula}, whose value {value} has more than {places} "
            "decimals and a format that shows every one (General); give the cell a number "
            "format with the decimals the table shows (0.0), or round it: =ROUND({formula},1)"
        ).format(ref=ref, formula=formula, value=value, places=MAX_PLACES)


class Unshown(float):
    """A number its cell's format does not show as a figure: hidden (`;;;`), shown as text
    only (`"达标"`), or laid out as plancli does not read a figure (`# ?/?`). Refused in any
    column plancli reads, naming the cell and the format (`refusal`): it is never guessed."""

    __slots__ = ("shown",)
    shown: _Shown

    def refusal(self, ref: str) -> str:
        from plancli.i18n import _
        from plancli.imports import visible
        from plancli.safe import cell_shown

        value, code = num(excel_number(self)), cell_shown(visible(self.shown.code))
        if self.shown.unshown == HIDDEN:
            return _(
                "cell {ref} holds {value}, which its number format {format} hides (Excel shows "
                "the cell empty), so plancli does not read it; clear the cell, or give it a "
                "number format that shows it (0.0)"
            ).format(ref=ref, value=value, format=code)
        if self.shown.unshown == TEXT:
            return _(
                "cell {ref} holds {value}, which its number format {format} shows as text, not "
                "as a figure; give the cell a number format that shows the figure (0.0)"
            ).format(ref=ref, value=value, format=code)
        return _(
            "cell {ref} holds {value}, which its number format {format} shows in a way plancli "
            "does not read as a figure; give the cell a plain number format (0.0)"
        ).format(ref=ref, value=value, format=code)


def cell_figure(value: float, shown: _Shown, formula: str | None) -> float | Decimal | str:
    """A number cell's figure as its format shows it, a typed value and a formula's alike
    (`shown_figure`, a Decimal, scaled as a percentage where the cell shows one); under a
    format that shows it in full (General), the value as saved, or `Unrounded` when it has
    more decimals than plancli keeps; `Unshown` when the format does not show it as a figure
    (a zero a section shows as text, the accounting formats' "-", is 0)."""
    if shown.decimals is None and shown.significant is None and shown.unshown is None:
        text = repr(value)  # General, nearly every cell: few decimals is the common answer
        if "e" not in text and len(text) - text.find(".") <= MAX_PLACES + 1:
            return value
    if shown.unshown is not None:
        if shown.unshown == TEXT and value == 0:
            return Decimal(0)
        if shown.unshown == TEXT and _class_shown(value, shown.code):
            # `"劣Ⅴ类"` on 6: a class as the report's xlsx shows it, read as the text it shows
            # (a class for a target in 类, refused for one in %: it was 2 % under `"Ⅱ类"`)
            return shown.code.strip()[1:-1]
        unshown = Unshown(value)
        unshown.shown = shown
        return unshown
    figure = shown_figure(value, shown)
    if figure is not None and shown.percent_scale == 1:
        from plancli.percent_cells import PercentShown

        percent = PercentShown(figure)  # 4.1 under 0.0%: read as 410 (percent_said)
        percent.stored, percent.shown = value, shown
        return percent
    if figure is not None:
        return figure
    exponent = excel_number(value).as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        unrounded = Unrounded(value)
        unrounded.formula = formula
        return unrounded
    return value


def _class_shown(value: float, code: str) -> bool:
    """Does the format show the water class the value is (`"Ⅱ类"` on 2, `"劣Ⅴ类"` on 6: the
    report's xlsx writes a class so, its value the number), the literal and nothing else?"""
    from plancli.unit_words import class_text

    literal = code.strip()
    if not (value.is_integer() and len(literal) > 2 and literal[0] == literal[-1] == '"'):
        return False
    return class_text(Decimal(int(value)), "类") == literal[1:-1]


def excel_date(serial: float, date1904: bool) -> datetime | None:
    """The date and time of a serial number, or None when Excel cannot show it as one."""
    if not 0 <= serial < 2_958_466:  # 9999-12-31 is Excel's last date
        return None
    if date1904:
        base = datetime(1904, 1, 1)
    elif serial < 60:  # before Excel's fictitious 29 February 1900
        base = datetime(1899, 12, 31)
    else:
        base = datetime(1899, 12, 30)
    return base + timedelta(milliseconds=round(serial * 86_400_000))
