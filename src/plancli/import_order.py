"""Whether an import's cumulative totals are in order with each other and with the figures in
force (`import_stream`), and a growth target's amounts with no jump beyond their months
(`sequence_slips.jumps`): nearly every bulletin's are, and then `sequence_warnings` has nothing
to say and the 570,000 cumulative rows of a million-row import need no second pass. The rows
that are not in order get their warnings here (`_warnings`), against the ledger as the import
leaves it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from operator import itemgetter

from plancli.ledger import Figures
from plancli.periods import parse_period
from plancli.plain import AnyPlan
from plancli.plain import Record as PlainRecord
from plancli.sequence_slips import JUMP, amount_sequence_warnings, jumps, sequence_warnings

_ZERO = Decimal(0)  # a growth row's own figure in `_warnings`: only its amount is looked at


def _disordered(
    current: Figures,
    ids: list[str],
    names: list[str],
    keys: Sequence[int],
    values: Sequence[Decimal],
    *,
    amounts: bool = False,
) -> set[int]:
    """The numbers of the targets whose imported figures (`keys[i]`: target number << 16 |
    period number, `values[i]`) are not in order (`_in_order`) with the figures in force of
    their other periods. A target without figures in force (all of them, in an import into an
    empty ledger) is judged from the numbers alone: its figures sorted once with all the
    others' by target and position, then one pass; one with figures in force by `_in_order`,
    as before. At 1,200,000 rows this took 1.5 s of lists and tuples per target; now a
    tenth of that. `amounts`: the figures are growth targets' amounts (an amount of None in
    force is no figure)."""
    ends = [parse_period(name) for name in names]
    positions = sorted({(p.year, p.end_month) for p in ends})
    rank = {position: index for index, position in enumerate(positions)}
    # A period's number → its position's rank, by year and month (a dozen periods).
    ranks = [rank[p.year, p.end_month] for p in ends]
    years = [year for year, _month in positions]
    months = [month for _year, month in positions]
    jump = [JUMP * month for month in months]  # an amount's limit, × the one before's
    by_target = current._by_target
    held = {number for number, target in enumerate(ids) if target in by_target}
    found: set[int] = set()
    if held:
        figures: dict[int, dict[int, Decimal]] = {}  # target → period number → value
        for key, value in zip(keys, values, strict=True):
            if key >> 16 in held:
                figures.setdefault(key >> 16, {})[key & 0xFFFF] = value
        for number, given in figures.items():
            texts = {names[period] for period in given}
            listed = [
                *(
                    (p.year, p.end_month, figure)
                    for p, record in current.of_target(ids[number])
                    if record.period not in texts
                    and (figure := record.amount if amounts else record.value) is not None
                ),
                *((ends[period].year, ends[period].end_month, v) for period, v in given.items()),
            ]
            if not _in_order(listed, amounts=amounts):
                found.add(number)
    # target number << 48 | rank << 32 | the figure's place in `values`, sorted: by target,
    # then position. A position may hold two figures of a target (the file's 2022-H1 and
    # 2022-06 both end in June): each is checked against the smallest figure above 0 of the
    # position before, as `_in_order` does (`jumps` measures from no 0).
    order = (
        [
            (key >> 16) << 48 | ranks[key & 0xFFFF] << 32 | place
            for place, key in enumerate(keys)
            if key >> 16 not in held
        ]
        if held
        else [
            (key >> 16) << 48 | ranks[key & 0xFFFF] << 32 | place for place, key in enumerate(keys)
        ]
    )
    order.sort()
    target = year = position = before_position = -1
    below: Decimal | None = None  # the largest figure of the year's earlier positions
    top = Decimal(0)  # the largest figure of the year so far
    before: Decimal | None = None  # the smallest figure above 0 of the position before
    low: Decimal | None = None  # and of this position
    for packed in order:
        value = values[packed & 0xFFFFFFFF]
        now = packed >> 32 & 0xFFFF
        if packed >> 48 != target or years[now] != year:
            target, year, position, below, top = packed >> 48, years[now], now, None, value
            before, low = None, value if value > 0 else None
            continue
        if now != position:
            before, before_position, low = low, position, None
            position, below = now, top
        if value > 0 and (low is None or value < low):
            low = value
        # sequence_slips.jumps, inlined (190,000 amounts in the benchmark's import)
        if before and value * months[before_position] > before * jump[now]:
            found.add(target)
        if below is not None and value < below:
            found.add(target)
        if value > top:
            top = value
    return found


def _in_order(figures: list[tuple[int, int, Decimal]], *, amounts: bool = False) -> bool:
    """Does every figure (year, end month, value) stand at or above every figure of an earlier
    month of its year? Then no figure is below an earlier period's or above a later one's,
    and `sequence_warnings` warns about none of them. `amounts`: nor does an amount jump far
    above the one before (`sequence_slips.jumps`)."""
    figures.sort(key=itemgetter(0, 1))
    year = month = before_month = -1
    below: Decimal | None = None  # the largest figure of the year's earlier months
    top = Decimal(0)  # the largest figure of the year so far
    # The smallest figure above 0 of the month before, and of this month: every figure of a
    # month is checked against the month before's, as a month may hold two (the ledger's
    # 2022-H1 and the file's 2022-06 both end in June), and the smallest gives the largest
    # ratio (`jumps` measures from no 0).
    before: Decimal | None = None
    low: Decimal | None = None
    for figure_year, figure_month, value in figures:
        if figure_year != year:
            year, month, below, top, before, low = (
                figure_year,
                figure_month,
                None,
                value,
                None,
                None,
            )
        elif figure_month != month:
            before, before_month, low = low, month, None
            month, below, top = figure_month, top, max(top, value)
        else:
            top = max(top, value)
        if value > 0 and (low is None or value < low):
            low = value
        if before is not None and jumps(before, before_month, value, figure_month):
            return False
        if below is not None and value < below:
            return False
    return True


def _amount_rows(
    current: Figures,
    ids: list[str],
    names: list[str],
    keys: Sequence[int],
    amounts: list[Decimal | None],
    rows: Sequence[int],
) -> list[tuple[str, str, Decimal | None, int]]:
    """(target, period, amount, row << 1 | unchanged) of the growth targets' rows whose
    amounts, with those in force, are not in order (`_disordered`): none in nearly every
    import, which then builds no second index of the ledger."""
    given = [(key, amount) for key, amount in zip(keys, amounts, strict=True) if amount is not None]
    disordered = _disordered(
        current, ids, names, [k for k, _ in given], [a for _, a in given], amounts=True
    )
    # A row without an amount is here only when one is in force for its period: it takes that
    # amount out of force, so the target's later amounts compare with an earlier one, which
    # `_disordered` (the ledger's amounts as they stand) cannot see; its target is asked
    # (hypothesis: 2022-04's amount 2 dropped, 2022-H1's 7 against 2022-Q1's 1 went unwarned).
    dropped = (key >> 16 for key, amount in zip(keys, amounts, strict=True) if amount is None)
    disordered.update(dropped)
    if not disordered:
        return []
    return [
        (ids[key >> 16], names[key & 0xFFFF], amount, packed)
        for key, amount, packed in zip(keys, amounts, rows, strict=True)
        if key >> 16 in disordered
    ]


def _warnings(
    plan: AnyPlan,
    current: Figures,
    asked: list[tuple[str, str, Decimal, int]],
    batch: str,
    recorded_at: datetime,
    dropped: Sequence[tuple[int, int, str]] = (),
    amounts: Sequence[tuple[str, str, Decimal | None, int]] = (),
) -> list[tuple[int, str]]:
    """(row, warning) of the rows of cumulative targets, against the ledger as the import
    leaves it: rows that change it first, then the unchanged ones, each in file order.

    `asked`: the rows of the targets whose figures, with the import's, are not in order
    (`_disordered`); `sequence_warnings` has nothing to say about the others (where every
    figure of a year is at least every figure of an earlier month), and a bulletin's totals
    are nearly all so. `dropped`: (0, row, warning) of rows whose amount drops out of force
    (a growth target's: never a cumulative one's), merged in. `amounts`: the rows of growth
    targets whose amounts are out of order (`_amount_rows`), as `asked` (the figure: the
    amount), for `amount_sequence_warnings`."""
    if not asked and not amounts:
        return [(row, warning) for _, row, warning in sorted(dropped, key=itemgetter(0, 1))]
    records = [
        PlainRecord(target, period, value, None, None, None, recorded_at, batch)
        for target, period, value, _ in asked
    ]
    # A growth's own figure is not looked at here: only its amount.
    growths = [
        PlainRecord(target, period, _ZERO, amount, None, None, recorded_at, batch)
        for target, period, amount, _ in amounts
    ]
    # The ledger as the import leaves it, for the targets asked about only (each warning looks
    # at its own target's figures): not a second index of the whole ledger.
    asked_ids = {target for target, _, _, _ in asked} | {target for target, _, _, _ in amounts}
    merged = Figures(
        [
            *(record for target in asked_ids for _, record in current.of_target(target)),
            *records,
            *growths,
        ]
    )
    warned = [
        (packed & 1, packed >> 1, warning)
        for (_, _, _, packed), record in zip(asked, records, strict=True)
        for warning in sequence_warnings(plan, record, merged, importing=True)
    ]
    warned.extend(
        (packed & 1, packed >> 1, warning)
        for (_, _, _, packed), record in zip(amounts, growths, strict=True)
        for warning in amount_sequence_warnings(plan, record, merged)
    )
    warned.extend(dropped)
    return [(row, warning) for _, row, warning in sorted(warned, key=itemgetter(0, 1))]
