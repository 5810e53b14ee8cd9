"""`plancli amend`: a mid-year adjustment (年中调整) of a target's bound, kept in the ledger.

Talk (what was recorded) goes to stderr; `--json` prints the amendment on stdout.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import JsonOpt, command, emit, say, state
from plancli.cli.ledger_cmds import DryRunOpt

if TYPE_CHECKING:
    from plancli.amend import AmendChange


# Negative bounds (a fall of GDP growth to -1 %) must not be taken for options, as in `record`.
@command("amend", context_settings={"ignore_unknown_options": True})
def amend_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="Target id (see `plancli targets`).")
    ],
    from_period: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="PERIOD",
            help="The new bound applies from the end of this period on (2022-07, 2022-Q3, "
            "2022-H1); before it, the plan's.",
        ),
    ],
    minimum: Annotated[
        str | None,
        typer.Option("--min", metavar="X", help="New lower bound (增长X%以上; 下降X%: the fall)."),
    ] = None,
    maximum: Annotated[
        str | None, typer.Option("--max", metavar="X", help="New upper bound (X以内).")
    ] = None,
    around: Annotated[
        str | None,
        typer.Option("--around", metavar="X", help="New aim X左右 (instead of min/max)."),
    ] = None,
    tolerance: Annotated[
        str | None,
        typer.Option(
            "--tolerance",
            metavar="T",
            help="With --around: the 左右 tolerance (default: the plan's [plan.status]).",
        ),
    ] = None,
    stretch: Annotated[
        str | None,
        typer.Option("--stretch", metavar="Y", help="A higher aim, never a ceiling (争取…)."),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="Why, and by whose decision (e.g. 省政府年中调整 7月20日)."),
    ] = None,
    dry_run: DryRunOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """Record a mid-year adjustment (年中调整) of a target's bound; `undo` reverts it."""
    from plancli.amend import AmendRequest, amend_target
    from plancli.ledger import open_store

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    request = AmendRequest(
        target_id, from_period, minimum, maximum, around, tolerance, stretch, note
    )
    change = amend_target(open_store(location), plan, request, dry_run=dry_run)
    say(_message(change, location.shown, dry_run))
    if json_out:
        from plancli.amend import amendment_out
        from plancli.fmt import bound_text
        from plancli.output import AmendOutput, dump_json

        out = AmendOutput(
            plan=plan.plan.id,
            ledger=location.shown,
            written=not dry_run and not change.unchanged,
            unchanged=change.unchanged,
            amendment=amendment_out(plan, change.amendment),
            plan_bound=bound_text(change.target),
            previous=amendment_out(plan, change.previous) if change.previous else None,
        )
        emit(dump_json(out))


def _message(change: "AmendChange", ledger: str, dry_run: bool) -> str:
    from plancli.amend import amendment_bound_text
    from plancli.fmt import bound_text

    amendment, target = change.amendment, change.target
    bound = amendment_bound_text(target, amendment)
    what = f"{target.id} from {amendment.period}: {bound}"
    if change.unchanged:
        return f"{what} is already the amendment in force; nothing written ({ledger})"
    if change.previous is not None:
        previous = change.previous
        was = (
            f"{amendment_bound_text(target, previous)} from {previous.period}, amended "
            f"{previous.recorded_at:%Y-%m-%d %H:%M} UTC"
        )
    elif target.pending:
        was = "pending: the plan gives no bound"
    else:
        was = f"{bound_text(target)}, the plan's"
    if dry_run:
        return f"would amend {what} (was {was}); nothing written to {ledger} (--dry-run)"
    return f"amended {what} (was {was}) in {ledger} (batch {amendment.batch})"
