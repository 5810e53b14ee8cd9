"""Ledger commands: record, import, history, undo. Parse, call the core, render, exit.

Talk (confirmations, warnings, the undo question) goes to stderr; data (history, the import
dry-run table) to stdout. `record` and `import` import no Rich unless they print a table, to
keep a cron job's start-up short.
"""

import io
import os
import stat
import sys
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from plancli.cli.app import CsvOpt, JsonOpt, command, emit, one_format, state
from plancli.errors import InputError

if TYPE_CHECKING:
    from plancli.ledger import Change
    from plancli.model import Plan

DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", "-n", help="Check and show what would change; write nothing.")
]


def _say(text: str) -> None:
    typer.echo(text, err=True)


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
            "YTD growth % (growth), the level, or percent done 0–100 or `done` (milestone).",
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Period it describes: 2022-06, 2022-Q2, 2022-H1 or 2022."
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
    change = record_entry(open_store(location), plan, entry, dry_run=dry_run)
    _say(_record_message(plan, change, str(location.path), dry_run))
    if change.later and not change.unchanged:
        _say(
            f"note: a late correction; later periods keep their own figures "
            f"({', '.join(change.later)})"
        )
    for warning in change.warnings:
        _say(f"warning: {warning}")


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
    from plancli.imports import import_rows, read_import
    from plancli.ledger import open_store

    st = state(ctx)
    location = st.ledger_location
    store = open_store(location)
    store.check_writable()  # before reading a possibly long stdin
    # The file is read before the plan is loaded: a file over a limit is refused at once,
    # and the rows do not need the plan until they are checked.
    name, stream, size = _open_input(file)
    try:
        name, rows, problems = read_import(stream, name, size=size, sheet=sheet)
    except OSError as exc:  # the file, or stdin, failed while it was read
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        if file != "-":
            stream.close()
    plan = st.plan
    result = import_rows(store, plan, name, rows, problems, dry_run=dry_run)
    for row_change in [*result.changes, *result.unchanged]:
        for warning in row_change.change.warnings:
            _say(f"warning: {name}:{row_change.row}: {warning}")
    counts = (
        f"{result.new} new, {result.revised} revised, {len(result.unchanged)} unchanged "
        f"of {result.rows} row{'s' if result.rows != 1 else ''}"
    )
    if dry_run:
        if result.changes:
            from plancli.render import console
            from plancli.render.ledger import import_table

            console().print(import_table(plan, result, st.lang))
        _say(f"would import {name}: {counts}; nothing written to {location.path} (--dry-run)")
    elif result.written:
        _say(f"imported {name}: {counts} into {location.path} (batch {result.batch})")
    else:
        _say(f"{name}: nothing to import ({counts}); {location.path} unchanged")


def _stdin_bytes() -> "BinaryIO":
    stream = getattr(sys.stdin, "buffer", None)
    return stream if stream is not None else io.BytesIO(sys.stdin.read().encode())


def _open_input(file: str) -> "tuple[str, BinaryIO, int | None]":
    """(name, stream, size) of the file to import; size None when it is not a regular file
    (stdin from a pipe), whose size is then checked while it is read."""
    if file == "-":
        name, stream = "<stdin>", _stdin_bytes()
    else:
        try:
            name, stream = file, open(file, "rb")  # noqa: SIM115 (closed by the caller)
        except OSError as exc:
            raise InputError(f"{file}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return name, stream, None
    return name, stream, info.st_size if stat.S_ISREG(info.st_mode) else None


@command("history")
def history_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Only this target (default: all).")
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """Every recorded revision, oldest first; `*` marks the figure in force."""
    from plancli.ledger import history, read_records

    one_format(json_out, csv_out)
    st = state(ctx)
    plan = st.plan
    location = st.ledger_location
    records = read_records(location.path)
    if (
        target_id is not None
        and plan.target(target_id) is None
        and not any(r.target == target_id for r in records)
    ):
        from plancli.plan import unknown_target_message

        raise InputError(unknown_target_message(plan, target_id))
    revisions = history(records, target_id)
    if json_out:
        from plancli.output import HistoryOutput, HistoryRecord, dump_json

        out = HistoryOutput(
            plan=plan.plan.id,
            ledger=str(location.path),
            target=target_id,
            records=[
                HistoryRecord(**rev.record.model_dump(), current=rev.current) for rev in revisions
            ],
        )
        emit(dump_json(out))
    elif csv_out:
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
    elif not revisions:
        what = f"of {target_id} " if target_id else ""
        _say(f"no records {what}in {location.path}")
    else:
        from plancli.render import console
        from plancli.render.ledger import history_table

        console().print(history_table(plan, revisions, str(location.path), st.lang, target_id))


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
    undo = last_batch(store.read())
    if undo is None:
        _say(f"nothing to undo: {location.path} has no records")
        return
    from plancli.render import console
    from plancli.render.ledger import undo_table

    console(stderr=True).print(undo_table(plan, undo, st.lang))
    count = f"{len(undo.steps)} record{'s' if len(undo.steps) != 1 else ''}"
    if dry_run:
        _say(f"would revert {count} of batch {undo.batch}; nothing written (--dry-run)")
        return
    if not yes:
        if not _interactive():
            raise InputError(
                "undo asks before reverting, and stdin is not a terminal; "
                "pass --yes to revert without asking"
            )
        try:
            confirmed = typer.confirm(f"Revert {count} of batch {undo.batch}?", err=True)
        except typer.Abort:  # end of input
            raise InputError(
                "no answer; nothing reverted (pass --yes to skip the question)"
            ) from None
        if not confirmed:
            _say("nothing reverted")
            return
    done = undo_batch(store, undo)
    _say(f"reverted {count} of batch {done.batch} in {location.path}")
