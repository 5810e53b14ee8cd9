"""The terminal audit of 刘科长's month (bundled plan guandu-2022, the June figures of
docs/monthly-update-zh.md 第二步, 5G corrected to 126, two adjustments of retail sales):
units on every gap and what it takes, one typography a table, `gap` at 80 columns keeping
尚需, Chinese help wrapped by words, kinds typed as tables show them, superseded rows marked
in words."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

import plancli

JUNE = """target,period,value,amount,note,source
gdp,2022-Q2,5.0,700,上半年,区统计局
budget_revenue,2022-06,3.1,27.4,,区财政局
fixed_asset_investment,2022-06,0.0,,,区统计局
retail_sales,2022-06,6.5,330.8,,区统计局
urban_income,2022-Q2,6.1,,,区统计局
rural_income,2022-Q2,6.8,,,区统计局
unemployment_rate,2022-Q2,4.2,,,区人社局
old_compounds_renovated,2022-Q2,40,,,区住建局
new_5g_base_stations,2022-06,120,,,区工信局
external_funds,2022-06,50,,,区投促局
new_urban_jobs,2022-06,1.1,,,区人社局
investment_roads,2022-06,6.2,,,区发改局
investment_municipal,2022-06,1.9,,,区发改局
investment_ecology,2022-06,2,,,区发改局
investment_education,2022-06,7.1,,,区发改局
investment_health_elderly,2022-06,0.6,,,区发改局
investment_social_other,2022-06,8.8,,,区发改局
"""


@pytest.fixture
def guandu(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`run(*args, lang="zh", columns=80)` on the audit's workspace."""
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "guandu").exit_code == 0
    plan = str(tmp_path / "guandu" / "plan2022.toml")
    (tmp_path / "june.csv").write_text(JUNE, encoding="utf-8")
    steps = [
        ["import", "june.csv"],
        ["record", "new_5g_base_stations", "126", "-p", "2022-06", "--source", "区工信局"],
        ["record", "air_quality_good_rate", "99.2", "-p", "2022-06"],
        ["record", "new_parking_spaces", "1234", "-p", "2022-06"],
        ["amend", "retail_sales", "--min", "6", "--from", "2022-06", "--note", "第一次"],
        ["amend", "retail_sales", "--min", "6.5", "--from", "2022-06", "--note", "第二次"],
    ]
    for step in steps:
        result = invoke("--plan", plan, *step)
        assert result.exit_code == 0, (step, result.output)

    def run(*args: str, lang: str = "zh", columns: int = 80) -> Any:
        monkeypatch.setenv("COLUMNS", str(columns))
        return invoke("--lang", lang, "--plan", plan, *args)

    return run


def _row(text: str, target: str) -> str:
    return next(line for line in text.splitlines() if line.split()[:1] == [target])


def _widest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


# ------------------------------------------------------------------ D4: units, one format


def test_the_gap_table_gives_every_gap_and_need_its_unit(guandu: Any) -> None:
    """120 columns: 差距 was `75` (个), `2` (percentage points), `1.7` (亿元); 尚需 `0.28/月`."""
    zh = guandu("gap", columns=120).stdout
    assert _widest(zh) <= 120
    assert "40/115个" in _row(zh, "old_compounds_renovated")
    assert "75个" in _row(zh, "old_compounds_renovated")
    assert "13个/月" in _row(zh, "old_compounds_renovated")
    assert "2个百分点" in _row(zh, "gdp") and "8.72%" in _row(zh, "gdp")
    assert "1.7亿元" in _row(zh, "investment_health_elderly")
    assert "0.28亿元/月" in _row(zh, "investment_health_elderly")
    assert "184个" in _row(zh, "new_5g_base_stations")
    assert "31个/月" in _row(zh, "new_5g_base_stations")
    assert "> 0个百分点" in _row(zh, "fixed_asset_investment")
    # a target lacking nothing: the report's mark, not a 0 beside 正常推进
    assert _row(zh, "budget_revenue").split()[-2:] == ["—", "0.86%"]
    en = guandu("gap", lang="en", columns=120).stdout
    assert "75 个" in _row(en, "old_compounds_renovated")
    assert "13 个/mo" in _row(en, "old_compounds_renovated")
    assert "2 pp" in _row(en, "gdp")


def test_the_headline_table_writes_bound_figure_and_gap_alike(guandu: Any) -> None:
    """`≥ 7 %` beside `5%`, a gap `2` with no unit and `0` where the report says —."""
    for lang, points in (("zh", "个百分点"), ("en", " pp")):
        text = guandu("status", lang=lang).stdout
        assert _widest(text) <= 80
        gdp = _row(text, "gdp")
        assert "≥ 7%" in gdp and "5.0%" in gdp and f"2{points}" in gdp
        assert " %" not in gdp
        # the gap cell, before the status and (kept at 80 columns since session 30) the trend
        assert _row(text, "budget_revenue").split()[-3 if lang == "zh" else -4] == "—"
        assert f"> 0{points}" in _row(text, "fixed_asset_investment")


def test_show_gives_each_figure_its_unit(guandu: Any) -> None:
    five_g = guandu("show", "new_5g_base_stations").stdout
    for line in ("完成值 +126 个", "差距 +184 个", "全年预计 +252 个", "月均需完成 +31 个"):
        assert re.search(line, five_g), line
    gdp = guandu("show", "gdp").stdout
    for line in ("完成值 +5.0 %", "目标 +≥ 7 %", "差距 +2 个百分点"):
        assert re.search(line, gdp), line
    budget = guandu("show", "budget_revenue").stdout
    assert re.search("差距 +—", budget)
    en = guandu("show", "new_5g_base_stations", lang="en").stdout
    assert re.search("gap +184 个", en) and re.search("needed per month +31 个", en)


# ------------------------------------------------------------------- D7: gap at 80 columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gap_at_80_columns_keeps_what_it_takes(guandu: Any, lang: str) -> None:
    """The plan's 35-column milestone ids left no room for 尚需 beside the names: the name
    goes under the id instead, and every row keeps what it takes. Session 29: each row a card
    (the id, the name under it, the figures under that), which keeps the gap, the completion
    and the pace as at 72 columns: a wider terminal no longer shows less."""
    text = guandu("gap", lang=lang).stdout
    assert _widest(text) <= 80
    lines = text.splitlines()
    # (since session 33 with the pace's header over its unit beside it: `快慢` over `百分点`)
    pace = "快慢" if lang == "zh" else "vs pace"
    assert lines[3].split() == (
        ["编号", "/", "名称", pace] if lang == "zh" else ["id", "/", "name", "vs", "pace"]
    )
    for header in ("尚需", "差距", "完成率") if lang == "zh" else ("needs", "gap", "done"):
        assert header in lines[4]

    def card(id_: str) -> str:
        at = lines.index(_row(text, id_))
        return " ".join(lines[at : at + 3])

    needs = "31个/月" if lang == "zh" else "31 个/mo"
    assert needs in card("new_5g_base_stations")
    assert ("8.72%") in card("gdp")
    # the name beside its id, both whole on the card's first line (since session 35; under
    # the id before, a line more a card), and the figures under them
    at = lines.index(_row(text, "new_5g_base_stations"))
    name = "新建5G基站" if lang == "zh" else "New 5G base stations"
    assert lines[at].split() == ["new_5g_base_stations", *name.split()]
    assert lines[at + 1].rstrip().endswith(needs)


# ------------------------------------------------------------- D10: kinds as tables show them


def test_a_kind_is_taken_as_the_tables_show_it(guandu: Any) -> None:
    """`targets` and `show` print the kind 增速; `--kind 增速` was refused, its list unglossed."""
    assert "增速" in guandu("targets", columns=120).stdout
    by_word = guandu("gap", "--kind", "增速", "--json").stdout
    assert by_word == guandu("gap", "--kind", "growth", "--json").stdout
    assert '"gdp"' in by_word and '"new_5g_base_stations"' not in by_word
    assert "old_compounds_renovated" in guandu("targets", "--kind", "累计").stdout
    refused = guandu("gap", "--kind", "增长")
    assert refused.exit_code != 0
    assert "growth（增速）、level（水平）、" in refused.stderr
    assert "growth, level, cumulative" in guandu("gap", "--kind", "x", lang="en").stderr


# ------------------------------------------------------- D11: superseded in words, not grey


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_superseded_adjustment_says_so_without_colour(
    guandu: Any, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off a terminal (NO_COLOR, a pipe) the first adjustment of retail sales looked like the
    one in force, under a legend about grey that nothing printed was."""
    monkeypatch.setenv("NO_COLOR", "1")
    text = guandu("history", "retail_sales", lang=lang).stdout
    assert "\x1b[" not in text
    first = next(line for line in text.splitlines() if "≥ 6 %" in line)
    second = next(line for line in text.splitlines() if "≥ 6.5 %" in line)
    word = "已被取代" if lang == "zh" else "superseded"
    assert word in first and not first.lstrip().startswith("*")
    assert word not in second and second.lstrip().startswith("*")
    assert "灰色" not in text and "dim" not in text
    legend = "无 * 者已被后来的调整取代" if lang == "zh" else "unmarked: superseded"
    assert legend in " ".join(text.split())


# ------------------------------------------------------------------ D9: Chinese help wrapping

# The screens the audit found broken, and those with the most Chinese text in them
COMMANDS = ("status", "gap", "report", "template", "record", "import", "history", "amend")


def _help(columns: int, command: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANCLI_", "LC_"))}
    env.update(PYTHONPATH=str(Path(plancli.__file__).parents[1]), COLUMNS=str(columns))
    args = [command, "--help"] if command else ["--help"]
    return subprocess.run(
        [sys.executable, "-m", "plancli", "--lang", "zh", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout


def test_chinese_help_keeps_remarks_dates_and_ids_whole() -> None:
    """`[必` / `填]`, `2022年6` / `月`, a line ending with `（` or `[`, `guandu-202…`: every
    help screen in Chinese at 40 and 80 columns (in a process of its own: the help texts are
    translated when the commands are declared)."""
    names = [(columns, command) for columns in (40, 80) for command in ("", *COMMANDS)]
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda name: _help(*name), names))
    screens = {f"{c} {command}": text for (c, command), text in zip(names, texts, strict=True)}
    for name, text in screens.items():
        assert "选项" in text and "用法" in text, name
        lines = text.splitlines()
        for line in lines:
            assert not line.rstrip().endswith(("（", "[", "(", "《")), (name, line)
        for before, after in itertools.pairwise(lines):
            broken = re.search(r"\d$", before.rstrip()) and re.match(r"\s*[年月]", after)
            assert not broken, (name, before, after)
        assert "[必填]" in text or "[必" not in text, name
        if name.endswith(" template"):
            assert "[必填]" in text
        if name.endswith(" status"):
            assert "2022年6月" in text
    top = screens["80 "]
    plans = next(line for line in top.splitlines() if line.strip().startswith("plans"))
    assert not re.search(r"[a-z]-\d{1,3}…", plans), plans  # not guandu-202…
    assert "[环境变量：PLANCLI_LEDGER]" in top


def test_the_headline_figure_has_the_unit_its_bound_has(invoke: Any, tmp_path: Path) -> None:
    """Shaanxi 2026: 城镇新增就业 `≥ 40万人` beside a bare `20`. (At 80 columns, the gap and the
    trend kept since session 30; since session 43 the demo has no 滞后 row, whose status was
    the widest, so in Chinese too the figures are on the id's line, the name under it.)"""
    assert invoke("--plan", "shaanxi-2026", "init", "--demo", str(tmp_path / "sx")).exit_code == 0
    plan = str(tmp_path / "sx" / "shaanxi.toml")
    for lang, expected, below in (("zh", "≥ 40万人  20万人", 0), ("en", "≥ 40 万人  20 万人", 0)):
        lines = invoke("--plan", plan, "--lang", lang, "status").stdout.splitlines()
        at = lines.index(_row("\n".join(lines), "new_urban_jobs"))
        assert expected in lines[at + below], "\n".join(lines)


def test_a_growth_target_names_its_unit_the_amounts(guandu: Any) -> None:
    """`单位 亿元` above `目标 > 0 %`: the 亿元 is the optional amount's."""
    shown = guandu("show", "fixed_asset_investment").stdout
    assert re.search("总量单位 +亿元", shown) and not re.search("^单位", shown, re.MULTILINE)
    assert re.search("^单位 +个", guandu("show", "new_5g_base_stations").stdout, re.MULTILINE)
