"""A SQLite ledger's pages checked before anything is written into it.

A write reads only the pages it needs (`record` finds its target's rows through the index), so
a ledger with damaged pages elsewhere took new figures without a word; the next `gap` or
`report` then refused the whole file (`database disk image is malformed`), and a restore from
the backup lost whatever had gone in since. `PRAGMA quick_check` reads every page and checks
each b-tree's structure (not the indexes against the table: that is `integrity_check`, several
times slower). Measured on the benchmarks' 1,200,000-record ledger (153 MB, 37,464 pages):
0.43 CPU s, where one `record` into it takes 0.8 (the plan cached); at 120,000 records 0.04,
against issue 15's goal of 0.5 s for a whole `record` (0.22 measured). Reads do not check:
reading every row finds the damage anyway, and a read writes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from plancli.errors import LedgerFileError
from plancli.i18n import _
from plancli.safe import clip, clip_path
from plancli.texts import shell_word


def check_pages(connection: sqlite3.Connection, path: Path) -> None:
    """LedgerFileError (exit 3) when SQLite finds a damaged page; run under the write lock,
    before anything is written. A page too damaged to read raises sqlite3.DatabaseError, which
    the store reports as an unreadable ledger."""
    found = connection.execute("PRAGMA quick_check(1)").fetchone()
    if found is None or found[0] == "ok":
        return
    # "*** in database main ***\nPage 25001: btreeInitPage() returns error code 11"
    lines = [line for line in str(found[0]).splitlines() if not line.startswith("***")]
    raise LedgerFileError(
        _(
            "{path}: the SQLite ledger is damaged ({problem}); nothing written: restore it "
            "from a backup, or save what SQLite can read with `sqlite3 {command_path} .recover`"
        ).format(
            path=clip_path(path),
            command_path=clip_path(shell_word(path)),  # pasted as one word: a space quoted
            problem=clip(" ".join(lines) or str(found[0]), 120),
        )
    )
