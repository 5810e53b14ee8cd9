"""Session 37: `ledger convert EMPTY.toml postgresql://… --plan P --force` deleted every record
of plan P in the database, exit 0 (`converted 0 records of plan P`): a wrong file given as a
restore emptied the bureau's ledger. Refused now, exit 2, naming the file and how many the
database holds of P; nothing is written; `--allow-empty` says it is meant (test_ledger_convert_
empty_s37 for the files). Against the throwaway server of tests/pgcluster.py."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)


def test_an_empty_file_does_not_empty_the_plans_records_in_the_database(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    empty = tmp_path / "EMPTY.toml"
    empty.write_text("version = 1\n", encoding="utf-8")
    url = ledger.as_user("bureau").url
    rows = "SELECT target, period, value FROM plancli.records ORDER BY target"
    kept = ledger.sql(rows)
    assert len(kept) == 2
    plan = ("--plan", str(owned_plan))
    for force in (["--force"], []):
        refused = invoke(*plan, "ledger", "convert", str(empty), url, *force)
        assert one_line_error(refused, 2) == (
            f"error: {empty} holds no records of plan mini-2022; {url} holds 2 records of it: "
            "nothing was written (to empty it, pass --force --allow-empty)\n"
        )
        assert ledger.sql(rows) == kept
    zh = invoke("--lang", "zh", *plan, "ledger", "convert", str(empty), url, "--force")
    assert zh.exit_code == 2 and ledger.sql(rows) == kept
    assert (
        f"中没有计划 mini-2022 的记录，而 {url} 中有该计划的 2 条记录：未写入任何内容" in zh.stderr
    )
    emptied = invoke(*plan, "ledger", "convert", str(empty), url, "--force", "--allow-empty")
    assert emptied.exit_code == 0, emptied.stderr
    assert emptied.stderr.startswith("converted 0 records of plan mini-2022: ")
    assert ledger.sql(rows) == []
