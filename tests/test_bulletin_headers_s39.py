"""Session 39 (bulletin5): the leftovers of session 38's 广东 walk in `plancli import`.

1. A figure header after its period (`1-9月累计值（亿元）`, `1-9月绝对值`, `1-9月累计数`,
   `1-9月止累计`, `1-9月增长（%）`) was an unknown column; it reads as `1-9月（亿元）` /
   `1-9月（%）` do, alone, beside a growth column, and as a series' column. One period's
   amount and growth (`1-6月（亿元）,1-6月增长（%）`) is no series: it was refused.
2. A series whose columns carry different units (`1-2月（亿元）,一季度（%）`) got the generic
   unknown-column error; it names the columns of each unit and what to do.
3. A series' summary said `of 8 rows` for 2 rows × 4 periods; it counts both.

Figures: the bundled 广东 2026 plan (地区生产总值 68725.40 亿元 +4.4 % in 1-6月, 地方一般公共预算
收入 7043.21 亿元 +2.4 %), and Guandu 2022's 5G base stations (新建5G基站, a count).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import JULY, ROWS, bulletin_file
from bulletin_files import import_bulletin as _import
from bulletin_files import ledger_values as _values


def _file(tmp_path: Path, rows: list[list[str]], form: str, stem: str = "广东主要经济指标") -> Path:
    return bulletin_file(tmp_path, rows, form, stem)


# ------------------------------------------------------------- 1. 累计值, 绝对值 after a period


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
@pytest.mark.parametrize(
    "header",
    [
        ["1-9月累计值（亿元）", "增长（%）"],
        ["1-9月绝对值", "增长（%）"],
        ["1-9月累计数（亿元）", "1-9月增长（%）"],
        ["1-9月止累计（亿元）", "比上年同期增长（%）"],
        ["1-9月累计值（亿元）", "1-9月累计增长（%）"],
        ["1-9月（亿元）", "1-9月增长（%）"],  # one period's amount and growth: no series
        ["1-9月（亿元）", "1-9月（%）"],
        ["本年累计值（亿元）", "增长（%）"],
        ["绝对值", "增长（%）"],  # 绝对值 alone beside a growth: the amount
        ["自年初累计（亿元）", "增长（%）"],
        ["1-9月绝对值", "1-9月比上年同期增长"],  # (比上年同期增长 alone is the growth too)
    ],
)
def test_a_period_before_the_amount_word_reads_as_the_year_to_date_amount(
    invoke: Any, tmp_path: Path, header: list[str], form: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, [["2026年1-9月广东省主要经济指标"], ["指标", *header], *ROWS], form)
    done = _import(invoke, ledger, path)
    assert done.exit_code == 0, done.output
    assert _values(ledger) == JULY


def test_the_same_table_headed_by_the_plain_words_gives_the_same_records(
    invoke: Any, tmp_path: Path
) -> None:
    """`1-9月累计值（亿元）` is read exactly as `累计值（亿元）` under a 1-9月 title."""
    plain, dated = tmp_path / "plain.toml", tmp_path / "dated.toml"
    rows = [["2026年1-9月广东省主要经济指标"], ["指标", "累计值（亿元）", "增长（%）"], *ROWS]
    assert _import(invoke, plain, _file(tmp_path, rows, "utf-8", "a")).exit_code == 0
    rows = [["指标", "1-9月累计值（亿元）", "1-9月增长（%）"], *ROWS]
    assert _import(invoke, dated, _file(tmp_path, rows, "utf-8", "b")).exit_code == 0
    assert _values(plain) == _values(dated) == JULY


@pytest.mark.parametrize("header", ["1-9月累计值（亿元）", "1-9月绝对值"])
def test_the_amount_alone_of_a_growth_target_says_it_is_the_amount_naming_the_column(
    invoke: Any, tmp_path: Path, header: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, [["指标", header], ["地区生产总值", "68725.40"]], "utf-8")
    done = _import(invoke, ledger, path)
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    assert "gdp is a growth target" in said and f"gives only '{header}', its amount" in said
    assert not ledger.exists()


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
def test_a_series_of_amounts_after_their_periods_imports_each_period(
    invoke: Any, tmp_path: Path, form: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [
        ["指标", "1-4月累计值", "1-5月累计值", "1-6月累计值"],
        ["新建5G基站", "60", "90", "120"],
    ]
    done = _import(invoke, ledger, _file(tmp_path, rows, form), plan="guandu-2022")
    assert done.exit_code == 0, done.output
    assert _values(ledger) == {  # (1-6月 of a quarterly target: its Q2, as a lone column)
        ("new_5g_base_stations", period): (Decimal(value), None)
        for period, value in (("2022-04", "60"), ("2022-05", "90"), ("2022-Q2", "120"))
    }


# ------------------------------------------------------------- 2. a series of mixed units

MIXED = [
    (
        ["指标", "1-2月（亿元）", "一季度（%）", "1-4月（%）"],
        "'1-2月（亿元）' (in 亿元); '一季度（%）', '1-4月（%）' (in %)",
        "'1-2月（亿元）'（单位：亿元）；'一季度（%）'、'1-4月（%）'（单位：%）",
    ),
    (  # (an amount and a growth for each period imports since session 40: bulletin_s40)
        ["指标", "1-6月（亿元）", "1-6月增长（%）", "1-9月（亿元）"],
        "'1-6月（亿元）', '1-9月（亿元）' (in 亿元); '1-6月增长（%）' (in %)",
        "'1-6月（亿元）'、'1-9月（亿元）'（单位：亿元）；'1-6月增长（%）'（单位：%）",
    ),
    (
        ["指标", "1-5月累计值", "1-6月增长（%）"],
        "'1-5月累计值' (no unit); '1-6月增长（%）' (in %)",
        "'1-5月累计值'（未注明单位）；'1-6月增长（%）'（单位：%）",
    ),
]


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("header", "en", "zh"), MIXED)
def test_a_series_of_mixed_units_is_refused_naming_its_columns_and_the_ledger_is_kept(
    invoke: Any, tmp_path: Path, header: list[str], en: str, zh: str, lang: str, form: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    first = _file(
        tmp_path, [["指标", "期间", "增长（%）"], ["地区生产总值", "一季度", "4.1"]], "utf-8", "q1"
    )
    assert _import(invoke, ledger, first).exit_code == 0
    kept = ledger.read_bytes()
    row = ["地区生产总值", *["1.5"] * (len(header) - 1)]
    path = _file(tmp_path, [header, row], form)
    done = _import(invoke, ledger, path, lang=lang)
    assert done.exit_code == 2
    said = done.stderr.strip()
    assert len(said.splitlines()) == 1 and "Traceback" not in said
    assert path.name in said
    if lang == "en":
        assert f"disagree on the unit: {en}; a series imports one figure a column" in said
    else:
        assert f"单位不一致：{zh}；按期间排列的各列只能是同一种数据" in said
    assert ledger.read_bytes() == kept


# ------------------------------------------------------------- 3. a series' summary


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
@pytest.mark.parametrize(
    ("lang", "dry", "expected"),
    [
        ("en", False, "imported {file}: 5 new, 0 revised, 0 unchanged of 5 figures in 2 rows"),
        ("en", True, "would import {file}: 5 new, 0 revised, 0 unchanged of 5 figures in 2 rows"),
        ("zh", False, "已导入 {file}：共 2 行 5 个数据：新增 5，修订 0，未变 0"),
    ],
)
def test_a_series_summary_counts_the_rows_and_their_figures(
    invoke: Any, tmp_path: Path, form: str, lang: str, dry: bool, expected: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [
        ["指标", "一季度（%）", "1-6月（%）", "1-9月（%）"],  # (a series session 38 reads)
        ["地方一般公共预算收入", "1.1", "2.4", "2.5"],
        ["地区生产总值", "4.1", "4.4", ""],
    ]
    path = _file(tmp_path, rows, form)
    done = _import(invoke, ledger, path, *(["--dry-run"] if dry else []), lang=lang)
    assert done.exit_code == 0, done.output
    said = " ".join(done.stderr.split())
    assert expected.format(file=f"{path}:Sheet" if form == "xlsx" else path) in said
    assert "of 5 rows" not in said


def test_a_one_period_file_keeps_its_rows_count(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, [["指标", "1-9月累计值（亿元）", "1-9月增长（%）"], *ROWS], "utf-8")
    done = _import(invoke, ledger, path)
    assert "2 new, 0 revised, 0 unchanged of 2 rows into" in " ".join(done.stderr.split())


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        (
            "en",
            "('累计%' does not say which figure it is: head it 累计增长（%） if it is the growth",
        ),
        ("zh", "（'累计%' 未写明是哪种数：若是百分比增速，请把表头写作 累计增长（%）"),
    ],
)
def test_a_bare_total_percent_header_stays_refused_saying_what_to_write(
    invoke: Any, tmp_path: Path, lang: str, hint: str
) -> None:
    """`累计%` is no header a bulletin writes (session 38): the growth or the amount?"""
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, [["2026年1-9月"], ["指标", "累计%", "增长（%）"], *ROWS], "utf-8")
    done = _import(invoke, ledger, path, lang=lang)
    assert done.exit_code == 2
    assert hint in " ".join(done.stderr.split())
    assert not ledger.exists()


def test_the_month_alone_beside_its_period_s_amount_and_growth_is_read_past(
    invoke: Any, tmp_path: Path
) -> None:
    """`指标,6月,1-6月绝对值,1-6月增长（%）` (a 主要经济指标 table): 6月 is the month alone."""
    ledger = tmp_path / "gd.progress.toml"
    rows = [
        ["指标", "6月", "1-6月绝对值", "1-6月增长（%）"],
        ["地区生产总值", "9000", "68725.40", "4.4"],
    ]
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == {("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40"))}


def test_one_period_s_amount_given_twice_names_both_columns(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [["指标", "1-6月（亿元）", "1-6月累计值（亿元）"], ["地区生产总值", "1", "2"]]
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"))
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    assert (
        "columns '1-6月（亿元）' and '1-6月累计值（亿元）' both mean 1-6月 本年累计(亿元)" in said
    )
    assert not ledger.exists()
