"""JSON and CSV output: data on stdout, built from models, never scraped from tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from plancli.model import Baseline, Number, Plan, ProjectCount, Target
from plancli.safe import csv_cell, json_text

SCHEMA_VERSION = 1


def dump_json(model: BaseModel) -> str:
    """UTF-8 JSON (Chinese as is, not \\u-escaped), numbers as numbers, two-space indent.

    The exact text of every string: only the characters a terminal would act on and JSON
    leaves raw (DEL, C1 controls, bidi overrides) are \\u-escaped (`safe.json_text`)."""
    return json_text(model.model_dump_json(indent=2))


def dumps(data: Any) -> str:
    return json_text(json.dumps(data, ensure_ascii=False, indent=2))


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row; None becomes an empty cell. Text is written so that neither a
    terminal nor a spreadsheet runs it: control characters shown, and a cell a spreadsheet
    would take for a formula prefixed with `'` (`safe.csv_cell`); numbers stay numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(column) for column in columns])
    for row in rows:
        writer.writerow(["" if cell is None else csv_cell(cell) for cell in row])
    return buffer.getvalue()


# ---------------------------------------------------------------- output models (the contract)


class TargetsOutput(BaseModel):
    """`plancli targets --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    targets: list[Target]


class FindingOut(BaseModel):
    level: str
    code: str
    target: str | None
    message: str


class ValidateOutput(BaseModel):
    """`plancli validate --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    file: str
    valid: bool
    targets: int
    findings: list[FindingOut]


class HistoryRecord(BaseModel):
    """One revision of a figure: a ledger record, and whether it is the one in force."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    recorded_by: str | None = Field(
        default=None, description="the database user who wrote it (PostgreSQL ledgers; else null)"
    )
    current: bool = Field(description="true for the revision in force; false once superseded")


class AmendmentOut(BaseModel):
    """A mid-year adjustment (年中调整) of a target's bound, as the ledger keeps it."""

    target: str
    period: str = Field(description="the amended bound applies from the end of this period on")
    min: Number | None
    max: Number | None
    around: Number | None
    tolerance: Number | None
    stretch: Number | None
    bound: str = Field(description="the amended bound as text: ≥ 6 %, ≈ 5 %, fall ≥ 3.5 %")
    note: str | None
    recorded_at: datetime
    batch: str
    current: bool = Field(
        description="false once a later amendment of the target from the same or an earlier "
        "period superseded it (it is then never in force)"
    )


class HistoryOutput(BaseModel):
    """`plancli history --json`: every revision, oldest first."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str = Field(description="path of the ledger file the records were read from")
    target: str | None = Field(description="the target asked for, or null for all")
    records: list[HistoryRecord]
    amendments: list[AmendmentOut] = Field(
        default_factory=list, description="mid-year adjustments of bounds, oldest first"
    )


class AmendOutput(BaseModel):
    """`plancli amend --json`: the amendment recorded (or that would be, or already was)."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str
    written: bool = Field(description="false for --dry-run and for an amendment already in force")
    unchanged: bool = Field(description="the same amendment is already in force: nothing written")
    amendment: AmendmentOut
    plan_bound: str = Field(description="the plan's own bound (pending: no bound yet)")
    previous: AmendmentOut | None = Field(
        description="the amendment in force from that period on before this one (null: the plan's)"
    )


class PreviousFigure(BaseModel):
    """The figure in force for a target and period before a write (or after an undo)."""

    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str


class WrittenRecord(BaseModel):
    """One figure of a `record` or an `import`: written, would be (--dry-run), or already in
    force (`change` = unchanged: nothing written)."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    change: Literal["new", "revised", "unchanged"] = Field(
        description="new: no figure for that target and period before; revised: supersedes "
        "`previous`; unchanged: equal to `previous`, nothing written"
    )
    previous: PreviousFigure | None = Field(description="the figure in force before (null: none)")
    row: int | None = Field(default=None, description="import: the row of the file")
    warnings: list[str] = Field(default_factory=list)


class WriteCounts(BaseModel):
    new: int
    revised: int
    unchanged: int
    rows: int = Field(description="figures given: 1 for `record`, the file's rows for `import`")


class RecordOutput(BaseModel):
    """`plancli record --json` and `plancli import --json`: what was written."""

    schema_version: int = SCHEMA_VERSION
    command: Literal["record", "import"]
    plan: str
    ledger: str
    file: str | None = Field(default=None, description="import: the file read (- : stdin)")
    dry_run: bool
    written: bool = Field(description="false for --dry-run and when every figure was in force")
    batch: str | None = Field(description="the batch written (`plancli undo` reverts it)")
    counts: WriteCounts
    records: list[WrittenRecord]


class RevertedRecord(BaseModel):
    """A record an undo removes, and the figure in force for its target and period after."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    restored: PreviousFigure | None = Field(
        description="the figure in force after the undo (null: none)"
    )


class RevertedAmendment(BaseModel):
    amendment: AmendmentOut
    restored: AmendmentOut | None = Field(
        description="the amendment in force from its period on after the undo (null: the plan's)"
    )


class UndoCounts(BaseModel):
    records: int
    amendments: int


class UndoOutput(BaseModel):
    """`plancli undo --json`: the batch reverted (or that would be, with --dry-run)."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str
    dry_run: bool
    written: bool = Field(description="false for --dry-run and when there was nothing to undo")
    batch: str | None = Field(description="the batch reverted (null: the ledger was empty)")
    counts: UndoCounts
    records: list[RevertedRecord]
    amendments: list[RevertedAmendment]


def previous_figure(record: Any) -> PreviousFigure | None:
    """A ledger record as the figure in force (None stays None)."""
    if record is None:
        return None
    return PreviousFigure(
        value=record.value,
        amount=record.amount,
        note=record.note,
        source=record.source,
        recorded_at=record.recorded_at,
        batch=record.batch,
    )


def targets_csv(targets: list[Target]) -> tuple[list[str], list[list[object]]]:
    """`targets --csv`: the JSON fields as columns, nested tables flattened (`baseline_year`),
    lists joined with `;`, booleans as true/false; derived from the model, so the two agree."""
    nested: dict[str, type[BaseModel]] = {"baseline": Baseline, "projects": ProjectCount}
    columns: list[str] = []
    for name in Target.model_fields:
        if name in nested:
            columns += [f"{name}_{sub}" for sub in nested[name].model_fields]
        else:
            columns.append(name)
    rows = []
    for target in targets:
        flat: dict[str, object] = {}
        for name, value in target.model_dump(mode="json").items():
            if name in nested:
                for sub in nested[name].model_fields:
                    flat[f"{name}_{sub}"] = value.get(sub) if value else None
            else:
                flat[name] = value
        rows.append([_csv_cell(flat[column]) for column in columns])
    return columns, rows


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def targets_output(plan: Plan, targets: list[Target]) -> TargetsOutput:
    return TargetsOutput(plan=plan.plan.id, targets=targets)


def json_schemas() -> dict[str, dict[str, object]]:
    """JSON Schemas: the plan file (as read) and each JSON output (as written)."""
    from plancli.assess import GapOutput, ShowOutput, StatusOutput  # assess imports this module

    return {
        "plan": Plan.model_json_schema(mode="validation"),
        "targets": TargetsOutput.model_json_schema(mode="serialization"),
        "show": ShowOutput.model_json_schema(mode="serialization"),
        "validate": ValidateOutput.model_json_schema(mode="serialization"),
        "history": HistoryOutput.model_json_schema(mode="serialization"),
        "amend": AmendOutput.model_json_schema(mode="serialization"),
        "record": RecordOutput.model_json_schema(mode="serialization"),
        "import": RecordOutput.model_json_schema(mode="serialization"),
        "undo": UndoOutput.model_json_schema(mode="serialization"),
        "gap": GapOutput.model_json_schema(mode="serialization"),
        "status": StatusOutput.model_json_schema(mode="serialization"),
    }
