"""The two shares of a plan's targets when `gap --json` is split in two processes
(`gap_split`), and the `Source` each process reads its share from: the plan's targets cut at
the middle id (a range of the SQLite index `records_by_target`), each share with the targets
outside it that its targets read (a roll-up's parts, a relation's reference)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from plancli.assess.records import Recorded
from plancli.plain import Amendment, Plan


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

    def prepare(self) -> None:
        """Get ready before the parent's snapshot is named (the child: a database's
        connection, opened meanwhile); may do nothing."""
        ...

    def open(self, name: bytes | None = None) -> bytes | None:
        """Fix this process's snapshot of the ledger; its name, equal in two processes only
        when they read the same state of the ledger; None: it cannot be named (no split). The
        child passes the parent's `name`: a store that can take another process's snapshot
        (PostgreSQL's SET TRANSACTION SNAPSHOT) takes it; the others ignore it."""
        ...

    def request(self, share: Share) -> bool:
        """Start reading `share` where another process does the work (a database's server):
        True when it is under way, and the process builds the share's targets meanwhile;
        `read` then gives it. False: `read` reads it (the process's own work)."""
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

    def prepare(self) -> None:
        pass

    def open(self, name: bytes | None = None) -> bytes | None:
        return b"read before the fork"

    def request(self, share: Share) -> bool:
        return False

    def read(self, share: Share) -> Read | None:
        return [f for f in self.figures if share.holds(f.target)], self.amendments

    def whole(self) -> Read:
        return self.figures, self.amendments

    def close(self) -> None:
        pass


def filter_ids(plan: Plan, section: str | None, kind: str | None) -> frozenset[str]:
    """The ids of `filter_targets` (no search), from the plan's columns: its targets are not
    built for this (`gap_split` builds each process's share only)."""
    from plancli.plan import check_filter

    section, kind = check_filter(plan, section, kind)
    ids = plan.ids()
    if section is None and kind is None:
        return frozenset(ids)
    rows = zip(ids, plan.column("section"), plan.column("kind"), strict=True)
    return frozenset(
        target_id
        for target_id, of_section, of_kind in rows
        if (section is None or of_section == section) and (kind is None or of_kind == kind)
    )


def shares(
    plan: Plan, part: float = 0.5
) -> tuple[tuple[Share, list[int]], tuple[Share, list[int]]]:
    """The plan's targets cut in two by id, `part` of them (of 1) in the first share (at the
    middle id: a half), each with its share (`Share`) and its targets' places in the plan
    (plan order numbers: `Plan.part` builds them). Read from the plan's columns: each
    process builds its own share's targets only."""
    ids = plan.ids()
    ordered = sorted(ids)
    middle = ordered[min(int(len(ordered) * part), len(ordered) - 1)] if ordered else ""
    first = [place for place, target_id in enumerate(ids) if target_id < middle]
    second = [place for place, target_id in enumerate(ids) if target_id >= middle]
    return (
        (Share(None, middle, _extra(plan, first, lambda i: i < middle), 0), first),
        (Share(middle, None, _extra(plan, second, lambda i: i >= middle), 1), second),
    )


def _extra(plan: Plan, places: Sequence[int], inside: Callable[[str], bool]) -> frozenset[str]:
    """The targets outside a share that its targets (at `places`) read: parts (and theirs),
    references, the target whose figures one is judged on (`figures_of`)."""
    parts, references = plan.column("parts"), plan.column("reference")
    figures_of = plan.column("figures_of")
    waiting: list[str] = []
    for place in places:
        if parts[place]:
            waiting += parts[place]
        if references[place] is not None:
            waiting.append(references[place])
        if figures_of[place] is not None:
            waiting.append(figures_of[place])
    if not waiting:
        return frozenset()
    where = {target_id: place for place, target_id in enumerate(plan.ids())}
    found: set[str] = set()
    while waiting:
        target_id = waiting.pop()
        if target_id in found:
            continue
        found.add(target_id)
        at = where.get(target_id)
        if at is not None:
            if parts[at]:
                waiting += parts[at]
            if references[at] is not None:
                waiting.append(references[at])
            if figures_of[at] is not None:
                waiting.append(figures_of[at])
    return frozenset(i for i in found if not inside(i))


def extra_places(plan: Plan, share: Share) -> list[int]:
    """The places in the plan of `share.extra` (the targets its targets read), in plan
    order."""
    if not share.extra:
        return []
    return [place for place, target_id in enumerate(plan.ids()) if target_id in share.extra]
