"""A roll-up judged on a partial sum is marked in `gap` and `status` as in the report (audit
of the assessment, defect 7), and `gap`'s legend of marks is a line of its own (defect 8).

Guandu 2022's investment plan with only its roads recorded (6.2 of 15.92 亿元): the total,
58.72 亿元, is judged behind on 6.2, five of its six parts unrecorded. The report said
`6.2亿元（5项构成尚无数据）`; `gap` and `status` showed a plain 6.2/58.72 behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def guandu(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "gd.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)

    args = ("record", "investment_roads", "6.2", "--period", "2022-06")
    assert call(*args).exit_code == 0
    return call


def row(text: str, word: str) -> str:
    """The line with `word`, and at 80 columns the lines under it (gap's rows are cards there
    since session 29, the figures under the id and its name; since session 35 the name beside
    the id where both fit whole on the card's first line: `investment_roads  Urban road
    projects` over the figures)."""
    lines = text.splitlines()
    [at] = [i for i, line in enumerate(lines) if word in line]
    if lines[at].split() == [word]:
        return " ".join(lines[at : at + 3])
    return " ".join(lines[at : at + 2]) if "/" not in lines[at] else lines[at]


def test_gap_marks_the_partial_sum_and_says_what_the_mark_means(guandu) -> None:  # type: ignore[no-untyped-def]
    en = guandu("gap", "--as-of", "2022-06").stdout
    assert "6.2+/58.72 亿元" in row(en, "investment_total")
    assert "6.2/15.92 亿元" in row(en, "investment_roads")  # a part's own figure is complete
    assert "\n+ a sum without the parts not yet recorded: it can only understate\n" in en
    zh = guandu("--lang", "zh", "gap", "--as-of", "2022-06").stdout
    assert "6.2+/58.72亿元" in row(zh, "investment_total")  # zh cells: no space before 亿元
    assert "\n+ 部分构成尚无数据，合计只含已报送部分（只会偏低）\n" in zh


def test_the_dashboard_marks_it_too(guandu) -> None:  # type: ignore[no-untyped-def]
    en = guandu("status", "--as-of", "2022-06").stdout
    assert "6.2+/58.72" in row(en, "Key government investment")
    assert "6.2/15.92" in row(en, "Urban road projects")
    assert "+ a sum without the parts not yet recorded: it can only understate" in en
    zh = guandu("--lang", "zh", "status", "--as-of", "2022-06").stdout
    assert "6.2+/58.72" in row(zh, "政府投资重点项目年度计划投资")
    assert "+ 部分构成尚无数据，合计只含已报送部分（只会偏低）" in zh


def test_a_full_sum_has_no_mark_and_no_legend(guandu) -> None:  # type: ignore[no-untyped-def]
    out = guandu("gap", "--as-of", "2022-06", "investment_roads").stdout
    assert "+ a sum" not in out


def test_the_stale_legend_is_a_line_of_its_own(guandu) -> None:  # type: ignore[no-untyped-def]
    """`met 1  on track 8 … pending 1   * the latest figure is older…` read as one more
    count: the legend of the marks now starts its own line."""
    out = guandu("gap", "--as-of", "2022-09").stdout  # June's roads are stale in September
    lines = out.splitlines()
    stale = lines.index("* the latest figure is older than the target's frequency allows")
    assert lines[stale - 1].startswith("behind ")  # the counts line, alone
    assert lines[stale + 1] == "+ a sum without the parts not yet recorded: it can only understate"
