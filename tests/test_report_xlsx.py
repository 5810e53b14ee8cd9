"""`plancli template` and `plancli import FILE.xlsx`: the bureau's monthly sheet, both ways.

Template → filled in → imported keeps every value exactly; bad rows are reported as
FILE:SHEET:ROW and leave the ledger untouched; cells are read as Excel shows them.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from plancli.imports_xlsx import excel_number
from plancli.periods import parse_period
from plancli.report.template import TEMPLATE_COLUMNS, due_period

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", path)
    return path


@pytest.fixture
def ledger(plan: Path) -> Path:
    return plan.with_name("plan2022.progress.toml")


@pytest.fixture
def june(invoke, plan: Path) -> Path:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "import", str(FIXTURES / "report-june.csv"))
    assert result.exit_code == 0, result.output
    return plan


def history(invoke, plan: Path) -> dict[tuple[str, str], dict]:  # type: ignore[no-untyped-def,type-arg]
    result = invoke("--plan", str(plan), "history", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout, parse_float=Decimal)["records"]
    return {(r["target"], r["period"]): r for r in records if r["current"]}


def sheet_rows(path: Path, sheet: str = "input") -> list[dict[str, object]]:
    book = load_workbook(path)
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def write_book(path: Path, rows: list[list[object]], title: str = "Sheet1") -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)


# ---------------------------------------------------------------------------- template


@pytest.mark.parametrize(
    ("frequency", "at", "due"),
    [
        ("monthly", "2022-07", "2022-07"),
        ("quarterly", "2022-07", None),
        ("quarterly", "2022-06", "2022-Q2"),
        ("quarterly", "2022-H1", "2022-Q2"),
        ("monthly", "2022-Q3", "2022-09"),
        ("annual", "2022-Q3", None),
        ("annual", "2022-12", "2022"),
        ("quarterly", "2022", "2022-Q4"),
    ],
)
def test_due_period_follows_the_frequency(frequency: str, at: str, due: str | None) -> None:
    period = due_period(frequency, parse_period(at))  # type: ignore[arg-type]
    assert (str(period) if period else None) == due


def test_template_lists_the_targets_due_with_their_last_figure(  # type: ignore[no-untyped-def]
    invoke, june: Path, tmp_path: Path
) -> None:
    out = tmp_path / "june.xlsx"
    result = invoke("--plan", str(june), "template", str(out), "--period", "2022-06")
    assert result.exit_code == 0, result.output
    assert f"wrote {out}:" in result.stderr and "due for 2022-06" in result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["input", "notes"]
    notes = " ".join(str(c.value) for row in book["notes"].iter_rows() for c in row if c.value)
    # what the import does with a row not filled in (it told the user to delete it)
    assert "Rows of figures not out yet may stay blank: the import skips and counts them." in notes
    assert [c.value for c in book["input"][1]] == list(TEMPLATE_COLUMNS)
    assert book["input"].freeze_panes == "A2"
    rows = {r["target"]: r for r in sheet_rows(out)}
    assert rows["gdp"]["period"] == "2022-Q2"  # quarterly, in its own rhythm
    assert rows["gdp"]["last_value"] == 5 and rows["gdp"]["last_period"] == "2022-Q2"
    assert rows["gdp"]["unit"] == "growth % (amount: 亿元)"
    assert rows["retail_sales"]["period"] == "2022-06"
    assert rows["new_5g_base_stations"]["period"] == "2022-Q2"
    assert rows["new_5g_base_stations"]["last_value"] == 120  # as of June, not July's 150
    assert rows["new_5g_base_stations"]["name"] == "New 5G base stations"
    assert rows["retail_sales"]["value"] is None
    assert "investment_total" not in rows  # a roll-up: its parts are in the sheet
    assert "investment_roads" in rows
    assert "enterprise_service_centre_opened" not in rows  # a milestone already done
    assert "metaverse_demo_base_landed" in rows  # 20% done
    july = tmp_path / "july.csv"
    result = invoke("--plan", str(june), "template", str(july), "--period", "2022-07")
    assert result.exit_code == 0, result.output
    july_ids = {r["target"] for r in csv.DictReader(io.StringIO(july.read_text("utf-8-sig")))}
    assert "gdp" not in july_ids and "retail_sales" in july_ids  # only monthly ones in July
    assert "new_5g_base_stations" not in july_ids


def test_template_in_chinese_and_as_csv(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "june.csv"
    result = invoke("--plan", str(june), "--lang", "zh", "template", str(out), "-p", "2022-06")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 CSV only with the BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    # headed as the xlsx is since session 43 (the ids before, under --lang zh)
    g5 = next(r for r in rows if r["指标代码"] == "new_5g_base_stations")
    shown = (g5["指标名称（参考）"], g5["计量单位（参考）"], g5["已录最新数值（参考）"])
    assert shown == ("新建5G基站", "个（年初至今累计）", "120")
    stdout = invoke("--plan", str(june), "template", "-", "--period", "2022-06")
    assert stdout.exit_code == 0
    assert stdout.stdout.startswith("target,period,value,amount,note,source,name,unit,")


def test_template_does_not_replace_a_file_without_force(invoke, plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "june.xlsx"
    out.write_bytes(b"filled in by somebody")
    result = invoke("--plan", str(plan), "template", str(out), "--period", "2022-06")
    assert result.exit_code == 2 and "use --force" in result.stderr
    assert out.read_bytes() == b"filled in by somebody"
    result = invoke("--plan", str(plan), "template", str(out), "--period", "2022-06", "--force")
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("june.txt", "--period", "2022-06"), "write a .xlsx or .csv file"),
        (("june.xlsx", "--period", "2021-06"), "outside the plan year 2022"),
        (("june.xlsx", "--period", "2022-13"), "malformed period"),
    ],
)
def test_template_bad_input(
    invoke, plan: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "template", str(tmp_path / args[0]), *args[1:])
    assert result.exit_code == 2
    assert message in result.stderr


# ------------------------------------------------------------------------- round trip


def test_xlsx_round_trip_keeps_every_value(invoke, june: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "june.xlsx"
    assert invoke("--plan", str(june), "template", str(out), "--period", "2022-09").exit_code == 0
    book = load_workbook(out)
    sheet = book["input"]
    header = [c.value for c in sheet[1]]
    filled: dict[str, tuple[object, object, str | None, str | None]] = {}
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=1):
        cells = dict(zip(header, row, strict=True))
        target = str(cells["target"].value)
        kind_amount = "amount" in str(cells["unit"].value)
        value: object = round(number * 1.1, 2) if not target.startswith("metaverse") else 60
        amount = 1441.37 if kind_amount else None  # a float that is not exact in binary
        note = "三季度 & <b>" if number % 2 else None
        source = "区统计局" if number % 3 else None
        for field, item in (
            ("value", value),
            ("amount", amount),
            ("note", note),
            ("source", source),
        ):
            cells[field].value = item
        filled[target] = (value, amount, note, source)
    book.save(out)
    result = invoke("--plan", str(june), "import", str(out))
    assert result.exit_code == 0, result.output
    assert f"imported {out}:input: {len(filled)} new" in result.stderr
    periods = {str(r["target"]): str(r["period"]) for r in sheet_rows(out)}
    records = history(invoke, june)
    for target, (value, amount, note, source) in filled.items():
        record = records[(target, periods[target])]
        assert record["value"] == Decimal(str(value)), target
        assert record["amount"] == (Decimal(str(amount)) if amount is not None else None)
        assert (record["note"], record.get("source")) == (note, source)
    again = invoke("--plan", str(june), "import", str(out))
    assert again.exit_code == 0 and "nothing to import" in again.stderr
    assert f"0 new, 0 revised, {len(filled)} unchanged" in again.stderr


def test_filled_csv_template_imports_and_unknown_columns_are_still_refused(  # type: ignore[no-untyped-def]
    invoke, june: Path, tmp_path: Path, ledger: Path
) -> None:
    out = tmp_path / "june.csv"
    assert invoke("--plan", str(june), "template", str(out), "-p", "2022-07").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    for row in rows:
        row["value"] = "3.5"
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = invoke("--plan", str(june), "import", str(filled))
    assert result.exit_code == 0, result.output
    assert history(invoke, june)[("retail_sales", "2022-07")]["value"] == Decimal("3.5")
    before = ledger.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value,name,remark\nretail_sales,2022-08,4,x,y\n", "utf-8")
    result = invoke("--plan", str(june), "import", str(bad))
    assert result.exit_code == 2 and "unknown column(s) 'remark'" in result.stderr
    assert ledger.read_bytes() == before


# ------------------------------------------------------------------------ reading cells


def test_bad_xlsx_rows_are_reported_by_sheet_and_row(
    invoke, june: Path, tmp_path: Path, ledger: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.xlsx"
    write_book(
        path,
        [
            ["Target", "Period", "Value", "Amount"],
            ["retail_sales", "2022-07", 6.5, None],
            ["retail_sales", "2022-13", 6.5, None],
            [None, None, None, None],  # an empty row is skipped, the numbering is Excel's
            ["new_5g_base_stations", "2022-07", "lots", None],
            ["new_5g_base_stations", "2022-08", 160, 3],
            ["gdp", "2022-Q3", None, None],
            ["g5", "2022-07", 1, None],
        ],
        title="7月",
    )
    before = ledger.read_bytes()
    result = invoke("--plan", str(june), "import", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}:7月: 5 bad rows; nothing was imported"
    assert lines[1].startswith(f"{path}:7月:3: target retail_sales: malformed period '2022-13'")
    assert lines[2].startswith(
        f"{path}:7月:5: target new_5g_base_stations: value 'lots' is not a number"
    )
    assert lines[3].startswith(
        f"{path}:7月:6: new_5g_base_stations is a cumulative target and has no amount"
    )
    assert lines[4] == f"{path}:7月:7: no value for gdp"
    assert lines[5].startswith(f"{path}:7月:8: unknown target 'g5'")
    assert ledger.read_bytes() == before


def test_cells_are_read_as_excel_shows_them(invoke, plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["target", "period", "value", "amount", "note"])
    sheet.append(["retail_sales", datetime(2022, 6, 1), 0.052, 300.1, 20220630])
    sheet["C2"].number_format = "0.0%"  # Excel shows 5.2%
    sheet.append(["new_5g_base_stations", "2022-06", 120.00000000000001, None, None])
    sheet.append(["gdp", 2022, 7.1, None, None])
    book.save(path)
    result = invoke("--plan", str(plan), "import", str(path))
    assert result.exit_code == 0, result.output
    records = history(invoke, plan)
    assert records[("retail_sales", "2022-06")]["value"] == Decimal("5.2")
    assert records[("retail_sales", "2022-06")]["note"] == "20220630"
    assert records[("new_5g_base_stations", "2022-06")]["value"] == 120
    assert records[("gdp", "2022")]["value"] == Decimal("7.1")


def test_a_percentage_cell_for_a_count_is_refused(invoke, plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["target", "period", "value"])
    sheet.append(["new_5g_base_stations", "2022-06", 1.2])
    sheet["C2"].number_format = "0%"
    book.save(path)
    result = invoke("--plan", str(plan), "import", str(path))
    assert result.exit_code == 2
    assert (
        ":Sheet:2: target new_5g_base_stations: value '120%': this figure is not a percentage"
        in result.stderr
    )


def test_choosing_the_sheet(invoke, plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.xlsx"
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "cover"
    first.append(["官渡区统计月报"])
    data = book.create_sheet("data")
    data.append(["target", "period", "value"])
    data.append(["retail_sales", "2022-06", 5.6])
    book.save(path)
    result = invoke("--plan", str(plan), "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output  # a cover sheet: the table after it is read
    assert f"{path}: read the sheet 'data': the first sheet, 'cover', has no header" in (
        result.stderr
    )
    result = invoke("--plan", str(plan), "import", str(path), "--sheet", "cover")
    assert result.exit_code == 2  # --sheet is obeyed as given
    assert f"{path}:cover:1: unknown column(s) '官渡区统计月报'" in result.stderr
    result = invoke("--plan", str(plan), "import", str(path), "--sheet", "monthly")
    assert result.exit_code == 2
    assert "no sheet 'monthly'; the workbook has 'cover', 'data'" in result.stderr
    result = invoke("--plan", str(plan), "import", str(path), "--sheet", "data", "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would import {path}:data: 1 new" in result.stderr


def test_stray_cells_and_unreadable_workbooks(invoke, plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.xlsx"
    write_book(path, [["target", "period", "value"], ["retail_sales", "2022-06", 5.6, "x"]])
    result = invoke("--plan", str(plan), "import", str(path))
    assert result.exit_code == 2
    assert (
        f"{path}:Sheet1:2: target retail_sales: a value in column(s) D, which have no header"
        in (result.stderr)
    )
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = invoke("--plan", str(plan), "import", str(broken))
    assert result.exit_code == 2 and "not a readable .xlsx workbook" in result.stderr
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = invoke("--plan", str(plan), "import", str(old))
    assert result.exit_code == 2 and "save it as .xlsx" in result.stderr
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("target,period,value\nretail_sales,2022-06,5.6\n", "utf-8")
    result = invoke("--plan", str(plan), "import", str(csv_file), "--sheet", "x")
    assert result.exit_code == 2 and "--sheet is for .xlsx workbooks" in result.stderr
    for result in (
        invoke("--plan", str(plan), "import", str(path)),
        invoke("--plan", str(plan), "import", str(broken)),
    ):
        assert "Traceback" not in result.output


def test_xlsx_from_stdin(invoke, plan: Path, tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    from plancli.cli import app

    path = tmp_path / "in.xlsx"
    write_book(path, [["target", "period", "value"], ["retail_sales", "2022-06", 5.6]])
    result = runner.invoke(app, ["--plan", str(plan), "import", "-"], input=path.read_bytes())
    assert result.exit_code == 0, result.output
    assert "imported <stdin>:Sheet1: 1 new" in result.stderr


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (5.2, "5.2"),
        (5.2000000000000002, "5.2"),
        (0.1 + 0.2, "0.3"),
        (1441.37, "1441.37"),
        (310, "310"),
        (-0.3, "-0.3"),
        (123456789.123456789, "123456789.123457"),
    ],
)
def test_excel_numbers_have_fifteen_significant_digits(number: float, shown: str) -> None:
    assert excel_number(number) == Decimal(shown)


def test_records_sheet_marks_one_figure_per_position(tmp_path: Path) -> None:
    """2022-06 recorded after 2022-Q2 replaces it: only the month is current, as in gap."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from plancli.model import Record
    from plancli.periods import parse_period
    from plancli.plan import load_plan
    from plancli.report.model import _records

    plan = load_plan("guandu-2022")
    at = datetime(2022, 7, 5, tzinfo=UTC)
    records = [
        Record(target="new_5g_base_stations", period=p, value=Decimal(v), recorded_at=at, batch=b)
        for p, v, b in (("2022-Q2", "160", "b1"), ("2022-06", "170", "b2"))
    ]
    rows = _records(plan, records, parse_period("2022-06"))
    assert [(r.period, r.current) for r in rows] == [("2022-Q2", False), ("2022-06", True)]
