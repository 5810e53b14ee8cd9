"""`gap --json` of a large plan judged and written by two processes (issue 15: 100,000
targets within 8 s on a 2-core machine).

After the ledger is read and indexed (`engine.plan_context`), the process forks. Each process
judges one half of the plan's targets, in plan order, keeps the chosen ones (`--section`,
`--kind`, `--status`) and sorts them (`select.order_key`: unique to each target, so the two
sorted halves merge into the order of the whole). The child sends the parent, through a pipe,
its counts and sort keys, then its rows of the `targets` array as text, each ended by a NUL
(JSON text never holds one raw: `\\u0000`). The parent merges the keys, writes the document's
head with the counts of both, then the rows in the merged order: its own as it writes them,
the child's as they come.

What may go wrong is never the user's problem: a child that fails, dies or sends less than it
promised is replaced by the parent judging and writing that half itself, so the output, or
the error (a plan's roll-ups that refer back to themselves, say), is the single process's,
from the same code. The child is always waited for (no zombie) and killed when the parent
stops early (a closed pipe: `gap --json | head`). Nothing is cached: the child's rows are
made from the same figures in the same run.
"""

from __future__ import annotations

import codecs
import contextlib
import marshal
import os
import signal
from collections.abc import Iterator, Sequence
from fractions import Fraction
from types import TracebackType
from typing import Any, Literal

from plancli.assess.core import STATUSES, Assessment, Context, Status
from plancli.assess.engine import PlanAssessment
from plancli.assess.gap_json import gap_document_parts, row_texts
from plancli.assess.select import order_key
from plancli.plain import Target

SPLIT_AT = 5_000
"""Targets from which `gap --json` splits its work in two (below, a fork costs more than the
half it saves: ~0.3 s of judging and writing at 10,000 targets)."""

TARGETS_INDENT = "\n  "  # where `gap --json` writes its `targets` array: the document's top
_END = "\0"
_CHUNK = 1 << 20


def can_split(targets: int) -> bool:
    """Whether `gap --json` of a plan of `targets` targets is judged by two processes: from
    `SPLIT_AT` targets, where there is fork() and a processor free to run the child (the
    load average of the last minute below the processors less one: on a machine already
    busy the child only waits for a processor, and its copied pages cost CPU time)."""
    if targets < SPLIT_AT or not hasattr(os, "fork"):
        return False
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - no affinity mask: ask the count
        processors = os.cpu_count() or 1
    return processors > 1 and _load() <= processors - 1


def _load() -> float:
    """The load average of the last minute (the processors busy, on average), 0 unknown."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - a system that does not say
        return 0.0


class SplitGap:
    """`gap --json` of `context`'s plan, half of it judged and written by a child process.

    Use as a context manager: entering forks and judges (an error of the plan is raised
    here, as by `assess_plan`); `counts` are then the chosen targets' statuses and `parts()`
    the document's text in pieces; leaving reaps the child, killed first if still running.
    """

    def __init__(
        self,
        context: Context,
        targets: Sequence[Target],
        statuses: Sequence[Status] | None,
        order: Literal["worst", "plan"],
    ) -> None:
        self.context = context
        self.wanted = {t.id for t in targets}
        self.statuses = statuses
        self.key = order_key(context.plan, order)
        everything = context.plan.targets
        half = len(everything) // 2
        self.mine, self.theirs = everything[:half], everything[half:]
        self.pid = 0
        self.fd = -1
        self.own: list[Assessment] = []
        self.merged: list[int] = []
        self.counts: dict[Status, int] = {}
        self._their_count = 0
        self._mine_count = 0
        self._local: list[Assessment] | None = None

    def __enter__(self) -> SplitGap:
        read, write = os.pipe()
        try:
            import fcntl

            fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), _CHUNK)
        except (ImportError, OSError):  # pragma: no cover - a smaller pipe is only slower
            pass
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (its work is measured by the parent's tests)
            os.close(read)
            _child(self, write)
        self.pid, self.fd = pid, read
        os.close(write)
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
        """Stop reading, kill the child if it still runs, and wait for it."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.pid:
            pid, self.pid = self.pid, 0
            with contextlib.suppress(OSError):  # gone already: nothing to stop
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def _start(self) -> None:
        self.own, own_keys = _judged(self, self.mine)
        head = _read_head(self.fd)
        if head is None:  # the child failed before its rows: that half here (its error, if any)
            self.close()
            self._local, their_keys = _judged(self, self.theirs)
            counts = _counts(self._local)
        else:
            counts, their_keys = head
        self._their_count = len(their_keys)
        own_counts = _counts(self.own)
        self.counts = {s: own_counts[i] + counts[i] for i, s in enumerate(STATUSES)}
        keys = own_keys + their_keys  # two sorted runs: one merge
        self.merged = sorted(range(len(keys)), key=keys.__getitem__)
        self._mine_count = len(own_keys)

    def parts(self, assessment: PlanAssessment) -> Iterator[str]:
        """The `gap --json` document's text in pieces (`gap_json.gap_document_parts`)."""
        return gap_document_parts(assessment, self.counts, self._rows)

    def _rows(self, indent: str) -> Iterator[str]:
        from plancli.assess.gap_json import array_text

        return array_text(self._merged_rows(indent), indent)

    def _merged_rows(self, indent: str) -> Iterator[str]:
        own = row_texts(self.own, indent)
        theirs = self._their_rows(indent)
        mine = self._mine_count
        for place in self.merged:
            yield next(own) if place < mine else next(theirs)

    def _their_rows(self, indent: str) -> Iterator[str]:
        """The child's rows as it sends them; what it did not send, made here."""
        sent = 0
        if self._local is None and indent == TARGETS_INDENT:
            decoder = codecs.getincrementaldecoder("utf-8")()
            tail = ""
            while sent < self._their_count:
                try:
                    chunk = os.read(self.fd, _CHUNK)
                except OSError:  # pragma: no cover
                    break
                if not chunk:
                    break
                rows = (tail + decoder.decode(chunk)).split(_END)
                tail = rows.pop()
                for row in rows:
                    if sent == self._their_count:
                        break
                    sent += 1
                    yield row
        if sent < self._their_count:  # the child stopped short: the rest from here
            self.close()
            local = self._local
            if local is None:
                local, _ = _judged(self, self.theirs)
            yield from row_texts(local[sent:], indent)
        self.close()


def _judged(split: SplitGap, targets: Sequence[Target]) -> tuple[list[Assessment], list[Any]]:
    """`targets` judged in plan order (every one, as `assess_plan`: its errors are theirs),
    the chosen ones sorted, with their sort keys."""
    judge, wanted, statuses = split.context.assess, split.wanted, split.statuses
    chosen = [
        a
        for a in map(judge, targets)
        if a.target.id in wanted and (statuses is None or a.status in statuses)
    ]
    keys = list(map(split.key, chosen))
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return [chosen[i] for i in order], [keys[i] for i in order]


def _counts(chosen: Sequence[Assessment]) -> list[int]:
    counts = dict.fromkeys(STATUSES, 0)
    for a in chosen:
        counts[a.status] += 1
    return [counts[s] for s in STATUSES]


def _child(split: SplitGap, fd: int) -> None:  # pragma: no cover - runs in the child
    """Judge the second half, send its counts and keys, then its rows; exit without a word
    (whatever fails, the parent does this half itself)."""
    code = 1
    try:
        with os.fdopen(fd, "wb", buffering=_CHUNK) as out:
            chosen, keys = _judged(split, split.theirs)
            head = marshal.dumps((_counts(chosen), [_wire(key) for key in keys]))
            out.write(len(head).to_bytes(8, "little") + head)
            out.flush()
            batch: list[str] = []
            for row in row_texts(chosen, TARGETS_INDENT):
                batch.append(row)
                if len(batch) == 256:
                    batch.append("")
                    out.write(_END.join(batch).encode())
                    batch = []
            batch.append("")
            out.write(_END.join(batch).encode() if len(batch) > 1 else b"")
        code = 0
    except BaseException:  # the parent makes up for anything: no word, no traceback
        code = 1
    finally:
        os._exit(code)


def _wire(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A sort key as marshal keeps it: each Fraction as (numerator, denominator)."""
    return tuple((x.numerator, x.denominator) if type(x) is Fraction else x for x in key)


def _unwire(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(Fraction(*x) if type(x) is tuple else x for x in key)


def _read_head(fd: int) -> tuple[list[int], list[Any]] | None:
    """The child's counts and sort keys, or None when it failed before sending them."""
    size = _read_exactly(fd, 8)
    if size is None:
        return None
    data = _read_exactly(fd, int.from_bytes(size, "little"))
    if data is None:
        return None
    try:
        counts, keys = marshal.loads(data)
        return counts, [_unwire(key) for key in keys]
    except (EOFError, ValueError, TypeError):  # pragma: no cover - a child cut off mid-head
        return None


def _read_exactly(fd: int, size: int) -> bytes | None:
    parts: list[bytes] = []
    while size > 0:
        try:
            chunk = os.read(fd, min(size, _CHUNK))
        except OSError:  # pragma: no cover
            return None
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)
