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

_AT_END = "(its own growth is not year to date): plancli records the position at a period's "


def _quarter(end: str, code: str, whole: str, month: int) -> str:
    return (
        f"the quarter alone {_AT_END}end, from January; write {end} or {code} for the position "
        f"at the quarter's end (a level, a rate, a total or growth to date), or {whole}, "
        f"1-{month}月"
    )


# The message suits a level too (the year-end audit, defect 8: 城镇登记失业率 is a
# quarter-end rate, and "write 全年, 1-12月 or 2022" was odd for it): 四季度末 or 2022-Q4.
ALONE = {
    "二季度": _quarter("二季度末", "2022-Q2", "上半年", 6),
    "第二季度": _quarter("二季度末", "2022-Q2", "上半年", 6),
    "2022年二季度": _quarter("二季度末", "2022-Q2", "上半年", 6),
    "三季度": _quarter("三季度末", "2022-Q3", "前三季度", 9),
    "2022年第四季度": _quarter("四季度末", "2022-Q4", "全年", 12),
    "2022年四季度": _quarter("四季度末", "2022-Q4", "全年", 12),
    "下半年": f"the half-year alone {_AT_END}end, from January; write 年末 or 2022 for the "
    "position at the year's end (a level, a rate, a total or growth to date), or 全年, 1-12月",
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
        # a point in time (the year-end audit, defect 8: what plancli itself prints, 数据截至
        # 2022年三季度末): the position at the quarter's (month's, year's) end
        ("四季度末", "2022-Q4"),
        ("2022年四季度末", "2022-Q4"),
        ("三季度末", "2022-Q3"),
        ("第三季度末", "2022-Q3"),
        ("一季度末", "2022-Q1"),
        ("12月末", "2022-12"),
        ("2022年12月底", "2022-12"),
        ("6月末", "2022-06"),
        ("上半年末", "2022-H1"),
        ("年末", "2022"),
        ("2022年末", "2022"),
        ("年底", "2022"),
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
    assert (record.period, str(record.value)) == ("2022-Q2", "2.5")  # 上半年: gdp's Q2
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
    assert "二季度末 or 2022-Q2" in result.stderr, result.stderr
    assert "or 上半年, 1-6月" in result.stderr, result.stderr
    assert read_records(run.ledger) == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["季度末", "末", "五季度末", "13月末", "下半年末"])
def test_what_names_no_point_in_time_stays_refused(text: str) -> None:
    with pytest.raises(InputError):
        read_period(text, 2022)


def test_a_quarter_end_rate_is_recorded_as_the_quarter(run: Callable[..., Any]) -> None:
    """The year-end audit: 人社局 reports 城镇登记失业率 for 四季度末; plancli prints 数据截至
    2022年三季度末 and refused those very words as a period."""
    for text in ("2022年四季度末", "四季度末", "12月末", "三季度末"):
        dry = run("record", "unemployment_rate", "3.5", "--period", text, "--dry-run")
        assert dry.exit_code == 0, (text, dry.stderr)
    result = run("record", "unemployment_rate", "3.5", "--period", "四季度末")
    assert result.exit_code == 0, result.stderr
    [record] = read_records(run.ledger)  # type: ignore[attr-defined]
    assert (record.period, str(record.value)) == ("2022-Q4", "3.5")
