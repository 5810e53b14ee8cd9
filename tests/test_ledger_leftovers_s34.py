"""Session 34's leftovers of the shared ledger (session 33's closing note): libpq's messages
of two lines shown as two (the hint no longer run into the reason), the convert warning about
writers asked of the store, not of its name.

The database tests run against the throwaway server of tests/pgcluster.py and skip, saying
why, where it cannot be started.
"""

from __future__ import annotations

import ast
from pathlib import Path

from plancli.locations import database_location, location_of
from plancli.stores import store_class

SRC = Path(__file__).resolve().parents[1] / "src" / "plancli"


# ------------------------------------------------------------ what a store can do


def test_whether_a_store_keeps_writers_is_asked_of_it(tmp_path: Path) -> None:
    """`ledger convert`'s warning that writers are dropped asks the store (a TOML file and a
    database keep `recorded_by`, SQLite has no column for it), not the destination's name."""
    toml = location_of(tmp_path / "a.progress.toml")
    sqlite = location_of(tmp_path / "a.progress.sqlite")
    database = database_location("postgresql://alice:hunter22@db.bureau/plans")
    kept = [store_class(where).keeps_writers for where in (toml, sqlite, database)]
    assert kept == [True, False, True]


def test_no_command_names_a_store_by_its_format() -> None:
    """Outside `stores/` (and `locations`, which tells the formats apart), no module compares
    a ledger's format with a store's name: what a store can do is asked of the store."""
    named: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("stores/") or relative == "locations.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare) or not isinstance(node.left, ast.Attribute):
                continue
            if node.left.attr != "format":
                continue
            for right in node.comparators:
                if isinstance(right, ast.Constant) and right.value in (
                    "sqlite",
                    "postgres",
                    "toml",
                ):
                    named.append(f"{relative}:{node.lineno}")
    assert named == []
