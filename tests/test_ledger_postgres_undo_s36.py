"""Two departments at work at once: a department's `undo` refused because another department
recorded after it names the batch it may revert (session 36's walk: bob's `undo` was refused for
alice's import, and nothing said how to take back his own record of a minute before). Against
the throwaway server of tests/pgcluster.py, with test_ledger_postgres's fixtures."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import json
import os

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") == "1":  # CI: no driver is a failure
    import psycopg  # noqa: F401
else:
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)


def _batches(bureau) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    history = json.loads(bureau("bureau", "history", "--json").stdout)
    return [(r["batch"], r["recorded_by"]) for r in history["records"]]


def test_a_refused_undo_names_the_batch_the_department_may_revert(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("bob", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    assert bureau("bob", "record", "g5", "160", "-p", "2022-07").exit_code == 0
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    (_, _), (bobs, _), (alices, _) = _batches(bureau)
    for dry in ((), ("-n",)):
        refused = bureau("bob", "undo", "--yes", *dry)
        assert refused.exit_code == 2, refused.stderr
        assert refused.stderr == (
            f"error: refused: batch {alices} was written by alice for 统计局; a department "
            "undoes only the batches its own roles wrote; bob records for 工信局; nothing was "
            f"reverted\n  the last batch this role may revert is {bobs}: plancli undo --batch "
            f"{bobs[-6:]}\n"
        )
    zh = bureau("bob", "--lang", "zh", "undo", "-n")
    assert zh.exit_code == 2
    assert zh.stderr.splitlines()[1] == (
        f"  本角色可撤销的最近批次为 {bobs}：plancli undo --batch {bobs[-6:]}"
    ), zh.stderr
    # The hint's command does it; nothing of alice's is touched.
    done = bureau("bob", "undo", "--batch", bobs[-6:], "--yes")
    assert done.exit_code == 0, done.stderr
    assert [b for b, _ in _batches(bureau)][1:] == [alices]
    # `--batch` of another's batch names no other: the user chose that batch.
    refused = one_line_error(bureau("bob", "undo", "--batch", alices[-6:], "--yes"), 2)
    assert "may revert" not in refused


def test_no_hint_where_the_department_has_no_batch_to_revert(bureau, ledger: PgLedger) -> None:  # type: ignore[no-untyped-def]
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    assert bureau("bureau", "record", "g5", "150", "-p", "2022-06").exit_code == 0
    # The office recorded after alice: she is refused its batch, and told hers.
    refused = bureau("alice", "undo", "-n")
    assert refused.exit_code == 2 and "the ledger's owner" in refused.stderr
    alices = _batches(bureau)[0][0]
    assert refused.stderr.splitlines()[1].endswith(f"plancli undo --batch {alices[-6:]}")
    # bob has none: the refusal is its one line.
    one_line_error(bureau("bob", "undo", "-n"), 2)
    # The office corrects alice's figure: reverting her batch would change nothing in force,
    # so it is not offered.
    assert bureau("bureau", "record", "gdp", "5.1", "-p", "2022-Q2").exit_code == 0
    one_line_error(bureau("alice", "undo", "-n"), 2)
