"""`rollup_sums.rollup_of` answers from a map built once per plan (an import asks once a row:
`import --json` of 18,000 rows against 1,500 targets spent 8 of its 10 CPU s looking through
every target a row). The map must answer as the plan says, for every plan asked about."""

from __future__ import annotations

from plancli.plan import load_plan
from plancli.rollup_sums import family, rollup_of

PARTS = [
    "investment_roads",
    "investment_municipal",
    "investment_ecology",
    "investment_education",
    "investment_health_elderly",
    "investment_social_other",
]


def test_the_investment_total_and_each_of_its_six_parts_find_the_total() -> None:
    plan = load_plan("guandu-2022")
    for target_id in ("investment_total", *PARTS):
        found = rollup_of(plan, target_id)
        assert found is not None and found.id == "investment_total"
        assert str(found.min) == "58.72"
    assert family(plan, "investment_ecology") == ["investment_total", *PARTS]


def test_a_target_outside_any_rollup_finds_none() -> None:
    plan = load_plan("guandu-2022")
    assert rollup_of(plan, "gdp") is None
    assert rollup_of(plan, "no_such_target") is None
    assert family(plan, "gdp") == ["gdp"]


def test_each_plan_is_answered_from_its_own_targets() -> None:
    """Two plans of one id, the second's total without its roads (a plan edited and read
    again): asked of one, then the other, then the first again, each answers as it says."""
    plan = load_plan("guandu-2022")
    edited = plan.model_copy(
        update={
            "targets": [
                t.model_copy(update={"parts": PARTS[1:]}) if t.id == "investment_total" else t
                for t in plan.targets
            ]
        }
    )
    assert rollup_of(plan, "investment_roads") is not None
    assert rollup_of(edited, "investment_roads") is None
    assert family(edited, "investment_ecology") == ["investment_total", *PARTS[1:]]
    found = rollup_of(plan, "investment_roads")
    assert found is not None and found.id == "investment_total"
    assert family(plan, "investment_ecology") == ["investment_total", *PARTS]
