"""What `undo` shows, on the bundled plan guandu-2022 in every ledger store (audit 3, defect
11): the Chinese table's parentheses are all full-width; an unknown batch's message names
`amend`, which prints its batch too; `--batch ""` is refused; the header never wraps inside
its timestamp."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import Ledger, read_records

HEADER = {
    "en": r"batch \d{8}T\d{6}Z-[0-9a-f]{6}, recorded \d{4}-\d\d-\d\d \d\d:\d\d UTC",
    "zh": r"批次 \d{8}T\d{6}Z-[0-9a-f]{6}，录入于 \d{4}-\d\d-\d\d \d\d:\d\d UTC",
}
STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"


def test_the_chinese_undo_table_writes_full_width_parentheses(run: Callable[..., Any]) -> None:
    """The audit's steps: a figure superseded (（不变）) and an adjustment over the plan's
    bound (计划) in one table; `(计划)` was half-width beside `（不变）`."""
    run("record", "retail_sales", "4.2", "--period", "2022-06", "--amount", "330.8")
    run("record", "retail_sales", "4.5", "--period", "2022-06", "--amount", "333")
    amended = run("amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "年中调整")
    assert amended.exit_code == 0, amended.stderr
    plan = run("undo", "-n", lang="zh")
    assert plan.exit_code == 0, plan.stderr
    assert "> 0 %（计划）" in plan.stdout or "≥ 7 %（计划）" in plan.stdout, plan.stdout
    assert "(计划)" not in plan.stdout
    again = run("amend", "gdp", "--min", "6.5", "--from", "2022-07", "--note", "再调整")
    assert again.exit_code == 0, again.stderr
    restored = run("undo", "-n", lang="zh")
    assert "（2022-07）" in restored.stdout and "(2022-07)" not in restored.stdout, restored.stdout
    english = run("undo", "-n")
    assert "(2022-07)" in english.stdout, english.stdout


def test_an_unknown_batch_names_amend_among_the_commands_that_print_one(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    run("record", "new_urban_jobs", "1.2", "--period", "2022-06")
    result = run("undo", "--batch", "0badid")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr == (
        f"error: no batch 0badid in {ledger}; `plancli history` shows each figure's and "
        "adjustment's batch (the end of its id; `--json` the whole id), as `record`, `import` "
        "and `amend` do\n"
    )
    zh = run("undo", "--batch", "0badid", lang="zh")
    assert zh.exit_code == 2 and zh.stderr.count("\n") == 1, zh.stderr
    assert "`amend`" in zh.stderr, zh.stderr


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_batch_id_is_refused_in_one_line(
    run: Callable[..., Any], ledger: Ledger, given: str
) -> None:
    run("record", "new_urban_jobs", "1.2", "--period", "2022-06")
    count = len(read_records(ledger))
    for lang, words in (("en", "--batch needs a batch id"), ("zh", "--batch 需要批次编号")):
        result = run("undo", "--batch", given, "--yes", lang=lang)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        assert words in result.stderr and "  in " not in result.stderr, result.stderr
    assert len(read_records(ledger)) == count


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [120, 80, 60, 40])
def test_the_undo_header_never_wraps_inside_its_timestamp(
    run: Callable[..., Any], lang: str, columns: int
) -> None:
    """It was the narrow table's title, centred, wrapping as `… recorded 2026-12-02` /
    `00:42 UTC`."""
    recorded = run("record", "new_5g_base_stations", "150", "--period", "2022-06")
    assert recorded.exit_code == 0, recorded.stderr
    result = run("undo", "--dry-run", lang=lang, columns=columns)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()  # a dry run's table is its output
    assert any(re.search(STAMP, line) for line in lines), result.stdout
    if columns >= 80:
        assert any(re.fullmatch(HEADER[lang], line.strip()) for line in lines), result.stdout
