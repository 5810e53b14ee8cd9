"""Audit S (四川省2026 时间过半 report): the decline targets and the forms' wording.

Every bundled 2026 plan's 下降 targets (节能, 降碳) are pending until the 国家下达 amendment:
the amendment, the charts, the workbook and the sentences must keep a fall a fall.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "sc.progress.toml"

    def call(plan: str, *args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(ledger), *args)

    return call


def assessed(run, plan: str, target: str, as_of: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run(plan, "gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    [row] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == target]
    return dict(row)


# D1: a pending 下降 target given `--max 3.5` was "下降 ≤ 3.5%", so a 2 % rise was on track


def test_a_ceiling_on_the_fall_of_a_pending_decline_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "sichuan-2026", "amend", "co2_intensity", "--max", "3.5", "--from", "2026-06",
        "--note", "国家下达",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "error: co2_intensity is a 下降 target: its bound is the size of the fall, and --max "
        "3.5 alone (下降 ≤ 3.5%) would let any rise pass; give --min 3.5 (下降3.5%以上) or "
        "--around 3.5\n"
    )
    zh = run(
        "sichuan-2026", "--lang", "zh", "amend", "co2_intensity", "--max", "3.5", "--from",
        "2026-06",
    )  # fmt: skip
    assert zh.exit_code == 2
    assert "--min 3.5" in zh.stderr and "co2_intensity" in zh.stderr


def test_a_pending_decline_amended_with_min_judges_a_rise_behind(run) -> None:  # type: ignore[no-untyped-def]
    amended = run(
        "sichuan-2026", "amend", "co2_intensity", "--min", "3.5", "--from", "2026-06",
        "--note", "国家下达",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.stderr
    assert run("sichuan-2026", "record", "co2_intensity", "增长2.0", "--period", "2026-06").exit_code == 0
    row = assessed(run, "sichuan-2026", "co2_intensity", "2026-06")
    assert (row["status"], row["direction"], row["low"], row["high"]) == ("behind", "up", 3.5, None)
    assert row["gap"] == 5.5


def test_a_pending_decline_takes_a_range_of_falls(run) -> None:  # type: ignore[no-untyped-def]
    """Both edges: a fall between 2 and 4 % (a band on the fall), a rise outside it."""
    amended = run(
        "sichuan-2026", "amend", "co2_intensity", "--min", "2", "--max", "4", "--from", "2026-06"
    )
    assert amended.exit_code == 0, amended.stderr
    run("sichuan-2026", "record", "co2_intensity", "增长2.0", "--period", "2026-06")
    row = assessed(run, "sichuan-2026", "co2_intensity", "2026-06")
    assert (row["direction"], row["low"], row["high"], row["gap"]) == ("band", 2, 4, 4)
