"""Reading a report's bytes: decoding, telling a report from other text, and its parse form.

Quotes must stay verbatim substrings of the decoded text, so the text itself is never changed.
Parsing works on a *parse form* of the same length, character for character: full-width
digits, letters, ％ and punctuation mapped to their half-width forms (`，` → `,`), so one regular
expression reads both spellings and every offset in it is an offset in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancli.errors import InputError
from plancli.i18n import _

# Full-width ASCII (！ to ～) → ASCII, the ideographic space → space; the Chinese list comma 、,
# the full stop 。 and the curly quotes are left as they are (they carry meaning of their own).
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20
_FULL_TO_HALF[ord("—")] = ord("—")  # kept: the report's range dash, matched as itself
_PARSE_TABLE = str.maketrans({chr(k): chr(v) for k, v in _FULL_TO_HALF.items()})

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters of almost every Chinese report; GB18030 decodes random bytes into rare ideographs.
_COMMON = re.compile(r"[的发展年和在工作]")


def parse_form(text: str) -> str:
    """`text` with full-width ASCII as half-width: same length, same offsets."""
    return text.translate(_PARSE_TABLE)


def decode_report(data: bytes, name: str = "report") -> str:
    """The report's text from UTF-8 (with or without BOM) or GB18030 bytes.

    Raises InputError (one line) for an empty file, a binary file, or text that is not a
    Chinese report. A UTF-8 file cut inside its last character is read up to the cut.
    """
    if not data.strip():
        raise InputError(_("{name} is empty").format(name=name))
    if b"\x00" in data[:65536]:
        raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
    text = _decode(data, name)
    check_chinese(text, name)
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")  # truncated inside the last character
        utf8_error = exc
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    raise InputError(
        _("{name} is neither UTF-8 nor GB18030 text (byte {position} is not UTF-8)").format(
            name=name, position=utf8_error.start
        )
    )


def check_chinese(text: str, name: str = "report") -> None:
    """InputError unless `text` reads as Chinese prose (a share of ideographs, common ones)."""
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputError(_("{name} is a binary file, not a report's text").format(name=name))
    sample = text[:200_000]
    letters = sum(1 for ch in sample if not ch.isspace())
    ideographs = len(_CJK.findall(sample))
    if ideographs < 20 or ideographs < 0.3 * letters or len(_COMMON.findall(sample)) < 5:
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
    furniture (related reports, QR-code prompt, footer). Furniture before the title (share and
    font-size buttons) holds no figures and needs no cutting."""
    start = 0
    if parse.startswith("SOURCE:"):
        nl = parse.find("\n")
        start = len(parse) if nl < 0 else nl + 1
    end = len(parse)
    for line in split_lines(parse, start):
        if _TAIL_MARKERS.match(line.text):
            end = line.start
            break
    return start, end
