"""`plancli import` written as a stream (without --dry-run; --json: import_listing): each row
checked and the changed figures appended in chunks inside the import's one transaction.

The same checks in the same order as `imports.check_import`, the same problems and warnings,
the same records written in the same order (tests/test_import_stream.py, test_import_fast.py).
A million-row file names a few thousand targets, a dozen periods and some ten thousand
distinct figures, so the loop below asks three dictionaries per row what `EntryChecker` works
out once per distinct text; a row whose texts are not all plain goes through
`EntryChecker.check`, which gives `check_entry`'s record or refusal (issue 15).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from itertools import chain
from typing import Literal

from plancli.bulletin_units import SCALE_FACTOR, out_of_scale, scale_limit
from plancli.entry_checker import EntryChecker
from plancli.errors import InputError
from plancli.growth_slips import _FALL, fall_ids, growth_bounds, growth_slip, rise_for_decline
from plancli.import_listing import Listed
from plancli.import_order import _amount_rows, _disordered, _warnings
from plancli.import_problems import _twice
from plancli.import_summary import stream_counts
from plancli.imports import ImportRejected, ImportResult, ImportRow, Problem, Problems
from plancli.ledger import Figures, is_unchanged
from plancli.ledger_values import clean_text
from plancli.level_slips import CLASSES, change_row_slips, is_class, level_rules, share_warning
from plancli.part_year import part_year_warnings, year_total_ids
from plancli.periods import Period, parse_period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget, plan_ids
from plancli.plain import Record as PlainRecord
from plancli.record_text import dropped_amount
from plancli.rollup_sums import import_rollups
from plancli.stated_base import stated_base_warnings
from plancli.stores.base import LedgerSession
from plancli.superseded import Superseded, kept_out
from plancli.total_slips import far_limits, far_warning, is_far

_CHUNK = 5_000  # records written at a time: memory holds one chunk of them

_SLOTS = 16  # positions a target's rows in `import_stream`'s index have room for
_NO_ROWS = array("q", bytes(8 * _SLOTS))

# What a figure must be (`check_entry`'s rule): 0 any, 1 ≥ 0 (a cumulative total), 2 0–100 (a
# milestone's %), 3 ≥ 0 (a level's rate, share or count: never_negative), 4 a class (1–6).
_ANY, _NOT_NEGATIVE, _PERCENT, _LEVEL, _CLASS = 0, 1, 2, 3, 4
# A figure is compared with these, not with the integers 0 and 100: Decimal against int
# converts the int each time (128 ns a comparison against 54, some 0.1 s an import).
_ZERO, _HUNDRED = Decimal(0), Decimal(100)

# A target as the loop reads it: the target, its number, the periods of its kind (text as
# given → see `_Positions.period`), the rule for its figures, whether it takes an amount, and
# its `scale_limit` (a total or amount above it is looked at: 万元 for 亿元?).
_TargetInfo = tuple[
    AnyTarget, int, dict[str, "_PeriodInfo | Literal[False]"], int, bool, Decimal | None
]
# A period as the loop reads it: the period, its text as stored, its slot, its number.
_PeriodInfo = tuple[Period, str, int, int]


class _Positions:
    """What the rows share, numbered: each target (by id) and each period (by its text as
    stored), and the position a period stands for (its year and end month) as a slot. The
    texts as given map to them, learnt once each from `EntryChecker`, for at most
    `EntryChecker.KEEP` texts each beyond the plan's targets (a hostile file of two million
    distinct texts must not make two million entries); past that a row goes through
    `EntryChecker.check`, which gives the same answer."""

    def __init__(self, checker: EntryChecker, plan: AnyPlan) -> None:
        self.checker = checker
        self.numbers: dict[str, int] = {}  # target id → its number
        self.first_row = array("q")  # see `import_stream`
        self.slots: dict[int, int] = {}  # position → its slot
        self.periods: dict[str, tuple[Period, int, int]] = {}  # text → period, slot, number
        self.names: list[str] = []  # period texts by number
        self.targets: dict[str, _TargetInfo | Literal[False]] = {}  # text as given
        # texts as given → period info, a dict by (change target?, frequency): 1-6月's rhythm
        self.kind_periods: dict[tuple[bool, str], dict[str, _PeriodInfo | Literal[False]]] = {}
        self.keep_targets = len(plan_ids(plan)) + checker.KEEP
        # The level targets whose figures are never negative, the shares, and the change
        # targets whose figures may be their rise typed as the level (level_slips).
        self.shares, self.never_negative, self.changes = level_rules(plan)

    def target_number(self, target_id: str) -> int:
        number = self.numbers.get(target_id)
        if number is None:
            number = self.numbers[target_id] = len(self.numbers)
            self.first_row.extend(_NO_ROWS)
        return number

    def stored_period(self, text: str) -> tuple[Period, int, int]:
        """(period, slot, number) of a period's text as stored (2022-06)."""
        known = self.periods.get(text)
        if known is None:
            parsed = parse_period(text)
            slot = self.slots.setdefault(parsed.year * 16 + parsed.end_month, len(self.slots))
            known = (parsed, slot, len(self.names))
            self.periods[text] = known
            self.names.append(text)
        return known

    def target(self, text: str) -> _TargetInfo | Literal[False]:
        """The target a text names, as the loop reads it; False: not plain (unknown, or
        past the texts kept), for `EntryChecker.check` to say."""
        target = self.checker.target(text)
        if target is None or target.figures_of is not None:  # (judged on another's: refused)
            return False
        kind = target.kind
        rule = _NOT_NEGATIVE if kind == "cumulative" else _PERCENT if kind == "milestone" else _ANY
        rule = _CLASS if is_class(target) else _LEVEL if target.id in self.never_negative else rule
        info: _TargetInfo = (
            target,
            self.target_number(target.id),
            self.kind_periods.setdefault((kind == "change", target.frequency), {}),
            rule,
            target.has_amount,
            scale_limit(target),
        )
        if len(self.targets) < self.keep_targets:
            self.targets[text] = info
        return info

    def period(
        self, periods: dict[str, _PeriodInfo | Literal[False]], target: AnyTarget, text: str
    ) -> _PeriodInfo | Literal[False]:
        """The period a text gives for targets of this kind; False: not one (check says why)."""
        found = self.checker.period(target, text)
        info: _PeriodInfo | Literal[False] = False
        if found is not None:
            _period, stored = found
            parsed, slot, number = self.stored_period(stored)
            info = (parsed, stored, slot, number)
        if len(periods) < self.checker.KEEP:
            periods[text] = info
        return info


def import_stream(
    session: LedgerSession,
    plan: AnyPlan,
    name: str,
    rows: Sequence[ImportRow],
    problems: Problems | Sequence[Problem],
    batch: str,
    recorded_at: datetime,
    pasted: Collection[int] = (),
    firsts: dict[str, int] | None = None,
    listing: list[Listed] | None = None,
) -> ImportResult:
    """`check_import`, then append, as one pass (see the module's text). A list of rows is
    consumed as it is checked (emptied: each row's memory is reused by what the check keeps),
    so a million rows are not held beside the index of positions. `firsts`, `listing`: filled
    with each target's first row written (`naming_rows`), each row accepted (--json)."""
    count = len(rows)
    current = Figures(session.records_in_force())
    checker = EntryChecker(plan, current, batch=batch, recorded_at=recorded_at)
    found = Problems()
    known = _Positions(checker, plan)
    # Where the file gave each position (target, year * 16 + the month the period ends): the
    # row and period as one integer, row << 16 | the period's number in `names` (0: not yet
    # given), at `first_row[target number * _SLOTS + the position's slot]`; a position past
    # _SLOTS in `more`. A checked period is in the plan year or the end of the one before, so
    # a target has some 13 positions. An array: a dict of a million keys took 100 MB.
    first_row = known.first_row
    more: dict[tuple[int, int], int] = {}
    names = known.names
    pending: list[PlainRecord] = []
    writing = not problems  # rows the parser could not read: check the rest, write nothing
    new = revised = unchanged = 0
    # Warnings see the ledger as it will be (check_import): cumulative targets' rows, the only
    # ones warned about, kept as target no. << 16 | period no., value, row << 1 | 1 if unchanged
    cumulative_keys = array("q")
    cumulative_values: list[Decimal] = []  # shared: a distinct figure is one Decimal
    cumulative_rows = array("q")
    check = checker.check
    targets_get = known.targets.get
    learn_target = known.target
    learn_period = known.period
    numbers_get = checker._numbers.get  # text → its figure (None: not plain, or not seen)
    learn_number: Callable[[str], Decimal | None] = checker.number
    in_force = checker._position  # (target, year, end month) → the figure in force
    history = Superseded(session.records_of, batch)
    kept: list[tuple[int, str]] = []  # (row, warning) of the rows kept out (superseded.py)
    # (0, row, warning): an amount out of force; (1 if unchanged, row, warning): out of scale,
    # or a figure for part of the year of a target in `yearly` (part_year.py)
    dropped: list[tuple[int, int, str]] = []
    far = far_limits(plan)  # id → (cumulative?, its annual target or last year's amount)
    yearly = year_total_ids(plan)  # judged on the year's figure, not warned about yet
    growths, falls = growth_bounds(plan), fall_ids(plan)  # id → its likely growths; ids to fall
    shares = known.shares  # target id → the plan's figure of a share (level_slips)
    changes, change_rows = known.changes, []  # their rows: (1 if unchanged, row, record)
    # The rows of growth targets that give an amount or change one in force, kept as the
    # cumulative rows are (their amounts are year-to-date totals: sequence_slips).
    amount_keys = array("q")
    amount_values: list[Decimal | None] = []
    amount_rows = array("q")
    # Rows new, revised and unchanged by period number (3 a period): the summary names them.
    by_period: list[int] = []
    recorded, batch_id = checker.recorded_at, checker.batch
    new_record = tuple.__new__
    full = False  # found.full, asked after each problem rather than for each row
    for line, entry in _consumed(rows):
        target_text, period_text, raw, given, note, source, add, held = entry
        record: PlainRecord | None = None
        info = targets_get(target_text)
        if info is None:
            info = learn_target(target_text)
        if info and not add and held is None:  # held: an amount kept if in force (ledger)
            # The plain row (`EntryChecker.check`'s first path), read here: a million calls
            # of a method cost a tenth of the import.
            target, target_number, kind_periods, rule, has_amount, limit = info
            period_info = kind_periods.get(period_text)
            if period_info is None:
                period_info = learn_period(kind_periods, target, period_text)
            value = None
            if isinstance(raw, str):
                value = numbers_get(raw)
                if value is None:
                    value = learn_number(raw)
            if (
                period_info
                and value is not None
                and (
                    rule == _ANY or (value in CLASSES if rule == _CLASS else value >= _ZERO)
                    if rule != _PERCENT
                    else _ZERO <= value <= _HUNDRED
                )
            ):
                amount: Decimal | None = None
                if given is not None and has_amount and isinstance(given, str):
                    amount = numbers_get(given)
                    if amount is None:
                        amount = learn_number(given)
                if given is None or (amount is not None and amount >= _ZERO):
                    period, text, slot, number = period_info
                    try:
                        record = new_record(
                            PlainRecord,
                            (
                                target.id,
                                text,
                                value,
                                amount,
                                None if note is None else clean_text(note, "note"),
                                None if source is None else clean_text(source, "source"),
                                recorded,
                                batch_id,
                                None,
                            ),
                        )
                    except InputError as exc:
                        found.add(line, str(exc), target.id)
                        full = found.full
                        writing = False
                        continue
                    previous: AnyRecord | None = (
                        in_force.get((target.id, period.year, period.end_month))
                        if in_force
                        else None
                    )
        if record is None:
            if full and not info:
                found.add(line, "unknown target")  # counted only: no message is shown for it
                continue
            try:
                record, target, previous = check(entry)
            except InputError as exc:
                named = checker.target(target_text)
                found.add(line, str(exc), named.id if named is not None else "")
                full = found.full
                writing = False
                continue
            period, slot, number = known.stored_period(record.period)
            target_number = known.target_number(record.target)
            kind = target.kind
            rule = (
                _NOT_NEGATIVE if kind == "cumulative" else _PERCENT if kind == "milestone" else _ANY
            )
            limit = scale_limit(target)
        where = target_number * _SLOTS + slot
        earlier = first_row[where] if slot < _SLOTS else more.get((target_number, slot), 0)
        if earlier:
            earlier_row, earlier_period = earlier >> 16, names[earlier & 0xFFFF]
            found.add(line, _twice(record, period, earlier_row, earlier_period))
            full = found.full
            writing = False
            continue
        if slot < _SLOTS:
            first_row[where] = line << 16 | number
        else:
            more[target_number, slot] = line << 16 | number
        unchanged_row = is_unchanged(previous, record)
        if listing is not None:
            listing.append((line, record, previous))
        if number * 3 >= len(by_period):
            by_period.extend((0, 0, 0) * (number + 1 - len(by_period) // 3))
        if unchanged_row:
            unchanged += 1
            by_period[number * 3 + 2] += 1
        elif previous is not None and history.reverts(previous, record):
            kept.append((line, kept_out(plan, record, previous)))
            continue
        else:
            if previous is None:
                new += 1
                by_period[number * 3] += 1
            else:
                revised += 1
                by_period[number * 3 + 1] += 1
                if previous.amount is not None and record.amount is None:
                    dropped.extend(
                        (0, line, text) for text in dropped_amount(plan, previous, record)
                    )
            if writing:
                pending.append(record)
                if firsts is not None and record.target not in firsts:
                    firsts[record.target] = line
                if len(pending) >= _CHUNK:
                    session.append(pending)
                    pending = []
        # A total or amount hundreds of times its target's figures (万元 for 亿元?): the
        # target's limit once (`scale_limit`, in its info), then one comparison a row.
        if limit is not None:
            figure = record.value if rule == _NOT_NEGATIVE else record.amount
            if figure is not None and figure > limit:
                # Above the plan's figures; the figure in force, when there is one, decides
                # (a limit of 0: the plan gives none, and only that figure can tell).
                before = (
                    None
                    if previous is None
                    else previous.value
                    if rule == _NOT_NEGATIVE
                    else previous.amount
                )
                if (limit or before is not None) and (
                    before is None or figure > SCALE_FACTOR * before
                ):
                    scaled = out_of_scale(plan, record, previous)
                    dropped.extend((int(unchanged_row), line, text) for text in scaled)
        if far and target.id in far:  # far above the plan, not hundreds of times (total_slips)
            is_total, reference = far[target.id]
            figure = record.value if is_total else record.amount
            within = figure is not None and (limit is None or figure <= limit)  # not 万元
            if within and is_far(is_total, reference, figure, record.period):  # type: ignore[arg-type]
                warned = far_warning(plan, record)
                dropped.extend((int(unchanged_row), line, text) for text in warned)
        if yearly and period.end_month != 12 and target.id in yearly:
            yearly.discard(target.id)
            warned = part_year_warnings(plan, record)
            dropped.extend((int(unchanged_row), line, text) for text in warned)
        if period.year < plan.plan.year:  # a change's base the plan states too (audit W D6)
            based = stated_base_warnings(plan, record)
            dropped.extend((int(unchanged_row), line, text) for text in based)
        if falls and record.value > 0 and target.id in falls:  # 2.7 for a fall of 2.7 %?
            slips = rise_for_decline(target, record, raw)
            dropped.extend((int(unchanged_row), line, slip) for slip in slips)
        if growths and target.id in growths:  # an amount typed as a growth? (growth_slips)
            growth_limit, band = growths[target.id]  # (and 4.5 typed as 45: tenfold_band)
            value = record.value
            if (
                not _FALL <= value <= growth_limit
                or value == record.amount
                or (previous is not None and value == previous.amount)
                or (band is not None and band[0] <= value <= band[1])
            ) and line not in pasted:  # a growth in range and no amount's figure asks no more
                slips = growth_slip(target, record, previous, growth_limit, band)
                dropped.extend((int(unchanged_row), line, slip) for slip in slips)
            if record.amount is not None or (previous is not None and previous.amount is not None):
                amount_keys.append(target_number << 16 | number)
                amount_values.append(record.amount)
                amount_rows.append(line << 1 | unchanged_row)
        if record.value > _HUNDRED and shares and target.id in shares:  # a share above 100 %?
            slips = share_warning(target, record, shares[target.id])
            dropped.extend((int(unchanged_row), line, slip) for slip in slips)
        if changes and target.id in changes:  # the rise typed as the level? after the loop
            change_rows.append((int(unchanged_row), line, record))
        if rule in (_NOT_NEGATIVE, _PERCENT):  # a cumulative total or a milestone
            cumulative_keys.append(target_number << 16 | number)
            cumulative_values.append(record.value)
            cumulative_rows.append(line << 1 | unchanged_row)
    if found or problems:
        parsed_problems = Problems.of(problems)
        raise ImportRejected(
            name, [*parsed_problems.kept, *found.kept], parsed_problems.more + found.more
        )
    session.append(pending)
    dropped.extend(change_row_slips(plan, current, change_rows))  # the ledger as it will be
    ids = list(known.numbers)
    del known, first_row, more  # the warnings need room more than the index does now
    # The targets sequence_warnings may warn about: those whose figures, with the import's,
    # are not in order (see `_warnings`), found from the numbers; only their rows are named.
    disordered = _disordered(current, ids, names, cumulative_keys, cumulative_values)
    # None out of order (nearly every import): no pass over the 570,000 cumulative rows.
    cumulative = (
        [
            (ids[key >> 16], names[key & 0xFFFF], value, packed)
            for key, value, packed in zip(
                cumulative_keys, cumulative_values, cumulative_rows, strict=True
            )
            if key >> 16 in disordered
        ]
        if disordered
        else []
    )
    keys, values, packed = cumulative_keys, cumulative_values, cumulative_rows  # rollup_sums
    dropped.extend(import_rollups(plan, current, ids, names, keys, values, packed))
    del cumulative_keys, cumulative_values, cumulative_rows
    amounts = _amount_rows(current, ids, names, amount_keys, amount_values, amount_rows)
    return ImportResult(
        name,
        batch,
        count,
        written=bool(new or revised),
        counts=(new, revised, unchanged, len(kept)),
        warnings=[
            *_warnings(plan, current, cumulative, batch, checker.recorded_at, dropped, amounts),
            *kept,
        ],
        periods=stream_counts(names, by_period),
        kept_rows=frozenset(line for line, _ in kept),  # import_listing's, by name not place
    )


def _consumed(rows: Sequence[ImportRow]) -> Iterator[ImportRow]:
    """The rows in order; a list is emptied as they are given (from its end, reversed first:
    no copy, then _CHUNK rows at a time), so a row checked is soon a row freed. The rows of a
    chunk are given by `chain` (C): a generator resumed for each of a million rows cost half
    a second."""
    if not isinstance(rows, list):
        return iter(rows)
    return chain.from_iterable(_chunks(rows))


def _chunks(rows: list[ImportRow]) -> Iterator[list[ImportRow]]:
    rows.reverse()
    while rows:
        chunk = rows[-_CHUNK:]
        del rows[-_CHUNK:]
        chunk.reverse()
        yield chunk
