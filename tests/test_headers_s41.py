"""Bulletin headers a 统计局's sheets use that plancli refused (session 41, found walking 天津's
plan, tianjin-2026):

- `指标,计量单位,绝对量,同比增速（%）`: "unknown column '绝对量'" (绝对额 and 绝对值 were read);
- `指标,单位,全年,比上年下降（%）` (单位地区生产总值能耗,%,—,2.7): "unknown column
  '比上年下降（%）'";
  the column gives the size of a fall, read as `下降2.7` is typed for a target meant to fall
  and refused for any other (GDP 比上年下降 would be a growth given a minus sign unseen);
- `9月` beside `1-9月` and `9月增长(%)`: the summary named '9月增长(%)' read past, not '9月'.

Figures: tianjin-2026's 2025 review (地区生产总值增长4.8%, 一般公共预算收入增长4.1%); the
energy intensity's 2.7 is the walk's row; the amounts (亿元) are made up for the test.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger
from sheets import sheet_file


@pytest.fixture
def tianjin(tmp_path: Path) -> list[str]:
    return ["--plan", "tianjin-2026", "--ledger", str(tmp_path / "tj.progress.toml")]


def _records(tmp_path: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    ledger = read_toml_ledger(tmp_path / "tj.progress.toml")
    return {(r.target, r.period): (r.value, r.amount) for r in ledger.records}


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------- 1. 绝对量 as 绝对额


@pytest.mark.parametrize("word", ["绝对量", "总量", "绝对额", "绝对值"])
def test_an_amount_headed_jueduiliang_is_read_as_juedui_e(
    invoke: Any, tianjin: list[str], tmp_path: Path, word: str
) -> None:
    sheet = _csv(
        tmp_path,
        "2026年1-6月.csv",
        f"指标,计量单位,{word},同比增速（%）\n"
        "地区生产总值,亿元,8510.3,4.8\n一般公共预算收入,亿元,1120.4,4.1\n",
    )
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path) == {
        ("gdp", "2026-Q2"): (Decimal("4.8"), Decimal("8510.3")),
        ("budget_revenue", "2026-06"): (Decimal("4.1"), Decimal("1120.4")),
    }


# ------------------------------------------------------------- 2. a 比上年下降（%） column

FALL_SHEET = "指标,单位,全年,比上年下降（%）\n{name},%,—,{figure}\n"


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_fall_column_records_the_fall_as_record_xiajiang_does(
    invoke: Any, tianjin: list[str], tmp_path: Path, form: str
) -> None:
    """The ledger holds what `plancli record energy_intensity 下降2.7` holds: −2.7, the signed
    growth (docs/forms.md, decline), not a rise of 2.7 (which would be warned about)."""
    if form == "csv":
        name = FALL_SHEET.format(name="单位地区生产总值能耗", figure="2.7")
        sheet = _csv(tmp_path, "2026年主要指标.csv", name)
    else:
        header = ["指标", "单位", "全年", "比上年下降（%）"]
        rows = [header, ["单位地区生产总值能耗", "%", "—", 2.7]]
        sheet = sheet_file(tmp_path, rows, "2026年主要指标.xlsx")
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "rise recorded" not in result.output
    assert _records(tmp_path) == {("energy_intensity", "2026"): (Decimal("-2.7"), None)}

    typed = tmp_path / "typed.toml"
    recorded = invoke(
        "--plan", "tianjin-2026", "--ledger", str(typed), "record", "energy_intensity", "下降2.7",
        "--period", "2026",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    [record] = read_toml_ledger(typed).records
    assert record.value == _records(tmp_path)[("energy_intensity", "2026")][0]


@pytest.mark.parametrize(
    ("header", "figure"),
    [("比上年下降（%）", "2.0"), ("比上年增长（%）", "-2.0"), ("比上年增长（%）", "下降2.0")],
)
def test_a_trend_down_takes_its_fall_from_a_growth_or_fall_column(
    invoke: Any, tmp_path: Path, header: str, figure: str
) -> None:
    """上海's co2_intensity (单位生产总值二氧化碳排放量进一步下降: a trend down): its figure is the
    signed growth, so 全年 — beside it is no missing level (it was refused so before session 41,
    under 比上年增长 too)."""
    ledger = tmp_path / "sh.toml"
    sheet = _csv(
        tmp_path,
        "2026年主要指标.csv",
        f"指标,单位,全年,{header}\n单位生产总值二氧化碳排放量,%,—,{figure}\n",
    )
    result = invoke("--plan", "shanghai-2026", "--ledger", str(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    [record] = read_toml_ledger(ledger).records
    assert (record.target, record.period, record.value) == (
        "co2_intensity",
        "2026",
        Decimal("-2.0"),
    )


@pytest.mark.parametrize(
    ("name", "target"), [("地区生产总值", "gdp"), ("城镇调查失业率", "surveyed_unemployment_rate")]
)
def test_a_fall_column_is_refused_for_a_target_not_meant_to_fall(
    invoke: Any, tianjin: list[str], tmp_path: Path, name: str, target: str
) -> None:
    """GDP 比上年下降2.7 would be a growth of −2.7: plancli does not put the sign on unseen."""
    sheet = _csv(tmp_path, "2026年主要指标.csv", FALL_SHEET.format(name=name, figure="2.7"))
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert "2026年主要指标.csv:2" in result.stderr
    assert "column '比上年下降（%）' gives the size of a fall (2.7)" in result.stderr
    assert f"{target} is a " in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "tj.progress.toml").exists()

    zh = invoke("--lang", "zh", *tianjin, "import", str(sheet))
    assert zh.exit_code == 2
    assert "'比上年下降（%）' 列给的是下降幅度（2.7）" in zh.stderr


def test_a_signed_figure_under_a_fall_column_is_refused_not_guessed(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    text = FALL_SHEET.format(name="单位地区生产总值能耗", figure="-2.7")
    sheet = _csv(tmp_path, "2026年主要指标.csv", text)
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert "gives the size of a fall, and -2.7 says its own sign or word" in result.stderr
    assert not (tmp_path / "tj.progress.toml").exists()


def test_a_fall_column_is_not_read_as_a_plain_files_figure(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    """`指标,期间,降幅(%)` has no column of a bulletin's but the fall: not the plain fast loop,
    which would record 2.7 as a rise."""
    sheet = _csv(tmp_path, "f.csv", "指标,期间,降幅(%)\nenergy_intensity,2026,2.7\n")
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path) == {("energy_intensity", "2026"): (Decimal("-2.7"), None)}


# ------------------------------------------------ 3. every column read past is named


def test_the_months_own_amount_is_named_with_its_growth(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    sheet = _csv(
        tmp_path,
        "2026年1-9月.csv",
        "指标,计量单位,9月,1-9月,9月增长(%),1-9月增长(%)\n地区生产总值,亿元,1402.6,12950.1,5.1,4.8\n",
    )
    result = invoke(*tianjin, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "columns '9月', '9月增长(%)' read past (plancli does not use them)" in result.stderr
    assert _records(tmp_path) == {("gdp", "2026-Q3"): (Decimal("4.8"), Decimal("12950.1"))}
    dry = invoke(*tianjin, "import", "--dry-run", "--json", str(sheet))
    assert json.loads(dry.stdout)["skipped_columns"] == ["9月", "9月增长(%)"]


def test_a_one_row_headers_month_and_its_one_month_growth_are_named(
    invoke: Any, tianjin: list[str], tmp_path: Path
) -> None:
    sheet = _csv(
        tmp_path,
        "t.csv",
        "指标,期间,本月,本年累计,增速（当月）,累计增长(%),上年同期\n"
        "地区生产总值,2026年1-6月,1402.6,8510.3,5.0,4.8,8100.2\n",
    )
    result = invoke("--lang", "zh", *tianjin, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "跳过 '本月'、'增速（当月）'、'上年同期' 列（plancli 不用）" in result.stderr
