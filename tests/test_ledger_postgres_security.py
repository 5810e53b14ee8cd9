"""What a department may write or erase in a shared PostgreSQL ledger (issue 13, audit A §1-§3
and §8): a grant is per plan; a department deletes and updates nothing with SQL and cannot
choose a row's time, writer or place; its `undo` reverts only batches its own roles wrote;
the schema migrates from version 1 keeping what its grants allowed. Against the throwaway
server of tests/pgcluster.py, as test_ledger_postgres.py (whose fixtures these use)."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg
else:
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger, PgLedgers, read_records
from plancli.stores.postgres import MIGRATIONS, SCHEMA_VERSION
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)

Denied = psycopg.errors.InsufficientPrivilege


@pytest.fixture
def city(owned_plan: Path, tmp_path: Path) -> Path:
    """Another plan naming the same departments (a city's beside a district's)."""
    text = owned_plan.read_text(encoding="utf-8").replace('id = "mini-2022"', 'id = "city-2022"')
    path = tmp_path / "city.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _as(invoke, ledger: PgLedger, plan: Path, role: str, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--plan", str(plan), "--ledger", ledger.as_user(role).url, *args)


# ------------------------------------------------------------------ §1 grants per plan


def test_a_grant_is_for_its_plan_only(bureau, ledger: PgLedger, city: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    assert _as(invoke, ledger, city, "bureau", "ledger", "init").exit_code == 0
    # bob was granted 工信局 for mini-2022 only: the city's 工信局 target is not his.
    refused = one_line_error(
        _as(invoke, ledger, city, "bob", "record", "g5", "9", "-p", "2022-06"), 2
    )
    assert refused == (
        "error: refused: g5 is owned by 工信局 (牵头单位); bob records for no department in "
        "plan city-2022 (it records for 工信局 in plan mini-2022 through gongxin); the ledger's "
        "owner grants its department's role: plancli ledger grant 工信局 gongxin; nothing of "
        "this batch was written\n"  # audit V D6: where bob records, and the group role's grant
    )
    insert = (
        "INSERT INTO plancli.records (plan_id, target, period, value, batch) "
        "VALUES ('city-2022', 'g5', '2022-06', 9, 'sql')"
    )
    with pytest.raises(Denied, match="row-level security"):
        ledger.sql(insert, user="bob")
    listed = _as(invoke, ledger, city, "bureau", "ledger", "grants")
    assert listed.stdout == (
        "统计局\t(no role yet)\n人社局\t(no role yet)\n工信局\t(no role yet)\n"
        "发改委\t(no role yet)\n"
    )
    assert "0 of its 4 departments have a role" in listed.stderr
    # Granted for the city's plan too, he records there; a revoke there leaves mini-2022's.
    granted = _as(invoke, ledger, city, "bureau", "ledger", "grant", "工信局", "gongxin")
    assert "role gongxin records for 工信局 of plan city-2022" in granted.stderr
    assert _as(invoke, ledger, city, "bob", "record", "g5", "9", "-p", "2022-06").exit_code == 0
    revoke = ("ledger", "grant", "工信局", "gongxin", "--revoke")
    assert _as(invoke, ledger, city, "bureau", *revoke).exit_code == 0
    assert bureau("bob", "record", "g5", "10", "-p", "2022-06").exit_code == 0
    one_line_error(_as(invoke, ledger, city, "bob", "record", "g5", "9", "-p", "2022-07"), 2)
    # A refusal lists only the plan's own departments: alice's 人社局 of the city's plan is
    # not hers in mini-2022.
    assert _as(invoke, ledger, city, "bureau", "ledger", "grant", "人社局", "tongji").exit_code == 0
    mini = one_line_error(bureau("alice", "record", "g5", "1", "-p", "2022-06"), 2)
    assert "; alice records for 统计局; " in mini


# ------------------------------------------------ §2 what a department's SQL may change


def test_a_department_deletes_and_updates_nothing_with_sql(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    assert bureau("bob", "record", "g5", "160", "-p", "2022-06").exit_code == 0
    assert (
        bureau(
            "bob", "amend", "g5", "--min", "300", "--from", "2022-Q3", "--note", "工信局申请"
        ).exit_code
        == 0
    )
    assert bureau("bureau", "record", "g5", "140", "-p", "2022-06", "--note", "核减").exit_code == 0
    before = ledger.read_bytes()
    for statement in (
        "DELETE FROM plancli.records WHERE plan_id = 'mini-2022' AND target = 'g5'",
        "DELETE FROM plancli.amendments WHERE plan_id = 'mini-2022'",
        "UPDATE plancli.records SET value = 999 WHERE target = 'g5'",
        "UPDATE plancli.amendments SET after_records = 0",
        "UPDATE plancli.records SET recorded_at = '2022-07-01' WHERE recorded_by = 'bob'",
        "TRUNCATE plancli.records",
    ):
        with pytest.raises(Denied):
            ledger.sql(statement, user="bob")
    # An amendment is stamped as a record is: its writer and time are the server's.
    amendment = (
        "INSERT INTO plancli.amendments (plan_id, after_records, target, period, min, "
        "recorded_at, batch) VALUES ('mini-2022', 0, 'g5', '2022-07', 1, '2022-07-01', 'sql')"
    )
    with pytest.raises(Denied, match="row-level security"):
        ledger.sql(amendment, user="bob")
    # ... and its place among the records (after_records) is the plan's count of them.
    for after in (0, 99):
        placed = amendment.replace("'2022-07-01', ", "").replace(", recorded_at", "")
        with pytest.raises(Denied, match="row-level security"):
            ledger.sql(placed.replace("'mini-2022', 0,", f"'mini-2022', {after},"), user="bob")
    ledger.sql(
        amendment.replace("'2022-07-01', ", "")
        .replace(", recorded_at", "")
        .replace("'mini-2022', 0,", "'mini-2022', 3,"),
        user="bob",
    )
    ledger.sql("DELETE FROM plancli.amendments WHERE batch = 'sql'")
    # A row slipped into a batch another role wrote (bureau's: bob's own target) is refused.
    # (Refused by plancli.claim_batches since schema version 3, not by the insert policy.)
    office = read_records(ledger)[-1].batch
    with pytest.raises(Denied, match="a department adds no row to a batch another role wrote"):
        ledger.sql(
            "INSERT INTO plancli.records (plan_id, target, period, value, batch) "
            "VALUES ('mini-2022', 'g5', '2022-08', 1, %s)",
            (office,),
            user="bob",
        )
    assert ledger.read_bytes() == before
    # bob's rows carry the server's time, to the second.
    stamped = ledger.sql(
        "SELECT bool_and(recorded_at = date_trunc('second', recorded_at) "
        "AND recorded_at > now() - interval '10 minutes') FROM plancli.records "
        "WHERE recorded_by = 'bob'"
    )
    assert stamped == [(True,)]


# -------------------------------------------------- §3 a department's undo, its own only


def test_a_department_never_undoes_the_offices_batch(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("bob", "record", "g5", "1", "-p", "2022-06").exit_code == 0
    assert (
        bureau("bureau", "record", "g5", "0", "-p", "2022-06", "--note", "综合科核减").exit_code
        == 0
    )
    office = read_records(ledger)[-1].batch
    before = ledger.read_bytes()
    expected = (
        f"error: refused: batch {office} was written by bureau, the ledger's owner; a "
        "department undoes only the batches its own roles wrote; bob records for 工信局; "
        "nothing was reverted"
    )
    for args in (("undo", "--yes"), ("undo", "-n"), ("undo", "--batch", office, "--yes")):
        refused = bureau("bob", *args)
        assert refused.exit_code == 2, (refused.stdout, refused.stderr)
        assert refused.stderr.splitlines()[-1] == expected
        assert "Traceback" not in refused.stderr
    zh = bureau("bob", "--lang", "zh", "undo", "--yes")
    assert zh.stderr.splitlines()[-1] == (
        f"错误：拒绝：批次 {office} 由 台账所有者 bureau 录入；部门只能撤销本部门角色录入的批次；"
        "bob 代 工信局 录入；未撤销任何数据"
    )
    with pytest.raises(Denied, match="written by bureau"):
        ledger.sql("SELECT plancli.undo_batch('mini-2022', %s)", (office,), user="bob")
    assert ledger.read_bytes() == before
    # The office's mid-year adjustment of bob's target is the office's too.
    assert bureau("bureau", "amend", "g5", "--min", "6", "--from", "2022-Q3").exit_code == 0
    refused = bureau("bob", "undo", "--yes")
    assert refused.exit_code == 2 and "was written by bureau, the ledger's owner" in refused.stderr
    # The ledger's owner undoes anything, bob's batch included.
    assert bureau("bureau", "undo", "--yes").exit_code == 0
    assert bureau("bureau", "undo", "--yes").exit_code == 0
    assert bureau("bureau", "undo", "--yes").exit_code == 0
    assert read_records(ledger) == []


def test_undo_batch_of_an_older_batch_follows_the_same_rule(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """An older batch: the office's is refused to a department after others wrote; a
    department's own older batch it may revert, through plancli.undo_batch (no DELETE)."""
    assert bureau("bob", "record", "g5", "7", "-p", "2022-05").exit_code == 0
    assert (
        bureau("bureau", "record", "g5", "10", "-p", "2022-07", "--note", "综合科核减").exit_code
        == 0
    )
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q2").exit_code == 0
    own, office, _alices = [r.batch for r in read_records(ledger)]
    before = ledger.read_bytes()
    refused = bureau("bob", "undo", "--batch", office, "--yes")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1].startswith(
        f"error: refused: batch {office} was written by bureau, the ledger's owner; "
    )
    assert ledger.read_bytes() == before
    assert bureau("bob", "undo", "--batch", own[-6:], "--yes").exit_code == 0
    assert [r.batch for r in read_records(ledger)] == [office, _alices]


def test_a_batch_written_by_another_member_of_the_department_is_the_departments(
    bureau, ledger: PgLedger, pg_cluster
) -> None:  # type: ignore[no-untyped-def]
    """Written "by a role of that department": a colleague's batch (another member of the
    group role) is the department's; one copied from a file names no writer, the office's."""
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bob2') THEN "
        "CREATE ROLE bob2 LOGIN IN ROLE gongxin; END IF; END $$"
    )
    assert bureau("bob2", "record", "g5", "3", "-p", "2022-04").exit_code == 0
    assert bureau("bob", "undo", "--yes").exit_code == 0
    assert read_records(ledger) == []
    ledger.sql(
        "INSERT INTO plancli.records (plan_id, target, period, value, recorded_at, batch, "
        "recorded_by) VALUES ('mini-2022', 'g5', '2022-04', 3, now(), 'copied', NULL)"
    )
    refused = bureau("bob", "undo", "--yes")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1].startswith(
        "error: refused: batch copied was written by no one on record (rows copied from a "
        "ledger file); "
    )


def test_undo_batch_knows_the_caller_by_the_role_its_rows_are_stamped_with(
    bureau, invoke, ledger: PgLedger, owned_plan: Path, pg_cluster
) -> None:  # type: ignore[no-untyped-def]
    """A connection pooler logs in as one role, a member of every department's, and acts for
    each with SET ROLE (here libpq's `options=-c role=…`, as a pooler's startup would): its
    rows are stamped with the department's role (recorded_by is current_user), and the
    policies check that role. `plancli.undo_batch` knew the caller by session_user, the
    pooler, a member of every department: 统计局 reverted 工信局's batch. It knows the caller
    as the rows do; refusals name that role."""
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pooler') THEN "
        "CREATE ROLE pooler LOGIN IN ROLE tongji, gongxin; END IF; END $$"
    )

    def pooled(role: str) -> str:
        return ledger.as_user("pooler").url + f"&options=-c%20role%3D{role}"

    plan = ["--plan", str(owned_plan), "--ledger"]
    wrote = invoke(*plan, pooled("gongxin"), "record", "g5", "7", "-p", "2022-04")
    assert wrote.exit_code == 0, wrote.stderr
    [(batch, writer)] = ledger.sql("SELECT batch, recorded_by FROM plancli.records")
    assert writer == "gongxin"
    # With SQL, as 统计局 through the pooler: refused, nothing deleted.
    with psycopg.connect(ledger.as_user("pooler").url, autocommit=True) as connection:
        connection.execute("SET ROLE tongji")
        with pytest.raises(Denied, match="not by a role of a department tongji records for"):
            connection.execute("SELECT plancli.undo_batch('mini-2022', %s)", (batch,))
    assert len(read_records(ledger)) == 1
    undo = invoke(*plan, pooled("tongji"), "undo", "--yes")
    assert undo.exit_code == 2, undo.stderr
    refused = undo.stderr.splitlines()[-1]
    assert "written by gongxin for 工信局" in refused, refused
    assert "; tongji records for 统计局; nothing was reverted" in refused, refused
    other = one_line_error(invoke(*plan, pooled("tongji"), "record", "g5", "8", "-p", "2022-05"), 2)
    assert "; tongji records for 统计局; nothing of this batch" in other, other
    # 工信局 through the pooler undoes its own batch.
    undone = invoke(*plan, pooled("gongxin"), "undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert read_records(ledger) == []


def test_refusals_name_the_role_set_not_the_poolers_login(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None, pg_cluster
) -> None:  # type: ignore[no-untyped-def]
    """Behind a pooler logging in as `pooler` and acting for carol, tongji or gongxin with SET
    ROLE, the ledger's rules check the role set (current_user), but the refusals named the
    pooler: "role pooler may not read the ledger", though the pooler itself may. They name
    the role acting, and the login beside it."""
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pooler') THEN "
        "CREATE ROLE pooler LOGIN IN ROLE tongji, gongxin; END IF; END $$; "
        "GRANT carol TO pooler"
    )

    def pooled(role: str, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        url = ledger.as_user("pooler").url + f"&options=-c%20role%3D{role}"
        return invoke("--lang", lang, "--plan", str(owned_plan), "--ledger", url, *args)

    # No ledger yet: carol may not create it.
    refused = one_line_error(pooled("carol", "status"), 2)
    assert "and role carol (logged in as pooler) may not create it: ask the database's" in (
        refused
    ), refused
    chinese = pooled("carol", "status", lang="zh").stderr
    assert "角色 carol（以 pooler 登录）" in chinese, chinese
    # A ledger carol was never granted: no USAGE.
    made = _as(invoke, ledger, owned_plan, "bureau", "ledger", "init")
    assert made.exit_code == 0, made.stderr
    assert (
        _as(invoke, ledger, owned_plan, "bureau", "ledger", "grant", "统计局", "tongji").exit_code
        == 0
    )
    for args in (("status",), ("record", "gdp", "5", "-p", "2022-Q2")):
        refused = one_line_error(pooled("carol", *args), 2)
        assert "role carol (logged in as pooler) may not read the ledger (no USAGE" in refused, (
            refused
        )
        assert "role pooler" not in refused, refused
    # A department converting into the ledger: only its owner may.
    local = str(owned_plan.parent / "tongji.progress.toml")
    plan = ("--plan", str(owned_plan))
    assert invoke(*plan, "--ledger", local, "record", "gdp", "4.4", "-p", "2022-Q3").exit_code == 0
    url = ledger.as_user("pooler").url + "&options=-c%20role%3Dtongji"
    refused = one_line_error(invoke(*plan, "ledger", "convert", local, url), 2)
    assert "role tongji (logged in as pooler) enters its department's figures" in refused, refused
    # Logged in as the role itself: no login beside it.
    alice = one_line_error(
        invoke("--plan", str(owned_plan), "--ledger", ledger.as_user("carol").url, "status"), 2
    )
    assert "role carol may not read the ledger" in alice, alice
    # An older schema a department may not migrate.
    ledger.drop_schema()
    try:
        _made_at_version_1(ledger)
        refused = one_line_error(pooled("gongxin", "record", "g5", "7", "-p", "2022-04"), 2)
        assert (
            "holds an older ledger schema, and role gongxin (logged in as pooler) may not "
            "migrate it" in refused
        ), refused
    finally:
        ledger.drop_schema()


# ------------------------------------------------------------ §8 a suggestion, one statement


def test_the_suggested_create_role_quotes_as_quote_ident(bureau) -> None:  # type: ignore[no-untyped-def]
    role = 'tongji"; DROP ROLE bob; --'
    refused = one_line_error(bureau("bureau", "ledger", "grant", "统计局", role), 2)
    assert 'e.g. CREATE ROLE "tongji""; DROP ROLE bob; --" LOGIN (' in refused


# ------------------------------------------------------------------- the migration from 1


def test_a_version_1_database_migrated_behaves_by_the_new_rules(
    invoke, ledger: PgLedger, owned_plan: Path, city: Path, roles: None, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ledger.drop_schema()
    try:
        _made_at_version_1(ledger)
        migrated = _as(invoke, ledger, owned_plan, "bureau", "ledger", "init")
        assert migrated.exit_code == 0, migrated.stderr
        assert f"from version 1 to {SCHEMA_VERSION}" in migrated.stderr
        assert "warning: grants made before schema version 2 applied to every plan" in (
            migrated.stderr
        )
        assert "(4 grants in 2 plans)" in migrated.stderr
        assert sorted(
            ledger.sql("SELECT plan_id, department, role FROM plancli.department_role")
        ) == [
            ("city-2022", "工信局", "gongxin"),
            ("city-2022", "统计厅", "tongji"),
            ("mini-2022", "工信局", "gongxin"),
            ("mini-2022", "统计厅", "tongji"),
        ]
        # What version 1 allowed stands (bob records 工信局's targets of both plans) ...
        assert (
            _as(invoke, ledger, owned_plan, "bob", "record", "g5", "5", "-p", "2022-07").exit_code
            == 0
        )
        assert _as(invoke, ledger, city, "bob", "record", "g5", "5", "-p", "2022-07").exit_code == 0
        # ... until taken away for a plan it was not meant for.
        revoke = ("ledger", "grant", "工信局", "gongxin", "--revoke")
        assert _as(invoke, ledger, city, "bureau", *revoke).exit_code == 0
        one_line_error(_as(invoke, ledger, city, "bob", "record", "g5", "6", "-p", "2022-08"), 2)
        # Deleting with SQL is gone, and the undo of the office's batch refused.
        with pytest.raises(Denied):
            ledger.sql("DELETE FROM plancli.records WHERE batch = 'v1-bob'", user="bob")
        refused = _as(invoke, ledger, owned_plan, "bob", "undo", "--batch", "v1-office", "--yes")
        assert refused.exit_code == 2 and "written by bureau, the ledger's owner" in refused.stderr
        # bob's own batch of version 1 (its row's writer is his) he may still revert.
        own = _as(invoke, ledger, owned_plan, "bob", "undo", "--batch", "v1-bob", "--yes")
        assert own.exit_code == 0, own.stderr
        batches = ledger.sql(
            "SELECT batch FROM plancli.records WHERE plan_id = 'mini-2022' ORDER BY seq"
        )
        assert [b for (b,) in batches][:1] == ["v1-office"]
        listed = _as(invoke, ledger, owned_plan, "alice", "ledger", "grants")
        assert "统计厅\ttongji\t(no target in plan mini-2022)" in listed.stdout
    finally:
        ledger.drop_schema()


def test_a_write_that_migrates_warns_of_the_spread_grants_as_init_does(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """A write of the ledger's owner migrates a version-1 database as `ledger init` does, and
    so spreads its database-wide grants over every plan naming their departments: init warned
    of it, the write said nothing, and nobody would look at `ledger grants`. It warns in the
    same line, once, after its own; a write that fails migrates nothing and says nothing."""
    ledger.drop_schema()
    try:
        _made_at_version_1(ledger)
        failed = _as(invoke, ledger, owned_plan, "bureau", "record", "nosuch", "1", "-p", "2022-07")
        assert failed.exit_code == 2 and "warning" not in failed.stderr, failed.stderr
        assert ledger.sql("SELECT max(version) FROM plancli.schema_version") == [(1,)]
        wrote = _as(invoke, ledger, owned_plan, "bureau", "record", "gdp", "5", "-p", "2022-09")
        assert wrote.exit_code == 0, wrote.stderr
        warning = (
            "warning: grants made before schema version 2 applied to every plan: each was kept "
            "for every plan whose owners name its department (4 grants in 2 plans); check each "
            "plan's with plancli --plan PLAN ledger grants, and take away those not meant with "
            "ledger grant --revoke"
        )
        lines = wrote.stderr.splitlines()
        assert lines.count(warning) == 1 and lines[-1] == warning, wrote.stderr
        assert ledger.sql("SELECT max(version) FROM plancli.schema_version") == [(SCHEMA_VERSION,)]
        again = _as(invoke, ledger, owned_plan, "bureau", "record", "gdp", "6", "-p", "2022-12")
        assert again.exit_code == 0 and "warning" not in again.stderr, again.stderr
    finally:
        ledger.drop_schema()


def _made_at_version_1(ledger: PgLedger) -> None:
    """A ledger as plancli's schema version 1 left it: two plans naming the same departments,
    grants made with version 1's `ledger grant` (database-wide, DELETE included), rows."""
    (first,) = [sql for version, sql in MIGRATIONS if version == 1]
    ledger.sql(first, user="bureau")
    ledger.sql("INSERT INTO plancli.schema_version (version) VALUES (1)", user="bureau")
    ledger.sql(
        "INSERT INTO plancli.target_owner (plan_id, target, department) VALUES "
        "('mini-2022', 'g5', '工信局'), ('mini-2022', 'gdp', '统计局'), "
        "('city-2022', 'g5', '工信局'), ('city-2022', 'gdp', '统计局')",
        user="bureau",
    )
    for department, role in (("工信局", "gongxin"), ("统计厅", "tongji")):
        for statement in (
            f"GRANT USAGE ON SCHEMA plancli TO {role}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA plancli TO {role}",
            f"GRANT INSERT, DELETE ON plancli.records, plancli.amendments TO {role}",
        ):
            ledger.sql(statement, user="bureau")
        ledger.sql(
            "INSERT INTO plancli.department_role (department, role) VALUES (%s, %s)",
            (department, role),
            user="bureau",
        )
    row = (
        "INSERT INTO plancli.records (plan_id, target, period, value, recorded_at, batch) "
        "VALUES ('mini-2022', 'g5', %s, 1, now(), %s)"
    )
    ledger.sql(row, ("2022-05", "v1-bob"), user="bob")
    ledger.sql(row, ("2022-06", "v1-office"), user="bureau")


# ------------------------------------------------ convert keeps every row, byte for byte


def test_a_departments_rows_convert_out_and_back_byte_for_byte(
    bureau, ledger: PgLedger, pg_ledgers: PgLedgers, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    amended = bureau("bob", "amend", "g5", "--min", "300", "--from", "2022-Q3")
    assert amended.exit_code == 0, amended.stderr
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    first, second = tmp_path / "a.progress.toml", tmp_path / "b.progress.toml"
    other = pg_ledgers.at(tmp_path / "other")
    plan = ("--plan", str(owned_plan))
    owner_url = ledger.as_user("bureau").url
    for source, target in ((owner_url, first), (first, other.url), (other.url, second)):
        done = invoke(*plan, "ledger", "convert", str(source), str(target), "--force")
        assert done.exit_code == 0, done.stderr
    assert first.read_bytes() == second.read_bytes()
    history = json.loads(invoke(*plan, "--ledger", other.url, "history", "--json").stdout)
    assert [r["recorded_by"] for r in history["records"]] == ["bob", "alice"]


def test_grants_shows_a_look_alike_department_escaped(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """A department name with a default-ignorable character, already in a database (written
    before plancli refused them, or by hand: audit P D5), prints as another department would
    (`统计局\\u034f` as 统计局): `ledger grants` shows it escaped, as `targets` does."""
    ledger.sql(
        "INSERT INTO plancli.department_role (plan_id, department, role) VALUES "
        "('mini-2022', '统计局' || chr(847), 'gongxin'), "
        "('mini-2022', '统计' || chr(12644) || '局', 'tongji'), "
        "('mini-2022', '工信' || chr(8203) || '局', 'tongji')"
    )
    rows = bureau("bob", "ledger", "grants").stdout.splitlines()
    assert "统计局\ttongji" in rows, rows
    assert "统计局\\u034f\tgongxin\t(no target in plan mini-2022)" in rows, rows
    assert "统计\\u3164局\ttongji\t(no target in plan mini-2022)" in rows, rows
    assert "工信\\u200b局\ttongji\t(no target in plan mini-2022)" in rows, rows
