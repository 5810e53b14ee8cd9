"""Session 40's walk of the bundled 山东 2026 plan in Chinese (地区生产总值增长5%以上; 一般公共预算
收入增长2%; 城镇新增就业110万人以上; 居民消费价格保持合理水平), a 统计局 analyst's half year:
a workspace begun, the 1-3月 and 1-6月 bulletins imported, CPI recorded as bulletins write it,
the 时间过半 report. Each test is a slip the walk met."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger

PLAN = Path(__file__).parent.parent / "data" / "2026" / "shandong.toml"


def _figures(ledger: Path) -> dict[tuple[str, str], Decimal]:
    return {(r.target, r.period): r.value for r in read_toml_ledger(ledger).records}


# ------------------------------------------------ init DIR named as the plan it is meant for


@pytest.mark.parametrize("folder", ["shandong-2026", "shandong"])
def test_init_of_a_folder_named_as_a_bundled_plan_without_plan_is_refused(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """Before: `plancli init shandong-2026` wrote shandong-2026/plan2022.toml, 官渡's 80
    targets, exit 0: a 山东 analyst's workspace tracking another plan. Now refused, nothing
    made, naming the command that starts the workspace asked for."""
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "zh", "init", folder)
    assert result.exit_code == 2, result.output
    assert f"{folder} 是内置计划 shandong-2026 的名称" in result.stderr
    assert f"plancli --plan shandong-2026 init {folder}" in result.stderr
    assert not (tmp_path / folder).exists()
    english = invoke("--lang", "en", "init", folder)
    assert english.exit_code == 2
    assert f"{folder} is the name of the bundled plan shandong-2026" in english.stderr


def test_init_with_the_plan_named_or_another_folder_name_is_as_before(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    named = invoke("--lang", "zh", "--plan", "shandong-2026", "init", "shandong-2026")
    assert named.exit_code == 0, named.output
    assert (tmp_path / "shandong-2026" / "shandong.toml").exists()
    default = invoke("--lang", "zh", "init", "guandu")  # the quick start's
    assert default.exit_code == 0, default.output
    assert (tmp_path / "guandu" / "plan2022.toml").exists()
    chosen = invoke("--plan", "guandu-2022", "init", "shandong")  # asked for: as asked
    assert chosen.exit_code == 0, chosen.output
    assert (tmp_path / "shandong" / "plan2022.toml").exists()


# ---------------------------------------------------- CPI as the bulletin writes it: 上涨


@pytest.fixture
def shandong(tmp_path: Path) -> list[str]:
    return ["--plan", "shandong-2026", "--ledger", str(tmp_path / "sd.progress.toml")]


@pytest.mark.parametrize(("typed", "stored"), [("上涨0.1", "0.1"), ("同比上涨0.2%", "0.2")])
def test_record_takes_a_cpi_rise_as_the_bulletin_writes_it(
    invoke: Any, shandong: list[str], tmp_path: Path, typed: str, stored: str
) -> None:
    """居民消费价格同比上涨0.2% is how every CPI bulletin says it; `record cpi 上涨0.1` said
    '数值 '上涨0.1' 不是数字', where 增长0.1 and 下降0.1 were taken."""
    result = invoke("--lang", "zh", *shandong, "record", "cpi", typed, "-p", "1-5月")
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "sd.progress.toml")[("cpi", "2026-05")] == Decimal(stored)


def test_import_takes_a_cpi_rise_in_words(invoke: Any, shandong: list[str], tmp_path: Path) -> None:
    sheet = tmp_path / "c.csv"
    sheet.write_text("指标,期间,数值\n居民消费价格,2026年7月,上涨0.3\n", encoding="utf-8")
    result = invoke("--lang", "zh", *shandong, "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "sd.progress.toml")[("cpi", "2026-07")] == Decimal("0.3")


def test_a_rise_in_words_is_still_refused_for_a_total(invoke: Any, shandong: list[str]) -> None:
    result = invoke("--lang", "zh", *shandong, "record", "new_urban_jobs", "上涨3", "-p", "5月")
    assert result.exit_code == 2
    assert "“上涨”用于增速数据" in result.stderr


# ------------------------------------------------- the report's CPI sentence: 涨幅为, not 累计增长


def test_the_half_year_report_says_the_cpi_rise_as_the_other_plans_do(
    invoke: Any, shandong: list[str]
) -> None:
    """Before: 居民消费价格累计增长0.2%（跟踪指标） — a price is no 累计 total, and no
    analyst writes 增长 of it; the 14 other plans' CPI (居民消费价格涨幅) read 涨幅为0.2%."""
    for target, value, period in [
        ("gdp", "5.2", "2026-Q2"),
        ("cpi", "上涨0.2", "2026-06"),
        ("new_urban_jobs", "61.3", "2026-06"),
    ]:
        assert invoke(*shandong, "record", target, value, "-p", period).exit_code == 0
    result = invoke("--lang", "zh", *shandong, "report")
    assert result.exit_code == 0, result.output
    assert "居民消费价格涨幅为0.2%（跟踪指标）" in result.stdout
    assert "居民消费价格累计增长" not in result.stdout
    english = invoke("--lang", "en", *shandong, "report")
    assert "Consumer price index (CPI) increase: 0.2% (a tracked indicator" in english.stdout


def test_the_plan_names_its_cpi_as_the_others_do() -> None:
    cpi = next(t for t in tomllib.loads(PLAN.read_text("utf-8"))["targets"] if t["id"] == "cpi")
    assert (cpi["name"], cpi["kind"], cpi["quote"]) == (
        "居民消费价格涨幅",
        "indicator",
        "居民消费价格保持合理水平",
    )


# --------------------------------------- the bulletin's CPI index under 累计: an index, not a total


def test_a_cpi_index_under_the_total_column_is_named_an_index(
    invoke: Any, shandong: list[str], tmp_path: Path
) -> None:
    """A 1-9月 月报 gives 居民消费价格总指数（上年同期=100） 100.3 under 1-9月累计, its growth
    column —. Before, 山东's cpi (a tracked indicator) refused it as '1-9月累计' 列的
    '100.3' 是总量，不是增速; 江苏's CPI refused the same row as the index it is: 100.3 即上涨
    0.3 %."""
    sheet = tmp_path / "b9.csv"
    sheet.write_text(
        "山东省2026年1-9月主要经济指标,,,,\n"
        "指标名称,计量单位,本月,1-9月累计,比上年同期增长±%\n"
        '地区生产总值,亿元,—,"77,812.4",5.1\n'
        "居民消费价格总指数（上年同期=100）,—,100.4,100.3,—\n",
        encoding="gb18030",
    )
    result = invoke("--lang", "zh", *shandong, "import", str(sheet))
    assert result.exit_code == 2, result.output
    named = "b9.csv:4：cpi：'居民消费价格总指数（上年同期=100）' 是指数（上年同期=100）"
    assert named in result.stderr
    assert "100.3 即上涨 0.3 %" in result.stderr and "是总量" not in result.stderr
    assert not (tmp_path / "sd.progress.toml").exists()


# ------------------------------------ a CPI index typed for 山东's unbounded CPI: warned, as 江苏's


@pytest.mark.parametrize("sheet", [None, "target,period,value\ncpi,2026-07,100.3\n"])
def test_a_cpi_index_given_for_the_tracked_cpi_is_warned_of(
    invoke: Any, shandong: list[str], tmp_path: Path, sheet: str | None
) -> None:
    """`record cpi 100.3` (the bulletin's 居民消费价格指数, 上年同期=100) went in as a 100.3 %
    rise with no word: 山东's cpi has no bound or baseline to size its figures by, where 江苏's
    (2%左右) warned 这个数像是指数…是否应为 0.3 %？ Now warned alike, typed or in a file of ids."""
    if sheet is None:
        result = invoke("--lang", "zh", *shandong, "record", "cpi", "100.3", "-p", "1-7月")
    else:
        path = tmp_path / "ids.csv"
        path.write_text(sheet, encoding="utf-8")
        result = invoke("--lang", "zh", *shandong, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "cpi 2026-07 = 100.3：这个数像是指数（上年同期=100）" in result.stderr
    assert "是否应为 0.3 %？" in result.stderr
    quiet = invoke("--lang", "zh", *shandong, "record", "cpi", "0.1", "-p", "1-8月")
    assert quiet.exit_code == 0 and "警告" not in quiet.stderr, quiet.output  # no fraction warning


# ---------------------------------------------- a GDP table's 绝对额, as 统计局 heads the amount


@pytest.mark.parametrize(
    "header",
    ["指标,绝对额（亿元）,比上年同期增长（%）", "指标,上半年绝对额（亿元）,比上年同期增长（%）"],
)
def test_a_gdp_tables_absolute_amount_column_is_its_total(
    invoke: Any, shandong: list[str], tmp_path: Path, header: str
) -> None:
    """地区生产总值 | 绝对额（亿元） | 比上年同期增长（%）, as every 统计局 GDP release heads it,
    was refused: 无法识别的列 '绝对额（亿元）' (绝对值 was known, 绝对额 not)."""
    sheet = tmp_path / "2026年上半年地区生产总值.csv"
    sheet.write_text(f"{header}\n地区生产总值,50418.6,5.2\n", encoding="utf-8")
    result = invoke("--lang", "zh", *shandong, "import", str(sheet))
    assert result.exit_code == 0, result.output
    figures = {
        r.target: (r.period, r.value, r.amount)
        for r in read_toml_ledger(tmp_path / "sd.progress.toml").records
    }
    assert figures["gdp"] == ("2026-Q2", Decimal("5.2"), Decimal("50418.6"))


def test_a_two_row_gdp_header_over_its_absolute_amount(
    invoke: Any, shandong: list[str], tmp_path: Path
) -> None:
    """上半年 merged over 绝对额（亿元） | 比上年同期增长（%）: refused as an unknown
    '上半年/绝对额（亿元）' column before."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["2026年上半年山东省地区生产总值"],
        ["指标", "上半年", None],
        [None, "绝对额（亿元）", "比上年同期增长（%）"],
        ["地区生产总值", 50418.6, 5.2],
    ):
        sheet.append(row)
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("A2:A3")
    path = tmp_path / "gdp.xlsx"
    book.save(path)
    result = invoke("--lang", "zh", *shandong, "import", str(path))
    assert result.exit_code == 0, result.output
    record = read_toml_ledger(tmp_path / "sd.progress.toml").records[0]
    assert (record.target, record.period, record.value) == ("gdp", "2026-Q2", Decimal("5.2"))


# ------------------------------------------------ 全省 before a name: the bulletin's own province


def test_a_province_bulletins_names_after_quan_sheng_are_its_targets(
    invoke: Any, shandong: list[str], tmp_path: Path
) -> None:
    """山东's 月报 writes 全省地区生产总值, 全省一般公共预算收入: each was skipped (or refused)
    as no target of the plan, 是否想找 地区生产总值（gdp）. 全国 is another place's figure: kept
    out, as before."""
    sheet = tmp_path / "1-6月.csv"
    sheet.write_text(
        "指标,单位,1-6月,比上年同期增长（%）\n"
        "全省地区生产总值,亿元,50418.6,5.2\n"
        "全省一般公共预算收入,亿元,4521.9,1.6\n",
        encoding="utf-8",
    )
    result = invoke("--lang", "zh", *shandong, "import", str(sheet))
    assert result.exit_code == 0, result.output
    figures = _figures(tmp_path / "sd.progress.toml")
    assert figures[("gdp", "2026-Q2")] == Decimal("5.2")
    assert figures[("budget_revenue", "2026-06")] == Decimal("1.6")
    national = tmp_path / "全国.csv"
    national.write_text(
        "指标,单位,1-6月,比上年同期增长（%）\n全国地区生产总值,亿元,660536,5.3\n", encoding="utf-8"
    )
    refused = invoke("--lang", "zh", *shandong, "import", str(national))
    assert refused.exit_code == 2
    assert "没有目标 '全国地区生产总值'" in refused.stderr


def test_a_falling_cpi_is_said_in_words_as_the_other_plans_say_it(
    invoke: Any, shandong: list[str]
) -> None:
    """CPI −0.3 % in 一季度: 江苏's (a level) reads 居民消费价格下降0.3%, as docs/chinese.md
    decides a sentence says a negative figure; 山东's tracked cpi read 居民消费价格涨幅为-0.3%
    (and 居民消费价格累计下降0.3% before it was named 涨幅)."""
    assert invoke(*shandong, "record", "cpi", "下降0.3", "-p", "1-3月").exit_code == 0
    result = invoke("--lang", "zh", *shandong, "report")
    assert result.exit_code == 0, result.output
    assert "居民消费价格下降0.3%（跟踪指标）" in result.stdout
    assert "-0.3%（跟踪指标）" not in result.stdout
    assert "| 居民消费价格涨幅 | — | -0.3% |" in result.stdout  # the table keeps the sign
