"""Audit T's report sentences: a fall of a relative target's reference written as a fall
(D2), and a target never given by the year's end worded for a finished year (D3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledgers import start_ledger


def _report(invoke: Any, plan: str, ledger: Path, lang: str, as_of: str) -> str:
    result = invoke("--plan", plan, "--ledger", str(ledger), "--lang", lang, "report",
                    "--as-of", as_of)  # fmt: skip
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _recorded(invoke: Any, plan: str, ledger: Path, *figures: tuple[str, str, str]) -> None:
    for target, value, period in figures:
        result = invoke("--plan", plan, "--ledger", str(ledger), "record", target, value,
                        "--period", period)  # fmt: skip
        assert result.exit_code == 0, result.output


def test_a_falling_reference_is_written_as_a_fall(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # /tmp/s26/auditT/v10: 天津 GDP 一季度 -1.0, 居民收入 -1.5 (同步 within 1 pp)
    ledger = tmp_path / "tianjin.progress.toml"
    start_ledger(ledger)
    _recorded(invoke, "tianjin-2026", ledger,
              ("gdp", "-1.0", "2026-Q1"), ("resident_income", "-1.5", "2026-Q1"))  # fmt: skip
    zh = _report(invoke, "tianjin-2026", ledger, "zh", "2026-03")
    assert "居民收入累计下降1.5%，与地区生产总值（下降1.0%）基本同步。" in zh
    assert "增长（-" not in zh
    en = _report(invoke, "tianjin-2026", ledger, "en", "2026-03")
    assert "in step with Gross regional product (GDP) (down 1.0%)" in en
    assert "at -1%" not in en
    # short of a falling reference: 低于地区生产总值（下降1.0%）1.5个百分点
    _recorded(invoke, "tianjin-2026", ledger, ("resident_income", "-2.5", "2026-Q1"))
    zh = _report(invoke, "tianjin-2026", ledger, "zh", "2026-03")
    assert "居民收入累计下降2.5%，低于地区生产总值（下降1.0%）1.5个百分点" in zh
    en = _report(invoke, "tianjin-2026", ledger, "en", "2026-03")
    assert "1.5 pp below Gross regional product (GDP) (down 1.0%)" in en
    # a rising reference as before: 与地区生产总值增长（4.3%）
    _recorded(invoke, "tianjin-2026", ledger,
              ("gdp", "4.3", "2026-Q1"), ("resident_income", "4", "2026-Q1"))  # fmt: skip
    zh = _report(invoke, "tianjin-2026", ledger, "zh", "2026-03")
    assert "与地区生产总值增长（4.3%）基本同步" in zh
    en = _report(invoke, "tianjin-2026", ledger, "en", "2026-03")
    assert "in step with Gross regional product (GDP) at 4.3%" in en


def test_a_target_never_given_is_worded_for_a_finished_year(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 山东 节能约束性指标 (完成国家下达目标), never amended, no figure; 降碳 with one
    ledger = tmp_path / "shandong.progress.toml"
    start_ledger(ledger)
    _recorded(invoke, "shandong-2026", ledger,
              ("gdp", "5.2", "2026-Q4"), ("co2_intensity", "-2.8", "2026-12"))  # fmt: skip
    zh = _report(invoke, "shandong-2026", ledger, "zh", "2026-12")
    assert "节能约束性指标全年未下达目标，无数据。" in zh
    assert "降碳约束性指标下降2.8%，全年未下达目标。" in zh
    assert "待国家下达" not in zh and "尚无数据" not in zh
    en = _report(invoke, "shandong-2026", ledger, "en", "2026-12")
    assert (
        "Binding energy-saving indicator: its target was never set (pending), and no figure "
        "came for the year."
    ) in en
    assert "still to be set" not in en
    # during the year as before
    zh = _report(invoke, "shandong-2026", ledger, "zh", "2026-09")
    assert "节能约束性指标待国家下达目标，尚无数据。" in zh
