"""`show` says where an X左右 target is judged and what its 1 pp is (audit P, D5): `目标 ≈ 5.5 %`
over `容差 1 个百分点` read as 5.5 ± 1 (4.5 passing), and nothing said the unemployment ceiling
of 5.5%左右 is judged at 6 %. Real values: the audit's reproduction on sichuan-2026.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture
def show(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "sichuan.progress.toml"
    for args in (
        ("record", "gdp", "5.3", "--period", "2026-Q2"),
        ("record", "surveyed_unemployment_rate", "5.9", "--period", "2026-06"),
        ("amend", "co2_intensity", "--around", "3.8", "--from", "2026-06", "--note", "国家下达"),
        ("record", "co2_intensity", "下降3.1", "--period", "2026-06"),
    ):
        result = invoke("--plan", "sichuan-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output

    def call(lang: str, target: str) -> list[str]:
        args = ("--plan", "sichuan-2026", "--ledger", str(ledger), "--lang", lang, "show", target)
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        return [re.sub(r"  +", "  ", line.strip()) for line in result.stdout.splitlines()]

    return call


def test_show_names_the_edge_a_target_of_about_x_is_judged_at(show) -> None:  # type: ignore[no-untyped-def]
    gdp = show("zh", "gdp")
    assert gdp.count("目标  ≈ 5.5 %，按 ≥ 5 % 考核") == 2  # the plan's bound and the assessment's
    assert "存在风险容差  1 个百分点" in gdp and "容差  1 个百分点" not in gdp
    assert show("zh", "surveyed_unemployment_rate").count("目标  ≈ 5.5 %，按 ≤ 6 % 考核") == 2
    assert "目标  ≈ 2 %，按 1.5–2.5 % 考核" in show("zh", "cpi")
    co2 = show("zh", "co2_intensity")
    assert "目标  下降 ≈ 3.8 %，按 下降 ≥ 3.3 % 考核" in co2  # amended: as `amend` said it
    en = show("en", "gdp")
    assert en.count("target  ≈ 5.5 %, judged ≥ 5 %") == 2
    assert "at-risk tolerance  1 pp" in en
    assert "target  fall ≈ 3.8 %, judged fall ≥ 3.3 %" in show("en", "co2_intensity")


def test_a_bound_that_states_its_edge_is_shown_as_before(show) -> None:  # type: ignore[no-untyped-def]
    revenue = show("zh", "budget_revenue")
    assert "目标  ≥ 2 %" in revenue and "考核" not in "".join(revenue)
