"""A first run (issue 12.7): `status` and `gap` on an empty ledger point to the 2021 review and
to `init`; `plancli init --demo DIR` fills a new workspace with a half-year of demo figures."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.assess import assess_plan
from plancli.demo import DEMO_SOURCE, demo_records
from plancli.ledger_values import check_value
from plancli.locations import bundled_plans
from plancli.model import Record
from plancli.periods import parse_period
from plancli.plan import load_plan_file
from plancli.stores import read_records

REPO = Path(__file__).resolve().parents[1]
WORKED_EXAMPLE = "plancli --plan guandu-2021 status"


# ------------------------------------------------------------------------- the hint


@pytest.mark.parametrize("command", ["status", "gap"])
def test_an_empty_ledger_points_to_the_worked_example_and_init(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, command: str
) -> None:
    result = invoke("--plan", str(mini_plan), command)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "no figures yet in" in lines[0] and "mini.progress.toml" in lines[0]
    assert WORKED_EXAMPLE in lines[0]
    assert "plancli init DIR" in lines[1] and "plancli init --demo DIR" in lines[1]
    assert WORKED_EXAMPLE not in result.stdout  # talk on stderr, data on stdout
    again = invoke("--plan", str(mini_plan), command)  # the plan from its compiled form
    assert again.stderr == result.stderr


def test_the_hint_speaks_chinese(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(mini_plan), "--lang", "zh", "status")
    assert "中尚无数据" in result.stderr and WORKED_EXAMPLE in result.stderr
    assert "plancli init --demo 目录" in result.stderr


def test_no_hint_for_scripts_a_chosen_period_or_a_ledger_with_figures(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    for args in (("status", "--json"), ("gap", "--json"), ("gap", "--csv")):
        result = invoke("--plan", str(mini_plan), *args)
        assert result.exit_code == 0 and result.stderr == "", args
    assert invoke("--plan", str(mini_plan), "gap", "--as-of", "2022-06").stderr == ""
    assert (
        invoke("--plan", str(mini_plan), "record", "g5", "10", "--period", "2022-01").exit_code == 0
    )
    for command in ("status", "gap"):
        assert invoke("--plan", str(mini_plan), command).stderr == ""
    assert invoke("--plan", "guandu-2021", "status").stderr == ""  # the worked example itself


# ---------------------------------------------------------------------- init --demo


def demo_history(invoke, plan: Path) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    result = invoke("--plan", str(plan), "history", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["records"]  # type: ignore[no-any-return]


def test_init_demo_fills_a_new_workspace(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "ws"
    result = invoke("init", "--demo", str(work))
    assert result.exit_code == 0, result.output
    plan = work / "plan2022.toml"
    assert plan.read_bytes() == (REPO / "data" / "plan2022.toml").read_bytes()
    assert "DEMO figures" in result.stderr and 'source "demo"' in result.stderr
    assert "not statistics" in result.stderr and "plancli undo" in result.stderr
    records = demo_history(invoke, plan)
    assert records and {r["source"] for r in records} == {"demo"}
    assert len({r["batch"] for r in records}) == 1  # one batch: one undo removes them all
    periods = {r["period"] for r in records}
    assert max(parse_period(p).end_month for p in periods) == 6  # a half-year
    assert {"2022-01", "2022-06", "2022-Q1", "2022-Q2"} <= periods

    gap = json.loads(invoke("--plan", str(plan), "gap", "--json").stdout)
    assert gap["as_of"] == "2022-06"
    statuses = Counter(t["status"] for t in gap["targets"])
    # realistic: mostly on track, some ahead and done, some at risk and behind, a few unknown
    for status in ("met", "on_track", "at_risk", "behind", "no_data"):
        assert statuses[status] > 0, statuses
    assert statuses["on_track"] > statuses["behind"] > 0
    by_id = {t["id"]: t for t in gap["targets"]}
    assert by_id["gdp"]["amount"] is not None and by_id["gdp"]["required_growth_rest"] is not None
    assert by_id["investment_total"]["actual"] is not None  # the roll-up sums its parts
    # milestones: some done, some under way, some not reported yet
    milestones = Counter(t["status"] for t in gap["targets"] if t["kind"] == "milestone")
    assert milestones["met"] > 0 and milestones["no_data"] > 0 and milestones["on_track"] > 0

    status = invoke("--plan", str(plan), "status")
    assert status.exit_code == 0 and status.stderr == ""  # figures: no first-run hint
    undo = invoke("--plan", str(plan), "undo", "--yes")
    assert undo.exit_code == 0, undo.output
    assert demo_history(invoke, plan) == []


def test_init_demo_is_deterministic(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    figures = []
    for name in ("a", "b"):
        assert invoke("init", "--demo", str(tmp_path / name)).exit_code == 0
        records = demo_history(invoke, tmp_path / name / "plan2022.toml")
        figures.append([(r["target"], r["period"], r["value"], r["amount"]) for r in records])
    assert figures[0] == figures[1]


def test_init_demo_never_writes_over_a_ledger(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "ws"
    assert invoke("init", str(work)).exit_code == 0
    plan = work / "plan2022.toml"
    assert (
        invoke(
            "--plan", str(plan), "record", "new_5g_base_stations", "120", "--period", "2022-06"
        ).exit_code
        == 0
    )
    ledger = work / "plan2022.progress.toml"
    before = ledger.read_bytes()
    result = invoke("init", "--demo", "--force", str(work))
    assert result.exit_code == 2
    assert "plan2022.progress.toml exists" in result.stderr and "--demo" in result.stderr
    assert ledger.read_bytes() == before
    # an explicit ledger elsewhere that exists is refused too; a new one is filled
    other = tmp_path / "other.progress.toml"
    other.write_bytes(before)
    refused = invoke("--ledger", str(other), "init", "--demo", str(tmp_path / "w2"))
    assert refused.exit_code == 2 and other.read_bytes() == before
    assert not (tmp_path / "w2").exists()  # refused before anything was written
    fresh = tmp_path / "fresh.progress.toml"
    assert invoke("--ledger", str(fresh), "init", "--demo", str(tmp_path / "w3")).exit_code == 0
    assert {r.source for r in read_records(fresh)} == {"demo"}


def test_init_demo_keeps_the_2021_review_real(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", "guandu-2021", "init", "--demo", str(tmp_path / "ws"))
    assert result.exit_code == 2
    assert "comes with its real figures" in result.stderr
    assert not (tmp_path / "ws").exists()


@pytest.mark.parametrize("plan_id", sorted(set(bundled_plans()) - {"guandu-2021"}))
def test_demo_figures_of_every_bundled_plan_are_valid(plan_id: str) -> None:
    """Whatever the forms of a plan, its demo figures are figures `record` would accept, and a
    year-to-date total never falls."""
    plan = load_plan_file(bundled_plans()[plan_id])
    now = datetime(2026, 7, 1, tzinfo=UTC)
    records = demo_records(plan, now, "demo-batch")
    assert records
    for record in records:
        target = plan.target(record.target)
        assert target is not None and not target.pending and not target.parts
        check_value(target, record.value, str(record.value))
        assert Record.figure_problem(record.value) is None
        assert parse_period(record.period).year == plan.plan.year
        assert parse_period(record.period).end_month <= 6
        assert record.source == DEMO_SOURCE
    totals: dict[str, Decimal] = {}
    for record in records:  # in plan order, oldest first
        if plan.target(record.target).kind == "cumulative":  # type: ignore[union-attr]
            assert record.value >= totals.get(record.target, Decimal(0)), record
            totals[record.target] = record.value
    judged = assess_plan(plan, records, None)
    assert str(judged.as_of) == f"{plan.plan.year}-06"
