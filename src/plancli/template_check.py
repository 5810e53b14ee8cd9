"""A `plancli template` sheet read back: are its rows still the rows the template wrote?

The readers keep, for a file whose header has the template's helper columns (name, unit,
last_value, last_period: `bulletin.Header.template`), each row's target, period and helper
cells (`TemplateCells`, in `ReadNotes.template_cells`). The helper cells are plancli's own
text, for the person filling the sheet in, and are not imported; but they tell a sheet that
was changed where it should not have been:

- a row with no figure is skipped as blank only while its helper cells are what the template
  wrote: a figure typed into `last_value`, `unit` or `name` (a column too far right) is
  refused by name and column, not counted among the blank rows and lost;
- a row whose `name` names another target of the plan had its target cell changed (or column
  A sorted alone): refused, naming both, rather than imported under the new id;
- the template writes one row per target and position (2022-06 and 2022-Q2 are one), so two
  are refused even when one of them is blank;
- a filled row's `unit` cell that is not the template's words for its target (`万人, year to
  date`) but a unit typed in (万吨 for a target in 亿斤) is checked as a `单位` cell is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from plancli.bulletin import HELPER_HEADERS, header_key
from plancli.bulletin_names import name_key
from plancli.errors import InputError
from plancli.figure_words import number_text
from plancli.i18n import _
from plancli.periods import parse_period
from plancli.safe import clip, formula_like, visible

if TYPE_CHECKING:
    from plancli.bulletin import Header
    from plancli.imports import Problems
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget
    from plancli.read_notes import ReadNotes


class TemplateCells(NamedTuple):
    """One row of a template sheet: its target and period as given, and its helper cells."""

    row: int
    target: str
    period: str
    blank: bool  # no value, amount, note or source: skipped as a blank row
    helpers: tuple[tuple[str, str], ...]  # (column, text) of the helper cells not empty


_OWNER = ("owner", "牵头单位")  # the column `template` writes where the plan names owners


def helper_positions(header: Header) -> dict[int, str]:
    """Position → helper column (name, unit, last_value, last_period, owner) of a template's
    header."""
    found = {i: header_key(cell or "") for i, cell in enumerate(header.row)}
    helpers = {i: "owner" if key in _OWNER else HELPER_HEADERS.get(key) for i, key in found.items()}
    return {i: helper for i, helper in helpers.items() if helper is not None}


def keep_cells(
    notes: ReadNotes,
    positions: dict[int, str],
    row: int,
    target: object,
    period: object,
    cells: Callable[[int], object],
    blank: bool,
) -> None:
    """Keep a template row's cells (`cells(position)`: the cell's text or figure, or None)."""
    if target is None or period is None or not str(target).strip():
        return
    helpers = []
    for position, column in positions.items():
        cell = cells(position)
        text = "" if cell is None else str(cell).strip()
        # the CSV writer's guard (csv_cell): `'-2+3` compares as the owner -2+3 it was written
        # for, and `'-1.2 %` too, as a template written before session 40 guarded a percentage
        if text[:1] == "'" and (formula_like(text[1:]) or text[1:].lstrip(" ")[:1] in ("+", "-")):
            text = text[1:]
        if text:
            helpers.append((column, text))
    notes.template_cells.append(
        TemplateCells(row, str(target).strip(), str(period).strip(), blank, tuple(helpers))
    )


def _figure(text: str) -> Decimal | None:
    """The number a cell holds (`35`, `１２`, `18.5%`), or None for text."""
    try:
        figure = Decimal(number_text(text).removesuffix("%").strip())
    except (InvalidOperation, ValueError):
        return None
    return figure if figure.is_finite() else None


def _names(target: AnyTarget) -> set[str]:
    return {name_key(name) for name in (target.name, target.name_en, *target.aliases) if name}


def template_problems(
    plan: AnyPlan,
    notes: ReadNotes,
    problems: Problems,
    records: Callable[[], Sequence[AnyRecord]],
    held: Callable[[], Mapping[str, str] | None] | None = None,
) -> None:
    """Add to `problems` the rows of a template sheet changed where it should not have been
    (see the module's docstring); `records` gives the ledger, read only when a blank row's
    last_value holds a figure (is it the one the template wrote?); `held`, a database
    ledger's owners (牵头单位) as it enforces them, asked only for one department's sheet."""
    owners: dict[str, list[str]] = {}  # a name's key → the targets named so
    for each in plan.targets:
        for name_of in _names(each):
            owners.setdefault(name_of, []).append(each.id)
    # The columns as the sheet's header names them (指标名称（参考）, 本期数值 in Chinese).
    header = notes.header
    labels = {"target": "target", "value": "value"}
    labels.update((column, column) for column in HELPER_HEADERS.values())
    if header is not None:
        labels["target"], labels["value"] = header.label("target"), header.label("value")
        for position, column in helper_positions(header).items():
            labels[column] = str(header.row[position] or column).strip()
    first: dict[tuple[str, int, int], TemplateCells] = {}
    refused_blank = 0
    ledger: dict[str, set[Decimal]] = {}

    def figures() -> dict[str, set[Decimal]]:  # the ledger read once, when a row needs it
        if not ledger:
            ledger.update(written_by(records) or {"": set()})
        return ledger

    for cells in notes.template_cells:
        # The target the row's cell resolves to (GDP, 地区生产总值: gdp), as it is imported.
        target = plan.target(notes.named.get(cells.target, cells.target))
        if target is None:
            continue  # the target check names it
        helpers = dict(cells.helpers)
        name = helpers.get("name")
        if name is not None and name_key(name) not in _names(target):
            others = [i for i in owners.get(name_key(name), []) if i != target.id]
            if others:
                problems.add(cells.row, _named_another(target.id, name, others, labels), target.id)
                refused_blank += cells.blank
                continue
        if cells.blank and (slip := _slip(target, cells.helpers, figures, labels)):
            problems.add(cells.row, slip, target.id)
            refused_blank += 1
            continue
        if not cells.blank and (unit := helpers.get("unit")) is not None:
            from plancli.bulletin_units import row_unit_check

            check = row_unit_check(target, unit)  # None for the template's own words
            if check is not None and check[0]:  # another scale of the plan's unit: refused
                problems.add(cells.row, check[1], target.id)
                continue
            if check is not None:
                notes.warnings.append((cells.row, check[1]))
        try:
            period = parse_period(cells.period, plan.plan.year)
        except InputError:
            continue  # the period check names it
        key = (target.id, period.year, period.end_month)
        earlier = first.setdefault(key, cells)
        if earlier is not cells and (earlier.blank or cells.blank):  # both filled: check_import
            problems.add(cells.row, _twice(target.id, cells.period, earlier.row), target.id)
            refused_blank += cells.blank
    notes.blank_rows -= refused_blank
    owner_warnings(plan, notes, held)


def owner_warnings(
    plan: AnyPlan, notes: ReadNotes, held: Callable[[], Mapping[str, str] | None] | None = None
) -> None:
    """Warn of a row of another department's target in one department's sheet (`template
    --owner 区工信局`): its figure revises theirs. The template does not say whose sheet it is
    but in its owner column, so a sheet is X's when every owner cell filled names X; a row
    then warned about is one whose target's owner in the plan (牵头单位) is another, whatever
    its own cell says (left blank when typed, X when copied down), or one with no owner whose
    cell says X (the template writes none for it). A sheet whose owner cells name several
    departments (the whole plan's template) is no one department's: nothing is said. A
    database ledger's owners are the ones it enforces (`held`), not the plan file's: a
    department importing with the bundled plan, which names none, was warned of every row."""
    owners = [dict(cells.helpers).get("owner") for cells in notes.template_cells]
    named = {owner for owner in owners if owner}
    if len(named) != 1:
        return
    [sheet] = named
    database = held() if held is not None else None
    for cells, given in zip(notes.template_cells, owners, strict=True):
        target = None if cells.blank else plan.target(cells.target)
        if target is None:
            continue
        owner = target.owner if database is None else database.get(target.id)
        if owner == sheet or (owner is None and not given):
            continue
        fields = {"target": target.id, "sheet": clip(sheet), "owner": clip(owner or "")}
        if owner is None and database is not None:
            message = _(
                "{target} has no owner (牵头单位) in the ledger's database, but this sheet is "
                "{sheet}'s; was the row copied from another sheet?"
            )
        elif owner is None:
            message = _(
                "{target} has no owner (牵头单位) in the plan, but this sheet is {sheet}'s; was "
                "the row copied from another sheet?"
            )
        else:
            message = _(
                "{target} is {owner}'s target (牵头单位), but this sheet is {sheet}'s: its "
                "figure revises {owner}'s; was the row copied from another sheet?"
            )
        notes.warnings.append((cells.row, message.format(**fields)))


def written_by(records: Callable[[], Sequence[AnyRecord]]) -> dict[str, set[Decimal]]:
    """The figures of the ledger by target: a last_value the template may have written."""
    written: dict[str, set[Decimal]] = {}
    for record in records():
        written.setdefault(record.target, set()).add(record.value)
    return written


def _slip(
    target: AnyTarget,
    helpers: tuple[tuple[str, str], ...],
    ledger: Callable[[], dict[str, set[Decimal]]],
    labels: dict[str, str],
) -> str | None:
    """The problem of a blank row with a figure in a helper cell the template did not write
    there; None when its helper cells are the template's."""
    for column, text in helpers:
        figure = _figure(text)
        if figure is None or (column == "name" and name_key(text) in _names(target)):
            continue
        if column == "last_value" and figure in ledger().get(target.id, ()):
            continue  # the figure the template wrote (or one since revised)
        if column == "last_period" and _is_period(text):
            continue
        return _typed_in_helper(target.id, text, labels[column], labels["value"])
    return None


def _is_period(text: str) -> bool:
    try:
        parse_period(text)
    except InputError:
        return False
    return True


def _typed_in_helper(target: str, text: str, column: str, value: str) -> str:
    return _(
        "{target}: the figure {figure} is in the {column} column (for reference, not "
        "imported); type it in the {value} column"
    ).format(target=target, figure=visible(text), column=visible(column), value=visible(value))


def _named_another(target: str, name: str, others: list[str], labels: dict[str, str]) -> str:
    return _(
        "{target_column} is {target}, but the {column} column says {name} ({others}); was the "
        "{target_column} column changed? A template's {column} is the name of its row's target"
    ).format(
        target=target,
        target_column=visible(labels["target"]),
        column=visible(labels["name"]),
        name=visible(name),
        others=", ".join(others),
    )


def _twice(target: str, period: str, row: int) -> str:
    return _(
        "{target} {period} is also on row {row}: a template has one row per target and "
        "period; was a target cell changed or a row copied?"
    ).format(target=target, period=visible(period), row=row)
