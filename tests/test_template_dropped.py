"""`template` asked departments for a target dropped by `amend --drop` (不再考核) every period
after (audit V D9): `gap` no longer judges it, and a figure entered was recorded against a
dropped target. From its drop on it is left out, as a milestone done is."""

from __future__ import annotations

from pathlib import Path

import pytest

GUANDU = "guandu-2022"
TARGET = "new_5g_base_stations"


@pytest.mark.parametrize("suffix", [".progress.toml", ".progress.sqlite"])
def test_a_dropped_target_is_asked_for_until_its_drop_only(
    invoke, tmp_path: Path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / f"work{suffix}")

    def run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", GUANDU, "--ledger", ledger, *args)

    def asked(period: str) -> list[str]:
        result = run("template", "-p", period, "-")
        assert result.exit_code == 0, result.stderr
        return [line.split(",")[0] for line in result.stdout.splitlines()[1:]]

    assert run("record", TARGET, "600", "-p", "2022-Q2").exit_code == 0
    assert TARGET in asked("2022-09") and TARGET in asked("2022-12")
    drop = run("amend", TARGET, "--from", "2022-Q3", "--drop", "--note", "不再考核")
    assert drop.exit_code == 0, drop.stderr
    assert TARGET in asked("2022-06")  # before its drop: still due
    assert TARGET not in asked("2022-09")
    assert TARGET not in asked("2022-12")
    assert len(asked("2022-12")) > 10  # the others are all still there
