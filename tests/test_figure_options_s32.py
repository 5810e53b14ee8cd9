"""Session 32: `record gdp -n5` was a dry run of -5 (Click read `-n` and passed the `5` on as
`-5`), and `record gdp -Infinity` a dry run refused as `'-Ifiity'` (its `n`s taken for `-n`, the
letters left over named): a word that reads as a figure is the figure; a flag run together with
a figure is refused, naming both (`plancli.figure_tokens`, `cli/figure_args`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from plancli.figure_tokens import reads_as_figure, run_together
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name


@pytest.mark.parametrize(
    "word",
    ["-5", "-2.5", "-.5", "-1e3", "-5%", "-1,234", "-５", "-Infinity", "-inf", "-NaN", "-nan"],
)
def test_a_word_that_reads_as_a_figure_is_one(word: str) -> None:
    assert reads_as_figure(word)


@pytest.mark.parametrize("word", ["-n", "-p", "-np", "-nx", "-infinite", "-nanny", "--5", "-"])
def test_options_are_not_figures(word: str) -> None:
    assert not reads_as_figure(word)


def test_a_flag_run_together_with_a_figure() -> None:
    flags = frozenset("n")
    assert run_together("-n5", flags) == ("-n", "5")
    assert run_together("-n-5", flags) == ("-n", "-5")
    assert run_together("-n.5", flags) == ("-n", ".5")
    assert run_together("-nx", flags) is None
    assert run_together("-p5", flags) is None  # -p takes a value: -p5 is -p '5'
    assert run_together("-n", flags) is None


@pytest.mark.parametrize(
    ("word", "lang", "said"),
    [
        (
            "-n5",
            "en",
            "error: '-n5' runs an option and a figure together: -n is --dry-run, which takes no "
            "value; write them apart (-n 5); see `plancli record --help`",
        ),
        (
            "-n-5",
            "en",
            "error: '-n-5' runs an option and a figure together: -n is --dry-run, which takes no "
            "value; write them apart (-n -5); see `plancli record --help`",
        ),
        (
            "-n5",
            "zh",
            "错误：'-n5' 把选项和数值连写在一起：-n 即 --dry-run，不带值；请分开写（-n 5）；"
            "见 `plancli record --help`",
        ),
    ],
)
def test_record_refuses_a_flag_and_a_figure_run_together(
    run: Callable[..., Any], word: str, lang: str, said: str
) -> None:
    """It was a dry run of -5, said as `would record gdp 2022-06 = -5 %`, exit 0."""
    result = run("record", "gdp", word, "-p", "2022-06", lang=lang)
    assert (result.exit_code, result.stderr) == (2, said + "\n")
    assert not run.ledger.exists()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("word", "lang", "said"),
    [
        ("-Infinity", "en", "error: value '-Infinity' is not a finite number\n"),
        ("-inf", "en", "error: value '-inf' is not a finite number\n"),
        ("-nan", "en", "error: value '-nan' is not a finite number\n"),
        ("-Infinity", "zh", "错误：数值 '-Infinity' 不是有限数\n"),
    ],
)
def test_a_number_word_is_named_as_typed(
    run: Callable[..., Any], word: str, lang: str, said: str
) -> None:
    """`-Infinity` was a dry run (its `n`s read as -n) refused as `'-Ifiity'`."""
    result = run("record", "gdp", word, "-p", "2022-06", lang=lang)
    assert (result.exit_code, result.stderr) == (2, said)


def test_a_hostile_run_together_word_is_clipped_and_escaped(run: Callable[..., Any]) -> None:
    word = "-n5" + "\x1b[31m" + "9" * 5000
    result = run("record", "gdp", word, "-p", "2022-06")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[31m" in result.stderr
    assert "characters)" in result.stderr and len(result.stderr) < 400


def test_negative_figures_dry_runs_and_the_double_dash(run: Callable[..., Any]) -> None:
    dry = run("record", "gdp", "-n", "5", "-p", "2022-06")
    assert dry.exit_code == 0 and "would record gdp 2022-06 = 5%" in dry.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]
    for args, value in (
        (("gdp", "-0.5", "-p", "2022-Q1"), "-0.5"),
        (("gdp", "-p", "2022-Q1", "--", "-0.6"), "-0.6"),
        (("gdp", "-p2022-Q1", "-.7"), "-0.7"),
        (("gdp", "-５", "-p", "2022-Q1"), "-5"),
    ):
        result = run("record", *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert f"recorded gdp 2022-Q1 = {value}%" in result.stderr
    mistyped = run("record", "gdp", "5", "-p", "2022-06", "-x")
    assert mistyped.exit_code == 2
    assert mistyped.stderr.startswith("error: no such option: -x; see `plancli record --help`")


def test_amend_takes_negative_bounds_and_refuses_run_together_flags(
    run: Callable[..., Any],
) -> None:
    negative = run("amend", "gdp", "--from", "2022-07", "--min", "-1", "-n")
    assert negative.exit_code == 0, negative.stderr
    assert "would amend gdp from 2022-07: ≥ -1 %" in negative.stderr
    together = run("amend", "gdp", "--from", "2022-07", "--min", "6", "-n6")
    assert together.exit_code == 2
    assert together.stderr.startswith("error: '-n6' runs an option and a figure together")
    assert not run.ledger.exists()  # type: ignore[attr-defined]
