"""Figures in another scale of the plan's unit. A growth target's amount (session 40): a bulletin's
`本年累计（万元）` beside its `增长（%）`, for a plan that states the amount in 亿元. plancli never
converts a figure (`bulletin_units`), and the row was refused whole; but what a growth target
records is the growth, which is in % whatever the amount's unit: the growth is taken, the
amount left out, and a warning names the target, the amount and both units. A target whose
figure is the amount (a total, a count) is still refused, naming both units and, as `record`'s
refusal does (`figure_words.other_scale`), the figure in the plan's unit (`scaled_note`)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.i18n import _

if TYPE_CHECKING:
    from plancli.plain import AnyTarget
    from plancli.read_notes import ReadNotes

_Figure = str | Decimal | int | float | None


def growth_kept(
    target: AnyTarget,
    row: int,
    notes: ReadNotes,
    unit: tuple[bool, str] | None,
    figures: tuple[_Figure, _Figure],
    given: str | None,
) -> tuple[tuple[bool, str] | None, _Figure]:
    """(unit problem, amount) of a row whose unit check (`unit`) refused it: a growth target's
    row with its growth and an amount in another scale of the plan's unit (万元 for 亿元, and
    no other unit beside it) gives (None, None), the growth taken alone and the warning added
    to `notes`; any other row is left as it was (a 单位 cell naming two units, another measure
    of the quantity: 公顷 for 平方公里). `given`: the row's 单位 cell or its name's unit
    bracket, when that was the unit checked."""
    from plancli.bulletin_units import another_scale, column_check, percent_word

    value, amount = figures
    if unit is None or not unit[0] or not target.has_amount or value is None or amount is None:
        return unit, amount
    if str(value).strip() == "" or str(amount).strip() == "":
        return unit, amount
    header = notes.header
    units = header.units if header is not None else {}
    if "value" in units and column_check(target, "value", units["value"]) is not None:
        return unit, amount  # the growth's own column is in another unit: no growth to take
    column = next((c for c in ("total", "amount") if c in units), None)
    by_column = column is not None and column_check(target, column, units[column]) is not None
    if row not in notes.units and column is not None and by_column:
        stated = units[column]
        scaled = [u for u in (stated.unit, *stated.others) if another_scale(u, target.unit)]
        where: str | None = stated.column
    else:
        from plancli.bulletin_units import listed_units

        listed = [u for u in listed_units(given or "") if not percent_word(u)]
        scaled = listed if len(listed) == 1 and another_scale(listed[0], target.unit) else []
        where = None
    if not scaled:
        return unit, amount
    from plancli.figure_words import other_scale
    from plancli.safe import cell_shown

    fields = {"target": target.id, "unit": target.unit.strip(), "amount": cell_shown(str(amount))}
    fields.update(growth=cell_shown(str(value)), given=scaled[0].strip())
    converted = other_scale(str(amount), scaled[0], target.unit)
    if converted is not None:
        notes.scaled_amounts[row] = Decimal(converted)
    fields["scaled"] = (
        ""
        if converted is None
        else _(
            "; in {unit} the amount is {converted}, which record --amount takes (an amount "
            "recorded before that equals it stays in force)"
        ).format(converted=converted, unit=target.unit.strip())
    )
    if where is not None:
        message = _(
            "{target}: the amount {amount} is in {given} (column {column}) and the plan counts "
            "{unit}; plancli does not convert, so the amount was not used: the growth {growth} "
            "is imported alone, and an amount recorded before for its period goes out of "
            "force{scaled}"
        )
        fields["column"] = where
    else:
        message = _(
            "{target}: the amount {amount} is in {given} and the plan counts {unit}; plancli "
            "does not convert, so the amount was not used: the growth {growth} is imported "
            "alone, and an amount recorded before for its period goes out of force{scaled}"
        )
    notes.warnings.append((row, message.format(**fields)))
    return None, None


def scaled_note(
    target: AnyTarget,
    row: int,
    notes: ReadNotes,
    given: str | None,
    figures: tuple[_Figure, _Figure],
) -> str | None:
    """`1200000万元 is 120亿元`: a refused row's figure (a growth target's amount, any other's
    figure) in the plan's unit, when the one unit of another scale of it that the row's 单位
    cell, its name's bracket (`given`) or its columns' headers state is plain (session 41);
    None otherwise. Said, never recorded: plancli does not convert."""
    from plancli.bulletin_units import another_scale, listed_units
    from plancli.figure_words import other_scale

    value, amount = figures
    figure = amount if target.has_amount and amount is not None else value
    stated = listed_units(notes.units.get(row) or given or "")
    if notes.header is not None and not stated:
        for column in notes.header.units.values():
            stated += [column.unit, *column.others]
    scaled = {u for u in stated if another_scale(u, target.unit)}
    if figure is None or len(scaled) != 1:
        return None
    [unit] = scaled
    converted = other_scale(str(figure), unit, target.unit)
    if converted is None:
        return None
    return _("{number}{given} is {converted}{unit}").format(
        number=str(figure).strip(), given=unit, converted=converted, unit=target.unit.strip()
    )


def with_figures(problem: str, value: object, amount: object, scaled: str | None = None) -> str:
    """A unit refusal with the row's figures, so the message can be checked against the row,
    and one in the plan's unit (`scaled_note`)."""
    from plancli.safe import cell_shown

    figures = ", ".join(cell_shown(f) for f in ([value] if amount is None else [value, amount]))
    said = _("{problem} (the row's figures: {figures}; {scaled})") if scaled else None
    said = said or _("{problem} (the row's figures: {figures})")
    return said.format(problem=problem, figures=figures, scaled=scaled)
