"""Ledger commands: record, import, history, undo. Parse, call the core, render, exit.

Talk (confirmations, warnings, the undo question) goes to stderr; data (history, the import
dry-run table) to stdout. `record` and `import` import no Rich unless they print a table, to
keep a cron job's start-up short.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import CsvOpt, JsonOpt, command, emit, one_format, say, state
from plancli.errors import InputError
from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.ledger import Change, LedgerStore
    from plancli.model import Plan

DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", "-n", help="Check and show what would change; write nothing.")
]


def _advise(store: "LedgerStore") -> None:
    """The store's word on its fitness: a large TOML ledger is advised to move to SQLite."""
    advice = store.advice()
    if advice is not None:
        say(f"note: {advice}")


def _utc(record_time: object) -> str:
    return f"{record_time:%Y-%m-%d %H:%M} UTC"


# Negative figures (GDP growth of -2.5 %) must not be taken for options: with
# ignore_unknown_options, `plancli record gdp -2.5 --period 2022-03` works; a mistyped option
# still fails, as an unexpected extra argument.
@command("record", context_settings={"ignore_unknown_options": True})
def record_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="Target id (see `plancli targets`).")
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The figure at the end of the period: year-to-date total (cumulative), "
            "YTD growth % (growth, relative, trend: also as the bulletin writes it, "
            "下降4.0 = -4.0, 增长5.2%), the level, or percent done 0–100 or `done` (milestone).",
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            "-p",
            help="Period it describes: 2022-06, 2022-Q2, 2022-H1 or 2022 (a change target's "
            "base level: the year before, e.g. 2021).",
        ),
    ],
    amount: Annotated[
        str | None,
        typer.Option("--amount", help="Growth targets: the year-to-date amount, in its unit."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A remark kept with the figure.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where the figure comes from (a bulletin).")
    ] = None,
    add: Annotated[
        bool,
        typer.Option(
            "--add",
            help="Cumulative targets: VALUE is this period's increment, added to the "
            "latest earlier period's total.",
        ),
    ] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Record a figure for a target and period (again: supersedes it, history keeps both)."""
    from plancli.ledger import Entry, open_store, record_entry

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    entry = Entry(target_id, period, value, amount, note, source, add)
    store = open_store(location)
    change = record_entry(store, plan, entry, dry_run=dry_run)
    say(_record_message(plan, change, location.shown, dry_run))
    if change.later and not change.unchanged:
        say(
            f"note: a late correction; later periods keep their own figures "
            f"({', '.join(change.later)})"
        )
    for warning in change.warnings:
        say(f"warning: {warning}")
    _advise(store)


def _record_message(plan: "Plan", change: "Change", ledger: str, dry_run: bool) -> str:
    from plancli.fmt import num
    from plancli.ledger import figure_text

    record = change.record
    target = plan.target(record.target)
    figure = figure_text(record.value, record.amount, target)
    if change.unchanged:
        return (
            f"{record.target} {record.period} = {figure} is already the figure in force; "
            f"nothing written ({ledger})"
        )
    text = f"{'would record' if dry_run else 'recorded'} {record.target} {record.period} = {figure}"
    if change.increment is not None:
        base = change.base
        start = f"{base.period}'s {num(base.value)}" if base else "0 at the start of the year"
        text += f" ({start} + {num(change.increment)})"
    text += f"; nothing written to {ledger} (--dry-run)" if dry_run else f" in {ledger}"
    if change.previous is not None:
        previous = change.previous
        text += (
            f"; {'would supersede' if dry_run else 'supersedes'} "
            f"{figure_text(previous.value, previous.amount, target)} "
            f"recorded {_utc(previous.recorded_at)}"
        )
    return text


@command("import")
def import_cmd(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="CSV with header target,period,value[,amount,note,source], a JSON list of "
            "such objects, JSON Lines, or an Excel .xlsx sheet with the CSV's columns; "
            "`-` reads stdin.",
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", metavar="NAME", help="xlsx: the sheet to read (default: the first)."
        ),
    ] = None,
    dry_run: DryRunOpt = False,
) -> None:
    """Import figures (CSV, JSON, xlsx): all rows or none, one batch; re-importing is a no-op."""
    from plancli.imports import import_rows, parse_import
    from plancli.ledger import open_store

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    store = open_store(location)
    store.check_writable()  # before reading a possibly long stdin
    name, data = _read_input(file)
    from plancli.imports_xlsx import is_workbook

    if is_workbook(data):
        from plancli.imports_xlsx import parse_xlsx

        name, rows, problems = parse_xlsx(data, name, sheet)  # name: FILE:SHEET
    elif sheet is not None:
        raise InputError(f"--sheet is for .xlsx workbooks; {name} is CSV or JSON")
    else:
        rows, problems = parse_import(data, name)
    result = import_rows(store, plan, name, rows, problems, dry_run=dry_run)
    for row_change in [*result.changes, *result.unchanged]:
        for warning in row_change.change.warnings:
            say(f"warning: {name}:{row_change.row}: {warning}")
    counts = (
        f"{result.new} new, {result.revised} revised, {len(result.unchanged)} unchanged "
        f"of {result.rows} row{'s' if result.rows != 1 else ''}"
    )
    if dry_run:
        if result.changes:
            from plancli.render import console
            from plancli.render.ledger import import_table

            console().print(import_table(plan, result, st.lang))
        say(f"would import {name}: {counts}; nothing written to {location.shown} (--dry-run)")
    elif result.written:
        say(f"imported {name}: {counts} into {location.shown} (batch {result.batch})")
    else:
        say(f"{name}: nothing to import ({counts}); {location.shown} unchanged")
    _advise(store)


def _read_input(file: str) -> tuple[str, bytes]:
    if file == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return "<stdin>", stream.read() if stream is not None else sys.stdin.read().encode()
    from plancli.paths import read_bytes

    # A regular file only: a FIFO or /dev/zero would block or never end (stdin is `-`).
    return file, read_bytes(Path(file), "an import file")


@command("history")
def history_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Only this target (default: all).")
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Every recorded revision, oldest first (`*`: in force), then the amendments of bounds."""
    from plancli.amend import amendment_history
    from plancli.ledger import history, open_store

    one_format(json_out, csv_out)
    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    contents = open_store(location).contents()
    records, amendments = contents.records, contents.plain_amendments
    if (
        target_id is not None
        and plan.target(target_id) is None
        and not any(r.target == target_id for r in records)
        and not any(a.target == target_id for a in amendments)
    ):
        from plancli.plan import unknown_target_message

        raise InputError(unknown_target_message(plan, target_id))
    revisions = history(records, target_id)
    adjustments = amendment_history(amendments, target_id)
    if json_out:
        from plancli.amend import amendment_out
        from plancli.output import HistoryOutput, HistoryRecord, dump_json

        out = HistoryOutput(
            plan=plan.plan.id,
            ledger=location.shown,
            target=target_id,
            records=[
                HistoryRecord(**rev.record.model_dump(), current=rev.current) for rev in revisions
            ],
            amendments=[amendment_out(plan, a.amendment, a.current) for a in adjustments],
        )
        emit(dump_json(out))
    elif csv_out:
        # One table: the figures (amendments are in --json, and in the table view).
        from plancli.fmt import num
        from plancli.output import csv_text

        columns = [
            "target",
            "period",
            "value",
            "amount",
            "note",
            "source",
            "recorded_at",
            "batch",
            "current",
        ]
        rows = [
            [
                r.target,
                r.period,
                num(r.value),
                num(r.amount),
                r.note,
                r.source,
                f"{r.recorded_at:%Y-%m-%dT%H:%M:%SZ}",
                r.batch,
                str(rev.current).lower(),
            ]
            for rev in revisions
            for r in [rev.record]
        ]
        emit(csv_text(columns, rows))
    elif not revisions and not adjustments:
        what = f"of {target_id} " if target_id else ""
        say(f"no records {what}in {location.shown}")
    else:
        from plancli.render import console
        from plancli.render.ledger import amendments_table, history_table

        out_console = console()
        if revisions:
            out_console.print(history_table(plan, revisions, location.shown, st.lang, target_id))
        else:
            what = f"of {target_id} " if target_id else ""
            say(f"no records {what}in {location.shown}")
        if adjustments:
            out_console.print(amendments_table(plan, adjustments, st.lang, target_id))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _interactive() -> bool:
    """Can we ask? Not when stdin is a pipe, a file or closed (cron, CI, scripts)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin closed
        return False


@command("undo")
def undo_cmd(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Revert without asking.")] = False,
    dry_run: DryRunOpt = False,
) -> None:
    """Revert the last batch (one `record` or one `import`) after showing what it reverts."""
    from plancli.ledger import last_batch, open_store, undo_batch

    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    store = open_store(location)
    store.check_writable()
    contents = store.contents()
    undo = last_batch(contents.records, contents.amendments)
    if undo is None:
        say(f"nothing to undo: {location.shown} has no records")
        return
    from plancli.render import console
    from plancli.render.ledger import undo_table

    console(stderr=True).print(undo_table(plan, undo, st.lang))
    count = _count(len(undo.steps), "record")
    if undo.amendment_steps:
        amendments = _count(len(undo.amendment_steps), "amendment")
        count = f"{count} and {amendments}" if undo.steps else amendments
    if dry_run:
        say(f"would revert {count} of batch {undo.batch}; nothing written (--dry-run)")
        return
    if not yes:
        if not _interactive():
            raise InputError(
                "undo asks before reverting, and stdin is not a terminal; "
                "pass --yes to revert without asking"
            )
        try:
            confirmed = typer.confirm(visible(f"Revert {count} of batch {undo.batch}?"), err=True)
        except typer.Abort:  # end of input
            raise InputError(
                "no answer; nothing reverted (pass --yes to skip the question)"
            ) from None
        if not confirmed:
            say("nothing reverted")
            return
    done = undo_batch(store, undo)
    say(f"reverted {count} of batch {done.batch} in {location.shown}")
    _advise(store)
