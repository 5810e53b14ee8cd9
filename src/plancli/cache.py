"""plancli's cache folder: the one thing kept between runs, the validated plan (issue 15).

What is kept is data, never code: a plan as plain values (`compiled.py`), which reading
cannot make run anything. It is still trusted for what it says, since a read command judges
every target by the plan it finds there: an entry planted by someone else could make `status`
report what it likes. So an entry is read only when all of these hold, checked on the open
descriptors (no race between looking and reading):
- its folder is a real folder (not a link), owned by the user running plancli, and neither
  group- nor world-writable; plancli creates its cache folders 0700 and files 0600;
- the entry is a regular file (not a link, a FIFO or a device), owned by that user, and
  neither group- nor world-writable;
- it carries the key of the inputs it was made from (the caller compares it).
Anything else is a miss: the caller computes from the files, and the entry is replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

try:  # blake2 alone: hashlib loads OpenSSL first, 5 ms of every read command's start-up
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without its own blake2
    from hashlib import blake2b as blake2b

_NOT_OURS = stat.S_IWGRP | stat.S_IWOTH  # bits that let someone else change a file or folder
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def cache_dir(kind: str) -> Path:
    """`$XDG_CACHE_HOME/plancli/KIND` (default `~/.cache/plancli/KIND`). A relative
    XDG_CACHE_HOME is ignored, as the XDG spec says: a cron job run from a data folder made
    its `relcache/` there."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = str(Path.home() / ".cache")
    return Path(base) / "plancli" / kind


def entry_path(kind: str, suffix: str, *identity: str) -> Path:
    """The one entry of `kind` for these inputs (paths, options). A path's byte that is not
    UTF-8 (a lone surrogate) is hashed as that byte (session 28: `--plan p\\xff.toml`
    stopped every command with an internal error)."""
    key = "\0".join(identity).encode("utf-8", "surrogateescape")
    name = blake2b(key, digest_size=16).hexdigest()
    return cache_dir(kind) / f"{name}{suffix}"


def _uid() -> int:
    """The user whose files the cache may trust (tests replace it to play another user)."""
    return os.geteuid()


def _private(info: os.stat_result) -> bool:
    """Owned by the user running plancli, and writable by nobody else."""
    return info.st_uid == _uid() and not info.st_mode & _NOT_OURS


def read_entry(path: Path) -> bytes | None:
    """The bytes of the entry at `path` if it and its folder are the user's alone, else None
    (absent, unreadable, a link, someone else's: see the module's docstring)."""
    try:
        folder = os.open(path.parent, _DIR_FLAGS)
    except OSError:
        return None
    try:
        if not _private(os.fstat(folder)):
            return None
        fd = os.open(path.name, _FILE_FLAGS, dir_fd=folder)
    except OSError:  # missing, a link (ELOOP), unreadable
        return None
    finally:
        os.close(folder)
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            return handle.read()
    except OSError:
        return None


def _private_folder(folder: Path) -> bool:
    """Create the cache folder 0700 (each level plancli owns: `plancli/` and `KIND/`); True
    when it is a real folder owned by the user and writable by nobody else. A folder of the
    user's with looser bits is tightened; one of someone else's is not used."""
    for level in (folder.parent, folder):
        try:
            level.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(level, _DIR_FLAGS)
        except OSError:
            return False
        try:
            info = os.fstat(fd)
            if info.st_uid != _uid():
                return False
            if info.st_mode & _NOT_OURS:
                os.fchmod(fd, 0o700)
        except OSError:
            return False
        finally:
            os.close(fd)
    return True


def write_entry(path: Path, data: bytes) -> None:
    """Store `data` at `path`, atomically, mode 0600; without a usable cache folder (a
    read-only home, a folder of someone else's) do nothing: plancli works, only slower."""
    if not _private_folder(path.parent):
        return
    import tempfile  # only to write: 2 ms of imports a read does not need

    temp: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".", suffix=".tmp", delete=False
        ) as handle:  # mode 0600
            temp = handle.name
            handle.write(data)
        os.replace(temp, path)
        temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
