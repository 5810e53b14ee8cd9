"""What `history` and `show` read of a ledger: the revisions of each figure and of each bound.

Pure and free of Pydantic: read commands pass plain records and amendments (`plain.py`), the
writing ones (`undo`, `amend`) the models; both read alike.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from plancli.errors import InputError
from plancli.fmt import bound_text, num, stated
from plancli.output_history import AmendmentOut, HistoryRecord
from plancli.periods import Period, parse_period, zh_period
from plancli.plain import BOUNDED_KINDS, AnyAmendment, AnyPlan, AnyTarget
from plancli.safe import clip_path

if TYPE_CHECKING:
    from plancli import model, plain

R = TypeVar("R", "plain.Record", "model.Record")
A = TypeVar("A", "plain.Amendment", "model.Amendment")


class Revision(NamedTuple, Generic[R]):
    record: R
    # False once a later record for the same target and end month superseded it: a revision
    # of its period, or a figure for another period ending that month (2022-06 and 2022-Q2),
    # or a roll-up's own figure set aside for its parts' later sum (`set_aside`)
    current: bool
    set_aside: bool = False  # not current: a roll-up's own figure its parts' sum superseded


def history(
    records: Sequence[R], target_id: str | None = None, year: int | None = None
) -> list[Revision[R]]:
    """Every revision (of one target, or all), oldest first, each marked in force or not:
    current is what the assessment judges (`assess.in_force`, one figure per position). With
    the plan's `year`, a figure of another year is in force for no target of the plan (last
    year's ledger beside this year's plan: `status` judges none of its figures)."""
    from plancli.assess.records import in_force

    chosen = [r for r in records if target_id is None or r.target == target_id]
    current = {
        id(record)
        for (_, figure_year, _), record in in_force(chosen).items()
        if year is None or figure_year == year
    }
    return [Revision(r, id(r) in current) for r in chosen]


def set_aside(revisions: Sequence[Revision[R]], aside: Mapping[str, Period]) -> list[Revision[R]]:
    """The revisions, a roll-up's own figure in force for its position marked not current when
    the assessment set it aside for its parts' later sum (`aside`: the target's superseded own
    figure's period, `superseded_own`), as `show` and `gap --json` say."""
    return [
        Revision(rev.record, False, True)
        if rev.current and aside.get(rev.record.target) == parse_period(rev.record.period)
        else rev
        for rev in revisions
    ]


def superseded_owns(
    revisions: Sequence[Revision[R]],
    plan: AnyPlan,
    records: Sequence[R],
    amendments: Sequence[AnyAmendment] = (),
) -> dict[str, Period]:
    """For `set_aside`: the roll-ups among the revisions whose own figure the assessment at the
    latest period sets aside (every part has a later figure), and that figure's period. Only
    the roll-ups with a figure in force are judged."""
    from plancli.assess.engine import plan_context

    rollups = {
        rev.record.target
        for rev in revisions
        if rev.current and (target := plan.target(rev.record.target)) is not None and target.parts
    }
    if not rollups:
        return {}
    context = plan_context(plan, records, None, amendments)
    aside = {}
    for target_id in sorted(rollups):
        target = context.plan.target(target_id)
        own = context.assess(target).superseded_own if target is not None else None
        if own is not None:
            aside[target_id] = own.period
    return aside


def history_record(record: plain.Record | model.Record, current: bool) -> HistoryRecord:
    """A revision as the JSON outputs carry it (`history`, `show`, reports)."""
    return HistoryRecord(
        target=record.target,
        period=record.period,
        value=record.value,
        amount=record.amount,
        note=record.note,
        source=record.source,
        recorded_at=record.recorded_at,
        batch=record.batch,
        recorded_by=record.recorded_by,
        current=current,
    )


CSV_COLUMNS = ["target", "period", "value", "amount", "note", "source", "recorded_at", "batch"]


def history_csv(
    revisions: Sequence[Revision[plain.Record]], *, writers: bool
) -> tuple[list[str], list[list[str | None]]]:
    """`history --csv`: the columns of `--json`'s records. `recorded_by` (录入人) is the last,
    and only where the ledger keeps writers (a database, a TOML copy of one): a ledger
    without any keeps the columns it had, for the scripts that read them."""
    columns = [*CSV_COLUMNS, "current", *(["recorded_by"] if writers else [])]
    rows = [
        [
            r.target,
            r.period,
            stated(r.value),  # as recorded: 12.0 stays 12.0 (a spreadsheet reads 12 alike)
            stated(r.amount),
            r.note,
            r.source,
            f"{r.recorded_at:%Y-%m-%dT%H:%M:%SZ}",
            r.batch,
            str(rev.current).lower(),
            *([r.recorded_by] if writers else []),
        ]
        for rev in revisions
        for r in [rev.record]
    ]
    return columns, rows


class AmendmentRevision(NamedTuple, Generic[A]):
    """An amendment in a target's history, and whether any month can still be judged on it."""

    amendment: A
    current: bool


def amendment_history(
    amendments: Sequence[A],
    target_id: str | None = None,
    year: int | None = None,
    milestones: Collection[str] = (),
) -> list[AmendmentRevision[A]]:
    """Every amendment (of one target, or all), in ledger order, each marked current unless a
    later amendment of its target from the same or an earlier period superseded it, or its
    period is outside the plan `year` (never applied: `outside_year_note` warns of it). A due
    date set for one of the `milestones` (`amend --due`) is superseded by any set later."""
    chosen = [a for a in amendments if target_id is None or a.target == target_id]
    revisions = []
    for index, amendment in enumerate(chosen):
        period = parse_period(amendment.period)
        due = amendment.target in milestones and not amendment.drops
        superseded = any(
            later.target == amendment.target
            and (
                not later.drops
                if due
                else (other := parse_period(later.period)).year == period.year
                and other.end_month <= period.end_month
                and not (later.target in milestones and not later.drops)
            )
            for later in chosen[index + 1 :]
        )
        outside = year is not None and period.year != year
        revisions.append(AmendmentRevision(amendment, not (superseded or outside)))
    return revisions


def outside_year_note(amendments: Sequence[AnyAmendment], year: int, ledger: str) -> str | None:
    """The warning for a ledger's amendments whose period is outside the plan year, which no
    assessment applies (written by hand, or for another year's plan): `show` marked one `*`
    in force, and gap, status and validate said nothing (audit F D10). None when there is none."""
    from plancli.i18n import ngettext
    from plancli.safe import clip

    outside = [a for a in amendments if parse_period(a.period).year != year]
    if not outside:
        return None
    which = ", ".join(f"{clip(a.target)} {a.period}" for a in outside[:3])
    return ngettext(
        "warning: {n} amendment in {ledger} is for a period outside the plan year {year} "
        "({which}{more}): it is not applied",
        "warning: {n} amendments in {ledger} are for periods outside the plan year {year} "
        "({which}{more}): they are not applied",
        len(outside),
    ).format(
        n=len(outside),
        ledger=clip_path(ledger),
        year=year,
        which=which,
        more=", …" if len(outside) > 3 else "",
    )


def amendment_bound_text(
    target: AnyTarget | None, amendment: AnyAmendment, lang: str = "en"
) -> str:
    """The amended bound as `bound_text` writes bounds (`≥ 6 %`, `≈ 5 %`, `fall ≥ 3.5 %`); for
    a target the plan no longer has, the figures alone."""
    if target is not None and target.kind == "milestone" and not amendment.drops:
        return due_text(amendment.period, lang)  # `amend --due`: the due date set (节点时间)
    if target is not None and (target.kind in BOUNDED_KINDS or amendment.drops):
        return bound_text(target, amendment, lang)
    parts = [
        f"{name} {num(value)}"
        for name, value in (
            ("min", amendment.min),
            ("max", amendment.max),
            ("around", amendment.around),
            ("tolerance", amendment.tolerance),
            ("stretch", amendment.stretch),
        )
        if value is not None
    ]
    return ", ".join(parts)


def due_text(period: str, lang: str = "en") -> str:
    """A milestone's due date as `amend --due` sets it: `due 2022-09`, 节点时间2022年9月."""
    if lang == "zh":
        try:
            return f"节点时间{zh_period(period)}"
        except InputError:
            return f"节点时间{period}"
    return f"due {period}"


def amended_at_year_end(
    plan: AnyPlan, amendments: Sequence[AnyAmendment]
) -> dict[str, AmendmentOut]:
    """`targets`: the amendment in force at the plan year's end of each target amended (a bound
    adjusted, a target dropped or re-instated), as the JSON outputs carry it."""
    from plancli.amend import in_force_at_year_end
    from plancli.milestone_due import milestone_ids

    found = in_force_at_year_end(amendments, plan.plan.year, milestone_ids(plan))
    return {tid: amendment_out(plan, amendment) for tid, amendment in found.items()}


def amendment_out(plan: AnyPlan, amendment: AnyAmendment, current: bool = True) -> AmendmentOut:
    """An amendment as the JSON outputs carry it (`history`, `show`, `amend`)."""
    return AmendmentOut(
        target=amendment.target,
        period=amendment.period,
        min=amendment.min,
        max=amendment.max,
        around=amendment.around,
        tolerance=amendment.tolerance,
        stretch=amendment.stretch,
        bound=amendment_bound_text(plan.target(amendment.target), amendment),
        dropped=amendment.drops,
        note=amendment.note,
        recorded_at=amendment.recorded_at,
        batch=amendment.batch,
        recorded_by=amendment.recorded_by,
        current=current,
    )
