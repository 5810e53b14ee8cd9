"""The figures `gap` judges on a SQLite ledger, selected in SQL (issue 15: `gap` at 100,000
targets): per target the figure in force at its latest position up to the as-of month, the
year before's year-end figure, every period of a relation and of its reference, as the
PostgreSQL store selects them (`plain.FigureQuery`). Only once every stored figure is
plainly fit (`plainly_fit`, a bulk check in C): a ledger is valid or not whatever reads it,
and one in doubt is read row by row (`sqlite_read`), which says what is wrong."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from typing import Any, Protocol

from plancli.plain import Figure, FigureQuery, figure_problem
from plancli.stores.base import ShareRange
from plancli.stores.sqlite_db import _MAX_TARGETS_IN_QUERY

# Every stored figure at once, joined by spaces (`plainly_fit`), how many there are, and
# whether all are text: SQLite orders numbers before text and text before BLOBs, so the
# least and the greatest are text only when every one is (cheaper than asking each row).
_FIGURE_TEXTS = (
    "SELECT group_concat(value, ' '), group_concat(amount, ' '), count(*), count(amount),"
    " typeof(min(value)) || typeof(max(value)) || typeof(min(amount)) || typeof(max(amount)),"
    " typeof(min(target)) || typeof(max(target))"  # text only: a blob (x'ff') sorts after text
    " FROM records"
)
# A share of the rows (`gap_split`: each process checks half of them), by seq.
_ROW_SHARES = {None: "", 0: " WHERE seq <= ?", 1: " WHERE seq > ?"}
# In a run of figures written `-?digits[.digits]` or `-?digits.` or `-?.digits` (what Decimal
# reads as a finite number) and single spaces, what is not: another character, two points in
# one figure (each a quick search on its own; together: one slow alternation); the rest is
# asked of the text by `_plain_run` with `in` and `count`, searched in C without the regular
# expressions' per-character work (a lookbehind cost a tenth of `gap`'s read at 1.2M rows).
_UNPLAIN_FIGURES = (
    re.compile(r"[^-0-9. ]"),
    re.compile(r"\.[0-9]*\."),
)
# A figure of 12 characters or more: fit only if `figure_problem` says so (the shortcut
# `_stream_figures` takes holds below 12).
_LONG_FIGURE = re.compile(r"[^ ]{12,}")


def _plain_run(text: str) -> bool:
    """Given a text of figures of only `-0-9.` and single spaces, none with two points: no
    sign but at a figure's start (`1-2`, `.-1`), none alone or last (`- `, `1-`), no point
    without a digit beside it (`.`, `-.`: after the checks above, a point between the start,
    a space or a sign and the end or a space)."""
    return not (
        text.count("-") != text.count(" -") + text.startswith("-")
        or "- " in text
        or text.endswith("-")
        or " . " in text
        or "-. " in text
        or text.startswith(". ")
        or text.endswith((" .", "-."))
        or text == "."
    )


def plainly_fit(
    connection: sqlite3.Connection, share: int | None = None, middle: int = 0
) -> tuple[set[str], set[object]] | None:
    """The ledger's distinct periods and times when every stored figure is one
    `sqlite_read._stream_figures` accepts, checked in bulk: the figures as one text in C
    (SQLite's group_concat, regular expressions); the caller checks each distinct period and
    time once (`period_problems`, `_time_problems`). None: some figure may not be plainly
    fit; read every row, which says what is wrong.

    Every row is checked, superseded ones too, though `gap` selects only a few: a ledger is
    valid or not whatever reads it (`history` refuses the same rows). With `share` 0 or 1,
    only the rows with seq up to `middle`, or after it: two processes check half each
    (`gap_split`), together every row."""
    where = _ROW_SHARES[share]
    arguments = () if share is None else (middle,)
    values, amounts, rows, with_amount, types, targets = connection.execute(
        _FIGURE_TEXTS + where, arguments
    ).fetchone()
    if not rows:
        return set(), set()
    if types != ("texttexttexttext" if with_amount else "texttextnullnull"):
        return None
    if targets != "texttext":  # a target that is no text (not UTF-8): read every row, named
        return None
    for text, count in ((values, rows), (amounts, with_amount)):
        if not count:
            continue
        # As many figures as rows (a figure holding a space would make two), none empty.
        if (
            not text
            or text.count(" ") != count - 1
            or "  " in text
            or text[:1] == " "
            or text[-1:] == " "
            or any(pattern.search(text) for pattern in _UNPLAIN_FIGURES)
            or not _plain_run(text)
        ):
            return None
        for long in _LONG_FIGURE.findall(text):
            if figure_problem(Decimal(long)):  # plain: a finite number
                return None
    periods: set[str] = set()
    times: set[object] = set()
    for period, recorded_at in connection.execute(
        "SELECT DISTINCT period, recorded_at FROM records" + where, arguments
    ):
        periods.add(period)
        times.add(recorded_at)
    return periods, times


_POSITION_BITS = 40  # the selection's key: end month × 2^40 + seq (seq < 2^40)


class TargetShare(ShareRange, Protocol):
    """A share of the targets (`base.ShareRange`) that says whether it holds a target."""

    def holds(self, target: str) -> bool: ...


def _target_filters(targets: TargetShare | None) -> list[tuple[str, list[object]]]:
    """The conditions on `target` (with their parameters) that together select `targets`:
    its range, then its extra targets in chunks; one empty condition for every target."""
    if targets is None:
        return [("", [])]
    where, chosen = "", list[object]()
    if targets.low is not None:
        where, chosen = " AND target >= ?", [targets.low]
    if targets.high is not None:
        where += " AND target < ?"
        chosen.append(targets.high)
    filters = [(where, chosen)]
    extra = sorted(targets.extra)
    for start in range(0, len(extra), _MAX_TARGETS_IN_QUERY):
        chunk: list[object] = list(extra[start : start + _MAX_TARGETS_IN_QUERY])
        filters.append((f" AND target IN ({', '.join('?' for _ in chunk)})", chunk))
    return filters


def judged_figures(
    connection: sqlite3.Connection,
    judged: FigureQuery,
    periods: set[str],
    targets: TargetShare | None = None,
) -> list[Figure] | None:
    """What an assessment at `judged` reads of the figures in force, selected in SQL as the
    PostgreSQL store selects them: per target, the figure at its latest position (end month)
    up to `judged.end_month` of the plan year (of the figures there, the last recorded), and
    the year before's year-end one; every position of the `series` targets. In the order
    they were recorded. None when seq is too large for the selection's key.

    With `targets`, only those of the targets whose id is in [low, high) (a range of the
    index records_by_target) and of `extra` (`gap_split`: one process's share)."""
    from plancli.stores.base import cached_period

    (last_seq,) = connection.execute("SELECT max(seq) FROM records").fetchone()
    if last_seq is not None and last_seq >= 1 << _POSITION_BITS:
        return None
    year, month = judged.year, judged.end_month
    ends: dict[str, int] = {}  # the periods judged: their end month
    base: list[str] = []  # the year before's year-end periods
    for text in periods:
        period = cached_period(text)
        if period.year == year and period.end_month <= month:
            ends[text] = period.end_month
        elif period.year == year - 1 and period.end_month == 12:
            base.append(text)
    rows: dict[int, tuple[Any, ...]] = {}  # by seq: a figure selected twice is one
    select = "SELECT seq, target, period, value, amount FROM ("
    filters = _target_filters(targets)
    if ends:
        # Grouped by target alone, the covering index records_by_target is read in order.
        cases = " ".join("WHEN ? THEN ?" for _ in ends)
        marks = ", ".join("?" for _ in ends)
        parameters: list[object] = []
        for text, end in ends.items():
            parameters += (text, end)
        for where, chosen in filters:
            sql = (
                f"{select}SELECT max((CASE period {cases} END << {_POSITION_BITS}) + seq) AS k"
                f" FROM records WHERE period IN ({marks}){where} GROUP BY target"
                f") CROSS JOIN records ON seq = k & {(1 << _POSITION_BITS) - 1}"
            )
            rows.update(
                (row[0], row) for row in connection.execute(sql, [*parameters, *ends, *chosen])
            )
    if base:  # one position: the last recorded
        for where, chosen in filters:
            sql = (
                f"{select}SELECT max(seq) AS k FROM records"
                f" WHERE period IN ({', '.join('?' for _ in base)}){where} GROUP BY target"
                ") CROSS JOIN records ON seq = k"
            )
            rows.update((row[0], row) for row in connection.execute(sql, [*base, *chosen]))
    series = sorted(judged.series if targets is None else filter(targets.holds, judged.series))
    if series and ends:
        months = list(ends)
        for start in range(0, len(series), _MAX_TARGETS_IN_QUERY):
            chunk = series[start : start + _MAX_TARGETS_IN_QUERY]
            sql = (
                f"{select}SELECT max(seq) AS k FROM records"
                f" WHERE target IN ({', '.join('?' for _ in chunk)})"
                f" AND period IN ({', '.join('?' for _ in months)}) GROUP BY target, period"
                ") CROSS JOIN records ON seq = k"
            )
            rows.update((row[0], row) for row in connection.execute(sql, [*chunk, *months]))
    # In the order they were recorded: where two periods end the same month (2022-06 and
    # 2022-Q2), the assessment keeps the later one (`records.in_force`).
    names: dict[str, str] = {}  # one string object per target and period: less memory
    share = names.setdefault
    new = tuple.__new__  # the named tuple made in C (its own `__new__` is Python)
    return [
        new(
            Figure,
            (
                share(target, target),
                share(period, period),
                Decimal(value),
                None if amount is None else Decimal(amount),
            ),
        )
        for _, target, period, value, amount in map(rows.__getitem__, sorted(rows))
    ]
