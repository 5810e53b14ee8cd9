"""An import whose every row is warned of prints the first 1,000 warnings and how many more,
as its refusals are kept: 190,000 lines of warnings on a terminal are read by no one, and
printing them took ~4 s of a profiled 1,200,000-row import. `import --json` keeps each
row's warnings."""

from __future__ import annotations

import json
from pathlib import Path

TARGETS = 1005


def _plan(path: Path) -> Path:
    lines = [
        "[plan]",
        'id = "shares-2022"',
        'name = "达标率计划"',
        'name_en = "Shares"',
        "year = 2022",
        "",
        "[[sections]]",
        'id = "work"',
        'name = "工作目标"',
        'name_en = "Work"',
    ]
    for n in range(TARGETS):
        lines += [
            "",
            "[[targets]]",
            f'id = "water_{n}"',
            'section = "work"',
            f'name = "第{n}水功能区水质达标率"',
            f'name_en = "Water quality {n}"',
            'kind = "level"',
            'unit = "%"',
            "min = 100",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_warnings_past_the_first_thousand_are_counted(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path / "shares.toml")
    sheet = tmp_path / "june.csv"
    rows = ["target,period,value", *(f"water_{n},2022-06,100.5" for n in range(TARGETS))]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ledger = tmp_path / "shares.progress.toml"
    args = ("--plan", str(plan), "--ledger", str(ledger), "import", str(sheet))
    result = invoke(*args, "--dry-run")
    assert result.exit_code == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "a share above 100 %" in line]
    assert len(warned) == 1000
    assert warned[0].startswith(f"warning: {sheet}:2: water_0 2022-06 = 100.5 %")
    assert warned[-1].startswith(f"warning: {sheet}:1001: water_999 2022-06")
    assert f"warning: {sheet}: 5 more warnings not shown (`import --json`" in result.stderr
    listed = invoke(*args, "--dry-run", "--json")
    assert listed.exit_code == 0, listed.stderr
    records = json.loads(listed.stdout)["records"]
    assert sum(bool(r["warnings"]) for r in records) == TARGETS
    zh = invoke("--lang", "zh", *args, "--dry-run")
    assert "还有 5 条警告未显示" in zh.stderr, zh.stderr[-300:]
