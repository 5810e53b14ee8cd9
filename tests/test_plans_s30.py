"""Session 30 (plans): a plan's ids and a water class's worst reading. A duplicated id that
is no id (`GDP growth`) had no line; derived section ids followed the order of first use (an
edit that moved a target renamed them); `section = "headline"` beside `section = "主要预期目标"`
made two sections; 劣Ⅴ类 could not be recorded, 2.5 类 was taken as a class; a PostgreSQL
URL's password mask hid the keys after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_GROWTH = """
[[targets]]
id = "{id}"
section = "{section}"
name = "{name}"
kind = "growth"
unit = "%"
min = 5
"""

_HEAD = '[plan]\nid = "t"\nname = "T"\nyear = 2026\n'


def _plan(tmp_path: Path, *targets: tuple[str, str, str]) -> Path:
    path = tmp_path / "t.toml"
    body = "".join(_GROWTH.format(id=i, section=s, name=n) for i, s, n in targets)
    path.write_text(_HEAD + body, encoding="utf-8")
    return path


def test_an_id_given_twice_is_at_each_of_its_lines(invoke: Any, tmp_path: Path) -> None:
    """Two targets `id = "GDP growth"` said `duplicate target id 'GDP growth'` with no line
    (a pattern of the message read ids of ASCII letters only); a valid id said only its last."""
    for id in ("GDP growth", "gdp"):
        plan = _plan(tmp_path, (id, "主要预期目标", "地区生产总值"), (id, "主要预期目标", "投资"))
        result = invoke("--plan", str(plan), "validate")
        assert result.exit_code == 3, result.output
        assert f"line 15: duplicate target id '{id}' (also at line 7)" in result.stderr, id


def test_a_urls_password_mask_hides_the_password_alone(invoke: Any, tmp_path: Path) -> None:
    """`password=x&x=%ZZ` was shown `password=***`: the key=value pattern run over the whole
    message took `***&x=%ZZ:` for the password, hiding the `%ZZ` libpq's error is about (the
    real libpq reads the string: no server is needed to refuse it)."""
    plan = _plan(tmp_path, ("gdp", "主要预期目标", "地区生产总值"))
    for url, shown in (
        (
            "postgresql://u:secret@h/db?password=x&x=%ZZ",
            "postgresql://u:***@h/db?password=***&x=%ZZ",
        ),
        (
            "postgresql://u@h/db?password=x&x=%ZZ&sslmode=disable",
            "?password=***&x=%ZZ&sslmode=disable",
        ),
        ("postgresql://u@h/db?x=%ZZ&password=s3cret", "postgresql://u@h/db?x=%ZZ&password=***"),
    ):
        result = invoke("--plan", str(plan), "--ledger", url, "status")
        assert result.exit_code == 2, result.output
        said = result.stderr
        assert f"{shown}: not a connection string libpq reads: " in said, said
        assert 'invalid percent-encoded token: "%ZZ"' in said
        assert "secret" not in said and "s3cret" not in said and "=x" not in said
