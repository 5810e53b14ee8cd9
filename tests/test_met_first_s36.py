"""Session 36: `show` of a cumulative target met named the period of the figure judged (its
latest), not the one that first met the bound: 新建5G基站310个 with 420 by 2022-Q2 and 430 by
2022-07 said `完成于 2022-07`, read as "completed in July", while the Q2 figure met it; analysts
write 提前完成 from this line. It now names the first period of the run of figures in force that
met the bound in force at their period, up to the as-of one (`plancli.met_first`): an amendment
raising the bound from a later period breaks the run, and the meeting figure is the first one
that meets the raised bound."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

TARGET = "new_5g_base_stations"  # 新建5G基站310个, cumulative, quarterly


def _recorded(run: Callable[..., Any], *args: str) -> str:
    """Record, returning the batch id the figure was written by."""
    result = run("record", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["batch"])


def _met_line(run: Callable[..., Any], lang: str, *args: str) -> str:
    shown = run("show", TARGET, *args, lang=lang)
    assert shown.exit_code == 0, shown.stderr
    label = "完成于" if lang == "zh" else "met"
    rows = [" ".join(r.split()) for r in shown.stdout.splitlines()]
    found = [r for r in rows if r.startswith(label + " ")]
    assert len(found) == 1, rows
    return found[0]


@pytest.mark.parametrize(("lang", "start"), [("zh", "完成于 2022-Q2（"), ("en", "met 2022-Q2 (")])
def test_a_cumulative_target_is_met_by_its_first_meeting_figure(
    run: Callable[..., Any], lang: str, start: str
) -> None:
    q2 = _recorded(run, TARGET, "420", "-p", "2022-Q2")
    _recorded(run, TARGET, "430", "-p", "2022-07")
    line = _met_line(run, lang)  # before: 完成于 2022-07（… 批次 <July's>） / met 2022-07 (…)
    assert line.startswith(start) and f"{q2[-6:]}" in line, line
    data = json.loads(run("show", TARGET, "--json").stdout)
    assert data["assessment"]["period"] == "2022-07"  # the figure judged stays the latest
    assert data["assessment"]["actual"] == 430
    assert (data["met_by"]["period"], data["met_by"]["value"], data["met_by"]["batch"]) == (
        "2022-Q2",
        420,
        q2,
    )


def test_a_figure_short_before_keeps_the_later_one(run: Callable[..., Any]) -> None:
    """200 by Q2 (short of 310), 320 by July: July met it."""
    _recorded(run, TARGET, "200", "-p", "2022-Q2")
    july = _recorded(run, TARGET, "320", "-p", "2022-07")
    _recorded(run, TARGET, "350", "-p", "2022-08")
    assert _met_line(run, "en").startswith("met 2022-07 (")
    data = json.loads(run("show", TARGET, "--json").stdout)
    assert data["met_by"]["batch"] == july and data["assessment"]["period"] == "2022-08"


def test_an_amendment_raising_the_bound_later_moves_the_meeting_figure(
    run: Callable[..., Any],
) -> None:
    """420 by Q2 met 310; from September the bound is 450: 430 in July no longer meets it,
    460 in October does. October met the bound in force; Q2 met only the one it replaced."""
    _recorded(run, TARGET, "420", "-p", "2022-Q2")
    _recorded(run, TARGET, "430", "-p", "2022-07")
    amended = run("amend", TARGET, "--from", "2022-09", "--min", "450", "--note", "年中调整")
    assert amended.exit_code == 0, amended.stderr
    september = json.loads(run("show", TARGET, "--as-of", "2022-09", "--json").stdout)
    assert september["met_by"] is None and september["assessment"]["status"] != "met"  # 430<450
    october = _recorded(run, TARGET, "460", "-p", "2022-10")
    assert _met_line(run, "zh").startswith("完成于 2022-10（")
    assert json.loads(run("show", TARGET, "--json").stdout)["met_by"]["batch"] == october
    # as of August the raised bound is not yet in force: Q2's 420 met the plan's 310
    assert _met_line(run, "en", "--as-of", "2022-08").startswith("met 2022-Q2 (")


def test_an_amendment_the_figures_already_meet_keeps_the_first_one(
    run: Callable[..., Any],
) -> None:
    """From September the bound is 400: 420 by Q2 met 310 then, 430 meets 400 still."""
    q2 = _recorded(run, TARGET, "420", "-p", "2022-Q2")
    _recorded(run, TARGET, "430", "-p", "2022-07")
    assert run("amend", TARGET, "--from", "2022-09", "--min", "400").exit_code == 0
    _recorded(run, TARGET, "440", "-p", "2022-10")
    data = json.loads(run("show", TARGET, "--json").stdout)
    assert data["met_by"]["batch"] == q2 and data["assessment"]["period"] == "2022-10"


def test_a_revised_figure_that_falls_short_breaks_the_run(run: Callable[..., Any]) -> None:
    """Q2 first recorded 420, then revised to 300 (short): July's 330 met it, not Q2."""
    _recorded(run, TARGET, "420", "-p", "2022-Q2")
    _recorded(run, TARGET, "300", "-p", "2022-Q2")
    july = _recorded(run, TARGET, "330", "-p", "2022-07")
    assert json.loads(run("show", TARGET, "--json").stdout)["met_by"]["batch"] == july
