"""A table copied out of a PDF by `pdftotext -layout`: cells apart by runs of spaces (no tabs, no
`|`), a cell wrapped over lines of its own, a row's figures on a line between its name's two
lines (the cells set in the middle of the row), a merged cell between the two rows it spans.
Rewritten as the rows a text copy of 附表1 has (cells apart by " | ", a row a line), so
`tables` reads it as it reads them; each character keeps its place in the report, so a quote
of a row is still the report's words.

What pdftotext emits (checked on LibreOffice's PDF of the seed's 附表1,
tests/fixtures/layout-table): one character a column, a Chinese character too, and a word at
the column of its left edge as far as the line before it allows (a cell's words keep their
column when the cells before them on the line are Latin or figures, and can come up to a few
columns early: 元 at 19 where 单位 stands at 22). So the columns are read from the table's
fullest rows and a word goes to the last column that starts no more than `_SLACK` columns
after it.

A block is a table only when at least three of its lines hold two figures or more in cells
of their own, most of them in the same columns as the fullest line: a paragraph of prose
with runs of spaces in it (a justified line, a list's indent) never is. A block no such
reading takes is tried as a narrow table, one space between some of its cells
(`layout_narrow`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from plancli.extract.layout_narrow import (
    column_cells,
    header_end,
    header_rows,
    in_order,
    laid_out,
    narrow_words,
    settle,
    sound,
    with_wrapped,
)
from plancli.extract.rewrite import Rewrite

_GAP = re.compile(r" {2,}")
_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"^(?:19|20)\d\d\s*年")
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s*年|$)")  # (a narrow header: 2021 / 年计划)
# a table's title: short, naming a table, its indicators, targets or plan (as `table_spans`)
_TITLE = re.compile(r"(?:表|指标|目标|计划|情况)(?:[（(][^）)]{0,12}[）)])?$")
_SLACK = 3  # columns a word may stand before its column's start
_WITHIN = 3  # lines of a wrapped cell or a blank line between two of a table's lines
# A report's widest table (a grouped header's years by plan, done and growth) has a dozen or
# so columns: a block of more is no table, and reading one as a table would place each of its
# words among all of them (50 lines of 2,000 figures took 41 s: session 31).
_MOST_COLUMNS = 40


@dataclass
class _Line:
    start: int  # offset of the line in the report
    words: list[tuple[int, int, str]]  # (column, offset in the report, text)
    # its count of figures, wide and narrow, once counted (each line is asked for it again
    # by every step a block goes through)
    counted: dict[bool, int] = field(default_factory=dict)


# a word: characters apart by single spaces at most (two or more part two words)
_WORD = re.compile(r"[^ ](?:[^ ]| (?=[^ ]))*")


def _words(report: str, start: int, end: int) -> list[tuple[int, int, str]]:
    # (one pattern over the line, not a slice and strips for each word: a 4 MB table of 40
    # columns spent a second a pass here, session 32)
    out: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(report, start, end):
        word = match.group()
        at = match.start()
        if word[0].isspace() or word[-1].isspace():  # (a tab, an ideographic space)
            word = word.strip()
            if not word:
                continue
        out.append((at - start, at, word))
    return out


def _figures(line: _Line, narrow: bool = False) -> int:
    count = line.counted.get(narrow)
    if count is None:
        year = _BARE_YEAR if narrow else _YEAR
        count = sum(1 for _, _, w in line.words if _FIGURE.search(w) and not year.match(w))
        line.counted[narrow] = count
    return count


def _blocks(report: str, narrow: bool = False) -> list[list[_Line]]:
    """Runs of lines of three words or more (with up to `_WITHIN` other lines between two, and
    up to two lines of two words just above: a header's upper rows; in a narrow table up to
    three of one or two words: `2021 年  2022 年` over `2021 年完成` over `计划  计划`)."""
    blocks: list[list[_Line]] = []
    run: list[_Line] = []
    pending: list[_Line] = []
    offset = 0
    words = narrow_words if narrow else _words
    # (a narrow table's names wrap over four lines, a merged cell's between them)
    within, above = (_WITHIN * 3, 3) if narrow else (_WITHIN, 2)
    for raw in report.split("\n"):
        end = offset + len(raw.rstrip("\r\f"))
        line = _Line(offset, words(report, offset, end) if raw.strip() else [])
        offset += len(raw) + 1
        if len(line.words) >= 3:
            run.extend(pending)
            pending = []
            run.append(line)
        elif run and len(pending) < within and len(line.words) <= 2:
            pending.append(line)
        elif not run and (len(line.words) == 2 or (narrow and _upper(line, pending))):
            pending = [*pending[1 - above :], line]  # a header's upper lines: 2021年   2022年
        else:
            if run:
                blocks.append([*run, *_wrapped_last(pending)] if narrow else run)
            run, pending = [], []
    if run:
        blocks.append([*run, *_wrapped_last(pending)] if narrow else run)
    return blocks


def _wrapped_last(lines: list[_Line]) -> list[_Line]:
    """The lines after a narrow table's last row that finish its wrapped cells (`失业率`,
    `内`): indented, with no line of text or blank line before them, two at most."""
    out: list[_Line] = []
    for line in lines[:2]:
        if not line.words or any(column == 0 for column, _, _ in line.words):
            break
        out.append(line)
    return out


def _columns(rows: list[_Line]) -> list[int] | None:
    """The columns of a block's rows: the fullest row's, when most rows of figures agree."""
    fullest = max(rows, key=lambda line: len(line.words))
    starts = [column for column, _, _ in fullest.words]
    if not 4 <= len(starts) <= _MOST_COLUMNS:
        return None
    # (a word is near a start within one column: the columns so near, once, not a search of
    # the starts for each word)
    near = {start + shift for start in starts for shift in (-1, 0, 1)}
    agree = sum(
        1 for line in rows if sum(1 for c, _, _ in line.words if c in near) >= len(line.words) - 1
    )
    return starts if agree >= max(3, len(rows) * 2 // 3) else None


def _upper(line: _Line, pending: list[_Line]) -> bool:
    """A narrow header's upper line of one word (`2021 年计`, `2022 年计划`; `年计划` under
    `2021`), not a title (`主要预期目标`, `2022年主要指标计划表`)."""
    if len(line.words) != 1:
        return False
    word = re.sub(r"\s+", "", line.words[0][2])
    if re.match(r"(?:19|20)\d\d", word):
        return not (_title(word) and len(word) > 8)
    return (
        bool(pending)
        and re.search(r"[\d。，；]", word) is None
        and len(word) <= 8
        and not (_title(word) and len(word) > 3)
    )


def _title(text: str) -> bool:
    title = re.sub(r"\s+", "", text)
    return (
        len(title) <= 40
        and (
            _TITLE.search(title) is not None
            or re.fullmatch(r"附表\d*|续表\d*|.{0,20}[（(]续[）)]", title) is not None
            or re.match(r"[（(]?(?:计量)?单位[:：]", title) is not None
        )
        and re.search(r"[。，,；;！!？?]", title) is None
    )


def _titled(report: str, start: int) -> bool:
    """Whether the line of text above a block is a table's title (…主要预期目标, 附表1, a
    单位：… line): only there is a block read as a table."""
    # the last six lines before the block, found back from it: splitting all the report before
    # each block into lines, 1 MB of small tables under their titles took 84 s (session 31)
    opening = start
    for _ in range(6):  # (the line the block starts on, then five above)
        opening = report.rfind("\n", 0, opening)
        if opening < 0:
            break
    above = [line.strip() for line in report[opening + 1 : start].split("\n") if line.strip()]
    return bool(above) and _title(above[-1])


def _column(columns: list[int], at: int) -> int:
    """The last column starting no more than `_SLACK` after `at` (`columns` ascending)."""
    return max(bisect_right(columns, at + _SLACK) - 1, 0)


def _cell_text(report: str, pieces: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """A cell's characters and their offsets, its lines joined; a single space beside a Chinese
    character (LibreOffice's between a figure and its words: 7 以上, 2021 年计划) left out."""
    chars: list[str] = []
    offsets: list[int] = []
    end = -1
    for _, offset, word in pieces:
        if offsets and "\n" not in report[end:offset]:
            chars.append(" ")  # (two words of one line: never one figure, 1441.370.3)
            offsets.append(end)
        end = offset + len(word)
        if " " not in word:  # (most cells: a figure, a word, taken whole)
            chars.append(word)
            offsets.extend(range(offset, end))
            continue
        for i, ch in enumerate(word):
            if ch == " " and (_cjk(word[i - 1]) or _cjk(word[i + 1])):
                continue
            chars.append(ch)
            offsets.append(offset + i)
    return "".join(chars), offsets


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _rows(
    block: list[_Line], columns: list[int], narrow: bool = False
) -> list[list[list[tuple[int, int, str]] | None]]:
    """The block as rows of cells (each cell its words, top to bottom; None: a merged cell the
    row above holds). Rows are the lines of figures; a wrapped cell's lines go to the row they
    are centred on, and a cell between two rows (centred on neither) to the upper one."""
    anchors = [i for i, line in enumerate(block) if _figures(line, narrow) >= 2]
    first = anchors[0]
    # (two words of a line in one column, one set a few columns early: both kept, in order)
    grid: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    # (the same cells by column, line by line: a column's lines are not looked for among all
    # the block's, 40 columns of 13,000 lines, session 32)
    by_column: list[dict[int, list[tuple[int, int, str]]]] = [{} for _ in columns]
    placed: dict[int, int] = {}
    for i, line in enumerate(block):
        if narrow:
            at = in_order(columns, [c for c, _, _ in line.words])
        else:  # (each line's words stand at the same few columns: each placed once)
            at = [placed[c] if c in placed else placed.setdefault(c, _column(columns, c))
                  for c, _, _ in line.words]  # fmt: skip
        for word, col in zip(line.words, at, strict=True):
            cell = grid.get((i, col))
            if cell is None:
                cell = grid[(i, col)] = by_column[col][i] = []
            cell.append(word)
    header: list[list[list[tuple[int, int, str]] | None]] = []
    # the header: lead cells (before the first column a year heads) joined into the row of years
    year = _BARE_YEAR if narrow else _YEAR
    years = [i for i in range(first) if any(year.match(w) for _, _, w in block[i].words)]
    start = first  # (a narrow table's first name may wrap above its figures: its own)
    if years and narrow:
        # (the first column any year heads: 2022 年计 may stand a line above 2021 年计划)
        lead = min(
            c for (i, c), ws in grid.items() if i in years and any(year.match(w[2]) for w in ws)
        )
        start = header_end([line.words for line in block], first, lead, columns)
        header = header_rows(grid, start, len(columns), lead)
    elif years:
        year_columns = [_column(columns, c) for c, _, w in block[years[0]].words if _YEAR.match(w)]
        lead = min(year_columns)
        top: list[list[tuple[int, int, str]] | None] = []
        for col in range(lead):
            pieces = [w for i in range(first) for w in grid.get((i, col), [])]
            top.append(pieces)
        top.extend(grid[(years[0], col)] for col in range(lead, len(columns))
                   if (years[0], col) in grid)  # fmt: skip
        header.append(top)
        for i in range(first):
            if i != years[0] and any((i, col) in grid for col in range(lead, len(columns))):
                header.append([grid[(i, c)] for c in range(lead, len(columns)) if (i, c) in grid])
    else:
        for i in range(first):
            header.append([grid[(i, c)] for c in range(len(columns)) if (i, c) in grid])
    body: list[list[list[tuple[int, int, str]] | None]] = [[[] for _ in columns] for _ in anchors]
    for col in range(len(columns)):
        in_column = by_column[col]
        lines = {i for i in in_column if i >= start}
        if narrow:
            merges = col >= lead if years else col >= 2
            for row, taken in enumerate(column_cells(sorted(lines), anchors, merges)):
                if taken is None:
                    body[row][col] = None
                    continue
                cell = body[row][col]
                assert cell is not None
                cell.extend(w for i in taken for w in in_column[i])
            continue
        for row, a in enumerate(anchors):
            if a in lines and not (a - 1 in lines and a + 1 in lines):  # (most cells: a line)
                lines.discard(a)
                cell = body[row][col]
                assert cell is not None
                cell.extend(in_column[a])
                continue
            d = 0 if a in lines else 1
            if d and not (a - 1 in lines and a + 1 in lines):
                continue
            while a - d - 1 in lines and a + d + 1 in lines:
                d += 1
            taken = [i for i in range(a - d, a + d + 1) if i in lines]
            lines -= set(taken)
            cell = body[row][col]
            assert cell is not None
            cell.extend(w for i in taken for w in in_column[i])
        for run in _runs(sorted(lines)):
            centre = (run[0] + run[-1]) / 2
            row = _nearest(anchors, centre)
            cell = body[row][col]
            assert cell is not None
            cell.extend(w for i in run for w in grid[(i, col)])
            cell.sort(key=lambda word: word[1])
            below = row + 1
            if below < len(anchors) and abs(anchors[below] - centre) == abs(anchors[row] - centre):
                body[below][col] = None  # merged over both rows: the upper one holds it
    return [*header, *body]


def _cells(report: str, rows: list[list[list[tuple[int, int, str]] | None]]) -> list[list[str]]:
    return [[_cell_text(report, c)[0] for c in row if c is not None] for row in rows]


def _nearest(anchors: list[int], centre: float) -> int:
    """The row whose line is nearest `centre`, the upper of two as near (`anchors` ascending)."""
    i = bisect_left(anchors, centre)
    if i == len(anchors) or (i and centre - anchors[i - 1] <= anchors[i] - centre):
        return i - 1
    return i


def _overlaps(spans: list[tuple[int, int]], start: int, stop: int) -> bool:
    """Whether `start`–`stop` overlaps a table already found (`spans`: ascending, apart), by
    the one found last before `stop`: comparing each block with every table found took
    minutes on 1 MB of small tables (session 31)."""
    i = bisect_left(spans, (stop, -1))
    return i > 0 and spans[i - 1][1] > start


def _runs(lines: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in lines:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def layout_tables(report: str) -> tuple[str, list[int], list[int]] | None:
    """The report with each table pdftotext laid out rewritten as rows of " | " cells, each
    character's offset in the report and the end of what it stands for; None when it holds no
    such table (the report is read as it is)."""
    if "   " not in report:
        return None
    found: list[tuple[int, int, list[list[list[tuple[int, int, str]] | None]]]] = []
    spans: list[tuple[int, int]] = []  # (found's, in order: thousands of small tables)
    for narrow in (False, True):  # (a narrow table: where no wider reading took its lines)
        for block in _blocks(report, narrow):
            end = report.find("\n", block[-1].start)
            stop = len(report) if end < 0 else end
            # (first: the narrow reading of a 4 MB table of 40 columns the wide one had taken
            # settled its columns, placing each line's words twice, 60 s of 95: session 32)
            if _overlaps(spans, block[0].start, stop):
                continue
            figured = [line for line in block if _figures(line, narrow) >= 2]
            if len(figured) < 3:
                continue
            columns = _columns(figured)
            if columns is None or not _titled(report, block[0].start):
                continue
            if narrow and not laid_out(report, [line.start for line in figured]):
                continue
            if narrow:
                starts = [[c for c, _, _ in line.words] for line in figured]
                body = block[block.index(figured[0]) :]
                kept = {id(line) for line in figured}  # (by identity: a block may be long)
                wrapped = [[c for c, _, _ in x.words] for x in body if id(x) not in kept]
                columns = settle(with_wrapped(settle(columns, starts), wrapped), starts)
            rows = _rows(block, columns, narrow)
            if narrow and not sound(_cells(report, rows)):
                continue  # (read wrong somewhere: left as it is)
            found.append((block[0].start, stop, rows))
            insort(spans, (block[0].start, stop))
    found.sort(key=lambda table: table[0])
    if not found:
        return None
    built = Rewrite(report)
    pos = 0
    for start, stop, rows in found:
        built.keep(pos, start)
        for number, row in enumerate(rows):
            cells = [c for c in row if c is not None]
            at = min((w[1] for c in cells for w in c), default=start)
            chars: list[str] = []
            origin: list[int] = []
            ends: list[int] = []
            if number:
                chars.append("\n")
                origin.append(at)
                ends.append(at + 1)
            for index, cell in enumerate(cells):
                if index:
                    bar = cell[0][1] if cell else at
                    chars.append(" | ")
                    origin += [bar] * 3
                    ends += [bar + 1] * 3
                text, offsets = _cell_text(report, cell)
                chars.append(text)
                origin += offsets
                ends += [offset + 1 for offset in offsets]
            # (as 附表1's text ends a row: a figure at a line's end is never joined to the next
            # row's number)
            last = origin[-1] if origin else built.origin[-1] if built.origin else at
            chars.append(" |")
            origin += [last] * 2
            ends += [last + 1] * 2
            built.put_many("".join(chars), origin, ends)
        pos = stop
    built.keep(pos, len(report))
    return built.text(), built.origin, built.ends
