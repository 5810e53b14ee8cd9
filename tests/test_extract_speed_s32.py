"""Session 32: a 4 MB table `pdftotext -layout` set out in 40 columns took 29 s of CPU to
read (`layout_tables`): the narrow reading settled the columns of the table the wide one had
already taken, placing every line's words twice over before finding it taken, and each cell's
characters were put one call a character. The same table now reads in about a fifth of the
time; what it reads is the same, pinned here on a small one."""

from __future__ import annotations

from typing import Any

import pytest

import plancli.extract.layout_tables as layout
from plancli.extract.layout_narrow import narrow_words
from plancli.extract.layout_tables import _words, layout_tables

YEARS = "".join(f"{2000 + i:>6}年" for i in range(38))


def _figure(row: int, column: int) -> str:
    return str((row * 7 + column * 13) % 100 / 10)


def _forty_columns(rows: int) -> str:
    """A table of 40 columns under 附表1 (a name, a unit, 38 years), between two paragraphs."""
    figures = ["".join(f"{_figure(i, j):>7}" for j in range(38)) for i in range(rows)]
    lines = [f"指标{i}    亿元{row}" for i, row in enumerate(figures)]
    return "前言。\n附表1\n指标名称    单位" + YEARS + "\n" + "\n".join(lines) + "\n\n结语。\n"


def test_a_table_of_forty_columns_is_read_row_by_row_each_character_in_its_place() -> None:
    report = _forty_columns(4)
    laid = layout_tables(report)
    assert laid is not None
    text, origin, ends = laid
    lines = text.split("\n")
    assert lines[:2] == ["前言。", "附表1"]
    years = " | ".join(f"{2000 + i}年" for i in range(38))
    assert lines[2] == f"指标名称 | 单位 | {years} |"
    for i in range(4):
        figures = " | ".join(_figure(i, j) for j in range(38))
        assert lines[3 + i] == f"指标{i} | 亿元 | {figures} |"
    assert lines[7:] == ["", "结语。", ""]
    assert len(origin) == len(ends) == len(text)
    # each character of a cell stands for itself in the report; a bar for the cell after it
    # (or, at a row's end, for the row's last character)
    for i, ch in enumerate(text):
        if ch not in " |\n":
            assert report[origin[i]] == ch
            assert ends[i] == origin[i] + 1
    row = text.index("指标1 |")
    bar = text.index(" | ", row)
    assert report[origin[bar] : origin[bar] + 2] == "亿元"
    last = text.index(" |\n", row)
    assert report[origin[last]] == _figure(1, 37)[-1]  # (指标1's last figure, 8.8)


def test_a_table_the_wide_reading_took_is_not_read_again_narrow(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The narrow reading of a block asks first whether a table was found there: it used to
    settle the block's columns (every line's words placed twice) and only then find it taken."""
    settled: list[Any] = []
    real = layout.settle

    def counting(*args: Any) -> list[int]:
        settled.append(args)
        return real(*args)

    monkeypatch.setattr(layout, "settle", counting)
    laid = layout_tables(_forty_columns(6))
    assert laid is not None and "指标5 | 亿元 | " in laid[0]
    assert settled == []


def test_a_lines_words_keep_their_columns_whatever_their_blanks() -> None:
    """Words apart by two spaces or more, a single space inside one; a tab or an ideographic
    space beside a word is no part of it (read as before session 32, one pattern a line)."""
    report = "x\n \t12  \u3000年 以  a b\t \n"
    assert _words(report, 2, 22) == [(1, 3, "12"), (6, 8, "年 以"), (12, 14, "a b")]
    # a narrow table's words: apart by any blank, a figure's 以上 / 年 / 以内 kept with it
    report = "x\n7 以上  8 年  5\u3000以内 9\n"
    assert narrow_words(report, 2, 20) == [
        (0, 2, "7 以上"),
        (6, 8, "8 年"),
        (11, 13, "5\u3000以内"),
        (16, 18, "9"),
    ]
    assert narrow_words("12 3   4\n", 0, 8) == [(0, 0, "12"), (3, 3, "3"), (7, 7, "4")]


def test_a_figure_against_last_years_budget_is_this_years_the_one_against_its_result_not() -> None:
    """Whether a clause's figure is last year's asked what follows the clause (比上年预算…:
    this year's) on a copy of all the report after it, a copy a clause: a megabyte of short
    paragraphs took 25 s, now 17. It is asked at the clause's end, with the same answers."""
    from tests.test_extract_blind30 import YEAR_2011, _work_of

    text = YEAR_2011.replace(
        "企业退休人员基本养老金提高10%。",
        "全年新建公共租赁住房1000万套，比上年预算增加200万套。新建保障房500万套，比上年增长9.2%。",
    )
    work = {t["quote"]: t for t in _work_of(text, 2011)}
    assert work["全年新建公共租赁住房1000万套"]["min"] == 1000
    assert not any("保障房" in quote for quote in work)  # (last year's, told by 比上年增长)
