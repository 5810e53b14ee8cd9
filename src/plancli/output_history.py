"""The documents of `history --json` and `targets --json`/`--csv`: the ledger's revisions (records
and amendments, each saying whether it is in force) and the plan's targets, each with the
amendment in force at the year's end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from plancli.output import SCHEMA_VERSION, doc, plain_data
from plancli.plain import Baseline, Number, ProjectCount, Target

if TYPE_CHECKING:
    from plancli.plain import AnyPlan


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class TargetsOutput:
    """`plancli targets --json`."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    targets: list[Target]
    amendments: list[AmendmentOut] = field(
        default_factory=list,
        metadata=doc(
            "the amendment in force at the plan year's end of each target listed that was "
            "adjusted mid-year (年中调整), dropped or re-instated, read from the ledger; "
            "`min`/`max` of `targets` stay the plan's"
        ),
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class HistoryRecord:
    """One revision of a figure: a ledger record, and whether it is the one in force."""

    target: str
    period: str
    value: Number
    amount: Number | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    recorded_by: str | None = field(
        default=None,
        metadata=doc("the database user who wrote it (PostgreSQL ledgers; else null)"),
    )
    current: bool = field(
        metadata=doc(
            "true for the revision in force; false once superseded (a roll-up's own figure"
            " too, once every part has a later figure and their sum is judged instead)"
        )
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class AmendmentOut:
    """A mid-year adjustment (年中调整) of a target's bound, as the ledger keeps it."""

    target: str
    period: str = field(metadata=doc("the amended bound applies from the end of this period on"))
    min: Number | None
    max: Number | None
    around: Number | None
    tolerance: Number | None
    stretch: Number | None
    bound: str = field(
        metadata=doc("the amended bound as text: ≥ 6 %, ≈ 5 %, fall ≥ 3.5 %; dropped for a drop")
    )
    dropped: bool = field(
        metadata=doc("a drop (amend --drop, 不再考核): no longer judged from the period on")
    )
    note: str | None
    recorded_at: datetime
    batch: str
    recorded_by: str | None = field(
        default=None,
        metadata=doc("the database user who wrote it (PostgreSQL ledgers; else null)"),
    )
    current: bool = field(
        metadata=doc(
            "false once a later amendment of the target from the same or an earlier period "
            "superseded it (it is then never in force)"
        )
    )


@dataclass(slots=True, kw_only=True, eq=False, repr=False)
class HistoryOutput:
    """`plancli history --json`: every revision, oldest first."""

    schema_version: int = SCHEMA_VERSION
    plan: str
    ledger: str = field(metadata=doc("path of the ledger file the records were read from"))
    target: str | None = field(metadata=doc("the target asked for, or null for all"))
    records: list[HistoryRecord]
    amendments: list[AmendmentOut] = field(
        default_factory=list, metadata=doc("mid-year adjustments of bounds, oldest first")
    )


def targets_csv(
    targets: list[Target], amended: Mapping[str, AmendmentOut] | None = None
) -> tuple[list[str], list[list[object]]]:
    """`targets --csv`: the JSON fields as columns, nested tables flattened (`baseline_year`),
    lists joined with `;`, booleans as true/false; derived from the dataclasses, so the two
    agree. Then the amendment in force at the year's end (`--json`'s `amendments`):
    `amended_from`, `amended_bound` (`dropped` for a drop) and `amendment_note`, empty for a
    target not amended."""
    amended = amended or {}
    nested: dict[str, tuple[str, ...]] = {
        "baseline": Baseline._fields,
        "projects": ProjectCount._fields,
    }
    columns: list[str] = []
    for name in Target._fields:
        if name in nested:
            columns += [f"{name}_{sub}" for sub in nested[name]]
        else:
            columns.append(name)
    rows = []
    for target in targets:
        flat: dict[str, object] = {}
        for name, value in plain_data(target).items():
            if name in nested:
                for sub in nested[name]:
                    flat[f"{name}_{sub}"] = value.get(sub) if value else None
            else:
                flat[name] = value
        amendment = amended.get(target.id)
        adjusted = [amendment.period, amendment.bound, amendment.note] if amendment else [None] * 3
        rows.append([*(_csv_cell(flat[column]) for column in columns), *adjusted])
    return [*columns, "amended_from", "amended_bound", "amendment_note"], rows


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def targets_output(
    plan: AnyPlan, targets: list[Target], amended: Mapping[str, AmendmentOut] | None = None
) -> TargetsOutput:
    amendments = [amended[t.id] for t in targets if t.id in amended] if amended else []
    return TargetsOutput(plan=plan.plan.id, targets=targets, amendments=amendments)
