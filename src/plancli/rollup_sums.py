"""A roll-up's own figure at odds with its parts' (audit Y D1): the investment total recorded
as 58 亿元 for December beside six categories recorded for December that add up to 58.71. The
own figure wins (docs/status-rules.md "Roll-ups"), so the report would show six categories 完成
above a total 未完成 and a column that does not add up: `record` and `import` warn, and `show`
and the report's investment table say it. Only a full sum of the same period is compared: a
part not yet recorded, or recorded for another month, proves nothing; nor does a gap within
the figures' rounding (`agree`: 58.7 beside parts adding to 58.71)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plancli.fmt import num
from plancli.i18n import _
from plancli.stores.base import cached_period as _period

if TYPE_CHECKING:
    from plancli.assess.output import AssessmentOut
    from plancli.ledger import Figures
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget


def rollup_of(plan: AnyPlan, target_id: str) -> AnyTarget | None:
    """The cumulative roll-up `target_id` is, or is a part of; None for any other target."""
    return _rollups(plan).get(target_id)


_last: tuple[object, dict[str, Any]] | None = None


def _rollups(plan: AnyPlan) -> dict[str, AnyTarget]:
    """Each roll-up's id and its parts' → the roll-up (the first in the plan's order), kept for
    the last plan asked about: an import asks once a row, and looking through every target a
    row made `import --json` of 18,000 rows against 1,500 targets take 8 of its 10 CPU s. A
    plan is not changed once read (drafts are built by `extract`, which asks nothing here)."""
    global _last
    if _last is None or _last[0] is not plan:
        found: dict[str, AnyTarget] = {}
        for target in plan.targets:
            if target.parts and target.kind == "cumulative":
                for member in (target.id, *target.parts):
                    found.setdefault(member, target)
        _last = (plan, found)
    return _last[1]


def family(plan: AnyPlan, target_id: str) -> list[str]:
    """The targets a figure of `target_id` is checked against: its own, and its roll-up's and
    the roll-up's parts' when it is one or a part of one (`record`)."""
    rollup = rollup_of(plan, target_id)
    return [target_id] if rollup is None else [rollup.id, *rollup.parts]


def _at(figures: Figures, target_id: str, year: int, month: int) -> Decimal | None:
    found = [
        (p.sort_key, r.value)
        for p, r in figures.of_target(target_id)
        if p.year == year and p.end_month == month
    ]
    return max(found, key=lambda item: item[0])[1] if found else None


def _half_unit(figure: Decimal) -> Decimal:
    """Half a unit of the last place `figure` is written to (58.7: 0.05; 58: 0.5)."""
    return Decimal(5).scaleb(min(int(figure.as_tuple().exponent), 0) - 1)


def agree(own: Decimal, parts: Sequence[Decimal]) -> bool:
    """Do a total and its parts agree at the precision they are written in? Each may be rounded
    by half a unit of its last place: 58.7 beside six parts to two decimals adding to 58.71 is
    the report's rounding (at most 0.05 + 6 × 0.005), 58 beside 58.71 is not (N7, session 27;
    the plan's own 58.72 against 58.71 is forgiven so, `assess.bounds.rounded_rollup`)."""
    gap = abs(own - sum(parts, Decimal(0)))
    return gap <= _half_unit(own) + sum((_half_unit(p) for p in parts), Decimal(0))


def disagreement(
    plan: AnyPlan, rollup: AnyTarget, figures: Figures, period: str
) -> tuple[Decimal, Decimal] | None:
    """(own figure, parts' sum) of `rollup` at `period`'s position when every part has a
    figure there and they differ; else None."""
    position = _period(period)
    own = _at(figures, rollup.id, position.year, position.end_month)
    if own is None:
        return None
    given = []
    for part in rollup.parts:
        figure = _at(figures, part, position.year, position.end_month)
        if figure is None:
            return None
        given.append(figure)
    return None if agree(own, given) else (own, sum(given, Decimal(0)))


def mismatch_warning(rollup: AnyTarget, period: str, own: Decimal, total: Decimal) -> str:
    unit = rollup.unit.strip()
    return _(
        "{target} {period} = {own} {unit}, but its {parts} parts add up to {total} {unit} for "
        "the same period: the total's own figure is the one judged, so check which is wrong"
    ).format(
        target=rollup.id,
        period=period,
        own=num(own),
        unit=unit,
        parts=len(rollup.parts),
        total=num(total),
    )


def rollup_warnings(
    plan: AnyPlan, record: AnyRecord, figures: Figures, said: set[str] | None = None
) -> list[str]:
    """The warning of a roll-up's figure, or a part's, leaving the roll-up's own figure at odds
    with its parts' sum (`figures`: the ledger as it will be). `said`: an import's roll-ups and
    positions warned of already (once each)."""
    rollup = rollup_of(plan, record.target)
    if rollup is None:
        return []
    position = _period(record.period)
    key = f"{rollup.id} {position.year}-{position.end_month}"
    if said is not None and key in said:
        return []
    # `figures` before the record (`record`) or with it (`import`): with it, either way
    found = disagreement(plan, rollup, figures.with_records([record]), record.period)
    if found is None:
        return []
    if said is not None:
        said.add(key)
    return [mismatch_warning(rollup, record.period, *found)]


def import_rollup_warnings(
    plan: AnyPlan, figures: Figures, rows: Iterable[tuple[str, str, int]]
) -> list[tuple[int, int, str]]:
    """(1 if unchanged, row, warning) of an import's rows (target, period, row << 1 |
    unchanged) that are roll-ups or parts, against the ledger as the import leaves it:
    said once per roll-up and position, of its last row there."""
    last: dict[tuple[str, str], tuple[str, int]] = {}
    for target, period, packed in rows:
        rollup = rollup_of(plan, target)
        if rollup is not None:
            position = _period(period)
            last[rollup.id, f"{position.year}-{position.end_month}"] = (period, packed)
    warned = []
    for (rollup_id, _where), (period, packed) in last.items():
        rollup = plan.target(rollup_id)
        assert rollup is not None
        found = disagreement(plan, rollup, figures, period)
        if found is not None:
            warned.append((packed & 1, packed >> 1, mismatch_warning(rollup, period, *found)))
    return warned


def import_rollups(
    plan: AnyPlan,
    current: Figures,
    ids: list[str],
    names: list[str],
    keys: Sequence[int],
    values: Sequence[Decimal],
    rows: Sequence[int],
) -> list[tuple[int, int, str]]:
    """`import_rollup_warnings` of a streamed import's cumulative rows (`import_stream`: the
    target's number << 16 | the period's, the value, row << 1 | unchanged)."""
    from plancli.ledger import Figures
    from plancli.plain import Record

    asked = {
        t.id
        for rollup in plan.targets
        if rollup.parts and rollup.kind == "cumulative"
        for t in (rollup, *(plan.target(p) for p in rollup.parts))
        if t is not None
    }
    given = [
        (ids[key >> 16], names[key & 0xFFFF], value, packed)
        for key, value, packed in zip(keys, values, rows, strict=True)
        if ids[key >> 16] in asked
    ]
    if not given:
        return []
    held = [record for target in asked for _, record in current.of_target(target)]
    # `Record` as `import_stream._warnings` builds one: only the target, period and value count
    at = datetime.now(UTC)
    read = [Record(t, p, v, None, None, None, at, "") for t, p, v, _ in given]
    merged = Figures([*held, *read])
    return import_rollup_warnings(plan, merged, [(t, p, packed) for t, p, _, packed in given])


def judged_mismatch(
    rollup: AssessmentOut, judged: Sequence[AssessmentOut]
) -> tuple[Decimal, Decimal] | None:
    """(own figure, parts' sum) of a roll-up judged on its own figure while every part's
    figure is of the same period and they add up to another; else None (`show`, the report)."""
    if not rollup.parts or rollup.actual is None or rollup.actual_from != "own":
        return None
    by_id = {a.id: a for a in judged}
    given = []
    for part_id in rollup.parts:
        part = by_id.get(part_id)
        if part is None or part.actual is None or part.period is None or rollup.period is None:
            return None
        if _period(part.period).end_month != _period(rollup.period).end_month:
            return None
        given.append(part.actual)
    if agree(rollup.actual, given):
        return None
    return rollup.actual, sum(given, Decimal(0))


def judged_note(rollup_name: str, own: Decimal, total: Decimal, unit: str, lang: str) -> str:
    """The sentence under the investment table and in `show`."""
    if lang == "zh":
        return (
            f"各构成合计{num(total)}{unit}，与{rollup_name}本身数值{num(own)}{unit}不一致，请核对。"
        )
    return (
        f"Its parts add up to {num(total)} {unit}, not the {num(own)} {unit} recorded for "
        f"{rollup_name} itself: check which is wrong."
    )


def show_note(plan: AnyPlan, judged: AssessmentOut, assessment: Any, lang: str) -> list[Any]:
    """`show`'s line under a roll-up's assessment when its own figure, the one judged, is at
    odds with its parts' sum of the same period ([] otherwise)."""
    from plancli.assess import assessment_out

    target = plan.target(judged.id)
    if target is None or not target.parts:
        return []
    get = assessment.get
    parts = [assessment_out(get(part)) for part in target.parts]
    found = judged_mismatch(judged, parts)
    if found is None:
        return []
    from plancli.render import shown

    name = target.name if lang == "zh" else target.name_en or target.name
    return [shown(judged_note(name, *found, target.unit.strip(), lang)), ""]
