"""A bulletin's layout beyond one header row under a one-cell title (docs/formats.md, "Bulletins
as bureaus export them"), and what a refusal of its rows says:

- a row under the title holding the table's period and its 单位 line, two cells
  (`2026年1-6月 | 单位：亿元、%`), is a title row like a one-cell one (`period_and_units`);
- a two-row header, merged `当月`/`累计` over `绝对值 | 增长（%）`, is read as one row where each
  column's parent and child make one header plancli knows (`累计` + `增长（%）` is
  `累计增长（%）`), and refused once, naming the second row, where they do not (`second_header`);
- a target's name with its unit in brackets (`社会消费品零售总额（亿元）`) names the target, its
  bracket being the row's unit (`name_with_unit`);
- a row without its figure says which columns are empty and what a `本月` figure is
  (`missing_problem`), a growth row whose growth cell holds `—` says so
  (`total_only_problem`) (a unit refusal quotes the row's figures: `bulletin_amounts`);
- a one-row header naming a series of periods (`1-2月…1-6月`) is `bulletin_series`'s.
The readers (imports_text, imports_xlsx) and bulletin.py call these; this module imports them
only inside its functions (bulletin.py imports it)."""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from plancli.bulletin_period_words import located_words, period_fall, period_headers
from plancli.bulletin_series import coded_month, period_cell, refused_periods
from plancli.errors import InputError
from plancli.i18n import _, kind_word
from plancli.period_ranges import layout_spans, span_months
from plancli.safe import cell_shown, clip_path

if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import Problems
    from plancli.plain import AnyPlan, AnyTarget
    from plancli.read_notes import ReadNotes

_UNIT_LINE = re.compile(r"^(?:计量)?单位:")


def _folded(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def period_and_units(filled: Sequence[str]) -> bool:
    """Two cells under a table's title: its period and its 单位 line (`2026年1-6月`,
    `单位：亿元、%`), read past like a title row, each cell a title of its own."""
    from plancli.bulletin_titles import title_period

    if len(filled) != 2:
        return False
    units = [cell for cell in filled if _UNIT_LINE.match(_folded(cell))]
    others = [cell for cell in filled if cell not in units]
    return len(units) == 1 and len(others) == 1 and title_period(others) is not None


# ------------------------------------------------------------------ a two-row header

_BRACKET = re.compile(r"\([^()]*\)$")
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)%?$")


def _figure(cell: str) -> bool:
    """A figure or a "no data" mark: what a data row holds and a header row does not."""
    from plancli.bulletin import NO_DATA
    from plancli.figure_words import number_text

    return cell in NO_DATA or _NUMBER.match(number_text(cell)) is not None


def _combined(over: str, below: str, periods: Mapping[str, str]) -> str | None:
    """The one header plancli knows that a parent cell (`累计`, merged over its columns) and
    the cell below it (`增长（%）`) make, keeping the child's unit bracket: `本年累计` for a
    total, `累计增长` for a growth, the child itself under a period from January (`1-6月`);
    `""` for a column read past (`当月`, `6月` beside `1-6月`: one month alone); None when
    they make none."""
    from plancli.bulletin import HEADERS, IGNORE, TOTAL, header_key

    bracket = _BRACKET.search(unicodedata.normalize("NFKC", below).strip())
    unit = bracket.group(0) if bracket else ""
    parent, child = HEADERS.get(header_key(over)), header_key(below)
    if over in periods:  # 1-6月 over 绝对值 | 增长（%）: the columns' own headers
        year_to_date = periods[over] == "ytd" and HEADERS.get(child) in ("value", TOTAL)
        return "" if periods[over] == "month" else below if year_to_date else None
    if parent == IGNORE and over:
        return ""
    if parent == TOTAL:
        if HEADERS.get(child) == "value" and "增" in child:
            return "累计增长" + unit
        if HEADERS.get(child) in ("value", TOTAL):
            return "本年累计" + unit
    return None


def top_row(cells: Sequence[str | None], name: str, line: int, titles: Sequence[str]) -> Header:
    """The header of a header row (`read_header`); for a row it refuses that may top a
    two-row header exported without its merges (a parent written in each of its columns,
    `累计,累计`; a period over the figures, `1-6月`), a header that waits for the row below
    (`refused`): `second_header` reads the two, or raises read_header's error."""
    from plancli.bulletin import Header, read_header

    try:
        return read_header(cells, name, line, titles)
    except InputError as exc:
        row = [(cell or "").strip() for cell in cells]
        repeated = any(a and _folded(a) == _folded(b) for a, b in itertools.pairwise(row))
        read = located_words(row, _period, name, line)  # 1-7月累计值（亿元）: 1-7月（亿元）
        periods = any(
            _period(period_cell(c)[0]) is not None or period_fall(c, _period) for c in read
        )
        if not repeated and not periods:  # (period_fall: 1-6月下降（%）, alone too)
            raise
        return Header({}, {}, len(row), row=tuple(row), titles=tuple(titles), refused=exc)


def second_header(
    header: Header, cells: Sequence[str | None], name: str, header_line: int, line: int
) -> Header | None:
    """The header a second header row (`cells`, on `line`) makes with the first, or None when
    the row is no header row: it has a target or a period, or a figure. InputError, once,
    when a column's two cells make no header plancli knows; the first row's own error when
    it waits for a second (`top_row`) and this is none."""
    two = _second_header(header, cells, name, header_line, line)
    if two is None and header.refused is not None:
        return _one_row(header, name, header_line)
    return two


def _one_row(header: Header, name: str, line: int) -> Header:
    """A one-row header that names its period (`指标名称,计量单位,4月,1-4月,比上年同期增长（%）`,
    a common 主要经济指标 layout), its row below a data row: read as a two-row header's
    periods are, `1-4月` (from January) as 本年累计, the period from it, `4月` beside it (the
    month alone) as 本月, read past, the columns named as the file has them; `data_row` says
    the row below is data. The first row's own error, with the rename that would do, when
    its periods are not so (`4月` alone, `4-6月`)."""
    from plancli.bulletin import MONTH, read_header

    assert header.refused is not None
    row, written, read = period_headers(header, name, line, (_period, _ONE_MONTH, _with_period))
    if read is not None:  # one period's amount and growth, or a series (1-5月…1-6月)
        return read
    periods = _period_parents(row)
    if not periods:
        raise header.refused
    if "" in periods.values():  # 4月 alone: the month's or the year's to date?
        refused_periods(header.refused, list(periods), _period, _ONE_MONTH)  # a series, 2022-06
        raise InputError(
            _(
                "{error}; a column headed by a period is read when one runs from January "
                "(1-4月: 本年累计) and any month alone is its last (4月: 本月); else rename "
                "{cells} to 本年累计 (the year to date) or 本月 (the month alone)"
            ).format(error=header.refused, cells=", ".join(f"'{c}'" for c in periods))
        )
    words = {"ytd": "本年累计", "month": "本月"}
    labels = [words[periods[cell]] if cell in periods else cell for cell in row]
    one = read_header(labels, name, line, _with_period(header.titles, periods, name, line))
    shown = {c: written[p] for c, p in one.positions.items() if row[p] in periods}
    if one.month is not None:
        shown[MONTH] = row[one.month]
    return dataclasses.replace(one, labels={**one.labels, **shown}, data_row=True)


def _second_header(
    header: Header, cells: Sequence[str | None], name: str, header_line: int, line: int
) -> Header | None:
    from plancli.bulletin import HEADERS, MONTH, TOTAL, header_key, read_header, unknown_header

    top = [(cell or "").strip() for cell in header.row]
    row = [(cell or "").strip() for cell in cells]
    width = max(len(top), len(row))
    top += [""] * (width - len(top))
    row += [""] * (width - len(row))
    # A merge exported as its text in each cell: 指标 in both rows of its column, 累计 in
    # each column it spans. Read as Excel shows the merge: once, in its first cell.
    row = ["" if b and _folded(b) == _folded(a) else b for a, b in zip(top, row, strict=True)]
    top = ["" if p and a and _folded(a) == _folded(top[p - 1]) else a for p, a in enumerate(top)]
    filled = [cell for cell in row if cell]
    if not filled or any(_figure(cell) for cell in filled):
        return None
    periods = _period_parents(top)
    # Under a merged cell (an empty header cell) or a period, or a header word: a second
    # header row.
    under = [not above or above in periods for above in top]
    if not any(u and c for u, c in zip(under, row, strict=True)):
        return None
    known = [not unknown_header(cell) for cell in filled]
    if header.refused is not None and not any(known):  # a row of words only: no header row
        return None
    if header.refused is None and any(
        c and not u and unknown_header(c) for u, c in zip(under, row, strict=True)
    ):
        return None
    for above, below in zip(top, row, strict=True):
        if below and HEADERS.get(header_key(above)) in ("target", "period"):
            return None
    labels: list[str] = []
    ignored: list[int] = []
    unread: list[str] = []
    month: tuple[int, str] | None = None  # the month's figure: a level's, when 累计 is empty
    parent = ""  # the last header cell to the left: a merged cell spans right from it
    for position, (above, below) in enumerate(zip(top, row, strict=True)):
        parent = above or parent
        if not below:
            labels.append(above)
            continue
        label = _combined(above or parent, below, periods)
        if label is None:
            unread.append(f"{above or parent}/{below}" if above or parent else below)
        elif not label:
            ignored.append(position)
            if month is None and HEADERS.get(header_key(below)) == TOTAL:  # 当月/绝对值
                month = position, f"{above or parent}/{below}"
        labels.append(label or "")
    if unread:
        from plancli.bulletin_series import two_row_series
        from plancli.safe import cell_shown

        two_row_series(top, name, header_line, line, _period)  # 1-5月, 1-6月 over 绝对值|增长
        raise InputError(
            _(
                "{file}:{line}: row {line} is a second header row ({cells}) under the header of "
                "row {header}, and plancli reads a header of one row and knows no column "
                "{unread}; give each column one header in row {header} (本年累计, 累计增长（%）, "
                "docs/formats.md) and delete row {line}"
            ).format(
                file=clip_path(name),
                line=line,
                header=header_line,
                cells=", ".join(cell_shown(cell) for cell in filled[:10]),
                unread=", ".join(cell_shown(cell) for cell in unread[:10]),
            )
        )
    titles = _with_period(header.titles, periods, name, header_line)
    combined = read_header(labels, name, header_line, titles)
    months = {} if month is None else {MONTH: month[1]}
    return dataclasses.replace(
        combined,
        month=combined.month if month is None else month[0],
        labels={**combined.labels, **_shown_labels(combined, top, row), **months},
        ignored=(*combined.ignored, *ignored),
        unlabelled=tuple(p for p in combined.unlabelled if p not in ignored),
        row=tuple(labels),
    )


_ONE_MONTH = re.compile(r"^(?:[0-9]{4}年)?0?([2-9]|1[0-2])月$")  # 6月: the month alone?


def _period(cell: str) -> str | None:
    """plancli's period (year 9999 when it names none) of a header cell that is a period and
    no header (`1-6月`, `2022年1-6月`, `上半年`, `6月`); `""` for a period plancli refuses
    (`4-6月`, `二季度`: not from January); None for any other cell."""
    from plancli.bulletin import unknown_header
    from plancli.periods import bulletin_period

    if not unknown_header(cell):
        return None
    try:
        return bulletin_period(cell, 9999)
    except InputError:
        return ""


def _period_parents(top: Sequence[str]) -> dict[str, str]:
    """The header cells that are periods over figure columns (a two-row header's `1-6月`), each
    as `ytd` (the columns under it are year to date: their own headers say which figure),
    `month` (`6月` beside a `1-6月` ending with it: one month alone, read past, like 当月) or
    `""` (not read: `6月` alone may be the month's or the year's to date, two periods)."""
    # (`1-6` alone is no period; beside `6月` it is 1-6月: session 36)
    found = layout_spans({cell: _period(cell) if cell else None for cell in top})
    if "" in found.values() or any(coded_month(cell) for cell in found):  # 4-6月, 2022-06
        return dict.fromkeys(found, "")
    months = {c for c in found if _ONE_MONTH.match(_folded(c))}
    spans = {found[c] for c in found if c not in months}
    ends = {code[4:] for code in spans}
    years = {code[:4] for code in spans} - {"9999"}
    if len(ends) != 1 or len(years) > 1:  # no span from January, or two
        return dict.fromkeys(found, "")
    end = next(iter(ends))
    return {c: "month" if c in months and found[c][4:] == end else "ytd" for c in found}


def _with_period(
    titles: Sequence[str], periods: Mapping[str, str], name: str, line: int
) -> list[str]:
    """The title rows, and the period over the header's figures for a table whose title names
    none; InputError when the title names another."""
    from plancli.bulletin_titles import period_position, same_period, title_period

    over = next((cell for cell, kind in periods.items() if kind == "ytd"), None)
    title = title_period(titles)
    if over is None:
        return list(titles)
    # as periods, not as codes: 2026年1-6月 (2026-06) over 上半年 (YEAR-H1) is one period
    if title is not None and not same_period(
        period_position(title), period_position(span_months(over))
    ):
        raise InputError(
            _(
                "{file}:{line}: the title says {title} and the header {header}; which period "
                "are the figures for? Correct one of them"
            ).format(file=clip_path(name), line=line, title=title, header=over)
        )
    return [*titles, span_months(over)]


def _shown_labels(header: Header, top: list[str], row: list[str]) -> dict[str, str]:
    """A combined column named in messages as the sheet shows it: `累计/增长（%）`."""
    shown: dict[str, str] = {}
    for column, position in header.positions.items():
        if row[position]:
            parent = next((cell for cell in reversed(top[: position + 1]) if cell), "")
            shown[column] = f"{parent}/{row[position]}" if parent else row[position]
    return shown


# ------------------------------------------------------------------ a unit in a name

_NAME_UNIT = re.compile(r"^(.+?)\(([^()]+)\)$")


def name_with_unit(plan: AnyPlan, text: str, index: dict[str, list[str]]) -> tuple[str, str] | None:
    """(target id, unit) of a name that names a target once its trailing unit bracket is
    dropped (`社会消费品零售总额（亿元）`); None when the bracket is no unit (`（不含农户）` is part
    of a name) or the rest names no target. InputError for a name of two targets."""
    from plancli.bulletin_names import target_id
    from plancli.bulletin_units import is_unit

    match = _NAME_UNIT.match(unicodedata.normalize("NFKC", text).strip())
    if match is None or not is_unit(match.group(2)):
        return None
    found = target_id(plan, match.group(1), index)
    return None if found is None else (found, match.group(2).strip())


QUALIFIERS = frozenset(
    {
        "同口径",
        "可比口径",
        "可比价",
        "可比价格",
        "按可比价格计算",
        "按可比价计算",
        "现价",
        "按现价计算",
    }
    | {"当年价", "当年价格", "不变价", "不变价格"}
)
"""Brackets after a bulletin's name that say how the figure is measured, not what it is of:
`一般公共预算收入（同口径）` is 一般公共预算收入, as `累计（现价）` is 累计 in a header."""

_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,5}")
"""An ASCII abbreviation a bulletin writes after a name it abbreviates: `地区生产总值（GDP）`,
`居民消费价格指数(CPI)`, `研究与试验发展经费（R&D）`, dropped as QUALIFIERS are."""
_ASCII_UNIT = re.compile(r"[KMGT]?WH?|TEU|[KCM]M|KG|HA")
"""The upper-case units not to drop so (`装机容量（MW）`): the figure's unit, not a name's."""


def name_with_qualifier(plan: AnyPlan, text: str, index: dict[str, list[str]]) -> str | None:
    """The target id of a name that names a target once its trailing qualifier brackets
    (QUALIFIERS, an index's base `（上年同期=100）`, an abbreviation `（GDP）`) are dropped, up to
    MAX_BRACKETS; None otherwise. `居民消费价格指数（上年同期=100）` is cpi's, then refused as the
    index it is (`figure_slips.index_slip`). InputError for a name of two targets."""
    from plancli.bulletin_names import target_id
    from plancli.bulletin_units import MAX_BRACKETS
    from plancli.figure_slips import INDEX_BASE

    rest = unicodedata.normalize("NFKC", text).strip()
    for _count in range(MAX_BRACKETS):
        match = _NAME_UNIT.match(rest)
        if match is None:
            return None
        bracket = "".join(match.group(2).split())
        if (
            bracket not in QUALIFIERS
            and INDEX_BASE.fullmatch(bracket) is None
            and (_ABBREVIATION.fullmatch(bracket) is None or _ASCII_UNIT.fullmatch(bracket))
        ):
            return None
        rest = match.group(1).strip()
        found = target_id(plan, rest, index)
        if found is not None:
            return found
    return None


# ------------------------------------------------------------------ messages


def missing_problem(header: Header, missing: list[str], cells: Mapping[str, object]) -> str:
    """A row without its target, period or figure: `no value` in plancli's own columns; in a
    bulletin's, the target, the figure columns that are empty, and what a `本月` figure is."""
    from plancli.bulletin import MONTH, NO_DATA, TOTAL
    from plancli.safe import cell_shown

    at = header.positions
    columns = sorted((c for c in ("value", TOTAL, "amount") if c in at), key=lambda c: at[c])
    target = cells.get("target")
    # plancli's own column (a template's, whatever its header: 本期数值 on the Chinese sheet)
    plain = header.template or header.labels.get("value", "").strip().lower() == "value"
    if missing == ["value"] and target is not None and plain:
        filled = [c for c in ("amount", "note", "source") if cells.get(c) is not None]
        return no_value(target, filled)
    if missing != ["value"] or target is None or plain:
        return _("no {columns}").format(columns=", ".join(missing))
    empty = ", ".join(cell_shown(header.labels[c]) for c in columns)
    month = cells.get(MONTH)
    if month is not None and str(month) not in NO_DATA and MONTH in header.labels:
        return _(
            "{target}: no year-to-date figure ({columns} empty); the {month} column's {figure} "
            "is the month's alone, not recorded"
        ).format(
            target=cell_shown(str(target)),
            columns=empty,
            month=cell_shown(header.labels[MONTH]),
            figure=cell_shown(str(month)),
        )
    return _("{target}: no figure ({columns} empty)").format(
        target=cell_shown(str(target)), columns=empty
    )


def no_value(
    target: object,
    filled: Sequence[str],
    missing: Sequence[str] = ("value",),
    notes: ReadNotes | None = None,
    problems: Problems | None = None,
) -> str:
    """A row of plancli's columns with its target and no value (audit W D8): named, with the
    columns it fills (a clerk pre-fills `source`: a figure not out yet is a row to clear).
    Given the reader's `notes` and `problems`, a file with the template's columns but not its
    helpers is said to be no template once, on its header's line (`helpers_gone`)."""
    from plancli.safe import visible

    if list(missing) != ["value"] or not target:
        return _("no {columns}").format(columns=", ".join(missing))
    header = notes.header if notes is not None else None
    if not filled and notes is not None and problems is not None and not notes.helpers_said:
        gone = helpers_gone(header)
        if gone is not None and header is not None:
            problems.add(len(header.titles) + 1, gone)
            notes.helpers_said = True
    shown = visible(str(target))
    if filled:
        message = _(
            "no value for {target}: only {columns} filled; if the figure is not out yet, clear "
            "the row"
        )
        return message.format(target=shown, columns=", ".join(filled))
    return _("no value for {target}").format(target=shown)


def helpers_gone(header: Header | None) -> str | None:
    """The one line for a file with the template's columns but not its helper columns (name,
    unit, last_value, last_period deleted "to tidy up"): its blank rows are no longer skipped."""
    from plancli.imports import COLUMNS, HELPER_COLUMNS

    if header is None or header.template or any(c not in header.positions for c in COLUMNS):
        return None
    return _(
        "the file has the template's columns but not its helper columns ({helpers}), so rows "
        "left blank are not skipped: delete them, or keep those columns"
    ).format(helpers=", ".join(HELPER_COLUMNS))


def total_only_problem(target: AnyTarget, notes: ReadNotes, row: int) -> str:
    """A growth target's row whose figure came from the 累计值 column alone: that is its
    amount, and its figure, the growth %, is — (no data), empty or no column of the file."""
    from plancli.bulletin import TOTAL, column_label

    header = notes.header
    total = column_label(notes, TOTAL)
    said = {"target": target.id, "kind": kind_word(target.kind), "total": total}
    if header is not None and "value" in header.positions and row in notes.dashed:
        return _(
            "{target} is a {kind} target: its figure is the growth % (the {value} column, "
            "which holds — (no data) here); the {total} column is its amount"
        ).format(**said, value=column_label(notes, "value"))
    if header is not None and "value" in header.positions:
        return _(
            "{target} is a {kind} target: its figure is the growth % (the {value} column, "
            "empty here); the {total} column is its amount"
        ).format(**said, value=column_label(notes, "value"))
    nominal = [cell_shown(c) for c in header.passed if "名义" in c] if header else []
    if nominal:  # 名义增长(%) alone, read past (bulletin_blanks.UNUSED_COLS)
        return _(
            "{target} is a {kind} target: its figure is the real growth %, and the file gives "
            "only {total}, its amount, and {nominal}, a nominal growth, read past; add a "
            "实际增长 column"
        ).format(**said, nominal=nominal[0])
    return _(
        "{target} is a {kind} target: its figure is the growth %, and the file gives only "
        "{total}, its amount; add a 累计增长 column"
    ).format(**said)
