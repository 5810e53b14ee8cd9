"""Display defects of `targets` and `show` found by session 24's user audits (/tmp/s24/audit*/
REPORT.md): baselines without their unit, an amount unit of `%`, a decline's history and
adjusted bound, Chinese brackets, the section's English name, a figure wrapped in two, ASCII
terminals.

Real values: the bundled plans (sichuan-2026, henan, guandu-2022, fujian-2026, zhejiang-2026,
beijing-2026) and the figures the auditors recorded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.screens import caller, row, squeezed

DATA = Path(__file__).parent.parent / "data"
SRC = Path(__file__).parent.parent / "src"


@pytest.fixture
def call(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    return caller(tmp_path, invoke, monkeypatch, lang="en", columns=80)


# ------------------------------------------ 1: every baseline of `targets` with its unit


def test_targets_baseline_carries_the_unit_of_a_level(call: Callable[..., str]) -> None:
    """auditE D4, auditA D4, auditB D4: `≥ 85 万人   107` left the reader guessing."""
    out = call("sichuan-2026", "targets", columns=130)
    assert row(out, "new_urban_jobs").endswith("≥ 85 万人 107 万人")
    assert row(out, "grain_output").endswith("732.5 亿斤")
    assert row(out, "gdp").endswith("5.5 %")  # a growth's baseline: its growth, as before
    zh = call("sichuan-2026", "targets", lang="zh", columns=130)
    assert row(zh, "new_urban_jobs").endswith("≥ 85 万人 107 万人")  # as the target beside it


def test_targets_baseline_of_an_indicator_and_of_an_amount(call: Callable[..., str]) -> None:
    """auditB D3: 河南 foreign_trade's baseline (growth 14.1) was left out; auditC D3: Guandu's
    fixed-asset investment, whose 2021 baseline is its amount 605.02 亿元 alone, showed `—`."""
    henan = str(DATA / "2026" / "henan.toml")
    assert row(call(henan, "targets", columns=130), "foreign_trade").endswith("14.1 %")
    out = call("guandu-2022", "targets", "--section", "headline")
    assert row(out, "fixed_asset_investment").endswith("> 0 % 605.02 亿元")


@pytest.mark.parametrize("columns", [80, 60])
def test_targets_baseline_units_fit_the_terminal(call: Callable[..., str], columns: int) -> None:
    """The longest unit (微克/立方米, beijing pm25: baseline 27) keeps the table in the width."""
    out = call("beijing-2026", "targets", columns=columns)
    assert "27 微克/立方米" in out
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= columns


# ------------------------------------------ 2: no amount unit `%`


@pytest.mark.parametrize("lang,label", [("en", "unit of the amount"), ("zh", "总量单位")])
def test_show_intensity_has_no_amount_unit(call: Callable[..., str], lang: str, label: str) -> None:
    """auditE D10, auditA D5, auditB D6: energy intensity (`unit = "%"`, a growth) is no amount
    in %; a GDP's amount unit (亿元) is still shown."""
    call("sichuan-2026", "record", "gdp", "5.3", "--period", "2026-03")
    assert label not in call("sichuan-2026", "show", "energy_intensity", lang=lang)
    assert label not in call("sichuan-2026", "show", "co2_intensity", lang=lang)
    assert row(call("sichuan-2026", "show", "gdp", lang=lang), label).endswith("亿元")


# ------------------------------------------ 3: a decline after `amend`


def test_decline_after_amend_in_chinese_show(call: Callable[..., str]) -> None:
    """auditA D6: 福建 co2_intensity amended to 下降3.8%, 下降3.0 recorded: the plan part's 目标
    said only 待下达, and the history wrote the fall as `-3 %`."""
    plan = "fujian-2026"
    call(
        plan,
        "amend",
        "co2_intensity",
        "--min",
        "3.8",
        "--from",
        "2026-01",
        "--note",
        "国家下达降低3.8%",
    )
    call(plan, "record", "co2_intensity", "下降3.0", "--period", "2026")
    out = call(plan, "show", "co2_intensity", lang="zh")
    lines = squeezed(out)
    top = next(line for line in lines if line.startswith("目标"))
    assert top == "目标 待下达（已调整：下降 ≥ 3.8 %）"
    history = next(line for line in lines if line.startswith("* 2026"))
    assert "下降3.0%" in history and "-3" not in history
    en = squeezed(call(plan, "show", "co2_intensity"))
    assert next(line for line in en if line.startswith("target")) == (
        "target pending (adjusted: fall ≥ 3.8 %)"
    )
    history = call(plan, "history", "co2_intensity", lang="zh")
    assert "下降3.0%" in history


# ------------------------------------------ 4, 5: brackets, the section's English name


def test_chinese_show_writes_the_stretch_in_full_width_brackets(call: Callable[..., str]) -> None:
    """auditA D7: 浙江 gdp `≥ 5 % (争取 5.5 %)` in a Chinese line; English keeps ASCII."""
    call("zhejiang-2026", "record", "gdp", "5.2", "--period", "2026-03")
    zh = squeezed(call("zhejiang-2026", "show", "gdp", lang="zh"))
    # 浙江's 5.5 is the top of its range (增长5%—5.5%): written as the range, no 争取 bracket at
    # all (audit R, D1; before: `≥ 5 %（争取 5.5 %）`, the bracket this test was about)
    assert [line for line in zh if line.startswith("目标")] == ["目标 5%—5.5%", "目标 5%—5.5%"]
    en = squeezed(call("zhejiang-2026", "show", "gdp"))
    assert "target 5 %–5.5 %" in en and "aim" not in " ".join(en)


def test_english_show_names_the_section_in_english(call: Callable[..., str]) -> None:
    """auditE D7: `section  headline  主要预期目标` though the plan names it Headline targets."""
    call("sichuan-2026", "record", "gdp", "5.3", "--period", "2026-03")
    assert "section headline Headline targets" in squeezed(call("sichuan-2026", "show", "gdp"))
    zh = squeezed(call("sichuan-2026", "show", "gdp", lang="zh"))
    assert "部分 主要预期目标（headline）" in zh


# ------------------------------------------ 6: a figure never broken at the line's end


def test_show_quote_never_breaks_inside_a_figure(call: Callable[..., str]) -> None:
    """auditE D9: at 60 columns `新开工项目4` over `6项` read as 4 new projects."""
    call("guandu-2022", "record", "gdp", "4.1", "--period", "2022-Q1")
    for lang in ("en", "zh"):
        out = call("guandu-2022", "show", "investment_total", lang=lang, columns=60)
        assert "46项" in out and "415.05亿元" in out and "58.72亿元" in out
        from rich.cells import cell_len

        assert max(cell_len(line) for line in out.splitlines()) <= 60


# ------------------------------------------ 8: an ASCII-only terminal


def _plancli(tmp_path: Path, *args: str, ascii_only: bool) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(PYTHONPATH=str(SRC), PYTHONDONTWRITEBYTECODE="1", COLUMNS="80", NO_COLOR="1")
    if ascii_only:
        env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    else:
        env.update(LC_ALL="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "plancli", *args],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    return done.stdout.decode("utf-8")


def test_ascii_terminal_gets_ascii_signs(tmp_path: Path) -> None:
    """auditE D11: on `LC_ALL=C PYTHONUTF8=0` ≈, ≥ and ≤ all became `?`: ≈ 2 % looked like ≥ 2 %."""
    args = ["--plan", "sichuan-2026", "--ledger", "sc.toml"]
    _plancli(tmp_path, *args, "record", "cpi", "0.4", "--period", "2026-03", ascii_only=False)
    out = _plancli(tmp_path, *args, "targets", ascii_only=True).replace("|", " ")
    assert "?" not in "".join(line for line in out.splitlines() if line.startswith(" gdp"))
    assert row(out, "gdp").endswith("~ 5.5 % (>=5%) 5.5 %")  # its judged edge (audit S D9)
    assert row(out, "budget_revenue").endswith(">= 2 % 3.9 %")
    assert row(out, "new_urban_jobs").endswith(">= 85 ???? 107 ????")  # 万人: a ? a cell
    guandu = _plancli(tmp_path, "--plan", "guandu-2022", "targets", ascii_only=True)
    assert row(guandu.replace("|", " "), "unemployment_rate").endswith("<= 4.8 % 3.02 %")
    show = squeezed(_plancli(tmp_path, *args, "show", "cpi", ascii_only=True))
    assert "target ~ 2 %, judged 1.5-2.5 %" in show  # and an en dash, a hyphen
    utf8 = _plancli(tmp_path, *args, "targets", ascii_only=False)  # only then
    assert row(utf8, "gdp").endswith("≈ 5.5 % (≥5%) 5.5 %")


def test_a_baseline_amount_in_the_targets_table_is_glossed_under_it(invoke) -> None:  # type: ignore[no-untyped-def]
    """The headline table shows FAI's 2021 baseline as 605.02 亿元 (附表1 gives no growth): its
    unit is glossed in the legend as the bounds' units are, though the target is a growth."""
    result = invoke("targets", "--section", "headline")
    assert result.exit_code == 0, result.stderr
    assert "605.02 亿元" in result.stdout
    assert result.stdout.rstrip().endswith("Units: 亿元 = 100 million yuan.")
