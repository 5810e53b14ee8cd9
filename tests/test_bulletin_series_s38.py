"""Session 38 (series): a bulletin whose header names a series of periods across the columns,
`指标,一季度（%）,1-4月（%）,1-5月（%）,1-6月（%）`, imports every period column as that
period's figures in one batch, each column read as a lone column of its period is; session 37
refused it with advice. And two leftovers of session 37, each reproduced on main (3477eb82): a
period read from the header was said to be "as its title or file name says"; an .xlsx header
date Excel made of a typed `2022-6` showed as `2022-06-01t00:00:00` (or was read silently as
the year to date beside a 期间 column).

Figures: Guandu 2022 (tests/fixtures/report-june.csv, the June report's): GDP 一季度 +4.2 %,
上半年 +5.0 %; fixed-asset investment 1-4月 −1.2 %, 1-5月 −0.4 %, 1-6月 0.0 %; retail sales
1-4月 +3.1 %, 1-5月 +4.0 %, 1-6月 +5.6 %; 5G base stations 120 by June.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sheets import sheet_file
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name

HEADER = ["指标", "一季度(%)", "1-4月(%)", "1-5月(%)", "1-6月(%)"]
SERIES = [
    HEADER,
    ["地区生产总值", "4.2", "", "—", "5.0"],  # quarterly: 1-4月, 1-5月 not published
    ["固定资产投资(不含农户)", "", "-1.2", "-0.4", "0.0"],
    ["社会消费品零售总额", "", "3.1", "4.0", "5.6"],
]
RECORDS = [
    ("gdp", "2022-Q1", 4.2),
    ("fixed_asset_investment", "2022-04", -1.2),
    ("retail_sales", "2022-04", 3.1),
    ("fixed_asset_investment", "2022-05", -0.4),
    ("retail_sales", "2022-05", 4.0),
    ("gdp", "2022-Q2", 5.0),  # 1-6月 of a quarterly target: its Q2, as a lone 1-6月 column
    ("fixed_asset_investment", "2022-06", 0.0),
    ("retail_sales", "2022-06", 5.6),
]


def _csv(tmp_path: Path, rows: list[list[str]], encoding: str, name: str = "series.csv") -> Path:
    path = tmp_path / name
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding=encoding)
    return path


def _figure(cell: str) -> object:
    try:
        return float(cell)
    except ValueError:
        return cell or None


def _xlsx(tmp_path: Path, rows: list[list[str]], name: str = "series.xlsx") -> Path:
    return sheet_file(tmp_path, [[row[0], *map(_figure, row[1:])] for row in rows], name)


def _file(tmp_path: Path, rows: list[list[str]], form: str) -> Path:
    return _xlsx(tmp_path, rows) if form == "xlsx" else _csv(tmp_path, rows, form)


def _records(done: Any) -> list[tuple[str, str, float]]:
    assert done.exit_code == 0, done.stderr
    found = json.loads(done.stdout)["records"]
    return sorted(((r["target"], r["period"], r["value"]) for r in found), key=_order)


def _order(record: tuple[str, str, float]) -> tuple[int, str]:
    period = record[1]
    return (int(period[-1]) * 3 if "Q" in period else int(period[-2:])), record[0]


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
def test_a_series_imports_every_period_in_one_batch_that_one_undo_removes(
    run: Callable[..., Any], tmp_path: Path, form: str
) -> None:
    done = run("import", str(_file(tmp_path, SERIES, form)), "--json")
    assert _records(done) == sorted(RECORDS, key=_order)
    said = " ".join(done.stderr.split())
    assert (
        "no period column; the header names 4 periods, 一季度(%) to 1-6月(%), each column its "
        "period's figures (8 in all)"
    ) in said
    # (the summary counts a quarter's figures with its last month's: 2022-Q2 under 2022-06; a
    # quarter's alone is named as its rows spell it, 2022-Q1: session 41)
    assert "by period: 2022-Q1: 1 new; 2022-04: 2 new; 2022-05: 2 new; 2022-06: 3 new" in said
    batches = {r["batch"] for r in json.loads(run("history", "--json").stdout)["records"]}
    assert len(batches) == 1
    undone = run("undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert "reverted 8 records" in undone.stderr
    assert json.loads(run("history", "--json").stdout)["records"] == []


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
@pytest.mark.parametrize("column", [1, 2, 3, 4])
def test_each_column_of_a_series_reads_as_a_lone_column_of_its_period(
    run: Callable[..., Any], tmp_path: Path, form: str, column: int
) -> None:
    """The meaning a single column has today, for each target: the series' records of one
    column are the records of a file of that column alone."""
    series = _records(run("import", str(_file(tmp_path, SERIES, form)), "--dry-run", "--json"))
    lone = [[row[0], row[column]] for row in SERIES if row[column] not in ("", "—")]
    alone = _records(run("import", str(_file(tmp_path, lone, form)), "--dry-run", "--json"))
    assert alone  # (every column holds a figure)
    assert [r for r in series if r[1] in {a[1] for a in alone}] == alone


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
def test_one_bad_cell_refuses_the_whole_series_and_writes_nothing(
    run: Callable[..., Any], tmp_path: Path, form: str
) -> None:
    before = run("record", "new_5g_base_stations", "120", "--period", "2022-06")
    assert before.exit_code == 0, before.stderr
    kept = run.ledger.read_bytes()  # type: ignore[attr-defined]
    rows = [list(row) for row in SERIES]
    rows[3][3] = "4.O"  # a letter O typed for a zero, retail sales 1-5月
    done = run("import", str(_file(tmp_path, rows, form)))
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    assert "1 bad row; nothing was imported" in said
    assert ":4: target retail_sales: '1-5月(%)' '4.O' is not a number" in said
    assert run.ledger.read_bytes() == kept  # type: ignore[attr-defined]


def test_a_growth_target_in_a_series_of_amounts_is_refused_as_a_lone_column_is(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """Amounts without units: 本年累计 in each column, a cumulative target's figure and no
    growth target's (its figure is the growth %): refused naming the series' columns."""
    rows = [["指标", "1-4月", "1-5月", "1-6月"], ["新建5G基站", "80", "100", "120"]]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")), "--dry-run", "--json")
    assert [(r["period"], r["value"]) for r in json.loads(done.stdout)["records"]] == [
        ("2022-04", 80),
        ("2022-05", 100),
        ("2022-Q2", 120),  # a lone 1-6月 column's reading of this quarterly target too
    ]
    rows.append(["社会消费品零售总额", "220.4", "280.5", "340.6"])
    done = run("import", str(_csv(tmp_path, rows, "gb18030")))
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    assert (
        ":3: retail_sales is a growth target: its figure is the growth %, and the file gives "
        "only '1-4月…1-6月', its amount; add a 累计增长 column"
    ) in said
    assert said.count("retail_sales is a growth target") == 1  # once a row, not a period
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_a_series_in_chinese(run: Callable[..., Any], tmp_path: Path) -> None:
    done = run("import", str(_csv(tmp_path, SERIES, "utf-8")), lang="zh")
    assert done.exit_code == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert "表头列出 4 个期间（一季度(%) 至 1-6月(%)），各列为其期间的数据（共 8 个）" in said


def test_a_title_naming_another_period_than_the_series_last_is_refused(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [["2022年1-5月主要经济指标"], *SERIES]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")))
    assert done.exit_code == 2
    assert "the title says 2022年1-5月 and the header 1-6月" in done.stderr
    rows[0] = ["2022年1-6月主要经济指标"]
    assert run("import", str(_csv(tmp_path, rows, "utf-8")), "--dry-run").exit_code == 0


def test_a_two_row_series_is_refused_saying_it_is_a_series_and_what_to_write(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [
        ["指标", "1-5月", "", "1-6月", ""],
        ["", "绝对值(亿元)", "增长(%)", "绝对值", "增长"],
        ["社会消费品零售总额", "280.5", "4.0", "340.6", "5.6"],
    ]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")))
    assert done.exit_code == 2
    said = " ".join(done.stderr.split())
    # before: "…knows no column '1-5月/绝对值(亿元)', …; give each column one header in row 1"
    assert (
        ":2: rows 1 and 2 are a two-row header over a series of 2 periods ('1-5月', '1-6月'), "
        "each over its own columns; a series imports from one header row"
    ) in said
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_a_series_of_months_alone_is_refused_saying_how_to_import_it(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """A month alone (`2022年6月`) may head the month's figures or the year's to date, alone as
    in a series: refused, as one is, saying what makes the series import."""
    rows = [["指标", "2022年4月", "2022年5月", "2022年6月"], ["新建5G基站", "80", "100", "120"]]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")))
    assert done.exit_code == 2
    assert (
        "the header names 3 months ('2022年4月', '2022年5月', '2022年6月'), a series across the "
        "columns, and a month alone may head the month's figures or the year's to date: for "
        "the year to date rename each to its months from January (2022年1-4月…)"
    ) in " ".join(done.stderr.split())
    rows[0] = ["指标", "2022年1-4月", "2022年1-5月", "2022年1-6月"]  # as it says
    assert run("import", str(_csv(tmp_path, rows, "utf-8"))).exit_code == 0


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
def test_a_period_read_from_the_header_is_said_to_be_the_header_s(
    run: Callable[..., Any], tmp_path: Path, form: str
) -> None:
    rows = [["指标", "1-6月"], ["新建5G基站", "120"]]
    done = run("import", str(_file(tmp_path, rows, form)), "--dry-run")
    assert done.exit_code == 0, done.stderr
    # before: "every row is for 1-6月, as its title or file name says"
    assert "no period column; every row is for 1-6月, read from the header" in done.stderr
    titled = [["2022年1-6月主要经济指标"], ["指标", "本年累计"], ["新建5G基站", "120"]]
    done = run("import", str(_file(tmp_path, titled, form)), "--dry-run")
    assert "every row is for 2022年1-6月, as its title or file name says" in done.stderr


def test_a_lone_period_column_with_its_unit_reads_as_without_and_checks_the_unit(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    rows = [["指标", "1-6月(%)"], ["社会消费品零售总额", "5.6"]]
    done = run("import", str(_csv(tmp_path, rows, "utf-8")), "--dry-run", "--json")
    assert _records(done) == [("retail_sales", "2022-06", 5.6)]  # before: unknown column
    rows = [["指标", "1-6月(万元)"], ["新建5G基站", "120"]]  # 万元 for a count: warned
    done = run("import", str(_csv(tmp_path, rows, "utf-8")), "--dry-run")
    assert "column '1-6月(万元)' is in 万元 and the plan counts 个" in done.stderr
    rows = [["指标", "1-6月(万元)"], ["社会消费品零售总额", "3406000"]]  # and its amount's
    done = run("import", str(_csv(tmp_path, rows, "utf-8")))
    assert done.exit_code == 2
    assert "column '1-6月(万元)' is in 万元 and the plan counts 亿元" in done.stderr


@pytest.mark.parametrize(
    ("header", "shown"),
    [
        # typed 2022-6 beside a 期间 column: before, read silently as 本年累计 and named
        # '2022-06-01T00:00:00'; now the header a CSV's `2022-06` is, refused with the renames
        (["指标", "期间", datetime.datetime(2022, 6, 1)], "unknown column(s) '2022-06'"),
        (
            ["指标", datetime.datetime(2022, 6, 1), datetime.datetime(2022, 6, 30)],
            "unknown column(s) '2022-06', '2022-06-30'",  # before: '2022-06-30t00:00:00'
        ),
    ],
)
def test_an_xlsx_header_date_shows_as_typed(
    run: Callable[..., Any], tmp_path: Path, header: list[object], shown: str
) -> None:
    path = sheet_file(tmp_path, [header, ["社会消费品零售总额", "1-6月", 340.6][: len(header)]])
    done = run("import", str(path))
    assert done.exit_code == 2
    assert shown in done.stderr
    assert "t00:00:00" not in done.stderr.lower()


def test_a_series_cell_in_words_reads_as_in_a_lone_column(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """`下降0.4`, `增长5.6%`: a bulletin's words for a figure, as a lone column reads them (a
    first reading refused them as no number)."""
    rows = [
        ["指标", "1-5月(%)", "1-6月(%)"],
        ["固定资产投资(不含农户)", "下降0.4", "0.0"],
        ["社会消费品零售总额", "增长4.0%", "增长5.6%"],
    ]
    done = run("import", str(_csv(tmp_path, rows, "gb18030")), "--dry-run", "--json")
    assert _records(done) == [
        ("fixed_asset_investment", "2022-05", -0.4),
        ("retail_sales", "2022-05", 4.0),
        ("fixed_asset_investment", "2022-06", 0.0),
        ("retail_sales", "2022-06", 5.6),
    ]
