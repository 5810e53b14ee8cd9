"""Session 39's walk of the bundled 河南 2026 plan (城镇新增就业110万人以上; 进出口稳量提质), an
analyst's half year recorded by hand and from a bulletin laid out as 河南省统计局 publishes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def _current(invoke: Any, args: list[str], target: str) -> dict[str, Any]:
    result = invoke(*args, "gap", "--json")
    assert result.exit_code == 0, result.output
    rows = [row for row in json.loads(result.stdout)["targets"] if row["id"] == target]
    return rows[0]


BULLETIN = """2026年1-6月全省主要经济指标
指标,1-6月（亿元）,增长（%）
地区生产总值,32015.62,5.3
"""


@pytest.mark.parametrize("name", ["进出口总值", "货物进出口总值", "外贸进出口总值"])
def test_a_bulletins_jinchukou_zongzhi_is_the_plans_foreign_trade(
    invoke: Any, tmp_path: Path, name: str
) -> None:
    """Before: `进出口总值` — the 河南 report's own words (进出口总值增长14.1%) and 海关's — was
    no target (`是否想找 进出口总额（foreign_trade）？`), though 进出口总额 was read."""
    args = ["--plan", "henan-2026", "--ledger", str(tmp_path / "hn.progress.toml")]
    bulletin = tmp_path / "1-6月.csv"
    bulletin.write_text(f"{BULLETIN}{name},4562.3,12.0\n", encoding="utf-8")
    result = invoke("--lang", "zh", *args, "import", str(bulletin))
    assert result.exit_code == 0, result.output
    row = _current(invoke, args, "foreign_trade")
    assert (row["period"], row["actual"]) == ("2026-06", 12.0)


@pytest.fixture
def henan(invoke: Any, tmp_path: Path) -> list[str]:
    """一季度城镇新增就业30.2万人: the total at the end of March."""
    args = ["--plan", "henan-2026", "--ledger", str(tmp_path / "hn.progress.toml")]
    assert invoke(*args, "record", "new_urban_jobs", "30.2", "-p", "1-3月").exit_code == 0
    return args


@pytest.mark.parametrize("span", ["4-6月", "二季度", "4月至6月", "2026年4-6月", "4—6月"])
def test_add_takes_a_span_as_a_bulletin_names_the_increment(
    invoke: Any, henan: list[str], span: str
) -> None:
    """Before: `record new_urban_jobs 28 -p 4-6月 --add` was refused (`期间 '4-6月' 不是年初至今
    的累计期间`), and `-p 二季度 --add` as the quarter alone, though with --add the figure IS
    the quarter's increment (二季度新增就业28万人). After: 30.2 + 28 = 58.2 for 1-6月."""
    result = invoke("--lang", "zh", *henan, "record", "new_urban_jobs", "28", "-p", span, "--add")
    assert result.exit_code == 0, result.output
    assert "2026-06 = 58.2万人（2026-03 的 30.2 + 28）" in result.output
    row = _current(invoke, henan, "new_urban_jobs")
    assert (row["period"], row["actual"]) == ("2026-06", 58.2)


def test_add_over_the_second_half_is_added_to_the_first(invoke: Any, henan: list[str]) -> None:
    assert invoke(*henan, "record", "new_urban_jobs", "60.52", "-p", "上半年").exit_code == 0
    result = invoke(*henan, "record", "new_urban_jobs", "52", "-p", "下半年", "--add")
    assert result.exit_code == 0, result.output
    assert _current(invoke, henan, "new_urban_jobs")["actual"] == 112.52


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "错误：--add 5-6月：5月起的增量要加到 new_urban_jobs 截至4月末的累计数（1-4月）上，"
            "但此前最近一期是 2026-03；请先录入 1-4月",
        ),
        (
            "en",
            "error: --add 5-6月: the increment from 5月 is added to the year-to-date figure of "
            "new_urban_jobs at the end of 4月 (1-4月), but the latest before it is for 2026-03",
        ),
    ],
)
def test_a_span_after_a_gap_is_refused(invoke: Any, henan: list[str], lang: str, said: str) -> None:
    """5-6月 onto 1-3月 would leave April out: refused, nothing written."""
    result = invoke(
        "--lang", lang, *henan, "record", "new_urban_jobs", "20", "-p", "5-6月", "--add"
    )
    assert result.exit_code == 2
    assert said in " ".join(result.output.split("\n"))
    assert _current(invoke, henan, "new_urban_jobs")["actual"] == 30.2


def test_a_span_with_nothing_before_it_is_refused(invoke: Any, tmp_path: Path) -> None:
    args = ["--plan", "henan-2026", "--ledger", str(tmp_path / "hn.progress.toml")]
    result = invoke(
        "--lang", "zh", *args, "record", "new_urban_jobs", "28", "-p", "二季度", "--add"
    )
    assert result.exit_code == 2
    assert "但此前没有记录；请先录入 1-3月" in result.output


@pytest.mark.parametrize(
    ("span", "said"),
    [
        ("4-6月", "不是年初至今的累计期间"),
        ("二季度", "是单季度"),
    ],
)
def test_without_add_a_span_is_still_refused_and_points_to_add(
    invoke: Any, henan: list[str], span: str, said: str
) -> None:
    """Before: the refusal named only the forms from January (1-6月, 二季度末), though 28 for
    二季度 of a cumulative target is most likely the quarter's increment. After: it says --add
    takes that too. Nothing written."""
    result = invoke("--lang", "zh", *henan, "record", "new_urban_jobs", "28", "-p", span)
    assert result.exit_code == 2
    assert said in result.output
    assert f"若是 {span} 这一时段的增量，请加 --add：加在 1-3月的累计数上" in result.output
    assert _current(invoke, henan, "new_urban_jobs")["actual"] == 30.2


def test_a_growth_targets_span_is_not_pointed_to_add(invoke: Any, henan: list[str]) -> None:
    result = invoke("--lang", "zh", *henan, "record", "gdp", "5.1", "-p", "4-6月")
    assert result.exit_code == 2
    assert "不是年初至今的累计期间" in result.output and "--add" not in result.output


def test_add_on_a_growth_target_is_refused_as_before(invoke: Any, henan: list[str]) -> None:
    result = invoke("--lang", "zh", *henan, "record", "gdp", "5", "-p", "4-6月", "--add")
    assert result.exit_code == 2
    assert "--add 仅用于累计类目标" in result.output


def test_a_first_figure_for_an_earlier_period_is_a_late_record_not_a_correction(
    invoke: Any, tmp_path: Path
) -> None:
    """Before: CPI 1-6月 0.8 %, then 一季度 0.5 % recorded for the first time, said
    `注意：这是补录更正` — nothing was corrected. After: 补录; a second 一季度 figure is
    补录更正."""
    args = ["--lang", "zh", "--plan", "henan-2026", "--ledger", str(tmp_path / "hn.toml")]
    assert invoke(*args, "record", "cpi", "0.8", "-p", "1-6月").exit_code == 0
    first = invoke(*args, "record", "cpi", "0.5", "-p", "一季度末")
    assert "注意：这是补录；以后各期保留各自的数值（2026-06）" in first.stderr
    again = invoke(*args, "record", "cpi", "0.6", "-p", "一季度末")
    assert "注意：这是补录更正；以后各期保留各自的数值（2026-06）" in again.stderr


def test_a_bulletins_chengzhen_xinzeng_jiuye_renshu_is_new_urban_jobs(
    invoke: Any, tmp_path: Path
) -> None:
    """Before: 城镇新增就业人数 (a 统计局 table's row, 单位 万人) was no target (是否想找 城镇新增
    就业（new_urban_jobs）？) and the whole bulletin was refused."""
    args = ["--plan", "henan-2026", "--ledger", str(tmp_path / "hn.progress.toml")]
    bulletin = tmp_path / "hn.csv"
    bulletin.write_text(
        "河南省主要经济指标（2026年1-9月）\n指标名称,单位,1-9月,比上年同期增长（%）\n"
        "城镇新增就业人数,万人,88.6,\n",
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *args, "import", str(bulletin))
    assert result.exit_code == 0, result.output
    row = _current(invoke, args, "new_urban_jobs")
    assert (row["period"], row["actual"]) == ("2026-09", 88.6)
