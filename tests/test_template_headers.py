"""The Chinese fill-in sheet's header (session 24): `plancli --lang zh template X.xlsx` wrote
the CSV's column ids (target, period, value, amount, …) over the columns a department's clerk
fills in. Its header is in Chinese words (指标代码, 期间, 本期数值, 对应总量, …), which the import
reads back as the columns they name: template → fill → import records the same figures from
the Chinese sheet as from the English one and from the CSV, and a changed sheet is refused
naming its columns as its header does."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plancli.stores.toml import read_toml_ledger

GUANDU = ("--plan", "guandu-2022")
ZH_HEADER = [
    "指标代码",
    "期间",
    "本期数值",
    "对应总量",
    "备注",
    "数据来源",
    "指标名称（参考）",
    "计量单位（参考）",
    "已录最新数值（参考）",
    "已录最新期间（参考）",
]
EN_HEADER = [
    "target",
    "period",
    "value",
    "amount",
    "note",
    "source",
    "name",
    "unit",
    "last_value",
    "last_period",
]
# What the clerk types: value, amount, note, source (columns C-F of every form of the sheet).
FILLED: dict[str, tuple[object, object, str | None, str | None]] = {
    "gdp": (5.2, 1234.5, "区统计局 1–6月", "统计月报"),
    "retail_sales": (6.1, 456.7, None, None),
    "unemployment_rate": (4.2, None, None, None),
    "tech_smes_certified": (35, None, None, "区科技局"),
    "new_urban_jobs": (1.25, None, "上半年", None),
    "sea_regional_hq_base_landed": ("done", None, None, None),
}
RECORDS = [
    ("gdp", "2022-Q2", "5.2", "1234.5", "区统计局 1–6月", "统计月报"),
    ("retail_sales", "2022-06", "6.1", "456.7", None, None),
    ("unemployment_rate", "2022-Q2", "4.2", None, None, None),
    ("tech_smes_certified", "2022-Q2", "35", None, None, "区科技局"),
    ("new_urban_jobs", "2022-06", "1.25", None, "上半年", None),
    ("sea_regional_hq_base_landed", "2022-Q2", "100", None, None, None),
]


def _template(invoke, path: Path, lang: str) -> Path:  # type: ignore[no-untyped-def]
    result = invoke(*GUANDU, "--lang", lang, "template", str(path), "--period", "2022-06")
    assert result.exit_code == 0, result.output
    return path


def _fill_xlsx(path: Path, cells: dict[str, dict[int, object]]) -> None:
    """Type into the sheet: {target: {column number (1 = A): value}}."""
    book = load_workbook(path)
    sheet = book.worksheets[0]  # `input`, or `填报` under --lang zh (session 31)
    for row in sheet.iter_rows(min_row=2):
        for column, value in cells.get(str(row[0].value), {}).items():
            row[column - 1].value = value
    book.save(path)


def _fill_csv(path: Path, cells: dict[str, dict[int, object]]) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        for column, value in cells.get(row[0], {}).items():
            row[column - 1] = str(value)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _filled() -> dict[str, dict[int, object]]:
    return {
        target: {c: v for c, v in zip(range(3, 7), figures, strict=True) if v is not None}
        for target, figures in FILLED.items()
    }


def test_the_chinese_sheet_has_a_header_a_clerk_reads(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "六月.xlsx"
    result = invoke(*GUANDU, "--lang", "zh", "template", str(path), "--period", "2022-06")
    assert result.exit_code == 0, result.output
    assert (
        f"2022-06 应报 77 行；填好 本期数值 后运行 `plancli --plan guandu-2022 import {path}`"
        in result.stderr
    )
    book = load_workbook(path)
    assert book.sheetnames == ["填报", "说明"]  # Chinese sheet names (session 31: input, notes)
    sheet = book["填报"]
    assert [c.value for c in sheet[1]] == ZH_HEADER
    gdp = [c.value for c in sheet[2]]
    assert gdp[:2] == ["gdp", "2022-Q2"]
    assert gdp[6:8] == ["地区生产总值", "增速%（对应总量列：亿元）"]  # the column as it is headed
    notes = book["说明"]["A1"].value
    assert notes.startswith("请填写“本期数值”（及适用的“对应总量”“备注”“数据来源”）")
    english = load_workbook(_template(invoke, tmp_path / "june.xlsx", "en"))["input"]
    assert [c.value for c in english[1]] == EN_HEADER  # the ids the docs and messages name
    assert english["H2"].value == "growth % (amount: 亿元)"


@pytest.mark.parametrize(
    ("lang", "suffix"), [("zh", "xlsx"), ("en", "xlsx"), ("zh", "csv"), ("en", "csv")]
)
def test_template_fill_import_records_the_same_figures(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, lang: str, suffix: str
) -> None:
    sheet = _template(invoke, tmp_path / f"sheet.{suffix}", lang)
    (_fill_xlsx if suffix == "xlsx" else _fill_csv)(sheet, _filled())
    ledger = tmp_path / "ledger.toml"
    result = invoke(*GUANDU, "--ledger", str(ledger), "--lang", lang, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert ("跳过71个空白行" if lang == "zh" else "71 blank rows skipped") in result.stderr, (
        result.stderr
    )
    records = read_toml_ledger(ledger).records
    got = [
        (
            r.target,
            r.period,
            str(r.value),
            None if r.amount is None else str(r.amount),
            r.note,
            r.source,
        )
        for r in records
    ]
    assert got == RECORDS
    assert records[0].value == Decimal("5.2")


@pytest.mark.parametrize(
    ("lang", "typed", "refusal"),
    [
        (
            "zh",
            "tech_smes_certified：数字 35 填在了 已录最新数值（参考） 列（仅供参考、不导入）；"
            "请填在 本期数值 列",
            "指标代码 为 new_parking_spaces，但 指标名称（参考） 列为 新建5G基站"
            "（new_5g_base_stations）；是否改动了 指标代码 列？",
        ),
        (
            "en",
            "tech_smes_certified: the figure 35 is in the last_value column (for reference, not "
            "imported); type it in the value column",
            "target is new_parking_spaces, but the name column says New 5G base stations",
        ),
    ],
    ids=["zh", "en"],
)
def test_a_changed_sheet_is_refused_naming_its_columns_as_headed(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, lang: str, typed: str, refusal: str
) -> None:
    """The grey columns' checks (`template_check`) hold under the Chinese header: a figure in
    已录最新数值（参考） with 本期数值 empty, and a target id changed under another's name."""
    sheet = _template(invoke, tmp_path / "sheet.xlsx", lang)
    book = load_workbook(sheet)
    rows = {str(row[0].value): row for row in book.worksheets[0].iter_rows(min_row=2)}
    rows["tech_smes_certified"][8].value = 35  # column I: the last value, for reference
    rows["new_5g_base_stations"][0].value = "new_parking_spaces"
    rows["new_5g_base_stations"][2].value = 150
    rows["retail_sales"][5].value = "区商务局"  # a source, and no figure
    book.save(sheet)
    ledger = tmp_path / "ledger.toml"
    result = invoke(*GUANDU, "--ledger", str(ledger), "--lang", lang, "import", str(sheet))
    assert result.exit_code != 0
    assert typed in result.stderr, result.stderr
    assert refusal in result.stderr, result.stderr
    no_value = (
        "缺少 value（retail_sales）：只填了 source，没有数值"
        if lang == "zh"
        else (
            "no value for retail_sales: only source filled; if the figure is not out yet, clear "
            "the row"
        )
    )
    assert no_value in result.stderr, result.stderr  # as in the English sheet and the CSV
    assert not ledger.exists()
