"""A one-row bulletin header whose period cells name several periods, or a month as a code
(docs/formats.md, "Bulletins as bureaus export them").

Session 38: a series across the columns, `指标,1-2月,一季度,1-4月,1-5月,1-6月` (a unit each may
carry, `1-6月（%）`), imports each period column as that period's figures, in the one batch of
the file's rows (`series_header`, `series_rows`): each column's header is the header of a table
of that one period, so its cells mean what a lone column of it means today, and a row is one
entry a period (an empty or `—` cell: none). Session 37 had refused it with advice, which is
now said only of a series no reading takes (periods of two years); a series of months alone
(`2022年4月…`) and a two-row series (`1-5月`, `1-6月` over 绝对值 | 增长) are refused saying so.

Session 37 (bulletin3): a month written as plancli's code or a date, `2022-06`, `2022/6` (a
CSV's header), was read as the year to date with no period (`missing column(s) period`); like
`6月` alone it may head the month's figures or the year's to date, and is refused naming the
renames.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import ImportRow
    from plancli.ledger import Entry
    from plancli.read_notes import ReadNotes

_CODED_MONTH = re.compile(r"^([0-9]{4})[-/.]0?([1-9]|1[0-2])$")


def coded_month(cell: str) -> bool:
    """Is the header cell a month written as plancli's code or a date is (`2022-06`)?"""
    return _CODED_MONTH.match(_folded(cell)) is not None


def _folded(cell: str) -> str:
    return "".join(unicodedata.normalize("NFKC", cell).split())


def refused_periods(
    error: InputError,
    cells: Sequence[str],
    period: Callable[[str], str | None],
    one_month: re.Pattern[str],
) -> None:
    """InputError saying what to write for a header's period cells (`cells`) that are a series
    from January or months written as codes; nothing for others (the caller's rename). The
    caller's reading of a cell: `period` (its code, "" for no year to date), `one_month` (a
    month alone, `6月`), given rather than imported back from the layout that calls this."""
    coded = [cell for cell in cells if coded_month(cell)]
    if coded:
        spans = []
        for cell in coded:
            found = _CODED_MONTH.match(_folded(cell))
            assert found is not None
            span = f"{found.group(1)}年1-{int(found.group(2))}月"
            spans.append(_("'{cell}' to {span}").format(cell=cell, span=span))
        raise InputError(
            _(
                "{error}; a header written as a month ({cells}) may head the month's figures "
                "or the year's to date: rename {spans} for the year to date, or to 本月 for "
                "the month alone"
            ).format(
                error=error,
                cells=", ".join(f"'{c}'" for c in coded),
                spans=", ".join(spans),
            )
        )
    codes = {cell: period(cell) for cell in cells}
    ends = {code[4:] for code in codes.values() if code}
    alone = [cell for cell in cells if one_month.match(_folded(cell))]
    if len(alone) == len(cells) == len(ends) > 1:  # 2022年3月, 2022年4月…: a series of months
        raise InputError(
            _(
                "{error}; the header names {count} months ({cells}), a series across the "
                "columns, and a month alone may head the month's figures or the year's to "
                "date: for the year to date rename each to its months from January ({span}…), "
                "and the series imports, each column as its period's figures"
            ).format(
                error=error,
                count=len(cells),
                cells=", ".join(f"'{c}'" for c in cells),
                span=_from_january(cells[0]),
            )
        )
    months = bool(alone)
    if "" in codes.values() or months or len(ends) < 2 or len(cells) > len(ends):
        return  # 4-6月 (not from January), 6月 alone, or a month beside its span
    raise InputError(
        _(
            "{error}; the header names {count} periods from January ({cells}), a series "
            "across the columns, which imports when its periods are of one year and written "
            "as a bulletin writes them (1-5月, 一季度, 2022年1-6月, docs/formats.md): rename "
            "them so, or write the series one row per target and period under a 期间 column "
            "(指标,期间,本年累计 or 累计增长)"
        ).format(error=error, count=len(cells), cells=", ".join(f"'{c}'" for c in cells))
    )


def _from_january(cell: str) -> str:
    """A month alone as the span from January it may stand for: `2022年3月` → `2022年1-3月`."""
    folded = _folded(cell)
    return re.sub(r"0?([0-9]+)月$", lambda m: f"1-{int(m.group(1))}月", folded)


# ------------------------------------------------------------------ a series, imported (s38)

SERIES = "series:"
"""The readers' key of a series' period column (`series:3`, the column's position)."""
_UNIT_BRACKET = re.compile(r"^(.+?)(\([^()]*\))$")


@dataclass(frozen=True, slots=True)
class SeriesColumn:
    """One period's column of a series across the columns: the cell as written, its position,
    the header of a table of that one period (its figure column `figure`, `本年累计` or a %
    column's `数值`), so each of its cells is read as a lone `1-6月` column's are."""

    cell: str
    position: int
    header: Header
    figure: str
    growth: tuple[int, str] | None = None  # its period's growth column beside (position, name)

    @property
    def key(self) -> str:
        return f"{SERIES}{self.position}"

    def readers(self) -> list[tuple[str, int]]:
        """The readers' keys of its columns, each with its position: the growth's too."""
        growth = [] if self.growth is None else [(f"{SERIES}{self.growth[0]}", self.growth[0])]
        return [(self.key, self.position), *growth]


def series_header(
    header: Header,
    name: str,
    line: int,
    period: Callable[[str], str | None],
    with_period: Callable[[Sequence[str], Mapping[str, str], str, int], list[str]],
    written: Sequence[str] | None = None,
) -> Header | None:
    """The header of a one-row header naming a series of periods across its columns, each from
    January and each another (`指标,1-2月,一季度,1-4月,1-5月,1-6月`; a unit bracket each may have,
    `1-6月（亿元）`, `1-6月（%）`): the latest period's table header, its `series` the columns, each
    one period's (read as a lone column of it is: `本年累计`, or the figure of a `%` column).
    None for any other header (a month alone, `6月`, may head the month's figures or the
    year's to date: refused as a lone one is). The layout's reading of a cell (`period`) and
    check of the title's period against the header's (`with_period`: the latest's)."""
    from plancli.bulletin import read_header
    from plancli.bulletin_units import column_units, is_unit
    from plancli.period_ranges import span_months

    row = [cell or "" for cell in header.row]
    shown = list(written) if written is not None else row  # the cells as the file has them
    found: dict[int, tuple[str, str, str]] = {}  # position → (period, bracket, code)
    for position, cell in enumerate(row):
        text, bracket = period_cell(cell)
        unit = not bracket or is_unit(bracket[1:-1])  # 2026/6/30: a date, no bulletin's span
        code = period(text) if unit and not text.isascii() else None
        if code is not None:
            found[position] = (text, bracket, code)
    codes = [code for _text, _bracket, code in found.values()]
    ends, years = {c[4:] for c in codes}, {c[:4] for c in codes} - {"9999"}
    lone = len(found) == 1 and any(bracket for _text, bracket, _code in found.values())
    if any(_MONTH_ALONE.match(_folded(text)) or coded_month(text) for text, *_ in found.values()):
        return None
    brackets = {bracket for _text, bracket, _code in found.values()}
    pairs = _amount_and_growth(found) if "" not in codes and len(years) < 2 else None
    if pairs is not None:  # 1-6月（亿元）,1-6月增长（%）,1-7月（亿元）,1-7月增长（%）(session 40)
        return _paired_series(header, name, line, found, pairs, shown, with_period)
    if len(brackets) > 1 and len(ends) > 1 and "" not in codes and len(years) < 2:
        # 1-2月（亿元）beside 一季度（%）: one figure a column, of one unit (session 39)
        from plancli.bulletin_period_words import mixed_series

        said = [(shown[p], found[p][1]) for p in sorted(found, key=lambda p: _end(found[p][2]))]
        raise mixed_series(name, line, said)
    if (len(found) < 2 and not lone) or "" in codes or len(ends) < len(codes) or len(years) > 1:
        return None  # (a lone 1-6月 is the layout's; 1-6月（%）, this reading's)
    columns = []
    for position, (text, bracket, _code) in sorted(found.items(), key=lambda i: _end(i[1][2])):
        figure = "数值" if bracket == "(%)" else "本年累计"
        labels = [c if p not in found else "" for p, c in enumerate(row)]
        labels[position] = figure + bracket
        one = read_header(labels, name, line, [span_months(text), *header.titles])
        column = next(c for c, p in one.positions.items() if p == position)
        labelled = {**one.labels, column: shown[position]}  # named as the file heads it
        units = column_units(one.positions, labelled, header.titles)
        one = dataclasses.replace(one, labels=labelled, units=units)
        columns.append(SeriesColumn(shown[position], position, one, column))
    latest = found[columns[-1].position][0]  # 1-6月 of 1-6月（%）
    with_period(header.titles, {latest: "ytd"}, name, line)  # the title's period?
    last, figure = columns[-1].header, columns[-1].figure
    if lone:
        return dataclasses.replace(last, data_row=True)
    unlabelled = tuple(p for p in last.unlabelled if p not in found)
    named = {**last.labels, figure: f"{columns[0].cell}…{columns[-1].cell}"}  # in messages
    units = column_units(last.positions, named, header.titles)  # (checked after the rows)
    return dataclasses.replace(
        last,
        labels=named,
        units=units,
        unlabelled=unlabelled,
        data_row=True,
        series=tuple(columns),
    )


def _amount_and_growth(found: Mapping[int, tuple[str, str, str]]) -> list[tuple[int, int]] | None:
    """(amount's position, growth's) of each period, in order, of a series whose every period
    has two columns, its amount in one unit (the same for all: `（亿元）`, or none) and its
    growth in %; None for any other."""
    by_code: dict[str, list[int]] = {}
    for position, (_text, _bracket, code) in found.items():
        by_code.setdefault(code, []).append(position)
    if len(by_code) < 2 or any(len(positions) != 2 for positions in by_code.values()):
        return None
    pairs, units = [], set()
    for code in sorted(by_code, key=_end):
        growth = [p for p in by_code[code] if found[p][1] == "(%)"]
        if len(growth) != 1:
            return None
        amount = next(p for p in by_code[code] if p != growth[0])
        units.add(found[amount][1])
        pairs.append((amount, growth[0]))
    return pairs if len(units) == 1 else None


def _paired_series(
    header: Header,
    name: str,
    line: int,
    found: Mapping[int, tuple[str, str, str]],
    pairs: Sequence[tuple[int, int]],
    shown: Sequence[str],
    with_period: Callable[[Sequence[str], Mapping[str, str], str, int], list[str]],
) -> Header:
    """`series_header`'s header of a series of an amount and a growth a period: each period
    read as a table of that period whose header is `本年累计（亿元）,数值（%）` (as one period's
    pair is: `bulletin_period_words.one_period`), its two columns named as the file heads them."""
    from plancli.bulletin import read_header
    from plancli.bulletin_units import column_units
    from plancli.period_ranges import span_months

    row = [cell or "" for cell in header.row]
    columns = []
    for amount, growth in pairs:
        labels = [c if p not in found else "" for p, c in enumerate(row)]
        labels[amount], labels[growth] = "本年累计" + found[amount][1], "数值(%)"
        one = read_header(labels, name, line, [span_months(found[amount][0]), *header.titles])
        at = {p: c for c, p in one.positions.items()}
        labelled = {**one.labels, at[amount]: shown[amount], at[growth]: shown[growth]}
        units = column_units(one.positions, labelled, header.titles)
        one = dataclasses.replace(one, labels=labelled, units=units)
        columns.append(SeriesColumn(shown[amount], amount, one, at[amount], (growth, at[growth])))
    with_period(header.titles, {found[pairs[-1][0]][0]: "ytd"}, name, line)  # the title's?
    first, last = columns[0], columns[-1]
    assert first.growth is not None and last.growth is not None
    named = {
        **last.header.labels,
        last.figure: f"{first.cell}…{last.cell}",
        last.growth[1]: f"{shown[first.growth[0]]}…{shown[last.growth[0]]}",
    }
    return dataclasses.replace(
        last.header,
        labels=named,
        units=column_units(last.header.positions, named, header.titles),
        unlabelled=tuple(p for p in last.header.unlabelled if p not in found),
        data_row=True,
        series=tuple(columns),
    )


def period_cell(cell: str | None) -> tuple[str, str]:
    """A header cell's period and its unit bracket: `1-6月（亿元）` → (`1-6月`, `(亿元)`)."""
    split = _UNIT_BRACKET.match(_folded(cell or ""))
    return (split.group(1), split.group(2)) if split else (cell or "", "")


def _end(code: str) -> int:
    """The month a period's code (year 9999 when it names none) ends with: 9999-Q1 → 3."""
    end = code[5:]
    if end[:1] in ("Q", "H"):
        return int(end[1:]) * (3 if end[0] == "Q" else 6)
    return int(end) if end else 12


_MONTH_ALONE = re.compile(r"^(?:[0-9]{4}年)?0?([2-9]|1[0-2])月$")  # 6月: which figures?


def series_rows(
    header: Header, cells: Mapping[str, str | Decimal | None], row: int, notes: ReadNotes
) -> list[Entry | str]:
    """The entries of a row: one, or one for each period of a series whose cell holds a figure
    (an empty or `—` cell is no figure for its period; a row with none is read as a lone
    column's is). A row's first problem only, naming its column (one bad cell refuses the
    import: the rows are one batch)."""
    from plancli.bulletin import build_row
    from plancli.safe import cell_shown

    if not header.series:
        return [build_row(header, cells, row, notes)]
    base = {c: v for c, v in cells.items() if c not in _FIGURES and not c.startswith(SERIES)}
    given = [(column, _figures(column, cells)) for column in header.series]
    filled = [(c, v) for c, v in given if any(_given(figure) for figure in v.values())]
    if not filled:
        last, values = given[-1]
        return [build_row(last.header, {**base, **values}, row, notes)]
    built: list[Entry | str] = []
    for column, values in filled:
        for figure, value in values.items():
            label = column.cell if figure == column.figure else column.header.label(figure)
            if value is None or not _given(value):
                continue  # an empty or `—` cell: the row's other figure, or no data
            problem = _not_a_number(value, cell_shown(label))
            if problem is not None:
                return [problem]
        one = build_row(column.header, {**base, **values}, row, notes)
        if isinstance(one, str):
            return [one]
        built.append(one)
    return built


_FIGURES = frozenset({"value", "total", "amount"})


def _figures(
    column: SeriesColumn, cells: Mapping[str, str | Decimal | None]
) -> dict[str, str | Decimal | None]:
    """A series column's figures in a row, by the columns of its period's header: its one
    figure, and its growth's where the series gives an amount and a growth a period."""
    figures = {column.figure: cells.get(column.key)}
    if column.growth is not None:
        figures[column.growth[1]] = cells.get(f"{SERIES}{column.growth[0]}")
    return figures


def _given(value: str | Decimal | None) -> bool:
    from plancli.bulletin import NO_DATA

    return value is not None and str(value).strip() not in NO_DATA


def _not_a_number(value: str | Decimal, column: str) -> str | None:
    """The refusal of a cell that is no figure, named by its column (`'1-5月(%)' '4.O' is not
    a number`: the checks after the rows name a series' columns together); None for a figure
    and for a cell with words or a unit (`下降0.4`, `27.9万人`), which the target decides."""
    from plancli.bulletin import plain_number
    from plancli.ledger_values import parse_number

    if not isinstance(value, str) or _WORDS.search(unicodedata.normalize("NFKC", value)):
        return None
    try:
        parse_number(plain_number(value), column, percent=True)
    except InputError as exc:
        return str(exc)
    return None


_WORDS = re.compile(r"[\u3400-\u9fff]")  # 下降, 万人: a word or a unit the target reads


def period_notice(name: str, header: Header | None, rows: Sequence[ImportRow]) -> str | None:
    """What an import says of the period(s) of a table without a period column: a series'
    periods, each its column's, and how many figures its `rows` hold (before the import
    takes them: the rows are a stream); the one period a header's
    `1-6月` column names, read from the header; or the one its title or file name says. None
    with a period column."""
    from plancli.bulletin_titles import title_period
    from plancli.period_ranges import span_months
    from plancli.safe import clip_path

    if header is None or not header.period:
        return None
    file = clip_path(name)
    if header.series:
        first, last = header.series[0].cell, header.series[-1].cell
        if header.series[0].growth is not None:  # an amount and a growth a period (s40)
            return _(
                "{file}: no period column; the header names {count} periods, {first} to "
                "{last}, each an amount and a growth ({figures} figures in all)"
            ).format(file=file, count=len(header.series), first=first, last=last, figures=len(rows))
        return _(
            "{file}: no period column; the header names {count} periods, {first} to {last}, "
            "each column its period's figures ({figures} in all)"
        ).format(file=file, count=len(header.series), first=first, last=last, figures=len(rows))
    from plancli.bulletin_period_words import period_part

    labels = [period_cell(label.split("/")[0])[0] for label in header.labels.values()]
    cells = {span_months(text) for label in labels for text in (label, period_part(label))}
    titles = header.titles
    from_header = titles and header.period == titles[-1] and header.period in cells
    if from_header and title_period(titles[:-1]) is None:  # 1-6月 over the figures
        message = _("{file}: no period column; every row is for {period}, read from the header")
        return message.format(file=file, period=header.period)
    return _(
        "{file}: no period column; every row is for {period}, as its title or file name says"
    ).format(file=file, period=header.period)


def two_row_series(
    top: Sequence[str], name: str, header: int, line: int, period: Callable[[str], str | None]
) -> None:
    """InputError for a two-row header whose first row is a series of periods over their
    columns (`1-5月` merged over `绝对值（亿元）| 增长（%）`, `1-6月` over the same): a series
    imports with one header row, one figure a column; nothing for any other."""
    from plancli.safe import clip_path

    codes = {cell: period(cell) for cell in top if cell}
    spans = [c for c, code in codes.items() if code and not _MONTH_ALONE.match(_folded(c))]
    if len({codes[cell] for cell in spans}) < 2:
        return
    raise InputError(
        _(
            "{file}:{line}: rows {header} and {line} are a two-row header over a series of "
            "{count} periods ({cells}), each over its own columns; a series imports from one "
            "header row, a column a period (指标,1-5月（%）,1-6月（%）, docs/formats.md): keep one "
            "figure's columns (each 增长（%）, or each 绝对值), head each with its period and its "
            "unit in row {header}, and delete row {line}"
        ).format(
            file=clip_path(name),
            line=line,
            header=header,
            count=len(spans),
            cells=", ".join(f"'{c}'" for c in spans),
        )
    )
