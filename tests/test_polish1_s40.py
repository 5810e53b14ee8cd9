"""Session 40's small defects of `status` and `report` found by its walks, with the bundled plans:

1. 江苏's 粮食产量保持稳定 (a trend's band, ±0.5 points) showed its bound twice in every table,
   `保持稳定 ±0.5（保持稳定 ±0.5）`: the edge a 左右 is judged at, repeated for a bound that names
   its edges already.
3. `status`'s 最滞后的工作目标 listed a band target off its band as 偏高: the heading names
   偏离目标区间 then, as the report's (滞后、偏离目标区间和存在风险的目标).
4. The summary wrote an adjusted 左右 target met within its tolerance with two brackets back to
   back, `在合理区间内（按3.5%以上考核）（原计划5%左右）`: one, as a sentence off its tolerance
   says it (`（按3.5%以上考核，原计划5%左右）`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def _run(invoke: Any, plan: str, ledger: Path, *args: str) -> Any:
    result = invoke("--plan", plan, "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return result


# ---------------------------------------------------------------------- 1. a trend's band


@pytest.mark.parametrize("command", ["status", "report", "gap"])
def test_a_trends_band_shows_its_bound_once(invoke, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(invoke, "jiangsu-2026", ledger, "record", "grain_output", "1.2", "--period", "2026")
    out = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", command).stdout
    assert "保持稳定 ±0.5" in out
    assert "（保持稳定" not in out
    english = _run(invoke, "jiangsu-2026", ledger, command).stdout
    assert "(stable" not in english


def test_the_report_table_writes_the_trends_band_once(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(invoke, "jiangsu-2026", ledger, "record", "grain_output", "1.2", "--period", "2026")
    report = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", "report").stdout
    assert "| 粮食产量 | 保持稳定 ±0.5% | 1.2% | 0.7个百分点 | 偏高 |" in report
    assert "| 粮食产量 | 主要预期目标 | 偏高 | 1.2% / 保持稳定 ±0.5% |" in report


def test_a_左右_keeps_the_edge_it_is_judged_at(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(invoke, "jiangsu-2026", ledger, "record", "cpi", "3.0", "--period", "2026-06")
    report = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", "report").stdout
    assert "| 居民消费价格涨幅 | ≈ 2%（1.5–2.5%） | 3.0% | 0.5个百分点 | 偏高 |" in report


# ---------------------------------------------------------------------- 3. the worst list


def _band_in_work(tmp_path: Path) -> Path:
    """The bundled 官渡区 2022 plan with a band target in its 民生 section (no bundled plan has
    one: every 2026 CPI is a headline target), as a county's 民生实事 list might hold one."""
    plan = tmp_path / "guandu-band.toml"
    text = (DATA / "plan2022.toml").read_text(encoding="utf-8")
    plan.write_text(
        text
        + """
[[targets]]
id = "vegetable_prices"
section = "livelihood"
name = "蔬菜价格涨幅"
name_en = "Vegetable price rise"
kind = "level"
unit = "%"
around = 2
direction = "band"
frequency = "monthly"
quote = "蔬菜价格涨幅2%左右"
""",
        encoding="utf-8",
    )
    return plan


def test_the_worst_list_names_a_band_target_off_its_band(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(_band_in_work(tmp_path))
    ledger = tmp_path / "band.progress.toml"
    _run(invoke, plan, ledger, "record", "vegetable_prices", "3.1", "--period", "2022-06")
    status = _run(invoke, plan, ledger, "--lang", "zh", "status").stdout
    assert "最滞后和偏离目标区间的工作目标" in status
    assert "偏高" in status.split("最滞后和偏离目标区间的工作目标")[1]
    english = _run(invoke, plan, ledger, "--lang", "en", "status").stdout
    assert "Work targets most behind or off their band" in english


def test_the_worst_list_without_a_band_target_is_as_it_was(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(_band_in_work(tmp_path))
    ledger = tmp_path / "band.progress.toml"
    _run(invoke, plan, ledger, "record", "vegetable_prices", "2.1", "--period", "2022-06")
    status = _run(invoke, plan, ledger, "--lang", "zh", "status").stdout
    assert "最滞后的工作目标" in status
    assert "偏离目标区间的工作目标" not in status


# ---------------------------------------------------------------------- 4. one bracket


def _adjusted_retail(invoke: Any, tmp_path: Path) -> Path:
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(
        invoke,
        "jiangsu-2026",
        ledger,
        "amend",
        "retail_sales",
        "--around",
        "4",
        "--from",
        "2026-07",
    )
    _run(invoke, "jiangsu-2026", ledger, "record", "retail_sales", "3.6", "--period", "2026")
    return ledger


def test_an_adjusted_左右_within_its_tolerance_has_one_bracket(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = _adjusted_retail(invoke, tmp_path)
    report = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", "report").stdout
    assert (
        "社会消费品零售总额增长3.6%，低于调整后4%左右的目标0.4个百分点，"
        "在合理区间内（按3.5%以上考核，原计划5%左右）。"
    ) in report
    assert "）（原计划" not in report
    english = _run(invoke, "jiangsu-2026", ledger, "--lang", "en", "report").stdout
    assert (
        "0.4 pp below the adjusted target of about 4%, within its tolerance "
        "(judged as at least 3.5%; plan: about 5%)."
    ) in english
    assert ") (plan:" not in english


def test_an_adjusted_floor_met_keeps_its_own_bracket(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(invoke, "jiangsu-2026", ledger, "amend", "gdp", "--min", "4", "--from", "2026-07")
    _run(invoke, "jiangsu-2026", ledger, "record", "gdp", "4", "--period", "2026")
    report = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", "report").stdout
    # its quote: 增长5%, a bare figure (原计划5%)
    assert "地区生产总值增长4%，达到调整后4%以上的目标（原计划5%）。" in report
