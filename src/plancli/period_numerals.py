"""A period's year and months in Chinese numerals, as a formal document dates itself
(`二〇二二年六月`, `二〇二二年上半年`, `2022年一至六月`, `十二月`), read as the digits a bulletin
writes (`2022年6月`, `2022年上半年`, `2022年1至6月`, `12月`): before session 34 they were told
`malformed period … use YYYY-MM …`.

Only a year of four numerals before 年 and a month's number before 月 (or before the
至 of a span ending in 月) are read: a quarter keeps its numeral (`二季度` is the quarter alone,
`前三季度` the year to date: `periods.bulletin_period` tells them apart by it).

Session 35: a date's day too (`二〇二二年六月三十日`, read as `2022年6月30日` was: its month),
and a quarter's 季 without 度 (`2022年第2季`, `一季`, `前三季`) as 季度, whatever it then is:
`2022年第2季` is the quarter alone, as `2022年第2季度`; `Q5`-like numbers are named as none.

Session 37: the year at both ends in numerals (`二〇二二年一月至二〇二二年六月`, read as
`2022年1月至2022年6月` is: 2022-06), and `○` (U+25CB), often typed for `〇` (`二○二二年上半年`).
"""

from __future__ import annotations

import re

# ○ (U+25CB, a white circle) is what many type for 〇 (session 37: 二○二二年上半年 was malformed)
_NUMERAL = "〇○零一二三四五六七八九"
_DIGITS = str.maketrans(_NUMERAL, "000123456789")
_YEAR = re.compile(rf"(?<![{_NUMERAL}十])([{_NUMERAL}]{{4}})(?=年)")
_IN_MONTHS = re.compile(r"月(?:份|末|底|[0-9]{1,2}日)?(?:累计)?$")  # 六月, 一至六月份, 六月30日
_MONTH = re.compile(rf"(?<![0-9{_NUMERAL}十])([{_NUMERAL}十]{{1,3}})(?=月|[-~至到].*月)")
_DAY = re.compile(rf"(?<=月)([{_NUMERAL}十]{{1,3}})(?=日$)")  # 六月三十日: its day
_QUARTER_WORD = re.compile(rf"(?<=[0-9{_NUMERAL}十])季(?!度)")  # 第2季, 一季末, 前三季


def period_words(normal: str) -> str:
    """`normal` (folded: NFKC, no spaces) with its numerals in digits (`with_digits`) and a
    quarter's 季 as 季度 (`2022年第2季` → `2022年第2季度`); as it is when it has neither."""
    if normal.isascii():
        return normal
    return with_digits(_QUARTER_WORD.sub("季度", normal))


def with_digits(normal: str) -> str:
    """`normal` (folded: NFKC, no spaces) with a year and months in numerals written in digits;
    as it is when it has none."""
    if normal.isascii():
        return normal
    written = _YEAR.sub(lambda found: found[1].translate(_DIGITS), normal)
    written = _DAY.sub(lambda found: str(_number(found[1])), written)  # 三十日: 30日
    if _IN_MONTHS.search(written):
        written = _MONTH.sub(lambda found: str(_number(found[1])), written)
    return written


def _number(numerals: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20 (a month that is none, named as such)."""
    tens, ten, ones = numerals.partition("十")
    if not ten:
        return int(numerals.translate(_DIGITS))
    return int((tens or "1").translate(_DIGITS)) * 10 + int((ones or "0").translate(_DIGITS))


# In a title or a file's name (session 37): a year of four numerals before 年, a month's
# number before 月, a span's first month before its 至 (`二〇二二年一至六月主要经济指标`).
_TITLE_SPAN = re.compile(
    rf"(?<![0-9{_NUMERAL}十])([{_NUMERAL}十]{{1,3}})(?=[-~〜—–至到][{_NUMERAL}十]{{1,3}}月)"
)
_TITLE_MONTH = re.compile(rf"(?<![0-9{_NUMERAL}十])([{_NUMERAL}十]{{1,3}})(?=月)")


def title_digits(text: str) -> str:
    """A title or a file's name (`官渡区二〇二二年一至六月主要经济指标`) with the year and months
    it writes in numerals in digits (`官渡区2022年1至6月主要经济指标`), so that its year and
    period are read as in digits; a 2021 bulletin titled `二〇二一年` was read in the plan's
    year. As it is when it has none."""
    if text.isascii():
        return text
    written = _YEAR.sub(lambda found: found[1].translate(_DIGITS), text)
    written = _TITLE_SPAN.sub(lambda found: str(_number(found[1])), written)
    return _TITLE_MONTH.sub(lambda found: str(_number(found[1])), written)
