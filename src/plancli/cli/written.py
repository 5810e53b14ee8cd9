"""What `record` and `import` print as JSON of what they wrote (`plancli schema`): each figure
with its change (new, revised, unchanged, kept), the one it revised and its warnings."""

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from plancli.import_skip import SkippedRow
    from plancli.imports import ImportResult, RowChange
    from plancli.ledger import Change
    from plancli.plain import AnyPlan
    from plancli.read_notes import ReadNotes


def written_record(
    change: "Change", row: int | None = None, kept: bool = False, *, written: bool
) -> "Any":
    from plancli.output_writes import WrittenRecord, previous_figure

    record = change.record
    kind: Literal["new", "revised", "unchanged", "kept"] = (
        "kept"
        if kept
        else "new"
        if change.previous is None
        else "unchanged"
        if change.unchanged
        else "revised"
    )
    fields = {name: value for name, value in record._asdict().items() if name != "recorded_by"}
    if not written:
        # A figure not written has no batch and no time: an id `undo --batch` never knew would
        # mislead a script that logs it (the figure in force's are `previous`'s).
        fields.update(batch=None, recorded_at=None)
    return WrittenRecord(
        # A plain record (ledger.check_entry); the database sets recorded_by, not the record.
        **fields,
        change=kind,
        previous=previous_figure(change.previous),
        row=row,
        warnings=list(change.warnings),
    )


def import_json(
    plan: "AnyPlan",
    ledger: str,
    result: "ImportResult",
    dry_run: bool,
    notes: "ReadNotes",
    skipped: "list[SkippedRow]",
    file_rows: int | None = None,
) -> str:
    """`import --json`'s document. `file_rows`: the file's rows where a row gives several
    figures (a series across the columns: `series_rows`); else each row gives one."""
    from plancli.bulletin_blanks import figureless_count, read_past
    from plancli.output import dump_json
    from plancli.output_writes import RecordOutput, WriteCounts

    every: list[RowChange] = sorted(
        [*result.changes, *result.unchanged, *result.kept], key=lambda rc: rc.row
    )
    kept = {rc.row for rc in result.kept}
    wrote = {rc.row for rc in result.changes} if result.written else set()
    records = [
        written_record(rc.change, rc.row, rc.row in kept, written=rc.row in wrote) for rc in every
    ]
    if notes.warnings:
        by_row = {record.row: record for record in records}
        for row, message in notes.warnings:
            if row in by_row:
                by_row[row].warnings.insert(0, message)
    return dump_json(
        RecordOutput(
            command="import",
            plan=plan.plan.id,
            ledger=ledger,
            file=getattr(result.name, "exact", result.name),  # a sheet's name exact
            sheet=getattr(result.name, "sheet", None),
            dry_run=dry_run,
            written=result.written,
            batch=result.batch if result.written else None,
            counts=WriteCounts(
                new=result.new,
                revised=result.revised,
                unchanged=len(result.unchanged),
                rows=result.rows if file_rows is None else file_rows,
                figures=result.rows,
                kept=len(result.kept),
            ),
            records=records,
            encoding=notes.encoding,
            blank_rows=notes.blank_rows,
            no_data_rows=notes.no_data_rows + notes.total_rows + figureless_count(notes),
            skipped_columns=read_past(notes),
            skipped=[row.output() for row in skipped],
        )
    )
