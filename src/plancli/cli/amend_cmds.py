"""`plancli amend`: a mid-year adjustment (年中调整) of a target's bound, kept in the ledger.

Talk (what was recorded) goes to stderr; `--json` prints the amendment on stdout.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import JsonOpt, command, say, say_created, state
from plancli.cli.figure_args import FigureCommand
from plancli.cli.ledger_opts import DryRunOpt, TargetArg
from plancli.cli.streams import emit
from plancli.i18n import _
from plancli.periods import applies_from
from plancli.safe import clip, clip_path

if TYPE_CHECKING:
    from plancli.amend import AmendChange
    from plancli.model import Amendment, Plan


# Negative bounds (a fall of GDP growth to -1 %) must not be taken for options, as in `record`.
@command(
    "amend",
    cls=FigureCommand,
    help=_(
        "Record a mid-year adjustment (年中调整) of a target's bound, or drop the target "
        "(--drop); `undo` reverts it."
    ),
)
def amend_cmd(
    ctx: typer.Context,
    target_id: TargetArg,
    from_period: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="PERIOD",
            help=_(
                "The new bound (or the drop) applies from the end of this period on: 2022-07, "
                "2022-Q3 or 2022-H1, also as a bulletin writes it (2022年7月, 前三季度, 上半年, "
                "年末) or a notice (7月起, 自7月起, 从7月, 自7月: 7月); before it, the plan's. A "
                "whole year (2022) is refused: 2022-01 for all of it, 2022-12 for its year-end "
                "figure."
            ),
        ),
    ] = None,
    minimum: Annotated[
        str | None,
        typer.Option(
            "--min", metavar="X", help=_("New lower bound (增长X%以上; 下降X%: the fall).")
        ),
    ] = None,
    maximum: Annotated[
        str | None, typer.Option("--max", metavar="X", help=_("New upper bound (X以内)."))
    ] = None,
    around: Annotated[
        str | None,
        typer.Option("--around", metavar="X", help=_("New aim X左右 (instead of min/max).")),
    ] = None,
    tolerance: Annotated[
        str | None,
        typer.Option(
            "--tolerance",
            metavar="T",
            help=_("With --around: the 左右 tolerance (default: the plan's [plan.status])."),
        ),
    ] = None,
    stretch: Annotated[
        str | None,
        typer.Option("--stretch", metavar="Y", help=_("A higher aim, never a ceiling (争取…).")),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help=_("Why, and by whose decision (e.g. 省政府年中调整 7月20日).")),
    ] = None,
    drop: Annotated[
        bool,
        typer.Option(
            "--drop",
            help=_(
                "Drop the target (不再考核): from the end of --from on it is no longer judged; "
                "instead of a bound."
            ),
        ),
    ] = False,
    due: Annotated[
        str | None,
        typer.Option(
            "--due",
            metavar="PERIOD",
            help=_(
                "Set or move a milestone's due date (节点时间, 任务分解): 2022-09, 9月, 2022-Q3, "
                "三季度 (its end), 年底; its percent done is paced against time progress to "
                "that date. Instead of --from and a bound."
            ),
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    json_out: JsonOpt = False,
) -> None:
    from plancli.amend import AmendRequest, amend_target
    from plancli.stores import open_store

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    creating = st.ledger_to_create()
    request = AmendRequest(
        target_id, from_period, minimum, maximum, around, tolerance, stretch, note, drop, due
    )
    store = open_store(location)
    change = amend_target(store, plan, request, dry_run=dry_run)
    say_created(location.path, creating, not change.unchanged, dry_run, store)
    say(_message(plan, change, location.shown, dry_run))
    if not change.unchanged:  # 45 for 4.5: a slipped decimal point (growth_slips)
        from plancli.growth_slips import tenfold_bounds

        amended = change.amendment
        bounds = (amended.min, amended.max, amended.around, amended.stretch)
        for warning in tenfold_bounds(change.target, amended.period, bounds):
            say(_("warning: {message}").format(message=warning))
    if json_out:
        from plancli.amend import amendment_out
        from plancli.output import dump_json
        from plancli.output_writes import AmendOutput, amended_out

        out = AmendOutput(
            plan=plan.plan.id,
            ledger=location.shown,
            written=not dry_run and not change.unchanged,
            unchanged=change.unchanged,
            # not written (a dry run, or already in force: `previous` has its batch): no batch
            amendment=amended_out(
                amendment_out(plan, change.amendment), not dry_run and not change.unchanged
            ),
            plan_bound=_plan_bound(plan, change),
            previous=amendment_out(plan, change.previous) if change.previous else None,
        )
        emit(dump_json(out), utf8=True)


def _message(plan: "Plan", change: "AmendChange", ledger: str, dry_run: bool) -> str:
    from plancli.amend import amendment_bound_text, judged_edges
    from plancli.fmt import bound_text
    from plancli.i18n import language
    from plancli.render import zh_bound

    lang = language()
    amendment, target = change.amendment, change.target
    if target.kind == "milestone" and not amendment.drops:
        return _due_message(plan, change, ledger, dry_run)
    bound = zh_bound(amendment_bound_text(target, amendment, lang), lang)
    edges = judged_edges(plan, change, lang)
    if edges is not None:  # X左右 keeps the plan's direction: say which edge it is judged at
        bound = _("{bound}, judged {edges}").format(bound=bound, edges=edges)
    what = _("{target} from {period}: {bound}").format(
        target=target.id, period=applies_from(amendment.period), bound=bound
    )
    if change.as_planned:
        return _(
            "{what} is the plan's own bound: nothing to amend; nothing written ({ledger})"
        ).format(what=what, ledger=clip_path(ledger))
    if change.unchanged:
        return _("{what} is already the amendment in force; nothing written ({ledger})").format(
            what=what, ledger=clip_path(ledger)
        )
    if change.previous is not None and _note_only(change.previous, amendment):
        return _note_message(change.previous.note, amendment, what, ledger, dry_run)
    if change.previous is not None:
        previous = change.previous
        was = _("{bound} from {period}, amended {time} UTC").format(
            bound=zh_bound(amendment_bound_text(target, previous, lang), lang),
            period=applies_from(previous.period),
            time=f"{previous.recorded_at:%Y-%m-%d %H:%M}",
        )
    elif target.pending:
        was = _("pending: the plan gives no bound")
    else:
        was = _("{bound}, the plan's").format(bound=zh_bound(bound_text(target, None, lang), lang))
    if dry_run:
        return _("would amend {what} (was {was}); nothing written to {ledger} (--dry-run)").format(
            what=what, was=was, ledger=clip_path(ledger)
        )
    return _("amended {what} (was {was}) in {ledger} (batch {batch})").format(
        what=what, was=was, ledger=clip_path(ledger), batch=amendment.batch
    )


def _note_only(previous: "Amendment", amendment: "Amendment") -> bool:
    """The same period and bounds with another note: `amended X: ≥ 1.2 (was ≥ 1.2 …)` read as
    a change of bound that was none (the 上海 walk, session 42)."""
    keys = ("period", "min", "max", "around", "tolerance", "stretch")
    return all(getattr(previous, key) == getattr(amendment, key) for key in keys)


def _note_message(
    was: str | None, amendment: "Amendment", what: str, ledger: str, dry_run: bool
) -> str:
    none = _("none")
    note, was = clip(amendment.note or none), clip(was or none)
    if dry_run:
        return _(
            "{what}: would change its note to {note} (was {was}); nothing written to {ledger}"
            " (--dry-run)"
        ).format(what=what, note=note, was=was, ledger=clip_path(ledger))
    return _("{what}: note changed to {note} (was {was}) in {ledger} (batch {batch})").format(
        what=what, note=note, was=was, ledger=clip_path(ledger), batch=amendment.batch
    )


def _due_message(plan: "Plan", change: "AmendChange", ledger: str, dry_run: bool) -> str:
    """`amend ID --due PERIOD`: the due date set, and the one it replaces (the plan's or the
    last set), as the bound's messages say them."""
    from plancli.history import due_text
    from plancli.i18n import language

    lang = language()
    amendment, target = change.amendment, change.target
    what = _("{target}: {due}").format(target=target.id, due=due_text(amendment.period, lang))
    if change.as_planned:
        return _("{what} is the plan's own due date: nothing written ({ledger})").format(
            what=what, ledger=clip_path(ledger)
        )
    if change.unchanged:
        return _("{what} is already the due date set; nothing written ({ledger})").format(
            what=what, ledger=clip_path(ledger)
        )
    if change.previous is not None:
        previous = change.previous
        was = _("{due}, set {time} UTC").format(
            due=due_text(previous.period, lang), time=f"{previous.recorded_at:%Y-%m-%d %H:%M}"
        )
    else:
        from plancli.milestone_due import planned_due

        planned = planned_due(target.due, plan.plan.year)
        was = _("{due}, the plan's").format(due=due_text(planned, lang))
    if dry_run:
        return _("would set {what} (was {was}); nothing written to {ledger} (--dry-run)").format(
            what=what, was=was, ledger=clip_path(ledger)
        )
    return _("set {what} (was {was}) in {ledger} (batch {batch})").format(
        what=what, was=was, ledger=clip_path(ledger), batch=amendment.batch
    )


def _plan_bound(plan: "Plan", change: "AmendChange") -> str:
    """`amend --json`'s `plan_bound`: the plan's bound, or for a due date the plan's due."""
    from plancli.fmt import bound_text

    target = change.target
    if target.kind == "milestone" and not change.amendment.drops:
        from plancli.history import due_text
        from plancli.milestone_due import planned_due

        return due_text(planned_due(target.due, plan.plan.year))
    return bound_text(target)
