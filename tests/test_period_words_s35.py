"""Session 35: spellings told the generic `malformed period … use YYYY-MM, …` on main (0c892514).

- a date in Chinese numerals, as a formal document dates itself (`二〇二二年六月三十日`), is read
  as `2022年6月30日` is: its month;
- a quarter that is none with the year written last (`Q5 2022`) is named as `2022-Q5` is;
- a quarter's 季 without 度 (`2022年第2季`) is read as 季度: `2022年第2季` gets the message of
  `2022年第2季度`, the quarter alone (docs/commands.md, session 27's rule), `一季` is 2022-Q1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ledgers import read_records
from plancli.errors import InputError
from plancli.periods import bulletin_period, read_period
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

READ = {
    "二〇二二年六月三十日": "2022-06",
    "二零二二年十二月三十一日": "2022-12",
    "二〇二二年一月六日": "2022-01",
    "二〇二二年九月十日": "2022-09",
    "2022年六月30日": "2022-06",
    "２０２２年六月三十日": "2022-06",
    "一季": "2022-Q1",
    "2022年一季": "2022-Q1",
    "前三季": "2022-Q3",
    "三季末": "2022-Q3",
    "2022年第2季末": "2022-Q2",
    "1-3季": "2022-Q3",
}


@pytest.mark.parametrize(("text", "period"), READ.items())
def test_a_spelling_that_names_one_period_is_read(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period
    assert bulletin_period(text, 2022) == period  # import's reader alike


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Q5 2022", "malformed period 'Q5 2022': there is no quarter 5 (a quarter is 1-4)"),
        ("q0-2022", "malformed period 'q0-2022': there is no quarter 0 (a quarter is 1-4)"),
        ("Ｑ５ ２０２２", "malformed period 'Ｑ５ ２０２２': there is no quarter 5 (a quarter "
         "is 1-4)"),
        ("H3 2022", "malformed period 'H3 2022': there is no half 3 (a half is H1 or H2)"),
        ("2022-Q5", "malformed period '2022-Q5': there is no quarter 5 (a quarter is 1-4)"),
        ("2022年第5季", "malformed period '2022年第5季': there is no quarter 5 (a quarter is 1-4)"),
        # a day that is none is no date: as 2022年6月31日 is
        ("二〇二二年六月三十一日", "malformed period '二〇二二年六月三十一日': use YYYY-MM, "
         "YYYY-Qn, YYYY-Hn or YYYY (e.g. 2022-06, 2022-Q2, 2022-H1, 2022), or a bulletin's "
         "1-6月, 一季度, 上半年, 前三季度, 截至6月末, 全年"),  # the bulletin's forms: session 42
    ],
)  # fmt: skip
def test_a_quarter_that_is_none_is_named_however_written(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == said


@pytest.mark.parametrize("text", ["2022年第2季", "2022年2季", "第二季", "２０２２年第２季"])
def test_the_quarter_alone_without_度_gets_its_message(text: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    said = str(caught.value)
    with pytest.raises(InputError) as with_度:
        read_period(text + "度", 2022)
    assert said == str(with_度.value).replace(f"'{text}度'", f"'{text}'")
    assert said.startswith(f"period '{text}' is the quarter alone")
    assert "write 二季度末 or 2022-Q2" in said


def test_record_reads_a_date_in_numerals_as_its_month(run: Callable[..., Any]) -> None:
    """120 new 5G base stations by June's end (the figure test_assess uses), dated as a
    document dates it."""
    result = run("record", "new_5g_base_stations", "120", "-p", "二〇二二年六月三十日")
    assert result.exit_code == 0, result.stderr
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    assert [(r.period, str(r.value)) for r in records] == [("2022-06", "120")]


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("en", "Q5 2022", "error: malformed period 'Q5 2022': there is no quarter 5 (a quarter "
         "is 1-4)\n"),
        ("zh", "Q5 2022", "错误：期间 'Q5 2022' 有误：没有第5季度（季度为1～4）\n"),
    ],
)  # fmt: skip
def test_status_names_what_is_wrong(
    run: Callable[..., Any], lang: str, text: str, said: str
) -> None:
    assert run("record", "gdp", "0.3", "-p", "2022-06").exit_code == 0
    result = run("status", "--as-of", text, lang=lang)
    assert result.exit_code == 2
    assert result.stderr.startswith(said)


def test_a_quarter_alone_is_refused_as_a_figures_period(run: Callable[..., Any]) -> None:
    """`2022年第2季` as a figure's period (`record -p`) is the quarter alone, refused; as an
    as-of, a point in time, it is the quarter's end since session 38 (test_as_of_points_s38)."""
    result = run("record", "gdp", "0.3", "-p", "2022年第2季", lang="zh")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "错误：期间 '2022年第2季' 是单季度（其本身的增速不是年初至今的累计）"
    )
    assert run("record", "gdp", "0.3", "-p", "2022-06").exit_code == 0
    status = run("status", "--as-of", "2022年第2季", lang="zh")
    assert status.exit_code == 0, status.stderr
    assert status.stdout == run("status", "--as-of", "2022-Q2", lang="zh").stdout
