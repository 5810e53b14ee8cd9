"""`gap --json`'s quick writer (`assess.gap_json`, issue 15) against the plain path: the JSON of
the `AssessmentOut` dataclasses (`dump_json(gap_output(…))`), byte for byte, on every target
form the bundled plans hold (ranges, 左右, 下降, pending and amended pending, 同步/高于,
percentage points, trends, indicators, roll-ups, milestones), at several as-of periods, and
on text a terminal would act on."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.assess import assess_plan, gap_json_parts, gap_output, select
from plancli.assess.gap_json import _units_text
from plancli.compiled import plain_plan
from plancli.demo import demo_records
from plancli.output import _number, dump_json
from plancli.plain import Amendment
from plancli.plan import load_plan_file

DATA = Path(__file__).parent.parent / "data"
PLANS = [*sorted(DATA.glob("2026/*.toml")), DATA / "plan2022.toml"]
WHEN = datetime(2026, 7, 5, 8, 30, tzinfo=UTC)


def _amendments(plan: object) -> list[Amendment]:
    """A bound for each pending target (a cap for one, 左右 for the next), and a stretch."""
    found: list[Amendment] = []
    year = plan.plan.year  # type: ignore[attr-defined]
    for i, target in enumerate(t for t in plan.targets if t.pending):  # type: ignore[attr-defined]
        cap = i % 2 == 0
        found.append(
            Amendment(
                target.id,
                f"{year}-03",
                None,
                Decimal("3.5") if cap else None,
                None if cap else Decimal("2"),
                None,
                None,
                "国家下达" if cap else None,
                WHEN,
                "b1",
            )
        )
    return found


def _same(assessment: object, chosen: list[object]) -> None:
    expected = dump_json(gap_output(assessment, chosen))  # type: ignore[arg-type]
    assert "".join(gap_json_parts(assessment, chosen)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_form_written_as_the_dataclasses_write_it(path: Path) -> None:
    model = load_plan_file(path)
    plan = plain_plan(model)
    records = demo_records(model, WHEN, "demo")
    assert records
    year = plan.plan.year
    forms = {t.kind for t in plan.targets}
    amendments = _amendments(plan)
    for as_of in (None, f"{year}-02", f"{year}-Q1", f"{year}-05"):
        for amended in ([], amendments):
            assessment = assess_plan(plan, records, as_of, amended)
            _same(assessment, select(assessment, plan.targets))
            _same(assessment, assessment.assessments[:3])
            _same(assessment, [])
    assert forms  # the plan has targets


def test_the_forms_are_all_there() -> None:
    """The plans above hold every form the quick writer has a case for."""
    targets = [t for path in PLANS for t in plain_plan(load_plan_file(path)).targets]
    assert {t.kind for t in targets} >= {
        "growth",
        "level",
        "cumulative",
        "milestone",
        "relative",
        "change",
        "trend",
        "ongoing",
        "indicator",
    }
    assert any(t.around is not None for t in targets)  # 左右
    assert any(t.decline for t in targets)  # 下降
    assert any(t.pending for t in targets)
    assert {t.relation for t in targets if t.kind == "relative"} >= {None, "above"}
    assert any(t.min is not None and t.max is not None for t in targets)  # a range
    assert any(t.kind == "change" for t in targets)  # percentage points


def test_text_a_terminal_acts_on_is_escaped_in_rows(tmp_path: Path) -> None:
    """Names, units, notes with bidi overrides, C1 controls and DEL: \\u-escaped, as the plain
    writer escapes each string."""
    source = (DATA / "plan2022.toml").read_text(encoding="utf-8")
    # TOML's escapes: the plan holds the characters themselves
    source = source.replace('name = "地区生产总值"', 'name = "地区\\u202e生产总值\\u007f"', 1)
    source = source.replace('unit = "亿元"', 'unit = "亿\\u009b元"', 1)
    assert "\\u202e" in source and "\\u009b" in source
    path = tmp_path / "plan.toml"
    path.write_text(source, encoding="utf-8")
    model = load_plan_file(path)
    plan = plain_plan(model)
    assessment = assess_plan(plan, demo_records(model, WHEN, "demo"))
    chosen = select(assessment, plan.targets)
    text = "".join(gap_json_parts(assessment, chosen))
    assert "\\u202e" in text and "\\u009b" in text and "\\u007f" in text
    assert "\u202e" not in text and "\x9b" not in text and "\x7f" not in text
    _same(assessment, chosen)


@settings(max_examples=400, deadline=None)
@given(st.integers(-(10**18), 10**18), st.integers(0, 12))
def test_units_to_text_is_the_decimals_text(units: int, places: int) -> None:
    assert _units_text(units, places) == _number(Decimal(units).scaleb(-places))


@pytest.mark.parametrize(
    "units, places",
    [(0, 4), (1, 4), (-1, 4), (1, 5), (-1, 9), (10000, 4), (-5, 2), (99999, 4),
     (123456789012345, 2), (1234567890123456, 2), (-123456789012345, 0), (10**16, 0)],
)  # fmt: skip
def test_units_to_text_at_the_edges(units: int, places: int) -> None:
    assert _units_text(units, places) == _number(Decimal(units).scaleb(-places))
