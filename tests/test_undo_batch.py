"""`plancli undo --batch ID`: withdrawing one batch, not only the last (the mid-year audit's
defect 2: a figure recorded for the wrong period could only be withdrawn by undoing every
batch recorded since, and meanwhile it moved the default as-of of `status` and `report`).

Real values: the bundled plan guandu-2022 and the audit's figures, on every store.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ledgers import Ledger, read_records

GUANDU = "guandu-2022"


@pytest.fixture
def ledger(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    return ledger_at(tmp_path / f"plan2022{ledger_suffix}", GUANDU)


@pytest.fixture
def run(invoke, ledger: Ledger):  # type: ignore[no-untyped-def]
    """plancli --plan guandu-2022 --ledger LEDGER [--lang LANG] ARGS…"""

    def call(*args: str, lang: str = "en", input: str | None = None):  # type: ignore[no-untyped-def]
        return invoke("--plan", GUANDU, "--ledger", str(ledger), "--lang", lang, *args, input=input)

    return call


def batch_of(ledger: Ledger, target: str, period: str) -> str:
    [batch] = {r.batch for r in read_records(ledger) if (r.target, r.period) == (target, period)}
    return batch


def in_force(run) -> dict[tuple[str, str], float]:  # type: ignore[no-untyped-def]
    records = json.loads(run("history", "--json").stdout)["records"]
    return {(r["target"], r["period"]): r["value"] for r in records if r["current"]}


def one_line_error(result, code: int) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    return str(result.stderr)


def test_a_figure_recorded_for_the_wrong_period_is_withdrawn_alone(run, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    """The audit's scenario: July typed for June, then correct work; only July goes."""
    july = run(
        "record", "investment_education", "7.6", "--period", "2022-07", "--source", "区发改局"
    )
    assert july.exit_code == 0, july.stderr
    batch = batch_of(ledger, "investment_education", "2022-07")
    assert f"(batch {batch})" in july.stderr  # record names its batch
    june = run("record", "new_urban_jobs", "1.2", "--period", "2022-06", "--note", "修订")
    assert june.exit_code == 0, june.stderr
    assert "as of 2022-07" in run("status").stdout  # the stray July figure moves the as-of
    # history's table shows the end of the batch id at 80 columns, ids whole
    table = run("history").stdout
    assert batch[-6:] in table and all(len(line) <= 80 for line in table.splitlines())
    reverted = run("undo", "--batch", batch[-6:], "--yes")
    assert reverted.exit_code == 0, reverted.stderr
    assert f"reverted 1 record of batch {batch}" in reverted.stderr
    assert "investment_education" in reverted.stderr and "7.6 亿元" in reverted.stderr
    status = run("status").stdout
    assert "as of 2022-06" in status and "2022-07" not in status.splitlines()[1]
    assert in_force(run) == {("new_urban_jobs", "2022-06"): 1.2}
    # The whole id works too, and a batch reverted twice is an unknown batch.
    again = one_line_error(run("undo", "--batch", batch, "--yes"), 2)
    assert again == (
        f"error: no batch {batch} in {ledger}; `plancli history` shows each figure's and "
        "adjustment's batch (the end of its id; `--json` the whole id), as `record`, `import` "
        "and `amend` do\n"
    )
    assert in_force(run) == {("new_urban_jobs", "2022-06"): 1.2}


def test_an_unknown_batch_exits_2_in_one_line_naming_it(run, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "new_urban_jobs", "1.2", "--period", "2022-06").exit_code == 0
    before = ledger.read_bytes()
    assert "no batch 0badid in " in one_line_error(run("undo", "--batch", "0badid"), 2)
    zh = run("undo", "--batch", "0badid", lang="zh")
    assert zh.exit_code == 2 and zh.stderr.count("\n") == 1
    assert "中没有批次 0badid；`plancli history` 列出每个数据和每项调整的批次" in zh.stderr
    assert ledger.read_bytes() == before


def test_a_batch_a_later_one_superseded_changes_nothing_in_force(run, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "investment_education", "7.6", "--period", "2022-06").exit_code == 0
    first = batch_of(ledger, "investment_education", "2022-06")
    assert run("record", "new_urban_jobs", "1.2", "--period", "2022-06").exit_code == 0
    assert (
        run("record", "investment_education", "7", "-p", "2022-06", "--note", "修订").exit_code == 0
    )
    before = ledger.read_bytes()
    dry = run("undo", "--batch", first, "--dry-run", "--json")
    assert dry.exit_code == 0, dry.stderr
    assert "7 亿元 (unchanged)" in dry.stderr
    assert "unchanged: a later batch had already superseded it" in dry.stderr
    assert f"would revert 1 record of batch {first}; nothing written (--dry-run)" in dry.stderr
    [step] = json.loads(dry.stdout)["records"]
    assert (step["value"], step["in_force"], step["restored"]["value"]) == (7.6, False, 7)
    assert ledger.read_bytes() == before
    zh = run("undo", "--batch", first, "--dry-run", lang="zh")
    assert (
        "7亿元（不变）" in zh.stdout
    )  # (7 亿元 before session 42) and "不变：已被后来的批次取代" in zh.stdout
    # Without a terminal and without --yes: exit 2, nothing reverted, as `undo`.
    refused = run("undo", "--batch", first)
    assert refused.exit_code == 2 and "pass --yes" in refused.stderr
    assert ledger.read_bytes() == before
    done = run("undo", "--batch", first, "--yes", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["written"] is True
    assert in_force(run) == {
        ("new_urban_jobs", "2022-06"): 1.2,
        ("investment_education", "2022-06"): 7,
    }
    assert len(read_records(ledger)) == 2


def test_a_figure_still_in_force_gives_way_to_the_latest_remaining_one(run, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "investment_education", "7", "--period", "2022-06").exit_code == 0
    assert run("record", "investment_education", "7.6", "--period", "2022-06").exit_code == 0
    wrong = read_records(ledger)[-1].batch
    assert run("record", "new_urban_jobs", "1.2", "--period", "2022-06").exit_code == 0
    dry = json.loads(run("undo", "--batch", wrong, "--dry-run", "--json").stdout)
    [step] = dry["records"]
    assert (step["value"], step["in_force"], step["restored"]["value"]) == (7.6, True, 7)
    assert run("undo", "--batch", wrong, "--yes").exit_code == 0
    assert in_force(run)[("investment_education", "2022-06")] == 7


def test_an_amendments_batch_is_reverted_and_later_batches_keep_their_order(
    run,  # type: ignore[no-untyped-def]
    ledger: Ledger,
) -> None:
    """A batch from the middle of the ledger moves back the amendments written after it, so
    `undo` (the last batch) still reverts the batches in the order they were written."""
    assert run("record", "investment_education", "7.6", "--period", "2022-07").exit_code == 0
    july = batch_of(ledger, "investment_education", "2022-07")
    assert run("record", "new_urban_jobs", "1.2", "--period", "2022-06").exit_code == 0
    amended = run("amend", "new_urban_jobs", "--min", "2", "--from", "2022-06")
    assert amended.exit_code == 0, amended.stderr
    assert run("record", "gdp", "5", "--period", "2022-Q2").exit_code == 0
    gdp = batch_of(ledger, "gdp", "2022-Q2")
    assert run("undo", "--batch", july, "--yes").exit_code == 0
    last = json.loads(run("undo", "--dry-run", "--json").stdout)
    assert last["batch"] == gdp  # not the amendment, which was written before gdp's figure
    # The amendment's own batch: the plan's bound is back in force.
    [placed] = _amendments(run)
    dry = json.loads(run("undo", "--batch", placed["batch"], "--dry-run", "--json").stdout)
    assert dry["counts"] == {"records": 0, "amendments": 1}
    [step] = dry["amendments"]
    assert step["restored"] is None and step["in_force"] is True
    assert run("undo", "--batch", placed["batch"], "--yes").exit_code == 0
    assert _amendments(run) == []
    assert json.loads(run("undo", "--dry-run", "--json").stdout)["batch"] == gdp
    assert run("undo", "--yes").exit_code == 0
    assert in_force(run) == {("new_urban_jobs", "2022-06"): 1.2}


def test_an_amendment_a_later_one_superseded_changes_no_bound(run) -> None:  # type: ignore[no-untyped-def]
    assert run("amend", "new_urban_jobs", "--min", "2", "--from", "2022-06").exit_code == 0
    assert run("amend", "new_urban_jobs", "--min", "2.1", "--from", "2022-06").exit_code == 0
    first = _amendments(run)[0]["batch"]
    dry = run("undo", "--batch", first, "--dry-run", "--json")
    [step] = json.loads(dry.stdout)["amendments"]
    assert step["in_force"] is False and step["restored"]["min"] == 2.1
    assert "(unchanged)" in dry.stderr
    assert "unchanged: a later adjustment had already superseded it" in dry.stderr
    assert run("undo", "--batch", first, "--yes").exit_code == 0
    assert [a["min"] for a in _amendments(run)] == [2.1]


def _amendments(run) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    return list(json.loads(run("history", "--json").stdout)["amendments"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_history_shows_each_batch_at_80_columns_beside_the_longest_id(
    run,  # type: ignore[no-untyped-def]
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    """The id `undo --batch` takes is in the table, not only in --json: at 80 columns, with
    the plan's longest id, an amount and notes, the note makes room before the batch."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    for args in (
        (
            "record",
            "retail_sales",
            "6.5",
            "--amount",
            "330.8",
            "-p",
            "2022-06",
            "--note",
            "月报修订",
        ),
        (
            "record",
            "compulsory_education_retention_rate",
            "99.1",
            "-p",
            "2022-06",
            "--note",
            "核实",
        ),
        ("amend", "new_urban_jobs", "--min", "2", "--from", "2022-06", "--note", "区人大批准"),
    ):
        assert run(*args).exit_code == 0
    table = run("history", lang=lang).stdout
    assert max(cell_len(line) for line in table.splitlines()) <= 80
    batches = [r.batch for r in read_records(ledger)] + [a["batch"] for a in _amendments(run)]
    assert len(batches) == 3 and all(batch[-6:] in table for batch in batches)
