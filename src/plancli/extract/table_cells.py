"""A 附表's cells as `tables` reads them: a row's cells, whether a cell names a row, the rows
of a copy that left out the 序号 column (numbered here, so they read as the seed's rows do),
and what each column of figures holds, from the table's header.

Copies of a 主要预期目标 table come in more than the seed's form (序号 | 指标名称 | 单位 |
2021年计划 | 2021年完成 (绝对值, 增长率) | 2022年计划): the 序号 column missing or empty
(地区生产总值 | 亿元 | 8 | …, or | 地区生产总值 | …), last year's result in one column
(指标名称 | 单位 | 2021年计划 | 2021年完成 | 2022年计划: 地区生产总值增速 | % | 7 | 5 | 7, the 5
a growth), or no 单位 column. The header says which column is which; a header that names
none of them leaves the seed's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancli.extract.forms import LEVEL_UNITS

NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")

# A plan's words in a table's cell (正增长, 与经济增长基本同步, 持平, 控制在…): never a row's name.
_WORDING = re.compile(
    r"^(?:与|同|比|正增长|负增长|持平|保持|稳定|稳中|不低于|不高于|不超过|高于|低于|快于|慢于"
    r"|略高|控制|力争|争取|确保|完成|达到|实现|(?:省|市|国家)?下达)"
)


def cells(text: str) -> list[str]:
    """A row's cells: set apart by " | ", or by tabs (a Word table saved as text, or pasted)."""
    found = [c.strip() for c in text.split("|" if "|" in text else "\t")]
    while found and not found[-1]:
        found.pop()
    return found


def named(cell: str) -> bool:
    """Whether a cell can be a row's name: words, not a figure (7以上), a unit or a plan's words."""
    return (
        re.search(r"[\u4e00-\u9fff]", cell) is not None
        and re.match(r"[-+−.\d—–]", cell) is None
        and _WORDING.match(cell) is None
        and re.fullmatch(LEVEL_UNITS, cell) is None
    )


def _figure(cell: str) -> bool:
    """A figure of a row, not a year of the header (2021 over its column)."""
    return NUMBER.match(cell) is not None and re.fullmatch(r"(?:19|20)\d\d", cell) is None


def numbered(texts: list[str]) -> list[str]:
    """A table's lines, its rows numbered 1, 2, … where the copy left the 序号 column out or
    empty (a row then opens with its name, or with an empty cell and its name); a table
    whose rows carry their numbers is left as it is. The header (the lines before the first
    with a figure) is not numbered; nor is a row's remainder a copy wrapped onto a line of
    its own: a line that opens with a figure or a plan's words, or with words the row before
    still has room for (…| 与经济增长基 / 本同步 | 53505 |: a cell cut inside) — a line
    opens a row with its name and then a unit, or after a row as wide as the widest line."""
    rows = [cells(text) for text in texts]
    if any(len(row) >= 2 and row[0].isdigit() and named(row[1]) for row in rows):
        return texts
    first = next((i for i, row in enumerate(rows) if any(_figure(c) for c in row)), len(rows))
    widest = max((len(row) for row in rows), default=0)
    out = list(texts[:first])
    number = 0
    width = widest  # the cells of the row open so far
    for text, row in zip(texts[first:], rows[first:], strict=True):
        separator = " | " if "|" in text else "\t"
        body = text.lstrip(" \u3000")
        empty = bool(row) and not row[0]  # (| 地区生产总值 | …: the 序号 cell left empty)
        head = row[1:] if empty else row
        opens = (
            bool(head)
            and named(head[0])
            and (
                (len(head) > 1 and re.fullmatch(LEVEL_UNITS, head[1]) is not None)
                or (width >= widest and len(head) > 1)
            )
        )
        if opens:
            number += 1
            out.append(f"{number}{body}" if empty else f"{number}{separator}{body}")
            width = len(head)
        else:
            out.append(text)
            width += len(row)
    return out


@dataclass(frozen=True)
class Columns:
    """Where a row's figures start (after 序号, the name and 单位) and what each holds:
    `plan` (last year's plan), `value` (last year's result), `growth` (its growth), `result`
    (last year's result in one column: a growth for a growth row, else its value), `target`
    (this year's plan) or "" (another column)."""

    start: int
    roles: tuple[str, ...]
    # this year's column a growth rate (增长率(%), 增速), an amount (绝对值), or not said
    target_rate: bool | None = None


SEED = Columns(3, ("plan", "value", "growth", "target"))

_YEAR_ALONE = re.compile(r"\s*(?:19|20)\d\d年度?\s*")
_DONE = re.compile(r"完成|实际|实绩|执行|预计|实现")
_ABSOLUTE = re.compile(r"绝对值|绝对额|总量|数值|金额|规模|总额|完成值")
_RATE = re.compile(r"增长|增速|增幅|%|％")


def columns(header: list[list[str]], year: int, body: list[list[str]]) -> Columns:
    """What a table's columns of figures hold, read from its header's rows (a top row naming
    last year's plan and result and this year's, a row under it of 绝对值 and 增长率 where
    a column is split); the seed's order where the header names none of them, or not as
    many columns as the body's widest row holds (a header a copy wrapped, cut mid-cell)."""
    previous = f"{year - 1}年"
    tops = [i for i, row in enumerate(header) if any(previous in c for c in row)]
    if not tops:
        return SEED
    top = header[tops[0]]
    # the cells before the first that opens with a year: 序号, the name, 单位 (or a title a
    # copy joined to 序号: 官渡区2022年…目标序号); the groups of figures from there
    first = next((i for i, c in enumerate(top) if re.match(r"(?:19|20)\d\d年", c)), len(top))
    lead = [c for c in top[:first] if c]
    groups = [c for c in top[first:] if c]
    below = header[tops[0] + 1] if tops[0] + 1 < len(header) else []
    years = any(re.search(r"(?:19|20)\d\d年", c) for c in below)  # another top row
    subs = [c for c in below if c] if not years else []
    expanded: list[tuple[str, str]] = []
    for index, group in enumerate(groups):
        left_groups = len(groups) - index - 1
        if not subs:
            expanded.append((group, ""))
            continue
        if _YEAR_ALONE.fullmatch(group):
            # a year alone over its columns (2021年 over 计划 | 完成): it heads every column
            # below it but one for each group after it
            taken = [subs.pop(0) for _ in range(max(1, len(subs) - left_groups))]
            for i, sub in enumerate(taken):
                done = i and _DONE.search(taken[i - 1]) and _RATE.search(sub)
                expanded.append((group, taken[i - 1] + sub if done else sub))
            continue
        sub = subs.pop(0)
        expanded.append((group, sub))
        if _ABSOLUTE.search(sub) and subs and _RATE.search(subs[0]) and len(subs) > left_groups:
            expanded.append((group, subs.pop(0)))  # 2021年完成: 绝对值 | 增长率(%)
    labels: list[tuple[str, str]] = []
    for group, sub in expanded:
        if not re.search(r"(?:19|20)\d\d年", group) and labels:
            group = labels[-1][0] + group  # (2023年完成 | 增长 |: the growth of that result)
        labels.append((group, sub))
    roles = tuple(_role(group, sub, year) for group, sub in labels)
    if "growth" in roles:
        roles = tuple("value" if role == "result" else role for role in roles)
    if not {"plan", "value", "growth", "result"} & set(roles):
        return SEED
    # the figures after the lead's cells, and after the number a row without one was given
    start = len(lead) + (0 if lead and re.search(r"序号?$|编号$", lead[0]) else 1)
    if start + len(roles) != max((len(row) for row in body), default=0):
        return SEED
    target = next((group + sub for (group, sub), role in zip(labels, roles, strict=True)
                   if role == "target"), "")  # fmt: skip
    rate = True if _RATE.search(target) else False if _ABSOLUTE.search(target) else None
    return Columns(start, roles, rate)


def _role(group: str, sub: str, year: int) -> str:
    label = group + sub
    if f"{year}年" in group:
        return "target"
    if f"{year - 1}年" not in group:
        return ""
    if _DONE.search(label):
        if _ABSOLUTE.search(label):
            return "value"
        return "growth" if _RATE.search(label) else "result"
    return "plan" if re.search(r"计划|目标|预期", label) else ""
