"""Who wrote a database ledger's rows, dropped by a copy replacing them (`ledger convert
FILE URL --force` from a ledger that names no writer: a SQLite backup, which keeps none).

In a shared database `recorded_by` is more than a note: a department undoes only the batches
its own roles wrote, so rows restored without their writers are no department's, and
`history` no longer says who entered them. The convert copies what it is given; this says
so where it happens (session 36's walk: a backup through SQLite, restored, took alice's
import away from her without a word)."""

from __future__ import annotations

from plancli.i18n import join_list, ngettext
from plancli.safe import clip, clip_path
from plancli.stores.base import LedgerContents


def _writers(contents: LedgerContents) -> list[str | None]:
    return [
        *(record.recorded_by for record in contents.records),
        *(amendment.recorded_by for amendment in contents.plain_amendments),
    ]


def writers_dropped_warning(
    replaced: LedgerContents, copied: LedgerContents, source: str
) -> str | None:
    """The warning for a copy whose rows name no writer replacing rows that named theirs;
    None when the copy names every row's writer, or the replaced rows named none either."""
    named = sorted({who for who in _writers(replaced) if who})
    unnamed = sum(1 for who in _writers(copied) if not who)
    if not named or not unnamed:
        return None
    return ngettext(
        "warning: {source} names no writer (录入人) for {n} record or amendment, where the "
        "database's rows it replaced named {writers}: history no longer says who entered "
        "it, and a department may no longer undo its batch (only the ledger's owner may); a "
        ".toml backup keeps the writers",
        "warning: {source} names no writer (录入人) for {n} records and amendments, where the "
        "database's rows it replaced named {writers}: history no longer says who entered "
        "them, and a department may no longer undo their batches (only the ledger's owner "
        "may); a .toml backup keeps the writers",
        unnamed,
    ).format(
        source=clip_path(source),
        n=unnamed,
        writers=join_list([*(clip(who) for who in named[:5]), *(["…"] if named[5:] else [])]),
    )
