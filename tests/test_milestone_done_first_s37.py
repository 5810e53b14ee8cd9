"""Session 37: a milestone recorded done (100) twice named the later period. 昆明市"元宇宙"产业示范
基地落地 recorded 100 for 2022-03 and again for 2022-05 said `完成于 2022-05` in `show`; the
year-end report called 区人民医院迁建新院区投用, due 2022-06, recorded 100 for 2022-05 and again
for 2022-Q3, done late (逾期，节点时间2022年6月，2022年三季度完成). Both now name the first period
of the run of 100s up to the as-of one, the rule session 36 made for a cumulative target
(`plancli.met_first`); a revision below 100 between them breaks the run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

METAVERSE = "metaverse_demo_base_landed"  # 昆明市"元宇宙"产业示范基地落地, due 2022
HOSPITAL = "district_hospital_new_campus_opened"  # 区人民医院迁建新院区投用


def _batch(run: Callable[..., Any], *args: str) -> str:
    result = run("record", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["batch"])


def _done_line(run: Callable[..., Any], lang: str) -> str:
    shown = run("show", METAVERSE, "--as-of", "2022-06", lang=lang)
    assert shown.exit_code == 0, shown.stderr
    label = "完成于" if lang == "zh" else "done"
    rows = [" ".join(r.split()) for r in shown.stdout.splitlines()]
    found = [r for r in rows if r.startswith(label + " ")]
    assert len(found) == 1, rows
    return found[0]


@pytest.mark.parametrize(("lang", "start"), [("zh", "完成于 2022-03（"), ("en", "done 2022-03 (")])
def test_a_milestone_done_twice_was_done_at_the_first(
    run: Callable[..., Any], lang: str, start: str
) -> None:
    march = _batch(run, METAVERSE, "100", "-p", "2022-03")
    may = _batch(run, METAVERSE, "100", "-p", "2022-05")
    line = _done_line(run, lang)  # before: 完成于 2022-05（… 批次 <May's>）
    assert line.startswith(start) and march[-6:] in line and may[-6:] not in line, line
    data = json.loads(run("show", METAVERSE, "--as-of", "2022-06", "--json").stdout)
    assert data["assessment"]["period"] == "2022-05"  # the figure judged stays the latest
    assert (data["met_by"]["period"], data["met_by"]["value"], data["met_by"]["batch"]) == (
        "2022-03",
        100,
        march,
    )


def test_a_revision_below_100_between_breaks_the_run(run: Callable[..., Any]) -> None:
    """100 in March, 80 in April (a setback the ledger keeps), 100 in May: done in May."""
    _batch(run, METAVERSE, "100", "-p", "2022-03")
    april = run("record", METAVERSE, "80", "-p", "2022-04")
    assert april.exit_code == 0, april.stderr
    may = _batch(run, METAVERSE, "100", "-p", "2022-05")
    assert _done_line(run, "zh").startswith("完成于 2022-05（")
    data = json.loads(run("show", METAVERSE, "--as-of", "2022-06", "--json").stdout)
    assert data["met_by"]["batch"] == may


@pytest.fixture
def due_plan(invoke: Any, tmp_path: Path) -> Callable[..., Callable[..., str]]:
    """The bundled plan with the hospital due 2022-06 (audit Y's 节点时间) and the hospital's
    figures given, imported: a function running plancli on them."""
    text = (Path(__file__).parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    head, rest = text.split(f'id = "{HOSPITAL}"', 1)
    plan = tmp_path / "plan_due.toml"
    plan.write_text(f'{head}id = "{HOSPITAL}"' + rest.replace('"2022"', '"2022-06"', 1))

    def with_figures(*figures: str) -> Callable[..., str]:
        rows = "".join(f"{HOSPITAL},{figure}\n" for figure in figures)
        (tmp_path / "done.csv").write_text("target,period,value\n" + rows, encoding="utf-8")
        ledger = tmp_path / "due.progress.toml"

        def call(*args: str) -> str:
            result = invoke("--plan", str(plan), "--ledger", str(ledger), *args)
            assert result.exit_code == 0, result.output
            return str(result.stdout)

        call("import", str(tmp_path / "done.csv"))
        return call

    return with_figures


@pytest.mark.parametrize("as_of", ["2022-09", "2022-12"])
def test_a_milestone_done_on_time_and_restated_later_is_not_late(
    due_plan: Callable[..., Callable[..., str]], as_of: str
) -> None:
    """Done (100) in May, due in June, restated 100 for Q3."""
    run = due_plan("2022-05,100", "2022-Q3,100")
    zh = run("--lang", "zh", "report", "--as-of", as_of)
    en = run("--lang", "en", "report", "--as-of", as_of)
    # before: 其中逾期完成1项：区人民医院迁建新院区投用（节点时间2022年6月，2022年三季度完成）
    assert "逾期" not in zh and "三季度完成" not in zh, zh
    assert "done late" not in en and "done in Q3" not in en, en
    if as_of == "2022-12":  # the year-end report lists it among those met, on time
        assert "区人民医院迁建新院区投用已完成" in zh and "new campus in use (done)" in en
    shown = json.loads(run("show", HOSPITAL, "--as-of", as_of, "--json"))
    assert (shown["met_by"]["period"], shown["assessment"]["period"]) == ("2022-05", "2022-Q3")


def test_a_milestone_done_late_names_its_first_100(
    due_plan: Callable[..., Callable[..., str]],
) -> None:
    """70 by Q2 (due June), 100 for Q3, restated 100 for November: late, done in Q3, not
    November."""
    run = due_plan("2022-Q2,70", "2022-Q3,100", "2022-11,100")
    zh = run("--lang", "zh", "report", "--as-of", "2022-12")
    assert "区人民医院迁建新院区投用已完成（逾期，节点时间2022年6月，2022年三季度完成）" in zh
    assert "11月完成" not in zh  # before: …，2022年11月完成）
    en = run("--lang", "en", "report", "--as-of", "2022-12")
    assert "new campus in use (done late: due June 2022, done in Q3 2022)" in en
    november = run("--lang", "zh", "report", "--as-of", "2022-11")
    assert (
        "其中逾期完成1项：区人民医院迁建新院区投用（节点时间2022年6月，2022年三季度完成）"
        in november
    )
