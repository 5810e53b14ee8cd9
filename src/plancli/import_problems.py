"""A bad row of an import as its refusal lists it (F5 of the session 30 walk): a value that is
not a number was named by file and line alone (`t6.csv:8：数值 '六点五' 不是数字…`), and the
analyst counted rows to learn it was retail_sales."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from plancli.i18n import _, colon_join
from plancli.safe import Clipped, clip_path

if TYPE_CHECKING:
    from collections.abc import Mapping

    from plancli.imports import Problem, Problems, RowChange
    from plancli.model import Record
    from plancli.periods import Period
    from plancli.plain import AnyPlan
    from plancli.plain import Record as PlainRecord


def named_problem(where: str, problem: Problem) -> str:
    """A bad row as a message lists it: FILE:ROW, the target when the row names one of the
    plan's and the message does not name it already (`value '六点五' is not a number` names no
    target), then the message; `t6.csv:8: target retail_sales: …`, `t6.csv:8：目标
    retail_sales：…` in Chinese, as a plan's errors name a target (`p.toml:25：目标 gdp：min：…`).
    The one place every import's row problems are put in words. A problem found before the
    row was read names its target the same way (`Problem.given`, mapped by `resolve_rows`),
    unless it names the row's text already (`no value for 地区生产总值`)."""
    target = problem.target
    if (
        target
        and not _id_pattern(target).search(problem.message)
        and not (problem.given and problem.given in problem.message)
    ):
        return colon_join(where, _("target {id}").format(id=Clipped(target)), problem.message)
    return colon_join(where, problem.message)


def name_given(plan: AnyPlan, problems: Problems, ids: set[str], named: Mapping[str, str]) -> None:
    """The target of each row a reader refused before reading it (a JSON row's unknown key, a
    cell with no header, a formula with no value: `Problem.given`), by its id, name or alias,
    so its problem names it as the rest do (`t.json:4: target retail_sales: unknown key(s)
    'extra'…`, session 31); a text naming none, or two, names nothing."""
    from dataclasses import replace

    from plancli.bulletin_names import names_index, target_id
    from plancli.errors import InputError

    index: dict[str, list[str]] | None = None
    found: dict[str, str] = {}
    for position, problem in enumerate(problems.kept):
        text = problem.given
        if not text or problem.target:
            continue
        if text not in found:
            if text in ids or text in named:
                found[text] = text if text in ids else named[text]
            else:
                index = index if index is not None else names_index(plan)
                try:
                    found[text] = target_id(plan, text, index) or ""
                except InputError:  # a name of two targets
                    found[text] = ""
        if found[text]:
            problems.kept[position] = replace(problem, target=found[text])


_GIVEN_CHARS = 200  # a target cell longer than any name: not looked up (a hostile file's)


def given_text(cell: object) -> str:
    """A row's target cell as a problem keeps it (`Problem.given`): text, stripped; "" for
    none, a number or a list (a JSON row's `"target": 5`), or a text longer than any name."""
    if not isinstance(cell, str) or len(cell) > _GIVEN_CHARS:
        return ""
    return cell.strip()


def _id_pattern(target: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(target)}(?![A-Za-z0-9_])")


def _twice(record: PlainRecord | Record, period: Period, row: int, earlier: str) -> str:
    """The problem of a row giving a position an earlier row gave (as `check_import` says it)."""
    if earlier == record.period:
        twice = _("{target} {period} is also on row {row}; give one figure per target and period")
    else:
        twice = _(
            "{target} {period} is also on row {row} as {earlier} (both stand for the "
            "position at the end of {month}); give one figure per target and period"
        )
    return twice.format(
        target=record.target,
        period=record.period,
        row=row,
        earlier=earlier,
        month=f"{period.year}-{period.end_month:02d}",
    )


@contextmanager
def naming_rows(name: str, first_row: Callable[[str], int | None]) -> Iterator[None]:
    """An import's write or dry run in which a database's refusal of a target (a department's
    rules: another department's target, `TargetRefusedError`) names the row that wrote it,
    as the import's other refusals name theirs: `june.csv:3: refused: gdp is owned by 统计局
    …`. `first_row` gives the first row of the file written for a target: in the batch, in
    file order, the one the database refused first (None: not known, the refusal as it is)."""
    from plancli.errors import TargetRefusedError

    try:
        yield
    except TargetRefusedError as refused:
        row = first_row(refused.target)
        if row is None:
            raise
        raise refused.at(f"{clip_path(name)}:{row}") from None


def first_change_row(changes: Iterable[RowChange]) -> Callable[[str], int | None]:
    """`naming_rows`' `first_row` of the changes an import writes, in file order."""
    return lambda target: next((c.row for c in changes if c.change.record.target == target), None)
