"""Session 40, forms2: forms still misread after the session's first round.

1. `periods.bulletin_form`: the one public reading of a bulletin period's form, which
   `add_spans` uses (it reached into periods' private `_CN_DIGITS`/`_FORMS`).
2. A bulletin header to a month's end with its month in numerals or its year written
   (`截至九月末累计`, `截至2026年9月末累计`) is the year to date, as `截至9月末累计` is; a year
   other than the import's is refused naming it.
3. extract: `提高半个百分点` is a change of 0.5.
4. extract: a work section's floor then a higher 力争 figure is one target with its stretch.

Figures: the bundled 广东 2026 plan (地区生产总值 68725.40 亿元 +4.4 %, 地方一般公共预算收入
7043.21 亿元 +2.4 %), as tests/test_bulletin_s40.py; 陕西's 2026 report for 4.
"""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger

GD = "guangdong-2026"
ROWS = [["地区生产总值", "68725.40", "4.4"], ["地方一般公共预算收入", "7043.21", "2.4"]]
JULY = {
    ("gdp", "2026-Q3"): (Decimal("4.4"), Decimal("68725.40")),
    ("budget_revenue", "2026-09"): (Decimal("2.4"), Decimal("7043.21")),
}
SRC = Path(__file__).resolve().parent.parent / "src" / "plancli"


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "主要经济指标.csv"
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _import(invoke: Any, ledger: Path, path: Path, lang: str = "en") -> Any:
    return invoke("--lang", lang, "--plan", GD, "--ledger", str(ledger), "import", str(path))


def _values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}


# ------------------------------------------------------------------ 1. periods.bulletin_form


@pytest.mark.parametrize(
    ("normal", "expected"),
    [
        ("二季度", ("A", "2")),  # the quarter's numeral read as its digit
        ("前三季度", ("Q", "3")),
        ("2026年9月末", ("M", None)),
    ],
)
def test_bulletin_form_reads_a_period_s_form_and_its_quarter(
    normal: str, expected: tuple[str, str | None]
) -> None:
    from plancli.periods import bulletin_form

    form = bulletin_form(normal)
    assert form is not None
    granularity, parts = form
    assert (granularity, parts.get("quarter")) == expected


def test_bulletin_form_reads_a_month_and_its_year() -> None:
    from plancli.periods import bulletin_form

    assert bulletin_form("2026年9月末") == ("M", {"year": "2026", "month": "9"})
    assert bulletin_form("一年以上") is None


def test_add_spans_uses_no_private_name_of_periods() -> None:
    tree = ast.parse((SRC / "add_spans.py").read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "plancli.periods"
        for alias in node.names
    }
    assert "bulletin_form" in names
    assert not [name for name in names if name.startswith("_")]


@pytest.mark.parametrize(
    ("typed", "start"), [("4-6月", 4), ("二季度", 4), ("下半年", 7), ("2-3季度", 4), ("三季度", 7)]
)
def test_add_span_still_reads_a_span_s_first_month(typed: str, start: int) -> None:
    from plancli.add_spans import add_span

    span = add_span(typed, 2026)
    assert span is not None
    assert span.start == start


# ------------------------------------------------------- 2. 截至九月末累计, 截至2026年9月末累计

TO_JULY = [
    "截至九月末累计（亿元）",
    "截至九月累计（亿元）",
    "截止到九月底累计（亿元）",
    "截至2026年9月末累计（亿元）",
    "截至2026年九月末累计（亿元）",
    "截至二〇二六年九月末累计（亿元）",
]


@pytest.mark.parametrize("amount", TO_JULY)
@pytest.mark.parametrize("title", [True, False])
def test_to_july_s_end_in_numerals_or_with_its_year_is_the_year_to_date(
    invoke: Any, tmp_path: Path, amount: str, title: bool
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    head = [["2026年1-9月广东省主要经济指标"]] if title else []
    done = _import(invoke, ledger, _csv(tmp_path, [*head, ["指标", amount, "增长（%）"], *ROWS]))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == JULY


def test_its_growth_beside_it_in_numerals_too(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    header = ["指标", "截至九月末累计（亿元）", "截至九月末累计增长（%）"]
    done = _import(invoke, ledger, _csv(tmp_path, [header, *ROWS]))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == JULY


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "period '2025-09' is outside the plan year 2026"),
        ("zh", "期间 '2025-09' 不在计划年度 2026 内"),
    ],
)
def test_another_year_is_refused_naming_it(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    header = ["指标", "截至2025年九月末累计（亿元）", "增长（%）"]
    done = _import(invoke, ledger, _csv(tmp_path, [header, *ROWS]), lang)
    assert done.exit_code == 2, done.output
    assert said in " ".join(done.stderr.split())
    assert not ledger.exists()


def test_another_year_than_the_title_s_is_refused_naming_both(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [["2026年1-9月广东省主要经济指标"], ["指标", "截至2025年9月末累计（亿元）", "增长（%）"]]
    done = _import(invoke, ledger, _csv(tmp_path, [*rows, *ROWS]))
    assert done.exit_code == 2, done.output
    said = " ".join(done.stderr.split())
    assert "2026年1-9月" in said and "2025年1-9月" in said
    assert not ledger.exists()


# (截至二季度末累计 is 1-6月's since polish2, session 40: tests/test_polish2_s40.py)
@pytest.mark.parametrize("header", ["截至九月末（亿元）", "截至十三月累计（亿元）"])
def test_what_is_no_year_to_date_stays_an_unknown_column(
    invoke: Any, tmp_path: Path, header: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    done = _import(invoke, ledger, _csv(tmp_path, [["指标", header, "增长（%）"], *ROWS]))
    assert done.exit_code == 2, done.output
    assert header in done.stderr
    assert not ledger.exists()


# ------------------------------------------------------------------ 3. 提高半个百分点
# (none of the 15 corpus reports nor the seed writes 半个百分点: made-up variants of the
# tuning reports' forms, as test_extract_forms_s40's spelled numerals are)


def _draft(paragraph: str = "城镇调查失业率5.5%左右", work: str = "扎实推进各项工作") -> Any:
    from plancli.extract import extract_plan
    from test_extract_shared_baselines import report

    return extract_plan(report("", paragraph, work)).plan


def _target(plan: Any, key: str) -> dict[str, Any]:
    return next(t for t in plan["targets"] if t["id"] == key)


def _work(work: str) -> list[dict[str, Any]]:
    return [t for t in _draft(work=work)["targets"] if t["section"].startswith("work_")]


BOUNDS = ("kind", "unit", "min", "max", "around")


@pytest.mark.parametrize(
    ("clause", "key", "bounds"),
    [
        ("研发经费投入强度提高半个百分点", "rd_intensity", {"min": Decimal("0.5")}),
        ("常住人口城镇化率提高半个百分点以上", "urbanization_rate", {"min": Decimal("0.5")}),
        ("城镇调查失业率下降半个百分点", "surveyed_unemployment_rate", {"max": Decimal("-0.5")}),
    ],
)
def test_half_a_point_is_a_change_of_0_5(clause: str, key: str, bounds: dict[str, Any]) -> None:
    from plancli.model import Plan

    plan = _draft(clause)
    target = _target(plan, key)
    assert {k: target[k] for k in BOUNDS if k in target} == {
        "kind": "change",
        "unit": "%",
        **bounds,
    }
    assert target["quote"] == clause  # verbatim, as the report writes it
    digits = _target(_draft(clause.replace("半", "0.5")), key)
    assert {k: digits[k] for k in BOUNDS if k in digits} == {
        k: target[k] for k in BOUNDS if k in target
    }
    Plan.model_validate(plan)


@pytest.mark.parametrize(
    ("work", "bounds"),
    [
        ("数字经济核心产业增加值占比提高半个百分点", {"min": Decimal("0.5")}),
        ("单位生产总值能耗降低半个百分点", {"max": Decimal("-0.5")}),
    ],
)
def test_a_work_change_of_half_a_point(work: str, bounds: dict[str, Any]) -> None:
    (target,) = _work(work)
    assert {k: target[k] for k in BOUNDS if k in target} == {
        "kind": "change",
        "unit": "%",
        **bounds,
    }
    assert target["quote"] == work
    (digits,) = _work(work.replace("半", "0.5"))
    assert digits["name"] == target["name"]


@pytest.mark.parametrize("work", ["完成全年任务的一半", "半年内开展专项检查", "半数以上县区达标"])
def test_half_without_points_is_no_figure(work: str) -> None:
    assert _work(work) == []


# ------------------------------------------------------------ 4. a work floor, then 力争 higher
# (no corpus report writes a floor and a higher 力争 figure in one sentence: 陕西's
# 技术合同成交额达到5500亿元 and 河南's 力争技术合同成交额3000亿元 made into one)


@pytest.mark.parametrize(
    ("work", "name", "exclusive"),
    [
        ("技术合同成交额5500亿元以上，力争6000亿元", "技术合同成交额", False),  # no verb
        ("技术合同成交额达到5500亿元以上，力争6000亿元", "技术合同成交额", False),
        ("技术合同成交额达到5500亿元以上、力争达到6000亿元", "技术合同成交额", False),
        ("全省技术合同成交额突破5500亿元，力争6000亿元以上", "全省技术合同成交额", True),
    ],
)
def test_a_floor_then_a_higher_aim_is_one_target_with_its_stretch(
    work: str, name: str, exclusive: bool
) -> None:
    from plancli.model import Plan

    plan = _draft(work=work)
    (target,) = [t for t in plan["targets"] if t["section"].startswith("work_")]
    assert target["name"] == name
    assert (target["min"], target["stretch"]) == (5500, 6000)
    assert "max" not in target and target["unit"] == "亿元"
    assert target.get("exclusive", False) is exclusive
    assert target["quote"] == work  # both clauses, as the headline's 7%以上，力争8%
    assert "higher aim" in target["note"]
    Plan.model_validate(plan)


def test_a_floor_then_its_aim_beside_other_targets_keeps_them() -> None:
    work = "新增城镇就业2万人以上，力争2.5万人，新建5G基站1万个"
    found = {t["name"]: t for t in _work(work)}
    assert set(found) == {"新增城镇就业", "新建5G基站"}
    jobs = found["新增城镇就业"]
    assert (jobs["min"], jobs["stretch"]) == (2, Decimal("2.5"))
    assert jobs["quote"] == "新增城镇就业2万人以上，力争2.5万人"


@pytest.mark.parametrize(
    "work",
    [
        "技术合同成交额5500亿元以上，力争5000亿元",  # lower: no higher aim
        "技术合同成交额5500亿元以上，力争6000万元",  # another unit
        "新建5G基站1万个，力争新增规上工业企业500家",  # an aim of its own
    ],
)
def test_what_is_no_higher_aim_stays_as_it_was(work: str) -> None:
    assert all("stretch" not in t for t in _work(work))
    assert len(_work(work)) >= 1


@pytest.mark.parametrize(
    ("header", "write"),
    [("截至九月末（亿元）", "截至九月末累计(亿元)"), ("截至2026年9月末", "截至2026年9月末累计")],
)
def test_to_july_s_end_without_its_cumulative_word_says_what_to_write(
    invoke: Any, tmp_path: Path, header: str, write: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    done = _import(invoke, ledger, _csv(tmp_path, [["指标", header, "增长（%）"], *ROWS]))
    assert done.exit_code == 2, done.output
    said = " ".join(done.stderr.split())
    assert "balance at the month's end" in said and f"head it '{write}'" in said
