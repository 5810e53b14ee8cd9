"""Session 32: `validate` of a plan of 20,000 targets (17,911 warnings) took minutes drawing its
table off a terminal: the table's lines, their trailing blanks taken out, were handed to Rich
as one text of 100,000 lines, which Rich splits at each line break by copying the rest (time
growing with the square of the lines). A text a line now; what is printed is the same."""

from __future__ import annotations

import io

from rich.segment import ControlType, Segment

from plancli.plan_checks import Finding
from plancli.render import _unpadded, console
from plancli.render.plan import findings_table


def test_a_table_off_a_terminal_is_handed_on_a_line_a_segment() -> None:
    segments = [Segment("a  "), Segment("b   \nc "), Segment(" \n"), Segment("d  ")]
    out = list(_unpadded(segments))
    assert [s.text for s in out] == ["a  b\n", "c\n", "d  "]  # (the last line's blanks kept)
    control = Segment("\x1b[2J", None, [(ControlType.CLEAR,)])
    out = list(_unpadded([Segment("x  \ny"), control, Segment("z \n")]))
    assert [s.text for s in out] == ["x\n", "y", "\x1b[2J", "z\n"]


def test_the_warnings_table_in_a_pipe_reads_as_before() -> None:
    """Three warnings at 60 columns, exactly as the table printed before session 32 (a
    message broken at the width, a Chinese one between its runs, no trailing blanks)."""
    findings = [
        Finding("warning", "no_quote", "gdp", "no quote: the report's words are needed"),
        Finding("warning", "no_quote", "new_5g_base_stations", "地区生产总值增长7%以上" * 3),
        Finding("warning", "rollup_mismatch", None, "parts sum to 58.71, the total is 58.72"),
    ]
    out = console()
    out.file = io.StringIO()
    out.width = 60
    assert not out.is_terminal
    out.print(findings_table(findings))
    assert out.file.getvalue() == (
        "\n"
        "  level     target                 message\n"
        " ──────────────────────────────────────────────────────────\n"
        "  warning   gdp                    no quote: the report's\n"
        "                                   words are needed\n"
        "  warning   new_5g_base_stations   地区生产总值增长7%以上\n"
        "                                   地区生产总值增长7%以上\n"
        "                                   地区生产总值增长7%以上\n"
        "  warning                          parts sum to 58.71, the\n"
        "                                   total is 58.72\n"
        "\n"
    )
