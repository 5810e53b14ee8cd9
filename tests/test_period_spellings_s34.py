"""Session 34: periods as an analyst spells them that were told the generic `malformed period
… use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY`.

Read, since each names one period plainly: a year and months in Chinese numerals, as a formal
document dates itself (`二〇二二年六月`, `2022年一至六月`: `plancli.period_numerals`), and
plancli's quarter or half letter after 年 (`2022年Q2`, as `2022Q2` and `2022 Q2` were read).
Named with the form to write: a month padded to three digits (`2022-006`) and the year written
last (`Q2 2022`). `2022年二季度` and `2022年第2季度` keep their message (the quarter alone is no
year-to-date figure, session 27). Full-width alike.
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
    "二〇二二年六月": "2022-06",
    "二零二二年六月": "2022-06",
    "二〇二二年十二月末": "2022-12",
    "二〇二二年上半年": "2022-H1",
    "二〇二二年前三季度": "2022-Q3",
    "二〇二二年三季度末": "2022-Q3",
    "二〇二二年": "2022",
    "二〇二二年度": "2022",
    "2022年六月": "2022-06",
    "2022年十月": "2022-10",
    "2022年十一月份": "2022-11",
    "2022年一至六月": "2022-06",
    "一至九月": "2022-09",
    "一月至六月": "2022-06",
    "六月": "2022-06",
    "2022年Q2": "2022-Q2",
    "2022年q3": "2022-Q3",
    "2022年H1": "2022-H1",
    "２０２２年Ｑ２": "2022-Q2",
    "２０２２年ｈ１": "2022-H1",
    # read before, read still
    "2022 Q2": "2022-Q2",
    "2022年第二季度末": "2022-Q2",
    "2022年上半年": "2022-H1",
    "2022年1—6月": "2022-06",
    "一至三季度": "2022-Q3",
}


@pytest.mark.parametrize(("text", "period"), READ.items())
def test_an_unambiguous_spelling_is_read(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period
    assert bulletin_period(text, 2022) == period  # import's reader alike


NAMED = {
    "2022-006": "malformed period '2022-006': a month takes two digits; write 2022-06",
    "2022-012": "malformed period '2022-012': a month takes two digits; write 2022-12",
    "2022.006": "malformed period '2022.006': a month takes two digits; write 2022-06",
    "２０２２－００６": (
        "malformed period '２０２２－００６': a month takes two digits; write 2022-06"
    ),
    "Q2 2022": "malformed period 'Q2 2022': the year comes first; write 2022-Q2",
    "q3-2022": "malformed period 'q3-2022': the year comes first; write 2022-Q3",
    "H1 2022": "malformed period 'H1 2022': the year comes first; write 2022-H1",
    "Ｑ２ ２０２２": "malformed period 'Ｑ２ ２０２２': the year comes first; write 2022-Q2",
    # a month, quarter or half that is none is named as none in the new forms too
    "二〇二二年十三月": (
        "malformed period '二〇二二年十三月': there is no month 13 (a month is 1-12)"
    ),
    "2022年Q5": "malformed period '2022年Q5': there is no quarter 5 (a quarter is 1-4)",
    "2022年Q02": "malformed period '2022年Q02': Q takes one digit, without a 0; write 2022-Q2",
}


@pytest.mark.parametrize(("text", "said"), NAMED.items())
def test_a_near_spelling_is_told_the_form_to_write(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == said
    written = said.rpartition("write ")[2]
    if written != said:  # the form told is read as meant
        assert str(read_period(written, 2022)) == written


@pytest.mark.parametrize(
    "text", ["2022年二季度", "2022年第2季度", "２０２２年第２季度", "二〇二二年二季度"]
)
def test_the_quarter_alone_keeps_its_message(text: str) -> None:
    """A bulletin's 二季度 is the quarter's own growth (0.4 % in 2022's), not year to date."""
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value).startswith(f"period '{text}' is the quarter alone")
    assert "write 二季度末 or 2022-Q2" in str(caught.value)


def test_a_span_of_numerals_not_from_january_is_refused_as_the_digits_are() -> None:
    with pytest.raises(InputError, match="is not year to date") as caught:
        read_period("二〇二二年四至六月", 2022)
    assert str(caught.value).startswith("period '二〇二二年四至六月' is not year to date")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "error: malformed period '2022-006': a month takes two digits; write 2022-06\n"),
        ("zh", "错误：期间 '2022-006' 格式不对：月份为两位数字；请写 2022-06\n"),
    ],
)
def test_record_names_a_padded_month_and_writes_nothing(
    run: Callable[..., Any], lang: str, said: str
) -> None:
    result = run("record", "gdp", "0.3", "-p", "2022-006", lang=lang)
    assert (result.exit_code, result.stderr) == (2, said)
    assert not run.ledger.exists()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "error: malformed period 'Q2 2022': the year comes first; write 2022-Q2\n"),
        ("zh", "错误：期间 'Q2 2022' 格式不对：年份在前；请写 2022-Q2\n"),
    ],
)
def test_status_names_the_year_written_last(run: Callable[..., Any], lang: str, said: str) -> None:
    assert run("record", "gdp", "0.3", "-p", "2022-06").exit_code == 0
    result = run("status", "--as-of", "Q2 2022", lang=lang)
    assert (result.exit_code, result.stderr) == (2, said)


def test_record_reads_a_date_in_numerals_as_its_month(run: Callable[..., Any]) -> None:
    """GDP grew 0.3 % (the seed report's 地区生产总值…同比增长0.3%), recorded as 二〇二二年六月."""
    result = run("record", "gdp", "0.3", "-p", "二〇二二年六月")
    assert result.exit_code == 0, result.stderr
    assert "gdp 2022-Q2 = 0.3%" in result.stderr  # a bulletin's June: quarterly gdp's Q2
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    assert [(r.period, str(r.value)) for r in records] == [("2022-Q2", "0.3")]


def test_import_reads_plancli_s_letter_after_the_year(
    run: Callable[..., Any], tmp_path: Any
) -> None:
    csv = tmp_path / "q.csv"
    csv.write_text("指标,期间,数值\ngdp,2022年Q2,0.3\n", encoding="utf-8")
    result = run("import", str(csv))
    assert result.exit_code == 0, result.stderr
    records = read_records(run.ledger)  # type: ignore[attr-defined]
    assert [(r.period, str(r.value)) for r in records] == [("2022-Q2", "0.3")]
