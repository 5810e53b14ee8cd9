"""The commands that write figures: record (one) and import (a file of them). Parse, call the
core, render, exit.

Talk (confirmations, warnings) goes to stderr; data (the import dry-run table, --json) to
stdout. Neither imports Rich unless it prints a table, to keep a cron job's start-up short.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli import streams
from plancli.cli.app import command, say, say_created, state
from plancli.cli.figure_args import FigureCommand
from plancli.cli.ledger_opts import DryRunOpt, TargetArg, WrittenJsonOpt, advise
from plancli.cli.streams import emit
from plancli.cli.written import import_json, written_record
from plancli.errors import InputError
from plancli.i18n import _, join_list
from plancli.safe import clip_path

if TYPE_CHECKING:
    pass


# Negative figures (GDP growth of -2.5 %) must not be taken for options: `plancli record gdp
# -2.5 --period 2022-03` works (FigureCommand); a mistyped option is refused as one, and `-n5`
# as a flag and a figure run together (it was a dry run of -5).
@command(
    "record",
    cls=FigureCommand,
    help=_("Record a figure for a target and period (again: supersedes it, history keeps both)."),
)
def record_cmd(
    ctx: typer.Context,
    target_id: TargetArg,
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help=_(
                "The figure at the end of the period: year-to-date total (cumulative), "
                "YTD growth % (growth, relative, trend: also as the bulletin writes it, "
                "下降4.0 = -4.0, 增长5.2%), the level (level; change targets too, "
                "提升1个百分点: the level itself, 58.38, not the rise 0.3), or percent done "
                "0–100 or `done` (milestone)."
            ),
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            "-p",
            help=_(
                "Period it describes: 2022-06, 2022-Q2, 2022-H1 or 2022, also as a bulletin "
                "writes it (2022年6月, 6月, 1-6月, 上半年); a change target's base level: the "
                "year before, e.g. 2021."
            ),
        ),
    ],
    amount: Annotated[
        str | None,
        typer.Option("--amount", help=_("Growth targets: the year-to-date amount, in its unit.")),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help=_("A remark kept with the figure."))
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help=_("Where the figure comes from (a bulletin)."))
    ] = None,
    add: Annotated[
        bool,
        typer.Option(
            "--add",
            help=_(
                "Cumulative targets: VALUE is the period's own increment, added to the "
                "year-to-date figure at the end of the month before it (-p 6月: 1-5月's; a "
                "quarterly target's 2026-Q2: 一季度's), which must be recorded; the year's "
                "first period adds to 0."
            ),
        ),
    ] = False,
    dry_run: DryRunOpt = False,
    json_out: WrittenJsonOpt = False,
) -> None:
    from plancli.figure_slips import record_warnings
    from plancli.figure_words import as_written
    from plancli.ledger import Entry, record_entry, with_warnings
    from plancli.month_alone import refuse_month_alone
    from plancli.record_text import pending_note, record_message
    from plancli.stores import open_store

    st = state(ctx)
    # The plan as plain data: checking a figure needs no models (a 10,000-target plan took
    # longer to validate than the rest of a `record`).
    plan = st.plain_plan
    if not add:  # -p 6月 for CPI: June's own or the year's to June? (`month_alone`)
        refuse_month_alone(plan, target_id, period)
    location = st.ledger_location
    creating = st.ledger_to_create()
    # Figures as `import` reads them: full-width digits, thousands separators, ％ (formats.md).
    # A figure they cannot read is refused as typed (`－－３`, not `--3`: `as_written`).
    amount = None if amount is None else as_written(amount)
    entry = Entry(target_id, period, as_written(value), amount, note, source, add)
    store = open_store(location)
    change = record_entry(store, plan, entry, dry_run=dry_run)
    change = with_warnings(change, [*record_warnings(plan, entry, change.record), *change.warnings])
    say_created(location.path, creating, not change.unchanged, dry_run, store)
    said = record_message(plan, change, location.shown, dry_run)
    if not dry_run and not change.unchanged:
        # An output lost after this says the figure was recorded; with --json, it is said
        # once the JSON is out, or as the error's first half, never both.
        streams.wrote(said, held=json_out)
    if not (json_out and streams.written()):
        say(said)
    if change.later and not change.unchanged:
        # a period first recorded after a later one is a late record (补录), not a correction
        late = (
            _("note: a late correction; later periods keep their own figures ({periods})")
            if change.previous is not None
            else _("note: a late record; later periods keep their own figures ({periods})")
        )
        say(late.format(periods=join_list(change.later)))
    for warning in change.warnings:
        say(_("warning: {message}").format(message=warning))
    if (target := plan.target(change.record.target)) is not None and target.pending:
        amended = any(a.target == target.id for a in store.amendments())
        if (pending := pending_note(plan, change.record, amended)) is not None:
            say(_("note: {message}").format(message=pending))
    advise(store)
    if json_out:
        from plancli.output import dump_json
        from plancli.output_writes import RecordOutput, WriteCounts

        written = not dry_run and not change.unchanged
        emit(
            dump_json(
                RecordOutput(
                    command="record",
                    plan=plan.plan.id,
                    ledger=location.shown,
                    dry_run=dry_run,
                    written=written,
                    batch=change.record.batch if written else None,
                    counts=WriteCounts(
                        new=int(change.previous is None),
                        revised=int(change.previous is not None and not change.unchanged),
                        unchanged=int(change.unchanged),
                        rows=1,
                        figures=1,
                    ),
                    records=[written_record(change, written=written)],
                )
            ),
            utf8=True,
        )


@command(
    "import",
    help=_(
        "Import figures (CSV, JSON, xlsx): all rows or none, one batch; re-importing is a no-op."
    ),
)
def import_cmd(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help=_(
                "CSV with header target,period,value[,amount,note,source], a JSON list of "
                "such objects, JSON Lines, or an Excel .xlsx sheet with the CSV's columns; "
                "`-` reads stdin. Several files are one batch: all of them or none."
            ),
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            metavar="NAME",
            help=_(
                "xlsx: the sheet to read (default: the first with a header row; a workbook of "
                "several tables, such as one sheet a month, must name one)."
            ),
        ),
    ] = None,
    skip_unknown: Annotated[
        bool,
        typer.Option(
            "--skip-unknown",
            help=_(
                "Leave out the rows whose target (id or name) is no target of the plan, such "
                "as a bureau table's other indicators, and list them; any other bad row still "
                "refuses the file."
            ),
        ),
    ] = False,
    dry_run: DryRunOpt = False,
    json_out: WrittenJsonOpt = False,
) -> None:
    from plancli.cli.import_reading import read_file, refusal, say_file_notes
    from plancli.import_skip import skipped_rows
    from plancli.imports import ImportRejected, import_rows
    from plancli.record_text import import_counts
    from plancli.stores import open_store

    if len(files) > 1:  # one batch, all or none (import_several.py)
        if json_out:
            raise InputError(_("import --json takes one file; import the files one by one"))
        from plancli.cli.import_several import import_several

        import_several(ctx, files, sheet=sheet, skip_unknown=skip_unknown, dry_run=dry_run)
        return
    st = state(ctx)
    location = st.ledger_location
    creating = st.ledger_to_create()
    store = open_store(location)
    store.check_writable()  # before reading a possibly long stdin
    read = read_file(st, store, files[0], sheet=sheet, skip_unknown=skip_unknown, json_out=json_out)
    name, notes, unknown = read.name, read.notes, read.unknown
    plan = st.plain_plan
    # The rows are checked and written as a stream (a million rows: the figures in force and
    # the rows in memory, not a model of each); --json lists them all, from the stream's own.
    try:
        result = import_rows(
            store,
            plan,
            name,
            read.rows,
            read.problems,
            dry_run=dry_run,
            keep=False,
            pasted=notes.pasted,
            listed=json_out,
        )
    except ImportRejected as rejected:
        raise refusal(rejected, plan, read, skip_unknown) from None
    skipped = skipped_rows(plan, unknown) if skip_unknown else []
    say_created(location.path, creating, result.written, dry_run, store)
    say_file_notes(plan, store, read, skipped, result)
    from plancli.import_summary import periods_text

    counts, periods = import_counts(result, read.file_rows), periods_text(result)
    if dry_run:
        if result.changes and not json_out:
            from plancli.render import console
            from plancli.render.ledger import import_table

            console().print(import_table(plan, result, st.lang))
        say(
            _("would import {file}: {counts}; nothing written to {ledger} (--dry-run)").format(
                file=clip_path(name), counts=counts, ledger=clip_path(location.shown)
            )
            + periods
        )
    elif result.written:
        said = _("imported {file}: {counts} into {ledger} (batch {batch})").format(
            file=clip_path(name),
            counts=counts,
            ledger=clip_path(location.shown),
            batch=result.batch,
        )
        said += periods
        streams.wrote(said, held=json_out)  # an output lost after this says it was imported
        if not json_out:
            say(said)
    else:
        say(
            _("{file}: nothing to import ({counts}); {ledger} unchanged").format(
                file=clip_path(name), counts=counts, ledger=clip_path(location.shown)
            )
            + periods
        )
    advise(store)
    if json_out:
        shown = import_json(plan, location.shown, result, dry_run, notes, skipped, read.file_rows)
        emit(shown, utf8=True)
