"""What a shared PostgreSQL ledger's users read (audit A of docs/shared-ledger.md): the owner
(牵头单位) the database enforces, the writer in every export, department names as they are
compared, and the hints on the setup path naming what was looked up.

Every test here runs against the throwaway server of tests/pgcluster.py (the fixtures of
test_ledger_postgres.py) and skips, saying why, where it cannot be started.
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import (
    FIXTURES,
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    password_role,
    roles,
)

__all__ = ["bureau", "ledger", "owned_plan", "password_role", "roles"]  # the fixtures, used by name


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


def test_copies_of_the_database_keep_the_writer_or_say_they_do_not(
    bureau, invoke, ledger: PgLedger, owned_plan: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """§5: the bureau's TOML backup kept `recorded_by` (its table and --json showed it) but its
    `history --csv` dropped the column. §9: a SQLite backup dropped every writer without a
    word, while convert's help promised "every … writer"."""
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    assert bureau("bob", "record", "g5", "120", "-p", "2022-Q1").exit_code == 0
    amended = bureau("alice", "amend", "gdp", "--from", "2022-Q3", "--min", "5")
    assert amended.exit_code == 0, amended.stderr
    url, plan = ledger.as_user("bureau").url, ["--plan", str(owned_plan)]
    backup, light = str(tmp_path / "backup.progress.toml"), str(tmp_path / "backup.sqlite")
    to_toml = invoke(*plan, "ledger", "convert", url, backup)
    assert to_toml.exit_code == 0 and "warning" not in to_toml.stdout + to_toml.stderr
    database = bureau("bureau", "history", "--csv").stdout.splitlines()
    copy = invoke(*plan, "--ledger", backup, "history", "--csv")
    assert copy.exit_code == 0, copy.stderr
    assert copy.stdout.splitlines()[0] == database[0]
    assert database[0].endswith(",current,recorded_by")
    assert [line.rsplit(",", 1)[1] for line in copy.stdout.splitlines()[1:]] == ["alice", "bob"]
    to_sqlite = invoke(*plan, "ledger", "convert", url, light)
    assert to_sqlite.exit_code == 0, to_sqlite.stderr
    said = (to_sqlite.stdout + to_sqlite.stderr).splitlines()
    warnings = [line for line in said if line.startswith("warning:")]
    assert warnings == [
        "warning: a SQLite ledger keeps no writer (recorded_by, 录入人): who entered 3 records "
        f"and amendments is not in {light}; convert to a .toml file to keep it"
    ], said
    # A SQLite ledger (no writer anywhere) keeps its fixed columns; a TOML copy of it says
    # nothing of writers it never had.
    plain = invoke(*plan, "--ledger", light, "history", "--csv").stdout.splitlines()[0]
    assert plain == "target,period,value,amount,note,source,recorded_at,batch,current"
    again = invoke(*plan, "ledger", "convert", light, str(tmp_path / "again.sqlite"))
    assert again.exit_code == 0 and "warning" not in again.stdout + again.stderr
    monkeypatch.setenv("COLUMNS", "300")
    helped = invoke("ledger", "convert", "--help")
    assert "a SQLite ledger keeps no writer" in helped.stdout, helped.stdout


def test_an_owner_copied_from_a_pdf_is_the_department_it_reads_as(
    bureau, invoke, ledger: PgLedger, owned_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """§6: a 责任分工 copied from a PDF writes 工信局 with the Kangxi radical ⼯ (U+2F2F): the
    owner split from the department granted, and the grant's warning and the refusal printed
    two names alike on screen. The owner reads as the characters, as other names do;
    `validate` says so; a name still holding one is printed with its radical said."""
    pdf = tmp_path / "kx.toml"
    text = owned_plan.read_text(encoding="utf-8").replace('"工信局"', '"\u2f2f信局"')
    pdf.write_text(text.replace('id = "mini-2022"', 'id = "kx-2022"', 1), encoding="utf-8")
    checked = invoke("--plan", str(pdf), "validate")
    assert checked.exit_code == 0, checked.stderr
    said = " ".join(checked.stderr.split())
    assert "U+2F2F" in said and "reads it as 工信局" in said, checked.stderr
    kx = ["--plan", str(pdf), "--ledger"]
    done = invoke(*kx, ledger.as_user("bureau").url, "ledger", "init")
    assert done.exit_code == 0, done.stderr
    granted = invoke(*kx, ledger.as_user("bureau").url, "ledger", "grant", "工信局", "gongxin")
    assert granted.exit_code == 0 and "warning" not in granted.stdout + granted.stderr
    as_bob = invoke(*kx, ledger.as_user("bob").url, "record", "g5", "3", "-p", "2022-Q2")
    assert as_bob.exit_code == 0, as_bob.stderr
    # A grant typed from the PDF is the department too.
    typed = invoke(*kx, ledger.as_user("bureau").url, "ledger", "grant", "\u2f2f信局", "bob")
    assert typed.exit_code == 0 and "warning" not in typed.stdout + typed.stderr
    assert "records for 工信局 of plan kx-2022 in" in typed.stdout + typed.stderr
    # A database written before (the radical held as the owner): its refusal says which is which.
    ledger.sql(
        "UPDATE plancli.target_owner SET department = '\u2f2f信局' "
        "WHERE plan_id = 'kx-2022' AND target = 'g5'"
    )
    invoke(*kx, ledger.as_user("bureau").url, "ledger", "grant", "--revoke", "工信局", "bob")
    refused = one_line_error(
        invoke(*kx, ledger.as_user("bob").url, "record", "g5", "4", "-p", "2022-Q3"), 2
    )
    assert "owned by \u2f2f信局 (\u2f2f is U+2F2F, a PDF's radical for 工)" in refused, refused
    warned = invoke(*kx, ledger.as_user("bureau").url, "ledger", "grant", "统计厅", "tongji")
    assert "(its departments: 统计局, 人社局, 工信局, 发改委)" in warned.stderr, warned.stderr
    again = invoke(*kx, ledger.as_user("bureau").url, "ledger", "init")
    assert "g5 (\u2f2f信局 (\u2f2f is U+2F2F, a PDF's radical for 工) → 工信局)" in again.stderr


def test_a_password_refusal_names_the_file_and_database_looked_up(
    invoke, ledger: PgLedger, password_role: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """§7, §11: with one .pgpass line per database (as the doc sets it up), a mistyped database
    name was told "none was given: put it in ~/.pgpass", and a wrong password "correct it in
    ~/.pgpass" whatever file or service it came from. Each names what libpq looked up."""
    passfile = tmp_path / "pgpass.pw"
    passfile.write_text(f"*:*:{ledger.dbname}:pwuser:right-pw\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    for name in ("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE"):
        monkeypatch.delenv(name, raising=False)
    good = ledger.as_user("pwuser").url
    mini = ["--plan", str(FIXTURES / "mini.toml"), "--ledger"]
    assert "holds no plancli ledger" in one_line_error(invoke(*mini, good, "status"), 2)
    typo = good.replace(f"/{ledger.dbname}?", "/plnas?", 1)
    said = one_line_error(invoke(*mini, typo, "status"), 2)
    assert (
        f"the server asks role pwuser for a password, and {passfile} has no line for database "
        f"plnas (its lines for role pwuser are for {ledger.dbname}): check the database's name"
    ) in said, said
    passfile.write_text(f"*:*:{ledger.dbname}:pwuser:WRONGSECRET\n", encoding="utf-8")
    said = one_line_error(invoke(*mini, good, "status"), 2)
    assert said.rstrip().endswith(
        f"wrong password for role pwuser: correct it in {passfile} (or PGPASSWORD)"
    )
    monkeypatch.setenv("PGPASSWORD", "WRONGSECRET")
    said = one_line_error(invoke(*mini, good, "status"), 2)
    assert said.rstrip().endswith("wrong password for role pwuser: correct it in PGPASSWORD"), said
    monkeypatch.delenv("PGPASSWORD")
    services = tmp_path / "services.conf"
    services.write_text(
        f"[plans]\nhost={ledger.cluster.folder}\ndbname={ledger.dbname}\nuser=pwuser\n"
        "password=WRONGSECRET\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    said = one_line_error(invoke(*mini, "service=plans", "status"), 2)
    assert said.rstrip().endswith(f"correct it in the service file {services} [plans]"), said
    assert all("WRONGSECRET" not in line for line in (said,))
    chinese = invoke("--lang", "zh", *mini, typo, "status")
    assert chinese.exit_code == 2 and str(passfile) in chinese.stderr
    assert "plnas" in chinese.stderr and "asks role" not in chinese.stderr, chinese.stderr


def test_a_missing_password_is_told_apart_as_libpq_matches_the_password_file(
    invoke, ledger: PgLedger, password_role: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """libpq takes a password from the first line whose host, port, database and role all
    match the connection (each literal or `*`; `localhost` for the default socket, 5432 for
    no port). The hint compared only the role and the database: a line for another host or
    port was "not used: check its host and port", a group-readable file (which libpq
    ignores) or an empty password the same. Each is told as libpq decides it."""
    passfile = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    for name in ("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGHOST", "PGPORT"):
        monkeypatch.delenv(name, raising=False)
    socket, db = ledger.cluster.folder, ledger.dbname
    good = ledger.as_user("pwuser").url
    mini = ["--plan", str(FIXTURES / "mini.toml"), "--ledger"]

    def told(line: str, url: str = good, mode: int = 0o600) -> str:
        passfile.write_text(line + "\n", encoding="utf-8")
        passfile.chmod(mode)
        return one_line_error(invoke(*mini, url, "status"), 2)

    # The socket's folder is the line's host, as libpq matches it: the password is used.
    assert "holds no plancli ledger" in told(f"{socket}:5432:{db}:pwuser:right-pw")
    ask = f"the server asks role pwuser for a password, and {passfile}"
    assert (
        f"{ask} has no line for {socket}:5432 (its lines for role pwuser and database {db} "
        f"are for localhost:5432:{db}): check the host and port, or add a line "
        f"{socket}:5432:{db}:pwuser:password"
    ) in told(f"localhost:5432:{db}:pwuser:right-pw")
    assert f"{ask} has no line for {socket}:5432 (" in told(f"{socket}:5433:{db}:pwuser:x")
    said = told(f"{socket}:5433:plans:pwuser:x")
    assert f"has no line for {socket}:5432:{db} (its lines for role pwuser are for " in said
    assert "check the host, port and database's name" in said, said
    typo = good.replace(f"/{db}?", "/plnas?", 1)
    assert (
        f"{ask} has no line for database plnas (its lines for role pwuser are for {db}): "
        f"check the database's name, or add a line {socket}:5432:plnas:pwuser:password"
    ) in told(f"{socket}:*:{db}:pwuser:right-pw", typo)
    assert f"{ask} ({socket}:5432:{db}) holds none" not in told(f"*:*:{db}:pwuser:")
    assert f"and the line for database {db} in {passfile} (*:*:{db}) holds none" in told(
        f"*:*:{db}:pwuser:"
    )
    assert f"libpq ignores {passfile}: other users may read it; chmod 600" in told(
        f"*:*:{db}:pwuser:right-pw", mode=0o640
    )
    assert f"{ask} has no line for role pwuser: add one ({socket}:5432:{db}:pwuser:" in told(
        f"*:*:{db}:alice:right-pw"
    )


def test_the_places_looked_up_are_libpqs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The (host, port) pairs libpq matches its password file with: a comma-separated host
    list with one port or one each, a hostaddr where no host is named, the environment's
    PGHOST and PGPORT, and the default socket (no host, or its folder) as `localhost`."""
    from plancli.stores.postgres.passwords import looked_up

    for name in ("PGHOST", "PGHOSTADDR", "PGPORT", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    cases = {
        (("host", "a,b,"), ("port", "1,2,3")): (("a", "1"), ("b", "2"), ("localhost", "3")),
        (("host", "a,b"), ("port", "7")): (("a", "7"), ("b", "7")),
        (("hostaddr", "10.0.0.1"),): (("10.0.0.1", "5432"),),
        (("host", "db"), ("hostaddr", "10.0.0.1")): (("db", "5432"),),
        (("host", "/var/run/postgresql"),): (("localhost", "5432"),),
        (("host", "/srv/sock"),): (("/srv/sock", "5432"),),
        (): (("localhost", "5432"),),
    }
    for given, places in cases.items():
        assert looked_up(dict(given)).places == places, given
    monkeypatch.setenv("PGHOST", "db.bureau")
    monkeypatch.setenv("PGPORT", "5433")
    assert looked_up({}).places == (("db.bureau", "5433"),)
    assert looked_up({"port": "6000"}).places == (("db.bureau", "6000"),)


def test_history_at_80_columns_keeps_who_recorded(
    invoke, ledger: PgLedger, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """§10: on the standard 80-column terminal `history` of a shared ledger left out the
    `recorded by` (录入人) column first, keeping the note and the batch: the writer seemed
    absent. The order now: the time recorded, the note, then the writer, then the batch; at
    80 columns each record is a card (the id on its own line) that keeps them all, as the
    narrower cards do (session 30)."""
    sheet = tmp_path / "gx.csv"
    sheet.write_text(
        "target,period,value,amount,note,source\n"
        "new_5g_base_stations,2022-Q2,160,,二季度,区工信局\n"
        "tech_smes_certified,2022-Q2,9,,,区工信局\n"
        "little_giant_enterprises,2022-Q2,1,,,区工信局\n"
        "fixed_asset_investment,2022-Q2,12.5,1086.43,,区统计局\n",
        encoding="utf-8",
    )
    plan = ["--plan", "guandu-2022", "--ledger", ledger.url]
    assert invoke(*plan, "import", str(sheet)).exit_code == 0
    monkeypatch.setenv("COLUMNS", "200")
    wide = invoke(*plan, "history").stdout
    assert "recorded by" in wide and "note" in wide, wide
    monkeypatch.setenv("COLUMNS", "80")
    narrow = invoke(*plan, "history")
    assert narrow.exit_code == 0, narrow.stderr
    header = next(line for line in narrow.stdout.splitlines() if "period" in line)
    assert "recorded by" in header and "batch" in header, narrow.stdout
    assert "recorded" in header and "note" in header, narrow.stdout  # its year, (UTC) under it
    assert all("postgres" in line for line in narrow.stdout.splitlines() if "2022-Q2" in line), (
        narrow.stdout
    )


def test_the_setup_hints_work_when_followed_literally(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """§11: a database without the schema suggested `plancli ledger init URL` without
    `--plan`: followed literally, init made a ledger with no owners. The hint names the plan
    as it was given, and following it pushes the owners."""
    url = ledger.as_user("bureau").url
    where = ["--plan", str(owned_plan), "--ledger", url]
    hint = f'plancli --plan {owned_plan} ledger init "{url}"'  # quoted: `?` (audit V D1)
    assert f"`{hint}` creates it" in one_line_error(invoke(*where, "status"), 2)
    granted = one_line_error(invoke(*where, "ledger", "grant", "统计局", "tongji"), 2)
    assert f"{hint} first" in granted, granted
    bundled = one_line_error(invoke("--plan", "guandu-2022", "--ledger", url, "status"), 2)
    assert f'plancli --plan guandu-2022 ledger init "{url}"' in bundled, bundled
    followed = invoke(*shlex.split(hint)[1:])
    assert followed.exit_code == 0, followed.stderr
    assert "targets with an owner (牵头单位) pushed to the database" in followed.stderr


def test_a_grant_spelt_with_a_compatibility_character_is_refused_naming_both(
    bureau, invoke, ledger: PgLedger, owned_plan: Path
) -> None:  # type: ignore[no-untyped-def]
    """人社局 typed with the CJK compatibility ideograph 社 (U+FA4C, NFKC 社): the same name on
    screen and under NFKC, another department to the database's check (an exact match). It
    was granted without a warning, and the role's users refused every 人社局 target; the grant
    is refused, naming both spellings, the odd character said. Nothing is mapped."""
    plan = ["--plan", str(owned_plan), "--ledger", ledger.as_user("bureau").url]
    assert invoke(*plan, "ledger", "init").exit_code == 0
    refused = one_line_error(invoke(*plan, "ledger", "grant", "人\ufa4c局", "bob"), 2)
    assert "人\ufa4c局 (\ufa4c is U+FA4C, read as 社 under NFKC)" in refused, refused
    assert "the plan's owner 人社局" in refused, refused
    granted = invoke(*plan, "ledger", "grants")
    assert "\ufa4c" not in granted.stdout and "bob" not in granted.stdout, granted.stdout
    assert invoke(*plan, "ledger", "grant", "人社局", "bob").exit_code == 0
