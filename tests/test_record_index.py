"""`assess.records.RecordIndex` (one pass since session 8) against the way it was built
before: `in_force` over the plan's records, then split by year and ordered by end month —
for any records, in any order, of any periods, including ones that are not periods."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.assess.records import Observation, RecordIndex, _period, in_force
from plancli.errors import InputError, LedgerFileError
from plancli.plain import Figure

YEAR = 2022
PERIODS = [
    *(f"{year}-{month:02d}" for year in (2021, 2022, 2023) for month in (1, 3, 6, 11, 12)),
    *(f"{year}-Q{q}" for year in (2021, 2022) for q in (1, 2, 4)),
    "2022-H1",
    "2022-H2",
    "2021-H2",
    "2021",
    "2022",
    "2023",
]


class _Plan:
    """What the index reads of a plan: its year and its targets' ids."""

    def __init__(self, ids: list[str]) -> None:
        self.plan = type("Meta", (), {"year": YEAR})()
        self.targets = [type("T", (), {"id": target_id})() for target_id in ids]


def _before(plan: Any, records: list[Figure]) -> tuple[dict[str, list[Any]], dict[str, Any]]:
    """The index as session 7 built it."""
    ids = {target.id for target in plan.targets}
    figures = in_force([record for record in records if record.target in ids])
    by_month: dict[str, dict[int, Observation]] = {}
    base: dict[str, Observation] = {}
    for (target_id, figure_year, end_month), record in figures.items():
        if figure_year == YEAR:
            observation = Observation(_period(record.period), record.value, record.amount)
            by_month.setdefault(target_id, {})[end_month] = observation
        elif figure_year == YEAR - 1 and end_month == 12:
            base[target_id] = Observation(_period(record.period), record.value, record.amount)
    series = {t: [months[m] for m in sorted(months)] for t, months in by_month.items()}
    return series, base


figures = st.lists(
    st.builds(
        Figure,
        st.sampled_from(["a", "b", "c", "gone"]),
        st.sampled_from(PERIODS),
        st.integers(-50, 50).map(Decimal),
        st.none() | st.integers(0, 9).map(Decimal),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(figures)
def test_the_index_is_what_in_force_made(records: list[Figure]) -> None:
    plan = _Plan(["a", "b", "c"])
    index = RecordIndex(plan, records)  # type: ignore[arg-type]
    series, base = _before(plan, records)
    assert index._series == series
    assert index._base == base
    for target_id in ("a", "b", "c", "gone"):
        assert index.base(target_id) == base.get(target_id)
        assert index.series(target_id) == series.get(target_id, [])
        for period in series.get(target_id, []):  # the same Period objects, shared
            assert any(o.period is period.period for o in index.series(target_id))
    assert all(type(o) is Observation for s in index._series.values() for o in s)


@pytest.mark.parametrize("bad", ["2022-13", "22-06", "", "2022-Q5"])
def test_a_record_of_no_period_is_the_ledgers_error(bad: str) -> None:
    records = [Figure("a", "2022-01", Decimal(1), None), Figure("b", bad, Decimal(2), None)]
    with pytest.raises(InputError) as expected:
        in_force(records)
    with pytest.raises(LedgerFileError) as raised:
        RecordIndex(_Plan(["a", "b"]), records)  # type: ignore[arg-type]
    assert str(raised.value) == str(expected.value)
    assert "record of b" in str(raised.value)
    # … but not of a target the plan does not have
    RecordIndex(_Plan(["a"]), records)  # type: ignore[arg-type]
