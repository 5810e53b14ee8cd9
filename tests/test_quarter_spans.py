"""Quarters counted from the first (`1-3季度`, `1—3季度`, `2022年1-4季度`), as 统计月报/季报
titles write them ("2022年1—3季度全区经济运行情况"): year to date like `1-9月` and `前三季度`
(docs/formats.md), read as 2022-Q3 and 2022-Q4; refused with a generic format error before
(audit Y, D9). A span that does not start with the first quarter is no year-to-date figure:
refused, naming the forms that are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.errors import InputError
from plancli.periods import bulletin_period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("1-3季度", "2022-Q3"),
        ("1—3季度", "2022-Q3"),
        ("1至3季度", "2022-Q3"),
        ("一至三季度", "2022-Q3"),
        ("1季度-3季度", "2022-Q3"),
        ("2022年1-4季度", "2022-Q4"),
        ("2021年1-2季度", "2021-Q2"),
    ],
)
def test_quarters_from_the_first_are_year_to_date(text, period) -> None:  # type: ignore[no-untyped-def]
    assert bulletin_period(text, 2022) == period


def test_quarters_not_from_the_first_are_refused_naming_the_year_to_date_forms() -> None:
    with pytest.raises(InputError) as refused:
        bulletin_period("2-3季度", 2022)
    message = str(refused.value)
    assert "2-3季度" in message and "前三季度" in message and "1-9月" in message


def test_the_audits_bulletin_imports(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bulletin = tmp_path / "p2.csv"
    bulletin.write_text(
        "指标,期间,累计值\n校舍修缮改造,1-3季度,2.6\n新增健身路径,1—3季度,8\n"
        "新增城市绿地,2022年1-4季度,21.5\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "plan2022.progress.toml"
    result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "import", str(bulletin))
    assert result.exit_code == 0, result.output
    history = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "gap", "--json")
    assert history.exit_code == 0, history.output
    periods = {t["id"]: t.get("period") for t in json.loads(history.stdout)["targets"]}
    assert sorted(p for p in periods.values() if p) == ["2022-Q3", "2022-Q3", "2022-Q4"]
