"""How `gap --json`'s two processes read a ledger (`assess.gap_split`), by its store: a share
each where the store can (SQLite, a database), or the whole ledger once before the fork.

Its own module, not the package's: the database's reader imports `ledger_read`, which opens
stores through the package (`plancli.stores`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from plancli.locations import LedgerLocation

if TYPE_CHECKING:
    from plancli.plain import FigureQuery
    from plancli.stores.postgres.split import PostgresShares
    from plancli.stores.sqlite_split import SqliteShares


def share_reader(
    location: LedgerLocation, query: FigureQuery
) -> Callable[[], SqliteShares | PostgresShares] | None:
    """How each process of `gap --json`'s split reads its share of the figures `query` asks
    (`assess.gap_split`), made in each process after the fork: a store that reads a share
    (SQLite, a database: each process its own connection and snapshot); None: one that is read
    whole (TOML), once, before the fork."""
    form = location.format
    if form == "sqlite":
        from plancli.stores.sqlite_split import SqliteShares

        return lambda: SqliteShares(location, query)
    if form == "postgres":
        from plancli.stores.postgres.libpq import find_libpq
        from plancli.stores.postgres.split import PostgresShares

        find_libpq()  # libpq loaded once, before the fork: not by each process after it
        return lambda: PostgresShares(location, query)
    return None
