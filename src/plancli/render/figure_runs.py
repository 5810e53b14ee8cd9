"""What a narrow line never parts in a figure (`runs.breaks`): a unit with a slash
(`微克/立方米`, `元/吨`, `万元/人`), one run alone or after its figure (北京's pm25 broke as
`…29微克/` over `立方米左右` in `show`, `（≤30.45微克/立` over `方米）` in a `gap` card at 40
columns); a figure, its unit after a space and a bound's sign before it (`≈ 5 %, judged ≥
4.5` over `%`, `show gdp` at 40 columns; `judged ≥` over `4.5 %`); a unit's slash, which is
no figure's `/` before its bound (`after_slash`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len

from plancli.unit_words import UNITS

_PER = sorted({*UNITS, "克", "千克", "公斤", "毫克", "微克", "升"} - {"个百分点"}, key=len)
PER_UNIT = "|".join(map(re.escape, reversed(_PER)))  # a unit, longest first
SLASH_UNIT = rf"[万亿千]?(?:{PER_UNIT})/(?:{PER_UNIT})"
SIGNS = "≈≥≤<>~±"  # a bound's sign before its figure (`≥ 4.5 %`)
_AFTER_FIGURE = rf"(?:{SLASH_UNIT}|%|％|‰|pp|{PER_UNIT}|个百分点|百分点)"


def figure_words(closing: str) -> re.Pattern[str]:
    """A word, as where a line may break: at a space, but `≥ 4.5 %,` and `29 微克/立方米，`
    are words, the `closing` punctuation after the unit with them. What follows a unit without
    a space (`按` in `微克/立方米，按`) is a word of its own, no space before it."""
    return re.compile(
        rf"(?:(?<!\S)[{SIGNS}]{{1,2}} (?=[-+−]?\d))?\S+?"
        rf"(?:(?<=\d) {_AFTER_FIGURE}[{re.escape(closing)},;:.]*(?![A-Za-z0-9])|(?=\s|$))"
    )


_SPACED = re.compile(r"\S+")
_UNIT_SLASHES = re.compile(SLASH_UNIT)


def after_slash(plain: str) -> int:
    """Where a figure against its bound (`31.5/≈29微克/立方米`) may break: after its `/`, the
    first one outside a unit with a slash; 0 where there is none. A bound alone whose unit has
    one (`≈ 29微克/立方米（≤30.45微克/立方米）`, `status`'s target) broke as `≈ 29微克/` over
    `立方米（…）` in its column (北京's pm25, 54–64 columns, session 42)."""
    units = [m.span() for m in _UNIT_SLASHES.finditer(plain)]
    for at, char in enumerate(plain):
        if char == "/" and not any(start <= at < end for start, end in units):
            return at + 1
    return 0


def line_words(words: re.Pattern[str], plain: str, width: int) -> Iterator[re.Match[str]]:
    """`plain`'s `words`, one wider than a line as its words between spaces: `1350.97 亿斤)`
    in 12 cells is `1350.97` over `亿斤)`, not `1350.97 亿` over `斤)` (河南's gap at 50)."""
    for word in words.finditer(plain):
        if " " in word.group() and cell_len(word.group()) > width:
            yield from _SPACED.finditer(plain, word.start(), word.end())
        else:
            yield word


# (as `runs` reads a word: `≥ 4.5 %,` with the punctuation after it)
_LEAST_WORD = figure_words("）)，。、；：！？”’》】」")


def least_words(text: str) -> list[str]:
    """The words a narrow column keeps whole: a figure with its sign and unit (`≈ 29 微克/立方
    米`, `125 亿元`), any other word between spaces; a bracketed edge (`(≤30.45 微克/立方米)`)
    its words between spaces, as it goes under the card's line there (`cards._edge_under`).
    Counted word by word, `125` over `亿元` in `gap`'s card at 40 columns (官渡's
    external_funds, English: session 43)."""
    out: list[str] = []
    for word in _LEAST_WORD.finditer(text):
        found = word.group()
        out += found.split() if found[:1] in "(（" else [found]
    return out
