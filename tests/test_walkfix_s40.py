"""Session 40's walk defects in the bundled 2026 plans (data/2026/*.toml), with their figures:

1. CPI 2%左右 (a band, 1.5–2.5 %) outside its band was 滞后 / behind on either side: a price
   index under its band lags nothing. Its row now says 偏高 / 偏低 (above / below band) and the
   overview counts it 偏离目标区间; `gap --json` keeps `behind` (DESIGN §4) with the side in
   `actual` against `low` / `high`. A ceiling (城镇调查失业率 ≤ 5%) keeps 滞后.
2. The report's headline figure column was 累计完成 / Year to date over growth rates and levels;
   it is 完成值 / Actual.
3. A plan of one section (every 2026 plan) showed a 合计 row repeating its only section, in
   `status` and in the report; it has none now (Guandu 2022, eight sections, keeps its total).
4. `城镇居民人均可支配收入` was suggested as 居民人均可支配收入 (resident_income), another
   statistic; it is now named as not the same statistic, and never as "did you mean".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plancli.plan import close_targets, load_plan


def _run(invoke: Any, plan: str, ledger: Path, *args: str) -> Any:
    result = invoke("--plan", plan, "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return result


# ---------------------------------------------------------------------------- 1. CPI's band


@pytest.mark.parametrize(
    ("figure", "zh", "en"), [("2.8", "偏高", "above band"), ("1.2", "偏低", "below band")]
)
def test_cpi_outside_its_band_is_above_or_below_not_behind(
    invoke, tmp_path: Path, figure: str, zh: str, en: str
) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "beijing.progress.toml"
    _run(invoke, "beijing-2026", ledger, "record", "cpi", figure, "--period", "2026-06")
    status = _run(invoke, "beijing-2026", ledger, "--lang", "zh", "status").stdout
    cpi = status[status.index("居民消费价格涨幅") :].splitlines()[1]
    assert f"{figure}%  0.3个百分点  {zh}" in cpi and "滞后" not in cpi
    gap = _run(invoke, "beijing-2026", ledger, "gap").stdout
    assert en in gap and "behind" not in gap
    report = _run(invoke, "beijing-2026", ledger, "--lang", "zh", "report").stdout
    assert f"| 居民消费价格涨幅 | ≈ 2%（1.5–2.5%） | {figure}% | 0.3个百分点 | {zh} |" in report
    assert "9项目标中，偏离目标区间1项、待下达目标3项、尚无数据5项。" in report
    assert "| 部分 | 目标数 | 偏离区间 | 无数据 | 待下达 |" in report  # counted apart
    assert "| 主要预期目标 | 9 | 1 | 5 | 3 |" in report
    assert "偏离区间" in status[status.index("分领域情况") :] and "滞后" not in status
    assert "outside band 1  no data 5  pending 3" in gap
    english = _run(invoke, "beijing-2026", ledger, "report").stdout
    assert "1 is off its band" in english and "behind" not in english.split("\n\n")[2]
    # the JSON keeps DESIGN §4's status, and the figures that give the side
    data = json.loads(_run(invoke, "beijing-2026", ledger, "gap", "--json").stdout)
    cpi_json = next(t for t in data["targets"] if t["id"] == "cpi")
    assert cpi_json["status"] == "behind" and cpi_json["direction"] == "band"
    assert (cpi_json["low"], cpi_json["high"]) == (1.5, 2.5)


def test_cpi_off_its_band_at_the_years_end_and_a_ceiling_still_behind(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "jiangsu.progress.toml"
    _run(invoke, "jiangsu-2026", ledger, "record", "cpi", "0.4", "--period", "2026-12")
    _run(invoke, "jiangsu-2026", ledger, "record", "surveyed_unemployment_rate", "5.8",
         "--period", "2026-11")  # fmt: skip
    status = _run(invoke, "jiangsu-2026", ledger, "--lang", "zh", "status").stdout
    # a row's two lines, whichever the layout puts the status on (the name's own line, or the id's
    # beside the name stacked under it, since 粮食产量's bound no longer doubles: session 40)
    cpi = "\n".join(status[status.index(" cpi ") :].splitlines()[:2])
    assert "居民消费价格涨幅" in cpi and "偏低" in cpi
    unemployment = "\n".join(
        status[status.index(" surveyed_unemployment_rate ") :].splitlines()[:2]
    )
    assert "滞后" in unemployment  # 5%左右, a ceiling: ≤ 5.5 %, 5.8 is over it
    data = json.loads(_run(invoke, "jiangsu-2026", ledger, "gap", "--json").stdout)
    assert {t["id"]: t["status"] for t in data["targets"]}["cpi"] == "missed"


# ---------------------------------------------------------------------------- 2. the column


def test_the_headline_figure_column_is_actual_not_year_to_date(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "beijing.progress.toml"
    _run(invoke, "beijing-2026", ledger, "record", "cpi", "2.1", "--period", "2026-06")
    _run(invoke, "beijing-2026", ledger, "record", "gdp", "5.1", "--period", "2026-Q2")
    zh = _run(invoke, "beijing-2026", ledger, "--lang", "zh", "report").stdout
    assert "| 指标 | 目标 | 完成值 | 状态 |" in zh and "累计完成 |" not in zh
    en = _run(invoke, "beijing-2026", ledger, "report").stdout
    assert "| Indicator | Target | Actual | Status |" in en and "Year to date" not in en


# ---------------------------------------------------------------------------- 3. 合计


@pytest.mark.parametrize("plan", ["beijing-2026", "zhejiang-2026", "guangdong-2026"])
def test_one_section_has_no_total_row(invoke, tmp_path: Path, plan: str) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "one.progress.toml"
    _run(invoke, plan, ledger, "record", "gdp", "5.1", "--period", "2026-Q2")
    status = _run(invoke, plan, ledger, "--lang", "zh", "status").stdout
    by_section = status[status.index("分领域情况") :]
    assert " 主要预期目标 " in by_section
    assert not [line for line in by_section.splitlines() if line.lstrip().startswith("合计")]
    report = _run(invoke, plan, ledger, "--lang", "zh", "report").stdout
    assert "**合计**" not in report and "| 主要预期目标 |" in report
    english = _run(invoke, plan, ledger, "report").stdout
    assert "**Total**" not in english and "| Headline targets |" in english


def test_several_sections_keep_their_total_row(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "guandu.progress.toml"
    _run(invoke, "guandu-2022", ledger, "record", "gdp", "5.1", "--period", "2022-Q2")
    status = _run(invoke, "guandu-2022", ledger, "--lang", "zh", "status").stdout
    by_section = status[status.index("分领域情况") :]
    assert [line for line in by_section.splitlines() if line.lstrip().startswith("合计")]
    report = _run(invoke, "guandu-2022", ledger, "--lang", "zh", "report").stdout
    assert "| **合计** | **80** |" in report


# ---------------------------------------------------------------------------- 4. 城镇 ≠ 居民


def test_urban_income_is_not_suggested_as_all_residents_income(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    figures = tmp_path / "bulletin.csv"
    figures.write_text(
        "target,period,value\n城镇居民人均可支配收入,2026-06,5.1\n", encoding="utf-8"
    )
    for plan in ("liaoning-2026", "shanghai-2026", "zhejiang-2026"):
        result = invoke("--plan", plan, "--ledger", str(tmp_path / f"{plan}.toml"), "--lang",
                        "zh", "import", str(figures))  # fmt: skip
        assert result.exit_code != 0
        assert "是否想找" not in result.stderr, result.stderr
        assert (
            f"计划 {plan} 中没有目标 '城镇居民人均可支配收入'；居民人均可支配收入"
            "（resident_income）不是同一指标（城镇、农村、规上等统计范围不同）"
        ) in result.stderr
        refused = invoke("--plan", plan, "record", "城镇居民人均可支配收入", "5", "--period",
                         "2026-06")  # fmt: skip
        assert "did you mean" not in refused.stderr and "not the same statistic" in (refused.stderr)


def test_all_residents_income_is_not_suggested_as_urban_or_rural() -> None:
    gansu = load_plan("gansu-2026")  # 城镇居民 and 农村居民人均可支配收入, no all-resident target
    assert close_targets(gansu, "居民人均可支配收入") == []
    guizhou = load_plan("guizhou-2026")  # 城镇常住居民人均可支配收入
    assert [i for i, _shown in close_targets(guizhou, "城镇居民人均可支配收入")] == ["urban_income"]
    guandu = load_plan("guandu-2022")  # a misspelt name of the same scope is still suggested
    assert [i for i, _s in close_targets(guandu, "城镇调查失业率")] == ["unemployment_rate"]


def test_scope_words() -> None:
    from plancli.name_qualifiers import same_scope, scopes  # new in session 40

    assert not same_scope("城镇居民人均可支配收入", "居民人均可支配收入")
    assert not same_scope("规上工业增加值", "工业增加值")
    assert not same_scope("规模以上工业增加值", "工业增加值")
    assert same_scope("规上工业增加值", "规模以上工业增加值")
    assert same_scope("农民人均可支配收入", "农村居民人均可支配收入")
    assert not same_scope("全口径税收收入", "税收收入")
    assert scopes("常住人口城镇化率") == frozenset()  # 城镇化 is the measure, not a scope
