"""Every command has help text and a README mention; the README's examples stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from plancli.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names.extend(f"{name} {s}" for s in sub) if sub else names.append(name)
    return sorted(names)


def test_there_are_commands() -> None:
    assert {"targets", "show", "validate", "schema", "init", "status"} <= set(_commands())


def test_root_help_lists_each_command_once_under_its_topic(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--help")
    assert result.exit_code == 0
    sections: dict[str, list[str]] = {}
    for block in result.stdout.split("\n\n"):
        title, *rows = block.strip().splitlines()
        if title.endswith(":") and title not in ("Options:",):
            sections[title[:-1]] = [row.split()[0] for row in rows]
    assert list(sections) == ["Where we stand", "Recording progress", "The plan", "Files"]
    assert sections["Where we stand"] == ["status", "gap", "show", "report"]
    listed = [name for names in sections.values() for name in names]
    top_level = sorted({name.split()[0] for name in _commands()})
    assert sorted(listed) == top_level  # each once; none left to an "Other" heading


@pytest.mark.parametrize("name", _commands())
def test_command_has_help(invoke, name: str) -> None:
    result = invoke(*name.split(), "--help")
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert f"plancli {name}" in usage.replace("  ", " ")
    assert len(rest.strip().splitlines()[0]) > 10  # a real sentence, not empty


@pytest.mark.parametrize("name", _commands())
def test_command_is_in_the_readme(name: str) -> None:
    # A command may be shown on its topic's page under docs/ (the README links them), as the
    # shared ledger's `ledger init` and `ledger grant` are in docs/shared-ledger.md.
    pages = [README, *sorted((README.parent / "docs").glob("*.md"))]
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    assert re.search(rf"plancli (\[?-[^\n`]*\s)?{re.escape(name)}\b", text), (
        f"neither README.md nor docs/ ever shows `plancli {name}`"
    )


def test_readme_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "python3 -m pip install . && plancli status" in text
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in text


def test_ci_runs_the_readme_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in ci
    assert "set -euo pipefail" in ci
