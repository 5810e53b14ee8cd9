"""Last year's levels the reports state in another scale (上海 5.67万亿元, 北京 5.2万亿元, 山东
10.3万亿元; incomes 9.2万元, 5.4万元), kept with their stated precision (`baseline.value_text`),
and the growth the rest of the year needs shown as precisely as that precision allows
(rest_precision.py; docs/assessing.md). Before session 42 the bundled plans left these levels
out ("growth only") and `show gdp` said 余下月份需增长 无：缺少上年总量.

The YTD amounts recorded below are constructed (no 2026 quarter is published yet): 上海's H1
27256 亿元 at 4.5 % and Q3 42049 亿元 at 3.0 %, 北京's Q3 38563 亿元 at 3.0 %, each about its
2025 level's share of the months grown at that rate."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import CORPUS, corpus_report

from plancli.level_precision import stated_level
from plancli.plan import load_plan
from plancli.rest_precision import reading

DATA = Path(__file__).resolve().parent.parent / "data" / "2026"

# (plan, target, report, the report's words as quoted, value in the target's unit, value_text)
LEVELS = [
    ("shanghai", "gdp", "上海市", "全市生产总值达到5.67万亿元、增长5.4%", "56700", "5.67万亿元"),
    (
        "shanghai",
        "resident_income",
        "上海市",
        "居民人均可支配收入达到9.2万元、增长4.1%",
        "92000",
        "9.2万元",
    ),
    ("beijing", "gdp", "北京市", "全市地区生产总值5.2万亿元、增长5.4%", "52000", "5.2万亿元"),
    ("shandong", "gdp", "山东省", "地区生产总值增长5.5%、达到10.3万亿元", "103000", "10.3万亿元"),
    (
        "guangdong",
        "resident_income",
        "广东省",
        "居民人均可支配收入提高到5.4万元、增长4.3%",
        "54000",
        "5.4万元",
    ),
]


@pytest.mark.parametrize(("plan", "target", "report", "words", "value", "text"), LEVELS)
def test_bundled_levels_are_the_reports(  # type: ignore[no-untyped-def]
    invoke, plan: str, target: str, report: str, words: str, value: str, text: str
) -> None:
    """Each level is in its plan, figure by figure as its report's line states it."""
    assert words in corpus_report(report)
    assert text in words
    result = invoke("--plan", f"{plan}-2026", "targets", "--json")
    assert result.exit_code == 0, result.output
    found = {t["id"]: t for t in json.loads(result.stdout)["targets"]}[target]
    baseline = found["baseline"]
    assert Decimal(str(baseline["value"])) == Decimal(value)
    assert baseline["value_text"] == text
    assert stated_level(text, found["unit"])[0] == Decimal(value)  # type: ignore[index]
    # the growth beside it is the report's too
    assert f"增长{baseline['growth']}%" in words


@pytest.mark.parametrize(
    ("plan", "report", "words", "value", "text"),
    [
        (
            "jiangsu",
            "江苏省",
            "地区生产总值连续迈上4个万亿元台阶、达14.2万亿元",
            "142000",
            "14.2万亿元",
        ),
        (
            "guangdong",
            "广东省",
            "地区生产总值从11.37万亿元提高到14.58万亿元",
            "145800",
            "14.58万亿元",
        ),
        ("henan", "河南省", "综合实力稳步提升。生产总值6.66万亿元", "66600", "6.66万亿元"),
    ],
)
def test_review_levels_are_the_reports(
    plan: str, report: str, words: str, value: str, text: str
) -> None:
    """The 十四五 reviews' 2025 levels (their growth in another sentence), added by the lead
    after levels: each in its plan as its report's line states it."""
    assert words in corpus_report(report) and words.endswith(text)
    gdp = load_plan(f"{plan}-2026").target("gdp")
    assert gdp is not None and gdp.baseline is not None
    assert (gdp.baseline.value, gdp.baseline.value_text) == (Decimal(value), text)


@pytest.mark.parametrize(
    "plan", ["shanghai", "beijing", "shandong", "guangdong", "jiangsu", "henan"]
)
def test_no_level_left_out_for_its_scale(plan: str) -> None:
    assert "growth only" not in (DATA / f"{plan}.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("plan", "report"),
    [
        ("shanghai", "上海市"),
        ("beijing", "北京市"),
        ("shandong", "山东省"),
        ("guangdong", "广东省"),
        ("jiangsu", "江苏省"),
        ("henan", "河南省"),
    ],
)
def test_validate_source_finds_every_level(invoke, plan: str, report: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", f"{plan}-2026", "validate", "--source", str(CORPUS / f"{report}.txt"))
    assert result.exit_code == 0, result.output
    assert "0 warnings" in result.output


@pytest.mark.parametrize(
    ("text", "unit", "value", "half"),
    [
        ("5.67万亿元", "亿元", "56700", "50"),  # ± 0.09 %
        ("5.2万亿元", "亿元", "52000", "500"),  # ± 1 %
        ("10.3万亿元", "亿元", "103000", "500"),
        ("9.2万元", "元", "92000", "500"),
        ("8500亿元", "亿元", "8500", "0.5"),  # in the target's own unit: its own places
        ("5.67万亿", "亿元", "56700", "50"),  # the scale word alone
    ],
)
def test_stated_level_and_its_precision(text: str, unit: str, value: str, half: str) -> None:
    assert stated_level(text, unit) == (Decimal(value), Decimal(half))


def test_stated_level_of_another_thing() -> None:
    assert stated_level("5.67万吨", "亿元") is None
    assert stated_level("约5.67万亿元", "亿元") is None


def _plan(tmp_path: Path, baseline: str) -> Path:
    text = (DATA / "shanghai.toml").read_text(encoding="utf-8")
    old = 'baseline = { year = 2025, value = 56700, value_text = "5.67万亿元", growth = 5.4 }'
    assert old in text
    plan = tmp_path / "sh.toml"
    plan.write_text(text.replace(old, baseline), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("baseline", "message"),
    [
        (
            'baseline = { year = 2025, value = 56800, value_text = "5.67万亿元" }',
            "value_text '5.67万亿元' is 56700 亿元, not value = 56800",
        ),
        (  # the report's figure typed without its scale
            'baseline = { year = 2025, value = 5.67, value_text = "5.67万亿元" }',
            "value_text '5.67万亿元' is 56700 亿元, not value = 5.67",
        ),
        (
            'baseline = { year = 2025, value_text = "5.67万亿元" }',
            "value_text '5.67万亿元' needs value = … (the same level in 亿元)",
        ),
        (
            'baseline = { year = 2025, value = 56700, value_text = "5.67万吨" }',
            "value_text '5.67万吨' is no level in 亿元",
        ),
    ],
)
def test_a_value_text_not_its_value_is_refused(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, baseline: str, message: str
) -> None:
    result = invoke("--plan", str(_plan(tmp_path, baseline)), "validate")
    assert result.exit_code == 3
    assert message in result.output
    assert "line 27" in result.output
    assert "Traceback" not in result.output


def _run(invoke, plan: str, ledger: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", plan, "--ledger", str(ledger), *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _gdp_json(invoke, plan: str, ledger: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    targets = json.loads(_run(invoke, plan, ledger, "gap", "--json"))["targets"]
    found: dict[str, object] = {t["id"]: t for t in targets}["gdp"]
    return found


def _recorded(invoke, tmp_path: Path, plan: str, value: str, amount: str, period: str) -> Path:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "ledger.toml"
    _run(invoke, plan, ledger, "record", "gdp", value, "--amount", amount, "--period", period)
    return ledger


def test_beijing_q3_needs_a_range(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """5.2万亿元 is 51500–52500 亿元: at 3.0 % by Q3 the rest needs 9.97 %–10.33 % (10.14 %
    from 52000), shown 9.9%—10.4%, never the 10.14 % a rounded level cannot tell."""
    ledger = _recorded(invoke, tmp_path, "beijing-2026", "3.0", "38563", "2026-Q3")
    gdp = _gdp_json(invoke, "beijing-2026", ledger)
    assert (gdp["required_growth_rest"], gdp["required_growth_rest_low"]) == (10.14, 9.97)
    assert gdp["required_growth_rest_high"] == 10.33
    shown = " ".join(_run(invoke, "beijing-2026", ledger, "--lang", "zh", "show", "gdp").split())
    assert "余下月份需增长 9.9 %—10.4 %" in shown
    assert "10.14" not in shown
    assert "绝对值 52000 亿元（5.2万亿元）" in shown
    english = " ".join(_run(invoke, "beijing-2026", ledger, "show", "gdp").split())
    assert "growth needed in the rest of the year 9.9 %–10.4 %" in english
    report = _run(invoke, "beijing-2026", ledger, "--lang", "zh", "report")
    assert "1.5个百分点，余下月份需增长9.9%—10.4%方能达到5%。" in report
    assert "| 余下月份需增长9.9%—10.4%方能达到5% |" in report


def test_shanghai_h1_is_precise_enough(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """5.67万亿元 (± 50 亿元) at 4.5 % by June: 5.425–5.427 %, the figure as ever."""
    ledger = _recorded(invoke, tmp_path, "shanghai-2026", "4.5", "27256", "2026-Q2")
    gdp = _gdp_json(invoke, "shanghai-2026", ledger)
    assert gdp["required_growth_rest"] == 5.43
    assert (gdp["required_growth_rest_low"], gdp["required_growth_rest_high"]) == (5.42, 5.43)
    shown = " ".join(_run(invoke, "shanghai-2026", ledger, "--lang", "zh", "show", "gdp").split())
    assert "余下月份需增长 5.43 %" in shown


def test_shanghai_q3_far_behind_is_about(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """At 3.0 % by Q3 the rest needs 10.127–10.159 %: 约10.1%, its second place unknown."""
    ledger = _recorded(invoke, tmp_path, "shanghai-2026", "3.0", "42049", "2026-Q3")
    gdp = _gdp_json(invoke, "shanghai-2026", ledger)
    assert (gdp["required_growth_rest_low"], gdp["required_growth_rest_high"]) == (10.12, 10.16)
    shown = " ".join(_run(invoke, "shanghai-2026", ledger, "--lang", "zh", "show", "gdp").split())
    assert "余下月份需增长 约10.1 %" in shown
    report = _run(invoke, "shanghai-2026", ledger, "--lang", "zh", "report")
    assert "余下月份需增长约10.1%方能达到5%" in report
    english = _run(invoke, "shanghai-2026", ledger, "report")
    assert "the rest of the year needs about 10.1% growth to reach 5%" in english


def test_a_range_too_wide_is_withheld(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A level stated as 5万亿元 (± 5000 亿元, 10 %): 8.76 %–12.92 % at 3.0 % by Q3, too wide
    to act on: withheld, with the reason and the range."""
    plan = _plan(
        tmp_path, 'baseline = { year = 2025, value = 50000, value_text = "5万亿元", growth = 5.4 }'
    )
    ledger = _recorded(invoke, tmp_path, str(plan), "3.0", "37000", "2026-Q3")
    gdp = _gdp_json(invoke, str(plan), ledger)
    assert (gdp["required_growth_rest_low"], gdp["required_growth_rest_high"]) == (8.76, 12.92)
    assert gdp["required_growth_rest"] is not None  # the JSON keeps the figure and its range
    shown = " ".join(_run(invoke, str(plan), ledger, "--lang", "zh", "show", "gdp").split())
    assert re.search(
        r"余下月份需增长 无法确定：上年总量只给到5万亿元，所需增速在8\.7 %—13\.0 % ?之间，区间过宽",
        shown,
    ), shown
    report = _run(invoke, str(plan), ledger, "--lang", "zh", "report")
    assert "余下月份所需增速因上年总量为约数无法确定（算得8.7%—13.0%）" in report
    assert "方能达到5%" not in report


@pytest.mark.parametrize(
    ("low", "high", "how"),
    [
        (None, None, "figure"),
        ("5.42", "5.44", "figure"),  # 0.02 pp: good to its last place
        ("10.12", "10.16", "about"),
        ("10.00", "10.20", "about"),
        ("9.97", "10.33", "range"),
        ("9.50", "10.50", "range"),  # 1 pp
        ("9.50", "10.51", "withheld"),
        ("-0.10", "0.20", "withheld"),  # a fall or a rise: no way to say which
    ],
)
def test_reading_rule(low: str | None, high: str | None, how: str) -> None:
    ends = (None, None) if low is None else (Decimal(low), Decimal(high or "0"))
    assert reading(*ends) == how


def test_both_json_writers_agree(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`gap --json` writes its rows straight (gap_json.py), `show --json` from the dataclass
    (assess/output.py): the same range in both, and in `gap --csv`'s last two columns."""
    ledger = _recorded(invoke, tmp_path, "beijing-2026", "3.0", "38563", "2026-Q3")
    shown = json.loads(_run(invoke, "beijing-2026", ledger, "show", "gdp", "--json"))
    gap = _gdp_json(invoke, "beijing-2026", ledger)
    fields = ("required_growth_rest", "required_growth_rest_low", "required_growth_rest_high")
    assert [shown["assessment"][f] for f in fields] == [gap[f] for f in fields]
    rows = _run(invoke, "beijing-2026", ledger, "gap", "--csv").splitlines()
    # session 43 appended `figures_of` and a milestone's due_source and due_note (empty for GDP)
    assert rows[0].endswith(
        ",actual_text,required_growth_rest_low,required_growth_rest_high,figures_of,due_source,due_note"
    )
    gdp_row = next(row for row in rows if row.startswith("gdp,"))
    assert gdp_row.endswith(",3.0 %,9.97,10.33,,,")
