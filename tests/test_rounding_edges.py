"""A figure exactly on a status edge is rounded as the edge is (audit of the assessment, defect 2).

The guard that keeps a rounded figure on its side of a status boundary moved figures that lie
exactly ON a boundary which is a repeating decimal: 70 of 120 in July (on pace exactly, 7/12)
printed 58.34 % beside an expected 58.33 % and a pace gap of 0, and 58 of 120 (the −10 pp
edge) 48.34 %, though 58 ÷ 120 = 0.48333… is 48.33 % on any calculator.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plancli.assess import round_half_up, round_keeping_side

PLAN = """\
[plan]
id = "r2-2026"
name = "测试"
name_en = "Test"
year = 2026
[[sections]]
id = "work"
name = "重点工作"
name_en = "Work"
"""
TARGET = """
[[targets]]
id = "{id}"
section = "work"
name = "{name}"
name_en = "{id}"
kind = "cumulative"
unit = "个"
min = 120
frequency = "monthly"
"""


def test_on_pace_and_the_at_risk_edge_print_as_computed_by_hand(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "r2.toml"
    plan.write_text(
        PLAN + TARGET.format(id="c120", name="一百二十项") + TARGET.format(id="c120b", name="乙"),
        encoding="utf-8",
    )
    for target, figure in (("c120", "58"), ("c120b", "70")):
        assert (
            invoke("--plan", str(plan), "record", target, figure, "--period", "2026-07").exit_code
            == 0
        )
    result = invoke("--plan", str(plan), "gap", "--as-of", "2026-07", "--json")
    keys = ("completion", "expected_share", "pace_gap_pp", "status")
    rows = {t["id"]: [t[k] for k in keys] for t in json.loads(result.stdout)["targets"]}
    assert rows == {
        "c120": [0.4833, 0.5833, -10, "at_risk"],
        "c120b": [0.5833, 0.5833, 0, "on_track"],
    }
    table = invoke("--plan", str(plan), "gap", "--as-of", "2026-07").stdout
    assert "48.33%" in table and "58.33%" in table and "58.34%" not in table
    report = invoke(
        "--plan", str(plan), "--lang", "zh", "report", "--format", "md", "--as-of", "2026-07"
    ).stdout
    assert "一百二十项（完成48.33%，落后进度10个百分点）" in report
    assert "| 58个 / ≥ 120个 | 48.33% | 58.33% | -10 |" in report


@given(
    numerator=st.integers(min_value=-(10**9), max_value=10**9),
    denominator=st.integers(min_value=1, max_value=10**6),
    places=st.integers(min_value=0, max_value=6),
    boundary_numerator=st.integers(min_value=-1000, max_value=1000),
    boundary_denominator=st.sampled_from([1, 3, 7, 12, 60, 120]),
)
def test_a_figure_keeps_its_side_of_the_printed_edge_and_one_on_it_prints_as_it(
    numerator: int,
    denominator: int,
    places: int,
    boundary_numerator: int,
    boundary_denominator: int,
) -> None:
    value = Fraction(numerator, denominator)
    boundary = Fraction(boundary_numerator, boundary_denominator)
    shown = Fraction(round_keeping_side(value, places, [boundary]))
    printed = Fraction(round_half_up(boundary, places))
    if value == boundary:
        assert shown == printed
    else:
        assert (value < boundary) == (shown < printed) and shown != printed
    # moved at most to the next printed figure beyond the edge's: under two units
    assert abs(shown - value) < Fraction(2, 10**places)
    half_up = Fraction(round_half_up(value, places))
    if half_up != printed and (value < boundary) == (half_up < printed):
        assert shown == half_up  # off the edge, nothing moves: 四舍五入
