"""One position, one figure (docs/recording.md), on the bundled plan guandu-2022 in every
ledger store (audit 3, defects 1 and 2): a figure under another period label ending the same
month (1-6月 = 2022-06, 上半年 = 2022-H1, 2022Q2) is the same position to the rule that an
import does not put back a corrected figure, and to `undo`'s preview of what stays in force."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger, read_records
from plancli.assess.records import in_force

PLAN = "guandu-2022"


@pytest.fixture
def ledger(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    return ledger_at(tmp_path / f"work{ledger_suffix}", PLAN)


@pytest.fixture
def run(
    invoke: Any, ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Any]:
    """plancli --plan guandu-2022 --ledger LEDGER ARGS… in tmp_path, `files` written there
    first, on a terminal 120 columns wide."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")

    def call(*args: str, lang: str = "en", files: dict[str, str] | None = None) -> Any:
        for name, text in (files or {}).items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        return invoke("--lang", lang, "--plan", PLAN, "--ledger", str(ledger), *args)

    return call


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
    assert "the file's 3.1 % (amount 27.4 亿元) was superseded by a later record" in (result.stderr)
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
    assert figure_at_june(ledger, "budget_revenue") == ("2022-H1", "3.4", None)
