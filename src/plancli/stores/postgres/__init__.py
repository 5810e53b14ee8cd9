"""The progress ledger in a PostgreSQL database shared by a bureau (issue 13).

`libpq` is libpq itself through ctypes, `bulk` reads many rows through it, `connection`
connects (libpq's connection strings, timeouts, errors without passwords), `schema` keeps the
versioned schema and its policies, `admin` runs `ledger init`/`grant`, `refusals` says why a
department's write or undo is refused, `writes` is one write transaction's
session, `store` the store itself (reads and transactions), and `split` one process's share of
`gap`'s figures when `gap --json` is split in two (both in one snapshot). Each imports only
those before it; psycopg is imported only by `ledger init`/`grant`, or where libpq's own does
not load.
"""

from plancli.stores.base import LOCK_TIMEOUT_SECONDS
from plancli.stores.postgres.connection import (
    CONNECT_TIMEOUT_SECONDS,
    DepartmentRefusedError,
    MissingDriverError,
)
from plancli.stores.postgres.schema import (
    MIGRATIONS,
    SCHEMA,
    SCHEMA_VERSION,
    Grant,
    InitResult,
    OwnerChange,
    owners_digest,
)
from plancli.stores.postgres.store import PostgresLedgerStore

__all__ = [
    "CONNECT_TIMEOUT_SECONDS",
    "LOCK_TIMEOUT_SECONDS",
    "MIGRATIONS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "DepartmentRefusedError",
    "Grant",
    "InitResult",
    "MissingDriverError",
    "OwnerChange",
    "PostgresLedgerStore",
    "owners_digest",
]
