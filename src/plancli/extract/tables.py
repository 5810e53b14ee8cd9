"""附表 tables: a 主要预期目标 table (the seed report's 附表1) gives the headline targets their
baselines (last year's plan, result and growth), and a row the paragraph does not state is a
target of its own (`table_targets`).

The tables arrive flattened, one row a line, cells separated by " | " (or by tabs: a Word
table saved as text or pasted); merged cells leave a row short (附表1's 农村 income row shares
the 同步 wording of the row above). Where they are is `table_spans`'; rows a copy left without
their numbers, and what each column holds, `table_cells`'.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from plancli.extract.clauses import split_town_country
from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.forms import LEVEL_UNITS
from plancli.extract.sections import Layout
from plancli.extract.table_cells import NUMBER, Columns, columns, named, numbered
from plancli.extract.table_cells import cells as row_cells
from plancli.extract.table_targets import row_target
from plancli.extract.text import Line, split_lines
from plancli.extract.vocabulary import lookup

# One series stated as a whole or by its parts: the paragraph's 居民收入 target covers the
# table's 城镇 and 农村 rows (no target of their own), and the other way round.
_INCOMES = {"resident_income", "urban_income", "rural_income"}
_FAMILIES = {key: _INCOMES for key in _INCOMES}
_LEADING = re.compile(r"^(-?\d+(?:\.\d+)?)")
# the line above a table that goes on with the one before it: 续表, 附表1（续）
_CONTINUED = re.compile(r"(?:^|\n)[^\n|\t]{0,20}(?:续表\s*\d*|[（(]续[）)])\s*\n\s*$")


def apply_tables(parse: str, layout: Layout, targets: list[DraftTarget]) -> list[DraftTarget]:
    """Baselines from a 主要预期目标 table for the headline targets it names."""
    previous_year = layout.year - 1
    before: Columns | None = None  # the columns of the table read last
    made: set[str] = set()  # the ids of targets made of a row
    for span in layout.tables:
        lines = split_lines(parse, span.start, span.end)
        targets = _split_incomes(numbered([line.text for line in lines]), targets)
        header = " ".join(line.text for line in lines[:3])
        spans: list[tuple[int, int]] = []  # each row's lines
        rows = _rows(lines, spans)
        first = next((i for i, row in enumerate(rows) if _data_row(row)), len(rows))
        if f"{previous_year}年" in header:
            layout_ = before = columns(rows[:first], layout.year, rows[first:])
        elif first == 0 and before is not None and _CONTINUED.search(parse[: span.start][-40:]):
            layout_ = before  # 续表: the rest of the table above, its header not repeated
        else:
            continue
        shared_plan: str | None = None
        shared_target: str | None = None
        for cells, (start, end) in zip(rows[first:], spans[first:], strict=True):
            if not _data_row(cells) or len(cells) < layout_.start + 1:
                continue
            name, values = cells[1], cells[layout_.start :]
            roles = layout_.roles
            if len(values) >= len(roles):
                read = _read(roles, values)
                if not re.search(r"\d|^[—\-–/]*$", read.get("value", read.get("result", ""))):
                    continue  # words where last year's figure stands: a row misread, unread
                shared_plan, shared_target = read.get("plan", ""), read.get("target")
            elif (
                roles[0] == "plan"
                and len(roles) - 2 <= len(values) < len(roles)
                and len(values) >= 2
                and NUMBER.match(values[0])
            ):
                # A merged 计划 cell: the row above's wording holds for this row too.
                read = _read(roles[1:], values)
                read["plan"] = shared_plan or ""
                if len(values) == len(roles) - 2 and roles[-1] == "target" and shared_target:
                    read["target"] = shared_target  # (this year's cell merged too)
            else:
                # a row cut short otherwise (a PDF copy wraps a row: …| 正增长 | 605.02 |
                # then —— | 正增长 | on the next line): no baseline rather than a wrong one,
                # nor its plan lent to a row below
                shared_plan = shared_target = None
                continue
            indicator = lookup(name)
            if indicator is None:
                continue
            stated = [t for t in targets if t.section == "headline" and t.id == indicator.id]
            family = _FAMILIES.get(indicator.id, {indicator.id})
            covered = any(
                t.section == "headline"
                and t.id in family
                and (t.id == indicator.id or t.id not in made)  # (a row's own: 城镇, then 农村)
                for t in targets
            )
            if not covered and read.get("target") and "\n" not in parse[start:end]:
                # a row the paragraph does not state: a target of its own, its quote the row
                unit = cells[2] if layout_.start == 3 else ""
                found = row_target(name, unit, read["target"], layout_.target_rate, start, end)
                if found is not None:
                    targets.append(found)
                    made.add(found.id)
                    stated = [found]
            for target in stated:
                if "result" in read:
                    # last year's result in one column: a growth row's is its growth
                    percent = layout_.start == 3 and cells[2] in ("%", "％")
                    rate = re.search(r"增速|增长|增幅", name) or (
                        percent and target.kind == "growth"
                    )
                    read["growth" if rate else "value"] = read["result"]
                given = _baseline(
                    previous_year,
                    read.get("plan", ""),
                    read.get("value", ""),
                    read.get("growth", ""),
                )
                if len(given) > 1:  # (a row of no figure it reads, 1e400, left the year
                    target.baseline = given  # alone, and the review's baseline unread)
                break
    return targets


def _data_row(cells: list[str]) -> bool:
    """A row of the table's body: its number, then its name."""
    return len(cells) >= 2 and cells[0].isdigit() and named(cells[1])


def _read(roles: tuple[str, ...], values: list[str]) -> dict[str, str]:
    """A row's figures by what their columns hold (the first column of each kind)."""
    read: dict[str, str] = {}
    for role, value in zip(roles, values, strict=False):
        if role and role not in read:
            read[role] = value
    return read


def _rows(lines: list[Line], spans: list[tuple[int, int]] | None = None) -> list[list[str]]:
    """The table's rows: a line that does not start with a row's number, after a numbered
    row, is that row's remainder, wrapped onto a line of its own by a copy (a PDF's). Cut
    between two cells, a separator stands at the break (…| 52.24 | / 5.2 | 2 |, …605.02 /
    | —— |); cut inside a cell, none does, and the cell's two pieces are one (…| 与经济增长 /
    基本同步 | 53505 |, …| 7以 / 上 |: verify C, a 53505 % growth read of the pieces).
    `spans` gets each row's start and end in the text."""
    rows: list[list[str]] = []
    found: list[tuple[int, int]] = [] if spans is None else spans
    previous = ""
    for line, raw in zip(lines, numbered([line.text for line in lines]), strict=True):
        text = raw.strip()
        cells = row_cells(text)
        if (
            rows
            and rows[-1][:1]
            and rows[-1][0].isdigit()
            and cells
            and not _opens_row(cells, rows)
        ):
            if text.startswith("|"):
                cells = cells[1:]  # the separator the break put first: no cell before it
            elif "|" in text and previous.rstrip()[-1:] not in ("|", "") and rows[-1][1:]:
                rows[-1][-1] += cells.pop(0)  # a cell cut inside
            rows[-1].extend(cells)
            found[-1] = (found[-1][0], line.end)
        else:
            rows.append(cells)
            found.append((line.start, line.end))
        previous = text
    return rows


def _opens_row(cells: list[str], rows: list[list[str]]) -> bool:
    """Whether a line's cells open a row of their own rather than go on with the row before.
    A row opens with its number and then its name; a copy cut at a narrow width leaves the
    rest of a figure first (…| 5350 / 5 | 9.2 |, …| 5.2 | / 2 |, …| 605.0 / 2 | —— |, …| 9. /
    2 | 与经济增长基本同步 |: a plan's words, no name). The number need not be the next (a row
    deleted, a number repeated, a second table counting from 1: verify D-B) when a unit
    follows the name (number | name | unit: a row's head) or the row before is as full as
    the widest row above it, the header's lines too (so it is no row cut short)."""
    if not cells[0].isdigit() or len(cells) < 2 or not named(cells[1]):
        return False
    before = rows[-1]
    if int(cells[0]) == int(before[0]) + 1:
        return True
    if len(cells) > 2 and re.fullmatch(LEVEL_UNITS, cells[2]):
        return True
    widths = [len(row) for row in rows[:-1]]  # the rows before it, the header's lines too
    return bool(widths) and len(before) >= max(widths)


def _split_incomes(texts: list[str], targets: list[DraftTarget]) -> list[DraftTarget]:
    """城乡居民收入与经济增长同步 is one target (one series), but a table with a row for the
    urban and one for the rural income makes it two: one for each row."""
    rows = {
        i.id
        for i in (
            lookup(row_cells(text)[1])
            for text in texts
            if ("|" in text or "\t" in text) and len(row_cells(text)) > 1
        )
        if i is not None
    }
    if not {"urban_income", "rural_income"} <= rows:
        return targets
    out: list[DraftTarget] = []
    for target in targets:
        if (
            target.section != "headline"
            or target.kind != "relative"
            or not target.name.startswith("城乡")
        ):
            out.append(target)
            continue
        for name in split_town_country(target.name):
            indicator = lookup(name)
            # (each part its own lists: a bulletin's names go to one part, never both)
            part = replace(
                target,
                name=name,
                notes=list(target.notes),
                review=list(target.review),
                parts=list(target.parts),
                aliases=list(target.aliases),
            )
            if indicator is not None:
                part.id, part.name_en, part.unit = indicator.id, indicator.name_en, indicator.unit
            out.append(part)
    return out


def _baseline(year: int, plan_text: str, value: str, growth: str) -> dict[str, Any]:
    baseline: dict[str, Any] = {"year": year}
    if NUMBER.match(value):
        baseline["value"] = toml_number(Decimal(value))
    if NUMBER.match(growth) and Decimal(growth) >= -100:  # (-1441.37: no growth, a slip)
        baseline["growth"] = toml_number(Decimal(growth))
    leading = _LEADING.match(plan_text)
    if leading:
        baseline["plan"] = toml_number(Decimal(leading.group(1)))
    elif plan_text == "正增长":
        baseline["plan"] = 0
    if plan_text:
        baseline["plan_text"] = plan_text
    return baseline
