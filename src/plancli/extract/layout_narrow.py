"""A table `pdftotext -layout` copied out of a PDF set so narrow that one space may separate two
cells (`1441.37 0.3`, `亿元 8`, `正增长 605.02`), every name wrapped over two to four lines and
the columns shifted a character or two from row to row (checked on LibreOffice's PDF of the
seed's 附表1 with narrow columns, tests/fixtures/layout-table/narrow.layout.txt). `layout_tables`
tries this reading only for a block it cannot read otherwise, and keeps it on the same terms
(under a table's title, three rows of figures or more in the fullest row's columns).

What differs from a wider table:
- a line's words are apart by any run of spaces, except LibreOffice's single space between a
  figure and the Chinese after it in one cell (`7 以上`, `5 以内`, `2021 年计划`, `4.8 以`);
- the columns are where most rows of figures have them (`settle`), with the names' column
  where every name wraps around its figures (`with_wrapped`); a line's words go to them in
  order, each as near its column as can be (`in_order`: a wider table's words come only early);
- the header's lines are read column by column: a column's words at or above the line of the
  lead cells (序号 指标名称 单位, set in the middle of their two rows) are its top row's cell
  (`2021 年` / `计划`: 2021年计划), those below it the row under (`增长率` / `(%)`);
- a row's cell is its figures' line and the pairs of its column's lines above and below it
  (`centred`: a name over four lines, two above and two below, a merged cell's lines between
  them); a line no row took goes to its nearest row, and in a column of figures lines between
  two rows that took none there are one cell merged over both (与经济 / 增长基 / 本同步);
- the block is kept only where its lines of figures are a table's rows (`laid_out`) and its
  cells read as a table's (`sound`); else it is left as it is.
"""

from __future__ import annotations

import re
from itertools import pairwise

Word = tuple[int, int, str]  # (column, offset in the report, text)

_WORD = re.compile(r"\S+")
# the Chinese LibreOffice sets one space after a figure inside a cell
_IN_CELL = re.compile(r"^(?:以上|以内|以下|左右|及以上|以|年)")
# where one might stand (a figure, one space, the word): a line without one splits at every space
_JOINED = re.compile(r"\d\s(?:以|左右|及以上|年)")


def narrow_words(report: str, start: int, end: int) -> list[Word]:
    """The words of a line, apart by any run of spaces (`7 以上` kept one word)."""
    if _JOINED.search(report, start, end) is None:  # (most lines: no figure's 以上 to keep)
        return [
            (m.start() - start, m.start(), m.group()) for m in _WORD.finditer(report, start, end)
        ]
    line = report[start:end]
    out: list[Word] = []
    for match in _WORD.finditer(line):
        if out:
            column, offset, word = out[-1]
            if (
                match.start() == column + len(word) + 1
                and re.search(r"\d$", word)
                and _IN_CELL.match(match.group())
            ):
                out[-1] = (column, offset, line[column : match.end()])
                continue
        out.append((match.start(), start + match.start(), match.group()))
    return out


def laid_out(report: str, starts: list[int]) -> bool:
    """Whether the lines of figures at `starts` are a table's rows, not prose whose words
    pdftotext set one space apart (`地区生产总值增长 5.5%、达到 10.3 万亿元，成`): most hold a run
    of spaces (a cell left of a wrapped one, a short figure in a wide column) and none a
    sentence's punctuation."""
    ends = [report.find("\n", start) for start in starts]
    lines = [
        report[start : end if end >= 0 else None] for start, end in zip(starts, ends, strict=True)
    ]
    spaced = sum(1 for line in lines if "  " in line.strip())
    return spaced * 3 >= len(lines) * 2 and not any(
        re.search(r"[。，；！？]", line) for line in lines
    )


def nearest(columns: list[int], at: int) -> int:
    """The column whose start is nearest `at` (a tie: the later, as words come early)."""
    return min(range(len(columns)), key=lambda i: (abs(columns[i] - at), -i))


def in_order(columns: list[int], starts: list[int]) -> list[int]:
    """The columns of a line's words, left to right, one word a column, as near their starts
    as can be (`3 投资(不 亿元 正增长 605.02 —— 正增长`: 605.02 set five columns early, after
    three Chinese characters, is still the fifth cell of seven); a line of more words than
    columns, each word's nearest."""
    n, m = len(starts), len(columns)
    if n > m:
        return [nearest(columns, at) for at in starts]
    far = 1 << 30
    # cost[i][j]: the least distance placing words i.. in columns j..
    cost = [[far] * (m + 1) for _ in range(n + 1)]
    cost[n] = [0] * (m + 1)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            here = abs(columns[j] - starts[i]) + cost[i + 1][j + 1]
            cost[i][j] = min(cost[i][j + 1], here)
    out: list[int] = []
    j = 0
    for i in range(n):
        while cost[i][j] != abs(columns[j] - starts[i]) + cost[i + 1][j + 1]:
            j += 1
        out.append(j)
        j += 1
    return out


def with_wrapped(columns: list[int], lines: list[list[int]]) -> list[int]:
    """The columns with one no row of figures opens (the names' column where every name wraps
    around its figures: `    地区生产总` / `1  亿元 8 …` / `    值`): a start three of the body's
    other lines or more share before the rows' second column, three columns or more from every
    column (a merged cell's lines further right are a column's: `与经济` / `增长基`)."""
    counts: dict[int, int] = {}
    for starts in lines:
        for at in starts:
            counts[at] = counts.get(at, 0) + 1
    extra = [
        at
        for at, n in counts.items()
        if n >= 3 and all(abs(at - c) > 3 for c in columns) and at < columns[1]
    ]
    extra = [at for at in extra if all(abs(at - o) > 3 or at <= o for o in extra)]
    return sorted([*columns, *extra])


# a figure inside Chinese words (地区生产总1值: a row's number set into its wrapped name)
_SANDWICHED = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?[\u4e00-\u9fff]")
_NUMBER_CELL = re.compile(r"^\d+$")


def sound(rows: list[list[str]]) -> bool:
    """Whether a narrow table's rows read as a table's: a figure inside no cell's Chinese, and
    each row of the body opening with its number where the header names a 序号 column."""
    numbered = bool(rows) and bool(rows[0]) and "序号" in rows[0][0]
    for row in rows:
        if any(_SANDWICHED.search(cell) for cell in row):
            return False
    body = [
        row for row in rows if any(re.search(r"\d", c) and not re.search(r"年", c) for c in row)
    ]
    return not numbered or all(row and _NUMBER_CELL.match(row[0]) for row in body)


def settle(columns: list[int], rows: list[list[int]]) -> list[int]:
    """The columns' starts as most rows of figures have them (each column's median word start,
    its words placed `in_order`): the fullest row alone may hold a figure set early after
    Chinese (`正增长 605.02` five columns before `1441.37`)."""
    placed: list[list[int]] = [[] for _ in columns]
    for starts in rows:
        for at, col in zip(starts, in_order(columns, starts), strict=True):
            placed[col].append(at)
    settled = [
        sorted(p)[(len(p) - 1) // 2] if p else c for p, c in zip(placed, columns, strict=True)
    ]
    ordered = all(a < b for a, b in pairwise(settled))
    return settled if ordered else columns


def header_rows(
    grid: dict[tuple[int, int], list[Word]], first: int, width: int, lead: int
) -> list[list[list[Word] | None]]:
    """The header's lines (0 to `first`) as its two rows, read column by column: the lead
    cells and each column's words down to the lead cells' line, then the words below it."""
    divider = next(
        (i for i in range(first) if any((i, col) in grid for col in range(lead))), first - 1
    )
    top: list[list[Word] | None] = []
    below: list[list[Word] | None] = []
    for col in range(width):
        upper = [w for i in range(divider + 1) for w in grid.get((i, col), [])]
        lower = [w for i in range(divider + 1, first) for w in grid.get((i, col), [])]
        if col < lead:
            upper += lower  # (a lead cell wrapped past the divider)
            lower = []
        if upper:
            top.append(upper)
        if lower:
            below.append(lower)
    return [top, below] if below else [top]


_HEAD_WORD = re.compile(r"序号|指标|名称|单位|项目|(?:19|20)\d\d\s*年|^(?:19|20)\d\d$")


def header_end(lines: list[list[Word]], first: int, lead: int, place: list[int]) -> int:
    """Where the header's lines end, before the first row's figures (`first`): after its last
    line holding a header's word (a year, 序号, 单位, a column's words in the figures' columns);
    a name wrapped above the first row's figures (地区生产 / 1 亿元 8 … / 总值) is the row's."""
    end = 0
    for i in range(first):
        for column, _, word in lines[i]:
            if _HEAD_WORD.search(word) or (
                nearest(place, column) >= lead and not re.search(r"\d", word)
            ):
                end = i + 1
    return end


def centred(lines: list[int], anchors: list[int]) -> tuple[list[list[int]], list[int]]:
    """Each row's lines of a column (its figures' line, then pairs of the column's lines
    nearest above and below it, no nearer the rows next to it: a name wrapped over four lines
    has two above and two below, a merged cell's lines between them), rows taken top down;
    and the lines no row took."""
    free = set(lines)
    rows: list[list[int]] = []
    far = 1 << 30
    for row, anchor in enumerate(anchors):
        low = anchors[row - 1] if row else -far
        high = anchors[row + 1] if row + 1 < len(anchors) else far
        taken = [anchor] if anchor in free else []
        above = sorted(
            (i for i in free if low < i < anchor and anchor - i <= i - low), reverse=True
        )
        below = sorted(i for i in free if anchor < i < high and i - anchor <= high - i)
        for up, down in zip(above, below, strict=False):
            taken += [up, down]
        free -= set(taken)
        rows.append(sorted(taken))
    return rows, sorted(free)


def column_cells(lines: list[int], anchors: list[int], merges: bool) -> list[list[int] | None]:
    """Each row's lines in one column (None: a cell merged into the row above). A row takes the
    lines `centred` on its figures; a line none took goes to its nearest row (a tie: the
    upper), except in a column of figures (`merges`) where lines between two rows are one
    cell merged over both when neither row took a line there, or when they stand midway and
    each row's own word is on its figures' line (`与经济增` / `长基本同` / `步`)."""
    rows, left = centred(lines, anchors)
    cells: list[list[int] | None] = [list(taken) for taken in rows]
    for row in range(len(anchors) + 1):
        low = anchors[row - 1] if row else -1
        high = anchors[row] if row < len(anchors) else 1 << 30
        between = [i for i in left if low < i < high]
        if not between:
            continue
        upper, lower = cells[row - 1] if row else None, cells[row] if row < len(anchors) else None
        if merges and upper is not None and lower is not None:
            midway = between[0] + between[-1] == low + high
            if (not upper and not lower) or (midway and upper == [low] and lower == [high]):
                upper.extend([*between, *lower])
                cells[row] = None  # merged over both: the upper one holds it
                continue
        for i in between:
            near = min(range(len(anchors)), key=lambda r: (abs(anchors[r] - i), r))
            cell = cells[near]
            if cell is not None:
                cell.append(i)
    return [sorted(cell) if cell is not None else None for cell in cells]
