"""A column's width counted once for the texts it was counted for (session 40's
`Column.width` memo): a cell or header changed in place is counted again, never the old
width (the seed's 5G base stations id, 20 cells, then a Chinese name, two cells a character)."""

from __future__ import annotations

from rich.text import Text

from plancli.render.widths import Column


def test_a_changed_cell_is_counted_again() -> None:
    cell = Text("new_5g_base_stations")
    column = Column("id", [cell, Text("gdp")])
    assert column.width() == 20
    assert column.width() == 20  # (the memo's answer)
    cell.append("：新建5G基站")  # a full-width colon, four CJK characters, `5G`: 12 cells
    assert column.width() == 32
    column.cells[1] = Text("城镇常住居民人均可支配收入")  # 13 characters, 26 cells
    assert column.width() == 32
    column.cells.append(Text("a\n" + "b" * 40))  # its widest line
    assert column.width() == 40


def test_a_changed_header_is_counted_again() -> None:
    header = Text("快慢")
    column = Column(header, [Text("1")])
    assert column.width() == 4
    header.append(" / 百分点")
    assert column.width() == 13
