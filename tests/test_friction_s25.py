"""Session 25's friction (audit R "Friction"; audit P D5): bulletin figures as Excel exports
them (`1 050`, `(1.2)`), the columns a 统计月报 carries that plancli does not use (上年同期,
全市排名 …), a known name with its abbreviation in brackets (`地区生产总值（GDP）`). The
figures are the audit's (nums.csv)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def plan2022(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(DATA / "plan2022.toml", tmp_path / "plan2022.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")
    return tmp_path


def figures(done) -> dict[str, tuple[object, object]]:  # type: ignore[no-untyped-def]
    assert done.exit_code == 0, done.stderr
    return {r["target"]: (r["value"], r.get("amount")) for r in json.loads(done.stdout)["records"]}


# ------------------------------------------------ 1: `1 050` and `(1.2)` as Excel writes them

NUMS = (
    "指标,期间,累计值,累计增长（%）\n"
    '新增机动车泊位,1-2月,"１，０５０",\n'
    "新建5G基站,1-2月,1 050,\n"
    "引进市外到位资金,1-2月,{spaced},\n"
    "社会消费品零售总额,1-2月,92.3,6.5 %\n"
    "固定资产投资（不含农户）,1-2月,,{negative}\n"
)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
@pytest.mark.parametrize("negative", ["(1.2)", "（1.2）", "(1.2%)"])
def test_space_grouped_thousands_and_an_accounting_negative_are_read(
    plan2022: Path, invoke, space: str, negative: str
) -> None:  # type: ignore[no-untyped-def]
    text = NUMS.format(spaced=f"1{space}050.00", negative=negative)
    (plan2022 / "nums.csv").write_text(text, encoding="utf-8")
    got = figures(invoke("import", "nums.csv", "--json"))
    assert got["new_5g_base_stations"] == (1050, None)
    assert got["new_parking_spaces"] == (1050, None)
    assert got["external_funds"][0] == 1050
    assert got["fixed_asset_investment"] == (-1.2, None)


@pytest.mark.parametrize(
    "cell", ["1 05", "(1.2", "1.2)", "(-1.2)", "1  050", "12 3456", "(1.2)%", "( )"]
)
def test_ambiguous_groupings_and_parentheses_are_still_refused(
    plan2022: Path, invoke, cell: str
) -> None:  # type: ignore[no-untyped-def]
    (plan2022 / "bad.csv").write_text(f"指标,期间,累计值\n新建5G基站,1-2月,{cell}\n", "utf-8")
    done = invoke("import", "bad.csv", "--dry-run")
    assert done.exit_code == 2
    assert "nothing was imported" in done.stderr
    assert f"bad.csv:2: target new_5g_base_stations: '累计值' '{cell}'" in done.stderr


def test_a_workbooks_text_cells_read_them_too(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["指标", "期间", "累计值", "累计增长（%）"],
        ["新建5G基站", "1-2月", "1\u00a0050", None],
        ["固定资产投资（不含农户）", "1-2月", None, "（１.２）"],
    ):
        sheet.append(row)
    book.save(plan2022 / "nums.xlsx")
    got = figures(invoke("import", "nums.xlsx", "--json"))
    assert got == {"new_5g_base_stations": (1050, None), "fixed_asset_investment": (-1.2, None)}


# ------------------------------------------------ 4: the columns a 统计月报 carries, unused

M03 = (
    "指标,期间,累计值,累计增长（%）,{extra}\n"
    "地方一般公共预算收入,1-3月,7.2,3.1,{cells}\n"
    "新建5G基站,1-3月,120,,{cells}\n"
)
UNUSED = ("上年同期", "上年同期数", "全市排名", "排名", "位次", "排位", "比上年同期增减（亿元）")


def test_a_bulletins_unused_columns_are_read_past_and_named_once(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text = M03.format(extra=",".join(UNUSED), cells="6.9,6.9,3,3,2,2,0.3")
    (plan2022 / "m03.csv").write_text(text, encoding="utf-8")
    done = invoke("import", "m03.csv", "--json")
    assert figures(done) == {"budget_revenue": (3.1, 7.2), "new_5g_base_stations": (120, None)}
    listed = ", ".join(f"'{c}'" for c in UNUSED)
    assert f"m03.csv: columns {listed} read past (plancli does not use them)" in done.stderr
    assert done.stderr.count("read past") == 1


def test_an_unused_column_of_a_workbook_is_read_past(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "期间", "累计值", "全市排名"])
    sheet.append(["新建5G基站", "1-3月", 120, 4])
    book.save(plan2022 / "m03.xlsx")
    done = invoke("import", "m03.xlsx", "--json")
    assert figures(done) == {"new_5g_base_stations": (120, None)}
    assert "column '全市排名' read past (plancli does not use it)" in done.stderr


def test_a_truly_unknown_column_beside_them_is_still_refused(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text = M03.format(extra="上年同期,负责人", cells="6.9,张三")
    (plan2022 / "m03.csv").write_text(text, encoding="utf-8")
    done = invoke("import", "m03.csv", "--dry-run")
    assert done.exit_code == 2
    assert done.stderr.startswith("error: m03.csv:1: unknown column(s) '负责人'; the header")


# ------------------------------------------------ 5: a known name with its abbreviation


@pytest.mark.parametrize(
    "name", ["地区生产总值（GDP）", "地区生产总值(GDP)", "地区生产总值 （GDP）"]
)
def test_a_name_with_its_ascii_abbreviation_in_brackets(plan2022: Path, invoke, name: str) -> None:  # type: ignore[no-untyped-def]
    (plan2022 / "q1.csv").write_text(f"指标,期间,累计增长（%）\n{name},1-3月,5.1\n", "utf-8")
    assert figures(invoke("import", "q1.csv", "--json")) == {"gdp": (5.1, None)}


@pytest.mark.parametrize("bracket", ["（GDPX1）", "（MW）", "（地区）", "（gdp）"])
def test_other_brackets_after_a_name_are_still_refused(
    plan2022: Path, invoke, bracket: str
) -> None:  # type: ignore[no-untyped-def]
    (plan2022 / "q1.csv").write_text(
        f"指标,期间,累计增长（%）\n地区生产总值{bracket},1-3月,5.1\n", "utf-8"
    )
    done = invoke("import", "q1.csv", "--dry-run")
    assert done.exit_code == 2
    assert f"unknown target '地区生产总值{bracket}'" in done.stderr


# ------------------------------------------------ 3: an aim above last year's figure


def test_the_reports_bound_cell_says_the_aim_is_above_last_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke
) -> None:  # type: ignore[no-untyped-def]
    """河南: 粮食产量1300亿斤以上、力争比去年实现更多增长 (stretch 1350.97 = the baseline,
    `stretch_exclusive`): the bound cell says last year's, in Markdown and HTML; a stretch that
    is not last year's figure keeps `aim >`."""
    monkeypatch.chdir(tmp_path)
    plan = (DATA / "2026" / "henan.toml").read_text(encoding="utf-8")
    (tmp_path / "hn.toml").write_text(plan, encoding="utf-8")
    zh = invoke("--plan", "hn.toml", "--lang", "zh", "report", "--format", "md").stdout
    assert "| 粮食产量 | ≥ 1300亿斤（力争高于上年1350.97亿斤） | 无数据 |" in zh
    en = invoke("--plan", "hn.toml", "report", "--format", "md").stdout
    assert "| Grain output | ≥ 1300 亿斤 (aim: above last year's 1350.97 亿斤) | no data |" in en
    html = invoke("--plan", "hn.toml", "--lang", "zh", "report", "--format", "html").stdout
    assert '（力争高于上年<span class="fig">1350.97亿斤</span>）' in html
    other = plan.replace("stretch = 1350.97", "stretch = 1360", 1)
    assert other != plan
    (tmp_path / "hn.toml").write_text(other, encoding="utf-8")
    en = invoke("--plan", "hn.toml", "report", "--format", "md").stdout
    assert "| Grain output | ≥ 1300 亿斤 (aim \\> 1360 亿斤) | no data |" in en
