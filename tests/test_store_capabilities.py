"""What a ledger's store can do, asked of the store (`stores.store_class`) by the callers
that must not name one (session 33): an import keeps each target's first row only where the
store may refuse a target (a database's departments: the refusal names the row),
`history --csv` always lists `recorded_by` where every record is stamped with its writer, and
`gap --json`'s split reads a share in each process where the store can. No server needed:
what a database refuses with it is tested in tests/test_shared_ledger_walk_s33.py."""

from __future__ import annotations

from pathlib import Path

from plancli.locations import database_location, location_of
from plancli.plain import FigureQuery
from plancli.stores import open_store, store_class
from plancli.stores.shares import share_reader


def test_what_a_store_can_do_is_asked_of_it_not_of_its_name(tmp_path: Path) -> None:
    """The import keeps each target's first row only where the store may refuse a target,
    `history --csv` always has `recorded_by` where every record is stamped with its writer,
    and `gap --json`'s split reads shares where the store can: asked of the store's class."""
    toml = location_of(tmp_path / "a.progress.toml")
    sqlite = location_of(tmp_path / "a.progress.sqlite")
    database = database_location("postgresql://alice:hunter22@db.bureau/plans")
    assert [store_class(where).refuses_targets for where in (toml, sqlite, database)] == [
        False,
        False,
        True,
    ]
    assert [store_class(where).stamps_writers for where in (toml, sqlite, database)] == [
        False,
        False,
        True,
    ]
    for where in (toml, sqlite, database):  # the store opened is of that class
        assert type(open_store(where)) is store_class(where)
    query = FigureQuery(2022, 6)
    assert share_reader(toml, query) is None  # read whole, once, before the fork
    reader = share_reader(sqlite, query)  # each process its share, after the fork
    assert reader is not None and type(reader()).__name__ == "SqliteShares"
