"""Session 39's walk of the bundled 浙江 2026 plan in Chinese (全省生产总值增长5%—5.5%; 城镇调查
失业率5%以内; 居民消费价格涨幅2%左右; 居民人均可支配收入增长与经济增长同步): a half year recorded
by hand and from the 统计局's bulletin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def zhejiang(invoke: Any, tmp_path: Path) -> list[str]:
    """一季度 and 上半年 as an analyst types them; CPI's 1-3月 and 1-6月, one of them corrected."""
    args = ["--plan", "zhejiang-2026", "--ledger", str(tmp_path / "zj.progress.toml")]
    for target, value, period in [
        ("gdp", "5.6", "一季度"),
        ("gdp", "5.4", "上半年"),
        ("cpi", "0.3", "1-3月"),
        ("cpi", "0.5", "1-6月"),
        ("cpi", "0.4", "2026年1-6月"),
        ("resident_income", "4.8", "上半年"),
    ]:
        assert invoke(*args, "record", target, value, "-p", period).exit_code == 0
    return args


def test_history_says_the_year_is_when_a_figure_was_entered(
    invoke: Any, zhejiang: list[str]
) -> None:
    """Before: `2026年记录` over `（UTC）` above the times — read as "the records of 2026", the
    plan's year (and over 2022's figures in docs/monthly-update-zh.md, "2026's records" of a
    2022 plan). The year is the time's, as the English `recorded` over `2026 (UTC)` says:
    `2026年录入`, no wider (10 cells)."""
    result = invoke("--lang", "zh", *zhejiang, "history", "cpi")
    assert result.exit_code == 0, result.output
    assert "年记录" not in result.stdout, result.stdout
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "年录入" in line)
    assert lines[at].split() == ["2026年录入"] and "（UTC）" in lines[at + 1], result.stdout


@pytest.mark.parametrize(("lang", "header"), [("zh", "基数"), ("en", "baseline")])
def test_targets_leave_out_a_baseline_column_blank_in_every_row(
    invoke: Any, lang: str, header: str
) -> None:
    """Before: `targets --search 收入` on 浙江 printed `编号 名称 目标 基数` over one row, its 基数
    blank: the report gives no all-resident income for 2025 (城镇和农村居民…分别增长4.3%、5.5%
    only). A column with no cell is left out, as the reports leave theirs; the plan's whole
    table keeps `基数 2025` (5.5 % for 全省生产总值, 4.6 % for 城镇调查失业率)."""
    args = ["--lang", lang, "--plan", "zhejiang-2026", "targets"]
    found = invoke(*args, "--search", "resident_income")
    assert found.exit_code == 0, found.output
    assert "resident_income" in found.stdout and header not in found.stdout, found.stdout
    whole = invoke(*args)
    assert f"{header} 2025" in whole.stdout, whole.stdout
    rows = {line.split()[0]: line.split() for line in whole.stdout.splitlines() if line.strip()}
    assert rows["gdp"][-2:] == ["5.5", "%"] and rows["surveyed_unemployment_rate"][-2:] == [
        "4.6",
        "%",
    ], whole.stdout


@pytest.mark.parametrize("command", ["status", "gap"])
def test_a_new_workspace_is_not_told_to_start_one(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Before: `plancli --plan zhejiang-2026 init ws`, `cd ws`, `plancli status` ended with
    `新建工作目录：plancli init 目录；带半年演示数据：plancli init --demo 目录`, in the
    workspace just made. There the hint is its first line alone (the worked example); outside
    one it keeps both (tests/test_first_run.py)."""
    assert invoke("--plan", "zhejiang-2026", "init", str(tmp_path / "ws")).exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    monkeypatch.delenv("PLANCLI_PLAN", raising=False)
    monkeypatch.delenv("PLANCLI_LEDGER", raising=False)
    result = invoke("--lang", "zh", command)
    assert result.exit_code == 0, result.output
    assert "zhejiang.progress.toml 中尚无数据" in result.stderr, result.stderr
    assert "plancli init" not in result.stderr, result.stderr


def test_an_amended_bound_is_bracketed_in_chinese_as_gap_writes_it(
    invoke: Any, zhejiang: list[str]
) -> None:
    """Before: `amend gdp --from 7月 --min 4.5 --stretch 5` said `已调整 gdp 自 2026-07 起：≥ 4.5 %
    (争取 5 %)（原为 5%—5.5%…）`, half-width brackets among full-width ones, and history's
    年中调整 table and undo's wrote `≥ 4.5 % (争取 5 %)`, while gap beside them wrote
    `≥4.5%（争取5%）`. English keeps `(aim 5 %)`."""
    amend = [
        "amend",
        "gdp",
        "--from",
        "7月",
        "--min",
        "4.5",
        "--stretch",
        "5",
        "--note",
        "年中调整",
    ]
    done = invoke("--lang", "zh", *zhejiang, *amend)
    assert done.exit_code == 0, done.output
    assert "：≥ 4.5 %（争取 5 %）（原为 5%—5.5%" in done.stderr, done.stderr
    for args in (["history", "gdp"], ["undo", "--dry-run"]):
        shown = invoke("--lang", "zh", *zhejiang, *args)
        assert shown.exit_code == 0, shown.output
        assert "≥ 4.5 %（争取 5 %）" in shown.output and "(争取" not in shown.output, shown.output
    english = invoke("--lang", "en", *zhejiang, "history", "gdp")
    assert "≥ 4.5 % (aim 5 %)" in english.stdout, english.stdout
