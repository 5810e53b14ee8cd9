"""Session 39's walk of the bundled 浙江 2026 plan in Chinese (全省生产总值增长5%—5.5%; 城镇调查
失业率5%以内; 居民消费价格涨幅2%左右; 居民人均可支配收入增长与经济增长同步): a half year recorded
by hand and from the 统计局's bulletin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def zhejiang(invoke: Any, tmp_path: Path) -> list[str]:
    """一季度 and 上半年 as an analyst types them; CPI's 1-3月 and 1-6月, one of them corrected."""
    args = ["--plan", "zhejiang-2026", "--ledger", str(tmp_path / "zj.progress.toml")]
    for target, value, period in [
        ("gdp", "5.6", "一季度"),
        ("gdp", "5.4", "上半年"),
        ("cpi", "0.3", "1-3月"),
        ("cpi", "0.5", "1-6月"),
        ("cpi", "0.4", "2026年1-6月"),
        ("resident_income", "4.8", "上半年"),
    ]:
        assert invoke(*args, "record", target, value, "-p", period).exit_code == 0
    return args


def test_history_says_the_year_is_when_a_figure_was_entered(
    invoke: Any, zhejiang: list[str]
) -> None:
    """Before: `2026年记录` over `（UTC）` above the times — read as "the records of 2026", the
    plan's year (and over 2022's figures in docs/monthly-update-zh.md, "2026's records" of a
    2022 plan). The year is the time's, as the English `recorded` over `2026 (UTC)` says:
    `2026年录入`, no wider (10 cells)."""
    result = invoke("--lang", "zh", *zhejiang, "history", "cpi")
    assert result.exit_code == 0, result.output
    assert "年记录" not in result.stdout, result.stdout
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "年录入" in line)
    assert lines[at].split() == ["2026年录入"] and "（UTC）" in lines[at + 1], result.stdout
