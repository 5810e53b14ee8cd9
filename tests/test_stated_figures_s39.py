"""A figure shows as stated, `%` against it, in every view (session 38's 广东 walk): a
bulletin's 地方一般公共预算收入增长3.0% recorded as 3.0 (the ledger keeps `value = 3.0`) was
`3 %` in `history` and in `gap --json`'s `actual_text`, `3%` in `status`, `gap` and the
report. Now `3.0%` in each (`fmt.percent_figure`, one place); `show`'s own lines keep their
spaced figures (`≈ 3 %` beside `3.0 %`), with the places as stated too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plancli.fmt import percent_figure, stated


@pytest.fixture(name="gd")
def gd_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    args = ("--plan", "guangdong-2026", "--ledger", str(tmp_path / "gd.toml"))
    for more in (
        ("budget_revenue", "3.0", "-p", "2026-06"),
        ("gdp", "4.10", "-p", "2026-Q2"),
    ):
        done = invoke(*args, "record", *more)
        assert done.exit_code == 0, done.output
    monkeypatch.setenv("COLUMNS", "100")

    def call(*command: str, lang: str = "zh") -> str:
        result = invoke("--lang", lang, *args, *command)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    return call


def test_the_figure_as_stated() -> None:
    from decimal import Decimal

    assert stated(Decimal("3.0")) == "3.0" and stated(Decimal("4.10")) == "4.10"
    assert stated(Decimal("5")) == "5" and stated(Decimal("-0.0")) == "0.0"
    assert stated(Decimal("1E+1")) == "10"
    assert percent_figure(Decimal("3.0")) == "3.0%"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_writes_3_0_percent(gd: Any, lang: str) -> None:
    history = gd("history", lang=lang)
    assert " 3.0%  " in history and " 4.10%  " in history, history
    assert " 3 %" not in history and "3.0 %" not in history
    status = gd("status", lang=lang)
    assert "3.0%" in status and "4.10%" in status, status
    gap = gd("gap", lang=lang)
    assert "3.0%/≈3%" in gap, gap
    report = gd("report", "--format", "md", lang=lang)
    assert "| 3.0% |" in report, report
    shown = gd("show", "budget_revenue", lang=lang)
    assert "3.0 %" in shown and " 3.0%  " in shown  # its lines spaced, its history table not


def test_json_keeps_the_number_and_states_the_text(gd: Any) -> None:
    rows = {row["id"]: row for row in json.loads(gd("gap", "--json"))["targets"]}
    assert rows["budget_revenue"]["actual"] == 3  # a JSON number is a number
    assert rows["budget_revenue"]["actual_text"] == "3.0%"
    assert rows["gdp"]["actual_text"] == "4.10%"
