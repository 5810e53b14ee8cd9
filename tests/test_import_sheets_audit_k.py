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
    """A 甘肃 月报 sheet: its title, a header, 地区生产总值 and 城镇调查失业率."""
    return [
        [f"甘肃省2026年1-{month}月主要经济指标"],
        ["指标", "计量单位", "本月止累计", "比上年同期增长(%)"],
        ["一、地区生产总值", "亿元", gdp if isinstance(gdp, str) else 2950.3, 5.7],
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


@pytest.mark.parametrize("typed", ["2,004.9亿元", "476.3 亿元"])
def test_an_amount_typed_with_its_unit_is_refused_naming_the_unit_and_the_column(
    invoke, ledger: Path, tmp_path: Path, typed: str
) -> None:  # type: ignore[no-untyped-def]
    """`2,004.9亿元` was told not to group its thousands (which 1,215.40 may), `476.3 亿元` that
    it is no number, both as plancli's 总量: the unit is what is wrong, in the sheet's column."""
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "2026年5月.xlsx", {"5月": _month(5, gdp=typed)})
    result = _import(invoke, ledger, path, "--dry-run", lang="zh")
    assert result.exit_code == 2, result.output
    refusal = f"'本月止累计' '{typed}' 带了单位（亿元）；请只填数字，单位按计划（亿元）"
    assert f"{path}:5月:3: {refusal}\n" in result.stderr
    english = _import(invoke, ledger, path, "--dry-run")
    assert (
        f":5月:3: '本月止累计' '{typed}': the figure with a unit (亿元); give the number alone, "
        "in the plan's unit (亿元)\n"
    ) in english.stderr
    assert not ledger.exists()


def test_a_grouped_amount_without_a_unit_still_imports(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("openpyxl")
    path = _book(tmp_path / "2026年5月.xlsx", {"5月": _month(5, gdp="2,004.9")})
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    gdp = {r.target: r for r in read_toml_ledger(ledger).records}["gdp"]
    assert (gdp.period, str(gdp.value), str(gdp.amount)) == ("2026-05", "5.7", "2004.9")
