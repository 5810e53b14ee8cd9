"""Radicals that stand for whole characters in text copied out of a PDF.

Many Chinese PDFs map a glyph to a radical's code point, so their copied text reads 地区⽣产总值
增⻓ (KANGXI RADICAL LIFE for 生, CJK RADICAL C-SIMPLIFIED LONG for 长). NFKC reads the Kangxi
radicals (U+2F00–U+2FD5) as their ideographs; of the CJK Radicals Supplement, it reads none but
⺟ and ⻳. This table gives the supplement's radicals that stand for a whole character in running
text (the components such as 氵 or 亻 never stand alone in a report), and the two- and three-em
dashes a PDF gives for ——, one character for one. Used where names are compared
(`name_keys.fold_name`: a bulletin's row copied out of a PDF), in the owners (牵头单位) a database
ledger enforces (`radical_free`), and by `extract`'s parse form.
"""

from __future__ import annotations

import unicodedata

RADICALS = dict(
    zip(
        "⺟⺠⻁⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳\u2e3a\u2e3b",
        "母民虎西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟——",
        strict=True,
    )
)
RADICAL_TABLE = str.maketrans(RADICALS)

KANGXI = range(0x2F00, 0x2FD6)  # NFKC reads each as its ideograph: ⼯ (U+2F2F) is 工


def _character(radical: str) -> str:
    if ord(radical) in KANGXI:
        return unicodedata.normalize("NFKC", radical)
    return RADICALS.get(radical, radical)


def radical_free(text: str) -> str:
    """`text` with a PDF's radicals read as the characters they stand for and nothing else
    changed: a department's name copied from a report's 责任分工 (⼯信局 is 工信局), compared
    with the one typed for `ledger grant`."""
    if text.isascii():
        return text
    return "".join(_character(c) for c in text)


def radicals_in(text: str) -> list[str]:
    """Each radical of `text`, said so that two names alike on screen are told apart:
    `⼯ is U+2F2F, a PDF's radical for 工`."""
    from plancli.i18n import _

    found = dict.fromkeys(c for c in text if _character(c) != c)
    return [
        _("{radical} is U+{code}, a PDF's radical for {character}").format(
            radical=c, code=f"{ord(c):04X}", character=_character(c)
        )
        for c in found
    ]


def told_apart(name: str) -> str:
    """A department's name as a message prints it: with its radicals said, if it has any
    (`⼯信局 (⼯ is U+2F2F, a PDF's radical for 工)`), so it is not read as 工信局."""
    from plancli.safe import clip  # a 5,000-character owner is shown by its beginning

    found = radicals_in(name)
    shown = clip(name)
    return f"{shown} ({'; '.join(found)})" if found else shown
