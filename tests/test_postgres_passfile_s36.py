"""A `.pgpass` other users may read, which libpq ignores: one line of plancli's, in the user's
language, and nothing of libpq's on the terminal. Session 36's walk (`--lang zh`, a department's
`~/.pgpass` left 0644) got libpq's own English `WARNING: password file "…" has group or world
access; permissions should be u=rw (0600) or less` above plancli's Chinese error saying the
same: libpq writes it to the process's stderr itself, so only a process of its own shows it
(CliRunner does not). Against the throwaway server of tests/pgcluster.py."""

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
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    FIXTURES,
    ledger,
    password_role,
    plancli,
)


@pytest.mark.skipif(os.name == "nt", reason="libpq checks no permission on Windows")
def test_a_pgpass_others_may_read_is_told_of_once_in_the_users_language(
    ledger: PgLedger, password_role: str, tmp_path: Path
) -> None:
    passfile_path = tmp_path / "pgpass"
    passfile_path.write_text(f"*:*:*:{password_role}:right-pw\n", encoding="utf-8")
    passfile_path.chmod(0o644)
    env = {"PGPASSFILE": str(passfile_path), "PGPASSWORD": "", "HOME": str(tmp_path)}
    env["PGSERVICEFILE"] = str(tmp_path / "no-services.conf")
    url = ledger.as_user(password_role).url
    mini = str(FIXTURES / "mini.toml")
    for lang, start in (("zh", "错误："), ("en", "error: ")):
        process = plancli("--lang", lang, "--plan", mini, "--ledger", url, "status", env=env)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 2, stderr
        assert "WARNING" not in stderr and "group or world access" not in stderr, stderr
        assert stderr.count("\n") == 1 and stderr.startswith(start), stderr
        assert "chmod 600" in stderr and str(passfile_path) in stderr, stderr
    # The same file at 0600: libpq reads it, and its password is the right one.
    passfile_path.chmod(0o600)
    process = plancli("--plan", mini, "--ledger", url, "status", env=env)
    _, stderr = process.communicate(timeout=120)
    assert "holds no plancli ledger" in stderr, stderr


def test_the_stand_in_is_only_for_a_file_libpq_reads_and_ignores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("*:*:*:alice:pw\n", encoding="utf-8")
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
    pgpass.chmod(0o600)
    assert passfile.passfile_stand_in({"user": "alice"}) is None  # libpq reads it
    pgpass.chmod(0o640)
    stand_in = passfile.passfile_stand_in({"user": "alice"})
    assert stand_in == str(pgpass / "ignored-by-libpq") and not Path(stand_in).exists()
    # libpq reads no file when the password is given otherwise: nothing to stand in for.
    assert passfile.passfile_stand_in({"user": "alice", "password": "x"}) is None
    monkeypatch.setenv("PGPASSWORD", "x")
    assert passfile.passfile_stand_in({"user": "alice"}) is None
    monkeypatch.delenv("PGPASSWORD")
    # A `passfile=` of the connection string is the one libpq reads, not PGPASSFILE's.
    own = tmp_path / "own.pgpass"
    own.write_text("*:*:*:alice:pw\n", encoding="utf-8")
    own.chmod(0o600)
    assert passfile.passfile_stand_in({"user": "alice", "passfile": str(own)}) is None
