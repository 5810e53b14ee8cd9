"""A figure read from a percentage-formatted cell, and the warning when it is likely not the
one meant (session 30 walk F6): Excel shows 4.1 pasted into a `0.0%` cell as 410.0%, and hides
the decimal of 0.065 under `0%` (7%)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from plancli.fmt import num
from plancli.read_notes import ReadNotes
from plancli.safe import Clipped
from plancli.xlsx_formats import _Shown, excel_number


class PercentShown(Decimal):
    """A figure read from a cell of a percentage format (`0.0%`), as shown, with the number
    the cell holds: a growth of 4.1 pasted into a `0.0%` cell is shown, and read, as 410 %."""

    stored: float
    shown: _Shown


def pasted_growth(figure: object) -> bool:
    """Is `figure` a percentage cell's holding a number above 1 (4.1 under `0.0%`, read as
    410 %)? Its warning (`percent_said`) then says why the figure is a hundred times too
    large, and a row's growth warning (`growth_slips.amount_as_growth`: the 累计值 typed as
    the growth?) is not said beside it: one thing a row (session 31)."""
    return isinstance(figure, PercentShown) and abs(figure.stored) > 1


def percent_said(figure: PercentShown, ref: str) -> str | None:
    """The warning of a percentage cell read otherwise than meant (session 30 walk F6): a
    number above 1 (4.1 shows as 410.0%: a growth pasted into a % cell, which the growth's own
    warning blamed on the 累计值 column), or one whose decimals its format hides (0.065 under
    `0%` shows 7%, read as 7: the bulletin's 6.5)."""
    from plancli.i18n import _

    exact = excel_number(figure.stored).scaleb(2)
    decimals = figure.shown.decimals or 0
    shown = Clipped(f"{exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)}%")
    # (the format and the figures as every refusal of a cell echoes them: visible, clipped; a
    # 5,000-character format and 5e-322 written out in 324 digits were echoed whole)
    fields = {
        "ref": ref,
        "format": Clipped(figure.shown.code),
        "stored": Clipped(num(excel_number(figure.stored))),
    }
    if pasted_growth(figure):
        return _(
            "cell {ref} has the percentage format {format}: it holds {stored}, which Excel shows "
            "as {shown}, read as {figure} %; a growth of {stored} % pasted into a cell of that "
            "format? Give the cell a number format (0.0) or type {stored}%"
        ).format(**fields, shown=shown, figure=Clipped(num(figure)))
    if exact != figure:
        return _(
            "cell {ref} holds {exact} %, but its percentage format {format} shows {shown}, read "
            "as {figure} % (as shown); if {exact} is meant, give the cell a format with its "
            "decimals (0.0%)"
        ).format(**fields, exact=Clipped(num(exact)), shown=shown, figure=Clipped(num(figure)))
    return None


def percent_note(notes: ReadNotes, figure: PercentShown, ref: str, row: int, column: str) -> None:
    """The cell's warning (`percent_said`), if any, in `notes`; a figure (value) cell holding
    a growth pasted into it (`pasted_growth`) marks its row in `notes.pasted`, whose growth
    warning, the 累计值 typed as the growth?, is then not said beside it (session 31)."""
    said = percent_said(figure, ref)
    if said is not None:
        notes.warnings.append((row, said))
        if column == "value" and pasted_growth(figure):
            notes.pasted.add(row)
