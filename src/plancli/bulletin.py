"""Bulletins as bureaus export them (issue 12.1): Chinese headers, target names, periods and
numbers, mapped to plancli's import columns only where the mapping is unambiguous.
The import readers (imports_text.py, imports_xlsx.py) call `read_header` for the header row and
`build_row` (through `bulletin_series.series_rows`: a row of a series is one row per period)
for the rows of a file that is not in plancli's own plain form; a plain file keeps its fast loop
and pays one `isascii` test per value. `resolve_rows` then maps what needs the plan — a target's
Chinese name or alias, a period without a year (`1-6月`, `上半年`) — once per distinct text, not
per row, and warns about a % figure typed as a fraction (0.992 for 99.2 %). docs/formats.md
lists what is accepted; every refusal names the candidates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.bulletin_amounts import growth_kept, scaled_note, with_figures
from plancli.bulletin_blanks import TOTAL_ROWS, UNUSED_COLS, figureless, sort_figureless, total_row
from plancli.bulletin_layout import (
    missing_problem,
    name_with_qualifier,
    name_with_unit,
    period_and_units,
    total_only_problem,
)
from plancli.bulletin_names import name_key, names_index, target_id
from plancli.bulletin_periods import borrowed_year, default_year, with_year
from plancli.bulletin_titles import check_title_and_name, title_period
from plancli.bulletin_units import (
    MAX_BRACKETS,
    ColumnUnit,
    column_check,
    column_units,
    fraction_warning,
    header_brackets,
    own_unit_column,
    percent_scale,
    row_unit_check,
    two_unit_brackets,
    unit_check,
)
from plancli.errors import InputError
from plancli.fall_columns import FALL, FALL_HEADERS, fall_beside, fall_cells, fall_refused
from plancli.figure_slips import (
    IndexWatch,
    growth_figure,
    growth_for_figure,
    growth_header,
    growth_is_figure,
    index_said,
    index_slip,
    index_warnings,
    maybe_index,
    paired_figure,
    rise_beside_index_base,
    total_for_growth,
    totals_unit,
)
from plancli.figure_words import NO_DATA as NO_DATA  # (its readers import it here)
from plancli.figure_words import as_written
from plancli.figure_words import number_text as number_text  # (its readers import it here)
from plancli.header_hints import unknown_hint
from plancli.i18n import N_, _
from plancli.import_problems import name_given
from plancli.ledger import Entry
from plancli.percent_headers import one_key_twice, percent_growth
from plancli.period_rhythm import Rhythm
from plancli.periods import bulletin_period, no_such_month
from plancli.read_notes import ReadNotes
from plancli.safe import cell_shown, clip_path

if TYPE_CHECKING:
    from plancli.bulletin_series import SeriesColumn
    from plancli.imports import ImportRow, Problems
    from plancli.plain import AnyPlan, AnyTarget

# ------------------------------------------------------------------------------ headers

TOTAL = "total"
"""累计值: a growth target's amount, and the figure of any other target (docs/formats.md)."""
YEAR = "year"
"""年份: the year of a period written without one (`6月`, `上半年`)."""
IGNORE = "-"
"""A column plancli reads past: the template's helper columns, 序号, 本月."""
UNIT = "单位"
"""计量单位: checked against the plan's unit (`bulletin_units`), never converted."""
MONTH = "本月"  # 本月, 当月: one month alone, read past; named when a row lacks a YTD figure

TEMPLATE_HELPERS = ("name", "unit", "last_value", "last_period")
"""`plancli template` writes these four helper columns, and nothing else writes them all: a
file whose header has all four is a template (its blank rows are skipped, not refused)."""
HELPER_HEADERS: dict[str, str] = {
    **{helper: helper for helper in TEMPLATE_HELPERS},
    "lastvalue": "last_value",  # `Last value`: spaces go
    "lastperiod": "last_period",
    # The Chinese sheet's (`report.template.ZH_HEADERS`), its brackets kept: 指标名称 alone is
    # the target's column and 计量单位 the unit checked (header_key looks these up first).
    "指标名称(参考)": "name",
    "计量单位(参考)": "unit",
    "已录最新数值(参考)": "last_value",
    "已录最新期间(参考)": "last_period",
}
"""A template's helper headers → its helper column (`template_check`)."""

# Header (normalised: NFKC, no spaces, lower case, a trailing `(unit)` dropped) → column.
HEADERS: dict[str, str] = {
    **{word: "target" for word in ("target", "指标", "指标名称", "指标代码", "项目", "项目名称")},
    **{
        word: "period"
        for word in ("period", "期间", "时间", "月份", "统计期", "统计时间", "统计期间", "报告期")
    },
    # 本月止累计 / 比上年同期增长(%): the columns of a 统计月报's 主要经济指标 table.
    **{
        word: "value"
        for word in (  # noqa: SIM905 (a table of words, not 18 lines of a list)
            "value 数值 本期 本期值 本期数值 完成值 实际值 增速 增长 增幅 增长率 累计增长 累计增速 "
            "同比增长 同比增速 比上年增长 比上年同期增长 比去年同期增长 累计比上年同期增长 "
            "实际增长 实际增速 同比实际增长 比上年实际增长 比上年同期实际增长"  # 居民收入's
        ).split()
    },
    **{
        word: TOTAL
        for word in (  # noqa: SIM905
            "累计值 累计 累计完成 累计完成值 累计数 绝对值 总量 本月止累计 本年累计 本年累计值 "
            "自年初累计 年初累计 绝对额 绝对量 本年止累计"
        ).split()
    },
    **{word: "value" for word in FALL_HEADERS},  # 比上年下降（%）: the size of a fall
    **{word: "amount" for word in ("amount", "对应总量")},  # 对应总量: the Chinese template's
    **{word: "note" for word in ("note", "备注", "说明")},
    **{word: "source" for word in ("source", "来源", "数据来源")},
    **{word: YEAR for word in ("year", "年份", "年度")},
    **{word: IGNORE for word in (*HELPER_HEADERS, "owner", "牵头单位", "序号", "本月", "当月")},
    **{word: UNIT for word in ("单位", "计量单位")},
}
_ONE_MONTH = ("本月", "当月")  # a bracket saying a figure is one month's, not the year's
_UNIT_SUFFIX = re.compile(r"\([^()]*\)$")


def header_key(cell: str) -> str:
    """A header cell as HEADERS knows it: `累计增长（%）` → `累计增长`, `同比±%` → the growth
    (`percent_headers`), `增速(%)(累计)` → `增速` (at most MAX_BRACKETS brackets dropped)."""
    text = percent_growth("".join(unicodedata.normalize("NFKC", cell).split()).lower())
    if text in HEADERS:  # 指标名称（参考）: a header whose bracket is part of it
        return text
    for _count in range(MAX_BRACKETS):
        word = _UNIT_SUFFIX.sub("", text)
        if not word or word == text:
            break
        text = word
    return text


def unknown_header(cell: str | None) -> bool:
    """A header cell `read_header` refuses as an unknown column (an empty one it does not)."""
    text = (cell or "").strip()
    return bool(text) and header_key(text) not in HEADERS


@dataclass(frozen=True, slots=True)
class Header:
    """The columns of an import file: position of each column read, the header as written."""

    positions: dict[str, int]
    labels: dict[str, str]
    width: int
    unlabelled: tuple[int, ...] = ()  # empty header cells (Excel's trailing empty column)
    ignored: tuple[int, ...] = ()  # columns read past (the template's helpers, 单位)
    template: bool = False
    period: str | None = None  # no period column: the one the title or the file name gives
    units: dict[str, ColumnUnit] = field(default_factory=dict)  # 本年累计（万元）, 单位：万元
    row: tuple[str | None, ...] = ()  # the header's cells as written (a second row's parents)
    titles: tuple[str, ...] = ()  # the title rows above it
    month: int | None = None  # the 本月 column, read past
    refused: InputError | None = None  # may top a two-row header (bulletin_layout.top_row)
    data_row: bool = False  # read from a one-row header naming its period: the row is data
    passed: tuple[str, ...] = ()  # UNUSED_COLS' headers as written (上年同期), read past
    series: tuple[SeriesColumn, ...] = ()  # a series of periods across the columns (s38)
    fall: bool = False  # the figure column gives a fall (比上年下降（%）: `fall_columns`)

    @property
    def plain(self) -> bool:
        """plancli's own columns only (and Excel's empty column): the readers' fast loop. A
        growth as the only figure (`增长`, `累计增长`) is not: `build_row` notes it, and a
        count's or rate's row is refused (`figure_slips.growth_for_figure`)."""
        plain = not {TOTAL, YEAR, UNIT, FALL} & self.positions.keys()
        plain = plain and not self.period and self.month is None and self.refused is None
        return plain and not growth_header(self) and not self.fall

    def label(self, column: str) -> str:
        return self.labels.get(column, column)


_EXPECTED = N_(
    "the header must be target,period,value[,amount,note,source] or the Chinese headers of "
    "docs/formats.md (指标,期间,数值…)"
)


TITLE_ROWS = 5  # rows above the header read past when they hold one cell at most


def is_title(cells: Sequence[str | None]) -> bool:
    """A title (merged across the columns), a 单位：亿元 line or a blank line above the header:
    one cell at most (a header has three), and no header in another separator (指标\t期间)."""
    filled = [cell for cell in cells if cell and cell.strip()]
    if any("\t" in cell or ";" in cell for cell in filled):
        return False
    return len(filled) <= 1 or period_and_units(filled)  # (2026年1-6月 | 单位：亿元、%)


def read_header(
    cells: Sequence[str | None], name: str, line: int = 1, titles: Sequence[str] = ()
) -> Header:
    """The columns of a header row; InputError naming the file for a header that cannot be
    read: an unknown column, a column given twice (or two that mean the same), one missing.
    Without a period column, the period the `titles` above it or the file's name give."""
    at = {"file": clip_path(name), "line": line}
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    unknown: list[str] = []
    unlabelled: list[int] = []
    ignored: list[int] = []
    passed: list[str] = []
    twice: list[str] = []
    seen: dict[str, int] = {}
    month = None
    for position, cell in enumerate(cells):
        text = (cell or "").strip()
        if not text:
            unlabelled.append(position)
            continue
        key = header_key(text)
        column = HEADERS.get(key)
        if column is None and key in UNUSED_COLS:
            ignored.append(position)
            passed.append(text)
            continue
        if column is None:
            unknown.append(text.lower() if text.isascii() else text)
            continue
        if column in ("value", TOTAL) and any(
            bracket in _ONE_MONTH for bracket, _units in header_brackets(text)
        ):
            ignored.append(position)  # `增速（当月）`: one month's figure, like 本月's
            continue
        if key in seen and column != IGNORE:  # 比上年增长（%） beside 同比增长（%）: not twice
            one_key_twice(cells[seen[key]], text, column, at)
        if key in seen:
            twice.append(text.lower() if text.isascii() else text)
            continue
        seen[key] = position
        if column == IGNORE:
            ignored.append(position)
            if key in ("本月", "当月") and month is None:
                month, labels[MONTH] = position, text
            continue
        if column == "value" and fall_beside(positions, labels, key, position, text):
            continue  # 比上年增长（%） beside 比上年下降（%）: `fall_columns.rise_or_fall`
        if column in positions:
            raise InputError(
                _(
                    "{file}:{line}: columns {first} and {second} both mean {column}; keep one"
                ).format(
                    **at,
                    first=cell_shown(labels[column]),
                    second=cell_shown(text),
                    column=column,
                )
            )
        positions[column] = position
        labels[column] = text
    if unknown:
        listed = ", ".join(cell_shown(c) for c in unknown[:10])
        if len(unknown) > 10:
            listed += _(" and {n} more").format(n=f"{len(unknown) - 10:,}")
        hint = unknown_hint(unknown, positions)  # ';'-separated, 同比 with no %, by place
        unknown_columns = _("{file}:{line}: unknown column(s) {columns}; {expected}")
        raise InputError(unknown_columns.format(**at, columns=listed, expected=_(_EXPECTED)) + hint)
    template = {HELPER_HEADERS.get(key) for key in seen} >= set(TEMPLATE_HELPERS)
    if not template and "unit" in seen:  # a file's own `unit` column: its 单位 (a template's
        own_unit_column(seen["unit"], positions, labels, at)  # is read past, checked by
        ignored.remove(seen["unit"])  # `template_check`)
    if twice:
        raise InputError(
            _("{file}:{line}: column(s) {columns} appear twice; {expected}").format(
                **at, columns=", ".join(dict.fromkeys(twice)), expected=_(_EXPECTED)
            )
        )
    if TOTAL in positions and "amount" in positions:
        raise InputError(
            _(
                "{file}:{line}: columns {first} and {second} both give a growth target's amount; "
                "keep one"
            ).format(**at, first=cell_shown(labels["amount"]), second=cell_shown(labels[TOTAL]))
        )
    for column in ("value", TOTAL, "amount"):
        pair = two_unit_brackets(labels[column]) if column in positions else None
        if pair is not None:
            raise InputError(
                _(
                    "{file}:{line}: column {column} names a unit in two brackets, ({first}) and "
                    "({second}); plancli cannot tell which its figures are in: keep the one "
                    "they are in, or list the units of the column in one bracket"
                ).format(**at, column=cell_shown(labels[column]), first=pair[0], second=pair[1])
            )
    period = None
    if "period" not in positions:
        check_title_and_name(titles, name, at)
        period = title_period([*titles, name])
    missing = [c for c in ("target", "period") if c not in positions]
    if period is not None:
        missing = [c for c in missing if c != "period"]
    if "value" not in positions and TOTAL not in positions:
        missing.append("value")
    if missing:
        raise InputError(
            _("{file}:{line}: missing column(s) {columns}; {expected}").format(
                **at, columns=", ".join(missing), expected=_(_EXPECTED)
            )
        )
    # Trailing empty header cells are Excel's; only they are dropped from the width a row
    # may have (a row as wide as the header with its empty column is fine).
    return Header(
        positions,
        labels,
        len(cells),
        tuple(unlabelled),
        tuple(ignored),
        template=template,
        period=period,
        units=column_units(positions, labels, titles),
        row=tuple(cells),
        titles=tuple(titles),
        month=month,
        passed=tuple(passed),
        fall="value" in positions and header_key(labels["value"]) in FALL_HEADERS,
    )


# ------------------------------------------------------------------------------ rows


BLANK = "blank"
"""`build_row`'s answer for a row skipped and counted: a template's row left blank, a row
whose figures are all a "no data" mark (—)."""


def unmarked(value: str, amount: str | None) -> tuple[str, str | None, bool]:
    """A row's value and amount, each "no data" mark (—) made empty; and was there one?"""
    if value not in NO_DATA and amount not in NO_DATA:
        return value, amount, False
    return "" if value in NO_DATA else value, None if amount in NO_DATA else amount, True


FRACTION_START = ("0.", "1.", ".", "-0.", "-1.", "-.", "+0.", "+1.", "+.")
"""How a figure that may be a fraction (|v| < 1.5, `fraction_warning`) begins."""


def maybe_fraction(value: object) -> bool:
    """Might `fraction_warning` have something to say about this figure, or `index_slip`
    (an index such as 100.8 for a % rise: `maybe_index`)? (cheap)"""
    if isinstance(value, str):
        return value.startswith(FRACTION_START) or maybe_index(value)
    return isinstance(value, Decimal) and value.is_finite() and (-2 < value < 2 or 84 < value < 116)


def plain_number(text: str) -> str:
    """number_text, only for text that needs it (the readers' per-row test)."""
    plain = text.isascii() and "," not in text and " " not in text and "(" not in text
    return text if plain else as_written(text)


def build_row(
    header: Header,
    cells: Mapping[str, str | Decimal | None],
    row: int,
    notes: ReadNotes,
) -> Entry | str:
    """The entry of one row that holds something, given its cells by column (stripped, None
    when empty, a "no data" mark as empty); or BLANK, counted in `notes`, for a template row
    left blank or a row whose figures are all marked —; or the row's problem."""
    if header.fall or FALL in header.positions:  # 比上年下降: 下降2.7 (`fall_columns`)
        if isinstance(read := fall_cells(header, cells, row, notes), str):
            return read  # a figure under both a rise column and a fall column
        cells = read
    target, period = cells.get("target"), cells.get("period") or header.period
    if cells.get(UNIT) is not None:
        notes.units[row] = str(cells[UNIT])
    figures = [cells.get(column) for column in ("value", TOTAL, "amount")]
    marked = [f for f in figures if isinstance(f, str) and f in NO_DATA]
    value, total, amount = (None if f in marked else f for f in figures)
    if marked and value is None and figures[0] is not None:
        notes.dashed.add(row)
    month = cells.get(MONTH) if header.month is not None else None  # a rate's 当月 figure
    month = None if month is None or str(month) in NO_DATA else month
    if marked and value is None and total is None and amount is None and target and period:
        if month is None or header.template:  # else the 当月 figure is a rate's (below)
            notes.no_data(row)
            return BLANK
        notes.month_dashed.add(row)
    elif not marked and month is None and figureless(header, cells, row, notes):
        return BLANK  # a bulletin's 注, heading or blank row: `bulletin_blanks`
    if total is not None:
        if value is None:
            value = total
            notes.total_only.add(row)
        else:
            amount = total
            notes.paired.add(row)
    elif value is not None and growth_header(header):  # only a growth: `figure_slips`
        notes.growth_only[row] = str(figures[1] or "")  # (a file with no 累计值 column too)
    given = {"target": target, "period": period, "value": value}
    missing = [column for column, cell in given.items() if cell is None]
    if missing:
        others = (cells.get(c) for c in ("amount", TOTAL, "note", "source"))
        if header.template and missing == ["value"] and all(o is None for o in others):
            notes.blank_rows += 1
            return BLANK
        problem = missing_problem(header, missing, cells)
        # A rate is its month's level: 当月 is the figure (resolve_rows)
        if missing != ["value"] or month is None:
            return problem if not total_row(target, row, problem, notes) else BLANK
        value, notes.month_only[row] = month, problem
    assert target is not None and period is not None and value is not None
    year = cells.get(YEAR)
    if year is not None:
        try:
            period = with_year(str(period), str(year))
        except InputError as exc:
            return str(exc)
    return Entry(
        str(target),
        str(period),
        plain_number(value) if isinstance(value, str) else value,
        plain_number(amount) if isinstance(amount, str) else amount,
        _text(cells.get("note")),
        _text(cells.get("source")),
    )


def _text(cell: str | Decimal | None) -> str | None:
    return None if cell is None else str(cell)


# ------------------------------------------------------------------------------ resolving


def resolve_rows(
    plan: AnyPlan,
    name: str,
    rows: list[ImportRow],
    problems: Problems,
    notes: ReadNotes | None,
    targets: Mapping[str, str] | None = None,
    periods: Mapping[str, str] | None = None,
) -> list[ImportRow]:
    """The rows with targets given by name or alias mapped to ids, bulletin periods to plancli's,
    and the 累计值 column taken as the figure or the amount by each target's kind; a row that
    cannot be mapped is added to `problems` and left out. Warnings go to `notes.warnings`.

    `targets` and `periods` map the distinct texts of the file to what the rows hold (the
    readers keep them): each is mapped once, and the rows are walked only when something
    needs mapping or checking."""
    from plancli.imports import ImportRow

    notes = notes if notes is not None else ReadNotes()
    if targets is None:
        targets = {row.entry.target: row.entry.target for row in rows}
    if periods is None:
        periods = {row.entry.period: row.entry.period for row in rows}
    ids = {t.id for t in plan.targets}
    index: dict[str, list[str]] | None = None
    target_map: dict[str, str | InputError] = {}
    totals: set[str] = set()  # 合计 rows' texts, read past: the plan has no target so named
    name_units: dict[str, str] = {}  # 社会消费品零售总额（亿元）: the unit its name's bracket gives
    unknown: set[str] = set()
    for text in targets:
        if text.strip() in ids:
            continue
        if index is None:
            index = names_index(plan)
        try:
            found = target_id(plan, text, index)
            if found is None and (bracketed := name_with_unit(plan, text, index)) is not None:
                found, name_units[text] = bracketed
            found = found or name_with_qualifier(plan, text, index)  # 一般公共预算收入（同口径）
        except InputError as exc:
            target_map[text] = exc
            continue
        if found is not None:
            target_map[text] = found
        elif name_key(text) in TOTAL_ROWS:
            totals.add(text)
        elif text.strip():
            unknown.add(text)  # no id, name or alias of the plan: import_skip.unknown_rows
    notes.unknown = unknown if targets or not rows else None  # else the rows' own targets
    notes.named = {k.strip(): v for k, v in target_map.items() if isinstance(v, str)}
    name_given(plan, problems, ids, notes.named)  # the rows refused before they were read
    for row_number, text, problem in notes.total_problems:  # 合计 rows with no figure
        try:
            named = text.strip() in ids or target_id(plan, text, index or names_index(plan))
        except InputError:  # a name of two targets: the plan has it
            named = True
        if named:
            problems.add(row_number, problem)
        else:
            notes.total_rows += 1
    if notes.figureless:  # a 注, a heading, a target's row left blank
        sort_figureless(plan, notes, index or names_index(plan))
    titles = notes.header.titles if notes.header is not None else ()
    year = default_year(name, titles) or plan.plan.year  # the title's year as the name's
    period_map: dict[str, str | InputError] = {}
    for text in set(periods.values()):  # as the rows hold them
        try:
            found_period = bulletin_period(text, year)
        except InputError as exc:
            period_map[text] = exc
            continue
        if found_period is None and (month_error := no_such_month(text)) is not None:
            period_map[text] = month_error  # 2026年13月: the month, not the form, is wrong
        elif found_period is not None and found_period != text:
            period_map[text] = borrowed_year(found_period, text, plan.plan.year, name, titles)
    by_id = {t.id: t for t in plan.targets}  # model.Plan.target is a pydantic attribute call
    rhythm = Rhythm(periods, period_map, plan.plan.year)  # 1-6月: gdp's 2022-Q2 (in_rhythm)
    percent = {t.id: scale for t in plan.targets if (scale := percent_scale(t)) is not None}
    column_unit: dict[tuple[str, str], tuple[bool, str] | None] = {}
    if notes.header is not None and notes.header.units:
        column_unit = {("", column): None for column in notes.header.units}  # the columns
    flagged = bool(notes.total_only or notes.paired or notes.units or column_unit or name_units)
    flagged = flagged or bool(notes.growth_only or notes.month_only or notes.falls)
    indexed = IndexWatch(by_id)
    if not (target_map or period_map or flagged or totals or rhythm.written):
        # A file of ids and plancli periods (the fast case: a million rows pass here): only the
        # rows of % targets the readers noted (0.x, 1.x: `FRACTION_START`), for the fraction warning
        watched = {text for text in targets if text.strip() in percent}
        if watched:
            for position in notes.fractions:
                entry = rows[position].entry
                if entry.target in watched:
                    given_id = entry.target.strip()
                    warning = fraction_warning(
                        by_id[given_id], entry.period, entry.value, percent[given_id]
                    )
                    if warning is not None:
                        notes.warnings.append((rows[position].row, warning))
        index_warnings(rows, IndexWatch(by_id, percent), notes)  # the rows noted
        return rows
    kept: list[ImportRow] = []
    candidates = set(notes.fractions)
    for position, row in enumerate(rows):
        entry = row.entry
        if entry.target in totals:
            notes.total_rows += 1
            continue
        mapped_target = target_map.get(entry.target, entry.target)
        mapped_period = period_map.get(entry.period, entry.period)
        if isinstance(mapped_target, InputError):
            problems.add(row.row, str(mapped_target))
            continue
        if isinstance(mapped_period, InputError):
            period_of = by_id.get(mapped_target.strip())
            problems.add(row.row, str(mapped_period), period_of.id if period_of else "")
            continue
        target = by_id.get(mapped_target.strip())
        mapped_period = rhythm(target, entry.period, mapped_period)
        value, amount = entry.value, entry.amount
        if target is not None and flagged:
            # a month's flow, or a level that is a rise on last year (CPI: its 本月 is the
            # month's rise, not the year's to date)
            flow = target.kind != "level" or growth_is_figure(target)
            if row.row in notes.month_only and flow:
                if row.row in notes.month_dashed:  # 累计 —: no data, whatever 当月 says
                    notes.no_data_rows += 1
                else:
                    problems.add(row.row, notes.month_only[row.row], target.id)
                continue
            if refused := fall_refused(target, notes, row.row, value):  # GDP 比上年下降: no
                problems.add(row.row, refused, target.id)
                continue
            if row.row in notes.growth_only and not growth_is_figure(target):
                problems.add(row.row, growth_for_figure(target, notes, row.row, value), target.id)
                continue
            given = notes.units.get(row.row) or name_units.get(entry.target)
            if row.row in notes.units and not totals_unit(target, notes, row.row):  # 计量单位
                unit = row_unit_check(target, notes.units[row.row])
            elif entry.target in name_units:  # its name's bracket: 社会消费品零售总额（亿元）
                unit = unit_check(target, name_units[entry.target])
            elif column_unit:  # a figure column's header or the 单位 line above it
                unit = _column_unit(target, row.row, amount is not None, notes, column_unit)
                given = index_said(notes, row.row)
            else:
                unit = None
            unit, amount = growth_kept(target, row.row, notes, unit, (value, amount), given)
            if unit is not None:
                if unit[0]:  # another scale of the plan's unit: refused, saying it in the plan's
                    scaled = scaled_note(
                        target, row.row, notes, name_units.get(entry.target), (value, amount)
                    )
                    problems.add(row.row, with_figures(unit[1], value, amount, scaled), target.id)
                    continue
                if not rise_beside_index_base(target, value, given):  # 上年同期=100 beside 2.1
                    notes.warnings.append((row.row, unit[1]))
            if row.row in notes.total_only and target.has_amount:
                problems.add(row.row, total_only_problem(target, notes, row.row), target.id)
                continue
            if row.row in notes.total_only and (
                refused := total_for_growth(target, notes, row.row, value, entry, mapped_period)
            ):
                problems.add(row.row, refused, target.id)  # 2100.5 亿元 for a growth %
                continue
            if row.row in notes.paired and not target.has_amount:
                value, amount = paired_figure(target, notes, row.row, value, amount)
        if target is not None and indexed(target.id):
            slip = index_slip(
                target, entry.target, mapped_period, value, index_said(notes, row.row)
            )
            if slip is not None and slip[0]:
                problems.add(row.row, slip[1], target.id)
                continue
            if slip is not None:
                notes.warnings.append((row.row, slip[1]))
        if target is not None and target.id in percent and position in candidates:
            warning = fraction_warning(target, mapped_period, value, percent[target.id])
            if warning is not None:
                notes.warnings.append((row.row, warning))
        if (
            mapped_target is entry.target
            and mapped_period is entry.period
            and value is entry.value
            and amount is entry.amount
        ):
            kept.append(row)
            continue
        kept.append(
            ImportRow(
                row.row,
                Entry(
                    mapped_target,
                    mapped_period,
                    value,
                    amount,
                    entry.note,
                    entry.source,
                    held=notes.scaled_amounts.get(row.row) if notes and amount is None else None,
                ),
            )
        )
    return kept


def _column_unit(
    target: AnyTarget,
    row: int,
    has_amount: bool,
    notes: ReadNotes,
    checked: dict[tuple[str, str], tuple[bool, str] | None],
) -> tuple[bool, str] | None:
    """The first unit problem of the columns that gave a row's figures (the value, or the
    累计值 it was taken from, and the amount), each checked once per target (`checked`)."""
    assert notes.header is not None
    units = notes.header.units
    if row in notes.month_only:  # the 当月 column's figure: no unit of the 累计 columns
        columns: tuple[str, ...] = ()
    elif row in notes.total_only:
        columns = (TOTAL,)
    elif row in notes.paired:
        columns = ("value", TOTAL) if target.has_amount else (TOTAL,)
        columns = ("value",) if growth_figure(target) else columns
    else:
        columns = ("value", "amount") if has_amount else ("value",)
    for column in columns:
        if column not in units:
            continue
        key = (target.id, column)
        if key not in checked:
            checked[key] = column_check(target, column, units[column])
        if checked[key] is not None:
            return checked[key]
    return None


def column_label(notes: ReadNotes, column: str) -> str:
    header = notes.header
    return cell_shown(header.label(column) if header is not None else column)
