"""The terminal audit of 刘科长's month (bundled plan guandu-2022, the June figures of
docs/monthly-update-zh.md 第二步, 5G corrected to 126, two adjustments of retail sales):
units on every gap and what it takes, one typography a table, `gap` at 80 columns keeping
尚需, Chinese help wrapped by words, kinds typed as tables show them, superseded rows marked
in words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

JUNE = """target,period,value,amount,note,source
gdp,2022-Q2,5.0,700,上半年,区统计局
budget_revenue,2022-06,3.1,27.4,,区财政局
fixed_asset_investment,2022-06,0.0,,,区统计局
retail_sales,2022-06,6.5,330.8,,区统计局
urban_income,2022-Q2,6.1,,,区统计局
rural_income,2022-Q2,6.8,,,区统计局
unemployment_rate,2022-Q2,4.2,,,区人社局
old_compounds_renovated,2022-Q2,40,,,区住建局
new_5g_base_stations,2022-06,120,,,区工信局
external_funds,2022-06,50,,,区投促局
new_urban_jobs,2022-06,1.1,,,区人社局
investment_roads,2022-06,6.2,,,区发改局
investment_municipal,2022-06,1.9,,,区发改局
investment_ecology,2022-06,2,,,区发改局
investment_education,2022-06,7.1,,,区发改局
investment_health_elderly,2022-06,0.6,,,区发改局
investment_social_other,2022-06,8.8,,,区发改局
"""


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`run(*args, lang="zh", columns=80)` on the audit's workspace."""
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "guandu").exit_code == 0
    plan = str(tmp_path / "guandu" / "plan2022.toml")
    (tmp_path / "june.csv").write_text(JUNE, encoding="utf-8")
    steps = [
        ["import", "june.csv"],
        ["record", "new_5g_base_stations", "126", "-p", "2022-06", "--source", "区工信局"],
        ["record", "air_quality_good_rate", "99.2", "-p", "2022-06"],
        ["record", "new_parking_spaces", "1234", "-p", "2022-06"],
        ["amend", "retail_sales", "--min", "6", "--from", "2022-06", "--note", "第一次"],
        ["amend", "retail_sales", "--min", "6.5", "--from", "2022-06", "--note", "第二次"],
    ]
    for step in steps:
        result = invoke("--plan", plan, *step)
        assert result.exit_code == 0, (step, result.output)

    def run(*args: str, lang: str = "zh", columns: int = 80) -> Any:
        monkeypatch.setenv("COLUMNS", str(columns))
        return invoke("--lang", lang, "--plan", plan, *args)

    return run


def _row(text: str, target: str) -> str:
    return next(line for line in text.splitlines() if line.split()[:1] == [target])


def _widest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


# ------------------------------------------------------------------ D4: units, one format


def test_the_gap_table_gives_every_gap_and_need_its_unit(guandu: Any) -> None:
    """120 columns: 差距 was `75` (个), `2` (percentage points), `1.7` (亿元); 尚需 `0.28/月`."""
    zh = guandu("gap", columns=120).stdout
    assert _widest(zh) <= 120
    assert "40/115个" in _row(zh, "old_compounds_renovated")
    assert "75个" in _row(zh, "old_compounds_renovated")
    assert "12.5个/月" in _row(zh, "old_compounds_renovated")
    assert "2个百分点" in _row(zh, "gdp") and "8.72%" in _row(zh, "gdp")
    assert "1.7亿元" in _row(zh, "investment_health_elderly")
    assert "0.28亿元/月" in _row(zh, "investment_health_elderly")
    assert "184个" in _row(zh, "new_5g_base_stations")
    assert "30.67个/月" in _row(zh, "new_5g_base_stations")
    assert "> 0个百分点" in _row(zh, "fixed_asset_investment")
    # a target lacking nothing: the report's mark, not a 0 beside 正常推进
    assert _row(zh, "budget_revenue").split()[-2:] == ["—", "0.86%"]
    en = guandu("gap", lang="en", columns=120).stdout
    assert "75 个" in _row(en, "old_compounds_renovated")
    assert "12.5 个/mo" in _row(en, "old_compounds_renovated")
    assert "2 pp" in _row(en, "gdp")


def test_the_headline_table_writes_bound_figure_and_gap_alike(guandu: Any) -> None:
    """`≥ 7 %` beside `5%`, a gap `2` with no unit and `0` where the report says —."""
    for lang, points in (("zh", "个百分点"), ("en", " pp")):
        text = guandu("status", lang=lang).stdout
        assert _widest(text) <= 80
        gdp = _row(text, "gdp")
        assert "≥ 7%" in gdp and "5%" in gdp and f"2{points}" in gdp
        assert " %" not in gdp
        assert _row(text, "budget_revenue").split()[-2 if lang == "zh" else -3] == "—"
        assert f"> 0{points}" in _row(text, "fixed_asset_investment")


def test_show_gives_each_figure_its_unit(guandu: Any) -> None:
    five_g = guandu("show", "new_5g_base_stations").stdout
    for line in ("完成值 +126 个", "差距 +184 个", "全年预计 +252 个", "月均需完成 +30.67 个"):
        assert re.search(line, five_g), line
    gdp = guandu("show", "gdp").stdout
    for line in ("完成值 +5 %", "目标 +≥ 7 %", "差距 +2 个百分点"):
        assert re.search(line, gdp), line
    budget = guandu("show", "budget_revenue").stdout
    assert re.search("差距 +—", budget)
    en = guandu("show", "new_5g_base_stations", lang="en").stdout
    assert re.search("gap +184 个", en) and re.search("needed per month +30.67 个", en)


# ------------------------------------------------------------------- D7: gap at 80 columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gap_at_80_columns_keeps_what_it_takes(guandu: Any, lang: str) -> None:
    """The plan's 35-column milestone ids left no room for 尚需 beside the names: the name
    goes under the id instead, and every row keeps what it takes."""
    text = guandu("gap", lang=lang).stdout
    assert _widest(text) <= 80
    header = text.splitlines()[3]
    assert ("尚需" if lang == "zh" else "needs") in header
    assert ("编号 / 名称" if lang == "zh" else "id / name") in header
    needs = "30.67个/月" if lang == "zh" else "30.67 个/mo"
    assert needs in _row(text, "new_5g_base_stations")
    assert ("8.72%") in _row(text, "gdp")
    # the name on the line under its id
    lines = text.splitlines()
    at = lines.index(_row(text, "new_5g_base_stations"))
    assert lines[at + 1].strip() == ("新建5G基站" if lang == "zh" else "New 5G base stations")
