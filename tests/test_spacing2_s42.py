"""Session 42 (spacing2): the one rule for a figure and its unit (`fmt.table_cell`: `5.0%`,
`40 个`, `700 亿元` in English; `5.0%`, `40个`, `700亿元` in Chinese, as `status` and `gap`
write them), now in what `spacing` left:

1. English `history` and `undo` wrote `5.0 %` beside status's `5.0%`;
2. `record`'s line `= 5.1 %` beside its own `= -3%` (and the figure in force it supersedes);
3. a kept-out row's warning `文件中的 40 个`;
4. the Chinese warning of an amount dropped, `2022-Q2 的总量 700 亿元不再生效`.

The JSON keeps numbers (history's `value` 5.0), unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.test_spacing_s42 import GUANDU, _june  # 官渡's June, as spacing's tests import it


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """`guandu(*args, lang=)`: plancli on 官渡's plan and the test's own ledger at 120
    columns; the click Result (stdout and stderr apart), its exit checked."""
    ledger = tmp_path / "guandu.progress.toml"
    monkeypatch.setenv("COLUMNS", "120")

    def call(*args: str, lang: str = "en") -> Any:
        done = invoke("--lang", lang, "--plan", GUANDU, "--ledger", str(ledger), *args)
        assert done.exit_code == 0, done.output
        return done

    return call


def _rows(text: str, target: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(rf"\s*\*?\s*{target}\s", line)]


# ------------------------------------------------------- 1. English history and undo


def test_english_history_writes_a_figure_as_status_does(
    guandu: Callable[..., Any], tmp_path: Path
) -> None:
    """`history`: `5.0%`, `40 个`, `50 亿元` (it wrote `5.0 %`), as `status` beside it."""
    guandu("import", _june(tmp_path))
    text = guandu("history").stdout
    [gdp] = _rows(text, "gdp")
    assert " 5.0% " in gdp, text
    [compounds] = _rows(text, "old_compounds_renovated")
    assert " 40 个 " in compounds, text  # a unit of words keeps its space in English
    [funds] = _rows(text, "external_funds")
    assert " 50 亿元 " in funds, text
    assert not re.search(r"\d %", text), text
    [status] = _rows(guandu("status").stdout, "gdp")
    assert "5.0%" in status.split()  # the rule history follows
    data = json.loads(guandu("history", "gdp", "--json").stdout)  # the JSON: numbers
    assert [row["value"] for row in data["records"]] == [5.0]


def test_english_undo_writes_a_figure_as_status_does(
    guandu: Callable[..., Any], tmp_path: Path
) -> None:
    """`undo --dry-run` after an import: `5.0%` and `700 亿元` (it wrote `5.0 %`); after a
    record on top, the figure it restores `6.5%`."""
    guandu("import", _june(tmp_path))
    text = guandu("undo", "--dry-run").stdout
    [gdp] = _rows(text, "gdp")
    assert gdp.split()[2:5] == ["5.0%", "700", "亿元"], text
    assert not re.search(r"\d %", text), text
    guandu("record", "retail_sales", "6.6", "-p", "2022-06")
    text = guandu("undo", "--dry-run").stdout
    [retail] = _rows(text, "retail_sales")
    assert retail.split()[2:] == ["6.6%", "6.5%"], text


# ---------------------------------------------------------------- 2. record's line


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_records_line_writes_a_figure_as_the_tables_do(
    guandu: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """`record gdp 5.1 -p 2022-Q1`: `= 5.1%` (it wrote `= 5.1 %` beside its own `= -3%`), and
    the figure it supersedes `5.0% (amount 700 亿元)`, in Chinese `5.0%（总量700亿元）`."""
    first = guandu("record", "gdp", "5.1", "-p", "2022-Q1", lang=lang).output
    assert "gdp 2022-Q1 = 5.1%" in first, first
    guandu("import", _june(tmp_path))
    done = guandu("record", "gdp", "5.2", "-p", "2022-Q2", "--amount", "705", lang=lang)
    superseded = "5.0%（总量700亿元）" if lang == "zh" else "5.0% (amount 700 亿元)"
    assert "= 5.2%" in done.output and superseded in done.output, done.output
    count = guandu("record", "old_compounds_renovated", "41", "-p", "2022-Q2", lang=lang)
    assert ("= 41个" if lang == "zh" else "= 41 个") in count.output, count.output
    assert ("40个" if lang == "zh" else "40 个") in count.output, count.output
    assert not re.search(r"\d %", done.output + first), done.output


# ---------------------------------------------- 3. a kept-out row's, 4. a dropped amount


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_kept_out_rows_warning_writes_the_files_figure_as_the_tables_do(
    guandu: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """A file's row superseded by a later record: `文件中的 40个` (it wrote `40 个`), `the
    file's 5.0% (amount 700 亿元)` (it wrote `5.0 %`), and the figure in force `41个`."""
    guandu("import", _june(tmp_path))
    guandu("record", "old_compounds_renovated", "41", "-p", "2022-Q2")
    guandu("record", "gdp", "5.3", "-p", "2022-Q2", "--amount", "701")
    err = guandu("import", "--dry-run", _june(tmp_path), lang=lang).stderr
    if lang == "zh":
        assert "文件中的 40个已被" in err and "现行 41个" in err, err
        assert "文件中的 5.0%（总量700亿元）已被" in err, err
        assert "现行 5.3%（总量701亿元）" in err, err
    else:
        assert "the file's 40 个 was" in err and "and 41 个 (recorded" in err, err
        assert "the file's 5.0% (amount 700 亿元) was" in err, err
    assert not re.search(r"\d %", err), err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_dropped_amounts_warning_writes_it_as_the_tables_do(
    guandu: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """A figure without its amount after one with it: zh `2022-Q2 的总量 700亿元不再生效` (it
    wrote `700 亿元不再生效`); English keeps `700 亿元`, a unit of words, spaced."""
    guandu("import", _june(tmp_path))
    err = guandu("record", "gdp", "5.3", "-p", "2022-Q2", lang=lang).stderr
    if lang == "zh":
        assert "2022-Q2 的总量 700亿元不再生效" in err, err
    else:
        assert "2022-Q2's amount 700 亿元 is no longer in force" in err, err


# ------------------------------------------- 5. status's figure and its unit, narrow


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [44, 50, 58, 64, 66, 73, 77])
def test_status_keeps_pm25s_figure_with_its_unit(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    """北京's pm25 (31.5 for 1-12月, against ≈29, judged ≤30.45) in `status`: `31.5` broke over
    `微克/立方米` in English cards at 40–65 columns, `≈ 29` over `微克/立方米` and `(≤30.45`
    over `微克/立方米)` in the English table at 72–76: the actual column's least width counted
    `微克/立方米` alone (`render.runs.FigureAndUnit`)."""
    ledger = tmp_path / "bj.progress.toml"
    monkeypatch.setenv("COLUMNS", "120")
    at = ("--plan", "beijing-2026", "--ledger", str(ledger))
    assert invoke(*at, "record", "pm25", "31.5", "-p", "1-12月").exit_code == 0
    monkeypatch.setenv("COLUMNS", str(columns))
    done = invoke("--lang", lang, *at, "status")
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert max(map(len, lines)) <= columns, done.stdout
    space = "" if lang == "zh" else " "
    for whole in (
        f"≈ 29{space}微克/立方米",
        f"31.5{space}微克/立方米",
        f"≤30.45{space}微克/立方米",
    ):
        assert any(whole in line for line in lines), (whole, done.stdout)
