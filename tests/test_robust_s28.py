"""Session 28's hostile-input defects left open by the fuzzing audit: a folder as the ledger
(exit 2 for every command and store, as a folder as the plan), a figure or time of the wrong
type in a TOML plan or ledger (refused, not read as 7 or as 1970), and the report readers."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("suffix", [".progress.toml", ".progress.sqlite", ".db", ""])
@pytest.mark.parametrize(
    "command",
    [["status"], ["history"], ["gap"], ["record", "gdp", "5", "-p", "2022-Q2"], ["undo"]],
    ids=lambda c: c[0],
)
def test_a_folder_as_the_ledger_is_a_usage_error_for_every_command(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, suffix: str, command: list[str]
) -> None:
    """`--ledger DIR` exited 3 (an invalid ledger file) for the readers and 2 for the
    writers; a folder is a path error, exit 2, as the docs say (security-files.md: folders
    refused), whatever the store its name picks."""
    folder = mini_plan.parent / f"figures{suffix}"
    folder.mkdir()
    result = invoke("--plan", str(mini_plan), "--ledger", str(folder), *command)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: ")
    assert "is a folder" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []  # nothing written into it

