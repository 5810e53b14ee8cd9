"""The rules for figures (`ledger.check_entry`) applied to an import's rows many at a time:
the same records and refusals, with what the rows share worked out once (issue 15: 1,200,000
rows). `imports` checks rows through `EntryChecker`; anything not plain goes to `check_entry`."""

from __future__ import annotations

import enum
import re
from datetime import datetime
from decimal import Decimal

from plancli.errors import InputError
from plancli.harvest_parts import HarvestPart
from plancli.ledger import Entry, Figures, check_entry, entry_period
from plancli.ledger_values import clean_text
from plancli.level_slips import never_negative
from plancli.model import Record
from plancli.periods import Period
from plancli.plain import AnyPlan, AnyRecord, AnyTarget
from plancli.plain import Record as PlainRecord
from plancli.plan import find_target
from plancli.unit_words import not_a_class

# A figure as nearly every imported row gives it: optional minus, digits without a leading
# zero, at most 10 decimals, at most 12 characters in all. Such a text reads as `Decimal(text)`
# under every rule of `parse_value` (no %, no words, no exponent, finite, ≤ 12 digits), so the
# import takes it without the full parser; anything else goes through `parse_value`.
_PLAIN_FIGURE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]{1,10})?")


def quick_number(text: str) -> Decimal | None:
    """`parse_number(text)` for a plain figure (`_PLAIN_FIGURE`), else None: the caller then
    asks the full parser, which gives the same value or says what is wrong."""
    if len(text) > 12 or _PLAIN_FIGURE.fullmatch(text) is None:
        return None
    value = Decimal(text)
    return value.copy_abs() if value.is_zero() else value  # -0.0 is 0.0, as parse_number


class _NotSeen(enum.Enum):
    """What EntryChecker's caches give for a text they have not seen yet."""

    NOT_SEEN = 0


_NOT_SEEN = _NotSeen.NOT_SEEN


class EntryChecker:
    """`check_entry` for the rows of an import, many at a time: the same record, the same
    refusals, with what the rows share worked out once. A file names a few thousand targets
    and a dozen periods in a million rows, so each distinct target text is looked up and
    each distinct period text parsed once; a plain figure (`quick_number`) is read without the
    full parser; and the record is a plain one (plain.Record), as the model would have made
    it: its figures are checked by the rule the model applies (`figure_problem`, inside
    `parse_number` and `quick_number`), its time is the batch's, made UTC once. A row that is
    not plain in every part goes through `check_entry` itself, so every refusal and its
    message is check_entry's."""

    # Distinct texts each cache keeps (a hostile file of two million distinct texts must not
    # make two million entries); past it a text is worked out again on every row.
    KEEP = 100_000

    def __init__(
        self, plan: AnyPlan, current: Figures, *, batch: str, recorded_at: datetime
    ) -> None:
        self.plan = plan
        self.current = current
        self.batch = batch
        # The time as the model keeps it (UTC; refused without an offset), checked once.
        self.recorded_at = Record(
            target="-", period="-", value=Decimal(0), recorded_at=recorded_at, batch=batch
        ).recorded_at
        self._targets: dict[str, AnyTarget | None] = {}  # text as given → target, None: unknown
        # (period text, a change target?, its frequency: a bulletin's 1-6月 is a quarterly
        # target's 2022-Q2) → the period and its text, None: check_entry says why
        self._periods: dict[tuple[str, bool, str], tuple[Period, str] | None] = {}
        self._numbers: dict[str, Decimal | None] = {}
        self._position = current._position  # (target, year, end month) → the figure in force

    def target(self, text: str) -> AnyTarget | None:
        """The target a row's text names, or None (unknown: check_entry says so)."""
        found = self._targets.get(text, _NOT_SEEN)
        if found is _NOT_SEEN:
            found = self.plan.target(text.strip())
            if len(self._targets) < self.KEEP:
                self._targets[text] = found
        return found

    def period(self, target: AnyTarget, text: str) -> tuple[Period, str] | None:
        key = (text, target.kind == "change", target.frequency)
        found = self._periods.get(key, _NOT_SEEN)
        if found is _NOT_SEEN:
            try:
                period = entry_period(self.plan, target, text)
            except InputError:
                found = None
            else:
                found = (period, str(period))
            if len(self._periods) < self.KEEP:
                self._periods[key] = found
        return found

    def number(self, text: str) -> Decimal | None:
        """`quick_number(text)`, kept for the first `KEEP` distinct texts: a bulletin's
        million figures have some ten thousand distinct texts, and a kept figure is one
        Decimal shared by every record that gives it."""
        found = self._numbers.get(text, _NOT_SEEN)
        if found is _NOT_SEEN:
            found = quick_number(text)
            if len(self._numbers) < self.KEEP:
                self._numbers[text] = found
        return found

    def check(self, entry: Entry) -> tuple[PlainRecord, AnyTarget, AnyRecord | None]:
        """(record, its target, the figure in force it supersedes or repeats); InputError as
        `check_entry` raises it. Called a million times: what `target`, `period` and
        `number` keep is read here directly, and only a text not seen yet calls them."""
        target = self._targets.get(entry.target, _NOT_SEEN)
        if target is _NOT_SEEN:
            target = self.target(entry.target)
        if target is not None and not entry.add and entry.held is None and not target.figures_of:
            kind = target.kind
            key = (entry.period, kind == "change", target.frequency)
            period = self._periods.get(key, _NOT_SEEN)
            if period is _NOT_SEEN:
                period = self.period(target, entry.period)
            raw = entry.value
            value: Decimal | None = None
            if isinstance(raw, str):
                seen = self._numbers.get(raw, _NOT_SEEN)
                value = self.number(raw) if seen is _NOT_SEEN else seen
            if period is not None and value is not None:
                fits = not (
                    (kind == "cumulative" and value < 0)
                    or (kind == "milestone" and not 0 <= value <= 100)
                    or (value < 0 and never_negative(target))
                    or not_a_class(value, target.unit)  # (2.5 类: check_entry refuses it)
                )
                amount: Decimal | None = None
                given = entry.amount
                if given is not None:
                    if isinstance(given, str) and target.has_amount:
                        seen = self._numbers.get(given, _NOT_SEEN)
                        amount = self.number(given) if seen is _NOT_SEEN else seen
                    if amount is not None and amount < 0:
                        amount = None
                if fits and (given is None or amount is not None):
                    note, source = entry.note, entry.source
                    text = period[1]
                    record = _new_record(
                        PlainRecord,
                        (
                            target.id,
                            text,
                            value,
                            amount,
                            None if note is None else clean_text(note, "note"),
                            None if source is None else clean_text(source, "source"),
                            self.recorded_at,
                            self.batch,
                            None,
                        ),
                    )
                    position = self._position
                    previous = (
                        position.get((target.id, period[0].year, period[0].end_month))
                        if position
                        else None
                    )
                    return record, target, previous
        try:
            change = check_entry(
                self.plan, entry, self.current, batch=self.batch, recorded_at=self.recorded_at
            )
        except HarvestPart as part:  # 夏粮 in a period cell: the cell's value, not -p 2026
            raise part.imported() from None
        record = PlainRecord(*(getattr(change.record, name) for name in PlainRecord._fields))
        return record, find_target(self.plan, record.target), change.previous


# A named tuple made from its fields without its Python-level __new__ (a million records).
_new_record = tuple.__new__
