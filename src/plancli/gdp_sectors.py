"""第一产业, 第二产业, 第三产业 under 地区生产总值 (session 42): every 统计局 quarterly GDP sheet
gives GDP's rows by sector so, the sectors' value added (第一产业增加值…), and 贵州's and 甘肃's
plans track them (一产增加值, primary_value_added…). Such a row was refused, `unknown target
'第一产业' in plan guizhou-2026`. A sector's row is read as the plan's target of that sector
where it sits right under the GDP row (the rows between it and GDP's all sectors' rows): the
same words under 固定资产投资 (investment by sector, as monthly sheets give it) are another
statistic, refused as before, and so is a sector's row with a blank row or another row above it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plancli.errors import InputError

if TYPE_CHECKING:
    from plancli.imports import ImportRow
    from plancli.plain import AnyPlan

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


def gdp_sectors(plan: AnyPlan, rows: list[ImportRow]) -> list[ImportRow]:
    """The rows with each sector's row right under the GDP row naming the plan's target of that
    sector by its id (`第一产业` → primary_value_added); the rows as they are where the plan has
    no such target or no sector's row is under GDP."""
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
    read: list[ImportRow] = []
    for row in rows:
        sector = by_row[row.row]
        if sector in SECTORS.values() and plan.target(sector) is not None:
            above = row.row - 1
            while by_row.get(above) in SECTORS.values():
                above -= 1
            if by_row.get(above) == "gdp":
                row = row._replace(entry=row.entry._replace(target=sector))
        read.append(row)
    return read
