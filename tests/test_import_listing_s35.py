"""`import --json` lists the rows a streamed import kept out (superseded.py) by the rows the
stream names (`ImportResult.kept_rows`), not as the owners of the last `kept_count` warnings of
its list: an ordering contract between import_stream and import_listing that a warning added
after the kept rows' would have broken silently (session 35)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from plancli.import_listing import listed_result
from plancli.imports import ImportResult
from plancli.plain import Record

AT = datetime(2022, 7, 15, tzinfo=UTC)


def _record(target: str, value: str, batch: str) -> Record:
    return Record(target, "2022-Q2", Decimal(value), None, None, None, AT, batch)


def test_the_kept_rows_are_the_ones_the_stream_names_whatever_the_warnings_order() -> None:
    # Row 2 (5G 150, superseded by a correction to 160) is kept out; row 3 (parking 1234, new)
    # has a warning listed after row 2's: the last warning is not the kept row's.
    kept_warning = "new_5g_base_stations 2022-Q2: the file's 150 个 was superseded"
    later_warning = "new_parking_spaces 2022-Q2: a later warning of the import"
    result = ImportResult(
        "june.csv",
        "b2",
        2,
        written=True,
        counts=(1, 0, 0, 1),
        warnings=[(2, kept_warning), (3, later_warning)],
        kept_rows=frozenset({2}),
    )
    corrected = _record("new_5g_base_stations", "160", "b1")
    listing = [
        (2, _record("new_5g_base_stations", "150", "b2"), corrected),
        (3, _record("new_parking_spaces", "1234", "b2"), None),
    ]
    listed = listed_result(result, listing)
    assert [(rc.row, rc.change.warnings) for rc in listed.kept] == [(2, (kept_warning,))]
    assert [(rc.row, rc.change.warnings) for rc in listed.changes] == [(3, (later_warning,))]
    assert listed.unchanged == []
    assert listed.kept_count == 1  # still the stream's count


def test_a_stream_with_nothing_kept_out_lists_none() -> None:
    result = ImportResult(
        "june.csv", "b2", 1, written=True, counts=(1, 0, 0, 0), warnings=[(2, "a warning")]
    )
    listed = listed_result(result, [(2, _record("gdp", "5.0", "b2"), None)])
    assert listed.kept == []
    assert [rc.row for rc in listed.changes] == [2]
