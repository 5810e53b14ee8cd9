"""Session 42 (spacing): a figure and its unit, written one way in every table and message.

The tables' one typography is `fmt.table_cell`, as `status` and `gap` write a figure: `5.0%`,
`40 个`, `50 亿元` in English, `5.0%`, `40个`, `50亿元` in Chinese (docs/chinese.md: the figure
and its unit together, as the reports do). Before, some tables and messages wrote it their own
way:

1. `--lang zh undo --dry-run` after an import: `5.0 %`, `700 亿元` beside the preview's `5.0%`.
2. `import`'s English preview: `5.0 % (amount 700 亿元)` where status writes `5.0%`.
3. the rest: the Chinese xlsx's 完成值（文字） (`5.0 %` beside 目标 `≥ 7%`). `record`'s line
   (`= 5.1 %`), English `history` and `undo` (`5.0 %`) followed later (tests/test_spacing2_s42.py).
   The JSON keeps the figure apart from its unit (`actual_text` `5.0 %`): a script's field.
4. 北京's pm25 edge in a narrow `gap` card (40–44 columns): `（≤30.45` over `微克/立方米）`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

GUANDU = "guandu-2022"
JUNE = """target,period,value,amount,note,source
gdp,2022-Q2,5.0,700,,区统计局
retail_sales,2022-06,6.5,330.8,,区统计局
old_compounds_renovated,2022-Q2,40,,,区住建局
external_funds,2022-06,50,,,区投促局
"""


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """`guandu(*args, lang=, columns=)`: plancli on 官渡's plan and the test's own ledger, its
    stdout (its whole output where `err`)."""
    ledger = tmp_path / "guandu.progress.toml"

    def call(*args: str, lang: str = "en", columns: int = 120, err: bool = False) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        done = invoke("--lang", lang, "--plan", GUANDU, "--ledger", str(ledger), *args)
        assert done.exit_code == 0, done.output
        return str(done.output if err else done.stdout)

    return call


def _june(tmp_path: Path) -> str:
    path = tmp_path / "june.csv"
    path.write_text(JUNE, encoding="utf-8")
    return str(path)


def _rows(text: str, target: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(rf"\s*(\d+\s+)?{target}\s", line)]


# ------------------------------------------------------------ 1. `undo`'s table in Chinese


def test_undo_in_chinese_writes_a_figure_with_its_unit(
    guandu: Callable[..., str], tmp_path: Path
) -> None:
    """`--lang zh undo --dry-run` after an import: `5.0%` and `700亿元`, as the preview and
    `history` beside it; it wrote `5.0 %` and `700 亿元`."""
    preview = guandu("import", "--dry-run", _june(tmp_path), lang="zh")
    assert "5.0%（总量700亿元）" in preview, preview  # (the preview, already so)
    guandu("import", _june(tmp_path))
    text = guandu("undo", "--dry-run", lang="zh")
    [gdp] = _rows(text, "gdp")
    assert gdp.split()[2:4] == ["5.0%", "700亿元"], text
    [compounds] = _rows(text, "old_compounds_renovated")
    assert "40个" in compounds.split(), text
    [funds] = _rows(text, "external_funds")
    assert "50亿元" in funds.split(), text
    assert not re.search(r"\d [%个亿]", text), text


# --------------------------------------------------- 2. the English preview, as status


def test_the_english_preview_writes_a_percentage_as_status_does(
    guandu: Callable[..., str], tmp_path: Path
) -> None:
    """`import --dry-run`: `5.0% (amount 700 亿元)` and `40 个`, as `status` and `gap` write
    them (`5.0%`, `40/115 个`); it wrote `5.0 % (amount 700 亿元)`."""
    text = guandu("import", "--dry-run", _june(tmp_path))
    [gdp] = _rows(text, "gdp")
    assert gdp.endswith("5.0% (amount 700 亿元)"), text
    [retail] = _rows(text, "retail_sales")
    assert retail.endswith("6.5% (amount 330.8 亿元)"), text
    [compounds] = _rows(text, "old_compounds_renovated")
    assert compounds.endswith(" 40 个"), text  # a unit of words keeps its space in English
    guandu("import", _june(tmp_path))
    status = guandu("status")
    [gdp_status] = _rows(status, "gdp")
    assert "5.0%" in gdp_status.split(), status  # the rule the preview follows


# ---------------------------------------------------------------------- 3. the sweep


def test_the_chinese_workbooks_figure_in_words_is_written_as_its_bound(
    guandu: Callable[..., str], tmp_path: Path
) -> None:
    """The Chinese xlsx's 执行情况: 完成值（文字） `5.0%`, `40个`, `50亿元`, beside 目标
    `≥ 7%`; it was the JSON's `5.0 %`, `40 个`. The English sheet keeps the JSON's field."""
    from openpyxl import load_workbook

    guandu("import", _june(tmp_path))
    for lang in ("zh", "en"):
        out = tmp_path / f"r-{lang}.xlsx"
        guandu("report", "-o", str(out), lang=lang, err=True)
        sheet = load_workbook(out).worksheets[1]
        rows = list(sheet.iter_rows(values_only=True))
        column = rows[0].index("完成值（文字）" if lang == "zh" else "actual_text")
        words = {row[0]: row[column] for row in rows[1:]}  # before levels' 余下月份需增长 columns
        if lang == "zh":
            assert (words["gdp"], words["old_compounds_renovated"]) == ("5.0%", "40个")
            assert words["external_funds"] == "50亿元"
        else:
            assert (words["gdp"], words["old_compounds_renovated"]) == ("5.0 %", "40 个")
        # machine output is unchanged: `gap --json`'s actual_text stays `5.0 %`, `40 个`
        data = json.loads(guandu("gap", "--json", lang=lang))
        texts = {row["id"]: row["actual_text"] for row in data["targets"]}
        assert (texts["gdp"], texts["old_compounds_renovated"]) == ("5.0 %", "40 个")


# ------------------------------------------------ 4. 北京's pm25 edge in a narrow card

BEIJING = "beijing-2026"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", range(40, 45))
def test_pm25s_edge_keeps_its_sign_figure_and_unit_together(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    """`gap` with pm25 missed (the year's 31.5 against ≈29, judged ≤30.45; a 1-6月 figure is no
    year's since session 42's seasonal rule) at 40–44 columns: the edge broke as `（≤30.45`
    over `微克/立方米）`; the sign, the figure and the unit are on one line."""
    ledger = tmp_path / "bj.progress.toml"
    monkeypatch.setenv("COLUMNS", "120")
    at = ("--plan", BEIJING, "--ledger", str(ledger))
    assert invoke(*at, "record", "pm25", "31.5", "-p", "1-12月").exit_code == 0
    monkeypatch.setenv("COLUMNS", str(columns))
    done = invoke("--lang", lang, *at, "gap")
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert max(cell_len(line) for line in text.splitlines()) <= columns, text
    edge = "≤30.45微克/立方米" if lang == "zh" else "≤30.45 微克/立方米"
    assert any(edge in line for line in text.splitlines()), text
    if lang == "zh":  # its 差距 stays (in English the gap column is left out at 40–41)
        assert "1.05微克/立方米" in text, text
    bound = "≈29微克/立方米" if lang == "zh" else "≈29 微克/立方米"
    assert any(bound in line for line in text.splitlines()), text  # (not `≈29` over its unit)


@pytest.mark.parametrize("columns", [44, 46, 58, 60])
def test_pm25s_bound_and_edge_stay_whole_in_status(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`--lang zh status`, pm25 behind: in a card (43–48 columns) its edge broke as `（≤30.45`
    over `微克/立方米）`; in the table (54–64) its bound broke at the unit's slash, `≈ 29微克/`
    over `立方米（≤30.45微克/立方米）`, read as a figure against its bound."""
    ledger = tmp_path / "bj.progress.toml"
    monkeypatch.setenv("COLUMNS", "120")
    at = ("--plan", BEIJING, "--ledger", str(ledger))
    assert invoke(*at, "record", "pm25", "31.5", "-p", "1-6月").exit_code == 0
    monkeypatch.setenv("COLUMNS", str(columns))
    done = invoke("--lang", "zh", *at, "status")
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns, done.stdout
    assert any("29微克/立方米" in line for line in lines), done.stdout
    assert any("≤30.45微克/立方米" in line for line in lines), done.stdout
