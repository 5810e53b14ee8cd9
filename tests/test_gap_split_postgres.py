"""`gap --json` split in two on a PostgreSQL ledger (`assess.gap_split`,
`stores.postgres.split`, issue 13): each process reads its share of the targets through its own
connection, both in the parent's snapshot (exported, and taken by the child with SET
TRANSACTION SNAPSHOT); the output is one process's, byte for byte; a write landing between the
two reads is not seen by either (the database's own guarantee, where SQLite's check makes the
parent read the child's share again); anything unusual is read whole by one process, which
says what."""

from __future__ import annotations

import dataclasses
import time
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
from ledgers import PgLedger, PgLedgers
from plancli.assess import figure_query
from plancli.assess import gap_split as split_module
from plancli.assess.gap_shares import Share, shares
from plancli.compiled import plain_plan
from plancli.errors import PlanError
from plancli.model import Amendment, Record
from plancli.plan import load_plan_file
from plancli.stores.postgres.split import PostgresShares, share_condition

DATA = Path(__file__).parent.parent / "data"
PLANS = [DATA / "plan2022.toml", sorted(DATA.glob("2026/*.toml"))[0]]


def _ledger(pg_ledgers: PgLedgers, tmp_path: Path, path: Path) -> tuple[Any, PgLedger]:
    """The plan at `path` and a PostgreSQL ledger of its demo figures and two amendments."""
    model = load_plan_file(path)
    ledger = pg_ledgers.at(tmp_path / "ledger", model.plan.id)
    with ledger.store().transaction() as session:
        fill_demo(session, model)
    return plain_plan(model), ledger


def _one_process(plan: Any, ledger: PgLedger, as_of: str | None, **how: Any) -> str:
    return read_and_judged(plan, ledger.location(), as_of, **how)


def _two_processes(plan: Any, ledger: PgLedger, as_of: str | None, **how: Any) -> tuple[str, str]:
    return split_document(
        plan, as_of, lambda query: PostgresShares(ledger.location(), query), **how
    )


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_two_readers_in_one_snapshot_write_what_one_writes(
    pg_ledgers: PgLedgers, tmp_path: Path, path: Path
) -> None:
    plan, ledger = _ledger(pg_ledgers, tmp_path, path)
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
            expected = _one_process(plan, ledger, as_of, **how)
            assert _two_processes(plan, ledger, as_of, **how) == (expected, "split")


@pytest.mark.parametrize("write", ["record", "amend"])
def test_a_write_between_the_two_reads_is_in_neither(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str
) -> None:
    """The write is committed in the child, after the parent exported its snapshot and before
    the child takes it: the child reads the parent's snapshot all the same, so both halves
    are the ledger before the write, and the child's half is not read again."""
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    before = _one_process(plan, ledger, None, **how)
    _, (_, theirs) = shares(plan)
    target = next(t for t in plan.part(theirs) if t.kind == "growth")
    period = f"{plan.plan.year}-06"

    def land() -> None:
        with ledger.store().transaction() as session:
            if write == "amend":
                session.append_amendment(
                    Amendment(
                        target=target.id,
                        period=period,
                        min=Decimal("-50"),
                        recorded_at=WHEN,
                        batch="late",
                    )
                )
            else:
                session.append(
                    [
                        Record(
                            target=target.id,
                            period=period,
                            value=Decimal("-40"),
                            recorded_at=WHEN,
                            batch="late",
                        )
                    ]
                )

    monkeypatch.setattr(split_module, "before_child_reads", land)
    assert _two_processes(plan, ledger, None, **how) == (before, "split")
    assert (
        ledger.sql("SELECT count(*) FROM plancli.records WHERE batch = 'late'")[0][0]
        + (ledger.sql("SELECT count(*) FROM plancli.amendments WHERE batch = 'late'")[0][0])
        == 1
    )  # the write landed (in the child, between the two reads)
    assert _one_process(plan, ledger, None, **how) != before  # and it shows when read now


def test_a_child_that_dies_is_made_up_for_from_the_parents_snapshot(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    monkeypatch.setattr(split_module, "_child", child_dies_at_once)
    assert _two_processes(plan, ledger, None, **how) == (
        _one_process(plan, ledger, None, **how),
        "redone",
    )


def test_each_share_is_selected_while_its_targets_are_built(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent sends its selection, builds its share's targets while the server selects,
    then reads the rows (`request`, `read`); the output is the one process's all the same."""
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    expected = _one_process(plan, ledger, None, **how)
    steps: list[str] = []
    request, read = PostgresShares.request, PostgresShares.read
    built = split_module.SplitGap._share

    def requested(self: PostgresShares, share: Share) -> bool:
        sent = request(self, share)
        steps.append(f"request {share.rows}: {sent}")
        return sent

    def reading(self: PostgresShares, share: Share) -> Any:
        steps.append(f"read {share.rows}: {self.requested == share}")
        return read(self, share)

    def building(self: Any, share: Share, places: list[int]) -> Any:
        if share.rows not in self._built:
            steps.append(f"build {share.rows}")
        return built(self, share, places)

    monkeypatch.setattr(PostgresShares, "request", requested)
    monkeypatch.setattr(PostgresShares, "read", reading)
    monkeypatch.setattr(split_module.SplitGap, "_share", building)
    assert _two_processes(plan, ledger, None, **how) == (expected, "split")
    assert steps == ["request 0: True", "build 0", "read 0: True"]  # the parent's


def _snapshot_named(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> tuple[PgLedger, Any, PostgresShares, str]:
    """The bundled plan's ledger, its figure query, and a parent that exported its snapshot."""
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    query = figure_query(plan, None)
    parent = PostgresShares(ledger.location(), query)
    name = parent.open()
    assert name is not None
    return ledger, query, parent, name


def test_the_childs_connection_is_opened_before_the_snapshot_is_named(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    """`prepare` connects (the child, while the parent exports its snapshot); `open` then
    takes the snapshot on that connection. A child that could not connect names none, and
    tries no second time."""
    ledger, query, parent, name = _snapshot_named(pg_ledgers, tmp_path)
    child = PostgresShares(ledger.location(), query)
    child.prepare()
    connection = child.store._connection
    assert connection is not None and not connection.closed
    assert child.open(name) == name
    assert child.connection is connection
    child.close()
    parent.close()
    gone = dataclasses.replace(ledger, cluster=dataclasses.replace(ledger.cluster, folder=tmp_path))
    unreachable = PostgresShares(gone.location(), query)
    unreachable.prepare()
    assert unreachable.refused and unreachable.store._connection is None
    assert unreachable.open(name) is None


def test_a_snapshot_no_longer_exported_is_not_taken(pg_ledgers: PgLedgers, tmp_path: Path) -> None:
    """The parent's transaction ended: its snapshot's name takes the child nowhere."""
    ledger, query, parent, name = _snapshot_named(pg_ledgers, tmp_path)
    child = PostgresShares(ledger.location(), query)
    assert child.open(name) == name
    child.close()
    assert parent.connection is not None
    [(backend,)] = parent.connection.execute("SELECT pg_backend_pid()").fetchall()
    parent.close()
    # A closed connection's backend ends a moment later, on the server's side: wait for it,
    # or under load the late import may still find the snapshot (seen once in session 40).
    for _ in range(500):
        [(alive,)] = ledger.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (backend,))
        if not alive:
            break
        time.sleep(0.01)
    late = PostgresShares(ledger.location(), query)
    try:
        assert late.open(name) is None
        assert late.connection is None
    finally:
        late.close()


@pytest.mark.parametrize("half", [0, 1])
def test_a_figure_wrong_in_either_share_is_the_one_process_error(
    pg_ledgers: PgLedgers, tmp_path: Path, half: int
) -> None:
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    target = next(t for t in plan.part(shares(plan)[half][1]) if t.kind == "growth")
    with ledger.figure_check_dropped():
        ledger.sql(
            "INSERT INTO plancli.records (plan_id, target, period, value, recorded_at, batch) "
            "VALUES (%s, %s, '2022-11', 1e16, now(), 'bad')",
            (ledger.plan_id, target.id),
        )
        how = every_target(plan)
        with pytest.raises(PlanError) as one:
            _one_process(plan, ledger, None, **how)
        with pytest.raises(PlanError) as two:
            _two_processes(plan, ledger, None, **how)
        assert f"({target.id} 2022-11)" in str(one.value)
        assert str(two.value) == str(one.value)
        assert no_children()


def test_without_libpqs_own_library_one_process_reads(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """psycopg over another libpq: no snapshot is named, the parent reads it whole."""
    from plancli.stores.postgres import connection

    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    how = every_target(plan)
    expected = _one_process(plan, ledger, None, **how)
    monkeypatch.setattr(connection, "find_libpq", lambda: None)
    assert _two_processes(plan, ledger, None, **how) == (expected, "alone")


def test_a_database_without_the_ledger_is_the_one_process_error(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    ledger.drop_schema()
    how = every_target(plan)
    with pytest.raises(PlanError) as one:
        _one_process(plan, ledger, None, **how)
    with pytest.raises(PlanError) as two:
        _two_processes(plan, ledger, None, **how)
    assert "holds no plancli ledger" in str(one.value)
    assert str(two.value) == str(one.value)


def test_a_share_is_chosen_by_code_point_whatever_the_collation(
    pg_ledgers: PgLedgers, tmp_path: Path
) -> None:
    """Ids a linguistic collation orders otherwise (ICU's: B between a and z, _x after B)
    fall in the share Python's comparison puts them in."""
    ledger = pg_ledgers.at(tmp_path / "ledger")
    if not ledger.sql("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'"):
        pytest.skip("this PostgreSQL has no ICU collation to order ids otherwise")
    ids = ["B", "a", "Z_1", "z", "统计", "工信", "_x", "b"]
    linguistic = ledger.sql(
        "SELECT t FROM unnest(%s::text[]) AS t WHERE t COLLATE \"und-x-icu\" >= 'a' "
        "AND t COLLATE \"und-x-icu\" < 'z'",
        (ids,),
    )
    assert "B" in {r[0] for r in linguistic}  # the case a collation would get wrong
    for share in (
        Share("a", "z", frozenset(), 0),
        Share(None, "b", frozenset({"统计"}), 0),
        Share("_x", None, frozenset({"B"}), 1),
    ):
        condition, parameters = share_condition(share)
        condition = condition.replace("target", '(t COLLATE "und-x-icu")')
        rows = ledger.sql(
            f"SELECT t FROM unnest(%(ids)s::text[]) AS t WHERE {condition}",
            {**parameters, "ids": ids},
        )
        assert sorted(r[0] for r in rows) == sorted(i for i in ids if share.holds(i)), share


def test_a_server_unreachable_is_the_one_process_error_after_one_attempt(
    pg_ledgers: PgLedgers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a second connect (and a second connect timeout) by the one process's read."""
    from plancli.stores.postgres.connection import PostgresConnection

    plan, ledger = _ledger(pg_ledgers, tmp_path, DATA / "plan2022.toml")
    gone = dataclasses.replace(ledger, cluster=dataclasses.replace(ledger.cluster, folder=tmp_path))
    how = every_target(plan)
    with pytest.raises(PlanError) as one:
        _one_process(plan, gone, None, **how)
    attempts: list[int] = []
    connect = PostgresConnection._connect

    def counted(self: PostgresConnection, *, light: bool = False) -> Any:
        attempts.append(1)
        return connect(self, light=light)

    monkeypatch.setattr(PostgresConnection, "_connect", counted)
    with pytest.raises(PlanError) as two:
        _two_processes(plan, gone, None, **how)
    assert "cannot connect to the ledger" in str(one.value)
    assert str(two.value) == str(one.value)
    assert attempts == [1]
    assert no_children()
