"""`show` says why a growth target has no "growth the rest of the year needs" (user audit N,
D5): a drafted plan has no baseline amount unless the report states one, and the figure was
silently absent from every screen."""

from __future__ import annotations

from pathlib import Path

import pytest

PLAN = """\
[plan]
id = "city-2020"
name = "2020年主要预期目标"
name_en = "2020 main targets"
year = 2020

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline targets"

[[targets]]
id = "gdp"
section = "headline"
name = "地区生产总值"
name_en = "GDP"
kind = "growth"
unit = "亿元"
around = 6.1
frequency = "quarterly"
"""


def _show(invoke, tmp_path: Path, baseline: str, record: list[str], lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    plan = tmp_path / "city.toml"
    plan.write_text(PLAN + baseline, encoding="utf-8")
    result = invoke("--plan", str(plan), "record", "gdp", *record)
    assert result.exit_code == 0, result.output
    result = invoke("--lang", lang, "--plan", str(plan), "show", "gdp")
    assert result.exit_code == 0, result.output
    return " ".join(str(result.stdout).split())  # the table wraps its cells


Q1 = ["-8.5", "--amount", "298.6", "--period", "2020-Q1"]


def test_no_baseline_says_what_to_add(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = _show(invoke, tmp_path, "", Q1)
    assert (
        "growth needed in the rest of the year none: no baseline amount; add baseline = "
        "{ year = 2019, value = … } (last year's amount, in 亿元) to get the growth the rest "
        "of the year needs" in shown
    )


def test_no_baseline_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = _show(invoke, tmp_path, "", Q1, "zh")
    assert (
        "余下月份需增长 无：缺少上年总量；在目标中加上 baseline = { year = 2019, value = … }"
        "（上年总量，单位亿元），即可算出余下月份需增长多少" in shown
    )


def test_a_baseline_of_growth_only_wants_its_value(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = _show(invoke, tmp_path, "baseline = { year = 2019, growth = 6.2 }\n", Q1)
    assert "none: no baseline amount; add value = … to baseline (the amount of 2019, in 亿元)" in (
        shown
    )


def test_a_figure_without_its_amount(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = _show(invoke, tmp_path, "baseline = { year = 2019, value = 1452.4 }\n", Q1[:1] + Q1[3:])
    assert "none: no year-to-date amount with the figure; record it with --amount (in 亿元)" in (
        shown
    )


@pytest.mark.parametrize(
    ("baseline", "record"),
    [
        ("baseline = { year = 2019, value = 1452.4 }\n", Q1),  # the need itself: 10.33%
        ("", ["6.3", "--amount", "1500", "--period", "2020-Q4"]),  # the year's figure
    ],
)
def test_no_reason_where_there_is_a_need_or_no_rest_of_the_year(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, baseline: str, record: list[str]
) -> None:
    shown = _show(invoke, tmp_path, baseline, record)
    assert "none:" not in shown
    if baseline:
        assert "growth needed in the rest of the year 10.33 %" in shown
