"""Session 33: a period nearly written as plancli writes it was told `malformed … use YYYY-MM,
YYYY-Qn, YYYY-Hn or YYYY`, leaving the user to find the character that was wrong: a quarter
or half padded with a 0 (`2022-Q02`, `2022-H02`), a month with a letter (`2022-M6`), plancli's
month with a bulletin's 月 (`2022-6月`). Each now names what is wrong and the form to write,
full-width alike, wherever a period is read (`plancli.period_slips`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancli.errors import InputError
from plancli.periods import read_period
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

SAID = {
    "2022-Q02": "malformed period '2022-Q02': Q takes one digit, without a 0; write 2022-Q2",
    "2022-q02": "malformed period '2022-q02': Q takes one digit, without a 0; write 2022-Q2",
    "2022-H02": "malformed period '2022-H02': H takes one digit, without a 0; write 2022-H2",
    "2022-M6": "malformed period '2022-M6': a month is written without M; write 2022-06 or "
    "2022年6月",
    "2022M06": "malformed period '2022M06': a month is written without M; write 2022-06 or "
    "2022年6月",
    "2022-6月": "malformed period '2022-6月': a month is written 2022年6月 with 月, 2022-06 "
    "without it",
    "２０２２-Ｑ０２": "malformed period '２０２２-Ｑ０２': Q takes one digit, without a 0; "
    "write 2022-Q2",
    "２０２２－Ｈ０１": "malformed period '２０２２－Ｈ０１': H takes one digit, without a 0; "
    "write 2022-H1",
    "２０２２-Ｍ６": "malformed period '２０２２-Ｍ６': a month is written without M; write "
    "2022-06 or 2022年6月",
    "２０２２-６月": "malformed period '２０２２-６月': a month is written 2022年6月 with 月, "
    "2022-06 without it",
    # a number that is none stays named as none (session 32), padded or not
    "2022-Q0": "malformed period '2022-Q0': there is no quarter 0 (a quarter is 1-4)",
    "2022-Q05": "malformed period '2022-Q05': there is no quarter 5 (a quarter is 1-4)",
    "2022-H0": "malformed period '2022-H0': there is no half 0 (a half is H1 or H2)",
}


@pytest.mark.parametrize(("text", "said"), SAID.items())
def test_a_period_nearly_right_names_what_is_wrong(text: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    assert str(caught.value) == said


@given(
    letter=st.sampled_from(["Q", "q", "H", "h", "Ｑ", "Ｈ"]),
    zeros=st.integers(1, 3),
    number=st.integers(1, 4),
    dash=st.sampled_from(["-", "", "－"]),
)
def test_the_form_a_padded_period_is_told_to_take_reads_as_meant(
    letter: str, zeros: int, number: int, dash: str
) -> None:
    last = 4 if letter.upper() in ("Q", "Ｑ") else 2
    text = f"2022{dash}{letter}{'0' * zeros}{number}"
    with pytest.raises(InputError) as caught:
        read_period(text, 2022)
    if number > last:  # H03, H003: no half 3, as H3 is
        assert str(caught.value).endswith(f"there is no half {number} (a half is H1 or H2)")
        return
    written = str(caught.value).rpartition("; write ")[2]
    assert str(read_period(written, 2022)) == written  # the form told is read, as meant
    assert written.endswith(f"{number}") and written.startswith("2022-")


def test_the_forms_told_are_read() -> None:
    for told in ("2022-06", "2022年6月", "2022-Q2", "2022-H2", "2022-H1"):
        assert read_period(told, 2022) is not None


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("2022-Q02", "en", "error: " + SAID["2022-Q02"]),
        (
            "2022-Q02",
            "zh",
            "错误：期间 '2022-Q02' 格式不对：Q 后只写一位数字，不补 0；请写 2022-Q2",
        ),
        (
            "２０２２-Ｍ６",
            "zh",
            "错误：期间 '２０２２-Ｍ６' 格式不对：月份前不加 M；请写 2022-06 或 2022年6月",
        ),
        (
            "2022-6月",
            "zh",
            "错误：期间 '2022-6月' 格式不对：带“月”的写作 2022年6月，不带“月”的写作 2022-06",
        ),
    ],
)
def test_record_says_it(run: Callable[..., Any], text: str, lang: str, said: str) -> None:
    """GDP grew 0.3 % in 2021 (the seed report): a figure refused for its period alone."""
    result = run("record", "gdp", "0.3", "-p", text, lang=lang)
    assert (result.exit_code, result.stderr) == (2, said + "\n")
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_every_period_option_and_an_import_row_say_it(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    recorded = run("record", "gdp", "0.3", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    for args in (
        ("gap", "--as-of", "2022-M6"),
        ("status", "--as-of", "2022-M6"),
        ("show", "gdp", "--as-of", "2022-M6"),
        ("template", str(tmp_path / "t.xlsx"), "--period", "2022-M6"),
    ):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (2, "error: " + SAID["2022-M6"] + "\n"), args
    amend = run("amend", "gdp", "--from", "2022-M6", "--min", "6")
    assert (amend.exit_code, amend.stderr) == (2, "error: --from: " + SAID["2022-M6"] + "\n")
    sheet = tmp_path / "h1.csv"
    sheet.write_text("target,period,value\ngdp,2022-Q02,0.3\n", encoding="utf-8")
    before = run.ledger.read_bytes()  # type: ignore[attr-defined]
    imported = run("import", str(sheet))
    assert imported.exit_code == 2
    assert f"h1.csv:2: target gdp: {SAID['2022-Q02']}" in imported.stderr
    assert run.ledger.read_bytes() == before  # type: ignore[attr-defined]
