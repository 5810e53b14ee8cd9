"""Ledger commands: record, import, history, undo. Parse, call the core, render, exit.

Talk (confirmations, warnings, the undo question) goes to stderr; data (history, the import
dry-run table) to stdout. `record` and `import` import no Rich unless they print a table, to
keep a cron job's start-up short.
"""

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli import streams
from plancli.cli.app import CsvOpt, JsonOpt, command, one_format, say, say_created, state
from plancli.cli.completion import complete_target
from plancli.cli.figure_args import FigureCommand
from plancli.cli.streams import emit, emit_csv
from plancli.cli.written import import_json, written_record
from plancli.errors import InputError, os_reason
from plancli.i18n import _, ngettext
from plancli.safe import clip_path, visible

if TYPE_CHECKING:
    from plancli.model import Plan
    from plancli.stores.base import LedgerStore
    from plancli.undo import UndoPlan

# The warnings of an import printed, as the refusals are: the first of them, then how many more.
WARNINGS_SHOWN = 1000

DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help=_("Check and show what would change; write nothing.")),
]
WrittenJsonOpt = Annotated[
    bool,
    typer.Option("--json", help=_("Print what was written as JSON on stdout (`plancli schema`).")),
]
TargetArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help=_("Target id (see `plancli targets`)."),
        autocompletion=complete_target,
    ),
]


def _advise(store: "LedgerStore") -> None:
    """The store's word on its fitness: a large TOML ledger is advised to move to SQLite."""
    advice = store.advice()
    if advice is not None:
        say(_("note: {message}").format(message=advice))


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
                "Cumulative targets: VALUE is this period's increment, added to the "
                "latest earlier period's total."
            ),
        ),
    ] = False,
    dry_run: DryRunOpt = False,
    json_out: WrittenJsonOpt = False,
) -> None:
    from plancli.figure_slips import record_warnings
    from plancli.figure_words import as_written
    from plancli.ledger import Entry, record_entry, with_warnings
    from plancli.record_text import pending_note, record_message
    from plancli.stores import open_store

    st = state(ctx)
    # The plan as plain data: checking a figure needs no models (a 10,000-target plan took
    # longer to validate than the rest of a `record`).
    plan = st.plain_plan
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
        say(
            _("note: a late correction; later periods keep their own figures ({periods})").format(
                periods=", ".join(change.later)
            )
        )
    for warning in change.warnings:
        say(_("warning: {message}").format(message=warning))
    if (target := plan.target(change.record.target)) is not None and target.pending:
        amended = any(a.target == target.id for a in store.amendments())
        if (pending := pending_note(plan, change.record, amended)) is not None:
            say(_("note: {message}").format(message=pending))
    _advise(store)
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
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help=_(
                "CSV with header target,period,value[,amount,note,source], a JSON list of "
                "such objects, JSON Lines, or an Excel .xlsx sheet with the CSV's columns; "
                "`-` reads stdin."
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
    from plancli.bulletin import resolve_rows
    from plancli.bulletin_blanks import figureless_lines
    from plancli.import_skip import (
        names_no_target,
        skipped_lines,
        skipped_rows,
        unknown_hint,
        unknown_rows,
        without,
    )
    from plancli.imports import ImportRejected, import_rows, read_import
    from plancli.read_notes import ReadNotes
    from plancli.record_text import import_counts
    from plancli.stores import open_store

    st = state(ctx)
    location = st.ledger_location
    creating = st.ledger_to_create()
    store = open_store(location)
    store.check_writable()  # before reading a possibly long stdin
    # The file is read before the plan is loaded: a file over a limit is refused at once,
    # and the rows do not need the plan until they are checked.
    from plancli.cli.inputs import open_input

    name, stream, size = open_input(file)
    try:
        notes = ReadNotes()
        if not (skip_unknown and json_out):  # --json lists every row skipped: keep them
            # Rows naming no target past the first 1,000 are counted, not kept (audit S D7).
            notes.no_target = names_no_target(lambda: st.plain_plan)
        name, rows, problems = read_import(stream, name, size=size, sheet=sheet, notes=notes)
    except OSError as exc:  # the file, or stdin, failed while it was read
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=clip_path(name), reason=os_reason(exc))
        ) from None
    finally:
        if file != "-":
            stream.close()
    plan = st.plain_plan
    # Names, bulletin periods and 累计值 mapped by the plan (bulletin.py), before the checks.
    rows = resolve_rows(plan, name, rows, problems, notes, notes.targets, notes.periods)
    if notes.template_cells:  # a template's rows changed where they should not be?
        from plancli.shared_ledger import database_owners
        from plancli.template_check import template_problems

        # A database's 牵头单位, not the file's, decide whose sheet a row belongs to.
        template_problems(plan, notes, problems, store.read, lambda: database_owners(location))
    # The texts resolve_rows found naming no target: not every text looked up again.
    texts: Iterable[str] | None = notes.unknown
    if texts is None:
        texts = notes.targets or {row.entry.target for row in rows}
    unknown = unknown_rows(plan, rows, texts)
    rows = without(rows, unknown) if skip_unknown else rows  # left out, and listed below
    if not skip_unknown:
        problems.more += notes.dropped  # bad rows, counted
    # Without --json, the rows are checked and written as a stream (a million rows: the
    # figures in force and the rows in memory, not a model of each); --json lists them all.
    try:
        result = import_rows(
            store, plan, name, rows, problems, dry_run=dry_run, keep=json_out, pasted=notes.pasted
        )
    except ImportRejected as rejected:
        from plancli.column_labels import with_column_labels

        labelled = with_column_labels(rejected, notes)  # '本月止累计' '2,004.9亿元': …
        if unknown and not skip_unknown:
            raise unknown_hint(plan, labelled, unknown, notes.dropped) from None
        raise labelled from None
    skipped = skipped_rows(plan, unknown) if skip_unknown else []
    say_created(location.path, creating, result.written, dry_run, store)
    if notes.sheet is not None:
        say(notes.sheet)
    if notes.encoding == "GB18030":
        say(
            _("{file}: read as GB18030 text (Excel's CSV on a Chinese Windows)").format(
                file=clip_path(name)
            )
        )
    if notes.header is not None and notes.header.period:
        message = _(
            "{file}: no period column; every row is for {period}, as its title or file name says"
        )
        say(message.format(file=clip_path(name), period=notes.header.period))
    if notes.blank_rows:
        say(
            ngettext(
                "{file}: {n} blank row skipped (a template row with no figure yet)",
                "{file}: {n} blank rows skipped (template rows with no figure yet)",
                notes.blank_rows,
            ).format(file=clip_path(name), n=notes.blank_rows)
        )
    if notes.no_data_rows:
        say(
            ngettext(
                "{file}: {n} row marked — (no data) skipped",
                "{file}: {n} rows marked — (no data) skipped",
                notes.no_data_rows,
            ).format(file=clip_path(name), n=notes.no_data_rows)
        )
    if notes.total_rows:
        say(
            ngettext(
                "{file}: {n} total row (合计, 总计, 小计: the table's, not a target) skipped",
                "{file}: {n} total rows (合计, 总计, 小计: the table's, not a target) skipped",
                notes.total_rows,
            ).format(file=clip_path(name), n=notes.total_rows)
        )
    for line in [
        *figureless_lines(name, notes),
        *skipped_lines(plan, name, skipped, notes.dropped),
    ]:
        say(line)  # a bulletin's rows with no figure (bulletin_blanks), the rows of no target
    warned: dict[int, list[str]] = {}
    for row, message in [*notes.warnings, *result.row_warnings()]:
        warned.setdefault(row, []).append(message)
    lines = [(row, warning) for row in sorted(warned) for warning in warned[row]]
    for row, warning in lines[:WARNINGS_SHOWN]:
        say(
            _("warning: {file}:{row}: {message}").format(
                file=clip_path(name), row=row, message=warning
            )
        )
    if len(lines) > WARNINGS_SHOWN:  # a file of 190,000 slips: a terminal cannot read them
        more = len(lines) - WARNINGS_SHOWN
        say(
            ngettext(
                "warning: {file}: {n} more warning not shown (`import --json` lists each row's)",
                "warning: {file}: {n} more warnings not shown (`import --json` lists each row's)",
                more,
            ).format(file=clip_path(name), n=f"{more:,}")
        )
    from plancli.import_summary import periods_text, stale_sheet

    stale = stale_sheet(name, result, notes, store.read)
    if stale is not None:
        say(_("warning: {message}").format(message=stale))
    counts, periods = import_counts(result), periods_text(result)
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
    _advise(store)
    if json_out:
        emit(import_json(plan, location.shown, result, dry_run, notes, skipped), utf8=True)


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
    # a roll-up's own figure its parts' later sum superseded is not `*`, as `show` says
    revisions = history(records, target_id, plan.plan.year)
    revisions = set_aside(revisions, superseded_owns(revisions, plan, records, amendments))
    adjustments = amendment_history(amendments, target_id, plan.plan.year)
    if note := outside_year_note(amendments, plan.plan.year, location.shown):
        say(note)
    from plancli.stored_classes import records_warning

    listed = records if target_id is None else [r for r in records if r.target == target_id]
    if note := records_warning(plan, listed):  # a figure in 类 from before: 2.5, as `show`
        say(note)
    if json_out:
        from plancli.history import amendment_out, history_record
        from plancli.output import HistoryOutput, dump_json

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
        say(_no_records(target_id, location.shown))
    else:
        from plancli.render import console
        from plancli.render.ledger import amendments_table, history_table

        out_console = console()
        if revisions:
            out_console.print(history_table(plan, revisions, location.shown, st.lang, target_id))
        else:
            say(_no_records(target_id, location.shown))
        if adjustments:
            out_console.print(amendments_table(plan, adjustments, st.lang, target_id))


def _no_records(target_id: str | None, ledger: str) -> str:
    if target_id:
        return _("no records of {target} in {ledger}").format(
            target=target_id, ledger=clip_path(ledger)
        )
    return _("no records in {ledger}").format(ledger=clip_path(ledger))


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
    check_undo_allowed(store, undo, contents)
    from plancli.render import console
    from plancli.render.ledger import undo_table

    # A dry run's table is its output (stdout), as import --dry-run's is; before a real
    # revert it goes with the question (stderr), and beside --json's JSON it is a message.
    console(stderr=not dry_run or json_out).print(undo_table(plan, undo, st.lang))
    count = _count(undo)
    if dry_run:
        say(
            _("would revert {count} of batch {batch}; nothing written (--dry-run)").format(
                count=count, batch=undo.batch
            )
        )
        if json_out:
            emit(_undo_json(plan, location.shown, undo, dry_run, written=False), utf8=True)
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
            confirmed = typer.confirm(visible(question), err=True)
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
    _advise(store)
    if json_out:
        emit(_undo_json(plan, location.shown, undo, dry_run, written=True), utf8=True)


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
