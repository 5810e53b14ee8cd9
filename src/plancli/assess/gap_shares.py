"""The two shares of a plan's targets when `gap --json` is split in two processes
(`gap_split`), and the `Source` each process reads its share from: the plan's targets cut at
the middle id (a range of the SQLite index `records_by_target`), each share with the targets
outside it that its targets read (a roll-up's parts, a relation's reference)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from plancli.assess.records import Recorded
from plancli.plain import Amendment, Plan, Target


class Share(NamedTuple):
    """One process's targets: those whose id is in [low, high) (None: open), read with the
    `extra` targets outside the range that they read; and which half of the ledger's rows (by
    seq: 0 the first, 1 the second) the process checks."""

    low: str | None
    high: str | None
    extra: frozenset[str]
    rows: int

    def holds(self, target: str) -> bool:
        """Whether `target`'s figures are read for this share."""
        return (
            (self.low is None or target >= self.low) and (self.high is None or target < self.high)
        ) or target in self.extra


Read = tuple[Sequence[Recorded], Sequence[Amendment]]


class Source(Protocol):
    """A ledger as one process of the split reads it; made in each process after the fork."""

    def open(self, name: bytes | None = None) -> bytes | None:
        """Fix this process's snapshot of the ledger; its name, equal in two processes only
        when they read the same state of the ledger; None: it cannot be named (no split). The
        child passes the parent's `name`: a store that can take another process's snapshot
        (PostgreSQL's SET TRANSACTION SNAPSHOT) takes it; the others ignore it."""
        ...

    def read(self, share: Share) -> Read | None:
        """The figures of `share`'s targets (every one `gap` judges them on) and every
        amendment, from the snapshot; None when something in its half of the rows may be
        wrong (the ledger is then read whole, by one process, which says what)."""
        ...

    def whole(self) -> Read:
        """Everything `gap` reads, as one process reads it."""
        ...

    def close(self) -> None: ...


class Figures:
    """A `Source` over figures already read (a ledger that is not SQLite: read before the
    fork, its pages shared with the child)."""

    def __init__(self, figures: Sequence[Recorded], amendments: Sequence[Amendment]) -> None:
        self.figures = figures
        self.amendments = amendments

    def open(self, name: bytes | None = None) -> bytes | None:
        return b"read before the fork"

    def read(self, share: Share) -> Read | None:
        return [f for f in self.figures if share.holds(f.target)], self.amendments

    def whole(self) -> Read:
        return self.figures, self.amendments

    def close(self) -> None:
        pass


def shares(
    plan: Plan, part: float = 0.5
) -> tuple[tuple[Share, list[Target]], tuple[Share, list[Target]]]:
    """The plan's targets cut in two by id, `part` of them (of 1) in the first share (at the
    middle id: a half), each with its share (`Share`)."""
    ids = sorted(target.id for target in plan.targets)
    middle = ids[min(int(len(ids) * part), len(ids) - 1)] if ids else ""
    first = [t for t in plan.targets if t.id < middle]
    second = [t for t in plan.targets if t.id >= middle]
    return (
        (Share(None, middle, _extra(plan, first, lambda i: i < middle), 0), first),
        (Share(middle, None, _extra(plan, second, lambda i: i >= middle), 1), second),
    )


def _extra(plan: Plan, targets: Sequence[Target], inside: Callable[[str], bool]) -> frozenset[str]:
    """The targets outside a share that its `targets` read: parts (and theirs), references."""
    found: set[str] = set()
    waiting: list[str] = []
    for target in targets:
        if target.parts or target.reference is not None:
            waiting += target.parts
            if target.reference is not None:
                waiting.append(target.reference)
    while waiting:
        target_id = waiting.pop()
        if target_id in found:
            continue
        found.add(target_id)
        found_target = plan.target(target_id)
        if found_target is not None:
            waiting += found_target.parts
            if found_target.reference is not None:
                waiting.append(found_target.reference)
    return frozenset(i for i in found if not inside(i))
