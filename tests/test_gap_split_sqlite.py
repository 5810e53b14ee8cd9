"""`gap --json` split in two on a SQLite ledger (`assess.gap_split`, `stores.sqlite_split`,
issue 15): each process reads its share of the targets through its own snapshot; the output
is one process's, byte for byte; a write landing between the two reads is seen (the parent
then reads the child's share in its own snapshot), and so is anything wrong in either half
of the rows (then the whole ledger is read by one process, which says what)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gap_split_helpers import (
    WHEN,
    child_dies_at_once,
    every_target,
    fill_demo,
    no_children,
    read_and_judged,
    split_document,
)
from plancli.assess import figure_query
from plancli.assess import gap_split as split_module
from plancli.assess.gap_shares import shares
from plancli.assess.gap_split import SplitGap
from plancli.compiled import plain_plan
from plancli.errors import PlanError
from plancli.locations import LedgerLocation
from plancli.model import Amendment, Record
from plancli.plan import load_plan_file
from plancli.stores import open_store
from plancli.stores.sqlite_split import SqliteShares, wal_state, year_periods

DATA = Path(__file__).parent.parent / "data"
PLANS = [DATA / "plan2022.toml", sorted(DATA.glob("2026/*.toml"))[0]]


def _ledger(tmp_path: Path, path: Path, amended: bool = True) -> tuple[Any, LedgerLocation]:
    """The plan at `path` and a SQLite ledger of its demo figures (and two amendments)."""
    model = load_plan_file(path)
    location = LedgerLocation(tmp_path / "ledger.sqlite", "option")
    with open_store(location).transaction() as session:
        fill_demo(session, model, amended)
    return plain_plan(model), location


def _two_processes(
    plan: Any, location: LedgerLocation, as_of: str | None, **how: Any
) -> tuple[str, str]:
    return split_document(plan, as_of, lambda query: SqliteShares(location, query), **how)


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_two_readers_write_what_one_writes(tmp_path: Path, path: Path) -> None:
    plan, location = _ledger(tmp_path, path)
    year = plan.plan.year
    half = plan.targets[len(plan.targets) // 2 :]
    cases = [
        every_target(plan),
        every_target(plan, order="plan"),
        every_target(plan, targets=half),
        every_target(plan, statuses=("met", "no_data")),
    ]
    for as_of in (None, f"{year}-02", f"{year}-05"):
        for how in cases:
            expected = read_and_judged(plan, location, as_of, **how)
            assert _two_processes(plan, location, as_of, **how) == (expected, "split")


def _write(location: LedgerLocation, target: str, period: str, value: str, batch: str) -> None:
    record = Record(
        target=target, period=period, value=Decimal(value), recorded_at=WHEN, batch=batch
    )
    with open_store(location).transaction() as session:
        session.append([record])


def _undo(location: LedgerLocation, batch: str) -> None:
    with open_store(location).transaction() as session:
        assert session.remove_batch(batch)


@pytest.mark.parametrize("write", ["record", "record and undo", "amend"])
def test_a_write_between_the_two_reads_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str
) -> None:
    """The write is made in the child, after the parent fixed its snapshot and before the
    child fixes its own: the child sees another state and stops; the parent reads the
    child's share itself, so the document is the ledger's before the write, all of it."""
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    before = read_and_judged(plan, location, None, **how)
    _, (_, theirs) = shares(plan)
    target = next(t for t in plan.part(theirs) if t.kind == "growth")
    period = f"{plan.plan.year}-06"

    def land() -> None:
        if write == "amend":
            with open_store(location).transaction() as session:
                session.append_amendment(
                    Amendment(
                        target=target.id,
                        period=period,
                        min=Decimal("-50"),
                        recorded_at=WHEN,
                        batch="late",
                    )
                )
            return
        _write(location, target.id, period, "-40", "late")
        if write == "record and undo":
            _undo(location, "late")

    monkeypatch.setattr(split_module, "before_child_reads", land)
    assert _two_processes(plan, location, None, **how) == (before, "redone")
    after = read_and_judged(plan, location, None, **how)
    if write == "record and undo":
        assert after == before  # the same figures again, but a write all the same: seen
    else:
        assert after != before  # the write changes the document: a mixed one would show


def test_without_a_write_the_child_reads_its_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    calls: list[int] = []
    monkeypatch.setattr(split_module, "before_child_reads", lambda: calls.append(1))
    how = every_target(plan)
    assert _two_processes(plan, location, None, **how) == (
        read_and_judged(plan, location, None, **how),
        "split",
    )
    assert calls == []  # the hook ran in the child, not here


def test_a_child_that_dies_is_made_up_for_from_the_parents_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    monkeypatch.setattr(split_module, "_child", child_dies_at_once)
    assert _two_processes(plan, location, None, **how) == (
        read_and_judged(plan, location, None, **how),
        "redone",
    )


def _seqs(location: LedgerLocation) -> tuple[int, int]:
    with sqlite3.connect(location.path) as connection:
        return connection.execute("SELECT min(seq), max(seq) FROM records").fetchone()


@pytest.mark.parametrize("half", [0, 1])
@pytest.mark.parametrize(
    ("column", "stored"),
    [("value", "abc"), ("value", "1e999"), ("period", "2022-6"), ("recorded_at", "yesterday")],
)
def test_a_row_wrong_in_either_half_is_the_one_process_error(
    tmp_path: Path, half: int, column: str, stored: str
) -> None:
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    seq = _seqs(location)[half]
    with sqlite3.connect(location.path) as connection:
        connection.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (stored, seq))
    connection.close()
    how = every_target(plan)
    with pytest.raises(PlanError) as one:
        read_and_judged(plan, location, None, **how)
    with pytest.raises(PlanError) as two:
        _two_processes(plan, location, None, **how)
    assert f"record seq {seq}" in str(one.value)
    assert str(two.value) == str(one.value)
    assert no_children()


def test_a_ledger_not_in_wal_mode_is_read_byread_and_judged(tmp_path: Path) -> None:
    """Without a write-ahead log there is no snapshot to name: no split."""
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    with sqlite3.connect(location.path) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    connection.close()
    how = every_target(plan)
    assert _two_processes(plan, location, None, **how) == (
        read_and_judged(plan, location, None, **how),
        "alone",
    )


def test_the_snapshot_name_changes_with_every_write(tmp_path: Path) -> None:
    plan, location = _ledger(tmp_path, DATA / "plan2022.toml")
    target = plan.targets[0].id
    reader = sqlite3.connect(f"{location.path.as_uri()}?mode=ro", uri=True)
    try:
        reader.execute("SELECT count(*) FROM records").fetchone()  # the index is built
        names = [wal_state(location.path)]
        for step in (
            lambda: _write(location, target, "2022-06", "1", "x"),
            lambda: _undo(location, "x"),
            lambda: _write(location, target, "2022-06", "1", "x"),  # the same row again
        ):
            step()
            names.append(wal_state(location.path))
        assert None not in names
        assert len(set(names)) == 4
        assert wal_state(location.path) == names[-1]  # nothing written: the same name
    finally:
        reader.close()


def test_every_period_a_valid_ledger_may_hold_is_selected() -> None:
    periods = year_periods(2022)
    assert len(periods) == 38
    assert {"2022-01", "2022-Q4", "2022-H1", "2022", "2021-12", "2021"} <= periods


def test_the_command_on_a_sqlite_ledger_writes_the_same_split_or_not(
    tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, location = _ledger(tmp_path, DATA / "plan2022.toml")
    plan = str(DATA / "plan2022.toml")

    def gap(*args: str) -> tuple[int, str, str]:
        result = invoke("--plan", plan, "--ledger", str(location.path), "gap", "--json", *args)
        return result.exit_code, str(result.stdout), str(result.stderr)

    options: list[tuple[str, ...]] = [
        (),
        ("--sort", "plan"),
        ("--fail-on", "behind"),
        ("--as-of", "2022-03"),
        ("--as-of", "2023-03"),  # another year: one process says so
        ("--as-of", "2022-13"),
    ]
    alone = [gap(*args) for args in options]
    splits: list[SplitGap] = []
    enter: Callable[[SplitGap], SplitGap] = SplitGap.__enter__

    def entered(self: SplitGap) -> SplitGap:
        splits.append(self)
        return enter(self)

    monkeypatch.setattr(split_module, "can_split", lambda targets: True)
    monkeypatch.setattr(SplitGap, "__enter__", entered)
    assert [gap(*args) for args in options] == alone
    assert [split.how for split in splits] == ["split"] * 4
    assert {code for code, _, _ in alone} == {0, 1, 2}


def test_rows_are_made_in_the_outputs_encoding_by_each_process(tmp_path: Path) -> None:
    """Each process encodes its rows as the output is encoded (here GB 18030, a Chinese
    locale's): the document's bytes are one process's text in that encoding."""
    plan, location = _ledger(tmp_path, PLANS[0])
    how = every_target(plan)
    expected = read_and_judged(plan, location, None, **how).encode("gb18030")
    query = figure_query(plan, None)
    with SplitGap(
        plan,
        None,
        lambda: SqliteShares(location, query),
        plan.ids(),
        None,
        "worst",
        ("gb18030", "strict"),
    ) as split:
        parts = list(split.parts())
    assert split.how == "split"
    assert any(type(p) is bytes for p in parts)
    data = b"".join(p if type(p) is bytes else p.encode("gb18030") for p in parts)
    assert data == expected
    assert "地区生产总值".encode("gb18030") in data and "地区生产总值".encode() not in data


def test_bytes_and_text_pieces_are_written_in_order(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    from plancli.cli.streams import emit_parts

    emit_parts(["{\n  ", b'"a": [1,', "", b"", " 2]\n}"])
    emit_parts(["x", "中".encode()])
    assert capfdbinary.readouterr().out == b'{\n  "a": [1, 2]\n}\nx\xe4\xb8\xad\n'


def test_json_is_utf8_on_a_gbk_terminal_split_or_not(tmp_path: Path) -> None:
    """On a GBK locale (zh_CN.GBK, PYTHONIOENCODING=gbk) `gap --json` is UTF-8 all the same,
    as RFC 8259 asks and the help says, whether two processes write it or one (before: the
    locale's GBK, a name outside it exit 70); `gap --csv` stays in the terminal's encoding."""
    import os
    import subprocess
    import sys

    _, location = _ledger(tmp_path, PLANS[0])
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING="gbk", PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    base = [sys.executable, "-m", "plancli", "--plan", str(PLANS[0])]
    base += ["--ledger", str(location.path), "gap"]
    outputs = []
    for how in ("always", "never"):
        env["PLANCLI_GAP_SPLIT"] = how
        run = subprocess.run([*base, "--json"], capture_output=True, env=env, check=False)
        assert run.returncode in (0, 1), run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert "地区生产总值".encode() in outputs[0]
    run = subprocess.run([*base, "--csv"], capture_output=True, env=env, check=False)
    assert "地区生产总值".encode("gbk") in run.stdout
