"""The pipe between the two processes of `gap --json` split in two (`gap_split`): messages
(a length, then the bytes), the child's head (its counts and sort keys, by `marshal`), its
rows in frames (how many, each one's length, their bytes in the output's encoding), and the
sort keys as they cross: each Fraction as its (numerator, denominator), sorted so
(`sorted_places`)."""

from __future__ import annotations

import marshal
import os
from array import array
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from plancli.assess.records import later_key
from plancli.periods import Period, parse_period

CHUNK = 1 << 20  # the pipe's size asked for, and the most read at once
_FRAME = 256  # the child's rows sent at once: their count, their lengths, their bytes
_BATCH = 512  # rows joined into one piece of the output (`gap_json.array_text`'s)


def array_bytes(rows: Iterator[bytes], indent: str, encoding: tuple[str, str]) -> Iterator[bytes]:
    """`gap_json.array_text` of rows already encoded: the same text, as bytes."""
    inner = (indent + "  ").encode(*encoding)
    between = b"," + inner
    batch: list[bytes] = []
    first = True
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield (b"[" + inner if first else between) + between.join(batch)
            first = False
            batch = []
    if batch:
        yield (b"[" + inner if first else between) + between.join(batch)
        first = False
    yield b"[]" if first else (indent + "]").encode(*encoding)


def frames(rows: Iterator[str], encoding: tuple[str, str]) -> Iterator[bytes]:
    """The child's rows for the pipe, `_FRAME` at a time: how many, each one's length in
    bytes (an `array` of "I"), then the rows' bytes as they are written."""
    name, errors = encoding
    batch: list[bytes] = []
    for row in rows:
        batch.append(row.encode(name, errors))
        if len(batch) == _FRAME:
            yield frame(batch)
            batch = []
    if batch:
        yield frame(batch)


def frame(rows: list[bytes]) -> bytes:
    return len(rows).to_bytes(4, "little") + array("I", map(len, rows)).tobytes() + b"".join(rows)


def read_frame(fd: int) -> tuple[array[int], bytes] | None:
    """One frame of `frames`, or None when the child stopped before its end."""
    size = read_exactly(fd, 4)
    if size is None:
        return None
    lengths = array("I")
    data = read_exactly(fd, int.from_bytes(size, "little") * lengths.itemsize)
    if data is None:
        return None
    lengths.frombytes(data)
    rows = read_exactly(fd, sum(lengths))
    return None if rows is None else (lengths, rows)


def send(fd: int, message: bytes) -> bool:
    """One message (its length, then it) to the other process; False when it is gone."""
    try:
        data = len(message).to_bytes(8, "little") + message
        while data:
            data = data[os.write(fd, data) :]
    except OSError:
        return False
    return True


def receive(fd: int) -> bytes | None:
    """One message of `send`, or None when the other process is gone."""
    size = read_exactly(fd, 8)
    return None if size is None else read_exactly(fd, int.from_bytes(size, "little"))


def sorted_places(keys: list[tuple[Any, ...]]) -> list[int]:
    """The places of `keys` (`wire`d) in the order of the keys they were made from.

    A pair compares as its Fraction does when it is equal to the other (Fractions are kept
    in lowest terms: equal values, equal pairs), and then in C, not by `Fraction.__eq__`
    (0.2 s for 50,000 keys of which 16,000 distinct paces). So the pairs are compared as they
    are unless two keys equal up to a pair hold different ones (a pace's float leaves its
    Fraction to decide: two paces within a float's precision); then as Fractions."""
    places = range(len(keys))
    if keys:
        first = keys[0]
        for at in (i for i, x in enumerate(first) if type(x) is tuple):
            if len({key[:at] for key in keys}) != len({key[: at + 1] for key in keys}):
                exact = [unwire(key) for key in keys]
                return sorted(places, key=exact.__getitem__)
    return sorted(places, key=keys.__getitem__)


def wire(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A sort key as marshal keeps it (and `sorted_places` sorts it): each Fraction as
    (numerator, denominator)."""
    return tuple((x.numerator, x.denominator) if type(x) is Fraction else x for x in key)


def unwire(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(Fraction(*x) if type(x) is tuple else x for x in key)


def read_head(fd: int) -> tuple[list[int], list[Any]] | None:
    """The child's counts and sort keys, or None when it failed before sending them."""
    size = read_exactly(fd, 8)
    if size is None:
        return None
    data = read_exactly(fd, int.from_bytes(size, "little"))
    if data is None:
        return None
    try:
        counts, keys = marshal.loads(data)
        return counts, keys
    except (EOFError, ValueError, TypeError):  # pragma: no cover - a child cut off mid-head
        return None


def read_exactly(fd: int, size: int) -> bytes | None:
    if fd < 0:
        return None
    parts: list[bytes] = []
    while size > 0:
        try:
            chunk = os.read(fd, min(size, CHUNK))
        except OSError:  # pragma: no cover
            return None
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


# (the latest period of a judged target's figure, of any figure), each None without one
Latest = tuple[Period | None, Period | None]


def later(one: Period | None, other: Period | None) -> Period | None:
    """The later of two latest periods (`RecordIndex.latest_of`'s order)."""
    periods = [p for p in (one, other) if p is not None]
    if not periods:
        return None
    return max(periods, key=later_key)


def latest_bytes(latest: Latest) -> bytes:
    """`gap_split._Indexed.latest` as the child sends it: the two periods, a space between
    (`2026-06 2026`; an empty text for none)."""
    return " ".join("" if p is None else str(p) for p in latest).encode()


def read_latest(data: bytes) -> Latest:
    judged, _, any_figure = data.decode().partition(" ")
    return (
        parse_period(judged) if judged else None,
        parse_period(any_figure) if any_figure else None,
    )
