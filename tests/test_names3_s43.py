"""Session 43: three things session 42 left in reading a 统计月报 as analysts get them.

1. `PM_2.5` (an Excel export's or a database column's spelling: `PM_2.5平均浓度`,
   `PM_2.5年均浓度（微克/立方米）`) was not 北京's pm25: `unknown target 'PM_2.5平均浓度' in plan
   beijing-2026`, exit 2, where `PM2.5`, `PM2．5`, `PM 2.5` were read. `fold_name` (the one
   rule import names and `targets --search` fold by) reads PM_2.5, PM＿2.5 and PM2_5 as PM2.5;
   no other name runs into it (SPM_2.5, PM_25, PM2_50 stay unknown).
2. A GDP sheet with `其中：` or `按产业分：` on a row of its own, or an empty row, between
   `地区生产总值` and 第一产业… was refused (`unknown target '第一产业' in plan guizhou-2026`);
   such rows are read past now, and another indicator between still refuses the sectors.
3. `record -p 截至4-6月` said `period '4-6月' is not year to date`, quoting what plancli made of
   the words, not the words typed; `截至2-3季度` was quoted as '4-9月'.

Figures: 北京's PM2.5 38 微克/立方米 for 1-3月 is session 41's walk's (test_walk_beijing_s41,
test_names_s42); 贵州's GDP growth 4.9 is its 2025 review's (corpus 贵州省.txt:
全年地区生产总值增长4.9%), the sectors' 3.6, 5.2, 5.0 test_names2_s42's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.test_names2_s42 import _import, _records, _write

# ----------------------------------------------------------------------------- 1. PM_2.5


def _beijing_pm25(name: str) -> list[list[Any]]:
    return [
        ["指标", "单位", "1-3月", "比上年同期增长(%)"],
        ["地区生产总值", "亿元", "—", "5.1"],
        [name, "" if "（" in name else "微克/立方米", "38", "—"],
    ]


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "name",
    [
        "PM_2.5平均浓度",
        "PM_2.5年均浓度（微克/立方米）",
        "PM＿2.5年均浓度",  # a full-width underscore
        "其中：PM_2.5年均浓度",
        "细颗粒物（PM_2.5）年均浓度",
        "PM2_5年均浓度",  # a database column's: no dot in a column name
        "pm_2.5年均浓度",
    ],
)
def test_pm_underscore_2_5_is_beijings_pm25(
    invoke: Any, tmp_path: Path, form: str, name: str
) -> None:
    sheet = _write(tmp_path, "2026年1-3月主要指标", _beijing_pm25(name), form)
    result = _import(invoke, tmp_path, "beijing-2026", sheet)
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == {
        ("gdp", "2026-Q1"): Decimal("5.1"),
        ("pm25", "2026-03"): Decimal("38"),
    }


@pytest.mark.parametrize(
    "name", ["PM₂.₅年均浓度", "pm2.5年均浓度", "PM 2.5年均浓度", "PM2．5年均浓度"]
)
def test_the_spellings_read_before_still_are(invoke: Any, tmp_path: Path, name: str) -> None:
    sheet = _write(tmp_path, "2026年1-3月主要指标", _beijing_pm25(name))
    result = _import(invoke, tmp_path, "beijing-2026", sheet)
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml")[("pm25", "2026-03")] == Decimal("38")


@pytest.mark.parametrize(
    "name",
    ["SPM_2.5年均浓度", "PM_25年均浓度", "PM2_50年均浓度", "PM_10年均浓度", "PM2.5_年均浓度"],
)
def test_no_other_name_folds_into_pm25(invoke: Any, tmp_path: Path, name: str) -> None:
    sheet = _write(tmp_path, "t", _beijing_pm25(name))
    result = _import(invoke, tmp_path, "beijing-2026", sheet)
    assert result.exit_code == 2
    assert f"t.csv:3: unknown target '{name}' in plan beijing-2026" in result.stderr
    assert not (tmp_path / "p.progress.toml").exists()


def test_targets_search_folds_the_underscore_too(invoke: Any) -> None:
    found = invoke("--plan", "beijing-2026", "targets", "--search", "PM_2.5年均", "--json")
    assert found.exit_code == 0, found.output
    assert '"pm25"' in found.stdout
    none = invoke("--plan", "beijing-2026", "targets", "--search", "PM_25", "--json")
    assert '"pm25"' not in none.stdout


# ----------------------------------------- 2. 其中： or a blank row between GDP and its sectors

_HEAD: list[list[Any]] = [
    ["指标", "单位", "1-3月", "比上年同期增长（%）"],
    ["地区生产总值", "亿元", "5000", "4.9"],
]
_SECTORS: list[list[Any]] = [
    ["第一产业", "亿元", "300", "3.6"],
    ["第二产业", "亿元", "1800", "5.2"],
    ["第三产业", "亿元", "2900", "5.0"],
]
_READ = {
    ("gdp", "2026-Q1"): Decimal("4.9"),
    ("primary_value_added", "2026-Q1"): Decimal("3.6"),
    ("secondary_value_added", "2026-Q1"): Decimal("5.2"),
    ("tertiary_value_added", "2026-Q1"): Decimal("5.0"),
}


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "between",
    [
        [["其中：", "", "", ""]],
        [["按产业分：", "", "", ""]],
        [["按产业分", "", "", ""]],
        [["", "", "", ""]],
        [["", "", "", ""], ["其中：", "", "", ""]],
        [["分产业：", "", "", ""], ["", "", "", ""]],
    ],
)
def test_sectors_under_a_heading_or_a_blank_row_are_gdps(
    invoke: Any, tmp_path: Path, form: str, between: list[list[Any]]
) -> None:
    rows = [*_HEAD, *between, *_SECTORS]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "2026年一季度", rows, form))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == _READ


def test_a_heading_between_the_sectors_is_read_past_too(invoke: Any, tmp_path: Path) -> None:
    rows = [*_HEAD, ["其中：", "", "", ""], _SECTORS[0], ["", "", "", ""], *_SECTORS[1:]]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "2026年一季度", rows))
    assert result.exit_code == 0, result.output
    assert _records(tmp_path / "p.progress.toml") == _READ


@pytest.mark.parametrize(
    "between",
    [
        [["固定资产投资", "亿元", "—", "3.1"]],  # investment by sector: another statistic
        [["其中：", "", "", ""], ["固定资产投资", "亿元", "—", "3.1"]],
        [["固定资产投资", "亿元", "", ""]],  # its figures not out: still an indicator's row
        [["固定资产投资", "亿元", "—", "—"]],
        [["固定资产投资", "亿元", "", "—"]],
        [["", "", "", ""], ["（一）工业生产", "", "", ""]],  # another section's heading
        [["规模以上工业增加值", "亿元", "—", "6.1"], ["其中：", "", "", ""]],
    ],
)
def test_another_indicator_between_still_refuses_the_sectors(
    invoke: Any, tmp_path: Path, between: list[list[Any]]
) -> None:
    rows = [*_HEAD, *between, *_SECTORS]
    result = _import(invoke, tmp_path, "guizhou-2026", _write(tmp_path, "t", rows))
    assert result.exit_code == 2, result.output
    line = 3 + len(between)
    assert f"t.csv:{line}: unknown target '第一产业' in plan guizhou-2026" in result.stderr
    assert not (tmp_path / "p.progress.toml").exists()


def test_a_plan_without_sector_targets_still_refuses_them_after_a_heading(
    invoke: Any, tmp_path: Path
) -> None:
    rows = [*_HEAD, ["其中：", "", "", ""], *_SECTORS]
    beijing = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "bj", rows))
    assert beijing.exit_code == 2  # 北京's plan tracks no sector: nothing to read it as
    assert "bj.csv:4: unknown target '第一产业' in plan beijing-2026" in beijing.stderr


# --------------------------------------------------- 3. 截至4-6月: the words typed, quoted

_NOT_TO_DATE = "is not year to date: plancli records figures from January"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("截至4-6月", "(1-6月, 2026-06)"),
        ("截止到2-3季度", "(1-9月, 2026-09)"),  # was quoted as '4-9月', words never typed
        ("截至2026年4-6月", "(1-6月, 2026-06)"),
        ("截至二〇二六年四至六月", "(1-6月, 2026-06)"),
    ],
)
def test_record_quotes_the_since_span_as_typed(
    invoke: Any, tmp_path: Path, typed: str, hint: str
) -> None:
    ledger = str(tmp_path / "bj.progress.toml")
    result = invoke(
        "--plan", "beijing-2026", "--ledger", ledger, "record", "cpi", "0.3", "-p", typed
    )
    assert result.exit_code == 2
    assert f"error: period '{typed}' {_NOT_TO_DATE} {hint}" in result.stderr
    assert not (tmp_path / "bj.progress.toml").exists()


def test_the_since_span_is_quoted_as_typed_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = str(tmp_path / "bj.progress.toml")
    args = ("--plan", "beijing-2026", "--ledger", ledger, "record", "cpi", "0.3", "-p", "截至4-6月")
    result = invoke("--lang", "zh", *args)
    assert result.exit_code == 2
    assert "错误：期间 '截至4-6月' 不是年初至今的累计期间" in result.stderr


def test_the_since_forms_from_january_are_still_read(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "bj.progress.toml"
    for typed, value in (("截至3月末", "0.2"), ("截止到二季度", "0.3"), ("截至2026年9月底", "0.5")):
        result = invoke(
            "--plan", "beijing-2026", "--ledger", str(ledger), "record", "cpi", value, "-p", typed
        )
        assert result.exit_code == 0, result.output
    assert _records(ledger) == {
        ("cpi", "2026-03"): Decimal("0.2"),
        ("cpi", "2026-06"): Decimal("0.3"),
        ("cpi", "2026-09"): Decimal("0.5"),
    }


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("2026年截至4-6月主要指标", "截至4-6月"),  # was '4-6月'
        ("截至2026年4-6月主要统计指标", "截至2026年4-6月"),  # was '2026年4-6月'
    ],
)
def test_a_titles_since_span_is_quoted_as_the_title_writes_it(
    invoke: Any, tmp_path: Path, title: str, quoted: str
) -> None:
    rows: list[list[Any]] = [[title], ["指标", "单位", "累计"], ["居民消费价格总水平", "%", "1.2"]]
    result = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "t", rows))
    assert result.exit_code == 2
    assert f"t.csv:3: target cpi: period '{quoted}' {_NOT_TO_DATE} (1-6月, 2026-06)" in (
        result.stderr
    )


def test_a_titles_since_month_reads_as_before_and_is_named_as_written(
    invoke: Any, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [
        ["2026年截至6月主要指标"],
        ["指标", "单位", "累计增长（%）"],
        ["地区生产总值", "亿元", "5.1"],
        ["居民消费价格总水平", "%", "1.2"],
    ]
    result = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "2026年6月月报", rows))
    assert result.exit_code == 0, result.output
    assert "every row is for 截至6月, as its title or file name says" in result.stderr
    assert _records(tmp_path / "p.progress.toml") == {
        ("gdp", "2026-Q2"): Decimal("5.1"),
        ("cpi", "2026-06"): Decimal("1.2"),
    }
    other = _import(invoke, tmp_path, "beijing-2026", _write(tmp_path, "2026年5月月报", rows))
    assert other.exit_code == 2  # 1-6月 against the name's 5月: still two periods
    assert "the title says 截至6月 and the file name 2026年5月" in other.stderr
