"""Where a key of a plan or a ledger is written in its TOML text: the line an error names
(`value = …` of the third `[[records]]`, a dotted key, a sub-table of the entry), so an
analyst who edits the file by hand is sent to the line to mend."""

from __future__ import annotations

import re


def line_of_item(text: str, table: str, index: int | None, field: object) -> int | None:
    """Line of `field = …` inside the index-th `[[table]]` entry (the `[table]` of an index
    None), else of the entry's header."""
    # Each line is looked for after its "\n" (the text given one in front), not at a `^`: the
    # regex engine scans for a literal at C speed, where `^` is tried at every character. A
    # plan's errors are each located, and a target of 100,000 unknown keys took minutes.
    padded = "\n" + text
    if index is None:
        headers = list(re.finditer(rf"\n[ \t]*\[\s*{table}\s*\][ \t]*(#.*)?$", padded, re.M))
        index = 0
    else:
        headers = list(re.finditer(rf"\n[ \t]*\[\[\s*{table}\s*\]\]", padded))
    if index >= len(headers):
        return None
    start = headers[index].start()  # (the "\n" before the line, as every offset here)
    block_end = re.compile(r"\n[ \t]*\[").search(padded, headers[index].end())
    end = block_end.start() if block_end else len(padded)
    if isinstance(field, str):
        # bare, or quoted (`"value" = 1`, `'value' = 1`): TOML reads the same key; dotted
        # (`value.x = 1`), or a sub-table of the entry (`[records.extra]`) below it: its own
        # line, not the entry's header (session 29)
        name = rf"""(?:{re.escape(field)}|"{re.escape(field)}"|'{re.escape(field)}')"""
        written = rf"\n[ \t]*{name}[ \t]*(?:\.[^=\n]*)?="
        key = re.compile(written).search(padded, start, end)
        if key:
            start = key.start()
        elif (sub := _sub_table_line(padded, table, name, end)) is not None:
            start = sub
    return padded.count("\n", 0, start + 1)


def _sub_table_line(padded: str, table: str, name: str, end: int) -> int | None:
    """Where `[table.name]` (or `[[table.name…]]`) opens among the headers that follow an
    entry at `end`, before the next entry of `table` or another table; None if not there
    (offsets of `padded`, the text with a "\n" in front, each at the "\n" before its line)."""
    header = re.compile(r"\n[ \t]*\[\[?[ \t]*([^\]\n]*)")
    inside = re.compile(rf"{re.escape(table)}[ \t]*\.[ \t]*(?P<key>{name})[ \t]*(?:[.\]]|$)")
    for found in header.finditer(padded, end):
        path = found[1].strip()
        if not path.startswith(table) or not inside.match(path):
            if re.match(rf"{re.escape(table)}[ \t]*\.", path):
                continue  # another sub-table of the same entry
            return None
        return found.start()
    return None


def id_offsets(entries: object, text: str, table: str, item_id: str) -> list[int]:
    """Where each `id = …` of the `[[table]]` `entries` (as read) of that id starts in `text`:
    an id given twice, at each of its lines."""
    offsets = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and entry.get("id") == item_id:
            line = line_of_item(text, table, index, "id")
            if line is not None:
                offsets.append(_line_start(text, line))
    return offsets


def _line_start(text: str, line: int) -> int:
    at = 0
    for _n in range(line - 1):
        at = text.index("\n", at) + 1
    return at
