"""Audit S (session 23): a workbook's cell read as the spreadsheet shows it, or refused.

D1: number formats that change what Excel shows — the 万/亿 trick `0!.0,` and `0!.0000` (a
literal point), thousands scaling `#,##0.0,,`, scientific `0.0E+00`, hidden `;;;`. D8: a value
pasted with 15 decimals under `0.0` is read as the 6.5 it shows, as a formula is. D2: a part
declaring GB18030/GBK. D6: a value stored under a merge, not at its top-left. Figures checked
against LibreOffice's own rendering of the same cells (`soffice --convert-to csv`, "as shown").
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from hostile import Raw, Sheet, workbook
from plancli.errors import InputError
from plancli.imports_xlsx import parse_xlsx

HEADER = ("target", "period", "value")


def _read(data: bytes) -> tuple[list[str], list[str]]:
    """(the values read, the problems' messages) of a workbook's first sheet."""
    _name, rows, problems = parse_xlsx(io.BytesIO(data), "in.xlsx")
    return [str(row.entry.value) for row in rows], [p.message for p in problems]


def _one(number_format: str, stored: object) -> tuple[list[str], list[str]]:
    sheet = Sheet().row(1, *HEADER).row(2, "g5", "2022-06", stored, style=1)
    return _read(workbook(sheet, formats=[number_format]))


@pytest.mark.parametrize(
    ("number_format", "stored", "shown"),
    [
        ("0!.0,", 623456, "62.3"),  # 万元 shown as 亿元: Excel shows 62.3
        ("0\\.0,", 623456, "62.3"),
        ("0!.0000", 12345678, "1234.5678"),
        ('0"."0000', 12345678, "1234.5678"),
        ("0!.0000", 5, "0.0005"),
        ("#,##0.0,,", 62345678901, "62345.7"),  # millions: 62,345.7
        ("#,##0,", 1500, "2"),
        ('0.0"亿元"', 5.2, "5.2"),  # a unit written after the figure, the column's own
        ("G/通用格式", 1441.37, "1441.37"),  # General as a Chinese Excel or WPS writes it
        ("[DBNum1][$-804]G/通用格式", 5.2, "5.2"),
        ('[>=10000]0!.0,"万";0', 500, "500"),  # the condition fails: the second section
        ('[>=100000000]0!.00,,"亿";[>=10000]0!.0,"万";0', 5000, "5000"),
        ("0.0E+00", 62345678901, "62000000000"),  # 6.2E+10
        ("0.00E+00", 0.000123456, "0.000123"),  # 1.23E-04
        ("0.0", 6.504185447520912, "6.5"),  # D8: a value pasted with its float digits
        ("0.0", 6.55, "6.6"),  # a typed value as the cell shows it, as Excel rounds
        ("#,##0.00", 1441.37, "1441.37"),
        ("General", 1441.37, "1441.37"),
    ],
)
def test_a_number_is_read_as_its_format_shows_it(
    number_format: str, stored: object, shown: str
) -> None:
    assert _one(number_format, stored) == ([shown], [])


@pytest.mark.parametrize(
    ("number_format", "why"),
    [
        (";;;", "which its number format ';;;' hides (Excel shows the cell empty)"),
        ("0.0;;", "which its number format '0.0;;' hides"),
        ('"达标"', "shows as text, not as a figure"),
        ("# ?/?", "shows in a way plancli does not read as a figure"),
        ("##0.0E+0", "shows in a way plancli does not read as a figure"),
        ("#!.####", "shows in a way plancli does not read as a figure"),
        # A scaled figure with its own 万/亿 (62.3万 of a 元 column): not the column's unit
        ('0.0,,"百万"', "shows in a way plancli does not read as a figure"),
        ('[>=10000]0!.0,"万";0', "shows in a way plancli does not read as a figure"),
        ("[<0]0.0;0.00", "shows in a way plancli does not read as a figure"),
    ],
)
def test_a_number_its_format_hides_or_does_not_show_as_a_figure_is_refused(
    number_format: str, why: str
) -> None:
    stored = {"0.0;;": -80, "[<0]0.0;0.00": -80, '[>=10000]0!.0,"万";0': 623456}.get(
        number_format, 80
    )
    values, problems = _one(number_format, stored)
    assert values == []
    assert len(problems) == 1 and problems[0].startswith(f"cell C2 holds {stored}, ")
    assert why in problems[0]


def test_a_zero_an_accounting_format_shows_as_a_dash_is_zero() -> None:
    code = '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'
    assert _one(code, 0) == (["0"], [])
    assert _one(code, 12.345) == (["12.35"], [])


def test_a_value_with_more_decimals_than_plancli_keeps_shown_in_full_names_the_cell() -> None:
    """D8: under General it said only "value '6.50418544752091' has more than 10 decimal
    places"; now as a formula's: the cell, and what to do."""
    _values, problems = _one("General", 6.504185447520912)
    assert problems == [
        "cell C2 holds 6.50418544752091, which has more than 10 decimals and a format that "
        "shows every one (General); give the cell a number format with the decimals the table "
        "shows (0.0), or type the figure as the table shows it"
    ]


def test_a_formula_and_a_value_follow_one_rule() -> None:
    from plancli.xlsx_formats import cell_figure, parse_number_format

    shown = parse_number_format("0.0").shown(6.504185447520912)
    assert cell_figure(6.504185447520912, shown, "C2/1355.2*100-100") == Decimal("6.5")
    assert cell_figure(6.504185447520912, shown, None) == Decimal("6.5")


def test_a_percentage_with_scaling_reads_the_percent_shown() -> None:
    assert _one("0.0%", 0.065041854) == (["6.5%"], [])


def test_a_hidden_note_is_refused() -> None:
    sheet = (
        Sheet()
        .row(1, "target", "period", "value", "note")
        .row(2, "g5", "2022-06", 120, None)
        .row(3, "g5", "2022-05", 110, Raw('<c r="{ref}" s="1"><v>7</v></c>'))
    )
    _values, problems = _read(workbook(sheet, formats=[";;;"]))
    assert problems == [
        "cell D3 holds 7, which its number format ';;;' hides (Excel shows the cell empty), so "
        "plancli does not read it; clear the cell, or give it a number format that shows it (0.0)"
    ]


# ------------------------------------------------------------------ D2: declared encodings


def _sheet_xml(encoding: str) -> bytes:
    xml = Sheet().row(1, *HEADER).row(2, "新建基站", "2022年6月", 60).xml()
    return xml.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode(
        encoding, errors="strict"
    )


@pytest.mark.parametrize("encoding", ["GB18030", "GBK", "gb2312", "Big5"])
def test_a_sheet_declaring_a_chinese_encoding_is_read(encoding: str) -> None:
    data = workbook(Sheet(), parts={"xl/worksheets/sheet1.xml": _sheet_xml(encoding)})
    _name, rows, _problems = parse_xlsx(io.BytesIO(data), "in.xlsx")
    assert [(r.entry.target, r.entry.period, str(r.entry.value)) for r in rows] == [
        ("新建基站", "2022-06", "60")
    ]


@pytest.mark.parametrize(
    ("encoding", "why"),
    [
        ("x-no-such", "declares the encoding x-no-such, which plancli cannot read"),
        ("zlib_codec", "declares the encoding zlib_codec, which plancli cannot read"),
    ],
)
def test_a_sheet_declaring_an_encoding_python_cannot_decode_is_one_line(
    encoding: str, why: str
) -> None:
    xml = Sheet().row(1, *HEADER).xml().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    data = workbook(Sheet(), parts={"xl/worksheets/sheet1.xml": xml})
    with pytest.raises(InputError) as raised:
        parse_xlsx(io.BytesIO(data), "in.xlsx")
    assert (
        str(raised.value) == f"in.xlsx: refused: xl/worksheets/sheet1.xml {why}; save it as UTF-8"
    )


def test_bytes_that_are_not_the_declared_encoding_are_one_line() -> None:
    xml = Sheet().row(1, *HEADER).xml().replace('encoding="UTF-8"', 'encoding="GB18030"')
    bad = xml.encode().replace(
        b"target", b"targ\x81 et"
    )  # \x81 begins a GB char; a space ends none
    data = workbook(Sheet(), parts={"xl/worksheets/sheet1.xml": bad})
    with pytest.raises(InputError, match="declares the encoding GB18030, and holds bytes"):
        parse_xlsx(io.BytesIO(data), "in.xlsx")


def test_a_docx_declaring_gbk_is_read_not_called_a_damaged_zip() -> None:
    from plancli.extract.documents import document_text

    body = (
        '<?xml version="1.0" encoding="GBK"?><w:document xmlns:w="http://schemas.openxmlforma'
        'ts.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>地区生产总值增长5%左右。'
        "</w:t></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", body.encode("gbk"))
    assert document_text(out.getvalue(), "gbk.docx") == "地区生产总值增长5%左右。"


# ------------------------------------------------------------------ D6: values under merges


def _merged(sheet: Sheet, *refs: str) -> bytes:
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    xml = sheet.xml().replace(
        "</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{cells}</mergeCells>'
    )
    return workbook(xml)


def test_a_value_stored_under_a_merge_is_refused_naming_it() -> None:
    sheet = (
        Sheet()
        .row(1, *HEADER)
        .row(2, "g5", "2022-05", 60)
        .row(3, None, "2022-06", 62)
        .row(4, "gdp", "2022-06", 99)  # A4 under A2:A4: Excel shows g5
    )
    with pytest.raises(InputError) as raised:
        parse_xlsx(io.BytesIO(_merged(sheet, "A2:A4")), "in.xlsx")
    assert str(raised.value) == (
        "in.xlsx:Sheet1: cell A4 holds a value under the merged cell A2:A4, where Excel shows "
        "only A2's; plancli reads what Excel shows: clear A4, or unmerge the cells"
    )


def test_a_merge_over_the_whole_sheet_names_the_first_value_under_it() -> None:
    sheet = Sheet().row(1, *HEADER).row(2, "g5", "2022-06", 60).row(3, "g5", "2022-05", 50)
    with pytest.raises(
        InputError, match="cell B2 holds a value under the merged cell A2:XFD1048576"
    ):
        parse_xlsx(io.BytesIO(_merged(sheet, "A2:XFD1048576")), "in.xlsx")


def test_a_name_merged_down_over_empty_cells_is_still_read_on_each_row() -> None:
    sheet = Sheet().row(1, *HEADER).row(2, "g5", "2022-05", 60).row(3, None, "2022-06", 62)
    _name, rows, _problems = parse_xlsx(io.BytesIO(_merged(sheet, "A2:A3", "D2:E9")), "in.xlsx")
    assert [(r.entry.target, r.entry.period) for r in rows] == [
        ("g5", "2022-05"),
        ("g5", "2022-06"),
    ]


def test_values_under_merges_are_found_past_the_sets_of_columns_kept_together() -> None:
    """Rows fill the same columns, kept as one set; a crafted sheet's many sets fall back to
    a column each, and a value under a merge is still found (the first, by row)."""
    from plancli.xlsx_merges import Filled, Merges

    filled = Filled()
    for row in range(2, 2 + Filled._SETS + 50):
        filled.add(row, (*range(row % 7 + 1), row + 10))  # a new set a row
    merges = Merges()
    merges.add("C300:C400")
    merges.add("$A$100:$B$101")
    assert filled.hidden(merges) == (100, 1, "$A$100:$B$101")  # B100, not A100: the top-left
    past = Merges()
    past.add("C300:C400")  # rows past the 256th set: a column each
    assert filled.hidden(past) == (303, 2, "C300:C400")  # C300 is its top-left, 301-302 empty
    empty = Merges()
    empty.add("Z1:Z9")
    assert filled.hidden(empty) is None
