"""One position, one figure (docs/recording.md), on the bundled plan guandu-2022 in every
ledger store (audit 3, defects 1 and 2): a figure under another period label ending the same
month (1-6月 = 2022-06, 上半年 = 2022-H1, 2022Q2) is the same position to the rule that an
import does not put back a corrected figure, and to `undo`'s preview of what stays in force."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import Ledger, read_records
from plancli.assess.records import in_force


def figure_at_june(ledger: Ledger, target: str) -> tuple[str, str, str | None]:
    """The period, value and note of the figure in force at the end of June."""
    record = in_force(read_records(ledger))[target, 2022, 6]
    return record.period, str(record.value), record.note


def bulletin(period: str) -> dict[str, str]:
    return {"b.csv": f"指标,期间,数值,累计值\n地方一般公共预算收入,{period},3.1,27.4\n"}


@pytest.mark.parametrize(
    ("first", "corrected", "again"),
    [
        ("2022年1-6月", "2022-06", "2022年上半年"),  # the 月报, then the 季报 of one bulletin
        ("2022年1-6月", "2022-06", "2022Q2"),
        ("上半年", "2022-Q2", "1-6月"),  # the audit's reverse case
    ],
)
def test_a_reimport_under_another_label_of_the_month_keeps_the_correction(
    run: Callable[..., Any], ledger: Ledger, first: str, corrected: str, again: str
) -> None:
    assert run("import", "b.csv", files=bulletin(first)).exit_code == 0
    fixed = run(
        "record", "budget_revenue", "3.3", "--period", corrected, "--amount", "27.6",
        "--note", "区财政局更正",
    )  # fmt: skip
    assert fixed.exit_code == 0, fixed.stderr
    count = len(read_records(ledger))
    result = run("import", "b.csv", files=bulletin(again))
    assert result.exit_code == 0, result.stderr
    assert "0 new, 0 revised, 0 unchanged of 1 row, 1 kept out" in result.stderr, result.stderr
    assert "the file's 3.1% (amount 27.4 亿元) was superseded by a later record" in (result.stderr)
    assert len(read_records(ledger)) == count
    assert figure_at_june(ledger, "budget_revenue") == (corrected, "3.3", "区财政局更正")
    document = json.loads(run("import", "b.csv", "--json", files=bulletin(again)).stdout)
    assert document["counts"]["kept"] == 1 and document["counts"]["revised"] == 0


def test_a_new_figure_under_another_label_still_revises_the_correction(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    run("import", "b.csv", files=bulletin("1-6月"))
    run("record", "budget_revenue", "3.3", "--period", "2022-06", "--amount", "27.6")
    newer = {"n.csv": "指标,期间,数值,累计值\n地方一般公共预算收入,上半年,3.4,27.7\n"}
    result = run("import", "n.csv", files=newer)
    assert "0 new, 1 revised, 0 unchanged of 1 row into" in result.stderr, result.stderr
    # 上半年 in the monthly target's rhythm (period_rhythm): the 2022-06 its correction holds
    assert figure_at_june(ledger, "budget_revenue") == ("2022-06", "3.4", None)
    # plancli's own 2022-H1 is kept as typed: another label of June, and it still revises
    newest = {"h.csv": "target,period,value,amount\nbudget_revenue,2022-H1,3.5,27.8\n"}
    result = run("import", "h.csv", files=newest)
    assert "0 new, 1 revised, 0 unchanged of 1 row into" in result.stderr, result.stderr
    assert figure_at_june(ledger, "budget_revenue") == ("2022-H1", "3.5", None)


JUNE = {
    "june.csv": "target,period,value,amount,note,source\n"
    "budget_revenue,2022-06,3.1,27.4,,统计局快报\n"
    "retail_sales,2022-06,4.2,330.8,,统计局快报\n"
    "new_5g_base_stations,2022-06,156,,,\n"
}


def row_of(text: str, target: str) -> list[str]:
    [line] = [line for line in text.splitlines() if line.strip().startswith(target)]
    return line.split()


def test_undo_batch_says_a_figure_another_period_of_the_month_superseded_stays(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    """The audit's t3: the 5G 156 of the June import was superseded by 2022-Q2's 160; reverting
    the import leaves the 160 in force, and the preview said `—` and `in_force: true`."""
    assert run("import", "june.csv", files=JUNE).exit_code == 0
    batch = read_records(ledger)[0].batch
    run("record", "retail_sales", "4.5", "--period", "2022-06", "--amount", "333")
    q2 = run("record", "new_5g_base_stations", "160", "--period", "2022-Q2")
    assert "supersedes 2022-06's 156 个" in q2.stderr, q2.stderr
    preview = run("undo", "--batch", batch, "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert row_of(preview.stdout, "new_5g_base_stations") == [
        "new_5g_base_stations", "2022-06", "156", "个", "2022-Q2's", "160", "个", "(unchanged)",
    ]  # fmt: skip
    assert row_of(preview.stdout, "retail_sales")[-2:] == ["4.5%", "(unchanged)"]
    assert row_of(preview.stdout, "budget_revenue")[-1] == "—"
    document = json.loads(run("undo", "--batch", batch, "--dry-run", "--json").stdout)
    by_target = {r["target"]: r for r in document["records"]}
    five_g = by_target["new_5g_base_stations"]
    assert (five_g["in_force"], five_g["restored"]["value"]) == (False, 160)
    assert five_g["restored"]["period"] == "2022-Q2"
    assert by_target["budget_revenue"]["in_force"] is True
    assert by_target["budget_revenue"]["restored"] is None
    zh = run("undo", "--batch", batch, "--dry-run", lang="zh")
    assert "2022-Q2 的 160个（不变）" in zh.stdout, zh.stdout
    done = run("undo", "--batch", batch, "--yes")
    assert done.exit_code == 0, done.stderr
    assert figure_at_june(ledger, "new_5g_base_stations") == ("2022-Q2", "160", None)


def test_undo_names_the_figure_of_the_month_really_in_force_after(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    """The audit's t11: 156 (2022-06), 160 (2022-Q2), 170 (2022-06). Undoing the 170 leaves
    2022-Q2's 160, not the 156; undoing the 160's batch changes nothing (the 170 stays)."""
    for value, period in (("156", "2022-06"), ("160", "2022-Q2"), ("170", "2022-06")):
        assert run("record", "new_5g_base_stations", value, "--period", period).exit_code == 0
    batches = [record.batch for record in read_records(ledger)]
    last = run("undo", "--dry-run")
    assert row_of(last.stdout, "new_5g_base_stations")[-3:] == ["2022-Q2's", "160", "个"]
    document = json.loads(run("undo", "--dry-run", "--json").stdout)
    [step] = document["records"]
    assert (step["in_force"], step["restored"]["value"], step["restored"]["period"]) == (
        True, 160, "2022-Q2",
    )  # fmt: skip
    middle = run("undo", "--batch", batches[1], "--dry-run")
    assert row_of(middle.stdout, "new_5g_base_stations")[-4:] == [
        "2022-06's", "170", "个", "(unchanged)",
    ]  # fmt: skip
    assert run("undo", "--yes").exit_code == 0
    assert figure_at_june(ledger, "new_5g_base_stations") == ("2022-Q2", "160", None)
