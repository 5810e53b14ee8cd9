"""SQLite text that is no UTF-8, which Python's sqlite3 cannot hand over: a row a hand edit
stored as TEXT (`CAST(x'ff' AS TEXT)`), named by its row, column and bytes; and SQLite's own
message about a damaged schema, quoting such bytes, raised as a UnicodeDecodeError."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

from plancli.errors import LedgerFileError
from plancli.i18n import N_, _, colon_join
from plancli.safe import clip, clip_path

if TYPE_CHECKING:
    from pathlib import Path


def not_utf8_row(path: Path) -> LedgerFileError | None:
    """The first row holding text that is not UTF-8 (`CAST(x'ff' AS TEXT)` by hand; plancli
    never writes it), named as the other row errors name one: `FILE: record seq N (gdp
    2022-Q2): note: b'a\\xffb' is not UTF-8 text`; None when it cannot be found."""
    from plancli.stores.rows import not_utf8

    labels = {"records": N_("record seq {n}"), "amendments": N_("amendment seq {n}")}
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            for table, label in labels.items():
                db.text_factory = str
                names = [str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")]
                if not {"seq", "target", "period"} <= set(names):
                    continue
                listed = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
                db.text_factory = bytes
                for row in db.execute(f"SELECT {listed} FROM {table} ORDER BY seq"):
                    cells = dict(zip(names, row, strict=True))
                    bad = next((n for n, v in cells.items() if not _utf8(v)), None)
                    if bad is None:
                        continue
                    where = _(label).format(n=cells["seq"])
                    target, period = cells["target"], cells["period"]
                    named = isinstance(target, bytes) and isinstance(period, bytes)
                    if named and _utf8(target) and _utf8(period):
                        where = _("{label} ({target} {period})").format(
                            label=where,
                            target=clip(target.decode()),
                            period=clip(period.decode()),
                        )
                    shown = colon_join(clip_path(path), where, bad)
                    return LedgerFileError(colon_join(shown, not_utf8(cells[bad])))
    except sqlite3.Error:
        return None
    return None


def _utf8(value: object) -> bool:
    if not isinstance(value, bytes):
        return True
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def sqlite_message_error(exc: UnicodeDecodeError) -> sqlite3.DatabaseError:
    """SQLite's own error when its message quotes bytes that are not UTF-8 (`malformed
    database schema (records) - near "NULL\\x84CHECK"`: a schema damaged or edited by hand),
    which Python's sqlite3 raises as a UnicodeDecodeError, not the error SQLite reported."""
    data = exc.object
    text = bytes(data).decode("utf-8", "backslashreplace") if data else exc.reason
    return sqlite3.DatabaseError(text)
