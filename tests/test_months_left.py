"""The months a target still has are counted from the as-of period, the report's time, not from
its figure's clock (session 24, audit M D2): as of August, Guandu's quarterly 新建5G基站310个 with
its Q2 figure of 150 has Sep–Dec left, 4 months, so 160 ÷ 4 = 40 a month, not 160 ÷ 6 = 27,
and the report's “后6个月” did not exist in August. The pace (应完成进度 50 % against the Q2
figure) stays on the figure's clock. A growth target's 余下月份需增长 is the rest of the year
after its figure's period: growth to date is all there is to go on.

Real values: the bundled guandu-2022 plan (data/plan2022.toml) and the auditor's figures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from plancli.assess import Assessment, assess_plan
from plancli.model import Plan, Record
from plancli.periods import parse_period
from plancli.plan import load_plan_file

GUANDU = Path(__file__).parent.parent / "data" / "plan2022.toml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan_file(GUANDU)


def judged(
    plan: Plan, target: str, as_of: str, period: str, value: str, amount: str = ""
) -> Assessment:
    record = Record(
        target=target,
        period=period,
        value=Decimal(value),
        amount=Decimal(amount) if amount else None,
        recorded_at=datetime(2022, 9, 1, tzinfo=UTC),
        batch="b0",
    )
    return assess_plan(plan, [record], parse_period(as_of)).get(target)


def test_quarterly_cumulative_as_of_august_has_four_months_left(plan: Plan) -> None:
    a = judged(plan, "new_5g_base_stations", "2022-08", "2022-Q2", "150")
    assert a.time_progress == Fraction(1, 2)  # paced on the Q2 figure's clock, as before
    assert (a.months_left, a.required_per_month) == (4, Fraction(40))  # 160 ÷ 4, not ÷ 6
    assert a.stale is False  # Q3 is not due in August
    late = judged(plan, "new_5g_base_stations", "2022-Q3", "2022-Q2", "150")
    assert (late.stale, late.months_left, late.required_per_month) == (True, 3, Fraction(160, 3))
    due = judged(plan, "new_5g_base_stations", "2022-06", "2022-Q2", "150")
    assert (due.months_left, due.required_per_month) == (6, Fraction(160, 6))  # unchanged


def test_quarterly_milestone_as_of_august_has_four_months_left(plan: Plan) -> None:
    a = judged(plan, "metaverse_demo_base_landed", "2022-08", "2022-Q2", "30")
    assert (a.months_left, a.required_per_month) == (4, Fraction(35, 2))  # 70 ÷ 4 = 17.5 pp


def test_growth_rest_is_the_year_after_its_figure(plan: Plan) -> None:
    """GDP 3.1 % on 700 亿元 at Q2: the rest of the year is H2, as of June or of August; as of
    the year's end there is no rest left to require anything of."""
    june = judged(plan, "gdp", "2022-06", "2022-Q2", "3.1", "700")
    august = judged(plan, "gdp", "2022-08", "2022-Q2", "3.1", "700")
    assert june.required_growth_rest is not None
    assert august.required_growth_rest == june.required_growth_rest
    assert judged(plan, "gdp", "2022-12", "2022-Q2", "3.1", "700").required_growth_rest is None


@pytest.fixture
def call(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    monkeypatch.chdir(tmp_path)
    ledger = tmp_path / "plan2022.progress.toml"

    def run(*args: str, lang: str = "zh", columns: int = 200) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", "guandu-2022", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return run


def test_gap_show_and_report_agree_on_four_months_in_august(call: Callable[..., str]) -> None:
    call("record", "new_5g_base_stations", "150", "--period", "2022-Q2")
    call("record", "little_giant_enterprises", "1", "--period", "2022-Q2")
    gap = call("gap", "--as-of", "2022-08")
    assert "40个/月" in gap and "27个/月" not in gap
    assert "2户/4个月" in gap
    show = call("show", "new_5g_base_stations", "--as-of", "2022-08")
    assert "剩余月数      4" in show and "月均需完成    40 个" in show
    report = call("report", "--as-of", "2022-08")
    assert "后6个月" not in report
    assert "后4个月需完成2户" in report and "月均需完成40个" in report
