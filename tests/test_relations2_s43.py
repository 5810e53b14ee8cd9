"""Session 43: one series judged as two targets (`figures_of`). 陕西's "居民收入增速高于经济增速、
高于全国平均水平" (report line 46) is two relations of 全体居民人均可支配收入: `resident_income`
(above GDP) and `resident_income_national` (above the national average), judged on
`resident_income`'s figures. The bulletin's one row 全体居民人均可支配收入 5.6 judges both; a
figure typed for the second is refused, naming the first."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.conftest import CORPUS
from tests.test_walk_gansu_shaanxi_s43 import _HEADER, _SHAANXI_ROWS

DATA = Path(__file__).parent.parent / "data" / "2026"
SHAANXI = DATA / "shaanxi.toml"
REPORT = CORPUS / "陕西省.txt"

# 陕西's 1-6月 sheet (tests/test_walk_gansu_shaanxi_s43.py's), one income row; without the two
# rows of targets this file does not look at (规上工业, 社零)
_ROWS: list[list[Any]] = [
    row for row in _SHAANXI_ROWS if row[0] not in {"规模以上工业增加值", "社会消费品零售总额"}
]


def _sheet(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2026年1-6月陕西省主要经济指标"])
    sheet.append(_HEADER)
    for row in _ROWS:
        sheet.append(row)
    book.save(path)
    return path


def _half_year(invoke: Any, ledger: Path, lang: str = "zh") -> list[str]:
    """陕西's plan with its 1-6月 sheet imported and the national figures recorded."""
    plan = ["--lang", lang, "--plan", "shaanxi-2026", "--ledger", str(ledger)]
    sheet = _sheet(ledger.parent / "陕西2026年1-6月主要经济指标.xlsx")
    result = invoke(*plan, "import", str(sheet))
    assert result.exit_code == 0, result.output
    for target, value, period in (
        ("national_fai_growth", "2.8", "1-6月"),
        ("national_income_growth", "5.2", "上半年"),
    ):
        recorded = invoke(*plan, "record", target, value, "-p", period)
        assert recorded.exit_code == 0, recorded.output
    return plan


def test_shaanxi_plan_links_the_national_relation_to_the_income_series() -> None:
    plan = tomllib.loads(SHAANXI.read_text(encoding="utf-8"))
    by_id = {t["id"]: t for t in plan["targets"]}
    national = by_id["resident_income_national"]
    assert national["figures_of"] == "resident_income"
    assert national["reference"] == "national_income_growth"
    assert "figures_of" not in by_id["resident_income"]
    quote = "居民收入增速高于经济增速、高于全国平均水平"
    assert by_id["resident_income"]["quote"] == national["quote"] == quote
    assert quote in REPORT.read_text(encoding="utf-8").splitlines()[45]
    # no other 2026 plan has two relative targets quoting one clause (官渡's urban_income and
    # rural_income share theirs, and are two series: they keep their own figures)
    for path in sorted(DATA.glob("*.toml")):
        targets = tomllib.loads(path.read_text(encoding="utf-8"))["targets"]
        quotes = [t.get("quote") for t in targets if t["kind"] == "relative" and t.get("quote")]
        twice = {q for q in quotes if quotes.count(q) > 1}
        assert twice == ({quote} if path == SHAANXI else set()), path.name


def test_one_bulletin_row_judges_both_relations(invoke: Any, tmp_path: Path) -> None:
    plan = _half_year(invoke, tmp_path / "sx.toml")
    gap = json.loads(invoke(*plan, "gap", "--json", "--as-of", "上半年").stdout)
    by_id = {t["id"]: t for t in gap["targets"]}
    national, income = by_id["resident_income_national"], by_id["resident_income"]
    assert (national["actual"], national["period"], national["status"]) == (
        5.6,
        "2026-Q2",
        "on_track",
    )
    assert (national["reference_actual"], national["figures_of"]) == (5.2, "resident_income")
    assert (income["actual"], income["reference_actual"], income["figures_of"]) == (
        5.6,
        5.3,
        None,
    )
    report = invoke(*plan, "report", "--as-of", "上半年").stdout
    assert "居民收入累计增长5.6%，高于生产总值增长（5.3%）" in report
    assert "居民收入（与全国平均水平比较）累计增长5.6%，高于全国居民收入增速（5.2%）" in report
    assert "尚无数据" not in re.sub(
        r"粮食产量待国家下达目标，尚无数据|单位生产总值.*?尚无数据", "", report
    )
    rows = list(csv.DictReader(io.StringIO(invoke(*plan, "gap", "--csv").stdout)))
    row = next(r for r in rows if r["id"] == "resident_income_national")
    assert (row["actual"], row["period"], row["figures_of"]) == (
        "5.6",
        "2026-Q2",
        "resident_income",
    )
    show = json.loads(invoke(*plan, "show", "resident_income_national", "--json").stdout)
    assert [(h["target"], h["period"], h["value"]) for h in show["history"]] == [
        ("resident_income", "2026-Q2", 5.6)
    ]
    assert show["target"]["figures_of"] == "resident_income"
    shown = invoke(*plan, "show", "resident_income_national").stdout
    assert "数据取自   居民收入（resident_income）" in shown


def test_a_figure_of_the_linked_target_is_refused_naming_the_series(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "sx.toml"
    plan = ["--plan", "shaanxi-2026", "--ledger", str(ledger)]
    typed = invoke(*plan, "record", "resident_income_national", "5.6", "-p", "上半年")
    assert typed.exit_code == 2
    assert "judged on resident_income's" in typed.stderr
    assert "record the figure as resident_income" in typed.stderr
    zh = invoke("--lang", "zh", *plan, "record", "resident_income_national", "5.6", "-p", "上半年")
    assert "请将数据录入 resident_income" in zh.stderr
    sheet = tmp_path / "twice.csv"  # docs/plans.md's example listed the row twice
    sheet.write_text(
        "target,period,value\nresident_income,2026-Q2,5.6\nresident_income_national,2026-Q2,5.6\n",
        encoding="utf-8",
    )
    imported = invoke(*plan, "import", str(sheet))
    assert imported.exit_code == 2
    assert "twice.csv:3: resident_income_national has no figures of its own" in imported.stderr
    assert not ledger.exists() or "resident_income" not in ledger.read_text(encoding="utf-8")
    recorded = invoke(*plan, "record", "resident_income", "5.6", "-p", "上半年")
    assert recorded.exit_code == 0, recorded.output
    template = tmp_path / "t.csv"
    assert invoke(*plan, "template", str(template), "-p", "2026-Q2").exit_code == 0
    ids = [r["target"] for r in csv.DictReader(template.open(encoding="utf-8-sig"))]
    assert "resident_income" in ids and "resident_income_national" not in ids
    # an amendment is the target's own: dropping the national comparison drops it alone
    dropped = invoke(
        *plan, "amend", "resident_income_national", "--drop", "--from", "2026-07", "--note", "x"
    )
    assert dropped.exit_code == 0, dropped.output


def _plan_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SHAANXI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "shaanxi.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'figures_of = "resident_income"',
            'figures_of = "resident_incme"',
            "line 101: target resident_income_national: figures_of 'resident_incme' names no "
            "target (did you mean resident_income?)",
        ),
        (
            'figures_of = "resident_income"',
            'figures_of = "gdp"',
            "line 101: target resident_income_national: figures_of 'gdp' is a growth target",
        ),
        (
            'figures_of = "resident_income"',
            'figures_of = "resident_income_national"',
            "line 101: target resident_income_national: figures_of names itself",
        ),
        (
            'figures_of = "resident_income"',
            'figures_of = "fixed_asset_investment"',
            "figures_of 'fixed_asset_investment' has unit '亿元', this target '元'",
        ),
        (
            'reference = "gdp"',
            'reference = "gdp"\nfigures_of = "resident_income_national"',
            "target resident_income: figures_of 'resident_income_national' is judged on the "
            "figures of 'resident_income' itself",
        ),
    ],
    ids=["unknown", "growth", "itself", "unit", "chain"],
)
def test_the_plan_checks_the_link(
    invoke: Any, tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = _plan_with(tmp_path, old, new)
    result = invoke("--plan", str(path), "validate")
    assert result.exit_code == 3, result.output
    assert message in result.stderr, result.stderr


def test_figures_of_on_another_kind_is_refused(invoke: Any, tmp_path: Path) -> None:
    path = _plan_with(
        tmp_path,
        'quote = "一般公共预算收入增长3％"',
        'quote = "一般公共预算收入增长3％"\nfigures_of = "gdp"',
    )
    result = invoke("--plan", str(path), "validate")
    assert result.exit_code == 3
    assert "target budget_revenue: `figures_of` is only for relative targets" in result.stderr


def test_schema_describes_figures_of(invoke: Any) -> None:
    schema = json.loads(invoke("schema", "plan").stdout)
    text = json.dumps(schema, ensure_ascii=False)
    assert "figures_of" in text and "高于经济增速、高于全国平均水平" in text
    gap = json.dumps(json.loads(invoke("schema", "gap").stdout))
    assert "figures_of" in gap


def test_sqlite_ledger_and_the_split_gap_read_the_series(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite ledger's gap; and `gap --json` in two processes with the two relations in
    different shares (the child's share reads resident_income's figures for its
    resident_income_national)."""
    from gap_split_helpers import every_target, read_and_judged, split_document
    from plancli.assess import gap_split
    from plancli.assess.gap_shares import shares
    from plancli.compiled import plain_plan
    from plancli.locations import LedgerLocation
    from plancli.plan import load_plan_file
    from plancli.stores.sqlite_split import SqliteShares

    ledger = tmp_path / "sx.sqlite"
    plan_args = _half_year(invoke, ledger)
    gap = json.loads(invoke(*plan_args, "gap", "--json").stdout)
    national = next(t for t in gap["targets"] if t["id"] == "resident_income_national")
    assert (national["actual"], national["status"]) == (5.6, "on_track")

    plan = plain_plan(load_plan_file(SHAANXI))
    monkeypatch.setattr(gap_split, "PARENT_SHARE", 10 / 12)
    _, (theirs, _) = shares(plan, 10 / 12)
    assert theirs.low == "resident_income_national" and "resident_income" in theirs.extra
    location = LedgerLocation(ledger, "option")
    how = every_target(plan)
    expected = read_and_judged(plan, location, None, **how)
    text, done = split_document(plan, None, lambda query: SqliteShares(location, query), **how)
    assert (text, done) == (expected, "split")
    targets = {t["id"]: t for t in json.loads(text)["targets"]}
    assert targets["resident_income_national"]["actual"] == 5.6
