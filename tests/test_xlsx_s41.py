"""Session 41: the report's workbook (`plancli report --format xlsx`), read back with openpyxl,
with 北京's bundled 2026 plan and June's figures:

1. report/xlsx.py was at its ceiling (610 of 610 lines): a sheet's cells (the text guard, the
   status colours, number formats, widths, wrapping, A4 print) are `report/xlsx_cells.py`.
2. CPI off its band (2%左右, judged within 1.5–2.5 %) read 偏高 in the workbook but was
   coloured as 滞后 (behind's red): it has the HTML's 偏离区间 colour, on both sheets.
3. The 年中调整 sheet wrote an adjusted decline `下降 ≥ 3.8 %` where the report's list of
   adjustments (and the headline table) write `下降 ≥ 3.8%`: one function for both.
4. The workbook against the Markdown / HTML report of the same figures.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

PLAN = "beijing-2026"
STATE = "still to be set by the State"
SRC = Path(__file__).parent.parent / "src" / "plancli" / "report"


def _run(invoke: Any, ledger: Path, *args: str) -> Any:
    result = invoke("--plan", PLAN, "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def june(invoke: Any, tmp_path: Path) -> Path:
    """北京 2026's ledger as of June: GDP 5.0 (its place kept), CPI 2.8 (above its 1.5–2.5
    band), 能耗 adjusted mid-year to 下降3.8%以上 with a hostile note, 降碳 to 下降3.8%左右."""
    ledger = tmp_path / "beijing.progress.toml"
    _run(invoke, ledger, "record", "gdp", "5.0", "--period", "2026-06")
    _run(invoke, ledger, "record", "cpi", "2.8", "--period", "2026-06")
    _run(invoke, ledger, "amend", "energy_intensity", "--from", "2026-06", "--min", "3.8",
         "--note", '=HYPERLINK("http://x","市政府年中调整")')  # fmt: skip
    _run(invoke, ledger, "amend", "co2_intensity", "--from", "2026-06", "--around", "3.8")
    _run(invoke, ledger, "record", "energy_intensity", "下降2.1", "--period", "2026-06")
    return ledger


def _book(invoke: Any, ledger: Path, lang: str) -> Any:
    from openpyxl import load_workbook

    result = _run(invoke, ledger, "--lang", lang, "report", "--format", "xlsx", "-o", "-")
    return load_workbook(io.BytesIO(result.stdout_bytes))


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]


# ---------------------------------------------------------------------- 1. the split


def test_the_workbook_writer_has_room_again_and_its_cells_a_module_of_their_own() -> None:
    lines = len((SRC / "xlsx.py").read_text(encoding="utf-8").splitlines())
    assert lines <= 500, lines  # 610 of a ceiling of 610 before: no long-module entry now
    cells = (SRC / "xlsx_cells.py").read_text(encoding="utf-8")
    assert "def append(" in cells and "quotePrefix" in cells  # the formula guard moved with it
    assert "STATUS_COLOURS" in cells


# ---------------------------------------------------------------------- 2. CPI's colour


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cpi_off_its_band_has_the_off_band_colour_not_behinds(
    invoke: Any, june: Path, lang: str
) -> None:
    book = _book(invoke, june, lang)
    summary, sheet = book.worksheets[0], book.worksheets[1]
    word = {"zh": "偏高", "en": "above band"}[lang]
    cell = next(c for row in summary.iter_rows() for c in row if c.value == word)
    assert cell.fill.fgColor.rgb == "00DDF3F4"  # behind's was FFEBE9, its font A40E26
    assert cell.font.color.rgb == "000E5A60"
    behind = next(c for row in summary.iter_rows() for c in row if c.value in ("滞后", "behind"))
    assert behind.fill.fgColor.rgb == "00FFEBE9"  # 能耗 still behind, in red
    header = [c.value for c in sheet[1]]
    status = header.index("状态" if lang == "zh" else "status")
    cpi = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "cpi")
    assert cpi[status].value == {"zh": "偏高", "en": "behind"}[lang]  # en: the JSON's code
    assert cpi[status].fill.fgColor.rgb == "00DDF3F4"


# ---------------------------------------------------------------------- 3. 年中调整


@pytest.mark.parametrize(
    ("lang", "sheet", "energy", "co2"),
    [
        ("zh", "年中调整", ("下降 ≥ 3.8%", "待国家下达"), ("下降 ≈ 3.8%", "待国家下达")),
        ("en", "adjustments", ("fall ≥ 3.8%", STATE), ("fall ≈ 3.8%", STATE)),
    ],
)
def test_the_adjustments_sheet_writes_a_decline_as_the_report_does(
    invoke: Any, june: Path, lang: str, sheet: str, energy: tuple[str, str], co2: tuple[str, str]
) -> None:
    book = _book(invoke, june, lang)
    rows = {row[0]: row for row in _rows(book[sheet])[1:]}
    assert rows["energy_intensity"][3:5] == energy  # was 下降 ≥ 3.8 % / fall ≥ 3.8 %
    assert rows["co2_intensity"][3:5] == co2
    # the same words as the summary sheet's list of adjustments, from one function
    lines = [row[0] for row in _rows(book.worksheets[0])]
    assert any(energy[0] in str(line) for line in lines if str(line).startswith(("能", "Energ")))
    # a note from the ledger is text, never a formula: kept as typed, with Excel's quote prefix
    note = next(r for r in book[sheet].iter_rows(min_row=2) if r[0].value == "energy_intensity")[5]
    assert note.value == '=HYPERLINK("http://x","市政府年中调整")'
    assert note.data_type == "s" and note.quotePrefix


# ---------------------------------------------------------------------- 4. against the report


@pytest.fixture
def shandong(invoke: Any, tmp_path: Path) -> Path:
    """山东 2026 as of June: a cumulative target (新增就业 60.0 of 110万人, 54.55 %), a figure
    recorded with its places (一般公共预算收入 1.50), a tracked CPI."""
    ledger = tmp_path / "shandong.progress.toml"
    for target, figure, period in [
        ("gdp", "5.2", "2026-Q2"),
        ("budget_revenue", "1.50", "2026-06"),
        ("resident_income", "4.8", "2026-Q2"),
        ("surveyed_unemployment_rate", "5.6", "2026-06"),
        ("new_urban_jobs", "60.0", "2026-06"),
        ("cpi", "0.3", "2026-06"),
    ]:
        result = invoke("--plan", "shandong-2026", "--ledger", str(ledger), "record", target,
                        figure, "--period", period)  # fmt: skip
        assert result.exit_code == 0, result.output
    return ledger


def _shandong_book(invoke: Any, ledger: Path, lang: str) -> Any:
    from openpyxl import load_workbook

    result = invoke("--plan", "shandong-2026", "--ledger", str(ledger), "--lang", lang, "report",
                    "--as-of", "2026-06", "--format", "xlsx", "-o", "-")  # fmt: skip
    assert result.exit_code == 0, result.output
    return load_workbook(io.BytesIO(result.stdout_bytes))


def test_shares_show_the_places_the_report_gives_them(invoke: Any, shandong: Path) -> None:
    """The report's 完成率 54.55% and 时间进度 50%: the sheet showed 50.00%."""
    sheet = _shandong_book(invoke, shandong, "zh")["执行情况"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "new_urban_jobs")
    jobs = dict(zip(header, row, strict=True))
    assert (jobs["完成率"].value, jobs["完成率"].number_format) == (0.5455, "0.00%")
    assert (jobs["时间进度"].value, jobs["时间进度"].number_format) == (0.5, "0%")
    assert (jobs["应完成进度"].value, jobs["应完成进度"].number_format) == (0.5, "0%")
    # recorded figures keep their places (session 40): 60.0, 1.50
    assert jobs["完成值（下降型目标为降幅）"].number_format == "0.0"
    budget = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "budget_revenue")
    assert budget[header.index("完成值（下降型目标为降幅）")].number_format == "0.00"


def test_an_amount_keeps_its_recorded_places(invoke: Any, shandong: Path) -> None:
    """GDP 5.3 % with 48500.0亿元: the report's 5.3%（48500.0亿元）; both sheets showed 48500."""
    result = invoke("--plan", "shandong-2026", "--ledger", str(shandong), "record", "gdp", "5.3",
                    "--amount", "48500.0", "--period", "2026-Q2")  # fmt: skip
    assert result.exit_code == 0, result.output
    book = _shandong_book(invoke, shandong, "zh")
    summary = [row for row in _rows(book["文字说明"]) if row[0] == "地区生产总值"]
    assert summary[0][2] == "5.3%（48500.0亿元）"
    sheet = book["执行情况"]
    header = [c.value for c in sheet[1]]
    gdp = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "gdp")
    assert (gdp[header.index("总量")].value, gdp[header.index("总量")].number_format) == (
        48500,
        "0.0",
    )
    current = [r for r in book["录入记录"].iter_rows(min_row=2) if r[0].value == "gdp"][-1]
    assert (current[4].value, current[4].number_format) == (48500, "0.0")


def _md_tables(markdown: str) -> dict[str, list[list[str]]]:
    """The Markdown report's tables by their heading: the label row, then the rows."""
    found: dict[str, list[list[str]]] = {}
    heading = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading = line[3:]
        elif line.startswith("| ") and not line.startswith("| ---"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            found.setdefault(heading, []).append(["" if c == "" else c for c in cells])
    return found


def _sheet_tables(sheet: Any, headings: list[str]) -> dict[str, list[list[str]]]:
    """The summary sheet's tables under those headings: rows of more than one cell."""
    rows = _rows(sheet)
    found: dict[str, list[list[str]]] = {}
    for heading in headings:
        start = next(i for i, row in enumerate(rows) if row[0] == heading) + 1
        table = []
        for row in rows[start:]:
            if row[1] is None:
                break
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            table.append(["" if c is None else str(c) for c in cells])
        found[heading] = table
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("plan", ["shandong", "beijing"])
def test_the_summary_sheet_has_the_reports_tables(
    invoke: Any, shandong: Path, june: Path, plan: str, lang: str
) -> None:
    """The Markdown / HTML report's 分领域情况 (偏离区间 counted apart, 平均完成率) and its
    targets needing attention were in no sheet: the summary sheet has them, cell for cell."""
    ledger = {"shandong": shandong, "beijing": june}[plan]
    args = ("--plan", f"{plan}-2026", "--ledger", str(ledger), "--lang", lang, "report")
    markdown = invoke(*args, "--as-of", "2026-06")
    assert markdown.exit_code == 0, markdown.output
    expected = _md_tables(markdown.stdout)
    result = invoke(*args, "--as-of", "2026-06", "--format", "xlsx", "-o", "-")
    from openpyxl import load_workbook

    summary = load_workbook(io.BytesIO(result.stdout_bytes)).worksheets[0]
    assert len(expected) == 3, list(expected)  # headline, by section, attention
    found = _sheet_tables(summary, list(expected))
    for heading, rows in expected.items():
        assert [[c for c in row if c] for row in found[heading]] == [
            [c for c in row if c] for row in rows
        ], heading
    if plan == "beijing":  # 偏离区间 its own column, CPI 偏高 in its own colour in the list
        assert found[list(expected)[1]][0][4] in ("偏离区间", "Outside band")
        word = {"zh": "偏高", "en": "above band"}[lang]
        cells = [c for row in summary.iter_rows() for c in row if c.value == word]
        assert len(cells) == 2 and {c.fill.fgColor.rgb for c in cells} == {"00DDF3F4"}
