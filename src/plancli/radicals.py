"""Radicals that stand for whole characters in text copied out of a PDF.

Many Chinese PDFs map a glyph to a radical's code point, so their copied text reads 地区⽣产总值
增⻓ (KANGXI RADICAL LIFE for 生, CJK RADICAL C-SIMPLIFIED LONG for 长). NFKC reads the Kangxi
radicals (U+2F00–U+2FD5) as their ideographs; of the CJK Radicals Supplement, it reads none but
⺟ and ⻳. This table gives the supplement's radicals that stand for a whole character in running
text (the components such as 氵 or 亻 never stand alone in a report), and the two- and three-em
dashes a PDF gives for ——, one character for one. Used where names are compared
(`plan.fold_name`: a bulletin's row copied out of a PDF) and by `extract`'s parse form.
"""

from __future__ import annotations

RADICALS = dict(
    zip(
        "⺟⺠⻁⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳\u2e3a\u2e3b",
        "母民虎西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟——",
        strict=True,
    )
)
RADICAL_TABLE = str.maketrans(RADICALS)
