"""Where a ledger is kept, one module per store behind one contract (`stores.base`).

- `base`: the contract (`LedgerStore`, `LedgerSession`) and what every store shares, free of
  the models (constants, the lock's error, the rule for periods, the contents' shapes);
- `rows`: stored rows checked by the Pydantic models (every store's full read);
- `toml`: one TOML file, rewritten atomically under a lock;
- `sqlite_db`, `sqlite_read`, `sqlite`: a SQLite file: connection and schema, readers, store;
- `postgres`: a PostgreSQL database shared by a bureau's departments;
- `copy`: copying a ledger from any store into any other;
- `shares`: how `gap --json`'s two processes read a ledger, a share each where the store can.

`store_class` says which store keeps a ledger, and what it can do (`refuses_targets`,
`stamps_writers`), so that no caller names a store; `open_store` opens it.

No store imports another, and none imports `plancli.ledger` (the rules for figures), which
imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.locations import LedgerLocation, location_of

if TYPE_CHECKING:
    from pathlib import Path

    from plancli.model import Record
    from plancli.stores.base import LedgerStore
    from plancli.stores.postgres import PostgresLedgerStore
    from plancli.stores.sqlite import SqliteLedgerStore
    from plancli.stores.toml import TomlLedgerStore


def store_class(
    location: LedgerLocation,
) -> type[TomlLedgerStore | SqliteLedgerStore | PostgresLedgerStore]:
    """The store of the ledger at `location`, not opened: TOML, SQLite or PostgreSQL by its
    name (`LedgerLocation.format`: a connection string, `.sqlite`/`.db`, anything else). Its
    class attributes say what it can do (`LedgerStore.refuses_targets`, `stamps_writers`), for
    callers that must not name a store."""
    form = location.format
    if form == "postgres":
        from plancli.stores.postgres import PostgresLedgerStore

        return PostgresLedgerStore
    if form == "sqlite":
        from plancli.stores.sqlite import SqliteLedgerStore

        return SqliteLedgerStore
    from plancli.stores.toml import TomlLedgerStore

    return TomlLedgerStore


def open_store(location: LedgerLocation) -> LedgerStore:
    """The store of the ledger at `location` (`store_class`)."""
    form = location.format
    if form != "postgres" and not location.read_only:  # (resolve_ledger checked the commands')
        from plancli.ledger_names import check_ledger_name

        check_ledger_name(location.path, form)
    return store_class(location)(location)


def read_records(path: Path | LedgerLocation) -> list[Record]:
    """The ledger's records in ledger order (oldest first); [] when the file does not exist."""
    return open_store(path if isinstance(path, LedgerLocation) else location_of(path)).read()
