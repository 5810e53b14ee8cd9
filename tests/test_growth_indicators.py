"""Audit T, D1: a tracked indicator whose figure is a year-to-date growth in % (天津 固定资产投资,
河南 进出口: 「录入：累计增速%」) takes a bulletin's growth column as its figure, as `cpi` and the
growth targets do; its 累计值 (亿元) is a total it has no room for, never its %."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plancli.figure_slips import growth_indicator, growth_is_figure
from plancli.locations import bundled_plans
from plancli.plan import load_plan
from plancli.stores.toml import read_toml_ledger
from plancli.template_units import unit_text

HEADER = "指标,单位,本月止累计,比上年同期增长(%)\n"
# The auditor's files (/tmp/s26/auditT/v6, v16), as a 统计月报 gives them.
TIANJIN_MARCH = HEADER + '固定资产投资,亿元,"2,100.5",-2.4\n'
TIANJIN_Q1 = (
    HEADER + '一、地区生产总值,亿元,"4,050.2",4.3\n'
    "规模以上工业增加值,亿元,,5.1\n"
    "一般公共预算收入,亿元,560.1,1.8\n"
    "固定资产投资,亿元,,-2.4\n"
    "城镇调查失业率,%,5.4,\n"
    "城镇新增就业,万人,7.5,\n"
    "居民消费价格涨幅,%,,2.6\n"
    '居民人均可支配收入,元,"13,520",4.0\n'
)
HENAN_MARCH = HEADER + '进出口,亿元,"2,345.6",8.1\n'
HENAN_APRIL = HEADER + "进出口,亿元,,8.1\n"


def test_the_bundled_plans_targets_whose_figure_is_a_growth_column() -> None:
    # Every target of the 17 bundled plans without an amount whose figure is a growth column:
    # the CPIs by their id, and the five tracked indicators in % that record a growth (their
    # name says 增速, or their note 录入：累计增速% / CPI涨幅%), and (session 41) the trends,
    # whose figure is their signed growth (docs/forms.md). No other indicator or level.
    plans = bundled_plans()
    assert len(plans) == 17
    found: dict[tuple[str, str], bool] = {}
    for plan_id in plans:
        for target in load_plan(plan_id).targets:
            if not target.has_amount and growth_is_figure(target):
                found[(plan_id, target.id)] = growth_indicator(target)
    indicators = {key for key, indicator in found.items() if indicator}
    assert indicators == {
        ("henan-2026", "foreign_trade"),
        ("shaanxi-2026", "national_fai_growth"),
        ("shaanxi-2026", "national_income_growth"),
        ("shandong-2026", "cpi"),
        ("tianjin-2026", "fixed_asset_investment"),
    }
    trends = {("jiangsu-2026", "grain_output"), ("shanghai-2026", "co2_intensity")}
    assert set(found) - indicators - trends == {
        (plan_id, "cpi")
        for plan_id in (
            "beijing-2026", "fujian-2026", "gansu-2026", "guizhou-2026", "henan-2026",
            "hubei-2026", "jiangsu-2026", "liaoning-2026", "shaanxi-2026", "shanghai-2026",
            "sichuan-2026", "tianjin-2026", "zhejiang-2026",
        )
    }  # fmt: skip
    assert trends <= set(found)


def _import(invoke: Any, tmp_path: Path, plan: str, name: str, text: str, *args: str) -> Any:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ledger = tmp_path / "ledger.progress.toml"
    return invoke("--plan", plan, "--ledger", str(ledger), "import", str(path), *args)


def _figures(tmp_path: Path, target: str) -> dict[str, tuple[float, object]]:
    records = read_toml_ledger(tmp_path / "ledger.progress.toml").records
    return {r.period: (float(r.value), r.amount) for r in records if r.target == target}


def test_a_tianjin_bulletin_row_gives_the_growth_not_the_total(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _import(invoke, tmp_path, "tianjin-2026", "天津市2026年3月fai.csv", TIANJIN_MARCH)
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path, "fixed_asset_investment") == {"2026-03": (-2.4, None)}
    # the 亿元 total passed over, said once; the row's 亿元 is the total's: no unit warning
    assert result.stderr.count("warning") == 1, result.stderr
    assert (
        "fixed_asset_investment is a indicator target whose figure is a growth %: its figure is "
        "the '比上年同期增长(%)' column ('-2.4'); the '本月止累计' column ('2100.5') is a total, "
        "not recorded"
    ) in " ".join(result.stderr.split())
    report = invoke("--plan", "tianjin-2026", "--ledger", str(tmp_path / "ledger.progress.toml"),
                    "--lang", "zh", "report", "--as-of", "2026-03")  # fmt: skip
    assert report.exit_code == 0, report.output
    assert "固定资产投资累计下降2.4%（跟踪指标）" in report.stdout
    assert "2100.5%" not in report.stdout


def test_a_tianjin_bulletin_with_only_the_growth_imports(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = "天津市2026年一季度主要经济指标.csv"
    result = _import(invoke, tmp_path, "tianjin-2026", name, TIANJIN_Q1, "--skip-unknown")
    assert result.exit_code == 0, result.output
    assert "fixed_asset_investment" not in result.stderr  # no refusal, no unit warning
    # the name's 一季度 in these monthly targets' rhythm: 2026-03, as `template` writes them
    assert _figures(tmp_path, "fixed_asset_investment") == {"2026-03": (-2.4, None)}
    assert _figures(tmp_path, "cpi") == {"2026-03": (2.6, None)}


@pytest.mark.parametrize(
    ("name", "text", "period"),
    [
        ("河南省2026年3月外贸.csv", HENAN_MARCH, "2026-03"),
        ("河南省2026年4月外贸.csv", HENAN_APRIL, "2026-04"),
    ],
    ids=["paired", "growth-only"],
)
def test_henan_foreign_trade_takes_the_growth(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, name: str, text: str, period: str
) -> None:
    result = _import(invoke, tmp_path, "henan-2026", name, text)
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path, "foreign_trade") == {period: (8.1, None)}


def test_a_growth_indicator_given_only_its_total_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + '进出口,亿元,"2,345.6",\n'
    result = _import(invoke, tmp_path, "henan-2026", "河南省2026年5月外贸.csv", text)
    assert result.exit_code == 2, result.output
    assert (
        "foreign_trade is a indicator target whose figure is a growth %: its figure is the "
        "'比上年同期增长(%)' column, empty or — here; the '本月止累计' column's '2345.6' is a "
        "total, not a growth: give the growth in '比上年同期增长(%)', or leave the row out"
    ) in " ".join(result.stderr.split())
    only_total = "指标,期间,本月止累计\n进出口,2026年5月,2345.6\n"
    result = _import(invoke, tmp_path, "henan-2026", "外贸.csv", only_total)
    assert result.exit_code == 2, result.output
    assert "a total, not a growth; add a 累计增长 column" in " ".join(result.stderr.split())
    # the growth itself under 累计值, its unit % said: the figure
    growth = "指标,期间,单位,本月止累计\n进出口,2026年5月,%,8.3\n"
    result = _import(invoke, tmp_path, "henan-2026", "外贸.csv", growth)
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path, "foreign_trade") == {"2026-05": (8.3, None)}


def test_the_template_says_a_growth_indicators_figure_is_the_growth() -> None:
    fai = load_plan("tianjin-2026").target("fixed_asset_investment")
    assert fai is not None
    assert unit_text(fai, "zh") == "增速%（比上年同期，非总量）"
    assert unit_text(fai, "en") == "growth % (on last year, not the total)"
    unemployment = load_plan("tianjin-2026").target("surveyed_unemployment_rate")
    assert unemployment is not None and unit_text(unemployment, "zh") == "%"


def test_a_bureaus_sheet_gives_the_growth_too(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the same row in a workbook under a two-row header, as the bureau exports it
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["天津市2026年3月主要经济指标"])
    sheet.append(["指标", "计量单位", "累计", None])
    sheet.append([None, None, "本月止累计", "比上年同期增长(%)"])
    for merge in ("A1:D1", "A2:A3", "B2:B3", "C2:D2"):
        sheet.merge_cells(merge)
    sheet.append(["固定资产投资", "亿元", 2100.5, -2.4])
    path = tmp_path / "天津市2026年3月主要经济指标.xlsx"
    book.save(path)
    ledger = tmp_path / "ledger.progress.toml"
    result = invoke("--plan", "tianjin-2026", "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path, "fixed_asset_investment") == {"2026-03": (-2.4, None)}
