"""Reading a report's bytes: decoding, telling a report from other text, and its parse form.

Quotes must stay verbatim substrings of the decoded text, so the text itself is never changed
once read; reading it drops what no reader sees (`safe.readable`: a terminal's escape sequences,
controls, bidi and zero-width characters), as `validate --source` does before it looks quotes up.
Parsing works on a *parse form* of the same length, character for character: full-width
digits, letters, ％ and punctuation mapped to their half-width forms (`，` → `,`), so one regular
expression reads both spellings and every offset in it is an offset in the text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from plancli.errors import InputError
from plancli.extract.characters import PARSE_TABLE, fold_words
from plancli.extract.documents import document_text
from plancli.extract.rewrite import Rewrite
from plancli.i18n import _
from plancli.safe import readable

_CJK = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf]")  # a PDF's radicals for characters too
# Characters of almost every Chinese report, and of every target list (增长); GB18030 decodes
# random bytes into rare ideographs.
_COMMON = re.compile(r"[的发展年和在工作增长]")


def parse_form(text: str) -> str:
    """`text` with full-width ASCII as half-width and traditional characters as simplified:
    same length, same offsets (a Taiwan-phrased copy's 專案 read as 项目: `fold_words`)."""
    return fold_words(text, text.translate(PARSE_TABLE))


def decode_report(data: bytes, name: str = "report") -> str:
    """The report's text from UTF-8 (with or without BOM), GB18030 or Big5 bytes, or a Word .docx,
    as a reader sees it (`read_report`)."""
    return read_report(data, name)[0]


def read_report(data: bytes, name: str = "report") -> tuple[str, int]:
    """The report's text from UTF-8 (with or without BOM), UTF-16 with its BOM, GB18030 or
    Big5 bytes (`decode_text`), or a Word .docx, without what no reader sees
    (`safe.readable`), and how many characters that dropped.

    Raises InputError (one line) for an empty file, a binary file, or text that is not a
    Chinese report. A UTF-8 file cut inside its last character is read up to the cut.
    """
    document = report_document(data, name)
    check_chinese(document, name)  # (a binary file's controls counted before they are dropped)
    text = readable(document)
    return text, len(document) - len(text)


def report_document(data: bytes, name: str) -> str:
    """The text of a report's bytes, decoded the one way `extract` and `validate --source`
    both read it: a .docx's text, UTF-16 with its BOM, else UTF-8, GB18030 or Big5
    (`decode_text`); an old Mac's line ends (a carriage return alone) read as line ends, one
    character for one, so a quote drafted from the text is the same text's. InputError (one
    line) for an empty or a binary file."""
    if not data.strip():
        raise InputError(_("{name} is empty").format(name=name))
    document = document_text(data, name)  # a .docx's text; a PDF, .doc, OFD… named
    if document is None:
        document = utf16_text(data, name)
    if document is None:
        if b"\x00" in data[:65536]:
            raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
        document = decode_text(data, name)
    return _LONE_CR.sub("\n", document) if "\r" in document else document


_LONE_CR = re.compile(r"\r(?!\n)")  # Mac OS 9's line end; CRLF's CR stays, as it always has


def utf16_text(data: bytes, name: str = "report") -> str | None:
    """The text of UTF-16 bytes with a byte-order mark (Word's 纯文本 "Unicode", Notepad's
    "Unicode": the mark makes it unambiguous), else None. Raises InputError for bytes the mark
    opens that are no UTF-16 (an odd number of them: a copy cut short), which neither UTF-8
    nor GB18030 would read either."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(
            _(
                "{name} opens with a UTF-16 byte-order mark but is not UTF-16 text (byte "
                "{position} of {size}: cut short?); save it again as UTF-8"
            ).format(name=name, position=exc.start, size=len(data))
        ) from None


def decode_text(data: bytes, name: str) -> str:
    """The text of UTF-8 (with or without BOM), GB18030 or Big5 bytes (a big5 mirror's page
    saved as is: cp950 or Big5-HKSCS). GB18030 decodes Big5 bytes without an error, as
    mojibake, and Big5 decodes most GB18030 bytes, so where both read, the one whose text has
    more of Chinese prose's commonest characters is taken (`_COMMON_TEXT`: of the mojibake
    either way round, a few in a hundred)."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (cut := _cut_last_character(data, exc.start, name, bom)) is not None:
            return cut
        utf8_error = exc
    readings: list[str] = []
    for encoding in ("gb18030", "cp950", "big5hkscs"):  # (GB18030 first: it wins a tie)
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
        if encoding == "cp950":
            break  # (Big5-HKSCS only for what cp950 cannot read: Hong Kong's characters)
    if readings:
        return max(readings, key=_common_share)
    raise InputError(
        _("{name} is neither UTF-8 nor GB18030 text (byte {position} is not UTF-8)").format(
            name=name, position=utf8_error.start
        )
    )


def _cut_last_character(data: bytes, start: int, name: str, skipped: int) -> str | None:
    """UTF-8 text whose last character is cut short (a copy that lost its last byte or two),
    perhaps followed by white space only (an editor's or `echo`'s final newline): the text up
    to the cut and that white space, with a warning naming the byte (`skipped`: the BOM's, before
    `data`); else None (bytes that are
    no UTF-8 before the end: another encoding, or damage a reader should hear of)."""
    lead = data[start]
    size = 0 if not 0xC2 <= lead <= 0xF4 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    end = start + 1
    while end < len(data) and end - start < size and data[end] & 0xC0 == 0x80:
        end += 1
    if not size or end - start >= size or data[end:].strip() or not data[end:].isascii():
        return None
    text = data[:start].decode("utf-8") + data[end:].decode("ascii")
    from plancli.notices import notice

    notice(
        _(
            "warning: {name}: its last character is cut short (byte {position} of {size}): "
            "read up to it"
        ).format(name=name, position=skipped + start, size=skipped + len(data))
    )
    return text


# The commonest characters of Chinese prose and of this genre, in simplified form (a reading
# is judged by its parse form, so a traditional text counts as well as a simplified one).
_COMMON_TEXT = frozenset(
    "的一是在不了有和人这中大为上个国我以要时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "产种面而方后多定行学法所民得经十三之进等部度家力里如水化高自二理小物现实加量都两体制机当使"
    "点从业本去性好应开合还因由其些前外天政四日社义事平形相全表间样与关各重新内数正心明原利比"
    "质气第向道此变条结解问意建月公无系最立代已通并提直题党程展五果员革位入常文总次品式活设及"
    "管特件长求基资边流路级少图统接较将组见计区强放决做必先任取据处保治造百规领海导压志增济"
    "术极交联认共权收证改清美再采转更单切教速带安场车例务具万每目至达积示议报完类华确科节整"
    "元况今集温传步群广记需段研界持众复际商验连深近千委素技备办省列习响支般劳便团市构府准值"
    "率维划选标存养易置层始专状育厂识适属包调满县局照参引价严施城乡镇服障推营稳环境"
)


def _common_share(text: str) -> float:
    """The share of `text`'s first 100,000 ideographs that are among the commonest."""
    sample = parse_form(text[:200_000])
    ideographs = _CJK.findall(sample)
    if not ideographs:
        return 0.0
    return sum(1 for ch in ideographs if ch in _COMMON_TEXT) / len(ideographs)


# The longest reports run to some 200,000 characters; ten times that is no single report (a
# site's whole archive, a log), and reading it would take many seconds to draft nonsense.
MAX_CHARS = 2_000_000


_BINARY_SHARE = 20  # one control in 20 characters: binary (a report has a few, or none)


def check_chinese(text: str, name: str = "report") -> None:
    """InputError unless `text` reads as Chinese prose (a share of ideographs, common ones)
    of a report's length."""
    if len(text) > MAX_CHARS:
        raise InputError(
            _(
                "{name} has {size:,} characters, more than any report ({limit:,} at most); "
                "give one report's text"
            ).format(name=name, size=len(text), limit=MAX_CHARS)
        )
    # Binary by the share of controls, not their count: a report from Word keeps its manual
    # line breaks (VT, whitespace as FF is) and a pasted one a few escapes, which are dropped
    # and counted (`readable`); random bytes decode to about one control in ten characters.
    head = text[:65536]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(head) // _BINARY_SHARE):
        raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
    # a copy that kept its HTML (<p>&nbsp;…<br/></p>) is judged by its words, not its tags
    sample = _TAGS_AND_ENTITIES.sub("", text[:200_000])
    letters = sum(1 for ch in sample if not ch.isspace())
    ideographs = len(_CJK.findall(sample))
    # (one in a hundred at least: of random bytes GB18030 makes, one in two thousand)
    common = len(_COMMON.findall(sample))
    if ideographs < 20 or ideographs < 0.3 * letters or common < max(5, ideographs // 100):
        if ideographs >= 0.3 * letters and letters < 200:  # Chinese, a line or two of it
            raise InputError(
                _(
                    "{name} is too short for a report: {ideographs} Chinese characters "
                    "(a development plan or government work report is expected)"
                ).format(name=name, ideographs=ideographs)
            )
        raise InputError(
            _(
                "{name} is not a Chinese report: found {ideographs} Chinese characters "
                "in {letters} (a development plan or government work report is expected)"
            ).format(name=name, ideographs=ideographs, letters=letters)
        )


@dataclass(frozen=True)
class Line:
    """One line of the report: its offsets in the text and its parse form."""

    start: int
    end: int  # exclusive, before the newline
    text: str  # the parse form of the line

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(parse: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of `parse[start:end]` with their offsets."""
    stop = len(parse) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos < stop:
        nl = parse.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        lines.append(Line(pos, line_end, parse[pos:line_end]))
        pos = line_end + 1
    return lines


# Web-page furniture before and after the report: share buttons, font-size controls, the
# "related reports" list, QR-code prompts, page footers.
_TAIL_MARKERS = re.compile(
    r"^\s*(相关报道|相关新闻|相关链接|扫一扫在手机打开|责任编辑|【责任编辑|分享到|打印本页|关闭窗口|"
    r"【关闭】|【打印】|版权所有|主办单位|网站标识码|ICP备|上一篇|下一篇)"
)


def body_span(parse: str) -> tuple[int, int]:
    """Where the report itself is: after a `SOURCE:` line, before the web page's trailing
    furniture (related reports, QR-code prompt, footer) that follows its first paragraph.
    Furniture before the title (share and font-size buttons) holds no figures and needs no
    cutting."""
    start = 0
    if parse.startswith("SOURCE:"):
        nl = parse.find("\n")
        start = len(parse) if nl < 0 else nl + 1
    end = len(parse)
    started = False  # the same buttons stand above the title: a marker ends only a begun report
    for line in split_lines(parse, start):
        if started and _TAIL_MARKERS.match(line.text):
            end = line.start
            break
        started = started or len(line.stripped) >= 80
    return start, end


# A list item's label: dashes, bullets, numbers (（一）, 一、, 1. but not a figure such as 5.5%),
# circled numbers, 一是.
LIST_LABEL = re.compile(
    r"\s*(?:——|—|-\s|[•·●■□◆※①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}[、.．](?![一二三四五六七八九十])"
    # (not a figure a site spaced, 6. 5%, cut by a line's end)
    r"|\d{1,2}[、.．)）](?!\d|\s?\d+\s*[%‰])"
    r"|[一二三四五六七八九十]是)\s*"
)
# What a copy adds: HTML tags (a block tag is a line break) and entities, Markdown headings and
# emphasis, thousands separators (3,000个), a converter's pinyin (經(jīng)濟), a forum's clutter
# (`~/ k6 `+ p) G+ G`: `_CLUTTER`); space runs for lost breaks; straight quotes read as curly.
_TAG = r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,2000})?/?>"
_ENTITY = r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});"
_MARKUP = re.compile(
    r"(?P<jammer>(?<![!-~])(?:[!-~]{1,2}[ \t]){5,}[!-~]{1,2}(?![!-~]))"
    # a saved page's script and style sheet: code, not the page's text (a script's strings may
    # hold figures: var hot = ["地区生产总值增长10%"])
    r"|(?P<code>(?i:<(?:script|style)\b[^<>]{0,2000}>))"
    r"|(?P<cell>(?i:</?t[dh]\b[^<>]{0,2000}>))"
    r"|(?P<block>(?i:<(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr)\b[^<>]{0,2000}>))"
    rf"|(?P<tag>{_TAG})"
    rf"|(?P<entity>{_ENTITY})"
    r"|(?P<heading>(?:^|(?<=\n))[ \t]*(?:#{1,6}|>)[ \t]+)"
    r"|(?P<emphasis>\*\*|__)"
    r"|(?P<separator>(?<=\d),(?=\d{3}(?![\d.]))"
    # a full-width comma between groups of three (粮食产量34，250万吨), never the clause's: one to
    # three digits before it, none of a decimal's, and a unit or the next group after three
    r"|(?<=\d)(?<!\d{4})(?<![.．]\d)(?<![.．]\d\d)(?<![.．]\d{3})，(?=\d{3}(?:[\u4e00-\u9fff]|，\d)))"
    # pinyin: tone marks or a tone's number (經(jīng), 經(jing1)), ASCII or full-width brackets
    r"|(?P<pinyin>(?<=[\u4e00-\u9fff\u2e80-\u2fdf])[(（](?=[a-z\u00e0-\u00fc\u0101-\u01dc]*"
    r"[aeiou\u00e0-\u00fc\u0101-\u01dc])[a-z\u00e0-\u00fc\u0101-\u01dc]{1,6}[1-5]? ?[)）])"
)
_CLOSING = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_CLUTTER = (r"[A-Za-z]", r"[^\w\s|]")
_TAGS_AND_ENTITIES = re.compile(f"{_TAG}|{_ENTITY}")
_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000\u00a0]{2,}(?=\S)")
_RUN = re.compile(r"[ \u3000\u00a0]{2,}")


def clean(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without a copy's markup: the cleaned text, each character's offset in `text`
    and the end of what it stands for."""
    built = Rewrite(text)
    origin, ends = built.origin, built.ends
    pos = 0
    in_cell = False  # inside a table's cell of data (`_Cells.data`)
    in_row = False  # inside a table's row whose cells are data
    cells: _Cells | None = None  # found at the first cell or row

    def keep(start: int, stop: int) -> None:
        if stop <= start:
            return
        if (in_cell or in_row) and _LAID_OUT.search(text, start, stop):
            # a row's source laid out over lines (LibreOffice's HTML): its cells, one line
            for index in range(start, stop):
                if text[index] not in "\n\r\t":
                    put(text[index], index, index + 1)
            return
        built.keep(start, stop)

    put = built.put

    unclosed: set[str] = set()  # a script or style tag never closed after this point
    for match in _MARKUP.finditer(text):
        if match.start() < pos:
            continue  # inside a script or style sheet dropped whole
        keep(pos, match.start())
        kind, run = match.lastgroup, match.group()
        if kind == "jammer" and min(len(re.findall(p, run)) for p in _CLUTTER) < 3:
            keep(match.start(), match.end())  # not clutter (a table's | 1 | 2 | 3 |): kept
        elif kind == "code":
            # dropped whole, to its closing tag: each search starts past the last one's end,
            # and one that fails is not made again, so the whole text is read once
            name = "script" if run[1:3].lower() == "sc" else "style"
            close = None if name in unclosed else _CLOSING[name].search(text, match.end())
            if close is not None:
                pos = close.end()
                continue
            unclosed.add(name)
        elif kind == "cell":
            # a table's cell: its end sets it apart from the next (" | ", a row a line, as a
            # text copy of 附表1 reads); a paragraph or break inside a cell of data breaks no
            # line (inside a cell that lays out the page, the article's own, they do)
            cells = cells or _Cells(text)
            in_cell = not run.startswith("</") and cells.data(match.end())
            if run.startswith("</"):
                put(" | ", match.start(), match.end())
        elif kind == "block" and not in_cell:
            put("\n", match.start(), match.end())
            if run[1:3].lower() == "tr":  # (any case: old pages write <TR>, <P>, <BR>)
                cells = cells or _Cells(text)
                in_row = cells.data(match.end(), row=True)
            elif run[1:4].lower() == "/tr":
                in_row = False
        elif kind == "entity":
            char = html.unescape(match.group())
            if len(char) == 1:
                put(" " if char == "\u00a0" else char, match.start(), match.end())
            elif char != match.group():
                pass  # an entity of several characters: dropped
            else:
                keep(match.start(), match.end())  # not an entity: kept as written
        pos = match.end()
    keep(pos, len(text))
    cleaned = built.text()
    if '"' in cleaned:
        cleaned = _curly_quotes(cleaned)
    # Paragraphs a scrape ran together, set apart by runs of spaces: in a very long line, and
    # in a long one where a sentence ends before the run or a list item starts after it.
    very_long = any(len(line) > 2000 for line in cleaned.split("\n"))
    if "  " in cleaned or "\u3000\u3000" in cleaned or "\u00a0" in cleaned:
        runs = [
            m
            for m in _SPACE_RUN.finditer(cleaned)
            if (very_long and _far_from_breaks(cleaned, m.start(), m.end()))
            or _between_paragraphs(cleaned, m.start(), m.end())
        ]
        if runs:
            out: list[str] = []
            new_origin: list[int] = []
            new_ends: list[int] = []
            last = 0
            for m in runs:
                out.append(cleaned[last : m.start()])
                new_origin.extend(origin[last : m.start()])
                new_ends.extend(ends[last : m.start()])
                out.append("\n\n")  # a paragraph's end: an empty line, as a break lost
                new_origin.extend((origin[m.start()], origin[m.start()]))
                new_ends.extend((ends[m.end() - 1], ends[m.end() - 1]))
                last = m.end()
            out.append(cleaned[last:])
            new_origin.extend(origin[last:])
            new_ends.extend(ends[last:])
            cleaned, origin, ends = "".join(out), new_origin, new_ends
    return cleaned, origin, ends


_LAID_OUT = re.compile(r"[\n\r\t]")  # a source's line breaks and indents inside a row
_CELL_OPEN = re.compile(r"<t[dh]\b[^<>]{0,2000}>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]\s*>|<table\b", re.IGNORECASE)
_BLOCKS = re.compile(r"<(?:br|p|div|li|h[1-6])\b", re.IGNORECASE)


class _Cells:
    """Where a page's cells open and end, and its paragraphs and breaks, found once, so that
    telling a cell of data from one that lays out the page costs a look-up, whatever the page
    (a hostile one of a million <td> tags too)."""

    def __init__(self, text: str) -> None:
        self.opens = [m.end() for m in _CELL_OPEN.finditer(text)]
        found = list(_CELL_END.finditer(text))
        self.ends = [m.start() for m in found]
        self.tables = [m.group().lower().startswith("<table") for m in found]
        self.blocks = [m.start() for m in _BLOCKS.finditer(text)]

    def data(self, start: int, row: bool = False) -> bool:
        """Whether the cell opened at `start` (with `row`: the row opened at `start`, by its
        first cell) holds a figure or a label — its end within 4,000 characters, no table
        inside it, a paragraph or two — not a page's layout (the whole article in it)."""
        if row:
            first = bisect_left(self.opens, start)
            if first == len(self.opens) or self.opens[first] - start > 2000:
                return False
            start = self.opens[first]
        index = bisect_left(self.ends, start)
        if index == len(self.ends) or self.tables[index] or self.ends[index] - start > 4000:
            return False
        end = self.ends[index]
        return bisect_left(self.blocks, end) - bisect_left(self.blocks, start) <= 2


def _far_from_breaks(text: str, start: int, end: int) -> bool:
    """Whether no line break is within 200 characters of `text[start:end]` on one side."""
    after = text.find("\n", end)
    return text.rfind("\n", 0, start) < start - 200 or after < 0 or after > end + 200


def _between_paragraphs(text: str, start: int, end: int) -> bool:
    """Whether the run of spaces `text[start:end]` sets apart two paragraphs of a long line:
    after a sentence's end (…的答卷。  增长) or a figure (…完成65亿元  固定资产…), before a
    list item (…6%左右  ●城镇…), or before
    or after a heading or title (…的主要目标  地区生产总值…, …进一步下降  今年重点工作  ■…:
    a short stretch between runs, or a run and the line's start)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if (len(text) if line_end < 0 else line_end) - line_start <= 100:
        return False
    if text[start - 1] in "。！？!?；…”" or LIST_LABEL.match(text, end) is not None:
        return True
    if FIGURE_END.search(text, max(line_start, start - 16), start):
        return True  # a target's figure ends the stretch (…力争完成65亿元  固定资产投资…)
    # a short stretch between runs (or a run and the line's start): a heading or a title
    before = text[max(line_start, start - 41) : start]
    if len(_RUN.split(before)[-1]) <= 40 and (
        start - line_start <= 40 or _RUN.search(before) is not None
    ):
        return True
    after = _RUN.search(text, end, min(end + 42, len(text) if line_end < 0 else line_end))
    return after is not None and after.start() - end <= 40


def _curly_quotes(text: str) -> str:
    """Straight double quotes as the report's curly ones, opening and closing by turns in each
    line ("十五五" → “十五五”): a label in quotation marks is read as a label, not a figure."""
    out: list[str] = []
    for line in text.split("\n"):
        if '"' not in line:
            out.append(line)
            continue
        chars = list(line)
        opening = True
        for index, char in enumerate(chars):
            if char == '"':
                chars[index] = "“" if opening else "”"
                opening = not opening
        out.append("".join(chars))
    return "\n".join(out)


FIGURE_END = re.compile(r"\d\s*(?:%|‰|[万亿]?元|个|家|项|户|人|吨)(?:左右|以上|以内)?$")
