"""A workbook of several tables (a 统计月报 of one sheet per month: 7月, 8月, 9月, 10月) imported
without `--sheet`: refused naming them, not read from its first (audit K D6).

One import reads one sheet, its rows one batch and its title or name one period. A bureau's
workbook of month sheets read from its first sheet imported July and said nothing of August to
October, so an analyst who ran the documented command once believed the year was in. Which
sheet, or whether all, is the user's to say: `--sheet 8月`, one command per sheet. A sheet
with no table of its own (a 封面 or 说明 of one-cell rows, a 目录 whose rows are no header,
an empty sheet, a chart) is not counted, so the session-23 rule stands: a cover before the
table is passed over and the table read, as before."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from plancli.errors import InputError
from plancli.i18n import _, join_list
from plancli.read_notes import ReadNotes
from plancli.safe import NAME_CHARS, clip, clip_path
from plancli.texts import shell_word

Read = TypeVar("Read", bound=tuple[object, ...])


def one_table(
    name: str,
    read: str,
    rows: Read,
    others: Iterable[str],
    sheet_rows: Callable[[str, ReadNotes], Read],
) -> Read:
    """`rows`, the sheet `read` chosen without `--sheet`; InputError when another sheet Excel
    shows (`others`, in its order) holds a table of its own: a header row and a row under it,
    read by `sheet_rows` into notes of its own (the import's are the chosen sheet's)."""
    tables = [other for other in others if other != read and _table(other, sheet_rows)]
    if not tables:
        return rows
    every = [read, *tables]
    example = tables[0] if len(tables) == 1 else every[-1]
    raise InputError(
        _(
            "{file}: the workbook has {n} sheets of figures ({sheets}); an import reads one, "
            "and plancli will not guess which: import each with --sheet, e.g. --sheet {sheet}"
        ).format(
            file=clip_path(name),
            n=len(every),
            sheets=join_list(clip(sheet) for sheet in every),
            sheet=shell_word(example) if len(example) <= NAME_CHARS else clip(example),
        )
    )


def same_sheet(sheet: str, names: Iterable[str]) -> str | None:
    """The sheet of `names` that `--sheet SHEET` means when the workbook has none so named: a
    template's sheet by its name in the other language (`--sheet input` in a workbook written
    under --lang zh, whose sheet is `填报`, and `--sheet 填报` in an English one, or one filled
    before session 31, when every template's sheet was `input`); None when there is none."""
    from plancli.interface_words import WORDS

    for key in ("sheet.input", "sheet.notes"):
        pair = WORDS[key]
        if sheet in pair:
            other = pair[1 - pair.index(sheet)]
            return other if other in names else None
    return None


def _table(sheet: str, sheet_rows: Callable[[str, ReadNotes], tuple[object, ...]]) -> bool:
    try:
        found = sheet_rows(sheet, ReadNotes())
    except InputError:  # no header row (a cover), a header refused (a 目录), a chart sheet
        return False
    return bool(found[1])
