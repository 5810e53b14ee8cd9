"""Session 37: `ledger convert EMPTY TO --force` replaced TO's records with none, exit 0
(`converted 0 records`): a wrong or blank file given as the source emptied the ledger, a
bureau's whole one in a database. An empty source is now refused whenever TO holds records or
amendments, naming both and how many TO holds, exit 2, nothing written, unless `--allow-empty`
(git's word for an empty commit) says so. One rule in `stores/copy.py`, for every store; the
database's own test is test_ledger_postgres_empty_s37."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

EMPTY_LEDGER = "version = 1\n"  # a valid ledger with no record: what `convert` reads as empty


@pytest.fixture
def filled(invoke: Any, mini_plan: Path, tmp_path: Path) -> Any:
    """Run plancli on mini.toml; its ledger `real.toml` holds 2 records and 1 amendment."""

    def run(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", str(mini_plan), *args)

    real = str(tmp_path / "real.toml")
    for args in (("g5", "150", "-p", "2022-06"), ("gdp", "5.2", "-p", "2022-Q2")):
        assert run("--ledger", real, "record", *args).exit_code == 0
    amended = run("--ledger", real, "amend", "g5", "--from", "2022-09", "--min", "320")
    assert amended.exit_code == 0, amended.stderr
    (tmp_path / "EMPTY.toml").write_text(EMPTY_LEDGER, encoding="utf-8")
    return run


@pytest.mark.parametrize("name", ["copy.toml", "copy.sqlite"])
def test_an_empty_source_does_not_empty_a_ledger_file(
    filled: Any, tmp_path: Path, name: str
) -> None:
    copy, empty = tmp_path / name, tmp_path / "EMPTY.toml"
    made = filled("ledger", "convert", str(tmp_path / "real.toml"), str(copy))
    assert made.exit_code == 0, made.stderr
    kept = copy.read_bytes()
    for force in (["--force"], []):  # before: --force wrote 0 records, exit 0
        refused = filled("ledger", "convert", str(empty), str(copy), *force)
        assert refused.exit_code == 2, refused.stderr
        assert refused.stderr == (
            f"error: {empty} holds no records; {copy} holds 2 records and 1 amendment: "
            "nothing was written (to empty it, pass --force --allow-empty)\n"
        )
        assert copy.read_bytes() == kept
    zh = filled("ledger", "convert", str(empty), str(copy), "--force", lang="zh")
    assert zh.exit_code == 2 and copy.read_bytes() == kept
    assert zh.stderr == (
        f"错误：{empty} 中没有记录，而 {copy} 中有 2 条记录和 1 项调整：未写入任何内容"
        "（确要清空，请加 --force --allow-empty）\n"
    )
    shown = filled("--ledger", str(copy), "history", "g5")
    assert "150" in shown.stdout  # still there
    # Said so: emptied, and an --allow-empty copy without --force is still refused as before.
    assert filled("ledger", "convert", str(empty), str(copy), "--allow-empty").exit_code == 2
    emptied = filled("ledger", "convert", str(empty), str(copy), "--force", "--allow-empty")
    assert emptied.exit_code == 0, emptied.stderr
    assert emptied.stderr.startswith("converted 0 records: ")
    assert "no records of g5" in filled("--ledger", str(copy), "history", "g5").stderr


def test_an_empty_source_into_an_empty_or_new_ledger_is_copied(filled: Any, tmp_path: Path) -> None:
    """Nothing to lose: a new ledger, or one as empty as the source, needs no --allow-empty."""
    empty, new = tmp_path / "EMPTY.toml", tmp_path / "new.sqlite"
    assert filled("ledger", "convert", str(empty), str(new)).exit_code == 0
    again = filled("ledger", "convert", str(empty), str(new), "--force")
    assert again.exit_code == 0, again.stderr
    # A source with figures replaces as before (--force alone).
    real = filled("ledger", "convert", str(tmp_path / "real.toml"), str(new), "--force")
    assert real.exit_code == 0 and real.stderr.startswith("converted 2 records and 1 amendment")
