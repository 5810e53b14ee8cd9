"""A growth target's figure that is most likely its amount (audit C §3): the 累计值 typed into the
增速 column is recorded or imported as given, with a warning saying the slip, in `record` and in
`import` (streamed, and with --json or --dry-run) alike; a likely growth is not warned about."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.growth_slips import GROWTH_FLOOR, growth_limit, growth_limits
from plancli.plan import load_plan
from plancli.stores.toml import read_toml_ledger

SEED = Path(__file__).resolve().parents[1] / "data" / "plan2022.toml"

EQUALS_IN_FORCE = (
    "retail_sales 2022-06 = 340.6 %: the growth equals the amount in force (340.6 亿元); the "
    "amount (累计值) typed as the growth (累计增长)? (read as a growth of 340.6 %)"
)
BEYOND = (
    "retail_sales 2022-06 = 340.6 %: a year-to-date growth beyond any likely one (the target "
    "7 %, 2021: 11.6 %); the amount (累计值, in 亿元) typed as the growth (累计增长)? (read as a "
    "growth of 340.6 %)"
)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


@pytest.fixture
def run(invoke, ledger: Path):  # type: ignore[no-untyped-def]
    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--ledger", str(ledger), "--lang", "en", *args)

    return call


def warnings(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ")]


def test_the_amount_in_force_typed_as_the_growth(run, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "retail_sales", "3.2", "-p", "2022-06", "--amount", "340.6").exit_code == 0
    result = run("record", "retail_sales", "340.6", "-p", "2022-06")
    assert result.exit_code == 0, result.output  # recorded as given, like the other slips
    assert f"warning: {EQUALS_IN_FORCE}" in warnings(result)
    records = read_toml_ledger(ledger).records
    assert records[-1].value == Decimal("340.6")


def test_a_growth_beyond_any_likely_one(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "retail_sales", "340.6", "-p", "2022-06")
    assert result.exit_code == 0, result.output
    assert warnings(result) == [f"warning: {BEYOND}"]


def test_the_amount_given_with_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "budget_revenue", "27.3", "-p", "2022-06", "--amount", "27.3")
    assert warnings(result) == [
        "warning: budget_revenue 2022-06 = 27.3 %: the growth equals the amount given with it "
        "(27.3 亿元); the amount (累计值) typed as the growth (累计增长)? (read as a growth of "
        "27.3 %)"
    ]


def test_a_fall_of_more_than_everything(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "retail_sales", "-130", "-p", "2022-06")
    assert warnings(result) == [
        "warning: retail_sales 2022-06: a fall of more than 100 % (-130 %) would leave an amount "
        "below nothing; check the figure (read as a growth of -130 %)"
    ]


def test_a_relative_target_given_its_amount(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "urban_income", "27650", "-p", "2022-Q2")
    assert warnings(result) == [
        "warning: urban_income 2022-Q2 = 27650 %: a year-to-date growth beyond any likely one "
        "(2021: 9.2 %); the amount (累计值, in 元) typed as the growth (累计增长)? (read as a "
        "growth of 27650 %)"
    ]


# Not 100: between 85 and 115 a growth target with a small bound is warned of as an index
# (上年同期=100; figure_slips.index_slip), another slip than this one.
@pytest.mark.parametrize("value", ["3.2", "-8.4", "0", "45", "-100"])
def test_a_likely_growth_is_not_warned_about(run, value: str) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "retail_sales", "3.2", "-p", "2022-05", "--amount", "290.1").exit_code == 0
    result = run("record", "retail_sales", value, "-p", "2022-06", "--amount", "340.6")
    assert result.exit_code == 0, result.output
    assert warnings(result) == []


# Session 39: 80 and 120 were in the list above; within the 120 % floor they are no amount,
# but ten times 8 and 12, between the target's 7 % and 2021's 11.6 %: a slipped decimal point
# (growth_slips.tenfold_growth), warned about as that and nothing else.
@pytest.mark.parametrize(("value", "tenth"), [("80", "8"), ("120", "12")])
def test_ten_times_a_likely_growth_is_warned_about_as_such(run, value: str, tenth: str) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "retail_sales", "3.2", "-p", "2022-05", "--amount", "290.1").exit_code == 0
    result = run("record", "retail_sales", value, "-p", "2022-06", "--amount", "340.6")
    assert result.exit_code == 0, result.output
    assert warnings(result) == [
        f"warning: retail_sales 2022-06 = {value} %: ten times a likely growth (the target 7 %, "
        f"2021: 11.6 %); {tenth} typed as {value}? (read as a growth of {value} %)"
    ]


def test_the_limit_follows_the_plans_figures() -> None:
    plan = load_plan(str(SEED))
    limits = growth_limits(plan)
    assert limits["retail_sales"] == GROWTH_FLOOR == Decimal(120)  # 10 × 11.6 below the floor
    assert "new_5g_base_stations" not in limits  # a cumulative target's figure is a total
    retail = plan.target("retail_sales")
    assert retail is not None
    baseline = retail.baseline.model_copy(update={"growth": Decimal("45.2")})
    assert growth_limit(retail.model_copy(update={"baseline": baseline})) == Decimal("452.0")


SLIPS = (
    "target,period,value,amount\n"
    "retail_sales,2022-06,340.6,\n"
    "gdp,2022-06,700.2,700.2\n"
    "budget_revenue,2022-06,-8.4,27.3\n"
)


@pytest.mark.parametrize("how", [(), ("--json",), ("--dry-run",)])
def test_import_warns_alike_streamed_or_not(run, tmp_path: Path, how: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "slips.csv"
    path.write_text(SLIPS, encoding="utf-8")
    result = run("import", str(path), *how)
    assert result.exit_code == 0, result.output
    assert warnings(result) == [
        f"warning: {path}:2: {BEYOND}",
        f"warning: {path}:3: gdp 2022-06 = 700.2 %: the growth equals the amount given with it "
        "(700.2 亿元); the amount (累计值) typed as the growth (累计增长)? (read as a growth of "
        "700.2 %)",
    ]
    if how == ("--json",):
        rows = {r["row"]: r["warnings"] for r in json.loads(result.stdout)["records"]}
        assert rows[2] == [BEYOND]
        assert rows[4] == []


def test_import_over_the_amount_in_force(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "retail_sales", "3.2", "-p", "2022-06", "--amount", "340.6").exit_code == 0
    path = tmp_path / "june.csv"
    path.write_text("target,period,value\nretail_sales,2022-06,340.6\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:2: {EQUALS_IN_FORCE}" in warnings(result)


def test_in_chinese(invoke, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("--ledger", str(ledger), "--lang", "zh")
    result = invoke(*args, "record", "retail_sales", "340.6", "-p", "2022-06")
    slip = "是否把累计值（以亿元计）填进了增速（累计增长）栏？（按增长 340.6% 读入）"
    beyond = "累计增速远超任何可能的幅度（目标 7%、2021年 11.6%）"
    assert f"警告：retail_sales 2022-06 = 340.6 %：{beyond}；{slip}" in result.stderr
