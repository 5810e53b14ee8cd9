"""第一产业, 第二产业, 第三产业 under 地区生产总值 (session 42): every 统计局 quarterly GDP sheet
gives GDP's rows by sector so, the sectors' value added (第一产业增加值…), and 贵州's and 甘肃's
plans track them (一产增加值, primary_value_added…). Such a row was refused, `unknown target
'第一产业' in plan guizhou-2026`. A sector's row is read as the plan's target of that sector
where it sits right under the GDP row (the rows between it and GDP's all sectors' rows, or
since session 43 a heading on its own row, 其中： or 按产业分：, or a blank row): the same words
under 固定资产投资 (investment by sector, as monthly sheets give it) are another statistic,
refused as before, and so is a sector's row with another indicator's row above it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from plancli.errors import InputError

if TYPE_CHECKING:
    from plancli.imports import ImportRow
    from plancli.plain import AnyPlan
    from plancli.read_notes import ReadNotes

SECTORS = {
    "第一产业": "primary_value_added",
    "第二产业": "secondary_value_added",
    "第三产业": "tertiary_value_added",
}
_BRACKET = re.compile(r"\([^()]*\)$")  # 第一产业（亿元）: its unit


def _kind(plan: AnyPlan, text: str, index: dict[str, list[str]]) -> str:
    """A row's name as this reading sees it: a sector's id (第一产业), "gdp" or ""."""
    from plancli.bulletin_layout import name_with_unit
    from plancli.bulletin_names import name_key, target_id

    sector = SECTORS.get(_BRACKET.sub("", name_key(text)))
    if sector is not None:
        return sector
    try:
        found = target_id(plan, text, index) or (name_with_unit(plan, text, index) or ("",))[0]
    except InputError:  # a name of two targets: refused where it is resolved
        return ""
    return "gdp" if found == "gdp" else ""


# A heading on a row of its own between GDP's row and its sectors' (name_key folded, `:` off):
# 其中： (name_key drops it: ""), 按产业分：, 分产业 (贵州's and 甘肃's quarterly sheets).
HEADINGS = frozenset({"", "其中", "按产业分", "按三次产业分", "分产业", "分三次产业", "按产业划分"})


def _passable(notes: ReadNotes | None) -> Callable[[int, int], bool]:
    """Are the sheet's rows strictly between two rows only headings (HEADINGS) or blank? Not
    where one is an indicator's row with no figure or all —, or one refused; and where more
    rows of all — than `notes` keeps by number (or rows naming no target than it keeps), only
    headings are (a blank row is not told from those)."""
    from plancli.name_keys import name_key
    from plancli.read_notes import NO_DATA_KEPT

    if notes is None:  # rows not read from a bulletin: only next rows
        return lambda above, below: below == above + 1
    headings = sorted(r for r, text in notes.figureless if name_key(text).rstrip(":") in HEADINGS)
    blocking = sorted(
        {r for r, text in notes.figureless if name_key(text).rstrip(":") not in HEADINGS}
        | set(notes.no_data_at)
        | notes.dashed
        | {r for r, _text, _problem in notes.total_problems}
    )
    told = len(notes.no_data_at) < NO_DATA_KEPT and not notes.dropped  # (rows not kept)

    def passable(above: int, below: int) -> bool:
        if bisect_right(blocking, above) != bisect_left(blocking, below):
            return False
        between = bisect_left(headings, below) - bisect_right(headings, above)
        return told or between == below - above - 1

    return passable


def gdp_sectors(
    plan: AnyPlan, rows: list[ImportRow], notes: ReadNotes | None = None
) -> list[ImportRow]:
    """The rows with each sector's row under the GDP row naming the plan's target of that
    sector by its id (`第一产业` → primary_value_added): right under it, or with only headings
    (其中：, 按产业分：) or blank rows between (`notes`: the rows the reader read past); the rows
    as they are where the plan has no such target or no sector's row is under GDP."""
    from plancli.bulletin_names import names_index

    if plan.target("gdp") is None or not any(plan.target(i) for i in SECTORS.values()):
        return rows
    index = names_index(plan)
    kinds: dict[str, str] = {}
    for row in rows:  # each distinct name once (a file of ids: a million rows, a few names)
        if (text := row.entry.target) not in kinds:
            kinds[text] = _kind(plan, text, index)
    if not any(kind in SECTORS.values() for kind in kinds.values()):
        return rows
    by_row: dict[int, str] = {}  # a sheet row's kind (a series gives one row several entries)
    for row in rows:
        by_row.setdefault(row.row, kinds[row.entry.target])
    passable = _passable(notes)
    under: set[int] = set()  # the sector rows under GDP's, in one pass down the sheet
    above: int | None = None
    for number, kind in by_row.items():
        chained = above is not None and (by_row[above] == "gdp" or above in under)
        if kind in SECTORS.values() and chained and passable(above or 0, number):
            under.add(number)
        above = number
    read: list[ImportRow] = []
    for row in rows:
        sector = by_row[row.row]
        if row.row in under and plan.target(sector) is not None:
            row = row._replace(entry=row.entry._replace(target=sector))
        read.append(row)
    return read
