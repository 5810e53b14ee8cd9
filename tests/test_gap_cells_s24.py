"""The cells of `gap` and `status` found misleading by session 24's user audits:

- audit M D7: a milestone's shortfall (30 % done of 100 %) is 70 个百分点 / 70 pp, as the report
  (差20个百分点) and the same row's need (11.67个百分点/月) say, not `70%`;
- audit K D7: an X左右 target's 差距 is measured from the edge it is judged at (甘肃 GDP 5.5%左右
  at ≥ 5, 贵州 城镇新增就业60万人左右 at ≥ 57), so the target cell names that edge, as `show`
  (`≈ 5.5 %，按 ≥ 5 % 考核`) and the report's sentence do.

Real values: the bundled plans guandu-2022, gansu-2026, guizhou-2026 and the auditors' figures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.screens import caller, row


@pytest.fixture
def call(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    return caller(tmp_path, invoke, monkeypatch, lang="zh", columns=200)


# ------------------------------------------------ audit M D7: a milestone's gap in points


def test_milestone_gap_is_in_points(call: Callable[..., str]) -> None:
    call("guandu-2022", "record", "metaverse_demo_base_landed", "30", "--period", "2022-Q2")
    zh = row(call("guandu-2022", "gap", "--as-of", "2022-06"), "metaverse_demo_base_landed")
    assert "30%/100% 70个百分点 30% -20 11.67个百分点/月" in zh
    en = row(call("guandu-2022", "gap", "--as-of", "2022-06", lang="en"), "metaverse")
    assert "30%/100% 70 pp 30%" in en
    show = call("guandu-2022", "show", "metaverse_demo_base_landed", "--as-of", "2022-06")
    assert "差距          70 个百分点" in show
    call("guandu-2022", "record", "metaverse_demo_base_landed", "80", "--period", "2022")
    year_end = row(call("guandu-2022", "gap", "--as-of", "2022-12"), "metaverse_demo_base_landed")
    assert "未完成 80%/100% 20个百分点 80%" in year_end


# ------------------------------------- audit K D7: an X左右's table cell names its judged edge


def test_around_growth_names_its_edge_in_status_and_gap(call: Callable[..., str]) -> None:
    """甘肃 GDP 5.5%左右 at 4.8 %: 0.2 个百分点 short of ≥ 5, not 0.7 of 5.5."""
    call("gansu-2026", "record", "gdp", "4.8", "--amount", "2950.3", "--period", "2026-09")
    call("gansu-2026", "record", "urban_income", "4.4", "--period", "2026-09")
    status = call("gansu-2026", "status", "--as-of", "2026-09")
    assert "gdp 地区生产总值 ≈ 5.5%（≥5%） 4.8% 0.2个百分点 存在风险" in row(status, "gdp")
    gap = call("gansu-2026", "gap", "--as-of", "2026-09", columns=120)
    assert "存在风险 4.8%/≈5.5%（≥5%） 0.2个百分点 5.68%" in row(gap, "gdp")
    assert "4.4%/≈5%（≥4.5%） 0.1个百分点" in row(gap, "urban_income")
    show = call("gansu-2026", "show", "gdp", "--as-of", "2026-09")
    assert "≈ 5.5 %，按 ≥ 5 % 考核" in show  # the same edge, as `show` has said it
    en = call("gansu-2026", "status", "--as-of", "2026-09", lang="en")
    assert "≈ 5.5% (≥5%) 4.8% 0.2 pp at risk" in row(en, "gdp")


def test_around_count_names_its_edge(call: Callable[..., str]) -> None:
    """贵州 城镇新增就业60万人左右, judged at ≥ 57: 40 of it is 17 short, not 20."""
    call("guizhou-2026", "record", "new_urban_jobs", "40", "--period", "2026-09")
    gap = call("guizhou-2026", "gap", "--as-of", "2026-09", columns=120)
    assert "40/≈60万人（≥57万人） 17万人 70.18%" in row(gap, "new_urban_jobs")
    status = call("guizhou-2026", "status", "--as-of", "2026-09")
    assert "≈ 60万人（≥57万人） 40万人 17万人 存在风险" in row(status, "new_urban_jobs")
    en = call("guizhou-2026", "gap", "--as-of", "2026-09", lang="en", columns=120)
    assert "40/≈60 万人 (≥57 万人) 17 万人" in row(en, "new_urban_jobs")


@pytest.mark.parametrize("columns", [80, 60])
def test_a_narrow_terminal_keeps_the_edge_whole(call: Callable[..., str], columns: int) -> None:
    """Too narrow for the whole cell, it breaks after the `/` and before the edge, never
    inside `（≥5%）`; at 60 columns `gap` keeps the growth the rest of the year needs."""
    call("gansu-2026", "record", "gdp", "4.8", "--amount", "2950.3", "--period", "2026-09")
    call("gansu-2026", "record", "cpi", "2.9", "--period", "2026-09")
    for command in ("gap", "status"):
        out = call("gansu-2026", command, "--as-of", "2026-09", columns=columns)
        assert "（≥5%）" in out and "（1.5–2.5%）" in out, out
        assert max(len(line) for line in out.splitlines()) <= columns
    gap = call("gansu-2026", "gap", "--as-of", "2026-09", columns=columns)
    assert "5.68%" in gap


def test_the_reports_tables_name_the_judged_edge_too(call: Callable[..., str]) -> None:
    """The report's headline table showed `≈ 5.5%` beside `0.2个百分点`, measured from 5, as the
    terminal's tables did before (audit K D7; the report's sentence already named it)."""
    call("gansu-2026", "record", "gdp", "4.8", "--period", "2026-Q2")
    zh = call("gansu-2026", "report", "--format", "md", "--as-of", "2026-06")
    assert "| 地区生产总值 | ≈ 5.5%（≥5%） | 4.8% | 0.2个百分点 | 存在风险 |" in zh
    en = call("gansu-2026", "report", "--format", "md", "--as-of", "2026-06", lang="en")
    assert "| Gross regional product (GDP) | ≈ 5.5% (≥5%) | 4.8% | 0.2 pp | at risk |" in en
