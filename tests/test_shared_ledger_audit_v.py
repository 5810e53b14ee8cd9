"""What a 市统计局's DBA read of a shared PostgreSQL ledger (audit V, session 26): `template
--owner` took the owners from a department's older copy of the plan, not the database's,
and the sheet was then refused whole at import; a ledger restored with `pg_restore
--no-owner` was answered with DROP SCHEMA though it held records; …

Every test here runs against the throwaway server of tests/pgcluster.py (the fixtures of
test_ledger_postgres.py) and skips, saying why, where it cannot be started.
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    REPO,
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)

# ------------------------------------------------ D8 template --owner takes the database's


def test_template_owner_takes_the_databases_owners_and_warns(bureau, owned_plan: Path) -> None:  # type: ignore[no-untyped-def]
    """alice's older copy of the plan gives g5 (工信局's in the database) to 统计局: her
    `template --owner 统计局` listed g5, with no warning, and her clerk's sheet was refused
    whole (`g5 is owned by 工信局`). The database's owners choose the rows, as `targets` and
    `show` give them, and a warning names the difference."""
    claimed = owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"')
    owned_plan.write_text(claimed, encoding="utf-8")
    mine = bureau("alice", "template", "-p", "2022-06", "--owner", "统计局", "-")
    assert mine.exit_code == 0, mine.stderr
    rows = [line.split(",") for line in mine.stdout.splitlines()[1:]]
    assert [row[0] for row in rows] == ["gdp", "income"]
    assert {row[-1] for row in rows} == {"统计局"}
    assert mine.stderr == (
        "warning: plan mini-2022 names other owners (牵头单位) than the database for 1 target "
        "(g5 (plan 统计局, database 工信局)): shown are the database's, which it enforces\n"
    )
    theirs = bureau("bob", "template", "-p", "2022-06", "--owner", "工信局", "-")
    assert theirs.exit_code == 0, theirs.stderr  # the plan file gives 工信局 nothing
    assert [line.split(",")[0] for line in theirs.stdout.splitlines()[1:]] == ["g5"]
    assert theirs.stdout.splitlines()[1].endswith(",工信局")
    sheet = Path(owned_plan.parent, "sheet.csv")
    sheet.write_text(mine.stdout.replace("gdp,2022-Q2,,", "gdp,2022-Q2,5.1,"), encoding="utf-8")
    assert bureau("alice", "import", str(sheet)).exit_code == 0


# ------------------------------------ D3 a ledger restored with pg_restore --no-owner


def _restore_sql() -> str:
    """The SQL of docs/shared-ledger.md's "Backing up and restoring", run as the page gives it."""
    page = (REPO / "docs" / "shared-ledger.md").read_text(encoding="utf-8")
    block = page.split("<!-- restore-owner -->\n```sql\n", 1)[1]
    return block.split("```", 1)[0]


def test_a_ledger_restored_without_its_owners_is_not_answered_with_drop_schema(
    bureau, ledger: PgLedger
) -> None:  # type: ignore[no-untyped-def]
    """Restored by the administrator with `pg_restore --no-owner` (here: its objects given to
    postgres, as such a restore leaves them), the ledger locked the planning office out, and
    `ledger init` offered DROP SCHEMA "while the ledger holds nothing" — to a ledger holding
    its records. It names the remedy; the page's SQL, run as postgres, gives bureau its ledger
    back, and the departments' grants still work."""
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    ledger.sql("REASSIGN OWNED BY bureau TO postgres")
    status = one_line_error(bureau("bureau", "status"), 2)
    assert "role bureau may not read the ledger" in status
    assert status.endswith(
        "; if role bureau is to own the ledger (restored with pg_restore --no-owner?), plancli "
        "ledger init says how\n"
    )
    init = one_line_error(bureau("bureau", "ledger", "init"), 2)
    assert "DROP SCHEMA" not in init
    assert init.endswith(
        ": the ledger is owned by role postgres, and role bureau may not use it (no USAGE on "
        "schema plancli); it holds records (restored with pg_restore --no-owner?): if bureau "
        "is to own it, role postgres gives it the schema and every object in it (ALTER SCHEMA "
        "plancli OWNER TO bureau, then ALTER … OWNER TO bureau for each table, function and "
        'domain: docs/shared-ledger.md, "Backing up and restoring"), or it is restored again '
        "with its owners kept; else postgres grants it a department: plancli ledger grant "
        "DEPARTMENT ROLE\n"
    )
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    ledger.sql(_restore_sql())
    again = bureau("bureau", "ledger", "init")
    assert again.exit_code == 0, again.stderr
    owners = ledger.sql(
        "SELECT DISTINCT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class "
        "WHERE relnamespace = 'plancli'::regnamespace"
    )
    assert owners == [("bureau",)]
    assert bureau("bureau", "status").exit_code == 0
    assert bureau("alice", "undo", "-n").exit_code == 0


# ---------------------------------------------- D2 a granted role the administrator dropped


def test_grants_marks_a_dropped_role_and_does_not_count_it(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """A role granted 人社局 and then dropped (DROP OWNED BY, DROP ROLE: the page's way) was
    still listed as 人社局's, and counted: "3 of its 4 departments have a role" while nobody
    could record 人社局's targets. Made again (CREATE ROLE), it has lost its privileges, and
    its members were told "may not read the ledger" while the listing showed the grant."""
    ledger.sql("CREATE ROLE gone_v NOLOGIN")
    try:
        assert bureau("bureau", "ledger", "grant", "人社局", "gone_v").exit_code == 0
        assert "3 of its 4 departments have a role" in bureau("bureau", "ledger", "grants").stderr
        ledger.sql("DROP OWNED BY gone_v")
        ledger.sql("DROP ROLE gone_v")
        listed = bureau("bureau", "ledger", "grants")
        assert listed.exit_code == 0, listed.stderr
        assert listed.stderr.endswith("2 of its 4 departments have a role\n")
        assert listed.stdout.splitlines()[1] == (
            "人社局\tgone_v\t(no such role: dropped? plancli ledger grant --revoke, or CREATE ROLE)"
        )
        ledger.sql("CREATE ROLE gone_v NOLOGIN")
        again = bureau("bureau", "ledger", "grants")
        assert again.stdout.splitlines()[1] == (
            "人社局\tgone_v\t(may not read the ledger: no USAGE on schema plancli; grant it again)"
        )
        assert again.stderr.endswith("2 of its 4 departments have a role\n")
        assert bureau("bureau", "ledger", "grant", "人社局", "gone_v").exit_code == 0
        mended = bureau("bureau", "ledger", "grants")
        assert mended.stdout.splitlines()[1] == "人社局\tgone_v"
        assert mended.stderr.endswith("3 of its 4 departments have a role\n")
    finally:
        ledger.sql("DROP OWNED BY gone_v")
        ledger.sql("DROP ROLE IF EXISTS gone_v")


# ------------------------------- D7 convert into the database under the wrong --plan


def test_convert_of_another_plans_file_into_the_database_is_refused_before_writing(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A backup of guandu-2022 converted with --plan naming mini-2022 wrote its figures as
    mini-2022's, exit 0, then warned they were for no target of the plan (with --force, after
    replacing mini-2022's own). Refused first, naming --plan; nothing is written."""
    backup = tmp_path / "backup.progress.toml"
    for target, value in (("new_parking_spaces", "1300"), ("little_giant_enterprises", "3")):
        done = invoke("--ledger", str(backup), "record", target, value, "-p", "2022-Q3")
        assert done.exit_code == 0, done.stderr
    assert bureau("bureau", "record", "income", "5", "-p", "2022-Q2").exit_code == 0
    url = ledger.as_user("bureau").url
    for force in ((), ("--force",)):
        result = invoke("--plan", str(owned_plan), "ledger", "convert", *force, str(backup), url)
        refused = one_line_error(result, 2)
        assert refused == (
            f"error: {backup}: its 2 figures are for no target of plan mini-2022 in 2022 "
            "(new_parking_spaces, little_giant_enterprises): another plan's ledger? A ledger "
            "file names no plan: give its plan with --plan; nothing was written\n"
        )
    assert [r[0] for r in ledger.sql("SELECT target FROM plancli.records")] == ["income"]
    right = invoke("--plan", "guandu-2022", "ledger", "convert", str(backup), url)
    assert right.exit_code == 0, right.stderr


# ------------------------------------------ D1 the suggested `ledger init`, pasted as printed


def test_the_suggested_init_command_survives_the_shell(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """The hint printed the URL bare: pasted, `&connect_timeout=…` backgrounded the command and
    was lost (and `?` is a glob). The URL is quoted, so a shell reads it as one word."""
    url = ledger.as_user("bureau").url + "&connect_timeout=7"
    where = ["--plan", str(owned_plan), "--ledger", url]
    for args in (("status",), ("ledger", "grant", "统计局", "tongji")):
        error = one_line_error(invoke(*where, *args), 2)
        command = error.split("ledger init ", 1)[1].split("`", 1)[0].removesuffix(" first\n")
        echoed = subprocess.run(
            ["sh", "-c", f"printf '%s\\n' {command}"], capture_output=True, text=True, check=True
        )
        assert echoed.stdout == url + "\n", error


# ------------------------------- D6 "records for no department": in this plan, and the fix


def test_a_role_with_no_department_in_the_plan_is_told_to_ask_for_its_departments_role(
    bureau,
) -> None:  # type: ignore[no-untyped-def]
    """alice (a member of tongji) was told "alice records for no department (plancli ledger
    grant DEPARTMENT alice)": a grant of her login role, against the page's group role per
    department. The refusal names the plan and asks for a department's role
    (test_ledger_postgres_security: where she records in another plan, and which role)."""
    assert bureau("bureau", "ledger", "grant", "--revoke", "统计局", "tongji").exit_code == 0
    refused = one_line_error(bureau("alice", "record", "gdp", "6.2", "-p", "2022-Q3"), 2)
    assert refused == (
        "error: refused: gdp is owned by 统计局 (牵头单位); alice records for no department in "
        "plan mini-2022; the ledger's owner grants its department's role: plancli ledger grant "
        "DEPARTMENT ROLE; nothing of this batch was written\n"
    )
    assert "grant DEPARTMENT alice" not in refused


# ------------------------------- D11 the batch of a role the administrator dropped


def test_undo_of_a_dropped_roles_batch_says_why_it_is_refused(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """dana (a member of tongji) left and her role was dropped: her department's undo of her
    batch was refused as if she were another department's ("was written by dana; a department
    undoes only the batches its own roles wrote"). A dropped role is a member of nothing:
    the refusal says so, and who may undo it."""
    ledger.sql("CREATE ROLE dana_v LOGIN IN ROLE tongji")
    try:
        assert bureau("dana_v", "record", "gdp", "6.9", "-p", "2022-Q4").exit_code == 0
    finally:
        ledger.sql("DROP ROLE dana_v")
    refused = one_line_error(bureau("alice", "undo", "-n"), 2)
    assert "was written by dana_v, a role that no longer exists (dropped), so of no " in refused
    assert refused.endswith(
        "department now: only the ledger's owner, role bureau, may undo it; alice records for "
        "统计局; nothing was reverted\n"
    )
    owner_undo = bureau("bureau", "undo", "--yes")
    assert owner_undo.exit_code == 0, owner_undo.stderr
