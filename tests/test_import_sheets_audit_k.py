"""Audit K (甘肃省统计局 月报 workbooks into the bundled gansu-2026 plan): a workbook of one
sheet per month (D6), an amount typed with its unit (D9), a cut name's length in a Chinese
message (D11), a sheet's name called the file's in the period refusal (D12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.i18n import set_language
from plancli.model import shorten
from plancli.safe import clip
from plancli.stores.toml import read_toml_ledger

GANSU = ("--plan", "gansu-2026")


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "gansu.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return invoke(*GANSU, "--ledger", str(ledger), "--lang", lang, "import", str(path), *args)


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook of `sheets` (name → rows), each title merged across A1:D1 as a bureau's."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if rows and len(rows[0]) == 1 and len(rows) > 1:
            sheet.merge_cells("A1:D1")
    book.save(path)
    return path


def _month(month: int, gdp: str | float = 5.7) -> list[list[object]]:
    """A 甘肃 月报 sheet: its title, a header, 地区生产总值 and 城镇调查失业率. GDP's cells are
    empty outside a quarter's end month (地区生产总值为季度数据，非季末月份不发布: session 41
    refuses a quarterly growth's 1-7月 figure)."""
    quarter = month % 3 == 0 or isinstance(gdp, str)
    amount = (gdp if isinstance(gdp, str) else 2950.3) if quarter else None
    return [
        [f"甘肃省2026年1-{month}月主要经济指标"],
        ["指标", "计量单位", "本月止累计", "比上年同期增长(%)"],
        ["一、地区生产总值", "亿元", amount, 5.7 if quarter else None],
        ["城镇调查失业率", "%", 5.2, None],
    ]


# ------------------------------------------- D11: a cut name's length, in Chinese


def test_a_cut_names_length_is_said_in_the_messages_language() -> None:
    """`'注：1.地区生产总值…'…(74 characters)` inside a Chinese refusal: now `（共74个字符）`."""
    note = "注：1.地区生产总值、居民人均可支配收入为季度数据，非季末月份不发布。" * 3
    assert clip(note, 20, quote=True).endswith(f"…({len(note)} characters)")
    set_language("zh")
    try:
        assert clip(note, 20, quote=True) == repr(note[:20]) + f"…（共{len(note)}个字符）"
        assert shorten("1" * 5000) == "1" * 20 + "…（共5,000个字符）"
    finally:
        set_language("en")


# ------------------------------------------- D12: a sheet's name is a sheet's


def test_a_sheet_named_for_another_period_than_its_title_is_called_a_sheet(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The 8月 sheet copied and renamed 9月, its title still 1-8月: the refusal said 文件名为 9月 …
    重命名文件, sending the analyst to rename m_sheetname.xlsx, which names no period."""
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "m_sheetname.xlsx", {"9月": _month(8)})
    result = _import(invoke, ledger, path, "--sheet", "9月", "--dry-run", lang="zh")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"错误：{path}:9月:2：标题为 2026年1-8月，工作表名为 9月；数据属于哪一期？"
        "请加一列期间，或改正标题、重命名工作表\n"
    )
    english = _import(invoke, ledger, path, "--sheet", "9月", "--dry-run")
    assert english.stderr.endswith(
        ":9月:2: the title says 2026年1-8月 and the sheet's name 9月; which period are the "
        "figures for? Add a period column, or correct the title or rename the sheet\n"
    )
    assert not ledger.exists()


# ------------------------------------------- D9: an amount typed with its unit


@pytest.mark.parametrize(("typed", "amount"), [("2,004.9亿元", "2004.9"), ("476.3 亿元", "476.3")])
def test_an_amount_typed_with_the_plans_own_unit_imports_as_the_number(
    invoke, ledger: Path, tmp_path: Path, typed: str, amount: str
) -> None:  # type: ignore[no-untyped-def]
    """`2,004.9亿元` in a column of 亿元 for a target in 亿元 is 2004.9: it was refused as `the
    figure with a unit (亿元)` naming the plan's unit (亿元), the very unit typed (session 37:
    changed on purpose; a different unit is still refused, below)."""
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "2026年6月.xlsx", {"6月": _month(6, gdp=typed)})
    result = _import(invoke, ledger, path, lang="zh")
    assert result.exit_code == 0, result.output
    gdp = {r.target: r for r in read_toml_ledger(ledger).records}["gdp"]
    assert (gdp.period, str(gdp.value), str(gdp.amount)) == ("2026-Q2", "5.7", amount)


@pytest.mark.parametrize(
    ("typed", "unit", "converted"),
    [("20,049万元", "万元", "2.0049"), ("0.2万亿元", "万亿元", "2000")],
)
def test_an_amount_typed_with_another_unit_is_refused_naming_both_units_and_the_column(
    invoke, ledger: Path, tmp_path: Path, typed: str, unit: str, converted: str
) -> None:  # type: ignore[no-untyped-def]
    """`20,049万元` was told not to group its thousands (which 1,215.40 may): the unit is what
    is wrong, in the sheet's column; plancli does not convert 万元 to 亿元, and says so with the
    figure in 亿元 (session 40: changed on purpose)."""
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "2026年6月.xlsx", {"6月": _month(6, gdp=typed)})
    result = _import(invoke, ledger, path, "--dry-run", lang="zh")
    assert result.exit_code == 2, result.output
    refusal = (
        f"'本月止累计' '{typed}' 的单位是{unit}，计划的单位是亿元；plancli 不换算单位：请只填"
        f"数字，单位按计划（亿元）（{typed}即{converted}亿元）"
    )
    assert f"{path}:6月:3：目标 gdp：{refusal}\n" in result.stderr
    english = _import(invoke, ledger, path, "--dry-run")
    assert (
        f":6月:3: target gdp: '本月止累计' '{typed}': the figure in {unit}, the plan's unit is "
        f"亿元; plancli does not convert units: give the number alone, in 亿元 ({typed} is "
        f"{converted}亿元)\n"
    ) in english.stderr
    assert not ledger.exists()


def test_a_grouped_amount_without_a_unit_still_imports(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "2026年6月.xlsx", {"6月": _month(6, gdp="2,004.9")})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    gdp = {r.target: r for r in read_toml_ledger(ledger).records}["gdp"]
    assert (gdp.period, str(gdp.value), str(gdp.amount)) == ("2026-Q2", "5.7", "2004.9")


# ------------------------------------------- D6: a workbook of month sheets


def test_a_workbook_of_month_sheets_is_refused_without_sheet_naming_them(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """甘肃统计月报2026.xlsx, sheets 7月…10月: July was imported and August to October (18
    records, the Q3 GDP among them) silently not. Now refused naming them; --sheet reads one."""
    pytest.importorskip("openpyxl")
    path = _book(
        tmp_path / "甘肃统计月报2026.xlsx",
        {f"{m}月": _month(m, gdp=5.7 if m < 10 else 5.8) for m in (7, 8, 9, 10)},
    )
    result = _import(invoke, ledger, path, lang="zh")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"错误：{path}：工作簿有 4 张数据表（7月、8月、9月、10月）；一次导入只读一张，"
        "plancli 不替您选择：请用 --sheet 逐张导入，如 --sheet 10月\n"
    )
    assert not ledger.exists()
    english = _import(invoke, ledger, path)
    assert english.stderr == (
        f"error: {path}: the workbook has 4 sheets of figures (7月, 8月, 9月, 10月); an import "
        "reads one, and plancli will not guess which: import each with --sheet, e.g. --sheet "
        "10月\n"
    )
    for month in (7, 9, 10):
        done = _import(invoke, ledger, path, "--sheet", f"{month}月")
        assert done.exit_code == 0, done.output
    gdp = sorted(
        (r.period, str(r.value)) for r in read_toml_ledger(ledger).records if r.target == "gdp"
    )
    assert gdp == [("2026-Q3", "5.7")]  # (7月 and 10月 give GDP no figure)


def test_a_cover_before_month_sheets_is_passed_over_and_the_months_named(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    cover = [["甘肃统计月报"], ["2026年"]]
    path = _book(tmp_path / "月报.xlsx", {"封面": cover, "9月": _month(9), "10月": _month(10)})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {path}: the workbook has 2 sheets of figures (9月, 10月); an import reads one, "
        "and plancli will not guess which: import each with --sheet, e.g. --sheet 10月\n"
    )


def test_one_table_beside_a_cover_a_note_and_a_hidden_sheet_still_imports(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The session-23 rule stands: a 封面 and a 说明 of one-cell rows hold no table, and a
    sheet Excel hides is not what the person who filled the workbook saw."""
    from openpyxl import load_workbook

    pytest.importorskip("openpyxl")
    notes = [["说明"], ["地区生产总值为季度数据"]]
    path = _book(
        tmp_path / "月报.xlsx",
        {"封面": [["甘肃统计月报"]], "10月": _month(10), "说明": notes, "9月": _month(9)},
    )
    book = load_workbook(path)
    book["9月"].sheet_state = "hidden"
    book.save(path)
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert "read the sheet '10月': the first sheet, '封面', has no header row" in result.stderr
    assert {r.period for r in read_toml_ledger(ledger).records} == {"2026-10"}
