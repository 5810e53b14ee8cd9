"""What a shared PostgreSQL ledger's users read (audit A of docs/shared-ledger.md): the owner
(牵头单位) the database enforces, the writer in every export, department names as they are
compared, and the hints on the setup path naming what was looked up.

Every test here runs against the throwaway server of tests/pgcluster.py (the fixtures of
test_ledger_postgres.py) and skips, saying why, where it cannot be started.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import bureau, ledger, one_line_error, owned_plan, roles

__all__ = ["bureau", "ledger", "owned_plan", "roles"]  # the fixtures, used by name


def test_show_and_targets_name_the_owner_the_database_enforces(
    bureau, invoke, ledger: PgLedger, owned_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """§4: the plan's next version moves g5 from 工信局 to 统计局 (init pushed it); bob, with
    last month's copy, was told by `show` and `targets` that 工信局 owns it while the database
    refused his record. Both name the database's owner and warn that the file differs."""
    moved = tmp_path / "v2.toml"
    moved.write_text(
        owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"'),
        encoding="utf-8",
    )
    pushed = invoke(
        "--plan", str(moved), "--ledger", ledger.as_user("bureau").url, "ledger", "init"
    )
    assert pushed.exit_code == 0 and "g5 (工信局 → 统计局)" in pushed.stderr, pushed.stderr
    refused = one_line_error(bureau("bob", "record", "g5", "170", "-p", "2022-Q2"), 2)
    assert "owned by 统计局" in refused, refused
    warning = (
        "warning: plan mini-2022 names other owners (牵头单位) than the database for 1 target "
        "(g5 (plan 工信局, database 统计局)): shown are the database's, which it enforces"
    )
    for role in ("bob", "bureau"):
        show = bureau(role, "show", "g5")
        assert show.exit_code == 0, show.stderr
        assert any(line.split() == ["owner", "统计局"] for line in show.stdout.splitlines())
        assert "工信局" not in show.stdout and warning in show.stderr, (show.stdout, show.stderr)
        as_json = bureau(role, "show", "g5", "--json")
        assert json.loads(as_json.stdout)["target"]["owner"] == "统计局"
        listed = bureau(role, "targets", "--json")
        owners = {t["id"]: t["owner"] for t in json.loads(listed.stdout)["targets"]}
        assert owners["g5"] == "统计局" and owners["gdp"] == "统计局", owners
        assert warning in listed.stderr
        assert "统计局" in bureau(role, "targets", "--csv").stdout.split("g5", 1)[1].split("\n")[0]
    # The plan that init pushed agrees with the database: nothing to warn of.
    agreed = invoke("--plan", str(moved), "--ledger", ledger.as_user("bob").url, "show", "g5")
    assert agreed.exit_code == 0 and "warning" not in agreed.stderr, agreed.stderr
