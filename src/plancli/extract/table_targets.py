"""A 主要预期目标 table's row that the paragraph does not state: a headline target of its own,
read from this year's cell as the paragraph would word it (7以上 under 增长率(%): 增长7%以上;
正增长: 实现正增长; 4.8以内 in %: 控制在4.8%以内), its quote the row, and a `review` saying so.

A cell is read only where its column says what it is: a growth rate (增长率(%), 增速), a rate's
level (the row's unit %), or words (正增长, 与经济增长基本同步); an amount or a figure whose
column says nothing (城镇新增就业 | 万人 | 1.3 under 2022年计划) is left to the reader.
"""

from __future__ import annotations

import re

from plancli.extract.draft import DraftTarget
from plancli.extract.headline import HeadlineReader
from plancli.extract.vocabulary import lookup
from plancli.i18n import N_, _

TABLE_ONLY_NOTE = N_(
    "stated by the report's table only, not by its 主要预期目标 paragraph: "
    "check the bound against the table's row"
)

# (no sign: `-5以上`, worded 增长-5%以上, was read as 增长5%以上, a decline allowed drafted as a
# growth required; such a row is left to the reader)
_FIGURE = re.compile(r"^(\d+(?:\.\d+)?)\s*(以上|左右|以内|以下|及以上)?$")
_WORDS = re.compile(r"^(?:实现)?正增长$|^(?:与|同|快于|高于|略高于|不低于)")


def _clause(name: str, unit: str, cell: str, rate: bool | None) -> str | None:
    """The paragraph's wording of a row's target, or None where the cell does not say it."""
    cell = cell.replace("％", "%").replace("%", "")
    if _WORDS.match(cell):
        return f"{name}实现{cell.removeprefix('实现')}" if "正增长" in cell else f"{name}{cell}"
    figure = _FIGURE.match(cell)
    if figure is None:
        return None
    number, suffix = figure.group(1), figure.group(2) or ""
    if unit in ("%", "％") and not re.search(r"增速|增长|增幅", name):
        verb = "控制在" if suffix in ("以内", "以下") else "达到"
        return f"{name}{verb}{number}%{suffix}"
    if rate:
        return f"{name.removesuffix('增速')}增长{number}%{suffix}"
    return None


def row_target(
    name: str, unit: str, cell: str, rate: bool | None, start: int, end: int
) -> DraftTarget | None:
    """The headline target a table's row states (its quote `start`–`end`, the row), or None."""
    indicator = lookup(name)
    clause = _clause(name, unit, cell, rate)
    if indicator is None or clause is None:
        return None
    read = HeadlineReader(clause).read(0, len(clause))
    if len(read) != 1 or read[0].id != indicator.id:
        return None
    target = read[0]
    target.start, target.end = start, end
    target.review.append(_(TABLE_ONLY_NOTE))
    return target
