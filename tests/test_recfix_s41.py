"""Session 41 (recfix): periods in recording and importing, defects of session 40's walks.

1. `record gdp 5.2 -p 2026-07` on 河南's plan was taken ("would record gdp 2026-07"), though GDP
   is published by quarter (1-3月, 1-6月, 1-9月, 全年): a month that ends no quarter, on a growth
   target published quarterly, is refused naming the target, the period and the quarters either
   side of it; in `record` and in every `import` row alike (`ledger.entry_period`, one code
   path). `-p 6月` and `2026-06` end the second quarter and are taken as before; a quarterly
   count or level (官渡's 新建5G基站) may still be given by month.
2. The import summary said `期间 2026-03` of a file of GDP's 一季度: it names the period as the
   rows spell it (2026-Q1, as `history` and the preview's table do), in Chinese in words
   (2026年一季度, as the report says it).
3. A bulletin's `截至二季度累计` (no 末) is 1-6月's year to date, as `截至二季度末累计` is,
   and a bare `4-6月累计（亿元）` (no 截至) is refused naming the span, as `截至4-6月累计` is:
   their cases are in test_polish2_s40's parametrised tests of those headers.
4. `amend --from 从7月` and `自7月` (no 起) are `--from 7月`, as `从7月起` is.

Figures: the bundled 河南 2026 plan (地区生产总值 ≈5 %, quarterly; CPI ≈2 %, monthly), 广东 2026
(地区生产总值 68725.40 亿元 +4.4 %, 地方一般公共预算收入 7043.21 亿元 +2.4 %, 1-6月 in its
report) and 辽宁 2026 (城镇新增就业 ≥ 45 万人).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import ROWS, bulletin_file, ledger_values
from bulletin_files import import_bulletin as _import

HENAN = "henan-2026"


@pytest.fixture
def henan(invoke: Any, tmp_path: Path) -> Callable[..., Any]:
    """plancli on 河南 2026 with its own ledger: `henan(*args, lang=)`."""
    ledger = tmp_path / "henan.progress.toml"

    def call(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", HENAN, "--ledger", str(ledger), *args)

    call.ledger = ledger  # type: ignore[attr-defined]
    return call


# ------------------------------------------------------- 1. a month on a quarterly target


@pytest.mark.parametrize(
    ("typed", "month", "takes"),
    [
        ("2026-07", 7, "1-6月 (2026-Q2) or 1-9月 (2026-Q3)"),
        ("7月", 7, "1-6月 (2026-Q2) or 1-9月 (2026-Q3)"),
        ("1-7月", 7, "1-6月 (2026-Q2) or 1-9月 (2026-Q3)"),
        ("2026-08", 8, "1-6月 (2026-Q2) or 1-9月 (2026-Q3)"),
        ("1-2月", 2, "1-3月 (2026-Q1)"),
        ("2026-11", 11, "1-9月 (2026-Q3) or 全年 (2026-Q4)"),
    ],
)
def test_a_month_that_ends_no_quarter_is_refused_for_gdp(
    henan: Callable[..., Any], typed: str, month: int, takes: str
) -> None:
    for dry in ((), ("--dry-run",)):
        done = henan("record", "gdp", "5.2", "-p", typed, *dry)
        assert done.exit_code == 2, done.output
        assert done.stderr == (
            "error: gdp is published by quarter (1-3月, 1-6月, 1-9月, 全年): period "
            f"'{typed}' (1-{month}月) ends no quarter; write {takes}\n"
        )
    assert not henan.ledger.exists()  # type: ignore[attr-defined]


def test_the_refusal_in_chinese(henan: Callable[..., Any]) -> None:
    done = henan("record", "gdp", "5.2", "-p", "2026-07", lang="zh")
    assert done.exit_code == 2
    assert done.stderr == (
        "错误：gdp 按季度发布（1-3月、1-6月、1-9月、全年）：期间 '2026-07'（1-7月）不是季末；"
        "请写 1-6月（2026-Q2） 或 1-9月（2026-Q3）\n"
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("6月", "2026-Q2"), ("1-6月", "2026-Q2"), ("上半年", "2026-Q2"), ("2026-06", "2026-06")],
)
def test_a_quarters_end_is_taken_as_before(
    henan: Callable[..., Any], typed: str, stored: str
) -> None:
    done = henan("record", "gdp", "5.3", "-p", typed)
    assert done.exit_code == 0, done.output
    assert ledger_values(henan.ledger) == {("gdp", stored): (Decimal("5.3"), None)}  # type: ignore[attr-defined]


def test_a_monthly_target_takes_any_month(henan: Callable[..., Any]) -> None:
    done = henan("record", "cpi", "0.6", "-p", "1-7月")
    assert done.exit_code == 0, done.output
    assert ledger_values(henan.ledger) == {("cpi", "2026-07"): (Decimal("0.6"), None)}  # type: ignore[attr-defined]


def test_a_quarterly_count_may_still_be_given_by_month(invoke: Any, tmp_path: Path) -> None:
    """官渡's 新建5G基站 is tracked by quarter, but a count exists at any month's end: only a
    growth to date (GDP's, 居民收入's) is published at a quarter's end alone."""
    at = ("--plan", "guandu-2022", "--ledger", str(tmp_path / "g.toml"))
    done = invoke(*at, "record", "new_5g_base_stations", "90", "-p", "1-5月")
    assert done.exit_code == 0, done.output
    assert ledger_values(tmp_path / "g.toml") == {
        ("new_5g_base_stations", "2022-05"): (Decimal("90"), None)
    }
    refused = invoke(*at, "record", "gdp", "4.8", "-p", "1-5月")
    assert refused.exit_code == 2
    assert "write 1-3月 (2022-Q1) or 1-6月 (2022-Q2)" in refused.stderr


@pytest.mark.parametrize("period", ["1-7月", "2026-07", "7月"])
def test_an_import_row_of_july_for_gdp_is_refused_by_the_same_rule(
    henan: Callable[..., Any], tmp_path: Path, period: str
) -> None:
    sheet = tmp_path / "7月.csv"
    sheet.write_text(f"target,period,value\ncpi,1-7月,0.6\ngdp,{period},5.2\n", encoding="utf-8")
    done = henan("import", str(sheet))
    assert done.exit_code == 2, done.output
    assert f"{sheet}:3: gdp is published by quarter (1-3月, 1-6月, 1-9月, 全年)" in done.stderr
    assert "(1-7月) ends no quarter; write 1-6月 (2026-Q2) or 1-9月 (2026-Q3)" in done.stderr
    assert not henan.ledger.exists()  # type: ignore[attr-defined]


def test_a_bulletin_of_july_refuses_gdp_s_row(invoke: Any, tmp_path: Path) -> None:
    """广东's 1-7月 table: GDP has no 1-7月 figure; a row giving one is refused, nothing kept."""
    ledger = tmp_path / "gd.progress.toml"
    path = bulletin_file(tmp_path, [["指标", "1-7月（亿元）", "增长（%）"], *ROWS], "utf-8", "指标")
    done = _import(invoke, ledger, path)
    assert done.exit_code == 2
    assert ":2: gdp is published by quarter" in done.stderr
    assert not ledger.exists()


# ------------------------------------------------------- 2. the period the summary names


@pytest.mark.parametrize(
    ("rows", "lang", "said"),
    [
        (["gdp,一季度,5.2"], "en", "; period 2026-Q1"),
        (["gdp,一季度,5.2"], "zh", "；期间 2026年一季度"),
        (["gdp,1-6月,5.3"], "zh", "；期间 2026年上半年"),  # 二季度 until session 42
        (["cpi,1-5月,0.4"], "zh", "；期间 2026年5月"),
        # a quarterly and a monthly figure at one end: the month it ends, as before
        (["gdp,1-6月,5.3", "cpi,1-6月,0.5"], "en", "; period 2026-06"),
        (["gdp,1-3月,5.2", "gdp,1-6月,5.3"], "en", "; by period: 2026-Q1: 1 new; 2026-Q2: 1 new"),
        (
            ["gdp,1-3月,5.2", "cpi,1-5月,0.4"],
            "zh",
            "；按期间：2026年一季度：新增 1；2026年5月：新增 1",
        ),
    ],
)
@pytest.mark.parametrize("dry", [True, False])
def test_the_summary_names_the_period_as_the_rows_spell_it(
    henan: Callable[..., Any], tmp_path: Path, rows: list[str], lang: str, said: str, dry: bool
) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text("target,period,value\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    done = henan("import", str(sheet), *(("--dry-run",) if dry else ()), lang=lang)
    assert done.exit_code == 0, done.output
    assert done.stderr.rstrip().endswith(said), done.stderr


def test_the_summary_agrees_with_history(henan: Callable[..., Any], tmp_path: Path) -> None:
    sheet = tmp_path / "q1.csv"
    sheet.write_text("target,period,value\ngdp,一季度,5.2\n", encoding="utf-8")
    assert henan("import", str(sheet)).stderr.rstrip().endswith("; period 2026-Q1")
    found = json.loads(henan("history", "gdp", "--json").stdout)["records"]
    assert [r["period"] for r in found] == ["2026-Q1"]


# ------------------------------------------------------- 3. bulletin headers


H1 = {  # (GDP is quarterly: 2026-Q2; the budget revenue monthly: 2026-06)
    ("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40")),
    ("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21")),
}


def test_the_span_refusal_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [["指标", "4-6月累计（亿元）", "增长（%）"], *ROWS]
    path = bulletin_file(tmp_path, rows, "utf-8", "指标")
    done = _import(invoke, ledger, path, lang="zh")
    assert done.exit_code == 2
    assert "表头 4-6月累计：4-6月 不是从1月开始" in done.stderr


def test_a_year_to_date_span_with_leiji_is_read_as_before(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [["指标", "1-6月累计（亿元）", "增长（%）"], *ROWS]
    done = _import(invoke, ledger, bulletin_file(tmp_path, rows, "utf-8", "指标"))
    assert done.exit_code == 0, done.output
    assert ledger_values(ledger) == H1


# ------------------------------------------------------- 4. amend --from 从7月


@pytest.mark.parametrize("typed", ["从7月", "自7月", "从 7月", "自2026年7月", "从7月份"])
def test_amend_from_without_qi(invoke: Any, tmp_path: Path, typed: str) -> None:
    ledger = tmp_path / "liaoning.progress.toml"
    at = ("--plan", "liaoning-2026", "--ledger", str(ledger))
    done = invoke(*at, "amend", "new_urban_jobs", "--from", typed, "--min", "40", "--json")
    assert done.exit_code == 0, done.output
    amendment = json.loads(done.stdout)["amendment"]
    assert (amendment["period"], amendment["bound"]) == ("2026-07", "≥ 40 万人")


def test_a_half_alone_after_cong_is_still_refused(invoke: Any, tmp_path: Path) -> None:
    at = ("--plan", "liaoning-2026", "--ledger", str(tmp_path / "l.toml"))
    done = invoke(*at, "amend", "new_urban_jobs", "--from", "从下半年", "--min", "40")
    assert done.exit_code == 2
    assert "--from 2026-07" in done.stderr and "--from 2026-12 (年末)" in done.stderr
