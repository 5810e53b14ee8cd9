"""Session 36 (small2): periods periods2 left.

- a header cell `1-6` over the figures beside `6月` (`指标,1-6,6月`) was told `missing
  column(s) period` while `1-6月` was read there: it is 1-6月 where another header cell of the
  row is a period of months (`period_ranges.layout_spans`); alone it was an unknown column
  (session 37 reads it as 1-6月 too);
- a bare `1-13` got the generic `malformed period … use YYYY-MM`: there is no month 13."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from sheets import sheet_file as _sheet
from test_cli_periods_s32 import run_fixture  # noqa: F401 - the fixture `run`, used by name


@pytest.mark.parametrize("span", ["1-6", "1—6", "1~6", "１-６"])
def test_a_bare_span_beside_a_month_heads_the_year_to_date(
    run: Callable[..., Any], tmp_path: Path, span: str
) -> None:
    """新建5G基站 420 by June (1-6), 30 in June alone (6月, read past)."""
    path = tmp_path / "m06.csv"
    path.write_text(f"指标,{span},6月\n新建5G基站,420,30\n", encoding="utf-8")
    done = run("import", str(path), "--json")  # before: missing column(s) period
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"]) for r in records] == [
        ("new_5g_base_stations", "2022-Q2", 420)  # quarterly: June's end is Q2's
    ]


def test_a_bare_span_alone_heads_the_year_to_date(run: Callable[..., Any], tmp_path: Path) -> None:
    """Session 37 changed this on purpose: `指标,1-6` alone was `unknown column(s) '1-6'`; it is
    1-6月, as the bare `1-6` of a period cell is (test_periods_s37)."""
    path = tmp_path / "m06.csv"
    path.write_text("指标,1-6\n新建5G基站,420\n", encoding="utf-8")
    done = run("import", str(path), "--json")
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)["records"]
    assert [(r["target"], r["period"], r["value"]) for r in records] == [
        ("new_5g_base_stations", "2022-Q2", 420)
    ]


@pytest.mark.parametrize(
    ("period", "lang", "message"),
    [
        ("1-13", "en", "malformed period '1-13': there is no month 13 (a month is 1-12)"),
        ("1~13", "en", "malformed period '1~13': there is no month 13 (a month is 1-12)"),
        ("2-13", "en", "malformed period '2-13': there is no month 13 (a month is 1-12)"),
        ("1-13", "zh", "期间 '1-13' 有误：没有13月（月份为1～12）"),
    ],
)
def test_a_bare_span_past_december_names_the_month(
    run: Callable[..., Any], period: str, lang: str, message: str
) -> None:
    done = run("record", "new_5g_base_stations", "420", "-p", period, "--dry-run", lang=lang)
    assert done.exit_code == 2, done.stdout
    assert message in done.stderr  # before: malformed period '1-13': use YYYY-MM, …


def test_a_bare_span_past_december_in_a_bulletin(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("指标,期间,数值\n新建5G基站,1-13,420\n", encoding="utf-8")
    done = run("import", str(path), "--dry-run")
    assert done.exit_code == 2
    named = "m.csv:2: target new_5g_base_stations: malformed period '1-13': there is no month 13"
    assert named in done.stderr
    # a range of real months still reads; what is no range keeps the generic message (22-06:
    # a year and a month; 13-14: no month at either end; 6-1 backwards)
    assert run("record", "new_5g_base_stations", "420", "-p", "1-6", "--dry-run").exit_code == 0
    for text in ("6-1", "22-06", "13-14"):
        assert "use YYYY-MM" in run("record", "new_5g_base_stations", "1", "-p", text).stderr


# ------------------------------------ c. Excel's date for `1-6` typed in 2026 into 2022's sheet


TYPED_2026 = datetime(2026, 1, 6)  # what Excel makes of `1-6` typed in 2026


@pytest.mark.parametrize(
    ("rows", "name"),
    [
        # the title's year
        ([["官渡区2022年主要经济指标"], ["指标", "期间", "本年累计"]], "月报.xlsx"),
        # the file name's
        ([["指标", "期间", "本年累计"]], "官渡区2022年月报.xlsx"),
        # none: the plan's (guandu-2022)
        ([["指标", "期间", "本年累计"]], "月报.xlsx"),
    ],
)
def test_a_typed_range_without_a_year_names_the_bulletin_s_year(
    run: Callable[..., Any], tmp_path: Path, rows: list[list[object]], name: str
) -> None:
    path = _sheet(tmp_path, [*rows, ["新建5G基站", TYPED_2026, 420]], name)
    result = run("import", str(path))
    assert result.exit_code == 2
    line = len(rows) + 1
    # before: … of 2026-1-6 typed for the months 2026年1-6月 (2026-06, year to date): type 2026年…
    assert (
        f"cell B{line} is the date 2026-01-06, which is what Excel makes of 1-6 typed in 2026 "
        "for the months 2022年1-6月 (2022-06, year to date): type 2022年1-6月"
    ) in " ".join(result.stderr.split())
    assert "2026年1-" not in result.stderr
    assert not run.ledger.exists()  # type: ignore[attr-defined]


def test_a_typed_range_with_a_year_column_names_its_year(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    """年份 2022 beside 2026-01-06: before, `period '2026-01' is in 2026, but the year column
    says 2022`, as if the analyst had typed 2026."""
    path = _sheet(
        tmp_path, [["指标", "年份", "期间", "本年累计"], ["新建5G基站", 2022, TYPED_2026, 420]]
    )
    result = run("import", str(path), lang="zh")
    assert result.exit_code == 2
    flat = "".join(result.stderr.split())
    assert "单元格C2是日期2026-01-06" in flat and "2022年1-6月" in flat, result.stderr
    assert "2026年1-" not in flat and "在2026年" not in flat


def test_a_typed_later_range_names_the_months_from_january(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    path = _sheet(tmp_path, [["指标", "期间", "本年累计"], ["新建5G基站", datetime(2026, 4, 6), 1]])
    result = run("import", str(path))
    assert result.exit_code == 2
    assert (
        "Excel makes of 4-6 typed in 2026 for the months 2022年4-6月, which are not year to "
        "date: type 2022年1-6月 (2022-06) for the months from January"
    ) in " ".join(result.stderr.split())


def test_a_date_of_the_bulletin_s_year_keeps_its_message(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    path = _sheet(tmp_path, [["指标", "期间", "本年累计"], ["新建5G基站", datetime(2022, 1, 6), 1]])
    result = run("import", str(path))
    assert "which is what Excel makes of 2022-1-6 typed for the months 2022年1-6月" in (
        " ".join(result.stderr.split())
    )
