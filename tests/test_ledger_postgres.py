"""The PostgreSQL ledger (issue 13): what only a database ledger does or must prove.

Departments (牵头单位) and row-level security, many plans in one database, the schema's
versions, the selection `gap` reads, a server stopped mid-import, an unreachable server,
passwords never shown, libpq's own ways of naming a server, and round trips between stores.
The behaviour it shares with the TOML and SQLite stores is tested on all three in
test_ledger*.py, test_amend.py and test_record_forms.py (the `ledger_suffix` fixture).

Every test here runs against the throwaway server of tests/pgcluster.py and skips, saying
why, where it cannot be started.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg
else:
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from forked import Forked
from ledgers import PgLedger, PgLedgers, read_records
from pgcluster import Cluster
from plancli.ledger import Entry, check_entry, record_entry
from plancli.locations import (
    LedgerLocation,
    database_location,
    is_database_ledger,
    ledger_format,
    mask_password,
    passwords_in,
)
from plancli.plan import load_plan_file
from plancli.stores import open_store
from plancli.stores.postgres import SCHEMA_VERSION
from strategies import finite_decimals

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
# The departments of the test plan (mini.toml): who leads which target.
OWNERS = {
    "gdp": "统计局",
    "income": "统计局",
    "g5": "工信局",
    "unemployment": "人社局",
    "invest_a": "发改委",
    "invest_b": "发改委",
}
# Roles: `bureau` owns the ledger; alice records for 统计局 (through the group role `tongji`),
# bob for 工信局 (through `gongxin`).
ROLES_SQL = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bureau') THEN
        CREATE ROLE bureau LOGIN;
        CREATE ROLE tongji NOLOGIN;
        CREATE ROLE gongxin NOLOGIN;
        CREATE ROLE alice LOGIN IN ROLE tongji;
        CREATE ROLE bob LOGIN IN ROLE gongxin;
        CREATE ROLE carol LOGIN;
    END IF;
END $$;
"""


@pytest.fixture(scope="session")
def roles(pg_cluster: Cluster) -> None:
    pg_cluster.psql(ROLES_SQL)
    for number in range(4):
        pg_cluster.psql(f"GRANT CREATE ON DATABASE plancli_t{number} TO bureau")


@pytest.fixture
def ledger(pg_ledgers: PgLedgers, tmp_path: Path) -> PgLedger:
    """An empty database: no plancli schema at all."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    ledger.drop_schema()
    return ledger


@pytest.fixture
def owned_plan(tmp_path: Path) -> Path:
    """mini.toml with an owner (牵头单位) for each target but the roll-up and the milestone."""
    lines = []
    for line in (FIXTURES / "mini.toml").read_text(encoding="utf-8").splitlines():
        lines.append(line)
        if line.startswith("id = ") and line[6:-1] in OWNERS:
            lines.append(f'owner = "{OWNERS[line[6:-1]]}"')
    path = tmp_path / "owned.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def bureau(invoke, ledger: PgLedger, owned_plan: Path, roles: None):  # type: ignore[no-untyped-def]
    """The ledger created by `bureau`, 统计局 and 工信局 granted to their group roles; returns a
    function running plancli as a role: as_role("alice", "record", …)."""

    def as_role(role: str, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        url = ledger.as_user(role).url
        return invoke("--plan", str(owned_plan), "--ledger", url, *args, input=input)

    result = as_role("bureau", "ledger", "init")
    assert result.exit_code == 0, result.stderr
    for department, role in (("统计局", "tongji"), ("工信局", "gongxin")):
        granted = as_role("bureau", "ledger", "grant", department, role)
        assert granted.exit_code == 0, granted.stderr
    return as_role


def one_line_error(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return str(result.stderr)


# ----------------------------------------------------------------------------- naming


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("postgresql://alice:hunter22@db.bureau/plans", "postgresql://alice:***@db.bureau/plans"),
        ("postgres://alice:p@ss/w0rd@db/plans?sslmode=require", "postgres://alice:***@db/plans?sslmode=require"),
        ("postgresql://db/plans?user=bob&password=hunter22", "postgresql://db/plans?user=bob&password=***"),
        ("postgresql://bob@db:5433/plans", "postgresql://bob@db:5433/plans"),
        ("postgresql://[::1]:5432/plans", "postgresql://[::1]:5432/plans"),
        ("host=db dbname=plans password=hunter22", "host=db dbname=plans password=***"),
        ("host=db password = 'hunter 22' dbname=plans", "host=db password = *** dbname=plans"),
        ("service=bureau", "service=bureau"),
    ],
)  # fmt: skip
def test_a_connection_string_is_shown_with_its_password_masked(given: str, shown: str) -> None:
    assert is_database_ledger(given) and ledger_format(given) == "postgres"
    assert mask_password(given) == shown
    assert "hunter" not in database_location(given).shown
    assert str(database_location(given).path).count("hunter") == 0


def test_passwords_are_found_raw_and_decoded() -> None:
    assert passwords_in("postgresql://a:p%40ss@h/d") == ["p%40ss", "p@ss"]
    assert passwords_in("password='it\\'s' host=h") == ["'it\\'s'", "it's"]


@pytest.mark.parametrize("path", ["plans.toml", "x.sqlite", "postgresql.toml", "hostfile.db"])
def test_file_names_stay_files(path: str) -> None:
    assert not is_database_ledger(path)
    assert ledger_format(path) in ("toml", "sqlite")


# ------------------------------------------------------------------------- departments


def test_two_departments_record_only_their_own_targets(
    bureau, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    refused = one_line_error(bureau("alice", "record", "g5", "160", "-p", "2022-06"), 2)
    assert refused == (
        "error: refused: g5 is owned by 工信局 (牵头单位); alice records for 统计局; "
        "nothing of this batch was written\n"
    )
    # An import holding one target of another department writes nothing of the batch.
    june = tmp_path / "june.csv"
    june.write_text("target,period,value\ng5,2022-07,170\ngdp,2022-Q3,5.5\n", encoding="utf-8")
    before = ledger.read_bytes()
    result = bureau("bob", "import", str(june))
    assert one_line_error(result, 2) == (  # its row named, as an import's other refusals (s32)
        f"error: {june}:3: refused: gdp is owned by 统计局 (牵头单位); bob records for 工信局; "
        "nothing of this batch was written\n"
    )
    assert ledger.read_bytes() == before
    # Everyone reads everything, and sees who wrote each figure.
    history = json.loads(bureau("bob", "history", "--json").stdout)["records"]
    assert [(r["target"], r["recorded_by"]) for r in history] == [("gdp", "alice"), ("g5", "bob")]
    # `--csv` has the same columns: who recorded is what an office audits (audit 3, D10).
    rows = bureau("bob", "history", "--csv").stdout.splitlines()
    assert rows[0] == "target,period,value,amount,note,source,recorded_at,batch,current,recorded_by"
    assert [(row.split(",")[0], row.split(",")[-1]) for row in rows[1:]] == [
        ("gdp", "alice"),
        ("g5", "bob"),
    ]
    gap = json.loads(bureau("alice", "gap", "--json").stdout)
    assert {t["id"]: t["actual"] for t in gap["targets"] if t["actual"] is not None} == {
        "gdp": 5.2,
        "g5": 150,
    }


def test_a_target_without_an_owner_is_the_ledger_owners(bureau) -> None:  # type: ignore[no-untyped-def]
    refused = one_line_error(bureau("alice", "record", "centre", "50", "-p", "2022-06"), 2)
    assert "centre has no owner (牵头单位) in the database for plan mini-2022" in refused
    carol = one_line_error(bureau("carol", "record", "gdp", "5", "-p", "2022-Q2"), 2)
    assert "carol" in carol  # no USAGE: carol was never granted
    assert bureau("bureau", "record", "centre", "50", "-p", "2022-06").exit_code == 0


def test_row_level_security_refuses_in_the_database_itself(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """Around plancli, with SQL: the policies refuse what the check in Python explains. The
    server stamps a department's row: its writer, its time and its place in ledger order."""
    row = (
        "INSERT INTO plancli.records (plan_id, target, period, value, batch{extra}) "
        "VALUES ('mini-2022', %s, '2022-06', 1, 'sql'{value})"
    )
    for target, extra, value in (
        ("g5", "", ""),  # 工信局's target
        ("gdp", ", recorded_by", ", 'bob'"),  # alice's department, signed as bob
        ("nonesuch", "", ""),  # no owner
        ("gdp", ", recorded_at", ", '2022-07-01'"),  # backdated (audit A §2)
        ("gdp", ", recorded_at", ", now() - interval '1 second'"),
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ledger.sql(row.format(extra=extra, value=value), (target,), user="alice")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        ledger.sql("DELETE FROM plancli.target_owner", user="alice")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        ledger.sql("INSERT INTO plancli.department_role VALUES ('工信局', 'alice')", user="alice")
    forged_seq = (
        "INSERT INTO plancli.records (seq, plan_id, target, period, value, batch) "
        "OVERRIDING SYSTEM VALUE VALUES (9000000000, 'mini-2022', 'gdp', '2022-06', 1, 'sql')"
    )  # a place after every later figure: in force for ever
    with pytest.raises(psycopg.Error):
        ledger.sql(forged_seq, user="alice")
    ledger.sql(row.format(extra="", value=""), ("gdp",), user="alice")
    assert ledger.sql(
        "SELECT recorded_by, recorded_at = date_trunc('second', recorded_at), "
        "recorded_at > now() - interval '1 minute' FROM plancli.records"
    ) == [("alice", True, True)]


def test_undo_of_another_departments_batch_is_refused(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    before = ledger.read_bytes()
    refused = bureau("alice", "undo", "--yes")
    assert refused.exit_code == 2
    # since session 36 the refusal is followed by the batch alice may revert, her own
    alices, bobs = (r.batch for r in read_records(ledger))
    assert refused.stderr.splitlines() == [
        f"error: refused: batch {bobs} was written by bob for 工信局; a department undoes only "
        "the batches its own roles wrote; alice records for 统计局; nothing was reverted",
        f"  the last batch this role may revert is {alices}: plancli undo --batch {alices[-6:]}",
    ]
    assert ledger.read_bytes() == before
    assert bureau("bob", "undo", "--yes").exit_code == 0
    assert [r.target for r in read_records(ledger)] == ["gdp"]


def test_undo_batch_reverts_only_a_departments_own_batch(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """`undo --batch` from the middle of the ledger: a department reverts its own batch, never
    another's (in Python, one line naming the target and owner, and in the database: the
    policies delete none of another department's rows)."""
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-09").exit_code == 0  # meant Q2
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    assert bureau("alice", "record", "gdp", "5.3", "-p", "2022-Q2").exit_code == 0
    wrong, bobs, _ = [r.batch for r in read_records(ledger)]
    before = ledger.read_bytes()
    refused = bureau("alice", "undo", "--batch", bobs, "--yes")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        f"error: refused: batch {bobs} was written by bob for 工信局; a department undoes only "
        "the batches its own roles wrote; alice records for 统计局; nothing was reverted"
    )
    assert ledger.read_bytes() == before
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no DELETE for a department
        ledger.sql("DELETE FROM plancli.records WHERE batch = %s", (bobs,), user="alice")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="written by bob"):
        ledger.sql("SELECT plancli.undo_batch('mini-2022', %s)", (bobs,), user="alice")
    assert ledger.read_bytes() == before
    assert bureau("alice", "undo", "--batch", wrong[-6:], "--yes").exit_code == 0
    assert [(r.target, r.period) for r in read_records(ledger)] == [
        ("g5", "2022-06"),
        ("gdp", "2022-Q2"),
    ]


def test_undo_batch_before_a_later_amendment_is_the_ledger_owners(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """Reverting a batch written before an amendment moves the amendment's place in ledger
    order, which the policies let no department change: the ledger's owner does it."""
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-09").exit_code == 0
    assert bureau("bureau", "amend", "gdp", "--min", "5", "--from", "2022-Q2").exit_code == 0
    assert bureau("alice", "record", "gdp", "5.3", "-p", "2022-Q2").exit_code == 0
    wrong = read_records(ledger)[0].batch
    before = ledger.read_bytes()
    dry = bureau("alice", "undo", "--batch", wrong, "--dry-run")  # refused as the write is
    assert dry.exit_code == 2 and "only the ledger's owner may do that" in dry.stderr
    refused = bureau("alice", "undo", "--batch", wrong, "--yes")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        f"error: refused: batch {wrong} was recorded before a mid-year adjustment written "
        "after it, whose place in the ledger reverting it would move; only the ledger's owner "
        "may do that; nothing was reverted"
    )
    assert ledger.read_bytes() == before
    assert bureau("bureau", "undo", "--batch", wrong, "--dry-run").exit_code == 0
    assert bureau("bureau", "undo", "--batch", wrong, "--yes").exit_code == 0
    assert ledger.sql("SELECT after_records FROM plancli.amendments") == [(0,)]
    last = json.loads(bureau("alice", "undo", "--dry-run", "--json").stdout)
    assert [r["period"] for r in last["records"]] == ["2022-Q2"]


def test_a_departments_copy_of_the_plan_cannot_change_the_owners(
    bureau, owned_plan: Path, ledger: PgLedger, invoke
) -> None:  # type: ignore[no-untyped-def]
    claimed = owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"')
    owned_plan.write_text(claimed, encoding="utf-8")
    refused = one_line_error(bureau("alice", "record", "g5", "160", "-p", "2022-06"), 2)
    assert "g5 is owned by 工信局" in refused  # the database's owners stand
    # The ledger's owner writing with the edited plan changes no owner; its `ledger init` does.
    assert bureau("bureau", "record", "gdp", "5", "-p", "2022-Q1").exit_code == 0
    assert dict(ledger.sql("SELECT target, department FROM plancli.target_owner"))["g5"] == "工信局"
    assert bureau("bureau", "ledger", "init").exit_code == 0
    assert dict(ledger.sql("SELECT target, department FROM plancli.target_owner"))["g5"] == "统计局"
    assert bureau("alice", "record", "g5", "160", "-p", "2022-06").exit_code == 0


def test_a_departments_write_never_lists_the_plans_owners(
    bureau, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The owners are listed only when a write may push them (the ledger's owner), not for a
    department's `record`: a city's plan has 100,000 targets (issue 13: `record` within 50 ms
    of SQLite's at any size)."""
    import plancli.plain

    listed: list[int] = []
    real = plancli.plain.plan_owners

    def counted(plan):  # type: ignore[no-untyped-def]
        listed.append(len(plan.targets))
        return real(plan)

    monkeypatch.setattr(plancli.plain, "plan_owners", counted)
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert listed == []
    assert bureau("bureau", "record", "gdp", "5.3", "-p", "2022-Q2").exit_code == 0
    assert listed and listed[0] > 0


def test_grant_lists_and_revokes(bureau) -> None:  # type: ignore[no-untyped-def]
    listed = bureau("bob", "ledger", "grants")
    assert listed.stdout == (
        "统计局\ttongji\n人社局\t(no role yet)\n工信局\tgongxin\n发改委\t(no role yet)\n"
    )
    # D4: a header naming the plan and the ledger; the plan's departments, in plan order,
    # those without a role said so.
    header = listed.stderr.splitlines()
    assert len(header) == 1, listed.stderr
    assert header[0].startswith("plan mini-2022, ledger postgresql://bob@"), header
    assert header[0].endswith("2 of its 4 departments have a role"), header
    chinese = bureau("bob", "--lang", "zh", "ledger", "grants")
    assert "人社局\t（尚无角色）\n" in chinese.stdout
    assert chinese.stderr.startswith("计划 mini-2022，台账 postgresql://bob@"), chinese.stderr
    assert "4 个部门中 2 个已有角色" in chinese.stderr
    missing = one_line_error(bureau("bureau", "ledger", "grant", "住建局", "nobody_here"), 2)
    assert "no role 'nobody_here'" in missing
    assert bureau("bureau", "ledger", "grant", "统计局", "tongji", "--revoke").exit_code == 0
    refused = one_line_error(bureau("alice", "record", "gdp", "5", "-p", "2022-Q1"), 2)
    assert "alice records for no department" in refused
    denied = one_line_error(bureau("alice", "ledger", "grant", "统计局", "alice"), 2)
    assert "refused" in denied
    assert bureau("bureau", "ledger", "grant", "统计厅", "tongji").exit_code == 0
    typo = bureau("bob", "ledger", "grants").stdout.splitlines()
    assert typo[-1] == "统计厅\ttongji\t(no target in plan mini-2022)", typo


def test_ledger_commands_for_a_database_refuse_a_file(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--ledger", str(tmp_path / "l.toml"), "ledger", "grant", "统计局", "alice")
    assert "is for a PostgreSQL ledger" in one_line_error(result, 2)


# ------------------------------------------------------------- concurrency, many plans


def plancli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """plancli in a process of its own (this checkout's code)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "plancli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def test_concurrent_writers_of_two_departments_lose_and_duplicate_nothing(
    bureau, ledger: PgLedger, owned_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Separate processes, alice (统计局) and bob (工信局) at once; each refused on the other's
    target. benchmarks/run.py runs the same with 200 writers. Each writer is forked from this
    process (`Forked`: a process and connection of its own, without an interpreter's start-up,
    0.05 CPU-s against 0.23); tests/test_ledger_postgres_read.py and the tests below run
    plancli as a fresh interpreter against the database."""
    writers = []
    for month in range(1, 5):
        for role, target, value in (("alice", "gdp", f"5.{month}"), ("bob", "g5", f"{month}0")):
            url = ledger.as_user(role).url
            # (gdp by quarter, session 41: its four figures are the four quarters' ends)
            period = f"2022-{3 * month:02d}" if target == "gdp" else f"2022-{month:02d}"
            args = ("record", target, value, "-p", period)
            where = ("--plan", str(owned_plan), "--ledger", url)
            writers.append(Forked([*where, *args], tmp_path / f"err{len(writers)}"))
    wrong = Forked(["--plan", str(owned_plan), "--ledger", ledger.as_user("bob").url,
                    "record", "gdp", "9", "-p", "2022-09"], tmp_path / "wrong")  # fmt: skip
    for process in writers:
        code, err = process.wait(timeout=120)
        assert code == 0, err
    code, err = wrong.wait(timeout=120)
    assert code == 2 and "gdp is owned by 统计局" in err, err
    rows = ledger.sql("SELECT target, period, value::text, recorded_by FROM plancli.records")
    assert sorted(rows) == sorted(
        [("gdp", f"2022-{3 * m:02d}", f"5.{m}", "alice") for m in range(1, 5)]
        + [("g5", f"2022-{m:02d}", f"{m}0", "bob") for m in range(1, 5)]
    )
    assert len({row for row in ledger.sql("SELECT batch FROM plancli.records")}) == 8


def test_many_plans_share_one_database(pg_ledgers: PgLedgers, tmp_path: Path) -> None:
    mini = pg_ledgers.at(tmp_path / "shared")
    guandu = mini.of_plan("guandu-2022")
    mini_plan = load_plan_file(FIXTURES / "mini.toml")
    guandu_plan = load_plan_file(REPO / "data" / "plan2022.toml")
    record_entry(mini.store(), mini_plan, Entry("gdp", "2022-Q2", "5.2"))
    record_entry(guandu.store(), guandu_plan, Entry("gdp", "2022-Q2", "6.1"))
    record_entry(guandu.store(), guandu_plan, Entry("gdp", "2022-Q3", "6.3"))
    assert [r.value for r in mini.store().read()] == [Decimal("5.2")]
    assert [r.value for r in guandu.store().read()] == [Decimal("6.1"), Decimal("6.3")]
    # undo reverts the plan's own last batch, never another plan's
    from plancli.undo import last_batch, undo_batch

    store = mini.store()
    undo = last_batch(store.read())
    assert undo is not None
    undo_batch(store, undo)
    assert mini.store().read() == [] and len(guandu.store().read()) == 2


def test_an_import_checks_against_the_plans_records_in_force(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    """`records_in_force` (what an import checks its rows against): per target and period
    the last recorded, in the order recorded, whole (note, batch, writer), of this plan only."""
    mini = pg_ledgers.at(tmp_path / "shared")
    guandu = mini.of_plan("guandu-2022")
    plan = load_plan_file(FIXTURES / "mini.toml")
    record_entry(mini.store(), plan, Entry("g5", "2022-05", "100"))
    record_entry(mini.store(), plan, Entry("gdp", "2022-Q2", "5.2"))
    record_entry(mini.store(), plan, Entry("g5", "2022-06", "150"))
    record_entry(mini.store(), plan, Entry("g5", "2022-05", "120", note="revised"))
    guandu_plan = load_plan_file(REPO / "data" / "plan2022.toml")
    record_entry(guandu.store(), guandu_plan, Entry("gdp", "2022-Q2", "6.1"))
    with mini.store().transaction() as session:
        in_force = list(session.records_in_force())
    assert [(r.target, r.period, r.value, r.note) for r in in_force] == [
        ("gdp", "2022-Q2", Decimal("5.2"), None),
        ("g5", "2022-06", Decimal("150"), None),
        ("g5", "2022-05", Decimal("120"), "revised"),
    ]
    writers = {r.recorded_by for r in in_force}
    assert writers == {mini.sql("SELECT current_user")[0][0]}
    batches = {row[0] for row in mini.sql("SELECT batch FROM plancli.records WHERE value = 120")}
    assert in_force[-1].batch in batches


# ---------------------------------------------------------------------- the schema


def test_init_creates_a_versioned_schema_and_a_bare_database_is_no_ledger(
    invoke, ledger: PgLedger
) -> None:  # type: ignore[no-untyped-def]
    """A database without plancli's schema is not read as an empty ledger (a mistyped name
    must not turn a monthly check green, issue 12): it says how to create one."""
    where = ["--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.url]
    for args in (("history", "--json"), ("gap",), ("status",)):
        refused = one_line_error(invoke(*where, *args), 2)
        plan = FIXTURES / "mini.toml"  # init with the plan: its owners are pushed (§11)
        assert (
            f"{ledger.url} holds no plancli ledger; `plancli --plan {plan} ledger init "
            f'"{ledger.url}"`'  # quoted, to be pasted (audit V D1)
        ) in refused
    assert not ledger.exists()  # reading created nothing
    result = invoke(*where, "ledger", "init")
    assert result.exit_code == 0, result.stderr
    assert f"created the plancli ledger (schema version {SCHEMA_VERSION}) in {ledger.url}" in (
        result.stderr
    )
    assert ledger.sql("SELECT version FROM plancli.schema_version ORDER BY 1") == [
        (version,) for version in range(1, SCHEMA_VERSION + 1)
    ]
    again = invoke(*where, "ledger", "init")
    assert f"is at schema version {SCHEMA_VERSION}; nothing to migrate" in again.stderr


def test_migrations_apply_in_order_and_a_newer_schema_is_refused(
    invoke, ledger: PgLedger, monkeypatch: pytest.MonkeyPatch, roles: None
) -> None:  # type: ignore[no-untyped-def]
    from plancli.stores.postgres import schema

    where = ["--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.url]
    assert invoke(*where, "record", "gdp", "5", "-p", "2022-Q1").exit_code == 0  # creates v1
    ledger.sql("GRANT USAGE ON SCHEMA plancli TO alice; GRANT SELECT, INSERT "
               "ON ALL TABLES IN SCHEMA plancli TO alice")  # fmt: skip
    current = SCHEMA_VERSION
    later = (current + 1, "ALTER TABLE plancli.records ADD COLUMN reviewed boolean")
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, later))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    as_alice = ["--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.as_user("alice").url]
    refused = one_line_error(invoke(*as_alice, "record", "gdp", "6", "-p", "2022-Q2"), 2)
    assert "holds an older ledger schema" in refused and "plancli ledger init" in refused
    migrated = invoke(*where, "ledger", "init")
    assert "migrated the plancli ledger" in migrated.stderr
    assert f"from version {current} to {current + 1}" in migrated.stderr
    assert ledger.sql("SELECT version FROM plancli.schema_version ORDER BY 1") == [
        (version,) for version in range(1, current + 2)
    ]
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current)  # an older plancli
    try:
        newer = one_line_error(invoke(*where, "record", "gdp", "6", "-p", "2022-Q2"), 3)
        assert f"ledger schema version {current + 1}; this plancli knows up to {current}: " in (
            newer
        )
        assert ledger.sql("SELECT count(*) FROM plancli.records") == [(1,)]
    finally:
        ledger.drop_schema()  # a schema this plancli refuses: not for the next test


# ------------------------------------------------------------------ what gap reads


GAP_CSV = """target,period,value,amount
urbanisation,2021,60.1,
urbanisation,2022-06,60.9,
urbanisation,2021-12,60.2,
gdp,2022-Q1,4.1,330
gdp,2022-03,4.0,
gdp,2022-Q2,5.0,700
gdp,2022-Q2,5.1,701
income,2022-Q1,3.9,
income,2022-Q2,4.8,
income,2022-07,5.3,
g5,2022-04,100,
g5,2022-05,120,
g5,2022-Q2,150,
g5,2022-06,149,
g5,2022-09,240,
invest_a,2022-06,1.0,
invest_b,2022-H1,1.2,
centre,2022-03,30,
"""


def test_gap_reads_only_the_latest_figures_and_judges_as_from_every_figure(
    invoke, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The database selects what `gap` judges; the verdicts are those of a SQLite ledger
    holding the same records, whatever the as-of period."""
    rows = GAP_CSV.splitlines()
    sqlite = tmp_path / "same.sqlite"
    changed = tmp_path / "mini.toml"  # mini.toml and a percentage-point change (its base: 2021)
    changed.write_text(
        (FIXTURES / "mini.toml").read_text(encoding="utf-8")
        + '\n[[targets]]\nid = "urbanisation"\nsection = "headline"\nname = "城镇化率"\n'
        'name_en = "Urbanisation"\nkind = "change"\nunit = "%"\nmin = 1\n',
        encoding="utf-8",
    )
    plan = str(changed)
    for line in rows[1:]:  # one batch each, in this order: revisions and positions matter
        target, period, value, amount = line.split(",")
        extra = ["--amount", amount] if amount else []
        for where in (ledger.url, str(sqlite)):
            args = ("record", target, value, "-p", period, *extra)
            assert invoke("--plan", plan, "--ledger", where, *args).exit_code == 0
    store = ledger.store()
    from plancli.assess import figure_query

    query = figure_query(load_plan_file(changed))
    chosen = {(f.target, f.period) for f in store.figures_for(query)}
    # per target its latest position (income and its reference gdp: every position), and the
    # base of the change: the figure in force at the end of 2021
    assert chosen == {
        ("urbanisation", "2021-12"), ("urbanisation", "2022-06"), ("gdp", "2022-03"),
        ("gdp", "2022-Q2"), ("income", "2022-Q1"),
        ("income", "2022-Q2"), ("income", "2022-07"), ("g5", "2022-09"),
        ("invest_a", "2022-06"), ("invest_b", "2022-H1"), ("centre", "2022-03"),
    }  # fmt: skip
    assert len(store.figures()) == 17  # every figure in force: one per target and period
    for as_of in ([], ["--as-of", "2022-05"], ["--as-of", "2022-Q2"], ["--as-of", "2022"]):
        by_store = [
            json.loads(invoke("--plan", plan, "--ledger", where, "gap", "--json", *as_of).stdout)
            for where in (ledger.url, str(sqlite))
        ]
        for out in by_store:
            out.pop("ledger", None)
        assert by_store[0] == by_store[1], as_of


# ------------------------------------------------------------------------ faults


def test_the_server_stopped_mid_import_leaves_no_partial_batch(
    invoke,  # type: ignore[no-untyped-def]
    pg_cluster: Cluster,
    ledger: PgLedger,
    tmp_path: Path,
) -> None:
    """Stop the server (`pg_ctl stop -m immediate`, as a crash would) while an import is in
    the middle of its transaction, its rows inserted and not committed: the import fails
    with one line (exit 4), and the ledger, once the server is back, holds what it held
    before, none of the batch. A trigger added for the test holds the import there."""
    plan = tmp_path / "many.toml"
    targets = 200
    plan.write_text(
        '[plan]\nid = "many-2022"\nname = "多"\nname_en = "Many"\nyear = 2022\n\n'
        '[[sections]]\nid = "s"\nname = "节"\nname_en = "S"\n\n'
        + "".join(
            f'[[targets]]\nid = "t{n}"\nsection = "s"\nname = "指标{n}"\nname_en = "T{n}"\n'
            'kind = "cumulative"\nunit = "个"\nmin = 100\n\n'
            for n in range(targets)
        ),
        encoding="utf-8",
    )
    csv = tmp_path / "year.csv"
    csv.write_text(
        "target,period,value\n"
        + "".join(f"t{n},2022-{m:02d},{m}\n" for m in range(1, 13) for n in range(targets)),
        encoding="utf-8",
    )
    many = ledger.of_plan("many-2022")
    # The ledger's first record in-process (set-up); the import stopped mid-way is a process.
    setup = invoke("--plan", str(plan), "--ledger", many.url, "record", "t0", "1", "-p", "2022-01")
    assert setup.exit_code == 0, setup.stderr
    ledger.sql(
        "CREATE FUNCTION public.hold() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_sleep(120); RETURN NULL; END $$; "
        "CREATE TRIGGER hold AFTER INSERT ON plancli.records "
        "FOR EACH STATEMENT EXECUTE FUNCTION public.hold()"
    )
    before = many.read_bytes()
    importer = plancli("--plan", str(plan), "--ledger", many.url, "import", str(csv))
    try:
        deadline = time.monotonic() + 120
        while not ledger.sql(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = 'plancli' "
            "AND wait_event = 'PgSleep'"
        ):
            assert importer.poll() is None, importer.communicate()
            assert time.monotonic() < deadline, "the import never reached its insert"
            time.sleep(0.02)
        pg_cluster.stop("immediate")
        try:
            code = importer.wait(timeout=120)
            _, stderr = importer.communicate()
        finally:
            pg_cluster.start()
    finally:
        importer.kill()
        ledger.sql("DROP TRIGGER IF EXISTS hold ON plancli.records; DROP FUNCTION public.hold()")
    assert code == 4, stderr
    assert stderr.startswith("error: lost the connection to ") and stderr.count("\n") == 1
    assert "nothing of this batch was written" in stderr
    assert many.read_bytes() == before
    assert len(read_records(many)) == 1


class _SilentServer:
    """A TCP port that accepts connections and never answers: a server that hangs."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.port = self.socket.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.held.append(self.socket.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.socket.close()
        for held in self.held:
            held.close()


@pytest.fixture
def silent_server() -> Iterator[_SilentServer]:
    server = _SilentServer()
    yield server
    server.close()


def test_an_unreachable_server_is_one_or_two_lines_and_exit_4(
    invoke, silent_server: _SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nobody listens there
    mini = str(FIXTURES / "mini.toml")
    refused = invoke("--plan", mini, "--ledger",
                     f"postgresql://alice:hunter22@127.0.0.1:{port}/plans", "status")  # fmt: skip
    # libpq's reason on the error's line, its hint on a second (session 34: was one line, the
    # hint run into the reason: `…failed: Connection refused Is the server running…`)
    assert refused.exit_code == 4, refused.stderr
    message = refused.stderr
    assert message == (
        f"error: cannot connect to the ledger postgresql://alice:***@127.0.0.1:{port}/plans: "
        f'connection to server at "127.0.0.1", port {port} failed: Connection refused\n'
        "  Is the server running on that host and accepting TCP/IP connections?\n"
    )
    assert "hunter22" not in message
    # A server that accepts and never answers: the connect timeout, not a hang.
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    started = time.monotonic()
    hung = invoke("--plan", mini, "--ledger",
                  f"postgresql://127.0.0.1:{silent_server.port}/plans", "gap")  # fmt: skip
    assert "timeout" in one_line_error(hung, 4).lower()
    assert time.monotonic() - started < 15


def test_a_password_never_appears_in_any_output(
    invoke, ledger: PgLedger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The test server trusts local users, so the password is accepted and ignored: every
    message and JSON document naming the ledger must still mask it."""
    url = ledger.url.replace("postgres@", "postgres:hunter22@", 1)
    mini = str(FIXTURES / "mini.toml")
    monkeypatch.setenv("PGPASSWORD", "s3cret-env")
    outputs = []
    for args in (
        ("record", "gdp", "5", "-p", "2022-Q1"),
        ("history", "--json"),
        ("status", "--json"),
        ("gap", "--json"),
        ("record", "nonesuch", "1", "-p", "2022-01"),
        ("undo", "--yes"),
        ("ledger", "convert", url, str(tmp_path / "copy.toml")),
    ):
        result = invoke("--plan", mini, "--ledger", url, *args)
        outputs.append(result.stdout + result.stderr)
    for bad in (
        "postgresql://u:hunter22@127.0.0.1:notaport/db",
        "host=127.0.0.1 port=x password=hunter22",
        "postgresql://u:hunter22@nonexistent.invalid/db?connect_timeout=2",
    ):
        result = invoke("--plan", mini, "--ledger", bad, "history")
        assert result.exit_code in (2, 4), result.stderr
        outputs.append(result.stdout + result.stderr)
    text = "\n".join(outputs)
    assert "hunter22" not in text and "s3cret-env" not in text
    assert "postgres:***@" in text


def test_without_psycopg_a_database_ledger_says_what_to_install(
    invoke, ledger: PgLedger, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from plancli.stores.postgres import libpq

    with monkeypatch.context() as patched:
        patched.setitem(sys.modules, "psycopg", None)  # `import psycopg` raises ImportError
        patched.setattr(libpq, "_LIBRARY", None)  # loaded by an earlier test, not found now
        result = invoke("--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.url, "status")
    assert one_line_error(result, 2) == (
        "error: a PostgreSQL ledger needs psycopg: pip install 'plancli[postgres]'\n"
    )


# ---------------------------------------------------------------- libpq's ways in


def test_libpq_environment_and_service_file(
    invoke, ledger: PgLedger, pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    mini = str(FIXTURES / "mini.toml")
    monkeypatch.setenv("PGHOST", str(pg_cluster.folder))
    monkeypatch.setenv("PGUSER", "postgres")
    monkeypatch.setenv("PGDATABASE", ledger.dbname)
    assert invoke("--plan", mini, "--ledger", "postgresql://", "record", "gdp", "5",
                  "-p", "2022-Q1").exit_code == 0  # fmt: skip
    for var in ("PGHOST", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(var)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[bureau]\nhost={pg_cluster.folder}\nuser=postgres\ndbname={ledger.dbname}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PLANCLI_LEDGER", "service=bureau")
    result = invoke("--plan", mini, "record", "gdp", "6", "-p", "2022-Q2")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(f" in service=bureau (batch {read_records(ledger)[-1].batch})\n")
    assert [r.value for r in read_records(ledger)] == [5, 6]


# ---------------------------------------------------------------- between stores


ROUND_TRIP = (
    "target,period,value,amount,note,source\n"
    'gdp,2022-Q1,4.10,330.00,"统计局 ""快报""",附表1\n'
    'g5,2022-03,0,,"two\nlines",\n'
    "unemployment,2022-03,4.5,,\\ back\\slash,\n"
    "centre,2022-03,done,,,\n"
)


def test_toml_to_postgresql_to_toml_is_byte_for_byte(
    invoke, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    plan = "guandu-2022"
    source = tmp_path / "a.progress.toml"
    mini = str(FIXTURES / "mini.toml")
    batch = tmp_path / "q1.csv"
    batch.write_text(ROUND_TRIP, encoding="utf-8")
    assert invoke("--plan", mini, "--ledger", str(source), "import", str(batch)).exit_code == 0
    assert invoke("--plan", mini, "--ledger", str(source), "amend", "gdp", "--min", "6",
                  "--from", "2022-04", "--note", "年中调整").exit_code == 0  # fmt: skip
    assert invoke("--plan", mini, "--ledger", str(source), "record", "gdp", "5.0",
                  "-p", "2022-Q2", "--amount", "700.50").exit_code == 0  # fmt: skip
    there = invoke("--plan", mini, "ledger", "convert", str(source), ledger.url)
    assert there.exit_code == 0, there.stderr
    assert "converted 5 records and 1 amendment of plan mini-2022" in there.stderr
    back = tmp_path / "b.progress.toml"
    again = invoke("--plan", mini, "ledger", "convert", ledger.url, str(back))
    assert again.exit_code == 0, again.stderr
    assert back.read_bytes() == source.read_bytes()
    # A database ledger of that plan exists now: converting into it again needs --force.
    refused = invoke("--plan", mini, "ledger", "convert", str(source), ledger.url)
    assert "already holds records of plan mini-2022; pass --force" in one_line_error(refused, 2)
    # Another plan in the same database is another ledger.
    assert invoke("--plan", plan, "ledger", "convert", str(source), ledger.url).exit_code == 0


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=finite_decimals, note=st.text(max_size=30).filter(lambda s: "\x00" not in s))
@example(value=Decimal("-0.0"), note="")  # recorded as 0.0: numeric has no negative zero
@example(value=Decimal("123456789012345"), note='引号"和\\反斜杠')
def test_a_figure_comes_back_from_the_database_exactly(
    pg_ledgers: PgLedgers, value: Decimal, note: str
) -> None:
    plan = load_plan_file(FIXTURES / "mini.toml")
    store = pg_ledgers.at("hypothesis").store()
    change = check_entry(
        plan, Entry("gdp", "2022-06", format(value, "f"), note=note), _no_figures(), batch="b",
        recorded_at=_july(),
    )  # fmt: skip
    with store.transaction() as session:
        session.replace([change.record])
    [back] = store.read()
    assert str(back.value) == str(change.record.value)
    assert back.note == change.record.note and back.recorded_at == change.record.recorded_at


def test_a_nul_character_is_refused_before_the_server_sees_it(pg_ledgers: PgLedgers) -> None:
    from plancli.errors import InputError

    plan = load_plan_file(FIXTURES / "mini.toml")
    store = pg_ledgers.at("nul").store()
    with pytest.raises(InputError, match=r"gdp 2022-06: its note, source or batch holds a NUL"):
        record_entry(store, plan, Entry("gdp", "2022-06", "5", note="a\x00b"))
    assert store.read() == []


def _no_figures() -> Any:
    from plancli.ledger import Figures

    return Figures([])


def _july() -> Any:
    from datetime import UTC, datetime

    return datetime(2022, 7, 5, 8, 30, 0, 123456, tzinfo=UTC)


def test_status_of_a_database_ledger_is_computed_each_time(invoke, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    where = ["--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.url]
    assert invoke(*where, "record", "gdp", "5", "-p", "2022-Q1").exit_code == 0
    first = json.loads(invoke(*where, "status", "--json").stdout)
    ledger.sql("UPDATE plancli.records SET value = 6")  # another program changes the figure
    second = json.loads(invoke(*where, "status", "--json").stdout)
    assert first["ledger"] == ledger.url
    assert [h["actual"] for h in first["headline"] if h["id"] == "gdp"] == [5]
    assert [h["actual"] for h in second["headline"] if h["id"] == "gdp"] == [6]


def test_open_store_routes_by_the_location() -> None:
    location = database_location("postgresql://db/plans")
    assert type(open_store(location)).__name__ == "PostgresLedgerStore"
    assert type(open_store(LedgerLocation(Path("x.sqlite"), "option"))).__name__ == (
        "SqliteLedgerStore"
    )


def test_read_commands_answer_from_a_database_as_from_the_file_it_was_converted_from(
    invoke, ledger: PgLedger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """`status`, `gap`, `show`, `history` read a database ledger (plainly, in one snapshot:
    `read_plain`) and answer as they do from the same ledger in a file."""
    from test_read_path import READS, make_workspace

    monkeypatch.setenv("COLUMNS", "300")  # the two names never wrap: only they differ
    plan, source = make_workspace(invoke, tmp_path, ".progress.toml")
    converted = invoke("--plan", str(plan), "ledger", "convert", str(source), ledger.url)
    assert converted.exit_code == 0, converted.stderr
    for command in READS:
        if command[0] in ("show", "history") and len(command) < 3:
            continue  # their tables fold the ledger's name in a cell; their JSON is compared
        from_file = invoke("--plan", str(plan), "--ledger", str(source), *command)
        from_database = invoke("--plan", str(plan), "--ledger", ledger.url, *command)
        assert from_file.exit_code == from_database.exit_code == 0, from_database.stderr
        assert from_database.stdout.replace(ledger.url, str(source)) == from_file.stdout, command


def test_reading_a_database_ledger_imports_no_pydantic(
    invoke, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """As reading a file (issue 15): with the plan's compiled form kept, `status`, `gap` and
    `history` of a database ledger import neither Pydantic nor the models nor the file stores."""
    from test_read_path import PROBE, make_workspace

    plan, source = make_workspace(invoke, tmp_path, ".progress.toml")
    assert invoke("--plan", str(plan), "ledger", "convert", str(source), ledger.url).exit_code == 0
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PLANCLI_", "XDG_"))},
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "COLUMNS": "80",
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO / "tests")]),
    }

    def probe(*command: str) -> subprocess.CompletedProcess[str]:
        argv = ["--plan", str(plan), "--ledger", ledger.url, *command]
        return subprocess.run(
            [sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True
        )

    cold = probe("status")  # the first time, the plan was validated and kept
    assert cold.returncode == 0 and "pydantic" in cold.stderr.split(), cold.stderr
    for command in ("status", "gap --json", "history gdp --json", "show gdp"):
        warm = probe(*command.split())  # each a fresh process
        assert warm.returncode == 0, warm.stderr
        # the same answer as the first process (which validated the plan) and in-process
        in_process = invoke("--plan", str(plan), "--ledger", ledger.url, *command.split())
        assert warm.stdout == in_process.stdout and warm.stdout, command
        assert command != "status" or warm.stdout == cold.stdout
        assert warm.stderr == "", command  # none of them imported


def test_plain_reading_is_what_the_models_read(invoke, ledger: PgLedger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from plancli.plain import plain_amendment, plain_record
    from plancli.stores.postgres import PostgresLedgerStore

    mini = str(FIXTURES / "mini.toml")
    batch = tmp_path / "q1.csv"
    batch.write_text(ROUND_TRIP, encoding="utf-8")
    where = ("--plan", mini, "--ledger", ledger.url)
    assert invoke(*where, "import", str(batch)).exit_code == 0
    assert invoke(*where, "amend", "gdp", "--min", "6", "--from", "2022-04").exit_code == 0
    assert invoke(*where, "record", "gdp", "5.0", "-p", "2022-Q1").exit_code == 0
    store = ledger.store()
    assert isinstance(store, PostgresLedgerStore)
    figures, records, amendments = store.read_plain(None, whole=True)
    contents = store.contents()
    assert figures == [] and len(records) == 5 and len(amendments) == 1
    assert records == [plain_record(r) for r in contents.records]
    assert amendments == [plain_amendment(a) for a in contents.plain_amendments]
    assert [r.recorded_by for r in records] == ["postgres"] * 5
    assert all(r.recorded_at.utcoffset() is not None for r in records)
    in_force, none, again = store.read_plain(None)
    assert in_force == store.figures() and none == [] and again == amendments
    assert [f.value for f in in_force if f.target == "gdp"] == [Decimal("5.0")]


def test_a_stored_amendment_the_models_refuse_exits_3_naming_it(
    invoke, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The quick checks of a plain read cannot vouch for it, so the models read it, and say
    what is wrong, as they do for every read."""
    where = ("--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.url)
    assert invoke(*where, "amend", "gdp", "--min", "6", "--from", "2022-04").exit_code == 0
    ledger.sql("UPDATE plancli.amendments SET max = 5")  # min 6 > max 5, by another program
    for command in ("status", "gap", "history"):
        error = one_line_error(invoke(*where, command), 3)
        assert error.startswith(f"error: {ledger.location().shown}: amendment seq 1"), error


def test_the_database_waits_for_writers_as_long_as_the_file_stores() -> None:
    from plancli.stores import base as ledger
    from plancli.stores import postgres

    assert postgres.LOCK_TIMEOUT_SECONDS == ledger.LOCK_TIMEOUT_SECONDS == 120


# ------------------------------------------------- the light connection of a write (libpq)


def _run_plancli(*args: str) -> subprocess.CompletedProcess[str]:
    """plancli in a process of its own, with `-X importtime`: which modules it imported."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "plancli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if "import time:" in line}


def test_a_record_imports_no_psycopg_and_records_as_the_department(
    bureau, ledger: PgLedger, owned_plan: Path
) -> None:  # type: ignore[no-untyped-def]
    """`record` writes through libpq itself (issue 13: importing psycopg was most of a
    record's extra time); what it writes, and a refusal, are as through psycopg."""
    as_alice = ("--plan", str(owned_plan), "--ledger", ledger.as_user("alice").url)
    done = _run_plancli(*as_alice, "record", "gdp", "5.10", "-p", "2022-Q1", "--note", 'a "q" \\')
    assert done.returncode == 0, done.stderr
    assert not {m for m in _imported(done.stderr) if m.split(".")[0] == "psycopg"}
    assert ledger.sql("SELECT target, period, value, note, recorded_by FROM plancli.records") == [
        ("gdp", "2022-Q1", Decimal("5.10"), 'a "q" \\', "alice")
    ]
    refused = _run_plancli(*as_alice, "record", "g5", "5", "-p", "2022-06")
    assert refused.returncode == 2
    errors = [line for line in refused.stderr.splitlines() if not line.startswith("import time")]
    assert errors == [
        "error: refused: g5 is owned by 工信局 (牵头单位); alice records for 统计局; nothing of "
        "this batch was written"
    ]
    assert not {m for m in _imported(refused.stderr) if m.split(".")[0] == "psycopg"}
    assert ledger.sql("SELECT count(*) FROM plancli.records") == [(1,)]
    # The plan seen before, a record checks its figure against the target's figures read as
    # plain records: no Pydantic, no models, as on SQLite.
    again = _run_plancli(*as_alice, "record", "gdp", "5.2", "-p", "2022-Q1")
    assert again.returncode == 0, again.stderr
    heavy = {m for m in _imported(again.stderr) if m.split(".")[0] in ("pydantic", "psycopg")}
    assert not heavy and "plancli.model" not in _imported(again.stderr)
    assert ledger.sql("SELECT value FROM plancli.records ORDER BY seq") == [
        (Decimal("5.10"),),
        (Decimal("5.2"),),
    ]


def _without_libpq(monkeypatch: pytest.MonkeyPatch) -> None:
    from plancli.stores.postgres import connection

    monkeypatch.setattr(connection, "find_libpq", lambda: None)


def test_libpq_and_psycopg_write_and_read_the_same_rows(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from plancli.stores.postgres import PostgresLedgerStore

    plan = load_plan_file(FIXTURES / "mini.toml")
    now = datetime(2022, 7, 1, 8, 30, 15, 123456, tzinfo=UTC)
    entries = [
        Entry("gdp", "2022-Q2", "5.20", note='引号 "and" \\ backslash', source="统计局"),
        Entry("gdp", "2022-06", "5.5", amount="700.50"),
        Entry("invest_a", "2022-06", "12.5"),
        Entry("gdp", "2022-Q2", "-0.0000000001"),
    ]
    results = {}
    for name in ("libpq", "psycopg"):
        ledger = pg_ledgers.at(tmp_path / name)
        with monkeypatch.context() as patched:
            if name == "psycopg":
                _without_libpq(patched)
            for entry in entries:
                store = ledger.store()
                record_entry(store, plan, entry, now=now)
                assert isinstance(store, PostgresLedgerStore)
                kind = type(store._connection).__module__.split(".")[0]
                assert kind == ("plancli" if name == "libpq" else "psycopg"), kind
            store = ledger.store()
            with store.transaction() as session:
                records = session.records(["gdp", "invest_a"])
                read = [r.model_dump(exclude={"batch"}) for r in records], session.amendments()
            assert session.light == (name == "libpq")
        rows = ledger.sql(
            "SELECT target, period, value, amount, note, source, recorded_at, recorded_by "
            "FROM plancli.records ORDER BY seq"
        )
        results[name] = (rows, read)
    assert results["libpq"] == results["psycopg"]
    rows, (dumps, amendments) = results["libpq"]
    values = [Decimal("5.20"), Decimal("5.5"), Decimal("12.5"), Decimal("-1E-10")]
    assert [r[2] for r in rows] == values
    assert rows[1][3] == Decimal("700.50") and rows[0][6] == now
    assert [d["recorded_at"] for d in dumps] == [row[6] for row in rows] == [now] * 4
    assert dumps[0]["note"] == '引号 "and" \\ backslash' and amendments == []


def test_a_session_that_reads_many_rows_reads_them_on_libpq_as_psycopg_does(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import's figures in force, undo's whole ledger: read in bulk on libpq's connection
    (no psycopg imported), the same rows as psycopg's."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    plan = load_plan_file(FIXTURES / "mini.toml")
    record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.1", note="一\t二\n"))
    record_entry(ledger.store(), plan, Entry("g5", "2022-06", "150"))
    record_entry(ledger.store(), plan, Entry("gdp", "2022-Q1", "5.2", source="\\N"))
    read = {}
    for name in ("libpq", "psycopg"):
        with monkeypatch.context() as patched:
            if name == "psycopg":
                _without_libpq(patched)
            with ledger.store().transaction() as session:
                in_force = session.records_in_force()
                everything = session.records()
                assert session.light == (name == "libpq")
        read[name] = (in_force, [r.model_dump() for r in everything])
    assert read["libpq"] == read["psycopg"]
    in_force, everything = read["libpq"]
    assert [(r.target, r.value, r.source) for r in in_force] == [
        ("g5", Decimal("150"), None),
        ("gdp", Decimal("5.2"), "\\N"),
    ]
    assert [r["note"] for r in everything] == ["一\t二", None, None]  # the note cleaned


def test_a_light_write_waits_for_the_plans_lock_and_says_so(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    """A lock not granted in time (SQLSTATE 55P03 from libpq) is the busy ledger's message."""
    from plancli.stores.base import LedgerBusyError
    from plancli.stores.postgres import PostgresLedgerStore

    ledger = pg_ledgers.at(tmp_path / "ledger")
    plan = load_plan_file(FIXTURES / "mini.toml")
    with psycopg.connect(ledger.url, autocommit=True) as holder:
        holder.execute(
            "SELECT pg_advisory_lock(hashtextextended('plancli:' || %s, 0))", (ledger.plan_id,)
        )
        store = PostgresLedgerStore(ledger.location(), lock_timeout=0.3)
        with pytest.raises(LedgerBusyError, match=r"held the plan's ledger for 0\.3 s"):
            record_entry(store, plan, Entry("gdp", "2022-Q1", "5.1"))
    assert ledger.sql("SELECT count(*) FROM plancli.records") == [(0,)]


def test_a_light_write_to_an_unreachable_server_is_one_line_and_exit_4(
    invoke, silent_server: _SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    mini = str(FIXTURES / "mini.toml")
    url = f"postgresql://alice:hunter22@127.0.0.1:{port}/plans"
    refused = invoke("--plan", mini, "--ledger", url, "record", "gdp", "5", "-p", "2022-Q1")
    # libpq's reason on the error's line, its hint on a second (session 34: was one line, the
    # hint run into the reason: `…failed: Connection refused Is the server running…`)
    assert refused.exit_code == 4, refused.stderr
    message = refused.stderr
    assert message == (
        f"error: cannot connect to the ledger postgresql://alice:***@127.0.0.1:{port}/plans: "
        f'connection to server at "127.0.0.1", port {port} failed: Connection refused\n'
        "  Is the server running on that host and accepting TCP/IP connections?\n"
    )
    assert "hunter22" not in message and "Connection refused" in message
    bad = invoke("--plan", mini, "--ledger", "postgresql://u:hunter22@[::1/db",
                 "record", "gdp", "5", "-p", "2022-Q1")  # fmt: skip
    assert "not a connection string libpq reads" in one_line_error(bad, 2)
    assert "hunter22" not in bad.stderr
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    started = time.monotonic()
    hung = invoke("--plan", mini, "--ledger", f"postgresql://127.0.0.1:{silent_server.port}/plans",
                  "record", "gdp", "5", "-p", "2022-Q1")  # fmt: skip
    assert "timeout" in one_line_error(hung, 4).lower()
    assert time.monotonic() - started < 15


def test_libpq_placeholders_and_arrays() -> None:
    from plancli.stores.postgres.libpq import _numbered, is_operational, text_array

    sql, values = _numbered("SELECT %(a)s, 'x%%', %(b)s, %(a)s", {"a": 1, "b": "two"})
    assert (sql, values) == ("SELECT $1, 'x%', $2, $1", [1, "two"])
    sql, values = _numbered("SELECT %s, %s, '100%%'", ("x", None))
    assert (sql, values) == ("SELECT $1, $2, '100%'", ["x", None])
    assert text_array(['a"b', "c\\d", None, "e"]) == '{"a\\"b","c\\\\d",NULL,"e"}'
    assert [is_operational(s) for s in (None, "08006", "57P01", "55P03", "42501", "23505")] == [
        True, True, True, True, False, False,
    ]  # fmt: skip


def test_a_libpq_that_does_not_load_leaves_everything_to_psycopg(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.stores.postgres import libpq

    broken = tmp_path / "libpq-broken.so.5"
    broken.write_bytes(b"not a shared library")
    monkeypatch.setattr(libpq, "_LIBRARY", None)
    monkeypatch.setattr(libpq, "_libpq_path", lambda: broken)
    assert libpq.find_libpq() is None
    ledger = pg_ledgers.at(tmp_path / "ledger")
    store = ledger.store()
    record_entry(store, load_plan_file(FIXTURES / "mini.toml"), Entry("gdp", "2022-Q1", "5.1"))
    assert type(store._connection).__module__.startswith("psycopg")  # type: ignore[attr-defined]
    assert ledger.sql("SELECT value FROM plancli.records") == [(Decimal("5.1"),)]


# ------------------------------------- the audit of the shared ledger (D5, D6, D7, D11)
# Who owns a target: an ordinary write never removes or moves an owner the database holds,
# whatever plan file it was given; only a deliberate `ledger init` does, and says which.


def _owners(ledger: PgLedger) -> dict[str, str]:
    return dict(ledger.sql("SELECT target, department FROM plancli.target_owner"))


def test_an_owners_write_with_another_plan_file_never_removes_or_moves_owners(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert _owners(ledger) == OWNERS
    # The plan's file without its owner lines (a forgotten --plan: the same plan id).
    bare = ledger.as_user("bureau").url
    plain = str(FIXTURES / "mini.toml")
    result = invoke("--plan", plain, "--ledger", bare, "record", "gdp", "5.1", "-p", "2022-Q1")
    assert result.exit_code == 0, result.stderr
    assert _owners(ledger) == OWNERS
    # An older copy moving g5 to 统计局 and naming an owner for `centre` (none so far).
    moved = tmp_path / "moved.toml"
    text = owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"')
    moved.write_text(text.replace('id = "centre"', 'id = "centre"\nowner = "住建局"'), "utf-8")
    result = invoke("--plan", str(moved), "--ledger", bare, "record", "gdp", "5.2", "-p", "2022-Q1")
    assert result.exit_code == 0, result.stderr
    assert _owners(ledger) == {**OWNERS, "centre": "住建局"}  # added, nothing moved
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    # The deliberate `ledger init` moves them, and says which.
    init = invoke("--plan", str(moved), "--ledger", bare, "ledger", "init")
    assert init.exit_code == 0, init.stderr
    assert _owners(ledger) == {**OWNERS, "centre": "住建局", "g5": "统计局"}
    assert "g5 (工信局 → 统计局)" in init.stderr
    assert "owners (牵头单位) changed for 1 target in the database" in init.stderr
    # A plan file naming no owner at all (a forgotten --plan) clears none, and says so.
    held = _owners(ledger)
    init = invoke("--plan", plain, "--ledger", bare, "ledger", "init")
    assert init.exit_code == 0, init.stderr
    assert _owners(ledger) == held
    assert (
        "plan mini-2022 names no owner (牵头单位): the database's owners of 7 targets stand"
    ) in init.stderr


def test_a_target_without_an_owner_in_the_database_says_so(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    ledger.sql("DELETE FROM plancli.target_owner WHERE target = 'gdp'")
    refused = one_line_error(bureau("alice", "record", "gdp", "5", "-p", "2022-Q2"), 2)
    assert "gdp has no owner (牵头单位) in the database" in refused
    assert "plancli ledger init" in refused


# What a server that answers refuses (D2): not "unreachable" (exit 4, retry later) but exit 2,
# saying what to fix. `pwuser` must give its password (pg_hba.conf asks it alone).
@pytest.fixture(scope="session")
def password_role(pg_cluster: Cluster) -> str:
    hba = pg_cluster.data / "pg_hba.conf"
    line = "local all pwuser scram-sha-256\n"
    if line not in hba.read_text(encoding="utf-8"):
        hba.write_text(line + hba.read_text(encoding="utf-8"), encoding="utf-8")
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pwuser') THEN "
        "CREATE ROLE pwuser LOGIN PASSWORD 'right-pw'; END IF; END $$; "
        "SELECT pg_reload_conf();"
    )
    return "pwuser"


def test_a_server_that_refuses_is_exit_2_saying_what_to_fix(
    invoke, ledger: PgLedger, password_role: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "services.conf"))
    (tmp_path / "services.conf").write_text("[bureau]\ndbname=plans\n", encoding="utf-8")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    good = ledger.as_user("pwuser").url
    wrong = good.replace("pwuser@", "pwuser:WRONGSECRET@", 1)
    assert "@" in wrong and wrong != good
    cases = {
        wrong: "wrong password",
        good: "asks role pwuser for a password",
        ledger.url.replace(f"/{ledger.dbname}?", "/no_such_db?", 1): "no database no_such_db",
        ledger.as_user("nosuchrole").url: "no role nosuchrole",
        "service=nosuch": "no service nosuch",
        good + "&port=54x9": "invalid value 54x9 for the connection option port",
    }
    mini = str(FIXTURES / "mini.toml")
    for url, reason in cases.items():
        for command in (("status",), ("record", "gdp", "5", "-p", "2022-Q2")):
            result = invoke("--plan", mini, "--ledger", url, *command)
            message = one_line_error(result, 2)
            assert reason in message and "WRONGSECRET" not in message, message
            assert "connection failed" not in message
        chinese = invoke("--lang", "zh", "--plan", mini, "--ledger", url, "status")
        assert chinese.exit_code == 2 and chinese.stderr.startswith("错误：")
        assert "WRONGSECRET" not in chinese.stderr
        assert reason not in chinese.stderr, chinese.stderr  # said in Chinese
    # The right password: no refusal of the connection (the database holds no ledger yet).
    right = good.replace("pwuser@", "pwuser:right-pw@", 1)
    assert "holds no plancli ledger" in one_line_error(
        invoke("--plan", mini, "--ledger", right, "status"), 2
    )


def test_a_dry_run_refuses_what_the_write_would(bureau, ledger: PgLedger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`-n` checks what the write would: a department's dry run of another department's
    target is refused with the same line (D7), and writes nothing."""
    sheet = tmp_path / "bob.csv"
    sheet.write_text("target,period,value\ng5,2022-06,160\ngdp,2022-Q2,9.9\n", encoding="utf-8")
    for command in (("import", str(sheet)), ("record", "gdp", "9", "-p", "2022-Q3")):
        real = one_line_error(bureau("bob", *command), 2)
        before = ledger.read_bytes()
        dry = bureau("bob", command[0], "-n", *command[1:])
        assert dry.exit_code == 2, (dry.stdout, dry.stderr)
        assert dry.stderr.splitlines()[-1] + "\n" == real
        assert ledger.read_bytes() == before
    amend = ("amend", "gdp", "--min", "4", "--note", "x")
    assert one_line_error(bureau("bob", *amend, "-n"), 2) == one_line_error(
        bureau("bob", *amend), 2
    )
    # Allowed dry runs still pass; an undo of another department's batch is refused.
    assert bureau("bob", "record", "-n", "g5", "150", "-p", "2022-06").exit_code == 0
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    undo = bureau("alice", "undo", "-n")
    assert undo.exit_code == 2, (undo.stdout, undo.stderr)
    real = bureau("alice", "undo", "--yes")
    assert undo.stderr.splitlines()[-1] == real.stderr.splitlines()[-1]
    assert undo.stderr.splitlines()[-1].startswith("error: refused: batch ")
    assert " was written by bob for 工信局; " in undo.stderr
    assert bureau("bob", "undo", "-n").exit_code == 0
    assert bureau("bureau", "undo", "-n").exit_code == 0


def test_a_department_drops_only_its_own_targets(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """`amend --drop` (不再考核) is an amendment: a department may drop only its own targets,
    and its dry run is refused with the same line."""
    drop = ("amend", "gdp", "--drop", "--from", "2022-06", "--note", "年中调整")
    refused = one_line_error(bureau("bob", *drop), 2)
    assert refused.startswith("error: refused: gdp is owned by 统计局"), refused
    assert one_line_error(bureau("bob", *drop, "-n"), 2) == refused
    allowed = bureau("alice", *drop)
    assert allowed.exit_code == 0, allowed.stderr
    out = json.loads(bureau("alice", "gap", "--as-of", "2022-06", "--json").stdout)
    [gdp] = [row for row in out["targets"] if row["id"] == "gdp"]
    assert (gdp["status"], gdp["amended_from"], gdp["amendment_note"]) == (
        "dropped",
        "2022-06",
        "年中调整",
    )


def test_init_says_who_owns_the_ledger_and_warns_of_a_superuser(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """D11: the role running `ledger init` becomes the ledger's owner: init says which, and
    warns when it is a superuser (the administrator of steps 1-2) or not the database's owner."""
    init = invoke("--plan", str(owned_plan), "--ledger", ledger.url, "ledger", "init")
    assert init.exit_code == 0, init.stderr
    assert "the ledger's owner is role postgres" in init.stderr
    assert "warning: role postgres, the ledger's owner, is a superuser" in init.stderr
    # bureau is then locked out, and told who may let it in.
    again = invoke("--plan", str(owned_plan), "--ledger", ledger.as_user("bureau").url, "status")
    assert "the ledger's owner, role postgres, grants it" in one_line_error(again, 2)


def test_init_by_the_bureau_names_it_and_a_departments_init_counts_the_differences(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    again = bureau("bureau", "ledger", "init")
    assert "the ledger's owner is role bureau" in again.stderr
    assert "superuser" not in again.stderr
    # The pool's databases are the superuser's: bureau is not the database's owner.
    assert "is not the database's owner (postgres)" in again.stderr
    # D5: a department's copy of the plan moving g5 to 统计局.
    moved = tmp_path / "alice.toml"
    text = owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"')
    moved.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(moved), "--ledger", ledger.as_user("alice").url, "ledger", "init")
    assert result.exit_code == 0, result.stderr
    assert "in the database already" not in result.stderr
    assert "1 of its targets' owners (牵头单位) differs from the database's" in result.stderr
    assert "g5 (工信局 → 统计局)" in result.stderr and "role bureau" in result.stderr
    assert dict(ledger.sql("SELECT target, department FROM plancli.target_owner"))["g5"] == "工信局"


def test_a_grant_to_a_department_the_plan_does_not_name_warns(bureau) -> None:  # type: ignore[no-untyped-def]
    """D4: 统计厅 for 统计局 - the administrator would believe the department can record."""
    typo = bureau("bureau", "ledger", "grant", "统计厅", "tongji")
    assert typo.exit_code == 0, typo.stderr
    assert (
        "warning: no target of plan mini-2022 is owned by 统计厅 "
        "(its departments: 统计局, 人社局, 工信局, 发改委)"
    ) in typo.stderr
    chinese = bureau("bureau", "--lang", "zh", "ledger", "grant", "统计厅", "tongji")
    assert "统计局、人社局、工信局、发改委" in chinese.stderr
    fine = bureau("bureau", "ledger", "grant", "统计局", "tongji")
    assert "warning" not in fine.stderr


def test_refusals_read_well_in_both_languages(bureau, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D9/D10: one pair of parentheses, departments joined with 、 in Chinese, and an undo
    refused says nothing was reverted."""
    sheet = tmp_path / "bob.csv"
    sheet.write_text("target,period,value\ngdp,2022-Q2,9.9\nincome,2022-Q2,5\n", encoding="utf-8")
    refused = one_line_error(bureau("bob", "import", str(sheet)), 2)
    assert ") (" not in refused
    assert (
        "gdp is owned by 统计局 (牵头单位); 1 more target of this batch is refused too;" in refused
    )
    assert bureau("bureau", "ledger", "grant", "人社局", "tongji").exit_code == 0
    chinese = bureau("alice", "--lang", "zh", "record", "g5", "1", "-p", "2022-06")
    assert chinese.exit_code == 2
    assert "alice 代 人社局、统计局 录入" in chinese.stderr, chinese.stderr
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    undo = bureau("alice", "undo", "--yes")
    assert undo.exit_code == 2
    last = undo.stderr.splitlines()[-1]
    assert last.endswith("nothing was reverted"), last
    assert "nothing of this batch was written" not in last, last
    dry = bureau("alice", "undo", "-n")
    assert dry.stderr.splitlines()[-1] == last
    chinese = bureau("alice", "--lang", "zh", "undo", "--yes")
    assert chinese.stderr.splitlines()[-1].endswith("未撤销任何数据"), chinese.stderr


def test_only_the_ledgers_owner_converts_into_the_database(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """D8: a granted department converting its own ledger file into the database was shown
    PostgreSQL's row-level security error with a hint to get the grant it has, and invited to
    pass --force ("replace its records"). Converting replaces the plan's records: only the
    ledger's owner may; a department is told so in one line, and never offered --force."""
    local = tmp_path / "alice.progress.toml"
    mine = invoke(
        "--plan", str(owned_plan), "--ledger", str(local), "record", "gdp", "4.4", "-p", "2022-Q3"
    )
    assert mine.exit_code == 0, mine.stderr
    url = ledger.as_user("alice").url
    for force in ((), ("--force",)):  # an empty plan in the database, then one with records
        for lang, words in (
            ("en", "only the ledger's owner, role bureau"),
            ("zh", "只有台账所有者"),
        ):
            args = ("--lang", lang, "--plan", str(owned_plan), "ledger", "convert", *force)
            result = invoke(*args, str(local), url)
            assert result.exit_code == 2, result.stderr
            assert result.stderr.count("\n") == 1, result.stderr
            assert words in result.stderr and "plancli import" in result.stderr, result.stderr
            for wrong in ("--force", "row-level", "ledger grant"):
                assert wrong not in result.stderr, result.stderr
        assert bureau("bureau", "record", "income", "5", "-p", "2022-Q2").exit_code == 0
    assert [r[0] for r in ledger.sql("SELECT target FROM plancli.records")] == ["income"]
    # The ledger's owner converts, and is offered --force for a plan holding records.
    owner = invoke(
        "--plan", str(owned_plan), "ledger", "convert", str(local), ledger.as_user("bureau").url
    )
    assert (
        "already holds records of plan mini-2022; pass --force to replace them"
        in one_line_error(owner, 2)
    )


def test_show_names_the_owner_and_the_tables_who_recorded(
    bureau, invoke, owned_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """D12: the two questions an analyst of a shared ledger asks first - may I record this
    target (its owner, 牵头单位) and who entered this figure (录入人) - were answered only by
    `targets --csv` and `history --json`. `show` names the owner; the revision tables of
    `show` and `history` have a column of who recorded, still fitting 80 columns."""
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q1", "--note", "初值").exit_code == 0
    assert bureau("bureau", "record", "gdp", "5.3", "-p", "2022-Q1").exit_code == 0
    for lang, owner, who in (("en", "owner", "recorded by"), ("zh", "牵头单位", "录入人")):
        show = bureau("alice", "--lang", lang, "show", "gdp")
        assert show.exit_code == 0, show.stderr
        assert any(line.split() == [owner, "统计局"] for line in show.stdout.splitlines())
        for result in (
            show,
            bureau("alice", "--lang", lang, "history"),
            bureau("bob", "--lang", lang, "history", "gdp"),
        ):
            assert result.exit_code == 0, result.stderr
            lines = result.stdout.splitlines()
            assert who in result.stdout, result.stdout
            assert any("alice" in line and "5.1" in line for line in lines), result.stdout
            assert any("bureau" in line and "5.3" in line for line in lines), result.stdout
            from rich.cells import cell_len

            assert max(cell_len(line) for line in lines) <= 80, result.stdout
    # A target without an owner names none; a file ledger's tables have no such column.
    assert "owner" not in bureau("alice", "show", "centre").stdout
    local = str(tmp_path / "file.progress.toml")
    assert (
        invoke(
            "--plan", str(owned_plan), "--ledger", local, "record", "gdp", "5", "-p", "2022-Q1"
        ).exit_code
        == 0
    )
    plain = invoke("--plan", str(owned_plan), "--ledger", local, "history")
    assert plain.exit_code == 0 and "recorded by" not in plain.stdout, plain.stdout


def test_a_department_is_told_to_ask_the_databases_owner_for_init(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """D10: on a database without the ledger, a department's role was handed its own URL to
    run `plancli ledger init` with (run literally, the owner would connect as alice), and a
    read told it a first record or import would create the ledger, which its role may not."""
    alice = ["--plan", str(owned_plan), "--ledger", ledger.as_user("alice").url]
    for args in (("status",), ("history",), ("record", "gdp", "5", "-p", "2022-Q2")):
        refused = one_line_error(invoke(*alice, *args), 2)
        assert "role alice may not create it" in refused, refused
        assert "ask the database's owner, role postgres, to run plancli ledger init" in refused
        assert "ledger init postgresql" not in refused and "first record" not in refused
        chinese = invoke("--lang", "zh", *alice, *args)
        assert "请数据库所有者（角色 postgres）运行 plancli ledger init" in chinese.stderr
    assert not ledger.exists()
    # A role that may create the ledger is still told how.
    bureau = ["--plan", str(owned_plan), "--ledger", ledger.as_user("bureau").url, "status"]
    assert "or a first record or import" in one_line_error(invoke(*bureau), 2)


def test_an_owners_write_with_other_owners_warns_once(
    bureau, ledger: PgLedger, owned_plan: Path, invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """An ordinary write by the ledger's owner with a plan whose owners differ from the
    database's changes none of them (by design), but said nothing: the planning office never
    learned its copy of the plan (or a forgotten --plan) was not the database's. It warns,
    one line, once for that plan's owners: how many differ, and that ledger init pushes them."""
    bare = ["--plan", str(FIXTURES / "mini.toml"), "--ledger", ledger.as_user("bureau").url]
    first = invoke(*bare, "record", "gdp", "5.1", "-p", "2022-Q1")
    assert first.exit_code == 0, first.stderr
    warnings = [line for line in first.stderr.splitlines() if line.startswith("warning")]
    assert warnings == [
        "warning: plan mini-2022 names other owners (牵头单位) than the database for 6 "
        "targets; the database's stand: plancli ledger init pushes the plan's"
    ], first.stderr
    again = invoke(*bare, "record", "gdp", "5.2", "-p", "2022-Q1")
    assert again.exit_code == 0 and "warning" not in again.stderr, again.stderr
    moved = tmp_path / "moved.toml"
    text = owned_plan.read_text(encoding="utf-8").replace('owner = "工信局"', 'owner = "统计局"')
    moved.write_text(text, "utf-8")
    chinese = bureau(
        "bureau", "--lang", "zh", "--plan", str(moved), "record", "gdp", "5", "-p", "2022-Q1"
    )
    assert chinese.exit_code == 0, chinese.stderr
    assert "1 个目标的牵头单位与数据库不同" in chinese.stderr, chinese.stderr
    assert _owners(ledger) == OWNERS
    # The plan the database holds, and a department's write: nothing to say.
    same = bureau("bureau", "record", "gdp", "5.3", "-p", "2022-Q1")
    assert same.exit_code == 0 and "warning" not in same.stderr, same.stderr
    alice = invoke(
        *bare[:2], "--ledger", ledger.as_user("alice").url, "record", "income", "5", "-p", "2022-Q1"
    )
    assert alice.exit_code == 0 and "warning" not in alice.stderr, alice.stderr


def test_grants_writes_no_live_formula(bureau, pg_cluster: Cluster, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    """`ledger grants`' tab-separated stdout is what an office opens in a spreadsheet: a
    department or role name starting `=`, `+`, `-`, `@` gets the leading apostrophe every CSV
    cell of plancli gets (docs/security.md; audit 3, D5), and stays one line."""
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '@SUM(A1)') THEN "
        'CREATE ROLE "@SUM(A1)" NOLOGIN; END IF; END $$;'
    )
    granted = bureau("bureau", "ledger", "grant", "--", "=1+1工信局", "@SUM(A1)")
    assert granted.exit_code == 0, granted.stderr
    # Names with a control character, as a grant made before session 29 (which refuses them
    # since) or by hand left them in the database: listed escaped, one line each.
    for department, role in (("=1+1工信局\x1b[31m", "@SUM(A1)"), ("-2+3\n局", "tongji")):
        ledger.sql(
            "INSERT INTO plancli.department_role (plan_id, department, role) VALUES (%s, %s, %s)",
            ("mini-2022", department, role),
        )
    rows = bureau("bob", "ledger", "grants").stdout.splitlines()
    assert "'=1+1工信局\\x1b[31m\t'@SUM(A1)\t(no target in plan mini-2022)" in rows, rows
    assert "'-2+3\\n局\ttongji\t(no target in plan mini-2022)" in rows, rows
    assert all(cell[:1] not in "=+-@" for row in rows for cell in row.split("\t")), rows


def test_who_amended_a_target_is_shown(bureau) -> None:  # type: ignore[no-untyped-def]
    """A department may drop its own targets: who did (the database's `recorded_by`, which the
    policy checks) is shown with the amendment, as a figure's writer is (audit 3, D6)."""
    dropped = bureau("alice", "amend", "gdp", "--drop", "--from", "2022-06", "--note", "区人大批准")
    assert dropped.exit_code == 0, dropped.stderr
    history = json.loads(bureau("bob", "history", "--json").stdout)
    assert [(a["target"], a["recorded_by"]) for a in history["amendments"]] == [("gdp", "alice")]
    shown = json.loads(bureau("bob", "show", "gdp", "--json").stdout)
    assert [a["recorded_by"] for a in shown["amendments"]] == ["alice"]
    for command in (("history", "gdp"), ("history",), ("show", "gdp")):
        table = bureau("bob", *command).stdout
        adjustments = table[table.index("2022-06") :]
        assert "alice" in adjustments, table
