"""`gap --json` judged and written by two processes (`assess.gap_split`, issue 15): the same
bytes as one process on every target form, order and filter, and on text a terminal acts on;
a child that fails at any point is made up for (the same output, or the same error), and is
always waited for."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gap_split_helpers import (
    WHEN,
    child_dies_at_once,
    every_target,
    joined,
    judged,
    no_children,
)
from plancli.assess import assess_plan
from plancli.assess import gap_split as split_module
from plancli.assess.core import Context
from plancli.assess.gap_pipe import frame, receive, send, wire
from plancli.assess.gap_shares import Figures
from plancli.assess.gap_split import (
    SplitGap,
    _context,
    _judged,
    _read_share,
    can_split,
)
from plancli.compiled import plain_plan
from plancli.demo import demo_records
from plancli.errors import PlanFileError
from plancli.periods import parse_period, parse_plan_period
from plancli.plain import Amendment
from plancli.plan import load_plan_file

DATA = Path(__file__).parent.parent / "data"
PLANS = [DATA / "plan2022.toml", *sorted(DATA.glob("2026/*.toml"))[:3]]


def _split(plan: Any, records: Any, amendments: Any, as_of: Any, **how: Any) -> SplitGap:
    period = parse_plan_period(as_of, plan.plan.year) if as_of is not None else None
    figures = Figures(records, amendments)
    wanted = {t.id for t in how["targets"]}
    return SplitGap(plan, period, lambda: figures, wanted, how["statuses"], how["order"])


def _two_processes(
    plan: Any, records: Any, amendments: Any, as_of: Any, how_done: str = "split", **how: Any
) -> str:
    with _split(plan, records, amendments, as_of, **how) as split:
        text = joined(split.parts())
    assert no_children()
    assert split.how == how_done
    return text


def _amended(plan: Any) -> list[Amendment]:
    year = plan.plan.year
    pending = [t for t in plan.targets if t.pending][:2]
    return [
        Amendment(t.id, f"{year}-03", None, Decimal("3.5"), None, None, None, "国家下达", WHEN, "b")
        for t in pending
    ]


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_two_processes_write_what_one_writes(path: Path) -> None:
    model = load_plan_file(path)
    plan = plain_plan(model)
    records = demo_records(model, WHEN, "demo")
    year = plan.plan.year
    half = plan.targets[len(plan.targets) // 2 :]
    cases: list[dict[str, Any]] = [
        {"targets": plan.targets, "statuses": None, "order": "worst"},
        {"targets": plan.targets, "statuses": None, "order": "plan"},
        {"targets": half, "statuses": None, "order": "worst"},  # --section: one half only
        {"targets": plan.targets[:3], "statuses": None, "order": "worst"},
        {"targets": plan.targets, "statuses": ("met", "no_data"), "order": "worst"},
        {"targets": plan.targets, "statuses": ("tracked",), "order": "plan"},
    ]
    for as_of in (None, f"{year}-02", f"{year}-05"):
        for amendments in ([], _amended(plan)):
            for how in cases:
                expected = judged(plan, records, amendments, as_of, **how)
                assert _two_processes(plan, records, amendments, as_of, **how) == expected
    # and with nothing recorded: every target no_data, no as-of period
    how = cases[0]
    assert _two_processes(plan, [], [], None, **how) == judged(plan, [], [], None, **how)


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
@pytest.mark.parametrize("child", ["judges", "dies"])
def test_each_process_builds_its_share_of_the_targets(
    path: Path, child: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan's targets not built yet (from its compiled form) stay so in the parent, which
    builds its share and the targets they read (a roll-up's parts, a relation's reference):
    the same bytes as one process; a child that fails has its share built by the parent."""
    model = load_plan_file(path)
    records = demo_records(model, WHEN, "demo")
    whole = plain_plan(model)
    how = every_target(whole)
    expected = judged(whole, records, _amended(whole), None, **how)
    if child == "dies":
        monkeypatch.setattr(split_module, "_child", child_dies_at_once)
    plan = plain_plan(model)
    how_done = "split" if child == "judges" else "redone"
    assert _two_processes(plan, records, _amended(whole), None, how_done, **how) == expected
    assert plan._targets is None  # never the whole plan
    reads = [t for t in whole.targets if t.parts or t.reference is not None]
    assert reads or path.stem != "plan2022"  # roll-ups or relations among the targets


def _hostile_plan(tmp_path: Path) -> Path:
    source = (DATA / "plan2022.toml").read_text(encoding="utf-8")
    hostile = '地区\\u202e生产\\"总值\\\\\\u007f'
    source = source.replace('name = "地区生产总值"', f'name = "{hostile}"', 1)
    source = source.replace('unit = "亿元"', 'unit = "亿\\u009b元\\U0001f600\\u0000"', 1)
    path = tmp_path / "plan.toml"
    path.write_text(source, encoding="utf-8")
    return path


def test_text_a_terminal_acts_on_and_nul_cross_the_pipe(tmp_path: Path) -> None:
    """A NUL in a name (the rows' separator on the pipe) is written `\\u0000`, as are bidi
    overrides and C1 controls; quotes, backslashes and emoji come through as one process
    writes them."""
    model = load_plan_file(_hostile_plan(tmp_path))
    plan = plain_plan(model)
    records = demo_records(model, WHEN, "demo")
    how = {"targets": plan.targets, "statuses": None, "order": "plan"}
    text = _two_processes(plan, records, [], None, **how)
    assert text == judged(plan, records, [], None, **how)
    assert "\\u0000" in text and "\\u202e" in text and "\U0001f600" in text and "\0" not in text


def _plan2022() -> tuple[Any, Any]:
    model = load_plan_file(DATA / "plan2022.toml")
    return plain_plan(model), demo_records(model, WHEN, "demo")


def _child_sends_two_rows_and_half(split: SplitGap, fd: int, parent: int) -> None:
    assert receive(parent)
    indexed = _read_share(split, split.source(), split.their_share)
    assert indexed is not None
    from plancli.assess.gap_pipe import latest_bytes as _latest_bytes

    send(fd, b"K" + _latest_bytes(indexed.latest(split.plan)))
    as_of = receive(parent)
    assert as_of is not None
    plan, targets = split._share(split.their_share, split._their_places)
    context = _context(plan, indexed, parse_period(as_of.decode()) if as_of else None)
    chosen, keys = _judged(split, context, targets)
    import marshal

    from plancli.assess.gap_json import row_texts
    from plancli.assess.gap_split import TARGETS_INDENT, _counts

    head = marshal.dumps((_counts(chosen), [wire(key) for key in keys]))
    rows = [row.encode() for row in row_texts(chosen, TARGETS_INDENT)]
    os.write(fd, len(head).to_bytes(8, "little") + head)
    os.write(fd, frame(rows[:2]) + frame(rows[2:4])[:-40])  # a frame cut short
    os._exit(0)


@pytest.mark.parametrize("child", [child_dies_at_once, _child_sends_two_rows_and_half])
def test_a_child_that_fails_is_made_up_for(monkeypatch: pytest.MonkeyPatch, child: Any) -> None:
    plan, records = _plan2022()
    how = {"targets": plan.targets, "statuses": None, "order": "worst"}
    expected = judged(plan, records, [], None, **how)
    monkeypatch.setattr(split_module, "_child", child)
    assert _two_processes(plan, records, [], None, "redone", **how) == expected


def test_an_error_in_the_childs_half_is_the_one_process_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan, records = _plan2022()
    broken = plan.targets[-2].id  # in the child's half
    assess = Context.assess

    def failing(self: Context, target: Any) -> Any:
        if target.id == broken:
            raise PlanFileError(f"target {broken}: broken")
        return assess(self, target)

    monkeypatch.setattr(Context, "assess", failing)
    with pytest.raises(PlanFileError) as one:
        assess_plan(plan, records)
    how = {"targets": plan.targets, "statuses": None, "order": "worst"}
    with pytest.raises(PlanFileError) as two:
        _two_processes(plan, records, [], None, "alone", **how)
    assert str(two.value) == str(one.value) == f"target {broken}: broken"
    assert no_children()


def test_stopping_early_kills_and_waits_for_the_child() -> None:
    """`gap --json | head`: the parent stops writing; the child is not left behind."""
    plan, records = _plan2022()
    how: dict[str, Any] = {"targets": plan.targets, "statuses": None, "order": "worst"}
    with _split(plan, records, [], None, **how) as split:
        parts = split.parts()
        assert next(parts).startswith("{")
    assert no_children()


def test_large_plans_are_split_where_two_processors_may_run_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rule depends on the plan's size and the processors the process may use (its
    affinity mask), not on how busy the machine is at that moment."""
    monkeypatch.delenv("PLANCLI_GAP_SPLIT", raising=False)
    monkeypatch.setattr(split_module, "processors", lambda: 2)
    assert not can_split(split_module.SPLIT_AT - 1)
    assert can_split(split_module.SPLIT_AT)
    assert can_split(100_000)
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))  # a busy machine: the same
    assert can_split(100_000)
    monkeypatch.setattr(split_module, "processors", lambda: 1)  # `taskset -c 0`: one
    assert not can_split(100_000)


def test_the_affinity_mask_counts_the_processors() -> None:
    assert split_module.processors() == len(os.sched_getaffinity(0))


def test_the_command_writes_the_same_split_or_not(
    tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("init", "--demo", str(tmp_path)).exit_code == 0
    plan = str(tmp_path / "plan2022.toml")

    def gap(*args: str) -> tuple[int, str]:
        result = invoke("--plan", plan, "gap", "--json", *args)
        return result.exit_code, str(result.stdout)

    options: Sequence[tuple[str, ...]] = (
        (),
        ("--sort", "plan"),
        ("--status", "met,behind"),
        ("--fail-on", "behind"),
        ("--fail-on", "pending,tracked"),
        ("--as-of", "2022-03"),
    )
    alone = [gap(*args) for args in options]
    calls: list[int] = []

    def always(targets: int) -> bool:
        calls.append(targets)
        return True

    monkeypatch.setattr(split_module, "can_split", always)
    assert [gap(*args) for args in options] == alone
    assert len(calls) == len(options)
    assert {code for code, _ in alone} == {0, 1}  # --fail-on both ways


_PROGRAM = """
import atexit, os, sys
kept = os.fdopen(os.dup(2), "w")
kept.write("freed\\n")  # a buffered file: written when the interpreter frees it
atexit.register(lambda: sys.stdout.write("atexit ran\\n"))
sys.argv[0] = "plancli"
from plancli.__main__ import main
main()
"""


@pytest.mark.parametrize("split", ["always", "never"])
def test_gap_leaves_without_freeing_once_all_is_written(
    tmp_path: Path, invoke: Any, split: str
) -> None:
    """The `plancli` program ends `gap` without freeing its objects (0.3 s at 100,000
    targets), after its output is flushed and the `atexit` handlers have run, with the exit
    code asked for; other commands, and tests' in-process runs, end the usual way."""
    assert invoke("init", "--demo", str(tmp_path)).exit_code == 0
    plan = str(tmp_path / "plan2022.toml")
    args = ("--plan", plan, "gap", "--json", "--fail-on", "behind")
    expected = invoke(*args)
    assert expected.exit_code == 1
    env = {**os.environ, "PLANCLI_GAP_SPLIT": split}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", _PROGRAM, *argv]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    done = run(*args)
    assert (done.returncode, done.stdout, done.stderr) == (1, expected.stdout + "atexit ran\n", "")
    other = run("--plan", plan, "targets")
    assert other.returncode == 0
    assert other.stdout.endswith("atexit ran\n")
    assert other.stderr == "freed\n"


def test_the_split_is_forced_either_way_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """PLANCLI_GAP_SPLIT=always or never, for measuring: always splits any plan (one
    processor, a few targets), never splits none."""
    monkeypatch.setattr(split_module, "processors", lambda: 1)
    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "always")
    assert can_split(100_000)
    assert can_split(3)
    monkeypatch.setattr(split_module, "processors", lambda: 8)
    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "never")
    assert not can_split(100_000)
    monkeypatch.setenv("PLANCLI_GAP_SPLIT", "sometimes")  # not a choice: the rule
    assert can_split(100_000)


def test_sort_keys_compare_as_the_fractions_they_were_made_from() -> None:
    """The keys cross the pipe and are sorted with each Fraction as (numerator, denominator);
    where two paces have the same float but differ, the Fractions decide, as in one process."""
    from fractions import Fraction

    from plancli.assess.gap_pipe import sorted_places

    pace = Fraction(2, 3)
    below = pace - Fraction(1, 10**30)  # the same float, a larger numerator, yet smaller
    assert float(below) == float(pace) and below.numerator > pace.numerator
    none = Fraction(0)
    keys = [(2, 0, float(pace), pace, 0), (2, 0, float(below), below, 1), (1, 1, 0.0, none, 2)]
    wired = [wire(key) for key in keys]
    assert sorted(range(3), key=wired.__getitem__) == [2, 0, 1]  # as bare pairs: wrong
    assert sorted_places(wired) == [2, 1, 0]
    assert sorted_places(wired[:1] + wired[2:]) == [1, 0]  # no such pair: compared as pairs
    assert sorted_places([]) == []


def test_the_parent_takes_its_part_of_the_targets() -> None:
    from plancli.assess.gap_shares import shares

    plan, _ = _plan2022()
    count = len(plan.targets)
    for part, first in ((0.5, count // 2), (0.47, int(count * 0.47)), (0.0, 0), (1.0, count - 1)):
        (_, my_places), (_, their_places) = shares(plan, part)
        mine = [plan.targets[place] for place in my_places]
        theirs = [plan.targets[place] for place in their_places]
        assert len(mine) == first
        assert {t.id for t in mine} | {t.id for t in theirs} == {t.id for t in plan.targets}
        assert max(t.id for t in mine) < min(t.id for t in theirs) if mine else theirs
    assert split_module.PARENT_SHARE < 0.5
