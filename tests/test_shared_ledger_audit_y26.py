"""A shared ledger's small words found by session 26's verifier (REPORT_TVX, audit V): a
department's member who simply lacks a grant was pointed at taking the whole ledger over
("restored with pg_restore --no-owner? … ALTER SCHEMA plancli OWNER TO dan"), a hint for the
role a restore left without its ledger only; and `ledger grants` said "1 of its 4 departments
have a role" (has). Against the throwaway server of tests/pgcluster.py (skips without one).
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os

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


def test_a_member_without_a_grant_is_not_given_the_restore_hint(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0  # records
    status = one_line_error(bureau("carol", "status"), 2)
    assert "role carol may not read the ledger" in status
    assert "pg_restore" not in status
    assert status.endswith("the ledger's owner, role bureau, grants it: plancli ledger grant "
                           "DEPARTMENT ROLE\n")  # fmt: skip
    init = one_line_error(bureau("carol", "ledger", "init"), 2)
    assert "pg_restore" not in init and "OWNER TO" not in init and "DROP SCHEMA" not in init
    assert init.endswith(
        ": the ledger is owned by role bureau, and role carol may not use it (no USAGE on "
        "schema plancli): role bureau grants it a department: plancli ledger grant DEPARTMENT "
        "ROLE\n"
    )


def test_grants_says_one_department_has_a_role(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("bureau", "ledger", "grant", "--revoke", "工信局", "gongxin").exit_code == 0
    listed = bureau("bureau", "ledger", "grants")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stderr.endswith("1 of its 4 departments has a role\n"), listed.stderr
