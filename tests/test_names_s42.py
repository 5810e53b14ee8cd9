"""Session 42: bulletin names and a sheet with both a rise and a fall column.

1. 北京's bulletins call its CPI 居民消费价格总水平 (居民消费价格总水平上涨…, a sheet's row
   `居民消费价格总水平（%）`) and its PM2.5 target PM2.5年均浓度 (without 细颗粒物): both rows were
   refused, `unknown target '居民消费价格总水平（%）' in plan beijing-2026; did you mean
   居民消费价格总指数 (cpi)?` and `unknown target 'PM2.5年均浓度'…`, exit 2. They are standard
   names of cpi and pm25 now (`indicator_names.STANDARD_NAMES`), so `import`, `targets
   --search` and `extract`'s drafts (their aliases) read them.
2. `指标,单位,全年,比上年增长（%）,比上年下降（%）` (统计局 sheets give energy intensity's fall
   beside GDP's growth) was refused: `columns '比上年增长（%）' and '比上年下降（%）' both mean
   value; keep one`. Each row now takes its figure from the column that has one, a fall
   column's as `fall_columns` reads it; a row with a figure in both is refused naming both.

Figures: 北京's PM2.5 38 微克/立方米 for 1-3月 is session 41's walk's (test_walk_beijing_s41),
the CPI's 1.2 is made up for the test (北京's 2026 report says only 居民消费价格总体平稳);
tianjin-2026's 2025 review gives 地区生产总值增长4.8%, 一般公共预算收入增长4.1% (as
test_headers_s41), and energy intensity's 2.7 is the 天津 walk's row.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, needs_corpus
from plancli.stores.toml import read_toml_ledger
from sheets import sheet_file


def _records(ledger: Path) -> dict[tuple[str, str], Decimal]:
    return {(r.target, r.period): r.value for r in read_toml_ledger(ledger).records}


def _write(tmp_path: Path, name: str, rows: list[list[Any]], form: str) -> Path:
    """A 统计局 sheet: CSV in UTF-8 or GBK (as Excel saves it on a Chinese Windows), or xlsx."""
    if form == "xlsx":
        return sheet_file(tmp_path, rows, name + ".xlsx")
    path = tmp_path / (name + ".csv")
    text = "".join(",".join(str(cell) for cell in row) + "\n" for row in rows)
    path.write_bytes(text.encode("gbk" if form == "gbk" else "utf-8"))
    return path


# --------------------------------------------------- 1. 居民消费价格总水平, PM2.5年均浓度


@pytest.mark.parametrize("form", ["csv", "gbk", "xlsx"])
@pytest.mark.parametrize(
    ("cpi_name", "pm25_name"),
    [
        ("居民消费价格总水平（%）", "PM2.5年均浓度"),
        ("居民消费价格总水平", "PM2.5年均浓度（微克/立方米）"),
        ("一、居民消费价格总水平", "其中：PM2.5年均浓度"),
    ],
)
def test_beijings_bulletin_names_of_cpi_and_pm25_import(
    invoke: Any, tmp_path: Path, form: str, cpi_name: str, pm25_name: str
) -> None:
    ledger = tmp_path / "bj.progress.toml"
    unit = "" if "（" in pm25_name else "微克/立方米"
    rows: list[list[Any]] = [
        ["指标", "单位", "1-3月", "比上年同期增长(%)"],
        ["地区生产总值", "亿元", "—", "5.1"],
        [cpi_name, "" if "（" in cpi_name else "%", "1.2", "—"],
        [pm25_name, unit, "38", "—"],
    ]
    sheet = _write(tmp_path, "2026年1-3月主要指标", rows, form)
    result = invoke("--plan", "beijing-2026", "--ledger", str(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _records(ledger) == {
        ("gdp", "2026-Q1"): Decimal("5.1"),
        ("cpi", "2026-03"): Decimal("1.2"),
        ("pm25", "2026-03"): Decimal("38"),
    }


def test_the_names_are_searched_and_named_as_the_others(invoke: Any) -> None:
    """`targets --search` looks in the bulletins' names too; `record` with such a name says
    the id, as for 居民消费价格指数 (a name typed right, as `import` takes it)."""
    found = invoke("--plan", "beijing-2026", "targets", "--search", "总水平", "--json")
    assert found.exit_code == 0, found.output
    assert '"cpi"' in found.stdout
    pm25 = invoke("--plan", "beijing-2026", "targets", "--search", "PM2.5年均", "--json")
    assert '"pm25"' in pm25.stdout
    typed = invoke("--plan", "beijing-2026", "record", "PM2.5年均浓度", "27", "-p", "2026")
    assert typed.exit_code != 0
    assert "'PM2.5年均浓度' is the name of target pm25" in typed.output


@needs_corpus
def test_beijings_draft_carries_the_names_as_aliases(invoke: Any, tmp_path: Path) -> None:
    """The draft's shared targets carry the names `import` reads (as 居民消费价格指数 before):
    北京's draft gains 居民消费价格总水平 for cpi and PM2.5年均浓度 for pm25 (its name is
    细颗粒物年均浓度, the other standard name, so not repeated); nothing else of the draft
    changes (the 15 corpus drafts and the seed's were compared: 14 CPI targets gain the one
    alias, 北京's pm25 the other)."""
    draft = tmp_path / "beijing-draft.toml"
    made = invoke("extract", str(CORPUS / "北京市.txt"), "-o", str(draft))
    assert made.exit_code == 0, made.output
    targets = {t["id"]: t for t in tomllib.loads(draft.read_text(encoding="utf-8"))["targets"]}
    assert targets["cpi"]["aliases"] == [
        "居民消费价格",
        "居民消费价格指数",
        "居民消费价格总指数",
        "居民消费价格总水平",
        "CPI",
    ]
    assert targets["pm25"]["name"] == "细颗粒物年均浓度"
    assert targets["pm25"]["aliases"] == [  # 平均, 年平均: session 42's second round
        "PM2.5年均浓度",
        "细颗粒物平均浓度",
        "PM2.5平均浓度",
        "细颗粒物年平均浓度",
        "PM2.5年平均浓度",
    ]


# ----------------------------------------------- 2. a rise column beside a fall column

HEADER = ["指标", "单位", "全年", "比上年增长（%）", "比上年下降（%）"]


def _tianjin(tmp_path: Path) -> list[str]:
    return ["--plan", "tianjin-2026", "--ledger", str(tmp_path / "tj.progress.toml")]


@pytest.mark.parametrize("form", ["csv", "gbk", "xlsx"])
@pytest.mark.parametrize("fall_first", [False, True])
def test_each_row_takes_its_figure_from_the_column_that_has_one(
    invoke: Any, tmp_path: Path, form: str, fall_first: bool
) -> None:
    """GDP's 4.8 under 比上年增长, energy intensity's 2.7 under 比上年下降: recorded as
    `record energy_intensity 下降2.7` records it (−2.7), whichever column comes first."""
    rows: list[list[Any]] = [
        HEADER,
        ["地区生产总值", "亿元", "—", 4.8, "—"],
        ["一般公共预算收入", "亿元", "—", 4.1, ""],
        ["单位地区生产总值能耗", "%", "—", "—", 2.7],
    ]
    if fall_first:
        rows = [[*row[:3], row[4], row[3]] for row in rows]
    sheet = _write(tmp_path, "2026年主要指标", rows, form)
    result = invoke(*_tianjin(tmp_path), "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "both mean" not in result.output
    assert _records(tmp_path / "tj.progress.toml") == {
        ("gdp", "2026-Q4"): Decimal("4.8"),
        ("budget_revenue", "2026-12"): Decimal("4.1"),
        ("energy_intensity", "2026"): Decimal("-2.7"),
    }


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_row_with_a_figure_in_both_is_refused_naming_both(
    invoke: Any, tmp_path: Path, form: str
) -> None:
    rows: list[list[Any]] = [
        HEADER,
        ["地区生产总值", "亿元", "—", 4.8, "—"],
        ["单位地区生产总值能耗", "%", "—", -2.7, 2.7],
    ]
    sheet = _write(tmp_path, "2026年主要指标", rows, form)
    result = invoke(*_tianjin(tmp_path), "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert (
        ":3: target energy_intensity: a figure under both '比上年增长（%）' (-2.7) "
        "and '比上年下降（%）' (2.7); give one: the rise, or the size of the fall"
    ) in result.stderr
    assert result.stderr.count("\n") == 2  # the file's line, and the row's
    assert "Traceback" not in result.output
    assert not (tmp_path / "tj.progress.toml").exists()
    zh = invoke("--lang", "zh", *_tianjin(tmp_path), "import", str(sheet))
    assert zh.exit_code == 2
    assert "'比上年增长（%）' 列（-2.7）和 '比上年下降（%）' 列（2.7）都有数" in zh.stderr


def test_gdps_figure_under_the_fall_column_stays_refused(invoke: Any, tmp_path: Path) -> None:
    """GDP 比上年下降4.8 would be a growth of −4.8, a sign nobody typed: refused as under a
    sheet with the fall column alone, naming the fall column."""
    rows: list[list[Any]] = [HEADER, ["地区生产总值", "亿元", "—", "—", 4.8]]
    sheet = _write(tmp_path, "2026年主要指标", rows, "csv")
    result = invoke(*_tianjin(tmp_path), "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert "2026年主要指标.csv:2: column '比上年下降（%）' gives the size of a fall (4.8)" in (
        result.stderr
    )
    assert "gdp is a growth target" in result.stderr
    assert not (tmp_path / "tj.progress.toml").exists()


def test_two_rise_columns_are_still_two_value_columns(invoke: Any, tmp_path: Path) -> None:
    """Only a rise beside a fall is read: two fall columns stay refused, and so do 比上年增长
    beside 同比增长, named as the sheet heads them (it said `column(s) 同比增长（%） appear twice`,
    of a header that has it once: both fold to the same growth)."""
    for pair in (["比上年增长（%）", "同比增长（%）"], ["比上年下降（%）", "降幅（%）"]):
        rows: list[list[Any]] = [
            ["指标", "单位", "全年", *pair],
            ["地区生产总值", "亿元", "—", 4.8, "—"],
        ]
        sheet = _write(tmp_path, "2026年主要指标", rows, "csv")
        result = invoke(*_tianjin(tmp_path), "import", str(sheet))
        assert result.exit_code == 2, result.output
        assert f"columns '{pair[0]}' and '{pair[1]}' both mean value; keep one" in result.stderr
    same = _write(tmp_path, "t", [["指标", "期间", "同比增长（%）", "同比增长(%)"]], "csv")
    twice = invoke(*_tianjin(tmp_path), "import", str(same))
    assert "column(s) 同比增长(%) appear twice" in twice.stderr  # the same header: as before


@pytest.mark.parametrize("pair", [True, False])
def test_a_bad_figure_under_the_fall_column_is_named_as_the_sheet_has_it(
    invoke: Any, tmp_path: Path, pair: bool
) -> None:
    """`2.7x` under 比上年下降（%） was named `'比上年增长（%）' '-2.7x'` beside a rise column (the
    rise column, and a figure the sheet does not have), `'比上年下降（%）' '-2.7x'` alone."""
    header = HEADER if pair else HEADER[:3] + HEADER[4:]
    row = ["单位地区生产总值能耗", "%", "—", *(["—"] if pair else []), "2.7x"]
    sheet = _write(tmp_path, "2026年主要指标", [header, row], "csv")
    result = invoke(*_tianjin(tmp_path), "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert (
        "2026年主要指标.csv:2: target energy_intensity: '比上年下降（%）' '2.7x': the figure with "
        "a unit (x)"
    ) in result.stderr
