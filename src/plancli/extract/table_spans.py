"""Where a report's tables are: runs of lines whose cells are set apart by " | " or by tabs.

In an appendix (附表1, 附表2, … to the report's end) every run is a table. Elsewhere a run is a
table only under a title of its own (2022年主要指标计划表, 官渡区2022年经济社会发展主要预期目标: a
copy that dropped the 附表 line, or a report that puts its table after the speech under a plain
heading); a line of prose or a page's source line that happens to hold " | " or tabs is none.
"""

from __future__ import annotations

import re

from plancli.extract.text import Line, split_lines

# A table's title on the line above it: short, no sentence in it, naming a table, its
# indicators, targets or plan (…主要指标计划表, …主要预期目标, 主要经济指标, …主要指标计划（草案）,
# …主要指标完成情况).
_TITLE = re.compile(r"(?:表|指标|目标|计划|情况)\s*(?:[（(][^）)]{0,12}[）)])?\s*$")
# The table's unit on a line between its title and its rows (单位：亿元、元、%).
_UNIT_LINE = re.compile(r"^[（(]?\s*(?:计量)?单位\s*[:：]")
_SENTENCE = re.compile(r"[。，,；;！!？?：:、]")


def table_runs(parse: str, start: int, end: int, *, titled: bool = False) -> list[tuple[int, int]]:
    """Runs of table rows (at least three separators on a line, or tabs) in `parse[start:end]`;
    inside a run, a line of fewer cells is a row's remainder that a copy wrapped (a PDF's:
    …| 605.02 | / —— | 正增长 |). With `titled`, only the runs under a table's title."""
    spans: list[tuple[int, int]] = []
    run_start: int | None = None
    run_end = start
    title: Line | None = None  # the last line of text before the run (above its unit line)
    above: Line | None = None
    higher: Line | None = None  # the line of text above `above`
    for line in split_lines(parse, start, end):
        cells = max(line.text.count("|"), line.text.count("\t"))  # " | " or tabs apart
        if cells >= 3 or (run_start is not None and cells >= 1):
            if run_start is None:
                unit = above is not None and _UNIT_LINE.match(above.stripped) is not None
                run_start, title = line.start, higher if unit else above
            run_end = line.end
            continue
        if run_start is not None and line.stripped:
            if not titled or _is_title(title):
                spans.append((run_start, run_end))
            run_start = None
        if line.stripped:
            higher, above = above, line
    if run_start is not None and (not titled or _is_title(title)):
        spans.append((run_start, run_end))
    return spans


def _is_title(line: Line | None) -> bool:
    """Whether the line above a run is a table's title: a short line naming a table, its
    indicators or targets, with no sentence in it."""
    if line is None:
        return False
    text = line.stripped
    if re.fullmatch(r"续表\s*\d*|.{0,20}[（(]续[）)]", text):
        return True  # 续表: the rest of a table above
    return (
        4 <= len(text) <= 40
        and _SENTENCE.search(text) is None
        and "|" not in text
        and "\t" not in text
        and _TITLE.search(text) is not None
    )
