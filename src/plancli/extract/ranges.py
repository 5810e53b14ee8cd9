"""A growth's range and a water class held: how the headline reader bounds them (split from
`builder`, whose target building they use). 增长5.5-6% of a shared growth floor is min + stretch,
as the bundled plans encode 广东's 4.5%—5% (above the top is not off target); any other range is
min and max, for review. 水质保持国家Ⅱ类标准 is a level in 类, at most that class."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.extract.forms import CLASS_HELD, CLASS_NUMBERS
from plancli.extract.vocabulary import lookup
from plancli.i18n import N_, _

if TYPE_CHECKING:
    from plancli.extract.builder import TargetBuilder
    from plancli.extract.clauses import Piece

RANGE_REVIEW = N_("a range: min and max; if the report adds 争取更好, the top is a stretch")
# The shared series whose growth the plans set as a floor (more is better, none a ceiling):
# a range of one is the bundled plans' min + stretch, not a band. Not energy use, emissions,
# prices or unemployment, whose ranges are bands or ceilings.
GROWTH_FLOORS = frozenset(
    (
        "gdp",
        "gdp_per_capita",
        "primary_value_added",
        "secondary_value_added",
        "tertiary_value_added",
        "industrial_value_added",
        "fixed_asset_investment",
        "retail_sales",
        "foreign_trade",
        "foreign_investment",
        "budget_revenue",
        "urban_income",
        "rural_income",
        "resident_income",
    )
)
# a shared growth floor's range (地区生产总值增长5.5-6%): the bundled plans' reading
FLOOR_RANGE_NOTE = N_(
    "{min}%—{top}%: a growth's target range, {min} its floor (min) and {top} its top "
    "(stretch); above the top is not off target"
)


def range_target(
    builder: TargetBuilder, subject: str, piece: Piece, low_text: str, top_text: str
) -> None:
    """增长5.5-6%: a shared growth floor's range is its floor and its stretch; any other range
    is min and max, for the analyst to check."""
    target = builder.new_target(subject, piece, "growth")
    low, top = Decimal(low_text), Decimal(top_text)
    indicator = lookup(subject)
    # (not a 宏观调控目标 of the 1990s, 经济增长速度…定为百分之八至九: a range to hold growth in)
    if indicator is not None and indicator.id in GROWTH_FLOORS and "调控" not in piece.text:
        target.min, target.stretch = low, top
        target.notes.append(_(FLOOR_RANGE_NOTE).format(min=low, top=top))
    else:
        target.min, target.max = low, top
        target.review.append(_(RANGE_REVIEW))


def indicator_form(builder: TargetBuilder, subject: str, piece: Piece, words: str) -> None:
    """A clause of no figure (提质增效, 保持Ⅲ类): an indicator to track, or a held
    water-quality class's ceiling in 类 (forms.CLASS_HELD)."""
    held = CLASS_HELD.search(words)
    if held:
        target = builder.new_target(subject, piece, "level")
        target.unit = "类"  # max alone: lower is better
        target.max = Decimal(CLASS_NUMBERS[held["cls"]])
        target.notes.append(
            _("{clause}: this class or better (a lower class is better water)").format(clause=words)
        )
        return
    target = builder.new_target(subject, piece, "indicator")
    target.unit = "类" if "类" in words else "%"  # (Ⅱ类: 2 类)
    target.notes.append(
        _("forced: {clause} states no figure or direction; tracked without a bound").format(
            clause=words
        )
    )
    target.review.append(_("no figure: tracked as an indicator"))
