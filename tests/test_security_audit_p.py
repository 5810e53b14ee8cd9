"""Audit P (session 25, security review): the defects it found against docs/security*.md, each
pinned with the audit's own inputs (/tmp/s25/auditP/REPORT.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def one_line_refusal(result: Any, code: int, *words: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# D2: `template LINK.csv --force` wrote a blank sheet through a link onto the ledger in use
# (every recorded figure lost) or onto the plan; `report -o` refused the same link.


@pytest.mark.parametrize("suffix", [".progress.toml", ".progress.sqlite"])
def test_template_through_a_link_to_the_ledger_in_use_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    suffix: str,
) -> None:
    ledger = mini_plan.with_name("mini" + suffix)
    args = ("--plan", str(mini_plan), "--ledger", str(ledger))
    assert invoke(*args, "record", "g5", "150", "-p", "2022-06").exit_code == 0
    before = ledger.read_bytes()
    alias = mini_plan.with_name("alias.csv")
    alias.symlink_to(ledger.name)
    result = invoke(*args, "template", "-p", "2022-06", str(alias), "--force")
    one_line_refusal(result, 2, "alias.csv is the ledger in use: a template would replace it")
    assert ledger.read_bytes() == before
    assert alias.is_symlink()
    # a hard link and a path through the parent folder name the same file
    hard = mini_plan.with_name("hard.csv")
    os.link(ledger, hard)
    result = invoke(*args, "template", "-p", "2022-06", str(hard), "--force")
    one_line_refusal(result, 2, "is the ledger in use")
    assert ledger.read_bytes() == before


def test_template_through_a_link_to_the_plan_or_another_ledger_is_refused(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
) -> None:
    other = mini_plan.with_name("other.progress.toml")
    args = ("--plan", str(mini_plan))
    assert (
        invoke(*args, "--ledger", str(other), "record", "g5", "1", "-p", "2022-06").exit_code == 0
    )
    plan_bytes, other_bytes = mini_plan.read_bytes(), other.read_bytes()
    (mini_plan.parent / "plalias.csv").symlink_to("mini.toml")
    (mini_plan.parent / "oalias.xlsx").symlink_to("other.progress.toml")
    result = invoke(
        *args, "template", "-p", "2022-06", str(mini_plan.parent / "plalias.csv"), "--force"
    )
    one_line_refusal(result, 2, "plalias.csv is the plan in use: a template would replace it")
    result = invoke(
        *args, "template", "-p", "2022-06", str(mini_plan.parent / "oalias.xlsx"), "--force"
    )
    one_line_refusal(result, 2, "oalias.xlsx is a ledger of recorded figures")
    assert mini_plan.read_bytes() == plan_bytes and other.read_bytes() == other_bytes
    # a filled-in sheet is still replaced with --force, as documented
    sheet = mini_plan.with_name("june.csv")
    sheet.write_text("target,period,value\ng5,2022-06,150\n", encoding="utf-8")
    assert invoke(*args, "template", "-p", "2022-06", str(sheet), "--force").exit_code == 0
    assert "150" not in sheet.read_text(encoding="utf-8-sig")
