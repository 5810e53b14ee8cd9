"""Replacing a file all at once: the one way plancli writes a file it owns (a TOML ledger, a
report, a template, a drafted plan). A temp file in the same folder, fsync, the old file's
permissions, rename, fsync of the folder: a reader sees the old file or the new one, and an
error (disk full, no permission), a crash or Ctrl-C leaves the old file as it was and no temp
file behind. A file this process may not write (chmod a-w) is refused, not renamed over."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path


def replace_file(
    path: Path,
    data: bytes,
    failed: Callable[[OSError], Exception],
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Replace (or create) `path` with `data`; an OSError is raised as `failed(error)` (the
    caller's error naming the file). `before_rename`, a test's hook: a writer killed between
    the durable temp file and the rename (the TOML ledger's crash tests)."""
    directory = path.parent if str(path.parent) else Path(".")
    refused = _may_not_write(path)  # a rename replaces a file whatever its bits: ask them first
    if refused is not None:
        raise failed(OSError(refused, os.strerror(refused), str(path)))
    mode = _file_mode(path)
    temp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temp_name = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)  # like a file opened for writing, not the temp file's 0600
        if before_rename is not None:
            before_rename()
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise failed(exc) from None
    finally:
        if temp_name is not None:  # never part of the file: whatever stopped the write
            with suppress(OSError):
                os.unlink(temp_name)
    _fsync_directory(directory)


def _may_not_write(path: Path) -> int | None:
    """Why this process may not write the file at `path` (an errno), or None (nor if there is
    none). A ledger or a report made read-only (chmod a-w: the year closed, a copy kept as sent)
    was replaced all the same: the rename needs only the folder's permission, where
    `echo > FILE` fails."""
    if not os.path.lexists(path):
        return None
    effective = os.access in os.supports_effective_ids  # setuid, or root without its powers
    if os.access(path, os.W_OK, effective_ids=effective):
        return None
    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return errno.EROFS if read_only else errno.EACCES


def _file_mode(path: Path) -> int:
    """Keep the file's permissions (a group-shared ledger stays shared); a new file's: umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    # The rename is durable only once the folder's entry is on disk.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename has still happened
    finally:
        os.close(fd)
