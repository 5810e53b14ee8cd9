"""The file `import` reads: a path (a regular file only: a FIFO or /dev/zero would block or
never end) or `-`, stdin, with its size when it has one."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path
from typing import Any, BinaryIO

from plancli.i18n import _


def _stdin_bytes() -> BinaryIO:
    stream = getattr(sys.stdin, "buffer", None)
    return stream if stream is not None else io.BytesIO(sys.stdin.read().encode())


def open_input(file: str) -> tuple[str, BinaryIO, int | None]:
    """(name, stream, size) of the file to import; size None when it is not a regular file
    (stdin from a pipe), whose size is then checked while it is read."""
    if file == "-":
        name, stream = "<stdin>", _stdin_bytes()
    else:
        from plancli.paths import IMPORT_FILE, open_file

        # A regular file only: a FIFO or /dev/zero would block or never end (stdin is `-`).
        name, stream = file, open_file(Path(file), IMPORT_FILE)
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return name, stream, None
    return name, stream, info.st_size if stat.S_ISREG(info.st_mode) else None


class _ClosedStdinBytes(io.RawIOBase):
    """The bytes of a stdin closed when the process started: reading them is an error."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        from plancli.errors import InputError

        raise InputError(
            _("standard input is closed: give a file instead of -, or pipe one in (< FILE)")
        )


class _ClosedStdin(io.TextIOWrapper):
    """sys.stdin when the process started with it closed (a daemon, `sh -c '… <&-'`): Python
    leaves it None, and `import -`, `validate --source -` and `extract -` failed on it with
    an AttributeError (exit 70, "a bug in plancli"). Reading it is now a usage error (exit 2),
    as reading an empty one (`</dev/null`) is; it is never a terminal (`undo` does not ask)."""

    def __init__(self) -> None:
        super().__init__(io.BufferedReader(_ClosedStdinBytes()), encoding="utf-8")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("stdin is closed")


def guard_closed_stdin() -> None:
    """With stdin closed, hold descriptor 0 on /dev/null (`streams.hold_if_closed`) and make
    reading stdin the error it is."""
    from plancli.cli.streams import hold_if_closed

    if sys.stdin is None and hold_if_closed(0, os.O_RDONLY):
        sys.stdin = _ClosedStdin()
