"""Session 31's walk: a district statistics bureau setting up a shared PostgreSQL ledger in
Chinese, as docs/shared-ledger.md tells it, from `createdb` to the half-year report. What the
walk found, each against the throwaway server of tests/pgcluster.py:

- a server stopped while an import waited (on a lock) said libpq's `no connection to the
  server` in English under `--lang zh`; something not PostgreSQL answering at the port
  (`received invalid response to SSL negotiation`) too;
- `ledger grant` (or `--revoke`) by a department's role showed the server's English
  `permission denied for table department_role`, and a hint to grant, which it may not;
- (a department's sheet and the template's hint: tests/test_walk_s31_sheets.py);
- `ledger convert` into a database holding the plan's records said it "exists", as a file;
  and its Chinese line ran the count into 的 (`计划 guandu-2022 的14 条记录`).
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ledgers import PgLedger
from pgcluster import Cluster
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    FIXTURES,
    _SilentServer,
    bureau,
    ledger,
    owned_plan,
    plancli,
    roles,
    silent_server,
)

# ------------------------------------------------------------- libpq's reasons in Chinese


def test_a_dropped_connection_and_a_server_that_is_not_postgresql_in_chinese() -> None:
    from plancli.i18n import set_language
    from plancli.stores.postgres.unreachable import unreachable_reason

    dropped = "no connection to the server"
    ssl = (
        'connection to server at "10.255.255.1", port 5432 failed: received invalid response '
        "to SSL negotiation: H"
    )
    set_language("en")
    assert unreachable_reason(dropped) == dropped  # English: as libpq said it
    assert unreachable_reason(ssl) == ssl
    set_language("zh")
    try:
        assert unreachable_reason(dropped) == "服务器断开了连接"
        assert unreachable_reason(ssl) == (
            "服务器 10.255.255.1，端口 5432：该处应答的不是 PostgreSQL 服务器：请检查主机和端口"
        )
    finally:
        set_language("en")


def test_the_server_stopped_while_an_import_waits_is_one_chinese_line(
    pg_cluster: Cluster, bureau, ledger: PgLedger, owned_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The walk's import, waiting for a lock an administrator held, when the server was
    stopped (`pg_ctl stop -m fast`): exit 4, one line, all of it Chinese (it ended
    `（no connection to the server）`), nothing of the batch written."""
    import psycopg

    sheet = tmp_path / "gx-06.csv"
    sheet.write_text("target,period,value\ng5,2022-06,175\n", encoding="utf-8")
    before = ledger.read_bytes()
    holder = psycopg.connect(pg_cluster.url(ledger.dbname), autocommit=False)
    try:
        holder.execute("LOCK TABLE plancli.records IN ACCESS EXCLUSIVE MODE")
        importer = plancli(
            "--lang", "zh", "--plan", str(owned_plan), "--ledger", ledger.as_user("bob").url,
            "import", str(sheet),
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while not ledger.sql(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = 'plancli' "
                "AND wait_event_type = 'Lock'"
            ):
                assert importer.poll() is None, importer.communicate()
                assert time.monotonic() < deadline, "the import never waited for the lock"
                time.sleep(0.02)
            pg_cluster.stop("fast")
            try:
                code = importer.wait(timeout=120)
                _, stderr = importer.communicate()
            finally:
                pg_cluster.start()
        finally:
            importer.kill()
    finally:
        holder.close()
    assert code == 4, stderr
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("错误：与 postgresql://bob@"), stderr
    assert stderr.endswith(
        "的连接中断（服务器断开了连接）；本批次未写入任何数据：请在服务器恢复后重新运行\n"
    ), stderr
    assert ledger.read_bytes() == before


# ------------------------------------------------------------------ a department's grant


@pytest.mark.parametrize("revoke", [False, True])
def test_a_department_may_not_grant_and_is_told_who_may(
    bureau, ledger: PgLedger, revoke: bool
) -> None:  # type: ignore[no-untyped-def]
    grants = ledger.sql("SELECT plan_id, department, role FROM plancli.department_role")
    args = ("ledger", "grant", *(["--revoke"] if revoke else []), "工信局", "tongji")
    zh = bureau("bob", "--lang", "zh", *args)
    assert zh.exit_code == 2, zh.stderr
    assert zh.stderr == (
        f"错误：{ledger.as_user('bob').url}：拒绝：只有台账所有者（角色 bureau）可以为部门授权或"
        "撤销授权，角色 bob 不可以；未作任何更改\n"
    )
    en = bureau("bob", *args)
    assert en.exit_code == 2, en.stderr
    assert en.stderr == (
        f"error: {ledger.as_user('bob').url}: refused: only the ledger's owner, role bureau, "
        "may grant or revoke a department's role, not role bob; nothing was changed\n"
    )
    assert "permission denied" not in en.stderr + zh.stderr
    assert ledger.sql("SELECT plan_id, department, role FROM plancli.department_role") == grants
    # The ledger's owner still grants.
    assert bureau("bureau", "ledger", "grant", "人社局", "carol").exit_code == 0


# -------------------------------------------------------------------------- convert


def test_convert_into_a_database_holding_the_plan_says_so_in_chinese(
    bureau, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    recorded = bureau("bob", "record", "g5", "175", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    copy = tmp_path / "copy.toml"
    url = ledger.as_user("bureau").url
    out = bureau("bureau", "--lang", "zh", "ledger", "convert", url, str(copy))
    assert out.exit_code == 0, out.stderr
    assert out.stderr.startswith(f"已转换 计划 mini-2022 的 1 条记录：{url}（postgres）"), (
        out.stderr
    )
    again = bureau("bureau", "--lang", "zh", "ledger", "convert", str(copy), url)
    assert again.exit_code == 2, again.stderr
    assert again.stderr == (
        f"错误：{url} 中已有计划 mini-2022 的记录；要替换请用 --force（数据库中其他计划的记录"
        "不受影响）\n"
    )
    forced = bureau("bureau", "ledger", "convert", "--force", str(copy), url)
    assert forced.exit_code == 0, forced.stderr


# ------------------------------------------------------------------- a connect timeout


def test_a_connect_timeout_says_how_long_and_where_it_is_set(
    invoke, silent_server: _SilentServer, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The walk's server that never answers: one line, exit 4, and now which timeout (it
    said `在连接超时时间内没有响应` and no more: 10 s, or the string's, or PGCONNECT_TIMEOUT's)."""
    mini = str(FIXTURES / "mini.toml")
    url = f"postgresql://bob@127.0.0.1:{silent_server.port}/plans?connect_timeout=2"
    started = time.monotonic()
    zh = invoke("--lang", "zh", "--plan", mini, "--ledger", url, "status")
    assert zh.exit_code == 4, zh.stderr
    assert zh.stderr == (
        f"错误：无法连接数据库 {url}：服务器 127.0.0.1，端口 {silent_server.port}：在连接超时时间内"
        "没有响应（连接超时为 2 秒：可在连接字符串中写 connect_timeout=N，或设置 "
        "PGCONNECT_TIMEOUT 来更改）\n"
    )
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "3")
    bare = url.removesuffix("?connect_timeout=2")
    en = invoke("--plan", mini, "--ledger", bare, "gap")
    assert en.exit_code == 4, en.stderr
    assert en.stderr.endswith(
        "timeout expired (a connect timeout of 3 s: connect_timeout=N in the connection "
        "string, or PGCONNECT_TIMEOUT, changes it)\n"
    ), en.stderr
    assert en.stderr.count("\n") == 1
    assert time.monotonic() - started < 20
