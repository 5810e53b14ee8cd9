"""Leftovers of session 23: a rise recorded for a trend target meant to fall, a stock counted
from its opening in the year's list during the year, and the English report's cell for a
relation whose reference has no figure for the period yet.

Real plans: the bundled shanghai-2026 (co2_intensity: 单位生产总值二氧化碳排放量进一步下降)
and guandu-2022 (data/plan2022.toml: ftz_reform_tasks_completion from 90.8 %, and the audit's
ledger tests/fixtures/audit-c-h1.csv).
"""

from __future__ import annotations

from pathlib import Path

from plancli.stores.toml import read_toml_ledger

FIXTURES = Path(__file__).parent / "fixtures"

# ------------------------------------------- 1: a rise recorded for a trend target going down

RISE = (
    "co2_intensity 2026 = 2 %: a rise recorded for a trend target meant to fall (direction "
    "down); if it was a fall, type 下降2 or -2"
)
RISE_ZH = "co2_intensity 2026 = 2 %：下降趋势目标录入的是增长数；如为下降，请填 下降2 或 -2"


def test_a_rise_recorded_for_a_trend_down_target_is_warned_of(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """上海's co2_intensity (进一步下降, kind trend, direction down) took 2 for a 2 % fall
    without a word, judged a rise and missed; a 下降 (decline) target's 2 was warned of."""
    ledger = tmp_path / "sh.progress.toml"
    plan = ("--plan", "shanghai-2026", "--ledger", str(ledger))
    record = (*plan, "record", "co2_intensity", "2", "--period", "2026")
    result = invoke(*record, "--lang", "en", "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"warning: {RISE}" in result.stderr.splitlines()
    result = invoke(*record, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert f"警告：{RISE_ZH}" in result.stderr.splitlines()
    for fall in ("-2", "下降2"):
        result = invoke(*plan, "record", "co2_intensity", fall, "--period", "2026")
        assert result.exit_code == 0, result.output
        assert "警告" not in result.stderr and "warning" not in result.stderr
    path = tmp_path / "全年.csv"
    path.write_text(
        "target,period,value\nco2_intensity,2026,2\ngdp,2026-06,5.1\n", encoding="utf-8"
    )
    fresh = tmp_path / "import.progress.toml"
    result = invoke("--plan", "shanghai-2026", "--ledger", str(fresh), "import", str(path))
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        f"warning: {path}:2: {RISE}"
    ]
    values = {r.target: str(r.value) for r in read_toml_ledger(fresh).records}
    assert values == {"co2_intensity": "2", "gdp": "5.1"}
