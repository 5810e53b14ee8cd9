"""Spaces a copy puts into a report's words, read without: a site's between Chinese and
figures (增长 5% 左右, 6 . 5%) or Latin (15 万 P), and those left where a page's fixed-width
lines were joined (着力 发展新质生产力, 居 民收入增长, 节 能减排: one space every forty-odd
characters of a paragraph, inside words as often as not), read as a line break inside a
wrapped paragraph is."""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

# Spaces a site sets between Chinese and figures (增长 5% 左右, 新建 310 个) or inside a figure
# (6 . 5%): not the report's.
_FIGURE_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff\u2e80-\u2fdf])[ \u00a0\u2009\u202f]+(?=[\d０-９])"
    r"|(?<=[\d０-９%％])[ \u00a0\u2009\u202f]+(?=[\u4e00-\u9fff\u2e80-\u2fdf%％])"
    r"|(?<=\d)[ \u00a0]+(?=[.．][ \u00a0]*\d)"
    r"|(?<=\d[.．])[ \u00a0]+(?=\d)|(?<=\d [.．])[ \u00a0]+(?=\d)"
    # a space between a percentage's digits after its words (增长1 0 ％, a 1998 copy's): one
    # figure, not two (a table's row number before a cell's figure, 2 3%, stays apart)
    r"|(?<=[\u4e00-\u9fff][\d０-９])[ \u00a0](?=[\d０-９][ \u00a0]*[%％])"
    # the one space a typesetter sets between Chinese and Latin (LibreOffice's PDF: 15 万 P,
    # 新建 5G 基站): not the report's either
    r"|(?<=[\u4e00-\u9fff\u2e80-\u2fdf]) (?=[A-Za-z])"
    r"|(?<=[A-Za-z]) (?=[\u4e00-\u9fff\u2e80-\u2fdf])"
)

# Every digit of a figure spaced, after its words (a 1998 copy's 粮食总产量稳定在4 9 2 5 0 万吨,
# 今年再转5 0 0 亿元): one figure; each space inside the run is dropped.
_SPACED_DIGITS = re.compile(
    r"(?<=[\u4e00-\u9fff])[\d０-９](?:[ \u00a0][\d０-９])+(?=[ \u00a0]?[\u4e00-\u9fff%％．.])"
)

# One space between two characters of the text (not a run: runs set items or paragraphs apart).
_ONE_SPACE = re.compile(r"(?<=[^\s])[ \u00a0\u3000](?=[^\s])")
_LEAST = 4  # spaces that repeat at the wrap's width: a wrap (fewer may be a writer's)


def wrap_spaces(text: str, start: int, end: int) -> list[int]:
    """Where, in `text[start:end]` (one line), the single spaces a joined wrap left stand:
    most of them the same width apart (the page's line width, ±15 %, 20 characters at least),
    and four such gaps or more."""
    spaces = [m.start() for m in _ONE_SPACE.finditer(text, start, end)]
    if len(spaces) < _LEAST + 1:
        return []
    gaps = [b - a for a, b in pairwise(spaces)]
    width = median(gaps)
    near = [g for g in gaps if abs(g - width) <= max(4, width * 0.15)]
    if width < 20 or len(near) < _LEAST or len(near) < 0.6 * len(gaps):
        return []
    # (a space between two Latin letters is a word's: Made in China stays as written)
    return [p for p in spaces if not (_latin(text[p - 1]) and _latin(text[p + 1]))]


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


# A single space a justified line of a PDF sets between two Chinese characters or before a
# Chinese comma (LibreOffice's: 发展的协调性进一步 增强, 7.5%左右 ，, 自 主 创 新 、 结 构):
# in a wrapped text only, where no writer's spacing (a summary card's 目标 地区…) is.
_JUSTIFIED_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff\u3001-\u3003，；：、）”%％\d])[ \u00a0\u3000]"
    r"(?=[\u4e00-\u9fff，。；：、,;])"
)

# One space (half- or full-width) between two Chinese characters: no word of Chinese prose is
# spaced, so a copy's (增 长, 左　右, 主要预期 目标, 工作回 顾: a PDF justified with ideographic
# spaces, a hand-typed Word file) is read without, wrapped or not. Only in a line of prose (one
# with a clause's punctuation) or a heading cut once before no figure: a summary card sets its
# items apart with such spaces (主要预期目标 地区生产总值增长5%左右 城镇新增就业…).
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u00a0\u3000](?=[\u4e00-\u9fff])")
_PROSE = re.compile(r"[，。；、,;]")  # (not a colon: 摘要：<a card>)


def _cjk_spaces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    gaps = [(g.start(), g.end()) for g in _CJK_SPACE.finditer(text, start, end)]
    if not gaps or _PROSE.search(text, start, end):
        return gaps
    others = sum(1 for ch in text[start:end] if ch in " \u00a0\u3000\t") - len(gaps)
    if len(gaps) == 1 and not others and not re.search(r"\d", text[gaps[0][1] : end]):
        return gaps
    return []


def dropped_spaces(text: str, start: int, end: int, wrapped: bool = False) -> list[tuple[int, int]]:
    """The spans of spaces in `text[start:end]` (one line) to read without, in order: one
    between two Chinese characters in prose (`_cjk_spaces`); in a wrapped text (a PDF's copy)
    also a justified line's single spaces between Chinese and its punctuation."""
    figures = [(g.start(), g.end()) for g in _FIGURE_SPACE.finditer(text, start, end)]
    figures += [
        (run.start() + i, run.start() + i + 1)
        for run in _SPACED_DIGITS.finditer(text, start, end)
        for i, ch in enumerate(run.group(0))
        if ch in " \u00a0"
    ]
    if wrapped:
        figures += [(g.start(), g.end()) for g in _JUSTIFIED_SPACE.finditer(text, start, end)]
    figures += _cjk_spaces(text, start, end)
    spans: list[tuple[int, int]] = []
    for gap in sorted({*figures, *((w, w + 1) for w in wrap_spaces(text, start, end))}):
        if not spans or gap[0] >= spans[-1][1]:
            spans.append(gap)  # (a wrap's space inside a figure's run: the run's)
    return spans
