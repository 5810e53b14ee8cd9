"""A recorded figure keeps its stated places in every view (session 40, the lead's decision).

统计局 bulletins write 增长12.0% and 增长3.0%; the ledger keeps the exact Decimal (12.0), yet
`status`, `gap` and the report wrote `12%` and `3%`, and `record`, `history`, `show` and
`gap --json`'s `actual_text` `12 %`. An analyst's report to leaders must say 12.0%, as the
bulletin did. Now each view writes the figure as recorded (its own spacing as before: `12.0%`
in a table or page, `12.0 %` in a line), in every store and after `ledger convert`. A plan's
figure stays as the plan states it (7以上: `≥ 7%`), and a computed one (a gap, a need) keeps
num's form. Figures from the seed's 附表1 (5.2, 3.02, 700 亿元) show as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger

PLAN = str(Path(__file__).resolve().parents[1] / "data" / "plan2022.toml")  # guandu-2022

# A June bulletin as a bureau exports it: 社会消费品零售总额增长12.0%, 地区生产总值增长3.0%
# with its amount, and the seed's own 5.2 (地方一般公共预算收入, 附表1) and 3.02 (城镇登记失业率).
BULLETIN = (
    "指标,期间,累计增长,累计值\n"
    "社会消费品零售总额,2022年1-6月,12.0,\n"
    "地区生产总值,2022年1-6月,3.0,700.0\n"
    "地方一般公共预算收入,2022年1-6月,5.2,\n"
    "城镇登记失业率,2022年6月,,3.02\n"
)


@pytest.fixture(name="guandu")
def guandu_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run plancli on the bundled Guandu plan with a ledger holding the bulletin."""
    monkeypatch.setenv("COLUMNS", "120")
    ledger = str(tmp_path / "guandu.progress.toml")
    (tmp_path / "june.csv").write_text(BULLETIN, encoding="utf-8")

    def run(*args: str, lang: str = "en") -> Any:
        result = invoke("--lang", lang, "--plan", PLAN, "--ledger", ledger, *args)
        assert result.exit_code == 0, result.output
        return result

    run("import", str(tmp_path / "june.csv"))
    return run


def test_the_import_preview_states_the_bulletins_figures(invoke: Any, tmp_path: Path) -> None:
    (tmp_path / "june.csv").write_text(BULLETIN, encoding="utf-8")
    ledger = str(tmp_path / "guandu.progress.toml")
    args = ("--plan", PLAN, "--ledger", ledger, "import", str(tmp_path / "june.csv"), "--dry-run")
    preview = invoke(*args).stdout
    assert "12.0%" in _row(preview, "retail_sales")  # as status writes it (12.0 % before s42)
    assert "3.0% (amount 700.0 亿元)" in _row(preview, "gdp")
    assert "5.2%" in _row(preview, "budget_revenue")  # the seed's 5.2: as before
    assert "3.02%" in _row(preview, "unemployment_rate")
    zh = invoke("--lang", "zh", *args).stdout
    assert "3.0%（总量700.0亿元）" in _row(zh, "gdp")  # a Chinese cell (session 41)


def _row(text: str, target: str) -> str:
    return " ".join(next(line for line in text.splitlines() if f" {target} " in line).split())


def test_stated_keeps_the_places_num_drops() -> None:
    from plancli.fmt import num, percent_figure, stated

    assert (stated(Decimal("12.0")), stated(Decimal("3.0")), stated(Decimal("3.02"))) == (
        "12.0",
        "3.0",
        "3.02",
    )
    assert num(Decimal("12.0")) == "12"  # a computed figure: as before
    assert stated(Decimal("7")) == "7" and stated(Decimal("1E+1")) == "10"
    assert stated(Decimal("-0.0")) == "0.0" and percent_figure(Decimal("12.0")) == "12.0%"


@pytest.mark.parametrize(("lang", "points"), [("en", " pp"), ("zh", "个百分点")])
def test_status_and_gap_write_the_bulletins_places(guandu: Any, lang: str, points: str) -> None:
    status = guandu("status", "--as-of", "2022-06", lang=lang).stdout
    assert "12.0%" in _row(status, "retail_sales") and "12%" not in _row(status, "retail_sales")
    gdp = _row(status, "gdp")
    assert "≥ 7%" in gdp and "3.0%" in gdp and f"4{points}" in gdp  # plan 7, gap computed 4
    assert "5.2%" in _row(status, "budget_revenue")
    assert "3.02%" in _row(status, "unemployment_rate")
    gap = guandu("gap", "--as-of", "2022-06", lang=lang).stdout
    assert "12.0%/≥7%" in _row(gap, "retail_sales") and "3.0%/≥7%" in _row(gap, "gdp")


def test_gap_json_and_csv_keep_numbers_and_state_the_text(guandu: Any) -> None:
    rows = {r["id"]: r for r in json.loads(guandu("gap", "--json").stdout)["targets"]}
    sales, gdp = rows["retail_sales"], rows["gdp"]
    assert (sales["actual"], sales["actual_text"]) == (12, "12.0 %")  # a JSON number
    assert (gdp["actual"], gdp["amount"], gdp["actual_text"]) == (3, 700, "3.0 %")
    assert rows["unemployment_rate"]["actual_text"] == "3.02 %"
    lines = guandu("gap", "--csv").stdout.splitlines()
    header = lines[0].split(",")
    [sales_csv] = [line.split(",") for line in lines if line.startswith("retail_sales,")]
    # the numeric column as a spreadsheet reads it, the text as stated
    assert sales_csv[header.index("actual")] == "12"
    assert sales_csv[header.index("actual_text")] == "12.0 %"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_history_show_and_undo_write_the_figure_recorded(guandu: Any, lang: str) -> None:
    history = guandu("history", lang=lang).stdout
    # 12.0%, as the tables write it (zh since session 41, en since 42: it was 12.0 %)
    assert "12.0%" in _row(history, "retail_sales") and "3.02%" in history
    assert "12%" not in history
    show = guandu("show", "retail_sales", "--as-of", "2022-06", lang=lang).stdout
    assert "12.0 %" in show and "≥ 7 %" in show  # the plan's 7 as the plan states it
    undo = guandu("undo", "--dry-run", lang=lang).stdout
    assert "12.0%" in _row(undo, "retail_sales") and "3.0%" in _row(undo, "gdp")


def test_record_confirmations_state_the_figure(guandu: Any) -> None:
    done = guandu("record", "retail_sales", "12.50", "-p", "2022-07")
    assert "recorded retail_sales 2022-07 = 12.50%" in done.stderr
    again = guandu("record", "gdp", "3.10", "-p", "2022-Q2", "--amount", "705.0")
    assert "= 3.10% (amount 705.0 亿元)" in again.stderr
    assert "supersedes 3.0% (amount 700.0 亿元)" in again.stderr


def test_the_report_says_12_0_percent_in_every_section(guandu: Any) -> None:
    zh = guandu("report", "--as-of", "2022-06", "--format", "md", lang="zh").stdout
    assert "社会消费品零售总额累计增长12.0%，高于目标5个百分点。" in zh
    assert "地区生产总值累计增长3.0%，低于目标4个百分点" in zh
    assert "| 社会消费品零售总额 | ≥ 7% | 12.0% |" in zh
    assert "| 地区生产总值 | ≥ 7% | 3.0%（700.0亿元） |" in zh
    assert "城镇登记失业率为3.02%" in zh  # the seed's 3.02, as before
    assert "12%" not in zh.replace("12.0%", "")
    en = guandu("report", "--as-of", "2022-06", "--format", "md").stdout
    assert "Retail sales of consumer goods grew 12.0% year to date" in en
    assert "| Retail sales of consumer goods | ≥ 7% | 12.0% |" in en


@pytest.mark.parametrize("via", ["toml", "sqlite", "postgres"])
def test_12_0_survives_every_store_and_convert(
    invoke: Any,
    tmp_path: Path,
    via: str,
    ledger_at: Callable[..., Ledger],
    request: pytest.FixtureRequest,
) -> None:
    """12.0 recorded, converted into each store, read there and converted back to TOML."""
    if via == "postgres":
        request.getfixturevalue("pg_ledgers")
        from ledgers import PG_SUFFIX

        store = str(ledger_at(tmp_path / f"copy{PG_SUFFIX}", "guandu-2022"))
    else:
        store = str(tmp_path / f"copy.progress.{via}")
    source, back = str(tmp_path / "a.progress.toml"), str(tmp_path / "back.progress.toml")

    def run(*args: str) -> Any:
        result = invoke("--plan", PLAN, *args)
        assert result.exit_code == 0, result.output
        return result

    run("--ledger", source, "record", "retail_sales", "12.0", "-p", "2022-06")
    run("--ledger", source, "record", "gdp", "3.0", "-p", "2022-Q2", "--amount", "700.0")
    run("ledger", "convert", source, store, "--force")
    for ledger in (store, back):
        if ledger == back:
            run("ledger", "convert", store, back)
            assert "value = 12.0\n" in Path(back).read_text(encoding="utf-8")
        history = run("--ledger", ledger, "history").stdout
        assert "12.0%" in history and "3.0%" in history and "700.0" in history, history
        status = run("--ledger", ledger, "status", "--as-of", "2022-06").stdout
        assert "12.0%" in _row(status, "retail_sales")


def test_the_workbook_shows_12_0_and_keeps_the_number(guandu: Any, tmp_path: Path) -> None:
    """The xlsx report's figure cells stay numbers (a formula sums them) shown with the
    places recorded (`0.0`: 12.0, not Excel's General 12); a plan bound keeps General."""
    from openpyxl import load_workbook

    out = tmp_path / "june.xlsx"
    guandu("report", "--as-of", "2022-06", "-f", "xlsx", "-o", str(out), lang="zh")
    sheet = load_workbook(out).worksheets[1]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    actual = rows["retail_sales"][header.index("完成值（下降型目标为降幅）")]
    assert (actual.value, actual.number_format) == (12, "0.0")
    assert (
        rows["unemployment_rate"][header.index("完成值（下降型目标为降幅）")].number_format
        == "0.00"
    )
    assert (
        sheet.cell(rows["retail_sales"][0].row, header.index("下限") + 1).number_format == "General"
    )


def test_the_year_end_report_states_the_amount_recorded(invoke: Any, tmp_path: Path) -> None:
    ledger = str(tmp_path / "year.progress.toml")
    args = ("--plan", PLAN, "--ledger", ledger)
    done = invoke(*args, "record", "gdp", "3.0", "-p", "2022", "--amount", "1505.0")
    assert done.exit_code == 0, done.output
    zh = invoke("--lang", "zh", *args, "report", "--as-of", "2022", "-f", "md").stdout
    assert "地区生产总值1505.0亿元，增长3.0%，低于目标4个百分点" in zh
