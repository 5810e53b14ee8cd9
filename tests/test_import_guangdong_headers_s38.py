"""Session 38's 广东 walk: bulletin headers of `plancli import` that were refused or misread, on
the bundled 广东 2026 plan (地区生产总值 增长4.4 in 1-6月; 地方一般公共预算收入 增长2.4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "gd.progress.toml"


def _import(invoke: Any, ledger: Path, path: Path, *args: str) -> Any:
    return invoke(*args, "--plan", "guangdong-2026", "--ledger", str(ledger), "import", str(path))


def _values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}


def _csv(tmp_path: Path, text: str, name: str = "广东主要经济指标.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------- D6: 上半年 under a 1-6月 title is one period


@pytest.mark.parametrize(
    ("title", "column", "expected"),
    [
        (
            "2026年1-6月",
            "上半年",
            {
                ("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40")),
                ("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21")),
            },
        ),
        (
            "2026年1-9月",
            "前三季度",
            {
                ("gdp", "2026-Q3"): (Decimal("4.4"), Decimal("68725.40")),
                ("budget_revenue", "2026-09"): (Decimal("2.4"), Decimal("7043.21")),
            },
        ),
        (
            "2026年上半年",
            "1-6月",
            {
                ("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40")),
                ("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21")),
            },
        ),
    ],
)
def test_a_title_and_a_header_naming_one_period_in_two_ways_are_read(
    invoke: Any, ledger: Path, tmp_path: Path, title: str, column: str, expected: dict
) -> None:
    """Before: `the title says 2026年1-6月 and the header 上半年; which period are the figures
    for?` — 2026-06 and 9999-H1 compared as strings; both end in June of 2026."""
    path = _csv(
        tmp_path,
        f"{title}广东省主要经济指标\n指标,计量单位,{column},增长（%）\n"
        "地区生产总值,亿元,68725.40,4.4\n地方一般公共预算收入,亿元,7043.21,2.4\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == expected


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "the title says 2026年1-9月 and the header 上半年; which period are the figures for? "
            "Correct one of them",
        ),
        ("zh", "标题为 2026年1-9月，表头为 上半年；数据属于哪一期？请改正其中一处"),
    ],
)
def test_a_title_and_a_header_naming_two_periods_are_still_refused(
    invoke: Any, ledger: Path, tmp_path: Path, lang: str, message: str
) -> None:
    path = _csv(
        tmp_path,
        "2026年1-9月广东省主要经济指标\n指标,计量单位,上半年,增长（%）\n"
        "地区生产总值,亿元,68725.40,4.4\n",
    )
    result = _import(invoke, ledger, path, "--lang", lang)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not ledger.exists()


# ------------------------------------------------- D5: 增长% read as 增长（%）


@pytest.mark.parametrize("growth", ["增长%", "增速%", "增长 %", "增长％", "增长±%"])
def test_a_growth_header_with_a_bare_percent_is_read(
    invoke: Any, ledger: Path, tmp_path: Path, growth: str
) -> None:
    """Before: `unknown column(s) '增长%'`, while 增长（%） was read."""
    path = _csv(
        tmp_path,
        f"2026年1-6月广东省主要经济指标\n指标,计量单位,1-6月,{growth}\n"
        "地方一般公共预算收入,亿元,7043.21,2.4\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21"))}


def test_a_bare_percent_after_no_growth_word_stays_unknown(
    invoke: Any, ledger: Path, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "指标,期间,累计%\n地方一般公共预算收入,2026-06,2.4\n")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert "unknown column(s) '累计%'" in result.stderr


# ------------------------------------------------- D7: a lone period column with its unit


@pytest.mark.parametrize(
    "column", ["1-7月（亿元）", "1-7月(亿元)", "1—7月（亿元）", "1-7月累计（亿元）"]
)
def test_a_lone_period_column_with_its_unit_is_the_years_to_date(
    invoke: Any, ledger: Path, tmp_path: Path, column: str
) -> None:
    """Verified on main after the series merge (passes there too): pinned."""
    path = _csv(
        tmp_path,
        f"2026年1-7月广东省主要经济指标\n指标,{column},增长（%）\n"
        "地方一般公共预算收入,8189.50,2.4\n",
    )
    result = _import(invoke, ledger, path)
    assert result.exit_code == 0, result.output
    assert _values(ledger) == {("budget_revenue", "2026-07"): (Decimal("2.4"), Decimal("8189.50"))}


# ------------------------------------------------- D8: a table by place


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "(a table by place: '地区' down the side, the indicators across; plancli imports "
            "a table with one row per indicator",
        ),
        (
            "zh",
            "（这是一张按地区排列的表：'地区'在左侧，各指标横排；plancli 导入的是每行一个指标的表",
        ),
    ],
)
def test_a_table_by_place_is_refused_saying_what_it_is(
    invoke: Any, ledger: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """Before: only `unknown column(s) '地区', '地区生产总值（亿元）'`."""
    path = _csv(
        tmp_path,
        "2026年上半年各市主要经济指标\n地区,地区生产总值（亿元）,增长（%）\n"
        "广州市,15012.34,4.1\n深圳市,18322.16,5.0\n",
    )
    result = _import(invoke, ledger, path, "--lang", lang)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "地区生产总值（亿元）" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not ledger.exists()


def test_a_place_column_beside_the_indicators_column_gets_no_such_hint(
    invoke: Any, ledger: Path, tmp_path: Path
) -> None:
    """One row per indicator with a 地区 column: unknown, but no table by place."""
    path = _csv(tmp_path, "指标,地区,期间,增长（%）\n地区生产总值,广东,2026-Q2,4.4\n")
    result = _import(invoke, ledger, path)
    assert result.exit_code == 2
    assert "unknown column(s) '地区'" in result.stderr
    assert "table by place" not in result.stderr
