"""Session 29 (io): a PostgreSQL ledger's role and database names are shown as every name is,
never raw: in the password hints, in libpq's refusals, in `ledger grant`; a name with a control
character or a byte that is not UTF-8 is refused before connecting or granting (exit 2); and
libpq's `at position N in URI` points into the string as shown, its password masked. Against
the throwaway server of tests/pgcluster.py (skips without one) where a server is needed."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancli.locations import mask_password
from plancli.stores.postgres import passwords

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


@pytest.mark.parametrize(
    ("url", "raw"),
    [
        ("postgresql://alice:s3cret@[::1]x/db", 32),  # 6 characters masked as 3
        ("postgresql://alice:pass@[::1]x/db", 30),  # 4 as 3: off by one
        ("postgresql://alice:pw@[::1]x/db", 28),
        ("postgresql://统计:abcd@[::1]x/db", 31),  # libpq counts bytes, 统计 is 6 of them
        ("postgresql://alice@[::1]x/db", 25),  # no password: as libpq says
    ],
)
def test_a_position_in_a_uri_points_into_the_masked_string(url: str, raw: int) -> None:
    from plancli.locations import masked_position

    shown = mask_password(url)
    assert shown[masked_position(url, raw) - 1] == "x"
    assert url.encode("utf-8")[raw - 1 : raw] == b"x"  # libpq's count (1-based, in bytes)


def test_libpqs_position_is_said_in_the_masked_string(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    """`postgresql://alice:pass@[::1]x/db`: libpq's `position 30` was said of
    `postgresql://alice:***@[::1]x/db`, whose 30th character is `/`, one past the `x`."""
    url = "postgresql://alice:pass@[::1]x/db"
    error = one_line_error(invoke("--plan", str(mini_plan), "--ledger", url, "status"), 2)
    assert 'unexpected character "x" at position 29 in URI' in error, error
    assert "pass@" not in error


def test_the_password_hint_shows_role_and_database_escaped(tmp_path: Path) -> None:
    """`user=bo%0Ab`: the hint said `the server asks role bo` and `b` on a line of its own."""
    params = {"user": "bo\nb", "dbname": "plans\x1b[2J", "passfile": str(tmp_path / "none")}
    said = passwords.missing_password(params)
    assert said.isprintable(), said
    assert "role bo\\nb" in said
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("db:5432:other\x1b[31m:bo\nlocalhost:5432:more:*:pw\n", encoding="utf-8")
    pgpass.chmod(0o600)
    said = passwords.missing_password({**params, "passfile": str(pgpass)})
    assert said.isprintable(), said
    assert "database plans\\x1b[2J" in said
    wrong = passwords.wrong_password({"user": "x"}, "bo\nb")
    assert wrong == "wrong password for role bo\\nb: correct it in ~/.pgpass (or PGPASSWORD)"


@pytest.mark.parametrize("user", ["b%FFob", "bureau%0A", "bo%1Bb"])
def test_a_role_name_not_utf8_or_with_a_control_character_is_refused(  # type: ignore[no-untyped-def]
    invoke, ledger: PgLedger, owned_plan: Path, roles: None, user: str
) -> None:
    """`ledger init` as `b%FFob` stopped with an internal error (exit 70: psycopg decoding
    the option); `bureau%0A` said `no role bureau on the server`, a role that exists."""
    url = ledger.as_user("bureau").url.replace("bureau@", f"{user}@")
    for command in (["ledger", "init"], ["status"]):
        error = one_line_error(invoke("--plan", str(owned_plan), "--ledger", url, *command), 2)
        if "FF" in user:
            assert "not UTF-8 text once percent-decoded (byte 0xff)" in error, error
        else:
            shown = user.replace("%0A", "\\n").replace("%1B", "\\x1b")
            assert f": user={shown}: a name with a control or invisible character" in error


@pytest.mark.parametrize(
    ("department", "role", "expected"),
    [
        ("统\x1b[31m局", "tongji", "error: 统\\x1b[31m局: a department's name with a control"),
        ("统\u202e局", "tongji", "error: 统\\u202e局: a department's name with a control"),
        ("统计局", "bo\nb", "error: ROLE 'bo\\nb': a role's name with a control or invisible"),
    ],
)
def test_grant_refuses_a_name_with_a_control_character(  # type: ignore[no-untyped-def]
    bureau, department: str, role: str, expected: str
) -> None:
    """统\\x1b[31m局 was granted (listed escaped, a department no plan names); `bo\\nb` was
    answered `CREATE ROLE "bo` and `b" LOGIN` on two lines."""
    error = one_line_error(bureau("bureau", "ledger", "grant", department, role), 2)
    assert error.startswith(expected), error
    assert error.endswith("; nothing was granted\n")
    listed = bureau("bureau", "ledger", "grants")
    assert listed.exit_code == 0
    assert "\\x1b" not in listed.stdout and "bo" not in listed.stdout
    assert "\\u202e" not in listed.stdout
