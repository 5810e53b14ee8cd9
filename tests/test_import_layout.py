"""Bulletins laid out as bureaus lay them out (the bulletin audit B, §3, §6-9, §11, §12):
formulas read as their cells show them, two-row headers, a period and 单位 line under the
title, a unit in a target's name, a cover sheet, and the messages of a refusal."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger
from plancli.xlsx_formats import parse_number_format


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--ledger", str(ledger), "import", str(path), *args)


def _values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}


def _saved(book, path: Path, values: dict[str, str]) -> Path:  # type: ignore[no-untyped-def]
    """Save an openpyxl workbook with the values Excel would save with its formulas
    (openpyxl saves none): `values` maps a cell of the first sheet (D2) to its value."""
    plain = path.with_suffix(".tmp.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in values.items():
                    data = re.sub(
                        rb'(<c r="' + ref.encode() + rb'"[^>]*>)<f>(.*?)</f>(<v\s*/>|<v></v>)?',
                        rb"\1<f>\2</f><v>" + value.encode() + rb"</v>",
                        data,
                    )
            target.writestr(item, data)
    return path


# ------------------------------------------------------------ §3: formulas as Excel shows them


@pytest.mark.parametrize(
    ("code", "decimals"),
    [
        ("0.0", 1),
        ("#,##0.00", 2),
        ("0.0%", 1),
        ('0.0"%"', 1),
        ("0_ ", 0),
        ("#,##0.0_);(#,##0.0)", 1),
        ("General", None),
        ("0.00E+00", None),
        ("0.0,", None),
        ("yyyy-mm", None),
        ("@", None),
    ],
)
def test_the_decimals_a_number_format_shows(code: str, decimals: int | None) -> None:
    assert parse_number_format(code).sections[0].decimals == decimals


def _growth_sheet(formula: str, number_format: str):  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "进度"
    sheet.append(["指标", "期间", "累计值", "累计增长"])
    sheet.append(["社会消费品零售总额", "2022年6月", 330.8, formula])
    sheet["D2"].number_format = number_format
    return book


@pytest.mark.parametrize(
    ("formula", "number_format", "saved"),
    [
        ("=C2/310.6*100-100", "0.0", "6.5041854475209"),  # the audit's sheet
        ("=C2/310.6-1", "0.0%", "6.5041854475209E-2"),  # a growth as a percentage
        ('=TEXT(1,"0")*6.5041854475209', '0.0"%"', "6.5041854475209"),  # a literal %
    ],
)
def test_a_formulas_value_is_read_as_its_format_shows_it(
    invoke, ledger: Path, tmp_path: Path, formula: str, number_format: str, saved: str
) -> None:  # type: ignore[no-untyped-def]
    """Excel saves a formula's value in full (6.5041854475209) and shows it by the cell's
    format (`0.0`: 6.5). It was refused: '6.5041854475209' has more than 10 decimals."""
    path = _saved(_growth_sheet(formula, number_format), tmp_path / "f.xlsx", {"D2": saved})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger)[("retail_sales", "2022-06")] == (Decimal("6.5"), Decimal("330.8"))


def test_a_typed_number_is_read_as_typed_whatever_its_format(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A figure typed in a cell is the figure (the formula bar shows it): only a formula's
    computed digits are rounded as the cell shows them."""
    book = _growth_sheet("", "0.0")
    sheet = book.active
    sheet["D2"] = 6.55
    sheet["D2"].number_format = "0.0"
    book.save(tmp_path / "typed.xlsx")
    result = _import(invoke, ledger, tmp_path / "typed.xlsx")
    assert result.exit_code == 0, result.output
    assert _values(ledger)[("retail_sales", "2022-06")][0] == Decimal("6.55")


def test_a_formula_shown_in_full_with_too_many_decimals_is_refused_naming_it(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Under General, which of 13 decimals the table means is not known: the refusal names
    the cell and the formula, and says how to round it (it said only '6.5041854475209 has
    more than 10 decimal places')."""
    book = _growth_sheet("=C2/310.6*100-100", "General")
    path = _saved(book, tmp_path / "g.xlsx", {"D2": "6.5041854475209"})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:进度:2: cell D2 holds the formula =C2/310.6*100-100, whose value "
        "6.5041854475209 has more than 10 decimals and a format that shows every one "
        "(General); give the cell a number format with the decimals the table shows (0.0), "
        "or round it: =ROUND(C2/310.6*100-100,1)"
    )
    assert not ledger.exists()
