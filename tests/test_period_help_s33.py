"""Session 33: `template --period`'s help listed plancli's forms alone (2022-06, 2022-Q2, …)
though it takes a bulletin's too (上半年, 1-6月), and `amend --from` left out the year it takes;
`--as-of` worded its list apart. Every period option's help now lists a month, a quarter, a
half and a year, and a bulletin's forms, in the same words, English and Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer.main

from plancli.i18n import set_language
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

PERIOD_OPTIONS = {"--period", "--as-of", "--from"}


def _period_options() -> Iterator[tuple[str, str, Any]]:
    from plancli.cli import app

    root = typer.main.get_command(app)
    ctx = root.make_context("plancli", [], resilient_parsing=True)
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        command = root.get_command(ctx, name)  # type: ignore[attr-defined]
        for param in command.params:
            if PERIOD_OPTIONS & set(param.opts):
                yield name, param.opts[0], param


def test_every_period_option_is_found() -> None:
    found = {(name, option) for name, option, _ in _period_options()}
    assert found == {
        ("record", "--period"),
        ("template", "--period"),
        ("amend", "--from"),
        ("gap", "--as-of"),
        ("status", "--as-of"),
        ("show", "--as-of"),
        ("report", "--as-of"),
    }


@pytest.mark.parametrize(
    ("lang", "bulletin"),
    [("en", ", also as a bulletin writes it ("), ("zh", "，也可按统计快报写法（")],
)
def test_every_period_option_lists_each_form(lang: str, bulletin: str) -> None:
    from plancli.i18n import _

    set_language(lang)  # type: ignore[arg-type]
    try:
        for name, option, param in _period_options():
            shown = _(param.help)
            month, quarter, half = re.findall(r"2022-(\d\d|Q\d|H\d)", shown)[:3]
            assert (month.isdigit(), quarter[0], half[0]) == (True, "Q", "H"), (name, shown)
            year = " or 2022, " if lang == "en" else " 或 2022，"
            if option == "--from":  # a whole year is refused there, naming both (session 35)
                year = ", also " if lang == "en" else "，也可"
                refused = (
                    "A whole year (2022) is refused" if lang == "en" else "只写年份（2022）不予受理"
                )
                assert refused in shown, (name, option, shown)
            assert f"2022-{half}{year}" in shown, (name, option, shown)
            assert bulletin in shown and "上半年" in shown, (name, option, shown)
    finally:
        set_language("en")


def test_template_takes_the_forms_its_help_lists(run: Callable[..., Any]) -> None:
    """上半年 and 1-6月 as 2022-H1 and 2022-06 are: GDP is quarterly (2022-Q2 due), budget
    revenue monthly (2022-06); last quarter's figure is the seed report's 0.3 % of 2021."""
    assert run("record", "gdp", "0.3", "-p", "2022-Q1").exit_code == 0
    sheets = {period: run("template", "-", "-p", period) for period in ("2022-H1", "上半年")}
    assert sheets["2022-H1"].exit_code == 0, sheets["2022-H1"].stderr
    assert sheets["上半年"].stdout == sheets["2022-H1"].stdout
    rows = sheets["上半年"].stdout.splitlines()
    assert rows[1].startswith("gdp,2022-Q2,") and rows[1].endswith(",0.3,2022-Q1")
    assert rows[2].startswith("budget_revenue,2022-06,")
    assert (
        run("template", "-", "-p", "1-6月").stdout == run("template", "-", "-p", "2022-06").stdout
    )
