"""`plancli template`: a blank input sheet of the figures due for a period, to fill and import.

Pure: which targets are due, and the cells of their rows. A target is due at period P when P
ends where one of its reporting periods ends: a monthly target every month, a quarterly one at
a quarter's end (03, 06, 09, 12, or P = 2022-Qn, 2022-Hn), an annual one at the year's end.
Its row names the period in the target's own rhythm (2022-06, 2022-Q2, 2022), so the ledger
reads like the statistics it comes from.

Left out: roll-ups (their figure is the sum of their parts, which are in the sheet),
milestones already done and targets dropped (不再考核) by the period; with `owner`, the
targets of other departments (the plan's `owner`, 牵头单位; a database ledger's, which it
enforces). The helper columns (name, unit, last value and period, and the owner where the plan
names owners) are for the person filling the sheet in; `plancli import` does not import them,
but refuses a row whose helper cells were changed (`template_check`). The Chinese sheet's
header is in words a clerk reads (`ZH_HEADERS`), which the import reads as the columns they
name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from plancli.assess import Observation, RecordIndex
from plancli.assess.records import AmendmentIndex
from plancli.errors import InputError
from plancli.fmt import num
from plancli.i18n import Lang, _
from plancli.imports import COLUMNS, HELPER_COLUMNS
from plancli.model import Amendment, Frequency, Plan, Record, Target
from plancli.output import csv_text
from plancli.periods import Period
from plancli.plain import plain_amendment
from plancli.radicals import radical_free
from plancli.template_units import ZH_AMOUNT, unit_text

TEMPLATE_COLUMNS: tuple[str, ...] = COLUMNS + HELPER_COLUMNS

# The Chinese sheet's header: words a clerk reads, each one `plancli import` reads back as the
# column it names (`bulletin.HEADERS`, `bulletin.HELPER_HEADERS`); the helpers say they are for
# reference. The Chinese CSV has them too (session 43); the English sheet and CSV keep the
# column ids (docs/formats.md).
ZH_HEADERS: dict[str, str] = {
    "target": "指标代码",
    "period": "期间",
    "value": "本期数值",
    "amount": ZH_AMOUNT,
    "note": "备注",
    "source": "数据来源",
    "name": "指标名称（参考）",
    "unit": "计量单位（参考）",
    "last_value": "已录最新数值（参考）",
    "last_period": "已录最新期间（参考）",
    "owner": "牵头单位",
}

_MONTHS: dict[Frequency, int] = {"monthly": 1, "quarterly": 3, "annual": 12}


@dataclass(frozen=True, slots=True)
class TemplateRow:
    target: Target
    period: Period  # the period to report, in the target's rhythm
    last: Observation | None  # the latest figure in force at or before the period's end
    # its owner (牵头单位): the plan's, or a database ledger's, which it enforces (audit V D8)
    owner: str | None = None


def due_period(frequency: Frequency, at: Period) -> Period | None:
    """The period a target of this frequency reports at `at`, or None when it is not due."""
    end = at.end_month
    if end % _MONTHS[frequency]:
        return None
    if frequency == "monthly":
        return Period.month(at.year, end)
    if frequency == "quarterly":
        return Period(at.year, "Q", end // 3)
    return Period(at.year, "Y", 1)


def template_rows(
    plan: Plan,
    records: Sequence[Record],
    at: Period,
    owner: str | None = None,
    held: Mapping[str, str] | None = None,
    amendments: Sequence[Amendment] = (),
) -> list[TemplateRow]:
    """One row per target due at `at`, in plan order; only `owner`'s targets when given (an
    InputError listing the plan's owners when no target has it). `held`: a database ledger's
    owners, which it enforces, in place of the plan file's (a department's older copy of the
    plan would otherwise hand it another's targets, refused whole at import). A target
    dropped (`amend --drop`, 不再考核) by the period is left out, as `gap` no longer judges it
    (audit V D9), and so is a target judged on another's figures (`figures_of`)."""

    def owner_of(target: Target) -> str | None:
        return target.owner if held is None else held.get(target.id)

    owners = sorted({found for target in plan.targets if (found := owner_of(target))})
    if held is not None and owner is not None:
        owner = radical_free(owner)  # as the database keeps its owners
    if owner is not None and owner.strip() not in owners:
        raise InputError(
            _("no target of the plan has the owner {owner}; its owners are {owners}").format(
                owner=owner, owners="、".join(owners)
            )
            if owners
            else _(
                "no target of the plan has an owner (牵头单位): write its lead department into "
                'the plan file, a line owner = "{owner}" under each of its [[targets]] '
                "(docs/shared-ledger.md, step 3)"
            ).format(owner=owner.strip())
        )
    index = RecordIndex(plan, records)
    adjusted = AmendmentIndex(plan, [plain_amendment(amendment) for amendment in amendments])
    rows: list[TemplateRow] = []
    for target in plan.targets:
        period = due_period(target.frequency, at)
        if period is None or target.parts or target.figures_of is not None:
            continue  # (a roll-up sums its parts; `figures_of`: the other's row gives it)
        if owner is not None and owner_of(target) != owner.strip():
            continue
        in_force = adjusted.in_force(target.id, at)
        if in_force is not None and in_force.drops:
            continue
        last = index.latest(target.id, at)
        if target.kind == "milestone" and last is not None and last.value >= 100:
            continue
        rows.append(TemplateRow(target, period, last, owner_of(target)))
    return rows


def sheet_headers(columns: Sequence[str], lang: Lang) -> list[str]:
    """The xlsx sheet's header row: in Chinese, `ZH_HEADERS`; otherwise the column ids."""
    return [ZH_HEADERS[column] if lang == "zh" else column for column in columns]


def helper_cells(
    row: TemplateRow, lang: Lang, amount: str = "amount"
) -> dict[str, str | Decimal | None]:
    target = row.target
    return {
        "name": target.name if lang == "zh" else target.name_en,
        "unit": unit_text(target, lang, amount),
        "last_value": row.last.value if row.last else None,
        "last_period": str(row.last.period) if row.last else None,
        "owner": row.owner,
    }


def template_columns(rows: Sequence[TemplateRow]) -> tuple[str, ...]:
    """The sheet's columns: the owner (牵头单位) last, where the rows' targets name one."""
    owned = any(row.owner for row in rows)
    return (*TEMPLATE_COLUMNS, "owner") if owned else TEMPLATE_COLUMNS


def template_csv(rows: Sequence[TemplateRow], lang: Lang) -> str:
    """The sheet as CSV: the import columns to fill in, then the helper columns, headed as the
    xlsx sheet is (`sheet_headers`: 指标代码, 本期数值… in Chinese, the column ids otherwise;
    before session 43 the CSV kept the ids under a Chinese locale, its helpers in Chinese).
    Written by `output.csv_text`, so a name from the plan is never a live formula in a
    spreadsheet."""
    cells: list[list[object]] = []
    columns = template_columns(rows)
    headers = sheet_headers(columns, lang)
    amount = headers[columns.index("amount")]  # 增速%（对应总量列：亿元）, as the xlsx's
    for row in rows:
        helpers = helper_cells(row, lang, amount)
        last_value = helpers["last_value"]
        cells.append(
            [
                row.target.id,
                str(row.period),
                "",
                "",
                "",
                "",
                helpers["name"],
                helpers["unit"],
                num(last_value) if isinstance(last_value, Decimal) else "",
                helpers["last_period"] or "",
                *([helpers["owner"] or ""] if len(columns) > len(TEMPLATE_COLUMNS) else []),
            ]
        )
    return csv_text(headers, cells)
