"""Session 37 (bulletin3): bulletin headers as the 福建 2026 walk and periods3 found them, each
reproduced on main (31be99d4).

- a series across the columns (`指标,1-2月,一季度,1-4月,1-5月,1-6月`) was refused saying a
  period column is read "when one runs from January", untrue (each does): the refusal says an
  import reads one period from a header and how to import the series;
- a CSV header `2026/1/6` (Excel's CSV of a header date made of a typed `1-6`; `2026-01-06`,
  `2026/1/6 0:00`) was `missing column(s) period`: read as `1-6` as the .xlsx header is;
- a CSV header `2022-06` was `missing column(s) period`: refused naming the renames.

Figures: Guandu 2022's retail sales 1-6月 340.6 亿元, +3.2 % (tests/fixtures/audit-c-h1.csv);
its GDP 一季度 +4.2 %, 上半年 +5.0 % (tests/fixtures/report-june.csv).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sheets import sheet_file
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

SERIES = [
    ["指标", "1-2月", "一季度", "1-4月", "1-5月", "1-6月"],
    ["社会消费品零售总额", "110.2", "165.3", "220.4", "280.5", "340.6"],
    ["地区生产总值", "3.1", "4.2", "4.5", "4.8", "5.0"],
]


def _csv(tmp_path: Path, rows: list[list[str]], encoding: str) -> Path:
    path = tmp_path / "series.csv"
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding=encoding)
    return path


def _xlsx(tmp_path: Path, rows: list[list[str]]) -> Path:
    cells = [[float(c) if c[:1].isdigit() and "月" not in c else c for c in row] for row in rows]
    return sheet_file(tmp_path, cells, "series.xlsx")


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
def test_a_series_across_the_columns_is_read_column_by_column(
    run: Callable[..., Any], tmp_path: Path, form: str
) -> None:
    """Session 38 imports a series (tests/test_bulletin_series_s38.py): this one's columns,
    without a unit, are each read as a lone `1-6月` column is, 本年累计, no growth target's
    figure. Session 37 refused it as a series ("an import reads one period from a header");
    before, "…is read when one runs from January…"."""
    path = _xlsx(tmp_path, SERIES) if form == "xlsx" else _csv(tmp_path, SERIES, form)
    done = run("import", str(path))
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    assert "runs from January" not in said
    assert "an import reads one period from a header" not in said
    assert (
        ":2: retail_sales is a growth target: its figure is the growth %, and the file gives "
        "only '1-2月…1-6月', its amount; add a 累计增长 column"
    ) in said
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_the_series_written_long_imports_every_period(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """What the refusal tells her to write: one batch of every period (growth targets)."""
    rows = [["指标", "期间", "本年累计", "累计增长"]]
    rows += [["地区生产总值", "一季度", "", "4.2"], ["地区生产总值", "1-6月", "", "5.0"]]
    rows += [["社会消费品零售总额", "1-6月", "340.6", "3.2"]]
    done = run("import", str(_csv(tmp_path, rows, "gb18030")), "--json")
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"]) for r in records] == [
        ("gdp", "2022-Q1", 4.2),
        ("gdp", "2022-Q2", 5.0),  # a quarterly target: 1-6月 is its Q2
        ("retail_sales", "2022-06", 3.2),
    ]


def test_a_series_in_chinese(run: Callable[..., Any], tmp_path: Path) -> None:
    """(Session 37's refusal, 表头写了 5 个从1月起的期间, is now said of a series two years
    span only: `2021年1-5月,2022年1-6月`.)"""
    rows = [["指标", "2021年1-5月", "2022年1-6月"], ["社会消费品零售总额", "280.5", "340.6"]]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")), lang="zh")
    assert done.exit_code == 2
    assert "表头写了 2 个从1月起的期间" in " ".join(done.stderr.split())


@pytest.mark.parametrize("cell", ["2026/1/6", "2026-01-06", "2026/1/6 0:00", "2022/1/6"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_csv_header_date_excel_wrote_for_1_6_heads_the_year_to_date(
    run: Callable[..., Any], tmp_path: Path, cell: str, encoding: str
) -> None:
    rows = [["指标", cell, "累计增长(%)"], ["社会消费品零售总额", "340.6", "3.2"]]
    done = run("import", str(_csv(tmp_path, rows, encoding)), "--json")
    assert done.exit_code == 0, done.stderr  # before: missing column(s) period
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"], r["amount"]) for r in records] == [
        ("retail_sales", "2022-06", 3.2, 340.6)
    ]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        # a real date beside it: a header of dates, not months (as the .xlsx rule)
        ("指标,2026/1/6,2026/6/30", "unknown column(s) '2026/1/6', '2026/6/30'"),
        ("指标,2026/4/6", "unknown column(s) '4-6'"),  # 4-6 typed: not year to date
    ],
)
def test_a_csv_header_date_that_is_no_year_to_date_is_refused(
    run: Callable[..., Any], tmp_path: Path, header: str, said: str
) -> None:
    path = tmp_path / "m.csv"
    figures = ",420" * header.count(",")
    path.write_text(f"{header}\n新建5G基站{figures}\n", "utf-8")
    done = run("import", str(path))
    assert done.exit_code == 2
    assert said in done.stderr


@pytest.mark.parametrize(
    ("header", "lang", "said"),
    [
        (
            "指标,2022-06,累计增长(%)",
            "en",
            "a header written as a month ('2022-06') may head the month's figures or the "
            "year's to date: rename '2022-06' to 2022年1-6月 for the year to date, or to 本月 "
            "for the month alone",
        ),
        ("指标,2022/6", "en", "rename '2022/6' to 2022年1-6月 for the year to date"),
        ("指标,2022-06", "zh", "把 '2022-06' 改为 2022年1-6月（年初至今），或改为“本月”（当月）"),
    ],
)
def test_a_header_of_plancli_s_month_code_says_what_to_write(
    run: Callable[..., Any], tmp_path: Path, header: str, lang: str, said: str
) -> None:
    path = tmp_path / "m.csv"
    figures = ",340.6,3.2" if header.count(",") == 2 else ",340.6"
    path.write_text(f"{header}\n社会消费品零售总额{figures}\n", "utf-8")
    done = run("import", str(path), lang=lang)
    assert done.exit_code == 2
    assert "missing column(s) period" not in done.stderr  # before
    assert said in " ".join(done.stderr.split())
    assert not run.ledger.exists()  # type: ignore[attr-defined]
