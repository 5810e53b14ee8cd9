"""Ledger commands: history and undo (record and import: `record_cmds`). Parse, call the
core, render, exit.

Talk (the undo question, confirmations) goes to stderr; data (history, --json) to stdout.
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import CsvOpt, JsonOpt, command, one_format, say, state
from plancli.cli.ask import confirm
from plancli.cli.completion import complete_target
from plancli.cli.ledger_opts import DryRunOpt, advise
from plancli.cli.streams import emit, emit_csv
from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.safe import clip_path, visible

if TYPE_CHECKING:
    from plancli.model import Plan
    from plancli.undo import UndoPlan


@command(
    "history",
    help=_("Every recorded revision, oldest first (`*`: in force), then the amendments of bounds."),
)
def history_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help=_("Only this target (default: all)."),
            autocompletion=complete_target,
        ),
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    from plancli.history import (
        amendment_history,
        history,
        outside_year_note,
        set_aside,
        superseded_owns,
    )
    from plancli.ledger_read import read_ledger

    one_format(json_out, csv_out)
    st = state(ctx)
    plan = st.plain_plan
    location = st.read_ledger()
    contents = read_ledger(location)
    records, amendments = contents.records, contents.amendments
    if (
        target_id is not None
        and plan.target(target_id) is None
        and not any(r.target == target_id for r in records)
        and not any(a.target == target_id for a in amendments)
    ):
        from plancli.plan import unknown_target_message

        raise InputError(unknown_target_message(plan, target_id))
    # judged on another's figures (`figures_of`): those, said so first, as `show` lists them
    linked = plan.target(target_id) if target_id is not None else None
    figures_id = linked.figures_of if linked is not None and linked.figures_of else target_id
    if figures_id != target_id:
        from plancli.plan_links import judged_on_note

        say(judged_on_note(str(target_id), str(figures_id)))
    # a roll-up's own figure its parts' later sum superseded is not `*`, as `show` says
    revisions = history(records, figures_id, plan.plan.year)
    revisions = set_aside(revisions, superseded_owns(revisions, plan, records, amendments))
    from plancli.milestone_due import milestone_ids

    adjustments = amendment_history(amendments, target_id, plan.plan.year, milestone_ids(plan))
    if note := outside_year_note(amendments, plan.plan.year, location.shown):
        say(note)
    from plancli.stored_classes import records_warning

    listed = records if figures_id is None else [r for r in records if r.target == figures_id]
    if note := records_warning(plan, listed):  # a figure in 类 from before: 2.5, as `show`
        say(note)
    if json_out:
        from plancli.history import amendment_out, history_record
        from plancli.output import dump_json
        from plancli.output_history import HistoryOutput

        out = HistoryOutput(
            plan=plan.plan.id,
            ledger=location.shown,
            target=target_id,
            records=[history_record(rev.record, rev.current) for rev in revisions],
            amendments=[amendment_out(plan, a.amendment, a.current) for a in adjustments],
        )
        emit(dump_json(out), utf8=True)
    elif csv_out:
        # One table: the figures (amendments are in --json, and in the table view).
        from plancli.history import history_csv
        from plancli.output import csv_text
        from plancli.stores import store_class

        # `recorded_by` where the ledger keeps writers: a database, or a TOML copy of one
        writers = store_class(location).stamps_writers or any(
            [r.recorded_by for r in records] + [a.recorded_by for a in amendments]
        )
        columns, rows = history_csv(revisions, writers=writers)
        emit_csv(csv_text(columns, rows))
    elif not revisions and not adjustments:
        _say_no_records(figures_id, location.shown)
    else:
        from plancli.render import console
        from plancli.render.ledger import amendments_table, history_table

        out_console = console()
        if revisions:
            out_console.print(history_table(plan, revisions, location.shown, st.lang, figures_id))
        else:
            _say_no_records(figures_id, location.shown)
        if adjustments:
            out_console.print(amendments_table(plan, adjustments, st.lang, target_id))


def _say_no_records(target_id: str | None, ledger: str) -> None:
    """`no records of ID in PATH` on stderr, at the terminal's width, as `show` prints it."""
    from plancli.render import console
    from plancli.render.no_records import no_records

    console(stderr=True).print(no_records(target_id, ledger))


def _count(undo: "UndoPlan") -> str:
    records = ngettext("{n} record", "{n} records", len(undo.steps)).format(n=len(undo.steps))
    if not undo.amendment_steps:
        return records
    n = len(undo.amendment_steps)
    amendments = ngettext("{n} amendment", "{n} amendments", n).format(n=n)
    if not undo.steps:
        return amendments
    return _("{records} and {amendments}").format(records=records, amendments=amendments)


def _interactive() -> bool:
    """Can we ask? Not when stdin is a pipe, a file or closed (cron, CI, scripts)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin closed
        return False


@command(
    "undo",
    help=_(
        "Revert the last batch (one `record` or one `import`), or any one with --batch, after "
        "showing what it reverts."
    ),
)
def undo_cmd(
    ctx: typer.Context,
    batch: Annotated[
        str | None,
        typer.Option(
            "--batch",
            "-b",
            metavar="ID",
            help=_(
                "Revert this batch, not the last: its id, or its end as `history` shows it "
                "(a figure recorded for the wrong period)."
            ),
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Revert without asking."))] = False,
    dry_run: DryRunOpt = False,
    json_out: Annotated[
        bool,
        typer.Option(
            "--json", help=_("Print what was reverted as JSON on stdout (`plancli schema`).")
        ),
    ] = False,
) -> None:
    from plancli.stores import open_store
    from plancli.undo import check_undo_allowed, planned_undo, undo_batch

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    store = open_store(location)
    store.check_writable()
    contents = store.contents()
    undo = planned_undo(contents, batch, location.shown)
    if undo is None:
        say(_("nothing to undo: {ledger} has no records").format(ledger=clip_path(location.shown)))
        if json_out:
            emit(_undo_json(plan, location.shown, None, dry_run, written=False), utf8=True)
        return
    # A batch this role may not revert (another department's, in a shared database) is
    # refused first, as a dry run is: no preview of what will not be reverted, no question.
    check_undo_allowed(store, undo, contents, last=batch is None)
    # A dry run's table is its output (stdout), as import --dry-run's is; before a real
    # revert it goes with the question (stderr), and beside --json's JSON it is a message.
    from plancli.milestone_due import milestone_ids
    from plancli.render import console
    from plancli.render.ledger import undo_table
    from plancli.undo import with_due_dates

    # a milestone's due date gives way to the one set before it (or the plan's): as shown
    shown_undo = with_due_dates(
        undo, [p.amendment for p in contents.amendments], milestone_ids(plan)
    )
    console(stderr=not dry_run or json_out).print(undo_table(plan, shown_undo, st.lang))
    from plancli.plan_links import judged_too_notes

    for note in judged_too_notes(plan.targets, {r.target for r in undo.records}):
        say(note)  # its verdict moves with the figures reverted: the table shows only theirs
    count = _count(undo)
    if dry_run:
        say(
            _("would revert {count} of batch {batch}; nothing written (--dry-run)").format(
                count=count, batch=undo.batch
            )
        )
        if json_out:
            emit(_undo_json(plan, location.shown, shown_undo, dry_run, written=False), utf8=True)
        return
    if not yes:
        if not _interactive():
            raise InputError(
                _(
                    "undo asks before reverting, and stdin is not a terminal; "
                    "pass --yes to revert without asking"
                )
            )
        try:
            question = _("Revert {count} of batch {batch}?").format(count=count, batch=undo.batch)
            confirmed = confirm(visible(question))
        except typer.Abort:  # end of input
            raise InputError(
                _("no answer; nothing reverted (pass --yes to skip the question)")
            ) from None
        if not confirmed:
            say(_("nothing reverted"))
            return
    done = undo_batch(store, undo, last=batch is None)
    say(
        _("reverted {count} of batch {batch} in {ledger}").format(
            count=count, batch=done.batch, ledger=clip_path(location.shown)
        )
    )
    advise(store)
    if json_out:
        emit(_undo_json(plan, location.shown, shown_undo, dry_run, written=True), utf8=True)


def _undo_json(
    plan: "Plan", ledger: str, undo: "UndoPlan | None", dry_run: bool, written: bool
) -> str:
    from plancli.amend import amendment_out
    from plancli.output import dump_json
    from plancli.output_writes import (
        RevertedAmendment,
        RevertedRecord,
        UndoCounts,
        UndoOutput,
        previous_figure,
    )

    steps = undo.steps if undo is not None else ()
    amendment_steps = undo.amendment_steps if undo is not None else ()
    return dump_json(
        UndoOutput(
            plan=plan.plan.id,
            ledger=ledger,
            dry_run=dry_run,
            written=written,
            batch=undo.batch if undo is not None else None,
            counts=UndoCounts(records=len(steps), amendments=len(amendment_steps)),
            records=[
                RevertedRecord(
                    **step.record.model_dump(exclude={"recorded_by"}),
                    restored=previous_figure(step.restored),
                    in_force=step.in_force,
                )
                for step in steps
            ],
            amendments=[
                RevertedAmendment(
                    amendment=amendment_out(plan, step.amendment),
                    restored=amendment_out(plan, step.restored) if step.restored else None,
                    in_force=step.in_force,
                )
                for step in amendment_steps
            ],
        )
    )
