"""`gap --json` of a large plan read, judged and written by two processes (issue 15: 100,000
targets within 8 s on a 2-core machine).

The process forks before the ledger is read. The plan's targets are cut in two by id (the
parent those below the middle id, the child the others: a range of the SQLite ledger's index
records_by_target); each process reads, through its own `Source`, the figures of its targets
and of the targets they read (a roll-up's parts, a relation's reference), checks half of the
ledger's rows (by seq; together, every row, as one process checks them), indexes them, and
judges its targets, in plan order, keeping the chosen ones (`--section`, `--kind`,
`--status`) sorted (`select.order_key`: unique to each target, so the two sorted halves merge
into the order of the whole). The default as-of period is the latest with a record of a
judged target in the whole plan (`RecordIndex.default_as_of`: a pending target's figure sets
none while another has one): each process tells the other its own two latest, of a judged
target's figures and of any, and both take the later of each.

The parent also reads the figures of every target in 类 (`Share.extra`: a few): what it read
(and every amendment) is given to `warn` once every row is found fit and before anything is
judged, so it warns as one process does (a figure in 类 that is no class, 2.5: `stored_classes`;
an amendment outside the plan year).

One state of the ledger: the parent fixes its snapshot first and sends its name
(`Source.open`: for SQLite the WAL index's header, `stores.sqlite_split`) to the child, which
fixes its own and compares. Another name means a write landed between the two reads: the
child stops, and the parent reads the child's share itself, in its own snapshot. A ledger
whose snapshot cannot be named is read whole by the parent alone.

The child then sends the parent, through a pipe (`gap_pipe`), its counts and sort keys (each
Fraction as its numerator and denominator, compared so: `gap_pipe.sorted_places`), then its
rows of the `targets` array already encoded as the output is (`encoding`), in frames: how
many rows, each one's length, their bytes. The parent merges the keys, writes the
document's head with the counts of both, then the rows in the merged order, as bytes: its
own as it makes them, the child's as they come, never decoded. The parent takes a little
less than half of the targets (`PARENT_SHARE`): it also merges, relays and writes.

What may go wrong is never the user's problem: a child that fails, dies or sends less than it
promised is replaced by the parent reading (in its snapshot) and judging that half itself; a
ledger with something wrong in either half of its rows, or a plan error in either share of
the targets (a plan's roll-ups that refer back to themselves, say), and the parent reads and
judges the whole plan as one process does, so the output, or the error, is the single
process's, from the same code. The child is always waited for (no zombie) and killed when the
parent stops early (a closed pipe: `gap --json | head`). Nothing is cached: the child's rows
are made from the same figures in the same run.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
from collections.abc import Callable, Collection, Iterator, Sequence
from types import TracebackType
from typing import Any, Literal, NamedTuple

from plancli.assess.core import STATUSES, Assessment, Context, Status
from plancli.assess.engine import PlanAssessment, plan_context
from plancli.assess.gap_json import gap_document_parts, row_texts
from plancli.assess.gap_pipe import (
    CHUNK,
    Latest,
    array_bytes,
    frames,
    later,
    latest_bytes,
    read_frame,
    read_head,
    read_latest,
    receive,
    send,
    sorted_places,
    wire,
)
from plancli.assess.gap_shares import Share, Source, extra_places, shares
from plancli.assess.records import AmendmentIndex, Recorded, RecordIndex, unjudged_ids
from plancli.assess.rules import rule_for
from plancli.assess.select import CHOICES, Choice, order_key, takes
from plancli.assess.select import choice_counts as _counts
from plancli.errors import PlanError
from plancli.periods import Period, parse_period
from plancli.plain import Amendment, Plan, Target
from plancli.stored_classes import class_targets

PARENT_SHARE = 0.47
"""The parent's part of the targets (by id); the child judges and writes the rest (a little
more: the parent also merges the two, writes the document and relays the child's rows)."""

SPLIT_AT = 5_000
"""Targets from which `gap --json` splits its work in two (below, a fork costs more than the
half it saves: ~0.3 s of judging and writing at 10,000 targets)."""

TARGETS_INDENT = "\n  "  # where `gap --json` writes its `targets` array: the document's top
_ROWS = "the targets array"  # where `parts` puts the rows' bytes (tested by identity)

before_child_reads: Callable[[], None] | None = None
"""For tests only: called in the child after the parent has fixed its snapshot and before
the child fixes its own (a write made here lands between the two reads, deterministically).
None in plancli."""


def can_split(targets: int) -> bool:
    """Whether `gap --json` of a plan of `targets` targets is judged by two processes: from
    `SPLIT_AT` targets, where there is fork() and the process may run on two processors or
    more (its affinity mask: what `taskset` or a container's cpuset leaves it), whatever
    else the machine runs (the same command gives the same choice). PLANCLI_GAP_SPLIT=never
    or always decides instead (always: whenever there is fork(); for measuring and tests)."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return False
    asked = os.environ.get("PLANCLI_GAP_SPLIT")
    if asked == "never":
        return False
    if asked == "always":
        return True
    return targets >= SPLIT_AT and processors() > 1


def processors() -> int:
    """The processors this process may run on (its affinity mask; else the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - no affinity mask: ask the count
        return os.cpu_count() or 1


class _Indexed(NamedTuple):
    figures: RecordIndex
    amendments: AmendmentIndex

    def latest(self, plan: Plan) -> Latest:
        """The share's latest periods for the default as-of: of a judged target's figures, of
        any (`RecordIndex.default_as_of`, which both processes' together make)."""
        figures = self.figures
        return figures.latest_of(unjudged_ids(plan, self.amendments)), figures.latest_period


class SplitGap:
    """`gap --json` of `plan`, half of it read, judged and written by a child process.

    `source()` makes a `Source` of the ledger (called in each process); `as_of` is the period
    asked for, already checked to be of the plan's year (None: the latest recorded). Use as
    a context manager: entering forks, reads and judges (an error of the plan or the ledger
    is raised here, as by one process); `counts` are then the chosen targets' statuses and
    `parts()` the document's text in pieces; leaving reaps the child, killed first if still
    running. `how` says afterwards what was done: "split", "redone" (the parent read the
    child's share), "alone" (the parent read and judged the whole plan). `encoding` (and its
    error handler) is the output's, ASCII-compatible: the rows are made as bytes in it, each
    process its own, and written as they are. `warn` is given what the parent read (the
    figures of its share, which hold every target in 类's, and every amendment) where one
    process warns of what it read: after the read, before judging; once.
    """

    def __init__(
        self,
        plan: Plan,
        as_of: Period | None,
        source: Callable[[], Source],
        wanted: Collection[str],
        statuses: Sequence[Choice] | None,
        order: Literal["worst", "plan"],
        encoding: tuple[str, str] = ("utf-8", "strict"),
        warn: Callable[[Sequence[Recorded], Sequence[Amendment]], None] | None = None,
    ) -> None:
        self.plan = plan
        self.warn = warn
        self.encoding = encoding
        self.as_of = as_of
        self.source = source
        self.wanted = wanted if isinstance(wanted, (set, frozenset)) else frozenset(wanted)
        self.statuses = statuses
        exact = order_key(plan, order)
        self.key: Callable[[Assessment], tuple[Any, ...]] = lambda a: wire(exact(a))
        (self.my_share, self._my_places), (self.their_share, self._their_places) = shares(
            plan, PARENT_SHARE
        )
        classes = class_targets(plan)  # read by the parent too: it warns of their figures
        if classes:
            mine = self.my_share
            outside = frozenset(c for c in classes if not mine.holds(c))
            self.my_share = mine._replace(extra=mine.extra | outside)
        self._read: tuple[Sequence[Recorded], Sequence[Amendment]] | None = None  # for `warn`
        self._built: dict[int, tuple[Plan, list[Target]]] = {}
        self.how = "split"
        self.pid = 0
        self.fd = -1  # the child's messages
        self.to_child = -1
        self.reader: Source | None = None
        self.own: list[Assessment] = []
        self.merged: list[int] = []
        self.counts: dict[Status, int] = {}
        self.chosen_counts: dict[Choice, int] = {}  # by --fail-on's choices: seasonal too
        self._judged_at: Period | None = None
        self._their: _Indexed | None = None
        self._their_count = 0
        self._mine_count = 0
        self._local: list[Assessment] | None = None

    def __enter__(self) -> SplitGap:
        read, write = os.pipe()
        down_read, down_write = os.pipe()
        try:
            import fcntl

            fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), CHUNK)
        except (ImportError, OSError):  # pragma: no cover - a smaller pipe is only slower
            pass
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (its work is measured by the parent's tests)
            os.close(read)
            os.close(down_write)
            _child(self, write, down_read)
        self.pid, self.fd, self.to_child = pid, read, down_write
        os.close(write)
        os.close(down_read)
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the child and end this process's snapshot."""
        self._stop_child()
        if self.reader is not None:
            reader, self.reader = self.reader, None
            reader.close()

    def _stop_child(self) -> None:
        """Stop reading, kill the child if it still runs, and wait for it."""
        for name in ("fd", "to_child"):
            fd = getattr(self, name)
            if fd >= 0:
                os.close(fd)
                setattr(self, name, -1)
        if self.pid:
            pid, self.pid = self.pid, 0
            with contextlib.suppress(OSError):  # gone already: nothing to stop
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def _start(self) -> None:
        reader = self.reader = self.source()
        name = reader.open()
        if name is None:
            return self._alone()
        send(self.to_child, name)  # a child gone already: its share is read here
        if reader.request(self.my_share):  # a server selects: the share's targets meanwhile
            _prebuilt(self, self.my_share, self._my_places)
        mine = _read_share(self, reader, self.my_share, warns=True)
        if mine is None:
            return self._alone()
        reply = receive(self.fd)
        if reply is not None and reply[:1] == b"U":  # something wrong in its rows
            return self._alone()
        if reply is None or reply[:1] != b"K":  # gone, or it read another state: here
            self._stop_child()
            self.how = "redone"
            self._their = _read_share(self, reader, self.their_share)
            if self._their is None:
                return self._alone()
            their_latest = self._their.latest(self.plan)
        else:
            their_latest = read_latest(reply[1:])
        self._give_warning()  # every row found fit; nothing judged yet: as one process warns
        my_latest = mine.latest(self.plan)
        as_of = (
            self.as_of
            or later(my_latest[0], their_latest[0])
            or later(my_latest[1], their_latest[1])
        )
        self._judged_at = as_of
        if self.pid:
            send(self.to_child, str(as_of).encode() if as_of is not None else b"")
        try:
            plan, targets = self._share(self.my_share, self._my_places)
            self.own, own_keys = _judged(self, _context(plan, mine, as_of), targets)
        except PlanError:  # the first in plan order may be the other half's: as one process
            return self._alone()
        head = read_head(self.fd) if self.pid else None
        if head is None:  # the child failed before its rows: that half here
            try:
                self._local, their_keys = _judged(self, *self._their_context())
            except PlanError:
                return self._alone()
            counts = _counts(self._local)
        else:
            counts, their_keys = head
        self._finish(own_keys, counts, their_keys)

    def _finish(self, own_keys: list[Any], counts: list[int], their_keys: list[Any]) -> None:
        self._their_count = len(their_keys)
        both = [mine + theirs for mine, theirs in zip(_counts(self.own), counts, strict=True)]
        self.chosen_counts = dict(zip(CHOICES, both, strict=True))
        self.counts = {s: self.chosen_counts[s] for s in STATUSES}
        keys = own_keys + their_keys  # two sorted runs: one merge
        self.merged = sorted_places(keys)
        self._mine_count = len(own_keys)

    def _share(self, share: Share, places: list[int]) -> tuple[Plan, list[Target]]:
        """A share's targets, built (only they, and those they read: `Plan.part`), and a plan
        of them that judges them as the whole plan does."""
        built = self._built.get(share.rows)
        if built is None:
            plan = self.plan
            targets = plan.part(places)
            read = plan.part(extra_places(plan, share))
            built = self._built[share.rows] = (
                Plan(plan.plan, plan.sections, targets + read),
                targets,
            )
        return built

    def _their_context(self) -> tuple[Context, list[Target]]:
        """The child's share, read and indexed here (in this process's snapshot), and its
        targets."""
        self._stop_child()
        if self.how == "split":
            self.how = "redone"
        if self._their is None:
            assert self.reader is not None
            self._their = _read_share(self, self.reader, self.their_share)
            if self._their is None:  # pragma: no cover - the child found the same rows fit
                raise RuntimeError("the ledger's second half changed within one snapshot")
        plan, targets = self._share(self.their_share, self._their_places)
        return _context(plan, self._their, self._judged_at), targets

    def _alone(self) -> None:
        """The whole plan read and judged here, as one process does (its errors, if any)."""
        self._stop_child()
        self.how = "alone"
        assert self.reader is not None
        figures, amendments = self.reader.whole()
        self._read = (figures, amendments)
        self._give_warning()
        context = plan_context(self.plan, figures, self.as_of, amendments)
        self._judged_at = context.as_of
        self.own, own_keys = _judged(self, context, self.plan.targets)
        self._local = []
        self._finish(own_keys, _counts(()), [])

    @property
    def judged_at(self) -> Period | None:
        """The period judged at (None: no figure for the plan, and none asked for)."""
        return self._judged_at

    def _give_warning(self) -> None:
        """What was read, to `warn`, once."""
        read, self._read = self._read, None
        warn, self.warn = self.warn, None
        if read is not None and warn is not None:
            warn(*read)

    def parts(self) -> Iterator[str | bytes]:
        """The `gap --json` document in pieces: its text (`gap_json.gap_document_parts`),
        with the `targets` array as bytes in `encoding`, the two processes' rows spliced."""
        head = PlanAssessment(self.plan, self._judged_at, [], RecordIndex(self.plan, ()))
        indents: list[str] = []

        def mark(indent: str) -> Iterator[str]:
            indents.append(indent)
            yield _ROWS

        for part in gap_document_parts(head, self.counts, mark):
            if part is _ROWS:
                yield from array_bytes(self._merged_rows(indents[0]), indents[0], self.encoding)
            else:
                yield part

    def _merged_rows(self, indent: str) -> Iterator[bytes]:
        encoding, errors = self.encoding
        own = (row.encode(encoding, errors) for row in row_texts(self.own, indent))
        theirs = self._their_rows(indent)
        mine = self._mine_count
        for place in self.merged:
            yield next(own) if place < mine else next(theirs)

    def _their_rows(self, indent: str) -> Iterator[bytes]:
        """The child's rows as it sends them (bytes, as they are written); what it did not
        send, made here."""
        sent = 0
        if self._local is None and indent == TARGETS_INDENT and self.fd >= 0:
            while sent < self._their_count:
                frame = read_frame(self.fd)
                if frame is None:
                    break
                lengths, data = frame
                at = 0
                for length in lengths:
                    if sent == self._their_count:  # pragma: no cover - more than promised
                        break
                    sent += 1
                    yield data[at : at + length]
                    at += length
        if sent < self._their_count:  # the child stopped short: the rest from here
            local = self._local
            if local is None:
                local, _ = _judged(self, *self._their_context())
            encoding, errors = self.encoding
            for row in row_texts(local[sent:], indent):
                yield row.encode(encoding, errors)
        self._stop_child()


def _read_share(
    split: SplitGap, reader: Source, share: Share, warns: bool = False
) -> _Indexed | None:
    """`share` read and indexed; None when the whole ledger is to be read by one process.
    `warns`: the parent's share, which holds every target in 类: kept for `SplitGap.warn`
    (given once the whole ledger is found fit: `_give_warning`)."""
    try:
        got = reader.read(share)
        if got is None:
            return None
        figures, amendments = got
        if warns:
            split._read = (figures, amendments)
        return _Indexed(RecordIndex(split.plan, figures), AmendmentIndex(split.plan, amendments))
    except PlanError:  # the whole read says what is wrong, as one process does
        return None


def _prebuilt(split: SplitGap, share: Share, places: list[int]) -> None:
    """`share`'s targets built now (`SplitGap._share`), while another process selects its
    figures; an error of the plan is left to be raised where they are built otherwise."""
    with contextlib.suppress(PlanError):
        split._share(share, places)


def _context(plan: Plan, indexed: _Indexed, as_of: Period | None) -> Context:
    """Judging a share's targets: `plan` holds them and the targets they read."""
    return Context(plan, indexed.figures, indexed.amendments, as_of, rule_for)


def _judged(
    split: SplitGap, context: Context, targets: Sequence[Target]
) -> tuple[list[Assessment], list[Any]]:
    """`targets` judged in plan order (every one, as `assess_plan`: its errors are theirs),
    the chosen ones sorted, with their sort keys."""
    judge, wanted, statuses = context.assess, split.wanted, split.statuses
    chosen = [
        a
        for a in map(judge, targets)
        if a.target.id in wanted and (statuses is None or takes(a, statuses))
    ]
    keys = list(map(split.key, chosen))
    order = sorted_places(keys)
    return [chosen[i] for i in order], [keys[i] for i in order]


def _child(split: SplitGap, fd: int, parent: int) -> None:  # pragma: no cover - the child
    """Read and judge the second share, send its counts and keys, then its rows; exit without
    a word (whatever fails, the parent does this half itself)."""
    code = 1
    try:
        reader = split.source()
        reader.prepare()  # a database's connection, while the parent exports its snapshot
        name = receive(parent)
        if not name:
            return
        if before_child_reads is not None:
            before_child_reads()
        if reader.open(name) != name:  # another state of the ledger: the parent reads it
            send(fd, b"M")
            return
        if reader.request(split.their_share):  # a server selects: the targets meanwhile
            _prebuilt(split, split.their_share, split._their_places)
        indexed = _read_share(split, reader, split.their_share)
        if indexed is None:
            send(fd, b"U")
            return
        send(fd, b"K" + latest_bytes(indexed.latest(split.plan)))
        as_of = receive(parent)
        if as_of is None:
            return
        plan, targets = split._share(split.their_share, split._their_places)
        context = _context(plan, indexed, parse_period(as_of.decode()) if as_of else None)
        chosen, keys = _judged(split, context, targets)
        with os.fdopen(fd, "wb", buffering=CHUNK) as out:
            head = marshal.dumps((_counts(chosen), keys))
            out.write(len(head).to_bytes(8, "little") + head)
            out.flush()
            for frame in frames(row_texts(chosen, TARGETS_INDENT), split.encoding):
                out.write(frame)
        code = 0
    except BaseException:  # the parent makes up for anything: no word, no traceback
        code = 1
    finally:
        os._exit(code)
