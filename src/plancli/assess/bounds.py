"""The bound a target is judged against at a period: the genre's forms (docs/forms.md) made
into one shape, `low ≤ figure ≤ high`, with the direction that says which way is better.

- `min`/`max` (7%以上, 5%以内), `exclusive` (正增长);
- `around` X with a tolerance T (X左右): up → ≥ X − T, down → ≤ X + T, band → |figure − X| ≤ T;
- `stretch` (争取更好结果): a higher aim, reported, never a ceiling;
- `decline` (下降3.8%): the figure judged is the fall, the negated growth;
- a mid-year amendment (年中调整) replaces the plan's bound from its period on.

Pure and exact: Decimal in, Decimal out.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from plancli.plain import Amendment, AnyTarget, Direction, StatusRules, Target

if TYPE_CHECKING:
    from plancli import model


class Bound(NamedTuple):
    """A target's bound in force: the figure satisfies it at `low ≤ figure ≤ high`."""

    direction: Direction
    min: Decimal | None
    max: Decimal | None
    around: Decimal | None
    tolerance: Decimal | None  # the 左右 tolerance applied (None without `around`)
    stretch: Decimal | None
    exclusive: bool
    low: Decimal | None
    high: Decimal | None
    amendment: Amendment | None = None
    # X左右 of a level moving from this baseline: the default tolerance capped at half the move
    around_baseline: Decimal | None = None
    # a roll-up judged at its parts' bounds' sum (58.71), its own (58.72) over it by rounding
    parts_sum: Decimal | None = None
    # the plan's stretch is to exceed its figure (力争比去年实现更多增长: more than last year's)
    stretch_exclusive: bool = False

    @property
    def goal(self) -> Decimal | None:
        """The figure aimed at: X of X左右, else `min` (up) or `max` (down); none for a band."""
        if self.around is not None:
            return self.around
        if self.direction == "up":
            return self.min
        if self.direction == "down":
            return self.max
        return None

    def satisfied(self, figure: Decimal) -> bool:
        low, high = self.low, self.high
        strict = self.exclusive and self.around is None
        if low is not None and (figure <= low if strict else figure < low):
            return False
        return not (high is not None and (figure >= high if strict else figure > high))

    def gap(self, figure: Decimal) -> Decimal:
        """Distance to the bound in the target's unit, 0 when inside it (never negative).

        A strict bound (正增长: > 0) met with equality has gap 0 and still fails: any increase
        is enough, and the status says it is needed.
        """
        if self.low is not None and figure < self.low:
            return self.low - figure
        if self.high is not None and figure > self.high:
            return figure - self.high
        return Decimal(0)

    def stretch_met(self, figure: Decimal | None) -> bool | None:
        if self.stretch is None or figure is None:
            return None
        if self.stretch_exclusive:  # 1350.97 again is no 更多增长 over last year's 1350.97
            return figure > self.stretch if self.direction != "down" else figure < self.stretch
        return figure >= self.stretch if self.direction != "down" else figure <= self.stretch


def default_tolerance(
    target: AnyTarget, around: Decimal, rules: StatusRules | model.StatusRules
) -> Decimal:
    """左右 without a stated tolerance: pp for a percentage figure, else a share of X."""
    if target.percent_figure:
        return rules.around_tolerance
    return abs(around) * rules.around_share


def around_tolerance(
    target: AnyTarget,
    around: Decimal,
    direction: Direction,
    rules: StatusRules | model.StatusRules,
) -> tuple[Decimal, Decimal | None]:
    """The default 左右 tolerance, and the baseline that capped it (None when uncapped).

    A `level` moving from its baseline toward X on the judged side (研发投入强度 4.5% → 4.6%左右,
    a floor) is judged at no less than half the planned move: ≥ 4.55, not ≥ 4.1 (the 0.5 pp
    meant for growth rates would judge a fall below last year's level as met). A ceiling whose
    X is above the baseline (失业率5.5%左右 after 4.2%) keeps the default.
    """
    tolerance = default_tolerance(target, around, rules)
    baseline = target.baseline
    if target.kind != "level" or baseline is None or baseline.value is None:
        return tolerance, None
    base = baseline.value
    toward = (direction == "up" and around > base) or (direction == "down" and around < base)
    half = abs(around - base) / 2
    if not toward or half >= tolerance:
        return tolerance, None
    return half, base


def derive_direction(target: AnyTarget, low: Decimal | None, high: Decimal | None) -> Direction:
    """`direction` as given, or as the plan's bounds imply it (docs/forms.md); `low`/`high`
    (an amendment's `min`/`max`) only for a target the plan gives no bound (pending). A
    pending decline target is a floor on the fall (下降3.5%以上) unless given both edges.

    An amendment changes the bound, never which way is better: 失业率控制在4.8%以内 (`max`
    alone: down) amended to 4.5%左右 stays a ceiling, ≤ 4.5 + T, as it would with `direction =
    "down"` written in the plan. Re-derived from the amendment, `around` alone would read `up`
    and judge a lower rate, the better one, behind.
    """
    if target.direction is not None:
        return target.direction
    planned = target.min is not None or target.max is not None or target.around is not None
    if planned:
        low, high = target.min, target.max
    if target.kind in ("cumulative", "ongoing"):
        return "up"
    if target.decline and not planned and not (low is not None and high is not None):
        # a pending 下降 target (降碳, 节能) aims at a fall at least so large: a ceiling on the
        # fall alone (`--max 3.5`, 下降 ≤ 3.5%) would let every rise pass (audit S D1)
        return "up"
    if low is not None and high is not None:
        return "band"
    return "down" if high is not None else "up"


def _judges(direction: Direction, minimum: Decimal | None, maximum: Decimal | None) -> bool:
    """Has the bound an edge on the side `direction` judges (model.Target's rule)?"""
    if direction == "band":
        return minimum is not None and maximum is not None
    return (minimum if direction == "up" else maximum) is not None


def around_edges(
    around: Decimal, tolerance: Decimal, direction: Direction
) -> tuple[Decimal | None, Decimal | None]:
    """X左右 judged: up → ≥ X − T, down → ≤ X + T, band → both."""
    low = around - tolerance if direction in ("up", "band") else None
    high = around + tolerance if direction in ("down", "band") else None
    return low, high


def bound_of(
    target: Target, rules: StatusRules, amendment: Amendment | None = None
) -> Bound | None:
    """The bound in force: the amendment's where one applies, else the plan's; None when the
    target is pending and nothing has given it a bound yet (or it has none: indicators)."""
    source: Target | Amendment = amendment if amendment is not None else target
    minimum, maximum, around = source.min, source.max, source.around
    if minimum is None and maximum is None and around is None:
        return None
    tolerance = source.tolerance
    stretch = source.stretch
    direction = derive_direction(target, minimum, maximum)
    if (
        amendment is not None
        and around is None
        and target.kind not in ("cumulative", "ongoing")
        and not _judges(direction, minimum, maximum)
    ):
        # `--min` alone on a ceiling, recorded before amend refused it: as it states itself,
        # rather than as no bound at all
        direction = (
            "band"
            if minimum is not None and maximum is not None
            else ("up" if minimum is not None else "down")
        )
    low: Decimal | None
    high: Decimal | None
    around_baseline = None
    if around is not None:
        if tolerance is None:
            tolerance, around_baseline = around_tolerance(target, around, direction, rules)
        low, high = around_edges(around, tolerance, direction)
    else:
        tolerance = None
        # A range of amounts (1–2 个试点) is reached at its bottom: more is 超额完成.
        low = minimum if direction in ("up", "band") else None
        high = maximum if direction in ("down", "band") else None
    return Bound(
        direction=direction,
        min=minimum,
        max=maximum,
        around=around,
        tolerance=tolerance,
        stretch=stretch,
        exclusive=target.exclusive,
        low=low,
        high=high,
        amendment=amendment,
        around_baseline=around_baseline,
        stretch_exclusive=amendment is None and target.stretch_exclusive,
    )


def rounded_rollup(bound: Bound, parts: Sequence[Bound | None]) -> Bound:
    """A roll-up whose `min` exceeds its parts' `min`s' sum only by the report's rounding is
    judged at that sum (官渡's investment plan: 58.72 printed, six categories adding to 58.71):
    delivering every part as planned is delivering the plan. Rounding is at most half a unit of
    the figures' last place per figure added (the parts and the total: 7 × 0.005 here); any
    larger difference, a `max`, 左右 or a strict bound keeps the roll-up's own bound."""
    own = bound.min
    if own is None or bound.direction != "up" or bound.around is not None or bound.exclusive:
        return bound
    figures = [own]
    for part in parts:
        if part is None or part.direction != "up" or part.around is not None or part.min is None:
            return bound
        figures.append(part.min)
    total = sum(figures[1:], Decimal(0))
    places = max(-min(int(f.as_tuple().exponent), 0) for f in figures)
    rounding = Decimal(len(figures)) * Decimal(5).scaleb(-places - 1)
    if not 0 < own - total <= rounding:
        return bound
    return bound._replace(low=total, parts_sum=total)
