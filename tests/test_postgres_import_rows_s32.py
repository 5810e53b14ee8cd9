"""A department's import the database refuses (row-level security: another department's
target) names the file's row that wrote the target, `FILE:N`, as an import's other refusals
name theirs; still one line, exit 2, nothing of the batch written (session 32). Against the
throwaway server of tests/pgcluster.py, with test_ledger_postgres.py's fixtures."""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

if os.environ.get("PLANCLI_REQUIRE_POSTGRES") != "1":
    pytest.importorskip("psycopg", reason="psycopg is not installed (plancli[test])")
from ledgers import PgLedger
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    bureau,
    ledger,
    one_line_error,
    owned_plan,
    roles,
)

# bob records for 工信局 (g5). Row 3 gives gdp's figure in force again (unchanged: not
# written), row 4 a new one (written: the row the database refuses), row 5 another
# department's target too.
SHEET = (
    "target,period,value\n"
    "g5,2022-07,170\n"
    "gdp,2022-Q2,5.2\n"
    "gdp,2022-Q3,5.5\n"
    "unemployment,2022-Q3,5\n"
)
REFUSED = (
    "refused: gdp is owned by 统计局 (牵头单位); 1 more target of this batch is refused too; "
    "bob records for 工信局; nothing of this batch was written\n"
)


@pytest.mark.parametrize(
    "how", [(), ("--json",), ("--dry-run",)], ids=["stream", "json", "dry-run"]
)
def test_the_refused_target_is_named_with_the_row_that_wrote_it(
    bureau: Any, ledger: PgLedger, tmp_path: Path, how: tuple[str, ...]
) -> None:
    assert bureau("alice", "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    sheet = tmp_path / "june.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    before = ledger.read_bytes()
    refused = one_line_error(bureau("bob", "import", str(sheet), *how), 2)
    assert refused == f"error: {sheet}:4: {REFUSED}"  # not row 3: gdp's unchanged figure
    assert ledger.read_bytes() == before


def test_a_one_row_import_refused_at_commit_names_its_row(
    bureau: Any, ledger: PgLedger, tmp_path: Path
) -> None:
    """One record's insert is sent with COMMIT (a round trip less), so the database refuses it
    after the rows are checked: the row is named all the same."""
    sheet = tmp_path / "one.csv"
    sheet.write_text("target,period,value\n\ngdp,2022-Q3,5.5\n", encoding="utf-8")
    before = ledger.read_bytes()
    refused = one_line_error(bureau("bob", "import", str(sheet)), 2)
    assert refused == (
        f"error: {sheet}:3: refused: gdp is owned by 统计局 (牵头单位); bob records for 工信局; "
        "nothing of this batch was written\n"
    )
    assert ledger.read_bytes() == before
    assert bureau("alice", "import", str(sheet)).exit_code == 0  # 统计局's own: written


def test_the_row_in_chinese(bureau: Any, tmp_path: Path) -> None:
    sheet = tmp_path / "june.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    result = bureau("bob", "--lang", "zh", "import", str(sheet))
    assert result.exit_code == 2
    assert result.stderr == (  # (gdp's row 3 is new here: written, refused)
        f"错误：{sheet}:3：拒绝：gdp 的牵头单位是 统计局；本批次另有 1 个目标同样被拒绝；"
        "bob 代 工信局 录入；本批次未写入任何数据\n"
    )


def test_a_record_names_no_row(bureau: Any) -> None:
    """`record` has no file: its refusal is as before."""
    refused = one_line_error(bureau("bob", "record", "gdp", "5.5", "-p", "2022-Q3"), 2)
    assert refused.startswith("error: refused: gdp is owned by 统计局"), refused
