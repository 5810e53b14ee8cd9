"""Session 43 (links2): `history` of a target judged on another's figures (`figures_of`: 陕西's
resident_income_national on resident_income's) said "no records of resident_income_national"
and sent the analyst nowhere; `undo` of the series' figure did not say the other verdict moves
with it. The alias hint (import_skip.alias_hint) wrote the bulletin's name raw inside a TOML
string: a `"` or `\\` gave a line to paste that broke the plan."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from tests.test_relations2_s43 import _half_year
from tests.test_walk_extract_s43 import _bulletin, _draft

NOTE = (
    "resident_income_national has no records of its own: it is judged on resident_income's "
    "figures (figures_of in the plan), shown here"
)


def test_history_of_the_linked_target_lists_the_series_it_is_judged_on(
    invoke: Any, tmp_path: Path
) -> None:
    plan = _half_year(invoke, tmp_path / "sx.toml", "en")
    shown = invoke(*plan, "history", "resident_income_national")
    assert shown.exit_code == 0, shown.output
    assert shown.stderr.splitlines() == [NOTE]
    assert "no records of" not in shown.stdout
    assert "resident_income Resident income" in shown.stdout
    assert " *  2026-Q2   5.6%" in shown.stdout  # the bulletin's 全体居民人均可支配收入 5.6
    zh = invoke("--lang", "zh", *plan[2:], "history", "resident_income_national")
    assert zh.stderr.splitlines() == [
        "resident_income_national 没有自己的记录：按 resident_income 的数据考核（计划中的 "
        "figures_of），以下为 resident_income 的记录"
    ]
    as_json = invoke(*plan, "history", "resident_income_national", "--json")
    out = json.loads(as_json.stdout)  # the note is on stderr: stdout stays the document
    assert out["target"] == "resident_income_national"
    assert [(r["target"], r["period"], r["value"]) for r in out["records"]] == [
        ("resident_income", "2026-Q2", 5.6)
    ]
    as_csv = invoke(*plan, "history", "resident_income_national", "--csv")
    assert "resident_income,2026-Q2,5.6" in as_csv.stdout
    # show lists the same records under the same name
    show = json.loads(invoke(*plan, "show", "resident_income_national", "--json").stdout)
    assert [r["target"] for r in show["history"]] == [r["target"] for r in out["records"]]


def test_history_of_the_series_itself_has_no_note(invoke: Any, tmp_path: Path) -> None:
    plan = _half_year(invoke, tmp_path / "sx.toml", "en")
    shown = invoke(*plan, "history", "resident_income")
    assert shown.exit_code == 0 and shown.stderr == ""
    assert " *  2026-Q2   5.6%" in shown.stdout


def test_history_of_the_linked_target_without_figures_names_the_series(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "sx.toml"
    plan = ["--lang", "en", "--plan", "shaanxi-2026", "--ledger", str(ledger)]
    recorded = invoke(*plan, "record", "national_income_growth", "5.2", "-p", "上半年")
    assert recorded.exit_code == 0, recorded.output
    shown = invoke(*plan, "history", "resident_income_national")
    assert shown.exit_code == 0
    lines = shown.stderr.replace("\n  ", " ").splitlines()
    assert lines[0] == NOTE
    assert lines[1].startswith("no records of resident_income in ")


def test_undo_of_the_series_says_the_linked_verdict_moves(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sx.toml"
    plan = ["--lang", "en", "--plan", "shaanxi-2026", "--ledger", str(ledger)]
    assert invoke(*plan, "record", "resident_income", "5.6", "-p", "上半年").exit_code == 0
    undone = invoke(*plan, "undo", "--yes")
    assert undone.exit_code == 0, undone.output
    assert (
        "resident_income_national is judged on resident_income's figures: its verdict changes "
        "with them"
    ) in undone.stderr.splitlines()
    zh = invoke("--lang", "zh", *plan[2:], "record", "resident_income", "5.6", "-p", "上半年")
    assert zh.exit_code == 0
    dry = invoke("--lang", "zh", *plan[2:], "undo", "--dry-run")
    assert (
        "resident_income_national 按 resident_income 的数据考核：其评估结果随之改变" in dry.stderr
    )
    # a figure no other target is judged on: no such line
    assert invoke(*plan, "record", "gdp", "5.5", "-p", "上半年").exit_code == 0
    other = invoke(*plan, "undo", "--dry-run")
    assert "judged on" not in other.output


def _pasted(hint: str) -> list[str]:
    """The aliases the hint's TOML line gives, read as TOML reads it."""
    line = hint[hint.index("aliases = [") : hint.rindex("]") + 1]
    return tomllib.loads(line)["aliases"]  # type: ignore[no-any-return]


def test_the_alias_hint_quotes_a_name_as_toml_writes_it(invoke: Any, tmp_path: Path) -> None:
    draft = _draft(invoke, tmp_path)
    for name, written in (
        ('区"地方一般公共预算收入', r'aliases = ["区\"地方一般公共预算收入"]'),
        ("地方一般公共预算收入\\区", r'aliases = ["地方一般公共预算收入\\区"]'),
        ('区"地方一般公共预算收入\u202e', r'aliases = ["区\"地方一般公共预算收入\u202e"]'),
        ("区\x9b2J地方一般公共预算收入", r'aliases = ["区\u009b2J地方一般公共预算收入"]'),
    ):
        sheet = _bulletin(tmp_path / "罗湖1-3月.xlsx", name)
        refused = invoke("--plan", str(draft), "import", str(sheet))
        assert refused.exit_code == 2
        hint = refused.stderr.splitlines()[-1]
        assert hint.startswith("hint: if "), refused.stderr
        assert written in hint
        assert _pasted(hint) == [name]
        assert "\x9b" not in refused.stderr and "\u202e" not in refused.stderr
    plain = invoke(
        "--plan", str(draft), "import", str(_bulletin(tmp_path / "b.xlsx", "一般公共预算收入"))
    )
    assert 'aliases = ["一般公共预算收入"]' in plain.stderr  # an ordinary name as before
