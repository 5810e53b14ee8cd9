"""Session 32: a figure in 类 that is no class (2.5), kept from before session 30, warned of by
`history` as by `show`; and `gap --json` of a large plan with targets in 类 split in two
processes, its warning and document byte for byte the one process's."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gap_split_helpers import child_dies_at_once, fill_demo
from plancli.assess import gap_split as split_module
from plancli.assess.gap_split import SplitGap
from plancli.locations import LedgerLocation
from plancli.model import Amendment, Record
from plancli.plan import load_plan_file
from plancli.stores import open_store
from test_leftovers31 import OLD, WARNING, _water

ZH_WARNING = (
    "警告：有 1 个以“类”计的数值不是水质类别（yangtze 2026-03 = 2.5），"
    "是在 plancli 拒收此类数值之前录入的：仍按该数值显示和考核"
)


@pytest.mark.parametrize(
    "args",
    [("history",), ("history", "yangtze"), ("history", "--json"), ("history", "--csv")],
    ids=lambda a: " ".join(a),
)
def test_history_warns_of_an_old_figure_in_lei_as_show_does(
    invoke: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """`history` listed 2.5 类 without a word where `show` warned; now it says the same line
    once, on stderr, whatever the format, and lists the figure as recorded."""
    plan = _water(tmp_path, *OLD)
    result = invoke(*plan, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == WARNING, result.stderr
    shown = invoke(*plan, "show", "yangtze")
    assert shown.stderr.startswith(WARNING)
    if "--json" in args:
        values = {r["target"]: r["value"] for r in json.loads(result.stdout)["records"]}
        assert values == {"yangtze": 2.5, "gdp": 5.2}
    else:
        assert "2.5" in result.stdout


def test_history_of_another_target_or_a_corrected_figure_says_nothing(
    invoke: Any, tmp_path: Path
) -> None:
    """Only the figures listed count: `history gdp` lists none in 类, and 2.5 corrected to 2
    (Ⅱ类) is a revision, not a figure in force."""
    plan = _water(tmp_path, *OLD)
    assert invoke(*plan, "history", "gdp").stderr == ""
    corrected = _water(tmp_path, *OLD, ("yangtze", "2026-03", "2"))
    result = invoke(*corrected, "history")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    assert "2.5" in result.stdout  # the revision is still listed


def test_history_warns_in_chinese(invoke: Any, tmp_path: Path) -> None:
    result = invoke("--lang", "zh", *_water(tmp_path, *OLD), "history")
    assert result.exit_code == 0
    assert result.stderr.startswith(ZH_WARNING), result.stderr
    assert result.stderr.count("\n") == 1


# ------------------------------------------- 2. `gap --json` of a plan with targets in 类, split

WATER_TARGETS = "".join(
    f"""
[[targets]]
id = "{target}"
section = "headline"
name = "{name}断面水质"
kind = "level"
unit = "类"
max = 3
quote = "{name}断面水质保持Ⅲ类"
"""
    for target, name in (("aaa_water", "长江"), ("zzz_water", "滇池"))
)
# The ledger's old figures for them (before session 30): 2.5 and 4.5 no class, recorded after
# the demo figures, the child's target's first (the warning lists them in ledger order).
OLD_WATER = (
    ("zzz_water", "2022-04", "2.5"),
    ("aaa_water", "2022-06", "2.5"),
    ("aaa_water", "2022-05", "3"),
    ("zzz_water", "2022-06", "4.5"),
)
DATA = Path(__file__).parent.parent / "data"


def _water_ledger(tmp_path: Path, suffix: str, store: Any = None) -> tuple[Path, Path]:
    """The bundled 2022 plan with two targets in 类 (one in each process's share), and a
    ledger of its demo figures, two amendments and the water targets' old figures (in
    `store`, if given: a database's)."""
    plan = tmp_path / "water2022.toml"
    plan.write_text((DATA / "plan2022.toml").read_text(encoding="utf-8") + WATER_TARGETS, "utf-8")
    ledger = tmp_path / f"ledger{suffix}"
    when = datetime(2022, 7, 6, 8, tzinfo=UTC)
    with (store or open_store(LedgerLocation(ledger, "option"))).transaction() as session:
        fill_demo(session, load_plan_file(plan))
        session.append(
            [
                Record(target=t, period=p, value=Decimal(v), recorded_at=when, batch="old")
                for t, p, v in OLD_WATER
            ]
        )
    return plan, ledger


def _gap_split_or_not(
    invoke: Any, monkeypatch: pytest.MonkeyPatch, arguments: list[str]
) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]], list[str]]:
    """`gap --json` with each of `arguments`' options, by one process and split in two; and
    how each split went (`SplitGap.how`)."""
    options: list[tuple[str, ...]] = [(), ("--sort", "plan"), ("--as-of", "2022-05")]
    options += [("--status", "behind,on_track"), ("--fail-on", "behind")]

    def gap(*args: str) -> tuple[int, str, str]:
        result = invoke(*arguments, "gap", "--json", *args)
        return result.exit_code, str(result.stdout), str(result.stderr)

    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "never")
    alone = [gap(*args) for args in options]
    hows: list[str] = []
    enter = SplitGap.__enter__

    def entered(self: SplitGap) -> SplitGap:
        try:
            return enter(self)
        finally:
            hows.append(self.how)

    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "always")
    monkeypatch.setattr(SplitGap, "__enter__", entered)
    assert split_module.can_split(10)
    return alone, [gap(*args) for args in options], hows


@pytest.mark.parametrize("suffix", [".sqlite", ".progress.toml"])
def test_a_plan_with_targets_in_lei_is_split_and_warns_as_one_process(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """A plan with targets in 类 was judged by one process (the other's share of figures was
    not read where the warning is made); now it is split, the parent reading the figures of
    every target in 类 too: the document and the warning byte for byte one process's."""
    plan, ledger = _water_ledger(tmp_path, suffix)
    alone, split, hows = _gap_split_or_not(
        invoke, monkeypatch, ["--plan", str(plan), "--ledger", str(ledger)]
    )
    assert split == alone
    assert hows == ["split"] * len(alone)
    assert {code for code, _, _ in alone} == {0, 1}  # (--fail-on behind: zzz_water 4.5 is)
    if suffix == ".sqlite":  # the figures judged: each target's latest position
        listed = "2 figures in 类 are no water class (aaa_water 2022-06 = 2.5, zzz_water 2022-06"
    else:  # every figure in force: in ledger order, the child's target's first
        listed = "3 figures in 类 are no water class (zzz_water 2022-04 = 2.5, aaa_water 2022-06"
    for _code, stdout, stderr in split[:2]:
        assert stderr.startswith(f"warning: {listed}"), stderr
        assert stderr.count("\n") == 1
        actual = {row["id"]: row["actual"] for row in json.loads(stdout)["targets"]}
        assert (actual["aaa_water"], actual["zzz_water"]) == (2.5, 4.5)


def test_a_postgresql_ledger_too(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_ledgers: Any
) -> None:
    """Each process selects its share's figures in the database; the parent's selection holds
    the targets in 类 outside its range (`target = ANY(extra)`)."""
    ledger = pg_ledgers.at(tmp_path / "ledger", "guandu-2022")
    plan, _ = _water_ledger(tmp_path, ".unused", ledger.store())
    alone, split, hows = _gap_split_or_not(
        invoke, monkeypatch, ["--plan", str(plan), "--ledger", ledger.url]
    )
    assert split == alone and hows == ["split"] * len(alone)
    assert split[0][2].startswith(
        "warning: 2 figures in 类 are no water class (aaa_water 2022-06 = 2.5, zzz_water 2022-06"
    ), split[0][2]


@pytest.mark.parametrize("how", ["alone", "redone"])
def test_the_warning_is_given_once_when_the_parent_reads_more(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A ledger not in WAL mode is read whole by the parent (`alone`); a child that dies is
    made up for by the parent reading its share (`redone`): the warning once, as one process
    gives it."""
    plan, ledger = _water_ledger(tmp_path, ".sqlite")
    if how == "alone":
        with sqlite3.connect(ledger) as connection:
            connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()
    else:
        monkeypatch.setattr(split_module, "_child", child_dies_at_once)
    alone, split, hows = _gap_split_or_not(
        invoke, monkeypatch, ["--plan", str(plan), "--ledger", str(ledger)]
    )
    assert split == alone
    assert hows == [how] * len(alone)
    # (at 2022-05 the figures judged are the demo's classes: nothing to warn of)
    assert [stderr.count("no water class") for _, _, stderr in split] == [1, 1, 0, 1, 1]


def test_a_ledger_wrong_in_the_childs_half_says_so_and_warns_of_nothing(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row the child finds wrong: the parent has read its share (and made the warning), but
    one process says what is wrong and nothing else (exit 3), so the split says the same."""
    plan, ledger = _water_ledger(tmp_path, ".sqlite")
    with sqlite3.connect(ledger) as connection:
        (last,) = connection.execute("SELECT max(seq) FROM records").fetchone()
        connection.execute("UPDATE records SET value = 'NaN' WHERE seq = ?", (last - 5,))
    connection.close()
    alone, split, hows = _gap_split_or_not(
        invoke, monkeypatch, ["--plan", str(plan), "--ledger", str(ledger)]
    )
    assert split == alone
    assert hows == ["alone"] * len(alone)  # (the child found it: the parent read it whole)
    code, stdout, stderr = alone[0]
    assert (code, stdout) == (3, "")  # a ledger that is not valid
    assert "no water class" not in stderr and "NaN" in stderr and stderr.count("\n") == 1


def test_a_split_gap_gives_one_processs_other_warnings_too(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Split in two, `gap --json` said nothing of an amendment outside the plan year (2021-06
    for a 2022 plan) nor of a ledger whose figures are all for other targets or years, which
    one process warns of: now the same lines."""
    plan, ledger = _water_ledger(tmp_path, ".sqlite")
    with open_store(LedgerLocation(ledger, "option")).transaction() as session:
        session.append_amendment(
            Amendment(
                target="gdp",
                period="2021-06",
                min=Decimal("4"),
                recorded_at=datetime(2022, 7, 7, tzinfo=UTC),
                batch="late",
            )
        )
    arguments = ["--plan", str(plan), "--ledger", str(ledger)]
    alone, split, hows = _gap_split_or_not(invoke, monkeypatch, arguments)
    assert split == alone and hows == ["split"] * len(alone)
    outside = " is for a period outside the plan year 2022 (gdp 2021-06): it is not applied\n"
    assert all(outside in stderr for _, _, stderr in split), split[0][2]
    stray = tmp_path / "stray.sqlite"
    with open_store(LedgerLocation(stray, "option")).transaction() as session:
        session.append(
            [
                Record(
                    target=t,
                    period=p,
                    value=Decimal(5),
                    recorded_at=datetime(2022, 7, 1, tzinfo=UTC),
                    batch="x",
                )
                for t, p in (("not_in_plan", "2022-03"), ("gdp", "2019-03"))
            ]
        )
    arguments = ["--plan", str(plan), "--ledger", str(stray)]
    alone, split, hows = _gap_split_or_not(invoke, monkeypatch, arguments)
    assert split == alone and hows == ["split"] * len(alone)
    assert split[0][2].startswith("warning: the 2 figures in "), split[0][2]
    assert (
        "stray.sqlite are for no target of this plan in 2022 (not_in_plan, gdp 2019-03)"
        in (split[0][2])
    )
