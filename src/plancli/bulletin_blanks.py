"""A bulletin's rows with no figure (audit K): a table's 合计 row, a footnote below the table
(注：…), a section heading inside it (（一）工业生产), and a target's row left blank because its
figure is not out this month (地区生产总值, 居民收入 in a month that ends no quarter).

`bulletin.build_row` hands over a row of a bulletin's columns (not plancli's own, not a
template's) with a name and not one figure cell filled (累计值, 增长, amount, 当月: each empty or
`—`); `sort_figureless` tells, once the plan is known, which it is, and `figureless_lines`
says it in the import summary: a target's blank row is named (a figure forgotten is seen), a
footnote or heading is counted. None of them is refused, and none is read past silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.safe import clip_path

# Columns a 统计月报 commonly carries that plancli does not use: read past, named in one note
# (`figureless_lines`), where any other unknown column refuses the header.
UNUSED_COLS = frozenset(
    {"上年同期", "上年同期数", "全市排名", "排名", "位次", "排位", "比上年同期增减", "当月增长"}
    | {"名义增长", "名义增速", "同比名义增长", "比上年名义增长", "比上年同期名义增长"}
)  # 当月增长: one month's growth (`percent_headers.MONTH_GROWTH_KEY`: 本月增长(%), 当月同比…);
# 名义增长: a 居民收支 table's nominal growth beside its 实际增长, the growth read
# (bulletin.HEADERS), as GDP's (at constant prices) is, which 居民收入 keeps pace with (北京)


def unread_header(cell: str | None) -> bool:
    """A header cell plancli would neither read nor pass over (`bulletin.unknown_header`, not
    in UNUSED_COLS): a hidden column so headed is refused; a hidden 上年同期 is passed over as
    a shown one is, since unhiding it changes nothing."""
    from plancli.bulletin import header_key, unknown_header

    return unknown_header(cell) and header_key((cell or "").strip()) not in UNUSED_COLS


if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import Problems
    from plancli.plain import AnyPlan
    from plancli.read_notes import ReadNotes

TOTAL_ROWS = frozenset(("合计", "总计", "小计"))
"""A bulletin's total rows: read past (and counted), unless the plan has a target so named."""

FOOTNOTE = re.compile(r"^(?:注|附注|说明|资料来源|数据来源)[0-9一二三四五六七八九十]*[:.、]")
"""How a note below a statistical table begins (NFKC, no spaces: `注：1.…`, `资料来源：…`)."""
_FIGURE_CELLS = ("value", "total", "amount", "本月")  # bulletin.TOTAL and bulletin.MONTH


def total_row(target: object, row: int, problem: str, notes: ReadNotes) -> bool:
    """Is a row a reader refused (`problem`) a 合计 row? Then it is kept in `notes` for
    `resolve_rows`, which reads it past unless the plan has a target so named."""
    from plancli.bulletin_names import name_key

    if target is None or name_key(str(target)) not in TOTAL_ROWS:
        return False
    notes.total_problems.append((row, str(target), problem))
    return True


def refuse_missing(
    problems: Problems,
    row: int,
    missing: list[str],
    target: object,
    notes: ReadNotes,
    filled: Sequence[str] = (),
) -> None:
    """A row without the figures or period it needs is refused (`no value for gdp`, with the
    columns it fills: `bulletin_layout.no_value`), a 合计 row aside."""
    from plancli.bulletin_layout import no_value

    problem = no_value(target, filled, missing, notes, problems)
    if not total_row(target, row, problem, notes):
        problems.add(row, problem, given=target)


def figureless(header: Header, cells: Mapping[str, object], row: int, notes: ReadNotes) -> bool:
    """Is this a row of a bulletin's columns with a name and no figure cell filled? Then it is
    kept in `notes.figureless` for `sort_figureless`, and the reader skips it. plancli's own
    columns and a template's keep their rules (`no value for gdp`; a template's blank row),
    but for a 注 written under the rows with no period (`注：地区生产总值为初步核算数。`), which
    no target id begins with: counted and read past as under a bulletin."""
    from plancli.bulletin import NO_DATA

    target = cells.get("target")
    if target is None or any(
        cells.get(c) is not None and str(cells[c]) not in NO_DATA for c in _FIGURE_CELLS
    ):
        return False  # asked first: a row with a figure is the common case
    own = header.template or header.plain  # plancli's columns: only a 注 below the rows
    if own and (cells.get("period") is not None or not footnote(str(target))):
        return False
    notes.figureless.append((row, str(target)))
    return True


def footnote(text: str) -> bool:
    """Does a row's first cell begin as a note below a table (`FOOTNOTE`)?"""
    return bool(FOOTNOTE.match("".join(unicodedata.normalize("NFKC", text).split())))


def sort_figureless(plan: AnyPlan, notes: ReadNotes, index: dict[str, list[str]]) -> None:
    """Each row `figureless` kept: a footnote (注：…), a target's row left blank (named in the
    summary: `notes.unpublished`), a 合计 row, or else a heading (（一）工业生产)."""
    from plancli.bulletin_layout import name_with_qualifier, name_with_unit
    from plancli.bulletin_names import name_key, target_id

    for row, text in notes.figureless:
        if footnote(text):
            notes.footnote_rows += 1
            continue
        try:
            found = plan.target(text.strip()) and text.strip()
            found = found or target_id(plan, text, index) or name_with_qualifier(plan, text, index)
            found = found or (name_with_unit(plan, text, index) or (None,))[0]
        except InputError:  # a name of two targets: named as written
            found = text.strip()
        if found:
            notes.unpublished.append((row, found))
        elif name_key(text) in TOTAL_ROWS:
            notes.total_rows += 1
        else:
            notes.heading_rows += 1


SHOWN = 10  # the blank targets named in the summary, at most


def read_past(notes: ReadNotes) -> list[str]:
    """The columns of a bulletin read past, as written (a month alone first): UNUSED_COLS' and
    one month's own figures (`9月` beside `1-9月`, 本月, `增速（当月）`: session 41 found `9月` read
    past unnamed beside a named `9月增长(%)`). The month's column is not named when a rate's
    row took its figure from it (`ReadNotes.month_only`)."""
    from plancli.bulletin_units import header_brackets

    header = notes.header
    if header is None:
        return []
    month = [header.month] if header.month is not None and not notes.month_only else []
    brackets = [
        p
        for p in header.ignored
        if p < len(header.row)
        and any(b in ("本月", "当月") for b, _units in header_brackets(header.row[p] or ""))
    ]
    own = [header.labels.get("本月") or header.row[p] or "" for p in month]
    own += [header.row[p] or "" for p in brackets]
    return [text for text in own if text] + [t for t in header.passed if t not in own]


def figureless_lines(name: str, notes: ReadNotes) -> list[str]:
    """The import summary's lines for the columns a 统计月报 carries that plancli does not use
    (`bulletin.UNUSED_COLS`, read past) and the rows `sort_figureless` sorted."""
    from plancli.safe import visible

    lines: list[str] = []
    passed = read_past(notes)
    if passed:
        from plancli.safe import cell_shown

        lines.append(
            ngettext(
                "{file}: column {columns} read past (plancli does not use it)",
                "{file}: columns {columns} read past (plancli does not use them)",
                len(passed),
            ).format(
                file=clip_path(name), columns=_(", ").join(cell_shown(text) for text in passed)
            )
        )
    if notes.unpublished:
        ids = [visible(found) for _row, found in notes.unpublished]
        listed = _(", ").join(ids[:SHOWN])
        if len(ids) > SHOWN:
            listed += _(" and {n} more").format(n=f"{len(ids) - SHOWN:,}")
        lines.append(
            ngettext(
                "{file}: {n} row of a target with no figure skipped (not published yet?): "
                "{targets}",
                "{file}: {n} rows of a target with no figure skipped (not published yet?): "
                "{targets}",
                len(ids),
            ).format(file=clip_path(name), n=len(ids), targets=listed)
        )
    if notes.heading_rows:
        lines.append(
            ngettext(
                "{file}: {n} section heading row (no figures, no target) read past",
                "{file}: {n} section heading rows (no figures, no target) read past",
                notes.heading_rows,
            ).format(file=clip_path(name), n=notes.heading_rows)
        )
    if notes.footnote_rows:
        lines.append(
            ngettext(
                "{file}: {n} footnote row (注：…) read past",
                "{file}: {n} footnote rows (注：…) read past",
                notes.footnote_rows,
            ).format(file=clip_path(name), n=notes.footnote_rows)
        )
    return lines


def figureless_count(notes: ReadNotes) -> int:
    """The rows with no figure read past, for `import --json`'s `no_data_rows`."""
    return len(notes.unpublished) + notes.heading_rows + notes.footnote_rows
