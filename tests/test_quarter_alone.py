"""二季度, 三季度, 四季度 and 下半年 name the quarter (half) ALONE in a Chinese statistical
bulletin (2022's national GDP: 一季度 4.8 %, 二季度 0.4 %, 上半年 2.5 %), not the position from
January plancli records (audit 3, defect 3): read as 2022-Q2, the quarter's own 0.4 % superseded
the half-year's 2.5 % and the report called it 累计增长. They are refused, as 4-6月 is, one line,
naming the year-to-date forms; 一季度 (= 1-3月), 前三季度, 上半年, 全年 and 2022-Q2 stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import read_records
from plancli.errors import InputError
from plancli.periods import bulletin_period, read_period

ALONE = {
    "二季度": "the quarter alone, not year to date: plancli records figures from January; "
    "write 上半年, 1-6月 or 2022-Q2",
    "第二季度": "the quarter alone, not year to date: plancli records figures from January; "
    "write 上半年, 1-6月 or 2022-Q2",
    "2022年二季度": "the quarter alone, not year to date: plancli records figures from January; "
    "write 上半年, 1-6月 or 2022-Q2",
    "三季度": "the quarter alone, not year to date: plancli records figures from January; "
    "write 前三季度, 1-9月 or 2022-Q3",
    "2022年第四季度": "the quarter alone, not year to date: plancli records figures from "
    "January; write 全年, 1-12月 or 2022",
    "下半年": "the half-year alone, not year to date: plancli records figures from January; "
    "write 全年, 1-12月 or 2022",
}


@pytest.mark.parametrize(("text", "reason"), ALONE.items())
def test_a_quarter_alone_is_refused_naming_the_year_to_date_forms(text: str, reason: str) -> None:
    for read in (lambda: bulletin_period(text, 2022), lambda: read_period(text, 2022)):
        with pytest.raises(InputError) as caught:
            read()
        assert str(caught.value) == f"period {text!r} is {reason}"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("一季度", "2022-Q1"),
        ("第一季度", "2022-Q1"),
        ("前三季度", "2022-Q3"),
        ("2022年前三季度", "2022-Q3"),
        ("上半年", "2022-H1"),
        ("全年", "2022"),
        ("2022-Q2", "2022-Q2"),
        ("2022Q2", "2022-Q2"),
        ("2022-H2", "2022-H2"),
    ],
)
def test_the_year_to_date_forms_stay(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period


def test_the_quarters_growth_does_not_supersede_the_half_years(run: Callable[..., Any]) -> None:
    """The audit's steps: 上半年 2.5 % recorded, then 二季度 0.4 % refused, the 2.5 % in force."""
    first = run("record", "gdp", "2.5", "--period", "上半年")
    assert first.exit_code == 0, first.stderr
    second = run("record", "gdp", "0.4", "--period", "二季度")
    assert second.exit_code == 2
    assert second.stderr == (f"error: period '二季度' is {ALONE['二季度']}\n"), second.stderr
    [record] = read_records(run.ledger)  # type: ignore[attr-defined]
    assert (record.period, str(record.value)) == ("2022-H1", "2.5")
    zh = run("--lang", "zh", "record", "gdp", "0.4", "--period", "下半年")
    assert zh.exit_code == 2 and zh.stderr.count("\n") == 1, zh.stderr
    assert "全年" in zh.stderr and "1-12月" in zh.stderr, zh.stderr


def test_an_import_refuses_the_quarter_alone_on_its_row(run: Callable[..., Any]) -> None:
    Path("q.csv").write_text(
        "指标,期间,数值\n地区生产总值,2022年上半年,2.5\n地区生产总值,2022年二季度,0.4\n",
        encoding="utf-8",
    )
    result = run("import", "q.csv")
    assert result.exit_code == 2, result.stderr
    assert "q.csv:3" in result.stderr and "the quarter alone" in result.stderr, result.stderr
    assert "上半年, 1-6月 or 2022-Q2" in result.stderr, result.stderr
    assert read_records(run.ledger) == []  # type: ignore[attr-defined]
