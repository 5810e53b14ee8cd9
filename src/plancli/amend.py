"""Mid-year adjustments (年中调整): `plancli amend` records a new bound for a target in the ledger.

plancli never writes the plan file (tomli-w would drop its comments), so an adjusted bound is
an `Amendment` kept in the ledger beside the records, in a batch of its own: `undo` reverts it
like any batch, and `show`, `history` and the reports list it. From the end of its period on
the target is judged on the amendment's bound (`assess.bounds`); a pending target (完成国家下达
目标) gets its first bound this way. `amend --drop` records an amendment without a bound: from
the end of its period on the target is no longer judged (status `dropped`, 不再考核); a later
amendment with a bound re-instates it (the latest decision wins, as between bounds).

Which amendment is in force at a period (the assessment's rule, `AmendmentIndex.in_force`): of
those from a period ending by then, the one recorded last. An amendment is superseded once a
later one of the same target is from the same or an earlier period: it is then never in force.

Pure core: no typer, no printing; errors are `InputError`s a user can act on.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from plancli.amend_from import amend_from_period
from plancli.assess.bounds import around_edges, around_tolerance, derive_direction
from plancli.errors import InputError
from plancli.fmt import bound_text, computed, halfway_note, num, value_is_percent
from plancli.history import AmendmentRevision as AmendmentRevision  # moved to history.py
from plancli.history import amendment_bound_text as amendment_bound_text
from plancli.history import amendment_history as amendment_history
from plancli.history import amendment_out as amendment_out
from plancli.i18n import _, join_list, language, t
from plancli.ledger_values import clean_text, new_batch_id, parse_number, utc_now
from plancli.milestone_due import DONE, due_period
from plancli.model import BOUNDED_KINDS, Amendment, Plan, Target
from plancli.periods import Period, parse_period, parse_plan_period
from plancli.plain import AnyAmendment
from plancli.plan import find_target
from plancli.stores.base import LedgerStore
from plancli.unit_words import not_a_class

A = TypeVar("A", bound=AnyAmendment)


@dataclass(frozen=True, slots=True)
class AmendRequest:
    """An amendment as typed: the figures are text (`5`, `3.5%`), checked against the target."""

    target: str
    period: str | None  # --from (None: not given; a due date, --due, takes none)
    min: str | None = None
    max: str | None = None
    around: str | None = None
    tolerance: str | None = None
    stretch: str | None = None
    note: str | None = None
    drop: bool = False  # no longer judged from the period on (不再考核)
    due: str | None = None  # a milestone's due date (节点时间, milestone_due)


@dataclass(frozen=True, slots=True)
class AmendChange:
    """What recording an amendment does."""

    amendment: Amendment
    target: Target
    # The amendment in force from that period on until now (None: the plan's bound).
    previous: Amendment | None
    # The same amendment (period, bound, note) is already in force at every month from its
    # period on: nothing is written, as for a figure recorded again.
    unchanged: bool
    # No amendment is in force from its period on and it restates the plan's own bound
    # (`--around 2 --tolerance 0.5` for 居民消费价格涨幅2%左右): nothing is written, as the
    # report would list an adjustment `≈ 2%（原计划≈ 2%）` that changes nothing.
    as_planned: bool = False


def check_amendment(
    plan: Plan,
    request: AmendRequest,
    existing: Sequence[Amendment],
    *,
    batch: str,
    recorded_at: datetime,
) -> AmendChange:
    """Validate an amendment against the plan and the amendments already recorded."""
    target = find_target(plan, request.target.strip())
    if request.due is not None:
        return _check_due(plan, target, request, existing, batch=batch, recorded_at=recorded_at)
    if request.period is None or not request.period.strip():
        raise InputError(
            _("amend {target}: give --from PERIOD, the period the new bound applies from").format(
                target=target.id
            )
        )
    if request.drop:
        given = (request.min, request.max, request.around, request.tolerance, request.stretch)
        if any(raw is not None and raw.strip() for raw in given):
            raise InputError(
                _("--drop takes no bound: give --drop or --min/--max/--around, not both")
            )
    elif target.kind not in BOUNDED_KINDS:
        kinds = join_list(map(_kind, sorted(BOUNDED_KINDS)))
        raise InputError(
            _(
                "{target} is a {kind} target and has no bound to amend; amend is for {kinds} "
                "targets"
            ).format(target=target.id, kind=_kind(target.kind), kinds=kinds)
        )
    period = amend_from_period(request.period, plan.plan.year)  # `--from 2026`: refused
    percent = value_is_percent(target)

    def figure(raw: str | None, option: str) -> Decimal | None:
        if raw is None or not raw.strip():
            return None
        if target.decline and option != "--tolerance" and raw.strip().startswith("下降"):
            raw = raw.strip()[2:]  # --min 下降3, as `record` takes 下降2.9: the fall's size, 3
        # a bound in 类 as `show` writes it (--max Ⅲ类 was `not a number` beside ≤ Ⅲ类)
        value = parse_number(raw, option, percent=percent, unit=None if percent else target.unit)
        if target.decline and option != "--tolerance" and value < 0:
            raise InputError(  # 下降 ≥ -3 % would judge a 2 % rise met (the plan file refuses it)
                _(
                    "{target} is a 下降 target: {option} is the size of the fall: give {option}"
                    " {size} (下降{size}%), not {option} {value}"
                ).format(target=target.id, option=option, size=num(-value), value=num(value))
            )
        if not percent and option != "--tolerance" and not_a_class(value, target.unit):
            raise InputError(  # (--max 2.5 was amended to `≤ 2.5 类`)
                _(
                    "{option} {value}: no water class: a bound in 类 is Ⅰ类–Ⅴ类 (1–5) or 劣Ⅴ类 (6)"
                ).format(option=option, value=num(value))
            )
        return value

    minimum, maximum = figure(request.min, "--min"), figure(request.max, "--max")
    around, tolerance = figure(request.around, "--around"), figure(request.tolerance, "--tolerance")
    stretch = figure(request.stretch, "--stretch")
    if not request.drop:
        _check_bounds(target, minimum, maximum, around, tolerance, stretch)
    amendment = Amendment(
        target=target.id,
        period=str(period),
        min=minimum,
        max=maximum,
        around=around,
        tolerance=tolerance,
        stretch=stretch,
        note=clean_text(request.note, "note"),
        recorded_at=recorded_at,
        batch=batch,
    )
    mine = [a for a in existing if a.target == target.id]
    previous = in_force_at(mine, period)
    if request.drop and previous is not None and previous.drops and previous.period != str(period):
        raise InputError(
            _("{target} is already dropped from {period} (不再考核); `undo` reverts a drop").format(
                target=target.id, period=previous.period
            )
        )
    unchanged = all(
        (found := in_force_at(mine, Period.month(period.year, month))) is not None
        and _repeats(found, amendment)
        for month in range(period.end_month, 13)
    )
    as_planned = (
        not unchanged
        and not request.drop
        and all(
            in_force_at(mine, Period.month(period.year, month)) is None
            for month in range(period.end_month, 13)
        )
        and _plans_own(plan, target, amendment)
    )
    return AmendChange(amendment, target, previous, unchanged or as_planned, as_planned)


def _check_due(
    plan: Plan,
    target: Target,
    request: AmendRequest,
    existing: Sequence[Amendment],
    *,
    batch: str,
    recorded_at: datetime,
) -> AmendChange:
    """`amend ID --due PERIOD`: set or move a milestone's due date (节点时间, milestone_due):
    an amendment of the milestone with the bound 100 (done) and the due as its period."""
    if target.kind != "milestone":
        raise InputError(
            _("{target} is a {kind} target: --due sets a milestone's due date (节点时间)").format(
                target=target.id, kind=_kind(target.kind)
            )
        )
    given = (request.min, request.max, request.around, request.tolerance, request.stretch)
    if request.drop or any(raw is not None and raw.strip() for raw in given):
        raise InputError(_("--due takes no bound and no --drop: a milestone is due done (100)"))
    if request.period is not None and request.period.strip():
        raise InputError(_("--due is the date itself, in force at once: give no --from"))
    assert request.due is not None
    period = due_period(request.due, plan.plan.year)
    amendment = Amendment(
        target=target.id,
        period=str(period),
        min=DONE,
        note=clean_text(request.note, "note"),
        recorded_at=recorded_at,
        batch=batch,
    )
    previous = due_in_force([a for a in existing if a.target == target.id])
    if previous is not None:
        unchanged = _same_end(parse_period(previous.period), period) and (
            amendment.note is None or amendment.note == previous.note
        )
        return AmendChange(amendment, target, previous, unchanged)
    planned = Period(plan.plan.year, "Y", 1) if target.due is None else None
    if planned is None:
        assert target.due is not None
        planned = parse_plan_period(target.due, plan.plan.year)
    as_planned = _same_end(period, planned)
    return AmendChange(amendment, target, None, as_planned, as_planned)


def _same_end(a: Period, b: Period) -> bool:
    """Due at the same time: 2022-09 and 2022-Q3 both end with September."""
    return (a.year, a.end_month) == (b.year, b.end_month)


def due_in_force(amendments: Sequence[A]) -> A | None:
    """Of one milestone's amendments (ledger order), the due date set last (not a drop)."""
    found = None
    for amendment in amendments:
        if amendment.min is not None:
            found = amendment
    return found


def _plans_own(plan: Plan, target: Target, amendment: Amendment) -> bool:
    """Does an amendment state the plan's bound again: the same min, max, 左右 and 争取, and a
    左右 judged with the same tolerance (the plan's default when neither gives one)?"""
    if target.pending or (amendment.min, amendment.max, amendment.around, amendment.stretch) != (
        target.min,
        target.max,
        target.around,
        target.stretch,
    ):
        return False
    if amendment.around is None:
        return True
    status = plan.plan.status

    def tolerance(given: Decimal | None, low: Decimal | None, high: Decimal | None) -> Decimal:
        direction = derive_direction(target, low, high)
        assert amendment.around is not None
        found = around_tolerance(target, amendment.around, direction, status)[0]
        return found if given is None else given

    return tolerance(amendment.tolerance, amendment.min, amendment.max) == tolerance(
        target.tolerance, target.min, target.max
    )


def _check_bounds(
    target: Target,
    minimum: Decimal | None,
    maximum: Decimal | None,
    around: Decimal | None,
    tolerance: Decimal | None,
    stretch: Decimal | None,
) -> None:
    """The plan file's rules for a bound (model.Target), as one-line errors about the options."""
    if minimum is None and maximum is None and around is None:
        raise InputError(
            _("amend {target}: give the new bound: --min, --max or --around").format(
                target=target.id
            )
        )
    if around is not None and (minimum is not None or maximum is not None):
        raise InputError(_("--around (X左右) and --min/--max are alternatives: give one"))
    if minimum is not None and maximum is not None and minimum > maximum:
        raise InputError(
            _("--min {low} is above --max {high}").format(low=num(minimum), high=num(maximum))
        )
    if tolerance is not None:
        if around is None:
            raise InputError(_("--tolerance is the 左右 tolerance of --around; give --around X"))
        if tolerance < 0:
            raise InputError(_("--tolerance {value} is negative").format(value=num(tolerance)))
    if target.kind in ("cumulative", "ongoing") and minimum is None and around is None:
        raise InputError(
            _(
                "{target} is a {kind} target: give --min (the amount to reach); "
                "--max alone is the top of a range"
            ).format(target=target.id, kind=_kind(target.kind))
        )
    goal = minimum if minimum is not None else around
    if target.opening is not None and goal is not None and goal <= target.opening:
        raise InputError(
            _(
                "{target} starts the year at a stock of {opening}: the stock to "
                "reach ({goal}) must be above it"
            ).format(target=target.id, opening=num(target.opening), goal=num(goal))
        )
    direction = derive_direction(target, minimum, maximum)
    _check_direction(target, direction, minimum, maximum, around)
    if stretch is None:
        return
    if direction == "band":
        raise InputError(_("--stretch is a higher aim in one direction: not for a band (min–max)"))
    nominal = around if around is not None else (minimum if direction == "up" else maximum)
    if nominal is not None and (
        (direction == "up" and stretch < nominal) or (direction == "down" and stretch > nominal)
    ):
        raise InputError(
            _("--stretch {value} is not beyond the bound ({bound})").format(
                value=num(stretch), bound=num(nominal)
            )
        )


def _check_direction(
    target: Target,
    direction: str,
    minimum: Decimal | None,
    maximum: Decimal | None,
    around: Decimal | None,
) -> None:
    """An amendment changes the bound, not which way is better (`bounds.derive_direction`):
    `--min` alone on a ceiling would leave it no bound at all, so it is refused, as the plan
    file refuses `min = 5, direction = "down"`. A pending decline target is a floor on the fall:
    `--max` alone, a ceiling on the fall, would let every rise pass."""
    if around is not None:
        return
    plan = bound_text(target)
    if direction == "down" and maximum is None:
        message = _(
            "{target} is a ceiling (the plan's {bound}: lower is better) and an amendment "
            "keeps it one: give --max or --around"
        )
    elif direction == "up" and minimum is None and target.decline:
        raise InputError(
            _(
                "{target} is a 下降 target: its bound is the size of the fall, and --max {value} "
                "alone (下降 ≤ {value}%) would let any rise pass; give --min {value} "
                "(下降{value}%以上) or --around {value}"
            ).format(target=target.id, value=num(maximum) if maximum is not None else "X")
        )
    elif direction == "up" and minimum is None:
        message = _(
            "{target} is a floor (the plan's {bound}: higher is better) and an amendment "
            "keeps it one: give --min or --around"
        )
    elif direction == "band" and (minimum is None or maximum is None):
        message = _(
            "{target} is a band (the plan's {bound}) and an amendment keeps it one: "
            "give --around, or --min and --max"
        )
    else:
        return
    raise InputError(message.format(target=target.id, bound=plan))


def judged_edges(plan: Plan, change: AmendChange, lang: str = "en") -> str | None:
    """What an amended X左右 is judged against, in the target's direction: `≤ 5 %` for a
    ceiling amended to 4.5%左右, `≥ 4 %` for a floor, `4–5 %` for a band; None for a bound
    that states its edges (`--min`, `--max`) or a drop."""
    amendment, target = change.amendment, change.target
    around = amendment.around
    if around is None:
        return None
    tolerance = amendment.tolerance
    direction = derive_direction(target, amendment.min, amendment.max)
    halfway = None
    if tolerance is None:
        tolerance, halfway = around_tolerance(target, around, direction, plan.plan.status)
    low, high = around_edges(around, tolerance, direction)  # computed: 5, not 4.5 + 0.5's 5.0
    edges = amendment.model_copy(
        update={"min": computed(low), "max": computed(high), "around": None, "stretch": None}
    )
    why = "" if halfway is None else halfway_note(halfway, around, target.unit, lang)
    return bound_text(target, edges, lang) + why


def same_amendment(a: Amendment, b: Amendment) -> bool:
    """Equal as adjustments (5 == 5.0), whenever and by whichever batch they were recorded."""
    return (a.target, a.period, a.min, a.max, a.around, a.tolerance, a.stretch, a.note) == (
        b.target,
        b.period,
        b.min,
        b.max,
        b.around,
        b.tolerance,
        b.stretch,
        b.note,
    )


def _repeats(found: Amendment, amendment: Amendment) -> bool:
    """`amendment` states `found` again: a note it does not give is no change, as a figure
    recorded again without its note is none (`ledger.is_unchanged`). `amend … --min 1.2`
    re-run without `--note 国家下达` wrote a new amendment with no note, said 调整为 ≥ 1.2
    （原为 ≥ 1.2）, and the report's line of adjusted targets lost 国家下达 (s42 walk7)."""
    if amendment.note is None:
        amendment = amendment.model_copy(update={"note": found.note})
    return same_amendment(found, amendment)


def in_force_at(amendments: Sequence[A], at: Period) -> A | None:
    """Of one target's amendments (ledger order), the one in force at `at`: of those from a
    period of the same year ending by then, the one recorded last (`AmendmentIndex.in_force`)."""
    found = None
    for amendment in amendments:
        period = parse_period(amendment.period)
        if period.year == at.year and period.end_month <= at.end_month:
            found = amendment
    return found


def in_force_at_year_end(
    amendments: Sequence[AnyAmendment], year: int, milestones: Collection[str] = ()
) -> dict[str, AnyAmendment]:
    """The amendment in force at the plan year's end of each target amended, by the latest
    decision: a bound adjusted, a target dropped (不再考核) or re-instated. What `targets`
    marks with its †. A due date set for one of the `milestones` (`amend --due`) is no bound:
    left out."""
    by_target: dict[str, list[AnyAmendment]] = {}
    for amendment in amendments:
        if amendment.target in milestones and not amendment.drops:
            continue
        by_target.setdefault(amendment.target, []).append(amendment)
    year_end = Period(year, "Y", 1)
    found = {tid: in_force_at(mine, year_end) for tid, mine in by_target.items()}
    return {tid: a for tid, a in found.items() if a is not None}


def amend_target(
    store: LedgerStore,
    plan: Plan,
    request: AmendRequest,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> AmendChange:
    """Record one amendment as its own batch, decided under the lock on the ledger as it is."""
    recorded_at = now or utc_now()
    batch = new_batch_id(recorded_at)
    store.check_writable()
    if dry_run:
        change = check_amendment(
            plan, request, store.amendments(), batch=batch, recorded_at=recorded_at
        )
        if not change.unchanged:
            store.check_allowed([change.amendment.target])  # as the write would refuse it
        return change
    with store.transaction() as session:
        existing = [placed.amendment for placed in session.amendments()]
        change = check_amendment(plan, request, existing, batch=batch, recorded_at=recorded_at)
        if not change.unchanged:
            session.append_amendment(change.amendment)
    return change


def _kind(kind: str) -> str:
    """A kind as the interface names it: `cumulative`, in Chinese 累计 (as `targets` shows)."""
    return t(f"kind.{kind}", language())
