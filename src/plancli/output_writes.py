"""The JSON documents of the commands that write (`record`, `import`, `undo`, `amend`) and of
`validate`: apart from the read commands' (`output.py`), whose every run would otherwise pay
for building these classes (issue 15)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from plancli.errors import PlanFileError, PlanProblem
from plancli.output import SCHEMA_VERSION, doc
from plancli.output_history import AmendmentOut
from plancli.plain import Number


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class FindingOut:
    level: Literal["error", "warning"] = field(
        metadata=doc(
            "error: the plan does not load, or --source is evidently not its report (exit 3); "
            "warning: it does, look at this"
        )
    )
    code: str = field(
        metadata=doc(
            "invalid_plan for a plan's error, wrong_report for --source's; the warning's kind"
        )
    )
    target: str | None
    message: str
    line: int | None = field(
        default=None, metadata=doc("error: the plan file's line, where the error names one")
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class ValidateOutput:
    """`plancli validate --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str | None = field(metadata=doc("the plan's id; null when it does not load"))
    file: str
    valid: bool = field(
        metadata=doc(
            "false: the plan does not load, or most of its quotes are not in --source "
            "(exit 3), see the errors"
        )
    )
    targets: int | None = field(metadata=doc("how many targets; null when it does not load"))
    findings: list[FindingOut]


def invalid_plan_output(file: str, exc: PlanFileError) -> ValidateOutput:
    """`validate --json` of a plan that does not load: `valid` false, an `error` finding per
    problem (its line and target where the error names them), no plan id nor count."""
    problems = exc.located
    if not problems:  # one error, `FILE[:LINE[:COLUMN]]: message` (invalid TOML, not UTF-8…)
        found = re.match(rf"{re.escape(file)}(?::(\d+)(?::\d+)?)?: (.*)", str(exc), re.DOTALL)
        line, message = (found.group(1), found.group(2)) if found else (None, str(exc))
        problems = (PlanProblem(int(line) if line else None, "", None, message),)
    findings = [
        FindingOut(
            level="error", code="invalid_plan", target=p.target, message=p.message, line=p.line
        )
        for p in problems
    ]
    return ValidateOutput(plan=None, file=file, valid=False, targets=None, findings=findings)


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class AmendedOut(AmendmentOut):
    """`amend --json`'s amendment: its time and batch null where nothing was written."""

    recorded_at: datetime | None = field(  # type: ignore[assignment]
        metadata=doc("when it was written (null: not written, --dry-run or unchanged)")
    )
    batch: str | None = field(  # type: ignore[assignment]
        metadata=doc(
            "the batch that wrote it, which `plancli undo --batch` reverts (null: not written, "
            "--dry-run or unchanged, the one in force being `previous`: a script never gets a "
            "batch undo refuses)"
        )
    )


def amended_out(amendment: AmendmentOut, written: bool) -> AmendedOut:
    """`amendment` as `amend --json` gives it: one not written (a dry run, or unchanged) has
    no time or batch, as `record --json`'s figures (session 42: it had a batch never written,
    which `undo --batch` then refused)."""
    out = AmendedOut(**{name: getattr(amendment, name) for name in _AMENDMENT_FIELDS})
    if not written:
        out.recorded_at = out.batch = None
    return out


_AMENDMENT_FIELDS = tuple(AmendmentOut.__dataclass_fields__)


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class AmendOutput:
    """`plancli amend --json`: the amendment recorded (or that would be, or already was)."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str
    written: bool = field(metadata=doc("false for --dry-run and for an amendment already in force"))
    unchanged: bool = field(metadata=doc("the same amendment is already in force: nothing written"))
    amendment: AmendedOut
    plan_bound: str = field(metadata=doc("the plan's own bound (pending: no bound yet)"))
    previous: AmendmentOut | None = field(
        metadata=doc(
            "the amendment in force from that period on before this one (null: the plan's)"
        )
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class PreviousFigure:
    """The figure in force for a target and period before a write (or after an undo)."""

    period: str = field(
        metadata=doc(
            "its period: the record's, or another ending the same month (2022-Q2 for 2022-06)"
        )
    )
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class WrittenRecord:
    """One figure of a `record` or an `import`: written, would be (--dry-run), or already in
    force (`change` = unchanged: nothing written)."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime | None = field(
        metadata=doc("when it was written (null: not written - unchanged, kept or --dry-run)")
    )
    batch: str | None = field(
        metadata=doc(
            "the batch that wrote it (null: not written - unchanged, kept or --dry-run; the "
            "figure in force's batch is `previous`'s)"
        )
    )
    change: Literal["new", "revised", "unchanged", "kept"] = field(
        metadata=doc(
            "new: no figure for that target and period before; revised: supersedes "
            "`previous`; unchanged: equal to `previous`, nothing written; kept (import): a "
            "figure the target and period had before `previous`, a later correction, "
            "superseded it: not written"
        )
    )
    previous: PreviousFigure | None = field(
        metadata=doc(
            "the figure in force before at that position (its period's, or another's ending "
            "the same month; null: none)"
        )
    )
    row: int | None = field(default=None, metadata=doc("import: the row of the file"))
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class WriteCounts:
    new: int
    revised: int
    unchanged: int
    rows: int = field(
        metadata=doc(
            "rows given: 1 for `record`; for `import` the file's rows read (a row of a series "
            "across the columns, one figure a period, counts once)"
        )
    )
    figures: int = field(
        metadata=doc(
            "figures given: 1 for `record`; for `import` one a row, or one a period of a "
            "series' row (2 rows × 4 periods: 8 figures in 2 rows)"
        )
    )
    kept: int = field(
        default=0,
        metadata=doc("import: rows kept out, their figure superseded by a later correction"),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class SkippedOut:
    """A row `import --skip-unknown` left out: it names no target of the plan."""

    row: int = field(metadata=doc("the row of the file"))
    target: str = field(metadata=doc("the target's id or name as the file gives it"))
    suggestions: list[str] = field(
        metadata=doc(
            "ids of the targets closest to it (a misspelt name? 城镇调查失业率 is another "
            "indicator than 城镇登记失业率 (unemployment_rate), which is listed)"
        )
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class RecordOutput:
    """`plancli record --json` and `plancli import --json`: what was written."""

    schema_version: int = SCHEMA_VERSION
    command: Literal["record", "import"]
    plan: str
    ledger: str
    file: str | None = field(
        default=None,
        metadata=doc("import: the file read (- : stdin), FILE:SHEET for a workbook"),
    )
    sheet: str | None = field(
        default=None, metadata=doc("import: the workbook's sheet read, its name as the file has it")
    )
    dry_run: bool
    written: bool = field(metadata=doc("false for --dry-run and when every figure was in force"))
    batch: str | None = field(metadata=doc("the batch written (`plancli undo` reverts it)"))
    counts: WriteCounts
    records: list[WrittenRecord]
    encoding: str | None = field(
        default=None,
        metadata=doc(
            "import: the text encoding read: UTF-8, UTF-8 with BOM or GB18030 (null: a "
            "workbook, or record)"
        ),
    )
    blank_rows: int = field(
        default=0,
        metadata=doc("import: rows of a `plancli template` sheet left blank, skipped"),
    )
    no_data_rows: int = field(
        default=0,
        metadata=doc(
            'import: rows with no figure, skipped: all a table\'s "no data" mark (—) or empty '
            "(a target's figure not out yet), a total row, a section heading, a footnote (注：…)"
        ),
    )
    skipped_columns: list[str] = field(
        default_factory=list,
        metadata=doc(
            "import: the file's columns read past, by their headers as written (上年同期, "
            "全市排名: a 统计月报's columns plancli does not use, hidden or not)"
        ),
    )
    skipped: list[SkippedOut] = field(
        default_factory=list,
        metadata=doc(
            "import --skip-unknown: the rows left out, naming no target of the plan (without "
            "the option such a row refuses the file)"
        ),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class RevertedRecord:
    """A record an undo removes, and the figure in force for its target and period after."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    restored: PreviousFigure | None = field(
        metadata=doc("the figure in force after the undo (null: none)")
    )
    in_force: bool = field(
        default=True,
        metadata=doc(
            "false: a later batch had already superseded it, so reverting it changes nothing "
            "in force (`restored` is that later figure; `undo --batch`)"
        ),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class RevertedAmendment:
    amendment: AmendmentOut
    restored: AmendmentOut | None = field(
        metadata=doc("the amendment in force from its period on after the undo (null: the plan's)")
    )
    in_force: bool = field(
        default=True,
        metadata=doc("false: a later amendment had already superseded it (`undo --batch`)"),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class UndoCounts:
    records: int
    amendments: int


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class UndoOutput:
    """`plancli undo --json`: the batch reverted (or that would be, with --dry-run)."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str
    dry_run: bool
    written: bool = field(metadata=doc("false for --dry-run and when there was nothing to undo"))
    batch: str | None = field(
        metadata=doc("the batch reverted (the last, or `--batch`'s; null: the ledger was empty)")
    )
    counts: UndoCounts
    records: list[RevertedRecord]
    amendments: list[RevertedAmendment]


def previous_figure(record: Any) -> PreviousFigure | None:
    """A ledger record as the figure in force (None stays None)."""
    if record is None:
        return None
    return PreviousFigure(
        period=record.period,
        value=record.value,
        amount=record.amount,
        note=record.note,
        source=record.source,
        recorded_at=record.recorded_at,
        batch=record.batch,
    )
