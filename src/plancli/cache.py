"""plancli's cache folder: results kept for inputs that have not changed since.

Two things are cached (issue 5): large validated plans (`plan.py`) and the status dashboard
(`views.py`). Both follow one rule: an entry is used only when the bytes of every input file,
plancli's own code and the libraries whose objects are stored are what they were when the
entry was written. Anything else (an edit, an upgrade, a torn or foreign file) is a miss, and
the caller computes and validates from the files as if there were no cache. Each cached thing
has one entry per input, replaced when it changes, so the folder does not grow with edits.

Entries are pickles, and unpickling runs code: a file planted in the cache folder would run
as whoever runs plancli next (issue 14, item 8). So an entry is unpickled only when all of
these hold, checked on the open descriptors (no race between looking and reading):
- its folder is a real folder (not a link), owned by the user running plancli, and neither
  group- nor world-writable; plancli creates its cache folders 0700 and files 0600;
- the entry is a regular file (not a link, a FIFO or a device), owned by that user, and
  neither group- nor world-writable;
- it starts with FORMAT and the key it must carry, compared before the pickle is touched.
Anything else is a miss: the caller computes from the files, and the entry is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from plancli.paths import open_regular

PACKAGE_DIR = Path(__file__).parent
# Bump when the layout of an entry changes. An entry is FORMAT, then its key, then the pickle.
FORMAT = b"plancli-cache-2\n"
_NOT_OURS = stat.S_IWGRP | stat.S_IWOTH  # bits that let someone else change a file or folder
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def cache_dir(kind: str) -> Path:
    """`$XDG_CACHE_HOME/plancli/KIND` (default `~/.cache/plancli/KIND`)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plancli" / kind


def entry_path(kind: str, *identity: str) -> Path:
    """The one entry of `kind` for these inputs (paths, options)."""
    name = hashlib.blake2b("\0".join(identity).encode(), digest_size=16).hexdigest()
    return cache_dir(kind) / f"{name}.pickle"


def fingerprint(files: Iterable[Path], parts: Iterable[str], libraries: Iterable[str]) -> bytes:
    """Digest of the files' bytes, the parts, plancli's code and the libraries' install.

    Raises OSError when a file exists but cannot be read (the caller then skips the cache, and
    reading the file for real reports the problem). A missing file counts as an empty one: a
    ledger not yet written and an empty one hold no records, and SQLite leaves an empty `-wal`
    file behind a reader where there was none.
    """
    digest = hashlib.blake2b(FORMAT, digest_size=32)
    digest.update(sys.version.encode())
    for part in parts:
        digest.update(b"\0part\0" + part.encode())
    for path in files:
        digest.update(b"\0file\0" + str(path).encode() + b"\0")
        try:
            fd = open_regular(path)  # a FIFO or a device: OSError, never opened blocking
        except FileNotFoundError:  # as an empty file: no records, like an empty ledger
            digest.update(hashlib.blake2b().digest())
            continue
        with os.fdopen(fd, "rb") as handle:
            digest.update(hashlib.file_digest(handle, "blake2b").digest())
    for module in sorted(PACKAGE_DIR.rglob("*.py")):  # an edited or upgraded plancli
        info = module.stat()
        digest.update(f"\0{module}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    for name in libraries:  # an upgrade replaces a library's files, which changes its folder
        library = Path(importlib.import_module(name).__file__ or name).parent
        info = library.stat()
        digest.update(f"\0{library}\0{info.st_ino}\0{info.st_mtime_ns}".encode())
    return digest.digest()


def _uid() -> int:
    """The user whose files the cache may trust (tests replace it to play another user)."""
    return os.geteuid()


def _private(info: os.stat_result) -> bool:
    """Owned by the user running plancli, and writable by nobody else."""
    return info.st_uid == _uid() and not info.st_mode & _NOT_OURS


def _read_private(path: Path) -> bytes | None:
    """The bytes of the entry at `path` if it and its folder are the user's alone, else None."""
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
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        return handle.read()


def read_entry(path: Path, key: bytes) -> object | None:
    """The value stored at `path` under `key`; None when absent, stale, unreadable or not
    safe to unpickle (see the module's docstring)."""
    try:
        data = _read_private(path)
    except OSError:
        return None
    header = FORMAT + key
    if data is None or not data.startswith(header):  # the key is checked before unpickling
        return None
    try:
        value: object = pickle.loads(memoryview(data)[len(header) :])
    except Exception:  # torn, or written by other code: a miss
        return None
    return value


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


def write_entry(path: Path, key: bytes, value: object) -> None:
    """Store `value` under `key`, atomically; without a usable cache folder (a read-only
    home, a folder of someone else's) do nothing."""
    try:
        data = FORMAT + key + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object that cannot be pickled is simply not cached
        return
    if not _private_folder(path.parent):
        return
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
        pass  # plancli still works, only slower
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
