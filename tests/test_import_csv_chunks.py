"""Session 8 (issue 15): a CSV chunk of plain lines is split at its commas (`_plain_chunk`),
not by the csv module; any other chunk, and every chunk after one with a quote, is read by
the csv module as before. Reading a file must give exactly what one csv reader over all its
lines gave: the same rows (line numbers, texts, None for an empty optional cell), problems,
refusals, fractions noted, distinct targets and periods, blank template rows."""

from __future__ import annotations

import csv
import io
from itertools import chain
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plancli import imports_text
from plancli.bulletin import Header, ReadNotes
from plancli.errors import InputError
from plancli.imports import ImportLimits, Problems
from plancli.imports_text import _csv_rows, _CsvSource, _Rows, parse_text


def _one_reader(
    self: _CsvSource, lists: Any, header: Header, kept: _Rows, problems: Problems
) -> None:
    """The rows as read before session 8: one csv reader over every line after the header."""
    self.before = self.reader.line_num
    self.reader = csv.reader(chain.from_iterable(lists), strict=True)
    _csv_rows(self.reader, header, kept, problems, self.before)


def _read(text: str, limits: ImportLimits) -> tuple[object, ...]:
    notes = ReadNotes()
    try:
        rows, problems = parse_text(io.BytesIO(text.encode()), "f.csv", limits, notes)
    except InputError as exc:
        return ("refused", str(exc))
    return (
        [tuple(row) for row in rows],
        [(p.row, p.message) for p in problems.kept],
        problems.more,
        notes.fractions,
        notes.blank_rows,
        notes.targets,
        notes.periods,
    )


def _both(text: str, limits: ImportLimits, chunk: int) -> tuple[object, object]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imports_text, "_CHUNK", chunk)
        now = _read(text, limits)
        patch.setattr(_CsvSource, "by_chunk", _one_reader)
        before = _read(text, limits)
    return now, before


targets = st.sampled_from(["gdp", "retail_sales", "g1", " gdp", "gdp ", "", "\u3000x", "a\tb"])
periods = st.sampled_from(["2022-06", "2022-Q2", "2022年6月", "6月", "", "2022-06 "])
figures = st.sampled_from(
    [
        "4.1",
        "0.5",
        "1.2",
        "-0.0",
        "１２",
        "1,234",
        "5%",
        "",
        " 7",
        "x",
        "0.992",
        ".5",
        "3\x00",
        "123456789.5",
    ]
)
optional = st.sampled_from(["", "330", "0.5", "１", "note", "a b", "说明"])
cells = st.one_of(targets, periods, figures, optional)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    header = draw(
        st.sampled_from(
            [
                "target,period,value",
                "target,period,value,amount",
                "target,period,value,amount,note",
                "value,target,period,source",
                "target,period,value,",  # Excel's trailing empty column
            ]
        )
    )
    width = header.count(",") + 1
    lines = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            line = ""  # a blank line
        elif kind == 1:
            line = ",".join(draw(cells) for _ in range(draw(st.integers(1, width + 1))))
        elif kind == 2:  # a quoted cell, maybe running over lines, maybe never closed
            line = draw(st.sampled_from(['"gdp",2022-06,1', 'gdp,2022-06,"1\n2"', 'gdp,"2022']))
        else:
            line = ",".join(
                [draw(targets), draw(periods), draw(figures), *(draw(optional) for _ in range(3))][
                    :width
                ]
            )
        lines.append(line)
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return header + end + end.join(lines) + draw(st.sampled_from(["", end]))


@settings(max_examples=250, deadline=None)
@given(csv_files(), st.integers(8, 90), st.integers(1, 12), st.sampled_from([7, 9, 32_767]))
@example("target,period,value\ngdp,2022-06,1\n" * 3, 16, 2, 32_767)  # the row limit
@example("target,period,value\ngdp,2022-06,123456789\n", 64, 100, 7)  # a cell past the limit
@example('target,period,value\ngdp,2022-06,1\ngdp,"2022\n-06",2\ng1,2022-06,3\n', 20, 9, 99)
def test_chunks_read_as_one_csv_reader_read_them(
    text: str, chunk: int, rows: int, cell: int
) -> None:
    limits = ImportLimits(rows=rows, cell_chars=cell)
    now, before = _both(text, limits, chunk)
    assert now == before


def test_a_bulletin_of_plain_lines_is_split_without_the_csv_module() -> None:
    """The fast path is taken (and gives the csv module's rows) on the common file."""
    body = "".join(f"g{i},2022-{i % 12 + 1:02d},{i}.5,{i % 3 or ''}\n" for i in range(300))
    text = "target,period,value,amount\n" + body
    taken: list[bool] = []
    original = imports_text._plain_chunk

    def spy(*args: Any) -> bool:
        taken.append(original(*args))
        return taken[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imports_text, "_plain_chunk", spy)
        now, before = _both(text, ImportLimits(), 1024)
    assert taken and all(taken)
    assert now == before
    rows = now[0]
    assert isinstance(rows, list) and len(rows) == 300
    assert rows[0] == (2, ("g0", "2022-01", "0.5", None, None, None, False))
    assert rows[1] == (3, ("g1", "2022-02", "1.5", "1", None, None, False))
