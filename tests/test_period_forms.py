"""The periods a user types on the command line are the ones `import` reads (the mid-year
audit's defect 4): `record --period`, `amend --from`, `--as-of` and `report --period` take
2022年6月, 2022-6, 6月, 一季度, 上半年, 1-6月, 2022Q2 as a bulletin's period column does, the
plan year supplying a missing year; what is no period is one line and exit 2."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import read_records
from plancli.periods import read_period

FORMS = {
    "2022-06": "2022-06",
    "2022年6月": "2022-06",
    "2022-6": "2022-06",
    "6月": "2022-06",
    "1-6月": "2022-06",
    "2022年1-6月": "2022-06",
    "2022/06": "2022-06",
    "一季度": "2022-Q1",
    "2022年前三季度": "2022-Q3",
    "2022Q2": "2022-Q2",
    "上半年": "2022-H1",
    "2022年上半年": "2022-H1",
    "1-5月": "2022-05",
    "全年": "2022",
}


# What `record` stores for a quarterly target (new_5g_base_stations): a bulletin's position in
# its rhythm (period_rhythm), as `template` writes it; 1-5月 ends no quarter and stays a month.
QUARTERLY = {
    "2022年6月": "2022-Q2",
    "2022-6": "2022-Q2",
    "6月": "2022-Q2",
    "一季度": "2022-Q1",
    "2022Q2": "2022-Q2",
    "上半年": "2022-Q2",
    "1-5月": "2022-05",
}


@pytest.mark.parametrize(("text", "period"), FORMS.items())
def test_a_period_reads_as_import_reads_it(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period


def test_record_amend_and_as_of_take_the_periods_import_takes(run: Callable[..., Any]) -> None:
    for text in ("2022年6月", "2022-6", "6月", "一季度", "2022Q2", "上半年", "1-5月"):
        result = run("record", "new_5g_base_stations", "120", "--period", text, "--dry-run")
        assert result.exit_code == 0, (text, result.stderr)
        assert f"new_5g_base_stations {QUARTERLY[text]} = 120 个" in result.stderr
    written = run("record", "new_5g_base_stations", "156", "-p", "2022年6月")
    assert written.exit_code == 0, written.stderr
    [record] = read_records(run.ledger)  # type: ignore[attr-defined]
    assert record.period == "2022-Q2"  # stored as plancli writes it, in the target's rhythm
    amend = run("amend", "gdp", "--min", "6", "--from", "2022年7月", "--dry-run")
    assert amend.exit_code == 0, amend.stderr
    assert "would amend gdp from 2022-07: ≥ 6 %" in amend.stderr
    gap = run("gap", "--as-of", "6月")
    assert gap.exit_code == 0, gap.stderr
    assert "156/310 个" in gap.stdout
    assert run("status", "--as-of", "上半年").stdout == run("status", "--as-of", "2022-H1").stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("foo", "error: malformed period 'foo': use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"),
        ("2022-13", "error: malformed period '2022-13'"),
        ("2021年6月", "error: period '2021年6月' is outside the plan year 2022"),
        ("4-6月", "error: period '4-6月' is not year to date"),
    ],
)
def test_what_is_no_period_is_one_line(run: Callable[..., Any], text: str, message: str) -> None:
    result = run("record", "new_5g_base_stations", "120", "--period", text)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    if text == "4-6月":  # an as-of is a point in time: June's end (session 38), as 2022-06
        assert run("gap", "--as-of", text).stdout == run("gap", "--as-of", "2022-06").stdout
    else:
        assert run("gap", "--as-of", text).exit_code == 2
