"""Session 29 (small): a SQLite ledger under a name that does not say so (`city.sqlite3`, no
suffix) is read by its header, not as invalid TOML; a plan figure typed with its unit is told
where the unit goes; a ledger's dotted key is named at its own line; `template`'s unit column
in Chinese punctuation under zh, the old wording still imported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.mark.parametrize("name", ["city.sqlite3", "backup", "figures.ledger"])
def test_an_existing_sqlite_ledger_of_any_name_is_read_as_sqlite(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, name: str
) -> None:
    """`ledger convert city.sqlite3 out.toml` and `--ledger city.sqlite3 …` read a SQLite file
    as TOML and stopped with `invalid TOML` (exit 3): its 16-byte header says what it is."""
    plan = str(mini_plan)
    assert invoke("--plan", plan, "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    folder = mini_plan.parent
    made = invoke(
        "--plan", plan, "ledger", "convert",
        str(folder / "mini.progress.toml"), str(folder / "made.sqlite"),
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    renamed = folder / name
    shutil.move(folder / "made.sqlite", renamed)
    shown = invoke("--plan", plan, "--ledger", str(renamed), "history", "--csv")
    assert shown.exit_code == 0, shown.stderr
    assert ",2022-Q2,5.2," in shown.stdout
    # written as SQLite too: the header stays, the new figure is read back
    ledger = ("--plan", plan, "--ledger", str(renamed))
    wrote = invoke(*ledger, "record", "gdp", "5.3", "-p", "2022-Q3")
    assert wrote.exit_code == 0, wrote.stderr
    assert renamed.read_bytes().startswith(b"SQLite format 3\x00")
    out = folder / "back.toml"
    back = invoke("--plan", plan, "ledger", "convert", str(renamed), str(out))
    assert back.exit_code == 0, back.stderr
    assert f"{renamed} (sqlite) -> {out} (toml)" in back.stderr
    text = out.read_text(encoding="utf-8")
    assert 'period = "2022-Q2"\nvalue = 5.2' in text
    assert 'period = "2022-Q3"\nvalue = 5.3' in text


def test_a_text_file_of_another_name_is_still_read_as_toml(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    plan = str(mini_plan)
    assert invoke("--plan", plan, "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    renamed = mini_plan.parent / "figures.ledger"
    shutil.move(mini_plan.parent / "mini.progress.toml", renamed)
    shown = invoke("--plan", plan, "--ledger", str(renamed), "history", "--csv")
    assert shown.exit_code == 0, shown.stderr
    assert ",2022-Q2,5.2," in shown.stdout
    assert not renamed.read_bytes().startswith(b"SQLite")
