"""A bureau's backups of its shared ledger (`ledger convert`), as session 36's walk through
docs/shared-ledger.md made them: a backup taken without the plan's `--plan` (the docs' own
command had none) copied nothing, exit 0, and restoring it with `--force` would have emptied
the plan; a backup through SQLite restored with `--force` took every department's batches
away from it without a word. Against the throwaway server of tests/pgcluster.py, with
test_ledger_postgres's fixtures."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

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
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)
from test_ledger_postgres_security import city  # noqa: F401 - a fixture, used by name


def test_a_backup_of_a_plan_the_database_has_no_records_of_is_refused(
    bureau, ledger: PgLedger, owned_plan: Path, city: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`ledger convert URL backup.toml` under another plan than the database's (--plan
    forgotten: the bundled default's, or a workspace's) wrote an empty ledger, exit 0."""
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    backup = tmp_path / "backup.progress.toml"
    url = ledger.as_user("bureau").url
    refused = one_line_error(invoke("--plan", str(city), "ledger", "convert", url, str(backup)), 2)
    assert refused == (
        f"error: {url} holds no records of plan city-2022, only of mini-2022: give the "
        "ledger's plan with --plan (plancli --plan PLAN.toml ledger convert …); nothing was "
        "written\n"
    )
    assert not backup.exists()
    # In Chinese too; and a department's role, which may back the ledger up, is told the same.
    zh = invoke(
        "--lang", "zh", "--plan", str(city), "ledger", "convert",
        ledger.as_user("alice").url, str(backup),
    )  # fmt: skip
    assert zh.exit_code == 2 and not backup.exists()
    assert "中没有计划 city-2022 的记录，只有 mini-2022 的：" in zh.stderr, zh.stderr
    # The plan's own backup is taken as before.
    taken = invoke("--plan", str(owned_plan), "ledger", "convert", url, str(backup))
    assert taken.exit_code == 0, taken.stderr
    assert "converted 2 records of plan mini-2022" in taken.stderr


def test_a_restore_that_drops_the_writers_says_so(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Through SQLite (which keeps no writer) and back with --force, alice's and bob's batches
    became no department's: alice could no longer undo her own import. Said at the restore,
    where it happens; a .toml backup, which keeps them, is restored without a word."""
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    plan, url = ("--plan", str(owned_plan)), ledger.as_user("bureau").url
    sqlite, toml = tmp_path / "backup.sqlite", tmp_path / "backup.progress.toml"
    for backup in (sqlite, toml):
        assert invoke(*plan, "ledger", "convert", url, str(backup)).exit_code == 0
    kept = invoke(*plan, "ledger", "convert", str(toml), url, "--force")
    assert kept.exit_code == 0, kept.stderr
    assert "warning" not in kept.stderr
    restored = invoke(*plan, "ledger", "convert", str(sqlite), url, "--force")
    assert restored.exit_code == 0, restored.stderr
    assert restored.stderr.splitlines()[1:] == [
        f"warning: {sqlite} names no writer (录入人) for 2 records and amendments, where the "
        "database's rows it replaced named alice, bob: history no longer says who entered "
        "them, and a department may no longer undo their batches (only the ledger's owner "
        "may); a .toml backup keeps the writers"
    ]
    history = json.loads(invoke(*plan, "--ledger", url, "history", "--json").stdout)
    assert [r["recorded_by"] for r in history["records"]] == [None, None]  # what it warns of
    # Restored again from the same SQLite file: the database's rows named no writer: no word.
    again = invoke(*plan, "ledger", "convert", str(sqlite), url, "--force")
    assert again.exit_code == 0 and "warning" not in again.stderr, again.stderr
    zh = invoke("--lang", "zh", *plan, "ledger", "convert", str(toml), url, "--force")
    assert zh.exit_code == 0 and "警告" not in zh.stderr, zh.stderr
    zh = invoke("--lang", "zh", *plan, "ledger", "convert", str(sqlite), url, "--force")
    assert zh.stderr.splitlines()[1] == (
        f"警告：{sqlite} 的 2 条记录和调整没有录入人，而被替换的数据库记录写明了录入人"
        "（alice、bob）：历史中不再显示由谁录入，部门也不能再撤销这些批次（只有台账所有者可以）；"
        "备份为 .toml 文件可保留录入人"
    ), zh.stderr
