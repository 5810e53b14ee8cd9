"""A PDF's page furniture on lines of its own, which a copy of its text carries into the
report's paragraphs at every page break: the page number (`— 18 —`, `- 18 -`, `第18页`, a bare
`18` where it can be nothing else) and the running head (页眉: `2026年广东省政府工作报告`, the
same short line at the top of every page). `flow` leaves them out, as a reader does, and joins
the paragraph a page break cut ("…油气当量达到54 / — 11 — / 陕西省2026年政府工作报告 / 00万吨").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

# A page number on a line of its own (— 18 —, - 18 -, 第18页, 第18页 共40页).
PAGE_NUMBER = re.compile(
    r"[-—–－~]{1,2}\s*\d{1,3}\s*[-—–－~]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
)
# A bare page number: a page's only words (not a table's cell, see `_bare_numbers`).
_BARE_NUMBER = re.compile(r"\d{1,3}")
# A running head is short and no sentence: no full stop, no clause's comma.
_HEAD = re.compile(r"[^。；;，,：:！？!?]{2,30}")
_GAP = 8  # lines a page holds at least: page numbers or heads closer than this are no pages'


@dataclass(frozen=True)
class Line:
    """A line of the copy without its indentation: `text[start:stop]`; `page` when a form
    feed (pdftotext's page break) opens it."""

    start: int
    stop: int
    page: bool


def page_furniture(text: str, lines: list[Line]) -> set[int]:
    """The indices in `lines` (the copy's non-empty lines, in order) of its page furniture."""
    words = [re.sub(r"\s+", "", text[line.start : line.stop]) for line in lines]
    numbers = {
        i for i, line in enumerate(lines) if PAGE_NUMBER.fullmatch(text, line.start, line.stop)
    }
    numbers |= _bare_numbers(words, lines)
    return numbers | _running_heads(words, lines, numbers)


def _bare_numbers(words: list[str], lines: list[Line]) -> set[int]:
    """A bare number is a page's where a form feed follows it (pdftotext: the number, an empty
    line, then the next page) or opens it, or where such lines count the pages up, one by one,
    a page apart (3 at least). A table's cells a line each stay: neither holds for them."""
    bare = [i for i, word in enumerate(words) if _BARE_NUMBER.fullmatch(word)]
    found = {i for i in bare if lines[i].page or (i + 1 < len(lines) and lines[i + 1].page)}
    chain: list[int] = []
    for i in bare:
        if chain and int(words[i]) == int(words[chain[-1]]) + 1 and i - chain[-1] >= _GAP:
            chain.append(i)
            continue
        if len(chain) >= 3:
            found.update(chain)
        chain = [i]
    if len(chain) >= 3:
        found.update(chain)
    return found


def _running_heads(words: list[str], lines: list[Line], numbers: set[int]) -> set[int]:
    """A running head: a short line at page breaks — opened by a form feed, or next to a page
    number — that holds the report's title or is held by it (a line among its first), or is
    repeated at two page breaks at least; or a short line repeated, three times at least, a
    page apart at regular intervals. Its first occurrence, away from a page break (the
    title), is kept."""
    at_break = {
        i
        for i, line in enumerate(lines)
        if i not in numbers
        and _HEAD.fullmatch(words[i])
        and (line.page or i - 1 in numbers or i + 1 in numbers)
    }
    where: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        if i not in numbers and _HEAD.fullmatch(word) and not word.isdigit():
            where.setdefault(word, []).append(i)
    found: set[int] = set()
    for word, places in where.items():
        breaks = [i for i in places if i in at_break]
        # (福建省政府工作报告 over the pages of 2026年福建省政府工作报告: the title shortened;
        # 2026年广东省政府工作报告 over those of 政府工作报告: lengthened)
        titled = any(
            len(words[j]) >= 4 and (word in words[j] or words[j] in word)
            for j in range(min(15, len(words)))
            if j not in at_break and j not in numbers
        )
        if breaks and (titled or len(breaks) >= 2):
            found.update(breaks)
        if len(places) >= 3:
            gaps = [b - a for a, b in pairwise(places)]
            middle = median(gaps)
            regular = [b for a, b in pairwise(places) if abs(b - a - middle) <= 2]
            if middle >= _GAP and len(regular) >= 2 and len(regular) >= 0.8 * len(gaps):
                found.update(regular)
    return found


_INDENT = " \t\u3000\u00a0\f"  # a form feed: pdftotext's page break, at a page's first line


def page_lines(text: str) -> list[Line]:
    """The non-empty lines of a copy, without CR and indentation, as `flow` reads them."""
    lines: list[Line] = []
    pos, size = 0, len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        start = pos
        while start < end and text[start] in _INDENT:
            start += 1
        stop = end
        while stop > start and text[stop - 1] in "\r" + _INDENT:
            stop -= 1
        if stop > start:
            lines.append(Line(start, stop, "\f" in text[pos:start]))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def text_as_read(text: str) -> tuple[str, frozenset[str]]:
    """A copy with its page furniture blanked out (each character a space, so every offset
    stays) and the words of its running heads, for `quote_lines` to leave out of a quote."""
    lines = page_lines(text)
    found = page_furniture(text, lines)
    chars = list(text)
    heads: set[str] = set()
    for i in found:
        line = lines[i]
        words = re.sub(r"\s+", "", text[line.start : line.stop])
        if not _BARE_NUMBER.fullmatch(words) and not PAGE_NUMBER.fullmatch(words):
            heads.add(words)
        chars[line.start : line.stop] = " " * (line.stop - line.start)
    return "".join(chars), frozenset(heads)


# A report's title, a running head on a line of its own between a quote's lines: a sentence's
# words cannot be it (政府工作报告, 2026年广东省政府工作报告, 陕西省2026年政府工作报告).
_TITLE = re.compile(
    r"(?:\d{4}年)?(?:[\u4e00-\u9fff]{1,8}?(?:省|市|自治区|自治州|州|区|县|盟|旗))?"
    r"(?:人民)?(?:\d{4}年)?政府工作报告"
)
# Any document's title, a running head where a page break shows (next to a page number, or a
# form feed): …规划纲要, …报告（草案）.
_TITLED = re.compile(r".{0,28}(?:报告|规划|纲要|计划)(?:[(（]草案[)）])?")
_QUOTE_SPACE = " \t\r\f\u3000\u00a0"


def quote_lines(quote: str, heads: frozenset[str] = frozenset()) -> list[str]:
    """A quote's lines as `extract` reads them (ONE reading for every reader of a quote after
    extract: validate's figure and range checks, `extract --compare`, `show`): its non-empty
    lines without CR, form feed and indentation, and without the page furniture a copy of a
    PDF put between two of them, which the quote keeps verbatim — a page number (— 7 —,
    - 7 -, 第7页, a bare 7 with or without a form feed) and a running head (a report's title;
    any document title at a page break; any line of `heads`, the report's own). The first
    and last lines are the quote's words, never furniture (a quote opening at a figure a page
    cut: `1` / `— 7 —` / `0个…` is 10); a bare number next to a page number is a figure."""
    raw = quote.split("\n")
    text = [line.strip(_QUOTE_SPACE) for line in raw]
    words = [re.sub(r"\s+", "", line) for line in text]
    filled = [i for i, word in enumerate(words) if word]
    pages = {i for i in filled if PAGE_NUMBER.fullmatch(words[i])}
    inner = filled[1:-1]
    near = {i: (filled[k], filled[k + 2]) for k, i in enumerate(inner)}  # (line before, after)
    numbers = pages | {
        i for i in inner if _BARE_NUMBER.fullmatch(words[i]) and not pages.intersection(near[i])
    }
    furniture = set(numbers)
    for i in inner:
        word, (before, after) = words[i], near[i]
        at_break = "\f" in raw[i] or "\f" in raw[after] or before in numbers or after in numbers
        if i in numbers or not _HEAD.fullmatch(word) or word.isdigit():
            continue
        if word in heads or _TITLE.fullmatch(word) or (at_break and _TITLED.fullmatch(word)):
            furniture.add(i)
    return [text[i] for i in filled if i not in furniture]


def quote_as_read(quote: str, heads: frozenset[str] = frozenset()) -> str:
    """A quote's words as extract reads them: `quote_lines` joined without their breaks
    (增长4.\\n5% is 4.5; 油气当量达到54 / 11 / 00万吨 is 5400)."""
    return "".join(quote_lines(quote, heads))
