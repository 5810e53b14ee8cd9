"""A figure read from a percentage-formatted cell, and the warning when it is likely not the
one meant (session 30 walk F6): Excel shows 4.1 pasted into a `0.0%` cell as 410.0%, and hides
the decimal of 0.065 under `0%` (7%)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from plancli.fmt import num
from plancli.safe import Clipped
from plancli.xlsx_formats import _Shown, excel_number


class PercentShown(Decimal):
    """A figure read from a cell of a percentage format (`0.0%`), as shown, with the number
    the cell holds: a growth of 4.1 pasted into a `0.0%` cell is shown, and read, as 410 %."""

    stored: float
    shown: _Shown


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
    if abs(figure.stored) > 1:
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
