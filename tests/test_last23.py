"""Leftovers of session 23: a rise recorded for a trend target meant to fall, a stock counted
from its opening in the year's list during the year, and the English report's cell for a
relation whose reference has no figure for the period yet.

Real plans: the bundled shanghai-2026 (co2_intensity: 单位生产总值二氧化碳排放量进一步下降)
and guandu-2022 (data/plan2022.toml: ftz_reform_tasks_completion from 90.8 %, and the audit's
ledger tests/fixtures/audit-c-h1.csv).
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


# ------------------------------ 2: a stock from its opening in the year's list, during the year


def test_a_stock_from_its_opening_in_the_years_list_during_the_year(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The list said `（完成45.65%，落后进度…）` for 95 % against 100 %: 45.65 % is the year's
    rise from 90.8 %, as the year-end item and the headline sentence say."""
    args = ("--plan", "guandu-2022", "--ledger", str(tmp_path / "g.progress.toml"))
    recorded = invoke(*args, "record", "ftz_reform_tasks_completion", "95", "--period", "2022-Q3")
    assert recorded.exit_code == 0, recorded.output
    zh = invoke(*args, "--lang", "zh", "report", "--format", "md").stdout
    assert (
        "自贸试验区改革试点任务完成率（由年初90.8%提高到95%，年度目标100%，"
        "完成年度提升任务的45.65%，落后进度29.35个百分点）"
    ) in zh
    assert "完成45.65%" not in zh
    en = invoke(*args, "--lang", "en", "report", "--format", "md").stdout
    assert (
        "Completion of the FTZ reform pilot tasks (of 141) (up from 90.8% at the year's start "
        "to 95%, target 100%: 45.65% of the year's rise done, 29.35 pp behind pace)"
    ) in en
    assert "45.65% done" not in en


# ------------------------------------------ 3: a reference with no figure for the period yet


@pytest.fixture
def first_quarter(tmp_path: Path, invoke) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Audit C §1's order: the first quarter's figures, then the Q2 incomes before Q2's GDP."""
    ledger = tmp_path / "q.progress.toml"
    q1 = [
        line
        for line in (FIXTURES / "audit-c-h1.csv").read_text(encoding="utf-8").splitlines()
        if line.split(",")[1] in ("2022-Q1", "2022-01", "2022-02", "2022-03")
    ]
    files = {
        "q1.csv": "target,period,value,amount,note,source\n" + "\n".join(q1) + "\n",
        "q2inc.csv": "target,period,value\nurban_income,2022-Q2,4.1\nrural_income,2022-Q2,6.3\n",
    }
    args = ("--plan", "guandu-2022", "--ledger", str(ledger))
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = invoke(*args, "import", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    return args


def test_the_report_says_a_reference_not_yet_out_as_the_tables_do(invoke, first_quarter) -> None:  # type: ignore[no-untyped-def]
    """The English report said `≈ Gross regional product (GDP) (no figure yet)`; `status` and
    `gap` say `not yet out for 2022-Q2`, and the Chinese report `地区生产总值同期尚无数据`."""
    en = invoke(*first_quarter, "--lang", "en", "report", "--format", "md").stdout
    cell = "≈ Gross regional product (GDP) (not yet out for 2022-Q2)"
    assert f"| Per-capita disposable income of urban residents | {cell} | 4.1% |" in en
    assert (
        "Per-capita disposable income of urban residents grew 4.1% year to date; Gross regional "
        "product (GDP) is not yet out for 2022-Q2."
    ) in en
    assert "no figure yet" not in en and "no figure for the same period" not in en
    zh = invoke(*first_quarter, "--lang", "zh", "report", "--format", "md").stdout
    assert "| 城镇常住居民人均可支配收入 | ≈ 地区生产总值（同期尚无数据） | 4.1% |" in zh
    assert "城镇常住居民人均可支配收入累计增长4.1%，地区生产总值同期尚无数据。" in zh
