"""A copy's lines of uneven width — a viewer that re-flows a PDF's text, hand-typed breaks —
read as a wrap: which lines are a wrap of the paragraph's text (most lines stop mid-sentence,
about as long as each other) and where its paragraphs end, told by how a paragraph of Chinese
prose ends (its sentence's punctuation, an indented next line, a heading's short line) rather
than by a page's width."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence or a paragraph ends after these (a clause's ；goes on: a list's items are set
# apart by their labels).
_STOPS = "。！？!?：:…"
_QUOTE_CLOSE = "”’）)》】」』"
# A part's or a section's heading: 一、…, （一）…, 第一部分 (not 1., which a list's items use).
_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部章节]"
)
# a figure at a line's end, not a date's or a time's (2026-02-02 09:20), nor a label's (附件1)
_FIGURE_END = re.compile(r"(?<![\d:：\-/.])\d+(?:\.\d+)?$")
_LABEL = re.compile(r"(?:附件|附表|表|图|第|No\.?)\s*\d+|.{0,12}[:：]\s*\d+")
_CELLS = re.compile(r"[ \u3000\t]{2,}|\t")
# a table's cells set apart by single spaces, figures among them (1 地区生产总值增长 % 5.5 5左右)
_GAP = re.compile(r"(?<=\S) (?=\S)")
_FIGURE_GAP = re.compile(r"(?<=[\d%％]) (?=\S)|(?<=\S) (?=[\d%％])")


@dataclass(frozen=True)
class Ragged:
    """A wrap of uneven width: `low`, the length a full line reaches at least (a paragraph's
    other lines stop before it); `indents`, whether a paragraph's first line is indented."""

    low: int
    indents: bool


def ragged_wrap(lines: list[str], indented: list[bool], width: int | None) -> Ragged | None:
    """The wrap of `lines` (without their indentation; `indented[k]` whether line k had one)
    when they are a wrap of uneven width: most long lines stop mid-sentence, few are much
    longer than the rest (a paragraph a line is 100-odd characters and closed by 。), and
    their lengths spread (a fixed width, `width`, puts most within one character of it)."""
    long_lines = [line for line in lines if len(line) >= 15]
    lengths = sorted(len(line) for line in long_lines if not closed(line) and line[-1] not in "；;")
    if len(lengths) < 8 or len(lengths) < 0.6 * len(long_lines):
        return None
    low, high = lengths[len(lengths) // 10], lengths[len(lengths) * 9 // 10]
    if high > 2 * low or high > 200:
        return None
    if sum(1 for line in long_lines if len(line) > high + 5) > 0.1 * len(long_lines):
        return None
    if width is not None and sum(1 for n in lengths if abs(n - width) <= 1) >= 0.45 * len(lengths):
        return None  # a fixed width (a PDF's justified lines): `flow`'s rules
    return Ragged(low, _indents(lines, indented, low))


def _indents(lines: list[str], indented: list[bool], low: int) -> bool:
    """Whether the text indents its paragraphs' first lines (首行缩进): some lines are
    indented, not most, and nearly all of them open after a line that ends a sentence or
    stops short of a full line."""
    starts = [k for k in range(1, len(lines)) if indented[k]]
    if not 0.05 * len(lines) <= len(starts) <= 0.7 * len(lines):
        return False
    after_end = sum(1 for k in starts if closed(lines[k - 1]) or len(lines[k - 1]) < low - 2)
    return after_end >= 0.8 * len(starts)


def closed(line: str) -> bool:
    """Whether a line ends a sentence: its full stop, ！, ？, ： or …, or a quotation or bracket
    closed after one (…同比增长5%。”), or a line wholly in brackets (（2026年1月26日）)."""
    last = line[-1]
    if last in _STOPS:
        return True
    if last in _QUOTE_CLOSE:
        return (len(line) > 1 and line[-2] in _STOPS + "；;") or line[0] in "（(【["
    return False


def ragged_goes_on(current: str, nxt: str, wrap: Ragged, joined: bool, indented: bool) -> bool:
    """Whether a wrap of uneven width goes on from line `current` to `nxt` (`joined`: the
    break before `current` was one; `indented`: `nxt` is): a paragraph's end is a line that
    ends a sentence, one before an indented line (where the text indents paragraphs), a line
    of its own short of a full line (a title, a heading, a date, the speaker), a heading's
    line (a part's or section's, without a sentence's stop) over a full line (not its own
    short tail), a table's row of cells. Every other break is the wrap's, inside a sentence —
    a figure never ends a paragraph unless a full stop follows it."""
    full = len(current) >= wrap.low - 2
    if wrap.indents and indented:
        return False
    if closed(current):
        # a full stop the wrap cut after, inside an indented paragraph (its next line is not)
        return wrap.indents and full
    if len(_CELLS.findall(current)) >= 2 or _row(current) or _row(nxt):
        return False  # a table's row, its cells set apart by runs of spaces
    if wrap.indents:
        return True
    if _FIGURE_END.search(current) and not _LABEL.fullmatch(current):
        return True  # a hand-typed break after a figure (…到2030 / 年…): no paragraph ends so
    if not full:
        return False  # a line of its own: a title's, a heading's, a date
    # a heading over its section's first line (a full line) ends there; over its own tail (a
    # line short of full, its end), goes on
    return (
        joined
        or not _HEADING.match(current)
        or re.search(r"[。；;：:]", current) is not None
        or len(nxt) < wrap.low - 2
    )


def _row(line: str) -> bool:
    """Whether a line is a table's row of cells set apart by single spaces: three gaps at least,
    two of them beside a figure, and no clause's punctuation (a justified line's spaces stand
    between Chinese characters)."""
    return (
        len(_GAP.findall(line)) >= 3
        and len(_FIGURE_GAP.findall(line)) >= 2
        and not re.search(r"[，,。；;、]", line)
    )
