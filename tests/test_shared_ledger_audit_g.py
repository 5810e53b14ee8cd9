"""What a bureau's IT person read of a shared PostgreSQL ledger (audit G, session 24): a revoke
that took nothing away said it had, refusals retrying never mends reported as an unreachable
server, a department's refused `undo` previewed first, a second `ledger init` told to get a
department grant, Chinese messages spaced as English, and a multi-host `.pgpass` lookup.

Every test here runs against the throwaway server of tests/pgcluster.py (the fixtures of
test_ledger_postgres.py) and skips, saying why, where it cannot be started.
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from pgcluster import Cluster
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    FIXTURES,
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    password_role,
    roles,
)

# ------------------------------------------------------------ D1 a revoke that takes nothing


def test_a_revoke_that_takes_nothing_away_says_so_and_exits_2(bureau) -> None:  # type: ignore[no-untyped-def]
    """`--revoke 统计局 alice` (the person's role, not the granted group role tongji), a wrong
    role, a mistyped department and a second revoke each said "no longer records" with exit
    0, while the real grant stayed. Each says nothing was revoked and why, exit 2."""
    member = one_line_error(bureau("bureau", "ledger", "grant", "--revoke", "统计局", "alice"), 2)
    assert member == (
        "error: role alice has no grant for 统计局 in plan mini-2022; it records for 统计局 as "
        "a member of tongji: revoke that grant (plancli ledger grant --revoke 统计局 tongji) or "
        "remove alice from tongji (REVOKE tongji FROM alice); nothing was revoked\n"
    )
    assert bureau("alice", "record", "gdp", "5.1", "-p", "2022-Q1").exit_code == 0
    wrong = one_line_error(bureau("bureau", "ledger", "grant", "--revoke", "统计局", "gongxin"), 2)
    assert wrong == (
        "error: role gongxin has no grant for 统计局 in plan mini-2022 (统计局 is granted to "
        "tongji); nothing was revoked\n"
    )
    typo = one_line_error(bureau("bureau", "ledger", "grant", "--revoke", "统计厅", "tongji"), 2)
    assert typo == (
        "error: role tongji has no grant for 统计厅 in plan mini-2022 (it is granted 统计局); "
        "nothing was revoked\n"
    )
    missing = one_line_error(
        bureau("bureau", "ledger", "grant", "--revoke", "统计局", "nobodyx"), 2
    )
    assert "CREATE ROLE" not in missing
    assert missing == (
        "error: no role 'nobodyx' in the database, and plan mini-2022 grants it nothing; "
        "nothing was revoked\n"
    )
    done = bureau("bureau", "ledger", "grant", "--revoke", "统计局", "tongji")
    assert done.exit_code == 0 and "tongji no longer records for 统计局" in done.stderr
    again = one_line_error(bureau("bureau", "ledger", "grant", "--revoke", "统计局", "tongji"), 2)
    assert again == (
        "error: role tongji has no grant for 统计局 in plan mini-2022, nor any other in it "
        "(plancli ledger grants lists the plan's); nothing was revoked\n"
    )
    zh = bureau("bureau", "--lang", "zh", "ledger", "grant", "--revoke", "工信局", "bob")
    assert zh.exit_code == 2
    assert zh.stderr == (
        "错误：角色 bob 在计划 mini-2022 中没有 工信局 的授权；"
        "它作为 gongxin 的成员代 工信局 录入："
        "请撤销该授权（plancli ledger grant --revoke 工信局 gongxin），或将 bob 移出 gongxin"
        "（REVOKE gongxin FROM bob）；未撤销任何授权\n"
    )


# ------------------------------------------------- D2 refusals that retrying never mends


@pytest.fixture(scope="session")
def rejected_role(pg_cluster: Cluster) -> str:
    """`rejectme`, whom a `reject` line of pg_hba.conf turns away; `pooler_g`, a login that is
    a member of no role but its own."""
    hba = pg_cluster.data / "pg_hba.conf"
    line = "local all rejectme reject\n"
    if line not in hba.read_text(encoding="utf-8"):
        hba.write_text(line + hba.read_text(encoding="utf-8"), encoding="utf-8")
    pg_cluster.psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rejectme') THEN "
        "CREATE ROLE rejectme LOGIN; CREATE ROLE pooler_g LOGIN; END IF; END $$; "
        "SELECT pg_reload_conf();"
    )
    return "rejectme"


def test_a_reject_line_and_a_role_the_login_may_not_set_are_exit_2(
    invoke, ledger: PgLedger, rejected_role: str, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """pg_hba.conf's `reject` ("pg_hba.conf rejects connection for …") and a pooler's
    `options=-c role=…` naming a role the login is not a member of ("permission denied to set
    role") were exit 4 "cannot connect", the server's English text even in Chinese: a cron job
    retried forever. Both are exit 2, one line saying what to fix, in either language."""
    mini = str(FIXTURES / "mini.toml")
    rejected = ledger.as_user(rejected_role).url
    pooled = ledger.as_user("pooler_g").url + "&options=-c%20role%3Dbureau"
    cases = {
        rejected: (
            f"the server's pg_hba.conf rejects role rejectme for database {ledger.dbname} "
            "from here (a reject line): ask its administrator",
            "pg_hba.conf 拒绝角色 rejectme",
        ),
        pooled: (
            'the login may not act as role bureau (permission denied to set role "bureau", '
            "as options=-c role=bureau asks): name a role it is a member of, or ask the "
            "administrator for GRANT bureau TO the login",
            "登录角色不能以角色 bureau 行事",
        ),
    }
    for url, (english, chinese) in cases.items():
        for command in (("status",), ("record", "gdp", "5", "-p", "2022-Q2")):
            message = one_line_error(invoke("--plan", mini, "--ledger", url, *command), 2)
            assert message.endswith(f": {english}\n"), message
        zh = invoke("--lang", "zh", "--plan", mini, "--ledger", url, "status")
        assert zh.exit_code == 2 and zh.stderr.startswith("错误："), zh.stderr
        assert chinese in zh.stderr and "FATAL" not in zh.stderr, zh.stderr


# --------------------------------------------------------- D3 an undo refused, refused first


def test_a_departments_undo_it_may_not_revert_is_refused_before_any_preview(bureau) -> None:  # type: ignore[no-untyped-def]
    """alice's `undo` of bob's batch printed it under "to revert" and asked for --yes (stdin
    not a terminal), then with --yes printed it again and refused. The refusal comes first,
    alone, as `undo -n`'s does."""
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    expected = one_line_error(bureau("alice", "undo", "-n"), 2)
    for args in (("undo",), ("undo", "--yes"), ("undo", "--yes", "--json")):
        refused = bureau("alice", *args)
        assert one_line_error(refused, 2) == expected
        assert refused.stdout == "", refused.stdout
    assert "was written by bob for 工信局" in expected
    assert len(read_records_of(bureau)) == 1


def read_records_of(bureau) -> list[str]:  # type: ignore[no-untyped-def]
    listed = bureau("bureau", "history", "--csv")
    assert listed.exit_code == 0, listed.stderr
    return listed.stdout.splitlines()[1:]


# ------------------------------------------------------ D4 init by a role that does not own it


def test_init_by_another_role_than_the_ledgers_owner_names_it_and_the_remedy(
    invoke, ledger: PgLedger, owned_plan: Path, roles: None
) -> None:  # type: ignore[no-untyped-def]
    """After the administrator's mistaken `ledger init` (the superuser owns the schema),
    bureau's own init was told to get a department grant. It is told which role owns the
    ledger and the docs' remedy; following it, bureau's init makes bureau the owner."""
    plan = ["--plan", str(owned_plan), "--ledger"]
    assert invoke(*plan, ledger.url, "ledger", "init").exit_code == 0
    refused = one_line_error(invoke(*plan, ledger.as_user("bureau").url, "ledger", "init"), 2)
    assert refused.endswith(
        ": the ledger is owned by role postgres, and role bureau may not use it (no USAGE on "
        "schema plancli): if bureau is to own it, while the ledger holds nothing role postgres "
        "runs DROP SCHEMA plancli CASCADE and bureau runs plancli ledger init again; else "
        "postgres grants it a department: plancli ledger grant DEPARTMENT ROLE\n"
    ), refused
    zh = invoke("--lang", "zh", *plan, ledger.as_user("bureau").url, "ledger", "init")
    assert zh.exit_code == 2 and "DROP SCHEMA plancli CASCADE" in zh.stderr, zh.stderr
    ledger.sql("DROP SCHEMA plancli CASCADE")
    again = invoke(*plan, ledger.as_user("bureau").url, "ledger", "init")
    assert again.exit_code == 0 and "the ledger's owner is role bureau" in again.stderr


# ------------------------------------------------------------------ D5 Chinese, spaced as such


def test_chinese_refusals_put_no_space_beside_a_chinese_phrase(
    bureau,
    invoke,
    ledger: PgLedger,
    password_role: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """请在 服务文件 … 中改正, 请在 连接字符串 中改正, （或 PGPASSWORD） 中改正,
    由 alice（代 统计局） 录入: English word spacing around Chinese phrases in a sentence."""
    services, passfile = tmp_path / "services.conf", tmp_path / "pgpass"
    folder = ledger.cluster.folder
    services.write_text(
        f"[bad]\nhost={folder}\ndbname={ledger.dbname}\nuser=pwuser\npassword=WRONGSECRET\n",
        encoding="utf-8",
    )
    passfile.write_text("*:*:*:pwuser:WRONGSECRET\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    good = ledger.as_user("pwuser").url
    mini = str(FIXTURES / "mini.toml")
    cases = {
        "service=bad": (
            f"错误：service=bad：角色 pwuser 的密码错误：请在服务文件 {services} [bad] 中改正\n"
        ),
        good.replace(
            "pwuser@", "pwuser:WRONGSECRET@", 1
        ): "：角色 pwuser 的密码错误：请在连接字符串中改正\n",
        good: f"：角色 pwuser 的密码错误：请在 {passfile}（或 PGPASSWORD）中改正\n",
    }
    for url, said in cases.items():
        zh = invoke("--lang", "zh", "--plan", mini, "--ledger", url, "status")
        assert zh.exit_code == 2 and zh.stderr.endswith(said), zh.stderr
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    undo = bureau("alice", "--lang", "zh", "undo", "--yes")
    assert undo.exit_code == 2
    assert "由 bob（代 工信局）录入；" in undo.stderr, undo.stderr


_FULL_WIDTH = "（）：；，、。"


def test_no_chinese_message_of_the_shared_ledger_spaces_full_width_punctuation() -> None:
    """Every zh message of the PostgreSQL ledger's modules: no ASCII space beside a full-width
    bracket or punctuation mark, and no Chinese phrase inserted with spaces around it."""
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    root = Path(__file__).parent.parent / "src" / "plancli"
    files = [*sorted((root / "stores" / "postgres").glob("*.py")), root / "shared_ledger.py"]
    files += [root / "cli" / "ledger_file_cmds.py"]
    ids: set[str] = set()
    for file in files:
        for _line, message, _comments, _context in extract_from_file("python", str(file)):
            ids.update([message] if isinstance(message, str) else [m for m in message if m])
    with open(root / "locale" / "zh" / "LC_MESSAGES" / "plancli.po", "rb") as po:
        catalog = read_po(po)
    # beside a full-width mark, or between two Chinese characters of the template itself (a
    # command's words, `grant 部门 角色`, aside)
    spaced = re.compile(f" [{_FULL_WIDTH}]|[{_FULL_WIDTH}] |[\u4e00-\u9fff] [\u4e00-\u9fff]")
    faults = []
    for message in catalog:
        if (
            not message.id
            or (message.id if isinstance(message.id, str) else message.id[0]) not in ids
        ):
            continue
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        faults += [text for text in texts if spaced.search(text.replace("部门 角色", ""))]
    assert len(ids) > 80
    assert faults == []
    # A value ending in a full-width bracket (a pooler's `carol（以 pooler 登录）`) inserted in a
    # Chinese sentence loses the space after it; an English sentence keeps its spacing.
    from plancli.i18n import language, set_language, tight

    was = language()
    try:
        set_language("zh")
        assert (
            tight("角色 carol（以 pooler 登录） 无权读取台账")
            == "角色 carol（以 pooler 登录）无权读取台账"
        )
        set_language("en")
        assert tight("for 住建局（人防办） of plan") == "for 住建局（人防办） of plan"
    finally:
        set_language(was)


# ------------------------------------------------- D6 a multi-host list's password lookup


def test_a_multi_host_password_is_looked_up_for_the_host_that_asked(
    invoke,
    ledger: PgLedger,
    password_role: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """With host=/tmp/nope,SERVER, a .pgpass line for /tmp/nope (the host that did not answer)
    was said to be in a malformed file; libpq looks the password up for the host it connects
    to, and the message is the documented "host or port" one."""
    folder, db = ledger.cluster.folder, ledger.dbname
    passfile = tmp_path / "pf_multi"
    passfile.write_text(f"/tmp/nope:5432:{db}:pwuser:x\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = f"host=/tmp/nope,{folder} dbname={db} user=pwuser"
    message = one_line_error(
        invoke("--plan", str(FIXTURES / "mini.toml"), "--ledger", url, "status"), 2
    )
    assert message == (
        f"error: {url}: the server asks role pwuser for a password, and {passfile} has no line "
        f"for {folder}:5432 (its lines for role pwuser and database {db} are for "
        f"/tmp/nope:5432:{db}): check the host and port, or add a line "
        f"{folder}:5432:{db}:pwuser:password\n"
    )
    # The line for the host that asks, second in the file: the password is used.
    with passfile.open("a", encoding="utf-8") as lines:
        lines.write(f"{folder}:5432:{db}:pwuser:right-pw\n")
    found = invoke("--plan", str(FIXTURES / "mini.toml"), "--ledger", url, "status")
    assert "holds no plancli ledger" in one_line_error(found, 2)


def test_the_host_that_asked_is_read_from_libpqs_message_over_tcp_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over TCP libpq says `connection to server at "db2" (10.0.0.6), port 5433 failed`: the
    password is looked up for db2:5433, not for db1, whose line the file holds."""
    from plancli.stores.postgres.passwords import missing_password

    passfile = tmp_path / "pgpass"
    passfile.write_text("db1:5432:plans:alice:x\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    for name in ("PGHOST", "PGPORT", "PGHOSTADDR", "PGSERVICE", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    text = (
        'connection to server at "db1" (10.0.0.5), port 5432 failed: Connection refused\n'
        "\tIs the server running on that host and accepting TCP/IP connections?\n"
        'connection to server at "db2" (10.0.0.6), port 5433 failed: fe_sendauth: no '
        "password supplied\n"
    )
    params = {"host": "db1,db2", "port": "5432,5433", "dbname": "plans", "user": "alice"}
    assert missing_password(params, text) == (
        f"the server asks role alice for a password, and {passfile} has no line for db2:5433 "
        "(its lines for role alice and database plans are for db1:5432:plans): check the host "
        "and port, or add a line db2:5433:plans:alice:password"
    )
    # Without libpq's message, every host of the list is looked in, as before.
    assert "was not used" in missing_password(params)
