"""Session 36 (small2): periods periods2 left.

- a header cell `1-6` over the figures beside `6月` (`指标,1-6,6月`) was told `missing
  column(s) period` while `1-6月` was read there: it is 1-6月 where another header cell of the
  row is a period of months (`period_ranges.layout_spans`); alone it is an unknown column;
- a bare `1-13` got the generic `malformed period … use YYYY-MM`: there is no month 13."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


def test_a_bare_span_alone_is_no_period(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "m06.csv"
    path.write_text("指标,1-6\n新建5G基站,420\n", encoding="utf-8")
    done = run("import", str(path), "--dry-run")
    assert done.exit_code == 2
    assert "m06.csv:1: unknown column(s) '1-6'" in done.stderr


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
