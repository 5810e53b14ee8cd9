"""Session 34: `show ID` of a milestone recorded done (and of a target met) still listed its time
progress, `vs pace +25 pp`, `months left 3` and the at-risk tolerance, as if it were under way.
It now says when it was done and by which record, and leaves the pace lines out
(`plancli.settled`); `show --json` keeps the assessment's fields and adds `met_by`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

MILESTONE = "metaverse_demo_base_landed"  # 昆明市“元宇宙”产业示范基地落地, due 2022
PACE = {
    "en": ("time progress", "vs pace", "needed per month", "months left", "at-risk tolerance"),
    "zh": ("时间进度", "快慢", "月均需完成", "剩余月数", "存在风险容差"),
}


def _recorded(run: Callable[..., Any], *args: str) -> str:
    """Record, returning the batch id the figure was written by."""
    result = run("record", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["batch"])


def _lines(text: str) -> list[str]:
    return [" ".join(row.split()) for row in text.splitlines()]


@pytest.mark.parametrize(
    ("lang", "done"),
    [
        ("en", "done 2022-09 (recorded {time} UTC, batch {batch}, source 区工信局)"),
        ("zh", "完成于 2022-09（{time} UTC 记录，批次 {batch}，来源 区工信局）"),
    ],
)
def test_a_done_milestone_says_when_and_by_which_record(
    run: Callable[..., Any], lang: str, done: str
) -> None:
    batch = _recorded(run, MILESTONE, "done", "-p", "2022-09", "--source", "区工信局")
    data = json.loads(run("show", MILESTONE, "--json").stdout)
    time = data["met_by"]["recorded_at"].replace("T", " ")[:16]
    shown = run("show", MILESTONE, lang=lang)
    assert shown.exit_code == 0, shown.stderr
    lines = _lines(shown.stdout)
    # (at 80 columns the English line wraps before its source)
    assert done.format(time=time, batch=batch[-6:]) in " ".join(shown.stdout.split())
    for label in PACE[lang]:  # before: time progress 75%, vs pace +25 pp, months left 3, …
        assert not [row for row in lines if row.startswith(label + " ")], (label, lines)
    assert ("completion 100 %" if lang == "en" else "完成率 100 %") in lines


def test_show_json_names_the_record_and_keeps_the_assessment(run: Callable[..., Any]) -> None:
    batch = _recorded(run, MILESTONE, "done", "-p", "2022-09", "--source", "区工信局")
    data = json.loads(run("show", MILESTONE, "--json").stdout)
    assert data["met_by"]["batch"] == batch
    assert (data["met_by"]["period"], data["met_by"]["value"]) == ("2022-09", 100)
    assert data["met_by"]["source"] == "区工信局" and data["met_by"]["current"] is True
    assert data["met_by"] == data["history"][0]
    # the assessment's fields stay for scripts (the text leaves them out)
    judged = data["assessment"]
    assert (judged["status"], judged["months_left"], judged["time_progress"]) == ("met", 3, 0.75)
    assert "met_by" in run("schema", "show").stdout


def test_a_count_met_early_drops_its_pace_and_one_short_keeps_it(
    run: Callable[..., Any],
) -> None:
    """新建5G基站310个: 320 by September is met; 200 in June was on track, 110 to go."""
    _recorded(run, "new_5g_base_stations", "200", "-p", "2022-06")
    batch = _recorded(run, "new_5g_base_stations", "320", "-p", "2022-09")
    met = _lines(run("show", "new_5g_base_stations").stdout)
    assert [row for row in met if row.startswith("met 2022-09 (recorded ")], met
    assert [row for row in met if row.endswith(f"batch {batch[-6:]})")], met
    assert "completion 103.23 %" in met
    assert not [row for row in met if row.startswith(("months left", "vs pace", "time progress"))]
    june = _lines(run("show", "new_5g_base_stations", "--as-of", "2022-06").stdout)
    assert "status on track" in june
    for line in ("months left 6", "needed per month 19 个", "vs pace +14.52 pp", "gap 110 个"):
        assert line in june, (line, june)
    assert not [row for row in june if row.startswith("met ")]
    data = json.loads(run("show", "new_5g_base_stations", "--as-of", "2022-06", "--json").stdout)
    assert data["met_by"] is None


def test_a_milestone_under_way_keeps_its_pace(run: Callable[..., Any]) -> None:
    _recorded(run, MILESTONE, "60", "-p", "2022-06")
    lines = _lines(run("show", MILESTONE).stdout)
    assert "months left 6" in lines and "time progress 50 %" in lines
    assert not [row for row in lines if row.startswith("done ")]
