"""A plan's years (audit W D6, D7, 昆明市西山区's hand-written 2026 plan): a baseline of the
plan's year or later, a plan `year` one off, and a change target's base recorded where the
plan states another — each taken silently before."""

from __future__ import annotations

import json
from pathlib import Path

XISHAN = Path(__file__).parent / "fixtures" / "xishan-2026.toml"


def _plan(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = XISHAN.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    plan = tmp_path / "xishan.toml"
    plan.write_text(text, encoding="utf-8")
    return plan


def _findings(invoke, plan: Path) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "validate", "--json")
    assert result.exit_code == 0, result.stderr
    return [(f["code"], f["target"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def test_a_baseline_of_the_plan_year_or_later_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(
        tmp_path,
        (
            "baseline = { year = 2025, value = 1234.56, growth = 4.8 }",
            "baseline = { year = 2026, value = 1234.56, growth = 4.8 }",
        ),
        ("max = 5.5\nbaseline = { year = 2025,", "max = 5.5\nbaseline = { year = 2027,"),
    )
    assert _findings(invoke, plan) == [
        (
            "baseline_year_not_before_plan",
            "gdp",
            "line 33: baseline year 2026 is not before the plan year 2026: a baseline is the "
            "year before the plan's (2025) or earlier",
        ),
        (
            "baseline_year_not_before_plan",
            "surveyed_unemployment_rate",
            "line 150: baseline year 2027 is not before the plan year 2026: a baseline is the "
            "year before the plan's (2025) or earlier",
        ),
    ]


def test_a_plan_year_of_every_baseline_is_one_warning(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(
        tmp_path,
        ("\nyear = 2026\n", "\nyear = 2025\n"),
        ('due = "2026-Q4"\n', ""),
        ('due = "2026-Q3"\n', ""),
    )
    findings = _findings(invoke, plan)
    assert findings == [
        (
            "plan_year_of_baselines",
            None,
            "line 6: [plan] year = 2025, the year of every baseline (gdp, budget_revenue, "
            "industrial_value_added, retail_sales, urban_income, …): a baseline is the year "
            "before the plan's; is the plan year 2026?",
        )
    ]


def test_a_recorded_base_the_plan_states_otherwise_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D6: urbanization_rate states base 86.3; the bureau's revised 86.1 recorded for 2025
    was taken without a word and never used (86.7 judged +0.4, 未完成)."""
    plan = _plan(tmp_path)
    result = invoke("--plan", str(plan), "record", "urbanization_rate", "86.1", "--period", "2025")
    assert result.exit_code == 0, result.stderr
    said = (
        "warning: urbanization_rate 2025 = 86.1: the plan states the 2025 base 86.3 "
        "(baseline.value), which the change is judged from; this figure is not used: edit "
        "baseline.value in the plan to revise the base"
    )
    assert said in " ".join(result.stderr.split())
    figures = tmp_path / "base.csv"
    figures.write_text("target,period,value\nurbanization_rate,2025-12,86.2\n", encoding="utf-8")
    result = invoke("--plan", str(plan), "import", str(figures))
    assert result.exit_code == 0, result.stderr
    assert "urbanization_rate 2025-12 = 86.2: the plan states the 2025 base 86.3" in " ".join(
        result.stderr.split()
    )
    # the plan's own base recorded again changes nothing: no warning (forms.md's gansu example)
    result = invoke("--plan", str(plan), "record", "urbanization_rate", "86.3", "--period", "2025")
    assert result.exit_code == 0 and "baseline.value" not in result.stderr


def test_two_targets_of_one_name_are_warned_and_record_names_both(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """D8: rural_income's name typed as urban_income's (城镇常住居民人均可支配收入): validate was
    silent, and `record` by that name said "unknown target … did you mean <the same name>"."""
    plan = _plan(
        tmp_path, ('name = "农村常住居民人均可支配收入"', 'name = "城镇常住居民人均可支配收入"')
    )
    assert _findings(invoke, plan) == [
        (
            "shared_name",
            "rural_income",
            "name '城镇常住居民人均可支配收入' is also the name of urban_income: `import` and "
            "`record` cannot tell them apart by it, nor a reader the two rows; give each "
            "target its own name",
        )
    ]
    result = invoke(
        "--plan", str(plan), "record", "城镇常住居民人均可支配收入", "4.5", "--period", "2026-06"
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: target name '城镇常住居民人均可支配收入' fits 2 targets (urban_income, "
        "rural_income); give the id instead"
    )


def test_a_decline_targets_baseline_reads_as_a_fall_in_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    """D13: 单位地区生产总值能耗下降3.2% (baseline growth -3.2) was `增长率 -3.2 %` in `show` and a
    bare `-3.2 %` in `targets`, beside `下降 ≥ 3 %`."""
    show = invoke("--plan", str(XISHAN), "--lang", "zh", "show", "energy_intensity").stdout
    assert "基数 2025  下降3.2%" in show and "-3.2" not in show
    listed = invoke("--plan", str(XISHAN), "--lang", "zh", "targets", "--search", "能耗").stdout
    assert "下降3.2%" in listed and "-3.2" not in listed
    english = invoke("--plan", str(XISHAN), "show", "energy_intensity").stdout
    assert "growth -3.2 %" in english  # English writes a fall signed, as its records
