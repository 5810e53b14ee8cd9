"""Chinese numerals as the reports write them: 十件, 两成, 三个, 二〇二六年 → exact numbers.

Written here rather than taken from PyPI: cn2an (the best-known library) costs 210 ms to import
(its `proces` dependency loads traditional-to-simplified tables), returns floats, warns through
`warnings` on text it cannot read, and turns "1.2万" into 12000, which the plan must never do
(figures keep the report's units: 1.2 with unit 万人). The reports need only small integer
numerals before a measure word and digit-by-digit years; both fit in the functions below.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG_UNITS)


def chinese_integer(text: str) -> int | None:
    """The integer a Chinese numeral writes, or None if `text` is not one.

    十 → 10, 十五 → 15, 二十三 → 23, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000;
    a run of digits alone reads digit by digit (二〇二六 → 2026).
    """
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        if text[0] in "零〇○":
            return None
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = section = 0
    digit: int | None = None
    last_unit = 10**12
    for ch in text:
        if ch in DIGITS:
            if DIGITS[ch] == 0:
                continue  # 一百零五: the zero only says a unit is skipped
            if digit is not None:
                return None  # 二三十: two digits in a row are not a numeral
            digit = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None  # 十百: units must fall
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            big = BIG_UNITS[ch]
            section += digit or 0
            if section == 0:
                return None
            total += section * big
            section, digit, last_unit = 0, None, 10**12
    return total + section + (digit or 0)


# 提高半个百分点: 半 is the figure of a change in 百分点 (0.5), in the change forms only
# (forms.CHANGE, work_forms.QUANTITY: before 个百分点); no digits fit in its one character
HALF = r"半(?=\s*个百分点)"


def change_figure(text: str) -> Decimal:
    """A change form's figure as written: its digits, or 半 (半个百分点) as 0.5."""
    return Decimal("0.5") if text == "半" else Decimal(text)


def chinese_number(text: str) -> Decimal | None:
    """`chinese_integer` as a Decimal (the plan's figures are Decimals)."""
    value = chinese_integer(text)
    return None if value is None else Decimal(value)


# Figures a news wire spells out (增长百分之十点七, 二千零一十五亿元): a percentage after 百分之
# (per mille after 千分之),
# an amount before a unit of money, people or weight, with 点 for the decimal point.
_SPELLED_DIGITS = "零〇○一二两三四五六七八九"
_SPELLED = re.compile(
    rf"(?P<percent>百分之|千分之)?(?P<number>(?:[{_SPELLED_DIGITS}十百千]|万(?!亿))+"
    rf"(?:点[{_SPELLED_DIGITS}]+)?)(?P<more>多)?"
    r"(?(percent)|(?=亿元|万亿元|亿美元|万元|万人|万吨|亿斤|万亿斤|个百分点))"
)
# a change in 百分点 spelled out (提高一个百分点, 提高两个百分点, 下降零点五个百分点): one numeral
# is a figure there, after a verb of change only (not 每一个百分点, a rule's step)
_CHANGE_VERB = re.compile(r"(?:提升|提高|增加|上升|下降|降低|减少|削减|回落)$")


# The top of a spelled range of percentages (百分之八至九, 百分之四至百分之五): after a
# percentage's numeral, the word between and the top's numeral.
_SPELLED_TOP = re.compile(
    rf"(?P<dash>至|到|—|-)(?:百分之)?(?P<number>[{_SPELLED_DIGITS}十]+(?:点[{_SPELLED_DIGITS}]+)?)"
)


def _spelled_value(number: str) -> str | None:
    """A spelled numeral's digits (十二点三 → 12.3), or None."""
    whole, _, fraction = number.partition("点")
    value = chinese_integer(whole)
    if value is None or any(ch not in _SPELLED_DIGITS for ch in fraction):
        return None
    digits = str(value)
    if fraction:
        digits += "." + "".join(str(DIGITS[ch]) for ch in fraction)
    return digits


# A year a news wire spells digit by digit (二〇一〇年, and 二0一0年 where a copy set the zero as
# a digit): four characters, so its digits take its place exactly.
_SPELLED_YEAR = re.compile(
    r"(?<![〇○零0-9一二三四五六七八九])(?:二[〇○零0]|一九)[〇○零0一二三四五六七八九]{2}(?=年)"
)


# A copy's ideographic full stop for a decimal point (失业率4。6%以内): between digits, before
# a percentage.
_STOP_POINT = re.compile(r"(?<=\d)。(?=\d{1,2}\s*[%‰])")


# 突破一万亿元: one digit before 万亿元 after a verb of amounts is a figure (1, unit 万亿元)
_ONE_BIG = re.compile(
    r"[一二两三四五六七八九](?=万亿元)(?<=(?:突破|达到|超过)[一二两三四五六七八九])"
)


def _year_digits(match: re.Match[str]) -> str:
    return "".join(ch if ch.isdigit() else str(DIGITS[ch]) for ch in match.group())


# 每立方米60微克, the unit before the figure: as 60微克/立方米, the same length
_PER_CUBIC_METRE = re.compile(r"每立方米(\d+(?:\.\d+)?)微克")


def spell_figures(parse: str) -> str:
    """`parse` with spelled-out figures as digits, right-aligned in the numeral's place and
    padded with spaces before, so every offset holds (增长百分之九 → 增长   9%; a numeral
    whose digits would not fit, 一百元, is left as it is); a spelled year as its digits
    (二〇一〇年 → 2010年), a full stop between a percentage's digits as its point (4。6%);
    a concentration's unit before its figure after it (每立方米60微克 → 60微克/立方米)."""
    if "每立方米" in parse:
        parse = _PER_CUBIC_METRE.sub(r"\1微克/立方米", parse)
    if "年" in parse:
        parse = _SPELLED_YEAR.sub(_year_digits, parse)
    if "。" in parse:
        parse = _STOP_POINT.sub(".", parse)
    if not any(unit in parse for unit in "十百千"):  # (个百分点 has its 百)
        return parse
    out: list[str] = []
    pos = 0
    for match in _SPELLED.finditer(parse):
        if match.start() < pos:
            continue  # (the top of a range already read)
        number = match.group("number")
        points = not match.group("percent") and parse.startswith("个百分点", match.end())
        if points and not _CHANGE_VERB.search(parse, max(0, match.start() - 2), match.start()):
            continue  # (每一个百分点: no change of the year's)
        if (
            not match.group("percent")
            and len(number) < 2
            and not points
            and not _ONE_BIG.match(parse, match.start())
        ):
            continue  # 十亿元 could be a figure, 万人 a word: two characters at least
        digits = _spelled_value(number)
        if digits is None:
            continue
        end = match.end()
        if match.group("percent"):
            sign = "%" if match.group("percent") == "百分之" else "‰"
            digits += sign
            top = _SPELLED_TOP.match(parse, end) if not match.group("more") else None
            top_digits = _spelled_value(top.group("number")) if top else None
            if top and top_digits is not None:
                # 百分之八至九 → 8%至9%, a range as the figures' ranges are written
                digits += top.group("dash") + top_digits + sign
                end = top.end()
        # 四百六十多亿元: more than 460, read as 460 (a floor); 多 is padded over like the rest
        size = end - match.start()
        if len(digits) > size:
            continue
        out.append(parse[pos : match.start()])
        out.append(digits.rjust(size))
        pos = end
    out.append(parse[pos:])
    return "".join(out)
