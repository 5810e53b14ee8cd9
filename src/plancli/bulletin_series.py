"""A one-row bulletin header whose period cells plancli does not read as one table's period,
refused with what to write instead (session 37, bulletin3; docs/formats.md, "Bulletins as
bureaus export them"):

- a series across the columns, `指标,1-2月,一季度,1-4月,1-5月,1-6月`: several periods, each
  from January, were refused as though one did not run from January. An import reads one
  period from a header (its rows one batch, the table's period one); the refusal now says so
  and names the two ways to import the series: one row per target and period under a 期间
  column, or one period's column per file;
- a month written as plancli's code or a date, `2022-06`, `2022/6` (a CSV's header): it was
  read as the year to date with no period (`missing column(s) period`); like `6月` alone it
  may head the month's figures or the year's to date, and is refused naming the renames.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from plancli.errors import InputError
from plancli.i18n import _

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
    months = any(one_month.match(_folded(cell)) for cell in cells)
    if "" in codes.values() or months or len(ends) < 2 or len(cells) > len(ends):
        return  # 4-6月 (not from January), 6月 alone, or a month beside its span
    raise InputError(
        _(
            "{error}; the header names {count} periods from January ({cells}), a series "
            "across the columns, and an import reads one period from a header: write the "
            "series one row per target and period under a 期间 column (指标,期间,本年累计 or "
            "累计增长, docs/formats.md), or import one period's column at a time"
        ).format(error=error, count=len(cells), cells=", ".join(f"'{c}'" for c in cells))
    )
