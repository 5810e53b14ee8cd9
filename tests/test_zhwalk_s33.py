"""Session 33's Chinese walk: what session 32's walk left, and what this one met, each on the
bundled Guandu plan's or a corpus plan's own figures."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger

# --------------------------------------- 1: a relation with no figure names its reference


@pytest.fixture
def june(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Guandu's GDP 5 % and retail sales 6.5 % for 2022-06; no income figure yet."""
    ledger = tmp_path / "g.progress.toml"

    def run(*args: str, lang: str = "zh") -> str:
        result = invoke("--ledger", str(ledger), "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "5", "-p", "2022-06")
    run("record", "retail_sales", "6.5", "-p", "2022-06")
    return run


@pytest.mark.parametrize("columns", ["80", "120"])
def test_a_relation_without_figures_names_its_reference(
    june, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:  # type: ignore[no-untyped-def]
    """urban_income's target (与经济增长基本同步) with no figure of its own was `≈ gdp` in
    `status` and `—/≈gdp` in `gap`: an id where `targets` and `show` name 地区生产总值."""
    monkeypatch.setenv("COLUMNS", columns)
    status = june("status")
    rows = [line.split() for line in status.splitlines() if line.startswith(" urban_income")]
    assert [row[-3:] for row in rows] == [["≈", "地区生产总值", "无数据"]]
    assert "≈ gdp" not in status
    gap = june("gap")
    assert "—/≈地区生产总值" in gap and "≈gdp" not in gap
    english = june("gap", lang="en")
    assert "—/≈GDP" in english and "≈gdp" not in english  # as `targets` abbreviates it
    assert "≈ GDP" in june("status", lang="en")


# --------------------------------------------- 2: the template prints for a meeting, on A4


@pytest.mark.parametrize(
    ("lang", "sheets", "name_header"),
    [("zh", ["填报", "说明"], "指标名称（参考）"), ("en", ["input", "notes"], "name")],
)
def test_the_template_has_a_page_setup(
    june, tmp_path: Path, lang: str, sheets: list[str], name_header: str
) -> None:  # type: ignore[no-untyped-def]
    """The template had none: LibreOffice printed the bundled plan's 77 rows for 2022-06 on 9
    portrait pages, ids on one, their names on another, the header row on the first only."""
    from openpyxl import load_workbook

    out = tmp_path / f"june-{lang}.xlsx"
    june("template", "-p", "2022-06", str(out), lang=lang)
    book = load_workbook(out)
    assert book.sheetnames == sheets
    sheet, notes = book[sheets[0]], book[sheets[1]]
    assert sheet.max_row == 78  # 77 figures due and the header
    for page, landscape in ((sheet, True), (notes, False)):
        setup = page.page_setup
        assert setup.paperSize == 9  # A4
        assert setup.orientation == ("landscape" if landscape else "portrait")
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert page.sheet_properties.pageSetUpPr.fitToPage
        assert page.oddFooter.center.text == "&P / &N"
    assert sheet.print_title_rows == "$1:$1"  # the header row on every page
    names = [cell.value for cell in sheet[1]].index(name_header) + 1
    assert sheet.column_dimensions[chr(ord("A") + names - 1)].width == 30  # wrapped, not 49
    assert sheet.cell(2, names).alignment.wrap_text


def _calc() -> bool:
    """LibreOffice with Calc: writer-nogui alone has `soffice` but cannot load an .xlsx (the
    conversion prints "source file could not be loaded", exits 0 and writes no PDF)."""
    soffice = shutil.which("soffice")
    return soffice is not None and (Path(soffice).resolve().parent / "libsclo.so").exists()


@pytest.mark.skipif(
    not _calc(), reason="needs LibreOffice Calc (apt-get install libreoffice-calc-nogui)"
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_prints_on_a_few_landscape_pages(june, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """As LibreOffice prints it: 3 (zh) or 4 (en, longer names wrap to more lines) landscape A4
    pages, where it was 9 portrait ones; each page has the header row."""
    out = tmp_path / f"june-{lang}.xlsx"
    june("template", "-p", "2022-06", str(out), lang=lang)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},  # its own profile: no clash with a running one
    )
    pdf = out.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert re.search(r"Page size:\s+841.89 x 595.3", info.stdout)  # A4 landscape
    assert pages <= 4
    headers = ("指标代码", "指标名称（参考）") if lang == "zh" else ("target", "last_period")
    for page in range(1, pages):  # the last page is the notes sheet
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert all(header in text for header in headers), page


# ------------------------------------------- 3: the Chinese workbook's sheets without codes


def test_the_chinese_assessments_sheet_says_its_codes_in_words(june, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """执行情况 kept the JSON contract's codes: 领域 `headline`, 类型 `growth`, 频率 `quarterly`,
    无数据原因 `no_record`, 比较关系 `same`, true/false. The English sheet keeps them."""
    june("record", "new_5g_base_stations", "120", "-p", "2022-06")
    zh_book, en_book = tmp_path / "june-zh.xlsx", tmp_path / "june-en.xlsx"
    june("report", "-o", str(zh_book))
    june("report", "-o", str(en_book), lang="en")
    zh = dict(_rows(zh_book, "执行情况"))
    gdp, income, stations = zh["gdp"], zh["urban_income"], zh["new_5g_base_stations"]
    assert (gdp["领域"], gdp["类型"], gdp["频率"], gdp["状态"]) == (
        "主要预期目标",
        "增速",
        "季度",
        "滞后",
    )
    assert (gdp["完成值（下降型目标为降幅）"], gdp["数据未更新"], gdp["下降型目标"]) == (
        5,
        "否",
        "否",
    )
    assert (income["类型"], income["比较关系"], income["参照指标"]) == ("相对", "同步于", "gdp")
    assert income["无数据原因"] == "截至该期无记录"
    assert (stations["领域"], stations["类型"], stations["频率"]) == (
        "坚持建管并重，优化城市品质功能",
        "累计",
        "季度",
    )
    assert stations["完成值（下降型目标为降幅）"] == 120
    assert zh["budget_revenue"]["频率"] == "月度"
    en = dict(_rows(en_book, "assessments"))
    assert (en["gdp"]["section"], en["gdp"]["kind"], en["gdp"]["frequency"]) == (
        "headline",
        "growth",
        "quarterly",
    )
    assert (en["gdp"]["stale"], en["urban_income"]["reason"]) == (False, "no_record")
    assert en["urban_income"]["relation"] == "same"
    records = dict(_rows(zh_book, "录入记录"))
    assert records["gdp"]["现行"] == "是"
    assert dict(_rows(en_book, "records"))["gdp"]["current"] is True


def _rows(path: Path, name: str) -> list[tuple[str, dict[str, object]]]:
    """A sheet's rows by their first cell (the id), as header → value."""
    from openpyxl import load_workbook

    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [(str(row[0]), dict(zip(rows[0], row, strict=True))) for row in rows[1:]]


# ------------------------------------------ 4: a target already met needs nothing a month
# (Session 34 left out every pace line of a target met, this one's `needed per month none:
# already met` / `月均需完成 无需：已完成` too: it says when it was met and by which record.)


@pytest.mark.parametrize(
    ("target", "value", "lang", "line"),
    [
        ("culture_tourism_seed_register", "done", "zh", "完成于 2022-06（"),
        ("culture_tourism_seed_register", "done", "en", "done 2022-06 (recorded "),
        ("new_5g_base_stations", "320", "zh", "完成于 2022-06（"),  # 320 of 310 个
        ("new_5g_base_stations", "320", "en", "met 2022-06 (recorded "),
    ],
)
def test_show_says_a_met_target_needs_nothing(
    june, target: str, value: str, lang: str, line: str
) -> None:  # type: ignore[no-untyped-def]
    """`show` on the 种子企业库 milestone done in June said `月均需完成 0 个百分点`, on 320 of
    the 310 5G base stations `0 个`: a pace for a target that needs none."""
    june("record", target, value, "-p", "2022-06")
    shown = june("show", target, lang=lang)
    assert [row for row in shown.splitlines() if " ".join(row.split()).startswith(line)], shown
    assert not [
        row for row in shown.splitlines() if row.endswith((" 0 个百分点", " 0 个", " 0 pp"))
    ]
    assert "月均需完成" not in shown and "needed per month" not in shown
    # a target not met still says its monthly need: 120 of 310 → 190 in 6 months, 32 个 a month
    june("record", "new_5g_base_stations", "120", "-p", "2022-06")
    assert "月均需完成    32 个" in june("show", "new_5g_base_stations").splitlines()


# ----------------------------- 5: a bulletin's growth headed 同比±%, 比上年同期±%, 累计同比(%)


def _bulletin(path: Path, growth: str) -> Path:
    """官渡区's 1-6月 table as a 统计局 sends it: a merged title, 当月 and 累计 merged over
    绝对值 and the growth; GDP's 700 亿元 at 5.0 % (docs' example: 8.72 % needed in H2)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主要指标"
    sheet.append(["官渡区2022年1-6月主要经济指标"])
    sheet.append(["指标名称", "计量单位", "当月", None, "累计", None])
    sheet.append([None, None, "绝对值", growth, "绝对值", growth])
    for cells in ("A1:F1", "C2:D2", "E2:F2", "A2:A3", "B2:B3"):
        sheet.merge_cells(cells)
    sheet.append(["地区生产总值", "亿元", None, None, 700, 5.0])
    sheet.append(["地方一般公共预算收入", "亿元", 5.2, 1.8, 30.1, 3.1])
    sheet.append(["社会消费品零售总额", "亿元", 60.2, 7.1, 350.5, 6.5])
    book.save(path)
    return path


@pytest.mark.parametrize("growth", ["同比±%", "比上年同期±%", "累计同比(%)", "同比（±%）"])
def test_a_bulletins_growth_headed_with_a_percent_is_read(
    invoke, tmp_path: Path, growth: str
) -> None:  # type: ignore[no-untyped-def]
    """Refused before: `不认识 '累计/同比±%' 列`. The 累计 growth is read, 当月's passed over."""
    ledger = tmp_path / "g.progress.toml"
    path = _bulletin(tmp_path / "官渡区2022年6月.xlsx", growth)
    result = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path))
    assert result.exit_code == 0, result.output
    gap = json.loads(invoke("--ledger", str(ledger), "gap", "--json").stdout)
    figures = {
        t["id"]: (t["period"], t["actual"], t["amount"], t["required_growth_rest"])
        for t in gap["targets"]
        if t["actual"] is not None
    }
    assert figures == {
        "gdp": ("2022-Q2", 5, 700, 8.72),
        "budget_revenue": ("2022-06", 3.1, 30.1, 0.61),  # 2 % for the year
        "retail_sales": ("2022-06", 6.5, 350.5, 7.48),
    }


def test_a_one_row_header_with_a_percent_growth_and_a_change_without_one(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """`比上年同期±%` is the growth; `比上年同期增减` beside it (its unit not said: 亿元 more
    than last year) is still read past and named, never taken for the growth."""
    ledger = tmp_path / "g.progress.toml"
    sheet = tmp_path / "官渡区2022年1-6月主要经济指标.csv"
    sheet.write_text(
        "指标名称,计量单位,本月止累计,比上年同期增减,比上年同期±%\n"
        "社会消费品零售总额,亿元,350.5,21.4,6.5\n",
        encoding="utf-8",
    )
    result = invoke("--ledger", str(ledger), "--lang", "en", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "'比上年同期增减' read past" in result.stderr
    records = read_toml_ledger(ledger).records
    assert [(r.target, str(r.period), str(r.value), str(r.amount)) for r in records] == [
        ("retail_sales", "2022-06", "6.5", "350.5")
    ]


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("zh", "（累计同比 未写明单位：若是百分比增速，请把表头写作 累计同比(%) 或 累计同比±%）"),
        (
            "en",
            " (累计同比 does not say its unit: if it is the growth in percent, head it 累计同比(%)",
        ),
    ],
)
def test_a_comparison_without_its_unit_is_refused_saying_how_to_mark_it(
    invoke, tmp_path: Path, lang: str, hint: str
) -> None:  # type: ignore[no-untyped-def]
    """`累计同比` alone may be a growth or a change in 亿元: still refused, now saying how to
    head it (the refusal named the column and nothing else)."""
    ledger = tmp_path / "g.progress.toml"
    sheet = tmp_path / "官渡区2022年1-6月.csv"
    sheet.write_text("指标名称,计量单位,本月止累计,累计 同比\n社会消费品零售总额,亿元,350.5,6.5\n")
    result = invoke("--ledger", str(ledger), "--lang", lang, "import", str(sheet))
    assert result.exit_code == 2
    assert "'累计 同比'" in result.stderr and hint in result.stderr
    assert not ledger.exists()
