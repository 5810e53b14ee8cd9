"""Session 32: a period reads alike in every form, and a month, quarter or half that is none
is named in every form.

- Every period form takes full-width digits and letters (NFKC) alike: `2022-Q０` was told
  `malformed … use YYYY-MM` as if full-width were the fault; it is quarter 0 that is none,
  as `2022-Q0`'s is. Digits NFKC does not fold (Arabic-Indic) are no period anywhere; plancli's
  own form took them (`\\d`), no other did.
- `2022-13`, `2022-Q5`, `2022-H3` name the month (quarter, half) that is none, as `2022年13月`
  already did, in English and Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgers import read_records
from plancli.errors import InputError
from plancli.periods import parse_period, read_period


@pytest.fixture(name="run")
def run_fixture(invoke: Any, tmp_path: Path) -> Callable[..., Any]:
    """plancli --lang LANG --plan guandu-2022 --ledger a TOML file of tmp_path: how a command
    line is parsed is no store's (`run.ledger`, not created until written)."""

    def call(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", "guandu-2022", "--ledger", str(ledger), *args)

    ledger = tmp_path / "work.progress.toml"
    call.ledger = ledger  # type: ignore[attr-defined]
    return call


# Each form as typed in ASCII, and in full-width as a Chinese input method types it.
FULL_WIDTH = {
    "2022-06": ("２０２２-０６", "2022-06"),
    "2022-6": ("２０２２－６", "2022-06"),
    "2022/06": ("２０２２／０６", "2022-06"),
    "2022.06": ("２０２２．０６", "2022-06"),
    "2022-Q2": ("２０２２-Ｑ２", "2022-Q2"),
    "2022Q2": ("２０２２Ｑ２", "2022-Q2"),
    "2022-q2": ("２０２２-ｑ２", "2022-Q2"),
    "2022-H1": ("２０２２-Ｈ１", "2022-H1"),
    "2022h1": ("２０２２ｈ１", "2022-H1"),
    "2022": ("２０２２", "2022"),
    "2022年6月": ("２０２２年６月", "2022-06"),
    "1-6月": ("１-６月", "2022-06"),
    "2022年1-6月": ("２０２２年１－６月", "2022-06"),
    "1至6月": ("１至６月", "2022-06"),
    "1季度": ("１季度", "2022-Q1"),
    "第2季度末": ("第２季度末", "2022-Q2"),
    "前3季度": ("前３季度", "2022-Q3"),
    "1-3季度": ("１-３季度", "2022-Q3"),
    "2022年上半年": ("２０２２年上半年", "2022-H1"),
    "2022年末": ("２０２２年末", "2022"),
    "2022年度": ("２０２２年度", "2022"),
    "2022/6/30": ("２０２２/６/３０", "2022-06"),
}


@pytest.mark.parametrize(
    ("ascii_form", "full_width", "period"), [(a, *f) for a, f in FULL_WIDTH.items()]
)
def test_every_form_reads_the_same_in_full_width(
    ascii_form: str, full_width: str, period: str
) -> None:
    assert str(read_period(ascii_form, 2022)) == period
    assert str(read_period(full_width, 2022)) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2022 - 06", "2022-06"),
        ("2022 Q2", "2022-Q2"),
        ("2022\u3000年\u30006\u3000月", "2022-06"),  # ideographic spaces
        ("2022‐06", "2022-06"),  # U+2010, a word processor's hyphen
        ("2022‑06", "2022-06"),  # U+2011, the no-break hyphen
        ("1〜6月", "2022-06"),  # U+301C, the wave dash
        ("1～6月", "2022-06"),  # U+FF5E
        ("2022-1", "2022-01"),
    ],
)
def test_spaces_and_dashes_as_typed(text: str, period: str) -> None:
    assert str(read_period(text, 2022)) == period


# The period that is none, and what is said of it: the same in ASCII and full-width.
NONE_OF = [
    ("2022-13", "２０２２-１３", "there is no month 13 (a month is 1-12)"),
    ("2022-00", "２０２２-００", "there is no month 0 (a month is 1-12)"),
    ("2022/13", "２０２２／１３", "there is no month 13 (a month is 1-12)"),
    ("2022.13", "２０２２．１３", "there is no month 13 (a month is 1-12)"),
    ("2022-Q5", "２０２２-Ｑ５", "there is no quarter 5 (a quarter is 1-4)"),
    ("2022-Q0", "2022-Q０", "there is no quarter 0 (a quarter is 1-4)"),
    ("2022Q5", "２０２２Ｑ５", "there is no quarter 5 (a quarter is 1-4)"),
    ("2022q0", "２０２２ｑ０", "there is no quarter 0 (a quarter is 1-4)"),
    ("2022-H3", "２０２２-Ｈ３", "there is no half 3 (a half is H1 or H2)"),
    ("2022-H0", "２０２２-Ｈ０", "there is no half 0 (a half is H1 or H2)"),
    ("2022年13月", "２０２２年１３月", "there is no month 13 (a month is 1-12)"),
    ("13-14月", "１３-１４月", "there is no month 13 or 14 (a month is 1-12)"),
    ("第5季度", "第５季度", "there is no quarter 5 (a quarter is 1-4)"),
]


@pytest.mark.parametrize(("ascii_form", "full_width", "said"), NONE_OF)
def test_a_month_quarter_or_half_that_is_none_is_named(
    ascii_form: str, full_width: str, said: str
) -> None:
    for text in (ascii_form, full_width):
        with pytest.raises(InputError) as raised:
            read_period(text, 2022)
        assert str(raised.value) == f"malformed period '{text}': {said}"


def test_plancli_s_own_form_names_it_where_a_ledger_holds_it() -> None:
    """parse_period reads a ledger's and an import's period: the same message there."""
    with pytest.raises(InputError, match=r"^malformed period '2022-13': there is no month 13 \("):
        parse_period("2022-13")
    with pytest.raises(InputError, match=r"^malformed period '2022-H3': there is no half 3 \("):
        parse_period("2022-H3")
    assert str(parse_period("２０２２-０６")) == "2022-06"  # read, and a ledger is told its form


@pytest.mark.parametrize("text", ["٢٠٢٢-٠٦", "२०२२-०६", "٢٠٢٢年٦月"])
def test_digits_nfkc_does_not_fold_are_no_period_in_any_form(text: str) -> None:
    with pytest.raises(InputError, match="use YYYY-MM"):
        parse_period(text)
    with pytest.raises(InputError, match="use YYYY-MM"):
        read_period(text, 2022)


# 2022-Q02 and 2022-M06 were here until session 33, which names them (test_period_slips_s33);
# 2022-006 until session 34 (`a month takes two digits`: test_period_spellings_s34).
@pytest.mark.parametrize("text", ["2022--06", "22-06", "2022-Q", "2022-M13", "2022-Q2月"])
def test_what_is_no_form_keeps_the_forms_message(text: str) -> None:
    with pytest.raises(InputError) as raised:
        read_period(text, 2022)
    assert str(raised.value) == (  # since session 42 a typed period's hint names the
        # bulletin's forms too, which it reads
        f"malformed period '{text}': use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (e.g. 2022-06, "
        "2022-Q2, 2022-H1, 2022), or a bulletin's 1-6月, 一季度, 上半年, 前三季度, 截至6月末, 全年"
    )


def test_a_long_period_is_echoed_clipped() -> None:
    """`2021 … -06` with 5,000 spaces read as 2021-06: outside the plan year, named by its
    first 60 characters, not 5,007."""
    text = "2021" + " " * 5000 + "-06"
    from plancli.periods import parse_plan_period

    with pytest.raises(InputError) as raised:
        parse_plan_period(text, 2022)
    message = str(raised.value)
    assert message.startswith("period '2021 ") and "(5,007 characters)" in message
    assert len(message) < 150
    with pytest.raises(InputError) as raised:
        parse_plan_period("4-6月" + " " * 5000, 2022)
    assert "(5,004 characters)" in str(raised.value) and len(str(raised.value)) < 200


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "2022-13",
            "en",
            "error: malformed period '2022-13': there is no month 13 (a month is 1-12)",
        ),
        ("2022-13", "zh", "错误：期间 '2022-13' 有误：没有13月（月份为1～12）"),
        (
            "2022-Q5",
            "en",
            "error: malformed period '2022-Q5': there is no quarter 5 (a quarter is 1-4)",
        ),
        ("2022-Q5", "zh", "错误：期间 '2022-Q5' 有误：没有第5季度（季度为1～4）"),
        ("2022-Q０", "zh", "错误：期间 '2022-Q０' 有误：没有第0季度（季度为1～4）"),
        (
            "2022-H3",
            "en",
            "error: malformed period '2022-H3': there is no half 3 (a half is H1 or H2)",
        ),
        (
            "２０２２-Ｈ３",
            "zh",
            "错误：期间 '２０２２-Ｈ３' 有误：没有第3个半年（半年为 H1、H2，即上半年、下半年）",
        ),
    ],
)
def test_the_command_line_names_it_in_either_language(
    run: Callable[..., Any], text: str, lang: str, said: str
) -> None:
    recorded = run("record", "gdp", "5.0", "--period", text, lang=lang)
    assert (recorded.exit_code, recorded.stderr) == (2, said + "\n")
    assert run("record", "gdp", "5.0", "--amount", "700", "-p", "2022-06").exit_code == 0
    as_of = run("gap", "--as-of", text, lang=lang)
    assert as_of.exit_code == 2 and said in as_of.stderr


def test_a_full_width_period_is_recorded_as_plancli_writes_it(run: Callable[..., Any]) -> None:
    written = run("record", "gdp", "5.0", "--amount", "700", "-p", "２０２２-Ｑ２")
    assert written.exit_code == 0, written.stderr
    [record] = read_records(run.ledger)  # type: ignore[attr-defined]
    assert (record.period, str(record.value)) == ("2022-Q2", "5.0")


def test_an_import_row_names_the_period_as_its_cell_holds_it(run: Callable[..., Any]) -> None:
    """`2022-Q０` was folded to 2022-Q0 before it was refused, and named so: the cell says
    otherwise. Each form is named as typed, in either language."""
    path = run.ledger.parent / "june.csv"  # type: ignore[attr-defined]
    path.write_text(
        "target,period,value\ngdp,２０２２-Ｑ２,5.0\ngdp,2022-Q０,5.0\n"
        "retail_sales,2022年１３月,6.5\nretail_sales,２０２２-Ｈ３,6.5\n",
        encoding="utf-8",
    )
    en = run("import", str(path))
    assert en.exit_code == 2
    assert en.stderr.splitlines()[1:] == [
        f"{path}:3: target gdp: malformed period '2022-Q０': there is no quarter 0 (a quarter "
        "is 1-4)",
        f"{path}:4: target retail_sales: malformed period '2022年１３月': there is no month 13 (a "
        "month is 1-12)",
        f"{path}:5: target retail_sales: malformed period '２０２２-Ｈ３': there is no half 3 "
        "(a half is H1 or H2)",
    ]
    zh = run("import", str(path), lang="zh")
    assert zh.stderr.splitlines()[1] == (
        f"{path}:3：目标 gdp：期间 '2022-Q０' 有误：没有第0季度（季度为1～4）"
    )
    assert not run.ledger.exists()  # type: ignore[attr-defined]


_WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})  # ASCII → full


@given(
    year=st.integers(1900, 2100),
    kind=st.sampled_from(["M", "Q", "H"]),
    index=st.integers(0, 99),
    wide=st.booleans(),
    lower=st.booleans(),
)
def test_any_plancli_code_reads_or_names_what_is_none(
    year: int, kind: str, index: int, wide: bool, lower: bool
) -> None:
    """Every `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` a user may type, in either width and case: a real
    one reads as itself, any other names its month, quarter or half, never the forms."""
    code = f"{year}-{index:02d}" if kind == "M" else f"{year}-{kind}{index}"
    typed = code.lower() if lower else code
    typed = typed.translate(_WIDE) if wide else typed
    limit = {"M": 12, "Q": 4, "H": 2}[kind]
    if 1 <= index <= limit:
        assert str(read_period(typed, year)) == code
        return
    with pytest.raises(InputError) as raised:
        read_period(typed, year)
    word = {"M": "month", "Q": "quarter", "H": "half"}[kind]
    assert str(raised.value).startswith(f"malformed period '{typed}': there is no {word} {index} (")
