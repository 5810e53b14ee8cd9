"""A `change` target's figure is a change in 百分点, and every table says so (audit of the
assessment, defect 3).

Gansu 2026's 常住人口城镇化率提高1个百分点以上, base 58.08 % (2025), 58.5 % recorded for June:
the change is +0.42 个百分点. Every table printed `0.42%` under 完成值, which a director reads as
an urbanisation rate of 0.42 %, beside a bound in 百分点; a fall would have printed `-0.3%`, a
growth rate's look.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture
def gansu(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "gs.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "gansu-2026", "--ledger", str(ledger), *args)

    assert call("record", "urbanization_rate", "58.08", "--period", "2025").exit_code == 0
    return call


def test_a_rise_reads_as_a_rise_in_points_in_every_table(gansu) -> None:  # type: ignore[no-untyped-def]
    assert gansu("record", "urbanization_rate", "58.5", "--period", "2026-06").exit_code == 0
    gap = gansu("gap").stdout
    assert "+0.42 pp/rise ≥1 pp" in gap and "0.42%" not in gap
    zh_show = gansu("--lang", "zh", "show", "urbanization_rate").stdout
    # the labels' column is as wide as the longest (存在风险容差 / at-risk tolerance)
    assert re.search(r"\n完成值 +提高0.42个百分点\n", zh_show)
    assert re.search(r"\nactual +\+0.42 pp\n", gansu("show", "urbanization_rate").stdout)
    zh_status = gansu("--lang", "zh", "status").stdout
    assert "提高0.42个百分点" in zh_status and "0.42%" not in zh_status
    assert "+0.42 pp" in gansu("status").stdout
    zh_report = gansu("--lang", "zh", "report", "--format", "md").stdout
    assert (
        "| 常住人口城镇化率 | 提高 ≥ 1个百分点 | 提高0.42个百分点 | 0.58个百分点 | 存在风险 |"
        in zh_report
    )
    assert "| 提高0.42个百分点 / 提高 ≥ 1个百分点 |" in zh_report
    en_report = gansu("report", "--format", "md").stdout
    assert "| rise ≥ 1 pp | +0.42 pp | 0.58 pp | at risk |" in en_report


def test_a_fall_reads_as_a_fall(gansu) -> None:  # type: ignore[no-untyped-def]
    assert gansu("record", "urbanization_rate", "57.78", "--period", "2026-06").exit_code == 0
    assert "-0.3 pp/rise ≥1 pp" in gansu("gap").stdout
    assert "下降0.3个百分点" in gansu("--lang", "zh", "gap").stdout
