"""Session 37: a `.pgpass` that is a folder (or any file libpq finds not plain: a FIFO,
PGPASSFILE=/dev/null) still got libpq's English `WARNING: password file "…" is not a plain
file` on the terminal, above plancli's Chinese error, though the server was never reached:
libpq reads the password file before it connects. It is passed over as session 36 passed over
one others may read (a stand-in `passfile` libpq cannot stat, `pgpass_mode`); where the server
then asks for a password, plancli's one line says libpq ignores it, and why. libpq writes to
the process's stderr itself, so the tests run plancli in a process of its own."""

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
from plancli.stores.postgres import passfile
from plancli.stores.postgres.pgpass_mode import UNREADABLE_PASSFILE
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    FIXTURES,
    ledger,
    password_role,
    plancli,
)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="libpq checks no file type on Windows")


def _environment(home: Path, **more: str) -> dict[str, str]:
    """HOME holding `.pgpass` as libpq looks it up, no other password or service."""
    env = {"HOME": str(home), "PGPASSWORD": "", "PGPASSFILE": ""}
    return env | {"PGSERVICEFILE": str(home / "no-services.conf")} | more


@pytest.mark.parametrize("kind", ["folder", "fifo", "dev-null"])
def test_a_pgpass_not_a_plain_file_gets_no_warning_of_libpqs(tmp_path: Path, kind: str) -> None:
    """A server not there (a socket folder with no server: refused at once, no network)."""
    home = tmp_path / "home"
    home.mkdir()
    env = _environment(home)
    if kind == "folder":  # ~/.pgpass, libpq's default (PGPASSFILE empty: the default)
        (home / ".pgpass").mkdir()
        shown = str(home / ".pgpass")
    elif kind == "fifo":
        os.mkfifo(tmp_path / "pgpass")
        env["PGPASSFILE"] = shown = str(tmp_path / "pgpass")
    else:
        env["PGPASSFILE"] = shown = "/dev/null"
    url = f"postgresql://alice@/plans?host={tmp_path / 'no-server'}"
    mini = str(FIXTURES / "mini.toml")
    for lang, start in (("zh", "错误：无法连接数据库 "), ("en", "error: cannot connect to ")):
        process = plancli("--lang", lang, "--plan", mini, "--ledger", url, "status", env=env)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 4, stderr
        # before: WARNING: password file "…/home/.pgpass" is not a plain file
        assert "WARNING" not in stderr and "not a plain file" not in stderr, stderr
        assert stderr.startswith(start) and shown not in stderr, stderr


def test_a_pgpass_folder_is_named_when_the_server_asks_for_a_password(
    ledger: PgLedger, password_role: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / ".pgpass").mkdir(parents=True)
    env = _environment(home)
    url = ledger.as_user(password_role).url
    mini = str(FIXTURES / "mini.toml")
    expected = {  # the file as libpq names it by default, ~/.pgpass
        "zh": f"错误：{url}：服务器要求角色 {password_role} 提供密码，而 libpq 不读取 ~/.pgpass："
        "它是文件夹，而不是由 host:port:database:role:password 各行组成的文件\n",
        "en": f"error: {url}: the server asks role {password_role} for a password, and libpq "
        "ignores ~/.pgpass: it is a folder, not a file of lines host:port:database:role:password\n",
    }
    for lang, line in expected.items():
        process = plancli("--lang", lang, "--plan", mini, "--ledger", url, "status", env=env)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 2, stderr
        # before: libpq's WARNING, then "…none was given: put it in …/.pgpass (host:port:…)"
        assert stderr == line


def test_the_stand_in_for_a_folder_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path under the folder may exist (a folder holds anything): the stand-in is under a
    plain file, so libpq's `stat` of it fails (ENOTDIR) and it passes over it in silence."""
    folder = tmp_path / "pgpass"
    (folder / "ignored-by-libpq").mkdir(parents=True)
    monkeypatch.setenv("PGPASSFILE", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
    assert passfile.passfile_stand_in({"user": "alice"}) == UNREADABLE_PASSFILE
    with pytest.raises(NotADirectoryError):
        os.stat(UNREADABLE_PASSFILE)
    monkeypatch.setenv("PGPASSFILE", "/dev/null")
    assert passfile.passfile_stand_in({"user": "alice"}) == UNREADABLE_PASSFILE
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))  # libpq says nothing of it
    assert passfile.passfile_stand_in({"user": "alice"}) is None
