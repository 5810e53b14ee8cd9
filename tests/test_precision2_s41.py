"""Session 41: the loose ends of session 40's stated places, on the bundled plans.

1. `record gdp 12 -p 2022-06` over a recorded 12.0 said `already the figure in force; nothing
   written`: equal as numbers, yet the user typed another statement of the figure, which every
   view would then show as 12.0 still. Now it supersedes (12.0 → 12), in TOML, SQLite and
   PostgreSQL; the same file imported again is still unchanged (every store gives back the
   places it was given), and an xlsx cell shown `12.0` (format 0.0) is read as 12.0, as the
   CSV's 12.0 is (it was read 12, which then revised the CSV's 12.0).
2. `history --csv` wrote 12 for a recorded 12.0.
3. The sequence warnings (a total below an earlier one, an amount below, a milestone going
   back) wrote the figures by `num` (40 is below 2022-06's 120 for 40.0 and 120.0).
4. 江苏's 粮食产量保持稳定 (a trend's band, default ±0.5): English tables wrote `stable`, the
   Chinese `保持稳定 ±0.5` without its unit. Now `stable ±0.5%` / `保持稳定 ±0.5%`, once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger

DATA = Path(__file__).resolve().parents[1] / "data"
PLAN = str(DATA / "plan2022.toml")  # guandu-2022

# A June bulletin: 社会消费品零售总额增长12.0%, 地区生产总值增长3.0% (700.0 亿元), and the
# seed's 附表1 5.2 (地方一般公共预算收入).
BULLETIN = (
    "指标,期间,累计增长,累计值\n"
    "社会消费品零售总额,2022年1-6月,12.0,\n"
    "地区生产总值,2022年1-6月,3.0,700.0\n"
    "地方一般公共预算收入,2022年1-6月,5.2,\n"
)


def _store(via: str, tmp_path: Path, ledger_at: Callable[..., Ledger], request: Any) -> str:
    if via == "postgres":
        request.getfixturevalue("pg_ledgers")
        from ledgers import PG_SUFFIX

        return str(ledger_at(tmp_path / f"work{PG_SUFFIX}", "guandu-2022"))
    return str(tmp_path / f"work.progress.{via}")


@pytest.mark.parametrize("via", ["toml", "sqlite", "postgres"])
def test_12_over_12_0_is_recorded_and_a_reimport_is_still_unchanged(
    invoke: Any,
    tmp_path: Path,
    via: str,
    ledger_at: Callable[..., Ledger],
    request: pytest.FixtureRequest,
) -> None:
    ledger = _store(via, tmp_path, ledger_at, request)
    (tmp_path / "june.csv").write_text(BULLETIN, encoding="utf-8")

    def run(*args: str) -> Any:
        result = invoke("--plan", PLAN, "--ledger", ledger, *args)
        assert result.exit_code == 0, result.output
        return result

    assert "3 new, 0 revised, 0 unchanged" in run("import", str(tmp_path / "june.csv")).stderr
    # the same file again: idempotent, in every store (its places come back as given)
    assert "0 new, 0 revised, 3 unchanged" in run("import", str(tmp_path / "june.csv")).stderr
    done = run("record", "retail_sales", "12", "-p", "2022-06").stderr
    assert "recorded retail_sales 2022-06 = 12%" in done and "supersedes 12.0%" in done
    again = run("record", "retail_sales", "12", "-p", "2022-06").stderr
    assert "already the figure in force; nothing written" in again
    amount = run("record", "gdp", "3.0", "-p", "2022-Q2", "--amount", "700").stderr
    assert "= 3.0% (amount 700 亿元)" in amount and "supersedes 3.0% (amount 700.0 亿元)" in amount
    history = run("history", "retail_sales").stdout
    assert "12.0%" in history and "12%" in history
    # the bulletin's 12.0 imported again restates it: a revision, counted as one
    assert "0 new, 2 revised, 1 unchanged" in run("import", str(tmp_path / "june.csv")).stderr


def test_12_over_12_0_in_chinese_names_what_it_supersedes(invoke: Any, tmp_path: Path) -> None:
    ledger = str(tmp_path / "guandu.progress.toml")
    args = ("--lang", "zh", "--plan", PLAN, "--ledger", ledger)
    assert invoke(*args, "record", "retail_sales", "12.0", "-p", "2022-06").exit_code == 0
    done = invoke(*args, "record", "retail_sales", "12", "-p", "2022-06")
    assert done.exit_code == 0 and "已是现行数值" not in done.stderr
    assert "12.0%" in done.stderr


def test_an_xlsx_cell_shown_12_0_is_read_as_12_0(invoke: Any, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["指标", "期间", "累计增长"])
    sheet.append(["社会消费品零售总额", "2022年1-6月", 12.0])
    sheet["C2"].number_format = "0.0"
    book.save(tmp_path / "june.xlsx")
    (tmp_path / "june.csv").write_text(BULLETIN, encoding="utf-8")
    ledger = str(tmp_path / "guandu.progress.toml")
    args = ("--plan", PLAN, "--ledger", ledger)
    assert invoke(*args, "import", str(tmp_path / "june.csv")).exit_code == 0
    sheet_import = invoke(*args, "import", str(tmp_path / "june.xlsx"))
    assert sheet_import.exit_code == 0, sheet_import.output
    assert "0 new, 0 revised, 1 unchanged" in sheet_import.stderr  # it revised 12.0 to 12
    fresh = str(tmp_path / "sheet.progress.toml")
    invoke("--plan", PLAN, "--ledger", fresh, "import", str(tmp_path / "june.xlsx"))
    assert "value = 12.0\n" in Path(fresh).read_text(encoding="utf-8")


def test_history_csv_writes_the_figure_as_recorded(invoke: Any, tmp_path: Path) -> None:
    (tmp_path / "june.csv").write_text(BULLETIN, encoding="utf-8")
    ledger = str(tmp_path / "guandu.progress.toml")
    args = ("--plan", PLAN, "--ledger", ledger)
    assert invoke(*args, "import", str(tmp_path / "june.csv")).exit_code == 0
    lines = invoke(*args, "history", "--csv").stdout.splitlines()
    header = lines[0].split(",")
    rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
    value, amount = header.index("value"), header.index("amount")
    assert rows["retail_sales"][value] == "12.0"
    assert (rows["gdp"][value], rows["gdp"][amount]) == ("3.0", "700.0")
    assert rows["budget_revenue"][value] == "5.2"


@pytest.mark.parametrize(
    ("first", "then", "warned"),
    [
        (
            ("new_5g_base_stations", "156.0", "-p", "2022-06"),
            ("new_5g_base_stations", "36.0", "-p", "2022-07"),
            "new_5g_base_stations 2022-07 = 36.0 is below 2022-06's 156.0",
        ),
        (
            ("gdp", "3.0", "--amount", "1505.0", "-p", "2022-Q3"),
            ("gdp", "3.0", "--amount", "700.0", "-p", "2022-Q4"),
            "the amount 700.0 亿元 is below 2022-Q3's 1505.0",
        ),
        (
            ("enterprise_service_centre_opened", "100.0", "-p", "2022-Q2"),
            ("enterprise_service_centre_opened", "80.0", "-p", "2022-Q4"),
            "2022-Q4 = 80.0% is below 2022-Q2's 100.0% (done)",
        ),
    ],
)
def test_the_sequence_warnings_state_the_figures(
    invoke: Any, tmp_path: Path, first: tuple[str, ...], then: tuple[str, ...], warned: str
) -> None:
    ledger = str(tmp_path / "guandu.progress.toml")
    args = ("--plan", PLAN, "--ledger", ledger, "record")
    assert invoke(*args, *first).exit_code == 0
    result = invoke(*args, *then)
    assert result.exit_code == 0, result.output
    assert warned in result.stderr


def _jiangsu(invoke: Any, tmp_path: Path) -> Callable[..., str]:
    ledger = str(tmp_path / "jiangsu.progress.toml")
    plan = str(DATA / "2026" / "jiangsu.toml")
    done = invoke("--plan", plan, "--ledger", ledger, "record", "grain_output", "1.2", "-p", "2026")
    assert done.exit_code == 0, done.output

    def run(*args: str, lang: str = "en") -> str:
        result = invoke("--lang", lang, "--plan", plan, "--ledger", ledger, *args)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    return run


@pytest.mark.parametrize(("lang", "band"), [("en", "stable ±0.5%"), ("zh", "保持稳定 ±0.5%")])
@pytest.mark.parametrize("command", ["status", "gap"])
def test_a_stable_trend_shows_its_band_with_its_unit(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, band: str, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    run = _jiangsu(invoke, tmp_path)
    [row] = [line for line in run(command, lang=lang).splitlines() if "grain_output" in line]
    assert band in row and row.count("±") == 1, row


def test_the_report_table_writes_the_band_with_its_unit(invoke: Any, tmp_path: Path) -> None:
    run = _jiangsu(invoke, tmp_path)
    assert "| 粮食产量 | 保持稳定 ±0.5% | 1.2% |" in run("report", "-f", "md", lang="zh")
    assert "| Grain output | stable ±0.5% | 1.2% |" in run("report", "-f", "md")


def test_a_band_in_points_says_points() -> None:
    from decimal import Decimal

    from plancli.fmt import bound_text
    from plancli.plan import load_plan_file

    target = load_plan_file(DATA / "2026" / "jiangsu.toml").target("grain_output")
    assert target is not None
    band = target.model_copy(update={"tolerance": Decimal("0.5")})
    assert bound_text(band, lang="zh") == "保持稳定 ±0.5 %"
    points = band.model_copy(update={"unit": "个百分点"})
    assert bound_text(points, lang="zh") == "保持稳定 ±0.5 个百分点"
    assert bound_text(points) == "stable ±0.5 pp"


def test_same_as_stated_compares_the_places_shown() -> None:
    from decimal import Decimal

    from plancli.stores.base import same_as_stated

    assert not same_as_stated(Decimal("12"), Decimal("12.0"))
    assert same_as_stated(Decimal("12.0"), Decimal("12.0"))
    # a whole figure with an exponent is the integer TOML gives back (1200): the same as shown
    assert same_as_stated(Decimal("1.2E+3"), Decimal("1200"))
    assert same_as_stated(Decimal("-0.0"), Decimal("0.0")) and same_as_stated(None, None)
    assert not same_as_stated(Decimal("700.0"), None)
