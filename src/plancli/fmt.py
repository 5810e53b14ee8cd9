"""Plain-text formatting shared by tables, CSV and reports (no Rich here)."""

from __future__ import annotations

from decimal import Decimal

from plancli.model import Target


def num(value: Decimal | int | float | None, places: int | None = None) -> str:
    """A number as people write it: no exponent, no trailing zeros (7, 58.72, 0.5)."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def bound_text(target: Target) -> str:
    """The target's bound in the report's sense: `≥ 7 %`, `> 0 %`, `≤ 4.8 %`, `1–2 个`."""
    unit = "%" if target.kind in ("growth", "relative", "milestone") else target.unit
    if target.kind == "relative":
        return f"≈ {target.reference}"
    if target.kind == "milestone":
        return "100 %"
    low, high = target.min, target.max
    if low is not None and high is not None:
        if low == high:
            return f"= {num(low)} {unit}"
        return f"{num(low)}–{num(high)} {unit}"
    if low is not None:
        return f"{'>' if target.exclusive else '≥'} {num(low)} {unit}"
    assert high is not None
    return f"{'<' if target.exclusive else '≤'} {num(high)} {unit}"
