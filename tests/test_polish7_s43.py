"""Session 43's polish of four small defects the walks found, with the seed's real values:
a plan's figure written with its places (官渡's 医疗和养老项目 年度计划投资2.30亿元) printed 2.3 by
`status`, `show` and the report's attention table; the CSV template headed in English under a
Chinese locale while the xlsx's headers were Chinese; a monthly growth's year-to-date figure
dated 2022年6月 (June alone) by `show`; and a report with every milestone done saying so twice.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from plancli.plan import load_plan

# 官渡's half-year figures (the walk's sheet): the health category's 0.62 of its 2.30亿元.
JUNE = (
    "target,period,value,amount\n"
    "gdp,2022-Q2,2.5,700.12\n"
    "budget_revenue,2022-06,-6.8,25.31\n"
    "retail_sales,2022-06,2.0,300\n"
    "investment_health_elderly,2022-06,0.62,\n"
    "investment_roads,2022-06,6.93,\n"
)


@pytest.fixture
def june(plan_run, tmp_path: Path):  # type: ignore[no-untyped-def]
    run = plan_run("guandu-2022")
    sheet = tmp_path / "1-6月.csv"
    sheet.write_text(JUNE, encoding="utf-8")
    run("import", str(sheet))
    return run


# ------------------------------------------------------------ 1. a plan's figure as written


def test_the_plans_2_30_is_2_30_in_every_view(june, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """年度计划投资2.30亿元 as the report prints it: `status` 0.62/2.30, `show` ≥ 2.30 亿元,
    the report's attention table and investment table 2.30 (they were 0.62/2.3, ≥ 2.3)."""
    status = june("--lang", "zh", "status")
    assert "0.62/2.30" in status and "0.62/2.3 " not in status
    for lang, word in (("zh", "目标"), ("en", "target")):
        show = june("--lang", lang, "show", "investment_health_elderly")
        bounds = [line for line in show.splitlines() if line.startswith(word)]
        assert bounds and all(line.rstrip().endswith("≥ 2.30 亿元") for line in bounds), bounds
    out = tmp_path / "r.md"
    june("--lang", "zh", "report", "-o", str(out))
    report = out.read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if "医疗和养老项目 | 2022年" in line)
    assert "0.62亿元 / ≥ 2.30亿元" in row
    assert "| 医疗和养老项目 | 4（0/4） | 0.62 | 2.30 |" in report


def test_json_keeps_the_value_and_its_bound_text_the_stated_form(june) -> None:  # type: ignore[no-untyped-def]
    """JSON's numbers are values (2.3, as before: a script compares them); the text field
    `bound` carries the form stated, as `actual_text` does a record's."""
    found: list[dict[str, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("id") == "investment_health_elderly" and "bound" in node:
                found.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(june("status", "--json")))
    assert found
    health = found[0]
    assert health["min"] == 2.3
    assert health["bound"] == "≥ 2.30 亿元"


def test_a_computed_edge_keeps_no_zeros_the_plan_did_not_write() -> None:
    """An X左右's edge is computed (5.5 − 0.5): `≥ 5 %`, never a stated-looking 5.0, while the
    plan's own figures keep theirs."""
    from decimal import Decimal

    from plancli.fmt import bound_text, computed

    plan = load_plan("guandu-2022")
    health = next(t for t in plan.targets if t.id == "investment_health_elderly")
    assert bound_text(health) == "≥ 2.30 亿元"
    edge = health.model_copy(update={"min": computed(Decimal("5.5") - Decimal("0.50"))})
    assert bound_text(edge) == "≥ 5 亿元"


def test_no_other_bundled_plan_figure_ends_in_zero() -> None:
    """The check the brief asked for: of every bundled plan's bounds, 官渡's 2.30 is the one
    figure written with trailing zeros; were another added (5.0, 10.0), its views would now
    show it as written, which this names."""
    found = []
    root = Path(__file__).parent.parent / "data"
    for path in [root / "plan2022.toml", *sorted((root / "2026").glob("*.toml"))]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            key, _, value = line.partition("=")
            figure = value.split("#")[0].strip()
            bound = key.strip() in ("min", "max", "around", "stretch")
            if bound and "." in figure and figure.endswith("0"):
                found.append((path.name, number, figure))
    assert found == [("plan2022.toml", 1203, "2.30")]


# ------------------------------------------------------------ 2. the CSV template's headers


def _template(june, lang: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    text = june("--lang", lang, "template", "-p", "1-6月", "-")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_template_is_headed_in_the_readers_language(june) -> None:  # type: ignore[no-untyped-def]
    zh = _template(june, "zh")
    assert zh[0][:4] == ["指标代码", "期间", "本期数值", "对应总量"]
    assert "指标名称（参考）" in zh[0]
    gdp = next(r for r in zh if r[0] == "gdp")
    assert "增速%（对应总量列：亿元）" in gdp  # the amount column as its header names it
    en = _template(june, "en")
    assert en[0][:4] == ["target", "period", "value", "amount"]


@pytest.mark.parametrize(
    ("lang", "value", "amount"), [("zh", "本期数值", "对应总量"), ("en", "value", "amount")]
)
def test_the_csv_template_round_trips_in_either_language(
    june, tmp_path: Path, lang: str, value: str, amount: str
) -> None:  # type: ignore[no-untyped-def]
    """Filled as a clerk would (官渡's 1-6月 GDP 2.5 %, 700.12亿元) and imported back."""
    path = tmp_path / f"t-{lang}.csv"
    june("--lang", lang, "template", "-p", "1-6月", str(path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    v, a = rows[0].index(value), rows[0].index(amount)
    for row in rows[1:]:
        if row[0] == "gdp":
            row[v], row[a] = "2.6", "701.5"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    june("import", str(path))
    shown = june("--lang", "en", "show", "gdp")
    assert "2.6 %" in shown and "701.5" in shown


# ------------------------------------------------------------ 3. a year-to-date period


@pytest.mark.parametrize("target", ["retail_sales", "budget_revenue"])
def test_a_monthly_growths_period_is_the_year_to_date(june, target: str) -> None:  # type: ignore[no-untyped-def]
    zh = june("--lang", "zh", "show", target)
    assert [line.split()[-1] for line in zh.splitlines() if line.startswith("期间")] == [
        "2022年1-6月"
    ]
    en = june("--lang", "en", "show", target)
    period = [line for line in en.splitlines() if line.startswith("period")]
    assert period and period[0].endswith("Jan–Jun 2022")


def test_a_quarter_and_a_cumulative_keep_their_words(june) -> None:  # type: ignore[no-untyped-def]
    """gdp's 2022-Q2 is 上半年 as before; a cumulative total's June is its total at June's
    end (2022年6月, as before)."""
    assert "2022年上半年" in june("--lang", "zh", "show", "gdp")
    shown = june("--lang", "zh", "show", "investment_health_elderly")
    assert [line.split()[-1] for line in shown.splitlines() if line.startswith("期间")] == [
        "2022年6月"
    ]


def test_figure_period_words() -> None:
    from plancli.to_date import cumulative_to_date, figure_period

    assert cumulative_to_date("growth", "monthly")
    assert not cumulative_to_date("level", "monthly")  # 调查失业率 6月 is June's own
    assert not cumulative_to_date("growth", "quarterly")
    assert figure_period("2026-06", "zh", True) == "2026年1-6月"
    assert figure_period("2026-06", "en", True) == "Jan–Jun 2026"
    assert figure_period("2026-01", "zh", True) == "2026年1月"
    assert figure_period("2026-06", "zh", False) == "2026年6月"
    assert figure_period("2026-Q2", "zh", True) == "2026年上半年"


# ------------------------------------------------------------ 4. every milestone done, once


def test_every_milestone_done_is_said_once(plan_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("guandu-2022")
    plan = load_plan("guandu-2022")
    ids = [t.id for t in plan.targets if t.kind == "milestone"]
    assert len(ids) == 27
    sheet = tmp_path / "done.csv"
    rows = "".join(f"{i},2022-Q4,done,\n" for i in ids)
    sheet.write_text("target,period,value,amount\n" + rows, encoding="utf-8")
    run("import", str(sheet))
    for lang, line_start, twice in (
        ("zh", "节点目标27项，均已完成：", "节点目标均已完成。"),
        ("en", "All 27 milestones done: ", "Every milestone is done."),
    ):
        out = tmp_path / f"r-{lang}.md"
        run("--lang", lang, "report", "-o", str(out))
        text = out.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.startswith(line_start)]
        assert len(lines) == 1, text
        assert twice not in lines[0]
        assert "已完成27项" not in text
