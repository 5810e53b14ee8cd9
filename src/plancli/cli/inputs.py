"""The file `import` reads: a path (a regular file only: a FIFO or /dev/zero would block or
never end) or `-`, stdin, with its size when it has one."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO


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
