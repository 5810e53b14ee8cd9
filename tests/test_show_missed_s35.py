"""Session 35: `show ID` of a target missed at the year's end still listed `time progress
100%`, `vs pace -6.45 pp`, `months left 0` and the at-risk tolerance: a pace for a year with
no months left. They go, as session 34 took them from a target met (`settled.pace_over`);
`show --json` keeps every field of the assessment."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name
from test_show_met_s34 import PACE

FIVE_G = "new_5g_base_stations"  # 新建5G基站310个 (the seed report)


def _lines(text: str) -> list[str]:
    return [" ".join(row.split()) for row in text.splitlines()]


def _record(run: Callable[..., Any], *args: str) -> None:
    result = run("record", *args)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "kept"),
    [
        ("en", ("status missed", "gap 20 个", "completion 93.55 %", "projection 290 个")),
        ("zh", ("状态 未完成", "差距 20 个", "完成率 93.55 %", "全年预计 290 个")),
    ],
)
def test_a_count_missed_at_the_year_s_end_has_no_pace_lines(
    run: Callable[..., Any], lang: str, kept: tuple[str, ...]
) -> None:
    """290 of 310 base stations by December: 20 short, missed."""
    _record(run, FIVE_G, "290", "-p", "2022-12")
    shown = run("show", FIVE_G, lang=lang)
    assert shown.exit_code == 0, shown.stderr
    lines = _lines(shown.stdout)
    for line in kept:
        assert line in lines, (line, lines)
    for label in PACE[lang]:  # before: at-risk tolerance 10 pp, months left 0, vs pace -6.45 pp
        assert not [row for row in lines if row.startswith(label + " ")], (label, lines)


def test_a_growth_missed_at_the_year_s_end_has_no_tolerance_line(run: Callable[..., Any]) -> None:
    """GDP 4.1 % for 2022 against ≥ 7 %: missed by 2.9 points; `at-risk tolerance 1 pp` went."""
    _record(run, "gdp", "4.1", "-p", "2022")
    lines = _lines(run("show", "gdp").stdout)
    assert "status missed" in lines and "gap 2.9 pp" in lines
    assert not [row for row in lines if row.startswith("at-risk tolerance")], lines


def test_show_json_keeps_the_pace_fields_of_a_missed_target(run: Callable[..., Any]) -> None:
    _record(run, FIVE_G, "290", "-p", "2022-12")
    judged = json.loads(run("show", FIVE_G, "--json").stdout)["assessment"]
    assert (judged["status"], judged["time_progress"], judged["months_left"]) == ("missed", 1, 0)
    assert (judged["pace_gap_pp"], judged["tolerance_pp"]) == (-6.45, 10)


def test_the_same_target_behind_in_september_keeps_its_pace(run: Callable[..., Any]) -> None:
    """200 by September is behind, with three months to catch up: the pace lines say how."""
    _record(run, FIVE_G, "200", "-p", "2022-09")
    lines = _lines(run("show", FIVE_G).stdout)
    assert "status behind" in lines
    for line in ("time progress 75 %", "vs pace -10.48 pp", "needed per month 37 个"):
        assert line in lines, (line, lines)
    assert "months left 3" in lines and "at-risk tolerance 10 pp" in lines
