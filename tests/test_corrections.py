"""Corrections against imports, on the bundled plan guandu-2022, in every ledger store (the
mid-year audit's defects 1, 5 and 6): a daily re-import of an unchanged bulletin does not
undo a hand correction; a figure for another period ending the same month is shown and
counted as the revision it is; a revision of only a note or source says so."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import Ledger, read_records
from plancli.model import current_records


def in_force(ledger: Ledger, target: str, period: str) -> Any:
    return current_records(read_records(ledger))[target, period]


BULLETIN = {
    "bulletin.csv": "target,period,value,source\nnew_5g_base_stations,2022-06,150,区工信局\n"
}


def test_reimporting_an_unchanged_bulletin_keeps_a_later_hand_correction(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    assert run("import", "bulletin.csv", files=BULLETIN).exit_code == 0
    corrected = run(
        "record", "new_5g_base_stations", "156", "-p", "2022-06", "--note", "修订",
        "--source", "区工信局",
    )  # fmt: skip
    assert corrected.exit_code == 0, corrected.stderr
    count = len(read_records(ledger))
    for how in (["--dry-run"], ["--json"], []):  # checked, then written two ways
        result = run("import", "bulletin.csv", *how, files=BULLETIN)
        assert result.exit_code == 0, result.stderr
        assert (
            "warning: bulletin.csv:2: new_5g_base_stations 2022-06: the file's 150 个 was "
            "superseded by a later record, and 156 个 (recorded "
        ) in result.stderr
        assert "stays in force; row not imported (to return to 150 个, record it by hand)" in (
            result.stderr
        )
        assert "0 new, 0 revised, 0 unchanged of 1 row, 1 kept out" in result.stderr
        assert "nothing written" in result.stderr or "unchanged" in result.stderr
    document = json.loads(run("import", "bulletin.csv", "--json", files=BULLETIN).stdout)
    assert document["counts"] == {
        "new": 0,
        "revised": 0,
        "unchanged": 0,
        "rows": 1,
        "figures": 1,
        "kept": 1,
    }
    assert document["written"] is False
    [row] = document["records"]
    assert (row["change"], row["value"], row["previous"]["value"]) == ("kept", 150, 156)
    assert len(read_records(ledger)) == count
    record = in_force(ledger, "new_5g_base_stations", "2022-06")
    assert (record.value, record.note) == (156, "修订")
    # The same figure from a bulletin saved without its source column is the old figure too.
    bare = {"bare.csv": "target,period,value\n新建5G基站,2022-06,150\n"}
    assert "1 kept out" in run("import", "bare.csv", files=bare).stderr
    assert in_force(ledger, "new_5g_base_stations", "2022-06").value == 156
    zh = run("import", "bulletin.csv", lang="zh", files=BULLETIN)
    assert "new_5g_base_stations 2022-06：文件中的 150个已被后来的录入取代，现行 156个" in zh.stderr
    assert "保留更正 1" in zh.stderr
    # A deliberate return to the old figure is a hand record; the file is then in force again
    # and importing it is the no-op it always was.
    back = run("record", "new_5g_base_stations", "150", "-p", "2022-06", "--source", "区工信局")
    assert back.exit_code == 0 and "supersedes 156 个" in back.stderr
    again = run("import", "bulletin.csv", files=BULLETIN)
    assert "nothing to import (0 new, 0 revised, 1 unchanged of 1 row);" in again.stderr
    assert in_force(ledger, "new_5g_base_stations", "2022-06").value == 150


def test_a_new_bulletin_figure_still_revises_a_hand_correction(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    run("import", "bulletin.csv", files=BULLETIN)
    run("record", "new_5g_base_stations", "156", "-p", "2022-06", "--note", "修订")
    revised = {"b2.csv": BULLETIN["bulletin.csv"].replace("150", "158")}
    result = run("import", "b2.csv", files=revised)
    assert "0 new, 1 revised, 0 unchanged of 1 row into" in result.stderr, result.stderr
    assert in_force(ledger, "new_5g_base_stations", "2022-06").value == 158


H1 = {"h1.csv": "target,period,value,amount,note,source\ngdp,2022-H1,5.0,700,上半年,区统计局\n"}
Q2 = {"q2.csv": "target,period,value,source\ngdp,2022-Q2,5.2,区统计局\n"}


def test_a_figure_for_another_period_ending_the_same_month_is_a_revision(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    assert run("import", "h1.csv", files=H1).exit_code == 0
    preview = run("import", "q2.csv", "--dry-run", files=Q2)
    assert preview.exit_code == 0, preview.stderr
    [line] = [line for line in preview.stdout.splitlines() if " gdp " in line]
    assert line.split() == [
        "2",
        "gdp",
        "2022-Q2",
        "2022-H1's",
        "5.0%",
        "(amount",
        "700",
        "亿元)",
        "5.2%",
    ]  # fmt: skip (5.0 % before session 42)
    dropped = (
        "warning: q2.csv:2: gdp 2022-Q2 has no amount: 2022-H1's amount 700 亿元 is no longer "
        "in force (give it with the figure to keep it)"
    )
    assert dropped in preview.stderr
    assert "0 new, 1 revised, 0 unchanged of 1 row;" in preview.stderr
    written = run("import", "q2.csv", files=Q2)
    assert dropped in written.stderr and "0 new, 1 revised, 0 unchanged" in written.stderr
    document = json.loads(run("import", "q2.csv", "--json", files=Q2).stdout)
    assert document["counts"]["unchanged"] == 1  # written: now the figure in force
    result = run("record", "gdp", "5.3", "--period", "2022-06", "--amount", "701")
    assert (
        "recorded gdp 2022-06 = 5.3% (amount 701 亿元) in "
        f"{ledger} (batch {read_records(ledger)[-1].batch}); supersedes 2022-Q2's 5.2% recorded "
    ) in result.stderr
    zh = run("record", "gdp", "5.4", "--period", "2022-H1", lang="zh")
    assert "取代" in zh.stderr and "录入的 2022-06 的 5.3%（总量701亿元）" in zh.stderr
    assert "gdp 2022-H1 没有总量：2022-06 的总量 701亿元不再生效" in zh.stderr
    # The same figure under another period ending the same month changes nothing.
    same = run("record", "gdp", "5.4", "--period", "2022-Q2")
    assert "is already the figure in force; nothing written" in same.stderr


def test_a_revision_of_only_the_note_or_source_shows_what_changes(
    run: Callable[..., Any],
) -> None:
    run("import", "bulletin.csv", files=BULLETIN)
    # A file without a source column gives none: the same figure is unchanged and keeps its
    # source (audit S D8; before, it was a revision to "source: —")
    bare = {"t3.csv": "target,period,value\n新建5G基站,2022-06,150\n"}
    preview = run("import", "t3.csv", "--dry-run", files=bare)
    assert preview.exit_code == 0, preview.stderr
    assert "0 new, 0 revised, 1 unchanged of 1 row" in preview.stderr
    moved = {"t3.csv": "target,period,value,source\n新建5G基站,2022-06,150,区统计局\n"}
    preview = run("import", "t3.csv", "--dry-run", files=moved)
    [line] = [line for line in preview.stdout.splitlines() if "new_5g" in line]
    assert line.split() == ["2", "new_5g_base_stations", "2022-06", "150", "个;", "source:",
                            "区工信局", "150", "个;", "source:", "区统计局"]  # fmt: skip
    header = "target,period,value,note,source\n"
    noted = {"t4.csv": header + "new_5g_base_stations,2022-06,150,修订,区工信局\n"}
    zh = run("import", "t4.csv", "--dry-run", lang="zh", files=noted)
    [line] = [line for line in zh.stdout.splitlines() if "new_5g" in line]
    # a Chinese table's figure with its unit together (session 41: it was `150 个；…`)
    assert "150个；备注：—" in line and "150个；备注：修订" in line
