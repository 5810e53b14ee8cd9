"""A `--ledger` value shaped like a URL that plancli does not read as a PostgreSQL ledger (a
mistyped scheme: `postgresq://`, `pg://`, `http://`) is refused, never created as a local
file named after it (the shared-ledger audit, D1): the figure would never reach the bureau's
database, and the department would think it had reported. No message shows its password."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI = str(FIXTURES / "mini.toml")


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("postgresq://alice:TYPOSECRET@localhost/plans", True),
        ("postgressql://alice:TYPOSECRET@/plans?host=/tmp/sock&port=5499", True),
        ("pg://alice:TYPOSECRET@db.bureau/plans", True),
        ("postgresql+psycopg://alice:TYPOSECRET@db.bureau/plans", True),
        ("http://alice:TYPOSECRET@db.bureau/plans", False),
    ],
)
@pytest.mark.parametrize("command", [("record", "gdp", "5", "-p", "2022-Q2"), ("status",)])
def test_a_url_of_another_scheme_is_refused_not_created(
    invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    given: str,
    suggested: bool,
    command: tuple[str, ...],
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    for named in (("--ledger", given), ()):
        if not named:
            monkeypatch.setenv("PLANCLI_LEDGER", given)
        result = invoke("--plan", MINI, *named, *command)
        assert result.exit_code == 2, (result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
        assert "TYPOSECRET" not in result.stdout + result.stderr
        scheme = given.split("://")[0]
        assert f"{scheme}://alice:***@" in result.stderr  # as typed, `//` kept
        assert "not a PostgreSQL URL" in result.stderr
        assert ("did you mean postgresql://" in result.stderr) == suggested
        assert list(tmp_path.iterdir()) == []  # no file, no folder made


def test_a_url_refused_in_chinese(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "zh", "--plan", MINI, "--ledger", "pg://a:TYPOSECRET@h/p", "status")
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：") and "TYPOSECRET" not in result.stderr
    assert "postgresql://" in result.stderr


@pytest.mark.parametrize("path", ["plans.toml", "a:b@c.toml", "postgresql.toml", "x.sqlite"])
def test_file_names_are_still_files(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = invoke("--plan", MINI, "--ledger", path, "record", "gdp", "5", "-p", "2022-Q2")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / path).exists()


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("postgresql:/alice:TYPOSECRET@/plans", True),  # one `/` missing (audit 3, D9)
        ("postgres:/alice:TYPOSECRET@db.bureau/plans", True),
        ("postgresql:alice:TYPOSECRET@db.bureau/plans", True),  # both missing
        ("http:/alice:TYPOSECRET@db.bureau/plans", False),
    ],
)
def test_a_url_missing_a_slash_is_refused_not_created(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, suggested: bool
) -> None:  # type: ignore[no-untyped-def]
    """`scheme:/…` (a scheme of two letters or more) is a URL with a `/` lost, never a file:
    refused in one line, its password masked (`C:/…` stays a Windows path)."""
    monkeypatch.chdir(tmp_path)
    result = invoke("--plan", MINI, "--ledger", given, "record", "gdp", "5", "-p", "2022-Q2")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "TYPOSECRET" not in result.stdout + result.stderr
    assert "alice:***@" in result.stderr
    assert ("did you mean postgresql://" in result.stderr) == suggested
    assert list(tmp_path.iterdir()) == []  # no file, no folder made


def test_a_drive_letter_is_still_a_path() -> None:
    from plancli.locations import location_of

    assert location_of("C:/ledgers/plan.toml").format == "toml"
    assert location_of("c:plan.toml").format == "toml"


@pytest.mark.parametrize(
    ("given", "shown"),
    [  # audit V, D10: a Chinese input method's colon, a lost `:`
        ("postgresql：//carol:Leak19@db.bureau/plans", "postgresql：//carol:***@db.bureau/plans"),
        ("postgresql//carol:Leak19@db.bureau/plans", "postgresql//carol:***@db.bureau/plans"),
        ("postgres//carol:Leak19@db.bureau/plans", "postgres//carol:***@db.bureau/plans"),
        (
            "  postgresql：//carol:Leak19@db.bureau/plans\n",
            "postgresql：//carol:***@db.bureau/plans",
        ),
        ("\ufeffpostgres//carol:Leak19@db.bureau/plans", "postgres//carol:***@db.bureau/plans"),
    ],
)
@pytest.mark.parametrize(
    "command", [("record", "new_parking_spaces", "1300", "-p", "2022-Q3"), ("status",)]
)
def test_a_url_near_miss_is_refused_not_created(
    invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    given: str,
    shown: str,
    command: tuple[str, ...],
) -> None:  # type: ignore[no-untyped-def]
    """`postgresql：//…` (full-width colon) and `postgresql//…` were taken as a path: `record`
    made the folders `postgresql：/carol:Leak19@db.bureau/` and recorded there, exit 0, the
    password printed and kept as a folder's name. Refused in one line, masked, nothing made."""
    monkeypatch.chdir(tmp_path)
    for named in (("--ledger", given), ()):
        if not named:
            monkeypatch.setenv("PLANCLI_LEDGER", given)
        result = invoke("--plan", "guandu-2022", *named, *command)
        assert result.exit_code == 2, (result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
        assert "Leak19" not in result.stdout + result.stderr
        assert shown in result.stderr and "did you mean postgresql://" in result.stderr
        assert ("full-width colon" in result.stderr) == ("：" in given)
        assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("around", [" ", "  ", "\t", "\ufeff", " \n", "\u3000"])
def test_a_url_with_space_around_is_the_database_not_a_folder(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, around: str
) -> None:  # type: ignore[no-untyped-def]
    """` postgresql://carol:Leak17@…` (a pasted value, `PLANCLI_LEDGER=" …"`) was a path:
    `created  postgresql:/carol:Leak17@db.bureau/plans`, exit 0. The space is dropped: the
    value names the database (here unreachable: exit 4), no file is made, nothing shows the
    password."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://carol:Leak17@127.0.0.1:1/plans?connect_timeout=2"
    for named in (("--ledger", around + url), ()):
        if not named:
            monkeypatch.setenv("PLANCLI_LEDGER", around + url + around)
        result = invoke(
            "--plan", "guandu-2022", *named, "record", "new_parking_spaces", "1300", "-p", "2022-Q3"
        )
        assert result.exit_code in (3, 4), (result.stdout, result.stderr)  # 3: no psycopg
        assert "Leak17" not in result.stdout + result.stderr
        assert "postgresql://carol:***@127.0.0.1:1/plans" in result.stderr
        assert list(tmp_path.iterdir()) == []


def test_a_file_path_with_a_space_is_still_that_file() -> None:
    from plancli.locations import location_of

    assert location_of(" plans.toml").path == Path(" plans.toml")
    assert location_of("postgresql/plans.toml").format == "toml"  # a folder named postgresql
