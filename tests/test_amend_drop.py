"""`plancli amend ID --drop --from PERIOD`: the mid-year adjustment drops a target (不再考核).

The mid-year audit's defect 3: Guandu 2022's 区人大常委会 approves in July an adjustment that
drops 固定资产投资(不含农户) (正增长, > 0) from June on. Before June it is judged as before; from
the end of June on it is `dropped`, not counted among the targets on track, at risk or behind,
and every output says from when and why. Every ledger test runs against every store.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger, store_of
from plancli.amend import AmendRequest, amend_target
from plancli.assess import PROBLEMS, STATUSES, WORST_FIRST
from plancli.errors import InputError
from plancli.plan import load_plan
from plancli.stores.copy import copy_ledger

GUANDU = "guandu-2022"
FAI = "fixed_asset_investment"
NOTE = "区人大常委会7月批准年中调整"
DROP = ("amend", FAI, "--drop", "--from", "2022-06", "--note", NOTE)


@pytest.fixture
def ledger(tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]) -> Ledger:
    return ledger_at(tmp_path / f"work{ledger_suffix}", GUANDU)


@pytest.fixture
def run(invoke, ledger: Path):  # type: ignore[no-untyped-def]
    def call(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return invoke("--lang", lang, "--plan", GUANDU, "--ledger", str(ledger), *args)

    return call


@pytest.fixture
def dropped(run):  # type: ignore[no-untyped-def]
    """FAI grew 3.5 % to May and 4.0 % to June (on track against > 0), GDP 6.5 % to June; then
    the drop from June is recorded."""
    for target, value, period in ((FAI, "3.5", "2022-05"), (FAI, "4.0", "2022-06")):
        assert run("record", target, value, "--period", period).exit_code == 0
    assert run("record", "gdp", "6.5", "--period", "2022-06").exit_code == 0
    result = run(*DROP)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"amended {FAI} from 2022-06: dropped (was > 0 %, the plan's)")
    return run


def gap_json(run, as_of: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run("gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def fai_of(out: dict[str, Any]) -> dict[str, Any]:
    [row] = [t for t in out["targets"] if t["id"] == FAI]
    return row


def test_judged_as_before_until_the_drop_then_dropped(dropped) -> None:  # type: ignore[no-untyped-def]
    may = gap_json(dropped, "2022-05")
    assert (fai_of(may)["status"], fai_of(may)["bound"], fai_of(may)["amended_from"]) == (
        "on_track",
        "> 0 %",
        None,
    )
    assert may["counts"]["dropped"] == 0 and may["counts"]["on_track"] == 1
    june = gap_json(dropped, "2022-06")
    row = fai_of(june)
    assert (row["status"], row["actual"], row["period"]) == ("dropped", 4, "2022-06")
    assert (row["bound"], row["min"], row["max"], row["gap"]) == ("dropped", None, None, None)
    assert (row["amended_from"], row["amendment_note"]) == ("2022-06", NOTE)
    # not counted among the judged: GDP 6.5 against ≥ 7 is the one at risk, nothing on track
    assert june["counts"]["dropped"] == 1
    assert (june["counts"]["on_track"], june["counts"]["at_risk"]) == (0, 1)
    # a later figure is still recorded and shown, never judged
    assert dropped("record", FAI, "-1.2", "--period", "2022-07").exit_code == 0
    july = fai_of(gap_json(dropped, "2022-07"))
    assert (july["status"], july["actual"]) == ("dropped", -1.2)


def test_gap_and_status_tables_show_the_drop_with_its_note(dropped) -> None:  # type: ignore[no-untyped-def]
    english = dropped("gap", "--as-of", "2022-06")
    assert english.exit_code == 0, english.stderr
    line = next(x for x in english.stdout.splitlines() if x.startswith(f" {FAI}"))
    assert "dropped" in line and "4.0%/dropped†" in line
    footnote = " ".join(english.stdout.split())
    assert f"dropped from 2022-06 ({NOTE})" in footnote
    chinese = dropped("status", "--as-of", "2022-06", lang="zh")
    assert chinese.exit_code == 0, chinese.stderr
    line = next(x for x in chinese.stdout.splitlines() if x.startswith(f" {FAI}"))
    assert "不再考核†" in line and "滞后" not in line and "待下达" not in line
    assert f"自2022年6月起不再考核（{NOTE}）" in "".join(chinese.stdout.split())
    may = dropped("status", "--as-of", "2022-05", lang="zh")
    assert "不再考核" not in may.stdout and "正常推进" in may.stdout


def test_show_and_targets_say_dropped(dropped) -> None:  # type: ignore[no-untyped-def]
    shown = dropped("show", FAI, "--as-of", "2022-06", lang="zh")
    assert shown.exit_code == 0, shown.stderr
    assert "不再考核" in shown.stdout and f"自2022年6月起不再考核（{NOTE}）" in shown.stdout
    data = json.loads(dropped("show", FAI, "--json").stdout)
    assert data["assessment"]["status"] == "dropped"
    assert [(a["period"], a["bound"], a["dropped"]) for a in data["amendments"]] == [
        ("2022-06", "dropped", True)
    ]
    targets = dropped("targets", "--section", "headline")
    assert targets.exit_code == 0, targets.stderr
    line = next(x for x in targets.stdout.splitlines() if x.startswith(f" {FAI}"))
    assert "dropped†" in line
    assert f"dropped from 2022-06 ({NOTE})" in " ".join(targets.stdout.split())


def test_the_report_says_from_when_it_is_no_longer_judged(dropped, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zh = tmp_path / "r.md"
    assert dropped("report", "--as-of", "2022-06", "-o", str(zh), lang="zh").exit_code == 0
    text = zh.read_text(encoding="utf-8")
    drop = f"固定资产投资(不含农户)累计增长4.0%，自2022年6月起不再考核（年中调整：{NOTE}）。"
    assert drop in text
    assert "存在风险1项、不再考核1项" in text
    assert "| 固定资产投资(不含农户) | 不再考核† | 4.0% |" in text
    assert f"固定资产投资(不含农户)：自2022年6月起不再考核（原计划 \\> 0%）；{NOTE}" in text
    en = tmp_path / "r.en.md"
    assert dropped("report", "--as-of", "2022-06", "-o", str(en)).exit_code == 0
    english = en.read_text(encoding="utf-8")
    assert (
        "Fixed-asset investment (excluding rural households) grew 4.0% year to date; no longer "
        f"judged from June 2022 (mid-year adjustment: {NOTE})."
    ) in english
    assert "1 is at risk, 1 is no longer judged (dropped)" in english
    may = tmp_path / "may.md"
    assert dropped("report", "--as-of", "2022-05", "-o", str(may), lang="zh").exit_code == 0
    assert "不再考核" not in may.read_text(encoding="utf-8")
    for suffix in ("html", "xlsx"):
        out = tmp_path / f"r.{suffix}"
        result = dropped("report", "--as-of", "2022-06", "-o", str(out), lang="zh")
        assert result.exit_code == 0, result.stderr
    assert "不再考核" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_undo_reverts_the_drop(dropped, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    shown = dropped("undo", "--dry-run")
    assert "dropped" in shown.stdout and "> 0 % (plan)" in shown.stdout
    assert dropped("undo", "--yes").exit_code == 0
    assert fai_of(gap_json(dropped, "2022-06"))["status"] == "on_track"
    assert store_of(ledger).amendments() == []


def test_a_later_bound_reinstates_it(dropped) -> None:  # type: ignore[no-untyped-def]
    result = dropped("amend", FAI, "--min", "2", "--from", "2022-09", "--note", "恢复考核")
    assert result.exit_code == 0, result.stderr
    assert "(was dropped from 2022-06" in result.stderr
    assert dropped("record", FAI, "1.5", "--period", "2022-09").exit_code == 0
    assert fai_of(gap_json(dropped, "2022-08"))["status"] == "dropped"
    september = fai_of(gap_json(dropped, "2022-09"))
    assert (september["status"], september["bound"], september["amended_from"]) == (
        "at_risk",  # 1.5 against > 2 (正增长 stays strict): 0.5 short
        "> 2 %",
        "2022-09",
    )


def test_the_same_drop_again_writes_nothing_and_an_earlier_drop_is_refused(dropped) -> None:  # type: ignore[no-untyped-def]
    again = dropped(*DROP)
    assert again.exit_code == 0 and "nothing written" in again.stderr
    later = dropped("amend", FAI, "--drop", "--from", "2022-09")
    assert later.exit_code == 2 and later.stderr.count("\n") == 1
    assert later.stderr == (
        f"error: {FAI} is already dropped from 2022-06 (不再考核); `undo` reverts a drop\n"
    )
    chinese = dropped("amend", FAI, "--drop", "--from", "前三季度", lang="zh")
    assert chinese.exit_code == 2
    assert chinese.stderr == f"错误：{FAI} 已自 2022-06 起不再考核；撤销取消请用 `undo`\n"


@pytest.mark.parametrize("bound", [("--min", "3"), ("--around", "5"), ("--stretch", "8")])
def test_drop_with_a_bound_exits_2_with_one_line(run, bound: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run("amend", FAI, "--drop", *bound, "--from", "2022-06")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr == (
        "error: --drop takes no bound: give --drop or --min/--max/--around, not both\n"
    )


def test_any_target_may_be_dropped_and_bulletin_periods_are_read(run) -> None:  # type: ignore[no-untyped-def]
    """A milestone has no bound to amend, yet the adjustment may drop it; `--from` reads the
    bulletin's forms (上半年 = 2022-H1)."""
    plan = load_plan(GUANDU)
    milestone = next(t.id for t in plan.targets if t.kind == "milestone")
    result = run("amend", milestone, "--drop", "--from", "上半年")
    assert result.exit_code == 0, result.stderr
    row = next(t for t in gap_json(run, "2022-06")["targets"] if t["id"] == milestone)
    assert (row["status"], row["amended_from"]) == ("dropped", "2022-H1")


def test_convert_copies_a_drop_byte_for_byte(
    tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]
) -> None:
    plan = load_plan(GUANDU)
    source = store_of(ledger_at(tmp_path / f"a{ledger_suffix}", GUANDU))
    amend_target(source, plan, AmendRequest(FAI, "2022-06", note=NOTE, drop=True))
    [placed] = source.contents().amendments
    assert placed.amendment.drops and placed.amendment.note == NOTE
    copy_ledger(source.location, tmp_path / "b.progress.toml")
    assert store_of(tmp_path / "b.progress.toml").contents() == source.contents()
    first = (tmp_path / "b.progress.toml").read_bytes()
    assert b'note = "' + NOTE.encode() + b'"' in first and b"min = " not in first
    if ledger_suffix.endswith("postgres"):
        return  # a SQLite ledger keeps no writer (recorded_by): the file round trip is below
    copy_ledger(tmp_path / "b.progress.toml", tmp_path / "c.progress.sqlite")
    copy_ledger(tmp_path / "c.progress.sqlite", tmp_path / "d.progress.toml")
    assert first == (tmp_path / "d.progress.toml").read_bytes()
    assert store_of(tmp_path / "c.progress.sqlite").contents() == source.contents()


def test_dropped_is_a_status_of_its_own_never_a_problem() -> None:
    assert "dropped" in STATUSES and "dropped" not in PROBLEMS and WORST_FIRST[-1] == "dropped"


def test_a_drop_carries_no_tolerance_or_stretch() -> None:
    from datetime import UTC, datetime

    from pydantic import ValidationError

    from plancli.model import Amendment

    when = datetime(2022, 7, 20, tzinfo=UTC)
    assert Amendment(target=FAI, period="2022-06", recorded_at=when, batch="b").drops
    with pytest.raises(ValidationError):
        Amendment(target=FAI, period="2022-06", stretch=1, recorded_at=when, batch="b")
    with pytest.raises(InputError):
        from plancli.amend import check_amendment

        check_amendment(
            load_plan(GUANDU),
            AmendRequest(FAI, "2022-06", tolerance="1", drop=True),
            [],
            batch="b",
            recorded_at=when,
        )


def test_a_dropped_target_without_a_figure_is_one_sentence(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The audit's wording: 社会消费品零售总额自2022年6月起不再考核（年中调整：…）, no figure
    recorded, and nothing said of it being without data."""
    assert run("record", "gdp", "6.5", "--period", "2022-06").exit_code == 0
    drop = ("amend", "retail_sales", "--drop", "--from", "2022年6月", "--note", NOTE)
    assert run(*drop).exit_code == 0
    out = tmp_path / "r.md"
    assert run("report", "-o", str(out), lang="zh").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert f"社会消费品零售总额自2022年6月起不再考核（年中调整：{NOTE}）。" in text
    assert "社会消费品零售总额尚无数据" not in text
    english = tmp_path / "r.en.md"
    assert run("report", "-o", str(english)).exit_code == 0
    assert (
        f"Retail sales of consumer goods: no longer judged from June 2022 (mid-year adjustment: "
        f"{NOTE})."
    ) in english.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("command", "forms"),
    [
        (("record",), ("2022年6月", "1-6月", "上半年")),
        (("amend",), ("2022年7月", "前三季度", "上半年")),
        (("gap",), ("2022年6月", "1-6月", "上半年")),
        (("status",), ("2022年6月", "1-6月", "上半年")),
    ],
)
def test_period_help_names_the_bulletin_forms_the_options_read(
    invoke, command: tuple[str, ...], forms: tuple[str, ...], lang: str
) -> None:  # type: ignore[no-untyped-def]
    """`record --period`, `amend --from` and `--as-of` read what `import` reads (2022年6月,
    1-6月, 上半年): their help says so, as it said only 2022-06, 2022-Q2 …"""
    result = invoke("--lang", lang, *command, "--help")
    assert result.exit_code == 0, result.stderr
    text = "".join(result.stdout.split())
    assert all(form in text for form in forms), text


def test_targets_marks_every_amendment_in_force_at_the_years_end(dropped) -> None:  # type: ignore[no-untyped-def]
    """`targets` shows the bound in force at the year's end with its †: an adjusted bound and a
    re-instated target, not only a drop; `--json` and `--csv` carry the same (audit 3, D4)."""
    assert (
        dropped("amend", "gdp", "--min", "6", "--from", "2022-07", "--note", "年中").exit_code == 0
    )
    table = dropped("targets", "--section", "headline")
    assert table.exit_code == 0, table.stderr
    gdp = next(x for x in table.stdout.splitlines() if x.startswith(" gdp "))
    assert "≥ 6 %†" in gdp, table.stdout
    words = " ".join(table.stdout.split())
    assert "from 2022-07" in words and f"dropped from 2022-06 ({NOTE})" in words
    data = json.loads(dropped("targets", "--json").stdout)
    assert {a["target"]: (a["period"], a["bound"], a["dropped"]) for a in data["amendments"]} == {
        FAI: ("2022-06", "dropped", True),
        "gdp": ("2022-07", "≥ 6 %", False),
    }
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(dropped("targets", "--csv").stdout))}
    assert (rows[FAI]["amended_from"], rows[FAI]["amended_bound"]) == ("2022-06", "dropped")
    assert (rows["gdp"]["amended_from"], rows["gdp"]["amended_bound"]) == ("2022-07", "≥ 6 %")
    assert rows["budget_revenue"]["amended_from"] == rows["budget_revenue"]["amended_bound"] == ""
    # Re-instated from September on a bound of > 2 %: that bound, marked, not the plan's > 0.
    assert dropped("amend", FAI, "--min", "2", "--from", "2022-09", "--note", "恢复").exit_code == 0
    table = dropped("targets", "--section", "headline")
    fai = next(x for x in table.stdout.splitlines() if x.startswith(f" {FAI}"))
    assert "> 2 %†" in fai and "dropped" not in fai, table.stdout
