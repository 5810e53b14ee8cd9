"""Perturbations of a report's text in the ways real reports differ from the corpus copies.

A synthetic blind check for `plancli extract` (issue 11): each perturbation rewrites a report
the way another site, another year or another copy would write the same report (a headline
lead worded differently, full-width digits, hard line breaks, CRLF, indentation, GB18030,
another numbering of the work sections, web-page clutter) and returns the new text with a map
of offsets, so a hand-encoded plan's quotes can be carried over to the new text and the
extractor scored against the same gold as on the original.

Used by benchmarks/extract.py; tests/test_extract_robust.py checks a few of them on short
synthetic reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# (start, end, replacement) in the original text; non-overlapping, any order.
Edit = tuple[int, int, str]


@dataclass(frozen=True)
class Perturbed:
    text: str
    offsets: list[int]  # offsets[i]: where the original offset i lands in `text`
    encoding: str = "utf-8"

    def carry(self, original: str, quote: str) -> str:
        """`quote` (a substring of `original`) as it reads in the perturbed text."""
        pos = original.find(quote)
        if pos < 0 or not quote:
            return quote
        return self.text[self.offsets[pos] : self.offsets[pos + len(quote)]]


def apply(text: str, edits: list[Edit], encoding: str = "utf-8") -> Perturbed:
    """The text with `edits` applied, and the map of offsets (an offset inside a replaced
    span lands at the start of its replacement, the span's end at the replacement's end)."""
    out: list[str] = []
    offsets = [0] * (len(text) + 1)
    pos = 0
    size = 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            continue  # overlapping edit: skipped
        for i in range(pos, start):
            offsets[i] = size + (i - pos)
        out.append(text[pos:start])
        size += start - pos
        for i in range(start, end):
            offsets[i] = size
        out.append(replacement)
        size += len(replacement)
        pos = end
    for i in range(pos, len(text) + 1):
        offsets[i] = size + (i - pos)
    out.append(text[pos:])
    return Perturbed("".join(out), offsets, encoding)


def _chars(text: str, table: dict[str, str]) -> Perturbed:
    edits = [(i, i + 1, table[ch]) for i, ch in enumerate(text) if ch in table]
    return apply(text, edits)


_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_FULL_FIGURES = {ch: _FULL[ch] for ch in "0123456789.%-"}
_HALF_PUNCT = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "！": "!"}

# The lead of the 主要预期目标 paragraph: from the clause's start to its colon.
_LEAD = re.compile(
    r"(?:(?<=[。，,；;\n])|^)[^。，,；;\n]{0,30}?主要(?:预期)?目标[^。，,；;:：]{0,8}?[:：]",
    re.MULTILINE,
)


def lead_variant(wording: str) -> Callable[[str], Perturbed]:
    """The headline lead reworded as `wording` (which ends in its colon); a year in it is the
    report's own plan year (the latest its title names), as a report's lead would say."""

    def perturb(text: str) -> Perturbed:
        chosen = _lead(text)
        if chosen is None:
            return apply(text, [])
        years = re.findall(r"(20\d\d)年", text[:300])
        own = re.sub(r"20\d\d年", f"{max(years)}年", wording) if years else wording
        return apply(text, [(chosen.start(), chosen.end(), own)])

    return perturb


def _lead(text: str) -> re.Match[str] | None:
    """The headline lead: the last lead followed by a growth figure of this year."""
    chosen = None
    for match in _LEAD.finditer(text):
        after = text[match.end() : match.end() + 80]
        if re.search(r"增长\s*[\d０-９]", after) and not re.search(
            r"年均增长|十五五|十四五", after
        ):
            chosen = match
    return chosen


def headline_list(style: str) -> Callable[[str], Perturbed]:
    """The headline paragraph set as a list, one item a line, each clause (at ；) labelled
    `style` ("{n}." → 1. 2. …, "（{cn}）", "——"); a report whose targets are separated by
    commas only becomes a one-item list."""

    def perturb(text: str) -> Perturbed:
        lead = _lead(text)
        if lead is None:
            return apply(text, [])
        end = text.find("。", lead.end())
        line_end = text.find("\n", lead.end())
        if end < 0 or (0 <= line_end < end):
            end = line_end if line_end >= 0 else len(text)
        if text[lead.end() : lead.end() + 3].lstrip().startswith("——"):
            return apply(text, [])  # already a list
        cn = "一二三四五六七八九十"
        edits: list[Edit] = [(lead.end(), lead.end(), "\n" + style.format(n=1, cn=cn[0]))]
        n = 1
        for i in range(lead.end(), end):
            if text[i] in "；;" and n < 10:
                n += 1
                edits.append((i + 1, i + 1, "\n" + style.format(n=n, cn=cn[n - 1])))
        return apply(text, edits)

    return perturb


def lead_own_line(text: str) -> Perturbed:
    """The lead on a line of its own, the targets on the next."""
    lead = _lead(text)
    if lead is None or text[lead.end() : lead.end() + 1] == "\n":
        return apply(text, [])
    return apply(text, [(lead.end(), lead.end(), "\n")])


_CJK_DIGIT = re.compile(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])")


def spaced(text: str) -> Perturbed:
    """A space between Chinese and figures (增长 5% 左右), as some sites typeset."""
    return apply(text, [(m.start(), m.start(), " ") for m in _CJK_DIGIT.finditer(text)])


def fullwidth(text: str) -> Perturbed:
    """Figures in full-width forms (５．５％), as some sites set them."""
    return _chars(text, _FULL_FIGURES)


def halfwidth_punct(text: str) -> Perturbed:
    """Chinese punctuation as ASCII (`,` `;` `:` `()`), as copies through some editors read."""
    return _chars(text, _HALF_PUNCT)


def clause_breaks(text: str) -> Perturbed:
    """A line break after every ， and ； inside a paragraph (a web page's <br> at clauses)."""
    return apply(text, [(i + 1, i + 1, "\n") for i, ch in enumerate(text) if ch in "，；"])


def hard_wrap(width: int = 38) -> Callable[[str], Perturbed]:
    """Every line cut at `width` characters, anywhere (a copy from a PDF's columns)."""

    def perturb(text: str) -> Perturbed:
        edits: list[Edit] = []
        column = 0
        for i, ch in enumerate(text):
            if ch == "\n":
                column = 0
                continue
            column += 1
            if column == width and i + 1 < len(text) and text[i + 1] != "\n":
                edits.append((i + 1, i + 1, "\n"))
                column = 0
        return apply(text, edits)

    return perturb


def crlf_indent(text: str) -> Perturbed:
    """CRLF line ends, paragraphs indented by two ideographic spaces and set apart by an
    empty line (a page saved from a Windows browser)."""
    edits: list[Edit] = [(0, 0, "\u3000\u3000")]
    for i, ch in enumerate(text):
        if ch == "\n":
            edits.append((i, i + 1, "\r\n\r\n\u3000\u3000"))
    return apply(text, edits)


def gb18030(text: str) -> Perturbed:
    """The same text in GB18030 bytes."""
    return Perturbed(text, list(range(len(text) + 1)), "gb18030")


_SUB = re.compile(r"^([ \t\u3000]*)[（(]([一二三四五六七八九十]{1,3})[）)]", re.MULTILINE)
_TOP = re.compile(r"^([ \t\u3000]*)([一二三四五六七八九十]{1,3})、", re.MULTILINE)
_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


def _number(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _DIGITS[numeral[1]]
    if numeral.endswith("十"):
        return 10 * _DIGITS[numeral[0]]
    if "十" in numeral:
        return 10 * _DIGITS[numeral[0]] + _DIGITS[numeral[2]]
    return _DIGITS[numeral]


def sub_numbering(style: str) -> Callable[[str], Perturbed]:
    """Work sections numbered `1.` or `1、` or `一是` instead of （一）."""

    def perturb(text: str) -> Perturbed:
        edits: list[Edit] = []
        for match in _SUB.finditer(text):
            number = _number(match.group(2))
            label = style.format(n=number, cn=match.group(2))
            edits.append((match.start(), match.end(), match.group(1) + label))
        return apply(text, edits)

    return perturb


def top_numbering(text: str) -> Perturbed:
    """Top-level headings as 第一部分 … instead of 一、…"""
    edits: list[Edit] = []
    for match in _TOP.finditer(text):
        line_end = text.find("\n", match.end())
        line = text[match.start() : line_end if line_end >= 0 else len(text)]
        if len(line) <= 70 and "。" not in line[:-1]:
            edits.append((match.start(), match.end(), f"{match.group(1)}第{match.group(2)}部分 "))
    return apply(text, edits)


_NAV_BEFORE = (
    "首页 > 政务公开 > 政府工作报告\n字号：大 中 小　　打印本页　　关闭窗口\n"
    "来源：省人民政府办公厅　　发布时间：2026-02-01 09:30\n分享到：微信 微博 QQ空间\n"
)
_NAV_AFTER = (
    "\n【打印】【关闭】\n相关链接：\n2025年政府工作报告\n2024年政府工作报告\n"
    "扫一扫在手机打开当前页\n版权所有：省人民政府办公厅　网站标识码：0000000000\n"
)


def clutter(text: str) -> Perturbed:
    """Web-page furniture before and after the report."""
    start = 0
    if text.startswith("SOURCE:"):
        nl = text.find("\n")
        start = nl + 1 if nl >= 0 else len(text)
    return apply(text, [(start, start, _NAV_BEFORE), (len(text), len(text), _NAV_AFTER)])


def carried(plan: dict[str, Any], original: str, perturbed: Perturbed) -> dict[str, Any]:
    """`plan` with each target's quote as it reads in the perturbed text."""
    targets = []
    for target in plan.get("targets", []):
        quote = target.get("quote")
        if isinstance(quote, str):
            target = {**target, "quote": perturbed.carry(original, quote)}
        targets.append(target)
    return {**plan, "targets": targets}


PERTURBATIONS: dict[str, Callable[[str], Perturbed]] = {
    "lead 主要预期目标是：": lead_variant("主要预期目标是："),
    "lead 经济社会发展的主要预期目标为：": lead_variant("经济社会发展的主要预期目标为："),
    "lead 今年发展的主要目标：": lead_variant("今年发展的主要目标："),
    "lead 2026年主要预期目标建议如下：": lead_variant("2026年主要预期目标建议如下："),
    "lead 主要预期目标安排是：": lead_variant("今年全省主要预期目标安排是："),
    "lead on a line of its own": lead_own_line,
    "headline as a list 1. 2. …": headline_list("{n}."),
    "headline as a list （一）（二）…": headline_list("（{cn}）"),
    "headline as a list ——": headline_list("——"),
    "full-width figures ５．５％": fullwidth,
    "space around figures 增长 5% 左右": spaced,
    "ASCII punctuation , ; : ()": halfwidth_punct,
    "line break at every ，；": clause_breaks,
    "hard wrap at 38 characters": hard_wrap(38),
    "CRLF, indent　　, blank lines": crlf_indent,
    "GB18030 bytes": gb18030,
    "sections 1. instead of （一）": sub_numbering("{n}."),
    "sections 1、 instead of （一）": sub_numbering("{n}、"),
    "headings 第一部分 instead of 一、": top_numbering,
    "web-page clutter around": clutter,
}


# ---------------------------------------------------------------------------------------
# Held-out perturbations: written after the extractor had been fixed against the ones above,
# and measured once before any change aimed at them (docs/extract.md gives both figures).


def markdown(text: str) -> Perturbed:
    """A Markdown copy: top-level headings as `## 一、…`, sections as `### （一）…`, the
    headline lead in bold."""
    edits: list[Edit] = []
    for match in _TOP.finditer(text):
        edits.append((match.start(), match.start(), "## "))
    for match in _SUB.finditer(text):
        edits.append((match.start(), match.start(), "### "))
    lead = _lead(text)
    if lead is not None:
        edits.append((lead.start(), lead.start(), "**"))
        edits.append((lead.end(), lead.end(), "**"))
    return apply(text, edits)


def html_leftovers(text: str) -> Perturbed:
    """A scrape that kept markup: `<p>` and `&nbsp;` indentation, `<br/>` at line ends."""
    edits: list[Edit] = [(0, 0, "<p>&nbsp;&nbsp;")]
    for i, ch in enumerate(text):
        if ch == "\n":
            edits.append((i, i + 1, "<br/></p>\n<p>&nbsp;&nbsp;"))
    return apply(text, edits)


_BIG = re.compile(r"(?<![\d.])(\d{1,3})(\d{3})(?=[个家所万亿公条项户人名千座])")


def thousands(text: str) -> Perturbed:
    """Counts of a thousand and more with a separator (3,000个), as some sites print them."""
    return apply(text, [(m.end(1), m.end(1), ",") for m in _BIG.finditer(text)])


def no_title(text: str) -> Perturbed:
    """A copy that starts at 各位代表： (the title, date and speaker left on the page)."""
    start = text.find("各位代表")
    if start < 0:
        return apply(text, [])
    return apply(text, [(0, start, "")])


def one_line(text: str) -> Perturbed:
    """Every paragraph on one line, set apart by two spaces (a scrape that lost the breaks)."""
    return apply(text, [(i, i + 1, "  ") for i, ch in enumerate(text) if ch == "\n"])


def straight_quotes(text: str) -> Perturbed:
    """Straight quotation marks for the curly ones (“十五五” → "十五五")."""
    return _chars(text, {"“": '"', "”": '"', "‘": "'", "’": "'"})


def pdf_pages(text: str) -> Perturbed:
    """A PDF copied as pdftotext writes it: wrapped at 38 characters, and every 28 lines a page
    break — the page's number on a line of its own (— 18 —), then a form feed — wherever it falls,
    inside a paragraph or a figure's clause (…全年投资增长5%左\n— 18 —\n\f右。)."""
    wrapped = hard_wrap(38)(text)
    edits: list[Edit] = []
    lines = 0
    for index, char in enumerate(wrapped.text):
        if char == "\n":
            lines += 1
            if lines % 28 == 0:
                edits.append((index + 1, index + 1, f"— {lines // 28 + 1} —\n\f"))
    paged = apply(wrapped.text, edits)
    return Perturbed(paged.text, [paged.offsets[i] for i in wrapped.offsets])


def _radical_forms() -> dict[str, str]:
    """Each character that a Kangxi radical or a whole-character radical of the supplement
    stands for → that radical (生 → ⽣, 长 → ⻓, 民 → ⺠)."""
    import unicodedata

    forms = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}
    forms.update(zip("民长车风见龙马飞门页黄齐鱼鸟", "⺠⻓⻋⻛⻅⻰⻢⻜⻔⻚⻩⻬⻥⻦", strict=True))
    return forms


def pdf_radicals(text: str) -> Perturbed:
    """Text copied out of a PDF whose fonts map glyphs to radicals: every character that has a
    radical's code point given it (地区⽣产总值增⻓, ⼈⺠, ⼯作: about one character in ten)."""
    return _chars(text, _radical_forms())


HELD_OUT: dict[str, Callable[[str], Perturbed]] = {
    "Markdown copy (## 一、, **lead**)": markdown,
    "HTML leftovers (<p>&nbsp; <br/>)": html_leftovers,
    "counts with separators 3,000个": thousands,
    "no title (starts at 各位代表)": no_title,
    "all paragraphs on one line": one_line,
    'straight quotes "十五五"': straight_quotes,
    "PDF pages (wrap, — 18 —, form feed)": pdf_pages,
    "PDF radicals (⽣产, 增⻓, ⼈⺠)": pdf_radicals,
}
