"""Session 43: a milestone's due date (节点时间) set or moved with `plancli amend ID --due`.

The seed report (官渡 2022) dates none of its 27 milestones, so the plan says `due = "2022"`
and paces them through the year: `办好慕尼黑啤酒节` (munich_beer_festival_held, from the
report's line 74 “办好慕尼黑啤酒节、第十二届全国“非遗”联展等品牌特色文化活动”) at 10 % in June was
滞后, 15 个百分点 a month, though the festival is in the autumn. The department sets the date
at 任务分解; the amendment carries it, in every store, with its note, history and undo. The
rule is DESIGN §4's, for a date amended as for one the plan gives: 100 → met, otherwise paced
like a cumulative target against time progress to its due period; the amendment moves that
period (10 % in June: against 6/9 of the way to September, not 6/12 of the year)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger, store_of

GUANDU = "guandu-2022"
FEST = "munich_beer_festival_held"  # 办好慕尼黑啤酒节
EXPO = "intangible_heritage_expo_held"  # 办好第十二届全国“非遗”联展
NOTE = "区商务局任务分解"


@pytest.fixture
def ledger(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    return ledger_at(tmp_path / f"work{ledger_suffix}", GUANDU)


@pytest.fixture
def run(invoke, ledger: Path):  # type: ignore[no-untyped-def]
    def call(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return invoke("--lang", lang, "--plan", GUANDU, "--ledger", str(ledger), *args)

    return call


@pytest.fixture
def june(run):  # type: ignore[no-untyped-def]
    """The festival at 10 % in June, the 联展 at 10 % too (its due left to the plan)."""
    for target in (FEST, EXPO):
        assert run("record", target, "10", "--period", "2022-06").exit_code == 0
    return run


def row(run, target: str, as_of: str = "2022-06") -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run("gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    [found] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == target]
    return found  # type: ignore[no-any-return]


def test_the_festival_set_due_in_september_is_paced_to_september(june) -> None:  # type: ignore[no-untyped-def]
    before = row(june, FEST)  # 10 % in June against 6/12 of the year: 10 − 50
    assert (before["status"], before["due"], before["required_per_month"]) == ("behind", "2022", 15)
    assert (before["expected_share"], before["pace_gap_pp"]) == (0.5, -40)
    result = june("amend", FEST, "--due", "2022-09", "--note", NOTE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        f"set {FEST}: due 2022-09 (was due 2022, the plan's) in "
    )
    after = row(june, FEST)  # against 6/9 of the way to September: 10 − 66.67
    assert (after["status"], after["reason"], after["due"]) == ("behind", None, "2022-09")
    assert (after["due_source"], after["due_note"]) == ("amendment", NOTE)
    assert after["required_per_month"] == 30  # 90 points in Jul–Sep
    assert (after["time_progress"], after["expected_share"]) == (0.5, 0.6667)
    assert (after["pace_gap_pp"], after["tolerance_pp"]) == (-56.67, 10)
    # the other milestone keeps the plan's due and its pacing
    expo = row(june, EXPO)
    assert (expo["status"], expo["due"], expo["due_source"], expo["due_note"]) == (
        "behind",
        "2022",
        "plan",
        None,
    )
    # a bound target carries no due
    assert row(june, "gdp")["due_source"] is None


def test_the_amended_date_changes_the_verdict(june) -> None:  # type: ignore[no-untyped-def]
    """60 % in June is on track against the year (60 − 50), at risk against September's
    6/9 (60 − 66.67, within the 10 pp tolerance): the date the department set decides."""
    assert june("record", FEST, "60", "--period", "2022-06").exit_code == 0
    year = row(june, FEST)
    assert (year["status"], year["expected_share"], year["pace_gap_pp"]) == ("on_track", 0.5, 10)
    assert june("amend", FEST, "--due", "三季度", "--note", NOTE).exit_code == 0
    september = row(june, FEST)
    assert (september["status"], september["due"]) == ("at_risk", "2022-Q3")
    assert (september["expected_share"], september["pace_gap_pp"]) == (0.6667, -6.67)
    assert september["required_per_month"] == 13.33  # 40 points in Jul–Sep


def test_at_its_date_done_is_met_short_is_paced_and_at_year_end_missed(june) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "9月", "--note", NOTE).exit_code == 0
    assert june("record", FEST, "95", "--period", "2022-Q3").exit_code == 0
    september = row(june, FEST, "2022-09")  # all the time to its date gone: 95 − 100
    assert (september["status"], september["expected_share"]) == ("at_risk", 1)
    assert (september["pace_gap_pp"], september["months_left"]) == (-5, 0)
    assert june("record", FEST, "80", "--period", "2022-12").exit_code == 0
    december = row(june, FEST, "2022-12")
    assert (december["status"], december["due"], december["due_source"]) == (
        "missed",
        "2022-09",
        "amendment",
    )
    assert june("record", FEST, "100", "--period", "2022-Q3").exit_code == 0  # done by its date
    assert row(june, FEST, "2022-09")["status"] == "met"


def test_undo_reverts_the_due_date(june, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    [stored] = store_of(ledger).amendments()
    assert (stored.target, stored.period, stored.min, stored.note) == (FEST, "2022-09", 100, NOTE)
    assert june("undo", "--yes").exit_code == 0
    back = row(june, FEST)
    assert (back["status"], back["due"], back["due_source"]) == ("behind", "2022", "plan")
    assert store_of(ledger).amendments() == []


def test_moving_the_date_again_supersedes_the_first(june) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    moved = june("amend", FEST, "--due", "2022-05", "--note", "提前举办")
    assert moved.exit_code == 0, moved.stderr
    assert "set munich_beer_festival_held: due 2022-05 (was due 2022-09, set " in moved.stderr
    now = row(june, FEST)  # due in May, 10 % in June: all the time gone, 10 − 100
    assert (now["status"], now["due"], now["due_note"]) == ("behind", "2022-05", "提前举办")
    assert (now["expected_share"], now["pace_gap_pp"]) == (1, -90)
    history = june("history", FEST)
    assert history.exit_code == 0, history.stderr
    lines = [line for line in history.stdout.splitlines() if "due 2022-" in line]
    assert len(lines) == 2
    assert not lines[0].lstrip().startswith("*") and "superseded" in lines[0]
    assert lines[1].lstrip().startswith("*") and "提前举办" in lines[1]


@pytest.mark.parametrize(
    ("given", "due"),
    [
        ("三季度", "2022-Q3"),
        ("第三季度", "2022-Q3"),
        ("2022-Q3", "2022-Q3"),
        ("9月底前", "2022-09"),
        ("2022年9月", "2022-09"),
        ("上半年", "2022-H1"),
    ],
)
def test_chinese_periods_name_the_due(june, given: str, due: str) -> None:  # type: ignore[no-untyped-def]
    result = june("amend", FEST, "--due", given)
    assert result.exit_code == 0, result.stderr
    assert row(june, FEST)["due"] == due


def test_the_same_date_again_or_the_plans_own_writes_nothing(june, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    planned = june("amend", FEST, "--due", "年底")
    assert planned.exit_code == 0, planned.stderr
    assert "is the plan's own due date: nothing written" in planned.stderr
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    again = june("amend", FEST, "--due", "三季度")  # ends with September too; no note: no change
    assert again.exit_code == 0
    assert "is already the due date set; nothing written" in again.stderr
    assert len(store_of(ledger).amendments()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gdp", "--due", "2022-09"), "gdp is a growth target: --due sets a milestone's due"),
        ((FEST, "--due", "2022-09", "--min", "50"), "--due takes no bound"),
        ((FEST, "--due", "2022-09", "--from", "2022-06"), "give no --from"),
        ((FEST, "--due", "2023-03"), "--due: period '2023-03' is outside the plan year 2022"),
        ((FEST, "--due", "国庆"), "--due: malformed period"),
        ((FEST, "--min", "50"), "give --from PERIOD"),
    ],
)
def test_refused_with_a_line_naming_the_value(june, ledger: Ledger, args, message: str) -> None:  # type: ignore[no-untyped-def]
    result = june("amend", *args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert store_of(ledger).amendments() == []


def test_a_milestone_with_its_date_set_can_still_be_dropped(june) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    result = june("amend", FEST, "--drop", "--from", "2022-06", "--note", "活动取消")
    assert result.exit_code == 0, result.stderr
    assert row(june, FEST)["status"] == "dropped"
    assert row(june, FEST, "2022-05")["status"] == "no_data"


def test_show_and_gap_in_chinese_pace_to_the_date_and_say_where_it_came_from(june) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    shown = june("show", FEST, "--as-of", "2022-06", lang="zh")
    assert shown.exit_code == 0, shown.stderr
    lines = [" ".join(line.split()) for line in shown.stdout.splitlines()]
    assert "状态 滞后" in lines and "应完成进度 66.67 %" in lines  # 6/9, not the year's 50 %
    assert "快慢 -56.67 个百分点" in lines
    assert f"节点时间 2022年9月（任务分解调整：{NOTE}）" in lines
    gap = june("gap", "--as-of", "2022-06", lang="zh")
    assert gap.exit_code == 0, gap.stderr
    # both at 10 % in June: the festival paced to September, the 联展 to the year's end
    rows = [line.split() for line in gap.stdout.splitlines() if "10%/100%" in line]
    assert [(cells[0], "-56.67" in cells, "-40" in cells) for cells in rows] == [
        ("滞后", True, False),
        ("滞后", False, True),
    ]


def test_the_report_lists_the_due_set_with_its_note(june, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    md = june("report", "--as-of", "2022-06", "--format", "md", lang="zh")
    assert md.exit_code == 0, md.stderr
    [festival] = [
        line
        for line in md.stdout.splitlines()
        if line.startswith("| 办好慕尼黑啤酒节") and "2022年9月" in line  # the milestones' table
    ]
    cells = [cell.strip() for cell in festival.strip("|").split("|")]
    assert cells[2:5] == [f"2022年9月（任务分解调整：{NOTE}）", "10%", "滞后"]
    assert "落后进度56.67个百分点" in md.stdout  # against September's 66.67 %, not the year's 50
    assert "节点目标27项中，滞后2项、尚无进度数据25项。" in md.stdout
    html = tmp_path / "r.html"
    assert june("report", "--as-of", "2022-06", "--format", "html", "-o", str(html)).exit_code == 0
    assert f"2022-09 (set by amend: {NOTE})" in html.read_text(encoding="utf-8")
    xlsx = tmp_path / "r.xlsx"
    assert june("report", "--as-of", "2022-06", "--format", "xlsx", "-o", str(xlsx)).exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    cells = [c for sheet in book for r in sheet.iter_rows(values_only=True) for c in r]
    assert f"2022-09 (set by amend: {NOTE})" in cells
    assert "behind" in cells


def test_undo_shows_the_due_it_gives_way_to_and_targets_mark_no_bound(june) -> None:  # type: ignore[no-untyped-def]
    assert june("amend", FEST, "--due", "2022-09", "--note", NOTE).exit_code == 0
    assert june("amend", FEST, "--due", "2022-05").exit_code == 0
    shown = june("undo", "--dry-run")
    assert shown.exit_code == 0, shown.stderr
    [line] = [line for line in shown.stdout.splitlines() if "due 2022-05" in line]
    assert line.rstrip().endswith("due 2022-09")  # the one set before, not the plan's 100 %
    targets = june("targets")
    assert targets.exit_code == 0, targets.stderr
    assert "†" not in targets.stdout  # a due date is no bound adjusted mid-year
    planned = june("amend", FEST, "--due", "10月", "--json", "--dry-run")
    assert json.loads(planned.stdout)["plan_bound"] == "due 2022"
