"""A connection string slipped into another argument — key=value pairs the shell split into
extra arguments, a URL given to `--plan`, `import` or `show` — was echoed with its password
(audit V D5): every message masks it as it masks the ledger's (`password=***`, `bob:***@`)."""

from __future__ import annotations

from pathlib import Path

import pytest

URL = "postgresql://bob:Sekr1t@/plans?host=/tmp/s26/auditV/sock&port=5433"
MASKED = "postgresql://bob:***@/plans?host=/tmp/s26/auditV/sock&port=5433"
LONG = "postgresql://bob:Sekr1tSekr1tSekr1tSekr1tSekr1tSekr1tSekr1tSekr1tSekr1t@/plans"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (
            ("ledger", "convert", "backup.toml", "host=/s", "port=5433", "dbname=plans",
             "user=bureau", "password=Sekr1t"),
            "unexpected extra argument: port=5433 dbname=plans user=bureau password=***; see",
        ),
        (("ledger", "init", "host=/s", "user=bureau", "password=Sekr1t", "dbname=plans"),
         "unexpected extra argument: user=bureau password=*** dbname=plans; see"),
        (("--ledger", "host=/s", "password=Sekr1t", "status"),
         "no such command: password=***; see"),
        (("--plan", URL, "status"), f"--plan {MASKED}: no such file"),
        (("import", URL), MASKED.replace("//", "/", 1) + ": cannot read"),
        (("show", URL), "unknown target 'postgresql://bob:***@/plans?host=/tmp/s26/auditV/sock&port=5"),
        (("show", LONG), "unknown target 'postgresql://bob:***@/plans' in plan"),
        (("show", "password = 'Sekr1t x'"), "unknown target \"password = ***\" in plan"),
    ],
)  # fmt: skip
def test_a_connection_string_in_another_argument_is_echoed_masked(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], shown: str
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "backup.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANCLI_LEDGER", str(tmp_path / "work.progress.toml"))
    result = invoke(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Sekr1t" not in result.stdout + result.stderr
    assert shown in result.stderr


def test_hide_passwords_keeps_what_holds_none() -> None:
    from plancli.locations import hide_passwords

    for text in ("recorded gdp 2022-Q3 = 5.2 in plan.toml", "a:b@c.toml", "mail bob@x.org: ok"):
        assert hide_passwords(text) == text
    assert hide_passwords("x postgresql：//c:Leak19@h/p y") == "x postgresql：//c:***@h/p y"
    assert hide_passwords("(postgres//c:Leak@h/p)") == "(postgres//c:***@h/p)"
