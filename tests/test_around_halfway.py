"""A level X左右 moving from its baseline toward X is judged at no less than half the move (audit A
s24, D1): 上海 研发经费投入强度 4.6%左右 after 2025's 4.5% was judged ≥ 4.1 % with the 0.5 pp
meant for growth rates, so 4.2 (a fall) was 完成; 江苏 3.42%左右 after 3.38 judged 3.0 met.
Real values: the audit's reproduction on shanghai-2026 and jiangsu-2026.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

from plancli.assess.bounds import bound_of
from plancli.plan import load_plan


def _run(invoke, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return re.sub(r"  +", "  ", result.output)


def test_a_level_moving_toward_x_is_judged_half_way_from_its_baseline() -> None:
    for plan, low in (("shanghai-2026", D("4.55")), ("jiangsu-2026", D("3.40"))):
        target = next(t for t in load_plan(plan).targets if t.id == "rd_intensity")
        bound = bound_of(target, load_plan(plan).plan.status)
        assert bound is not None and bound.low == low and bound.around_baseline is not None


def test_an_unemployment_ceiling_above_its_baseline_keeps_the_default() -> None:
    plan = load_plan("tianjin-2026")
    target = next(t for t in plan.targets if t.id == "surveyed_unemployment_rate")
    bound = bound_of(target, plan.plan.status)
    assert bound is not None and bound.high == 6 and bound.around_baseline is None


def test_show_gap_and_report_name_the_capped_edge_and_why(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sh = ("--plan", "shanghai-2026", "--ledger", str(tmp_path / "sh.toml"))
    js = ("--plan", "jiangsu-2026", "--ledger", str(tmp_path / "js.toml"))
    _run(invoke, *sh, "record", "rd_intensity", "4.2", "--period", "2026")
    _run(invoke, *js, "record", "rd_intensity", "3.0", "--period", "2026")
    zh = _run(invoke, *sh, "--lang", "zh", "show", "rd_intensity")
    assert zh.count("目标  ≈ 4.6 %，按 ≥ 4.55 % 考核（上年4.5%至目标4.6%的中点）") == 2
    assert "状态  未完成" in zh
    out = json.loads(_run(invoke, *js, "gap", "--as-of", "2026", "--json"))
    rd = next(t for t in out["targets"] if t["id"] == "rd_intensity")
    assert (rd["status"], rd["low"], rd["around_baseline"], rd["gap"]) == ("missed", 3.4, 3.38, 0.4)
    report = _run(invoke, *js, "--lang", "zh", "report", "--as-of", "2026")
    assert (
        "全社会研发投入强度为3.0%，低于3.42%左右的目标（按3.4%以上考核，即上年3.38%至目标3.42%的中点）"
        "0.4个百分点。"
    ) in report
    en = _run(invoke, *js, "report", "--as-of", "2026")
    assert "(about 3.42%, judged as at least 3.4%, half-way from last year's 3.38% to 3.42%)" in en
    amend = _run(invoke, *sh, "amend", "rd_intensity", "--around", "4.7", "--from", "2026-06")
    assert "judged ≥ 4.6 % (half-way from last year's 4.5 % to the target 4.7 %)" in amend


def test_an_explicit_tolerance_wins(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sh = ("--plan", "shanghai-2026", "--ledger", str(tmp_path / "sh.toml"))
    args = ("amend", "rd_intensity", "--around", "4.6", "--tolerance", "0.2", "--from", "2026-06")
    amend = _run(invoke, *sh, *args)
    assert "judged ≥ 4.4 %" in amend and "half-way" not in amend
