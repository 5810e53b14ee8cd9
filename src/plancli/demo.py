"""Demo figures for a new workspace (`plancli init --demo DIR`): a realistic first half-year.

Generated from the plan's own targets, deterministically (the same plan always gives the same
figures): every target draws a temper from a hash of its id — ahead, on pace, at risk or
behind — and its figures follow from its bound in the way the bureaus report them:

- growth: the year-to-date growth near the bound, monthly from 1–2月 (January and February
  are published together) or per quarter, with the year-to-date amount where the plan gives
  last year's value (so `required_growth_rest` has something to work with);
- level: near its floor or ceiling; relative: near its reference's figure, same period;
- cumulative: a year-to-date total at a pace around time progress (or the plan's profile);
- milestone: percent done per quarter, some done, some behind, some not reported at all;
- trend, change, ongoing and indicators: a plausible figure of their kind.

Targets whose figure is not out by mid-year are left without one, as they would be: annual
figures, roll-ups (the sum of their parts), targets whose bound is still to come (pending),
a change without a base level. Every record says `source = "demo"`. Pure core: no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from plancli.assess import expected_share
from plancli.model import Plan, Record, Target
from plancli.periods import Period
from plancli.unit_words import WHOLE_UNITS

DEMO_SOURCE = "demo"
MONTHS = 6  # a half-year: January to June

# A target's temper: its share of the pace expected by now (cumulative) and its distance from
# the bound in percentage points (growth, level), by a hash of its id. Half are on pace.
TEMPERS: tuple[tuple[float, str, float, Decimal], ...] = (
    # (draw below, name, pace factor, offset in pp from the bound)
    (0.15, "ahead", 1.12, Decimal("0.8")),
    (0.65, "on_pace", 1.02, Decimal("0.3")),
    (0.83, "at_risk", 0.93, Decimal("-0.5")),
    (1.00, "behind", 0.74, Decimal("-1.6")),
)
ONE_PLACE = Decimal("0.1")
TWO_PLACES = Decimal("0.01")


def demo_records(plan: Plan, recorded_at: datetime, batch: str) -> list[Record]:
    """The first half-year's figures for the targets that would have some by then."""
    generator = _Demo(plan, recorded_at, batch)
    return generator.records()


class _Demo:
    def __init__(self, plan: Plan, recorded_at: datetime, batch: str) -> None:
        self.plan = plan
        self.year = plan.plan.year
        self.recorded_at = recorded_at
        self.batch = batch
        self.figures: dict[str, dict[int, Decimal]] = {}  # target → end month → value

    def records(self) -> list[Record]:
        made: list[Record] = []
        later: list[Target] = []
        for target in self.plan.targets:
            if target.figures_of is not None:
                continue  # judged on another's figures: it has none of its own
            if target.kind == "relative":
                later.append(target)  # after the figures they are compared with
                continue
            made += self._target(target)
        # A relation may compare with another relative target: resolve in passes.
        while later:
            ready = [t for t in later if t.reference in self.figures or not self._waits(t)]
            if not ready:
                break
            for target in ready:
                made += self._target(target)
                later.remove(target)
        order = {t.id: n for n, t in enumerate(self.plan.targets)}
        made.sort(key=lambda r: (order[r.target], _end_month(r.period)))
        return made

    def _waits(self, target: Target) -> bool:
        """Is the reference a relative target not generated yet (so wait for it)?"""
        reference = self.plan.target(target.reference or "")
        return reference is not None and reference.kind == "relative"

    # ------------------------------------------------------------------ per target

    def _target(self, target: Target) -> list[Record]:
        if target.parts or target.pending:
            return []
        if target.frequency == "annual" and target.kind != "milestone":
            return []
        values = list(self._values(target))
        if not values:
            return []
        self.figures[target.id] = {month: value for month, value, _ in values}
        return [
            Record(
                target=target.id,
                period=str(self._period(target, month)),
                value=value,
                amount=amount,
                source=DEMO_SOURCE,
                recorded_at=self.recorded_at,
                batch=self.batch,
            )
            for month, value, amount in values
        ]

    def _values(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        kind = target.kind
        if kind == "growth":
            yield from self._growth(target)
        elif kind == "level":
            yield from self._level(target)
        elif kind == "relative":
            yield from self._relative(target)
        elif kind == "cumulative":
            yield from self._cumulative(target)
        elif kind == "ongoing":
            yield from self._ongoing(target)
        elif kind == "milestone":
            yield from self._milestone(target)
        elif kind == "change":
            yield from self._change(target)
        elif kind == "trend":
            yield from self._trend(target)
        elif kind == "indicator":
            yield from self._indicator(target)

    def _months(self, target: Target, growth: bool = False) -> list[int]:
        """The end months reported by June: monthly (growth figures from 1–2月 on), per
        quarter (March, June); milestones of annual frequency are reviewed per quarter."""
        if target.frequency == "monthly":
            return list(range(2 if growth else 1, MONTHS + 1))
        return [3, 6]

    def _period(self, target: Target, month: int) -> Period:
        if target.frequency == "monthly":
            return Period.month(self.year, month)
        return Period(self.year, "Q", month // 3)

    # ------------------------------------------------------------------ the kinds

    def _growth(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        temper = self._temper(target)
        final = self._near_bound(target, temper, percent=True)
        base = target.baseline.value if target.baseline is not None else None
        for month in self._months(target, growth=True):
            growth = self._drift(target, final, month)
            recorded = -growth if target.decline else growth
            amount = None
            if base is not None and base > 0:
                # Last year's same months (a little under their share of the year: the second
                # half weighs more), grown by the year-to-date growth.
                share = Decimal(month) / 12 * Decimal("0.96")
                amount = (base * share * (1 + recorded / 100)).quantize(TWO_PLACES, ROUND_HALF_UP)
            yield month, recorded, amount

    def _level(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        temper = self._temper(target)
        percent = target.percent_figure
        final = self._near_bound(target, temper, percent=percent)
        places = _places_of(target.min, target.max, target.around, minimum=1 if percent else 0)
        sign = 1 if self._draw(target, "wobble") < 0.5 else -1
        from plancli.level_slips import share_bound

        # A share (装灯率达100%) is never above 100 % (audit Y: the demo's 100.5 % 装灯率).
        top = Decimal(100) if share_bound(target) is not None else None
        for month in self._months(target):
            wobble = Decimal(MONTHS - month) * self._scale(target, percent) / 10 * sign
            value = (final + wobble).quantize(places, ROUND_HALF_UP)
            value = value if top is None else min(value, top)
            yield month, max(value, Decimal(0)), None

    def _relative(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        reference = self.figures.get(target.reference or "", {})
        temper = self._temper(target)
        relation = target.relation or "same"
        offset = {
            "ahead": Decimal("1.0"),
            "on_pace": Decimal("0.4"),
            "at_risk": Decimal("-0.4") if relation == "same" else Decimal("-0.2"),
            "behind": Decimal("-1.6"),
        }[temper]
        if relation == "below":
            offset = -offset
        for month in self._months(target, growth=True):
            if month in reference:
                yield month, (reference[month] + offset).quantize(ONE_PLACE), None

    def _cumulative(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        goal = target.around if target.around is not None else target.min
        if goal is None:
            return
        opening = target.opening or Decimal(0)
        factor = self._factor(target)
        # Things counted whole (户, 个, 条, 件: `WHOLE_UNITS`) in whole numbers however small
        # the goal (1 of 3 户, never 1.11户: audit X D2); any other whole goal of 20 or more too.
        whole = target.unit.strip() in WHOLE_UNITS or (
            goal == goal.to_integral_value() and goal - opening >= 20
        )
        previous = opening
        for month in self._months(target):
            share = min(Fraction(factor) * expected_share(target.profile, month), Fraction(1))
            if self._draw(target, "met") < 0.05 and month == MONTHS:
                share = Fraction(51, 50)  # delivered early: 102% by June
            exact = opening + (goal - opening) * Decimal(share.numerator) / share.denominator
            value = exact.quantize(Decimal(1) if whole else TWO_PLACES, ROUND_HALF_UP)
            value = max(value, previous)  # a year-to-date total never falls
            previous = value
            yield month, value, None

    def _ongoing(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        if target.min is None:
            return
        share = {
            "ahead": Decimal(1),
            "on_pace": Decimal(1),
            "at_risk": Decimal("0.9"),
            "behind": Decimal("0.75"),
        }
        value = (target.min * share[self._temper(target)]).quantize(Decimal(1), ROUND_HALF_UP)
        for month in self._months(target):
            yield month, value, None

    def _milestone(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        draw = self._draw(target, "milestone")
        if draw >= 0.8:
            return  # not reported yet: the bureaus are late too
        due = _due_month(target, self.year)
        for month in self._months(target):
            expected = min(Decimal(month) / due, Decimal(1))
            if draw < 0.15:  # done by June
                done = Decimal(100) if month == MONTHS else Decimal(60)
            elif draw < 0.55:  # on pace
                done = expected * 100 * Decimal("1.05")
            elif draw < 0.7:  # a little behind: at risk
                done = expected * 100 * Decimal("0.88")
            else:  # behind
                done = expected * 100 * Decimal("0.5")
            # Percent done is reported in fives.
            done = min((done / 5).quantize(Decimal(1), ROUND_HALF_UP) * 5, Decimal(100))
            yield month, done, None

    def _change(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        base = target.baseline.value if target.baseline is not None else None
        if base is None:
            return  # judged against the base level: without one it stays no_data
        temper = self._temper(target)
        change = self._near_bound(target, temper, percent=True)
        for month in self._months(target):
            yield month, (base + change).quantize(TWO_PLACES, ROUND_HALF_UP), None

    def _trend(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        good = self._temper(target) in ("ahead", "on_pace", "at_risk")
        direction = target.direction or "band"
        if direction == "up":
            final = Decimal("1.5") if good else Decimal("-0.8")
        elif direction == "down":
            final = Decimal("-2.0") if good else Decimal("0.6")
        else:
            band = target.tolerance if target.tolerance is not None else Decimal(1)
            final = band / 2 if good else band + 1
        for month in self._months(target, growth=True):
            yield month, self._drift(target, final, month), None

    def _indicator(self, target: Target) -> Iterator[tuple[int, Decimal, Decimal | None]]:
        if not target.percent_figure:
            return
        growth = target.baseline.growth if target.baseline is not None else None
        final = growth if growth is not None else Decimal("4.5")
        final += Decimal(str(round(self._draw(target, "indicator") * 2 - 1, 1)))
        for month in self._months(target, growth=True):
            yield month, self._drift(target, final, month), None

    # ------------------------------------------------------------------ helpers

    def _near_bound(self, target: Target, temper: str, percent: bool) -> Decimal:
        """The June figure: the bound moved by the temper's offset (pp, or a share of the
        bound for other units), on the good or the bad side by the target's direction."""
        offset = dict((name, pp) for _, name, _, pp in TEMPERS)[temper]
        if not percent:
            offset = offset * self._scale(target, percent) / Decimal("0.5")
        direction = target.effective_direction
        low, high, around = target.min, target.max, target.around
        if around is not None:
            goal = around
        elif direction == "band" and low is not None and high is not None:
            middle = (low + high) / 2
            half = (high - low) / 2
            inside = temper in ("ahead", "on_pace")
            return (middle + (half / 2 if inside else half + abs(offset))).quantize(ONE_PLACE)
        elif direction == "down":
            goal = high if high is not None else Decimal(0)
        else:
            goal = low if low is not None else Decimal(0)
        if target.stretch is not None and temper == "ahead":
            goal, offset = target.stretch, Decimal("0.2") if percent else offset / 4
        if target.exclusive and temper == "on_pace":
            offset = max(offset, Decimal("0.3"))
        value = goal - offset if direction == "down" else goal + offset
        places = ONE_PLACE if percent else _places_of(low, high, around, minimum=1)
        return value.quantize(places, ROUND_HALF_UP)

    def _drift(self, target: Target, final: Decimal, month: int) -> Decimal:
        """Earlier months of a growth series: off the June figure by up to a point, closing in."""
        slope = Decimal(str(round(self._draw(target, "drift") * 1.2 - 0.6, 2)))
        return (final + slope * (MONTHS - month) / 4).quantize(ONE_PLACE, ROUND_HALF_UP)

    def _scale(self, target: Target, percent: bool) -> Decimal:
        """How far a level moves: half a point for percentages, else 3 % of the bound."""
        if percent:
            return Decimal("0.5")
        bound = target.around or target.min or target.max or Decimal(1)
        return abs(bound) * Decimal("0.03")

    def _factor(self, target: Target) -> float:
        temper = self._temper(target)
        return next(factor for _, name, factor, _ in TEMPERS if name == temper)

    def _temper(self, target: Target) -> str:
        draw = self._draw(target, "temper")
        return next(name for limit, name, _, _ in TEMPERS if draw < limit)

    def _draw(self, target: Target, salt: str) -> float:
        """A number in [0, 1) fixed by the plan, the target and the question asked."""
        key = f"{self.plan.plan.id}:{target.id}:{salt}".encode()
        return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") / 2**64


def _due_month(target: Target, year: int) -> int:
    from plancli.periods import parse_plan_period

    return parse_plan_period(target.due, year).end_month if target.due else 12


def _end_month(period: str) -> int:
    from plancli.periods import parse_period

    return parse_period(period).end_month


def _places_of(*values: Decimal | None, minimum: int = 0) -> Decimal:
    """The quantum of the most precise of `values` (at least `minimum` places)."""
    places = [
        -int(v.as_tuple().exponent)
        for v in values
        if v is not None and isinstance(v.as_tuple().exponent, int)
    ]
    return Decimal(1).scaleb(-max([minimum, *places]))


def describe(records: Sequence[Record]) -> tuple[int, int]:
    """How many figures, and of how many targets."""
    return len(records), len({r.target for r in records})
