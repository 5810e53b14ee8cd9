"""Help screens that wrap Chinese text by the columns it takes on a terminal.

Click wraps help at spaces and counts characters: a Chinese sentence has no spaces and each of
its characters takes two columns, so `plancli --help` in Chinese ran past 80 columns. Text
with wide characters is wrapped here by display width, at any character boundary but never
before closing punctuation (，。；：）…) nor after an opening bracket (（[《), never inside a
word, a number with its 年/月 (2022年6月, 1-6月) or a short bracketed remark ([必填],
[环境变量：PLANCLI_LEDGER]); English text is left to Click, unchanged.
"""

import unicodedata
from typing import Any

import typer

# Typer >= 0.26 vendors Click; its formatter is the one Click's commands use.
from typer._click.formatting import HelpFormatter

# Closing punctuation stays on the line of the character before it (避头尖 rule).
_NO_LINE_START = set("，。；：、！？）》」』】〕…,.;:!?)]}%％")
# Opening brackets stay on the line of what follows them (避尾 rule).
_NO_LINE_END = set("（《「『【〔“‘([{")
# A date's or a count's word stays with its number: 2022年6月, 1-6月, 二季度 after 2022年.
_AFTER_NUMBER = set("年月日季度号个项")
# A bracketed remark of Click's ([必填], [默认：…], [环境变量：…]) kept on one line when it
# is at most this wide; a longer one wraps as text.
_WHOLE_REMARK = 40


def char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns `text` takes on a terminal (a Chinese character: two)."""
    return sum(char_width(char) for char in text)


def is_wide(text: str) -> bool:
    return any(char_width(char) == 2 for char in text)


def _tokens(text: str) -> list[str]:
    """Words (runs of narrow non-space characters), single spaces and single wide characters,
    closing punctuation glued to what precedes it, an opening bracket to what follows it, a
    number to its 年/月, a short `[…]` remark made one."""
    tokens: list[str] = []
    for char in text:
        last = tokens[-1] if tokens else " "
        if char == " ":
            tokens.append(" ")
        elif (
            (char in _NO_LINE_START and last != " ")
            or (char_width(char) == 1 and last != " " and not is_wide(last[-1]))
            or (char in _AFTER_NUMBER and last[-1].isdigit())
            or (char.isdigit() and last[-1] in "年-")  # 2022年6月, 1-6月
            or (last[-1] in _NO_LINE_END)
        ):
            tokens[-1] += char
        else:
            tokens.append(char)
    return _remarks(tokens)


def _remarks(tokens: list[str]) -> list[str]:
    """Each `[…]` run of tokens no wider than _WHOLE_REMARK made one token."""
    out: list[str] = []
    start = None
    for token in tokens:
        out.append(token)
        if token.startswith("["):
            start = len(out) - 1
        if start is not None and "]" in token:
            remark = "".join(out[start:])
            if text_width(remark) <= _WHOLE_REMARK:
                out[start:] = [remark]
            start = None
    return out


def wrap(text: str, width: int) -> list[str]:
    """`text` (one paragraph) in lines of at most `width` columns (a longer word alone)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(text.split())):
        if token == " " and not line:
            continue
        if line and text_width(line + token) > width:
            lines.append(line.rstrip())
            line = "" if token == " " else token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def shorten(text: str, width: int) -> str:
    """The first sentence of a help text in at most `width` columns, `…` where it is cut."""
    first = text.split("。")[0].strip()
    if first != text.strip():
        first += "。"
    if text_width(first) <= width:
        return first
    out = ""
    for token in _tokens(first):  # cut between words: never inside an id (guandu-202…)
        if text_width(out + token) > width - 1:
            break
        out += token
    if not out.strip():  # a first word wider than the room: cut inside it
        for char in first:
            if text_width(out + char) > width - 1:
                break
            out += char
    return out.rstrip().rstrip("、，；：").rstrip("".join(_NO_LINE_END)) + "…"


class WideHelpFormatter(HelpFormatter):
    """Click's formatter, wrapping text with Chinese in it by display width."""

    def write_heading(self, heading: str) -> None:
        if is_wide(heading):
            self.write(f"{'':>{self.current_indent}}{heading}：\n")
        else:
            super().write_heading(heading)

    def write_text(self, text: str) -> None:
        if not is_wide(text):
            super().write_text(text)
            return
        indent = " " * self.current_indent
        for number, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
            if number:
                self.write("\n")
            for line in wrap(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(is_wide(second) for _first, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_col = min(max(len(first) for first, _second in rows), col_max) + col_spacing
        room = max(self.width - first_col - 2, 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, room) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class PlanContext(typer.Context):
    formatter_class = WideHelpFormatter
