"""Session 31's walk (tests/test_walk_s31.py), the sheets a department fills in:

- a department's sheet (`template --owner 工信局`) imported with a plan file naming no owners
  (the bundled plan: the template's hint, `plancli import FILE`, had no `--plan`) was warned
  of every row, "no owner in the plan", though the database enforces 工信局 for them;
- the template's hint dropped the `--plan` it was given.
"""

# ruff: noqa: F811 - test_ledger_postgres's fixtures are imported, and taken by name

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ledgers import PgLedger
from test_ledger_postgres import (  # noqa: F401 - the fixtures, used by name
    FIXTURES,
    bureau,
    ledger,
    owned_plan,
    roles,
)

# ---------------------------------------------------- a department's sheet, the database's owners


def _sheet(bureau, role: str, department: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{role}.csv"
    made = bureau(role, "template", "-p", "2022-06", "--owner", department, str(path))
    assert made.exit_code == 0, made.stderr
    return path


def _filled(path: Path, values: dict[str, str], extra: list[list[str]] | None = None) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        row[2] = values.get(row[0], "")
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(rows + (extra or []))


def test_a_departments_sheet_is_checked_against_the_owners_the_database_enforces(
    invoke, bureau, ledger: PgLedger, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """bob (工信局) fills in his sheet and imports it with the plan file without owners
    (mini.toml, as the bundled plan2022.toml names none): the database says g5 is 工信局's,
    so nothing is warned. Before, every row was: `g5 在规划中没有牵头单位，但本表是 工信局
    的；这一行是从别的表复制来的吗？`."""
    sheet = _sheet(bureau, "bob", "工信局", tmp_path)
    _filled(sheet, {"g5": "175"})
    bare = FIXTURES / "mini.toml"
    url = ledger.as_user("bob").url
    result = invoke("--lang", "zh", "--plan", str(bare), "--ledger", url, "import", str(sheet))
    assert result.exit_code == 0, result.stderr
    assert "牵头单位" not in result.stderr, result.stderr
    assert result.stderr.startswith("已导入 "), result.stderr
    # The ledger's owner imports 工信局's sheet with a row of 统计局's gdp copied in: warned by
    # the database's owner, which the plan file does not name.
    _filled(sheet, {"g5": "180"}, [["gdp", "2022-Q2", "5.1"]])
    url = ledger.as_user("bureau").url
    result = invoke("--lang", "zh", "--plan", str(bare), "--ledger", url, "import", str(sheet))
    assert result.exit_code == 0, result.stderr
    assert (
        f"警告：{sheet}:3：gdp 是 统计局 的指标（牵头单位），但本表是 工信局 的" in result.stderr
    ), result.stderr
    assert "在规划中没有牵头单位" not in result.stderr, result.stderr


# ------------------------------------------------------------------ the template's hint


def test_the_templates_hint_keeps_the_plan_it_was_given(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """`template --plan FILE` said `plancli import FILE.csv`: pasted, that import read the
    workspace's or the default plan (guandu-2022), not the one the sheet was made from."""
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "区 计划.toml"
    plan.write_text((FIXTURES / "mini.toml").read_text(encoding="utf-8"), encoding="utf-8")
    given = invoke("--lang", "zh", "--plan", "区 计划.toml", "template", "-p", "2022-06", "6月.csv")
    assert given.exit_code == 0, given.stderr
    assert given.stderr.endswith(
        '填好 本期数值 后运行 `plancli --plan "区 计划.toml" import 6月.csv`\n'
    ), given.stderr
    pasted = invoke("--plan", "区 计划.toml", "import", "6月.csv")  # the sheet, as written
    assert pasted.exit_code == 0, pasted.stderr
    monkeypatch.setenv("PLANCLI_PLAN", "区 计划.toml")  # the import finds it the same way
    from_env = invoke("template", "-p", "2022-06", "--force", "6月.csv")
    assert from_env.exit_code == 0, from_env.stderr
    assert from_env.stderr.endswith("fill in value, then `plancli import 6月.csv`\n")
