"""Session 39's walk of the bundled 河南 2026 plan (城镇新增就业110万人以上; 进出口稳量提质), an
analyst's half year recorded by hand and from a bulletin laid out as 河南省统计局 publishes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def _current(invoke: Any, args: list[str], target: str) -> dict[str, Any]:
    result = invoke(*args, "gap", "--json")
    assert result.exit_code == 0, result.output
    rows = [row for row in json.loads(result.stdout)["targets"] if row["id"] == target]
    return rows[0]


BULLETIN = """2026年1-6月全省主要经济指标
指标,1-6月（亿元）,增长（%）
地区生产总值,32015.62,5.3
"""


@pytest.mark.parametrize("name", ["进出口总值", "货物进出口总值", "外贸进出口总值"])
def test_a_bulletins_jinchukou_zongzhi_is_the_plans_foreign_trade(
    invoke: Any, tmp_path: Path, name: str
) -> None:
    """Before: `进出口总值` — the 河南 report's own words (进出口总值增长14.1%) and 海关's — was
    no target (`是否想找 进出口总额（foreign_trade）？`), though 进出口总额 was read."""
    args = ["--plan", "henan-2026", "--ledger", str(tmp_path / "hn.progress.toml")]
    bulletin = tmp_path / "1-6月.csv"
    bulletin.write_text(f"{BULLETIN}{name},4562.3,12.0\n", encoding="utf-8")
    result = invoke("--lang", "zh", *args, "import", str(bulletin))
    assert result.exit_code == 0, result.output
    row = _current(invoke, args, "foreign_trade")
    assert (row["period"], row["actual"]) == ("2026-06", 12.0)
