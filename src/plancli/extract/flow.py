"""A copy's line breaks inside a paragraph taken out: the report's text as parsed, one
paragraph a line, and where each character came from (`Reflowed`), so a quote found in it maps
back to a verbatim span of the report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancli.extract.furniture import page_furniture, page_lines
from plancli.extract.layout_tables import layout_tables
from plancli.extract.ragged import Ragged, ragged_goes_on, ragged_wrap
from plancli.extract.spaces import dropped_spaces
from plancli.extract.text import FIGURE_END, LIST_LABEL, clean, parse_form


@dataclass(frozen=True)
class Reflowed:
    """A report's text as parsed — a copy's markup and soft line breaks taken out — and where
    each character came from: `origin[i]` is the offset in the report of `text[i]`
    (`origin[len(text)]` the end), `ends[i]` the end of what it stands for (an entity's `;`)."""

    text: str
    origin: list[int]
    ends: list[int]  # ends[i]: where the report's text `text[i]` stands for ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The report's span of `text[start:end]` (a quote over a removed break keeps it)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.ends[end - 1]


# What starts a line of its own: a list label, 第一部分, an appendix label.
_LINE_MARKER = re.compile(
    rf"{LIST_LABEL.pattern}|第[一二三四五六七八九十]{{1,3}}[部章节]|附表|附件"
)
_HEADING = re.compile(
    r"([（(]?[一二三四五六七八九十]{1,3}[）)、.．]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[部章节])"
)
# A clause goes on after these: a break after one is inside a sentence.
_OPEN_END = "，、,；;（(“‘《—-"

# A numeral's item or heading (十、…), which a wrap may also set at a line's start mid-sentence.
_NUMERAL_ITEM = re.compile(r"[一二三四五六七八九十]{1,3}、")
# A section's heading: （一）…
_SECTION_HEADING = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")
# A part's heading: 一、…, 第一部分 (not （一）, which a section's paragraph may run on from).
_PART_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分")


def reflow(report: str) -> Reflowed:
    """The report as parsed: a copy's markup taken out (HTML tags and entities, Markdown
    heading and emphasis marks, thousands separators, runs of spaces for lost paragraph
    breaks), then its lines reflowed (`_reflow_lines`); offsets map back to `report`."""
    laid = layout_tables(report)  # a table pdftotext laid out: as rows of " | " cells
    source = report if laid is None else laid[0]
    text, origin, ends = clean(source)
    if laid is not None:
        origin = [laid[1][i] if i < len(laid[1]) else len(report) for i in origin]
        ends = [laid[2][i - 1] if 0 < i <= len(laid[2]) else len(report) for i in ends]
    flow = _reflow_lines(text)
    return Reflowed(
        flow.text,
        [origin[i] if i < len(origin) else len(report) for i in flow.origin],
        [ends[i] if i < len(ends) else len(report) for i in flow.origin],
    )


def _reflow_lines(text: str) -> Reflowed:
    """The text as paragraphs, one a line, for parsing: CR, indentation, empty lines and
    spaces between Chinese and figures removed, and the breaks a copy puts inside a paragraph
    joined — after a clause's comma or semicolon (a web page's <br>), inside a figure
    (5.\\n5%, PM\\n2.5), at the end of a long line that stops mid-sentence, and in a text
    wrapped at a fixed width (a copy of a PDF) at the end of every full line, in one wrapped at
    uneven widths (`ragged`) everywhere but a paragraph's end — unless the next line starts
    with a list or section marker. Every kept character keeps its offset in
    `origin`, so a quote found in the reflowed text maps back to a verbatim span of `text`."""
    lines = page_lines(text)  # the non-empty lines, without CR and indentation
    # indented[k]: line k opens with spaces (a paragraph's 首行缩进)
    indented = [
        text[text.rfind("\n", 0, line.start) + 1 : line.start].strip("\f") != "" for line in lines
    ]
    # a PDF's page numbers and running heads (`furniture`): out of the paragraph a page cuts
    furniture = page_furniture(text, lines)
    raw_lines: list[tuple[int, int]] = []
    paged: list[bool] = []  # paged[k]: furniture stood between raw_lines[k - 1] and [k]
    starts: list[bool] = []  # starts[k]: raw_lines[k] is indented
    for i, line in enumerate(lines):
        if i not in furniture:
            raw_lines.append((line.start, line.stop))
            paged.append(i > 0 and i - 1 in furniture)
            starts.append(indented[i])
    folded = parse_form(text)
    words = [folded[start:end] for start, end in raw_lines]
    width = _wrap_width(words)
    ragged = ragged_wrap(words, starts, width)  # lines of uneven width: no width to go by
    if ragged is not None:
        width = None
    parts: list[str] = []
    origin: list[int] = []
    joined = False  # the previous line's break was taken out
    for index, (start, end) in enumerate(raw_lines):
        pos = start
        wrapped = width is not None or ragged is not None
        for gap_start, gap_end in dropped_spaces(text, start, end, wrapped):
            parts.append(text[pos:gap_start])
            origin.extend(range(pos, gap_start))
            pos = gap_end
        parts.append(text[pos:end])
        origin.extend(range(pos, end))
        if index + 1 == len(raw_lines):
            break
        joined = _soft_break(
            folded,
            (start, end),
            raw_lines[index + 1],
            width,
            joined,
            paged[index + 1],
            None if ragged is None else (ragged, starts[index + 1]),
        )
        if not joined:
            parts.append("\n")
            origin.append(end)
    origin.append(raw_lines[-1][1] if raw_lines else 0)
    return Reflowed("".join(parts), origin, [i + 1 for i in origin])


_CLAUSE_END = re.compile(r"(?:\d\s*%|左右|以上|以内|以下)$")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, when most of its lines are about that long."""
    long_lines = [line for line in lines if len(line) >= 15]
    counts: dict[int, int] = {}
    for line in long_lines:
        counts[len(line)] = counts.get(len(line), 0) + 1
    if not counts:
        return None
    width = max(counts, key=lambda n: (counts[n], n))
    near = [line for line in long_lines if width - 2 <= len(line) <= width + 2]
    # A report's paragraphs vary in length: three lines of one length, and two in five of the
    # long lines about as long, are a wrap. A wrap cuts sentences anywhere, so few of its full
    # lines end a sentence; and it is 20 characters wide at least: lines of a summary card
    # (headings over short targets, each closed by 。) are about as long, and no wrap.
    # A line that ends a sentence, or a target's clause (…8%左右, …以内: a digest's lines of
    # figures, one clause a line, without punctuation), ends where a wrap would seldom cut.
    closed = sum(1 for line in near if line[-1] in "。！？!?" or _CLAUSE_END.search(line))
    if counts[width] < 3 or not 20 <= width <= 200 or closed * 2 >= len(near):
        return None
    if len(near) >= 0.4 * len(long_lines):
        return width
    # A short page's paragraphs, most shorter than the wrap: its longest lines are all of the
    # wrap's width, and most of them end where no sentence or clause does.
    return width if width == max(counts) else None


_BARE_LABEL = re.compile(r"[\u4e00-\u9fff]{2,16}")
# The verbs a target's figure follows (增长5%, 控制在5.5%以内), for both rules below.
_FIGURE_VERBS = "增长|下降|降低|减少|控制在|稳定在|保持在|达到|提高|提升|突破|超过"
_FIGURE_START = re.compile(
    rf"(?:{_FIGURE_VERBS}|增速)?\s*\d+(?:\.\d+)?\s*(?:%|‰|万|亿|个|元|家|项|户|人|套|吨|公里)"
)
_FIGURE_VERB_END = re.compile(rf"(?:{_FIGURE_VERBS}|增加|完成)$")
_UNIT_START = re.compile(
    r"[万亿千百]?(?:元|亩|吨|人|个|家|项|户|套|公里|千米|平方|立方|千瓦|倍|所|座|条|台|辆|张|份|次|批|处|件|%|‰|万|亿)"
)
_LABEL_LINE = re.compile(r"\s*(?:附件|附表|表|图|第)\s*\d")
_FRAGMENT = re.compile(r"[\d.]{1,4}")  # a subscript copied onto a line of its own: PM\n2.5
_CLOSED = "。！？!?：:”’）)》…"  # a paragraph may end after these, and after nothing else


def _soft_break(
    text: str,
    line: tuple[int, int],
    following: tuple[int, int],
    width: int | None,
    joined_before: bool = False,
    paged: bool = False,
    ragged: tuple[Ragged, bool] | None = None,
) -> bool:
    """Whether the break between `line` and `following` is inside a paragraph; `ragged`: the
    text's wrap of uneven width and whether `following` is indented."""
    start, end = line  # `text` is in its parse form
    full = width if ragged is None else ragged[0].low
    if (
        _LINE_MARKER.match(text, following[0], following[1])
        and not _dash_goes_on(text, line, following, full)
        and not _figure_goes_on(text, line, following, full, ragged)
    ):
        return False
    last = text[end - 1]
    first = text[following[0]]
    nxt = text[following[0] : following[1]]
    current = text[start:end]
    # the line breaks between the two lines: a page break (pdftotext's form feed, after the
    # page's empty last line and its page number) is one, not a paragraph's end
    # and so is one where the page's furniture (its number, its running head) was left out
    paged = paged or "\f" in text[end : following[0]]
    breaks = 1 if paged else text.count("\n", end, following[0])
    if (
        last == "|"
        or current.count("\t") >= 2
        or (current.count("|") >= 3 and "|" in nxt and not (last.isdigit() or last == "."))
        or re.match(r"SOURCE:|来源\s*[:：]", current)
        or _ends_in_address(current)
    ):
        # a table row ends with its cell separator, or is a row of tab-separated cells (a Word
        # table saved as text, or pasted), or of cells set apart by " | " over another (a
        # copy that ends no row with one: …| 2022年计划 / 1 | 地区生产总值 |…, not one cut
        # inside a figure, …| 9. / 2 |); the page's source line, or a line ending
        # in an address (…https://www.yybnet.net/ over 预期目标), ends there
        return False
    if any(_PAGE_FURNITURE.match(words) for words in (current, nxt)):
        return False  # a page's breadcrumb or nav bar is a line of its own
    if _title_goes_on(current, nxt):
        return True
    # A figure cut by the break in a line of prose: "…增长5.\n5%", "…2\n%左右" (not a label
    # such as 附件1 above 2026年…); a subscript on a line of its own.
    cut = (last.isdigit() or last == ".") and (first.isdigit() or first in "%.")
    # …and one cut before its unit in a long line of prose (…确保粮食种植面积4510 / 万亩以上, a
    # ragged copy's line of 30–40 characters, as a fixed-width wrap's is joined)
    cut = cut or (last.isdigit() and len(current) >= 15 and _UNIT_START.match(nxt) is not None)
    cut = cut and not _LABEL_LINE.match(current)
    if ragged is not None:
        if cut or last in _OPEN_END.replace("；", "").replace(";", ""):
            return True
        return (paged or breaks < 2) and ragged_goes_on(
            current, nxt, ragged[0], joined_before, ragged[1]
        )
    if width is not None and end - start >= width - 2:
        # a full line of a wrapped text; over an empty line, only a line of the full width (a
        # paragraph's last line may come within two characters of it). Not a sentence's end
        # over a part's heading (…加以解决。/ 二、一张蓝图绘到底…: 福建's headings open with
        # 一, which no list marker takes), nor a part's heading over its long first line.
        if last in "。！？" and _HEADING.match(nxt):
            return False
        if (
            _PART_HEADING.match(current)
            and "。" not in current[:-1]  # a heading, closed by 。 or not (广东's 一、…水平。)
            and len(nxt) >= width // 2
            and _closed_before(text, start)
        ):
            return False
        if (
            _SECTION_HEADING.match(current)
            and end - start < width
            and not re.search(r"[。；;：:]", current)
            and len(nxt) >= width - 2
            and _closed_before(text, start)
        ):
            # a section's heading a character or two short of the width, no sentence in it,
            # over a full line: the heading's own line over its section's first (the seed cut
            # at 20: (二)坚持建管并重,优化城市品质功能 / 着力服务保障COP15大会第二阶段会议,),
            # not a heading over its own tail (广东's PDF: （四）推动供需…努力扩大 / 有潜能的消费、
            # 有需求的生产、有效益的投资, a short line)
            return False
        return end - start >= width or breaks < 2
    if (
        width is not None
        and end - start >= width - 4
        and last not in _CLOSED
        and (not _HEADING.match(current) or following[1] - following[0] < width // 2)
        and breaks < 2
    ):
        # a line a few characters short of the width that stops inside a sentence: in a PDF
        # a paragraph's first line is indented two characters (首行缩进), and a line holding a
        # figure's narrower digits or a compressed 、 counts other than its neighbours (23
        # characters where 27 fill a line; 贵州's …政务移动应用整合分别完成 / 25%、50%、20%);
        # a heading's only where the rest is short (its end, not the paragraph after it)
        return True
    if last in _OPEN_END:
        return True
    if (
        width is not None
        and end - start >= width - 6
        and first in "“‘《"
        and last not in _CLOSED
        and breaks < 2
        and not _HEADING.match(current)
    ):
        # a line cut short before a quotation, which may not open at a line's end (…今年中央
        # 财政用于 / “三农”的投入…: five characters short, the quotation kept whole)
        return True
    if _HEADING.match(current) and len(current) <= 40:
        return False  # a heading, however it ends
    if cut:
        return True
    # A figure's verb at the line's end and its figure on the next (…固定资产投资增长 / 8%左右):
    # a short page's wrap, too few lines to tell its width.
    if first.isdigit() and _FIGURE_VERB_END.search(current):
        return True
    if last.isascii() and last.isalpha() and _FRAGMENT.fullmatch(nxt):
        return True
    if joined_before and _FRAGMENT.fullmatch(current):
        return True
    # A list item's line (■…, ●…) before a short line without punctuation or figures — a
    # heading such as 今年重点工作 — ends there, however it ends.
    if LIST_LABEL.match(current) and len(nxt) <= 16 and not re.search(r"[\d,;。:、]", nxt):
        return False
    # An infographic's label over its figure (地区生产总值\n增长6%左右, 居民消费价格涨幅\n3%
    # 左右): one clause.
    if _BARE_LABEL.fullmatch(current) and _FIGURE_START.match(nxt):
        return True
    # A long line that stops mid-sentence, with no closing punctuation: a copy's break (四川's
    # "…带团队、带技术\n揭榜"), not the paragraph's end; headings and titles are shorter. A
    # line wholly in brackets after it (（编辑：…）, 【相关报道】) is a note of its own.
    if re.fullmatch(r"[（(【\[][^（(【\[]{0,40}[）)】\]]", nxt):
        return False
    if breaks > 1 and FIGURE_END.search(current):
        return False  # a list of targets broken over paragraphs: …力争完成65亿元, an empty line
    return len(current) > 40 and last not in _CLOSED


# A web page's breadcrumb (当前位置：首页 > 政务公开 > 规划计划 > 年度计划) or nav bar (首页 |
# 政务公开 | 互动交流): short words between separators, no figures.
_PAGE_FURNITURE = re.compile(
    r"\s*(?:(?:当前位置|您现在的位置|您的位置|现在的位置|所在位置|当前的位置)\s*[:：]"
    r"|[\u4e00-\u9fff]{2,8}(?:\s*[|>»›]\s*[\u4e00-\u9fff]{2,8}){1,12}\s*$)"
)
# A report's title wrapped over two lines (a page's <h1>, a PDF's centred title): the first
# names a year's plan and stops mid-phrase (…发展计划, …计划执行, …国民经济和), the second ends
# the title (情况与2022年…计划草案的报告, 草案的报告); neither holds a sentence's punctuation.
_TITLE_START = re.compile(
    r"(?:关于)?[^。，,；;：:！？!?\s]{0,30}20\d\d\s*年[^。，,；;：:！？!?\s]{0,40}"
    r"(?:计划|国民经济|社会发展|预算)[^。，,；;：:！？!?\s]{0,20}"
)
_TITLE_END = re.compile(r"[^。，,；;：:！？!?\s—]{1,50}?(?:的)?报告(?:[（(](?:草案|摘要)[）)])?")
_TITLE_DONE = re.compile(r"(?:报告|草案|摘要|[）)])$")


def _ends_in_address(line: str) -> bool:
    """Whether the line's last word holds an address (…https://www.yybnet.net/): as
    `https?://\\S*$` says, looked for in that word alone, where the pattern followed each
    http:// to the line's end (a line of 40,000 took minutes: session 31; so did a table row's
    `(?:[^|]*\\|){3}`, from each character of a line without `|`, now its count)."""
    if not line or line[-1].isspace():
        return False
    return re.search(r"https?://", line.rsplit(None, 1)[-1]) is not None


def _title_goes_on(current: str, nxt: str) -> bool:
    """Whether a title's line and the next are one title wrapped: 昆明市官渡区2021年国民经济和
    社会发展计划执行 / 情况与2022年国民经济和社会发展计划草案的报告."""
    return (
        len(current) + len(nxt) <= 110
        and _TITLE_START.fullmatch(current) is not None
        and _TITLE_DONE.search(current) is None
        and _TITLE_END.fullmatch(nxt) is not None
        and not nxt.startswith(("关于", "在"))
    )


def _closed_before(text: str, start: int) -> bool:
    """Whether the line before the one at `start` ends a sentence or a heading (or there is
    none): a line after it may open a part."""
    index = start - 1
    while index >= 0 and text[index] in " \t\r\n\u3000\f":
        index -= 1
    return index < 0 or text[index] in _CLOSED


# a figure's digits and the 、 after it, which a list's item label (3、) looks like
_FIGURE_ITEM = re.compile(r"\d{1,2}、")


def _figure_goes_on(
    text: str,
    line: tuple[int, int],
    following: tuple[int, int],
    full: int | None,
    ragged: tuple[Ragged, bool] | None,
) -> bool:
    """Whether a wrapped line ending in a digit inside a clause goes on into a next line that
    opens with a digit and its 、: a figure the wrap cut (…启动昆明跨境合作先行区—太和·190 /
    3、大树营…: 太和·1903, verify C), not a list's item 3、 — an item opens after the one before
    has ended (；, 。) or on a line of its own. A fixed width's line is full; a ragged wrap's
    next line is not indented where the text indents its paragraphs."""
    start, end = line
    if not text[end - 1].isdigit() or _FIGURE_ITEM.match(text, following[0]) is None:
        return False
    if end - start < 8 or _LABEL_LINE.match(text, start, end):
        return False  # 附件3 / 1、…: a label's line
    if ragged is not None:
        return not (ragged[0].indents and ragged[1])
    return full is not None and end - start >= full - 2


def _dash_goes_on(
    text: str, line: tuple[int, int], following: tuple[int, int], width: int | None
) -> bool:
    """Whether a wrapped line's next line, opening with a dash or a numeral's 、, goes on with
    its sentence: the line is full and ends inside a clause (…启动昆明跨境合作先行区 /
    —太和·1903、…; …建成通车，西 / 十、康渝等4条高铁…: the 西十 railway), a single dash (a list
    item's —— or a dash after a line closed by 。 or ； opens an item)."""
    start, end = line
    return (
        width is not None
        and end - start >= width - 2
        and text[end - 1] not in _CLOSED + ";；,，、"
        and (
            (text.startswith("—", following[0]) and not text.startswith("——", following[0]))
            or _NUMERAL_ITEM.match(text, following[0]) is not None
        )
    )
