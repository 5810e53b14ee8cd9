"""What an import's summary line says of the periods its file holds (audit W D7): an analyst
importing a dozen departments' sheets reads that line alone, and "修订 2" did not say that the
2 were last month's figures, typed over by a clerk who reused last month's sheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from plancli.i18n import _, join_list, language
from plancli.safe import clip_path
from plancli.stores.base import cached_period
from plancli.to_date import zh_to_date

if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import ImportResult, ImportRow
    from plancli.plain import AnyRecord
    from plancli.read_notes import ReadNotes

SHOWN_PERIODS = 6  # past this many periods (a bulletin's year of months), the first and last


def series_rows(header: Header | None, rows: Sequence[ImportRow]) -> int | None:
    """The file's rows of a series across the columns, each giving a figure a period (the
    summary says `of 8 figures in 2 rows`, session 39); None for any other file."""
    if header is None or not header.series:
        return None
    return len({row.row for row in rows})


def stream_counts(names: list[str], counts: list[int]) -> dict[str, tuple[int, int, int]]:
    """Period text → (new, revised, unchanged) from `import_stream`'s counts by period number
    (three a period), the periods no row was counted for left out."""
    return {
        names[number]: (counts[at], counts[at + 1], counts[at + 2])
        for number, at in enumerate(range(0, len(counts), 3))
        if counts[at] or counts[at + 1] or counts[at + 2]
    }


def period_counts(result: ImportResult) -> dict[str, tuple[int, int, int]]:
    """Position → (new, revised, unchanged) rows, in order. A position is one the rows end at,
    named by the spelling they share (gdp's 一季度 is 2022-Q1, as `history` has it: session
    41), else by the month it ends (2022-06): a June sheet's monthly 2022-06 and quarterly
    2022-Q2 rows are one period."""
    given = result.periods
    if given is None:
        counted: dict[str, list[int]] = {}
        for rc in result.changes:
            record = rc.change.record
            counted.setdefault(record.period, [0, 0, 0])[rc.change.previous is not None] += 1
        for rc in result.unchanged:
            counted.setdefault(rc.change.record.period, [0, 0, 0])[2] += 1
        given = {period: (n[0], n[1], n[2]) for period, n in counted.items()}
    found: dict[tuple[int, int], list[int]] = {}
    spelt: dict[tuple[int, int], set[str]] = {}
    for text, counts in given.items():
        period = cached_period(text)
        position = (period.year, period.end_month)
        sums = found.setdefault(position, [0, 0, 0])
        spelt.setdefault(position, set()).add(str(period))
        for place, count in enumerate(counts):
            sums[place] += count
    named = {at: min(s) if len(s) == 1 else f"{at[0]}-{at[1]:02d}" for at, s in spelt.items()}
    return {named[at]: (sums[0], sums[1], sums[2]) for at, sums in sorted(found.items())}


def period_name(code: str) -> str:
    """A period of the summary as the analyst names it: in Chinese in words, as the report
    says it (2022年一季度, 2022年上半年, 2022年6月: the year to date, as a figure is from
    January, `to_date.zh_to_date`; 2022年二季度 before session 42), in English plancli's code
    (2022-Q1)."""
    return zh_to_date(code) if language() == "zh" else code


def periods_text(result: ImportResult) -> str:
    """`; period 2022-05`, `; by period: 2022-05: 2 revised; 2022-Q2: 1 new`, or "" (no row);
    in Chinese `；期间 2022年5月`, `2022年上半年` (`period_name`)."""
    counts = {period_name(code): n for code, n in period_counts(result).items()}
    if not counts:
        return ""
    if len(counts) == 1:
        return _("; period {period}").format(period=next(iter(counts)))
    if len(counts) > SHOWN_PERIODS:
        first, *_middle, last = counts
        return _("; {n} periods, {first} to {last}").format(n=len(counts), first=first, last=last)
    parts = []
    for period, (new, revised, unchanged) in counts.items():
        said = [
            text.format(n=n) for n, text in ((new, _("{n} new")), (revised, _("{n} revised"))) if n
        ]
        if unchanged:
            said.append(_("{n} unchanged").format(n=unchanged))
        parts.append(_("{period}: {counts}").format(period=period, counts=join_list(said)))
    return _("; by period: {periods}").format(periods=_("; ").join(parts))  # zh: ；


def stale_sheet(
    name: str, result: ImportResult, notes: ReadNotes, records: Callable[[], Sequence[AnyRecord]]
) -> str | None:
    """The warning of a template whose rows all revise figures of periods before the latest the
    ledger holds (`records`: reads the ledger's figures, asked only of such a template): last
    month's sheet sent back, typed over with this month's figures? None when the file is no
    template, or gives anything new."""
    if notes.header is None or not notes.header.template or result.new or not result.revised:
        return None
    counts = period_counts(result)
    given = [cached_period(text) for text in counts]
    latest = max(
        ((p.year, p.end_month) for p in (cached_period(r.period) for r in records())),
        default=None,
    )
    if latest is None or any((p.year, p.end_month) >= latest for p in given):
        return None
    message = _(
        "{file} is the sheet for {periods}, and every row revises a figure already recorded, "
        "while the ledger has figures up to {latest}: was last month's sheet sent back?"
    )
    shown = period_name(f"{latest[0]}-{latest[1]:02d}")
    periods = join_list(map(period_name, counts))
    return message.format(file=clip_path(name), periods=periods, latest=shown)
